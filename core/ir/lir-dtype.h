/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-dtype.h: element types of tensors and their byte sizes (as in RLX). */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * LirDType:
 *
 * The element type of a tensor. Byte sizes follow RLX: `c64` is a pair of
 * f32 (8 bytes) and `bool` takes one byte.
 */
typedef enum {
  LIR_DTYPE_F32,
  LIR_DTYPE_F16,
  LIR_DTYPE_BF16,
  LIR_DTYPE_F64,
  LIR_DTYPE_I8,
  LIR_DTYPE_I16,
  LIR_DTYPE_I32,
  LIR_DTYPE_I64,
  LIR_DTYPE_U8,
  LIR_DTYPE_U32,
  LIR_DTYPE_BOOL,
  LIR_DTYPE_C64,
  LIR_N_DTYPES /*< skip >*/
} LirDType;

LIR_AVAILABLE_IN_ALL
guint        lir_dtype_get_size (LirDType dtype);
LIR_AVAILABLE_IN_ALL
const char  *lir_dtype_to_string  (LirDType dtype);
LIR_AVAILABLE_IN_ALL
gboolean     lir_dtype_from_string (const char *text,
                                    LirDType   *out_dtype);

G_END_DECLS
