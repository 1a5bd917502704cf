/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-diff-report.h: a plan diff as a readable report or one JSON object. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "plan/lir-diff.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
char *lir_buffer_change_describe (const LirBufferChange *change);

LIR_AVAILABLE_IN_ALL
char *lir_plan_diff_to_text (const LirPlanDiff *diff,
                            const char        *label_a,
                            const char        *label_b,
                            guint              max_changes);
LIR_AVAILABLE_IN_ALL
char *lir_plan_diff_to_json (const LirPlanDiff *diff,
                            const char        *label_a,
                            const char        *label_b);

G_END_DECLS
