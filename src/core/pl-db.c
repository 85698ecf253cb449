/* pl-db.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The store's connection on SQLite: the only file of the project that
 * calls SQLite (see pl-db-private.h for the interface and its rules). */

#define G_LOG_DOMAIN "pl-db"

#include "config.h"

/* Debian's SQLite is built with the session extension (undo) and the
 * pre-update hook it needs; the header declares them only when asked. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pl-db-private.h"
#include "pl-db-pg-private.h"
#include "pl-vfs-private.h"

struct _PlDb
{
  char           *path;
  sqlite3        *handle;
  PlPg           *pg;           /* a server's data set instead of a file */
  GHashTable     *statements;   /* SQL text → PlStmt, kept for reuse */
  sqlite3_session *session;     /* recording for undo, or NULL */
  GHashTable     *stamp_columns; /* table → index of updated_at + 1 (0: none) */
  PlDbChangeFunc  change_func;
  GFunc           settled_func;
  gpointer        change_data;
  gboolean        unsettled;    /* rows written since settled_func ran */
};

struct _PlStmt
{
  PlDb         *db;
  sqlite3_stmt *handle;
  PlPgStmt     *pg;
  gboolean      kept;     /* belongs to db->statements */
  gboolean      in_use;
};

G_DEFINE_QUARK (pl-db-error-quark, pl_db_error)

/* The code of the error SQLite reports for @rc on @handle. */
static PlDbError
error_code (sqlite3 *handle,
            int      rc)
{
  int extended = handle ? sqlite3_extended_errcode (handle) : rc;

  switch (extended)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return PL_DB_ERROR_UNIQUE;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return PL_DB_ERROR_FOREIGN_KEY;
    case SQLITE_CONSTRAINT_NOTNULL:
      return PL_DB_ERROR_NOT_NULL;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_TRIGGER:
      return PL_DB_ERROR_CHECK;
    case SQLITE_READONLY_DBMOVED:
      return PL_DB_ERROR_MOVED;
    default:
      break;
    }

  switch (extended & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return PL_DB_ERROR_BUSY;
    case SQLITE_FULL:
      return PL_DB_ERROR_FULL;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return PL_DB_ERROR_READ_ONLY;
    case SQLITE_NOTADB:
      return PL_DB_ERROR_NOT_DATABASE;
    case SQLITE_CORRUPT:
      return PL_DB_ERROR_CORRUPT;
    case SQLITE_CONSTRAINT:
      return PL_DB_ERROR_CHECK;
    case SQLITE_IOERR:
      /* A write past RLIMIT_FSIZE or onto a full disk can surface as an
       * I/O error of the journal. */
      if (extended == SQLITE_IOERR_WRITE && (errno == ENOSPC || errno == EFBIG))
        return PL_DB_ERROR_FULL;
      return PL_DB_ERROR_FAILED;
    default:
      return PL_DB_ERROR_FAILED;
    }
}

static gboolean
set_error (GError  **error,
           sqlite3  *handle,
           int       rc)
{
  g_set_error_literal (error, PL_DB_ERROR, error_code (handle, rc),
                       handle ? sqlite3_errmsg (handle) : sqlite3_errstr (rc));
  return FALSE;
}

static void
on_update (void          *data,
           int            op,
           const char    *database,
           const char    *table,
           sqlite3_int64  rowid)
{
  PlDb *db = data;
  PlDbChange change;

  if (db->change_func == NULL || g_strcmp0 (database, "main") != 0)
    return;

  switch (op)
    {
    case SQLITE_INSERT: change = PL_DB_INSERT; break;
    case SQLITE_DELETE: change = PL_DB_DELETE; break;
    default: change = PL_DB_UPDATE; break;
    }

  pl_db_report_change (db, change, table, rowid);
}

void
pl_db_report_change (PlDb        *db,
                     PlDbChange   change,
                     const char  *table,
                     gint64       id)
{
  if (db->change_func == NULL)
    return;
  db->unsettled = TRUE;
  db->change_func (change, table, id, db->change_data);
}

void
pl_db_report_settled (PlDb *db)
{
  if (db->unsettled && db->settled_func != NULL)
    {
      db->unsettled = FALSE;
      db->settled_func (db, db->change_data);
    }
}

gboolean
pl_db_is_uri (const char *name)
{
  return pl_pg_is_uri (name);
}

/* After a statement: rows written outside an explicit transaction have
 * been committed by now. */
