/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-alloc-request.c: what every strategy asks of its request: the arena a
 * placement needs, the lower bound no placement beats, the steps that
 * matter, and progress and stop requests. */
#include "lir-alloc-private.h"

#include "lir-keyed-sort-private.h"
#include "lir-live-profile-private.h"

#include <string.h>

/**
 * lir_alloc_arena_size:
 * @request: buffers
 * @offsets: (array): one offset per buffer
 *
 * Returns: the highest end of a buffer, saturating at %G_MAXUINT64
 */
guint64
lir_alloc_arena_size (const LirAllocRequest *request, const guint64 *offsets)
{
  guint64 arena = 0, end;

  for (guint i = 0; i < request->n_buffers; i++)
    arena =
      MAX (arena, g_uint64_checked_add (&end, offsets[i], request->buffers[i].size) ? end : G_MAXUINT64);
  return arena;
}

/* More steps than this and per-step work would outweigh the buffers. */
#define SPARSE_STEPS(n_buffers) (4 * (guint64)(n_buffers) + 1024)

/**
 * lir_alloc_request_steps_are_dense:
 * @request: buffers to place
 *
 * Returns: whether every buffer lies below a step count not much larger
 *   than the buffer count (graphs), so per-step arrays are cheap; CSV spans
 *   can reach billions of steps
 */
gboolean
lir_alloc_request_steps_are_dense (const LirAllocRequest *request)
{
  if (request->n_steps == 0 || request->n_steps > SPARSE_STEPS (request->n_buffers))
    return FALSE;
  for (guint i = 0; i < request->n_buffers; i++)
    if (request->buffers[i].last_step >= request->n_steps)
      return FALSE;
  return TRUE;
}

/**
 * lir_alloc_lower_bound:
 * @request: buffers to place
 * @peak_step: (out) (optional): a step where the live bytes peak
 *
 * Returns: the most bytes live at any one step (saturating)
 */
guint64
lir_alloc_lower_bound (const LirAllocRequest *request, guint32 *peak_step)
{
  g_autoptr (LirLiveProfile) live = NULL;

  /* Dense steps (graphs): one pass over per-step deltas. Sparse steps
   * (CSV spans): a sweep over sorted events, whatever the span. */
  if (lir_alloc_request_steps_are_dense (request))
    {
      g_autofree guint64 *born = g_new0 (guint64, (gsize)request->n_steps + 2);
      g_autofree guint64 *freed = g_new0 (guint64, (gsize)request->n_steps + 2);
      guint64 live_bytes = 0, best = 0;
      guint32 best_step = 0;

      /* What starts and ends at each step, in sums that saturate rather
       * than wrap: buffers of 2^62 bytes add up past any 64-bit integer. */
      for (guint i = 0; i < request->n_buffers; i++)
        {
          const LirAllocBuffer *b = &request->buffers[i];

          if (!g_uint64_checked_add (&born[b->first_step], born[b->first_step], b->size))
            born[b->first_step] = G_MAXUINT64;
          if (!g_uint64_checked_add (&freed[b->last_step + 1], freed[b->last_step + 1], b->size))
            freed[b->last_step + 1] = G_MAXUINT64;
        }
      for (guint32 step = 0; step < request->n_steps; step++)
        {
          live_bytes -= MIN (live_bytes, freed[step]);
          if (!g_uint64_checked_add (&live_bytes, live_bytes, born[step]))
            live_bytes = G_MAXUINT64;
          if (live_bytes > best)
            {
              best = live_bytes;
              best_step = step;
            }
        }
      if (peak_step != NULL)
        *peak_step = best_step;
      return best;
    }
  live = lir_live_profile_new_for_buffers (request->buffers, request->n_buffers);
  return lir_live_profile_max (live, 0, G_MAXUINT32, peak_step);
}

/**
 * lir_alloc_request_compress_steps:
 * @request: buffers to place
 * @n_steps: (out): steps after renumbering
 *
 * Renumbers the steps to the ranks of the distinct first and last steps.
 * The map is monotone, so every overlap and every live set is kept; only
 * the distances between steps, which no placement depends on, are lost.
 *
 * Returns: (transfer full): the buffers with renumbered steps
 */
LirAllocBuffer *
lir_alloc_request_compress_steps (const LirAllocRequest *request, guint32 *n_steps)
{
  guint n = request->n_buffers, n_distinct;
  g_autofree guint32 *steps = g_new (guint32, (gsize)n * 2 + 1);
  LirAllocBuffer *buffers = g_new (LirAllocBuffer, (gsize)n + 1);

  for (guint i = 0; i < n; i++)
    {
      buffers[i] = request->buffers[i];
      steps[2 * i] = buffers[i].first_step;
      steps[2 * i + 1] = buffers[i].last_step;
    }
  n_distinct = lir_u32_sort_unique (steps, n * 2);
  for (guint i = 0; i < n; i++)
    {
      buffers[i].first_step = lir_u32_count_below (steps, n_distinct, buffers[i].first_step, FALSE);
      buffers[i].last_step = lir_u32_count_below (steps, n_distinct, buffers[i].last_step, FALSE);
    }
  *n_steps = MAX (n_distinct, 1);
  return buffers;
}

/* Tells @request's listener how far @phase got. */
void
lir_alloc_report (const LirAllocRequest *request, const char *phase, guint64 done, guint64 total,
                  guint64 best_arena)
{
  LirProgress progress = { phase, done, total, best_arena };

  if (request->progress != NULL)
    request->progress (&progress, request->progress_data);
}

/* Whether the caller asked to stop early and keep the best plan so far. */
gboolean
lir_alloc_stopped (const LirAllocRequest *request)
{
  return request->stop != NULL && g_cancellable_is_cancelled (request->stop);
}
