/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy.c: the strategy table and what every strategy shares. */
#include "lir-strategy-private.h"
#include "lir-boxed-private.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "ir/lir-limits.h"

#include <stdlib.h>
#include <string.h>

static const LirStrategy naive = {
  "naive",
  "no sharing: every buffer gets its own bytes, in id order",
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

static const LirStrategy *const strategies[] = { &auto_strategy,  &naive, &rlx_greedy, &best_fit,
                                                 &greedy_breadth, &sweep, &exact };

/* The strategy named @name, or NULL. */
static const LirStrategy *
lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
    if (strcmp (strategies[i]->name, name) == 0)
      return strategies[i];
  return NULL;
}

/**
 * lir_strategy_list:
 * @n_strategies: (out): number of strategies
 *
 * Every strategy, the default (`auto`) first.
 *
 * Returns: (transfer none) (array length=n_strategies): every strategy
 */
const LirStrategy *const *
lir_strategy_list (guint *n_strategies)
{
  g_return_val_if_fail (n_strategies != NULL, NULL);
  *n_strategies = G_N_ELEMENTS (strategies);
  return strategies;
}

/**
 * lir_strategy_get_name:
 * @strategy: a strategy
 *
 * The strategy's name.
 *
 * Returns: (transfer none): the name options and the CLI use (`best-fit`)
 */
const char *
lir_strategy_get_name (const LirStrategy *strategy)
{
  g_return_val_if_fail (strategy != NULL, NULL);
  return strategy->name;
}

/**
 * lir_strategy_get_summary:
 * @strategy: a strategy
 *
 * What the strategy does, in a line.
 *
 * Returns: (transfer none): one line on what it does
 */
const char *
lir_strategy_get_summary (const LirStrategy *strategy)
{
  g_return_val_if_fail (strategy != NULL, NULL);
  return strategy->summary;
}

/**
 * lir_strategy_find:
 * @name: a strategy name
 * @error: (nullable): return location for a #GError
 *
 * Finds a strategy by the name options and the CLI use.
 *
 * Returns: (transfer none) (nullable): the strategy, or %NULL with an error
 *   that lists the known names
 */
const LirStrategy *
lir_strategy_find (const char *name, GError **error)
{
  const LirStrategy *strategy;

  g_return_val_if_fail (name != NULL, NULL);
  strategy = lookup (name);

  if (strategy == NULL)
    {
      g_autoptr (GString) known = g_string_new (NULL);
      g_autofree char *quoted = lir_text_quote (name);

      for (guint i = 0; i < G_N_ELEMENTS (strategies); i++)
        g_string_append_printf (known, "%s%s", i > 0 ? ", " : "", strategies[i]->name);
      g_set_error (error, LIR_ERROR, LIR_ERROR_NOT_FOUND, "unknown strategy \"%s\" (known: %s)", quoted,
                   known->str);
    }
  return strategy;
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
lir_strategy_run (const LirStrategy *strategy, const LirAllocRequest *request, guint64 *offsets,
                  LirAllocOutcome *outcome, GError **error)
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
                   "%s needs %" G_GUINT64_FORMAT " bytes, more than the capacity of %" G_GUINT64_FORMAT,
                   strategy->name, arena, request->capacity);
      return FALSE;
    }
  return TRUE;
}

/* Strategies are static: a boxed copy is the strategy itself. */
static gpointer
lir_strategy_copy_boxed (gpointer strategy)
{
  return strategy;
}

static void
lir_strategy_free_boxed (gpointer strategy)
{
}

LIR_DEFINE_BOXED_TYPE (LirStrategy, lir_strategy, lir_strategy_copy_boxed, lir_strategy_free_boxed)

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirProgress, lir_progress, phase)
