/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-cli.c: the headless front end: plan, stats, validate, fingerprint, render, diff.
 *
 * Exit status: 0 success, 1 a check failed (validation, threshold),
 * 2 bad input or usage. All the work is done by core/; this file parses
 * arguments and prints.
 */
#include "lir-private.h"

#include <glib-unix.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EXIT_CHECK_FAILED 1
#define EXIT_BAD_INPUT 2

typedef struct
{
  char *strategy;
  gint64 alignment;
  char **bindings;
  char **max_bindings;
  char *output;
  gboolean json;
  gboolean graph_only;
  gboolean rlx;
  gboolean no_params;
  gboolean no_inputs;
  gboolean no_constants;
  gboolean params;
  gboolean inputs;
  gboolean constants;
  gint64 capacity;
  gint64 effort;
  double time_limit;
  gint width;
  gint height;
  char *color_by;
  char *steps;
  char *theme;
  gboolean no_labels;
  gboolean all_steps;
  gboolean diff;
  double fail_arena_grows;
  double fail_efficiency_drops;
  gint64 budget;
} CliOptions;

static CliOptions opts;
/* Set when planning failed only because no plan fits --capacity: exit 1. */
static gboolean capacity_failed;

static const GOptionEntry planning_entries[] = {
  { "strategy", 's', 0, G_OPTION_ARG_STRING, &opts.strategy,
    "Placement strategy (re-plans an input that has a plan)", "NAME" },
  { "alignment", 'a', 0, G_OPTION_ARG_INT64, &opts.alignment,
    "Arena alignment in bytes, a power of two (default 64)", "N" },
  { "bind", 'b', 0, G_OPTION_ARG_STRING_ARRAY, &opts.bindings,
    "Bind a symbolic dim, e.g. seq=128 (repeatable)", "SYM=N" },
  { "max", 0, 0, G_OPTION_ARG_STRING_ARRAY, &opts.max_bindings,
    "Plan once at a symbol's upper bound (repeatable); with --bind below it, stats measures that plan at the "
    "binding",
    "SYM=N" },
  { "capacity", 0, 0, G_OPTION_ARG_INT64, &opts.capacity,
    "Fail (exit 1) unless the arena fits in N bytes; exact searches for such a plan", "N" },
  { "effort", 0, 0, G_OPTION_ARG_INT64, &opts.effort, "Search budget of the exact strategy, in search steps",
    "N" },
  { "time-limit", 0, 0, G_OPTION_ARG_DOUBLE, &opts.time_limit,
    "Also stop the exact search after S seconds (results then depend on the machine)", "S" },
  { "no-params", 0, 0, G_OPTION_ARG_NONE, &opts.no_params, "Leave params out of the arena", NULL },
  { "no-inputs", 0, 0, G_OPTION_ARG_NONE, &opts.no_inputs, "Leave inputs out of the arena", NULL },
  { "no-constants", 0, 0, G_OPTION_ARG_NONE, &opts.no_constants, "Leave constants out of the arena", NULL },
  { "params", 0, 0, G_OPTION_ARG_NONE, &opts.params, "Put params in the arena (where the file left them out)",
    NULL },
  { "inputs", 0, 0, G_OPTION_ARG_NONE, &opts.inputs, "Put inputs in the arena (where the file left them out)",
    NULL },
  { "constants", 0, 0, G_OPTION_ARG_NONE, &opts.constants,
    "Put constants in the arena (where the file left them out)", NULL },
  { NULL }
};

/* Every text the CLI prints to a terminal goes through here: names are
 * user data, and one may hold an escape sequence. JSON escapes its own. */
static void
print_text (FILE *stream, const char *text)
{
  g_autofree char *safe = lir_format_escape_controls (text);

  fputs (safe, stream);
}

static void
print_error (const char *what, const GError *error)
{
  g_autofree char *line = g_strdup_printf ("lirscope-cli: %s%s%s\n", what != NULL ? what : "",
                                           what != NULL ? ": " : "", error->message);

  print_text (stderr, line);
}

