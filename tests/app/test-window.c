/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-window.c: the app driven through its actions and its API, under Xvfb:
 * open, select by hit-test, zoom, search, re-plan, bind a symbol, export,
 * reload (manual and automatic, with a broken file in between), and the
 * window rendered to an image checked pixel by pixel. */
#include <glib/gstdio.h>
#include <string.h>

#include "lirscope-application.h"
#include "lirscope-window.h"

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

static gboolean
is_idle (LirscopeWindow *window)
{
  return !lirscope_window_is_busy (window);
}

static gboolean
is_laid_out (LirscopeWindow *window)
{
  return gtk_widget_get_width (GTK_WIDGET (lirscope_window_get_timeline (window))) > 100 &&
         lirscope_timeline_get_n_draws (lirscope_window_get_timeline (window)) > 0;
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
  static const char *const names[] = { "mlp.json", "decoder-block.json", "dynamic-seq.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = example (names[i]);
      LirscopeWindow *window = open_window (path);
      LirModule *module = lirscope_window_get_module (window);
      g_autofree char *expected = NULL;
      LirPlanStats stats;

      g_assert_nonnull (module);
      g_assert_null (lirscope_window_get_banner_text (window));
      lir_plan_stats_compute (lir_module_get_plan (module), &stats);
      expected = g_strdup_printf ("(%" G_GUINT64_FORMAT " B)", stats.arena_size);
      g_assert_nonnull (strstr (lirscope_window_get_summary (window, "Arena size"), expected));
      g_assert_cmpuint (strlen (lirscope_window_get_summary (window, "Fingerprint")), ==, 16);
      g_assert_nonnull (lirscope_timeline_get_renderer (lirscope_window_get_timeline (window)));
      close_window (window);
    }
  /* RLX's own LIR, and a MiniMalloc buffer list. */
  {
    g_autofree char *rlx = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "rlx-dynamic.json", NULL);
    g_autofree char *csv = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "A.1048576.csv", NULL);
    LirscopeWindow *window = open_window (rlx);

    g_assert_nonnull (lirscope_window_get_module (window));
    g_assert_cmpstr (lirscope_window_get_summary (window, "Strategy"), ==, "rlx");
    close_window (window);
    window = open_window (csv);
    g_assert_nonnull (lirscope_window_get_module (window));
    g_assert_true (lir_module_is_buffer_only (lirscope_window_get_module (window)));
    close_window (window);
  }
}

/* The pixel centre of a node's rectangle on the timeline. */
static void
node_point (LirscopeTimeline *timeline, LirModule *module, guint32 node, double *x, double *y)
{
  LirBufferPlan *plan = lir_module_get_plan (module);
  const LirBufferSlot *slot = lir_buffer_plan_slot (plan, node);
  const LirLifetime *life = lir_buffer_plan_lifetime (plan, node);
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
    if (g_strcmp0 (lir_graph_node_name (graph, id), name) == 0)
      return id;
  g_error ("no node %s", name);
  return LIR_NO_NODE;
}

static const char *
details_title (LirscopeWindow *window)
{
  GtkWidget *box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), LIRSCOPE_TYPE_WINDOW,
                                                              "details_box"));
  GtkWidget *first = gtk_widget_get_first_child (box);

  return ADW_IS_PREFERENCES_GROUP (first) ? adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (first))
                                          : NULL;
}

