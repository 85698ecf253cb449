/* pl-store-periods.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Calendar periods beyond single records. */

/* How many placements name the term @period_id as (part of) their window,
 * and lose it when the period is removed; 0 when the count cannot be read,
 * with @error set. */
gint64 pl_store_count_period_windows (PlStore  *store,
                                      gint64    period_id,
                                      GError  **error);

G_END_DECLS
