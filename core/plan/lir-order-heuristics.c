/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-heuristics.c: orders for graphs the exact search cannot finish.
 *
 * The beam search walks the ready sets level by level like the exact
 * search, but keeps only the @width most promising partial orders at each
 * level: lowest peak so far, then fewest bytes resident, two partial orders
 * that ran the same set of nodes counting once. The local search then moves
 * one node at a time to either end of its legal window (after its last
 * predecessor, before its first successor) and keeps a move that lowers the
 * peak, or keeps it and lowers the live bytes summed over the steps, which
 * lets a later move lower the peak.
 */
#include "lir-reorder-private.h"

#include <string.h>
#include <xxhash.h>

typedef struct
{
  guint64 peak;
  guint64 resident;
  guint32 parent;
  guint32 node;
} Candidate;

/* One level of the beam: @len partial orders. */
typedef struct
{
  guint len;
  guint64 *bits; /* width * words: the nodes each has run */
  GArray **ready;
  guint64 *peak;
  guint64 *resident;
} Level;

static void
level_init (Level *level, guint width, guint words)
{
  level->len = 0;
  level->bits = g_new0 (guint64, (gsize)width * words + 1);
  level->ready = g_new0 (GArray *, width);
  level->peak = g_new0 (guint64, width);
  level->resident = g_new0 (guint64, width);
}

static void
level_clear (Level *level, guint width)
{
  for (guint i = 0; i < width; i++)
    if (level->ready[i] != NULL)
      g_array_unref (level->ready[i]);
  g_free (level->bits);
  g_free (level->ready);
  g_free (level->peak);
  g_free (level->resident);
}

static inline gboolean
has (const guint64 *bits, guint32 v)
{
  return (bits[v / 64] >> (v % 64)) & 1;
}

/* What running @v frees, given the nodes in @bits have run: the buffers it
 * reads that no other node still has to. */
static guint64
freed_after (const LirOrderModel *m, const guint64 *bits, guint32 v)
{
  guint64 bytes = 0;

  for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
    {
      guint32 b = m->read[k];
      gboolean last = !m->output[b];

      for (guint32 r = m->reader_start[b]; r < m->reader_start[b + 1] && last; r++)
        last = m->readers[r] == v || has (bits, m->readers[r]);
      if (last)
        bytes += m->size[b];
    }
  return bytes;
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->peak != y->peak)
    return x->peak < y->peak ? -1 : 1;
  if (x->resident != y->resident)
    return x->resident < y->resident ? -1 : 1;
  if (x->parent != y->parent)
    return x->parent < y->parent ? -1 : 1;
  return (x->node > y->node) - (x->node < y->node);
}

/* The candidates of every partial order in @from, best first. */
static GArray *
expand (const LirOrderModel *m, const Level *from, guint words)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Candidate));

  for (guint i = 0; i < from->len; i++)
    {
      const guint64 *bits = from->bits + (gsize)i * words;
      guint first = out->len;

      for (guint r = 0; r < from->ready[i]->len; r++)
        {
          guint32 v = g_array_index (from->ready[i], guint32, r);
          guint64 now = m->constant + from->resident[i] + m->born[v], freed = freed_after (m, bits, v);
          Candidate c = { MAX (from->peak[i], now), from->resident[i] + m->born_live[v] - freed, i, v };

          /* As in the exact search: a node that fits under the peak and
           * frees what it brings goes next without loss, alone. */
          if (now <= from->peak[i] && freed >= m->born_live[v])
            {
              g_array_set_size (out, first);
              g_array_append_val (out, c);
              break;
            }
          g_array_append_val (out, c);
        }
    }
  g_array_sort (out, compare_candidates);
  return out;
}

/* Claims @bits in the open-addressed @table (2 * width slots of level
 * indices + 1); FALSE if a kept partial order already ran the same set. */
