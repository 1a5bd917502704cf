/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-rlx-key.c: RLX's AOT cache key (LirFingerprint::of) from RLX's LIR JSON.
 *
 * RLX 0.2.2 (rlx-ir/src/lir.rs) hashes with Rust's DefaultHasher: the MIR
 * graph's name and node count; per node its id, the Display text of its op,
 * its shape (dims, each a variant index and a size or symbol, then the dtype
 * index) and its inputs; the outputs; then the plan's arena size, schedule
 * length, alignment and number of view aliases. Everything up to the plan's
 * figures is hashed here, once, from the document as RLX wrote it; the
 * figures are hashed when the key is asked for, so that a re-plan changes
 * the key exactly where RLX's would change. data/FORMAT.md gives the recipe.
 *
 * The op's Display text comes from lir-rlx-op-text.c; an op it does not
 * know leaves the key out, saying which.
 */
#include "lir-rlx-private.h"

#include "ir/lir-graph-private.h"
#include "ir/lir-siphash-private.h"
#include "lir-rlx-op-text-private.h"

#include <string.h>

/* A serde enum value: a unit variant as a string, else an object of one
 * member whose value is the payload. */
static const char *
variant_of (const LirJsonValue *op, const LirJsonValue **payload)
{
  *payload = NULL;
  if (op->type == LIR_JSON_STRING)
    return op->v.string;
  if (op->type == LIR_JSON_OBJECT && op->length == 1)
    {
      *payload = lir_json_first (op);
      return (*payload)->key;
    }
  return NULL;
}

/* Shape's derived Hash: the dims' count, each dim's variant and value
 * (Static: a usize, Dynamic: a u32), then the dtype's index. */
