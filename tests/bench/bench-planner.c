/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-planner.c: arena quality and speed of every strategy. Prints tables:
 * the MiniMalloc challenging instances, the example graphs, scaling on
 * generated ML-like instances and on long overlapping lifetimes, and a
 * 200k-node graph loaded and planned.
 *
 * Each measurement runs in a forked child, so the peak RSS reported is that
 * strategy's alone; seconds are the fastest of the runs made in one second
 * (at most 20; a run slower than that is made once). The scaling table also
 * shows the first run, which pays for first-touch page faults. The
 * read-plan-write tables (idealloc, heavy overlap) take the fastest of up
 * to three runs.
 *
 * Usage: bench-planner [DATA_DIR] [--quick | --huge | --scale-only [--huge]]
 * (--huge adds 4,000,000 buffers to the heavy-overlap table, and rlx-greedy
 * and best-fit at 1,000,000, minutes each; --scale-only prints only the
 * idealloc and heavy-overlap tables)
 */
#include "lir-private.h"
#include "alloc/lir-alloc-private.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct
{
  gboolean ok;
  guint64 arena;
  guint64 lower_bound;
  gboolean proven;
  double seconds;       /* the fastest run */
  double first_seconds; /* the first run, with its page faults and cold caches */
  long max_rss_kib;
  char message[200];
} Result;

/* Measurements repeat until this much time has passed, at most MAX_RUNS times. */
#define REPEAT_SECONDS 1.0
#define MAX_RUNS 20

/* Runs @work in a forked child and copies its @size-byte result back, so
 * that the peak RSS of each measurement is its own (returned in KiB). */
typedef void (*ChildWork) (gconstpointer input, gpointer result);

static long
run_in_child (ChildWork work, gconstpointer input, gpointer result, gsize size)
{
  struct rusage usage;
  int fds[2], status;
  pid_t pid;

  memset (result, 0, size);
  if (pipe (fds) != 0)
    return 0;
  pid = fork ();
  if (pid == 0)
    {
      g_autofree gpointer mine = g_malloc0 (size);

      close (fds[0]);
      work (input, mine);
      if (write (fds[1], mine, size) != (ssize_t)size)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], result, size) != (ssize_t)size)
    memset (result, 0, size);
  close (fds[0]);
  if (wait4 (pid, &status, 0, &usage) != pid)
    return 0;
  return usage.ru_maxrss;
}

typedef struct
{
  const LirAllocRequest *request;
  const char *strategy;
} StrategyRun;

static void
run_strategy (gconstpointer input, gpointer output)
{
  const StrategyRun *run = input;
  Result *r = output;
  g_autofree guint64 *offsets = g_new0 (guint64, run->request->n_buffers + 1);
  g_autoptr (GError) error = NULL;
  LirAllocOutcome outcome;
  double total = 0;

  /* The fastest of repeated runs: one run of a few milliseconds varies
   * twofold on a shared machine. Every run is deterministic. */
  for (guint runs = 0; runs < MAX_RUNS && total < REPEAT_SECONDS; runs++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      g_clear_error (&error);
      r->ok =
        lir_strategy_run (lir_strategy_find (run->strategy, NULL), run->request, offsets, &outcome, &error);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      if (runs == 0)
        r->first_seconds = seconds;
      r->seconds = runs == 0 ? seconds : MIN (r->seconds, seconds);
      total += seconds;
    }
  r->arena = outcome.arena_size;
  r->lower_bound = outcome.lower_bound;
  r->proven = outcome.proven_optimal;
  if (error != NULL)
    g_strlcpy (r->message, error->message, sizeof r->message);
}

/* Runs @strategy on @request in a child process. */
static Result
measure (const LirAllocRequest *request, const char *strategy)
{
  StrategyRun run = { request, strategy };
  Result result;

  result.max_rss_kib = run_in_child (run_strategy, &run, &result, sizeof result);
  return result;
}

