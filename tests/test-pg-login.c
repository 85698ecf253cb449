/* test-pg-login.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-error.h"
#include "pl-store-access.h"
#include "pl-test-data.h"
#include "pl-test-pg.h"

/* A shared data set whose server asks for a password, as one on a network
 * does: the password is given beside the URI, opens it, and is never kept
 * in its name nor shown in a message. */

#define PASSWORD       "correct-horse-7"
#define WRONG_PASSWORD "battery-staple-9"

static PlTestPg *server;
static char *uri;          /* the data set of "ana", who needs PASSWORD */
static gint64 employer_id; /* its one employer */

static void
test_right_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_with_password (uri, PASSWORD, &error);
  g_autofree char *user = NULL;
  g_autofree char *database = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 1);
  g_assert_cmpstr (pl_store_get_path (store), ==, uri);
  g_assert_true (pl_store_get_login (store, &user, &database));
  g_assert_cmpstr (user, ==, "ana");
  g_assert_true (g_str_has_prefix (database, "pl_"));
}

static void
test_no_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_with_password (uri, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_NEEDS_PASSWORD);
  g_assert_nonnull (strstr (error->message, "ana"));
}

/* Refused, with the server's reason and without the password, whether it
 * came beside the URI or (typed by someone) inside it. */
static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_with_password (uri, WRONG_PASSWORD, &error);
  g_autofree char *inside = NULL;

  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "password authentication failed"));
  g_assert_null (strstr (error->message, WRONG_PASSWORD));
  g_clear_error (&error);

  inside = g_strdup_printf ("postgresql://ana:%s@%s&password=%s", WRONG_PASSWORD,
                            strchr (uri, '@') + 1, WRONG_PASSWORD);
  store = pl_store_open_with_password (inside, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "password authentication failed"));
  g_assert_nonnull (strstr (error->message, "postgresql://ana@"));
  g_assert_null (strstr (error->message, WRONG_PASSWORD));
}

/* A database the server lets us into that nobody has initialised is no
 * data set, and is left without a schema. */
static void
test_not_initialised (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = pl_test_pg_new_database (server, "ana");
  g_autoptr(PlStore) store = pl_store_open_with_password (empty, PASSWORD, &error);
  const char *slash = strstr (empty, "@/") + 1;
  g_autofree char *name = g_strndup (slash + 1, strcspn (slash + 1, "?"));
  g_autofree char *tables = NULL;

  g_assert_null (store);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  tables = pl_test_pg_psql (server, name,
                            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public';\n");
  g_assert_cmpstr (tables, ==, "0\n");
}

/* The server restarts under an open store: the save that finds the
 * connection gone is refused, as any is (test-pg's /pg/server-gone), and
 * the next one reconnects with the same password. */
static void
test_reconnects (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_with_password (uri, PASSWORD, &error);
  g_autoptr(PlRecord) employer = NULL;

  g_assert_no_error (error);
  employer = pl_store_get (store, PL_TYPE_EMPLOYER, employer_id, &error);
  g_assert_no_error (error);

  pl_test_pg_kill (server);
  pl_test_pg_restart (server);

  g_object_set (employer, "notes", "Saved after the restart", NULL);
  if (!pl_store_update (store, employer, &error))
    {
      g_assert_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE);
      g_clear_error (&error);
    }
  g_assert_true (pl_store_update (store, employer, &error));
  g_assert_no_error (error);
  {
    g_autofree char *notes = pl_test_stored_text (store, PL_TYPE_EMPLOYER, employer_id, "notes");
    g_assert_cmpstr (notes, ==, "Saved after the restart");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = pl_test_pg_start (&why);
  if (server == NULL)
    {
      g_test_add_data_func ("/pg-login/server", why, (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }

  /* Made while "ana" still needs no password. */
  uri = pl_test_pg_new_database (server, "ana");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlStore) store = pl_store_open (uri, &error);

    g_assert_no_error (error);
    employer_id = pl_test_employer (store, "Saltmarsh Table", "warm");
  }
  pl_test_pg_create_password_login (server, "ana", PASSWORD);

  g_test_add_func ("/pg-login/right-password", test_right_password);
  g_test_add_func ("/pg-login/no-password", test_no_password);
  g_test_add_func ("/pg-login/wrong-password", test_wrong_password);
  g_test_add_func ("/pg-login/not-initialised", test_not_initialised);
  g_test_add_func ("/pg-login/reconnects", test_reconnects);

  status = g_test_run ();
  g_free (uri);
  pl_test_pg_stop (server);
  return status;
}
