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
 * The text is RFC 4180 CSV as spreadsheets and other tools write it: a
 * UTF-8 byte order mark, CRLF line ends, fields in double quotes ("" for a
 * quote inside, line breaks allowed), and tabs or semicolons instead of
 * commas (the header's first one of comma, tab or semicolon decides).
 * Spaces around a field are not part of it; inside quotes they are. A
 * quote is only special at the start of a field, so `a"b` is three bytes.
 *
 * The writer quotes every id that would not read back as itself, and makes
 * ids unique where a graph's names are not, so what it writes reads back
 * to the same buffers.
 */
#include "lir-csv.h"
#include "ir/lir-limits-private.h"

#include "ir/lir-error.h"
#include "ir/lir-graph-private.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

enum
{
  COL_ID,
  COL_LOWER,
  COL_UPPER,
  COL_SIZE,
  COL_OFFSET,
  N_COLS
};
static const char *const column_names[N_COLS] = { "id", "lower", "upper", "size", "offset" };

/* Memory a row costs once read: its node, plan entries, id index and
 * interned id, with room for the arrays' growth. */
#define BYTES_PER_ROW 400

typedef struct
{
  const char *p, *end; /* the text not read yet */
  guint line;          /* the line p is on, from 1 */
  char delimiter;
  gboolean quoted; /* a field of the current record was quoted */
  GString *fields; /* the record's fields, each followed by a NUL */
  GArray *starts;  /* guint: where each field starts in fields */
} CsvReader;

static gboolean
is_space (const CsvReader *r, char c)
{
  return c == ' ' || c == '\r' || (c == '\t' && r->delimiter != '\t');
}

/* The fields of the current record. */
static const char *
field (const CsvReader *r, guint i)
{
  return r->fields->str + g_array_index (r->starts, guint, i);
}

/* Reads one field up to (not past) its delimiter or line end. */
static gboolean
read_field (CsvReader *r, GError **error)
{
  guint start = (guint)r->fields->len;

  g_array_append_val (r->starts, start);
  while (r->p < r->end && is_space (r, *r->p))
    r->p++;
  if (r->p < r->end && *r->p == '"')
    {
      guint opened = r->line;

      r->quoted = TRUE;
      for (r->p++;; r->p++)
        {
          if (r->p == r->end)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE,
                           "%u: a quoted field opens here and is never closed", opened);
              return FALSE;
            }
          if (*r->p == '"')
            {
              if (r->p + 1 < r->end && r->p[1] == '"')
                r->p++;
              else
                break;
            }
          else if (*r->p == '\n')
            r->line++;
          g_string_append_c (r->fields, *r->p);
        }
      r->p++;
      while (r->p < r->end && is_space (r, *r->p))
        r->p++;
      if (r->p < r->end && *r->p != r->delimiter && *r->p != '\n')
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE,
                       "%u: text after the closing quote of field %u (a quote inside a quoted "
                       "field is written \"\")",
                       r->line, r->starts->len);
          return FALSE;
        }
    }
  else
    {
      const char *from = r->p;
      const char *to;

      while (r->p < r->end && *r->p != r->delimiter && *r->p != '\n')
        r->p++;
      to = r->p;
      while (to > from && is_space (r, to[-1]))
        to--;
      g_string_append_len (r->fields, from, to - from);
    }
  g_string_append_c (r->fields, '\0');
  return TRUE;
}

/* Reads the next record that is not a blank line. Returns 1 with the
 * record's fields and its first line in @record_line, 0 at the end of the
 * text, -1 on a syntax error. */
static int
read_record (CsvReader *r, guint *record_line, GError **error)
{
  for (;;)
    {
      if (r->p == r->end)
        return 0;
      g_string_truncate (r->fields, 0);
      g_array_set_size (r->starts, 0);
      r->quoted = FALSE;
      *record_line = r->line;
      for (;;)
        {
          if (!read_field (r, error))
            return -1;
          if (r->p < r->end && *r->p == r->delimiter)
            {
              r->p++;
              continue;
            }
          if (r->p < r->end)
            {
              r->p++;
              r->line++;
            }
          break;
        }
      /* A blank line: one empty field, not quoted. */
      if (r->starts->len == 1 && r->fields->len == 1 && !r->quoted)
        continue;
      return 1;
    }
}

