/* test-pg.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pl-error.h"
#include "pl-milestones.h"
#include "pl-store-access.h"
#include "pl-store-appetite.h"
#include "pl-test-cli.h"
#include "pl-test-data.h"
#include "pl-test-pg.h"

/* A consortium's shared data set on a PostgreSQL server that the test
 * starts itself: the same results as a file, a copy that loses nothing,
 * partners who see only their own people, and an audit trail. */

static PlTestPg *server;

typedef struct
{
  char *dir;
  char *uri;       /* a new data set, owned by "lead" */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("placements-pg-XXXXXX", NULL);
  f->uri = pl_test_pg_new_database (server, "lead");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_remove_folder (f->dir);
  g_free (f->uri);
  g_free (f->dir);
}

/* @uri as another login would connect to it. */
static char *
uri_as (const char *uri,
        const char *role)
{
  const char *at = strchr (uri, '@');

  g_assert_nonnull (at);
  return g_strdup_printf ("postgresql://%s%s", role, at);
}

static char *
file_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static char *
stats_json (const char *db)
{
  g_auto(PlTestRun) run = { 0 };

  return g_strdup (pl_test_cli_ok (&run, db, "stats", "--json", NULL));
}

static void
assert_check_ok (const char *db)
{
  g_auto(PlTestRun) run = { 0 };

  pl_test_run_cli (&run, db, "check", NULL);
  if (run.status != 0)
    g_error ("check of %s failed:\n%s%s", db, run.out, run.err);
}

/* The sample made on the server reads as the one made in a file. */
static void
test_sample_stats (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *file = file_in (f, "sample.db");
  g_autofree char *on_file = NULL;
  g_autofree char *on_server = NULL;
  g_auto(PlTestRun) run = { 0 };

  pl_test_cli_ok (&run, file, "init", "--sample", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "init", "--sample", NULL);

  on_file = stats_json (file);
  on_server = stats_json (f->uri);
  g_assert_cmpstr (on_server, ==, on_file);
  g_assert_nonnull (strstr (on_file, "\"placements\""));
  assert_check_ok (file);
  assert_check_ok (f->uri);

  /* The lists, a partner's export and the workbook, from both. */
  {
    static const char * const lists[] = { "staff", "employers", "placements", "groups" };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      {
        g_auto(PlTestRun) a = { 0 };
        g_auto(PlTestRun) b = { 0 };
        g_autofree char *csv_file = file_in (f, "file.csv");
        g_autofree char *csv_server = file_in (f, "server.csv");
        g_autofree char *text_file = NULL;
        g_autofree char *text_server = NULL;

        pl_test_cli_ok (&a, file, "list", lists[i], NULL);
        pl_test_cli_ok (&b, f->uri, "list", lists[i], NULL);
        g_assert_cmpstr (b.out, ==, a.out);

        pl_test_run_clear (&a);
        pl_test_run_clear (&b);
        pl_test_cli_ok (&a, file, "export", "csv", lists[i], csv_file, NULL);
        pl_test_cli_ok (&b, f->uri, "export", "csv", lists[i], csv_server, NULL);
        g_assert_true (g_file_get_contents (csv_file, &text_file, NULL, NULL));
        g_assert_true (g_file_get_contents (csv_server, &text_server, NULL, NULL));
        g_assert_cmpstr (text_server, ==, text_file);
      }
  }
  /* Its placements imported again into both: the same rows, days and
   * milestones, done as the import ticks them. */
  {
    g_autofree char *csv = file_in (f, "placements.csv");
    const char *env[] = { "PLACEMENTS_TODAY=2027-01-11", NULL };
    const char * const targets[] = { file, f->uri };
    char *outputs[2][2] = { { NULL } };

    pl_test_run_clear (&run);
    pl_test_cli_ok (&run, file, "export", "csv", "placements", csv, NULL);
    for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
      {
        pl_test_run_clear (&run);
        pl_test_run_cli_env (&run, targets[i], env, "import", "csv", "placements", csv, NULL);
        if (run.status != 0)
          g_error ("import into %s failed:\n%s%s", targets[i], run.out, run.err);
        pl_test_run_clear (&run);
        outputs[i][0] = g_strdup (pl_test_cli_ok (&run, targets[i], "list", "placements", NULL));
        pl_test_run_clear (&run);
        outputs[i][1] = g_strdup (pl_test_cli_ok (&run, targets[i], "milestones", "--today",
                                                  "2027-01-11", "--json", NULL));
      }
    g_assert_cmpstr (outputs[1][0], ==, outputs[0][0]);
    g_assert_cmpstr (outputs[1][1], ==, outputs[0][1]);
    g_assert_nonnull (strstr (outputs[0][1], "2027-01-11"));
    for (guint i = 0; i < 2; i++)
      for (guint j = 0; j < 2; j++)
        g_free (outputs[i][j]);
    assert_check_ok (file);
    assert_check_ok (f->uri);
  }
  {
    g_autofree char *workbook = file_in (f, "network.xlsx");

    pl_test_run_clear (&run);
    pl_test_cli_ok (&run, f->uri, "export", "xlsx", workbook, NULL);
    g_assert_true (g_file_test (workbook, G_FILE_TEST_IS_REGULAR));
  }
}

