/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-plan.c: schedule, liveness, views, phases, I/O manifest and the planner,
 * including the cases RLX's own planner tests. */
#include "lir-private.h"

#include <string.h>

static LirBufferPlan *
plan_with (LirGraph *g, const char *strategy)
{
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  LirBufferPlan *plan;

  lir_plan_options_set_strategy (options, strategy);
  plan = lir_graph_plan (g, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);
  return plan;
}

static gboolean
slots_overlap (const LirBufferSlot *a, const LirBufferSlot *b)
{
  return a->offset < b->offset + b->size && b->offset < a->offset + a->size;
}

/* a and c are never live together, so they share bytes; b does not. */
static void
test_non_overlapping_share (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("chain");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 100, 384);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "relu", &x, 1, &s);
  guint32 b = lir_graph_add_op (g, "relu", &a, 1, &s);
  guint32 c = lir_graph_add_op (g, "relu", &b, 1, &s);
  g_autoptr (LirBufferPlan) plan = NULL;
  guint64 size = 100 * 384 * 4;

  lir_graph_set_outputs (g, &c, 1);
  plan = plan_with (g, "rlx-greedy");
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, a)->offset, ==,
                    lir_buffer_plan_get_slot (plan, c)->offset);
  g_assert_false (slots_overlap (lir_buffer_plan_get_slot (plan, a), lir_buffer_plan_get_slot (plan, b)));
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (plan), ==, 3 * size);
  g_assert_cmpuint (lir_buffer_plan_get_total_unshared (plan), ==, 4 * size);
  g_assert_cmpuint (lir_buffer_plan_get_bytes_saved (plan), ==, size);
}

static void
test_overlapping_separate (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("test");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 100, 384);
  LirShape sw = LIR_SHAPE (LIR_DTYPE_F32, 384, 384);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 w = lir_graph_add_param (g, "w", &sw);
  guint32 mm = lir_graph_add_matmul (g, x, w, &s);
  guint32 in[] = { mm, x };
  guint32 add = lir_graph_add_op (g, "add", in, 2, &s);
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_outputs (g, &add, 1);
  plan = plan_with (g, "rlx-greedy");
  g_assert_false (slots_overlap (lir_buffer_plan_get_slot (plan, mm), lir_buffer_plan_get_slot (plan, add)));
  g_assert_false (slots_overlap (lir_buffer_plan_get_slot (plan, x), lir_buffer_plan_get_slot (plan, add)));
}

/* RLX's view_ops_alias_parent_slot: reshape, same-dtype cast and an axis-0
 * narrow at start 8 of a [32] f32 alias the root at +0, +0 and +32 bytes. */
/* PyTorch's memory, declared: an in-place op writes into its input, a piece
 * of a tuple is a view at an offset, a value that is no tensor has no slot,
 * and a result a tuple returns fresh is live from the tuple's step. */
