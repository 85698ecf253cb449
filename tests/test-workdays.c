/* test-workdays.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "pl-date.h"
#include "pl-workdays.h"

static char *
iso_list (GArray *dates)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < dates->len; i++)
    {
      g_autofree char *iso = pl_date_to_iso (&g_array_index (dates, GDate, i));
      g_string_append_printf (text, "%s%s", i ? " " : "", iso);
    }
  return g_string_free (text, FALSE);
}

/* GOV.UK's published list (tests/data/bank-holidays.json, a copy of
 * www.gov.uk/bank-holidays.json) against the computed dates, year by year. */
static void
test_against_govuk (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bank-holidays.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) published = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                           (GDestroyNotify) g_array_unref);
  JsonArray *events;
  guint years = 0;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  events = json_object_get_array_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                   "england-and-wales"),
    "events");
  g_assert_cmpuint (json_array_get_length (events), >, 30);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      const char *iso = json_object_get_string_member (json_array_get_object_element (events, i),
                                                       "date");
      GDate date;
      GArray *list;

      g_assert_true (pl_date_parse (iso, &date));
      list = g_hash_table_lookup (published, GINT_TO_POINTER (g_date_get_year (&date)));
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (GDate));
          g_hash_table_insert (published, GINT_TO_POINTER (g_date_get_year (&date)), list);
        }
      g_array_append_val (list, date);
    }

  for (int year = 2024; year <= 2027; year++)
    {
      GArray *expected = g_hash_table_lookup (published, GINT_TO_POINTER (year));
      g_autoptr(GArray) computed = pl_bank_holidays_ew (year);
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;

      g_assert_nonnull (expected);
      want = iso_list (expected);
      got = iso_list (computed);
      g_assert_cmpstr (got, ==, want);
      years++;
    }
  g_assert_cmpuint (years, ==, 4);
}

/* Years outside the published file, and the awkward ones: substitute days,
 * a moved Early May, jubilees and one-off holidays. */
static void
test_known_years (void)
{
  const struct { int year; const char *dates; } cases[] = {
    { 2028, "2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 "
            "2028-12-25 2028-12-26" },
    { 2020, "2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 "
            "2020-12-25 2020-12-28" },
    { 2021, "2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 "
            "2021-12-27 2021-12-28" },
    { 2022, "2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 "
            "2022-08-29 2022-09-19 2022-12-26 2022-12-27" },
    { 2023, "2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 "
            "2023-08-28 2023-12-25 2023-12-26" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) computed = pl_bank_holidays_ew (cases[i].year);
      g_autofree char *got = iso_list (computed);

      g_assert_cmpstr (got, ==, cases[i].dates);
    }
}

static void
shifted (PlWorkdays *days,
         const char *from,
         int         n,
         const char *expected)
{
  GDate date;
  g_autofree char *iso = NULL;

  g_assert_true (pl_date_parse (from, &date));
  pl_workdays_shift (days, &date, n);
  iso = pl_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, expected);
}

static void
test_shift (void)
{
  g_autoptr(PlWorkdays) days = pl_workdays_new ();
  GDate a, b;

  /* Friday → Monday across a weekend; Thursday before Good Friday 2027
   * (26 March) → the Tuesday after Easter Monday. */
  shifted (days, "2027-01-08", 1, "2027-01-11");
  shifted (days, "2027-03-25", 1, "2027-03-30");
  shifted (days, "2027-03-30", -1, "2027-03-25");
  shifted (days, "2027-03-30", -5, "2027-03-19");
  shifted (days, "2027-03-30", 0, "2027-03-30");

  /* A network-wide closure counts as non-working too. */
  g_assert_true (pl_date_parse ("2027-02-15", &a));
  g_assert_true (pl_date_parse ("2027-02-19", &b));
  pl_workdays_close (days, &a, &b);
  g_assert_false (pl_workdays_is_working (days, &a));
  shifted (days, "2027-02-12", 1, "2027-02-22");

  g_assert_true (pl_date_parse ("2027-03-28", &a)); /* Easter Sunday */
  pl_workdays_snap (days, &a, FALSE);
  g_assert_cmpint (g_date_get_day (&a), ==, 25);
  g_assert_true (pl_date_parse ("2027-03-28", &a));
  pl_workdays_snap (days, &a, TRUE);
  g_assert_cmpint (g_date_get_day (&a), ==, 30);
}

static void
test_imported_override (void)
{
  g_autoptr(PlWorkdays) days = pl_workdays_new ();
  g_autoptr(GArray) only = g_array_new (FALSE, FALSE, sizeof (GDate));
  GDate d;

  /* An imported list for 2027 replaces the computed one for that year. */
  g_assert_true (pl_date_parse ("2027-06-07", &d));
  g_array_append_val (only, d);
  pl_workdays_set_bank_holidays (days, 2027, only);
  g_assert_true (pl_workdays_is_bank_holiday (days, &d));
  g_assert_true (pl_date_parse ("2027-05-31", &d));
  g_assert_false (pl_workdays_is_bank_holiday (days, &d));
  g_assert_true (pl_date_parse ("2028-05-29", &d));
  g_assert_true (pl_workdays_is_bank_holiday (days, &d));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workdays/bank-holidays/gov-uk", test_against_govuk);
  g_test_add_func ("/workdays/bank-holidays/known-years", test_known_years);
  g_test_add_func ("/workdays/shift", test_shift);
  g_test_add_func ("/workdays/imported-override", test_imported_override);

  return g_test_run ();
}
