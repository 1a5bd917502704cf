/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-exact-private.h: what the exact strategy's search (lir-exact-search.c),
 * its set-up (lir-exact-setup.c) and its driver (lir-strategy-exact.c)
 * share: the search state and its entry points. */
#pragma once

#include "lir-strategy-private.h"

G_BEGIN_DECLS

/* Static preference orders, tried in turn with growing budgets (a
 * portfolio, as MiniMalloc does): T = the most bytes live in any of the
 * buffer's sections, W = lifetime, A = area (bytes x steps), S = size,
 * s = earliest start. Each order suits different instances. */
#define LIR_EXACT_N_HEURISTICS 5
extern const char *const lir_exact_heuristics[LIR_EXACT_N_HEURISTICS];

/* One undo record: a slot and the value it had. */
typedef struct LirExactTrailEntry
{
  guint64 *slot;
  guint64 old;
} LirExactTrailEntry;

typedef struct
{
  const LirAllocRequest *request;
  guint n;
  guint n_sections;
  guint64 alignment;
  guint64 grain;            /* every arena the search can reach is a multiple of this */
  guint32 *sec_first;       /* per buffer */
  guint32 *sec_last;
  guint32 *adj_start;       /* conflicts, CSR */
  guint32 *adj;
  guint32 *twin;            /* previous identical buffer, or G_MAXUINT32 */
  guint32 *orders[LIR_EXACT_N_HEURISTICS]; /* one preference order per heuristic */
  const char *heuristic;    /* while sorting: the keys, most significant first */
  guint64 *width;           /* per buffer: lifetime in the request's own steps */
  guint64 *max_total;       /* per buffer: the most bytes live in any of its sections */
  guint64 *part_total;      /* scratch: the same over the unplaced buffers only */
  const guint64 *sort_total; /* while sorting: which of the two 'T' reads */
  guint32 *part_buffers;    /* scratch: one part's buffers, being ranked */

  /* LirExactSearch state, undone through the trail. */
  guint64 *placed;          /* 0 or 1, a guint64 so the trail can undo it */
  guint64 *rank;            /* position in the preference order of its part */
  /* The parts being solved: part p's unplaced buffers are
   * members[part_begin[p] .. part_end[p]). Placing a buffer swaps it to
   * its part's end and shrinks the part; a backtrack only restores the
   * bounds, as the order of members never matters (ranks decide). */
  guint32 *members;
  guint32 *member_at;       /* per buffer: its index in members */
  guint64 *part_begin;
  guint64 *part_end;
  guint64 n_parts;
  guint64 parts_room;       /* fixed: the trail points into part_end */
  guint64 *cut;             /* per section boundary: unplaced buffers that span it */
  guint32 *time_rank;       /* per buffer: its position by first step */
  guint64 *floor;
  guint64 *waiting;         /* floor at which a buffer was ruled out, or G_MAXUINT64 */
  guint64 *free_neighbours; /* per buffer: how many conflicting buffers are unplaced */
  guint64 *offset;
  guint64 *top;             /* per section: highest placed end */
  guint64 *unplaced_sum;    /* per section: sizes of unplaced buffers */
  guint64 *sec_tree;        /* scratch: per section, lowest offset any unplaced buffer there can take */
  /* The trail: a plain growable array, pushed and popped at every node. */
  LirExactTrailEntry *trail;
  gsize trail_len;
  gsize trail_room;
  guint64 capacity;
  guint64 effort_left;
  guint64 effort_used;
  gboolean out_of_effort;
  GCancellable *cancellable;
  gint64 deadline;          /* monotonic time, or 0 without a time limit */
  gboolean stopped;         /* cancelled, stopped or past the deadline; stays set */
  guint64 best_arena;       /* the best complete plan's, for progress reports */
  guint64 effort_total;     /* the whole budget, for progress reports */
} LirExactSearch;


gboolean lir_exact_search_init          (LirExactSearch        *s,
                                         const LirAllocRequest *request,
                                         const LirAllocBuffer  *original,
                                         GError               **error);
void     lir_exact_search_clear         (LirExactSearch        *s);
int      lir_exact_compare_preference   (const void            *pa,
                                         const void            *pb,
                                         void                  *user_data);
guint64  lir_exact_above_infeasible     (const LirExactSearch  *s,
                                         guint64                capacity);
gboolean lir_exact_try_capacity         (LirExactSearch        *s,
                                         guint64                capacity,
                                         guint64               *offsets);

G_END_DECLS
