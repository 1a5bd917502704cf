/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-placer.c: finds the k placed buffers that conflict with a new one in
 * O(log T + k + s), then puts the new one in a gap between them: the
 * smallest (best fit) or the lowest (first fit, RLX's rule). Here s counts
 * the placed short buffers that start in the SHORT - 1 times before the new
 * one and end before it: a few on ML graphs, never more than SHORT times
 * the most buffers starting at one time.
 *
 * Placed buffers are kept by position in the by-first-time order, with a
 * bitset of the placed positions. A placed buffer conflicts with [F, L]
 * when it is live at F, or when it starts in (F, L]. Most lifetimes in ML
 * graphs are short: a short placed buffer (shorter than SHORT times) live
 * at F starts in [F - SHORT + 1, F], so one run of positions, starting
 * SHORT - 1 times before F and ending at L, holds every short conflict and
 * every buffer starting in (F, L]. A long buffer live at F is found by a
 * stabbing query on a segment tree over blocks of SHORT times whose nodes
 * list the long buffers overlapping them (each in the O(log T) nodes that
 * tile its blocks); only those live at F itself are kept. Every conflicting
 * buffer is found once, with no search per buffer, and the tree is small
 * enough to stay in cache. Time is the step itself when steps are dense
 * (graphs), else the rank among the distinct first and last steps (a
 * monotone map, so every overlap is kept). Plain arrays: this is the
 * planner's hot loop, and its cost is mostly cache misses, so what one
 * placement reads sits together.
 */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"

#include <string.h>

#define NONE G_MAXUINT32
/* Lifetimes spanning fewer times than this are short; a power of two. */
#define SHORT 16

typedef struct
{
  guint32 position;
  guint32 first; /* the long buffer's lifetime */
  guint32 last;
} Entry;

/* A tree node's list is a chain of chunks, newest first: walking a node
 * that lists a thousand buffers then costs a hundred cache misses, not a
 * thousand (two cache lines a chunk). */
#define CHUNK_ENTRIES 10

typedef struct
{
  guint32 next; /* the node's older chunk, or NONE */
  guint32 count;
  Entry entries[CHUNK_ENTRIES];
} Chunk;

/* A buffer to place, in the placer's order: what placing it reads, together. */
typedef struct
{
  guint64 size;
  guint32 first; /* in the placer's time */
  guint32 last;
  guint32 position; /* in the by-first-time order */
} Item;

typedef struct
{
  guint64 alignment;
  LirGapRule rule;
  Item *items;
  guint32 *start_of; /* per time t (n_times + 1): the first position whose first time is >= t */
  guint32 *reach_at; /* per position: conflicts with [F, L] found in the run iff reach > F */
  guint64 *placed;   /* bitset over positions */
  guint tree_size;   /* leaves, a power of two >= the blocks of SHORT times */
  guint32 *head;     /* per tree node: its newest chunk, or NONE */
  Chunk *chunks;     /* the nodes' lists of long buffers */
  gsize n_chunks;
  gsize chunks_room;
  LirKeyed *span_at; /* per position: the placed buffer's [offset, end) */
  LirKeyed *spans;   /* scratch: conflicting buffers' offsets (keys) and ends */
  LirKeyed *sorting; /* scratch for sorting them */
  guint64 work;      /* conflicts looked at so far */
} LirPlacer;

static LirPlacer *
lir_placer_new (const LirAllocRequest *request, const guint32 *order, LirGapRule rule)
{
  LirPlacer *placer = g_new0 (LirPlacer, 1);
  guint n = request->n_buffers;
  guint32 n_times = request->n_steps;

  placer->alignment = request->alignment;
  placer->rule = rule;
  placer->items = g_new (Item, n + 1);
  {
    g_autofree LirAllocBuffer *ranked = NULL;
    const LirAllocBuffer *timed = request->buffers;

    if (!lir_alloc_request_steps_are_dense (request))
      timed = ranked = lir_alloc_request_compress_steps (request, &n_times);
    for (guint k = 0; k < n; k++)
      {
        const LirAllocBuffer *b = &timed[order[k]];
        placer->items[k] = (Item){ request->buffers[order[k]].size, b->first_step, b->last_step, 0 };
      }
  }

  /* A counting sort by first time; its counts are start_of. */
  placer->start_of = g_new0 (guint32, (gsize)n_times + 1);
  for (guint k = 0; k < n; k++)
    placer->start_of[placer->items[k].first + 1]++;
  for (guint32 t = 1; t <= n_times; t++)
    placer->start_of[t] += placer->start_of[t - 1];
  {
    g_autofree guint32 *fill = g_memdup2 (placer->start_of, ((gsize)n_times + 1) * sizeof (guint32));
    placer->reach_at = g_new (guint32, n + 1);
    for (guint k = 0; k < n; k++)
      {
        Item *item = &placer->items[k];

        item->position = fill[item->first]++;
        /* Short: live at F or later; long: starts after F (else it is in the tree). */
        placer->reach_at[item->position] = item->last - item->first < SHORT ? item->last + 1 : item->first;
      }
  }
  placer->placed = g_new0 (guint64, n / 64 + 1);

  placer->tree_size = 1;
  while (placer->tree_size < n_times / SHORT + 1)
    placer->tree_size *= 2;
  placer->head = g_new (guint32, (gsize)placer->tree_size * 2);
  memset (placer->head, 0xff, (gsize)placer->tree_size * 2 * sizeof (guint32));
  placer->chunks_room = 64;
  placer->chunks = g_new (Chunk, placer->chunks_room);
  placer->span_at = g_new0 (LirKeyed, n + 1);
  placer->spans = g_new (LirKeyed, n + 1);
  placer->sorting = g_new (LirKeyed, n + 1);
  return placer;
}

static void
lir_placer_free (LirPlacer *placer)
{
  if (placer == NULL)
    return;
  g_free (placer->items);
  g_free (placer->start_of);
  g_free (placer->reach_at);
  g_free (placer->placed);
  g_free (placer->head);
  g_free (placer->chunks);
  g_free (placer->span_at);
  g_free (placer->spans);
  g_free (placer->sorting);
  g_free (placer);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPlacer, lir_placer_free)

static void
list_push (LirPlacer *placer, guint node, const Item *item)
{
  Chunk *chunk;

  if (placer->head[node] == NONE || placer->chunks[placer->head[node]].count == CHUNK_ENTRIES)
    {
      if (placer->n_chunks == placer->chunks_room)
        {
          placer->chunks_room *= 2;
          placer->chunks = g_renew (Chunk, placer->chunks, placer->chunks_room);
        }
      placer->chunks[placer->n_chunks].next = placer->head[node];
      placer->chunks[placer->n_chunks].count = 0;
      placer->head[node] = (guint32)placer->n_chunks++;
    }
  chunk = &placer->chunks[placer->head[node]];
  chunk->entries[chunk->count++] = (Entry){ item->position, item->first, item->last };
}

static inline void
add_span (LirPlacer *placer, guint *n_spans, guint32 position)
{
  placer->spans[(*n_spans)++] = placer->span_at[position];
}

/* Writes the spans of the placed buffers that conflict with @item to
 * placer->spans; returns how many. */
static guint
collect (LirPlacer *placer, const Item *item)
{
  guint32 first = item->first, last = item->last;
  guint n_spans = 0;

  /* Long and live at its first time: on the path from that block up. */
  for (guint node = placer->tree_size + first / SHORT; node >= 1; node /= 2)
    for (guint32 c = placer->head[node]; c != NONE; c = placer->chunks[c].next)
      {
        const Chunk *chunk = &placer->chunks[c];

        for (guint32 i = 0; i < chunk->count; i++)
          if (chunk->entries[i].first <= first && first <= chunk->entries[i].last)
            add_span (placer, &n_spans, chunk->entries[i].position);
      }

  /* Short and live at its first time, or starting after it up to its last:
   * placed positions in one run. */
  {
    guint32 from = placer->start_of[first >= SHORT - 1 ? first - (SHORT - 1) : 0];
    guint32 to = placer->start_of[last + 1];

    for (guint32 word = from / 64; from < to; word++)
      {
        guint64 bits = placer->placed[word];

        if (from > word * 64)
          bits &= ~(guint64)0 << (from - word * 64);
        if (to < word * 64 + 64)
          bits &= ((guint64)1 << (to - word * 64)) - 1;
        while (bits != 0)
          {
            guint32 position = word * 64 + (guint32)__builtin_ctzll (bits);

            if (placer->reach_at[position] > first)
              add_span (placer, &n_spans, position);
            bits &= bits - 1;
          }
        from = (word + 1) * 64;
      }
  }
  return n_spans;
}

/* Lists @item, if long, in the nodes that tile its blocks; marks it placed. */
static void
record (LirPlacer *placer, const Item *item)
{
  guint32 position = item->position;

  if (item->last - item->first >= SHORT)
    {
      guint lo = placer->tree_size + item->first / SHORT;
      guint hi = placer->tree_size + item->last / SHORT + 1;

      for (; lo < hi; lo /= 2, hi /= 2)
        {
          if (lo & 1)
            list_push (placer, lo++, item);
          if (hi & 1)
            list_push (placer, --hi, item);
        }
    }
  placer->placed[position / 64] |= (guint64)1 << (position % 64);
}

/*
 * lir_placer_place:
 * @placer: a placer
 * @k: an index into the placer's order, not placed yet
 * @offset: (out): where that buffer went
 *
 * Places the @k-th buffer of the order in the gap between conflicting
 * placed buffers that the placer's rule picks among those that hold it
 * aligned, else on top of them.
 *
 * Returns: %FALSE on offset overflow
 */
static gboolean
lir_placer_place (LirPlacer *placer, guint k, guint64 *offset)
{
  const Item *item = &placer->items[k];
  guint n_spans;
  guint64 cursor = 0, best = G_MAXUINT64, best_gap = G_MAXUINT64, aligned, end;

  n_spans = collect (placer, item);
  placer->work += n_spans + 1;
  if (n_spans < LIR_KEYED_SORT_SHORT)
    lir_keyed_sort_short (placer->spans, n_spans);
  else
    lir_keyed_sort_radix_with (placer->spans, n_spans, placer->sorting);

  for (guint i = 0; i <= n_spans; i++)
    {
      const LirKeyed *span = i < n_spans ? &placer->spans[i] : NULL;

      if (span != NULL && span->key <= cursor)
        {
          cursor = MAX (cursor, span->value);
          continue;
        }
      if (!lir_align_up (cursor, placer->alignment, &aligned)
          || !g_uint64_checked_add (&end, aligned, item->size))
        return FALSE;
      if (span == NULL)
        {
          if (best == G_MAXUINT64)
            best = aligned; /* on top of everything that conflicts */
          break;
        }
      if (end <= span->key && span->key - cursor < best_gap)
        {
          best_gap = span->key - cursor;
          best = aligned;
          if (placer->rule == LIR_GAP_LOWEST)
            break;
        }
      cursor = MAX (cursor, span->value);
    }

  *offset = best;
  placer->span_at[item->position] = (LirKeyed){ best, best + item->size };
  record (placer, item);
  return TRUE;
}

/* Stopped early: the buffers from @k on go above everything placed, one on
 * another, which keeps the plan valid whatever conflicts. */
static gboolean
stack_rest (const LirAllocRequest *request, const guint32 *order, guint k, guint64 *offsets)
{
  guint64 top = 0, end;

  for (guint i = 0; i < k; i++)
    top = MAX (top, offsets[order[i]] + request->buffers[order[i]].size);
  for (; k < request->n_buffers; k++)
    {
      if (!lir_align_up (top, request->alignment, &offsets[order[k]])
          || !g_uint64_checked_add (&end, offsets[order[k]], request->buffers[order[k]].size))
        return FALSE;
      top = end;
    }
  return TRUE;
}

/* What the strategies that place in an order do every few thousand
 * buffers: fail if cancelled; if stopped, stack the buffers from the @k-th
 * of @order on above the rest and set @finished; else report progress. */
gboolean
lir_alloc_checkpoint (const LirAllocRequest *request, const char *phase, const guint32 *order, guint k,
                      guint64 *offsets, gboolean *finished, GError **error)
{
  *finished = FALSE;
  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    return FALSE;
  if (lir_alloc_stopped (request))
    {
      if (!stack_rest (request, order, k, offsets))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "the plan does not fit below 2^64 bytes");
          return FALSE;
        }
      *finished = TRUE;
      return TRUE;
    }
  lir_alloc_report (request, phase, k, request->n_buffers, 0);
  return TRUE;
}