static GArray *
buffers_of (const LirModule *module)
{
  const LirBufferPlan *plan = lir_module_get_plan (module);
  GArray *buffers = g_array_new (FALSE, FALSE, sizeof (LirAllocBuffer));

  for (guint32 id = 0; id < lir_buffer_plan_get_n_nodes (plan); id++)
    {
      const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);
      const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);
      LirAllocBuffer b;

      if (slot == NULL || lir_buffer_plan_is_view (plan, id) || slot->size == 0)
        continue;
      b = (LirAllocBuffer){ slot->size, life->first_step, life->last_step, id };
      g_array_append_val (buffers, b);
    }
  return buffers;
}

static LirModule *
load_with_lifetimes (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LirModule) module = lir_module_new_from_file (path, &error);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();

  if (module == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  /* Naive placement just to get every buffer's size and lifetime. */
  lir_plan_options_set_strategy (options, "naive");
  lir_plan_options_set_alignment (options, 1);
  if (!lir_module_ensure_plan (module, options, &error))
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }
  return g_steal_pointer (&module);
}

static const char *const table_strategies[] = { "rlx-greedy", "best-fit", "greedy-breadth", "exact", "auto" };

static void
table_minimalloc (const char *dir)
{
  static const char *const names[] = { "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K" };
  double exact_total = 0;

  g_print ("\n## MiniMalloc challenging instances (capacity 1048576, alignment 1)\n\n");
  g_print ("| inst | n | lower bound |");
  for (guint s = 0; s < G_N_ELEMENTS (table_strategies); s++)
    g_print (" %s arena (ratio, s) |", table_strategies[s]);
  g_print (" exact meets 1048576? |\n|---|---|---|");
  for (guint s = 0; s <= G_N_ELEMENTS (table_strategies); s++)
    g_print ("---|");
  g_print ("\n");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.1048576.csv", dir, names[i]);
      g_autoptr (LirModule) module = load_with_lifetimes (path);
      g_autoptr (GArray) buffers = NULL;
      LirAllocRequest request = { 0 };
      guint64 lower;
      Result capacity_run;

      if (module == NULL)
        continue;
      buffers = buffers_of (module);
      request.buffers = (const LirAllocBuffer *)buffers->data;
      request.n_buffers = buffers->len;
      request.n_steps = lir_buffer_plan_get_n_steps (lir_module_get_plan (module));
      request.alignment = 1;
      lower = lir_alloc_lower_bound (&request, NULL);
      g_print ("| %s | %u | %" G_GUINT64_FORMAT " |", names[i], buffers->len, lower);
      for (guint s = 0; s < G_N_ELEMENTS (table_strategies); s++)
        {
          Result r = measure (&request, table_strategies[s]);
          if (!r.ok)
            g_print (" failed: %s |", r.message);
          else
            g_print (" %" G_GUINT64_FORMAT " (%.3f, %.2f s%s) |", r.arena, (double)r.arena / lower, r.seconds,
                     r.proven ? ", proven" : "");
        }
      request.capacity = 1048576;
      capacity_run = measure (&request, "exact");
      exact_total += capacity_run.seconds;
      g_print (" %s in %.2f s |\n", capacity_run.ok ? "yes" : "no", capacity_run.seconds);
    }
  g_print ("\nexact with --capacity 1048576, all 11: %.2f s\n", exact_total);
}

static void
table_examples (const char *examples_dir)
{
  static const char *const names[] = { "mlp.json", "decoder-block.json", "dynamic-seq.json" };

  g_print ("\n## Example graphs (alignment 64)\n\n| graph | buffers | lower bound |");
  for (guint s = 0; s < G_N_ELEMENTS (table_strategies); s++)
    g_print (" %s (ratio) |", table_strategies[s]);
  g_print ("\n|---|---|---|");
  for (guint s = 0; s < G_N_ELEMENTS (table_strategies); s++)
    g_print ("---|");
  g_print ("\n");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (examples_dir, names[i], NULL);
      g_autoptr (LirModule) module = load_with_lifetimes (path);
      g_autoptr (GArray) buffers = NULL;
      LirAllocRequest request = { 0 };
      guint64 lower;

      if (module == NULL)
        continue;
      buffers = buffers_of (module);
      request.buffers = (const LirAllocBuffer *)buffers->data;
      request.n_buffers = buffers->len;
      request.n_steps = lir_buffer_plan_get_n_steps (lir_module_get_plan (module));
      request.alignment = 64;
      lower = lir_alloc_lower_bound (&request, NULL);
      g_print ("| %s | %u | %" G_GUINT64_FORMAT " |", names[i], buffers->len, lower);
      for (guint s = 0; s < G_N_ELEMENTS (table_strategies); s++)
        {
          Result r = measure (&request, table_strategies[s]);
          g_print (" %" G_GUINT64_FORMAT " (%.3f) |", r.arena, (double)r.arena / lower);
        }
      g_print ("\n");
    }
}

