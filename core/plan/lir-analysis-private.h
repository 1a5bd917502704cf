/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-analysis-private.h: schedule, sizes, views, liveness and phases of a graph, as RLX defines them. */
#pragma once

#include "lir-buffer-plan.h"

G_BEGIN_DECLS

guint32  *lir_graph_compute_schedule    (const LirGraph *graph,
                                   guint          *n_schedule,
                                   GError        **error);
gboolean  lir_graph_is_topological (const LirGraph *graph,
                                       const guint32  *schedule,
                                       guint           n_schedule);
gboolean  lir_graph_compute_sizes       (const LirGraph *graph,
                                   const guint64  *symbol_values,
                                   guint64        *sizes,
                                   GError        **error);
guint     lir_graph_compute_sizes_partial (const LirGraph *graph,
                                     const guint64  *symbol_values,
                                     guint64        *sizes);
void      lir_graph_resolve_views       (const LirGraph *graph,
                                   const guint64  *symbol_values,
                                   LirViewAlias   *aliases);
void      lir_graph_compute_liveness    (const LirGraph     *graph,
                                   const guint32      *schedule,
                                   guint               n_schedule,
                                   const LirViewAlias *aliases,
                                   LirLifetime        *lifetimes);
void      lir_graph_derive_phases       (const LirGraph *graph,
                                   const guint32  *schedule,
                                   guint           n_schedule,
                                   guint8         *phases);

G_END_DECLS
