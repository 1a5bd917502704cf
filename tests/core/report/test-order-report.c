/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-order-report.c: the order search's answer in words and JSON, on
 * hand-made graphs: the proof of an optimal order, the move of a side
 * branch and what it frees, the bracket when the budget runs out. */
#include "lir-private.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

static LirModule *
load (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv (dir), name, NULL);
  g_autoptr (GError) error = NULL;
  LirModule *module = lir_module_new_from_file (path, &error);

  g_assert_no_error (error);
  return module;
}

static LirOrderReport *
find (LirModule *module, guint64 budget)
{
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirOrderReport *report;

  lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  report = lir_module_find_order (module, options, budget, &error);
  g_assert_no_error (error);
  return report;
}

/* mlp.json's order is optimal, and the floor at fc1.bias proves it. */
static void
test_proof (void)
{
  g_autoptr (LirModule) module = load ("LIRSCOPE_EXAMPLES", "mlp.json");
  g_autoptr (LirOrderReport) report = find (module, 0);
  g_autofree char *verdict = lir_order_report_get_verdict (report);
  g_autofree char *text = lir_order_report_to_text (report, NULL);
  g_auto (GStrv) moves = lir_order_report_list_moves (report, 8);

  g_assert_cmpint (lir_order_report_get_proof (report), ==, LIR_ORDER_PROOF_FLOOR);
  g_assert_null (lir_order_report_get_best (report));
  g_assert_cmpstr (verdict, ==, "the order is optimal (proved: any order holds 859.04 KiB at fc1.bias)");
  g_assert_nonnull (strstr (text, "floor          859.04 KiB at fc1.bias: any order holds this much"));
  g_assert_null (strstr (text, "moves"));
  g_assert_cmpuint (g_strv_length (moves), ==, 0);
}

/* The side branch: the aux head moves before layer4, layer3's output is
 * freed before the peak, the search proves the new order optimal. */
static void
test_move (void)
{
  g_autoptr (LirModule) module = load ("LIRSCOPE_TEST_DATA", "order/side-branch.json");
  g_autoptr (LirOrderReport) report = find (module, 0);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirModule) given = NULL;
  g_autofree char *verdict = lir_order_report_get_verdict (report);
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_auto (GStrv) moves = lir_order_report_list_moves (report, 8);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root, *at_peak;

  lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  given = lir_module_replan (module, options, &error);
  g_assert_no_error (error);
  text = lir_order_report_to_text (report, given);
  json = lir_order_report_to_json (report, given);
  g_assert_cmpstr (verdict, ==,
                   "an order with peak 20.06 KiB (−12.8%) exists, and it is optimal (proved by a search "
                   "through "
                   "every order it could not rule out: 10 states)");
  g_assert_cmpuint (g_strv_length (moves), ==, 1);
  g_assert_cmpstr (moves[0], ==, "aux_classifier.0 … aux_classifier.1 (2 nodes) now run before layer4.0");
  g_assert_nonnull (strstr (text, "  given order    peak 23.00 KiB at layer4.1\n"));
  g_assert_nonnull (strstr (text, "  arena          23.00 KiB → 20.06 KiB, both placed by auto\n"));
  g_assert_nonnull (
    strstr (text, "  at layer4.1, the given order's peak:\n    freed before it      layer3 (3.00 KiB)\n"));
  g_assert_nonnull (strstr (text, "    live there instead   aux_classifier.1 (64 B)\n"));

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "given_peak"), ==, 23552);
  g_assert_cmpint (json_object_get_int_member (root, "best_peak"), ==, 20544);
  g_assert_cmpint (json_object_get_int_member (root, "saving"), ==, 23552 - 20544);
  g_assert_cmpstr (json_object_get_string_member (root, "proof"), ==, "search");
  g_assert_true (json_object_get_boolean_member (root, "optimal"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "moves")), ==, 1);
  at_peak = json_object_get_object_member (root, "at_given_peak");
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (at_peak, "freed_before"),
                                                    0),
                     "name"),
                   ==, "layer3");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "order")), ==, 7);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (root, "order"), 2), ==, 5);
}

/* A one-state budget on a graph the floor cannot settle: the bracket. */
static void
test_bracket (void)
{
  g_autoptr (LirModule) module = load ("LIRSCOPE_TEST_DATA", "order/side-branch.json");
  g_autoptr (LirOrderReport) report = find (module, 1);
  g_autofree char *verdict = lir_order_report_get_verdict (report);

  g_assert_cmpint (lir_order_report_get_proof (report), ==, LIR_ORDER_PROOF_NONE);
  g_assert_cmpstr (verdict, ==,
                   "an order with peak 20.06 KiB (−12.8%) exists; not decided within the budget (1 state): "
                   "the "
                   "lowest peak is between 20.00 KiB and 20.06 KiB");
}

/* A saving too small for a share is said in bytes, never "−0.0%". */
static void
test_tiny_saving (void)
{
  g_autoptr (LirModule) module = load ("LIRSCOPE_TEST_DATA", "order/side-branch-tiny.json");
  g_autoptr (LirOrderReport) report = find (module, 0);
  g_autofree char *verdict = lir_order_report_get_verdict (report);

  g_assert_cmpuint (lir_order_report_get_given_peak (report) - lir_order_report_get_best_peak (report), ==,
                    7);
  g_assert_nonnull (strstr (verdict, "(−7 B) exists"));
  g_assert_null (strstr (verdict, "0.0%"));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report/order/proof", test_proof);
  g_test_add_func ("/report/order/move", test_move);
  g_test_add_func ("/report/order/bracket", test_bracket);
  g_test_add_func ("/report/order/tiny-saving", test_tiny_saving);
  return g_test_run ();
}
