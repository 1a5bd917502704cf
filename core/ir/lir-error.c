/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-error.c: the LIR_ERROR domain. */
#include "lir-error.h"

/**
 * lir_error_quark:
 *
 * The domain of every error the library reports, %LIR_ERROR; the codes are
 * #LirError.
 *
 * Returns: the domain's quark
 */
/* the quark's name is text */
/* clang-format off */
G_DEFINE_QUARK (lir-error-quark, lir_error)
/* clang-format on */
