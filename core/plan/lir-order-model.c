/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-model.c: what an execution order changes, and the lowest peak
 * any order allows.
 *
 * The model follows the liveness rules (lir-liveness.c): a buffer is born
 * at its node's step (a tuple's result at its producer's) and lives to the
 * last step that reads it or a view of it; outputs live to the end; inputs,
 * params and constants live throughout. In-place writes keep the given
 * order with the other readers of what they overwrite.
 *
 * The floor: at the step where node v runs, any order holds every buffer
 * born at v or at one of v's ancestors that v or one of v's descendants
 * still reads (or that is an output). Its largest value over the nodes is
 * a lower bound of every order's peak; when an order's peak equals it, that
 * order is optimal, and the node where it binds is the proof.
 */
#include "lir-reorder-private.h"

#include "ir/lir-graph-private.h"

#include <stdlib.h>
#include <string.h>

/* Past this many nodes the floor's ancestor and descendant sets would take
 * more than 2 * 32 MiB. */
#define FLOOR_MAX_NODES 16384u

void
lir_order_model_free (LirOrderModel *model)
{
  if (model == NULL)
    return;
  g_free (model->born);
  g_free (model->size);
  g_free (model->output);
  g_free (model->users);
  g_free (model->read_start);
  g_free (model->read);
  g_free (model->born_start);
  g_free (model->born_list);
  g_free (model->reader_start);
  g_free (model->readers);
  g_free (model->born_live);
  g_free (model->pred_start);
  g_free (model->preds);
  g_free (model->succ_start);
  g_free (model->succs);
  g_free (model);
}

/* Turns per-node lists (pairs node, item in @pairs) into a CSR array. */
static void
to_csr (GArray *pairs, guint n, guint32 **start, guint32 **items)
{
  *start = g_new0 (guint32, n + 1);
  *items = g_new (guint32, pairs->len / 2 + 1);
  for (guint i = 0; i < pairs->len; i += 2)
    (*start)[g_array_index (pairs, guint32, i) + 1]++;
  for (guint v = 0; v < n; v++)
    (*start)[v + 1] += (*start)[v];
  {
    g_autofree guint32 *fill = g_memdup2 (*start, (n + 1) * sizeof (guint32));

    for (guint i = 0; i < pairs->len; i += 2)
      (*items)[fill[g_array_index (pairs, guint32, i)]++] = g_array_index (pairs, guint32, i + 1);
  }
}

static void
add_pair (GArray *pairs, guint32 a, guint32 b)
{
  guint32 pair[2] = { a, b };

  g_array_append_vals (pairs, pair, 2);
}

/* The owning buffer @node's value lives in, or LIR_NO_NODE. */
static guint32
buffer_of (const LirOrderModel *m, const LirBufferPlan *plan, guint32 node)
{
  guint32 root = plan->aliases[node].root != LIR_NO_NODE ? plan->aliases[node].root : node;

  return root < m->n && m->size[root] > 0 ? root : LIR_NO_NODE;
}

