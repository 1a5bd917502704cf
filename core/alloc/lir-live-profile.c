/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-live-profile.c: the bytes live at each step as a step function with
 * one piece per change, whatever the number of steps. */
#include "lir-live-profile-private.h"

#include <stdlib.h>

struct _LirLiveProfile
{
  guint n_pieces;
  guint32 *starts; /* piece k covers [starts[k], starts[k + 1]) */
  guint64 *bytes;
};

typedef struct
{
  guint64 step;
  guint64 size;
  gboolean drop;
} Event;

static int
compare_events (const void *a, const void *b)
{
  const Event *x = a, *y = b;

  if (x->step != y->step)
    return x->step < y->step ? -1 : 1;
  return (int)y->drop - (int)x->drop; /* drops first */
}

/**
 * lir_live_profile_new_for_buffers:
 * @buffers: (array length=n_buffers): lifetimes and sizes
 * @n_buffers: how many
 *
 * A sweep over sorted start and end events: O(n log n) whatever the
 * number of steps.
 *
 * Returns: (transfer full): the live bytes of @buffers at every step
 */
LirLiveProfile *
lir_live_profile_new_for_buffers (const LirAllocBuffer *buffers, guint n_buffers)
{
  LirLiveProfile *profile = g_new0 (LirLiveProfile, 1);
  g_autofree Event *events = g_new (Event, (gsize)n_buffers * 2);
  guint n_events = 0;
  guint64 running = 0;

  for (guint i = 0; i < n_buffers; i++)
    {
      if (buffers[i].size == 0)
        continue;
      events[n_events++] = (Event){ buffers[i].first_step, buffers[i].size, FALSE };
      events[n_events++] = (Event){ (guint64)buffers[i].last_step + 1, buffers[i].size, TRUE };
    }
  if (n_events > 0)
    qsort (events, n_events, sizeof (Event), compare_events);
  profile->starts = g_new (guint32, n_events + 1);
  profile->bytes = g_new (guint64, n_events + 1);
  profile->starts[0] = 0;
  profile->bytes[0] = 0;
  profile->n_pieces = 1;
  for (guint e = 0; e < n_events;)
    {
      guint64 step = events[e].step;

      /* Steps are 32-bit: an end after the last one never happens. */
      if (step > G_MAXUINT32)
        break;
      for (; e < n_events && events[e].step == step; e++)
        {
          if (events[e].drop)
            running -= MIN (running, events[e].size);
          else if (!g_uint64_checked_add (&running, running, events[e].size))
            running = G_MAXUINT64;
        }
      if (running == profile->bytes[profile->n_pieces - 1])
        continue;
      if (profile->starts[profile->n_pieces - 1] == step)
        profile->n_pieces--;
      profile->starts[profile->n_pieces] = (guint32)step;
      profile->bytes[profile->n_pieces] = running;
      profile->n_pieces++;
    }
  return profile;
}

void
lir_live_profile_free (LirLiveProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->starts);
  g_free (profile->bytes);
  g_free (profile);
}

/* The piece that holds @step. */
static guint
find_piece (const LirLiveProfile *profile, guint32 step)
{
  guint lo = 0, hi = profile->n_pieces;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (profile->starts[mid] <= step)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

/**
 * lir_live_profile_at:
 * @profile: a profile
 * @step: a step
 *
 * Returns: the bytes live at @step
 */
guint64
lir_live_profile_at (const LirLiveProfile *profile, guint32 step)
{
  return profile->bytes[find_piece (profile, step)];
}

/**
 * lir_live_profile_max:
 * @profile: a profile
 * @start: first step
 * @end: one past the last step (@start when empty)
 * @where: (out) (optional): the first step in the range where the maximum is
 *   reached
 *
 * Costs a binary search plus one visit of each piece in the range.
 *
 * Returns: the most bytes live at any step of [@start, @end), 0 when empty
 */
guint64
lir_live_profile_max (const LirLiveProfile *profile, guint32 start, guint32 end, guint32 *where)
{
  guint64 best = 0;
  guint32 best_step = start;

  if (start < end)
    {
      guint k = find_piece (profile, start);

      best = profile->bytes[k];
      for (k++; k < profile->n_pieces && profile->starts[k] < end; k++)
        if (profile->bytes[k] > best)
          {
            best = profile->bytes[k];
            best_step = profile->starts[k];
          }
    }
  if (where != NULL)
    *where = best_step;
  return best;
}
