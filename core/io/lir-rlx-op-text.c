/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-rlx-op-text.c: the text RLX's `impl Display for Op` gives an op.
 *
 * RLX's cache key hashes each op's Display text (rlx-ir/src/op.rs, RLX
 * 0.2.2). It is rebuilt here from the op's serde JSON: most ops by a
 * template whose fields name the payload's members and how Rust prints them
 * ({eps:f} an f32, {axis:i} an integer, {perm:v} a Vec's Debug, {op:e} an
 * enum's Debug, {to:d} a DType, {scheme:q} a QuantScheme, {data:n} a
 * Vec's length, {name:s} a string, {x:b} a bool), the rest by code that
 * follows RLX's branches. Floats print as Rust prints an f32: the shortest
 * digits that read back, without an exponent.
 */
#include "lir-rlx-op-text-private.h"

#include <math.h>
#include <string.h>

/* RLX's DType, in declaration order (its derived Hash writes the index). */
const char *const lir_rlx_dtype_variants[LIR_RLX_N_DTYPES] = {
  "F32", "F16", "BF16", "F64", "I8", "I16", "I32", "I64", "U8", "U32", "Bool", "C64",
};

static const char *const dtype_names[] = {
  "f32", "f16", "bf16", "f64", "i8", "i16", "i32", "i64", "u8", "u32", "bool", "c64",
};

/* Reading the payload: each fails (FALSE) on a field of the wrong kind. */
typedef struct
{
  GString *out;
  gboolean ok;
} Text;

static const LirJsonValue *
field (Text *t, const LirJsonValue *payload, const char *key)
{
  const LirJsonValue *value =
    payload != NULL && payload->type == LIR_JSON_OBJECT ? lir_json_get (payload, key) : NULL;

  if (value == NULL)
    t->ok = FALSE;
  return value;
}

static gint64
int_of (Text *t, const LirJsonValue *value)
{
  if (value == NULL || value->type != LIR_JSON_INTEGER)
    {
      t->ok = FALSE;
      return 0;
    }
  return value->v.integer;
}

static gint64
int_field (Text *t, const LirJsonValue *payload, const char *key)
{
  return int_of (t, field (t, payload, key));
}

static gboolean
bool_field (Text *t, const LirJsonValue *payload, const char *key)
{
  const LirJsonValue *value = field (t, payload, key);

  if (value == NULL || value->type != LIR_JSON_BOOLEAN)
    {
      t->ok = FALSE;
      return FALSE;
    }
  return value->v.boolean;
}

static float
f32_of (Text *t, const LirJsonValue *value)
{
  if (value != NULL && value->type == LIR_JSON_DOUBLE)
    return (float)value->v.number;
  if (value != NULL && value->type == LIR_JSON_INTEGER)
    return (float)value->v.integer;
  t->ok = FALSE;
  return 0;
}

/* Rounds the exact digits @exact (n of them) to @precision digits, ties
 * up: Rust's shortest form takes the upper of two equally near candidates
 * where printf would take the even one. Returns the exponent's change (1
 * when 9.99… rounds up to 10). */
static int
round_digits (const char *exact, gsize n, int precision, char *digits)
{
  gboolean up = (gsize)precision < n && exact[precision] >= '5';

  memcpy (digits, exact, precision);
  digits[precision] = '\0';
  for (int i = precision - 1; up && i >= 0; i--)
    {
      if (digits[i] < '9')
        {
          digits[i]++;
          up = FALSE;
        }
      else
        digits[i] = '0';
    }
  if (up)
    {
      memmove (digits + 1, digits, precision);
      digits[0] = '1';
      digits[precision] = '\0';
      return 1;
    }
  return 0;
}

/* The shortest decimal digits that read back as @x, and the exponent of
 * the first: x = 0.DIGITS × 10^(exp + 1). */
static void
shortest_f32 (float x, char digits[16], int *exp)
{
  char buffer[256], exact[160], candidate[64];
  const char *e;
  gsize n = 0;

  /* Every f32 has a finite decimal expansion; 120 places hold it. */
  g_ascii_formatd (buffer, sizeof buffer, "%.120e", fabs ((double)x));
  e = strchr (buffer, 'e');
  for (const char *p = buffer; p < e && n < sizeof exact - 1; p++)
    if (g_ascii_isdigit (*p))
      exact[n++] = *p;
  exact[n] = '\0';
  for (int precision = 1; precision <= 9; precision++)
    {
      int shifted = (int)g_ascii_strtoll (e + 1, NULL, 10) + round_digits (exact, n, precision, digits);

      g_snprintf (candidate, sizeof candidate, "%c.%se%d", digits[0], digits + 1, shifted);
      if ((float)g_ascii_strtod (candidate, NULL) == fabsf (x) || precision == 9)
        {
          gsize length = strlen (digits);

          while (length > 1 && digits[length - 1] == '0')
            digits[--length] = '\0';
          *exp = shifted;
          return;
        }
    }
}

/* Rust's Display of an f32: the shortest digits that read back, never an
 * exponent (1e-5 is "0.00001", 1.0 is "1"). */
static void
append_f32 (GString *out, float x)
{
  char digits[16];
  int exp, n;

  if (isnan (x))
    {
      g_string_append (out, "NaN");
      return;
    }
  if (signbit (x))
    g_string_append_c (out, '-');
  if (isinf (x))
    {
      g_string_append (out, "inf");
      return;
    }
  if (x == 0)
    {
      g_string_append_c (out, '0');
      return;
    }
  shortest_f32 (x, digits, &exp);
  n = (int)strlen (digits);
  if (exp >= 0)
    {
      for (int i = 0; i <= exp; i++)
        g_string_append_c (out, i < n ? digits[i] : '0');
      if (n > exp + 1)
        g_string_append_printf (out, ".%s", digits + exp + 1);
    }
  else
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -exp - 1; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
}

/* Rust's Debug of an f32: as Display with at least one decimal, in
 * exponent form below 1e-4 and from 1e16. */
static void
append_f32_debug (GString *out, float x)
{
  char digits[16];
  int exp;
  float magnitude = fabsf (x);

  if (!isfinite (x) || x == 0 || (magnitude >= 1e-4f && magnitude < 1e16f))
    {
      gsize start = out->len;

      append_f32 (out, x);
      if (isfinite (x) && strchr (out->str + start, '.') == NULL)
        g_string_append (out, ".0");
      return;
    }
  shortest_f32 (x, digits, &exp);
  g_string_append_printf (out, "%s%c", x < 0 ? "-" : "", digits[0]);
  if (digits[1] != '\0')
    g_string_append_printf (out, ".%s", digits + 1);
  g_string_append_printf (out, "e%d", exp);
}

static void
int_list (Text *t, const LirJsonValue *value)
{
  if (value == NULL || value->type != LIR_JSON_ARRAY)
    {
      t->ok = FALSE;
      return;
    }
  g_string_append_c (t->out, '[');
  LIR_JSON_FOREACH (element, i, value)
  {
    if (i > 0)
      g_string_append (t->out, ", ");
    g_string_append_printf (t->out, "%" G_GINT64_FORMAT, int_of (t, element));
  }
  g_string_append_c (t->out, ']');
}

/* A fieldless enum's Debug: its variant's name. */
static const char *
unit_variant (Text *t, const LirJsonValue *value)
{
  if (value == NULL || value->type != LIR_JSON_STRING)
    {
      t->ok = FALSE;
      return "";
    }
  return value->v.string;
}

/* Any serde enum's Debug: `A`, `A(1)` or `A { x: 0.9 }`. */
static void
enum_debug (Text *t, const LirJsonValue *value)
{
  const LirJsonValue *inner;

  if (value != NULL && value->type == LIR_JSON_STRING)
    {
      g_string_append (t->out, value->v.string);
      return;
    }
  if (value == NULL || value->type != LIR_JSON_OBJECT || value->length != 1)
    {
      t->ok = FALSE;
      return;
    }
  inner = lir_json_first (value);
  g_string_append (t->out, inner->key);
  if (inner->type == LIR_JSON_OBJECT)
    {
      g_string_append (t->out, " { ");
      LIR_JSON_FOREACH (member, i, inner)
      {
        g_string_append_printf (t->out, "%s%s: ", i > 0 ? ", " : "", member->key);
        if (member->type == LIR_JSON_DOUBLE)
          append_f32_debug (t->out, (float)member->v.number);
        else
          g_string_append_printf (t->out, "%" G_GINT64_FORMAT, int_of (t, member));
      }
      g_string_append (t->out, " }");
    }
  else
    g_string_append_printf (t->out, "(%" G_GINT64_FORMAT ")", int_of (t, inner));
}

static const char *
dtype_name (Text *t, const LirJsonValue *value)
{
  if (value != NULL && value->type == LIR_JSON_STRING)
    for (guint i = 0; i < LIR_RLX_N_DTYPES; i++)
      if (strcmp (value->v.string, lir_rlx_dtype_variants[i]) == 0)
        return dtype_names[i];
  t->ok = FALSE;
  return "";
}

static void
quant_scheme (Text *t, const LirJsonValue *value)
{
  static const struct
  {
    const char *variant, *text;
  } units[] = {
    { "Fp8E4m3", "fp8e4m3" },    { "Fp8E5m2", "fp8e5m2" },     { "GgufQ4K", "gguf_q4k" },
    { "GgufQ5K", "gguf_q5k" },   { "GgufQ6K", "gguf_q6k" },    { "GgufQ8K", "gguf_q8k" },
    { "GgufQ2K", "gguf_q2k" },   { "GgufQ3K", "gguf_q3k" },    { "GgufQ4_0", "gguf_q4_0" },
    { "GgufQ8_0", "gguf_q8_0" }, { "Nvfp4Block", "nvfp4/16" },
  };
  static const struct
  {
    const char *variant, *prefix;
  } blocks[] = { { "Int8Block", "int8" }, { "Int8BlockAsym", "int8a" }, { "Int4Block", "int4" } };

  if (value != NULL && value->type == LIR_JSON_STRING)
    {
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (strcmp (value->v.string, units[i].variant) == 0)
          {
            g_string_append (t->out, units[i].text);
            return;
          }
    }
  else if (value != NULL && value->type == LIR_JSON_OBJECT && value->length == 1)
    {
      const LirJsonValue *inner = lir_json_first (value);

      for (guint i = 0; i < G_N_ELEMENTS (blocks); i++)
        if (strcmp (inner->key, blocks[i].variant) == 0)
          {
            g_string_append_printf (t->out, "%s/%" G_GINT64_FORMAT, blocks[i].prefix,
                                    int_field (t, inner, "block_size"));
            return;
          }
    }
  t->ok = FALSE;
}

/* MaskKind in Attention's and AttentionBackward's words. */
static void
mask_kind (Text *t, const LirJsonValue *value, const char *custom)
{
  const char *name = value != NULL && value->type == LIR_JSON_STRING ? value->v.string : NULL;

  if (name != NULL && strcmp (name, "Custom") == 0)
    g_string_append (t->out, custom);
  else if (name != NULL && strcmp (name, "None") == 0)
    g_string_append (t->out, ",nomask");
  else if (name != NULL && strcmp (name, "Causal") == 0)
    g_string_append (t->out, ",causal");
  else if (name != NULL && strcmp (name, "Bias") == 0)
    g_string_append (t->out, ",bias");
  else if (value != NULL && value->type == LIR_JSON_OBJECT && value->length == 1
           && strcmp (lir_json_first (value)->key, "SlidingWindow") == 0)
    g_string_append_printf (t->out, ",sw=%" G_GINT64_FORMAT, int_of (t, lir_json_first (value)));
  else
    t->ok = FALSE;
}

/* Whether an Option field holds something. */
static gboolean
present (Text *t, const LirJsonValue *payload, const char *key)
{
  const LirJsonValue *value = field (t, payload, key);

  return value != NULL && value->type != LIR_JSON_NULL;
}

static const LirJsonValue *
first_of (Text *t, const LirJsonValue *value)
{
  if (value == NULL || (value->type != LIR_JSON_ARRAY && value->type != LIR_JSON_OBJECT)
      || value->length == 0)
    {
      t->ok = FALSE;
      return NULL;
    }
  return lir_json_first (value);
}

static guint
length_of (Text *t, const LirJsonValue *value)
{
  if (value == NULL || value->type != LIR_JSON_ARRAY)
    {
      t->ok = FALSE;
      return 0;
    }
  return value->length;
}

/* {field:kind}: appends one payload member as Rust prints it. */
static void
placeholder (Text *t, const LirJsonValue *payload, const char *name, char kind)
{
  const LirJsonValue *value = field (t, payload, name);

  switch (kind)
    {
    case 'f':
      append_f32 (t->out, f32_of (t, value));
      break;
    case 'i':
      g_string_append_printf (t->out, "%" G_GINT64_FORMAT, int_of (t, value));
      break;
    case 'b':
      if (value == NULL || value->type != LIR_JSON_BOOLEAN)
        t->ok = FALSE;
      else
        g_string_append (t->out, value->v.boolean ? "true" : "false");
      break;
    case 'v':
      int_list (t, value);
      break;
    case 'e':
      enum_debug (t, value);
      break;
    case 'd':
      g_string_append (t->out, dtype_name (t, value));
      break;
    case 'q':
      quant_scheme (t, value);
      break;
    case 'n':
      g_string_append_printf (t->out, "%u", length_of (t, value));
      break;
    case 's':
      if (value == NULL || value->type != LIR_JSON_STRING)
        t->ok = FALSE;
      else
        g_string_append (t->out, value->v.string);
      break;
    default:
      t->ok = FALSE;
    }
}

static void
expand (Text *t, const char *template, const LirJsonValue *payload)
{
  for (const char *p = template; *p != '\0'; p++)
    {
      const char *colon, *close;
      char name[40];

      if (*p != '{')
        {
          g_string_append_c (t->out, *p);
          continue;
        }
      colon = strchr (p, ':');
      close = strchr (p, '}');
      g_assert (colon != NULL && close == colon + 2 && (gsize)(colon - p) < sizeof name);
      memcpy (name, p + 1, colon - p - 1);
      name[colon - p - 1] = '\0';
      placeholder (t, payload, name, colon[1]);
      p = close;
    }
}

/* Ops whose text does not depend on the payload, or is a template. */
static const struct
{
  const char *variant, *text;
} templates[] = {
  { "Where", "where" },
  { "MatMul", "matmul" },
  { "DotGeneral", "dot_general" },
  { "DenseSolve", "dense_solve" },
  { "BatchedDenseSolve", "batched_dense_solve" },
  { "ResizeNearest2x", "resize_nearest_2x" },
  { "Expand", "expand" },
  { "GroupedMatMul", "grouped_matmul" },
  { "ScatterAdd", "scatter_add" },
  { "ReluBackward", "relu_backward" },
  { "ComplexNormSq", "complex_norm_sq" },
  { "ComplexNormSqBackward", "complex_norm_sq_backward" },
  { "Conjugate", "conjugate" },
  { "SoftmaxCrossEntropyWithLogits", "sce_with_logits" },
  { "SoftmaxCrossEntropyBackward", "sce_backward" },
  { "If", "if(...)" },
  { "Input", "input(\"{name:s}\")" },
  { "Param", "param(\"{name:s}\")" },
  { "Constant", "const({data:n}B)" },
  { "Cast", "cast({to:d})" },
  { "FakeQuantizeLSQBackwardX", "fake_quant_lsq_bwd_x(bits={bits:i})" },
  { "FakeQuantizeLSQBackwardScale", "fake_quant_lsq_bwd_s(bits={bits:i})" },
  { "LayerNorm", "layer_norm(eps={eps:f})" },
  { "GroupNorm", "group_norm(groups={num_groups:i},eps={eps:f})" },
  { "RmsNorm", "rms_norm(eps={eps:f})" },
  { "Rope", "rope(d={head_dim:i}, n_rot={n_rot:i})" },
  { "AxialRope2d", "axial_rope2d({end_x:i}x{end_y:i},h={num_heads:i},d={head_dim:i},\xce\xb8={theta:f},r={"
                   "repeat_factor:i})" },
  { "Reshape", "reshape({new_shape:v})" },
  { "Transpose", "transpose({perm:v})" },
  { "Narrow", "narrow({axis:i},{start:i},{len:i})" },
  { "Concat", "concat(axis={axis:i})" },
  { "Gather", "gather(axis={axis:i})" },
  { "Reduce", "reduce_{op:e}({axes:v})" },
  { "Softmax", "softmax(axis={axis:i})" },
  { "TopK", "topk(k={k:i})" },
  { "DequantGroupedMatMul", "dequant_grouped_matmul({scheme:q})" },
  { "DequantMoEWeights", "dequant_moe_weights({scheme:q})" },
  { "LoraMatMul", "lora_matmul(scale={scale:f})" },
  { "DequantMatMul", "dequant_matmul({scheme:q})" },
  { "QMatMul", "q_matmul(x_zp={x_zp:i},w_zp={w_zp:i},out_zp={out_zp:i},mult={mult:f})" },
  { "QConv2d", "q_conv2d({kernel_size:v})" },
  { "SelectiveScan", "ssm_scan(n={state_size:i})" },
  { "Conv", "conv2d({kernel_size:v})" },
  { "ConvTranspose2d", "conv_transpose2d({kernel_size:v})" },
  { "LayerNorm2d", "layer_norm2d(eps={eps:f})" },
  { "Pool", "pool_{kind:e}({kernel_size:v})" },
  { "ActivationBackward", "{kind:e}_backward" },
  { "FakeQuantizeBackward", "fake_quant_backward(bits={bits:i},ste={ste:e})" },
  { "MaxPool2dBackward", "maxpool2d_backward({kernel_size:v})" },
  { "Conv2dBackwardInput", "conv2d_backward_input({kernel_size:v})" },
  { "Conv2dBackwardWeight", "conv2d_backward_weight({kernel_size:v})" },
  { "LayerNormBackwardInput", "layer_norm_backward_input(eps={eps:f})" },
  { "LayerNormBackwardGamma", "layer_norm_backward_gamma(eps={eps:f})" },
  { "RmsNormBackwardInput", "rms_norm_backward_input(eps={eps:f})" },
  { "RmsNormBackwardGamma", "rms_norm_backward_gamma(eps={eps:f})" },
  { "RmsNormBackwardBeta", "rms_norm_backward_beta(eps={eps:f})" },
  { "RopeBackward", "rope_backward(d={head_dim:i},n_rot={n_rot:i})" },
  { "GroupNormBackwardInput", "group_norm_backward_input(g={num_groups:i},eps={eps:f})" },
  { "GroupNormBackwardGamma", "group_norm_backward_gamma(g={num_groups:i},eps={eps:f})" },
  { "GroupNormBackwardBeta", "group_norm_backward_beta(g={num_groups:i},eps={eps:f})" },
  { "CumsumBackward", "cumsum_backward(axis={axis:i},exclusive={exclusive:b})" },
  { "GatherBackward", "gather_backward(axis={axis:i})" },
  { "GaussianSplatRender",
    "gaussian_splat_render({width:i}x{height:i},tile={tile_size:i},r={radius_scale:f},a={alpha_cutoff:f},"
    "steps={max_splat_steps:i},t={transmittance_threshold:f},list={max_list_entries:i})" },
  { "GaussianSplatRenderBackward",
    "gaussian_splat_render_bwd({width:i}x{height:i},clip={loss_grad_clip:f},sh={sh_band:i})" },
  { "GaussianSplatPrepare",
    "gaussian_splat_prepare({width:i}x{height:i},tile={tile_size:i},r={radius_scale:f},a={alpha_cutoff:f},"
    "steps={max_splat_steps:i},t={transmittance_threshold:f},list={max_list_entries:i})" },
  { "GaussianSplatRasterize",
    "gaussian_splat_rasterize({width:i}x{height:i},tile={tile_size:i},a={alpha_cutoff:f},"
    "steps={max_splat_steps:i},t={transmittance_threshold:f},list={max_list_entries:i})" },
  { "Custom", "custom({name:s},in={num_inputs:i},attrs={attrs:n}B)" },
  { "Fft", "fft(inverse={inverse:b}, norm={norm:e})" },
};

/* Quantize and Dequantize: the first scale, or the axis and the channels. */
static void
quantize_text (Text *t, const char *what, const LirJsonValue *p)
{
  const LirJsonValue *scales = field (t, p, "scales");

  if (!present (t, p, "axis"))
    {
      g_string_append_printf (t->out, "%s(s=", what);
      append_f32 (t->out, f32_of (t, first_of (t, scales)));
      g_string_append_c (t->out, ')');
    }
  else
    g_string_append_printf (t->out, "%s(axis=%" G_GINT64_FORMAT ",nch=%u)", what, int_field (t, p, "axis"),
                            length_of (t, scales));
}

static void
attention_text (Text *t, const LirJsonValue *p)
{
  g_string_append_printf (t->out, "attention(h=%" G_GINT64_FORMAT ",d=%" G_GINT64_FORMAT,
                          int_field (t, p, "num_heads"), int_field (t, p, "head_dim"));
  mask_kind (t, field (t, p, "mask_kind"), "");
  g_string_append_c (t->out, ')');
  if (present (t, p, "score_scale"))
    expand (t, ",scale={score_scale:f}", p);
  if (present (t, p, "attn_logit_softcap"))
    expand (t, ",softcap={attn_logit_softcap:f}", p);
}

static void
sample_text (Text *t, const LirJsonValue *p)
{
  expand (t, "sample(t={temperature:f}", p);
  if (int_field (t, p, "top_k") > 0)
    expand (t, ",k={top_k:i}", p);
  if (f32_of (t, field (t, p, "top_p")) < 1.0f)
    expand (t, ",p={top_p:f}", p);
  g_string_append_c (t->out, ')');
}

/* The Scan family: length, the xs when there are any, the trajectory. */
static void
scan_text (Text *t, const char *what, const LirJsonValue *p, gboolean with_index)
{
  gint64 num_xs = int_field (t, p, "num_xs");

  g_string_append_printf (t->out, "%s(len=%" G_GINT64_FORMAT, what, int_field (t, p, "length"));
  if (with_index)
    g_string_append_printf (t->out, ",xs=%" G_GINT64_FORMAT ",idx=%" G_GINT64_FORMAT, num_xs,
                            int_field (t, p, "xs_idx"));
  else if (num_xs > 0)
    g_string_append_printf (t->out, ",xs=%" G_GINT64_FORMAT, num_xs);
  if (bool_field (t, p, "save_trajectory"))
    g_string_append (t->out, ",traj");
  g_string_append_c (t->out, ')');
}

/* The fused ops, each a name and optional parts. */
static gboolean
fused_text (Text *t, const char *variant, const LirJsonValue *p)
{
  if (strcmp (variant, "FusedMatMulBiasAct") == 0)
    {
      g_string_append (t->out, "fused_mm_bias");
      if (present (t, p, "activation"))
        g_string_append_printf (t->out, "_%s", unit_variant (t, field (t, p, "activation")));
    }
  else if (strcmp (variant, "FusedResidualLN") == 0 || strcmp (variant, "FusedResidualRmsNorm") == 0)
    {
      g_string_append (t->out, bool_field (t, p, "has_bias") ? "fused_residual_bias" : "fused_residual");
      expand (t, strcmp (variant, "FusedResidualLN") == 0 ? "_ln(eps={eps:f})" : "_rms(eps={eps:f})", p);
    }
  else if (strcmp (variant, "FusedSwiGLU") == 0)
    {
      g_string_append (t->out, "fused_swiglu(");
      if (present (t, p, "cast_to"))
        g_string_append_printf (t->out, "cast=%s", dtype_name (t, field (t, p, "cast_to")));
      if (bool_field (t, p, "gate_first"))
        g_string_append (t->out, ",gate_first");
      g_string_append_c (t->out, ')');
    }
  else if (strcmp (variant, "FusedAttentionBlock") == 0)
    {
      expand (t, "fused_attn(h={num_heads:i},d={head_dim:i}", p);
      g_string_append (t->out, bool_field (t, p, "has_bias") ? ",bias" : "");
      g_string_append (t->out, bool_field (t, p, "has_rope") ? ",rope)" : ")");
    }
  else if (strcmp (variant, "FusedTransformerLayer") == 0)
    {
      expand (t, "fused_layer(h={num_heads:i},d={head_dim:i},int={intermediate_size:i}", p);
      g_string_append (t->out, bool_field (t, p, "has_bias") ? ",bias)" : ")");
    }
  else
    return FALSE;
  return TRUE;
}

/* The ops with branches of their own. */
static gboolean
branching_text (Text *t, const char *variant, const LirJsonValue *p)
{
  if (strcmp (variant, "Quantize") == 0 || strcmp (variant, "Dequantize") == 0)
    quantize_text (t, variant[0] == 'Q' ? "quantize" : "dequantize", p);
  else if (strcmp (variant, "FakeQuantize") == 0)
    expand (t,
            present (t, p, "axis")
              ? "fake_quant(bits={bits:i},axis={axis:i},ste={ste:e},scale={scale_mode:e})"
              : "fake_quant(bits={bits:i},ste={ste:e},scale={scale_mode:e})",
            p);
  else if (strcmp (variant, "FakeQuantizeLSQ") == 0)
    expand (t,
            present (t, p, "axis") ? "fake_quant_lsq(bits={bits:i},axis={axis:i})"
                                   : "fake_quant_lsq(bits={bits:i})",
            p);
  else if (strcmp (variant, "Attention") == 0)
    attention_text (t, p);
  else if (strcmp (variant, "AttentionBackward") == 0)
    {
      g_string_append_printf (t->out, "attn_bwd_%s(h=%" G_GINT64_FORMAT ",d=%" G_GINT64_FORMAT,
                              unit_variant (t, field (t, p, "wrt")), int_field (t, p, "num_heads"),
                              int_field (t, p, "head_dim"));
      mask_kind (t, field (t, p, "mask_kind"), ",custom");
      g_string_append_c (t->out, ')');
    }
  else if (strcmp (variant, "Cumsum") == 0)
    expand (t, bool_field (t, p, "exclusive") ? "cumsum(axis={axis:i},excl)" : "cumsum(axis={axis:i})", p);
  else if (strcmp (variant, "Sample") == 0)
    sample_text (t, p);
  else if (strcmp (variant, "GatedDeltaNet") == 0)
    expand (t,
            bool_field (t, p, "carry_state") ? "gated_delta_net(n={state_size:i},carry)"
                                             : "gated_delta_net(n={state_size:i})",
            p);
  else if (strcmp (variant, "While") == 0)
    expand (t, present (t, p, "max_iterations") ? "while(...max={max_iterations:i})" : "while(...)", p);
  else if (strcmp (variant, "Scan") == 0 || strcmp (variant, "ScanBackward") == 0)
    scan_text (t, variant[4] == '\0' ? "scan" : "scan_bwd", p, FALSE);
  else if (strcmp (variant, "ScanBackwardXs") == 0)
    scan_text (t, "scan_bwd_xs", p, TRUE);
  else if (strcmp (variant, "ElementwiseRegion") == 0)
    {
      gint64 mask = int_field (t, p, "scalar_input_mask");

      g_string_append_printf (t->out, "ew_region(in=%" G_GINT64_FORMAT ",steps=%u",
                              int_field (t, p, "num_inputs"), length_of (t, field (t, p, "chain")));
      if (mask != 0)
        g_string_append_printf (t->out, ",scalar_mask=0x%" G_GINT64_MODIFIER "x", mask);
      g_string_append_c (t->out, ')');
    }
  else if (strcmp (variant, "CustomFn") == 0)
    g_string_append_printf (t->out, "custom_fn(in=%" G_GINT64_FORMAT "%s%s)", int_field (t, p, "num_inputs"),
                            present (t, p, "vjp_body") ? ",vjp" : "",
                            present (t, p, "jvp_body") ? ",jvp" : "");
  else
    return fused_text (t, variant, p);
  return TRUE;
}

/**
 * lir_rlx_op_text:
 * @variant: the op's variant (`LayerNorm`)
 * @payload: (nullable): its serde payload: the variant's value, %NULL for a
 *   unit variant
 * @out: where the text is appended
 *
 * Returns: %FALSE for an op, or a payload, RLX 0.2.2 does not have
 */
gboolean
lir_rlx_op_text (const char *variant, const LirJsonValue *payload, GString *out)
{
  Text t = { out, TRUE };

  if (strcmp (variant, "Activation") == 0 || strcmp (variant, "Binary") == 0
      || strcmp (variant, "Compare") == 0)
    {
      g_string_append (out, unit_variant (&t, payload));
      return t.ok;
    }
  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    if (strcmp (variant, templates[i].variant) == 0)
      {
        expand (&t, templates[i].text, payload);
        return t.ok;
      }
  return branching_text (&t, variant, payload) && t.ok;
}

/* An f32 as Rust's Display prints it (for the tests, against Rust's own). */
void
lir_rlx_append_f32 (GString *out, float x)
{
  append_f32 (out, x);
}

/* An f32 as Rust's Debug prints it. */
void
lir_rlx_append_f32_debug (GString *out, float x)
{
  append_f32_debug (out, x);
}
