/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-graph.h: the tensor graph (MIR) and its builder API. */
#pragma once

#if !defined(LIR_INSIDE) && !defined(LIR_COMPILATION)
#error "Only <lir.h> can be included directly."
#endif

#include "lir-version.h"

#include "lir-category.h"
#include "lir-dtype.h"
#include "lir-limits.h"
#include "lir-op.h"
#include "lir-shape.h"

G_BEGIN_DECLS

/* A node id that names no node. */
#define LIR_NO_NODE G_MAXUINT32
/* A symbol default that means "no default". */
#define LIR_NO_VALUE G_MAXUINT64


/**
 * LirAliasKind:
 * @LIR_ALIAS_NONE: the node's result is a buffer of its own (or a view
 *   that its op implies: reshape, same-dtype cast, axis-0 narrow)
 * @LIR_ALIAS_VIEW: the result is a view of another node's bytes
 * @LIR_ALIAS_INPLACE: the op writes its result into its input's bytes
 *
 * How a node's result declares that it lives in another node's bytes
 * (`"alias"` in a graph document). The planner treats both kinds as views:
 * the root lives as long as any alias of it is read.
 */
typedef enum {
  LIR_ALIAS_NONE,
  LIR_ALIAS_VIEW,
  LIR_ALIAS_INPLACE,
} LirAliasKind;

LIR_AVAILABLE_IN_ALL
const char  *lir_alias_kind_to_string   (LirAliasKind kind);
LIR_AVAILABLE_IN_ALL
gboolean     lir_alias_kind_from_string (const char   *text,
                                         LirAliasKind *out_kind);

/**
 * LirGraph:
 *
 * A tensor graph: nodes with dense ids `0..n-1`, each an op with inputs, a
 * shape and attributes, plus the graph's outputs and symbolic dims.
 * Nodes live in contiguous arrays and every string is interned, so a
 * graph of hundreds of thousands of nodes stays compact.
 *
 * The builder functions do not check their arguments against the graph;
 * call lir_graph_validate() once the graph is complete.
 */
typedef struct _LirGraph LirGraph;

#define LIR_TYPE_GRAPH (lir_graph_get_type ())
LIR_AVAILABLE_IN_ALL
GType lir_graph_get_type (void) G_GNUC_CONST;

LIR_AVAILABLE_IN_ALL
LirGraph    *lir_graph_new              (const char *name);
LIR_AVAILABLE_IN_ALL
LirGraph    *lir_graph_ref              (LirGraph *graph);
LIR_AVAILABLE_IN_ALL
void         lir_graph_unref            (LirGraph *graph);

LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_name         (const LirGraph *graph);
LIR_AVAILABLE_IN_ALL
guint        lir_graph_get_n_nodes      (const LirGraph *graph);

LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_symbol       (LirGraph   *graph,
                                         const char *name,
                                         guint64     default_value);
LIR_AVAILABLE_IN_ALL
guint        lir_graph_get_n_symbols    (const LirGraph *graph);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_symbol_name  (const LirGraph *graph,
                                         guint32         symbol);
LIR_AVAILABLE_IN_ALL
guint64      lir_graph_get_symbol_default (const LirGraph *graph,
                                           guint32         symbol);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_lookup_symbol    (const LirGraph *graph,
                                         const char     *name,
                                         guint32        *out_symbol);

LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_node         (LirGraph       *graph,
                                         LirOpKind       kind,
                                         const char     *op_name,
                                         const char     *name,
                                         const guint32  *inputs,
                                         guint           n_inputs,
                                         const LirShape *shape,
                                         const char     *attrs);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_cast_to      (LirGraph *graph,
                                         guint32   node,
                                         LirDType  to);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_narrow       (LirGraph *graph,
                                         guint32   node,
                                         guint32   axis,
                                         guint64   start,
                                         guint64   len);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_outputs      (LirGraph      *graph,
                                         const guint32 *outputs,
                                         guint          n_outputs);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_alias   (LirGraph     *graph,
                                         guint32       node,
                                         guint32       of,
                                         guint64       byte_offset,
                                         LirAliasKind  kind);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_has_buffer (LirGraph *graph,
                                            guint32   node,
                                            gboolean  has_buffer);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_result_of (LirGraph *graph,
                                           guint32   node,
                                           guint32   producer);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_set_order        (LirGraph      *graph,
                                         const guint32 *order,
                                         guint          n_order,
                                         GError       **error);

