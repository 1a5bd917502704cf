/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-csv.c: MiniMalloc's CSV, read as spreadsheets write it and written so
 * that it always reads back as the same buffers. */
#include "lir-private.h"

#include <string.h>

static LirModule *
read_csv (const char *text, GError **error)
{
  return lir_module_new_from_csv (text, strlen (text), error);
}

/* Write → read → write is byte-identical, the buffers keep their ids,
 * and the fingerprint survives. */
static void
assert_round_trip (LirModule *module)
{
  g_autofree char *text = lir_module_to_csv (module, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) back = read_csv (text, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  again = lir_module_to_csv (back, NULL);
  g_assert_cmpstr (text, ==, again);
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

/* Ids that need quoting: delimiters, quotes, line breaks, spaces at the
 * ends, a formula with quotes inside. Each reads back as itself. */
static void
test_quoting (void)
{
  static const char *const ids[] = {
    "a,b",    "b1bad\", \"~", "=F(\"x\")",  "multi\nline", "cr\r\nlf", " lead",
    "trail ", "\"quoted\"",   "semi;colon", "tab\there",   "plain",    "a\"b",
  };
  g_autoptr (GString) csv = g_string_new ("id,lower,upper,size\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autofree char *written = NULL;
  g_autoptr (LirModule) back = NULL;

  /* Written by hand the RFC 4180 way, each field quoted. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_string_append_c (csv, '"');
      for (const char *p = ids[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_printf (csv, "\",%u,%u,%u\n", i, i + 2, 8 * (i + 1));
    }
  module = read_csv (csv->str, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (module), i), ==, ids[i]);
  assert_round_trip (module);

  /* Planned and written: the same ids come back, with their offsets. */
  g_assert_true (lir_module_ensure_plan (module, options, &error));
  written = lir_module_to_csv (module, NULL);
  back = read_csv (written, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), i), ==, ids[i]);
      g_assert_cmpuint (lir_buffer_plan_get_slot (lir_module_get_plan (back), i)->offset, ==,
                        lir_buffer_plan_get_slot (lir_module_get_plan (module), i)->offset);
    }
  g_assert_cmpuint (lir_module_get_fingerprint (back), ==, lir_module_get_fingerprint (module));
  assert_round_trip (module);
}

/* A quote is only special at a field's start; spaces around an unquoted
 * field go, inside quotes they stay. */
static void
test_reading_rules (void)
{
  static const struct
  {
    const char *csv;
    const char *id;
  } cases[] = {
    { "id,lower,upper,size\nab\"c,0,1,4\n", "ab\"c" },
    { "id,lower,upper,size\n  spaced  ,0,1,4\n", "spaced" },
    { "id,lower,upper,size\n\"  kept  \",0,1,4\n", "  kept  " },
    { "id,lower,upper,size\r\n\"crlf\",0,1,4\r\n", "crlf" },
    { "\xEF\xBB\xBFid;lower;upper;size\nsemi,colon;0;1;4\n", "semi,colon" },
    { "id\tlower\tupper\tsize\n with space\t0\t1\t4\n", "with space" },
    { "\n\nid,lower,upper,size\n\n\"two\nlines\",0,1,4\n\n", "two\nlines" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = read_csv (cases[i].csv, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (lir_graph_get_n_nodes (lir_module_get_graph (module)), ==, 1);
      g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (module), 0), ==, cases[i].id);
    }
}

/* Errors say the line (where a record starts, or where a quote opened). */
static void
test_errors (void)
{
  static const struct
  {
    const char *csv;
    const char *message;
  } cases[] = {
    { "id,lower,upper,size\n\"open,0,1,4\nb,0,1,4\n", "2: a quoted field opens here and is never closed" },
    { "id,lower,upper,size\n\"a\"b,0,1,4\n", "2: text after the closing quote of field 1" },
    { "id,lower,upper,size\n\"two\nlines\",0,1\n", "2: 3 fields, the header has 4" },
    { "id,lower,upper,size\ncaf\xE9,0,2,4\n", "2: id: a name is not valid UTF-8" },
    { "id,lower,upper,size\nx\xED\xA0\x80,0,2,4\n", "2: id: a name is not valid UTF-8" },
    { "id,lower,upper,size\n\"\",0,2,4\n", "2: id: a name must not be empty" },
    { "id,lower,upper,size,offset\na,0,2,4,9223372036854775806\n", "2: the buffer ends past 2^63 - 1 bytes" },
    { "id,lower,upper,size\na,0,2,4\na,1,2,4\n", "3: id \"a\" is used twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = read_csv (cases[i].csv, &error);

      g_assert_null (module);
      g_assert_error (error, LIR_ERROR, error->code);
      if (!g_str_has_prefix (error->message, cases[i].message))
        g_error ("case %u: \"%s\" does not start with \"%s\"", i, error->message, cases[i].message);
    }
}

/* A graph's names may repeat, be empty or look like another node's
 * `%<id>` label: the CSV gets unique ids all the same. */
static void
test_unique_ids (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("names");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 16);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirModule) back = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = NULL;
  guint32 x, a, b, c, d, e;
  LirBufferPlan *plan;

  x = lir_graph_add_input (g, "x", &s);
  a = lir_graph_add_op (g, "relu", &x, 1, &s);
  lir_graph_set_node_name (g, a, "fc1");
  b = lir_graph_add_op (g, "relu", &a, 1, &s);
  lir_graph_set_node_name (g, b, "fc1");
  c = lir_graph_add_op (g, "relu", &b, 1, &s);
  lir_graph_set_node_name (g, c, "");
  d = lir_graph_add_op (g, "relu", &c, 1, &s);
  lir_graph_set_node_name (g, d, "%5");
  e = lir_graph_add_op (g, "relu", &d, 1, &s); /* unnamed: its label is %5 too */
  lir_graph_set_node_name (g, e, NULL);
  lir_graph_set_outputs (g, &e, 1);
  lir_plan_options_set_strategy (options, "naive");
  module = lir_module_new (g, NULL);
  g_assert_true (lir_module_ensure_plan (module, options, &error));
  plan = lir_module_get_plan (module);
  text = lir_module_to_csv (module, NULL);
  back = read_csv (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_graph_get_n_nodes (lir_module_get_graph (back)), ==, 6);
  for (guint32 i = 0; i < 6; i++)
    {
      const char *id = lir_graph_get_node_name (lir_module_get_graph (back), i);

      g_assert_true (g_hash_table_add (seen, (gpointer)id));
      g_assert_cmpuint (lir_buffer_plan_get_slot (lir_module_get_plan (back), i)->offset, ==,
                        lir_buffer_plan_get_slot (plan, i)->offset);
    }
  /* Unique names stay as they are; the clashes are told apart by node. */
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 0), ==, "x");
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 1), ==, "fc1#1");
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 2), ==, "fc1#2");
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 3), ==, "#3");
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 4), ==, "%5#4");
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (back), 5), ==, "%5#5");
  assert_round_trip (back);
}

