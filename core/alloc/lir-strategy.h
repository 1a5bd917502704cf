/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy.h: the interface every placement strategy implements, and the table of them. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * LirAllocBuffer:
 * @size: bytes, always > 0
 * @first_step: first live step
 * @last_step: last live step, inclusive
 * @id: a stable id (node id or CSV row) used to break ties
 *
 * One buffer to place. Two buffers conflict when their step ranges
 * intersect; conflicting buffers must not share a byte.
 */
typedef struct
{
  guint64 size;
  guint32 first_step;
  guint32 last_step;
  guint32 id;
} LirAllocBuffer;

/**
 * LirProgress:
 * @phase: what runs: a heuristic's name (`best-fit`, `sweep`), `search`
 *   (exact), or auto's `placing` (one order) and `orders` (the search over
 *   orders)
 * @done: buffers placed, search steps taken, or orders tried
 * @total: of how many (0 for orders: the budget decides)
 * @best_arena: the smallest arena of a complete plan so far, 0 before the
 *   first
 *
 * How far a long planning run has got, as a #LirProgressFunc hears it.
 */
typedef struct
{
  const char *phase;
  guint64 done;
  guint64 total;
  guint64 best_arena;
} LirProgress;

/**
 * LirProgressFunc:
 * @progress: how far it got
 * @user_data: the data given with the function
 *
 * Hears how a planning run goes, a few times a second at most from any
 * one strategy, on the thread that plans.
 */
typedef void (*LirProgressFunc) (const LirProgress *progress, gpointer user_data);

/**
 * LirAllocRequest:
 * @buffers: (array length=n_buffers): what to place
 * @n_buffers: number of buffers
 * @n_steps: every step is < this
 * @alignment: every offset is a multiple of this (a power of two)
 * @capacity: the arena must not exceed this (0: no limit)
 * @effort: search budget in steps for searching strategies (0: default)
 * @time_limit_seconds: wall-clock limit, opt-in (0: none)
 * @cancellable: (nullable): cancels a long search: the strategy fails
 * @stop: (nullable): stops early: the strategy finishes at once with the
 *   best valid plan it has (a heuristic stacks the buffers it has not placed
 *   yet above the others) and sets #LirAllocOutcome.stopped
 * @progress: (nullable) (scope call): hears how far it got
 * @progress_data: (closure progress): data for @progress
 *
 * A buffer-only planning problem, as a #LirStrategyFunc receives it: the
 * buffers with their sizes and lifetimes, and the limits.
 */
typedef struct
{
  const LirAllocBuffer *buffers;
  guint n_buffers;
  guint32 n_steps;
  guint64 alignment;
  guint64 capacity;
  guint64 effort;
  double time_limit_seconds;
  GCancellable *cancellable;
  GCancellable *stop;
  LirProgressFunc progress;
  gpointer progress_data;
} LirAllocRequest;

/**
 * LirAllocOutcome:
 * @arena_size: the highest end of a placed buffer
 * @lower_bound: the peak live bytes of the request
 * @proven_optimal: the strategy proved no smaller arena exists
 * @effort_used: search steps taken (0 for heuristics)
 * @stopped: the run was stopped early (#LirAllocRequest.stop, or a search's
 *   time limit) and the plan is the best it had then
 *
 * What a strategy reports besides the offsets.
 */
typedef struct
{
  guint64 arena_size;
  guint64 lower_bound;
  gboolean proven_optimal;
  guint64 effort_used;
  gboolean stopped;
} LirAllocOutcome;

/**
 * LirStrategyFunc:
 * @request: the buffers and constraints
 * @offsets: (out caller-allocates) (array): one offset per buffer
 * @outcome: (out caller-allocates): what the strategy achieved
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every buffer was placed
 */
typedef gboolean (*LirStrategyFunc) (const LirAllocRequest *request,
                                     guint64               *offsets,
                                     LirAllocOutcome       *outcome,
                                     GError               **error);

/**
 * LirStrategy:
 * @name: the name options and the CLI use (`best-fit`)
 * @summary: one line on what it does
 * @place: the function that places the buffers
 *
 * A planning strategy, as lir_strategy_list() lists them.
 */
typedef struct
{
  const char *name;
  const char *summary;
  LirStrategyFunc place;
} LirStrategy;

#define LIR_DEFAULT_STRATEGY "auto"
#define LIR_DEFAULT_ALIGNMENT 64

const LirStrategy        *lir_strategy_lookup (const char *name);
const LirStrategy        *lir_strategy_find   (const char *name,
                                               GError    **error);
const LirStrategy *const *lir_strategy_list   (guint *n_strategies);
gboolean                  lir_strategy_run    (const LirStrategy     *strategy,
                                               const LirAllocRequest *request,
                                               guint64               *offsets,
                                               LirAllocOutcome       *outcome,
                                               GError               **error);
guint64                   lir_alloc_arena_size  (const LirAllocRequest *request,
                                                 const guint64         *offsets);
guint64                   lir_alloc_lower_bound (const LirAllocRequest *request,
                                                 guint32               *peak_step);

G_END_DECLS
