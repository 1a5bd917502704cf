/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-validate.h: the independent plan validator. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"

G_BEGIN_DECLS

/**
 * LirViolationKind:
 * @LIR_VIOLATION_OUT_OF_ARENA: a slot ends beyond the arena
 * @LIR_VIOLATION_MISALIGNED: an owning slot's offset is not a multiple of
 *   the alignment
 * @LIR_VIOLATION_OVERLAP: two buffers live at the same step share bytes
 * @LIR_VIOLATION_VIEW_OUTSIDE_ROOT: a view is not inside its root's slot,
 *   or its root has none
 * @LIR_VIOLATION_VIEW_MISMATCH: the plan's view aliases do not match the
 *   graph's view ops
 * @LIR_VIOLATION_ARENA_SIZE: the arena size is not the highest end of a slot
 * @LIR_VIOLATION_SCHEDULE: the schedule is not a topological order of every
 *   node
 * @LIR_VIOLATION_SIZE_MISMATCH: a slot's size is not the node's, or the
 *   size needs a symbol the plan does not bind
 * @LIR_VIOLATION_MISSING_SLOT: a buffer that needs arena bytes has no slot
 * @LIR_VIOLATION_GRAPH: the graph itself is invalid
 *
 * The kinds of fault the independent validator finds in a plan.
 */
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
 *
 * One way in which a plan is wrong, as the validator found it.
 */
typedef struct
{
  LirViolationKind kind;
  guint32 node;
  guint32 other;
  char *message;
} LirViolation;

#define LIR_TYPE_VIOLATION (lir_violation_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_violation_get_type (void) G_GNUC_CONST;

/* At most this many violations are listed; the count goes on. */
#define LIR_MAX_LISTED_VIOLATIONS 10000

LIR_AVAILABLE_IN_ALL
gboolean   lir_module_validate (const LirModule *module,
                                GError         **error);
LIR_AVAILABLE_IN_ALL
GPtrArray *lir_module_list_violations (const LirModule *module,
                                guint64         *n_violations);

G_END_DECLS
