/* test-ics.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>

#include "pl-date.h"
#include "pl-ics.h"
#include "pl-sample.h"
#include "pl-store-ics.h"
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* iCalendar in and out: real files import, re-importing updates instead of
 * duplicating, repeats are expanded, bad files are refused with the line
 * and leave the database as it was, and what we export is valid RFC 5545
 * that libical reads back as the same events. */

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  GDate    today;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("placements-ics-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.db", NULL);
  f->store = pl_store_open (f->path, &error);
  g_assert_no_error (error);
  pl_date_today (&f->today);

  if (data != NULL)
    {
      g_assert_true (pl_sample_load (f->store, &f->today, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  pl_test_remove_folder (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* Every calendar period, one per line, to compare before and after. */
static char *
dump_periods (PlStore *store)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT id, owner_kind, partner_id, employer_id, staff_id,"
                                       " kind, label, start_date, end_date, weekdays, source, uid,"
                                       " updated_at FROM calendar_period ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (out, "%s|", (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
import_text (Fixture           *f,
             const char        *text,
             const char        *owner,
             const char        *kind,
             PlIcsImportResult *result)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_ics_import_data (f->store, text, strlen (text), "test.ics", owner, kind,
                                     &f->today, result, &error));
  g_assert_no_error (error);
}

/* "start..last" of the periods with @uid_like, in order. */
static char *
periods_like (PlStore    *store,
              const char *uid_like)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT start_date, end_date FROM calendar_period"
                                       " WHERE uid LIKE ? ORDER BY start_date",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uid_like, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s%s..%s", out->len > 0 ? " " : "",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));

  return g_strdup (out->str);
}

#define CAL_HEAD "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
#define CAL_TAIL "END:VCALENDAR\r\n"

/* ------------------------------------------------------------------------
 * Import
 */

static void
test_cam_term_dates (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "cam-term-dates.ics", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  PlIcsImportResult first = { 0 }, second = { 0 };

  g_assert_true (pl_ics_import_file (f->store, path, "all", "term", &f->today, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (first.added, ==, 389);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"), ==, 389);

  /* All-day DTEND is exclusive: 20071002–20071109 is 2 October to 8 November. */
  label = pl_test_select_text (f->store,
                               "SELECT label FROM calendar_period"
                               " WHERE start_date = '2007-10-02' AND end_date = '2007-11-08'");
  g_assert_cmpstr (label, ==, "Full Michaelmas term");
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM calendar_period"
                                       " WHERE source <> 'ics' OR uid IS NULL"
                                       " OR owner_kind <> 'all' OR kind <> 'term'"), ==, 0);

  /* No UIDs in the file, yet a second import finds every period again. */
  g_assert_true (pl_ics_import_file (f->store, path, "all", "term", &f->today, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (second.added, ==, 0);
  g_assert_cmpuint (second.unchanged, ==, 389);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"), ==, 389);

  /* The same file for another owner is another owner's calendar. */
  g_assert_true (pl_ics_import_file (f->store, path, "all", "holiday", &f->today, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM calendar_period"), ==, 2 * 389);
}

static void
test_reimport_updates (Fixture       *f,
                       gconstpointer  data)
{
  PlIcsImportResult result = { 0 };
  g_autofree char *dates = NULL;
  g_autofree char *label = NULL;

  import_text (f,
               CAL_HEAD
               "BEGIN:VEVENT\r\nUID:close-1@example\r\nDTSTART;VALUE=DATE:20270104\r\n"
               "DTEND;VALUE=DATE:20270109\r\nSUMMARY:Stocktake\r\nEND:VEVENT\r\n"
               CAL_TAIL, "all", "busy", &result);
  g_assert_cmpuint (result.added, ==, 1);

  /* The employer moved its stocktake: the same UID, new dates and name. */
  memset (&result, 0, sizeof result);
  import_text (f,
               CAL_HEAD
               "BEGIN:VEVENT\r\nUID:close-1@example\r\nDTSTART;VALUE=DATE:20270111\r\n"
               "DTEND;VALUE=DATE:20270113\r\nSUMMARY:Stocktake (moved)\r\nEND:VEVENT\r\n"
               CAL_TAIL, "all", "busy", &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"), ==, 1);
  dates = periods_like (f->store, "close-1@example");
  g_assert_cmpstr (dates, ==, "2027-01-11..2027-01-12");
  label = pl_test_select_text (f->store, "SELECT label FROM calendar_period");
  g_assert_cmpstr (label, ==, "Stocktake (moved)");
}

/* The store writes a batch whole or not at all: a period the database
 * refuses (its last day before its first) undoes the ones before it and
 * says which it was; a UID twice in one batch finds the period it wrote. */
static void
test_write_periods (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) periods = g_array_new (FALSE, FALSE, sizeof (PlIcsPeriod));
  g_autoptr(GError) error = NULL;
  PlIcsPeriodCounts counts = { 0 };
  PlIcsPeriod period = { "a@example", "Closed", { 0 }, { 0 } };
  guint failed = 0;

  g_date_set_dmy (&period.start, 4, G_DATE_JANUARY, 2027);
  g_date_set_dmy (&period.end, 9, G_DATE_JANUARY, 2027);
  g_array_append_val (periods, period);
  period.uid = "b@example";
  g_array_append_val (periods, period);
  period.uid = "c@example";
  period.end = period.start;
  g_array_append_val (periods, period);

  g_assert_false (pl_store_ics_write_periods (f->store, PL_OWNER_ALL, 0, PL_PERIOD_BUSY, periods,
                                              &counts, &failed, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
  g_assert_cmpuint (failed, ==, 2);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"), ==, 0);
  g_clear_error (&error);

  /* The same UID again, the second time as it was written the first. */
  g_array_index (periods, PlIcsPeriod, 1).uid = "a@example";
  g_array_set_size (periods, 2);
  g_assert_true (pl_store_ics_write_periods (f->store, PL_OWNER_ALL, 0, PL_PERIOD_BUSY, periods,
                                             &counts, &failed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (failed, ==, G_MAXUINT);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.unchanged, ==, 1);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"
                                        " WHERE end_date = '2027-01-08' AND source = 'ics'"), ==, 1);
}

static void
test_recurrence (Fixture       *f,
                 gconstpointer  data)
{
  PlIcsImportResult result = { 0 };
  g_autofree char *weekly = NULL;
  g_autofree char *yearly = NULL;
  g_autofree char *moved = NULL;

  /* Today is pinned to 2026-11-22 by the test environment. */
  g_assert_cmpint (g_date_get_year (&f->today), ==, 2026);

  import_text (f,
               CAL_HEAD
               /* Five Mondays, the second excluded. */
               "BEGIN:VEVENT\r\nUID:weekly@example\r\nDTSTART;VALUE=DATE:20270104\r\n"
               "DTEND;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
               "EXDATE;VALUE=DATE:20270111\r\nSUMMARY:Team day\r\nEND:VEVENT\r\n"
               /* Yearly with no end: only the two years either side of today. */
               "BEGIN:VEVENT\r\nUID:yearly@example\r\nDTSTART;VALUE=DATE:20150301\r\n"
               "DTEND;VALUE=DATE:20150303\r\nRRULE:FREQ=YEARLY\r\nSUMMARY:Open days\r\n"
               "END:VEVENT\r\n"
               /* Monthly until a date; the March occurrence is moved a day on. */
               "BEGIN:VEVENT\r\nUID:monthly@example\r\nDTSTART:20270105T100000Z\r\n"
               "DTEND:20270105T110000Z\r\nRRULE:FREQ=MONTHLY;UNTIL=20270405T100000Z\r\n"
               "SUMMARY:Review\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:monthly@example\r\nRECURRENCE-ID:20270305T100000Z\r\n"
               "DTSTART:20270306T100000Z\r\nDTEND:20270306T110000Z\r\nSUMMARY:Review\r\n"
               "END:VEVENT\r\n"
               CAL_TAIL, "all", "busy", &result);

  weekly = periods_like (f->store, "weekly@example%");
  g_assert_cmpstr (weekly, ==,
                   "2027-01-04..2027-01-04 2027-01-18..2027-01-18 2027-01-25..2027-01-25 "
                   "2027-02-01..2027-02-01");

  yearly = periods_like (f->store, "yearly@example%");
  g_assert_cmpstr (yearly, ==,
                   "2025-03-01..2025-03-02 2026-03-01..2026-03-02 2027-03-01..2027-03-02 "
                   "2028-03-01..2028-03-02");

  moved = periods_like (f->store, "monthly@example%");
  g_assert_cmpstr (moved, ==,
                   "2027-01-05..2027-01-05 2027-02-05..2027-02-05 2027-03-06..2027-03-06 "
                   "2027-04-05..2027-04-05");

  g_assert_cmpuint (result.added, ==, 12);

  /* Re-importing a repeating event matches each occurrence again. */
  memset (&result, 0, sizeof result);
  import_text (f,
               CAL_HEAD
               "BEGIN:VEVENT\r\nUID:weekly@example\r\nDTSTART;VALUE=DATE:20270104\r\n"
               "DTEND;VALUE=DATE:20270105\r\nRRULE:FREQ=WEEKLY;COUNT=5\r\n"
               "EXDATE;VALUE=DATE:20270111\r\nSUMMARY:Team day\r\nEND:VEVENT\r\n"
               CAL_TAIL, "all", "busy", &result);
  g_assert_cmpuint (result.unchanged, ==, 4);
  g_assert_cmpuint (result.added, ==, 0);
}

static void
test_timed_events (Fixture       *f,
                   gconstpointer  data)
{
  PlIcsImportResult result = { 0 };
  struct
  {
    const char *uid;
    const char *expected;
  } cases[] = {
    /* 23:30 to 00:30 UTC in November is 23:30 to 00:30 GMT: two days. */
    { "night@example", "2026-11-30..2026-12-01" },
    /* 23:30 UTC in July is 00:30 BST the next day. */
    { "summer@example", "2027-07-02..2027-07-02" },
    /* Ending at midnight does not touch the next day. */
    { "midnight@example", "2027-01-05..2027-01-05" },
    /* A TZID from the file's VTIMEZONE (New York, five hours behind):
     * 21:00 on 5 January there is 02:00 on the 6th here. */
    { "zoned@example", "2027-01-06..2027-01-06" },
    /* Floating times are local. */
    { "floating@example", "2027-01-07..2027-01-07" },
    /* A DURATION instead of DTEND, all-day and timed. */
    { "three-days@example", "2027-02-01..2027-02-03" },
    { "long-meeting@example", "2027-02-10..2027-02-11" },
    /* The morning the clocks go forward. */
    { "spring@example", "2027-03-28..2027-03-28" },
  };

  import_text (f,
               CAL_HEAD
               "BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"
               "BEGIN:STANDARD\r\nDTSTART:19701101T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=11;"
               "BYDAY=1SU\r\nTZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500\r\nEND:STANDARD\r\n"
               "BEGIN:DAYLIGHT\r\nDTSTART:19700308T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;"
               "BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nEND:DAYLIGHT\r\n"
               "END:VTIMEZONE\r\n"
               "BEGIN:VEVENT\r\nUID:night@example\r\nDTSTART:20261130T233000Z\r\n"
               "DTEND:20261201T003000Z\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:summer@example\r\nDTSTART:20270701T233000Z\r\n"
               "DTEND:20270701T235000Z\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:midnight@example\r\nDTSTART:20270105T090000Z\r\n"
               "DTEND:20270106T000000Z\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:zoned@example\r\n"
               "DTSTART;TZID=America/New_York:20270105T210000\r\n"
               "DTEND;TZID=America/New_York:20270105T220000\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:floating@example\r\nDTSTART:20270107T233000\r\n"
               "DTEND:20270107T235900\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:three-days@example\r\nDTSTART;VALUE=DATE:20270201\r\n"
               "DURATION:P3D\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:long-meeting@example\r\nDTSTART:20270210T200000Z\r\n"
               "DURATION:PT6H\r\nEND:VEVENT\r\n"
               "BEGIN:VEVENT\r\nUID:spring@example\r\nDTSTART:20270328T003000\r\n"
               "DTEND:20270328T033000\r\nEND:VEVENT\r\n"
               CAL_TAIL, "all", "unavailable", &result);
  g_assert_cmpuint (result.added, ==, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = periods_like (f->store, cases[i].uid);

      if (g_strcmp0 (got, cases[i].expected) != 0)
        g_error ("%s: got %s, expected %s", cases[i].uid, got, cases[i].expected);
    }
}

static void
test_owners (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *staff = pl_test_select_text (f->store,
                                                "SELECT name FROM staff ORDER BY id LIMIT 1");
  g_autofree char *employer = pl_test_select_text (f->store,
                                                   "SELECT name FROM employer ORDER BY id LIMIT 1");
  g_autofree char *partner = pl_test_select_text (f->store,
                                                  "SELECT name FROM partner ORDER BY id LIMIT 1");
  const char *text = CAL_HEAD
                     "BEGIN:VEVENT\r\nUID:x@example\r\nDTSTART;VALUE=DATE:20270301\r\n"
                     "SUMMARY:Away\r\nEND:VEVENT\r\n" CAL_TAIL;
  struct
  {
    const char *prefix;
    const char *name;
    const char *kind;
    const char *column;
  } owners[] = {
    { "staff:", staff, "unavailable", "staff_id" },
    { "employer:", employer, "blackout", "employer_id" },
    { "partner:", partner, "exam", "partner_id" },
  };
  gint64 before = pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period");

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      /* Names are matched ignoring case. */
      g_autofree char *upper = g_utf8_strup (owners[i].name, -1);
      g_autofree char *owner = g_strconcat (owners[i].prefix, upper, NULL);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM calendar_period"
                                              " WHERE uid = 'x@example' AND kind = '%s'"
                                              " AND %s IS NOT NULL",
                                              owners[i].kind, owners[i].column);
      PlIcsImportResult result = { 0 };

      import_text (f, text, owner, owners[i].kind, &result);
      g_assert_cmpuint (result.added, ==, 1);
      g_assert_cmpint (pl_test_select_int (f->store, sql), ==, 1);
    }

  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM calendar_period"), ==, before + 3);
}

/* ------------------------------------------------------------------------
 * Files as calendar programs write them: each row is imported into the
 * same database (its UIDs its own) and what was stored is compared.
 */

typedef struct
{
  const char *name;
  const char *kind;
  const char *text;      /* the events, between CAL_HEAD and CAL_TAIL; or NULL */
  const char *file;      /* or a whole file under tests/data/ics */
  const char *uid_like;  /* the UIDs of its periods */
  const char *periods;   /* as periods_like() gives them */
  const char *labels;    /* "|" between the periods' labels, "-" for none; NULL: any */
  guint       skipped_free;
} GoodFile;

/* The labels of the periods with @uid_like, by first day. */
static char *
labels_like (PlStore    *store,
             const char *uid_like)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean first = TRUE;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT label FROM calendar_period"
                                       " WHERE uid LIKE ? ORDER BY start_date",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, uid_like, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *label = (const char *) sqlite3_column_text (stmt, 0);

      g_string_append_printf (out, "%s%s", first ? "" : "|", label != NULL ? label : "-");
      first = FALSE;
    }

  return g_strdup (out->str);
}

static void
import_good_files (Fixture        *f,
                   const GoodFile *rows,
                   guint           n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      const GoodFile *row = &rows[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      g_autofree char *periods = NULL;
      PlIcsImportResult result = { 0 };
      gint64 before = pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period");
      gsize length;

      if (row->file != NULL)
        {
          g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ics", row->file,
                                                         NULL);

          g_assert_true (g_file_get_contents (path, &text, &length, &error));
          g_assert_no_error (error);
        }
      else
        {
          text = g_strconcat (CAL_HEAD, row->text, CAL_TAIL, NULL);
          length = strlen (text);
        }

      if (!pl_ics_import_data (f->store, text, length, "good.ics", "all", row->kind, &f->today,
                               &result, &error))
        g_error ("%s: refused: %s", row->name, error->message);

      periods = periods_like (f->store, row->uid_like);
      if (!g_str_equal (periods, row->periods))
        g_error ("%s: stored “%s”, expected “%s”", row->name, periods, row->periods);
      if (row->labels != NULL)
        {
          g_autofree char *labels = labels_like (f->store, row->uid_like);

          if (!g_str_equal (labels, row->labels))
            g_error ("%s: labels “%s”, expected “%s”", row->name, labels, row->labels);
        }
      if (result.skipped_free != row->skipped_free)
        g_error ("%s: %u left out as free, expected %u", row->name, result.skipped_free,
                 row->skipped_free);

      /* Nothing else was written, and the counts say what was. */
      g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"), ==,
                       before + result.added);
      g_assert_cmpuint (result.updated + result.unchanged, ==, 0);
    }
}

