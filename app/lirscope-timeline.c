/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline.c: zoom, pan, hover and selection over core/render.
 *
 * The widget keeps only view state (viewport, options, pointer) and turns
 * input into it; all drawing is lir_renderer_draw() and all hit-testing is
 * the plan index, so what is on screen is what the exports show.
 */
#include "lirscope-timeline.h"

#include <math.h>
#include <string.h>

#define MIN_STEP_SPAN 0.5
#define MIN_BYTE_SPAN 16.0
#define KEY_PAN_FRACTION 0.1
#define ZOOM_STEP 1.25

struct _LirscopeTimeline
{
  GtkWidget parent_instance;

  LirRenderer *renderer;
  LirRenderOptions options;
  LirViewport viewport;
  LirViewport full;
  gboolean dark;

  /* drag-to-pan: the viewport when the drag began */
  LirViewport drag_start;
  /* pinch: the viewport and anchor when it began */
  LirViewport pinch_start;
  double pinch_x;

  gint64 last_draw_us;
  guint n_draws;
};

G_DEFINE_FINAL_TYPE (LirscopeTimeline, lirscope_timeline, GTK_TYPE_WIDGET)

enum {
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_CURSOR_CHANGED,
  SIGNAL_VIEWPORT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static LirRenderOptions
frame_options (LirscopeTimeline *self)
{
  LirRenderOptions options = self->options;

  /* The window's summary panel carries the header's figures. */
  options.header = FALSE;
  options.theme = self->dark ? LIR_THEME_DARK : LIR_THEME_LIGHT;
  return options;
}

static void
current_layout (LirscopeTimeline *self, LirRenderLayout *layout)
{
  LirRenderOptions options = frame_options (self);

  lir_renderer_layout (self->renderer, gtk_widget_get_width (GTK_WIDGET (self)),
                       gtk_widget_get_height (GTK_WIDGET (self)), &options, layout);
}

/* Keeps the viewport inside the plan (with the headroom of the full view)
 * and no smaller than half a step by 16 bytes. */
static void
clamp_viewport (LirscopeTimeline *self, LirViewport *vp)
{
  double full_steps = self->full.step_end - self->full.step_start;
  double full_bytes = self->full.byte_end - self->full.byte_start;
  double span = CLAMP (vp->step_end - vp->step_start, MIN (MIN_STEP_SPAN, full_steps), full_steps);
  double bspan = CLAMP (vp->byte_end - vp->byte_start, MIN (MIN_BYTE_SPAN, full_bytes), full_bytes);

  if (!isfinite (vp->step_start) || !isfinite (vp->byte_start))
    *vp = self->full;
  vp->step_start = CLAMP (vp->step_start, self->full.step_start, self->full.step_end - span);
  vp->step_end = vp->step_start + span;
  vp->byte_start = CLAMP (vp->byte_start, self->full.byte_start, self->full.byte_end - bspan);
  vp->byte_end = vp->byte_start + bspan;
}

static void
apply_viewport (LirscopeTimeline *self, const LirViewport *vp)
{
  LirViewport next = *vp;

  if (self->renderer == NULL)
    return;
  clamp_viewport (self, &next);
  if (memcmp (&next, &self->viewport, sizeof next) == 0)
    return;
  self->viewport = next;
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

/* ---- input ---------------------------------------------------------------------------- */

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, gpointer user_data)
{
  LirscopeTimeline *self = user_data;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;
  GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));

  if (self->renderer == NULL)
    return FALSE;
  if (event != NULL)
    gdk_event_get_position (event, &x, &y);
  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (ZOOM_STEP, -dy);

      /* Ctrl zooms the step axis, Ctrl+Shift the byte axis. */
      if (state & GDK_SHIFT_MASK)
        lirscope_timeline_zoom (self, 1, factor, x, y);
      else
        lirscope_timeline_zoom (self, factor, 1, x, y);
      return TRUE;
    }
  if (state & GDK_SHIFT_MASK)
    lirscope_timeline_pan (self, dy * 40, 0);
  else
    lirscope_timeline_pan (self, dx * 40, dy * 40);
  return TRUE;
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  self->drag_start = self->viewport;
}

static void
on_drag_update (GtkGestureDrag *gesture, double dx, double dy, gpointer user_data)
{
  LirscopeTimeline *self = user_data;
  LirRenderLayout layout;
  LirViewport vp = self->drag_start;
  double steps_per_px, bytes_per_px;

  if (self->renderer == NULL)
    return;
  current_layout (self, &layout);
  steps_per_px = (vp.step_end - vp.step_start) / MAX (layout.plot_width, 1);
  bytes_per_px = (vp.byte_end - vp.byte_start) / MAX (layout.plot_height, 1);
  vp.step_start -= dx * steps_per_px;
  vp.step_end -= dx * steps_per_px;
  vp.byte_start += dy * bytes_per_px;
  vp.byte_end += dy * bytes_per_px;
  apply_viewport (self, &vp);
}