/* ML-like: mostly short-lived activations, a few long-lived buffers,
 * log-uniform sizes from 64 B to 64 MiB. */
/* ML-like buffers; with @overlapping, every lifetime spans 16 to 2,000
 * steps instead, so about a thousand buffers are live at each step (a
 * training graph keeping activations for the backward pass). */
static GArray *
generate (guint n, guint32 seed, gboolean overlapping)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GArray *buffers = g_array_sized_new (FALSE, FALSE, sizeof (LirAllocBuffer), n);
  guint32 steps = n;

  for (guint i = 0; i < n; i++)
    {
      LirAllocBuffer b;
      guint32 first = (guint32)((guint64)i * steps / n);
      /* One buffer in a thousand lives up to a tenth of the run (weights,
       * caches); the rest die within a few steps (activations). */
      guint32 len = overlapping                             ? g_rand_int_range (rand, 16, 2001)
                    : g_rand_int_range (rand, 0, 1000) == 0 ? g_rand_int_range (rand, 0, steps / 10 + 1)
                                                            : g_rand_int_range (rand, 1, 8);
      b.size = (guint64)exp (g_rand_double_range (rand, log (64.0), log (64.0 * 1024 * 1024)));
      b.first_step = first;
      b.last_step = MIN (first + len, steps - 1);
      b.id = i;
      g_array_append_val (buffers, b);
    }
  return buffers;
}

/* rlx-greedy is quadratic: past this it would take minutes. */
#define RLX_GREEDY_MAX_BUFFERS 30000

static void
table_scaling (const char *title, const guint *sizes, guint n_sizes, gboolean overlapping, gboolean quick)
{
  static const char *const strategies[] = { "rlx-greedy", "best-fit", "greedy-breadth", "auto" };

  g_print ("\n## %s (seeded; alignment 64)\n\n", title);
  g_print ("| n | strategy | seconds | first run s | peak RSS MiB | arena / lower bound | speed vs "
           "rlx-greedy (first runs) |\n");
  g_print ("|---|---|---|---|---|---|---|\n");
  for (guint i = 0; i < n_sizes; i++)
    {
      g_autoptr (GArray) buffers = generate (sizes[i], 1234 + i, overlapping);
      /* Described as the planner describes a graph's buffers: steps < n. */
      LirAllocRequest request = { (const LirAllocBuffer *)buffers->data, buffers->len, sizes[i], 64 };
      double rlx_seconds = 0, rlx_first = 0;

      if (quick && sizes[i] > 100000)
        break;
      for (guint s = 0; s < G_N_ELEMENTS (strategies); s++)
        {
          Result r;
          if (g_str_equal (strategies[s], "rlx-greedy") && sizes[i] > RLX_GREEDY_MAX_BUFFERS)
            {
              g_print ("| %u | %s | (skipped: quadratic) | | | | |\n", sizes[i], strategies[s]);
              continue;
            }
          r = measure (&request, strategies[s]);
          if (g_str_equal (strategies[s], "rlx-greedy"))
            {
              rlx_seconds = r.seconds;
              rlx_first = r.first_seconds;
            }
          g_print ("| %u | %s | %.3f | %.3f | %.1f | %.3f |", sizes[i], strategies[s], r.seconds,
                   r.first_seconds, r.max_rss_kib / 1024.0, (double)r.arena / r.lower_bound);
          if (rlx_seconds > 0 && sizes[i] <= RLX_GREEDY_MAX_BUFFERS)
            g_print (" %.1fx (%.1fx) |\n", rlx_seconds / MAX (r.seconds, 1e-6),
                     rlx_first / MAX (r.first_seconds, 1e-6));
          else
            g_print (" |\n");
        }
    }
}

