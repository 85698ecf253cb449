/* test-reminders.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "pl-date.h"
#include "pl-lifecycle.h"
#include "pl-reminders.h"
#include "pl-store-appetite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

static GPtrArray *
reminders_on (PlStore    *store,
              const char *today)
{
  g_autoptr(GError) error = NULL;
  GDate day = pl_test_date (today);
  GPtrArray *list = pl_reminders_for_day (store, &day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* How many times the list holds the thing @id of @kind. */
static guint
count (GPtrArray      *list,
       PlReminderKind  kind,
       gint64          id)
{
  guint n = 0;

  for (guint i = 0; i < list->len; i++)
    {
      PlReminder *item = g_ptr_array_index (list, i);

      if (item->kind == kind && item->id == id)
        n++;
    }

  return n;
}

static PlReminder *
find (GPtrArray      *list,
      PlReminderKind  kind,
      gint64          id)
{
  for (guint i = 0; i < list->len; i++)
    {
      PlReminder *item = g_ptr_array_index (list, i);

      if (item->kind == kind && item->id == id)
        return item;
    }

  return NULL;
}

static gint64
milestone_id (PlStore    *store,
              gint64      placement,
              const char *kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM milestone WHERE placement_id = ?1"
                                          " AND kind = '%s'", kind);

  return pl_test_query_int (store, sql, placement);
}

/* Gives @placement @days and the milestones they bring. */
static gint64
with_milestones (PlStore            *store,
                 gint64              placement,
                 const char * const *days)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_placement_set_days (store, placement, days, &error));
  g_assert_no_error (error);
  return placement;
}

static void
set_not_before (PlStore    *store,
                gint64      employer,
                const char *date)
{
  pl_test_exec (store, "UPDATE employer SET do_not_contact_before = ?2 WHERE id = ?1",
                employer, date);
}

static gint64
add_document (PlStore    *store,
              gint64      employer_id,
              const char *kind,
              const char *expires)
{
  g_autoptr(PlRecord) document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);

  g_object_set (document, "employer-id", employer_id, "kind", kind, NULL);
  pl_record_set_string (document, "expires_on", expires);
  return pl_test_insert (store, document);
}

/* Milestones not done whose day has come, of placements still going ahead:
 * today's as due, earlier ones as overdue, none of the cancelled ones. */
static void
test_milestones (PlTestDb      *db,
                 gconstpointer  data)
{
  static const char * const days[] = { "2027-02-15", NULL };
  g_autoptr(GPtrArray) list = NULL;
  gint64 partner = pl_test_partner (db->store, "Humber Estuary College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira Okafor");
  gint64 host = pl_test_employer (db->store, "Keel and Anchor Hotel", "host");
  gint64 going = with_milestones (db->store, pl_test_placement (db->store, staff, host,
                                                                 "proposed", NULL), days);
  gint64 cancelled = with_milestones (db->store, pl_test_placement (db->store, staff, host,
                                                                     "cancelled", NULL), days);
  gint64 overdue = milestone_id (db->store, going, "planner");
  gint64 today = milestone_id (db->store, going, "induction");
  gint64 done = milestone_id (db->store, going, "agreement");
  gint64 future = milestone_id (db->store, going, "confirmation");
  gint64 dropped = milestone_id (db->store, cancelled, "planner");

  pl_test_exec (db->store, "UPDATE milestone SET due = ?2 WHERE id = ?1", overdue, "2026-11-02");
  pl_test_exec (db->store, "UPDATE milestone SET due = ?2 WHERE id = ?1", today, "2026-11-22");
  pl_test_exec (db->store, "UPDATE milestone SET due = ?2, done = ?2 WHERE id = ?1", done,
                "2026-11-10");
  /* Only the milestones set here are due: the rest lie ahead. */
  pl_test_exec (db->store, "UPDATE milestone SET due = ?2 WHERE placement_id = ?1"
                " AND kind IN ('first_contact', 'reflection', 'cascade', 'observation')", going,
                "2027-03-01");
  pl_test_exec (db->store, "UPDATE milestone SET due = ?2 WHERE id = ?1", future, "2026-11-23");
  pl_test_exec (db->store, "UPDATE milestone SET due = ?2 WHERE id = ?1", dropped, "2026-11-02");

  list = reminders_on (db->store, "2026-11-22");

  g_assert_cmpuint (count (list, PL_REMINDER_MILESTONE, overdue), ==, 1);
  g_assert_true (find (list, PL_REMINDER_MILESTONE, overdue)->overdue);
  g_assert_cmpint (find (list, PL_REMINDER_MILESTONE, overdue)->placement_id, ==, going);
  g_assert_cmpint (find (list, PL_REMINDER_MILESTONE, overdue)->employer_id, ==, host);
  g_assert_cmpstr (find (list, PL_REMINDER_MILESTONE, overdue)->date, ==, "2026-11-02");
  g_assert_cmpuint (count (list, PL_REMINDER_MILESTONE, today), ==, 1);
  g_assert_false (find (list, PL_REMINDER_MILESTONE, today)->overdue);
  g_assert_cmpuint (count (list, PL_REMINDER_MILESTONE, done), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_MILESTONE, future), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_MILESTONE, dropped), ==, 0);
  g_assert_cmpuint (list->len, ==, 2);

  /* In date order, the oldest first. */
  g_assert_cmpint (((PlReminder *) g_ptr_array_index (list, 0))->id, ==, overdue);
}

