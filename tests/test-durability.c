/* test-durability.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "pl-store.h"
#include "pl-test-cli.h"

/* When the disk cannot take a change (full, a file size limit, a read-only
 * file), the change is refused with a sentence that says so, and the
 * database is left exactly as it was. */

typedef PlTestCliDb Fixture;

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  /* A test may leave the files read-only or another user's. */
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      g_chmod (path, 0600);
    }
  g_chmod (f->dir, 0700);
  pl_test_cli_db_tear_down (f, data);
}

/* What the database holds, as the CLI lists it, and whether it is sound. */
static char *
contents (const char *path)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(GString) all = g_string_new (NULL);
  const char *kinds[] = { "partners", "staff", "employers", "placements", "groups" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_string_append (all, pl_test_cli_ok (&run, path, "list", kinds[i], "--json", NULL));
  g_string_append (all, pl_test_cli_ok (&run, path, "milestones", "--json", NULL));
  pl_test_cli_ok (&run, path, "check", NULL);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

typedef struct
{
  rlim_t limit;
} Limit;

static void
limit_file_size (gpointer data)
{
  const Limit *limit = data;
  struct rlimit rl = { limit->limit, limit->limit };

  /* A write past the limit fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &rl);
}

static char *
make_employers_csv (const char *dir,
                    guint       n)
{
  g_autofree char *path = g_build_filename (dir, "employers.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("name,sector,relationship,capacity,notice_weeks,notes\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Holderness Works %u,Engineering and Manufacturing,prospect,1,4,"
                                 "A long note so that the rows take room on the disk: %u\n", i, i);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  return g_steal_pointer (&path);
}

/* A full disk, as a file size limit makes it for one process: the import
 * is refused with a sentence about the disk, and nothing is written. */
static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = contents (f->db);
  g_autofree char *csv = make_employers_csv (f->dir, 20000);
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("PLACEMENTS_CLI"), "--db", f->db,
                         "import", "csv", "employers", csv, NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "PLACEMENTS_DB");
  struct stat st;
  Limit limit;
  int status;

  g_assert_cmpint (g_stat (f->db, &st), ==, 0);
  /* Room for the file as it is, and a little more: not for 20,000 rows. */
  limit.limit = st.st_size + 256 * 1024;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, limit_file_size,
                               &limit, &out, &err, &status, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "The disk is full"));

  after = contents (f->db);
  g_assert_cmpstr (before, ==, after);
}

static char *
first_request (const char *path)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *placements;

  pl_test_cli_ok (&run, path, "list", "placements", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  placements = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (placements); i++)
    {
      JsonObject *placement = json_array_get_object_element (placements, i);

      if (g_str_equal (json_object_get_string_member (placement, "status"), "request"))
        return g_strdup_printf ("%" G_GINT64_FORMAT,
                                json_object_get_int_member (placement, "id"));
    }
  g_assert_not_reached ();
  return NULL;
}

/* A database its user may only read: a change is refused and says why.
 * Root may write anything, so as root the CLI runs as "nobody", who owns
 * the file but may only read it. */
static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = contents (f->db);
  g_autofree char *after = NULL;
  g_autofree char *id = first_request (f->db);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "PLACEMENTS_DB");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gboolean as_root = geteuid () == 0;
  int status;

  if (as_root)
    {
      g_autofree char *setpriv = g_find_program_in_path ("setpriv");

      g_assert_nonnull (setpriv);
      g_ptr_array_add (argv, g_steal_pointer (&setpriv));
      g_ptr_array_add (argv, g_strdup ("--reuid=65534"));
      g_ptr_array_add (argv, g_strdup ("--regid=65534"));
      g_ptr_array_add (argv, g_strdup ("--clear-groups"));
      g_assert_cmpint (chown (f->dir, 65534, 65534), ==, 0);
      g_assert_cmpint (chown (f->db, 65534, 65534), ==, 0);
      g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
    }
  g_ptr_array_set_free_func (argv, g_free);
  g_ptr_array_add (argv, g_strdup (g_getenv ("PLACEMENTS_CLI")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, g_strdup (f->db));
  g_ptr_array_add (argv, g_strdup ("set-status"));
  g_ptr_array_add (argv, g_strdup (id));
  g_ptr_array_add (argv, g_strdup ("cancelled"));
  g_ptr_array_add (argv, g_strdup ("--reason"));
  g_ptr_array_add (argv, g_strdup ("The host withdrew"));
  g_ptr_array_add (argv, NULL);

  g_assert_cmpint (g_chmod (f->db, 0400), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, "cannot be written"));

  g_chmod (f->db, 0600);
  if (as_root)
    g_assert_cmpint (chown (f->db, 0, 0), ==, 0);
  after = contents (f->db);
  g_assert_cmpstr (before, ==, after);
}

/* The file removed (or replaced) while open: a write would go nowhere,
 * so it is refused with a sentence that says why. */
static void
test_removed (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->db, &error);
  g_autoptr(PlRecord) partner = NULL;
  g_autofree char *moved = g_strconcat (f->db, ".moved", NULL);

  g_assert_no_error (error);
  partner = pl_store_get (store, PL_TYPE_PARTNER, 1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (g_rename (f->db, moved), ==, 0);
  pl_record_set_string (partner, "region", "East Riding");
  g_assert_false (pl_store_update (store, partner, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE);
  g_clear_object (&store);
  g_assert_cmpint (g_rename (moved, f->db), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/durability/full-disk", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_full_disk, fixture_tear_down);
  g_test_add ("/durability/read-only", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_read_only, fixture_tear_down);

  g_test_add ("/durability/removed-while-open", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_removed, fixture_tear_down);

  return g_test_run ();
}
