/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the app driven through its actions and its API, under Xvfb:
 * open, select by hit-test, zoom, search, re-plan, bind a symbol, export,
 * reload (manual and automatic, with a broken file in between), and the
 * window rendered to an image checked pixel by pixel. */
#include <glib/gstdio.h>
#include <string.h>

#include <math.h>

#include "lirscope-application.h"
#include "lirscope-settings.h"
#include "lirscope-node-item.h"
#include "lirscope-buffer-page-private.h"
#include "lirscope-changes-page-private.h"
#include "lirscope-peak-page-private.h"
#include "lirscope-search-page-private.h"
#include "lirscope-summary-page-private.h"
#include "lirscope-timeline-private.h"
#include "lirscope-window-private.h"

static LirscopeApplication *app;

static gboolean
timed_out (gpointer user_data)
{
  g_error ("timed out waiting for %s", (const char *)user_data);
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until cond (window) holds, or fails after 60 s. */
static void
wait_for (gboolean (*cond) (LirscopeWindow *), LirscopeWindow *window, const char *what)
{
  guint timeout = g_timeout_add_seconds (60, timed_out, (gpointer)what);

  while (!cond (window))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static LirscopeSession *
session_of (LirscopeWindow *window)
{
  return lirscope_window_get_session (window);
}

static LirModule *
module_of (LirscopeWindow *window)
{
  return lirscope_session_get_module (session_of (window));
}

static gboolean
is_idle (LirscopeWindow *window)
{
  return !lirscope_session_get_busy (session_of (window));
}

static gboolean
is_laid_out (LirscopeWindow *window)
{
  return gtk_widget_get_width (GTK_WIDGET (lirscope_window_get_timeline (window))) > 100
         && lirscope_timeline_get_n_draws (lirscope_window_get_timeline (window)) > 0;
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), name, NULL);
}

static LirscopeWindow *
open_window (const char *path)
{
  LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));
  g_autoptr (GFile) file = g_file_new_for_path (path);

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 820);
  gtk_window_present (GTK_WINDOW (window));
  lirscope_window_open (window, file);
  wait_for (is_idle, window, "the file to load");
  return window;
}

static void
close_window (LirscopeWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_open_examples (void)
{
  static const char *const names[] = { "mlp.json", "decoder-block.json", "dynamic-seq.json",
                                       "mlp-train-step.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = example (names[i]);
      LirscopeWindow *window = open_window (path);
      LirModule *module = module_of (window);
      g_autofree char *expected = NULL;
      LirPlanStats stats;

      g_assert_nonnull (module);
      g_assert_null (lirscope_window_get_banner_text (window));
      lir_plan_stats_compute (lir_module_get_plan (module), &stats);
      expected = g_strdup_printf ("(%" G_GUINT64_FORMAT " B)", stats.arena_size);
      g_assert_nonnull (strstr (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                                 LIR_STAT_ARENA_SIZE),
                                expected));
      g_assert_cmpuint (strlen (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                                 LIR_STAT_FINGERPRINT)),
                        ==, 16);
      g_assert_true (
        lirscope_summary_page_can_copy (lirscope_window_get_summary_page (window), LIR_STAT_FINGERPRINT));
      g_assert_nonnull (lirscope_session_get_renderer (session_of (window)));
      close_window (window);
    }
  /* RLX's own LIR, and a MiniMalloc buffer list. */
  {
    g_autofree char *rlx =
      g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "rlx-dynamic.json", NULL);
    g_autofree char *csv =
      g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "A.1048576.csv", NULL);
    LirscopeWindow *window = open_window (rlx);

    g_assert_nonnull (module_of (window));
    g_assert_cmpstr (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                      LIR_STAT_STRATEGY),
                     ==, "rlx");
    close_window (window);
    window = open_window (csv);
    g_assert_nonnull (module_of (window));
    g_assert_true (lir_module_is_buffer_only (module_of (window)));
    close_window (window);
  }
}

/* The pixel centre of a node's rectangle on the timeline. */
static void
node_point (LirscopeTimeline *timeline, LirModule *module, guint32 node, double *x, double *y)
{
  LirBufferPlan *plan = lir_module_get_plan (module);
  const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, node);
  const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, node);
  LirRenderLayout layout;
  LirViewport viewport;

  lirscope_timeline_get_layout (timeline, &layout);
  lirscope_timeline_get_viewport (timeline, &viewport);
  *x = lir_render_layout_x_of_step (&layout, &viewport, (life->first_step + life->last_step + 1) / 2.0);
  *y = lir_render_layout_y_of_byte (&layout, &viewport, slot->offset + slot->size / 2.0);
}

static guint32
find_node (LirModule *module, const char *name)
{
  LirGraph *graph = lir_module_get_graph (module);

  for (guint32 id = 0; id < lir_graph_get_n_nodes (graph); id++)
    if (g_strcmp0 (lir_graph_get_node_name (graph, id), name) == 0)
      return id;
  g_error ("no node %s", name);
  return LIR_NO_NODE;
}

static const char *
details_title (LirscopeWindow *window)
{
  return lirscope_buffer_page_get_title (lirscope_window_get_buffer_page (window));
}

static guint32
selected_of (LirscopeWindow *window)
{
  return lirscope_session_get_selected (session_of (window));
}

static void
test_select_zoom_search (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = module_of (window);
  guint32 node = find_node (module, "mlp.up");
  LirViewport full, zoomed;
  double x, y;
  guint matches;

  wait_for (is_laid_out, window, "the first frame");
  /* Hit-test: the pixel at mlp.up's centre selects it; the details follow. */
  node_point (timeline, module, node, &x, &y);
  g_assert_cmpuint (lirscope_timeline_node_at (timeline, x, y), ==, node);
  g_assert_cmpuint (lirscope_timeline_select_at (timeline, x, y), ==, node);
  g_assert_cmpuint (selected_of (window), ==, node);
  g_assert_cmpstr (details_title (window), ==, "mlp.up");
  /* A click on empty space (above the arena) clears it. */
  {
    LirRenderLayout layout;

    lirscope_timeline_get_layout (timeline, &layout);
    lirscope_timeline_select_at (timeline, layout.plot_x + 2, layout.plot_y + 2);
    g_assert_cmpuint (selected_of (window), ==, LIR_NO_NODE);
    g_assert_null (details_title (window));
  }

  /* Zoom in through the action, then to the selection, then fit. */
  lirscope_timeline_get_viewport (timeline, &full);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpfloat (zoomed.step_end - zoomed.step_start, <, full.step_end - full.step_start);
  lirscope_session_select (session_of (window), node);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-selection", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpfloat (zoomed.step_start, <=,
                     lir_buffer_plan_get_lifetime (lir_module_get_plan (module), node)->first_step);
  g_assert_cmpfloat (zoomed.step_end - zoomed.step_start, <, (full.step_end - full.step_start) / 2);
  lirscope_timeline_pan (timeline, 50, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpmem (&zoomed, sizeof zoomed, &full, sizeof full);

  /* The cursor follows the pointer's step. */
  lirscope_timeline_set_cursor_x (timeline, x);
  g_assert_cmpint (lirscope_session_get_cursor_step (session_of (window)), >=, 0);

  /* Search by name and by op; Enter selects the first hit. */
  {
    LirscopeSearchPage *search = lirscope_window_get_search_page (window);

    matches = lirscope_search_page_search (search, "PROJ");
    g_assert_cmpuint (matches, ==, 4); /* q_proj k_proj v_proj o_proj */
    g_assert_cmpuint (g_list_model_get_n_items (lirscope_search_page_get_model (search)), ==, 4);
    g_assert_cmpstr (lirscope_search_page_get_status (search), ==, "4 matches");
    g_assert_cmpuint (lirscope_search_page_search (search, "rope"), >=, 2);
    g_assert_cmpuint (lirscope_search_page_search (search, "no-such-buffer"), ==, 0);
    lirscope_search_page_search (search, "mlp.down");
    lirscope_search_page_activate (search, 0);
    g_assert_cmpuint (selected_of (window), ==, find_node (module, "mlp.down"));
  }
  close_window (window);
}

