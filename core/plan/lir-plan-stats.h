/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-stats.h: the figures users judge a plan by. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-buffer-plan.h"
#include "alloc/lir-strategy.h"

G_BEGIN_DECLS

/**
 * LirPlanStats:
 * @n_nodes: nodes in the graph
 * @n_buffers: buffers that own arena bytes
 * @n_views: view nodes with a slot inside their root's
 * @arena_size: bytes the runtime must allocate
 * @total_unshared: the sum of every slot (views included), as RLX counts
 * @bytes_saved: @total_unshared minus @arena_size, as RLX counts (views
 *   count as saved)
 * @bytes_saved_by_sharing: the bytes the owning buffers would take one
 *   after another (each size rounded up to the alignment) minus the arena
 *   (rounded up likewise): what sharing bytes between buffers saved; 0 for
 *   `naive`
 * @bytes_saved_by_views: the bytes of view slots, which borrow their root's
 * @lower_bound: the most bytes of owning buffers live at any one step
 *   (peak live bytes)
 * @aligned_lower_bound: no plan with this alignment can use less: over all
 *   steps, the live buffers' sizes each rounded up to the alignment, minus
 *   the largest rounding slack among them (the top one needs no padding)
 * @peak_step: the first step where @lower_bound is reached
 * @efficiency: @aligned_lower_bound / @arena_size (1 for an empty arena);
 *   above 1 only for an invalid plan
 * @saved_fraction: @bytes_saved / @total_unshared (0 when nothing is allocated)
 * @proven_optimal: the arena reaches the aligned lower bound, or the
 *   strategy proved no smaller arena exists
 *
 * The figures that measure a plan, computed by lir_plan_stats_compute():
 * what the runtime allocates, what it could not do with less, and what
 * sharing saved.
 */
typedef struct
{
  guint n_nodes;
  guint n_buffers;
  guint n_views;
  guint64 arena_size;
  guint64 total_unshared;
  guint64 bytes_saved;
  guint64 bytes_saved_by_sharing;
  guint64 bytes_saved_by_views;
  guint64 lower_bound;
  guint64 aligned_lower_bound;
  guint32 peak_step;
  double efficiency;
  double saved_fraction;
  gboolean proven_optimal;
} LirPlanStats;

#define LIR_TYPE_PLAN_STATS (lir_plan_stats_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_plan_stats_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
void     lir_plan_stats_compute      (const LirBufferPlan *plan,
                                      LirPlanStats        *stats);



G_END_DECLS