static void
settle (PlDb *db)
{
  if (sqlite3_get_autocommit (db->handle))
    pl_db_report_settled (db);
}

static void
stmt_destroy (gpointer data)
{
  PlStmt *stmt = data;

  if (stmt->pg != NULL)
    pl_pg_stmt_free (stmt->pg);
  else
    sqlite3_finalize (stmt->handle);
  g_free (stmt);
}

PlDb *
pl_db_open (const char  *path,
            gboolean     create,
            GError     **error)
{
  return pl_db_open_with_password (path, NULL, create, error);
}

PlDb *
pl_db_open_with_password (const char  *path,
                          const char  *password,
                          gboolean     create,
                          GError     **error)
{
  PlDb *db;
  int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  db = g_new0 (PlDb, 1);
  db->path = g_strdup (path);
  db->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, stmt_destroy);
  db->stamp_columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (pl_pg_is_uri (path))
    {
      db->pg = pl_pg_open (db, path, password, error);
      if (db->pg == NULL)
        {
          pl_db_close (db);
          return NULL;
        }
      return db;
    }

  pl_vfs_register ();

  rc = sqlite3_open_v2 (path, &db->handle, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PL_DB_ERROR, error_code (db->handle, rc), _("Cannot open “%s”: %s"),
                   path, db->handle ? sqlite3_errmsg (db->handle) : sqlite3_errstr (rc));
      pl_db_close (db);
      return NULL;
    }

  sqlite3_extended_result_codes (db->handle, 1);
  sqlite3_busy_timeout (db->handle, 5000);
  sqlite3_update_hook (db->handle, on_update, db);

  return db;
}

void
pl_db_close (PlDb *db)
{
  if (db == NULL)
    return;

  g_clear_pointer (&db->statements, g_hash_table_unref);
  g_clear_pointer (&db->session, sqlite3session_delete);
  g_clear_pointer (&db->stamp_columns, g_hash_table_unref);
  g_clear_pointer (&db->pg, pl_pg_close);
  if (db->handle != NULL)
    sqlite3_close_v2 (db->handle);
  g_free (db->path);
  g_free (db);
}

const char *
pl_db_get_path (PlDb *db)
{
  return db->path;
}

PlDbEngine
pl_db_get_engine (PlDb *db)
{
  return db->pg != NULL ? PL_DB_ENGINE_POSTGRESQL : PL_DB_ENGINE_SQLITE;
}

gboolean
pl_db_configure (PlDb    *db,
                 GError **error)
{
  if (db->pg != NULL)
    return TRUE;

  return pl_db_exec (db,
                     "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA recursive_triggers = OFF;",
                     error);
}

char *
pl_db_describe (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_describe (db->pg);
  return g_strdup (db->path);
}

gboolean
pl_db_get_login (PlDb  *db,
                 char **user,
                 char **database)
{
  if (db->pg == NULL)
    return FALSE;
  pl_pg_get_login (db->pg, user, database);
  return TRUE;
}

int
pl_db_get_socket (PlDb *db)
{
  return db->pg != NULL ? pl_pg_get_socket (db->pg) : -1;
}

gboolean
pl_db_check_connection (PlDb      *db,
                        gboolean  *reconnected,
                        GError   **error)
{
  *reconnected = FALSE;
  return db->pg != NULL ? pl_pg_check_connection (db->pg, reconnected, error) : TRUE;
}

GStrv
pl_db_poll_notifications (PlDb *db)
{
  return db->pg != NULL ? pl_pg_poll_notifications (db->pg) : NULL;
}

GHashTable *
pl_db_column_defaults (PlDb        *db,
                       const char  *table,
                       GError     **error)
{
  g_autoptr(GHashTable) defaults = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  if (db->pg != NULL)
    return pl_pg_column_defaults (db->pg, table, error);

  defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = pl_db_prepare (db, "SELECT name, dflt_value FROM pragma_table_info(?1)", &failure);
  if (stmt != NULL)
    pl_stmt_bind_text (stmt, 1, table);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    if (!pl_stmt_is_null (stmt, 1))
      g_hash_table_insert (defaults, pl_stmt_dup_text (stmt, 0), pl_stmt_dup_text (stmt, 1));

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return NULL;
    }
  return g_steal_pointer (&defaults);
}

