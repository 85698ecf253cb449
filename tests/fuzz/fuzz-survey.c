/* fuzz-survey.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A libFuzzer target for the survey importer.
 *
 * The first byte of the input picks the survey (even: students, odd:
 * employers) and whether the responses are linked to a placement; the rest
 * is the file. Each input is imported into a database holding the sample
 * network, inside an outer transaction that is rolled back, so every input
 * meets the same data. An import that succeeds must have added as many
 * responses as it says, each answering at least one question; one that
 * fails must say where, as FILE:LINE:COLUMN, and leave the count as it was.
 * Crashes, sanitizer reports and failed assertions are findings. */

#include "config.h"

#include <stdint.h>

#include "fuzz-sample.h"
#include "pl-survey-import.h"
#include "pl-test-sqlite.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static PlStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  store = fuzz_sample_open ();
  return 0;
}

static gint64
count_responses (const char *where)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM survey_response%s", where);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  PlSurveyLink link = { 0 };
  const char *kind;
  const char *text;
  gint64 before, rows = -1, empty = -1;

  if (size < 1)
    return 0;

  kind = data[0] % 2 == 0 ? "student" : "employer";
  if (data[0] & 2)
    link.placement_id = 1;
  text = (const char *) data + 1;
  size--;

  if (!pl_store_begin (store, &error))
    g_error ("%s", error->message);
  before = count_responses ("");

  if (pl_survey_import_data (store, kind, text, size, "fuzz.csv", &link, &rows, &empty, NULL, &error))
    {
      g_assert_cmpint (rows, >=, 0);
      g_assert_cmpint (empty, >=, 0);
      g_assert_cmpint (count_responses (""), ==, before + rows);
      /* No response that answers nothing. */
      g_assert_cmpint (count_responses (" WHERE coalesce(learning_improved,"
                                        " employment_opportunities, workplace,"
                                        " equality_diversity, vocational_education_important,"
                                        " host_again, work_with_providers) IS NULL"), ==, 0);
    }
  else
    {
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv:"));
      g_assert_cmpint (count_responses (""), ==, before);
    }

  pl_store_rollback (store);
  return 0;
}