/* A file RLX wrote: the Summary shows RLX's cache key beside Lirscope's
 * fingerprint, and after a re-plan that changes the arena, that RLX would
 * miss its cache. */
static void
test_rlx_cache_key (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "b_gpt2_block.json", NULL);
  LirscopeWindow *window = open_window (path);
  LirscopeSummaryPage *summary = lirscope_window_get_summary_page (window);

  g_assert_cmpstr (lirscope_summary_page_get_value (summary, LIR_STAT_RLX_FINGERPRINT), ==,
                   "5d6dfcf85c2fdfb4");
  g_assert_true (lirscope_summary_page_can_copy (summary, LIR_STAT_RLX_FINGERPRINT));
  lirscope_window_select_strategy (window, "naive");
  wait_for (is_idle, window, "re-planning");
  g_assert_nonnull (strstr (lirscope_summary_page_get_value (summary, LIR_STAT_RLX_FINGERPRINT),
                            "RLX would miss its cache: the arena changed"));
  close_window (window);
}

/* A dynamic RLX module re-plans as its symbols are bound one at a time:
 * the others stay dynamic (their nodes out of the arena), as the CLI's
 * stats --bind gives; an unbound symbol's spin says so. */
static void
test_dynamic_rlx_binds_one_at_a_time (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "c_dynamic.json", NULL);
  LirscopeWindow *window = open_window (path);
  LirscopeSummaryPage *summary = lirscope_window_get_summary_page (window);
  static const struct
  {
    const char *symbol;
    guint64 value;
  } steps[] = { { "s0", 4 }, { "s1", 512 }, { "s2", 2048 } };

  g_assert_cmpuint (lirscope_session_get_binding (session_of (window), "s1"), ==, LIR_NO_VALUE);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_assert_true (lirscope_summary_page_set_symbol (summary, steps[i].symbol, steps[i].value));
      wait_for (is_idle, window, "re-planning");
      if (lirscope_window_get_banner_text (window) != NULL)
        g_test_message ("banner: %s", lirscope_window_get_banner_text (window));
      g_assert_null (lirscope_window_get_banner_text (window));
      g_assert_cmpuint (lirscope_session_get_binding (session_of (window), steps[i].symbol), ==,
                        steps[i].value);
    }
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module_of (window))), ==, 56635392);
  close_window (window);
}

static void
test_replan_and_bind (void)
{
  g_autofree char *decoder = example ("decoder-block.json");
  g_autofree char *dynamic = example ("dynamic-seq.json");
  LirscopeWindow *window = open_window (decoder);
  LirModule *module;
  guint64 value = 0;
  guint64 arena_128;

  lirscope_window_select_strategy (window, "naive");
  wait_for (is_idle, window, "re-planning");
  module = module_of (window);
  g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (module)), ==, "naive");
  g_assert_cmpstr (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                    LIR_STAT_STRATEGY),
                   ==, "naive");

  /* A graph without a plan opens with its params out of the arena (the
   * activations' view); the toggle re-plans them in, keeping the strategy,
   * and the choice is remembered for the next graph. */
  {
    guint64 without_params = lir_buffer_plan_get_arena_size (lir_module_get_plan (module));

    g_assert_false (lir_buffer_plan_get_allocates (lir_module_get_plan (module), LIR_OP_PARAM));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.params-in-arena", NULL));
    wait_for (is_idle, window, "re-planning with params");
    module = module_of (window);
    g_assert_true (lir_buffer_plan_get_allocates (lir_module_get_plan (module), LIR_OP_PARAM));
    g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (module)), ==, "naive");
    g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module)), >, without_params);
    g_assert_true (g_settings_get_boolean (window->settings, "params-in-arena"));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.params-in-arena", NULL));
    wait_for (is_idle, window, "re-planning without params");
    g_assert_false (g_settings_get_boolean (window->settings, "params-in-arena"));
  }
  close_window (window);

  window = open_window (dynamic);
  arena_128 = lir_buffer_plan_get_arena_size (lir_module_get_plan (module_of (window)));
  g_assert_true (lirscope_summary_page_set_symbol (lirscope_window_get_summary_page (window), "seq", 512));
  wait_for (is_idle, window, "re-planning with seq=512");
  module = module_of (window);
  g_assert_cmpuint (lir_buffer_plan_get_n_bindings (lir_module_get_plan (module)), ==, 1);
  g_assert_cmpstr (lir_buffer_plan_get_binding (lir_module_get_plan (module), 0, &value), ==, "seq");
  g_assert_cmpuint (value, ==, 512);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module)), >, arena_128);
  /* The view the timeline chose is chosen again: the grown arena's top is
   * on screen. */
  {
    LirViewport viewport;

    lirscope_timeline_get_viewport (lirscope_window_get_timeline (window), &viewport);
    g_assert_cmpfloat (viewport.byte_end, >=,
                       (double)lir_buffer_plan_get_arena_size (lir_module_get_plan (module)));
  }
  close_window (window);
}