static LirPlanOptions *
build_plan_options (GError **error)
{
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();

  if (opts.strategy != NULL)
    {
      if (lir_strategy_find (opts.strategy, error) == NULL)
        return NULL;
      lir_plan_options_set_strategy (options, opts.strategy);
    }
  if (opts.alignment != 0)
    {
      if (opts.alignment < 0)
        {
          g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "--alignment is not negative");
          return NULL;
        }
      lir_plan_options_set_alignment (options, (guint64)opts.alignment);
    }
  for (guint i = 0; opts.bindings != NULL && opts.bindings[i] != NULL; i++)
    if (!lir_plan_options_parse_binding (options, opts.bindings[i], error))
      return NULL;
  /* The plan is made at the upper bounds; --bind then says what is run. */
  for (guint i = 0; opts.max_bindings != NULL && opts.max_bindings[i] != NULL; i++)
    if (!lir_plan_options_parse_binding (options, opts.max_bindings[i], error))
      return NULL;
  if (opts.capacity < 0 || opts.effort < 0)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "--capacity and --effort are not negative");
      return NULL;
    }
  lir_plan_options_set_capacity (options, (guint64)opts.capacity);
  lir_plan_options_set_effort (options, (guint64)opts.effort);
  if (!(opts.time_limit >= 0 && opts.time_limit <= 1e6))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "--time-limit takes seconds from 0 (none) to 1000000");
      return NULL;
    }
  lir_plan_options_set_time_limit (options, opts.time_limit);
  if ((opts.no_params && opts.params) || (opts.no_inputs && opts.inputs)
      || (opts.no_constants && opts.constants))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "--X and --no-X of one kind contradict each other");
      return NULL;
    }
  if (opts.params)
    lir_plan_options_set_allocate (options, LIR_OP_PARAM, TRUE);
  if (opts.inputs)
    lir_plan_options_set_allocate (options, LIR_OP_INPUT, TRUE);
  if (opts.constants)
    lir_plan_options_set_allocate (options, LIR_OP_CONSTANT, TRUE);
  if (opts.no_params)
    lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
  if (opts.no_inputs)
    lir_plan_options_set_allocate (options, LIR_OP_INPUT, FALSE);
  if (opts.no_constants)
    lir_plan_options_set_allocate (options, LIR_OP_CONSTANT, FALSE);
  return g_steal_pointer (&options);
}

/* The one-line progress report on a terminal: at most five times a
 * second, rewritten in place, cleared when planning ends. */
typedef struct
{
  gint64 last_us;
  gboolean shown;
} ProgressLine;

static void
print_progress (const LirProgress *progress, gpointer user_data)
{
  ProgressLine *line = user_data;
  gint64 now = g_get_monotonic_time ();
  g_autofree char *text = NULL;

  if (line->shown && now - line->last_us < G_USEC_PER_SEC / 5)
    return;
  line->last_us = now;
  line->shown = TRUE;
  text = lir_format_progress (progress);
  if (strcmp (progress->phase, "order") == 0)
    g_printerr ("\r\033[Klooking for a lower-peak order: %s (Ctrl+C keeps the best order)", text);
  else
    g_printerr ("\r\033[Kplanning: %s (Ctrl+C keeps the best plan)", text);
}

/* Ctrl+C while planning stops early and keeps the best plan: GLib's signal
 * source, on a thread of its own, cancels the stop. The handler is
 * removed when planning ends (or after one Ctrl+C), so a second one ends
 * the program as usual. */
typedef struct
{
  GMainContext *context;
  GMainLoop *loop;
  GThread *thread;
  GCancellable *stop;
} StopOnInterrupt;

