/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-plan-options.h: what a caller may choose when planning. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "ir/lir-graph.h"
#include "lir-buffer-plan.h"
#include "alloc/lir-strategy.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * LirPlanOptions:
 *
 * How lir_module_replan() plans: the strategy, the alignment, values for
 * the graph's symbols, which boundary buffers get arena bytes, and the
 * search's effort, time limit, capacity and cancellable.
 */
typedef struct _LirPlanOptions LirPlanOptions;

#define LIR_TYPE_PLAN_OPTIONS (lir_plan_options_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_plan_options_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirPlanOptions *lir_plan_options_new            (void);
LIR_AVAILABLE_IN_ALL
LirPlanOptions *lir_plan_options_copy           (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_free           (LirPlanOptions *options);

LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_strategy   (LirPlanOptions *options,
                                                 const char     *strategy);
LIR_AVAILABLE_IN_ALL
const char     *lir_plan_options_get_strategy   (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_alignment  (LirPlanOptions *options,
                                                 guint64         alignment);
LIR_AVAILABLE_IN_ALL
guint64         lir_plan_options_get_alignment  (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_allocate   (LirPlanOptions *options,
                                                 LirOpKind       boundary_kind,
                                                 gboolean        allocate);
LIR_AVAILABLE_IN_ALL
gboolean        lir_plan_options_get_allocate   (const LirPlanOptions *options,
                                                 LirOpKind             boundary_kind);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_bind           (LirPlanOptions *options,
                                                 const char     *symbol,
                                                 guint64         value);
LIR_AVAILABLE_IN_ALL
gboolean        lir_plan_options_parse_binding  (LirPlanOptions *options,
                                                 const char     *text,
                                                 GError        **error);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_capacity   (LirPlanOptions *options,
                                                 guint64         capacity);
LIR_AVAILABLE_IN_ALL
guint64         lir_plan_options_get_capacity   (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_effort     (LirPlanOptions *options,
                                                 guint64         effort);
LIR_AVAILABLE_IN_ALL
guint64         lir_plan_options_get_effort     (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_time_limit (LirPlanOptions *options,
                                                 double          seconds);
LIR_AVAILABLE_IN_ALL
double          lir_plan_options_get_time_limit (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_cancellable (LirPlanOptions *options,
                                                  GCancellable   *cancellable);
LIR_AVAILABLE_IN_ALL
GCancellable   *lir_plan_options_get_cancellable (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_stop       (LirPlanOptions *options,
                                                 GCancellable   *stop);
LIR_AVAILABLE_IN_ALL
GCancellable   *lir_plan_options_get_stop       (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_progress   (LirPlanOptions *options,
                                                 LirProgressFunc progress,
                                                 gpointer        user_data);
LIR_AVAILABLE_IN_ALL
LirProgressFunc lir_plan_options_get_progress   (const LirPlanOptions *options,
                                                 gpointer             *user_data);
LIR_AVAILABLE_IN_ALL
gboolean        lir_plan_options_changes_plan   (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_inherit        (LirPlanOptions      *options,
                                                 const LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_keep_dynamic (LirPlanOptions *options,
                                                   gboolean        keep_dynamic);
LIR_AVAILABLE_IN_ALL
gboolean        lir_plan_options_get_keep_dynamic (const LirPlanOptions *options);
LIR_AVAILABLE_IN_ALL
void            lir_plan_options_set_schedule   (LirPlanOptions *options,
                                                 const guint32  *schedule,
                                                 guint           n_schedule);
LIR_AVAILABLE_IN_ALL
const guint32  *lir_plan_options_get_schedule   (const LirPlanOptions *options,
                                                 guint                *n_schedule);
LIR_AVAILABLE_IN_ALL
gboolean        lir_plan_options_get_binding    (const LirPlanOptions *options,
                                                 const char           *symbol,
                                                 guint64              *value);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirPlanOptions, lir_plan_options_free)

G_END_DECLS
