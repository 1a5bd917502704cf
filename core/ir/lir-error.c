/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-error.c: the LIR_ERROR domain. */
#include "lir-error.h"

G_DEFINE_QUARK (lir-error-quark, lir_error)