static gboolean
claim (guint32 *table, guint mask, const guint64 *level_bits, guint words, const guint64 *bits, guint32 index)
{
  guint slot = (guint)XXH3_64bits (bits, words * sizeof (guint64)) & mask;

  for (; table[slot] != 0; slot = (slot + 1) & mask)
    if (memcmp (level_bits + (gsize)(table[slot] - 1) * words, bits, words * sizeof (guint64)) == 0)
      return FALSE;
  table[slot] = index + 1;
  return TRUE;
}

/* The next level: the best candidates, one per set of nodes run. */
static void
advance (const LirOrderModel *m, const Level *from, Level *to, guint width, guint words,
         guint32 *trace_parent, guint32 *trace_node)
{
  g_autoptr (GArray) candidates = expand (m, from, words);
  guint mask = 1;
  g_autofree guint32 *table = NULL;

  while (mask < 2 * width)
    mask <<= 1;
  table = g_new0 (guint32, mask);
  mask--;
  to->len = 0;
  for (guint c = 0; c < candidates->len && to->len < width; c++)
    {
      const Candidate *cand = &g_array_index (candidates, Candidate, c);
      guint64 *bits = to->bits + (gsize)to->len * words;
      const GArray *ready = from->ready[cand->parent];
      GArray *next;

      memcpy (bits, from->bits + (gsize)cand->parent * words, words * sizeof (guint64));
      bits[cand->node / 64] |= G_GUINT64_CONSTANT (1) << (cand->node % 64);
      if (!claim (table, mask, to->bits, words, bits, to->len))
        continue;
      if (to->ready[to->len] == NULL)
        to->ready[to->len] = g_array_new (FALSE, FALSE, sizeof (guint32));
      next = to->ready[to->len];
      g_array_set_size (next, 0);
      for (guint r = 0; r < ready->len; r++)
        if (g_array_index (ready, guint32, r) != cand->node)
          g_array_append_val (next, g_array_index (ready, guint32, r));
      for (guint32 k = m->succ_start[cand->node]; k < m->succ_start[cand->node + 1]; k++)
        {
          guint32 w = m->succs[k];
          gboolean now_ready = TRUE;

          for (guint32 p = m->pred_start[w]; p < m->pred_start[w + 1] && now_ready; p++)
            now_ready = has (bits, m->preds[p]);
          if (now_ready)
            g_array_append_val (next, w);
        }
      to->peak[to->len] = cand->peak;
      to->resident[to->len] = cand->resident;
      trace_parent[to->len] = cand->parent;
      trace_node[to->len] = cand->node;
      to->len++;
    }
}

/**
 * lir_order_beam:
 * @model: a model
 * @width: partial orders kept per level
 * @cancellable: (nullable): stops the search
 * @order: (out caller-allocates) (array): the best order found, every node
 *   once
 *
 * A beam search over ready sets. @width is lowered for large graphs so
 * that its trace stays within 4 Mi entries.
 *
 * Returns: @order's peak, as lir_order_model_peak () counts it, or
 *   %G_MAXUINT64 (and @order unset) if it was stopped
 */
guint64
lir_order_beam (const LirOrderModel *m, guint width, GCancellable *cancellable, guint32 *order)
{
  guint words = (m->n + 63) / 64 + 1;
  Level levels[2];
  g_autofree guint32 *trace_parent = NULL, *trace_node = NULL;
  guint32 at = 0;

  if (m->n == 0)
    return m->constant + m->end_bytes;
  width = CLAMP (MIN (width, (4u << 20) / m->n), 1u, width);
  trace_parent = g_new (guint32, (gsize)m->n * width);
  trace_node = g_new (guint32, (gsize)m->n * width);
  level_init (&levels[0], width, words);
  level_init (&levels[1], width, words);
  levels[0].len = 1;
  levels[0].ready[0] = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 v = 0; v < m->n; v++)
    if (m->pred_start[v + 1] == m->pred_start[v])
      g_array_append_val (levels[0].ready[0], v);
  for (guint step = 0; step < m->n && levels[step % 2].len > 0; step++)
    if (step % 64 == 63 && g_cancellable_is_cancelled (cancellable))
      levels[(step + 1) % 2].len = 0;
    else
      advance (m, &levels[step % 2], &levels[(step + 1) % 2], width, words,
               trace_parent + (gsize)step * width, trace_node + (gsize)step * width);
  if (levels[m->n % 2].len == 0)
    {
      /* Stopped, or a cycle, which a planned graph does not have. */
      level_clear (&levels[0], width);
      level_clear (&levels[1], width);
      return G_MAXUINT64;
    }
  /* Level n holds complete orders, best first; walk the best one back. */
  for (guint step = m->n; step-- > 0;)
    {
      order[step] = trace_node[(gsize)step * width + at];
      at = trace_parent[(gsize)step * width + at];
    }
  level_clear (&levels[0], width);
  level_clear (&levels[1], width);
  return lir_order_model_peak (m, order, NULL, NULL);
}