/* Every row of every table of the model, as the sqlite3 shell prints it. */
static char *
dump_file (const char *path)
{
  static const char * const tables[] = {
    "settings", "sector", "partner", "staff", "employer", "contact", "employer_document",
    "employer_appetite", "calendar_period", "placement", "placement_day", "placement_term", "placement_event",
    "milestone_template", "milestone", "cascade", "observation", "survey_response",
    "exchange_group", "group_member", "group_meeting", "group_outcome",
  };
  g_autoptr(GString) dump = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[i]);
      const char *argv[] = { "sqlite3", "-batch", "-readonly", path, sql, NULL };
      g_auto(PlTestRun) run = { 0 };

      pl_test_run_program (&run, argv, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_string_append_printf (dump, "== %s\n%s", tables[i], run.out);
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

/* A file's data set to the server and back: the same rows, ids, history
 * and milestones, and the same figures on all three. */
static void
test_copy_both_ways (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *first = file_in (f, "first.db");
  g_autofree char *back = file_in (f, "back.db");
  g_autofree char *stats_first = NULL;
  g_autofree char *dump_first = NULL;
  g_autofree char *dump_back = NULL;
  g_auto(PlTestRun) run = { 0 };

  pl_test_cli_ok (&run, first, "init", "--sample", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, first, "appetite", "Keel and Anchor Hotel", "not_this_year",
                  "--year", "2026/27", "--reason", "refurbishment", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, first, "appetite", "Pixelwharf Software", "looking",
                  "--year", "2027/28", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, first, "copy", f->uri, NULL);
  g_assert_nonnull (strstr (run.out, "Copied"));
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "copy", back, NULL);

  stats_first = stats_json (first);
  {
    g_autofree char *stats_server = stats_json (f->uri);
    g_autofree char *stats_back = stats_json (back);

    g_assert_cmpstr (stats_server, ==, stats_first);
    g_assert_cmpstr (stats_back, ==, stats_first);
  }
  assert_check_ok (f->uri);
  assert_check_ok (back);

  dump_first = dump_file (first);
  dump_back = dump_file (back);
  g_assert_cmpstr (dump_back, ==, dump_first);
  g_assert_nonnull (strstr (dump_first, "not_this_year|refurbishment"));

  /* The server holds the appetite too, as the CLI reads it there. */
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "appetite", "Keel and Anchor Hotel", NULL);
  g_assert_nonnull (strstr (run.out, "2026/27: Not this year (refurbishment)"));
  g_assert_cmpuint (strlen (dump_first), >, 10000);

  /* A data set that holds records is never copied over. */
  pl_test_run_clear (&run);
  pl_test_run_cli (&run, first, "copy", f->uri, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "already holds records"));
  {
    g_autofree char *again = stats_json (f->uri);
    g_assert_cmpstr (again, ==, stats_first);
  }

  /* New records on the server take new ids after the copied ones. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlStore) store = pl_store_open_existing (f->uri, &error);
    gint64 highest;
    gint64 fresh;

    g_assert_no_error (error);
    highest = pl_store_count (store, PL_TYPE_PARTNER);
    fresh = pl_test_partner (store, "A College Added After The Copy");
    g_assert_cmpint (fresh, >, highest);
  }
}

/* A shared data set of format 2, with a coordinator granted already, is
 * moved to format 3 by the owner: the appetite is shared directory data
 * that the coordinator reads and writes, with a revision and an audit
 * trail like the employer's. */
