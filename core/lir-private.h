/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-private.h: what Lirscope's own programs (the CLI, the app, the tests
 * and benchmarks) use of the library besides its public API. Not
 * installed: other programs use lir.h only. */
#pragma once

#include "lir.h"

#include "io/lir-file-private.h"
#include "ir/lir-limits-private.h"
#include "report/lir-format-private.h"
#include "plan/lir-analysis-private.h"
