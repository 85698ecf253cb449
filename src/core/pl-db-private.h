/* pl-db-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The connection under the store, for the modules of src/core only: no
 * header outside src/core may include this one (check-layers.py fails on
 * it), and nothing of it appears in a public header.
 *
 * It is the one place that knows which database engine is underneath.
 * Everything above it is written against this interface:
 *
 * - Parameters are `?` or `?N` (1-based); columns are read by position.
 * - Values are text, 64-bit integers, doubles and NULL. Dates are ISO
 *   `YYYY-MM-DD` text, booleans integers 0 and 1.
 * - SQL sticks to what SQLite and PostgreSQL both understand: coalesce(),
 *   CASE, `INSERT … ON CONFLICT … DO …`, `RETURNING`, `count(*) FILTER
 *   (WHERE …)`, standard joins and subqueries. Where an engine's own
 *   function is needed, pl_db_sql() gives the spelling.
 * - Every write goes through here, so the connection sees every changed
 *   row and reports it to the store (PlDbChangeFunc), which tells the
 *   model's listeners once the transaction has committed. */

typedef struct _PlDb   PlDb;
typedef struct _PlStmt PlStmt;

#define PL_DB_ERROR (pl_db_error_quark ())

typedef enum
{
  PL_DB_ERROR_FAILED,
  PL_DB_ERROR_BUSY,         /* another connection holds the lock too long */
  PL_DB_ERROR_FULL,         /* the disk (or the file size limit) is full */
  PL_DB_ERROR_READ_ONLY,    /* the file or its folder cannot be written */
  PL_DB_ERROR_MOVED,        /* the file was removed or replaced under us */
  PL_DB_ERROR_NOT_DATABASE, /* the file is not a database at all */
  PL_DB_ERROR_CORRUPT,
  PL_DB_ERROR_UNIQUE,       /* constraint violations, by kind */
  PL_DB_ERROR_FOREIGN_KEY,
  PL_DB_ERROR_NOT_NULL,
  PL_DB_ERROR_CHECK,        /* the message names the constraint */
  PL_DB_ERROR_UNREACHABLE,  /* the database server is gone or refuses us */
  PL_DB_ERROR_REFUSED,      /* the server's access rules keep this role from it */
  PL_DB_ERROR_NEEDS_PASSWORD, /* the server asks for a password, none was given */
} PlDbError;

GQuark pl_db_error_quark (void);

typedef enum
{
  PL_DB_INSERT,
  PL_DB_UPDATE,
  PL_DB_DELETE,
} PlDbChange;

/* Called for every row a statement writes, inside the statement: it must
 * not use the connection. */
typedef void (*PlDbChangeFunc) (PlDbChange  change,
                                const char *table,
                                gint64      id,
                                gpointer    user_data);

typedef enum
{
  PL_DB_ENGINE_SQLITE,
  PL_DB_ENGINE_POSTGRESQL,
} PlDbEngine;

/* Whether @name is a server's connection URI (postgresql://…) rather than
 * a file's path. */
gboolean    pl_db_is_uri          (const char      *name);

/* Opens the database at @path, or the server's data set @path names when
 * it is a URI; only with @create is a missing file made (mode 0600,
 * through the VFS of pl-vfs.c). */
PlDb       *pl_db_open            (const char      *path,
                                   gboolean         create,
                                   GError         **error);
/* The same with the password of a server's login (NULL: none, or what
 * libpq finds itself); ignored for a file. Only libpq keeps it, for
 * reconnecting: it is in no name and no message. */
PlDb       *pl_db_open_with_password (const char   *path,
                                      const char   *password,
                                      gboolean      create,
                                      GError      **error);
void        pl_db_close           (PlDb            *db);
const char *pl_db_get_path        (PlDb            *db);
PlDbEngine  pl_db_get_engine      (PlDb            *db);
/* Settings of the connection once its schema is current (journal, keys). */
gboolean    pl_db_configure       (PlDb            *db,
                                   GError         **error);
