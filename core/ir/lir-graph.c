/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph.c: graph storage and its mutators; lir-graph-build.c adds the
 * typed builders, lir-graph-nodes.c the accessors, lir-graph-check.c the
 * validation.
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
gboolean
lir_graph_valid_name (const char *name, gboolean may_be_empty)
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

/* The readers' limits on a dim: a graph holds nothing its file cannot. */
static gboolean
dims_fit (const LirGraph *graph, const LirShape *shape)
{
  for (guint d = 0; d < shape->n_dims; d++)
    {
      const LirDim *dim = &shape->dims[d];

      if (dim->symbol == LIR_DIM_STATIC ? dim->size > LIR_MAX_BYTES : dim->symbol >= graph->symbol_names->len)
        return FALSE;
    }
  return TRUE;
}

/* An input may be a node added later (lir_graph_validate () checks the
 * ids), but not the "no node" marker, which no file can hold. */
static gboolean
inputs_fit (const guint32 *inputs, guint n_inputs)
{
  for (guint i = 0; i < n_inputs; i++)
    if (inputs[i] == LIR_NO_NODE)
      return FALSE;
  return TRUE;
}

/* The unsigned integer @key of @object holds, if it is one up to @max. */
static gboolean
attr_u64 (const LirJsonValue *object, const char *key, guint64 max, guint64 *out)
{
  const LirJsonValue *value = lir_json_get (object, key);

  if (value == NULL || value->type != LIR_JSON_INTEGER || value->v.integer < 0
      || (guint64)value->v.integer > max)
    return FALSE;
  *out = (guint64)value->v.integer;
  return TRUE;
}

/* Whether a cast or narrow node's attributes say what its typed fields
 * say; if @adopt, the fields first take what valid attributes say. */
static gboolean
typed_attrs_agree (LirNode *n, const LirJsonValue *attrs, gboolean adopt)
{
  if (n->kind == LIR_OP_CAST)
    {
      const LirJsonValue *to = attrs != NULL ? lir_json_get (attrs, "to") : NULL;
      LirDType dtype;

      if (to == NULL || to->type != LIR_JSON_STRING || !lir_dtype_from_string (to->v.string, &dtype))
        return FALSE;
      if (adopt)
        n->cast_to = dtype;
      return n->cast_to == dtype;
    }
  else
    {
      guint64 axis, start, len;

      if (attrs == NULL || !attr_u64 (attrs, "axis", LIR_MAX_DIMS, &axis)
          || !attr_u64 (attrs, "start", LIR_MAX_BYTES, &start)
          || !attr_u64 (attrs, "len", LIR_MAX_BYTES, &len))
        return FALSE;
      if (adopt)
        {
          n->narrow_axis = (guint32)axis;
          n->narrow_start = start;
          n->narrow_len = len;
        }
      return n->narrow_axis == axis && n->narrow_start == start && n->narrow_len == len;
    }
}

/* A file holds a cast's target and a narrow's slice in the node's
 * attributes, so the attributes must say what the typed fields say: where
 * they do not, the fields are written into them (last, so they win over a
 * stale copy). Attributes that already agree are kept as they are, in the
 * spelling their file used. */
