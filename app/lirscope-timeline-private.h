/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline-private.h: the timeline's view state, shared by
 * lirscope-timeline.c (the view) and lirscope-timeline-input.c (what input
 * does to it), and what the GUI tests drive.
 *
 * The controllers call the input functions with their event's values; the
 * tests call them with the values an event would carry (a modifier state
 * cannot be put into an event from a test).
 */
#pragma once

#include "lirscope-timeline.h"

G_BEGIN_DECLS

struct _LirscopeTimeline
{
  GtkWidget parent_instance;

  LirscopeSession *session;
  LirRenderer *renderer; /* the session's, while it shows it */
  LirRenderOptions options;
  LirViewport viewport;
  LirViewport full;
  gboolean dark;
  gboolean zoomed; /* the user moved the view (not one the timeline chose) */
  gboolean focus_activations; /* open plans whose params dwarf them on the activations */

  /* the pointer's last position: scroll events carry none on GTK 4.8 */
  double pointer_x, pointer_y;
  gboolean has_pointer;

  /* press-and-release without moving is a click; moving pans */
  double press_x, press_y;
  gboolean dragged;
  GtkLabel *tooltip_label; /* owned: reused by every tooltip */

  /* drag-to-pan: the viewport when the drag began */
  LirViewport drag_start;
  /* pinch: the viewport and anchor when it began */
  LirViewport pinch_start;
  double pinch_x;

  gint64 last_draw_us;
  guint n_draws;
};

void      lirscope_timeline_current_layout    (LirscopeTimeline       *self,
                                               LirRenderLayout        *layout);
void      lirscope_timeline_apply_viewport    (LirscopeTimeline       *self,
                                               const LirViewport      *vp);
void      lirscope_timeline_steps_to_columns  (const LirRenderLayout  *layout,
                                               LirViewport            *vp);
void      lirscope_timeline_columns_to_steps  (const LirRenderLayout  *layout,
                                               LirViewport            *vp);

gboolean  lirscope_timeline_scroll            (LirscopeTimeline *self,
                                               double            dx,
                                               double            dy,
                                               GdkModifierType   state);
char     *lirscope_timeline_describe_at       (LirscopeTimeline *self,
                                               double            x,
                                               double            y,
                                               GdkRectangle     *area);
GtkLabel *lirscope_timeline_get_tooltip_label (LirscopeTimeline *self);

/* For the GUI tests and the app bench. */
gint64                  lirscope_timeline_get_last_draw_us (LirscopeTimeline *self);
void                    lirscope_timeline_get_layout      (LirscopeTimeline *self,
                                                           LirRenderLayout  *layout);
guint                   lirscope_timeline_get_n_draws     (LirscopeTimeline *self);
guint32                 lirscope_timeline_node_at         (LirscopeTimeline *self,
                                                           double            x,
                                                           double            y);
void                    lirscope_timeline_pan             (LirscopeTimeline *self,
                                                           double            dx,
                                                           double            dy);
guint32                 lirscope_timeline_select_at       (LirscopeTimeline *self,
                                                           double            x,
                                                           double            y);
void                    lirscope_timeline_set_cursor_x    (LirscopeTimeline *self,
                                                           double            x);

G_END_DECLS