/* An employer's last contact sets the follow-up; an earlier one's is
 * settled, and an employer asking not to be contacted yet is spared. */
static void
test_follow_ups (PlTestDb      *db,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) day_before = NULL;
  gint64 late = pl_test_employer (db->store, "Quayside Kitchen", "contacted");
  gint64 today = pl_test_employer (db->store, "Dockside Diner", "contacted");
  gint64 answered = pl_test_employer (db->store, "Harbour Hotel", "contacted");
  gint64 spared = pl_test_employer (db->store, "Humber Freight", "warm");
  gint64 first, last, due_today, settled, not_yet;

  first = pl_test_contact (db->store, late, 0, "2026-10-01", "Asked for dates", "2026-10-15");
  last = pl_test_contact (db->store, late, 0, "2026-11-01", "Chased", "2026-11-20");
  due_today = pl_test_contact (db->store, today, 0, "2026-11-10", "Call on Sunday", "2026-11-22");
  settled = pl_test_contact (db->store, answered, 0, "2026-11-01", "Asked", "2026-11-20");
  pl_test_contact (db->store, answered, 0, "2026-11-21", "Dates agreed", NULL);
  not_yet = pl_test_contact (db->store, spared, 0, "2026-10-01", "Busy season", "2026-11-01");
  set_not_before (db->store, spared, "2026-12-01");

  list = reminders_on (db->store, "2026-11-22");
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, last), ==, 1);
  g_assert_true (find (list, PL_REMINDER_FOLLOW_UP, last)->overdue);
  g_assert_cmpint (find (list, PL_REMINDER_FOLLOW_UP, last)->employer_id, ==, late);
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, first), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, due_today), ==, 1);
  g_assert_false (find (list, PL_REMINDER_FOLLOW_UP, due_today)->overdue);
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, settled), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, not_yet), ==, 0);
  g_assert_cmpuint (list->len, ==, 2);

  /* A follow-up is not due before its day. */
  day_before = reminders_on (db->store, "2026-11-21");
  g_assert_cmpuint (count (day_before, PL_REMINDER_FOLLOW_UP, due_today), ==, 0);
  g_assert_cmpuint (count (day_before, PL_REMINDER_FOLLOW_UP, last), ==, 1);
}

