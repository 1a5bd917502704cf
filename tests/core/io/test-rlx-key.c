/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-rlx-key.c: RLX's AOT cache key, computed as RLX does: equal to RLX's
 * own figure for every file RLX wrote in tests/data/rlx/real, changed by a
 * re-plan exactly where RLX's would change, and refused with the reason
 * where it cannot be known. Its parts are checked against Rust itself:
 * SipHash-1-3 against DefaultHasher, f32 formatting against Rust's Display
 * and Debug (tests/data/rlx/rust-f32.tsv, written by a Rust program). */
#include "lir-private.h"
#include "io/lir-rlx-op-text-private.h"
#include "ir/lir-json-doc-private.h"
#include "ir/lir-siphash-private.h"

#include <string.h>

static char *
data_path (const char *name)
{
  return g_build_filename (g_getenv ("LIRSCOPE_TEST_DATA"), "rlx", name, NULL);
}

static LirModule *
load (const char *name)
{
  g_autofree char *path = data_path (name);
  g_autoptr (GError) error = NULL;
  LirModule *module = lir_module_new_from_file (path, &error);

  g_assert_no_error (error);
  return module;
}

/* What RLX reported: "fingerprint: a340ed0bc3cfcfe5 (11763662861477335013)". */
static guint64
rlx_figure (const char *name)
{
  g_autofree char *path =
    g_strdup_printf ("%s/rlx/real/%s.rlx-figures.txt", g_getenv ("LIRSCOPE_TEST_DATA"), name);
  g_autofree char *text = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  line = strstr (text, "\nfingerprint: ");
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen ("\nfingerprint: "), NULL, 16);
}

static void
test_real_file (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json = g_strdup_printf ("real/%s.json", name);
  g_autoptr (LirModule) module = load (json);
  g_autoptr (GError) error = NULL;
  guint64 key = 0, file_key = 0;

  g_assert_true (lir_module_get_rlx_fingerprint (module, &key, &error));
  g_assert_no_error (error);
  g_assert_true (lir_module_get_rlx_file_fingerprint (module, &file_key, &error));
  g_assert_cmphex (key, ==, rlx_figure (name));
  g_assert_cmphex (file_key, ==, key);
}

/* Re-planning changes RLX's key exactly when RLX's key would change: when
 * the arena size or the alignment is another. */
static void
test_replan (void)
{
  g_autoptr (LirModule) module = load ("real/b_gpt2_block.json");
  guint n_strategies, changed = 0;
  const LirStrategy *const *strategies = lir_strategy_list (&n_strategies);
  const LirBufferPlan *plan = lir_module_get_plan (module);
  guint64 file_key;

  g_assert_true (lir_module_get_rlx_file_fingerprint (module, &file_key, NULL));
  for (guint s = 0; s < n_strategies; s++)
    for (guint64 alignment = 64; alignment <= 128; alignment *= 2)
      {
        g_autoptr (LirPlanOptions) options = lir_plan_options_new ();
        g_autoptr (LirModule) planned = NULL;
        g_autoptr (GError) error = NULL;
        guint64 key, still_file_key;
        gboolean same_figures;

        lir_plan_options_set_strategy (options, lir_strategy_get_name (strategies[s]));
        lir_plan_options_set_alignment (options, alignment);
        lir_plan_options_set_effort (options, 20000);
        planned = lir_module_replan (module, options, &error);
        g_assert_no_error (error);
        g_assert_true (lir_module_get_rlx_fingerprint (planned, &key, NULL));
        g_assert_true (lir_module_get_rlx_file_fingerprint (planned, &still_file_key, NULL));
        g_assert_cmphex (still_file_key, ==, file_key);
        same_figures = lir_buffer_plan_get_arena_size (lir_module_get_plan (planned))
                         == lir_buffer_plan_get_arena_size (plan)
                       && lir_buffer_plan_get_alignment (lir_module_get_plan (planned))
                            == lir_buffer_plan_get_alignment (plan);
        g_assert_cmpint (key == file_key, ==, same_figures);
        changed += key != file_key;
      }
  g_assert_cmpuint (changed, >, 0);
}

