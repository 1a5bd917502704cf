/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-buffer-kind.c: what a node's buffer is to the user (input, param,
 * constant, activation, output), and which nodes a dynamic dim keeps out of
 * the arena. */
#include "lir-buffer-kind.h"

#include "ir/lir-graph-private.h"
#include "lir-analysis-private.h"
#include "lir-buffer-plan-private.h"

static const char *const kind_names[LIR_N_BUFFER_KINDS] = {
  [LIR_BUFFER_KIND_INPUT] = "input",       [LIR_BUFFER_KIND_PARAM] = "param",
  [LIR_BUFFER_KIND_CONSTANT] = "constant", [LIR_BUFFER_KIND_ACTIVATION] = "activation",
  [LIR_BUFFER_KIND_OUTPUT] = "output",
};

/**
 * lir_buffer_kind_to_string:
 * @kind: a kind
 *
 * Names a buffer kind.
 *
 * Returns: (transfer none): `input`, `param`, `constant`, `activation` or
 *   `output`
 */
const char *
lir_buffer_kind_to_string (LirBufferKind kind)
{
  g_return_val_if_fail (kind < LIR_N_BUFFER_KINDS, NULL);
  return kind_names[kind];
}

/**
 * lir_module_get_buffer_kind:
 * @module: a module
 * @node: a node
 *
 * What a node's buffer is to the user: an input, param or constant the run
 * is given, an output it returns, or an activation it makes on the way.
 *
 * Returns: input, param or constant by op; output for a graph output that
 *   is none of those; activation otherwise (every buffer of a buffer list)
 */
LirBufferKind
lir_module_get_buffer_kind (const LirModule *module, guint32 node)
{
  g_return_val_if_fail (module != NULL && node < lir_graph_get_n_nodes (lir_module_get_graph (module)),
                        LIR_BUFFER_KIND_ACTIVATION);

  LirGraph *graph = lir_module_get_graph (module);
  const guint32 *outputs;
  guint n_outputs;

  if (lir_module_is_buffer_only (module))
    return LIR_BUFFER_KIND_ACTIVATION;
  switch (lir_graph_get_node_kind (graph, node))
    {
    case LIR_OP_INPUT:
      return LIR_BUFFER_KIND_INPUT;
    case LIR_OP_PARAM:
      return LIR_BUFFER_KIND_PARAM;
    case LIR_OP_CONSTANT:
      return LIR_BUFFER_KIND_CONSTANT;
    default:
      break;
    }
  outputs = lir_graph_get_outputs (graph, &n_outputs);
  for (guint i = 0; i < n_outputs; i++)
    if (outputs[i] == node)
      return LIR_BUFFER_KIND_OUTPUT;
  return LIR_BUFFER_KIND_ACTIVATION;
}

/**
 * lir_module_get_buffer_kinds:
 * @module: a module
 * @n_nodes: (out) (optional): how many, one per node of the graph
 *
 * The kind of every node at once, in O(nodes + outputs).
 *
 * Returns: (transfer full) (array length=n_nodes): one #LirBufferKind per
 *   node
 */
guint8 *
lir_module_get_buffer_kinds (const LirModule *module, guint *n_nodes)
{
  g_return_val_if_fail (module != NULL, NULL);

  LirGraph *graph = lir_module_get_graph (module);
  guint n = lir_graph_get_n_nodes (graph), n_outputs;
  guint8 *kinds = g_new (guint8, MAX (n, 1));
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  for (guint32 id = 0; id < n; id++)
    {
      LirOpKind op = lir_module_is_buffer_only (module) ? LIR_OP_OPAQUE : lir_graph_get_node_kind (graph, id);

      kinds[id] = op == LIR_OP_INPUT      ? LIR_BUFFER_KIND_INPUT
                  : op == LIR_OP_PARAM    ? LIR_BUFFER_KIND_PARAM
                  : op == LIR_OP_CONSTANT ? LIR_BUFFER_KIND_CONSTANT
                                          : LIR_BUFFER_KIND_ACTIVATION;
    }
  for (guint i = 0; i < n_outputs && !lir_module_is_buffer_only (module); i++)
    if (outputs[i] < n && kinds[outputs[i]] == LIR_BUFFER_KIND_ACTIVATION)
      kinds[outputs[i]] = LIR_BUFFER_KIND_OUTPUT;
  if (n_nodes != NULL)
    *n_nodes = n;
  return kinds;
}

/**
 * lir_module_get_dynamic_nodes:
 * @module: a module
 * @n_nodes: (out): how many
 *
 * The nodes RLX leaves out of the arena: a size that needs a symbol the plan
 * does not bind, and no slot. They are part of the plan as RLX made it, not
 * missing buffers, and are drawn and listed as "dynamic, not in the arena".
 *
 * Returns: (transfer full) (array length=n_nodes): node ids, ascending
 */
guint32 *
lir_module_get_dynamic_nodes (LirModule *module, guint *n_nodes)
{
  g_return_val_if_fail (module != NULL && n_nodes != NULL, NULL);

  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = lir_module_is_buffer_only (module) ? 0 : lir_graph_get_n_nodes (graph);

  if (n > 0 && plan != NULL)
    {
      g_autofree guint64 *values = lir_buffer_plan_symbol_values (plan, graph);
      g_autofree guint64 *sizes = g_new (guint64, n);

      if (lir_graph_compute_sizes_partial (graph, values, sizes) > 0)
        for (guint32 id = 0; id < n; id++)
          if (sizes[id] == G_MAXUINT64 && lir_buffer_plan_get_slot (plan, id) == NULL)
            g_array_append_val (nodes, id);
    }
  *n_nodes = nodes->len;
  return (guint32 *)g_array_free (nodes, FALSE);
}
