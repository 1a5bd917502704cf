/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-sweep.c: time-ordered best fit, a malloc simulation with
 * perfect knowledge of sizes. Buffers are taken in order of first step
 * (largest first within a step); before each, the buffers whose last step
 * has passed give their bytes back. A buffer taken then conflicts exactly
 * with the buffers live at that moment, so the free bytes are one set of
 * gaps, kept in two balanced trees (by size for the best fit, by offset to
 * merge neighbours on release), and each buffer costs O(log n) whatever the
 * overlap: a million buffers with ten thousand live at every step in about a
 * second, where the placer behind best-fit must look at every conflict.
 * Its plans are looser (it cannot leave room for buffers it has not seen),
 * so auto uses it only where the placer's cost would be out of reach.
 */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"

typedef struct
{
  guint64 start;
  guint64 end;
} Gap;

typedef struct
{
  GTree *by_size;  /* Gap* -> Gap*, by (length, start) */
  GTree *by_start; /* Gap* -> Gap*, by start */
  guint64 top;     /* everything from here up is free */
  guint64 alignment;
} Space;

static int
compare_by_size (gconstpointer pa, gconstpointer pb, gpointer unused)
{
  const Gap *a = pa, *b = pb;
  guint64 la = a->end - a->start, lb = b->end - b->start;

  if (la != lb)
    return la < lb ? -1 : 1;
  return (a->start > b->start) - (a->start < b->start);
}

static int
compare_by_start (gconstpointer pa, gconstpointer pb, gpointer unused)
{
  const Gap *a = pa, *b = pb;

  return (a->start > b->start) - (a->start < b->start);
}

static void
gap_add (Space *space, guint64 start, guint64 end)
{
  Gap *gap;

  if (start >= end)
    return;
  gap = g_slice_new (Gap);
  *gap = (Gap){ start, end };
  g_tree_insert (space->by_size, gap, gap);
  g_tree_insert (space->by_start, gap, gap);
}

static void
gap_drop (Space *space, Gap *gap)
{
  g_tree_remove (space->by_size, gap);
  g_tree_remove (space->by_start, gap);
  g_slice_free (Gap, gap);
}

/* How many gaps that are long enough but too short once aligned are passed
 * over before giving up and going on top: alignment padding is rarely more
 * than a few of them. */
#define MISALIGNED_TRIES 64

/* The smallest gap that holds @size aligned (the lowest on ties), else the top. */
static gboolean
space_take (Space *space, guint64 size, guint64 *offset)
{
  Gap probe = { 0, size };
  GTreeNode *node = g_tree_lower_bound (space->by_size, &probe);
  guint64 aligned, end;

  for (guint tries = 0; node != NULL && tries < MISALIGNED_TRIES; tries++, node = g_tree_node_next (node))
    {
      Gap *gap = g_tree_node_key (node);
      Gap taken = *gap;

      if (!lir_align_up (gap->start, space->alignment, &aligned) || aligned > gap->end
          || gap->end - aligned < size)
        continue;
      gap_drop (space, gap);
      gap_add (space, taken.start, aligned);
      gap_add (space, aligned + size, taken.end);
      *offset = aligned;
      return TRUE;
    }
  if (!lir_align_up (space->top, space->alignment, &aligned) || !g_uint64_checked_add (&end, aligned, size))
    return FALSE;
  gap_add (space, space->top, aligned);
  space->top = MAX (end, aligned);
  *offset = aligned;
  return TRUE;
}

/* Gives [@start, @end) back, merged with the free bytes on either side. */
static void
space_give (Space *space, guint64 start, guint64 end)
{
  Gap probe = { start, start };
  GTreeNode *after, *before;

  if (start == end)
    return;
  after = g_tree_lower_bound (space->by_start, &probe);
  before = after != NULL ? g_tree_node_previous (after) : g_tree_node_last (space->by_start);
  if (before != NULL && ((Gap *)g_tree_node_key (before))->end == start)
    {
      start = ((Gap *)g_tree_node_key (before))->start;
      gap_drop (space, g_tree_node_key (before));
    }
  if (after != NULL && ((Gap *)g_tree_node_key (after))->start == end)
    {
      end = ((Gap *)g_tree_node_key (after))->end;
      gap_drop (space, g_tree_node_key (after));
    }
  if (end >= space->top)
    space->top = start;
  else
    gap_add (space, start, end);
}

static gboolean
drop_gap (gpointer key, gpointer value, gpointer unused)
{
  g_slice_free (Gap, key);
  return FALSE;
}

gboolean
lir_strategy_sweep_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                          GError **error)
{
  guint n = request->n_buffers, released = 0;
  g_autofree LirKeyed *keys = g_new (LirKeyed, n + 1);
  g_autofree guint32 *order = g_new (guint32, n + 1);
  g_autofree guint32 *by_last = g_new (guint32, n + 1);
  Space space = { g_tree_new_full (compare_by_size, NULL, NULL, NULL),
                  g_tree_new_full (compare_by_start, NULL, NULL, NULL), 0, request->alignment };
  gboolean ok = TRUE;

  /* By first step, largest first within a step, then id: two stable sorts. */
  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ ~request->buffers[i].size, i };
  lir_keyed_sort (keys, n);
  for (guint i = 0; i < n; i++)
    keys[i].key = request->buffers[keys[i].value].first_step;
  lir_keyed_sort_into_order (keys, n, order);
  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ request->buffers[i].last_step, i };
  lir_keyed_sort_into_order (keys, n, by_last);
  g_clear_pointer (&keys, g_free);

  for (guint k = 0; k < n && ok; k++)
    {
      const LirAllocBuffer *b = &request->buffers[order[k]];
      gboolean finished;

      if (k % 4096 == 0)
        {
          ok = lir_alloc_checkpoint (request, "sweep", order, k, offsets, &finished, error);
          if (!ok || finished)
            break;
        }
      /* Every buffer whose last step is before this first step was taken
       * earlier (its first step is earlier still), so it has an offset. */
      for (; released < n && request->buffers[by_last[released]].last_step < b->first_step; released++)
        {
          guint32 r = by_last[released];

          space_give (&space, offsets[r], offsets[r] + request->buffers[r].size);
        }
      if (!space_take (&space, b->size, &offsets[order[k]]))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "buffer %u cannot be placed below 2^64 bytes",
                       b->id);
          ok = FALSE;
        }
    }
  g_tree_foreach (space.by_start, drop_gap, NULL);
  g_tree_destroy (space.by_size);
  g_tree_destroy (space.by_start);
  return ok;
}