static void
test_select_zoom_search (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = lirscope_window_get_module (window);
  guint32 node = find_node (module, "mlp.up");
  LirViewport full, zoomed;
  double x, y;
  guint matches;

  wait_for (is_laid_out, window, "the first frame");
  /* Hit-test: the pixel at mlp.up's centre selects it; the details follow. */
  node_point (timeline, module, node, &x, &y);
  g_assert_cmpuint (lirscope_timeline_node_at (timeline, x, y), ==, node);
  g_assert_cmpuint (lirscope_timeline_select_at (timeline, x, y), ==, node);
  g_assert_cmpuint (lirscope_timeline_get_selected (timeline), ==, node);
  g_assert_cmpstr (details_title (window), ==, "mlp.up");
  /* A click on empty space (above the arena) clears it. */
  {
    LirRenderLayout layout;

    lirscope_timeline_get_layout (timeline, &layout);
    lirscope_timeline_select_at (timeline, layout.plot_x + 2, layout.plot_y + 2);
    g_assert_cmpuint (lirscope_timeline_get_selected (timeline), ==, LIR_NO_NODE);
    g_assert_null (details_title (window));
  }

  /* Zoom in through the action, then to the selection, then fit. */
  lirscope_timeline_get_viewport (timeline, &full);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpfloat (zoomed.step_end - zoomed.step_start, <, full.step_end - full.step_start);
  lirscope_timeline_set_selected (timeline, node);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-selection", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpfloat (zoomed.step_start, <=, lir_buffer_plan_lifetime (lir_module_get_plan (module), node)->first_step);
  g_assert_cmpfloat (zoomed.step_end - zoomed.step_start, <, (full.step_end - full.step_start) / 2);
  lirscope_timeline_pan (timeline, 50, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL));
  lirscope_timeline_get_viewport (timeline, &zoomed);
  g_assert_cmpmem (&zoomed, sizeof zoomed, &full, sizeof full);

  /* The cursor follows the pointer's step. */
  lirscope_timeline_set_cursor_x (timeline, x);
  g_assert_cmpint (lirscope_timeline_get_cursor_step (timeline), >=, 0);

  /* Search by name and by op; Enter selects the first hit. */
  matches = lirscope_window_search (window, "PROJ");
  g_assert_cmpuint (matches, ==, 4); /* q_proj k_proj v_proj o_proj */
  g_assert_cmpuint (lirscope_window_search (window, "rope"), >=, 2);
  g_assert_cmpuint (lirscope_window_search (window, "no-such-buffer"), ==, 0);
  lirscope_window_search (window, "mlp.down");
  lirscope_window_activate_search_result (window, 0);
  g_assert_cmpuint (lirscope_timeline_get_selected (timeline), ==, find_node (module, "mlp.down"));
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

  lirscope_window_set_strategy (window, "naive");
  wait_for (is_idle, window, "re-planning");
  module = lirscope_window_get_module (window);
  g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (module)), ==, "naive");
  g_assert_cmpstr (lirscope_window_get_summary (window, "Strategy"), ==, "naive");

  /* Params out of the arena: the toggle re-plans, keeping the strategy. */
  {
    guint64 with_params = lir_buffer_plan_get_arena_size (lir_module_get_plan (module));

    g_assert_true (lir_buffer_plan_get_allocates (lir_module_get_plan (module), LIR_OP_PARAM));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.params-in-arena", NULL));
    wait_for (is_idle, window, "re-planning without params");
    module = lirscope_window_get_module (window);
    g_assert_false (lir_buffer_plan_get_allocates (lir_module_get_plan (module), LIR_OP_PARAM));
    g_assert_cmpstr (lir_buffer_plan_get_strategy (lir_module_get_plan (module)), ==, "naive");
    g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module)), <, with_params);
  }
  close_window (window);

  window = open_window (dynamic);
  arena_128 = lir_buffer_plan_get_arena_size (lir_module_get_plan (lirscope_window_get_module (window)));
  lirscope_window_set_binding (window, "seq", 512);
  wait_for (is_idle, window, "re-planning with seq=512");
  module = lirscope_window_get_module (window);
  g_assert_cmpuint (lir_buffer_plan_get_n_bindings (lir_module_get_plan (module)), ==, 1);
  g_assert_cmpstr (lir_buffer_plan_get_binding (lir_module_get_plan (module), 0, &value), ==, "seq");
  g_assert_cmpuint (value, ==, 512);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module)), >, arena_128);
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
  return !lirscope_window_is_busy (window) &&
         lir_renderer_get_diff (lirscope_timeline_get_renderer (lirscope_window_get_timeline (window))) != NULL;
}

/* Compare mode: a naive plan against the auto baseline, the changes list,
 * selecting a change selects the buffer, then back to normal. */
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
  LirscopeTimeline *timeline;
  const LirPlanDiff *diff;
  const LirBufferChange *first;
  GtkListBox *list;

  source = lir_io_load (decoder, &error);
  g_assert_no_error (error);
  lir_plan_options_set_strategy (options, "naive");
  planned = lir_module_replan (source, options, &error);
  g_assert_no_error (error);
  g_assert_true (lir_io_save (planned, naive, &error));
  g_assert_true (lir_module_ensure_plan (source, NULL, &error));
  g_assert_true (lir_io_save (source, baseline_path, &error));

  window = open_window (naive);
  timeline = lirscope_window_get_timeline (window);
  lirscope_window_compare (window, baseline);
  wait_for (is_comparing, window, "the baseline");
  diff = lir_renderer_get_diff (lirscope_timeline_get_renderer (timeline));
  g_assert_cmpfloat (lir_plan_diff_arena_growth (diff), >, 0);
  g_assert_true (lir_plan_diff_same_graph (diff));
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), LIRSCOPE_TYPE_WINDOW, "changes_list"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int)lir_plan_diff_get_n_changes (diff) - 1));
  first = lir_plan_diff_get_change (diff, 0);
  lirscope_window_select_change (window, 0);
  g_assert_cmpuint (lirscope_timeline_get_selected (timeline), ==, first->node_b);
  g_assert_cmpstr (details_title (window), ==, first->name);

  /* A reload keeps comparing, against the same baseline. */
  lirscope_window_reload (window);
  wait_for (is_comparing, window, "the reload in compare mode");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.stop-comparing", NULL));
  g_assert_null (lir_renderer_get_diff (lirscope_timeline_get_renderer (timeline)));
  close_window (window);
  g_unlink (naive);
  g_unlink (baseline_path);
  g_rmdir (dir);
}

