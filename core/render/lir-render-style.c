/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-render-style.c: lir_render_themes, palettes, and the colour of each buffer under each colour-by. */
#include "lir-render-private.h"

const Theme lir_render_themes[] = {
  [LIR_THEME_LIGHT] = {
    .background = { 1, 1, 1, 1 },
    .plot_background = { 0.98, 0.98, 0.98, 1 },
    .foreground = { 0.14, 0.14, 0.16, 1 },
    .muted = { 0.40, 0.40, 0.44, 1 },
    .grid = { 0.0, 0.0, 0.0, 0.08 },
    .outline = { 0.0, 0.0, 0.0, 0.45 },
    .accent = { 0.75, 0.11, 0.16, 1 },
    .arena = { 0.75, 0.11, 0.16, 1 },
    .bound = { 0.15, 0.35, 0.75, 1 },
    .strip_fill = { 0.21, 0.52, 0.89, 0.45 },
  },
  [LIR_THEME_DARK] = {
    .background = { 0.14, 0.14, 0.15, 1 },
    .plot_background = { 0.11, 0.11, 0.12, 1 },
    .foreground = { 0.93, 0.93, 0.93, 1 },
    .muted = { 0.66, 0.66, 0.70, 1 },
    .grid = { 1.0, 1.0, 1.0, 0.08 },
    .outline = { 0.0, 0.0, 0.0, 0.6 },
    .accent = { 1.0, 0.47, 0.0, 1 },
    .arena = { 0.96, 0.38, 0.32, 1 },
    .bound = { 0.47, 0.68, 0.98, 1 },
    .strip_fill = { 0.38, 0.63, 0.92, 0.45 },
  },
};

/* GNOME's palette, so the app and the exports look at home on the desktop. */
const LirRgba lir_render_phase_colors[LIR_PHASE_NONE + 1] = {
  [LIR_PHASE_PROLOGUE] = { 0.21, 0.52, 0.89, 1 },     /* blue 3 */
  [LIR_PHASE_STEADY_STATE] = { 0.18, 0.76, 0.49, 1 }, /* green 4 */
  [LIR_PHASE_EPILOGUE] = { 1.00, 0.47, 0.00, 1 },     /* orange 3 */
  [LIR_PHASE_NONE] = { 0.60, 0.60, 0.59, 1 },         /* light 5 */
};

const LirRgba lir_render_op_colors[N_OP_COLORS + 1] = {
  { 0.21, 0.52, 0.89, 1 }, { 0.18, 0.76, 0.49, 1 }, { 1.00, 0.47, 0.00, 1 }, { 0.57, 0.25, 0.67, 1 },
  { 0.96, 0.76, 0.07, 1 }, { 0.88, 0.11, 0.14, 1 }, { 0.53, 0.37, 0.24, 1 }, { 0.38, 0.63, 0.92, 1 },
  { 0.75, 0.38, 0.80, 1 }, { 0.15, 0.64, 0.41, 1 }, { 0.60, 0.60, 0.59, 1 },
};

const LirRgba lir_render_size_colors[N_SIZE_CLASSES] = {
  { 0.60, 0.76, 0.95, 1 }, { 0.38, 0.63, 0.92, 1 }, { 0.21, 0.52, 0.89, 1 },
  { 0.11, 0.44, 0.85, 1 }, { 0.10, 0.30, 0.60, 1 },
};

const LirRgba lir_render_kind_colors[LIR_N_BUFFER_KINDS] = {
  [LIR_BUFFER_KIND_INPUT] = { 0.21, 0.52, 0.89, 1 },      /* blue 3 */
  [LIR_BUFFER_KIND_PARAM] = { 0.60, 0.60, 0.59, 1 },      /* light 5 */
  [LIR_BUFFER_KIND_CONSTANT] = { 0.57, 0.25, 0.67, 1 },   /* purple 3 */
  [LIR_BUFFER_KIND_ACTIVATION] = { 0.18, 0.76, 0.49, 1 }, /* green 4 */
  [LIR_BUFFER_KIND_OUTPUT] = { 1.00, 0.47, 0.00, 1 },     /* orange 3 */
};

