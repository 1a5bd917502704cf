/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-stats.c: lower bound, peak step, efficiency and live bytes per step. */
#include "lir-plan-stats.h"
#include "lir-boxed-private.h"

#include "alloc/lir-live-profile-private.h"
#include "lir-buffer-plan-private.h"

#include <stdlib.h>

/**
 * lir_live_profile_new:
 * @plan: a plan
 *
 * Returns: (transfer full): the bytes of owning buffers live at each step
 *   (saturating at %G_MAXUINT64)
 */
LirLiveProfile *
lir_live_profile_new (const LirBufferPlan *plan)
{
  g_autoptr (GArray) buffers = g_array_new (FALSE, FALSE, sizeof (LirAllocBuffer));

  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      LirAllocBuffer b;

      if (!(plan->slot_flags[id] & LIR_SLOT_ALLOCATED))
        continue;
      b.size = plan->slots[id].size;
      b.first_step = plan->lifetimes[id].first_step;
      b.last_step = plan->lifetimes[id].last_step;
      b.id = id;
      g_array_append_val (buffers, b);
    }
  return lir_live_profile_new_for_buffers ((const LirAllocBuffer *)buffers->data, buffers->len);
}

static guint64
align_up (guint64 size, guint64 alignment)
{
  guint64 rounded;

  if (alignment <= 1 || size % alignment == 0)
    return size;
  if (!g_uint64_checked_add (&rounded, size, alignment - size % alignment))
    return G_MAXUINT64;
  return rounded;
}

typedef struct
{
  guint64 step;
  guint64 size;  /* rounded up to the alignment */
  guint64 slack; /* rounded size minus size */
  gboolean drop;
} AlignedEvent;

static int
compare_aligned_events (const void *a, const void *b)
{
  const AlignedEvent *x = a, *y = b;

  if (x->step != y->step)
    return x->step < y->step ? -1 : 1;
  return (int)y->drop - (int)x->drop; /* drops first */
}

static int
compare_slack (gconstpointer a, gconstpointer b, gpointer user_data)
{
  guint64 x = *(const guint64 *)a, y = *(const guint64 *)b;

  return (x > y) - (x < y);
}

/* The aligned lower bound: a sweep over lifetimes that keeps the sum of
 * rounded sizes and, in a tree of slack -> count, the largest slack live. */
static guint64
aligned_lower_bound (const LirBufferPlan *plan, guint64 unaligned_bound)
{
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (AlignedEvent));
  g_autoptr (GTree) slacks = NULL;
  g_autofree guint64 *keys = NULL;
  guint64 running = 0, best = 0;

  if (plan->alignment <= 1)
    return unaligned_bound;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      guint64 size = plan->slots[id].size;
      AlignedEvent e;

      if (!(plan->slot_flags[id] & LIR_SLOT_ALLOCATED) || size == 0)
        continue;
      e = (AlignedEvent){ plan->lifetimes[id].first_step, align_up (size, plan->alignment), 0, FALSE };
      e.slack = e.size - size;
      g_array_append_val (events, e);
      e.step = (guint64)plan->lifetimes[id].last_step + 1;
      e.drop = TRUE;
      g_array_append_val (events, e);
    }
  if (events->len == 0)
    return 0;
  g_array_sort (events, compare_aligned_events);
  /* Keys live in one array so the tree needs no allocation per slack. */
  keys = g_new (guint64, events->len);
  slacks = g_tree_new_full (compare_slack, NULL, NULL, NULL);
  for (guint i = 0; i < events->len;)
    {
      guint64 step = g_array_index (events, AlignedEvent, i).step;
      GTreeNode *top;

      for (; i < events->len && g_array_index (events, AlignedEvent, i).step == step; i++)
        {
          const AlignedEvent *e = &g_array_index (events, AlignedEvent, i);
          GTreeNode *node = g_tree_lookup_node (slacks, &e->slack);
          guint count = node != NULL ? GPOINTER_TO_UINT (g_tree_node_value (node)) : 0;

          if (e->drop)
            {
              running -= MIN (running, e->size);
              if (count <= 1)
                g_tree_remove (slacks, &e->slack);
              else
                g_tree_insert (slacks, g_tree_node_key (node), GUINT_TO_POINTER (count - 1));
            }
          else
            {
              if (!g_uint64_checked_add (&running, running, e->size))
                running = G_MAXUINT64;
              keys[i] = e->slack;
              g_tree_insert (slacks, node != NULL ? g_tree_node_key (node) : &keys[i],
                             GUINT_TO_POINTER (count + 1));
            }
        }
      top = g_tree_node_last (slacks);
      if (top != NULL)
        best = MAX (best, running - MIN (running, *(const guint64 *)g_tree_node_key (top)));
    }
  return MAX (best, unaligned_bound);
}

/**
 * lir_plan_stats_compute:
 * @plan: a plan
 * @stats: (out caller-allocates): the figures
 *
 * Measures a plan: its arena, the peak live bytes (the lower bound any
 * plan of this schedule needs), the aligned lower bound, the efficiency
 * against it, the peak step and the bytes saved by sharing and by views.
 */
void
lir_plan_stats_compute (const LirBufferPlan *plan, LirPlanStats *stats)
{
  g_return_if_fail (plan != NULL);
  g_return_if_fail (stats != NULL);

  g_autoptr (LirLiveProfile) live = lir_live_profile_new (plan);

  *stats = (LirPlanStats){ 0 };
  stats->n_nodes = plan->n_nodes;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        stats->n_buffers++;
      else if (plan->slot_flags[id] & LIR_SLOT_VIEW)
        stats->n_views++;
    }
  stats->lower_bound = lir_live_profile_max (live, 0, G_MAXUINT32, &stats->peak_step);
  stats->aligned_lower_bound = aligned_lower_bound (plan, stats->lower_bound);
  stats->arena_size = plan->arena_size;
  stats->total_unshared = lir_buffer_plan_get_total_unshared (plan);
  stats->bytes_saved = lir_buffer_plan_get_bytes_saved (plan);
  {
    guint64 one_after_another = 0;

    for (guint32 id = 0; id < plan->n_nodes; id++)
      if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        {
          if (!g_uint64_checked_add (&one_after_another, one_after_another,
                                     align_up (plan->slots[id].size, plan->alignment)))
            one_after_another = G_MAXUINT64;
        }
      else if (plan->slot_flags[id] & LIR_SLOT_VIEW)
        stats->bytes_saved_by_views += plan->slots[id].size;
    stats->bytes_saved_by_sharing =
      one_after_another - MIN (one_after_another, align_up (plan->arena_size, plan->alignment));
  }
  stats->efficiency = plan->arena_size > 0 ? (double)stats->aligned_lower_bound / plan->arena_size : 1.0;
  stats->saved_fraction =
    stats->total_unshared > 0 ? (double)stats->bytes_saved / (double)stats->total_unshared : 0.0;
  stats->proven_optimal = plan->proven_optimal || stats->arena_size == stats->aligned_lower_bound;
}

LIR_DEFINE_VALUE_TYPE (LirPlanStats, lir_plan_stats)
