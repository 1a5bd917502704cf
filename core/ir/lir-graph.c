/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph.c: graph storage, the builder API and structural validation.
 *
 * The graph is a plain ref-counted struct (no GObject): it is the hot data
 * model of the planner and the renderer, so nodes sit in one GArray and
 * their variable-length parts (inputs, dims) in two more.
 */
#include "lir-graph-private.h"
#include "lir-boxed-private.h"

#include "lir-error.h"
#include "lir-json-doc-private.h"
#include "lir-limits-private.h"

#include <string.h>

/* Whether @name is a name (lir_limits_check_name ()), or NULL. */
static gboolean
valid_name (const char *name, gboolean may_be_empty)
{
  return name == NULL || lir_limits_check_name (name, -1, may_be_empty, NULL);
}

/* The canonical text of @attrs (sorted keys, no space), or NULL when it is
 * not one JSON object: what a graph stores, writes and fingerprints. */
static char *
canonical_attrs (const char *attrs)
{
  g_autoptr (LirJsonDoc) doc = lir_json_parse (attrs, strlen (attrs), NULL);

  if (doc == NULL || lir_json_doc_get_root (doc)->type != LIR_JSON_OBJECT)
    return NULL;
  return lir_json_canonical (lir_json_doc_get_root (doc));
}

/**
 * lir_graph_new:
 * @name: (nullable): the graph's name, %NULL for none
 *
 * Makes an empty graph. Build it with lir_graph_add_node () and the
 * builders, then give it to lir_module_new () or plan it with lir_graph_plan
 * (); from then on it does not change.
 *
 * Returns: (transfer full): a new empty graph
 */
LirGraph *
lir_graph_new (const char *name)
{
  g_return_val_if_fail (name == NULL || valid_name (name, TRUE), NULL);

  LirGraph *graph = g_new0 (LirGraph, 1);

  graph->ref_count = 1;
  graph->name = g_strdup (name != NULL ? name : "");
  graph->strings = g_string_chunk_new (4096);
  /* Reserved sizes keep ->data non-NULL, so index arithmetic is always defined. */
  graph->nodes = g_array_sized_new (FALSE, FALSE, sizeof (LirNode), 16);
  graph->inputs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 16);
  graph->dims = g_array_sized_new (FALSE, FALSE, sizeof (LirDim), 16);
  graph->order = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 16);
  graph->outputs = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 4);
  graph->symbol_names = g_ptr_array_new ();
  graph->symbol_defaults = g_array_new (FALSE, FALSE, sizeof (guint64));
  return graph;
}

/* Makes room for @n_nodes more nodes with @n_inputs inputs and @n_dims
 * dims in all, so that a reader that knows its counts grows each array
 * once (after lir_limits_reserve () said the memory is there). */
void
lir_graph_reserve (LirGraph *graph, guint n_nodes, guint n_inputs, guint n_dims)
{
  GArray *arrays[] = { graph->nodes, graph->order, graph->inputs, graph->dims };
  guint more[] = { n_nodes, n_nodes, n_inputs, n_dims };

  for (guint i = 0; i < G_N_ELEMENTS (arrays); i++)
    {
      guint len = arrays[i]->len;

      g_array_set_size (arrays[i], len + more[i]);
      g_array_set_size (arrays[i], len);
    }
}

/* No change after this: lir_module_new () seals the graph it holds. */
void
lir_graph_seal (LirGraph *graph)
{
  graph->sealed = TRUE;
}

/**
 * lir_graph_ref: (skip)
 * @graph: a graph
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @graph
 */
LirGraph *
lir_graph_ref (LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_atomic_int_inc (&graph->ref_count);
  return graph;
}

/**
 * lir_graph_unref: (skip)
 * @graph: (transfer full): a graph
 *
 * Drops a reference; the last one frees the graph.
 */
