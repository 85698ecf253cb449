/* test-impact.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pl-impact-private.h"
#include "pl-stats.h"
#include "pl-store-survey.h"
#include "pl-survey-import.h"
#include "pl-survey.h"
#include "pl-store-private.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* The evidence of impact: the improvement rule for one person and for the
 * figures, the impact chain of a sample teacher, and survey exports as
 * form tools write them, refused with the place of the fault while the
 * database stays as it was, byte for byte. */

typedef PlTestDb Fixture;

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  pl_db_exec (pl_store_get_db (f->store), sql, &error);
  g_assert_no_error (error);
}

static void
improvements (Fixture        *f,
              gint64          staff,
              PlImprovements *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pl_impact_improvements (f->store, staff, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (out->pair.staff_id, ==, staff);
}

/* Criteria by index in pl_criteria. */
enum { IS, TECH, ACTIVE, ENG, ED, DIFF };

/* Rule ------------------------------------------------------------- */

static void
test_rating_rule (void)
{
  /* 1 outstanding … 4 inadequate: lower is better; 0 is not observed. */
  g_assert_true (pl_impact_rating_improved (4, 3));
  g_assert_true (pl_impact_rating_improved (2, 1));
  g_assert_false (pl_impact_rating_improved (2, 2));
  g_assert_false (pl_impact_rating_improved (1, 2));
  g_assert_false (pl_impact_rating_improved (0, 1));
  g_assert_false (pl_impact_rating_improved (3, 0));
  g_assert_false (pl_impact_rating_improved (0, 0));
}

static void
test_first_after_last_before (Fixture       *f,
                              gconstpointer  data)
{
  PlImprovements result;

  exec (f, "INSERT INTO partner (id, name) VALUES (1, 'Test College');"
           "INSERT INTO staff (id, partner_id, name) VALUES (1, 1, 'Ada');"
           /* Entered out of date order. Technology went 3, 2 before and
            * 2, 1 after: the last before and the first after tie, so it
            * did not improve, although first-with-first or last-with-last
            * would say it did. Engagement went 2, 4 before and 3 after:
            * improved against the last before. */
           "INSERT INTO observation (id, staff_id, phase, observed_on, technology, engagement,"
           "  learners_progressed) VALUES"
           "  (10, 1, 'after', '2025-06-01', 1, 1, 1),"
           "  (11, 1, 'before', '2025-02-10', 2, 4, 0),"
           "  (12, 1, 'after', '2025-05-01', 2, 3, 0),"
           "  (13, 1, 'before', '2025-01-10', 3, 2, 1);");

  improvements (f, 1, &result);
  g_assert_true (result.observed);
  g_assert_cmpint (result.pair.before.id, ==, 11);
  g_assert_cmpstr (result.pair.before.date, ==, "2025-02-10");
  g_assert_cmpint (result.pair.after.id, ==, 12);
  g_assert_cmpstr (result.pair.after.date, ==, "2025-05-01");
  g_assert_cmpint (result.pair.before.ratings[TECH], ==, 2);
  g_assert_cmpint (result.pair.after.ratings[TECH], ==, 2);
  g_assert_false (result.improved[TECH]);
  g_assert_cmpint (result.pair.before.ratings[ENG], ==, 4);
  g_assert_cmpint (result.pair.after.ratings[ENG], ==, 3);
  g_assert_true (result.improved[ENG]);
  g_assert_cmpuint (result.n_improved, ==, 1);
  /* Learners progressed as the first "after" says. */
  g_assert_cmpint (result.pair.after.learners_progressed, ==, 0);
}

static void
test_missing (Fixture       *f,
              gconstpointer  data)
{
  PlImprovements result;

  exec (f, "INSERT INTO partner (id, name) VALUES (1, 'Test College');"
           "INSERT INTO staff (id, partner_id, name) VALUES"
           "  (1, 1, 'Ben'), (2, 1, 'Cy'), (3, 1, 'Di'), (4, 1, 'Ed');"
           /* Ben: industry standards not rated before, engagement not
            * rated after; technology and differentiation improved. */
           "INSERT INTO observation (staff_id, phase, observed_on, industry_standards,"
           "  technology, engagement, differentiation) VALUES"
           "  (1, 'before', '2025-01-15', NULL, 3, 2, 4),"
           "  (1, 'after', '2025-05-15', 1, 2, NULL, 1);"
           /* Cy only before, Di only after. */
           "INSERT INTO observation (staff_id, phase, observed_on, technology) VALUES"
           "  (2, 'before', '2025-01-20', 4),"
           "  (3, 'after', '2025-05-20', 1);");

  improvements (f, 1, &result);
  g_assert_true (result.observed);
  g_assert_cmpint (result.pair.before.ratings[IS], ==, 0);
  g_assert_cmpint (result.pair.after.ratings[IS], ==, 1);
  g_assert_false (result.improved[IS]);
  g_assert_cmpint (result.pair.after.ratings[ENG], ==, 0);
  g_assert_false (result.improved[ENG]);
  g_assert_true (result.improved[TECH]);
  g_assert_true (result.improved[DIFF]);
  g_assert_false (result.improved[ACTIVE]);
  g_assert_cmpuint (result.n_improved, ==, 2);
  /* Not recorded is neither yes nor no. */
  g_assert_cmpint (result.pair.after.learners_progressed, ==, -1);

  /* A missing phase: what there is is given, nothing improved. */
  improvements (f, 2, &result);
  g_assert_false (result.observed);
  g_assert_cmpint (result.pair.before.ratings[TECH], ==, 4);
  g_assert_cmpint (result.pair.after.id, ==, 0);
  g_assert_cmpuint (result.n_improved, ==, 0);

  improvements (f, 3, &result);
  g_assert_false (result.observed);
  g_assert_cmpint (result.pair.before.id, ==, 0);
  g_assert_cmpint (result.pair.after.ratings[TECH], ==, 1);
  g_assert_cmpuint (result.n_improved, ==, 0);

  /* Never observed. */
  improvements (f, 4, &result);
  g_assert_false (result.observed);
  g_assert_cmpint (result.pair.before.id, ==, 0);
  g_assert_cmpint (result.pair.after.id, ==, 0);
  g_assert_cmpint (result.pair.after.learners_progressed, ==, -1);
}

static void
test_same_day (Fixture       *f,
               gconstpointer  data)
{
  PlImprovements result;

  /* Two observations on one day each side: the last entered before and
   * the first entered after are the ones compared. */
  exec (f, "INSERT INTO partner (id, name) VALUES (1, 'Test College');"
           "INSERT INTO staff (id, partner_id, name) VALUES (1, 1, 'Flo');"
           "INSERT INTO observation (id, staff_id, phase, observed_on, technology) VALUES"
           "  (1, 1, 'before', '2025-02-01', 2),"
           "  (2, 1, 'before', '2025-02-01', 3),"
           "  (3, 1, 'after', '2025-05-01', 2),"
           "  (4, 1, 'after', '2025-05-01', 1);");

  improvements (f, 1, &result);
  g_assert_cmpint (result.pair.before.id, ==, 2);
  g_assert_cmpint (result.pair.after.id, ==, 3);
  g_assert_true (result.improved[TECH]);

  /* Entered the other way round, the comparison is a tie. */
  exec (f, "DELETE FROM observation;"
           "INSERT INTO observation (id, staff_id, phase, observed_on, technology) VALUES"
           "  (5, 1, 'before', '2025-02-01', 3),"
           "  (6, 1, 'before', '2025-02-01', 2),"
           "  (7, 1, 'after', '2025-05-01', 2),"
           "  (8, 1, 'after', '2025-05-01', 1);");
  improvements (f, 1, &result);
  g_assert_cmpint (result.pair.before.id, ==, 6);
  g_assert_cmpint (result.pair.after.id, ==, 7);
  g_assert_false (result.improved[TECH]);
}

/* One person's rule and the network's figures agree on the sample. */
static void
test_agrees_with_stats (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  JsonObject *observations;
  JsonObject *improved;
  gint64 counts[PL_N_CRITERIA] = { 0 };
  gint64 observed = 0;

  pl_test_load_sample (f->store);
  root = pl_stats_compute (f->store, NULL, &error);
  g_assert_no_error (error);
  observations = json_object_get_object_member (json_node_get_object (root), "observations");
  improved = json_object_get_object_member (observations, "improved");

  stmt = pl_db_prepare (pl_store_get_db (f->store), "SELECT id FROM staff", &error);
  g_assert_no_error (error);
  while (pl_stmt_next (stmt, NULL))
    {
      PlImprovements result;

      improvements (f, pl_stmt_get_int (stmt, 0), &result);
      observed += result.observed;
      for (guint i = 0; i < PL_N_CRITERIA; i++)
        counts[i] += result.improved[i];
    }

  g_assert_cmpint (observed, ==, 24);
  g_assert_cmpint (observed, ==, json_object_get_int_member (observations, "staff_observed"));
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    g_assert_cmpint (counts[i], ==, json_object_get_int_member (improved, pl_criteria[i]));
}

/* Chain ------------------------------------------------------------ */

static void
test_find_staff (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  exec (f, "INSERT INTO partner (id, name) VALUES (1, 'A'), (2, 'B');"
           "INSERT INTO staff (id, partner_id, name) VALUES"
           "  (1, 1, 'Sam Taylor'), (2, 2, 'Sam Taylor'), (3, 1, 'Jo Bloggs');");

  g_assert_cmpint (pl_impact_find_staff (f->store, "JO BLOGGS", &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (pl_impact_find_staff (f->store, "Sam Taylor", &error), ==, 0);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (pl_impact_find_staff (f->store, "Nobody", &error), ==, 0);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
}

static JsonObject *
member (JsonObject *object,
        const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  return json_object_get_object_member (object, name);
}

/* Marguerite Okafor's placement: planned, hosted, reflected on, cascaded
 * to colleagues (one of whom was observed), observed before and after,
 * and surveyed by her students and her host. */
static void
test_chain_sample (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *placement, *observations, *surveys, *student, *employer;
  JsonArray *placements, *aims, *cascades, *criteria, *colleagues;
  gint64 staff;

  pl_test_load_sample (f->store);
  staff = pl_impact_find_staff (f->store, "Marguerite Okafor", &error);
  g_assert_no_error (error);

  node = pl_impact_chain (f->store, staff, &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (member (root, "staff"), "name"), ==,
                   "Marguerite Okafor");
  g_assert_cmpstr (json_object_get_string_member (member (root, "staff"), "partner"), ==,
                   "Humber Estuary College");

  placements = json_object_get_array_member (root, "placements");
  g_assert_cmpuint (json_array_get_length (placements), ==, 1);
  placement = json_array_get_object_element (placements, 0);
  g_assert_cmpstr (json_object_get_string_member (placement, "employer"), ==,
                   "The Saltmarsh Table");
  g_assert_cmpstr (json_object_get_string_member (placement, "status"), ==, "evaluated");
  aims = json_object_get_array_member (placement, "aims");
  g_assert_cmpuint (json_array_get_length (aims), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (aims, 0), ==, "teaching");
  g_assert_nonnull (strstr (json_object_get_string_member (placement, "goals"), "tasting menu"));
  g_assert_nonnull (strstr (json_object_get_string_member (member (placement, "reflection"),
                                                           "learned"), "Pan-Asian"));
  cascades = json_object_get_array_member (placement, "cascades");
  g_assert_cmpuint (json_array_get_length (cascades), ==, 2);
  g_assert_cmpint (json_object_get_int_member (member (placement, "reached"), "colleagues"), ==,
                   3);
  g_assert_cmpint (json_object_get_int_member (member (placement, "reached"), "students"), ==,
                   28);

  observations = member (root, "observations");
  g_assert_cmpint (json_object_get_int_member (observations, "count"), ==, 2);
  g_assert_true (json_object_get_boolean_member (observations, "observed"));
  g_assert_cmpint (json_object_get_int_member (observations, "improved"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (member (observations, "before"), "observer"),
                   ==, "Stephen Oakes");
  g_assert_true (json_object_get_boolean_member (member (observations, "before"),
                                                 "independent"));
  g_assert_false (json_object_get_boolean_member (member (observations, "after"),
                                                  "independent"));
  g_assert_true (json_object_get_boolean_member (observations, "learners_progressed"));
  criteria = json_object_get_array_member (observations, "criteria");
  g_assert_cmpuint (json_array_get_length (criteria), ==, PL_N_CRITERIA);
  {
    JsonObject *industry = json_array_get_object_element (criteria, IS);
    JsonObject *technology = json_array_get_object_element (criteria, TECH);

    g_assert_cmpstr (json_object_get_string_member (industry, "key"), ==, "industry_standards");
    g_assert_cmpint (json_object_get_int_member (industry, "before"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (industry, "after"), ==, 1);
    g_assert_true (json_object_get_boolean_member (industry, "improved"));
    g_assert_false (json_object_get_boolean_member (technology, "improved"));
  }

  colleagues = json_object_get_array_member (root, "colleagues");
  g_assert_cmpuint (json_array_get_length (colleagues), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (colleagues, 0),
                                                  "name"), ==, "Samira Haddad");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (colleagues, 0),
                                               "improved"), ==, 2);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "reached_by")), ==,
                    0);

  surveys = member (root, "surveys");
  student = member (surveys, "student");
  employer = member (surveys, "employer");
  g_assert_cmpint (json_object_get_int_member (student, "responses"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (member (student, "agree_pct"), "workplace"), ==,
                   100);
  g_assert_cmpint (json_object_get_int_member (employer, "responses"), ==, 1);
}

