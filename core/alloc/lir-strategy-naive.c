/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-naive.c: no sharing at all, the baseline every saving is measured against. */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"

gboolean
lir_strategy_naive_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                          GError **error)
{
  guint64 top = 0;

  for (guint i = 0; i < request->n_buffers; i++)
    {
      if (!lir_align_up (top, request->alignment, &offsets[i])
          || !g_uint64_checked_add (&top, offsets[i], request->buffers[i].size))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "the unshared arena exceeds 2^64 bytes");
          return FALSE;
        }
    }
  return TRUE;
}
