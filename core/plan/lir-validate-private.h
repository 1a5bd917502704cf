/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-validate-private.h: what the validator's parts share. */
#pragma once

#include "lir-validate.h"
#include "lir-buffer-plan-private.h"

G_BEGIN_DECLS

/* The violations found so far: all counted, the first
 * LIR_MAX_LISTED_VIOLATIONS worded. */
typedef struct
{
  GPtrArray *list;
  guint64 count;
} Report;

G_GNUC_PRINTF (5, 6)
void lir_violation_report_add (Report          *r,
                               LirViolationKind kind,
                               guint32          node,
                               guint32          other,
                               const char      *format,
                               ...);

void lir_validate_overlaps    (const LirBufferPlan *plan,
                               const LirGraph      *graph,
                               const LirLifetime   *lifetimes,
                               Report              *r);

G_END_DECLS
