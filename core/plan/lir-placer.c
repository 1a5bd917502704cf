/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-placer.c: finds the placed buffers that conflict with a new one in
 * O((k + 1) log n), then puts the new one in the smallest gap between them.
 *
 * Buffers are sorted once by first step. A max-segment-tree over that order
 * holds each placed buffer's last step (absent ones hold nothing), so "placed
 * buffers with first <= L and last >= F" is a prefix found by binary search
 * and a descent that skips every subtree whose largest last step is < F.
 * Plain arrays: this is the planner's hot loop.
 */
#include "lir-placer.h"

#include <string.h>

#define EMPTY (-1)

typedef struct
{
  guint64 offset;
  guint64 end;
} Span;

struct _LirPlacer
{
  const LirAllocRequest *request;
  guint n;
  guint tree_size;       /* leaves, a power of two */
  gint64 *tree;          /* max last step per subtree, EMPTY when none placed */
  guint32 *by_first;     /* buffer indices sorted by first step */
  guint32 *position;     /* buffer index -> position in by_first */
  guint32 *first_sorted; /* first step at each position */
  guint32 *prefix;       /* dense steps: positions whose first step is <= each step, else NULL */
  guint32 n_steps;
  guint64 *offsets;      /* placed buffers' offsets */
  Span *spans;           /* scratch: conflicting spans, room for every buffer */
};

