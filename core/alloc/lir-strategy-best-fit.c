/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-best-fit.c: global decreasing-size best fit, the heuristic of
 * XLA's heap simulator: largest buffers first (longer lifetime, then id, on
 * ties), each into the smallest gap that holds it over its whole lifetime. */
#include "lir-strategy-private.h"

/* Ties of size: the longer lifetime first, then the lower id. */
static int
compare_ties (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  const LirAllocBuffer *a = &buffers[((const LirKeyed *)pa)->value];
  const LirAllocBuffer *b = &buffers[((const LirKeyed *)pb)->value];
  guint32 la = a->last_step - a->first_step, lb = b->last_step - b->first_step;

  if (la != lb)
    return la > lb ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Best fit's order: largest first, then the longer lifetime, then the lower id. */
static void
best_fit_order (const LirAllocRequest *request, guint32 *order)
{
  guint n = request->n_buffers;
  g_autofree LirKeyed *keys = g_new (LirKeyed, n + 1);

  /* Largest first: ascending on the complement of the size. */
  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ ~request->buffers[i].size, i };
  lir_keyed_sort (keys, n);
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;

      while (j < n && keys[j].key == keys[i].key)
        j++;
      if (j - i > 16)
        g_qsort_with_data (keys + i, j - i, sizeof (LirKeyed), compare_ties, (gpointer)request->buffers);
      else /* most runs of one size are short: sorted inline, the comparator inlined */
        for (guint a = i + 1; a < j; a++)
          {
            LirKeyed key = keys[a];
            guint b = a;

            for (; b > i && compare_ties (&keys[b - 1], &key, (gpointer)request->buffers) > 0; b--)
              keys[b] = keys[b - 1];
            keys[b] = key;
          }
      i = j;
    }
  for (guint i = 0; i < n; i++)
    order[i] = (guint32)keys[i].value;
}

gboolean
lir_strategy_best_fit_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                             GError **error)
{
  g_autofree guint32 *order = g_new (guint32, request->n_buffers + 1);

  best_fit_order (request, order);
  return lir_place_in_order (request, order, LIR_GAP_SMALLEST, "best-fit", offsets, error);
}
