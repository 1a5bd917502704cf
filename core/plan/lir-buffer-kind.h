/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-buffer-kind.h: what a node's buffer is to the user. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"

G_BEGIN_DECLS

/**
 * LirBufferKind:
 *
 * What a buffer holds, as the live set totals it.
 */
typedef enum {
  LIR_BUFFER_KIND_INPUT,
  LIR_BUFFER_KIND_PARAM,
  LIR_BUFFER_KIND_CONSTANT,
  LIR_BUFFER_KIND_ACTIVATION,
  LIR_BUFFER_KIND_OUTPUT,
  LIR_N_BUFFER_KINDS /*< skip >*/
} LirBufferKind;

LIR_AVAILABLE_IN_ALL
const char         *lir_buffer_kind_to_string    (LirBufferKind kind);
LIR_AVAILABLE_IN_ALL
LirBufferKind       lir_module_get_buffer_kind   (const LirModule *module,
                                                  guint32          node);
LIR_AVAILABLE_IN_ALL
guint8             *lir_module_get_buffer_kinds  (const LirModule *module,
                                                  guint           *n_nodes);
LIR_AVAILABLE_IN_ALL
guint32            *lir_module_get_dynamic_nodes (LirModule *module,
                                                  guint     *n_nodes);

G_END_DECLS