static gboolean
on_interrupt (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
watch_interrupt (gpointer user_data)
{
  StopOnInterrupt *watch = user_data;

  g_main_context_push_thread_default (watch->context);
  g_main_loop_run (watch->loop);
  g_main_context_pop_thread_default (watch->context);
  return NULL;
}

static void
stop_on_interrupt_begin (StopOnInterrupt *watch, GCancellable *stop)
{
  g_autoptr (GSource) source = g_unix_signal_source_new (SIGINT);

  watch->stop = stop;
  watch->context = g_main_context_new ();
  watch->loop = g_main_loop_new (watch->context, FALSE);
  g_source_set_callback (source, on_interrupt, stop, NULL);
  g_source_attach (source, watch->context);
  watch->thread = g_thread_new ("lirscope-sigint", watch_interrupt, watch);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
stop_on_interrupt_end (StopOnInterrupt *watch)
{
  g_autoptr (GSource) quit = g_idle_source_new ();

  /* From inside the loop: a quit before the thread reaches
   * g_main_loop_run () would be lost. */
  g_source_set_callback (quit, quit_loop, watch->loop, NULL);
  g_source_attach (quit, watch->context);
  g_thread_join (watch->thread);
  g_main_loop_unref (watch->loop);
  g_main_context_unref (watch->context);
}

/* Loads INPUT and plans it as the options say; prints the error itself. */
static LirModule *
load_planned (const char *path, double *plan_seconds)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirPlanOptions) options = build_plan_options (&error);
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GCancellable) stop = g_cancellable_new ();
  ProgressLine line = { 0 };
  StopOnInterrupt watch = { 0 };
  LirBufferPlan *before, *plan;
  gboolean planned;

  if (options == NULL)
    {
      print_error (NULL, error);
      return NULL;
    }
  module = lir_module_new_from_file (path, &error);
  if (module == NULL)
    {
      print_error (NULL, error);
      return NULL;
    }
  before = lir_module_get_plan (module);
  lir_plan_options_set_stop (options, stop);
  if (isatty (STDERR_FILENO))
    lir_plan_options_set_progress (options, print_progress, &line);
  stop_on_interrupt_begin (&watch, stop);
  planned = lir_module_ensure_plan (module, options, &error);
  stop_on_interrupt_end (&watch);
  if (line.shown)
    g_printerr ("\r\033[K");
  if (!planned)
    {
      print_error (path, error);
      if (g_error_matches (error, LIR_ERROR, LIR_ERROR_CAPACITY))
        capacity_failed = TRUE;
      return NULL;
    }
  plan = lir_module_get_plan (module);
  if (plan != before && lir_buffer_plan_get_stopped_early (plan))
    {
      g_autofree char *arena = lir_format_bytes (lir_buffer_plan_get_arena_size (plan));
      guint64 capacity = lir_plan_options_get_capacity (options);

      g_printerr ("lirscope-cli: %s: %s stopped early%s; the plan is the best it had: arena %s\n", path,
                  lir_buffer_plan_get_strategy (plan), g_cancellable_is_cancelled (stop) ? " (Ctrl+C)" : "",
                  arena);
      /* A plan over the capacity is still written; the exit status says so. */
      if (capacity != 0 && lir_buffer_plan_get_arena_size (plan) > capacity)
        {
          g_printerr ("lirscope-cli: %s: that is more than the capacity of %" G_GUINT64_FORMAT " bytes\n",
                      path, capacity);
          capacity_failed = TRUE;
        }
    }
  if (plan_seconds != NULL)
    *plan_seconds = lir_module_get_plan (module) != before
                      ? lir_buffer_plan_get_plan_seconds (lir_module_get_plan (module))
                      : 0.0;
  return g_steal_pointer (&module);
}