static void
test_declared_aliases (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("torch");
  LirShape s84 = LIR_SHAPE (LIR_DTYPE_F32, 8, 4);
  LirShape s44 = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  LirShape none = lir_shape_new_static (LIR_DTYPE_U8, 0, NULL);
  LirShape s2 = LIR_SHAPE (LIR_DTYPE_I64, 2);
  guint32 x = lir_graph_add_input (g, "x", &s84);
  guint32 conv = lir_graph_add_op (g, "conv2d", &x, 1, &s84);
  guint32 relu = lir_graph_add_op (g, "relu", &conv, 1, &s84);
  guint32 split = lir_graph_add_op (g, "split", &relu, 1, &none);
  guint32 top = lir_graph_add_op (g, "getitem", &split, 1, &s44);
  guint32 bottom = lir_graph_add_op (g, "getitem", &split, 1, &s44);
  guint32 topk = lir_graph_add_op (g, "aten.topk", &bottom, 1, &none);
  guint32 indices = lir_graph_add_op (g, "getitem", &topk, 1, &s2);
  guint32 size = lir_graph_add_op (g, "size", &top, 1, &none);
  guint32 add_in[] = { top, indices, size };
  guint32 add = lir_graph_add_op (g, "add", add_in, 3, &s44);
  g_autoptr (LirBufferPlan) plan = NULL;
  g_autofree char *op = NULL;
  LirPlanStats stats;
  guint64 conv_offset;

  lir_graph_set_node_alias (g, relu, conv, 0, LIR_ALIAS_INPLACE);
  lir_graph_set_node_has_buffer (g, split, FALSE);
  lir_graph_set_node_alias (g, top, relu, 0, LIR_ALIAS_VIEW);
  lir_graph_set_node_alias (g, bottom, relu, 64, LIR_ALIAS_VIEW);
  lir_graph_set_node_has_buffer (g, topk, FALSE);
  lir_graph_set_node_result_of (g, indices, topk);
  lir_graph_set_node_has_buffer (g, size, FALSE);
  lir_graph_set_outputs (g, &add, 1);
  plan = plan_with (g, "best-fit");

  conv_offset = lir_buffer_plan_get_slot (plan, conv)->offset;
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, relu)->root, ==, conv);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, relu)->offset, ==, conv_offset);
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, bottom)->root, ==, conv);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, bottom)->offset, ==, conv_offset + 64);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, bottom)->size, ==, 64);
  /* conv lives until its last alias is read: top, by the add. */
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, conv)->last_step, ==, add);
  /* No slot, no bytes, for values that are no tensor. */
  g_assert_null (lir_buffer_plan_get_slot (plan, split));
  g_assert_null (lir_buffer_plan_get_slot (plan, size));
  /* The indices are written by topk, two steps before the getitem. */
  g_assert_nonnull (lir_buffer_plan_get_slot (plan, indices));
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, indices)->first_step, ==, topk);
  g_assert_false (lir_buffer_plan_is_view (plan, indices));
  /* x, the 8x4 f32 conv, the 2 i64 indices and the 4x4 sum are live
   * together at the add: the peak; the aliases add nothing. */
  lir_plan_stats_compute (plan, &stats);
  g_assert_cmpuint (stats.lower_bound, ==, 128 + 128 + 16 + 64);
  g_assert_cmpuint (stats.peak_step, ==, add);

  op = lir_graph_describe_node_op (g, relu);
  g_assert_cmpstr (op, ==, "relu, in-place on %1");
  g_clear_pointer (&op, g_free);
  op = lir_graph_describe_node_op (g, top);
  g_assert_cmpstr (op, ==, "getitem");
}

/* A declared view must fit inside its root, as every view must. */
static void
test_declared_alias_must_fit (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("torch");
  LirShape s8 = LIR_SHAPE (LIR_DTYPE_F32, 8);
  LirShape s4 = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 x = lir_graph_add_input (g, "x", &s8);
  guint32 a = lir_graph_add_op (g, "exp", &x, 1, &s8);
  guint32 b = lir_graph_add_op (g, "getitem", &a, 1, &s4);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_node_alias (g, b, a, 20, LIR_ALIAS_VIEW);
  lir_graph_set_outputs (g, &b, 1);
  plan = lir_graph_plan (g, options, &error);
  g_assert_null (plan);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "16 bytes at +20 does not fit in the 32 bytes"));
}

static void
test_views_alias_root (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("views");
  LirShape s84 = LIR_SHAPE (LIR_DTYPE_F32, 8, 4);
  LirShape s44 = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  LirShape s32 = LIR_SHAPE (LIR_DTYPE_F32, 32);
  LirShape s16 = LIR_SHAPE (LIR_DTYPE_F32, 16);
  guint32 x = lir_graph_add_input (g, "x", &s84);
  guint32 w = lir_graph_add_param (g, "w", &s44);
  guint32 mm = lir_graph_add_matmul (g, x, w, &s84);
  guint32 r = lir_graph_add_reshape (g, mm, &s32);
  guint32 c = lir_graph_add_cast (g, r, LIR_DTYPE_F32, &s32);
  guint32 n = lir_graph_add_narrow (g, c, 0, 8, 16, &s16);
  g_autoptr (LirBufferPlan) plan = NULL;
  guint64 mm_offset;

  lir_graph_set_outputs (g, &n, 1);
  plan = plan_with (g, "rlx-greedy");
  mm_offset = lir_buffer_plan_get_slot (plan, mm)->offset;
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, r)->offset, ==, mm_offset);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, c)->offset, ==, mm_offset);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, n)->offset, ==, mm_offset + 32);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, n)->size, ==, 64);
  g_assert_true (lir_buffer_plan_is_view (plan, n));
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, n)->root, ==, mm);
  g_assert_cmpuint (lir_buffer_plan_get_view_alias (plan, n)->byte_offset, ==, 32);
  g_assert_false (lir_buffer_plan_is_view (plan, mm));
  /* The output is a view, so its root lives to the end. */
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, mm)->last_step, ==, 6);
}

