/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-strategy-exact.c: branch and bound over canonical placements.
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
#include "lir-strategy-private.h"

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

/* Static preference orders, tried in turn with growing budgets (a
 * portfolio, as MiniMalloc does): T = the most bytes live in any of the
 * buffer's sections, W = lifetime, A = area (bytes x steps), S = size,
 * s = earliest start. Each order suits different instances. */
static const char *const heuristics[] = { "TWA", "WAT", "TAW", "s", "A" };
#define N_HEURISTICS G_N_ELEMENTS (heuristics)
/* The first slice of the budget each heuristic gets; it doubles per round. */
#define PORTFOLIO_FIRST_SLICE 1000
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
/* How often the search looks at the cancellable and the clock. */
#define STOP_CHECK_STEPS 4096
/* Past this many conflict pairs the search would not finish anyway. */
#define MAX_CONFLICTS (64u * 1024u * 1024u)

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
  guint32 *orders[N_HEURISTICS]; /* one preference order per heuristic */
  const char *heuristic;    /* while sorting: the keys, most significant first */
  guint64 *width;           /* per buffer: lifetime in the request's own steps */
  guint64 *max_total;       /* per buffer: the most bytes live in any of its sections */
  guint64 *part_total;      /* scratch: the same over the unplaced buffers only */
  const guint64 *sort_total; /* while sorting: which of the two 'T' reads */
  guint32 *part_buffers;    /* scratch: one part's buffers, being ranked */

  /* Search state, undone through the trail. */
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
  struct TrailEntry *trail;
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
} Search;

typedef struct TrailEntry
{
  guint64 *slot;
  guint64 old;
} TrailEntry;

static void
trail_set (Search *s, guint64 *slot, guint64 value)
{
  if (s->trail_len == s->trail_room)
    {
      s->trail_room = MAX (s->trail_room * 2, 1024);
      s->trail = g_renew (TrailEntry, s->trail, s->trail_room);
    }
  s->trail[s->trail_len++] = (TrailEntry){ slot, *slot };
  *slot = value;
}

static void
trail_undo (Search *s, gsize mark)
{
  while (s->trail_len > mark)
    {
      TrailEntry *entry = &s->trail[--s->trail_len];
      *entry->slot = entry->old;
    }
}

static guint64
aligned_floor (const Search *s, guint32 b)
{
  guint64 value;
  return lir_align_up (s->floor[b], s->alignment, &value) ? value : G_MAXUINT64;
}

/* The section bounds, on the sections [lo, hi] of the part being solved.
 *
 * Plain: every section's unplaced bytes must fit between max(level, the
 * highest placed end there) and the capacity.
 * With floors (MiniMalloc's "unallocated floor"): they must fit above the
 * lowest offset any of them can still take: its floor, no lower than the
 * level (placements only rise), and above it for a waiting buffer. */
static gboolean
sections_fit (Search *s, guint64 part, guint64 level, guint32 lo, guint32 hi)
{
  guint64 *tree = s->sec_tree;
  guint leaves = 1;

  for (guint32 i = lo; i <= hi; i++)
    {
      guint64 base = MAX (level, s->top[i]);

      if (s->unplaced_sum[i] > 0 && (base >= s->capacity || s->unplaced_sum[i] > s->capacity - base))
        return FALSE;
    }
  /* Each section's floor is the least over the buffers covering it: every
   * buffer lowers the O(log) nodes of a segment tree over [lo, hi] that
   * tile its sections, then the minima are pushed down to the leaves.
   * (Walking each buffer's sections instead was half the search's time.) */
  while (leaves < hi - lo + 1)
    leaves *= 2;
  memset (tree, 0xff, 2 * leaves * sizeof (guint64));
  for (guint64 k = s->part_begin[part]; k < s->part_end[part]; k++)
    {
      guint32 b = s->members[k];
      guint64 at;
      guint l, r;

      at = s->waiting[b] == s->floor[b] ? s->floor[b] + 1 : s->floor[b];
      if (!lir_align_up (at, s->alignment, &at))
        at = G_MAXUINT64;
      at = MAX (at, level);
      for (l = leaves + s->sec_first[b] - lo, r = leaves + s->sec_last[b] - lo + 1; l < r;
           l /= 2, r /= 2)
        {
          if (l & 1)
            {
              tree[l] = MIN (tree[l], at);
              l++;
            }
          if (r & 1)
            {
              r--;
              tree[r] = MIN (tree[r], at);
            }
        }
    }
  for (guint node = 1; node < leaves; node++)
    {
      tree[2 * node] = MIN (tree[2 * node], tree[node]);
      tree[2 * node + 1] = MIN (tree[2 * node + 1], tree[node]);
    }
  for (guint32 i = lo; i <= hi; i++)
    {
      guint64 floor = tree[leaves + i - lo];

      if (s->unplaced_sum[i] > 0 && (floor >= s->capacity || s->unplaced_sum[i] > s->capacity - floor))
        return FALSE;
    }
  return TRUE;
}

