/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-session.c: the model behind a window, without a display: loading,
 * re-planning, the options it keeps, reloading a file that changes on
 * disk, keeping the last good plan, comparing, and the held plan. */
#include "lirscope-session.h"
#include "lir-private.h"

#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  LirscopeSession *session;
  char *dir;
  char *path; /* a copy of an example the tests may overwrite */
  guint plans;
  guint replans;
} Fixture;

static gboolean
timed_out (gpointer data)
{
  g_error ("the session stayed busy for 60 s");
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the session has no work, nor a reload due. */
static void
wait_idle (LirscopeSession *session)
{
  guint timeout = g_timeout_add_seconds (60, timed_out, NULL);

  while (lirscope_session_get_busy (session))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);
}

/* Runs the main loop until the file monitor has told the session (it is
 * busy with a reload, or says the file is gone): a machine under load may
 * take a while, so the wait is for the event, not for a time. */
static void
wait_for_monitor (LirscopeSession *session, gboolean (*told) (LirscopeSession *session))
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!told (session))
    {
      if (g_get_monotonic_time () > end)
        g_error ("the file monitor did not tell the session within 30 s");
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
reload_due (LirscopeSession *session)
{
  return lirscope_session_get_busy (session);
}

static gboolean
told_removed (LirscopeSession *session)
{
  return lirscope_session_get_error (session) != NULL
         && strstr (lirscope_session_get_error (session), "was removed");
}

static void
on_plan_changed (LirscopeSession *session, gboolean keep_view, Fixture *f)
{
  f->plans++;
}

static void
on_replanned (LirscopeSession *session, Fixture *f)
{
  f->replans++;
}

static void
copy_file (Fixture *f, const char *dir, const char *name)
{
  g_autofree char *source = g_build_filename (g_getenv (dir), name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (source, &text, &length, NULL));
  g_free (f->path);
  f->path = g_build_filename (f->dir, "plan.json", NULL);
  g_assert_true (g_file_set_contents (f->path, text, length, NULL));
}

static void
open_copy (Fixture *f, const char *name)
{
  g_autoptr (GFile) file = NULL;

  copy_file (f, strchr (name, '/') != NULL ? "LIRSCOPE_TEST_DATA" : "LIRSCOPE_EXAMPLES", name);
  file = g_file_new_for_path (f->path);
  lirscope_session_open (f->session, file);
  g_assert_true (lirscope_session_get_busy (f->session));
  wait_idle (f->session);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = g_dir_make_tmp ("lirscope-session-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->session = lirscope_session_new ();
  g_signal_connect (f->session, "plan-changed", G_CALLBACK (on_plan_changed), f);
  g_signal_connect (f->session, "replanned", G_CALLBACK (on_replanned), f);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->session);
  if (f->path != NULL)
    g_unlink (f->path);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* A graph opens planned with the default strategy; the options shown are
 * the plan's. */
static void
test_open (Fixture *f, gconstpointer data)
{
  LirModule *module;

  open_copy (f, "decoder-block.json");
  module = lirscope_session_get_module (f->session);
  g_assert_nonnull (module);
  g_assert_null (lirscope_session_get_error (f->session));
  g_assert_nonnull (lirscope_session_get_renderer (f->session));
  g_assert_nonnull (lirscope_session_get_report (f->session));
  g_assert_nonnull (lirscope_session_get_search_index (f->session));
  g_assert_cmpuint (f->plans, ==, 1);
  g_assert_cmpstr (lirscope_session_get_strategy (f->session), ==,
                   lir_buffer_plan_get_strategy (lir_module_get_plan (module)));
  g_assert_cmpuint (lirscope_session_get_alignment (f->session), ==,
                    lir_buffer_plan_get_alignment (lir_module_get_plan (module)));
  g_assert_true (lirscope_session_get_params_in_arena (f->session));
  g_assert_cmpuint (lirscope_session_get_selected (f->session), ==, LIR_NO_NODE);
}

/* A new strategy re-plans in the background; the options follow the plan. */
static void
test_replan (Fixture *f, gconstpointer data)
{
  open_copy (f, "decoder-block.json");
  lirscope_session_set_strategy (f->session, "naive");
  g_assert_true (lirscope_session_get_busy (f->session));
  wait_idle (f->session);
  g_assert_cmpuint (f->replans, ==, 1);
  g_assert_cmpstr (lir_buffer_plan_get_strategy (
                     lir_module_get_plan (lirscope_session_get_module (f->session))),
                   ==, "naive");
  g_assert_cmpstr (lirscope_session_get_strategy (f->session), ==, "naive");

  lirscope_session_set_params_in_arena (f->session, FALSE);
  wait_idle (f->session);
  g_assert_false (
    lir_buffer_plan_get_allocates (lir_module_get_plan (lirscope_session_get_module (f->session)),
                                   LIR_OP_PARAM));
  g_assert_false (lirscope_session_get_params_in_arena (f->session));
  /* The strategy chosen before stays chosen. */
  g_assert_cmpstr (lirscope_session_get_strategy (f->session), ==, "naive");
}

/* A re-plan that fails keeps the plan on screen and says why, and keeps
 * what the user asked for, to adjust (it used to lose a symbol's value). */
static void
test_failed_replan_keeps_request (Fixture *f, gconstpointer data)
{
  g_autoptr (LirModule) before = NULL;
  guint64 huge = G_GUINT64_CONSTANT (1) << 60;

  open_copy (f, "dynamic-seq.json");
  before = lir_module_ref (lirscope_session_get_module (f->session));
  g_assert_cmpuint (lirscope_session_get_binding (f->session, "seq"), ==, 128);

  lirscope_session_set_binding (f->session, "seq", huge);
  wait_idle (f->session);
  g_assert_true (lirscope_session_get_module (f->session) == before);
  g_assert_nonnull (lirscope_session_get_error (f->session));
  g_assert_true (g_str_has_prefix (lirscope_session_get_error (f->session), "Could not re-plan"));
  g_assert_cmpuint (lirscope_session_get_binding (f->session, "seq"), ==, huge);

  lirscope_session_set_binding (f->session, "seq", 64);
  wait_idle (f->session);
  g_assert_null (lirscope_session_get_error (f->session));
  g_assert_cmpuint (lirscope_session_get_binding (f->session, "seq"), ==, 64);
  g_assert_cmpuint (f->replans, ==, 1);
}

/* The file changes on disk: it reloads; a bad write leaves the last good
 * plan with an error, and the next good write clears it. */
static void
test_reload_keeps_last_good_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (LirModule) good = NULL;
  g_autofree char *text = NULL;
  gsize length;

  open_copy (f, "mlp.json");
  good = lir_module_ref (lirscope_session_get_module (f->session));
  g_assert_true (g_file_get_contents (f->path, &text, &length, NULL));

  g_assert_true (g_file_set_contents (f->path, "{\"format\": \"lirscope-graph\", \"nodes\": [", -1, NULL));
  wait_for_monitor (f->session, reload_due);
  wait_idle (f->session);
  g_assert_true (lirscope_session_get_module (f->session) == good);
  g_assert_true (g_str_has_prefix (lirscope_session_get_error (f->session), "Could not reload"));

  g_assert_true (g_file_set_contents (f->path, text, length, NULL));
  wait_for_monitor (f->session, reload_due);
  wait_idle (f->session);
  g_assert_null (lirscope_session_get_error (f->session));
  g_assert_true (lirscope_session_get_module (f->session) != good);
  g_assert_cmpuint (lir_module_get_fingerprint (lirscope_session_get_module (f->session)), ==,
                    lir_module_get_fingerprint (good));

  g_assert_cmpint (g_unlink (f->path), ==, 0);
  wait_for_monitor (f->session, told_removed);
  g_assert_nonnull (lirscope_session_get_module (f->session));
}

/* Opening a bad file while a plan is shown keeps that plan, its file and
 * its watch: a later edit of the good file still reloads it. */
static void
test_failed_open_keeps_file (Fixture *f, gconstpointer data)
{
  g_autofree char *bad_path = g_build_filename (f->dir, "truncated.json", NULL);
  g_autoptr (GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr (LirModule) good = NULL;
  g_autofree char *text = NULL;
  gsize length;

  open_copy (f, "mlp.json");
  good = lir_module_ref (lirscope_session_get_module (f->session));
  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"lirscope-graph\", \"nod", -1, NULL));
  lirscope_session_open (f->session, bad);
  wait_idle (f->session);
  g_assert_true (lirscope_session_get_module (f->session) == good);
  g_assert_true (g_str_has_prefix (lirscope_session_get_error (f->session), "Could not open"));
  {
    g_autoptr (GFile) good_file = g_file_new_for_path (f->path);

    g_assert_true (g_file_equal (lirscope_session_get_file (f->session), good_file));
  }

  g_assert_true (g_file_get_contents (f->path, &text, &length, NULL));
  g_assert_true (g_file_set_contents (f->path, text, length, NULL));
  wait_for_monitor (f->session, reload_due);
  wait_idle (f->session);
  g_assert_true (lirscope_session_get_module (f->session) != good);
  g_assert_null (lirscope_session_get_error (f->session));
  g_unlink (bad_path);
}