/* A module that did not come from RLX has no RLX key, and says why; so
 * does Lirscope's own JSON of an RLX module (it keeps Lirscope's graph,
 * not RLX's). */
static void
test_not_rlx (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("LIRSCOPE_EXAMPLES"), "mlp.json", NULL);
  g_autoptr (LirModule) mlp = lir_module_new_from_file (example, NULL);
  g_autoptr (LirModule) rlx = load ("real/a_mlp_2layer.json");
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr (LirModule) again = NULL;
  gsize length;
  guint64 key;

  g_assert_false (lir_module_get_rlx_fingerprint (mlp, &key, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "RLX's LIR JSON"));
  g_clear_error (&error);
  json = lir_module_to_json (rlx, &length);
  again = lir_module_new_from_json (json, length, NULL);
  g_assert_false (lir_module_get_rlx_fingerprint (again, &key, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED);
}

/* An op Lirscope cannot word leaves the key out, naming the op. */
static void
test_unknown_op (void)
{
  g_autofree char *path = data_path ("real/a_mlp_2layer.json");
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  g_autoptr (LirModule) module = NULL;
  g_autoptr (GError) error = NULL;
  const char *softmax;
  guint64 key;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  softmax = strstr (text, "\"Softmax\"");
  g_assert_nonnull (softmax);
  changed =
    g_strdup_printf ("%.*s\"Frobnicate\"%s", (int)(softmax - text), text, softmax + strlen ("\"Softmax\""));
  module = lir_module_new_from_data (changed, strlen (changed), &error);
  g_assert_no_error (error);
  g_assert_false (lir_module_get_rlx_fingerprint (module, &key, &error));
  g_assert_error (error, LIR_ERROR, LIR_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "op Frobnicate"));
}

/* SipHash-1-3 with a zero key, as Rust's DefaultHasher (values printed by
 * Rust 1.95). */
static void
test_siphash (void)
{
  LirSipHash h;
  guint8 bytes[15];

  lir_siphash13_init (&h);
  g_assert_cmphex (lir_siphash13_finish (&h), ==, G_GUINT64_CONSTANT (0xd1fba762150c532c));
  lir_siphash13_write_str (&h, "abc");
  g_assert_cmphex (lir_siphash13_finish (&h), ==, G_GUINT64_CONSTANT (0xef09e0f4895a251d));
  lir_siphash13_init (&h);
  lir_siphash13_write_usize (&h, 7);
  lir_siphash13_write_u32 (&h, 3);
  g_assert_cmphex (lir_siphash13_finish (&h), ==, G_GUINT64_CONSTANT (0xe64b6a816c6b475a));
  /* [Dim::Static(128), Dim::Dynamic(2)]: length, then variant and value. */
  lir_siphash13_init (&h);
  lir_siphash13_write_usize (&h, 2);
  lir_siphash13_write_usize (&h, 0);
  lir_siphash13_write_usize (&h, 128);
  lir_siphash13_write_usize (&h, 1);
  lir_siphash13_write_u32 (&h, 2);
  g_assert_cmphex (lir_siphash13_finish (&h), ==, G_GUINT64_CONSTANT (0xf94001af91823fc5));
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = i;
  lir_siphash13_init (&h);
  lir_siphash13_write (&h, bytes, sizeof bytes);
  g_assert_cmphex (lir_siphash13_finish (&h), ==, G_GUINT64_CONSTANT (0xf30eb725bb91c9ea));
}

/* Every f32 of rust-f32.tsv printed as Rust's Display and Debug print it. */
static void
test_f32_as_rust (void)
{
  g_autofree char *path = data_path ("rust-f32.tsv");
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", 3);
      guint32 bits = (guint32)g_ascii_strtoull (fields[0], NULL, 16);
      g_autoptr (GString) display = g_string_new (NULL);
      g_autoptr (GString) debug = g_string_new (NULL);
      float x;

      memcpy (&x, &bits, sizeof x);
      lir_rlx_append_f32 (display, x);
      lir_rlx_append_f32_debug (debug, x);
      g_assert_cmpstr (display->str, ==, fields[1]);
      g_assert_cmpstr (debug->str, ==, fields[2]);
      checked++;
    }
  g_assert_cmpuint (checked, >, 1000);
}

