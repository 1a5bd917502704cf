/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-private.h: what the renderer's drawing files share: the
 * renderer's state, the theme and the frame being drawn. */
#pragma once

#include "lir-canvas-private.h"
#include "lir-render.h"
#include "plan/lir-buffer-plan-private.h"
#include "plan/lir-live-set.h"
#include "plan/lir-plan-stats.h"

G_BEGIN_DECLS

#define N_OP_COLORS 10 /* op kinds with their own colour; the rest share grey */
#define SAVED_ACTIVATION LIR_N_CATEGORIES /* a category colour of its own */
#define N_SIZE_CLASSES 5
#define MAX_CALLOUTS 5 /* buffers named at the peak in exports, besides those that set the arena */

#define FONT 11.0
#define FONT_SMALL 9.5
#define FONT_TITLE 15.0

/* The frame's margins and rows, in pixels. */
#define MARGIN 10.0
#define AXIS_LEFT 74.0
#define AXIS_BOTTOM 44.0
#define LINE 17.0
#define LIR_RENDER_DYNAMIC_LANE_HEIGHT 12.0 /* a lane of the band of nodes out of the arena */

typedef struct
{
  LirRgba background;
  LirRgba plot_background;
  LirRgba foreground;
  LirRgba muted;
  LirRgba grid;
  LirRgba outline;
  LirRgba accent;
  LirRgba arena;
  LirRgba bound;
  LirRgba strip_fill;
} Theme;

struct _LirRenderer
{
  gint ref_count;
  LirModule *module;
  LirBufferPlan *plan;
  LirGraph *graph;
  LirPlanIndex *index;
  LirPlanStats stats;
  guint n_steps;
  LirLiveProfile *live;
  guint64 max_live;
  guint8 *op_rank;                  /* per node, N_OP_COLORS for "other" */
  guint8 *kinds;                    /* per node, LirBufferKind */
  guint8 *categories;               /* per node, LirCategory; SAVED_ACTIVATION for a saved one */
  guint categories_present;         /* bit per value of categories[] over nodes with a slot */
  GArray *top_edge;                 /* guint32: the buffers whose top is the arena, largest first */
  GArray *top_edge_by_step;         /* the same, by first step, to draw merged */
  guint32 *peak_largest;            /* the largest buffers live at the peak step */
  guint n_peak_largest;
  const char *op_names[N_OP_COLORS]; /* interned in the graph */
  guint n_op_names;
  gboolean has_phases;
  gboolean has_regions; /* a training step's: the band shows them instead of phases */
  guint32 *step_node;               /* the schedule: node at each step below n_step_nodes */
  guint n_step_nodes;
  guint32 *consumer_start;          /* CSR of readers, graph modules only */
  guint32 *consumers;
  guint32 *dynamic;                 /* nodes out of the arena for a dynamic dim, by first step */
  guint8 *dynamic_lane;             /* the band lane of each */
  guint n_dynamic;
  guint n_dynamic_lanes;
  LirColumnMap *columns;            /* steps to drawn columns; NULL when every step runs */
};

typedef struct
{
  const LirRenderer *r;
  const LirRenderOptions *o;
  const Theme *theme;
  LirCanvas *canvas;
  LirRenderLayout l;
  LirViewport vp;
  double width, height;
  double col_start, col_end; /* the viewport's steps as drawn columns */
  double px_per_step;        /* pixels per drawn column */
  double px_per_byte;
} Frame;

/* A buffer's rectangle on the canvas. */
typedef struct
{
  double x0, y0, x1, y1; /* clipped to the plot, pixels */
  gboolean whole;        /* big enough to draw on its own */
} Box;

LirColumnMap *lir_column_map_new  (const LirRenderer *r);
void          lir_column_map_free (LirColumnMap *map);

extern const LirRgba lir_render_phase_colors[LIR_PHASE_NONE + 1];

/* lir_render_layout_x_of_step () with the viewport's columns the frame
 * already holds: this runs twice per buffer drawn. */
static inline double
step_x (const Frame *f, double step)
{
  return f->l.plot_x + (lir_render_layout_column_of_step (&f->l, step) - f->col_start) * f->px_per_step;
}

/* lir_render_layout_y_of_byte (), the same arithmetic, for the frame. */
static inline double
byte_y (const Frame *f, double byte)
{
  double span = f->vp.byte_end - f->vp.byte_start;

  return f->l.plot_y + f->l.plot_height - (byte - f->vp.byte_start) * f->l.plot_height / (span > 0 ? span : 1);
}

static inline LirRgba
with_alpha (LirRgba c, double a)
{
  c.a = a;
  return c;
}

/* The hatch of nodes out of the arena, in the band and the legend. */
static inline LirRgba
lir_render_dynamic_hatch (const Frame *f)
{
  return with_alpha (f->theme->muted, 0.6);
}

int    lir_render_compare_first_step (gconstpointer a,
                                      gconstpointer b,
                                      gpointer      plan);

/* lir-render-layout.c */
double lir_render_nice_step_spacing (double min_spacing);
double lir_render_nice_byte_spacing (double min_spacing);

/* lir-render-style.c */
LirColorBy lir_render_effective_color_by (const Frame *f);
guint8 lir_render_color_key (const Frame *f, guint32 id);
LirRgba lir_render_key_color (const Frame *f, guint8 key);
gboolean lir_render_is_dimmed (const Frame *f, guint32 id);
extern const Theme lir_render_themes[LIR_THEME_DARK + 1];
extern const LirRgba lir_render_op_colors[N_OP_COLORS + 1];
extern const LirRgba lir_render_size_colors[N_SIZE_CLASSES];
extern const LirRgba lir_render_kind_colors[LIR_N_BUFFER_KINDS];
extern const LirRgba lir_render_category_colors[LIR_N_CATEGORIES + 1];
extern const char *const lir_render_size_class_names[N_SIZE_CLASSES];
/* A diff's colours: added, resized, moved; removed (also what overlaps). */
extern const LirRgba lir_render_diff_added;
extern const LirRgba lir_render_diff_resized;
extern const LirRgba lir_render_diff_moved;
extern const LirRgba lir_render_diff_removed;

/* lir-render-buffers.c */
gboolean lir_render_buffer_box (const Frame *f, guint32 id, Box *box);
gboolean lir_render_label_fits (const Frame *f, guint32 id, const Box *box);
void lir_render_draw_buffers (const Frame *f);
void lir_render_draw_diff (const Frame *f);

/* lir-render-marks.c */
void lir_render_draw_byte_axis (const Frame *f);
void lir_render_draw_step_axis (const Frame *f);
void lir_render_draw_reference_lines (const Frame *f);
void lir_render_draw_peak_mark (const Frame *f);
void lir_render_draw_top_edge (const Frame *f);
void lir_render_draw_flagged (const Frame *f);
void lir_render_draw_callouts (const Frame *f);
void lir_render_draw_selection (const Frame *f);
void lir_render_draw_cursor (const Frame *f);

/* lir-render-header.c */
void lir_render_draw_header (const Frame *f);
void lir_render_draw_legend (const Frame *f, double y);

/* lir-render-bands.c: the bands above the timeline */
void   lir_renderer_init_dynamic     (LirRenderer *renderer);
void   lir_render_draw_strip         (const Frame *f);
void   lir_render_draw_phase_band    (const Frame *f);
void   lir_render_draw_region_boundaries (const Frame *f);
void   lir_render_draw_dynamic_band  (const Frame *f);

G_END_DECLS
