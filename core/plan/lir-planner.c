/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-planner.c: runs the analysis passes, hands the buffers to a strategy and
 * assembles the plan: slots, view slots, phases, I/O manifest, bindings. */
#include "lir-planner.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "lir-analysis-private.h"
#include "lir-buffer-plan-private.h"
#include "alloc/lir-strategy.h"

#include <string.h>

static const LirStrategy *
choose_strategy (const LirPlanOptions *options, GError **error)
{
  const char *name = lir_plan_options_get_strategy (options);

  return lir_strategy_find (name != NULL ? name : LIR_DEFAULT_STRATEGY, error);
}

/* Places every allocated, non-view slot of @plan (sizes already set) and
 * then points each view's slot into its root's. */
static gboolean
place (LirBufferPlan *plan, const LirPlanOptions *options, guint64 default_alignment, GError **error)
{
  const LirStrategy *strategy = choose_strategy (options, error);
  g_autoptr (GArray) buffers = NULL;
  g_autofree guint64 *offsets = NULL;
  LirAllocRequest request = { 0 };
  LirAllocOutcome outcome;
  g_autoptr (GError) failure = NULL;
  gint64 started = g_get_monotonic_time ();
  guint k = 0;

  if (strategy == NULL)
    return FALSE;
  plan->alignment = lir_plan_options_get_alignment (options);
  if (plan->alignment == 0)
    plan->alignment = default_alignment;

  buffers = g_array_sized_new (FALSE, FALSE, sizeof (LirAllocBuffer), plan->n_nodes + 1);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        {
          LirAllocBuffer b = { plan->slots[id].size, plan->lifetimes[id].first_step,
                               plan->lifetimes[id].last_step, id };
          g_array_append_val (buffers, b);
        }
    }
  request.buffers = (const LirAllocBuffer *)buffers->data;
  request.n_buffers = buffers->len;
  request.n_steps = plan->n_steps;
  request.alignment = plan->alignment;
  request.capacity = lir_plan_options_get_capacity (options);
  request.effort = lir_plan_options_get_effort (options);
  request.time_limit_seconds = lir_plan_options_get_time_limit (options);
  request.cancellable = lir_plan_options_get_cancellable (options);
  request.stop = lir_plan_options_get_stop (options);
  request.progress = lir_plan_options_get_progress (options, &request.progress_data);
  offsets = g_new0 (guint64, buffers->len + 1);
  if (g_cancellable_set_error_if_cancelled (request.cancellable, &failure)
      || !lir_strategy_run (strategy, &request, offsets, &outcome, &failure))
    {
      /* The library's callers match one error domain. */
      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_CANCELLED, "%s: planning was cancelled", strategy->name);
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }

  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
      plan->slots[id].offset = offsets[k++];
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      guint32 root = plan->aliases[id].root;
      guint64 offset;

      if (root == LIR_NO_NODE || !(plan->slot_flags[root] & LIR_SLOT_ALLOCATED))
        continue;
      if (!g_uint64_checked_add (&offset, plan->slots[root].offset, plan->aliases[id].byte_offset))
        offset = G_MAXUINT64;
      plan->slots[id].offset = offset;
      plan->slot_flags[id] = LIR_SLOT_VIEW;
    }
  lir_buffer_plan_update_arena (plan);
  lir_buffer_plan_set_strategy (plan, strategy->name);
  plan->proven_optimal = outcome.proven_optimal;
  plan->stopped_early = outcome.stopped;
  plan->plan_seconds = (g_get_monotonic_time () - started) / 1e6;
  return TRUE;
}

/* Memory planning takes per node, about: the plan, the analyses and a
 * strategy's working arrays (measured by bench-planner's RSS column). */
#define BYTES_PER_NODE 640

static gboolean
reserve (guint n_nodes, GError **error)
{
  g_autofree char *what = g_strdup_printf ("planning %u nodes", n_nodes);

  return lir_limits_reserve ((guint64)n_nodes * BYTES_PER_NODE, what, error);
}

/* The size lir_graph_compute_sizes_partial () gives a node that needs an
 * unbound symbol. */
#define DYNAMIC G_MAXUINT64