/* Ops the real files do not have, worded as RLX's Display impl words them. */
static void
test_op_texts (void)
{
  static const struct
  {
    const char *op, *text;
  } cases[] = {
    { "\"MatMul\"", "matmul" },
    { "{\"Activation\": \"Gelu\"}", "Gelu" },
    { "{\"Compare\": \"Lt\"}", "Lt" },
    { "{\"LayerNorm\": {\"axis\": -1, \"eps\": 1e-05}}", "layer_norm(eps=0.00001)" },
    { "{\"RmsNorm\": {\"axis\": -1, \"eps\": 1e-06}}", "rms_norm(eps=0.000001)" },
    { "{\"Reshape\": {\"new_shape\": [-1, 768]}}", "reshape([-1, 768])" },
    { "{\"Transpose\": {\"perm\": [0, 2, 1, 3]}}", "transpose([0, 2, 1, 3])" },
    { "{\"Reduce\": {\"op\": \"Sum\", \"axes\": [1], \"keep_dim\": true}}", "reduce_Sum([1])" },
    { "{\"Pool\": {\"kind\": \"Max\", \"kernel_size\": [2, 2], \"stride\": [2, 2], \"padding\": [0, 0]}}",
      "pool_Max([2, 2])" },
    { "{\"Cast\": {\"to\": \"BF16\"}}", "cast(bf16)" },
    { "{\"Attention\": {\"num_heads\": 8, \"head_dim\": 64, \"mask_kind\": {\"SlidingWindow\": 256}, "
      "\"score_scale\": 0.125, \"attn_logit_softcap\": null}}",
      "attention(h=8,d=64,sw=256),scale=0.125" },
    { "{\"Attention\": {\"num_heads\": 8, \"head_dim\": 64, \"mask_kind\": \"Custom\", \"score_scale\": "
      "null, "
      "\"attn_logit_softcap\": 50.0}}",
      "attention(h=8,d=64),softcap=50" },
    { "{\"AttentionBackward\": {\"num_heads\": 2, \"head_dim\": 4, \"mask_kind\": \"Custom\", \"wrt\": "
      "\"Key\"}}",
      "attn_bwd_Key(h=2,d=4,custom)" },
    { "{\"Sample\": {\"top_k\": 50, \"top_p\": 0.9, \"temperature\": 0.8, \"seed\": 42}}",
      "sample(t=0.8,k=50,p=0.9)" },
    { "{\"Sample\": {\"top_k\": 0, \"top_p\": 1.0, \"temperature\": 1.0, \"seed\": 7}}", "sample(t=1)" },
    { "{\"Cumsum\": {\"axis\": 1, \"exclusive\": true}}", "cumsum(axis=1,excl)" },
    { "{\"Quantize\": {\"axis\": null, \"scales\": [0.5], \"zero_points\": [0]}}", "quantize(s=0.5)" },
    { "{\"Dequantize\": {\"axis\": 0, \"scales\": [0.5, 0.25], \"zero_points\": [0, 0]}}",
      "dequantize(axis=0,nch=2)" },
    { "{\"FakeQuantize\": {\"bits\": 8, \"axis\": null, \"ste\": \"Identity\", \"scale_mode\": {\"EMA\": "
      "{\"decay\": 0.99}}}}",
      "fake_quant(bits=8,ste=Identity,scale=EMA { decay: 0.99 })" },
    { "{\"DequantMatMul\": {\"scheme\": {\"Int4Block\": {\"block_size\": 32}}}}", "dequant_matmul(int4/32)" },
    { "{\"DequantMatMul\": {\"scheme\": \"GgufQ4K\"}}", "dequant_matmul(gguf_q4k)" },
    { "{\"FusedMatMulBiasAct\": {\"activation\": null}}", "fused_mm_bias" },
    { "{\"FusedResidualRmsNorm\": {\"has_bias\": true, \"eps\": 1e-06}}",
      "fused_residual_bias_rms(eps=0.000001)" },
    { "{\"FusedSwiGLU\": {\"cast_to\": \"F16\", \"gate_first\": true}}",
      "fused_swiglu(cast=f16,gate_first)" },
    { "{\"FusedSwiGLU\": {\"cast_to\": null, \"gate_first\": false}}", "fused_swiglu()" },
    { "{\"FusedAttentionBlock\": {\"num_heads\": 12, \"head_dim\": 64, \"has_bias\": false, \"has_rope\": "
      "true}}",
      "fused_attn(h=12,d=64,rope)" },
    { "{\"ElementwiseRegion\": {\"chain\": [1, 2, 3], \"num_inputs\": 2, \"scalar_input_mask\": 10, "
      "\"input_modulus\": [0]}}",
      "ew_region(in=2,steps=3,scalar_mask=0xa)" },
    { "{\"Scan\": {\"body\": {}, \"length\": 16, \"save_trajectory\": true, \"num_bcast\": 0, \"num_xs\": 2, "
      "\"num_checkpoints\": 0}}",
      "scan(len=16,xs=2,traj)" },
    { "{\"While\": {\"cond\": {}, \"body\": {}, \"max_iterations\": 10}}", "while(...max=10)" },
    { "{\"Custom\": {\"name\": \"my_op\", \"num_inputs\": 3, \"attrs\": [1, 2]}}",
      "custom(my_op,in=3,attrs=2B)" },
    { "{\"CustomFn\": {\"fwd_body\": {}, \"vjp_body\": {}, \"jvp_body\": null, \"num_inputs\": 1}}",
      "custom_fn(in=1,vjp)" },
    { "{\"Fft\": {\"inverse\": true, \"norm\": \"Ortho\"}}", "fft(inverse=true, norm=Ortho)" },
    { "{\"AxialRope2d\": {\"end_x\": 16, \"end_y\": 16, \"head_dim\": 64, \"num_heads\": 8, \"theta\": "
      "10000.0, "
      "\"repeat_factor\": 1}}",
      "axial_rope2d(16x16,h=8,d=64,\xce\xb8=10000,r=1)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (LirJsonDoc) doc = lir_json_parse (cases[i].op, strlen (cases[i].op), NULL);
      const LirJsonValue *op = lir_json_doc_get_root (doc);
      const LirJsonValue *payload = op->type == LIR_JSON_OBJECT ? lir_json_first (op) : NULL;
      g_autoptr (GString) text = g_string_new (NULL);

      g_assert_true (lir_rlx_op_text (payload != NULL ? payload->key : op->v.string, payload, text));
      g_assert_cmpstr (text->str, ==, cases[i].text);
    }
  {
    g_autoptr (GString) text = g_string_new (NULL);

    g_assert_false (lir_rlx_op_text ("Frobnicate", NULL, text));
    g_assert_false (lir_rlx_op_text ("LayerNorm", NULL, text)); /* no payload */
  }
}

int
main (int argc, char **argv)
{
  static const char *const real[] = {
    "a_mlp_2layer",          "b_gpt2_block",      "c_dynamic",     "c_dynamic_specialized",
    "e_gpt2_block_noparams", "g_const_viewchain", "h_dynamic_hir", "h_dynamic_hir_specialized",
  };

  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (real); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/io/rlx-key/real/%s", real[i]);

      g_test_add_data_func (test_path, real[i], test_real_file);
    }
  g_test_add_func ("/io/rlx-key/replan", test_replan);
  g_test_add_func ("/io/rlx-key/not-rlx", test_not_rlx);
  g_test_add_func ("/io/rlx-key/unknown-op", test_unknown_op);
  g_test_add_func ("/io/rlx-key/siphash", test_siphash);
  g_test_add_func ("/io/rlx-key/f32-as-rust", test_f32_as_rust);
  g_test_add_func ("/io/rlx-key/op-texts", test_op_texts);
  return g_test_run ();
}
