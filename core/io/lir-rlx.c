/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-rlx.c: RLX's own LIR, the serde JSON its AOT cache holds.
 *
 * The encoding is serde's default derive: a NodeId is a number (a string
 * when it is a map key), Op is externally tagged (a unit variant is a
 * string, any other variant an object with one key), DType is its variant
 * name, a Dim is {"Static": n} or {"Dynamic": symbol}. Map order is
 * arbitrary and never relied on.
 *
 * RLX's plan is kept as written: offsets, sizes, schedule, views, phases,
 * alignment. Liveness is recomputed from the graph, as for every module.
 * RLX node ids may have gaps; nodes are stored densely and named "%<id>"
 * when RLX gives no name, so labels match what RLX prints.
 */
#include "lir-rlx-private.h"
#include "ir/lir-limits-private.h"

#include <string.h>

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "lir-json-read-private.h"
#include "plan/lir-analysis-private.h"
#include "plan/lir-buffer-plan-private.h"

/* Attributes longer than this (a Constant's bytes) are summarised. */
#define MAX_ATTRS_TEXT 4096

typedef struct
{
  LirGraph *graph;
  GHashTable *index_of; /* RLX id (guint64 as pointer key) -> dense index + 1 */
  GArray *rlx_ids;      /* dense index -> RLX id */
  GHashTable *symbols;  /* RLX symbol id -> graph symbol index + 1 */
  LirJsonPath *path;
} Reader;

/* An externally tagged enum value: "Variant" or {"Variant": payload}. */
static gboolean
read_variant (const LirJsonValue *node, const char **variant, const LirJsonValue **payload, LirJsonPath *path,
              GError **error)
{
  *payload = NULL;
  if (node != NULL && node->type == LIR_JSON_STRING)
    {
      *variant = node->v.string;
      return TRUE;
    }
  if (node == NULL || node->type != LIR_JSON_OBJECT || node->length != 1)
    {
      lir_json_error (error, path,
                      "expected a variant name or an object with one key (serde's "
                      "externally tagged enum)");
      return FALSE;
    }
  *payload = lir_json_first (node);
  *variant = (*payload)->key;
  return TRUE;
}

static gboolean
lookup_node (Reader *r, guint64 rlx_id, guint32 *index, GError **error)
{
  gpointer value = g_hash_table_lookup (r->index_of, GSIZE_TO_POINTER ((gsize)rlx_id));

  if (value == NULL)
    {
      lir_json_error (error, r->path, "node %" G_GUINT64_FORMAT " does not exist", rlx_id);
      return FALSE;
    }
  *index = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}

static gboolean
read_node_id (Reader *r, const LirJsonValue *node, guint32 *index, GError **error)
{
  guint64 id;

  return lir_json_to_u64 (node, G_MAXUINT32 - 1, &id, r->path, error) && lookup_node (r, id, index, error);
}

/* An array of NodeIds, as dense indices into @out. */
static gboolean
read_node_ids (Reader *r, const LirJsonValue *array, guint32 *out, GError **error)
{
  LIR_JSON_FOREACH (element, i, array)
  {
    gsize mark;

    lir_json_path_push_index (r->path, i, &mark);
    if (!read_node_id (r, element, &out[i], error))
      return FALSE;
    lir_json_path_pop (r->path, mark);
  }
  return TRUE;
}

/* A map key that is a NodeId. */
static gboolean
read_key_id (Reader *r, const char *key, guint32 *index, GError **error)
{
  guint64 id;

  if (!g_ascii_string_to_unsigned (key, 10, 0, G_MAXUINT32 - 1, &id, NULL))
    {
      lir_json_error (error, r->path, "a node id key must be a number, not \"%s\"", key);
      return FALSE;
    }
  return lookup_node (r, id, index, error);
}

static guint32
symbol_for (Reader *r, guint64 rlx_symbol)
{
  gpointer value = g_hash_table_lookup (r->symbols, GSIZE_TO_POINTER ((gsize)rlx_symbol));
  g_autofree char *name = NULL;
  guint32 index;

  if (value != NULL)
    return GPOINTER_TO_UINT (value) - 1;
  /* RLX's symbols are numbers; the default is inferred from the plan later. */
  name = g_strdup_printf ("s%" G_GUINT64_FORMAT, rlx_symbol);
  index = lir_graph_add_symbol (r->graph, name, LIR_NO_VALUE);
  g_hash_table_insert (r->symbols, GSIZE_TO_POINTER ((gsize)rlx_symbol), GUINT_TO_POINTER (index + 1));
  return index;
}