static void
test_cast_to_other_dtype_is_not_view (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("cast");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 8);
  LirShape h = LIR_SHAPE (LIR_DTYPE_F16, 8);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 c = lir_graph_add_cast (g, x, LIR_DTYPE_F16, &h);
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_outputs (g, &c, 1);
  plan = plan_with (g, "rlx-greedy");
  g_assert_false (lir_buffer_plan_is_view (plan, c));
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, c)->size, ==, 16);
}

/* A read through a view keeps the root alive until that read. */
static void
test_view_read_extends_root (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("extend");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 8, 8);
  LirShape flat = LIR_SHAPE (LIR_DTYPE_F32, 64);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "relu", &x, 1, &s); /* step 1 */
  guint32 v = lir_graph_add_reshape (g, a, &flat);     /* step 2 */
  guint32 b = lir_graph_add_op (g, "relu", &x, 1, &s); /* step 3 */
  guint32 in[] = { v, b };
  guint32 d = lir_graph_add_op (g, "add", in, 2, &flat); /* step 4 reads v */
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_outputs (g, &d, 1);
  plan = plan_with (g, "naive");
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, a)->first_step, ==, 1);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, a)->last_step, ==, 4);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, v)->last_step, ==, 4);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, x)->first_step, ==, 0);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, x)->last_step, ==, 5);
  g_assert_cmpuint (lir_buffer_plan_get_lifetime (plan, d)->last_step, ==, 5);
}

/* RLX's derive_phases_classifies_typical_graph. */
static void
test_phases (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("derive");
  LirShape s18 = LIR_SHAPE (LIR_DTYPE_F32, 1, 8);
  LirShape s84 = LIR_SHAPE (LIR_DTYPE_F32, 8, 4);
  LirShape s14 = LIR_SHAPE (LIR_DTYPE_F32, 1, 4);
  LirShape s1 = LIR_SHAPE (LIR_DTYPE_F32, 1);
  guint32 x = lir_graph_add_input (g, "x", &s18);
  guint32 w = lir_graph_add_param (g, "w", &s84);
  guint32 mm = lir_graph_add_matmul (g, x, w, &s14);
  guint32 post = lir_graph_add_op (g, "relu", &mm, 1, &s14);
  guint32 s = lir_graph_add_sample (g, post, &s1);
  g_autoptr (LirBufferPlan) plan = NULL;
  g_autofree guint32 *steady = NULL;
  guint n_steady;

  lir_graph_set_outputs (g, &s, 1);
  plan = plan_with (g, "rlx-greedy");
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, x), ==, LIR_PHASE_PROLOGUE);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, w), ==, LIR_PHASE_PROLOGUE);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, mm), ==, LIR_PHASE_STEADY_STATE);
  /* After the last compute op in a graph that samples: epilogue. */
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, post), ==, LIR_PHASE_EPILOGUE);
  g_assert_cmpint (lir_buffer_plan_get_phase (plan, s), ==, LIR_PHASE_EPILOGUE);
  steady = lir_buffer_plan_get_nodes_in_phase (plan, LIR_PHASE_STEADY_STATE, &n_steady);
  g_assert_cmpuint (n_steady, ==, 1);
  g_assert_cmpuint (steady[0], ==, mm);
}

