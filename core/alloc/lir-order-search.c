/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-search.c: plans by placing every buffer in one order after
 * another through the placer and keeping the smallest arena. The order
 * makes or breaks a greedy plan: on issue 22's heavy-overlap instances the
 * same first fit ends 2 % or 8 % above the lower bound by its order alone,
 * and no single rule wins everywhere. The first runs are the classic
 * heuristics, so the result is never worse than any of them:
 *
 *  0. RLX's order (largest first), first fit: RLX's own plan;
 *  1. TFLite's greedy by breadth, best fit: the best on many real graphs;
 *  2. size classes (powers of two), the longest lifetime first within a
 *     class, first fit: the best single rule on long, overlapping lifetimes;
 *  3. size classes of powers of four, the same within a class, best fit
 *     (S_1: 1.0005 of the bound where XLA's best fit, largest first, ends
 *     at 1.025).
 *
 * Then two kinds of runs share the rounds:
 *
 *  - squeaky wheel (Joslin & Clements, 1999), two chains, one from RLX's
 *    order (first fit) and one from greedy by breadth's (best fit): after
 *    each run, every buffer that ends above the lower bound gains priority,
 *    and the next run places by priority.
 *    The buffers that make the arena move forward a little each time, until
 *    they find room (on pangu_2.6B the breadth chain reaches the bound in
 *    a few runs where every fixed order stays 0.8 % above);
 *  - orders drawn from a generator seeded with the run's number: size
 *    classes of a random width and phase (first or best fit), size times
 *    lifetime^e for a random e in [0, 0.5), or largest first with ties in
 *    a random, a lifetime or a first-step order.
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
  double *priority; /* per buffer; the next run places by it, highest first */
  LirGapRule rule;
} Chain;

typedef struct
{
  const LirAllocRequest *request;
  guint run;
  Chain *chain; /* the chain this run belongs to, or NULL */
  guint32 *order;
  LirKeyed *keys;
  guint64 *offsets;
  guint64 arena;
  guint64 work;
  gboolean ok;
  GError *error;
} Lane;

struct _LirOrderSearch
{
  const LirAllocRequest *request;
  LirAllocRequest quiet;
  guint64 lower;
  gint64 last_report_us;
  guint run;
  guint64 spent;
  guint64 last_round;
  Lane lanes[LANES];
  Chain chains[2];
};

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
  LirGapRule gap = rule == 0 && g_rand_boolean (rand) ? LIR_GAP_SMALLEST : LIR_GAP_LOWEST;
  double width = g_rand_double_range (rand, 0.5, 4.0), phase = g_rand_double (rand);
  double power = g_rand_double_range (rand, 0.0, 0.5);

  for (guint i = 0; i < n; i++)
    {
      const LirAllocBuffer *b = &buffers[i];

      if (rule == 0)
        keys[i] = (LirKeyed){ class_key (b, width, phase), i };
      else if (rule == 1)
        keys[i] =
          (LirKeyed){ descending ((double)b->size * pow ((double)(b->last_step - b->first_step) + 1, power)),
                      i };
      else /* the tie order first; the stable sort by size below keeps it */
        keys[i] = (LirKeyed){ ties == 0   ? g_rand_int (rand)
                              : ties == 1 ? ~(guint64)(b->last_step - b->first_step)
                              : ties == 2 ? b->first_step
                                          : ~(guint64)b->last_step,
                              i };
    }
  if (rule == 2)
    {
      lir_keyed_sort (keys, n);
      for (guint i = 0; i < n; i++)
        keys[i].key = ~buffers[keys[i].value].size;
    }
  lir_keyed_sort_into_order (keys, n, order);
  return gap;
}

static LirGapRule
order_for_run (const LirAllocRequest *request, guint run, LirKeyed *keys, guint32 *order)
{
  switch (run)
    {
    case 0:
      lir_rlx_greedy_order (request, order);
      return LIR_GAP_LOWEST;
    case 1:
      lir_greedy_breadth_order (request, order);
      return LIR_GAP_SMALLEST;
    case 2:
    case 3:
      for (guint i = 0; i < request->n_buffers; i++)
        keys[i] = (LirKeyed){ class_key (&request->buffers[i], run == 2 ? 1.0 : 2.0, 0.0), i };
      lir_keyed_sort_into_order (keys, request->n_buffers, order);
      return run == 2 ? LIR_GAP_LOWEST : LIR_GAP_SMALLEST;
    default:
      return random_order (request, run, keys, order);
    }
}