static gboolean dfs (Search *s, guint64 part, gboolean may_split);

/* Cancelled, or past the opt-in time limit: looked at every
 * STOP_CHECK_STEPS search steps, and once true it stays true. */
static gboolean
search_stopped (Search *s)
{
  if (!s->stopped && s->effort_used % STOP_CHECK_STEPS == 0)
    {
      s->stopped = g_cancellable_is_cancelled (s->cancellable) || lir_alloc_stopped (s->request)
                   || (s->deadline != 0 && g_get_monotonic_time () >= s->deadline);
      if (s->effort_used % (16 * STOP_CHECK_STEPS) == 0)
        lir_alloc_report (s->request, "search", s->effort_used, MAX (s->effort_total, s->effort_used),
                          s->best_arena);
    }
  return s->stopped;
}

static int compare_preference (const void *pa, const void *pb, void *user_data);

/* Orders @part's buffers afresh by the heuristic in use, with 'T' read
 * from the bytes still unplaced in each section, as MiniMalloc does for
 * each part it splits off: what is placed no longer competes. */
static void
rank_part (Search *s, guint64 part)
{
  guint count = 0;

  for (guint64 k = s->part_begin[part]; k < s->part_end[part]; k++)
    {
      guint32 b = s->members[k];

      s->part_total[b] = 0;
      for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
        s->part_total[b] = MAX (s->part_total[b], s->unplaced_sum[sec]);
      s->part_buffers[count++] = b;
    }
  s->sort_total = s->part_total;
  g_qsort_with_data (s->part_buffers, count, sizeof (guint32), compare_preference, s);
  s->sort_total = s->max_total;
  for (guint k = 0; k < count; k++)
    if (s->rank[s->part_buffers[k]] != k)
      trail_set (s, &s->rank[s->part_buffers[k]], k);
}

static int
compare_time_rank (const void *pa, const void *pb, void *user_data)
{
  const guint32 *time_rank = user_data;
  guint32 a = time_rank[*(const guint32 *)pa], b = time_rank[*(const guint32 *)pb];

  return (a > b) - (a < b);
}

/* MiniMalloc's dynamic decomposition: when the unplaced buffers of a part
 * fall into groups whose lifetimes do not meet, the groups are independent
 * (placed buffers only set floors), so each is solved on its own and a
 * failure in one never re-explores another. Returns -1 when the part is
 * in one piece, else whether every group was solved. */
