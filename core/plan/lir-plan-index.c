/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-index.c: slots sorted by first step with a max-tree of last steps.
 *
 * "Slots with first <= B and last >= A" is a prefix of the sorted order
 * (binary search on first) filtered by a descent that skips every subtree
 * whose largest last step is < A. Answers come out in sorted order.
 *
 * The same shape answers "owning buffers whose bytes meet [lo, hi)": owning
 * slots sorted by offset, with a max-tree of their ends. Views of each root
 * are kept as one flat list per root (CSR), built in one pass.
 */
#include "lir-plan-index.h"
#include "lir-boxed-private.h"

#include "lir-buffer-plan-private.h"

struct _LirPlanIndex
{
  gint ref_count;
  LirBufferPlan *plan;
  guint n;
  guint leaves;      /* a power of two >= n */
  guint32 *nodes;    /* node ids sorted by (first step, id) */
  guint32 *firsts;   /* first step at each position */
  guint32 *max_last; /* 2 * leaves; max last step per subtree */

  guint n_owning;
  guint owning_leaves;
  guint32 *by_offset; /* owning node ids sorted by (offset, id) */
  guint64 *offsets;   /* offset at each position */
  guint64 *max_end;   /* 2 * owning_leaves; max offset + size per subtree */

  guint32 *view_start; /* n_nodes + 1: views of root r are view_list[view_start[r] ..] */
  guint32 *view_list;
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

static int
compare_offset (const void *pa, const void *pb, void *user_data)
{
  const LirBufferSlot *slots = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (slots[a].offset != slots[b].offset)
    return slots[a].offset < slots[b].offset ? -1 : 1;
  return (a > b) - (a < b);
}

static void
build_byte_tree (LirPlanIndex *index)
{
  const LirBufferPlan *plan = index->plan;
  guint n = 0;

  index->by_offset = g_new (guint32, index->n + 1);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] == LIR_SLOT_ALLOCATED)
      index->by_offset[n++] = id;
  index->n_owning = n;
  g_qsort_with_data (index->by_offset, n, sizeof (guint32), compare_offset, plan->slots);
  index->owning_leaves = 1;
  while (index->owning_leaves < MAX (n, 1))
    index->owning_leaves *= 2;
  index->offsets = g_new (guint64, n + 1);
  index->max_end = g_new0 (guint64, 2 * index->owning_leaves);
  for (guint p = 0; p < n; p++)
    {
      const LirBufferSlot *slot = &plan->slots[index->by_offset[p]];

      index->offsets[p] = slot->offset;
      index->max_end[index->owning_leaves + p] = slot->offset + slot->size;
    }
  for (guint i = index->owning_leaves - 1; i >= 1; i--)
    index->max_end[i] = MAX (index->max_end[2 * i], index->max_end[2 * i + 1]);
}

static void
build_views (LirPlanIndex *index)
{
  const LirBufferPlan *plan = index->plan;
  g_autofree guint32 *fill = NULL;

  index->view_start = g_new0 (guint32, plan->n_nodes + 1);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    if ((plan->slot_flags[id] & LIR_SLOT_VIEW) && plan->aliases[id].root < plan->n_nodes)
      index->view_start[plan->aliases[id].root + 1]++;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    index->view_start[id + 1] += index->view_start[id];
  index->view_list = g_new (guint32, index->view_start[plan->n_nodes] + 1);
  fill = g_memdup2 (index->view_start, sizeof (guint32) * plan->n_nodes);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    if ((plan->slot_flags[id] & LIR_SLOT_VIEW) && plan->aliases[id].root < plan->n_nodes)
      index->view_list[fill[plan->aliases[id].root]++] = id;
}

/**
 * lir_plan_index_new:
 * @plan: a placed plan
 *
 * Indexes a plan's slots by time and by offset, so that the buffers of a
 * step range, the buffer under a point and a buffer's sharers are found in
 * logarithmic time.
 *
 * Returns: (transfer full): an index over @plan's slots; it keeps a
 *   reference to @plan
 */
LirPlanIndex *
lir_plan_index_new (LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  LirPlanIndex *index = g_new0 (LirPlanIndex, 1);
  index->ref_count = 1;
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
  build_byte_tree (index);
  build_views (index);
  return index;
}

/**
 * lir_plan_index_ref: (skip)
 * @index: an index
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @index, with one more reference
 */
LirPlanIndex *
lir_plan_index_ref (LirPlanIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_atomic_int_inc (&index->ref_count);
  return index;
}

/**
 * lir_plan_index_unref: (skip)
 * @index: (transfer full): an index
 *
 * Drops a reference; the last one frees it.
 */
