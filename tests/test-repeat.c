/* test-repeat.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "pl-calendar.h"
#include "pl-date.h"
#include "pl-repeat.h"
#include "pl-store-calendar.h"
#include "pl-store-repeat.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

typedef struct
{
  PlTestDb  db;
  gint64    partner;
  gint64    staff;
  gint64    host;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  pl_test_db_set_up (&f->db, data);
  f->partner = pl_test_partner (f->db.store, "Humber Estuary College");
  f->staff = pl_test_staff (f->db.store, f->partner, "Amira Okafor");
  f->host = pl_test_employer (f->db.store, "Keel and Anchor Hotel", "host");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  pl_test_db_tear_down (&f->db, data);
}

static gint64
add_term (Fixture    *f,
          const char *label,
          const char *start,
          const char *end)
{
  return pl_test_insert_new (f->db.store, PL_TYPE_CALENDAR_PERIOD, "owner-kind", "partner",
                             "partner-id", f->partner, "kind", "term", "label", label,
                             "start-date", start, "end-date", end, "weekdays", (gint64) 127,
                             "source", "manual", NULL);
}

/* Two academic years of terms; Easter is 5 April 2026 and 28 March 2027,
 * so the spring term ends earlier in 2027. */
static void
add_terms (Fixture *f)
{
  add_term (f, "Autumn term 2025", "2025-09-01", "2025-12-19");
  add_term (f, "Spring term 2026", "2026-01-05", "2026-03-27");
  add_term (f, "Summer term 2026", "2026-04-13", "2026-07-17");
  add_term (f, "Autumn term 2026", "2026-09-07", "2026-12-18");
  add_term (f, "Spring term 2027", "2027-01-04", "2027-03-19");
  add_term (f, "Summer term 2027", "2027-04-05", "2027-07-16");
}

/* An evaluated placement with a pre-placement planner worth keeping. */
static gint64
add_placement (Fixture            *f,
               const char * const *days)
{
  gint64 id = pl_test_placement (f->db.store, f->staff, f->host, "evaluated", days);

  pl_test_exec (f->db.store, "UPDATE placement SET aims = 5, goals = ?2 WHERE id = ?1", id,
                "See a banqueting kitchen at full stretch");
  return id;
}

static gint64
repeat (Fixture    *f,
        gint64      id,
        int         year,
        const char *today,
        int        *out_year)
{
  g_autoptr(GError) error = NULL;
  GDate day = pl_test_date (today);
  gint64 request = pl_placement_repeat (f->db.store, id, year, &day, out_year, &error);

  g_assert_no_error (error);
  g_assert_cmpint (request, >, 0);
  return request;
}

static char *
stored (Fixture    *f,
        gint64      id,
        const char *column)
{
  return pl_test_stored_text (f->db.store, PL_TYPE_PLACEMENT, id, column);
}

/* The terms the request's window names, by label, comma-separated. */
static char *
term_labels (Fixture *f,
             gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) terms = NULL;
  GDate first, last;

  terms = pl_store_calendar_get_placement_window (f->db.store, id, &first, &last, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < terms->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "",
                            ((PlPeriod *) g_ptr_array_index (terms, i))->label);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* A spring-term placement becomes a request for next year's spring term,
 * which ends a week earlier because Easter does; the same person, host,
 * sector and planner, no days, and nothing of the original changed. */
