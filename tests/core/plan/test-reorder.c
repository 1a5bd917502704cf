/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-reorder.c: the order search against brute force. On small random
 * graphs (views, in-place writes, outputs, dead buffers) every topological
 * order is planned and its lower bound read from the planner, which is the
 * independent evaluator here: the search's best equals the best of them,
 * the floor is below all of them, the given order's peak is the planner's,
 * and the best order's module validates with the peak reported. */
#include "lir-private.h"
#include "plan/lir-reorder-private.h"

#include <string.h>

typedef struct
{
  guint64 best;
  guint64 floor;
  guint n_orders;
  gboolean floor_broken;
} Brute;

/* A random graph of @n nodes: an input, then ops of 1 to 3 earlier nodes,
 * some reshapes (views) and some in-place writes; the last node is the
 * output. */
static LirGraph *
random_graph (GRand *rand, guint n)
{
  LirGraph *g = lir_graph_new ("random");
  LirShape first = LIR_SHAPE (LIR_DTYPE_U8, 64);

  lir_graph_add_input (g, "x", &first);
  for (guint32 id = 1; id < n; id++)
    {
      guint64 bytes = g_rand_int_range (rand, 1, 9) * 64;
      LirShape s = LIR_SHAPE (LIR_DTYPE_U8, bytes);
      guint kind = g_rand_int_range (rand, 0, 10);
      guint32 a = g_rand_int_range (rand, 0, id);

      if (kind == 0)
        {
          /* A view of a's bytes, as many of them as it has. */
          LirShape same;

          lir_graph_get_node_shape (g, a, &same);
          lir_graph_add_reshape (g, a, &same);
        }
      else if (kind == 1 && a > 0)
        {
          LirShape same;
          guint32 w;

          lir_graph_get_node_shape (g, a, &same);
          w = lir_graph_add_op (g, "add_", &a, 1, &same);
          lir_graph_set_node_alias (g, w, a, 0, LIR_ALIAS_INPLACE);
        }
      else
        {
          guint32 inputs[3];
          guint k = g_rand_int_range (rand, 1, 4);

          for (guint i = 0; i < k; i++)
            inputs[i] = g_rand_int_range (rand, 0, id);
          lir_graph_add_op (g, "op", inputs, k, &s);
        }
    }
  {
    guint32 out = n - 1;

    lir_graph_set_outputs (g, &out, 1);
  }
  return g;
}

static guint64
planned_peak (LirModule *module, const LirPlanOptions *options, const guint32 *order, guint n)
{
  g_autoptr (LirPlanOptions) with = lir_plan_options_copy (options);
  g_autoptr (LirModule) planned = NULL;
  g_autoptr (GError) error = NULL;
  LirPlanStats stats;

  lir_plan_options_set_schedule (with, order, n);
  planned = lir_module_replan (module, with, &error);
  g_assert_no_error (error);
  lir_plan_stats_compute (lir_module_get_plan (planned), &stats);
  return stats.lower_bound;
}

/* Every order the model's precedence allows, each planned. */
static void
enumerate (LirModule *module, const LirPlanOptions *options, const LirOrderModel *m, guint32 *indegree,
           guint8 *done, guint32 *order, guint depth, Brute *brute)
{
  if (depth == m->n)
    {
      guint64 peak = planned_peak (module, options, order, m->n);

      /* The model's figure for every order is the planner's. */
      g_assert_cmpuint (lir_order_model_peak (m, order, NULL, NULL), ==, peak);

      brute->best = MIN (brute->best, peak);
      brute->floor_broken |= peak < brute->floor;
      brute->n_orders++;
      return;
    }
  for (guint32 v = 0; v < m->n; v++)
    {
      if (done[v] || indegree[v] != 0)
        continue;
      done[v] = TRUE;
      order[depth] = v;
      for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
        indegree[m->succs[k]]--;
      enumerate (module, options, m, indegree, done, order, depth + 1, brute);
      for (guint32 k = m->succ_start[v]; k < m->succ_start[v + 1]; k++)
        indegree[m->succs[k]]++;
      done[v] = FALSE;
    }
}

/* The reordered module, when there is one, validates, runs the best order
 * and has the peak reported; when there is none, the best is the given. */
static void
check_best (const LirOrderReport *report)
{
  LirModule *best = lir_order_report_get_best (report);
  g_autoptr (GError) error = NULL;
  const guint32 *order, *given, *schedule;
  guint n, n_given, n_schedule;
  LirPlanStats stats;

  order = lir_order_report_get_best_order (report, &n);
  given = lir_order_report_get_given_order (report, &n_given);
  g_assert_cmpuint (n, ==, n_given);
  if (best == NULL)
    {
      g_assert_cmpuint (lir_order_report_get_best_peak (report), ==,
                        lir_order_report_get_given_peak (report));
      g_assert_cmpmem (order, n * sizeof (guint32), given, n * sizeof (guint32));
      return;
    }
  g_assert_cmpuint (lir_order_report_get_best_peak (report), <, lir_order_report_get_given_peak (report));
  g_assert_true (lir_module_validate (best, &error));
  g_assert_no_error (error);
  lir_plan_stats_compute (lir_module_get_plan (best), &stats);
  g_assert_cmpuint (stats.lower_bound, ==, lir_order_report_get_best_peak (report));
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (best), &n_schedule);
  g_assert_cmpmem (schedule, n_schedule * sizeof (guint32), order, n * sizeof (guint32));
}

