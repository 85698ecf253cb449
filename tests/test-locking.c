/* test-locking.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <json-glib/json-glib.h>

#include "pl-store.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* The app and the CLI share one database file, and the app's own file
 * dialogs read files in the folder the database is in. On POSIX, closing
 * any descriptor of a file drops every lock the process holds on it, so a
 * dialog that sniffs net.db's content used to leave the app's connection
 * without its locks: the next CLI run then believed it was alone, deleted
 * the WAL under the app, and changes from both sides were lost. */

#define N_ROUNDS 50

typedef PlTestCliDb Fixture;

/* What a file chooser does to the files it lists: GIO opens each one to
 * sniff its content type, reads a little and closes it again. */
static void
browse_folder (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (children);
  while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));
      g_autofree char *contents = NULL;

      g_file_load_contents (child, NULL, &contents, NULL, NULL, NULL);
      g_object_unref (info);
    }
}

static gint64
open_placement (PlStore *store)
{
  g_autoptr(GListModel) placements = pl_store_list (store, PL_TYPE_PLACEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);
      const char *status = pl_record_get_string (placement, "status");

      if (g_str_equal (status, "request") || g_str_equal (status, "proposed"))
        return pl_record_get_id (placement);
    }

  g_assert_not_reached ();
  return 0;
}

/* Runs the sqlite3 shell on @path; returns its output, and its exit status
 * in @status (the test fails on a non-zero status when @status is NULL). */
static char *
run_shell (const char *path,
           const char *sql,
           int        *status)
{
  const char *argv[] = { "sqlite3", "-bail", path, sql, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (status != NULL)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;
  else if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("sqlite3 failed: %s", err);
  return out;
}

static char *
cli_contact_of_partner (const char *db,
                      gint64      partner_id)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *partners;

  pl_test_cli_ok (&run, db, "list", "partners", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  partners = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (partners); i++)
    {
      JsonObject *partner = json_array_get_object_element (partners, i);

      if (json_object_get_int_member (partner, "id") == partner_id)
        return g_strdup (json_object_get_string_member_with_default (partner, "contact_name", ""));
    }
  return NULL;
}

static void
one_round (Fixture *f,
           guint    round)
{
  g_autofree char *folder = g_strdup_printf ("%s/round-%u", f->dir, round);
  g_autofree char *path = g_build_filename (folder, "net.db", NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *app_note = g_strdup_printf ("Dana Okafor %u", round);
  g_autofree char *seen = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlStore) sample = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_auto(PlTestRun) run = { 0 };
  gint64 placement_id, partner_id;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  sample = pl_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_backup (sample, path, &error));
  g_assert_no_error (error);
  g_clear_object (&sample);

  /* The app opens the file and reads from it, as its window does. */
  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  placement_id = open_placement (store);
  partner = pl_store_get (store, PL_TYPE_PARTNER, 1, &error);
  g_assert_no_error (error);
  partner_id = pl_record_get_id (partner);

  /* A file dialog of the app lists the database's folder. */
  browse_folder (folder);

  /* Another process changes the file while the app has it open: our CLI,
   * or on odd rounds the sqlite3 shell, whose locks are POSIX locks. */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, placement_id);
  if (round % 2 == 0)
    pl_test_cli_ok (&run, path, "set-status", id_text, "cancelled",
                    "--reason", "Host withdrew", NULL);
  else
    {
      g_autofree char *sql =
        g_strdup_printf ("UPDATE placement SET status = 'cancelled', "
                         "cancel_reason = 'Host withdrew' WHERE id = %s;", id_text);
      g_autofree char *out = run_shell (path, sql, NULL);
    }

  /* Its closing did not take the WAL away from under the app. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  /* The app writes after it, and another process sees the app's write. */
  pl_record_set_string (partner, "contact_name", app_note);
  g_assert_true (pl_store_update (store, partner, &error));
  g_assert_no_error (error);
  seen = cli_contact_of_partner (path, partner_id);
  g_assert_cmpstr (seen, ==, app_note);

  /* The app's connection still sees the other process's change. */
  placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "cancelled");
  g_clear_object (&placement);
  g_clear_object (&store);

  /* After both have closed, both changes are in the file and it is sound. */
  store = pl_store_open (path, &error);
  g_assert_no_error (error);
  placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "cancelled");
  g_clear_object (&partner);
  partner = pl_store_get (store, PL_TYPE_PARTNER, partner_id, &error);
  g_assert_cmpstr (pl_record_get_string (partner, "contact_name"), ==, app_note);
  g_assert_true (pl_store_check (store, report));
  g_clear_object (&store);

  pl_test_remove_folder (folder);
}