/* Issue 22's heavy overlap: n buffers over n steps, each starting at a
 * uniformly random step; 90 % live 1 + floor (Exp (mean 3)) steps, 10 % a
 * uniform 1 to n/4 - 1 steps (cut at the end); sizes log-uniform from 64 B
 * to 64 MiB. Written as MiniMalloc's CSV (half-open lifetimes). */
static char *
write_heavy_overlap (guint n, guint32 seed, const char *dir)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr (GString) csv = g_string_new ("id,lower,upper,size\n");
  char *path = g_strdup_printf ("%s/heavy-%u-%u.csv", dir, n, seed);

  for (guint i = 0; i < n; i++)
    {
      guint32 start = g_rand_int_range (rand, 0, n);
      guint32 life = g_rand_double (rand) < 0.9 ? 1 + (guint32)floor (-3.0 * log (1.0 - g_rand_double (rand)))
                                                : (guint32)g_rand_int_range (rand, 1, (gint32)MAX (n / 4, 2));
      guint32 end = MIN ((guint64)start + life, n);
      guint64 size = (guint64)exp (g_rand_double_range (rand, log (64.0), log (64.0 * 1024 * 1024)));

      g_string_append_printf (csv, "%u,%u,%u,%" G_GUINT64_FORMAT "\n", i, start, MAX (end, start + 1), size);
    }
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return path;
}

typedef struct
{
  double seconds;
  long max_rss_kib;
  guint64 arena;
  guint64 lower_bound;
  gboolean ok;
} Pipeline;

typedef struct
{
  const char *csv;
  const char *strategy;
  const char *dir;
} PipelineRun;

static void
run_pipeline (gconstpointer input, gpointer output)
{
  const PipelineRun *run = input;
  Pipeline *r = output;
  g_autofree char *out = g_strdup_printf ("%s/out-%d.csv", run->dir, (int)getpid ());
  g_autoptr (LirModule) module = NULL, planned = NULL;
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  gint64 start = g_get_monotonic_time ();

  lir_plan_options_set_strategy (options, run->strategy);
  lir_plan_options_set_alignment (options, 1);
  module = lir_module_new_from_file (run->csv, NULL);
  planned = module != NULL ? lir_module_replan (module, options, NULL) : NULL;
  r->ok = planned != NULL && lir_module_save (planned, out, NULL);
  r->seconds = (g_get_monotonic_time () - start) / 1e6;
  if (r->ok)
    {
      LirPlanStats stats;

      lir_plan_stats_compute (lir_module_get_plan (planned), &stats);
      r->arena = stats.arena_size;
      r->lower_bound = stats.lower_bound;
    }
  g_unlink (out);
}

/* Read, plan with @strategy (alignment 1) and write, in a child: what
 * `lirscope-cli plan IN.csv --strategy S -o OUT.csv` does. The fastest of
 * up to three runs, fewer once they have taken ten seconds: on a shared
 * machine one run of the 0.3 s floor varies by a third, and the ratios to
 * it with it. The peak RSS is the largest. */
static Pipeline
measure_pipeline (const char *csv, const char *strategy, const char *dir)
{
  PipelineRun run = { csv, strategy, dir };
  Pipeline best = { 0 };
  double spent = 0;

  for (guint i = 0; i < 3 && spent < 10; i++)
    {
      Pipeline result;
      long rss = run_in_child (run_pipeline, &run, &result, sizeof result);

      result.max_rss_kib = rss;
      spent += result.seconds;
      if (i == 0 || (result.ok && result.seconds < best.seconds))
        {
          rss = MAX (rss, best.max_rss_kib);
          best = result;
          best.max_rss_kib = rss;
        }
      else
        best.max_rss_kib = MAX (best.max_rss_kib, rss);
      if (!result.ok)
        break;
    }
  return best;
}

static void
print_pipeline_row (const char *name, guint n, const char *strategy, const Pipeline *r, double floor)
{
  if (!r->ok)
    {
      g_print ("| %s | %u | %s | failed | | | | |\n", name, n, strategy);
      return;
    }
  g_print ("| %s | %u | %s | %.2f | %.1fx | %.0f | %.1f | %.4f |\n", name, n, strategy, r->seconds,
           r->seconds / MAX (floor, 1e-6), r->max_rss_kib / 1024.0, r->max_rss_kib * 1024.0 / MAX (n, 1),
           (double)r->arena / MAX (r->lower_bound, 1));
}

