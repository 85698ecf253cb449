/* pl-test-sqlite.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "pl-store-private.h"

G_BEGIN_DECLS

/* For tests and benchmarks only: the raw SQLite handle under a store, to
 * plant a broken row, read what no interface shows, or fill a large
 * database fast. Nothing under src/ includes this (check-layers.py). */

sqlite3 *pl_db_get_sqlite (PlDb *db);

static inline sqlite3 *
pl_store_get_sqlite (PlStore *store)
{
  return pl_db_get_sqlite (pl_store_get_db (store));
}

static inline gboolean
pl_store_exec (PlStore     *store,
               const char  *sql,
               GError     **error)
{
  if (!pl_db_exec (pl_store_get_db (store), sql, error))
    return pl_store_translate_error (error, NULL);
  return TRUE;
}

static inline void
pl_store_emit_changed (PlStore    *store,
                       const char *table)
{
  pl_store_note_change (store, table, 0);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