/* Whether @node's size needs a symbol @symbol_values leaves unbound. */
static gboolean
needs_unbound (const LirGraph *graph, guint32 node, const guint64 *symbol_values)
{
  LirShape shape;

  lir_graph_get_node_shape (graph, node, &shape);
  for (guint i = 0; i < shape.n_dims; i++)
    if (shape.dims[i].symbol != LIR_DIM_STATIC
        && (shape.dims[i].symbol >= lir_graph_get_n_symbols (graph)
            || symbol_values[shape.dims[i].symbol] == LIR_NO_VALUE))
      return TRUE;
  return FALSE;
}

/* Every node's size. An unbound symbol is an error naming it, unless
 * @keep_dynamic: then the nodes that need one are DYNAMIC, as RLX plans a
 * dynamic module. A size past 64 bits is an error either way. */
static gboolean
compute_sizes (const LirGraph *graph, const guint64 *symbol_values, gboolean keep_dynamic, guint64 *sizes,
               GError **error)
{
  g_autoptr (GError) failure = NULL;
  char label[24];

  if (lir_graph_compute_sizes (graph, symbol_values, sizes, &failure))
    return TRUE;
  if (!keep_dynamic || !g_error_matches (failure, LIR_ERROR, LIR_ERROR_UNBOUND_SYMBOL))
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return FALSE;
    }
  lir_graph_compute_sizes_partial (graph, symbol_values, sizes);
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    if (sizes[id] == DYNAMIC && !needs_unbound (graph, id, symbol_values))
      {
        g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "node %u (%s): byte size overflows 64 bits", id,
                     lir_graph_get_node_label (graph, id, label));
        return FALSE;
      }
  return TRUE;
}

/* The order the options give, if any and if it is an order of this graph;
 * else the graph's own. */
static guint32 *
given_schedule (const LirGraph *graph, const LirPlanOptions *options, guint *n_schedule, GError **error)
{
  guint n;
  const guint32 *order = lir_plan_options_get_schedule (options, &n);
  guint32 *copy;

  if (order == NULL)
    return lir_graph_compute_schedule (graph, n_schedule, error);
  if (!lir_graph_is_topological (graph, order, n))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "the schedule asked for is not an order of the graph's %u nodes, each after its inputs",
                   lir_graph_get_n_nodes (graph));
      return NULL;
    }
  *n_schedule = n;
  copy = g_new (guint32, n + 1);
  memcpy (copy, order, n * sizeof (guint32));
  return copy;
}

/* A view reuses its root's bytes, so it must lie inside them: a reshape
 * that changes the element count, or a narrow whose shape is larger than
 * its slice, is a malformed graph, not something to plan around. With
 * symbolic dims this is only known once the symbols are bound. */
static gboolean
check_views (const LirGraph *graph, const guint64 *sizes, const LirViewAlias *aliases, GError **error)
{
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      guint32 root = aliases[id].root;
      guint64 end;
      char label[24], root_label[24];

      if (root == LIR_NO_NODE || sizes[id] == DYNAMIC || sizes[root] == DYNAMIC)
        continue;
      if (!g_uint64_checked_add (&end, aliases[id].byte_offset, sizes[id]) || end > sizes[root])
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                       "node %u (%s): a %s view of %" G_GUINT64_FORMAT " bytes at +%" G_GUINT64_FORMAT
                       " does not fit in the %" G_GUINT64_FORMAT " bytes of node %u (%s)",
                       id, lir_graph_get_node_label (graph, id, label),
                       lir_graph_get_node_op_name (graph, id), sizes[id], aliases[id].byte_offset,
                       sizes[root], root, lir_graph_get_node_label (graph, root, root_label));
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * lir_graph_plan:
 * @graph: a graph
 * @options: planning options
 * @error: return location for a #GError
 *
 * Validates @graph, binds its symbols, schedules it, resolves views,
 * computes liveness and phases, and places every buffer with the chosen
 * strategy.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