static const char *const pipeline_strategies[] = { "naive", "best-fit", "sweep", "auto" };
/* Past 100,000 heavy-overlap buffers one pass of the placer (best-fit,
 * rlx-greedy) takes minutes: only with --huge. */
static const char *const huge_strategies[] = { "naive", "sweep", "auto", "rlx-greedy", "best-fit" };
#define HUGE_QUICK_STRATEGIES 3

#define PIPELINE_HEADER                                                                                      \
  "| instance | buffers | strategy | read+plan+write s | x naive | peak RSS MiB | RSS B/buffer | "           \
  "arena / lower bound |\n|---|---|---|---|---|---|---|---|\n"

/* The heavy-overlap generator at growing sizes, two seeds each up to
 * 100,000; every row of one instance is measured in the same run, so the
 * ratios to naive (the read-and-write floor) hold on a busy machine too. */
static void
table_heavy_overlap (gboolean quick, gboolean huge)
{
  static const guint sizes[] = { 5000, 20000, 100000, 1000000, 4000000 };
  g_autofree char *dir = g_dir_make_tmp ("bench-planner-XXXXXX", NULL);

  g_print ("\n## Heavy overlap (issue 22's generator; alignment 1; read, plan, write)\n\n");
  g_print (PIPELINE_HEADER);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint32 seed = 1; seed <= 2; seed++)
      {
        g_autofree char *csv = NULL;
        double floor = 0;

        if ((quick && sizes[i] > 100000) || (!huge && sizes[i] > 1000000) || (sizes[i] > 100000 && seed > 1))
          continue;
        csv = write_heavy_overlap (sizes[i], seed, dir);
        {
          gboolean big = sizes[i] > 100000;
          const char *const *strategies = big ? huge_strategies : pipeline_strategies;
          guint n_strategies = !big                          ? G_N_ELEMENTS (pipeline_strategies)
                               : huge && sizes[i] == 1000000 ? G_N_ELEMENTS (huge_strategies)
                                                             : HUGE_QUICK_STRATEGIES;

          for (guint s = 0; s < n_strategies; s++)
            {
              g_autofree char *name = g_strdup_printf ("heavy, seed %u", seed);
              Pipeline r = measure_pipeline (csv, strategies[s], dir);

              if (s == 0)
                floor = r.seconds;
              print_pipeline_row (name, sizes[i], strategies[s], &r, floor);
            }
        }
        g_unlink (csv);
      }
  g_rmdir (dir);
}

/* idealloc's real instances (MindSpore, IOPDDL), from tests/data/idealloc. */
static void
table_idealloc (const char *dir)
{
  static const char *const names[] = { "resnet50", "G_1", "pangu_2.6B", "S_1", "Y_1" };
  g_autofree char *tmp = g_dir_make_tmp ("bench-planner-XXXXXX", NULL);

  g_print ("\n## idealloc's instances (alignment 1; read, plan, write)\n\n");
  g_print (PIPELINE_HEADER);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *csv = g_strdup_printf ("%s/%s.csv", dir, names[i]);
      g_autoptr (LirModule) module = lir_module_new_from_file (csv, NULL);
      guint n = module != NULL ? lir_graph_get_n_nodes (lir_module_get_graph (module)) : 0;
      double floor = 0;

      if (module == NULL)
        {
          g_print ("| %s | (missing: %s) | | | | | | |\n", names[i], csv);
          continue;
        }
      for (guint s = 0; s < G_N_ELEMENTS (pipeline_strategies); s++)
        {
          Pipeline r = measure_pipeline (csv, pipeline_strategies[s], tmp);

          if (s == 0)
            floor = r.seconds;
          print_pipeline_row (names[i], n, pipeline_strategies[s], &r, floor);
        }
    }
  g_rmdir (tmp);
}

