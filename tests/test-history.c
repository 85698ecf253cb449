/* test-history.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "pl-csv.h"
#include "pl-date.h"
#include "pl-db-private.h"
#include "pl-deletion.h"
#include "pl-history.h"
#include "pl-store-job.h"
#include "pl-lifecycle.h"
#include "pl-schedule.h"
#include "pl-store-private.h"
#include "pl-test-data.h"

/* The undo table: each kind of step a coordinator takes is done, undone
 * and redone, and the database's rows (every table, ids and children, and
 * what the search index holds) must be byte for byte what they were before
 * and after. */

typedef struct
{
  char      *dir;
  char      *path;
  PlStore   *store;
  PlHistory *history;
  GDate      today;
} Fixture;

static char *sample_path;

static void
make_sample (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-history-sample-XXXXXX", NULL);

  sample_path = g_build_filename (dir, "sample.db", NULL);
  store = pl_store_open (sample_path, &error);
  g_assert_no_error (error);
  pl_test_load_sample (store);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) sample = NULL;

  f->dir = g_dir_make_tmp ("placements-history-XXXXXX", NULL);
  f->path = g_build_filename (f->dir, "history.db", NULL);
  sample = pl_store_open (sample_path, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_backup (sample, f->path, &error));
  f->store = pl_store_open (f->path, &error);
  g_assert_no_error (error);
  f->history = pl_history_new (f->store);
  pl_date_today (&f->today);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->history);
  g_clear_object (&f->store);
  pl_test_remove_folder (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
dump_query (PlDb       *db,
            const char *sql,
            GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStmt) stmt = pl_db_prepare_once (db, sql, &error);

  g_assert_no_error (error);
  while (pl_stmt_next (stmt, &error))
    {
      for (int i = 0; i < pl_stmt_get_n_columns (stmt); i++)
        {
          if (pl_stmt_is_null (stmt, i))
            g_string_append (out, "∅|");
          else
            g_string_append_printf (out, "«%s»|", pl_stmt_get_text (stmt, i));
        }
      g_string_append_c (out, '\n');
    }
  g_assert_no_error (error);
}

/* Every row of every table of the model, in key order, and the search
 * index's documents. */
static char *
snapshot (PlStore *store)
{
  PlDb *db = pl_store_get_db (store);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlStmt) names = NULL;

  names = pl_db_prepare_once (db, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                  "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search%' "
                                  "ORDER BY name", NULL);
  while (pl_stmt_next (names, NULL))
    g_ptr_array_add (tables, pl_stmt_dup_text (names, 0));

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2",
                                              (char *) g_ptr_array_index (tables, i));

      g_string_append_printf (out, "[%s]\n", (char *) g_ptr_array_index (tables, i));
      dump_query (db, sql, out);
    }

  g_string_append (out, "[search]\n");
  dump_query (db, "SELECT rowid, * FROM search ORDER BY rowid", out);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_same (const char *expected,
             const char *actual,
             const char *what)
{
  if (g_strcmp0 (expected, actual) == 0)
    return;

  /* Say where, not two dumps of a whole database. */
  {
    g_auto(GStrv) a = g_strsplit (expected, "\n", -1);
    g_auto(GStrv) b = g_strsplit (actual, "\n", -1);
    const char *table = "";

    for (guint i = 0; a[i] != NULL && b[i] != NULL; i++)
      {
        if (a[i][0] == '[')
          table = a[i];
        if (!g_str_equal (a[i], b[i]))
          g_error ("%s: the rows differ in %s:\n  expected %s\n  found    %s", what, table,
                   a[i], b[i]);
      }
    g_error ("%s: the rows differ in number", what);
  }
}

typedef void (*StepFunc) (Fixture *f);

/* Does @step, then undo and redo, comparing the database each time. */
static void
check_step (Fixture    *f,
            StepFunc    step,
            const char *expected_label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f->store);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;
  guint n_steps = pl_history_get_n_steps (f->history);

  step (f);
  after = snapshot (f->store);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpuint (pl_history_get_n_steps (f->history), ==, n_steps + 1);
  g_assert_true (pl_history_get_can_undo (f->history));
  if (expected_label != NULL)
    g_assert_cmpstr (pl_history_get_undo_label (f->history), ==, expected_label);

  g_assert_true (pl_history_undo (f->history, &error));
  g_assert_no_error (error);
  undone = snapshot (f->store);
  assert_same (before, undone, "after undo");
  g_assert_true (pl_history_get_can_redo (f->history));

  g_assert_true (pl_history_redo (f->history, &error));
  g_assert_no_error (error);
  redone = snapshot (f->store);
  assert_same (after, redone, "after redo");

  /* And back once more: a step undoes as often as it is redone. */
  g_assert_true (pl_history_undo (f->history, &error));
  undone_again = snapshot (f->store);
  assert_same (before, undone_again, "after the second undo");
  g_assert_true (pl_history_redo (f->history, &error));
}

