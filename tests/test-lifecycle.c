/* test-lifecycle.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pl-date.h"
#include "pl-lifecycle.h"
#include "pl-milestones.h"
#include "pl-overview.h"
#include "pl-placement-list.h"
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* The walk of a placement as a coordinator takes it: every step allowed
 * and refused, with the exact sentences a refusal gives; milestones on
 * working days; the Overview's lists; and the two CLI commands. */

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   partner;
  gint64   staff;
  gint64   digital;
  gint64   catering;
  gint64   host;       /* a Digital employer */
  gint64   other;      /* a Catering employer */
} Fixture;

static gint64
add_employer (Fixture    *f,
              const char *name,
              gint64      sector)
{
  g_autoptr(PlRecord) employer = pl_record_new (PL_TYPE_EMPLOYER);

  pl_record_set_string (employer, "name", name);
  pl_record_set_int (employer, "sector_id", sector);
  pl_record_set_string (employer, "relationship", "warm");
  pl_record_set_int (employer, "capacity", 1);
  pl_record_set_int (employer, "notice_weeks", 0);
  pl_record_set_int (employer, "preferred_days", 31);
  return pl_test_insert (f->store, employer);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_record_new (PL_TYPE_PARTNER);
  g_autoptr(PlRecord) staff = pl_record_new (PL_TYPE_STAFF);

  f->dir = g_dir_make_tmp ("placements-lifecycle-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->path, &error);
  g_assert_no_error (error);

  pl_record_set_string (partner, "name", "Riverside College");
  pl_record_set_string (partner, "kind", "college");
  pl_record_set_string (partner, "status", "active");
  f->partner = pl_test_insert (f->store, partner);

  f->digital = pl_test_sector (f->store, "Digital");
  f->catering = pl_test_sector (f->store, "Catering and Hospitality");

  pl_record_set_int (staff, "partner_id", f->partner);
  pl_record_set_string (staff, "name", "Ann Example");
  pl_record_set_int (staff, "teaching_days", 0);
  f->staff = pl_test_insert (f->store, staff);

  f->host = add_employer (f, "Byte Works", f->digital);
  f->other = add_employer (f, "The Copper Pot", f->catering);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);

  pl_test_remove_folder (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static gint64
new_request (Fixture    *f,
             const char *today)
{
  g_autoptr(GError) error = NULL;
  GDate d = pl_test_date (today);
  gint64 id = pl_placement_create_request (f->store, f->staff, f->digital, &d, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
set_days (Fixture    *f,
          gint64      id,
          const char *first,
          ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) days = NULL;
  g_autoptr(GError) error = NULL;
  const char *day;
  va_list args;

  va_start (args, first);
  for (day = first; day != NULL; day = va_arg (args, const char *))
    g_strv_builder_add (builder, day);
  va_end (args);
  days = g_strv_builder_end (builder);

  g_assert_true (pl_placement_set_days (f->store, id, (const char * const *) days, &error));
  g_assert_no_error (error);
}

static void
update_placement (Fixture    *f,
                  gint64      id,
                  const char *column,
                  const char *text,
                  gint64      number)
{
  g_autoptr(PlRecord) placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_autoptr(GError) error = NULL;

  if (text != NULL)
    pl_record_set_string (placement, column, text);
  else
    pl_record_set_int (placement, column, number);
  g_assert_true (pl_store_update (f->store, placement, &error));
  g_assert_no_error (error);
}

/* Checks that moving @id to @to on @today is refused with exactly the
 * NULL-terminated sentences given, both by the check and by the move, and
 * that the refusal left the status alone. */
static void
assert_refused (Fixture    *f,
                gint64      id,
                const char *to,
                const char *today,
                ...)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = pl_test_placement_status (f->store, id);
  g_autofree char *after = NULL;
  g_autofree char *joined = NULL;
  GDate d = pl_test_date (today);
  const char *item;
  va_list args;

  va_start (args, today);
  while ((item = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (expected, (char *) item);
  va_end (args);

  g_assert_false (pl_lifecycle_check (f->store, id, to, &d, missing));
  for (guint i = 0; i < missing->len; i++)
    g_test_message ("missing: %s", (const char *) missing->pdata[i]);
  g_assert_cmpuint (missing->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (missing->pdata[i], ==, expected->pdata[i]);

  g_assert_false (pl_lifecycle_set_status (f->store, id, to, NULL, &d, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED);
  g_ptr_array_add (expected, NULL);
  joined = g_strjoinv ("\n", (char **) expected->pdata);
  g_assert_cmpstr (error->message, ==, joined);

  after = pl_test_placement_status (f->store, id);
  g_assert_cmpstr (after, ==, before);
}

static void
assert_moves (Fixture    *f,
              gint64      id,
              const char *to,
              const char *reason,
              const char *today)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  GDate d = pl_test_date (today);

  if (reason == NULL)
    {
      g_assert_true (pl_lifecycle_check (f->store, id, to, &d, missing));
      g_assert_cmpuint (missing->len, ==, 0);
    }
  g_assert_true (pl_lifecycle_set_status (f->store, id, to, reason, &d, &error));
  g_assert_no_error (error);
  after = pl_test_placement_status (f->store, id);
  g_assert_cmpstr (after, ==, to);
}

static void
add_document (Fixture    *f,
              gint64      employer,
              const char *kind,
              const char *expires)
{
  g_autoptr(PlRecord) document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);

  pl_record_set_int (document, "employer_id", employer);
  pl_record_set_string (document, "kind", kind);
  pl_record_set_string (document, "expires_on", expires);
  pl_test_insert (f->store, document);
}

static void
add_observation (Fixture    *f,
                 const char *phase,
                 const char *on,
                 gint64      placement)
{
  g_autoptr(PlRecord) observation = pl_record_new (PL_TYPE_OBSERVATION);

  pl_record_set_int (observation, "staff_id", f->staff);
  pl_record_set_int (observation, "placement_id", placement);
  pl_record_set_string (observation, "phase", phase);
  pl_record_set_string (observation, "observed_on", on);
  pl_test_insert (f->store, observation);
}

static void
add_cascade (Fixture    *f,
             gint64      placement,
             const char *on)
{
  g_autoptr(PlRecord) cascade = pl_record_new (PL_TYPE_CASCADE);

  pl_record_set_int (cascade, "placement_id", placement);
  pl_record_set_string (cascade, "cascade_date", on);
  pl_record_set_string (cascade, "audience", "colleagues");
  pl_record_set_int (cascade, "people", 12);
  pl_test_insert (f->store, cascade);
}

static char *
milestone_field (Fixture    *f,
                 gint64      placement,
                 const char *kind,
                 const char *column)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM milestone WHERE placement_id = ?1 "
                                          "AND kind = ?2", column);
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, placement);
  sqlite3_bind_text (stmt, 2, kind, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return value;
}

static gint64
count_rows (Fixture    *f,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* From request to evaluated, each step first refused with what it lacks,
 * then allowed once that is supplied. */
static void
test_walk (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GListModel) history = NULL;
  static const char * const steps[][3] = {
    { NULL, "request", "2026-11-02" },
    { "request", "proposed", "2026-11-09" },
    { "proposed", "agreed", "2026-11-16" },
    { "agreed", "confirmed", "2026-11-23" },
    { "confirmed", "completed", "2027-01-06" },
    { "completed", "cascaded", "2027-01-20" },
    { "cascaded", "evaluated", "2027-03-01" },
  };

  /* request → proposed */
  assert_refused (f, id, "proposed", "2026-11-09",
                  "Choose an employer.",
                  "Choose the placement days.",
                  NULL);
  update_placement (f, id, "employer_id", NULL, f->other);
  set_days (f, id, "2026-12-14", "2026-12-15", NULL);
  assert_refused (f, id, "proposed", "2026-11-09",
                  "The Copper Pot is an employer in Catering and Hospitality, but this placement "
                  "is in Digital: choose an employer of the placement’s sector.",
                  NULL);
  update_placement (f, id, "employer_id", NULL, f->host);
  assert_refused (f, id, "agreed", "2026-11-09",
                  "A placement moves forward one step at a time: after Request comes Proposed.",
                  NULL);
  assert_moves (f, id, "proposed", NULL, "2026-11-09");

  /* proposed → agreed: the planner, and the date of agreement */
  assert_refused (f, id, "agreed", "2026-11-16",
                  "Tick at least one aim in the pre-placement planner.",
                  NULL);
  update_placement (f, id, "aims", NULL, PL_AIM_TEACHING | PL_AIM_T_LEVELS);
  assert_moves (f, id, "agreed", NULL, "2026-11-16");
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpstr (pl_record_get_string (placement, "agreed_on"), ==, "2026-11-16");

  /* agreed → confirmed: evidence on the first day, and the lead time */
  assert_refused (f, id, "confirmed", "2026-11-23",
                  "Byte Works has no insurance certificate on record.",
                  "Byte Works has no health and safety policy on record.",
                  "Byte Works has no risk assessment on record.",
                  "Byte Works has no signed agreement on record.",
                  "The lead time is not met: agreed on 16 November 2026 with 6 weeks’ notice, "
                  "the first day had to be on or after 28 December 2026, but it is 14 December "
                  "2026.",
                  NULL);
  add_document (f, f->host, "insurance", "2027-06-30");
  add_document (f, f->host, "health_safety_policy", NULL);
  add_document (f, f->host, "risk_assessment", "2026-12-01");
  add_document (f, f->host, "agreement", NULL);
  set_days (f, id, "2027-01-04", "2027-01-05", NULL);
  assert_refused (f, id, "confirmed", "2026-11-23",
                  "Byte Works’s risk assessment expires on 1 December 2026, before the first day "
                  "(4 January 2027).",
                  NULL);
  /* A newer document of the same kind counts; one that expires on the
   * first day itself is still valid on it. */
  add_document (f, f->host, "risk_assessment", "2027-01-04");
  {
    g_autoptr(PlRecord) employer = pl_store_get (f->store, PL_TYPE_EMPLOYER, f->host, NULL);

    /* The employer's own notice wins when it is longer. */
    pl_record_set_int (employer, "notice_weeks", 8);
    g_assert_true (pl_store_update (f->store, employer, NULL));
    assert_refused (f, id, "confirmed", "2026-11-23",
                    "The lead time is not met: agreed on 16 November 2026 with 8 weeks’ notice, "
                    "the first day had to be on or after 11 January 2027, but it is 4 January "
                    "2027.",
                    NULL);
    pl_record_set_int (employer, "notice_weeks", 2);
    g_assert_true (pl_store_update (f->store, employer, NULL));
  }
  assert_moves (f, id, "confirmed", NULL, "2026-11-23");

  /* confirmed → completed: the last day has passed */
  assert_refused (f, id, "completed", "2027-01-05",
                  "The last day (5 January 2027) has not passed yet.",
                  NULL);
  assert_moves (f, id, "completed", NULL, "2027-01-06");

  /* completed → cascaded */
  assert_refused (f, id, "cascaded", "2027-01-20",
                  "Record at least one cascade: when the learning was passed on, to whom, and "
                  "to how many people.",
                  NULL);
  add_cascade (f, id, "2027-01-15");
  assert_moves (f, id, "cascaded", NULL, "2027-01-20");

  /* cascaded → evaluated: the reflection and an observation after */
  assert_refused (f, id, "evaluated", "2027-03-01",
                  "Write what was learned in the reflection.",
                  "Write what will change for students in the reflection.",
                  "Record a lesson observation of Ann Example after the placement.",
                  NULL);
  update_placement (f, id, "reflection_learned", "How a service desk triages.", 0);
  update_placement (f, id, "reflection_students", "   ", 0);
  /* One before the placement, and one after it linked to nothing but
   * dated before its last day, do not count. */
  add_observation (f, "before", "2026-10-01", 0);
  add_observation (f, "after", "2027-01-04", 0);
  assert_refused (f, id, "evaluated", "2027-03-01",
                  "Write what will change for students in the reflection.",
                  "Record a lesson observation of Ann Example after the placement.",
                  NULL);
  update_placement (f, id, "reflection_students", "Live tickets in the lab.", 0);
  add_observation (f, "after", "2027-02-10", 0);
  assert_moves (f, id, "evaluated", NULL, "2027-03-01");

  /* The end of the walk. */
  assert_refused (f, id, "evaluated", "2027-03-02", "The placement is already Evaluated.", NULL);
  assert_refused (f, id, "cancelled", "2027-03-02",
                  "The placement has taken place (it is Evaluated), so it cannot be cancelled.",
                  NULL);
  g_assert_null (pl_lifecycle_next_status ("evaluated"));

  /* Every change is in the history, with its date. */
  history = pl_store_list_where (f->store, PL_TYPE_PLACEMENT_EVENT, "placement_id", id);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, G_N_ELEMENTS (steps));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(PlRecord) event = g_list_model_get_item (history, i);

      g_assert_cmpstr (pl_record_get_string (event, "from_status"), ==, steps[i][0]);
      g_assert_cmpstr (pl_record_get_string (event, "to_status"), ==, steps[i][1]);
      g_assert_cmpstr (pl_record_get_string (event, "changed_on"), ==, steps[i][2]);
    }

  /* The steps ticked the milestones that stand for them, on their dates. */
  {
    static const char * const ticked[][2] = {
      { "first_contact", "2026-11-09" }, { "agreement", "2026-11-16" },
      { "planner", NULL }, { "induction", NULL }, { "confirmation", "2026-11-23" },
      { "cascade", "2027-01-20" }, { "reflection", "2027-03-01" },
      { "observation", "2027-03-01" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ticked); i++)
      {
        g_autofree char *done = milestone_field (f, id, ticked[i][0], "done");
        g_assert_cmpstr (done, ==, ticked[i][1]);
      }
  }

  {
    g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
    g_assert_true (pl_store_check (f->store, report));
  }
}

