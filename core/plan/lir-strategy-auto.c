/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-strategy-auto.c: the default. Runs the fast heuristics, keeps the best,
 * stops at once if it reaches the lower bound (or comes within 0.1 % of
 * it), else lets the exact search improve it within a budget (on problems
 * small enough for it). RLX's own plan is among the heuristics, computed
 * through the placer's index, so auto is never worse than RLX at any size. */
#include "lir-strategy-private.h"

#include <string.h>

/* The exact search's budget is a function of the number of buffers n alone
 * (so still deterministic): AUTO_STEPS_PER_BUFFER * n steps, at most
 * AUTO_EFFORT, and AUTO_WORK / n past 500 buffers, as a step costs time in
 * proportion to n. At 1-5 us a step that is at most about ten seconds on
 * MiniMalloc's hardest instances and enough to reach the lower bound on
 * nine of them (E, 215 buffers, needs 745 thousand steps for it), while a
 * small graph whose bound cannot be reached gives up in well under one. */
#define AUTO_EFFORT 2000000
#define AUTO_STEPS_PER_BUFFER 8000
#define AUTO_WORK G_GUINT64_CONSTANT (1000000000)
/* The exact search's conflict lists grow with n²; beyond this, heuristics only. */
#define AUTO_EXACT_MAX_BUFFERS 5000
/* A plan within 1/AUTO_GOOD_ENOUGH of the lower bound is not worth seconds
 * of search: on generated ML-like graphs of 1,000 buffers best fit comes
 * within 128 bytes of 127 MB, which the search spends 1.7 s failing to
 * close. */
#define AUTO_GOOD_ENOUGH 1024

gboolean
lir_strategy_auto_place (const LirAllocRequest *request, guint64 *offsets,
                         LirAllocOutcome *outcome, GError **error)
{
  static const LirStrategyFunc heuristics[] = {
    lir_strategy_best_fit_place,
    lir_rlx_greedy_place_indexed,
    lir_strategy_greedy_breadth_place,
  };
  guint n = request->n_buffers;
  g_autofree guint64 *trial = g_new0 (guint64, n + 1);
  guint64 lower = lir_alloc_lower_bound (request, NULL), best = G_MAXUINT64;

  for (guint h = 0; h < G_N_ELEMENTS (heuristics) && best > lower; h++)
    {
      if (!heuristics[h] (request, trial, outcome, error))
        return FALSE;
      if (lir_alloc_arena_size (request, trial) < best)
        {
          best = lir_alloc_arena_size (request, trial);
          memcpy (offsets, trial, n * sizeof (guint64));
        }
    }
  if (best > lower && best - lower > lower / AUTO_GOOD_ENOUGH && n <= AUTO_EXACT_MAX_BUFFERS)
    {
      LirAllocRequest bounded = *request;
      LirAllocOutcome exact_outcome = { 0 };

      bounded.capacity = 0;
      bounded.effort = request->effort != 0
                           ? request->effort
                           : MIN (MIN (AUTO_EFFORT, AUTO_WORK / n), (guint64)AUTO_STEPS_PER_BUFFER * n);
      if (!lir_strategy_exact_place (&bounded, trial, &exact_outcome, error))
        return FALSE;
      outcome->effort_used = exact_outcome.effort_used;
      if (lir_alloc_arena_size (request, trial) < best)
        {
          memcpy (offsets, trial, n * sizeof (guint64));
          outcome->proven_optimal = exact_outcome.proven_optimal;
        }
      else if (lir_alloc_arena_size (request, trial) == best)
        outcome->proven_optimal = exact_outcome.proven_optimal;
    }
  return TRUE;
}
