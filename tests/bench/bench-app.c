/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-app.c: the app on a 100,000-buffer plan: time to open (read, index,
 * first frame), then pan and zoom frames timed with the frame clock, and
 * peak memory. Needs a display; run from the source tree:
 *
 *   xvfb-run -a -s "-screen 0 1920x1200x24" dbus-run-session -- \
 *     env GSETTINGS_SCHEMA_DIR=build/data ./build/tests/bench-app [n_buffers]
 *
 * `bench-app --open FILE` opens one file instead and prints how long that
 * took, the longest the main loop was stalled, and the peak memory.
 */
#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "bench-common.h"
#include "lirscope-application.h"
#include "lirscope-timeline-private.h"
#include "lirscope-window-private.h"

#define N_FRAMES 240

typedef struct
{
  LirscopeWindow *window;
  LirscopeTimeline *timeline;
  guint frame;
  guint draws_before;
  gint64 last_frame_time;
  double draw_ms[N_FRAMES];
  double interval_ms[N_FRAMES];
  guint n_samples;
  gboolean done;
} Run;

static int
compare_double (const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
max_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* Each frame: zoom in for 60 frames, pan for 60, zoom out for 60, pan back. */
static gboolean
tick (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  Run *run = user_data;
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  guint draws = lirscope_timeline_get_n_draws (run->timeline);

  if (run->frame > 0 && draws > run->draws_before && run->n_samples < N_FRAMES)
    {
      run->draw_ms[run->n_samples] = lirscope_timeline_get_last_draw_us (run->timeline) / 1000.0;
      run->interval_ms[run->n_samples] = (now - run->last_frame_time) / 1000.0;
      run->n_samples++;
    }
  run->draws_before = draws;
  run->last_frame_time = now;
  if (run->frame >= N_FRAMES)
    {
      run->done = TRUE;
      return G_SOURCE_REMOVE;
    }
  switch (run->frame / 60)
    {
    case 0:
      lirscope_timeline_zoom (run->timeline, 1.08, 1.02, w * 0.6, h * 0.7);
      break;
    case 1:
      lirscope_timeline_pan (run->timeline, 25, -8);
      break;
    case 2:
      lirscope_timeline_zoom (run->timeline, 1 / 1.08, 1 / 1.02, w * 0.4, h * 0.5);
      break;
    default:
      lirscope_timeline_pan (run->timeline, -25, 8);
      break;
    }
  lirscope_timeline_set_cursor_x (run->timeline, w * (0.2 + 0.6 * (run->frame % 60) / 60.0));
  run->frame++;
  return G_SOURCE_CONTINUE;
}

static gboolean
first_frame (LirscopeWindow *window)
{
  return !lirscope_session_get_busy (lirscope_window_get_session (window))
         && lirscope_timeline_get_n_draws (lirscope_window_get_timeline (window)) > 0;
}

/* The main loop's longest stall: the largest gap between two runs of a
 * high-priority timeout that asks to run every millisecond. */
typedef struct
{
  gint64 last_us;
  gint64 longest_us;
} Stall;

static gboolean
stall_tick (gpointer user_data)
{
  Stall *stall = user_data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last_us != 0)
    stall->longest_us = MAX (stall->longest_us, now - stall->last_us);
  stall->last_us = now;
  return G_SOURCE_CONTINUE;
}

static int
open_one (LirscopeApplication *app, const char *path)
{
  LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));
  g_autoptr (GFile) file = g_file_new_for_path (path);
  Stall stall = { 0 };
  double t0, open_seconds, rss_before;
  guint source;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  rss_before = max_rss_mib ();
  source = g_timeout_add_full (G_PRIORITY_HIGH, 1, stall_tick, &stall, NULL);
  t0 = g_get_monotonic_time () / 1e6;
  lirscope_window_open (window, file);
  while (!first_frame (window))
    g_main_context_iteration (NULL, TRUE);
  open_seconds = g_get_monotonic_time () / 1e6 - t0;
  /* A second of idle time after the first frame: late work shows here. */
  while (g_get_monotonic_time () / 1e6 - t0 < open_seconds + 1)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (source);
  g_print ("| file | open: read, plan if needed, index, first frame | longest main-loop stall | peak RSS "
           "before / after |\n"
           "|---|---|---|---|\n| %s | %.2f s | %.0f ms | %.0f / %.0f MiB |\n",
           path, open_seconds, stall.longest_us / 1000.0, rss_before, max_rss_mib ());
  if (lirscope_session_get_module (lirscope_window_get_session (window)) == NULL)
    g_print ("(not opened: %s)\n", lirscope_window_get_banner_text (window));
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return 0;
}