static void
on_pinch_begin (GtkGesture *gesture, GdkEventSequence *sequence, gpointer user_data)
{
  LirscopeTimeline *self = user_data;
  double y;

  self->pinch_start = self->viewport;
  if (!gtk_gesture_get_bounding_box_center (gesture, &self->pinch_x, &y))
    self->pinch_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
}

static void
on_pinch_scale (GtkGestureZoom *gesture, double scale, gpointer user_data)
{
  LirscopeTimeline *self = user_data;
  LirRenderLayout layout;
  LirViewport vp = self->pinch_start;
  double anchor, span;

  if (self->renderer == NULL || scale <= 0)
    return;
  current_layout (self, &layout);
  anchor = lir_render_layout_step_at (&layout, &self->pinch_start, self->pinch_x);
  span = (vp.step_end - vp.step_start) / scale;
  vp.step_start = anchor - (anchor - vp.step_start) / scale;
  vp.step_end = vp.step_start + span;
  apply_viewport (self, &vp);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  lirscope_timeline_set_cursor_x (user_data, x);
}

static void
on_leave (GtkEventControllerMotion *controller, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  if (self->options.cursor_step >= 0)
    {
      self->options.cursor_step = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[SIGNAL_CURSOR_CHANGED], 0, (gint64)-1);
    }
}

static void
on_click (GtkGestureClick *gesture, int n_press, double x, double y, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  lirscope_timeline_select_at (self, x, y);
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  gpointer user_data)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (widget);
  guint32 node;
  g_autofree char *text = NULL;

  if (self->renderer == NULL || keyboard)
    return FALSE;
  node = lirscope_timeline_node_at (self, x, y);
  if (node == LIR_NO_NODE)
    return FALSE;
  text = lir_renderer_describe (self->renderer, node);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
on_key (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state,
        gpointer user_data)
{
  LirscopeTimeline *self = user_data;
  double w = gtk_widget_get_width (GTK_WIDGET (self)), h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->renderer == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      lirscope_timeline_zoom (self, ZOOM_STEP, 1, w / 2, h / 2);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      lirscope_timeline_zoom (self, 1 / ZOOM_STEP, 1, w / 2, h / 2);
      return TRUE;
    case GDK_KEY_Left:
      lirscope_timeline_pan (self, -w * KEY_PAN_FRACTION, 0);
      return TRUE;
    case GDK_KEY_Right:
      lirscope_timeline_pan (self, w * KEY_PAN_FRACTION, 0);
      return TRUE;
    case GDK_KEY_Up:
      lirscope_timeline_pan (self, 0, -h * KEY_PAN_FRACTION);
      return TRUE;
    case GDK_KEY_Down:
      lirscope_timeline_pan (self, 0, h * KEY_PAN_FRACTION);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_0:
      lirscope_timeline_fit (self);
      return TRUE;
    case GDK_KEY_Escape:
      lirscope_timeline_set_selected (self, LIR_NO_NODE);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- object --------------------------------------------------------------------------- */

static void
lirscope_timeline_finalize (GObject *object)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (object);

  g_clear_pointer (&self->renderer, lir_renderer_free);
  G_OBJECT_CLASS (lirscope_timeline_parent_class)->finalize (object);
}

static void
lirscope_timeline_class_init (LirscopeTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lirscope_timeline_finalize;
  widget_class->snapshot = lirscope_timeline_snapshot;
  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /**
   * LirscopeTimeline::selection-changed:
   * @node: the selected node, or %LIR_NO_NODE
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /**
   * LirscopeTimeline::cursor-changed:
   * @step: the step under the pointer, or -1
   */
  signals[SIGNAL_CURSOR_CHANGED] =
    g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[SIGNAL_VIEWPORT_CHANGED] =
    g_signal_new ("viewport-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
lirscope_timeline_init (LirscopeTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll, *motion, *key;
  GtkGesture *drag, *click, *pinch;

  lir_render_options_init (&self->options);
  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (pinch));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (widget, motion);

  key = gtk_event_controller_key_new ();
  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (widget, key);
}

GtkWidget *
lirscope_timeline_new (void)
{
  return g_object_new (LIRSCOPE_TYPE_TIMELINE, NULL);
}

/**
 * lirscope_timeline_set_renderer:
 * @self: a timeline
 * @renderer: (transfer full) (nullable): the plan to show
 * @keep_view: keep the zoom and the selection (a reload of the same plan)
 */
void
lirscope_timeline_set_renderer (LirscopeTimeline *self, LirRenderer *renderer, gboolean keep_view)
{
  LirViewport old = self->viewport;
  guint32 selected = self->options.selected;

  g_clear_pointer (&self->renderer, lir_renderer_free);
  self->renderer = renderer;
  if (renderer == NULL)
    {
      self->options.selected = LIR_NO_NODE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  lir_renderer_full_viewport (renderer, &self->full);
  self->viewport = self->full;
  if (keep_view)
    {
      clamp_viewport (self, &old);
      self->viewport = old;
    }
  if (!keep_view || selected >= lir_graph_get_n_nodes (lir_module_get_graph (lir_renderer_get_module (renderer))) ||
      lir_buffer_plan_slot (lir_module_get_plan (lir_renderer_get_module (renderer)), selected) == NULL)
    selected = LIR_NO_NODE;
  self->options.cursor_step = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_VIEWPORT_CHANGED], 0);
  /* Always tell: the window rebuilds its details for the new plan. */
  self->options.selected = selected;
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0, selected);
}

