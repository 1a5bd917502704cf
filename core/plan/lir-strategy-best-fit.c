/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-strategy-best-fit.c: global decreasing-size best fit, the heuristic of
 * XLA's heap simulator: largest buffers first (longer lifetime, then id, on
 * ties), each into the smallest gap that holds it over its whole lifetime. */
#include "lir-placer.h"

#include "ir/lir-error.h"

static int
compare_size_then_length (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  const LirAllocBuffer *a = &buffers[*(const guint32 *)pa], *b = &buffers[*(const guint32 *)pb];
  guint32 la = a->last_step - a->first_step, lb = b->last_step - b->first_step;

  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  if (la != lb)
    return la > lb ? -1 : 1;
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

gboolean
lir_strategy_best_fit_place (const LirAllocRequest *request, guint64 *offsets,
                             LirAllocOutcome *outcome, GError **error)
{
  g_autofree guint32 *order = g_new (guint32, request->n_buffers + 1);

  for (guint i = 0; i < request->n_buffers; i++)
    order[i] = i;
  g_qsort_with_data (order, request->n_buffers, sizeof (guint32), compare_size_then_length,
                     (gpointer)request->buffers);
  return lir_place_in_order (request, order, offsets, error);
}
