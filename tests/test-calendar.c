/* test-calendar.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-agenda.h"
#include "pl-calendar.h"
#include "pl-date.h"
#include "pl-ics.h"
#include "pl-test-sqlite.h"
#include "pl-test-data.h"

/* Which periods apply to whom, named terms of academic years, and the
 * windows of placements given as terms. A small network of its own: two
 * colleges (Alder with terms, Birch without), one member of staff at each,
 * two employers. */

typedef struct
{
  char    *dir;
  PlStore *store;
} Fixture;

static const char network[] =
  "INSERT INTO partner (id, name) VALUES (1, 'Alder College'), (2, 'Birch College');"
  "INSERT INTO staff (id, partner_id, name) VALUES (1, 1, 'Ann Alder'), (2, 2, 'Bob Birch');"
  "INSERT INTO employer (id, name, sector_id) VALUES (1, 'Cedar Works', 1), (2, 'Damson Ltd', 1);"
  "INSERT INTO calendar_period (id, owner_kind, partner_id, employer_id, staff_id, kind, label,"
  "                             start_date, end_date, weekdays) VALUES"
  " (1, 'all', NULL, NULL, NULL, 'holiday', 'Christmas holiday 2026', '2026-12-19', '2027-01-03', 127),"
  " (2, 'partner', 1, NULL, NULL, 'term', 'Autumn term 2026', '2026-09-07', '2026-12-18', 127),"
  " (3, 'partner', 1, NULL, NULL, 'term', 'Spring term 2027', '2027-01-04', '2027-03-19', 127),"
  " (4, 'partner', 1, NULL, NULL, 'term', 'Summer term 2027', '2027-04-05', '2027-07-16', 127),"
  " (5, 'partner', 1, NULL, NULL, 'exam', 'Mocks', '2027-01-11', '2027-01-15', 127),"
  " (6, 'partner', 2, NULL, NULL, 'exam', 'Birch exams', '2027-01-18', '2027-01-22', 127),"
  " (7, 'employer', NULL, 1, NULL, 'blackout', 'Cedar stocktake', '2027-01-25', '2027-01-29', 127),"
  " (8, 'employer', NULL, 2, NULL, 'busy', 'Damson peak', '2027-02-01', '2027-02-26', 127),"
  " (9, 'staff', NULL, NULL, 1, 'unavailable', 'Ann on a course', '2027-02-08', '2027-02-09', 127),"
  " (10, 'staff', NULL, NULL, 2, 'unavailable', 'Bob away', '2027-02-08', '2027-02-09', 127),"
  /* Tuesdays and Thursdays only. */
  " (11, 'employer', NULL, 1, NULL, 'busy', 'Market days', '2027-03-01', '2027-03-31', 10),"
  /* A network-wide term calendar for partners without their own:
   * Lent term split at its division. */
  " (12, 'all', NULL, NULL, NULL, 'term', 'Full Lent term', '2027-01-19', '2027-02-17', 127),"
  " (13, 'all', NULL, NULL, NULL, 'term', 'Full Lent term', '2027-02-18', '2027-03-19', 127),"
  " (14, 'all', NULL, NULL, NULL, 'term', 'Full Lent term', '2028-01-18', '2028-03-17', 127);"
  "INSERT INTO placement (id, staff_id, employer_id, sector_id, window_start, window_end) VALUES"
  " (1, 1, NULL, 1, NULL, NULL),"
  " (2, 1, NULL, 1, '2027-02-01', '2027-05-31'),"
  " (3, 2, NULL, 1, '2027-01-10', '2027-03-01');";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("placements-calendar-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_exec (f->store, network, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pl_test_remove_folder (f->dir);
  g_free (f->dir);
}

/* "1 3 5": the ids of @periods, in order. */
static char *
ids_of (GPtrArray *periods)
{
  GString *out = g_string_new (NULL);

  g_assert_nonnull (periods);
  for (guint i = 0; i < periods->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "",
                            ((PlPeriod *) g_ptr_array_index (periods, i))->id);

  return g_string_free (out, FALSE);
}

