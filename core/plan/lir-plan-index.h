/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-index.h: which buffers are live over a step range, and which one is at a point. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-buffer-plan.h"

G_BEGIN_DECLS

/**
 * LirPlanIndex:
 *
 * A static interval index over a plan's slots (owning buffers and views).
 * Building it is O(n log n); a query over a step range costs
 * O((k + 1) log n) for k answers, so drawing a viewport or hit-testing a
 * pointer never scans the whole plan.
 */
typedef struct _LirPlanIndex LirPlanIndex;

#define LIR_TYPE_PLAN_INDEX (lir_plan_index_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_plan_index_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirPlanIndex *lir_plan_index_new   (LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
LirPlanIndex *lir_plan_index_ref (LirPlanIndex *index);
LIR_AVAILABLE_IN_ALL
void          lir_plan_index_unref  (LirPlanIndex *index);
LIR_AVAILABLE_IN_ALL
LirBufferPlan *lir_plan_index_get_plan (const LirPlanIndex *index);
LIR_AVAILABLE_IN_ALL
guint         lir_plan_index_get_n_entries (const LirPlanIndex *index);
LIR_AVAILABLE_IN_ALL
guint         lir_plan_index_query (const LirPlanIndex *index,
                                    guint32             first_step,
                                    guint32             last_step,
                                    GArray             *nodes);
LIR_AVAILABLE_IN_ALL
guint32       lir_plan_index_hit   (const LirPlanIndex *index,
                                    guint32             step,
                                    guint64             byte);
LIR_AVAILABLE_IN_ALL
const guint32 *lir_plan_index_get_views_of (const LirPlanIndex *index,
                                        guint32             root,
                                        guint              *n_views);
LIR_AVAILABLE_IN_ALL
guint         lir_plan_index_get_sharers (const LirPlanIndex *index,
                                      guint32             node,
                                      guint               max_nodes,
                                      GArray             *nodes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPlanIndex, lir_plan_index_unref)

G_END_DECLS
