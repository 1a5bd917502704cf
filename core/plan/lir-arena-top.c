/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-arena-top.c: what sets the arena's height: the buffers whose top edge
 * is the arena, and the stack under the highest of them. */
#include "lir-arena-top.h"

#include "lir-buffer-plan-private.h"

static int
compare_top (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const LirBufferPlan *plan = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (plan->slots[a].size != plan->slots[b].size)
    return plan->slots[a].size > plan->slots[b].size ? -1 : 1;
  return (a > b) - (a < b);
}

/**
 * lir_buffer_plan_get_top_edge:
 * @plan: a plan
 *
 * What sets the arena's height.
 *
 * Returns: (transfer full) (element-type guint32): the owning buffers whose
 *   offset + size is the arena size, largest first: what sets the arena
 */
GArray *
lir_buffer_plan_get_top_edge (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  GArray *top = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] == LIR_SLOT_ALLOCATED && plan->slots[id].size > 0
        && plan->slots[id].offset + plan->slots[id].size == plan->arena_size)
      g_array_append_val (top, id);
  g_array_sort_with_data (top, compare_top, (gpointer)plan);
  return top;
}

/**
 * lir_buffer_plan_get_arena_chain:
 * @plan: a plan
 * @index: its index
 * @top: a buffer of the top edge
 *
 * Why @top could not sit lower: starting from it, the buffer below it that
 * is live at some common step and ends highest under it, then the same for
 * that one, down to the bottom of the arena.
 *
 * Returns: (transfer full) (element-type guint32): @top, then the stack
 *   under it, top down
 */
GArray *
lir_buffer_plan_get_arena_chain (const LirBufferPlan *plan, const LirPlanIndex *index, guint32 top)
{
  g_return_val_if_fail (plan != NULL && index != NULL && top < plan->n_nodes, NULL);

  GArray *chain = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) overlapping = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 current = top;

  g_return_val_if_fail (top < plan->n_nodes, chain);
  while (current != LIR_NO_NODE && chain->len <= plan->n_nodes)
    {
      guint64 floor = plan->slots[current].offset;
      guint32 below = LIR_NO_NODE;
      guint64 best_end = 0;

      g_array_append_val (chain, current);
      if (floor == 0)
        break;
      g_array_set_size (overlapping, 0);
      lir_plan_index_query (index, plan->lifetimes[current].first_step, plan->lifetimes[current].last_step,
                            overlapping);
      for (guint i = 0; i < overlapping->len; i++)
        {
          guint32 id = g_array_index (overlapping, guint32, i);
          guint64 end = plan->slots[id].offset + plan->slots[id].size;

          if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED || id == current || plan->slots[id].size == 0
              || end > floor)
            continue;
          if (below == LIR_NO_NODE || end > best_end || (end == best_end && id < below))
            {
              below = id;
              best_end = end;
            }
        }
      current = below;
    }
  return chain;
}
