/* pl-store-placements.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Placements as the pages that plan them list them. */

/* A placement still at the request stage: who asked, for what, and when
 * it may take place. */
typedef struct
{
  gint64  placement_id;
  char   *staff_name;
  char   *sector_name;
  char   *window_start;   /* ISO, or NULL */
  char   *window_end;     /* ISO, or NULL */
  int     length;         /* the number of days asked for */
  GStrv   terms;          /* the terms its window names instead of dates, each
                           * by its label or else its first day; never NULL */
} PlOpenRequest;

#define PL_TYPE_OPEN_REQUEST (pl_open_request_get_type ())

GType          pl_open_request_get_type (void) G_GNUC_CONST;
PlOpenRequest *pl_open_request_copy     (const PlOpenRequest *request);
void           pl_open_request_free     (PlOpenRequest       *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlOpenRequest, pl_open_request_free)

/* The open requests, by the staff member's name, then by id: a new array
 * of PlOpenRequest (transfer full, freeing its items), or NULL with @error
 * set. */
GPtrArray *pl_store_list_open_requests (PlStore  *store,
                                        GError  **error);

G_END_DECLS