static gboolean
hash_shape (LirSipHash *h, const LirJsonValue *shape)
{
  const LirJsonValue *dims = shape != NULL ? lir_json_get (shape, "dims") : NULL;
  const LirJsonValue *dtype = shape != NULL ? lir_json_get (shape, "dtype") : NULL;

  if (dims == NULL || dims->type != LIR_JSON_ARRAY || dtype == NULL || dtype->type != LIR_JSON_STRING)
    return FALSE;
  lir_siphash13_write_usize (h, dims->length);
  LIR_JSON_FOREACH (dim, i, dims)
  {
    const LirJsonValue *value =
      dim->type == LIR_JSON_OBJECT && dim->length == 1 ? lir_json_first (dim) : NULL;

    if (value == NULL || value->type != LIR_JSON_INTEGER || value->v.integer < 0)
      return FALSE;
    if (strcmp (value->key, "Static") == 0)
      {
        lir_siphash13_write_usize (h, 0);
        lir_siphash13_write_usize (h, (guint64)value->v.integer);
      }
    else if (strcmp (value->key, "Dynamic") == 0 && value->v.integer <= G_MAXUINT32)
      {
        lir_siphash13_write_usize (h, 1);
        lir_siphash13_write_u32 (h, (guint32)value->v.integer);
      }
    else
      return FALSE;
  }
  for (guint i = 0; i < LIR_RLX_N_DTYPES; i++)
    if (strcmp (dtype->v.string, lir_rlx_dtype_variants[i]) == 0)
      {
        lir_siphash13_write_usize (h, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
hash_id (LirSipHash *h, const LirJsonValue *id)
{
  if (id == NULL || id->type != LIR_JSON_INTEGER || id->v.integer < 0 || id->v.integer > G_MAXUINT32)
    return FALSE;
  lir_siphash13_write_u32 (h, (guint32)id->v.integer);
  return TRUE;
}

/* One node: its id, its op's text, its shape and its inputs. NULL, or why
 * not. */
static char *
hash_node (LirSipHash *h, const LirJsonValue *node, GString *text)
{
  const LirJsonValue *op = lir_json_get (node, "op"), *inputs = lir_json_get (node, "inputs");
  const LirJsonValue *payload;
  const char *variant = op != NULL ? variant_of (op, &payload) : NULL;

  g_string_truncate (text, 0);
  if (variant == NULL || !lir_rlx_op_text (variant, payload, text))
    return g_strdup_printf ("RLX's key needs the text of op %s, which Lirscope does not know",
                            variant != NULL ? variant : "(unreadable)");
  if (!hash_id (h, lir_json_get (node, "id")))
    return g_strdup ("a node id is not a 32-bit number");
  lir_siphash13_write_str (h, text->str);
  if (!hash_shape (h, lir_json_get (node, "shape")))
    return g_strdup ("a node's shape is not RLX's");
  if (inputs == NULL || inputs->type != LIR_JSON_ARRAY)
    return g_strdup ("a node's inputs are not a list");
  lir_siphash13_write_usize (h, inputs->length);
  LIR_JSON_FOREACH (input, i, inputs)
  if (!hash_id (h, input))
    return g_strdup ("an input id is not a 32-bit number");
  return NULL;
}

static gboolean
count_of (const LirJsonValue *object, const char *key, LirJsonType type, guint64 *count)
{
  const LirJsonValue *value = lir_json_get (object, key);

  if (value == NULL || value->type != type)
    return FALSE;
  *count = value->length;
  return TRUE;
}

static gboolean
number_of (const LirJsonValue *object, const char *key, guint64 *number)
{
  const LirJsonValue *value = lir_json_get (object, key);

  if (value == NULL || value->type != LIR_JSON_INTEGER || value->v.integer < 0)
    return FALSE;
  *number = (guint64)value->v.integer;
  return TRUE;
}

/* Why the key of @root cannot be computed, or NULL when @key holds it. */
static char *
compute (const LirJsonValue *root, LirRlxKey *key)
{
  const LirJsonValue *mir = lir_json_get (root, "mir");
  const LirJsonValue *inner =
    mir != NULL && mir->type == LIR_JSON_OBJECT ? lir_json_get (mir, "inner") : NULL;
  const LirJsonValue *buffers = lir_json_get (root, "buffers");
  const LirJsonValue *name = inner != NULL ? lir_json_get (inner, "name") : NULL;
  const LirJsonValue *nodes = inner != NULL ? lir_json_get (inner, "nodes") : NULL;
  const LirJsonValue *outputs = inner != NULL ? lir_json_get (inner, "outputs") : NULL;
  g_autoptr (GString) text = g_string_new (NULL);

  if (name == NULL || name->type != LIR_JSON_STRING || nodes == NULL || nodes->type != LIR_JSON_ARRAY
      || outputs == NULL || outputs->type != LIR_JSON_ARRAY || buffers == NULL
      || buffers->type != LIR_JSON_OBJECT)
    return g_strdup ("the document does not have RLX's graph and plan");
  lir_siphash13_init (&key->graph_part);
  lir_siphash13_write_str (&key->graph_part, name->v.string);
  lir_siphash13_write_usize (&key->graph_part, nodes->length);
  LIR_JSON_FOREACH (node, i, nodes)
  {
    char *why = hash_node (&key->graph_part, node, text);

    if (why != NULL)
      return why;
  }
  LIR_JSON_FOREACH (output, i, outputs)
  if (!hash_id (&key->graph_part, output))
    return g_strdup ("an output id is not a 32-bit number");
  if (!count_of (buffers, "schedule", LIR_JSON_ARRAY, &key->schedule_len)
      || !count_of (buffers, "view_aliases", LIR_JSON_OBJECT, &key->view_aliases)
      || !number_of (buffers, "arena_size", &key->file_arena)
      || !number_of (buffers, "alignment", &key->file_alignment))
    return g_strdup ("the plan does not have RLX's schedule, view aliases, arena and alignment");
  return NULL;
}

/* Gives @graph RLX's key of the document it was read from (or why there is
 * none). */
void
lir_rlx_key_attach (LirGraph *graph, const LirJsonValue *root)
{
  LirRlxKey *key = g_new0 (LirRlxKey, 1);

  key->missing = compute (root, key);
  lir_graph_set_rlx_key (graph, key);
}
