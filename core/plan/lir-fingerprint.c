/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-fingerprint.c: the canonical byte encoding of a module, hashed with XXH3-64.
 *
 * Every integer is written as 8 little-endian bytes and every string as its
 * length then its bytes (a missing string as length 2^64-1), so the
 * encoding is the same on every platform and never depends on hash-table
 * order. The layout is documented in data/FORMAT.md; the pinned vectors in
 * tests/core/test-fingerprint.c must change whenever it does.
 */
#include "lir-fingerprint.h"

#include "ir/lir-graph-private.h"
#include "lir-buffer-plan-private.h"
#include "ir/lir-error.h"

#include <string.h>
#include <xxhash.h>

typedef struct
{
  XXH3_state_t *state;
} Encoder;

static void
put_u64 (Encoder *e, guint64 value)
{
  guint8 bytes[8];

  for (guint i = 0; i < 8; i++)
    bytes[i] = (guint8)(value >> (8 * i));
  XXH3_64bits_update (e->state, bytes, sizeof bytes);
}

static void
put_str (Encoder *e, const char *text)
{
  if (text == NULL)
    {
      put_u64 (e, G_MAXUINT64);
      return;
    }
  put_u64 (e, strlen (text));
  XXH3_64bits_update (e->state, text, strlen (text));
}

static void
encode_graph (Encoder *e, const LirGraph *graph)
{
  guint n = lir_graph_get_n_nodes (graph), n_outputs;
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  put_str (e, "graph");
  put_str (e, lir_graph_get_name (graph));
  put_u64 (e, lir_graph_get_n_symbols (graph));
  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    {
      put_str (e, lir_graph_get_symbol_name (graph, s));
      put_u64 (e, lir_graph_get_symbol_default (graph, s));
    }
  put_u64 (e, n);
  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);

      put_str (e, node->op_name);
      put_str (e, node->name);
      put_str (e, node->attrs);
      put_str (e, lir_dtype_to_string (node->dtype));
      put_u64 (e, node->n_dims);
      for (guint i = 0; i < node->n_dims; i++)
        {
          put_u64 (e, dims[i].symbol == LIR_DIM_STATIC ? 0 : 1);
          put_u64 (e, dims[i].symbol == LIR_DIM_STATIC ? dims[i].size : dims[i].symbol);
        }
      put_u64 (e, node->n_inputs);
      for (guint i = 0; i < node->n_inputs; i++)
        put_u64 (e, inputs[i]);
      /* Only where set, so graphs without them keep their fingerprints; the
       * tag is no string length or count, so the encoding stays unambiguous. */
      if (node->alias_kind != LIR_ALIAS_NONE || node->no_buffer || node->result_of != LIR_NO_NODE)
        {
          put_u64 (e, G_MAXUINT64 - 1);
          put_u64 (e, node->alias_kind);
          put_u64 (e, node->alias_of);
          put_u64 (e, node->alias_offset);
          put_u64 (e, node->no_buffer);
          put_u64 (e, node->result_of);
        }
      /* A training step's category and region, likewise only where set. */
      if (node->category != LIR_CATEGORY_NONE || node->region != LIR_REGION_NONE)
        {
          put_u64 (e, G_MAXUINT64 - 2);
          put_u64 (e, node->category);
          put_u64 (e, node->saved);
          put_u64 (e, node->region);
        }
    }
  put_u64 (e, n_outputs);
  for (guint i = 0; i < n_outputs; i++)
    put_u64 (e, outputs[i]);
}

static void
encode_plan (Encoder *e, const LirBufferPlan *plan)
{
  put_str (e, "plan");
  put_u64 (e, plan->alignment);
  put_u64 (e, plan->arena_size);
  put_u64 (e, plan->explicit_lifetimes);
  put_u64 (e, plan->binding_names->len);
  for (guint i = 0; i < plan->binding_names->len; i++)
    {
      put_str (e, g_ptr_array_index (plan->binding_names, i));
      put_u64 (e, g_array_index (plan->binding_values, guint64, i));
    }
  put_u64 (e, plan->schedule->len);
  for (guint i = 0; i < plan->schedule->len; i++)
    put_u64 (e, g_array_index (plan->schedule, guint32, i));
  put_u64 (e, plan->n_nodes);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      /* A node without a slot has no offset or size: whatever the planner
       * noted there is not written to files, so it is not part of the key. */
      gboolean placed = plan->slot_flags[id] != LIR_SLOT_NONE || plan->unplaced;

      put_u64 (e, plan->slot_flags[id]);
      put_u64 (e, placed ? plan->slots[id].offset : 0);
      put_u64 (e, placed ? plan->slots[id].size : 0);
      put_u64 (e, plan->aliases[id].root);
      put_u64 (e, plan->aliases[id].byte_offset);
      put_u64 (e, plan->phases[id]);
      if (plan->explicit_lifetimes)
        {
          put_u64 (e, plan->lifetimes[id].first_step);
          put_u64 (e, plan->lifetimes[id].last_step);
        }
    }
}

static guint64
finish (Encoder *e)
{
  guint64 value = XXH3_64bits_digest (e->state);

  XXH3_freeState (e->state);
  return value;
}