/* The documents that run out within 30 days and that no renewal outlasts. */
static void
test_documents (PlTestDb      *db,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  gint64 host = pl_test_employer (db->store, "Keel and Anchor Hotel", "host");
  gint64 renewed = pl_test_employer (db->store, "The Saltmarsh Table", "host");
  gint64 soon = add_document (db->store, host, "insurance", "2026-12-10");
  gint64 last_day = add_document (db->store, host, "health_safety_policy", "2026-12-22");
  gint64 later = add_document (db->store, host, "risk_assessment", "2026-12-23");
  gint64 expired = add_document (db->store, host, "agreement", "2026-11-21");
  gint64 old = add_document (db->store, renewed, "insurance", "2026-12-01");

  add_document (db->store, renewed, "insurance", "2027-12-01");

  list = reminders_on (db->store, "2026-11-22");
  g_assert_cmpuint (count (list, PL_REMINDER_DOCUMENT, soon), ==, 1);
  g_assert_cmpstr (find (list, PL_REMINDER_DOCUMENT, soon)->subject, ==, "Insurance certificate");
  g_assert_cmpuint (count (list, PL_REMINDER_DOCUMENT, last_day), ==, 1);
  g_assert_cmpuint (count (list, PL_REMINDER_DOCUMENT, later), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_DOCUMENT, expired), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_DOCUMENT, old), ==, 0);
  g_assert_cmpuint (list->len, ==, 2);
}

/* An employer whose "do not contact before" date has come is listed until
 * someone contacts it; one with a follow-up due as well is listed once. */
static void
test_contactable (PlTestDb      *db,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) before = NULL;
  gint64 free_now = pl_test_employer (db->store, "Humber Freight", "warm");
  gint64 called = pl_test_employer (db->store, "Wolds Precision Engineering", "warm");
  gint64 both = pl_test_employer (db->store, "Pixelwharf Software", "host");
  gint64 waiting = pl_test_employer (db->store, "Velvet Room Salon", "warm");
  gint64 follow_up;

  set_not_before (db->store, free_now, "2026-11-15");
  set_not_before (db->store, called, "2026-11-15");
  pl_test_contact (db->store, called, 0, "2026-11-18", "Back in touch", NULL);
  set_not_before (db->store, both, "2026-11-20");
  follow_up = pl_test_contact (db->store, both, 0, "2026-10-01", "After the launch",
                               "2026-11-21");
  set_not_before (db->store, waiting, "2026-11-23");

  list = reminders_on (db->store, "2026-11-22");
  g_assert_cmpuint (count (list, PL_REMINDER_CONTACTABLE, free_now), ==, 1);
  g_assert_cmpstr (find (list, PL_REMINDER_CONTACTABLE, free_now)->date, ==, "2026-11-15");
  g_assert_cmpuint (count (list, PL_REMINDER_CONTACTABLE, called), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_CONTACTABLE, both), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_FOLLOW_UP, follow_up), ==, 1);
  g_assert_cmpuint (count (list, PL_REMINDER_CONTACTABLE, waiting), ==, 0);
  g_assert_cmpuint (list->len, ==, 2);

  /* Before its date the employer is not to be contacted: not listed. */
  before = reminders_on (db->store, "2026-11-14");
  g_assert_cmpuint (count (before, PL_REMINDER_CONTACTABLE, free_now), ==, 0);
  g_assert_cmpuint (count (before, PL_REMINDER_FOLLOW_UP, follow_up), ==, 0);
}

/* "Not this year": asked again a term after the answer, about the next
 * year, unless someone has been in touch since or a later year is known. */
static void
set_appetite (PlStore    *store,
              gint64      employer,
              int         year,
              PlAppetite  state,
              const char *answered_on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_set_appetite (store, employer, year, state,
                                        state == PL_APPETITE_NOT_THIS_YEAR ? "refurbishment" : NULL,
                                        &error));
  g_assert_no_error (error);
  pl_test_exec (store, "UPDATE employer_appetite SET updated_at = ?2 WHERE employer_id = ?1",
                employer, answered_on);
}