static gboolean
shows_banner (LirscopeWindow *window)
{
  return lirscope_window_get_banner_text (window) != NULL && !lirscope_window_is_busy (window);
}

static gboolean
shows_decoder (LirscopeWindow *window)
{
  return !lirscope_window_is_busy (window) && lirscope_window_get_module (window) != NULL &&
         g_str_equal (lir_module_get_name (lirscope_window_get_module (window)), "decoder-block");
}

static gboolean
shows_mlp_again (LirscopeWindow *window)
{
  return !lirscope_window_is_busy (window) &&
         g_str_equal (lir_module_get_name (lirscope_window_get_module (window)), "mlp-2layer") &&
         lirscope_window_get_banner_text (window) == NULL;
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
  selected = find_node (lirscope_window_get_module (window), "fc1");
  lirscope_timeline_set_selected (timeline, selected);
  lirscope_timeline_zoom (timeline, 2, 1, 300, 300);
  lirscope_timeline_get_viewport (timeline, &before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_for (is_idle, window, "the reload");
  lirscope_timeline_get_viewport (timeline, &after);
  g_assert_cmpmem (&before, sizeof before, &after, sizeof after);
  g_assert_cmpuint (lirscope_timeline_get_selected (timeline), ==, selected);

  /* The compiler rewrites its dump: the window follows on its own. */
  g_assert_true (g_file_set_contents (path, decoder_text, -1, NULL));
  wait_for (shows_decoder, window, "the automatic reload");
  good = lirscope_window_get_module (window);

  /* A half-written file: the banner says so, the last good plan stays. */
  g_assert_true (g_file_set_contents (path, "{\"format\": \"lirscope-module\", \"nodes\": [", -1, NULL));
  wait_for (shows_banner, window, "the error banner");
  g_assert_true (lirscope_window_get_module (window) == good);
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "last good plan"));
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "dump.json"));

  /* The writer finishes: the next change reloads and clears the banner. */
  g_assert_true (g_file_set_contents (path, mlp_text, -1, NULL));
  wait_for (shows_mlp_again, window, "recovery after the broken file");

  /* The file disappears: banner, last good plan kept; it comes back: reload. */
  good = lirscope_window_get_module (window);
  g_assert_cmpint (g_unlink (path), ==, 0);
  wait_for (shows_banner, window, "the removed-file banner");
  g_assert_nonnull (strstr (lirscope_window_get_banner_text (window), "removed"));
  g_assert_true (lirscope_window_get_module (window) == good);
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
  g_autofree char *csv = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "K.1048576.csv", NULL);
  LirscopeWindow *window = open_window (csv);
  LirModule *before = lirscope_window_get_module (window);

  g_assert_nonnull (before);
  lirscope_window_set_strategy (window, "exact");
  g_assert_true (lirscope_window_is_busy (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel", NULL));
  wait_for (is_idle, window, "the cancellation");
  g_assert_true (lirscope_window_get_module (window) == before);
  g_assert_null (lirscope_window_get_banner_text (window));
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
  g_assert_null (lirscope_window_get_module (window));
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
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

static void
test_window_pixels (void)
{
  g_autofree char *path = example ("decoder-block.json");
  LirscopeWindow *window = open_window (path);
  LirscopeTimeline *timeline = lirscope_window_get_timeline (window);
  LirModule *module = lirscope_window_get_module (window);
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
      module = lirscope_window_get_module (window);
      lirscope_timeline_set_selected (timeline, find_node (module, "mlp.gate"));
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
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  g_test_add_func ("/window/open-examples", test_open_examples);
  g_test_add_func ("/window/select-zoom-search", test_select_zoom_search);
  g_test_add_func ("/window/replan-and-bind", test_replan_and_bind);
  g_test_add_func ("/window/export", test_export);
  g_test_add_func ("/window/compare", test_compare);
  g_test_add_func ("/window/reload", test_reload);
  g_test_add_func ("/window/bad-file", test_bad_file);
  g_test_add_func ("/window/cancel", test_cancel);
  g_test_add_func ("/window/pixels", test_window_pixels);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