/* A buffer list without offsets is written without them, and read back
 * still to be placed; through JSON too (`"placed": false`). */
static void
test_unplaced (void)
{
  const char *csv = "id,lower,upper,size\na,0,2,4\nb,1,3,4\nc,0,1,5\nd,2,3,1\ne,0,3,2\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = read_csv (csv, &error);
  g_autofree char *text = NULL, *json = NULL, *json_again = NULL, *placed = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) from_json = NULL;
  g_autoptr (LirModule) back = NULL;

  g_assert_no_error (error);
  g_assert_true (lir_module_needs_plan (module));
  text = lir_module_to_csv (module, NULL);
  g_assert_cmpstr (text, ==, csv);

  json = lir_module_to_json (module, NULL);
  g_assert_nonnull (strstr (json, "\"placed\": false"));
  from_json = lir_module_new_from_json (json, strlen (json), &error);
  g_assert_no_error (error);
  g_assert_true (lir_module_needs_plan (from_json));
  g_assert_cmpuint (lir_module_get_fingerprint (from_json), ==, lir_module_get_fingerprint (module));
  json_again = lir_module_to_json (from_json, NULL);
  g_assert_cmpstr (json, ==, json_again);
  g_assert_true (lir_module_ensure_plan (from_json, options, &error));
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (from_json)), ==, 11);
  placed = lir_module_to_csv (from_json, NULL);
  g_assert_true (g_str_has_prefix (placed, "id,lower,upper,size,offset\n"));
  back = read_csv (placed, &error);
  g_assert_no_error (error);
  g_assert_false (lir_module_needs_plan (back));
}

/* MiniMalloc CSV as other tools write it reads the same as the plain one. */
static void
test_csv_dialects (void)
{
  static const char *const dialects[] = {
    "id,lower,upper,size,offset\n0,0,3,100,0\n1,1,4,50,100\n",
    "\xEF\xBB\xBFid,lower,upper,size,offset\n0,0,3,100,0\n1,1,4,50,100\n",
    "\"id\",\"lower\",\"upper\",\"size\",\"offset\"\r\n\"0\",0,3,100,0\r\n\"1\",1,4,50,100\r\n",
    "id\tlower\tupper\tsize\toffset\n0\t0\t3\t100\t0\n1\t1\t4\t50\t100\n",
    "id;lower;upper;size;offset\n0;0;3;100;0\n1;1;4;50;100\n",
  };
  g_autofree char *reference = NULL;

  for (guint d = 0; d < G_N_ELEMENTS (dialects); d++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_data (dialects[d], strlen (dialects[d]), &error);
      g_autofree char *fingerprint = NULL;

      g_assert_no_error (error);
      g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (module)), ==, 150);
      g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (module), 1), ==, "1");
      fingerprint = lir_fingerprint_to_string (lir_module_get_fingerprint (module));
      if (reference == NULL)
        reference = g_strdup (fingerprint);
      g_assert_cmpstr (fingerprint, ==, reference);
    }
  {
    static const char utf16[] = "\xFF\xFEi\0d\0";
    g_autoptr (GError) error = NULL;

    g_assert_null (lir_module_new_from_data (utf16, sizeof utf16 - 1, &error));
    g_assert_nonnull (strstr (error->message, "UTF-16"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/io/csv/quoting", test_quoting);
  g_test_add_func ("/io/csv/reading-rules", test_reading_rules);
  g_test_add_func ("/io/csv/errors", test_errors);
  g_test_add_func ("/io/csv/unique-ids", test_unique_ids);
  g_test_add_func ("/io/csv/unplaced", test_unplaced);
  g_test_add_func ("/io/csv/dialects", test_csv_dialects);
  return g_test_run ();
}