static void
test_ask_again (PlTestDb      *db,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) early = NULL;
  gint64 asked = pl_test_employer (db->store, "Keel and Anchor Hotel", "host");
  gint64 recent = pl_test_employer (db->store, "Cliffside Spa Hotel", "warm");
  gint64 called = pl_test_employer (db->store, "Saltmarsh Table", "warm");
  gint64 later = pl_test_employer (db->store, "Copper Pot", "warm");
  gint64 keen = pl_test_employer (db->store, "Byte Works", "warm");

  set_appetite (db->store, asked, 2026, PL_APPETITE_NOT_THIS_YEAR, "2026-07-01T10:00:00Z");
  set_appetite (db->store, recent, 2026, PL_APPETITE_NOT_THIS_YEAR, "2026-10-01T10:00:00Z");
  set_appetite (db->store, called, 2026, PL_APPETITE_NOT_THIS_YEAR, "2026-07-01T10:00:00Z");
  pl_test_contact (db->store, called, 0, "2026-09-10", "Asked about next year", NULL);
  set_appetite (db->store, later, 2026, PL_APPETITE_NOT_THIS_YEAR, "2026-07-01T10:00:00Z");
  set_appetite (db->store, later, 2027, PL_APPETITE_LOOKING, "2026-08-01T10:00:00Z");
  set_appetite (db->store, keen, 2026, PL_APPETITE_LOOKING, "2026-01-01T10:00:00Z");

  list = reminders_on (db->store, "2026-11-22");
  g_assert_cmpuint (count (list, PL_REMINDER_ASK_AGAIN, asked), ==, 1);
  g_assert_cmpstr (find (list, PL_REMINDER_ASK_AGAIN, asked)->date, ==, "2026-10-21");
  g_assert_cmpstr (find (list, PL_REMINDER_ASK_AGAIN, asked)->subject, ==, "2027/28");
  g_assert_true (find (list, PL_REMINDER_ASK_AGAIN, asked)->overdue);
  g_assert_cmpuint (count (list, PL_REMINDER_ASK_AGAIN, recent), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_ASK_AGAIN, called), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_ASK_AGAIN, later), ==, 0);
  g_assert_cmpuint (count (list, PL_REMINDER_ASK_AGAIN, keen), ==, 0);

  /* A day before the term has passed, not yet. */
  early = reminders_on (db->store, "2026-10-20");
  g_assert_cmpuint (count (early, PL_REMINDER_ASK_AGAIN, asked), ==, 0);
}

/* On the sample, each thing once, and the overdue cascades among them. */
static void
test_sample_once (PlTestDb      *db,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint cascades = 0;

  pl_test_load_sample (db->store);
  list = reminders_on (db->store, g_getenv ("PLACEMENTS_TODAY"));

  for (guint i = 0; i < list->len; i++)
    {
      PlReminder *item = g_ptr_array_index (list, i);
      char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, item->kind, item->id);

      g_assert_true (g_hash_table_add (seen, key));
      if (item->kind == PL_REMINDER_MILESTONE && item->overdue &&
          g_str_equal (item->subject, "Learning cascaded to colleagues"))
        cascades++;
    }

  /* The sample's two placements not yet cascaded. */
  g_assert_cmpuint (cascades, ==, 2);
}

/* The start-up notification reads a digest rather than every reminder: it
 * must tell the same numbers and the same first lines as the whole list. */
static void
test_digest (PlTestDb      *db,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PlReminderDigest) digest = NULL;
  g_autoptr(PlReminderDigest) none = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *whole = NULL;
  g_autofree char *digested = NULL;
  GDate today = pl_test_date (g_getenv ("PLACEMENTS_TODAY"));
  GDate long_ago = pl_test_date ("2000-01-03");
  guint overdue = 0;

  pl_test_load_sample (db->store);
  list = reminders_on (db->store, g_getenv ("PLACEMENTS_TODAY"));
  digest = pl_reminders_digest_for_day (db->store, &today, 3, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < list->len; i++)
    if (((PlReminder *) g_ptr_array_index (list, i))->overdue)
      overdue++;

  /* The sample has more than the digest keeps, some of them overdue. */
  g_assert_cmpuint (list->len, >, 3);
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (digest->n_reminders, ==, list->len);
  g_assert_cmpuint (digest->n_overdue, ==, overdue);
  g_assert_cmpuint (digest->first->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      PlReminder *a = g_ptr_array_index (list, i);
      PlReminder *b = g_ptr_array_index (digest->first, i);

      g_assert_cmpint (a->kind, ==, b->kind);
      g_assert_cmpint (a->id, ==, b->id);
    }

  whole = pl_reminders_summarise (list, &today, 2);
  digested = pl_reminder_digest_summarise (digest, &today, 2);
  g_assert_cmpstr (digested, ==, whole);

  /* Before anything was due there is nothing to tell. */
  none = pl_reminders_digest_for_day (db->store, &long_ago, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->n_reminders, ==, 0);
  g_assert_cmpuint (none->first->len, ==, 0);
}

