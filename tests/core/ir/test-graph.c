/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-graph.c: dtypes, shapes, the builder API and graph validation. */
#include "lir-private.h"

#include <string.h>

static void
test_dtype_sizes (void)
{
  static const struct
  {
    const char *name;
    guint size;
  } cases[] = {
    { "f32", 4 },  { "f16", 2 }, { "bf16", 2 }, { "f64", 8 },  { "i8", 1 },
    { "i16", 2 },  { "i32", 4 }, { "i64", 8 },  { "u8", 1 },   { "u32", 4 },
    { "bool", 1 }, { "c64", 8 }, { "F32", 4 },  { "BF16", 2 }, { "C64", 8 },
  };
  LirDType dtype;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (lir_dtype_from_string (cases[i].name, &dtype));
      g_assert_cmpuint (lir_dtype_get_size (dtype), ==, cases[i].size);
    }
  g_assert_false (lir_dtype_from_string ("f8", &dtype));
}

static void
test_shape_overflow_is_error (void)
{
  LirShape shape = LIR_SHAPE (LIR_DTYPE_F64, G_MAXUINT64 / 4, 3);
  g_autoptr (GError) error = NULL;
  guint64 bytes = 0;

  g_assert_false (lir_shape_get_byte_size (&shape, NULL, 0, &bytes, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW);
  g_assert_cmpuint (bytes, ==, 0);

  shape = LIR_SHAPE (LIR_DTYPE_F16, 3, 5);
  g_assert_true (lir_shape_get_byte_size (&shape, NULL, 0, &bytes, NULL));
  g_assert_cmpuint (bytes, ==, 30);
}

/* Declared aliases and tuple results must name what the node reads. */
static void
test_alias_rules (void)
{
  static const struct
  {
    const char *case_name;
    const char *expected;
  } cases[] = {
    { "alias of a node it does not read", "must name one of its inputs" },
    { "in-place at an offset", "starts at byte 0" },
    { "alias on a reshape", "are views by their op" },
    { "alias of a bufferless node", "has no buffer" },
    { "alias on a bufferless node", "without a buffer cannot alias" },
    { "result of a buffer", "that has no buffer (the tuple)" },
    { "result that is also a view", "a buffer of its own" },
  };
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LirGraph) g = lir_graph_new ("rules");
      g_autoptr (GError) error = NULL;
      guint32 x = lir_graph_add_input (g, "x", &s);
      guint32 a = lir_graph_add_op (g, "exp", &x, 1, &s);
      guint32 tuple = lir_graph_add_op (g, "split", &a, 1, &s);
      guint32 b = lir_graph_add_op (g, "getitem", &tuple, 1, &s);
      guint32 r = lir_graph_add_reshape (g, b, &s);

      lir_graph_set_node_has_buffer (g, tuple, FALSE);
      lir_graph_set_outputs (g, &r, 1);
      g_assert_true (lir_graph_validate (g, NULL));
      switch (i)
        {
        case 0:
          lir_graph_set_node_alias (g, b, x, 0, LIR_ALIAS_VIEW);
          break;
        case 1:
          lir_graph_set_node_alias (g, a, x, 4, LIR_ALIAS_INPLACE);
          break;
        case 2:
          lir_graph_set_node_alias (g, r, b, 0, LIR_ALIAS_VIEW);
          break;
        case 3:
          lir_graph_set_node_alias (g, b, tuple, 0, LIR_ALIAS_VIEW);
          break;
        case 4:
          lir_graph_set_node_alias (g, tuple, a, 0, LIR_ALIAS_VIEW);
          break;
        case 5:
          lir_graph_set_node_result_of (g, tuple, a);
          break;
        default:
          lir_graph_set_node_result_of (g, b, tuple);
          lir_graph_set_node_alias (g, b, a, 0, LIR_ALIAS_VIEW);
          break;
        }
      g_assert_false (lir_graph_validate (g, &error));
      g_assert_error (error, LIR_ERROR, LIR_ERROR_INVALID);
      if (strstr (error->message, cases[i].expected) == NULL)
        g_error ("%s: \"%s\" does not say \"%s\"", cases[i].case_name, error->message, cases[i].expected);
    }
}

