/* test-cli.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include "pl-test-sqlite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"

/* placements-cli is run as a separate process, as scripts run it, and
 * judged by its exit status, its output and the database it leaves. */

typedef PlTestCliDb Fixture;

static void
init_sample (Fixture *f)
{
  g_auto(PlTestRun) run = { 0 };

  pl_test_run_cli (&run, f->db, "init", "--sample", NULL);
  g_assert_cmpint (run.status, ==, 0);
}

static JsonArray *
list_json (Fixture    *f,
           const char *kind,
           JsonParser *parser)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(GError) error = NULL;

  pl_test_run_cli (&run, f->db, "list", kind, "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
assert_members (JsonObject  *object,
                const char **keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    if (!json_object_has_member (object, keys[i]))
      g_error ("missing key “%s”", keys[i]);
}

static void
test_version_and_help (Fixture       *f,
                       gconstpointer  data)
{
  g_auto(PlTestRun) version = { 0 };
  g_auto(PlTestRun) help = { 0 };

  pl_test_run_cli (&version, NULL, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "placements-cli " PACKAGE_VERSION "\n");

  pl_test_run_cli (&help, NULL, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "Usage: placements-cli"));
  g_assert_nonnull (strstr (help.out, "backup FILE"));
}

static void
test_usage_errors (Fixture       *f,
                   gconstpointer  data)
{
  const char *cases[][4] = {
    { NULL },
    { "frobnicate", NULL },
    { "list", NULL },
    { "list", "spaceships", NULL },
    { "list", "staff", "--colour", NULL },
    { "stats", "--from", "yesterday", NULL },
    { "backup", NULL },
    { "init", "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(PlTestRun) run = { 0 };

      pl_test_run_cli (&run, f->db, cases[i][0], cases[i][1], cases[i][2], cases[i][3], NULL);
      if (run.status != 2)
        g_error ("case %u (%s): exit %d, expected 2", i, cases[i][0], run.status);
      g_assert_nonnull (strstr (run.err, "Usage:"));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* No usage error wrote a database. */
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_init_and_env (Fixture       *f,
                   gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) listed = { 0 };
  g_autofree char *db_env = g_strconcat ("PLACEMENTS_DB=", f->db, NULL);
  const char *env[] = { db_env, NULL };

  pl_test_run_cli (&run, f->db, "init", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));

  /* PLACEMENTS_DB names the database when --db does not. */
  pl_test_run_cli_env (&listed, NULL, env, "list", "partners", "--json", NULL);
  g_assert_cmpint (listed.status, ==, 0);
  g_assert_cmpstr (g_strstrip (listed.out), ==, "[]");
}

static void
test_init_sample_twice (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(PlTestRun) again = { 0 };
  g_autoptr(JsonParser) before = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  guint n;

  init_sample (f);
  n = json_array_get_length (list_json (f, "placements", before));
  g_assert_cmpuint (n, >, 16);

  pl_test_run_cli (&again, f->db, "init", "--sample", NULL);
  g_assert_cmpint (again.status, ==, 1);
  g_assert_nonnull (strstr (again.err, "already holds data"));
  g_assert_cmpuint (json_array_get_length (list_json (f, "placements", after)), ==, n);
}

static void
test_list_shapes (Fixture       *f,
                  gconstpointer  data)
{
  const char *partner_keys[] = { "id", "name", "kind", "status", NULL };
  const char *staff_keys[] = { "id", "name", "partner", "job_title", "email", "sector", NULL };
  const char *employer_keys[] = { "id", "name", "sector", "relationship", "contact_name",
                                  "contact_email", "contact_phone", "capacity", "notice_weeks",
                                  NULL };
  const char *placement_keys[] = { "id", "staff", "partner", "employer", "sector", "status",
                                   "window_start", "window_end", "length", "days", NULL };
  const char *group_keys[] = { "id", "name", "area", "wave", "status", "facilitator", "members",
                               "meetings", "outcomes", NULL };
  g_autoptr(JsonParser) p1 = json_parser_new ();
  g_autoptr(JsonParser) p2 = json_parser_new ();
  g_autoptr(JsonParser) p3 = json_parser_new ();
  g_autoptr(JsonParser) p4 = json_parser_new ();
  g_autoptr(JsonParser) p5 = json_parser_new ();
  JsonArray *partners, *staff, *employers, *placements, *groups;
  guint unmatched = 0, with_days = 0;

  init_sample (f);

  partners = list_json (f, "partners", p1);
  g_assert_cmpuint (json_array_get_length (partners), ==, 4);
  for (guint i = 0; i < json_array_get_length (partners); i++)
    assert_members (json_array_get_object_element (partners, i), partner_keys);

  staff = list_json (f, "staff", p2);
  g_assert_cmpuint (json_array_get_length (staff), >=, 24);
  for (guint i = 0; i < json_array_get_length (staff); i++)
    assert_members (json_array_get_object_element (staff, i), staff_keys);

  employers = list_json (f, "employers", p3);
  g_assert_cmpuint (json_array_get_length (employers), >=, 10);
  for (guint i = 0; i < json_array_get_length (employers); i++)
    {
      JsonObject *e = json_array_get_object_element (employers, i);
      assert_members (e, employer_keys);
      g_assert_cmpint (json_object_get_int_member (e, "capacity"), >=, 1);
    }

  placements = list_json (f, "placements", p4);
  for (guint i = 0; i < json_array_get_length (placements); i++)
    {
      JsonObject *p = json_array_get_object_element (placements, i);
      JsonArray *days;

      assert_members (p, placement_keys);
      days = json_object_get_array_member (p, "days");
      if (json_object_get_null_member (p, "employer"))
        unmatched++;
      if (json_array_get_length (days) > 0)
        {
          with_days++;
          g_assert_cmpuint (strlen (json_array_get_string_element (days, 0)), ==, 10);
        }
    }
  /* Requests wait without an employer; what took place has days. */
  g_assert_cmpuint (unmatched, >=, 1);
  g_assert_cmpuint (with_days, >=, 16);

  groups = list_json (f, "groups", p5);
  g_assert_cmpuint (json_array_get_length (groups), >=, 1);
  for (guint i = 0; i < json_array_get_length (groups); i++)
    assert_members (json_array_get_object_element (groups, i), group_keys);
}

static void
test_list_text (Fixture       *f,
                gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *employers;

  init_sample (f);
  employers = list_json (f, "employers", parser);

  pl_test_run_cli (&run, f->db, "list", "employers", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "ID"));
  for (guint i = 0; i < json_array_get_length (employers); i++)
    {
      const char *name = json_object_get_string_member (json_array_get_object_element (employers, i),
                                                        "name");
      if (strstr (run.out, name) == NULL)
        g_error ("employer “%s” missing from the text listing", name);
    }
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) text = { 0 };
  g_auto(PlTestRun) unknown = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root, *placements;

  init_sample (f);
  pl_test_run_cli (&run, f->db, "stats", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  placements = json_object_get_object_member (root, "placements");
  g_assert_cmpint (json_object_get_int_member (placements, "total"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (placements, "cancelled"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "employers"), ==, 10);

  pl_test_run_cli (&text, f->db, "stats", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "16"));

  /* A person reads the survey question with its share, written "96%";
   * the key stays in the JSON only. */
  {
    JsonObject *students = json_object_get_object_member (root, "student_survey");
    JsonObject *pct = json_object_get_object_member (students, "agree_pct");
    JsonObject *hosts = json_object_get_object_member (root, "employer_survey");
    gint64 learning = json_object_get_int_member (pct, "learning_improved");
    g_autofree char *line =
      g_strdup_printf ("%" G_GINT64_FORMAT "%%  Learning improved by workplace information\n",
                       learning);

    g_assert_true (json_object_has_member (json_object_get_object_member (hosts, "agree_pct"),
                                           "host_again"));
    g_assert_cmpint (learning, >, 0);
    g_assert_nonnull (strstr (text.out, line));
    g_assert_nonnull (strstr (text.out, "More likely to host again"));
    g_assert_null (strstr (text.out, "learning_improved"));
    g_assert_null (strstr (text.out, "host_again"));
  }

  pl_test_run_cli (&unknown, f->db, "stats", "--partner", "Nowhere College", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "Nowhere College"));
}

