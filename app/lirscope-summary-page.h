/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-summary-page.h: the plan's figures and its symbol controls. */
#pragma once

#include <adwaita.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_SUMMARY_PAGE (lirscope_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeSummaryPage, lirscope_summary_page, LIRSCOPE, SUMMARY_PAGE, GtkWidget)

void        lirscope_summary_page_set_session (LirscopeSummaryPage *self,
                                               LirscopeSession     *session);
const char *lirscope_summary_page_get_value   (LirscopeSummaryPage *self,
                                               LirStat              stat);
gboolean    lirscope_summary_page_can_copy    (LirscopeSummaryPage *self,
                                               LirStat              stat);
gboolean    lirscope_summary_page_set_symbol  (LirscopeSummaryPage *self,
                                               const char          *symbol,
                                               guint64              value);
void        lirscope_summary_page_set_hold    (LirscopeSummaryPage *self,
                                               gboolean             hold);

G_END_DECLS
