/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-json.h: Lirscope's JSON documents (graph and module) through json-glib. */
#pragma once

#include "plan/lir-module.h"

G_BEGIN_DECLS

/* Deepest JSON nesting accepted; deeper input is refused before parsing. */
#define LIR_JSON_MAX_DEPTH 128

LirModule *lir_json_read          (const char *data,
                                   gsize       length,
                                   GError    **error);
char      *lir_json_write         (const LirModule *module,
                                   gsize           *length);
gboolean   lir_json_check_depth   (const char *data,
                                   gsize       length,
                                   GError    **error);

G_END_DECLS

G_BEGIN_DECLS
void lir_json_append_string (GString *out, const char *text);
G_END_DECLS