static void
test_migration_v2_to_v3 (Fixture       *f,
                         gconstpointer  data)
{
  extern GResource *pl_core_get_resource (void);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autofree char *coordinator = uri_as (f->uri, "coord_m");
  g_autofree char *out = NULL;
  g_autofree char *reason = NULL;
  PlMigration steps[2];
  gint64 employer;

  for (int v = 1; v <= 2; v++)
    {
      g_autofree char *name = g_strdup_printf ("/org/placements/Placements/schema/pg/v%d.sql", v);
      g_autoptr(GBytes) sql = g_resource_lookup_data (pl_core_get_resource (), name, 0, NULL);

      g_assert_nonnull (sql);
      steps[v - 1].version = v;
      steps[v - 1].sql = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
    }
  store = pl_store_open_with_migrations (f->uri, steps, 2, &error);
  g_free ((char *) steps[0].sql);
  g_free ((char *) steps[1].sql);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 2);
  pl_test_partner (store, "Humber Estuary College");
  employer = pl_test_employer (store, "Keel and Anchor Hotel", "host");
  g_clear_object (&store);

  pl_test_pg_create_login (server, "coord_m");
  out = pl_test_pg_psql (server, f->uri,
                         "SELECT pl_grant('coord_m', 'Humber Estuary College');"
                         "SELECT to_regclass('employer_appetite') IS NULL;");
  g_assert_nonnull (strstr (out, "t"));
  g_clear_pointer (&out, g_free);

  /* The coordinator cannot move the data set on; the owner does. */
  store = pl_store_open (f->uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_schema_version (store), ==, 3);
  g_clear_object (&store);

  store = pl_store_open_existing (coordinator, &error);
  g_assert_no_error (error);
  g_assert_true (pl_store_set_appetite (store, employer, 2026, PL_APPETITE_INTERESTED, NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (pl_store_set_appetite (store, employer, 2026, PL_APPETITE_NOT_THIS_YEAR,
                                        "refurbishment", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_store_get_appetite (store, employer, 2026, &reason), ==,
                   PL_APPETITE_NOT_THIS_YEAR);
  g_assert_cmpstr (reason, ==, "refurbishment");
  g_clear_object (&store);

  out = pl_test_pg_psql (server, f->uri,
                         "SELECT revision FROM employer_appetite;"
                         "SELECT role || ':' || op || ':' || coalesce(field, '') FROM audit"
                         " WHERE tbl = 'employer_appetite' ORDER BY id;");
  g_assert_cmpstr (out, ==, "2\ncoord_m:insert:\ncoord_m:update:state\ncoord_m:update:reason\n");
}

/* Who may do what, checked against the server itself. */

typedef enum
{
  OWN,      /* a record of the role's own partner */
  OTHER,    /* one of the other partner's */
  SHARED,   /* of the whole network's directory */
} Whose;

typedef struct
{
  const char *role;
  const char *kind;
  Whose       whose;
  gboolean    read, create, update, delete;
} AccessCase;

typedef struct
{
  gint64 partner_a, partner_b;
  gint64 staff_a, staff_b;
  gint64 employer;
  gint64 placement_a, placement_b;
  gint64 sector;
} Network;

static void
build_network (PlStore *store,
               Network *n)
{
  n->partner_a = pl_test_partner (store, "Humber Estuary College");
  n->partner_b = pl_test_partner (store, "Wolds Training");
  n->staff_a = pl_test_staff (store, n->partner_a, "Ada Lecturer");
  n->staff_b = pl_test_staff (store, n->partner_b, "Ben Trainer");
  n->employer = pl_test_employer (store, "Saltmarsh Table", "warm");
  n->placement_a = pl_test_placement (store, n->staff_a, n->employer, "request", NULL);
  n->placement_b = pl_test_placement (store, n->staff_b, n->employer, "request", NULL);
  n->sector = pl_test_sector (store, "Catering and Hospitality");
}

static PlRecord *
new_record (const char *kind,
            Whose       whose,
            const char *role,
            const Network *n)
{
  gboolean a = g_str_equal (role, "coord_a") ? whose == OWN : whose == OTHER;
  gint64 partner = a ? n->partner_a : n->partner_b;
  gint64 staff = a ? n->staff_a : n->staff_b;
  PlRecord *record;

  if (g_str_equal (kind, "staff"))
    {
      record = pl_record_new (PL_TYPE_STAFF);
      g_object_set (record, "partner-id", partner, "name", "New Person",
                    "teaching-days", (gint64) 3, NULL);
    }
  else if (g_str_equal (kind, "placement"))
    {
      record = pl_record_new (PL_TYPE_PLACEMENT);
      g_object_set (record, "staff-id", staff, "sector-id", n->sector, "status", "request",
                    "length", (gint64) 2, "aims", (gint64) 1, NULL);
    }
  else if (g_str_equal (kind, "employer"))
    {
      record = pl_record_new (PL_TYPE_EMPLOYER);
      g_object_set (record, "name", role, "sector-id", n->sector, "relationship", "warm",
                    "capacity", (gint64) 1, "notice-weeks", (gint64) 2,
                    "preferred-days", (gint64) 31, NULL);
    }
  else
    g_assert_not_reached ();
  return record;
}

static gint64
existing_id (const char    *kind,
             Whose          whose,
             const char    *role,
             const Network *n)
{
  gboolean a = g_str_equal (role, "coord_a") ? whose == OWN : whose == OTHER;

  if (g_str_equal (kind, "staff"))
    return a ? n->staff_a : n->staff_b;
  if (g_str_equal (kind, "placement"))
    return a ? n->placement_a : n->placement_b;
  return n->employer;
}

static GType
type_of (const char *kind)
{
  if (g_str_equal (kind, "staff"))
    return PL_TYPE_STAFF;
  if (g_str_equal (kind, "placement"))
    return PL_TYPE_PLACEMENT;
  return PL_TYPE_EMPLOYER;
}

static void
check_access (PlStore          *store,
              const AccessCase *c,
              const Network    *n)
{
  GType type = type_of (c->kind);
  gint64 id = existing_id (c->kind, c->whose, c->role, n);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) read = pl_store_get (store, type, id, NULL);
  g_autoptr(PlRecord) fresh = new_record (c->kind, c->whose, c->role, n);
  gboolean created, updated, deleted;
  const char *what = c->whose == OWN ? "own" : c->whose == OTHER ? "other" : "shared";

  g_test_message ("%s %s %s", c->role, what, c->kind);

  g_assert_true ((read != NULL) == c->read);

  created = pl_store_insert (store, fresh, &error);
  if (error != NULL)
    g_test_message ("insert: %s", error->message);
  g_assert_true (created == c->create);
  /* A refusal by the server's rules is said as one, never as a server or
   * disk that cannot take the write (which the app would retry). */
  if (!created)
    {
      g_assert_nonnull (error);
      g_assert_false (g_error_matches (error, PL_ERROR, PL_ERROR_CANNOT_WRITE));
    }
  g_clear_error (&error);

  if (read != NULL)
    {
      g_object_set (read, "notes", "Seen and changed", NULL);
      updated = pl_store_update (store, read, &error);
    }
  else
    {
      /* A record one cannot see cannot be changed either: try it blind. */
      g_autoptr(PlRecord) blind = new_record (c->kind, c->whose, c->role, n);

      pl_record_set_id (blind, id);
      updated = pl_store_update (store, blind, &error);
    }
  g_assert_true (updated == c->update);
  g_clear_error (&error);

  /* Deleting what one created (what exists elsewhere is referred to). */
  if (created)
    {
      deleted = pl_store_delete (store, type, pl_record_get_id (fresh), &error);
      g_assert_true (deleted == c->delete);
      g_clear_error (&error);
    }
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  static const AccessCase cases[] = {
    /* role       kind         whose   read   create update delete */
    { "coord_a", "staff",     OWN,    TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_a", "staff",     OTHER,  FALSE, FALSE, FALSE, FALSE },
    { "coord_a", "placement", OWN,    TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_a", "placement", OTHER,  FALSE, FALSE, FALSE, FALSE },
    { "coord_a", "employer",  SHARED, TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_b", "staff",     OWN,    TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_b", "staff",     OTHER,  FALSE, FALSE, FALSE, FALSE },
    { "coord_b", "placement", OWN,    TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_b", "placement", OTHER,  FALSE, FALSE, FALSE, FALSE },
    { "coord_b", "employer",  SHARED, TRUE,  TRUE,  TRUE,  TRUE  },
    { "coord_lead", "staff",     OWN,    TRUE, TRUE, TRUE, TRUE },
    { "coord_lead", "staff",     OTHER,  TRUE, TRUE, TRUE, TRUE },
    { "coord_lead", "placement", OWN,    TRUE, TRUE, TRUE, TRUE },
    { "coord_lead", "placement", OTHER,  TRUE, TRUE, TRUE, TRUE },
    { "coord_lead", "employer",  SHARED, TRUE, TRUE, TRUE, TRUE },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  Network n = { 0 };
  g_auto(PlTestRun) run = { 0 };

  g_assert_no_error (error);
  build_network (owner, &n);

  pl_test_pg_create_login (server, "coord_a");
  pl_test_pg_create_login (server, "coord_b");
  pl_test_pg_create_login (server, "coord_lead");
  pl_test_cli_ok (&run, f->uri, "grant", "coord_a", "--partner", "Humber Estuary College", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "grant", "coord_b", "--partner", "Wolds Training", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "grant", "coord_lead", "--lead", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = uri_as (f->uri, cases[i].role);
      g_autoptr(PlStore) store = pl_store_open_existing (uri, &error);

      g_assert_no_error (error);
      check_access (store, &cases[i], &n);
    }

  /* What a partner's coordinator is told it sees. */
  {
    g_autofree char *uri = uri_as (f->uri, "coord_a");
    g_autoptr(PlStore) store = pl_store_open_existing (uri, &error);
    g_autofree char *label = pl_store_get_scope_label (store);

    g_assert_cmpstr (label, ==, "Humber Estuary College");
    g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, 1);   /* Ada only */
    g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 1);
  }

  /* An unknown partner or login is refused with the server's words. */
  pl_test_run_clear (&run);
  pl_test_run_cli (&run, f->uri, "grant", "coord_a", "--partner", "Nowhere College", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Nowhere College"));

  /* Revoked, the login sees nothing of the partners' people. */
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "revoke", "coord_a", NULL);
  {
    g_autofree char *uri = uri_as (f->uri, "coord_a");
    g_autoptr(PlStore) store = pl_store_open_existing (uri, NULL);

    g_assert_true (store == NULL || pl_store_count (store, PL_TYPE_STAFF) <= 0);
  }
}

/* Every write is kept with the role that made it. */
static void
test_audit_names_role (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(PlTestRun) run = { 0 };
  Network n = { 0 };
  JsonArray *entries;
  gboolean found = FALSE;

  g_assert_no_error (error);
  build_network (owner, &n);
  pl_test_pg_create_login (server, "coord_a");
  pl_test_cli_ok (&run, f->uri, "grant", "coord_a", "--partner", "Humber Estuary College", NULL);

  {
    g_autofree char *uri = uri_as (f->uri, "coord_a");
    g_autoptr(PlStore) store = pl_store_open_existing (uri, &error);
    g_autoptr(PlRecord) employer = NULL;

    g_assert_no_error (error);
    employer = pl_store_get (store, PL_TYPE_EMPLOYER, n.employer, &error);
    g_assert_no_error (error);
    g_object_set (employer, "name", "The Saltmarsh Table", NULL);
    g_assert_true (pl_store_update (store, employer, &error));
    g_assert_no_error (error);
  }

  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "history", "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  entries = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_str_equal (json_object_get_string_member (entry, "table"), "employer") &&
          g_strcmp0 (json_object_get_string_member (entry, "field"), "name") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (entry, "role"), ==, "coord_a");
          g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "Saltmarsh Table");
          g_assert_cmpstr (json_object_get_string_member (entry, "new"), ==,
                           "The Saltmarsh Table");
          g_assert_cmpint (json_object_get_int_member (entry, "row"), ==, n.employer);
          found = TRUE;
        }
    }
  g_assert_true (found);

  /* A file has no audit trail, and says so. */
  {
    g_autofree char *file = file_in (f, "one.db");

    pl_test_run_clear (&run);
    pl_test_cli_ok (&run, file, "init", NULL);
    pl_test_run_clear (&run);
    pl_test_run_cli (&run, file, "history", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "shared"));
  }
}

