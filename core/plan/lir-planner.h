/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-planner.h: from a graph to a complete LirBufferPlan. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-buffer-plan.h"
#include "lir-plan-options.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
LirBufferPlan *lir_graph_plan   (const LirGraph       *graph,
                                 const LirPlanOptions *options,
                                 GError              **error);

G_END_DECLS
