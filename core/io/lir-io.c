/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-io.c: file loading with format detection, and atomic saving. */
#include "lir-io.h"

#include "ir/lir-error.h"
#include "lir-csv.h"
#include "lir-json.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/**
 * lir_io_load_data:
 * @data: file contents
 * @length: their length
 * @error: return location for a #GError
 *
 * Detects the format from the contents and reads it.
 *
 * Returns: (transfer full): the module, or %NULL
 */
LirModule *
lir_io_load_data (const char *data, gsize length, GError **error)
{
  gsize i = 0;

  if (length >= 2 && ((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "the file is UTF-16 (little-endian); save it as UTF-8");
      return NULL;
    }
  if (length >= 2 && ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED, "the file is UTF-16 (big-endian); save it as UTF-8");
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "the file is empty");
      return NULL;
    }
  if (data[i] == '{' || data[i] == '[')
    return lir_json_read (data + i, length - i, error);
  if (g_ascii_isalpha (data[i]) || data[i] == '"')
    return lir_csv_read (data, length, error);
  g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
               "neither a JSON document nor a CSV with a header row");
  return NULL;
}

static char *
read_stdin (gsize *length, GError **error)
{
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[65536];

  for (;;)
    {
      ssize_t got = read (STDIN_FILENO, chunk, sizeof chunk);
      if (got == 0)
        break;
      if (got < 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot read standard input: %s",
                       g_strerror (errno));
          return NULL;
        }
      if (bytes->len + (gsize)got > LIR_MAX_FILE_BYTES)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "input larger than %llu bytes",
                       (unsigned long long)LIR_MAX_FILE_BYTES);
          return NULL;
        }
      g_byte_array_append (bytes, chunk, (guint)got);
    }
  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/* The reason behind a GFileError, without the file name GLib put in it. */
static const char *
file_error_reason (const GError *error)
{
  static const struct
  {
    GFileError code;
    int errnum;
  } reasons[] = {
    { G_FILE_ERROR_NOENT, ENOENT },   { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM },
    { G_FILE_ERROR_ROFS, EROFS },     { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_ISDIR, EISDIR },
    { G_FILE_ERROR_NOTDIR, ENOTDIR }, { G_FILE_ERROR_EXIST, EEXIST }, { G_FILE_ERROR_NAMETOOLONG, ENAMETOOLONG },
    { G_FILE_ERROR_IO, EIO },
  };

  if (error->domain == G_FILE_ERROR)
    for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
      if (reasons[i].code == (GFileError)error->code)
        return g_strerror (reasons[i].errnum);
  return error->message;
}

/**
 * lir_io_load:
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
lir_io_load (const char *path, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) local = NULL;
  LirModule *module;
  gsize length = 0;
  GStatBuf st;
  gboolean exists = strcmp (path, "-") != 0 && g_stat (path, &st) == 0;

  if (strcmp (path, "-") == 0)
    data = read_stdin (&length, &local);
  else if (exists && S_ISDIR (st.st_mode))
    g_set_error (&local, LIR_ERROR, LIR_ERROR_IO, "is a directory");
  else if (exists && (guint64)st.st_size > LIR_MAX_FILE_BYTES)
    g_set_error (&local, LIR_ERROR, LIR_ERROR_LIMIT, "larger than %llu bytes",
                 (unsigned long long)LIR_MAX_FILE_BYTES);
  else if (!g_file_get_contents (path, &data, &length, &local))
    {
      /* errno is gone by now (g_clear_error frees): the reason comes from the error's code. */
      const char *reason = file_error_reason (local);
      g_autofree char *copy = g_strdup (reason);

      g_clear_error (&local);
      g_set_error (&local, LIR_ERROR, LIR_ERROR_IO, "cannot read: %s", copy);
    }
  if (local != NULL)
    {
      g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
      return NULL;
    }
  module = lir_io_load_data (data, length, &local);
  if (module == NULL)
    g_set_error (error, local->domain, local->code, "%s:%s%s", path,
                 g_ascii_isdigit (local->message[0]) ? "" : " ", local->message);
  return module;
}

/**
 * lir_io_write_atomic:
 * @path: destination, or `-` for standard output
 * @data: bytes to write
 * @length: their length
 * @error: return location for a #GError
 *
 * Writes to a temporary file beside @path and renames it into place, so a
 * reader never sees half a file.
 *
 * Returns: %TRUE on success
 */
gboolean
lir_io_write_atomic (const char *path, const char *data, gsize length, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "cannot write standard output");
          return FALSE;
        }
      return TRUE;
    }
  if (!g_file_set_contents_full (path, data, (gssize)length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &local))
    {
      /* GLib's message names the temporary file; the user named @path. */
      g_set_error (error, LIR_ERROR, LIR_ERROR_IO, "%s: cannot write: %s", path,
                   file_error_reason (local));
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_io_save:
 * @module: a module
 * @path: destination, or `-` for standard output
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
lir_io_save (const LirModule *module, const char *path, GError **error)
{
  gsize length;
  g_autofree char *text = g_str_has_suffix (path, ".csv") ? lir_csv_write (module, &length)
                                                          : lir_json_write (module, &length);

  return lir_io_write_atomic (path, text, length, error);
}

/**
 * lir_io_same_file:
 * @a: a path
 * @b: another path
 *
 * Returns: %TRUE if both name the same existing file (so an output must
 *   not be written there)
 */
gboolean
lir_io_same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  if (strcmp (a, "-") == 0 || strcmp (b, "-") == 0)
    return FALSE;
  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}
