/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-buffer-plan-private.h: plan storage, filled by the planner and the readers. */
#pragma once

#include "alloc/lir-live-profile-private.h"
#include "lir-buffer-plan.h"

G_BEGIN_DECLS

enum {
  LIR_SLOT_NONE = 0,
  LIR_SLOT_ALLOCATED = 1 << 0, /* owns bytes in the arena */
  LIR_SLOT_VIEW = 1 << 1,      /* borrows its root's bytes */
};

struct _LirBufferPlan
{
  gint ref_count;
  LirGraph *graph;   /* the graph the plan was made for (a reference) */
  guint n_nodes;
  guint n_steps;     /* length of the time axis: schedule length + 1 for graphs */
  guint64 arena_size;
  guint64 alignment;
  char *strategy;
  gboolean proven_optimal;
  gboolean stopped_early;
  double plan_seconds;
  gboolean explicit_lifetimes;
  gboolean unplaced;  /* lifetimes known, no offsets yet (a CSV without offsets) */
  gboolean allocate_params;
  gboolean allocate_inputs;
  gboolean allocate_constants;

  GArray *schedule;       /* guint32 node ids */
  guint32 *step_of;       /* n_nodes; G_MAXUINT32 when not scheduled */
  guint8 *slot_flags;     /* n_nodes */
  LirBufferSlot *slots;   /* n_nodes */
  LirViewAlias *aliases;  /* n_nodes; root LIR_NO_NODE when not a view */
  LirLifetime *lifetimes; /* n_nodes */
  guint8 *phases;         /* n_nodes, LirPhase */

  GArray *io_inputs;      /* LirIoBinding, names interned in the graph */
  GArray *io_params;      /* LirIoBinding */
  GArray *io_outputs;     /* guint32 */

  GPtrArray *binding_names; /* owned strings */
  GArray *binding_values;   /* guint64 */
};

LirBufferPlan *lir_buffer_plan_new           (LirGraph *graph,
                                              guint     n_nodes);
void           lir_buffer_plan_set_strategy  (LirBufferPlan *plan,
                                              const char    *strategy);
void           lir_buffer_plan_set_schedule  (LirBufferPlan *plan,
                                              const guint32 *schedule,
                                              guint          n_schedule);
void           lir_buffer_plan_add_binding   (LirBufferPlan *plan,
                                              const char    *name,
                                              guint64        value);
void           lir_buffer_plan_update_arena  (LirBufferPlan *plan);
guint64       *lir_buffer_plan_symbol_values (const LirBufferPlan *plan,
                                              const LirGraph      *graph);
void           lir_buffer_plan_collect_io    (LirBufferPlan  *plan,
                                              const LirGraph *graph);
LirLiveProfile *lir_live_profile_new         (const LirBufferPlan *plan);

/* lir-planner.c: a buffer list placed again, its lifetimes kept. */
typedef struct _LirPlanOptions LirPlanOptions;
guint64       *lir_plan_options_resolve_symbols (const LirPlanOptions *options,
                                                const LirGraph       *graph,
                                                GError              **error);
LirBufferPlan *lir_buffer_plan_replan_buffers (const LirGraph       *graph,
                                               const LirBufferPlan  *given,
                                               const LirPlanOptions *options,
                                               GError              **error);

G_END_DECLS
