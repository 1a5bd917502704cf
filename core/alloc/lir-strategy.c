/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy.c: the strategy table and what every strategy shares. */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"
#include "ir/lir-limits.h"
#include "lir-live-profile.h"

#include <stdlib.h>
#include <string.h>

static const LirStrategy naive = {
  "naive", "no sharing: every buffer gets its own bytes, in id order",
  lir_strategy_naive_place,
};
static const LirStrategy rlx_greedy = {
  "rlx-greedy",
  "RLX's planner: size descending, lowest conflict-free offset among 0 and placed ends",
  lir_strategy_rlx_greedy_place,
};

static const LirStrategy best_fit = {
  "best-fit",
  "global decreasing-size best fit (XLA's heap simulator): smallest gap that fits",
  lir_strategy_best_fit_place,
};
static const LirStrategy greedy_breadth = {
  "greedy-breadth",
  "TFLite's greedy by breadth: widest steps first, largest buffers first, best fit",
  lir_strategy_greedy_breadth_place,
};

static const LirStrategy sweep = {
  "sweep",
  "time-ordered best fit (a malloc simulation): O(n log n) at any overlap, looser plans",
  lir_strategy_sweep_place,
};

static const LirStrategy exact = {
  "exact",
  "branch and bound over canonical placements; proves optimality within its effort",
  lir_strategy_exact_place,
};

static const LirStrategy auto_strategy = {
  "auto",
  "the default: best of the heuristics, then exact within a small budget",
  lir_strategy_auto_place,
};

static const LirStrategy *const strategies[] = { &auto_strategy, &naive, &rlx_greedy, &best_fit,
                                                 &greedy_breadth, &sweep, &exact };

/**
 * lir_strategy_list:
 * @n_strategies: (out): number of strategies
 *
 * Returns: (transfer none) (array length=n_strategies): every strategy
 */
const LirStrategy *const *
lir_strategy_list (guint *n_strategies)
{
  *n_strategies = G_N_ELEMENTS (strategies);
  return strategies;
}

/**
 * lir_strategy_lookup:
 * @name: a strategy name
 *
 * Returns: (transfer none) (nullable): the strategy, or %NULL
 */
const LirStrategy *
lir_strategy_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    if (strcmp (strategies[i]->name, name) == 0)
      return strategies[i];
  return NULL;
}

/**
 * lir_strategy_find:
 * @name: a strategy name
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the strategy, or %NULL with an error
 *   that lists the known names
 */
const LirStrategy *
lir_strategy_find (const char *name, GError **error)
{
  const LirStrategy *strategy = lir_strategy_lookup (name);

  if (strategy == NULL)
    {
      g_autoptr (GString) known = g_string_new (NULL);
      g_autofree char *quoted = lir_text_quote (name);

      for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", strategies[i]->name);
      g_set_error (error, LIR_ERROR, LIR_ERROR_NOT_FOUND, "unknown strategy \"%s\" (known: %s)",
                   quoted, known->str);
    }
  return strategy;
}

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
    arena = MAX (arena, g_uint64_checked_add (&end, offsets[i], request->buffers[i].size)
                            ? end
                            : G_MAXUINT64);
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
  for (guint shift = (guint)__builtin_ctzll (varying); shift < 64 && (varying >> shift) != 0;
       shift += bits)
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

/**
 * lir_strategy_run:
 * @strategy: a strategy
 * @request: the buffers and constraints
 * @offsets: (out caller-allocates) (array): one offset per buffer
 * @outcome: (out caller-allocates): what the strategy achieved
 * @error: return location for a #GError
 *
 * Checks the request, runs @strategy and fills in the arena size, the
 * lower bound and whether the result is provably optimal.
 *
 * Returns: %TRUE on success
 */
gboolean
lir_strategy_run (const LirStrategy *strategy, const LirAllocRequest *request,
                  guint64 *offsets, LirAllocOutcome *outcome, GError **error)
{
  guint64 arena = 0;

  if (!lir_limits_check_alignment (request->alignment, error))
    return FALSE;
  memset (outcome, 0, sizeof *outcome);
  if (!strategy->place (request, offsets, outcome, error))
    return FALSE;
  outcome->stopped = outcome->stopped || lir_alloc_stopped (request);
  for (guint i = 0; i < request->n_buffers; i++)
    {
      guint64 end;
      /* A plan file holds offsets below 2^63: a plan past that could be
       * written but not read back, so it is not made. */
      if (!g_uint64_checked_add (&end, offsets[i], request->buffers[i].size) || end > LIR_MAX_BYTES)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW,
                       "%s places buffer %u past 2^63 - 1 bytes, the largest arena a plan can hold",
                       strategy->name, request->buffers[i].id);
          return FALSE;
        }
      arena = MAX (arena, end);
    }
  outcome->arena_size = arena;
  outcome->lower_bound = lir_alloc_lower_bound (request, NULL);
  /* Reaching the lower bound is a proof of optimality by itself. */
  if (arena == outcome->lower_bound)
    outcome->proven_optimal = TRUE;
  /* Stopped early, the best plan there is stands; the caller compares it
   * with the capacity. */
  if (request->capacity != 0 && arena > request->capacity && !outcome->stopped)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                   "%s needs %" G_GUINT64_FORMAT " bytes, more than the capacity of %"
                   G_GUINT64_FORMAT, strategy->name, arena, request->capacity);
      return FALSE;
    }
  return TRUE;
}
