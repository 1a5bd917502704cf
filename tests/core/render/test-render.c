/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-render.c: the timeline drawing: SVG structure, PNG pixels, determinism,
 * level of detail, the plan index it stands on, and every bundled input. */
#include "lir-private.h"

#include <math.h>
#include <string.h>

/* x -> a -> r (reshape view of a) -> b; c is independent and long-lived. */
static LirModule *
small_module (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("render-small");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 64, 256);
  LirShape flat = LIR_SHAPE (LIR_DTYPE_F32, 64 * 256);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "relu", &x, 1, &s);
  guint32 r = lir_graph_add_reshape (g, a, &flat);
  guint32 b = lir_graph_add_op (g, "gelu", &r, 1, &flat);
  guint32 in[] = { b, x };
  guint32 c = lir_graph_add_op (g, "add", in, 2, &flat);
  LirModule *module;

  lir_graph_set_outputs (g, &c, 1);
  module = lir_module_new (g, NULL);
  lir_plan_options_set_strategy (options, "best-fit");
  g_assert_true (lir_module_ensure_plan (module, options, &error));
  g_assert_no_error (error);
  return module;
}

typedef struct
{
  guint buffers;
  guint views;
  guint lods;
  guint dynamic;
  guint titles;
  gboolean in_title;
  GString *text; /* all character data, titles and text elements */
} SvgCount;

static void
svg_start (GMarkupParseContext *context, const char *element, const char **names, const char **values,
           gpointer user_data, GError **error)
{
  SvgCount *count = user_data;

  if (strcmp (element, "title") == 0)
    {
      count->titles++;
      count->in_title = TRUE;
    }
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "class") == 0)
      {
        if (strcmp (values[i], "buffer") == 0)
          count->buffers++;
        else if (strcmp (values[i], "view") == 0)
          count->views++;
        else if (strcmp (values[i], "lod") == 0)
          count->lods++;
        else if (strcmp (values[i], "dynamic") == 0)
          count->dynamic++;
      }
}

static void
svg_end (GMarkupParseContext *context, const char *element, gpointer user_data, GError **error)
{
  SvgCount *count = user_data;

  if (strcmp (element, "title") == 0)
    count->in_title = FALSE;
}

static void
svg_text (GMarkupParseContext *context, const char *text, gsize length, gpointer user_data, GError **error)
{
  SvgCount *count = user_data;

  g_string_append_len (count->text, text, (gssize)length);
  g_string_append_c (count->text, '\n');
}

/* Parses the SVG as XML (GMarkup is strict about well-formedness). */
static void
parse_svg (const char *svg, gsize length, SvgCount *count)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;

  memset (count, 0, sizeof *count);
  count->text = g_string_new (NULL);
  context = g_markup_parse_context_new (&parser, 0, count, NULL);
  g_markup_parse_context_parse (context, svg, (gssize)length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static char *
render_svg (LirRenderer *renderer, const LirRenderOptions *options, gsize *length)
{
  LirViewport viewport;

  lir_renderer_get_full_viewport (renderer, &viewport);
  return lir_renderer_to_svg (renderer, 1200, 800, &viewport, options, length);
}

/* Inputs, params and constants run nothing: by default their steps take no
 * column, and step numbers stay schedule steps on both sides of the map. */
static void
test_collapsed_steps (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("columns");
  g_autoptr (LirPlanOptions) plan_options = lir_plan_options_new ();
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirRenderer) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *collapsed = NULL, *all = NULL;
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 16, 16);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 w1 = lir_graph_add_param (g, "w1", &s);
  guint32 w2 = lir_graph_add_param (g, "w2", &s);
  guint32 a = lir_graph_add_matmul (g, x, w1, &s);
  guint32 w3 = lir_graph_add_param (g, "w3", &s);
  guint32 b = lir_graph_add_matmul (g, a, w3, &s);
  guint32 in[] = { b, w2 };
  guint32 c = lir_graph_add_op (g, "add", in, 2, &s);
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport vp;

  lir_graph_set_outputs (g, &c, 1);
  module = lir_module_new (g, NULL);
  g_assert_true (lir_module_ensure_plan (module, plan_options, &error));
  r = lir_renderer_new (module);
  lir_render_options_init (&options);
  g_assert_false (options.all_steps);
  lir_renderer_compute_layout (r, 800, 600, &options, &layout);
  lir_renderer_get_full_viewport (r, &vp);
  /* Steps 0-2 and 4 (x, w1, w2, w3) collapse; 3, 5, 6 and the end run. */
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, 0), ==, 0);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, w2), ==, 0);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, a + 0.5), ==, 0.5);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, w3), ==, 1);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, w3 + 0.5), ==, 1);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, b), ==, 1);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, c + 1), ==, 3);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, vp.step_end), ==, 4);
  g_assert_cmpfloat (lir_render_layout_step_of_column (&layout, 0.5), ==, a + 0.5);
  g_assert_cmpfloat (lir_render_layout_step_of_column (&layout, 1.25), ==, b + 0.25);
  g_assert_cmpfloat (lir_render_layout_step_of_column (&layout, 3.5), ==, c + 1.5);
  /* The collapsed steps have no width; each running step a quarter. */
  g_assert_cmpfloat_with_epsilon (lir_render_layout_x_of_step (&layout, &vp, x),
                                  lir_render_layout_x_of_step (&layout, &vp, a), 1e-9);
  g_assert_cmpfloat_with_epsilon (lir_render_layout_x_of_step (&layout, &vp, b + 1)
                                    - lir_render_layout_x_of_step (&layout, &vp, b),
                                  layout.plot_width / 4, 1e-9);
  g_assert_cmpfloat_with_epsilon (lir_render_layout_step_at (&layout, &vp,
                                                             lir_render_layout_x_of_step (&layout, &vp,
                                                                                          b + 0.5)),
                                  b + 0.5, 1e-9);

  options.all_steps = TRUE;
  lir_renderer_compute_layout (r, 800, 600, &options, &layout);
  g_assert_null (layout.columns);
  g_assert_cmpfloat (lir_render_layout_column_of_step (&layout, w3 + 0.5), ==, w3 + 0.5);
  g_assert_cmpfloat_with_epsilon (lir_render_layout_x_of_step (&layout, &vp, b + 1)
                                    - lir_render_layout_x_of_step (&layout, &vp, b),
                                  layout.plot_width / 8, 1e-9);
  all = lir_renderer_to_svg (r, 800, 600, &vp, &options, NULL);
  options.all_steps = FALSE;
  collapsed = lir_renderer_to_svg (r, 800, 600, &vp, &options, NULL);
  g_assert_cmpstr (all, !=, collapsed);
  /* The axis names schedule steps: a tick at the first column says 3. */
  g_assert_nonnull (strstr (collapsed, "fill=\"#666670\">3</text>"));
}

