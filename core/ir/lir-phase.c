/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-phase.c: phase names, in Lirscope's and RLX's spelling. */
#include "lir-phase.h"

/* Marks the labels for the app's catalog; core itself prints English. */
#define N_(text) text

#include <string.h>

static const char *const phase_names[] = { "prologue", "steady_state", "epilogue", "none" };
static const char *const rlx_phase_names[] = { "Prologue", "SteadyState", "Epilogue", NULL };

/**
 * lir_phase_to_string:
 * @phase: a phase
 *
 * Names @phase the way Lirscope's documents write it.
 *
 * Returns: (transfer none): the phase's name in Lirscope files
 */
const char *
lir_phase_to_string (LirPhase phase)
{
  g_return_val_if_fail (phase <= LIR_PHASE_NONE, "none");
  return phase_names[phase];
}

/**
 * lir_phase_from_string:
 * @text: `prologue`, `steady_state`, `epilogue`, `none`, or RLX's
 *   `Prologue`, `SteadyState`, `Epilogue`
 * @out_phase: (out): the phase
 *
 * Reads a phase as Lirscope's documents or RLX's LIR write it.
 *
 * Returns: %TRUE if @text names a phase
 */
gboolean
lir_phase_from_string (const char *text, LirPhase *out_phase)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_phase != NULL, FALSE);

  for (guint i = 0; i <= LIR_PHASE_NONE; i++)
    {
      if (strcmp (text, phase_names[i]) == 0
          || (rlx_phase_names[i] != NULL && strcmp (text, rlx_phase_names[i]) == 0))
        {
          *out_phase = (LirPhase)i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * lir_phase_get_label:
 * @phase: a phase
 *
 * The name people read ("Steady state"), where lir_phase_to_string ()
 * gives the token files use ("steady_state"). English, marked for the
 * app's translation.
 *
 * Returns: (transfer none): the label
 */
const char *
lir_phase_get_label (LirPhase phase)
{
  g_return_val_if_fail (phase <= LIR_PHASE_NONE, "");

  switch (phase)
    {
    case LIR_PHASE_PROLOGUE:
      return N_ ("Prologue");
    case LIR_PHASE_STEADY_STATE:
      return N_ ("Steady state");
    case LIR_PHASE_EPILOGUE:
      return N_ ("Epilogue");
    case LIR_PHASE_NONE:
    default:
      return N_ ("No phase");
    }
}
