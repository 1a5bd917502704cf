/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-bands.c: the bands drawn above the timeline, on its step axis:
 * the live-bytes strip chart, the phase band, and the dynamic band, where
 * the nodes RLX leaves out of the arena for a dynamic dim are drawn by
 * lifetime (they have no offset to draw them at).
 */
#include "lir-render-private.h"

#include <math.h>

#include "report/lir-format-private.h"
#include "plan/lir-live-set.h"

void
lir_render_draw_strip (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirRenderLayout *l = &f->l;
  double top = (double)MAX (MAX (f->r->stats.arena_size, f->r->max_live), 1) * 1.25;
  guint cols = (guint)MAX (ceil (l->strip_width), 1);
  g_autoptr (GArray) points = g_array_new (FALSE, FALSE, sizeof (double));
  double base = l->strip_y + l->strip_height;
  g_autofree char *peak = lir_format_bytes (f->r->max_live);
  g_autofree char *title = g_strdup_printf ("live bytes (peak %s)", peak);
  double y_arena = base - (double)f->r->stats.arena_size / top * l->strip_height;

  c->funcs->fill_rect (c, l->strip_x, l->strip_y, l->strip_width, l->strip_height,
                       &f->theme->plot_background);
  /* One point per pixel column: the most bytes live at any step in it. */
  for (guint col = 0; col < cols; col++)
    {
      double s0 = lir_render_layout_step_of_column (l, f->col_start + col / f->px_per_step);
      double s1 = lir_render_layout_step_of_column (l, f->col_start + (col + 1) / f->px_per_step);
      gint64 a = (gint64)floor (s0), b = (gint64)ceil (s1);
      guint64 most = 0;
      double y;

      a = MAX (a, 0);
      b = MIN (b, (gint64)f->r->n_steps);
      if (a >= b)
        continue;
      most = lir_live_profile_max (f->r->live, (guint32)a, (guint32)b, NULL);
      if (points->len == 0)
        {
          double x = l->strip_x + col, y0 = base;

          g_array_append_val (points, x);
          g_array_append_val (points, y0);
        }
      y = base - (double)most / top * l->strip_height;
      for (int k = 0; k < 2; k++)
        {
          double x = l->strip_x + col + k;

          g_array_append_val (points, x);
          g_array_append_val (points, y);
        }
    }
  if (points->len >= 4)
    {
      double x = g_array_index (points, double, points->len - 2), y = base;

      g_array_append_val (points, x);
      g_array_append_val (points, y);
      c->funcs->fill_polygon (c, (double *)points->data, points->len / 2, &f->theme->strip_fill);
    }
  c->funcs->line (c, l->strip_x, y_arena, l->strip_x + l->strip_width, y_arena, &f->theme->arena, 1.0, TRUE);
  c->funcs->text (c, l->strip_x + 4, l->strip_y + 11, title, FONT_SMALL, FALSE, LIR_ALIGN_START,
                  &f->theme->foreground);
}

/* What a band shows at one node: a phase or a region (-1 for none). */
typedef int (*BandValue) (const Frame *f, guint32 node);

static int
phase_of (const Frame *f, guint32 node)
{
  return f->r->plan->phases[node];
}

static int
region_of (const Frame *f, guint32 node)
{
  LirRegion region = lir_graph_get_node_region (f->r->graph, node);

  return region != LIR_REGION_NONE ? (int)region : -1;
}

/* Runs of pixel columns with the same value (that of the column's first
 * step), each a coloured rectangle named when its name fits. */
static void
draw_band (const Frame *f, const char *title, BandValue value, const LirRgba *colors,
           const char *(*name_of) (int value), guint dimmed)
{
  LirCanvas *c = f->canvas;
  const LirRenderLayout *l = &f->l;
  guint cols = (guint)MAX (ceil (l->plot_width), 1);
  guint run_start = 0;
  int run_value = -1;

  c->funcs->text (c, l->plot_x - 6, l->band_y + 10.5, title, FONT_SMALL, TRUE, LIR_ALIGN_END,
                  &f->theme->muted);
  for (guint col = 0; col <= cols; col++)
    {
      int v = -1;

      if (col < cols)
        {
          double s =
            floor (lir_render_layout_step_of_column (l, f->col_start + (col + 0.5) / f->px_per_step));

          if (s >= 0 && s < f->r->n_step_nodes && f->r->step_node[(guint)s] != LIR_NO_NODE)
            v = value (f, f->r->step_node[(guint)s]);
        }
      if (v == run_value && col < cols)
        continue;
      if (run_value >= 0)
        {
          LirRgba color = colors[run_value];
          double x = l->plot_x + run_start, w = (double)col - run_start;
          const char *name = name_of (run_value);

          color.a = (dimmed & (1u << run_value)) ? 0.25 : 0.9;
          if (f->canvas->wants_titles)
            f->canvas->funcs->begin_item (c, title, name);
          c->funcs->fill_rect (c, x, l->band_y, w, l->band_height, &color);
          if (f->canvas->wants_titles)
            f->canvas->funcs->end_item (c);
          if (c->funcs->text_width (c, name, FONT_SMALL, FALSE) + 6 < w)
            {
              LirRgba ink = { 0, 0, 0, 0.85 };

              c->funcs->text (c, x + 3, l->band_y + 10.5, name, FONT_SMALL, FALSE, LIR_ALIGN_START, &ink);
            }
        }
      run_start = col;
      run_value = v;
    }
}

