/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-settings.h: the app's settings, with or without an installed schema. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *lirscope_settings_new (void);

G_END_DECLS
