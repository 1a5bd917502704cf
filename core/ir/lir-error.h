/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-error.h: the error domain shared by every layer of core/. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

#define LIR_ERROR (lir_error_quark ())

/**
 * LirError:
 * @LIR_ERROR_PARSE: the input is not well-formed (JSON, CSV syntax)
 * @LIR_ERROR_INVALID: the input is well-formed but its content is wrong
 * @LIR_ERROR_UNSUPPORTED: an unknown format or version
 * @LIR_ERROR_OVERFLOW: a size or offset does not fit in 64 bits
 * @LIR_ERROR_UNBOUND_SYMBOL: a symbolic dim has no value at planning time
 * @LIR_ERROR_CYCLE: the graph has a cycle
 * @LIR_ERROR_LIMIT: a resource limit was exceeded
 * @LIR_ERROR_NOT_FOUND: a strategy or symbol name is unknown
 * @LIR_ERROR_CAPACITY: no plan fits the requested capacity
 * @LIR_ERROR_CANCELLED: the operation was cancelled
 * @LIR_ERROR_IO: a file could not be read or written
 *
 * The errors of the %LIR_ERROR domain: everything that can fail on user
 * input reports one of these.
 */
typedef enum {
  LIR_ERROR_PARSE,
  LIR_ERROR_INVALID,
  LIR_ERROR_UNSUPPORTED,
  LIR_ERROR_OVERFLOW,
  LIR_ERROR_UNBOUND_SYMBOL,
  LIR_ERROR_CYCLE,
  LIR_ERROR_LIMIT,
  LIR_ERROR_NOT_FOUND,
  LIR_ERROR_CAPACITY,
  LIR_ERROR_CANCELLED,
  LIR_ERROR_IO,
} LirError;

LIR_AVAILABLE_IN_ALL
GQuark lir_error_quark (void);

G_END_DECLS
