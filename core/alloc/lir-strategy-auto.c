/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-auto.c: the default. Places every buffer in the classic
 * heuristics' orders and keeps the best (see lir-order-search.c), stopping
 * at once if it reaches the lower bound (or comes within 0.1 % of it);
 * then, up to AUTO_EXACT_MAX_BUFFERS, lets the exact search improve it,
 * and past that goes on with the order search (squeaky-wheel chains and
 * drawn orders) within a budget of work. RLX's own plan is the first
 * order, so auto is never worse than RLX. Where one pass of the placer
 * would take more than about ten seconds (millions of buffers with
 * thousands live at every step), auto is the sweep instead. */
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
/* The exact search's conflict lists grow with n², and past a few thousand
 * buffers its budget buys little (7 s for no gain at 5,000 heavily
 * overlapping buffers, where the order search gains 3 to 10 %): beyond
 * this, the order search goes on instead. */
#define AUTO_EXACT_MAX_BUFFERS 2000
/* A plan within 1/AUTO_GOOD_ENOUGH of the lower bound is not worth seconds
 * of search: on generated ML-like graphs of 1,000 buffers best fit comes
 * within 128 bytes of 127 MB, which the search spends 1.7 s failing to
 * close. */
#define AUTO_GOOD_ENOUGH 1024

/* The order search's budget, in conflicts the placer looks at (see
 * LIR_PLACEMENT_WORK): a few seconds on two cores. A pass over 100,000
 * buffers of issue 22's heavy overlap costs 116 million, so the search
 * makes one round of two there (RLX's order and greedy by breadth: about
 * 8 times the time of reading and writing the file; a second round gains
 * 0 to 2 % of arena for as much time again); at 20,000, forty. */
#define AUTO_SEARCH_WORK G_GUINT64_CONSTANT (400000000)
/* A pass of the placer predicted to cost more than this (about ten
 * seconds) gives way to the sweep, whose cost does not grow with overlap. */
#define AUTO_SWEEP_WORK G_GUINT64_CONSTANT (1000000000)

gboolean
lir_strategy_auto_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                         GError **error)
{
  guint n = request->n_buffers;
  guint64 lower = lir_alloc_lower_bound (request, NULL), best = G_MAXUINT64, arena;
  guint64 good_enough = lower + lower / AUTO_GOOD_ENOUGH;
  g_autoptr (LirOrderSearch) search = NULL;

  if (lir_alloc_predict_work (request) > AUTO_SWEEP_WORK)
    return lir_strategy_sweep_place (request, offsets, outcome, error);
  search = lir_order_search_new (request, lower);
  /* The heuristics, then exact where it can reach (the stronger search
   * there), else the squeaky-wheel chains and drawn orders with what is
   * left of the budget. */
  if (!lir_order_search_run (search, offsets, &best, good_enough, LIR_SEARCH_HEURISTIC_RUNS, AUTO_SEARCH_WORK,
                             error))
    return FALSE;

  if (best > good_enough && n <= AUTO_EXACT_MAX_BUFFERS && !lir_alloc_stopped (request))
    {
      LirAllocRequest bounded = *request;
      LirAllocOutcome exact_outcome = { 0 };
      g_autofree guint64 *trial = g_new0 (guint64, n + 1);

      bounded.capacity = 0;
      bounded.effort = request->effort != 0
                         ? request->effort
                         : MIN (MIN (AUTO_EFFORT, AUTO_WORK / n), (guint64)AUTO_STEPS_PER_BUFFER * n);
      if (!lir_strategy_exact_place (&bounded, trial, &exact_outcome, error))
        return FALSE;
      outcome->effort_used = exact_outcome.effort_used;
      outcome->stopped = exact_outcome.stopped;
      arena = lir_alloc_arena_size (request, trial);
      if (arena < best)
        memcpy (offsets, trial, n * sizeof (guint64));
      if (arena <= best)
        outcome->proven_optimal = exact_outcome.proven_optimal;
    }
  else if (!lir_order_search_run (search, offsets, &best, good_enough, G_MAXUINT, AUTO_SEARCH_WORK, error))
    return FALSE;
  return TRUE;
}
