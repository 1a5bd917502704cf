/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-search.c: plans by placing every buffer in one order after
 * another through the placer and keeping the smallest arena (a multi-start
 * search). The order makes or breaks a greedy plan: on issue 22's
 * heavy-overlap instances the same first fit ends 2 % or 8 % above the
 * lower bound by its order alone, and no single rule wins everywhere. The
 * first runs are the classic heuristics, so the result is never worse than
 * any of them:
 *
 *  0. RLX's order (largest first), first fit: RLX's own plan;
 *  1. TFLite's greedy by breadth, best fit: the best on many real graphs;
 *  2. size classes (powers of two), the longest lifetime first within a
 *     class, first fit: the best single rule on long, overlapping lifetimes;
 *  3. XLA's decreasing-size best fit.
 *
 * From then on each run draws a rule and its parameters from a generator
 * seeded with the run's number: size classes of a random width and phase;
 * size times lifetime^e for a random e in [0, 0.5); largest first with
 * ties in a random, a lifetime or a first-step order.
 *
 * Runs go in rounds of LANES, one thread each while processors last. A
 * round's results are read in run order and the budget counts the
 * conflicts the placer looked at, so the plan does not depend on the
 * machine or its load.
 */
#include "lir-strategy-private.h"

#include <math.h>
#include <string.h>

#define LANES 2
/* Below this many buffers a run takes less than starting a thread. */
#define THREADED_MIN_BUFFERS 2000

typedef struct
{
  const LirAllocRequest *request;
  guint run;
  guint32 *order;
  LirKeyed *keys;
  guint64 *offsets;
  guint64 arena;
  guint64 work;
  gboolean ok;
  GError *error;
} Lane;

/* An order-preserving map of a non-negative double to 64 bits, descending. */
static inline guint64
descending (double x)
{
  guint64 bits;

  x = MAX (x, 0.0);
  memcpy (&bits, &x, sizeof bits);
  return ~bits;
}

/* Size classes 2^(c·k) from a phase, longest lifetime first within a class. */
static inline guint64
class_key (const LirAllocBuffer *b, double width, double phase)
{
  double size = (double)MAX (b->size, 1), life = (double)(b->last_step - b->first_step) + 1;

  /* The class is below 2^8 and the lifetime below 2^33: exact in a double. */
  return descending (floor (log2 (size) / width + phase) * 8589934592.0 + life);
}

/* Writes the order of a random run to @order and returns its rule. */
static LirGapRule
random_order (const LirAllocRequest *request, guint run, LirKeyed *keys, guint32 *order)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (0x5eed0000u + run);
  const LirAllocBuffer *buffers = request->buffers;
  guint n = request->n_buffers;
  guint rule = g_rand_int_range (rand, 0, 3), ties = g_rand_int_range (rand, 0, 4);
  double width = g_rand_double_range (rand, 0.5, 4.0), phase = g_rand_double (rand);
  double power = g_rand_double_range (rand, 0.0, 0.5);

  for (guint i = 0; i < n; i++)
    {
      const LirAllocBuffer *b = &buffers[i];

      if (rule == 0)
        keys[i] = (LirKeyed){ class_key (b, width, phase), i };
      else if (rule == 1)
        keys[i] = (LirKeyed){ descending ((double)b->size * pow ((double)(b->last_step - b->first_step) + 1, power)), i };
      else /* the tie order first; the stable sort by size below keeps it */
        keys[i] = (LirKeyed){ ties == 0   ? g_rand_int (rand)
                              : ties == 1 ? ~(guint64)(b->last_step - b->first_step)
                              : ties == 2 ? b->first_step
                                          : ~(guint64)b->last_step,
                              i };
    }
  lir_keyed_sort (keys, n);
  if (rule == 2)
    {
      for (guint i = 0; i < n; i++)
        keys[i].key = ~buffers[keys[i].value].size;
      lir_keyed_sort (keys, n);
    }
  for (guint i = 0; i < n; i++)
    order[i] = (guint32)keys[i].value;
  return LIR_GAP_LOWEST;
}

static LirGapRule
order_for_run (const LirAllocRequest *request, guint run, LirKeyed *keys, guint32 *order)
{
  switch (run)
    {
    case 0:
      lir_rlx_greedy_order (request, order);
      return LIR_GAP_LOWEST;
    case 2:
      for (guint i = 0; i < request->n_buffers; i++)
        keys[i] = (LirKeyed){ class_key (&request->buffers[i], 1.0, 0.0), i };
      lir_keyed_sort (keys, request->n_buffers);
      for (guint i = 0; i < request->n_buffers; i++)
        order[i] = (guint32)keys[i].value;
      return LIR_GAP_LOWEST;
    case 1:
      lir_greedy_breadth_order (request, order);
      return LIR_GAP_SMALLEST;
    case 3:
      lir_best_fit_order (request, order);
      return LIR_GAP_SMALLEST;
    default:
      return random_order (request, run, keys, order);
    }
}

static gpointer
lane_run (gpointer data)
{
  Lane *lane = data;
  LirGapRule rule = order_for_run (lane->request, lane->run, lane->keys, lane->order);

  lane->ok = lir_place_in_order_measured (lane->request, lane->order, rule, "search", lane->offsets,
                                          &lane->work, &lane->error);
  lane->work += (guint64)lane->request->n_buffers * LIR_PLACEMENT_WORK;
  lane->arena = lane->ok ? lir_alloc_arena_size (lane->request, lane->offsets) : G_MAXUINT64;
  return NULL;
}

