/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli.c: lirscope-cli end to end: exit codes, outputs, malformed inputs. */
#include "lir-private.h"

#include "cli-run.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Runs @script with /bin/sh, $CLI naming lirscope-cli and the working
 * directory @dir; returns the exit status. */
static int
run_shell (const char *dir, const char *script, char **out, char **err)
{
  const char *argv[] = { "/bin/sh", "-c", script, NULL };
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "CLI", g_getenv ("LIRSCOPE_CLI"), TRUE);
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_true (
    g_spawn_sync (dir, (char **)argv, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Reads @fd into @text until it holds @wanted, or to its end when @wanted
 * is NULL; FALSE on a 60 s timeout. */
static gboolean
read_until (int fd, GString *text, const char *wanted)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (wanted == NULL || strstr (text->str, wanted) == NULL)
    {
      struct pollfd p = { fd, POLLIN, 0 };
      char buffer[4096];
      ssize_t got;

      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (poll (&p, 1, 200) <= 0)
        continue;
      got = read (fd, buffer, sizeof buffer);
      if (got <= 0)
        return wanted == NULL;
      g_string_append_len (text, buffer, got);
    }
  return TRUE;
}

/* On a terminal, planning reports its progress on one line; Ctrl+C stops
 * the search and writes the best plan found so far, saying so (exit 0). */
static void
test_plan_progress_and_interrupt (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "J.1048576.csv", NULL);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *out = NULL;
  const char *validate[] = { "validate", output, NULL };
  int master, status;
  pid_t pid;

  pid = forkpty (&master, NULL, NULL, NULL);
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      execl (g_getenv ("LIRSCOPE_CLI"), "lirscope-cli", "plan", input, "--strategy", "exact", "--effort",
             "1000000000000", "-o", output, NULL);
      _exit (127);
    }
  g_assert_true (read_until (master, text, "planning: search"));
  g_assert_nonnull (strstr (text->str, "\r\033[Kplanning: best-fit: 0 of 409 buffers placed"));
  kill (pid, SIGINT);
  read_until (master, text, NULL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (master);
  g_test_message ("%s", text->str);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (text->str, "exact stopped early (Ctrl+C); the plan is the best it had"));
  g_assert_cmpint (cli_run (validate, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "valid"));
  g_unlink (output);
  g_rmdir (dir);
}

/* Not on a terminal: no progress line. Stopped with a capacity it had not
 * met: the best plan is still written, and the exit status is 1. */
static void
test_plan_interrupt_over_capacity (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "J.1048576.csv", NULL);
  g_autofree char *output = g_build_filename (dir, "out.csv", NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *argv[] = {
    g_getenv ("LIRSCOPE_CLI"), "plan", input,  "--strategy", "exact", "--capacity", "990000", "--effort",
    "1000000000000",           "-o",   output, NULL
  };
  const char *validate[] = { "validate", output, NULL };
  int err_fd, status;
  GPid pid;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &pid, NULL, NULL, &err_fd, &error));
  g_assert_no_error (error);
  g_usleep (3 * G_USEC_PER_SEC); /* well into the search, even under ASan */
  kill (pid, SIGINT);
  read_until (err_fd, text, NULL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  close (err_fd);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_null (strstr (text->str, "planning:"));
  g_assert_nonnull (strstr (text->str, "stopped early (Ctrl+C)"));
  g_assert_nonnull (strstr (text->str, "more than the capacity of 990000 bytes"));
  g_assert_cmpint (cli_run (validate, NULL, NULL), ==, 0);
  g_unlink (output);
  g_rmdir (dir);
}

static void
test_plan_validate_examples (void)
{
  static const char *const examples[] = { "mlp.json", "decoder-block.json", "dynamic-seq.json",
                                          "mlp-train-step.json" };
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (examples); i++)
    {
      g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), examples[i], NULL);
      g_autofree char *output = g_build_filename (dir, examples[i], NULL);
      g_autofree char *out = NULL, *err = NULL, *fp1 = NULL, *fp2 = NULL;
      const char *plan[] = { "plan", input, "-o", output, NULL };
      const char *validate[] = { "validate", output, NULL };
      const char *fingerprint_in[] = { "fingerprint", input, NULL };
      const char *fingerprint_out[] = { "fingerprint", output, NULL };

      g_assert_cmpint (cli_run (plan, &out, &err), ==, 0);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (cli_run (validate, &out, &err), ==, 0);
      g_assert_nonnull (strstr (out, "valid"));
      g_assert_cmpint (cli_run (fingerprint_in, &fp1, NULL), ==, 0);
      g_assert_cmpint (cli_run (fingerprint_out, &fp2, NULL), ==, 0);
      g_assert_cmpuint (strlen (fp1), ==, 17);
      g_assert_cmpstr (fp1, ==, fp2);
      g_unlink (output);
    }
  g_rmdir (dir);
}