static gboolean
read_shape (Reader *r, const LirJsonValue *node, LirShape *shape, GError **error)
{
  const LirJsonValue *object = lir_json_to_object (node, r->path, error);
  const LirJsonValue *dtype_node, *dims_node;
  const LirJsonValue *dims;
  const char *dtype_name;
  gsize mark, mark2;

  if (object == NULL || (dtype_node = lir_json_member (object, "dtype", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "dtype", &mark);
  if ((dtype_name = lir_json_to_string (dtype_node, r->path, error)) == NULL)
    return FALSE;
  if (!lir_dtype_from_string (dtype_name, &shape->dtype))
    {
      lir_json_error (error, r->path, "unknown dtype \"%s\"", dtype_name);
      return FALSE;
    }
  lir_json_path_pop (r->path, mark);
  if ((dims_node = lir_json_member (object, "dims", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "dims", &mark);
  if ((dims = lir_json_to_array (dims_node, r->path, error)) == NULL)
    return FALSE;
  if (dims->length > LIR_MAX_DIMS)
    {
      lir_json_error (error, r->path, "%u dims, more than the limit of %u", dims->length, LIR_MAX_DIMS);
      return FALSE;
    }
  shape->n_dims = dims->length;
  LIR_JSON_FOREACH (element, i, dims)
  {
    const char *variant;
    const LirJsonValue *payload;
    guint64 value;

    lir_json_path_push_index (r->path, i, &mark2);
    if (!read_variant (element, &variant, &payload, r->path, error))
      return FALSE;
    if (payload == NULL || (strcmp (variant, "Static") != 0 && strcmp (variant, "Dynamic") != 0))
      {
        lir_json_error (error, r->path, "a dim is {\"Static\": n} or {\"Dynamic\": symbol}");
        return FALSE;
      }
    lir_json_path_push_key (r->path, variant, &mark);
    if (!lir_json_to_u64 (payload, LIR_MAX_BYTES, &value, r->path, error))
      return FALSE;
    lir_json_path_pop (r->path, mark);
    shape->dims[i] =
      strcmp (variant, "Static") == 0 ? lir_dim_static (value) : lir_dim_symbol (symbol_for (r, value));
    lir_json_path_pop (r->path, mark2);
  }
  lir_json_path_pop (r->path, mark);
  return TRUE;
}

/* A name within Lirscope's limits (lir_limits_check_name ()). */
static gboolean
check_name (Reader *r, const char *name, GError **error)
{
  g_autoptr (GError) local = NULL;
  gsize mark;

  if (lir_limits_check_name (name, -1, TRUE, &local))
    return TRUE;
  lir_json_path_push_key (r->path, "name", &mark);
  g_set_error (error, LIR_ERROR, local->code, "%s: %s", r->path->text->str, local->message);
  lir_json_path_pop (r->path, mark);
  return FALSE;
}

/* RLX's `name` may be a string, null, or an object; take the first string
 * found in an object (a structured name), else nothing. */
static const char *
name_of (const LirJsonValue *node)
{
  if (lir_json_is_null (node))
    return NULL;
  if (node->type == LIR_JSON_STRING)
    return node->v.string;
  if (node->type == LIR_JSON_OBJECT)
    LIR_JSON_FOREACH (member, i, node)
    {
      const char *inner = name_of (member);

      if (inner != NULL)
        return inner;
    }
  return NULL;
}

/* The op's fields as attributes: canonical JSON, or a summary when huge
 * (a Constant's bytes can be megabytes). */
static char *
attrs_of (const char *variant, const LirJsonValue *payload)
{
  g_autofree char *text = NULL;

  if (lir_json_is_null (payload))
    return NULL;
  text = lir_json_canonical (payload);
  if (payload->type != LIR_JSON_OBJECT)
    {
      g_autofree char *wrapped = NULL;

      if (strlen (text) > MAX_ATTRS_TEXT)
        return g_strdup_printf ("{\"elided_bytes\":%zu}", strlen (text));
      wrapped = g_strdup_printf ("{\"value\":%s}", text);
      return g_steal_pointer (&wrapped);
    }
  if (strlen (text) > MAX_ATTRS_TEXT)
    return g_strdup_printf ("{\"elided_bytes\":%zu}", strlen (text));
  return g_steal_pointer (&text);
}

static gboolean
get_field (Reader *r, const LirJsonValue *payload, const char *variant, const char *field, guint64 max,
           guint64 *out, GError **error)
{
  const LirJsonValue *object;
  gsize mark;
  gboolean ok;

  lir_json_path_push_key (r->path, variant, &mark);
  object = payload != NULL ? lir_json_to_object (payload, r->path, error) : NULL;
  if (payload == NULL)
    lir_json_error (error, r->path, "%s needs its fields", variant);
  ok = object != NULL && lir_json_get_u64 (object, field, max, out, r->path, error);
  if (ok)
    lir_json_path_pop (r->path, mark);
  return ok;
}

/* What only shows: the pass that made the node, and its op's label. */
static void
describe_node (Reader *r, guint32 index, LirOpKind kind, const LirJsonValue *object,
               const LirJsonValue *payload)
{
  const LirJsonValue *origin = lir_json_get (object, "origin");
  const LirJsonValue *pass =
    origin != NULL && origin->type == LIR_JSON_OBJECT ? lir_json_get (origin, "pass") : NULL;

  if (pass != NULL && pass->type == LIR_JSON_STRING && strlen (pass->v.string) <= LIR_MAX_NAME_LENGTH)
    lir_graph_set_node_origin (r->graph, index, pass->v.string);
  if (kind != LIR_OP_INPUT && kind != LIR_OP_PARAM && kind != LIR_OP_CONSTANT)
    {
      g_autofree char *label = NULL, *family = NULL;

      lir_json_op_label (lir_graph_get_node_op_name (r->graph, index), payload, &label, &family);
      lir_graph_set_node_op_label (r->graph, index, label, family);
    }
}

/* The typed fields of Cast and Narrow, from their payload. */
static gboolean
read_op_params (Reader *r, guint32 index, LirOpKind kind, const char *variant, const LirJsonValue *payload,
                GError **error)
{
  gsize mark;

  lir_json_path_push_key (r->path, "op", &mark);
  if (kind == LIR_OP_CAST)
    {
      const LirJsonValue *fields, *to;
      const char *to_name;
      LirDType dtype;
      gsize mark2;

      lir_json_path_push_key (r->path, variant, &mark2);
      if (payload == NULL || (fields = lir_json_to_object (payload, r->path, error)) == NULL
          || (to = lir_json_member (fields, "to", TRUE, r->path, error)) == NULL)
        {
          if (payload == NULL)
            lir_json_error (error, r->path, "Cast needs {\"to\": dtype}");
          return FALSE;
        }
      lir_json_path_push_key (r->path, "to", &mark2);
      if ((to_name = lir_json_to_string (to, r->path, error)) == NULL)
        return FALSE;
      if (!lir_dtype_from_string (to_name, &dtype))
        {
          lir_json_error (error, r->path, "unknown dtype \"%s\"", to_name);
          return FALSE;
        }
      lir_graph_set_node_cast_to (r->graph, index, dtype);
    }
  else if (kind == LIR_OP_NARROW)
    {
      guint64 axis, start, len;

      if (!get_field (r, payload, variant, "axis", LIR_MAX_DIMS, &axis, error)
          || !get_field (r, payload, variant, "start", LIR_MAX_BYTES, &start, error)
          || !get_field (r, payload, variant, "len", LIR_MAX_BYTES, &len, error))
        return FALSE;
      lir_graph_set_node_narrow (r->graph, index, (guint32)axis, start, len);
    }
  lir_json_path_pop (r->path, mark);
  return TRUE;
}

static gboolean
read_node (Reader *r, const LirJsonValue *object, const LirJsonValue *inputs_array, GError **error)
{
  const LirJsonValue *op_node, *shape_node;
  const char *variant, *name = NULL;
  const LirJsonValue *payload;
  g_autofree guint32 *inputs = NULL;
  g_autofree char *attrs = NULL;
  char fallback[24];
  guint n_inputs = inputs_array != NULL ? inputs_array->length : 0;
  LirShape shape = { 0 };
  LirOpKind kind;
  guint32 index;
  guint64 rlx_id;
  gsize mark, op_mark;

  if ((op_node = lir_json_member (object, "op", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "op", &op_mark);
  if (!read_variant (op_node, &variant, &payload, r->path, error))
    return FALSE;
  if (variant[0] == '\0' || strlen (variant) > LIR_MAX_NAME_LENGTH)
    {
      lir_json_error (error, r->path, "an op variant name must have 1 to %u bytes", LIR_MAX_NAME_LENGTH);
      return FALSE;
    }
  kind = lir_op_kind_from_rlx (variant);
  if (kind == LIR_OP_INPUT || kind == LIR_OP_PARAM)
    {
      const LirJsonValue *fields;

      lir_json_path_push_key (r->path, variant, &mark);
      if (payload == NULL || (fields = lir_json_to_object (payload, r->path, error)) == NULL)
        {
          if (payload == NULL)
            lir_json_error (error, r->path, "%s needs {\"name\": …}", variant);
          return FALSE;
        }
      lir_json_path_pop (r->path, mark);
      name = name_of (lir_json_get (fields, "name"));
    }
  lir_json_path_pop (r->path, op_mark);
  if (name_of (lir_json_get (object, "name")) != NULL)
    name = name_of (lir_json_get (object, "name"));

  if (n_inputs > LIR_MAX_INPUTS_PER_NODE)
    {
      lir_json_path_push_key (r->path, "inputs", &mark);
      lir_json_error (error, r->path, "more than %u inputs", LIR_MAX_INPUTS_PER_NODE);
      return FALSE;
    }
  inputs = g_new (guint32, n_inputs + 1);
  if (inputs_array != NULL)
    {
      lir_json_path_push_key (r->path, "inputs", &mark);
      if (!read_node_ids (r, inputs_array, inputs, error))
        return FALSE;
      lir_json_path_pop (r->path, mark);
    }

  if ((shape_node = lir_json_member (object, "shape", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "shape", &mark);
  if (!read_shape (r, shape_node, &shape, error))
    return FALSE;
  lir_json_path_pop (r->path, mark);

  rlx_id = g_array_index (r->rlx_ids, guint64, lir_graph_get_n_nodes (r->graph));
  if (name != NULL && !check_name (r, name, error))
    return FALSE;
  if (name == NULL)
    {
      g_snprintf (fallback, sizeof fallback, "%%%" G_GUINT64_FORMAT, rlx_id);
      name = fallback;
    }
  if (kind != LIR_OP_INPUT && kind != LIR_OP_PARAM)
    attrs = attrs_of (variant, payload);
  index = lir_graph_add_node (r->graph, kind, kind == LIR_OP_OPAQUE ? variant : lir_op_kind_to_string (kind),
                              name, inputs, n_inputs, &shape, attrs);
  describe_node (r, index, kind, object, payload);
  return read_op_params (r, index, kind, variant, payload, error);
}

static LirGraph *
read_graph (Reader *r, const LirJsonValue *mir, GError **error)
{
  const LirJsonValue *inner_node, *name_node, *nodes_node, *outputs_node;
  const LirJsonValue *inner, *nodes, *outputs;
  g_autofree guint32 *output_ids = NULL;
  const char *name = "";
  gsize mark, mark2;
  guint n;

  if ((inner_node = lir_json_member (mir, "inner", TRUE, r->path, error)) == NULL)
    return NULL;
  lir_json_path_push_key (r->path, "inner", &mark);
  if ((inner = lir_json_to_object (inner_node, r->path, error)) == NULL)
    return NULL;
  name_node = lir_json_get (inner, "name");
  if (name_of (name_node) != NULL)
    name = name_of (name_node);
  if (!check_name (r, name, error))
    return NULL;
  if ((nodes_node = lir_json_member (inner, "nodes", TRUE, r->path, error)) == NULL)
    return NULL;
  lir_json_path_push_key (r->path, "nodes", &mark2);
  if ((nodes = lir_json_to_array (nodes_node, r->path, error)) == NULL)
    return NULL;
  n = nodes->length;
  if (n > LIR_MAX_NODES)
    {
      lir_json_error (error, r->path, "%u nodes, more than the limit of %u", n, LIR_MAX_NODES);
      return NULL;
    }
  {
    /* What a node costs once read: graph, plan and the reader's tables. */
    g_autofree char *what = g_strdup_printf ("reading %u nodes", n);

    if (!lir_limits_reserve ((guint64)n * 512, what, error))
      return NULL;
  }
  r->graph = lir_graph_new (name);
  lir_graph_reserve (r->graph, n, 0, 0);

  /* First pass: ids, so inputs may name later nodes. */
  LIR_JSON_FOREACH (element, i, nodes)
  {
    const LirJsonValue *object;
    guint64 id;
    gsize mark3;

    lir_json_path_push_index (r->path, i, &mark3);
    if ((object = lir_json_to_object (element, r->path, error)) == NULL
        || !lir_json_get_u64 (object, "id", G_MAXUINT32 - 1, &id, r->path, error))
      return NULL;
    if (g_hash_table_contains (r->index_of, GSIZE_TO_POINTER ((gsize)id)))
      {
        lir_json_error (error, r->path, "id %" G_GUINT64_FORMAT " appears twice", id);
        return NULL;
      }
    g_hash_table_insert (r->index_of, GSIZE_TO_POINTER ((gsize)id), GUINT_TO_POINTER (i + 1));
    g_array_append_val (r->rlx_ids, id);
    lir_json_path_pop (r->path, mark3);
  }
  LIR_JSON_FOREACH (object, i, nodes)
  {
    const LirJsonValue *inputs_node = lir_json_get (object, "inputs");
    const LirJsonValue *inputs = NULL;
    gsize mark3;

    lir_json_path_push_index (r->path, i, &mark3);
    if (inputs_node != NULL)
      {
        gsize mark4;

        lir_json_path_push_key (r->path, "inputs", &mark4);
        if ((inputs = lir_json_to_array (inputs_node, r->path, error)) == NULL)
          return NULL;
        lir_json_path_pop (r->path, mark4);
      }
    if (!read_node (r, object, inputs, error))
      return NULL;
    lir_json_path_pop (r->path, mark3);
  }
  lir_json_path_pop (r->path, mark2);

  if ((outputs_node = lir_json_member (inner, "outputs", TRUE, r->path, error)) == NULL)
    return NULL;
  lir_json_path_push_key (r->path, "outputs", &mark2);
  if ((outputs = lir_json_to_array (outputs_node, r->path, error)) == NULL)
    return NULL;
  output_ids = g_new (guint32, outputs->length + 1);
  if (!read_node_ids (r, outputs, output_ids, error))
    return NULL;
  lir_graph_set_outputs (r->graph, output_ids, outputs->length);
  lir_json_path_pop (r->path, mark2);
  /* The same structural checks as Lirscope's own documents (arity, cycles,
   * narrows in bounds…): a graph that passes them plans and writes back. */
  if (!lir_graph_validate (r->graph, error))
    {
      g_prefix_error (error, "%s: ", r->path->text->str);
      return NULL;
    }
  lir_json_path_pop (r->path, mark);
  return lir_graph_ref (r->graph);
}

/* Iterates an object whose keys are node ids. */
typedef gboolean (*EachKeyed) (Reader *r, LirBufferPlan *plan, guint32 node, const LirJsonValue *value,
                               GError **error);

static gboolean
each_keyed (Reader *r, LirBufferPlan *plan, const LirJsonValue *parent, const char *key, gboolean required,
            EachKeyed each, GError **error)
{
  const LirJsonValue *node = lir_json_member (parent, key, required, r->path, error);
  const LirJsonValue *object;
  g_autofree const LirJsonValue **members = NULL;
  guint n;
  gsize mark;

  if (node == NULL)
    return !required;
  lir_json_path_push_key (r->path, key, &mark);
  if ((object = lir_json_to_object (node, r->path, error)) == NULL)
    return FALSE;
  /* Sorted so that errors and results never depend on the file's map order. */
  members = lir_json_sorted_members (object, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 index;
      gsize mark2;

      lir_json_path_push_key (r->path, members[i]->key, &mark2);
      if (!read_key_id (r, members[i]->key, &index, error) || !each (r, plan, index, members[i], error))
        return FALSE;
      lir_json_path_pop (r->path, mark2);
    }
  lir_json_path_pop (r->path, mark);
  return TRUE;
}

static gboolean
read_assignment (Reader *r, LirBufferPlan *plan, guint32 node, const LirJsonValue *value, GError **error)
{
  const LirJsonValue *object = lir_json_to_object (value, r->path, error);
  guint64 offset, size;

  if (object == NULL || !lir_json_get_u64 (object, "offset", LIR_MAX_BYTES, &offset, r->path, error)
      || !lir_json_get_u64 (object, "size", LIR_MAX_BYTES, &size, r->path, error))
    return FALSE;
  plan->slot_flags[node] = LIR_SLOT_ALLOCATED;
  plan->slots[node] = (LirBufferSlot){ offset, size };
  return TRUE;
}

static gboolean
read_alias (Reader *r, LirBufferPlan *plan, guint32 node, const LirJsonValue *value, GError **error)
{
  const LirJsonValue *object = lir_json_to_object (value, r->path, error);
  const LirJsonValue *root_node;
  guint32 root;
  guint64 byte_offset;
  gsize mark;

  if (object == NULL || (root_node = lir_json_member (object, "root", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "root", &mark);
  if (!read_node_id (r, root_node, &root, error))
    return FALSE;
  if (root == node)
    {
      lir_json_error (error, r->path, "a node cannot be a view of itself");
      return FALSE;
    }
  lir_json_path_pop (r->path, mark);
  if (!lir_json_get_u64 (object, "byte_offset", LIR_MAX_BYTES, &byte_offset, r->path, error))
    return FALSE;
  plan->aliases[node] = (LirViewAlias){ root, byte_offset };
  return TRUE;
}

static gboolean
read_phase (Reader *r, LirBufferPlan *plan, guint32 node, const LirJsonValue *value, GError **error)
{
  const char *name = lir_json_to_string (value, r->path, error);
  LirPhase phase;

  if (name == NULL)
    return FALSE;
  if (!lir_phase_from_string (name, &phase))
    {
      lir_json_error (error, r->path, "unknown phase \"%s\" (Prologue, SteadyState or Epilogue)", name);
      return FALSE;
    }
  plan->phases[node] = phase;
  return TRUE;
}

/* RLX's symbols carry no values. Where a node with one dynamic dim has an
 * assignment, size / (static elements x dtype size) gives the value; a
 * symbol whose nodes all agree gets it as its default (and as a binding of
 * the plan), so RLX's sizes validate and the graph can be re-planned. */
static void
infer_symbols (LirGraph *graph, LirBufferPlan *plan)
{
  guint n_symbols = lir_graph_get_n_symbols (graph);
  g_autofree guint64 *values = g_new (guint64, n_symbols + 1);
  g_autofree gboolean *conflict = g_new0 (gboolean, n_symbols + 1);

  for (guint s = 0; s < n_symbols; s++)
    values[s] = LIR_NO_VALUE;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      LirShape shape;
      guint64 unit = lir_dtype_get_size (lir_graph_get_node_dtype (graph, id));
      guint32 symbol = LIR_DIM_STATIC;
      gboolean usable = plan->slot_flags[id] == LIR_SLOT_ALLOCATED;

      if (!usable)
        continue;
      lir_graph_get_node_shape (graph, id, &shape);
      for (guint d = 0; d < shape.n_dims && usable; d++)
        {
          if (shape.dims[d].symbol == LIR_DIM_STATIC)
            usable = g_uint64_checked_mul (&unit, unit, shape.dims[d].size);
          else if (symbol == LIR_DIM_STATIC || symbol == shape.dims[d].symbol)
            usable = symbol == LIR_DIM_STATIC && (symbol = shape.dims[d].symbol, TRUE);
          else
            usable = FALSE;
        }
      if (!usable || symbol == LIR_DIM_STATIC || unit == 0 || plan->slots[id].size % unit != 0)
        continue;
      if (values[symbol] == LIR_NO_VALUE)
        values[symbol] = plan->slots[id].size / unit;
      else if (values[symbol] != plan->slots[id].size / unit)
        conflict[symbol] = TRUE;
    }
  for (guint s = 0; s < n_symbols; s++)
    if (values[s] != LIR_NO_VALUE && !conflict[s])
      {
        lir_graph_add_symbol (graph, lir_graph_get_symbol_name (graph, s), values[s]);
        lir_buffer_plan_add_binding (plan, lir_graph_get_symbol_name (graph, s), values[s]);
      }
}

/* "schedule": every node once. */
static gboolean
read_schedule (Reader *r, const LirJsonValue *buffers, guint32 *schedule, GError **error)
{
  guint n = lir_graph_get_n_nodes (r->graph);
  const LirJsonValue *schedule_node, *schedule_array;
  g_autofree gboolean *seen = g_new0 (gboolean, n + 1);
  gsize mark;

  if ((schedule_node = lir_json_member (buffers, "schedule", TRUE, r->path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (r->path, "schedule", &mark);
  if ((schedule_array = lir_json_to_array (schedule_node, r->path, error)) == NULL)
    return FALSE;
  if (schedule_array->length != n)
    {
      lir_json_error (error, r->path, "lists %u nodes, the graph has %u", schedule_array->length, n);
      return FALSE;
    }
  LIR_JSON_FOREACH (element, i, schedule_array)
  {
    gsize mark2;

    lir_json_path_push_index (r->path, i, &mark2);
    if (!read_node_id (r, element, &schedule[i], error))
      return FALSE;
    if (seen[schedule[i]])
      {
        lir_json_error (error, r->path, "node %" G_GUINT64_FORMAT " is scheduled twice",
                        g_array_index (r->rlx_ids, guint64, schedule[i]));
        return FALSE;
      }
    seen[schedule[i]] = TRUE;
    lir_json_path_pop (r->path, mark2);
  }
  lir_json_path_pop (r->path, mark);
  return TRUE;
}

/* Which boundary kinds RLX put in the arena: those with an assignment.
 * RLX gives no slot to any node with a dynamic dim, so only static nodes
 * say whether a kind is in: a dynamic input never turns inputs off. */
static void
decide_allocation (LirBufferPlan *plan, const LirGraph *graph, const guint64 *sizes)
{
  static const LirOpKind kinds[] = { LIR_OP_INPUT, LIR_OP_PARAM, LIR_OP_CONSTANT };
  gboolean seen[3] = { FALSE }, placed[3] = { FALSE };

  for (guint32 id = 0; id < plan->n_nodes; id++)
    for (guint k = 0; k < 3; k++)
      if (lir_graph_get_node_kind (graph, id) == kinds[k] && sizes[id] != G_MAXUINT64)
        {
          seen[k] = TRUE;
          placed[k] |= plan->slot_flags[id] == LIR_SLOT_ALLOCATED;
        }
  plan->allocate_inputs = !seen[0] || placed[0];
  plan->allocate_params = !seen[1] || placed[1];
  plan->allocate_constants = !seen[2] || placed[2];
}

/* Each view's slot inside its root's; a view of a dynamic root keeps its
 * alias without a slot, as RLX has it. */
static gboolean
place_views (Reader *r, LirBufferPlan *plan, const guint64 *sizes, GError **error)
{
  gsize mark;

  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      guint32 root = plan->aliases[id].root;
      const LirBufferSlot *root_slot;
      guint64 size;

      if (root == LIR_NO_NODE)
        continue;
      if (plan->slot_flags[root] != LIR_SLOT_ALLOCATED && sizes[root] == G_MAXUINT64)
        continue;
      if (plan->slot_flags[root] != LIR_SLOT_ALLOCATED)
        {
          g_autofree char *key =
            g_strdup_printf ("%" G_GUINT64_FORMAT, g_array_index (r->rlx_ids, guint64, id));
          gsize mark2;

          lir_json_path_push_key (r->path, "view_aliases", &mark);
          lir_json_path_push_key (r->path, key, &mark2);
          lir_json_error (error, r->path, "the view's root has no assignment");
          return FALSE;
        }
      root_slot = &plan->slots[root];
      size = sizes[id] != G_MAXUINT64
               ? sizes[id]
               : root_slot->size - MIN (plan->aliases[id].byte_offset, root_slot->size);
      plan->slot_flags[id] = LIR_SLOT_VIEW;
      plan->slots[id] = (LirBufferSlot){ root_slot->offset + plan->aliases[id].byte_offset, size };
    }

  return TRUE;
}

static LirBufferPlan *
read_plan (Reader *r, const LirJsonValue *buffers, GError **error)
{
  LirGraph *graph = r->graph;
  guint n = lir_graph_get_n_nodes (graph);
  g_autoptr (LirBufferPlan) plan = lir_buffer_plan_new (graph, n);
  g_autofree guint32 *schedule = g_new (guint32, n + 1);
  g_autofree guint64 *sizes = g_new0 (guint64, n + 1);
  g_autofree guint64 *symbol_values = NULL;
  const LirJsonValue *phases_node;
  guint64 alignment, arena_size;
  gboolean phases_given = FALSE;
  gsize mark;

  lir_buffer_plan_set_strategy (plan, "rlx");
  if (!lir_json_get_u64 (buffers, "alignment", LIR_MAX_ALIGNMENT, &alignment, r->path, error)
      || !lir_json_get_u64 (buffers, "arena_size", LIR_MAX_BYTES, &arena_size, r->path, error))
    return NULL;
  if (alignment == 0 || (alignment & (alignment - 1)) != 0)
    {
      lir_json_path_push_key (r->path, "alignment", &mark);
      lir_json_error (error, r->path, "%" G_GUINT64_FORMAT " is not a power of two", alignment);
      return NULL;
    }
  plan->alignment = alignment;
  plan->arena_size = arena_size;

  if (!read_schedule (r, buffers, schedule, error))
    return NULL;
  lir_buffer_plan_set_schedule (plan, schedule, n);

  if (!each_keyed (r, plan, buffers, "assignments", TRUE, read_assignment, error)
      || !each_keyed (r, plan, buffers, "view_aliases", FALSE, read_alias, error))
    return NULL;

  phases_node = lir_json_get (buffers, "phases");
  if (!lir_json_is_null (phases_node))
    {
      const LirJsonValue *phases;

      lir_json_path_push_key (r->path, "phases", &mark);
      if ((phases = lir_json_to_object (phases_node, r->path, error)) == NULL
          || !each_keyed (r, plan, phases, "map", TRUE, read_phase, error))
        return NULL;
      lir_json_path_pop (r->path, mark);
      phases_given = TRUE;
    }

  infer_symbols (graph, plan);
  symbol_values = lir_buffer_plan_symbol_values (plan, graph);
  /* Views' own sizes; a size that needs an unbound symbol is G_MAXUINT64. */
  lir_graph_compute_sizes_partial (graph, symbol_values, sizes);

  decide_allocation (plan, graph, sizes);

  if (!place_views (r, plan, sizes, error))
    return NULL;
  {
    /* Liveness follows the graph's views, as the module reader and the
     * validator derive it: a plan whose views disagree with its graph is
     * flagged by the validator, and keeps its figures through a write. */
    g_autofree LirViewAlias *aliases = g_new (LirViewAlias, n + 1);

    lir_graph_resolve_views (graph, symbol_values, aliases);
    lir_graph_compute_liveness (graph, schedule, n, aliases, plan->lifetimes);
  }
  if (!phases_given)
    lir_graph_derive_phases (graph, schedule, n, plan->phases);
  lir_buffer_plan_collect_io (plan, graph);
  return g_steal_pointer (&plan);
}

/**
 * lir_rlx_read:
 * @root: the document's top-level object
 * @path: the JSON path being read, for errors
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the module with RLX's plan, or %NULL with an
 *   error naming the JSON path
 */
LirModule *
lir_rlx_read (const LirJsonValue *root, LirJsonPath *path, GError **error)
{
  Reader r = { 0 };
  g_autoptr (LirGraph) graph = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;
  const LirJsonValue *mir, *buffers;
  LirModule *module = NULL;
  gsize mark;

  r.path = path;
  r.index_of = g_hash_table_new (NULL, NULL);
  r.rlx_ids = g_array_new (FALSE, FALSE, sizeof (guint64));
  r.symbols = g_hash_table_new (NULL, NULL);

  lir_json_path_push_key (path, "mir", &mark);
  mir = lir_json_to_object (lir_json_get (root, "mir"), path, error);
  if (mir != NULL)
    graph = read_graph (&r, mir, error);
  if (graph != NULL)
    {
      lir_rlx_key_attach (graph, root);
      lir_json_path_pop (path, mark);
      lir_json_path_push_key (path, "buffers", &mark);
      buffers = lir_json_to_object (lir_json_get (root, "buffers"), path, error);
      if (buffers != NULL)
        plan = read_plan (&r, buffers, error);
      if (plan != NULL)
        {
          lir_json_path_pop (path, mark);
          module = lir_module_new (graph, plan);
        }
    }
  g_clear_pointer (&r.graph, lir_graph_unref);
  g_hash_table_unref (r.index_of);
  g_hash_table_unref (r.symbols);
  g_array_unref (r.rlx_ids);
  return module;
}
