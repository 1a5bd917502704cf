/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-shape.h: tensor shapes whose dims are static sizes or named symbols. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-dtype.h"

G_BEGIN_DECLS

/* Most dims a shape may have; deeper shapes are rejected on input. */
#define LIR_MAX_DIMS 16
/* The symbol index of a static dim. */
#define LIR_DIM_STATIC G_MAXUINT32

/**
 * LirDim:
 * @size: the size of a static dim (unused for a symbolic one)
 * @symbol: index of the dim's symbol in its graph, or %LIR_DIM_STATIC
 *
 * One dimension of a #LirShape: a static size or a symbol of the graph.
 */
typedef struct
{
  guint64 size;
  guint32 symbol;
} LirDim;

#define LIR_TYPE_DIM (lir_dim_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_dim_get_type (void) G_GNUC_CONST;

/**
 * LirShape:
 * @dtype: element type
 * @n_dims: number of dims
 * @dims: the dims, outermost first
 *
 * A value type: shapes are copied, never shared.
 */
typedef struct
{
  LirDType dtype;
  guint n_dims;
  LirDim dims[LIR_MAX_DIMS];
} LirShape;

#define LIR_TYPE_SHAPE (lir_shape_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_shape_get_type (void) G_GNUC_CONST;

/* Compound literals the introspection scanner cannot parse; C only. */
#ifndef __GI_SCANNER__
static inline LirDim
lir_dim_static (guint64 size)
{
  return (LirDim){ .size = size, .symbol = LIR_DIM_STATIC };
}

static inline LirDim
lir_dim_symbol (guint32 symbol)
{
  return (LirDim){ .size = 0, .symbol = symbol };
}
#endif

LIR_AVAILABLE_IN_ALL
LirShape lir_shape_new_static (LirDType       dtype,
                               guint          n_dims,
                               const guint64 *sizes);
LIR_AVAILABLE_IN_ALL
LirShape *lir_shape_new_static_boxed (LirDType       dtype,
                                      guint          n_dims,
                                      const guint64 *sizes);
LIR_AVAILABLE_IN_ALL
gboolean lir_shape_is_static  (const LirShape *shape);
LIR_AVAILABLE_IN_ALL
gboolean lir_shape_get_byte_size  (const LirShape *shape,
                               const guint64  *symbol_values,
                               guint           n_symbols,
                               guint64        *out_bytes,
                               GError        **error);
LIR_AVAILABLE_IN_ALL
gboolean lir_shape_get_inner_bytes (const LirShape *shape,
                                guint64        *out_bytes);

/* Build a static shape from a list of sizes: LIR_SHAPE (LIR_DTYPE_F32, 8, 4). */
#define LIR_SHAPE(dtype, ...)                                                 \
  lir_shape_new_static ((dtype),                                              \
                        sizeof ((const guint64[]){ __VA_ARGS__ })             \
                            / sizeof (guint64),                               \
                        (const guint64[]){ __VA_ARGS__ })

G_END_DECLS
