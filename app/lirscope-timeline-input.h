/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-timeline-input.h: what the timeline does with the pointer and the keys. */
#pragma once

#include "lirscope-timeline.h"

G_BEGIN_DECLS

void lirscope_timeline_attach_input (LirscopeTimeline *self);

G_END_DECLS