gboolean
pl_db_sync_ids (PlDb        *db,
                const char  *table,
                GError     **error)
{
  /* SQLite gives max(id) + 1 anyway. */
  return db->pg == NULL || pl_pg_sync_ids (db->pg, table, error);
}

void
pl_db_set_change_func (PlDb           *db,
                       PlDbChangeFunc  func,
                       GFunc           settled,
                       gpointer        user_data)
{
  db->change_func = func;
  db->settled_func = settled;
  db->change_data = user_data;
}

gboolean
pl_db_exec (PlDb        *db,
            const char  *sql,
            GError     **error)
{
  char *message = NULL;
  int rc;

  if (db->pg != NULL)
    return pl_pg_exec (db->pg, sql, error);

  rc = sqlite3_exec (db->handle, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    {
      g_set_error_literal (error, PL_DB_ERROR, error_code (db->handle, rc),
                           message ? message : sqlite3_errmsg (db->handle));
      sqlite3_free (message);
      return FALSE;
    }

  settle (db);
  return TRUE;
}

gint64
pl_db_query_int (PlDb       *db,
                 const char *sql,
                 gint64      fallback)
{
  g_autoptr(PlStmt) stmt = pl_db_prepare (db, sql, NULL);

  if (stmt == NULL || !pl_stmt_next (stmt, NULL) || pl_stmt_is_null (stmt, 0))
    return fallback;
  return pl_stmt_get_int (stmt, 0);
}

gint64
pl_db_get_changes (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_get_changes (db->pg);
  return sqlite3_changes64 (db->handle);
}

gboolean
pl_db_in_transaction (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_in_transaction (db->pg);
  return sqlite3_get_autocommit (db->handle) == 0;
}

gboolean
pl_db_begin (PlDb    *db,
             GError **error)
{
  int moved = 0;

  if (db->pg != NULL)
    return pl_pg_begin (db->pg, error);

  /* In WAL mode SQLite does not look: a write to a file that was removed
   * or replaced would go nowhere anyone can find it. */
  if (sqlite3_file_control (db->handle, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK &&
      moved)
    {
      g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_MOVED,
                   _("“%s” was moved or removed while open"), db->path);
      return FALSE;
    }

  return pl_db_exec (db, "BEGIN IMMEDIATE", error);
}

gboolean
pl_db_commit (PlDb    *db,
              GError **error)
{
  if (db->pg != NULL)
    return pl_pg_commit (db->pg, error);
  return pl_db_exec (db, "COMMIT", error);
}

void
pl_db_rollback (PlDb *db)
{
  /* SQLite may have rolled back already (a full disk does that). What was
   * written is undone, so nobody is to hear of it. */
  if (db->pg != NULL)
    pl_pg_rollback (db->pg);
  else if (pl_db_in_transaction (db))
    sqlite3_exec (db->handle, "ROLLBACK", NULL, NULL, NULL);
  db->unsettled = FALSE;
}

gboolean
pl_db_begin_read (PlDb    *db,
                  GError **error)
{
  /* SQLite's deferred BEGIN takes its snapshot at the first read. */
  return pl_db_exec (db, db->pg != NULL ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                        : "BEGIN", error);
}

void
pl_db_end_read (PlDb *db)
{
  if (pl_db_in_transaction (db))
    pl_db_exec (db, "COMMIT", NULL);
}

const char *
pl_db_sql (PlDb    *db,
           PlDbSql  what)
{
  if (db->pg != NULL)
    return pl_pg_sql (what);

  switch (what)
    {
    case PL_DB_SQL_NOW:
      return "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
    case PL_DB_SQL_NOCASE:
      return "COLLATE NOCASE";
    case PL_DB_SQL_SEARCH:
      return "search MATCH ";
    default:
      g_return_val_if_reached ("");
    }
}

int
pl_db_get_version (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_get_version (db->pg);
  return (int) pl_db_query_int (db, "PRAGMA user_version", -1);
}

gboolean
pl_db_set_version (PlDb     *db,
                   int       version,
                   guint32   application_id,
                   GError  **error)
{
  g_autofree char *sql = NULL;

  if (db->pg != NULL)
    return pl_pg_set_version (db->pg, version, application_id, error);

  sql = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                         version, (gint32) application_id);
  return pl_db_exec (db, sql, error);
}

guint32
pl_db_get_application_id (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_get_application_id (db->pg);
  return (guint32) pl_db_query_int (db, "PRAGMA application_id", 0);
}