void
lir_graph_unref (LirGraph *graph)
{
  g_return_if_fail (graph != NULL);
  if (!g_atomic_int_dec_and_test (&graph->ref_count))
    return;
  g_free (graph->name);
  g_string_chunk_free (graph->strings);
  g_array_unref (graph->nodes);
  g_array_unref (graph->inputs);
  g_array_unref (graph->dims);
  g_array_unref (graph->order);
  g_array_unref (graph->outputs);
  g_ptr_array_unref (graph->symbol_names);
  g_array_unref (graph->symbol_defaults);
  g_free (graph);
}

/**
 * lir_graph_get_name:
 * @graph: a graph
 *
 * The name the graph's file or builder gave it.
 *
 * Returns: (transfer none): the graph's name
 */
const char *
lir_graph_get_name (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, NULL);

  return graph->name;
}

/**
 * lir_graph_get_n_nodes:
 * @graph: a graph
 *
 * How many nodes the graph has.
 *
 * Returns: the number of nodes; ids run from 0 to this minus one
 */
guint
lir_graph_get_n_nodes (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);

  return graph->nodes->len;
}

static const char *
intern (LirGraph *graph, const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (graph->strings, text) : NULL;
}

/**
 * lir_graph_add_symbol:
 * @graph: a graph
 * @name: the symbol's name (`seq`)
 * @default_value: its default binding, or %LIR_NO_VALUE
 *
 * Adds a symbolic dim, or returns the existing one of that name (whose
 * default is replaced when @default_value is not %LIR_NO_VALUE).
 *
 * Returns: the symbol's index
 */
guint32
lir_graph_add_symbol (LirGraph *graph, const char *name, guint64 default_value)
{
  g_return_val_if_fail (graph != NULL && !graph->sealed, 0);
  g_return_val_if_fail (valid_name (name, FALSE), 0);

  guint32 symbol;

  g_return_val_if_fail (name != NULL, 0);

  if (lir_graph_lookup_symbol (graph, name, &symbol))
    {
      if (default_value != LIR_NO_VALUE)
        g_array_index (graph->symbol_defaults, guint64, symbol) = default_value;
      return symbol;
    }
  g_ptr_array_add (graph->symbol_names, (gpointer)intern (graph, name));
  g_array_append_val (graph->symbol_defaults, default_value);
  return graph->symbol_names->len - 1;
}

/**
 * lir_graph_get_n_symbols:
 * @graph: a graph
 *
 * How many symbolic dims the graph declares.
 *
 * Returns: the number of symbolic dims
 */
guint
lir_graph_get_n_symbols (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);

  return graph->symbol_names->len;
}

/**
 * lir_graph_get_symbol_name:
 * @graph: a graph
 * @symbol: a symbol index
 *
 * The name of one of the graph's symbolic dims.
 *
 * Returns: (transfer none): the symbol's name
 */
const char *
lir_graph_get_symbol_name (const LirGraph *graph, guint32 symbol)
{
  g_return_val_if_fail (graph != NULL, NULL);
  g_return_val_if_fail (symbol < graph->symbol_names->len, NULL);
  return g_ptr_array_index (graph->symbol_names, symbol);
}

/**
 * lir_graph_get_symbol_default:
 * @graph: a graph
 * @symbol: a symbol index
 *
 * The value a symbolic dim takes when a plan does not bind it.
 *
 * Returns: the default binding, or %LIR_NO_VALUE
 */
guint64
lir_graph_get_symbol_default (const LirGraph *graph, guint32 symbol)
{
  g_return_val_if_fail (graph != NULL, LIR_NO_VALUE);
  g_return_val_if_fail (symbol < graph->symbol_defaults->len, LIR_NO_VALUE);
  return g_array_index (graph->symbol_defaults, guint64, symbol);
}

/**
 * lir_graph_lookup_symbol:
 * @graph: a graph
 * @name: a symbol name
 * @out_symbol: (out) (optional): its index
 *
 * Finds a symbolic dim by name.
 *
 * Returns: %TRUE if the graph has a symbol named @name
 */
