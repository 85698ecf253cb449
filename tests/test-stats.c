/* test-stats.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-date.h"
#include "pl-sample.h"
#include "pl-stats.h"
#include "pl-store-private.h"
#include "pl-test-data.h"

/* A store in a temporary directory of its own. */
typedef struct
{
  char    *dir;
  PlStore *store;
} TempStore;

static void
temp_store_open (TempStore *t)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  t->dir = g_dir_make_tmp ("placements-stats-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (t->dir, "test.db", NULL);
  t->store = pl_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (t->store);
}

static void
temp_store_close (TempStore *t)
{
  g_clear_object (&t->store);
  pl_test_remove_folder (t->dir);
  g_clear_pointer (&t->dir, g_free);
}

static void
load_sample (PlStore    *store,
             const char *today_iso)
{
  g_autoptr(GError) error = NULL;
  GDate today;

  g_assert_true (pl_date_parse (today_iso, &today));
  g_assert_true (pl_sample_load (store, &today, &error));
  g_assert_no_error (error);
}

static JsonNode *
compute (PlStore    *store,
         const char *partner,
         const char *from,
         const char *to)
{
  g_autoptr(GError) error = NULL;
  PlStatsFilter filter = { partner, from, to };
  JsonNode *root = pl_stats_compute (store, &filter, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return root;
}

/* The whole number at @path, members separated by '/':
 * "placements/by_sector/Digital". */
static gint64
get_int (JsonNode   *root,
         const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *object = json_node_get_object (root);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    {
      if (!json_object_has_member (object, parts[i]))
        g_error ("no member “%s” in %s", parts[i], path);
      object = json_object_get_object_member (object, parts[i]);
    }

  if (!json_object_has_member (object, parts[n - 1]))
    g_error ("no member “%s” in %s", parts[n - 1], path);
  return json_object_get_int_member (object, parts[n - 1]);
}

static guint
get_size (JsonNode   *root,
          const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; parts[i] != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);
  return json_object_get_size (object);
}