gint64
pl_db_count_tables (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_count_tables (db->pg);
  return pl_db_query_int (db, "SELECT count(*) FROM sqlite_schema", 0);
}

static void
collect_rows (PlDb       *db,
              const char *sql,
              GPtrArray  *report,
              const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStmt) stmt = pl_db_prepare_once (db, sql, &error);

  if (stmt == NULL)
    {
      g_ptr_array_add (report, g_strdup_printf ("%s%s", prefix, error->message));
      return;
    }

  while (pl_stmt_next (stmt, &error))
    {
      g_autoptr(GString) line = g_string_new (prefix);

      for (int i = 0; i < pl_stmt_get_n_columns (stmt); i++)
        {
          const char *text = pl_stmt_get_text (stmt, i);
          g_string_append_printf (line, "%s%s", i ? " " : "", text ? text : "-");
        }

      if (g_str_equal (line->str + strlen (prefix), "ok"))
        continue;
      g_ptr_array_add (report, g_string_free (g_steal_pointer (&line), FALSE));
    }

  if (error != NULL)
    g_ptr_array_add (report, g_strdup_printf ("%s%s", prefix, error->message));
}

void
pl_db_check (PlDb      *db,
             GPtrArray *report)
{
  if (db->pg != NULL)
    {
      pl_pg_check (db->pg, report);
      return;
    }
  collect_rows (db, "PRAGMA integrity_check", report, _("integrity: "));
  collect_rows (db, "PRAGMA foreign_key_check", report, _("missing reference: "));
}

GStrv
pl_db_list_restricting_references (PlDb       *db,
                                   const char *table)
{
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();
  g_autoptr(PlStmt) stmt = NULL;

  if (db->pg != NULL)
    return pl_pg_list_restricting_references (db->pg, table);

  stmt = pl_db_prepare (db,
                        "SELECT m.name, f.\"from\" FROM sqlite_schema AS m, "
                        "pragma_foreign_key_list(m.name) AS f "
                        "WHERE m.type = 'table' AND f.\"table\" = ?1 "
                        "AND f.on_delete IN ('RESTRICT', 'NO ACTION') ORDER BY m.name",
                        NULL);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, table);
      while (pl_stmt_next (stmt, NULL))
        {
          g_strv_builder_add (pairs, pl_stmt_get_text (stmt, 0));
          g_strv_builder_add (pairs, pl_stmt_get_text (stmt, 1));
        }
    }

  return g_strv_builder_end (pairs);
}

gboolean
pl_db_backup (PlDb        *db,
              const char  *dest,
              GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".partial", NULL);
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  if (db->pg != NULL)
    {
      g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_FAILED,
                   _("A shared database is copied with “placements-cli copy”, not backed up "
                     "as a file"));
      return FALSE;
    }

  /* The copy is made by SQLite (through the VFS, so mode 0600 from its
   * first moment) under another name, and renamed when whole. */
  g_unlink (tmp);
  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PL_DB_ERROR, error_code (out, rc), _("Cannot write the copy: %s"),
                   out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  backup = sqlite3_backup_init (out, "main", db->handle, "main");
  if (backup == NULL)
    {
      g_set_error (error, PL_DB_ERROR, error_code (out, SQLITE_ERROR),
                   _("Cannot copy the database: %s"), sqlite3_errmsg (out));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  /* The copy is a plain rollback-journal file, readable on its own. */
  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK
         ? SQLITE_DONE : sqlite3_errcode (out);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PL_DB_ERROR, error_code (out, rc),
                   _("Cannot copy the database: %s"), sqlite3_errmsg (out));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (out);

  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), dest, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

/* Recording and undo, on SQLite's session extension. */

/* The search index keeps itself (its triggers run again when changes are
 * applied): only the model's own tables are recorded. */
static int
record_table (void       *data,
              const char *table)
{
  return !g_str_has_prefix (table, "search") && !g_str_has_prefix (table, "sqlite_");
}

gboolean
pl_db_record_start (PlDb    *db,
                    GError **error)
{
  int rc;

  if (db->pg != NULL)
    return pl_pg_record_start (db->pg, error);
  if (db->session != NULL)
    return TRUE;

  rc = sqlite3session_create (db->handle, "main", &db->session);
  if (rc == SQLITE_OK)
    {
      sqlite3session_table_filter (db->session, record_table, NULL);
      rc = sqlite3session_attach (db->session, NULL);
    }
  if (rc != SQLITE_OK)
    {
      g_clear_pointer (&db->session, sqlite3session_delete);
      return set_error (error, db->handle, rc);
    }

  return TRUE;
}

