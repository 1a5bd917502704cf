/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-live-set.c: the buffers live at one step, largest first, with totals by
 * kind and op; the buffers whose top edge is the arena, and the stack under
 * the highest of them.
 *
 * The live set comes from the plan index in O((k + 1) log n) for k buffers
 * and views live there, so the app can follow the cursor. Views own no
 * bytes: each is listed under its root and counted once, with the root.
 */
#include "lir-live-set.h"

#include "lir-analysis.h"
#include "lir-buffer-plan-private.h"

struct _LirLiveSet
{
  guint32 step;
  guint64 live_bytes;
  GArray *entries;  /* LirLiveEntry, largest first */
  guint32 *view_start; /* entries->len + 1 */
  GArray *views;    /* guint32, grouped by entry */
  guint64 kind_bytes[LIR_N_BUFFER_KINDS];
  GArray *ops;      /* LirLiveOpTotal, largest first */
};

static const char *const kind_names[LIR_N_BUFFER_KINDS] = {
  [LIR_BUFFER_KIND_INPUT] = "input",
  [LIR_BUFFER_KIND_PARAM] = "param",
  [LIR_BUFFER_KIND_CONSTANT] = "constant",
  [LIR_BUFFER_KIND_ACTIVATION] = "activation",
  [LIR_BUFFER_KIND_OUTPUT] = "output",
};

/* Returns: (transfer none): "input", "param", "constant", "activation" or "output" */
const char *
lir_buffer_kind_to_string (LirBufferKind kind)
{
  g_return_val_if_fail (kind < LIR_N_BUFFER_KINDS, NULL);
  return kind_names[kind];
}

/**
 * lir_module_get_buffer_kind:
 * @module: a module
 * @node: a node
 *
 * Returns: input, param or constant by op; output for a graph output that
 *   is none of those; activation otherwise (every buffer of a buffer list)
 */
LirBufferKind
lir_module_get_buffer_kind (const LirModule *module, guint32 node)
{
  LirGraph *graph = lir_module_get_graph (module);
  const guint32 *outputs;
  guint n_outputs;

  if (lir_module_is_buffer_only (module))
    return LIR_BUFFER_KIND_ACTIVATION;
  switch (lir_graph_node_kind (graph, node))
    {
    case LIR_OP_INPUT:
      return LIR_BUFFER_KIND_INPUT;
    case LIR_OP_PARAM:
      return LIR_BUFFER_KIND_PARAM;
    case LIR_OP_CONSTANT:
      return LIR_BUFFER_KIND_CONSTANT;
    default:
      break;
    }
  outputs = lir_graph_get_outputs (graph, &n_outputs);
  for (guint i = 0; i < n_outputs; i++)
    if (outputs[i] == node)
      return LIR_BUFFER_KIND_OUTPUT;
  return LIR_BUFFER_KIND_ACTIVATION;
}

/**
 * lir_module_get_buffer_kinds:
 * @module: a module
 *
 * The kind of every node at once, in O(nodes + outputs).
 *
 * Returns: (transfer full) (array): one #LirBufferKind per node
 */
guint8 *
lir_module_get_buffer_kinds (const LirModule *module)
{
  LirGraph *graph = lir_module_get_graph (module);
  guint n = lir_graph_get_n_nodes (graph), n_outputs;
  guint8 *kinds = g_new (guint8, MAX (n, 1));
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  for (guint32 id = 0; id < n; id++)
    {
      LirOpKind op = lir_module_is_buffer_only (module) ? LIR_OP_OPAQUE : lir_graph_node_kind (graph, id);

      kinds[id] = op == LIR_OP_INPUT      ? LIR_BUFFER_KIND_INPUT
                  : op == LIR_OP_PARAM    ? LIR_BUFFER_KIND_PARAM
                  : op == LIR_OP_CONSTANT ? LIR_BUFFER_KIND_CONSTANT
                                          : LIR_BUFFER_KIND_ACTIVATION;
    }
  for (guint i = 0; i < n_outputs && !lir_module_is_buffer_only (module); i++)
    if (outputs[i] < n && kinds[outputs[i]] == LIR_BUFFER_KIND_ACTIVATION)
      kinds[outputs[i]] = LIR_BUFFER_KIND_OUTPUT;
  return kinds;
}

/**
 * lir_module_get_dynamic_nodes:
 * @module: a module
 * @n_nodes: (out): how many
 *
 * The nodes RLX leaves out of the arena: a size that needs a symbol the plan
 * does not bind, and no slot. They are part of the plan as RLX made it, not
 * missing buffers, and are drawn and listed as "dynamic, not in the arena".
 *
 * Returns: (transfer full) (array length=n_nodes): node ids, ascending
 */
