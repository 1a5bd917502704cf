/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-diff-report.h: a plan diff as a readable report or one JSON object. */
#pragma once

#include "plan/lir-diff.h"

G_BEGIN_DECLS

char *lir_diff_describe_change (const LirBufferChange *change);

char *lir_diff_report_text (const LirPlanDiff *diff,
                            const char        *label_a,
                            const char        *label_b,
                            guint              max_changes);
char *lir_diff_report_json (const LirPlanDiff *diff,
                            const char        *label_a,
                            const char        *label_b);

G_END_DECLS
