/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-json-write.c: writes graph and module documents: a fixed key order
 * and one node, slot or view per line, so dumps diff well and write ->
 * read -> write is byte-identical. */
#include "lir-json.h"

#include "ir/lir-graph-private.h"
#include "lir-json-read-private.h"
#include "plan/lir-buffer-plan-private.h"

#include <string.h>

static void
write_u64_array (GString *out, const guint32 *ids, guint n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "%s%u", i > 0 ? ", " : "", ids[i]);
  g_string_append_c (out, ']');
}

static void
write_graph_body (GString *out, const LirGraph *graph, const char *indent)
{
  guint n = lir_graph_get_n_nodes (graph), n_order, n_outputs;
  const guint32 *order = lir_graph_get_order (graph, &n_order);
  const guint32 *outputs = lir_graph_get_outputs (graph, &n_outputs);

  g_string_append_printf (out, "%s\"name\": ", indent);
  lir_json_append_string (out, lir_graph_get_name (graph));
  g_string_append_printf (out, ",\n%s\"symbols\": [", indent);
  for (guint32 s = 0; s < lir_graph_get_n_symbols (graph); s++)
    {
      guint64 value = lir_graph_get_symbol_default (graph, s);
      g_string_append_printf (out, "%s{\"name\": ", s > 0 ? ", " : "");
      lir_json_append_string (out, lir_graph_get_symbol_name (graph, s));
      if (value != LIR_NO_VALUE)
        g_string_append_printf (out, ", \"default\": %" G_GUINT64_FORMAT, value);
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "],\n%s\"nodes\": [", indent);
  for (guint i = 0; i < n; i++)
    {
      guint32 id = order[i];
      const LirNode *node = lir_graph_node (graph, id);
      const LirDim *dims = &g_array_index (graph->dims, LirDim, node->first_dim);

      g_string_append_printf (out, "%s\n%s  {\"id\": %u, \"op\": ", i > 0 ? "," : "", indent, id);
      lir_json_append_string (out, node->op_name);
      if (node->name != NULL)
        {
          g_string_append (out, ", \"name\": ");
          lir_json_append_string (out, node->name);
        }
      g_string_append (out, ", \"inputs\": ");
      write_u64_array (out, lir_graph_inputs_of (graph, node), node->n_inputs);
      if (!node->no_buffer || node->n_dims > 0 || node->dtype != LIR_DTYPE_U8)
        {
          g_string_append_printf (out, ", \"shape\": {\"dtype\": \"%s\", \"dims\": [",
                                  lir_dtype_to_string (node->dtype));
          for (guint d = 0; d < node->n_dims; d++)
            {
              if (d > 0)
                g_string_append (out, ", ");
              if (dims[d].symbol != LIR_DIM_STATIC)
                lir_json_append_string (out, lir_graph_get_symbol_name (graph, dims[d].symbol));
              else
                g_string_append_printf (out, "%" G_GUINT64_FORMAT, dims[d].size);
            }
          g_string_append (out, "]}");
        }
      if (node->attrs != NULL)
        g_string_append_printf (out, ", \"attrs\": %s", node->attrs);
      if (node->no_buffer)
        g_string_append (out, ", \"buffer\": false");
      if (node->alias_kind != LIR_ALIAS_NONE)
        g_string_append_printf (out,
                                ", \"alias\": {\"of\": %u, \"byte_offset\": %" G_GUINT64_FORMAT
                                ", \"kind\": \"%s\"}",
                                node->alias_of, node->alias_offset,
                                lir_alias_kind_to_string (node->alias_kind));
      if (node->result_of != LIR_NO_NODE)
        g_string_append_printf (out, ", \"result_of\": %u", node->result_of);
      if (node->category != LIR_CATEGORY_NONE)
        g_string_append_printf (out, ", \"category\": \"%s\"%s", lir_category_to_string (node->category),
                                node->saved ? ", \"saved\": true" : "");
      if (node->region != LIR_REGION_NONE)
        g_string_append_printf (out, ", \"region\": \"%s\"", lir_region_to_string (node->region));
      g_string_append_c (out, '}');
    }
  g_string_append_printf (out, "%s%s],\n%s\"outputs\": ", n > 0 ? "\n" : "", n > 0 ? indent : "", indent);
  write_u64_array (out, outputs, n_outputs);
}

static void
write_io_bindings (GString *out, const LirIoBinding *bindings, guint n)
{
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, i > 0 ? ", [" : "[");
      lir_json_append_string (out, bindings[i].name != NULL ? bindings[i].name : "");
      g_string_append_printf (out, ", %u]", bindings[i].node);
    }
  g_string_append_c (out, ']');
}

