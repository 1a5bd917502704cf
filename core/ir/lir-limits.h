/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-limits.h: the one set of limits every reader, writer and planner of
 * core/ keeps, so that nothing Lirscope writes is refused when it is read
 * back. data/FORMAT.md lists them for users. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

/* Nodes (or CSV rows) in one graph. */
#define LIR_MAX_NODES (16u * 1024u * 1024u)
/* Bytes in any name: a graph, node, op, symbol or strategy name, a CSV id. */
#define LIR_MAX_NAME_LENGTH 4096u
#define LIR_MAX_INPUTS_PER_NODE 65536u
#define LIR_MAX_SYMBOLS 1024u
/* Sizes, offsets, arena ends and symbol values: JSON's signed 64-bit integers. */
#define LIR_MAX_BYTES ((guint64)G_MAXINT64)
/* The largest arena alignment, 2^40 (a terabyte): any more pads every
 * buffer past what an address space holds. */
#define LIR_MAX_ALIGNMENT (G_GUINT64_CONSTANT (1) << 40)
/* The last schedule step a lifetime may reach; steps count below 2^32. */
#define LIR_MAX_STEP (G_MAXUINT32 - 2)
/* Largest input file, in bytes. */
#define LIR_MAX_FILE_BYTES (G_GUINT64_CONSTANT (2) * 1024 * 1024 * 1024)
/* Deepest JSON nesting, and most JSON values in one document. */
#define LIR_JSON_MAX_DEPTH 128
#define LIR_JSON_MAX_VALUES (1u << 26)

/* Room for a name as shown (lir_name_shorten ()), its NUL included. */
#define LIR_SHORT_NAME_SIZE 256

LIR_AVAILABLE_IN_ALL
const char *lir_name_shorten        (const char *name,
                                     char        buffer[LIR_SHORT_NAME_SIZE]);

G_END_DECLS