/* The priority a chain's buffer gains per run it ends above the lower
 * bound, as a share of the number of buffers: 0.003 moves too little to
 * matter, 0.03 scrambles the order. The same gain for every such buffer
 * did better on the heavy-overlap instances than one in proportion to how
 * far above it ends (20,000 buffers: 1.034 and 1.067 of the bound after 37
 * runs, against 1.044 and 1.084). */
#define SQUEAK 0.02

/* Seeds @chain with @order: the first buffer the highest priority. */
static void
chain_start (Chain *chain, const guint32 *order, guint n, LirGapRule rule)
{
  for (guint k = 0; k < n; k++)
    chain->priority[order[k]] = (double)(n - k);
  chain->rule = rule;
}

/* After a run of @chain placed at @offsets: the buffers above @lower gain priority. */
static void
chain_blame (Chain *chain, const LirAllocRequest *request, const guint64 *offsets, guint64 arena,
             guint64 lower)
{
  guint n = request->n_buffers;

  if (arena <= lower)
    return;
  for (guint i = 0; i < n; i++)
    if (offsets[i] + request->buffers[i].size > lower)
      chain->priority[i] += SQUEAK * n;
}

static LirGapRule
chain_order (const Chain *chain, guint n, LirKeyed *keys, guint32 *order)
{
  for (guint i = 0; i < n; i++)
    keys[i] = (LirKeyed){ descending (chain->priority[i]), i };
  lir_keyed_sort_into_order (keys, n, order);
  return chain->rule;
}

static gpointer
lane_run (gpointer data)
{
  Lane *lane = data;
  const LirAllocRequest *request = lane->request;
  LirGapRule rule = lane->chain != NULL
                      ? chain_order (lane->chain, request->n_buffers, lane->keys, lane->order)
                      : order_for_run (request, lane->run, lane->keys, lane->order);

  lane->ok = lir_place_in_order_measured (request, lane->order, rule, "placing", lane->offsets, &lane->work,
                                          &lane->error);
  lane->work += (guint64)request->n_buffers * LIR_PLACEMENT_WORK;
  lane->arena = lane->ok ? lir_alloc_arena_size (request, lane->offsets) : G_MAXUINT64;
  return NULL;
}

/* Which chain, if any, the run makes: past the heuristics, the first lane
 * of each round runs the first chain, the second lane the second chain and
 * a drawn order in turn. */
static Chain *
chain_of_run (LirOrderSearch *search, guint run)
{
  guint k;

  if (run < LIR_SEARCH_HEURISTIC_RUNS)
    return NULL;
  k = run - LIR_SEARCH_HEURISTIC_RUNS;
  if (k % LANES == 0)
    return &search->chains[0];
  return k % (2 * LANES) == 1 ? &search->chains[1] : NULL;
}

/**
 * lir_order_search_new: (skip)
 * @request: the buffers; must outlive the search
 * @lower: their lower bound (lir_alloc_lower_bound ())
 *
 * Returns: a search that has made no run yet
 */
LirOrderSearch *
lir_order_search_new (const LirAllocRequest *request, guint64 lower)
{
  LirOrderSearch *search = g_new0 (LirOrderSearch, 1);
  guint n = request->n_buffers;

  search->request = request;
  search->quiet = *request;
  search->quiet.progress = NULL;
  search->lower = lower;
  for (guint l = 0; l < LANES; l++)
    search->lanes[l] = (Lane){ l == 0 ? request : &search->quiet,
                               0,
                               NULL,
                               g_new (guint32, n + 1),
                               g_new (LirKeyed, n + 1),
                               g_new (guint64, n + 1),
                               0,
                               0,
                               FALSE,
                               NULL };
  for (guint c = 0; c < G_N_ELEMENTS (search->chains); c++)
    search->chains[c].priority = g_new0 (double, n + 1);
  return search;
}

