/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* lir-reorder-private.h: a graph's orders as the order search sees them. */
#pragma once

#include "lir-buffer-plan-private.h"
#include "lir-reorder.h"

#include <gio/gio.h>

G_BEGIN_DECLS

/* One module, reduced to what an order changes: which buffers each node
 * brings to life, which it reads, which must run before it. Built from a
 * plan of the module (sizes, views, boundary buffers as its options made
 * them), so that a peak computed here is the lower bound the planner
 * reports for the same order. */
typedef struct
{
  guint n;                /* nodes */
  guint64 constant;       /* boundary buffers: live at every step */
  guint64 *born;          /* per node: bytes of the buffers born at its step */
  guint64 *size;          /* per node: its buffer's bytes if it owns one, else 0 */
  gboolean *output;       /* per node owning a buffer: lives to the end */
  guint32 *users;         /* per owning node: how many nodes read it (views' readers too) */
  guint32 *read_start;    /* n + 1: per node, into read */
  guint32 *read;          /* the distinct owning buffers each node reads */
  guint32 *born_start;    /* n + 1: per node, into born_list */
  guint32 *born_list;     /* the owning buffers born at each node's step */
  guint64 *born_live;     /* per node: what of born stays after its step */
  guint32 *reader_start;  /* n + 1: per owning buffer, into readers */
  guint32 *readers;       /* the nodes that read each buffer */
  guint32 *pred_start;    /* n + 1: per node, into preds */
  guint32 *preds;         /* what must run before each node */
  guint32 *succ_start;    /* n + 1 */
  guint32 *succs;
  guint64 end_bytes;      /* the outputs' bytes: what lives after the last step */
} LirOrderModel;

LirOrderModel *lir_order_model_new   (const LirGraph      *graph,
                                      const LirBufferPlan *plan);
void           lir_order_model_free  (LirOrderModel *model);
guint64        lir_order_model_peak  (const LirOrderModel *model,
                                      const guint32       *order,
                                      guint32             *peak_node,
                                      guint64             *area);
gboolean       lir_order_model_floor (const LirOrderModel *model,
                                      guint64             *floor,
                                      guint32             *floor_node,
                                      guint64             *node_floor);

guint64        lir_order_beam        (const LirOrderModel *model,
                                      guint                width,
                                      GCancellable        *cancellable,
                                      guint32             *order);
guint64        lir_order_improve     (const LirOrderModel *model,
                                      guint32             *order,
                                      guint64              max_evaluations,
                                      GCancellable        *cancellable);

guint8        *lir_order_moved       (const guint32       *given,
                                      const guint32       *order,
                                      guint                n,
                                      const guint8        *skip);
guint64        lir_order_simplify    (const LirOrderModel *model,
                                      const guint32       *given,
                                      guint32             *order,
                                      guint64              max_evaluations);
LirModule     *lir_order_report_get_given_module (const LirOrderReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirOrderModel, lir_order_model_free)

G_END_DECLS