/* Moves the node at @from to @to in @order, shifting those between. */
static void
move (guint32 *order, guint from, guint to)
{
  guint32 v = order[from];

  if (from < to)
    memmove (order + from, order + from + 1, (to - from) * sizeof (guint32));
  else
    memmove (order + to + 1, order + to, (from - to) * sizeof (guint32));
  order[to] = v;
}

/* The legal window of @v: after its last predecessor, before
 * its first successor. */
static void
window (const LirOrderModel *m, const guint32 *pos, guint32 v, guint *lo, guint *hi)
{
  *lo = 0;
  *hi = m->n - 1;
  for (guint32 k = m->pred_start[v]; k < m->pred_start[v + 1]; k++)
    *lo = MAX (*lo, pos[m->preds[k]] + 1);
  for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
    *hi = MIN (*hi, pos[m->succs[k]] - 1);
}

/**
 * lir_order_improve:
 * @model: a model
 * @order: (inout) (array): a topological order, improved in place
 * @max_evaluations: how many orders the search may evaluate
 * @cancellable: (nullable): stops the search
 *
 * The local search: moves one node at a time to either end of its legal
 * window while that lowers the peak (or keeps it and lowers the summed live
 * bytes), until a pass over every node changes nothing or the evaluations
 * run out.
 *
 * Returns: @order's peak, never higher than it was
 */
guint64
lir_order_improve (const LirOrderModel *m, guint32 *order, guint64 max_evaluations, GCancellable *cancellable)
{
  g_autofree guint32 *pos = g_new (guint32, m->n + 1);
  g_autofree guint32 *trial = g_memdup2 (order, (m->n + 1) * sizeof (guint32));
  guint64 area, peak = lir_order_model_peak (m, order, NULL, &area), evaluations = 0;
  gboolean changed = TRUE;

  while (changed && evaluations < max_evaluations)
    {
      changed = FALSE;
      for (guint s = 0; s < m->n; s++)
        pos[order[s]] = s;
      for (guint i = 0; i < m->n && evaluations < max_evaluations; i++)
        {
          if (i % 64 == 0 && g_cancellable_is_cancelled (cancellable))
            return peak;
          guint32 v = order[i];
          guint ends[2];

          window (m, pos, v, &ends[0], &ends[1]);
          for (guint e = 0; e < 2 && evaluations < max_evaluations; e++)
            {
              guint64 trial_area, trial_peak;

              if (ends[e] == i)
                continue;
              memcpy (trial, order, m->n * sizeof (guint32));
              move (trial, i, ends[e]);
              trial_peak = lir_order_model_peak (m, trial, NULL, &trial_area);
              evaluations++;
              if (trial_peak < peak || (trial_peak == peak && trial_area < area))
                {
                  memcpy (order, trial, m->n * sizeof (guint32));
                  peak = trial_peak;
                  area = trial_area;
                  changed = TRUE;
                  for (guint s = MIN (i, ends[e]); s <= MAX (i, ends[e]); s++)
                    pos[order[s]] = s;
                  break;
                }
            }
        }
    }
  return peak;
}

/**
 * lir_order_moved:
 * @given: (array length=n): the given order
 * @order: (array length=n): another order of the same nodes
 * @n: their length
 * @skip: (nullable) (array length=n): per node, TRUE to leave it out
 *
 * Which nodes @order moved: those outside a longest run of nodes that
 * keeps the relative order it has in @given (patience sorting, O(n log n)).
 *
 * Returns: (transfer full): per node, TRUE if it moved
 */
