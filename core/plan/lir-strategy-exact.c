/* SPDX-License-Identifier: GPL-3.0-or-later */
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
 * - buffers with identical size and lifetime are interchangeable, so only
 *   the lowest-id unplaced one of each class may be placed next.
 *
 * Effort counts search nodes, so results never depend on machine speed.
 * Without a capacity the search first asks for the lower bound itself,
 * then bisects between what it has proven impossible and what it found.
 */
#include "lir-strategy-private.h"

#include "ir/lir-error.h"

#include <string.h>

#define DEFAULT_EFFORT 2000000
/* Past this many conflict pairs the search would not finish anyway. */
#define MAX_CONFLICTS (64u * 1024u * 1024u)

typedef struct
{
  const LirAllocRequest *request;
  guint n;
  guint n_sections;
  guint64 alignment;
  guint32 *sec_first;       /* per buffer */
  guint32 *sec_last;
  guint32 *adj_start;       /* conflicts, CSR */
  guint32 *adj;
  guint32 *twin;            /* previous identical buffer, or G_MAXUINT32 */
  guint32 *order;           /* candidate preference: size desc, then id */

  /* Search state, undone through the trail. */
  guint8 *placed;
  guint64 *floor;
  guint64 *waiting;         /* floor at which a buffer was ruled out, or G_MAXUINT64 */
  guint64 *offset;
  guint64 *top;             /* per section: highest placed end */
  guint64 *unplaced_sum;    /* per section: sizes of unplaced buffers */
  GArray *trail;            /* TrailEntry */
  guint64 capacity;
  guint64 effort_left;
  guint64 effort_used;
  gboolean out_of_effort;
  GCancellable *cancellable;
} Search;

typedef struct
{
  guint64 *slot;
  guint64 old;
} TrailEntry;

static void
trail_set (Search *s, guint64 *slot, guint64 value)
{
  TrailEntry entry = { slot, *slot };
  g_array_append_val (s->trail, entry);
  *slot = value;
}

static void
trail_undo (Search *s, guint mark)
{
  while (s->trail->len > mark)
    {
      TrailEntry *entry = &g_array_index (s->trail, TrailEntry, s->trail->len - 1);
      *entry->slot = entry->old;
      g_array_set_size (s->trail, s->trail->len - 1);
    }
}

static guint64
aligned_floor (const Search *s, guint32 b)
{
  guint64 value;
  return lir_align_up (s->floor[b], s->alignment, &value) ? value : G_MAXUINT64;
}

/* Every section's unplaced buffers must fit above max(level, top). */
static gboolean
sections_fit (const Search *s, guint64 level)
{
  for (guint i = 0; i < s->n_sections; i++)
    {
      guint64 base = MAX (level, s->top[i]);
      if (s->unplaced_sum[i] > 0 && (base >= s->capacity || s->unplaced_sum[i] > s->capacity - base))
        return FALSE;
    }
  return TRUE;
}

/* One node: take the unplaced buffer m at the lowest position (largest,
 * then lowest id, on ties). Either m goes there, or m never sits there: it
 * waits until a conflicting buffer placed later raises its floor. Waiting
 * buffers whose floor never rises are dead ends. */
static gboolean
dfs (Search *s, guint remaining)
{
  guint32 m = G_MAXUINT32;
  guint64 m_at = G_MAXUINT64, end;
  const LirAllocBuffer *buf;
  guint mark;

  if (remaining == 0)
    return TRUE;
  if (s->effort_left == 0 || (s->effort_used % 4096 == 0 && g_cancellable_is_cancelled (s->cancellable)))
    {
      s->out_of_effort = TRUE;
      return FALSE;
    }
  s->effort_left--;
  s->effort_used++;

  for (guint k = 0; k < s->n; k++)
    {
      guint32 b = s->order[k]; /* size descending, so the first at a level wins ties */
      guint64 at;

      if (s->placed[b] || s->waiting[b] == s->floor[b])
        continue;
      at = aligned_floor (s, b);
      if (at < m_at)
        {
          m = b;
          m_at = at;
        }
    }
  if (m == G_MAXUINT32)
    return FALSE; /* everything left waits for a floor that will not rise */
  if (!sections_fit (s, m_at))
    return FALSE;

  buf = &s->request->buffers[m];
  /* An identical lower-id buffer that already waits at this floor means m
   * must wait too; placing m would only mirror a plan already explored. */
  if (g_uint64_checked_add (&end, m_at, buf->size) && end <= s->capacity
      && !(s->twin[m] != G_MAXUINT32 && !s->placed[s->twin[m]]
           && s->waiting[s->twin[m]] == s->floor[s->twin[m]]))
    {
      mark = s->trail->len;
      s->placed[m] = 1;
      s->offset[m] = m_at;
      for (guint32 e = s->adj_start[m]; e < s->adj_start[m + 1]; e++)
        if (!s->placed[s->adj[e]] && s->floor[s->adj[e]] < end)
          trail_set (s, &s->floor[s->adj[e]], end);
      for (guint32 sec = s->sec_first[m]; sec <= s->sec_last[m]; sec++)
        {
          trail_set (s, &s->unplaced_sum[sec], s->unplaced_sum[sec] - buf->size);
          if (s->top[sec] < end)
            trail_set (s, &s->top[sec], end);
        }
      if (dfs (s, remaining - 1))
        return TRUE;
      trail_undo (s, mark);
      s->placed[m] = 0;
      if (s->out_of_effort)
        return FALSE;
    }

  mark = s->trail->len;
  trail_set (s, &s->waiting[m], s->floor[m]);
  if (dfs (s, remaining))
    return TRUE;
  trail_undo (s, mark);
  return FALSE;
}