static void
test_export (void)
{
  g_autofree char *path = example ("mlp.json");
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "whole.svg", NULL);
  g_autofree char *png = g_build_filename (dir, "visible.png", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  LirscopeWindow *window = open_window (path);

  wait_for (is_laid_out, window, "the first frame");
  g_assert_true (lirscope_window_export_to (window, svg, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml") && strstr (data, "mlp-2layer") != NULL);
  g_assert_true (lirscope_window_export_to (window, png, TRUE, &error));
  g_assert_no_error (error);
  /* Never over the open file, never an unknown format. */
  g_assert_false (lirscope_window_export_to (window, path, FALSE, &error));
  g_clear_error (&error);
  g_assert_false (lirscope_window_export_to (window, "/tmp/x.bmp", FALSE, &error));
  g_clear_error (&error);
  close_window (window);
  g_unlink (svg);
  g_unlink (png);
  g_rmdir (dir);
}

static gboolean
is_comparing (LirscopeWindow *window)
{
  return !lirscope_session_get_busy (session_of (window))
         && lirscope_session_get_diff (session_of (window)) != NULL;
}

/* Compare mode: a naive plan against the auto baseline, the changes list,
 * selecting a change selects the buffer, then back to normal. */
/* The Summary tells whether the order is the best; Find a Lower-Peak Order
 * shows the lower one against the order before, its moves first on the
 * Changes page. */
static void
test_find_order (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "order", "side-branch.json", NULL);
  LirscopeWindow *window = open_window (path);
  LirscopeSummaryPage *summary = lirscope_window_get_summary_page (window);
  LirscopeChangesPage *changes = lirscope_window_get_changes_page (window);
  g_autoptr (LirscopeNodeItem) first = NULL;

  g_assert_true (g_str_has_prefix (lirscope_summary_page_get_order (summary), "An order with peak "));
  g_assert_nonnull (strstr (lirscope_summary_page_get_order (summary), "exists, and it is optimal"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-order", NULL));
  wait_for (is_comparing, window, "the lower-peak order");
  g_assert_cmpstr (lirscope_window_get_sidebar_page (window), ==, "changes");
  g_assert_true (
    g_str_has_prefix (lirscope_changes_page_get_summary (changes), "Against the order before: "));
  first = g_list_model_get_item (lirscope_changes_page_get_model (changes), 0);
  g_assert_cmpstr (lirscope_node_item_get_title (first), ==, "Moved");
  g_assert_cmpstr (lirscope_node_item_get_subtitle (first), ==,
                   "aux_classifier.0 … aux_classifier.1 (2 nodes) now run before layer4.0");
  g_assert_true (
    g_str_has_prefix (lirscope_summary_page_get_order (summary), "The order is optimal (proved"));
  close_window (window);
}

static void
test_compare (void)
{
  g_autofree char *decoder = example ("decoder-block.json");
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *naive = g_build_filename (dir, "naive.json", NULL);
  g_autofree char *baseline_path = g_build_filename (dir, "auto.json", NULL);
  g_autoptr (GFile) baseline = g_file_new_for_path (baseline_path);
  g_autoptr (LirModule) source = NULL;
  g_autoptr (LirModule) planned = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirscopeWindow *window;
  const LirPlanDiff *diff;
  const LirBufferChange *first;
  LirscopeChangesPage *changes;

  source = lir_module_new_from_file (decoder, &error);
  g_assert_no_error (error);
  lir_plan_options_set_strategy (options, "naive");
  planned = lir_module_replan (source, options, &error);
  g_assert_no_error (error);
  g_assert_true (lir_module_save (planned, naive, &error));
  g_assert_true (lir_module_ensure_plan (source, NULL, &error));
  g_assert_true (lir_module_save (source, baseline_path, &error));

  window = open_window (naive);
  lirscope_session_compare (session_of (window), baseline);
  wait_for (is_comparing, window, "the baseline");
  diff = lirscope_session_get_diff (session_of (window));
  g_assert_cmpfloat (lir_plan_diff_get_arena_growth (diff), >, 0);
  g_assert_true (lir_plan_diff_get_same_graph (diff));
  g_assert_cmpstr (lirscope_window_get_sidebar_page (window), ==, "changes");
  changes = lirscope_window_get_changes_page (window);
  g_assert_cmpuint (g_list_model_get_n_items (lirscope_changes_page_get_model (changes)), ==,
                    lir_plan_diff_get_n_changes (diff));
  g_assert_nonnull (strstr (lirscope_changes_page_get_summary (changes), "Against auto.json"));
  first = lir_plan_diff_get_change (diff, 0);
  lirscope_changes_page_select (changes, 0);
  g_assert_cmpuint (selected_of (window), ==, first->node_b);
  g_assert_cmpstr (details_title (window), ==, first->name);

  /* A reload keeps comparing, against the same baseline. */
  lirscope_session_reload (session_of (window));
  wait_for (is_comparing, window, "the reload in compare mode");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-comparing", NULL));
  g_assert_null (lirscope_session_get_diff (session_of (window)));
  close_window (window);
  g_unlink (naive);
  g_unlink (baseline_path);
  g_rmdir (dir);
}

static gboolean
shows_banner (LirscopeWindow *window)
{
  return lirscope_window_get_banner_text (window) != NULL && !lirscope_session_get_busy (session_of (window));
}

static gboolean
shows_decoder (LirscopeWindow *window)
{
  return !lirscope_session_get_busy (session_of (window)) && module_of (window) != NULL
         && g_str_equal (lir_module_get_name (module_of (window)), "decoder-block");
}

static gboolean
shows_mlp_again (LirscopeWindow *window)
{
  return !lirscope_session_get_busy (session_of (window))
         && g_str_equal (lir_module_get_name (module_of (window)), "mlp-2layer")
         && lirscope_window_get_banner_text (window) == NULL;
}

static void
test_reload (void)
{
  g_autofree char *mlp = example ("mlp.json");
  g_autofree char *decoder = example ("decoder-block.json");
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "dump.json", NULL);
  g_autofree char *mlp_text = NULL, *decoder_text = NULL;
  LirscopeWindow *window;
  LirscopeTimeline *timeline;
  LirViewport before, after;
  LirModule *good;
  guint32 selected;

  g_assert_true (g_file_get_contents (mlp, &mlp_text, NULL, NULL));
  g_assert_true (g_file_get_contents (decoder, &decoder_text, NULL, NULL));
  g_assert_true (g_file_set_contents (path, mlp_text, -1, NULL));
  window = open_window (path);
  timeline = lirscope_window_get_timeline (window);
  wait_for (is_laid_out, window, "the first frame");

  /* Manual reload keeps zoom and selection. */
  selected = find_node (module_of (window), "fc1");
  lirscope_session_select (session_of (window), selected);
  lirscope_timeline_zoom (timeline, 2, 1, 300, 300);
  lirscope_timeline_get_viewport (timeline, &before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_for (is_idle, window, "the reload");
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_cmpuint (selected_of (window), ==, selected);

  /* The compiler rewrites its dump: the window follows on its own. */
  g_assert_true (g_file_set_contents (path, decoder_text, -1, NULL));
  wait_for (shows_decoder, window, "the automatic reload");
  good = module_of (window);

  /* A half-written file: the banner says so, the last good plan stays. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"lirscope-module\", \"nodes\": [", -1, NULL));
  wait_for (shows_banner, window, "the error banner");
  g_assert_true (module_of (window) == good);
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "last good plan"));
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "dump.json"));
  /* The path is said once, not once by the window and again by the reader. */
  g_assert_null (strstr (strstr (lirscope_window_get_banner_text (window), "dump.json") + 1, "dump.json"));

  /* The writer finishes: the next change reloads and clears the banner. */
  g_assert_true (g_file_set_contents (path, mlp_text, -1, NULL));
  wait_for (shows_mlp_again, window, "recovery after the broken file");

  /* The file disappears: banner, last good plan kept; it comes back: reload. */
  good = module_of (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for (shows_banner, window, "the removed-file banner");
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "removed"));
  g_assert_true (module_of (window) == good);
  g_assert_true (g_file_set_contents (path, mlp_text, -1, NULL));
  wait_for (shows_mlp_again, window, "the file coming back");
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* A long search is cancelled: the plan on screen stays, no error. */
static void
test_cancel (void)
{
  g_autofree char *csv =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "K.1048576.csv", NULL);
  g_autoptr (GSettings) settings = lirscope_settings_new ();
  LirscopeWindow *window;
  LirModule *before;

  /* An earlier test chose another strategy; the list is planned with the last one chosen. */
  g_settings_set_string (settings, "strategy", "auto");
  window = open_window (csv);
  before = module_of (window);

  g_autofree char *saved = NULL;

  g_assert_nonnull (before);
  g_assert_cmpstr (lirscope_window_get_shown_strategy (window), ==, "auto");
  lirscope_window_select_strategy (window, "exact");
  g_assert_true (lirscope_session_get_busy (session_of (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  wait_for (is_idle, window, "the cancellation");
  g_assert_true (module_of (window) == before);
  g_assert_null (lirscope_window_get_banner_text (window));
  /* The drop-down is back on the plan's strategy, and the cancelled one is not saved. */
  g_assert_cmpstr (lirscope_window_get_shown_strategy (window), ==, "auto");
  g_assert_cmpstr (lirscope_session_get_strategy (session_of (window)), ==, "auto");
  saved = g_settings_get_string (window->settings, "strategy");
  g_assert_cmpstr (saved, !=, "exact");
  close_window (window);
}

static gboolean
shows_search_progress (LirscopeWindow *window)
{
  const char *text = gtk_label_get_text (window->progress_label);

  return gtk_widget_get_visible (GTK_WIDGET (window->progress_label)) && g_str_has_prefix (text, "search: ")
         && strstr (text, "best arena") != NULL;
}

/* Planning shows the planner's progress in the busy state, the same line as
 * the CLI's; it goes when the work ends. */
static void
test_progress (void)
{
  g_autofree char *csv =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "J.1048576.csv", NULL);
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *planned = g_build_filename (dir, "J-best-fit.csv", NULL);
  g_autofree char *cli =
    g_strdup_printf ("%s plan %s --strategy best-fit -o %s", g_getenv ("LIRSCOPE_CLI"), csv, planned);
  LirscopeWindow *window;
  int status;

  /* Opened with a plan (at once, even under ASan), searched with exact. */
  g_assert_true (g_spawn_command_line_sync (cli, NULL, NULL, &status, NULL));
  g_assert_cmpint (status, ==, 0);
  window = open_window (planned);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress_label)));
  lirscope_window_select_strategy (window, "exact");
  g_assert_true (lirscope_session_get_busy (session_of (window)));
  /* Compared as soon as it shows: draining the loop first could let the
   * search end on a loaded machine. */
  while (!shows_search_progress (window))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_label_get_text (window->progress_label), ==,
                   lirscope_session_get_progress (session_of (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  wait_for (is_idle, window, "the cancellation");
  g_assert_null (lirscope_session_get_progress (session_of (window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window->progress_label)));
  close_window (window);
  g_unlink (planned);
  g_rmdir (dir);
}

/* A buffer list without offsets is planned with the strategy last chosen,
 * as a graph is (it used to get auto whatever the settings said). */
static void
test_buffer_list_strategy (void)
{
  g_autofree char *csv =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "J.1048576.csv", NULL);
  g_autoptr (GSettings) settings = lirscope_settings_new ();
  LirscopeWindow *window;

  g_settings_set_string (settings, "strategy", "best-fit");
  window = open_window (csv);
  g_settings_set_string (settings, "strategy", "auto");
  g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (module_of (window))), ==, "best-fit");
  close_window (window);
}

