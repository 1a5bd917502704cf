/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-peak-page.h: what fills the arena at the peak, or at the cursor. */
#pragma once

#include <gtk/gtk.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_PEAK_PAGE (lirscope_peak_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopePeakPage, lirscope_peak_page, LIRSCOPE, PEAK_PAGE, GtkWidget)

void        lirscope_peak_page_set_session  (LirscopePeakPage *self,
                                             LirscopeSession  *session);
GListModel *lirscope_peak_page_get_model    (LirscopePeakPage *self);
gint64      lirscope_peak_page_get_step     (LirscopePeakPage *self);
void        lirscope_peak_page_set_follow   (LirscopePeakPage *self,
                                             gboolean          follow);
void        lirscope_peak_page_activate     (LirscopePeakPage *self,
                                             guint             position);
const char *lirscope_peak_page_get_title    (LirscopePeakPage *self);

G_END_DECLS