static void
test_describe (void)
{
  PlReminder milestone = { PL_REMINDER_MILESTONE, 1, 2, 3, (char *) "2026-11-02", TRUE,
                           (char *) "Learning cascaded to colleagues", (char *) "Amira Okafor",
                           (char *) "Keel and Anchor Hotel" };
  PlReminder document = { PL_REMINDER_DOCUMENT, 4, 0, 3, (char *) "2026-12-10", FALSE,
                          (char *) "Insurance certificate", NULL,
                          (char *) "Keel and Anchor Hotel" };
  GDate today = pl_test_date ("2026-11-22");
  g_autofree char *a = pl_reminder_describe (&milestone, &today);
  g_autofree char *b = pl_reminder_describe (&document, &today);
  g_autoptr(GPtrArray) both = g_ptr_array_new ();
  g_autofree char *summary = NULL;

  g_assert_cmpstr (a, ==, "Learning cascaded to colleagues for Amira Okafor at Keel and "
                          "Anchor Hotel: overdue since 2 November 2026");
  g_assert_cmpstr (b, ==, "Insurance certificate of Keel and Anchor Hotel expires on "
                          "10 December 2026");

  g_ptr_array_add (both, &milestone);
  g_ptr_array_add (both, &document);
  summary = pl_reminders_summarise (both, &today, 1);
  g_assert_cmpstr (summary, ==, "Learning cascaded to colleagues for Amira Okafor at Keel and "
                                "Anchor Hotel: overdue since 2 November 2026\nand 1 more");
}

/* `reminders --json` gives scripts the same list, keyed as documented. */
static void
test_cli_json (PlTestDb      *db,
               gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gint64 host = pl_test_employer (db->store, "Keel and Anchor Hotel", "host");
  gint64 contact = pl_test_contact (db->store, host, 0, "2026-11-01", "Asked", "2026-11-20");
  gint64 document = add_document (db->store, host, "insurance", "2026-12-10");
  JsonArray *array;
  JsonObject *first, *second;

  pl_test_run_cli (&run, db->path, "reminders", "--today", "2026-11-22", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);

  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  first = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "follow_up");
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, contact);
  g_assert_cmpint (json_object_get_int_member (first, "employer_id"), ==, host);
  g_assert_cmpstr (json_object_get_string_member (first, "employer"), ==,
                   "Keel and Anchor Hotel");
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2026-11-20");
  g_assert_true (json_object_get_boolean_member (first, "overdue"));
  g_assert_true (json_object_get_null_member (first, "placement"));
  second = json_array_get_object_element (array, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "kind"), ==, "document");
  g_assert_cmpint (json_object_get_int_member (second, "id"), ==, document);
  g_assert_false (json_object_get_boolean_member (second, "overdue"));

  /* A bad date is a usage error that says which. */
  pl_test_run_cli (&bad, db->path, "reminders", "--today", "2026-13-01", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "“2026-13-01” is not a date"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlTestDb, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)

  ADD ("/reminders/milestones", test_milestones);
  ADD ("/reminders/follow-ups", test_follow_ups);
  ADD ("/reminders/documents", test_documents);
  ADD ("/reminders/contactable", test_contactable);
  ADD ("/reminders/ask-again", test_ask_again);
  ADD ("/reminders/sample-once", test_sample_once);
  ADD ("/reminders/digest", test_digest);
  g_test_add_func ("/reminders/describe", test_describe);
  ADD ("/reminders/cli-json", test_cli_json);

  return g_test_run ();
}
