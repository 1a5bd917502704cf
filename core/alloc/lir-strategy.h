/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy.h: the placement strategies by name, and how a planning run reports progress. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * LirProgress:
 * @phase: what runs: a heuristic's name (`best-fit`, `sweep`), `search`
 *   (exact), auto's `placing` (one order) and `orders` (the search over
 *   placement orders), or `order` (lir_module_find_order ()'s search over
 *   execution orders)
 * @done: buffers placed, search steps taken, orders tried, or (`order`)
 *   states (partial execution orders) searched
 * @total: of how many (0 for orders: the budget decides; for `order`, the
 *   state budget)
 * @best_arena: the smallest arena of a complete plan so far, 0 before the
 *   first; for `order`, the lowest peak of an execution order so far
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

#define LIR_TYPE_PROGRESS (lir_progress_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_progress_get_type (void) G_GNUC_CONST;

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
 * LirStrategy:
 *
 * A planning strategy, as lir_strategy_list () lists them: a name options
 * and the CLI use, and a line on what it does.
 */
typedef struct _LirStrategy LirStrategy;

#define LIR_TYPE_STRATEGY (lir_strategy_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_strategy_get_type (void) G_GNUC_CONST;

#define LIR_DEFAULT_STRATEGY "auto"
#define LIR_DEFAULT_ALIGNMENT 64

LIR_AVAILABLE_IN_ALL
const LirStrategy        *lir_strategy_find   (const char *name,
                                               GError    **error);
LIR_AVAILABLE_IN_ALL
const LirStrategy *const *lir_strategy_list   (guint *n_strategies);
LIR_AVAILABLE_IN_ALL
const char               *lir_strategy_get_name    (const LirStrategy *strategy);
LIR_AVAILABLE_IN_ALL
const char               *lir_strategy_get_summary (const LirStrategy *strategy);

G_END_DECLS
