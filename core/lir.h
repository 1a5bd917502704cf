/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir.h: the one header a program includes; the others refuse to be
 * included on their own. */
#pragma once

#define LIR_INSIDE

#include "lir-version.h"
#include "lir-enum-types.h"

#include "ir/lir-category.h"
#include "ir/lir-dtype.h"
#include "ir/lir-error.h"
#include "ir/lir-graph.h"
#include "ir/lir-op.h"
#include "ir/lir-phase.h"
#include "ir/lir-shape.h"
#include "io/lir-csv.h"
#include "report/lir-diff-report.h"
#include "io/lir-io.h"
#include "io/lir-json.h"
#include "report/lir-order-report.h"
#include "report/lir-peak-report.h"
#include "report/lir-stats-report.h"
#include "plan/lir-buffer-plan.h"
#include "plan/lir-diff.h"
#include "plan/lir-fingerprint.h"
#include "plan/lir-arena-top.h"
#include "plan/lir-live-set.h"
#include "plan/lir-module.h"
#include "plan/lir-plan-index.h"
#include "plan/lir-plan-options.h"
#include "plan/lir-plan-stats.h"
#include "plan/lir-planner.h"
#include "plan/lir-reorder.h"
#include "plan/lir-search-index.h"
#include "alloc/lir-strategy.h"
#include "plan/lir-validate.h"
#include "render/lir-render.h"

#undef LIR_INSIDE
