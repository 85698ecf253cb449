/* test-store-placement.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-lifecycle.h"
#include "pl-milestones.h"
#include "pl-records.h"
#include "pl-store-choices.h"
#include "pl-store-placement.h"
#include "pl-test-data.h"

/* What the placement editor and the preferences read and write through
 * core: the editor's choices, the survey tally of a placement, its
 * milestones, and the milestone templates. */

static const char *
name_at (GArray *choices,
         guint   i)
{
  return g_array_index (choices, PlChoice, i).name;
}

static const char *
detail_at (GArray *choices,
           guint   i)
{
  return g_array_index (choices, PlChoice, i).detail;
}

static gint64
id_at (GArray *choices,
       guint   i)
{
  return g_array_index (choices, PlChoice, i).id;
}

/* Staff come with their partner, sectors and employers are in name order
 * ignoring case, and the placement's own employer of another sector is
 * offered too, with its sector. */
static void
test_choices (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) sectors = NULL;
  g_autoptr(GArray) employers = NULL;
  g_autoptr(PlRecord) studio = pl_record_new (PL_TYPE_EMPLOYER);
  gint64 partner, dana, keel, bistro, studio_id, catering;

  pl_test_db_open (&db);
  partner = pl_test_partner (db.store, "Harbour College");
  dana = pl_test_staff (db.store, partner, "Dana Whitfield");
  pl_test_staff (db.store, partner, "ben Arkwright");
  keel = pl_test_employer (db.store, "Keel and Anchor Hotel", "host");
  bistro = pl_test_employer (db.store, "aardvark Bistro", "warm");
  g_object_set (studio,
                "name", "Byte Studio",
                "sector-id", pl_test_sector (db.store, "Digital"),
                "relationship", "host",
                "capacity", (gint64) 1,
                "notice-weeks", (gint64) 0,
                "preferred-days", (gint64) 31,
                NULL);
  studio_id = pl_test_insert (db.store, studio);
  pl_test_employer (db.store, "Zest Kitchen", "host");
  catering = pl_test_sector (db.store, "Catering and Hospitality");

  staff = pl_store_list_staff_choices (db.store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);
  g_assert_cmpstr (name_at (staff, 0), ==, "ben Arkwright");
  g_assert_cmpstr (detail_at (staff, 0), ==, "Harbour College");
  g_assert_cmpstr (name_at (staff, 1), ==, "Dana Whitfield");
  g_assert_cmpint (id_at (staff, 1), ==, dana);

  sectors = pl_store_list_choices (db.store, PL_TYPE_SECTOR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sectors->len, ==, pl_store_count (db.store, PL_TYPE_SECTOR));
  for (guint i = 1; i < sectors->len; i++)
    g_assert_cmpint (g_ascii_strcasecmp (name_at (sectors, i - 1), name_at (sectors, i)), <, 0);

  employers = pl_store_list_employer_choices (db.store, catering, studio_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (employers->len, ==, 4);
  g_assert_cmpstr (name_at (employers, 0), ==, "aardvark Bistro");
  g_assert_null (detail_at (employers, 0));
  g_assert_cmpint (id_at (employers, 0), ==, bistro);
  g_assert_cmpstr (name_at (employers, 1), ==, "Byte Studio");
  g_assert_cmpstr (detail_at (employers, 1), ==, "Digital");
  g_assert_cmpint (id_at (employers, 1), ==, studio_id);
  g_assert_cmpstr (name_at (employers, 2), ==, "Keel and Anchor Hotel");
  g_assert_cmpint (id_at (employers, 2), ==, keel);
  g_assert_cmpstr (name_at (employers, 3), ==, "Zest Kitchen");

  g_clear_pointer (&employers, g_array_unref);
  employers = pl_store_list_employer_choices (db.store, catering, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (employers->len, ==, 3);
  pl_test_db_close (&db);
}

static void
add_response (PlStore    *store,
              const char *kind,
              gint64      placement_id,
              const char *question,
              const char *answer)
{
  g_autoptr(PlRecord) response = pl_record_new (PL_TYPE_SURVEY_RESPONSE);

  pl_record_set_string (response, "kind", kind);
  pl_record_set_int (response, "placement_id", placement_id);
  if (question != NULL)
    pl_record_set_string (response, question, answer);
  pl_test_insert (store, response);
}

/* Each kind counts its own responses of the placement, and per question
 * those who agreed over those who answered it. */
static void
test_survey_tally (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPlacementSurveyTally) students = NULL;
  g_autoptr(PlPlacementSurveyTally) employers = NULL;
  gint64 partner, staff, id, other;

  pl_test_db_open (&db);
  partner = pl_test_partner (db.store, "Harbour College");
  staff = pl_test_staff (db.store, partner, "Dana Whitfield");
  id = pl_test_placement (db.store, staff, 0, "request", NULL);
  other = pl_test_placement (db.store, staff, 0, "request", NULL);

  add_response (db.store, "student", id, "learning_improved", "agree");
  add_response (db.store, "student", id, "learning_improved", "disagree");
  add_response (db.store, "student", id, NULL, NULL);
  add_response (db.store, "student", other, "learning_improved", "agree");
  add_response (db.store, "employer", id, "host_again", "agree");

  students = pl_store_placement_survey_tally (db.store, id, PL_SURVEY_KIND_STUDENT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (students->responses, ==, 3);
  g_assert_cmpuint (students->n_questions, ==, g_strv_length ((char **) pl_student_questions));
  g_assert_cmpstr (pl_student_questions[0], ==, "learning_improved");
  g_assert_cmpint (students->agreed[0], ==, 1);
  g_assert_cmpint (students->answered[0], ==, 2);
  g_assert_cmpint (students->answered[1], ==, 0);

  employers = pl_store_placement_survey_tally (db.store, id, PL_SURVEY_KIND_EMPLOYER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (employers->responses, ==, 1);
  g_assert_cmpstr (pl_employer_questions[1], ==, "host_again");
  g_assert_cmpint (employers->agreed[1], ==, 1);
  g_assert_cmpint (employers->answered[1], ==, 1);
  g_assert_cmpint (employers->answered[0], ==, 0);
  pl_test_db_close (&db);
}

/* The templates come in their order; one added goes after them under a
 * kind of its own, and the placements with days gain its milestone, which
 * the placement's list then shows in due order. */
static void
test_templates_and_milestones (void)
{
  PlTestDb db = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(PlRecord) added = NULL;
  const char * const days[] = { "2027-03-01", "2027-03-02", NULL };
  gint64 partner, staff, id, last_position;
  guint n_before;
  gboolean found = FALSE;

  pl_test_db_open (&db);
  partner = pl_test_partner (db.store, "Harbour College");
  staff = pl_test_staff (db.store, partner, "Dana Whitfield");
  id = pl_test_placement (db.store, staff, 0, "request", NULL);
  g_assert_true (pl_placement_set_days (db.store, id, days, &error));
  g_assert_no_error (error);

  templates = pl_milestone_templates_list (db.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, ==, pl_store_count (db.store, PL_TYPE_MILESTONE_TEMPLATE));
  g_assert_cmpstr (pl_record_get_string (g_ptr_array_index (templates, 0), "kind"), ==,
                   "first_contact");
  for (guint i = 1; i < templates->len; i++)
    g_assert_cmpint (pl_record_get_int (g_ptr_array_index (templates, i - 1), "position"), <,
                     pl_record_get_int (g_ptr_array_index (templates, i), "position"));
  last_position = pl_record_get_int (g_ptr_array_index (templates, templates->len - 1),
                                     "position");

  milestones = pl_milestones_list_for_placement (db.store, id, &error);
  g_assert_no_error (error);
  n_before = milestones->len;
  g_assert_cmpuint (n_before, ==, templates->len);
  g_clear_pointer (&milestones, g_ptr_array_unref);

  added = pl_milestone_templates_add (db.store, "Thank the host", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_id (added), >, 0);
  g_assert_cmpint (pl_record_get_int (added, "position"), ==, last_position + 1);
  g_assert_true (g_str_has_prefix (pl_record_get_string (added, "kind"), "custom_"));

  milestones = pl_milestones_list_for_placement (db.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (milestones->len, ==, n_before + 1);
  for (guint i = 0; i < milestones->len; i++)
    {
      PlRecord *milestone = g_ptr_array_index (milestones, i);

      g_assert_cmpint (pl_record_get_int (milestone, "placement_id"), ==, id);
      if (i > 0)
        g_assert_cmpstr (pl_record_get_string (g_ptr_array_index (milestones, i - 1), "due"), <=,
                         pl_record_get_string (milestone, "due"));
      if (g_strcmp0 (pl_record_get_string (milestone, "label"), "Thank the host") == 0)
        {
          /* One week before the first day. */
          g_assert_cmpstr (pl_record_get_string (milestone, "due"), ==, "2027-02-22");
          found = TRUE;
        }
    }
  g_assert_true (found);
  pl_test_db_close (&db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store-placement/choices", test_choices);
  g_test_add_func ("/store-placement/survey-tally", test_survey_tally);
  g_test_add_func ("/store-placement/templates-and-milestones", test_templates_and_milestones);

  return g_test_run ();
}