/* The allowed forms: a piece of a tuple aliases the tuple's input. */
static void
test_alias_through_tuple (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("tuple");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "exp", &x, 1, &s);
  guint32 tuple = lir_graph_add_op (g, "chunk", &a, 1, &s);
  guint32 b = lir_graph_add_op (g, "getitem", &tuple, 1, &s);
  guint32 c = lir_graph_add_op (g, "relu_", &b, 1, &s);
  guint32 of;
  guint64 offset;

  lir_graph_set_node_has_buffer (g, tuple, FALSE);
  lir_graph_set_node_alias (g, b, a, 0, LIR_ALIAS_VIEW);
  lir_graph_set_node_alias (g, c, b, 0, LIR_ALIAS_INPLACE);
  lir_graph_set_outputs (g, &c, 1);
  g_assert_true (lir_graph_validate (g, NULL));
  g_assert_cmpint (lir_graph_get_node_alias (g, c, &of, &offset), ==, LIR_ALIAS_INPLACE);
  g_assert_cmpuint (of, ==, b);
  g_assert_cmpint (lir_graph_get_node_alias (g, x, NULL, NULL), ==, LIR_ALIAS_NONE);
  g_assert_false (lir_graph_get_node_has_buffer (g, tuple));
  g_assert_cmpuint (lir_graph_get_node_result_of (g, b), ==, LIR_NO_NODE);
}

static void
test_builder (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s4 = LIR_SHAPE (LIR_DTYPE_F32, 4);
  LirShape s44 = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  guint32 x = lir_graph_add_input (g, "x", &s4);
  guint32 w = lir_graph_add_param (g, "w", &s44);
  guint32 y = lir_graph_add_matmul (g, x, w, &s44);
  guint32 c = lir_graph_add_cast (g, y, LIR_DTYPE_F16, &s44);
  guint32 opaque = lir_graph_add_op (g, "softmax", &c, 1, &s44);
  guint n_inputs;
  const guint32 *inputs;
  char label[24];

  lir_graph_set_outputs (g, &opaque, 1);
  g_assert_true (lir_graph_validate (g, NULL));
  g_assert_cmpuint (lir_graph_get_n_nodes (g), ==, 5);
  g_assert_cmpint (lir_graph_get_node_kind (g, y), ==, LIR_OP_MATMUL);
  g_assert_cmpint (lir_graph_get_node_kind (g, opaque), ==, LIR_OP_OPAQUE);
  g_assert_cmpstr (lir_graph_get_node_op_name (g, opaque), ==, "softmax");
  g_assert_cmpint (lir_graph_get_node_cast_to (g, c), ==, LIR_DTYPE_F16);
  g_assert_cmpstr (lir_graph_get_node_attrs (g, c), ==, "{\"to\":\"f16\"}");
  inputs = lir_graph_get_node_inputs (g, y, &n_inputs);
  g_assert_cmpuint (n_inputs, ==, 2);
  g_assert_cmpuint (inputs[0], ==, x);
  g_assert_cmpuint (inputs[1], ==, w);
  g_assert_cmpstr (lir_graph_get_node_label (g, y, label), ==, "%2");
  g_assert_cmpstr (lir_graph_get_node_label (g, x, label), ==, "x");
}

static void
test_unknown_input_is_error (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 bad = 7;
  g_autoptr (GError) error = NULL;

  lir_graph_add_input (g, "x", &s);
  lir_graph_add_op (g, "relu", &bad, 1, &s);
  g_assert_false (lir_graph_validate (g, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "node 7"));
}