static int
decompose (Search *s, guint64 part)
{
  guint64 begin = s->part_begin[part], end = s->part_end[part], first_id = s->n_parts;
  guint32 *members = s->members + begin;
  guint64 count = end - begin, n_groups = 0;
  guint32 reach = 0;

  /* Sorted by first step, the groups are runs that no lifetime bridges.
   * Their bounds go into the free parts past n_parts (written, not
   * trailed); only when there are several do they become parts. */
  g_qsort_with_data (members, count, sizeof (guint32), compare_time_rank, s->time_rank);
  for (guint64 k = 0; k < count; k++)
    s->member_at[members[k]] = begin + k;
  for (guint64 k = 0; k < count; k++)
    {
      const LirAllocBuffer *b = &s->request->buffers[members[k]];

      if (k == 0 || b->first_step > reach)
        {
          /* Parts nest like a tree whose leaves hold distinct buffers, so
           * 2n suffice; the trail points into these arrays: they stay put. */
          if (first_id + n_groups >= s->parts_room)
            return -1;
          if (k > 0)
            s->part_end[first_id + n_groups - 1] = begin + k;
          s->part_begin[first_id + n_groups++] = begin + k;
        }
      reach = k == 0 ? b->last_step : MAX (reach, b->last_step);
    }
  if (n_groups < 2)
    return -1;
  s->part_end[first_id + n_groups - 1] = end;
  trail_set (s, &s->n_parts, s->n_parts + n_groups);
  for (guint64 g = 0; g < n_groups; g++)
    rank_part (s, first_id + g);
  for (guint64 g = 0; g < n_groups; g++)
    if (!dfs (s, first_id + g, FALSE))
      return 0;
  return 1;
}

/* One node: take the unplaced buffer m at the lowest position (ties by its
 * rank in the part's preference order). Either m goes there, or m never
 * sits there: it waits until a conflicting buffer placed later raises its
 * floor. Waiting buffers whose floor never rises are dead ends. */
static gboolean
dfs (Search *s, guint64 part, gboolean may_split)
{
  guint32 m = G_MAXUINT32, lo = G_MAXUINT32, hi = 0;
  guint64 m_at = G_MAXUINT64, end;
  const LirAllocBuffer *buf;
  guint64 begin = s->part_begin[part], part_end = s->part_end[part];
  gsize mark;
  int split;

  if (begin == part_end)
    return TRUE;
  for (guint64 k = begin; k < part_end; k++)
    {
      guint32 b = s->members[k];
      guint64 at;

      lo = MIN (lo, s->sec_first[b]);
      hi = MAX (hi, s->sec_last[b]);
      if (s->waiting[b] == s->floor[b])
        {
          /* Only a conflicting buffer placed above can raise its floor:
           * with none left, it is a dead end (MiniMalloc's "hatless"
           * pruning, which also ends the wait of a buffer just tried). */
          if (s->free_neighbours[b] == 0)
            return FALSE;
          continue;
        }
      at = aligned_floor (s, b);
      if (at < m_at || (at == m_at && s->rank[b] < s->rank[m]))
        {
          m = b;
          m_at = at;
        }
    }
  if (s->effort_left == 0 || search_stopped (s))
    {
      s->out_of_effort = TRUE;
      return FALSE;
    }
  s->effort_left--;
  s->effort_used++;
  if (m == G_MAXUINT32)
    return FALSE; /* everything left waits for a floor that will not rise */
  /* Dominance: a waiting buffer that fits entirely between its floor and
   * the level the search has reached sits over a gap nothing conflicting
   * can fill any more (placements only rise); lowering it into the gap
   * gives the same plan in canonical form, explored elsewhere. */
  for (guint64 k = begin; k < part_end; k++)
    {
      guint32 w = s->members[k];
      guint64 at;

      if (s->waiting[w] != s->floor[w] || !lir_align_up (s->floor[w], s->alignment, &at))
        continue;
      if (at <= m_at && s->request->buffers[w].size <= m_at - at)
        return FALSE;
    }
  if (!sections_fit (s, part, m_at, lo, hi))
    return FALSE;
  mark = s->trail_len;
  if (may_split && (split = decompose (s, part)) >= 0)
    {
      if (split == 1)
        return TRUE;
      trail_undo (s, mark);
      return FALSE;
    }

  buf = &s->request->buffers[m];
  /* An identical lower-id buffer that already waits at this floor means m
   * must wait too; placing m would only mirror a plan already explored. */
  if (g_uint64_checked_add (&end, m_at, buf->size) && end <= s->capacity
      && !(s->twin[m] != G_MAXUINT32 && !s->placed[s->twin[m]]
           && s->waiting[s->twin[m]] == s->floor[s->twin[m]]))
    {
      gboolean dead = FALSE, cut_through = FALSE;
      guint32 last = s->members[part_end - 1];

      trail_set (s, &s->placed[m], 1);
      s->offset[m] = m_at;
      /* Out of the part: swapped with its last member. */
      s->members[s->member_at[m]] = last;
      s->member_at[last] = s->member_at[m];
      s->members[part_end - 1] = m;
      s->member_at[m] = part_end - 1;
      trail_set (s, &s->part_end[part], part_end - 1);
      for (guint32 e = s->adj_start[m]; e < s->adj_start[m + 1]; e++)
        {
          guint32 nb = s->adj[e];
          guint64 top;

          if (s->placed[nb])
            continue;
          trail_set (s, &s->free_neighbours[nb], s->free_neighbours[nb] - 1);
          if (s->floor[nb] >= end)
            continue;
          trail_set (s, &s->floor[nb], end);
          /* A neighbour pushed past the capacity can no longer go anywhere. */
          if (!lir_align_up (end, s->alignment, &top) || top > s->capacity ||
              s->request->buffers[nb].size > s->capacity - top)
            dead = TRUE;
        }
      for (guint32 sec = s->sec_first[m]; sec <= s->sec_last[m]; sec++)
        {
          trail_set (s, &s->unplaced_sum[sec], s->unplaced_sum[sec] - buf->size);
          if (s->top[sec] < end)
            trail_set (s, &s->top[sec], end);
          /* Only a boundary nothing unplaced spans any more can split the part. */
          if (sec < s->sec_last[m])
            {
              trail_set (s, &s->cut[sec], s->cut[sec] - 1);
              cut_through = cut_through || s->cut[sec] == 0;
            }
        }
      if (!dead && dfs (s, part, cut_through))
        return TRUE;
      trail_undo (s, mark);
      if (s->out_of_effort)
        return FALSE;
    }

  trail_set (s, &s->waiting[m], s->floor[m]);
  if (dfs (s, part, FALSE))
    return TRUE;
  trail_undo (s, mark);
  return FALSE;
}