/* One record's history from the command line: the role, the field's label
 * and its old and new value in words; for a placement, its days too. */
static void
test_record_history_cli (Fixture       *f,
                         gconstpointer  data)
{
  static const char * const days[] = { "2027-03-02", "2027-03-03", NULL };
  static const char * const moved[] = { "2027-03-03", "2027-03-04", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *as_a = uri_as (f->uri, "coord_a");
  g_autofree char *staff_id = NULL;
  g_autofree char *placement_id = NULL;
  g_auto(PlTestRun) run = { 0 };
  Network n = { 0 };
  JsonArray *entries;
  gboolean renamed = FALSE;

  g_assert_no_error (error);
  build_network (owner, &n);
  pl_test_pg_create_login (server, "coord_a");
  pl_test_cli_ok (&run, f->uri, "grant", "coord_a", "--partner", "Humber Estuary College", NULL);

  {
    g_autoptr(PlStore) store = pl_store_open_existing (as_a, &error);
    g_autoptr(PlRecord) staff = NULL;
    g_autoptr(PlRecord) placement = NULL;

    g_assert_no_error (error);
    staff = pl_store_get (store, PL_TYPE_STAFF, n.staff_a, &error);
    g_assert_no_error (error);
    g_object_set (staff, "name", "Ada Lovelace", "email", "ada@example.org", NULL);
    g_assert_true (pl_store_update (store, staff, &error));
    g_assert_no_error (error);

    g_assert_true (pl_store_set_days (store, n.placement_a, days, &error));
    g_assert_no_error (error);
    g_assert_true (pl_store_set_days (store, n.placement_a, moved, &error));
    g_assert_no_error (error);
    g_assert_true (pl_milestones_update (store, n.placement_a, &error));
    g_assert_no_error (error);
    {
      g_autoptr(GPtrArray) milestones = pl_milestones_list_for_placement (store, n.placement_a,
                                                                           &error);
      GDate done = pl_test_date ("2026-12-01");

      g_assert_no_error (error);
      g_assert_cmpuint (milestones->len, >, 0);
      g_assert_true (pl_milestones_set_done (store, pl_record_get_id (milestones->pdata[0]),
                                             &done, &error));
      g_assert_no_error (error);
    }
    placement = pl_store_get (store, PL_TYPE_PLACEMENT, n.placement_a, &error);
    g_assert_no_error (error);
    pl_record_set_string (placement, "notes", "Ask about the\nkitchen rota");
    g_assert_true (pl_store_update (store, placement, &error));
    g_assert_no_error (error);
  }

  /* As the partner's coordinator sees it, in JSON. */
  staff_id = g_strdup_printf ("%" G_GINT64_FORMAT, n.staff_a);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, as_a, "history", "staff", staff_id, "--json", NULL);
  g_assert_true (json_parser_load_from_data (parser, run.out, -1, NULL));
  entries = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (entries), >=, 3);   /* created, name, email */
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      g_assert_cmpstr (json_object_get_string_member (entry, "table"), ==, "staff");
      g_assert_cmpint (json_object_get_int_member (entry, "row"), ==, n.staff_a);
      g_assert_true (json_object_has_member (entry, "change"));
      if (g_strcmp0 (json_object_get_string_member (entry, "field"), "name") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (entry, "role"), ==, "coord_a");
          g_assert_cmpstr (json_object_get_string_member (entry, "old"), ==, "Ada Lecturer");
          g_assert_cmpstr (json_object_get_string_member (entry, "change"), ==,
                           "Name: Ada Lecturer → Ada Lovelace");
          renamed = TRUE;
        }
    }
  g_assert_true (renamed);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (entries, 0),
                                                  "change"), ==, "Created");

  /* The plain text, by name as well as by id. */
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "history", "staff", "Ada Lovelace", NULL);
  g_assert_nonnull (strstr (run.out, "  coord_a  Email: (empty) → ada@example.org\n"));
  g_assert_nonnull (strstr (run.out, "  coord_a  Name: Ada Lecturer → Ada Lovelace\n"));

  /* A placement's days, the day kept by the second save not said twice,
   * and long text on one line. */
  placement_id = g_strdup_printf ("%" G_GINT64_FORMAT, n.placement_a);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, as_a, "history", "placement", placement_id, NULL);
  g_assert_nonnull (strstr (run.out, "  coord_a  Day added: 2 Mar 2027\n"));
  g_assert_nonnull (strstr (run.out, "  coord_a  Day removed: 2 Mar 2027\n"));
  g_assert_nonnull (strstr (run.out, "  coord_a  Day added: 4 Mar 2027\n"));
  g_assert_nonnull (strstr (run.out, "  coord_a  Notes: (empty) → Ask about the kitchen rota\n"));
  {
    const char *first = strstr (run.out, "Day added: 3 Mar 2027");

    g_assert_nonnull (first);
    g_assert_null (strstr (first + 1, "Day added: 3 Mar 2027"));
    g_assert_null (strstr (run.out, "Day removed: 3 Mar 2027"));
  }
  g_assert_nonnull (strstr (run.out, "  coord_a  Milestone added: "));
  g_assert_nonnull (strstr (run.out, ": Done: (empty) → 1 Dec 2026\n"));

  /* --since leaves out what came before. */
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, as_a, "history", "placement", placement_id, "--since", "2999-01-01", NULL);
  g_assert_cmpstr (run.out, ==, "");

  /* Another partner's placement is not there for coord_a. */
  {
    g_autofree char *other = g_strdup_printf ("%" G_GINT64_FORMAT, n.placement_b);

    pl_test_run_clear (&run);
    pl_test_run_cli (&run, as_a, "history", "placement", other, NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "there is no placement"));
  }

  /* Wrong words are a usage error. */
  pl_test_run_clear (&run);
  pl_test_run_cli (&run, f->uri, "history", "spaceship", "1", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "unknown kind"));
  pl_test_run_clear (&run);
  pl_test_run_cli (&run, f->uri, "history", "staff", NULL);
  g_assert_cmpint (run.status, ==, 2);

  /* A file has none, and says so. */
  {
    g_autofree char *file = file_in (f, "one.db");

    pl_test_run_clear (&run);
    pl_test_cli_ok (&run, file, "init", "--sample", NULL);
    pl_test_run_clear (&run);
    pl_test_run_cli (&run, file, "history", "placement", "1", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "shared"));
  }
}

