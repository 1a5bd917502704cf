/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir-plan-stats.c: lower bound, peak step, efficiency and live bytes per step. */
#include "lir-plan-stats.h"

#include "lir-buffer-plan-private.h"

/**
 * lir_buffer_plan_live_bytes:
 * @plan: a plan
 * @n_steps: (out): number of steps
 *
 * Returns: (transfer full) (array length=n_steps): the bytes of owning
 *   buffers live at each step (saturating at %G_MAXUINT64)
 */
guint64 *
lir_buffer_plan_live_bytes (const LirBufferPlan *plan, guint *n_steps)
{
  guint steps = plan->n_steps;
  g_autofree guint64 *adds = NULL;
  g_autofree guint64 *drops = NULL;
  guint64 *live;
  guint64 running = 0;

  for (guint32 id = 0; id < plan->n_nodes; id++)
    if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
      steps = MAX (steps, plan->lifetimes[id].last_step + 1);
  adds = g_new0 (guint64, steps + 1);
  drops = g_new0 (guint64, steps + 2);
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (!(plan->slot_flags[id] & LIR_SLOT_ALLOCATED))
        continue;
      if (!g_uint64_checked_add (&adds[plan->lifetimes[id].first_step],
                                 adds[plan->lifetimes[id].first_step], plan->slots[id].size))
        adds[plan->lifetimes[id].first_step] = G_MAXUINT64;
      if (!g_uint64_checked_add (&drops[plan->lifetimes[id].last_step + 1],
                                 drops[plan->lifetimes[id].last_step + 1], plan->slots[id].size))
        drops[plan->lifetimes[id].last_step + 1] = G_MAXUINT64;
    }
  live = g_new0 (guint64, steps + 1);
  for (guint step = 0; step < steps; step++)
    {
      running -= MIN (running, drops[step]);
      if (!g_uint64_checked_add (&running, running, adds[step]))
        running = G_MAXUINT64;
      live[step] = running;
    }
  *n_steps = steps;
  return live;
}

/**
 * lir_plan_stats_compute:
 * @plan: a plan
 * @stats: (out caller-allocates): the figures
 */
void
lir_plan_stats_compute (const LirBufferPlan *plan, LirPlanStats *stats)
{
  guint n_steps;
  g_autofree guint64 *live = lir_buffer_plan_live_bytes (plan, &n_steps);

  *stats = (LirPlanStats){ 0 };
  stats->n_nodes = plan->n_nodes;
  for (guint32 id = 0; id < plan->n_nodes; id++)
    {
      if (plan->slot_flags[id] & LIR_SLOT_ALLOCATED)
        stats->n_buffers++;
      else if (plan->slot_flags[id] & LIR_SLOT_VIEW)
        stats->n_views++;
    }
  for (guint step = 0; step < n_steps; step++)
    {
      if (live[step] > stats->lower_bound)
        {
          stats->lower_bound = live[step];
          stats->peak_step = step;
        }
    }
  stats->arena_size = plan->arena_size;
  stats->total_unshared = lir_buffer_plan_total_unshared (plan);
  stats->bytes_saved = lir_buffer_plan_bytes_saved (plan);
  stats->efficiency = plan->arena_size > 0 ? (double)stats->lower_bound / plan->arena_size : 1.0;
  stats->saved_fraction = stats->total_unshared > 0
                              ? (double)stats->bytes_saved / (double)stats->total_unshared
                              : 0.0;
  stats->proven_optimal = plan->proven_optimal || stats->arena_size == stats->lower_bound;
}

/**
 * lir_format_bytes:
 * @bytes: a byte count
 *
 * Returns: (transfer full): e.g. `1.50 MiB`, or `512 B` below a KiB
 */
char *
lir_format_bytes (guint64 bytes)
{
  static const char *const units[] = { "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
  double value = (double)bytes;
  guint unit = 0;

  if (bytes < 1024)
    return g_strdup_printf ("%" G_GUINT64_FORMAT " B", bytes);
  value /= 1024.0;
  while (value >= 1024.0 && unit + 1 < G_N_ELEMENTS (units))
    {
      value /= 1024.0;
      unit++;
    }
  return g_strdup_printf ("%.2f %s", value, units[unit]);
}
