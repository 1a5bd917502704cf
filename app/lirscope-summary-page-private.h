/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-summary-page-private.h: what the GUI tests read of the summary page, and drive. */
#pragma once

#include "lirscope-summary-page.h"

G_BEGIN_DECLS

gboolean    lirscope_summary_page_can_copy    (LirscopeSummaryPage *self,
                                               LirStat              stat);
const char *lirscope_summary_page_get_value   (LirscopeSummaryPage *self,
                                               LirStat              stat);
const char *lirscope_summary_page_get_order   (LirscopeSummaryPage *self);
void        lirscope_summary_page_set_hold    (LirscopeSummaryPage *self,
                                               gboolean             hold);
gboolean    lirscope_summary_page_set_symbol  (LirscopeSummaryPage *self,
                                               const char          *symbol,
                                               guint64              value);

G_END_DECLS
