/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-json-util.c: typed access to json-glib nodes with path-carrying errors,
 * and the canonical text form of attribute objects. */
#include "lir-json-private.h"

#include "ir/lir-error.h"
#include "lir-json.h"

#include <stdlib.h>
#include <string.h>

void
lir_json_path_push_key (LirJsonPath *path, const char *key, gsize *mark)
{
  *mark = path->text->len;
  if (path->text->len > 0)
    g_string_append_c (path->text, '.');
  g_string_append (path->text, key);
}

void
lir_json_path_push_index (LirJsonPath *path, guint index, gsize *mark)
{
  *mark = path->text->len;
  g_string_append_printf (path->text, "[%u]", index);
}

void
lir_json_path_pop (LirJsonPath *path, gsize mark)
{
  g_string_truncate (path->text, mark);
}

void
lir_json_error (GError **error, const LirJsonPath *path, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%s: %s",
               path->text->len > 0 ? path->text->str : "(document)", message);
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return "a string";
    case G_TYPE_BOOLEAN:
      return "a boolean";
    case G_TYPE_DOUBLE:
      return "a fractional number";
    default:
      return "a number";
    }
}

JsonNode *
lir_json_member (JsonObject *object, const char *key, gboolean required,
                 const LirJsonPath *path, GError **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL && required)
    lir_json_error (error, path, "missing field \"%s\"", key);
  return node;
}

gboolean
lir_json_to_u64 (JsonNode *node, guint64 max, guint64 *out, const LirJsonPath *path,
                 GError **error)
{
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      lir_json_error (error, path, "expected a non-negative integer, found %s",
                      node_type_name (node));
      return FALSE;
    }
  value = json_node_get_int (node);
  if (value < 0 || (guint64)value > max)
    {
      lir_json_error (error, path, "%" G_GINT64_FORMAT " is out of range (0 to %" G_GUINT64_FORMAT ")",
                      value, max);
      return FALSE;
    }
  *out = (guint64)value;
  return TRUE;
}

gboolean
lir_json_get_u64 (JsonObject *object, const char *key, guint64 max, guint64 *out,
                  LirJsonPath *path, GError **error)
{
  JsonNode *node = lir_json_member (object, key, TRUE, path, error);
  gsize mark;
  gboolean ok;

  if (node == NULL)
    return FALSE;
  lir_json_path_push_key (path, key, &mark);
  ok = lir_json_to_u64 (node, max, out, path, error);
  lir_json_path_pop (path, mark);
  return ok;
}

JsonObject *
lir_json_to_object (JsonNode *node, const LirJsonPath *path, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      lir_json_error (error, path, "expected an object, found %s", node_type_name (node));
      return NULL;
    }
  return json_node_get_object (node);
}

JsonArray *
lir_json_to_array (JsonNode *node, const LirJsonPath *path, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      lir_json_error (error, path, "expected an array, found %s", node_type_name (node));
      return NULL;
    }
  return json_node_get_array (node);
}

const char *
lir_json_to_string (JsonNode *node, const LirJsonPath *path, GError **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      lir_json_error (error, path, "expected a string, found %s", node_type_name (node));
      return NULL;
    }
  return json_node_get_string (node);
}

void
lir_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

/* The shortest decimal form that reads back as the same double. */
static void
append_double (GString *out, double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int digits = 15; digits <= 17; digits++)
    {
      g_ascii_formatd (buffer, sizeof buffer, digits == 15 ? "%.15g" : digits == 16 ? "%.16g" : "%.17g",
                       value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  /* Keep it a fraction, so it does not read back as an integer. */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static int
compare_strings (const void *a, const void *b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
append_canonical (GString *out, JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    g_string_append (out, "null");
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (object);
      guint n = g_list_length (members), i = 0;
      g_autofree const char **keys = g_new (const char *, n + 1);

      for (GList *l = members; l != NULL; l = l->next)
        keys[i++] = l->data;
      qsort (keys, n, sizeof (char *), compare_strings);
      g_string_append_c (out, '{');
      for (i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          lir_json_append_string (out, keys[i]);
          g_string_append_c (out, ':');
          append_canonical (out, json_object_get_member (object, keys[i]));
        }
      g_string_append_c (out, '}');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_string_append_c (out, '[');
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_canonical (out, json_array_get_element (array, i));
        }
      g_string_append_c (out, ']');
    }
  else
    {
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          lir_json_append_string (out, json_node_get_string (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        default:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
        }
    }
}

/**
 * lir_json_canonical:
 * @node: a JSON value
 *
 * Returns: (transfer full): compact JSON text with object keys sorted, the
 *   form attributes are stored, written and fingerprinted in
 */
char *
lir_json_canonical (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_canonical (out, node);
  return g_string_free (out, FALSE);
}

/**
 * lir_json_check_depth:
 * @data: JSON text
 * @length: its length
 * @error: return location for a #GError
 *
 * json-glib parses recursively, so hostile nesting is refused before it
 * gets there.
 *
 * Returns: %TRUE if no value nests deeper than %LIR_JSON_MAX_DEPTH
 */
gboolean
lir_json_check_depth (const char *data, gsize length, GError **error)
{
  guint depth = 0, line = 1;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];
      if (c == '\n')
        line++;
      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > LIR_JSON_MAX_DEPTH)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                           "line %u: JSON nests deeper than %u levels", line, LIR_JSON_MAX_DEPTH);
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

/**
 * lir_json_parse:
 * @data: JSON text
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the root node; syntax errors carry line:column
 */
JsonNode *
lir_json_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local = NULL;
  JsonNode *root;

  if (!lir_json_check_depth (data, length, error))
    return NULL;
  if (length > G_MAXSSIZE)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "the document is too large");
      return NULL;
    }
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize)length, &local))
    {
      /* json-glib says "<data>:LINE:COL: Parse error: ..."; keep LINE:COL. */
      const char *message = local->message;
      if (g_str_has_prefix (message, "<data>:"))
        message += strlen ("<data>:");
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "%s", message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "the document is empty");
      return NULL;
    }
  return json_node_ref (root);
}
