/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-rlx.c: RLX's serialized LirModule through format detection and the
 * RLX importer; an imported plan is validated (violations are fine, a crash
 * is not) and fingerprinted. */
#include "fuzz-target.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_io_load_data ((const char *)data, size, &error);
  g_autoptr (GPtrArray) violations = NULL;
  guint64 count;

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  if (lir_module_get_plan (module) != NULL)
    violations = lir_validate_module (module, &count);
  (void)lir_fingerprint_module (module);
  return 0;
}
