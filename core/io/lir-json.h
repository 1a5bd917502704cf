/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json.h: Lirscope's JSON documents (graph and module). */
#pragma once

#include "plan/lir-module.h"

G_BEGIN_DECLS

/* Deepest JSON nesting accepted. */
#define LIR_JSON_MAX_DEPTH 128
/* Most values (numbers, strings, containers…) one document may hold. */
#define LIR_JSON_MAX_VALUES (1u << 26)

LirModule *lir_json_read          (const char *data,
                                   gsize       length,
                                   GError    **error);
char      *lir_json_write         (const LirModule *module,
                                   gsize           *length);
void       lir_json_append_string (GString    *out,
                                   const char *text);

G_END_DECLS
