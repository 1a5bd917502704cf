/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-planner.h: from a graph (or a buffer list) to a complete LirBufferPlan. */
#pragma once

#include "lir-buffer-plan.h"
#include "lir-plan-options.h"

G_BEGIN_DECLS

LirBufferPlan *lir_graph_plan   (const LirGraph       *graph,
                                 const LirPlanOptions *options,
                                 GError              **error);
LirBufferPlan *lir_buffer_plan_replan_buffers (const LirGraph       *graph,
                                 const LirBufferPlan  *given,
                                 const LirPlanOptions *options,
                                 GError              **error);

G_END_DECLS