/**
 * lir_graph_get_fingerprint:
 * @graph: a graph
 *
 * The fingerprint of the graph alone, so "same graph, different plan" can
 * be told from "different graph".
 *
 * Returns: the graph's XXH3-64 fingerprint (data/FORMAT.md)
 */
guint64
lir_graph_get_fingerprint (const LirGraph *graph)
{
  g_return_val_if_fail (graph != NULL, 0);

  Encoder e = { XXH3_createState () };

  XXH3_64bits_reset (e.state);
  put_str (&e, "LIRSCOPE-FP1");
  encode_graph (&e, graph);
  return finish (&e);
}

/**
 * lir_module_get_fingerprint:
 * @module: a module
 *
 * The stable fingerprint of a module, an AOT cache key: equal plans of
 * equal graphs have equal fingerprints on every machine, and any change to
 * what the runtime would do changes it; so does a renamed node (op labels
 * and origins are display only and are not part of it). It covers the
 * graph and the whole plan: schedule, slots, aliases, phases, alignment,
 * arena size, bindings.
 *
 * Returns: the module's XXH3-64 fingerprint (data/FORMAT.md)
 */
guint64
lir_module_get_fingerprint (const LirModule *module)
{
  g_return_val_if_fail (module != NULL, 0);

  Encoder e = { XXH3_createState () };
  const LirBufferPlan *plan;

  plan = lir_module_get_plan (module);
  XXH3_64bits_reset (e.state);
  put_str (&e, "LIRSCOPE-FP1");
  encode_graph (&e, lir_module_get_graph (module));
  if (plan != NULL)
    encode_plan (&e, plan);
  else
    put_str (&e, "unplanned");
  return finish (&e);
}

/* RLX's key of @module's graph with a plan of @arena bytes aligned to
 * @alignment (LirFingerprint::of: the graph part, then the arena size, the
 * schedule's length, the alignment and the number of view aliases). */
static gboolean
rlx_key (const LirModule *module, gboolean file_plan, guint64 *fingerprint, GError **error)
{
  const LirRlxKey *key = lir_graph_get_rlx_key (lir_module_get_graph (module));
  const LirBufferPlan *plan = lir_module_get_plan (module);
  LirSipHash h;

  if (key == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "RLX's cache key is known only for modules read from RLX's LIR JSON: it hashes RLX's "
                   "graph as RLX holds it");
      return FALSE;
    }
  if (key->missing != NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED, "RLX's cache key cannot be computed: %s",
                   key->missing);
      return FALSE;
    }
  if (plan == NULL && !file_plan)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "RLX's cache key needs a plan");
      return FALSE;
    }
  h = key->graph_part;
  lir_siphash13_write_usize (&h, file_plan ? key->file_arena : lir_buffer_plan_get_arena_size (plan));
  lir_siphash13_write_usize (&h, key->schedule_len);
  lir_siphash13_write_usize (&h, file_plan ? key->file_alignment : lir_buffer_plan_get_alignment (plan));
  lir_siphash13_write_usize (&h, key->view_aliases);
  *fingerprint = lir_siphash13_finish (&h);
  return TRUE;
}

/**
 * lir_module_get_rlx_fingerprint:
 * @module: a module read from RLX's LIR JSON
 * @fingerprint: (out): RLX's key
 * @error: return location for a #GError
 *
 * RLX's own AOT cache key (`LirFingerprint::of`, RLX 0.2.2) of the module
 * with its current plan: a re-plan changes it exactly where RLX's would,
 * when the arena size or the alignment changes. data/FORMAT.md gives the
 * recipe. Lirscope's own fingerprint (lir_module_get_fingerprint ()) covers
 * the whole plan; RLX's does not.
 *
 * Returns: %TRUE with @fingerprint set; %FALSE with %LIR_ERROR_UNSUPPORTED
 *   for a module that was not read from RLX's LIR JSON, or whose ops
 *   include one whose text Lirscope does not know
 */
gboolean
lir_module_get_rlx_fingerprint (const LirModule *module, guint64 *fingerprint, GError **error)
{
  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rlx_key (module, FALSE, fingerprint, error);
}

/**
 * lir_module_get_rlx_file_fingerprint:
 * @module: a module read from RLX's LIR JSON
 * @fingerprint: (out): RLX's key of the plan RLX wrote
 * @error: return location for a #GError
 *
 * RLX's AOT cache key of the plan as RLX wrote it, whatever the module's
 * plan is now: the entry RLX's cache holds for this file. When it differs
 * from lir_module_get_rlx_fingerprint (), RLX would miss its cache.
 *
 * Returns: %TRUE with @fingerprint set; %FALSE as
 *   lir_module_get_rlx_fingerprint () does
 */
gboolean
lir_module_get_rlx_file_fingerprint (const LirModule *module, guint64 *fingerprint, GError **error)
{
  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (fingerprint != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return rlx_key (module, TRUE, fingerprint, error);
}

/**
 * lir_fingerprint_to_string:
 * @fingerprint: a fingerprint
 *
 * Writes a fingerprint the way every front end shows it.
 *
 * Returns: (transfer full): @fingerprint as 16 lower-case hex digits, the
 *   form `lirscope-cli fingerprint` prints
 */
char *
lir_fingerprint_to_string (guint64 fingerprint)
{
  return g_strdup_printf ("%016" G_GINT64_MODIFIER "x", fingerprint);
}
