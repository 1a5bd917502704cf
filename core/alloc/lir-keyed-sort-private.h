/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-keyed-sort-private.h: stable sorts of (key, value) pairs and of step lists. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A sort key and what it carries. */
typedef struct
{
  guint64 key;
  guint64 value;
} LirKeyed;

/* Below this many items lir_keyed_sort () sorts by insertion. */
#define LIR_KEYED_SORT_SHORT 64

void            lir_keyed_sort_radix             (LirKeyed              *items,
                                                  guint                  n);
void            lir_keyed_sort_radix_with        (LirKeyed              *items,
                                                  guint                  n,
                                                  LirKeyed              *scratch);

/* An insertion sort by key, stable. */
static inline void
lir_keyed_sort_short (LirKeyed *items, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      LirKeyed item = items[i];
      guint j = i;

      for (; j > 0 && items[j - 1].key > item.key; j--)
        items[j] = items[j - 1];
      items[j] = item;
    }
}

/* Sorts @items by key, ascending and stable. Inline, because the placer
 * sorts a dozen conflicts on every placement and the radix sort's frame
 * alone would cost more than that. */
void            lir_keyed_sort                   (LirKeyed              *items,
                                                  guint                  n);

void            lir_keyed_sort_into_order        (LirKeyed              *keys,
                                                  guint                  n,
                                                  guint32               *order);
guint           lir_u32_sort_unique              (guint32               *values,
                                                  guint                  n);
guint           lir_u32_count_below              (const guint32         *values,
                                                  guint                  n,
                                                  guint32                x,
                                                  gboolean               inclusive);

G_END_DECLS