static const GoodFile empty_files[] = {
  { "empty text properties, as Google writes them", "busy",
    "BEGIN:VEVENT\r\n"
    "DTSTART;VALUE=DATE:20270104\r\n"
    "DTEND;VALUE=DATE:20270106\r\n"
    "UID:empty-text@example\r\n"
    "DESCRIPTION:\r\n"
    "LOCATION:\r\n"
    "SUMMARY:\r\n"
    "STATUS:\r\n"
    "TRANSP:\r\n"
    "END:VEVENT\r\n"
    , NULL, "empty-text@example",
    "2027-01-04..2027-01-05", "-", 0 },
  { "an empty summary is no label, a blank one too", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:blank-summary@example\r\n"
    "DTSTART;VALUE=DATE:20270111\r\n"
    "SUMMARY:   \r\n"
    "CATEGORIES:\r\n"
    "COMMENT:\r\n"
    "END:VEVENT\r\n"
    , NULL, "blank-summary@example",
    "2027-01-11..2027-01-11", "-", 0 },
  { "Exchange's VTIMEZONE with an empty TZID: its times are local", "busy",
    "BEGIN:VTIMEZONE\r\n"
    "TZID:\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0500\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:empty-tzid@example\r\n"
    "SUMMARY:Late shift\r\n"
    "DTSTART;TZID=:20270107T233000\r\n"
    "DTEND;TZID=\"\":20270107T235900\r\n"
    "END:VEVENT\r\n"
    , NULL, "empty-tzid@example",
    "2027-01-07..2027-01-07", "Late shift", 0 },
};

