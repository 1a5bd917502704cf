/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-canvas-private.h: the few drawing primitives the timeline needs, with two
 * back ends: cairo (screen, PNG, PDF) and SVG text.
 *
 * Why not cairo's own SVG surface: it writes text as glyph outlines (so an
 * SVG's header could not be searched or checked), has no <title> for
 * hover tooltips, and its size grows with path detail. The layout and every
 * drawing decision stay in lir-render.c; a back end only paints.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} LirRgba;

typedef enum {
  LIR_ALIGN_START,
  LIR_ALIGN_CENTER,
  LIR_ALIGN_END,
} LirTextAlign;

typedef struct _LirCanvas LirCanvas;

const char *lir_canvas_clean_text (const char *text,
                                   char      **owned);

typedef struct
{
  void (*fill_rect) (LirCanvas *canvas, double x, double y, double w, double h,
                     const LirRgba *color);
  /* n rectangles (x, y, w, h each), offset by (dx, dy), one colour. */
  void (*fill_rects) (LirCanvas *canvas, double dx, double dy, const double *xywh, guint n,
                      const LirRgba *color);
  void (*stroke_rect) (LirCanvas *canvas, double x, double y, double w, double h,
                       const LirRgba *color, double line_width, gboolean dashed);
  void (*hatch_rect) (LirCanvas *canvas, double x, double y, double w, double h,
                      const LirRgba *color);
  void (*line) (LirCanvas *canvas, double x0, double y0, double x1, double y1,
                const LirRgba *color, double line_width, gboolean dashed);
  /* A closed polygon of n points, xy interleaved. */
  void (*fill_polygon) (LirCanvas *canvas, const double *xy, guint n, const LirRgba *color);
  /* y is the baseline. */
  void (*text) (LirCanvas *canvas, double x, double y, const char *text, double size,
                gboolean bold, LirTextAlign align, const LirRgba *color);
  double (*text_width) (LirCanvas *canvas, const char *text, double size, gboolean bold);
  /* Groups what follows as one item (an SVG <g> with a <title>). */
  void (*begin_item) (LirCanvas *canvas, const char *css_class, const char *title);
  void (*end_item) (LirCanvas *canvas);
  void (*push_clip) (LirCanvas *canvas, double x, double y, double w, double h);
  void (*pop_clip) (LirCanvas *canvas);
  void (*free) (LirCanvas *canvas);
} LirCanvasFuncs;

struct _LirCanvas
{
  const LirCanvasFuncs *funcs;
  /* Pixels below which buffers are merged (level of detail). */
  double min_item_px;
  /* Whether begin_item titles are used; skip building them otherwise. */
  gboolean wants_titles;
};

LirCanvas *lir_canvas_cairo_new  (cairo_t *cr);
LirCanvas *lir_canvas_svg_new    (double width, double height, const LirRgba *hatch_color);
void       lir_canvas_free       (LirCanvas *canvas);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirCanvas, lir_canvas_free)
/* Closes the SVG document and returns its text. */
char      *lir_canvas_svg_finish (LirCanvas *canvas, gsize *length);

G_END_DECLS
