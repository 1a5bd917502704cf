/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-arena-top.h: what sets the arena's height. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-plan-index.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
GArray             *lir_buffer_plan_get_top_edge            (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
GArray             *lir_buffer_plan_get_arena_chain         (const LirBufferPlan *plan,
                                                  const LirPlanIndex  *index,
                                                  guint32              top);

G_END_DECLS
