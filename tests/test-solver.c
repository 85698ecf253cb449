/* test-solver.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdarg.h>
#include <string.h>

#include "pl-date.h"
#include "pl-problem.h"
#include "pl-sample.h"
#include "pl-schedule.h"
#include "pl-solver.h"
#include "pl-store.h"
#include "pl-store-appetite.h"
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* Each test builds a small network in its own database. Today is Sunday
 * 22 November 2026 and the lead time is six weeks, so nothing may start
 * before Monday 4 January 2027. The base case places Ana Costa (Humber
 * College, Digital, no teaching days) with Pixelwharf Software (Digital,
 * capacity 1) for one day in the week of 1 March 2027; each rule test
 * changes one thing and checks that that rule alone now blocks her, and
 * that the explanation says so. */

typedef struct
{
  char    *dir;
  char    *path;
  PlStore *store;
  gint64   partner;
  gint64   ana;
  gint64   pixelwharf;
  gint64   request;
} Net;

static gint64
sql (PlStore    *store,
     const char *format,
     ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  pl_store_exec (store, text, &error);
  g_assert_no_error (error);
  return sqlite3_last_insert_rowid (pl_store_get_sqlite (store));
}

static gint64
sector (PlStore    *store,
        const char *name)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT id FROM sector WHERE name = ?", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gint64
add_staff (Net        *net,
           const char *name,
           int         teaching_days)
{
  return sql (net->store,
              "INSERT INTO staff (partner_id, name, sector_id, teaching_days)"
              " VALUES (%" G_GINT64_FORMAT ", '%s', %" G_GINT64_FORMAT ", %d)",
              net->partner, name, sector (net->store, "Digital"), teaching_days);
}

static gint64
add_employer (Net        *net,
              const char *name,
              const char *sector_name,
              int         capacity,
              const char *relationship)
{
  return sql (net->store,
              "INSERT INTO employer (name, sector_id, capacity, relationship)"
              " VALUES ('%s', %" G_GINT64_FORMAT ", %d, '%s')",
              name, sector (net->store, sector_name), capacity, relationship);
}

static gint64
add_request (Net        *net,
             gint64      staff,
             const char *sector_name,
             const char *first,
             const char *last,
             int         length)
{
  return sql (net->store,
              "INSERT INTO placement (staff_id, sector_id, status, window_start, window_end, length)"
              " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'request', '%s', '%s', %d)",
              staff, sector (net->store, sector_name), first, last, length);
}

/* A confirmed placement on @days (a NULL-terminated list). */
static gint64
add_confirmed (Net        *net,
               gint64      staff,
               gint64      employer,
               const char *sector_name,
               ...)
{
  const char *day;
  va_list args;
  gint64 id;

  id = sql (net->store,
            "INSERT INTO placement (staff_id, employer_id, sector_id, status)"
            " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'confirmed')",
            staff, employer, sector (net->store, sector_name));
  va_start (args, sector_name);
  while ((day = va_arg (args, const char *)) != NULL)
    sql (net->store, "INSERT INTO placement_day (placement_id, day) VALUES (%" G_GINT64_FORMAT
         ", '%s')", id, day);
  va_end (args);
  return id;
}

static void
add_period (Net        *net,
            const char *owner_kind,
            gint64      owner,
            const char *kind,
            const char *first,
            const char *last)
{
  const char *column = g_str_equal (owner_kind, "partner") ? "partner_id"
                       : g_str_equal (owner_kind, "employer") ? "employer_id" : "staff_id";

  sql (net->store,
       "INSERT INTO calendar_period (owner_kind, %s, kind, label, start_date, end_date)"
       " VALUES ('%s', %" G_GINT64_FORMAT ", '%s', 'Test', '%s', '%s')",
       column, owner_kind, owner, kind, first, last);
}

static void
net_open_empty (Net *net)
{
  g_autoptr(GError) error = NULL;

  net->dir = g_dir_make_tmp ("placements-solver-XXXXXX", &error);
  g_assert_no_error (error);
  net->path = g_build_filename (net->dir, "solver.db", NULL);
  net->store = pl_store_open (net->path, &error);
  g_assert_no_error (error);
}

static void
net_open (Net *net)
{
  net_open_empty (net);
  net->partner = sql (net->store, "INSERT INTO partner (name) VALUES ('Humber College')");
}

/* The base case: one request that fits. */
static void
net_base (Net *net)
{
  net_open (net);
  net->ana = add_staff (net, "Ana Costa", 0);
  net->pixelwharf = add_employer (net, "Pixelwharf Software", "Digital", 1, "host");
  net->request = add_request (net, net->ana, "Digital", "2027-03-01", "2027-03-05", 1);
}

static void
net_close (Net *net)
{
  g_clear_object (&net->store);
  pl_test_remove_folder (net->dir);
  g_free (net->path);
  g_free (net->dir);
}

static void
today (GDate *date)
{
  g_assert_true (pl_date_parse ("2026-11-22", date));
}

