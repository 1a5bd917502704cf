/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-siphash-private.h: SipHash-1-3 over a byte stream, as Rust's DefaultHasher. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A hash under way. A plain value: copying it forks the stream, so a
 * prefix hashed once can be finished with several endings. */
typedef struct
{
  guint64 v0, v1, v2, v3;
  guint64 tail;   /* the last length % 8 bytes, little-endian */
  guint64 length; /* bytes written */
} LirSipHash;

void    lir_siphash13_init        (LirSipHash *hash);
void    lir_siphash13_write       (LirSipHash *hash,
                                   const void *data,
                                   gsize       length);
void    lir_siphash13_write_u32   (LirSipHash *hash,
                                   guint32     value);
void    lir_siphash13_write_usize (LirSipHash *hash,
                                   guint64     value);
void    lir_siphash13_write_str   (LirSipHash *hash,
                                   const char *text);
guint64 lir_siphash13_finish      (const LirSipHash *hash);

G_END_DECLS
