/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-canvas-svg.c: the canvas as SVG text.
 *
 * Output is deterministic: numbers are printed with the C locale and at
 * most two decimals, clip ids count up from 0, and text widths come from a
 * fixed per-character table rather than the fonts installed, so the same
 * plan gives the same bytes on every machine.
 */
#include "lir-canvas-private.h"

#include <string.h>

typedef struct
{
  LirCanvas parent;
  GString *out;
  guint next_clip;
} SvgCanvas;

#define OUT(canvas) (((SvgCanvas *)(canvas))->out)

/* Appends v with at most two decimals, no trailing zeros, C locale. */
static void
put_num (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  gint64 hundredths = (gint64)(v * 100.0 + (v < 0 ? -0.5 : 0.5));
  gint64 whole = hundredths / 100, frac = ABS (hundredths % 100);

  if (hundredths < 0 && whole == 0)
    g_string_append_c (out, '-');
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, whole);
  g_string_append (out, buf);
  if (frac != 0)
    {
      g_string_append_printf (out, ".%d", (int)(frac / 10));
      if (frac % 10 != 0)
        g_string_append_printf (out, "%d", (int)(frac % 10));
    }
}

static void
put_attr_num (GString *out, const char *name, double v)
{
  g_string_append_printf (out, " %s=\"", name);
  put_num (out, v);
  g_string_append_c (out, '"');
}

static void
put_color (GString *out, const char *attr, const LirRgba *c)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attr, (int)(CLAMP (c->r, 0, 1) * 255 + 0.5),
                          (int)(CLAMP (c->g, 0, 1) * 255 + 0.5), (int)(CLAMP (c->b, 0, 1) * 255 + 0.5));
  if (c->a < 0.995)
    {
      g_string_append_printf (out, " %s-opacity=\"", attr);
      put_num (out, c->a);
      g_string_append_c (out, '"');
    }
}

static void
put_escaped (GString *out, const char *raw)
{
  g_autofree char *owned = NULL;
  const char *text = lir_canvas_clean_text (raw, &owned);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (out, "&amp;");
        break;
      case '<':
        g_string_append (out, "&lt;");
        break;
      case '>':
        g_string_append (out, "&gt;");
        break;
      case '"':
        g_string_append (out, "&quot;");
        break;
      default:
        /* XML 1.0 forbids most control characters, even escaped. */
        if ((guchar)*p < 0x20 && *p != '\n' && *p != '\t')
          g_string_append_c (out, ' ');
        else
          g_string_append_c (out, *p);
      }
}

static void
put_rect (GString *out, double x, double y, double w, double h)
{
  g_string_append (out, "<rect");
  put_attr_num (out, "x", x);
  put_attr_num (out, "y", y);
  put_attr_num (out, "width", w);
  put_attr_num (out, "height", h);
}

static void
svg_fill_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color)
{
  GString *out = OUT (canvas);

  put_rect (out, x, y, w, h);
  put_color (out, "fill", color);
  g_string_append (out, "/>\n");
}

/* One <path> of rectangles, relative moves keep it short. */
static void
svg_fill_rects (LirCanvas *canvas, double dx, double dy, const double *xywh, guint n, const LirRgba *color)
{
  GString *out = OUT (canvas);

  if (n == 0)
    return;
  g_string_append (out, "<path d=\"");
  for (guint i = 0; i < n; i++)
    {
      const double *r = &xywh[4 * i];

      g_string_append_c (out, 'M');
      put_num (out, dx + r[0]);
      g_string_append_c (out, ' ');
      put_num (out, dy + r[1]);
      g_string_append_c (out, 'h');
      put_num (out, r[2]);
      g_string_append_c (out, 'v');
      put_num (out, r[3]);
      g_string_append_c (out, 'h');
      put_num (out, -r[2]);
      g_string_append_c (out, 'z');
    }
  g_string_append_c (out, '"');
  put_color (out, "fill", color);
  g_string_append (out, "/>\n");
}

static void
svg_stroke_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color,
                 double line_width, gboolean dashed)
{
  GString *out = OUT (canvas);

  put_rect (out, x + line_width / 2, y + line_width / 2, MAX (w - line_width, 0), MAX (h - line_width, 0));
  g_string_append (out, " fill=\"none\"");
  put_color (out, "stroke", color);
  put_attr_num (out, "stroke-width", line_width);
  if (dashed)
    g_string_append (out, " stroke-dasharray=\"4 3\"");
  g_string_append (out, "/>\n");
}

static void
svg_hatch_rect (LirCanvas *canvas, double x, double y, double w, double h, const LirRgba *color)
{
  GString *out = OUT (canvas);

  /* The pattern's colour is fixed in <defs>, from the theme. */
  put_rect (out, x, y, w, h);
  g_string_append (out, " fill=\"url(#hatch)\"/>\n");
}

static void
svg_line (LirCanvas *canvas, double x0, double y0, double x1, double y1, const LirRgba *color,
          double line_width, gboolean dashed)
{
  GString *out = OUT (canvas);

  g_string_append (out, "<line");
  put_attr_num (out, "x1", x0);
  put_attr_num (out, "y1", y0);
  put_attr_num (out, "x2", x1);
  put_attr_num (out, "y2", y1);
  put_color (out, "stroke", color);
  put_attr_num (out, "stroke-width", line_width);
  if (dashed)
    g_string_append (out, " stroke-dasharray=\"4 3\"");
  g_string_append (out, "/>\n");
}

