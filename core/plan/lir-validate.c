/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-validate.c: checks a plan against its graph without trusting any strategy.
 *
 * Sizes, views and lifetimes are recomputed from the graph and the plan's
 * own schedule (buffer-only plans bring their lifetimes), then every rule
 * is checked and every violation reported.
 */
#include "lir-validate.h"
#include "lir-boxed-private.h"

#include "ir/lir-error.h"

#include "ir/lir-graph-private.h"
#include "lir-analysis-private.h"
#include "lir-buffer-plan-private.h"

#include <stdlib.h>
#include <string.h>

typedef struct
{
  GPtrArray *list;
  guint64 count;
} Report;

static void
violation_free (gpointer data)
{
  LirViolation *v = data;
  g_free (v->message);
  g_free (v);
}

G_GNUC_PRINTF (5, 6)
static void
report (Report *r, LirViolationKind kind, guint32 node, guint32 other, const char *format, ...)
{
  LirViolation *v;
  va_list args;

  r->count++;
  if (r->list->len >= LIR_MAX_LISTED_VIOLATIONS)
    return;
  v = g_new0 (LirViolation, 1);
  v->kind = kind;
  v->node = node;
  v->other = other;
  va_start (args, format);
  v->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (r->list, v);
}

typedef struct
{
  guint32 id;
  guint32 first;
  guint32 last;
  guint64 offset;
  guint64 end;
} Rect;

