/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-phase.h: streaming phases of a node (prologue, steady state, epilogue). */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * LirPhase:
 * @LIR_PHASE_PROLOGUE: one-time work before the steady-state loop
 * @LIR_PHASE_STEADY_STATE: the repeating per-token work
 * @LIR_PHASE_EPILOGUE: one-time work after the loop
 * @LIR_PHASE_NONE: no phase (buffer-only plans, or not given)
 *
 * The streaming phase a node runs in, as RLX assigns them.
 */
typedef enum {
  LIR_PHASE_PROLOGUE,
  LIR_PHASE_STEADY_STATE,
  LIR_PHASE_EPILOGUE,
  LIR_PHASE_NONE,
} LirPhase;

#define LIR_N_PHASES 3

LIR_AVAILABLE_IN_ALL
const char *lir_phase_to_string   (LirPhase phase);
LIR_AVAILABLE_IN_ALL
const char *lir_phase_get_label   (LirPhase phase);
LIR_AVAILABLE_IN_ALL
gboolean    lir_phase_from_string (const char *text,
                                   LirPhase   *out_phase);

G_END_DECLS
