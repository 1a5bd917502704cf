/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-plan.c: reads the plan of a Lirscope module document: strategy,
 * alignment, arena, bindings, the schedule or explicit lifetimes, slots,
 * views, phases. Liveness is derived from the graph, never stored. */
#include "lir-json-read-private.h"

#include "ir/lir-error.h"
#include "plan/lir-analysis-private.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

static gboolean
read_id_array (const LirJsonValue *array, guint n_nodes, guint32 *out, LirJsonPath *path, GError **error)
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
typedef gboolean (*EachEntry) (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *entry,
                               LirJsonPath *path, GError **error);

static gboolean
read_entries (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *object, const char *key,
              EachEntry each, LirJsonPath *path, GError **error)
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
read_node_ref (const LirJsonValue *entry, const char *key, guint n_nodes, guint32 *out, LirJsonPath *path,
               GError **error)
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
read_lifetime (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *entry, LirJsonPath *path,
               GError **error)
{
  guint32 node;
  guint64 first, last;

  if (!read_node_ref (entry, "node", plan->n_nodes, &node, path, error)
      || !lir_json_get_u64 (entry, "first", G_MAXUINT32 - 2, &first, path, error)
      || !lir_json_get_u64 (entry, "last", G_MAXUINT32 - 2, &last, path, error))
    return FALSE;
  if (last < first)
    {
      lir_json_error (error, path, "last step %" G_GUINT64_FORMAT " is before first step %" G_GUINT64_FORMAT,
                      last, first);
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
read_bindings (LirBufferPlan *plan, const LirGraph *graph, const LirJsonValue *object, guint64 *symbol_values,
               LirJsonPath *path, GError **error)
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

/* "schedule": every node id once, in the order the plan runs them. */
static gboolean
read_schedule (LirBufferPlan *plan, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  const LirJsonValue *schedule_node, *schedule;
  g_autofree guint32 *ids = NULL;
  guint n = plan->n_nodes;
  gsize mark;

  if ((schedule_node = lir_json_member (object, "schedule", TRUE, path, error)) == NULL)
    return FALSE;
  lir_json_path_push_key (path, "schedule", &mark);
  if ((schedule = lir_json_to_array (schedule_node, path, error)) == NULL)
    return FALSE;
  if (schedule->length != n)
    {
      lir_json_error (error, path, "lists %u nodes, the graph has %u", schedule->length, n);
      return FALSE;
    }
  ids = g_new (guint32, n + 1);
  if (!read_id_array (schedule, n, ids, path, error))
    return FALSE;
  lir_json_path_pop (path, mark);
  lir_buffer_plan_set_schedule (plan, ids, n);
  return TRUE;
}

/* A listed view lies inside its root's slot when the root owns one; a
 * view of a root without a slot (a dynamic one) keeps its own, as RLX's
 * reader decides it. Decided on the owners as listed, in any order. */
static void
mark_views (LirBufferPlan *plan)
{
  g_autofree guint8 *owns = g_memdup2 (plan->slot_flags, plan->n_nodes + 1);

  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->aliases[id].root != LIR_NO_NODE && plan->slot_flags[id] != LIR_SLOT_NONE
        && owns[plan->aliases[id].root] == LIR_SLOT_ALLOCATED)
      plan->slot_flags[id] = LIR_SLOT_VIEW;
}

/* "phases": one phase name per node, in id order. */
static gboolean
read_phases (LirBufferPlan *plan, const LirJsonValue *phases_node, LirJsonPath *path, GError **error)
{
  const LirJsonValue *phases;
  gsize mark, mark2;

  lir_json_path_push_key (path, "phases", &mark);
  if ((phases = lir_json_to_array (phases_node, path, error)) == NULL)
    return FALSE;
  if (phases->length != plan->n_nodes)
    {
      lir_json_error (error, path, "lists %u phases, the graph has %u nodes", phases->length, plan->n_nodes);
      return FALSE;
    }
  LIR_JSON_FOREACH (element, i, phases)
  {
    const char *name;
    LirPhase phase;

    lir_json_path_push_index (path, i, &mark2);
    if ((name = lir_json_to_string (element, path, error)) == NULL)
      return FALSE;
    if (!lir_phase_from_string (name, &phase))
      {
        lir_json_error (error, path, "unknown phase \"%s\"", name);
        return FALSE;
      }
    plan->phases[i] = phase;
    lir_json_path_pop (path, mark2);
  }
  lir_json_path_pop (path, mark);
  return TRUE;
}

/**
 * lir_json_read_plan: (skip)
 * @graph: the graph read from the same document
 * @object: the document's "plan"
 * @path: where @object is, for errors
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL
 */
LirBufferPlan *
lir_json_read_plan (const LirGraph *graph, const LirJsonValue *object, LirJsonPath *path, GError **error)
{
  guint n = lir_graph_get_n_nodes (graph);
  g_autoptr (LirBufferPlan) plan = lir_buffer_plan_new ((LirGraph *)graph, n);
  g_autofree guint64 *symbol_values = g_new (guint64, lir_graph_get_n_symbols (graph) + 1);
  const LirJsonValue *strategy, *phases_node;
  guint64 alignment, arena_size;

  strategy = lir_json_get (object, "strategy");
  if (strategy != NULL)
    {
      const char *name;
      gsize mark;
      lir_json_path_push_key (path, "strategy", &mark);
      if ((name = lir_json_read_name (strategy, TRUE, path, error)) == NULL)
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
  if (plan->explicit_lifetimes ? !read_entries (plan, graph, object, "lifetimes", read_lifetime, path, error)
                               : !read_schedule (plan, object, path, error))
    return NULL;

  if (!read_entries (plan, graph, object, "slots", read_slot, path, error)
      || !read_entries (plan, graph, object, "views", read_view, path, error))
    return NULL;
  mark_views (plan);
  if (!read_placed (plan, object, path, error))
    return NULL;

  phases_node = lir_json_get (object, "phases");
  if (phases_node != NULL && !read_phases (plan, phases_node, path, error))
    return NULL;

  if (!plan->explicit_lifetimes)
    {
      /* Liveness is derived, never stored: recompute it from the graph. */
      g_autofree LirViewAlias *aliases = g_new (LirViewAlias, n + 1);
      const guint32 *schedule = (const guint32 *)plan->schedule->data;

      lir_graph_resolve_views (graph, symbol_values, aliases);
      lir_graph_compute_liveness (graph, schedule, n, aliases, plan->lifetimes);
      if (phases_node == NULL)
        lir_graph_derive_phases (graph, schedule, n, plan->phases);
    }
  lir_buffer_plan_collect_io (plan, graph);
  return g_steal_pointer (&plan);
}
