/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-peak-report.c: the peak's totals by category (a training step's
 * parameters, activations, gradients, optimizer state), counted here from
 * the plan's slots and lifetimes, and what a document without categories
 * gets. */
#include <lir.h>

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

static LirModule *
load_example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), name, NULL);
  g_autoptr (GError) error = NULL;
  LirModule *module = lir_module_new_from_file (path, &error);

  g_assert_no_error (error);
  g_assert_true (lir_module_ensure_plan (module, NULL, &error));
  g_assert_no_error (error);
  return module;
}

/* Bytes by category at @step, and the saved bytes, from the plan itself:
 * every root with a slot live at @step counts under its own category, and
 * as saved when it or a view of it live there is a saved activation. */
static void
count_at (LirModule *module, guint32 step, guint64 *by_category, guint64 *saved)
{
  LirGraph *graph = lir_module_get_graph (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  guint n = lir_graph_get_n_nodes (graph);

  memset (by_category, 0, LIR_N_CATEGORIES * sizeof (guint64));
  *saved = 0;
  for (guint32 id = 0; id < n; id++)
    {
      const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);
      const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);
      gboolean is_saved = lir_graph_get_node_saved (graph, id);

      if (slot == NULL || lir_buffer_plan_is_view (plan, id) || life->first_step > step
          || life->last_step < step)
        continue;
      by_category[lir_graph_get_node_category (graph, id)] += slot->size;
      for (guint32 v = 0; v < n && !is_saved; v++)
        {
          const LirViewAlias *alias = lir_buffer_plan_get_view_alias (plan, v);
          const LirLifetime *view_life = lir_buffer_plan_get_lifetime (plan, v);

          is_saved = alias != NULL && alias->root == id && view_life->first_step <= step
                     && view_life->last_step >= step && lir_graph_get_node_saved (graph, v);
        }
      if (is_saved)
        *saved += slot->size;
    }
}

static void
test_by_category (void)
{
  g_autoptr (LirModule) module = load_example ("mlp-train-step.json");
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
  guint steps = lir_buffer_plan_get_n_steps (plan);
  gboolean saw_saved = FALSE, saw_gradient = FALSE;

  g_assert_true (lir_graph_has_categories (lir_module_get_graph (module)));
  g_assert_true (lir_graph_has_regions (lir_module_get_graph (module)));
  for (guint32 step = 0; step < steps; step++)
    {
      g_autoptr (LirLiveSet) set = lir_live_set_new (module, index, step);
      guint64 expected[LIR_N_CATEGORIES], saved, total = 0;

      count_at (module, step, expected, &saved);
      for (guint c = 0; c < LIR_N_CATEGORIES; c++)
        {
          g_assert_cmpuint (lir_live_set_get_category_bytes (set, (LirCategory)c), ==, expected[c]);
          total += expected[c];
        }
      g_assert_cmpuint (total, ==, lir_live_set_get_live_bytes (set));
      g_assert_cmpuint (lir_live_set_get_saved_bytes (set), ==, saved);
      g_assert_cmpuint (saved, <=, expected[LIR_CATEGORY_ACTIVATION]);
      saw_saved |= saved > 0;
      saw_gradient |= expected[LIR_CATEGORY_GRADIENT] > 0;
    }
  /* The example must exercise both, or the loop above proves little. */
  g_assert_true (saw_saved);
  g_assert_true (saw_gradient);
}

/* The text and the JSON of the peak say the same totals. */
static void
test_report (void)
{
  g_autoptr (LirModule) module = load_example ("mlp-train-step.json");
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
  LirPlanStats stats;
  g_autoptr (LirPeakReport) report = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL, *text = NULL;
  guint64 expected[LIR_N_CATEGORIES], saved;
  JsonObject *root, *by_category;

  lir_plan_stats_compute (plan, &stats);
  report = lir_peak_report_new (module, index, stats.peak_step);
  count_at (module, stats.peak_step, expected, &saved);
  json = lir_peak_report_to_json (report, G_MAXUINT);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  by_category = json_object_get_object_member (root, "by_category");
  g_assert_cmpuint (json_object_get_size (by_category), ==, LIR_N_CATEGORIES);
  for (guint c = 0; c < LIR_N_CATEGORIES; c++)
    g_assert_cmpint (json_object_get_int_member (by_category, lir_category_to_string ((LirCategory)c)), ==,
                     (gint64)expected[c]);
  g_assert_cmpint (json_object_get_int_member (root, "saved_bytes"), ==, (gint64)saved);

  text = lir_peak_report_to_text (report, 10);
  g_assert_nonnull (strstr (text, "\n  by category    "));
  for (guint c = LIR_CATEGORY_NONE + 1; c < LIR_N_CATEGORIES; c++)
    if (expected[c] > 0)
      {
        g_autofree char *word = g_strdup_printf ("%s ", lir_category_to_string ((LirCategory)c));

        g_assert_nonnull (strstr (text, word));
      }
}

/* A document without categories: everything under "none", no text line. */
static void
test_without_categories (void)
{
  g_autoptr (LirModule) module = load_example ("mlp.json");
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (plan);
  LirPlanStats stats;
  g_autoptr (LirPeakReport) report = NULL;
  g_autoptr (LirLiveSet) set = NULL;
  g_autofree char *text = NULL, *totals = NULL;

  g_assert_false (lir_graph_has_categories (lir_module_get_graph (module)));
  lir_plan_stats_compute (plan, &stats);
  report = lir_peak_report_new (module, index, stats.peak_step);
  set = lir_live_set_new (module, index, stats.peak_step);
  g_assert_cmpuint (lir_live_set_get_category_bytes (set, LIR_CATEGORY_NONE), ==,
                    lir_live_set_get_live_bytes (set));
  totals = lir_live_set_format_category_totals (set);
  g_assert_cmpstr (totals, ==, "");
  text = lir_peak_report_to_text (report, 10);
  g_assert_null (strstr (text, "by category"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/peak/by-category", test_by_category);
  g_test_add_func ("/report/peak/report", test_report);
  g_test_add_func ("/report/peak/without-categories", test_without_categories);
  return g_test_run ();
}
