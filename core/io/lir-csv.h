/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-csv.h: MiniMalloc's buffer-list CSV (id,lower,upper,size[,offset]). */
#pragma once

#include "plan/lir-module.h"

G_BEGIN_DECLS

LirModule *lir_module_new_from_csv  (const char *data,
                          gsize       length,
                          GError    **error);
char      *lir_module_to_csv (const LirModule *module,
                          gsize           *length);

G_END_DECLS