static gboolean
parse_args (const char *command, const char *summary, const GOptionEntry *extra, gboolean planning, int *argc,
            char ***argv, guint n_inputs)
{
  g_autofree char *usage = g_strdup_printf ("%s %s", command, n_inputs == 2 ? "A B" : "INPUT");
  g_autoptr (GOptionContext) context = g_option_context_new (usage + strlen (command) + 1);
  g_autoptr (GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, "INPUT is a Lirscope graph or module JSON file, or - for "
                                             "standard input.\nExit status: 0 ok, 1 a check failed, 2 "
                                             "bad input or usage.");
  if (extra != NULL)
    g_option_context_add_main_entries (context, extra, NULL);
  if (planning)
    g_option_context_add_main_entries (context, planning_entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("lirscope-cli %s: %s\n", command, error->message);
      return FALSE;
    }
  if ((guint)*argc != n_inputs + 1)
    {
      g_printerr ("lirscope-cli %s: expected %s (see lirscope-cli %s --help)\n", command,
                  n_inputs == 2 ? "two inputs" : "one INPUT", command);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_plan (int argc, char **argv)
{
  const GOptionEntry entries[] = { { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output,
                                     "Write the planned module here (default: standard output)", "OUT" },
                                   { NULL } };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GError) error = NULL;
  const char *output;

  if (!parse_args ("plan", "Plan a graph (or re-plan a module) and write the module.", entries, TRUE, &argc,
                   &argv, 1))
    return EXIT_BAD_INPUT;
  output = opts.output != NULL ? opts.output : "-";
  if (lir_file_is_same (argv[1], output))
    {
      if (strcmp (argv[1], "-") == 0)
        g_printerr ("lirscope-cli: refusing to overwrite %s: it is the input (standard input)\n", output);
      else
        g_printerr ("lirscope-cli: refusing to overwrite the input %s\n", argv[1]);
      return EXIT_BAD_INPUT;
    }
  module = load_planned (argv[1], NULL);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  if (!lir_module_save (module, output, &error))
    {
      print_error (NULL, error);
      return EXIT_BAD_INPUT;
    }
  return capacity_failed ? EXIT_CHECK_FAILED : EXIT_SUCCESS;
}

static int
cmd_stats (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, "Print one JSON object", NULL }, { NULL }
  };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirStatsReport) report = NULL;
  g_autofree char *text = NULL;
  double plan_seconds = 0;

  if (!parse_args ("stats", "Summarize a plan: arena, savings, lower bound, efficiency.", entries, TRUE,
                   &argc, &argv, 1))
    return EXIT_BAD_INPUT;
  module = load_planned (argv[1], &plan_seconds);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  report = lir_stats_report_new (module);
  if (opts.max_bindings != NULL && opts.bindings != NULL)
    {
      g_autoptr (LirPlanOptions) binding = lir_plan_options_new ();
      g_autoptr (GError) error = NULL;

      for (guint i = 0; opts.bindings[i] != NULL; i++)
        lir_plan_options_parse_binding (binding, opts.bindings[i], NULL);
      if (!lir_stats_report_measure_binding (report, binding, &error))
        {
          print_error (argv[1], error);
          return EXIT_BAD_INPUT;
        }
    }
  text = opts.json ? lir_stats_report_to_json (report, plan_seconds) : lir_stats_report_to_text (report);
  print_text (stdout, text);
  /* A plan that fails validation is never summarised as if it were valid. */
  return lir_stats_report_is_valid (report) ? EXIT_SUCCESS : EXIT_CHECK_FAILED;
}

static int
cmd_peak (int argc, char **argv)
{
  gint64 step = -1, top = -1;
  const GOptionEntry entries[] = {
    { "step", 0, 0, G_OPTION_ARG_INT64, &step, "Explain this step instead of the peak", "N" },
    { "top", 0, 0, G_OPTION_ARG_INT64, &top, "List at most K buffers (default 20 in text, all in --json)",
      "K" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, "Print one JSON object", NULL },
    { NULL }
  };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirPlanIndex) index = NULL;
  g_autoptr (LirPeakReport) report = NULL;
  g_autofree char *text = NULL;
  LirPlanStats stats;
  guint max_buffers;

  if (!parse_args ("peak", "What fills the arena at its peak (or at --step N), and what sets its size.",
                   entries, TRUE, &argc, &argv, 1))
    return EXIT_BAD_INPUT;
  module = load_planned (argv[1], NULL);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  lir_plan_stats_compute (lir_module_get_plan (module), &stats);
  if (step >= 0 && (guint64)step >= lir_buffer_plan_get_n_steps (lir_module_get_plan (module)))
    {
      g_printerr ("lirscope-cli peak: --step %" G_GINT64_FORMAT " is past the last step (%u)\n", step,
                  lir_buffer_plan_get_n_steps (lir_module_get_plan (module)) - 1);
      return EXIT_BAD_INPUT;
    }
  if (top == 0 || top < -1)
    {
      g_printerr ("lirscope-cli peak: --top takes a positive number\n");
      return EXIT_BAD_INPUT;
    }
  index = lir_plan_index_new (lir_module_get_plan (module));
  max_buffers = top > 0 ? (guint)MIN (top, G_MAXUINT) : opts.json ? G_MAXUINT : 20;
  report = lir_peak_report_new (module, index, step >= 0 ? (guint32)step : stats.peak_step);
  text =
    opts.json ? lir_peak_report_to_json (report, max_buffers) : lir_peak_report_to_text (report, max_buffers);
  print_text (stdout, text);
  return EXIT_SUCCESS;
}