gboolean
pl_db_is_recording (PlDb *db)
{
  if (db->pg != NULL)
    return pl_pg_is_recording (db->pg);
  return db->session != NULL;
}

static GBytes *
bytes_from_sqlite (void *data,
                   int   size)
{
  if (data == NULL || size <= 0)
    {
      sqlite3_free (data);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, size, sqlite3_free, data);
}

GBytes *
pl_db_record_take (PlDb *db)
{
  void *data = NULL;
  int size = 0;

  if (db->pg != NULL)
    return pl_pg_record_take (db->pg);
  if (db->session == NULL)
    return NULL;

  if (!sqlite3session_isempty (db->session) &&
      sqlite3session_changeset (db->session, &size, &data) != SQLITE_OK)
    size = 0;
  g_clear_pointer (&db->session, sqlite3session_delete);

  return bytes_from_sqlite (data, size);
}

GBytes *
pl_db_record_peek (PlDb *db)
{
  void *data = NULL;
  int size = 0;

  if (db->pg != NULL)
    return pl_pg_record_peek (db->pg);
  if (db->session == NULL || sqlite3session_isempty (db->session) ||
      sqlite3session_changeset (db->session, &size, &data) != SQLITE_OK)
    return NULL;

  return bytes_from_sqlite (data, size);
}

GBytes *
pl_db_changes_concat (GBytes *first,
                      GBytes *second)
{
  void *data = NULL;
  int size = 0;
  gsize n1, n2;
  gconstpointer p1 = g_bytes_get_data (first, &n1);
  gconstpointer p2 = g_bytes_get_data (second, &n2);

  if (pl_pg_is_changes (first) || pl_pg_is_changes (second))
    return pl_pg_changes_concat (first, second);

  if (sqlite3changeset_concat ((int) n1, (void *) p1, (int) n2, (void *) p2, &size, &data)
      != SQLITE_OK)
    return NULL;
  return bytes_from_sqlite (data, size);
}

static gboolean
values_equal (sqlite3_value *a,
              sqlite3_value *b)
{
  int type;

  if (a == NULL || b == NULL)
    return a == b;

  type = sqlite3_value_type (a);
  if (type != sqlite3_value_type (b))
    return FALSE;

  switch (type)
    {
    case SQLITE_NULL:
      return TRUE;
    case SQLITE_INTEGER:
      return sqlite3_value_int64 (a) == sqlite3_value_int64 (b);
    case SQLITE_FLOAT:
      return sqlite3_value_double (a) == sqlite3_value_double (b);
    default:
      return sqlite3_value_bytes (a) == sqlite3_value_bytes (b) &&
             memcmp (sqlite3_value_blob (a), sqlite3_value_blob (b),
                     sqlite3_value_bytes (a)) == 0;
    }
}

/* Whether the row in the way already holds what the change would write. */
static gboolean
already_applied (sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  for (int i = 0; i < n_columns; i++)
    {
      sqlite3_value *wanted = NULL;
      sqlite3_value *found = NULL;

      if (sqlite3changeset_new (iter, i, &wanted) != SQLITE_OK)
        return FALSE;
      if (wanted == NULL)
        continue;   /* a column an UPDATE does not touch */
      if (sqlite3changeset_conflict (iter, i, &found) != SQLITE_OK || !values_equal (wanted, found))
        return FALSE;
    }

  return TRUE;
}

static int
on_conflict (void                   *data,
             int                     conflict,
             sqlite3_changeset_iter *iter)
{
  const char *table;
  int n_columns, op, indirect;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);

  switch (conflict)
    {
    case SQLITE_CHANGESET_NOTFOUND:
      /* Removed already by a cascade of a row deleted before it. */
      return op == SQLITE_DELETE ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_ABORT;

    case SQLITE_CHANGESET_DATA:
    case SQLITE_CHANGESET_CONFLICT:
      /* Set already (a cascade's SET NULL, say), or changed by someone. */
      return op != SQLITE_DELETE && already_applied (iter)
             ? SQLITE_CHANGESET_OMIT : SQLITE_CHANGESET_ABORT;

    default:
      return SQLITE_CHANGESET_ABORT;
    }
}

