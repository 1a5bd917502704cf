/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render.h: the plan timeline, drawn once for the app and every export. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <cairo.h>

#include "plan/lir-diff.h"
#include "plan/lir-module.h"
#include "plan/lir-plan-index.h"

G_BEGIN_DECLS

/**
 * LirColorBy:
 * @LIR_COLOR_BY_PHASE: by streaming phase (prologue, steady state, epilogue);
 *   by category for a training step, by size without phases
 * @LIR_COLOR_BY_OP: by the op (or the op's label) that produced the buffer
 * @LIR_COLOR_BY_SIZE: by size class
 * @LIR_COLOR_BY_KIND: input, param, constant, activation or output
 * @LIR_COLOR_BY_CATEGORY: a training step's categories (parameter,
 *   optimizer state, activation, saved activation, gradient, …); by kind
 *   when the graph has none
 *
 * What the colour of a buffer on the timeline says.
 */
typedef enum {
  LIR_COLOR_BY_PHASE,
  LIR_COLOR_BY_OP,
  LIR_COLOR_BY_SIZE,
  LIR_COLOR_BY_KIND,
  LIR_COLOR_BY_CATEGORY,
} LirColorBy;

/**
 * LirTheme:
 * @LIR_THEME_LIGHT: dark ink on a light background
 * @LIR_THEME_DARK: light ink on a dark background
 *
 * The palette a drawing uses.
 */
typedef enum {
  LIR_THEME_LIGHT,
  LIR_THEME_DARK,
} LirTheme;

/**
 * LirRenderFormat:
 * @LIR_RENDER_SVG: SVG, with a `<title>` for every buffer
 * @LIR_RENDER_PNG: PNG
 * @LIR_RENDER_PDF: PDF
 *
 * The file formats lir_renderer_export() writes.
 */
typedef enum {
  LIR_RENDER_SVG,
  LIR_RENDER_PNG,
  LIR_RENDER_PDF,
} LirRenderFormat;

/**
 * LirViewport:
 * @step_start: first visible step (fractional when zoomed)
 * @step_end: end of the visible steps (exclusive)
 * @byte_start: lowest visible arena offset
 * @byte_end: highest visible arena offset
 *
 * The region of the timeline to draw. Offset 0 is at the bottom.
 */
typedef struct
{
  double step_start;
  double step_end;
  double byte_start;
  double byte_end;
} LirViewport;

#define LIR_TYPE_VIEWPORT (lir_viewport_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_viewport_get_type (void) G_GNUC_CONST;

/**
 * LirRenderOptions:
 * @color_by: what a buffer's colour says
 * @theme: light or dark
 * @labels: draw buffer and step names where they fit
 * @header: draw the title block and the legend
 * @strip: draw the live-bytes strip chart above the timeline
 * @hidden_phases: bit (1 << #LirPhase) set dims that phase's buffers
 * @selected: a node to highlight with its lifetime and readers, or %LIR_NO_NODE
 * @cursor_step: a step to mark with the live set's bytes, or -1
 * @callouts: name the buffers that set the arena and the largest at the
 *   peak beside the plot, whatever their size on screen (exports)
 * @flagged: (array length=n_flagged) (nullable): buffers to outline as
 *   wrong (the overlapping buffers of an invalid plan)
 * @n_flagged: how many
 * @diff: (nullable): a diff from a baseline to the plan drawn: added,
 *   resized and moved buffers are outlined, the baseline's places of moved
 *   and removed buffers ghosted, and the header says how the arena changed
 * @all_steps: give every schedule step a column; by default a step whose
 *   node runs nothing (an input, a param, a constant) takes none, so the
 *   drawing shows the steps that run (step numbers stay schedule steps)
 *
 * What lir_renderer_export() draws and how; lir_render_options_init() fills
 * in the defaults.
 */
typedef struct
{
  LirColorBy color_by;
  LirTheme theme;
  gboolean labels;
  gboolean header;
  gboolean strip;
  guint hidden_phases;
  guint32 selected;
  gint64 cursor_step;
  gboolean callouts;
  const guint32 *flagged;
  guint n_flagged;
  const LirPlanDiff *diff;
  gboolean all_steps;
} LirRenderOptions;

#define LIR_TYPE_RENDER_OPTIONS (lir_render_options_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_render_options_get_type (void) G_GNUC_CONST;

/**
 * LirColumnMap:
 *
 * A renderer's map between schedule steps and the columns of its x axis;
 * opaque, reached through lir_render_layout_column_of_step() and
 * lir_render_layout_step_of_column().
 */
typedef struct _LirColumnMap LirColumnMap;

/**
 * LirRenderLayout:
 * @columns: (skip): the renderer's map from steps to drawn columns, or
 *   %NULL when every step has one
 *
 * Where things land for a given size, so a widget can map pointer
 * positions to steps and bytes. Rectangles are in pixels; the x axis is
 * in columns (see lir_render_layout_column_of_step()).
 */
typedef struct
{
  double header_height;
  double strip_x, strip_y, strip_width, strip_height;
  double band_y, band_height; /* the phase band */
  double dynamic_y, dynamic_height; /* nodes out of the arena for a dynamic dim */
  double plot_x, plot_y, plot_width, plot_height;
  const LirColumnMap *columns;
} LirRenderLayout;

#define LIR_TYPE_RENDER_LAYOUT (lir_render_layout_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_render_layout_get_type (void) G_GNUC_CONST;

