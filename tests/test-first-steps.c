/* test-first-steps.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-terms.h"

/* What a new college starts from without the app: England's typical
 * terms, and the employers a request could go to. */

typedef PlTestCliDb Fixture;

static int
compare (const GDate *a,
         const GDate *b)
{
  return g_date_compare (a, b);
}

/* Terms run Monday to Friday, in order, with each half-term inside its
 * term and Easter between spring and summer, for years whose Easter falls
 * early and late. */
static void
test_academic_year (void)
{
  for (int year = 2024; year <= 2040; year++)
    {
      PlAcademicYear dates;

      pl_academic_year_england (year, &dates);
      g_assert_cmpint (dates.year, ==, year);
      g_assert_cmpint (g_date_get_year (&dates.term[0].start), ==, year);
      g_assert_cmpint (g_date_get_month (&dates.term[0].start), ==, G_DATE_SEPTEMBER);
      for (guint t = 0; t < 3; t++)
        {
          g_assert_cmpint (g_date_get_weekday (&dates.term[t].start), ==, G_DATE_MONDAY);
          g_assert_cmpint (g_date_get_weekday (&dates.term[t].end), ==, G_DATE_FRIDAY);
          g_assert_cmpint (compare (&dates.term[t].start, &dates.half_term[t].start), <, 0);
          g_assert_cmpint (compare (&dates.half_term[t].end, &dates.term[t].end), <, 0);
          g_assert_cmpint (g_date_days_between (&dates.half_term[t].start,
                                                &dates.half_term[t].end), ==, 4);
          if (t > 0)
            g_assert_cmpint (compare (&dates.term[t - 1].end, &dates.term[t].start), <, 0);
        }
      g_assert_cmpint (g_date_get_month (&dates.term[2].end), ==, G_DATE_JULY);
      g_assert_cmpint (compare (&dates.easter.start, &dates.easter.end), <, 0);
      g_assert_cmpint (g_date_get_weekday (&dates.half_term[2].start), ==, G_DATE_MONDAY);
      /* The May half-term holds the late May bank holiday, its last Monday. */
      g_assert_cmpint (g_date_get_day (&dates.half_term[2].start), >=, 25);
    }
}

static gboolean
has_partner (Fixture    *f,
             const char *partner)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *partners;

  pl_test_run_cli (&run, f->db, "list", "partners", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  partners = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (partners); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (partners, i),
                                                    "name"), partner))
      return TRUE;
  return FALSE;
}

static guint
added_of (const char *out)
{
  const char *colon = strstr (out, ": ");

  g_assert_nonnull (colon);
  return (guint) g_ascii_strtoull (colon + 2, NULL, 10);
}

static void
test_add_terms (Fixture       *f,
                gconstpointer  data)
{
  g_auto(PlTestRun) first = { 0 };
  g_auto(PlTestRun) again = { 0 };
  g_auto(PlTestRun) unknown = { 0 };
  g_auto(PlTestRun) usage = { 0 };

  g_auto(PlTestRun) import = { 0 };
  g_autofree char *csv = g_build_filename (f->dir, "partners.csv", NULL);

  /* A college new to the network, with no calendar yet. */
  g_assert_true (g_file_set_contents (csv, "name,kind,status,lead\n"
                                      "Riverside College,college,active,no\n", -1, NULL));
  pl_test_run_cli (&import, f->db, "import", "csv", "partners", csv, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_true (has_partner (f, "Riverside College"));

  /* Three terms and three half-terms, this academic year and the next. */
  pl_test_run_cli (&first, f->db, "add-terms", "england", "--partner", "Riverside College",
                   "--today", "2026-11-22", NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_cmpuint (added_of (first.out), ==, 12);

  /* Run again, it adds nothing twice. */
  pl_test_run_cli (&again, f->db, "add-terms", "england", "--partner", "Riverside College",
                   "--today", "2026-11-22", NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpuint (added_of (again.out), ==, 0);

  /* An unknown college is refused by name. */
  pl_test_run_cli (&unknown, f->db, "add-terms", "england", "--partner", "Nowhere College", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "Nowhere College"));

  pl_test_run_cli (&usage, f->db, "add-terms", "scotland", "--partner", "Dearneside College", NULL);
  g_assert_cmpint (usage.status, ==, 2);
}

/* The open requests of the sample, by staff name. */
static gint64
request_of (Fixture    *f,
            const char *staff)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *placements;

  pl_test_run_cli (&run, f->db, "list", "placements", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  placements = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (placements); i++)
    {
      JsonObject *p = json_array_get_object_element (placements, i);

      if (g_strcmp0 (json_object_get_string_member (p, "status"), "request") == 0 &&
          g_strcmp0 (json_object_get_string_member (p, "staff"), staff) == 0)
        return json_object_get_int_member (p, "id");
    }
  g_assert_not_reached ();
}

static void
test_employers_for (Fixture       *f,
                    gconstpointer  data)
{
  g_auto(PlTestRun) none = { 0 };
  g_auto(PlTestRun) json = { 0 };
  g_auto(PlTestRun) unknown = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *natalie = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              request_of (f, "Natalie Brennan"));
  g_autofree char *yusuf = g_strdup_printf ("%" G_GINT64_FORMAT, request_of (f, "Yusuf Demir"));
  JsonArray *fits;
  gboolean fitting = TRUE;

  /* Nobody works in Natalie's sector, and it says so. */
  pl_test_run_cli (&none, f->db, "employers-for", natalie, "--today", "2026-11-22", NULL);
  g_assert_cmpint (none.status, ==, 0);
  g_assert_nonnull (strstr (none.out, "No employer works in Health and Science"));

  /* Those that can take Yusuf's come first. */
  pl_test_run_cli (&json, f->db, "employers-for", yusuf, "--json", "--today", "2026-11-22",
                   NULL);
  g_assert_cmpint (json.status, ==, 0);
  json_parser_load_from_data (parser, json.out, -1, &error);
  g_assert_no_error (error);
  fits = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (fits), >, 0);
  for (guint i = 0; i < json_array_get_length (fits); i++)
    {
      JsonObject *fit = json_array_get_object_element (fits, i);
      gboolean fits_now = json_object_get_boolean_member (fit, "fits");

      g_assert_true (fits_now || !fitting);
      fitting = fits_now;
      g_assert_true (fits_now == json_object_get_null_member (fit, "reason"));
      g_assert_true (fits_now ==
                     (json_array_get_length (json_object_get_array_member (fit, "days")) > 0));
    }
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (fits, 0), "fits"));

  /* A placement that is not there is refused, not listed as empty. */
  pl_test_run_cli (&unknown, f->db, "employers-for", "99999", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/first-steps/academic-year", test_academic_year);
  g_test_add ("/first-steps/add-terms", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_add_terms, pl_test_cli_db_tear_down);
  g_test_add ("/first-steps/employers-for", Fixture, NULL,
              pl_test_cli_db_set_up_sample, test_employers_for, pl_test_cli_db_tear_down);

  return g_test_run ();
}
