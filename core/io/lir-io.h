/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-io.h: load any supported file into a module; save modules atomically. */
#pragma once

#include "ir/lir-limits.h"
#include "plan/lir-module.h"

G_BEGIN_DECLS

LirModule     *lir_module_new_from_data   (const char *data,
                                   gsize       length,
                                   GError    **error);
LirModule     *lir_module_new_from_file        (const char *path,
                                   GError    **error);
gboolean       lir_module_save        (const LirModule *module,
                                   const char      *path,
                                   GError         **error);

G_END_DECLS
