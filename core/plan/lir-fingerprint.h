/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-fingerprint.h: stable XXH3-64 fingerprints of a module and of its graph. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
guint64  lir_graph_get_fingerprint  (const LirGraph *graph);
LIR_AVAILABLE_IN_ALL
guint64  lir_module_get_fingerprint (const LirModule *module);
LIR_AVAILABLE_IN_ALL
char    *lir_fingerprint_to_string  (guint64 fingerprint);
LIR_AVAILABLE_IN_ALL
gboolean lir_module_get_rlx_fingerprint      (const LirModule *module,
                                              guint64         *fingerprint,
                                              GError         **error);
LIR_AVAILABLE_IN_ALL
gboolean lir_module_get_rlx_file_fingerprint (const LirModule *module,
                                              guint64         *fingerprint,
                                              GError         **error);

G_END_DECLS