static void
test_against_brute_force (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (31);
  guint proved_by_floor = 0, lower = 0;

  for (guint round = 0; round < 60; round++)
    {
      g_autoptr (LirGraph) graph = random_graph (rand, g_rand_int_range (rand, 3, 9));
      g_autoptr (LirModule) module = lir_module_new (graph, NULL);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirOrderReport) report = NULL;
      g_autoptr (LirOrderModel) model = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree guint32 *indegree = NULL, *order = NULL;
      g_autofree guint8 *done = NULL;
      g_autoptr (LirModule) given = NULL;
      Brute brute = { G_MAXUINT64 };
      const guint32 *schedule;
      guint n;

      lir_plan_options_set_strategy (options, "naive");
      lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
      report = lir_module_find_order (module, options, 0, &error);
      g_assert_no_error (error);
      given = lir_module_replan (module, options, &error);
      g_assert_no_error (error);
      model = lir_order_model_new (lir_module_get_graph (given), lir_module_get_plan (given));
      brute.floor = lir_order_report_get_floor (report, NULL);
      indegree = g_new (guint32, model->n + 1);
      for (guint32 v = 0; v < model->n; v++)
        indegree[v] = model->pred_start[v + 1] - model->pred_start[v];
      done = g_new0 (guint8, model->n + 1);
      order = g_new (guint32, model->n + 1);
      enumerate (given, options, model, indegree, done, order, 0, &brute);

      schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (given), &n);
      g_assert_cmpuint (lir_order_model_peak (model, schedule, NULL, NULL), ==,
                        lir_order_report_get_given_peak (report));
      g_assert_false (brute.floor_broken);
      g_assert_cmpuint (lir_order_report_get_best_peak (report), ==, brute.best);
      g_assert_cmpuint (lir_order_report_get_best_peak (report), <=,
                        lir_order_report_get_given_peak (report));
      g_assert_cmpint (lir_order_report_get_proof (report), !=, LIR_ORDER_PROOF_NONE);
      check_best (report);
      proved_by_floor += lir_order_report_get_proof (report) == LIR_ORDER_PROOF_FLOOR;
      lower += lir_order_report_get_best_peak (report) < lir_order_report_get_given_peak (report);
    }
  g_test_message ("%u proved by the floor, %u with a lower order", proved_by_floor, lower);
  g_assert_cmpuint (lower, >, 0);
}

/* Never worse than the order given, over 2,000 random graphs with views and
 * in-place writes, many where the budget runs out: the planner's lower
 * bound for each order is the one reported. */
static void
test_never_worse (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);
  guint exhausted = 0;

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr (LirGraph) graph = random_graph (rand, g_rand_int_range (rand, 10, 60));
      g_autoptr (LirModule) module = lir_module_new (graph, NULL);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirOrderReport) report = NULL;
      g_autoptr (GError) error = NULL;

      lir_plan_options_set_strategy (options, "naive");
      const guint32 *given, *best;
      guint n;

      report = lir_module_find_order (module, options, 300, &error);
      g_assert_no_error (error);
      /* The planner, not the search's model, says what each order holds. */
      given = lir_order_report_get_given_order (report, &n);
      best = lir_order_report_get_best_order (report, &n);
      g_assert_cmpuint (planned_peak (module, options, given, n), ==,
                        lir_order_report_get_given_peak (report));
      g_assert_cmpuint (planned_peak (module, options, best, n), ==, lir_order_report_get_best_peak (report));
      g_assert_cmpuint (lir_order_report_get_best_peak (report), <=,
                        lir_order_report_get_given_peak (report));
      g_assert_cmpuint (lir_order_report_get_floor (report, NULL), <=,
                        lir_order_report_get_best_peak (report));
      check_best (report);
      if (round % 100 == 0)
        {
          /* Deterministic: the same question, the same order. */
          g_autoptr (LirOrderReport) again = lir_module_find_order (module, options, 300, NULL);
          const guint32 *a, *b;
          guint na, nb;

          a = lir_order_report_get_best_order (report, &na);
          b = lir_order_report_get_best_order (again, &nb);
          g_assert_cmpmem (a, na * sizeof (guint32), b, nb * sizeof (guint32));
        }
      exhausted += lir_order_report_get_proof (report) == LIR_ORDER_PROOF_NONE;
    }
  /* The budget must run out somewhere, or the bracket is never tested. */
  g_assert_cmpuint (exhausted, >, 0);
}

