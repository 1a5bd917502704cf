/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-category.h: what a node's memory is for in a training step, and the
 * region (forward, backward, optimizer) it runs in. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include <glib.h>

G_BEGIN_DECLS

/**
 * LirCategory:
 * @LIR_CATEGORY_NONE: not given (inference graphs, older documents)
 * @LIR_CATEGORY_INPUT: the step's input data and targets
 * @LIR_CATEGORY_PARAMETER: a trained weight
 * @LIR_CATEGORY_OPTIMIZER_STATE: what the optimizer keeps between steps
 *   (momentum, Adam's moments)
 * @LIR_CATEGORY_ACTIVATION: a forward result; flagged as saved when the
 *   backward pass reads it
 * @LIR_CATEGORY_GRADIENT: the gradient of a parameter or of an activation
 * @LIR_CATEGORY_AUTOGRAD_DETAIL: bookkeeping autograd keeps for the
 *   backward pass (masks, indices, saved statistics)
 * @LIR_CATEGORY_TEMPORARY: a value made and consumed within one op or one
 *   optimizer update
 *
 * What a node's bytes are for, in the categories of PyTorch's memory
 * profiler (`category` in a graph document). Display and reports only:
 * the planner treats every category alike.
 */
typedef enum {
  LIR_CATEGORY_NONE,
  LIR_CATEGORY_INPUT,
  LIR_CATEGORY_PARAMETER,
  LIR_CATEGORY_OPTIMIZER_STATE,
  LIR_CATEGORY_ACTIVATION,
  LIR_CATEGORY_GRADIENT,
  LIR_CATEGORY_AUTOGRAD_DETAIL,
  LIR_CATEGORY_TEMPORARY,
} LirCategory;

#define LIR_N_CATEGORIES 8

/**
 * LirRegion:
 * @LIR_REGION_NONE: not given
 * @LIR_REGION_FORWARD: the forward pass (and the loss)
 * @LIR_REGION_BACKWARD: the backward pass
 * @LIR_REGION_OPTIMIZER: the optimizer's update
 *
 * The part of a training step a node runs in (`region` in a graph
 * document).
 */
typedef enum {
  LIR_REGION_NONE,
  LIR_REGION_FORWARD,
  LIR_REGION_BACKWARD,
  LIR_REGION_OPTIMIZER,
} LirRegion;

#define LIR_N_REGIONS 4

LIR_AVAILABLE_IN_ALL
const char *lir_category_to_string   (LirCategory category);
LIR_AVAILABLE_IN_ALL
const char *lir_category_get_label   (LirCategory category);
LIR_AVAILABLE_IN_ALL
gboolean    lir_category_from_string (const char  *text,
                                      LirCategory *out_category);
LIR_AVAILABLE_IN_ALL
const char *lir_region_to_string     (LirRegion region);
LIR_AVAILABLE_IN_ALL
const char *lir_region_get_label     (LirRegion region);
LIR_AVAILABLE_IN_ALL
gboolean    lir_region_from_string   (const char *text,
                                      LirRegion  *out_region);

G_END_DECLS
