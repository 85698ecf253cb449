/* pl-stats-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-stats.h"
#include "pl-store-private.h"

G_BEGIN_DECLS

/* What the network's figures (pl-stats.c) and one member of staff's
 * impact (pl-impact.c) compute alike. */

/* Sets @error to "Cannot compute the figures: …" with the reason of
 * @failure (NULL: a query that gave no row); returns FALSE. */
gboolean pl_stats_failed           (GError             **error,
                                    const GError        *failure);

/* The statement for @sql, or NULL with @error set as pl_stats_failed()
 * does (transfer full). */
PlStmt  *pl_stats_prepare          (PlStore             *store,
                                    const char          *sql,
                                    GError             **error);

/* Steps @stmt, which must give a row; FALSE with @error otherwise. */
gboolean pl_stats_row              (PlStmt              *stmt,
                                    GError             **error);

/* The columns that count the answers to @questions of survey_response
 * "r": for each, how many agreed (the answer's nick bound to parameter
 * @agree_parameter) and how many answered (transfer full). */
char    *pl_stats_survey_columns   (const char * const  *questions,
                                    int                  agree_parameter);

/* Adds { responses, agree_pct, agreed, answered } from the current row of
 * @stmt: the number of responses in column @first, then the two counts
 * of each question as pl_stats_survey_columns() lists them. */
void     pl_stats_add_survey       (JsonBuilder         *builder,
                                    PlStmt              *stmt,
                                    int                  first,
                                    const char * const  *questions);

G_END_DECLS
