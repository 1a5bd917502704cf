/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-types.h: GTypes of the public types, for GObject Introspection and
 * language bindings (the C API does not need them). */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib-object.h>

#include "plan/lir-diff.h"
#include "plan/lir-module.h"
#include "plan/lir-plan-options.h"
#include "plan/lir-plan-stats.h"
#include "render/lir-render.h"

G_BEGIN_DECLS

#define LIR_TYPE_MODULE (lir_module_get_type ())
#define LIR_TYPE_GRAPH (lir_graph_get_type ())
#define LIR_TYPE_BUFFER_PLAN (lir_buffer_plan_get_type ())
#define LIR_TYPE_PLAN_OPTIONS (lir_plan_options_get_type ())
#define LIR_TYPE_PLAN_STATS (lir_plan_stats_get_type ())
#define LIR_TYPE_PLAN_DIFF (lir_plan_diff_get_type ())
#define LIR_TYPE_RENDERER (lir_renderer_get_type ())
#define LIR_TYPE_VIEWPORT (lir_viewport_get_type ())

LIR_AVAILABLE_IN_ALL
GType         lir_module_get_type       (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_graph_get_type        (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_buffer_plan_get_type  (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_plan_options_get_type (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_plan_stats_get_type   (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_plan_diff_get_type    (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_renderer_get_type     (void) G_GNUC_CONST;
LIR_AVAILABLE_IN_ALL
GType         lir_viewport_get_type     (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirPlanStats *lir_plan_stats_copy       (const LirPlanStats *stats);
LIR_AVAILABLE_IN_ALL
void          lir_plan_stats_free       (LirPlanStats *stats);
LIR_AVAILABLE_IN_ALL
LirViewport  *lir_viewport_copy         (const LirViewport *viewport);
LIR_AVAILABLE_IN_ALL
void          lir_viewport_free         (LirViewport *viewport);

G_END_DECLS