static void
test_bad_file (void)
{
  g_autofree char *bad = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "bad", "cycle.json", NULL);
  LirscopeWindow *window;

  if (!g_file_test (bad, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "bad", NULL);
      g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);

      g_free (bad);
      bad = g_build_filename (dir, g_dir_read_name (d), NULL);
    }
  window = open_window (bad);
  g_assert_null (module_of (window));
  g_assert_nonnull (lirscope_window_get_banner_text (window));
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "Could not open"));
  close_window (window);
}

/* The whole window as the compositor would show it. */
static GdkTexture *
render_window (LirscopeWindow *window)
{
  GtkWidget *widget = GTK_WIDGET (window);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  /* Under load the window can be between frames (nothing to snapshot yet):
   * let the main loop run until it has one. */
  for (guint tries = 0; node == NULL && tries < 500; tries++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (snapshot);
      if (node == NULL)
        {
          g_usleep (10000);
          while (g_main_context_iteration (NULL, FALSE))
            ;
        }
    }
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
test_window_pixels (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = module_of (window);
  guint32 node = find_node (module, "mlp.gate");
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guint8 *pixels = NULL;
  g_autoptr (GHashTable) colours = g_hash_table_new (NULL, NULL);
  graphene_point_t local, global;
  double x, y;
  int width, height;
  const guint8 *p;

  wait_for (is_laid_out, window, "the first frame");
  texture = render_window (window);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  pixels = g_malloc ((gsize)width * height * 4);
  gdk_texture_download (texture, pixels, (gsize)width * 4);

  /* Not blank: many distinct colours. */
  for (int i = 0; i < width * height; i += 7)
    g_hash_table_add (colours, GUINT_TO_POINTER (((guint32 *)pixels)[i]));
  g_assert_cmpuint (g_hash_table_size (colours), >, 20);

  /* mlp.gate (steady state) shows the steady-state green where the model
   * puts it, in window coordinates. */
  node_point (timeline, module, node, &x, &y);
  local = GRAPHENE_POINT_INIT (x, y);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (timeline), GTK_WIDGET (window), &local, &global));
  p = pixels + ((gsize)(int)global.y * width + (int)global.x) * 4; /* BGRA, premultiplied */
  g_test_message ("pixel at mlp.gate: r=%u g=%u b=%u", p[2], p[1], p[0]);
  g_assert_cmpuint (p[1], >, p[2] + 60); /* green over red */
  g_assert_cmpuint (p[1], >, p[0] + 30); /* and over blue */

  /* LIRSCOPE_SCREENSHOT=out.png: the README's picture, params outside the
   * arena, a buffer selected and the cursor at the peak. */
  if (g_getenv ("LIRSCOPE_SCREENSHOT") != NULL)
    {
      g_autoptr (GdkTexture) shot = NULL;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.params-in-arena", NULL);
      wait_for (is_idle, window, "re-planning");
      module = module_of (window);
      lirscope_session_select (session_of (window), find_node (module, "mlp.gate"));
      /* LIRSCOPE_SCREENSHOT_PAGE=peak shows that sidebar page instead. */
      if (g_getenv ("LIRSCOPE_SCREENSHOT_PAGE") != NULL)
        adw_view_stack_set_visible_child_name (window->sidebar_stack, g_getenv ("LIRSCOPE_SCREENSHOT_PAGE"));
      node_point (timeline, module, find_node (module, "mlp.up"), &x, &y);
      lirscope_timeline_set_cursor_x (timeline, x);
      {
        guint draws = lirscope_timeline_get_n_draws (timeline);

        while (lirscope_timeline_get_n_draws (timeline) == draws)
          g_main_context_iteration (NULL, TRUE);
        for (int i = 0; i < 20; i++)
          g_main_context_iteration (NULL, FALSE);
      }
      shot = render_window (window);
      gdk_texture_save_to_png (shot, g_getenv ("LIRSCOPE_SCREENSHOT"));
    }
  close_window (window);
}

/* ---- defects a new user hit, each driven through the widget's own input paths ---- */

static GtkEventController *
find_controller (GtkWidget *widget, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  g_error ("no %s on the widget", g_type_name (type));
  return NULL;
}

static gboolean
viewport_is_finite (const LirViewport *vp)
{
  return isfinite (vp->step_start) && isfinite (vp->step_end) && isfinite (vp->byte_start)
         && isfinite (vp->byte_end) && vp->step_end > vp->step_start && vp->byte_end > vp->byte_start;
}

/* Ctrl+scroll zooms about the pointer's last position (scroll events carry
 * no position on GTK 4.8: the viewport became NaN). */
