/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-keyed-sort.c: stable sorts of (key, value) pairs, the placement order
 * of every strategy and the search index's keys. */
#include "lir-keyed-sort-private.h"

#include <stdlib.h>
#include <string.h>

static int
compare_u32 (const void *pa, const void *pb)
{
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  return (a > b) - (a < b);
}

#define RADIX_MAX_BITS 11
/* Below this many items, 8-bit digits: their 256 counters cost less to
 * clear and sum than 2048 do, which outweighs the extra passes. */
#define RADIX_SMALL_ITEMS 4096
/* Sorts by key, stable: insertion for short runs, radix beyond. */
void
lir_keyed_sort (LirKeyed *items, guint n)
{
  if (n < LIR_KEYED_SORT_SHORT)
    lir_keyed_sort_short (items, n);
  else
    lir_keyed_sort_radix (items, n);
}

/**
 * lir_keyed_sort_radix:
 * @items: (array length=n): what to sort
 * @n: how many
 *
 * Sorts @items by key, ascending and stable: a least-significant-digit
 * radix sort over the bits where keys differ only (from the lowest such
 * bit, skipping digits every key shares), 8 or 11 bits a pass by size.
 * Callers use lir_keyed_sort (), which sorts short arrays by insertion.
 * The planners sort on every placement, where qsort's calls through a
 * comparator dominated.
 */
void
lir_keyed_sort_radix (LirKeyed *items, guint n)
{
  g_autofree LirKeyed *scratch = g_new (LirKeyed, n);

  lir_keyed_sort_radix_with (items, n, scratch);
}

/**
 * lir_keyed_sort_radix_with:
 * @items: (array length=n): what to sort
 * @n: how many
 * @scratch: (array length=n): room for @n items, overwritten
 *
 * lir_keyed_sort_radix () without an allocation, for callers that sort
 * on every placement.
 */
void
lir_keyed_sort_radix_with (LirKeyed *items, guint n, LirKeyed *scratch)
{
  guint32 count[1u << RADIX_MAX_BITS];
  LirKeyed *from = items, *to = scratch;
  guint64 varying = 0;
  guint bits = n < RADIX_SMALL_ITEMS ? 8 : RADIX_MAX_BITS;
  guint64 mask = ((guint64)1 << bits) - 1;

  for (guint i = 1; i < n; i++)
    varying |= items[i].key ^ items[0].key;
  if (varying == 0)
    return;
  for (guint shift = (guint)__builtin_ctzll (varying); shift < 64 && (varying >> shift) != 0; shift += bits)
    {
      guint32 sum = 0;

      if (((varying >> shift) & mask) == 0)
        continue;
      memset (count, 0, (mask + 1) * sizeof (guint32));
      for (guint i = 0; i < n; i++)
        count[(from[i].key >> shift) & mask]++;
      for (guint d = 0; d <= mask; d++)
        {
          guint32 c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (guint i = 0; i < n; i++)
        to[count[(from[i].key >> shift) & mask]++] = from[i];
      {
        LirKeyed *swap = from;
        from = to;
        to = swap;
      }
    }
  if (from != items)
    memcpy (items, from, n * sizeof (LirKeyed));
}

/* Sorts @keys (stable) and writes their values, in that order, to @order:
 * a placement order from per-buffer keys. */
void
lir_keyed_sort_into_order (LirKeyed *keys, guint n, guint32 *order)
{
  lir_keyed_sort (keys, n);
  for (guint i = 0; i < n; i++)
    order[i] = (guint32)keys[i].value;
}

/* Sorts @values and drops repeats; returns how many remain. */
guint
lir_u32_sort_unique (guint32 *values, guint n)
{
  guint kept = 0;

  if (n > 0)
    qsort (values, n, sizeof (guint32), compare_u32);
  for (guint i = 0; i < n; i++)
    if (kept == 0 || values[kept - 1] != values[i])
      values[kept++] = values[i];
  return kept;
}

/* How many of the sorted @values are below @x (or, with @inclusive, at most @x). */
guint
lir_u32_count_below (const guint32 *values, guint n, guint32 x, gboolean inclusive)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (values[mid] < x || (inclusive && values[mid] == x))
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}
