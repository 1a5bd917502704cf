/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-peak-page.h: what fills the arena at the peak, or at the cursor. */
#pragma once

#include "lirscope-page.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_PEAK_PAGE (lirscope_peak_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopePeakPage, lirscope_peak_page, LIRSCOPE, PEAK_PAGE, LirscopePage)


G_END_DECLS
