/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-alloc-private.h: a buffer-only planning problem as the strategies see
 * it (buffers with sizes and lifetimes, and limits), what they report, and
 * what every strategy asks of a request. */
#pragma once

#include "lir-strategy.h"

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
 * _LirStrategy: (skip)
 * @name: the name options and the CLI use (`best-fit`)
 * @summary: one line on what it does
 * @place: the function that places the buffers
 *
 * A planning strategy, as lir_strategy_list() lists them.
 */
struct _LirStrategy
{
  const char *name;
  const char *summary;
  LirStrategyFunc place;
};

gboolean        lir_strategy_run                  (const LirStrategy     *strategy,
                                                   const LirAllocRequest *request,
                                                   guint64               *offsets,
                                                   LirAllocOutcome       *outcome,
                                                   GError               **error);
guint64         lir_alloc_arena_size              (const LirAllocRequest *request,
                                                   const guint64         *offsets);
guint64         lir_alloc_lower_bound             (const LirAllocRequest *request,
                                                   guint32               *peak_step);
gboolean        lir_alloc_request_steps_are_dense (const LirAllocRequest *request);
LirAllocBuffer *lir_alloc_request_compress_steps  (const LirAllocRequest *request,
                                                   guint32               *n_steps);
void            lir_alloc_report                  (const LirAllocRequest *request,
                                                   const char            *phase,
                                                   guint64                done,
                                                   guint64                total,
                                                   guint64                best_arena);
gboolean        lir_alloc_stopped                 (const LirAllocRequest *request);

/* Round @value up to a multiple of @alignment (a power of two); FALSE on overflow. */
static inline gboolean
lir_align_up (guint64 value, guint64 alignment, guint64 *out)
{
  guint64 sum;

  if (!g_uint64_checked_add (&sum, value, alignment - 1))
    return FALSE;
  *out = sum & ~(alignment - 1);
  return TRUE;
}

static inline gboolean
lir_alloc_buffers_conflict (const LirAllocBuffer *a, const LirAllocBuffer *b)
{
  return a->first_step <= b->last_step && b->first_step <= a->last_step;
}

G_END_DECLS