static void
test_cancel_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  GDate d = pl_test_date ("2026-11-10");

  /* A reason is required; blank is no reason. */
  g_assert_false (pl_lifecycle_set_status (f->store, id, "cancelled", "  ", &d, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "Give a reason for cancelling.");
  g_clear_error (&error);

  assert_moves (f, id, "cancelled", "The partner withdrew from the network.", "2026-11-10");
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpstr (pl_record_get_string (placement, "cancel_reason"), ==,
                   "The partner withdrew from the network.");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM placement_event WHERE placement_id = ?1 "
                                  "AND to_status = 'cancelled' AND changed_on = '2026-11-10' AND "
                                  "reason = 'The partner withdrew from the network.'", id), ==, 1);

  assert_refused (f, id, "proposed", "2026-11-11",
                  "A cancelled placement can only be reopened as a request.", NULL);
  assert_moves (f, id, "request", NULL, "2026-11-12");
  g_clear_object (&placement);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_true (pl_record_is_null (placement, "cancel_reason"));

  /* Confirmed can still be cancelled: it has not taken place. */
  update_placement (f, id, "employer_id", NULL, f->host);
  update_placement (f, id, "aims", NULL, PL_AIM_IAG);
  set_days (f, id, "2027-03-01", NULL);
  add_document (f, f->host, "insurance", NULL);
  add_document (f, f->host, "health_safety_policy", NULL);
  add_document (f, f->host, "risk_assessment", NULL);
  add_document (f, f->host, "agreement", NULL);
  assert_moves (f, id, "proposed", NULL, "2026-11-13");
  assert_moves (f, id, "agreed", NULL, "2026-11-13");
  assert_moves (f, id, "confirmed", NULL, "2026-11-14");
  assert_moves (f, id, "cancelled", "The host closed for refurbishment.", "2026-11-15");
  assert_moves (f, id, "request", NULL, "2026-11-16");
  g_clear_object (&placement);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_true (pl_record_is_null (placement, "agreed_on"));
}

