/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-reorder.c: whether another execution order lowers the peak.
 *
 * Seeds first: the module's own order and PyTorch Inductor's three
 * topological sorts (breadth-first, depth-first, and least peak memory
 * first: the ready node that leaves the fewest bytes live), then a beam
 * search (lir-order-heuristics.c). If the best of them meets the floor
 * (lir-order-model.c), it is optimal and the floor's node is the proof.
 * Otherwise an exact branch-and-bound search over ready
 * sets, within a budget of states: a state (the set of nodes run) reached
 * again with no lower peak is not searched again; a branch whose peak so
 * far, or the floor of a node still to run, reaches the best found is cut;
 * and a ready node that fits under the peak so far and frees at least what
 * it allocates goes next without loss, alone. A search that ends within
 * its budget proves its best order optimal; one that runs out gives the
 * bracket between the floor and the best found, after a local search
 * from the best.
 *
 * The best order is then planned like any other (lir_plan_options_set_
 * schedule ()), and its peak is the planner's, never the model's alone:
 * an order is reported lower only if its plan says so.
 */
#include "lir-reorder.h"
#include "lir-reorder-private.h"
#include "lir-boxed-private.h"

#include "ir/lir-error.h"
#include "lir-plan-stats.h"

#include <string.h>
#include <xxhash.h>

/* The default budget: states of the exact search. */
#define DEFAULT_BUDGET 200000

/* What the exact search's memo of visited sets may take. */
#define MEMO_BYTES (256u << 20)

/* Partial orders the beam search keeps per level. */
#define BEAM_WIDTH 256

struct _LirOrderReport
{
  gint ref_count;
  LirModule *module;
  LirModule *given; /* in its own order, placed naively: its liveness is what counts */
  LirModule *best;  /* NULL when no order is lower than the given one */
  guint32 *given_order;
  guint32 *best_order;
  guint n_nodes;
  guint64 given_peak;
  guint64 best_peak;
  guint64 floor;
  guint32 floor_node;
  LirOrderProof proof;
  gboolean stopped;
  const char *method;
  guint64 n_states;
};

typedef struct
{
  const LirOrderModel *m;
  const guint64 *node_floor;
  guint32 *by_floor; /* nodes, highest floor first */
  guint32 *indegree;
  guint32 *left;
  guint8 *done;
  guint64 *bits;
  guint words;
  guint32 *path;
  guint depth;
  guint64 resident;
  guint64 best;
  guint32 *best_order;
  guint64 states;
  guint64 budget;
  gboolean exhausted;
  GCancellable *cancellable;
  LirProgressFunc progress;
  gpointer progress_data;
  gint64 reported;   /* when progress was last reported (monotonic µs) */
  GHashTable *seen;  /* done-sets, each with the lowest peak it was reached with */
  guint64 memo_left; /* how many more sets the memo may hold */
} Search;

/* ---- moves ------------------------------------------------------------------------- */

static guint64
freed_by (const LirOrderModel *m, const guint32 *left, guint32 v)
{
  guint64 bytes = 0;

  for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
    if (left[m->read[k]] == 1 && !m->output[m->read[k]])
      bytes += m->size[m->read[k]];
  return bytes;
}

/* Runs @v: what it brings to life stays, what it read last goes. */
static void
run (const LirOrderModel *m, guint32 *left, guint32 *indegree, guint64 *resident, guint32 v)
{
  *resident += m->born_live[v];
  for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
    if (--left[m->read[k]] == 0 && !m->output[m->read[k]])
      *resident -= m->size[m->read[k]];
  for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
    indegree[m->succs[k]]--;
}

static void
unrun (const LirOrderModel *m, guint32 *left, guint32 *indegree, guint64 *resident, guint32 v)
{
  for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
    indegree[m->succs[k]]++;
  for (guint32 k = m->read_start[v]; k < m->read_start[v + 1]; k++)
    if (left[m->read[k]]++ == 0 && !m->output[m->read[k]])
      *resident += m->size[m->read[k]];
  *resident -= m->born_live[v];
}

static guint32 *
initial_indegree (const LirOrderModel *m)
{
  guint32 *indegree = g_new (guint32, m->n + 1);

  for (guint32 v = 0; v < m->n; v++)
    indegree[v] = m->pred_start[v + 1] - m->pred_start[v];
  return indegree;
}

