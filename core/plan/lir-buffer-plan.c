/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-buffer-plan.c: the plan data model and its derived figures. */
#include "lir-buffer-plan-private.h"
#include "lir-boxed-private.h"

#include "ir/lir-graph-private.h"

/**
 * lir_buffer_plan_new: (skip)
 * @graph: the graph the plan is for; the plan holds a reference
 * @n_nodes: number of nodes (buffers) the plan covers: @graph's, once
 *   it is complete
 *
 * Returns: (transfer full): an empty plan with no slots
 */
LirBufferPlan *
lir_buffer_plan_new (LirGraph *graph, guint n_nodes)
{
  LirBufferPlan *plan = g_new0 (LirBufferPlan, 1);

  plan->ref_count = 1;
  plan->graph = lir_graph_ref (graph);
  plan->n_nodes = n_nodes;
  plan->alignment = 64;
  plan->strategy = g_strdup ("");
  plan->allocate_params = plan->allocate_inputs = plan->allocate_constants = TRUE;
  plan->schedule = g_array_sized_new (FALSE, FALSE, sizeof (guint32), MAX (n_nodes, 1));
  plan->step_of = g_new (guint32, n_nodes + 1);
  plan->slot_flags = g_new0 (guint8, n_nodes + 1);
  plan->slots = g_new0 (LirBufferSlot, n_nodes + 1);
  plan->aliases = g_new (LirViewAlias, n_nodes + 1);
  plan->lifetimes = g_new0 (LirLifetime, n_nodes + 1);
  plan->phases = g_new (guint8, n_nodes + 1);
  for (guint i = 0; i < n_nodes; i++)
    {
      plan->step_of[i] = G_MAXUINT32;
      plan->aliases[i] = (LirViewAlias){ LIR_NO_NODE, 0 };
      plan->phases[i] = LIR_PHASE_NONE;
    }
  plan->io_inputs = g_array_new (FALSE, FALSE, sizeof (LirIoBinding));
  plan->io_params = g_array_new (FALSE, FALSE, sizeof (LirIoBinding));
  plan->io_outputs = g_array_new (FALSE, FALSE, sizeof (guint32));
  plan->binding_names = g_ptr_array_new_with_free_func (g_free);
  plan->binding_values = g_array_new (FALSE, FALSE, sizeof (guint64));
  return plan;
}

/**
 * lir_buffer_plan_ref: (skip)
 * @plan: a plan
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @plan
 */
LirBufferPlan *
lir_buffer_plan_ref (LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_atomic_int_inc (&plan->ref_count);
  return plan;
}

/**
 * lir_buffer_plan_unref: (skip)
 * @plan: (transfer full): a plan
 *
 * Drops a reference; the last one frees the plan.
 */
void
lir_buffer_plan_unref (LirBufferPlan *plan)
{
  g_return_if_fail (plan != NULL);
  if (!g_atomic_int_dec_and_test (&plan->ref_count))
    return;
  lir_graph_unref (plan->graph);
  g_free (plan->strategy);
  g_array_unref (plan->schedule);
  g_free (plan->step_of);
  g_free (plan->slot_flags);
  g_free (plan->slots);
  g_free (plan->aliases);
  g_free (plan->lifetimes);
  g_free (plan->phases);
  g_array_unref (plan->io_inputs);
  g_array_unref (plan->io_params);
  g_array_unref (plan->io_outputs);
  g_ptr_array_unref (plan->binding_names);
  g_array_unref (plan->binding_values);
  g_free (plan);
}

void
lir_buffer_plan_set_strategy (LirBufferPlan *plan, const char *strategy)
{
  g_free (plan->strategy);
  plan->strategy = g_strdup (strategy != NULL ? strategy : "");
}

/* Sets the schedule and its inverse; the time axis gets one extra step at
 * the end, where graph outputs and boundary buffers are still live. */
