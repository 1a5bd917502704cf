/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-stats-report.c: the statistics report's rows, its JSON, bindings, and
 * what it says (and does not claim) of an invalid plan. */
#include "lir-private.h"

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

/* One wording: the text, the rows and the JSON agree with the numbers. */
static void
test_stats_report (void)
{
  g_autoptr (LirModule) module = load_example ("decoder-block.json");
  g_autoptr (LirStatsReport) report = lir_stats_report_new (module);
  const LirPlanStats *stats = lir_stats_report_get_stats (report);
  g_autofree char *text = lir_stats_report_to_text (report);
  g_autofree char *json = lir_stats_report_to_json (report, -1);
  g_autofree char *arena = g_strdup_printf ("(%" G_GUINT64_FORMAT " B)", stats->arena_size);
  g_autofree char *arena_json = g_strdup_printf ("\"arena_size\": %" G_GUINT64_FORMAT ",", stats->arena_size);
  g_autofree char *peak = NULL;
  char scratch[24];

  g_assert_nonnull (strstr (lir_stats_report_get_value (report, LIR_STAT_ARENA_SIZE), arena));
  g_assert_cmpuint (strlen (lir_stats_report_get_value (report, LIR_STAT_FINGERPRINT)), ==, 16);
  g_assert_null (lir_stats_report_get_value (report, LIR_STAT_SYMBOLS));
  peak = g_strdup_printf ("step %u, %s", stats->peak_step,
                          lir_graph_get_node_label (lir_module_get_graph (module),
                                                    lir_stats_report_get_peak_node (report), scratch));
  g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_PEAK), ==, peak);
  for (guint i = 0; i < LIR_N_STATS; i++)
    {
      const char *value = lir_stats_report_get_value (report, (LirStat)i);
      g_autofree char *line = NULL;

      if (value == NULL)
        continue;
      line = g_strdup_printf ("%s ", lir_stat_get_title ((LirStat)i));
      g_assert_nonnull (strstr (text, line));
      g_assert_nonnull (strstr (text, value));
    }
  g_assert_nonnull (strstr (json, arena_json));
  g_assert_null (strstr (json, "plan_seconds"));
  g_assert_nonnull (strstr (json, "\"peak_node\": "));
}

/* An invalid plan claims no saving: its bytes overlap, so what looks
 * saved is not (text and JSON alike). */
static void
test_stats_report_invalid (void)
{
  const char *csv = "id,lower,upper,size,offset\na,0,3,100,0\nb,1,2,100,50\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_data (csv, strlen (csv), &error);
  g_autoptr (LirStatsReport) report = NULL;
  g_autofree char *text = NULL, *json = NULL;

  g_assert_no_error (error);
  report = lir_stats_report_new (module);
  g_assert_false (lir_stats_report_is_valid (report));
  g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_SAVED_BY_SHARING), ==,
                   "not measured: the plan is invalid");
  g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_BYTES_SAVED), ==,
                   "not measured: the plan is invalid");
  g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_EFFICIENCY), ==,
                   "not measured: the plan is invalid");
  text = lir_stats_report_to_text (report);
  {
    const char *line = strstr (text, "Saved by sharing");
    g_autofree char *row = g_strndup (line, (gsize)(strchr (line, '\n') - line));

    g_assert_true (g_str_has_suffix (row, "not measured: the plan is invalid"));
  }
  json = lir_stats_report_to_json (report, -1);
  g_assert_nonnull (strstr (json, "\"bytes_saved\": null,"));
  g_assert_nonnull (strstr (json, "\"bytes_saved_by_sharing\": null,"));
  g_assert_nonnull (strstr (json, "\"valid\": false,"));
}

static void
test_stats_report_symbols (void)
{
  g_autoptr (LirModule) module = load_example ("dynamic-seq.json");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) bound = NULL;
  g_autoptr (LirStatsReport) report = NULL;
  g_autoptr (GError) error = NULL;

  lir_plan_options_bind (options, "seq", 256);
  bound = lir_module_replan (module, options, &error);
  g_assert_no_error (error);
  report = lir_stats_report_new (bound);
  g_assert_cmpstr (lir_stats_report_get_value (report, LIR_STAT_SYMBOLS), ==, "seq = 256");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/stats/rows-text-json", test_stats_report);
  g_test_add_func ("/report/stats/symbols", test_stats_report_symbols);
  g_test_add_func ("/report/stats/invalid-claims-no-saving", test_stats_report_invalid);
  return g_test_run ();
}
