/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph-check.c: structural validation of a graph: inputs exist, views
 * fit, declared aliases are legal, boundary names are unique, no cycle. */
#include "lir-graph-private.h"

#include "lir-error.h"

#include <string.h>

static gboolean
validate_view (const LirGraph *graph, guint32 id, const LirNode *node, GError **error)
{
  char label[24];
  guint32 parent;
  LirShape parent_shape;

  if (node->n_inputs != 1)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "node %u (%s): %s takes exactly one input, it has %u",
                   id, lir_graph_get_node_label (graph, id, label), node->op_name, node->n_inputs);
      return FALSE;
    }
  if (node->kind != LIR_OP_NARROW)
    return TRUE;

  parent = lir_graph_inputs_of (graph, node)[0];
  lir_graph_get_node_shape (graph, parent, &parent_shape);
  if (node->narrow_axis >= parent_shape.n_dims)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "node %u (%s): narrow axis %u is out of range for a %u-dim input", id,
                   lir_graph_get_node_label (graph, id, label), node->narrow_axis, parent_shape.n_dims);
      return FALSE;
    }
  if (parent_shape.dims[node->narrow_axis].symbol == LIR_DIM_STATIC)
    {
      guint64 end;
      guint64 extent = parent_shape.dims[node->narrow_axis].size;

      if (!g_uint64_checked_add (&end, node->narrow_start, node->narrow_len) || end > extent)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                       "node %u (%s): narrow [%" G_GUINT64_FORMAT ", +%" G_GUINT64_FORMAT
                       ") exceeds the input's axis %u of size %" G_GUINT64_FORMAT,
                       id, lir_graph_get_node_label (graph, id, label), node->narrow_start, node->narrow_len,
                       node->narrow_axis, extent);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
is_input_of (const LirGraph *graph, const LirNode *node, guint32 of)
{
  const guint32 *inputs = lir_graph_inputs_of (graph, node);

  for (guint i = 0; i < node->n_inputs; i++)
    if (inputs[i] == of)
      return TRUE;
  return FALSE;
}

/* A declared alias must stay inside what the node reads, so that every
 * schedule runs its root first: one of its inputs, or an input of a tuple
 * (a bufferless input) it takes a piece of. */
static gboolean
validate_alias (const LirGraph *graph, guint32 id, const LirNode *node, GError **error)
{
  guint n = graph->nodes->len;
  const guint32 *inputs = lir_graph_inputs_of (graph, node);
  const char *problem = NULL;
  char label[24];
  gboolean reachable;

  if (node->result_of != LIR_NO_NODE)
    {
      if (node->result_of >= n || !is_input_of (graph, node, node->result_of)
          || !lir_graph_node (graph, node->result_of)->no_buffer)
        problem = "result_of must name one of its inputs that has no buffer (the tuple)";
      else if (node->no_buffer || node->alias_kind != LIR_ALIAS_NONE)
        problem = "a result it owns must be a buffer of its own, not an alias or no buffer";
    }
  if (problem == NULL && node->alias_kind != LIR_ALIAS_NONE)
    {
      if (node->no_buffer)
        problem = "a node without a buffer cannot alias another's bytes";
      else if (lir_op_kind_is_boundary (node->kind) || node->kind == LIR_OP_RESHAPE
               || node->kind == LIR_OP_CAST || node->kind == LIR_OP_NARROW)
        problem = "inputs, params and constants own their bytes, and reshape, cast and narrow "
                  "are views by their op: none declares an alias";
      else if (node->alias_of >= n)
        problem = "its alias names a node that does not exist";
      else if (node->alias_kind == LIR_ALIAS_INPLACE && node->alias_offset != 0)
        problem = "an in-place result starts at byte 0 of its input";
      else if (lir_graph_node (graph, node->alias_of)->no_buffer)
        problem = "its alias names a node that has no buffer";
      else
        {
          reachable = is_input_of (graph, node, node->alias_of);
          for (guint i = 0; i < node->n_inputs && !reachable; i++)
            if (inputs[i] < n && lir_graph_node (graph, inputs[i])->no_buffer)
              reachable = is_input_of (graph, lir_graph_node (graph, inputs[i]), node->alias_of);
          if (!reachable)
            problem = "its alias must name one of its inputs, or an input of a tuple it reads";
        }
    }
  if (problem != NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "node %u (%s): %s", id,
                   lir_graph_get_node_label (graph, id, label), problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_graph_build_consumers: (skip)
 * @graph: a graph
 * @indegree: (out caller-allocates) (optional): per node, its inputs that exist
 * @start: (out) (transfer full): n + 1 offsets into @consumers
 * @consumers: (out) (transfer full): every node's consumers, back to back
 *
 * The reverse edges as a compressed adjacency (CSR), for Kahn's algorithm.
 * Inputs naming nodes that do not exist are skipped.
 */
void
lir_graph_build_consumers (const LirGraph *graph, guint32 *indegree, guint32 **start, guint32 **consumers)
{
  guint n = graph->nodes->len;
  g_autofree guint32 *fill = NULL;
  guint32 *offsets = g_new0 (guint32, n + 2);
  guint32 *edges;

  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);

      guint32 count = 0;

      for (guint i = 0; i < node->n_inputs; i++)
        if (inputs[i] < n)
          {
            count++;
            offsets[inputs[i] + 1]++;
          }
      if (indegree != NULL)
        indegree[id] = count;
    }
  for (guint i = 1; i <= n; i++)
    offsets[i] += offsets[i - 1];
  edges = g_new (guint32, offsets[n] + 1);
  fill = g_memdup2 (offsets, (n + 1) * sizeof (guint32));
  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);
      for (guint i = 0; i < node->n_inputs; i++)
        if (inputs[i] < n)
          edges[fill[inputs[i]]++] = id;
    }
  *start = offsets;
  *consumers = edges;
}

