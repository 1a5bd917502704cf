/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-private.h: the strategies' entry points, the placer and the order search. */
#pragma once

#include "lir-alloc-private.h"
#include "lir-keyed-sort-private.h"

G_BEGIN_DECLS

gboolean lir_strategy_naive_place      (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);
gboolean lir_strategy_rlx_greedy_place (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);

gboolean lir_strategy_best_fit_place   (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);
gboolean lir_strategy_greedy_breadth_place (const LirAllocRequest *request,
                                            guint64               *offsets,
                                            LirAllocOutcome       *outcome,
                                            GError               **error);
gboolean lir_strategy_sweep_place      (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);
gboolean lir_strategy_exact_place      (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);
gboolean lir_strategy_auto_place       (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);
/* Where the placer puts a buffer among the gaps between the placed
 * buffers it conflicts with (else on top of them). */
typedef enum
{
  LIR_GAP_SMALLEST, /* best fit: the smallest gap that holds it (the lowest on ties) */
  LIR_GAP_LOWEST,   /* first fit: the lowest gap that holds it, RLX's rule */
} LirGapRule;

gboolean lir_place_in_order            (const LirAllocRequest *request,
                                        const guint32         *order,
                                        LirGapRule             rule,
                                        const char            *phase,
                                        guint64               *offsets,
                                        GError               **error);
void     lir_rlx_greedy_order          (const LirAllocRequest *request,
                                        guint32               *order);
void     lir_greedy_breadth_order      (const LirAllocRequest *request,
                                        guint32               *order);
gboolean lir_place_in_order_measured   (const LirAllocRequest *request,
                                        const guint32         *order,
                                        LirGapRule             rule,
                                        const char            *phase,
                                        guint64               *offsets,
                                        guint64               *work,
                                        GError               **error);
/* What placing one buffer costs besides its conflicts, in conflicts looked
 * at: the time a placement with none takes, measured on this machine's
 * kind (about 25 conflict visits), so budgets count both. */
#define LIR_PLACEMENT_WORK 25

guint64  lir_alloc_predict_work        (const LirAllocRequest *request);
/* The search's first runs are the classic heuristics; see lir-order-search.c. */
#define LIR_SEARCH_HEURISTIC_RUNS 4

typedef struct _LirOrderSearch LirOrderSearch;

LirOrderSearch *lir_order_search_new          (const LirAllocRequest *request,
                                               guint64                lower);
void            lir_order_search_free         (LirOrderSearch        *search);
gboolean        lir_order_search_run          (LirOrderSearch        *search,
                                               guint64               *offsets,
                                               guint64               *arena,
                                               guint64                target,
                                               guint                  end_run,
                                               guint64                budget,
                                               GError               **error);
guint64         lir_order_search_get_spent    (const LirOrderSearch  *search);
guint           lir_order_search_get_next_run (const LirOrderSearch  *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirOrderSearch, lir_order_search_free)

gboolean lir_alloc_checkpoint          (const LirAllocRequest *request,
                                        const char            *phase,
                                        const guint32         *order,
                                        guint                  k,
                                        guint64               *offsets,
                                        gboolean              *finished,
                                        GError               **error);
gboolean lir_rlx_greedy_place_indexed  (const LirAllocRequest *request,
                                        guint64               *offsets,
                                        LirAllocOutcome       *outcome,
                                        GError               **error);

G_END_DECLS