static void
sync_typed_attrs (LirGraph *graph, guint32 id, gboolean adopt)
{
  LirNode *n = lir_graph_node_mut (graph, id);
  g_autoptr (LirJsonDoc) doc = NULL;
  g_autoptr (GString) text = NULL;
  g_autofree char *canonical = NULL;

  if (n->kind != LIR_OP_CAST && n->kind != LIR_OP_NARROW)
    return;
  if (n->attrs != NULL)
    doc = lir_json_parse (n->attrs, strlen (n->attrs), NULL);
  if (typed_attrs_agree (n, doc != NULL ? lir_json_doc_get_root (doc) : NULL, adopt))
    return;
  text = g_string_new (n->attrs != NULL ? n->attrs : "{}");
  g_string_truncate (text, text->len - 1);
  if (text->len > 1)
    g_string_append_c (text, ',');
  if (n->kind == LIR_OP_CAST)
    g_string_append_printf (text, "\"to\":\"%s\"}", lir_dtype_to_string (n->cast_to));
  else
    g_string_append_printf (text,
                            "\"axis\":%u,\"len\":%" G_GUINT64_FORMAT ",\"start\":%" G_GUINT64_FORMAT "}",
                            n->narrow_axis, n->narrow_len, n->narrow_start);
  canonical = canonical_attrs (text->str);
  n->attrs = lir_graph_intern (graph, canonical);
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
  g_return_val_if_fail (name == NULL || lir_graph_valid_name (name, TRUE), NULL);

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
  if (graph->rlx_key != NULL)
    g_free (graph->rlx_key->missing);
  g_free (graph->rlx_key);
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

const char *
lir_graph_intern (LirGraph *graph, const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (graph->strings, text) : NULL;
}

/**
 * lir_graph_add_symbol:
 * @graph: a graph
 * @name: the symbol's name (`seq`)
 * @default_value: its default binding (at most %LIR_MAX_BYTES), or
 *   %LIR_NO_VALUE
 *
 * Adds a symbolic dim, or returns the existing one of that name (whose
 * default is replaced when @default_value is not %LIR_NO_VALUE). A graph
 * has at most %LIR_MAX_SYMBOLS.
 *
 * Returns: the symbol's index
 */
guint32
lir_graph_add_symbol (LirGraph *graph, const char *name, guint64 default_value)
{
  g_return_val_if_fail (graph != NULL && !graph->sealed, 0);
  g_return_val_if_fail (name != NULL && lir_graph_valid_name (name, FALSE), 0);
  g_return_val_if_fail (default_value <= LIR_MAX_BYTES || default_value == LIR_NO_VALUE, 0);

  guint32 symbol;

  if (lir_graph_lookup_symbol (graph, name, &symbol))
    {
      if (default_value != LIR_NO_VALUE)
        g_array_index (graph->symbol_defaults, guint64, symbol) = default_value;
      return symbol;
    }
  g_return_val_if_fail (graph->symbol_names->len < LIR_MAX_SYMBOLS, 0);
  g_ptr_array_add (graph->symbol_names, (gpointer)lir_graph_intern (graph, name));
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
 * @shape: the output shape: static dims of at most %LIR_MAX_BYTES, symbolic
 *   dims of symbols the graph has
 * @attrs: (nullable): the op's attributes as the text of a JSON object
 *
 * Appends a node. Names must be valid UTF-8 of at most
 * %LIR_MAX_NAME_LENGTH bytes; @attrs is stored in canonical form (keys
 * sorted, no spaces), the form documents hold it in. Whether the inputs
 * exist and the shapes agree is checked by lir_graph_validate (); an
 * input may not be %LIR_NO_NODE. A cast takes its target, and a narrow its
 * slice, from @attrs when they hold valid ones; the attributes then always
 * hold them, as files do.
 *
 * Returns: the new node's id, or %LIR_NO_NODE when an argument is wrong
 */
guint32
lir_graph_add_node (LirGraph *graph, LirOpKind kind, const char *op_name, const char *name,
                    const guint32 *inputs, guint n_inputs, const LirShape *shape, const char *attrs)
{
  LirNode node = { 0 };
  g_autofree char *canonical = NULL;
  guint32 id;

  g_return_val_if_fail (graph != NULL && !graph->sealed, LIR_NO_NODE);
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, LIR_NO_NODE);
  g_return_val_if_fail (kind != LIR_OP_OPAQUE || op_name != NULL, LIR_NO_NODE);
  g_return_val_if_fail (lir_graph_valid_name (op_name, FALSE) && lir_graph_valid_name (name, TRUE),
                        LIR_NO_NODE);
  g_return_val_if_fail (inputs != NULL || n_inputs == 0, LIR_NO_NODE);
  g_return_val_if_fail (n_inputs <= LIR_MAX_INPUTS_PER_NODE, LIR_NO_NODE);
  g_return_val_if_fail (shape != NULL && shape->n_dims <= LIR_MAX_DIMS && shape->dtype < LIR_N_DTYPES,
                        LIR_NO_NODE);
  g_return_val_if_fail (dims_fit (graph, shape), LIR_NO_NODE);
  g_return_val_if_fail (inputs_fit (inputs, n_inputs), LIR_NO_NODE);
  g_return_val_if_fail (graph->nodes->len < LIR_MAX_NODES, LIR_NO_NODE);
  g_return_val_if_fail (attrs == NULL || (canonical = canonical_attrs (attrs)) != NULL, LIR_NO_NODE);

  id = graph->nodes->len;
  node.kind = kind;
  node.op_name = lir_graph_intern (graph, kind == LIR_OP_OPAQUE ? op_name : lir_op_kind_to_string (kind));
  node.name = lir_graph_intern (graph, name);
  node.attrs = lir_graph_intern (graph, canonical);
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
  sync_typed_attrs (graph, id, TRUE);
  return id;
}

LirNode *
lir_graph_node_mut (LirGraph *graph, guint32 id)
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
 * The node's attributes are brought in line.
 */
void
lir_graph_set_node_cast_to (LirGraph *graph, guint32 node, LirDType to)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len && to < LIR_N_DTYPES);
  lir_graph_node_mut (graph, node)->cast_to = to;
  sync_typed_attrs (graph, node, FALSE);
}