/* The position of @table's updated_at column, or -1. */
static int
stamp_column (PlDb       *db,
              const char *table)
{
  gpointer found;
  int index = -1;

  if (g_hash_table_lookup_extended (db->stamp_columns, table, NULL, &found))
    return GPOINTER_TO_INT (found) - 1;

  {
    g_autofree char *sql = g_strdup_printf ("SELECT cid FROM pragma_table_info('%s') "
                                            "WHERE name = 'updated_at'", table);
    index = (int) pl_db_query_int (db, sql, -1);
  }
  g_hash_table_insert (db->stamp_columns, g_strdup (table), GINT_TO_POINTER (index + 1));
  return index;
}

typedef struct
{
  char   *table;
  gint64  id;
  char   *stamp;
} StampFix;

static void
stamp_fix_clear (gpointer data)
{
  StampFix *fix = data;

  g_free (fix->table);
  g_free (fix->stamp);
}

/* A table's "touch" trigger sets updated_at on every UPDATE that does not
 * set it itself. Applying a change whose UPDATE left updated_at alone
 * (two writes in the same second) would let the trigger stamp the row with
 * the time of the undo: the rows are stamped back afterwards, to what the
 * change leaves them, so that undo gives back exactly the rows there were. */
static GArray *
collect_stamps (PlDb           *db,
                GBytes         *changes,
                gboolean        invert)
{
  GArray *fixes = g_array_new (FALSE, TRUE, sizeof (StampFix));
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  gconstpointer data = g_bytes_get_data (changes, &size);

  g_array_set_clear_func (fixes, stamp_fix_clear);

  if (sqlite3changeset_start_v2 (&iter, (int) size, (void *) data,
                                 invert ? SQLITE_CHANGESETSTART_INVERT : 0) != SQLITE_OK)
    return fixes;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect, column;
      sqlite3_value *key = NULL;
      sqlite3_value *stamp = NULL;
      StampFix fix = { 0 };

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      if (op != SQLITE_UPDATE || (column = stamp_column (db, table)) < 0)
        continue;
      if (sqlite3changeset_old (iter, 0, &key) != SQLITE_OK || key == NULL ||
          sqlite3_value_type (key) != SQLITE_INTEGER)
        continue;

      fix.table = g_strdup (table);
      fix.id = sqlite3_value_int64 (key);
      if (sqlite3changeset_new (iter, column, &stamp) == SQLITE_OK && stamp != NULL)
        fix.stamp = g_strdup ((const char *) sqlite3_value_text (stamp));
      else
        {
          /* Not part of the change: it stays what it is now. */
          g_autofree char *sql = g_strdup_printf ("SELECT updated_at FROM %s WHERE id = ?1", table);
          g_autoptr(PlStmt) read = pl_db_prepare_once (db, sql, NULL);

          if (read == NULL)
            {
              stamp_fix_clear (&fix);
              continue;
            }
          pl_stmt_bind_int (read, 1, fix.id);
          if (pl_stmt_next (read, NULL))
            fix.stamp = pl_stmt_dup_text (read, 0);
        }

      if (fix.stamp != NULL)
        g_array_append_val (fixes, fix);
      else
        stamp_fix_clear (&fix);
    }

  sqlite3changeset_finalize (iter);
  return fixes;
}

gboolean
pl_db_apply_changes (PlDb      *db,
                     GBytes    *changes,
                     gboolean   invert,
                     GError   **error)
{
  g_autoptr(GArray) fixes = NULL;
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (db->session == NULL, FALSE);

  if (db->pg != NULL)
    {
      if (!pl_pg_is_changes (changes))
        {
          g_set_error_literal (error, PL_DB_ERROR, PL_DB_ERROR_CHECK,
                               _("The records have changed since"));
          return FALSE;
        }
      return pl_pg_apply_changes (db->pg, changes, invert, error);
    }

  fixes = collect_stamps (db, changes, invert);

  data = g_bytes_get_data (changes, &size);
  rc = sqlite3changeset_apply_v2 (db->handle, (int) size, (void *) data, NULL, on_conflict, db,
                                  NULL, NULL, invert ? SQLITE_CHANGESETAPPLY_INVERT : 0);
  if (rc != SQLITE_OK)
    {
      if (rc == SQLITE_ABORT)
        g_set_error_literal (error, PL_DB_ERROR, PL_DB_ERROR_CHECK,
                             _("The records have changed since"));
      else
        set_error (error, db->handle, rc);
      return FALSE;
    }

  for (guint i = 0; i < fixes->len; i++)
    {
      StampFix *fix = &g_array_index (fixes, StampFix, i);
      g_autofree char *sql =
        g_strdup_printf ("UPDATE %s SET updated_at = ?1 WHERE id = ?2 AND updated_at IS NOT ?1",
                         fix->table);
      g_autoptr(PlStmt) stamp = pl_db_prepare (db, sql, error);

      if (stamp == NULL)
        return FALSE;
      pl_stmt_bind_text (stamp, 1, fix->stamp);
      pl_stmt_bind_int (stamp, 2, fix->id);
      if (!pl_stmt_run (stamp, error))
        return FALSE;
    }

  return TRUE;
}