LirBufferPlan *
lir_graph_plan (const LirGraph *graph, const LirPlanOptions *options, GError **error)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (LirBufferPlan) plan = NULL;
  g_autofree guint64 *symbol_values = NULL;
  g_autofree guint64 *sizes = NULL;
  g_autofree guint32 *schedule = NULL;
  guint n = lir_graph_get_n_nodes (graph), n_schedule;

  if (!lir_graph_validate (graph, error) || !reserve (n, error))
    return NULL;
  symbol_values = lir_plan_options_resolve_symbols (options, graph, error);
  if (symbol_values == NULL)
    return NULL;
  sizes = g_new (guint64, n + 1);
  if (!compute_sizes (graph, symbol_values, lir_plan_options_get_keep_dynamic (options), sizes, error))
    return NULL;
  schedule = given_schedule (graph, options, &n_schedule, error);
  if (schedule == NULL)
    return NULL;

  plan = lir_buffer_plan_new ((LirGraph *)graph, n);
  lir_buffer_plan_set_schedule (plan, schedule, n_schedule);
  lir_graph_resolve_views (graph, symbol_values, plan->aliases);
  if (!check_views (graph, sizes, plan->aliases, error))
    return NULL;
  lir_graph_compute_liveness (graph, schedule, n_schedule, plan->aliases, plan->lifetimes);
  lir_graph_derive_phases (graph, schedule, n_schedule, plan->phases);
  lir_buffer_plan_collect_io (plan, graph);
  plan->allocate_params = lir_plan_options_get_allocate (options, LIR_OP_PARAM);
  plan->allocate_inputs = lir_plan_options_get_allocate (options, LIR_OP_INPUT);
  plan->allocate_constants = lir_plan_options_get_allocate (options, LIR_OP_CONSTANT);
  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    lir_buffer_plan_add_binding (plan, lir_graph_get_symbol_name (graph, s), symbol_values[s]);

  for (guint32 id = 0; id < n; id++)
    {
      LirOpKind kind = lir_graph_node (graph, id)->kind;

      /* A dynamic node (its size needs an unbound symbol) has no slot. */
      if (sizes[id] == DYNAMIC)
        continue;
      plan->slots[id].size = sizes[id];
      if (plan->aliases[id].root == LIR_NO_NODE && sizes[id] > 0
          && lir_buffer_plan_get_allocates (plan, kind))
        plan->slot_flags[id] = LIR_SLOT_ALLOCATED;
    }
  if (!place (plan, options, LIR_DEFAULT_ALIGNMENT, error))
    return NULL;
  /* A dynamic view of a placed root points nowhere it could be sized. */
  for (guint32 id = 0; id < n; id++)
    if (sizes[id] == DYNAMIC && plan->slot_flags[id] != LIR_SLOT_NONE)
      {
        plan->slot_flags[id] = LIR_SLOT_NONE;
        plan->slots[id] = (LirBufferSlot){ 0 };
      }
  return g_steal_pointer (&plan);
}

/**
 * lir_buffer_plan_replan_buffers:
 * @graph: the buffer-only graph of @given (one node per buffer)
 * @given: a plan whose lifetimes are explicit (read from a CSV)
 * @options: planning options
 * @error: return location for a #GError
 *
 * Re-places the buffers of a buffer-only plan, keeping their lifetimes.
 *
 * Returns: (transfer full): the new plan, or %NULL with @error set
 */
LirBufferPlan *
lir_buffer_plan_replan_buffers (const LirGraph *graph, const LirBufferPlan *given,
                                const LirPlanOptions *options, GError **error)
{
  g_autoptr (LirBufferPlan) plan = NULL;

  g_return_val_if_fail (given->explicit_lifetimes, NULL);
  g_return_val_if_fail (lir_graph_get_n_nodes (graph) == given->n_nodes, NULL);
  if (!reserve (given->n_nodes, error))
    return NULL;
  plan = lir_buffer_plan_new ((LirGraph *)graph, given->n_nodes);

  plan->explicit_lifetimes = TRUE;
  plan->n_steps = given->n_steps;
  memcpy (plan->lifetimes, given->lifetimes, given->n_nodes * sizeof (LirLifetime));
  memcpy (plan->phases, given->phases, given->n_nodes);
  for (guint32 id = 0; id < given->n_nodes; id++)
    {
      plan->slots[id].size = given->slots[id].size;
      plan->slot_flags[id] = given->slots[id].size > 0 ? LIR_SLOT_ALLOCATED : LIR_SLOT_NONE;
    }
  /* Buffer lists (MiniMalloc) have exact capacities: no padding unless asked. */
  if (!place (plan, options, given->alignment, error))
    return NULL;
  return g_steal_pointer (&plan);
}