static void
test_svg_structure (void)
{
  g_autoptr (LirModule) module = small_module ();
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  LirPlanStats stats;
  LirRenderOptions options;
  SvgCount count;
  g_autofree char *svg = NULL;
  g_autofree char *arena = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *fingerprint = NULL;
  gsize length;

  lir_plan_stats_compute (plan, &stats);
  lir_render_options_init (&options);
  svg = render_svg (renderer, &options, &length);
  parse_svg (svg, length, &count);

  /* Every buffer here is large: each is its own element with a title. */
  g_assert_cmpuint (stats.n_views, ==, 1);
  g_assert_cmpuint (count.buffers, ==, stats.n_buffers);
  g_assert_cmpuint (count.views, ==, stats.n_views);
  g_assert_cmpuint (count.lods, ==, 0);
  g_assert_cmpuint (count.titles, >=, stats.n_buffers + stats.n_views);

  /* The header holds the arena size, the bytes saved and the fingerprint. */
  arena = g_strdup_printf ("(%" G_GUINT64_FORMAT " B)", stats.arena_size);
  g_assert_nonnull (strstr (count.text->str, arena));
  g_assert_nonnull (strstr (count.text->str, "saved "));
  saved = g_strdup_printf ("(%.1f%%)", stats.saved_fraction * 100);
  g_assert_nonnull (strstr (count.text->str, saved));
  fingerprint = lir_fingerprint_to_string (lir_module_get_fingerprint (module));
  g_assert_nonnull (strstr (count.text->str, fingerprint));
  g_assert_nonnull (strstr (count.text->str, "render-small"));
  /* A view's title names its root. */
  g_assert_nonnull (strstr (count.text->str, "view of "));
  g_string_free (count.text, TRUE);

  /* Without labels or header there is less text, and no fingerprint. */
  options.header = FALSE;
  options.labels = FALSE;
  g_clear_pointer (&svg, g_free);
  svg = render_svg (renderer, &options, &length);
  parse_svg (svg, length, &count);
  g_assert_null (strstr (count.text->str, fingerprint));
  g_assert_cmpuint (count.buffers, ==, stats.n_buffers);
  g_string_free (count.text, TRUE);
}

static void
test_svg_deterministic (void)
{
  g_autoptr (LirModule) a = small_module ();
  g_autoptr (LirModule) b = small_module ();
  g_autoptr (LirRenderer) ra = lir_renderer_new (a);
  g_autoptr (LirRenderer) rb = lir_renderer_new (b);
  LirRenderOptions options;

  lir_render_options_init (&options);
  for (guint theme = 0; theme < 2; theme++)
    for (guint color_by = 0; color_by < 3; color_by++)
      {
        g_autofree char *sa = NULL;
        g_autofree char *sb = NULL;
        gsize la, lb;

        options.theme = theme;
        options.color_by = color_by;
        sa = render_svg (ra, &options, &la);
        sb = render_svg (rb, &options, &lb);
        g_assert_cmpmem (sa, la, sb, lb);
      }
}

