/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-strategy-best-fit.c: global decreasing-size best fit, the heuristic of
 * XLA's heap simulator: largest buffers first (longer lifetime, then id, on
 * ties), each into the smallest gap that holds it over its whole lifetime. */
#include "lir-placer.h"

#include "ir/lir-error.h"

#include <string.h>

/* The sort keys side by side, so comparisons stay in cache. */
typedef struct
{
  guint64 size;
  guint32 length;
  guint32 id;
  guint32 index;
} Key;

static int
compare_size_then_length (const void *pa, const void *pb)
{
  const Key *a = pa, *b = pb;

  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  if (a->length != b->length)
    return a->length > b->length ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

gboolean
lir_place_in_order (const LirAllocRequest *request, const guint32 *order, guint64 *offsets,
                    GError **error)
{
  g_autoptr (LirPlacer) placer = lir_placer_new (request);

  for (guint k = 0; k < request->n_buffers; k++)
    {
      if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
        return FALSE;
      if (!lir_placer_place_best_fit (placer, order[k], &offsets[order[k]]))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW,
                       "buffer %u cannot be placed below 2^64 bytes", request->buffers[order[k]].id);
          return FALSE;
        }
    }
  return TRUE;
}

#define RADIX_BITS 11
#define RADIX_BUCKETS (1u << RADIX_BITS)

/* Sorts @keys largest size first, ties by the longer lifetime, then the
 * lower id. A stable LSD radix sort on the size (skipping digits every size
 * shares, so typical sizes take three passes), then each run of equal sizes
 * by the tie keys: the sort was a third of best-fit's time through qsort. */
static void
sort_keys (Key *keys, guint n)
{
  g_autofree Key *scratch = g_new (Key, n + 1);
  g_autofree guint32 *count = g_new (guint32, RADIX_BUCKETS);
  Key *from = keys, *to = scratch;

  for (guint shift = 0; shift < 64; shift += RADIX_BITS)
    {
      gboolean one_bucket = FALSE;
      guint32 sum = 0;

      memset (count, 0, RADIX_BUCKETS * sizeof (guint32));
      /* Descending: sort the complement. */
      for (guint i = 0; i < n; i++)
        count[(~from[i].size >> shift) & (RADIX_BUCKETS - 1)]++;
      for (guint d = 0; d < RADIX_BUCKETS; d++)
        {
          guint32 c = count[d];
          one_bucket = one_bucket || c == n;
          count[d] = sum;
          sum += c;
        }
      if (one_bucket)
        continue;
      for (guint i = 0; i < n; i++)
        to[count[(~from[i].size >> shift) & (RADIX_BUCKETS - 1)]++] = from[i];
      {
        Key *swap = from;
        from = to;
        to = swap;
      }
    }
  if (from != keys)
    memcpy (keys, from, n * sizeof (Key));
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && keys[j].size == keys[i].size)
        j++;
      if (j - i > 1)
        qsort (keys + i, j - i, sizeof (Key), compare_size_then_length);
      i = j;
    }
}

gboolean
lir_strategy_best_fit_place (const LirAllocRequest *request, guint64 *offsets,
                             LirAllocOutcome *outcome, GError **error)
{
  g_autofree guint32 *order = g_new (guint32, request->n_buffers + 1);
  g_autofree Key *keys = g_new (Key, request->n_buffers + 1);

  for (guint i = 0; i < request->n_buffers; i++)
    {
      const LirAllocBuffer *b = &request->buffers[i];
      keys[i] = (Key){ b->size, b->last_step - b->first_step, b->id, i };
    }
  sort_keys (keys, request->n_buffers);
  for (guint i = 0; i < request->n_buffers; i++)
    order[i] = keys[i].index;
  return lir_place_in_order (request, order, offsets, error);
}