/* Two coordinators open the same employer; the second save, made over
 * the first without seeing it, is refused with a message that names who
 * changed it, and the first one's change stays. Saving again over the
 * newer row ("Use mine") then succeeds. */
static void
test_lost_update (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  g_auto(PlTestRun) run = { 0 };
  g_autofree char *uri_a = uri_as (f->uri, "lu_a");
  g_autofree char *uri_b = uri_as (f->uri, "lu_b");
  g_autoptr(PlStore) a = NULL;
  g_autoptr(PlStore) b = NULL;
  g_autoptr(PlRecord) seen_a = NULL;
  g_autoptr(PlRecord) seen_b = NULL;
  g_autoptr(PlRecord) now = NULL;
  Network n = { 0 };
  gint64 before;

  g_assert_no_error (error);
  build_network (owner, &n);
  pl_test_pg_create_login (server, "lu_a");
  pl_test_pg_create_login (server, "lu_b");
  pl_test_cli_ok (&run, f->uri, "grant", "lu_a", "--partner", "Humber Estuary College", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "grant", "lu_b", "--lead", NULL);

  a = pl_store_open_existing (uri_a, &error);
  g_assert_no_error (error);
  b = pl_store_open_existing (uri_b, &error);
  g_assert_no_error (error);

  seen_a = pl_store_get (a, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  seen_b = pl_store_get (b, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  before = pl_record_get_revision (seen_a);
  g_assert_cmpint (before, >, 0);
  g_assert_cmpint (pl_record_get_revision (seen_b), ==, before);

  g_object_set (seen_a, "notes", "Kitchen closed in August", NULL);
  g_assert_true (pl_store_update (a, seen_a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pl_record_get_revision (seen_a), >, before);

  /* A second save by the same person goes on from the new revision. */
  g_object_set (seen_a, "notes", "Kitchen closed in August; ask for Sam", NULL);
  g_assert_true (pl_store_update (a, seen_a, &error));
  g_assert_no_error (error);

  g_object_set (seen_b, "notes", "Happy to host in August", NULL);
  g_assert_false (pl_store_update (b, seen_b, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "lu_a"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);

  now = pl_store_get (owner, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (now, "notes"), ==, "Kitchen closed in August; ask for Sam");

  /* "Use mine": over the row as it now is. */
  g_clear_object (&now);
  now = pl_store_get (b, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  pl_record_set_revision (seen_b, pl_record_get_revision (now));
  g_assert_true (pl_store_update (b, seen_b, &error));
  g_assert_no_error (error);

  g_clear_object (&now);
  now = pl_store_get (owner, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (now, "notes"), ==, "Happy to host in August");
}

/* The server goes away in the middle of work: the write is refused with
 * a message that says so, nothing is half-written, and once it is back
 * the same store writes again. */
static void
test_server_gone (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (f->uri, &error);
  g_autoptr(PlRecord) employer = NULL;
  Network n = { 0 };

  g_assert_no_error (error);
  build_network (store, &n);
  employer = pl_store_get (store, PL_TYPE_EMPLOYER, n.employer, &error);
  g_assert_no_error (error);

  pl_test_pg_kill (server);

  g_object_set (employer, "notes", "Typed while the server was down", NULL);
  g_assert_false (pl_store_update (store, employer, &error));
  g_assert_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE);
  g_assert_nonnull (strstr (error->message, "cannot be reached"));
  g_clear_error (&error);

  pl_test_pg_restart (server);

  /* Nothing of it reached the server, and the same save now lands. */
  {
    g_autofree char *notes = pl_test_stored_text (store, PL_TYPE_EMPLOYER, n.employer, "notes");
    g_assert_cmpstr (notes, ==, NULL);
  }
  g_assert_true (pl_store_update (store, employer, &error));
  g_assert_no_error (error);
  {
    g_autofree char *notes = pl_test_stored_text (store, PL_TYPE_EMPLOYER, n.employer, "notes");
    g_assert_cmpstr (notes, ==, "Typed while the server was down");
  }
}

/* A path where a URI was meant still creates nothing, and a URI of a
 * database without our schema is no data set until init. */
static void
test_uri_not_initialised (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };

  pl_test_run_cli (&run, f->uri, "stats", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no database at"));
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "init", NULL);
  pl_test_run_clear (&run);
  pl_test_cli_ok (&run, f->uri, "stats", NULL);
}

/* Two partners plan at the same moment against one host with one place
 * on each of three days: each day is given once, to one of them, and
 * nobody's request is placed on a day the other took. */
static void
test_concurrent_plans (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *uri_a = uri_as (f->uri, "coord_a");
  g_autofree char *uri_b = uri_as (f->uri, "coord_b");
  const char *cli = g_getenv ("PLACEMENTS_CLI");
  gint64 partners[2], employer;
  GSubprocess *runs[2];
  guint placed = 0;

  g_assert_no_error (error);
  partners[0] = pl_test_partner (owner, "Humber Estuary College");
  partners[1] = pl_test_partner (owner, "Wolds Training");
  employer = pl_test_employer (owner, "Saltmarsh Table", "warm");

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("Lecturer %u", i + 1);
      gint64 staff = pl_test_insert_new (owner, PL_TYPE_STAFF, "partner-id", partners[i % 2],
                                         "name", name, "teaching-days", (gint64) 0, NULL);
      gint64 placement = pl_test_insert_new (owner, PL_TYPE_PLACEMENT, "staff-id", staff,
                                             "sector-id", pl_test_sector (owner,
                                                                          "Catering and Hospitality"),
                                             "employer-id", employer, "status", "request",
                                             "length", (gint64) 1, "aims", (gint64) 1,
                                             "window-start", "2027-03-01",
                                             "window-end", "2027-03-03", NULL);

      g_ptr_array_add (ids, GINT_TO_POINTER ((int) placement));
    }

  pl_test_pg_create_login (server, "coord_a");
  pl_test_pg_create_login (server, "coord_b");
  g_assert_true (pl_store_grant (owner, "coord_a", "Humber Estuary College", &error));
  g_assert_true (pl_store_grant (owner, "coord_b", "Wolds Training", &error));
  g_assert_no_error (error);

  /* Both at once, as two coordinators at their desks. */
  for (guint i = 0; i < 2; i++)
    {
      runs[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error, cli, "--db",
                                  i == 0 ? uri_a : uri_b, "schedule", "--apply",
                                  "--today", "2026-11-22", NULL);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (g_subprocess_wait (runs[i], NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (runs[i]), ==, 0);
      g_object_unref (runs[i]);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GStrv) days = pl_store_get_days (owner, GPOINTER_TO_INT (ids->pdata[i]));

      for (guint d = 0; days != NULL && days[d] != NULL; d++)
        {
          g_test_message ("placement %d on %s", GPOINTER_TO_INT (ids->pdata[i]), days[d]);
          g_assert_false (g_hash_table_contains (taken, days[d]));
          g_hash_table_add (taken, g_strdup (days[d]));
          placed++;
        }
    }
  /* Every free host-day is filled, each exactly once. */
  g_assert_cmpuint (placed, ==, 3);
  g_assert_true (g_hash_table_contains (taken, "2027-03-01"));
  g_assert_true (g_hash_table_contains (taken, "2027-03-02"));
  g_assert_true (g_hash_table_contains (taken, "2027-03-03"));
}

/* Two coordinators of the network plan the same request at the same
 * moment: it is proposed once, with one host and one event in its
 * history, and the one whose plan came second is told and plans again
 * instead of writing over the first. Run a few times, since which one is
 * second (and whether it notices on reading or on writing) is chance. */
static void
test_concurrent_same_request (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) owner = pl_store_open (f->uri, &error);
  const char *cli = g_getenv ("PLACEMENTS_CLI");
  gint64 partner, sector;

  g_assert_no_error (error);
  partner = pl_test_partner (owner, "Humber Estuary College");
  sector = pl_test_sector (owner, "Catering and Hospitality");
  pl_test_employer (owner, "Saltmarsh Table", "warm");
  pl_test_employer (owner, "Keel and Anchor Hotel", "warm");

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("Lecturer %u", round + 1);
      gint64 staff = pl_test_insert_new (owner, PL_TYPE_STAFF, "partner-id", partner,
                                         "name", name, "teaching-days", (gint64) 0, NULL);
      gint64 request = pl_test_insert_new (owner, PL_TYPE_PLACEMENT, "staff-id", staff,
                                           "sector-id", sector, "status", "request",
                                           "length", (gint64) 1, "aims", (gint64) 1,
                                           "window-start", "2027-03-01",
                                           "window-end", "2027-03-05", NULL);
      g_autofree char *status = NULL;
      GSubprocess *runs[2];

      for (guint i = 0; i < 2; i++)
        {
          runs[i] = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                      G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                      cli, "--db", f->uri, "schedule", "--apply",
                                      "--today", "2026-11-22", NULL);
          g_assert_no_error (error);
        }
      for (guint i = 0; i < 2; i++)
        {
          g_assert_true (g_subprocess_wait (runs[i], NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpint (g_subprocess_get_exit_status (runs[i]), ==, 0);
          g_object_unref (runs[i]);
        }

      status = pl_test_placement_status (owner, request);
      g_assert_cmpstr (status, ==, "proposed");
      {
        g_autoptr(GListModel) events = pl_store_list_where (owner, PL_TYPE_PLACEMENT_EVENT,
                                                            "placement_id", request);
        g_auto(GStrv) days = pl_store_get_days (owner, request);
        guint proposed = 0;

        for (guint i = 0; i < g_list_model_get_n_items (events); i++)
          {
            g_autoptr(PlRecord) event = g_list_model_get_item (events, i);

            if (g_strcmp0 (pl_record_get_string (event, "to_status"), "proposed") == 0)
              proposed++;
          }
        g_assert_cmpuint (proposed, ==, 1);
        g_assert_cmpuint (g_strv_length (days), ==, 1);
      }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  server = pl_test_pg_start (&why);
  if (server == NULL)
    {
      g_test_add_data_func ("/pg/server", why, (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/pg/uri-not-initialised", test_uri_not_initialised);
  ADD ("/pg/sample-stats", test_sample_stats);
  ADD ("/pg/copy-both-ways", test_copy_both_ways);
  ADD ("/pg/migration-v2-to-v3", test_migration_v2_to_v3);
  ADD ("/pg/roles", test_roles);
  ADD ("/pg/audit-names-role", test_audit_names_role);
  ADD ("/pg/record-history-cli", test_record_history_cli);
  ADD ("/pg/lost-update", test_lost_update);
  ADD ("/pg/concurrent-plans", test_concurrent_plans);
  ADD ("/pg/concurrent-same-request", test_concurrent_same_request);
  ADD ("/pg/server-gone", test_server_gone);
#undef ADD

  status = g_test_run ();
  pl_test_pg_stop (server);
  return status;
}