typedef struct
{
  guint calls;
  guint64 budget;
  guint64 last_done;
  guint64 lowest;
} Heard;

static void
hear_progress (const LirProgress *progress, gpointer data)
{
  Heard *heard = data;

  g_assert_cmpstr (progress->phase, ==, "order");
  g_assert_cmpuint (progress->total, ==, heard->budget);
  g_assert_cmpuint (progress->done, <=, progress->total);
  g_assert_cmpuint (progress->done, >, heard->last_done);
  heard->calls++;
  heard->last_done = progress->done;
  heard->lowest = progress->best_arena;
}

/* A search that runs long says how far it got, with its lowest peak so
 * far, through the options' progress function. */
static void
test_progress (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (11);
  guint searched = 0;

  for (guint round = 0; round < 200 && searched < 3; round++)
    {
      g_autoptr (LirGraph) graph = random_graph (rand, 60);
      g_autoptr (LirModule) module = lir_module_new (graph, NULL);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirOrderReport) report = NULL;
      Heard heard = { 0, 20000 };

      lir_plan_options_set_strategy (options, "naive");
      lir_plan_options_set_progress (options, hear_progress, &heard);
      report = lir_module_find_order (module, options, heard.budget, NULL);
      g_assert_nonnull (report);
      if (lir_order_report_get_n_states (report) < 1024)
        {
          g_assert_cmpuint (heard.calls, ==, 0);
          continue;
        }
      /* The first report comes at 1,024 states; the search only ever
       * lowers its best, and the planner confirms what it ends with. */
      g_assert_cmpuint (heard.calls, >=, 1);
      g_assert_cmpuint (heard.lowest, >=, lir_order_report_get_best_peak (report));
      g_assert_cmpuint (heard.lowest, >=, lir_order_report_get_floor (report, NULL));
      searched++;
    }
  g_assert_cmpuint (searched, ==, 3);
}

/* A buffer list has no order to change: a clear error. */
static void
test_buffer_list (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL;
  const char csv[] = "id,lower,upper,size\n0,0,2,64\n1,1,3,64\n";

  module = lir_module_new_from_csv (csv, sizeof csv - 1, &error);
  g_assert_no_error (error);
  g_assert_null (lir_module_find_order (module, NULL, 0, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED);
}

/* A side branch that reads an early tensor but runs late: run it early and
 * the tensor is freed before the peak (the segmentation models' auxiliary
 * head). */
static void
test_side_branch (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("side");
  LirShape small = LIR_SHAPE (LIR_DTYPE_U8, 64);
  LirShape early = LIR_SHAPE (LIR_DTYPE_U8, 3000);
  LirShape big = LIR_SHAPE (LIR_DTYPE_U8, 10000);
  guint32 x = lir_graph_add_input (g, "x", &small);
  guint32 a = lir_graph_add_op (g, "layer3", &x, 1, &early);
  guint32 b = lir_graph_add_op (g, "layer4.0", &a, 1, &big);
  guint32 b2 = lir_graph_add_op (g, "layer4.1", &b, 1, &big);
  guint32 c = lir_graph_add_op (g, "head", &b2, 1, &small);
  guint32 aux = lir_graph_add_op (g, "aux_classifier", &a, 1, &small);
  guint32 outs[] = { c, aux };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirOrderReport) report = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  const guint32 *schedule;
  guint n, aux_step = 0, layer4_step = 0;

  lir_graph_set_outputs (g, outs, 2);
  module = lir_module_new (g, NULL);
  lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  report = lir_module_find_order (module, options, 0, NULL);
  /* Given: layer3 is held through layer4 for the aux head. Best: the aux
   * head's result instead. The floor (layer4's two results) misses that
   * result, not an ancestor of layer4.1, so the search proves it. */
  g_assert_cmpuint (lir_order_report_get_given_peak (report), ==, 3000 + 2 * 10000);
  g_assert_cmpuint (lir_order_report_get_best_peak (report), ==, 2 * 10000 + 64);
  g_assert_cmpuint (lir_order_report_get_floor (report, NULL), ==, 2 * 10000);
  g_assert_cmpint (lir_order_report_get_proof (report), ==, LIR_ORDER_PROOF_SEARCH);
  g_assert_cmpstr (lir_order_report_get_method (report), !=, "given");
  schedule = lir_order_report_get_best_order (report, &n);
  for (guint i = 0; i < n; i++)
    {
      aux_step = schedule[i] == aux ? i : aux_step;
      layer4_step = schedule[i] == b2 ? i : layer4_step;
    }
  g_assert_cmpuint (aux_step, <, layer4_step);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/reorder/against-brute-force", test_against_brute_force);
  g_test_add_func ("/plan/reorder/never-worse", test_never_worse);
  g_test_add_func ("/plan/reorder/side-branch", test_side_branch);
  g_test_add_func ("/plan/reorder/progress", test_progress);
  g_test_add_func ("/plan/reorder/buffer-list", test_buffer_list);
  return g_test_run ();
}
