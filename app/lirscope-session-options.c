/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-session-options.c: the plan options a session's next re-plan asks
 * for: each change goes to its LirscopePlanRequest, which says whether it
 * needs a re-plan, a measurement of the held plan, or nothing. */
#include "lirscope-session-private.h"

/* ---- options -------------------------------------------------------------------------- */

/* Does what a change to the request needs. */
static void
apply_change (LirscopeSession *self, LirscopeRequestChange change)
{
  switch (change)
    {
    case LIRSCOPE_REQUEST_NOTHING:
      break;
    case LIRSCOPE_REQUEST_REPLAN:
      lirscope_session_replan (self);
      break;
    case LIRSCOPE_REQUEST_MEASURE:
      lirscope_session_measure_held (self);
      lirscope_session_options_changed (self, FALSE);
      break;
    }
}

const char *
lirscope_session_get_strategy (LirscopeSession *self)
{
  return lirscope_plan_request_get_strategy (self->request);
}

/* Asks for a re-plan with @strategy ("" keeps the file's plan). */
void
lirscope_session_set_strategy (LirscopeSession *self, const char *strategy)
{
  if (self->module != NULL)
    apply_change (self, lirscope_plan_request_set_strategy (self->request, strategy));
}

guint64
lirscope_session_get_alignment (LirscopeSession *self)
{
  return lirscope_plan_request_get_alignment (self->request);
}

void
lirscope_session_set_alignment (LirscopeSession *self, guint64 alignment)
{
  if (self->module != NULL)
    apply_change (self, lirscope_plan_request_set_alignment (self->request, alignment));
}

gboolean
lirscope_session_get_params_in_arena (LirscopeSession *self)
{
  return lirscope_plan_request_get_params (self->request);
}

void
lirscope_session_set_params_in_arena (LirscopeSession *self, gboolean params_in_arena)
{
  if (self->module != NULL)
    apply_change (self, lirscope_plan_request_set_params (self->request, params_in_arena));
}

/* Returns: the value @symbol is bound to in the next plan or, while the plan
 *   is held, the value it is measured at; %LIR_NO_VALUE if none */
guint64
lirscope_session_get_binding (LirscopeSession *self, const char *symbol)
{
  return lirscope_plan_request_get_binding (self->request, symbol);
}

/* Returns: the value @symbol is bound to in the plan (held or next), %LIR_NO_VALUE if none */
guint64
lirscope_session_get_plan_binding (LirscopeSession *self, const char *symbol)
{
  return lirscope_plan_request_get_plan_binding (self->request, symbol);
}

/* Re-plans at @value or, while the plan is held, measures the plan there. */
void
lirscope_session_set_binding (LirscopeSession *self, const char *symbol, guint64 value)
{
  if (self->module != NULL)
    apply_change (self, lirscope_plan_request_set_binding (self->request, symbol, value));
}

gboolean
lirscope_session_get_hold_plan (LirscopeSession *self)
{
  return lirscope_plan_request_get_hold (self->request);
}

/**
 * lirscope_session_set_hold_plan:
 * @self: a session
 * @hold: whether to hold the plan
 *
 * One plan for every length: while held, moving a symbol below the value
 * the plan was made for measures this plan there instead of re-planning.
 * Letting go re-plans at the values moved to.
 */
void
lirscope_session_set_hold_plan (LirscopeSession *self, gboolean hold)
{
  if (!hold == !lirscope_plan_request_get_hold (self->request))
    return;
  apply_change (self, lirscope_plan_request_set_hold (self->request, hold));
  lirscope_session_options_changed (self, TRUE);
}

const char *
lirscope_session_get_default_strategy (LirscopeSession *self)
{
  return self->default_strategy;
}

/* Whether graphs that arrive without a plan put their params in the arena. */
void
lirscope_session_set_default_params_in_arena (LirscopeSession *self, gboolean params_in_arena)
{
  self->default_params = params_in_arena;
}

/* The strategy for graphs that arrive without a plan. */
void
lirscope_session_set_default_strategy (LirscopeSession *self, const char *strategy)
{
  g_free (self->default_strategy);
  self->default_strategy = g_strdup (strategy != NULL && *strategy != '\0' ? strategy : "auto");
}