void
lir_plan_index_unref (LirPlanIndex *index)
{
  g_return_if_fail (index != NULL);
  if (!g_atomic_int_dec_and_test (&index->ref_count))
    return;
  lir_buffer_plan_unref (index->plan);
  g_free (index->nodes);
  g_free (index->firsts);
  g_free (index->max_last);
  g_free (index->by_offset);
  g_free (index->offsets);
  g_free (index->max_end);
  g_free (index->view_start);
  g_free (index->view_list);
  g_free (index);
}

/**
 * lir_plan_index_get_plan:
 * @index: an index
 *
 * The plan the index was made for.
 *
 * Returns: (transfer none): the indexed plan
 */
LirBufferPlan *
lir_plan_index_get_plan (const LirPlanIndex *index)
{
  g_return_val_if_fail (index != NULL, NULL);

  return index->plan;
}

/**
 * lir_plan_index_get_n_entries:
 * @index: an index
 *
 * How many nodes have a slot in the indexed plan.
 *
 * Returns: the number of slots
 */
guint
lir_plan_index_get_n_entries (const LirPlanIndex *index)
{
  g_return_val_if_fail (index != NULL, 0);

  return index->n;
}

/**
 * lir_plan_index_query: (skip)
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
lir_plan_index_query (const LirPlanIndex *index, guint32 first_step, guint32 last_step, GArray *nodes)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (nodes != NULL, 0);

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
 * The buffer under a point of the timeline.
 *
 * Returns: the node whose slot covers (@step, @byte), preferring a view
 *   over the root it lies in (views are drawn on top), or %LIR_NO_NODE
 */
guint32
lir_plan_index_hit (const LirPlanIndex *index, guint32 step, guint64 byte)
{
  g_return_val_if_fail (index != NULL, LIR_NO_NODE);

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

/**
 * lir_plan_index_get_views_of:
 * @index: an index
 * @root: a buffer-owning node
 * @n_views: (out): how many views it has
 *
 * The views of one root.
 *
 * Returns: (transfer none) (array length=n_views): the views whose bytes
 *   lie in @root's slot, in id order
 */
const guint32 *
lir_plan_index_get_views_of (const LirPlanIndex *index, guint32 root, guint *n_views)
{
  g_return_val_if_fail (index != NULL, NULL);
  g_return_val_if_fail (n_views != NULL, NULL);

  *n_views = 0;
  if (root >= index->plan->n_nodes)
    return NULL;
  *n_views = index->view_start[root + 1] - index->view_start[root];
  return &index->view_list[index->view_start[root]];
}

/**
 * lir_plan_index_get_sharers: (skip)
 * @index: an index
 * @node: a buffer-owning node
 * @max_nodes: append at most this many
 * @nodes: (element-type guint32): where the answers are appended
 *
 * The buffers that reuse @node's bytes: every other owning buffer whose
 * slot overlaps @node's, in order of offset. A valid plan gives them
 * lifetimes disjoint from @node's. Views are left out (they borrow their
 * root's bytes), and a view @node has none. Costs O((k + 1) log n).
 *
 * Returns: how many such buffers there are in all (possibly more than
 *   were appended)
 */
guint
lir_plan_index_get_sharers (const LirPlanIndex *index, guint32 node, guint max_nodes, GArray *nodes)
{
  g_return_val_if_fail (index != NULL, 0);
  g_return_val_if_fail (nodes != NULL, 0);

  const LirBufferPlan *plan = index->plan;
  guint lo = 0, hi = index->n_owning, total = 0;
  Frame stack[72];
  guint depth = 0;
  guint64 start, end;

  if (node >= plan->n_nodes || plan->slot_flags[node] != LIR_SLOT_ALLOCATED || plan->slots[node].size == 0)
    return 0;
  start = plan->slots[node].offset;
  end = start + plan->slots[node].size;
  /* hi = number of owning slots with offset < end */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (index->offsets[mid] < end)
        lo = mid + 1;
      else
        hi = mid;
    }
  hi = lo;
  if (hi == 0)
    return 0;
  stack[depth++] = (Frame){ 1, 0, index->owning_leaves };
  while (depth > 0)
    {
      Frame f = stack[--depth];

      if (f.start >= hi || index->max_end[f.node] <= start)
        continue;
      if (f.width == 1)
        {
          guint32 id = index->by_offset[f.start];

          if (id != node && plan->slots[id].size > 0)
            {
              if (total < max_nodes)
                g_array_append_val (nodes, id);
              total++;
            }
          continue;
        }
      stack[depth++] = (Frame){ 2 * f.node + 1, f.start + f.width / 2, f.width / 2 };
      stack[depth++] = (Frame){ 2 * f.node, f.start, f.width / 2 };
    }
  return total;
}

LIR_DEFINE_BOXED_TYPE (LirPlanIndex, lir_plan_index, lir_plan_index_ref, lir_plan_index_unref)
