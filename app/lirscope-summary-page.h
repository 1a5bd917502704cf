/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-summary-page.h: the plan's figures and its symbol controls. */
#pragma once

#include "lirscope-page.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_SUMMARY_PAGE (lirscope_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeSummaryPage, lirscope_summary_page, LIRSCOPE, SUMMARY_PAGE, LirscopePage)


G_END_DECLS
