/* pl-test-store.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pl-test-data.h"
#include "pl-test-pg.h"
#include "pl-test-store.h"

/* The server of "postgresql": one for the whole test program, started on
 * first use, with a new data set for each test. */
static PlTestPg *server;
static char *server_missing;

static gboolean
wants_server (void)
{
  return g_strcmp0 (g_getenv ("PLACEMENTS_TEST_STORE"), "postgresql") == 0;
}

gboolean
pl_test_store_backend_available (char **why)
{
  if (!wants_server ())
    return TRUE;
  if (server == NULL && server_missing == NULL)
    server = pl_test_pg_start (&server_missing);
  if (server == NULL && why != NULL)
    *why = g_strdup (server_missing);
  return server != NULL;
}

PlTestPg *
pl_test_store_get_server (void)
{
  pl_test_store_backend_available (NULL);
  return server;
}

void
pl_test_store_set_up (PlTestStore *t)
{
  const char *backend = g_getenv ("PLACEMENTS_TEST_STORE");
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("placements-store-XXXXXX", &error);
  g_assert_no_error (error);

  if (backend == NULL || *backend == '\0' || g_str_equal (backend, "sqlite"))
    t->path = g_build_filename (t->dir, "test.db", NULL);
  else if (wants_server ())
    {
      g_assert_true (pl_test_store_backend_available (NULL));
      t->path = pl_test_pg_new_database (server, "coordinator");
    }
  else
    t->path = g_strdup (backend);

  t->store = pl_store_open (t->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->store);
  g_assert_true (pl_store_is_empty (t->store));
}

void
pl_test_store_tear_down (PlTestStore *t)
{
  if (t->store != NULL)
    g_assert_finalize_object (t->store);
  t->store = NULL;
  pl_test_remove_folder (t->dir);
  g_clear_pointer (&t->path, g_free);
  g_clear_pointer (&t->dir, g_free);
}

gint64
pl_test_sector_id (PlStore    *store,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) sector = pl_store_find_by_name (store, PL_TYPE_SECTOR, name, &error);

  g_assert_no_error (error);
  return pl_record_get_id (sector);
}

PlRecord *
pl_test_insert_partner (PlStore    *store,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  PlRecord *partner = pl_record_new (PL_TYPE_PARTNER);

  g_object_set (partner, "name", name, "kind", "college", "status", "active", NULL);
  g_assert_true (pl_store_insert (store, partner, &error));
  g_assert_no_error (error);
  return partner;
}

PlRecord *
pl_test_insert_staff (PlStore    *store,
                      gint64      partner_id,
                      const char *name)
{
  g_autoptr(GError) error = NULL;
  PlRecord *staff = pl_record_new (PL_TYPE_STAFF);

  g_object_set (staff, "partner-id", partner_id, "name", name,
                "email", "someone@college.example.ac.uk", "teaching-days", (gint64) 3, NULL);
  g_assert_true (pl_store_insert (store, staff, &error));
  g_assert_no_error (error);
  return staff;
}

PlRecord *
pl_test_insert_employer (PlStore    *store,
                         const char *name,
                         const char *sector)
{
  g_autoptr(GError) error = NULL;
  PlRecord *employer = pl_record_new (PL_TYPE_EMPLOYER);

  g_object_set (employer, "name", name, "sector-id", pl_test_sector_id (store, sector),
                "relationship", "warm", "capacity", (gint64) 2, "notice-weeks", (gint64) 4,
                "preferred-days", (gint64) 31, "postcode", "DN31 1AA",
                "website", "https://bistro.example.co.uk", NULL);
  g_assert_true (pl_store_insert (store, employer, &error));
  g_assert_no_error (error);
  return employer;
}
