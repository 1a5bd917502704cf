/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-marks.c: axes, reference lines, the peak, the arena's top edge, callouts, selection and cursor.
 */
#include "lir-render-private.h"

#include <math.h>
#include <string.h>

#include "report/lir-format-private.h"

void
lir_render_draw_byte_axis (const Frame *f)
{
  LirCanvas *c = f->canvas;
  double range = f->vp.byte_end - f->vp.byte_start;
  double spacing = lir_render_nice_byte_spacing (range / MAX (f->l.plot_height / 42.0, 1));
  double tick = ceil (f->vp.byte_start / spacing) * spacing;

  for (guint n = 0; tick <= f->vp.byte_end && n < 200; tick += spacing, n++)
    {
      double y = byte_y (f, tick);
      g_autofree char *label = NULL;

      c->funcs->line (c, f->l.plot_x, y, f->l.plot_x + f->l.plot_width, y, &f->theme->grid, 1.0, FALSE);
      /* A label at the very top would run into the phase band's. */
      if (y < f->l.plot_y + FONT_SMALL - 2)
        continue;
      label = lir_format_bytes_axis (tick, spacing);
      c->funcs->text (c, f->l.plot_x - 6, y + 3.5, label, FONT_SMALL, FALSE, LIR_ALIGN_END, &f->theme->muted);
    }
}

void
lir_render_draw_step_axis (const Frame *f)
{
  LirCanvas *c = f->canvas;
  double spacing = lir_render_nice_step_spacing (64.0 / f->px_per_step);
  double tick = ceil (f->col_start / spacing) * spacing;
  double axis_y = f->l.plot_y + f->l.plot_height;
  double names_end = -1e9;
  gboolean names = f->o->labels && f->px_per_step >= 24 && !lir_module_is_buffer_only (f->r->module);

  /* Ticks are spaced in drawn columns and name the step drawn there (just
   * right of the tick: column 0 is also where collapsed steps 0, 1… sit). */
  for (guint n = 0; tick < f->col_end && n < 400; tick += spacing, n++)
    {
      double step = lir_render_layout_step_of_column (&f->l, tick + 1e-6) - 1e-6;
      double x = step_x (f, step);
      char label[24];

      c->funcs->line (c, x, f->l.plot_y, x, axis_y, &f->theme->grid, 1.0, FALSE);
      g_snprintf (label, sizeof label, "%.0f", step);
      if (x + c->funcs->text_width (c, label, FONT_SMALL, FALSE) <= f->width - 2)
        c->funcs->text (c, x, axis_y + 13, label, FONT_SMALL, FALSE, LIR_ALIGN_START, &f->theme->muted);
    }
  if (!names)
    return;
  /* Node names under the steps when there is room; a label that would
   * touch the previous one is dropped. */
  for (double s = floor (MAX (f->vp.step_start, 0)); s < MIN (f->vp.step_end, f->r->n_steps); s++)
    {
      guint32 node = s < f->r->n_step_nodes ? f->r->step_node[(guint)s] : LIR_NO_NODE;
      const char *name;
      double x, width;
      char scratch[LIR_SHORT_NAME_SIZE];

      if (node == LIR_NO_NODE)
        continue;
      if (step_x (f, s + 1) - step_x (f, s) < 1)
        continue; /* a collapsed step */
      name = lir_graph_get_node_short_label (f->r->graph, node, scratch);
      width = c->funcs->text_width (c, name, FONT_SMALL, FALSE);
      x = step_x (f, s + 0.5) - width / 2;
      if (width > f->px_per_step - 4 || x < names_end + 6 || x < f->l.plot_x
          || x + width > f->l.plot_x + f->l.plot_width)
        continue;
      c->funcs->text (c, x, axis_y + 28, name, FONT_SMALL, FALSE, LIR_ALIGN_START, &f->theme->foreground);
      names_end = x + width;
    }
}

/* A reference line across the plot, its label on a plate at the right end:
 * above the line, or below it when @below or when there is no room above. */