/* RLX's io_manifest_collects_boundaries. */
static void
test_io_manifest (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s4 = LIR_SHAPE (LIR_DTYPE_F32, 4);
  LirShape s44 = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  guint32 x = lir_graph_add_input (g, "x", &s4);
  guint32 w = lir_graph_add_param (g, "w", &s44);
  guint32 y = lir_graph_add_matmul (g, x, w, &s44);
  g_autoptr (LirBufferPlan) plan = NULL;
  const LirIoBinding *io;
  const guint32 *outputs;
  guint n;

  lir_graph_set_outputs (g, &y, 1);
  plan = plan_with (g, "rlx-greedy");
  io = lir_buffer_plan_get_io_inputs (plan, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (io[0].name, ==, "x");
  g_assert_cmpuint (io[0].node, ==, x);
  io = lir_buffer_plan_get_io_params (plan, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (io[0].name, ==, "w");
  g_assert_cmpuint (io[0].node, ==, w);
  outputs = lir_buffer_plan_get_io_outputs (plan, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (outputs[0], ==, y);
}

static void
test_schedule_keeps_topological_order (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("order");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "relu", &x, 1, &s);
  guint32 b = lir_graph_add_op (g, "exp", &x, 1, &s);
  guint32 file_order[] = { x, b, a };
  guint32 bad_order[] = { a, b, x };
  g_autofree guint32 *schedule = NULL;
  guint n;

  g_assert_true (lir_graph_set_order (g, file_order, 3, NULL));
  schedule = lir_graph_compute_schedule (g, &n, NULL);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (schedule[1], ==, b);
  g_clear_pointer (&schedule, g_free);

  /* Not topological: Kahn, lowest ready id first. */
  g_assert_true (lir_graph_set_order (g, bad_order, 3, NULL));
  schedule = lir_graph_compute_schedule (g, &n, NULL);
  g_assert_cmpuint (schedule[0], ==, x);
  g_assert_cmpuint (schedule[1], ==, a);
  g_assert_cmpuint (schedule[2], ==, b);
}

static void
test_unbound_symbol_is_named (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("dyn");
  guint32 seq = lir_graph_add_symbol (g, "seq", LIR_NO_VALUE);
  LirShape s = { LIR_DTYPE_F32, 2, { lir_dim_symbol (seq), lir_dim_static (8) } };
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (LirBufferPlan) plan = NULL;
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint64 value;

  lir_graph_set_outputs (g, &x, 1);
  plan = lir_graph_plan (g, options, &error);
  g_assert_null (plan);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNBOUND_SYMBOL);
  g_assert_nonnull (strstr (error->message, "\"seq\""));
  g_clear_error (&error);

  g_assert_false (lir_plan_options_get_binding (options, "seq", NULL));
  lir_plan_options_bind (options, "seq", 15);
  lir_plan_options_bind (options, "seq", 16);
  g_assert_true (lir_plan_options_get_binding (options, "seq", &value));
  g_assert_cmpuint (value, ==, 16);
  plan = lir_graph_plan (g, options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, x)->size, ==, 16 * 8 * 4);
  g_assert_cmpuint (lir_buffer_plan_get_n_bindings (plan), ==, 1);
  g_assert_cmpstr (lir_buffer_plan_get_binding (plan, 0, &value), ==, "seq");
  g_assert_cmpuint (value, ==, 16);
  g_clear_pointer (&plan, lir_buffer_plan_unref);

  lir_plan_options_bind (options, "batch", 2);
  plan = lir_graph_plan (g, options, &error);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_NOT_FOUND);
}

static void
test_params_left_out (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 4, 4);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 w = lir_graph_add_param (g, "w", &s);
  guint32 y = lir_graph_add_matmul (g, x, w, &s);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirBufferPlan) plan = NULL;

  lir_graph_set_outputs (g, &y, 1);
  lir_plan_options_set_allocate (options, LIR_OP_PARAM, FALSE);
  plan = lir_graph_plan (g, options, NULL);
  g_assert_null (lir_buffer_plan_get_slot (plan, w));
  g_assert_nonnull (lir_buffer_plan_get_slot (plan, x));
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (plan), ==, 128);
}

static void
test_alignment (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 3);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 y = lir_graph_add_input (g, "y", &s);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirBufferPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  lir_plan_options_set_alignment (options, 256);
  plan = lir_graph_plan (g, options, NULL);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, x)->offset % 256, ==, 0);
  g_assert_cmpuint (lir_buffer_plan_get_slot (plan, y)->offset % 256, ==, 0);
  g_assert_cmpuint (lir_buffer_plan_get_arena_size (plan), ==, 256 + 12);
  g_clear_pointer (&plan, lir_buffer_plan_unref);

  lir_plan_options_set_alignment (options, 48);
  plan = lir_graph_plan (g, options, &error);
  g_assert_null (plan);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_INVALID);
}

/* Nothing is planned that a plan file cannot hold: an alignment above 2^40,
 * an arena past 2^63 - 1 bytes. Each would be written and then refused. */
static void
test_limits (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("m");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 3);
  LirShape huge = LIR_SHAPE (LIR_DTYPE_U8, G_GUINT64_CONSTANT (1) << 62);
  guint32 x = lir_graph_add_input (g, "x", &s);
  guint32 a = lir_graph_add_op (g, "big", &x, 1, &huge);
  guint32 b = lir_graph_add_op (g, "big", &x, 1, &huge);
  guint32 in[] = { a, b };
  guint32 y = lir_graph_add_op (g, "add", in, 2, &huge);
  g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
  g_autoptr (LirBufferPlan) plan = NULL;
  g_autoptr (GError) error = NULL;

  lir_graph_set_outputs (g, &y, 1);
  lir_plan_options_set_alignment (options, G_GUINT64_CONSTANT (1) << 41);
  plan = lir_graph_plan (g, options, &error);
  g_assert_null (plan);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_LIMIT);
  g_clear_error (&error);

  /* Three live buffers of 2^62 bytes need 3 * 2^62, past 2^63 - 1. */
  lir_plan_options_set_alignment (options, 64);
  plan = lir_graph_plan (g, options, &error);
  g_assert_null (plan);
  g_assert_error (error, LIR_ERROR, LIR_ERROR_OVERFLOW);
}

