/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-plan-stats.h: the figures users judge a plan by. */
#pragma once

#include "lir-buffer-plan.h"

G_BEGIN_DECLS

/**
 * LirPlanStats:
 * @n_nodes: nodes in the graph
 * @n_buffers: buffers that own arena bytes
 * @n_views: view nodes with a slot inside their root's
 * @arena_size: bytes the runtime must allocate
 * @total_unshared: the sum of every slot (views included), as RLX counts
 * @bytes_saved: @total_unshared minus @arena_size
 * @lower_bound: the most bytes of owning buffers live at any one step;
 *   no plan can use less
 * @peak_step: the first step where @lower_bound is reached
 * @efficiency: @lower_bound / @arena_size (1 for an empty arena)
 * @saved_fraction: @bytes_saved / @total_unshared (0 when nothing is allocated)
 * @proven_optimal: the arena reaches the lower bound, or the strategy proved
 *   no smaller arena exists
 */
typedef struct
{
  guint n_nodes;
  guint n_buffers;
  guint n_views;
  guint64 arena_size;
  guint64 total_unshared;
  guint64 bytes_saved;
  guint64 lower_bound;
  guint32 peak_step;
  double efficiency;
  double saved_fraction;
  gboolean proven_optimal;
} LirPlanStats;

void     lir_plan_stats_compute      (const LirBufferPlan *plan,
                                      LirPlanStats        *stats);
guint64 *lir_buffer_plan_live_bytes  (const LirBufferPlan *plan,
                                      guint               *n_steps);

G_END_DECLS

G_BEGIN_DECLS
char *lir_format_bytes (guint64 bytes);
G_END_DECLS