static int
compare_first (const void *pa, const void *pb)
{
  const Rect *a = pa, *b = pb;
  if (a->first != b->first)
    return a->first < b->first ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

/* The live set of the sweep: the owning buffers live at the current step,
 * ordered by offset (a GSequence), with a binary heap on the last step to
 * retire them. In a valid plan they are disjoint in bytes, so a new buffer
 * meets an overlap only at its neighbours: O(log n) each. While some live
 * buffers overlap (an invalid plan), the scan goes on past the neighbours,
 * so that every overlapping pair is still reported. */
typedef struct
{
  GSequence *by_offset; /* Rect *, not owned */
  GArray *heap;         /* Live, by last step */
  guint overlapping;    /* live buffers in a reported overlap */
  guint8 *in_overlap;   /* per node: counted in overlapping */
} LiveSet;

typedef struct
{
  guint32 last;
  GSequenceIter *iter;
} Live;

static int
compare_offset (gconstpointer pa, gconstpointer pb, gpointer data)
{
  const Rect *a = pa, *b = pb;

  if (a->offset != b->offset)
    return a->offset < b->offset ? -1 : 1;
  return (a->id > b->id) - (a->id < b->id);
}

static void
heap_push (GArray *heap, Live live)
{
  guint i = heap->len;

  g_array_append_val (heap, live);
  while (i > 0 && g_array_index (heap, Live, (i - 1) / 2).last > live.last)
    {
      g_array_index (heap, Live, i) = g_array_index (heap, Live, (i - 1) / 2);
      i = (i - 1) / 2;
    }
  g_array_index (heap, Live, i) = live;
}

static Live
heap_pop (GArray *heap)
{
  Live top = g_array_index (heap, Live, 0), last = g_array_index (heap, Live, heap->len - 1);
  guint i = 0;

  g_array_set_size (heap, heap->len - 1);
  while (heap->len > 0)
    {
      guint child = 2 * i + 1;

      if (child >= heap->len)
        break;
      if (child + 1 < heap->len
          && g_array_index (heap, Live, child + 1).last < g_array_index (heap, Live, child).last)
        child++;
      if (g_array_index (heap, Live, child).last >= last.last)
        break;
      g_array_index (heap, Live, i) = g_array_index (heap, Live, child);
      i = child;
    }
  if (heap->len > 0)
    g_array_index (heap, Live, i) = last;
  return top;
}

static void
mark_overlapping (LiveSet *live, guint32 id)
{
  if (!live->in_overlap[id])
    {
      live->in_overlap[id] = TRUE;
      live->overlapping++;
    }
}

static void
report_overlap (Report *r, const LirGraph *graph, const Rect *a, const Rect *b)
{
  char la[LIR_SHORT_NAME_SIZE], lb[LIR_SHORT_NAME_SIZE];

  if (r->list->len >= LIR_MAX_LISTED_VIOLATIONS)
    {
      r->count++; /* counted, not worded: the list is full */
      return;
    }
  report (r, LIR_VIOLATION_OVERLAP, a->id, b->id,
          "%s [%" G_GUINT64_FORMAT ", %" G_GUINT64_FORMAT ") and %s [%" G_GUINT64_FORMAT
          ", %" G_GUINT64_FORMAT ") overlap in bytes while both are live (steps %u-%u and %u-%u)",
          lir_graph_get_node_short_label (graph, a->id, la), a->offset, a->end,
          lir_graph_get_node_short_label (graph, b->id, lb), b->offset, b->end, a->first, a->last, b->first,
          b->last);
}

/* Compares @rect, just inserted at @at, with the live buffers it can meet;
 * reports each overlap, the one live earlier first. */
static void
check_neighbours (LiveSet *live, GSequenceIter *at, const Rect *rect, const LirGraph *graph, Report *r)
{
  g_autoptr (GArray) met = g_array_new (FALSE, FALSE, sizeof (Rect));

  if (!g_sequence_iter_is_begin (at))
    for (GSequenceIter *it = g_sequence_iter_prev (at);; it = g_sequence_iter_prev (it))
      {
        const Rect *other = g_sequence_get (it);

        if (other->end > rect->offset)
          g_array_append_val (met, *other);
        else if (live->overlapping == 0)
          break; /* disjoint and ordered: none before it reaches further */
        if (g_sequence_iter_is_begin (it))
          break;
      }
  for (GSequenceIter *it = g_sequence_iter_next (at); !g_sequence_iter_is_end (it);
       it = g_sequence_iter_next (it))
    {
      const Rect *other = g_sequence_get (it);

      if (other->offset >= rect->end)
        break;
      g_array_append_val (met, *other);
    }
  g_array_sort (met, compare_first);
  for (guint i = 0; i < met->len; i++)
    {
      const Rect *other = &g_array_index (met, Rect, i);

      report_overlap (r, graph, other, rect);
      mark_overlapping (live, other->id);
      mark_overlapping (live, rect->id);
    }
}

/* Sweep over steps, the live set ordered by offset. */
static void
check_overlaps (const LirBufferPlan *plan, const LirGraph *graph, const LirLifetime *lifetimes, Report *r)
{
  g_autoptr (GArray) rects = g_array_new (FALSE, FALSE, sizeof (Rect));
  LiveSet live = { g_sequence_new (NULL), g_array_new (FALSE, FALSE, sizeof (Live)), 0,
                   g_new0 (guint8, plan->n_nodes + 1) };

  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      Rect rect;
      if (!(plan->slot_flags[id] & LIR_SLOT_ALLOCATED) || plan->slots[id].size == 0)
        continue;
      rect.id = id;
      rect.first = lifetimes[id].first_step;
      rect.last = lifetimes[id].last_step;
      rect.offset = plan->slots[id].offset;
      if (!g_uint64_checked_add (&rect.end, rect.offset, plan->slots[id].size))
        rect.end = G_MAXUINT64;
      g_array_append_val (rects, rect);
    }
  if (rects->len > 1)
    qsort (rects->data, rects->len, sizeof (Rect), compare_first);

  for (guint i = 0; i < rects->len; i++)
    {
      Rect *rect = &g_array_index (rects, Rect, i);
      GSequenceIter *at;

      while (live.heap->len > 0 && g_array_index (live.heap, Live, 0).last < rect->first)
        {
          Live gone = heap_pop (live.heap);
          const Rect *old = g_sequence_get (gone.iter);

          if (live.in_overlap[old->id])
            {
              live.in_overlap[old->id] = FALSE;
              live.overlapping--;
            }
          g_sequence_remove (gone.iter);
        }
      at = g_sequence_insert_sorted (live.by_offset, rect, compare_offset, NULL);
      check_neighbours (&live, at, rect, graph, r);
      heap_push (live.heap, (Live){ rect->last, at });
    }
  g_sequence_free (live.by_offset);
  g_array_unref (live.heap);
  g_free (live.in_overlap);
}

/**
 * lir_module_validate:
 * @module: a planned module
 * @error: return location for a #GError
 *
 * The check a compiler makes before it trusts a plan: lir_module_list_violations ()
 * in one call.
 *
 * Returns: %TRUE if the plan is valid; %FALSE with @error
 *   (%LIR_ERROR_INVALID) naming the violations' count and the first one
 */
