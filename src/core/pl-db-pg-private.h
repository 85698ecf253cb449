/* pl-db-pg-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-db-private.h"

G_BEGIN_DECLS

/* The PostgreSQL engine under PlDb (pl-db.c dispatches to it when the
 * database is named by a libpq URI). Only pl-db.c includes this header. */

typedef struct _PlPg     PlPg;
typedef struct _PlPgStmt PlPgStmt;

/* Whether @name is a libpq connection URI rather than a file's path. */
gboolean    pl_pg_is_uri            (const char  *name);

/* @password may be NULL: libpq then finds one, or does without. */
PlPg       *pl_pg_open              (PlDb        *owner,
                                     const char  *uri,
                                     const char  *password,
                                     GError     **error);
void        pl_pg_close             (PlPg        *pg);

gboolean    pl_pg_exec              (PlPg        *pg,
                                     const char  *sql,
                                     GError     **error);
gint64      pl_pg_get_changes       (PlPg        *pg);
gboolean    pl_pg_in_transaction    (PlPg        *pg);
gboolean    pl_pg_begin             (PlPg        *pg,
                                     GError     **error);
gboolean    pl_pg_commit            (PlPg        *pg,
                                     GError     **error);
void        pl_pg_rollback          (PlPg        *pg);
const char *pl_pg_sql               (PlDbSql      what);
int         pl_pg_get_version       (PlPg        *pg);
gboolean    pl_pg_set_version       (PlPg        *pg,
                                     int          version,
                                     guint32      application_id,
                                     GError     **error);
guint32     pl_pg_get_application_id (PlPg       *pg);
gint64      pl_pg_count_tables      (PlPg        *pg);
void        pl_pg_check             (PlPg        *pg,
                                     GPtrArray   *report);
GStrv       pl_pg_list_restricting_references (PlPg       *pg,
                                               const char *table);
GHashTable *pl_pg_column_defaults   (PlPg        *pg,
                                     const char  *table,
                                     GError     **error);
gboolean    pl_pg_sync_ids          (PlPg        *pg,
                                     const char  *table,
                                     GError     **error);
GStrv       pl_pg_poll_notifications (PlPg       *pg);
gboolean    pl_pg_check_connection  (PlPg        *pg,
                                     gboolean    *reconnected,
                                     GError     **error);
int         pl_pg_get_socket        (PlPg        *pg);
char       *pl_pg_describe          (PlPg        *pg);
void        pl_pg_get_login         (PlPg        *pg,
                                     char       **user,
                                     char       **database);

gboolean    pl_pg_record_start      (PlPg        *pg,
                                     GError     **error);
gboolean    pl_pg_is_recording      (PlPg        *pg);
GBytes     *pl_pg_record_take       (PlPg        *pg);
GBytes     *pl_pg_record_peek       (PlPg        *pg);
gboolean    pl_pg_is_changes        (GBytes      *changes);
GBytes     *pl_pg_changes_concat    (GBytes      *first,
                                     GBytes      *second);
gboolean    pl_pg_apply_changes     (PlPg        *pg,
                                     GBytes      *changes,
                                     gboolean     invert,
                                     GError     **error);
GArray     *pl_pg_changes_summary   (GBytes      *changes);

PlPgStmt   *pl_pg_stmt_new          (PlPg        *pg,
                                     const char  *sql);
void        pl_pg_stmt_free         (PlPgStmt    *stmt);
void        pl_pg_stmt_clear        (PlPgStmt    *stmt);
void        pl_pg_stmt_bind         (PlPgStmt    *stmt,
                                     int          index,
                                     const char  *text,
                                     char         type);
gboolean    pl_pg_stmt_next         (PlPgStmt    *stmt,
                                     GError     **error);
gboolean    pl_pg_stmt_run          (PlPgStmt    *stmt,
                                     GError     **error);
void        pl_pg_stmt_reset        (PlPgStmt    *stmt);
gboolean    pl_pg_stmt_is_null      (PlPgStmt    *stmt,
                                     int          column);
gint64      pl_pg_stmt_get_int      (PlPgStmt    *stmt,
                                     int          column);
double      pl_pg_stmt_get_double   (PlPgStmt    *stmt,
                                     int          column);
const char *pl_pg_stmt_get_text     (PlPgStmt    *stmt,
                                     int          column);
int         pl_pg_stmt_get_n_columns (PlPgStmt   *stmt);
const char *pl_pg_stmt_get_column_name (PlPgStmt *stmt,
                                        int       column);

/* Implemented by pl-db.c: the engine tells its owner of rows written. */
void        pl_db_report_change     (PlDb        *db,
                                     PlDbChange   change,
                                     const char  *table,
                                     gint64       id);
void        pl_db_report_settled    (PlDb        *db);

G_END_DECLS
