/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-io.h: load any supported file into a module; save modules atomically. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "ir/lir-limits.h"
#include "plan/lir-module.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
LirModule     *lir_module_new_from_data   (const char *data,
                                   gsize       length,
                                   GError    **error);
LIR_AVAILABLE_IN_ALL
LirModule     *lir_module_new_from_file        (const char *path,
                                   GError    **error);
LIR_AVAILABLE_IN_ALL
gboolean       lir_module_save        (const LirModule *module,
                                   const char      *path,
                                   GError         **error);

G_END_DECLS