static int
cmd_validate (int argc, char **argv)
{
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GPtrArray) violations = NULL;
  guint64 count;

  if (!parse_args ("validate", "Check a plan against its graph; print every violation.", NULL, TRUE, &argc,
                   &argv, 1))
    return EXIT_BAD_INPUT;
  module = load_planned (argv[1], NULL);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  violations = lir_module_list_violations (module, &count);
  for (guint i = 0; i < violations->len; i++)
    {
      const LirViolation *v = g_ptr_array_index (violations, i);
      g_autofree char *line = g_strdup_printf ("%s: %s\n", argv[1], v->message);

      print_text (stdout, line);
    }
  if (count > violations->len)
    g_print ("%s: … and %" G_GUINT64_FORMAT " more\n", argv[1], count - violations->len);
  if (count > 0)
    {
      g_printerr ("lirscope-cli: %s: %" G_GUINT64_FORMAT " violation%s\n", argv[1], count,
                  count == 1 ? "" : "s");
      return EXIT_CHECK_FAILED;
    }
  g_print ("%s: valid\n", argv[1]);
  return EXIT_SUCCESS;
}

static int
cmd_fingerprint (int argc, char **argv)
{
  const GOptionEntry entries[] = { { "graph-only", 'g', 0, G_OPTION_ARG_NONE, &opts.graph_only,
                                     "Fingerprint the graph alone, not the plan", NULL },
                                   { "rlx", 0, 0, G_OPTION_ARG_NONE, &opts.rlx,
                                     "Print RLX's own AOT cache key instead (RLX's LIR JSON only)", NULL },
                                   { NULL } };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint64 key;

  if (!parse_args ("fingerprint", "Print the module's (or graph's) XXH3-64 fingerprint, or RLX's cache key.",
                   entries, TRUE, &argc, &argv, 1))
    return EXIT_BAD_INPUT;
  if (opts.rlx && opts.graph_only)
    {
      g_printerr ("lirscope-cli: --rlx and --graph-only do not go together: RLX's key covers the plan\n");
      return EXIT_BAD_INPUT;
    }
  module = load_planned (argv[1], NULL);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  if (opts.rlx)
    {
      if (!lir_module_get_rlx_fingerprint (module, &key, &error))
        {
          print_error (argv[1], error);
          return EXIT_BAD_INPUT;
        }
      text = lir_fingerprint_to_string (key);
    }
  else
    text =
      lir_fingerprint_to_string (opts.graph_only ? lir_graph_get_fingerprint (lir_module_get_graph (module))
                                                 : lir_module_get_fingerprint (module));
  g_print ("%s\n", text);
  return EXIT_SUCCESS;
}

/* Parses "A:B" (either side may be empty) into a step range over [0, n_steps). */
static gboolean
parse_step_range (const char *text, guint n_steps, LirViewport *viewport, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ":", -1);
  guint64 a = 0, b = n_steps;

  if (g_strv_length (parts) != 2
      || (*parts[0] != '\0' && !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT32, &a, NULL))
      || (*parts[1] != '\0' && !g_ascii_string_to_unsigned (parts[1], 10, 0, G_MAXUINT32, &b, NULL)))
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "--steps \"%s\": expected A:B, two step numbers (either may be left out)", text);
      return FALSE;
    }
  if (a >= b || a >= n_steps)
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "--steps %s: the range is empty (the plan has steps 0 to %u)", text, n_steps - 1);
      return FALSE;
    }
  viewport->step_start = (double)a;
  viewport->step_end = (double)MIN (b, n_steps);
  return TRUE;
}

