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
  guint64 *offsets;      /* placed buffers' offsets */
  GArray *spans;         /* scratch: conflicting spans */
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
  for (guint i = 0; i < n; i++)
    placer->by_first[i] = i;
  g_qsort_with_data (placer->by_first, n, sizeof (guint32), compare_first,
                     (gpointer)request->buffers);
  for (guint p = 0; p < n; p++)
    {
      placer->position[placer->by_first[p]] = p;
      placer->first_sorted[p] = request->buffers[placer->by_first[p]].first_step;
    }
  placer->spans = g_array_new (FALSE, FALSE, sizeof (Span));
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
  g_free (placer->offsets);
  g_array_unref (placer->spans);
  g_free (placer);
}

/* Appends the spans of placed buffers at positions [0, limit) of the
 * by-first order whose last step is >= @first. */
static void
collect (LirPlacer *placer, guint node, guint lo, guint hi, guint limit, guint32 first)
{
  if (lo >= limit || placer->tree[node] < (gint64)first)
    return;
  if (hi - lo == 1)
    {
      guint32 buffer = placer->by_first[lo];
      Span span = { placer->offsets[buffer],
                    placer->offsets[buffer] + placer->request->buffers[buffer].size };
      g_array_append_val (placer->spans, span);
      return;
    }
  collect (placer, 2 * node, lo, lo + (hi - lo) / 2, limit, first);
  collect (placer, 2 * node + 1, lo + (hi - lo) / 2, hi, limit, first);
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
  guint lo = 0, hi = placer->n, limit, leaf;
  guint64 cursor = 0, best = G_MAXUINT64, best_gap = G_MAXUINT64, aligned, end;

  /* Positions whose first step is <= b's last step form a prefix. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (placer->first_sorted[mid] <= b->last_step)
        lo = mid + 1;
      else
        hi = mid;
    }
  limit = lo;
  g_array_set_size (placer->spans, 0);
  collect (placer, 1, 0, placer->tree_size, limit, b->first_step);
  sort_spans ((Span *)placer->spans->data, placer->spans->len);

  for (guint i = 0; i <= placer->spans->len; i++)
    {
      const Span *span = i < placer->spans->len ? &g_array_index (placer->spans, Span, i) : NULL;

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
  for (leaf /= 2; leaf >= 1; leaf /= 2)
    placer->tree[leaf] = MAX (placer->tree[2 * leaf], placer->tree[2 * leaf + 1]);
  return TRUE;
}