/* Steps back correct mistakes: nothing is required, the history keeps
 * them, the milestones of the steps undone are no longer done, and going
 * back before "agreed" forgets the agreement date. */
static void
test_step_back (Fixture       *f,
                gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  update_placement (f, id, "employer_id", NULL, f->host);
  update_placement (f, id, "aims", NULL, PL_AIM_EXPERTISE);
  set_days (f, id, "2027-02-01", "2027-02-02", NULL);
  add_document (f, f->host, "insurance", NULL);
  add_document (f, f->host, "health_safety_policy", NULL);
  add_document (f, f->host, "risk_assessment", NULL);
  add_document (f, f->host, "agreement", NULL);
  assert_moves (f, id, "proposed", NULL, "2026-11-03");
  assert_moves (f, id, "agreed", NULL, "2026-11-04");
  assert_moves (f, id, "confirmed", NULL, "2026-11-05");

  assert_moves (f, id, "agreed", NULL, "2026-11-20");
  done = milestone_field (f, id, "confirmation", "done");
  g_assert_null (done);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpstr (pl_record_get_string (placement, "agreed_on"), ==, "2026-11-04");

  assert_moves (f, id, "request", NULL, "2026-11-21");
  g_clear_object (&placement);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_true (pl_record_is_null (placement, "agreed_on"));
  g_clear_pointer (&done, g_free);
  done = milestone_field (f, id, "agreement", "done");
  g_assert_null (done);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM placement_event WHERE placement_id = ?1",
                               id), ==, 6);

  /* A request may lose its days; a proposed placement may not. */
  assert_moves (f, id, "proposed", NULL, "2026-11-22");
  g_assert_false (pl_placement_set_days (f->store, id, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "A placement that is Proposed keeps at least one day: "
                                       "move it back to Request before removing them all.");
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM placement_day WHERE placement_id = ?1",
                               id), ==, 2);
}

