/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lirscope-buffer-page.h: everything about the selected buffer. */
#pragma once

#include "lirscope-page.h"

G_BEGIN_DECLS

#define LIRSCOPE_TYPE_BUFFER_PAGE (lirscope_buffer_page_get_type ())
G_DECLARE_FINAL_TYPE (LirscopeBufferPage, lirscope_buffer_page, LIRSCOPE, BUFFER_PAGE, LirscopePage)

/**
 * LirscopeBufferLinks:
 *
 * The lists of related buffers the page shows, in order.
 */
typedef enum {
  LIRSCOPE_LINKS_VIEW_OF,
  LIRSCOPE_LINKS_PRODUCERS,
  LIRSCOPE_LINKS_CONSUMERS,
  LIRSCOPE_LINKS_VIEWS,
  LIRSCOPE_LINKS_SHARERS,
  LIRSCOPE_N_LINKS
} LirscopeBufferLinks;

/**
 * LirscopeBufferField:
 *
 * The rows of the page's first group.
 */
typedef enum {
  LIRSCOPE_FIELD_OP,
  LIRSCOPE_FIELD_SHAPE,
  LIRSCOPE_FIELD_DTYPE,
  LIRSCOPE_FIELD_BYTES,
  LIRSCOPE_FIELD_OFFSET,
  LIRSCOPE_FIELD_STEPS,
  LIRSCOPE_FIELD_PHASE,
  LIRSCOPE_FIELD_ORIGIN,
  LIRSCOPE_N_FIELDS
} LirscopeBufferField;


G_END_DECLS