static void
test_scroll_zoom_at_pointer (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  GtkEventController *motion, *scroll;
  LirRenderLayout layout;
  LirViewport before, after;
  double x, y, step_before, step_after, byte_before, byte_after;
  gboolean handled = FALSE;

  wait_for (is_laid_out, window, "the first frame");
  lirscope_timeline_get_layout (timeline, &layout);
  x = layout.plot_x + layout.plot_width * 0.7;
  y = layout.plot_y + layout.plot_height * 0.4;
  motion = find_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  scroll = find_controller (GTK_WIDGET (timeline), GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  g_signal_emit_by_name (motion, "motion", x, y);

  lirscope_timeline_get_viewport (timeline, &before);
  step_before = lir_render_layout_step_at (&layout, &before, x);
  g_assert_true (lirscope_timeline_scroll (timeline, 0, -1, GDK_CONTROL_MASK));
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_true (viewport_is_finite (&after));
  g_assert_cmpfloat (after.step_end - after.step_start, <, before.step_end - before.step_start);
  step_after = lir_render_layout_step_at (&layout, &after, x);
  g_assert_cmpfloat_with_epsilon (step_after, step_before, 1e-6);
  g_assert_cmpfloat (after.byte_end - after.byte_start, ==, before.byte_end - before.byte_start);

  /* Ctrl+Shift zooms the bytes, about the same point. */
  before = after;
  byte_before = lir_render_layout_byte_at (&layout, &before, y);
  g_assert_true (lirscope_timeline_scroll (timeline, 0, -2, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_true (viewport_is_finite (&after));
  g_assert_cmpfloat (after.byte_end - after.byte_start, <, before.byte_end - before.byte_start);
  byte_after = lir_render_layout_byte_at (&layout, &after, y);
  g_assert_cmpfloat (fabs (byte_after - byte_before), <, (before.byte_end - before.byte_start) * 1e-6);

  /* The controller's own signal, as an event without modifiers delivers it: a pan. */
  before = after;
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_true (viewport_is_finite (&after));
  g_assert_cmpfloat (after.byte_start, <, before.byte_start);

  /* Non-finite input never reaches the viewport. */
  lirscope_timeline_zoom (timeline, 2, 2, NAN, NAN);
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_true (viewport_is_finite (&after));
  g_assert_false (lirscope_timeline_scroll (timeline, NAN, NAN, GDK_CONTROL_MASK));
  lirscope_timeline_get_viewport (timeline, &before);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  close_window (window);
}

/* One plan for every length: held, a smaller value measures the plan on
 * screen (no re-plan, the arena stays, the Summary says what is live there);
 * let go, the graph is re-planned at that value. */
static void
test_hold_plan (void)
{
  g_autofree char *path = example ("dynamic-seq.json");
  LirscopeWindow *window = open_window (path);
  LirscopeSummaryPage *summary = lirscope_window_get_summary_page (window);
  LirModule *held;
  guint64 arena_512, arena_128 = lir_buffer_plan_get_arena_size (lir_module_get_plan (module_of (window)));
  const char *row;

  g_assert_true (lirscope_summary_page_set_symbol (summary, "seq", 512));
  wait_for (is_idle, window, "re-planning with seq=512");
  held = module_of (window);
  arena_512 = lir_buffer_plan_get_arena_size (lir_module_get_plan (held));
  g_assert_cmpuint (arena_512, >, arena_128);
  g_assert_cmpstr (lirscope_summary_page_get_value (summary, LIR_STAT_AT_BINDING), ==, "—");

  lirscope_summary_page_set_hold (summary, TRUE);
  g_assert_true (lirscope_session_get_hold_plan (session_of (window)));
  g_assert_true (lirscope_summary_page_set_symbol (summary, "seq", 128));
  g_assert_false (lirscope_session_get_busy (session_of (window)));
  g_assert_true (module_of (window) == held);
  row = lirscope_summary_page_get_value (summary, LIR_STAT_AT_BINDING);
  g_assert_nonnull (strstr (row, "at seq = 128"));
  g_assert_nonnull (strstr (row, "efficient in this arena"));
  g_assert_cmpuint (lirscope_session_get_binding (session_of (window), "seq"), ==, 128);
  g_assert_cmpuint (lirscope_session_get_plan_binding (session_of (window), "seq"), ==, 512);

  /* The held plan cannot hold more than it was made for: the spin stops there. */
  g_assert_true (lirscope_summary_page_set_symbol (summary, "seq", 4096));
  g_assert_cmpuint (lirscope_session_get_binding (session_of (window), "seq"), ==, 512);
  g_assert_cmpstr (lirscope_summary_page_get_value (summary, LIR_STAT_AT_BINDING), ==, "—");
  g_assert_true (lirscope_summary_page_set_symbol (summary, "seq", 128));

  /* Let go: re-planned at 128, the arena of a plan made for 128. */
  lirscope_summary_page_set_hold (summary, FALSE);
  wait_for (is_idle, window, "re-planning with seq=128");
  g_assert_true (module_of (window) != held);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module_of (window))), ==, arena_128);
  g_assert_cmpstr (lirscope_summary_page_get_value (summary, LIR_STAT_AT_BINDING), ==, "—");
  close_window (window);
}

/* RLX's dynamic nodes are drawn in their own band, and point to a tooltip. */
static void
test_dynamic_tooltip (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "c_dynamic.json", NULL);
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirRenderLayout layout;
  LirViewport viewport;
  GdkRectangle area;
  g_autofree char *text = NULL;

  wait_for (is_laid_out, window, "the first frame");
  lirscope_timeline_get_layout (timeline, &layout);
  lirscope_timeline_get_viewport (timeline, &viewport);
  g_assert_cmpfloat (layout.dynamic_height, >, 0);
  /* The input x is live from step 0 in the first lane. */
  text = lirscope_timeline_describe_at (timeline, lir_render_layout_x_of_step (&layout, &viewport, 0.5),
                                        layout.dynamic_y + 6, &area);
  g_assert_nonnull (text);
  g_assert_true (g_str_has_prefix (text, "x\n"));
  g_assert_nonnull (strstr (text, "f32[s0, s1, 768]"));
  g_assert_nonnull (strstr (text, "dynamic, not in the arena"));
  g_assert_cmpint (area.y, >=, (int)layout.dynamic_y);
  g_assert_cmpint (area.y + area.height, <=, (int)ceil (layout.dynamic_y + layout.dynamic_height));
  g_assert_cmpstr (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                    LIR_STAT_VALIDITY),
                   ==, "valid");
  close_window (window);
}

/* A re-plan that grows the arena re-fits an unzoomed view; a zoomed one stays. */
static void
test_replan_refits (void)
{
  g_autofree char *path = example ("dynamic-seq.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirViewport viewport, zoomed, full;
  guint64 arena;

  wait_for (is_laid_out, window, "the first frame");
  g_assert_true (lirscope_summary_page_set_symbol (lirscope_window_get_summary_page (window), "seq", 512));
  wait_for (is_idle, window, "re-planning with seq=512");
  arena = lir_buffer_plan_get_arena_size (lir_module_get_plan (module_of (window)));
  lirscope_timeline_get_viewport (timeline, &viewport);
  lir_renderer_get_full_viewport (lirscope_session_get_renderer (session_of (window)), &full);
  g_assert_cmpmem (&viewport, sizeof viewport, &full, sizeof full);
  g_assert_cmpfloat (viewport.byte_end, >, (double)arena);

  /* Zoomed in, the user's view survives the next re-plan. */
  lirscope_timeline_zoom (timeline, 2, 2, 300, 300);
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_true (lirscope_summary_page_set_symbol (lirscope_window_get_summary_page (window), "seq", 256));
  wait_for (is_idle, window, "re-planning with seq=256");
  lirscope_timeline_get_viewport (timeline, &viewport);
  g_assert_cmpfloat_with_epsilon (viewport.step_end - viewport.step_start,
                                  zoomed.step_end - zoomed.step_start, 1e-9);
  close_window (window);
}

/* A drag pans and selects nothing; a press without moving selects. */
static void
test_drag_pans_without_selecting (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = module_of (window);
  guint32 node = find_node (module, "mlp.up");
  GtkEventController *drag;
  LirViewport before, after;
  double x, y;

  wait_for (is_laid_out, window, "the first frame");
  lirscope_timeline_zoom (timeline, 3, 1, 300, 300);
  node_point (timeline, module, node, &x, &y);
  drag = find_controller (GTK_WIDGET (timeline), GTK_TYPE_GESTURE_DRAG);
  lirscope_timeline_get_viewport (timeline, &before);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 60.0, 0.0);
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_cmpfloat (after.step_start, <, before.step_start);
  g_assert_cmpuint (selected_of (window), ==, LIR_NO_NODE);

  /* A press that stays within a few pixels is a click. */
  lirscope_timeline_fit (timeline);
  node_point (timeline, module, node, &x, &y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 1.0, 1.0);
  g_signal_emit_by_name (drag, "drag-end", 1.0, 1.0);
  g_assert_cmpuint (selected_of (window), ==, node);
  close_window (window);
}