/* The header's delimiter: the first comma, tab or semicolon outside quotes. */
static char
find_delimiter (const char *p, const char *end)
{
  gboolean quoted = FALSE;

  for (; p < end && (quoted || *p != '\n'); p++)
    if (*p == '"')
      quoted = !quoted;
    else if (!quoted && (*p == ',' || *p == '\t' || *p == ';'))
      return *p;
  return ',';
}

static gboolean
parse_number (const char *text, guint64 max, guint line, const char *column, guint64 *out, GError **error)
{
  g_autofree char *quoted = NULL;

  if (g_ascii_string_to_unsigned (text, 10, 0, max, out, NULL))
    return TRUE;
  quoted = lir_text_quote (text);
  if (text[0] == '-')
    g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: %s: \"%s\" is negative", line, column, quoted);
  else
    g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                 "%u: %s: \"%s\" is not an integer from 0 to %" G_GUINT64_FORMAT, line, column, quoted, max);
  return FALSE;
}

/* Finds the columns in the header record. */
static gboolean
read_header (CsvReader *r, guint line, gint columns[N_COLS], GError **error)
{
  for (guint i = 0; i < r->starts->len; i++)
    for (guint c = 0; c < N_COLS; c++)
      if (g_ascii_strcasecmp (field (r, i), column_names[c]) == 0)
        {
          if (columns[c] >= 0)
            {
              g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: column \"%s\" appears twice", line,
                           column_names[c]);
              return FALSE;
            }
          columns[c] = (gint)i;
        }
  for (guint c = 0; c < COL_OFFSET; c++)
    if (columns[c] < 0)
      {
        g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                     "%u: the header has no \"%s\" column (expected id,lower,upper,size[,offset])", line,
                     column_names[c]);
        return FALSE;
      }
  return TRUE;
}

/* Reads one buffer's row into node @b of @graph and @plan. */
static gboolean
read_row (CsvReader *r, guint line, const gint columns[N_COLS], guint n_header, LirGraph *graph,
          LirBufferPlan *plan, GHashTable *ids, GError **error)
{
  guint64 lower, upper, size, offset = 0;
  g_autoptr (GError) local = NULL;
  guint32 b = lir_graph_get_n_nodes (graph);
  const char *id;
  LirShape shape;

  if (r->starts->len != n_header)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: %u fields, the header has %u", line,
                   r->starts->len, n_header);
      return FALSE;
    }
  id = field (r, (guint)columns[COL_ID]);
  if (!lir_limits_check_name (id, -1, FALSE, &local))
    {
      g_set_error (error, LIR_ERROR, local->code, "%u: id: %s", line, local->message);
      return FALSE;
    }
  if (!parse_number (field (r, (guint)columns[COL_LOWER]), LIR_MAX_STEP, line, "lower", &lower, error)
      || !parse_number (field (r, (guint)columns[COL_UPPER]), LIR_MAX_STEP + 1, line, "upper", &upper, error)
      || !parse_number (field (r, (guint)columns[COL_SIZE]), LIR_MAX_BYTES, line, "size", &size, error)
      || (columns[COL_OFFSET] >= 0
          && !parse_number (field (r, (guint)columns[COL_OFFSET]), LIR_MAX_BYTES, line, "offset", &offset,
                            error)))
    return FALSE;
  if (upper <= lower)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "%u: upper (%" G_GUINT64_FORMAT ") must be greater than lower (%" G_GUINT64_FORMAT ")",
                   line, upper, lower);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: size must be positive", line);
      return FALSE;
    }
  if (offset > LIR_MAX_BYTES - size)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT,
                   "%u: the buffer ends past 2^63 - 1 bytes (offset %" G_GUINT64_FORMAT
                   " + size %" G_GUINT64_FORMAT ")",
                   line, offset, size);
      return FALSE;
    }
  shape = LIR_SHAPE (LIR_DTYPE_U8, size);
  lir_graph_add_node (graph, LIR_OP_OPAQUE, "buffer", id, NULL, 0, &shape, NULL);
  /* Interned in the graph, so the table can borrow it. */
  id = lir_graph_get_node_name (graph, b);
  if (!g_hash_table_add (ids, (gpointer)id))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "%u: id \"%s\" is used twice", line, id);
      return FALSE;
    }
  plan->lifetimes[b] = (LirLifetime){ (guint32)lower, (guint32)upper - 1 };
  plan->slots[b] = (LirBufferSlot){ offset, size };
  plan->n_steps = MAX (plan->n_steps, (guint)upper);
  return TRUE;
}

