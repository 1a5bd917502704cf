/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-plan-request.h: what a session's next re-plan asks for. */
#pragma once

#include "lir.h"

G_BEGIN_DECLS

/* What a change to the request needs from the session. */
typedef enum
{
  LIRSCOPE_REQUEST_NOTHING,   /* nothing to do */
  LIRSCOPE_REQUEST_REPLAN,    /* plan again with the request */
  LIRSCOPE_REQUEST_MEASURE,   /* measure the held plan at the request's values */
} LirscopeRequestChange;

typedef struct _LirscopePlanRequest LirscopePlanRequest;

LirscopePlanRequest  *lirscope_plan_request_new         (void);
void                  lirscope_plan_request_free        (LirscopePlanRequest *request);
void                  lirscope_plan_request_follow      (LirscopePlanRequest *request,
                                                         LirModule           *module);
LirPlanOptions       *lirscope_plan_request_get_options (LirscopePlanRequest *request,
                                                         LirModule           *module);
gboolean              lirscope_plan_request_measure     (LirscopePlanRequest *request,
                                                         LirStatsReport      *report,
                                                         GError             **error);
void                  lirscope_plan_request_forget_measured (LirscopePlanRequest *request);
gboolean              lirscope_plan_request_is_measuring (LirscopePlanRequest *request);

const char           *lirscope_plan_request_get_strategy  (LirscopePlanRequest *request);
LirscopeRequestChange lirscope_plan_request_set_strategy  (LirscopePlanRequest *request,
                                                           const char          *strategy);
guint64               lirscope_plan_request_get_alignment (LirscopePlanRequest *request);
LirscopeRequestChange lirscope_plan_request_set_alignment (LirscopePlanRequest *request,
                                                           guint64              alignment);
gboolean              lirscope_plan_request_get_params    (LirscopePlanRequest *request);
LirscopeRequestChange lirscope_plan_request_set_params    (LirscopePlanRequest *request,
                                                           gboolean             params_in_arena);
guint64               lirscope_plan_request_get_binding   (LirscopePlanRequest *request,
                                                           const char          *symbol);
guint64               lirscope_plan_request_get_plan_binding (LirscopePlanRequest *request,
                                                              const char          *symbol);
LirscopeRequestChange lirscope_plan_request_set_binding   (LirscopePlanRequest *request,
                                                           const char          *symbol,
                                                           guint64              value);
gboolean              lirscope_plan_request_get_hold      (LirscopePlanRequest *request);
LirscopeRequestChange lirscope_plan_request_set_hold      (LirscopePlanRequest *request,
                                                           gboolean             hold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LirscopePlanRequest, lirscope_plan_request_free)

G_END_DECLS