/* The figures the case study publishes. */
static void
assert_case_study_figures (JsonNode *root)
{
  g_assert_cmpint (get_int (root, "placements/total"), ==, 16);
  g_assert_cmpint (get_int (root, "placements/cancelled"), ==, 2);
  g_assert_cmpint (get_int (root, "placements/by_sector/Catering and Hospitality"), ==, 7);
  g_assert_cmpint (get_int (root, "placements/by_sector/Creative and Design"), ==, 3);
  g_assert_cmpint (get_int (root, "placements/by_sector/Digital"), ==, 3);
  g_assert_cmpint (get_int (root, "placements/by_sector/Construction"), ==, 1);
  g_assert_cmpint (get_int (root, "placements/by_sector/Hair and Beauty"), ==, 1);
  g_assert_cmpint (get_int (root, "placements/by_sector/Engineering and Manufacturing"), ==, 1);
  g_assert_cmpuint (get_size (root, "placements/by_sector"), ==, 6);
  g_assert_cmpint (get_int (root, "placements/by_partner/Humber Estuary College"), ==, 12);
  g_assert_cmpint (get_int (root, "placements/by_partner/Holderness Coast College"), ==, 3);
  g_assert_cmpint (get_int (root, "placements/by_partner/Dearneside College"), ==, 1);
  g_assert_cmpuint (get_size (root, "placements/by_partner"), ==, 3);
  g_assert_cmpint (get_int (root, "placements/by_status/completed"), ==, 2);
  g_assert_cmpint (get_int (root, "placements/by_status/cancelled"), ==, 2);
  g_assert_cmpint (get_int (root, "placements/by_status/cascaded")
                   + get_int (root, "placements/by_status/evaluated"), ==, 14);
  g_assert_cmpuint (get_size (root, "placements/by_status"), ==, 8);

  g_assert_cmpint (get_int (root, "employers"), ==, 10);
  g_assert_cmpint (get_int (root, "sectors"), ==, 6);
  g_assert_cmpint (get_int (root, "staff_engaged"), ==, 16);
  g_assert_cmpint (get_int (root, "colleagues_reached"), ==, 35);
  g_assert_cmpint (get_int (root, "students_reached"), ==, 356);

  g_assert_cmpint (get_int (root, "observations/staff_observed"), ==, 24);
  g_assert_cmpint (get_int (root, "observations/improved/industry_standards"), ==, 5);
  g_assert_cmpint (get_int (root, "observations/improved/technology"), ==, 9);
  g_assert_cmpint (get_int (root, "observations/improved/active_learning"), ==, 6);
  g_assert_cmpint (get_int (root, "observations/improved/engagement"), ==, 7);
  g_assert_cmpint (get_int (root, "observations/improved/equality_diversity"), ==, 10);
  g_assert_cmpint (get_int (root, "observations/improved/differentiation"), ==, 10);
  g_assert_cmpint (get_int (root, "observations/learners_progressed"), ==, 24);

  g_assert_cmpint (get_int (root, "student_survey/responses"), ==, 73);
  g_assert_cmpint (get_int (root, "student_survey/agree_pct/learning_improved"), ==, 96);
  g_assert_cmpint (get_int (root, "student_survey/agree_pct/employment_opportunities"), ==, 93);
  g_assert_cmpint (get_int (root, "student_survey/agree_pct/workplace"), ==, 97);
  g_assert_cmpint (get_int (root, "student_survey/agree_pct/equality_diversity"), ==, 94);
  /* Over those who answered: one student left equality and diversity
   * blank, so 68 of 72 (94 %), not 68 of 73 (93 %). */
  g_assert_cmpint (get_int (root, "student_survey/agreed/learning_improved"), ==, 70);
  g_assert_cmpint (get_int (root, "student_survey/answered/learning_improved"), ==, 73);
  g_assert_cmpint (get_int (root, "student_survey/agreed/equality_diversity"), ==, 68);
  g_assert_cmpint (get_int (root, "student_survey/answered/equality_diversity"), ==, 72);
  g_assert_cmpint (get_int (root, "employer_survey/agreed/vocational_education_important"), ==,
                   20);
  g_assert_cmpint (get_int (root, "employer_survey/answered/vocational_education_important"), ==,
                   23);

  g_assert_cmpint (get_int (root, "employer_survey/responses"), ==, 23);
  g_assert_cmpint (get_int (root, "employer_survey/agree_pct/vocational_education_important"),
                   ==, 87);
  g_assert_cmpint (get_int (root, "employer_survey/agree_pct/host_again"), ==, 100);
  g_assert_cmpint (get_int (root, "employer_survey/agree_pct/work_with_providers"), ==, 96);

  g_assert_cmpint (get_int (root, "groups/groups"), ==, 14);
  g_assert_cmpint (get_int (root, "groups/members"), ==, 28);
  g_assert_cmpint (get_int (root, "groups/organisations"), ==, 3);
  g_assert_cmpint (get_int (root, "groups/outcomes"), ==, 14);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/maths"), ==, 4);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/maths_esol"), ==, 2);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/digital"), ==, 2);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/english"), ==, 2);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/send"), ==, 2);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/supporting_staff"), ==, 2);
}

/* The same figures whatever today is; the dates move with the academic
 * year: the pilot placements fall in October to January of the year before
 * the one holding today, the pipeline after today. */
static void
check_sample_at (const char *today_iso)
{
  TempStore t = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *pipeline_first = NULL;
  g_autofree char *pilot_from = NULL;
  g_autofree char *pilot_to = NULL;
  GDate today, year_start;

  g_test_message ("today = %s", today_iso);
  temp_store_open (&t);
  load_sample (t.store, today_iso);
  root = compute (t.store, NULL, NULL, NULL);
  assert_case_study_figures (root);

  g_assert_true (pl_date_parse (today_iso, &today));
  pl_date_academic_year_start (&today, &year_start);
  pilot_from = g_strdup_printf ("%04d-10-01", g_date_get_year (&year_start) - 1);
  pilot_to = g_strdup_printf ("%04d-01-31", g_date_get_year (&year_start));

  first = pl_test_select_text (t.store,
                               "SELECT min(day) FROM placement_day d JOIN placement p"
                               " ON p.id = d.placement_id"
                               " WHERE p.status IN ('completed', 'cascaded', 'evaluated')");
  last = pl_test_select_text (t.store,
                              "SELECT max(day) FROM placement_day d JOIN placement p"
                              " ON p.id = d.placement_id"
                              " WHERE p.status IN ('completed', 'cascaded', 'evaluated')");
  g_assert_cmpstr (first, >=, pilot_from);
  g_assert_cmpstr (last, <=, pilot_to);

  pipeline_first = pl_test_select_text (t.store,
                                        "SELECT min(day) FROM placement_day d JOIN placement p"
                                        " ON p.id = d.placement_id"
                                        " WHERE p.status IN ('proposed', 'agreed', 'confirmed')");
  g_assert_cmpstr (pipeline_first, >, today_iso);

  temp_store_close (&t);
}

