/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-common.c: the generated plans the benchmarks share. */
#include "bench-common.h"

/* Blocks of matmul -> add -> gelu -> reshape (a view), with a residual
 * kept alive for ~1000 steps every 500 blocks and varied widths. */
LirModule *
bench_build_module (guint n_buffers)
{
  g_autoptr (LirGraph) g = lir_graph_new ("bench-100k");
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (42);
  LirShape w = LIR_SHAPE (LIR_DTYPE_F16, 1024, 1024);
  LirShape act = LIR_SHAPE (LIR_DTYPE_F16, 128, 1024);
  guint32 prev = lir_graph_add_input (g, "x", &act), residual = prev;
  guint buffers = 1;
  LirModule *module;

  for (guint i = 0; buffers < n_buffers; i++)
    {
      g_autofree char *name = g_strdup_printf ("w%u", i);
      LirShape s = LIR_SHAPE (LIR_DTYPE_F16, g_rand_int_range (rand, 1, 512), 1024);
      LirShape flat = LIR_SHAPE (LIR_DTYPE_F16, s.dims[0].size * 1024);
      guint32 wi = lir_graph_add_param (g, name, &w);
      guint32 mm = lir_graph_add_matmul (g, prev, wi, &s);
      guint32 in[] = { mm, i % 500 == 499 ? residual : prev };
      guint32 add = lir_graph_add_op (g, "add", in, 2, &s);
      guint32 gelu = lir_graph_add_op (g, "gelu", &add, 1, &s);

      prev = lir_graph_add_reshape (g, gelu, &flat);
      if (i % 500 == 0)
        residual = gelu;
      buffers += 3;
    }
  lir_graph_set_outputs (g, &prev, 1);
  module = lir_module_new (g, NULL);
  lir_plan_options_set_strategy (options, "best-fit");
  lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
  if (!lir_module_ensure_plan (module, options, &error))
    g_error ("planning failed: %s", error->message);
  return module;
}
