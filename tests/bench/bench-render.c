/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-render.c: how fast and how large the timeline drawing is.
 *
 * Builds a transformer-like graph with 100,000 arena buffers (activations,
 * views, long-lived residuals), plans it with best-fit, then measures: the
 * SVG export (seconds, bytes), the PNG export at 1920x1080, and frames of
 * random viewports drawn into a 1920x1080 image surface, as the app's
 * timeline widget draws them (no header). Run from anywhere:
 *
 *   ./build/tests/bench-render [n_buffers]
 */
#include "bench-common.h"

#include <math.h>
#include <stdlib.h>

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static void
time_export (const LirRenderer *renderer, LirRenderFormat format, const char *what, double width,
             double height, const LirViewport *viewport, const LirRenderOptions *options)
{
  double t0 = now (), seconds;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes =
    lir_renderer_export_bytes (renderer, format, width, height, viewport, options, &error);

  seconds = now () - t0;
  if (bytes == NULL)
    g_error ("%s: %s", what, error->message);
  g_print ("| %s %.0fx%.0f | %.3f s | %.2f MB |\n", what, width, height, seconds,
           g_bytes_get_size (bytes) / 1e6);
  /* BENCH_SAVE=DIR keeps the images to look at. */
  if (g_getenv ("BENCH_SAVE") != NULL)
    {
      static const char *const ext[] = { "svg", "png", "pdf" };
      g_autofree char *name = g_strdup_printf ("bench-render.%s", ext[format]);
      g_autofree char *path = g_build_filename (g_getenv ("BENCH_SAVE"), name, NULL);

      g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize)g_bytes_get_size (bytes), NULL);
    }
}

int
main (int argc, char **argv)
{
  guint n = argc > 1 ? (guint)atoi (argv[1]) : 100000;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (1);
  LirRenderOptions options;
  LirViewport full;
  LirPlanStats stats;
  cairo_surface_t *surface;
  double t0, build_seconds, renderer_seconds;
  const guint n_frames = 120;
  double frames[120];
  double frames_full[120];

  t0 = now ();
  module = bench_build_module (n);
  build_seconds = now () - t0;
  lir_plan_stats_compute (lir_module_get_plan (module), &stats);
  t0 = now ();
  renderer = lir_renderer_new (module);
  renderer_seconds = now () - t0;
  lir_renderer_get_full_viewport (renderer, &full);
  lir_render_options_init (&options);

  g_print ("## Rendering a %u-buffer plan (%u views, %u steps, arena %" G_GUINT64_FORMAT " B)\n\n",
           stats.n_buffers, stats.n_views, lir_renderer_get_n_steps (renderer), stats.arena_size);
  g_print ("graph build + best-fit plan: %.2f s; renderer set-up (index, stats, colours): %.3f s\n\n",
           build_seconds, renderer_seconds);
  g_print ("| output | time | size |\n|---|---|---|\n");
  time_export (renderer, LIR_RENDER_SVG, "SVG, whole plan", 1920, 1080, &full, &options);
  time_export (renderer, LIR_RENDER_PNG, "PNG, whole plan", 1920, 1080, &full, &options);
  time_export (renderer, LIR_RENDER_PDF, "PDF, whole plan", 1920, 1080, &full, &options);

  /* Frames: random zoom (1x to 10,000x in steps, 1x to 100x in bytes) and
   * position, drawn as the widget does (no header) and with everything. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  for (int pass = 0; pass < 2; pass++)
    {
      LirRenderOptions o = options;

      o.header = pass == 1;
      for (guint i = 0; i < n_frames; i++)
        {
          double zoom = exp (g_rand_double_range (rand, 0, log (10000.0)));
          double yzoom = exp (g_rand_double_range (rand, 0, log (100.0)));
          double span = full.step_end / zoom, bspan = full.byte_end / yzoom;
          LirViewport vp;
          cairo_t *cr = cairo_create (surface);
          double start;

          vp.step_start = g_rand_double_range (rand, 0, full.step_end - span);
          vp.step_end = vp.step_start + span;
          vp.byte_start = g_rand_double_range (rand, 0, full.byte_end - bspan);
          vp.byte_end = vp.byte_start + bspan;
          o.cursor_step = (gint64)((vp.step_start + vp.step_end) / 2);
          start = now ();
          lir_renderer_draw (renderer, cr, 1920, 1080, &vp, &o);
          cairo_surface_flush (surface);
          (pass == 0 ? frames : frames_full)[i] = (now () - start) * 1000;
          /* BENCH_VERBOSE=1 lists every frame, to find the slow kind. */
          if (g_getenv ("BENCH_VERBOSE") != NULL && pass == 0)
            g_printerr ("frame %3u: %6.2f ms, steps x%.0f, bytes x%.1f\n", i, frames[i], zoom, yzoom);
          cairo_destroy (cr);
        }
    }
  cairo_surface_destroy (surface);
  qsort (frames, n_frames, sizeof (double), compare_double);
  qsort (frames_full, n_frames, sizeof (double), compare_double);
  g_print ("\n| %u random viewports into a 1920x1080 image surface | median ms | p95 ms | max ms |\n"
           "|---|---|---|---|\n",
           n_frames);
  g_print ("| widget frame (strip chart, phase band, timeline, cursor) | %.2f | %.2f | %.2f |\n",
           frames[n_frames / 2], frames[n_frames * 95 / 100], frames[n_frames - 1]);
  g_print ("| with header and legend | %.2f | %.2f | %.2f |\n", frames_full[n_frames / 2],
           frames_full[n_frames * 95 / 100], frames_full[n_frames - 1]);
  return 0;
}