/* Samira Haddad has no placement: her learning came through Marguerite
 * Okafor's, whose cascade reached her. */
static void
test_chain_colleague (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *other;
  JsonArray *reached_by;

  pl_test_load_sample (f->store);
  node = pl_impact_chain (f->store, pl_impact_find_staff (f->store, "Samira Haddad", NULL),
                          &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "placements")), ==,
                    0);
  reached_by = json_object_get_array_member (root, "reached_by");
  g_assert_cmpuint (json_array_get_length (reached_by), ==, 1);
  other = json_array_get_object_element (reached_by, 0);
  g_assert_cmpstr (json_object_get_string_member (other, "staff"), ==, "Marguerite Okafor");
  g_assert_cmpstr (json_object_get_string_member (other, "employer"), ==, "The Saltmarsh Table");
  g_assert_true (json_object_get_boolean_member (member (root, "observations"), "observed"));
  g_assert_cmpint (json_object_get_int_member (member (root, "observations"), "improved"), ==, 2);
  /* The five responses linked to her by name. */
  g_assert_cmpint (json_object_get_int_member (member (member (root, "surveys"), "student"),
                                               "responses"), ==, 5);
}

static void
test_chain_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *observations;

  exec (f, "INSERT INTO partner (id, name) VALUES (1, 'A');"
           "INSERT INTO staff (id, partner_id, name) VALUES (1, 1, 'New Starter');"
           "INSERT INTO survey_response (kind, staff_id, learning_improved, workplace) VALUES"
           "  ('student', 1, 'agree', NULL), ('student', 1, 'disagree', 'agree'),"
           "  ('student', 1, 'agree', NULL);");

  node = pl_impact_chain (f->store, 1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (node);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "placements")), ==,
                    0);
  observations = member (root, "observations");
  g_assert_false (json_object_get_boolean_member (observations, "observed"));
  g_assert_true (json_node_is_null (json_object_get_member (observations, "before")));
  g_assert_true (json_node_is_null (json_object_get_member (observations,
                                                           "learners_progressed")));
  /* Over those who answered, halves up: 2 of 3, and 1 of 1. */
  g_assert_cmpint (json_object_get_int_member (member (member (member (root, "surveys"), "student"),
                                                       "agree_pct"), "learning_improved"), ==, 67);
  g_assert_cmpint (json_object_get_int_member (member (member (member (root, "surveys"), "student"),
                                                       "agree_pct"), "workplace"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (member (member (member (root, "surveys"), "student"),
                                                       "answered"), "workplace"), ==, 1);

  g_clear_pointer (&node, json_node_unref);
  node = pl_impact_chain (f->store, 99, &error);
  g_assert_null (node);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
}

