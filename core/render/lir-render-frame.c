/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-frame.c: the one drawing path, a frame on cairo or SVG, and the exports.
 *
 * From top to bottom: a header (name, figures, fingerprints), a legend, the
 * live-bytes strip chart, the phase band, then the timeline itself with x =
 * schedule step and y = arena offset, 0 at the bottom. A buffer is the
 * rectangle [first step, last step + 1) x [offset, offset + size).
 *
 * Cost is bounded by pixels, not buffers: only buffers the index returns
 * for the visible steps are visited, and those smaller than the canvas's
 * min_item_px in either direction are painted into a coarse grid whose
 * same-coloured cells are merged into rectangles.
 */
#include "lir-render-private.h"

#include <cairo-pdf.h>
#include <math.h>

#include "io/lir-file-private.h"
#include "ir/lir-error.h"

/* Cairo cannot allocate surfaces past 32767 pixels a side. */
#define MAX_RASTER_SIDE 32767.0

/* Sizes the drawing path handles: its cost and a canvas's grid grow with
 * them, and NaN or infinity would poison every coordinate. */
static gboolean
size_is_drawable (double width, double height)
{
  return width > 0 && height > 0 && width <= MAX_RASTER_SIDE && height <= MAX_RASTER_SIDE;
}

static gboolean
viewport_is_finite (const LirViewport *vp)
{
  return isfinite (vp->step_start) && isfinite (vp->step_end) && isfinite (vp->byte_start)
         && isfinite (vp->byte_end);
}

static void
draw_frame (const LirRenderer *r, LirCanvas *canvas, double width, double height, const LirViewport *viewport,
            const LirRenderOptions *options)
{
  Frame f = { 0 };
  LirCanvas *c = canvas;
  LirRenderOptions defaults;

  if (options == NULL)
    {
      lir_render_options_init (&defaults);
      options = &defaults;
    }
  f.r = r;
  f.o = options;
  f.theme = &lir_render_themes[options->theme == LIR_THEME_DARK ? LIR_THEME_DARK : LIR_THEME_LIGHT];
  f.canvas = canvas;
  f.width = width;
  f.height = height;
  if (viewport != NULL && viewport_is_finite (viewport))
    f.vp = *viewport;
  else
    lir_renderer_get_full_viewport (r, &f.vp);
  /* A degenerate viewport would divide by zero; widen it to something drawable. */
  if (!(f.vp.step_end > f.vp.step_start))
    f.vp.step_end = f.vp.step_start + 1;
  if (!(f.vp.byte_end > f.vp.byte_start))
    f.vp.byte_end = f.vp.byte_start + 1;
  lir_renderer_compute_layout (r, width, height, options, &f.l);
  f.col_start = lir_render_layout_column_of_step (&f.l, f.vp.step_start);
  f.col_end = lir_render_layout_column_of_step (&f.l, f.vp.step_end);
  if (!(f.col_end > f.col_start))
    f.col_end = f.col_start + 1;
  f.px_per_step = f.l.plot_width / (f.col_end - f.col_start);
  f.px_per_byte = f.l.plot_height / (f.vp.byte_end - f.vp.byte_start);

  c->funcs->fill_rect (c, 0, 0, width, height, &f.theme->background);
  if (options->header)
    {
      lir_render_draw_header (&f);
      lir_render_draw_legend (&f, MARGIN + FONT_TITLE + 4 * LINE + 1);
    }
  if (options->strip)
    {
      c->funcs->push_clip (c, f.l.strip_x, f.l.strip_y - 2, f.l.strip_width, f.l.strip_height + 2);
      lir_render_draw_strip (&f);
      c->funcs->pop_clip (c);
      c->funcs->text (c, f.l.strip_x - 6, f.l.strip_y + 10, "live", FONT_SMALL, TRUE, LIR_ALIGN_END,
                      &f.theme->muted);
    }
  if (r->has_phases || r->has_regions)
    lir_render_draw_phase_band (&f);
  if (f.l.dynamic_height > 0)
    lir_render_draw_dynamic_band (&f);

  c->funcs->fill_rect (c, f.l.plot_x, f.l.plot_y, f.l.plot_width, f.l.plot_height, &f.theme->plot_background);
  lir_render_draw_byte_axis (&f);
  c->funcs->push_clip (c, f.l.plot_x, f.l.plot_y, f.l.plot_width, f.l.plot_height);
  lir_render_draw_buffers (&f);
  lir_render_draw_diff (&f);
  lir_render_draw_region_boundaries (&f);
  lir_render_draw_top_edge (&f);
  lir_render_draw_flagged (&f);
  lir_render_draw_reference_lines (&f);
  lir_render_draw_cursor (&f);
  c->funcs->pop_clip (c);
  lir_render_draw_step_axis (&f);
  lir_render_draw_peak_mark (&f);
  if (options->callouts)
    lir_render_draw_callouts (&f);
  c->funcs->push_clip (c, f.l.plot_x - 4, f.l.plot_y - 4, f.l.plot_width + 8, f.l.plot_height + 12);
  lir_render_draw_selection (&f);
  c->funcs->pop_clip (c);
  c->funcs->text (c, f.l.plot_x + f.l.plot_width, height - 4, "schedule step →", FONT_SMALL, FALSE,
                  LIR_ALIGN_END, &f.theme->muted);
}

