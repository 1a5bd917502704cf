/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-rlx-greedy.c: RLX's own placement, reproduced offset for offset.
 *
 * RLX sorts buffers by size, largest first (a stable sort, so ties keep
 * node order), and puts each at the lowest aligned offset, among 0 and
 * the ends of all placed buffers, that overlaps no placed buffer whose
 * live range intersects its own. RLX tests every candidate against every
 * placed buffer (cubic). The lowest valid candidate is always 0 or the
 * end of a conflicting buffer, so one sweep over the placed buffers in
 * offset order finds the same offset: the first gap between conflicting
 * buffers that holds the aligned buffer. tests/core/test-strategies.c
 * checks this against a literal transcription of RLX's loop.
 */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"

#include <string.h>

typedef struct
{
  guint64 offset;
  guint64 end;
  guint32 first_step;
  guint32 last_step;
} Placed;

static int
compare_size_desc_then_id (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  const LirAllocBuffer *a = &buffers[*(const guint32 *)pa];
  const LirAllocBuffer *b = &buffers[*(const guint32 *)pb];

  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* Index of the first placed buffer whose offset is > @offset. */
static guint
upper_bound (const Placed *placed, guint n_placed, guint64 offset)
{
  guint lo = 0, hi = n_placed;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (placed[mid].offset <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* RLX's order: size descending, then id. Writes request->n_buffers indices. */
void
lir_rlx_greedy_order (const LirAllocRequest *request, guint32 *order)
{
  for (guint i = 0; i < request->n_buffers; i++)
    order[i] = i;
  /* The id tie-break makes the order total, so the sort's stability does not matter. */
  g_qsort_with_data (order, request->n_buffers, sizeof (guint32), compare_size_desc_then_id,
                     (gpointer)request->buffers);
}

/* The same plan, offset for offset, in O(n log n): the placer's first-fit
 * rule over its time index finds the lowest gap between conflicting buffers,
 * which is what the sweep below finds. For auto and exact, which want RLX's
 * plan as a candidate on any size of problem; the strategy itself keeps
 * RLX's cost too, as the baseline the others are measured against. */
gboolean
lir_rlx_greedy_place_indexed (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                              GError **error)
{
  g_autofree guint32 *order = g_new (guint32, request->n_buffers + 1);

  lir_rlx_greedy_order (request, order);
  return lir_place_in_order (request, order, LIR_GAP_LOWEST, "rlx-greedy", offsets, error);
}

/* Past this many buffers RLX's own loop (quadratic: minutes at a million)
 * hands over to the indexed walk, which makes the same plan offset for
 * offset (/plan/strategy/rlx-greedy-indexed-matches-reference). */
#define RLX_LOOP_MAX_BUFFERS 50000

gboolean
lir_strategy_rlx_greedy_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                               GError **error)
{
  guint n = request->n_buffers, n_placed = 0;
  g_autofree guint32 *order = NULL;
  /* Plain arrays: this loop is the whole cost of the strategy. */
  g_autofree Placed *placed = NULL;

  if (n > RLX_LOOP_MAX_BUFFERS)
    return lir_rlx_greedy_place_indexed (request, offsets, outcome, error);
  order = g_new (guint32, n + 1);
  placed = g_new (Placed, n + 1);
  lir_rlx_greedy_order (request, order);

  for (guint k = 0; k < n; k++)
    {
      const LirAllocBuffer *b = &request->buffers[order[k]];
      guint64 gap_start = 0, offset = 0, end = 0;
      gboolean placed_ok = FALSE;
      guint at;
      gboolean finished;

      /* Quadratic: on large inputs this runs for seconds, so it can be
       * cancelled, stopped and followed. */
      if (k % 1024 == 0
          && (!lir_alloc_checkpoint (request, "rlx-greedy", order, k, offsets, &finished, error) || finished))
        return finished;
      for (guint j = 0; j <= n_placed; j++)
        {
          if (!lir_align_up (gap_start, request->alignment, &offset)
              || !g_uint64_checked_add (&end, offset, b->size))
            break;
          if (j == n_placed)
            {
              placed_ok = TRUE;
              break;
            }
          if (placed[j].first_step > b->last_step || b->first_step > placed[j].last_step)
            continue;
          if (end <= placed[j].offset)
            {
              placed_ok = TRUE;
              break;
            }
          gap_start = MAX (gap_start, placed[j].end);
        }
      if (!placed_ok)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "buffer %u cannot be placed below 2^64 bytes",
                       b->id);
          return FALSE;
        }
      offsets[order[k]] = offset;
      at = upper_bound (placed, n_placed, offset);
      memmove (&placed[at + 1], &placed[at], (n_placed - at) * sizeof (Placed));
      placed[at] = (Placed){ offset, end, b->first_step, b->last_step };
      n_placed++;
    }
  return TRUE;
}