static void
test_affecting (Fixture       *f,
                gconstpointer  data)
{
  struct
  {
    PlOwnerKind  kind;
    gint64       id;
    guint        kinds;
    const char  *expected;
  } cases[] = {
    /* Ann: the network's, Alder's and her own; not Birch's, Bob's or employers'. */
    { PL_OWNER_STAFF, 1, PL_PERIOD_ANY, "2 1 3 5 12 9 13 4 14" },
    { PL_OWNER_STAFF, 2, PL_PERIOD_ANY, "1 6 12 10 13 14" },
    { PL_OWNER_STAFF, 1, PL_PERIOD_EXAM | PL_PERIOD_UNAVAILABLE, "5 9" },
    { PL_OWNER_PARTNER, 2, PL_PERIOD_ANY, "1 6 12 13 14" },
    { PL_OWNER_EMPLOYER, 1, PL_PERIOD_BLACKOUT | PL_PERIOD_BUSY | PL_PERIOD_HOLIDAY, "1 7 11" },
    { PL_OWNER_EMPLOYER, 2, PL_PERIOD_BLACKOUT | PL_PERIOD_BUSY, "8" },
    { PL_OWNER_ALL, 0, PL_PERIOD_ANY, "1 12 13 14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) periods =
        pl_store_calendar_list_affecting (f->store, cases[i].kind, cases[i].id, cases[i].kinds, NULL,
                                    NULL, &error);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      got = ids_of (periods);
      if (!g_str_equal (got, cases[i].expected))
        g_error ("case %u: got %s, expected %s", i, got, cases[i].expected);
    }

  /* A date range keeps the periods that overlap it, either end included. */
  {
    GDate from = pl_test_date ("2027-01-15");
    GDate to = pl_test_date ("2027-01-26");  /* up to the 25th */
    g_autoptr(GPtrArray) periods =
      pl_store_calendar_list_affecting (f->store, PL_OWNER_EMPLOYER, 1, PL_PERIOD_ANY, &from, &to, NULL);
    g_autoptr(GPtrArray) none = NULL;
    g_autofree char *got = ids_of (periods);
    PlPeriod *blackout;

    g_assert_cmpstr (got, ==, "12 7");
    blackout = g_ptr_array_index (periods, 1);
    /* The stored last day (29th) becomes the half-open end (30th). */
    g_assert_cmpint (g_date_get_day (&blackout->end), ==, 30);
    g_assert_cmpint (blackout->kind, ==, PL_PERIOD_BLACKOUT);
    g_assert_cmpint (blackout->owner_kind, ==, PL_OWNER_EMPLOYER);
    g_assert_cmpint (blackout->owner_id, ==, 1);
    g_assert_cmpstr (blackout->label, ==, "Cedar stocktake");

    to = pl_test_date ("2027-01-25");  /* [15th, 25th) misses the 25th */
    none = pl_store_calendar_list_affecting (f->store, PL_OWNER_EMPLOYER, 1, PL_PERIOD_BLACKOUT, &from,
                                       &to, NULL);
    g_assert_cmpuint (none->len, ==, 0);
  }

  /* An owner that does not exist is an error, not an empty calendar. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_store_calendar_list_affecting (f->store, PL_OWNER_STAFF, 99, PL_PERIOD_ANY, NULL,
                                               NULL, &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  }

  /* Everything at once, for the solver to bucket. */
  {
    g_autoptr(GPtrArray) all = pl_store_calendar_list_periods (f->store, PL_PERIOD_ANY, NULL, NULL, NULL);

    g_assert_cmpuint (all->len, ==, 14);
  }
}

static void
test_weekdays (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) periods =
    pl_store_calendar_list_affecting (f->store, PL_OWNER_EMPLOYER, 1, PL_PERIOD_BUSY, NULL, NULL, NULL);
  PlPeriod *market = g_ptr_array_index (periods, 0);
  GDate tuesday = pl_test_date ("2027-03-02");
  GDate wednesday = pl_test_date ("2027-03-03");
  GDate thursday = pl_test_date ("2027-03-04");
  GDate april = pl_test_date ("2027-04-01");

  g_assert_cmpstr (market->label, ==, "Market days");
  g_assert_true (pl_period_covers (market, &tuesday));
  g_assert_false (pl_period_covers (market, &wednesday));
  g_assert_true (pl_period_covers (market, &thursday));
  g_assert_false (pl_period_covers (market, &april));
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  struct
  {
    PlCalendarFilter filter;
    const char      *expected;
  } cases[] = {
    /* Nobody chosen: every partner's and employer's, nobody's leave. */
    { { 0, 0, 0 }, "2 1 3 5 6 12 7 8 13 11 4 14" },
    { { 1, 0, 0 }, "2 1 3 5 12 7 8 13 11 4 14" },
    { { 0, 2, 0 }, "2 1 3 5 6 12 8 13 4 14" },
    /* A staff member brings their partner and their own periods. */
    { { 0, 0, 2 }, "1 6 12 7 8 10 13 11 14" },
    /* A partner and someone from another partner: no partner periods. */
    { { 1, 0, 2 }, "1 12 7 8 10 13 11 14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) periods =
        pl_store_calendar_list_for_filter (f->store, &cases[i].filter, PL_PERIOD_ANY, NULL, NULL, &error);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      got = ids_of (periods);
      if (!g_str_equal (got, cases[i].expected))
        g_error ("case %u: got %s, expected %s", i, got, cases[i].expected);
    }
}

static void
test_academic_years (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GArray) alder = pl_calendar_academic_years (f->store, 1, NULL);
  g_autoptr(GArray) birch = pl_calendar_academic_years (f->store, 2, NULL);
  g_autoptr(GPtrArray) terms = pl_calendar_terms_of_year (f->store, 1, 2026, NULL);
  g_autoptr(GPtrArray) none = pl_calendar_terms_of_year (f->store, 1, 2027, NULL);
  g_autofree char *label = pl_academic_year_label (2026);
  g_autofree char *got = NULL;
  int year;

  g_assert_cmpuint (alder->len, ==, 1);
  g_assert_cmpint (g_array_index (alder, int, 0), ==, 2026);
  /* Birch has no terms of its own and lives by the network's. */
  g_assert_cmpuint (birch->len, ==, 2);
  g_assert_cmpint (g_array_index (birch, int, 1), ==, 2027);

  got = ids_of (terms);
  g_assert_cmpstr (got, ==, "2 3 4");
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_cmpstr (label, ==, "2026/27");
  g_assert_true (pl_academic_year_parse ("2026/27", &year) && year == 2026);
  g_assert_true (pl_academic_year_parse ("1999-2000", &year) && year == 1999);
  g_assert_true (pl_academic_year_parse ("1999/00", &year) && year == 1999);
  g_assert_false (pl_academic_year_parse ("2026/28", &year));
  g_assert_false (pl_academic_year_parse ("2026", &year));
  g_assert_false (pl_academic_year_parse ("20a6/27", &year));
}

