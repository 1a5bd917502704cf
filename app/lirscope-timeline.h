/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline.h: the plan timeline widget, drawn by core/render. */
#pragma once

#include <gtk/gtk.h>

#include "lirscope-session.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_TIMELINE (lirscope_timeline_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeTimeline, lirscope_timeline, LIRSCOPE, TIMELINE, GtkWidget)

GtkWidget              *lirscope_timeline_new             (void);
void                    lirscope_timeline_set_session     (LirscopeTimeline *self,
                                                           LirscopeSession  *session);
const LirRenderOptions *lirscope_timeline_get_options     (LirscopeTimeline *self);
void                    lirscope_timeline_get_frame_options (LirscopeTimeline *self,
                                                             LirRenderOptions *options);
void                    lirscope_timeline_set_color_by    (LirscopeTimeline *self,
                                                           LirColorBy        color_by);
void                    lirscope_timeline_set_all_steps   (LirscopeTimeline *self,
                                                           gboolean          all_steps);
void                    lirscope_timeline_set_dark        (LirscopeTimeline *self,
                                                           gboolean          dark);
void                    lirscope_timeline_set_hidden_phases (LirscopeTimeline *self,
                                                             guint             hidden_phases);
void                    lirscope_timeline_get_viewport    (LirscopeTimeline *self,
                                                           LirViewport      *viewport);
void                    lirscope_timeline_set_viewport    (LirscopeTimeline  *self,
                                                           const LirViewport *viewport);
void                    lirscope_timeline_zoom            (LirscopeTimeline *self,
                                                           double            factor_steps,
                                                           double            factor_bytes,
                                                           double            anchor_x,
                                                           double            anchor_y);
void                    lirscope_timeline_fit             (LirscopeTimeline *self);
gboolean                lirscope_timeline_zoom_to_node    (LirscopeTimeline *self,
                                                           guint32           node);

G_END_DECLS
