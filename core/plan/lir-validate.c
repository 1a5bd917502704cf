/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-validate.c: checks a plan against its graph without trusting any strategy.
 *
 * Sizes, views and lifetimes are recomputed from the graph and the plan's
 * own schedule (buffer-only plans bring their lifetimes), then every rule
 * is checked and every violation reported.
 */
#include "lir-validate-private.h"
#include "lir-boxed-private.h"

#include "ir/lir-error.h"

#include "ir/lir-graph-private.h"
#include "lir-analysis-private.h"
#include "lir-buffer-plan-private.h"

#include <stdlib.h>
#include <string.h>

static void
violation_free (gpointer data)
{
  LirViolation *v = data;
  g_free (v->message);
  g_free (v);
}

/* Counts a violation and, while the list has room, words it. */
void
lir_violation_report_add (Report *r, LirViolationKind kind, guint32 node, guint32 other, const char *format,
                          ...)
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
    lir_violation_report_add (r, LIR_VIOLATION_VIEW_MISMATCH, id, LIR_NO_NODE,
                              "%s: the plan's view alias does not match the graph (expected %s)", label,
                              is_view ? "a view" : "no view");
  if (flags == LIR_SLOT_NONE)
    {
      if (!is_view && sizes[id] > 0 && sizes[id] != G_MAXUINT64 && lir_buffer_plan_get_allocates (plan, kind))
        lir_violation_report_add (r, LIR_VIOLATION_MISSING_SLOT, id, LIR_NO_NODE,
                                  "%s: a %" G_GUINT64_FORMAT "-byte buffer has no slot", label, sizes[id]);
      return;
    }
  if (sizes[id] == G_MAXUINT64)
    {
      lir_violation_report_add (r, LIR_VIOLATION_SIZE_MISMATCH, id, LIR_NO_NODE,
                                "%s: has a slot, but its size depends on a symbol the plan does not bind",
                                label);
      return;
    }
  if (slot->size != sizes[id])
    lir_violation_report_add (r, LIR_VIOLATION_SIZE_MISMATCH, id, LIR_NO_NODE,
                              "%s: slot size %" G_GUINT64_FORMAT " differs from the node's %" G_GUINT64_FORMAT
                              " bytes",
                              label, slot->size, sizes[id]);
  if (!g_uint64_checked_add (&end, slot->offset, slot->size) || end > plan->arena_size)
    lir_violation_report_add (r, LIR_VIOLATION_OUT_OF_ARENA, id, LIR_NO_NODE,
                              "%s: slot [%" G_GUINT64_FORMAT ", +%" G_GUINT64_FORMAT
                              ") ends beyond the arena of %" G_GUINT64_FORMAT " bytes",
                              label, slot->offset, slot->size, plan->arena_size);
  if (flags & LIR_SLOT_ALLOCATED)
    {
      if (plan->alignment != 0 && slot->offset % plan->alignment != 0)
        lir_violation_report_add (r, LIR_VIOLATION_MISALIGNED, id, LIR_NO_NODE,
                                  "%s: offset %" G_GUINT64_FORMAT
                                  " is not a multiple of the alignment %" G_GUINT64_FORMAT,
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
          lir_violation_report_add (r, LIR_VIOLATION_VIEW_OUTSIDE_ROOT, id, root,
                                    "%s: a view whose root owns no slot", label);
          return;
        }
      root_slot = &plan->slots[root];
      root_label = lir_graph_get_node_short_label (graph, root, root_label_buffer);
      if (!g_uint64_checked_add (&start, root_slot->offset, plan->aliases[id].byte_offset)
          || !g_uint64_checked_add (&view_end, start, sizes[id])
          || !g_uint64_checked_add (&root_end, root_slot->offset, root_slot->size) || view_end > root_end
          || slot->offset != start)
        lir_violation_report_add (r, LIR_VIOLATION_VIEW_OUTSIDE_ROOT, id, root,
                                  "%s: view at %s+%" G_GUINT64_FORMAT " (%" G_GUINT64_FORMAT
                                  " bytes) is not inside its root's slot [%" G_GUINT64_FORMAT
                                  ", +%" G_GUINT64_FORMAT ") or its offset is not the root's plus the alias",
                                  label, root_label, plan->aliases[id].byte_offset, sizes[id],
                                  root_slot->offset, root_slot->size);
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
      lir_violation_report_add (&r, LIR_VIOLATION_GRAPH, LIR_NO_NODE, LIR_NO_NODE,
                                "the plan does not cover the graph's %u nodes", n);
      goto out;
    }
  if (!lir_graph_validate (graph, &error))
    {
      lir_violation_report_add (&r, LIR_VIOLATION_GRAPH, LIR_NO_NODE, LIR_NO_NODE, "%s", error->message);
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
          lir_violation_report_add (&r, LIR_VIOLATION_SCHEDULE, LIR_NO_NODE, LIR_NO_NODE,
                                    "the schedule is not a topological order of all %u nodes", n);
          goto out;
        }
      lir_graph_resolve_views (graph, symbol_values, aliases);
      lir_graph_compute_liveness (graph, schedule, plan->schedule->len, aliases, lifetimes);
    }

  for (guint32 id = 0; id < n; id++)
    check_node (&r, graph, plan, id, sizes, aliases, &highest);
  if (highest != plan->arena_size)
    lir_violation_report_add (&r, LIR_VIOLATION_ARENA_SIZE, LIR_NO_NODE, LIR_NO_NODE,
                              "arena_size is %" G_GUINT64_FORMAT
                              " but the highest slot ends at %" G_GUINT64_FORMAT,
                              plan->arena_size, highest);
  lir_validate_overlaps (plan, graph, lifetimes, &r);

out:
  if (n_violations != NULL)
    *n_violations = r.count;
  return r.list;
}

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirViolation, lir_violation, message)
