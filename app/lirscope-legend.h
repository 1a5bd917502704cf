/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-legend.h: the timeline's legend, one row under it, drawn by core/render. */
#pragma once

#include "lirscope-timeline.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_LEGEND (lirscope_legend_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeLegend, lirscope_legend, LIRSCOPE, LEGEND, GtkWidget)

void lirscope_legend_set_timeline (LirscopeLegend   *self,
                                   LirscopeTimeline *timeline,
                                   LirscopeSession  *session);

G_END_DECLS
