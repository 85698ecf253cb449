/* test-store-lists.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-store-choices.h"
#include "pl-store-observations.h"
#include "pl-store-periods.h"
#include "pl-store-placements.h"
#include "pl-test-data.h"

/* The lists the pages offer, read through the store: the choices of the
 * drop-downs, the open requests of the Plan page, the placements an
 * observation can be about, and the windows a term is part of. */

typedef struct
{
  PlTestDb db;
  PlStore *store;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  pl_test_db_open (&f->db);
  f->store = f->db.store;
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  pl_test_db_close (&f->db);
}

/* The names of @choices, " | " between, with a member of staff's partner
 * in brackets. */
static char *
choice_names (GArray *choices)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_nonnull (choices);
  for (guint i = 0; i < choices->len; i++)
    {
      const PlChoice *choice = &g_array_index (choices, PlChoice, i);

      if (i > 0)
        g_string_append (text, " | ");
      g_string_append (text, choice->name);
      if (choice->detail != NULL)
        g_string_append_printf (text, " (%s)", choice->detail);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gint64
add_period (Fixture    *f,
            const char *label,
            const char *start)
{
  g_autoptr(PlRecord) period = pl_record_new (PL_TYPE_CALENDAR_PERIOD);

  pl_record_set_string (period, "owner_kind", "all");
  pl_record_set_string (period, "kind", "term");
  if (label != NULL)
    pl_record_set_string (period, "label", label);
  pl_record_set_string (period, "start_date", start);
  pl_record_set_string (period, "end_date", start);
  pl_record_set_int (period, "weekdays", 31);
  return pl_test_insert (f->store, period);
}

static void
add_term (Fixture *f,
          gint64   placement_id,
          gint64   period_id)
{
  g_autofree char *period = g_strdup_printf ("%" G_GINT64_FORMAT, period_id);

  pl_test_exec (f->store,
                "INSERT INTO placement_term (placement_id, period_id) VALUES (?1, CAST(?2 AS INTEGER))",
                placement_id, period);
}

static void
add_cascade (Fixture *f,
             gint64   placement_id)
{
  g_autoptr(PlRecord) cascade = pl_record_new (PL_TYPE_CASCADE);

  pl_record_set_int (cascade, "placement_id", placement_id);
  pl_record_set_string (cascade, "cascade_date", "2026-10-01");
  pl_record_set_string (cascade, "audience", "colleagues");
  pl_record_set_int (cascade, "people", 4);
  pl_test_insert (f->store, cascade);
}

static void
test_choices (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) partners = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) birch_staff = NULL;
  g_autoptr(GArray) employers = NULL;
  g_autoptr(GArray) sectors = NULL;
  g_autofree char *names = NULL;
  gint64 birch = pl_test_partner (f->store, "birch College");
  gint64 alder = pl_test_partner (f->store, "Alder College");
  gint64 second_ann;

  pl_test_staff (f->store, birch, "zoe Quill");
  pl_test_staff (f->store, alder, "Ann Lee");
  second_ann = pl_test_staff (f->store, birch, "Ann Lee");
  pl_test_employer (f->store, "the Harbour Kitchen", "host");
  pl_test_employer (f->store, "Bay Bistro", "host");

  /* By name without regard to case. */
  partners = pl_store_list_choices (f->store, PL_TYPE_PARTNER, &error);
  g_assert_no_error (error);
  names = choice_names (partners);
  g_assert_cmpstr (names, ==, "Alder College | birch College");
  g_assert_cmpint (g_array_index (partners, PlChoice, 0).id, ==, alder);
  g_clear_pointer (&names, g_free);

  employers = pl_store_list_choices (f->store, PL_TYPE_EMPLOYER, &error);
  g_assert_no_error (error);
  names = choice_names (employers);
  g_assert_cmpstr (names, ==, "Bay Bistro | the Harbour Kitchen");
  g_clear_pointer (&names, g_free);

  /* The sectors the schema starts with. */
  sectors = pl_store_list_choices (f->store, PL_TYPE_SECTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sectors->len, ==, pl_store_count (f->store, PL_TYPE_SECTOR));
  for (guint i = 1; i < sectors->len; i++)
    g_assert_cmpint (g_ascii_strcasecmp (g_array_index (sectors, PlChoice, i - 1).name,
                                         g_array_index (sectors, PlChoice, i).name), <, 0);

  /* Staff with their partners; two of the same name by id. */
  staff = pl_store_list_choices (f->store, PL_TYPE_STAFF, &error);
  g_assert_no_error (error);
  names = choice_names (staff);
  g_assert_cmpstr (names, ==, "Ann Lee (Alder College) | Ann Lee (birch College) | "
                              "zoe Quill (birch College)");
  g_assert_cmpint (g_array_index (staff, PlChoice, 1).id, ==, second_ann);
  g_clear_pointer (&names, g_free);

  birch_staff = pl_store_list_staff_choices (f->store, birch, &error);
  g_assert_no_error (error);
  names = choice_names (birch_staff);
  g_assert_cmpstr (names, ==, "Ann Lee (birch College) | zoe Quill (birch College)");
}