/* Who and where, for people: "coordinator@/placements" (transfer full). */
char       *pl_db_describe        (PlDb            *db);
/* A server's login and database names (transfer full); FALSE for a file. */
gboolean    pl_db_get_login       (PlDb            *db,
                                   char           **user,
                                   char           **database);
/* A server's connection: its socket, to watch for other sessions'
 * writes, and the tables they wrote since the last call (transfer full,
 * NULL for none). -1 and NULL for a file. */
int         pl_db_get_socket      (PlDb            *db);
GStrv       pl_db_poll_notifications (PlDb         *db);
/* Whether the server can be reached, reconnecting outside a transaction
 * (a file: always); @reconnected tells whether the session was new. */
gboolean    pl_db_check_connection (PlDb          *db,
                                    gboolean      *reconnected,
                                    GError       **error);
/* @func hears of every row written; @settled is called when written rows
 * have become permanent outside an explicit transaction (a statement run
 * on its own), when it is safe to use the connection again. */
void        pl_db_set_change_func (PlDb            *db,
                                   PlDbChangeFunc   func,
                                   GFunc            settled,
                                   gpointer         user_data);

/* Runs one or more statements that return no rows. */
gboolean    pl_db_exec            (PlDb            *db,
                                   const char      *sql,
                                   GError         **error);
/* The first column of the first row of @sql, or @fallback. */
gint64      pl_db_query_int       (PlDb            *db,
                                   const char      *sql,
                                   gint64           fallback);
/* Rows written, inserted or deleted by the last statement that wrote. */
gint64      pl_db_get_changes     (PlDb            *db);
gboolean    pl_db_in_transaction  (PlDb            *db);

/* Transactions: BEGIN takes the write lock at once, so that two writers
 * wait for each other at the start rather than fail at the end. */
gboolean    pl_db_begin           (PlDb            *db,
                                   GError         **error);
gboolean    pl_db_commit          (PlDb            *db,
                                   GError         **error);
void        pl_db_rollback        (PlDb            *db);
/* A read-only snapshot: everything read until pl_db_end_read() sees the
 * data as it stood at the first read, and keeps no writer waiting. */
gboolean    pl_db_begin_read      (PlDb            *db,
                                   GError         **error);
void        pl_db_end_read        (PlDb            *db);

/* The engine's spelling of the few things SQL does not standardise. */
typedef enum
{
  PL_DB_SQL_NOW,        /* the current UTC time as 'YYYY-MM-DDTHH:MM:SSZ' text */
  PL_DB_SQL_NOCASE,     /* the collation suffix for case-blind text order */
  PL_DB_SQL_SEARCH,     /* put before "(?N)": the search index's rows matching
                         * the query pl_search_build_query() wrote */
} PlDbSql;

const char *pl_db_sql             (PlDb            *db,
                                   PlDbSql          what);

/* The schema's version and owner marks, and the engine's own checks. */
int         pl_db_get_version     (PlDb            *db);
gboolean    pl_db_set_version     (PlDb            *db,
                                   int              version,
                                   guint32          application_id,
                                   GError         **error);
guint32     pl_db_get_application_id (PlDb         *db);
gint64      pl_db_count_tables    (PlDb            *db);
/* Appends one line per problem the engine finds in the file. */
void        pl_db_check           (PlDb            *db,
                                   GPtrArray       *report);
/* The columns elsewhere that refer to rows of @table and keep them from
 * being deleted while referred to (no ON DELETE action): pairs of table
 * and column names, flattened (transfer full). */
GStrv       pl_db_list_restricting_references (PlDb   *db,
                                               const char *table);
/* The schema's default of each column of @table that has one, as SQL
 * text (column name → expression; transfer full). */
GHashTable *pl_db_column_defaults (PlDb            *db,
                                   const char      *table,
                                   GError         **error);
/* After rows were inserted with ids of their own: ids given later follow
 * them. */
gboolean    pl_db_sync_ids        (PlDb            *db,
                                   const char      *table,
                                   GError         **error);
/* A consistent copy of the whole database at @dest, written whole or not
 * at all, mode 0600, readable without a WAL. */
gboolean    pl_db_backup          (PlDb            *db,
                                   const char      *dest,
                                   GError         **error);

