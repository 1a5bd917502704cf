/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline.c: the timeline's view state (viewport, options, zoom) over core/render.
 *
 * The widget keeps only view state (viewport, options, pointer) and turns
 * input into it; all drawing is lir_renderer_draw() and all hit-testing is
 * the plan index, so what is on screen is what the exports show.
 */
#include "lirscope-timeline-private.h"

#include <math.h>
#include <string.h>

#define MIN_STEP_SPAN 0.5
#define MIN_BYTE_SPAN 16.0

G_DEFINE_FINAL_TYPE (LirscopeTimeline, lirscope_timeline, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_VIEWPORT_CHANGED,
  SIGNAL_OPTIONS_CHANGED,
  N_SIGNALS
};

enum
{
  PROP_0,
  PROP_FOCUS_ACTIVATIONS,
  PROP_ALL_STEPS,
  N_PROPS
};

static guint signals[N_SIGNALS];

static LirRenderOptions
frame_options (LirscopeTimeline *self)
{
  LirRenderOptions options = self->options;

  /* The window's summary panel carries the header's figures. */
  options.header = FALSE;
  options.theme = self->dark ? LIR_THEME_DARK : LIR_THEME_LIGHT;
  if (self->session != NULL)
    {
      options.selected = lirscope_session_get_selected (self->session);
      options.cursor_step = lirscope_session_get_cursor_step (self->session);
      options.diff = lirscope_session_get_diff (self->session);
      if (lirscope_session_get_report (self->session) != NULL)
        options.flagged =
          lir_stats_report_get_flagged (lirscope_session_get_report (self->session), &options.n_flagged);
    }
  return options;
}

void
lirscope_timeline_current_layout (LirscopeTimeline *self, LirRenderLayout *layout)
{
  LirRenderOptions options = frame_options (self);

  lir_renderer_compute_layout (self->renderer, gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)), &options, layout);
}

/* Pans and zooms are linear in what is drawn: the viewport's steps as the
 * x axis's columns (steps that run nothing take none), and back. */
void
lirscope_timeline_steps_to_columns (const LirRenderLayout *layout, LirViewport *vp)
{
  vp->step_start = lir_render_layout_column_of_step (layout, vp->step_start);
  vp->step_end = lir_render_layout_column_of_step (layout, vp->step_end);
}

void
lirscope_timeline_columns_to_steps (const LirRenderLayout *layout, LirViewport *vp)
{
  vp->step_start = lir_render_layout_step_of_column (layout, vp->step_start);
  vp->step_end = lir_render_layout_step_of_column (layout, vp->step_end);
}

/* Keeps the viewport inside the plan (with the headroom of the full view)
 * and no smaller than half a column by 16 bytes. */
static void
clamp_viewport (LirscopeTimeline *self, LirViewport *vp)
{
  LirRenderLayout layout;
  LirViewport full = self->full;
  double full_steps, full_bytes = full.byte_end - full.byte_start;
  double span, bspan;

  /* NaN or infinite anywhere (a bad anchor, say) falls back to the whole plan. */
  if (!isfinite (vp->step_start) || !isfinite (vp->step_end) || !isfinite (vp->byte_start)
      || !isfinite (vp->byte_end) || !(vp->step_end > vp->step_start) || !(vp->byte_end > vp->byte_start))
    *vp = self->full;
  lirscope_timeline_current_layout (self, &layout);
  lirscope_timeline_steps_to_columns (&layout, vp);
  lirscope_timeline_steps_to_columns (&layout, &full);
  full_steps = full.step_end - full.step_start;
  span = CLAMP (vp->step_end - vp->step_start, MIN (MIN_STEP_SPAN, full_steps), full_steps);
  bspan = CLAMP (vp->byte_end - vp->byte_start, MIN (MIN_BYTE_SPAN, full_bytes), full_bytes);
  vp->step_start = CLAMP (vp->step_start, full.step_start, full.step_end - span);
  vp->step_end = vp->step_start + span;
  lirscope_timeline_columns_to_steps (&layout, vp);
  vp->byte_start = CLAMP (vp->byte_start, full.byte_start, full.byte_end - bspan);
  vp->byte_end = vp->byte_start + bspan;
}

void
lirscope_timeline_apply_viewport (LirscopeTimeline *self, const LirViewport *vp)
{
  LirViewport next = *vp;

  if (self->renderer == NULL)
    return;
  clamp_viewport (self, &next);
  if (memcmp (&next, &self->viewport, sizeof next) == 0)
    return;
  self->viewport = next;
  self->zoomed = memcmp (&next, &self->full, sizeof next) != 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_VIEWPORT_CHANGED], 0);
}