static void
draw_hline (const Frame *f, double bytes, const LirRgba *color, gboolean dashed, gboolean below,
            const char *label)
{
  LirCanvas *c = f->canvas;
  double y = byte_y (f, bytes);
  double width = c->funcs->text_width (c, label, FONT_SMALL, TRUE);
  double right = f->l.plot_x + f->l.plot_width - 4;
  LirRgba plate = with_alpha (f->theme->plot_background, 0.85);
  double base;

  if (y < f->l.plot_y - 0.5 || y > f->l.plot_y + f->l.plot_height + 0.5)
    return;
  c->funcs->line (c, f->l.plot_x, y, f->l.plot_x + f->l.plot_width, y, color, 1.5, dashed);
  if (y - FONT_SMALL - 4 < f->l.plot_y)
    below = TRUE;
  else if (y + FONT_SMALL + 4 > f->l.plot_y + f->l.plot_height)
    below = FALSE;
  base = below ? y + FONT_SMALL + 2 : y - 4;
  c->funcs->fill_rect (c, right - width - 3, base - FONT_SMALL, width + 6, FONT_SMALL + 3, &plate);
  c->funcs->text (c, right, base, label, FONT_SMALL, TRUE, LIR_ALIGN_END, color);
}

void
lir_render_draw_reference_lines (const Frame *f)
{
  const LirPlanStats *s = &f->r->stats;
  g_autofree char *arena = lir_format_bytes (s->arena_size);
  g_autofree char *bound = lir_format_bytes (s->lower_bound);

  /* When the two lines coincide, one label says both. */
  if (s->arena_size == s->lower_bound)
    {
      g_autofree char *both = g_strdup_printf ("arena = lower bound = %s", arena);

      draw_hline (f, (double)s->arena_size, &f->theme->arena, FALSE, FALSE, both);
    }
  else
    {
      g_autofree char *arena_label = g_strdup_printf ("arena %s", arena);
      g_autofree char *bound_label = g_strdup_printf ("lower bound %s", bound);

      /* The bound is the lower line: its label hangs below it, clear of the arena's. */
      draw_hline (f, (double)s->lower_bound, &f->theme->bound, TRUE, TRUE, bound_label);
      draw_hline (f, (double)s->arena_size, &f->theme->arena, FALSE, FALSE, arena_label);
    }
}

/* The peak step: a dashed line through the plot, named under the step axis
 * (outside the plot, so it never covers a buffer or a reference label). */
void
lir_render_draw_peak_mark (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirPlanStats *s = &f->r->stats;
  double x = step_x (f, s->peak_step + 0.5);
  double axis_y = f->l.plot_y + f->l.plot_height;
  double width = c->funcs->text_width (c, "▲ peak", FONT_SMALL, TRUE);
  double footer = c->funcs->text_width (c, "schedule step →", FONT_SMALL, FALSE);

  if (s->lower_bound == 0 || x < f->l.plot_x || x > f->l.plot_x + f->l.plot_width)
    return;
  c->funcs->push_clip (c, f->l.plot_x, f->l.plot_y, f->l.plot_width, f->l.plot_height);
  c->funcs->line (c, x, f->l.plot_y, x, axis_y, &f->theme->bound, 1.0, TRUE);
  c->funcs->pop_clip (c);
  x = CLAMP (x - width / 2, f->l.plot_x, f->l.plot_x + f->l.plot_width - width);
  if (x + width > f->l.plot_x + f->l.plot_width - footer - 8)
    return;
  c->funcs->text (c, x, f->height - 4, "▲ peak", FONT_SMALL, TRUE, LIR_ALIGN_START, &f->theme->bound);
}

/* The buffers that set the arena: a thick arena-coloured bar on their top
 * edge, drawn whatever their size, so a thin one is still seen. */
