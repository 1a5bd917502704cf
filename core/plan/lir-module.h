/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-module.h: a graph together with its plan, the unit files hold. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-buffer-plan.h"
#include "lir-plan-options.h"

G_BEGIN_DECLS

/**
 * LirModule:
 *
 * A graph and, once planned, its #LirBufferPlan. A module read from a
 * MiniMalloc CSV has a buffer-only graph: one opaque `buffer` node per
 * row, with lifetimes given in the plan.
 */
typedef struct _LirModule LirModule;

#define LIR_TYPE_MODULE (lir_module_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_module_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirModule     *lir_module_new          (LirGraph      *graph,
                                        LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
LirModule     *lir_module_ref          (LirModule *module);
LIR_AVAILABLE_IN_ALL
void           lir_module_unref        (LirModule *module);
LIR_AVAILABLE_IN_ALL
LirGraph      *lir_module_get_graph    (const LirModule *module);
LIR_AVAILABLE_IN_ALL
LirBufferPlan *lir_module_get_plan     (const LirModule *module);
LIR_AVAILABLE_IN_ALL
void           lir_module_set_plan     (LirModule     *module,
                                        LirBufferPlan *plan);
LIR_AVAILABLE_IN_ALL
gboolean       lir_module_is_buffer_only (const LirModule *module);
LIR_AVAILABLE_IN_ALL
const char    *lir_module_get_name     (const LirModule *module);
LIR_AVAILABLE_IN_ALL
gboolean       lir_module_needs_plan   (const LirModule      *module);
LIR_AVAILABLE_IN_ALL
gboolean       lir_module_ensure_plan  (LirModule            *module,
                                        const LirPlanOptions *options,
                                        GError              **error);
LIR_AVAILABLE_IN_ALL
LirModule     *lir_module_replan       (const LirModule      *module,
                                        const LirPlanOptions *options,
                                        GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirModule, lir_module_unref)

G_END_DECLS
