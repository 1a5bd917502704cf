/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-order-report.h: the order search's answer, worded for people and as JSON. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "plan/lir-reorder.h"

G_BEGIN_DECLS

LIR_AVAILABLE_IN_ALL
char  *lir_order_report_get_verdict (const LirOrderReport *report);
LIR_AVAILABLE_IN_ALL
char **lir_order_report_list_moves  (const LirOrderReport *report,
                                     guint                 max_moves);
LIR_AVAILABLE_IN_ALL
char  *lir_order_report_to_text     (const LirOrderReport *report,
                                     LirModule            *given_placed);
LIR_AVAILABLE_IN_ALL
char  *lir_order_report_to_json     (const LirOrderReport *report,
                                     LirModule            *given_placed);

G_END_DECLS