static const GoodFile period_files[] = {
  { "Lotus Notes: start/end periods in a TZID, the first one DTSTART again", "busy",
    "BEGIN:VTIMEZONE\r\n"
    "TZID:America/New_York\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19701101T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"
    "TZOFFSETFROM:-0400\r\n"
    "TZOFFSETTO:-0500\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:19700308T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"
    "TZOFFSETFROM:-0500\r\n"
    "TZOFFSETTO:-0400\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:notes-period@example\r\n"
    "SUMMARY:Audit\r\n"
    "DTSTART;TZID=America/New_York:20270111T090000\r\n"
    "DTEND;TZID=America/New_York:20270111T100000\r\n"
    "RDATE;VALUE=PERIOD;TZID=America/New_York:20270111T090000/20270111T100000,20270118T\r\n"
    " 200000/20270118T220000,20270125T090000/20270127T170000\r\n"
    "END:VEVENT\r\n"
    , NULL, "notes-period@example%",
    "2027-01-11..2027-01-11 2027-01-19..2027-01-19 2027-01-25..2027-01-27", NULL, 0 },
  { "Zimbra: start/duration periods in UTC", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:zimbra-period@example\r\n"
    "DTSTART:20270201T230000Z\r\n"
    "DURATION:PT1H\r\n"
    "RDATE;VALUE=PERIOD:20270208T230000Z/PT2H\r\n"
    "RDATE;VALUE=PERIOD:20270215T100000Z/P2D\r\n"
    "END:VEVENT\r\n"
    , NULL, "zimbra-period@example%",
    "2027-02-01..2027-02-01 2027-02-08..2027-02-09 2027-02-15..2027-02-17", NULL, 0 },
  { "khal: local periods beside an all-day start, over the spring clock change", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:khal-period@example\r\n"
    "DTSTART;VALUE=DATE:20270301\r\n"
    "RDATE;VALUE=PERIOD:20270305T090000/20270305T120000,20270327T230000/20270328T030000\r\n"
    "END:VEVENT\r\n"
    , NULL, "khal-period@example%",
    "2027-03-01..2027-03-01 2027-03-05..2027-03-05 2027-03-27..2027-03-28", NULL, 0 },
  { "a period moved by a RECURRENCE-ID", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:moved-period@example\r\n"
    "DTSTART:20270405T100000Z\r\n"
    "DTEND:20270405T110000Z\r\n"
    "RDATE;VALUE=PERIOD:20270412T100000Z/PT1H\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:moved-period@example\r\n"
    "RECURRENCE-ID:20270412T100000Z\r\n"
    "DTSTART:20270414T100000Z\r\n"
    "DTEND:20270414T110000Z\r\n"
    "END:VEVENT\r\n"
    , NULL, "moved-period@example%",
    "2027-04-05..2027-04-05 2027-04-14..2027-04-14", NULL, 0 },
};