static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(PlStatusChange) change = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  GDate d = pl_test_date ("2026-11-10");

  update_placement (f, id, "employer_id", NULL, f->host);
  update_placement (f, id, "aims", NULL, PL_AIM_IAG);
  set_days (f, id, "2027-03-01", NULL);
  assert_moves (f, id, "proposed", NULL, "2026-11-09");

  change = pl_lifecycle_change_status (f->store, id, "agreed", NULL, &d, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_status_change_get_from (change), ==, "proposed");
  g_assert_cmpstr (pl_status_change_get_to (change), ==, "agreed");
  done = milestone_field (f, id, "agreement", "done");
  g_assert_cmpstr (done, ==, "2026-11-10");

  /* Undone, the change never happened: status, date of agreement,
   * milestone and history are as before. */
  g_assert_true (pl_lifecycle_undo (f->store, change, &error));
  g_assert_no_error (error);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "proposed");
  g_assert_true (pl_record_is_null (placement, "agreed_on"));
  g_clear_pointer (&done, g_free);
  done = milestone_field (f, id, "agreement", "done");
  g_assert_null (done);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM placement_event WHERE placement_id = ?1",
                               id), ==, 2);

  /* A cancellation undone brings the placement back as it was. */
  g_clear_pointer (&change, pl_status_change_free);
  change = pl_lifecycle_change_status (f->store, id, "cancelled", "No cover for lessons", &d,
                                       &error);
  g_assert_no_error (error);
  g_assert_true (pl_lifecycle_undo (f->store, change, &error));
  g_clear_object (&placement);
  placement = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "proposed");
  g_assert_true (pl_record_is_null (placement, "cancel_reason"));

  /* Once the placement has moved on, an old change cannot be undone. */
  g_clear_pointer (&change, pl_status_change_free);
  change = pl_lifecycle_change_status (f->store, id, "agreed", NULL, &d, &error);
  g_assert_no_error (error);
  assert_moves (f, id, "proposed", NULL, "2026-11-11");
  g_assert_false (pl_lifecycle_undo (f->store, change, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED);
  g_assert_cmpstr (error->message, ==, "The placement is now Proposed, not Agreed: the change "
                                       "can no longer be undone.");
}

static void
test_bad_status (Fixture       *f,
                 gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GDate d = pl_test_date ("2026-11-10");

  g_assert_false (pl_lifecycle_check (f->store, id, "done", &d, missing));
  g_assert_cmpuint (missing->len, ==, 1);
  g_assert_cmpstr (missing->pdata[0], ==, "“done” is not a placement status.");

  g_assert_false (pl_lifecycle_set_status (f->store, id, "done", NULL, &d, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pl_lifecycle_set_status (f->store, id + 100, "proposed", NULL, &d, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);

  g_assert_cmpstr (pl_lifecycle_next_status ("request"), ==, "proposed");
  g_assert_cmpstr (pl_lifecycle_next_status ("cascaded"), ==, "evaluated");
  g_assert_null (pl_lifecycle_next_status ("cancelled"));
}

static void
set_template (Fixture    *f,
              const char *kind,
              const char *anchor,
              int         offset,
              const char *unit)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store),
                                       "UPDATE milestone_template SET anchor = ?2, offset = ?3, "
                                       "unit = ?4 WHERE kind = ?1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, anchor, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, offset);
  sqlite3_bind_text (stmt, 4, unit, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (pl_store_get_sqlite (f->store)), ==, 1);
}

static void
assert_dues (Fixture            *f,
             gint64              id,
             const char * const  expected[][2],
             guint               n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *due = milestone_field (f, id, expected[i][0], "due");

      if (g_strcmp0 (due, expected[i][1]) != 0)
        g_error ("placement %" G_GINT64_FORMAT ", %s: due %s, expected %s",
                 id, expected[i][0], due, expected[i][1]);
    }
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM milestone WHERE placement_id = ?1", id),
                   ==, n);
}

/* Due dates in weeks and days move off weekends and bank holidays (back
 * before the placement, forward after it); working days skip them. */