static void
write_plan (GString *out, const LirBufferPlan *plan)
{
  guint n = plan->n_nodes, count = 0, n_io;
  const LirIoBinding *io;

  g_string_append (out, "  \"plan\": {\n    \"strategy\": ");
  lir_json_append_string (out, plan->strategy);
  g_string_append_printf (out, ",\n    \"alignment\": %" G_GUINT64_FORMAT, plan->alignment);
  g_string_append_printf (out, ",\n    \"arena_size\": %" G_GUINT64_FORMAT, plan->arena_size);
  if (plan->unplaced)
    g_string_append (out, ",\n    \"placed\": false");
  g_string_append_printf (out, ",\n    \"allocate\": {\"params\": %s, \"inputs\": %s, \"constants\": %s}",
                          plan->allocate_params ? "true" : "false", plan->allocate_inputs ? "true" : "false",
                          plan->allocate_constants ? "true" : "false");
  g_string_append (out, ",\n    \"bindings\": {");
  for (guint i = 0; i < plan->binding_names->len; i++)
    {
      guint64 value = g_array_index (plan->binding_values, guint64, i);
      if (value == LIR_NO_VALUE)
        continue;
      g_string_append (out, count++ > 0 ? ", " : "");
      lir_json_append_string (out, g_ptr_array_index (plan->binding_names, i));
      g_string_append_printf (out, ": %" G_GUINT64_FORMAT, value);
    }
  g_string_append (out, "}");
  if (plan->explicit_lifetimes)
    {
      g_string_append (out, ",\n    \"lifetimes\": [");
      for (guint32 id = 0; id < n; id++)
        g_string_append_printf (out, "%s\n      {\"node\": %u, \"first\": %u, \"last\": %u}",
                                id > 0 ? "," : "", id, plan->lifetimes[id].first_step,
                                plan->lifetimes[id].last_step);
      g_string_append (out, n > 0 ? "\n    ]" : "]");
    }
  else
    {
      g_string_append (out, ",\n    \"schedule\": ");
      write_u64_array (out, (const guint32 *)plan->schedule->data, plan->schedule->len);
    }

  g_string_append (out, ",\n    \"slots\": [");
  count = 0;
  for (guint32 id = 0; id < n; id++)
    if (plan->slot_flags[id] != LIR_SLOT_NONE || (plan->unplaced && plan->slots[id].size > 0))
      g_string_append_printf (out,
                              "%s\n      {\"node\": %u, \"offset\": %" G_GUINT64_FORMAT
                              ", \"size\": %" G_GUINT64_FORMAT "}",
                              count++ > 0 ? "," : "", id, plan->slots[id].offset, plan->slots[id].size);
  g_string_append (out, count > 0 ? "\n    ]" : "]");

  g_string_append (out, ",\n    \"views\": [");
  count = 0;
  for (guint32 id = 0; id < n; id++)
    if (plan->aliases[id].root != LIR_NO_NODE)
      g_string_append_printf (out,
                              "%s\n      {\"node\": %u, \"root\": %u, \"byte_offset\": %" G_GUINT64_FORMAT
                              "}",
                              count++ > 0 ? "," : "", id, plan->aliases[id].root,
                              plan->aliases[id].byte_offset);
  g_string_append (out, count > 0 ? "\n    ]" : "]");

  g_string_append (out, ",\n    \"phases\": [");
  for (guint32 id = 0; id < n; id++)
    g_string_append_printf (out, "%s\"%s\"", id > 0 ? ", " : "", lir_phase_to_string (plan->phases[id]));
  g_string_append (out, "],\n    \"io\": {\"inputs\": ");
  io = lir_buffer_plan_get_io_inputs (plan, &n_io);
  write_io_bindings (out, io, n_io);
  g_string_append (out, ", \"params\": ");
  io = lir_buffer_plan_get_io_params (plan, &n_io);
  write_io_bindings (out, io, n_io);
  g_string_append (out, ", \"outputs\": ");
  write_u64_array (out, (const guint32 *)plan->io_outputs->data, plan->io_outputs->len);
  g_string_append (out, "}\n  }\n");
}

/**
 * lir_module_to_json:
 * @module: a module
 * @length: (out) (optional): length of the text
 *
 * Writes a module document when @module has a plan, else a graph document.
 *
 * Returns: (transfer full): the JSON text, ending in a newline
 */
char *
lir_module_to_json (const LirModule *module, gsize *length)
{
  g_return_val_if_fail (module != NULL, NULL);

  GString *out = g_string_sized_new (4096);
  const LirBufferPlan *plan = lir_module_get_plan (module);

  if (plan == NULL)
    {
      g_string_append_printf (out, "{\n  \"format\": \"" LIR_JSON_GRAPH_FORMAT "\",\n  \"version\": %d,\n",
                              LIR_JSON_FORMAT_VERSION);
      write_graph_body (out, lir_module_get_graph (module), "  ");
      g_string_append (out, "\n}\n");
    }
  else
    {
      g_string_append_printf (out,
                              "{\n  \"format\": \"" LIR_JSON_MODULE_FORMAT "\",\n  \"version\": %d,\n"
                              "  \"graph\": {\n",
                              LIR_JSON_FORMAT_VERSION);
      write_graph_body (out, lir_module_get_graph (module), "    ");
      g_string_append (out, "\n  },\n");
      write_plan (out, plan);
      g_string_append (out, "}\n");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