/**
 * lir_renderer_draw:
 * @renderer: a renderer
 * @cr: where to draw; the area is (0, 0, @width, @height) in user units
 * @width: width in pixels, above 0 and at most 32767
 * @height: height in pixels, above 0 and at most 32767
 * @viewport: (nullable): the steps and bytes to show, %NULL (or one that
 *   is not finite) for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 *
 * The drawing path the app's timeline widget and the PNG and PDF exports share.
 */
void
lir_renderer_draw (const LirRenderer *renderer, cairo_t *cr, double width, double height,
                   const LirViewport *viewport, const LirRenderOptions *options)
{
  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (size_is_drawable (width, height));

  g_autoptr (LirCanvas) canvas = lir_canvas_cairo_new (cr);

  cairo_save (cr);
  draw_frame (renderer, canvas, width, height, viewport, options);
  cairo_restore (cr);
}

/**
 * lir_renderer_to_svg:
 * @renderer: a renderer
 * @width: width in pixels, above 0 and at most 32767
 * @height: height in pixels, above 0 and at most 32767
 * @viewport: (nullable): the steps and bytes to show, %NULL (or one that
 *   is not finite) for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @length: (out) (optional): the text's length
 *
 * Draws the timeline as SVG text, as lir_renderer_export() writes it.
 *
 * Returns: (transfer full): the same picture as an SVG document, with a
 *   <title> per buffer
 */
char *
lir_renderer_to_svg (const LirRenderer *renderer, double width, double height, const LirViewport *viewport,
                     const LirRenderOptions *options, gsize *length)
{
  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (size_is_drawable (width, height), NULL);

  const Theme *theme =
    &lir_render_themes[options != NULL && options->theme == LIR_THEME_DARK ? LIR_THEME_DARK
                                                                           : LIR_THEME_LIGHT];
  LirRgba hatch = with_alpha (theme->foreground, 0.45);
  g_autoptr (LirCanvas) canvas = lir_canvas_svg_new (width, height, &hatch);

  draw_frame (renderer, canvas, width, height, viewport, options);
  return lir_canvas_svg_finish (canvas, length);
}

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * lir_renderer_export_bytes:
 * @renderer: a renderer
 * @format: SVG, PNG or PDF
 * @width: width in pixels (points for PDF)
 * @height: height in pixels (points for PDF)
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @error: return location for a #GError
 *
 * Draws the timeline into an image file's bytes, kept in memory.
 *
 * Returns: (transfer full) (nullable): the encoded image
 */
GBytes *
lir_renderer_export_bytes (const LirRenderer *renderer, LirRenderFormat format, double width, double height,
                           const LirViewport *viewport, const LirRenderOptions *options, GError **error)
{
  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  LirViewport full;
  LirRenderOptions defaults;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!(width >= 16 && height >= 16 && width <= MAX_RASTER_SIDE && height <= MAX_RASTER_SIDE))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                   "image size %gx%g is out of range (16 to %.0f pixels a side)", width, height,
                   MAX_RASTER_SIDE);
      return NULL;
    }
  if (viewport == NULL)
    {
      lir_renderer_get_full_viewport (renderer, &full);
      viewport = &full;
    }
  if (options == NULL)
    {
      lir_render_options_init (&defaults);
      options = &defaults;
    }
  if (format == LIR_RENDER_SVG)
    {
      gsize length;
      char *svg = lir_renderer_to_svg (renderer, width, height, viewport, options, &length);

      return g_bytes_new_take (svg, length);
    }
  if (format == LIR_RENDER_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)ceil (width), (int)ceil (height));
  else
    surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
  cr = cairo_create (surface);
  lir_renderer_draw (renderer, cr, width, height, viewport, options);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == LIR_RENDER_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface); /* a PDF is complete only now */
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "drawing failed: %s", cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * lir_renderer_export:
 * @renderer: a renderer
 * @path: the file to write, atomically
 * @format: SVG, PNG or PDF
 * @width: width in pixels (points for PDF)
 * @height: height in pixels (points for PDF)
 * @viewport: (nullable): the steps and bytes to show, %NULL for the whole plan
 * @options: (nullable): what to draw, %NULL for lir_render_options_init ()'s defaults
 * @error: return location for a #GError
 *
 * Draws the plan's timeline (x: schedule step, y: arena offset) with its
 * header and legend into a file, written atomically. The same drawing path
 * serves the app and `lirscope-cli render`.
 *
 * Returns: %FALSE with @error set if drawing or writing failed
 */
gboolean
lir_renderer_export (const LirRenderer *renderer, const char *path, LirRenderFormat format, double width,
                     double height, const LirViewport *viewport, const LirRenderOptions *options,
                     GError **error)
{
  g_return_val_if_fail (renderer != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_autoptr (GBytes) bytes =
    lir_renderer_export_bytes (renderer, format, width, height, viewport, options, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    {
      g_prefix_error (error, "%s: ", path);
      return FALSE;
    }
  data = g_bytes_get_data (bytes, &length);
  return lir_file_write (path, data, length, error);
}