void
lir_order_search_free (LirOrderSearch *search)
{
  if (search == NULL)
    return;
  for (guint l = 0; l < LANES; l++)
    {
      g_clear_error (&search->lanes[l].error);
      g_free (search->lanes[l].order);
      g_free (search->lanes[l].keys);
      g_free (search->lanes[l].offsets);
    }
  for (guint c = 0; c < G_N_ELEMENTS (search->chains); c++)
    g_free (search->chains[c].priority);
  g_free (search);
}

/* Work of the runs so far, and the next run's number. */
guint64
lir_order_search_get_spent (const LirOrderSearch *search)
{
  return search->spent;
}

guint
lir_order_search_get_next_run (const LirOrderSearch *search)
{
  return search->run;
}

/*
 * lir_order_search_run:
 * @search: a search
 * @offsets: (inout): a complete plan, replaced by a better one if found
 * @arena: (inout): its arena, or %G_MAXUINT64 when @offsets holds none yet
 * @target: stop on reaching this arena
 * @end_run: make no run from this one on
 * @budget: start no round that would take the work of all runs past
 *   this (one like the last costs as much); the first round with no plan
 *   yet always runs
 * @error: set if cancelled, or if no run made a plan
 *
 * Makes rounds of runs from where the search stopped last.
 *
 * Returns: %FALSE with @error set
 */
gboolean
lir_order_search_run (LirOrderSearch *search, guint64 *offsets, guint64 *arena, guint64 target, guint end_run,
                      guint64 budget, GError **error)
{
  const LirAllocRequest *request = search->request;
  guint n = request->n_buffers;
  gboolean threaded = n >= THREADED_MIN_BUFFERS && g_get_num_processors () > 1;
  GError *failure = NULL;

  while (*arena > target && search->run < end_run
         && (*arena == G_MAXUINT64 || search->spent + search->last_round <= budget))
    {
      GThread *threads[LANES] = { NULL };
      guint lanes_used = MIN (LANES, end_run - search->run);

      if (g_cancellable_set_error_if_cancelled (request->cancellable, &failure))
        break;
      if (lir_alloc_stopped (request) && *arena != G_MAXUINT64)
        break;
      for (guint l = 0; l < lanes_used; l++)
        {
          Lane *lane = &search->lanes[l];

          lane->run = search->run++;
          lane->chain = chain_of_run (search, lane->run);
          g_clear_error (&lane->error);
          if (threaded && l > 0)
            threads[l] = g_thread_try_new ("lir-search", lane_run, lane, NULL);
        }
      for (guint l = 0; l < lanes_used; l++)
        if (threads[l] == NULL)
          lane_run (&search->lanes[l]);
      search->last_round = 0;
      for (guint l = 0; l < lanes_used; l++)
        {
          Lane *lane = &search->lanes[l];

          if (threads[l] != NULL)
            g_thread_join (threads[l]);
          search->last_round += lane->work;
          if (!lane->ok)
            {
              if (failure == NULL && *arena == G_MAXUINT64)
                failure = g_steal_pointer (&lane->error);
              continue;
            }
          /* RLX's and greedy by breadth's orders seed the chains. */
          if (lane->run < G_N_ELEMENTS (search->chains))
            chain_start (&search->chains[lane->run], lane->order, n,
                         lane->run == 0 ? LIR_GAP_LOWEST : LIR_GAP_SMALLEST);
          if (lane->chain != NULL)
            chain_blame (lane->chain, request, lane->offsets, lane->arena, search->lower);
          if (lane->arena < *arena)
            {
              *arena = lane->arena;
              memcpy (offsets, lane->offsets, n * sizeof (guint64));
              g_clear_error (&failure);
            }
        }
      search->spent += search->last_round;
      /* Rounds of small problems take microseconds: a few reports a second. */
      if (g_get_monotonic_time () - search->last_report_us >= G_USEC_PER_SEC / 5)
        {
          search->last_report_us = g_get_monotonic_time ();
          lir_alloc_report (request, "orders", search->run, 0, *arena);
        }
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
 * Returns: what one pass of the placer over @request costs, in the units
 *   of lir_order_search_run ()'s budget: the conflicting pairs (the placer
 *   looks at each once, whatever the order) plus LIR_PLACEMENT_WORK a
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