GArray *
pl_db_changes_summary (GBytes *changes)
{
  GArray *summary = g_array_new (FALSE, TRUE, sizeof (PlDbTableChanges));
  sqlite3_changeset_iter *iter = NULL;
  gsize size;
  gconstpointer data;

  if (changes == NULL)
    return summary;
  if (pl_pg_is_changes (changes))
    {
      g_array_unref (summary);
      return pl_pg_changes_summary (changes);
    }

  data = g_bytes_get_data (changes, &size);
  if (sqlite3changeset_start (&iter, (int) size, (void *) data) != SQLITE_OK)
    return summary;

  while (sqlite3changeset_next (iter) == SQLITE_ROW)
    {
      const char *table;
      int n_columns, op, indirect;
      PlDbTableChanges *entry = NULL;
      const char *name;

      sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
      name = g_intern_string (table);
      for (guint i = 0; i < summary->len && entry == NULL; i++)
        if (g_array_index (summary, PlDbTableChanges, i).table == name)
          entry = &g_array_index (summary, PlDbTableChanges, i);

      if (entry == NULL)
        {
          PlDbTableChanges fresh = { name, 0, 0, 0, 0 };
          sqlite3_value *key = NULL;

          if (op == SQLITE_INSERT)
            sqlite3changeset_new (iter, 0, &key);
          else
            sqlite3changeset_old (iter, 0, &key);
          if (key != NULL && sqlite3_value_type (key) == SQLITE_INTEGER)
            fresh.first_id = sqlite3_value_int64 (key);

          g_array_append_val (summary, fresh);
          entry = &g_array_index (summary, PlDbTableChanges, summary->len - 1);
        }

      if (op == SQLITE_INSERT)
        entry->inserted++;
      else if (op == SQLITE_DELETE)
        entry->deleted++;
      else
        entry->updated++;
    }

  sqlite3changeset_finalize (iter);
  return summary;
}

static PlStmt *
prepare (PlDb        *db,
         const char  *sql,
         gboolean     keep,
         GError     **error)
{
  PlStmt *stmt = g_new0 (PlStmt, 1);
  int rc;

  stmt->db = db;
  if (db->pg != NULL)
    {
      stmt->pg = pl_pg_stmt_new (db->pg, sql);
      rc = SQLITE_OK;
    }
  else
    rc = sqlite3_prepare_v3 (db->handle, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0,
                           &stmt->handle, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PL_DB_ERROR, error_code (db->handle, rc),
                   _("Cannot prepare a query: %s"), sqlite3_errmsg (db->handle));
      g_free (stmt);
      return NULL;
    }

  if (keep)
    {
      stmt->kept = TRUE;
      g_hash_table_insert (db->statements, g_strdup (sql), stmt);
    }
  stmt->in_use = TRUE;
  return stmt;
}

PlStmt *
pl_db_prepare (PlDb        *db,
               const char  *sql,
               GError     **error)
{
  PlStmt *stmt;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (db->statements, sql);
  if (stmt == NULL)
    return prepare (db, sql, TRUE, error);

  /* The kept one is busy in a caller up the stack: a second, not kept. */
  if (stmt->in_use)
    return prepare (db, sql, FALSE, error);

  stmt->in_use = TRUE;
  return stmt;
}

PlStmt *
pl_db_prepare_once (PlDb        *db,
                    const char  *sql,
                    GError     **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return prepare (db, sql, FALSE, error);
}

void
pl_stmt_free (PlStmt *stmt)
{
  if (stmt == NULL)
    return;

  if (!stmt->kept)
    {
      stmt_destroy (stmt);
      return;
    }

  if (stmt->pg != NULL)
    pl_pg_stmt_clear (stmt->pg);
  else
    {
      sqlite3_reset (stmt->handle);
      sqlite3_clear_bindings (stmt->handle);
    }
  stmt->in_use = FALSE;
}