/* Starts a search afresh with heuristic @h's order as the first ranks. */
static void
search_reset (Search *s, guint h)
{
  s->heuristic = heuristics[h];
  memset (s->placed, 0, s->n * sizeof (guint64));
  for (guint k = 0; k < s->n; k++)
    {
      s->rank[s->orders[h][k]] = k;
      s->members[k] = k;
      s->member_at[k] = k;
    }
  s->part_begin[0] = 0;
  s->part_end[0] = s->n;
  s->n_parts = 1;
  memset (s->floor, 0, s->n * sizeof (guint64));
  memset (s->waiting, 0xff, s->n * sizeof (guint64));
  for (guint b = 0; b < s->n; b++)
    s->free_neighbours[b] = s->adj_start[b + 1] - s->adj_start[b];
  memset (s->top, 0, s->n_sections * sizeof (guint64));
  memset (s->unplaced_sum, 0, s->n_sections * sizeof (guint64));
  memset (s->cut, 0, s->n_sections * sizeof (guint64));
  for (guint b = 0; b < s->n; b++)
    for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
      {
        s->unplaced_sum[sec] += s->request->buffers[b].size;
        if (sec < s->sec_last[b])
          s->cut[sec]++;
      }
  s->trail_len = 0;
  s->out_of_effort = FALSE;
}

static int
compare_u32 (const void *a, const void *b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return (x > y) - (x < y);
}

static int
compare_first_step (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (buffers[a].first_step != buffers[b].first_step)
    return buffers[a].first_step < buffers[b].first_step ? -1 : 1;
  return (a > b) - (a < b);
}

/* Bytes x steps, saturating: an order key, so a huge one need only sort last. */
static guint64
area (guint64 size, guint64 width)
{
  guint64 value;
  return g_uint64_checked_mul (&value, size, width) ? value : G_MAXUINT64;
}

