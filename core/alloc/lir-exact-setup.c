/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-exact-setup.c: what the exact search needs before it runs: sections,
 * conflict lists, interchangeable buffers and the preference orders. */
#include "lir-exact-private.h"

#include "ir/lir-error.h"

#include <stdlib.h>
#include <string.h>

/* Past this many conflict pairs the search would not finish anyway. */
#define MAX_CONFLICTS (64u * 1024u * 1024u)

const char *const lir_exact_heuristics[LIR_EXACT_N_HEURISTICS] = { "TWA", "WAT", "TAW", "s", "A" };

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

int
lir_exact_compare_preference (const void *pa, const void *pb, void *user_data)
{
  const LirExactSearch *s = user_data;
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
guint64
lir_exact_above_infeasible (const LirExactSearch *s, guint64 capacity)
{
  return (capacity & ~(s->grain - 1)) + s->grain;
}

/* Sections: maximal step ranges with a constant live set; each buffer's
 * first and last section. */
static void
find_sections (LirExactSearch *s, const LirAllocRequest *request)
{
  guint n = request->n_buffers;
  g_autofree guint32 *points = g_new (guint32, 2 * n + 1);
  guint n_points = 0, w = 0;

  for (guint b = 0; b < n; b++)
    {
      points[n_points++] = request->buffers[b].first_step;
      points[n_points++] = request->buffers[b].last_step + 1;
    }
  qsort (points, n_points, sizeof (guint32), compare_u32);
  for (guint i = 0; i < n_points; i++)
    if (w == 0 || points[w - 1] != points[i])
      points[w++] = points[i];
  n_points = w;
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
}

/* Conflict lists, as CSR; FALSE past MAX_CONFLICTS pairs. */
static gboolean
find_conflicts (LirExactSearch *s, const LirAllocRequest *request, GError **error)
{
  guint n = request->n_buffers;
  guint64 n_edges = 0;
  g_autofree guint32 *fill = NULL;

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
  fill = g_memdup2 (s->adj_start, (n + 1) * sizeof (guint32));
  for (guint a = 0; a < n; a++)
    for (guint b = 0; b < n; b++)
      if (a != b && lir_alloc_buffers_conflict (&request->buffers[a], &request->buffers[b]))
        s->adj[fill[a]++] = b;
  return TRUE;
}

/* Interchangeable buffers: same size and lifetime; each points at the
 * previous one of its kind. */
static void
find_twins (LirExactSearch *s, const LirAllocRequest *request)
{
  guint n = request->n_buffers;

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
}

/* The keys of the preference orders, and one order per heuristic. */
static void
sort_orders (LirExactSearch *s, const LirAllocRequest *request, const LirAllocBuffer *original)
{
  guint n = request->n_buffers;
  g_autofree guint64 *sec_total = g_new0 (guint64, s->n_sections + 1);

  s->max_total = g_new0 (guint64, n + 1);
  for (guint b = 0; b < n; b++)
    for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
      sec_total[sec] += request->buffers[b].size;
  for (guint b = 0; b < n; b++)
    for (guint32 sec = s->sec_first[b]; sec <= s->sec_last[b]; sec++)
      s->max_total[b] = MAX (s->max_total[b], sec_total[sec]);
  s->width = g_new (guint64, n + 1);
  for (guint b = 0; b < n; b++)
    s->width[b] = (guint64)original[b].last_step - original[b].first_step + 1;
  s->sort_total = s->max_total;
  for (guint h = 0; h < LIR_EXACT_N_HEURISTICS; h++)
    {
      s->orders[h] = g_new (guint32, n + 1);
      for (guint b = 0; b < n; b++)
        s->orders[h][b] = b;
      s->heuristic = lir_exact_heuristics[h];
      g_qsort_with_data (s->orders[h], n, sizeof (guint32), lir_exact_compare_preference, s);
    }
}

/* The search's state, set by search_reset () before each run. */
static void
allocate_state (LirExactSearch *s, const LirAllocRequest *request)
{
  guint n = request->n_buffers;
  g_autofree guint32 *by_time = g_new (guint32, n + 1);
  guint leaves = 1;

  s->part_total = g_new0 (guint64, n + 1);
  s->part_buffers = g_new0 (guint32, n + 1);
  s->rank = g_new0 (guint64, n + 1);
  s->placed = g_new0 (guint64, n + 1);
  s->members = g_new (guint32, n + 1);
  s->member_at = g_new (guint32, n + 1);
  s->parts_room = 2 * (guint64)n + 2;
  s->part_begin = g_new (guint64, s->parts_room);
  s->part_end = g_new (guint64, s->parts_room);
  s->cut = g_new0 (guint64, s->n_sections + 1);
  s->time_rank = g_new (guint32, n + 1);
  for (guint b = 0; b < n; b++)
    by_time[b] = b;
  g_qsort_with_data (by_time, n, sizeof (guint32), compare_first_step, (gpointer)request->buffers);
  for (guint k = 0; k < n; k++)
    s->time_rank[by_time[k]] = k;
  s->floor = g_new0 (guint64, n + 1);
  s->waiting = g_new0 (guint64, n + 1);
  s->free_neighbours = g_new0 (guint64, n + 1);
  s->offset = g_new0 (guint64, n + 1);
  s->top = g_new0 (guint64, s->n_sections + 1);
  s->unplaced_sum = g_new0 (guint64, s->n_sections + 1);
  while (leaves < s->n_sections)
    leaves *= 2;
  s->sec_tree = g_new0 (guint64, 2 * leaves);
}

/* Everything the search needs that does not change while it runs. On
 * failure what was allocated is freed by lir_exact_search_clear (). */
gboolean
lir_exact_search_init (LirExactSearch *s, const LirAllocRequest *request, const LirAllocBuffer *original,
                       GError **error)
{
  memset (s, 0, sizeof *s);
  s->request = request;
  s->n = request->n_buffers;
  s->alignment = request->alignment;
  s->grain = arena_grain (request);
  s->cancellable = request->cancellable;
  find_sections (s, request);
  if (!find_conflicts (s, request, error))
    return FALSE;
  find_twins (s, request);
  sort_orders (s, request, original);
  allocate_state (s, request);
  return TRUE;
}

void
lir_exact_search_clear (LirExactSearch *s)
{
  g_free (s->sec_first);
  g_free (s->sec_last);
  g_free (s->adj_start);
  g_free (s->adj);
  g_free (s->twin);
  for (guint h = 0; h < LIR_EXACT_N_HEURISTICS; h++)
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