static void
svg_fill_polygon (LirCanvas *canvas, const double *xy, guint n, const LirRgba *color)
{
  GString *out = OUT (canvas);

  if (n < 3)
    return;
  g_string_append (out, "<path d=\"M");
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, 'L');
      put_num (out, xy[2 * i]);
      g_string_append_c (out, ' ');
      put_num (out, xy[2 * i + 1]);
    }
  g_string_append (out, "Z\"");
  put_color (out, "fill", color);
  g_string_append (out, "/>\n");
}

/* Advance widths of DejaVu Sans (the usual "sans-serif"), in 1/100 em,
 * for printable ASCII; other characters count as 0.6 em. */
static const guint8 advance[95] = {
  32, 40, 46, 84, 64, 95, 78, 28, 39,  39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
  64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 78, 75, 30, 30, 66, 56, 86, 75, 79,
  60, 79, 69, 63, 61, 73, 68, 99, 69,  61, 69, 39, 34, 39, 84, 50, 50, 61, 64, 55, 64, 62, 35, 64,
  63, 28, 28, 58, 28, 97, 63, 61, 64,  64, 41, 52, 39, 63, 59, 82, 59, 59, 53, 64, 34, 64, 84,
};

static double
svg_text_width (LirCanvas *canvas, const char *text, double size, gboolean bold)
{
  double em = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar c = (guchar)*p;

      em += c >= 32 && c < 127 ? advance[c - 32] / 100.0 : 0.6;
    }
  return em * size * (bold ? 1.08 : 1.0);
}

static void
svg_text (LirCanvas *canvas, double x, double y, const char *text, double size, gboolean bold,
          LirTextAlign align, const LirRgba *color)
{
  GString *out = OUT (canvas);

  g_string_append (out, "<text");
  put_attr_num (out, "x", x);
  put_attr_num (out, "y", y);
  put_attr_num (out, "font-size", size);
  if (bold)
    g_string_append (out, " font-weight=\"bold\"");
  if (align != LIR_ALIGN_START)
    g_string_append (out, align == LIR_ALIGN_END ? " text-anchor=\"end\"" : " text-anchor=\"middle\"");
  put_color (out, "fill", color);
  g_string_append_c (out, '>');
  put_escaped (out, text);
  g_string_append (out, "</text>\n");
}

static void
svg_begin_item (LirCanvas *canvas, const char *css_class, const char *title)
{
  GString *out = OUT (canvas);

  g_string_append_printf (out, "<g class=\"%s\">", css_class);
  if (title != NULL)
    {
      g_string_append (out, "<title>");
      put_escaped (out, title);
      g_string_append (out, "</title>");
    }
}

static void
svg_end_item (LirCanvas *canvas)
{
  g_string_append (OUT (canvas), "</g>\n");
}

static void
svg_push_clip (LirCanvas *canvas, double x, double y, double w, double h)
{
  SvgCanvas *svg = (SvgCanvas *)canvas;
  guint id = svg->next_clip++;

  g_string_append_printf (svg->out, "<clipPath id=\"clip%u\">", id);
  put_rect (svg->out, x, y, w, h);
  g_string_append_printf (svg->out, "/></clipPath>\n<g clip-path=\"url(#clip%u)\">\n", id);
}

static void
svg_pop_clip (LirCanvas *canvas)
{
  g_string_append (OUT (canvas), "</g>\n");
}

static void
svg_canvas_free (LirCanvas *canvas)
{
  SvgCanvas *svg = (SvgCanvas *)canvas;

  if (svg->out != NULL)
    g_string_free (svg->out, TRUE);
  g_free (svg);
}

static const LirCanvasFuncs svg_funcs = {
  .fill_rect = svg_fill_rect,
  .fill_rects = svg_fill_rects,
  .stroke_rect = svg_stroke_rect,
  .hatch_rect = svg_hatch_rect,
  .line = svg_line,
  .fill_polygon = svg_fill_polygon,
  .text = svg_text,
  .text_width = svg_text_width,
  .begin_item = svg_begin_item,
  .end_item = svg_end_item,
  .push_clip = svg_push_clip,
  .pop_clip = svg_pop_clip,
  .free = svg_canvas_free,
};

/**
 * lir_canvas_svg_new:
 * @width: document width in pixels
 * @height: document height in pixels
 * @hatch_color: the colour of the view hatching
 *
 * Returns: (transfer full): a canvas writing SVG; finish it with
 *   lir_canvas_svg_finish()
 */
LirCanvas *
lir_canvas_svg_new (double width, double height, const LirRgba *hatch_color)
{
  SvgCanvas *svg = g_new0 (SvgCanvas, 1);
  GString *out = g_string_sized_new (64 * 1024);

  svg->parent.funcs = &svg_funcs;
  /* Coarser than the screen: a file keeps every element, a frame does not. */
  svg->parent.min_item_px = 2.0;
  svg->parent.wants_titles = TRUE;
  svg->out = out;
  g_string_append (out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"");
  put_attr_num (out, "width", width);
  put_attr_num (out, "height", height);
  g_string_append (out, " viewBox=\"0 0 ");
  put_num (out, width);
  g_string_append_c (out, ' ');
  put_num (out, height);
  g_string_append (out, "\" font-family=\"DejaVu Sans, Verdana, sans-serif\">\n"
                        "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" "
                        "height=\"6\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" "
                        "y2=\"6\"");
  put_color (out, "stroke", hatch_color);
  g_string_append (out, " stroke-width=\"1.5\"/></pattern></defs>\n");
  return &svg->parent;
}

char *
lir_canvas_svg_finish (LirCanvas *canvas, gsize *length)
{
  SvgCanvas *svg = (SvgCanvas *)canvas;
  GString *out = g_steal_pointer (&svg->out);

  g_string_append (out, "</svg>\n");
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

void
lir_canvas_free (LirCanvas *canvas)
{
  if (canvas != NULL)
    canvas->funcs->free (canvas);
}