static void
test_milestone_dates (Fixture       *f,
                      gconstpointer  data)
{
  /* Just after Easter: Good Friday 26 March and Easter Monday 29 March
   * 2027. Around the May bank holidays: 3 and 31 May 2027. */
  static const char * const easter[][2] = {
    { "first_contact", "2027-01-05" },   /* 12 weeks before: a Tuesday */
    { "agreement", "2027-02-02" },
    { "planner", "2027-03-23" },         /* 1 week before */
    { "induction", "2027-03-25" },       /* 3 days before: Saturday 27 → Thursday 25 */
    { "confirmation", "2027-03-25" },    /* 1 working day before: over Easter */
    { "reflection", "2027-04-05" },      /* 5 days after the last day: a Monday */
    { "cascade", "2027-04-07" },
    { "observation", "2027-04-20" },
  };
  static const char * const may[][2] = {
    { "first_contact", "2027-02-15" },
    { "agreement", "2027-03-15" },
    { "planner", "2027-04-30" },         /* Monday 3 May is a bank holiday → Friday */
    { "induction", "2027-05-07" },
    { "confirmation", "2027-05-07" },
    { "reflection", "2027-05-17" },      /* Sunday 16 → Monday 17 */
    { "cascade", "2027-05-18" },
    { "observation", "2027-06-01" },     /* bank holiday Monday 31 May → Tuesday */
  };
  gint64 a, b;

  set_template (f, "planner", "first", -1, "weeks");
  set_template (f, "induction", "first", -3, "days");
  set_template (f, "confirmation", "first", -1, "working_days");
  set_template (f, "reflection", "last", 5, "days");
  set_template (f, "cascade", "last", 1, "weeks");
  set_template (f, "observation", "last", 20, "days");

  a = new_request (f, "2026-11-02");
  set_days (f, a, "2027-03-30", "2027-03-31", NULL);
  assert_dues (f, a, easter, G_N_ELEMENTS (easter));

  b = new_request (f, "2026-11-02");
  set_days (f, b, "2027-05-10", "2027-05-11", NULL);
  assert_dues (f, b, may, G_N_ELEMENTS (may));

  /* Working days after the anchor skip a bank holiday too. */
  {
    g_autoptr(PlWorkdays) workdays = pl_workdays_new ();
    GDate first = pl_test_date ("2027-04-28"), last = pl_test_date ("2027-04-29"), due;
    g_autofree char *iso = NULL;

    pl_milestones_due (workdays, &first, &last, "last", 2, "working_days", &due);
    iso = pl_date_to_iso (&due);
    g_assert_cmpstr (iso, ==, "2027-05-04");
  }

  /* A network-wide holiday (a closure) counts as a day off as well. */
  {
    g_autoptr(PlRecord) closure = pl_record_new (PL_TYPE_CALENDAR_PERIOD);
    g_autoptr(GError) error = NULL;
    g_autofree char *due = NULL;

    pl_record_set_string (closure, "owner_kind", "all");
    pl_record_set_string (closure, "kind", "holiday");
    pl_record_set_string (closure, "start_date", "2027-03-22");
    pl_record_set_string (closure, "end_date", "2027-03-25");
    pl_record_set_int (closure, "weekdays", 127);
    pl_test_insert (f->store, closure);
    g_assert_true (pl_milestones_update (f->store, a, &error));
    g_assert_no_error (error);
    due = milestone_field (f, a, "confirmation", "due");
    g_assert_cmpstr (due, ==, "2027-03-19");
  }
}

/* Milestones follow the days, except those already done; without days
 * only what was done remains. */
static void
test_milestones_move (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = new_request (f, "2026-11-02");
  g_autoptr(GError) error = NULL;
  g_autofree char *contact_id = NULL;
  g_autofree char *due = NULL;
  g_autofree char *done_due = NULL;
  GDate on = pl_test_date ("2026-11-20");

  /* No days, no milestones. */
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM milestone WHERE placement_id = ?1", id),
                   ==, 0);

  set_days (f, id, "2027-03-01", "2027-03-02", NULL);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM milestone WHERE placement_id = ?1", id),
                   ==, 8);
  due = milestone_field (f, id, "first_contact", "due");
  g_assert_cmpstr (due, ==, "2026-12-07");

  contact_id = milestone_field (f, id, "first_contact", "id");
  g_assert_true (pl_milestones_set_done (f->store, g_ascii_strtoll (contact_id, NULL, 10), &on,
                                         &error));
  g_assert_no_error (error);

  /* A week later: the undone move a week, the done one stays. */
  set_days (f, id, "2027-03-08", "2027-03-09", NULL);
  g_clear_pointer (&due, g_free);
  due = milestone_field (f, id, "agreement", "due");
  g_assert_cmpstr (due, ==, "2027-01-11");
  g_clear_pointer (&due, g_free);
  due = milestone_field (f, id, "observation", "due");
  g_assert_cmpstr (due, ==, "2027-05-04");
  done_due = milestone_field (f, id, "first_contact", "due");
  g_assert_cmpstr (done_due, ==, "2026-12-07");

  /* A template edited: undone milestones take its new label and date;
   * the done one keeps both. */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;
    g_autofree char *label = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store),
                                         "UPDATE milestone_template SET label = 'Call the host', "
                                         "offset = -10 WHERE kind IN ('first_contact', "
                                         "'agreement')", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    g_assert_true (pl_milestones_update_all (f->store, &error));
    g_assert_no_error (error);
    label = milestone_field (f, id, "agreement", "label");
    g_assert_cmpstr (label, ==, "Call the host");
    g_clear_pointer (&due, g_free);
    due = milestone_field (f, id, "agreement", "due");
    /* Ten weeks before 8 March is Monday 28 December, the substitute
     * Boxing Day, and before that comes the Christmas weekend. */
    g_assert_cmpstr (due, ==, "2026-12-24");
    g_clear_pointer (&label, g_free);
    label = milestone_field (f, id, "first_contact", "label");
    g_assert_cmpstr (label, ==, "First contact with the employer");
  }

  /* Days removed from a request: only the done milestone is left. */
  g_assert_true (pl_placement_set_days (f->store, id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f, "SELECT count(*) FROM milestone WHERE placement_id = ?1", id),
                   ==, 1);
  g_clear_pointer (&done_due, g_free);
  done_due = milestone_field (f, id, "first_contact", "done");
  g_assert_cmpstr (done_due, ==, "2026-11-20");
}

/* A database built here, with milestones overdue, due, done and of a
 * cancelled placement: the Overview lists exactly the right ones. */