/* A first file that cannot be read leaves nothing on screen and says why. */
static void
test_bad_first_file (Fixture *f, gconstpointer data)
{
  g_autoptr (GFile) file = NULL;

  f->path = g_build_filename (f->dir, "bad.json", NULL);
  g_assert_true (g_file_set_contents (f->path, "[1, 2", -1, NULL));
  file = g_file_new_for_path (f->path);
  lirscope_session_open (f->session, file);
  wait_idle (f->session);
  g_assert_null (lirscope_session_get_module (f->session));
  g_assert_true (g_str_has_prefix (lirscope_session_get_error (f->session), "Could not open the plan"));
  g_assert_cmpuint (f->plans, ==, 0);
}

/* Compare mode: a baseline and the diff to the plan on screen. */
static void
test_compare (Fixture *f, gconstpointer data)
{
  g_autofree char *baseline_path =
    g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autoptr (GFile) baseline = g_file_new_for_path (baseline_path);

  open_copy (f, "decoder-block.json");
  lirscope_session_set_strategy (f->session, "naive");
  lirscope_session_compare (f->session, baseline); /* waits for the re-plan */
  g_assert_null (lirscope_session_get_baseline (f->session));
  wait_idle (f->session);
  g_assert_nonnull (lirscope_session_get_baseline (f->session));
  g_assert_nonnull (lirscope_session_get_diff (f->session));
  g_assert_false (lir_plan_diff_is_empty (lirscope_session_get_diff (f->session)));
  lirscope_session_compare (f->session, NULL);
  g_assert_null (lirscope_session_get_diff (f->session));
}

