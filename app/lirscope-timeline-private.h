/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline-private.h: the timeline's input handling, for the GUI tests.
 *
 * The controllers call these with their event's values; the tests call them
 * with the values an event would carry (a modifier state cannot be put into
 * an event from a test).
 */
#pragma once

#include "lirscope-timeline.h"

G_BEGIN_DECLS

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
