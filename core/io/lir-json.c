/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json.c: read and write Lirscope's graph and module documents.
 *
 * Reading walks the parsed document (lir-json-private.h) and reports
 * problems by JSON path ("graph.nodes[12].inputs[1]: node 40 does not
 * exist"). Writing is a
 * hand-rolled emitter with a fixed key order and one node, slot or view
 * per line, so dumps diff well and write → read → write is byte-identical.
 */
#include "lir-json.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "lir-json-private.h"
#include "lir-rlx.h"
#include "plan/lir-analysis.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

#define GRAPH_FORMAT "lirscope-graph"
#define MODULE_FORMAT "lirscope-module"
#define FORMAT_VERSION 1

/* Memory a node costs once read: graph, plan and the reader's tables. */
#define BYTES_PER_NODE 512

typedef struct
{
  const LirJsonValue *object;
  guint64 id;
} FileNode;

/* A string member that is a name (lir_limits_check_name ()), or NULL. */
static const char *
read_name (const LirJsonValue *value, gboolean may_be_empty, LirJsonPath *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *name = lir_json_to_string (value, path, error);

  if (name != NULL && !lir_limits_check_name (name, -1, may_be_empty, &local))
    {
      g_set_error (error, LIR_ERROR, local->code, "%s: %s",
                   path->text->len > 0 ? path->text->str : "(document)", local->message);
      return NULL;
    }
  return name;
}

static gboolean
read_shape (LirGraph *graph, const LirJsonValue *node, LirShape *shape, LirJsonPath *path,
            GError **error)
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
      lir_json_error (error, path, "%u dims, more than the limit of %u",
                      dims->length, LIR_MAX_DIMS);
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
              lir_json_error (error, path, "unknown symbol \"%s\" (declare it in \"symbols\")",
                              symbol);
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
read_op_params (LirGraph *graph, guint32 id, LirOpKind kind, const LirJsonValue *attrs,
                LirJsonPath *path, GError **error)
{
  gsize mark;

  if (kind != LIR_OP_CAST && kind != LIR_OP_NARROW)
    return TRUE;
  if (attrs == NULL)
    {
      lir_json_error (error, path, "missing field \"attrs\" (%s needs %s)",
                      lir_op_kind_to_string (kind),
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
      lir_graph_set_cast_to (graph, id, dtype);
    }
  else
    {
      guint64 axis, start, len;
      if (!lir_json_get_u64 (attrs, "axis", LIR_MAX_DIMS, &axis, path, error)
          || !lir_json_get_u64 (attrs, "start", LIR_MAX_BYTES, &start, path, error)
          || !lir_json_get_u64 (attrs, "len", LIR_MAX_BYTES, &len, path, error))
        return FALSE;
      lir_graph_set_narrow (graph, id, (guint32)axis, start, len);
    }
  lir_json_path_pop (path, mark);
  return TRUE;
}

/* "alias": {"of", "byte_offset", "kind"} and "result_of": where a node's
 * result lives, checked against the graph by lir_graph_validate (). */
static gboolean
read_alias (LirGraph *graph, guint32 id, const LirJsonValue *object, LirJsonPath *path,
            guint n_nodes, GError **error)
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
          lir_json_error (error, path, "\"kind\" must be \"view\" or \"inplace\", not \"%s\"",
                          kind_text);
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
read_node (LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, guint n_nodes,
           GError **error)
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
  if ((op_name = read_name (op_node, FALSE, path, error)) == NULL)
    return FALSE;
  lir_json_path_pop (path, mark);
  kind = lir_op_kind_from_string (op_name);

  name_node = lir_json_get (object, "name");
  if (!lir_json_is_null (name_node))
    {
      lir_json_path_push_key (path, "name", &mark);
      if ((name = read_name (name_node, TRUE, path, error)) == NULL)
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
          if (!lir_json_to_u64 (element, G_MAXUINT32 - 1, &input,
                                path, error))
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

      lir_json_op_label (lir_graph_node_op_name (graph, id), attrs->length == 1 && value != NULL ? value : attrs,
                         &label, &family);
      lir_graph_set_node_op_label (graph, id, label, family);
    }
  lir_graph_set_node_has_buffer (graph, id, has_buffer);
  return read_alias (graph, id, object, path, n_nodes, error)
         && read_op_params (graph, id, kind, attrs, path, error);
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
      if ((name = read_name (name_node, FALSE, path, error)) == NULL)
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
static LirGraph *
read_graph (const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  g_autoptr (LirGraph) graph = NULL;
  const LirJsonValue *name_node, *nodes_node, *outputs_node;
  const LirJsonValue *nodes, *outputs;
  const char *name = "";
  g_autofree FileNode *by_id = NULL;
  g_autofree guint32 *order = NULL;
  guint n;
  gsize mark, mark2;

  name_node = lir_json_get (object, "name");
  if (name_node != NULL)
    {
      lir_json_path_push_key (path, "name", &mark);
      if ((name = read_name (name_node, TRUE, path, error)) == NULL)
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
  /* Ids are dense but may come in any order: place each by its id, keep
   * the file order for the scheduler. */
  by_id = g_new0 (FileNode, n + 1);
  order = g_new (guint32, n + 1);
  LIR_JSON_FOREACH (element, i, nodes)
    {
      const LirJsonValue *node, *id_node;
      guint64 id = i;

      lir_json_path_push_index (path, i, &mark2);
      if ((node = lir_json_to_object (element, path, error)) == NULL)
        return NULL;
      id_node = lir_json_get (node, "id");
      if (id_node != NULL)
        {
          gsize mark3;
          lir_json_path_push_key (path, "id", &mark3);
          if (!lir_json_to_u64 (id_node, G_MAXUINT32, &id, path, error))
            return NULL;
          if (id >= n)
            {
              lir_json_error (error, path, "id %" G_GUINT64_FORMAT " is not below the node count %u",
                              id, n);
              return NULL;
            }
          if (by_id[id].object != NULL)
            {
              lir_json_error (error, path, "id %" G_GUINT64_FORMAT " is used twice", id);
              return NULL;
            }
          lir_json_path_pop (path, mark3);
        }
      else if (by_id[id].object != NULL)
        {
          lir_json_error (error, path, "missing field \"id\" (position %u is taken)", i);
          return NULL;
        }
      by_id[id] = (FileNode){ node, i };
      order[i] = (guint32)id;
      lir_json_path_pop (path, mark2);
    }
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

  outputs_node = lir_json_get (object, "outputs");
  if (outputs_node != NULL)
    {
      g_autofree guint32 *ids = NULL;
      lir_json_path_push_key (path, "outputs", &mark);
      if ((outputs = lir_json_to_array (outputs_node, path, error)) == NULL)
        return NULL;
      ids = g_new (guint32, outputs->length + 1);
      LIR_JSON_FOREACH (element, i, outputs)
        {
          guint64 id;
          lir_json_path_push_index (path, i, &mark2);
          if (!lir_json_to_u64 (element, G_MAXUINT32, &id, path,
                                error))
            return NULL;
          if (id >= n)
            {
              lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", id);
              return NULL;
            }
          ids[i] = (guint32)id;
          lir_json_path_pop (path, mark2);
        }
      lir_graph_set_outputs (graph, ids, outputs->length);
      lir_json_path_pop (path, mark);
    }

  if (!lir_graph_validate (graph, error))
    {
      g_prefix_error (error, "%s%s", path->text->str, path->text->len > 0 ? ": " : "");
      return NULL;
    }
  return g_steal_pointer (&graph);
}

static gboolean
read_id_array (const LirJsonValue *array, guint n_nodes, guint32 *out, LirJsonPath *path,
               GError **error)
{
  LIR_JSON_FOREACH (element, i, array)
    {
      guint64 id;
      gsize mark;
      lir_json_path_push_index (path, i, &mark);
      if (!lir_json_to_u64 (element, G_MAXUINT32, &id, path, error))
        return FALSE;
      if (id >= n_nodes)
        {
          lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", id);
          return FALSE;
        }
      out[i] = (guint32)id;
      lir_json_path_pop (path, mark);
    }
  return TRUE;
}

/* Reads one member of @object that is an array of objects, calling @each. */
typedef gboolean (*EachEntry) (LirBufferPlan *plan, const LirGraph *graph,
                               const LirJsonValue *entry, LirJsonPath *path, GError **error);

static gboolean
read_entries (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *object,
              const char *key, EachEntry each, LirJsonPath *path, GError **error)
{
  const LirJsonValue *node = lir_json_get (object, key);
  const LirJsonValue *array;
  gsize mark, mark2;

  if (node == NULL)
    return TRUE;
  lir_json_path_push_key (path, key, &mark);
  if ((array = lir_json_to_array (node, path, error)) == NULL)
    return FALSE;
  LIR_JSON_FOREACH (element, i, array)
    {
      const LirJsonValue *entry;
      lir_json_path_push_index (path, i, &mark2);
      if ((entry = lir_json_to_object (element, path, error)) == NULL
          || !each (plan, graph, entry, path, error))
        return FALSE;
      lir_json_path_pop (path, mark2);
    }
  lir_json_path_pop (path, mark);
  return TRUE;
}

static gboolean
read_node_ref (const LirJsonValue *entry, const char *key, guint n_nodes, guint32 *out,
               LirJsonPath *path, GError **error)
{
  guint64 id;

  if (!lir_json_get_u64 (entry, key, G_MAXUINT32, &id, path, error))
    return FALSE;
  if (id >= n_nodes)
    {
      gsize mark;
      lir_json_path_push_key (path, key, &mark);
      lir_json_error (error, path, "node %" G_GUINT64_FORMAT " does not exist", id);
      return FALSE;
    }
  *out = (guint32)id;
  return TRUE;
}

static gboolean
read_slot (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *entry, LirJsonPath *path,
           GError **error)
{
  guint32 node;
  guint64 offset, size;

  if (!read_node_ref (entry, "node", plan->n_nodes, &node, path, error)
      || !lir_json_get_u64 (entry, "offset", LIR_MAX_BYTES, &offset, path, error)
      || !lir_json_get_u64 (entry, "size", LIR_MAX_BYTES, &size, path, error))
    return FALSE;
  if (plan->slot_flags[node] != LIR_SLOT_NONE)
    {
      lir_json_error (error, path, "node %u has a second slot", node);
      return FALSE;
    }
  plan->slots[node] = (LirBufferSlot){ offset, size };
  plan->slot_flags[node] = LIR_SLOT_ALLOCATED;
  return TRUE;
}

static gboolean
read_view (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *entry, LirJsonPath *path,
           GError **error)
{
  guint32 node, root;
  guint64 offset;

  if (!read_node_ref (entry, "node", plan->n_nodes, &node, path, error)
      || !read_node_ref (entry, "root", plan->n_nodes, &root, path, error)
      || !lir_json_get_u64 (entry, "byte_offset", LIR_MAX_BYTES, &offset, path, error))
    return FALSE;
  if (plan->aliases[node].root != LIR_NO_NODE || node == root)
    {
      lir_json_error (error, path, "node %u is listed as a view twice or of itself", node);
      return FALSE;
    }
  plan->aliases[node] = (LirViewAlias){ root, offset };
  return TRUE;
}

static gboolean
read_lifetime (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *entry,
               LirJsonPath *path, GError **error)
{
  guint32 node;
  guint64 first, last;

  if (!read_node_ref (entry, "node", plan->n_nodes, &node, path, error)
      || !lir_json_get_u64 (entry, "first", G_MAXUINT32 - 2, &first, path, error)
      || !lir_json_get_u64 (entry, "last", G_MAXUINT32 - 2, &last, path, error))
    return FALSE;
  if (last < first)
    {
      lir_json_error (error, path, "last step %" G_GUINT64_FORMAT " is before first step %"
                      G_GUINT64_FORMAT, last, first);
      return FALSE;
    }
  plan->lifetimes[node] = (LirLifetime){ (guint32)first, (guint32)last };
  plan->n_steps = MAX (plan->n_steps, (guint)last + 1);
  return TRUE;
}

static gboolean
read_allocate (LirBufferPlan *plan, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  static const char *const keys[] = { "params", "inputs", "constants" };
  gboolean *fields[] = { &plan->allocate_params, &plan->allocate_inputs, &plan->allocate_constants };
  const LirJsonValue *node = lir_json_get (object, "allocate");
  const LirJsonValue *allocate;
  gsize mark;

  if (node == NULL)
    return TRUE;
  lir_json_path_push_key (path, "allocate", &mark);
  if ((allocate = lir_json_to_object (node, path, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      const LirJsonValue *value = lir_json_get (allocate, keys[i]);
      if (value == NULL)
        continue;
      if (value->type != LIR_JSON_BOOLEAN)
        {
          gsize mark2;
          lir_json_path_push_key (path, keys[i], &mark2);
          lir_json_error (error, path, "expected true or false");
          return FALSE;
        }
      *fields[i] = value->v.boolean;
    }
  lir_json_path_pop (path, mark);
  return TRUE;
}

static gboolean
read_bindings (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *object,
               guint64 *symbol_values, LirJsonPath *path, GError **error)
{
  const LirJsonValue *node = lir_json_get (object, "bindings");
  const LirJsonValue *bindings;
  gsize mark;

  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    symbol_values[s] = lir_graph_get_symbol_default (graph, s);
  if (node == NULL)
    return TRUE;
  lir_json_path_push_key (path, "bindings", &mark);
  if ((bindings = lir_json_to_object (node, path, error)) == NULL)
    return FALSE;
  LIR_JSON_FOREACH (member, i, bindings)
    {
      guint32 symbol;
      guint64 value;
      if (!lir_graph_lookup_symbol (graph, member->key, &symbol))
        {
          lir_json_error (error, path, "the graph has no symbol \"%s\"", member->key);
          return FALSE;
        }
      if (!lir_json_get_u64 (bindings, member->key, LIR_MAX_BYTES, &value, path, error))
        return FALSE;
      symbol_values[symbol] = value;
    }
  /* Record bindings in graph symbol order, as the planner does. */
  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    lir_buffer_plan_add_binding (plan, lir_graph_get_symbol_name (graph, s), symbol_values[s]);
  lir_json_path_pop (path, mark);
  return TRUE;
}

/* "placed": false marks a buffer list whose lifetimes and sizes are known
 * but whose offsets are not chosen yet (a CSV without offsets): its slots
 * carry sizes only. */
static gboolean
read_placed (LirBufferPlan *plan, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  const LirJsonValue *placed = lir_json_get (object, "placed");
  gsize mark;

  if (lir_json_is_null (placed))
    return TRUE;
  lir_json_path_push_key (path, "placed", &mark);
  if (placed->type != LIR_JSON_BOOLEAN)
    {
      lir_json_error (error, path, "expected true or false");
      return FALSE;
    }
  if (!placed->v.boolean)
    {
      if (!plan->explicit_lifetimes)
        {
          lir_json_error (error, path, "false needs \"lifetimes\": only a buffer list can be unplaced");
          return FALSE;
        }
      plan->unplaced = TRUE;
      memset (plan->slot_flags, LIR_SLOT_NONE, plan->n_nodes);
      plan->arena_size = 0;
    }
  lir_json_path_pop (path, mark);
  return TRUE;
}

static LirBufferPlan *
read_plan (const LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  guint n = lir_graph_get_n_nodes (graph);
  g_autoptr (LirBufferPlan) plan = lir_buffer_plan_new ((LirGraph *)graph, n);
  g_autofree guint64 *symbol_values = g_new (guint64, lir_graph_get_n_symbols (graph) + 1);
  const LirJsonValue *strategy, *schedule_node, *phases_node;
  guint64 alignment, arena_size;

  strategy = lir_json_get (object, "strategy");
  if (strategy != NULL)
    {
      const char *name;
      gsize mark;
      lir_json_path_push_key (path, "strategy", &mark);
      if ((name = read_name (strategy, TRUE, path, error)) == NULL)
        return NULL;
      lir_buffer_plan_set_strategy (plan, name);
      lir_json_path_pop (path, mark);
    }
  if (!lir_json_get_u64 (object, "alignment", LIR_MAX_ALIGNMENT, &alignment, path, error)
      || !lir_json_get_u64 (object, "arena_size", LIR_MAX_BYTES, &arena_size, path, error))
    return NULL;
  if (alignment == 0 || (alignment & (alignment - 1)) != 0)
    {
      gsize mark;
      lir_json_path_push_key (path, "alignment", &mark);
      lir_json_error (error, path, "%" G_GUINT64_FORMAT " is not a power of two", alignment);
      return NULL;
    }
  plan->alignment = alignment;
  plan->arena_size = arena_size;
  if (!read_allocate (plan, object, path, error)
      || !read_bindings (plan, graph, object, symbol_values, path, error))
    return NULL;

  plan->explicit_lifetimes = (lir_json_get (object, "lifetimes") != NULL);
  schedule_node = lir_json_get (object, "schedule");
  if (plan->explicit_lifetimes)
    {
      if (!read_entries (plan, graph, object, "lifetimes", read_lifetime, path, error))
        return NULL;
    }
  else
    {
      const LirJsonValue *schedule;
      g_autofree guint32 *ids = NULL;
      gsize mark;

      if ((schedule_node = lir_json_member (object, "schedule", TRUE, path, error)) == NULL)
        return NULL;
      lir_json_path_push_key (path, "schedule", &mark);
      if ((schedule = lir_json_to_array (schedule_node, path, error)) == NULL)
        return NULL;
      if (schedule->length != n)
        {
          lir_json_error (error, path, "lists %u nodes, the graph has %u",
                          schedule->length, n);
          return NULL;
        }
      ids = g_new (guint32, n + 1);
      if (!read_id_array (schedule, n, ids, path, error))
        return NULL;
      lir_json_path_pop (path, mark);
      lir_buffer_plan_set_schedule (plan, ids, n);
    }

  if (!read_entries (plan, graph, object, "slots", read_slot, path, error)
      || !read_entries (plan, graph, object, "views", read_view, path, error))
    return NULL;
  {
    /* A listed view lies inside its root's slot when the root owns one; a
     * view of a root without a slot (a dynamic one) keeps its own, as RLX's
     * reader decides it. Decided on the owners as listed, in any order. */
    g_autofree guint8 *owns = g_memdup2 (plan->slot_flags, n + 1);

    for (guint32 id = 0; id < n; id++)
      if (plan->aliases[id].root != LIR_NO_NODE && plan->slot_flags[id] != LIR_SLOT_NONE
          && owns[plan->aliases[id].root] == LIR_SLOT_ALLOCATED)
        plan->slot_flags[id] = LIR_SLOT_VIEW;
  }
  if (!read_placed (plan, object, path, error))
    return NULL;

  phases_node = lir_json_get (object, "phases");
  if (phases_node != NULL)
    {
      const LirJsonValue *phases;
      gsize mark, mark2;
      lir_json_path_push_key (path, "phases", &mark);
      if ((phases = lir_json_to_array (phases_node, path, error)) == NULL)
        return NULL;
      if (phases->length != n)
        {
          lir_json_error (error, path, "lists %u phases, the graph has %u nodes",
                          phases->length, n);
          return NULL;
        }
      LIR_JSON_FOREACH (element, i, phases)
        {
          const char *name;
          LirPhase phase;
          lir_json_path_push_index (path, i, &mark2);
          if ((name = lir_json_to_string (element, path, error)) == NULL)
            return NULL;
          if (!lir_phase_from_string (name, &phase))
            {
              lir_json_error (error, path, "unknown phase \"%s\"", name);
              return NULL;
            }
          plan->phases[i] = phase;
          lir_json_path_pop (path, mark2);
        }
      lir_json_path_pop (path, mark);
    }

  if (!plan->explicit_lifetimes)
    {
      /* Liveness is derived, never stored: recompute it from the graph. */
      g_autofree LirViewAlias *aliases = g_new (LirViewAlias, n + 1);
      const guint32 *schedule = (const guint32 *)plan->schedule->data;

      lir_views_resolve (graph, symbol_values, aliases);
      lir_liveness_compute (graph, schedule, n, aliases, plan->lifetimes);
      if (phases_node == NULL)
        lir_phases_derive (graph, schedule, n, plan->phases);
    }
  lir_buffer_plan_collect_io (plan, graph);
  return g_steal_pointer (&plan);
}

static gboolean
check_header (const LirJsonValue *root, const char **format, LirJsonPath *path, GError **error)
{
  const LirJsonValue *format_node = lir_json_member (root, "format", TRUE, path, error);
  guint64 version;
  gsize mark;

  if (format_node == NULL)
    return FALSE;
  lir_json_path_push_key (path, "format", &mark);
  if ((*format = lir_json_to_string (format_node, path, error)) == NULL)
    return FALSE;
  if (strcmp (*format, GRAPH_FORMAT) != 0 && strcmp (*format, MODULE_FORMAT) != 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "format: \"%s\" is not \"" GRAPH_FORMAT "\" or \"" MODULE_FORMAT "\"", *format);
      return FALSE;
    }
  lir_json_path_pop (path, mark);
  if (!lir_json_get_u64 (root, "version", G_MAXUINT32, &version, path, error))
    return FALSE;
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "version: %" G_GUINT64_FORMAT " is not supported (this Lirscope reads %d)",
                   version, FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_json_read:
 * @data: a graph or module document
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the module (without a plan for a graph
 *   document), or %NULL with an error naming the JSON path
 */
LirModule *
lir_json_read (const char *data, gsize length, GError **error)
{
  g_autoptr (LirJsonDoc) doc = lir_json_parse (data, length, error);
  g_autoptr (GString) path_text = g_string_new (NULL);
  LirJsonPath path = { path_text };
  g_autoptr (LirGraph) graph = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;
  const LirJsonValue *root;
  const char *format;

  if (doc == NULL)
    return NULL;
  if ((root = lir_json_to_object (lir_json_doc_get_root (doc), &path, error)) == NULL)
    return NULL;
  /* RLX's own LirModule: {"mir": …, "buffers": …}, no "format". */
  if (lir_rlx_detect (root))
    return lir_rlx_read (root, &path, error);
  if (!check_header (root, &format, &path, error))
    return NULL;

  if (strcmp (format, GRAPH_FORMAT) == 0)
    graph = read_graph (root, &path, error);
  else
    {
      const LirJsonValue *graph_node = lir_json_member (root, "graph", TRUE, &path, error);
      const LirJsonValue *plan_node, *object;
      gsize mark;

      if (graph_node == NULL)
        return NULL;
      lir_json_path_push_key (&path, "graph", &mark);
      if ((object = lir_json_to_object (graph_node, &path, error)) == NULL
          || (graph = read_graph (object, &path, error)) == NULL)
        return NULL;
      lir_json_path_pop (&path, mark);
      if ((plan_node = lir_json_member (root, "plan", TRUE, &path, error)) == NULL)
        return NULL;
      lir_json_path_push_key (&path, "plan", &mark);
      if ((object = lir_json_to_object (plan_node, &path, error)) == NULL
          || (plan = read_plan (graph, object, &path, error)) == NULL)
        return NULL;
    }
  if (graph == NULL)
    return NULL;
  return lir_module_new (graph, plan);
}

/* ---- writing ---- */

static void
write_u64_array (GString *out, const guint32 *ids, guint n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", ids[i]);
  g_string_append_c (out, ']');
}

static void
write_graph_body (GString *out, const LirGraph *graph, const char *indent)
{
  guint n = lir_graph_get_n_nodes (graph), n_order, n_outputs;
  const guint32 *order = lir_graph_get_order (graph, &n_order);
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  g_string_append_printf (out, "%s\"name\": ", indent);
  lir_json_append_string (out, lir_graph_get_name (graph));
  g_string_append_printf (out, ",\n%s\"symbols\": [", indent);
  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    {
      guint64 value = lir_graph_get_symbol_default (graph, s);
      g_string_append_printf (out, "%s{\"name\": ", s > 0 ? ", " : "");
      lir_json_append_string (out, lir_graph_get_symbol_name (graph, s));
      if (value != LIR_NO_VALUE)
        g_string_append_printf (out, ", \"default\": %" G_GUINT64_FORMAT, value);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "],\n%s\"nodes\": [", indent);
  for (guint i = 0; i < n; i++)
    {
      guint32 id = order[i];
      const LirNode *node = lir_graph_node (graph, id);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);

      g_string_append_printf (out, "%s\n%s  {\"id\": %u, \"op\": ", i > 0 ? "," : "", indent, id);
      lir_json_append_string (out, node->op_name);
      if (node->name != NULL)
        {
          g_string_append (out, ", \"name\": ");
          lir_json_append_string (out, node->name);
        }
      g_string_append (out, ", \"inputs\": ");
      write_u64_array (out, lir_graph_inputs_of (graph, node), node->n_inputs);
      if (!node->no_buffer || node->n_dims > 0 || node->dtype != LIR_DTYPE_U8)
        {
          g_string_append_printf (out, ", \"shape\": {\"dtype\": \"%s\", \"dims\": [",
                                  lir_dtype_to_string (node->dtype));
          for (guint d = 0; d < node->n_dims; d++)
            {
              if (d > 0)
                g_string_append (out, ", ");
              if (dims[d].symbol != LIR_DIM_STATIC)
                lir_json_append_string (out, lir_graph_get_symbol_name (graph, dims[d].symbol));
              else
                g_string_append_printf (out, "%" G_GUINT64_FORMAT, dims[d].size);
            }
          g_string_append (out, "]}");
        }
      if (node->attrs != NULL)
        g_string_append_printf (out, ", \"attrs\": %s", node->attrs);
      if (node->no_buffer)
        g_string_append (out, ", \"buffer\": false");
      if (node->alias_kind != LIR_ALIAS_NONE)
        g_string_append_printf (out, ", \"alias\": {\"of\": %u, \"byte_offset\": %" G_GUINT64_FORMAT
                                ", \"kind\": \"%s\"}", node->alias_of, node->alias_offset,
                                lir_alias_kind_to_string (node->alias_kind));
      if (node->result_of != LIR_NO_NODE)
        g_string_append_printf (out, ", \"result_of\": %u", node->result_of);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "%s%s],\n%s\"outputs\": ", n > 0 ? "\n" : "", n > 0 ? indent : "", indent);
  write_u64_array (out, outputs, n_outputs);
}

static void
write_io_bindings (GString *out, const LirIoBinding *bindings, guint n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ", [" : "[");
      lir_json_append_string (out, bindings[i].name != NULL ? bindings[i].name : "");
      g_string_append_printf (out, ", %u]", bindings[i].node);
    }
  g_string_append_c (out, ']');
}

static void
write_plan (GString *out, const LirBufferPlan *plan)
{
  guint n = plan->n_nodes, count = 0, n_io;
  const LirIoBinding *io;

  g_string_append (out, "  \"plan\": {\n    \"strategy\": ");
  lir_json_append_string (out, plan->strategy);
  g_string_append_printf (out, ",\n    \"alignment\": %" G_GUINT64_FORMAT, plan->alignment);
  g_string_append_printf (out, ",\n    \"arena_size\": %" G_GUINT64_FORMAT, plan->arena_size);
  if (plan->unplaced)
    g_string_append (out, ",\n    \"placed\": false");
  g_string_append_printf (out,
                          ",\n    \"allocate\": {\"params\": %s, \"inputs\": %s, \"constants\": %s}",
                          plan->allocate_params ? "true" : "false",
                          plan->allocate_inputs ? "true" : "false",
                          plan->allocate_constants ? "true" : "false");
  g_string_append (out, ",\n    \"bindings\": {");
  for (guint i = 0; i < plan->binding_names->len; i++)
    {
      guint64 value = g_array_index (plan->binding_values, guint64, i);
      if (value == LIR_NO_VALUE)
        continue;
      g_string_append (out, count++ > 0 ? ", " : "");
      lir_json_append_string (out, g_ptr_array_index (plan->binding_names, i));
      g_string_append_printf (out, ": %" G_GUINT64_FORMAT, value);
    }
  g_string_append (out, "}");
  if (plan->explicit_lifetimes)
    {
      g_string_append (out, ",\n    \"lifetimes\": [");
      for (guint32 id = 0; id < n; id++)
        g_string_append_printf (out, "%s\n      {\"node\": %u, \"first\": %u, \"last\": %u}",
                                id > 0 ? "," : "", id, plan->lifetimes[id].first_step,
                                plan->lifetimes[id].last_step);
      g_string_append (out, n > 0 ? "\n    ]" : "]");
    }
  else
    {
      g_string_append (out, ",\n    \"schedule\": ");
      write_u64_array (out, (const guint32 *)plan->schedule->data, plan->schedule->len);
    }

  g_string_append (out, ",\n    \"slots\": [");
  count = 0;
  for (guint32 id = 0; id < n; id++)
    if (plan->slot_flags[id] != LIR_SLOT_NONE || (plan->unplaced && plan->slots[id].size > 0))
      g_string_append_printf (out,
                              "%s\n      {\"node\": %u, \"offset\": %" G_GUINT64_FORMAT
                              ", \"size\": %" G_GUINT64_FORMAT "}",
                              count++ > 0 ? "," : "", id, plan->slots[id].offset,
                              plan->slots[id].size);
  g_string_append (out, count > 0 ? "\n    ]" : "]");

  g_string_append (out, ",\n    \"views\": [");
  count = 0;
  for (guint32 id = 0; id < n; id++)
    if (plan->aliases[id].root != LIR_NO_NODE)
      g_string_append_printf (out,
                              "%s\n      {\"node\": %u, \"root\": %u, \"byte_offset\": %"
                              G_GUINT64_FORMAT "}",
                              count++ > 0 ? "," : "", id, plan->aliases[id].root,
                              plan->aliases[id].byte_offset);
  g_string_append (out, count > 0 ? "\n    ]" : "]");

  g_string_append (out, ",\n    \"phases\": [");
  for (guint32 id = 0; id < n; id++)
    g_string_append_printf (out, "%s\"%s\"", id > 0 ? ", " : "",
                            lir_phase_to_string (plan->phases[id]));
  g_string_append (out, "],\n    \"io\": {\"inputs\": ");
  io = lir_buffer_plan_get_io_inputs (plan, &n_io);
  write_io_bindings (out, io, n_io);
  g_string_append (out, ", \"params\": ");
  io = lir_buffer_plan_get_io_params (plan, &n_io);
  write_io_bindings (out, io, n_io);
  g_string_append (out, ", \"outputs\": ");
  write_u64_array (out, (const guint32 *)plan->io_outputs->data, plan->io_outputs->len);
  g_string_append (out, "}\n  }\n");
}

/**
 * lir_json_write:
 * @module: a module
 * @length: (out) (optional): length of the text
 *
 * Writes a module document when @module has a plan, else a graph document.
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
lir_json_write (const LirModule *module, gsize *length)
{
  GString *out = g_string_sized_new (4096);
  const LirBufferPlan *plan = lir_module_get_plan (module);

  if (plan == NULL)
    {
      g_string_append_printf (out, "{\n  \"format\": \"" GRAPH_FORMAT "\",\n  \"version\": %d,\n",
                              FORMAT_VERSION);
      write_graph_body (out, lir_module_get_graph (module), "  ");
      g_string_append (out, "\n}\n");
    }
  else
    {
      g_string_append_printf (out,
                              "{\n  \"format\": \"" MODULE_FORMAT "\",\n  \"version\": %d,\n"
                              "  \"graph\": {\n",
                              FORMAT_VERSION);
      write_graph_body (out, lir_module_get_graph (module), "    ");
      g_string_append (out, "\n  },\n");
      write_plan (out, plan);
      g_string_append (out, "}\n");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
