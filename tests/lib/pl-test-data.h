/* pl-test-data.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What the core and GUI tests share about their data: the files and the
 * database they work in, builders of records, and readers of what the
 * store then holds. Each fails the test when something is refused. */

/* Files ------------------------------------------------------------------ */

/* Removes the folder at @path and everything in it, and fails the test
 * when something cannot be removed. */
void    pl_test_remove_folder (const char *path);

/* Writes @text (@length bytes, or up to its nul when -1) to the file
 * @name in @dir, and returns its path. */
char   *pl_test_write_file    (const char *dir,
                               const char *name,
                               const char *text,
                               gssize      length);
/* Everything in the file at @path. */
GBytes *pl_test_read_bytes    (const char *path);

/* The day @iso (YYYY-MM-DD) names, which must be a valid one. */
GDate   pl_test_date          (const char *iso);

/* A database ------------------------------------------------------------- */

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
} PlTestDb;

/* An empty database in a temporary folder of its own. */
void pl_test_db_open      (PlTestDb      *db);
/* Closes the store and removes the folder. */
void pl_test_db_close     (PlTestDb      *db);
/* The same, as g_test_add() takes them for a PlTestDb fixture. */
void pl_test_db_set_up    (PlTestDb      *db,
                           gconstpointer  data);
void pl_test_db_set_up_sample (PlTestDb      *db,
                               gconstpointer  data);
void pl_test_db_tear_down (PlTestDb      *db,
                           gconstpointer  data);

/* Loads the sample network into @store as of $PLACEMENTS_TODAY (or
 * today). */
void pl_test_load_sample  (PlStore       *store);

/* Builders, inserting through the store as the application does ---------- */

gint64 pl_test_sector     (PlStore            *store,
                           const char         *name);
gint64 pl_test_insert     (PlStore            *store,
                           PlRecord           *record);
/* A new record of @type with the properties given (name, value pairs,
 * NULL-terminated, as g_object_set() takes them), inserted. */
gint64 pl_test_insert_new (PlStore            *store,
                           GType               type,
                           const char         *first_property,
                           ...) G_GNUC_NULL_TERMINATED;
gint64 pl_test_partner    (PlStore            *store,
                           const char         *name);
gint64 pl_test_staff      (PlStore            *store,
                           gint64              partner_id,
                           const char         *name);
gint64 pl_test_employer   (PlStore            *store,
                           const char         *name,
                           const char         *relationship);
/* @follow_up may be NULL. */
gint64 pl_test_contact    (PlStore            *store,
                           gint64              employer_id,
                           gint64              staff_id,
                           const char         *date,
                           const char         *summary,
                           const char         *follow_up);
/* A placement at @employer_id (0 for none yet) on @days (NULL-terminated,
 * may be NULL). */
gint64 pl_test_placement  (PlStore            *store,
                           gint64              staff_id,
                           gint64              employer_id,
                           const char         *status,
                           const char * const *days);

/* What the store holds ---------------------------------------------------- */

/* The text in @column of the record of @type numbered @id, as stored (NULL
 * when there is no such record). */
char  *pl_test_stored_text      (PlStore    *store,
                                 GType       type,
                                 gint64      id,
                                 const char *column);
/* The status of placement @id, which must exist. */
char  *pl_test_placement_status (PlStore    *store,
                                 gint64      id);
/* The rows of @table (an exchange group's members, meetings or outcomes)
 * that belong to group @group_id. */
gint64 pl_test_count_in_group   (PlStore    *store,
                                 const char *table,
                                 gint64      group_id);

/* A handler of PlStore::changed that adds the name of each table told of
 * to the set of strings @tables. */
void   pl_test_note_table       (PlStore    *store,
                                 const char *table,
                                 GArray     *ids,
                                 GHashTable *tables);

/* SQL, for what no API of the store shows or writes ----------------------- */

/* Runs @sql with one integer and one text parameter, for the few facts a
 * test must set that the application never writes itself (time stamps). */
void   pl_test_exec        (PlStore    *store,
                            const char *sql,
                            gint64      number,
                            const char *text);
/* The first column of the row @sql gives, which it must give. */
gint64 pl_test_select_int  (PlStore    *store,
                            const char *sql);
char  *pl_test_select_text (PlStore    *store,
                            const char *sql);
/* The first column of @sql's first row, with one integer parameter; -1
 * when there is no row. */
gint64 pl_test_query_int   (PlStore    *store,
                            const char *sql,
                            gint64      number);

G_END_DECLS