/* Survey import --------------------------------------------------- */

static void
test_match_question (void)
{
  static const struct
  {
    const char *kind;
    const char *header;
    const char *key;
  } cases[] = {
    { "student", "learning_improved", "learning_improved" },
    { "student", "LEARNING_IMPROVED", "learning_improved" },
    { "student", " Workplace ", "workplace" },
    { "student", "My learning improved through workplace information", "learning_improved" },
    { "student", "Q1. My learning improved through workplace information?",
      "learning_improved" },
    { "student", "2) I know more about employment opportunities", "employment_opportunities" },
    { "student", "Question 3: I know more about what happens in the workplace.", "workplace" },
    { "student", "I KNOW MORE ABOUT EQUALITY AND DIVERSITY!", "equality_diversity" },
    { "student", "Know more about equality and diversity", "equality_diversity" },
    { "student", "How far do you agree? [I know more about employment opportunities]",
      "employment_opportunities" },
    { "employer", "Vocational education is important to our company",
      "vocational_education_important" },
    { "employer", "We are more likely to host a teacher placement again?", "host_again" },
    { "employer", "work_with_providers", "work_with_providers" },
    { "employer", "learning_improved", NULL },
    { "student", "Timestamp", NULL },
    { "student", "Quality of teaching", NULL },
    { "student", "1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s: %s", cases[i].kind, cases[i].header);
      g_assert_cmpstr (pl_survey_match_question (cases[i].kind, cases[i].header), ==,
                       cases[i].key);
    }
}