/* Reads, users, births and the outputs. */
static void
collect_buffers (LirOrderModel *m, const LirGraph *graph, const LirBufferPlan *plan)
{
  g_autoptr (GArray) reads = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) births = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint32 *seen = g_new (guint32, m->n + 1);
  const guint32 *outputs;
  guint n_outputs;

  for (guint32 r = 0; r < m->n; r++)
    {
      const LirNode *node = lir_graph_node (graph, r);

      seen[r] = LIR_NO_NODE;
      if (!(plan->slot_flags[r] & LIR_SLOT_ALLOCATED) || plan->slots[r].size == 0)
        continue;
      if (lir_op_kind_is_boundary (node->kind))
        m->constant += plan->slots[r].size;
      else
        m->size[r] = plan->slots[r].size;
    }
  for (guint32 r = 0; r < m->n; r++)
    if (m->size[r] > 0)
      {
        guint32 producer = lir_graph_node (graph, r)->result_of;
        guint32 birth = producer != LIR_NO_NODE && producer < m->n ? producer : r;

        add_pair (births, birth, r);
        m->born[birth] += m->size[r];
      }
  for (guint32 v = 0; v < m->n; v++)
    {
      const LirNode *node = lir_graph_node (graph, v);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);

      for (guint i = 0; i < node->n_inputs; i++)
        {
          guint32 b = inputs[i] < m->n ? buffer_of (m, plan, inputs[i]) : LIR_NO_NODE;

          if (b == LIR_NO_NODE || seen[b] == v)
            continue;
          seen[b] = v;
          add_pair (reads, v, b);
          m->users[b]++;
        }
    }
  outputs = lir_graph_get_outputs (graph, &n_outputs);
  for (guint i = 0; i < n_outputs; i++)
    {
      guint32 b = outputs[i] < m->n ? buffer_of (m, plan, outputs[i]) : LIR_NO_NODE;

      if (b != LIR_NO_NODE && !m->output[b])
        {
          m->output[b] = TRUE;
          m->end_bytes += m->size[b];
        }
    }
  to_csr (reads, m->n, &m->read_start, &m->read);
  to_csr (births, m->n, &m->born_start, &m->born_list);
  {
    g_autoptr (GArray) by_buffer = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint32 u = 0; u < m->n; u++)
      for (guint32 k = m->read_start[u]; k < m->read_start[u + 1]; k++)
        add_pair (by_buffer, m->read[k], u);
    to_csr (by_buffer, m->n, &m->reader_start, &m->readers);
  }
  /* No reader runs before its buffer is born (it waits for the producer),
   * so what stays after a birth does not depend on the order. */
  m->born_live = g_new0 (guint64, m->n + 1);
  for (guint32 v = 0; v < m->n; v++)
    for (guint32 k = m->born_start[v]; k < m->born_start[v + 1]; k++)
      if (m->output[m->born_list[k]] || m->users[m->born_list[k]] > 0)
        m->born_live[v] += m->size[m->born_list[k]];
}

static int
compare_pairs (gconstpointer a, gconstpointer b)
{
  const guint32 *x = a, *y = b;

  if (x[0] != y[0])
    return x[0] < y[0] ? -1 : 1;
  return (x[1] > y[1]) - (x[1] < y[1]);
}

/* Sorts @pairs and drops repeats: a node reading one input twice still
 * waits for it once. */
static void
unique_pairs (GArray *pairs)
{
  guint32 *p = (guint32 *)(gpointer)pairs->data;
  guint kept = 0;

  if (pairs->len == 0) /* no edges: data may be NULL, which qsort must not get */
    return;
  qsort (p, pairs->len / 2, 2 * sizeof (guint32), compare_pairs);
  for (guint i = 0; i < pairs->len; i += 2)
    if (kept == 0 || p[kept - 2] != p[i] || p[kept - 1] != p[i + 1])
      {
        p[kept++] = p[i];
        p[kept++] = p[i + 1];
      }
  g_array_set_size (pairs, kept);
}

/* In-place writes stay where the given order has them relative to the
 * other readers of what they overwrite. */
static void
collect_inplace (const LirOrderModel *m, const LirGraph *graph, const LirBufferPlan *plan, GArray *preds)
{
  for (guint32 w = 0; w < m->n; w++)
    {
      guint32 root = plan->aliases[w].root;

      if (lir_graph_node (graph, w)->alias_kind != LIR_ALIAS_INPLACE || root >= m->n)
        continue;
      for (guint32 k = m->reader_start[root]; k < m->reader_start[root + 1]; k++)
        {
          guint32 u = m->readers[k];

          if (u == w)
            continue;
          if (plan->step_of[u] < plan->step_of[w])
            add_pair (preds, w, u);
          else
            add_pair (preds, u, w);
        }
    }
}