static void
test_cycle_names_a_node (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 in = 2, a, b;
  g_autoptr (GError) error = NULL;

  lir_graph_add_input (g, "x", &s);             /* 0 */
  a = lir_graph_add_op (g, "relu", &in, 1, &s); /* 1 reads 2 */
  b = lir_graph_add_op (g, "relu", &a, 1, &s);  /* 2 reads 1 */
  g_assert_cmpuint (b, ==, 2);
  g_assert_false (lir_graph_validate (g, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_CYCLE);
  g_assert_true (strstr (error->message, "node 1") != NULL || strstr (error->message, "node 2") != NULL);
}

static void
test_duplicate_boundary_names (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  g_autoptr (GError) error = NULL;

  lir_graph_add_input (g, "x", &s);
  lir_graph_add_param (g, "x", &s);
  g_assert_false (lir_graph_validate (g, &error));
  g_assert_nonnull (strstr (error->message, "\"x\""));
}

static void
test_missing_output_is_error (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 out = 3;
  g_autoptr (GError) error = NULL;

  lir_graph_add_input (g, "x", &s);
  lir_graph_set_outputs (g, &out, 1);
  g_assert_false (lir_graph_validate (g, &error));
  g_assert_nonnull (strstr (error->message, "output 0"));
}

static void
test_narrow_out_of_bounds (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 8);
  LirShape s4 = LIR_SHAPE (LIR_DTYPE_F32, 4);
  g_autoptr (GError) error = NULL;
  guint32 x = lir_graph_add_input (g, "x", &s);

  lir_graph_add_narrow (g, x, 0, 6, 4, &s4);
  g_assert_false (lir_graph_validate (g, &error));
  g_assert_nonnull (strstr (error->message, "narrow"));
}