static guint32
pixel_at (cairo_surface_t *surface, int x, int y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return ((const guint32 *)(data + y * stride))[x] & 0xffffff;
}

static gboolean
near (guint32 rgb, double r, double g, double b, int tolerance)
{
  int pr = (rgb >> 16) & 0xff, pg = (rgb >> 8) & 0xff, pb = rgb & 0xff;

  return ABS (pr - (int)(r * 255)) <= tolerance && ABS (pg - (int)(g * 255)) <= tolerance
         && ABS (pb - (int)(b * 255)) <= tolerance;
}

static void
test_png_pixels (void)
{
  g_autoptr (LirModule) module = small_module ();
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  LirBufferPlan *plan = lir_module_get_plan (module);
  g_autoptr (GBytes) png = NULL;
  g_autoptr (GError) error = NULL;
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport viewport;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint32 a = 1; /* "relu": steady state, owns its slot */
  const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, a);
  const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, a);
  double x, y;
  guint32 rgb;

  lir_render_options_init (&options);
  options.labels = FALSE;
  lir_renderer_get_full_viewport (renderer, &viewport);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1000, 700);
  cr = cairo_create (surface);
  lir_renderer_draw (renderer, cr, 1000, 700, &viewport, &options);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  lir_renderer_compute_layout (renderer, 1000, 700, &options, &layout);

  /* Inside "relu"'s rectangle: its phase colour at 0.88 over the plot. */
  x = lir_render_layout_x_of_step (&layout, &viewport, life->first_step + 0.5);
  y = lir_render_layout_y_of_byte (&layout, &viewport, slot->offset + slot->size / 2.0);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, a), ==, LIR_PHASE_STEADY_STATE);
  rgb = pixel_at (surface, (int)x, (int)y);
  g_assert_true (
    near (rgb, 0.18 * 0.88 + 0.98 * 0.12, 0.76 * 0.88 + 0.98 * 0.12, 0.49 * 0.88 + 0.98 * 0.12, 6));
  /* The hit-test agrees with the picture. */
  g_assert_cmpuint (lir_plan_index_hit (lir_renderer_get_index (renderer), life->first_step,
                                        slot->offset + slot->size / 2),
                    ==, a);

  /* Above the arena, before any long-lived buffer: the plot background. */
  x = lir_render_layout_x_of_step (&layout, &viewport, 0.3);
  y = lir_render_layout_y_of_byte (&layout, &viewport, viewport.byte_end * 0.999);
  rgb = pixel_at (surface, (int)x, (int)y);
  g_assert_true (near (rgb, 0.98, 0.98, 0.98, 12));
  /* The margin: the page background. */
  g_assert_true (near (pixel_at (surface, 2, 690), 1, 1, 1, 1));
  cairo_surface_destroy (surface);

  /* The PNG export is a real PNG of the requested size. */
  png = lir_renderer_export_bytes (renderer, LIR_RENDER_PNG, 640, 480, &viewport, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (png, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
}

static void
test_pdf_and_limits (void)
{
  g_autoptr (LirModule) module = small_module ();
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) huge = NULL;
  g_autoptr (GError) error = NULL;
  LirRenderOptions options;
  LirViewport viewport;

  lir_render_options_init (&options);
  lir_renderer_get_full_viewport (renderer, &viewport);
  pdf = lir_renderer_export_bytes (renderer, LIR_RENDER_PDF, 800, 600, &viewport, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);
  huge = lir_renderer_export_bytes (renderer, LIR_RENDER_PNG, 100000, 600, &viewport, &options, &error);
  g_assert_null (huge);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_LIMIT);
}

/* A degenerate or far-away viewport draws without dividing by zero. */
static void
test_odd_viewports (void)
{
  g_autoptr (LirModule) module = small_module ();
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  const LirViewport viewports[] = {
    { 0, 0, 0, 0 }, { 5, 2, 10, 1 }, { 1e9, 2e9, 0, 1 }, { -50, -10, -5, -1 }, { 0.25, 0.5, 3, 4 },
  };
  LirRenderOptions options;

  lir_render_options_init (&options);
  options.selected = 1;
  options.cursor_step = 2;
  for (guint i = 0; i < G_N_ELEMENTS (viewports); i++)
    {
      g_autofree char *svg = lir_renderer_to_svg (renderer, 300, 200, &viewports[i], &options, NULL);
      SvgCount count;

      parse_svg (svg, strlen (svg), &count);
      g_string_free (count.text, TRUE);
    }
}