static const char *
phase_name (int phase)
{
  return lir_phase_get_label ((LirPhase)phase);
}

static const char *
region_name (int region)
{
  return lir_region_get_label ((LirRegion)region);
}

/* GNOME's palette: the forward pass blue, the backward orange, the update purple. */
static const LirRgba region_colors[LIR_N_REGIONS] = {
  [LIR_REGION_NONE] = { 0.60, 0.60, 0.59, 1 },      /* light 5 */
  [LIR_REGION_FORWARD] = { 0.38, 0.63, 0.92, 1 },   /* blue 2 */
  [LIR_REGION_BACKWARD] = { 1.00, 0.64, 0.28, 1 },  /* orange 2 */
  [LIR_REGION_OPTIMIZER] = { 0.75, 0.38, 0.80, 1 }, /* purple 2 */
};

void
lir_render_draw_phase_band (const Frame *f)
{
  /* A training step's regions say more than RLX's phase heuristic would. */
  if (f->r->has_regions)
    draw_band (f, "region", region_of, region_colors, region_name, 0);
  else
    draw_band (f, "phase", phase_of, lir_render_phase_colors, phase_name, f->o->hidden_phases);
}

/* Where a training step's region changes (forward to backward, backward to
 * the update): a thin line through the plot, so the rise of the saved
 * activations and their fall read against it. */
void
lir_render_draw_region_boundaries (const Frame *f)
{
  LirCanvas *c = f->canvas;
  LirRgba ink = with_alpha (f->theme->foreground, 0.55);
  int last = -1;

  if (!f->r->has_regions)
    return;
  for (guint s = 0; s < f->r->n_step_nodes; s++)
    {
      guint32 node = f->r->step_node[s];
      int region = node != LIR_NO_NODE ? region_of (f, node) : -1;
      double x;

      if (region < 0)
        continue;
      if (last >= 0 && region != last)
        {
          x = step_x (f, s);
          if (x >= f->l.plot_x && x <= f->l.plot_x + f->l.plot_width)
            c->funcs->line (c, x, f->l.plot_y, x, f->l.plot_y + f->l.plot_height, &ink, 1.0, FALSE);
        }
      last = region;
    }
}

/* ---- dynamic band --------------------------------------------------------------------- */

#define DYNAMIC_LANES 6 /* more overlapping nodes share the last lane */

/* Lanes by first fit in order of first step, so nodes whose lifetimes
 * overlap sit one above the other while lanes last. */
void
lir_renderer_init_dynamic (LirRenderer *r)
{
  guint32 lane_end[DYNAMIC_LANES] = { 0 };

  r->dynamic = lir_module_get_dynamic_nodes (r->module, &r->n_dynamic);
  r->dynamic_lane = g_new0 (guint8, MAX (r->n_dynamic, 1));
  if (r->n_dynamic == 0)
    return;
  g_qsort_with_data (r->dynamic, r->n_dynamic, sizeof (guint32), lir_render_compare_first_step, r->plan);
  for (guint i = 0; i < r->n_dynamic; i++)
    {
      const LirLifetime *life = &r->plan->lifetimes[r->dynamic[i]];
      guint lane = 0;

      while (lane < DYNAMIC_LANES - 1 && lane < r->n_dynamic_lanes && lane_end[lane] > life->first_step)
        lane++;
      r->dynamic_lane[i] = (guint8)lane;
      lane_end[lane] = MAX (lane_end[lane], life->last_step + 1);
      r->n_dynamic_lanes = MAX (r->n_dynamic_lanes, lane + 1);
      r->n_steps = MAX (r->n_steps, life->last_step + 1);
    }
}

static gboolean
dynamic_box (const LirRenderer *r, const LirRenderLayout *l, const LirViewport *vp, guint i, double *x0,
             double *y0, double *x1, double *y1)
{
  const LirLifetime *life = &r->plan->lifetimes[r->dynamic[i]];
  double a = lir_render_layout_x_of_step (l, vp, life->first_step);
  double b = lir_render_layout_x_of_step (l, vp, (double)life->last_step + 1);

  if (b <= l->plot_x || a >= l->plot_x + l->plot_width)
    return FALSE;
  *x0 = MAX (a, l->plot_x);
  *x1 = MAX (MIN (b, l->plot_x + l->plot_width), *x0 + 1);
  *y0 = l->dynamic_y + 1 + r->dynamic_lane[i] * LIR_RENDER_DYNAMIC_LANE_HEIGHT;
  *y1 = *y0 + LIR_RENDER_DYNAMIC_LANE_HEIGHT - 2;
  return TRUE;
}