/* ---- seeds ------------------------------------------------------------------------- */

typedef enum
{
  SEED_BFS,
  SEED_DFS,
  SEED_LPMF,
} Seed;

/* A topological order by @seed's rule; ties by node id. */
static guint32 *
seed_order (const LirOrderModel *m, Seed seed)
{
  g_autofree guint32 *indegree = initial_indegree (m);
  g_autofree guint32 *left = g_memdup2 (m->users, (m->n + 1) * sizeof (guint32));
  g_autoptr (GArray) ready = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 *order = g_new (guint32, m->n + 1);
  guint64 resident = 0;
  guint head = 0;

  for (guint32 v = 0; v < m->n; v++)
    if (indegree[v] == 0)
      g_array_append_val (ready, v);
  for (guint step = 0; step < m->n; step++)
    {
      guint pick = head;

      if (seed == SEED_DFS)
        pick = ready->len - 1;
      else if (seed == SEED_LPMF)
        for (guint i = head; i < ready->len; i++)
          {
            guint32 a = g_array_index (ready, guint32, i), b = g_array_index (ready, guint32, pick);
            gint64 da = (gint64)m->born_live[a] - (gint64)freed_by (m, left, a);
            gint64 db = (gint64)m->born_live[b] - (gint64)freed_by (m, left, b);

            if (da < db || (da == db && a < b))
              pick = i;
          }
      order[step] = g_array_index (ready, guint32, pick);
      if (seed == SEED_BFS)
        head++;
      else
        g_array_remove_index (ready, pick);
      run (m, left, indegree, &resident, order[step]);
      for (guint32 k = m->succ_start[order[step]]; k < m->succ_start[order[step] + 1]; k++)
        if (indegree[m->succs[k]] == 0)
          {
            guint32 next = m->succs[k];

            g_array_append_val (ready, next);
          }
    }
  return order;
}

/* ---- the exact search ---------------------------------------------------------------- */

static guint
hash_bits (gconstpointer key)
{
  const guint64 *bits = key;

  return (guint)XXH3_64bits (bits + 1, bits[0] * sizeof (guint64));
}

static gboolean
equal_bits (gconstpointer a, gconstpointer b)
{
  const guint64 *x = a, *y = b;

  return memcmp (x + 1, y + 1, x[0] * sizeof (guint64)) == 0;
}

/* Whether @peak is the lowest this set of nodes run was reached with. A
 * remembered set is [words, bits..., peak]; past the memo's share of
 * memory, new sets are searched without being remembered. */
static gboolean
first_visit (Search *s, guint64 peak)
{
  guint64 *key = s->bits - 1; /* bits[-1] holds the word count */
  guint64 *known = g_hash_table_lookup (s->seen, key);

  if (known != NULL && known[s->words + 1] <= peak)
    return FALSE;
  if (known == NULL)
    {
      if (s->memo_left == 0)
        return TRUE;
      s->memo_left--;
      known = g_new (guint64, s->words + 2);
      memcpy (known, key, (s->words + 1) * sizeof (guint64));
      g_hash_table_add (s->seen, known);
    }
  known[s->words + 1] = peak;
  return TRUE;
}

/* The highest floor of a node not run yet: no completion is below it. */
static guint64
floor_left (const Search *s)
{
  for (guint i = 0; i < s->m->n; i++)
    if (!s->done[s->by_floor[i]])
      return s->node_floor[s->by_floor[i]];
  return 0;
}

static void search (Search *s, guint64 peak);

/* At most five times a second, as the planner's strategies report. */
static void
report_progress (Search *s)
{
  gint64 now = g_get_monotonic_time ();
  LirProgress progress = { "order", s->states, s->budget, s->best };

  if (now - s->reported < G_USEC_PER_SEC / 5)
    return;
  s->reported = now;
  s->progress (&progress, s->progress_data);
}