/* Inputs, a tuple's producer, and the in-place writes' order. */
static void
collect_precedence (LirOrderModel *m, const LirGraph *graph, const LirBufferPlan *plan)
{
  g_autoptr (GArray) preds = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GArray) succs = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 v = 0; v < m->n; v++)
    {
      const LirNode *node = lir_graph_node (graph, v);
      const guint32 *inputs = lir_graph_inputs_of (graph, node);

      for (guint i = 0; i < node->n_inputs; i++)
        if (inputs[i] < m->n)
          add_pair (preds, v, inputs[i]);
      if (node->result_of != LIR_NO_NODE && node->result_of < m->n)
        add_pair (preds, v, node->result_of);
    }
  collect_inplace (m, graph, plan, preds);
  unique_pairs (preds);
  for (guint i = 0; i < preds->len; i += 2)
    add_pair (succs, g_array_index (preds, guint32, i + 1), g_array_index (preds, guint32, i));
  to_csr (preds, m->n, &m->pred_start, &m->preds);
  to_csr (succs, m->n, &m->succ_start, &m->succs);
}

/**
 * lir_order_model_new:
 * @graph: a graph
 * @plan: a plan of it (graph-backed, with its sizes and views)
 *
 * Returns: (transfer full): the model of @graph's orders under @plan's
 *   options
 */
LirOrderModel *
lir_order_model_new (const LirGraph *graph, const LirBufferPlan *plan)
{
  LirOrderModel *m = g_new0 (LirOrderModel, 1);

  m->n = lir_graph_get_n_nodes (graph);
  m->born = g_new0 (guint64, m->n + 1);
  m->size = g_new0 (guint64, m->n + 1);
  m->output = g_new0 (gboolean, m->n + 1);
  m->users = g_new0 (guint32, m->n + 1);
  collect_buffers (m, graph, plan);
  collect_precedence (m, graph, plan);
  return m;
}

/**
 * lir_order_model_peak:
 * @model: a model
 * @order: (array): every node once, a topological order
 * @peak_node: (out) (optional): the node running at the peak, or
 *   %LIR_NO_NODE when the peak is after the last step
 * @area: (out) (optional): the live bytes summed over the steps, which
 *   tells apart two orders of the same peak
 *
 * Returns: the most bytes live at once in @order, as the planner's lower
 *   bound counts them
 */
guint64
lir_order_model_peak (const LirOrderModel *m, const guint32 *order, guint32 *peak_node, guint64 *area)
{
  g_autofree guint32 *left = g_memdup2 (m->users, (m->n + 1) * sizeof (guint32));
  guint64 resident = 0, peak = m->constant + m->end_bytes, sum = 0;
  guint32 at = LIR_NO_NODE;

  for (guint step = 0; step < m->n; step++)
    {
      guint32 v = order[step];
      guint64 now = m->constant + resident + m->born[v];

      if (now > peak)
        {
          peak = now;
          at = v;
        }
      sum += now;
      resident += m->born_live[v];
      for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
        {
          guint32 b = m->read[k];

          if (--left[b] == 0 && !m->output[b])
            resident -= m->size[b];
        }
    }
  if (peak_node != NULL)
    *peak_node = at;
  if (area != NULL)
    *area = sum;
  return peak;
}

/* A set of nodes as bits; row @v of an n x n matrix. */
static inline guint64 *
row (guint64 *bits, guint words, guint32 v)
{
  return bits + (gsize)v * words;
}

/**
 * lir_order_model_floor:
 * @model: a model
 * @floor: (out): the lowest peak any order allows, as far as it is known
 * @floor_node: (out): where it binds
 * @node_floor: (out caller-allocates) (array) (optional): per node, what
 *   any order holds when it runs
 *
 * Returns: %FALSE for a graph too large for the floor (then it is the
 *   boundary buffers' and outputs' bytes, @floor_node %LIR_NO_NODE)
 */
