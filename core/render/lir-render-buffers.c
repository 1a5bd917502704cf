/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-buffers.c: buffers as boxes, small ones merged into a coarse grid, and the diff overlay. */
#include "lir-render-private.h"

#include <math.h>
#include <string.h>

#define LOD_EMPTY 0xff

gboolean
lir_render_buffer_box (const Frame *f, guint32 id, Box *box)
{
  const LirBufferPlan *plan = f->r->plan;
  const LirLifetime *life = &plan->lifetimes[id];
  const LirBufferSlot *slot = &plan->slots[id];
  double x0 = step_x (f, life->first_step), x1 = step_x (f, (double)life->last_step + 1);
  double y1 = byte_y (f, (double)slot->offset);
  double y0 = byte_y (f, (double)slot->offset + (double)slot->size);
  double min = f->canvas->min_item_px;

  if (x1 <= f->l.plot_x || x0 >= f->l.plot_x + f->l.plot_width || y1 <= f->l.plot_y
      || y0 >= f->l.plot_y + f->l.plot_height)
    return FALSE;
  box->whole = x1 - x0 >= min && y1 - y0 >= min;
  box->x0 = MAX (x0, f->l.plot_x - 2);
  box->x1 = MIN (x1, f->l.plot_x + f->l.plot_width + 2);
  box->y0 = MAX (y0, f->l.plot_y - 2);
  box->y1 = MIN (y1, f->l.plot_y + f->l.plot_height + 2);
  return TRUE;
}

/* The level-of-detail grid: one colour key per cell, merged into
 * rectangles row by row, and rows into taller rectangles when a run
 * repeats exactly in the next row. */
typedef struct
{
  guint cols, rows;
  double cell;
  guint8 *keys;
  guint merged[256]; /* buffers merged, per colour key, for the title */
} LodGrid;

typedef struct
{
  guint x0, x1, y0;
  guint8 key;
} Run;

static void
lod_mark (LodGrid *g, const Frame *f, const Box *box, guint8 key)
{
  guint c0 = (guint)MAX ((box->x0 - f->l.plot_x) / g->cell, 0);
  guint c1 = (guint)MAX (ceil ((box->x1 - f->l.plot_x) / g->cell), c0 + 1);
  guint r0 = (guint)MAX ((box->y0 - f->l.plot_y) / g->cell, 0);
  guint r1 = (guint)MAX (ceil ((box->y1 - f->l.plot_y) / g->cell), r0 + 1);

  c1 = MIN (c1, g->cols);
  r1 = MIN (r1, g->rows);
  g->merged[key]++;
  /* The larger key wins a contested cell, so the result does not depend
   * on visiting order (LOD_EMPTY is 0xff: compare with key + 1). */
  for (guint row = r0; row < r1; row++)
    {
      guint8 *cells = &g->keys[row * g->cols];

      for (guint col = c0; col < c1; col++)
        if ((guint8)(cells[col] + 1) < key + 1)
          cells[col] = key;
    }
}

/* Merged cells are batched per colour and filled in one call: cairo fills
 * a path of many rectangles far faster than many one-rectangle fills. */
static void
lod_emit (const LodGrid *g, GArray **batches, const Run *run, guint y1)
{
  double rect[4] = { run->x0 * g->cell, run->y0 * g->cell, (run->x1 - run->x0) * g->cell,
                     (y1 - run->y0) * g->cell };

  if (batches[run->key] == NULL)
    batches[run->key] = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (batches[run->key], rect, 4);
}

static void
lod_flush (const Frame *f, const LodGrid *g)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Run));
  g_autoptr (GArray) next = g_array_new (FALSE, FALSE, sizeof (Run));
  GArray *batches[256] = { NULL };

  for (guint row = 0; row <= g->rows; row++)
    {
      guint o = 0;

      g_array_set_size (next, 0);
      for (guint col = 0; row < g->rows && col < g->cols;)
        {
          const guint8 *keys = &g->keys[row * g->cols];
          Run run = { col, col, row, keys[col] };

          while (run.x1 < g->cols && keys[run.x1] == run.key)
            run.x1++;
          col = run.x1;
          if (run.key == LOD_EMPTY)
            continue;
          /* Extend the open run above when it spans the same cells. */
          while (o < open->len && g_array_index (open, Run, o).x0 < run.x0)
            lod_emit (g, batches, &g_array_index (open, Run, o++), row);
          if (o < open->len && g_array_index (open, Run, o).x0 == run.x0
              && g_array_index (open, Run, o).x1 == run.x1 && g_array_index (open, Run, o).key == run.key)
            g_array_append_val (next, g_array_index (open, Run, o++));
          else
            g_array_append_val (next, run);
        }
      for (; o < open->len; o++)
        lod_emit (g, batches, &g_array_index (open, Run, o), row);
      {
        GArray *swap = open;
        open = next;
        next = swap;
      }
    }
  for (guint key = 0; key < G_N_ELEMENTS (batches); key++)
    {
      LirRgba color;

      if (batches[key] == NULL)
        continue;
      color = lir_render_key_color (f, (guint8)key);
      color.a = 0.8;
      if (f->canvas->wants_titles)
        {
          g_autofree char *title =
            g_strdup_printf ("%u buffers too small to draw one by one; zoom in", g->merged[key]);

          f->canvas->funcs->begin_item (f->canvas, "lod", title);
        }
      f->canvas->funcs->fill_rects (f->canvas, f->l.plot_x, f->l.plot_y, (const double *)batches[key]->data,
                                    batches[key]->len / 4, &color);
      if (f->canvas->wants_titles)
        f->canvas->funcs->end_item (f->canvas);
      g_array_unref (batches[key]);
    }
}

