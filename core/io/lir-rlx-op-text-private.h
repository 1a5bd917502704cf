/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-rlx-op-text-private.h: the text RLX's `impl Display for Op` gives an op. */
#pragma once

#include "ir/lir-json-doc-private.h"

G_BEGIN_DECLS

#define LIR_RLX_N_DTYPES 12

/* RLX's DType variants, in declaration order. */
extern const char *const lir_rlx_dtype_variants[LIR_RLX_N_DTYPES];

gboolean lir_rlx_op_text     (const char         *variant,
                              const LirJsonValue *payload,
                              GString            *out);
void     lir_rlx_append_f32  (GString            *out,
                              float               x);
void     lir_rlx_append_f32_debug (GString       *out,
                                   float          x);

G_END_DECLS
