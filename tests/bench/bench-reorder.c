/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-reorder.c: the order search (lir_module_find_order ()) on the files
 * given, then on random layered DAGs (issue 31's generator: layers 4 to 6
 * wide, each node reading 1 to 3 nodes of the three layers before, sizes 1
 * to 64 KiB), against the optimum the same search proves with a budget
 * 50 times larger. Activations only: inputs and params are left out of the
 * arena, as the figures in issue 31 were taken. The files' reordered
 * modules are placed with the default strategy (auto), the random DAGs'
 * with best-fit: the time includes placing the best order. Prints Markdown
 * tables.
 *
 *   bench-reorder [--quick] [FILE...]
 */
#include "lir-private.h"
#include "plan/lir-reorder-private.h"

#include <stdio.h>
#include <string.h>

static const char *const proof_names[] = { "none (bracket)", "floor", "search" };

static LirPlanOptions *
activations_only (const char *strategy)
{
  LirPlanOptions *options = lir_plan_options_new ();

  if (strategy != NULL)
    lir_plan_options_set_strategy (options, strategy);
  lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
  lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  return options;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
bench_files (char **files, int n_files)
{
  g_autoptr (LirPlanOptions) options = activations_only (NULL);

  printf ("| file | nodes | given peak | best peak | best / given | floor | proof | found by | states | time "
          "|\n|---|---:|---:|---:|---:|---:|---|---|---:|---:|\n");
  for (int i = 0; i < n_files; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_file (files[i], &error);
      g_autoptr (LirOrderReport) report = NULL;
      g_autofree char *base = g_path_get_basename (files[i]);
      gint64 start = g_get_monotonic_time ();
      guint64 given, best;

      if (module != NULL)
        report = lir_module_find_order (module, options, 0, &error);
      if (report == NULL)
        {
          printf ("| %s | error: %s |\n", base, error->message);
          continue;
        }
      given = lir_order_report_get_given_peak (report);
      best = lir_order_report_get_best_peak (report);
      printf ("| %s | %u | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " | %.3f | %" G_GUINT64_FORMAT
              " | %s | %s | %" G_GUINT64_FORMAT " | %.3f s |\n",
              base, lir_graph_get_n_nodes (lir_module_get_graph (module)), given, best,
              given > 0 ? (double)best / given : 1.0, lir_order_report_get_floor (report, NULL),
              proof_names[lir_order_report_get_proof (report)], lir_order_report_get_method (report),
              lir_order_report_get_n_states (report), seconds_since (start));
    }
}

/* One layered DAG of @n nodes; the last node is the output. */
static LirModule *
layered_dag (guint n, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (LirGraph) g = lir_graph_new ("dag");
  g_autoptr (GArray) layer_end = g_array_new (FALSE, FALSE, sizeof (guint32));
  LirShape shape = LIR_SHAPE (LIR_DTYPE_U8, g_rand_int_range (rand, 1, 65) * 1024);
  guint32 id = lir_graph_add_input (g, "x", &shape) + 1, out;

  g_array_append_val (layer_end, id);
  while (id < n)
    {
      guint width = g_rand_int_range (rand, 4, 7);
      guint layers = layer_end->len;
      guint32 first = layers > 3 ? g_array_index (layer_end, guint32, layers - 4) : 0;
      guint32 end = g_array_index (layer_end, guint32, layers - 1);

      for (guint k = 0; k < width && id < n; k++, id++)
        {
          guint32 inputs[3];
          guint n_inputs = g_rand_int_range (rand, 1, 1 + MIN (3, end - first));

          shape = LIR_SHAPE (LIR_DTYPE_U8, g_rand_int_range (rand, 1, 65) * 1024);
          for (guint i = 0; i < n_inputs; i++)
            inputs[i] = g_rand_int_range (rand, first, end);
          lir_graph_add_op (g, "relu", inputs, n_inputs, &shape);
        }
      g_array_append_val (layer_end, id);
    }
  out = n - 1;
  lir_graph_set_outputs (g, &out, 1);
  return lir_module_new (g, NULL);
}

typedef struct
{
  guint graphs, proved, optimal, known;
  double sum_ratio, worst_ratio, sum_beam, worst_beam, sum_given, worst_seconds;
} DagRow;

static void
bench_dag (guint n, guint count, guint64 budget, DagRow *row)
{
  g_autoptr (LirPlanOptions) options = activations_only ("best-fit");

  memset (row, 0, sizeof *row);
  for (guint seed = 0; seed < count; seed++)
    {
      g_autoptr (LirModule) module = layered_dag (n, seed);
      g_autoptr (LirOrderReport) report = NULL, exact = NULL;
      g_autoptr (LirOrderModel) model = NULL;
      g_autofree guint32 *order = g_new (guint32, n + 1);
      g_autoptr (LirModule) given = NULL;
      gint64 start = g_get_monotonic_time ();
      guint64 best, optimum, beam;
      double seconds;

      report = lir_module_find_order (module, options, budget, NULL);
      seconds = seconds_since (start);
      exact = lir_module_find_order (module, options, budget * 50, NULL);
      given = lir_module_replan (module, options, NULL);
      model = lir_order_model_new (lir_module_get_graph (given), lir_module_get_plan (given));
      beam = lir_order_beam (model, 256, NULL, order);
      best = lir_order_report_get_best_peak (report);
      row->graphs++;
      row->proved += lir_order_report_get_proof (report) != LIR_ORDER_PROOF_NONE;
      row->worst_seconds = MAX (row->worst_seconds, seconds);
      if (lir_order_report_get_proof (exact) == LIR_ORDER_PROOF_NONE)
        continue;
      optimum = lir_order_report_get_best_peak (exact);
      row->known++;
      row->optimal += best == optimum;
      row->sum_ratio += (double)best / optimum;
      row->worst_ratio = MAX (row->worst_ratio, (double)best / optimum);
      row->sum_beam += (double)beam / optimum;
      row->worst_beam = MAX (row->worst_beam, (double)beam / optimum);
      row->sum_given += (double)lir_order_report_get_given_peak (report) / optimum;
    }
}

static void
bench_dags (gboolean quick)
{
  static const guint sizes[] = { 30, 60 };
  DagRow row;

  printf ("\n| nodes | graphs | optimum known | optimal | proved within budget | mean best / optimum | worst "
          "| beam alone: mean, worst | given order: mean | slowest |\n"
          "|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      bench_dag (sizes[i], quick ? 10 : 100, 200000, &row);
      printf ("| %u | %u | %u | %u | %u | %.4f | %.4f | %.4f, %.4f | %.4f | %.3f s |\n", sizes[i], row.graphs,
              row.known, row.optimal, row.proved, row.sum_ratio / MAX (row.known, 1), row.worst_ratio,
              row.sum_beam / MAX (row.known, 1), row.worst_beam, row.sum_given / MAX (row.known, 1),
              row.worst_seconds);
    }
}

/* Time per graph as graphs grow, with the default budget. */
static void
bench_scaling (gboolean quick)
{
  static const guint sizes[] = { 250, 500, 1000, 2000, 5000 };
  g_autoptr (LirPlanOptions) options = activations_only ("best-fit");

  printf (
    "\n| nodes | graphs | proved | mean best / floor | worst | slowest |\n|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      guint count = quick ? 2 : 5, proved = 0;
      double sum = 0, worst = 0, slowest = 0;

      for (guint seed = 0; seed < count; seed++)
        {
          g_autoptr (LirModule) module = layered_dag (sizes[i], 1000 + seed);
          gint64 start = g_get_monotonic_time ();
          g_autoptr (LirOrderReport) report = lir_module_find_order (module, options, 0, NULL);
          double ratio =
            (double)lir_order_report_get_best_peak (report) / lir_order_report_get_floor (report, NULL);

          slowest = MAX (slowest, seconds_since (start));
          proved += lir_order_report_get_proof (report) != LIR_ORDER_PROOF_NONE;
          sum += ratio;
          worst = MAX (worst, ratio);
        }
      printf ("| %u | %u | %u | %.4f | %.4f | %.3f s |\n", sizes[i], count, proved, sum / count, worst,
              slowest);
    }
}

int
main (int argc, char **argv)
{
  gboolean quick = argc > 1 && strcmp (argv[1], "--quick") == 0;

  if (quick)
    {
      argc--;
      argv++;
    }
  if (argc > 1)
    bench_files (argv + 1, argc - 1);
  bench_dags (quick);
  bench_scaling (quick);
  return 0;
}