/**
 * lir_module_new_from_csv:
 * @data: (array length=length) (element-type guint8): CSV text
 * @length: its length in bytes
 * @error: return location for a #GError; messages start with the line number
 *
 * Reads a MiniMalloc buffer list: one buffer a row, with its lifetime and
 * size (and offset, for a plan). The module is planned when it has offsets,
 * and waits for lir_module_ensure_plan () when it has none.
 *
 * Returns: (transfer full): a buffer-only module, or %NULL
 */
LirModule *
lir_module_new_from_csv (const char *data, gsize length, GError **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  /* NULL + 0 is undefined: an empty input is an empty string. */
  data = data != NULL ? data : "";
  g_autoptr (GString) fields = g_string_new (NULL);
  g_autoptr (GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  CsvReader r = { data, data + length, 1, ',', FALSE, fields, starts };
  g_autoptr (GHashTable) ids = NULL;
  g_autoptr (LirGraph) graph = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;
  gint columns[N_COLS] = { -1, -1, -1, -1, -1 };
  const char *body, *nul = memchr (data, '\0', length);
  guint header_line, line, n_header, n_rows = 0;
  g_autofree char *what = NULL;
  guint32 b;
  int status;

  if (nul != NULL)
    {
      guint nul_line = 1;

      for (const char *p = data; p < nul; p++)
        nul_line += *p == '\n';
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "%u: the file contains a NUL byte", nul_line);
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    r.p += 3;
  /* The header's delimiter is read off its line: skip blank lines first. */
  for (const char *p = r.p; p < r.end; p++)
    if (*p == '\n')
      {
        r.p = p + 1;
        r.line++;
      }
    else if (!g_ascii_isspace (*p))
      break;
  r.delimiter = find_delimiter (r.p, r.end);
  status = read_record (&r, &header_line, error);
  if (status < 0)
    return NULL;
  if (status == 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_PARSE, "1: the file is empty");
      return NULL;
    }
  if (!read_header (&r, header_line, columns, error))
    return NULL;
  n_header = r.starts->len;

  /* Count the rows (checking their syntax) before anything is allocated
   * for them: a file over the limit fails here, with nothing spent. */
  body = r.p;
  line = r.line;
  while ((status = read_record (&r, &header_line, error)) > 0)
    if (++n_rows > LIR_MAX_NODES)
      {
        g_set_error (error, LIR_ERROR, LIR_ERROR_LIMIT, "%u: more than %u buffers", header_line,
                     LIR_MAX_NODES);
        return NULL;
      }
  if (status < 0)
    return NULL;
  what = g_strdup_printf ("reading %u buffers", n_rows);
  if (!lir_limits_reserve ((guint64)n_rows * BYTES_PER_ROW + length, what, error))
    return NULL;

  graph = lir_graph_new ("buffers");
  lir_graph_reserve (graph, n_rows, 0, n_rows);
  plan = lir_buffer_plan_new (graph, n_rows);
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  plan->explicit_lifetimes = TRUE;
  plan->alignment = 1;
  plan->n_steps = 1;
  plan->unplaced = columns[COL_OFFSET] < 0;
  r.p = body;
  r.line = line;
  while (read_record (&r, &line, NULL) > 0)
    if (!read_row (&r, line, columns, n_header, graph, plan, ids, error))
      return NULL;
  for (b = 0; b < n_rows; b++)
    plan->slot_flags[b] = plan->unplaced ? LIR_SLOT_NONE : LIR_SLOT_ALLOCATED;
  /* An existing plan: its arena is what it uses; the validator checks it. */
  if (!plan->unplaced)
    lir_buffer_plan_update_arena (plan);
  return lir_module_new (graph, plan);
}

/* ---- writing ---- */