static void
try_node (Search *s, guint32 v, guint64 peak)
{
  guint64 now = s->m->constant + s->resident + s->m->born[v];

  s->done[v] = TRUE;
  s->bits[v / 64] |= G_GUINT64_CONSTANT (1) << (v % 64);
  s->path[s->depth++] = v;
  run (s->m, s->left, s->indegree, &s->resident, v);
  search (s, MAX (peak, now));
  unrun (s->m, s->left, s->indegree, &s->resident, v);
  s->depth--;
  s->bits[v / 64] &= ~(G_GUINT64_CONSTANT (1) << (v % 64));
  s->done[v] = FALSE;
}

static void
search (Search *s, guint64 peak)
{
  const LirOrderModel *m = s->m;
  g_autoptr (GArray) ready = NULL;

  if (s->depth == m->n)
    {
      peak = MAX (peak, m->constant + m->end_bytes);
      if (peak < s->best)
        {
          s->best = peak;
          memcpy (s->best_order, s->path, m->n * sizeof (guint32));
        }
      return;
    }
  if (s->exhausted || MAX (peak, floor_left (s)) >= s->best)
    return;
  if (++s->states > s->budget || (s->states % 1024 == 0 && g_cancellable_is_cancelled (s->cancellable)))
    {
      s->exhausted = TRUE;
      return;
    }
  if (s->states % 1024 == 0 && s->progress != NULL)
    report_progress (s);
  if (!first_visit (s, peak))
    return;
  ready = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 v = 0; v < m->n; v++)
    if (!s->done[v] && s->indegree[v] == 0)
      {
        guint64 now = m->constant + s->resident + m->born[v];

        /* Fits under the peak and frees what it brings: no loss in going now. */
        if (now <= peak && freed_by (m, s->left, v) >= m->born_live[v])
          {
            try_node (s, v, peak);
            return;
          }
        g_array_append_val (ready, v);
      }
  for (guint i = 0; i < ready->len && !s->exhausted; i++)
    try_node (s, g_array_index (ready, guint32, i), peak);
}

static int
compare_floor (const void *a, const void *b, void *data)
{
  const guint64 *floor = data;
  guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;

  if (floor[x] != floor[y])
    return floor[x] > floor[y] ? -1 : 1;
  return (x > y) - (x < y);
}

/* Searches below @best (with @best_order); returns TRUE if it finished. */
static gboolean
exact_search (const LirOrderModel *m, const guint64 *node_floor, guint64 budget, GCancellable *cancellable,
              const LirPlanOptions *options, guint64 *best, guint32 *best_order, guint64 *n_states)
{
  Search s = { m, node_floor };
  g_autofree guint64 *keyed = g_new0 (guint64, (m->n + 63) / 64 + 1);

  s.words = (m->n + 63) / 64;
  keyed[0] = s.words;
  s.bits = keyed + 1;
  s.by_floor = g_new (guint32, m->n + 1);
  for (guint32 v = 0; v < m->n; v++)
    s.by_floor[v] = v;
  g_qsort_with_data (s.by_floor, m->n, sizeof (guint32), compare_floor, (gpointer)node_floor);
  s.indegree = initial_indegree (m);
  s.left = g_memdup2 (m->users, (m->n + 1) * sizeof (guint32));
  s.done = g_new0 (guint8, m->n + 1);
  s.path = g_new (guint32, m->n + 1);
  s.best = *best;
  s.best_order = best_order;
  s.budget = budget;
  s.cancellable = cancellable;
  s.progress = lir_plan_options_get_progress (options, &s.progress_data);
  s.reported = G_MININT64 / 2; /* the first report comes at once */
  s.seen = g_hash_table_new_full (hash_bits, equal_bits, g_free, NULL);
  s.memo_left = MEMO_BYTES / ((s.words + 2) * sizeof (guint64) + 64);
  search (&s, 0);
  *best = s.best;
  *n_states = MIN (s.states, budget);
  g_hash_table_unref (s.seen);
  g_free (s.by_floor);
  g_free (s.indegree);
  g_free (s.left);
  g_free (s.done);
  g_free (s.path);
  return !s.exhausted;
}

/* ---- the report ---------------------------------------------------------------------- */

/* A schedule holds @n entries; orders here get one spare slot so that an
 * empty graph still has a buffer. */
static guint32 *
order_dup (const guint32 *order, guint n)
{
  guint32 *copy = g_new0 (guint32, n + 1);

  if (n > 0)
    memcpy (copy, order, n * sizeof (guint32));
  return copy;
}

