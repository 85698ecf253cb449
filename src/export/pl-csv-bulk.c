/* pl-csv-bulk.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-csv-bulk.h"
#include "pl-store.h"
#include "pl-store-legacy-private.h"

/* Two things made a large import slow that have nothing to do with its
 * rows.
 *
 * SQLite's page cache (2 MB by default): a transaction larger than that
 * spills to the WAL and writes the same index pages again and again. For
 * the import the cache may grow to hold the whole of a large file's
 * changes; it is set back afterwards.
 *
 * FTS5 writes out its pending terms at each statement that may roll back,
 * so the search index's AFTER INSERT trigger, run by one INSERT a row, made
 * a 50,000-row import four times slower than indexing the same rows in one
 * statement. The trigger is dropped inside the transaction, its one INSERT
 * runs once over the new rows, and the trigger is created again from its
 * own SQL; a rollback undoes all of it. A trigger of any other shape is
 * left alone, and is simply slower. */

/* In KiB, as PRAGMA cache_size counts when negative. */
#define BULK_CACHE_KIB (128 * 1024)

struct _PlCsvBulk
{
  sqlite3 *db;
  gint64   cache_size;   /* to set back; 0 when unchanged */
  char    *create_sql;   /* the search trigger set aside, or NULL */
  char    *bulk_sql;     /* its INSERT, as INSERT … SELECT over rows after ?1 */
  gint64   last_id;      /* the table's highest id before the import */
};

static gint64
query_int (sqlite3    *db,
           const char *sql,
           gint64      fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int64 (stmt, 0);
}

static void
set_cache_size (sqlite3 *db,
                gint64   size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

/* "INSERT INTO search (…) VALUES (…);" → "INSERT INTO search (…) SELECT …
 * FROM @table AS NEW WHERE NEW.id > ?1"; NULL for any other body. */
static char *
bulk_sql_of (const char *create_sql,
             const char *table)
{
  const char *begin = strstr (create_sql, "\nBEGIN\n");
  const char *end;
  const char *values;
  g_autofree char *body = NULL;
  gsize len;

  if (begin == NULL || !g_str_has_suffix (create_sql, "\nEND"))
    return NULL;
  begin += strlen ("\nBEGIN\n");
  end = create_sql + strlen (create_sql) - strlen ("\nEND");
  if (end < begin)
    return NULL;
  body = g_strstrip (g_strndup (begin, (gsize) (end - begin)));
  len = strlen (body);

  if (!g_str_has_prefix (body, "INSERT INTO search (") || len < 2 ||
      strchr (body, ';') != body + len - 1 || body[len - 2] != ')')
    return NULL;
  values = strstr (body, ") VALUES (");
  if (values == NULL)
    return NULL;

  body[len - 2] = '\0';
  return g_strdup_printf ("%.*s) SELECT %s FROM %s AS NEW WHERE NEW.id > ?1 ORDER BY NEW.id",
                          (int) (values - body), body, values + strlen (") VALUES ("), table);
}

static void
set_aside_search_trigger (PlCsvBulk  *self,
                          const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *create_sql = NULL;
  g_autofree char *bulk_sql = NULL;
  g_autofree char *sql = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                          "AND tbl_name = ?1 AND sql LIKE '%AFTER INSERT ON%'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return;
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  create_sql = g_strdup ((const char *) sqlite3_column_text (stmt, 1));

  /* Exactly one such trigger, of the expected shape. */
  if (name == NULL || create_sql == NULL || sqlite3_step (stmt) != SQLITE_DONE)
    return;
  bulk_sql = bulk_sql_of (create_sql, table);
  if (bulk_sql == NULL)
    return;

  sql = g_strdup_printf ("SELECT ifnull(max(id), 0) FROM %s", table);
  self->last_id = query_int (self->db, sql, -1);
  if (self->last_id < 0)
    return;

  g_free (sql);
  sql = g_strdup_printf ("DROP TRIGGER \"%s\"", name);
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return;

  self->create_sql = g_steal_pointer (&create_sql);
  self->bulk_sql = g_steal_pointer (&bulk_sql);
}

/**
 * pl_csv_bulk_begin:
 *
 * Returns: (transfer full): what pl_csv_bulk_finish() and
 * pl_csv_bulk_free() need to put things back.
 */
PlCsvBulk *
pl_csv_bulk_begin (sqlite3    *db,
                   const char *table)
{
  PlCsvBulk *self = g_new0 (PlCsvBulk, 1);
  gint64 cache_size;

  self->db = db;

  cache_size = query_int (db, "PRAGMA cache_size", -BULK_CACHE_KIB);
  if (cache_size > -BULK_CACHE_KIB && cache_size < BULK_CACHE_KIB / 4)
    {
      self->cache_size = cache_size;
      set_cache_size (db, -BULK_CACHE_KIB);
    }

  set_aside_search_trigger (self, table);
  return self;
}

/* Indexes the new rows for search and puts the trigger back. */
gboolean
pl_csv_bulk_finish (PlCsvBulk  *self,
                    GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->create_sql == NULL)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, self->bulk_sql, -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, self->last_id);
  if (sqlite3_step (stmt) != SQLITE_DONE ||
      sqlite3_exec (self->db, self->create_sql, NULL, NULL, NULL) != SQLITE_OK)
    goto failed;

  g_clear_pointer (&self->create_sql, g_free);
  return TRUE;

failed:
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The database refused the import: %s"),
               sqlite3_errmsg (self->db));
  return FALSE;
}

/* Sets the cache back. A trigger not yet put back is the caller's
 * rollback's to restore. */
void
pl_csv_bulk_free (PlCsvBulk *self)
{
  if (self == NULL)
    return;

  if (self->cache_size != 0)
    set_cache_size (self->db, self->cache_size);
  g_free (self->create_sql);
  g_free (self->bulk_sql);
  g_free (self);
}