static int
compare_preference (const void *pa, const void *pb, void *user_data)
{
  const Search *s = user_data;
  const LirAllocBuffer *buffers = s->request->buffers;
  guint32 ia = *(const guint32 *)pa, ib = *(const guint32 *)pb;
  const LirAllocBuffer *a = &buffers[ia], *b = &buffers[ib];
  guint64 wa = s->width[ia], wb = s->width[ib];
  const char *mode = s->heuristic;

  for (const char *k = mode; *k != '\0'; k++)
    switch (*k)
      {
      case 'T':
        if (s->sort_total[ia] != s->sort_total[ib])
          return s->sort_total[ia] > s->sort_total[ib] ? -1 : 1;
        break;
      case 'W':
        if (wa != wb)
          return wa > wb ? -1 : 1;
        break;
      case 'A':
        if (area (a->size, wa) != area (b->size, wb))
          return area (a->size, wa) > area (b->size, wb) ? -1 : 1;
        break;
      case 'S':
        if (a->size != b->size)
          return a->size > b->size ? -1 : 1;
        break;
      case 's':
        if (a->first_step != b->first_step)
          return a->first_step < b->first_step ? -1 : 1;
        break;
      default:
        break;
      }
  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  if (wa != wb)
    return wa > wb ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

/* Every plan pushes down to a canonical one, whose offsets are sums of
 * sizes rounded up to the alignment: so the smallest arena is a multiple of
 * gcd (alignment, sizes), a power of two as the alignment is one. Targets
 * and bounds snap to it (MiniMalloc's sizes are all multiples of 1 KiB: a
 * target 41 bytes short of one is in truth a whole KiB short). */
static guint64
arena_grain (const LirAllocRequest *request)
{
  guint64 grain = MAX (request->alignment, 1);

  for (guint i = 0; i < request->n_buffers; i++)
    if (request->buffers[i].size != 0)
      grain = MIN (grain, request->buffers[i].size & -request->buffers[i].size);
  return grain;
}

/* The least arena the search could still find once it proved that none
 * fits in @capacity. */
static guint64
above_infeasible (const Search *s, guint64 capacity)
{
  return (capacity & ~(s->grain - 1)) + s->grain;
}

static gboolean
search_init (Search *s, const LirAllocRequest *request, const LirAllocBuffer *original,
             GError **error)
{
  guint n = request->n_buffers;
  g_autofree guint32 *points = g_new (guint32, 2 * n + 1);
  guint n_points = 0;
  guint64 n_edges = 0;

  memset (s, 0, sizeof *s);
  s->request = request;
  s->n = n;
  s->alignment = request->alignment;
  s->grain = arena_grain (request);
  s->cancellable = request->cancellable;

  /* Sections: maximal step ranges with a constant live set. */
  for (guint b = 0; b < n; b++)
    {
      points[n_points++] = request->buffers[b].first_step;
      points[n_points++] = request->buffers[b].last_step + 1;
    }
  qsort (points, n_points, sizeof (guint32), compare_u32);
  {
    guint w = 0;
    for (guint i = 0; i < n_points; i++)
      if (w == 0 || points[w - 1] != points[i])
        points[w++] = points[i];
    n_points = w;
  }
  s->n_sections = n_points > 0 ? n_points - 1 : 0;
  s->sec_first = g_new (guint32, n + 1);
  s->sec_last = g_new (guint32, n + 1);
  for (guint b = 0; b < n; b++)
    {
      guint32 lo = 0, hi = n_points;
      while (lo < hi)
        {
          guint32 mid = (lo + hi) / 2;
          if (points[mid] < request->buffers[b].first_step)
            lo = mid + 1;
          else
            hi = mid;
        }
      s->sec_first[b] = lo;
      hi = n_points;
      while (lo < hi)
        {
          guint32 mid = (lo + hi) / 2;
          if (points[mid] < request->buffers[b].last_step + 1)
            lo = mid + 1;
          else
            hi = mid;
        }
      s->sec_last[b] = lo - 1;
    }

  /* Conflict lists. */
  s->adj_start = g_new0 (guint32, n + 2);
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      if (a != b && lir_alloc_buffers_conflict (&request->buffers[a], &request->buffers[b]))
        {
          if (++n_edges > MAX_CONFLICTS)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                           "exact: more than %u conflicting pairs; use best-fit", MAX_CONFLICTS);
              return FALSE;
            }
          s->adj_start[a + 1]++;
        }
  for (guint a = 0; a < n; a++)
    s->adj_start[a + 1] += s->adj_start[a];
  s->adj = g_new (guint32, n_edges + 1);
  {
    g_autofree guint32 *fill = g_memdup2 (s->adj_start, (n + 1) * sizeof (guint32));
    for (guint a = 0; a < n; a++)
      for (guint b = 0; b < n; b++)
        if (a != b && lir_alloc_buffers_conflict (&request->buffers[a], &request->buffers[b]))
          s->adj[fill[a]++] = b;
  }

  /* Interchangeable buffers: same size and lifetime. */
  s->twin = g_new (guint32, n + 1);
  for (guint b = 0; b < n; b++)
    {
      s->twin[b] = G_MAXUINT32;
      for (guint a = b; a-- > 0;)
        {
          const LirAllocBuffer *x = &request->buffers[a], *y = &request->buffers[b];
          if (x->size == y->size && x->first_step == y->first_step && x->last_step == y->last_step)
            {
              s->twin[b] = a;
              break;
            }
        }
    }
  {
    g_autofree guint64 *sec_total = g_new0 (guint64, s->n_sections + 1);

    s->max_total = g_new0 (guint64, n + 1);
    for (guint b = 0; b < n; b++)
      for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
        sec_total[sec] += request->buffers[b].size;
    for (guint b = 0; b < n; b++)
      for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
        s->max_total[b] = MAX (s->max_total[b], sec_total[sec]);
  }
  s->width = g_new (guint64, n + 1);
  for (guint b = 0; b < n; b++)
    s->width[b] = (guint64)original[b].last_step - original[b].first_step + 1;
  s->sort_total = s->max_total;
  s->part_total = g_new0 (guint64, n + 1);
  s->part_buffers = g_new0 (guint32, n + 1);
  s->rank = g_new0 (guint64, n + 1);
  for (guint h = 0; h < N_HEURISTICS; h++)
    {
      s->orders[h] = g_new (guint32, n + 1);
      for (guint b = 0; b < n; b++)
        s->orders[h][b] = b;
      s->heuristic = heuristics[h];
      g_qsort_with_data (s->orders[h], n, sizeof (guint32), compare_preference, s);
    }

  s->placed = g_new0 (guint64, n + 1);
  s->members = g_new (guint32, n + 1);
  s->member_at = g_new (guint32, n + 1);
  s->parts_room = 2 * (guint64)n + 2;
  s->part_begin = g_new (guint64, s->parts_room);
  s->part_end = g_new (guint64, s->parts_room);
  s->cut = g_new0 (guint64, s->n_sections + 1);
  s->time_rank = g_new (guint32, n + 1);
  {
    g_autofree guint32 *by_time = g_new (guint32, n + 1);

    for (guint b = 0; b < n; b++)
      by_time[b] = b;
    g_qsort_with_data (by_time, n, sizeof (guint32), compare_first_step, (gpointer)request->buffers);
    for (guint k = 0; k < n; k++)
      s->time_rank[by_time[k]] = k;
  }
  s->floor = g_new0 (guint64, n + 1);
  s->waiting = g_new0 (guint64, n + 1);
  s->free_neighbours = g_new0 (guint64, n + 1);
  s->offset = g_new0 (guint64, n + 1);
  s->top = g_new0 (guint64, s->n_sections + 1);
  s->unplaced_sum = g_new0 (guint64, s->n_sections + 1);
  {
    guint leaves = 1;

    while (leaves < s->n_sections)
      leaves *= 2;
    s->sec_tree = g_new0 (guint64, 2 * leaves);
  }
  return TRUE;
}

