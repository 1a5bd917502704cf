/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-peak-page-private.h: what the GUI tests read of the peak page, and drive. */
#pragma once

#include "lirscope-peak-page.h"

G_BEGIN_DECLS

void        lirscope_peak_page_activate     (LirscopePeakPage *self,
                                             guint             position);
GListModel *lirscope_peak_page_get_model    (LirscopePeakPage *self);
gint64      lirscope_peak_page_get_step     (LirscopePeakPage *self);
const char *lirscope_peak_page_get_title    (LirscopePeakPage *self);
const char *lirscope_peak_page_get_totals   (LirscopePeakPage *self);
void        lirscope_peak_page_set_follow   (LirscopePeakPage *self,
                                             gboolean          follow);

G_END_DECLS