static LirOrderReport *
report_new (LirModule *module, LirModule *given, guint64 given_peak, const guint32 *order, guint n)
{
  LirOrderReport *report = g_new0 (LirOrderReport, 1);

  report->ref_count = 1;
  report->module = lir_module_ref (module);
  report->given = lir_module_ref (given);
  report->given_peak = report->best_peak = given_peak;
  report->given_order = order_dup (order, n);
  report->best_order = order_dup (order, n);
  report->n_nodes = n;
  report->floor_node = LIR_NO_NODE;
  report->method = "given";
  return report;
}

/* Plans @order; keeps it as the best if its plan's peak is lower. */
static gboolean
adopt (LirOrderReport *report, const LirPlanOptions *options, const guint32 *order, const char *method,
       GError **error)
{
  g_autoptr (LirPlanOptions) reordered = lir_plan_options_copy (options);
  g_autoptr (LirModule) planned = NULL;
  LirPlanStats stats;

  lir_plan_options_set_schedule (reordered, order, report->n_nodes);
  planned = lir_module_replan (report->module, reordered, error);
  if (planned == NULL)
    return FALSE;
  lir_plan_stats_compute (lir_module_get_plan (planned), &stats);
  if (stats.lower_bound >= report->best_peak)
    return TRUE;
  report->best = g_steal_pointer (&planned);
  report->best_peak = stats.lower_bound;
  memcpy (report->best_order, order, report->n_nodes * sizeof (guint32));
  report->method = method;
  return TRUE;
}

static void
halt_on (GCancellable *source, gpointer halt)
{
  g_cancellable_cancel (halt);
}

/* The beam search, kept if it beats @best. */
static void
try_beam (const LirOrderModel *m, GCancellable *cancellable, guint64 *best, guint32 *best_order,
          const char **method)
{
  g_autofree guint32 *order = g_new (guint32, m->n + 1);
  guint64 peak = lir_order_beam (m, BEAM_WIDTH, cancellable, order);

  if (peak < *best)
    {
      *best = peak;
      memcpy (best_order, order, m->n * sizeof (guint32));
      *method = "beam search";
    }
}

/* About 4e7 node and read visits of local search. */
static guint64
local_evaluations (const LirOrderModel *m)
{
  return MAX (256, 40000000 / ((guint64)m->n + m->read_start[m->n] + 1));
}

static const char *const seed_names[] = {
  [SEED_BFS] = "breadth-first",
  [SEED_DFS] = "depth-first",
  [SEED_LPMF] = "least peak memory first",
};

/**
 * lir_module_find_order:
 * @module: a graph-backed module
 * @options: (nullable): how to plan (which buffers are in the arena,
 *   bindings, the strategy that places the best order), %NULL for the
 *   module's own
 * @budget: states the exact search may visit, 0 for the default (200,000)
 * @error: return location for a #GError
 *
 * Looks for an execution order of @module's graph with a lower peak of live
 * bytes than the module's own, and for a proof that none is lower: the
 * floor (at one node, any order holds that many bytes) or an exhaustive
 * search. Deterministic: the same module and options give the same answer.
 *
 * The options' cancellable drops the run (%LIR_ERROR_CANCELLED); their
 * stop ends it with the best order found so far.
 *
 * Returns: (transfer full): the report, or %NULL with @error set for a
 *   buffer list (its lifetimes are given, not an order) or a module that
 *   cannot be planned
 */