gboolean
lir_graph_lookup_symbol (const LirGraph *graph, const char *name, guint32 *out_symbol)
{
  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < graph->symbol_names->len; i++)
    {
      if (strcmp (g_ptr_array_index (graph->symbol_names, i), name) == 0)
        {
          if (out_symbol != NULL)
            *out_symbol = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * lir_graph_add_node:
 * @graph: a graph, not in a module yet
 * @kind: the op kind
 * @op_name: (nullable): the op's name; required for %LIR_OP_OPAQUE,
 *   otherwise the kind's name is used
 * @name: (nullable): the node's name
 * @inputs: (array length=n_inputs) (nullable): input node ids
 * @n_inputs: number of inputs
 * @shape: the output shape
 * @attrs: (nullable): the op's attributes as the text of a JSON object
 *
 * Appends a node. Names must be valid UTF-8 of at most
 * %LIR_MAX_NAME_LENGTH bytes; @attrs is stored in canonical form (keys
 * sorted, no spaces), the form documents hold it in. Whether the inputs
 * exist and the shapes agree is checked by lir_graph_validate ().
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_node (LirGraph *graph,
                    LirOpKind kind,
                    const char *op_name,
                    const char *name,
                    const guint32 *inputs,
                    guint n_inputs,
                    const LirShape *shape,
                    const char *attrs)
{
  LirNode node = { 0 };
  g_autofree char *canonical = NULL;
  guint32 id;

  g_return_val_if_fail (graph != NULL && !graph->sealed, LIR_NO_NODE);
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, LIR_NO_NODE);
  g_return_val_if_fail (kind != LIR_OP_OPAQUE || op_name != NULL, LIR_NO_NODE);
  g_return_val_if_fail (valid_name (op_name, FALSE) && valid_name (name, TRUE), LIR_NO_NODE);
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, LIR_NO_NODE);
  g_return_val_if_fail (n_inputs <= LIR_MAX_INPUTS_PER_NODE, LIR_NO_NODE);
  g_return_val_if_fail (shape != NULL && shape->n_dims <= LIR_MAX_DIMS && shape->dtype < LIR_N_DTYPES,
                        LIR_NO_NODE);
  g_return_val_if_fail (graph->nodes->len < LIR_MAX_NODES, LIR_NO_NODE);
  g_return_val_if_fail (attrs == NULL || (canonical = canonical_attrs (attrs)) != NULL, LIR_NO_NODE);

  id = graph->nodes->len;
  node.kind = kind;
  node.op_name = intern (graph, kind == LIR_OP_OPAQUE ? op_name : lir_op_kind_to_string (kind));
  node.name = intern (graph, name);
  node.attrs = intern (graph, canonical);
  node.first_input = graph->inputs->len;
  node.n_inputs = n_inputs;
  node.first_dim = graph->dims->len;
  node.n_dims = shape->n_dims;
  node.dtype = shape->dtype;
  node.cast_to = shape->dtype;
  node.alias_of = LIR_NO_NODE;
  node.result_of = LIR_NO_NODE;
  if (n_inputs > 0)
    g_array_append_vals (graph->inputs, inputs, n_inputs);
  if (shape->n_dims > 0)
    g_array_append_vals (graph->dims, shape->dims, shape->n_dims);
  g_array_append_val (graph->nodes, node);
  g_array_append_val (graph->order, id);
  return id;
}

static LirNode *
node_mut (LirGraph *graph, guint32 id)
{
  return &g_array_index (graph->nodes, LirNode, id);
}

/**
 * lir_graph_set_node_cast_to:
 * @graph: a graph
 * @node: a cast node
 * @to: the target dtype
 *
 * Sets the dtype a cast node converts to; lir_graph_add_cast () sets it.
 */
void
lir_graph_set_node_cast_to (LirGraph *graph, guint32 node, LirDType to)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len && to < LIR_N_DTYPES);
  node_mut (graph, node)->cast_to = to;
}

/**
 * lir_graph_set_node_narrow:
 * @graph: a graph
 * @node: a narrow node
 * @axis: the narrowed axis
 * @start: first index kept
 * @len: number of indices kept
 *
 * Sets the slice a narrow node keeps; lir_graph_add_narrow () sets it.
 */