guint32 *
lir_module_get_dynamic_nodes (LirModule *module, guint *n_nodes)
{
  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  GArray *nodes = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = lir_module_is_buffer_only (module) ? 0 : lir_graph_get_n_nodes (graph);

  if (n > 0 && plan != NULL)
    {
      g_autofree guint64 *values = lir_buffer_plan_symbol_values (plan, graph);
      g_autofree guint64 *sizes = g_new (guint64, n);

      if (lir_sizes_compute_partial (graph, values, sizes) > 0)
        for (guint32 id = 0; id < n; id++)
          if (sizes[id] == G_MAXUINT64 && lir_buffer_plan_slot (plan, id) == NULL)
            g_array_append_val (nodes, id);
    }
  *n_nodes = nodes->len;
  return (guint32 *)g_array_free (nodes, FALSE);
}

static int
compare_entries (gconstpointer pa, gconstpointer pb)
{
  const LirLiveEntry *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return (a->node > b->node) - (a->node < b->node);
}

static int
compare_ops (gconstpointer pa, gconstpointer pb)
{
  const LirLiveOpTotal *a = pa, *b = pb;

  if (a->bytes != b->bytes)
    return a->bytes > b->bytes ? -1 : 1;
  return g_strcmp0 (a->op, b->op);
}

/**
 * lir_live_set_new:
 * @module: a planned module
 * @index: (transfer none): the index of @module's plan
 * @step: a step
 *
 * Returns: (transfer full): the buffers live at @step
 */
LirLiveSet *
lir_live_set_new (LirModule *module, const LirPlanIndex *index, guint32 step)
{
  const LirBufferPlan *plan = lir_module_get_plan (module);
  LirGraph *graph = lir_module_get_graph (module);
  LirLiveSet *set = g_new0 (LirLiveSet, 1);
  g_autoptr (GArray) live = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GHashTable) entry_of = g_hash_table_new (NULL, NULL);
  g_autoptr (GHashTable) op_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) view_pairs = g_array_new (FALSE, FALSE, sizeof (guint32) * 2);
  g_autofree guint *fill = NULL;

  set->step = step;
  set->entries = g_array_new (FALSE, FALSE, sizeof (LirLiveEntry));
  set->views = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 16); /* ->data never NULL */
  set->ops = g_array_new (FALSE, FALSE, sizeof (LirLiveOpTotal));
  lir_plan_index_query (index, step, step, live);
  for (guint i = 0; i < live->len; i++)
    {
      guint32 id = g_array_index (live, guint32, i);
      LirLiveEntry e;

      if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED)
        continue;
      e = (LirLiveEntry){ id, plan->slots[id].size, plan->slots[id].offset, plan->lifetimes[id].first_step,
                          plan->lifetimes[id].last_step, lir_module_get_buffer_kind (module, id), 0, 0 };
      g_array_append_val (set->entries, e);
      set->live_bytes += e.bytes;
      set->kind_bytes[e.kind] += e.bytes;
    }
  g_array_sort (set->entries, compare_entries);
  for (guint i = 0; i < set->entries->len; i++)
    {
      LirLiveEntry *e = &g_array_index (set->entries, LirLiveEntry, i);
      const char *op = lir_graph_node_op_family (graph, e->node);
      gpointer slot;

      e->share = set->live_bytes > 0 ? (double)e->bytes / (double)set->live_bytes : 0;
      g_hash_table_insert (entry_of, GUINT_TO_POINTER (e->node + 1), GUINT_TO_POINTER (i));
      if (!g_hash_table_lookup_extended (op_index, op, NULL, &slot))
        {
          LirLiveOpTotal total = { op, 0 };

          slot = GUINT_TO_POINTER (set->ops->len);
          g_hash_table_insert (op_index, (gpointer)op, slot);
          g_array_append_val (set->ops, total);
        }
      g_array_index (set->ops, LirLiveOpTotal, GPOINTER_TO_UINT (slot)).bytes += e->bytes;
    }
  g_array_sort (set->ops, compare_ops);

  /* Views, grouped under their roots' entries (CSR), in id order. */
  set->view_start = g_new0 (guint32, set->entries->len + 1);
  for (guint i = 0; i < live->len; i++)
    {
      guint32 id = g_array_index (live, guint32, i);
      gpointer entry;

      if (!(plan->slot_flags[id] & LIR_SLOT_VIEW) ||
          !g_hash_table_lookup_extended (entry_of, GUINT_TO_POINTER (plan->aliases[id].root + 1), NULL, &entry))
        continue;
      {
        guint32 pair[2] = { GPOINTER_TO_UINT (entry), id };

        g_array_append_val (view_pairs, pair);
        set->view_start[GPOINTER_TO_UINT (entry) + 1]++;
      }
    }
  for (guint i = 0; i < set->entries->len; i++)
    {
      g_array_index (set->entries, LirLiveEntry, i).n_views = set->view_start[i + 1];
      set->view_start[i + 1] += set->view_start[i];
    }
  g_array_set_size (set->views, view_pairs->len);
  fill = g_new (guint, set->entries->len + 1);
  for (guint i = 0; i <= set->entries->len; i++)
    fill[i] = set->view_start[i];
  for (guint i = 0; i < view_pairs->len; i++)
    {
      const guint32 *pair = (const guint32 *)(void *)(view_pairs->data + (gsize)i * sizeof (guint32) * 2);

      g_array_index (set->views, guint32, fill[pair[0]]++) = pair[1];
    }
  return set;
}