static void
test_overview (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) coming = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autoptr(GPtrArray) employers = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = pl_test_date ("2026-11-22");
  gint64 soon, later, cancelled, bare, windowed;

  /* First day 2027-01-04: first contact 2026-10-12 and agreement
   * 2026-11-09 are overdue; the planner on 2026-12-07 is not. */
  soon = new_request (f, "2026-09-01");
  set_days (f, soon, "2027-01-04", NULL);
  /* First day 2026-12-14: first contact 2026-09-21 (done), agreement
   * 2026-10-19 overdue, planner 2026-11-16 overdue, induction 2026-11-30
   * not yet, and a placement in the next 30 days. */
  later = new_request (f, "2026-09-01");
  set_days (f, later, "2026-12-14", "2026-12-15", NULL);
  {
    g_autofree char *mid = milestone_field (f, later, "first_contact", "id");
    GDate on = pl_test_date ("2026-09-20");

    g_assert_true (pl_milestones_set_done (f->store, g_ascii_strtoll (mid, NULL, 10), &on, NULL));
  }
  /* Cancelled: its overdue milestones are nobody's concern. */
  cancelled = new_request (f, "2026-09-01");
  set_days (f, cancelled, "2026-12-01", NULL);
  g_assert_true (pl_lifecycle_set_status (f->store, cancelled, "cancelled", "Host closed", &today,
                                          &error));
  g_assert_no_error (error);
  /* Requests without days: one with a window, one without. */
  bare = new_request (f, "2026-10-01");
  windowed = new_request (f, "2026-10-02");
  update_placement (f, windowed, "window_start", "2027-02-01", 0);
  update_placement (f, windowed, "window_end", "2027-03-26", 0);

  overdue = pl_overview_overdue_milestones (f->store, &today);
  {
    static const struct { const char *label; const char *due; gint64 *placement; } expected[] = {
      { "First contact with the employer", "2026-10-12", NULL },
      { "Agreement with the employer", "2026-10-19", NULL },
      { "Agreement with the employer", "2026-11-09", NULL },
      { "Pre-placement planner completed", "2026-11-16", NULL },
    };
    gint64 placements[] = { soon, later, soon, later };

    g_assert_cmpuint (overdue->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < overdue->len; i++)
      {
        PlOverviewItem *item = overdue->pdata[i];

        g_assert_cmpstr (item->title, ==, expected[i].label);
        g_assert_cmpstr (item->date, ==, expected[i].due);
        g_assert_cmpint (item->placement_id, ==, placements[i]);
        g_assert_cmpint (item->milestone_id, >, 0);
        g_assert_cmpstr (item->subtitle, ==, "Ann Example");
      }
  }

  /* Due from 22 to 28 November: nothing. From Monday 30 November: the
   * induction of the later one, that day. From 1 December: two due on the
   * 7th, six days on, in placement order. */
  week = pl_overview_due_this_week (f->store, &today);
  g_assert_cmpuint (week->len, ==, 0);
  g_clear_pointer (&week, g_ptr_array_unref);
  {
    GDate monday = pl_test_date ("2026-11-30");

    week = pl_overview_due_this_week (f->store, &monday);
    g_assert_cmpuint (week->len, ==, 1);
    g_assert_cmpstr (((PlOverviewItem *) week->pdata[0])->title, ==,
                     "Health and safety and induction arranged");
    g_assert_cmpint (((PlOverviewItem *) week->pdata[0])->placement_id, ==, later);
    g_assert_cmpstr (((PlOverviewItem *) week->pdata[0])->date, ==, "2026-11-30");
  }
  g_clear_pointer (&week, g_ptr_array_unref);
  {
    GDate tuesday = pl_test_date ("2026-12-01");

    week = pl_overview_due_this_week (f->store, &tuesday);
    g_assert_cmpuint (week->len, ==, 2);
    g_assert_cmpstr (((PlOverviewItem *) week->pdata[0])->title, ==,
                     "Pre-placement planner completed");
    g_assert_cmpint (((PlOverviewItem *) week->pdata[0])->placement_id, ==, soon);
    g_assert_cmpstr (((PlOverviewItem *) week->pdata[1])->title, ==, "Placement confirmed");
    g_assert_cmpint (((PlOverviewItem *) week->pdata[1])->placement_id, ==, later);
    g_assert_cmpstr (((PlOverviewItem *) week->pdata[1])->date, ==, "2026-12-07");
  }

  coming = pl_overview_coming_placements (f->store, &today, 30);
  g_assert_cmpuint (coming->len, ==, 1);
  g_assert_cmpint (((PlOverviewItem *) coming->pdata[0])->placement_id, ==, later);
  g_assert_cmpstr (((PlOverviewItem *) coming->pdata[0])->subtitle, ==,
                   "Digital · 2 days from 14 December 2026");

  requests = pl_overview_requests_without_dates (f->store);
  g_assert_cmpuint (requests->len, ==, 2);
  g_assert_cmpint (((PlOverviewItem *) requests->pdata[0])->placement_id, ==, windowed);
  g_assert_cmpstr (((PlOverviewItem *) requests->pdata[0])->subtitle, ==,
                   "Digital · between 1 February 2027 and 26 March 2027");
  g_assert_cmpint (((PlOverviewItem *) requests->pdata[1])->placement_id, ==, bare);

  /* Employers: a follow-up due and unanswered; one answered by a later
   * contact; one not due yet; one due but not to be contacted yet. */
  {
    struct { gint64 employer; const char *on; const char *follow_up; } contacts[] = {
      { f->host, "2026-10-01", "2026-11-01" },
      { f->other, "2026-10-01", "2026-11-01" },
      { f->other, "2026-11-05", NULL },
      { add_employer (f, "Late Follow-up Ltd", f->digital), "2026-11-01", "2026-12-01" },
      { add_employer (f, "Quiet Period plc", f->digital), "2026-10-01", "2026-11-15" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (contacts); i++)
      {
        g_autoptr(PlRecord) contact = pl_record_new (PL_TYPE_CONTACT);

        pl_record_set_int (contact, "employer_id", contacts[i].employer);
        pl_record_set_string (contact, "contact_date", contacts[i].on);
        pl_record_set_string (contact, "channel", "call");
        pl_record_set_string (contact, "follow_up", contacts[i].follow_up);
        pl_test_insert (f->store, contact);
      }

    {
      g_autoptr(PlRecord) quiet = pl_store_find_by_name (f->store, PL_TYPE_EMPLOYER,
                                                         "Quiet Period plc", NULL);
      pl_record_set_string (quiet, "do_not_contact_before", "2027-01-01");
      g_assert_true (pl_store_update (f->store, quiet, NULL));
    }
  }
  employers = pl_overview_employers_needing_attention (f->store, &today);
  g_assert_cmpuint (employers->len, ==, 1);
  g_assert_cmpint (((PlOverviewItem *) employers->pdata[0])->employer_id, ==, f->host);
  g_assert_cmpint (((PlOverviewItem *) employers->pdata[0])->placement_id, ==, 0);
  g_assert_cmpstr (((PlOverviewItem *) employers->pdata[0])->subtitle, ==,
                   "Follow-up due on 1 November 2026 · last contact on 1 October 2026");
}


