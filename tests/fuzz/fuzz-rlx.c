/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-rlx.c: RLX's serialized LirModule through format detection and the
 * RLX importer; an imported plan is validated (violations are fine, a crash
 * is not) and fingerprinted, and written as Lirscope's module document it
 * reads back with the same fingerprint, statistics and validity. */
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_data ((const char *)data, size, &error);

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      fuzz_check_text (error->message, strlen (error->message), "an error message");
      return 0;
    }
  fuzz_check_round_trip (module, lir_module_new_from_json, lir_module_to_json, "an imported module");
  return 0;
}
