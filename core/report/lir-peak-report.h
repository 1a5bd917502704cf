/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-peak-report.h: "what fills the peak, and what sets the arena", as text and JSON. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "plan/lir-live-set.h"
#include "plan/lir-module.h"
#include "plan/lir-plan-index.h"

G_BEGIN_DECLS

/**
 * LirPeakReport:
 *
 * What fills the arena at one step and what sets its height, worded for
 * people and as JSON (`lirscope-cli peak`).
 */
typedef struct _LirPeakReport LirPeakReport;

#define LIR_TYPE_PEAK_REPORT (lir_peak_report_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_peak_report_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirPeakReport *lir_peak_report_new             (LirModule    *module,
                                                LirPlanIndex *index,
                                                guint32       step);
LIR_AVAILABLE_IN_ALL
LirPeakReport *lir_peak_report_ref             (LirPeakReport *report);
LIR_AVAILABLE_IN_ALL
void           lir_peak_report_unref           (LirPeakReport *report);
LIR_AVAILABLE_IN_ALL
LirLiveSet    *lir_peak_report_get_live_set    (const LirPeakReport *report);
LIR_AVAILABLE_IN_ALL
char          *lir_peak_report_to_text         (const LirPeakReport *report,
                                                guint                max_buffers);
LIR_AVAILABLE_IN_ALL
char          *lir_peak_report_to_json         (const LirPeakReport *report,
                                                guint                max_buffers);
LIR_AVAILABLE_IN_ALL
char          *lir_live_set_format_kind_totals (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
char          *lir_live_set_format_category_totals (const LirLiveSet *set);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPeakReport, lir_peak_report_unref)

G_END_DECLS