static void
search_clear (Search *s)
{
  g_free (s->sec_first);
  g_free (s->sec_last);
  g_free (s->adj_start);
  g_free (s->adj);
  g_free (s->twin);
  for (guint h = 0; h < N_HEURISTICS; h++)
    g_free (s->orders[h]);
  g_free (s->max_total);
  g_free (s->width);
  g_free (s->part_total);
  g_free (s->part_buffers);
  g_free (s->rank);
  g_free (s->placed);
  g_free (s->members);
  g_free (s->member_at);
  g_free (s->part_begin);
  g_free (s->part_end);
  g_free (s->cut);
  g_free (s->time_rank);
  g_free (s->floor);
  g_free (s->waiting);
  g_free (s->free_neighbours);
  g_free (s->offset);
  g_free (s->top);
  g_free (s->unplaced_sum);
  g_free (s->sec_tree);
  g_free (s->trail);
}

/* Runs one decision search: a plan with arena <= capacity? Each heuristic
 * order gets a slice of the budget in turn, slices doubling each round;
 * any order's complete search is a proof. Returns TRUE with offsets, or
 * FALSE with s->out_of_effort telling proof from budget. */
static gboolean
try_capacity (Search *s, guint64 capacity, guint64 *offsets)
{
  guint64 budget = s->effort_left;
  /* Small budgets (the optimizing ladder) still try every order. */
  guint64 slice = MAX (MIN (PORTFOLIO_FIRST_SLICE, budget / N_HEURISTICS), 1);

  s->capacity = capacity & ~(s->grain - 1);
  for (;;)
    for (guint h = 0; h < N_HEURISTICS; h++)
      {
        guint64 give = MIN (slice, budget);
        gboolean found;

        s->effort_left = give;
        search_reset (s, h);
        found = dfs (s, 0, TRUE);
        budget -= give - s->effort_left;
        if (found)
          {
            s->effort_left = budget;
            memcpy (offsets, s->offset, s->n * sizeof (guint64));
            return TRUE;
          }
        if (!s->out_of_effort || budget == 0 || s->stopped)
          {
            s->effort_left = budget;
            s->out_of_effort = s->out_of_effort || budget == 0;
            return FALSE;
          }
        if (h == N_HEURISTICS - 1)
          slice *= 2;
      }
}