static void
test_parse_answer (void)
{
  static const struct
  {
    const char *text;
    const char *key;
  } cases[] = {
    { "agree", "agree" }, { "Agree", "agree" }, { "  AGREE ", "agree" },
    { "Strongly agree", "agree" }, { "strongly  Agree", "agree" },
    { "Neutral", "neutral" }, { "Neither agree nor disagree", "neutral" },
    { "Disagree", "disagree" }, { "Strongly disagree", "disagree" },
    { "", "" }, { "   ", "" }, { "No answer", "" },
    { "Maybe", NULL }, { "yes", NULL }, { "agree!?", "agree" }, { "3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (pl_survey_parse_answer (cases[i].text), ==, cases[i].key);
}

typedef struct
{
  const char *kind;
  const char *text;
  gint64      rows;
  gint64      empty;
  /* The first response's answers in question order ("-" for none) and date. */
  const char *first;
  const char *date;
} GoodFile;

static void
test_good_files (Fixture       *f,
                 gconstpointer  data)
{
  static const GoodFile cases[] = {
    /* Keys, the three answers and empty cells. */
    { "student",
      "learning_improved,employment_opportunities,workplace,equality_diversity\n"
      "agree,neutral,disagree,\n"
      "Agree,,,agree\n",
      2, 0, "agree neutral disagree -", "2026-11-22" },
    /* A Google Forms export: Timestamp and Email Address, numbered
     * question texts, the five-point labels; a blank submission. */
    { "student",
      "Timestamp,Email Address,\"Q1. My learning improved through workplace information?\","
      "Q2. I know more about employment opportunities,"
      "Q3. I know more about what happens in the workplace,"
      "Q4. I know more about equality and diversity\n"
      "2026/10/05 10:15:32 GMT+1,alex.learner@example.org,Strongly agree,Agree,"
      "Neither agree nor disagree,Strongly disagree\n"
      "2026/10/05 10:17:02 GMT+1,sam.learner@example.org,Agree,Disagree,Agree,\n"
      "2026/10/06 08:00:00 GMT+1,kim.learner@example.org,,,,\n",
      2, 1, "agree agree neutral disagree", "2026-10-05" },
    /* A Microsoft Forms export: its own columns, UK dates, a subset of
     * the questions in another order, CRLF and a byte order mark. */
    { "employer",
      "\xEF\xBB\xBFID,Start time,Completion time,Email,Name,"
      "We are more likely to host a teacher placement again,"
      "Vocational education is important to our company\r\n"
      "1,03/11/2026 09:58:10,03/11/2026 10:01:44,anonymous,,Strongly Agree,Agree\r\n"
      "2,04/11/2026 14:02:00,04/11/2026 14:03:30,anonymous,,Disagree,\r\n",
      2, 0, "agree agree -", "2026-11-03" },
    /* A Google Forms grid, a spreadsheet's empty last column. */
    { "employer",
      "Timestamp,How far do you agree? [We are more likely to work with education providers],\n"
      "22/11/2026 11:00:00,strongly disagree,\n",
      1, 0, "- - disagree", "2026-11-22" },
  };
  static const char * const columns[] = {
    "learning_improved", "employment_opportunities", "workplace", "equality_diversity", NULL
  };
  static const char * const employer_columns[] = {
    "vocational_education_important", "host_again", "work_with_providers", NULL
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const GoodFile *good = &cases[i];
      g_autofree char *name = g_strdup_printf ("good-%u.csv", i);
      g_autofree char *path = pl_test_write_file (f->dir, name, good->text, -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) first = g_string_new (NULL);
      g_autofree char *date = NULL;
      gint64 before = pl_test_select_int (f->store,
                                          "SELECT ifnull(max(id), 0) FROM survey_response");
      const char * const *keys = g_str_equal (good->kind, "student") ? columns : employer_columns;
      gint64 rows = -1, empty = -1;

      g_test_message ("case %u", i);
      g_assert_true (pl_survey_import_file (f->store, good->kind, path, NULL, &rows, &empty,
                                            NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (rows, ==, good->rows);
      g_assert_cmpint (empty, ==, good->empty);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT ifnull(%s, '-') FROM survey_response"
                                                  " WHERE id > %" G_GINT64_FORMAT
                                                  " ORDER BY id LIMIT 1", keys[k], before);
          g_autofree char *answer = pl_test_select_text (f->store, sql);

          g_string_append_printf (first, "%s%s", k ? " " : "", answer);
        }
      g_assert_cmpstr (first->str, ==, good->first);

      {
        g_autofree char *sql = g_strdup_printf ("SELECT responded_on FROM survey_response"
                                                " WHERE id > %" G_GINT64_FORMAT
                                                " ORDER BY id LIMIT 1", before);
        date = pl_test_select_text (f->store, sql);
      }
      g_assert_cmpstr (date, ==, good->date);
    }

  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM survey_response"
                                       " WHERE kind = 'student'"),
                   ==, 4);
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM survey_response"
                                       " WHERE kind = 'employer'"),
                   ==, 3);

  /* Anonymous: no email address reaches the database file. */
  g_clear_object (&f->store);
  {
    g_autoptr(GBytes) bytes = pl_test_read_bytes (f->path);
    gsize size;
    const char *contents = g_bytes_get_data (bytes, &size);

    g_assert_null (g_strstr_len (contents, size, "alex.learner"));
    g_assert_null (g_strstr_len (contents, size, "@example.org"));
  }
}

