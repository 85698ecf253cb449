/* test-store.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "pl-store.h"
#include "pl-store-appetite.h"
#include "pl-test-sqlite.h"
#include "pl-test-data.h"
#include "pl-test-store.h"

typedef PlTestDb Fixture;

static void
test_open_new (Fixture       *f,
               gconstpointer  data)
{
  struct stat st;
  g_autofree char *lead = NULL;

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (pl_store_get_schema_version (f->store), ==, PL_SCHEMA_VERSION);
  g_assert_true (pl_store_is_empty (f->store));
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_SECTOR), ==, 15);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_MILESTONE_TEMPLATE), ==, 8);
  g_assert_cmpint (pl_store_get_setting_int (f->store, "lead_time_weeks", 0), ==, 6);

  /* No copy is taken of a brand-new file: there is nothing to lose. */
  g_assert_null (pl_store_get_migration_backup (f->store));
}

static void
test_backup (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autofree char *copy_path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(PlStore) copy = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  struct stat st;

  g_assert_true (pl_store_backup (f->store, copy_path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (copy_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  copy = pl_store_open (copy_path, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_check (copy, report));
  g_assert_cmpuint (report->len, ==, 0);
  g_assert_cmpint (pl_store_count (copy, PL_TYPE_STAFF), ==, 1);

  g_assert_false (pl_store_backup (f->store, f->path, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
}

static void
test_check_finds_problems (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlRecord) partner = pl_test_insert_partner (f->store, "Humber Estuary College");
  g_autoptr(PlRecord) staff = pl_test_insert_staff (f->store, pl_record_get_id (partner), "Amira Okafor");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (pl_store_check (f->store, report));

  /* A proposed placement without employer or days breaks the model's rules. */
  sql = g_strdup_printf ("INSERT INTO placement (staff_id, sector_id, status) "
                         "VALUES (%" G_GINT64_FORMAT ", 1, 'proposed')",
                         pl_record_get_id (staff));
  g_assert_true (pl_store_exec (f->store, sql, &error));
  g_assert_false (pl_store_check (f->store, report));
  g_assert_cmpuint (report->len, ==, 2);
}

static void
write_v0_database (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "CREATE TABLE legacy (name TEXT);"
                                 "INSERT INTO legacy VALUES ('kept'), ('also kept');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static int
int_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migration_runner (void)
{
  static const PlMigration steps[] = {
    { 1, "ALTER TABLE legacy ADD COLUMN size INTEGER NOT NULL DEFAULT 7;"
         "CREATE TABLE added (x INTEGER);" },
  };
  static const PlMigration failing[] = {
    { 1, "ALTER TABLE legacy ADD COLUMN size INTEGER;" },
    { 2, "CREATE TABLE legacy (oops INTEGER);" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-migrate-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v0.bak", NULL);
  g_autofree char *path2 = g_build_filename (dir, "fails.db", NULL);
  g_autoptr(PlStore) store = NULL;

  write_v0_database (path);
  store = pl_store_open_with_migrations (path, steps, G_N_ELEMENTS (steps), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 1);
  g_assert_cmpstr (pl_store_get_migration_backup (store), ==, backup);
  g_clear_object (&store);

  g_assert_cmpint (int_query (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (int_query (path, "SELECT sum(size) FROM legacy"), ==, 14);
  g_assert_cmpint (int_query (path, "SELECT count(*) FROM added"), ==, 0);

  /* The copy is the file as it was before: version 0, no new column. */
  g_assert_cmpint (int_query (backup, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM legacy"), ==, 2);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM pragma_table_info('legacy')"), ==, 1);

  /* A step that fails is rolled back and leaves the steps before it. */
  write_v0_database (path2);
  store = pl_store_open_with_migrations (path2, failing, G_N_ELEMENTS (failing), &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_cmpint (int_query (path2, "PRAGMA user_version"), ==, 1);

  pl_test_remove_folder (dir);
}

static void
test_refuses_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-newer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = pl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version of Placements"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);

  pl_test_remove_folder (dir);
}

extern GResource *pl_core_get_resource (void);

/* The schema's own steps up to @version, as a build of that version ran
 * them. */
static PlMigration *
steps_up_to (int version)
{
  PlMigration *steps = g_new0 (PlMigration, version);

  for (int v = 1; v <= version; v++)
    {
      g_autofree char *name = g_strdup_printf ("/org/placements/Placements/schema/v%d.sql", v);
      g_autoptr(GBytes) sql = g_resource_lookup_data (pl_core_get_resource (), name, 0, NULL);

      g_assert_nonnull (sql);
      steps[v - 1].version = v;
      steps[v - 1].sql = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
    }
  return steps;
}

/* A file of data format 2, with an employer in it, opened by this build:
 * it is moved to format 3 (appetite), keeps its rows, and a copy of it as
 * it was is left beside it. */
static void
test_migration_v2_to_v3 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-v2-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v2.db", NULL);
  g_autofree char *backup = g_strconcat (path, ".v2.bak", NULL);
  g_autofree char *reason = NULL;
  g_autofree PlMigration *steps = steps_up_to (2);
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlRecord) employer = NULL;
  sqlite3 *db = NULL;

  store = pl_store_open_with_migrations (path, steps, 2, &error);
  for (int i = 0; i < 2; i++)
    g_free ((char *) steps[i].sql);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 2);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO employer (name, sector_id) VALUES "
                                 "('Keel and Anchor Hotel', 3)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (int_query (path, "SELECT count(*) FROM sqlite_schema "
                                    "WHERE name = 'employer_appetite'"), ==, 0);

  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 3);
  g_assert_cmpstr (pl_store_get_migration_backup (store), ==, backup);
  employer = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, "Keel and Anchor Hotel", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_appetite (store, pl_record_get_id (employer), 2026, NULL), ==,
                   PL_APPETITE_UNKNOWN);
  g_assert_true (pl_store_set_appetite (store, pl_record_get_id (employer), 2026,
                                        PL_APPETITE_NOT_THIS_YEAR, "refurbishment", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_appetite (store, pl_record_get_id (employer), 2026, &reason), ==,
                   PL_APPETITE_NOT_THIS_YEAR);
  g_assert_cmpstr (reason, ==, "refurbishment");
  {
    g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);

    g_assert_true (pl_store_check (store, report));
  }
  g_clear_object (&store);

  g_assert_cmpint (int_query (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (int_query (backup, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM employer"), ==, 1);
  g_assert_cmpint (int_query (backup, "SELECT count(*) FROM sqlite_schema "
                                      "WHERE name = 'employer_appetite'"), ==, 0);

  pl_test_remove_folder (dir);
}

/* A file of the next data format (4) is refused, byte for byte untouched,
 * its appetite included. */
static void
test_refuses_next_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-v4-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "v4.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", PL_SCHEMA_VERSION + 1);
  gsize before_len, after_len;
  g_autoptr(PlStore) store = pl_store_open (path, &error);
  gint64 employer;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  employer = pl_test_employer (store, "Keel and Anchor Hotel", "host");
  g_assert_true (pl_store_set_appetite (store, employer, 2026,
                                        PL_APPETITE_LOOKING, NULL, &error));
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  store = pl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "data format 4"));
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_cmpint (int_query (path, "SELECT count(*) FROM employer_appetite"), ==, 1);

  pl_test_remove_folder (dir);
}

static void
test_refuses_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-foreign-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *after = NULL;
  g_autoptr(PlStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "These are not the records you are looking for.\n",
                                      -1, NULL));
  store = pl_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "These are not the records you are looking for.\n");

  pl_test_remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, pl_test_db_set_up, fn, pl_test_db_tear_down)
  ADD ("/store/open/new-file", test_open_new);
  ADD ("/store/backup", test_backup);
  ADD ("/store/check", test_check_finds_problems);
#undef ADD
  g_test_add_func ("/store/migration/runner", test_migration_runner);
  g_test_add_func ("/store/migration/refuses-newer", test_refuses_newer);
  g_test_add_func ("/store/migration/v2-to-v3", test_migration_v2_to_v3);
  g_test_add_func ("/store/migration/refuses-next-format", test_refuses_next_format);
  g_test_add_func ("/store/open/refuses-foreign", test_refuses_foreign);

  return g_test_run ();
}
