/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-stats-report.h: a plan's figures, worded once for the CLI, the app and the exports. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "plan/lir-module.h"
#include "plan/lir-plan-options.h"
#include "plan/lir-plan-stats.h"

G_BEGIN_DECLS

/**
 * LirStat:
 *
 * The rows of a statistics report, in the order they are shown.
 */
typedef enum {
  LIR_STAT_VALIDITY,
  LIR_STAT_ARENA_SIZE,
  LIR_STAT_ALIGNED_LOWER_BOUND,
  LIR_STAT_EFFICIENCY,
  LIR_STAT_LOWER_BOUND,
  LIR_STAT_SAVED_BY_SHARING,
  LIR_STAT_SAVED_BY_VIEWS,
  LIR_STAT_TOTAL_UNSHARED,
  LIR_STAT_BYTES_SAVED,
  LIR_STAT_PEAK,
  LIR_STAT_BUFFERS,
  LIR_STAT_STRATEGY,
  LIR_STAT_ALIGNMENT,
  LIR_STAT_SYMBOLS,
  LIR_STAT_DYNAMIC,
  LIR_STAT_AT_BINDING,
  LIR_STAT_FINGERPRINT,
  LIR_STAT_GRAPH_FINGERPRINT,
  LIR_STAT_RLX_FINGERPRINT,
  LIR_N_STATS /*< skip >*/
} LirStat;

/**
 * LirStatsReport:
 *
 * A plan's statistics as `lirscope-cli stats` prints them: validity (with
 * the violations), the figures of #LirPlanStats, the peak step's node, RLX's
 * own figures, both fingerprints and RLX's cache key (for a module read from
 * RLX's LIR JSON), each with its title, as text or JSON.
 * The app's Summary page and the export header show the same rows.
 */
typedef struct _LirStatsReport LirStatsReport;

#define LIR_TYPE_STATS_REPORT (lir_stats_report_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_stats_report_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
const char         *lir_stat_get_title             (LirStat stat);
LIR_AVAILABLE_IN_ALL
LirStatsReport     *lir_stats_report_new           (LirModule *module);
LIR_AVAILABLE_IN_ALL
LirStatsReport *lir_stats_report_ref (LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
void                lir_stats_report_unref          (LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
const LirPlanStats *lir_stats_report_get_stats     (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
const char         *lir_stats_report_get_value     (const LirStatsReport *report,
                                                    LirStat               stat);
LIR_AVAILABLE_IN_ALL
guint32             lir_stats_report_get_peak_node (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
gboolean            lir_stats_report_is_valid      (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
guint64             lir_stats_report_get_n_violations (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
const GPtrArray    *lir_stats_report_get_violations (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
const guint32      *lir_stats_report_get_flagged   (const LirStatsReport *report,
                                                    guint                *n_nodes);
LIR_AVAILABLE_IN_ALL
gboolean            lir_stats_report_measure_binding (LirStatsReport       *report,
                                                      const LirPlanOptions *binding,
                                                      GError              **error);
LIR_AVAILABLE_IN_ALL
void                lir_stats_report_forget_binding  (LirStatsReport       *report);
LIR_AVAILABLE_IN_ALL
char               *lir_stats_report_to_text       (const LirStatsReport *report);
LIR_AVAILABLE_IN_ALL
char               *lir_stats_report_to_json       (const LirStatsReport *report,
                                                    double                plan_seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirStatsReport, lir_stats_report_unref)

G_END_DECLS