/*
 * lir_alloc_search_orders:
 * @request: the buffers
 * @offsets: (inout): a complete plan, replaced by a better one if found
 * @arena: (inout): its arena, or %G_MAXUINT64 when @offsets holds none yet
 * @target: stop on reaching this arena
 * @run: (inout): the first run to make; set to the next one
 * @end_run: make no run from this one on
 * @spent: (inout): the work of the runs so far
 * @budget: start no round that would take @spent past this (the first
 *   round with no plan yet always runs)
 * @error: set if cancelled, or if no run made a plan
 *
 * Returns: %FALSE with @error set
 */
gboolean
lir_alloc_search_orders (const LirAllocRequest *request, guint64 *offsets, guint64 *arena,
                         guint64 target, guint *run, guint end_run, guint64 *spent, guint64 budget,
                         GError **error)
{
  guint n = request->n_buffers;
  LirAllocRequest quiet = *request;
  Lane lanes[LANES];
  guint64 last_round = 0;
  gboolean threaded = n >= THREADED_MIN_BUFFERS && g_get_num_processors () > 1;
  GError *failure = NULL;

  quiet.progress = NULL;
  for (guint l = 0; l < LANES; l++)
    lanes[l] = (Lane){ l == 0 ? request : &quiet, 0, g_new (guint32, n + 1), g_new (LirKeyed, n + 1),
                       g_new (guint64, n + 1), 0, 0, FALSE, NULL };
  /* A round is started only if one like the last still fits the budget. */
  while (*arena > target && *run < end_run && (*arena == G_MAXUINT64 || *spent + last_round <= budget))
    {
      GThread *threads[LANES] = { NULL };
      guint lanes_used = MIN (LANES, end_run - *run);

      if (g_cancellable_set_error_if_cancelled (request->cancellable, &failure))
        break;
      if (lir_alloc_stopped (request) && *arena != G_MAXUINT64)
        break;
      for (guint l = 0; l < lanes_used; l++)
        {
          lanes[l].run = (*run)++;
          g_clear_error (&lanes[l].error);
          if (threaded && l > 0)
            threads[l] = g_thread_try_new ("lir-search", lane_run, &lanes[l], NULL);
        }
      for (guint l = 0; l < lanes_used; l++)
        if (threads[l] == NULL)
          lane_run (&lanes[l]);
      last_round = 0;
      for (guint l = 0; l < lanes_used; l++)
        {
          if (threads[l] != NULL)
            g_thread_join (threads[l]);
          last_round += lanes[l].work;
          if (!lanes[l].ok)
            {
              if (failure == NULL && *arena == G_MAXUINT64)
                failure = g_steal_pointer (&lanes[l].error);
              continue;
            }
          if (lanes[l].arena < *arena)
            {
              *arena = lanes[l].arena;
              memcpy (offsets, lanes[l].offsets, n * sizeof (guint64));
              g_clear_error (&failure);
            }
        }
      *spent += last_round;
      lir_alloc_report (request, "search", MIN (*spent, budget), budget, *arena);
    }
  for (guint l = 0; l < LANES; l++)
    {
      g_clear_error (&lanes[l].error);
      g_free (lanes[l].order);
      g_free (lanes[l].keys);
      g_free (lanes[l].offsets);
    }
  if (failure != NULL)
    {
      g_propagate_error (error, failure);
      return FALSE;
    }
  return TRUE;
}

/*
 * lir_alloc_predict_work:
 * @request: the buffers
 *
 * Returns: about what one pass of the placer over @request costs, in the
 *   units of lir_alloc_search_orders ()'s budget: half of every buffer's
 *   conflicts (those placed before it, on average) plus a fixed cost a
 *   buffer. O(n log n), so the planner can choose a method before it starts.
 */
guint64
lir_alloc_predict_work (const LirAllocRequest *request)
{
  guint n = request->n_buffers;
  g_autofree guint32 *firsts = g_new (guint32, n + 1);
  g_autofree guint32 *lasts = g_new (guint32, n + 1);
  g_autofree LirKeyed *keys = g_new (LirKeyed, n + 1);
  guint64 conflicts = 0;

  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ request->buffers[i].first_step, i };
  lir_keyed_sort (keys, n);
  for (guint i = 0; i < n; i++)
    firsts[i] = (guint32)keys[i].key;
  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ request->buffers[i].last_step, i };
  lir_keyed_sort (keys, n);
  for (guint i = 0; i < n; i++)
    lasts[i] = (guint32)keys[i].key;
  for (guint i = 0; i < n; i++)
    {
      const LirAllocBuffer *b = &request->buffers[i];
      /* Live at its first step (itself included), or starting after it up to its last. */
      guint started = lir_u32_count_below (firsts, n, b->last_step, TRUE);
      guint ended = lir_u32_count_below (lasts, n, b->first_step, FALSE);

      conflicts += started - ended - 1;
    }
  return conflicts / 2 + (guint64)n * LIR_PLACEMENT_WORK;
}