/* Whether a buffer's name fits in its box, where it is drawn; a callout
 * names only those it does not fit. */
gboolean
lir_render_label_fits (const Frame *f, guint32 id, const Box *box)
{
  char scratch[LIR_SHORT_NAME_SIZE];
  const char *label = lir_graph_get_node_short_label (f->r->graph, id, scratch);
  double avail_w = box->x1 - box->x0 - 6, avail_h = box->y1 - box->y0;

  if (!f->o->labels || avail_h < FONT_SMALL + 3 || avail_w < 12)
    return FALSE;
  return f->canvas->funcs->text_width (f->canvas, label, FONT_SMALL, FALSE) <= avail_w;
}

static void
draw_buffer_label (const Frame *f, guint32 id, const Box *box)
{
  char scratch[LIR_SHORT_NAME_SIZE];
  const char *label = lir_graph_get_node_short_label (f->r->graph, id, scratch);
  double avail_h = box->y1 - box->y0;
  LirRgba ink = { 0, 0, 0, 0.85 };

  if (!lir_render_label_fits (f, id, box))
    return;
  f->canvas->funcs->text (f->canvas, box->x0 + 3,
                          box->y0 + MIN (avail_h / 2 + FONT_SMALL / 2.8, FONT_SMALL + 2), label, FONT_SMALL,
                          FALSE, LIR_ALIGN_START, &ink);
}

static void
draw_whole_buffer (const Frame *f, guint32 id, const Box *box, gboolean view)
{
  LirCanvas *c = f->canvas;
  LirRgba color = lir_render_key_color (f, lir_render_color_key (f, id));
  double w = box->x1 - box->x0, h = box->y1 - box->y0;
  gboolean dim = lir_render_is_dimmed (f, id);

  if (c->wants_titles)
    {
      g_autofree char *title = lir_renderer_describe (f->r, id);

      c->funcs->begin_item (c, view ? "view" : "buffer", title);
    }
  if (view)
    {
      /* A view borrows its root's bytes: hatched and dashed, never filled
       * like an allocation. */
      LirRgba hatch = with_alpha (f->theme->foreground, dim ? 0.12 : 0.45);

      c->funcs->hatch_rect (c, box->x0, box->y0, w, h, &hatch);
      if (w >= 3 && h >= 3)
        c->funcs->stroke_rect (c, box->x0, box->y0, w, h, &hatch, 1.0, TRUE);
    }
  else
    {
      color.a = dim ? 0.15 : 0.88;
      c->funcs->fill_rect (c, box->x0, box->y0, w, h, &color);
      if (w >= 4 && h >= 4)
        {
          LirRgba outline = with_alpha (f->theme->outline, dim ? 0.1 : 0.45);

          c->funcs->stroke_rect (c, box->x0, box->y0, w, h, &outline, 1.0, FALSE);
        }
      if (f->o->labels && !dim)
        draw_buffer_label (f, id, box);
    }
  if (c->wants_titles)
    c->funcs->end_item (c);
}

