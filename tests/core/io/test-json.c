/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-json.c: JSON round trips and error places. */
#include "lir-private.h"

#include <string.h>

static const char *const examples[] = { "mlp.json", "decoder-block.json", "dynamic-seq.json",
                                        "mlp-train-step.json" };

static char *
write_text (const LirModule *module)
{
  return lir_module_to_json (module, NULL);
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), examples[i], NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autofree char *graph_text = NULL, *graph_again = NULL, *text = NULL, *again_text = NULL;
      g_autoptr (LirModule) graph_back = NULL;
      g_autoptr (LirModule) back = NULL;

      g_assert_no_error (error);
      /* Graph document: write -> read -> write is byte-identical. */
      graph_text = write_text (module);
      graph_back = lir_module_new_from_json (graph_text, strlen (graph_text), &error);
      g_assert_no_error (error);
      graph_again = write_text (graph_back);
      g_assert_cmpstr (graph_text, ==, graph_again);

      /* Module document too. */
      g_assert_true (lir_module_ensure_plan (module, options, &error));
      text = write_text (module);
      back = lir_module_new_from_json (text, strlen (text), &error);
      g_assert_no_error (error);
      again_text = write_text (back);
      g_assert_cmpstr (text, ==, again_text);
    }
}

static void
test_opaque_attrs_kept (void)
{
  const char *doc = "{\"format\":\"lirscope-graph\",\"version\":1,\"name\":\"o\",\"nodes\":["
                    "{\"op\":\"input\",\"name\":\"x\",\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}},"
                    "{\"op\":\"my_fancy_op\",\"inputs\":[0],\"shape\":{\"dtype\":\"bf16\",\"dims\":[4]},"
                    "\"attrs\":{\"z\":[1,2.5,\"s\"],\"a\":{\"nested\":true,\"n\":null}}}],\"outputs\":[1]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_json (doc, strlen (doc), &error);
  LirGraph *g;

  g_assert_no_error (error);
  g = lir_module_get_graph (module);
  g_assert_cmpint (lir_graph_get_node_kind (g, 1), ==, LIR_OP_OPAQUE);
  g_assert_cmpstr (lir_graph_get_node_op_name (g, 1), ==, "my_fancy_op");
  g_assert_cmpstr (lir_graph_get_node_attrs (g, 1), ==,
                   "{\"a\":{\"n\":null,\"nested\":true},\"z\":[1,2.5,\"s\"]}");
}

static void
test_error_places (void)
{
  static const struct
  {
    const char *doc;
    const char *expected;
  } cases[] = {
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\","
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}},{\"op\":\"relu\",\"inputs\":[0,40],"
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}}]}",
      "nodes[1].inputs[1]: node 40 does not exist" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\","
      "\"shape\":{\"dtype\":\"f7\",\"dims\":[4]}}]}",
      "nodes[0].shape.dtype: unknown dtype \"f7\"" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\","
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[-4]}}]}",
      "nodes[0].shape.dims[0]" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"name\":\"x\"}]}",
      "nodes[0]: missing field \"op\"" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\"", "1:" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\","
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}},{\"op\":\"relu\",\"inputs\":[0],"
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]},\"alias\":{\"of\":0,\"kind\":\"copy\"}}]}",
      "nodes[1].alias: \"kind\" must be \"view\" or \"inplace\", not \"copy\"" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"input\",\"name\":\"x\","
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}},{\"op\":\"relu\",\"inputs\":[0],"
      "\"shape\":{\"dtype\":\"f32\",\"dims\":[4]},\"alias\":{\"of\":7,\"kind\":\"view\"}}]}",
      "nodes[1].alias: \"of\": node 7 does not exist" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"size\",\"buffer\":0}]}",
      "nodes[0].buffer: expected true or false" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"relu\"}]}",
      "nodes[0]: missing field \"shape\"" },
    { "{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[{\"op\":\"size\",\"buffer\":false,"
      "\"result_of\":3}]}",
      "nodes[0].result_of: node 3 does not exist" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_json (cases[i].doc, strlen (cases[i].doc), &error);

      g_assert_null (module);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("case %u: \"%s\" does not contain \"%s\"", i, error->message, cases[i].expected);
    }
}

