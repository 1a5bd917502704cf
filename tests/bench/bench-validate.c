/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-validate.c: the validator on large plans with many buffers live at
 * once, against the sweep it replaced (each new buffer compared with every
 * live one), on the same plans in the same run.
 *
 * The plans: issue 22's heavy-overlap buffer lists (n buffers over n steps,
 * 10 % of them living up to n/4 steps), placed by sweep; then the same
 * with every fourth buffer moved onto another's bytes, so that both
 * validators have overlaps to report. Prints a Markdown table. */
#include "lir-private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The validator before: a sweep over steps whose live set is a plain array. */
typedef struct
{
  guint32 first, last;
  guint64 offset, end;
} Rect;

static int
compare_first (const void *pa, const void *pb)
{
  const Rect *a = pa, *b = pb;

  return (a->first > b->first) - (a->first < b->first);
}

static guint64
array_sweep_overlaps (const LirBufferPlan *plan)
{
  guint n = lir_buffer_plan_get_n_nodes (plan), n_rects = 0, n_active = 0;
  g_autofree Rect *rects = g_new (Rect, n + 1);
  g_autofree Rect *active = g_new (Rect, n + 1);
  guint64 overlaps = 0;

  for (guint32 id = 0; id < n; id++)
    {
      const LirBufferSlot *slot = lir_buffer_plan_get_slot (plan, id);
      const LirLifetime *life = lir_buffer_plan_get_lifetime (plan, id);

      if (slot == NULL || slot->size == 0)
        continue;
      rects[n_rects++] = (Rect){ life->first_step, life->last_step, slot->offset, slot->offset + slot->size };
    }
  qsort (rects, n_rects, sizeof (Rect), compare_first);
  for (guint i = 0; i < n_rects; i++)
    {
      for (guint j = 0; j < n_active;)
        {
          if (active[j].last < rects[i].first)
            {
              active[j] = active[--n_active];
              continue;
            }
          overlaps += active[j].offset < rects[i].end && rects[i].offset < active[j].end;
          j++;
        }
      active[n_active++] = rects[i];
    }
  return overlaps;
}

static char *
heavy_overlap_csv (guint n, guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  GString *csv = g_string_new ("id,lower,upper,size\n");

  for (guint i = 0; i < n; i++)
    {
      guint32 start = g_rand_int_range (rand, 0, n);
      guint32 life = g_rand_double (rand) < 0.9 ? 1 + (guint32)floor (-3.0 * log (1.0 - g_rand_double (rand)))
                                                : (guint32)g_rand_int_range (rand, 1, (gint32)MAX (n / 4, 2));
      guint32 end = MIN ((guint64)start + life, n);
      guint64 size = (guint64)exp (g_rand_double_range (rand, log (64.0), log (64.0 * 1024 * 1024)));

      g_string_append_printf (csv, "%u,%u,%u,%" G_GUINT64_FORMAT "\n", i, start, MAX (end, start + 1), size);
    }
  return g_string_free (csv, FALSE);
}

/* A plan with overlaps: every fourth buffer moved onto the offset of the
 * buffer before it. */
static LirModule *
jumbled (LirModule *planned)
{
  gsize length;
  g_autofree char *csv = lir_module_to_csv (planned, &length);
  g_auto (GStrv) lines = g_strsplit (csv, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *previous = NULL;

  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      char *comma = strrchr (lines[i], ',');

      if (i > 0 && i % 4 == 0 && previous != NULL)
        g_string_append_printf (out, "%.*s,%s\n", (int)(comma - lines[i]), lines[i], previous);
      else
        g_string_append_printf (out, "%s\n", lines[i]);
      g_free (previous);
      previous = g_strdup (comma + 1);
    }
  return lir_module_new_from_csv (out->str, out->len, NULL);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static void
row (const char *what, guint n, LirModule *module)
{
  const LirBufferPlan *plan = lir_module_get_plan (module);
  LirPlanStats stats;
  gint64 start;
  guint64 violations, overlaps;
  double now, before;

  lir_plan_stats_compute (plan, &stats);
  start = g_get_monotonic_time ();
  g_ptr_array_unref (lir_module_list_violations (module, &violations));
  now = seconds_since (start);
  start = g_get_monotonic_time ();
  overlaps = array_sweep_overlaps (plan);
  before = seconds_since (start);
  g_print ("| %s | %u | %.1f | %.3f | %.3f | %.1fx | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT " |\n", what,
           n, stats.arena_size / 1048576.0, now, before, before / MAX (now, 1e-6), violations, overlaps);
}

int
main (int argc, char **argv)
{
  static const guint sizes[] = { 20000, 100000, 1000000 };
  gboolean quick = argc > 1 && g_str_equal (argv[1], "--quick");

  g_print ("# bench-validate\n\n");
  g_print ("| plan | buffers | arena MiB | validator s | array sweep s | speed-up | violations | "
           "overlapping pairs (array sweep) |\n|---|---|---|---|---|---|---|---|\n");
  for (guint i = 0; i < G_N_ELEMENTS (sizes) && !(quick && sizes[i] > 100000); i++)
    {
      g_autofree char *csv = heavy_overlap_csv (sizes[i], 1234 + i);
      g_autoptr (LirModule) module = lir_module_new_from_csv (csv, strlen (csv), NULL);
      g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
      g_autoptr (LirModule) planned = NULL;
      g_autoptr (LirModule) broken = NULL;

      lir_plan_options_set_strategy (options, "sweep");
      planned = lir_module_replan (module, options, NULL);
      row ("heavy overlap, sweep", sizes[i], planned);
      broken = jumbled (planned);
      row ("the same, every 4th moved", sizes[i], broken);
    }
  return 0;
}