static gint64
employer_with_contacts (PlStore *store)
{
  PlDb *db = pl_store_get_db (store);

  return pl_db_query_int (db, "SELECT e.id FROM employer AS e WHERE NOT EXISTS "
                              "(SELECT 1 FROM placement WHERE employer_id = e.id) "
                              "AND EXISTS (SELECT 1 FROM contact WHERE employer_id = e.id) "
                              "ORDER BY e.id LIMIT 1", 0);
}

static void
edit_employer (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) employer = pl_store_get (f->store, PL_TYPE_EMPLOYER, 1, &error);

  g_assert_no_error (error);
  pl_record_set_string (employer, "name", "Humber Bridge Kitchens");
  pl_record_set_string (employer, "notes", "Call the head chef on Mondays.");
  g_assert_true (pl_store_update (f->store, employer, &error));
  g_assert_no_error (error);
}

static void
delete_employer (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = employer_with_contacts (f->store);
  PlDeletion *deletion;

  g_assert_cmpint (id, >, 0);
  deletion = pl_deletion_run (f->store, PL_TYPE_EMPLOYER, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_object_unref (deletion);
}

static gint64
placement_in (PlStore    *store,
              const char *status)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT p.id FROM placement AS p WHERE p.status = '%s' AND EXISTS "
                     "(SELECT 1 FROM placement_day WHERE placement_id = p.id) "
                     "ORDER BY p.id LIMIT 1", status);

  return pl_db_query_int (pl_store_get_db (store), sql, 0);
}