/* Typed builders, in the spirit of RLX's Graph API. */
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_input            (LirGraph       *graph,
                                         const char     *name,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_param            (LirGraph       *graph,
                                         const char     *name,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_constant         (LirGraph       *graph,
                                         const char     *name,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_matmul           (LirGraph       *graph,
                                         guint32         a,
                                         guint32         b,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_reshape          (LirGraph       *graph,
                                         guint32         x,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_cast             (LirGraph       *graph,
                                         guint32         x,
                                         LirDType        to,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_narrow           (LirGraph       *graph,
                                         guint32         x,
                                         guint32         axis,
                                         guint64         start,
                                         guint64         len,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_sample           (LirGraph       *graph,
                                         guint32         x,
                                         const LirShape *shape);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_add_op               (LirGraph       *graph,
                                         const char     *op_name,
                                         const guint32  *inputs,
                                         guint           n_inputs,
                                         const LirShape *shape);

/* Accessors. Node ids must be < lir_graph_get_n_nodes (). */
LIR_AVAILABLE_IN_ALL
LirOpKind    lir_graph_get_node_kind        (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_op_name     (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_op_label    (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_op_family   (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_op_label (LirGraph   *graph,
                                          guint32     node,
                                          const char *label,
                                          const char *family);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_origin      (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_origin  (LirGraph   *graph,
                                         guint32     node,
                                         const char *origin);
LIR_AVAILABLE_IN_ALL
LirCategory  lir_graph_get_node_category    (const LirGraph *graph,
                                             guint32         node);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_get_node_saved       (const LirGraph *graph,
                                             guint32         node);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_category    (LirGraph   *graph,
                                             guint32     node,
                                             LirCategory category,
                                             gboolean    saved);
LIR_AVAILABLE_IN_ALL
LirRegion    lir_graph_get_node_region      (const LirGraph *graph,
                                             guint32         node);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_region      (LirGraph *graph,
                                             guint32   node,
                                             LirRegion region);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_has_categories       (const LirGraph *graph);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_has_regions          (const LirGraph *graph);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_name        (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_label       (const LirGraph *graph,
                                         guint32         node,
                                         char            buffer[24]);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_short_label (const LirGraph *graph,
                                         guint32         node,
                                         char            buffer[LIR_SHORT_NAME_SIZE]);
LIR_AVAILABLE_IN_ALL
void         lir_graph_set_node_name    (LirGraph   *graph,
                                         guint32     node,
                                         const char *name);
LIR_AVAILABLE_IN_ALL
const guint32 *lir_graph_get_node_inputs    (const LirGraph *graph,
                                         guint32         node,
                                         guint          *n_inputs);
LIR_AVAILABLE_IN_ALL
void         lir_graph_get_node_shape       (const LirGraph *graph,
                                         guint32         node,
                                         LirShape       *out_shape);
LIR_AVAILABLE_IN_ALL
LirDType     lir_graph_get_node_dtype       (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const char  *lir_graph_get_node_attrs       (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
LirDType     lir_graph_get_node_cast_to     (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
void         lir_graph_get_node_narrow      (const LirGraph *graph,
                                         guint32         node,
                                         guint32        *axis,
                                         guint64        *start,
                                         guint64        *len);
LIR_AVAILABLE_IN_ALL
LirAliasKind lir_graph_get_node_alias       (const LirGraph *graph,
                                         guint32         node,
                                         guint32        *of,
                                         guint64        *byte_offset);
LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_get_node_has_buffer  (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
guint32      lir_graph_get_node_result_of   (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
char        *lir_graph_describe_node_op      (const LirGraph *graph,
                                         guint32         node);
LIR_AVAILABLE_IN_ALL
const guint32 *lir_graph_get_outputs    (const LirGraph *graph,
                                         guint          *n_outputs);
LIR_AVAILABLE_IN_ALL
const guint32 *lir_graph_get_order      (const LirGraph *graph,
                                         guint          *n_order);
LIR_AVAILABLE_IN_ALL
char        *lir_graph_format_node_shape     (const LirGraph *graph,
                                         guint32         node);

LIR_AVAILABLE_IN_ALL
gboolean     lir_graph_validate         (const LirGraph *graph,
                                         GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirGraph, lir_graph_unref)

G_END_DECLS