static void
on_order_searched (LirscopeSession *session, guint *searched)
{
  (*searched)++;
}

/* Every plan's order is checked; a search the user asks for replaces the
 * plan with a lower-peak order, compared with the order before, and says
 * when there is none. */
static void
test_find_order (Fixture *f, gconstpointer data)
{
  LirOrderReport *order;
  g_autoptr (LirModule) before = NULL;
  LirModule *after;
  const guint32 *schedule;
  guint n, searched = 0;
  LirPlanStats a, b;

  open_copy (f, "order/side-branch.json");
  order = lirscope_session_get_order (f->session);
  g_assert_nonnull (order);
  g_assert_nonnull (lir_order_report_get_best (order)); /* found, not applied */
  g_assert_cmpint (lir_order_report_get_proof (order), ==, LIR_ORDER_PROOF_SEARCH);
  before = lir_module_ref (lirscope_session_get_module (f->session));
  g_signal_connect (f->session, "order-searched", G_CALLBACK (on_order_searched), &searched);

  lirscope_session_find_order (f->session);
  g_assert_true (lirscope_session_get_busy (f->session));
  wait_idle (f->session);
  g_assert_cmpuint (searched, ==, 1);
  after = lirscope_session_get_module (f->session);
  g_assert_true (after != before);
  g_assert_true (lirscope_session_get_baseline (f->session) == before);
  g_assert_nonnull (lirscope_session_get_reordering (f->session));
  /* The plan on screen has its own verdict: optimal. */
  g_assert_null (lir_order_report_get_best (lirscope_session_get_order (f->session)));
  g_assert_nonnull (lirscope_session_get_diff (f->session));
  lir_plan_stats_compute (lir_module_get_plan (before), &a);
  lir_plan_stats_compute (lir_module_get_plan (after), &b);
  g_assert_cmpuint (b.lower_bound, <, a.lower_bound);
  schedule = lir_buffer_plan_get_schedule (lir_module_get_plan (after), &n);
  g_assert_cmpuint (schedule[2], ==, 5); /* the aux head right after layer3 */

  /* Again: nothing lower, the plan stays, the verdict says so. */
  lirscope_session_find_order (f->session);
  wait_idle (f->session);
  g_assert_cmpuint (searched, ==, 2);
  g_assert_true (lirscope_session_get_module (f->session) == after);
  g_assert_null (lir_order_report_get_best (lirscope_session_get_order (f->session)));
  g_assert_cmpint (lir_order_report_get_proof (lirscope_session_get_order (f->session)), !=,
                   LIR_ORDER_PROOF_NONE);
  g_assert_null (lirscope_session_get_error (f->session));
}

