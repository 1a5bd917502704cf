/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph-nodes.c: what a graph says about each node: kind, names and
 * labels, inputs, shape, typed fields, aliases; read-only. */
#include "lir-graph-private.h"

#include "lir-limits-private.h"

#include <string.h>

/**
 * lir_graph_get_node_kind:
 * @graph: a graph
 * @node: a node id
 *
 * The kind of a node's op.
 *
 * Returns: the kind
 */
LirOpKind
lir_graph_get_node_kind (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_OP_OPAQUE);
  return lir_graph_node (graph, node)->kind;
}

/**
 * lir_graph_get_node_op_name:
 * @graph: a graph
 * @node: a node id
 *
 * The name of a node's op, as documents write it.
 *
 * Returns: (transfer none): the op's name
 */
const char *
lir_graph_get_node_op_name (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  return lir_graph_node (graph, node)->op_name;
}

/**
 * lir_graph_get_node_name:
 * @graph: a graph
 * @node: a node id
 *
 * A node's own name, if it has one.
 *
 * Returns: (transfer none) (nullable): the node's name, if it has one
 */
const char *
lir_graph_get_node_name (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  return lir_graph_node (graph, node)->name;
}

/**
 * lir_graph_get_node_label:
 * @graph: a graph
 * @node: a node id
 * @buffer: scratch space for an unnamed node's label
 *
 * How a node is called in words: its name, or `%<id>` (RLX's spelling) when
 * it has none.
 *
 * Returns: (transfer none): the node's name, or `%<id>` as RLX prints ids
 */
const char *
lir_graph_get_node_label (const LirGraph *graph, guint32 node, char buffer[24])
{
  g_return_val_if_fail (buffer != NULL, NULL);

  const char *name = lir_graph_get_node_name (graph, node);

  if (name != NULL)
    return name;
  g_snprintf (buffer, 24, "%%%u", node);
  return buffer;
}

/**
 * lir_graph_get_node_short_label:
 * @graph: a graph
 * @node: a node id
 * @buffer: room for the label
 *
 * lir_graph_get_node_label () as people read it: a long name shortened by
 * lir_name_shorten (). Every picture, window and sentence uses this one.
 *
 * Returns: (transfer none): the label, possibly in @buffer
 */
const char *
lir_graph_get_node_short_label (const LirGraph *graph, guint32 node, char buffer[LIR_SHORT_NAME_SIZE])
{
  g_return_val_if_fail (buffer != NULL, NULL);

  const char *name = lir_graph_get_node_name (graph, node);

  if (name == NULL)
    {
      g_snprintf (buffer, LIR_SHORT_NAME_SIZE, "%%%u", node);
      return buffer;
    }
  return lir_name_shorten (name, buffer);
}

/**
 * lir_graph_get_node_op_label:
 * @graph: a graph
 * @node: a node id
 *
 * What people read for a node's op: the op with its payload, `Binary(Add)`,
 * or its name.
 *
 * What people read for the op: the op with its payload, "Binary(Add)",
 * "reshape([-1, 768])", where the reader set one; the op name otherwise.
 * Only a label: the op, its attributes and the fingerprint are the same.
 *
 * Returns: (transfer none): the label
 */
const char *
lir_graph_get_node_op_label (const LirGraph *graph, guint32 node)
{
  const LirNode *n;

  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  n = lir_graph_node (graph, node);
  return n->op_label != NULL ? n->op_label : n->op_name;
}

/**
 * lir_graph_get_node_op_family:
 * @graph: a graph
 * @node: a node id
 *
 * What colouring by op tells apart: the op with a payload that is a plain
 * variant (`Binary(Add)`), else the op's name.
 *
 * What colouring by op tells apart: "Binary(Add)" from "Binary(Mul)", but
 * one "reshape" whatever its shape.
 *
 * Returns: (transfer none): the family
 */
const char *
lir_graph_get_node_op_family (const LirGraph *graph, guint32 node)
{
  const LirNode *n;

  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  n = lir_graph_node (graph, node);
  return n->op_family != NULL ? n->op_family : n->op_name;
}

/**
 * lir_graph_get_node_origin:
 * @graph: a graph
 * @node: a node id
 *
 * The compiler pass that made a node, when the file says (RLX's
 * origin.pass); only shown.
 *
 * Returns: (transfer none) (nullable): the compiler pass that made the node
 *   (RLX's `origin.pass`), if the file said
 */
const char *
lir_graph_get_node_origin (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  return lir_graph_node (graph, node)->origin;
}

/**
 * lir_graph_get_node_category:
 * @graph: a graph
 * @node: a node id
 *
 * What the node's bytes are for in a training step, when the document
 * says (`category`).
 *
 * Returns: the category, %LIR_CATEGORY_NONE if not given
 */
LirCategory
lir_graph_get_node_category (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_CATEGORY_NONE);
  return (LirCategory)lir_graph_node (graph, node)->category;
}