void
lir_render_draw_top_edge (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  double y = byte_y (f, (double)plan->arena_size);

  double run_start = 0, run_end = -1;

  if (y < f->l.plot_y - 2 || y > f->l.plot_y + f->l.plot_height + 2)
    return;
  /* Bars that touch on screen merge into one, so thousands of them stay one shape. */
  for (guint i = 0; i <= f->r->top_edge_by_step->len; i++)
    {
      double x0 = 0, x1 = -1;

      if (i < f->r->top_edge_by_step->len)
        {
          const LirLifetime *life = &plan->lifetimes[g_array_index (f->r->top_edge_by_step, guint32, i)];

          x0 = MAX (step_x (f, life->first_step), f->l.plot_x);
          x1 = MIN (step_x (f, (double)life->last_step + 1), f->l.plot_x + f->l.plot_width);
          if (x1 <= x0)
            continue;
          if (run_end >= run_start && x0 <= run_end + 1)
            {
              run_end = MAX (run_end, x1);
              continue;
            }
        }
      if (run_end >= run_start)
        c->funcs->fill_rect (c, run_start, y, MAX (run_end - run_start, 2), 3, &f->theme->arena);
      run_start = x0;
      run_end = x1;
    }
}

/* An invalid plan's overlapping buffers, outlined in red. */
void
lir_render_draw_flagged (const Frame *f)
{
  for (guint i = 0; i < f->o->n_flagged; i++)
    {
      Box box;
      guint32 id = f->o->flagged[i];

      if (id < f->r->plan->n_nodes && f->r->plan->slot_flags[id] != LIR_SLOT_NONE
          && lir_render_buffer_box (f, id, &box))
        f->canvas->funcs->stroke_rect (f->canvas, box.x0, box.y0, MAX (box.x1 - box.x0, 3),
                                       MAX (box.y1 - box.y0, 3), &lir_render_diff_removed, 2.5, FALSE);
    }
}

typedef struct
{
  guint32 node;
  gboolean sets_arena;
} Callout;

/* Exports name what matters however thin it is on the page: the buffers that
 * set the arena and the largest ones at the peak — those in the picture
 * whose name does not already fit in their box, so that a leader never
 * points off the page nor at a buffer that says its own name. The labels
 * stand in one column at the plot's top left, each on its own line (so they
 * never overlap each other, nor the reference labels at the right end or
 * the peak mark under the axis), with a leader to the buffer. */
static gboolean
wants_callout (const Frame *f, guint32 id)
{
  Box box;

  return lir_render_buffer_box (f, id, &box) && !lir_render_label_fits (f, id, &box);
}

void
lir_render_draw_callouts (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  Callout callouts[2 * MAX_CALLOUTS];
  guint n = 0;
  double y = f->l.plot_y + FONT_SMALL + 6;
  LirRgba plate = with_alpha (f->theme->background, 0.9);

  for (guint i = 0; i < f->r->top_edge->len && n < MAX_CALLOUTS; i++)
    if (wants_callout (f, g_array_index (f->r->top_edge, guint32, i)))
      callouts[n++] = (Callout){ g_array_index (f->r->top_edge, guint32, i), TRUE };
  for (guint i = 0; i < f->r->n_peak_largest && n < G_N_ELEMENTS (callouts); i++)
    {
      gboolean seen = FALSE;

      for (guint k = 0; k < n; k++)
        seen |= callouts[k].node == f->r->peak_largest[i];
      if (!seen && wants_callout (f, f->r->peak_largest[i]))
        callouts[n++] = (Callout){ f->r->peak_largest[i], FALSE };
    }
  for (guint i = 0; i < n && y + LINE < f->l.plot_y + f->l.plot_height; i++)
    {
      guint32 id = callouts[i].node;
      const LirLifetime *life = &plan->lifetimes[id];
      const LirBufferSlot *slot = &plan->slots[id];
      char scratch[LIR_SHORT_NAME_SIZE];
      g_autofree char *bytes = lir_format_bytes (slot->size);
      g_autofree char *text =
        g_strdup_printf ("%s%s · %s", callouts[i].sets_arena ? "sets the arena: " : "",
                         lir_graph_get_node_short_label (f->r->graph, id, scratch), bytes);
      double width = c->funcs->text_width (c, text, FONT_SMALL, TRUE);
      double x = f->l.plot_x + 6;
      double mid_step =
        CLAMP (((double)life->first_step + life->last_step + 1) / 2, f->vp.step_start, f->vp.step_end);
      double tx = step_x (f, mid_step);
      double ty = callouts[i].sets_arena ? byte_y (f, (double)slot->offset + (double)slot->size)
                                         : byte_y (f, (double)slot->offset + (double)slot->size / 2);

      ty = CLAMP (ty, f->l.plot_y, f->l.plot_y + f->l.plot_height);
      c->funcs->line (c, x + width + 3, y - FONT_SMALL / 3, tx, ty,
                      callouts[i].sets_arena ? &f->theme->arena : &f->theme->muted, 1.0, TRUE);
      c->funcs->fill_rect (c, x - 3, y - FONT_SMALL, width + 6, FONT_SMALL + 4, &plate);
      c->funcs->text (c, x, y, text, FONT_SMALL, TRUE, LIR_ALIGN_START,
                      callouts[i].sets_arena ? &f->theme->arena : &f->theme->foreground);
      y += LINE;
    }
}

