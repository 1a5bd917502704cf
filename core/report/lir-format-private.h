/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-format-private.h: the one set of formatters for bytes, shares and ranges. */
#pragma once

#include <glib.h>

#include "alloc/lir-strategy.h"

G_BEGIN_DECLS

char *lir_format_bytes         (guint64 bytes);
char *lir_format_bytes_exact   (guint64 bytes);
char *lir_format_bytes_axis    (double  bytes,
                                double  spacing);
char *lir_format_count         (guint64 count);
char *lir_format_percent       (double  fraction,
                                int     decimals);
char *lir_format_byte_range    (guint64 offset,
                                guint64 size);
char *lir_format_step_range    (guint32 first_step,
                                guint32 last_step);
char *lir_format_progress      (const LirProgress *progress);
char *lir_format_escape_controls (const char *text);

G_END_DECLS
