/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-exact-search.c: the exact strategy's depth-first search over
 * canonical placements, its pruning, and one decision run (is there a plan
 * within this capacity?) over the portfolio of preference orders. */
#include "lir-exact-private.h"

#include <string.h>

/* How often the search looks at the cancellable and the clock. */
#define STOP_CHECK_STEPS 4096
/* The first slice of the budget each heuristic gets; it doubles per round. */
#define PORTFOLIO_FIRST_SLICE 1000

static void
trail_set (LirExactSearch *s, guint64 *slot, guint64 value)
{
  if (s->trail_len == s->trail_room)
    {
      s->trail_room = MAX (s->trail_room * 2, 1024);
      s->trail = g_renew (LirExactTrailEntry, s->trail, s->trail_room);
    }
  s->trail[s->trail_len++] = (LirExactTrailEntry){ slot, *slot };
  *slot = value;
}

static void
trail_undo (LirExactSearch *s, gsize mark)
{
  while (s->trail_len > mark)
    {
      LirExactTrailEntry *entry = &s->trail[--s->trail_len];
      *entry->slot = entry->old;
    }
}

static guint64
aligned_floor (const LirExactSearch *s, guint32 b)
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
sections_fit (LirExactSearch *s, guint64 part, guint64 level, guint32 lo, guint32 hi)
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
      for (l = leaves + s->sec_first[b] - lo, r = leaves + s->sec_last[b] - lo + 1; l < r; l /= 2, r /= 2)
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

static gboolean dfs (LirExactSearch *s, guint64 part, gboolean may_split);

/* Cancelled, or past the opt-in time limit: looked at every
 * STOP_CHECK_STEPS search steps, and once true it stays true. */
static gboolean
search_stopped (LirExactSearch *s)
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

/* Orders @part's buffers afresh by the heuristic in use, with 'T' read
 * from the bytes still unplaced in each section, as MiniMalloc does for
 * each part it splits off: what is placed no longer competes. */
static void
rank_part (LirExactSearch *s, guint64 part)
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
  g_qsort_with_data (s->part_buffers, count, sizeof (guint32), lir_exact_compare_preference, s);
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
decompose (LirExactSearch *s, guint64 part)
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

/* The first branch of a node: @m goes at @m_at (ending at @end); its
 * unplaced neighbours' floors rise, its sections fill, and the search goes
 * on from there. Undone by the caller when it fails. */
static gboolean
place_and_descend (LirExactSearch *s, guint64 part, guint32 m, guint64 m_at, guint64 end)
{
  const LirAllocBuffer *buf = &s->request->buffers[m];
  guint64 part_end = s->part_end[part];
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
      if (!lir_align_up (end, s->alignment, &top) || top > s->capacity
          || s->request->buffers[nb].size > s->capacity - top)
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
  return !dead && dfs (s, part, cut_through);
}

/* One node: take the unplaced buffer m at the lowest position (ties by its
 * rank in the part's preference order). Either m goes there, or m never
 * sits there: it waits until a conflicting buffer placed later raises its
 * floor. Waiting buffers whose floor never rises are dead ends. */
static gboolean
dfs (LirExactSearch *s, guint64 part, gboolean may_split)
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
      if (place_and_descend (s, part, m, m_at, end))
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
search_reset (LirExactSearch *s, guint h)
{
  s->heuristic = lir_exact_heuristics[h];
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

/* Runs one decision search: a plan with arena <= capacity? Each heuristic
 * order gets a slice of the budget in turn, slices doubling each round;
 * any order's complete search is a proof. Returns TRUE with offsets, or
 * FALSE with s->out_of_effort telling proof from budget. */
gboolean
lir_exact_try_capacity (LirExactSearch *s, guint64 capacity, guint64 *offsets)
{
  guint64 budget = s->effort_left;
  /* Small budgets (the optimizing ladder) still try every order. */
  guint64 slice = MAX (MIN (PORTFOLIO_FIRST_SLICE, budget / LIR_EXACT_N_HEURISTICS), 1);

  s->capacity = capacity & ~(s->grain - 1);
  for (;;)
    for (guint h = 0; h < LIR_EXACT_N_HEURISTICS; h++)
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
        if (h == LIR_EXACT_N_HEURISTICS - 1)
          slice *= 2;
      }
}
