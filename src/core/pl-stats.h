/* pl-stats.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Which part of the data the figures cover. A placement is inside the period
 * when its first day is; NULL members mean "no limit". */
typedef struct
{
  const char *partner;   /* partner name */
  const char *from;      /* ISO date, inclusive */
  const char *to;        /* ISO date, inclusive */
} PlStatsFilter;

/* Computes the impact figures of the case study from the records, as the
 * JSON object that `placements-cli stats --json` prints (transfer full).
 * Fails with PL_ERROR_NOT_FOUND for an unknown partner. */
JsonNode *pl_stats_compute (PlStore             *store,
                            const PlStatsFilter *filter,
                            GError             **error);

/* The same in the store's worker (see pl-store-job.h); @filter is copied. */
void      pl_stats_compute_async  (PlStore             *store,
                                   const PlStatsFilter *filter,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
JsonNode *pl_stats_compute_finish (PlStore             *store,
                                   GAsyncResult        *result,
                                   GError             **error);

/* Percentage rounded half up: 0 when @total is 0. */
int       pl_stats_percent (gint64               part,
                            gint64               total);

/* @percent as the locale writes a percentage ("96%") (transfer full). */
char     *pl_stats_format_percent (int               percent);

G_END_DECLS