static void
test_same_term (Fixture       *f,
                gconstpointer  data)
{
  static const char * const days[] = { "2026-03-10", "2026-03-11", NULL };
  gint64 source = add_placement (f, days);
  g_autofree char *labels = NULL;
  g_autofree char *status = NULL;
  g_autofree char *goals = NULL;
  g_auto(GStrv) new_days = NULL;
  g_autoptr(GArray) window = NULL;
  g_autoptr(GError) error = NULL;
  gint64 request;
  int year = 0;

  add_terms (f);
  request = repeat (f, source, 0, "2026-06-01", &year);

  g_assert_cmpint (year, ==, 2026);
  labels = term_labels (f, request);
  g_assert_cmpstr (labels, ==, "Spring term 2027");
  window = pl_calendar_placement_window (f->db.store, request, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (window->len, ==, 1);

  status = stored (f, request, "status");
  g_assert_cmpstr (status, ==, "request");
  goals = stored (f, request, "goals");
  g_assert_cmpstr (goals, ==, "See a banqueting kitchen at full stretch");
  g_assert_cmpint (pl_test_query_int (f->db.store, "SELECT aims FROM placement WHERE id = ?1",
                                      request), ==, 5);
  g_assert_cmpint (pl_test_query_int (f->db.store,
                                      "SELECT employer_id FROM placement WHERE id = ?1",
                                      request), ==, f->host);
  g_assert_cmpint (pl_test_query_int (f->db.store,
                                      "SELECT staff_id FROM placement WHERE id = ?1",
                                      request), ==, f->staff);
  g_assert_cmpint (pl_test_query_int (f->db.store,
                                      "SELECT length FROM placement WHERE id = ?1",
                                      request), ==, 2);
  g_assert_null (stored (f, request, "window_start"));
  new_days = pl_store_get_days (f->db.store, request);
  g_assert_cmpuint (g_strv_length (new_days), ==, 0);

  /* Made through the one path a request is born by: it has a history. */
  g_assert_cmpint (pl_test_query_int (f->db.store, "SELECT count(*) FROM placement_event"
                                      " WHERE placement_id = ?1 AND to_status = 'request'",
                                      request), ==, 1);
  g_assert_cmpint (pl_test_query_int (f->db.store, "SELECT count(*) FROM placement_day"
                                      " WHERE placement_id = ?1", source), ==, 2);
}

/* A term already begun is no window for a request: the default year is
 * the next one, and the year may be given. */
static void
test_default_year (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const days[] = { "2025-11-05", NULL };
  gint64 source = add_placement (f, days);
  g_autofree char *autumn = NULL;
  g_autofree char *start = NULL;
  gint64 request;
  int year = 0;

  add_terms (f);

  request = repeat (f, source, 0, "2026-08-20", &year);
  g_assert_cmpint (year, ==, 2026);
  autumn = term_labels (f, request);
  g_assert_cmpstr (autumn, ==, "Autumn term 2026");

  /* Once the autumn term has begun, next year's; there are no terms for
   * it yet, so the day moves on a year (a Friday in 2027). */
  request = repeat (f, source, 0, "2026-10-01", &year);
  g_assert_cmpint (year, ==, 2027);
  start = stored (f, request, "window_start");
  g_assert_cmpstr (start, ==, "2027-11-05");
}

/* Without terms the window's dates move on a year and off closed days: the
 * window over New Year opens after the Boxing Day holiday (Monday 28
 * December 2026) and closes before New Year's Day and the weekend. */
static void
test_year_boundary (Fixture       *f,
                    gconstpointer  data)
{
  gint64 source = add_placement (f, NULL);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gint64 request;
  int year = 0;

  pl_test_exec (f->db.store, "UPDATE placement SET window_start = ?2, window_end = '2026-01-02'"
                " WHERE id = ?1", source, "2025-12-28");

  request = repeat (f, source, 0, "2026-06-01", &year);
  g_assert_cmpint (year, ==, 2026);
  start = stored (f, request, "window_start");
  end = stored (f, request, "window_end");
  g_assert_cmpstr (start, ==, "2026-12-29");
  g_assert_cmpstr (end, ==, "2026-12-31");
}

/* A day a year on that is Good Friday moves past Easter Monday; a window
 * keeps room for the placement's two days. */
static void
test_easter (Fixture       *f,
             gconstpointer  data)
{
  static const char * const days[] = { "2026-03-26", NULL };
  static const char * const pair[] = { "2026-03-25", "2026-03-26", NULL };
  gint64 one = add_placement (f, days);
  gint64 two = add_placement (f, pair);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *start2 = NULL;
  g_autofree char *end2 = NULL;
  gint64 request;

  pl_test_exec (f->db.store, "UPDATE placement SET length = 1 WHERE id = ?1", one, NULL);
  request = repeat (f, one, 0, "2026-06-01", NULL);
  start = stored (f, request, "window_start");
  end = stored (f, request, "window_end");
  g_assert_cmpstr (start, ==, "2027-03-30");
  g_assert_cmpstr (end, ==, "2027-03-30");

  /* Thursday 25 March 2027 is open, Good Friday is not: the window stretches
   * past Easter to hold two days. */
  request = repeat (f, two, 0, "2026-06-01", NULL);
  start2 = stored (f, request, "window_start");
  end2 = stored (f, request, "window_end");
  g_assert_cmpstr (start2, ==, "2027-03-25");
  g_assert_cmpstr (end2, ==, "2027-03-30");
}

/* What cannot be repeated says why and writes nothing. */
static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  static const char * const days[] = { "2026-03-10", NULL };
  gint64 proposed = pl_test_placement (f->db.store, f->staff, f->host, "proposed", days);
  gint64 done = add_placement (f, days);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) year_error = NULL;
  gint64 before = pl_test_select_int (f->db.store, "SELECT count(*) FROM placement");
  GDate today = pl_test_date ("2026-06-01");

  g_assert_cmpint (pl_placement_repeat (f->db.store, proposed, 0, &today, NULL, &error), ==, 0);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED);
  g_assert_nonnull (strstr (error->message, "only a completed, cascaded or evaluated"));

  g_assert_cmpint (pl_placement_repeat (f->db.store, done, 2025, &today, NULL, &year_error),
                   ==, 0);
  g_assert_error (year_error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_nonnull (strstr (year_error->message, "was in 2025/26"));

  g_assert_cmpint (pl_test_select_int (f->db.store, "SELECT count(*) FROM placement"), ==,
                   before);
}