/**
 * LirRenderer:
 *
 * Draws one module's plan as a timeline (x: schedule step, y: arena offset)
 * with its views, phases, live-bytes strip, header and legend, on cairo or
 * into SVG, PNG and PDF files; it also answers hit tests and describes the
 * buffer under a point. A reference-counted, immutable object.
 */
typedef struct _LirRenderer LirRenderer;

#define LIR_TYPE_RENDERER (lir_renderer_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_renderer_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
void          lir_render_options_init     (LirRenderOptions *options);
LIR_AVAILABLE_IN_ALL
gboolean      lir_render_format_from_path (const char      *path,
                                           LirRenderFormat *format);
LIR_AVAILABLE_IN_ALL
const char   *lir_render_format_get_extension (LirRenderFormat format);
LIR_AVAILABLE_IN_ALL
char         *lir_render_format_apply_to_path (const char      *path,
                                               LirRenderFormat  format);
LIR_AVAILABLE_IN_ALL
char         *lir_render_format_swap_extension (const char      *name,
                                                LirRenderFormat  format);

LIR_AVAILABLE_IN_ALL
LirRenderer  *lir_renderer_new            (LirModule *module);
LIR_AVAILABLE_IN_ALL
LirRenderer  *lir_renderer_ref            (LirRenderer *renderer);
LIR_AVAILABLE_IN_ALL
void          lir_renderer_unref           (LirRenderer *renderer);
LIR_AVAILABLE_IN_ALL
LirModule    *lir_renderer_get_module     (const LirRenderer *renderer);
LIR_AVAILABLE_IN_ALL
const LirPlanIndex *lir_renderer_get_index (const LirRenderer *renderer);
LIR_AVAILABLE_IN_ALL
guint         lir_renderer_get_n_steps    (const LirRenderer *renderer);
LIR_AVAILABLE_IN_ALL
guint64         lir_renderer_get_live_bytes (const LirRenderer *renderer,
                                             guint32            step);
LIR_AVAILABLE_IN_ALL
const guint32 *lir_renderer_get_readers   (const LirRenderer *renderer,
                                           guint32            node,
                                           guint             *n_readers);
LIR_AVAILABLE_IN_ALL
void          lir_renderer_get_full_viewport  (const LirRenderer *renderer,
                                           LirViewport       *viewport);
LIR_AVAILABLE_IN_ALL
void          lir_renderer_compute_layout         (const LirRenderer      *renderer,
                                           double                  width,
                                           double                  height,
                                           const LirRenderOptions *options,
                                           LirRenderLayout        *layout);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_x_of_step (const LirRenderLayout *layout,
                                           const LirViewport     *viewport,
                                           double                 step);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_y_of_byte (const LirRenderLayout *layout,
                                           const LirViewport     *viewport,
                                           double                 byte);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_step_at   (const LirRenderLayout *layout,
                                           const LirViewport     *viewport,
                                           double                 x);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_column_of_step (const LirRenderLayout *layout,
                                                double                 step);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_step_of_column (const LirRenderLayout *layout,
                                                double                 column);
LIR_AVAILABLE_IN_ALL
double        lir_render_layout_byte_at   (const LirRenderLayout *layout,
                                           const LirViewport     *viewport,
                                           double                 y);
LIR_AVAILABLE_IN_ALL
char         *lir_renderer_describe       (const LirRenderer *renderer,
                                           guint32            node);
LIR_AVAILABLE_IN_ALL
void          lir_renderer_draw           (const LirRenderer      *renderer,
                                           cairo_t                *cr,
                                           double                  width,
                                           double                  height,
                                           const LirViewport      *viewport,
                                           const LirRenderOptions *options);
LIR_AVAILABLE_IN_ALL
char         *lir_renderer_describe_dynamic (const LirRenderer *renderer,
                                             guint32            node);
LIR_AVAILABLE_IN_ALL
guint32       lir_renderer_get_dynamic_at     (const LirRenderer     *renderer,
                                           const LirRenderLayout *layout,
                                           const LirViewport     *viewport,
                                           double                 x,
                                           double                 y,
                                           double                *area);
LIR_AVAILABLE_IN_ALL
double        lir_renderer_get_legend_height  (void);
LIR_AVAILABLE_IN_ALL
void          lir_renderer_draw_legend    (const LirRenderer      *renderer,
                                           cairo_t                *cr,
                                           double                  width,
                                           const LirRenderOptions *options);
LIR_AVAILABLE_IN_ALL
gboolean      lir_renderer_get_activation_viewport (const LirRenderer *renderer,
                                                LirViewport       *viewport);
LIR_AVAILABLE_IN_ALL
char         *lir_renderer_to_svg         (const LirRenderer      *renderer,
                                           double                  width,
                                           double                  height,
                                           const LirViewport      *viewport,
                                           const LirRenderOptions *options,
                                           gsize                  *length);
LIR_AVAILABLE_IN_ALL
GBytes       *lir_renderer_export_bytes   (const LirRenderer      *renderer,
                                           LirRenderFormat         format,
                                           double                  width,
                                           double                  height,
                                           const LirViewport      *viewport,
                                           const LirRenderOptions *options,
                                           GError                **error);
LIR_AVAILABLE_IN_ALL
gboolean      lir_renderer_export         (const LirRenderer      *renderer,
                                           const char             *path,
                                           LirRenderFormat         format,
                                           double                  width,
                                           double                  height,
                                           const LirViewport      *viewport,
                                           const LirRenderOptions *options,
                                           GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirRenderer, lir_renderer_unref)

G_END_DECLS