void
lir_buffer_plan_set_schedule (LirBufferPlan *plan, const guint32 *schedule, guint n_schedule)
{
  g_array_set_size (plan->schedule, 0);
  g_array_append_vals (plan->schedule, schedule, n_schedule);
  for (guint i = 0; i < plan->n_nodes; i++)
    plan->step_of[i] = G_MAXUINT32;
  for (guint step = 0; step < n_schedule; step++)
    if (schedule[step] < plan->n_nodes)
      plan->step_of[schedule[step]] = step;
  plan->n_steps = n_schedule + 1;
}

void
lir_buffer_plan_add_binding (LirBufferPlan *plan, const char *name, guint64 value)
{
  /* An unbound symbol is no binding: every reader and the planner agree,
   * so the list (and the fingerprint) survives a write and a read. */
  if (value == LIR_NO_VALUE)
    return;
  g_ptr_array_add (plan->binding_names, g_strdup (name));
  g_array_append_val (plan->binding_values, value);
}

/* The arena ends at the highest end of an allocated slot. */
void
lir_buffer_plan_update_arena (LirBufferPlan *plan)
{
  guint64 arena = 0;

  for (guint i = 0; i < plan->n_nodes; i++)
    if (plan->slot_flags[i] & LIR_SLOT_ALLOCATED)
      arena = MAX (arena, plan->slots[i].offset + plan->slots[i].size);
  plan->arena_size = arena;
}

/* The value of each of @graph's symbols under the plan's bindings (the
 * graph's default where the plan has none), LIR_NO_VALUE when unbound. */
guint64 *
lir_buffer_plan_symbol_values (const LirBufferPlan *plan, const LirGraph *graph)
{
  guint n_symbols = lir_graph_get_n_symbols (graph);
  guint64 *values = g_new (guint64, n_symbols + 1);

  for (guint32 s = 0; s < n_symbols; s++)
    values[s] = lir_graph_get_symbol_default (graph, s);
  for (guint b = 0; b < plan->binding_names->len; b++)
    {
      guint32 symbol;
      if (lir_graph_lookup_symbol (graph, g_ptr_array_index (plan->binding_names, b), &symbol))
        values[symbol] = g_array_index (plan->binding_values, guint64, b);
    }
  return values;
}

/* RLX's LirIoManifest::collect: inputs and params in node order, then the
 * graph's outputs. */
void
lir_buffer_plan_collect_io (LirBufferPlan *plan, const LirGraph *graph)
{
  guint n_outputs;
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  g_array_set_size (plan->io_inputs, 0);
  g_array_set_size (plan->io_params, 0);
  g_array_set_size (plan->io_outputs, 0);
  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      LirIoBinding binding = { node->name, id };

      if (node->kind == LIR_OP_INPUT)
        g_array_append_val (plan->io_inputs, binding);
      else if (node->kind == LIR_OP_PARAM)
        g_array_append_val (plan->io_params, binding);
    }
  if (n_outputs > 0)
    g_array_append_vals (plan->io_outputs, outputs, n_outputs);
}

/**
 * lir_buffer_plan_get_n_nodes:
 * @plan: a plan
 *
 * How many nodes the plan covers: its graph's.
 *
 * Returns: the number of nodes
 */
guint
lir_buffer_plan_get_n_nodes (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_nodes;
}

/**
 * lir_buffer_plan_get_n_steps:
 * @plan: a plan
 *
 * How many steps its time axis has: the schedule's length and one more,
 * where outputs and boundary buffers are still live (buffer lists: the
 * highest step plus one).
 *
 * Returns: the length of the time axis. For graph plans it is the schedule
 *   length plus one: outputs and boundary buffers stay live at the final
 *   step, as in RLX.
 */
guint
lir_buffer_plan_get_n_steps (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->n_steps;
}

/**
 * lir_buffer_plan_get_arena_size:
 * @plan: a plan
 *
 * The bytes a runtime allocates for the plan: the highest end of a buffer
 * that owns arena bytes (views add none).
 *
 * Returns: the arena size in bytes
 */
