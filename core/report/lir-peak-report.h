/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-peak-report.h: "what fills the peak, and what sets the arena", as text and JSON. */
#pragma once

#include "plan/lir-module.h"
#include "plan/lir-live-set.h"
#include "plan/lir-plan-index.h"

G_BEGIN_DECLS

char *lir_peak_report_kind_totals (const LirLiveSet *set);
char *lir_peak_report_text (LirModule          *module,
                            const LirPlanIndex *index,
                            guint32             step,
                            guint               max_buffers);
char *lir_peak_report_json (LirModule          *module,
                            const LirPlanIndex *index,
                            guint32             step,
                            guint               max_buffers);

G_END_DECLS