static void
test_stats_json_fields (void)
{
  static const char *const fields[] = {
    "name",        "nodes",       "buffers",           "arena_size",   "total_unshared",
    "bytes_saved", "lower_bound", "efficiency",        "peak_step",    "alignment",
    "strategy",    "fingerprint", "graph_fingerprint", "plan_seconds",
  };
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "dynamic-seq.json", NULL);
  const char *args[] = { "stats", "--json", "--bind", "seq=256", input, NULL };
  g_autofree char *out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *object;

  g_assert_cmpint (cli_run (args, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (json_object_has_member (object, fields[i]));
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "dynamic-seq");
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "fingerprint")), ==, 16);
  g_assert_cmpint (json_object_get_int_member (object, "arena_size"), >=,
                   json_object_get_int_member (object, "lower_bound"));
}

/* Every file in tests/data/bad/ is refused with exit 2 and one line naming
 * the file and the place (a JSON path or line:column). */
static void
test_bad_inputs (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "bad", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *out = NULL, *err = NULL;
      const char *args[] = { "stats", path, NULL };
      int status = cli_run (args, &out, &err);

      if (status != 2 || strchr (err, '\n') != strrchr (err, '\n') || strstr (err, path) == NULL)
        g_error ("%s: exit %d, stderr \"%s\"", name, status, err);
      count++;
    }
  g_assert_cmpuint (count, >=, 30);
}

/* exact with --capacity: exit 0 with a plan that fits; exit 1 saying
 * whether it proved there is none, ran out of effort, or of time. */
static void
test_capacity (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", NULL);
  g_autofree char *small = g_build_filename (dir, "input.12.csv", NULL);
  g_autofree char *hard = g_build_filename (dir, "E.1048576.csv", NULL);
  g_autofree char *tmp = g_dir_make_tmp ("lirscope-cli-XXXXXX", NULL);
  g_autofree char *out_csv = g_build_filename (tmp, "out.csv", NULL);
  const char *fits[] = { "plan", small, "--strategy", "exact", "--capacity", "12", "-o", out_csv, NULL };
  const char *stats[] = { "stats", out_csv, "--json", NULL };
  const char *proved[] = { "plan", small, "--strategy", "exact", "--capacity", "11", "-o", out_csv, NULL };
  const char *effort[] = { "stats",   hard,       "--strategy", "exact", "--capacity",
                           "1048576", "--effort", "20000",      NULL };
  const char *timed[] = { "stats",        hard,      "--strategy", "exact",
                          "--capacity",   "1048576", "--effort",   "1000000000000",
                          "--time-limit", "0.2",     NULL };
  const char *negative[] = { "stats", hard, "--time-limit", "-1", NULL };
  g_autofree char *out = NULL, *err1 = NULL, *err2 = NULL, *err3 = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_cmpint (cli_run (fits, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (stats, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)),
                                               "arena_size"),
                   <=, 12);
  g_assert_cmpint (cli_run (proved, NULL, &err1), ==, 1);
  g_assert_nonnull (strstr (err1, "proved that no plan fits in 11 bytes"));
  g_assert_cmpint (cli_run (effort, NULL, &err2), ==, 1);
  g_assert_nonnull (strstr (err2, "effort budget (20000 steps) ran out"));
  g_assert_cmpint (cli_run (timed, NULL, &err3), ==, 1);
  g_assert_nonnull (strstr (err3, "time limit (0.2 s) ran out"));
  g_assert_cmpint (cli_run (negative, NULL, NULL), ==, 2);
  g_unlink (out_csv);
  g_rmdir (tmp);
}