static GArray *
list_ids (GListModel *list)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlRecord) record = g_list_model_get_item (list, i);
      gint64 id = pl_record_get_id (record);

      g_array_append_val (ids, id);
    }
  return ids;
}

static void
assert_list (PlPlacementList *list,
             ...)
{
  g_autoptr(GArray) ids = list_ids (G_LIST_MODEL (list));
  gint64 id;
  guint n = 0;
  va_list args;

  va_start (args, list);
  while ((id = va_arg (args, gint64)) != 0)
    {
      g_assert_cmpuint (n, <, ids->len);
      g_assert_cmpint (g_array_index (ids, gint64, n), ==, id);
      n++;
    }
  va_end (args);
  g_assert_cmpuint (ids->len, ==, n);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

/* The Placements page's list: its order, each filter and the search, done
 * by the database. */
static void
test_placement_list (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PlPlacementList) list = pl_placement_list_new (f->store);
  g_autoptr(PlRecord) partner = pl_record_new (PL_TYPE_PARTNER);
  g_autoptr(PlRecord) bob = pl_record_new (PL_TYPE_STAFF);
  g_autoptr(GArray) years = NULL;
  PlPlacementFilter filter = { 0 };
  gint64 a, b, c, d;
  guint changes = 0;
  GDate today = pl_test_date ("2026-11-22");

  pl_record_set_string (partner, "name", "Hillside Training");
  pl_record_set_string (partner, "kind", "training_provider");
  pl_record_set_string (partner, "status", "active");
  pl_test_insert (f->store, partner);
  pl_record_set_int (bob, "partner_id", pl_record_get_id (partner));
  pl_record_set_string (bob, "name", "Bob Other");
  pl_record_set_int (bob, "teaching_days", 0);
  pl_test_insert (f->store, bob);

  a = new_request (f, "2026-09-01");
  update_placement (f, a, "employer_id", NULL, f->host);
  set_days (f, a, "2027-01-04", NULL);
  g_assert_true (pl_lifecycle_set_status (f->store, a, "proposed", NULL, &today, NULL));

  b = pl_placement_create_request (f->store, pl_record_get_id (bob), f->catering, &today, NULL);
  set_days (f, b, "2026-10-05", NULL);

  c = new_request (f, "2026-09-01");
  update_placement (f, c, "notes", "Needs a forklift induction first.", 0);
  update_placement (f, c, "window_start", "2025-10-01", 0);

  /* Without days first, then the latest first day first. */
  assert_list (list, c, a, b, (gint64) 0);
  g_assert_cmpuint (pl_placement_list_find (list, a), ==, 1);

  filter.status = "request";
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, c, b, (gint64) 0);

  filter = (PlPlacementFilter) { .sector_id = f->catering };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, b, (gint64) 0);

  filter = (PlPlacementFilter) { .employer_id = f->host };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, a, (gint64) 0);

  filter = (PlPlacementFilter) { .partner_id = pl_record_get_id (partner) };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, b, (gint64) 0);

  filter = (PlPlacementFilter) { .academic_year = 2026 };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, a, b, (gint64) 0);
  filter = (PlPlacementFilter) { .academic_year = 2025 };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, c, (gint64) 0);
  g_assert_cmpuint (pl_placement_list_find (list, a), ==, G_MAXUINT);

  /* Search: the placement's own text, its staff member's and employer's
   * names, each word a prefix, every word needed. */
  filter = (PlPlacementFilter) { .search = "FORKL" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, c, (gint64) 0);
  filter = (PlPlacementFilter) { .search = "bob" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, b, (gint64) 0);
  filter = (PlPlacementFilter) { .search = "byte wor" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, a, (gint64) 0);
  filter = (PlPlacementFilter) { .search = "byte bob" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, (gint64) 0);
  filter = (PlPlacementFilter) { .search = "ann byte" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, a, (gint64) 0);
  filter = (PlPlacementFilter) { .search = "\"quoted\" (odd) text*" };
  pl_placement_list_set_filter (list, &filter);
  assert_list (list, (gint64) 0);

  /* The list follows the store: a new request appears where it belongs,
   * in one change; a milestone ticked changes nothing. */
  filter = (PlPlacementFilter) { 0 };
  pl_placement_list_set_filter (list, &filter);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);
  d = new_request (f, "2026-11-22");
  assert_list (list, d, c, a, b, (gint64) 0);
  g_assert_cmpuint (changes, ==, 1);
  {
    g_autofree char *mid = milestone_field (f, a, "planner", "id");

    g_assert_true (pl_milestones_set_done (f->store, g_ascii_strtoll (mid, NULL, 10), &today,
                                           NULL));
    g_assert_cmpuint (changes, ==, 1);
  }

  years = pl_placement_list_years (f->store);
  g_assert_cmpuint (years->len, ==, 2);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2026);
}

