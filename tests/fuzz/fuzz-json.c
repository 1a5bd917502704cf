/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-json.c: Lirscope's graph and module documents (and, by detection,
 * RLX's LIR JSON) through the JSON reader; what parses is written back and
 * read again, which must succeed. */
#include "fuzz-target.h"

#include "lir.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_json_read ((const char *)data, size, &error);
  g_autoptr (LirModule) again = NULL;
  g_autofree char *text = NULL;
  gsize length;

  if (module == NULL)
    {
      g_assert (error != NULL && error->message[0] != '\0');
      return 0;
    }
  text = lir_json_write (module, &length);
  again = lir_json_read (text, length, &error);
  if (again == NULL)
    fuzz_fail ("a module Lirscope wrote does not read back: %s", error->message);
  return 0;
}
