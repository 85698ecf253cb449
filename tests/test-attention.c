/* test-attention.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-attention-private.h"
#include "pl-date.h"
#include "pl-test-data.h"

static PlAttentionReasons
reasons_of (GPtrArray *list,
            gint64     employer_id)
{
  PlAttention *item = pl_attention_find (list, employer_id);

  return item != NULL ? item->reasons : 0;
}

static GPtrArray *
attention_on (PlStore    *store,
              const char *today,
              guint       months)
{
  g_autoptr(GError) error = NULL;
  GDate day = pl_test_date (today);
  GPtrArray *list = pl_attention_employers (store, &day, months, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* A follow-up is due once its date has come, and only while no contact has
 * been made after the one that set it. */
static void
test_follow_up (PlTestDb      *db,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  gint64 due = pl_test_employer (db->store, "Quayside Kitchen", "contacted");
  gint64 answered = pl_test_employer (db->store, "Harbour Hotel", "contacted");
  gint64 later = pl_test_employer (db->store, "Anchor Bakery", "contacted");
  gint64 today = pl_test_employer (db->store, "Dockside Diner", "contacted");

  pl_test_contact (db->store, due, 0, "2026-11-01", "Asked for dates", "2026-11-20");
  pl_test_contact (db->store, answered, 0, "2026-11-01", "Asked for dates", "2026-11-20");
  pl_test_contact (db->store, answered, 0, "2026-11-21", "Dates agreed", NULL);
  pl_test_contact (db->store, later, 0, "2026-11-10", "Call back in December", "2026-12-01");
  pl_test_contact (db->store, today, 0, "2026-11-10", "Call back on Sunday", "2026-11-22");

  list = attention_on (db->store, "2026-11-22", 6);

  g_assert_cmpint (reasons_of (list, due), ==, PL_ATTENTION_FOLLOW_UP_DUE);
  g_assert_cmpstr (pl_attention_find (list, due)->follow_up, ==, "2026-11-20");
  g_assert_cmpstr (pl_attention_find (list, due)->last_contact, ==, "2026-11-01");
  g_assert_cmpint (reasons_of (list, answered), ==, 0);
  g_assert_cmpint (reasons_of (list, later), ==, 0);
  g_assert_cmpint (reasons_of (list, today), ==, PL_ATTENTION_FOLLOW_UP_DUE);

  /* The list is in name order, for the Overview and the command line. */
  g_assert_cmpint (list->len, ==, 2);
  g_assert_cmpint (((PlAttention *) g_ptr_array_index (list, 0))->employer_id, ==, today);
  g_assert_cmpint (((PlAttention *) g_ptr_array_index (list, 1))->employer_id, ==, due);
}

/* Months without contact count from the last contact, or from the day the
 * employer was recorded when nobody has contacted it yet. */
static void
test_not_contacted (PlTestDb      *db,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) six = NULL;
  g_autoptr(GPtrArray) twelve = NULL;
  gint64 quiet = pl_test_employer (db->store, "Quiet Cafe", "contacted");
  gint64 recent = pl_test_employer (db->store, "Recent Restaurant", "contacted");
  gint64 lapsed = pl_test_employer (db->store, "Closed Canteen", "lapsed");
  gint64 never_old = pl_test_employer (db->store, "Forgotten Farm Shop", "prospect");
  gint64 never_new = pl_test_employer (db->store, "New Noodle Bar", "prospect");

  pl_test_contact (db->store, quiet, 0, "2026-03-01", "Not this year", NULL);
  pl_test_contact (db->store, recent, 0, "2026-10-01", "Interested", NULL);
  pl_test_contact (db->store, lapsed, 0, "2025-01-01", "Closing down", NULL);
  pl_test_exec (db->store, "UPDATE employer SET created_at = ?2 WHERE id = ?1",
                never_old, "2026-01-15T09:00:00Z");
  pl_test_exec (db->store, "UPDATE employer SET created_at = ?2 WHERE id = ?1",
                never_new, "2026-11-01T09:00:00Z");

  six = attention_on (db->store, "2026-11-22", 6);
  g_assert_cmpint (reasons_of (six, quiet), ==, PL_ATTENTION_NOT_CONTACTED);
  g_assert_cmpstr (pl_attention_find (six, quiet)->last_contact, ==, "2026-03-01");
  g_assert_cmpint (reasons_of (six, recent), ==, 0);
  g_assert_cmpint (reasons_of (six, lapsed), ==, 0);
  g_assert_cmpint (reasons_of (six, never_old), ==, PL_ATTENTION_NOT_CONTACTED);
  g_assert_null (pl_attention_find (six, never_old)->last_contact);
  g_assert_cmpint (reasons_of (six, never_new), ==, 0);

  /* A longer setting lists fewer employers. */
  twelve = attention_on (db->store, "2026-11-22", 12);
  g_assert_cmpint (reasons_of (twelve, quiet), ==, 0);
  g_assert_cmpint (reasons_of (twelve, never_old), ==, 0);
}