static LirModule *
read_one_node (const char *node_json, GError **error)
{
  g_autofree char *doc =
    g_strdup_printf ("{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[%s]}", node_json);

  return lir_module_new_from_json (doc, strlen (doc), error);
}

/* The parser: syntax errors with line:column, limits, UTF-8, escapes,
 * repeated member names, and nested empty containers. */
static void
test_syntax (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GString) deep =
    g_string_new ("{\"format\":\"lirscope-graph\",\"version\":1,\"nodes\":[],\"x\":");
  const char *multi_line = "{\n  \"format\": \"lirscope-graph\",\n  \"version\": 1,,\n  \"nodes\": []\n}\n";
  LirGraph *g;

  module = lir_module_new_from_json (multi_line, strlen (multi_line), &error);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "3:"));
  g_clear_error (&error);

  for (guint i = 0; i < 200; i++)
    g_string_append_c (deep, '[');
  g_assert_null (lir_module_new_from_json (deep->str, deep->len, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_LIMIT);
  g_assert_nonnull (strstr (error->message, "deeper than 128"));
  g_clear_error (&error);

  g_assert_null (
    read_one_node ("{\"op\":\"input\",\"name\":\"\xff\xfe\",\"shape\":{\"dtype\":\"f32\",\"dims\":[4]}}",
                   &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_PARSE);
  g_clear_error (&error);

  g_assert_null (read_one_node ("{\"op\":\"input\",\"name\":\"x\",\"shape\":{\"dtype\":\"f32\",\"dims\":["
                                "99999999999999999999]}}",
                                &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_null (
    read_one_node ("{\"op\":\"input\",\"name\":\"x\",\"shape\":{\"dtype\":\"f32\",\"dims\":[4.5]}}", &error));
  g_assert_nonnull (strstr (error->message, "found a fractional number"));
  g_clear_error (&error);

  g_clear_pointer (&module, lir_module_unref);
  module =
    read_one_node ("{\"op\":\"relu\",\"op\":\"input\",\"name\":\"x\\u00e9\\n\\\"q\\\"\","
                   "\"shape\":{\"dtype\":\"f32\",\"dims\":[]}},"
                   "{\"op\":\"mystery\",\"inputs\":[0],\"shape\":{\"dtype\":\"f32\",\"dims\":[]},"
                   "\"attrs\":{\"b\":1,\"a\":true,\"b\":{\"e\":[],\"o\":{},\"n\":[[],[1,[]],-2.5e3]}}}",
                   &error);
  g_assert_no_error (error);
  g = lir_module_get_graph (module);
  g_assert_cmpint (lir_graph_get_node_kind (g, 0), ==, LIR_OP_INPUT);
  g_assert_cmpstr (lir_graph_get_node_name (g, 0), ==, "x\u00e9\n\"q\"");
  g_assert_cmpstr (lir_graph_get_node_attrs (g, 1), ==,
                   "{\"a\":true,\"b\":{\"e\":[],\"n\":[[],[1,[]],-2500.0],\"o\":{}}}");
}

/* alias, buffer and result_of read, plan and write back unchanged, and
 * change the graph's fingerprint. */
static void
test_alias_round_trip (void)
{
  const char *doc =
    "{\"format\": \"lirscope-graph\", \"version\": 1, \"name\": \"t\", \"nodes\": [\n"
    "{\"id\": 0, \"op\": \"input\", \"name\": \"x\", \"shape\": {\"dtype\": \"f32\", \"dims\": [4, 2]}},\n"
    "{\"id\": 1, \"op\": \"relu_\", \"inputs\": [0], \"shape\": {\"dtype\": \"f32\", \"dims\": [4, 2]},"
    " \"alias\": {\"of\": 0, \"kind\": \"inplace\"}},\n"
    "{\"id\": 2, \"op\": \"chunk\", \"inputs\": [1], \"buffer\": false},\n"
    "{\"id\": 3, \"op\": \"getitem\", \"inputs\": [2], \"shape\": {\"dtype\": \"f32\", \"dims\": [2, 2]},"
    " \"alias\": {\"of\": 1, \"byte_offset\": 16, \"kind\": \"view\"}},\n"
    "{\"id\": 4, \"op\": \"aten.topk\", \"inputs\": [3], \"buffer\": false},\n"
    "{\"id\": 5, \"op\": \"getitem\", \"inputs\": [4], \"shape\": {\"dtype\": \"i64\", \"dims\": [2]},"
    " \"result_of\": 4}],\n"
    "\"outputs\": [5]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_json (doc, strlen (doc), &error);
  g_autoptr (LirModule) back = NULL, plain = NULL;
  g_autofree char *written = NULL, *again = NULL, *without = NULL;
  LirGraph *g;
  guint32 of;
  guint64 offset;

  g_assert_no_error (error);
  g = lir_module_get_graph (module);
  g_assert_cmpint (lir_graph_get_node_alias (g, 1, &of, &offset), ==, LIR_ALIAS_INPLACE);
  g_assert_cmpuint (of, ==, 0);
  g_assert_cmpuint (offset, ==, 0);
  g_assert_cmpint (lir_graph_get_node_alias (g, 3, &of, &offset), ==, LIR_ALIAS_VIEW);
  g_assert_cmpuint (offset, ==, 16);
  g_assert_false (lir_graph_get_node_has_buffer (g, 2));
  g_assert_cmpuint (lir_graph_get_node_result_of (g, 5), ==, 4);

  written = lir_module_to_json (module, NULL);
  g_assert_nonnull (strstr (written, "\"alias\": {\"of\": 1, \"byte_offset\": 16, \"kind\": \"view\"}"));
  g_assert_nonnull (strstr (written, "{\"id\": 2, \"op\": \"chunk\", \"inputs\": [1], \"buffer\": false}"));
  g_assert_nonnull (strstr (written, "\"result_of\": 4}"));
  back = lir_module_new_from_json (written, strlen (written), &error);
  g_assert_no_error (error);
  again = lir_module_to_json (back, NULL);
  g_assert_cmpstr (written, ==, again);
  g_assert_cmpuint (lir_graph_get_fingerprint (g), ==,
                    lir_graph_get_fingerprint (lir_module_get_graph (back)));

  /* Without the in-place alias the graph is another graph. */
  without = g_strdup (written);
  {
    char *alias = strstr (without, ", \"alias\": {\"of\": 0");
    char *end = strchr (alias, '}');
    memmove (alias, end + 1, strlen (end + 1) + 1);
  }
  plain = lir_module_new_from_json (without, strlen (without), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_graph_get_fingerprint (g), !=,
                    lir_graph_get_fingerprint (lir_module_get_graph (plain)));
}

static void
test_csv_round_trip (void)
{
  const char *csv =
    "size,id,upper,lower,note\n4,b1,3,0,x\n4,b2,9,3,y\n4,b3,9,0,z\n4,b4,21,9,w\n4,b5,21,0,v\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_data (csv, strlen (csv), &error);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) back = NULL;
  g_autoptr (GPtrArray) violations = NULL;
  g_autofree char *written = NULL, *again = NULL;
  LirBufferPlan *plan;
  guint64 count;

  g_assert_no_error (error);
  g_assert_true (lir_module_is_buffer_only (module));
  /* Lifetimes, no offsets: still to be planned, as a graph would be. */
  g_assert_true (lir_module_needs_plan (module));
  g_assert_true (lir_module_ensure_plan (module, options, &error));
  g_assert_false (lir_module_needs_plan (module));
  plan = lir_module_get_plan (module);
  /* Half-open [3, 9) is inclusive [3, 8]. */
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, 1)->first_step, ==, 3);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, 1)->last_step, ==, 8);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (plan), ==, 12);
  violations = lir_module_list_violations (module, &count);
  g_assert_cmpuint (count, ==, 0);

  written = lir_module_to_csv (module, NULL);
  g_assert_true (g_str_has_prefix (written, "id,lower,upper,size,offset\nb1,0,3,4,"));
  back = lir_module_new_from_data (written, strlen (written), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (lir_module_get_plan (back)), ==, 12);
  again = lir_module_to_csv (back, NULL);
  g_assert_cmpstr (written, ==, again);
  /* A CSV with offsets is a plan of its own: its fingerprint survives JSON. */
  {
    g_autofree char *json = lir_module_to_json (back, NULL);
    g_autoptr (LirModule) from_json = lir_module_new_from_json (json, strlen (json), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (lir_module_get_fingerprint (from_json), ==, lir_module_get_fingerprint (back));
  }
}

