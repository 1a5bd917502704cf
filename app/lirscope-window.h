/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-window.h: one open plan: the timeline and the sidebar's pages. */
#pragma once

#include <adwaita.h>

#include "lirscope-buffer-page.h"
#include "lirscope-changes-page.h"
#include "lirscope-peak-page.h"
#include "lirscope-search-page.h"
#include "lirscope-session.h"
#include "lirscope-summary-page.h"
#include "lirscope-timeline.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_WINDOW (lirscope_window_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeWindow, lirscope_window, LIRSCOPE, WINDOW, AdwApplicationWindow)

LirscopeWindow      *lirscope_window_new              (GtkApplication *application);
void                 lirscope_window_open             (LirscopeWindow *self,
                                                       GFile          *file);
gboolean             lirscope_window_export_to        (LirscopeWindow *self,
                                                       const char     *path,
                                                       gboolean        visible_region,
                                                       GError        **error);

G_END_DECLS