/* The tooltip's area is the buffer under the pointer, and its text wraps. */
static void
test_tooltip_follows_buffer (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = module_of (window);
  GtkLabel *label = lirscope_timeline_get_tooltip_label (timeline);
  g_autofree char *up = NULL;
  g_autofree char *gate = NULL;
  GdkRectangle up_area, gate_area;
  double x, y, gx, gy;

  wait_for (is_laid_out, window, "the first frame");
  node_point (timeline, module, find_node (module, "mlp.up"), &x, &y);
  node_point (timeline, module, find_node (module, "mlp.gate"), &gx, &gy);
  up = lirscope_timeline_describe_at (timeline, x, y, &up_area);
  gate = lirscope_timeline_describe_at (timeline, gx, gy, &gate_area);
  g_assert_true (g_str_has_prefix (up, "mlp.up\n"));
  g_assert_true (g_str_has_prefix (gate, "mlp.gate\n"));
  g_assert_nonnull (strstr (gate, "Steady state"));
  /* Each area holds its own point and not the other's, so GTK re-places the tooltip. */
  g_assert_true (x >= up_area.x && x <= up_area.x + up_area.width && y >= up_area.y
                 && y <= up_area.y + up_area.height);
  g_assert_false (gx >= up_area.x && gx < up_area.x + up_area.width && gy >= up_area.y
                  && gy < up_area.y + up_area.height);
  g_assert_true (gtk_label_get_wrap (label));
  g_assert_cmpint (gtk_label_get_max_width_chars (label), <=, 80);
  g_assert_null (lirscope_timeline_describe_at (timeline, -5, -5, &up_area));
  close_window (window);
}

static gboolean
is_folded (LirscopeWindow *window)
{
  return adw_flap_get_folded (window->flap);
}

/* 800×600 fits, comparing included: the sidebar folds away. */
static void
test_small_window (void)
{
  g_autofree char *decoder = example ("decoder-block.json");
  g_autoptr (GFile) baseline = g_file_new_for_path (decoder);
  LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));
  g_autoptr (GFile) file = g_file_new_for_path (decoder);
  int minimum, natural;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_present (GTK_WINDOW (window));
  lirscope_window_open (window, file);
  wait_for (is_idle, window, "the file to load");
  lirscope_session_compare (session_of (window), baseline);
  wait_for (is_comparing, window, "the baseline");
  wait_for (is_folded, window, "the sidebar to fold");
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_test_message ("window minimum width in compare mode: %d", minimum);
  g_assert_cmpint (minimum, <=, 800);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, 800, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 600);
  /* F9 (the sidebar button's action) still reaches the pages. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-sidebar", NULL));
  g_assert_true (adw_flap_get_reveal_flap (window->flap));
  close_window (window);
}

/* With nothing open nothing pretends to work. */
static void
test_empty_state (void)
{
  LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));
  LirscopeSummaryPage *summary = lirscope_window_get_summary_page (window);

  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < LIR_N_STATS; i++)
    {
      g_assert_cmpstr (lirscope_summary_page_get_value (summary, (LirStat)i), ==, "—");
      g_assert_false (lirscope_summary_page_can_copy (summary, (LirStat)i));
    }
  g_assert_false (gtk_widget_get_sensitive (window->toolbar));
  /* Buttons follow their actions' enabled state. */
  g_assert_false (gtk_widget_get_sensitive (window->export_button));
  g_assert_false (gtk_widget_get_sensitive (window->reload_button));
  g_assert_null (details_title (window));
  close_window (window);
}

/* Phases read the same on the toggle, the Buffer page and the tooltip. */
static void
test_phase_labels (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  guint32 gate = find_node (module_of (window), "mlp.gate");
  gboolean found = FALSE;

  lirscope_session_select (session_of (window), gate);
  g_assert_cmpstr (lirscope_buffer_page_get_field (lirscope_window_get_buffer_page (window),
                                                   LIRSCOPE_FIELD_PHASE),
                   ==, "Steady state");
  for (int i = 0; i < g_menu_model_get_n_items (G_MENU_MODEL (window->phases_section)); i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (G_MENU_MODEL (window->phases_section), i, "label", "s", &label);
      found |= g_strcmp0 (label, "Steady state") == 0;
    }
  g_assert_true (found);
  close_window (window);
}

/* The export (and open) choosers start in the plan's folder, not the working directory.
 * GtkFileChooserNative reports its folder only once shown, so the test asks
 * for the folder the window gives it. */
static void
test_export_folder (void)
{
  g_autofree char *path = example ("mlp.json");
  g_autofree char *folder = g_path_get_dirname (path);
  LirscopeWindow *window = open_window (path);
  g_autoptr (GFile) current = _lirscope_window_get_chooser_folder (window);
  g_autofree char *current_path = current != NULL ? g_file_get_path (current) : NULL;

  g_assert_cmpstr (current_path, ==, folder);
  close_window (window);
}

/* The buffer page's links come from core's indexes: views and byte sharers. */
static void
test_buffer_links (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirBufferPlan *plan = lir_module_get_plan (module_of (window));
  LirscopeBufferPage *page = lirscope_window_get_buffer_page (window);
  guint32 root = LIR_NO_NODE, view = LIR_NO_NODE;

  for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (plan) && view == LIR_NO_NODE; id++)
    if (lir_buffer_plan_is_view (plan, id))
      {
        view = id;
        root = lir_buffer_plan_get_view_alias (plan, id)->root;
      }
  g_assert_cmpuint (view, !=, LIR_NO_NODE);
  lirscope_session_select (session_of (window), root);
  {
    GListModel *views = lirscope_buffer_page_get_links (page, LIRSCOPE_LINKS_VIEWS);
    gboolean listed = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (views); i++)
      {
        g_autoptr (LirscopeNodeItem) item = g_list_model_get_item (views, i);

        listed |= lirscope_node_item_get_node (item) == view;
      }
    g_assert_true (listed);
  }
  lirscope_session_select (session_of (window), view);
  g_assert_cmpuint (g_list_model_get_n_items (lirscope_buffer_page_get_links (page, LIRSCOPE_LINKS_VIEW_OF)),
                    ==, 1);
  close_window (window);
}

/* The Peak page lists the peak's live set, largest first; a row selects its
 * buffer; pinned to the cursor, it follows the step under the pointer. */
