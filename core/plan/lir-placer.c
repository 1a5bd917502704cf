/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-placer.c: finds the placed buffers that conflict with a new one in
 * O(log T + k), then puts the new one in the smallest gap between them.
 *
 * A placed buffer conflicts with [F, L] when it is live at F, or when it
 * starts in (F, L]. The first set is a stabbing query on a segment tree
 * over time whose nodes list the placed buffers covering them (each buffer
 * sits in the O(log T) nodes that tile its lifetime); the second is a run
 * of positions in the by-first-step order, scanned in a bitset of the
 * placed ones. Every conflicting buffer is found once, with no search per
 * buffer. Time is the step itself when steps are dense (graphs), else the
 * rank among the distinct first and last steps (a monotone map, so every
 * overlap is kept). Plain arrays: this is the planner's hot loop.
 */
#include "lir-placer.h"

#include <string.h>

#define NONE G_MAXUINT32

typedef struct
{
  guint32 buffer;
  guint32 next;
} Entry;

struct _LirPlacer
{
  const LirAllocRequest *request;
  guint32 *first;        /* per buffer, in the placer's time */
  guint32 *last;
  guint32 n_times;
  guint32 *by_first;     /* buffer indices by first time */
  guint32 *start_of;     /* per time t (n_times + 1): the first position whose first time is >= t */
  guint32 *position;     /* buffer index -> position in by_first */
  guint64 *placed;       /* bitset over positions */
  guint tree_size;       /* leaves, a power of two >= n_times */
  guint32 *head;         /* per tree node: its first entry, or NONE */
  Entry *entries;        /* the nodes' lists, linked */
  gsize n_entries;
  gsize entries_room;
  LirKeyed *span_of;     /* placed buffers' [offset, end), read together */
  LirKeyed *spans;       /* scratch: conflicting buffers' offsets (keys) and ends */
};

LirPlacer *
lir_placer_new (const LirAllocRequest *request)
{
  LirPlacer *placer = g_new0 (LirPlacer, 1);
  guint n = request->n_buffers;

  placer->request = request;
  placer->first = g_new (guint32, n + 1);
  placer->last = g_new (guint32, n + 1);
  {
    g_autofree LirAllocBuffer *ranked = NULL;
    const LirAllocBuffer *timed = request->buffers;

    placer->n_times = request->n_steps;
    if (!lir_alloc_request_steps_are_dense (request))
      timed = ranked = lir_alloc_request_compress_steps (request, &placer->n_times);
    for (guint i = 0; i < n; i++)
      {
        placer->first[i] = timed[i].first_step;
        placer->last[i] = timed[i].last_step;
      }
  }

  /* A counting sort by first time; its counts are start_of. */
  placer->start_of = g_new0 (guint32, (gsize)placer->n_times + 1);
  placer->by_first = g_new (guint32, n + 1);
  placer->position = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    placer->start_of[placer->first[i] + 1]++;
  for (guint32 t = 1; t <= placer->n_times; t++)
    placer->start_of[t] += placer->start_of[t - 1];
  {
    g_autofree guint32 *fill =
        g_memdup2 (placer->start_of, ((gsize)placer->n_times + 1) * sizeof (guint32));
    for (guint i = 0; i < n; i++)
      {
        placer->position[i] = fill[placer->first[i]]++;
        placer->by_first[placer->position[i]] = i;
      }
  }
  placer->placed = g_new0 (guint64, n / 64 + 1);

  placer->tree_size = 1;
  while (placer->tree_size < placer->n_times)
    placer->tree_size *= 2;
  placer->head = g_new (guint32, (gsize)placer->tree_size * 2);
  memset (placer->head, 0xff, (gsize)placer->tree_size * 2 * sizeof (guint32));
  placer->entries_room = (gsize)n * 4 + 16;
  placer->entries = g_new (Entry, placer->entries_room);
  placer->span_of = g_new0 (LirKeyed, n + 1);
  placer->spans = g_new (LirKeyed, n + 1);
  return placer;
}

