/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lir.h: the one header the app and the tests include. */
#pragma once

#include "ir/lir-dtype.h"
#include "ir/lir-error.h"
#include "ir/lir-graph.h"
#include "ir/lir-op.h"
#include "ir/lir-phase.h"
#include "ir/lir-shape.h"
#include "io/lir-csv.h"
#include "io/lir-io.h"
#include "io/lir-json.h"
#include "plan/lir-analysis.h"
#include "plan/lir-buffer-plan.h"
#include "plan/lir-fingerprint.h"
#include "plan/lir-module.h"
#include "plan/lir-plan-index.h"
#include "plan/lir-plan-options.h"
#include "plan/lir-plan-stats.h"
#include "plan/lir-planner.h"
#include "plan/lir-strategy.h"
#include "plan/lir-validate.h"
#include "render/lir-render.h"
