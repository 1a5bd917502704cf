/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-private.h: what Lirscope's own programs (the CLI, the app, the tests
 * and benchmarks) use of the library besides its public API. Not
 * installed: other programs use lir.h only. */
#pragma once

#include "lir.h"

#include "io/lir-file.h"