/* Reads a module's JSON back: what the graph held is in the file. */
static LirModule *
json_round_trip (LirGraph *graph)
{
  g_autoptr (LirModule) module = lir_module_new (graph, NULL);
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *json = lir_module_to_json (module, &length);
  LirModule *again = lir_module_new_from_json (json, length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (again);
  return again;
}

/* A cast's target and a narrow's slice live in typed fields and, in files,
 * in the attributes: the two always agree, however the node was made (the
 * API fuzz target found a cast added with lir_graph_add_node () that was
 * written without its "to" and could not be read back). */
static void
test_typed_fields_reach_attrs (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("typed");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 plain_cast = lir_graph_add_node (g, LIR_OP_CAST, NULL, "c1", &x, 1, &s, NULL);
  guint32 given_cast = lir_graph_add_node (g, LIR_OP_CAST, NULL, "c2", &x, 1, &s, "{\"to\":\"f16\",\"z\":1}");
  guint32 plain_narrow = lir_graph_add_node (g, LIR_OP_NARROW, NULL, "n1", &x, 1, &s, "{\"a\":[1]}");
  guint32 set_cast = lir_graph_add_cast (g, x, LIR_DTYPE_BF16, &s);
  g_autoptr (LirModule) again = NULL;
  LirGraph *g2;
  guint32 axis;
  guint64 start, len;

  g_assert_cmpstr (lir_graph_get_node_attrs (g, plain_cast), ==, "{\"to\":\"f32\"}");
  g_assert_cmpint (lir_graph_get_node_cast_to (g, given_cast), ==, LIR_DTYPE_F16);
  g_assert_cmpstr (lir_graph_get_node_attrs (g, given_cast), ==, "{\"to\":\"f16\",\"z\":1}");
  g_assert_cmpstr (lir_graph_get_node_attrs (g, plain_narrow), ==,
                   "{\"a\":[1],\"axis\":0,\"len\":0,\"start\":0}");
  lir_graph_set_node_cast_to (g, set_cast, LIR_DTYPE_I8);
  g_assert_cmpstr (lir_graph_get_node_attrs (g, set_cast), ==, "{\"to\":\"i8\"}");
  lir_graph_set_node_narrow (g, plain_narrow, 1, 1, 3);
  g_assert_cmpstr (lir_graph_get_node_attrs (g, plain_narrow), ==,
                   "{\"a\":[1],\"axis\":1,\"len\":3,\"start\":1}");
  lir_graph_set_outputs (g, &set_cast, 1);

  again = json_round_trip (g);
  g2 = lir_module_get_graph (again);
  g_assert_cmpint (lir_graph_get_node_cast_to (g2, plain_cast), ==, LIR_DTYPE_F32);
  g_assert_cmpint (lir_graph_get_node_cast_to (g2, given_cast), ==, LIR_DTYPE_F16);
  g_assert_cmpint (lir_graph_get_node_cast_to (g2, set_cast), ==, LIR_DTYPE_I8);
  lir_graph_get_node_narrow (g2, plain_narrow, &axis, &start, &len);
  g_assert_cmpuint (axis, ==, 1);
  g_assert_cmpuint (start, ==, 1);
  g_assert_cmpuint (len, ==, 3);
  g_assert_cmpuint (lir_graph_get_fingerprint (g2), ==, lir_graph_get_fingerprint (g));
}

/* The builders take nothing a file cannot hold (found by the API fuzz
 * target: a dim of 2^64 - 1 was written and then refused by the reader). */
static void
test_builders_keep_file_limits (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("limits");
  LirShape huge = LIR_SHAPE (LIR_DTYPE_U8, G_MAXUINT64);
  LirShape s = LIR_SHAPE (LIR_DTYPE_U8, 4);
  LirShape unknown_symbol = { .dtype = LIR_DTYPE_U8, .n_dims = 1 };
  guint32 x = lir_graph_add_input (g, "x", &s), none = LIR_NO_NODE;

  unknown_symbol.dims[0] = lir_dim_symbol (3);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*dims_fit*");
  g_assert_cmpuint (lir_graph_add_input (g, "big", &huge), ==, LIR_NO_NODE);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*dims_fit*");
  g_assert_cmpuint (lir_graph_add_input (g, "sym", &unknown_symbol), ==, LIR_NO_NODE);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*inputs_fit*");
  g_assert_cmpuint (lir_graph_add_op (g, "relu", &none, 1, &s), ==, LIR_NO_NODE);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*LIR_MAX_BYTES*");
  g_assert_cmpuint (lir_graph_add_narrow (g, x, 0, G_MAXUINT64, 1, &s), ==, LIR_NO_NODE);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*LIR_MAX_BYTES*");
  lir_graph_add_symbol (g, "seq", G_MAXUINT64 - 1);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*of != LIR_NO_NODE*");
  lir_graph_set_node_alias (g, x, LIR_NO_NODE, 0, LIR_ALIAS_VIEW);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (lir_graph_get_n_nodes (g), ==, 1);
  g_assert_cmpuint (lir_graph_get_n_symbols (g), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ir/dtype/sizes", test_dtype_sizes);
  g_test_add_func ("/ir/shape/overflow-is-error", test_shape_overflow_is_error);
  g_test_add_func ("/ir/graph/builder", test_builder);
  g_test_add_func ("/ir/graph/alias-rules", test_alias_rules);
  g_test_add_func ("/ir/graph/alias-through-tuple", test_alias_through_tuple);
  g_test_add_func ("/ir/graph/unknown-input", test_unknown_input_is_error);
  g_test_add_func ("/ir/graph/cycle-names-node", test_cycle_names_a_node);
  g_test_add_func ("/ir/graph/duplicate-boundary-names", test_duplicate_boundary_names);
  g_test_add_func ("/ir/graph/missing-output", test_missing_output_is_error);
  g_test_add_func ("/ir/graph/narrow-out-of-bounds", test_narrow_out_of_bounds);
  g_test_add_func ("/ir/graph/typed-fields-reach-attrs", test_typed_fields_reach_attrs);
  g_test_add_func ("/ir/graph/builders-keep-file-limits", test_builders_keep_file_limits);
  return g_test_run ();
}