LirOrderReport *
lir_module_find_order (LirModule *module, const LirPlanOptions *options, guint64 budget, GError **error)
{
  g_return_val_if_fail (module != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (LirPlanOptions) effective =
    options != NULL ? lir_plan_options_copy (options) : lir_plan_options_new ();
  g_autoptr (LirPlanOptions) liveness_only = lir_plan_options_copy (effective);
  g_autoptr (GCancellable) halt = g_cancellable_new ();
  GCancellable *cancellable = lir_plan_options_get_cancellable (effective);
  GCancellable *stop = lir_plan_options_get_stop (effective);
  gulong on_cancel = 0, on_stop = 0;
  g_autoptr (LirModule) given = NULL;
  g_autoptr (LirOrderModel) model = NULL;
  g_autoptr (LirOrderReport) report = NULL;
  g_autofree guint64 *node_floor = NULL;
  g_autofree guint32 *best_order = NULL;
  const guint32 *schedule;
  guint n;
  guint64 best;
  LirPlanStats stats;

  if (lir_module_is_buffer_only (module))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "a buffer list has lifetimes, not an order of nodes: there is no other order to try");
      return NULL;
    }
  /* Sizes, views and lifetimes do not depend on where buffers are placed:
   * the given order is planned with the quickest strategy. */
  lir_plan_options_set_strategy (liveness_only, "naive");
  given = lir_module_replan (module, liveness_only, error);
  if (given == NULL)
    return NULL;
  lir_plan_stats_compute (lir_module_get_plan (given), &stats);
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (given), &n);
  report = report_new (module, given, stats.lower_bound, schedule, n);
  model = lir_order_model_new (lir_module_get_graph (given), lir_module_get_plan (given));
  node_floor = g_new (guint64, model->n + 1);
  lir_order_model_floor (model, &report->floor, &report->floor_node, node_floor);
  best = lir_order_model_peak (model, schedule, NULL, NULL);
  best_order = order_dup (schedule, n);
  for (Seed seed = SEED_BFS; seed <= SEED_LPMF; seed++)
    {
      g_autofree guint32 *order = seed_order (model, seed);
      guint64 peak = lir_order_model_peak (model, order, NULL, NULL);

      if (peak < best)
        {
          best = peak;
          memcpy (best_order, order, n * sizeof (guint32));
          report->method = seed_names[seed];
        }
    }
  /* Either ends the searches: the cancellable drops the run, the stop
   * keeps the best order found so far. */
  if (cancellable != NULL)
    on_cancel = g_cancellable_connect (cancellable, G_CALLBACK (halt_on), halt, NULL);
  if (stop != NULL)
    on_stop = g_cancellable_connect (stop, G_CALLBACK (halt_on), halt, NULL);
  if (best > report->floor)
    try_beam (model, halt, &best, best_order, &report->method);
  if (best > report->floor)
    {
      guint64 before = best;
      gboolean finished = exact_search (model, node_floor, budget != 0 ? budget : DEFAULT_BUDGET, halt,
                                        effective, &best, best_order, &report->n_states);

      if (best < before)
        report->method = "search";
      if (finished)
        report->proof = LIR_ORDER_PROOF_SEARCH;
      else if (lir_order_improve (model, best_order, local_evaluations (model), halt) < best)
        {
          best = lir_order_model_peak (model, best_order, NULL, NULL);
          report->method = "local search";
        }
    }
  g_cancellable_disconnect (cancellable, on_cancel);
  g_cancellable_disconnect (stop, on_stop);
  report->stopped = g_cancellable_is_cancelled (stop);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_CANCELLED, "the order search was cancelled");
      return NULL;
    }
  if (best <= report->floor)
    report->proof = LIR_ORDER_PROOF_FLOOR;
  if (best < report->given_peak)
    {
      const char *method = report->method;

      lir_order_simplify (model, schedule, best_order, local_evaluations (model));

      report->method = "given";
      if (!adopt (report, effective, best_order, method, error))
        return NULL;
      /* Only the planner's own figure counts: a model that disagreed proves nothing. */
      if (report->best_peak != best)
        report->proof = LIR_ORDER_PROOF_NONE;
    }
  else
    report->method = "given";
  return g_steal_pointer (&report);
}

/**
 * lir_order_report_ref: (skip)
 * @report: a report
 *
 * Takes a reference.
 *
 * Returns: (transfer full): @report
 */
LirOrderReport *
lir_order_report_ref (LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  g_atomic_int_inc (&report->ref_count);
  return report;
}

/**
 * lir_order_report_unref: (skip)
 * @report: (transfer full) (nullable): a report
 *
 * Drops a reference; the last one frees the report. %NULL is allowed.
 */
void
lir_order_report_unref (LirOrderReport *report)
{
  if (report == NULL || !g_atomic_int_dec_and_test (&report->ref_count))
    return;
  lir_module_unref (report->module);
  lir_module_unref (report->given);
  g_clear_pointer (&report->best, lir_module_unref);
  g_free (report->given_order);
  g_free (report->best_order);
  g_free (report);
}

