/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-error.c: the LIR_ERROR domain. */
#include "lir-error.h"

G_DEFINE_QUARK (lir-error-quark, lir_error)