/**
 * lir_graph_get_node_saved:
 * @graph: a graph
 * @node: a node id
 *
 * Whether the node is an activation saved for the backward pass
 * (`"saved": true`).
 *
 * Returns: %TRUE for a saved activation
 */
gboolean
lir_graph_get_node_saved (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, FALSE);
  return lir_graph_node (graph, node)->saved;
}

/**
 * lir_graph_get_node_region:
 * @graph: a graph
 * @node: a node id
 *
 * The part of a training step the node runs in, when the document says
 * (`region`).
 *
 * Returns: the region, %LIR_REGION_NONE if not given
 */
LirRegion
lir_graph_get_node_region (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_REGION_NONE);
  return (LirRegion)lir_graph_node (graph, node)->region;
}

/**
 * lir_graph_has_categories:
 * @graph: a graph
 *
 * Whether any node has a category: a training step's document, where
 * reports and pictures can go by category.
 *
 * Returns: %TRUE if some node's category is given
 */
gboolean
lir_graph_has_categories (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, FALSE);

  for (guint32 id = 0; id < graph->nodes->len; id++)
    if (lir_graph_node (graph, id)->category != LIR_CATEGORY_NONE)
      return TRUE;
  return FALSE;
}

/**
 * lir_graph_has_regions:
 * @graph: a graph
 *
 * Whether any node has a region (forward, backward, optimizer).
 *
 * Returns: %TRUE if some node's region is given
 */
gboolean
lir_graph_has_regions (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, FALSE);

  for (guint32 id = 0; id < graph->nodes->len; id++)
    if (lir_graph_node (graph, id)->region != LIR_REGION_NONE)
      return TRUE;
  return FALSE;
}

/**
 * lir_graph_get_node_inputs:
 * @graph: a graph
 * @node: a node id
 * @n_inputs: (out): number of inputs
 *
 * A node's inputs, in order.
 *
 * Returns: (transfer none) (array length=n_inputs): the input ids
 */
const guint32 *
lir_graph_get_node_inputs (const LirGraph *graph, guint32 node, guint *n_inputs)
{
  const LirNode *n;

  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  g_return_val_if_fail (n_inputs != NULL, NULL);
  n = lir_graph_node (graph, node);
  *n_inputs = n->n_inputs;
  return lir_graph_inputs_of (graph, n);
}

/**
 * lir_graph_get_node_shape:
 * @graph: a graph
 * @node: a node id
 * @out_shape: (out caller-allocates): the shape
 *
 * A node's shape.
 */
void
lir_graph_get_node_shape (const LirGraph *graph, guint32 node, LirShape *out_shape)
{
  const LirNode *n;

  g_return_if_fail (graph != NULL && node < graph->nodes->len);
  g_return_if_fail (out_shape != NULL);
  n = lir_graph_node (graph, node);
  out_shape->dtype = n->dtype;
  out_shape->n_dims = n->n_dims;
  if (n->n_dims > 0)
    memcpy (out_shape->dims, &g_array_index (graph->dims, LirDim, n->first_dim), n->n_dims * sizeof (LirDim));
}

/**
 * lir_graph_get_node_dtype:
 * @graph: a graph
 * @node: a node id
 *
 * The dtype of a node's result.
 *
 * Returns: the dtype
 */
LirDType
lir_graph_get_node_dtype (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_DTYPE_F32);
  return lir_graph_node (graph, node)->dtype;
}

/**
 * lir_graph_get_node_attrs:
 * @graph: a graph
 * @node: a node id
 *
 * A node's attributes as canonical JSON object text.
 *
 * Returns: (transfer none) (nullable): the attributes as JSON object text
 */
const char *
lir_graph_get_node_attrs (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  return lir_graph_node (graph, node)->attrs;
}

/**
 * lir_graph_get_node_cast_to:
 * @graph: a graph
 * @node: a node id
 *
 * The dtype a cast node converts to (its own dtype for other nodes).
 *
 * Returns: the target dtype
 */
LirDType
lir_graph_get_node_cast_to (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_DTYPE_F32);
  return lir_graph_node (graph, node)->cast_to;
}

/**
 * lir_graph_get_node_narrow:
 * @graph: a graph
 * @node: a node id
 * @axis: (out): the axis
 * @start: (out): the first index kept
 * @len: (out): how many are kept
 *
 * The slice a narrow node keeps.
 */
void
lir_graph_get_node_narrow (const LirGraph *graph, guint32 node, guint32 *axis, guint64 *start, guint64 *len)
{
  const LirNode *n;

  g_return_if_fail (graph != NULL && node < graph->nodes->len);
  g_return_if_fail (axis != NULL && start != NULL && len != NULL);
  n = lir_graph_node (graph, node);
  *axis = n->narrow_axis;
  *start = n->narrow_start;
  *len = n->narrow_len;
}