static void
test_find_term (Fixture       *f,
                gconstpointer  data)
{
  struct
  {
    gint64      partner;
    const char *name;
    const char *expected;
  } cases[] = {
    { 1, "Spring term 2027", "3" },
    { 1, "  spring   TERM 2027 ", "3" },
    { 1, "Spring 2027", "3" },
    { 1, "Spring term 2026/27", "3" },
    { 1, "Autumn term 2026", "2" },
    /* Birch lives by the network's terms; the split one is both halves. */
    { 2, "Full Lent term 2027", "12 13" },
    { 2, "Full Lent term", "12 13 14" },
    { 2, "Full Lent 2026/27", "12 13" },
    { 0, "Full Lent term 2028", "14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = pl_calendar_find_term (f->store, cases[i].partner,
                                                          cases[i].name, &error);
      g_autofree char *got = NULL;

      g_assert_no_error (error);
      got = ids_of (found);
      if (!g_str_equal (got, cases[i].expected))
        g_error ("“%s”: got %s, expected %s", cases[i].name, got, cases[i].expected);
    }

  /* A wrong name is explained with the names there are. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_calendar_find_term (f->store, 1, "Spring term 2030", &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Alder College"));
    g_assert_nonnull (strstr (error->message, "Spring term 2027"));
  }

  /* Alder's own terms hide the network's. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (pl_calendar_find_term (f->store, 1, "Full Lent term 2027", &error));
    g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  }
}

static char *
window_of (Fixture *f,
           gint64   placement)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ranges = pl_calendar_placement_window (f->store, placement, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < ranges->len; i++)
    {
      PlDateRange *range = &g_array_index (ranges, PlDateRange, i);
      g_autofree char *start = g_date_valid (&range->start) ? pl_date_to_iso (&range->start)
                                                            : g_strdup ("…");
      g_autofree char *end = g_date_valid (&range->end) ? pl_date_to_iso (&range->end)
                                                        : g_strdup ("…");

      g_string_append_printf (out, "%s[%s,%s)", i > 0 ? " " : "", start, end);
    }

  return g_string_free (out, FALSE);
}

static void
test_placement_window (Fixture       *f,
                       gconstpointer  data)
{
  const char *spring_summer[] = { "Summer term 2027", "Spring term 2027", NULL };
  const char *lent[] = { "Full Lent term 2027", NULL };
  const char *unknown[] = { "Spring term 2027", "Winter term 2027", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *none = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *terms = NULL;
  g_autofree char *clipped = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *after_refusal = NULL;
  g_autofree char *cleared = NULL;

  /* No window at all: any date will do. */
  none = window_of (f, 1);
  g_assert_cmpstr (none, ==, "");

  dates = window_of (f, 2);
  g_assert_cmpstr (dates, ==, "[2027-02-01,2027-06-01)");

  /* Terms given by name for Ann (Alder College). */
  g_assert_true (pl_calendar_set_placement_terms (f->store, 1, spring_summer, &error));
  g_assert_no_error (error);
  terms = window_of (f, 1);
  g_assert_cmpstr (terms, ==, "[2027-01-04,2027-03-20) [2027-04-05,2027-07-17)");

  /* Terms and dates: the terms, clipped to the dates. */
  g_assert_true (pl_calendar_set_placement_terms (f->store, 2, spring_summer, &error));
  clipped = window_of (f, 2);
  g_assert_cmpstr (clipped, ==, "[2027-02-01,2027-03-20) [2027-04-05,2027-06-01)");

  /* The two halves of a split term are one range, clipped to the dates. */
  g_assert_true (pl_calendar_set_placement_terms (f->store, 3, lent, &error));
  g_assert_no_error (error);
  merged = window_of (f, 3);
  g_assert_cmpstr (merged, ==, "[2027-01-19,2027-03-02)");

  /* One unknown name and nothing changes. */
  g_assert_false (pl_calendar_set_placement_terms (f->store, 1, unknown, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Winter term 2027"));
  g_clear_error (&error);
  after_refusal = window_of (f, 1);
  g_assert_cmpstr (after_refusal, ==, terms);

  g_assert_true (pl_calendar_set_placement_terms (f->store, 1, NULL, &error));
  cleared = window_of (f, 1);
  g_assert_cmpstr (cleared, ==, "");

  g_assert_null (pl_calendar_placement_window (f->store, 99, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
}

/* Imported term dates are terms like any other: "Full Lent term 2026/27"
 * finds the Cambridge file's periods. */
static void
test_imported_terms (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cam-term-dates.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GArray) years = NULL;
  GDate today;
  PlPeriod *first, *second;

  pl_date_today (&today);
  g_assert_true (pl_ics_import_file (f->store, path, "partner:Birch College", "term", &today,
                                     NULL, &error));
  g_assert_no_error (error);

  found = pl_calendar_find_term (f->store, 2, "Full Lent term 2026/27", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  first = g_ptr_array_index (found, 0);
  second = g_ptr_array_index (found, 1);
  /* 19 January to 12 February and 14 February to 19 March 2027: the
   * division of term falls between them. */
  {
    g_autofree char *a = pl_date_to_iso (&first->start);
    g_autofree char *b = pl_date_to_iso (&first->end);
    g_autofree char *c = pl_date_to_iso (&second->start);
    g_autofree char *d = pl_date_to_iso (&second->end);

    g_assert_cmpstr (a, ==, "2027-01-19");
    g_assert_cmpstr (b, ==, "2027-02-13");
    g_assert_cmpstr (c, ==, "2027-02-14");
    g_assert_cmpstr (d, ==, "2027-03-20");
  }

  years = pl_calendar_academic_years (f->store, 2, NULL);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2007);
  g_assert_cmpint (g_array_index (years, int, years->len - 1), ==, 2029);
}

/* What the Calendar page draws: placements as runs of consecutive days,
 * milestones, meetings of the filter's groups, periods and bank holidays. */
static void
test_agenda (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlAgenda) all = NULL;
  g_autoptr(PlAgenda) bob = NULL;
  PlCalendarFilter everyone = { 0, 0, 0 };
  PlCalendarFilter only_bob = { 0, 0, 2 };
  GDate from = pl_test_date ("2026-12-28");
  GDate to = pl_test_date ("2027-02-01");
  guint runs = 0, milestones = 0, meetings = 0;

  g_assert_true (pl_store_exec (f->store,
                                "UPDATE placement SET employer_id = 1, status = 'agreed' WHERE id = 1;"
                                "INSERT INTO placement_day (placement_id, day) VALUES"
                                " (1, '2027-01-11'), (1, '2027-01-12'), (1, '2027-01-14'),"
                                " (3, '2027-01-13');"
                                "UPDATE placement SET status = 'cancelled', cancel_reason = 'Withdrew'"
                                " WHERE id = 3;"
                                "INSERT INTO milestone (placement_id, kind, label, due) VALUES"
                                " (1, 'agreement', 'Agreement with the employer', '2027-01-05');"
                                "INSERT INTO exchange_group (id, name, area) VALUES (1, 'Maths circle', 'maths');"
                                "INSERT INTO group_member (group_id, staff_id) VALUES (1, 1);"
                                "INSERT INTO group_meeting (group_id, meeting_date, place)"
                                " VALUES (1, '2027-01-20', 'Alder College');",
                                &error));
  g_assert_no_error (error);

  all = pl_agenda_collect (f->store, &everyone, &from, &to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->items->len; i++)
    {
      PlAgendaItem *item = g_ptr_array_index (all->items, i);
      g_autofree char *start = pl_date_to_iso (&item->start);
      g_autofree char *end = pl_date_to_iso (&item->end);

      switch (item->kind)
        {
        case PL_AGENDA_PLACEMENT:
          /* Monday and Tuesday, then Thursday: two bars. The cancelled
           * placement is not there. */
          g_assert_cmpint (item->id, ==, 1);
          g_assert_cmpstr (item->title, ==, "Ann Alder — Cedar Works");
          g_assert_cmpint (item->sector_id, ==, 1);
          g_assert_cmpstr (start, ==, runs == 0 ? "2027-01-11" : "2027-01-14");
          g_assert_cmpstr (end, ==, runs == 0 ? "2027-01-13" : "2027-01-15");
          runs++;
          break;

        case PL_AGENDA_MILESTONE:
          g_assert_cmpint (item->placement_id, ==, 1);
          g_assert_false (item->done);
          milestones++;
          break;

        case PL_AGENDA_MEETING:
          g_assert_cmpstr (item->title, ==, "Maths circle meeting");
          g_assert_cmpstr (item->detail, ==, "Alder College");
          meetings++;
          break;

        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (runs, ==, 2);
  g_assert_cmpuint (milestones, ==, 1);
  g_assert_cmpuint (meetings, ==, 1);

  /* New Year's Day 2027 is a Friday and a bank holiday; the 4th is not. */
  {
    GDate new_year = pl_test_date ("2027-01-01");
    GDate fourth = pl_test_date ("2027-01-04");
    g_autofree char *text = pl_agenda_describe_day (all, &new_year);

    g_assert_true (pl_agenda_is_bank_holiday (all, &new_year));
    g_assert_false (pl_agenda_is_bank_holiday (all, &fourth));
    g_assert_nonnull (strstr (text, "Bank holiday"));
    g_assert_nonnull (strstr (text, "Christmas holiday 2026"));
  }

  /* The 14th: the placement's second bar and Alder's spring term. */
  {
    GDate day = pl_test_date ("2027-01-14");
    g_autoptr(GPtrArray) items = pl_agenda_items_on (all, &day);
    g_autofree char *periods = pl_agenda_describe_periods (all, &day);

    g_assert_cmpuint (items->len, ==, 1);
    g_assert_nonnull (strstr (periods, "Spring term 2027 (Alder College)"));
  }

  /* Bob: none of Ann's placements, milestones or groups. */
  bob = pl_agenda_collect (f->store, &only_bob, &from, &to, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bob->items->len, ==, 0);
}

static guint
count_meetings (Fixture                *f,
                const PlCalendarFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlAgenda) agenda = NULL;
  GDate from = pl_test_date ("2027-01-01");
  GDate to = pl_test_date ("2027-02-01");
  guint n = 0;

  agenda = pl_agenda_collect (f->store, filter, &from, &to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->items->len; i++)
    n += ((PlAgendaItem *) g_ptr_array_index (agenda->items, i))->kind == PL_AGENDA_MEETING;

  return n;
}

/* A group's meetings show for its members and their colleges, never for
 * an employer. */
static void
test_agenda_meetings (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PlCalendarFilter everyone = { 0, 0, 0 };
  PlCalendarFilter alder = { 1, 0, 0 };
  PlCalendarFilter birch = { 2, 0, 0 };
  PlCalendarFilter ann = { 0, 0, 1 };
  PlCalendarFilter bob = { 0, 0, 2 };
  PlCalendarFilter cedar = { 0, 1, 0 };

  g_assert_true (pl_store_exec (f->store,
                                "INSERT INTO exchange_group (id, name, area) VALUES"
                                " (1, 'Maths circle', 'maths'), (2, 'Empty circle', 'maths');"
                                "INSERT INTO group_member (group_id, staff_id) VALUES (1, 1);"
                                "INSERT INTO group_meeting (group_id, meeting_date) VALUES"
                                " (1, '2027-01-20'), (1, '2027-01-27'), (2, '2027-01-21'),"
                                " (1, '2027-02-03');",
                                &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_meetings (f, &everyone), ==, 3);
  g_assert_cmpuint (count_meetings (f, &alder), ==, 2);
  g_assert_cmpuint (count_meetings (f, &ann), ==, 2);
  g_assert_cmpuint (count_meetings (f, &birch), ==, 0);
  g_assert_cmpuint (count_meetings (f, &bob), ==, 0);
  g_assert_cmpuint (count_meetings (f, &cedar), ==, 0);
}

static void
on_changed (PlStore    *store,
            const char *table,
            GArray     *ids,
            gpointer    user_data)
{
  gint64 *placement = user_data;

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  *placement = g_array_index (ids, gint64, 0);
}

/* A placement's terms are the placement's: its listeners hear of them. */
static void
test_placement_terms_changed (Fixture       *f,
                              gconstpointer  data)
{
  const char *spring[] = { "Spring term 2027", NULL };
  g_autoptr(GError) error = NULL;
  gint64 placement = 0;
  gulong handler;

  handler = g_signal_connect (f->store, "changed::placement", G_CALLBACK (on_changed),
                              &placement);
  g_assert_true (pl_calendar_set_placement_terms (f->store, 2, spring, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placement, ==, 2);
  g_signal_handler_disconnect (f->store, handler);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/calendar/affecting", test_affecting);
  ADD ("/calendar/weekdays", test_weekdays);
  ADD ("/calendar/filter", test_filter);
  ADD ("/calendar/academic-years", test_academic_years);
  ADD ("/calendar/find-term", test_find_term);
  ADD ("/calendar/placement-window", test_placement_window);
  ADD ("/calendar/imported-terms", test_imported_terms);
  ADD ("/calendar/agenda", test_agenda);
  ADD ("/calendar/agenda-meetings", test_agenda_meetings);
  ADD ("/calendar/placement-terms-changed", test_placement_terms_changed);

  return g_test_run ();
}