/* Recording, for undo: between pl_db_record_start() and
 * pl_db_record_take(), every row written to the model's tables (not the
 * search index's own, which its triggers keep) is captured with its values
 * before and after. */
gboolean    pl_db_record_start    (PlDb            *db,
                                   GError         **error);
gboolean    pl_db_is_recording    (PlDb            *db);
/* Stops recording; (transfer full) (nullable): what changed, NULL for
 * nothing. */
GBytes     *pl_db_record_take     (PlDb            *db);
/* What has been recorded so far, recording on (transfer full) (nullable). */
GBytes     *pl_db_record_peek     (PlDb            *db);
/* Joins two recordings, @first then @second, into one (transfer full). */
GBytes     *pl_db_changes_concat  (GBytes          *first,
                                   GBytes          *second);
/* Writes @changes again (@invert FALSE) or undoes them (@invert TRUE),
 * inside the caller's transaction. A row that is no longer as @changes
 * left (or found) it refuses the whole: PL_DB_ERROR_CHECK ("changed
 * since"). Rows the database's own cascades already removed, or that
 * already hold the wanted values, are passed over. */
gboolean    pl_db_apply_changes   (PlDb            *db,
                                   GBytes          *changes,
                                   gboolean         invert,
                                   GError         **error);

typedef struct
{
  const char *table;
  guint       inserted;
  guint       updated;
  guint       deleted;
  gint64      first_id;   /* the first row's id, when its key is one integer */
} PlDbTableChanges;

/* What @changes holds, table by table in the order they were first
 * written (element-type PlDbTableChanges; the table names are interned). */
GArray     *pl_db_changes_summary (GBytes          *changes);

/* A statement, prepared once per connection and kept (@sql is the key):
 * use literals in @sql only for things that never vary. Free it (or let
 * g_autoptr do it) to give it back; one in use is never handed out twice,
 * so a query may run inside another's loop. */
PlStmt     *pl_db_prepare         (PlDb            *db,
                                   const char      *sql,
                                   GError         **error);
/* The same for SQL built at run time (a list of ids): not kept. */
PlStmt     *pl_db_prepare_once    (PlDb            *db,
                                   const char      *sql,
                                   GError         **error);
void        pl_stmt_free          (PlStmt          *stmt);

void        pl_stmt_bind_int      (PlStmt          *stmt,
                                   int              index,
                                   gint64           value);
void        pl_stmt_bind_double   (PlStmt          *stmt,
                                   int              index,
                                   double           value);
/* NULL binds NULL. */
void        pl_stmt_bind_text     (PlStmt          *stmt,
                                   int              index,
                                   const char      *value);
void        pl_stmt_bind_null     (PlStmt          *stmt,
                                   int              index);
/* 0 binds NULL: for optional references. */
void        pl_stmt_bind_id       (PlStmt          *stmt,
                                   int              index,
                                   gint64           id);

/* Steps to the next row: TRUE when there is one; FALSE at the end, or on
 * an error (then @error is set). */
gboolean    pl_stmt_next          (PlStmt          *stmt,
                                   GError         **error);
/* Runs a statement that returns no rows (or whose rows are not wanted). */
gboolean    pl_stmt_run           (PlStmt          *stmt,
                                   GError         **error);
/* Makes the statement ready to run again, keeping its bindings. */
void        pl_stmt_reset         (PlStmt          *stmt);

gboolean    pl_stmt_is_null       (PlStmt          *stmt,
                                   int              column);
gint64      pl_stmt_get_int       (PlStmt          *stmt,
                                   int              column);
double      pl_stmt_get_double    (PlStmt          *stmt,
                                   int              column);
/* Valid until the next step; NULL for NULL. */
const char *pl_stmt_get_text      (PlStmt          *stmt,
                                   int              column);
char       *pl_stmt_dup_text      (PlStmt          *stmt,
                                   int              column);
int         pl_stmt_get_n_columns (PlStmt          *stmt);
const char *pl_stmt_get_column_name (PlStmt        *stmt,
                                     int            column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStmt, pl_stmt_free)

G_END_DECLS