static PlScheduleResult *
plan_with (PlStore  *store,
           guint32   seed)
{
  g_autoptr(GError) error = NULL;
  PlScheduleOptions options = { 0 };
  PlScheduleResult *result;
  GDate date;

  today (&date);
  options.seed = seed;
  result = pl_schedule_run (store, &date, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static PlScheduleResult *
plan (PlStore *store)
{
  return plan_with (store, 0);
}

static const PlProposal *
find (GPtrArray *proposals,
      gint64     id)
{
  for (guint i = 0; i < proposals->len; i++)
    if (((PlProposal *) proposals->pdata[i])->placement_id == id)
      return proposals->pdata[i];
  return NULL;
}

/* Asserts that @id is not placed, for @rule, with an explanation holding
 * every one of the NULL-terminated phrases. */
static void
assert_blocked (PlStore *store,
                gint64   id,
                PlRule   rule,
                ...)
{
  g_autoptr(PlScheduleResult) result = plan (store);
  const PlProposal *proposal = find (result->unplaced, id);
  const char *phrase;
  va_list args;

  g_assert_null (find (result->placed, id));
  g_assert_nonnull (proposal);
  g_test_message ("%s: %s", pl_rule_to_string (proposal->rule), proposal->reason);
  g_assert_cmpstr (pl_rule_to_string (proposal->rule), ==, pl_rule_to_string (rule));

  va_start (args, rule);
  while ((phrase = va_arg (args, const char *)) != NULL)
    if (strstr (proposal->reason, phrase) == NULL)
      g_error ("“%s” does not say “%s”", proposal->reason, phrase);
  va_end (args);
}

static void
test_base_placed (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  const PlProposal *proposal;
  Net net = { 0 };

  net_base (&net);
  result = plan (net.store);
  g_assert_cmpuint (result->placed->len, ==, 1);
  g_assert_cmpuint (result->unplaced->len, ==, 0);
  proposal = find (result->placed, net.request);
  g_assert_nonnull (proposal);
  g_assert_cmpstr (proposal->employer_name, ==, "Pixelwharf Software");
  /* Sooner is better: the first day of the window. */
  g_assert_cmpstr (proposal->days[0], ==, "2027-03-01");
  g_assert_null (proposal->days[1]);
  net_close (&net);
}

static void
test_rule_sector (void)
{
  Net net = { 0 };

  net_base (&net);
  sql (net.store, "UPDATE placement SET sector_id = %" G_GINT64_FORMAT " WHERE id = %"
       G_GINT64_FORMAT, sector (net.store, "Health and Science"), net.request);
  assert_blocked (net.store, net.request, PL_RULE_SECTOR,
                  "No employer works in the Health and Science sector", NULL);

  /* An employer chosen by hand must be of the request's sector too. */
  sql (net.store, "UPDATE placement SET sector_id = %" G_GINT64_FORMAT ", employer_id = %"
       G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
       sector (net.store, "Construction"), net.pixelwharf, net.request);
  add_employer (&net, "Barrowby Builders", "Construction", 1, "host");
  assert_blocked (net.store, net.request, PL_RULE_SECTOR,
                  "Pixelwharf Software works in Digital, not in Construction", NULL);
  net_close (&net);
}

static void
test_rule_window (void)
{
  Net net = { 0 };

  net_base (&net);
  /* Four working days cannot hold five in a row. */
  sql (net.store, "UPDATE placement SET window_end = '2027-03-04', length = 5 WHERE id = %"
       G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_WINDOW,
                  "The window from 1 to 4 March 2027 does not hold 5 consecutive working days",
                  NULL);

  sql (net.store, "UPDATE placement SET window_start = '2026-10-05', window_end = '2026-10-09',"
       " length = 1 WHERE id = %" G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_WINDOW, "has already passed", NULL);
  net_close (&net);
}

/* A run of working days steps over weekends and bank holidays, but not
 * over days the staff member cannot come. */
static void
test_consecutive_working_days (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  const PlProposal *proposal;
  Net net = { 0 };

  net_base (&net);
  /* Thursday 25 March to Wednesday 31 March 2027 holds Good Friday (26th)
   * and Easter Monday (29th): three working days, 25, 30 and 31. */
  sql (net.store, "UPDATE placement SET window_start = '2027-03-25', window_end = '2027-03-31',"
       " length = 3 WHERE id = %" G_GINT64_FORMAT, net.request);
  result = plan (net.store);
  proposal = find (result->placed, net.request);
  g_assert_nonnull (proposal);
  g_assert_cmpstr (proposal->days[0], ==, "2027-03-25");
  g_assert_cmpstr (proposal->days[1], ==, "2027-03-30");
  g_assert_cmpstr (proposal->days[2], ==, "2027-03-31");
  g_assert_null (proposal->days[3]);
  net_close (&net);
}

static void
test_rule_lead_time (void)
{
  Net net = { 0 };

  net_base (&net);
  sql (net.store, "UPDATE placement SET window_start = '2026-12-07', window_end = '2026-12-18'"
       " WHERE id = %" G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_LEAD_TIME,
                  "The lead time of 6 weeks rules out everything before 4 January 2027", NULL);
  net_close (&net);

  /* An employer's own notice counts when it is longer. */
  net_base (&net);
  sql (net.store, "UPDATE employer SET notice_weeks = 20 WHERE id = %" G_GINT64_FORMAT,
       net.pixelwharf);
  assert_blocked (net.store, net.request, PL_RULE_LEAD_TIME,
                  "Pixelwharf Software needs 20 weeks’ notice, which rules out everything before "
                  "12 April 2027", NULL);
  net_close (&net);
}

static void
test_rule_teaching_day (void)
{
  Net net = { 0 };

  net_base (&net);
  /* Mondays, Tuesdays and Thursdays: a two-day run needs Wednesday and
   * Thursday or Friday and Monday; neither fits. */
  sql (net.store, "UPDATE staff SET teaching_days = %d WHERE id = %" G_GINT64_FORMAT,
       1 | 2 | 8, net.ana);
  sql (net.store, "UPDATE placement SET length = 2 WHERE id = %" G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_TEACHING_DAY,
                  "Ana Costa teaches on Mondays, Tuesdays and Thursdays", NULL);
  net_close (&net);
}

static void
test_rule_unavailable (void)
{
  Net net = { 0 };

  net_base (&net);
  add_period (&net, "staff", net.ana, "unavailable", "2027-02-26", "2027-03-05");
  assert_blocked (net.store, net.request, PL_RULE_UNAVAILABLE,
                  "Ana Costa is unavailable from 26 February to 5 March 2027", NULL);
  net_close (&net);
}

static void
test_rule_partner_holiday (void)
{
  Net net = { 0 };

  net_base (&net);
  add_period (&net, "partner", net.partner, "holiday", "2027-03-01", "2027-03-05");
  assert_blocked (net.store, net.request, PL_RULE_PARTNER_HOLIDAY,
                  "Ana Costa is on holiday with Humber College from 1 to 5 March 2027", NULL);
  net_close (&net);
}

static void
test_rule_partner_exam (void)
{
  Net net = { 0 };

  net_base (&net);
  add_period (&net, "partner", net.partner, "exam", "2027-03-01", "2027-03-12");
  assert_blocked (net.store, net.request, PL_RULE_PARTNER_EXAM,
                  "Ana Costa has exams at Humber College from 1 to 12 March 2027", NULL);
  net_close (&net);
}

static void
test_rule_blackout (void)
{
  Net net = { 0 };
  gint64 brightwater;

  net_base (&net);
  add_period (&net, "employer", net.pixelwharf, "blackout", "2027-02-22", "2027-03-05");
  assert_blocked (net.store, net.request, PL_RULE_BLACKOUT,
                  "Pixelwharf Software is in blackout from 22 February to 5 March 2027", NULL);

  /* With a second Digital employer the request fits again, until that one
   * is in blackout over the same days too. */
  brightwater = add_employer (&net, "Brightwater Digital", "Digital", 1, "contacted");
  {
    g_autoptr(PlScheduleResult) result = plan (net.store);

    g_assert_cmpstr (((PlProposal *) result->placed->pdata[0])->employer_name, ==,
                     "Brightwater Digital");
  }
  add_period (&net, "employer", brightwater, "blackout", "2027-02-22", "2027-03-05");
  assert_blocked (net.store, net.request, PL_RULE_BLACKOUT,
                  "Every Digital employer is in blackout from 22 February to 5 March 2027", NULL);
  net_close (&net);
}

static void
set_appetite (PlStore    *store,
              gint64      employer,
              int         year,
              PlAppetite  state,
              const char *reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_store_set_appetite (store, employer, year, state, reason, &error));
  g_assert_no_error (error);
}

/* "Not this year" is a hard rule for that academic year only, and the
 * explanation gives the employer's own reason. */
static void
test_rule_not_this_year (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  Net net = { 0 };
  gint64 keel, chef, catering, next_year;

  net_base (&net);
  set_appetite (net.store, net.pixelwharf, 2026, PL_APPETITE_NOT_THIS_YEAR, "moving offices");
  assert_blocked (net.store, net.request, PL_RULE_NOT_THIS_YEAR,
                  "Pixelwharf Software said not this year: moving offices.", NULL);

  /* The next academic year is another matter. */
  next_year = add_request (&net, net.ana, "Digital", "2027-09-13", "2027-09-17", 1);
  result = plan (net.store);
  g_assert_null (find (result->placed, net.request));
  g_assert_nonnull (find (result->placed, next_year));
  g_assert_cmpstr (find (result->placed, next_year)->employer_name, ==, "Pixelwharf Software");
  g_clear_pointer (&result, pl_schedule_result_free);

  /* Forgetting it opens the year again. */
  set_appetite (net.store, net.pixelwharf, 2026, PL_APPETITE_UNKNOWN, NULL);
  result = plan (net.store);
  g_assert_nonnull (find (result->placed, net.request));
  g_clear_pointer (&result, pl_schedule_result_free);

  /* The case the coordinators asked about: the only catering host is
   * being refurbished. A blackout of the same days does not hide why. */
  keel = add_employer (&net, "Keel and Anchor Hotel", "Catering and Hospitality", 2, "host");
  chef = sql (net.store, "INSERT INTO staff (partner_id, name, sector_id) VALUES (%"
              G_GINT64_FORMAT ", 'Tom Reyes', %" G_GINT64_FORMAT ")",
              net.partner, sector (net.store, "Catering and Hospitality"));
  catering = add_request (&net, chef, "Catering and Hospitality", "2027-03-01", "2027-03-05", 2);
  set_appetite (net.store, keel, 2026, PL_APPETITE_NOT_THIS_YEAR, "refurbishment");
  add_period (&net, "employer", keel, "blackout", "2027-03-01", "2027-03-02");
  assert_blocked (net.store, catering, PL_RULE_NOT_THIS_YEAR,
                  "Keel and Anchor Hotel said not this year: refurbishment.", NULL);

  /* A placement already there breaks the rule once it is said: a re-plan
   * names it. */
  {
    g_autoptr(GError) error = NULL;
    PlScheduleOptions options = { 0 };
    GDate date;
    const PlProposal *proposal;

    set_appetite (net.store, keel, 2026, PL_APPETITE_UNKNOWN, NULL);
    sql (net.store, "UPDATE placement SET status = 'proposed', employer_id = %" G_GINT64_FORMAT
         " WHERE id = %" G_GINT64_FORMAT, keel, catering);
    sql (net.store, "INSERT INTO placement_day (placement_id, day) VALUES (%" G_GINT64_FORMAT
         ", '2027-03-04')", catering);
    sql (net.store, "INSERT INTO placement_day (placement_id, day) VALUES (%" G_GINT64_FORMAT
         ", '2027-03-05')", catering);
    set_appetite (net.store, keel, 2026, PL_APPETITE_NOT_THIS_YEAR, "refurbishment");

    today (&date);
    options.replan = TRUE;
    result = pl_schedule_run (net.store, &date, &options, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    proposal = find (result->unplaced, catering);
    if (proposal == NULL)
      proposal = find (result->placed, catering);
    g_assert_nonnull (proposal);
    g_assert_cmpstr (pl_rule_to_string (proposal->rule), ==, "not_this_year");
  }
  net_close (&net);
}

/* Of two employers that score the same, the one that wants to host comes
 * first: actively looking before interested before nothing said. */
static void
test_appetite_preference (void)
{
  g_autoptr(GError) error = NULL;
  Net net = { 0 };
  gint64 brightwater;
  GDate date;

  net_base (&net);
  brightwater = add_employer (&net, "Brightwater Digital", "Digital", 1, "host");
  today (&date);

  /* Equal in everything: the name decides. */
  {
    g_autoptr(GPtrArray) suggestions = pl_schedule_suggest (net.store, net.request, &date, NULL,
                                                             0, 6, &error);
    g_autoptr(PlScheduleResult) result = plan (net.store);

    g_assert_no_error (error);
    g_assert_cmpint (((PlSuggestion *) suggestions->pdata[0])->score, ==,
                     ((PlSuggestion *) suggestions->pdata[1])->score);
    g_assert_cmpstr (((PlSuggestion *) suggestions->pdata[0])->employer_name, ==,
                     "Brightwater Digital");
    g_assert_cmpstr (find (result->placed, net.request)->employer_name, ==,
                     "Brightwater Digital");
  }

  set_appetite (net.store, net.pixelwharf, 2026, PL_APPETITE_INTERESTED, NULL);
  {
    g_autoptr(GPtrArray) suggestions = pl_schedule_suggest (net.store, net.request, &date, NULL,
                                                             0, 6, &error);
    g_autoptr(PlScheduleResult) result = plan (net.store);
    PlSuggestion *first;

    g_assert_no_error (error);
    first = suggestions->pdata[0];
    g_assert_cmpstr (first->employer_name, ==, "Pixelwharf Software");
    g_assert_cmpstr (first->days[0], ==, "2027-03-01");
    g_assert_true (g_strv_contains ((const char * const *) first->reasons,
                                    "Interested this year"));
    g_assert_cmpstr (((PlSuggestion *) suggestions->pdata[1])->employer_name, ==,
                     "Brightwater Digital");
    g_assert_cmpstr (find (result->placed, net.request)->employer_name, ==,
                     "Pixelwharf Software");
  }

  set_appetite (net.store, brightwater, 2026, PL_APPETITE_LOOKING, NULL);
  {
    g_autoptr(GPtrArray) suggestions = pl_schedule_suggest (net.store, net.request, &date, NULL,
                                                             0, 6, &error);
    g_autoptr(PlScheduleResult) result = plan (net.store);
    PlSuggestion *first;

    g_assert_no_error (error);
    first = suggestions->pdata[0];
    g_assert_cmpstr (first->employer_name, ==, "Brightwater Digital");
    g_assert_true (g_strv_contains ((const char * const *) first->reasons,
                                    "Actively looking this year"));
    g_assert_cmpstr (find (result->placed, net.request)->employer_name, ==,
                     "Brightwater Digital");
  }

  /* A preference never outweighs points: a day in Brightwater's busy
   * season costs more than its appetite is worth. */
  add_period (&net, "employer", brightwater, "busy", "2027-03-01", "2027-03-05");
  {
    g_autoptr(GPtrArray) suggestions = pl_schedule_suggest (net.store, net.request, &date, NULL,
                                                             0, 6, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (((PlSuggestion *) suggestions->pdata[0])->employer_name, ==,
                     "Pixelwharf Software");
  }
  net_close (&net);
}

static void
test_rule_capacity (void)
{
  Net net = { 0 };
  gint64 ben;

  net_base (&net);
  ben = add_staff (&net, "Ben Okafor", 0);
  add_confirmed (&net, ben, net.pixelwharf, "Digital", "2027-03-01", "2027-03-02", "2027-03-03",
                 "2027-03-04", "2027-03-05", NULL);
  assert_blocked (net.store, net.request, PL_RULE_CAPACITY,
                  "Pixelwharf Software has no capacity left on any remaining day of the window",
                  NULL);

  /* Room for two: the same week now fits. */
  sql (net.store, "UPDATE employer SET capacity = 2 WHERE id = %" G_GINT64_FORMAT,
       net.pixelwharf);
  {
    g_autoptr(PlScheduleResult) result = plan (net.store);

    g_assert_nonnull (find (result->placed, net.request));
  }
  net_close (&net);
}

static void
test_rule_double_booked (void)
{
  Net net = { 0 };
  gint64 other;

  net_base (&net);
  other = add_employer (&net, "Barrowby Builders", "Construction", 1, "host");
  add_confirmed (&net, net.ana, other, "Construction", "2027-03-01", "2027-03-02", "2027-03-03",
                 "2027-03-04", "2027-03-05", NULL);
  assert_blocked (net.store, net.request, PL_RULE_DOUBLE_BOOKED,
                  "Ana Costa is already placed elsewhere from 1 to 5 March 2027", NULL);
  net_close (&net);
}

/* Two placements that overlap on Wednesday fill an employer of capacity 2
 * that day only: a one-day request goes on Tuesday, not Wednesday, and a
 * three-day one from Tuesday to Thursday cannot fit at all. */
static void
test_capacity_overlapping (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  const PlProposal *proposal;
  Net net = { 0 };
  gint64 ben, cara, three;

  net_base (&net);
  sql (net.store, "UPDATE employer SET capacity = 2 WHERE id = %" G_GINT64_FORMAT,
       net.pixelwharf);
  sql (net.store, "UPDATE placement SET window_start = '2027-03-02', window_end = '2027-03-04'"
       " WHERE id = %" G_GINT64_FORMAT, net.request);
  ben = add_staff (&net, "Ben Okafor", 0);
  cara = add_staff (&net, "Cara Lewis", 0);
  add_confirmed (&net, ben, net.pixelwharf, "Digital", "2027-03-01", "2027-03-03", NULL);
  add_confirmed (&net, cara, net.pixelwharf, "Digital", "2027-03-03", "2027-03-05", NULL);
  {
    /* Ben Mon and Wed, Cara Wed and Fri: on Wednesday 3 March both. */
    g_autoptr(PlScheduleResult) first = plan (net.store);

    proposal = find (first->placed, net.request);
    g_assert_nonnull (proposal);
    g_assert_cmpstr (proposal->days[0], ==, "2027-03-02");
  }

  sql (net.store, "UPDATE placement SET window_start = '2027-03-03', window_end = '2027-03-03'"
       " WHERE id = %" G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_CAPACITY, "no capacity left", NULL);

  sql (net.store, "UPDATE placement SET window_start = '2027-03-02', window_end = '2027-03-04',"
       " length = 3 WHERE id = %" G_GINT64_FORMAT, net.request);
  assert_blocked (net.store, net.request, PL_RULE_CAPACITY, "no capacity left", NULL);

  /* Placements of the same plan count too. */
  sql (net.store, "DELETE FROM placement WHERE id = %" G_GINT64_FORMAT, net.request);
  three = add_request (&net, ben, "Digital", "2027-03-08", "2027-03-08", 1);
  add_request (&net, cara, "Digital", "2027-03-08", "2027-03-08", 1);
  add_request (&net, net.ana, "Digital", "2027-03-08", "2027-03-08", 1);
  result = plan (net.store);
  g_assert_cmpuint (result->placed->len, ==, 2);
  g_assert_cmpuint (result->unplaced->len, ==, 1);
  proposal = result->unplaced->pdata[0];
  g_assert_cmpint (proposal->rule, ==, PL_RULE_CAPACITY);
  (void) three;
  net_close (&net);
}

static void
test_no_double_booking (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  Net net = { 0 };
  gint64 second;

  net_base (&net);
  add_employer (&net, "Brightwater Digital", "Digital", 3, "warm");
  sql (net.store, "UPDATE employer SET capacity = 3 WHERE id = %" G_GINT64_FORMAT,
       net.pixelwharf);
  sql (net.store, "UPDATE placement SET window_end = '2027-03-01' WHERE id = %" G_GINT64_FORMAT,
       net.request);
  second = add_request (&net, net.ana, "Digital", "2027-03-01", "2027-03-01", 1);

  /* Room at both employers, but Ana cannot be in two places. */
  result = plan (net.store);
  g_assert_cmpuint (result->placed->len, ==, 1);
  g_assert_cmpuint (result->unplaced->len, ==, 1);
  g_assert_cmpint (((PlProposal *) result->unplaced->pdata[0])->rule, ==, PL_RULE_DOUBLE_BOOKED);
  g_clear_pointer (&result, pl_schedule_result_free);

  /* With two days to choose from, both fit, on different days. */
  sql (net.store, "UPDATE placement SET window_end = '2027-03-02' WHERE id IN (%" G_GINT64_FORMAT
       ", %" G_GINT64_FORMAT ")", net.request, second);
  result = plan (net.store);
  g_assert_cmpuint (result->placed->len, ==, 2);
  g_assert_cmpstr (((PlProposal *) result->placed->pdata[0])->days[0], !=,
                   ((PlProposal *) result->placed->pdata[1])->days[0]);
  net_close (&net);
}

/* A network where employers are short: twelve staff, four employers of
 * capacity 1 or 2, windows of one or two weeks, some blackouts. */
static void
build_tight (Net      *net,
             gboolean  reversed)
{
  static const char * const staff[] = {
    "Ana Costa", "Ben Okafor", "Cara Lewis", "Dev Patel", "Ema Novak", "Finn Doyle",
    "Gita Rao", "Hugo Marsh", "Ines Silva", "Jon Berg", "Kai Moore", "Lea Roth",
  };
  static const struct { const char *name; int capacity; const char *relationship; } employers[] = {
    { "Pixelwharf Software", 1, "host" },
    { "Brightwater Digital", 1, "warm" },
    { "Estuary Data Systems", 2, "contacted" },
    { "Harbour Code", 1, "prospect" },
  };
  gint64 staff_ids[G_N_ELEMENTS (staff)];
  gint64 employer_ids[G_N_ELEMENTS (employers)];

  net_open (net);
  for (guint k = 0; k < G_N_ELEMENTS (employers); k++)
    {
      guint i = reversed ? G_N_ELEMENTS (employers) - 1 - k : k;

      employer_ids[i] = add_employer (net, employers[i].name, "Digital", employers[i].capacity,
                                      employers[i].relationship);
    }
  add_period (net, "employer", employer_ids[1], "blackout", "2027-03-08", "2027-03-12");
  add_period (net, "employer", employer_ids[0], "busy", "2027-03-01", "2027-03-03");

  for (guint k = 0; k < G_N_ELEMENTS (staff); k++)
    {
      guint i = reversed ? G_N_ELEMENTS (staff) - 1 - k : k;

      staff_ids[i] = add_staff (net, staff[i], (i % 3 == 0) ? 1 : (i % 3 == 1) ? 16 : 0);
    }
  for (guint k = 0; k < G_N_ELEMENTS (staff); k++)
    {
      guint i = reversed ? G_N_ELEMENTS (staff) - 1 - k : k;

      add_request (net, staff_ids[i], "Digital", i % 2 ? "2027-03-01" : "2027-03-08",
                   i % 4 < 2 ? "2027-03-12" : "2027-03-19", 1 + i % 3);
    }
}

/* Staff name → "employer day day…", the plan in words. */
static GHashTable *
plan_by_staff (PlScheduleResult *result)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < result->placed->len; i++)
    {
      const PlProposal *proposal = result->placed->pdata[i];
      g_autofree char *days = g_strjoinv (" ", proposal->days);

      g_hash_table_insert (table, g_strdup (proposal->staff_name),
                           g_strdup_printf ("%s %s", proposal->employer_name, days));
    }
  return table;
}

static void
assert_same_plan (PlScheduleResult *a,
                  PlScheduleResult *b)
{
  g_autoptr(GHashTable) x = plan_by_staff (a);
  g_autoptr(GHashTable) y = plan_by_staff (b);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_cmpuint (g_hash_table_size (x), ==, g_hash_table_size (y));
  g_assert_cmpint (a->score, ==, b->score);
  g_hash_table_iter_init (&iter, x);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_cmpstr (value, ==, g_hash_table_lookup (y, key));
}

static void
test_determinism (void)
{
  g_autoptr(PlScheduleResult) first = NULL;
  g_autoptr(PlScheduleResult) again = NULL;
  g_autoptr(PlScheduleResult) reversed = NULL;
  g_autoptr(JsonNode) first_json = NULL;
  g_autoptr(JsonNode) again_json = NULL;
  Net net = { 0 }, other = { 0 };

  build_tight (&net, FALSE);
  first = plan_with (net.store, 7);
  again = plan_with (net.store, 7);
  first_json = pl_schedule_result_to_json (first);
  again_json = pl_schedule_result_to_json (again);
  g_assert_true (json_node_equal (first_json, again_json));
  g_assert_cmpuint (first->placed->len, >, 6);

  /* The same network typed in the opposite order: other ids, same plan. */
  build_tight (&other, TRUE);
  reversed = plan_with (other.store, 7);
  assert_same_plan (first, reversed);

  net_close (&net);
  net_close (&other);
}

/* Greedy construction takes the most constrained request first. Here that
 * is Ana's three-day request (two options: Pixelwharf, warm, or Harbour),
 * and her best option, Pixelwharf, is the only employer Ben may go to: the
 * greedy plan leaves Ben out, the full plan moves Ana to Harbour. */
static void
test_better_than_greedy (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlProblem) problem = NULL;
  g_autoptr(PlSolver) greedy = NULL;
  g_autoptr(PlSolver) full = NULL;
  PlSolveOptions options = { 0 };
  Net net = { 0 };
  gint64 ben, harbour;
  GDate date;

  net_base (&net);
  harbour = add_employer (&net, "Harbour Code", "Digital", 1, "prospect");
  sql (net.store, "UPDATE placement SET window_start = '2027-03-01', window_end = '2027-03-03',"
       " length = 3 WHERE id = %" G_GINT64_FORMAT, net.request);
  ben = add_staff (&net, "Ben Okafor", 0);
  sql (net.store,
       "INSERT INTO placement (staff_id, employer_id, sector_id, status, window_start, window_end)"
       " VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", 'request',"
       " '2027-03-01', '2027-03-03')", ben, net.pixelwharf, sector (net.store, "Digital"));

  today (&date);
  problem = pl_problem_new_for_store (net.store, &date, &error);
  g_assert_no_error (error);

  greedy = pl_solver_new (problem, PL_JOB_PLAN, -1);
  options.greedy_only = TRUE;
  g_assert_true (pl_solver_solve (greedy, &options, &error));
  g_assert_cmpuint (pl_solver_get_n_placed (greedy), ==, 1);

  full = pl_solver_new (problem, PL_JOB_PLAN, -1);
  options.greedy_only = FALSE;
  g_assert_true (pl_solver_solve (full, &options, &error));
  g_assert_cmpuint (pl_solver_get_n_placed (full), ==, 2);

  {
    gint p = pl_problem_find_placement (problem, net.request);
    guint e;

    g_assert_true (pl_solver_get_assignment (full, p, &e, NULL));
    g_assert_cmpint (problem->employers[e].id, ==, harbour);
  }
  net_close (&net);
}