/* Thousands of thin buffers: the SVG stays bounded by pixels. */
static void
test_level_of_detail (void)
{
  GString *csv = g_string_new ("id,lower,upper,size,offset\n");
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *svg = NULL;
  LirRenderOptions options;
  SvgCount count;
  gsize length;
  guint n = 40000;

  /* Staircase: buffer i lives [i, i + 2) at offset (i % 2) * 64. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "%u,%u,%u,64,%u\n", i, i, i + 2, (i % 2) * 64);
  module = lir_module_new_from_data (csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_string_free (csv, TRUE);
  renderer = lir_renderer_new (module);
  lir_render_options_init (&options);
  svg = render_svg (renderer, &options, &length);
  parse_svg (svg, length, &count);
  g_assert_cmpuint (count.buffers, ==, 0);
  g_assert_cmpuint (count.lods, >, 0);
  g_assert_cmpuint (count.lods, <, 2000);
  g_assert_cmpuint (length, <, 1000000);
  g_string_free (count.text, TRUE);
}

static void
test_index (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 40; round++)
    {
      g_autoptr (LirGraph) g = lir_graph_new ("random");
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirBufferPlan) plan = NULL;
      g_autoptr (LirPlanIndex) index = NULL;
      g_autoptr (GArray) got = g_array_new (FALSE, FALSE, sizeof (guint32));
      LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 16);
      guint n = g_rand_int_range (rand, 1, 60), n_steps;
      guint32 last;

      last = lir_graph_add_input (g, "x", &s);
      for (guint i = 1; i < n; i++)
        {
          guint32 in[2] = { last, g_rand_int_range (rand, 0, (gint32)lir_graph_get_n_nodes (g)) };
          LirShape t = LIR_SHAPE (LIR_DTYPE_F32, g_rand_int_range (rand, 1, 100));

          last = lir_graph_add_op (g, "op", in, 2, &t);
        }
      lir_graph_set_outputs (g, &last, 1);
      plan = lir_graph_plan (g, options, NULL);
      g_assert_nonnull (plan);
      index = lir_plan_index_new (plan);
      n_steps = lir_buffer_plan_get_n_steps (plan);
      for (guint q = 0; q < 30; q++)
        {
          guint32 a = g_rand_int_range (rand, 0, (gint32)n_steps + 2);
          guint32 b = a + g_rand_int_range (rand, 0, 5);
          guint expected = 0;

          g_array_set_size (got, 0);
          lir_plan_index_query (index, a, b, got);
          for (guint32 id = 0; id < lir_graph_get_n_nodes (g); id++)
            {
              const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);

              if (lir_buffer_plan_get_slot (plan, id) != NULL && life->first_step <= b
                  && life->last_step >= a)
                expected++;
            }
          g_assert_cmpuint (got->len, ==, expected);
          for (guint i = 1; i < got->len; i++)
            {
              guint32 p = g_array_index (got, guint32, i - 1), c = g_array_index (got, guint32, i);

              g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, p)->first_step, <=,
                                lir_buffer_plan_get_lifetime (plan, c)->first_step);
            }
        }
    }
}

static void
render_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (LirPlanOptions) plan_options = lir_plan_options_new ();
  LirRenderOptions options;
  SvgCount count;

  g_assert_no_error (error);
  /* Drawing is under test here, not planning: a fast strategy will do. */
  lir_plan_options_set_strategy (plan_options, "best-fit");
  g_assert_true (lir_module_ensure_plan (module, plan_options, &error));
  renderer = lir_renderer_new (module);
  lir_render_options_init (&options);
  for (guint color_by = 0; color_by < 3; color_by++)
    {
      g_autofree char *svg = NULL;
      g_autoptr (GBytes) png = NULL;
      LirViewport viewport;
      gsize length;

      options.color_by = color_by;
      svg = render_svg (renderer, &options, &length);
      parse_svg (svg, length, &count);
      g_assert_cmpuint (count.buffers + count.lods, >, 0);
      g_string_free (count.text, TRUE);
      lir_renderer_get_full_viewport (renderer, &viewport);
      png = lir_renderer_export_bytes (renderer, LIR_RENDER_PNG, 400, 300, &viewport, &options, &error);
      g_assert_no_error (error);
    }
}

static void
test_every_input (void)
{
  const char *dirs[] = { g_getenv ("LIRSCOPE_EXAMPLES"), NULL };
  g_autofree char *minimalloc = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", NULL);
  guint rendered = 0;

  dirs[1] = minimalloc;
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autoptr (GDir) dir = g_dir_open (dirs[d], 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dirs[d], name, NULL);

          if (!g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".csv"))
            continue;
          g_test_message ("rendering %s", path);
          render_file (path);
          rendered++;
        }
    }
  g_assert_cmpuint (rendered, >=, 14);
}

/* Every <text> of an SVG with its position. */
typedef struct
{
  double x, y;
  gboolean end_anchor;
  char *text;
} SvgText;