static void
cancel_placement (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = placement_in (f->store, "proposed");
  g_autoptr(PlStatusChange) change = NULL;

  if (id == 0)
    id = placement_in (f->store, "agreed");
  g_assert_cmpint (id, >, 0);
  change = pl_lifecycle_change_status (f->store, id, "cancelled", "The host withdrew",
                                       &f->today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (change);
}

static void
move_days (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 id = placement_in (f->store, "proposed");
  g_auto(GStrv) days = NULL;
  g_autoptr(GStrvBuilder) moved = g_strv_builder_new ();
  g_auto(GStrv) new_days = NULL;

  if (id == 0)
    id = placement_in (f->store, "agreed");
  days = pl_store_get_days (f->store, id);
  g_assert_nonnull (days[0]);
  for (guint i = 0; days[i] != NULL; i++)
    { g_autofree char *day = pl_date_iso_add_days (days[i], 7); g_strv_builder_add (moved, day); }
  new_days = g_strv_builder_end (moved);
  g_assert_true (pl_placement_set_days (f->store, id, (const char * const *) new_days, &error));
  g_assert_no_error (error);
}

static void
import_employers (Fixture *f)
{
  static const char csv[] =
    "name,sector,relationship,capacity,notice_weeks\n"
    "Spurn Point Lifeboat Café,Catering and Hospitality,prospect,1,2\n"
    "Sculcoates Print Works,Creative and Design,warm,2,4\n";
  g_autoptr(GError) error = NULL;
  gint64 n = 0;

  pl_store_set_step_label (f->store, "Import employers.csv");
  g_assert_true (pl_csv_import_data (f->store, PL_CSV_EMPLOYERS, csv, sizeof csv - 1,
                                     "employers.csv", NULL, NULL, NULL, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 2);
}

static void
add_period (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) period = pl_record_new (PL_TYPE_CALENDAR_PERIOD);

  pl_record_set_string (period, "owner_kind", "all");
  pl_record_set_string (period, "kind", "inset");
  pl_record_set_string (period, "label", "Training day");
  pl_record_set_string (period, "start_date", "2027-01-04");
  pl_record_set_string (period, "end_date", "2027-01-04");
  pl_record_set_int (period, "weekdays", 127);
  g_assert_true (pl_store_insert (f->store, period, &error));
  g_assert_no_error (error);
}

static void
accept_plan (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(PlScheduleUndo) undo = NULL;

  result = pl_schedule_run (f->store, &f->today, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (result->placed->len == 0)
    {
      g_test_skip ("the sample has no request the plan can place today");
      return;
    }
  g_assert_true (pl_schedule_apply (f->store, (PlProposal * const *) result->placed->pdata,
                                    result->placed->len, &f->today, &undo, &error));
  g_assert_no_error (error);
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  check_step (f, edit_employer, "Edit Employer");
}

static void
test_delete (Fixture *f, gconstpointer data)
{
  check_step (f, delete_employer, "Delete Employer");
}

static void
test_status (Fixture *f, gconstpointer data)
{
  check_step (f, cancel_placement, NULL);
}

static void
test_days (Fixture *f, gconstpointer data)
{
  check_step (f, move_days, NULL);
}

static void
test_import (Fixture *f, gconstpointer data)
{
  check_step (f, import_employers, "Import employers.csv");
}

static void
test_period (Fixture *f, gconstpointer data)
{
  check_step (f, add_period, "Add Calendar period");
}

static void
test_plan (Fixture *f, gconstpointer data)
{
  check_step (f, accept_plan, NULL);
}

/* Two saves of one record a moment apart are one step, as typing is; a
 * save of another record is a step of its own. */
static void
test_coalesce (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) employer = pl_store_get (f->store, PL_TYPE_EMPLOYER, 1, &error);
  g_autoptr(PlRecord) other = pl_store_get (f->store, PL_TYPE_EMPLOYER, 2, &error);
  g_autofree char *before = snapshot (f->store);
  g_autofree char *now = NULL;

  pl_record_set_string (employer, "notes", "C");
  g_assert_true (pl_store_update (f->store, employer, &error));
  pl_record_set_string (employer, "notes", "Ca");
  g_assert_true (pl_store_update (f->store, employer, &error));
  pl_record_set_string (employer, "notes", "Call");
  g_assert_true (pl_store_update (f->store, employer, &error));
  g_assert_cmpuint (pl_history_get_n_steps (f->history), ==, 1);

  pl_record_set_string (other, "notes", "Visit");
  g_assert_true (pl_store_update (f->store, other, &error));
  g_assert_cmpuint (pl_history_get_n_steps (f->history), ==, 2);

  g_assert_true (pl_history_undo (f->history, &error));
  g_assert_true (pl_history_undo (f->history, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  assert_same (before, now, "after undoing both");
  g_assert_false (pl_history_get_can_undo (f->history));
}

/* A row written twice in one second: the second write leaves updated_at
 * as it was, so undoing it must not let the touch trigger stamp the row
 * with the time of the undo. */
static void
test_same_second (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *added = NULL;
  g_autofree char *now = NULL;
  g_autoptr(PlRecord) period = NULL;

  add_period (f);
  period = pl_store_get (f->store, PL_TYPE_CALENDAR_PERIOD,
                         pl_db_query_int (pl_store_get_db (f->store),
                                          "SELECT max(id) FROM calendar_period", 0), &error);
  g_assert_no_error (error);
  added = snapshot (f->store);

  pl_record_set_string (period, "label", "Staff training day");
  g_assert_true (pl_store_update (f->store, period, &error));
  g_assert_cmpuint (pl_history_get_n_steps (f->history), ==, 2);

  /* The undo comes in a later second than the writes. */
  g_usleep (1100 * 1000);
  g_assert_true (pl_history_undo (f->history, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  assert_same (added, now, "after undoing the second write");
}

/* Undo is for as long as the window is open: here a deletion is undone
 * after forty other steps. */
static void
test_long_history (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = snapshot (f->store);
  g_autofree char *now = NULL;

  delete_employer (f);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u", i);

      g_assert_true (pl_store_set_setting (f->store, "test_counter", value, &error));
    }
  for (guint i = 0; i < 41; i++)
    g_assert_true (pl_history_undo (f->history, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  assert_same (before, now, "after 41 undos");
}

/* Another program changing a row a step would undo: the undo is refused
 * and nothing changes. */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) other = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *now = NULL;

  edit_employer (f);
  other = pl_store_open (f->path, &error);
  employer = pl_store_get (other, PL_TYPE_EMPLOYER, 1, &error);
  pl_record_set_string (employer, "notes", "Changed in another window");
  g_assert_true (pl_store_update (other, employer, &error));
  changed = snapshot (f->store);

  g_assert_false (pl_history_undo (f->history, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
  now = snapshot (f->store);
  assert_same (changed, now, "after a refused undo");
  g_assert_true (pl_history_get_can_undo (f->history));
}

static gpointer
write_in_job (PlStoreJob    *job,
              PlStore  *worker,
              gpointer  data,
              GError  **error)
{
  g_autoptr(PlRecord) employer = pl_store_get (worker, PL_TYPE_EMPLOYER, 1, error);

  if (employer == NULL)
    return NULL;
  pl_record_set_string (employer, "notes", "Written by a job");
  if (!pl_store_update (worker, employer, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
on_job_done (GObject      *source,
             GAsyncResult *result,
             gpointer      data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

/* What a background job writes is a step of the window's history too. */
static void
test_job (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *before = snapshot (f->store);
  g_autofree char *now = NULL;

  pl_store_run_async (f->store, write_in_job, NULL, NULL, NULL, NULL, NULL, NULL,
                      on_job_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (pl_store_run_finish (f->store, result, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (pl_history_get_n_steps (f->history), ==, 1);
  g_assert_true (pl_history_undo (f->history, &error));
  g_assert_no_error (error);
  now = snapshot (f->store);
  assert_same (before, now, "after undoing the job");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  make_sample ();

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/history/edit", test_edit);
  ADD ("/history/delete-with-cascade", test_delete);
  ADD ("/history/status-change", test_status);
  ADD ("/history/days-and-milestones", test_days);
  ADD ("/history/import", test_import);
  ADD ("/history/period", test_period);
  ADD ("/history/plan-acceptance", test_plan);
  ADD ("/history/coalesce-typing", test_coalesce);
  ADD ("/history/same-second", test_same_second);
  ADD ("/history/long", test_long_history);
  ADD ("/history/conflict", test_conflict);
  ADD ("/history/job", test_job);
#undef ADD

  status = g_test_run ();

  {
    g_autofree char *dir = g_path_get_dirname (sample_path);

    pl_test_remove_folder (dir);
    g_free (sample_path);
  }
  return status;
}
