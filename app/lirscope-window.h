/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window.h: one open plan: timeline, summary, details, search. */
#pragma once

#include <adwaita.h>

#include "lirscope-timeline.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_WINDOW (lirscope_window_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeWindow, lirscope_window, LIRSCOPE, WINDOW, AdwApplicationWindow)

LirscopeWindow   *lirscope_window_new             (GtkApplication *application);
void              lirscope_window_open            (LirscopeWindow *self,
                                                   GFile          *file);
void              lirscope_window_reload          (LirscopeWindow *self);
void              lirscope_window_compare         (LirscopeWindow *self,
                                                   GFile          *baseline);
void              lirscope_window_select_change   (LirscopeWindow *self,
                                                   guint           index);
gboolean          lirscope_window_export_to       (LirscopeWindow *self,
                                                   const char     *path,
                                                   gboolean        visible_region,
                                                   GError        **error);
gboolean          lirscope_window_is_busy         (LirscopeWindow *self);
LirModule        *lirscope_window_get_module      (LirscopeWindow *self);
GFile            *lirscope_window_get_file        (LirscopeWindow *self);
LirscopeTimeline *lirscope_window_get_timeline    (LirscopeWindow *self);
const char       *lirscope_window_get_banner_text (LirscopeWindow *self);
const char       *lirscope_window_get_summary     (LirscopeWindow *self,
                                                   const char     *title);
void              lirscope_window_set_strategy    (LirscopeWindow *self,
                                                   const char     *strategy);
void              lirscope_window_set_binding     (LirscopeWindow *self,
                                                   const char     *symbol,
                                                   guint64         value);
guint             lirscope_window_search          (LirscopeWindow *self,
                                                   const char     *text);
void              lirscope_window_activate_search_result (LirscopeWindow *self,
                                                          guint           index);

G_END_DECLS
