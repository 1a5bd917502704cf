/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-dtype.c: element type names and sizes. */
#include "lir-dtype.h"

#include <string.h>

static const struct
{
  const char *name;
  guint size_bytes;
} dtype_info[LIR_N_DTYPES] = {
  [LIR_DTYPE_F32] = { "f32", 4 }, [LIR_DTYPE_F16] = { "f16", 2 },   [LIR_DTYPE_BF16] = { "bf16", 2 },
  [LIR_DTYPE_F64] = { "f64", 8 }, [LIR_DTYPE_I8] = { "i8", 1 },     [LIR_DTYPE_I16] = { "i16", 2 },
  [LIR_DTYPE_I32] = { "i32", 4 }, [LIR_DTYPE_I64] = { "i64", 8 },   [LIR_DTYPE_U8] = { "u8", 1 },
  [LIR_DTYPE_U32] = { "u32", 4 }, [LIR_DTYPE_BOOL] = { "bool", 1 }, [LIR_DTYPE_C64] = { "c64", 8 },
};

/**
 * lir_dtype_get_size:
 * @dtype: a #LirDType
 *
 * The bytes one element of @dtype takes, as RLX counts them.
 *
 * Returns: the size of one element in bytes
 */
guint
lir_dtype_get_size (LirDType dtype)
{
  g_return_val_if_fail (dtype < LIR_N_DTYPES, 0);
  return dtype_info[dtype].size_bytes;
}

/**
 * lir_dtype_to_string:
 * @dtype: a #LirDType
 *
 * Names @dtype the way Lirscope's documents write it.
 *
 * Returns: (transfer none): the lower-case name used in Lirscope files
 */
const char *
lir_dtype_to_string (LirDType dtype)
{
  g_return_val_if_fail (dtype < LIR_N_DTYPES, "invalid");
  return dtype_info[dtype].name;
}

/**
 * lir_dtype_from_string:
 * @text: a dtype name, lower case (`f32`) or RLX's variant name (`F32`)
 * @out_dtype: (out): the parsed dtype
 *
 * Reads a dtype name as Lirscope's documents or RLX's LIR write it.
 *
 * Returns: %TRUE if @text names a dtype
 */
gboolean
lir_dtype_from_string (const char *text, LirDType *out_dtype)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_dtype != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < LIR_N_DTYPES; i++)
    {
      if (g_ascii_strcasecmp (text, dtype_info[i].name) == 0)
        {
          *out_dtype = (LirDType)i;
          return TRUE;
        }
    }
  return FALSE;
}
