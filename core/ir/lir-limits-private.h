/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-limits-private.h: the checks every reader and the builder API make
 * against the limits of lir-limits.h. */
#pragma once

#include "lir-limits.h"

G_BEGIN_DECLS

char    *lir_text_quote             (const char *text);
gboolean lir_limits_check_name      (const char *text,
                                     gssize      length,
                                     gboolean    may_be_empty,
                                     GError    **error);
gboolean lir_limits_check_alignment (guint64     alignment,
                                     GError    **error);
gboolean lir_limits_reserve         (guint64     bytes,
                                     const char *what,
                                     GError    **error);

G_END_DECLS
