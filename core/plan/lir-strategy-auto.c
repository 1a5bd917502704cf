/* SPDX-License-Identifier: LGPL-2.1-or-later */
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

/* Past this many buffers the heuristics run side by side, one thread each
 * while processors last: each then takes milliseconds (3 s at a million
 * buffers), a thread tens of microseconds. */
#define AUTO_PARALLEL_MIN_BUFFERS 10000

typedef struct
{
  LirStrategyFunc place;
  const LirAllocRequest *request;
  guint64 *offsets;
  GError *error;
  gboolean ok;
} Trial;

static gpointer
trial_run (gpointer data)
{
  Trial *trial = data;
  LirAllocOutcome unused;

  trial->offsets = g_new0 (guint64, trial->request->n_buffers + 1);
  trial->ok = trial->place (trial->request, trial->offsets, &unused, &trial->error);
  return NULL;
}

gboolean
lir_strategy_auto_place (const LirAllocRequest *request, guint64 *offsets,
                         LirAllocOutcome *outcome, GError **error)
{
  static const LirStrategyFunc heuristics[] = {
    lir_strategy_best_fit_place,
    lir_rlx_greedy_place_indexed,
    lir_strategy_greedy_breadth_place,
  };
  guint n = request->n_buffers, n_threads = 1;
  Trial trials[G_N_ELEMENTS (heuristics)];
  GThread *threads[G_N_ELEMENTS (heuristics)] = { NULL };
  /* Only the heuristic on this thread reports progress: one voice at a time. */
  LirAllocRequest quiet = *request;
  GError *failure = NULL;
  guint64 lower = lir_alloc_lower_bound (request, NULL), best = G_MAXUINT64, arena;

  quiet.progress = NULL;
  if (n >= AUTO_PARALLEL_MIN_BUFFERS)
    n_threads = MIN ((guint)MAX (g_get_num_processors (), 1), G_N_ELEMENTS (heuristics));
  for (guint h = 0; h < G_N_ELEMENTS (heuristics); h++)
    {
      trials[h] = (Trial){ heuristics[h], h > 0 && h < n_threads ? &quiet : request, NULL, NULL, FALSE };
      if (h > 0 && h < n_threads)
        threads[h] = g_thread_try_new ("lir-heuristic", trial_run, &trials[h], NULL);
    }
  /* Results are taken in the list's order whichever thread ran them, so
   * the plan is the same as one thread's; run here, a heuristic is skipped
   * once a plan reaches the bound. */
  for (guint h = 0; h < G_N_ELEMENTS (heuristics); h++)
    {
      if (threads[h] != NULL)
        g_thread_join (threads[h]);
      else if (best > lower && failure == NULL)
        trial_run (&trials[h]);
      else
        continue;
      if (!trials[h].ok)
        {
          if (failure == NULL)
            failure = g_steal_pointer (&trials[h].error);
          continue;
        }
      arena = lir_alloc_arena_size (request, trials[h].offsets);
      if (arena < best)
        {
          best = arena;
          memcpy (offsets, trials[h].offsets, n * sizeof (guint64));
        }
      lir_alloc_report (request, "auto", h + 1, G_N_ELEMENTS (heuristics), best);
    }
  for (guint h = 0; h < G_N_ELEMENTS (heuristics); h++)
    {
      g_clear_error (&trials[h].error);
      g_free (trials[h].offsets);
    }
  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return FALSE;
    }

  if (best > lower && best - lower > lower / AUTO_GOOD_ENOUGH && n <= AUTO_EXACT_MAX_BUFFERS
      && !lir_alloc_stopped (request))
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
  return TRUE;
}
