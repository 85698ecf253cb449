/* test-evidence.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-date.h"
#include "pl-evidence.h"
#include "pl-test-data.h"

/* @issued and @expires may be NULL. */
static gint64
add_document (PlStore    *store,
              gint64      employer_id,
              const char *kind,
              const char *issued,
              const char *expires)
{
  g_autoptr(PlRecord) document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);

  g_object_set (document, "employer-id", employer_id, "kind", kind,
                "reference", "Filed in the shared drive", NULL);
  if (issued != NULL)
    pl_record_set_string (document, "issued_on", issued);
  if (expires != NULL)
    pl_record_set_string (document, "expires_on", expires);
  return pl_test_insert (store, document);
}

static char *
joined (GStrv kinds)
{
  return g_strjoinv (",", kinds);
}

static void
check (PlStore    *store,
       gint64      employer,
       const char *on,
       gboolean    complete,
       const char *missing,
       const char *expired)
{
  g_auto(GStrv) m = NULL;
  g_auto(GStrv) e = NULL;
  g_autofree char *m_text = NULL;
  g_autofree char *e_text = NULL;
  GDate day = pl_test_date (on);

  g_assert_cmpint (pl_evidence_check (store, employer, &day, &m, &e), ==, complete);
  m_text = joined (m);
  e_text = joined (e);
  g_assert_cmpstr (m_text, ==, missing);
  g_assert_cmpstr (e_text, ==, expired);
}

/* An employer with no documents lacks every kind. */
static void
test_nothing (PlTestDb      *db,
              gconstpointer  data)
{
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "warm");

  check (db->store, employer, "2026-11-22", FALSE,
         "insurance,health_safety_policy,risk_assessment,agreement", "");
}

/* A kind is covered on a day when one of its documents is in force then;
 * the expiry day itself still counts. */
static void
test_expiry (PlTestDb      *db,
             gconstpointer  data)
{
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "host");
  gint64 other = pl_test_employer (db->store, "Harbour Hotel", "host");

  add_document (db->store, employer, "insurance", "2026-01-01", "2026-12-31");
  add_document (db->store, employer, "health_safety_policy", NULL, NULL);
  add_document (db->store, employer, "risk_assessment", "2025-01-01", "2026-01-01");
  add_document (db->store, employer, "agreement", "2026-01-01", NULL);
  /* Another employer's documents do not count. */
  add_document (db->store, other, "risk_assessment", NULL, NULL);

  check (db->store, employer, "2026-11-22", FALSE, "", "risk_assessment");
  check (db->store, employer, "2026-12-31", FALSE, "", "risk_assessment");
  check (db->store, employer, "2027-01-01", FALSE, "", "insurance,risk_assessment");
  /* Before they were issued, the insurance and the agreement were not in
   * force either. */
  check (db->store, employer, "2025-12-31", FALSE, "", "insurance,agreement");

  /* A renewed risk assessment covers the kind again. */
  add_document (db->store, employer, "risk_assessment", "2026-06-01", "2027-06-01");
  check (db->store, employer, "2026-11-22", TRUE, "", "");
}

/* The rule in words, as the Employers page says what to collect. */
static void
test_in_words (PlTestDb      *db,
              gconstpointer  data)
{
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) expired = NULL;
  g_autofree char *what = NULL;
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "host");
  GDate day = pl_test_date ("2026-11-22");

  add_document (db->store, employer, "insurance", "2025-01-01", "2026-01-01");
  add_document (db->store, employer, "agreement", NULL, NULL);

  g_assert_false (pl_evidence_check (db->store, employer, &day, &missing, &expired));
  what = pl_evidence_describe ((const char * const *) missing, (const char * const *) expired);
  g_assert_cmpstr (what, ==,
                   "Missing: Health and safety policy and risk assessment. "
                   "Expired: Insurance certificate.");
  g_clear_pointer (&missing, g_strfreev);
  g_clear_pointer (&expired, g_strfreev);

  add_document (db->store, employer, "insurance", "2026-01-01", "2027-01-01");
  add_document (db->store, employer, "health_safety_policy", NULL, NULL);
  add_document (db->store, employer, "risk_assessment", NULL, NULL);
  g_assert_true (pl_evidence_check (db->store, employer, &day, &missing, &expired));
  g_assert_cmpuint (g_strv_length (missing), ==, 0);
  g_assert_cmpuint (g_strv_length (expired), ==, 0);
}

/* The list form agrees with the single check, employer by employer. */
static void
test_problems (PlTestDb      *db,
               gconstpointer  data)
{
  static const char * const kinds[] = {
    "insurance", "health_safety_policy", "risk_assessment", "agreement",
  };
  g_autoptr(GHashTable) problems = NULL;
  g_autoptr(GError) error = NULL;
  gint64 complete = pl_test_employer (db->store, "Complete Cafe", "host");
  gint64 partial = pl_test_employer (db->store, "Partial Pub", "host");
  gint64 none = pl_test_employer (db->store, "Nothing Yet Noodles", "prospect");
  GDate day = pl_test_date ("2026-11-22");
  PlEvidenceState *state;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    add_document (db->store, complete, kinds[i], NULL, "2027-01-01");
  add_document (db->store, partial, "insurance", NULL, "2026-11-01");
  add_document (db->store, partial, "agreement", NULL, NULL);

  problems = pl_evidence_problems (db->store, &day, &error);
  g_assert_no_error (error);

  g_assert_false (g_hash_table_contains (problems, &complete));

  state = g_hash_table_lookup (problems, &partial);
  g_assert_nonnull (state);
  g_assert_cmpint (state->missing, ==, PL_EVIDENCE_HEALTH_SAFETY_POLICY | PL_EVIDENCE_RISK_ASSESSMENT);
  g_assert_cmpint (state->expired, ==, PL_EVIDENCE_INSURANCE);

  state = g_hash_table_lookup (problems, &none);
  g_assert_nonnull (state);
  g_assert_cmpint (state->missing, ==, PL_EVIDENCE_ALL);
  g_assert_cmpint (state->expired, ==, 0);
  g_assert_cmpint (g_hash_table_size (problems), ==, 2);
}

static void
test_describe (void)
{
  static const char * const one[] = { "agreement", NULL };
  static const char * const two[] = { "insurance", "risk_assessment", NULL };
  static const char * const none[] = { NULL };
  g_autofree char *a = pl_evidence_describe (one, two);
  g_autofree char *b = pl_evidence_describe (none, NULL);

  g_assert_cmpstr (a, ==, "Missing: Signed agreement. Expired: Insurance certificate and "
                          "risk assessment.");
  g_assert_cmpstr (b, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlTestDb, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)

  ADD ("/evidence/nothing", test_nothing);
  ADD ("/evidence/expiry", test_expiry);
  ADD ("/evidence/in-words", test_in_words);
  ADD ("/evidence/problems", test_problems);
  g_test_add_func ("/evidence/describe", test_describe);

  return g_test_run ();
}