static void
test_open_requests (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  gint64 college = pl_test_partner (f->store, "Alder College");
  gint64 bea = pl_test_staff (f->store, college, "Bea Stone");
  gint64 ann = pl_test_staff (f->store, college, "Ann Lee");
  gint64 dated = pl_test_placement (f->store, bea, 0, "request", NULL);
  gint64 termed = pl_test_placement (f->store, ann, 0, "request", NULL);
  gint64 plain = pl_test_placement (f->store, ann, 0, "request", NULL);
  gint64 other = pl_test_placement (f->store, ann, 0, "request", NULL);
  gint64 lent = add_period (f, "Lent term", "2027-01-11");
  gint64 unnamed = add_period (f, NULL, "2027-04-19");
  g_autoptr(PlRecord) record = pl_store_get (f->store, PL_TYPE_PLACEMENT, dated, &error);
  const PlOpenRequest *request;

  g_assert_no_error (error);
  pl_record_set_string (record, "window_start", "2027-02-01");
  pl_record_set_string (record, "window_end", "2027-03-01");
  g_assert_true (pl_store_update (f->store, record, &error));
  g_assert_no_error (error);

  add_term (f, termed, unnamed);
  add_term (f, termed, lent);
  add_term (f, other, lent);
  /* No longer a request: not listed, its terms neither. */
  pl_test_placement (f->store, bea, 0, "proposed", NULL);

  requests = pl_store_list_open_requests (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests->len, ==, 4);

  /* By the staff member's name, then by id. */
  request = g_ptr_array_index (requests, 0);
  g_assert_cmpint (request->placement_id, ==, termed);
  g_assert_cmpstr (request->staff_name, ==, "Ann Lee");
  g_assert_cmpstr (request->sector_name, ==, "Catering and Hospitality");
  g_assert_cmpint (request->length, ==, 2);
  g_assert_null (request->window_start);
  /* The terms in the order they were made, an unnamed one by its first day. */
  g_assert_cmpuint (g_strv_length (request->terms), ==, 2);
  g_assert_cmpstr (request->terms[0], ==, "Lent term");
  g_assert_cmpstr (request->terms[1], ==, "2027-04-19");

  request = g_ptr_array_index (requests, 1);
  g_assert_cmpint (request->placement_id, ==, plain);
  g_assert_nonnull (request->terms);
  g_assert_null (request->terms[0]);

  request = g_ptr_array_index (requests, 2);
  g_assert_cmpint (request->placement_id, ==, other);
  g_assert_cmpuint (g_strv_length (request->terms), ==, 1);
  g_assert_cmpstr (request->terms[0], ==, "Lent term");

  request = g_ptr_array_index (requests, 3);
  g_assert_cmpint (request->placement_id, ==, dated);
  g_assert_cmpstr (request->staff_name, ==, "Bea Stone");
  g_assert_cmpstr (request->window_start, ==, "2027-02-01");
  g_assert_cmpstr (request->window_end, ==, "2027-03-01");
  g_assert_null (request->terms[0]);

  /* A term named by two windows. */
  g_assert_cmpint (pl_store_count_period_windows (f->store, lent, &error), ==, 2);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_count_period_windows (f->store, unnamed, &error), ==, 1);
  g_assert_cmpint (pl_store_count_period_windows (f->store, lent + unnamed, &error), ==, 0);
}

static void
test_observable_placements (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const october[] = { "2026-10-05", "2026-10-06", NULL };
  static const char * const june[] = { "2026-06-01", NULL };
  static const char * const march[] = { "2026-03-02", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) placements = NULL;
  gint64 college = pl_test_partner (f->store, "Alder College");
  gint64 ann = pl_test_staff (f->store, college, "Ann Lee");
  gint64 bea = pl_test_staff (f->store, college, "Bea Stone");
  gint64 kitchen = pl_test_employer (f->store, "Harbour Kitchen", "host");
  gint64 ann_june = pl_test_placement (f->store, ann, kitchen, "completed", june);
  gint64 ann_new = pl_test_placement (f->store, ann, 0, "request", NULL);
  gint64 ann_october = pl_test_placement (f->store, ann, kitchen, "completed", october);
  gint64 bea_cascaded = pl_test_placement (f->store, bea, kitchen, "cascaded", march);
  gint64 bea_plain = pl_test_placement (f->store, bea, kitchen, "completed", march);
  gint64 bea_cancelled = pl_test_placement (f->store, bea, 0, "cancelled", NULL);
  const PlObservablePlacement *placement;

  add_cascade (f, bea_cascaded);
  add_cascade (f, bea_cancelled);

  placements = pl_store_list_observable_placements (f->store, ann, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 4);

  /* Their own, latest first and those without days last. */
  placement = g_ptr_array_index (placements, 0);
  g_assert_cmpint (placement->placement_id, ==, ann_october);
  g_assert_true (placement->own);
  g_assert_cmpstr (placement->staff_name, ==, "Ann Lee");
  g_assert_cmpstr (placement->employer_name, ==, "Harbour Kitchen");
  g_assert_cmpstr (placement->sector_name, ==, "Catering and Hospitality");
  g_assert_cmpstr (placement->first_day, ==, "2026-10-05");
  g_assert_cmpint (((PlObservablePlacement *) g_ptr_array_index (placements, 1))->placement_id, ==,
                   ann_june);
  placement = g_ptr_array_index (placements, 2);
  g_assert_cmpint (placement->placement_id, ==, ann_new);
  g_assert_null (placement->employer_name);
  g_assert_null (placement->first_day);

  /* Then a colleague's that was cascaded, but not a cancelled one. */
  placement = g_ptr_array_index (placements, 3);
  g_assert_cmpint (placement->placement_id, ==, bea_cascaded);
  g_assert_false (placement->own);
  g_assert_cmpstr (placement->staff_name, ==, "Bea Stone");
  g_clear_pointer (&placements, g_ptr_array_unref);

  /* The placement an observation names already stays on the list. */
  placements = pl_store_list_observable_placements (f->store, ann, bea_plain, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements->len, ==, 5);
  g_assert_cmpint (((PlObservablePlacement *) g_ptr_array_index (placements, 4))->placement_id, ==,
                   bea_plain);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/store-lists/choices", test_choices);
  ADD ("/store-lists/open-requests", test_open_requests);
  ADD ("/store-lists/observable-placements", test_observable_placements);
#undef ADD

  return g_test_run ();
}