static void
test_sample_figures (void)
{
  check_sample_at ("2026-11-22");
  check_sample_at ("2027-03-10");
  /* A different academic year, and the first day of one. */
  check_sample_at ("2027-09-15");
  check_sample_at ("2028-09-01");
}

/* Loading announces every table it filled, once committed. */
static void
test_sample_consistent (void)
{
  TempStore t = { 0 };
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);

  temp_store_open (&t);
  g_signal_connect (t.store, "changed", G_CALLBACK (pl_test_note_table), tables);
  load_sample (t.store, "2026-11-22");
  g_assert_true (g_hash_table_contains (tables, "placement"));
  g_assert_true (g_hash_table_contains (tables, "observation"));
  g_assert_true (g_hash_table_contains (tables, "group_outcome"));

  if (!pl_store_check (t.store, report))
    for (guint i = 0; i < report->len; i++)
      g_test_message ("%s", (const char *) g_ptr_array_index (report, i));
  g_assert_cmpuint (report->len, ==, 0);

  /* No placement day on a weekend, on a teaching day of its member of
   * staff, outside its college's terms, or in a period that closes the
   * college, the network or the employer. */
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement_day"
                                       " WHERE strftime('%w', day) IN ('0', '6')"), ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement_day d"
                                       " JOIN placement p ON p.id = d.placement_id"
                                       " JOIN staff s ON s.id = p.staff_id"
                                       " WHERE (s.teaching_days"
                                       "        >> ((strftime('%w', d.day) + 6) % 7)) & 1"),
                   ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement_day d"
                                       " JOIN placement p ON p.id = d.placement_id"
                                       " JOIN staff s ON s.id = p.staff_id"
                                       " JOIN partner pa ON pa.id = s.partner_id"
                                       "   AND pa.kind = 'college'"
                                       " WHERE NOT EXISTS (SELECT 1 FROM calendar_period c"
                                       "   WHERE c.kind = 'term' AND c.partner_id = s.partner_id"
                                       "   AND d.day BETWEEN c.start_date AND c.end_date)"), ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement_day d"
                                       " JOIN placement p ON p.id = d.placement_id"
                                       " JOIN staff s ON s.id = p.staff_id"
                                       " JOIN calendar_period c"
                                       "   ON d.day BETWEEN c.start_date AND c.end_date"
                                       " WHERE p.status <> 'cancelled' AND c.kind <> 'term'"
                                       "   AND (c.owner_kind = 'all' OR c.partner_id = s.partner_id"
                                       "        OR c.employer_id = p.employer_id"
                                       "        OR c.staff_id = s.id)"),
                   ==, 0);

  /* Histories move forward in time, and milestones are done in the past. */
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement_event a"
                                       " JOIN placement_event b"
                                       " ON a.placement_id = b.placement_id AND b.id > a.id"
                                       " WHERE b.changed_on < a.changed_on"), ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM milestone WHERE done > '2026-11-22'"),
                   ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM placement p WHERE status <> 'request'"
                                       " AND status <> (SELECT to_status FROM placement_event e"
                                       "   WHERE e.placement_id = p.id"
                                       "   ORDER BY e.id DESC LIMIT 1)"),
                   ==, 0);

  /* The two placements not yet cascaded have an overdue cascade milestone. */
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM milestone m JOIN placement p"
                                       " ON p.id = m.placement_id WHERE p.status = 'completed'"
                                       " AND m.kind = 'cascade' AND m.done IS NULL"
                                       " AND m.due < '2026-11-22'"), ==, 2);

  g_assert_cmpint (pl_test_select_int (t.store, "SELECT count(*) FROM staff"), >=, 40);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM contact WHERE follow_up < '2026-11-22'"
                                       " AND NOT EXISTS (SELECT 1 FROM contact later"
                                       "   WHERE later.employer_id = contact.employer_id"
                                       "   AND later.contact_date > contact.contact_date)"), ==, 1);
  g_assert_cmpint (pl_test_select_int (t.store,
                                       "SELECT count(*) FROM employer_document"
                                       " WHERE expires_on < '2026-11-22'"), ==, 1);

  temp_store_close (&t);
}