static gboolean
parse_render_options (LirRenderOptions *options, GError **error)
{
  lir_render_options_init (options);
  options->labels = !opts.no_labels;
  options->all_steps = opts.all_steps;
  if (opts.color_by == NULL || strcmp (opts.color_by, "phase") == 0)
    options->color_by = LIR_COLOR_BY_PHASE;
  else if (strcmp (opts.color_by, "op") == 0)
    options->color_by = LIR_COLOR_BY_OP;
  else if (strcmp (opts.color_by, "size") == 0)
    options->color_by = LIR_COLOR_BY_SIZE;
  else if (strcmp (opts.color_by, "kind") == 0)
    options->color_by = LIR_COLOR_BY_KIND;
  else if (strcmp (opts.color_by, "category") == 0)
    options->color_by = LIR_COLOR_BY_CATEGORY;
  else
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID,
                   "--color-by \"%s\": expected phase, op, size, kind or category", opts.color_by);
      return FALSE;
    }
  if (opts.theme == NULL || strcmp (opts.theme, "light") == 0)
    options->theme = LIR_THEME_LIGHT;
  else if (strcmp (opts.theme, "dark") == 0)
    options->theme = LIR_THEME_DARK;
  else
    {
      g_set_error (error, LIR_ERROR, LIR_ERROR_INVALID, "--theme \"%s\": expected light or dark", opts.theme);
      return FALSE;
    }
  return TRUE;
}