/* A module takes only a plan made for its own graph: another graph's plan
 * (which the renderer would read past the end of) is a programmer error. */
static void
test_module_refuses_other_plan (void)
{
  g_autoptr (LirGraph) small = lir_graph_new ("small");
  g_autoptr (LirGraph) large = lir_graph_new ("large");
  LirShape s = LIR_SHAPE (LIR_DTYPE_F32, 8);
  guint32 x = lir_graph_add_input (small, "x", &s);
  guint32 y = lir_graph_add_input (large, "y", &s);
  guint32 z = lir_graph_add_op (large, "relu", &y, 1, &s);
  g_autoptr (LirBufferPlan) small_plan = NULL;
  g_autoptr (LirBufferPlan) large_plan = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (LirModule) refused = NULL;

  lir_graph_set_outputs (small, &x, 1);
  lir_graph_set_outputs (large, &z, 1);
  small_plan = plan_with (small, "naive");
  large_plan = plan_with (large, "naive");

  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*plan_belongs*");
  refused = lir_module_new (small, large_plan);
  g_test_assert_expected_messages ();
  g_assert_null (refused);

  module = lir_module_new (small, small_plan);
  g_test_expect_message ("Lir", G_LOG_LEVEL_CRITICAL, "*plan_belongs*");
  lir_module_set_plan (module, large_plan);
  g_test_assert_expected_messages ();
  g_assert_true (lir_module_get_plan (module) == small_plan);
}

static void
test_stats (void)
{
  g_autoptr (LirGraph) g = lir_graph_new ("chain");
  LirShape s = LIR_SHAPE (LIR_DTYPE_U8, 64);
  LirShape big = LIR_SHAPE (LIR_DTYPE_U8, 128);
  guint32 x = lir_graph_add_input (g, "x", &s);        /* [0,3] 64 */
  guint32 a = lir_graph_add_op (g, "up", &x, 1, &big); /* [1,2] 128 */
  guint32 b = lir_graph_add_op (g, "down", &a, 1, &s); /* [2,3] 64 */
  g_autoptr (LirBufferPlan) plan = NULL;
  LirPlanStats stats;

  lir_graph_set_outputs (g, &b, 1);
  plan = plan_with (g, "naive");
  lir_plan_stats_compute (plan, &stats);
  g_assert_cmpuint (stats.lower_bound, ==, 64 + 128 + 64);
  g_assert_cmpuint (stats.peak_step, ==, 2);
  g_assert_cmpuint (stats.arena_size, ==, 256);
  g_assert_cmpfloat_with_epsilon (stats.efficiency, 1.0, 1e-9);
  g_assert_cmpuint (stats.n_buffers, ==, 3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/plan/rlx/non-overlapping-share", test_non_overlapping_share);
  g_test_add_func ("/plan/rlx/overlapping-separate", test_overlapping_separate);
  g_test_add_func ("/plan/views/alias-root", test_views_alias_root);
  g_test_add_func ("/plan/views/declared-aliases", test_declared_aliases);
  g_test_add_func ("/plan/views/declared-alias-must-fit", test_declared_alias_must_fit);
  g_test_add_func ("/plan/views/cast-other-dtype-owns", test_cast_to_other_dtype_is_not_view);
  g_test_add_func ("/plan/liveness/view-extends-root", test_view_read_extends_root);
  g_test_add_func ("/plan/phases/derive", test_phases);
  g_test_add_func ("/plan/io/manifest", test_io_manifest);
  g_test_add_func ("/plan/schedule/order", test_schedule_keeps_topological_order);
  g_test_add_func ("/plan/symbols/unbound-named", test_unbound_symbol_is_named);
  g_test_add_func ("/plan/options/params-left-out", test_params_left_out);
  g_test_add_func ("/plan/options/alignment", test_alignment);
  g_test_add_func ("/plan/stats/lower-bound", test_stats);
  g_test_add_func ("/plan/limits", test_limits);
  g_test_add_func ("/plan/module/refuses-other-plan", test_module_refuses_other_plan);
  return g_test_run ();
}
