/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-exact.c: branch and bound over canonical placements: the
 * driver (the search is lir-exact-search.c, its set-up lir-exact-setup.c).
 *
 * Any valid plan can be pushed down until every buffer rests on a buffer
 * it conflicts with (or on 0). Listing such a plan by (offset, id), each
 * buffer's offset is the highest end among the conflicting buffers listed
 * before it: its "floor". So the search builds plans in that order: the
 * next buffer is any unplaced one whose aligned floor is not below the last
 * placed offset, and it goes exactly at its floor.
 * That covers every plan up to pushing down, and no plan twice. The search
 * always works at the lowest open position (see dfs ()).
 *
 * Pruning, in the spirit of Moffitt's MiniMalloc (ASPLOS 2023):
 * - time is cut into sections where the live set is constant; in every
 *   section the unplaced buffers must fit between the highest placed end
 *   there (or the current offset) and the capacity;
 * - a buffer that waits needs an unplaced conflicting buffer to raise its
 *   floor; with none left it is a dead end ("hatless" pruning);
 * - buffers with identical size and lifetime are interchangeable, so only
 *   the lowest-id unplaced one of each class may be placed next;
 * - when the unplaced buffers fall into groups whose lifetimes do not
 *   meet, each group is solved on its own, ordered afresh by what is
 *   still unplaced (see rank_part ()).
 *
 * Effort counts search nodes, so results never depend on machine speed.
 * With a capacity the search stops at the first plan that fits in it.
 * Without one it first asks for the lower bound itself, then for a ladder
 * of targets just above it, then bisects between what it has proven
 * impossible and what it found.
 */

#include "lir-exact-private.h"

#include "ir/lir-error.h"

#include <string.h>

#define DEFAULT_EFFORT 2000000
/* A search step costs about n (the section bound near the root), so the
 * default budget shrinks with n to keep a run near constant time: 2 M steps
 * up to 500 buffers, 200 thousand at 5,000 (seconds, not minutes). */
#define DEFAULT_WORK G_GUINT64_CONSTANT (1000000000)
/* Past this many buffers the search's set-up (conflict lists, quadratic in
 * buffers) alone takes too long: exact keeps the best heuristic plan and
 * says that it stopped early. */
#define SEARCH_MAX_BUFFERS 10000

/* How many targets one round of the optimizing ladder spreads (16 or 8
 * leave MiniMalloc's D or J further from the bound; 64 does no better). */
#define LADDER_TARGETS 32
/* The first slice each target of the optimizing ladder gets, as a fraction
 * of the budget; it doubles per round. It is at least
 * LADDER_MIN_SLICE_PER_BUFFER steps a buffer: a plan takes a step a buffer,
 * and the portfolio shares the slice among its orders. */
#define LADDER_FIRST_SLICE_DIVISOR 512
#define LADDER_MIN_SLICE_PER_BUFFER 8
/* The ladder stops after this many rounds in a row that found no plan. */
#define LADDER_IDLE_ROUNDS 2

typedef enum
{
  ATTEMPT_FOUND,
  ATTEMPT_INFEASIBLE, /* the search was complete: no plan fits */
  ATTEMPT_UNKNOWN,    /* the slice ran out first */
} Attempt;

/* lir_exact_try_capacity () on at most @slice of the remaining budget. */
static Attempt
attempt (LirExactSearch *s, guint64 capacity, guint64 slice, guint64 *offsets)
{
  guint64 left_after;
  gboolean found;

  slice = MIN (s->effort_left, MAX (slice, 1));
  left_after = s->effort_left - slice;
  s->effort_left = slice;
  found = lir_exact_try_capacity (s, capacity, offsets);
  s->effort_left += left_after;
  if (found)
    return ATTEMPT_FOUND;
  return s->out_of_effort ? ATTEMPT_UNKNOWN : ATTEMPT_INFEASIBLE;
}

/* Keeps what an optimizing attempt at @target learnt: a plan that lowers
 * @upper, or a proof that lifts @floor. Returns @result. */
static Attempt
keep_attempt (const LirExactSearch *s, Attempt result, guint64 target, const guint64 *trial, guint64 *best,
              guint64 *upper, guint64 *floor)
{
  if (result == ATTEMPT_FOUND)
    {
      memcpy (best, trial, s->n * sizeof (guint64));
      *upper = lir_alloc_arena_size (s->request, best);
    }
  else if (result == ATTEMPT_INFEASIBLE)
    *floor = MAX (*floor, lir_exact_above_infeasible (s, target));
  return result;
}