static void
lirscope_timeline_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  LirRenderOptions options;
  gint64 start;
  cairo_t *cr;

  if (self->renderer == NULL || width < 1 || height < 1)
    return;
  options = frame_options (self);
  start = g_get_monotonic_time ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  lir_renderer_draw (self->renderer, cr, width, height, &self->viewport, &options);
  cairo_destroy (cr);
  self->last_draw_us = g_get_monotonic_time () - start;
  self->n_draws++;
}

/* A timeline wants room: below its natural width plus the sidebar's, the
 * window's flap folds the sidebar away rather than squeezing the plot. */
static void
lirscope_timeline_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                           int *natural, int *minimum_baseline, int *natural_baseline)
{
  *minimum = 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 400;
}

/* ---- the session's plan ----------------------------------------------------------------- */

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, LirscopeTimeline *self)
{
  LirViewport old = self->viewport;

  self->renderer = lirscope_session_get_renderer (session);
  if (self->renderer == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  lir_renderer_get_full_viewport (self->renderer, &self->full);
  /* A re-plan or reload keeps a zoom the user made; a view the timeline
   * chose (the whole plan, or the activations when params dwarf them) is
   * chosen again for the new plan, so an arena that grew is seen whole. */
  if (keep_view && self->zoomed)
    clamp_viewport (self, &old);
  else if (self->focus_activations)
    lir_renderer_get_activation_viewport (self->renderer, &old);
  else
    old = self->full;
  self->zoomed = keep_view && self->zoomed && memcmp (&old, &self->full, sizeof old) != 0;
  self->viewport = old;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_VIEWPORT_CHANGED], 0);
}

static void
on_redraw_needed (LirscopeTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * lirscope_timeline_set_session:
 * @self: a timeline
 * @session: (transfer none): the session whose plan, selection, cursor and
 *   diff it shows
 */
void
lirscope_timeline_set_session (LirscopeTimeline *self, LirscopeSession *session)
{
  g_return_if_fail (self->session == NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "plan-changed", G_CALLBACK (on_plan_changed), self, 0);
  g_signal_connect_object (session, "diff-changed", G_CALLBACK (on_redraw_needed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected", G_CALLBACK (on_redraw_needed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::cursor-step", G_CALLBACK (on_redraw_needed), self,
                           G_CONNECT_SWAPPED);
}

/* ---- object --------------------------------------------------------------------------- */

static void
lirscope_timeline_dispose (GObject *object)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (object);

  self->renderer = NULL;
  g_clear_object (&self->session);
  G_OBJECT_CLASS (lirscope_timeline_parent_class)->dispose (object);
}

static void
lirscope_timeline_finalize (GObject *object)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (object);

  g_clear_object (&self->tooltip_label);
  G_OBJECT_CLASS (lirscope_timeline_parent_class)->finalize (object);
}