/* Saved activations strongest: they are what a training step's peak is made of. */
const LirRgba lir_render_category_colors[LIR_N_CATEGORIES + 1] = {
  [LIR_CATEGORY_NONE] = { 0.37, 0.36, 0.39, 1 },            /* dark 2 */
  [LIR_CATEGORY_INPUT] = { 0.21, 0.52, 0.89, 1 },           /* blue 3 */
  [LIR_CATEGORY_PARAMETER] = { 0.60, 0.60, 0.59, 1 },       /* light 5 */
  [LIR_CATEGORY_OPTIMIZER_STATE] = { 0.57, 0.25, 0.67, 1 }, /* purple 3 */
  [LIR_CATEGORY_ACTIVATION] = { 0.56, 0.94, 0.64, 1 },      /* green 1 */
  [LIR_CATEGORY_GRADIENT] = { 1.00, 0.47, 0.00, 1 },        /* orange 3 */
  [LIR_CATEGORY_AUTOGRAD_DETAIL] = { 0.96, 0.76, 0.07, 1 }, /* yellow 4 */
  [LIR_CATEGORY_TEMPORARY] = { 0.53, 0.37, 0.24, 1 },       /* brown 3 */
  [SAVED_ACTIVATION] = { 0.15, 0.64, 0.41, 1 },             /* green 5 */
};

const char *const lir_render_size_class_names[N_SIZE_CLASSES] = {
  "< 4 KiB", "< 64 KiB", "< 1 MiB", "< 16 MiB", "≥ 16 MiB",
};

static guint
size_class (guint64 bytes)
{
  if (bytes < 4096)
    return 0;
  if (bytes < 65536)
    return 1;
  if (bytes < 1048576)
    return 2;
  if (bytes < 16777216)
    return 3;
  return 4;
}

/* Phase colouring means nothing without phases (MiniMalloc CSV): fall back to size. */
LirColorBy
lir_render_effective_color_by (const Frame *f)
{
  /* A training step's phases are RLX's heuristic, which means nothing
   * there: its categories are what the default colouring should say. */
  if (f->o->color_by == LIR_COLOR_BY_PHASE && (f->r->categories_present & ~1u) != 0)
    return LIR_COLOR_BY_CATEGORY;
  if (f->o->color_by == LIR_COLOR_BY_PHASE && !f->r->has_phases)
    return LIR_COLOR_BY_SIZE;
  /* Nor categories without any (every document but a training step's): kind. */
  if (f->o->color_by == LIR_COLOR_BY_CATEGORY && (f->r->categories_present & ~1u) == 0)
    return LIR_COLOR_BY_KIND;
  return f->o->color_by;
}

/* A small integer per colour, for the level-of-detail grid. */
guint8
lir_render_color_key (const Frame *f, guint32 id)
{
  const LirBufferPlan *plan = f->r->plan;

  switch (lir_render_effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      return f->r->op_rank[id];
    case LIR_COLOR_BY_SIZE:
      return size_class (plan->slots[id].size);
    case LIR_COLOR_BY_KIND:
      return f->r->kinds[id];
    case LIR_COLOR_BY_CATEGORY:
      return f->r->categories[id];
    case LIR_COLOR_BY_PHASE:
    default:
      return plan->phases[id];
    }
}

LirRgba
lir_render_key_color (const Frame *f, guint8 key)
{
  switch (lir_render_effective_color_by (f))
    {
    case LIR_COLOR_BY_OP:
      return lir_render_op_colors[MIN (key, N_OP_COLORS)];
    case LIR_COLOR_BY_SIZE:
      return lir_render_size_colors[MIN (key, N_SIZE_CLASSES - 1)];
    case LIR_COLOR_BY_KIND:
      return lir_render_kind_colors[MIN (key, LIR_N_BUFFER_KINDS - 1)];
    case LIR_COLOR_BY_CATEGORY:
      return lir_render_category_colors[MIN (key, SAVED_ACTIVATION)];
    case LIR_COLOR_BY_PHASE:
    default:
      return lir_render_phase_colors[MIN (key, LIR_PHASE_NONE)];
    }
}

gboolean
lir_render_is_dimmed (const Frame *f, guint32 id)
{
  guint phase = f->r->plan->phases[id];

  return phase < LIR_PHASE_NONE && (f->o->hidden_phases & (1u << phase)) != 0;
}

/* A diff's colours; removed is also what overlaps in an invalid plan. */
const LirRgba lir_render_diff_added = { 0.15, 0.64, 0.41, 1 };
const LirRgba lir_render_diff_resized = { 0.90, 0.38, 0.0, 1 };
const LirRgba lir_render_diff_moved = { 0.11, 0.44, 0.85, 1 };
const LirRgba lir_render_diff_removed = { 0.75, 0.11, 0.16, 1 };