static const GoodFile extension_files[] = {
  { "iPhone's structured location, with a backslash before a ';' in X-TITLE", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:iphone-location@example\r\n"
    "SUMMARY:Site visit\r\n"
    "DTSTART:20270510T090000Z\r\n"
    "DTEND:20270510T110000Z\r\n"
    "LOCATION:Unit 4\\, Hedon Road\\nHull\r\n"
    "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-ADDRESS=Hedon "
    "Road\\\\nHull;X-APPLE-RADIUS=70;X-TITLE=Unit 4\\; Hedon Road:geo:53.7,-0.3\r\n"
    "END:VEVENT\r\n"
    , NULL, "iphone-location@example",
    "2027-05-10..2027-05-10", "Site visit", 0 },
  { "extensions of every shape, everywhere", "busy",
    "X-WR-CALNAME;X-ODD=a\\,b:Works calendar\r\n"
    "x-lower-case;foo=bar\\;baz:1\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:odd-extensions@example\r\n"
    "X-OPEN-QUOTE;X-P=\"no end:value\r\n"
    "X-MS-OLK-CONFTYPE:\r\n"
    "X-EMPTY-PARAM;=:value\r\n"
    "DTSTART;VALUE=DATE:20270517\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "TRIGGER:-PT15M\r\n"
    "X-WR-ALARMUID;X-ESCAPED=a\\;b:5\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    , NULL, "odd-extensions@example",
    "2027-05-17..2027-05-17", "-", 0 },
};

static const GoodFile status_files[] = {
  { "a cancelled occurrence (its RECURRENCE-ID) is removed", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:weekly-cancel@example\r\n"
    "SUMMARY:Review\r\n"
    "DTSTART:20270503T090000Z\r\n"
    "DTEND:20270503T100000Z\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=4\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:weekly-cancel@example\r\n"
    "RECURRENCE-ID:20270510T090000Z\r\n"
    "DTSTART:20270510T090000Z\r\n"
    "DTEND:20270510T100000Z\r\n"
    "STATUS:CANCELLED\r\n"
    "END:VEVENT\r\n"
    , NULL, "weekly-cancel@example%",
    "2027-05-03..2027-05-03 2027-05-17..2027-05-17 2027-05-24..2027-05-24", NULL, 0 },
  { "the cancelled occurrence may come first", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:cancel-first@example\r\n"
    "RECURRENCE-ID;VALUE=DATE:20270602\r\n"
    "DTSTART;VALUE=DATE:20270602\r\n"
    "STATUS:cancelled\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:cancel-first@example\r\n"
    "DTSTART;VALUE=DATE:20270601\r\n"
    "RRULE:FREQ=DAILY;COUNT=3\r\n"
    "END:VEVENT\r\n"
    , NULL, "cancel-first@example%",
    "2027-06-01..2027-06-01 2027-06-03..2027-06-03", NULL, 0 },
  { "a cancelled event is not imported", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:cancelled-whole@example\r\n"
    "DTSTART;VALUE=DATE:20270607\r\n"
    "STATUS:CANCELLED\r\n"
    "END:VEVENT\r\n"
    , NULL, "cancelled-whole@example%",
    "", NULL, 0 },
  { "a tentative event takes time", "unavailable",
    "BEGIN:VEVENT\r\n"
    "UID:tentative@example\r\n"
    "DTSTART;VALUE=DATE:20270608\r\n"
    "STATUS:TENTATIVE\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
    , NULL, "tentative@example",
    "2027-06-08..2027-06-08", NULL, 0 },
  { "a free event blocks no one", "busy",
    "BEGIN:VEVENT\r\n"
    "UID:free-busy@example\r\n"
    "DTSTART;VALUE=DATE:20270614\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    , NULL, "free-busy@example",
    "", NULL, 1 },
  { "a free event is still a term date", "term",
    "BEGIN:VEVENT\r\n"
    "UID:free-term@example\r\n"
    "DTSTART;VALUE=DATE:20270614\r\n"
    "DTEND;VALUE=DATE:20270619\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    , NULL, "free-term@example",
    "2027-06-14..2027-06-18", NULL, 0 },
  { "a free occurrence of a busy series", "blackout",
    "BEGIN:VEVENT\r\n"
    "UID:free-override@example\r\n"
    "DTSTART;VALUE=DATE:20270621\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=2\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:free-override@example\r\n"
    "RECURRENCE-ID;VALUE=DATE:20270628\r\n"
    "DTSTART;VALUE=DATE:20270629\r\n"
    "TRANSP:TRANSPARENT\r\n"
    "END:VEVENT\r\n"
    , NULL, "free-override@example%",
    "2027-06-21..2027-06-21", NULL, 1 },
};