/* The improvement rule: the first observation after against the last
 * before, strictly better, both rated. */
static void
test_improvement_rule (void)
{
  TempStore t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  temp_store_open (&t);
  pl_db_exec (pl_store_get_db (t.store),
              "INSERT INTO partner (id, name) VALUES (1, 'Test College');"
              "INSERT INTO staff (id, partner_id, name) VALUES"
              "  (1, 1, 'Ada'), (2, 1, 'Ben'), (3, 1, 'Cy'), (4, 1, 'Di'), (5, 1, 'Ed');"

              /* Ada: technology went 3, 2 before and 2, 1 after: a tie between
               * the last before and the first after, so not improved, although
               * comparing first with first or last with last would say it was.
               * Engagement went 2, 4 before and 3 after: improved. Rows are
               * entered out of date order. */
              "INSERT INTO observation (staff_id, phase, observed_on, technology, engagement,"
              "  learners_progressed) VALUES"
              "  (1, 'after', '2025-06-01', 1, 1, 1),"
              "  (1, 'before', '2025-02-10', 2, 4, 0),"
              "  (1, 'after', '2025-05-01', 2, 3, 1),"
              "  (1, 'before', '2025-01-10', 3, 2, 1);"

              /* Ben: technology and differentiation improved; industry standards
               * not rated before, engagement not rated after. */
              "INSERT INTO observation (staff_id, phase, observed_on, industry_standards,"
              "  technology, engagement, differentiation, learners_progressed) VALUES"
              "  (2, 'before', '2025-01-15', NULL, 3, 2, 4, 0),"
              "  (2, 'after', '2025-05-15', 1, 2, NULL, 1, 1);"

              /* Cy was only observed before, Di only after: neither counts. */
              "INSERT INTO observation (staff_id, phase, observed_on, technology,"
              "  learners_progressed) VALUES"
              "  (3, 'before', '2025-01-20', 4, 1),"
              "  (4, 'after', '2025-05-20', 1, 1);"

              /* Ed got worse at first and better later; learners progressed only
               * in the later lesson. */
              "INSERT INTO observation (staff_id, phase, observed_on, technology,"
              "  learners_progressed) VALUES"
              "  (5, 'before', '2025-01-25', 2, 1),"
              "  (5, 'after', '2025-05-25', 3, 0),"
              "  (5, 'after', '2025-06-25', 1, 1);",
              &error);
  g_assert_no_error (error);

  root = compute (t.store, NULL, NULL, NULL);
  g_assert_cmpint (get_int (root, "observations/staff_observed"), ==, 3);
  g_assert_cmpint (get_int (root, "observations/improved/industry_standards"), ==, 0);
  g_assert_cmpint (get_int (root, "observations/improved/technology"), ==, 1);
  g_assert_cmpint (get_int (root, "observations/improved/active_learning"), ==, 0);
  g_assert_cmpint (get_int (root, "observations/improved/engagement"), ==, 1);
  g_assert_cmpint (get_int (root, "observations/improved/equality_diversity"), ==, 0);
  g_assert_cmpint (get_int (root, "observations/improved/differentiation"), ==, 1);
  g_assert_cmpint (get_int (root, "observations/learners_progressed"), ==, 2);

  /* Nothing else is in this database: every figure is zero, every status
   * and area still listed. */
  g_assert_cmpint (get_int (root, "placements/total"), ==, 0);
  g_assert_cmpint (get_int (root, "placements/by_status/request"), ==, 0);
  g_assert_cmpuint (get_size (root, "placements/by_status"), ==, 8);
  g_assert_cmpuint (get_size (root, "placements/by_sector"), ==, 0);
  g_assert_cmpint (get_int (root, "student_survey/agree_pct/workplace"), ==, 0);
  g_assert_cmpint (get_int (root, "groups/outcomes_by_area/send"), ==, 0);

  temp_store_close (&t);
}

