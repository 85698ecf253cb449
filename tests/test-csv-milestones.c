/* test-csv-milestones.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-records.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-test-milestones.h"

/* A placement imported from CSV with its days has the milestones of the
 * default templates, as one given its days in the editor has: through
 * `placements-cli import csv`, in a small file and in one large enough
 * for the bulk path. */

static char *
write_placements (PlTestDb *db,
                  guint     n_rows)
{
  g_autoptr(GString) csv = g_string_new ("staff,sector,employer,status,window_start,window_end,"
                                         "length,days\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (db->dir, "placements.csv", NULL);

  /* Out of order in the cell: the milestones follow the first and last
   * day all the same. */
  for (guint i = 0; i < n_rows; i++)
    g_string_append (csv, i % 2 == 0
                     ? "Dana Whitfield,Catering and Hospitality,Keel and Anchor Hotel,confirmed,"
                       ",,,2027-03-01;2027-03-02;2027-03-03\n"
                     : "Dana Whitfield,Catering and Hospitality,Keel and Anchor Hotel,agreed,"
                       ",,,2027-05-12;2027-05-10;2027-05-11\n");

  g_file_set_contents (path, csv->str, (gssize) csv->len, &error);
  g_assert_no_error (error);
  return path;
}

static void
import_and_check (guint n_rows)
{
  PlTestDb db = { 0, };
  g_auto(PlTestRun) run = { 0, };
  g_autofree char *path = NULL;
  g_autoptr(GListModel) placements = NULL;
  gint64 partner;

  pl_test_db_open (&db);
  partner = pl_test_partner (db.store, "Harbour College");
  pl_test_staff (db.store, partner, "Dana Whitfield");
  pl_test_employer (db.store, "Keel and Anchor Hotel", "host");
  g_clear_object (&db.store);

  path = write_placements (&db, n_rows);
  pl_test_cli_ok (&run, db.path, "import", "csv", "placements", path, NULL);

  db.store = pl_store_open (db.path, NULL);
  g_assert_nonnull (db.store);
  placements = pl_store_list (db.store, PL_TYPE_PLACEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (placements), ==, n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);

      g_assert_cmpint (pl_record_get_int (placement, "n_days"), ==, 3);
      pl_test_assert_model_milestones (db.store, pl_record_get_id (placement));
    }

  pl_test_db_close (&db);
}

static void
test_small (void)
{
  import_and_check (2);
}

/* Over 64 KiB: the search index is filled at the end, in one statement. */
static void
test_large (void)
{
  import_and_check (1000);
}

/* The milestones of the placement at @status, as "kind=done" ("kind=-"
 * when not done), in the templates' order. */
static char *
milestones_of (PlStore    *store,
               const char *status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(kind || '=' || ifnull(done, '-'), "
                                          "' ') FROM (SELECT m.kind, m.done FROM milestone AS m "
                                          "JOIN milestone_template AS t ON t.kind = m.kind "
                                          "JOIN placement AS p ON p.id = m.placement_id "
                                          "WHERE p.status = '%s' ORDER BY t.position, t.id)",
                                          status);

  return pl_test_select_text (store, sql);
}

/* A placement imported at a status past "requested" looks as if it had
 * walked the lifecycle there on the day of the import: the milestones of
 * the steps it passed are done, and one that has happened had its
 * preparation done as well; the rest are still to do. */
static void
test_walked (void)
{
  PlTestDb db = { 0, };
  g_auto(PlTestRun) run = { 0, };
  g_autofree char *path = NULL;
  g_autofree char *evaluated = NULL;
  g_autofree char *proposed = NULL;
  g_autoptr(GError) error = NULL;
  const char *env[] = { "PLACEMENTS_TODAY=2027-09-06", NULL };
  gint64 partner;

  pl_test_db_open (&db);
  partner = pl_test_partner (db.store, "Harbour College");
  pl_test_staff (db.store, partner, "Dana Whitfield");
  pl_test_employer (db.store, "Keel and Anchor Hotel", "host");
  g_clear_object (&db.store);

  path = g_build_filename (db.dir, "walked.csv", NULL);
  g_file_set_contents (path,
                       "staff,sector,employer,status,days\n"
                       "Dana Whitfield,Catering and Hospitality,Keel and Anchor Hotel,evaluated,"
                       "2027-03-01;2027-03-02\n"
                       "Dana Whitfield,Catering and Hospitality,Keel and Anchor Hotel,proposed,"
                       "2027-11-10\n", -1, &error);
  g_assert_no_error (error);
  pl_test_run_cli_env (&run, db.path, env, "import", "csv", "placements", path, NULL);
  g_assert_cmpint (run.status, ==, 0);

  db.store = pl_store_open (db.path, NULL);
  g_assert_nonnull (db.store);
  evaluated = milestones_of (db.store, "evaluated");
  proposed = milestones_of (db.store, "proposed");
  g_assert_cmpstr (evaluated, ==,
                   "first_contact=2027-09-06 agreement=2027-09-06 planner=2027-09-06 "
                   "induction=2027-09-06 confirmation=2027-09-06 reflection=2027-09-06 "
                   "cascade=2027-09-06 observation=2027-09-06");
  g_assert_cmpstr (proposed, ==,
                   "first_contact=2027-09-06 agreement=- planner=- induction=- confirmation=- "
                   "reflection=- cascade=- observation=-");

  pl_test_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-milestones/small", test_small);
  g_test_add_func ("/csv-milestones/large", test_large);
  g_test_add_func ("/csv-milestones/walked", test_walked);

  return g_test_run ();
}