static void
test_check_and_backup (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *sql = NULL;
  g_auto(PlTestRun) ok = { 0 };
  g_auto(PlTestRun) backup = { 0 };
  g_auto(PlTestRun) copy_ok = { 0 };
  g_auto(PlTestRun) broken = { 0 };
  sqlite3 *db = NULL;

  init_sample (f);
  pl_test_run_cli (&ok, f->db, "check", NULL);
  g_assert_cmpint (ok.status, ==, 0);

  pl_test_run_cli (&backup, f->db, "backup", copy, NULL);
  g_assert_cmpint (backup.status, ==, 0);
  pl_test_run_cli (&copy_ok, copy, "check", NULL);
  g_assert_cmpint (copy_ok.status, ==, 0);

  /* Break a rule behind the store's back: check must say so and fail. */
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE placement SET employer_id = NULL "
                                 "WHERE id = (SELECT min(id) FROM placement WHERE status = 'completed')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  pl_test_run_cli (&broken, f->db, "check", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.err, "has no employer"));
}

static void
test_newer_database (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(PlTestRun) init = { 0 };
  g_auto(PlTestRun) list = { 0 };
  sqlite3 *db = NULL;

  pl_test_run_cli (&init, f->db, "init", NULL);
  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 42", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  pl_test_run_cli (&list, f->db, "list", "staff", NULL);
  g_assert_cmpint (list.status, ==, 1);
  g_assert_nonnull (strstr (list.err, "newer version of Placements"));
}