typedef enum
{
  ATTEMPT_FOUND,
  ATTEMPT_INFEASIBLE, /* the search was complete: no plan fits */
  ATTEMPT_UNKNOWN,    /* the slice ran out first */
} Attempt;

/* try_capacity () on at most @slice of the remaining budget. */
static Attempt
attempt (Search *s, guint64 capacity, guint64 slice, guint64 *offsets)
{
  guint64 left_after;
  gboolean found;

  slice = MIN (s->effort_left, MAX (slice, 1));
  left_after = s->effort_left - slice;
  s->effort_left = slice;
  found = try_capacity (s, capacity, offsets);
  s->effort_left += left_after;
  if (found)
    return ATTEMPT_FOUND;
  return s->out_of_effort ? ATTEMPT_UNKNOWN : ATTEMPT_INFEASIBLE;
}

/* Keeps what an optimizing attempt at @target learnt: a plan that lowers
 * @upper, or a proof that lifts @floor. Returns @result. */
static Attempt
keep_attempt (const Search *s, Attempt result, guint64 target, const guint64 *trial, guint64 *best,
              guint64 *upper, guint64 *floor)
{
  if (result == ATTEMPT_FOUND)
    {
      memcpy (best, trial, s->n * sizeof (guint64));
      *upper = lir_alloc_arena_size (s->request, best);
    }
  else if (result == ATTEMPT_INFEASIBLE)
    *floor = MAX (*floor, above_infeasible (s, target));
  return result;
}

