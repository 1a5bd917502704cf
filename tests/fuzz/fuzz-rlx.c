/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-rlx.c: RLX's serialized LirModule through format detection and the
 * RLX importer; an imported plan is validated (violations are fine, a crash
 * is not) and fingerprinted, and written as Lirscope's module document it
 * reads back with the same fingerprint, statistics and validity. RLX's
 * cache key is computed, or refused with a reason in UTF-8, and the file's
 * own plan has the key of the plan RLX wrote. */
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
  {
    g_autoptr (GError) why = NULL;
    guint64 key, file_key;

    if (!lir_module_get_rlx_fingerprint (module, &key, &why))
      fuzz_check_text (why->message, strlen (why->message), "why there is no RLX key");
    else if (!lir_module_get_rlx_file_fingerprint (module, &file_key, NULL) || file_key != key)
      fuzz_fail ("RLX's key of the plan RLX wrote is not the key of the file's own plan");
  }
  return 0;
}