gboolean
lir_module_validate (const LirModule *module, GError **error)
{
  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  guint64 n = 0;
  g_autoptr (GPtrArray) violations = lir_module_list_violations (module, &n);

  if (n == 0)
    return TRUE;
  g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%" G_GUINT64_FORMAT " violation%s, first: %s", n,
               n == 1 ? "" : "s", ((const LirViolation *)violations->pdata[0])->message);
  return FALSE;
}

/* The rules of one node's slot: it is a view exactly when the graph says
 * so, it has the node's size, it lies in the arena, it is aligned, and a
 * view lies inside its root. Raises @highest to where an owning slot ends. */
static void
check_node (Report *r, const LirGraph *graph, const LirBufferPlan *plan, guint32 id, const guint64 *sizes,
            const LirViewAlias *aliases, guint64 *highest)
{
  guint n = plan->n_nodes;
  char label_buffer[LIR_SHORT_NAME_SIZE], root_label_buffer[LIR_SHORT_NAME_SIZE];
  const char *label, *root_label;
  const LirBufferSlot *slot = &plan->slots[id];
  guint8 flags = plan->slot_flags[id];
  gboolean is_view = aliases[id].root != LIR_NO_NODE;
  LirOpKind kind = lir_graph_node (graph, id)->kind;
  guint64 end;

  label = lir_graph_get_node_short_label (graph, id, label_buffer);
  if (is_view != (plan->aliases[id].root != LIR_NO_NODE)
      || (is_view
          && (plan->aliases[id].root != aliases[id].root
              || plan->aliases[id].byte_offset != aliases[id].byte_offset)))
    report (r, LIR_VIOLATION_VIEW_MISMATCH, id, LIR_NO_NODE,
            "%s: the plan's view alias does not match the graph (expected %s)", label,
            is_view ? "a view" : "no view");
  if (flags == LIR_SLOT_NONE)
    {
      if (!is_view && sizes[id] > 0 && sizes[id] != G_MAXUINT64 && lir_buffer_plan_get_allocates (plan, kind))
        report (r, LIR_VIOLATION_MISSING_SLOT, id, LIR_NO_NODE,
                "%s: a %" G_GUINT64_FORMAT "-byte buffer has no slot", label, sizes[id]);
      return;
    }
  if (sizes[id] == G_MAXUINT64)
    {
      report (r, LIR_VIOLATION_SIZE_MISMATCH, id, LIR_NO_NODE,
              "%s: has a slot, but its size depends on a symbol the plan does not bind", label);
      return;
    }
  if (slot->size != sizes[id])
    report (r, LIR_VIOLATION_SIZE_MISMATCH, id, LIR_NO_NODE,
            "%s: slot size %" G_GUINT64_FORMAT " differs from the node's %" G_GUINT64_FORMAT " bytes", label,
            slot->size, sizes[id]);
  if (!g_uint64_checked_add (&end, slot->offset, slot->size) || end > plan->arena_size)
    report (r, LIR_VIOLATION_OUT_OF_ARENA, id, LIR_NO_NODE,
            "%s: slot [%" G_GUINT64_FORMAT ", +%" G_GUINT64_FORMAT
            ") ends beyond the arena of %" G_GUINT64_FORMAT " bytes",
            label, slot->offset, slot->size, plan->arena_size);
  if (flags & LIR_SLOT_ALLOCATED)
    {
      if (plan->alignment != 0 && slot->offset % plan->alignment != 0)
        report (r, LIR_VIOLATION_MISALIGNED, id, LIR_NO_NODE,
                "%s: offset %" G_GUINT64_FORMAT " is not a multiple of the alignment %" G_GUINT64_FORMAT,
                label, slot->offset, plan->alignment);
      if (g_uint64_checked_add (&end, slot->offset, slot->size))
        *highest = MAX (*highest, end);
    }
  else if (flags & LIR_SLOT_VIEW)
    {
      guint32 root = plan->aliases[id].root;
      const LirBufferSlot *root_slot;
      guint64 start, view_end, root_end;

      if (root >= n || !(plan->slot_flags[root] & LIR_SLOT_ALLOCATED))
        {
          report (r, LIR_VIOLATION_VIEW_OUTSIDE_ROOT, id, root, "%s: a view whose root owns no slot", label);
          return;
        }
      root_slot = &plan->slots[root];
      root_label = lir_graph_get_node_short_label (graph, root, root_label_buffer);
      if (!g_uint64_checked_add (&start, root_slot->offset, plan->aliases[id].byte_offset)
          || !g_uint64_checked_add (&view_end, start, sizes[id])
          || !g_uint64_checked_add (&root_end, root_slot->offset, root_slot->size) || view_end > root_end
          || slot->offset != start)
        report (r, LIR_VIOLATION_VIEW_OUTSIDE_ROOT, id, root,
                "%s: view at %s+%" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT
                " bytes) is not inside its root's slot [%" G_GUINT64_FORMAT ", +%" G_GUINT64_FORMAT
                ") or its offset is not the root's plus the alias",
                label, root_label, plan->aliases[id].byte_offset, sizes[id], root_slot->offset,
                root_slot->size);
    }
}