/* A graph document with one input named by @name_json (JSON text). */
static char *
named_input (const char *name_json)
{
  return g_strdup_printf ("{\"format\":\"lirscope-graph\",\"version\":1,\"name\":\"t\",\"nodes\":"
                          "[{\"id\":0,\"op\":\"input\",\"name\":%s,\"shape\":{\"dtype\":\"f32\","
                          "\"dims\":[2]}}],\"outputs\":[0]}",
                          name_json);
}

/* Text that would not survive a write and a read is refused where it
 * enters, with its line and column: NULs, lone surrogates (escaped or
 * encoded), invalid UTF-8. */
static void
test_text_refused (void)
{
  static const struct
  {
    const char *name;
    const char *message;
  } cases[] = {
    { "\"w\\u0000A\"", "1:90: \\u0000 (a NUL character) in a string" },
    { "\"a\\ud800\"", "1:90: a \\u escape is the first half of a surrogate pair" },
    { "\"a\\ud800\\u0041\"", "1:90: a \\u escape is the first half of a surrogate pair" },
    { "\"a\\udc00\"", "1:90: a \\u escape is the second half of a surrogate pair" },
    { "\"a\xED\xA0\x80"
      "b\"",
      "a string is not valid UTF-8" },
    { "\"caf\xE9\"", "invalid bytes in UTF8 string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = named_input (cases[i].name);
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_json (doc, strlen (doc), &error);

      g_assert_null (module);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: \"%s\" does not say \"%s\"", i, error->message, cases[i].message);
    }
}

