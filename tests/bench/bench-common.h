/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.h: the generated plans the benchmarks share. */
#pragma once

#include "lir.h"

/* A transformer-like graph with about n_buffers arena buffers, a third of
 * them views, planned with best-fit (params outside the arena). */
LirModule *bench_build_module (guint n_buffers);