guint64
lir_buffer_plan_get_arena_size (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->arena_size;
}

/**
 * lir_buffer_plan_get_alignment:
 * @plan: a plan
 *
 * The alignment every owning slot's offset is a multiple of.
 *
 * Returns: the alignment in bytes, a power of two
 */
guint64
lir_buffer_plan_get_alignment (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 1);

  return plan->alignment;
}

/**
 * lir_buffer_plan_get_strategy:
 * @plan: a plan
 *
 * The name of the strategy that made the plan (`best-fit`; `rlx` for a
 * plan read from RLX's output), as the file says or the planner set it.
 *
 * Returns: (transfer none): the strategy that made the plan, or "" if unknown
 */
const char *
lir_buffer_plan_get_strategy (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, NULL);

  return plan->strategy;
}

/**
 * lir_buffer_plan_get_proven_optimal:
 * @plan: a plan
 *
 * Whether the strategy that made the plan, in this run, proved no smaller
 * arena exists. Not stored in files: a plan read back says %FALSE unless it
 * reaches the lower bound (lir_plan_stats_compute ()).
 *
 * Returns: %TRUE if proved optimal in this run
 */
gboolean
lir_buffer_plan_get_proven_optimal (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->proven_optimal;
}

/**
 * lir_buffer_plan_get_stopped_early:
 * @plan: a plan
 *
 * Whether the strategy stopped before it was done (lir_plan_options_set_stop(),
 * a time limit, or a search too large to run) and the plan is the best it
 * had then.
 *
 * Returns: %TRUE if stopped early
 */
gboolean
lir_buffer_plan_get_stopped_early (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->stopped_early;
}

/**
 * lir_buffer_plan_get_plan_seconds:
 * @plan: a plan
 *
 * How long placing took when this run made the plan, 0 for a plan read from
 * a file.
 *
 * Returns: seconds
 */
double
lir_buffer_plan_get_plan_seconds (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->plan_seconds;
}

/**
 * lir_buffer_plan_get_schedule:
 * @plan: a plan
 * @n_steps: (out): schedule length
 *
 * The order the plan runs its nodes in.
 *
 * Returns: (transfer none) (array length=n_steps): node ids in execution order
 */
const guint32 *
lir_buffer_plan_get_schedule (const LirBufferPlan *plan, guint *n_steps)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = plan->schedule->len;
  return (const guint32 *)plan->schedule->data;
}

/**
 * lir_buffer_plan_get_step:
 * @plan: a plan
 * @node: a node id
 *
 * The step a node runs at.
 *
 * Returns: the step, or %G_MAXUINT32 for a node the schedule leaves out
 */
guint32
lir_buffer_plan_get_step (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, G_MAXUINT32);
  return plan->step_of[node];
}

/**
 * lir_buffer_plan_get_slot:
 * @plan: a plan
 * @node: a node id
 *
 * Where a node's bytes are, if it has a slot.
 *
 * Returns: (transfer none) (nullable): the node's slot, or %NULL if it has none
 */
const LirBufferSlot *
lir_buffer_plan_get_slot (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, NULL);
  return plan->slot_flags[node] != LIR_SLOT_NONE ? &plan->slots[node] : NULL;
}

/**
 * lir_buffer_plan_is_view:
 * @plan: a plan
 * @node: a node id
 *
 * Whether a node's slot lies inside its root's (a view) rather than owning
 * arena bytes.
 *
 * Returns: %TRUE for a view
 */
gboolean
lir_buffer_plan_is_view (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, FALSE);
  return plan->aliases[node].root != LIR_NO_NODE;
}

/**
 * lir_buffer_plan_get_view_alias:
 * @plan: a plan
 * @node: a node id
 *
 * The root a view node reads, and where in it.
 *
 * Returns: (transfer none) (nullable): the alias if @node is a view
 */