gboolean
lir_order_model_floor (const LirOrderModel *m, guint64 *floor, guint32 *floor_node, guint64 *node_floor)
{
  guint words = (m->n + 63) / 64;
  g_autofree guint64 *anc = NULL, *desc = NULL, *reach = NULL;
  g_autofree guint32 *order = NULL;
  g_autofree guint32 *indegree = g_new0 (guint32, m->n + 1);
  guint head = 0, tail = 0;

  *floor = m->constant + m->end_bytes;
  *floor_node = LIR_NO_NODE;
  if (node_floor != NULL)
    for (guint v = 0; v < m->n; v++)
      node_floor[v] = m->constant + m->born[v];
  if (m->n == 0 || m->n > FLOOR_MAX_NODES)
    return m->n == 0;
  anc = g_new0 (guint64, (gsize)m->n * words);
  desc = g_new0 (guint64, (gsize)m->n * words);
  reach = g_new (guint64, words);
  order = g_new (guint32, m->n);
  for (guint32 v = 0; v < m->n; v++)
    if ((indegree[v] = m->pred_start[v + 1] - m->pred_start[v]) == 0)
      order[tail++] = v;
  while (head < tail)
    {
      guint32 v = order[head++];

      for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
        if (--indegree[m->succs[k]] == 0)
          order[tail++] = m->succs[k];
    }
  if (tail != m->n)
    return FALSE; /* not a DAG: no order at all */
  for (guint i = 0; i < m->n; i++)
    {
      guint32 v = order[i];

      row (anc, words, v)[v / 64] |= G_GUINT64_CONSTANT (1) << (v % 64);
      for (guint32 k = m->pred_start[v]; k < m->pred_start[v + 1]; k++)
        for (guint w = 0; w < words; w++)
          row (anc, words, v)[w] |= row (anc, words, m->preds[k])[w];
    }
  for (guint i = m->n; i-- > 0;)
    {
      guint32 v = order[i];

      row (desc, words, v)[v / 64] |= G_GUINT64_CONSTANT (1) << (v % 64);
      for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
        for (guint w = 0; w < words; w++)
          row (desc, words, v)[w] |= row (desc, words, m->succs[k])[w];
    }
  {
    g_autofree guint64 *held = g_new0 (guint64, m->n + 1);
    g_autofree guint32 *reader_start = NULL, *readers = NULL;
    g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint32));

    for (guint32 v = 0; v < m->n; v++)
      for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
        add_pair (pairs, m->read[k], v);
    to_csr (pairs, m->n, &reader_start, &readers);
    for (guint32 b = 0; b < m->n; b++)
      for (guint32 k = m->born_start[b]; k < m->born_start[b + 1]; k++)
        {
          guint32 r = m->born_list[k];
          const guint64 *after = row (desc, words, b);

          /* Held at v: v descends from the birth, and (an output) or v is an
           * ancestor of a reader; the birth step itself always holds it. */
          memset (reach, 0, words * sizeof (guint64));
          if (m->output[r])
            memcpy (reach, after, words * sizeof (guint64));
          else
            for (guint32 j = reader_start[r]; j < reader_start[r + 1]; j++)
              for (guint w = 0; w < words; w++)
                reach[w] |= row (anc, words, readers[j])[w] & after[w];
          reach[b / 64] |= G_GUINT64_CONSTANT (1) << (b % 64);
          for (guint w = 0; w < words; w++)
            for (guint64 bits = reach[w]; bits != 0; bits &= bits - 1)
              held[w * 64 + (guint)__builtin_ctzll (bits)] += m->size[r];
        }
    for (guint32 v = 0; v < m->n; v++)
      {
        guint64 at_v = m->constant + held[v];

        if (node_floor != NULL)
          node_floor[v] = at_v;
        if (at_v > *floor)
          {
            *floor = at_v;
            *floor_node = v;
          }
      }
  }
  return TRUE;
}
