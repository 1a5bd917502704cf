/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-columns.c: the timeline's x axis. Steps whose node runs
 * nothing (inputs, params, constants) take no column by default, so that a
 * model whose params are most of its steps is drawn by the steps that run;
 * the map between steps and drawn columns lives here. Step numbers stay
 * schedule steps everywhere else: viewports, tooltips, the CLI. */
#include "lir-render-private.h"

#include "ir/lir-graph-private.h"

#include <math.h>

struct _LirColumnMap
{
  guint n_steps;
  guint n_columns;
  double *column_of; /* n_steps + 1: the column where each step starts */
  guint32 *step_of;  /* n_columns: the step drawn in each column */
};

/* The map for @r, or NULL when every step runs (the identity). */
LirColumnMap *
lir_column_map_new (const LirRenderer *r)
{
  LirColumnMap *map;
  guint n_collapsed = 0, column = 0;

  for (guint s = 0; s < r->n_step_nodes; s++)
    n_collapsed += lir_op_kind_is_boundary (lir_graph_node (r->graph, r->step_node[s])->kind);
  if (n_collapsed == 0)
    return NULL;
  map = g_new0 (LirColumnMap, 1);
  map->n_steps = r->n_steps;
  map->n_columns = r->n_steps - n_collapsed;
  map->column_of = g_new (double, r->n_steps + 1);
  map->step_of = g_new (guint32, map->n_columns + 1);
  for (guint s = 0; s < r->n_steps; s++)
    {
      gboolean runs =
        s >= r->n_step_nodes || !lir_op_kind_is_boundary (lir_graph_node (r->graph, r->step_node[s])->kind);

      map->column_of[s] = column;
      if (runs)
        map->step_of[column++] = s;
    }
  map->column_of[r->n_steps] = column;
  return map;
}

void
lir_column_map_free (LirColumnMap *map)
{
  if (map == NULL)
    return;
  g_free (map->column_of);
  g_free (map->step_of);
  g_free (map);
}

/**
 * lir_render_layout_column_of_step:
 * @layout: a layout
 * @step: a step (fractional: 2.5 is the middle of step 2)
 *
 * Where @step lands on the drawing's x axis, in columns: the step itself
 * when every step has a column (#LirRenderOptions.all_steps), else the
 * running steps before it. A step that runs nothing has no width.
 *
 * Returns: the column
 */
double
lir_render_layout_column_of_step (const LirRenderLayout *layout, double step)
{
  g_return_val_if_fail (layout != NULL, 0);

  const LirColumnMap *map = layout->columns;
  double whole;
  guint s;

  if (map == NULL || !(step > 0))
    return step;
  if (step >= map->n_steps)
    return map->n_columns + (step - map->n_steps);
  whole = floor (step);
  s = (guint)whole;
  return map->column_of[s] + (map->column_of[s + 1] > map->column_of[s] ? step - whole : 0);
}

/**
 * lir_render_layout_step_of_column:
 * @layout: a layout
 * @column: a column of the x axis
 *
 * The inverse of lir_render_layout_column_of_step(): the (fractional) step
 * drawn at @column.
 *
 * Returns: the step
 */
double
lir_render_layout_step_of_column (const LirRenderLayout *layout, double column)
{
  g_return_val_if_fail (layout != NULL, 0);

  const LirColumnMap *map = layout->columns;
  double whole;

  if (map == NULL || column <= 0)
    return column;
  if (column >= map->n_columns)
    return map->n_steps + (column - map->n_columns);
  whole = floor (column);
  return map->step_of[(guint)whole] + (column - whole);
}
