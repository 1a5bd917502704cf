/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-strategy.c: the strategy table and what every strategy shares. */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"
#include "lir-plan-stats.h"

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
                                                 &greedy_breadth, &exact };

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

      for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", strategies[i]->name);
      g_set_error (error, LIR_ERROR, LIR_ERROR_NOT_FOUND, "unknown strategy \"%s\" (known: %s)",
                   name, known->str);
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
  g_autoptr (LirLiveProfile) live = lir_live_profile_new_for_buffers (request->buffers,
                                                                       request->n_buffers);

  return lir_live_profile_max (live, 0, G_MAXUINT32, peak_step);
}

static int
compare_steps (const void *a, const void *b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  return x < y ? -1 : x > y;
}

static guint32
step_rank (const guint32 *steps, guint n, guint32 step)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (steps[mid] < step)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Renumbers the steps to the ranks of the distinct first and last steps.
 * The map is monotone, so every overlap and every live set is kept, while
 * the strategies' per-step work follows the number of buffers instead of
 * the span of steps (a CSV may cover hundreds of millions). */
static LirAllocBuffer *
compress_steps (const LirAllocRequest *request, guint32 *n_steps)
{
  guint n = request->n_buffers, n_distinct = 0;
  g_autofree guint32 *steps = g_new (guint32, (gsize)n * 2 + 1);
  LirAllocBuffer *buffers = g_memdup2 (request->buffers, sizeof (LirAllocBuffer) * (gsize)n);

  for (guint i = 0; i < n; i++)
    {
      steps[2 * i] = buffers[i].first_step;
      steps[2 * i + 1] = buffers[i].last_step;
    }
  if (n > 0)
    qsort (steps, (gsize)n * 2, sizeof (guint32), compare_steps);
  for (guint i = 0; i < n * 2; i++)
    if (n_distinct == 0 || steps[n_distinct - 1] != steps[i])
      steps[n_distinct++] = steps[i];
  for (guint i = 0; i < n; i++)
    {
      buffers[i].first_step = step_rank (steps, n_distinct, buffers[i].first_step);
      buffers[i].last_step = step_rank (steps, n_distinct, buffers[i].last_step);
    }
  *n_steps = MAX (n_distinct, 1);
  return buffers;
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
  g_autofree LirAllocBuffer *compressed = NULL;
  LirAllocRequest local;

  if (request->alignment == 0 || (request->alignment & (request->alignment - 1)) != 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "alignment %" G_GUINT64_FORMAT " is not a power of two", request->alignment);
      return FALSE;
    }
  memset (outcome, 0, sizeof *outcome);
  local = *request;
  local.buffers = compressed = compress_steps (request, &local.n_steps);
  request = &local;
  if (!strategy->place (request, offsets, outcome, error))
    return FALSE;
  for (guint i = 0; i < request->n_buffers; i++)
    {
      guint64 end;
      if (!g_uint64_checked_add (&end, offsets[i], request->buffers[i].size))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW,
                       "buffer %u ends beyond 2^64 bytes", request->buffers[i].id);
          return FALSE;
        }
      arena = MAX (arena, end);
    }
  outcome->arena_size = arena;
  outcome->lower_bound = lir_alloc_lower_bound (request, NULL);
  /* Reaching the lower bound is a proof of optimality by itself. */
  if (arena == outcome->lower_bound)
    outcome->proven_optimal = TRUE;
  if (request->capacity != 0 && arena > request->capacity)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                   "%s needs %" G_GUINT64_FORMAT " bytes, more than the capacity of %"
                   G_GUINT64_FORMAT, strategy->name, arena, request->capacity);
      return FALSE;
    }
  return TRUE;
}
