/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-csv.c: MiniMalloc buffer lists through the CSV reader; what parses
 * is written back and read again, which must succeed. */
#include "fuzz-target.h"

#include "lir.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_csv_read ((const char *)data, size, &error);
  g_autoptr (LirModule) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  text = lir_csv_write (module, &length);
  again = lir_csv_read (text, length, &error);
  if (again == NULL)
    fuzz_fail ("a buffer list Lirscope wrote does not read back: %s", error->message);
  return 0;
}