static void
texts_start (GMarkupParseContext *context, const char *element, const char **names, const char **values,
             gpointer user_data, GError **error)
{
  GArray *texts = user_data;
  SvgText t = { 0 };

  if (strcmp (element, "text") != 0)
    return;
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "x") == 0)
      t.x = g_ascii_strtod (values[i], NULL);
    else if (strcmp (names[i], "y") == 0)
      t.y = g_ascii_strtod (values[i], NULL);
    else if (strcmp (names[i], "text-anchor") == 0)
      t.end_anchor = strcmp (values[i], "end") == 0;
  g_array_append_val (texts, t);
}

static void
texts_text (GMarkupParseContext *context, const char *text, gsize length, gpointer user_data, GError **error)
{
  GArray *texts = user_data;

  if (g_strcmp0 (g_markup_parse_context_get_element (context), "text") == 0 && texts->len > 0)
    {
      SvgText *t = &g_array_index (texts, SvgText, texts->len - 1);

      g_free (t->text);
      t->text = g_strndup (text, length);
    }
}

static void
clear_svg_text (gpointer data)
{
  g_free (((SvgText *)data)->text);
}

static GArray *
svg_texts (LirRenderer *renderer, const LirViewport *viewport, const LirRenderOptions *options)
{
  static const GMarkupParser parser = { texts_start, NULL, texts_text, NULL, NULL };
  GArray *texts = g_array_new (FALSE, TRUE, sizeof (SvgText));
  g_autoptr (GMarkupParseContext) context = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *svg = lir_renderer_to_svg (renderer, 1200, 800, viewport, options, &length);

  g_array_set_clear_func (texts, clear_svg_text);
  context = g_markup_parse_context_new (&parser, 0, texts, NULL);
  g_markup_parse_context_parse (context, svg, (gssize)length, &error);
  g_assert_no_error (error);
  return texts;
}

static LirModule *
decoder_planned (const char *strategy)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) source = lir_module_new_from_file (path, &error);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  LirModule *module;

  g_assert_no_error (error);
  lir_plan_options_set_strategy (options, strategy);
  module = lir_module_replan (source, options, &error);
  g_assert_no_error (error);
  return module;
}

/* Above the lower bound, the arena's line and label are inside the plot,
 * the bound's label is clear of the arena's, and the peak is named under the
 * axis, outside the plot. */
static void
test_reference_labels_inside (void)
{
  g_autoptr (LirModule) module = decoder_planned ("naive");
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  g_autoptr (GArray) texts = NULL;
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport viewport;
  const SvgText *arena = NULL, *bound = NULL, *peak = NULL;

  lir_render_options_init (&options);
  options.header = FALSE;
  lir_renderer_get_full_viewport (renderer, &viewport);
  lir_renderer_compute_layout (renderer, 1200, 800, &options, &layout);
  texts = svg_texts (renderer, &viewport, &options);
  for (guint i = 0; i < texts->len; i++)
    {
      const SvgText *t = &g_array_index (texts, SvgText, i);

      if (g_str_has_prefix (t->text, "arena "))
        arena = t;
      else if (g_str_has_prefix (t->text, "lower bound "))
        bound = t;
      else if (g_str_has_prefix (t->text, "▲ peak"))
        peak = t;
    }
  g_assert_nonnull (arena);
  g_assert_nonnull (bound);
  g_assert_nonnull (peak);
  g_assert_cmpfloat (arena->y - 9.5, >=, layout.plot_y);
  g_assert_cmpfloat (arena->y, <=, layout.plot_y + layout.plot_height);
  g_assert_cmpfloat (fabs (arena->y - bound->y), >=, 9.5);
  g_assert_cmpfloat (peak->y - 9.5, >, layout.plot_y + layout.plot_height);
}

/* Zoomed into a few KiB of a 21 MiB arena, the byte ticks still differ, the
 * top one stays clear of the band's label, and step names stay in the plot. */
static void
test_axis_labels_zoomed (void)
{
  g_autoptr (LirModule) module = decoder_planned ("auto");
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  g_autoptr (GHashTable) ticks = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) texts = NULL;
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport viewport = { 10.3, 16.7, 21000000, 21004000 };
  double axis_y;
  guint n_ticks = 0, n_names = 0;

  lir_render_options_init (&options);
  options.header = FALSE;
  lir_renderer_compute_layout (renderer, 1200, 800, &options, &layout);
  axis_y = layout.plot_y + layout.plot_height;
  texts = svg_texts (renderer, &viewport, &options);
  for (guint i = 0; i < texts->len; i++)
    {
      const SvgText *t = &g_array_index (texts, SvgText, i);

      if (t->end_anchor && fabs (t->x - (layout.plot_x - 6)) < 0.01 && t->y >= layout.plot_y)
        {
          g_assert_true (g_hash_table_add (ticks, t->text));
          g_assert_cmpfloat (t->y - 3.5, >=, layout.plot_y + 7);
          n_ticks++;
        }
      if (fabs (t->y - (axis_y + 28)) < 0.01)
        {
          g_assert_cmpfloat (t->x, >=, layout.plot_x);
          n_names++;
        }
    }
  g_assert_cmpuint (n_ticks, >=, 4);
  g_assert_cmpuint (n_names, >=, 2);
}

