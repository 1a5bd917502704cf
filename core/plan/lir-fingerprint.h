/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-fingerprint.h: stable XXH3-64 fingerprints of a module and of its graph. */
#pragma once

#include "lir-module.h"

G_BEGIN_DECLS

guint64  lir_graph_get_fingerprint  (const LirGraph *graph);
guint64  lir_module_get_fingerprint (const LirModule *module);
char    *lir_fingerprint_to_string  (guint64 fingerprint);

G_END_DECLS
