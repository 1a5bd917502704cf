/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-module.c: graph + plan, and the rule for when an input is (re-)planned. */
#include "lir-module.h"
#include "lir-boxed-private.h"

#include "ir/lir-graph-private.h"
#include "lir-buffer-plan-private.h"
#include "lir-planner.h"
#include "alloc/lir-strategy.h"

#include <string.h>

struct _LirModule
{
  gint ref_count;
  LirGraph *graph;
  LirBufferPlan *plan;
};

/* Whether @plan was made for @graph (the same graph, not an equal one). */
static gboolean
plan_belongs (const LirBufferPlan *plan, const LirGraph *graph)
{
  return plan == NULL || (plan->graph == graph && plan->n_nodes == lir_graph_get_n_nodes (graph));
}

/**
 * lir_module_new:
 * @graph: (transfer none): the graph
 * @plan: (transfer none) (nullable): its plan
 *
 * Pairs a graph with a plan made for it (by lir_graph_plan () or a reader
 * of that graph); a plan of another graph is refused. The module holds
 * references to both; neither is copied. From now on @graph cannot be
 * changed.
 *
 * Returns: (transfer full) (nullable): a new module, %NULL if @plan is not
 *   @graph's
 */
LirModule *
lir_module_new (LirGraph *graph, LirBufferPlan *plan)
{
  LirModule *module;

  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (plan_belongs (plan, graph), NULL);
  lir_graph_seal (graph);
  module = g_new0 (LirModule, 1);
  module->ref_count = 1;
  module->graph = lir_graph_ref (graph);
  module->plan = plan != NULL ? lir_buffer_plan_ref (plan) : NULL;
  return module;
}

/**
 * lir_module_ref: (skip)
 * @module: a module
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @module
 */
LirModule *
lir_module_ref (LirModule *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  g_atomic_int_inc (&module->ref_count);
  return module;
}

/**
 * lir_module_unref: (skip)
 * @module: (transfer full): a module
 *
 * Drops a reference; the last one frees the module (not its graph or plan
 * while others hold them).
 */
void
lir_module_unref (LirModule *module)
{
  g_return_if_fail (module != NULL);

  if (!g_atomic_int_dec_and_test (&module->ref_count))
    return;
  lir_graph_unref (module->graph);
  g_clear_pointer (&module->plan, lir_buffer_plan_unref);
  g_free (module);
}

/**
 * lir_module_get_graph:
 * @module: a module
 *
 * The module's graph.
 *
 * Returns: (transfer none): the graph
 */
LirGraph *
lir_module_get_graph (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  return module->graph;
}

/**
 * lir_module_get_plan:
 * @module: a module
 *
 * The module's plan: its schedule, arena slots, view aliases, phases and I/O
 * manifest.
 *
 * Returns: (transfer none) (nullable): the plan, if planned
 */
LirBufferPlan *
lir_module_get_plan (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  return module->plan;
}

/**
 * lir_module_set_plan:
 * @module: a module
 * @plan: (transfer none) (nullable): the new plan
 *
 * Replaces the module's plan with another plan of its graph; a plan of
 * another graph is refused.
 */
void
lir_module_set_plan (LirModule *module, LirBufferPlan *plan)
{
  g_return_if_fail (module != NULL);
  g_return_if_fail (plan_belongs (plan, module->graph));
  if (plan != NULL)
    lir_buffer_plan_ref (plan);
  g_clear_pointer (&module->plan, lir_buffer_plan_unref);
  module->plan = plan;
}

/**
 * lir_module_is_buffer_only:
 * @module: a module
 *
 * Whether the module is a buffer list (a MiniMalloc CSV): its plan gives
 * lifetimes, there is no real graph behind them.
 *
 * Returns: %TRUE for a buffer list
 */
gboolean
lir_module_is_buffer_only (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, FALSE);

  return module->plan != NULL && lir_buffer_plan_has_explicit_lifetimes (module->plan);
}

