/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline-input.c: what the timeline does with the pointer and the keys.
 *
 * Wheel and pinch zoom about the pointer, Shift+wheel and drag pan, a click
 * selects, hovering moves the session's cursor and shows the buffer under
 * the pointer in a tooltip, and the keys zoom, pan, fit and clear the
 * selection. Each handler turns its event into the view state that
 * lirscope-timeline.c keeps; the GUI tests call the same functions with the
 * values an event would carry.
 */
#include "lirscope-timeline-input.h"
#include "lirscope-timeline-private.h"

#include <math.h>

#define KEY_PAN_FRACTION 0.1
#define ZOOM_STEP 1.25
#define CLICK_SLOP_PX 4.0

/**
 * lirscope_timeline_scroll:
 * @self: a timeline
 * @dx: the scroll's horizontal delta
 * @dy: its vertical delta
 * @state: the modifiers held
 *
 * What a scroll does: Ctrl zooms the steps, Ctrl+Shift the bytes, both
 * about the pointer's last position; otherwise it pans (Shift: sideways).
 *
 * Returns: %TRUE if it was handled
 */
gboolean
lirscope_timeline_scroll (LirscopeTimeline *self, double dx, double dy, GdkModifierType state)
{
  double x, y;

  if (self->renderer == NULL || !isfinite (dx) || !isfinite (dy))
    return FALSE;
  x = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  y = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  if (state & GDK_CONTROL_MASK)
    {
      double factor = pow (ZOOM_STEP, -dy);

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

static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, gpointer user_data)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  return lirscope_timeline_scroll (user_data, dx, dy, state);
}

static void
on_drag_begin (GtkGestureDrag *gesture, double x, double y, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  self->drag_start = self->viewport;
  self->press_x = x;
  self->press_y = y;
  self->dragged = FALSE;
}

/* A press that did not move selects what is under it; a drag only pans. */
static void
on_drag_end (GtkGestureDrag *gesture, double dx, double dy, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!self->dragged)
    lirscope_timeline_select_at (self, self->press_x, self->press_y);
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
  if (!self->dragged && hypot (dx, dy) < CLICK_SLOP_PX)
    return;
  self->dragged = TRUE;
  lirscope_timeline_current_layout (self, &layout);
  lirscope_timeline_steps_to_columns (&layout, &vp);
  steps_per_px = (vp.step_end - vp.step_start) / MAX (layout.plot_width, 1);
  bytes_per_px = (vp.byte_end - vp.byte_start) / MAX (layout.plot_height, 1);
  vp.step_start -= dx * steps_per_px;
  vp.step_end -= dx * steps_per_px;
  vp.byte_start += dy * bytes_per_px;
  vp.byte_end += dy * bytes_per_px;
  lirscope_timeline_columns_to_steps (&layout, &vp);
  lirscope_timeline_apply_viewport (self, &vp);
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
  lirscope_timeline_current_layout (self, &layout);
  anchor = lir_render_layout_column_of_step (&layout, lir_render_layout_step_at (&layout, &self->pinch_start,
                                                                                 self->pinch_x));
  lirscope_timeline_steps_to_columns (&layout, &vp);
  span = (vp.step_end - vp.step_start) / scale;
  vp.step_start = anchor - (anchor - vp.step_start) / scale;
  vp.step_end = vp.step_start + span;
  lirscope_timeline_columns_to_steps (&layout, &vp);
  lirscope_timeline_apply_viewport (self, &vp);
}

static void
on_motion (GtkEventControllerMotion *controller, double x, double y, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  lirscope_timeline_set_cursor_x (self, x);
}

static void
on_leave (GtkEventControllerMotion *controller, gpointer user_data)
{
  LirscopeTimeline *self = user_data;

  self->has_pointer = FALSE;
  if (self->session != NULL)
    lirscope_session_set_cursor_step (self->session, -1);
}

/**
 * lirscope_timeline_describe_at:
 * @self: a timeline
 * @x: a pixel column
 * @y: a pixel row
 * @area: (out): the buffer's rectangle on screen, clipped to the plot
 *
 * Returns: (transfer full) (nullable): the tooltip for the buffer at
 *   (@x, @y), %NULL if there is none
 */
