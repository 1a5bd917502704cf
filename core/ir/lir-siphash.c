/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-siphash.c: SipHash-1-3 over a byte stream, as Rust's DefaultHasher.
 *
 * RLX keys its AOT cache with Rust's DefaultHasher, which is SipHash-1-3
 * with a zero key (one compression round per 8-byte word, three
 * finalization rounds) fed the bytes Rust's Hash implementations write:
 * integers little-endian at their own width (usize as 8 bytes), a string's
 * bytes then 0xff. No Debian library offers SipHash-1-3 (libsodium has only
 * 2-4), and the function is short: it is written here from the paper
 * (Aumasson and Bernstein, 2012) and checked against RLX's own keys.
 */
#include "lir-siphash-private.h"

#include <string.h>

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static inline void
sip_round (LirSipHash *h)
{
  h->v0 += h->v1;
  h->v1 = ROTL (h->v1, 13);
  h->v1 ^= h->v0;
  h->v0 = ROTL (h->v0, 32);
  h->v2 += h->v3;
  h->v3 = ROTL (h->v3, 16);
  h->v3 ^= h->v2;
  h->v0 += h->v3;
  h->v3 = ROTL (h->v3, 21);
  h->v3 ^= h->v0;
  h->v2 += h->v1;
  h->v1 = ROTL (h->v1, 17);
  h->v1 ^= h->v2;
  h->v2 = ROTL (h->v2, 32);
}

static inline void
compress (LirSipHash *h, guint64 m)
{
  h->v3 ^= m;
  sip_round (h);
  h->v0 ^= m;
}

/* The zero key, as DefaultHasher::new () uses. */
void
lir_siphash13_init (LirSipHash *hash)
{
  *hash = (LirSipHash){
    .v0 = G_GUINT64_CONSTANT (0x736f6d6570736575),
    .v1 = G_GUINT64_CONSTANT (0x646f72616e646f6d),
    .v2 = G_GUINT64_CONSTANT (0x6c7967656e657261),
    .v3 = G_GUINT64_CONSTANT (0x7465646279746573),
  };
}

void
lir_siphash13_write (LirSipHash *hash, const void *data, gsize length)
{
  const guint8 *p = data;

  for (gsize i = 0; i < length; i++)
    {
      guint shift = (hash->length % 8) * 8;

      hash->tail |= (guint64)p[i] << shift;
      hash->length++;
      if (hash->length % 8 == 0)
        {
          compress (hash, hash->tail);
          hash->tail = 0;
        }
    }
}

void
lir_siphash13_write_u32 (LirSipHash *hash, guint32 value)
{
  guint8 bytes[4];

  for (guint i = 0; i < 4; i++)
    bytes[i] = (guint8)(value >> (8 * i));
  lir_siphash13_write (hash, bytes, sizeof bytes);
}

/* Rust's usize on a 64-bit target: 8 bytes. */
void
lir_siphash13_write_usize (LirSipHash *hash, guint64 value)
{
  guint8 bytes[8];

  for (guint i = 0; i < 8; i++)
    bytes[i] = (guint8)(value >> (8 * i));
  lir_siphash13_write (hash, bytes, sizeof bytes);
}

/* Rust's Hash for str: the bytes, then 0xff (which no UTF-8 holds). */
void
lir_siphash13_write_str (LirSipHash *hash, const char *text)
{
  static const guint8 end = 0xff;

  lir_siphash13_write (hash, text, strlen (text));
  lir_siphash13_write (hash, &end, 1);
}

guint64
lir_siphash13_finish (const LirSipHash *hash)
{
  LirSipHash h = *hash;
  guint64 b = (h.length & 0xff) << 56 | h.tail;

  compress (&h, b);
  h.v2 ^= 0xff;
  sip_round (&h);
  sip_round (&h);
  sip_round (&h);
  return h.v0 ^ h.v1 ^ h.v2 ^ h.v3;
}
