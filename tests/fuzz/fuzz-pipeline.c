/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-pipeline.c: whatever parses is planned (auto, small effort), the
 * plan must pass the validator, then it is diffed with itself (empty) and
 * drawn into a small image and an SVG. */
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_io_load_data ((const char *)data, size, &error);
  g_autoptr (LirPlanOptions) options = NULL;
  g_autoptr (LirModule) planned = NULL;
  g_autoptr (GPtrArray) violations = NULL;
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (LirPlanDiff) diff = NULL;
  g_autofree char *svg = NULL;
  LirRenderOptions render_options;
  LirViewport viewport;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint64 count;

  if (module == NULL)
    return 0;
  options = lir_plan_options_new ();
  lir_plan_options_set_strategy (options, "auto");
  lir_plan_options_set_effort (options, 2000);
  planned = lir_module_replan (module, options, &error);
  if (planned == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  violations = lir_validate_module (planned, &count);
  if (count != 0)
    fuzz_fail ("a plan Lirscope made fails validation: %s",
             ((LirViolation *)g_ptr_array_index (violations, 0))->message);
  diff = lir_plan_diff_new (planned, planned);
  g_assert (lir_plan_diff_is_empty (diff));

  renderer = lir_renderer_new (planned);
  lir_render_options_init (&render_options);
  render_options.selected = 0;
  render_options.cursor_step = 0;
  lir_renderer_full_viewport (renderer, &viewport);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 160, 120);
  cr = cairo_create (surface);
  lir_renderer_draw (renderer, cr, 160, 120, &viewport, &render_options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  svg = lir_renderer_to_svg (renderer, 160, 120, &viewport, &render_options, NULL);
  return 0;
}