/* An employer's appetite from the command line: shown, set for a year,
 * refused without a reason (and nothing changed), and a filter of the
 * employers' list. */
static void
test_appetite (Fixture       *f,
               gconstpointer  data)
{
  g_auto(PlTestRun) unknown = { 0 };
  g_auto(PlTestRun) no_reason = { 0 };
  g_auto(PlTestRun) set = { 0 };
  g_auto(PlTestRun) shown = { 0 };
  g_auto(PlTestRun) filtered = { 0 };
  g_auto(PlTestRun) others = { 0 };
  g_auto(PlTestRun) bad = { 0 };
  g_auto(PlTestRun) bad_year = { 0 };
  g_auto(PlTestRun) json = { 0 };

  init_sample (f);

  pl_test_run_cli (&unknown, f->db, "appetite", "keel and anchor hotel", "--year", "2026/27",
                   NULL);
  g_assert_cmpint (unknown.status, ==, 0);
  g_assert_cmpstr (unknown.out, ==, "Keel and Anchor Hotel, 2026/27: Unknown\n");

  pl_test_run_cli (&no_reason, f->db, "appetite", "Keel and Anchor Hotel", "not-this-year",
                   "--year", "2026/27", NULL);
  g_assert_cmpint (no_reason.status, ==, 1);
  g_assert_nonnull (strstr (no_reason.err, "needs a reason"));

  pl_test_run_cli (&set, f->db, "appetite", "Keel and Anchor Hotel", "not-this-year",
                   "--year", "2026/27", "--reason", "refurbishment", NULL);
  g_assert_cmpint (set.status, ==, 0);
  g_assert_cmpstr (set.out, ==,
                   "Keel and Anchor Hotel, 2026/27: Not this year (refurbishment)\n");

  pl_test_run_cli (&shown, f->db, "appetite", "Keel and Anchor Hotel", NULL);
  g_assert_cmpstr (shown.out, ==,
                   "Keel and Anchor Hotel, 2026/27: Not this year (refurbishment)\n");

  pl_test_run_cli (&filtered, f->db, "list", "employers", "--appetite", "not_this_year",
                   "--year", "2026-27", NULL);
  g_assert_cmpint (filtered.status, ==, 0);
  g_assert_nonnull (strstr (filtered.out, "Keel and Anchor Hotel"));
  g_assert_null (strstr (filtered.out, "Pixelwharf Software"));

  /* "unknown" is every employer nothing is recorded for. */
  pl_test_run_cli (&others, f->db, "list", "employers", "--appetite", "unknown",
                   "--year", "2026/27", NULL);
  g_assert_null (strstr (others.out, "Keel and Anchor Hotel"));
  g_assert_nonnull (strstr (others.out, "Pixelwharf Software"));

  pl_test_run_cli (&json, f->db, "appetite", "Keel and Anchor Hotel", "--json", NULL);
  g_assert_nonnull (strstr (json.out, "\"appetite\" : \"not_this_year\""));
  g_assert_nonnull (strstr (json.out, "\"year\" : \"2026/27\""));

  pl_test_run_cli (&bad, f->db, "appetite", "Keel and Anchor Hotel", "keen", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "“keen” is not an appetite"));
  pl_test_run_cli (&bad_year, f->db, "appetite", "Keel and Anchor Hotel", "looking",
                   "--year", "2026/28", NULL);
  g_assert_cmpint (bad_year.status, ==, 2);
  g_assert_nonnull (strstr (bad_year.err, "not an academic year"));
}

