/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-phases.c: RLX's derive_phases heuristic. */
#include "lir-analysis-private.h"

#include "ir/lir-graph-private.h"

/**
 * lir_graph_derive_phases:
 * @graph: a graph
 * @schedule: (array length=n_schedule): the execution order
 * @n_schedule: schedule length
 * @phases: (out caller-allocates) (array): one #LirPhase per node
 *
 * Inputs, params and constants are prologue; sample and top-k are
 * epilogue; any other node is epilogue when it comes after the last
 * sample/top-k, or (when the graph samples) after the last compute-heavy
 * op, or (when it does not) after the last compute-heavy op; everything
 * else is steady state. Steps are positions in @schedule, which for RLX's
 * graphs is their node order.
 */
void
lir_graph_derive_phases (const LirGraph *graph, const guint32 *schedule, guint n_schedule, guint8 *phases)
{
  gint64 last_compute = -1, last_sample = -1;

  for (guint step = 0; step < n_schedule; step++)
    {
      LirOpKind kind = lir_graph_node (graph, schedule[step])->kind;

      if (lir_op_kind_is_sampling (kind))
        last_sample = step;
      else if (lir_op_kind_is_compute (kind))
        last_compute = step;
    }

  for (guint step = 0; step < n_schedule; step++)
    {
      LirOpKind kind = lir_graph_node (graph, schedule[step])->kind;
      LirPhase phase = LIR_PHASE_STEADY_STATE;

      if (lir_op_kind_is_boundary (kind))
        phase = LIR_PHASE_PROLOGUE;
      else if (lir_op_kind_is_sampling (kind))
        phase = LIR_PHASE_EPILOGUE;
      else if (last_sample >= 0)
        {
          if ((gint64)step > last_sample || (last_compute >= 0 && (gint64)step > last_compute))
            phase = LIR_PHASE_EPILOGUE;
        }
      else if (last_compute >= 0 && (gint64)step > last_compute)
        phase = LIR_PHASE_EPILOGUE;
      phases[schedule[step]] = phase;
    }
}