/* Warm employers and hosts should host someone every academic year (from 1
 * September); a placement being arranged, without days yet, counts. */
static void
test_no_placement (PlTestDb      *db,
                   gconstpointer  data)
{
  static const char * const this_year[] = { "2026-10-05", "2026-10-06", NULL };
  static const char * const last_year[] = { "2026-06-01", NULL };
  g_autoptr(GPtrArray) list = NULL;
  gint64 partner = pl_test_partner (db->store, "Humber Estuary College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira Okafor");
  gint64 warm = pl_test_employer (db->store, "Warm Welcome Hotel", "warm");
  gint64 hosted = pl_test_employer (db->store, "Hosting House", "host");
  gint64 old_host = pl_test_employer (db->store, "Last Year Lodge", "host");
  gint64 arranging = pl_test_employer (db->store, "Arranging Arms", "host");
  gint64 cancelled = pl_test_employer (db->store, "Cancelled Carvery", "host");
  gint64 prospect = pl_test_employer (db->store, "Prospect Pub", "prospect");

  for (gint64 id = warm; id <= prospect; id++)
    pl_test_contact (db->store, id, staff, "2026-11-01", "Kept in touch", NULL);

  pl_test_placement (db->store, staff, hosted, "completed", this_year);
  pl_test_placement (db->store, staff, old_host, "evaluated", last_year);
  pl_test_placement (db->store, staff, arranging, "proposed", NULL);
  pl_test_placement (db->store, staff, cancelled, "cancelled", this_year);

  list = attention_on (db->store, "2026-11-22", 6);
  g_assert_cmpint (reasons_of (list, warm), ==, PL_ATTENTION_NO_PLACEMENT);
  g_assert_cmpint (reasons_of (list, hosted), ==, 0);
  g_assert_cmpint (reasons_of (list, old_host), ==, PL_ATTENTION_NO_PLACEMENT);
  g_assert_cmpint (reasons_of (list, arranging), ==, 0);
  g_assert_cmpint (reasons_of (list, cancelled), ==, PL_ATTENTION_NO_PLACEMENT);
  g_assert_cmpint (reasons_of (list, prospect), ==, 0);

  /* In August the June placement is still this academic year's. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = attention_on (db->store, "2026-08-20", 6);
  g_assert_cmpint (reasons_of (list, old_host), ==, 0);
}

/* An employer that asked not to be contacted before a date is left alone
 * until then, whatever else is due. */
static void
test_do_not_contact (PlTestDb      *db,
                     gconstpointer  data)
{
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 employer = pl_test_employer (db->store, "Humber Freight", "warm");

  pl_test_contact (db->store, employer, 0, "2026-01-10", "Busy until spring", "2026-02-01");
  record = pl_store_get (db->store, PL_TYPE_EMPLOYER, employer, &error);
  g_assert_no_error (error);
  pl_record_set_string (record, "do_not_contact_before", "2027-01-03");
  g_assert_true (pl_store_update (db->store, record, &error));
  g_assert_no_error (error);

  before = attention_on (db->store, "2026-11-22", 6);
  g_assert_null (pl_attention_find (before, employer));

  after = attention_on (db->store, "2027-01-03", 6);
  g_assert_cmpint (reasons_of (after, employer), ==,
                   PL_ATTENTION_FOLLOW_UP_DUE | PL_ATTENTION_NOT_CONTACTED |
                   PL_ATTENTION_NO_PLACEMENT);
}

static void
test_describe (PlTestDb      *db,
               gconstpointer  data)
{
  PlAttention all = {
    1, PL_ATTENTION_FOLLOW_UP_DUE | PL_ATTENTION_NOT_CONTACTED | PL_ATTENTION_NO_PLACEMENT,
    (char *) "2026-03-01", (char *) "2026-03-15"
  };
  PlAttention never = { 2, PL_ATTENTION_NOT_CONTACTED, NULL, NULL };
  PlAttention today_due = { 3, PL_ATTENTION_FOLLOW_UP_DUE, (char *) "2026-11-01",
                            (char *) "2026-11-22" };
  GDate today = pl_test_date ("2026-11-22");
  g_autofree char *a = pl_attention_describe (&all, &today);
  g_autofree char *b = pl_attention_describe (&never, &today);
  g_autofree char *c = pl_attention_describe (&today_due, &today);

  g_assert_cmpstr (a, ==,
                   "Follow-up due since 15 March 2026.\n"
                   "Not contacted since 1 March 2026.\n"
                   "No placement this academic year.");
  g_assert_cmpstr (b, ==, "Never contacted.");
  g_assert_cmpstr (c, ==, "Follow-up due today.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlTestDb, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)

  ADD ("/attention/follow-up", test_follow_up);
  ADD ("/attention/not-contacted", test_not_contacted);
  ADD ("/attention/no-placement", test_no_placement);
  ADD ("/attention/do-not-contact", test_do_not_contact);
  ADD ("/attention/describe", test_describe);

  return g_test_run ();
}