void
lir_render_draw_selection (const Frame *f)
{
  LirCanvas *c = f->canvas;
  const LirBufferPlan *plan = f->r->plan;
  guint32 id = f->o->selected;
  const LirLifetime *life;
  double axis_y = f->l.plot_y + f->l.plot_height;
  Box box;

  if (id == LIR_NO_NODE || id >= plan->n_nodes || plan->slot_flags[id] == LIR_SLOT_NONE)
    return;
  life = &plan->lifetimes[id];
  /* The lifetime as a bar on the step axis, readers as ticks on it. */
  {
    double x0 = MAX (step_x (f, life->first_step), f->l.plot_x);
    double x1 = MIN (step_x (f, (double)life->last_step + 1), f->l.plot_x + f->l.plot_width);
    LirRgba bar = with_alpha (f->theme->accent, 0.35);

    if (x1 > x0)
      c->funcs->fill_rect (c, x0, axis_y + 1, x1 - x0, 4, &bar);
  }
  if (f->r->consumers != NULL)
    {
      for (guint32 k = f->r->consumer_start[id]; k < f->r->consumer_start[id + 1]; k++)
        {
          guint32 step = plan->step_of[f->r->consumers[k]];
          double x;

          if (step == G_MAXUINT32)
            continue;
          x = step_x (f, step + 0.5);
          if (x >= f->l.plot_x && x <= f->l.plot_x + f->l.plot_width)
            c->funcs->line (c, x, f->l.plot_y, x, axis_y + 5, &f->theme->accent, 1.0, TRUE);
        }
    }
  if (lir_render_buffer_box (f, id, &box))
    {
      double w = MAX (box.x1 - box.x0, 3), h = MAX (box.y1 - box.y0, 3);

      c->funcs->stroke_rect (c, box.x0 - 1, box.y0 - 1, w + 2, h + 2, &f->theme->accent, 2.5, FALSE);
    }
}

void
lir_render_draw_cursor (const Frame *f)
{
  LirCanvas *c = f->canvas;
  gint64 step = f->o->cursor_step;
  double x;
  g_autofree char *bytes = NULL;
  g_autofree char *label = NULL;

  if (step < 0 || (guint64)step >= f->r->n_steps)
    return;
  x = step_x (f, step + 0.5);
  if (x < f->l.plot_x || x > f->l.plot_x + f->l.plot_width)
    return;
  bytes = lir_format_bytes (lir_live_profile_at (f->r->live, (guint32)step));
  label = g_strdup_printf ("step %" G_GINT64_FORMAT " · live %s", step, bytes);
  c->funcs->line (c, x, f->l.plot_y, x, f->l.plot_y + f->l.plot_height, &f->theme->foreground, 1.0, FALSE);
  /* At the foot of the plot, on a plate, clear of the reference lines' labels. */
  {
    double width = c->funcs->text_width (c, label, FONT_SMALL, TRUE);
    gboolean right = x + 10 + width < f->l.plot_x + f->l.plot_width;
    double left = right ? x + 4 : x - 4 - width;
    double base = f->l.plot_y + f->l.plot_height - 6;
    LirRgba plate = with_alpha (f->theme->background, 0.85);

    c->funcs->fill_rect (c, left - 3, base - FONT_SMALL - 1, width + 6, FONT_SMALL + 5, &plate);
    c->funcs->text (c, left, base, label, FONT_SMALL, TRUE, LIR_ALIGN_START, &f->theme->foreground);
  }
}