/**
 * lir_order_report_get_given_peak:
 * @report: a report
 *
 * The most bytes live at once in the module's own order (its plan's lower
 * bound).
 *
 * Returns: bytes
 */
guint64
lir_order_report_get_given_peak (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->given_peak;
}

/**
 * lir_order_report_get_best_peak:
 * @report: a report
 *
 * The most bytes live at once in the best order found, as its plan counts
 * them; the given peak when no lower order was found.
 *
 * Returns: bytes
 */
guint64
lir_order_report_get_best_peak (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->best_peak;
}

/**
 * lir_order_report_get_floor:
 * @report: a report
 * @node: (out) (optional): the node where the floor binds, or %LIR_NO_NODE
 *
 * The lowest peak any order allows, as far as the floor knows: at @node,
 * every order holds the buffers made by it or its ancestors that it or a
 * descendant still reads.
 *
 * Returns: bytes
 */
guint64
lir_order_report_get_floor (const LirOrderReport *report, guint32 *node)
{
  g_return_val_if_fail (report != NULL, 0);

  if (node != NULL)
    *node = report->floor_node;
  return report->floor;
}

/**
 * lir_order_report_get_proof:
 * @report: a report
 *
 * Why the best order found is the best there is, if it is known.
 *
 * Returns: the proof
 */
LirOrderProof
lir_order_report_get_proof (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, LIR_ORDER_PROOF_NONE);

  return report->proof;
}

/**
 * lir_order_report_get_method:
 * @report: a report
 *
 * Which order is the best: `given`, `breadth-first`, `depth-first`, `least
 * peak memory first` or `search`.
 *
 * Returns: (transfer none): the method's name
 */
const char *
lir_order_report_get_method (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->method;
}

/**
 * lir_order_report_get_n_states:
 * @report: a report
 *
 * How many states the exact search visited.
 *
 * Returns: the number of states
 */
guint64
lir_order_report_get_n_states (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, 0);

  return report->n_states;
}

/**
 * lir_order_report_get_stopped:
 * @report: a report
 *
 * Whether the options' stop (lir_plan_options_set_stop ()) ended the
 * search before its budget did: the best order is the best found so far.
 *
 * Returns: %TRUE if it was stopped
 */
gboolean
lir_order_report_get_stopped (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);

  return report->stopped;
}

/**
 * lir_order_report_get_module:
 * @report: a report
 *
 * The module the search was asked about, as it was given.
 *
 * Returns: (transfer none): the module
 */
LirModule *
lir_order_report_get_module (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->module;
}

/* The module in its own order, placed naively (lir-reorder-private.h). */
LirModule *
lir_order_report_get_given_module (const LirOrderReport *report)
{
  return report->given;
}

/**
 * lir_order_report_get_given_order:
 * @report: a report
 * @n_nodes: (out): the length of the order
 *
 * The module's own order: its schedule under the options of the search.
 *
 * Returns: (transfer none) (array length=n_nodes): node ids, in the order
 *   they run
 */
const guint32 *
lir_order_report_get_given_order (const LirOrderReport *report, guint *n_nodes)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  *n_nodes = report->n_nodes;
  return report->given_order;
}

/**
 * lir_order_report_get_best_order:
 * @report: a report
 * @n_nodes: (out): the length of the order
 *
 * The best order found: the given one when none is lower.
 *
 * Returns: (transfer none) (array length=n_nodes): node ids, in the order
 *   they run
 */
const guint32 *
lir_order_report_get_best_order (const LirOrderReport *report, guint *n_nodes)
{
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (n_nodes != NULL, NULL);

  *n_nodes = report->n_nodes;
  return report->best_order;
}

/**
 * lir_order_report_get_best:
 * @report: a report
 *
 * The module planned in the best order found, with the options the search
 * was given (their strategy placed it), when that order is lower than the
 * given one.
 *
 * Returns: (transfer none) (nullable): the reordered module, or %NULL when
 *   no order is lower than the given one
 */
LirModule *
lir_order_report_get_best (const LirOrderReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);

  return report->best;
}

LIR_DEFINE_BOXED_TYPE (LirOrderReport, lir_order_report, lir_order_report_ref, lir_order_report_unref)