static int
compare_first (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  const LirAllocBuffer *a = &buffers[*(const guint32 *)pa], *b = &buffers[*(const guint32 *)pb];

  if (a->first_step != b->first_step)
    return a->first_step < b->first_step ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Steps are dense (graphs) when every buffer lies below a step count that
 * is not much larger than the buffer count. */
static gboolean
steps_are_dense (const LirAllocRequest *request)
{
  if (request->n_steps == 0 || request->n_steps > SPARSE_STEPS (request->n_buffers))
    return FALSE;
  for (guint i = 0; i < request->n_buffers; i++)
    if (request->buffers[i].last_step >= request->n_steps)
      return FALSE;
  return TRUE;
}

LirPlacer *
lir_placer_new (const LirAllocRequest *request)
{
  LirPlacer *placer = g_new0 (LirPlacer, 1);
  guint n = request->n_buffers;

  placer->request = request;
  placer->n = n;
  placer->tree_size = 1;
  while (placer->tree_size < MAX (n, 1))
    placer->tree_size *= 2;
  placer->tree = g_new (gint64, 2 * placer->tree_size);
  for (guint i = 0; i < 2 * placer->tree_size; i++)
    placer->tree[i] = EMPTY;
  placer->by_first = g_new (guint32, n + 1);
  placer->position = g_new (guint32, n + 1);
  placer->first_sorted = g_new (guint32, n + 1);
  placer->offsets = g_new0 (guint64, n + 1);
  if (steps_are_dense (request))
    {
      /* A counting sort, whose counts also answer "how many start by step s". */
      placer->n_steps = request->n_steps;
      placer->prefix = g_new0 (guint32, (gsize)placer->n_steps + 1);
      for (guint i = 0; i < n; i++)
        placer->prefix[request->buffers[i].first_step]++;
      for (guint32 step = 1; step < placer->n_steps; step++)
        placer->prefix[step] += placer->prefix[step - 1];
      for (guint i = n; i-- > 0;)
        placer->by_first[--placer->prefix[request->buffers[i].first_step]] = i;
      /* prefix[s] now counts the buffers starting before s; shift it by one. */
      for (guint32 step = 0; step + 1 < placer->n_steps; step++)
        placer->prefix[step] = placer->prefix[step + 1];
      placer->prefix[placer->n_steps - 1] = n;
    }
  else
    {
      for (guint i = 0; i < n; i++)
        placer->by_first[i] = i;
      g_qsort_with_data (placer->by_first, n, sizeof (guint32), compare_first,
                         (gpointer)request->buffers);
    }
  for (guint p = 0; p < n; p++)
    {
      placer->position[placer->by_first[p]] = p;
      placer->first_sorted[p] = request->buffers[placer->by_first[p]].first_step;
    }
  placer->spans = g_new (Span, n + 1);
  return placer;
}

void
lir_placer_free (LirPlacer *placer)
{
  if (placer == NULL)
    return;
  g_free (placer->tree);
  g_free (placer->by_first);
  g_free (placer->position);
  g_free (placer->first_sorted);
  g_free (placer->prefix);
  g_free (placer->offsets);
  g_free (placer->spans);
  g_free (placer);
}

typedef struct
{
  guint node, lo, width;
} Subtree;

/* Writes the spans of placed buffers at positions [0, limit) of the
 * by-first order whose last step is >= @first to placer->spans; returns
 * how many. An explicit stack: this runs once per buffer placed. */
static guint
collect (LirPlacer *placer, guint limit, guint32 first)
{
  Subtree stack[64];
  guint depth = 0, n_spans = 0;

  stack[depth++] = (Subtree){ 1, 0, placer->tree_size };
  while (depth > 0)
    {
      guint node = stack[--depth].node, lo = stack[depth].lo, width = stack[depth].width;

      if (lo >= limit || placer->tree[node] < (gint64)first)
        continue;
      if (width == 1)
        {
          guint32 buffer = placer->by_first[lo];
          placer->spans[n_spans++] = (Span){ placer->offsets[buffer],
                                             placer->offsets[buffer] + placer->request->buffers[buffer].size };
          continue;
        }
      /* Right first, so the left half comes off the stack next. */
      stack[depth++] = (Subtree){ 2 * node + 1, lo + width / 2, width / 2 };
      stack[depth++] = (Subtree){ 2 * node, lo, width / 2 };
    }
  return n_spans;
}

static int
compare_spans (const void *pa, const void *pb)
{
  const Span *a = pa, *b = pb;
  return (a->offset > b->offset) - (a->offset < b->offset);
}

/* By offset. The lists are short (the buffers live alongside the new one),
 * so an insertion sort beats qsort's calls through a pointer; long lists
 * still go to qsort. */
static void
sort_spans (Span *spans, guint n)
{
  if (n > 96)
    {
      qsort (spans, n, sizeof (Span), compare_spans);
      return;
    }
  for (guint i = 1; i < n; i++)
    {
      Span key = spans[i];
      guint j = i;

      for (; j > 0 && spans[j - 1].offset > key.offset; j--)
        spans[j] = spans[j - 1];
      spans[j] = key;
    }
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
  guint lo = 0, hi = placer->n, limit, leaf, n_spans;
  guint64 cursor = 0, best = G_MAXUINT64, best_gap = G_MAXUINT64, aligned, end;

  /* Positions whose first step is <= b's last step form a prefix. */
  if (placer->prefix != NULL)
    lo = placer->prefix[b->last_step];
  else
    while (lo < hi)
      {
        guint mid = lo + (hi - lo) / 2;
        if (placer->first_sorted[mid] <= b->last_step)
          lo = mid + 1;
        else
          hi = mid;
      }
  limit = lo;
  n_spans = collect (placer, limit, b->first_step);
  sort_spans (placer->spans, n_spans);

  for (guint i = 0; i <= n_spans; i++)
    {
      const Span *span = i < n_spans ? &placer->spans[i] : NULL;

      if (span != NULL && span->offset <= cursor)
        {
          cursor = MAX (cursor, span->end);
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
      if (end <= span->offset && span->offset - cursor < best_gap)
        {
          best_gap = span->offset - cursor;
          best = aligned;
        }
      cursor = MAX (cursor, span->end);
    }

  *offset = best;
  placer->offsets[buffer] = best;
  leaf = placer->tree_size + placer->position[buffer];
  placer->tree[leaf] = b->last_step;
  /* Leaves only ever rise from EMPTY: stop where an ancestor is already as high. */
  for (leaf /= 2; leaf >= 1 && placer->tree[leaf] < (gint64)b->last_step; leaf /= 2)
    placer->tree[leaf] = b->last_step;
  return TRUE;
}