static void
test_foreign_close (Fixture       *f,
                    gconstpointer  data)
{
  for (guint round = 0; round < N_ROUNDS; round++)
    one_round (f, round);
}

/* The two kinds of lock exclude each other: while the app writes, the
 * sqlite3 shell cannot, and it can once the app has committed. */
static void
test_exclusion (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "excl.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlStore) sample = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autofree char *out = NULL;
  int status;

  sample = pl_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_backup (sample, path, &error));
  store = pl_store_open (path, &error);
  g_assert_no_error (error);

  partner = pl_store_get (store, PL_TYPE_PARTNER, 1, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_begin (store, &error));
  pl_record_set_string (partner, "region", "Humber");
  g_assert_true (pl_store_update (store, partner, &error));

  out = run_shell (path, "UPDATE partner SET region = 'Elsewhere' WHERE id = 2;", &status);
  g_assert_cmpint (status, !=, 0);

  g_assert_true (pl_store_commit (store, &error));
  g_clear_pointer (&out, g_free);
  out = run_shell (path, "UPDATE partner SET region = 'Elsewhere' WHERE id = 2;"
                         "SELECT region FROM partner WHERE id = 1;", NULL);
  g_assert_cmpstr (out, ==, "Humber\n");

  g_clear_object (&partner);
  partner = pl_store_get (store, PL_TYPE_PARTNER, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (partner, "region"), ==, "Elsewhere");
}

typedef struct
{
  const char *path;
  gint        committed;   /* the last value known committed */
  gint        stop;
} Writer;

static gpointer
write_continuously (gpointer data)
{
  Writer *writer = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (writer->path, &error);

  g_assert_no_error (error);
  for (int n = 1; !g_atomic_int_get (&writer->stop); n++)
    {
      g_autofree char *value = g_strdup_printf ("%d", n);

      g_assert_true (pl_store_set_setting (store, "test_counter", value, &error));
      g_assert_no_error (error);
      g_atomic_int_set (&writer->committed, n);
    }

  return NULL;
}

/* The README promises that `backup` works while the app has the file open:
 * here the app writes all the time the copy is being taken. */
static void
test_backup_while_writing (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "busy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) sample = NULL;
  Writer writer = { path, 0, 0 };
  GThread *thread;

  sample = pl_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_backup (sample, path, &error));
  g_clear_object (&sample);

  thread = g_thread_new ("writer", write_continuously, &writer);
  while (g_atomic_int_get (&writer.committed) < 20)
    g_usleep (1000);

  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *copy = g_strdup_printf ("%s/copy-%u.db", f->dir, round);
      g_autoptr(PlStore) restored = NULL;
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_auto(PlTestRun) run = { 0 };
      gint before = g_atomic_int_get (&writer.committed);
      struct stat st;

      pl_test_cli_ok (&run, path, "backup", copy, NULL);

      g_assert_cmpint (g_stat (copy, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      restored = pl_store_open (copy, &error);
      g_assert_no_error (error);
      g_assert_true (pl_store_check (restored, report));
      g_assert_cmpint (report->len, ==, 0);
      g_assert_cmpint (pl_store_get_setting_int (restored, "test_counter", 0), >=, before);
    }

  g_atomic_int_set (&writer.stop, 1);
  g_thread_join (thread);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store/locking/foreign-close", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_foreign_close, pl_test_cli_db_tear_down);

  g_test_add ("/store/locking/exclusion", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_exclusion, pl_test_cli_db_tear_down);

  g_test_add ("/store/locking/backup-while-writing", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_backup_while_writing, pl_test_cli_db_tear_down);

  return g_test_run ();
}