/* An export names the buffer that sets the arena, however thin it is drawn
 * (decoder-block's arena is topped by a 2 KiB weight over 21 MiB), and its
 * callouts stand on lines of their own. */
static void
test_export_callouts (void)
{
  g_autoptr (LirModule) module = decoder_planned ("auto");
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  g_autoptr (GArray) texts = NULL;
  g_autoptr (GArray) plain = NULL;
  g_autoptr (GArray) top = lir_buffer_plan_get_top_edge (lir_module_get_plan (module));
  g_autoptr (GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  LirRenderOptions options;
  LirViewport viewport;
  char scratch[24];
  const char *top_name;
  gboolean named = FALSE, named_without = FALSE;

  g_assert_cmpuint (top->len, >=, 1);
  top_name =
    lir_graph_get_node_label (lir_module_get_graph (module), g_array_index (top, guint32, 0), scratch);
  g_assert_cmpuint (lir_buffer_plan_get_slot (lir_module_get_plan (module), g_array_index (top, guint32, 0))
                        ->size
                      * 100,
                    <, lir_buffer_plan_get_arena_size (lir_module_get_plan (module)));
  lir_render_options_init (&options);
  lir_renderer_get_full_viewport (renderer, &viewport);
  plain = svg_texts (renderer, &viewport, &options);
  options.callouts = TRUE;
  texts = svg_texts (renderer, &viewport, &options);
  for (guint i = 0; i < plain->len; i++)
    named_without |= strstr (g_array_index (plain, SvgText, i).text, top_name) != NULL;
  for (guint i = 0; i < texts->len; i++)
    {
      const SvgText *t = &g_array_index (texts, SvgText, i);

      if (g_str_has_prefix (t->text, "sets the arena: ") || strstr (t->text, " · ") != NULL)
        {
          for (guint k = 0; k < ys->len; k++)
            g_assert_cmpfloat (fabs (g_array_index (ys, double, k) - t->y), >=, 12);
          g_array_append_val (ys, t->y);
        }
      named |= g_str_has_prefix (t->text, "sets the arena: ") && strstr (t->text, top_name) != NULL;
    }
  g_assert_false (named_without);
  g_assert_true (named);
  g_assert_cmpuint (ys->len, >=, 3);
  /* No callout for a buffer that says its own name in its box. */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *callout = g_array_index (texts, SvgText, i).text;
      const char *dot = strstr (callout, " · ");

      if (dot == NULL)
        continue;
      if (g_str_has_prefix (callout, "sets the arena: "))
        callout += strlen ("sets the arena: ");
      for (guint k = 0; k < texts->len; k++)
        {
          const char *label = g_array_index (texts, SvgText, k).text;

          g_assert_false (strlen (label) == (gsize)(dot - callout)
                          && strncmp (label, callout, dot - callout) == 0);
        }
    }
}

/* Colour by kind, and a plan whose params dwarf its activations opens on them. */
static void
test_color_by_kind_and_activations (void)
{
  g_autoptr (LirModule) module = decoder_planned ("auto");
  g_autoptr (LirRenderer) renderer = lir_renderer_new (module);
  g_autoptr (GArray) texts = NULL;
  LirRenderOptions options;
  LirViewport full, focus;
  gboolean legend = FALSE;

  lir_render_options_init (&options);
  options.color_by = LIR_COLOR_BY_KIND;
  lir_renderer_get_full_viewport (renderer, &full);
  texts = svg_texts (renderer, &full, &options);
  for (guint i = 0; i < texts->len; i++)
    legend |= g_strcmp0 (g_array_index (texts, SvgText, i).text, "activation") == 0;
  g_assert_true (legend);
  g_assert_true (lir_renderer_get_activation_viewport (renderer, &focus));
  g_assert_cmpfloat (focus.byte_end - focus.byte_start, <, (full.byte_end - full.byte_start) / 4);
  {
    g_autoptr (LirModule) small = decoder_planned ("auto");
    g_autoptr (LirPlanOptions) no_params = lir_plan_options_new ();
    g_autoptr (LirModule) activations = NULL;
    g_autoptr (LirRenderer) r2 = NULL;
    g_autoptr (GError) error = NULL;

    lir_plan_options_set_allocate (no_params, LIR_OP_PARAM, FALSE);
    activations = lir_module_replan (small, no_params, &error);
    g_assert_no_error (error);
    r2 = lir_renderer_new (activations);
    g_assert_false (lir_renderer_get_activation_viewport (r2, &focus));
  }
}