/**
 * lir_module_get_name:
 * @module: a module
 *
 * The graph's name, as its file gives it.
 *
 * Returns: (transfer none): the name, or "" when the graph has none
 */
const char *
lir_module_get_name (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, NULL);

  return lir_graph_get_name (module->graph);
}

/**
 * lir_module_replan:
 * @module: a module
 * @options: (nullable): planning options, %NULL for the defaults
 * @error: return location for a #GError
 *
 * Plans @module's graph afresh. Without a strategy in @options, a module
 * that already has a plan keeps its strategy (when Lirscope knows it);
 * alignment, boundary allocation and bindings @options leave open are
 * kept from the existing plan (lir_plan_options_inherit()).
 * Phases the file gave are kept; buffer-only modules keep their lifetimes.
 *
 * Returns: (transfer full): a new module sharing the graph, or %NULL
 */
LirModule *
lir_module_replan (const LirModule *module, const LirPlanOptions *options, GError **error)
{
  g_return_val_if_fail (module != NULL, NULL);

  g_autoptr (LirPlanOptions) effective =
    options != NULL ? lir_plan_options_copy (options) : lir_plan_options_new ();
  g_autoptr (LirBufferPlan) plan = NULL;
  LirBufferPlan *old = module->plan;

  /* Without a strategy the old plan's is kept; RLX's own plan ("rlx") is
   * re-made by rlx-greedy, which places as RLX's planner does. */
  if (lir_plan_options_get_strategy (effective) == NULL && old != NULL)
    {
      const char *kept = lir_buffer_plan_get_strategy (old);

      if (g_strcmp0 (kept, "rlx") == 0)
        lir_plan_options_set_strategy (effective, "rlx-greedy");
      else if (lir_strategy_find (kept, NULL) != NULL)
        lir_plan_options_set_strategy (effective, kept);
    }
  if (old != NULL && !old->unplaced)
    lir_plan_options_inherit (effective, old);

  if (old != NULL && old->explicit_lifetimes)
    plan = lir_buffer_plan_replan_buffers (module->graph, old, effective, error);
  else
    plan = lir_graph_plan (module->graph, effective, error);
  if (plan == NULL)
    return NULL;

  if (old != NULL && !old->explicit_lifetimes && old->n_nodes == plan->n_nodes)
    memcpy (plan->phases, old->phases, plan->n_nodes);
  return lir_module_new (module->graph, plan);
}

/**
 * lir_module_needs_plan:
 * @module: a module
 *
 * Whether @module has to be planned before it can be shown: a graph
 * without a plan, or a buffer list without offsets (lifetimes only).
 * lir_module_ensure_plan() plans those with the options it is given.
 *
 * Returns: %TRUE if it has no placed plan
 */
gboolean
lir_module_needs_plan (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, FALSE);

  return module->plan == NULL || module->plan->unplaced;
}

/**
 * lir_module_ensure_plan:
 * @module: a module
 * @options: (nullable): planning options, %NULL for the defaults
 * @error: return location for a #GError
 *
 * Gives @module a plan when it has none, or re-plans it when @options ask
 * for something (a strategy, alignment, bindings, allocation, capacity).
 * Otherwise the existing plan is kept as it is.
 *
 * Returns: %TRUE on success
 */
gboolean
lir_module_ensure_plan (LirModule *module, const LirPlanOptions *options, GError **error)
{
  g_return_val_if_fail (module != NULL, FALSE);

  g_autoptr (LirModule) planned = NULL;

  if (!lir_module_needs_plan (module) && (options == NULL || !lir_plan_options_changes_plan (options)))
    return TRUE;
  planned = lir_module_replan (module, options, error);
  if (planned == NULL)
    return FALSE;
  lir_module_set_plan (module, planned->plan);
  return TRUE;
}

LIR_DEFINE_BOXED_TYPE (LirModule, lir_module, lir_module_ref, lir_module_unref)
