/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json.h: Lirscope's JSON documents (graph and module). */
#pragma once

#include "plan/lir-module.h"

G_BEGIN_DECLS

LirModule *lir_module_new_from_json          (const char *data,
                                   gsize       length,
                                   GError    **error);
char      *lir_module_to_json         (const LirModule *module,
                                   gsize           *length);

G_END_DECLS
