/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-buffer-plan.h: the execution plan: arena slots, schedule, views, phases, I/O. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "ir/lir-graph.h"
#include "ir/lir-phase.h"

G_BEGIN_DECLS

/**
 * LirBufferSlot:
 * @offset: byte offset in the arena
 * @size: size in bytes
 *
 * Where a buffer lives in the arena. A view's slot lies inside its root's.
 */
typedef struct
{
  guint64 offset;
  guint64 size;
} LirBufferSlot;

#define LIR_TYPE_BUFFER_SLOT (lir_buffer_slot_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_buffer_slot_get_type (void) G_GNUC_CONST;

/**
 * LirViewAlias:
 * @root: the buffer-owning node the view reads
 * @byte_offset: where the view starts inside the root's slot
 *
 * A view alias: a node whose result reuses its root buffer's bytes at a
 * byte offset (reshape, same-dtype cast, axis-0 narrow) instead of owning
 * bytes of its own.
 */
typedef struct
{
  guint32 root;
  guint64 byte_offset;
} LirViewAlias;

#define LIR_TYPE_VIEW_ALIAS (lir_view_alias_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_view_alias_get_type (void) G_GNUC_CONST;

/**
 * LirLifetime:
 * @first_step: the step that produces the buffer
 * @last_step: the last step that reads it (inclusive, as in RLX)
 *
 * The schedule steps over which a buffer is live.
 */
typedef struct
{
  guint32 first_step;
  guint32 last_step;
} LirLifetime;

#define LIR_TYPE_LIFETIME (lir_lifetime_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_lifetime_get_type (void) G_GNUC_CONST;

/**
 * LirIoBinding:
 * @name: (transfer none): the input's or param's name
 * @node: its node
 *
 * One entry of a plan's I/O manifest: a named input or param and its node.
 */
typedef struct
{
  const char *name;
  guint32 node;
} LirIoBinding;

#define LIR_TYPE_IO_BINDING (lir_io_binding_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_io_binding_get_type (void) G_GNUC_CONST;

/**
 * LirBufferPlan:
 *
 * Everything the planner decided for one graph: the arena size, a slot
 * per allocated node (view nodes get a slot inside their root's), the
 * schedule, view aliases, a phase per node, the I/O manifest, the
 * alignment and the symbol bindings it was planned with.
 *
 * Arrays are indexed by node id. Buffer-only plans (MiniMalloc CSV) have
 * no schedule; their lifetimes are given rather than derived.
 */
typedef struct _LirBufferPlan LirBufferPlan;

#define LIR_TYPE_BUFFER_PLAN (lir_buffer_plan_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_buffer_plan_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirBufferPlan       *lir_buffer_plan_ref              (LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
void                 lir_buffer_plan_unref            (LirBufferPlan *plan);

LIR_AVAILABLE_IN_ALL
guint                lir_buffer_plan_get_n_nodes      (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
guint                lir_buffer_plan_get_n_steps      (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
guint64              lir_buffer_plan_get_arena_size   (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
guint64              lir_buffer_plan_get_alignment    (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
const char          *lir_buffer_plan_get_strategy     (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
gboolean             lir_buffer_plan_get_proven_optimal (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
double               lir_buffer_plan_get_plan_seconds (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
gboolean             lir_buffer_plan_get_stopped_early (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
const guint32       *lir_buffer_plan_get_schedule     (const LirBufferPlan *plan,
                                                       guint               *n_steps);
LIR_AVAILABLE_IN_ALL
guint32              lir_buffer_plan_get_step          (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
const LirBufferSlot *lir_buffer_plan_get_slot             (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
gboolean             lir_buffer_plan_is_view          (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
const LirViewAlias  *lir_buffer_plan_get_view_alias       (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
const LirLifetime   *lir_buffer_plan_get_lifetime         (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
gboolean             lir_buffer_plan_has_explicit_lifetimes (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
LirPhase             lir_buffer_plan_get_phase         (const LirBufferPlan *plan,
                                                       guint32              node);
LIR_AVAILABLE_IN_ALL
guint32             *lir_buffer_plan_get_nodes_in_phase   (const LirBufferPlan *plan,
                                                       LirPhase             phase,
                                                       guint               *n_nodes);
LIR_AVAILABLE_IN_ALL
guint64              lir_buffer_plan_get_total_unshared   (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
guint64              lir_buffer_plan_get_bytes_saved      (const LirBufferPlan *plan);

LIR_AVAILABLE_IN_ALL
const LirIoBinding  *lir_buffer_plan_get_io_inputs    (const LirBufferPlan *plan,
                                                       guint               *n_inputs);
LIR_AVAILABLE_IN_ALL
const LirIoBinding  *lir_buffer_plan_get_io_params    (const LirBufferPlan *plan,
                                                       guint               *n_params);
LIR_AVAILABLE_IN_ALL
const guint32       *lir_buffer_plan_get_io_outputs   (const LirBufferPlan *plan,
                                                       guint               *n_outputs);

LIR_AVAILABLE_IN_ALL
guint                lir_buffer_plan_get_n_bindings   (const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
const char          *lir_buffer_plan_get_binding      (const LirBufferPlan *plan,
                                                       guint                index,
                                                       guint64             *value);
LIR_AVAILABLE_IN_ALL
gboolean             lir_buffer_plan_get_allocates    (const LirBufferPlan *plan,
                                                       LirOpKind            boundary_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirBufferPlan, lir_buffer_plan_unref)

G_END_DECLS