void
lir_live_set_free (LirLiveSet *set)
{
  if (set == NULL)
    return;
  g_array_unref (set->entries);
  g_array_unref (set->views);
  g_array_unref (set->ops);
  g_free (set->view_start);
  g_free (set);
}

guint32
lir_live_set_get_step (const LirLiveSet *set)
{
  return set->step;
}

/* Returns: the bytes of the owning buffers live at the step (views not again) */
guint64
lir_live_set_get_live_bytes (const LirLiveSet *set)
{
  return set->live_bytes;
}

guint
lir_live_set_get_n_entries (const LirLiveSet *set)
{
  return set->entries->len;
}

/* Returns: (transfer none): entry @index, largest first */
const LirLiveEntry *
lir_live_set_get_entry (const LirLiveSet *set, guint index)
{
  g_return_val_if_fail (index < set->entries->len, NULL);
  return &g_array_index (set->entries, LirLiveEntry, index);
}

/**
 * lir_live_set_get_views:
 * @set: a live set
 * @index: an entry
 * @n_views: (out): how many
 *
 * Returns: (transfer none) (array length=n_views): the entry's views live
 *   at the step, in id order
 */
const guint32 *
lir_live_set_get_views (const LirLiveSet *set, guint index, guint *n_views)
{
  g_return_val_if_fail (index < set->entries->len, NULL);
  *n_views = set->view_start[index + 1] - set->view_start[index];
  return &g_array_index (set->views, guint32, set->view_start[index]);
}

guint64
lir_live_set_get_kind_bytes (const LirLiveSet *set, LirBufferKind kind)
{
  g_return_val_if_fail (kind < LIR_N_BUFFER_KINDS, 0);
  return set->kind_bytes[kind];
}

guint
lir_live_set_get_n_ops (const LirLiveSet *set)
{
  return set->ops->len;
}

/* Returns: (transfer none): the live bytes of one op, largest first */
const LirLiveOpTotal *
lir_live_set_get_op (const LirLiveSet *set, guint index)
{
  g_return_val_if_fail (index < set->ops->len, NULL);
  return &g_array_index (set->ops, LirLiveOpTotal, index);
}

static int
compare_top (gconstpointer pa, gconstpointer pb, gpointer user_data)
{
  const LirBufferPlan *plan = user_data;
  guint32 a = *(const guint32 *)pa, b = *(const guint32 *)pb;

  if (plan->slots[a].size != plan->slots[b].size)
    return plan->slots[a].size > plan->slots[b].size ? -1 : 1;
  return (a > b) - (a < b);
}

/**
 * lir_plan_top_edge:
 * @plan: a plan
 *
 * Returns: (transfer full) (element-type guint32): the owning buffers whose
 *   offset + size is the arena size, largest first: what sets the arena
 */
GArray *
lir_plan_top_edge (const LirBufferPlan *plan)
{
  GArray *top = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] == LIR_SLOT_ALLOCATED && plan->slots[id].size > 0 &&
        plan->slots[id].offset + plan->slots[id].size == plan->arena_size)
      g_array_append_val (top, id);
  g_array_sort_with_data (top, compare_top, (gpointer)plan);
  return top;
}

/**
 * lir_plan_arena_chain:
 * @plan: a plan
 * @index: its index
 * @top: a buffer of the top edge
 *
 * Why @top could not sit lower: starting from it, the buffer below it that
 * is live at some common step and ends highest under it, then the same for
 * that one, down to the bottom of the arena.
 *
 * Returns: (transfer full) (element-type guint32): @top, then the stack
 *   under it, top down
 */
GArray *
lir_plan_arena_chain (const LirBufferPlan *plan, const LirPlanIndex *index, guint32 top)
{
  GArray *chain = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) overlapping = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 current = top;

  g_return_val_if_fail (top < plan->n_nodes, chain);
  while (current != LIR_NO_NODE && chain->len <= plan->n_nodes)
    {
      guint64 floor = plan->slots[current].offset;
      guint32 below = LIR_NO_NODE;
      guint64 best_end = 0;

      g_array_append_val (chain, current);
      if (floor == 0)
        break;
      g_array_set_size (overlapping, 0);
      lir_plan_index_query (index, plan->lifetimes[current].first_step, plan->lifetimes[current].last_step,
                            overlapping);
      for (guint i = 0; i < overlapping->len; i++)
        {
          guint32 id = g_array_index (overlapping, guint32, i);
          guint64 end = plan->slots[id].offset + plan->slots[id].size;

          if (plan->slot_flags[id] != LIR_SLOT_ALLOCATED || id == current || plan->slots[id].size == 0 ||
              end > floor)
            continue;
          if (below == LIR_NO_NODE || end > best_end || (end == best_end && id < below))
            {
              below = id;
              best_end = end;
            }
        }
      current = below;
    }
  return chain;
}
