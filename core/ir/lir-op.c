/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-op.c: names and classes of the first-class op kinds. */
#include "lir-op.h"

#include <string.h>

static const struct
{
  const char *name;     /* Lirscope's file name */
  const char *rlx;      /* RLX's serde variant name */
  guint is_compute : 1; /* counted as compute by RLX's derive_phases */
} op_info[LIR_N_OP_KINDS] = {
  [LIR_OP_OPAQUE] = { "opaque", NULL, 0 },
  [LIR_OP_INPUT] = { "input", "Input", 0 },
  [LIR_OP_PARAM] = { "param", "Param", 0 },
  [LIR_OP_CONSTANT] = { "constant", "Constant", 0 },
  [LIR_OP_RESHAPE] = { "reshape", "Reshape", 0 },
  [LIR_OP_CAST] = { "cast", "Cast", 0 },
  [LIR_OP_NARROW] = { "narrow", "Narrow", 0 },
  [LIR_OP_SAMPLE] = { "sample", "Sample", 0 },
  [LIR_OP_TOPK] = { "topk", "TopK", 0 },
  [LIR_OP_MATMUL] = { "matmul", "MatMul", 1 },
  [LIR_OP_FUSED_MATMUL_BIAS_ACT] = { "fused_matmul_bias_act", "FusedMatMulBiasAct", 1 },
  [LIR_OP_ATTENTION] = { "attention", "Attention", 1 },
  [LIR_OP_FUSED_ATTENTION_BLOCK] = { "fused_attention_block", "FusedAttentionBlock", 1 },
  [LIR_OP_FUSED_TRANSFORMER_LAYER] = { "fused_transformer_layer", "FusedTransformerLayer", 1 },
  [LIR_OP_DOT_GENERAL] = { "dot_general", "DotGeneral", 1 },
  [LIR_OP_GROUPED_MATMUL] = { "grouped_matmul", "GroupedMatMul", 1 },
  [LIR_OP_DEQUANT_GROUPED_MATMUL] = { "dequant_grouped_matmul", "DequantGroupedMatMul", 1 },
  [LIR_OP_DEQUANT_MOE_WEIGHTS] = { "dequant_moe_weights", "DequantMoEWeights", 1 },
  [LIR_OP_LORA_MATMUL] = { "lora_matmul", "LoraMatMul", 1 },
  [LIR_OP_DEQUANT_MATMUL] = { "dequant_matmul", "DequantMatMul", 1 },
  [LIR_OP_GATED_DELTA_NET] = { "gated_delta_net", "GatedDeltaNet", 1 },
};

/**
 * lir_op_kind_to_string:
 * @kind: an op kind
 *
 * Names @kind the way Lirscope's documents write it.
 *
 * Returns: (transfer none): the op's name in Lirscope files
 */
const char *
lir_op_kind_to_string (LirOpKind kind)
{
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, "opaque");
  return op_info[kind].name;
}

/**
 * lir_op_kind_from_string:
 * @name: an op name from a Lirscope file
 *
 * The kind of an op named in a Lirscope document: ops whose meaning the
 * planner needs (views, boundaries, sampling, the compute-heavy ones) have a
 * kind of their own, every other op is opaque.
 *
 * Returns: the first-class kind, or %LIR_OP_OPAQUE for any other name
 */
LirOpKind
lir_op_kind_from_string (const char *name)
{
  g_return_val_if_fail (name != NULL, LIR_OP_OPAQUE);

  for (guint i = 1; i < LIR_N_OP_KINDS; i++)
    if (strcmp (name, op_info[i].name) == 0)
      return (LirOpKind)i;
  return LIR_OP_OPAQUE;
}

/**
 * lir_op_kind_to_rlx:
 * @kind: an op kind
 *
 * Names @kind the way RLX's LIR writes it.
 *
 * Returns: (transfer none) (nullable): RLX's variant name for @kind
 */
const char *
lir_op_kind_to_rlx (LirOpKind kind)
{
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, NULL);
  return op_info[kind].rlx;
}

/**
 * lir_op_kind_from_rlx:
 * @variant: an RLX `Op` variant name (`MatMul`)
 *
 * The kind of an op named by RLX's `Op` variant.
 *
 * Returns: the first-class kind, or %LIR_OP_OPAQUE
 */
LirOpKind
lir_op_kind_from_rlx (const char *variant)
{
  g_return_val_if_fail (variant != NULL, LIR_OP_OPAQUE);

  for (guint i = 1; i < LIR_N_OP_KINDS; i++)
    if (strcmp (variant, op_info[i].rlx) == 0)
      return (LirOpKind)i;
  return LIR_OP_OPAQUE;
}

/**
 * lir_op_kind_is_compute:
 * @kind: an op kind
 *
 * Whether RLX's phase heuristic counts @kind as compute-heavy: the steady
 * state runs from the first such op to the last.
 *
 * Returns: %TRUE for the compute-heavy kinds RLX's phase heuristic names
 */
gboolean
lir_op_kind_is_compute (LirOpKind kind)
{
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, FALSE);

  return kind < LIR_N_OP_KINDS && op_info[kind].is_compute;
}

/**
 * lir_op_kind_is_boundary:
 * @kind: an op kind
 *
 * Whether @kind is a boundary of the graph: its buffers are given to the run
 * rather than made by it.
 *
 * Returns: %TRUE for inputs, params and constants, which live for the run
 */
gboolean
lir_op_kind_is_boundary (LirOpKind kind)
{
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, FALSE);

  return kind == LIR_OP_INPUT || kind == LIR_OP_PARAM || kind == LIR_OP_CONSTANT;
}

/**
 * lir_op_kind_is_sampling:
 * @kind: an op kind
 *
 * Whether @kind samples the output (the epilogue begins there).
 *
 * Returns: %TRUE for sample and top-k, the epilogue markers
 */
gboolean
lir_op_kind_is_sampling (LirOpKind kind)
{
  g_return_val_if_fail (kind < LIR_N_OP_KINDS, FALSE);

  return kind == LIR_OP_SAMPLE || kind == LIR_OP_TOPK;
}
