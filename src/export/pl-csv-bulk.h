/* pl-csv-bulk.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Sets SQLite up for one large write of new rows into a table, inside a
 * transaction the caller holds: begin before the first row, finish after
 * the last (before the commit), free in any case. On failure the caller's
 * rollback undoes what begin did to the schema. */
typedef struct _PlCsvBulk PlCsvBulk;

PlCsvBulk *pl_csv_bulk_begin  (sqlite3     *db,
                               const char  *table);
gboolean   pl_csv_bulk_finish (PlCsvBulk   *self,
                               GError     **error);
void       pl_csv_bulk_free   (PlCsvBulk   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlCsvBulk, pl_csv_bulk_free)

G_END_DECLS