/* Escapes that are valid text read as their characters and write back the
 * same: a surrogate pair, control characters, quotes. */
static void
test_text_kept (void)
{
  g_autofree char *doc = named_input ("\"\\ud83d\\ude00 \\u001b[31m \\\"q\\\" \\\\ \\t\"");
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_json (doc, strlen (doc), &error);
  g_autoptr (LirModule) back = NULL;
  g_autofree char *text = NULL, *again = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lir_graph_get_node_name (lir_module_get_graph (module), 0), ==,
                   "\xF0\x9F\x98\x80 \x1b[31m \"q\" \\ \t");
  text = lir_module_to_json (module, NULL);
  back = lir_module_new_from_json (text, strlen (text), &error);
  g_assert_no_error (error);
  again = lir_module_to_json (back, NULL);
  g_assert_cmpstr (text, ==, again);
  g_assert_cmpuint (lir_module_get_fingerprint (back), ==, lir_module_get_fingerprint (module));
}

/* Names over the limit are refused by every reader, so none is written. */
static void
test_name_limit (void)
{
  g_autofree char *long_name = g_strnfill (LIR_MAX_NAME_LENGTH + 1, 'n');
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", long_name);
  g_autofree char *doc = named_input (quoted);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_json (doc, strlen (doc), &error);

  g_assert_null (module);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_LIMIT);
  g_assert_true (g_str_has_prefix (error->message, "nodes[0].name: a name of 4097 bytes"));
}

/* A training step's fields: read, written only where set, byte for byte
 * through a write and a read, part of the fingerprint once set; a bad value
 * names its node and field. */