guint8 *
lir_order_moved (const guint32 *given, const guint32 *order, guint n, const guint8 *skip)
{
  g_autofree guint32 *pos = g_new0 (guint32, n + 1);
  g_autofree guint *tails = g_new (guint, n + 1); /* index in @order ending a run of each length */
  g_autofree guint *back = g_new (guint, n + 1);
  guint8 *moved = g_new0 (guint8, n + 1);
  guint len = 0;

  for (guint s = 0; s < n; s++)
    pos[given[s]] = s;
  for (guint i = 0; i < n; i++)
    {
      guint lo = 0, hi = len;

      if (skip != NULL && skip[order[i]])
        continue;
      moved[order[i]] = TRUE;
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (pos[order[tails[mid]]] < pos[order[i]])
            lo = mid + 1;
          else
            hi = mid;
        }
      back[i] = lo > 0 ? tails[lo - 1] : G_MAXUINT;
      tails[lo] = i;
      len = MAX (len, lo + 1);
    }
  for (guint i = len > 0 ? tails[len - 1] : G_MAXUINT; i != G_MAXUINT; i = back[i])
    moved[order[i]] = FALSE;
  return moved;
}

/* Where @v goes back to: before the first node after it in @given that
 * @order kept in place; the end if there is none. */
static guint
home_of (const guint32 *given, const guint32 *gpos, const guint32 *pos, const guint8 *moved, guint n,
         guint32 v)
{
  for (guint s = gpos[v] + 1; s < n; s++)
    if (!moved[given[s]])
      return pos[given[s]] > pos[v] ? pos[given[s]] - 1 : pos[given[s]];
  return n - 1;
}

/**
 * lir_order_simplify:
 * @model: a model
 * @given: (array): the given order
 * @order: (inout) (array): a lower order, simplified in place
 * @max_evaluations: how many orders it may evaluate
 *
 * Moves the nodes @order moved back where @given has them, relative to
 * the nodes it kept in place, wherever that keeps its peak: a lower order
 * is then told with the moves that matter, not those that happened to come
 * with it.
 *
 * Returns: @order's peak, never higher than it was
 */
guint64
lir_order_simplify (const LirOrderModel *m, const guint32 *given, guint32 *order, guint64 max_evaluations)
{
  g_autofree guint32 *pos = g_new (guint32, m->n + 1);
  g_autofree guint32 *gpos = g_new (guint32, m->n + 1);
  g_autofree guint32 *trial = g_new (guint32, m->n + 1);
  guint64 peak = lir_order_model_peak (m, order, NULL, NULL), evaluations = 0;
  gboolean changed = TRUE;

  for (guint s = 0; s < m->n; s++)
    gpos[given[s]] = s;
  for (guint pass = 0; pass < 4 && changed && evaluations < max_evaluations; pass++)
    {
      g_autofree guint8 *moved = lir_order_moved (given, order, m->n, NULL);

      changed = FALSE;
      for (guint s = 0; s < m->n; s++)
        pos[order[s]] = s;
      for (guint g = 0; g < m->n && evaluations < max_evaluations; g++)
        {
          guint32 v = given[g];
          guint lo, hi, from = pos[v], to;

          if (!moved[v])
            continue;
          window (m, pos, v, &lo, &hi);
          to = CLAMP (home_of (given, gpos, pos, moved, m->n, v), lo, hi);
          if (to == from)
            continue;
          memcpy (trial, order, m->n * sizeof (guint32));
          move (trial, from, to);
          evaluations++;
          if (lir_order_model_peak (m, trial, NULL, NULL) > peak)
            continue;
          memcpy (order, trial, m->n * sizeof (guint32));
          moved[v] = FALSE;
          changed = TRUE;
          for (guint s = MIN (from, to); s <= MAX (from, to); s++)
            pos[order[s]] = s;
        }
    }
  return lir_order_model_peak (m, order, NULL, NULL);
}
