/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-types.c: boxed GTypes. Reference-counted types box by reference;
 * plain structs by copy. */
#include "lir-types.h"

/* G_DEFINE_BOXED_TYPE without its transparent union, which -Wpedantic refuses. */
#define LIR_DEFINE_BOXED_TYPE(TypeName, type_name, copy, free)                                   \
  GType type_name##_get_type (void)                                                             \
  {                                                                                             \
    static gsize type = 0;                                                                      \
                                                                                                \
    if (g_once_init_enter (&type))                                                              \
      g_once_init_leave (&type, g_boxed_type_register_static (g_intern_static_string (#TypeName), \
                                                              (GBoxedCopyFunc)(void (*) (void))copy, \
                                                              (GBoxedFreeFunc)(void (*) (void))free)); \
    return type;                                                                                \
  }

LIR_DEFINE_BOXED_TYPE (LirModule, lir_module, lir_module_ref, lir_module_unref)
LIR_DEFINE_BOXED_TYPE (LirGraph, lir_graph, lir_graph_ref, lir_graph_unref)
LIR_DEFINE_BOXED_TYPE (LirBufferPlan, lir_buffer_plan, lir_buffer_plan_ref, lir_buffer_plan_unref)
LIR_DEFINE_BOXED_TYPE (LirPlanOptions, lir_plan_options, lir_plan_options_copy, lir_plan_options_free)
LIR_DEFINE_BOXED_TYPE (LirPlanStats, lir_plan_stats, lir_plan_stats_copy, lir_plan_stats_free)
LIR_DEFINE_BOXED_TYPE (LirPlanDiff, lir_plan_diff, lir_plan_diff_ref, lir_plan_diff_unref)
LIR_DEFINE_BOXED_TYPE (LirRenderer, lir_renderer, lir_renderer_ref, lir_renderer_unref)
LIR_DEFINE_BOXED_TYPE (LirViewport, lir_viewport, lir_viewport_copy, lir_viewport_free)

/**
 * lir_plan_stats_copy:
 * @stats: statistics
 *
 * Returns: (transfer full): a copy, for lir_plan_stats_free ()
 */
LirPlanStats *
lir_plan_stats_copy (const LirPlanStats *stats)
{
  return g_memdup2 (stats, sizeof *stats);
}

void
lir_plan_stats_free (LirPlanStats *stats)
{
  g_free (stats);
}

/**
 * lir_viewport_copy:
 * @viewport: a viewport
 *
 * Returns: (transfer full): a copy, for lir_viewport_free ()
 */
LirViewport *
lir_viewport_copy (const LirViewport *viewport)
{
  return g_memdup2 (viewport, sizeof *viewport);
}

void
lir_viewport_free (LirViewport *viewport)
{
  g_free (viewport);
}
