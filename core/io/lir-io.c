/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-io.c: file loading with format detection, and atomic saving. */
#include "lir-io.h"

#include "ir/lir-error.h"
#include "lir-csv.h"
#include "lir-json.h"
#include "lir-detect-private.h"
#include "lir-file-private.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/**
 * lir_module_new_from_data:
 * @data: (array length=length) (element-type guint8): file contents
 * @length: their length
 * @error: return location for a #GError
 *
 * Detects the format from the contents and reads it.
 *
 * Returns: (transfer full): the module, or %NULL
 */
LirModule *
lir_module_new_from_data (const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  LirTextKind kind;
  gsize start;

  if (!lir_detect_text (data, length, &kind, &start, error))
    return NULL;
  if (kind == LIR_TEXT_JSON)
    return lir_module_new_from_json (data + start, length - start, error);
  return lir_module_new_from_csv (data, length, error);
}

/**
 * lir_module_new_from_file:
 * @path: a file path, or `-` for standard input
 * @error: return location for a #GError; messages start with @path
 *
 * Reads a module from a file: a Lirscope graph or module document, RLX's
 * LIR (AOT-cache JSON) or a MiniMalloc CSV, told apart by their content. A
 * graph is returned unplanned; plan it with lir_module_replan().
 *
 * Errors are in the %LIR_ERROR domain and name the file and the JSON path or
 * line of the problem.
 *
 * Returns: (transfer full): the module, or %NULL
 */
LirModule *
lir_module_new_from_file (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  LirModule *module;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  data = lir_file_read (path, &length, &local);
  if (local != NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
      return NULL;
    }
  module = lir_module_new_from_data (data, length, &local);
  if (module == NULL)
    g_set_error (error, local->domain, local->code, "%s:%s%s", path,
                 g_ascii_isdigit (local->message[0]) ? "" : " ", local->message);
  return module;
}

/**
 * lir_module_save:
 * @module: a module
 * @path: destination, or `-` for standard output; a name ending in `.csv`
 *   is written as a MiniMalloc buffer list, any other as a module or
 *   graph document
 * @error: return location for a #GError
 *
 * Writes @module with lir_file_write ().
 *
 * Returns: %TRUE on success
 */
gboolean
lir_module_save (const LirModule *module, const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (module != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  if (g_str_has_suffix (path, ".csv"))
    {
      /* A buffer list has no graph: a graph without a plan would come
       * back as nothing. */
      if (lir_module_get_plan (module) == NULL)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                       "%s: a graph without a plan cannot be written as a CSV buffer list; plan it "
                       "first",
                       path);
          return FALSE;
        }
      text = lir_module_to_csv (module, &length);
    }
  else
    text = lir_module_to_json (module, &length);
  return lir_file_write (path, text, length, error);
}