/* Undoing edits from the toast puts the placement and its days back, but
 * not its status, which has its own undo. */
static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  gint64 id = new_request (f, "2026-09-01");
  g_autoptr(PlRecord) before = NULL;
  g_autoptr(PlRecord) after = NULL;
  g_auto(GStrv) days_before = NULL;
  g_auto(GStrv) days_after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  GDate today = pl_test_date ("2026-11-22");

  update_placement (f, id, "employer_id", NULL, f->host);
  update_placement (f, id, "notes", "First thoughts.", 0);
  set_days (f, id, "2027-02-01", NULL);
  before = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  days_before = pl_store_get_days (f->store, id);

  update_placement (f, id, "notes", "Second thoughts.", 0);
  update_placement (f, id, "aims", NULL, PL_AIM_IAG);
  set_days (f, id, "2027-03-01", "2027-03-02", NULL);
  g_assert_true (pl_lifecycle_set_status (f->store, id, "proposed", NULL, &today, &error));
  g_assert_no_error (error);

  g_assert_true (pl_placement_restore (f->store, before, (const char * const *) days_before,
                                       &error));
  g_assert_no_error (error);

  after = pl_store_get (f->store, PL_TYPE_PLACEMENT, id, NULL);
  days_after = pl_store_get_days (f->store, id);
  g_assert_cmpstr (pl_record_get_string (after, "notes"), ==, "First thoughts.");
  g_assert_cmpint (pl_record_get_int (after, "aims"), ==, 0);
  g_assert_cmpstr (pl_record_get_string (after, "status"), ==, "proposed");
  g_assert_cmpuint (g_strv_length (days_after), ==, 1);
  g_assert_cmpstr (days_after[0], ==, "2027-02-01");
  /* The milestones moved back with the days. */
  due = milestone_field (f, id, "confirmation", "due");
  g_assert_cmpstr (due, ==, "2027-01-25");
}

/* placements-cli, run as scripts run it, on the day the dates below
 * assume. */
static const char * const cli_today[] = { "PLACEMENTS_TODAY=2026-11-22", NULL };

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  gint64 id = new_request (f, "2026-09-01");
  g_autofree char *arg_id = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  g_assert_nonnull (g_getenv ("PLACEMENTS_CLI"));
  set_days (f, id, "2027-01-04", NULL);

  {
    g_auto(PlTestRun) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("placements-cli: placement %s cannot become "
                                                 "proposed:\nChoose an employer.\n", arg_id);

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", arg_id, "proposed", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, expected);
    g_assert_cmpstr (run.out, ==, "");
  }

  update_placement (f, id, "employer_id", NULL, f->host);
  {
    g_auto(PlTestRun) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("Placement %s: request → proposed\n", arg_id);

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", arg_id, "proposed", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, expected);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", arg_id, "cancelled", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_suffix (run.err, "\nGive a reason for cancelling.\n"));
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", arg_id, "finished", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", "x12", "proposed", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "set-status", "9999", "proposed", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.err, ==, "placements-cli: There is no Placement number 9999.\n");
  }

  /* The store saw the CLI's change: one event more, status proposed. */
  {
    g_autofree char *status = pl_test_placement_status (f->store, id);
    g_assert_cmpstr (status, ==, "proposed");
  }

  /* milestones --overdue --json on 2026-11-22: first contact (12 October)
   * and agreement (9 November) of the placement starting 4 January. */
  {
    g_auto(PlTestRun) run = { 0 };
    static const char * const kinds[] = { "first_contact", "agreement" };
    static const char * const dues[] = { "2026-10-12", "2026-11-09" };

    pl_test_run_cli_env (&run, f->path, cli_today, "milestones", "--overdue", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 1);
    /* Proposing ticked first contact: only the agreement is overdue. */
    {
      JsonObject *m = json_array_get_object_element (array, 0);

      g_assert_cmpint (json_object_get_int_member (m, "placement"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (m, "kind"), ==, kinds[1]);
      g_assert_cmpstr (json_object_get_string_member (m, "label"), ==,
                       "Agreement with the employer");
      g_assert_cmpstr (json_object_get_string_member (m, "due"), ==, dues[1]);
      g_assert_true (json_object_get_null_member (m, "done"));
      g_assert_true (json_object_get_boolean_member (m, "overdue"));
    }
  }

  /* All milestones, on an earlier day: none overdue, the done one shows
   * its date. */
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "milestones", "--today", "2026-10-01",
                         "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    array = json_node_get_array (json_parser_get_root (parser));
    g_assert_cmpuint (json_array_get_length (array), ==, 8);
    for (guint i = 0; i < 8; i++)
      g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, i),
                                                      "overdue"));
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                    "done"), ==, "2026-11-22");
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "milestones", "--today", "2026-13-01", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli_env (&run, f->path, cli_today, "milestones", "--overdue", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "2026-11-09  overdue"));
    g_assert_nonnull (strstr (run.out, "Agreement with the employer"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/lifecycle/walk", test_walk);
  ADD ("/lifecycle/cancel-and-reopen", test_cancel_and_reopen);
  ADD ("/lifecycle/step-back", test_step_back);
  ADD ("/lifecycle/undo", test_undo);
  ADD ("/lifecycle/bad-status", test_bad_status);
  ADD ("/milestones/working-days", test_milestone_dates);
  ADD ("/milestones/move-with-days", test_milestones_move);
  ADD ("/overview/lists", test_overview);
  ADD ("/placements/list", test_placement_list);
  ADD ("/placements/restore", test_restore);
  ADD ("/cli/set-status-and-milestones", test_cli);
#undef ADD

  return g_test_run ();
}