LirRenderer *
lirscope_timeline_get_renderer (LirscopeTimeline *self)
{
  return self->renderer;
}

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
}

void
lirscope_timeline_set_dark (LirscopeTimeline *self, gboolean dark)
{
  self->dark = dark;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
lirscope_timeline_set_hidden_phases (LirscopeTimeline *self, guint hidden_phases)
{
  self->options.hidden_phases = hidden_phases;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint32
lirscope_timeline_get_selected (LirscopeTimeline *self)
{
  return self->options.selected;
}

void
lirscope_timeline_set_selected (LirscopeTimeline *self, guint32 node)
{
  if (node == self->options.selected)
    return;
  self->options.selected = node;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0, node);
}

void
lirscope_timeline_get_viewport (LirscopeTimeline *self, LirViewport *viewport)
{
  *viewport = self->viewport;
}

void
lirscope_timeline_set_viewport (LirscopeTimeline *self, const LirViewport *viewport)
{
  apply_viewport (self, viewport);
}

void
lirscope_timeline_get_layout (LirscopeTimeline *self, LirRenderLayout *layout)
{
  g_return_if_fail (self->renderer != NULL);
  current_layout (self, layout);
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
lirscope_timeline_zoom (LirscopeTimeline *self, double factor_steps, double factor_bytes,
                        double anchor_x, double anchor_y)
{
  LirRenderLayout layout;
  LirViewport vp = self->viewport;
  double step, byte;

  if (self->renderer == NULL || factor_steps <= 0 || factor_bytes <= 0)
    return;
  current_layout (self, &layout);
  anchor_x = CLAMP (anchor_x, layout.plot_x, layout.plot_x + layout.plot_width);
  anchor_y = CLAMP (anchor_y, layout.plot_y, layout.plot_y + layout.plot_height);
  step = lir_render_layout_step_at (&layout, &vp, anchor_x);
  byte = lir_render_layout_byte_at (&layout, &vp, anchor_y);
  vp.step_start = step - (step - vp.step_start) / factor_steps;
  vp.step_end = step + (vp.step_end - step) / factor_steps;
  vp.byte_start = byte - (byte - vp.byte_start) / factor_bytes;
  vp.byte_end = byte + (vp.byte_end - byte) / factor_bytes;
  apply_viewport (self, &vp);
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
  current_layout (self, &layout);
  ds = dx * (vp.step_end - vp.step_start) / MAX (layout.plot_width, 1);
  db = -dy * (vp.byte_end - vp.byte_start) / MAX (layout.plot_height, 1);
  vp.step_start += ds;
  vp.step_end += ds;
  vp.byte_start += db;
  vp.byte_end += db;
  apply_viewport (self, &vp);
}

void
lirscope_timeline_fit (LirscopeTimeline *self)
{
  if (self->renderer != NULL)
    apply_viewport (self, &self->full);
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
  LirViewport vp;
  double steps, bytes;

  if (self->renderer == NULL)
    return FALSE;
  plan = lir_module_get_plan (lir_renderer_get_module (self->renderer));
  if (node >= lir_buffer_plan_get_n_nodes (plan) || (slot = lir_buffer_plan_slot (plan, node)) == NULL)
    return FALSE;
  life = lir_buffer_plan_lifetime (plan, node);
  steps = (double)life->last_step + 1 - life->first_step;
  bytes = MAX ((double)slot->size, 1);
  vp.step_start = life->first_step - steps;
  vp.step_end = (double)life->last_step + 1 + steps;
  vp.byte_start = (double)slot->offset - bytes;
  vp.byte_end = (double)slot->offset + 2 * bytes;
  apply_viewport (self, &vp);
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
  current_layout (self, &layout);
  if (x < layout.plot_x || x >= layout.plot_x + layout.plot_width || y < layout.plot_y ||
      y >= layout.plot_y + layout.plot_height)
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

  lirscope_timeline_set_selected (self, node);
  return node;
}

gint64
lirscope_timeline_get_cursor_step (LirscopeTimeline *self)
{
  return self->options.cursor_step;
}

/* Moves the live-set cursor to the step under pixel column x. */
void
lirscope_timeline_set_cursor_x (LirscopeTimeline *self, double x)
{
  LirRenderLayout layout;
  gint64 step = -1;

  if (self->renderer == NULL)
    return;
  current_layout (self, &layout);
  if (x >= layout.plot_x && x < layout.plot_x + layout.plot_width)
    {
      double s = floor (lir_render_layout_step_at (&layout, &self->viewport, x));

      if (s >= 0 && s < lir_renderer_get_n_steps (self->renderer))
        step = (gint64)s;
    }
  if (step == self->options.cursor_step)
    return;
  self->options.cursor_step = step;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_CURSOR_CHANGED], 0, step);
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
