/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-header.c: the title block with the plan's figures, and the legend. */
#include "lir-render-private.h"

#include <math.h>
#include <string.h>

#include "report/lir-format-private.h"
#include "report/lir-stats-report.h"

/* "Arena size 21.34 MiB (22376448 B) · Bytes saved …": the report's rows, worded as everywhere. */
static char *
header_line (const LirStatsReport *report, const LirStat *stats, guint n)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *value = lir_stats_report_get_value (report, stats[i]);

      /* Validity is said only when it fails. */
      if (stats[i] == LIR_STAT_VALIDITY && lir_stats_report_is_valid (report))
        continue;
      if (value != NULL)
        g_string_append_printf (line, "%s%s %s", line->len > 0 ? " · " : "", lir_stat_get_title (stats[i]),
                                value);
    }
  return g_string_free (line, FALSE);
}

void
lir_render_draw_header (const Frame *f)
{
  static const LirStat row1[] = { LIR_STAT_VALIDITY, LIR_STAT_ARENA_SIZE, LIR_STAT_ALIGNED_LOWER_BOUND,
                                  LIR_STAT_EFFICIENCY, LIR_STAT_PEAK };
  static const LirStat row2[] = { LIR_STAT_LOWER_BOUND, LIR_STAT_SAVED_BY_SHARING, LIR_STAT_SAVED_BY_VIEWS,
                                  LIR_STAT_BYTES_SAVED, LIR_STAT_BUFFERS };
  static const LirStat row3[] = { LIR_STAT_STRATEGY, LIR_STAT_ALIGNMENT, LIR_STAT_SYMBOLS,
                                  LIR_STAT_FINGERPRINT, LIR_STAT_GRAPH_FINGERPRINT };
  LirCanvas *c = f->canvas;
  const LirRenderer *r = f->r;
  const char *name = lir_module_get_name (r->module);
  const char *title = name != NULL && *name != '\0' ? name : "(unnamed)";
  /* Only exports draw the header; the report (which validates the plan) is
   * made here rather than with every renderer, so opening a plan in the app,
   * whose session has its own report, does not validate it twice. */
  g_autoptr (LirStatsReport) report = lir_stats_report_new (r->module);
  g_autofree char *line1 = header_line (report, row1, G_N_ELEMENTS (row1));
  g_autofree char *line2 = header_line (report, row2, G_N_ELEMENTS (row2));
  g_autofree char *line3 = header_line (report, row3, G_N_ELEMENTS (row3));
  double y = MARGIN + FONT_TITLE;

  c->funcs->text (c, MARGIN, y, title, FONT_TITLE, TRUE, LIR_ALIGN_START, &f->theme->foreground);
  if (f->o->diff != NULL)
    {
      const LirPlanDiff *diff = f->o->diff;
      g_autofree char *arena_a = lir_format_bytes (lir_plan_diff_get_stats (diff, FALSE)->arena_size);
      g_autofree char *arena_b = lir_format_bytes (r->stats.arena_size);
      g_autofree char *versus = NULL;

      versus = g_strdup_printf ("compared with %s: arena %s → %s (%+.1f%%), %u changes",
                                lir_module_get_name (lir_plan_diff_get_a (diff)), arena_a, arena_b,
                                lir_plan_diff_get_arena_growth (diff), lir_plan_diff_get_n_changes (diff));
      c->funcs->text (c, MARGIN + c->funcs->text_width (c, title, FONT_TITLE, TRUE) + 14, y, versus, FONT,
                      TRUE, LIR_ALIGN_START, &f->theme->accent);
    }
  y += LINE + 1;
  c->funcs->text (c, MARGIN, y, line1, FONT, FALSE, LIR_ALIGN_START, &f->theme->foreground);
  y += LINE;
  c->funcs->text (c, MARGIN, y, line2, FONT, FALSE, LIR_ALIGN_START, &f->theme->foreground);
  y += LINE;
  c->funcs->text (c, MARGIN, y, line3, FONT, FALSE, LIR_ALIGN_START, &f->theme->muted);
}

typedef struct
{
  const Frame *f;
  double x, y;
} Legend;

/* Adds one legend entry unless it would run off the canvas. */
static void
legend_add (Legend *lg, const LirRgba *swatch, gboolean hatched, gboolean line, gboolean dashed,
            const char *label)
{
  const Frame *f = lg->f;
  LirCanvas *c = f->canvas;
  double width = 16 + c->funcs->text_width (c, label, FONT_SMALL, FALSE) + 14;

  if (lg->x + width > f->width - MARGIN)
    return;
  if (line)
    c->funcs->line (c, lg->x, lg->y - 3.5, lg->x + 12, lg->y - 3.5, swatch, 2.0, dashed);
  else if (hatched)
    {
      c->funcs->hatch_rect (c, lg->x, lg->y - 9, 12, 10, swatch);
      c->funcs->stroke_rect (c, lg->x, lg->y - 9, 12, 10, swatch, 1.0, TRUE);
    }
  else
    c->funcs->fill_rect (c, lg->x, lg->y - 9, 12, 10, swatch);
  c->funcs->text (c, lg->x + 16, lg->y, label, FONT_SMALL, FALSE, LIR_ALIGN_START, &f->theme->foreground);
  lg->x += width;
}