typedef struct
{
  const char *kind;
  const char *text;
  guint       line;
  guint       column;
  const char *reason;
} BadFile;

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  static const BadFile cases[] = {
    /* An answer we do not know, at its line and column. */
    { "student", "Timestamp,learning_improved,workplace\n"
                 "2026/11/20 10:00:00,Agree,Agree\n"
                 "2026/11/20 10:05:00,Strongly agree,Maybe\n",
      3, 36, "column “workplace”: “Maybe” is not an answer" },
    { "employer", "host_again\nyes\n", 2, 1, "“yes” is not an answer" },
    /* Columns */
    { "student", "learning_improved,Favourite colour\nagree,blue\n", 1, 19,
      "unknown column “Favourite colour”" },
    { "student", "learning_improved,host_again\nagree,agree\n", 1, 19,
      "“host_again” is a question of the employer survey" },
    { "employer", "Timestamp,My learning improved through workplace information\n", 1, 11,
      "is a question of the student survey" },
    { "student", "workplace,I know more about what happens in the workplace\n", 1, 11,
      "the question workplace has two columns" },
    { "student", "Timestamp,Email Address\n2026/11/20 10:00:00,a@b.example\n", 1, 1,
      "no column of the header is a question of the student survey" },
    { "student", "workplace,\nagree,oops\n", 2, 7, "column 2 has no name" },
    /* Dates */
    { "student", "Timestamp,workplace\nyesterday,agree\n", 2, 1,
      "column “Timestamp”: “yesterday” is not a date" },
    { "student", "Date,workplace\n31/02/2026,agree\n", 2, 1, "“31/02/2026” is not a date" },
    /* Shape */
    { "student", "workplace,learning_improved\nagree\n", 2, 6,
      "this row has 1 field but the header has 2" },
    { "student", "workplace\nagree,agree\n", 2, 7, "this row has 2 fields but the header has 1" },
    { "student", "", 1, 1, "the file is empty" },
    { "student", "workplace\n\"agree\n", 2, 1, "this quoted field has no closing quote" },
    /* A fault in the last row undoes the rows before it. */
    { "student", "workplace\nagree\nagree\nagree\nsometimes\n", 5, 1, "“sometimes”" },
  };
  g_autoptr(GBytes) before = NULL;

  pl_test_load_sample (f->store);
  g_clear_object (&f->store);
  before = pl_test_read_bytes (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const BadFile *bad = &cases[i];
      g_autofree char *name = g_strdup_printf ("bad-%u.csv", i);
      g_autofree char *path = pl_test_write_file (f->dir, name, bad->text, -1);
      g_autofree char *where = g_strdup_printf ("%s:%u:%u: ", path, bad->line, bad->column);
      g_autoptr(PlStore) store = pl_store_open (f->path, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) after = NULL;
      gint64 rows = -1;

      g_test_message ("case %u: %s", i, bad->reason);
      g_assert_false (pl_survey_import_file (store, bad->kind, path, NULL, &rows, NULL, NULL,
                                             &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == PL_ERROR);
      if (!g_str_has_prefix (error->message, where) || strstr (error->message, bad->reason) == NULL)
        g_error ("case %u: expected “%s…%s”, got “%s”", i, where, bad->reason, error->message);
      g_assert_cmpint (rows, ==, -1);

      g_clear_object (&store);
      after = pl_test_read_bytes (f->path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_links (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *students = pl_test_write_file (f->dir, "students.csv",
                                                  "workplace\nagree\nagree\n", -1);
  g_autofree char *employers = pl_test_write_file (f->dir, "employers.csv",
                                                   "host_again\nagree\n", -1);
  PlSurveyLink link = { 0 };
  gint64 placement, host, staff, partner;
  gint64 rows = 0;

  pl_test_load_sample (f->store);
  placement = pl_test_select_int (f->store,
                                  "SELECT p.id FROM placement p JOIN staff s ON s.id = p.staff_id"
                                  " WHERE s.name = 'Marguerite Okafor'");
  host = pl_test_select_int (f->store,
                             "SELECT employer_id FROM placement WHERE id ="
                             " (SELECT p.id FROM placement p JOIN staff s ON s.id = p.staff_id"
                             "  WHERE s.name = 'Marguerite Okafor')");
  staff = pl_test_select_int (f->store, "SELECT id FROM staff WHERE name = 'Marguerite Okafor'");
  partner = pl_test_select_int (f->store,
                                "SELECT partner_id FROM staff WHERE name = 'Marguerite Okafor'");
  g_assert_cmpint (partner, >, 0);

  /* Linked to a placement, an employer survey is linked to its host. */
  link.placement_id = placement;
  link.date = "2026-06-30";
  g_assert_true (pl_survey_import_file (f->store, "employer", employers, &link, &rows, NULL,
                                        NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT employer_id FROM survey_response"
                                       " ORDER BY id DESC"), ==, host);
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT placement_id FROM survey_response"
                                       " ORDER BY id DESC"), ==, placement);
  {
    g_autofree char *date = pl_test_select_text (f->store,
                                                 "SELECT responded_on FROM survey_response"
                                                 " ORDER BY id DESC");
    g_assert_cmpstr (date, ==, "2026-06-30");
  }

  /* Linked to a member of staff, students' answers count for them: the
   * sample's five and these two. */
  memset (&link, 0, sizeof link);
  link.staff_id = staff;
  g_assert_true (pl_survey_import_file (f->store, "student", students, &link, &rows, NULL,
                                        NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);
  g_assert_cmpint (pl_test_select_int (f->store,
                                       "SELECT count(*) FROM survey_response WHERE kind = 'student'"
                                       " AND staff_id = (SELECT id FROM staff"
                                       "   WHERE name = 'Marguerite Okafor')"), ==, 7);

  /* Unknown links and dates are refused before anything is read. */
  memset (&link, 0, sizeof link);
  link.placement_id = 99999;
  g_assert_false (pl_survey_import_file (f->store, "student", students, &link, NULL, NULL,
                                         NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  memset (&link, 0, sizeof link);
  link.staff_id = 99999;
  g_assert_false (pl_survey_import_file (f->store, "student", students, &link, NULL, NULL,
                                         NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);
  memset (&link, 0, sizeof link);
  link.date = "30/06/2026";
  g_assert_false (pl_survey_import_file (f->store, "student", students, &link, NULL, NULL,
                                         NULL, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
}

/* The placements a response may be about, latest first, and the host of
 * a placement linked to an employer's response by the store, whoever adds
 * it. */
static void
test_store_survey (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) placements = NULL;
  g_autoptr(GArray) one = NULL;
  g_autoptr(PlRecord) employer = pl_record_new (PL_TYPE_SURVEY_RESPONSE);
  g_autoptr(PlRecord) student = pl_record_new (PL_TYPE_SURVEY_RESPONSE);
  gint64 placement;
  const char *last = NULL;

  pl_test_load_sample (f->store);
  placements = pl_store_survey_list_placements (f->store, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (placements->len, ==,
                   pl_test_select_int (f->store, "SELECT count(*) FROM placement"
                                          " WHERE status IN ('completed', 'cascaded', 'evaluated')"));
  g_assert_cmpuint (placements->len, >, 1);
  for (guint i = 0; i < placements->len; i++)
    {
      const PlSurveyPlacement *p = &g_array_index (placements, PlSurveyPlacement, i);

      g_assert_nonnull (p->staff);
      g_assert_nonnull (p->host);
      if (last != NULL && p->first_day != NULL)
        g_assert_cmpstr (p->first_day, <=, last);
      if (p->first_day != NULL)
        last = p->first_day;
    }

  placement = pl_test_select_int (f->store, "SELECT p.id FROM placement p JOIN staff s ON s.id = p.staff_id"
                                     " WHERE s.name = 'Marguerite Okafor'");
  one = pl_store_survey_list_placements (f->store, placement, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpint (g_array_index (one, PlSurveyPlacement, 0).id, ==, placement);
  g_assert_cmpstr (g_array_index (one, PlSurveyPlacement, 0).staff, ==, "Marguerite Okafor");

  pl_record_set_string (employer, "kind", "employer");
  pl_record_set_int (employer, "placement_id", placement);
  pl_record_set_string (employer, "host_again", "agree");
  g_assert_true (pl_store_survey_add (f->store, employer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_id (employer), >, 0);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT employer_id FROM survey_response ORDER BY id DESC"), ==,
                   pl_test_select_int (f->store, "SELECT employer_id FROM placement p JOIN staff s"
                                 " ON s.id = p.staff_id WHERE s.name = 'Marguerite Okafor'"));

  /* Students answer about their teacher, not the host. */
  pl_record_set_string (student, "kind", "student");
  pl_record_set_int (student, "placement_id", placement);
  pl_record_set_string (student, "workplace", "agree");
  g_assert_true (pl_store_survey_add (f->store, student, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_test_select_int (f->store, "SELECT employer_id IS NULL FROM survey_response"
                                 " ORDER BY id DESC"), ==, 1);
}

/* An import shows in the figures: over those who answered, filtered by
 * the staff member's partner and by the date of the responses. */
static void
test_import_in_stats (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) all = NULL;
  g_autoptr(JsonNode) partner = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autoptr(JsonNode) period = NULL;
  g_autofree char *path = pl_test_write_file (f->dir, "s.csv",
                                              "Timestamp,learning_improved,workplace\n"
                                              "2026/11/20 10:00,Strongly agree,\n"
                                              "2026/11/20 10:01,Disagree,\n"
                                              "2026/11/20 10:02,Agree,Agree\n", -1);
  PlSurveyLink link = { 0 };
  PlStatsFilter lead = { "Humber Estuary College", NULL, NULL };
  PlStatsFilter dearne = { "Dearneside College", NULL, NULL };
  PlStatsFilter this_year = { NULL, "2026-09-01", "2027-08-31" };
  JsonObject *students;

  pl_test_load_sample (f->store);
  link.staff_id = pl_test_select_int (f->store,
                                      "SELECT id FROM staff WHERE name = 'Marguerite Okafor'");
  g_assert_true (pl_survey_import_file (f->store, "student", path, &link, NULL, NULL, NULL,
                                        &error));
  g_assert_no_error (error);

  all = pl_stats_compute (f->store, NULL, &error);
  g_assert_no_error (error);
  students = json_object_get_object_member (json_node_get_object (all), "student_survey");
  g_assert_cmpint (json_object_get_int_member (students, "responses"), ==, 76);
  /* 70 of 73 agreed before; now 72 of 76 answered, 94.7 %. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (students,
                                                                              "agree_pct"),
                                               "learning_improved"), ==, 95);

  partner = pl_stats_compute (f->store, &lead, &error);
  g_assert_no_error (error);
  other = pl_stats_compute (f->store, &dearne, &error);
  g_assert_no_error (error);
  period = pl_stats_compute (f->store, &this_year, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (period), "student_survey"), "responses"), ==, 3);
  /* Only the workplace question of one response was answered: 1 of 1. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_object_get_object_member (json_node_get_object (period),
                                                    "student_survey"), "agree_pct"),
                   "workplace"), ==, 100);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (partner), "student_survey"), "responses"), >=, 3);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (other), "student_survey"), "responses"), <,
                   json_object_get_int_member (json_object_get_object_member (
                     json_node_get_object (partner), "student_survey"), "responses"));
}

/* CLI ---------------------------------------------------------------- */

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *good = pl_test_write_file (f->dir, "good.csv",
                                              "Timestamp,Email,Q1. My learning improved through "
                                              "workplace information,workplace\n"
                                              "2026/11/20 10:00,x@example.org,"
                                              "Strongly agree,Agree\n"
                                              "2026/11/20 10:01,y@example.org,,\n", -1);
  g_autofree char *bad = pl_test_write_file (f->dir, "bad.csv", "workplace\nagree\nMaybe\n", -1);
  g_autofree char *where = g_strdup_printf ("%s:3:1: ", bad);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  g_assert_nonnull (g_getenv ("PLACEMENTS_CLI"));
  pl_test_load_sample (f->store);
  g_clear_object (&f->store);

  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "survey", "student", good,
                     "--staff", "marguerite okafor", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Imported 1 student survey response from"));
    g_assert_nonnull (strstr (run.out, "Skipped 1 row that answered no question"));
  }

  before = pl_test_read_bytes (f->path);
  {
    g_auto(PlTestRun) run = { 0 };

    /* A bad cell: 1, the place first on stderr, nothing written. */
    pl_test_run_cli (&run, f->path, "import", "survey", "student", bad, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.err, where));
    g_assert_nonnull (strstr (run.err, "“Maybe” is not an answer"));
  }
  {
    g_auto(PlTestRun) run = { 0 };

    /* An unknown link: 1. */
    pl_test_run_cli (&run, f->path, "import", "survey", "student", good, "--staff", "Nobody",
                     NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "“Nobody”"));
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "survey", "employer", good,
                     "--employer", "Nowhere Ltd", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "survey", "student", good,
                     "--placement", "99999", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "survey", "student", "/nonexistent/file.csv", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
  /* Usage errors: 2. */
  {
    static const char * const usage[][6] = {
      { "import", "survey", "teacher", "x.csv", NULL },
      { "import", "survey", "student", NULL },
      { "import", "survey", "student", "x.csv", "--placement", "first" },
      { "import", "survey", "student", "x.csv", "--date", "tomorrow" },
      { "impact", NULL },
      { "impact", "--staff", "Marguerite Okafor", "extra", NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
      {
        g_auto(PlTestRun) run = { 0 };

        pl_test_run_cli (&run, f->path, usage[i][0], usage[i][1], usage[i][2], usage[i][3],
                         usage[i][4], usage[i][5], NULL);
        g_assert_cmpint (run.status, ==, 2);
      }
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "import", "survey", "student", good,
                     "--staff", "Marguerite Okafor", "--employer", "The Saltmarsh Table", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  after = pl_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));

  {
    g_auto(PlTestRun) run = { 0 };
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) error = NULL;
    JsonObject *root;

    pl_test_run_cli (&run, f->path, "impact", "--staff", "Marguerite Okafor", "--json", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    root = json_node_get_object (json_parser_get_root (parser));
    /* Five from the sample, one imported above. */
    g_assert_cmpint (json_object_get_int_member (member (member (root, "surveys"), "student"),
                                                 "responses"), ==, 6);
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "impact", "--staff", "Marguerite Okafor", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "Industry standards and employability"));
    g_assert_nonnull (strstr (run.out, "improved"));
    g_assert_nonnull (strstr (run.out, "Samira Haddad"));
  }
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, f->path, "impact", "--staff", "Nobody", NULL);
    g_assert_cmpint (run.status, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)
  g_test_add_func ("/impact/rule/rating", test_rating_rule);
  ADD ("/impact/rule/first-after-last-before", test_first_after_last_before);
  ADD ("/impact/rule/missing", test_missing);
  ADD ("/impact/rule/same-day", test_same_day);
  ADD ("/impact/rule/agrees-with-stats", test_agrees_with_stats);
  ADD ("/impact/chain/find-staff", test_find_staff);
  ADD ("/impact/chain/sample", test_chain_sample);
  ADD ("/impact/chain/colleague", test_chain_colleague);
  ADD ("/impact/chain/empty", test_chain_empty);
  g_test_add_func ("/impact/survey/match-question", test_match_question);
  g_test_add_func ("/impact/survey/parse-answer", test_parse_answer);
  ADD ("/impact/survey/good-files", test_good_files);
  ADD ("/impact/survey/bad-files", test_bad_files);
  ADD ("/impact/survey/links", test_links);
  ADD ("/impact/survey/in-stats", test_import_in_stats);
  ADD ("/impact/survey/store", test_store_survey);
  ADD ("/impact/cli", test_cli);
#undef ADD

  return g_test_run ();
}