const LirViewAlias *
lir_buffer_plan_get_view_alias (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, NULL);
  return plan->aliases[node].root != LIR_NO_NODE ? &plan->aliases[node] : NULL;
}

/**
 * lir_buffer_plan_get_lifetime:
 * @plan: a plan
 * @node: a node id
 *
 * The steps over which a node's buffer is live.
 *
 * Returns: (transfer none): the node's live range, inclusive
 */
const LirLifetime *
lir_buffer_plan_get_lifetime (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, NULL);
  return &plan->lifetimes[node];
}

/**
 * lir_buffer_plan_has_explicit_lifetimes:
 * @plan: a plan
 *
 * Whether the plan's lifetimes were given (a buffer list) rather than
 * derived from a schedule.
 *
 * Returns: %TRUE for a buffer list's plan
 */
gboolean
lir_buffer_plan_has_explicit_lifetimes (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, FALSE);

  return plan->explicit_lifetimes;
}

/**
 * lir_buffer_plan_get_phase:
 * @plan: a plan
 * @node: a node id
 *
 * The streaming phase of a node.
 *
 * Returns: the phase, %LIR_PHASE_NONE when none applies
 */
LirPhase
lir_buffer_plan_get_phase (const LirBufferPlan *plan, guint32 node)
{
  g_return_val_if_fail (plan != NULL && node < plan->n_nodes, LIR_PHASE_NONE);
  return plan->phases[node];
}

/**
 * lir_buffer_plan_get_nodes_in_phase:
 * @plan: a plan
 * @phase: a phase
 * @n_nodes: (out): number of nodes returned
 *
 * The nodes of one phase, in id order.
 *
 * Returns: (transfer full) (array length=n_nodes): the nodes in @phase in
 *   schedule order (node id order for plans without a schedule)
 */
guint32 *
lir_buffer_plan_get_nodes_in_phase (const LirBufferPlan *plan, LirPhase phase, guint *n_nodes)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);
  g_return_val_if_fail (phase <= LIR_PHASE_NONE, NULL);

  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (plan->schedule->len > 0)
    {
      for (guint step = 0; step < plan->schedule->len; step++)
        {
          guint32 id = g_array_index (plan->schedule, guint32, step);
          if (id < plan->n_nodes && plan->phases[id] == phase)
            g_array_append_val (nodes, id);
        }
    }
  else
    {
      for (guint32 id = 0; id < plan->n_nodes; id++)
        if (plan->phases[id] == phase)
          g_array_append_val (nodes, id);
    }
  *n_nodes = nodes->len;
  return (guint32 *)g_array_free (nodes, FALSE);
}

/**
 * lir_buffer_plan_get_total_unshared:
 * @plan: a plan
 *
 * The sum of every slot's size, views included, as RLX counts it: what
 * the plan would take if nothing shared bytes.
 *
 * Returns: bytes (saturating at %G_MAXUINT64)
 */
guint64
lir_buffer_plan_get_total_unshared (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  guint64 total = 0;

  for (guint i = 0; i < plan->n_nodes; i++)
    if (plan->slot_flags[i] != LIR_SLOT_NONE && !g_uint64_checked_add (&total, total, plan->slots[i].size))
      return G_MAXUINT64;
  return total;
}

/**
 * lir_buffer_plan_get_bytes_saved:
 * @plan: a plan
 *
 * What sharing and views saved, as RLX counts it: the unshared total minus
 * the arena.
 *
 * Returns: total unshared bytes minus the arena size, or 0
 */
guint64
lir_buffer_plan_get_bytes_saved (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  guint64 total = lir_buffer_plan_get_total_unshared (plan);

  return total > plan->arena_size ? total - plan->arena_size : 0;
}

/**
 * lir_buffer_plan_get_io_inputs:
 * @plan: a plan
 * @n_inputs: (out): how many
 *
 * The plan's I/O manifest: its named inputs.
 *
 * Returns: (transfer none) (array length=n_inputs): the inputs
 */
