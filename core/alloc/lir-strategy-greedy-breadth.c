/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-greedy-breadth.c: TFLite's "greedy by breadth" (Pisarchyk &
 * Lee, 2020). Steps are visited widest first (most live bytes); at each, its
 * unplaced buffers go in largest first, each into the best-fitting gap.
 *
 * A buffer is therefore placed at the widest step of its lifetime. That
 * step's rank is a range minimum over the lifetime, answered by a segment
 * tree, which turns the walk into one sort: (rank, size desc, id).
 */
#include "lir-strategy-private.h"

typedef struct
{
  const LirAllocBuffer *buffers;
  const guint32 *rank_of_buffer;
} OrderContext;

static int
compare_breadth_order (const void *pa, const void *pb, void *user_data)
{
  const OrderContext *ctx = user_data;
  guint32 ia = *(const guint32 *)pa, ib = *(const guint32 *)pb;
  const LirAllocBuffer *a = &ctx->buffers[ia], *b = &ctx->buffers[ib];

  if (ctx->rank_of_buffer[ia] != ctx->rank_of_buffer[ib])
    return ctx->rank_of_buffer[ia] < ctx->rank_of_buffer[ib] ? -1 : 1;
  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

static int
compare_steps_by_breadth (const void *pa, const void *pb, void *user_data)
{
  const guint64 *breadth = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (breadth[a] != breadth[b])
    return breadth[a] > breadth[b] ? -1 : 1;
  return (a > b) - (a < b);
}

/* Greedy by breadth's order: by the breadth rank of the widest step of the
 * lifetime, then largest first, then id. */
void
lir_greedy_breadth_order (const LirAllocRequest *request, guint32 *order)
{
  guint n = request->n_buffers;
  guint32 n_steps, size = 1;
  g_autofree guint64 *breadth = NULL;
  g_autofree guint32 *steps = NULL, *rank = NULL, *tree = NULL, *rank_of_buffer = NULL;
  g_autofree guint32 *firsts = NULL, *lo_of = NULL, *hi_of = NULL;
  OrderContext ctx;

  /* Only steps where a buffer starts can be the widest of a lifetime (any
   * other step's live set is within that of the last start before it, which
   * also wins ties), so the walk is over those: per-buffer work, whatever
   * the span of steps. Index k stands for the k-th distinct first step. */
  firsts = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    firsts[i] = request->buffers[i].first_step;
  n_steps = MAX (lir_u32_sort_unique (firsts, n), 1);
  lo_of = g_new (guint32, n + 1);
  hi_of = g_new (guint32, n + 1);
  breadth = g_new0 (guint64, n_steps + 1);
  {
    g_autofree guint64 *drop = g_new0 (guint64, n_steps + 1);
    guint64 live = 0;

    for (guint i = 0; i < n; i++)
      {
        lo_of[i] = lir_u32_count_below (firsts, n_steps, request->buffers[i].first_step, FALSE);
        hi_of[i] = lir_u32_count_below (firsts, n_steps, request->buffers[i].last_step, TRUE);
        breadth[lo_of[i]] += request->buffers[i].size;
        drop[hi_of[i]] += request->buffers[i].size;
      }
    for (guint32 s = 0; s < n_steps; s++)
      {
        live = live - drop[s] + breadth[s];
        breadth[s] = live;
      }
  }
  steps = g_new (guint32, n_steps);
  for (guint32 s = 0; s < n_steps; s++)
    steps[s] = s;
  g_qsort_with_data (steps, n_steps, sizeof (guint32), compare_steps_by_breadth, breadth);
  rank = g_new (guint32, n_steps);
  for (guint32 r = 0; r < n_steps; r++)
    rank[steps[r]] = r;

  /* Range-minimum segment tree over step ranks. */
  while (size < n_steps)
    size *= 2;
  tree = g_new (guint32, 2 * size);
  for (guint32 i = 0; i < size; i++)
    tree[size + i] = i < n_steps ? rank[i] : G_MAXUINT32;
  for (guint32 i = size - 1; i >= 1; i--)
    tree[i] = MIN (tree[2 * i], tree[2 * i + 1]);

  rank_of_buffer = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    {
      guint32 lo = lo_of[i] + size, hi = hi_of[i] + size;
      guint32 best = G_MAXUINT32;
      for (; lo < hi; lo /= 2, hi /= 2)
        {
          /* Not MIN (best, tree[lo++]): the macro would step twice. */
          if (lo & 1)
            best = MIN (best, tree[lo]), lo++;
          if (hi & 1)
            hi--, best = MIN (best, tree[hi]);
        }
      rank_of_buffer[i] = best;
    }
  for (guint i = 0; i < n; i++)
    order[i] = i;
  ctx = (OrderContext){ request->buffers, rank_of_buffer };
  g_qsort_with_data (order, n, sizeof (guint32), compare_breadth_order, &ctx);
}

gboolean
lir_strategy_greedy_breadth_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                                   GError **error)
{
  g_autofree guint32 *order = g_new (guint32, request->n_buffers + 1);

  lir_greedy_breadth_order (request, order);
  return lir_place_in_order (request, order, LIR_GAP_SMALLEST, "greedy-breadth", offsets, error);
}