void
lir_render_draw_legend (const Frame *f, double y)
{
  Legend lg = { f, MARGIN, y };
  LirRgba hatch = with_alpha (f->theme->foreground, 0.45);

  switch (lir_render_effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      for (guint i = 0; i < f->r->n_op_names; i++)
        legend_add (&lg, &lir_render_op_colors[i], FALSE, FALSE, FALSE, f->r->op_names[i]);
      if (f->r->n_op_names == N_OP_COLORS)
        legend_add (&lg, &lir_render_op_colors[N_OP_COLORS], FALSE, FALSE, FALSE, "other");
      break;
    case LIR_COLOR_BY_SIZE:
      for (guint i = 0; i < N_SIZE_CLASSES; i++)
        legend_add (&lg, &lir_render_size_colors[i], FALSE, FALSE, FALSE, lir_render_size_class_names[i]);
      break;
    case LIR_COLOR_BY_KIND:
      for (guint k = 0; k < LIR_N_BUFFER_KINDS; k++)
        legend_add (&lg, &lir_render_kind_colors[k], FALSE, FALSE, FALSE,
                    lir_buffer_kind_to_string ((LirBufferKind)k));
      break;
    case LIR_COLOR_BY_CATEGORY:
      for (guint c = 0; c <= SAVED_ACTIVATION; c++)
        if (f->r->categories_present & (1u << c))
          legend_add (&lg, &lir_render_category_colors[c], FALSE, FALSE, FALSE,
                      c == SAVED_ACTIVATION ? "saved activation" : lir_category_to_string ((LirCategory)c));
      break;
    case LIR_COLOR_BY_PHASE:
    default:
      for (guint p = 0; p <= LIR_PHASE_NONE; p++)
        legend_add (&lg, &lir_render_phase_colors[p], FALSE, FALSE, FALSE, lir_phase_get_label ((LirPhase)p));
      break;
    }
  legend_add (&lg, &hatch, TRUE, FALSE, FALSE, "view (shares its root's bytes)");
  if (f->r->n_dynamic > 0)
    {
      LirRgba dynamic_hatch = lir_render_dynamic_hatch (f);

      legend_add (&lg, &dynamic_hatch, TRUE, FALSE, FALSE, "dynamic, not in the arena");
    }
  if (f->o->diff != NULL)
    {
      legend_add (&lg, &lir_render_diff_added, FALSE, TRUE, FALSE, "added");
      legend_add (&lg, &lir_render_diff_resized, FALSE, TRUE, FALSE, "resized");
      legend_add (&lg, &lir_render_diff_moved, FALSE, TRUE, FALSE, "moved");
      legend_add (&lg, &f->theme->muted, FALSE, TRUE, TRUE, "where it was in A");
      legend_add (&lg, &lir_render_diff_removed, FALSE, TRUE, TRUE, "gone from A");
    }
  legend_add (&lg, &f->theme->arena, FALSE, TRUE, FALSE, "arena size");
  legend_add (&lg, &f->theme->arena, FALSE, TRUE, FALSE, "sets the arena (bar on its top)");
  legend_add (&lg, &f->theme->bound, FALSE, TRUE, TRUE, "lower bound / peak");
  legend_add (&lg, &f->theme->accent, FALSE, TRUE, TRUE, "selection's readers");
  if (f->o->n_flagged > 0)
    legend_add (&lg, &lir_render_diff_removed, FALSE, TRUE, FALSE, "overlaps (invalid)");
}

#define LEGEND_HEIGHT 18.0

/* Returns: the height lir_renderer_draw_legend () needs, in pixels */
/**
 * lir_renderer_get_legend_height:

 *
 * The height lir_renderer_draw_legend() needs.
 *
 * Returns: the legend's height in pixels
 */
double
lir_renderer_get_legend_height (void)
{
  return LEGEND_HEIGHT;
}

/**
 * lir_renderer_draw_legend:
 * @renderer: a renderer
 * @cr: where to draw; the area is (0, 0, @width, legend height)
 * @width: the width available; entries that do not fit are left out
 * @options: the options the timeline is drawn with
 *
 * The legend the exports carry, as one row, for the app to show beside its
 * timeline: the colours of the current colour-by, views, the diff's marks,
 * the arena and bound lines, the selection's readers.
 */
void
lir_renderer_draw_legend (const LirRenderer *renderer, cairo_t *cr, double width,
                          const LirRenderOptions *options)
{
  g_return_if_fail (renderer != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (options != NULL);

  g_autoptr (LirCanvas) canvas = lir_canvas_cairo_new (cr);
  Frame f = { 0 };

  f.r = renderer;
  f.o = options;
  f.theme = &lir_render_themes[options->theme == LIR_THEME_DARK ? LIR_THEME_DARK : LIR_THEME_LIGHT];
  f.canvas = canvas;
  f.width = width;
  f.height = LEGEND_HEIGHT;
  cairo_save (cr);
  lir_render_draw_legend (&f, LEGEND_HEIGHT - 5);
  cairo_restore (cr);
}
