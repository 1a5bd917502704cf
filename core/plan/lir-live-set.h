/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-live-set.h: what fills the arena at a step. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-buffer-kind.h"
#include "lir-module.h"
#include "lir-plan-index.h"

G_BEGIN_DECLS

/**
 * LirLiveEntry:
 * @node: a buffer that owns bytes and is live at the step
 * @bytes: its size
 * @offset: its offset
 * @first_step: the step that produces it
 * @last_step: the last step that reads it (inclusive)
 * @kind: what it holds
 * @share: @bytes over the live bytes at the step
 * @n_views: how many of its views are live at the step
 *
 * One buffer that is live at a step, as #LirLiveSet lists it.
 */
typedef struct
{
  guint32 node;
  guint64 bytes;
  guint64 offset;
  guint32 first_step;
  guint32 last_step;
  LirBufferKind kind;
  double share;
  guint n_views;
} LirLiveEntry;

#define LIR_TYPE_LIVE_ENTRY (lir_live_entry_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_live_entry_get_type (void) G_GNUC_CONST;

/**
 * LirLiveOpTotal:
 * @op: an op name
 * @bytes: the live bytes of buffers that op produced
 *
 * The live bytes at a step that one op produced.
 */
typedef struct
{
  const char *op;
  guint64 bytes;
} LirLiveOpTotal;

#define LIR_TYPE_LIVE_OP_TOTAL (lir_live_op_total_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_live_op_total_get_type (void) G_GNUC_CONST;

/**
 * LirLiveSet:
 *
 * What fills the arena at one schedule step: every live buffer (views
 * listed under their roots and not counted again), with totals by kind
 * and by op. At the peak step, it says what sets the lower bound.
 */
typedef struct _LirLiveSet LirLiveSet;

#define LIR_TYPE_LIVE_SET (lir_live_set_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_live_set_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirLiveSet         *lir_live_set_new             (LirModule          *module,
                                                  const LirPlanIndex *index,
                                                  guint32             step);
LIR_AVAILABLE_IN_ALL
LirLiveSet *lir_live_set_ref (LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
void                lir_live_set_unref            (LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
guint32             lir_live_set_get_step        (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
guint64             lir_live_set_get_live_bytes  (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
guint               lir_live_set_get_n_entries   (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
const LirLiveEntry *lir_live_set_get_entry       (const LirLiveSet *set,
                                                  guint             index);
LIR_AVAILABLE_IN_ALL
const guint32      *lir_live_set_get_views       (const LirLiveSet *set,
                                                  guint             index,
                                                  guint            *n_views);
LIR_AVAILABLE_IN_ALL
guint64             lir_live_set_get_kind_bytes  (const LirLiveSet *set,
                                                  LirBufferKind     kind);
LIR_AVAILABLE_IN_ALL
guint64              lir_live_set_get_category_bytes (const LirLiveSet *set,
                                                      LirCategory       category);
LIR_AVAILABLE_IN_ALL
guint64              lir_live_set_get_saved_bytes    (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
guint               lir_live_set_get_n_ops       (const LirLiveSet *set);
LIR_AVAILABLE_IN_ALL
const LirLiveOpTotal *lir_live_set_get_op        (const LirLiveSet *set,
                                                  guint             index);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirLiveSet, lir_live_set_unref)

G_END_DECLS