static void
lirscope_timeline_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (object);

  if (prop_id == PROP_FOCUS_ACTIVATIONS)
    g_value_set_boolean (value, self->focus_activations);
  else if (prop_id == PROP_ALL_STEPS)
    g_value_set_boolean (value, self->options.all_steps);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lirscope_timeline_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (object);

  if (prop_id == PROP_FOCUS_ACTIVATIONS)
    self->focus_activations = g_value_get_boolean (value);
  else if (prop_id == PROP_ALL_STEPS)
    lirscope_timeline_set_all_steps (self, g_value_get_boolean (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
lirscope_timeline_class_init (LirscopeTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lirscope_timeline_dispose;
  object_class->finalize = lirscope_timeline_finalize;
  object_class->get_property = lirscope_timeline_get_property;
  object_class->set_property = lirscope_timeline_set_property;
  /**
   * LirscopeTimeline:focus-activations:
   *
   * Open a plan whose params and constants take most of the arena zoomed
   * on its activations' bytes.
   */
  g_object_class_install_property (object_class, PROP_FOCUS_ACTIVATIONS,
                                   g_param_spec_boolean ("focus-activations", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  /**
   * LirscopeTimeline:all-steps:
   *
   * Give every schedule step a column; by default the steps of inputs,
   * params and constants, which run nothing, take none.
   */
  g_object_class_install_property (object_class, PROP_ALL_STEPS,
                                   g_param_spec_boolean ("all-steps", NULL, NULL, FALSE,
                                                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                           | G_PARAM_EXPLICIT_NOTIFY));
  widget_class->snapshot = lirscope_timeline_snapshot;
  widget_class->measure = lirscope_timeline_measure;
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  signals[SIGNAL_VIEWPORT_CHANGED] = g_signal_new ("viewport-changed", G_TYPE_FROM_CLASS (klass),
                                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* What is drawn changed besides the viewport: colours, theme, phases. */
  signals[SIGNAL_OPTIONS_CHANGED] = g_signal_new ("options-changed", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
lirscope_timeline_init (LirscopeTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  lir_render_options_init (&self->options);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
}

GtkWidget *
lirscope_timeline_new (void)
{
  return g_object_new (LIRSCOPE_TYPE_TIMELINE, NULL);
}

/**
 * lirscope_timeline_get_frame_options:
 * @self: a timeline
 * @options: (out caller-allocates): the options its frames are drawn with,
 *   the session's selection, cursor, diff and flagged buffers included
 */
void
lirscope_timeline_get_frame_options (LirscopeTimeline *self, LirRenderOptions *options)
{
  *options = frame_options (self);
}

/* Returns: (transfer none): what the timeline draws besides the plan */
const LirRenderOptions *
lirscope_timeline_get_options (LirscopeTimeline *self)
{
  return &self->options;
}

void
lirscope_timeline_set_color_by (LirscopeTimeline *self, LirColorBy color_by)
{
  self->options.color_by = color_by;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

/* The same steps stay in view: the viewport is in steps, only their
 * columns change. */
void
lirscope_timeline_set_all_steps (LirscopeTimeline *self, gboolean all_steps)
{
  if (self->options.all_steps == all_steps)
    return;
  self->options.all_steps = all_steps;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), "all-steps");
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

void
lirscope_timeline_set_dark (LirscopeTimeline *self, gboolean dark)
{
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

void
lirscope_timeline_set_hidden_phases (LirscopeTimeline *self, guint hidden_phases)
{
  self->options.hidden_phases = hidden_phases;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_OPTIONS_CHANGED], 0);
}

void
lirscope_timeline_get_viewport (LirscopeTimeline *self, LirViewport *viewport)
{
  *viewport = self->viewport;
}

void
lirscope_timeline_set_viewport (LirscopeTimeline *self, const LirViewport *viewport)
{
  lirscope_timeline_apply_viewport (self, viewport);
}

void
lirscope_timeline_get_layout (LirscopeTimeline *self, LirRenderLayout *layout)
{
  g_return_if_fail (self->renderer != NULL);
  lirscope_timeline_current_layout (self, layout);
}

/**
 * lirscope_timeline_zoom:
 * @self: a timeline
 * @factor_steps: > 1 zooms in on the step axis
 * @factor_bytes: > 1 zooms in on the byte axis
 * @anchor_x: the pixel column that stays put
 * @anchor_y: the pixel row that stays put
 */
void
lirscope_timeline_zoom (LirscopeTimeline *self, double factor_steps, double factor_bytes, double anchor_x,
                        double anchor_y)
{
  LirRenderLayout layout;
  LirViewport vp = self->viewport;
  double step, byte;

  if (self->renderer == NULL || !(factor_steps > 0) || !(factor_bytes > 0))
    return;
  lirscope_timeline_current_layout (self, &layout);
  if (!isfinite (anchor_x) || !isfinite (anchor_y))
    {
      anchor_x = layout.plot_x + layout.plot_width / 2;
      anchor_y = layout.plot_y + layout.plot_height / 2;
    }
  anchor_x = CLAMP (anchor_x, layout.plot_x, layout.plot_x + layout.plot_width);
  anchor_y = CLAMP (anchor_y, layout.plot_y, layout.plot_y + layout.plot_height);
  step = lir_render_layout_column_of_step (&layout, lir_render_layout_step_at (&layout, &vp, anchor_x));
  byte = lir_render_layout_byte_at (&layout, &vp, anchor_y);
  lirscope_timeline_steps_to_columns (&layout, &vp);
  vp.step_start = step - (step - vp.step_start) / factor_steps;
  vp.step_end = step + (vp.step_end - step) / factor_steps;
  lirscope_timeline_columns_to_steps (&layout, &vp);
  vp.byte_start = byte - (byte - vp.byte_start) / factor_bytes;
  vp.byte_end = byte + (vp.byte_end - byte) / factor_bytes;
  lirscope_timeline_apply_viewport (self, &vp);
}

/**
 * lirscope_timeline_pan:
 * @self: a timeline
 * @dx: pixels to move the view right (later steps)
 * @dy: pixels to move the view down (lower offsets)
 */
void
lirscope_timeline_pan (LirscopeTimeline *self, double dx, double dy)
{
  LirRenderLayout layout;
  LirViewport vp = self->viewport;
  double ds, db;

  if (self->renderer == NULL)
    return;
  lirscope_timeline_current_layout (self, &layout);
  lirscope_timeline_steps_to_columns (&layout, &vp);
  ds = dx * (vp.step_end - vp.step_start) / MAX (layout.plot_width, 1);
  db = -dy * (vp.byte_end - vp.byte_start) / MAX (layout.plot_height, 1);
  vp.step_start += ds;
  vp.step_end += ds;
  vp.byte_start += db;
  vp.byte_end += db;
  lirscope_timeline_columns_to_steps (&layout, &vp);
  lirscope_timeline_apply_viewport (self, &vp);
}

void
lirscope_timeline_fit (LirscopeTimeline *self)
{
  if (self->renderer != NULL)
    lirscope_timeline_apply_viewport (self, &self->full);
}

/**
 * lirscope_timeline_zoom_to_node:
 * @self: a timeline
 * @node: a node with a slot
 *
 * Frames the node's rectangle with some context around it.
 *
 * Returns: %FALSE if @node has no slot
 */
gboolean
lirscope_timeline_zoom_to_node (LirscopeTimeline *self, guint32 node)
{
  LirBufferPlan *plan;
  const LirBufferSlot *slot;
  const LirLifetime *life;
  LirRenderLayout layout;
  LirViewport vp;
  double steps, bytes;

  if (self->renderer == NULL)
    return FALSE;
  plan = lir_module_get_plan (lir_renderer_get_module (self->renderer));
  if (node >= lir_buffer_plan_get_n_nodes (plan) || (slot = lir_buffer_plan_get_slot (plan, node)) == NULL)
    return FALSE;
  life = lir_buffer_plan_get_lifetime (plan, node);
  lirscope_timeline_current_layout (self, &layout);
  vp.step_start = life->first_step;
  vp.step_end = (double)life->last_step + 1;
  lirscope_timeline_steps_to_columns (&layout, &vp);
  steps = MAX (vp.step_end - vp.step_start, 1);
  vp.step_start -= steps;
  vp.step_end += steps;
  lirscope_timeline_columns_to_steps (&layout, &vp);
  bytes = MAX ((double)slot->size, 1);
  vp.byte_start = (double)slot->offset - bytes;
  vp.byte_end = (double)slot->offset + 2 * bytes;
  lirscope_timeline_apply_viewport (self, &vp);
  return TRUE;
}

/**
 * lirscope_timeline_node_at:
 * @self: a timeline
 * @x: a pixel column
 * @y: a pixel row
 *
 * Returns: the buffer drawn at (@x, @y), a view over its root, found
 *   through the plan index; %LIR_NO_NODE if none
 */
guint32
lirscope_timeline_node_at (LirscopeTimeline *self, double x, double y)
{
  LirRenderLayout layout;
  double step, byte;

  if (self->renderer == NULL)
    return LIR_NO_NODE;
  lirscope_timeline_current_layout (self, &layout);
  if (x < layout.plot_x || x >= layout.plot_x + layout.plot_width || y < layout.plot_y
      || y >= layout.plot_y + layout.plot_height)
    return LIR_NO_NODE;
  step = floor (lir_render_layout_step_at (&layout, &self->viewport, x));
  byte = floor (lir_render_layout_byte_at (&layout, &self->viewport, y));
  if (step < 0 || byte < 0 || step > G_MAXUINT32 || byte >= 18446744073709551615.0)
    return LIR_NO_NODE;
  return lir_plan_index_hit (lir_renderer_get_index (self->renderer), (guint32)step, (guint64)byte);
}

/**
 * lirscope_timeline_select_at:
 * @self: a timeline
 * @x: a pixel column
 * @y: a pixel row
 *
 * Selects what a click at (@x, @y) selects: the buffer there, or nothing.
 *
 * Returns: the selected node, or %LIR_NO_NODE
 */
guint32
lirscope_timeline_select_at (LirscopeTimeline *self, double x, double y)
{
  guint32 node = lirscope_timeline_node_at (self, x, y);

  if (self->session != NULL)
    lirscope_session_select (self->session, node);
  return node;
}

/* Moves the live-set cursor to the step under pixel column x. */
void
lirscope_timeline_set_cursor_x (LirscopeTimeline *self, double x)
{
  LirRenderLayout layout;
  gint64 step = -1;

  if (self->renderer == NULL)
    return;
  lirscope_timeline_current_layout (self, &layout);
  if (x >= layout.plot_x && x < layout.plot_x + layout.plot_width)
    {
      double s = floor (lir_render_layout_step_at (&layout, &self->viewport, x));

      if (s >= 0 && s < lir_renderer_get_n_steps (self->renderer))
        step = (gint64)s;
    }
  if (self->session != NULL)
    lirscope_session_set_cursor_step (self->session, step);
}

gint64
lirscope_timeline_get_last_draw_us (LirscopeTimeline *self)
{
  return self->last_draw_us;
}

guint
lirscope_timeline_get_n_draws (LirscopeTimeline *self)
{
  return self->n_draws;
}
