/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-schedule.c: the execution order: the file's own order when it is
 * topological, else a deterministic Kahn order that takes the lowest ready id. */
#include "lir-analysis-private.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"

#include <string.h>

/**
 * lir_graph_is_topological:
 * @graph: a graph
 * @schedule: (array length=n_schedule): node ids
 * @n_schedule: length of @schedule
 *
 * Returns: %TRUE if @schedule lists every node once and each after its inputs
 */
gboolean
lir_graph_is_topological (const LirGraph *graph, const guint32 *schedule, guint n_schedule)
{
  guint n = lir_graph_get_n_nodes (graph);
  g_autofree guint32 *step_of = NULL;

  if (n_schedule != n)
    return FALSE;
  step_of = g_new (guint32, n + 1);
  for (guint i = 0; i < n; i++)
    step_of[i] = G_MAXUINT32;
  for (guint step = 0; step < n; step++)
    {
      if (schedule[step] >= n || step_of[schedule[step]] != G_MAXUINT32)
        return FALSE;
      step_of[schedule[step]] = step;
    }
  for (guint step = 0; step < n; step++)
    {
      const LirNode *node = lir_graph_node (graph, schedule[step]);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);
      for (guint i = 0; i < node->n_inputs; i++)
        if (inputs[i] >= n || step_of[inputs[i]] >= step)
          return FALSE;
    }
  return TRUE;
}

static void
heap_push (guint32 *heap, guint *len, guint32 value)
{
  guint i = (*len)++;

  while (i > 0 && heap[(i - 1) / 2] > value)
    {
      heap[i] = heap[(i - 1) / 2];
      i = (i - 1) / 2;
    }
  heap[i] = value;
}

static guint32
heap_pop (guint32 *heap, guint *len)
{
  guint32 top = heap[0], last = heap[--(*len)];
  guint i = 0;

  for (;;)
    {
      guint child = 2 * i + 1;
      if (child >= *len)
        break;
      if (child + 1 < *len && heap[child + 1] < heap[child])
        child++;
      if (heap[child] >= last)
        break;
      heap[i] = heap[child];
      i = child;
    }
  if (*len > 0)
    heap[i] = last;
  return top;
}

/**
 * lir_graph_compute_schedule:
 * @graph: a validated graph
 * @n_schedule: (out): schedule length (the number of nodes)
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (array length=n_schedule): the execution order,
 *   or %NULL if the graph has a cycle
 */
guint32 *
lir_graph_compute_schedule (const LirGraph *graph, guint *n_schedule, GError **error)
{
  guint n = lir_graph_get_n_nodes (graph), n_order, heap_len = 0, done = 0;
  const guint32 *order = lir_graph_get_order (graph, &n_order);
  g_autofree guint32 *indegree = NULL;
  g_autofree guint32 *start = NULL;
  g_autofree guint32 *consumers = NULL;
  g_autofree guint32 *heap = NULL;
  guint32 *schedule;

  if (lir_graph_is_topological (graph, order, n_order))
    {
      schedule = g_new (guint32, n + 1);
      memcpy (schedule, order, (gsize)n * sizeof (guint32));
      *n_schedule = n;
      return schedule;
    }

  indegree = g_new0 (guint32, n + 1);
  lir_graph_build_consumers (graph, indegree, &start, &consumers);

  heap = g_new (guint32, n + 1);
  schedule = g_new (guint32, n + 1);
  for (guint32 id = 0; id < n; id++)
    if (indegree[id] == 0)
      heap_push (heap, &heap_len, id);
  while (heap_len > 0)
    {
      guint32 id = heap_pop (heap, &heap_len);
      schedule[done++] = id;
      for (guint32 e = start[id]; e < start[id + 1]; e++)
        if (--indegree[consumers[e]] == 0)
          heap_push (heap, &heap_len, consumers[e]);
    }
  if (done != n)
    {
      g_free (schedule);
      /* lir_graph_validate () names a node on the cycle. */
      if (!lir_graph_validate (graph, error))
        return NULL;
      g_set_error (error, LIR_ERROR, LIR_ERROR_CYCLE, "the graph has a cycle");
      return NULL;
    }
  *n_schedule = n;
  return schedule;
}
