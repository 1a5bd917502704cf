/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json.c: reads a Lirscope graph or module document (or RLX's LIR, by
 * detection) into a module: its header, then lir-json-graph.c and
 * lir-json-plan.c for the parts. */
#include "lir-json.h"

#include "ir/lir-error.h"
#include "lir-detect-private.h"
#include "lir-json-read-private.h"
#include "lir-rlx-private.h"

#include <string.h>

static gboolean
check_header (const LirJsonValue *root, const char **format, LirJsonPath *path, GError **error)
{
  const LirJsonValue *format_node = lir_json_member (root, "format", TRUE, path, error);
  guint64 version;
  gsize mark;

  if (format_node == NULL)
    return FALSE;
  lir_json_path_push_key (path, "format", &mark);
  if ((*format = lir_json_to_string (format_node, path, error)) == NULL)
    return FALSE;
  if (strcmp (*format, LIR_JSON_GRAPH_FORMAT) != 0 && strcmp (*format, LIR_JSON_MODULE_FORMAT) != 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "format: \"%s\" is not \"" LIR_JSON_GRAPH_FORMAT "\" or \"" LIR_JSON_MODULE_FORMAT "\"",
                   *format);
      return FALSE;
    }
  lir_json_path_pop (path, mark);
  if (!lir_json_get_u64 (root, "version", G_MAXUINT32, &version, path, error))
    return FALSE;
  if (version != LIR_JSON_FORMAT_VERSION)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED,
                   "version: %" G_GUINT64_FORMAT " is not supported (this Lirscope reads %d)", version,
                   LIR_JSON_FORMAT_VERSION);
      return FALSE;
    }
  return TRUE;
}

/**
 * lir_module_new_from_json:
 * @data: (array length=length) (element-type guint8): a graph or module document
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Reads a Lirscope graph or module document, or RLX's LIR (its serialized
 * LirModule), told apart by their keys.
 *
 * Returns: (transfer full): the module (without a plan for a graph
 *   document), or %NULL with an error naming the JSON path
 */
LirModule *
lir_module_new_from_json (const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  g_autoptr (LirJsonDoc) doc = lir_json_parse (data, length, error);
  g_autoptr (GString) path_text = g_string_new (NULL);
  LirJsonPath path = { path_text };
  g_autoptr (LirGraph) graph = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;
  const LirJsonValue *root;
  const char *format;

  if (doc == NULL)
    return NULL;
  if ((root = lir_json_to_object (lir_json_doc_get_root (doc), &path, error)) == NULL)
    return NULL;
  /* RLX's own LirModule: {"mir": …, "buffers": …}, no "format". */
  if (lir_detect_document (root) == LIR_DOCUMENT_RLX)
    return lir_rlx_read (root, &path, error);
  if (!check_header (root, &format, &path, error))
    return NULL;

  if (strcmp (format, LIR_JSON_GRAPH_FORMAT) == 0)
    graph = lir_json_read_graph (root, &path, error);
  else
    {
      const LirJsonValue *graph_node = lir_json_member (root, "graph", TRUE, &path, error);
      const LirJsonValue *plan_node, *object;
      gsize mark;

      if (graph_node == NULL)
        return NULL;
      lir_json_path_push_key (&path, "graph", &mark);
      if ((object = lir_json_to_object (graph_node, &path, error)) == NULL
          || (graph = lir_json_read_graph (object, &path, error)) == NULL)
        return NULL;
      lir_json_path_pop (&path, mark);
      if ((plan_node = lir_json_member (root, "plan", TRUE, &path, error)) == NULL)
        return NULL;
      lir_json_path_push_key (&path, "plan", &mark);
      if ((object = lir_json_to_object (plan_node, &path, error)) == NULL
          || (plan = lir_json_read_plan (graph, object, &path, error)) == NULL)
        return NULL;
    }
  if (graph == NULL)
    return NULL;
  return lir_module_new (graph, plan);
}
