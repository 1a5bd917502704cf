/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-reorder.h: whether another execution order lowers the peak, with a proof when none does. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"
#include "lir-plan-options.h"

G_BEGIN_DECLS

/**
 * LirOrderProof:
 * @LIR_ORDER_PROOF_NONE: nothing proved: the search ran out of budget
 * @LIR_ORDER_PROOF_FLOOR: the best order's peak equals the floor: at one
 *   node, any order holds that many bytes
 * @LIR_ORDER_PROOF_SEARCH: the search went through every order it could
 *   not rule out
 *
 * Why the best order found is the best there is, if it is known.
 */
typedef enum {
  LIR_ORDER_PROOF_NONE,
  LIR_ORDER_PROOF_FLOOR,
  LIR_ORDER_PROOF_SEARCH,
} LirOrderProof;

/**
 * LirOrderReport:
 *
 * What lir_module_find_order () found: the peak of the module's own order,
 * the lowest peak any order allows as far as it is known (the floor, and
 * the node where it binds), the best order found with its module, and the
 * proof that it is the best, if there is one. Reference-counted.
 */
typedef struct _LirOrderReport LirOrderReport;

#define LIR_TYPE_ORDER_REPORT (lir_order_report_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_order_report_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirOrderReport *lir_module_find_order           (LirModule            *module,
                                                 const LirPlanOptions *options,
                                                 guint64               budget,
                                                 GError              **error);
LIR_AVAILABLE_IN_ALL
LirOrderReport *lir_order_report_ref            (LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
void            lir_order_report_unref          (LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
guint64         lir_order_report_get_given_peak (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
guint64         lir_order_report_get_best_peak  (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
guint64         lir_order_report_get_floor      (const LirOrderReport *report,
                                                 guint32              *node);
LIR_AVAILABLE_IN_ALL
LirOrderProof   lir_order_report_get_proof      (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
const char     *lir_order_report_get_method     (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
guint64         lir_order_report_get_n_states   (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
gboolean        lir_order_report_get_stopped    (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
LirModule      *lir_order_report_get_module     (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
const guint32  *lir_order_report_get_given_order (const LirOrderReport *report,
                                                  guint                *n_nodes);
LIR_AVAILABLE_IN_ALL
const guint32  *lir_order_report_get_best_order (const LirOrderReport *report,
                                                 guint                *n_nodes);
LIR_AVAILABLE_IN_ALL
LirModule      *lir_order_report_get_best       (const LirOrderReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirOrderReport, lir_order_report_unref)

G_END_DECLS