static const GoodFile program_files[] = {
  { "Google Calendar", "busy",
    NULL, "google.ics", "%@google.com%",
    "2027-02-15..2027-02-19 2027-03-01..2027-03-01 2027-03-16..2027-03-16 2027-03-22..2027-03-22",
    "Annual stocktake|Safety audit|Safety audit (moved)|Safety audit", 1 },
  { "Outlook and Exchange 2010", "unavailable",
    NULL, "outlook-exchange.ics", "040000008200E00074C5B7101A82E008%",
    "2027-01-05..2027-01-05 2027-01-19..2027-01-19 2027-01-26..2027-01-26 2027-02-15..2027-02-19",
    "Moderation meeting|Moderation meeting|Moderation meeting|Annual leave", 1 },
  { "Apple Calendar", "blackout",
    NULL, "apple.ics", "A1B2C3D4-%",
    "2027-04-12..2027-04-16", "Shutdown for refit", 1 },
  { "Thunderbird", "holiday",
    NULL, "thunderbird.ics", "5f0c2a8e-%",
    "2027-02-15..2027-02-15 2027-02-17..2027-02-17 2027-03-29..2027-04-09",
    "Half-term cover|Half-term cover|Easter holiday", 0 },
};

/* Rule 1: an empty value is no value. */
static void
test_empty_values (Fixture       *f,
                   gconstpointer  data)
{
  import_good_files (f, empty_files, G_N_ELEMENTS (empty_files));
}

/* Rule 2: RDATE;VALUE=PERIOD, each period the local days it touches. */
static void
test_rdate_periods (Fixture       *f,
                    gconstpointer  data)
{
  import_good_files (f, period_files, G_N_ELEMENTS (period_files));
}

/* Rule 3: X- properties are passed over whatever their syntax. */
static void
test_extensions (Fixture       *f,
                 gconstpointer  data)
{
  import_good_files (f, extension_files, G_N_ELEMENTS (extension_files));
}

/* Rule 4: cancelled events and occurrences are gone; free ones block no one. */
static void
test_status_and_free_time (Fixture       *f,
                           gconstpointer  data)
{
  import_good_files (f, status_files, G_N_ELEMENTS (status_files));
}

static void
test_programs (Fixture       *f,
               gconstpointer  data)
{
  import_good_files (f, program_files, G_N_ELEMENTS (program_files));
}

typedef struct
{
  const char *name;
  const char *text;
  gsize       length;   /* 0: up to the NUL */
  const char *owner;
  guint       line;     /* 0: the fault is not in the file */
  const char *says;
} BadFile;