static int
cmd_render (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output,
      "Write the image here; the extension picks the format: .svg, .png or .pdf", "OUT" },
    { "width", 'W', 0, G_OPTION_ARG_INT, &opts.width, "Width in pixels (default 1600)", "PX" },
    { "height", 'H', 0, G_OPTION_ARG_INT, &opts.height, "Height in pixels (default 900)", "PX" },
    { "color-by", 0, 0, G_OPTION_ARG_STRING, &opts.color_by,
      "Colour buffers by phase (default), op, size, kind (input, param, constant, activation, output) or "
      "category (a training step's: parameter, optimizer state, activation, saved activation, gradient, …)",
      "WHAT" },
    { "steps", 0, 0, G_OPTION_ARG_STRING, &opts.steps, "Draw only steps A to B (exclusive), e.g. 100:200",
      "A:B" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &opts.theme, "light (default) or dark", "THEME" },
    { "no-labels", 0, 0, G_OPTION_ARG_NONE, &opts.no_labels, "Leave out buffer and step names", NULL },
    { "all-steps", 0, 0, G_OPTION_ARG_NONE, &opts.all_steps,
      "Give every step a column, also those of inputs, params and constants, which run nothing", NULL },
    { "diff", 0, 0, G_OPTION_ARG_NONE, &opts.diff,
      "Take two inputs A B: draw B with what changed from A highlighted", NULL },
    { NULL }
  };
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirModule) baseline = NULL;
  g_autoptr (LirRenderer) renderer = NULL;
  g_autoptr (LirPlanDiff) diff = NULL;
  guint n_inputs = 1;
  g_autoptr (GError) error = NULL;
  LirRenderOptions options;
  LirRenderFormat format;
  LirViewport viewport;

  /* --diff takes two inputs; know it before the count is checked. */
  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "--diff") == 0)
      n_inputs = 2;
  if (!parse_args ("render", "Draw the plan's timeline as SVG, PNG or PDF.", entries, TRUE, &argc, &argv,
                   n_inputs))
    return EXIT_BAD_INPUT;
  if (opts.output == NULL)
    {
      g_printerr ("lirscope-cli render: -o OUT is required (OUT.svg, OUT.png or OUT.pdf)\n");
      return EXIT_BAD_INPUT;
    }
  if (!lir_render_format_from_path (opts.output, &format))
    {
      g_printerr ("lirscope-cli render: %s: unknown image format; use .svg, .png or .pdf\n", opts.output);
      return EXIT_BAD_INPUT;
    }
  for (guint i = 1; i <= n_inputs; i++)
    if (lir_file_is_same (argv[i], opts.output))
      {
        g_printerr ("lirscope-cli: refusing to overwrite the input %s\n", argv[i]);
        return EXIT_BAD_INPUT;
      }
  if (!parse_render_options (&options, &error))
    {
      print_error ("render", error);
      return EXIT_BAD_INPUT;
    }
  /* A picture for a document names what matters, however thin it is drawn. */
  options.callouts = TRUE;
  if (n_inputs == 2 && (baseline = load_planned (argv[1], NULL)) == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  module = load_planned (argv[n_inputs], NULL);
  if (module == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  renderer = lir_renderer_new (module);
  if (baseline != NULL)
    {
      diff = lir_plan_diff_new (baseline, module);
      options.diff = diff;
    }
  lir_renderer_get_full_viewport (renderer, &viewport);
  if (opts.steps != NULL
      && !parse_step_range (opts.steps, lir_renderer_get_n_steps (renderer), &viewport, &error))
    {
      print_error ("render", error);
      return EXIT_BAD_INPUT;
    }
  if (!lir_renderer_export (renderer, opts.output, format, opts.width > 0 ? opts.width : 1600,
                            opts.height > 0 ? opts.height : 900, &viewport, &options, &error))
    {
      print_error (NULL, error);
      return EXIT_BAD_INPUT;
    }
  return EXIT_SUCCESS;
}

static int
cmd_diff (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &opts.json, "Print one JSON object listing every change", NULL },
    { "fail-if-arena-grows", 0, 0, G_OPTION_ARG_DOUBLE, &opts.fail_arena_grows,
      "Exit 1 if B's arena is more than PCT percent larger than A's", "PCT" },
    { "fail-if-efficiency-drops", 0, 0, G_OPTION_ARG_DOUBLE, &opts.fail_efficiency_drops,
      "Exit 1 if B's efficiency is more than PCT percentage points below A's", "PCT" },
    { NULL }
  };
  g_autoptr (LirModule) a = NULL;
  g_autoptr (LirModule) b = NULL;
  g_autoptr (LirPlanDiff) diff = NULL;
  g_autofree char *report = NULL;
  int status = EXIT_SUCCESS;

  opts.fail_arena_grows = NAN;
  opts.fail_efficiency_drops = NAN;
  if (!parse_args ("diff", "Compare two plans: what changed, and why the arena grew.", entries, TRUE, &argc,
                   &argv, 2))
    return EXIT_BAD_INPUT;
  if ((a = load_planned (argv[1], NULL)) == NULL || (b = load_planned (argv[2], NULL)) == NULL)
    return capacity_failed ? EXIT_CHECK_FAILED : EXIT_BAD_INPUT;
  diff = lir_plan_diff_new (a, b);
  report = opts.json ? lir_plan_diff_to_json (diff, argv[1], argv[2])
                     : lir_plan_diff_to_text (diff, argv[1], argv[2], 40);
  print_text (stdout, report);
  if (!isnan (opts.fail_arena_grows) && lir_plan_diff_get_arena_growth (diff) > opts.fail_arena_grows)
    {
      g_printerr ("lirscope-cli: the arena grew %.2f%%, more than the %.2f%% allowed\n",
                  lir_plan_diff_get_arena_growth (diff), opts.fail_arena_grows);
      status = EXIT_CHECK_FAILED;
    }
  if (!isnan (opts.fail_efficiency_drops)
      && lir_plan_diff_get_efficiency_drop (diff) > opts.fail_efficiency_drops)
    {
      g_printerr ("lirscope-cli: efficiency dropped %.2f points, more than the %.2f allowed\n",
                  lir_plan_diff_get_efficiency_drop (diff), opts.fail_efficiency_drops);
      status = EXIT_CHECK_FAILED;
    }
  return status;
}

/* `schedule`: whether another order lowers the peak, with the proof or the
 * bracket; -o writes the module in the best order (the given one, planned,
 * when none is lower). */
