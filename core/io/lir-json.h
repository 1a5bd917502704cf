/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json.h: Lirscope's JSON documents (graph and module). */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "plan/lir-module.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
LirModule *lir_module_new_from_json          (const char *data,
                                   gsize       length,
                                   GError    **error);
LIR_AVAILABLE_IN_ALL
char      *lir_module_to_json         (const LirModule *module,
                                   gsize           *length);

G_END_DECLS
