/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-detect.c: format detection, in one place: JSON or CSV from the text,
 * then Lirscope's document or RLX's LIR from the JSON. */
#include "lir-detect-private.h"

#include "ir/lir-error.h"

#include <string.h>

/**
 * lir_detect_text:
 * @data: a file's contents
 * @length: their length
 * @kind: (out): what the text is
 * @start: (out): where the document starts (past a byte order mark and
 *   white space)
 * @error: return location for a #GError
 *
 * Tells a JSON document from a CSV by the first character that is not a
 * byte order mark or white space. UTF-16, an empty file and a JSON scalar
 * (`null`, `3`, `"x"`: JSON of the wrong kind, not a CSV without columns)
 * are errors.
 *
 * Returns: %TRUE if the text is one of the formats
 */
gboolean
lir_detect_text (const char *data, gsize length, LirTextKind *kind, gsize *start, GError **error)
{
  gsize i = 0;

  if (length >= 2 && (guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "the file is UTF-16 (little-endian); save it as UTF-8");
      return FALSE;
    }
  if (length >= 2 && (guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "the file is UTF-16 (big-endian); save it as UTF-8");
      return FALSE;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  *start = i;
  if (i == length)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "the file is empty");
      return FALSE;
    }
  if (data[i] == '{' || data[i] == '[')
    {
      *kind = LIR_TEXT_JSON;
      return TRUE;
    }
  {
    /* A CSV fails to parse as JSON at its first comma: this costs nothing. */
    g_autoptr (LirJsonDoc) doc = lir_json_parse (data + i, length - i, NULL);

    if (doc != NULL)
      {
        LirJsonType type = lir_json_doc_get_root (doc)->type;

        g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                     "the document is a JSON %s, not a graph or module (expected an object)",
                     type == LIR_JSON_NULL      ? "null"
                     : type == LIR_JSON_STRING  ? "string"
                     : type == LIR_JSON_BOOLEAN ? "boolean"
                                                : "number");
        return FALSE;
      }
  }
  if (g_ascii_isalpha (data[i]) || data[i] == '"')
    {
      /* A CSV reads from the start: its byte order mark is its own business. */
      *kind = LIR_TEXT_CSV;
      *start = 0;
      return TRUE;
    }
  g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
               "neither a JSON document nor a CSV with a header row");
  return FALSE;
}

/**
 * lir_detect_document:
 * @root: a JSON document's top-level object
 *
 * Returns: %LIR_DOCUMENT_RLX for RLX's serialized LirModule (`mir` and
 *   `buffers` at the top, no Lirscope `format`), else
 *   %LIR_DOCUMENT_LIRSCOPE (whose header is checked when it is read)
 */
LirDocumentKind
lir_detect_document (const LirJsonValue *root)
{
  if (lir_json_get (root, "mir") != NULL && lir_json_get (root, "buffers") != NULL
      && lir_json_get (root, "format") == NULL)
    return LIR_DOCUMENT_RLX;
  return LIR_DOCUMENT_LIRSCOPE;
}