int
main (int argc, char **argv)
{
  gboolean open_mode = argc > 2 && g_strcmp0 (argv[1], "--open") == 0;
  guint n = argc > 1 && !open_mode ? (guint)atoi (argv[1]) : 100000;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lirscope-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bench-100k.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "bench-100k.csv", NULL);
  g_autoptr (GFile) file = NULL;
  LirscopeApplication *app;
  Run run = { 0 };
  double rss_before, t0, open_seconds;
  struct stat st;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  module = bench_build_module (open_mode ? 2 : n);
  if (!lir_module_save (module, path, &error) || !lir_module_save (module, csv, &error))
    g_error ("%s", error->message);
  g_stat (path, &st);
  g_clear_pointer (&module, lir_module_unref);

  g_set_prgname ("lirscope");
  g_set_application_name ("Lirscope");
  app = lirscope_application_new ();
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  if (argc > 2 && g_strcmp0 (argv[1], "--open") == 0)
    return open_one (app, argv[2]);
  rss_before = max_rss_mib ();

  run.window = lirscope_window_new (GTK_APPLICATION (app));
  run.timeline = lirscope_window_get_timeline (run.window);
  gtk_window_set_default_size (GTK_WINDOW (run.window), 1920, 1080);
  gtk_window_present (GTK_WINDOW (run.window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  file = g_file_new_for_path (path);
  t0 = g_get_monotonic_time () / 1e6;
  lirscope_window_open (run.window, file);
  while (!first_frame (run.window))
    g_main_context_iteration (NULL, TRUE);
  open_seconds = g_get_monotonic_time () / 1e6 - t0;
  if (lirscope_session_get_module (lirscope_window_get_session (run.window)) == NULL)
    g_error ("the plan did not open: %s", lirscope_window_get_banner_text (run.window));

  g_print ("## The app on a %u-buffer plan (%.1f MB of JSON), window 1920x1080, GSK renderer %s\n\n",
           lir_plan_index_get_n_entries (lir_renderer_get_index (
             lirscope_session_get_renderer (lirscope_window_get_session (run.window)))),
           st.st_size / 1e6, G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (run.window))));
  g_print ("| open: read + index + first frame | %.2f s |\n|---|---|\n", open_seconds);

  gtk_widget_add_tick_callback (GTK_WIDGET (run.timeline), tick, &run, NULL);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);
  qsort (run.draw_ms, run.n_samples, sizeof (double), compare_double);
  qsort (run.interval_ms, run.n_samples, sizeof (double), compare_double);
  g_print ("| pan/zoom frames measured | %u |\n", run.n_samples);
  g_print ("| timeline draw per frame, median / p95 / max | %.2f / %.2f / %.2f ms |\n",
           run.draw_ms[run.n_samples / 2], run.draw_ms[run.n_samples * 95 / 100],
           run.draw_ms[run.n_samples - 1]);
  g_print ("| frame-clock interval, median / p95 | %.2f / %.2f ms |\n", run.interval_ms[run.n_samples / 2],
           run.interval_ms[run.n_samples * 95 / 100]);
  g_print ("| peak RSS: before opening / after | %.0f / %.0f MiB |\n", rss_before, max_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (run.window));

  /* The same buffers as a MiniMalloc CSV with offsets (no graph, no views). */
  {
    LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));
    g_autoptr (GFile) csv_file = g_file_new_for_path (csv);

    gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
    gtk_window_present (GTK_WINDOW (window));
    while (g_main_context_iteration (NULL, FALSE))
      ;
    t0 = g_get_monotonic_time () / 1e6;
    lirscope_window_open (window, csv_file);
    while (!first_frame (window))
      g_main_context_iteration (NULL, TRUE);
    g_print ("| open the same buffers as a CSV with offsets (%u buffers) | %.2f s |\n",
             lir_plan_index_get_n_entries (
               lir_renderer_get_index (lirscope_session_get_renderer (lirscope_window_get_session (window)))),
             g_get_monotonic_time () / 1e6 - t0);
    gtk_window_destroy (GTK_WINDOW (window));
    g_unlink (csv);
  }
  g_object_unref (app);
  if (g_getenv ("BENCH_KEEP") != NULL)
    g_print ("kept %s\n", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
