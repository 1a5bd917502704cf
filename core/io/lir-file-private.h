/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-file-private.h: reading and writing files so that nothing is lost. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *lir_file_read    (const char *path,
                            gsize      *length,
                            GError    **error);
gboolean  lir_file_write   (const char *path,
                            const char *data,
                            gsize       length,
                            GError    **error);
gboolean  lir_file_is_same (const char *input,
                            const char *output);

G_END_DECLS
