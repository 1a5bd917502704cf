/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-graph.c: reads the graph of a Lirscope document: symbols, nodes
 * (ids in any order), shapes, attributes, aliases, outputs. Problems are
 * reported by JSON path ("nodes[12].inputs[1]: node 40 does not exist"). */
#include "lir-json-read-private.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"

#include <string.h>

/* Memory a node costs once read: graph, plan and the reader's tables. */
#define BYTES_PER_NODE 512

typedef struct
{
  const LirJsonValue *object;
  guint64 id;
} FileNode;

static gboolean
read_shape (LirGraph *graph, const LirJsonValue *node, LirShape *shape, LirJsonPath *path, GError **error)
{
  const LirJsonValue *object = lir_json_to_object (node, path, error);
  const LirJsonValue *dtype_node, *dims_node;
  const LirJsonValue *dims;
  const char *dtype_name;
  gsize mark, mark2;

  if (object == NULL)
    return FALSE;
  if ((dtype_node = lir_json_member (object, "dtype", TRUE, path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (path, "dtype", &mark);
  if ((dtype_name = lir_json_to_string (dtype_node, path, error)) == NULL)
    return FALSE;
  if (!lir_dtype_from_string (dtype_name, &shape->dtype))
    {
      lir_json_error (error, path, "unknown dtype \"%s\"", dtype_name);
      return FALSE;
    }
  lir_json_path_pop (path, mark);

  if ((dims_node = lir_json_member (object, "dims", TRUE, path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (path, "dims", &mark);
  if ((dims = lir_json_to_array (dims_node, path, error)) == NULL)
    return FALSE;
  if (dims->length > LIR_MAX_DIMS)
    {
      lir_json_error (error, path, "%u dims, more than the limit of %u", dims->length, LIR_MAX_DIMS);
      return FALSE;
    }
  shape->n_dims = dims->length;
  LIR_JSON_FOREACH (dim, i, dims)
  {
    lir_json_path_push_index (path, i, &mark2);
    if (dim->type == LIR_JSON_STRING)
      {
        const char *symbol = dim->v.string;
        guint32 index;
        if (!lir_graph_lookup_symbol (graph, symbol, &index))
          {
            lir_json_error (error, path, "unknown symbol \"%s\" (declare it in \"symbols\")", symbol);
            return FALSE;
          }
        shape->dims[i] = lir_dim_symbol (index);
      }
    else
      {
        guint64 size;
        if (!lir_json_to_u64 (dim, LIR_MAX_BYTES, &size, path, error))
          {
            g_prefix_error (error, "dims are integers or symbol names; ");
            return FALSE;
          }
        shape->dims[i] = lir_dim_static (size);
      }
    lir_json_path_pop (path, mark2);
  }
  lir_json_path_pop (path, mark);
  return TRUE;
}

/* Parses the typed fields of cast and narrow out of their attributes. */
static gboolean
read_op_params (LirGraph *graph, guint32 id, LirOpKind kind, const LirJsonValue *attrs, LirJsonPath *path,
                GError **error)
{
  gsize mark;

  if (kind != LIR_OP_CAST && kind != LIR_OP_NARROW)
    return TRUE;
  if (attrs == NULL)
    {
      lir_json_error (error, path, "missing field \"attrs\" (%s needs %s)", lir_op_kind_to_string (kind),
                      kind == LIR_OP_CAST ? "\"to\"" : "\"axis\", \"start\" and \"len\"");
      return FALSE;
    }
  lir_json_path_push_key (path, "attrs", &mark);
  if (kind == LIR_OP_CAST)
    {
      const LirJsonValue *to = lir_json_member (attrs, "to", TRUE, path, error);
      const char *name;
      LirDType dtype;
      gsize mark2;

      if (to == NULL)
        return FALSE;
      lir_json_path_push_key (path, "to", &mark2);
      if ((name = lir_json_to_string (to, path, error)) == NULL)
        return FALSE;
      if (!lir_dtype_from_string (name, &dtype))
        {
          lir_json_error (error, path, "unknown dtype \"%s\"", name);
          return FALSE;
        }
      lir_json_path_pop (path, mark2);
      lir_graph_set_node_cast_to (graph, id, dtype);
    }
  else
    {
      guint64 axis, start, len;
      if (!lir_json_get_u64 (attrs, "axis", LIR_MAX_DIMS, &axis, path, error)
          || !lir_json_get_u64 (attrs, "start", LIR_MAX_BYTES, &start, path, error)
          || !lir_json_get_u64 (attrs, "len", LIR_MAX_BYTES, &len, path, error))
        return FALSE;
      lir_graph_set_node_narrow (graph, id, (guint32)axis, start, len);
    }
  lir_json_path_pop (path, mark);
  return TRUE;
}

/* A training step's "category" (with "saved" on activations) and "region":
 * display and reports only, so they are read after the node exists. */
static gboolean
read_training (LirGraph *graph, guint32 id, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  const LirJsonValue *category_node = lir_json_get (object, "category");
  const LirJsonValue *saved_node = lir_json_get (object, "saved");
  const LirJsonValue *region_node = lir_json_get (object, "region");
  LirCategory category = LIR_CATEGORY_NONE;
  LirRegion region = LIR_REGION_NONE;
  gboolean saved = FALSE;
  gsize mark;

  if (!lir_json_is_null (category_node))
    {
      const char *text;

      lir_json_path_push_key (path, "category", &mark);
      if ((text = lir_json_read_name (category_node, FALSE, path, error)) == NULL)
        return FALSE;
      if (!lir_category_from_string (text, &category))
        {
          lir_json_error (error, path,
                          "unknown category \"%s\": expected input, parameter, optimizer_state, activation, "
                          "gradient, autograd_detail, temporary or none",
                          text);
          return FALSE;
        }
      lir_json_path_pop (path, mark);
    }
  if (!lir_json_is_null (saved_node))
    {
      lir_json_path_push_key (path, "saved", &mark);
      if (saved_node->type != LIR_JSON_BOOLEAN)
        {
          lir_json_error (error, path, "expected true or false, found %s",
                          saved_node->type == LIR_JSON_STRING ? "a string" : "another value");
          return FALSE;
        }
      saved = saved_node->v.boolean;
      if (saved && category != LIR_CATEGORY_ACTIVATION)
        {
          lir_json_error (error, path, "only an activation is saved for the backward pass, this node is %s",
                          category == LIR_CATEGORY_NONE ? "without a category"
                                                        : lir_category_to_string (category));
          return FALSE;
        }
      lir_json_path_pop (path, mark);
    }
  if (!lir_json_is_null (region_node))
    {
      const char *text;

      lir_json_path_push_key (path, "region", &mark);
      if ((text = lir_json_read_name (region_node, FALSE, path, error)) == NULL)
        return FALSE;
      if (!lir_region_from_string (text, &region))
        {
          lir_json_error (error, path, "unknown region \"%s\": expected forward, backward, optimizer or none",
                          text);
          return FALSE;
        }
      lir_json_path_pop (path, mark);
    }
  lir_graph_set_node_category (graph, id, category, saved);
  lir_graph_set_node_region (graph, id, region);
  return TRUE;
}

/* "alias": {"of", "byte_offset", "kind"} and "result_of": where a node's
 * result lives, checked against the graph by lir_graph_validate (). */
static gboolean
read_alias (LirGraph *graph, guint32 id, const LirJsonValue *object, LirJsonPath *path, guint n_nodes,
            GError **error)
{
  const LirJsonValue *alias_node = lir_json_get (object, "alias");
  const LirJsonValue *result_node = lir_json_get (object, "result_of");
  gsize mark;

  if (!lir_json_is_null (alias_node))
    {
      const LirJsonValue *alias, *kind_node;
      const char *kind_text;
      guint64 of, byte_offset = 0;
      LirAliasKind kind;

      lir_json_path_push_key (path, "alias", &mark);
      if ((alias = lir_json_to_object (alias_node, path, error)) == NULL
          || !lir_json_get_u64 (alias, "of", G_MAXUINT32 - 1, &of, path, error))
        return FALSE;
      if (of >= n_nodes)
        {
          lir_json_error (error, path, "\"of\": node %" G_GUINT64_FORMAT " does not exist", of);
          return FALSE;
        }
      if (!lir_json_is_null (lir_json_get (alias, "byte_offset"))
          && !lir_json_get_u64 (alias, "byte_offset", LIR_MAX_BYTES, &byte_offset, path, error))
        return FALSE;
      if ((kind_node = lir_json_member (alias, "kind", TRUE, path, error)) == NULL
          || (kind_text = lir_json_to_string (kind_node, path, error)) == NULL)
        return FALSE;
      if (!lir_alias_kind_from_string (kind_text, &kind))
        {
          lir_json_error (error, path, "\"kind\" must be \"view\" or \"inplace\", not \"%s\"", kind_text);
          return FALSE;
        }
      lir_graph_set_node_alias (graph, id, (guint32)of, byte_offset, kind);
      lir_json_path_pop (path, mark);
    }
  if (!lir_json_is_null (result_node))
    {
      guint64 producer;

      lir_json_path_push_key (path, "result_of", &mark);
      if (!lir_json_to_u64 (result_node, G_MAXUINT32 - 1, &producer, path, error))
        return FALSE;
      if (producer >= n_nodes)
        {
          lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", producer);
          return FALSE;
        }
      lir_graph_set_node_result_of (graph, id, (guint32)producer);
      lir_json_path_pop (path, mark);
    }
  return TRUE;
}

static gboolean
read_node (LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, guint n_nodes, GError **error)
{
  const LirJsonValue *op_node, *name_node, *inputs_node, *shape_node, *attrs_node, *buffer_node;
  const char *op_name, *name = NULL;
  gboolean has_buffer = TRUE;
  g_autofree char *attrs_text = NULL;
  g_autofree guint32 *inputs = NULL;
  const LirJsonValue *attrs = NULL;
  guint n_inputs = 0;
  LirShape shape = { 0 };
  LirOpKind kind;
  guint32 id;
  gsize mark;

  if ((op_node = lir_json_member (object, "op", TRUE, path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (path, "op", &mark);
  if ((op_name = lir_json_read_name (op_node, FALSE, path, error)) == NULL)
    return FALSE;
  lir_json_path_pop (path, mark);
  kind = lir_op_kind_from_string (op_name);

  name_node = lir_json_get (object, "name");
  if (!lir_json_is_null (name_node))
    {
      lir_json_path_push_key (path, "name", &mark);
      if ((name = lir_json_read_name (name_node, TRUE, path, error)) == NULL)
        return FALSE;
      lir_json_path_pop (path, mark);
    }

  inputs_node = lir_json_get (object, "inputs");
  if (inputs_node != NULL)
    {
      const LirJsonValue *array;
      lir_json_path_push_key (path, "inputs", &mark);
      if ((array = lir_json_to_array (inputs_node, path, error)) == NULL)
        return FALSE;
      n_inputs = array->length;
      if (n_inputs > LIR_MAX_INPUTS_PER_NODE)
        {
          lir_json_error (error, path, "more than %u inputs", LIR_MAX_INPUTS_PER_NODE);
          return FALSE;
        }
      inputs = g_new (guint32, n_inputs + 1);
      LIR_JSON_FOREACH (element, i, array)
      {
        guint64 input;
        gsize mark2;
        lir_json_path_push_index (path, i, &mark2);
        if (!lir_json_to_u64 (element, G_MAXUINT32 - 1, &input, path, error))
          return FALSE;
        if (input >= n_nodes)
          {
            lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", input);
            return FALSE;
          }
        inputs[i] = (guint32)input;
        lir_json_path_pop (path, mark2);
      }
      lir_json_path_pop (path, mark);
    }

  buffer_node = lir_json_get (object, "buffer");
  if (!lir_json_is_null (buffer_node))
    {
      if (buffer_node->type != LIR_JSON_BOOLEAN)
        {
          lir_json_path_push_key (path, "buffer", &mark);
          lir_json_error (error, path, "expected true or false");
          return FALSE;
        }
      has_buffer = buffer_node->v.boolean;
    }

  /* A value that is no tensor needs no shape: u8[] stands in for it. */
  shape_node = lir_json_member (object, "shape", has_buffer, path, error);
  if (shape_node == NULL && has_buffer)
    return FALSE;
  shape.dtype = LIR_DTYPE_U8;
  if (shape_node != NULL)
    {
      lir_json_path_push_key (path, "shape", &mark);
      if (!read_shape (graph, shape_node, &shape, path, error))
        return FALSE;
      lir_json_path_pop (path, mark);
    }

  attrs_node = lir_json_get (object, "attrs");
  if (!lir_json_is_null (attrs_node))
    {
      lir_json_path_push_key (path, "attrs", &mark);
      if ((attrs = lir_json_to_object (attrs_node, path, error)) == NULL)
        return FALSE;
      lir_json_path_pop (path, mark);
      attrs_text = lir_json_canonical (attrs_node);
    }

  id = lir_graph_add_node (graph, kind, op_name, name, inputs, n_inputs, &shape, attrs_text);
  /* An imported RLX op keeps its label: {"value": "Add"} is the plain payload. */
  if (attrs != NULL && kind != LIR_OP_INPUT && kind != LIR_OP_PARAM && kind != LIR_OP_CONSTANT)
    {
      const LirJsonValue *value = lir_json_get (attrs, "value");
      g_autofree char *label = NULL, *family = NULL;

      lir_json_op_label (lir_graph_get_node_op_name (graph, id),
                         attrs->length == 1 && value != NULL ? value : attrs, &label, &family);
      lir_graph_set_node_op_label (graph, id, label, family);
    }
  lir_graph_set_node_has_buffer (graph, id, has_buffer);
  return read_alias (graph, id, object, path, n_nodes, error)
         && read_op_params (graph, id, kind, attrs, path, error)
         && read_training (graph, id, object, path, error);
}

static gboolean
read_symbols (LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  const LirJsonValue *node = lir_json_get (object, "symbols");
  const LirJsonValue *array;
  gsize mark, mark2, mark3;

  if (node == NULL)
    return TRUE;
  lir_json_path_push_key (path, "symbols", &mark);
  if ((array = lir_json_to_array (node, path, error)) == NULL)
    return FALSE;
  if (array->length > LIR_MAX_SYMBOLS)
    {
      lir_json_error (error, path, "more than %u symbols", LIR_MAX_SYMBOLS);
      return FALSE;
    }
  LIR_JSON_FOREACH (element, i, array)
  {
    const LirJsonValue *symbol, *name_node, *default_node;
    const char *name;
    guint64 value = LIR_NO_VALUE;

    lir_json_path_push_index (path, i, &mark2);
    if ((symbol = lir_json_to_object (element, path, error)) == NULL)
      return FALSE;
    if ((name_node = lir_json_member (symbol, "name", TRUE, path, error)) == NULL)
      return FALSE;
    lir_json_path_push_key (path, "name", &mark3);
    if ((name = lir_json_read_name (name_node, FALSE, path, error)) == NULL)
      return FALSE;
    lir_json_path_pop (path, mark3);
    if (lir_graph_lookup_symbol (graph, name, NULL))
      {
        lir_json_error (error, path, "symbol names must be unique and non-empty");
        return FALSE;
      }
    default_node = lir_json_get (symbol, "default");
    if (!lir_json_is_null (default_node)
        && !lir_json_get_u64 (symbol, "default", LIR_MAX_BYTES, &value, path, error))
      return FALSE;
    lir_graph_add_symbol (graph, name, value);
    lir_json_path_pop (path, mark2);
  }
  lir_json_path_pop (path, mark);
  return TRUE;
}

/* Reads the graph part of a document (the document itself for a graph
 * document, its "graph" member for a module). */
/**
 * lir_json_read_graph: (skip)
 * @object: a graph document, or a module document's "graph"
 * @path: where @object is, for errors
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the graph, validated, or %NULL
 */
/* Ids are dense but may come in any order: each node goes by its id into
 * @by_id, the file order into @order (what the scheduler keeps). */
static gboolean
index_nodes (const LirJsonValue *nodes, FileNode *by_id, guint32 *order, LirJsonPath *path, GError **error)
{
  guint n = nodes->length;

  LIR_JSON_FOREACH (element, i, nodes)
  {
    const LirJsonValue *node, *id_node;
    guint64 id = i;
    gsize mark;

    lir_json_path_push_index (path, i, &mark);
    if ((node = lir_json_to_object (element, path, error)) == NULL)
      return FALSE;
    id_node = lir_json_get (node, "id");
    if (id_node != NULL)
      {
        gsize mark2;

        lir_json_path_push_key (path, "id", &mark2);
        if (!lir_json_to_u64 (id_node, G_MAXUINT32, &id, path, error))
          return FALSE;
        if (id >= n)
          {
            lir_json_error (error, path, "id %" G_GUINT64_FORMAT " is not below the node count %u", id, n);
            return FALSE;
          }
        if (by_id[id].object != NULL)
          {
            lir_json_error (error, path, "id %" G_GUINT64_FORMAT " is used twice", id);
            return FALSE;
          }
        lir_json_path_pop (path, mark2);
      }
    else if (by_id[id].object != NULL)
      {
        lir_json_error (error, path, "missing field \"id\" (position %u is taken)", i);
        return FALSE;
      }
    by_id[id] = (FileNode){ node, i };
    order[i] = (guint32)id;
    lir_json_path_pop (path, mark);
  }
  return TRUE;
}

/* "outputs": node ids. */
static gboolean
read_outputs (LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  const LirJsonValue *outputs_node = lir_json_get (object, "outputs");
  const LirJsonValue *outputs;
  g_autofree guint32 *ids = NULL;
  guint n = lir_graph_get_n_nodes (graph);
  gsize mark;

  if (outputs_node == NULL)
    return TRUE;
  lir_json_path_push_key (path, "outputs", &mark);
  if ((outputs = lir_json_to_array (outputs_node, path, error)) == NULL)
    return FALSE;
  ids = g_new (guint32, outputs->length + 1);
  LIR_JSON_FOREACH (element, i, outputs)
  {
    guint64 id;
    gsize mark2;

    lir_json_path_push_index (path, i, &mark2);
    if (!lir_json_to_u64 (element, G_MAXUINT32, &id, path, error))
      return FALSE;
    if (id >= n)
      {
        lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", id);
        return FALSE;
      }
    ids[i] = (guint32)id;
    lir_json_path_pop (path, mark2);
  }
  lir_graph_set_outputs (graph, ids, outputs->length);
  lir_json_path_pop (path, mark);
  return TRUE;
}

LirGraph *
lir_json_read_graph (const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  g_autoptr (LirGraph) graph = NULL;
  const LirJsonValue *name_node, *nodes_node;
  const LirJsonValue *nodes;
  const char *name = "";
  g_autofree FileNode *by_id = NULL;
  g_autofree guint32 *order = NULL;
  guint n;
  gsize mark, mark2;

  name_node = lir_json_get (object, "name");
  if (name_node != NULL)
    {
      lir_json_path_push_key (path, "name", &mark);
      if ((name = lir_json_read_name (name_node, TRUE, path, error)) == NULL)
        return NULL;
      lir_json_path_pop (path, mark);
    }
  graph = lir_graph_new (name);
  if (!read_symbols (graph, object, path, error))
    return NULL;

  if ((nodes_node = lir_json_member (object, "nodes", TRUE, path, error)) == NULL)
    return NULL;
  lir_json_path_push_key (path, "nodes", &mark);
  if ((nodes = lir_json_to_array (nodes_node, path, error)) == NULL)
    return NULL;
  n = nodes->length;
  if (n > LIR_MAX_NODES)
    {
      lir_json_error (error, path, "%u nodes, more than the limit of %u", n, LIR_MAX_NODES);
      return NULL;
    }
  {
    g_autofree char *what = g_strdup_printf ("reading %u nodes", n);

    if (!lir_limits_reserve ((guint64)n * BYTES_PER_NODE, what, error))
      return NULL;
    lir_graph_reserve (graph, n, 0, 0);
  }
  by_id = g_new0 (FileNode, n + 1);
  order = g_new (guint32, n + 1);
  if (!index_nodes (nodes, by_id, order, path, error))
    return NULL;
  for (guint id = 0; id < n; id++)
    {
      if (by_id[id].object == NULL)
        {
          lir_json_error (error, path, "no node has id %u", id);
          return NULL;
        }
      lir_json_path_push_index (path, (guint)by_id[id].id, &mark2);
      if (!read_node (graph, by_id[id].object, path, n, error))
        return NULL;
      lir_json_path_pop (path, mark2);
    }
  lir_json_path_pop (path, mark);
  if (!lir_graph_set_order (graph, order, n, error))
    return NULL;

  if (!read_outputs (graph, object, path, error))
    return NULL;
  if (!lir_graph_validate (graph, error))
    {
      g_prefix_error (error, "%s%s", path->text->str, path->text->len > 0 ? ": " : "");
      return NULL;
    }
  return g_steal_pointer (&graph);
}
