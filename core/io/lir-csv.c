/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-csv.c: MiniMalloc's CSV as a buffer-only module.
 *
 * A header row names the columns; id, lower, upper and size are required,
 * offset is optional, other columns are ignored, in any order (as MiniMalloc
 * reads them). A row's buffer is live over the half-open step range
 * [lower, upper); Lirscope's lifetimes are inclusive, so last = upper - 1.
 * Each buffer becomes an opaque `buffer` node named by its id with shape
 * u8[size]; with an offset column the file is an existing plan.
 *
 * Files as spreadsheets and other tools write them read too: a UTF-8 byte
 * order mark, CRLF line ends, fields in double quotes ("" for a quote inside),
 * and tabs or semicolons instead of commas (the header's first one of comma,
 * tab or semicolon decides).
 */
#include "lir-csv.h"

#include "ir/lir-error.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

enum { COL_ID, COL_LOWER, COL_UPPER, COL_SIZE, COL_OFFSET, N_COLS };
static const char *const column_names[N_COLS] = { "id", "lower", "upper", "size", "offset" };

/* Largest step and size accepted, so every sum stays far from overflow. */
#define MAX_STEP (G_MAXUINT32 - 2)
#define MAX_SIZE ((guint64)G_MAXINT64)

/* Splits one row at @delimiter, honouring double quotes; fields are stripped. */
static char **
split_row (const char *line, char delimiter)
{
  GPtrArray *fields = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line;; p++)
    {
      if (*p == '\0' || (*p == delimiter && !quoted))
        {
          g_ptr_array_add (fields, g_strdup (g_strstrip (field->str)));
          g_string_truncate (field, 0);
          if (*p == '\0')
            break;
          continue;
        }
      if (*p == '"')
        {
          if (quoted && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else
            quoted = !quoted;
          continue;
        }
      g_string_append_c (field, *p);
    }
  g_string_free (field, TRUE);
  g_ptr_array_add (fields, NULL);
  return (char **)g_ptr_array_free (fields, FALSE);
}

/* The header's delimiter: the first comma, tab or semicolon outside quotes. */
static char
find_delimiter (const char *header)
{
  gboolean quoted = FALSE;

  for (const char *p = header; *p != '\0'; p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && (*p == ',' || *p == '\t' || *p == ';'))
      return *p;
  return ',';
}

static gboolean
parse_number (const char *text, guint64 max, guint line, const char *column, guint64 *out,
              GError **error)
{
  guint64 value;
  g_autoptr (GError) local = NULL;

  if (text[0] == '-')
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: %s: \"%s\" is negative", line, column,
                   text);
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (text, 10, 0, max, &value, &local))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: %s: \"%s\" is not an integer from 0 to %"
                   G_GUINT64_FORMAT, line, column, text, max);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

/**
 * lir_csv_read:
 * @data: CSV text
 * @length: its length
 * @error: return location for a #GError; messages start with the line number
 *
 * Returns: (transfer full): a buffer-only module, or %NULL
 */