/**
 * lir_renderer_describe_dynamic:
 * @renderer: a renderer
 * @node: a node out of the arena for a dynamic dim
 *
 * Describes a node whose size needs a symbol the plan leaves unbound.
 *
 * Returns: (transfer full): the lines a tooltip shows for @node
 */
char *
lir_renderer_describe_dynamic (const LirRenderer *renderer, guint32 node)
{
  g_return_val_if_fail (renderer != NULL, NULL);
  g_return_val_if_fail (node < renderer->plan->n_nodes, NULL);

  const LirLifetime *life = &renderer->plan->lifetimes[node];
  char scratch[LIR_SHORT_NAME_SIZE];
  g_autofree char *shape = lir_graph_format_node_shape (renderer->graph, node);
  GString *out = g_string_new (lir_graph_get_node_short_label (renderer->graph, node, scratch));

  g_string_append_printf (out, "\nop %s, shape %s", lir_graph_get_node_op_label (renderer->graph, node),
                          shape);
  g_string_append (out, "\ndynamic, not in the arena: its size needs a symbol this plan leaves unbound");
  g_string_append_printf (out, "\nsteps %u–%u", life->first_step, life->last_step);
  return g_string_free (out, FALSE);
}

/**
 * lir_renderer_get_dynamic_at:
 * @renderer: a renderer
 * @layout: the layout it is drawn with
 * @viewport: the visible region
 * @x: a pixel column
 * @y: a pixel row
 * @area: (out) (optional): the node's bar, 4 doubles x, y, width, height
 *
 * Hit test of the band that shows the nodes left out of the arena.
 *
 * Returns: the dynamic node drawn at (@x, @y) in the dynamic band, the last
 *   drawn where bars share a lane; %LIR_NO_NODE if none
 */
guint32
lir_renderer_get_dynamic_at (const LirRenderer *renderer, const LirRenderLayout *layout,
                             const LirViewport *viewport, double x, double y, double *area)
{
  g_return_val_if_fail (renderer != NULL, LIR_NO_NODE);
  g_return_val_if_fail (layout != NULL, LIR_NO_NODE);
  g_return_val_if_fail (viewport != NULL, LIR_NO_NODE);

  guint32 found = LIR_NO_NODE;

  if (layout->dynamic_height <= 0 || y < layout->dynamic_y || y >= layout->dynamic_y + layout->dynamic_height)
    return LIR_NO_NODE;
  for (guint i = 0; i < renderer->n_dynamic; i++)
    {
      double x0, y0, x1, y1;

      if (dynamic_box (renderer, layout, viewport, i, &x0, &y0, &x1, &y1) && x >= x0 && x < x1 && y >= y0
          && y < y1)
        {
          found = renderer->dynamic[i];
          if (area != NULL)
            {
              area[0] = x0;
              area[1] = y0;
              area[2] = x1 - x0;
              area[3] = y1 - y0;
            }
        }
    }
  return found;
}

void
lir_render_draw_dynamic_band (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirRenderLayout *l = &f->l;
  LirRgba hatch = lir_render_dynamic_hatch (f);

  c->funcs->text (c, l->plot_x - 6, l->dynamic_y + 10, "dynamic", FONT_SMALL, TRUE, LIR_ALIGN_END,
                  &f->theme->muted);
  c->funcs->fill_rect (c, l->plot_x, l->dynamic_y, l->plot_width, l->dynamic_height,
                       &f->theme->plot_background);
  c->funcs->push_clip (c, l->plot_x, l->dynamic_y, l->plot_width, l->dynamic_height);
  for (guint i = 0; i < f->r->n_dynamic; i++)
    {
      guint32 id = f->r->dynamic[i];
      double x0, y0, x1, y1;

      if (!dynamic_box (f->r, l, &f->vp, i, &x0, &y0, &x1, &y1))
        continue;
      if (c->wants_titles)
        {
          g_autofree char *title = lir_renderer_describe_dynamic (f->r, id);

          c->funcs->begin_item (c, "dynamic", title);
        }
      c->funcs->hatch_rect (c, x0, y0, x1 - x0, y1 - y0, &hatch);
      c->funcs->stroke_rect (c, x0, y0, x1 - x0, y1 - y0, &f->theme->muted, 1.0, TRUE);
      if (f->o->labels && x1 - x0 > 40)
        {
          char scratch[LIR_SHORT_NAME_SIZE];
          g_autofree char *shape = lir_graph_format_node_shape (f->r->graph, id);
          g_autofree char *label =
            g_strdup_printf ("%s %s", lir_graph_get_node_short_label (f->r->graph, id, scratch), shape);

          double w = c->funcs->text_width (c, label, FONT_SMALL, FALSE);

          if (w + 6 < x1 - x0)
            {
              c->funcs->fill_rect (c, x0 + 2, y0 + 1, w + 2, y1 - y0 - 2, &f->theme->plot_background);
              c->funcs->text (c, x0 + 3, y1 - 2, label, FONT_SMALL, FALSE, LIR_ALIGN_START,
                              &f->theme->foreground);
            }
        }
      if (c->wants_titles)
        c->funcs->end_item (c);
    }
  c->funcs->pop_clip (c);
}