static void
search_reset (Search *s)
{
  memset (s->placed, 0, s->n);
  memset (s->floor, 0, s->n * sizeof (guint64));
  memset (s->waiting, 0xff, s->n * sizeof (guint64));
  memset (s->top, 0, s->n_sections * sizeof (guint64));
  memset (s->unplaced_sum, 0, s->n_sections * sizeof (guint64));
  for (guint b = 0; b < s->n; b++)
    for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
      s->unplaced_sum[sec] += s->request->buffers[b].size;
  g_array_set_size (s->trail, 0);
  s->out_of_effort = FALSE;
}

static int
compare_u32 (const void *a, const void *b)
{
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
  return (x > y) - (x < y);
}

static int
compare_preference (const void *pa, const void *pb, void *user_data)
{
  const LirAllocBuffer *buffers = user_data;
  guint32 ia = *(const guint32 *)pa, ib = *(const guint32 *)pb;
  const LirAllocBuffer *a = &buffers[ia], *b = &buffers[ib];

  if (a->size != b->size)
    return a->size > b->size ? -1 : 1;
  if (a->last_step - a->first_step != b->last_step - b->first_step)
    return a->last_step - a->first_step > b->last_step - b->first_step ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

static gboolean
search_init (Search *s, const LirAllocRequest *request, GError **error)
{
  guint n = request->n_buffers;
  g_autofree guint32 *points = g_new (guint32, 2 * n + 1);
  guint n_points = 0;
  guint64 n_edges = 0;

  memset (s, 0, sizeof *s);
  s->request = request;
  s->n = n;
  s->alignment = request->alignment;
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
  s->order = g_new (guint32, n + 1);
  for (guint b = 0; b < n; b++)
    s->order[b] = b;
  g_qsort_with_data (s->order, n, sizeof (guint32), compare_preference, (gpointer)request->buffers);

  s->placed = g_new0 (guint8, n + 1);
  s->floor = g_new0 (guint64, n + 1);
  s->waiting = g_new0 (guint64, n + 1);
  s->offset = g_new0 (guint64, n + 1);
  s->top = g_new0 (guint64, s->n_sections + 1);
  s->unplaced_sum = g_new0 (guint64, s->n_sections + 1);
  s->trail = g_array_new (FALSE, FALSE, sizeof (TrailEntry));
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
  g_free (s->order);
  g_free (s->placed);
  g_free (s->floor);
  g_free (s->waiting);
  g_free (s->offset);
  g_free (s->top);
  g_free (s->unplaced_sum);
  if (s->trail != NULL)
    g_array_unref (s->trail);
}

/* Runs one decision search: a plan with arena <= capacity? Returns TRUE
 * with offsets, or FALSE with s->out_of_effort telling proof from budget. */
static gboolean
try_capacity (Search *s, guint64 capacity, guint64 *offsets)
{
  s->capacity = capacity;
  search_reset (s);
  if (!dfs (s, s->n))
    return FALSE;
  memcpy (offsets, s->offset, s->n * sizeof (guint64));
  return TRUE;
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

  /* Start from the better heuristic: a plan in hand bounds the search. */
  if (!lir_strategy_best_fit_place (request, best, outcome, error)
      || !lir_strategy_rlx_greedy_place (request, trial, outcome, error))
    return FALSE;
  if (lir_alloc_arena_size (request, trial) < lir_alloc_arena_size (request, best))
    memcpy (best, trial, n * sizeof (guint64));
  upper = lir_alloc_arena_size (request, best);
  have_best = request->capacity == 0 || upper <= request->capacity;
  if (!lir_align_up (lir_alloc_lower_bound (request, NULL), 1, &lower))
    lower = 0;
  proven_infeasible_below = lower;

  if (!search_init (&s, request, error))
    {
      search_clear (&s);
      return FALSE;
    }
  s.effort_left = request->effort != 0 ? request->effort : DEFAULT_EFFORT;

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

  /* Optimize: a bounded try at the lower bound, then bisect between what is
   * proven impossible (or, after a try that ran out of budget, unknown) and
   * the best plan found. Each try gets a slice of the budget. */
  {
    guint64 total = s.effort_left, low = lower;
    gboolean first = TRUE;

    while (low < upper && s.effort_left > 0)
      {
        guint64 target = first ? low : low + (upper - low) / 2;
        guint64 slice = MIN (s.effort_left, MAX (total / (first ? 4 : 16), 1));
        guint64 left_after = s.effort_left - slice;

        s.effort_left = slice;
        if (try_capacity (&s, target, trial))
          {
            memcpy (best, trial, n * sizeof (guint64));
            upper = lir_alloc_arena_size (request, best);
          }
        else
          {
            if (!s.out_of_effort && proven_infeasible_below == low)
              proven_infeasible_below = target + 1;
            low = target + 1;
          }
        s.effort_left += left_after;
        first = FALSE;
      }
  }
  memcpy (offsets, best, n * sizeof (guint64));
  outcome->proven_optimal = proven_infeasible_below >= upper;
  outcome->effort_used = s.effort_used;
  ok = TRUE;

out:
  search_clear (&s);
  return ok;
}
