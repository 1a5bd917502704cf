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

G_END_DECLS