/**
 * lir_graph_get_outputs:
 * @graph: a graph
 * @n_outputs: (out): number of outputs
 *
 * The graph's outputs.
 *
 * Returns: (transfer none) (array length=n_outputs): the output ids
 */
const guint32 *
lir_graph_get_outputs (const LirGraph *graph, guint *n_outputs)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (n_outputs != NULL, NULL);

  *n_outputs = graph->outputs->len;
  return (const guint32 *)graph->outputs->data;
}

/**
 * lir_graph_get_order:
 * @graph: a graph
 * @n_order: (out): number of nodes
 *
 * The node ids in the order the file (or the builder) gave them, which the
 * scheduler keeps where it is topological.
 *
 * Returns: (transfer none) (array length=n_order): node ids in file order
 */
const guint32 *
lir_graph_get_order (const LirGraph *graph, guint *n_order)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (n_order != NULL, NULL);

  *n_order = graph->order->len;
  return (const guint32 *)graph->order->data;
}

/**
 * lir_graph_get_node_alias:
 * @graph: a graph
 * @node: a node
 * @of: (out) (optional): the node whose bytes @node's result lives in
 * @byte_offset: (out) (optional): where it starts in them
 *
 * Whether a node's result was declared to live in another node's bytes
 * (lir_graph_set_node_alias ()).
 *
 * The alias @node declares (not the views its op implies: see
 * lir_graph_resolve_views() for every alias of a planned graph).
 *
 * Returns: the kind, %LIR_ALIAS_NONE if @node declares none
 */
LirAliasKind
lir_graph_get_node_alias (const LirGraph *graph, guint32 node, guint32 *of, guint64 *byte_offset)
{
  const LirNode *n;

  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_ALIAS_NONE);
  n = lir_graph_node (graph, node);
  if (of != NULL)
    *of = n->alias_of;
  if (byte_offset != NULL)
    *byte_offset = n->alias_offset;
  return n->alias_kind;
}

/**
 * lir_graph_get_node_has_buffer:
 * @graph: a graph
 * @node: a node
 *
 * Whether a node's result takes bytes (lir_graph_set_node_has_buffer ()).
 *
 * Returns: %FALSE for a node declared to hold no tensor (`"buffer": false`)
 */
gboolean
lir_graph_get_node_has_buffer (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, TRUE);
  return !lir_graph_node (graph, node)->no_buffer;
}

/**
 * lir_graph_get_node_result_of:
 * @graph: a graph
 * @node: a node
 *
 * The tuple-returning node a node takes its result from
 * (lir_graph_set_node_result_of ()).
 *
 * Returns: the tuple-producing node whose fresh result @node owns, or
 *   %LIR_NO_NODE
 */
guint32
lir_graph_get_node_result_of (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, LIR_NO_NODE);
  return lir_graph_node (graph, node)->result_of;
}

/**
 * lir_graph_describe_node_op:
 * @graph: a graph
 * @node: a node
 *
 * A node's op in words: its label, and what it writes into when it works in
 * place.
 *
 * The node's op as tooltips and lists show it: its label, and for an
 * in-place op the node it writes into (`relu, in-place on conv1`).
 *
 * Returns: (transfer full): the description
 */
char *
lir_graph_describe_node_op (const LirGraph *graph, guint32 node)
{
  const LirNode *n;
  char label[24];

  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);
  n = lir_graph_node (graph, node);
  if (n->alias_kind == LIR_ALIAS_INPLACE && n->alias_of < graph->nodes->len)
    return g_strdup_printf ("%s, in-place on %s", lir_graph_get_node_op_label (graph, node),
                            lir_graph_get_node_label (graph, n->alias_of, label));
  return g_strdup (lir_graph_get_node_op_label (graph, node));
}

/**
 * lir_graph_format_node_shape:
 * @graph: a graph
 * @node: a node id
 *
 * A node's shape as people write it: `f32[s0, 768]`.
 *
 * Returns: (transfer full): the shape as text, e.g. `f32[seq, 768]`
 */
char *
lir_graph_format_node_shape (const LirGraph *graph, guint32 node)
{
  g_return_val_if_fail (graph != NULL && node < graph->nodes->len, NULL);

  GString *text = g_string_new (NULL);
  LirShape shape;

  lir_graph_get_node_shape (graph, node, &shape);
  g_string_append_printf (text, "%s[", lir_dtype_to_string (shape.dtype));
  for (guint i = 0; i < shape.n_dims; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      if (shape.dims[i].symbol != LIR_DIM_STATIC)
        g_string_append (text, lir_graph_get_symbol_name (graph, shape.dims[i].symbol));
      else
        g_string_append_printf (text, "%" G_GUINT64_FORMAT, shape.dims[i].size);
    }
  g_string_append_c (text, ']');
  return g_string_free (text, FALSE);
}