static void
test_usage_errors (void)
{
  const char *unknown[] = { "frobnicate", NULL };
  const char *no_input[] = { "stats", NULL };
  const char *bad_strategy[] = { "plan", "--strategy", "nope", "x.json", NULL };
  const char *version[] = { "--version", NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (cli_run (unknown, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (no_input, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (bad_strategy, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (version, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "lirscope-cli "));
}

static void
test_refuses_to_overwrite_input (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "in.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  const char *args[] = { "plan", copy, "-o", copy, NULL };

  g_assert_true (g_file_get_contents (input, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, before, -1, NULL));
  g_assert_cmpint (cli_run (args, NULL, NULL), ==, 2);
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_unlink (copy);
  g_rmdir (dir);
}

/* Standard input or output that is the file named by -o is refused too:
 * `plan - -o in.json < in.json` once replaced its input. */
static void
test_refuses_to_overwrite_stdin (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  g_autofree char *copy = g_build_filename (dir, "in.json", NULL);
  g_autofree char *before = NULL, *after = NULL, *err = NULL;

  g_assert_true (g_file_get_contents (input, &before, NULL, NULL));
  g_assert_true (g_file_set_contents (copy, before, -1, NULL));
  g_assert_cmpint (run_shell (dir, "\"$CLI\" plan -s naive - -o in.json < in.json", NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "refusing to overwrite in.json: it is the input (standard input)"));
  g_assert_cmpint (run_shell (dir, "\"$CLI\" plan -s naive in.json >> in.json", NULL, NULL), ==, 2);
  g_assert_true (g_file_get_contents (copy, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  g_unlink (copy);
  g_rmdir (dir);
}

/* Out of memory is an error, never GLib's abort: each case under a
 * `ulimit -v` of about 1.9 GB, as the issue that found them ran them. */
static void
test_memory_limits (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *rows = NULL;
  GString *csv;
  FILE *file;
  static const struct
  {
    const char *script;
    const char *message;
  } cases[] = {
    /* Counted before anything is allocated for them. */
    { "ulimit -v 2000000; \"$CLI\" stats rows.csv", "rows.csv:16777218: more than 16777216 buffers" },
    /* A sparse 1.5 GB file: read into one block, which cannot be had. */
    { "truncate -s 1500000000 big.csv; ulimit -v 1000000; \"$CLI\" stats big.csv",
      "big.csv: not enough memory to read it" },
    /* A stream without end: capped, and its growth fallible. */
    { "ulimit -v 1000000; \"$CLI\" stats /dev/zero", "/dev/zero: not enough memory to read it" },
    /* A JSON document larger than memory allows to parse. */
    { "ulimit -v 300000; \"$CLI\" stats nodes.json", "not enough memory to hold the document" },
  };

  if (g_strcmp0 (g_getenv ("LIRSCOPE_SANITIZE"), "none") != 0 && g_getenv ("LIRSCOPE_SANITIZE") != NULL)
    {
      g_test_skip ("sanitizers reserve more address space than any ulimit -v allows");
      return;
    }
  dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  /* 20,000,000 one-byte buffers: more rows than the limit of 2^24. */
  rows = g_build_filename (dir, "rows.csv", NULL);
  file = fopen (rows, "w");
  fputs ("id,lower,upper,size\n", file);
  for (guint i = 0; i < 20000000; i++)
    fprintf (file, "%x,0,1,1\n", i);
  fclose (file);
  /* 60 MB of JSON values in one array, no graph: the parse needs more. */
  {
    g_autofree char *nodes = g_build_filename (dir, "nodes.json", NULL);

    csv = g_string_new ("{\"format\": \"lirscope-graph\", \"version\": 1, \"nodes\": [");
    for (guint i = 0; i < 6000000; i++)
      g_string_append (csv, i > 0 ? ",[1,2,3]" : "[1,2,3]");
    g_string_append (csv, "]}");
    g_assert_true (g_file_set_contents (nodes, csv->str, csv->len, NULL));
    g_string_free (csv, TRUE);
  }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status = run_shell (dir, cases[i].script, NULL, &err);

      if (status != 2 || strstr (err, cases[i].message) == NULL || strstr (err, "failed to allocate") != NULL)
        g_error ("case %u: exit %d, \"%s\" does not say \"%s\"", i, status, err, cases[i].message);
    }
  run_shell (dir, "rm -f rows.csv big.csv nodes.json", NULL, NULL);
  g_rmdir (dir);
}

/* Names are user data: an escape sequence in one reaches the terminal
 * as visible text (\x1B), in every text the CLI prints. */
static void
test_escapes_control_characters (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *graph = g_build_filename (dir, "escape.json", NULL);
  g_autofree char *overlap = g_build_filename (dir, "overlap.csv", NULL);
  const char *stats[] = { "stats", graph, NULL };
  const char *peak[] = { "peak", graph, NULL };
  const char *validate[] = { "validate", overlap, NULL };
  const char *const *commands[] = { stats, peak, validate };

  g_assert_true (g_file_set_contents (
    graph,
    "{\"format\": \"lirscope-graph\", \"version\": 1, \"name\": \"\\u001b]0;title\\u0007\", "
    "\"nodes\": [{\"id\": 0, \"op\": \"input\", \"name\": \"x\\u001b[2J\", "
    "\"shape\": {\"dtype\": \"f32\", \"dims\": [64]}}, {\"id\": 1, \"op\": \"relu\", "
    "\"name\": \"y\\u009b31m\", \"inputs\": [0], \"shape\": {\"dtype\": \"f32\", \"dims\": [64]}}], "
    "\"outputs\": [1]}",
    -1, NULL));
  g_assert_true (g_file_set_contents (overlap,
                                      "id,lower,upper,size,offset\n\"a\x1b[31m\",0,3,100,0\nb,1,2,100,50\n",
                                      -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL, *err = NULL;

      cli_run (commands[i], &out, &err);
      g_assert_null (strchr (out, '\x1b'));
      g_assert_null (strchr (err, '\x1b'));
      g_assert_null (strstr (out, "\xC2\x9B"));
      g_assert_nonnull (strstr (out, "\\x1B"));
    }
  g_unlink (graph);
  g_unlink (overlap);
  g_rmdir (dir);
}

static void
test_render (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autofree char *csv =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "minimalloc", "A.1048576.csv", NULL);
  static const char *const outputs[] = { "out.svg", "out.png", "out.PDF" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *output = g_build_filename (dir, outputs[i], NULL);
      g_autofree char *data = NULL;
      const char *args[] = { "render",     input, "-o",      output, "--width", "800",   "--height", "500",
                             "--color-by", "op",  "--theme", "dark", "--steps", "10:30", NULL };
      gsize length;

      g_assert_cmpint (cli_run (args, NULL, NULL), ==, 0);
      g_assert_true (g_file_get_contents (output, &data, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (i == 0)
        g_assert_true (g_str_has_prefix (data, "<?xml") && strstr (data, "<svg") != NULL);
      else if (i == 1)
        g_assert_cmpmem (data, 4, "\x89PNG", 4);
      else
        g_assert_true (g_str_has_prefix (data, "%PDF-"));
      g_unlink (output);
    }

  /* decoder-block's params run nothing: by default their steps take no
   * column, and the first tick names the first step that runs; with
   * --all-steps the axis starts at step 0. */
  {
    g_autofree char *collapsed = g_build_filename (dir, "collapsed.svg", NULL);
    g_autofree char *all = g_build_filename (dir, "all.svg", NULL);
    g_autofree char *data_collapsed = NULL, *data_all = NULL;
    const char *args_collapsed[] = { "render", input, "-o", collapsed, NULL };
    const char *args_all[] = { "render", input, "-o", all, "--all-steps", NULL };
    const char *first_tick = "<text x=\"74\" y=\"869\" font-size=\"9.5\" fill=\"#666670\">";

    g_assert_cmpint (cli_run (args_collapsed, NULL, NULL), ==, 0);
    g_assert_cmpint (cli_run (args_all, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (collapsed, &data_collapsed, NULL, NULL));
    g_assert_true (g_file_get_contents (all, &data_all, NULL, NULL));
    g_assert_nonnull (strstr (data_all, first_tick));
    g_assert_true (g_str_has_prefix (strstr (data_all, first_tick) + strlen (first_tick), "0<"));
    g_assert_nonnull (strstr (data_collapsed, first_tick));
    g_assert_false (g_str_has_prefix (strstr (data_collapsed, first_tick) + strlen (first_tick), "0<"));
    g_unlink (collapsed);
    g_unlink (all);
  }

  /* Buffer-only input, then the same SVG twice: identical bytes. */
  {
    g_autofree char *a = g_build_filename (dir, "a.svg", NULL);
    g_autofree char *b = g_build_filename (dir, "b.svg", NULL);
    g_autofree char *da = NULL, *db = NULL;
    const char *args_a[] = { "render", csv, "-o", a, NULL };
    const char *args_b[] = { "render", csv, "-o", b, NULL };

    g_assert_cmpint (cli_run (args_a, NULL, NULL), ==, 0);
    g_assert_cmpint (cli_run (args_b, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (a, &da, NULL, NULL));
    g_assert_true (g_file_get_contents (b, &db, NULL, NULL));
    g_assert_cmpstr (da, ==, db);
    g_unlink (a);
    g_unlink (b);
  }
  g_rmdir (dir);
}

static void
test_render_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  g_autofree char *svg = g_build_filename (dir, "x.svg", NULL);
  g_autofree char *copy = g_build_filename (dir, "in.svg", NULL);
  const char *no_output[] = { "render", input, NULL };
  const char *bad_ext[] = { "render", input, "-o", "x.bmp", NULL };
  const char *bad_color[] = { "render", input, "-o", svg, "--color-by", "mood", NULL };
  const char *bad_theme[] = { "render", input, "-o", svg, "--theme", "sepia", NULL };
  const char *bad_steps[] = { "render", input, "-o", svg, "--steps", "9:3", NULL };
  const char *junk_steps[] = { "render", input, "-o", svg, "--steps", "a-b", NULL };
  const char *too_wide[] = { "render", input, "-o", svg, "--width", "90000", NULL };
  const char *self[] = { "render", copy, "-o", copy, NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (no_output, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (bad_ext, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (bad_color, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "phase, op, size, kind or category"));
  g_assert_cmpint (cli_run (bad_theme, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (bad_steps, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (junk_steps, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (too_wide, NULL, NULL), ==, 2);
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  /* An SVG-named input that is not a plan, as the output too: untouched. */
  g_assert_true (g_file_set_contents (copy, "not a plan", -1, NULL));
  g_assert_cmpint (cli_run (self, NULL, NULL), ==, 2);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_file_get_contents (copy, &err, NULL, NULL));
  g_assert_cmpstr (err, ==, "not a plan");
  g_unlink (copy);
  g_rmdir (dir);
}

static void
test_diff (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  g_autofree char *rlx = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "rlx-static.json", NULL);
  g_autofree char *good = g_build_filename (dir, "auto.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "naive.json", NULL);
  g_autofree char *svg = g_build_filename (dir, "diff.svg", NULL);
  g_autofree char *ours = g_build_filename (dir, "ours.json", NULL);
  const char *plan_good[] = { "plan", input, "--no-params", "-o", good, NULL };
  const char *plan_bad[] = { "plan", input, "--no-params", "--strategy", "naive", "-o", bad, NULL };
  const char *self[] = { "diff", good, good, NULL };
  const char *grows[] = { "diff", good, bad, "--fail-if-arena-grows", "12", NULL };
  const char *grows_ok[] = { "diff", good, bad, "--fail-if-arena-grows", "500", NULL };
  const char *shrinks[] = { "diff", bad, good, "--fail-if-arena-grows", "0", NULL };
  const char *efficiency[] = { "diff", good, bad, "--fail-if-efficiency-drops", "5", NULL };
  const char *json[] = { "diff", "--json", good, bad, NULL };
  const char *one_input[] = { "diff", good, NULL };
  const char *render[] = { "render", "--diff", good, bad, "-o", svg, NULL };
  const char *render_over_input[] = { "render", "--diff", good, bad, "-o", good, NULL };
  const char *plan_ours[] = { "plan", rlx, "--strategy", "auto", "-o", ours, NULL };
  const char *rlx_vs_ours[] = { "diff", rlx, ours, NULL };
  g_autofree char *out = NULL, *err = NULL, *data = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  g_assert_cmpint (cli_run (plan_good, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (plan_bad, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (self, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "No differences"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (grows, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Why B's arena is larger"));
  g_assert_nonnull (strstr (err, "the arena grew"));
  g_assert_cmpint (cli_run (grows_ok, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (shrinks, NULL, NULL), ==, 0);
  g_assert_cmpint (cli_run (efficiency, NULL, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (json, &out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, NULL));
  g_assert_true (
    json_object_get_boolean_member (json_node_get_object (json_parser_get_root (parser)), "same_graph"));
  g_assert_cmpint (cli_run (one_input, NULL, NULL), ==, 2);
  g_assert_cmpint (cli_run (render, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "compared with"));
  g_assert_cmpint (cli_run (render_over_input, NULL, NULL), ==, 2);
  /* What Lirscope's auto plan saves over RLX's own. */
  g_assert_cmpint (cli_run (plan_ours, NULL, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli_run (rlx_vs_ours, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "B: "));
  g_unlink (good);
  g_unlink (bad);
  g_unlink (svg);
  g_unlink (ours);
  g_rmdir (dir);
}

/* RLX's own files go through every command. */
static void
test_rlx_files (void)
{
  static const char *const files[] = { "rlx-static.json", "rlx-dynamic.json" };
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (dir, "rlx.svg", NULL);
  g_autofree char *planned = g_build_filename (dir, "planned.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", files[i], NULL);
      const char *validate[] = { "validate", input, NULL };
      const char *stats[] = { "stats", "--json", input, NULL };
      const char *fingerprint[] = { "fingerprint", input, NULL };
      const char *render[] = { "render", input, "-o", svg, NULL };
      const char *plan[] = { "plan", input, "--strategy", "rlx-greedy", "-o", planned, NULL };
      const char *validate_planned[] = { "validate", planned, NULL };
      g_autofree char *out = NULL;

      g_assert_cmpint (cli_run (validate, NULL, NULL), ==, 0);
      g_assert_cmpint (cli_run (stats, &out, NULL), ==, 0);
      g_assert_nonnull (strstr (out, "\"strategy\": \"rlx\""));
      g_assert_cmpint (cli_run (fingerprint, NULL, NULL), ==, 0);
      g_assert_cmpint (cli_run (render, NULL, NULL), ==, 0);
      g_assert_cmpint (cli_run (plan, NULL, NULL), ==, 0);
      g_assert_cmpint (cli_run (validate_planned, NULL, NULL), ==, 0);
    }
  g_unlink (svg);
  g_unlink (planned);
  g_rmdir (dir);
}

/* One plan for every length: planned at seq=512, measured at seq=128; and
 * --params puts back what the file left out. */
static void
test_max_binding_and_params (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "dynamic-seq.json", NULL);
  g_autofree char *noparams =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "e_gpt2_block_noparams.json", NULL);
  const char *max_args[] = { "stats", "--json", input, "--max", "seq=512", "--bind", "seq=128", NULL };
  const char *small_args[] = { "stats", "--json", input, "--bind", "seq=128", NULL };
  const char *big_args[] = { "stats", "--json", input, "--bind", "seq=512", NULL };
  const char *params_args[] = { "stats", "--json", noparams, "--params", "--strategy", "rlx-greedy", NULL };
  g_autofree char *max_out = NULL, *small_out = NULL, *big_out = NULL, *params_out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *max, *small, *big;
  g_autoptr (JsonParser) p2 = json_parser_new ();
  g_autoptr (JsonParser) p3 = json_parser_new ();
  g_autoptr (JsonParser) p4 = json_parser_new ();

  g_assert_cmpint (cli_run (max_args, &max_out, NULL), ==, 0);
  g_assert_cmpint (cli_run (small_args, &small_out, NULL), ==, 0);
  g_assert_cmpint (cli_run (big_args, &big_out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, max_out, -1, NULL));
  g_assert_true (json_parser_load_from_data (p2, small_out, -1, NULL));
  g_assert_true (json_parser_load_from_data (p3, big_out, -1, NULL));
  max = json_node_get_object (json_parser_get_root (parser));
  small = json_node_get_object (json_parser_get_root (p2));
  big = json_node_get_object (json_parser_get_root (p3));
  g_assert_cmpint (json_object_get_int_member (max, "arena_size"), ==,
                   json_object_get_int_member (big, "arena_size"));
  g_assert_cmpint (json_object_get_int_member (max, "live_bytes_at_binding"), ==,
                   json_object_get_int_member (small, "lower_bound"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (max, "max_bindings"), "seq"),
                   ==, 512);
  g_assert_cmpfloat (json_object_get_double_member (max, "efficiency_at_binding"), <, 1.0);
  {
    const char *above[] = { "stats", input, "--max", "seq=128", "--bind", "seq=512", NULL };
    g_autofree char *err = NULL;

    /* A plan for seq = 128 cannot hold seq = 512: an error, not 400 % efficiency. */
    g_assert_cmpint (cli_run (above, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "seq = 512 is above the 128 this plan was made for"));
  }
  g_assert_cmpint (cli_run (params_args, &params_out, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (p4, params_out, -1, NULL));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (json_parser_get_root (p4)),
                                               "arena_size"),
                   ==, 340282880);
}

/* A capacity no plan meets is a failed check (exit 1) for fingerprint too, as for stats. */
static void
test_fingerprint_capacity (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  const char *args[] = { "fingerprint", input, "--capacity", "1", NULL };
  const char *stats[] = { "stats", input, "--capacity", "1", NULL };

  g_assert_cmpint (cli_run (args, NULL, NULL), ==, 1);
  g_assert_cmpint (cli_run (stats, NULL, NULL), ==, 1);
}

/* RLX's cache key: `fingerprint --rlx` prints RLX's own figure for a file
 * RLX wrote, `stats` words it (and says when a re-plan would miss RLX's
 * cache), and a file that did not come from RLX is refused with the reason. */
static void
test_rlx_cache_key (void)
{
  g_autofree char *rlx =
    g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", "real", "a_mlp_2layer.json", NULL);
  g_autofree char *mlp = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  const char *key[] = { "fingerprint", "--rlx", rlx, NULL };
  const char *not_rlx[] = { "fingerprint", "--rlx", mlp, NULL };
  const char *stats[] = { "stats", "--json", rlx, NULL };
  const char *replanned[] = { "stats", "--strategy", "naive", rlx, NULL };
  g_autofree char *out = NULL, *err = NULL, *json = NULL, *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonObject *root;

  g_assert_cmpint (cli_run (key, &out, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "a340ed0bc3cfcfe5\n");
  g_assert_cmpint (cli_run (not_rlx, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "RLX's LIR JSON"));
  g_assert_cmpint (cli_run (stats, &json, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "rlx_fingerprint"), ==, "a340ed0bc3cfcfe5");
  g_assert_true (json_object_get_null_member (root, "rlx_fingerprint_note"));
  g_assert_cmpint (cli_run (replanned, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "RLX would miss its cache: the arena changed"));
}

/* An unreadable file says so ("Permission denied"), not "No such file". As
 * root every file is readable, so the CLI then runs as nobody (setpriv). */
static void
test_unreadable_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "secret.json", NULL);
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  if (getuid () == 0)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");
      /* nobody may not reach the build tree (a clone under /root): run a copy. */
      g_autofree char *cli = g_build_filename (dir, "lirscope-cli", NULL);
      g_autofree char *binary = NULL;
      gsize binary_length;
      const char *argv[] = { setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", cli, "stats", path,
                             NULL };

      if (setpriv == NULL || getpwuid (65534) == NULL)
        {
          g_test_skip ("running as root with no setpriv or no nobody user to drop to");
          goto out;
        }
      g_assert_true (g_file_get_contents (g_getenv ("LIRSCOPE_CLI"), &binary, &binary_length, NULL));
      g_assert_true (g_file_set_contents (cli, binary, (gssize)binary_length, NULL));
      g_assert_cmpint (g_chmod (cli, 0755), ==, 0);
      g_assert_true (
        g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error));
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (status));
      status = WEXITSTATUS (status);
      /* 126/127: setpriv could not start the CLI as nobody (a sandbox that
       * forbids it); that says nothing about Lirscope. */
      if (status == 126 || status == 127)
        {
          g_test_message ("setpriv as nobody: %s", err);
          g_test_skip ("running as root, and the CLI cannot be run as nobody here");
          goto out;
        }
    }
  else
    {
      const char *args[] = { "stats", path, NULL };

      status = cli_run (args, NULL, &err);
    }
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "Permission denied"));
out:
  g_chmod (path, 0600);
  g_unlink (path);
  {
    g_autofree char *cli = g_build_filename (dir, "lirscope-cli", NULL);

    g_unlink (cli);
  }
  g_rmdir (dir);
}

/* A write into a missing folder names the file asked for, not GLib's temporary one. */
static void
test_write_error_names_output (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  const char *args[] = { "plan", input, "-o", "nosuchdir/out.json", NULL };
  g_autofree char *err = NULL;

  g_assert_cmpint (cli_run (args, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "nosuchdir/out.json: cannot write: No such file or directory"));
  /* Once: not "nosuchdir/out.json: nosuchdir/out.json: …". */
  g_assert_null (strstr (strstr (err, "nosuchdir/out.json") + 1, "nosuchdir/out.json"));
  g_assert_null (strstr (err, "out.json."));
}

/* A plan whose buffers overlap is never summarised as valid: exit 1, "invalid". */
static void
test_stats_invalid_plan (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lirscope-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "overlap.csv", NULL);
  const char *text_args[] = { "stats", csv, NULL };
  const char *json_args[] = { "stats", "--json", csv, NULL };
  g_autofree char *out = NULL, *json = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  g_assert_true (
    g_file_set_contents (csv, "id,lower,upper,size,offset\n0,0,10,100,0\n1,0,10,100,0\n", -1, NULL));
  g_assert_cmpint (cli_run (text_args, &out, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "invalid plan: 1 violation"));
  g_assert_null (strstr (out, "200.00%"));
  g_assert_cmpint (cli_run (json_args, &json, NULL), ==, 1);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_false (json_object_get_boolean_member (root, "valid"));
  g_assert_true (json_node_is_null (json_object_get_member (root, "efficiency")));
  g_unlink (csv);
  g_rmdir (dir);
}

/* peak --json: the live set at the peak, largest first, and what sets the arena. */
static void
test_peak_json (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  const char *args[] = { "peak", "--json", "--no-params", input, NULL };
  const char *text_args[] = { "peak", "--top", "2", input, NULL };
  const char *bad_step[] = { "peak", "--step", "100000", input, NULL };
  g_autofree char *json = NULL, *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *buffers;
  guint64 sum = 0, previous = G_MAXUINT64;

  g_assert_cmpint (cli_run (args, &json, NULL), ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "step"), ==, 28);
  g_assert_cmpstr (json_object_get_string_member (root, "node"), ==, "mlp.swiglu");
  buffers = json_object_get_array_member (root, "buffers");
  for (guint i = 0; i < json_array_get_length (buffers); i++)
    {
      JsonObject *b = json_array_get_object_element (buffers, i);
      guint64 bytes = (guint64)json_object_get_int_member (b, "bytes");

      g_assert_cmpuint (bytes, <=, previous);
      previous = bytes;
      sum += bytes;
      g_assert_true (json_object_has_member (b, "kind") && json_object_has_member (b, "op"));
    }
  g_assert_cmpuint (sum, ==, (guint64)json_object_get_int_member (root, "live_bytes"));
  g_assert_cmpint (json_object_get_int_member (root, "fragmentation"), ==,
                   json_object_get_int_member (root, "arena_size")
                     - json_object_get_int_member (root, "live_bytes"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "top_edge")), >=, 1);
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "by_kind"), "activation"));
  g_assert_cmpint (cli_run (text_args, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "step 28, mlp.swiglu"));
  g_assert_nonnull (strstr (text, "sets the arena"));
  g_assert_nonnull (strstr (text, "more (--top N"));
  g_assert_cmpint (cli_run (bad_step, NULL, NULL), ==, 2);
}

/* stats prints the report's rows: the same titles as the app's Summary. */
static void
test_stats_text_rows (void)
{
  g_autofree char *input = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "decoder-block.json", NULL);
  const char *args[] = { "stats", input, NULL };
  g_autofree char *out = NULL;

  g_assert_cmpint (cli_run (args, &out, NULL), ==, 0);
  for (guint i = 0; i < LIR_N_STATS; i++)
    if (i != LIR_STAT_SYMBOLS && i != LIR_STAT_DYNAMIC && i != LIR_STAT_AT_BINDING
        && i != LIR_STAT_RLX_FINGERPRINT)
      g_assert_nonnull (strstr (out, lir_stat_get_title ((LirStat)i)));
  /* Not read from RLX's LIR JSON: no RLX cache key row. */
  g_assert_null (strstr (out, lir_stat_get_title (LIR_STAT_RLX_FINGERPRINT)));
  g_assert_true (g_regex_match_simple ("\n  Peak +step 28, mlp.swiglu\n", out, 0, 0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/plan-validate-examples", test_plan_validate_examples);
  g_test_add_func ("/cli/stats-json-fields", test_stats_json_fields);
  g_test_add_func ("/cli/bad-inputs", test_bad_inputs);
  g_test_add_func ("/cli/usage-errors", test_usage_errors);
  g_test_add_func ("/cli/capacity", test_capacity);
  g_test_add_func ("/cli/refuses-to-overwrite-input", test_refuses_to_overwrite_input);
  g_test_add_func ("/cli/refuses-to-overwrite-stdin", test_refuses_to_overwrite_stdin);
  g_test_add_func ("/cli/memory-limits", test_memory_limits);
  g_test_add_func ("/cli/escapes-control-characters", test_escapes_control_characters);
  g_test_add_func ("/cli/render", test_render);
  g_test_add_func ("/cli/render-errors", test_render_errors);
  g_test_add_func ("/cli/rlx-files", test_rlx_files);
  g_test_add_func ("/cli/diff", test_diff);
  g_test_add_func ("/cli/write-error-names-output", test_write_error_names_output);
  g_test_add_func ("/cli/unreadable-file", test_unreadable_file);
  g_test_add_func ("/cli/fingerprint-capacity", test_fingerprint_capacity);
  g_test_add_func ("/cli/rlx-cache-key", test_rlx_cache_key);
  g_test_add_func ("/cli/max-binding-and-params", test_max_binding_and_params);
  g_test_add_func ("/cli/stats-text-rows", test_stats_text_rows);
  g_test_add_func ("/cli/stats-invalid-plan", test_stats_invalid_plan);
  g_test_add_func ("/cli/peak-json", test_peak_json);
  g_test_add_func ("/cli/plan-progress-and-interrupt", test_plan_progress_and_interrupt);
  g_test_add_func ("/cli/plan-interrupt-over-capacity", test_plan_interrupt_over_capacity);
  return g_test_run ();
}
