/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-util.c: typed access to a parsed JSON document with errors
 * that name the JSON path, and op labels from payloads. */
#include "lir-json-read-private.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "ir/lir-limits.h"
#include "lir-json.h"

#include <stdlib.h>
#include <string.h>

/* ---- typed access ----------------------------------------------------------------------- */

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
  char digits[12];
  guint n = 0;

  *mark = path->text->len;
  do
    digits[n++] = (char)('0' + index % 10);
  while ((index /= 10) > 0);
  g_string_append_c (path->text, '[');
  while (n > 0)
    g_string_append_c (path->text, digits[--n]);
  g_string_append_c (path->text, ']');
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
node_type_name (const LirJsonValue *value)
{
  switch (value == NULL ? LIR_JSON_NULL : value->type)
    {
    case LIR_JSON_NULL:
      return "null";
    case LIR_JSON_OBJECT:
      return "an object";
    case LIR_JSON_ARRAY:
      return "an array";
    case LIR_JSON_STRING:
      return "a string";
    case LIR_JSON_BOOLEAN:
      return "a boolean";
    case LIR_JSON_DOUBLE:
      return "a fractional number";
    case LIR_JSON_INTEGER:
    default:
      return "a number";
    }
}

const LirJsonValue *
lir_json_member (const LirJsonValue *object, const char *key, gboolean required, const LirJsonPath *path,
                 GError **error)
{
  const LirJsonValue *value = lir_json_get (object, key);

  if (value == NULL && required)
    lir_json_error (error, path, "missing field \"%s\"", key);
  return value;
}

gboolean
lir_json_to_u64 (const LirJsonValue *value, guint64 max, guint64 *out, const LirJsonPath *path,
                 GError **error)
{
  if (value == NULL || value->type != LIR_JSON_INTEGER)
    {
      lir_json_error (error, path, "expected a non-negative integer, found %s", node_type_name (value));
      return FALSE;
    }
  if (value->v.integer < 0 || (guint64)value->v.integer > max)
    {
      lir_json_error (error, path, "%" G_GINT64_FORMAT " is out of range (0 to %" G_GUINT64_FORMAT ")",
                      value->v.integer, max);
      return FALSE;
    }
  *out = (guint64)value->v.integer;
  return TRUE;
}

gboolean
lir_json_get_u64 (const LirJsonValue *object, const char *key, guint64 max, guint64 *out, LirJsonPath *path,
                  GError **error)
{
  const LirJsonValue *value = lir_json_member (object, key, TRUE, path, error);
  gsize mark;
  gboolean ok;

  if (value == NULL)
    return FALSE;
  lir_json_path_push_key (path, key, &mark);
  ok = lir_json_to_u64 (value, max, out, path, error);
  lir_json_path_pop (path, mark);
  return ok;
}

static const LirJsonValue *
expect (const LirJsonValue *value, LirJsonType type, const char *what, const LirJsonPath *path,
        GError **error)
{
  if (value == NULL || value->type != type)
    {
      lir_json_error (error, path, "expected %s, found %s", what, node_type_name (value));
      return NULL;
    }
  return value;
}

const LirJsonValue *
lir_json_to_object (const LirJsonValue *value, const LirJsonPath *path, GError **error)
{
  return expect (value, LIR_JSON_OBJECT, "an object", path, error);
}

const LirJsonValue *
lir_json_to_array (const LirJsonValue *value, const LirJsonPath *path, GError **error)
{
  return expect (value, LIR_JSON_ARRAY, "an array", path, error);
}

const char *
lir_json_to_string (const LirJsonValue *value, const LirJsonPath *path, GError **error)
{
  return expect (value, LIR_JSON_STRING, "a string", path, error) != NULL ? value->v.string : NULL;
}

/* A string that is a name (lir_limits_check_name ()), or NULL with an
 * error at @path. */
const char *
lir_json_read_name (const LirJsonValue *value, gboolean may_be_empty, LirJsonPath *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  const char *name = lir_json_to_string (value, path, error);

  if (name != NULL && !lir_limits_check_name (name, -1, may_be_empty, &local))
    {
      g_set_error (error, LIR_ERROR, local->code, "%s: %s",
                   path->text->len > 0 ? path->text->str : "(document)", local->message);
      return NULL;
    }
  return name;
}

#define MAX_LABEL_PAYLOAD 40

/* A payload value as people write it: strings bare, lists with ", ". */
static void
append_display (GString *out, const LirJsonValue *value)
{
  switch (value->type)
    {
    case LIR_JSON_STRING:
      g_string_append (out, value->v.string);
      break;
    case LIR_JSON_ARRAY:
      g_string_append_c (out, '[');
      LIR_JSON_FOREACH (element, i, value)
      {
        if (i > 0)
          g_string_append (out, ", ");
        append_display (out, element);
      }
      g_string_append_c (out, ']');
      break;
    default:
      lir_json_append_canonical (out, value);
      break;
    }
}

/**
 * lir_json_op_label:
 * @op_name: the op
 * @payload: (nullable): its payload (RLX's enum payload, or a node's attrs)
 * @label: (out) (transfer full) (nullable): "Binary(Add)", "reshape([-1, 768])",
 *   "Narrow(axis=1, start=0, len=768)"; %NULL when the payload adds nothing
 * @family: (out) (transfer full) (nullable): the label when the payload is a
 *   plain string (an enum variant, which colouring by op tells apart), else
 *   %NULL
 */
void
lir_json_op_label (const char *op_name, const LirJsonValue *payload, char **label, char **family)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint shown = 0;

  *label = *family = NULL;
  if (payload == NULL || payload->type == LIR_JSON_NULL)
    return;
  if (payload->type == LIR_JSON_OBJECT)
    {
      guint n_members = 0;

      LIR_JSON_FOREACH (member, i, payload)
      n_members += member->type != LIR_JSON_NULL;
      LIR_JSON_FOREACH (member, i, payload)
      {
        if (member->type == LIR_JSON_NULL)
          continue;
        if (shown++ > 0)
          g_string_append (text, ", ");
        /* One field says itself; several are named. */
        if (n_members > 1)
          g_string_append_printf (text, "%s=", member->key);
        append_display (text, member);
      }
      if (shown == 0)
        return;
    }
  else
    append_display (text, payload);
  if (g_utf8_strlen (text->str, -1) > MAX_LABEL_PAYLOAD)
    {
      const char *cut = g_utf8_offset_to_pointer (text->str, MAX_LABEL_PAYLOAD - 1);

      g_string_truncate (text, (gsize)(cut - text->str));
      g_string_append (text, "…");
    }
  *label = g_strdup_printf ("%s(%s)", op_name, text->str);
  if (payload->type == LIR_JSON_STRING)
    *family = g_strdup (*label);
}