char *
lirscope_timeline_describe_at (LirscopeTimeline *self, double x, double y, GdkRectangle *area)
{
  guint32 node = lirscope_timeline_node_at (self, x, y);
  LirBufferPlan *plan;
  const LirBufferSlot *slot;
  const LirLifetime *life;
  LirRenderLayout layout;
  double x0, x1, y0, y1;

  if (node == LIR_NO_NODE && self->renderer != NULL)
    {
      double bar[4];

      /* Nodes out of the arena for a dynamic dim have a bar in their own band. */
      lirscope_timeline_current_layout (self, &layout);
      node = lir_renderer_get_dynamic_at (self->renderer, &layout, &self->viewport, x, y, bar);
      if (node == LIR_NO_NODE)
        return NULL;
      area->x = (int)floor (bar[0]);
      area->y = (int)floor (bar[1]);
      area->width = MAX ((int)ceil (bar[0] + bar[2]) - area->x, 1);
      area->height = MAX ((int)ceil (bar[1] + bar[3]) - area->y, 1);
      return lir_renderer_describe (self->renderer, node);
    }
  if (node == LIR_NO_NODE)
    return NULL;
  plan = lir_module_get_plan (lir_renderer_get_module (self->renderer));
  slot = lir_buffer_plan_get_slot (plan, node);
  life = lir_buffer_plan_get_lifetime (plan, node);
  lirscope_timeline_current_layout (self, &layout);
  x0 = MAX (lir_render_layout_x_of_step (&layout, &self->viewport, life->first_step), layout.plot_x);
  x1 = MIN (lir_render_layout_x_of_step (&layout, &self->viewport, (double)life->last_step + 1),
            layout.plot_x + layout.plot_width);
  y0 = MAX (lir_render_layout_y_of_byte (&layout, &self->viewport, (double)(slot->offset + slot->size)),
            layout.plot_y);
  y1 = MIN (lir_render_layout_y_of_byte (&layout, &self->viewport, (double)slot->offset),
            layout.plot_y + layout.plot_height);
  area->x = (int)floor (x0);
  area->y = (int)floor (y0);
  area->width = MAX ((int)ceil (x1) - area->x, 1);
  area->height = MAX ((int)ceil (y1) - area->y, 1);
  return lir_renderer_describe (self->renderer, node);
}

/* The tooltip belongs to the buffer under the pointer: its tip area is that
 * buffer's rectangle, so GTK moves it when the pointer reaches another one,
 * and a long name wraps instead of widening it past the screen. */
static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip, gpointer user_data)
{
  LirscopeTimeline *self = LIRSCOPE_TIMELINE (widget);
  GdkRectangle area;
  g_autofree char *text = NULL;

  if (self->renderer == NULL || keyboard)
    return FALSE;
  text = lirscope_timeline_describe_at (self, x, y, &area);
  if (text == NULL)
    return FALSE;
  gtk_label_set_text (self->tooltip_label, text);
  gtk_tooltip_set_custom (tooltip, GTK_WIDGET (self->tooltip_label));
  gtk_tooltip_set_tip_area (tooltip, &area);
  return TRUE;
}

GtkLabel *
lirscope_timeline_get_tooltip_label (LirscopeTimeline *self)
{
  return self->tooltip_label;
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
      if (self->session != NULL)
        lirscope_session_select (self->session, LIR_NO_NODE);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * lirscope_timeline_attach_input:
 * @self: a timeline
 *
 * Gives the timeline its controllers and its tooltip: the window does, once
 * its template is built. Input only calls the view's functions; the view
 * does not know input.
 */
void
lirscope_timeline_attach_input (LirscopeTimeline *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *scroll, *motion, *key;
  GtkGesture *drag, *pinch;

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  self->tooltip_label = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  gtk_label_set_wrap (self->tooltip_label, TRUE);
  gtk_label_set_wrap_mode (self->tooltip_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (self->tooltip_label, 60);
  gtk_label_set_xalign (self->tooltip_label, 0);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (widget, scroll);

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

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