static gboolean
has_text (GArray *texts, const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_array_index (texts, SvgText, i).text, text) == 0)
      return TRUE;
  return FALSE;
}

/* A training step colours by category (saved activations apart, only the
 * categories present in the legend) and bands its regions instead of
 * phases; a graph without categories falls back to kinds. */
static void
test_training_step (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp-train-step.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (GArray) texts = NULL, plain = NULL;
  LirRenderOptions options;
  LirViewport full;

  g_assert_no_error (error);
  g_assert_true (lir_module_ensure_plan (module, NULL, &error));
  renderer = lir_renderer_new (module);
  lir_render_options_init (&options);
  options.color_by = LIR_COLOR_BY_CATEGORY;
  lir_renderer_get_full_viewport (renderer, &full);
  texts = svg_texts (renderer, &full, &options);
  g_assert_true (has_text (texts, "saved activation"));
  g_assert_true (has_text (texts, "activation"));
  g_assert_true (has_text (texts, "gradient"));
  g_assert_true (has_text (texts, "optimizer_state"));
  g_assert_true (has_text (texts, "parameter"));
  g_assert_false (has_text (texts, "temporary"));
  g_assert_true (has_text (texts, "region"));
  g_assert_false (has_text (texts, "phase"));
  g_assert_true (has_text (texts, "Forward"));
  g_assert_true (has_text (texts, "Backward"));
  g_assert_true (has_text (texts, "Optimizer"));
  {
    /* The default, by phase, says categories here; a tooltip says them too. */
    g_autoptr (GArray) by_default = NULL;
    g_autofree char *act1 = lir_renderer_describe (renderer, 7);
    LirRenderOptions defaults;

    lir_render_options_init (&defaults);
    by_default = svg_texts (renderer, &full, &defaults);
    g_assert_true (has_text (by_default, "saved activation"));
    g_assert_false (has_text (by_default, "Prologue"));
    g_assert_nonnull (strstr (act1, ", Forward\nActivation, saved for the backward pass"));
  }

  {
    g_autoptr (LirModule) decoder = decoder_planned ("auto");
    g_autoptr (LirRenderer) r2 = lir_renderer_new (decoder);

    lir_renderer_get_full_viewport (r2, &full);
    plain = svg_texts (r2, &full, &options);
    g_assert_true (has_text (plain, "activation"));
    g_assert_true (has_text (plain, "param"));
    g_assert_false (has_text (plain, "saved activation"));
    g_assert_false (has_text (plain, "region"));
  }
}

/* A name with Unicode noncharacters (valid UTF-8, not valid XML, refused
 * by cairo) exports to SVG that parses, and to PNG and PDF. */
static void
test_noncharacter_names (void)
{
  static const char csv[] = "id,lower,upper,size\nbad\xEF\xBF\xBEname,0,3,100\nalso\xEF\xB7\x90"
                            "bad,1,4,50\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_data (csv, sizeof csv - 1, &error);
  g_autoptr (LirRenderer) renderer = NULL;
  LirRenderOptions options;
  LirViewport viewport;

  g_assert_no_error (error);
  g_assert_true (lir_module_ensure_plan (module, NULL, &error));
  renderer = lir_renderer_new (module);
  lir_render_options_init (&options);
  options.callouts = TRUE;
  lir_renderer_get_full_viewport (renderer, &viewport);
  for (int format = LIR_RENDER_SVG; format <= LIR_RENDER_PDF; format++)
    {
      g_autoptr (GBytes) bytes =
        lir_renderer_export_bytes (renderer, (LirRenderFormat)format, 800, 600, &viewport, &options, &error);

      g_assert_no_error (error);
      g_assert_nonnull (bytes);
      if (format == LIR_RENDER_SVG)
        {
          SvgCount count;
          gsize length;
          const char *svg = g_bytes_get_data (bytes, &length);

          parse_svg (svg, length, &count);
          g_assert_nonnull (strstr (count.text->str, "bad\xEF\xBF\xBDname"));
          g_string_free (count.text, TRUE);
        }
    }
}

/* RLX's dynamic plans: the nodes it leaves out of the arena are drawn in a
 * band of their own, with their symbolic shapes, and can be pointed at. */