static void
test_peak_page (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopePeakPage *page = lirscope_window_get_peak_page (window);
  LirModule *module = module_of (window);
  LirRenderer *renderer = lirscope_session_get_renderer (session_of (window));
  g_autoptr (LirLiveSet) expected = NULL;
  GListModel *rows = lirscope_peak_page_get_model (page);
  LirPlanStats stats;

  lir_plan_stats_compute (lir_module_get_plan (module), &stats);
  g_assert_cmpint (lirscope_peak_page_get_step (page), ==, stats.peak_step);
  g_assert_nonnull (strstr (lirscope_peak_page_get_title (page), "mlp.swiglu"));
  expected = lir_live_set_new (module, lir_renderer_get_index (renderer), stats.peak_step);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, lir_live_set_get_n_entries (expected));
  /* Sorted by bytes, largest first: the first row is the live set's first. */
  lirscope_peak_page_activate (page, 0);
  g_assert_cmpuint (lir_buffer_plan_get_slot (lir_module_get_plan (module), selected_of (window))->size, ==,
                    lir_live_set_get_entry (expected, 0)->bytes);
  lirscope_peak_page_activate (page, g_list_model_get_n_items (rows) - 1);
  g_assert_cmpuint (lir_buffer_plan_get_slot (lir_module_get_plan (module), selected_of (window))->size, ==,
                    lir_live_set_get_entry (expected, lir_live_set_get_n_entries (expected) - 1)->bytes);

  /* Not pinned, the cursor leaves it on the peak; pinned, it follows. */
  lirscope_session_set_cursor_step (session_of (window), 3);
  g_assert_cmpint (lirscope_peak_page_get_step (page), ==, stats.peak_step);
  lirscope_peak_page_set_follow (page, TRUE);
  g_assert_cmpint (lirscope_peak_page_get_step (page), ==, 3);
  lirscope_session_set_cursor_step (session_of (window), 5);
  g_assert_cmpint (lirscope_peak_page_get_step (page), ==, 5);
  lirscope_peak_page_set_follow (page, FALSE);
  g_assert_cmpint (lirscope_peak_page_get_step (page), ==, stats.peak_step);
  /* No categories here: totals by kind only. */
  g_assert_null (strstr (lirscope_peak_page_get_totals (page), "\n"));
  close_window (window);
}

/* A training step's Peak page adds its totals by category, as core words them. */
static void
test_peak_page_categories (void)
{
  g_autofree char *path = example ("mlp-train-step.json");
  LirscopeWindow *window = open_window (path);
  LirscopePeakPage *page = lirscope_window_get_peak_page (window);
  LirModule *module = module_of (window);
  LirRenderer *renderer = lirscope_session_get_renderer (session_of (window));
  g_autoptr (LirLiveSet) set = NULL;
  g_autofree char *kinds = NULL, *categories = NULL, *expected = NULL;
  LirPlanStats stats;

  lir_plan_stats_compute (lir_module_get_plan (module), &stats);
  set = lir_live_set_new (module, lir_renderer_get_index (renderer), stats.peak_step);
  kinds = lir_live_set_format_kind_totals (set);
  categories = lir_live_set_format_category_totals (set);
  g_assert_nonnull (strstr (categories, "saved"));
  expected = g_strdup_printf ("%s\n%s", kinds, categories);
  g_assert_cmpstr (lirscope_peak_page_get_totals (page), ==, expected);
  close_window (window);
}

/* An invalid plan is never shown as valid: a banner, its overlapping buffers flagged. */
static void
test_invalid_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "overlap.csv", NULL);
  LirscopeWindow *window;
  LirRenderOptions options;

  g_assert_true (
    g_file_set_contents (csv, "id,lower,upper,size,offset\n0,0,10,100,0\n1,0,10,100,0\n2,10,12,50,0\n", -1,
                         NULL));
  window = open_window (csv);
  g_assert_nonnull (module_of (window));
  g_assert_nonnull (lirscope_window_get_banner_text (window));
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "invalid"));
  g_assert_cmpstr (lirscope_summary_page_get_value (lirscope_window_get_summary_page (window),
                                                    LIR_STAT_EFFICIENCY),
                   ==, "not measured: the plan is invalid");
  lirscope_timeline_get_frame_options (lirscope_window_get_timeline (window), &options);
  g_assert_cmpuint (options.n_flagged, ==, 2);
  close_window (window);
  g_unlink (csv);
  g_rmdir (dir);
}

/* Whether a GtkLabel under @widget shows @text, and whether one shows
 * @markup_text (what @text would look like parsed as markup). */
static void
find_labels (GtkWidget *widget, const char *text, gboolean *shown, const char *markup_text, gboolean *parsed)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *label = gtk_label_get_text (GTK_LABEL (widget));

      *shown |= g_strcmp0 (label, text) == 0;
      *parsed |= markup_text != NULL && g_strcmp0 (label, markup_text) == 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_labels (child, text, shown, markup_text, parsed);
}

/* Names are user data: shown as text (never parsed as Pango markup, so
 * `a<b` and `x & y` show and a <span> is not styled), and kilobytes of
 * name are shortened so that no label lays them out (they once froze
 * the window for 8.7 s). Warnings are fatal here: a markup parse error
 * would fail the test too. */
static void
test_hostile_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "names & <b>.json", NULL);
  g_autofree char *long_name = g_strnfill (4096, 'n');
  static const char *const names[] = { "a<b", "x & y", "<span size=\"xx-large\">big</span>", NULL };
  g_autoptr (GString) doc = g_string_new ("{\"format\": \"lirscope-graph\", \"version\": 1, "
                                          "\"name\": \"<i>graph</i> & co\", \"nodes\": [");
  LirscopeWindow *window;
  char scratch[LIR_SHORT_NAME_SIZE];

  for (guint i = 0; i < 4; i++)
    {
      /* ASCII names: g_strescape () only escapes their quotes, as JSON does. */
      g_autofree char *name = g_strescape (names[i] != NULL ? names[i] : long_name, NULL);

      g_string_append_printf (doc,
                              "%s{\"id\": %u, \"op\": \"%s\", \"name\": \"%s\", %s\"shape\": "
                              "{\"dtype\": \"f32\", \"dims\": [1024]}}",
                              i > 0 ? ", " : "", i, i == 0 ? "input" : "relu", name,
                              i == 0 ? ""
                                     : (i == 1   ? "\"inputs\": [0], "
                                        : i == 2 ? "\"inputs\": [1], "
                                                 : "\"inputs\": [2], "));
    }
  g_string_append (doc, "], \"outputs\": [3]}");
  g_assert_true (g_file_set_contents (path, doc->str, doc->len, NULL));
  window = open_window (path);
  g_assert_nonnull (module_of (window));
  wait_for (is_laid_out, window, "the first frame");
  for (guint32 node = 0; node < 4; node++)
    {
      const char *shown =
        lir_graph_get_node_short_label (lir_module_get_graph (module_of (window)), node, scratch);
      gboolean found = FALSE, parsed = FALSE;

      lirscope_session_select (session_of (window), node);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_cmpstr (lirscope_buffer_page_get_title (lirscope_window_get_buffer_page (window)), ==, shown);
      find_labels (GTK_WIDGET (window), shown, &found, node == 2 ? "big" : NULL, &parsed);
      g_assert_true (found);
      g_assert_false (parsed);
      g_assert_cmpuint (strlen (shown), <, LIR_SHORT_NAME_SIZE);
    }
  close_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* With the setting on, decoder-block (params are 94 % of its arena) opens on
 * its activations; Ctrl+0 shows the whole arena. */
