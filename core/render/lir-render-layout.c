/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-layout.c: where the header, strip, bands and plot go, and the scales between steps, bytes and
 * pixels. */
#include "lir-render-private.h"

#include <math.h>

static double
header_height (const LirRenderer *r, const LirRenderOptions *o)
{
  /* title, two lines of figures, fingerprints, legend */
  return o->header ? MARGIN + 5 * LINE + 4 : 0;
}

/**
 * lir_renderer_compute_layout:
 * @renderer: a renderer
 * @width: width in pixels
 * @height: height in pixels
 * @options: what is drawn
 * @layout: (out caller-allocates): the layout
 *
 * Lays the drawing out for a size: where the header, the live-bytes strip,
 * the phase band, the dynamic band and the plot go. The app maps pointer
 * positions with it.
 */
void
lir_renderer_compute_layout (const LirRenderer *renderer, double width, double height,
                             const LirRenderOptions *options, LirRenderLayout *layout)
{
  g_return_if_fail (renderer != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (layout != NULL);

  double top, rest;

  memset (layout, 0, sizeof *layout);
  layout->columns = options->all_steps ? NULL : renderer->columns;
  layout->header_height = header_height (renderer, options);
  top = layout->header_height + (options->header ? 0 : MARGIN);
  layout->plot_x = AXIS_LEFT;
  layout->plot_width = MAX (width - AXIS_LEFT - MARGIN - 6, 1);
  rest = MAX (height - top - AXIS_BOTTOM, 1);
  if (options->strip)
    {
      layout->strip_x = layout->plot_x;
      layout->strip_width = layout->plot_width;
      layout->strip_y = top;
      layout->strip_height = CLAMP (rest * 0.18, 30.0, 110.0);
      if (layout->strip_height > rest / 2)
        layout->strip_height = rest / 3;
      top += layout->strip_height + 4;
    }
  if (renderer->has_phases || renderer->has_regions)
    {
      layout->band_y = top;
      layout->band_height = 14;
      top += layout->band_height + 2;
    }
  if (renderer->n_dynamic_lanes > 0)
    {
      layout->dynamic_y = top;
      layout->dynamic_height = renderer->n_dynamic_lanes * LIR_RENDER_DYNAMIC_LANE_HEIGHT + 2;
      top += layout->dynamic_height + 2;
    }
  layout->plot_y = top;
  layout->plot_height = MAX (height - top - AXIS_BOTTOM, 1);
}

/**
 * lir_render_layout_x_of_step:
 * @layout: a layout
 * @viewport: the visible region
 * @step: a step (fractional: 2.5 is the middle of step 2)
 *
 * Maps a step to the pixel column it is drawn at.
 *
 * Returns: the pixel column of @step
 */
double
lir_render_layout_x_of_step (const LirRenderLayout *layout, const LirViewport *viewport, double step)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  double start = lir_render_layout_column_of_step (layout, viewport->step_start);
  double span = lir_render_layout_column_of_step (layout, viewport->step_end) - start;

  return layout->plot_x
         + (lir_render_layout_column_of_step (layout, step) - start) * layout->plot_width
             / (span > 0 ? span : 1);
}

/**
 * lir_render_layout_y_of_byte:
 * @layout: a layout
 * @viewport: the visible region
 * @byte: an arena offset
 *
 * Maps an arena offset to the pixel row it is drawn at.
 *
 * Returns: the pixel row of @byte (offset 0 is at the bottom)
 */
double
lir_render_layout_y_of_byte (const LirRenderLayout *layout, const LirViewport *viewport, double byte)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  double span = viewport->byte_end - viewport->byte_start;

  return layout->plot_y + layout->plot_height
         - (byte - viewport->byte_start) * layout->plot_height / (span > 0 ? span : 1);
}

/**
 * lir_render_layout_step_at:
 * @layout: a layout
 * @viewport: the visible region
 * @x: a pixel column
 *
 * Maps a pixel column to the step drawn there.
 *
 * Returns: the (fractional) step under @x; floor it for the step index
 */
double
lir_render_layout_step_at (const LirRenderLayout *layout, const LirViewport *viewport, double x)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  double start = lir_render_layout_column_of_step (layout, viewport->step_start);
  double span = lir_render_layout_column_of_step (layout, viewport->step_end) - start;

  return lir_render_layout_step_of_column (layout,
                                           start + (x - layout->plot_x) * span / MAX (layout->plot_width, 1));
}

/**
 * lir_render_layout_byte_at:
 * @layout: a layout
 * @viewport: the visible region
 * @y: a pixel row
 *
 * Maps a pixel row to the arena offset drawn there.
 *
 * Returns: the arena offset under @y
 */
double
lir_render_layout_byte_at (const LirRenderLayout *layout, const LirViewport *viewport, double y)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (viewport != NULL, 0);

  return viewport->byte_start
         + (layout->plot_y + layout->plot_height - y) * (viewport->byte_end - viewport->byte_start)
             / MAX (layout->plot_height, 1);
}

/* Nice tick spacing for steps: 1, 2 or 5 times a power of ten. */
double
lir_render_nice_step_spacing (double min_spacing)
{
  double power = 1;

  if (min_spacing <= 1)
    return 1;
  while (power * 10 <= min_spacing)
    power *= 10;
  if (power >= min_spacing)
    return power;
  if (2 * power >= min_spacing)
    return 2 * power;
  if (5 * power >= min_spacing)
    return 5 * power;
  return 10 * power;
}

/* Byte ticks at powers of two, which read naturally in KiB/MiB. */
double
lir_render_nice_byte_spacing (double min_spacing)
{
  double spacing = 1;

  while (spacing < min_spacing && spacing < 1e300)
    spacing *= 2;
  return spacing;
}