void
lir_graph_set_node_narrow (LirGraph *graph, guint32 node, guint32 axis, guint64 start, guint64 len)
{
  LirNode *n;

  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  n = node_mut (graph, node);
  n->narrow_axis = axis;
  n->narrow_start = start;
  n->narrow_len = len;
}

/**
 * lir_alias_kind_to_string:
 * @kind: an alias kind
 *
 * Names an alias kind as graph documents write it.
 *
 * Returns: (transfer none): `view`, `inplace`, or "" for %LIR_ALIAS_NONE:
 *   the spelling of graph documents
 */
const char *
lir_alias_kind_to_string (LirAliasKind kind)
{
  g_return_val_if_fail (kind <= LIR_ALIAS_INPLACE, "");

  switch (kind)
    {
    case LIR_ALIAS_VIEW:
      return "view";
    case LIR_ALIAS_INPLACE:
      return "inplace";
    case LIR_ALIAS_NONE:
    default:
      return "";
    }
}

/**
 * lir_alias_kind_from_string:
 * @text: `view` or `inplace`
 * @out_kind: (out): the kind
 *
 * Reads an alias kind as graph documents write it.
 *
 * Returns: %FALSE if @text names no alias kind
 */
gboolean
lir_alias_kind_from_string (const char *text, LirAliasKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);

  if (g_strcmp0 (text, "view") == 0)
    *out_kind = LIR_ALIAS_VIEW;
  else if (g_strcmp0 (text, "inplace") == 0)
    *out_kind = LIR_ALIAS_INPLACE;
  else
    return FALSE;
  return TRUE;
}

/**
 * lir_graph_set_node_alias:
 * @graph: a graph
 * @node: the node whose result is an alias
 * @of: the node whose bytes it lives in, or %LIR_NO_NODE with
 *   %LIR_ALIAS_NONE to clear
 * @byte_offset: where it starts inside @of's bytes
 * @kind: a view or an in-place write
 *
 * Declares that @node's result lives in @of's bytes at @byte_offset, as a
 * PyTorch view or in-place op does. lir_graph_validate() checks that @of is
 * one of @node's inputs (or an input of a tuple it takes a result from).
 */
void
lir_graph_set_node_alias (LirGraph *graph, guint32 node, guint32 of, guint64 byte_offset,
                          LirAliasKind kind)
{
  LirNode *n;

  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len && kind <= LIR_ALIAS_INPLACE);
  n = node_mut (graph, node);
  n->alias_kind = kind;
  n->alias_of = kind == LIR_ALIAS_NONE ? LIR_NO_NODE : of;
  n->alias_offset = kind == LIR_ALIAS_NONE ? 0 : byte_offset;
}

/**
 * lir_graph_set_node_has_buffer:
 * @graph: a graph
 * @node: a node
 * @has_buffer: %FALSE for a node whose value is not a tensor (a size, a
 *   tuple): it is a schedule step but never gets arena bytes
 *
 * Whether @node's result takes bytes. Nodes have a buffer by default.
 */
void
lir_graph_set_node_has_buffer (LirGraph *graph, guint32 node, gboolean has_buffer)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  node_mut (graph, node)->no_buffer = !has_buffer;
}

/**
 * lir_graph_set_node_result_of:
 * @graph: a graph
 * @node: a node that takes one result out of a tuple (`getitem`)
 * @producer: the bufferless node that returns the tuple, one of @node's
 *   inputs, or %LIR_NO_NODE to clear
 *
 * Declares that @node's buffer is a result @producer returns fresh: @node
 * owns it, and it is live from @producer's step, where it was written.
 */
void
lir_graph_set_node_result_of (LirGraph *graph, guint32 node, guint32 producer)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  node_mut (graph, node)->result_of = producer;
}

/**
 * lir_graph_set_outputs:
 * @graph: a graph
 * @outputs: (array length=n_outputs): output node ids
 * @n_outputs: number of outputs
 *
 * Sets the graph's outputs, which live to the end of the run.
 */