/* `repeat ID --year` prints the new request; --json for scripts. */
static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  static const char * const days[] = { "2026-03-10", NULL };
  gint64 source = add_placement (f, days);
  g_autofree char *id_text = NULL;
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) json = { 0 };
  g_auto(PlTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  add_terms (f);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, source);

  pl_test_run_cli (&run, f->db.path, "repeat", id_text, "--year", "2026/27", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "for 2026/27: Amira Okafor, Keel and Anchor Hotel, "
                                     "Catering and Hospitality; window Spring term 2027"));

  pl_test_run_cli (&json, f->db.path, "repeat", id_text, "--year", "2027/28", "--json", NULL);
  g_assert_cmpint (json.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json.out, -1, &error));
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (object, "repeats"), ==, source);
  g_assert_cmpstr (json_object_get_string_member (object, "year"), ==, "2027/28");
  g_assert_cmpstr (json_object_get_string_member (object, "window_start"), ==, "2028-03-10");
  g_assert_cmpstr (json_object_get_string_member (object, "employer"), ==,
                   "Keel and Anchor Hotel");

  pl_test_run_cli (&bad, f->db.path, "repeat", id_text, "--year", "2027", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "“2027” is not an academic year"));
}

static gboolean
invited (GPtrArray *list,
         gint64     employer,
         gint64     hosted)
{
  for (guint i = 0; i < list->len; i++)
    {
      PlInviteBack *item = g_ptr_array_index (list, i);

      if (item->employer_id == employer)
        return item->hosted == hosted;
    }

  return FALSE;
}

static GPtrArray *
invite_back (Fixture    *f,
             const char *today)
{
  g_autoptr(GError) error = NULL;
  GDate day = pl_test_date (today);
  GPtrArray *list = pl_store_list_invite_back (f->db.store, &day, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* Last academic year's hosts with nothing this year; a request for them
 * (Repeat Next Year's) takes them off the list. */
static void
test_invite_back (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const last_year[] = { "2026-03-10", NULL };
  static const char * const also_last[] = { "2025-11-12", NULL };
  static const char * const older[] = { "2025-03-10", NULL };
  static const char * const this_year[] = { "2026-10-05", NULL };
  static const char * const coming[] = { "2026-12-01", NULL };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 again = pl_test_employer (f->db.store, "Harbour Hotel", "host");
  gint64 asked = pl_test_employer (f->db.store, "Anchor Bakery", "host");
  gint64 fell_through = pl_test_employer (f->db.store, "Quayside Kitchen", "host");
  gint64 long_ago = pl_test_employer (f->db.store, "Dockside Diner", "host");
  gint64 booked = pl_test_employer (f->db.store, "Saltmarsh Table", "host");
  gint64 source;

  source = pl_test_placement (f->db.store, f->staff, again, "evaluated", last_year);
  pl_test_placement (f->db.store, f->staff, again, "cascaded", also_last);
  pl_test_placement (f->db.store, f->staff, asked, "evaluated", last_year);
  pl_test_placement (f->db.store, f->staff, asked, "request", NULL);
  pl_test_placement (f->db.store, f->staff, fell_through, "completed", last_year);
  pl_test_placement (f->db.store, f->staff, fell_through, "cancelled", coming);
  pl_test_placement (f->db.store, f->staff, long_ago, "evaluated", older);
  pl_test_placement (f->db.store, f->staff, booked, "evaluated", last_year);
  pl_test_placement (f->db.store, f->staff, booked, "confirmed", this_year);

  list = invite_back (f, "2026-11-22");
  g_assert_true (invited (list, again, 2));
  g_assert_true (invited (list, fell_through, 1));
  g_assert_false (invited (list, asked, 1));
  g_assert_false (invited (list, long_ago, 1));
  g_assert_false (invited (list, booked, 1));
  g_assert_cmpuint (list->len, ==, 2);

  repeat (f, source, 0, "2026-11-22", NULL);
  after = invite_back (f, "2026-11-22");
  g_assert_false (invited (after, again, 2));
  g_assert_cmpuint (after->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)

  ADD ("/repeat/same-term", test_same_term);
  ADD ("/repeat/default-year", test_default_year);
  ADD ("/repeat/year-boundary", test_year_boundary);
  ADD ("/repeat/easter", test_easter);
  ADD ("/repeat/refused", test_refused);
  ADD ("/repeat/cli", test_cli);
  ADD ("/repeat/invite-back", test_invite_back);

  return g_test_run ();
}
