/* pl-test-data.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pl-date.h"
#include "pl-sample.h"
#include "pl-test-sqlite.h"
#include "pl-test-data.h"

void
pl_test_remove_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        pl_test_remove_folder (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }
  g_assert_cmpint (g_rmdir (path), ==, 0);
}

char *
pl_test_write_file (const char *dir,
                    const char *name,
                    const char *text,
                    gssize      length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);
  return path;
}

GBytes *
pl_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

GDate
pl_test_date (const char *iso)
{
  GDate d;

  g_assert_true (pl_date_parse (iso, &d));
  return d;
}

void
pl_test_db_open (PlTestDb *db)
{
  g_autoptr(GError) error = NULL;

  db->dir = g_dir_make_tmp ("placements-test-XXXXXX", &error);
  g_assert_no_error (error);
  db->path = g_build_filename (db->dir, "test.db", NULL);
  db->store = pl_store_open (db->path, &error);
  g_assert_no_error (error);
}

void
pl_test_db_close (PlTestDb *db)
{
  g_clear_object (&db->store);
  pl_test_remove_folder (db->dir);
  g_clear_pointer (&db->path, g_free);
  g_clear_pointer (&db->dir, g_free);
}

void
pl_test_db_set_up (PlTestDb      *db,
                   gconstpointer  data)
{
  pl_test_db_open (db);
}

/* A database of its own holding the sample network. */
void
pl_test_db_set_up_sample (PlTestDb      *db,
                          gconstpointer  data)
{
  pl_test_db_open (db);
  pl_test_load_sample (db->store);
}

void
pl_test_db_tear_down (PlTestDb      *db,
                      gconstpointer  data)
{
  pl_test_db_close (db);
}

void
pl_test_load_sample (PlStore *store)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  pl_date_today (&today);
  g_assert_true (pl_sample_load (store, &today, &error));
  g_assert_no_error (error);
}

gint64
pl_test_sector (PlStore    *store,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) sector = pl_store_find_by_name (store, PL_TYPE_SECTOR, name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sector);
  return pl_record_get_id (sector);
}

gint64
pl_test_insert (PlStore  *store,
                PlRecord *record)
{
  g_autoptr(GError) error = NULL;
  gboolean inserted = pl_store_insert (store, record, &error);

  g_assert_no_error (error);
  g_assert_true (inserted);
  return pl_record_get_id (record);
}

gint64
pl_test_insert_new (PlStore    *store,
                    GType       type,
                    const char *first_property,
                    ...)
{
  g_autoptr(PlRecord) record = pl_record_new (type);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);
  return pl_test_insert (store, record);
}

gint64
pl_test_partner (PlStore    *store,
                 const char *name)
{
  g_autoptr(PlRecord) partner = pl_record_new (PL_TYPE_PARTNER);

  g_object_set (partner, "name", name, "kind", "college", "status", "active", NULL);
  return pl_test_insert (store, partner);
}

gint64
pl_test_staff (PlStore    *store,
               gint64      partner_id,
               const char *name)
{
  g_autoptr(PlRecord) staff = pl_record_new (PL_TYPE_STAFF);

  g_object_set (staff, "partner-id", partner_id, "name", name, "teaching-days", (gint64) 0, NULL);
  return pl_test_insert (store, staff);
}

gint64
pl_test_employer (PlStore    *store,
                  const char *name,
                  const char *relationship)
{
  g_autoptr(PlRecord) employer = pl_record_new (PL_TYPE_EMPLOYER);

  g_object_set (employer,
                "name", name,
                "sector-id", pl_test_sector (store, "Catering and Hospitality"),
                "relationship", relationship,
                "capacity", (gint64) 1,
                "notice-weeks", (gint64) 0,
                "preferred-days", (gint64) 31,
                NULL);
  return pl_test_insert (store, employer);
}

gint64
pl_test_contact (PlStore    *store,
                 gint64      employer_id,
                 gint64      staff_id,
                 const char *date,
                 const char *summary,
                 const char *follow_up)
{
  g_autoptr(PlRecord) contact = pl_record_new (PL_TYPE_CONTACT);

  g_object_set (contact,
                "employer-id", employer_id,
                "contact-date", date,
                "channel", "call",
                "summary", summary,
                NULL);
  if (staff_id != 0)
    pl_record_set_int (contact, "staff_id", staff_id);
  if (follow_up != NULL)
    pl_record_set_string (contact, "follow_up", follow_up);
  return pl_test_insert (store, contact);
}

gint64
pl_test_placement (PlStore            *store,
                   gint64              staff_id,
                   gint64              employer_id,
                   const char         *status,
                   const char * const *days)
{
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_object_set (placement,
                "staff-id", staff_id,
                "sector-id", pl_test_sector (store, "Catering and Hospitality"),
                "status", status,
                "length", (gint64) 2,
                "aims", (gint64) 0,
                NULL);
  if (employer_id != 0)
    pl_record_set_int (placement, "employer_id", employer_id);
  if (g_strcmp0 (status, "cancelled") == 0)
    pl_record_set_string (placement, "cancel_reason", "The host closed for refurbishment");
  id = pl_test_insert (store, placement);

  if (days != NULL)
    {
      pl_store_set_days (store, id, days, &error);
      g_assert_no_error (error);
    }

  return id;
}

char *
pl_test_stored_text (PlStore    *store,
                     GType       type,
                     gint64      id,
                     const char *column)
{
  g_autoptr(PlRecord) record = pl_store_get (store, type, id, NULL);

  return record != NULL ? g_strdup (pl_record_get_string (record, column)) : NULL;
}

char *
pl_test_placement_status (PlStore *store,
                          gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) placement = pl_store_get (store, PL_TYPE_PLACEMENT, id, &error);

  g_assert_no_error (error);
  return g_strdup (pl_record_get_string (placement, "status"));
}

gint64
pl_test_count_in_group (PlStore    *store,
                        const char *table,
                        gint64      group_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE group_id = ?", table);

  return pl_test_query_int (store, sql, group_id);
}

void
pl_test_note_table (PlStore    *store,
                    const char *table,
                    GArray     *ids,
                    GHashTable *tables)
{
  g_hash_table_add (tables, g_strdup (table));
}

void
pl_test_exec (PlStore    *store,
              const char *sql,
              gint64      number,
              const char *text)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, number);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

gint64
pl_test_select_int (PlStore    *store,
                    const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

char *
pl_test_select_text (PlStore    *store,
                     const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gint64
pl_test_query_int (PlStore    *store,
                   const char *sql,
                   gint64      number)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, number);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}
