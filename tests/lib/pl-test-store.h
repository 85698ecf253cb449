/* pl-test-store.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* The store a test works on, and where it lives. */
typedef struct
{
  char    *dir;      /* a temporary folder of the test's own */
  char    *path;     /* the database in it, or the data set of a server */
  PlStore *store;
} PlTestStore;

/* Opens an empty store of the backend named by $PLACEMENTS_TEST_STORE:
 * unset or "sqlite" is a new SQLite file in a temporary folder;
 * "postgresql" a new data set on a server of the test's own (started
 * once, pl-test-pg.h); any other value is handed to pl_store_open() as it
 * is (a connection string, whose data set must start empty). */
void      pl_test_store_set_up    (PlTestStore *t);
/* Closes the store, checking that nothing else holds it, and removes the
 * folder with all it holds. */
void      pl_test_store_tear_down (PlTestStore *t);
/* Whether the backend can be had here; FALSE with @why (transfer full)
 * when its server is not installed, a reason to skip. */
gboolean  pl_test_store_backend_available (char **why);
/* The server of "postgresql", once available (NULL otherwise). */
struct _PlTestPg *pl_test_store_get_server (void);

/* Records with everything their kind requires, inserted (transfer full). */
gint64    pl_test_sector_id       (PlStore     *store,
                                   const char  *name);
PlRecord *pl_test_insert_partner  (PlStore     *store,
                                   const char  *name);
PlRecord *pl_test_insert_staff    (PlStore     *store,
                                   gint64       partner_id,
                                   const char  *name);
PlRecord *pl_test_insert_employer (PlStore     *store,
                                   const char  *name,
                                   const char  *sector);

G_END_DECLS