/* Kahn's algorithm over the whole graph; on a cycle, name a node on it by
 * walking input edges among the unprocessed nodes until one repeats. */
static gboolean
check_acyclic (const LirGraph *graph, GError **error)
{
  guint n = graph->nodes->len;
  g_autofree guint32 *indegree = g_new0 (guint32, n + 1);
  g_autofree guint32 *consumers_start = NULL;
  g_autofree guint32 *consumers = NULL;
  g_autofree guint32 *stack = g_new (guint32, n + 1);
  g_autofree guint8 *done = g_new0 (guint8, n + 1);
  guint stack_len = 0, processed = 0;
  char label[24];

  lir_graph_build_consumers (graph, indegree, &consumers_start, &consumers);
  for (guint32 id = 0; id < n; id++)
    if (indegree[id] == 0)
      stack[stack_len++] = id;
  while (stack_len > 0)
    {
      guint32 id = stack[--stack_len];
      done[id] = 1;
      processed++;
      for (guint32 e = consumers_start[id]; e < consumers_start[id + 1]; e++)
        if (--indegree[consumers[e]] == 0)
          stack[stack_len++] = consumers[e];
    }
  if (processed == n)
    return TRUE;

  {
    guint32 walker = 0;
    g_autofree guint8 *visited = g_new0 (guint8, n + 1);

    while (done[walker])
      walker++;
    /* Every unprocessed node has an unprocessed input, so this walk must
     * revisit a node, which then lies on a cycle. */
    while (!visited[walker])
      {
        const LirNode *node = lir_graph_node (graph, walker);
        const guint32 *inputs = lir_graph_inputs_of (graph, node);

        visited[walker] = 1;
        for (guint i = 0; i < node->n_inputs; i++)
          if (!done[inputs[i]])
            {
              walker = inputs[i];
              break;
            }
      }
    g_set_error (error, LIR_ERROR, LIR_ERROR_CYCLE, "the graph has a cycle through node %u (%s)", walker,
                 lir_graph_get_node_label (graph, walker, label));
  }
  return FALSE;
}

/**
 * lir_graph_validate:
 * @graph: a graph
 * @error: return location for a #GError
 *
 * Checks the graph's structure: inputs and outputs name existing nodes,
 * input and param names are present and unique, symbols exist, views
 * have one input and narrows stay in bounds, declared aliases and tuple
 * results name nodes the node reads, and there is no cycle.
 *
 * Returns: %TRUE if the graph is well-formed
 */
gboolean
lir_graph_validate (const LirGraph *graph, GError **error)
{
  g_return_val_if_fail (graph != NULL, FALSE);

  guint n = graph->nodes->len;
  g_autoptr (GHashTable) boundary_names = g_hash_table_new (g_str_hash, g_str_equal);
  char label[24];

  for (guint32 id = 0; id < n; id++)
    {
      const LirNode *node = lir_graph_node (graph, id);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);

      for (guint i = 0; i < node->n_inputs; i++)
        {
          if (inputs[i] >= n)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                           "node %u (%s): input %u names node %u, which does not exist", id,
                           lir_graph_get_node_label (graph, id, label), i, inputs[i]);
              return FALSE;
            }
        }
      for (guint i = 0; i < node->n_dims; i++)
        {
          if (dims[i].symbol != LIR_DIM_STATIC && dims[i].symbol >= graph->symbol_names->len)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                           "node %u (%s): dim %u names symbol %u, which does not exist", id,
                           lir_graph_get_node_label (graph, id, label), i, dims[i].symbol);
              return FALSE;
            }
        }
      if (node->kind == LIR_OP_INPUT || node->kind == LIR_OP_PARAM)
        {
          if (node->name == NULL || node->name[0] == '\0')
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "node %u: %s needs a name", id,
                           node->op_name);
              return FALSE;
            }
          if (!g_hash_table_add (boundary_names, (gpointer)node->name))
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                           "node %u: the name \"%s\" is used by another input or param", id, node->name);
              return FALSE;
            }
        }
      /* An opaque op named like a first-class one would read back as that
       * op (documents name ops by name): refuse the ambiguity here. */
      if (node->kind == LIR_OP_OPAQUE && lir_op_kind_from_string (node->op_name) != LIR_OP_OPAQUE)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                       "node %u (%s): an unknown op may not be called \"%s\", the name of a "
                       "built-in op",
                       id, lir_graph_get_node_label (graph, id, label), node->op_name);
          return FALSE;
        }
      if (node->kind == LIR_OP_RESHAPE || node->kind == LIR_OP_CAST || node->kind == LIR_OP_NARROW)
        {
          if (!validate_view (graph, id, node, error))
            return FALSE;
        }
      if (!validate_alias (graph, id, node, error))
        return FALSE;
    }
  for (guint i = 0; i < graph->outputs->len; i++)
    {
      guint32 out = g_array_index (graph->outputs, guint32, i);
      if (out >= n)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "output %u names node %u, which does not exist",
                       i, out);
          return FALSE;
        }
    }
  return check_acyclic (graph, error);
}
