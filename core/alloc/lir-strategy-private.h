/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-private.h: the strategies' entry points and shared helpers. */
#pragma once

#include "lir-strategy.h"

G_BEGIN_DECLS

/* A sort key and what it carries. */
typedef struct
{
  guint64 key;
  guint64 value;
} LirKeyed;

/* Below this many items lir_keyed_sort () sorts by insertion. */
#define LIR_KEYED_SORT_SHORT 64

void            lir_keyed_sort_radix             (LirKeyed              *items,
                                                  guint                  n);
void            lir_keyed_sort_radix_with        (LirKeyed              *items,
                                                  guint                  n,
                                                  LirKeyed              *scratch);

/* An insertion sort by key, stable. */
static inline void
lir_keyed_sort_short (LirKeyed *items, guint n)
{
  for (guint i = 1; i < n; i++)
    {
      LirKeyed item = items[i];
      guint j = i;

      for (; j > 0 && items[j - 1].key > item.key; j--)
        items[j] = items[j - 1];
      items[j] = item;
    }
}

/* Sorts @items by key, ascending and stable. Inline, because the placer
 * sorts a dozen conflicts on every placement and the radix sort's frame
 * alone would cost more than that. */
static inline void
lir_keyed_sort (LirKeyed *items, guint n)
{
  if (n < LIR_KEYED_SORT_SHORT)
    lir_keyed_sort_short (items, n);
  else
    lir_keyed_sort_radix (items, n);
}

void            lir_keyed_sort_into_order        (LirKeyed              *keys,
                                                  guint                  n,
                                                  guint32               *order);
guint           lir_u32_sort_unique              (guint32               *values,
                                                  guint                  n);
guint           lir_u32_count_below              (const guint32         *values,
                                                  guint                  n,
                                                  guint32                x,
                                                  gboolean               inclusive);
gboolean        lir_alloc_request_steps_are_dense (const LirAllocRequest *request);
LirAllocBuffer *lir_alloc_request_compress_steps (const LirAllocRequest *request,
                                                  guint32               *n_steps);

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

void     lir_alloc_report              (const LirAllocRequest *request,
                                        const char            *phase,
                                        guint64                done,
                                        guint64                total,
                                        guint64                best_arena);
gboolean lir_alloc_stopped             (const LirAllocRequest *request);
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