void
pl_stmt_bind_int (PlStmt *stmt,
                  int     index,
                  gint64  value)
{
  if (stmt->pg != NULL)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
      pl_pg_stmt_bind (stmt->pg, index, text, 'i');
      return;
    }
  sqlite3_bind_int64 (stmt->handle, index, value);
}

void
pl_stmt_bind_double (PlStmt *stmt,
                     int     index,
                     double  value)
{
  if (stmt->pg != NULL)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      pl_pg_stmt_bind (stmt->pg, index, g_ascii_dtostr (text, sizeof text, value), 'd');
      return;
    }
  sqlite3_bind_double (stmt->handle, index, value);
}

void
pl_stmt_bind_text (PlStmt     *stmt,
                   int         index,
                   const char *value)
{
  if (stmt->pg != NULL)
    pl_pg_stmt_bind (stmt->pg, index, value, 't');
  else if (value == NULL)
    sqlite3_bind_null (stmt->handle, index);
  else
    sqlite3_bind_text (stmt->handle, index, value, -1, SQLITE_TRANSIENT);
}

void
pl_stmt_bind_null (PlStmt *stmt,
                   int     index)
{
  if (stmt->pg != NULL)
    pl_pg_stmt_bind (stmt->pg, index, NULL, 'n');
  else
    sqlite3_bind_null (stmt->handle, index);
}

void
pl_stmt_bind_id (PlStmt *stmt,
                 int     index,
                 gint64  id)
{
  if (id > 0)
    pl_stmt_bind_int (stmt, index, id);
  else
    pl_stmt_bind_null (stmt, index);
}

gboolean
pl_stmt_next (PlStmt  *stmt,
              GError **error)
{
  int rc;

  if (stmt->pg != NULL)
    return pl_pg_stmt_next (stmt->pg, error);

  rc = sqlite3_step (stmt->handle);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    set_error (error, stmt->db->handle, rc);
  else
    settle (stmt->db);
  return FALSE;
}

gboolean
pl_stmt_run (PlStmt  *stmt,
             GError **error)
{
  int rc;

  if (stmt->pg != NULL)
    return pl_pg_stmt_run (stmt->pg, error);

  while ((rc = sqlite3_step (stmt->handle)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      set_error (error, stmt->db->handle, rc);
      sqlite3_reset (stmt->handle);
      return FALSE;
    }

  sqlite3_reset (stmt->handle);
  settle (stmt->db);
  return TRUE;
}

void
pl_stmt_reset (PlStmt *stmt)
{
  if (stmt->pg != NULL)
    pl_pg_stmt_reset (stmt->pg);
  else
    sqlite3_reset (stmt->handle);
}

gboolean
pl_stmt_is_null (PlStmt *stmt,
                 int     column)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_is_null (stmt->pg, column);
  return sqlite3_column_type (stmt->handle, column) == SQLITE_NULL;
}

gint64
pl_stmt_get_int (PlStmt *stmt,
                 int     column)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_get_int (stmt->pg, column);
  return sqlite3_column_int64 (stmt->handle, column);
}

double
pl_stmt_get_double (PlStmt *stmt,
                    int     column)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_get_double (stmt->pg, column);
  return sqlite3_column_double (stmt->handle, column);
}

const char *
pl_stmt_get_text (PlStmt *stmt,
                  int     column)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_get_text (stmt->pg, column);
  return (const char *) sqlite3_column_text (stmt->handle, column);
}

char *
pl_stmt_dup_text (PlStmt *stmt,
                  int     column)
{
  return g_strdup (pl_stmt_get_text (stmt, column));
}

int
pl_stmt_get_n_columns (PlStmt *stmt)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_get_n_columns (stmt->pg);
  return sqlite3_column_count (stmt->handle);
}

const char *
pl_stmt_get_column_name (PlStmt *stmt,
                         int     column)
{
  if (stmt->pg != NULL)
    return pl_pg_stmt_get_column_name (stmt->pg, column);
  return sqlite3_column_name (stmt->handle, column);
}

/* For the tests and benchmarks (tests/lib/pl-test-sqlite.h). */
sqlite3 *pl_db_get_sqlite (PlDb *db);

sqlite3 *
pl_db_get_sqlite (PlDb *db)
{
  return db->handle;
}