static int
cmd_schedule (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opts.output,
      "Write the module in the best order found here (the given order, planned, if none is lower)", "OUT" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &opts.json, "Print one JSON object", NULL },
    { "budget", 0, 0, G_OPTION_ARG_INT64, &opts.budget, "States the exact search may visit (default 200000)",
      "N" },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (LirPlanOptions) options = NULL;
  g_autoptr (LirModule) module = NULL, given = NULL;
  g_autoptr (LirOrderReport) report = NULL;
  g_autoptr (GCancellable) stop = g_cancellable_new ();
  g_autofree char *text = NULL;
  StopOnInterrupt watch = { 0 };
  ProgressLine line = { 0 };

  if (!parse_args ("schedule",
                   "Whether another execution order lowers the peak of live bytes: the proof that none does, "
                   "or the order, its moves and its saving.",
                   entries, TRUE, &argc, &argv, 1))
    return EXIT_BAD_INPUT;
  if (opts.budget < 0)
    {
      g_printerr ("lirscope-cli schedule: --budget takes a positive number\n");
      return EXIT_BAD_INPUT;
    }
  if (opts.output != NULL && lir_file_is_same (argv[1], opts.output))
    {
      g_printerr ("lirscope-cli: refusing to overwrite the input %s\n", argv[1]);
      return EXIT_BAD_INPUT;
    }
  options = build_plan_options (&error);
  if (options != NULL)
    module = lir_module_new_from_file (argv[1], &error);
  if (module == NULL)
    {
      print_error (NULL, error);
      return EXIT_BAD_INPUT;
    }
  lir_plan_options_set_stop (options, stop);
  if (isatty (STDERR_FILENO))
    lir_plan_options_set_progress (options, print_progress, &line);
  stop_on_interrupt_begin (&watch, stop);
  report = lir_module_find_order (module, options, (guint64)opts.budget, &error);
  /* The arenas compare only when an order is lower; -o wants the given one planned when none is. */
  if (report != NULL && (lir_order_report_get_best (report) != NULL || opts.output != NULL))
    given = lir_module_replan (module, options, &error);
  stop_on_interrupt_end (&watch);
  if (line.shown)
    g_printerr ("\r\033[K");
  if (report == NULL || (given == NULL && error != NULL))
    {
      print_error (argv[1], error);
      return EXIT_BAD_INPUT;
    }
  text = opts.json ? lir_order_report_to_json (report, given) : lir_order_report_to_text (report, given);
  print_text (stdout, text);
  if (opts.output != NULL)
    {
      LirModule *best = lir_order_report_get_best (report);

      if (!lir_module_save (best != NULL ? best : given, opts.output, &error))
        {
          print_error (NULL, error);
          return EXIT_BAD_INPUT;
        }
    }
  return EXIT_SUCCESS;
}

static const struct
{
  const char *name;
  int (*run) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "plan", cmd_plan, "plan a graph and write the module" },
  { "stats", cmd_stats, "arena size, savings, lower bound, efficiency" },
  { "peak", cmd_peak, "what fills the peak, and what sets the arena" },
  { "validate", cmd_validate, "check a plan; exit 1 on any violation" },
  { "fingerprint", cmd_fingerprint, "the module's or graph's fingerprint" },
  { "render", cmd_render, "draw the plan as SVG, PNG or PDF (--diff A B: B against A)" },
  { "diff", cmd_diff, "what changed from plan A to plan B, and why the arena grew" },
  { "schedule", cmd_schedule, "whether another order lowers the peak, with a proof when none does" },
};

static void
print_usage (FILE *stream)
{
  guint n;
  const LirStrategy *const *strategies = lir_strategy_list (&n);

  fprintf (stream, "Usage: lirscope-cli COMMAND [OPTION…] INPUT\n\nCommands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-12s %s\n", commands[i].name, commands[i].summary);
  fprintf (stream, "\nStrategies:\n");
  for (guint i = 0; i < n; i++)
    fprintf (stream, "  %-12s %s\n", lir_strategy_get_name (strategies[i]),
             lir_strategy_get_summary (strategies[i]));
  fprintf (stream, "\nRun lirscope-cli COMMAND --help for a command's options.\n");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      print_usage (stderr);
      return EXIT_BAD_INPUT;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("lirscope-cli %s\n", LIRSCOPE_VERSION);
      return EXIT_SUCCESS;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0)
    {
      print_usage (stdout);
      return EXIT_SUCCESS;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *name = g_strdup_printf ("lirscope-cli %s", argv[1]);
        argv[1] = name;
        return commands[i].run (argc - 1, argv + 1);
      }
  g_printerr ("lirscope-cli: unknown command \"%s\"\n", argv[1]);
  print_usage (stderr);
  return EXIT_BAD_INPUT;
}
