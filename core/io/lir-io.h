/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-io.h: load any supported file into a module; save modules atomically. */
#pragma once

#include "plan/lir-module.h"

G_BEGIN_DECLS

/* Largest input file read, in bytes. */
#define LIR_MAX_FILE_BYTES (2ull * 1024 * 1024 * 1024)

LirModule     *lir_io_load_data   (const char *data,
                                   gsize       length,
                                   GError    **error);
LirModule     *lir_io_load        (const char *path,
                                   GError    **error);
gboolean       lir_io_save        (const LirModule *module,
                                   const char      *path,
                                   GError         **error);
gboolean       lir_io_write_atomic (const char *path,
                                    const char *data,
                                    gsize       length,
                                    GError    **error);
gboolean       lir_io_same_file   (const char *a,
                                   const char *b);

G_END_DECLS
