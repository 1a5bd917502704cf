/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-validate.h: the independent plan validator. */
#pragma once

#include "lir-module.h"

G_BEGIN_DECLS

typedef enum {
  LIR_VIOLATION_OUT_OF_ARENA,
  LIR_VIOLATION_MISALIGNED,
  LIR_VIOLATION_OVERLAP,
  LIR_VIOLATION_VIEW_OUTSIDE_ROOT,
  LIR_VIOLATION_VIEW_MISMATCH,
  LIR_VIOLATION_ARENA_SIZE,
  LIR_VIOLATION_SCHEDULE,
  LIR_VIOLATION_SIZE_MISMATCH,
  LIR_VIOLATION_MISSING_SLOT,
  LIR_VIOLATION_GRAPH,
} LirViolationKind;

/**
 * LirViolation:
 * @kind: what is wrong
 * @node: the node concerned, or %LIR_NO_NODE
 * @other: the second node of an overlap, or %LIR_NO_NODE
 * @message: a one-line explanation
 */
typedef struct
{
  LirViolationKind kind;
  guint32 node;
  guint32 other;
  char *message;
} LirViolation;

/* At most this many violations are listed; the count goes on. */
#define LIR_MAX_LISTED_VIOLATIONS 10000

gboolean   lir_module_validate (const LirModule *module,
                                GError         **error);
GPtrArray *lir_validate_module (const LirModule *module,
                                guint64         *n_violations);

G_END_DECLS