static void
test_percent (void)
{
  g_assert_cmpint (pl_stats_percent (1, 8), ==, 13);
  g_assert_cmpint (pl_stats_percent (70, 73), ==, 96);
  g_assert_cmpint (pl_stats_percent (0, 0), ==, 0);
  g_assert_cmpint (pl_stats_percent (68, 72), ==, 94);
  g_assert_cmpint (pl_stats_percent (1, 200), ==, 1);
  g_assert_cmpint (pl_stats_percent (23, 23), ==, 100);
}

static void
test_partner_filter (void)
{
  TempStore t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) lead = NULL;
  g_autoptr(JsonNode) small = NULL;
  JsonNode *none;
  PlStatsFilter unknown = { "Nowhere College", NULL, NULL };

  temp_store_open (&t);
  load_sample (t.store, "2026-11-22");

  /* Names match whatever their case. */
  lead = compute (t.store, "humber estuary COLLEGE", NULL, NULL);
  g_assert_cmpint (get_int (lead, "placements/total"), ==, 12);
  g_assert_cmpuint (get_size (lead, "placements/by_partner"), ==, 1);
  g_assert_cmpint (get_int (lead, "placements/by_partner/Humber Estuary College"), ==, 12);
  g_assert_cmpint (get_int (lead, "placements/cancelled"), ==, 0);
  g_assert_cmpint (get_int (lead, "staff_engaged"), ==, 12);
  /* Twelve placement staff and five colleagues their learning reached. */
  g_assert_cmpint (get_int (lead, "observations/staff_observed"), ==, 17);
  g_assert_cmpint (get_int (lead, "groups/organisations"), ==, 1);

  /* Surveys linked to the partner's staff or their placements; the twelve
   * student and thirteen employer responses linked to nobody drop out. */
  g_assert_cmpint (get_int (lead, "student_survey/responses"), ==, 58);
  g_assert_cmpint (get_int (lead, "employer_survey/responses"), ==, 8);

  small = compute (t.store, "Dearneside College", NULL, NULL);
  g_assert_cmpint (get_int (small, "placements/total"), ==, 1);
  g_assert_cmpint (get_int (small, "observations/staff_observed"), ==, 2);
  g_assert_cmpint (get_int (small, "student_survey/responses"), ==, 1);
  g_assert_cmpint (get_int (small, "employer_survey/responses"), ==, 1);

  /* Two answers, both neutral: 0 % of those who answered, not "no data". */
  {
    g_autoptr(JsonNode) coast = compute (t.store, "Holderness Coast College", NULL, NULL);

    g_assert_cmpint (get_int (coast, "student_survey/responses"), ==, 2);
    g_assert_cmpint (get_int (coast, "student_survey/answered/learning_improved"), ==, 2);
    g_assert_cmpint (get_int (coast, "student_survey/agree_pct/learning_improved"), ==, 0);
    g_assert_cmpint (get_int (coast, "student_survey/agree_pct/workplace"), ==, 100);
  }

  none = pl_stats_compute (t.store, &unknown, &error);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "Nowhere College"));

  temp_store_close (&t);
}