void
lir_render_draw_buffers (const Frame *f)
{
  const LirBufferPlan *plan = f->r->plan;
  g_autoptr (GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint32 first = (guint32)CLAMP (floor (f->vp.step_start), 0, G_MAXUINT32);
  guint32 last = (guint32)CLAMP (ceil (f->vp.step_end), 0, G_MAXUINT32);
  g_autofree LodGrid *grid_storage = g_new0 (LodGrid, 1);
  LodGrid *grid = grid_storage;
  gboolean any_lod = FALSE;

  if (f->vp.step_end <= 0)
    return;
  lir_plan_index_query (f->r->index, first, last, visible);
  grid->cell = MAX (f->canvas->min_item_px, 1.0);
  grid->cols = (guint)ceil (f->l.plot_width / grid->cell);
  grid->rows = (guint)ceil (f->l.plot_height / grid->cell);
  grid->keys = g_malloc ((gsize)grid->cols * grid->rows);
  memset (grid->keys, LOD_EMPTY, (gsize)grid->cols * grid->rows);

  /* Owning buffers first, then views on top of them. On screen, small
   * buffers (no outline, no label) are batched per colour. */
  for (int pass = 0; pass < 2; pass++)
    {
      GArray *batches[256] = { NULL };

      for (guint i = 0; i < visible->len; i++)
        {
          guint32 id = g_array_index (visible, guint32, i);
          gboolean view = (plan->slot_flags[id] & LIR_SLOT_VIEW) != 0;
          Box box;

          if (view != (pass == 1) || !lir_render_buffer_box (f, id, &box))
            continue;
          if (!box.whole)
            {
              if (!view)
                {
                  lod_mark (grid, f, &box, lir_render_color_key (f, id));
                  any_lod = TRUE;
                }
            }
          else if (!view && !f->canvas->wants_titles && !lir_render_is_dimmed (f, id)
                   && (box.x1 - box.x0 < 4 || box.y1 - box.y0 < 4))
            {
              guint8 key = lir_render_color_key (f, id);
              double rect[4] = { box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0 };

              if (batches[key] == NULL)
                batches[key] = g_array_new (FALSE, FALSE, sizeof (double));
              g_array_append_vals (batches[key], rect, 4);
            }
          else
            draw_whole_buffer (f, id, &box, view);
        }
      for (guint key = 0; key < G_N_ELEMENTS (batches); key++)
        if (batches[key] != NULL)
          {
            LirRgba color = lir_render_key_color (f, (guint8)key);

            color.a = 0.88;
            f->canvas->funcs->fill_rects (f->canvas, 0, 0, (const double *)batches[key]->data,
                                          batches[key]->len / 4, &color);
            g_array_unref (batches[key]);
          }
      if (pass == 0 && any_lod)
        lod_flush (f, grid);
    }
  g_free (grid->keys);
}

/* ---- diff overlay ------------------------------------------------------------------- */

/* The rectangle a buffer had in A, on this plan's axes. */
static gboolean
ghost_box (const Frame *f, const LirBufferChange *c, Box *box)
{
  double x0 = step_x (f, c->first_a), x1 = step_x (f, (double)c->last_a + 1);
  double y1 = byte_y (f, (double)c->offset_a), y0 = byte_y (f, (double)c->offset_a + (double)c->size_a);

  if (c->size_a == 0 || x1 <= f->l.plot_x || x0 >= f->l.plot_x + f->l.plot_width || y1 <= f->l.plot_y
      || y0 >= f->l.plot_y + f->l.plot_height)
    return FALSE;
  box->x0 = MAX (x0, f->l.plot_x - 2);
  box->x1 = MIN (x1, f->l.plot_x + f->l.plot_width + 2);
  box->y0 = MAX (y0, f->l.plot_y - 2);
  box->y1 = MIN (y1, f->l.plot_y + f->l.plot_height + 2);
  box->whole = TRUE;
  return TRUE;
}

void
lir_render_draw_diff (const Frame *f)
{
  const LirPlanDiff *diff = f->o->diff;
  LirCanvas *c = f->canvas;

  if (diff == NULL)
    return;
  for (guint i = 0; i < lir_plan_diff_get_n_changes (diff); i++)
    {
      const LirBufferChange *change = lir_plan_diff_get_change (diff, i);
      const LirRgba *color;
      Box box;

      /* A's place, dashed, for what moved, changed size or went away. */
      if ((change->flags
           & (LIR_CHANGE_OFFSET | LIR_CHANGE_SIZE | LIR_CHANGE_LIFETIME | LIR_CHANGE_REMOVED
              | LIR_CHANGE_LEFT_ARENA))
          && ghost_box (f, change, &box) && box.x1 - box.x0 >= 2 && box.y1 - box.y0 >= 2)
        {
          const LirRgba *ghost = (change->flags & (LIR_CHANGE_REMOVED | LIR_CHANGE_LEFT_ARENA))
                                   ? &lir_render_diff_removed
                                   : &f->theme->muted;

          c->funcs->stroke_rect (c, box.x0, box.y0, box.x1 - box.x0, box.y1 - box.y0, ghost, 1.0, TRUE);
        }
      if (change->node_b == LIR_NO_NODE || f->r->plan->slot_flags[change->node_b] == LIR_SLOT_NONE
          || !lir_render_buffer_box (f, change->node_b, &box))
        continue;
      if (change->flags & (LIR_CHANGE_ADDED | LIR_CHANGE_ENTERED_ARENA))
        color = &lir_render_diff_added;
      else if (change->flags & LIR_CHANGE_SIZE)
        color = &lir_render_diff_resized;
      else if (change->flags & (LIR_CHANGE_OFFSET | LIR_CHANGE_LIFETIME))
        color = &lir_render_diff_moved;
      else
        continue;
      c->funcs->stroke_rect (c, box.x0, box.y0, MAX (box.x1 - box.x0, 2), MAX (box.y1 - box.y0, 2), color,
                             2.0, FALSE);
    }
}