static const BadFile bad_files[] = {
  { "not iCalendar at all", "Term,Start,End\nAutumn,2026-09-01,2026-12-18\n", 0, "all", 1,
    "not an iCalendar file" },
  { "empty", "", 0, "all", 1, "empty" },
  { "binary", "BEGIN:VCALENDAR\n\001\002\000\003\n", 21, "all", 2, "binary" },
  { "not UTF-8", "BEGIN:VCALENDAR\nVERSION:2.0\nX-NAME:caf\xe9\nEND:VCALENDAR\n", 0, "all", 3,
    "not UTF-8" },
  { "unterminated VCALENDAR",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "END:VEVENT\n", 0, "all", 6, "END:VCALENDAR is missing" },
  { "unterminated VEVENT",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "END:VCALENDAR\n", 0, "all", 6, "does not close BEGIN:VEVENT of line 3" },
  { "VEVENT without DTSTART",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "END:VEVENT\nBEGIN:VEVENT\nUID:b\nSUMMARY:No start\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 7,
    "no start date (DTSTART)" },
  { "DTEND before DTSTART",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "DTEND;VALUE=DATE:20270101\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "before it starts" },
  { "bad date value",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:2027013x\n"
    "END:VEVENT\nEND:VCALENDAR\n", 0, "all", 5, "“2027013x” is not a date" },
  { "impossible date",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270230\n"
    "END:VEVENT\nEND:VCALENDAR\n", 0, "all", 5, "“20270230” is not a date" },
  { "date and date-time mixed",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "DTEND:20270105T100000Z\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "DTEND has a time" },
  { "bad duration",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "DURATION:P1X\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "not a duration" },
  { "bad repeat rule",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "RRULE:FREQ=SOMETIMES\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "not a repeat rule" },
  { "repeats without end, too often",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270104T100000Z\n"
    "RRULE:FREQ=HOURLY\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "more than 10000 periods" },
  { "two starts",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "DTSTART;VALUE=DATE:20270105\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "second DTSTART" },
  { "garbage line",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "this is not a property\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "not an iCalendar line" },
  { "libical refuses a value",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "GEO:north\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6,
    "GEO: “north” is not a value GEO can have" },
  { "a good event, then a bad one",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:good\r\n"
    "DTSTART;VALUE=DATE:20270104\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:bad\r\n"
    "DTSTART;VALUE=DATE:20271304\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 0, "all", 9, "is not a date" },
  { "folded line, counted from its start",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nSUMMARY:a long\n  summary\n"
    "DTSTART;VALUE=DATE:2027\n 0199\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 7,
    "“20270199” is not a date" },
  { "unknown owner name",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "END:VEVENT\nEND:VCALENDAR\n", 0, "partner:Nowhere College", 0,
    "no partner called “Nowhere College”" },
  { "malformed owner",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "END:VEVENT\nEND:VCALENDAR\n", 0, "college:Humber", 0, "is not an owner" },
  /* An empty value is no value, but a date must still be a date. */
  { "empty DTSTART",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:\nEND:VEVENT\nEND:VCALENDAR\n", 0,
    "all", 5, "DTSTART: “” is not a date" },
  { "empty DTEND after an empty DESCRIPTION",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDESCRIPTION:\n"
    "DTSTART;VALUE=DATE:20270104\nDTEND:\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 7,
    "DTEND: “” is not a date" },
  { "libical refuses a value after empty ones, at its own line",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDESCRIPTION:\nLOCATION:\n"
    "DTSTART;VALUE=DATE:20270104\nSUMMARY:\nGEO:north\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 9,
    "GEO: “north” is not a value GEO can have" },
  /* Periods of an RDATE are read, so they are checked. */
  { "a period that ends before it starts",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270105T100000Z\n"
    "RDATE;VALUE=PERIOD:20270112T100000Z/20270112T090000Z\nEND:VEVENT\nEND:VCALENDAR\n", 0,
    "all", 6, "ends before it starts" },
  { "a period with no end",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270105T100000Z\n"
    "RDATE;VALUE=PERIOD:20270112T100000Z/20270113T100000Z,20270119T100000Z\nEND:VEVENT\n"
    "END:VCALENDAR\n", 0, "all", 6, "“20270119T100000Z” is not a period" },
  { "a period of days",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270105T100000Z\n"
    "RDATE;VALUE=PERIOD:20270112/20270113\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6,
    "must start with a date and a time" },
  { "a period with a bad duration",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270105T100000Z\n"
    "RDATE;VALUE=PERIOD:20270112T100000Z/PT2X\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6,
    "“PT2X” is not a duration" },
  { "an EXDATE period",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART:20270105T100000Z\n"
    "RRULE:FREQ=WEEKLY;COUNT=3\nEXDATE;VALUE=PERIOD:20270112T100000Z/PT1H\nEND:VEVENT\n"
    "END:VCALENDAR\n", 0, "all", 7, "EXDATE cannot be a period" },
  /* Extensions are passed over; what is read is still checked. */
  { "an Apple location does not hide a bad date",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\n"
    "X-APPLE-STRUCTURED-LOCATION;VALUE=URI;X-TITLE=Unit 4\\; Hedon Road:geo:53.7,-0.3\n"
    "DTSTART;VALUE=DATE:2027013x\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6,
    "“2027013x” is not a date" },
  { "an X- name without a value is no line",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "X-MOZ-GENERATION 2\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 6, "not an iCalendar line" },
  { "two statuses",
    "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:a\nDTSTART;VALUE=DATE:20270104\n"
    "STATUS:CONFIRMED\nSTATUS:CANCELLED\nEND:VEVENT\nEND:VCALENDAR\n", 0, "all", 7,
    "second STATUS (the first is on line 6)" },
};

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = dump_periods (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      const BadFile *bad = &bad_files[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      PlIcsImportResult result = { 0 };

      if (pl_ics_import_data (f->store, bad->text, bad->length ? bad->length : strlen (bad->text),
                              "bad.ics", bad->owner, "term", &f->today, &result, &error))
        g_error ("%s: accepted", bad->name);

      if (bad->line > 0)
        {
          g_autofree char *prefix = g_strdup_printf ("bad.ics:%u: ", bad->line);

          g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
          if (!g_str_has_prefix (error->message, prefix))
            g_error ("%s: “%s” does not start with “%s”", bad->name, error->message, prefix);
        }
      else if (g_str_has_prefix (error->message, "bad.ics:"))
        g_error ("%s: “%s” blames the file", bad->name, error->message);

      if (strstr (error->message, bad->says) == NULL)
        g_error ("%s: “%s” does not say “%s”", bad->name, error->message, bad->says);
      /* libical's own complaints are written for programmers. */
      if (strstr (error->message, "Removing entire property") != NULL ||
          strstr (error->message, "X-LIC") != NULL)
        g_error ("%s: “%s” passes libical's words on", bad->name, error->message);

      after = dump_periods (f->store);
      g_assert_cmpstr (after, ==, before);
    }
}

/* ------------------------------------------------------------------------
 * Export
 */

typedef struct
{
  GHashTable *events;  /* UID → "kind|start|end|summary" */
  guint       n_vevents;
  guint       n_vtodos;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->events, g_hash_table_unref);
}

static char *
date_string (struct icaltimetype t)
{
  g_assert_true (t.is_date);
  return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
}

/* Reads an exported file with libical and checks the RFC's rules of form. */
static void
parse_export (const char *text,
              Parsed     *parsed)
{
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar;
  gsize length = strlen (text);

  /* CRLF everywhere, every line at most 75 octets, nothing after the end. */
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  for (gsize i = 0; i < length; i++)
    if (text[i] == '\n')
      g_assert_true (i > 0 && text[i - 1] == '\r');
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      /* A fold never splits a UTF-8 character. */
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  parsed->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_ANY_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_ANY_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (c);
      g_autofree char *start = NULL;
      g_autofree char *end = NULL;

      g_assert_nonnull (uid);
      g_assert_nonnull (icalcomponent_get_first_property (c, ICAL_DTSTAMP_PROPERTY));
      g_assert_false (g_hash_table_contains (parsed->events, uid));

      if (icalcomponent_isa (c) == ICAL_VEVENT_COMPONENT)
        {
          parsed->n_vevents++;
          start = date_string (icalcomponent_get_dtstart (c));
          end = date_string (icalcomponent_get_dtend (c));
          g_hash_table_insert (parsed->events, g_strdup (uid),
                               g_strdup_printf ("event|%s|%s|%s", start, end,
                                                icalcomponent_get_summary (c)));
        }
      else
        {
          g_assert_cmpint (icalcomponent_isa (c), ==, ICAL_VTODO_COMPONENT);
          parsed->n_vtodos++;
          start = date_string (icalcomponent_get_due (c));
          g_hash_table_insert (parsed->events, g_strdup (uid),
                               g_strdup_printf ("todo|%s|%s", start,
                                                icalcomponent_get_summary (c)));
        }
    }

  icalcomponent_free (calendar);
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(sqlite3_stmt) days = NULL;
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) events = NULL;
  Parsed parsed = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  gint64 n_days;
  guint n_placement_days = 0;

  text = pl_ics_export (f->store, PL_OWNER_ALL, 0, &error);
  g_assert_no_error (error);
  parse_export (text, &parsed);

  /* Every undone and done milestone of a placement that is going ahead. */
  g_assert_cmpint (parsed.n_vtodos, ==,
                   pl_test_select_int (f->store,
                                       "SELECT count(*) FROM milestone m JOIN placement p"
                                       " ON p.id = m.placement_id WHERE p.status <> 'cancelled'"));
  g_assert_cmpint (parsed.n_vtodos, >, 0);

  /* The placement events cover exactly the placement days, and a group's
   * meetings are there too. */
  g_hash_table_iter_init (&iter, parsed.events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto(GStrv) fields = g_strsplit (value, "|", 4);
      gint64 id;
      GDate day, end;

      if (!g_str_has_prefix (key, "placement-"))
        continue;
      id = g_ascii_strtoll ((const char *) key + strlen ("placement-"), NULL, 10);
      g_assert_true (pl_date_parse (fields[1], &day));
      g_assert_true (pl_date_parse (fields[2], &end));
      g_assert_cmpint (g_date_compare (&day, &end), <, 0);
      for (; g_date_compare (&day, &end) < 0; g_date_add_days (&day, 1))
        {
          g_autofree char *iso = pl_date_to_iso (&day);
          g_assert_true (g_hash_table_add (covered,
                                           g_strdup_printf ("%" G_GINT64_FORMAT " %s", id, iso)));
          n_placement_days++;
        }
    }

  n_days = pl_test_select_int (f->store, "SELECT count(*) FROM placement_day d JOIN placement p"
                                         " ON p.id = d.placement_id WHERE p.status <> 'cancelled'");
  g_assert_cmpint (n_placement_days, ==, n_days);
  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->store),
                                       "SELECT d.placement_id, d.day FROM placement_day d"
                                       " JOIN placement p ON p.id = d.placement_id"
                                       " WHERE p.status <> 'cancelled'",
                                       -1, &days, NULL), ==, SQLITE_OK);
  while (sqlite3_step (days) == SQLITE_ROW)
    {
      g_autofree char *k = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                                            (gint64) sqlite3_column_int64 (days, 0),
                                            sqlite3_column_text (days, 1));
      g_assert_true (g_hash_table_contains (covered, k));
    }

  g_assert_cmpint (parsed.n_vevents, >=,
                   pl_test_select_int (f->store, "SELECT count(*) FROM group_meeting"));
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM group_meeting"), >, 0);

  /* And our own importer reads the export back as the same days. */
  events = pl_ics_parse (text, strlen (text), "export.ics", &f->today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, parsed.n_vevents);
  for (guint i = 0; i < events->len; i++)
    {
      PlIcsEvent *event = g_ptr_array_index (events, i);
      const char *expected = g_hash_table_lookup (parsed.events, event->uid);
      g_autofree char *start = pl_date_to_iso (&event->start);
      g_autofree char *end = pl_date_to_iso (&event->end);
      g_autofree char *got = g_strdup_printf ("event|%s|%s|%s", start, end, event->summary);

      g_assert_cmpstr (got, ==, expected);
    }

  /* The same data gives the same file: UIDs and stamps are stable. */
  {
    g_autofree char *again = pl_ics_export (f->store, PL_OWNER_ALL, 0, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (again, ==, text);
  }

  parsed_clear (&parsed);
}

static void
test_export_escaping (Fixture       *f,
                      gconstpointer  data)
{
  const char *name = "Café, Bar; and \\ Grill — très long nom d’employeur à Saint-Étienne-du-Rouvray";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *expected = NULL;
  Parsed parsed = { 0 };
  gint64 placement;
  gboolean found = FALSE;
  GHashTableIter iter;
  gpointer value;

  placement = pl_test_select_int (f->store,
                                  "SELECT p.id FROM placement p WHERE p.employer_id IS NOT NULL"
                                  " AND p.status <> 'cancelled'"
                                  " AND EXISTS (SELECT 1 FROM placement_day WHERE"
                                  " placement_id = p.id) ORDER BY p.id LIMIT 1");
  sql = g_strdup_printf ("UPDATE employer SET name = '%s', address = 'Line one\nLine two'"
                         " WHERE id = (SELECT employer_id FROM placement WHERE id = %"
                         G_GINT64_FORMAT ")", name, placement);
  g_assert_true (pl_store_exec (f->store, sql, &error));
  g_assert_no_error (error);

  text = pl_ics_export (f->store, PL_OWNER_ALL, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GString) unfolded = g_string_new (text);

    g_string_replace (unfolded, "\r\n ", "", 0);
    g_assert_nonnull (strstr (unfolded->str, "Café\\, Bar\\; and \\\\ Grill"));
    g_assert_nonnull (strstr (unfolded->str, "LOCATION:Line one\\nLine two"));
  }
  parse_export (text, &parsed);

  expected = g_strdup_printf (" at %s", name);
  g_hash_table_iter_init (&iter, parsed.events);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    found |= g_str_has_suffix (value, expected);
  g_assert_true (found);

  parsed_clear (&parsed);
}

static gint64
staff_id (Fixture    *f,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = g_strconcat ("staff:", name, NULL);
  PlOwnerKind kind;
  gint64 id = 0;

  g_assert_true (pl_ics_resolve_owner (f->store, owner, &kind, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, PL_OWNER_STAFF);
  return id;
}

static gint64
employer_id (Fixture    *f,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = g_strconcat ("employer:", name, NULL);
  PlOwnerKind kind;
  gint64 id = 0;

  g_assert_true (pl_ics_resolve_owner (f->store, owner, &kind, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, PL_OWNER_EMPLOYER);
  return id;
}

static void
test_export_filters (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *member = pl_test_select_text (f->store,
                                                 "SELECT s.name FROM group_member gm JOIN staff s"
                                                 " ON s.id = gm.staff_id ORDER BY gm.id LIMIT 1");
  g_autofree char *employer = pl_test_select_text (f->store,
                                                   "SELECT e.name FROM employer e WHERE EXISTS"
                                                   " (SELECT 1 FROM placement p"
                                                   " WHERE p.employer_id = e.id"
                                                   " AND p.status <> 'cancelled')"
                                                   " ORDER BY e.id LIMIT 1");
  g_autofree char *staff_text = NULL;
  g_autofree char *employer_text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *summary_part = NULL;
  Parsed staff = { 0 }, by_employer = { 0 };
  GHashTableIter iter;
  gpointer key, value;
  gint64 meetings;

  g_assert_nonnull (member);
  staff_text = pl_ics_export (f->store, PL_OWNER_STAFF, staff_id (f, member), &error);
  g_assert_no_error (error);
  parse_export (staff_text, &staff);

  /* Only this person's placements, and their groups' meetings. */
  g_hash_table_iter_init (&iter, staff.events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_has_prefix (key, "placement-"))
      g_assert_nonnull (strstr (value, member));
  sql = g_strdup_printf ("SELECT count(*) FROM group_meeting m WHERE m.group_id IN"
                         " (SELECT gm.group_id FROM group_member gm JOIN staff s"
                         " ON s.id = gm.staff_id WHERE s.name = '%s')", member);
  meetings = pl_test_select_int (f->store, sql);
  g_assert_cmpint (meetings, >, 0);
  {
    guint n = 0;

    g_hash_table_iter_init (&iter, staff.events);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      n += g_str_has_prefix (key, "group-meeting-");
    g_assert_cmpint (n, ==, meetings);
  }

  employer_text = pl_ics_export (f->store, PL_OWNER_EMPLOYER, employer_id (f, employer), &error);
  g_assert_no_error (error);
  parse_export (employer_text, &by_employer);
  summary_part = g_strdup_printf (" at %s", employer);
  g_assert_cmpuint (g_hash_table_size (by_employer.events), >, 0);
  g_hash_table_iter_init (&iter, by_employer.events);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_assert_false (g_str_has_prefix (key, "group-meeting-"));
      if (g_str_has_prefix (key, "placement-"))
        g_assert_nonnull (strstr (value, summary_part));
    }

  /* Nobody is refused. */
  g_assert_null (pl_ics_export (f->store, PL_OWNER_STAFF, 9999, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);

  parsed_clear (&staff);
  parsed_clear (&by_employer);
}

/* ------------------------------------------------------------------------
 * The command line
 */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *cam = g_test_build_filename (G_TEST_DIST, "data", "cam-term-dates.ics", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.ics", NULL);
  g_autofree char *out_path = g_build_filename (f->dir, "out.ics", NULL);
  g_autofree char *partner = pl_test_select_text (f->store,
                                                  "SELECT name FROM partner ORDER BY id LIMIT 1");
  g_autofree char *owner = g_strconcat ("partner:", partner, NULL);
  g_autofree char *contents = NULL;
  gint64 before;

  /* The CLI opens its own connection. */
  g_clear_object (&f->store);

  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "ics", cam, "--owner", owner, "--kind", "term",
                     NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "389 new, 0 updated"));
  }

  g_assert_true (g_file_set_contents (bad, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027\n"
                                           "END:VEVENT\nEND:VCALENDAR\n", -1, NULL));
  {
    g_auto(PlTestRun) run = { 0 };

    g_autofree char *expected = g_strdup_printf ("placements-cli: %s:3: ", bad);

    pl_test_run_cli (&run, f->path, "import", "ics", bad, "--owner", "all", "--kind", "term",
                     NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, expected));
  }

  /* The file is named as it was typed, folders and all, as compilers and
   * the CSV importers do: not by its base name. */
  {
    g_autofree char *sub = g_build_filename (f->dir, "exports", NULL);
    g_autofree char *nested = g_build_filename (sub, "bad.ics", NULL);
    g_autofree char *cwd = g_get_current_dir ();
    const struct
    {
      const char *typed;
      const char *says;
    } cases[] = {
      { "exports/bad.ics", "placements-cli: exports/bad.ics:3: " },
      { "./exports/../bad.ics", "placements-cli: ./exports/../bad.ics:3: " },
      { "exports/none.ics", "placements-cli: exports/none.ics: there is no such file\n" },
      { "exports", "placements-cli: exports: " },
    };

    g_assert_cmpint (g_mkdir (sub, 0700), ==, 0);
    g_assert_true (g_file_set_contents (nested, "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:2027\n"
                                                "END:VEVENT\nEND:VCALENDAR\n", -1, NULL));
    g_assert_cmpint (g_chdir (f->dir), ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(PlTestRun) run = { 0 };

        pl_test_run_cli (&run, f->path, "import", "ics", cases[i].typed, "--owner", "all",
                         "--kind", "term", NULL);
        g_assert_cmpint (run.status, ==, 1);
        if (!g_str_has_prefix (run.err, cases[i].says))
          g_error ("%s: “%s” does not start “%s”", cases[i].typed, run.err, cases[i].says);
      }
    g_assert_cmpint (g_chdir (cwd), ==, 0);
  }

  /* The result line says what was left out and why. */
  {
    g_autofree char *free_time = g_build_filename (f->dir, "free.ics", NULL);
    g_auto(PlTestRun) run = { 0 };
    g_autofree char *expected = NULL;

    g_assert_true (g_file_set_contents (free_time,
                                        CAL_HEAD
                                        "BEGIN:VEVENT\r\nUID:cli-busy@example\r\n"
                                        "DTSTART;VALUE=DATE:20270301\r\nEND:VEVENT\r\n"
                                        "BEGIN:VEVENT\r\nUID:cli-free@example\r\n"
                                        "DTSTART;VALUE=DATE:20270302\r\n"
                                        "TRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
                                        CAL_TAIL, -1, NULL));
    pl_test_run_cli (&run, f->path, "import", "ics", free_time, "--owner", "all", "--kind",
                     "busy", NULL);
    g_assert_cmpint (run.status, ==, 0);
    expected = g_strdup_printf ("%s: 1 new, 0 updated, 0 unchanged; 1 event marked free "
                                "(TRANSP:TRANSPARENT) left out: it blocks no one\n", free_time);
    g_assert_cmpstr (run.out, ==, expected);
  }

  /* Usage errors. */
  {
    const char *cases[][8] = {
      { "import", "ics", cam, "--kind", "term", NULL },
      { "import", "ics", cam, "--owner", "all", NULL },
      { "import", "ics", cam, "--owner", "all", "--kind", "weekend", NULL },
      { "import", "ics", cam, "--owner", "college:X", "--kind", "term", NULL },
      { "export", "ics", out_path, "--staff", "A", "--employer", "B", NULL },
      { "export", "ics", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_auto(PlTestRun) run = { 0 };

        pl_test_run_cliv (&run, f->path, cases[i]);
        if (run.status != 2)
          g_error ("usage case %u: exit %d", i, run.status);
      }
  }

  {
    g_auto(PlTestRun) run = { 0 };
    Parsed parsed = { 0 };

    pl_test_run_cli (&run, f->path, "export", "ics", out_path, "--partner", partner, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (out_path, &contents, NULL, NULL));
    parse_export (contents, &parsed);
    g_assert_cmpuint (parsed.n_vevents, >, 0);
    parsed_clear (&parsed);
  }

  f->store = pl_store_open (f->path, NULL);
  before = pl_test_select_int (f->store,
                               "SELECT count(*) FROM calendar_period WHERE source = 'ics'");
  g_assert_cmpint (before, ==, 389 + 1);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT count(*) FROM calendar_period"
                                       " WHERE uid = 'cli-free@example'"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, sample) \
  g_test_add (path, Fixture, sample, fixture_set_up, func, fixture_tear_down)

  ADD ("/ics/import/cam-term-dates", test_cam_term_dates, NULL);
  ADD ("/ics/import/reimport-updates", test_reimport_updates, NULL);
  ADD ("/ics/import/write-periods", test_write_periods, NULL);
  ADD ("/ics/import/recurrence", test_recurrence, NULL);
  ADD ("/ics/import/timed", test_timed_events, NULL);
  ADD ("/ics/import/owners", test_owners, "sample");
  ADD ("/ics/import/empty-values", test_empty_values, NULL);
  ADD ("/ics/import/rdate-periods", test_rdate_periods, NULL);
  ADD ("/ics/import/extensions", test_extensions, NULL);
  ADD ("/ics/import/status-and-free-time", test_status_and_free_time, NULL);
  ADD ("/ics/import/programs", test_programs, NULL);
  ADD ("/ics/import/bad-files", test_bad_files, "sample");
  ADD ("/ics/export/round-trip", test_export_round_trip, "sample");
  ADD ("/ics/export/escaping", test_export_escaping, "sample");
  ADD ("/ics/export/filters", test_export_filters, "sample");
  ADD ("/ics/cli", test_cli, "sample");

  return g_test_run ();
}
