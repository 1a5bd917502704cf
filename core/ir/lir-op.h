/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-op.h: op kinds whose meaning the planner needs; everything else is opaque. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * LirOpKind:
 *
 * First-class ops are the ones the planner, the phase heuristic or the
 * I/O manifest must understand. Every other op is %LIR_OP_OPAQUE: it keeps
 * its name and attributes and round-trips unchanged.
 */
typedef enum {
  LIR_OP_OPAQUE,
  LIR_OP_INPUT,
  LIR_OP_PARAM,
  LIR_OP_CONSTANT,
  LIR_OP_RESHAPE,
  LIR_OP_CAST,
  LIR_OP_NARROW,
  LIR_OP_SAMPLE,
  LIR_OP_TOPK,
  LIR_OP_MATMUL,
  LIR_OP_FUSED_MATMUL_BIAS_ACT,
  LIR_OP_ATTENTION,
  LIR_OP_FUSED_ATTENTION_BLOCK,
  LIR_OP_FUSED_TRANSFORMER_LAYER,
  LIR_OP_DOT_GENERAL,
  LIR_OP_GROUPED_MATMUL,
  LIR_OP_DEQUANT_GROUPED_MATMUL,
  LIR_OP_DEQUANT_MOE_WEIGHTS,
  LIR_OP_LORA_MATMUL,
  LIR_OP_DEQUANT_MATMUL,
  LIR_OP_GATED_DELTA_NET,
  LIR_N_OP_KINDS /*< skip >*/
} LirOpKind;

LIR_AVAILABLE_IN_ALL
const char *lir_op_kind_to_string     (LirOpKind kind);
LIR_AVAILABLE_IN_ALL
LirOpKind   lir_op_kind_from_string   (const char *name);
LIR_AVAILABLE_IN_ALL
const char *lir_op_kind_to_rlx        (LirOpKind kind);
LIR_AVAILABLE_IN_ALL
LirOpKind   lir_op_kind_from_rlx      (const char *variant);
LIR_AVAILABLE_IN_ALL
gboolean    lir_op_kind_is_compute    (LirOpKind kind);
LIR_AVAILABLE_IN_ALL
gboolean    lir_op_kind_is_boundary   (LirOpKind kind);
LIR_AVAILABLE_IN_ALL
gboolean    lir_op_kind_is_sampling   (LirOpKind kind);

G_END_DECLS