/* The decision problem: any plan within the capacity (no heuristic found
 * one). Returns 1 with a plan in @trial, 0 when the caller stopped the
 * search (the best plan so far stands, over the capacity: the caller says
 * so), -1 with @error set. */
static int
decide (LirExactSearch *s, const LirAllocRequest *request, guint64 *trial, GError **error)
{
  if (lir_exact_try_capacity (s, request->capacity, trial))
    return 1;
  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    return -1;
  if (lir_alloc_stopped (request))
    return 0;
  if (s->stopped)
    g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                 "exact: no plan within %" G_GUINT64_FORMAT " bytes found before the "
                 "time limit (%g s) ran out",
                 request->capacity, request->time_limit_seconds);
  else
    g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                 s->out_of_effort ? "exact: no plan within %" G_GUINT64_FORMAT " bytes found before the "
                                    "effort budget (%" G_GUINT64_FORMAT " steps) ran out"
                                  : "exact: proved that no plan fits in %" G_GUINT64_FORMAT " bytes "
                                    "(%" G_GUINT64_FORMAT " search steps)",
                 request->capacity, s->effort_used);
  return -1;
}

/* Lowers @upper (the arena of the plan in @best) towards @lower within the
 * budget, raising @proven_infeasible_below with every proof; each try on a
 * slice of the budget:
 * 1. on up to half the budget, the lower bound itself, which would
 *    prove the plan optimal (MiniMalloc's E needs 745 thousand steps);
 * 2. on the rest, rounds of up to LADDER_TARGETS targets spread evenly
 *    between what is proven impossible and the best plan found, tried
 *    from the top down on a slice that doubles per round. How hard a
 *    target is does not grow smoothly with its tightness (on MiniMalloc's
 *    J, 1008 KiB takes 43 thousand steps where 1016 KiB is not found in a
 *    million), and plans are either found within a few thousand steps or
 *    not for a long while: so many short tries at many targets beat a few
 *    long ones, and from the top down the easy wins come first. A success
 *    lowers the top for the targets below it, a proof lifts the floor
 *    (infeasibility is monotone), and each round spreads its targets
 *    afresh over what is left, closing in on the grain. */
static void
optimize (LirExactSearch *s, guint64 lower, guint64 *trial, guint64 *best, guint64 *upper,
          guint64 *proven_infeasible_below)
{
  guint64 total = s->effort_left, slice;
  guint idle_rounds = 0;

  if (lower < *upper)
    keep_attempt (s, attempt (s, lower, total / 2, trial), lower, trial, best, upper,
                  proven_infeasible_below);
  s->best_arena = *upper;
  for (slice = MAX (total / LADDER_FIRST_SLICE_DIVISOR, (guint64)LADDER_MIN_SLICE_PER_BUFFER * s->n);
       s->effort_left > 0 && !s->stopped; slice = MIN (slice * 2, total))
    {
      /* The bound itself had its try above; both ends are multiples of
       * the grain. */
      guint64 from = MAX (*proven_infeasible_below, lower + s->grain);
      guint64 span = *upper > from ? *upper - from : 0;
      guint n_targets = (guint)MIN (LADDER_TARGETS, span / s->grain);
      gboolean found = FALSE, ran_out = FALSE;

      if (n_targets == 0)
        break;
      for (guint j = n_targets; j-- > 0 && s->effort_left > 0 && !s->stopped;)
        {
          guint64 target = (from + span / n_targets * j) & ~(s->grain - 1);
          Attempt result;

          if (target >= *upper)
            continue;
          result = keep_attempt (s, attempt (s, target, slice, trial), target, trial, best, upper,
                                 proven_infeasible_below);
          s->best_arena = *upper;
          if (result == ATTEMPT_INFEASIBLE)
            break; /* every target below is infeasible too */
          found = found || result == ATTEMPT_FOUND;
          ran_out = ran_out || result == ATTEMPT_UNKNOWN;
        }
      /* Plans come early or not for a long while: rounds that find none
       * while slices double are likely to go on finding none. */
      if (found)
        idle_rounds = 0;
      else if (ran_out && ++idle_rounds == LADDER_IDLE_ROUNDS)
        break;
    }
}

