/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-arena-top.h: what sets the arena's height. */
#pragma once

#include "lir-plan-index.h"

G_BEGIN_DECLS

GArray             *lir_buffer_plan_get_top_edge            (const LirBufferPlan *plan);
GArray             *lir_buffer_plan_get_arena_chain         (const LirBufferPlan *plan,
                                                  const LirPlanIndex  *index,
                                                  guint32              top);

G_END_DECLS