static void
test_suggest_sorted (void)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) per_employer = g_hash_table_new (g_str_hash, g_str_equal);
  Net net = { 0 };
  GDate date;

  net_base (&net);
  add_employer (&net, "Brightwater Digital", "Digital", 1, "contacted");
  add_employer (&net, "Estuary Data Systems", "Digital", 2, "warm");
  add_period (&net, "employer", net.pixelwharf, "busy", "2027-03-01", "2027-03-02");

  today (&date);
  suggestions = pl_schedule_suggest (net.store, net.request, &date, NULL, 0, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (suggestions->len, ==, 8);

  for (guint i = 0; i < suggestions->len; i++)
    {
      PlSuggestion *suggestion = suggestions->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (per_employer, suggestion->employer_name));

      if (i > 0)
        g_assert_cmpint (suggestion->score, <=,
                         ((PlSuggestion *) suggestions->pdata[i - 1])->score);
      g_assert_nonnull (suggestion->reasons);
      g_assert_nonnull (suggestion->reasons[0]);
      g_hash_table_insert (per_employer, suggestion->employer_name, GUINT_TO_POINTER (n + 1));
      g_assert_cmpuint (n + 1, <=, 3);
    }

  /* Warm, free on Monday 1 March and no busy season: Estuary comes first. */
  g_assert_cmpstr (((PlSuggestion *) suggestions->pdata[0])->employer_name, ==,
                   "Estuary Data Systems");
  g_assert_cmpstr (((PlSuggestion *) suggestions->pdata[0])->days[0], ==, "2027-03-01");
  g_assert_true (g_strv_contains ((const char * const *)
                                  ((PlSuggestion *) suggestions->pdata[0])->reasons,
                                  "Earliest possible dates"));
  net_close (&net);
}

