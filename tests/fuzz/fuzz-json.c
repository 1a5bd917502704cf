/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c: Lirscope's graph and module documents (and, by detection,
 * RLX's LIR JSON) through the JSON reader; what parses is written back and
 * must read back as the same module: the same text, fingerprint,
 * statistics and validity. */
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  fuzz_round_trip (data, size, lir_module_new_from_json, lir_module_to_json, "a module");
  return 0;
}