gboolean
lir_strategy_exact_place (const LirAllocRequest *request, guint64 *offsets, LirAllocOutcome *outcome,
                          GError **error)
{
  LirExactSearch s;
  guint n = request->n_buffers;
  g_autofree guint64 *best = g_new0 (guint64, n + 1);
  g_autofree guint64 *trial = g_new0 (guint64, n + 1);
  guint64 lower, upper, proven_infeasible_below;
  gboolean ok = FALSE, have_best;
  double limit = request->time_limit_seconds;
  gint64 start = g_get_monotonic_time ();
  /* The heuristics and the search's sections see steps as event ranks;
   * the preference orders' widths and areas stay in the request's own
   * steps, as MiniMalloc's do: on its tight instances ranked widths lead
   * the search astray (G and I are not solved within 20 M steps). */
  const LirAllocBuffer *original = request->buffers;
  LirAllocRequest ranked = *request;
  g_autofree LirAllocBuffer *ranked_buffers = lir_alloc_request_compress_steps (request, &ranked.n_steps);

  ranked.buffers = ranked_buffers;
  request = &ranked;

  /* Start from the better heuristic: a plan in hand bounds the search. */
  if (!lir_strategy_best_fit_place (request, best, outcome, error)
      || !lir_rlx_greedy_place_indexed (request, trial, outcome, error))
    return FALSE;
  if (lir_alloc_arena_size (request, trial) < lir_alloc_arena_size (request, best))
    memcpy (best, trial, n * sizeof (guint64));
  upper = lir_alloc_arena_size (request, best);
  have_best = request->capacity == 0 || upper <= request->capacity;
  /* A sum of sizes, so already a multiple of the grain. */
  lower = lir_alloc_lower_bound (request, NULL);
  proven_infeasible_below = lower;
  lir_alloc_report (request, "search", 0, 0, upper);

  /* A heuristic already fits the capacity, or reaches the bound: that
   * answers it, at once. */
  if ((request->capacity != 0 && have_best) || (request->capacity == 0 && upper == lower))
    {
      memcpy (offsets, best, n * sizeof (guint64));
      outcome->proven_optimal = upper == lower;
      return TRUE;
    }
  /* Too large to search, or stopped already: the best heuristic plan. */
  if (n > SEARCH_MAX_BUFFERS || lir_alloc_stopped (request))
    {
      if (!have_best && !lir_alloc_stopped (request))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                       "exact: the best heuristic plan needs %" G_GUINT64_FORMAT " bytes, more "
                       "than %" G_GUINT64_FORMAT ", and %u buffers are more than the search "
                       "takes (%u)",
                       upper, request->capacity, n, SEARCH_MAX_BUFFERS);
          return FALSE;
        }
      memcpy (offsets, best, n * sizeof (guint64));
      outcome->stopped = TRUE;
      return TRUE;
    }

  if (!lir_exact_search_init (&s, request, original, error))
    {
      lir_exact_search_clear (&s);
      return FALSE;
    }
  s.effort_left = request->effort != 0 ? request->effort : MIN (DEFAULT_EFFORT, DEFAULT_WORK / MAX (n, 1));
  s.best_arena = upper;
  s.effort_total = s.effort_left;
  /* The opt-in time limit counts from the start; one past 10^9 s (or NaN)
   * would overflow the clock and means none. */
  if (limit > 0 && limit < 1e9)
    s.deadline = start + (gint64)(limit * G_USEC_PER_SEC);

  if (request->capacity != 0)
    {
      /* Decision problem: no heuristic fits (or it returned above). */
      int decided = decide (&s, request, trial, error);

      if (decided < 0)
        goto out;
      if (decided > 0)
        {
          memcpy (best, trial, n * sizeof (guint64));
          upper = lir_alloc_arena_size (request, best);
        }
      goto done;
    }
  optimize (&s, lower, trial, best, &upper, &proven_infeasible_below);
done:
  /* A time limit keeps the best plan found; a cancellation drops it. */
  if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
    goto out;
  memcpy (offsets, best, n * sizeof (guint64));
  outcome->proven_optimal = proven_infeasible_below >= upper;
  outcome->effort_used = s.effort_used;
  outcome->stopped = s.stopped;
  ok = TRUE;

out:
  lir_exact_search_clear (&s);
  return ok;
}