/* Held, the plan on screen is measured at a smaller value rather than
 * re-planned; letting go re-plans there. */
static void
test_hold_plan (Fixture *f, gconstpointer data)
{
  g_autoptr (LirModule) held = NULL;

  open_copy (f, "dynamic-seq.json");
  held = lir_module_ref (lirscope_session_get_module (f->session));
  lirscope_session_set_hold_plan (f->session, TRUE);
  lirscope_session_set_binding (f->session, "seq", 96);
  g_assert_false (lirscope_session_get_busy (f->session));
  g_assert_true (lirscope_session_get_module (f->session) == held);
  g_assert_cmpstr (lirscope_session_get_error (f->session), ==, NULL);
  g_assert_cmpuint (lirscope_session_get_binding (f->session, "seq"), ==, 96);
  g_assert_cmpuint (lirscope_session_get_plan_binding (f->session, "seq"), ==, 128);
  g_assert_nonnull (
    lir_stats_report_get_value (lirscope_session_get_report (f->session), LIR_STAT_AT_BINDING));

  lirscope_session_set_hold_plan (f->session, FALSE);
  wait_idle (f->session);
  g_assert_true (lirscope_session_get_module (f->session) != held);
  g_assert_cmpuint (lirscope_session_get_plan_binding (f->session, "seq"), ==, 96);
}

/* Selection and cursor only take what the plan has. */
static void
test_selection (Fixture *f, gconstpointer data)
{
  open_copy (f, "mlp.json");
  lirscope_session_select (f->session, 1);
  g_assert_cmpuint (lirscope_session_get_selected (f->session), ==, 1);
  lirscope_session_select (f->session, 100000);
  g_assert_cmpuint (lirscope_session_get_selected (f->session), ==, LIR_NO_NODE);
  lirscope_session_set_cursor_step (f->session, 2);
  g_assert_cmpint (lirscope_session_get_cursor_step (f->session), ==, 2);
  lirscope_session_set_cursor_step (f->session, 100000);
  g_assert_cmpint (lirscope_session_get_cursor_step (f->session), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/session/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("open", test_open);
  ADD ("replan", test_replan);
  ADD ("failed-replan-keeps-request", test_failed_replan_keeps_request);
  ADD ("reload-keeps-last-good-plan", test_reload_keeps_last_good_plan);
  ADD ("bad-first-file", test_bad_first_file);
  ADD ("failed-open-keeps-file", test_failed_open_keeps_file);
  ADD ("compare", test_compare);
  ADD ("find-order", test_find_order);
  ADD ("hold-plan", test_hold_plan);
  ADD ("selection", test_selection);
  return g_test_run ();
}
