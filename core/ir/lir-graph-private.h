/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph-private.h: the graph's storage, shared with core/plan for speed. */
#pragma once

#include "lir-graph.h"
#include "lir-siphash-private.h"

G_BEGIN_DECLS

typedef struct
{
  const char *op_name; /* interned */
  const char *op_label;  /* interned display label, "Binary(Add)", or NULL */
  const char *op_family; /* interned: what colour-by-op tells apart, or NULL */
  const char *origin;    /* interned: the compiler pass that made the node, or NULL */
  const char *name;    /* interned, or NULL */
  const char *attrs;   /* interned canonical JSON object text, or NULL */
  guint32 first_input; /* into LirGraph.inputs */
  guint32 n_inputs;
  guint32 first_dim;   /* into LirGraph.dims */
  guint8 n_dims;
  guint8 dtype;
  guint8 kind;
  guint8 cast_to;
  guint8 alias_kind;   /* LirAliasKind: a declared alias of alias_of */
  guint8 no_buffer;    /* a non-tensor value: a step, never a slot */
  guint8 category;     /* LirCategory: display and reports only */
  guint8 saved;        /* an activation the backward pass reads */
  guint8 region;       /* LirRegion */
  guint32 narrow_axis;
  guint64 narrow_start;
  guint64 narrow_len;
  guint32 alias_of;    /* LIR_NO_NODE unless alias_kind is set */
  guint32 result_of;   /* the tuple-producing node this result comes from, or LIR_NO_NODE */
  guint64 alias_offset;
} LirNode;

/* RLX's AOT cache key of a graph read from RLX's LIR JSON
 * (io/lir-rlx-key.c): everything the key hashes before the plan's figures,
 * and the figures that do not change with the placement. */
typedef struct
{
  LirSipHash graph_part; /* name, nodes, outputs */
  guint64 schedule_len;
  guint64 view_aliases;
  guint64 file_arena; /* RLX's own plan, whose key the file's figures give */
  guint64 file_alignment;
  char *missing; /* why there is no key, or NULL */
} LirRlxKey;

struct _LirGraph
{
  gint ref_count;
  char *name;
  GStringChunk *strings;
  GArray *nodes;   /* LirNode, indexed by id */
  GArray *inputs;  /* guint32, all nodes' inputs back to back */
  GArray *dims;    /* LirDim, all nodes' dims back to back */
  GArray *order;   /* guint32, the node ids in file (or build) order */
  GArray *outputs; /* guint32 */
  GPtrArray *symbol_names;   /* interned, not owned */
  GArray *symbol_defaults;   /* guint64, LIR_NO_VALUE for none */
  /* Set once a module holds the graph: from then on it does not change,
   * so its plans stay its plans. */
  gboolean sealed;
  LirRlxKey *rlx_key; /* owned; NULL unless read from RLX's LIR JSON */
};

static inline const LirNode *
lir_graph_node (const LirGraph *graph, guint32 id)
{
  return &g_array_index (graph->nodes, LirNode, id);
}

static inline const guint32 *
lir_graph_inputs_of (const LirGraph *graph, const LirNode *node)
{
  return &g_array_index (graph->inputs, guint32, node->first_input);
}

void lir_graph_reserve (LirGraph *graph,
                        guint     n_nodes,
                        guint     n_inputs,
                        guint     n_dims);
void lir_graph_seal    (LirGraph *graph);

void             lir_graph_set_rlx_key (LirGraph  *graph,
                                        LirRlxKey *key);
const LirRlxKey *lir_graph_get_rlx_key (const LirGraph *graph);

/* Shared by lir-graph*.c: a string kept for the graph's life, a node to
 * change, and whether @name is a valid name (or NULL). */
const char *lir_graph_intern     (LirGraph   *graph,
                                  const char *text);
LirNode    *lir_graph_node_mut   (LirGraph   *graph,
                                  guint32     id);
gboolean    lir_graph_valid_name (const char *name,
                                  gboolean    may_be_empty);

void lir_graph_build_consumers (const LirGraph *graph,
                                guint32        *indegree,
                                guint32       **start,
                                guint32       **consumers);

G_END_DECLS
