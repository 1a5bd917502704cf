/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-io.c: loading with format detection, and writing that loses nothing. */
#include "lir-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  char *dir;
} TempDir;

static void
temp_dir_setup (TempDir *fixture, gconstpointer data)
{
  fixture->dir = g_dir_make_tmp ("lirscope-io-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

static void
temp_dir_teardown (TempDir *fixture, gconstpointer data)
{
  g_chmod (fixture->dir, 0700);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* The names in @dir, sorted, joined by spaces: what a write left behind. */
static char *
list_dir (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **)names->pdata);
}

static void
write_text (const char *path, const char *text, GError **error)
{
  g_assert_true (lir_file_write (path, text, strlen (text), error));
}

static char *
read_text (const char *path)
{
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* A symbolic link stays a link to the file it names, which gets the text;
 * a dangling link creates its target. */
static void
test_write_follows_links (TempDir *fixture, gconstpointer data)
{
  g_autofree char *real = g_build_filename (fixture->dir, "real.json", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.json", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.json", NULL);
  g_autofree char *target = g_build_filename (fixture->dir, "target.json", NULL);
  g_autofree char *text = NULL, *made = NULL, *listing = NULL;
  g_autoptr (GError) error = NULL;

  write_text (real, "old", &error);
  g_assert_no_error (error);
  g_assert_cmpint (symlink ("real.json", link), ==, 0);
  g_assert_cmpint (symlink ("target.json", dangling), ==, 0);
  write_text (link, "new", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new");
  write_text (dangling, "made", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  made = read_text (target);
  g_assert_cmpstr (made, ==, "made");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "dangling.json link.json real.json target.json");
}

/* A replaced file keeps its mode; hard links stay one file. */
static void
test_write_keeps_mode_and_links (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.json", NULL);
  g_autofree char *text = NULL, *listing = NULL;
  g_autoptr (GError) error = NULL;
  GStatBuf st, st_other;

  write_text (path, "first", &error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  write_text (path, "second", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0600);

  g_assert_cmpint (link (path, other), ==, 0);
  write_text (path, "third", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (g_stat (other, &st_other), ==, 0);
  g_assert_cmpuint (st.st_ino, ==, st_other.st_ino);
  g_assert_cmpuint (st.st_nlink, ==, 2);
  text = read_text (other);
  g_assert_cmpstr (text, ==, "third");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "other.json plan.json");
}

/* A failed write leaves the old file and no temporary file behind. */
static void
test_write_failure_leaves_nothing (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "x.json", NULL);
  g_autofree char *text = NULL, *listing = NULL;
  g_autoptr (GError) error = NULL;

  write_text (path, "kept", &error);
  g_assert_false (lir_file_write (missing, "x", 1, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_IO);
  /* The path once, then why: not "PATH: PATH: …". */
  g_assert_true (g_str_has_prefix (error->message, missing));
  g_assert_null (strstr (error->message + strlen (missing), missing));
  g_clear_error (&error);

  g_assert_false (lir_file_write (fixture->dir, "x", 1, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_IO);
  g_clear_error (&error);

  /* A directory the writer may not write to (root may: then skip). */
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  if (access (fixture->dir, W_OK) != 0)
    {
      g_assert_false (lir_file_write (path, "lost", 4, &error));
      g_assert_error (error, LIR_ERROR, LIR_ERROR_IO);
    }
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "kept");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "plan.json");
}

/* A writer killed half-way leaves the old file and no temporary file: the
 * new contents have no name until they are complete. */
static void
test_write_killed (TempDir *fixture, gconstpointer data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "plan.json", NULL);
  g_autofree char *text = NULL, *listing = NULL;
  g_autoptr (GError) error = NULL;
  gsize size = 256 * 1024 * 1024;
  int status;
  pid_t pid;

  write_text (path, "kept", &error);
  pid = fork ();
  if (pid == 0)
    {
      char *big = g_malloc (size);

      memset (big, 'x', size);
      /* Tell the parent the write starts now. */
      g_assert_true (g_file_set_contents (g_strconcat (path, ".go", NULL), "", 0, NULL));
      lir_file_write (path, big, size, NULL);
      _exit (0);
    }
  {
    g_autofree char *go = g_strconcat (path, ".go", NULL);

    while (!g_file_test (go, G_FILE_TEST_EXISTS))
      g_usleep (1000);
    g_usleep (20000);
    kill (pid, SIGKILL);
    g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
    g_unlink (go);
  }
  if (!WIFSIGNALED (status))
    {
      g_test_skip ("the write finished before it could be killed");
      return;
    }
  text = read_text (path);
  g_assert_cmpstr (text, ==, "kept");
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "plan.json");
}

/* A FIFO (or a device, /dev/fd/N) is written to as it is, not replaced by
 * a file: a reader at its other end gets the text. (A FIFO in a test
 * directory, not /dev/null: a writer that got this wrong would replace
 * the machine's /dev/null.) */
static void
test_write_to_stream (TempDir *fixture, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  char text[16] = { 0 };
  GStatBuf st;
  FILE *in;
  pid_t pid;
  int status;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  pid = fork ();
  if (pid == 0)
    _exit (lir_file_write (fifo, "through", 7, NULL) ? 0 : 1);
  /* A writer that replaced the FIFO would leave this open waiting. */
  alarm (30);
  in = fopen (fifo, "r");
  g_assert_nonnull (in);
  g_assert_cmpuint (fread (text, 1, sizeof text - 1, in), ==, 7);
  fclose (in);
  alarm (0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_cmpstr (text, ==, "through");
  g_assert_cmpint (g_stat (fifo, &st), ==, 0);
  g_assert_true (S_ISFIFO (st.st_mode));
}

/* A FIFO is read to its end like standard input. */
static void
test_read_fifo (TempDir *fixture, gconstpointer data)
{
  g_autofree char *fifo = g_build_filename (fixture->dir, "pipe", NULL);
  const char *csv = "id,lower,upper,size\na,0,1,4\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = NULL;
  GPid pid;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  pid = fork ();
  if (pid == 0)
    {
      FILE *out = fopen (fifo, "w");

      fputs (csv, out);
      fclose (out);
      _exit (0);
    }
  module = lir_module_new_from_file (fifo, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_graph_get_n_nodes (lir_module_get_graph (module)), ==, 1);
  g_spawn_close_pid (pid);
}

/* A JSON scalar is a JSON document of the wrong kind, not a CSV. */
static void
test_scalars_are_json (void)
{
  static const struct
  {
    const char *text;
    const char *kind;
  } cases[] = { { "null", "null" }, { " 12\n", "number" }, { "\"id\"", "string" }, { "true", "boolean" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (LirModule) module = lir_module_new_from_data (cases[i].text, strlen (cases[i].text), &error);
      g_autofree char *expected =
        g_strdup_printf ("the document is a JSON %s, not a graph or module", cases[i].kind);

      g_assert_null (module);
      g_assert_error (error, LIR_ERROR, LIR_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, expected));
    }
}

/* A graph without a plan is no buffer list: saving it as CSV says so. */
static void
test_save_graph_as_csv (TempDir *fixture, gconstpointer data)
{
  g_autoptr (LirGraph) g = lir_graph_new ("g");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 2);
  guint32 x = lir_graph_add_input (g, "x", &s);
  g_autoptr (LirModule) module = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "g.csv", NULL);
  g_autoptr (GError) error = NULL;

  lir_graph_set_outputs (g, &x, 1);
  module = lir_module_new (g, NULL);
  g_assert_false (lir_module_save (module, path, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/io/write/follows-links", TempDir, NULL, temp_dir_setup, test_write_follows_links,
              temp_dir_teardown);
  g_test_add ("/io/write/keeps-mode-and-links", TempDir, NULL, temp_dir_setup,
              test_write_keeps_mode_and_links, temp_dir_teardown);
  g_test_add ("/io/write/failure-leaves-nothing", TempDir, NULL, temp_dir_setup,
              test_write_failure_leaves_nothing, temp_dir_teardown);
  g_test_add ("/io/write/killed", TempDir, NULL, temp_dir_setup, test_write_killed, temp_dir_teardown);
  g_test_add ("/io/write/stream", TempDir, NULL, temp_dir_setup, test_write_to_stream, temp_dir_teardown);
  g_test_add ("/io/read/fifo", TempDir, NULL, temp_dir_setup, test_read_fifo, temp_dir_teardown);
  g_test_add_func ("/io/read/scalars-are-json", test_scalars_are_json);
  g_test_add ("/io/save/graph-as-csv", TempDir, NULL, temp_dir_setup, test_save_graph_as_csv,
              temp_dir_teardown);
  return g_test_run ();
}
