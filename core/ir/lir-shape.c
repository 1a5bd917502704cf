/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-shape.c: shape construction and overflow-checked byte sizes. */
#include "lir-shape.h"
#include "lir-boxed-private.h"

#include "lir-error.h"

/**
 * lir_shape_new_static: (skip)
 * @dtype: element type
 * @n_dims: number of dims, at most %LIR_MAX_DIMS
 * @sizes: (array length=n_dims): static dim sizes
 *
 * A shape whose dims are all static; LIR_SHAPE () writes one in place:
 * `LIR_SHAPE (LIR_DTYPE_F32, 8, 4)`.
 *
 * Returns: a shape with only static dims
 */
LirShape
lir_shape_new_static (LirDType dtype, guint n_dims, const guint64 *sizes)
{
  LirShape shape = { .dtype = dtype, .n_dims = 0 };

  g_return_val_if_fail (n_dims <= LIR_MAX_DIMS, shape);
  g_return_val_if_fail (n_dims == 0 || sizes != NULL, shape);

  shape.n_dims = n_dims;
  for (guint i = 0; i < n_dims; i++)
    shape.dims[i] = lir_dim_static (sizes[i]);
  return shape;
}

/**
 * lir_shape_new_static_boxed: (rename-to lir_shape_new_static)
 * @dtype: element type
 * @n_dims: number of dims, at most %LIR_MAX_DIMS
 * @sizes: (array length=n_dims): static dim sizes
 *
 * lir_shape_new_static() for bindings, which cannot take a structure by
 * value: the same shape, allocated.
 *
 * Returns: (transfer full) (nullable): a shape to free with g_free(), or
 *   %NULL if @n_dims is above %LIR_MAX_DIMS
 */
LirShape *
lir_shape_new_static_boxed (LirDType dtype, guint n_dims, const guint64 *sizes)
{
  g_return_val_if_fail (n_dims <= LIR_MAX_DIMS, NULL);
  g_return_val_if_fail (n_dims == 0 || sizes != NULL, NULL);

  LirShape shape = lir_shape_new_static (dtype, n_dims, sizes);

  return g_memdup2 (&shape, sizeof shape);
}

/**
 * lir_shape_is_static:
 * @shape: a shape
 *
 * Whether a shape's size is known without binding a symbol.
 *
 * Returns: %TRUE if no dim is symbolic
 */
gboolean
lir_shape_is_static (const LirShape *shape)
{
  g_return_val_if_fail (shape != NULL, FALSE);

  for (guint i = 0; i < shape->n_dims; i++)
    if (shape->dims[i].symbol != LIR_DIM_STATIC)
      return FALSE;
  return TRUE;
}

/**
 * lir_shape_get_byte_size:
 * @shape: a shape
 * @symbol_values: (array length=n_symbols) (nullable): the bound value of
 *   each symbol, or %G_MAXUINT64 for an unbound one
 * @n_symbols: length of @symbol_values
 * @out_bytes: (out): the byte size
 * @error: return location for a #GError
 *
 * Computes elements × element size. Overflow and unbound symbols are
 * errors, never a wrapped value.
 *
 * Returns: %TRUE on success
 */
gboolean
lir_shape_get_byte_size (const LirShape *shape, const guint64 *symbol_values, guint n_symbols,
                         guint64 *out_bytes, GError **error)
{
  g_return_val_if_fail (shape != NULL && out_bytes != NULL, FALSE);
  g_return_val_if_fail (symbol_values != NULL || n_symbols == 0, FALSE);

  guint64 bytes = lir_dtype_get_size (shape->dtype);

  for (guint i = 0; i < shape->n_dims; i++)
    {
      const LirDim *dim = &shape->dims[i];
      guint64 size = dim->size;

      if (dim->symbol != LIR_DIM_STATIC)
        {
          if (symbol_values == NULL || dim->symbol >= n_symbols || symbol_values[dim->symbol] == G_MAXUINT64)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_UNBOUND_SYMBOL, "dim %u is an unbound symbol", i);
              return FALSE;
            }
          size = symbol_values[dim->symbol];
        }
      if (!g_uint64_checked_mul (&bytes, bytes, size))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW, "byte size overflows 64 bits at dim %u", i);
          return FALSE;
        }
    }
  *out_bytes = bytes;
  return TRUE;
}

/**
 * lir_shape_get_inner_bytes:
 * @shape: a shape
 * @out_bytes: (out): bytes of one slice along axis 0
 *
 * The byte size of the dims after the first, which is the stride of an
 * axis-0 narrow. Fails when an inner dim is symbolic or on overflow.
 *
 * Returns: %TRUE if the inner dims are static and the size fits
 */
gboolean
lir_shape_get_inner_bytes (const LirShape *shape, guint64 *out_bytes)
{
  g_return_val_if_fail (shape != NULL && out_bytes != NULL, FALSE);

  guint64 bytes = lir_dtype_get_size (shape->dtype);

  for (guint i = 1; i < shape->n_dims; i++)
    {
      if (shape->dims[i].symbol != LIR_DIM_STATIC)
        return FALSE;
      if (!g_uint64_checked_mul (&bytes, bytes, shape->dims[i].size))
        return FALSE;
    }
  *out_bytes = bytes;
  return TRUE;
}

LIR_DEFINE_VALUE_TYPE (LirShape, lir_shape)

LIR_DEFINE_VALUE_TYPE (LirDim, lir_dim)
