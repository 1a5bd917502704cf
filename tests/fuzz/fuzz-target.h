/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-target.h: every fuzz target exports libFuzzer's entry point; the same
 * source also links into fuzz-replay, which the normal test suite runs over
 * the seed corpora and tests/fuzz/regressions/. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#include "lir.h"

/* A finding: say what broke, then abort so libFuzzer keeps the input
 * (it does not catch the SIGTRAP g_error() may raise). */
#define fuzz_fail(...)                                                                            \
  do                                                                                              \
    {                                                                                             \
      g_printerr ("fuzz finding: " __VA_ARGS__);                                                  \
      g_printerr ("\n");                                                                          \
      abort ();                                                                                   \
    }                                                                                             \
  while (0)


/* Reads with one format's reader; what parses must write and read back. */
static inline void
fuzz_round_trip (const uint8_t *data, size_t size,
                 LirModule *(*read) (const char *, gsize, GError **),
                 char *(*write) (const LirModule *, gsize *), const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = read ((const char *)data, size, &error);
  g_autoptr (LirModule) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return;
    }
  text = write (module, &length);
  again = read (text, length, &error);
  if (again == NULL)
    fuzz_fail ("%s Lirscope wrote does not read back: %s", what, error->message);
}