/* Places the buffers of @request in @order by @rule; the strategies built
 * on the placer differ only in their order and rule. @phase names them in
 * progress reports. If @work is not %NULL it is set to the conflicts the
 * placer looked at: a measure of the time taken that does not depend on
 * the machine, for budgets that must give the same plan everywhere. */
gboolean
lir_place_in_order_measured (const LirAllocRequest *request, const guint32 *order, LirGapRule rule,
                             const char *phase, guint64 *offsets, guint64 *work, GError **error)
{
  g_autoptr (LirPlacer) placer = lir_placer_new (request, order, rule);

  for (guint k = 0; k < request->n_buffers; k++)
    {
      gboolean finished;

      if (work != NULL)
        *work = placer->work;
      if (k % 4096 == 0
          && (!lir_alloc_checkpoint (request, phase, order, k, offsets, &finished, error) || finished))
        return finished;
      if (!lir_placer_place (placer, k, &offsets[order[k]]))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "buffer %u cannot be placed below 2^64 bytes",
                       request->buffers[order[k]].id);
          return FALSE;
        }
    }
  if (work != NULL)
    *work = placer->work;
  return TRUE;
}

gboolean
lir_place_in_order (const LirAllocRequest *request, const guint32 *order, LirGapRule rule, const char *phase,
                    guint64 *offsets, GError **error)
{
  return lir_place_in_order_measured (request, order, rule, phase, offsets, NULL, error);
}