static void
test_apply_and_undo (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(PlScheduleUndo) undo = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_auto(GStrv) days = NULL;
  Net net = { 0 };
  GDate date;

  net_base (&net);
  today (&date);
  result = plan (net.store);
  g_assert_true (pl_schedule_apply (net.store, (PlProposal * const *) result->placed->pdata,
                                    result->placed->len, &date, &undo, &error));
  g_assert_no_error (error);

  placement = pl_store_get (net.store, PL_TYPE_PLACEMENT, net.request, &error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "proposed");
  g_assert_cmpint (pl_record_get_int (placement, "employer_id"), ==, net.pixelwharf);
  days = pl_store_get_days (net.store, net.request);
  g_assert_cmpstr (days[0], ==, "2027-03-01");
  g_assert_null (days[1]);
  g_clear_object (&placement);
  g_clear_pointer (&days, g_strfreev);

  /* Applying the same plan twice is refused as stale (it is no longer a
   * request), which tells a caller to plan again. */
  g_assert_false (pl_schedule_apply (net.store, (PlProposal * const *) result->placed->pdata,
                                     result->placed->len, &date, NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (pl_schedule_undo (net.store, undo, &error));
  g_assert_no_error (error);
  placement = pl_store_get (net.store, PL_TYPE_PLACEMENT, net.request, &error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "request");
  g_assert_cmpint (pl_record_get_int (placement, "employer_id"), ==, 0);
  days = pl_store_get_days (net.store, net.request);
  g_assert_null (days[0]);
  g_assert_cmpint (pl_store_count (net.store, PL_TYPE_PLACEMENT_EVENT), ==, 0);
  net_close (&net);
}

/* An agreed placement whose employer then closes for its week moves to
 * other days with the same employer; the rest stays where it was. */
static void
test_replan (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PlScheduleOptions options = { 0 };
  const PlProposal *proposal;
  Net net = { 0 };
  gint64 ben, kept, brightwater;
  GDate date;

  net_base (&net);
  brightwater = add_employer (&net, "Brightwater Digital", "Digital", 1, "warm");
  ben = add_staff (&net, "Ben Okafor", 0);
  sql (net.store, "UPDATE placement SET status = 'agreed', employer_id = %" G_GINT64_FORMAT
       " WHERE id = %" G_GINT64_FORMAT, net.pixelwharf, net.request);
  sql (net.store, "INSERT INTO placement_day VALUES (%" G_GINT64_FORMAT ", '2027-03-03')",
       net.request);
  kept = add_confirmed (&net, ben, brightwater, "Digital", "2027-03-03", NULL);
  sql (net.store, "UPDATE placement SET status = 'proposed' WHERE id = %" G_GINT64_FORMAT, kept);

  today (&date);
  options.replan = TRUE;
  result = pl_schedule_run (net.store, &date, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_movable, ==, 0);
  g_clear_pointer (&result, pl_schedule_result_free);

  add_period (&net, "employer", net.pixelwharf, "blackout", "2027-03-03", "2027-03-03");
  result = pl_schedule_run (net.store, &date, &options, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->n_movable, ==, 1);
  proposal = find (result->placed, net.request);
  g_assert_nonnull (proposal);
  g_assert_cmpint (proposal->rule, ==, PL_RULE_BLACKOUT);
  g_assert_cmpstr (proposal->employer_name, ==, "Pixelwharf Software");
  /* The nearest other day: Tuesday or Thursday. */
  g_assert_true (g_str_equal (proposal->days[0], "2027-03-02") ||
                 g_str_equal (proposal->days[0], "2027-03-04"));
  g_assert_cmpstr (proposal->old_days[0], ==, "2027-03-03");

  g_assert_true (pl_schedule_apply (net.store, (PlProposal * const *) result->placed->pdata,
                                    result->placed->len, &date, NULL, &error));
  g_assert_no_error (error);
  {
    g_auto(GStrv) days = pl_store_get_days (net.store, net.request);
    g_auto(GStrv) ben_days = pl_store_get_days (net.store, kept);

    g_assert_cmpstr (days[0], ==, proposal->days[0]);
    g_assert_cmpstr (ben_days[0], ==, "2027-03-03");
  }
  net_close (&net);
}

/* The preference weights are the network's settings. */
static void
test_weights (void)
{
  g_autoptr(GError) error = NULL;
  Net net = { 0 };

  net_base (&net);
  add_employer (&net, "Brightwater Digital", "Digital", 1, "prospect");
  add_period (&net, "employer", net.pixelwharf, "blackout", "2027-03-01", "2027-03-04");
  {
    /* Starting four days sooner outweighs a warm relationship. */
    g_autoptr(PlScheduleResult) result = plan (net.store);
    const PlProposal *proposal = find (result->placed, net.request);

    g_assert_cmpstr (proposal->employer_name, ==, "Brightwater Digital");
    g_assert_cmpstr (proposal->days[0], ==, "2027-03-01");
  }

  g_assert_true (pl_store_set_setting (net.store, "weight_warm", "10", &error));
  g_assert_no_error (error);
  {
    g_autoptr(PlScheduleResult) result = plan (net.store);
    const PlProposal *proposal = find (result->placed, net.request);

    g_assert_cmpstr (proposal->employer_name, ==, "Pixelwharf Software");
    g_assert_cmpstr (proposal->days[0], ==, "2027-03-05");
  }
  net_close (&net);
}

static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Net net = { 0 };
  GDate date;

  net_base (&net);
  today (&date);
  g_cancellable_cancel (cancellable);
  result = pl_schedule_run (net.store, &date, NULL, cancellable, NULL, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  net_close (&net);
}

/* The sample network: the lead time leaves the Digital request for
 * January, and the Health and Science request has no employer at all. */
static void
test_sample (void)
{
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  Net net = { 0 };
  GDate date;

  net_open_empty (&net);
  today (&date);
  g_assert_true (pl_sample_load (net.store, &date, &error));
  g_assert_no_error (error);

  result = plan (net.store);
  g_assert_cmpuint (result->n_movable, ==, 3);
  g_assert_cmpuint (result->placed->len, ==, 2);
  g_assert_cmpuint (result->unplaced->len, ==, 1);
  g_assert_cmpint (((PlProposal *) result->unplaced->pdata[0])->rule, ==, PL_RULE_SECTOR);
  for (guint i = 0; i < result->placed->len; i++)
    {
      PlProposal *proposal = result->placed->pdata[i];

      g_assert_cmpstr (proposal->days[0], >=, "2027-01-04");
    }
  net_close (&net);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *text)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_cli_schedule (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(PlTestRun) run = { 0 };
  Net net = { 0 };
  JsonObject *root;
  JsonArray *placed, *unplaced;
  JsonObject *item;
  gint64 natalie, unplaceable;

  net_base (&net);
  natalie = add_staff (&net, "Natalie Brennan", 0);
  unplaceable = add_request (&net, natalie, "Health and Science", "2027-03-01", "2027-03-05", 1);

  pl_test_run_cli (&run, net.path, "schedule", "--today", "2026-11-22", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  root = parse_object (parser, run.out);
  g_assert_cmpuint (json_object_get_size (root), ==, 2);
  placed = json_object_get_array_member (root, "placed");
  unplaced = json_object_get_array_member (root, "unplaced");
  g_assert_cmpuint (json_array_get_length (placed), ==, 1);
  g_assert_cmpuint (json_array_get_length (unplaced), ==, 1);

  item = json_array_get_object_element (placed, 0);
  g_assert_cmpint (json_object_get_int_member (item, "placement"), ==, net.request);
  g_assert_cmpstr (json_object_get_string_member (item, "employer"), ==, "Pixelwharf Software");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (item, "days")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (item, "days"), 0),
                   ==, "2027-03-01");

  item = json_array_get_object_element (unplaced, 0);
  g_assert_cmpint (json_object_get_int_member (item, "placement"), ==, unplaceable);
  g_assert_cmpstr (json_object_get_string_member (item, "rule"), ==, "sector");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "reason"), "Health and Science"));

  /* Nothing was written without --apply. */
  placement = pl_store_get (net.store, PL_TYPE_PLACEMENT, net.request, &error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "request");
  g_clear_object (&placement);

  pl_test_run_cli (&run, net.path, "schedule", "--today", "2026-11-22", "--apply", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "1 placement is now proposed"));

  placement = pl_store_get (net.store, PL_TYPE_PLACEMENT, net.request, &error);
  g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "proposed");
  g_assert_cmpint (pl_record_get_int (placement, "employer_id"), ==, net.pixelwharf);
  {
    g_auto(GStrv) days = pl_store_get_days (net.store, net.request);
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpstr (days[0], ==, "2027-03-01");
    g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (net.store),
                                         "SELECT changed_on, from_status, to_status FROM"
                                         " placement_event WHERE placement_id = ?", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    sqlite3_bind_int64 (stmt, 1, net.request);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "2026-11-22");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "request");
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "proposed");
  }

  /* The proposal now holds Pixelwharf's only place on 1 March. */
  {
    gint64 ben = add_staff (&net, "Ben Okafor", 0);
    gint64 next = add_request (&net, ben, "Digital", "2027-03-01", "2027-03-01", 1);

    pl_test_run_cli (&run, net.path, "schedule", "--today", "2026-11-22", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    root = parse_object (parser, run.out);
    unplaced = json_object_get_array_member (root, "unplaced");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "placed")), ==, 0);
    g_assert_cmpuint (json_array_get_length (unplaced), ==, 2);
    item = json_array_get_object_element (unplaced, 1);
    g_assert_cmpint (json_object_get_int_member (item, "placement"), ==, next);
    g_assert_cmpstr (json_object_get_string_member (item, "rule"), ==, "capacity");
  }

  pl_test_run_cli (&run, net.path, "schedule", "--today", "22 November", NULL);
  g_assert_cmpint (run.status, ==, 2);

  net_close (&net);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/solver/base-placed", test_base_placed);
  g_test_add_func ("/solver/rule/sector", test_rule_sector);
  g_test_add_func ("/solver/rule/window", test_rule_window);
  g_test_add_func ("/solver/rule/consecutive-working-days", test_consecutive_working_days);
  g_test_add_func ("/solver/rule/lead-time", test_rule_lead_time);
  g_test_add_func ("/solver/rule/teaching-day", test_rule_teaching_day);
  g_test_add_func ("/solver/rule/unavailable", test_rule_unavailable);
  g_test_add_func ("/solver/rule/partner-holiday", test_rule_partner_holiday);
  g_test_add_func ("/solver/rule/partner-exam", test_rule_partner_exam);
  g_test_add_func ("/solver/rule/blackout", test_rule_blackout);
  g_test_add_func ("/solver/rule/not-this-year", test_rule_not_this_year);
  g_test_add_func ("/solver/appetite-preference", test_appetite_preference);
  g_test_add_func ("/solver/rule/capacity", test_rule_capacity);
  g_test_add_func ("/solver/rule/double-booked", test_rule_double_booked);
  g_test_add_func ("/solver/capacity-overlapping", test_capacity_overlapping);
  g_test_add_func ("/solver/no-double-booking", test_no_double_booking);
  g_test_add_func ("/solver/determinism", test_determinism);
  g_test_add_func ("/solver/better-than-greedy", test_better_than_greedy);
  g_test_add_func ("/solver/suggest-sorted", test_suggest_sorted);
  g_test_add_func ("/solver/apply-and-undo", test_apply_and_undo);
  g_test_add_func ("/solver/replan", test_replan);
  g_test_add_func ("/solver/weights", test_weights);
  g_test_add_func ("/solver/cancelled", test_cancelled);
  g_test_add_func ("/solver/sample", test_sample);
  g_test_add_func ("/solver/cli-schedule", test_cli_schedule);

  return g_test_run ();
}