/**
 * lir_graph_set_node_narrow:
 * @graph: a graph
 * @node: a narrow node
 * @axis: the narrowed axis, at most %LIR_MAX_DIMS
 * @start: first index kept, at most %LIR_MAX_BYTES
 * @len: number of indices kept, at most %LIR_MAX_BYTES
 *
 * Sets the slice a narrow node keeps; lir_graph_add_narrow () sets it. The
 * limits are the readers': a graph holds nothing its file cannot. The
 * node's attributes are brought in line.
 */
void
lir_graph_set_node_narrow (LirGraph *graph, guint32 node, guint32 axis, guint64 start, guint64 len)
{
  LirNode *n;

  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  g_return_if_fail (axis <= LIR_MAX_DIMS && start <= LIR_MAX_BYTES && len <= LIR_MAX_BYTES);
  n = lir_graph_node_mut (graph, node);
  n->narrow_axis = axis;
  n->narrow_start = start;
  n->narrow_len = len;
  sync_typed_attrs (graph, node, FALSE);
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
lir_graph_set_node_alias (LirGraph *graph, guint32 node, guint32 of, guint64 byte_offset, LirAliasKind kind)
{
  LirNode *n;

  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len && kind <= LIR_ALIAS_INPLACE);
  g_return_if_fail (kind == LIR_ALIAS_NONE || (of != LIR_NO_NODE && byte_offset <= LIR_MAX_BYTES));
  n = lir_graph_node_mut (graph, node);
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
  lir_graph_node_mut (graph, node)->no_buffer = !has_buffer;
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
  lir_graph_node_mut (graph, node)->result_of = producer;
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
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "order lists %u nodes, the graph has %u", n_order,
                   graph->nodes->len);
      return FALSE;
    }
  seen = g_malloc0 (n_order + 1);
  for (guint i = 0; i < n_order; i++)
    {
      if (order[i] >= n_order || seen[order[i]])
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "order[%u]: node %u is out of range or repeated",
                       i, order[i]);
          return FALSE;
        }
      seen[order[i]] = 1;
    }
  g_array_set_size (graph->order, 0);
  g_array_append_vals (graph->order, order, n_order);
  return TRUE;
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
  g_return_if_fail (lir_graph_valid_name (label, FALSE) && lir_graph_valid_name (family, FALSE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  lir_graph_node_mut (graph, node)->op_label = lir_graph_intern (graph, label);
  lir_graph_node_mut (graph, node)->op_family = lir_graph_intern (graph, family);
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
  g_return_if_fail (lir_graph_valid_name (origin, FALSE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  lir_graph_node_mut (graph, node)->origin = lir_graph_intern (graph, origin);
}

/**
 * lir_graph_set_node_category:
 * @graph: a graph, not in a module yet
 * @node: a node id
 * @category: what the node's bytes are for
 * @saved: whether the backward pass reads it (activations only)
 *
 * Sets a node's category; the planner does not look at it, the fingerprint
 * covers it once set.
 */
void
lir_graph_set_node_category (LirGraph *graph, guint32 node, LirCategory category, gboolean saved)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  g_return_if_fail (category < LIR_N_CATEGORIES);
  g_return_if_fail (!saved || category == LIR_CATEGORY_ACTIVATION);
  lir_graph_node_mut (graph, node)->category = (guint8)category;
  lir_graph_node_mut (graph, node)->saved = saved != FALSE;
}

/**
 * lir_graph_set_node_region:
 * @graph: a graph, not in a module yet
 * @node: a node id
 * @region: the part of the step it runs in
 *
 * Sets the region (forward, backward, optimizer) a node runs in.
 */
void
lir_graph_set_node_region (LirGraph *graph, guint32 node, LirRegion region)
{
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  g_return_if_fail (region < LIR_N_REGIONS);
  lir_graph_node_mut (graph, node)->region = (guint8)region;
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
  g_return_if_fail (lir_graph_valid_name (name, TRUE));
  g_return_if_fail (graph != NULL && !graph->sealed && node < graph->nodes->len);
  lir_graph_node_mut (graph, node)->name = lir_graph_intern (graph, name);
}

/* Takes @key: RLX's cache key of the document the graph was read from. */
void
lir_graph_set_rlx_key (LirGraph *graph, LirRlxKey *key)
{
  g_return_if_fail (graph != NULL && !graph->sealed && graph->rlx_key == NULL);
  graph->rlx_key = key;
}

/* Returns: (nullable): RLX's cache key, if the graph was read from RLX's LIR JSON */
const LirRlxKey *
lir_graph_get_rlx_key (const LirGraph *graph)
{
  return graph->rlx_key;
}

LIR_DEFINE_BOXED_TYPE (LirGraph, lir_graph, lir_graph_ref, lir_graph_unref)