static void
test_opens_on_activations (void)
{
  g_autofree char *path = example ("decoder-block.json");
  g_autoptr (GSettings) settings = lirscope_settings_new ();
  LirscopeWindow *window;
  LirViewport viewport, full;

  g_settings_set_boolean (settings, "focus-activations", TRUE);
  /* An earlier test chose naive, which spreads activations over the arena. */
  g_settings_set_string (settings, "strategy", "auto");
  window = open_window (path);
  wait_for (is_laid_out, window, "the first frame");
  lirscope_timeline_get_viewport (lirscope_window_get_timeline (window), &viewport);
  lir_renderer_get_full_viewport (lirscope_session_get_renderer (session_of (window)), &full);
  g_assert_cmpfloat (viewport.byte_end - viewport.byte_start, <, (full.byte_end - full.byte_start) / 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  lirscope_timeline_get_viewport (lirscope_window_get_timeline (window), &viewport);
  g_assert_cmpmem (&viewport, sizeof viewport, &full, sizeof full);
  g_settings_set_boolean (settings, "focus-activations", FALSE);
  close_window (window);
}

/* Steps that run nothing take no column unless Show Every Step is on; the
 * steps in view stay the same when it changes, and panning moves what is
 * drawn by exactly the pixels asked, collapsed steps or not. */
static void
test_all_steps (void)
{
  g_autofree char *path = example ("decoder-block.json");
  g_autoptr (GSettings) settings = lirscope_settings_new ();
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport before, after;
  const LirBufferPlan *plan;
  const guint32 *schedule;
  guint n_steps, first_run = 0;
  double x0, x1;

  wait_for (is_laid_out, window, "the first frame");
  plan = lir_module_get_plan (module_of (window));
  schedule = lir_buffer_plan_get_schedule (plan, &n_steps);
  while (first_run < n_steps
         && lir_op_kind_is_boundary (
           lir_graph_get_node_kind (lir_module_get_graph (module_of (window)), schedule[first_run])))
    first_run++;
  g_assert_cmpuint (first_run, >, 0); /* the decoder block starts with its params */
  lirscope_timeline_get_frame_options (timeline, &options);
  g_assert_false (options.all_steps);
  lirscope_timeline_get_layout (timeline, &layout);
  g_assert_nonnull (layout.columns);
  lirscope_timeline_get_viewport (timeline, &before);
  g_assert_cmpfloat_with_epsilon (lir_render_layout_x_of_step (&layout, &before, 0),
                                  lir_render_layout_x_of_step (&layout, &before, first_run), 1e-9);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.all-steps", NULL));
  g_assert_true (g_settings_get_boolean (settings, "all-steps"));
  lirscope_timeline_get_frame_options (timeline, &options);
  g_assert_true (options.all_steps);
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  lirscope_timeline_get_layout (timeline, &layout);
  g_assert_null (layout.columns);
  g_assert_cmpfloat (lir_render_layout_x_of_step (&layout, &after, first_run), >,
                     lir_render_layout_x_of_step (&layout, &after, 0) + 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.all-steps", NULL));
  g_assert_false (g_settings_get_boolean (settings, "all-steps"));
  g_assert_true (lirscope_timeline_zoom_to_node (timeline, schedule[n_steps / 2]));
  lirscope_timeline_get_layout (timeline, &layout);
  lirscope_timeline_get_viewport (timeline, &before);
  x0 = lir_render_layout_x_of_step (&layout, &before, n_steps / 2);
  lirscope_timeline_pan (timeline, 40, 0);
  lirscope_timeline_get_viewport (timeline, &after);
  x1 = lir_render_layout_x_of_step (&layout, &after, n_steps / 2);
  g_assert_cmpfloat_with_epsilon (x1, x0 - 40, 1e-6);
  close_window (window);
}

/* Run from a build tree without an installed schema: settings in memory, one warning. */
static void
test_no_schema_child (void)
{
  LirscopeWindow *window = lirscope_window_new (GTK_APPLICATION (app));

  g_assert_nonnull (window->settings);
  g_settings_set_enum (window->settings, "color-by", LIR_COLOR_BY_SIZE);
  g_assert_cmpint (g_settings_get_enum (window->settings, "color-by"), ==, LIR_COLOR_BY_SIZE);
  close_window (window);
}

static void
test_no_schema (void)
{
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_get_environ ();
  const char *argv[] = { g_test_get_filename (G_TEST_BUILT, "test-window", NULL), "-p",
                         "/window/no-schema-child", NULL };
  int status;

  {
    /* Installed system-wide (after `meson install` to /usr), there is nothing to fall back from. */
    g_autofree char *installed =
      g_build_filename ("/usr/share/glib-2.0/schemas", "org.lirscope.Lirscope.gschema.xml", NULL);

    if (g_file_test (installed, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("the schema is installed in /usr");
        return;
      }
  }
  env = g_environ_unsetenv (env, "GSETTINGS_SCHEMA_DIR");
  env = g_environ_setenv (env, "LIRSCOPE_TEST_CHILD", "1", TRUE);
  g_assert_true (
    g_spawn_sync (NULL, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("child stderr: %s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "settings are kept for this run only"));
  g_assert_null (strstr (strstr (err, "settings are kept") + 1, "settings are kept"));
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_set_application_name ("Lirscope");
  app = lirscope_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* The tests compare viewports with the whole plan; one test turns this on. */
  if (g_getenv ("LIRSCOPE_TEST_CHILD") == NULL)
    {
      g_autoptr (GSettings) settings = lirscope_settings_new ();

      g_settings_set_boolean (settings, "focus-activations", FALSE);
    }

  g_test_add_func ("/window/open-examples", test_open_examples);
  g_test_add_func ("/window/all-steps", test_all_steps);
  g_test_add_func ("/window/progress", test_progress);
  g_test_add_func ("/window/buffer-list-strategy", test_buffer_list_strategy);
  g_test_add_func ("/window/select-zoom-search", test_select_zoom_search);
  g_test_add_func ("/window/replan-and-bind", test_replan_and_bind);
  g_test_add_func ("/window/rlx-cache-key", test_rlx_cache_key);
  g_test_add_func ("/window/dynamic-rlx-binds-one-at-a-time", test_dynamic_rlx_binds_one_at_a_time);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/find-order", test_find_order);
  g_test_add_func ("/window/reload", test_reload);
  g_test_add_func ("/window/bad-file", test_bad_file);
  g_test_add_func ("/window/cancel", test_cancel);
  g_test_add_func ("/window/pixels", test_window_pixels);
  g_test_add_func ("/window/scroll-zoom-at-pointer", test_scroll_zoom_at_pointer);
  g_test_add_func ("/window/replan-refits", test_replan_refits);
  g_test_add_func ("/window/drag-pans-without-selecting", test_drag_pans_without_selecting);
  g_test_add_func ("/window/tooltip-follows-buffer", test_tooltip_follows_buffer);
  g_test_add_func ("/window/small-window", test_small_window);
  g_test_add_func ("/window/empty-state", test_empty_state);
  g_test_add_func ("/window/phase-labels", test_phase_labels);
  g_test_add_func ("/window/export-folder", test_export_folder);
  g_test_add_func ("/window/buffer-links", test_buffer_links);
  g_test_add_func ("/window/peak-page", test_peak_page);
  g_test_add_func ("/window/peak-page-categories", test_peak_page_categories);
  g_test_add_func ("/window/hold-plan", test_hold_plan);
  g_test_add_func ("/window/dynamic-tooltip", test_dynamic_tooltip);
  g_test_add_func ("/window/invalid-plan", test_invalid_plan);
  g_test_add_func ("/window/hostile-names", test_hostile_names);
  g_test_add_func ("/window/opens-on-activations", test_opens_on_activations);
  if (g_getenv ("LIRSCOPE_TEST_CHILD") != NULL)
    g_test_add_func ("/window/no-schema-child", test_no_schema_child);
  else
    g_test_add_func ("/window/no-schema", test_no_schema);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
