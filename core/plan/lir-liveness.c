/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-liveness.c: buffer sizes, view aliases and live ranges, following RLX's
 * memory planner rule for rule (see data/FORMAT.md, "Planning rules"). */
#include "lir-analysis-private.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"

/**
 * lir_graph_compute_sizes:
 * @graph: a graph
 * @symbol_values: (array): one value per graph symbol, %LIR_NO_VALUE if unbound
 * @sizes: (out caller-allocates) (array): one byte size per node
 * @error: return location for a #GError
 *
 * Returns: %FALSE, naming the symbol and node, if a symbol a shape uses is
 *   unbound, or if a size overflows
 */
gboolean
lir_graph_compute_sizes (const LirGraph *graph, const guint64 *symbol_values, guint64 *sizes, GError **error)
{
  guint n = lir_graph_get_n_nodes (graph);
  guint n_symbols = lir_graph_get_n_symbols (graph);

  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);
      guint64 bytes = lir_dtype_get_size (node->dtype);
      char label[24];

      if (node->no_buffer)
        {
          sizes[id] = 0;
          continue;
        }
      for (guint i = 0; i < node->n_dims; i++)
        {
          guint64 size = dims[i].size;

          if (dims[i].symbol != LIR_DIM_STATIC)
            {
              if (dims[i].symbol >= n_symbols || symbol_values[dims[i].symbol] == LIR_NO_VALUE)
                {
                  const char *symbol =
                    dims[i].symbol < n_symbols ? lir_graph_get_symbol_name (graph, dims[i].symbol) : "?";
                  g_set_error (error, LIR_ERROR, LIR_ERROR_UNBOUND_SYMBOL,
                               "symbol \"%s\" (node %u, %s) has no value; bind it with "
                               "--bind %s=N",
                               symbol, id, lir_graph_get_node_label (graph, id, label), symbol);
                  return FALSE;
                }
              size = symbol_values[dims[i].symbol];
            }
          if (!g_uint64_checked_mul (&bytes, bytes, size))
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "node %u (%s): byte size overflows 64 bits",
                           id, lir_graph_get_node_label (graph, id, label));
              return FALSE;
            }
        }
      sizes[id] = bytes;
    }
  return TRUE;
}

/**
 * lir_graph_compute_sizes_partial:
 * @graph: a graph
 * @symbol_values: the bound value of each symbol, %LIR_NO_VALUE if unbound
 * @sizes: (out caller-allocates) (array): each node's bytes
 *
 * Like lir_graph_compute_sizes (), but a node whose size needs an unbound symbol
 * gets %G_MAXUINT64 instead of failing the whole graph: RLX plans dynamic
 * graphs that way, leaving such nodes out of the arena.
 *
 * Returns: how many nodes have no size yet
 */
guint
lir_graph_compute_sizes_partial (const LirGraph *graph, const guint64 *symbol_values, guint64 *sizes)
{
  guint n = lir_graph_get_n_nodes (graph), n_symbols = lir_graph_get_n_symbols (graph), unknown = 0;

  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);
      guint64 bytes = node->no_buffer ? 0 : lir_dtype_get_size (node->dtype);

      for (guint i = 0; i < node->n_dims && bytes != G_MAXUINT64 && !node->no_buffer; i++)
        {
          guint64 size = dims[i].size;

          if (dims[i].symbol != LIR_DIM_STATIC)
            size = dims[i].symbol < n_symbols ? symbol_values[dims[i].symbol] : LIR_NO_VALUE;
          if (size == LIR_NO_VALUE || !g_uint64_checked_mul (&bytes, bytes, size))
            bytes = G_MAXUINT64;
        }
      sizes[id] = bytes;
      unknown += bytes == G_MAXUINT64;
    }
  return unknown;
}

/* The byte size of one axis-0 slice of @node, or FALSE if a dim after the
 * first is neither static nor bound (RLX only aliases static inner dims). */
static gboolean
inner_bytes (const LirGraph *graph, const LirNode *node, const guint64 *symbol_values, guint64 *out_bytes)
{
  const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);
  guint n_symbols = lir_graph_get_n_symbols (graph);
  guint64 bytes = lir_dtype_get_size (node->dtype);

  for (guint i = 1; i < node->n_dims; i++)
    {
      guint64 size = dims[i].size;

      if (dims[i].symbol != LIR_DIM_STATIC)
        {
          if (symbol_values == NULL || dims[i].symbol >= n_symbols
              || symbol_values[dims[i].symbol] == LIR_NO_VALUE)
            return FALSE;
          size = symbol_values[dims[i].symbol];
        }
      if (!g_uint64_checked_mul (&bytes, bytes, size))
        return FALSE;
    }
  *out_bytes = bytes;
  return TRUE;
}

/* If @id is a pure view, its parent and its offset inside the parent:
 * a declared alias (a PyTorch view or in-place op) where it says, reshape
 * (offset 0), a cast to the input's own dtype (offset 0), and a narrow on
 * axis 0 (start × bytes of one slice). */
