/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-diff.h: what changed between two plans, and why the arena grew. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-module.h"
#include "lir-plan-stats.h"

G_BEGIN_DECLS

/**
 * LirChangeFlags:
 * @LIR_CHANGE_ADDED: the node is only in B
 * @LIR_CHANGE_REMOVED: the node is only in A
 * @LIR_CHANGE_SIZE: its slot's size changed
 * @LIR_CHANGE_LIFETIME: its first or last step changed
 * @LIR_CHANGE_OFFSET: its slot moved in the arena
 * @LIR_CHANGE_PHASE: its phase changed
 * @LIR_CHANGE_BECAME_VIEW: a buffer in A, a view in B
 * @LIR_CHANGE_STOPPED_VIEW: a view in A, a buffer in B
 * @LIR_CHANGE_ENTERED_ARENA: no slot in A, a slot in B
 * @LIR_CHANGE_LEFT_ARENA: a slot in A, none in B
 * @LIR_CHANGE_STEP: it runs at another schedule step
 *
 * What changed about a node's buffer between two plans.
 */
typedef enum {
  LIR_CHANGE_ADDED = 1 << 0,
  LIR_CHANGE_REMOVED = 1 << 1,
  LIR_CHANGE_SIZE = 1 << 2,
  LIR_CHANGE_LIFETIME = 1 << 3,
  LIR_CHANGE_OFFSET = 1 << 4,
  LIR_CHANGE_PHASE = 1 << 5,
  LIR_CHANGE_BECAME_VIEW = 1 << 6,
  LIR_CHANGE_STOPPED_VIEW = 1 << 7,
  LIR_CHANGE_ENTERED_ARENA = 1 << 8,
  LIR_CHANGE_LEFT_ARENA = 1 << 9,
  LIR_CHANGE_STEP = 1 << 10,
} LirChangeFlags;

#define LIR_N_CHANGE_KINDS 11

/**
 * LirBufferChange:
 * @name: (transfer none): the node's label (name, or `%id`)
 * @node_a: the node in A, or %LIR_NO_NODE
 * @node_b: the node in B, or %LIR_NO_NODE
 * @flags: #LirChangeFlags
 * @bytes: how much it matters: the size that appeared, vanished or moved,
 *   or the size change; the list is sorted by it, largest first
 *
 * How one node's buffer differs between the two plans of a #LirPlanDiff.
 */
typedef struct
{
  const char *name;
  guint32 node_a;
  guint32 node_b;
  guint flags;
  guint64 bytes;
  /* in A, then in B; zeros where the node or its slot is absent */
  guint64 size_a, size_b;
  guint64 offset_a, offset_b;
  guint32 first_a, last_a, first_b, last_b;
  LirPhase phase_a, phase_b;
} LirBufferChange;

#define LIR_TYPE_BUFFER_CHANGE (lir_buffer_change_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_buffer_change_get_type (void) G_GNUC_CONST;

/**
 * LirPeakEntry:
 * @name: (transfer none): the buffer's label in B
 * @node_b: the buffer in B
 * @bytes: its bytes at B's peak beyond what it had at A's peak
 * @offset: its offset in B
 * @size: its size in B
 *
 * A buffer that grew B's peak, as #LirPlanDiff explains it.
 */
typedef struct
{
  const char *name;
  guint32 node_b;
  guint64 bytes;
  guint64 offset;
  guint64 size;
} LirPeakEntry;

#define LIR_TYPE_PEAK_ENTRY (lir_peak_entry_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_peak_entry_get_type (void) G_GNUC_CONST;

/**
 * LirPlanDiff:
 *
 * What changed from a baseline plan A to a plan B: every buffer added,
 * removed, resized, moved or retimed, largest first, the two plans'
 * statistics, and which buffers make B's peak and arena larger than A's.
 * It answers "why did the arena grow?".
 */
typedef struct _LirPlanDiff LirPlanDiff;

#define LIR_TYPE_PLAN_DIFF (lir_plan_diff_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_plan_diff_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirPlanDiff           *lir_plan_diff_new             (LirModule *a,
                                                       LirModule *b);
LIR_AVAILABLE_IN_ALL
LirPlanDiff           *lir_plan_diff_ref             (LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
void                   lir_plan_diff_unref            (LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
LirModule             *lir_plan_diff_get_a           (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
LirModule             *lir_plan_diff_get_b           (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
gboolean               lir_plan_diff_get_matched_by_name (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
gboolean               lir_plan_diff_get_same_graph      (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
const LirPlanStats    *lir_plan_diff_get_stats       (const LirPlanDiff *diff,
                                                       gboolean           b);
LIR_AVAILABLE_IN_ALL
guint                  lir_plan_diff_get_n_changes   (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
const LirBufferChange *lir_plan_diff_get_change      (const LirPlanDiff *diff,
                                                       guint              index);
LIR_AVAILABLE_IN_ALL
const LirBufferChange *lir_plan_diff_find_change_for_b          (const LirPlanDiff *diff,
                                                       guint32            node_b);
LIR_AVAILABLE_IN_ALL
guint                  lir_plan_diff_count_changes           (const LirPlanDiff *diff,
                                                       LirChangeFlags     flag);
LIR_AVAILABLE_IN_ALL
guint                  lir_plan_diff_get_n_peak_entries (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
const LirPeakEntry    *lir_plan_diff_get_peak_entry  (const LirPlanDiff *diff,
                                                       guint              index);
LIR_AVAILABLE_IN_ALL
guint                  lir_plan_diff_get_n_top_entries (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
const LirPeakEntry    *lir_plan_diff_get_top_entry   (const LirPlanDiff *diff,
                                                       guint              index);
LIR_AVAILABLE_IN_ALL
gboolean               lir_plan_diff_is_empty        (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
double                 lir_plan_diff_get_arena_growth    (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
double                 lir_plan_diff_get_efficiency_drop (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
guint                  lir_plan_diff_get_n_moved_steps (const LirPlanDiff *diff);
LIR_AVAILABLE_IN_ALL
const char            *lir_change_flags_to_string     (LirChangeFlags flag);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPlanDiff, lir_plan_diff_unref)

G_END_DECLS
