/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-plan-index.c: slots sorted by first step with a max-tree of last steps.
 *
 * "Slots with first <= B and last >= A" is a prefix of the sorted order
 * (binary search on first) filtered by a descent that skips every subtree
 * whose largest last step is < A. Answers come out in sorted order.
 */
#include "lir-plan-index.h"

#include "lir-buffer-plan-private.h"

struct _LirPlanIndex
{
  LirBufferPlan *plan;
  guint n;
  guint leaves;      /* a power of two >= n */
  guint32 *nodes;    /* node ids sorted by (first step, id) */
  guint32 *firsts;   /* first step at each position */
  guint32 *max_last; /* 2 * leaves; max last step per subtree */
};

typedef struct
{
  guint node;
  guint start;
  guint width;
} Frame;

static int
compare_first (const void *pa, const void *pb, void *user_data)
{
  const LirLifetime *lifetimes = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (lifetimes[a].first_step != lifetimes[b].first_step)
    return lifetimes[a].first_step < lifetimes[b].first_step ? -1 : 1;
  return (a > b) - (a < b);
}

/**
 * lir_plan_index_new:
 * @plan: a placed plan
 *
 * Returns: (transfer full): an index over @plan's slots; it keeps a
 *   reference to @plan
 */
LirPlanIndex *
lir_plan_index_new (LirBufferPlan *plan)
{
  LirPlanIndex *index = g_new0 (LirPlanIndex, 1);
  guint n = 0;

  index->plan = lir_buffer_plan_ref (plan);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    n += plan->slot_flags[id] != LIR_SLOT_NONE;
  index->n = n;
  index->nodes = g_new (guint32, n + 1);
  index->firsts = g_new (guint32, n + 1);
  n = 0;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] != LIR_SLOT_NONE)
      index->nodes[n++] = id;
  g_qsort_with_data (index->nodes, n, sizeof (guint32), compare_first, plan->lifetimes);

  index->leaves = 1;
  while (index->leaves < MAX (n, 1))
    index->leaves *= 2;
  index->max_last = g_new0 (guint32, 2 * index->leaves);
  for (guint p = 0; p < n; p++)
    {
      const LirLifetime *life = &plan->lifetimes[index->nodes[p]];

      index->firsts[p] = life->first_step;
      index->max_last[index->leaves + p] = life->last_step;
    }
  for (guint i = index->leaves - 1; i >= 1; i--)
    index->max_last[i] = MAX (index->max_last[2 * i], index->max_last[2 * i + 1]);
  return index;
}

void
lir_plan_index_free (LirPlanIndex *index)
{
  if (index == NULL)
    return;
  lir_buffer_plan_unref (index->plan);
  g_free (index->nodes);
  g_free (index->firsts);
  g_free (index->max_last);
  g_free (index);
}

guint
lir_plan_index_get_n_entries (const LirPlanIndex *index)
{
  return index->n;
}

/**
 * lir_plan_index_query:
 * @index: an index
 * @first_step: first step of the range
 * @last_step: last step of the range (inclusive)
 * @nodes: (element-type guint32): where the answers are appended
 *
 * Appends every node with a slot whose lifetime meets
 * [@first_step, @last_step], in order of first step, then id.
 *
 * Returns: how many were appended
 */
guint
lir_plan_index_query (const LirPlanIndex *index, guint32 first_step, guint32 last_step,
                      GArray *nodes)
{
  guint lo = 0, hi = index->n, before = nodes->len;
  Frame stack[72]; /* depth <= log2 (leaves) + 1 frames pending per level */
  guint depth = 0;

  /* hi = number of entries with first <= last_step */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->firsts[mid] <= last_step)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo == 0)
    return 0;
  hi = lo;

  /* Depth-first, left child last on the stack so answers come out sorted.
   * Each tree node covers positions [start, start + width). */
  stack[depth++] = (Frame){ 1, 0, index->leaves };
  while (depth > 0)
    {
      Frame f = stack[--depth];

      if (f.start >= hi || index->max_last[f.node] < first_step)
        continue;
      if (f.width == 1)
        {
          g_array_append_val (nodes, index->nodes[f.start]);
          continue;
        }
      stack[depth++] = (Frame){ 2 * f.node + 1, f.start + f.width / 2, f.width / 2 };
      stack[depth++] = (Frame){ 2 * f.node, f.start, f.width / 2 };
    }
  return nodes->len - before;
}

/**
 * lir_plan_index_hit:
 * @index: an index
 * @step: a step
 * @byte: an arena offset
 *
 * Returns: the node whose slot covers (@step, @byte), preferring a view
 *   over the root it lies in (views are drawn on top), or %LIR_NO_NODE
 */
guint32
lir_plan_index_hit (const LirPlanIndex *index, guint32 step, guint64 byte)
{
  g_autoptr (GArray) live = g_array_new (FALSE, FALSE, sizeof (guint32));
  const LirBufferPlan *plan = index->plan;
  guint32 found = LIR_NO_NODE;

  lir_plan_index_query (index, step, step, live);
  for (guint i = 0; i < live->len; i++)
    {
      guint32 id = g_array_index (live, guint32, i);
      const LirBufferSlot *slot = &plan->slots[id];

      if (byte < slot->offset || byte - slot->offset >= slot->size)
        continue;
      if (plan->slot_flags[id] & LIR_SLOT_VIEW)
        return id;
      if (found == LIR_NO_NODE)
        found = id;
    }
  return found;
}