/**
 * lir_module_list_violations: (skip)
 * @module: a planned module
 * @n_violations: (out) (optional): how many violations there are, which
 *   may exceed the number listed (%LIR_MAX_LISTED_VIOLATIONS)
 *
 * Checks: the schedule is a topological order of every node; every slot
 * has its node's byte size, lies inside the arena and (for owning
 * buffers) is aligned; every buffer the options allocate has a slot; no
 * two owning buffers live at the same step share a byte; every view is
 * the alias the graph implies and lies inside its root's slot; the arena
 * size is the highest slot end.
 *
 * Returns: (transfer full) (element-type LirViolation): the violations,
 *   empty for a valid plan
 */
GPtrArray *
lir_module_list_violations (const LirModule *module, guint64 *n_violations)
{
  g_return_val_if_fail (module != NULL, NULL);

  Report r = { g_ptr_array_new_with_free_func (violation_free), 0 };
  const LirGraph *graph = lir_module_get_graph (module);
  const LirBufferPlan *plan = lir_module_get_plan (module);
  guint n = lir_graph_get_n_nodes (graph);
  g_autofree guint64 *sizes = NULL;
  g_autofree guint64 *symbol_values = NULL;
  g_autofree LirViewAlias *aliases = NULL;
  g_autofree LirLifetime *lifetimes = NULL;
  g_autoptr (GError) error = NULL;
  guint64 highest = 0;

  if (plan == NULL || plan->n_nodes != n)
    {
      report (&r, LIR_VIOLATION_GRAPH, LIR_NO_NODE, LIR_NO_NODE,
              "the plan does not cover the graph's %u nodes", n);
      goto out;
    }
  if (!lir_graph_validate (graph, &error))
    {
      report (&r, LIR_VIOLATION_GRAPH, LIR_NO_NODE, LIR_NO_NODE, "%s", error->message);
      goto out;
    }

  /* Sizes under the plan's own bindings; a node whose size needs an unbound
   * symbol has none (G_MAXUINT64) and must have no slot: RLX leaves dynamic
   * nodes out of the arena. */
  symbol_values = lir_buffer_plan_symbol_values (plan, graph);
  sizes = g_new0 (guint64, n + 1);
  lir_graph_compute_sizes_partial (graph, symbol_values, sizes);

  aliases = g_new (LirViewAlias, n + 1);
  lifetimes = g_new0 (LirLifetime, n + 1);
  if (plan->explicit_lifetimes)
    {
      for (guint32 id = 0; id < n; id++)
        aliases[id] = (LirViewAlias){ LIR_NO_NODE, 0 };
      memcpy (lifetimes, plan->lifetimes, n * sizeof (LirLifetime));
    }
  else
    {
      const guint32 *schedule = (const guint32 *)plan->schedule->data;

      if (!lir_graph_is_topological (graph, schedule, plan->schedule->len))
        {
          report (&r, LIR_VIOLATION_SCHEDULE, LIR_NO_NODE, LIR_NO_NODE,
                  "the schedule is not a topological order of all %u nodes", n);
          goto out;
        }
      lir_graph_resolve_views (graph, symbol_values, aliases);
      lir_graph_compute_liveness (graph, schedule, plan->schedule->len, aliases, lifetimes);
    }

  for (guint32 id = 0; id < n; id++)
    check_node (&r, graph, plan, id, sizes, aliases, &highest);
  if (highest != plan->arena_size)
    report (&r, LIR_VIOLATION_ARENA_SIZE, LIR_NO_NODE, LIR_NO_NODE,
            "arena_size is %" G_GUINT64_FORMAT " but the highest slot ends at %" G_GUINT64_FORMAT,
            plan->arena_size, highest);
  check_overlaps (plan, graph, lifetimes, &r);

out:
  if (n_violations != NULL)
    *n_violations = r.count;
  return r.list;
}

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirViolation, lir_violation, message)