/* Appends @text as one field, quoted when it would not read back as itself. */
static void
append_field (GString *out, const char *text)
{
  gsize n = strlen (text);
  gboolean quote = n == 0 || text[0] == '"' || g_ascii_isspace (text[0]) || g_ascii_isspace (text[n - 1])
                   || strpbrk (text, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append_len (out, text, (gssize)n);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Whether node @id has a row: it owns arena bytes, or, in a plan not
 * placed yet, has a size to place. */
static gboolean
has_row (const LirBufferPlan *plan, guint32 id)
{
  return plan->unplaced ? plan->slots[id].size > 0 : (plan->slot_flags[id] & LIR_SLOT_ALLOCATED) != 0;
}

/* Ids for the rows: each node's label, made unique where names repeat,
 * are empty or look like another node's `%<id>` label. Deterministic: a
 * clash is renamed `LABEL#ID`, then `LABEL#ID.K`, in node order. */
static GPtrArray *
unique_ids (const LirGraph *graph, const LirBufferPlan *plan)
{
  g_autoptr (GHashTable) count = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *ids = g_ptr_array_new_full (plan->n_nodes + 1, g_free);

  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      char label[24];
      const char *text = has_row (plan, id) ? lir_graph_get_node_label (graph, id, label) : NULL;
      guint seen;

      g_ptr_array_add (ids, g_strdup (text));
      if (text == NULL)
        continue;
      seen = GPOINTER_TO_UINT (g_hash_table_lookup (count, text));
      g_hash_table_insert (count, g_strdup (text), GUINT_TO_POINTER (seen + 1));
    }
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      char *text = g_ptr_array_index (ids, id);
      g_autofree char *base = NULL;

      if (text == NULL)
        continue;
      if (text[0] != '\0' && GPOINTER_TO_UINT (g_hash_table_lookup (count, text)) == 1)
        {
          g_hash_table_add (used, text);
          continue;
        }
      /* Room for the suffix within the name limit, cut at a character. */
      base = g_strdup (text);
      if (strlen (base) > LIR_MAX_NAME_LENGTH - 32)
        *g_utf8_find_prev_char (base, base + LIR_MAX_NAME_LENGTH - 31) = '\0';
      for (guint k = 0;; k++)
        {
          g_autofree char *candidate =
            k == 0 ? g_strdup_printf ("%s#%u", base, id) : g_strdup_printf ("%s#%u.%u", base, id, k);

          if (g_hash_table_contains (count, candidate) || g_hash_table_contains (used, candidate))
            continue;
          g_free (text);
          g_ptr_array_index (ids, id) = g_steal_pointer (&candidate);
          g_hash_table_add (used, g_ptr_array_index (ids, id));
          break;
        }
    }
  return ids;
}

/**
 * lir_module_to_csv:
 * @module: a planned module
 * @length: (out) (optional): length of the text
 *
 * Writes `id,lower,upper,size,offset`, one row per buffer that owns arena
 * bytes (views and unallocated nodes have none), lifetimes half-open. A
 * buffer list not placed yet is written without the offset column. Ids
 * are the nodes' names, made unique (`NAME#ID`) where they are not.
 *
 * Returns: (transfer full): the CSV text
 */
char *
lir_module_to_csv (const LirModule *module, gsize *length)
{
  const LirGraph *graph;
  const LirBufferPlan *plan;
  g_autoptr (GPtrArray) ids = NULL;
  GString *out;

  g_return_val_if_fail (module != NULL, NULL);
  graph = lir_module_get_graph (module);
  plan = lir_module_get_plan (module);
  if (plan == NULL)
    {
      if (length != NULL)
        *length = strlen ("id,lower,upper,size\n");
      return g_strdup ("id,lower,upper,size\n");
    }
  out = g_string_new (plan->unplaced ? "id,lower,upper,size\n" : "id,lower,upper,size,offset\n");
  ids = unique_ids (graph, plan);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (!has_row (plan, id))
        continue;
      append_field (out, g_ptr_array_index (ids, id));
      g_string_append_printf (out, ",%u,%u,%" G_GUINT64_FORMAT, plan->lifetimes[id].first_step,
                              plan->lifetimes[id].last_step + 1, plan->slots[id].size);
      if (!plan->unplaced)
        g_string_append_printf (out, ",%" G_GUINT64_FORMAT, plan->slots[id].offset);
      g_string_append_c (out, '\n');
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