static void
test_dynamic_band (void)
{
  g_autofree char *path =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "c_dynamic.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
  g_autoptr (LirModule) still = small_module ();
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (LirRenderer) plain = lir_renderer_new (still);
  g_autofree guint32 *dynamic = NULL;
  g_autofree char *svg = NULL;
  LirRenderOptions options;
  LirRenderLayout layout;
  LirViewport viewport;
  SvgCount count;
  gsize length;
  guint n_dynamic, hits = 0;
  double bar[4];

  g_assert_no_error (error);
  dynamic = lir_module_get_dynamic_nodes (module, &n_dynamic);
  g_assert_cmpuint (n_dynamic, ==, 7);
  renderer = lir_renderer_new (module);
  lir_render_options_init (&options);
  svg = render_svg (renderer, &options, &length);
  parse_svg (svg, length, &count);
  g_assert_cmpuint (count.dynamic, ==, n_dynamic);
  g_assert_nonnull (strstr (count.text->str, "dynamic, not in the arena"));
  g_assert_nonnull (strstr (count.text->str, "f32[s0, s1, 3072]"));
  g_string_free (count.text, TRUE);

  /* The band sits above the plot and every bar in it can be hit. */
  lir_renderer_get_full_viewport (renderer, &viewport);
  lir_renderer_compute_layout (renderer, 1200, 800, &options, &layout);
  g_assert_cmpfloat (layout.dynamic_height, >, 0);
  g_assert_cmpfloat (layout.dynamic_y + layout.dynamic_height, <=, layout.plot_y);
  for (guint i = 0; i < n_dynamic; i++)
    {
      const LirLifetime *life = lir_buffer_plan_get_lifetime (lir_module_get_plan (module), dynamic[i]);
      double x = (lir_render_layout_x_of_step (&layout, &viewport, life->first_step)
                  + lir_render_layout_x_of_step (&layout, &viewport, life->last_step + 1.0))
                 / 2;

      for (double y = layout.dynamic_y; y < layout.dynamic_y + layout.dynamic_height; y += 1)
        if (lir_renderer_get_dynamic_at (renderer, &layout, &viewport, x, y, bar) == dynamic[i])
          {
            g_autofree char *text = lir_renderer_describe_dynamic (renderer, dynamic[i]);

            g_assert_nonnull (strstr (text, "not in the arena"));
            g_assert_cmpfloat (bar[0], <=, x);
            g_assert_cmpfloat (bar[0] + bar[2], >=, x);
            hits++;
            break;
          }
    }
  g_assert_cmpuint (hits, ==, n_dynamic);
  g_assert_cmpuint (lir_renderer_get_dynamic_at (renderer, &layout, &viewport, layout.plot_x + 5,
                                                 layout.plot_y + 5, NULL),
                    ==, LIR_NO_NODE);

  /* A static plan has no band. */
  lir_renderer_compute_layout (plain, 1200, 800, &options, &layout);
  g_assert_cmpfloat (layout.dynamic_height, ==, 0);
}

/* The export chooser's names: the format picked is the format written
 * unless the typed name says another; a suggestion follows the format. */
static void
test_format_names (void)
{
  static const struct
  {
    const char *typed;
    LirRenderFormat chosen;
    const char *written;
  } cases[] = {
    { "r50-visible", LIR_RENDER_PDF, "r50-visible.pdf" },
    { "r50-visible", LIR_RENDER_PNG, "r50-visible.png" },
    { "plan.SVG", LIR_RENDER_PDF, "plan.SVG" },
    { "v1.2", LIR_RENDER_SVG, "v1.2.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *written = lir_render_format_apply_to_path (cases[i].typed, cases[i].chosen);

      g_assert_cmpstr (written, ==, cases[i].written);
    }
  {
    g_autofree char *pdf = lir_render_format_swap_extension ("resnet50.svg", LIR_RENDER_PDF);
    g_autofree char *png = lir_render_format_swap_extension ("resnet50", LIR_RENDER_PNG);

    g_assert_cmpstr (pdf, ==, "resnet50.pdf");
    g_assert_cmpstr (png, ==, "resnet50.png");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/format-names", test_format_names);
  g_test_add_func ("/render/svg/structure", test_svg_structure);
  g_test_add_func ("/render/collapsed-steps", test_collapsed_steps);
  g_test_add_func ("/render/svg/deterministic", test_svg_deterministic);
  g_test_add_func ("/render/png/pixels", test_png_pixels);
  g_test_add_func ("/render/pdf-and-limits", test_pdf_and_limits);
  g_test_add_func ("/render/odd-viewports", test_odd_viewports);
  g_test_add_func ("/render/level-of-detail", test_level_of_detail);
  g_test_add_func ("/render/index", test_index);
  g_test_add_func ("/render/every-input", test_every_input);
  g_test_add_func ("/render/reference-labels-inside", test_reference_labels_inside);
  g_test_add_func ("/render/axis-labels-zoomed", test_axis_labels_zoomed);
  g_test_add_func ("/render/export-callouts", test_export_callouts);
  g_test_add_func ("/render/noncharacter-names", test_noncharacter_names);
  g_test_add_func ("/render/color-by-kind-and-activations", test_color_by_kind_and_activations);
  g_test_add_func ("/render/dynamic-band", test_dynamic_band);
  g_test_add_func ("/render/training-step", test_training_step);
  return g_test_run ();
}