void
lir_graph_set_outputs (LirGraph *graph, const guint32 *outputs, guint n_outputs)
{
  g_return_if_fail (graph != NULL && !graph->sealed);
  g_return_if_fail (outputs != NULL || n_outputs == 0);

  g_array_set_size (graph->outputs, 0);
  if (n_outputs > 0)
    g_array_append_vals (graph->outputs, outputs, n_outputs);
}

/**
 * lir_graph_set_order:
 * @graph: a graph
 * @order: (array length=n_order): every node id once, in file order
 * @n_order: must equal the number of nodes
 * @error: return location for a #GError
 *
 * Records the order in which the nodes were written, which the scheduler
 * keeps when it is topological.
 *
 * Returns: %TRUE if @order is a permutation of the node ids
 */
gboolean
lir_graph_set_order (LirGraph *graph, const guint32 *order, guint n_order, GError **error)
{
  g_return_val_if_fail (graph != NULL && !graph->sealed, FALSE);
  g_return_val_if_fail (order != NULL || n_order == 0, FALSE);

  g_autofree guint8 *seen = NULL;

  if (n_order != graph->nodes->len)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "order lists %u nodes, the graph has %u", n_order, graph->nodes->len);
      return FALSE;
    }
  seen = g_malloc0 (n_order + 1);
  for (guint i = 0; i < n_order; i++)
    {
      if (order[i] >= n_order || seen[order[i]])
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                       "order[%u]: node %u is out of range or repeated", i, order[i]);
          return FALSE;
        }
      seen[order[i]] = 1;
    }
  g_array_set_size (graph->order, 0);
  g_array_append_vals (graph->order, order, n_order);
  return TRUE;
}

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
 * @axis: the axis
 * @start: the first index kept
 * @len: how many indices are kept
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

  g_autofree char *attrs = g_strdup_printf ("{\"axis\":%u,\"len\":%" G_GUINT64_FORMAT
                                            ",\"start\":%" G_GUINT64_FORMAT "}",
                                            axis, len, start);
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

  return lir_graph_add_node (graph, lir_op_kind_from_string (op_name), op_name, NULL,
                             inputs, n_inputs, shape, NULL);
}

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
 * lir_graph_set_node_op_label:
 * @graph: a graph
 * @node: a node id
 * @label: (nullable): the display label, %NULL for the op name
 * @family: (nullable): the colour family, %NULL for the op name
 *
 * Sets what people read for a node's op and what colouring by op groups it
 * with (readers set them from payloads).
 */
void
lir_graph_set_node_op_label (LirGraph *graph, guint32 node, const char *label, const char *family)
{
  g_return_if_fail (valid_name (label, FALSE) && valid_name (family, FALSE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  node_mut (graph, node)->op_label = intern (graph, label);
  node_mut (graph, node)->op_family = intern (graph, family);
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
 * lir_graph_set_node_origin:
 * @graph: a graph, not in a module yet
 * @node: a node id
 * @origin: (nullable): the pass
 *
 * Sets the compiler pass that made a node.
 */
void
lir_graph_set_node_origin (LirGraph *graph, guint32 node, const char *origin)
{
  g_return_if_fail (valid_name (origin, FALSE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  node_mut (graph, node)->origin = intern (graph, origin);
}

/**
 * lir_graph_set_node_name:
 * @graph: a graph, not in a module yet
 * @node: a node id
 * @name: (nullable): the name
 *
 * Names a node, or takes its name away.
 */
void
lir_graph_set_node_name (LirGraph *graph, guint32 node, const char *name)
{
  g_return_if_fail (valid_name (name, TRUE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  node_mut (graph, node)->name = intern (graph, name);
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
    memcpy (out_shape->dims, &g_array_index (graph->dims, LirDim, n->first_dim),
            n->n_dims * sizeof (LirDim));
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
lir_graph_get_node_narrow (const LirGraph *graph, guint32 node, guint32 *axis, guint64 *start,
                       guint64 *len)
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

LIR_DEFINE_BOXED_TYPE (LirGraph, lir_graph, lir_graph_ref, lir_graph_unref)