static gboolean
view_parent (const LirGraph *graph, guint32 id, const guint64 *symbol_values, guint32 *parent,
             guint64 *offset)
{
  const LirNode *node = lir_graph_node (graph, id);
  const LirNode *input;
  guint64 stride;

  if (node->alias_kind != LIR_ALIAS_NONE)
    {
      *parent = node->alias_of;
      *offset = node->alias_offset;
      return *parent < lir_graph_get_n_nodes (graph);
    }
  if (node->n_inputs != 1)
    return FALSE;
  *parent = lir_graph_inputs_of (graph, node)[0];
  if (*parent >= lir_graph_get_n_nodes (graph))
    return FALSE;
  input = lir_graph_node (graph, *parent);

  switch (node->kind)
    {
    case LIR_OP_RESHAPE:
      *offset = 0;
      return TRUE;
    case LIR_OP_CAST:
      *offset = 0;
      return input->dtype == node->cast_to;
    case LIR_OP_NARROW:
      if (node->narrow_axis != 0 || !inner_bytes (graph, input, symbol_values, &stride))
        return FALSE;
      return g_uint64_checked_mul (offset, node->narrow_start, stride);
    default:
      return FALSE;
    }
}

/**
 * lir_graph_resolve_views:
 * @graph: a validated (acyclic) graph
 * @symbol_values: (array) (nullable): symbol values for narrow strides
 * @aliases: (out caller-allocates) (array): one per node; root
 *   %LIR_NO_NODE for nodes that are not views
 *
 * Resolves every view chain to its buffer-owning root and the cumulative
 * byte offset. Chains are walked once each, so long chains stay linear.
 */
void
lir_graph_resolve_views (const LirGraph *graph, const guint64 *symbol_values, LirViewAlias *aliases)
{
  guint n = lir_graph_get_n_nodes (graph);
  g_autofree guint8 *state = g_new0 (guint8, n + 1); /* 0 unknown, 1 resolved */
  g_autoptr (GArray) path = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 id = 0; id < n; id++)
    aliases[id] = (LirViewAlias){ LIR_NO_NODE, 0 };

  for (guint32 id = 0; id < n; id++)
    {
      guint32 cursor = id, parent;
      guint64 offset;

      if (state[id])
        continue;
      /* Walk up until a resolved node or a non-view, remembering the path. */
      g_array_set_size (path, 0);
      while (!state[cursor] && view_parent (graph, cursor, symbol_values, &parent, &offset))
        {
          g_array_append_val (path, cursor);
          state[cursor] = 2; /* on the path; the graph is acyclic so this ends */
          cursor = parent;
        }
      if (!state[cursor])
        state[cursor] = 1; /* a non-view root: alias stays empty */
      /* Unwind: each node's alias is its parent's (or the parent itself). */
      for (guint i = path->len; i-- > 0;)
        {
          guint32 node = g_array_index (path, guint32, i);
          const LirViewAlias *up;
          guint32 root;
          guint64 total;

          view_parent (graph, node, symbol_values, &parent, &offset);
          up = &aliases[parent];
          root = up->root != LIR_NO_NODE ? up->root : parent;
          total = up->root != LIR_NO_NODE ? up->byte_offset : 0;
          if (!g_uint64_checked_add (&total, total, offset))
            total = G_MAXUINT64;
          aliases[node] = (LirViewAlias){ root, total };
          state[node] = 1;
        }
    }
}

/**
 * lir_graph_compute_liveness:
 * @graph: a graph
 * @schedule: (array length=n_schedule): the execution order
 * @n_schedule: schedule length
 * @aliases: (array): view aliases from lir_graph_resolve_views()
 * @lifetimes: (out caller-allocates) (array): one per node
 *
 * RLX's rules: a buffer is born at its node's step and lives until the
 * last step that reads it; a read through a view also counts for the
 * view's root. Graph outputs live to the final step (the schedule's
 * length); inputs, params and constants live from step 0 to the end. A
 * result a tuple-producing op returns fresh is live from that op's step.
 */
void
lir_graph_compute_liveness (const LirGraph *graph, const guint32 *schedule, guint n_schedule,
                            const LirViewAlias *aliases, LirLifetime *lifetimes)
{
  guint n = lir_graph_get_n_nodes (graph), n_outputs;
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);
  guint32 end = n_schedule;

  for (guint32 id = 0; id < n; id++)
    lifetimes[id] = (LirLifetime){ 0, 0 };
  for (guint step = 0; step < n_schedule; step++)
    lifetimes[schedule[step]] = (LirLifetime){ step, step };

  for (guint step = 0; step < n_schedule; step++)
    {
      const LirNode *node = lir_graph_node (graph, schedule[step]);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);

      for (guint i = 0; i < node->n_inputs; i++)
        {
          guint32 input = inputs[i];
          guint32 root = aliases[input].root != LIR_NO_NODE ? aliases[input].root : input;

          lifetimes[root].last_step = MAX (lifetimes[root].last_step, step);
          if (root != input)
            lifetimes[input].last_step = MAX (lifetimes[input].last_step, step);
        }
    }
  for (guint step = 0; step < n_schedule; step++)
    {
      guint32 producer = lir_graph_node (graph, schedule[step])->result_of;

      if (producer != LIR_NO_NODE && lifetimes[producer].first_step < step)
        lifetimes[schedule[step]].first_step = lifetimes[producer].first_step;
    }
  for (guint i = 0; i < n_outputs; i++)
    {
      guint32 out = outputs[i];
      guint32 root = aliases[out].root != LIR_NO_NODE ? aliases[out].root : out;

      lifetimes[root].last_step = end;
      lifetimes[out].last_step = end;
    }
  for (guint32 id = 0; id < n; id++)
    if (lir_op_kind_is_boundary (lir_graph_node (graph, id)->kind))
      lifetimes[id] = (LirLifetime){ 0, end };
}
