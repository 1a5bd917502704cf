/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-doc.c: JSON text as a flat array of values (parsed by yajl),
 * checked where text enters (UTF-8, no NUL, no lone surrogate), and the
 * canonical text that attributes are stored, written and fingerprinted in. */
#include "lir-json-doc-private.h"

#include "lir-error.h"
#include "lir-limits.h"

#include <yajl_parse.h>

#include <stdlib.h>
#include <string.h>

struct _LirJsonDoc
{
  LirJsonValue *values; /* in document order; [0] is the root */
  guint32 n_values, capacity;
  GPtrArray *blocks; /* storage of keys and string values */
  char *block;       /* the block being filled */
  gsize block_used, block_size;
};

/* ---- parsing ---------------------------------------------------------------------------- */

/* Everything the parser allocates in proportion to the document is
 * allocated with g_try_ functions: a document too large for the memory
 * there is ends in an error, not in GLib's abort. */
typedef enum
{
  FAIL_NONE,
  FAIL_DEPTH,
  FAIL_VALUES,
  FAIL_MEMORY,
  FAIL_TEXT,
} Failure;

typedef struct
{
  LirJsonDoc *doc;
  GArray *open;    /* indices of the containers being filled */
  const char *key; /* the member name for the next value */
  Failure failure;
  const char *why; /* FAIL_TEXT: what is wrong with a string */
} Builder;

#define MIN_BLOCK (64 * 1024)

/* A copy of @text in the document's storage, NUL-terminated. */
static const char *
store_text (Builder *b, const unsigned char *text, size_t length)
{
  LirJsonDoc *doc = b->doc;
  char *copy;

  if (!g_utf8_validate_len ((const char *)text, length, NULL))
    {
      /* GLib's check also refuses NUL bytes and encoded surrogates. */
      b->failure = FAIL_TEXT;
      b->why = memchr (text, '\0', length) != NULL ? "a string contains \\u0000 (a NUL character)"
                                                   : "a string is not valid UTF-8";
      return NULL;
    }
  if (doc->block == NULL || doc->block_size - doc->block_used < length + 1)
    {
      gsize size = MAX (MIN_BLOCK, length + 1);
      char *block = g_try_malloc (size);

      if (block == NULL)
        {
          b->failure = FAIL_MEMORY;
          return NULL;
        }
      g_ptr_array_add (doc->blocks, block);
      doc->block = block;
      doc->block_used = 0;
      doc->block_size = size;
    }
  copy = doc->block + doc->block_used;
  memcpy (copy, text, length);
  copy[length] = '\0';
  doc->block_used += length + 1;
  return copy;
}

static LirJsonValue *
add_value (Builder *b, LirJsonType type)
{
  LirJsonDoc *doc = b->doc;
  LirJsonValue *value;

  if (doc->n_values >= LIR_JSON_MAX_VALUES)
    {
      b->failure = FAIL_VALUES;
      return NULL;
    }
  if (doc->n_values == doc->capacity)
    {
      guint32 capacity = MAX (64, doc->capacity + doc->capacity / 2);
      LirJsonValue *grown = g_try_renew (LirJsonValue, doc->values, capacity);

      if (grown == NULL)
        {
          b->failure = FAIL_MEMORY;
          return NULL;
        }
      doc->values = grown;
      doc->capacity = capacity;
    }
  if (b->open->len > 0)
    {
      guint32 parent = g_array_index (b->open, guint32, b->open->len - 1);
      doc->values[parent].length++;
    }
  value = &doc->values[doc->n_values++];
  memset (value, 0, sizeof *value);
  value->key = b->key;
  value->type = type;
  value->skip = 1;
  b->key = NULL;
  return value;
}

static int
on_null (void *ctx)
{
  return add_value (ctx, LIR_JSON_NULL) != NULL;
}

static int
on_boolean (void *ctx, int boolean)
{
  LirJsonValue *value = add_value (ctx, LIR_JSON_BOOLEAN);

  if (value != NULL)
    value->v.boolean = boolean != 0;
  return value != NULL;
}

static int
on_integer (void *ctx, long long integer)
{
  LirJsonValue *value = add_value (ctx, LIR_JSON_INTEGER);

  if (value != NULL)
    value->v.integer = integer;
  return value != NULL;
}

static int
on_double (void *ctx, double number)
{
  LirJsonValue *value = add_value (ctx, LIR_JSON_DOUBLE);

  if (value != NULL)
    value->v.number = number;
  return value != NULL;
}

static int
on_string (void *ctx, const unsigned char *text, size_t length)
{
  Builder *b = ctx;
  const char *copy = store_text (b, text, length);
  LirJsonValue *value;

  if (copy == NULL || (value = add_value (b, LIR_JSON_STRING)) == NULL)
    return 0;
  value->v.string = copy;
  return 1;
}

static int
on_key (void *ctx, const unsigned char *text, size_t length)
{
  Builder *b = ctx;

  b->key = store_text (b, text, length);
  return b->key != NULL;
}