gboolean
lir_strategy_exact_place (const LirAllocRequest *request, guint64 *offsets,
                          LirAllocOutcome *outcome, GError **error)
{
  Search s;
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
  g_autofree LirAllocBuffer *ranked_buffers = lir_alloc_request_compress_steps (request,
                                                                                &ranked.n_steps);

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
                       "takes (%u)", upper, request->capacity, n, SEARCH_MAX_BUFFERS);
          return FALSE;
        }
      memcpy (offsets, best, n * sizeof (guint64));
      outcome->stopped = TRUE;
      return TRUE;
    }

  if (!search_init (&s, request, original, error))
    {
      search_clear (&s);
      return FALSE;
    }
  s.effort_left = request->effort != 0 ? request->effort : MIN (DEFAULT_EFFORT, DEFAULT_WORK / MAX (n, 1));
  s.best_arena = upper;
  s.effort_total = s.effort_left;
  /* The opt-in time limit counts from the start; one past 10^9 s (or NaN)
   * would overflow the clock and means none. */
  if (limit > 0 && limit < 1e9)
    s.deadline = start + (gint64)(limit * G_USEC_PER_SEC);

  if (request->capacity != 0 && !have_best)
    {
      /* Decision problem: find any plan within the capacity. */
      if (try_capacity (&s, request->capacity, trial))
        {
          memcpy (best, trial, n * sizeof (guint64));
          upper = lir_alloc_arena_size (request, best);
          have_best = TRUE;
        }
      else
        {
          if (g_cancellable_set_error_if_cancelled (request->cancellable, error))
            goto out;
          if (lir_alloc_stopped (request))
            goto done; /* the best plan so far, over the capacity: the caller says so */
          if (s.stopped)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                           "exact: no plan within %" G_GUINT64_FORMAT " bytes found before the "
                           "time limit (%g s) ran out",
                           request->capacity, request->time_limit_seconds);
              goto out;
            }
          g_set_error (error, LIR_ERROR, LIR_ERROR_CAPACITY,
                       s.out_of_effort
                           ? "exact: no plan within %" G_GUINT64_FORMAT " bytes found before the "
                             "effort budget (%" G_GUINT64_FORMAT " steps) ran out"
                           : "exact: proved that no plan fits in %" G_GUINT64_FORMAT " bytes "
                             "(%" G_GUINT64_FORMAT " search steps)",
                       request->capacity, s.effort_used);
          goto out;
        }
    }

  /* With a capacity the question was whether a plan fits: it does. */
  if (request->capacity != 0)
    goto done;

  /* Optimize, each try on a slice of the budget:
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
  {
    guint64 total = s.effort_left, slice;
    guint idle_rounds = 0;

    if (lower < upper)
      keep_attempt (&s, attempt (&s, lower, total / 2, trial), lower, trial, best, &upper,
                    &proven_infeasible_below);
    s.best_arena = upper;
    for (slice = MAX (total / LADDER_FIRST_SLICE_DIVISOR, (guint64)LADDER_MIN_SLICE_PER_BUFFER * n);
         s.effort_left > 0 && !s.stopped; slice = MIN (slice * 2, total))
      {
        /* The bound itself had its try above; both ends are multiples of
         * the grain. */
        guint64 from = MAX (proven_infeasible_below, lower + s.grain);
        guint64 span = upper > from ? upper - from : 0;
        guint n_targets = (guint)MIN (LADDER_TARGETS, span / s.grain);
        gboolean found = FALSE, ran_out = FALSE;

        if (n_targets == 0)
          break;
        for (guint j = n_targets; j-- > 0 && s.effort_left > 0 && !s.stopped;)
          {
            guint64 target = (from + span / n_targets * j) & ~(s.grain - 1);
            Attempt result;

            if (target >= upper)
              continue;
            result = keep_attempt (&s, attempt (&s, target, slice, trial), target, trial, best,
                                   &upper, &proven_infeasible_below);
            s.best_arena = upper;
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
  search_clear (&s);
  return ok;
}