static void
test_date_filter (void)
{
  TempStore t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) nothing = NULL;
  g_autoptr(JsonNode) pilot_year = NULL;
  g_autoptr(JsonNode) this_year = NULL;
  PlStatsFilter bad = { NULL, "2026-02-30", NULL };
  JsonNode *none;

  temp_store_open (&t);
  load_sample (t.store, "2026-11-22");

  nothing = compute (t.store, NULL, "1990-01-01", "1990-12-31");
  g_assert_cmpint (get_int (nothing, "placements/total"), ==, 0);
  g_assert_cmpint (get_int (nothing, "placements/cancelled"), ==, 0);
  g_assert_cmpint (get_int (nothing, "colleagues_reached"), ==, 0);
  g_assert_cmpint (get_int (nothing, "observations/staff_observed"), ==, 0);
  g_assert_cmpint (get_int (nothing, "student_survey/responses"), ==, 0);
  g_assert_cmpint (get_int (nothing, "groups/groups"), ==, 0);

  /* The pilot year holds the whole case study; the cancelled placement
   * that never had days falls outside any dated period. */
  pilot_year = compute (t.store, NULL, "2025-09-01", "2026-08-31");
  g_assert_cmpint (get_int (pilot_year, "placements/total"), ==, 16);
  g_assert_cmpint (get_int (pilot_year, "placements/cancelled"), ==, 1);
  g_assert_cmpint (get_int (pilot_year, "colleagues_reached"), ==, 35);
  g_assert_cmpint (get_int (pilot_year, "students_reached"), ==, 356);
  g_assert_cmpint (get_int (pilot_year, "observations/staff_observed"), ==, 24);
  g_assert_cmpint (get_int (pilot_year, "observations/improved/technology"), ==, 9);
  g_assert_cmpint (get_int (pilot_year, "student_survey/responses"), ==, 73);
  g_assert_cmpint (get_int (pilot_year, "employer_survey/responses"), ==, 23);
  g_assert_cmpint (get_int (pilot_year, "groups/outcomes"), ==, 14);

  /* The current year holds the pipeline: dated placements only. */
  this_year = compute (t.store, NULL, "2026-09-01", "2027-08-31");
  g_assert_cmpint (get_int (this_year, "placements/total"), ==, 0);
  g_assert_cmpint (get_int (this_year, "placements/by_status/request"), ==, 0);
  g_assert_cmpint (get_int (this_year, "placements/by_status/proposed"), ==, 2);
  g_assert_cmpint (get_int (this_year, "placements/by_status/agreed"), ==, 1);
  g_assert_cmpint (get_int (this_year, "placements/by_status/confirmed"), ==, 2);
  g_assert_cmpint (get_int (this_year, "observations/staff_observed"), ==, 0);

  none = pl_stats_compute (t.store, &bad, &error);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_assert_null (none);

  temp_store_close (&t);
}

static void
test_sample_twice (void)
{
  TempStore t = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  gint64 placements, observations;
  GDate today;

  temp_store_open (&t);
  load_sample (t.store, "2026-11-22");
  placements = pl_store_count (t.store, PL_TYPE_PLACEMENT);
  observations = pl_store_count (t.store, PL_TYPE_OBSERVATION);

  g_assert_true (pl_date_parse ("2027-03-10", &today));
  g_assert_false (pl_sample_load (t.store, &today, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);

  g_assert_cmpint (pl_store_count (t.store, PL_TYPE_PLACEMENT), ==, placements);
  g_assert_cmpint (pl_store_count (t.store, PL_TYPE_OBSERVATION), ==, observations);
  root = compute (t.store, NULL, NULL, NULL);
  assert_case_study_figures (root);

  temp_store_close (&t);
}

/* A failure half-way leaves nothing behind. */
static void
test_sample_rollback (void)
{
  TempStore t = { 0 };
  g_autoptr(GError) error = NULL;
  GDate today;

  temp_store_open (&t);
  pl_db_exec (pl_store_get_db (t.store), "DELETE FROM sector WHERE name = 'Hair and Beauty'",
              &error);
  g_assert_no_error (error);

  g_assert_true (pl_date_parse ("2026-11-22", &today));
  g_assert_false (pl_sample_load (t.store, &today, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Hair and Beauty"));

  g_assert_true (pl_store_is_empty (t.store));
  g_assert_cmpint (pl_test_select_int (t.store, "SELECT count(*) FROM calendar_period"), ==, 0);
  g_assert_cmpint (pl_test_select_int (t.store, "SELECT count(*) FROM search"), ==, 0);

  temp_store_close (&t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/sample/figures", test_sample_figures);
  g_test_add_func ("/stats/sample/consistent", test_sample_consistent);
  g_test_add_func ("/stats/sample/twice", test_sample_twice);
  g_test_add_func ("/stats/sample/rollback", test_sample_rollback);
  g_test_add_func ("/stats/improvement-rule", test_improvement_rule);
  g_test_add_func ("/stats/percent", test_percent);
  g_test_add_func ("/stats/filter/partner", test_partner_filter);
  g_test_add_func ("/stats/filter/dates", test_date_filter);

  return g_test_run ();
}