void
lir_placer_free (LirPlacer *placer)
{
  if (placer == NULL)
    return;
  g_free (placer->first);
  g_free (placer->last);
  g_free (placer->by_first);
  g_free (placer->start_of);
  g_free (placer->position);
  g_free (placer->placed);
  g_free (placer->head);
  g_free (placer->entries);
  g_free (placer->span_of);
  g_free (placer->spans);
  g_free (placer);
}

static void
list_push (LirPlacer *placer, guint node, guint32 buffer)
{
  if (placer->n_entries == placer->entries_room)
    {
      placer->entries_room *= 2;
      placer->entries = g_renew (Entry, placer->entries, placer->entries_room);
    }
  placer->entries[placer->n_entries] = (Entry){ buffer, placer->head[node] };
  placer->head[node] = (guint32)placer->n_entries++;
}

static inline void
add_span (LirPlacer *placer, guint *n_spans, guint32 buffer)
{
  placer->spans[(*n_spans)++] = placer->span_of[buffer];
}

/* Writes the spans of the placed buffers that conflict with @buffer to
 * placer->spans; returns how many. */
static guint
collect (LirPlacer *placer, guint32 buffer)
{
  guint32 first = placer->first[buffer], last = placer->last[buffer];
  guint n_spans = 0;

  /* Live at its first time: the lists on the path from that leaf up. */
  for (guint node = placer->tree_size + first; node >= 1; node /= 2)
    for (guint32 e = placer->head[node]; e != NONE; e = placer->entries[e].next)
      add_span (placer, &n_spans, placer->entries[e].buffer);

  /* Starting after it, up to its last time: placed positions in a run. */
  {
    guint32 from = placer->start_of[first + 1], to = placer->start_of[last + 1];

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

            add_span (placer, &n_spans, placer->by_first[position]);
            bits &= bits - 1;
          }
        from = (word + 1) * 64;
      }
  }
  return n_spans;
}

/* Lists @buffer in the nodes that tile its lifetime and marks it placed. */
static void
record (LirPlacer *placer, guint32 buffer)
{
  guint lo = placer->tree_size + placer->first[buffer];
  guint hi = placer->tree_size + placer->last[buffer] + 1;
  guint32 position = placer->position[buffer];

  for (; lo < hi; lo /= 2, hi /= 2)
    {
      if (lo & 1)
        list_push (placer, lo++, buffer);
      if (hi & 1)
        list_push (placer, --hi, buffer);
    }
  placer->placed[position / 64] |= (guint64)1 << (position % 64);
}

/**
 * lir_placer_place_best_fit:
 * @placer: a placer
 * @buffer: index of an unplaced buffer
 * @offset: (out): where it went
 *
 * Places @buffer in the smallest gap between conflicting placed buffers
 * that holds it aligned (the lowest such gap on ties), else on top of them.
 *
 * Returns: %FALSE on offset overflow
 */
gboolean
lir_placer_place_best_fit (LirPlacer *placer, guint buffer, guint64 *offset)
{
  const LirAllocBuffer *b = &placer->request->buffers[buffer];
  guint64 alignment = placer->request->alignment;
  guint n_spans;
  guint64 cursor = 0, best = G_MAXUINT64, best_gap = G_MAXUINT64, aligned, end;

  n_spans = collect (placer, buffer);
  lir_keyed_sort (placer->spans, n_spans);

  for (guint i = 0; i <= n_spans; i++)
    {
      const LirKeyed *span = i < n_spans ? &placer->spans[i] : NULL;

      if (span != NULL && span->key <= cursor)
        {
          cursor = MAX (cursor, span->value);
          continue;
        }
      if (!lir_align_up (cursor, alignment, &aligned) || !g_uint64_checked_add (&end, aligned, b->size))
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
        }
      cursor = MAX (cursor, span->value);
    }

  *offset = best;
  placer->span_of[buffer] = (LirKeyed){ best, best + b->size };
  record (placer, buffer);
  return TRUE;
}