LirModule *
lir_csv_read (const char *data, gsize length, GError **error)
{
  g_autofree char *text = g_strndup (data, length);
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) header = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (LirGraph) graph = lir_graph_new ("buffers");
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint64) * 4);
  g_autoptr (LirBufferPlan) plan = NULL;
  gint columns[N_COLS] = { -1, -1, -1, -1, -1 };
  guint n_header, header_line = 0, max_upper = 0;
  guint i;
  char delimiter;

  if (strlen (text) != length)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "1: the file contains a NUL byte");
      return NULL;
    }
  lines = g_strsplit (g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text, "\n", -1);
  while (lines[header_line] != NULL && g_strstrip (lines[header_line])[0] == '\0')
    header_line++;
  if (lines[header_line] == NULL)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "1: the file is empty");
      return NULL;
    }
  delimiter = find_delimiter (lines[header_line]);
  header = split_row (lines[header_line], delimiter);
  n_header = g_strv_length (header);
  for (i = 0; i < n_header; i++)
    for (guint c = 0; c < N_COLS; c++)
      if (g_ascii_strcasecmp (header[i], column_names[c]) == 0)
        {
          if (columns[c] >= 0)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: column \"%s\" appears twice",
                           header_line + 1, column_names[c]);
              return NULL;
            }
          columns[c] = (gint)i;
        }
  for (guint c = 0; c < COL_OFFSET; c++)
    if (columns[c] < 0)
      {
        g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                     "%u: the header has no \"%s\" column (expected id,lower,upper,size[,offset])",
                     header_line + 1, column_names[c]);
        return NULL;
      }

  for (i = header_line + 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      guint line = i + 1, n_fields;
      guint64 values[4] = { 0, 0, 0, G_MAXUINT64 }; /* lower, upper, size, offset */
      LirShape shape;
      const char *id;

      if (g_strstrip (lines[i])[0] == '\0')
        continue;
      fields = split_row (lines[i], delimiter);
      n_fields = g_strv_length (fields);
      if (n_fields != n_header)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: %u fields, the header has %u",
                       line, n_fields, n_header);
          return NULL;
        }
      if (rows->len >= LIR_MAX_NODES)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "%u: more than %u buffers", line,
                       LIR_MAX_NODES);
          return NULL;
        }
      id = fields[columns[COL_ID]];
      if (id[0] == '\0' || strlen (id) > LIR_MAX_NAME_LENGTH)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: id must have 1 to %u bytes", line,
                       LIR_MAX_NAME_LENGTH);
          return NULL;
        }
      if (!parse_number (fields[columns[COL_LOWER]], MAX_STEP, line, "lower", &values[0], error)
          || !parse_number (fields[columns[COL_UPPER]], MAX_STEP + 1, line, "upper", &values[1], error)
          || !parse_number (fields[columns[COL_SIZE]], MAX_SIZE, line, "size", &values[2], error))
        return NULL;
      if (columns[COL_OFFSET] >= 0
          && !parse_number (fields[columns[COL_OFFSET]], MAX_SIZE, line, "offset", &values[3], error))
        return NULL;
      if (values[1] <= values[0])
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                       "%u: upper (%" G_GUINT64_FORMAT ") must be greater than lower (%"
                       G_GUINT64_FORMAT ")", line, values[1], values[0]);
          return NULL;
        }
      if (values[2] == 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: size must be positive", line);
          return NULL;
        }
      shape = LIR_SHAPE (LIR_DTYPE_U8, values[2]);
      lir_graph_add_node (graph, LIR_OP_OPAQUE, "buffer", id, NULL, 0, &shape, NULL);
      /* Interned in the graph, so the table can borrow it. */
      id = lir_graph_node_name (graph, lir_graph_get_n_nodes (graph) - 1);
      if (!g_hash_table_add (ids, (gpointer)id))
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: id \"%s\" is used twice", line, id);
          return NULL;
        }
      g_array_append_vals (rows, values, 1);
      max_upper = MAX (max_upper, (guint)values[1]);
    }

  plan = lir_buffer_plan_new (rows->len);
  plan->explicit_lifetimes = TRUE;
  plan->alignment = 1;
  plan->n_steps = MAX (max_upper, 1);
  plan->unplaced = columns[COL_OFFSET] < 0;
  for (guint32 b = 0; b < rows->len; b++)
    {
      const guint64 *values = (const guint64 *)(rows->data + (gsize)b * sizeof (guint64) * 4);
      plan->lifetimes[b] = (LirLifetime){ (guint32)values[0], (guint32)values[1] - 1 };
      plan->slots[b] = (LirBufferSlot){ values[3] == G_MAXUINT64 ? 0 : values[3], values[2] };
      plan->slot_flags[b] = plan->unplaced ? LIR_SLOT_NONE : LIR_SLOT_ALLOCATED;
      plan->phases[b] = LIR_PHASE_NONE;
    }
  if (!plan->unplaced)
    {
      /* An existing plan: its arena is what it uses; the validator checks it. */
      guint64 arena = 0;
      for (guint32 b = 0; b < rows->len; b++)
        {
          guint64 end;
          if (!g_uint64_checked_add (&end, plan->slots[b].offset, plan->slots[b].size))
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW,
                           "buffer \"%s\" ends beyond 2^64 bytes", lir_graph_node_name (graph, b));
              return NULL;
            }
          arena = MAX (arena, end);
        }
      plan->arena_size = arena;
    }
  return lir_module_new (graph, plan);
}

/**
 * lir_csv_write:
 * @module: a planned module
 * @length: (out) (optional): length of the text
 *
 * Writes `id,lower,upper,size,offset`, one row per buffer that owns arena
 * bytes (views and unallocated nodes have none), lifetimes half-open.
 *
 * Returns: (transfer full): the CSV text
 */
char *
lir_csv_write (const LirModule *module, gsize *length)
{
  const LirGraph *graph = lir_module_get_graph (module);
  const LirBufferPlan *plan = lir_module_get_plan (module);
  GString *out = g_string_new ("id,lower,upper,size,offset\n");

  for (guint32 id = 0; plan != NULL && id < plan->n_nodes; id++)
    {
      char label[24];
      if (!(plan->slot_flags[id] & LIR_SLOT_ALLOCATED))
        continue;
      g_string_append_printf (out, "%s,%u,%u,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT "\n",
                              lir_graph_node_label (graph, id, label),
                              plan->lifetimes[id].first_step, plan->lifetimes[id].last_step + 1,
                              plan->slots[id].size, plan->slots[id].offset);
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