/* The needs-attention list, as scripts read it. */
static void
test_attention (Fixture       *f,
                gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };
  g_auto(PlTestRun) text = { 0 };
  g_auto(PlTestRun) longer = { 0 };
  g_auto(PlTestRun) bad = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  gboolean follow_up_seen = FALSE;

  init_sample (f);

  pl_test_run_cli (&run, f->db, "attention", "--json", "--today", "2026-11-22", NULL);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      JsonArray *reasons = json_object_get_array_member (item, "reasons");

      g_assert_cmpint (json_object_get_int_member (item, "id"), >, 0);
      g_assert_nonnull (json_object_get_string_member (item, "employer"));
      g_assert_cmpuint (json_array_get_length (reasons), >, 0);
      for (guint r = 0; r < json_array_get_length (reasons); r++)
        if (g_str_equal (json_array_get_string_element (reasons, r), "follow_up_due"))
          {
            follow_up_seen = TRUE;
            g_assert_cmpstr (json_object_get_string_member (item, "follow_up"), <=, "2026-11-22");
          }
    }
  /* The sample has a follow-up that has come by then. */
  g_assert_true (follow_up_seen);

  /* The text lists the same employers, a line each. */
  pl_test_run_cli (&text, f->db, "attention", "--today", "2026-11-22", NULL);
  g_assert_cmpint (text.status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (text.out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines) - 1, ==, json_array_get_length (array));
  }

  /* A longer setting lists no more employers. */
  pl_test_run_cli (&longer, f->db, "attention", "--json", "--months", "36",
                   "--today", "2026-11-22", NULL);
  g_assert_cmpint (longer.status, ==, 0);
  {
    g_autoptr(JsonParser) longer_parser = json_parser_new ();

    json_parser_load_from_data (longer_parser, longer.out, -1, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (json_parser_get_root (longer_parser))),
                      <=, json_array_get_length (array));
  }

  pl_test_run_cli (&bad, f->db, "attention", "--months", "0", NULL);
  g_assert_cmpint (bad.status, ==, 2);
}

/* Only init makes a database: any other command given a path that does
 * not exist says so and leaves the disk as it was (no file, no folder). */
static void
test_missing_database (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "typo", NULL);
  g_autofree char *path = g_build_filename (folder, "net.db", NULL);
  g_autofree char *expected =
    g_strdup_printf ("placements-cli: no database at %s (create one with "
                     "\"placements-cli --db %s init\")\n", path, path);
  g_autofree char *copy = g_build_filename (f->dir, "copy.db", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "partners.csv", NULL);
  const char *commands[][6] = {
    { "list", "partners", NULL },
    { "stats", "--json", NULL },
    { "check", NULL },
    { "set-status", "1", "proposed", NULL },
    { "milestones", NULL },
    { "backup", copy, NULL },
    { "import", "csv", "partners", csv, NULL },
    { "schedule", NULL },
  };

  g_assert_true (g_file_set_contents (csv, "name,kind\nNew College,college\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(PlTestRun) run = { 0 };

      pl_test_run_cliv (&run, path, commands[i]);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.err, ==, expected);
      g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    }

  /* And init does make it, folder and all. */
  {
    g_auto(PlTestRun) run = { 0 };

    pl_test_run_cli (&run, path, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_unlink (path);
    g_rmdir (folder);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add (name, Fixture, NULL, pl_test_cli_db_set_up, fn, pl_test_cli_db_tear_down)
  ADD ("/cli/appetite", test_appetite);
  ADD ("/cli/version-and-help", test_version_and_help);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/init-and-env", test_init_and_env);
  ADD ("/cli/init-sample-twice", test_init_sample_twice);
  ADD ("/cli/list/json-shapes", test_list_shapes);
  ADD ("/cli/list/text", test_list_text);
  ADD ("/cli/stats", test_stats);
  ADD ("/cli/attention", test_attention);
  ADD ("/cli/check-and-backup", test_check_and_backup);
  ADD ("/cli/newer-database", test_newer_database);
  ADD ("/cli/missing-database", test_missing_database);
#undef ADD

  return g_test_run ();
}
