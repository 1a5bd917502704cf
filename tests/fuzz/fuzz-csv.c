/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: MiniMalloc buffer lists through the CSV reader; what parses
 * is written back and must read back as the same buffers: the same text,
 * fingerprint, statistics and validity. */
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_round_trip (data, size, lir_module_new_from_csv, lir_module_to_csv, "a buffer list");
  return 0;
}
