/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-application.h: the GTK application: windows, app actions, accelerators. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_APPLICATION (lirscope_application_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeApplication, lirscope_application, LIRSCOPE, APPLICATION,
                      AdwApplication)

LirscopeApplication *lirscope_application_new          (void);

G_END_DECLS
