/* pl-lifecycle.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What moving placement @placement_id to @to_status still needs, one
 * sentence per missing item, appended to @missing (utf8). Returns TRUE when
 * nothing is missing and the move is allowed from the current status. */
gboolean pl_lifecycle_check      (PlStore     *store,
                                  gint64       placement_id,
                                  const char  *to_status,
                                  const GDate *today,
                                  GPtrArray   *missing);

/* Moves the placement to @to_status when pl_lifecycle_check allows it, in one
 * transaction that also records the change (with @reason, required for
 * "cancelled") in the placement's history. Refusals are PL_ERROR_NOT_ALLOWED
 * with every missing item in the message, one per line. */
gboolean pl_lifecycle_set_status (PlStore     *store,
                                  gint64       placement_id,
                                  const char  *to_status,
                                  const char  *reason,
                                  const GDate *today,
                                  GError     **error);

G_END_DECLS
