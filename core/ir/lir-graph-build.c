/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph-build.c: the typed builders, in the spirit of RLX's Graph API:
 * one call per kind of node, each a lir_graph_add_node () with the kind's
 * inputs and typed fields filled in. */
#include "lir-graph-private.h"

#include "lir-limits-private.h"

/**
 * lir_graph_add_input:
 * @graph: a graph, not in a module yet
 * @name: (nullable): the input's name
 * @shape: its shape
 *
 * Appends an input: a buffer the caller gives the run.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_input (LirGraph *graph, const char *name, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, LIR_OP_INPUT, NULL, name, NULL, 0, shape, NULL);
}

/**
 * lir_graph_add_param:
 * @graph: a graph, not in a module yet
 * @name: (nullable): the param's name
 * @shape: its shape
 *
 * Appends a param: a weight the run reads.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_param (LirGraph *graph, const char *name, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, LIR_OP_PARAM, NULL, name, NULL, 0, shape, NULL);
}

/**
 * lir_graph_add_constant:
 * @graph: a graph, not in a module yet
 * @name: (nullable): the constant's name
 * @shape: its shape
 *
 * Appends a constant the run reads.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_constant (LirGraph *graph, const char *name, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, LIR_OP_CONSTANT, NULL, name, NULL, 0, shape, NULL);
}

/**
 * lir_graph_add_matmul:
 * @graph: a graph, not in a module yet
 * @a: the left operand
 * @b: the right operand
 * @shape: the result's shape
 *
 * Appends a matrix product of @a and @b.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_matmul (LirGraph *graph, guint32 a, guint32 b, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  guint32 inputs[] = { a, b };
  return lir_graph_add_node (graph, LIR_OP_MATMUL, NULL, NULL, inputs, 2, shape, NULL);
}

/**
 * lir_graph_add_reshape:
 * @graph: a graph, not in a module yet
 * @x: the node reshaped
 * @shape: the new shape
 *
 * Appends a reshape of @x: a view of its bytes when the element count is the
 * same.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_reshape (LirGraph *graph, guint32 x, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, LIR_OP_RESHAPE, NULL, NULL, &x, 1, shape, NULL);
}

/**
 * lir_graph_add_cast:
 * @graph: a graph, not in a module yet
 * @x: the node cast
 * @to: the target dtype
 * @shape: the result's shape
 *
 * Appends a cast of @x to @to: a view of its bytes when the dtype does not
 * change.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_cast (LirGraph *graph, guint32 x, LirDType to, const LirShape *shape)
{
  g_autofree char *attrs = NULL;
  guint32 id;

  g_return_val_if_fail (to < LIR_N_DTYPES, LIR_NO_NODE);
  attrs = g_strdup_printf ("{\"to\":\"%s\"}", lir_dtype_to_string (to));
  id = lir_graph_add_node (graph, LIR_OP_CAST, NULL, NULL, &x, 1, shape, attrs);

  if (id != LIR_NO_NODE)
    lir_graph_set_node_cast_to (graph, id, to);
  return id;
}

/**
 * lir_graph_add_narrow:
 * @graph: a graph, not in a module yet
 * @x: the node narrowed
 * @axis: the axis, at most %LIR_MAX_DIMS
 * @start: the first index kept, at most %LIR_MAX_BYTES
 * @len: how many indices are kept, at most %LIR_MAX_BYTES
 * @shape: the result's shape
 *
 * Appends a narrow of @x to @len indices of @axis from @start: a view of its
 * bytes on axis 0.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_narrow (LirGraph *graph, guint32 x, guint32 axis, guint64 start, guint64 len,
                      const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);
  g_return_val_if_fail (axis <= LIR_MAX_DIMS && start <= LIR_MAX_BYTES && len <= LIR_MAX_BYTES, LIR_NO_NODE);

  g_autofree char *attrs =
    g_strdup_printf ("{\"axis\":%u,\"len\":%" G_GUINT64_FORMAT ",\"start\":%" G_GUINT64_FORMAT "}", axis, len,
                     start);
  guint32 id = lir_graph_add_node (graph, LIR_OP_NARROW, NULL, NULL, &x, 1, shape, attrs);

  if (id != LIR_NO_NODE)
    lir_graph_set_node_narrow (graph, id, axis, start, len);
  return id;
}

/**
 * lir_graph_add_sample:
 * @graph: a graph, not in a module yet
 * @x: the node sampled (logits)
 * @shape: the result's shape
 *
 * Appends a sampling of @x, where the epilogue begins.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_sample (LirGraph *graph, guint32 x, const LirShape *shape)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, LIR_OP_SAMPLE, NULL, NULL, &x, 1, shape, NULL);
}

/**
 * lir_graph_add_op:
 * @graph: a graph
 * @op_name: any op name; first-class names map to their kind
 * @inputs: (array length=n_inputs): input ids
 * @n_inputs: number of inputs
 * @shape: output shape
 *
 * Appends a node of the op named @op_name (its kind is the name's,
 * lir_op_kind_from_string ()).
 *
 * The generic add-node for ops without attributes.
 *
 * Returns: the new node's id
 */
guint32
lir_graph_add_op (LirGraph *graph, const char *op_name, const guint32 *inputs, guint n_inputs,
                  const LirShape *shape)
{
  g_return_val_if_fail (op_name != NULL, LIR_NO_NODE);

  return lir_graph_add_node (graph, lir_op_kind_from_string (op_name), op_name, NULL, inputs, n_inputs, shape,
                             NULL);
}
