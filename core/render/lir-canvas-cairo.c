/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-canvas-cairo.c: the canvas on a cairo context (widget, PNG, PDF). */
#include "lir-canvas-private.h"

#include <math.h>
#include <string.h>

typedef struct
{
  LirCanvas parent;
  cairo_t *cr;
  cairo_pattern_t *hatch;
  LirRgba hatch_color;
} CairoCanvas;

#define CR(canvas) (((CairoCanvas *)(canvas))->cr)

static void
set_color (cairo_t *cr, const LirRgba *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static void
set_dash (cairo_t *cr, gboolean dashed)
{
  static const double dash[] = { 4.0, 3.0 };

  cairo_set_dash (cr, dash, dashed ? 2 : 0, 0);
}

static void
cairo_fill_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color)
{
  cairo_t *cr = CR (canvas);

  set_color (cr, color);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* Batches are the many small rectangles of a zoomed-out plan. Snapped to
 * whole device pixels they take cairo's box compositor instead of its
 * antialiasing scan converter, several times faster, and a box this small
 * looks the same either way. */
static void
cairo_fill_rects (LirCanvas *canvas, double dx, double dy, const double *xywh, guint n, const LirRgba *color)
{
  cairo_t *cr = CR (canvas);

  set_color (cr, color);
  for (guint i = 0; i < n; i++)
    {
      double x0 = dx + xywh[4 * i], y0 = dy + xywh[4 * i + 1];
      double x1 = x0 + xywh[4 * i + 2], y1 = y0 + xywh[4 * i + 3];

      cairo_user_to_device (cr, &x0, &y0);
      cairo_user_to_device (cr, &x1, &y1);
      x0 = round (x0);
      y0 = round (y0);
      x1 = MAX (round (x1), x0 + 1);
      y1 = MAX (round (y1), y0 + 1);
      cairo_device_to_user (cr, &x0, &y0);
      cairo_device_to_user (cr, &x1, &y1);
      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
    }
  cairo_fill (cr);
}

static void
cairo_stroke_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color,
                   double line_width, gboolean dashed)
{
  cairo_t *cr = CR (canvas);

  set_color (cr, color);
  set_dash (cr, dashed);
  cairo_set_line_width (cr, line_width);
  cairo_rectangle (cr, x + line_width / 2, y + line_width / 2, MAX (w - line_width, 0),
                   MAX (h - line_width, 0));
  cairo_stroke (cr);
  set_dash (cr, FALSE);
}

/* A 6x6 tile with one diagonal, repeated: the cost is the area, not the
 * number of diagonals (a tall, thin view would need hundreds). */
static cairo_pattern_t *
hatch_pattern (CairoCanvas *canvas, const LirRgba *color)
{
  cairo_surface_t *tile;
  cairo_t *cr;
  cairo_matrix_t matrix;

  if (canvas->hatch != NULL && memcmp (&canvas->hatch_color, color, sizeof *color) == 0)
    return canvas->hatch;
  g_clear_pointer (&canvas->hatch, cairo_pattern_destroy);
  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 6, 6);
  cr = cairo_create (tile);
  set_color (cr, color);
  cairo_set_line_width (cr, 1.0);
  for (int k = -1; k <= 1; k++)
    {
      cairo_move_to (cr, k * 6.0, 0);
      cairo_line_to (cr, k * 6.0 + 6.0, 6.0);
    }
  cairo_stroke (cr);
  cairo_destroy (cr);
  canvas->hatch = cairo_pattern_create_for_surface (tile);
  cairo_surface_destroy (tile);
  cairo_pattern_set_extend (canvas->hatch, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_identity (&matrix);
  cairo_pattern_set_matrix (canvas->hatch, &matrix);
  canvas->hatch_color = *color;
  return canvas->hatch;
}

static void
cairo_hatch_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color)
{
  cairo_t *cr = CR (canvas);

  cairo_set_source (cr, hatch_pattern ((CairoCanvas *)canvas, color));
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

static void
cairo_line (LirCanvas *canvas, double x0, double y0, double x1, double y1, const LirRgba *color,
            double line_width, gboolean dashed)
{
  cairo_t *cr = CR (canvas);

  set_color (cr, color);
  set_dash (cr, dashed);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
  set_dash (cr, FALSE);
}

static void
cairo_fill_polygon (LirCanvas *canvas, const double *xy, guint n, const LirRgba *color)
{
  cairo_t *cr = CR (canvas);

  if (n < 3)
    return;
  set_color (cr, color);
  cairo_move_to (cr, xy[0], xy[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, xy[2 * i], xy[2 * i + 1]);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
select_font (cairo_t *cr, double size, gboolean bold)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL,
                          bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

static double
cairo_text_width (LirCanvas *canvas, const char *raw, double size, gboolean bold)
{
  cairo_t *cr = CR (canvas);
  cairo_text_extents_t extents;
  g_autofree char *owned = NULL;
  const char *text = lir_canvas_clean_text (raw, &owned);

  select_font (cr, size, bold);
  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

static void
cairo_text (LirCanvas *canvas, double x, double y, const char *raw, double size, gboolean bold,
            LirTextAlign align, const LirRgba *color)
{
  cairo_t *cr = CR (canvas);
  g_autofree char *owned = NULL;
  /* cairo stops drawing for good at a noncharacter: clean the text first. */
  const char *text = lir_canvas_clean_text (raw, &owned);
  double width = align == LIR_ALIGN_START ? 0 : cairo_text_width (canvas, text, size, bold);

  select_font (cr, size, bold);
  set_color (cr, color);
  cairo_move_to (cr, align == LIR_ALIGN_END ? x - width : align == LIR_ALIGN_CENTER ? x - width / 2 : x, y);
  cairo_show_text (cr, text);
  cairo_new_path (cr);
}

static void
cairo_begin_item (LirCanvas *canvas, const char *css_class, const char *title)
{
}

static void
cairo_end_item (LirCanvas *canvas)
{
}

static void
cairo_push_clip (LirCanvas *canvas, double x, double y, double w, double h)
{
  cairo_t *cr = CR (canvas);

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
}

static void
cairo_pop_clip (LirCanvas *canvas)
{
  cairo_restore (CR (canvas));
}

static void
cairo_canvas_free (LirCanvas *canvas)
{
  g_clear_pointer (&((CairoCanvas *)canvas)->hatch, cairo_pattern_destroy);
  g_free (canvas);
}

static const LirCanvasFuncs cairo_funcs = {
  .fill_rect = cairo_fill_rect,
  .fill_rects = cairo_fill_rects,
  .stroke_rect = cairo_stroke_rect,
  .hatch_rect = cairo_hatch_rect,
  .line = cairo_line,
  .fill_polygon = cairo_fill_polygon,
  .text = cairo_text,
  .text_width = cairo_text_width,
  .begin_item = cairo_begin_item,
  .end_item = cairo_end_item,
  .push_clip = cairo_push_clip,
  .pop_clip = cairo_pop_clip,
  .free = cairo_canvas_free,
};

/**
 * lir_canvas_cairo_new:
 * @cr: a cairo context; it must outlive the canvas
 *
 * Returns: (transfer full): a canvas drawing on @cr
 */
LirCanvas *
lir_canvas_cairo_new (cairo_t *cr)
{
  CairoCanvas *canvas = g_new0 (CairoCanvas, 1);

  canvas->parent.funcs = &cairo_funcs;
  canvas->parent.min_item_px = 2.0;
  canvas->parent.wants_titles = FALSE;
  canvas->cr = cr;
  return &canvas->parent;
}
