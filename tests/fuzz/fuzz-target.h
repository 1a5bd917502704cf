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
