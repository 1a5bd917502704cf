/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-schedule.c: `lirscope-cli schedule` end to end: the report, the
 * reordered module it writes (valid, in the best order, optimal when
 * asked again), and its errors. */
#include "lir-private.h"

#include "cli-run.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

static char *
data_file (const char *name)
{
  return g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), name, NULL);
}

static void
test_reorder_and_write (void)
{
  g_autofree char *input = data_file ("order/side-branch.json");
  g_autofree char *dir = g_dir_make_tmp ("lirscope-schedule-XXXXXX", NULL);
  g_autofree char *output = g_build_filename (dir, "reordered.json", NULL);
  g_autofree char *out = NULL, *err = NULL, *again = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (LirModule) written = NULL;
  g_autoptr (GError) error = NULL;
  const char *args[] = { "schedule", "--no-inputs", "--json", "-o", output, input, NULL };
  const char *check[] = { "schedule", "--no-inputs", output, NULL };
  const guint32 *schedule;
  guint n;
  JsonObject *root;

  g_assert_cmpint (cli_run (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "best_peak"), <,
                   json_object_get_int_member (root, "given_peak"));
  g_assert_cmpstr (json_object_get_string_member (root, "proof"), ==, "search");

  /* The module written runs the best order, validates, and is optimal. */
  written = lir_module_new_from_file (output, &error);
  g_assert_no_error (error);
  g_assert_true (lir_module_validate (written, &error));
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (written), &n);
  g_assert_cmpuint (n, ==, 7);
  g_assert_cmpuint (schedule[2], ==, 5);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (cli_run (check, &again, &err), ==, 0);
  g_assert_nonnull (strstr (again, "verdict        the order is optimal (proved"));
  g_assert_cmpint (g_remove (output), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_errors (void)
{
  g_autofree char *input = data_file ("order/side-branch.json");
  g_autofree char *csv = data_file ("minimalloc/A.1048576.csv");
  const char *overwrite[] = { "schedule", "-o", input, input, NULL };
  const char *budget[] = { "schedule", "--budget", "-1", input, NULL };
  const char *list[] = { "schedule", csv, NULL };
  g_autofree char *out1 = NULL, *err1 = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;

  g_assert_cmpint (cli_run (overwrite, &out1, &err1), ==, 2);
  g_assert_nonnull (strstr (err1, "refusing to overwrite the input"));
  g_assert_cmpint (cli_run (budget, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "--budget takes a positive number"));
  g_assert_cmpint (cli_run (list, &out3, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "a buffer list has lifetimes, not an order of nodes"));
  g_assert_cmpstr (out3, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/schedule/reorder-and-write", test_reorder_and_write);
  g_test_add_func ("/cli/schedule/errors", test_errors);
  return g_test_run ();
}
