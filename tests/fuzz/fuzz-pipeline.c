/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pipeline.c: whatever parses is planned (auto, small effort); the
 * plan must pass the validator, round-trip through JSON and through CSV
 * (as a buffer list with the same arena), diff empty against itself, and
 * its reports and SVG must be valid UTF-8 (the SVG well-formed XML). */
#include "fuzz-target.h"

static void
check_csv (LirModule *planned)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *csv = lir_module_to_csv (planned, &length);
  g_autoptr (LirModule) buffers = lir_module_new_from_csv (csv, length, &error);
  LirPlanStats a, b;

  fuzz_check_text (csv, length, "a CSV");
  if (buffers == NULL)
    fuzz_fail ("a plan Lirscope made, written as CSV, does not read back: %s", error->message);
  if (fuzz_violations (buffers) != 0)
    fuzz_fail ("a plan Lirscope made, written as CSV, reads back invalid");
  lir_plan_stats_compute (lir_module_get_plan (planned), &a);
  lir_plan_stats_compute (lir_module_get_plan (buffers), &b);
  if (a.arena_size != b.arena_size || a.n_buffers != b.n_buffers || a.lower_bound != b.lower_bound)
    fuzz_fail ("a plan Lirscope made, written as CSV, reads back with another arena or bound");
  fuzz_check_round_trip (buffers, lir_module_new_from_csv, lir_module_to_csv, "a buffer list");
}

static void
check_reports (LirModule *planned)
{
  g_autoptr (LirStatsReport) stats = lir_stats_report_new (planned);
  g_autoptr (LirPlanIndex) index = lir_plan_index_new (lir_module_get_plan (planned));
  g_autoptr (LirPlanDiff) diff = lir_plan_diff_new (planned, planned);
  g_autofree char *text = lir_stats_report_to_text (stats);
  g_autofree char *json = lir_stats_report_to_json (stats, -1);
  g_autoptr (LirPeakReport) peak_report =
    lir_peak_report_new (planned, index, lir_stats_report_get_stats (stats)->peak_step);
  g_autoptr (LirPeakReport) first_report = lir_peak_report_new (planned, index, 0);
  g_autofree char *peak = lir_peak_report_to_text (peak_report, 20);
  g_autofree char *peak_json = lir_peak_report_to_json (first_report, 20);
  g_autofree char *diff_text = lir_plan_diff_to_text (diff, "a", "b", 40);

  if (!lir_stats_report_is_valid (stats))
    fuzz_fail ("the stats report says a plan Lirscope made is invalid");
  if (!lir_plan_diff_is_empty (diff))
    fuzz_fail ("a plan differs from itself");
  fuzz_check_text (text, strlen (text), "the stats report");
  fuzz_check_text (json, strlen (json), "the stats report's JSON");
  fuzz_check_text (peak, strlen (peak), "the peak report");
  fuzz_check_text (peak_json, strlen (peak_json), "the peak report's JSON");
  fuzz_check_text (diff_text, strlen (diff_text), "the diff report");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_data ((const char *)data, size, &error);
  g_autoptr (LirPlanOptions) options = NULL;
  g_autoptr (LirModule) planned = NULL;
  g_autoptr (LirRenderer) renderer = NULL;
  g_autofree char *svg = NULL;
  LirRenderOptions render_options;
  LirViewport viewport;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize svg_length = 0;

  if (module == NULL)
    return 0;
  options = lir_plan_options_new ();
  lir_plan_options_set_strategy (options, "auto");
  lir_plan_options_set_effort (options, 2000);
  planned = lir_module_replan (module, options, &error);
  if (planned == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      fuzz_check_text (error->message, strlen (error->message), "an error message");
      return 0;
    }
  if (fuzz_violations (planned) != 0)
    fuzz_fail ("a plan Lirscope made fails validation");
  fuzz_check_round_trip (planned, lir_module_new_from_json, lir_module_to_json, "a planned module");
  check_csv (planned);
  check_reports (planned);

  renderer = lir_renderer_new (planned);
  lir_render_options_init (&render_options);
  render_options.selected = 0;
  render_options.cursor_step = 0;
  render_options.header = TRUE;
  render_options.callouts = TRUE;
  lir_renderer_get_full_viewport (renderer, &viewport);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 120);
  cr = cairo_create (surface);
  lir_renderer_draw (renderer, cr, 160, 120, &viewport, &render_options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  svg = lir_renderer_to_svg (renderer, 400, 300, &viewport, &render_options, &svg_length);
  fuzz_check_svg (svg, svg_length);
  return 0;
}
