/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-rlx-private.h: reads RLX's serialized LirModule (its AOT-cache JSON). */
#pragma once

#include "lir-json-read-private.h"
#include "plan/lir-module.h"

G_BEGIN_DECLS

LirModule *lir_rlx_read   (const LirJsonValue *root,
                           LirJsonPath *path,
                           GError     **error);
void       lir_rlx_key_attach (LirGraph           *graph,
                               const LirJsonValue *root);

G_END_DECLS