static int
on_open (Builder *b, LirJsonType type)
{
  guint32 index = b->doc->n_values;

  if (b->open->len >= LIR_JSON_MAX_DEPTH)
    {
      b->failure = FAIL_DEPTH;
      return 0;
    }
  if (add_value (b, type) == NULL)
    return 0;
  g_array_append_val (b->open, index);
  return 1;
}

static int
on_open_object (void *ctx)
{
  return on_open (ctx, LIR_JSON_OBJECT);
}

static int
on_open_array (void *ctx)
{
  return on_open (ctx, LIR_JSON_ARRAY);
}

static int
on_close (void *ctx)
{
  Builder *b = ctx;
  guint32 index = g_array_index (b->open, guint32, b->open->len - 1);

  g_array_set_size (b->open, b->open->len - 1);
  b->doc->values[index].skip = b->doc->n_values - index;
  return 1;
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null,
  .yajl_boolean = on_boolean,
  .yajl_integer = on_integer,
  .yajl_double = on_double,
  .yajl_string = on_string,
  .yajl_start_map = on_open_object,
  .yajl_map_key = on_key,
  .yajl_end_map = on_close,
  .yajl_start_array = on_open_array,
  .yajl_end_array = on_close,
};

static gboolean
is_blank (const char *data, gsize length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
      return FALSE;
  return TRUE;
}

/* "LINE:COLUMN" of byte @offset, both from 1. */
static void
locate (const char *data, gsize length, gsize offset, guint *line, guint *column)
{
  const char *p = data, *end = data + MIN (offset, length), *nl;

  *line = 1;
  while ((nl = memchr (p, '\n', (gsize)(end - p))) != NULL)
    {
      (*line)++;
      p = nl + 1;
    }
  *column = (guint)(end - p) + 1;
}

static int
hex4 (const char *p, const char *end)
{
  int value = 0;

  if (end - p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);
      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  return value;
}

/* yajl turns a lone \uD800-\uDBFF escape into "?" and \u0000 into a NUL
 * that would cut a name short: both are refused here, with their place.
 * A backslash only occurs inside strings in valid JSON; yajl reports the
 * rest. Returns the offset of the bad escape, or -1. */
static gssize
find_bad_escape (const char *data, gsize length, const char **why)
{
  const char *end = data + length;

  for (const char *p = memchr (data, '\\', length); p != NULL && p + 1 < end;
       p = memchr (p, '\\', (gsize)(end - p)))
    {
      int code;

      if (p[1] != 'u' || (code = hex4 (p + 2, end)) < 0)
        {
          p += 2;
          continue;
        }
      if (code == 0)
        {
          *why = "\\u0000 (a NUL character) in a string";
          return p - data;
        }
      if (code >= 0xDC00 && code <= 0xDFFF)
        {
          *why = "a \\u escape is the second half of a surrogate pair without its first";
          return p - data;
        }
      if (code >= 0xD800 && code <= 0xDBFF)
        {
          int low = end - p >= 8 && p[6] == '\\' && p[7] == 'u' ? hex4 (p + 8, end) : -1;

          if (low < 0xDC00 || low > 0xDFFF)
            {
              *why = "a \\u escape is the first half of a surrogate pair without its second";
              return p - data;
            }
          p += 12;
          continue;
        }
      p += 6;
    }
  return -1;
}

void
lir_json_doc_free (LirJsonDoc *doc)
{
  g_free (doc->values);
  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

/**
 * lir_json_parse:
 * @data: JSON text
 * @length: its length
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the document; syntax errors carry line:column
 */
LirJsonDoc *
lir_json_parse (const char *data, gsize length, GError **error)
{
  g_autoptr (LirJsonDoc) doc = g_new0 (LirJsonDoc, 1);
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (guint32));
  Builder b = { doc, open, NULL, FAIL_NONE, NULL };
  yajl_handle handle;
  yajl_status status;
  gsize offset;
  gssize bad;
  const char *why = NULL;
  guint line, column;

  doc->blocks = g_ptr_array_new_with_free_func (g_free);
  if (is_blank (data, length))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "the document is empty");
      return NULL;
    }
  if ((bad = find_bad_escape (data, length, &why)) >= 0)
    {
      locate (data, length, (gsize)bad, &line, &column);
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u:%u: %s", line, column, why);
      return NULL;
    }
  handle = yajl_alloc (&callbacks, NULL, &b);
  status = yajl_parse (handle, (const unsigned char *)data, length);
  offset = yajl_get_bytes_consumed (handle);
  if (status == yajl_status_ok)
    {
      status = yajl_complete_parse (handle);
      offset = length;
    }
  if (status != yajl_status_ok)
    {
      locate (data, length, offset, &line, &column);
      switch (b.failure)
        {
        case FAIL_DEPTH:
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "%u:%u: JSON nests deeper than %u levels", line,
                       column, LIR_JSON_MAX_DEPTH);
          break;
        case FAIL_VALUES:
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "%u:%u: more than %u JSON values", line, column,
                       LIR_JSON_MAX_VALUES);
          break;
        case FAIL_MEMORY:
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                       "%u:%u: not enough memory to hold the document (%u values read)", line, column,
                       doc->n_values);
          break;
        case FAIL_TEXT:
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u:%u: %s", line, column, b.why);
          break;
        case FAIL_NONE:
        default:
          {
            unsigned char *message = yajl_get_error (handle, 0, NULL, 0);

            g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "%u:%u: %s", line, column,
                         g_strchomp ((char *)message));
            yajl_free_error (handle, message);
          }
        }
    }
  yajl_free (handle);
  return status == yajl_status_ok ? g_steal_pointer (&doc) : NULL;
}