static void
test_categories (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp-train-step.json", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
  g_autoptr (LirModule) back = NULL;
  g_autofree char *text = NULL, *again = NULL, *plain = NULL;
  LirGraph *graph;
  guint32 act1 = 7, fc1 = 6, w1_grad = 14, w1_update = 18;
  static const struct
  {
    const char *field;
    const char *message;
  } bad[] = {
    { "\"category\": \"grad\"", "nodes[0].category: unknown category \"grad\": expected input, parameter," },
    { "\"category\": 3", "nodes[0].category: expected a string, found a number" },
    { "\"saved\": true", "nodes[0].saved: only an activation is saved for the backward pass" },
    { "\"category\": \"gradient\", \"saved\": true",
      "only an activation is saved for the backward pass, this node is gradient" },
    { "\"saved\": \"yes\"", "nodes[0].saved: expected true or false" },
    { "\"region\": \"forwards\"",
      "nodes[0].region: unknown region \"forwards\": expected forward, backward," },
  };

  g_assert_no_error (error);
  graph = lir_module_get_graph (module);
  g_assert_cmpint (lir_graph_get_node_category (graph, 0), ==, LIR_CATEGORY_INPUT);
  g_assert_cmpint (lir_graph_get_node_category (graph, 4), ==, LIR_CATEGORY_OPTIMIZER_STATE);
  g_assert_cmpint (lir_graph_get_node_category (graph, act1), ==, LIR_CATEGORY_ACTIVATION);
  g_assert_true (lir_graph_get_node_saved (graph, act1));
  g_assert_false (lir_graph_get_node_saved (graph, fc1));
  g_assert_cmpint (lir_graph_get_node_category (graph, w1_grad), ==, LIR_CATEGORY_GRADIENT);
  g_assert_cmpint (lir_graph_get_node_region (graph, w1_grad), ==, LIR_REGION_BACKWARD);
  g_assert_cmpint (lir_graph_get_node_region (graph, w1_update), ==, LIR_REGION_OPTIMIZER);

  g_assert_true (lir_module_ensure_plan (module, NULL, &error));
  text = lir_module_to_json (module, NULL);
  back = lir_module_new_from_json (text, strlen (text), &error);
  g_assert_no_error (error);
  again = lir_module_to_json (back, NULL);
  g_assert_cmpstr (text, ==, again);
  g_assert_cmpuint (lir_module_get_fingerprint (module), ==, lir_module_get_fingerprint (back));

  /* Without the fields, another fingerprint (and no field written). */
  {
    g_autoptr (LirGraph) bare = lir_graph_new ("t");
    LirShape shape = LIR_SHAPE (LIR_DTYPE_F32, 4);
    guint32 x = lir_graph_add_input (bare, "x", &shape);
    guint64 before;

    lir_graph_set_outputs (bare, &x, 1);
    before = lir_graph_get_fingerprint (bare);
    lir_graph_set_node_category (bare, x, LIR_CATEGORY_ACTIVATION, FALSE);
    g_assert_cmpuint (lir_graph_get_fingerprint (bare), !=, before);
    lir_graph_set_node_category (bare, x, LIR_CATEGORY_ACTIVATION, TRUE);
    g_assert_cmpuint (lir_graph_get_fingerprint (bare), !=, before);
    lir_graph_set_node_category (bare, x, LIR_CATEGORY_NONE, FALSE);
    g_assert_cmpuint (lir_graph_get_fingerprint (bare), ==, before);
    lir_graph_set_node_region (bare, x, LIR_REGION_BACKWARD);
    g_assert_cmpuint (lir_graph_get_fingerprint (bare), !=, before);
    lir_graph_set_node_region (bare, x, LIR_REGION_NONE);
    g_assert_cmpuint (lir_graph_get_fingerprint (bare), ==, before);
    {
      g_autoptr (LirModule) m = lir_module_new (bare, NULL);

      plain = lir_module_to_json (m, NULL);
      g_assert_null (strstr (plain, "category"));
      g_assert_null (strstr (plain, "region"));
    }
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *doc =
        g_strdup_printf ("{\"format\":\"lirscope-graph\",\"version\":1,\"name\":\"t\",\"nodes\":"
                         "[{\"id\":0,\"op\":\"input\",\"shape\":{\"dtype\":\"f32\",\"dims\":[2]},%s}],"
                         "\"outputs\":[0]}",
                         bad[i].field);
      g_autoptr (GError) failure = NULL;
      g_autoptr (LirModule) refused = lir_module_new_from_json (doc, strlen (doc), &failure);

      g_assert_null (refused);
      g_assert_nonnull (failure);
      if (strstr (failure->message, bad[i].message) == NULL)
        g_error ("case %u: \"%s\" does not say \"%s\"", i, failure->message, bad[i].message);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/io/json/round-trip", test_round_trip);
  g_test_add_func ("/io/json/opaque-attrs-kept", test_opaque_attrs_kept);
  g_test_add_func ("/io/json/error-places", test_error_places);
  g_test_add_func ("/io/json/syntax", test_syntax);
  g_test_add_func ("/io/json/alias-round-trip", test_alias_round_trip);
  g_test_add_func ("/io/csv/round-trip", test_csv_round_trip);
  g_test_add_func ("/io/json/text-refused", test_text_refused);
  g_test_add_func ("/io/json/text-kept", test_text_kept);
  g_test_add_func ("/io/json/name-limit", test_name_limit);
  g_test_add_func ("/io/json/categories", test_categories);
  return g_test_run ();
}
