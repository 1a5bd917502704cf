/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-fingerprint.h: stable XXH3-64 fingerprints of a module and of its graph. */
#pragma once

#include "lir-module.h"

G_BEGIN_DECLS

/**
 * LirFingerprint:
 * @value: XXH3-64 of the canonical encoding (data/FORMAT.md)
 *
 * An AOT cache key: equal for equal modules on every platform.
 */
typedef struct
{
  guint64 value;
} LirFingerprint;

LirFingerprint lir_fingerprint_graph  (const LirGraph *graph);
LirFingerprint lir_fingerprint_module (const LirModule *module);
guint64        lir_module_get_fingerprint (const LirModule *module);
void           lir_fingerprint_format (LirFingerprint fingerprint,
                                       char           text[17]);

G_END_DECLS