const LirIoBinding *
lir_buffer_plan_get_io_inputs (const LirBufferPlan *plan, guint *n_inputs)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (n_inputs != NULL, NULL);

  *n_inputs = plan->io_inputs->len;
  return (const LirIoBinding *)plan->io_inputs->data;
}

/**
 * lir_buffer_plan_get_io_params:
 * @plan: a plan
 * @n_params: (out): how many
 *
 * The plan's I/O manifest: its named params.
 *
 * Returns: (transfer none) (array length=n_params): the params
 */
const LirIoBinding *
lir_buffer_plan_get_io_params (const LirBufferPlan *plan, guint *n_params)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (n_params != NULL, NULL);

  *n_params = plan->io_params->len;
  return (const LirIoBinding *)plan->io_params->data;
}

/**
 * lir_buffer_plan_get_io_outputs:
 * @plan: a plan
 * @n_outputs: (out): how many
 *
 * The plan's I/O manifest: its outputs.
 *
 * Returns: (transfer none) (array length=n_outputs): the output node ids
 */
const guint32 *
lir_buffer_plan_get_io_outputs (const LirBufferPlan *plan, guint *n_outputs)
{
  g_return_val_if_fail (plan != NULL, NULL);
  g_return_val_if_fail (n_outputs != NULL, NULL);

  *n_outputs = plan->io_outputs->len;
  return (const guint32 *)plan->io_outputs->data;
}

/**
 * lir_buffer_plan_get_n_bindings:
 * @plan: a plan
 *
 * How many symbols the plan binds.
 *
 * Returns: the number of bindings
 */
guint
lir_buffer_plan_get_n_bindings (const LirBufferPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->binding_names->len;
}

/**
 * lir_buffer_plan_get_binding:
 * @plan: a plan
 * @index: a binding index
 * @value: (out): the symbol's value
 *
 * One symbol binding the plan was made with, in graph order.
 *
 * Returns: (transfer none): the symbol's name
 */
const char *
lir_buffer_plan_get_binding (const LirBufferPlan *plan, guint index, guint64 *value)
{
  g_return_val_if_fail (plan != NULL && index < plan->binding_names->len, NULL);
  *value = g_array_index (plan->binding_values, guint64, index);
  return g_ptr_array_index (plan->binding_names, index);
}

/**
 * lir_buffer_plan_get_allocates:
 * @plan: a plan
 * @boundary_kind: %LIR_OP_INPUT, %LIR_OP_PARAM or %LIR_OP_CONSTANT
 *
 * Whether the plan puts one kind of boundary buffer (inputs, params or
 * constants) in the arena; other kinds are always in.
 *
 * Returns: %TRUE if buffers of that kind were given arena slots
 */
gboolean
lir_buffer_plan_get_allocates (const LirBufferPlan *plan, LirOpKind boundary_kind)
{
  g_return_val_if_fail (plan != NULL, TRUE);

  switch (boundary_kind)
    {
    case LIR_OP_INPUT:
      return plan->allocate_inputs;
    case LIR_OP_PARAM:
      return plan->allocate_params;
    case LIR_OP_CONSTANT:
      return plan->allocate_constants;
    default:
      return TRUE;
    }
}

LIR_DEFINE_BOXED_TYPE (LirBufferPlan, lir_buffer_plan, lir_buffer_plan_ref, lir_buffer_plan_unref)

LIR_DEFINE_VALUE_TYPE (LirBufferSlot, lir_buffer_slot)

LIR_DEFINE_VALUE_TYPE (LirViewAlias, lir_view_alias)

LIR_DEFINE_VALUE_TYPE (LirLifetime, lir_lifetime)

LIR_DEFINE_VALUE_TYPE_WITH_STRING (LirIoBinding, lir_io_binding, name)