/* A 200k-node transformer-like graph through the whole pipeline in a child. */
static void
table_big_graph (void)
{
  int fds[2];
  pid_t pid;
  double figures[3] = { 0 };
  struct rusage usage;
  int status;

  g_print ("\n## A 200,000-node graph: JSON write, read, plan (auto), validate\n\n");
  if (pipe (fds) != 0)
    return;
  pid = fork ();
  if (pid == 0)
    {
      g_autoptr (LirGraph) g = lir_graph_new ("big");
      g_autoptr (LirModule) module = NULL;
      g_autoptr (LirModule) loaded = NULL;
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (GPtrArray) violations = NULL;
      g_autofree char *text = NULL;
      LirShape act = LIR_SHAPE (LIR_DTYPE_F16, 128, 1024);
      LirShape w = LIR_SHAPE (LIR_DTYPE_F16, 1024, 1024);
      guint32 x, prev;
      gint64 t0, t1, t2;
      gsize length;
      guint64 count;

      prev = x = lir_graph_add_input (g, "x", &act);
      for (guint i = 1; lir_graph_get_n_nodes (g) < 200000; i++)
        {
          g_autofree char *name = g_strdup_printf ("w%u", i);
          guint32 wi = lir_graph_add_param (g, name, &w);
          guint32 mm = lir_graph_add_matmul (g, prev, wi, &act);
          guint32 in[] = { mm, prev };
          guint32 add = lir_graph_add_op (g, "add", in, 2, &act);
          prev = lir_graph_add_op (g, "gelu", &add, 1, &act);
        }
      lir_graph_set_outputs (g, &prev, 1);
      module = lir_module_new (g, NULL);
      text = lir_module_to_json (module, &length);
      t0 = g_get_monotonic_time ();
      loaded = lir_module_new_from_json (text, length, NULL);
      t1 = g_get_monotonic_time ();
      g_clear_pointer (&text, g_free);
      lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
      if (loaded == NULL || !lir_module_ensure_plan (loaded, options, NULL))
        _exit (1);
      t2 = g_get_monotonic_time ();
      violations = lir_module_list_violations (loaded, &count);
      figures[0] = (t1 - t0) / 1e6;
      figures[1] = (t2 - t1) / 1e6;
      figures[2] = (double)count;
      if (write (fds[1], figures, sizeof figures) != sizeof figures)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], figures, sizeof figures) != sizeof figures)
    g_print ("failed\n");
  close (fds[0]);
  wait4 (pid, &status, 0, &usage);
  g_print ("| nodes | read s | plan s | violations | peak RSS MiB |\n|---|---|---|---|---|\n");
  g_print ("| 200000 | %.2f | %.2f | %.0f | %.0f |\n", figures[0], figures[1], figures[2],
           usage.ru_maxrss / 1024.0);
}

int
main (int argc, char **argv)
{
  const char *data = argc > 1 && argv[1][0] != '-' ? argv[1] : "tests/data/minimalloc";
  gboolean quick = argc > 1 && g_str_equal (argv[argc - 1], "--quick");
  gboolean huge = argc > 1 && g_str_equal (argv[argc - 1], "--huge");
  g_autofree char *idealloc = g_build_filename (data, "..", "idealloc", NULL);

  g_print ("# bench-planner\n");
  if (argc > 1
      && (g_str_equal (argv[argc - 1], "--scale-only")
          || (huge && argc > 2 && g_str_equal (argv[argc - 2], "--scale-only"))))
    {
      table_idealloc (idealloc);
      table_heavy_overlap (FALSE, huge);
      return 0;
    }
  table_minimalloc (data);
  table_examples ("data/examples");
  {
    static const guint ml_sizes[] = { 1000, 10000, 20000, 100000, 1000000 };
    static const guint overlapping_sizes[] = { 10000, 30000 };

    table_scaling ("Scaling on generated ML-like instances", ml_sizes, G_N_ELEMENTS (ml_sizes), FALSE, quick);
    table_scaling ("Long overlapping lifetimes (about 1,000 buffers live at each step)", overlapping_sizes,
                   G_N_ELEMENTS (overlapping_sizes), TRUE, quick);
  }
  table_idealloc (idealloc);
  table_heavy_overlap (quick, huge);
  table_big_graph ();
  return 0;
}
