/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-session.c: the app's way of opening a file, without a display. The
 * input is written to a file that a session opens (on its worker thread,
 * as the window does); then the first half of it is opened in the same
 * session. Whatever happens, the session ends idle with either a plan and
 * everything the window draws from it, or an error in valid UTF-8; a file
 * that fails leaves the last good plan on screen; a plan that is shown
 * invalid says so; re-planning what is shown succeeds or says why. */
#include "fuzz-target.h"
#include "lirscope-session.h"

#include <glib/gstdio.h>

static char *dir;

static void
wait_idle (LirscopeSession *session)
{
  while (lirscope_session_get_busy (session))
    g_main_context_iteration (NULL, TRUE);
}

static void
write_input (const char *path, const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;

  if (!g_file_set_contents (path, (const char *)data, (gssize)size, &error))
    fuzz_fail ("cannot write the input: %s", error->message);
}

/* What a window shows after work settles. */
static void
check_settled (LirscopeSession *session, const char *what)
{
  const char *error = lirscope_session_get_error (session);
  LirModule *module = lirscope_session_get_module (session);

  if (error != NULL)
    fuzz_check_text (error, strlen (error), what);
  if (module == NULL)
    {
      if (error == NULL)
        fuzz_fail ("%s: no plan and no error", what);
      return;
    }
  if (lirscope_session_get_renderer (session) == NULL || lirscope_session_get_report (session) == NULL
      || lirscope_session_get_search_index (session) == NULL)
    fuzz_fail ("%s: a plan without what the window draws from it", what);
  if (!lir_stats_report_is_valid (lirscope_session_get_report (session)) && error == NULL)
    fuzz_fail ("%s: an invalid plan is shown without saying so", what);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (LirscopeSession) session = lirscope_session_new ();
  g_autofree char *path = NULL, *half_path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) half = NULL;
  g_autoptr (LirModule) first = NULL;

  if (dir == NULL)
    dir = g_dir_make_tmp ("fuzz-session-XXXXXX", NULL);
  path = g_build_filename (dir, "input", NULL);
  half_path = g_build_filename (dir, "half", NULL);
  write_input (path, data, size);
  write_input (half_path, data, size / 2);
  file = g_file_new_for_path (path);
  half = g_file_new_for_path (half_path);

  lirscope_session_open (session, file);
  wait_idle (session);
  check_settled (session, "opening a file");
  if (lirscope_session_get_module (session) != NULL)
    {
      first = lir_module_ref (lirscope_session_get_module (session));
      lirscope_session_set_strategy (session, "naive");
      wait_idle (session);
      check_settled (session, "re-planning it");
      lirscope_session_select (session, 0);
      lirscope_session_set_cursor_step (session, 0);
    }

  lirscope_session_open (session, half);
  wait_idle (session);
  check_settled (session, "opening its first half");
  if (first != NULL && lirscope_session_get_module (session) == NULL)
    fuzz_fail ("a file that failed took the last good plan off the screen");
  g_unlink (path);
  g_unlink (half_path);
  return 0;
}