const LirJsonValue *
lir_json_doc_get_root (const LirJsonDoc *doc)
{
  return &doc->values[0];
}

/**
 * lir_json_get:
 * @object: an object value
 * @key: a member name
 *
 * Returns: (nullable): the member; when a name repeats, the last one wins
 */
const LirJsonValue *
lir_json_get (const LirJsonValue *object, const char *key)
{
  const LirJsonValue *found = NULL;

  if (object->type != LIR_JSON_OBJECT)
    return NULL;
  LIR_JSON_FOREACH (member, i, object)
  if (strcmp (member->key, key) == 0)
    found = member;
  return found;
}

/* ---- canonical text ---------------------------------------------------------------------- */

/* Control characters are escaped, DEL and the C1 range (U+0080 to U+009F,
 * which some terminals obey) too, so printed JSON is safe to look at. */
void
lir_json_append_string (GString *out, const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c == 0xC2 && (guchar)p[1] >= 0x80 && (guchar)p[1] <= 0x9F)
        {
          g_string_append_printf (out, "\\u%04x", (guchar)p[1]);
          p++;
          continue;
        }
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
          if (c < 0x20 || c == 0x7F)
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
      g_ascii_formatd (buffer, sizeof buffer,
                       digits == 15   ? "%.15g"
                       : digits == 16 ? "%.16g"
                                      : "%.17g",
                       value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  g_string_append (out, buffer);
  /* Keep it a fraction, so it does not read back as an integer. */
  if (strpbrk (buffer, ".eEn") == NULL)
    g_string_append (out, ".0");
}

/* Members by name, and by position among equal names. */
static int
compare_members (const void *a, const void *b)
{
  const LirJsonValue *x = *(const LirJsonValue *const *)a, *y = *(const LirJsonValue *const *)b;
  int order = strcmp (x->key, y->key);

  return order != 0 ? order : (x > y) - (x < y);
}

/**
 * lir_json_sorted_members:
 * @object: an object value
 * @n: (out): how many members are returned
 *
 * Returns: (transfer container): the members sorted by name; a repeated
 *   name keeps only its last value, as a JSON object maps each name once
 */
const LirJsonValue **
lir_json_sorted_members (const LirJsonValue *object, guint *n)
{
  const LirJsonValue **members = g_new (const LirJsonValue *, object->length + 1);
  guint kept = 0;

  LIR_JSON_FOREACH (member, i, object)
  members[i] = member;
  qsort (members, object->length, sizeof (LirJsonValue *), compare_members);
  for (guint i = 0; i < object->length; i++)
    if (i + 1 == object->length || strcmp (members[i]->key, members[i + 1]->key) != 0)
      members[kept++] = members[i];
  *n = kept;
  return members;
}

void
lir_json_append_canonical (GString *out, const LirJsonValue *value)
{
  switch (value->type)
    {
    case LIR_JSON_NULL:
      g_string_append (out, "null");
      break;
    case LIR_JSON_BOOLEAN:
      g_string_append (out, value->v.boolean ? "true" : "false");
      break;
    case LIR_JSON_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, value->v.integer);
      break;
    case LIR_JSON_DOUBLE:
      append_double (out, value->v.number);
      break;
    case LIR_JSON_STRING:
      lir_json_append_string (out, value->v.string);
      break;
    case LIR_JSON_ARRAY:
      g_string_append_c (out, '[');
      LIR_JSON_FOREACH (element, i, value)
      {
        if (i > 0)
          g_string_append_c (out, ',');
        lir_json_append_canonical (out, element);
      }
      g_string_append_c (out, ']');
      break;
    case LIR_JSON_OBJECT:
      {
        guint n;
        g_autofree const LirJsonValue **members = lir_json_sorted_members (value, &n);

        g_string_append_c (out, '{');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            lir_json_append_string (out, members[i]->key);
            g_string_append_c (out, ':');
            lir_json_append_canonical (out, members[i]);
          }
        g_string_append_c (out, '}');
      }
      break;
    }
}

/**
 * lir_json_canonical:
 * @value: a JSON value
 *
 * Returns: (transfer full): compact JSON text with object keys sorted, the
 *   form attributes are stored, written and fingerprinted in
 */
char *
lir_json_canonical (const LirJsonValue *value)
{
  GString *out = g_string_new (NULL);

  lir_json_append_canonical (out, value);
  return g_string_free (out, FALSE);
}
