/* test-groups.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "pl-date.h"
#include "pl-deletion.h"
#include "pl-groups.h"
#include "pl-sample.h"
#include "pl-search.h"
#include "pl-store-private.h"
#include "pl-test-data.h"

typedef PlTestDb Fixture;

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* Nothing a test ran may keep the store alive. */
  g_assert_finalize_object (g_steal_pointer (&f->store));
  pl_test_db_tear_down (f, data);
}

static gint64
insert (PlStore    *store,
        GType       type,
        const char *first_property,
        ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = pl_record_new (type);
  va_list args;

  va_start (args, first_property);
  g_object_set_valist (G_OBJECT (record), first_property, args);
  va_end (args);

  g_assert_true (pl_store_insert (store, record, &error));
  g_assert_no_error (error);
  return pl_record_get_id (record);
}

static char *
group_status (PlStore *store,
              gint64   group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) group = pl_store_get (store, PL_TYPE_GROUP, group_id, &error);

  g_assert_no_error (error);
  return g_strdup (pl_record_get_string (group, "status"));
}

static gint64
count_where (PlStore    *store,
             const char *table,
             gint64      group_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE group_id = ?", table);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStmt) stmt = pl_db_prepare (pl_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  pl_stmt_bind_int (stmt, 1, group_id);
  g_assert_true (pl_stmt_next (stmt, &error));
  return pl_stmt_get_int (stmt, 0);
}

/* A small network: one partner, three staff, a group with two members,
 * two meetings and an outcome. */
typedef struct
{
  gint64 partner;
  gint64 staff[3];
  gint64 group;
  gint64 meetings[2];
  gint64 outcome;
} Network;

static void
make_network (PlStore *store,
              Network *n)
{
  static const char * const names[] = { "Amira Okafor", "Tomasz Nowak", "Lena Price" };

  n->partner = insert (store, PL_TYPE_PARTNER, "name", "Humber Estuary College",
                       "kind", "college", "status", "active", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    n->staff[i] = insert (store, PL_TYPE_STAFF, "partner-id", n->partner, "name", names[i],
                          "teaching-days", (gint64) 0, NULL);

  n->group = insert (store, PL_TYPE_GROUP, "name", "Mathematical resilience", "area", "maths",
                     "wave", (gint64) 2, "aim", "Help learners past maths anxiety",
                     "facilitator", "Ruth Okonjo", "notes", "Growth Zone Model", NULL);
  insert (store, PL_TYPE_GROUP_MEMBER, "group-id", n->group, "staff-id", n->staff[0],
          "role", "lead practitioner", NULL);
  insert (store, PL_TYPE_GROUP_MEMBER, "group-id", n->group, "staff-id", n->staff[1],
          "role", "member", NULL);
  n->meetings[0] = insert (store, PL_TYPE_GROUP_MEETING, "group-id", n->group,
                           "meeting-date", "2026-03-05", "place", "Online",
                           "notes", "Launch meeting", NULL);
  n->meetings[1] = insert (store, PL_TYPE_GROUP_MEETING, "group-id", n->group,
                           "meeting-date", "2026-07-05", "place", "Riverside Centre", NULL);
  n->outcome = insert (store, PL_TYPE_GROUP_OUTCOME, "group-id", n->group,
                       "title", "Developing learners' resilience in maths", "kind", "report",
                       "link", "https://exchange.example.org/outcomes/maths-resilience",
                       "outcome-date", "2026-07-20", NULL);
}

static void
assert_same_record (PlRecord *a,
                    PlRecord *b)
{
  const PlColumn *columns;
  guint n_columns;

  g_assert_true (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b));
  g_assert_cmpint (pl_record_get_id (a), ==, pl_record_get_id (b));
  g_assert_cmpstr (pl_record_get_created_at (a), ==, pl_record_get_created_at (b));
  g_assert_cmpstr (pl_record_get_updated_at (a), ==, pl_record_get_updated_at (b));

  columns = pl_record_class_get_columns (PL_RECORD_GET_CLASS (a), &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *property = g_strdelimit (g_strdup (columns[i].name), "_", '-');
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;

      g_object_get_property (G_OBJECT (a), property, &va);
      g_object_get_property (G_OBJECT (b), property, &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      g_assert_cmpstr (sa, ==, sb);
    }
}

static void
test_status (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *forming = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *back = NULL;
  gint64 group, outcome;

  group = insert (f->store, PL_TYPE_GROUP, "name", "Supporting new teachers",
                  "area", "supporting_staff", "wave", (gint64) 1, NULL);
  forming = group_status (f->store, group);
  g_assert_cmpstr (forming, ==, "forming");

  insert (f->store, PL_TYPE_GROUP_MEETING, "group-id", group, "meeting-date", "2026-03-05",
          NULL);
  meeting = group_status (f->store, group);
  g_assert_cmpstr (meeting, ==, "meeting");

  outcome = insert (f->store, PL_TYPE_GROUP_OUTCOME, "group-id", group,
                    "title", "Supporting new teachers through their first months",
                    "kind", "report", NULL);
  reported = group_status (f->store, group);
  g_assert_cmpstr (reported, ==, "reported");

  /* Without its outcome the group is back to meeting. */
  g_assert_true (pl_store_delete (f->store, PL_TYPE_GROUP_OUTCOME, outcome, &error));
  g_assert_no_error (error);
  back = group_status (f->store, group);
  g_assert_cmpstr (back, ==, "meeting");
}

static void
test_status_outcome_without_meetings (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *status = NULL;
  gint64 group;

  /* An outcome is what "reported" means, even for a group whose meetings
   * were never recorded. */
  group = insert (f->store, PL_TYPE_GROUP, "name", "Blended learning", "area", "digital",
                  "wave", (gint64) 1, NULL);
  insert (f->store, PL_TYPE_GROUP_OUTCOME, "group-id", group, "title", "Blended learning",
          "kind", "report", NULL);
  status = group_status (f->store, group);
  g_assert_cmpstr (status, ==, "reported");
}

static void
on_changed (PlStore    *store,
            const char *table,
            GArray     *ids,
            GHashTable *tables)
{
  g_hash_table_add (tables, g_strdup (table));
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(PlRecord) before = NULL;
  g_autoptr(PlRecord) after = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Network n;
  gint64 restored;
  gulong handler;

  make_network (f->store, &n);
  /* Rows made later, so that a restore that did not keep the ids would
   * show: new rows would get higher ones. */
  {
    gint64 later = insert (f->store, PL_TYPE_GROUP, "name", "Blended learning",
                           "area", "digital", "wave", (gint64) 1, NULL);
    insert (f->store, PL_TYPE_GROUP_MEETING, "group-id", later, "meeting-date", "2026-04-01",
            NULL);
    insert (f->store, PL_TYPE_GROUP_OUTCOME, "group-id", later, "title", "Blended learning",
            "kind", "report", NULL);
    insert (f->store, PL_TYPE_GROUP_MEMBER, "group-id", later, "staff-id", n.staff[2], NULL);
  }
  before = pl_store_get (f->store, PL_TYPE_GROUP, n.group, &error);
  g_assert_no_error (error);

  /* Deleting the group takes its members, meetings and outcomes with it,
   * and says so. */
  deletion = pl_deletion_run (f->store, PL_TYPE_GROUP, n.group, &error);
  g_assert_no_error (error);
  {
    g_autofree char *others = pl_deletion_describe_others (deletion);
    g_assert_cmpstr (others, ==, "1 outcome, 2 meetings and 2 group memberships");
  }
  g_assert_cmpint (count_where (f->store, "group_member", n.group), ==, 0);
  g_assert_cmpint (count_where (f->store, "group_meeting", n.group), ==, 0);
  g_assert_cmpint (count_where (f->store, "group_outcome", n.group), ==, 0);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_GROUP), ==, 1);

  handler = g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), changed);
  g_assert_true (pl_deletion_undo (deletion, &error));
  g_signal_handler_disconnect (f->store, handler);
  g_assert_no_error (error);
  restored = pl_deletion_get_id (deletion);

  /* Everything is back as it was, ids and time stamps included, so that
   * the undo leaves no trace; lists showing the tables were told. */
  g_assert_cmpint (restored, ==, n.group);
  after = pl_store_get (f->store, PL_TYPE_GROUP, restored, &error);
  g_assert_no_error (error);
  assert_same_record (before, after);
  g_assert_cmpint (pl_record_get_int (after, "members"), ==, 2);
  g_assert_cmpstr (pl_record_get_string (after, "status"), ==, "reported");
  g_assert_cmpint (count_where (f->store, "group_member", restored), ==, 2);
  g_assert_cmpint (count_where (f->store, "group_meeting", restored), ==, 2);
  g_assert_cmpint (count_where (f->store, "group_outcome", restored), ==, 1);
  {
    g_autoptr(PlRecord) outcome = pl_store_get (f->store, PL_TYPE_GROUP_OUTCOME, n.outcome,
                                                &error);

    g_assert_no_error (error);
    g_assert_cmpstr (pl_record_get_string (outcome, "link"), ==,
                     "https://exchange.example.org/outcomes/maths-resilience");
    g_assert_cmpint (pl_record_get_int (outcome, "group_id"), ==, restored);
  }
  for (guint i = 0; i < G_N_ELEMENTS (n.meetings); i++)
    {
      g_autoptr(PlRecord) meeting = pl_store_get (f->store, PL_TYPE_GROUP_MEETING,
                                                  n.meetings[i], &error);
      g_assert_no_error (error);
    }
  g_assert_true (g_hash_table_contains (changed, "exchange_group"));
  g_assert_true (g_hash_table_contains (changed, "group_member"));
  g_assert_true (g_hash_table_contains (changed, "group_meeting"));
  g_assert_true (g_hash_table_contains (changed, "group_outcome"));

  /* The search index knows the group again. */
  {
    g_autoptr(GArray) found_ids = pl_search_ids (f->store, "group", "anxiety", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (found_ids->len, ==, 1);
    g_assert_cmpint (g_array_index (found_ids, gint64, 0), ==, restored);
  }

  found = pl_groups_meetings_between (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 3);
}

/* Undo puts rows back with their ids; when one has been taken or written
 * since, it is refused and nothing changes. */
static void
test_undo_after_changes (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlDeletion) deletion = NULL;
  Network n;
  gint64 other, groups, members, meetings, outcomes;

  make_network (f->store, &n);
  deletion = pl_deletion_run (f->store, PL_TYPE_GROUP, n.group, &error);
  g_assert_no_error (error);

  /* Meanwhile a new group takes the freed id. */
  other = insert (f->store, PL_TYPE_GROUP, "name", "Blended learning", "area", "digital",
                  "wave", (gint64) 1, NULL);
  g_assert_cmpint (other, ==, n.group);

  groups = pl_store_count (f->store, PL_TYPE_GROUP);
  members = pl_store_count (f->store, PL_TYPE_GROUP_MEMBER);
  meetings = pl_store_count (f->store, PL_TYPE_GROUP_MEETING);
  outcomes = pl_store_count (f->store, PL_TYPE_GROUP_OUTCOME);

  g_assert_false (pl_deletion_undo (deletion, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_GROUP), ==, groups);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_GROUP_MEMBER), ==, members);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_GROUP_MEETING), ==, meetings);
  g_assert_cmpint (pl_store_count (f->store, PL_TYPE_GROUP_OUTCOME), ==, outcomes);
  {
    g_autoptr(PlRecord) group = pl_store_get (f->store, PL_TYPE_GROUP, other, NULL);
    g_assert_cmpstr (pl_record_get_string (group, "name"), ==, "Blended learning");
  }
}

static void
test_duplicate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) copy = NULL;
  g_autoptr(PlRecord) second = NULL;
  Network n;
  gint64 id, id2;

  make_network (f->store, &n);

  id = pl_group_duplicate (f->store, n.group, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (id, !=, n.group);
  copy = pl_store_get (f->store, PL_TYPE_GROUP, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (copy, "name"), ==, "Mathematical resilience (copy)");
  g_assert_cmpstr (pl_record_get_string (copy, "area"), ==, "maths");
  g_assert_cmpint (pl_record_get_int (copy, "wave"), ==, 2);
  g_assert_cmpstr (pl_record_get_string (copy, "aim"), ==, "Help learners past maths anxiety");
  g_assert_cmpstr (pl_record_get_string (copy, "facilitator"), ==, "Ruth Okonjo");
  g_assert_cmpstr (pl_record_get_string (copy, "notes"), ==, "Growth Zone Model");

  /* The people carry over; what the first group did does not. */
  g_assert_cmpint (pl_record_get_int (copy, "members"), ==, 2);
  g_assert_cmpint (count_where (f->store, "group_meeting", id), ==, 0);
  g_assert_cmpint (count_where (f->store, "group_outcome", id), ==, 0);
  g_assert_cmpstr (pl_record_get_string (copy, "status"), ==, "forming");
  g_assert_cmpint (count_where (f->store, "group_member", n.group), ==, 2);

  id2 = pl_group_duplicate (f->store, n.group, &error);
  g_assert_no_error (error);
  second = pl_store_get (f->store, PL_TYPE_GROUP, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (second, "name"), ==, "Mathematical resilience (copy 2)");
}

static void
test_meetings_between (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) march = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  PlGroupMeetingEvent *event;
  Network n;
  gint64 other;

  make_network (f->store, &n);
  other = insert (f->store, PL_TYPE_GROUP, "name", "Blended learning", "area", "digital",
                  "wave", (gint64) 1, NULL);
  insert (f->store, PL_TYPE_GROUP_MEETING, "group-id", other, "meeting-date", "2026-03-05",
          "place", "Dearneside College", NULL);
  insert (f->store, PL_TYPE_GROUP_MEETING, "group-id", other, "meeting-date", "2026-03-31",
          NULL);
  insert (f->store, PL_TYPE_GROUP_MEETING, "group-id", other, "meeting-date", "2026-04-01",
          NULL);

  all = pl_groups_meetings_between (f->store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);

  /* [1 March, 1 April): the day after the end is outside; the same day
   * sorts by group name. */
  march = pl_groups_meetings_between (f->store, "2026-03-01", "2026-04-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (march->len, ==, 3);

  event = g_ptr_array_index (march, 0);
  g_assert_cmpstr (event->date, ==, "2026-03-05");
  g_assert_cmpstr (event->group_name, ==, "Blended learning");
  g_assert_cmpint (event->area, ==, PL_GROUP_AREA_DIGITAL);
  g_assert_cmpstr (event->place, ==, "Dearneside College");
  g_assert_cmpint (event->group_id, ==, other);

  event = g_ptr_array_index (march, 1);
  g_assert_cmpstr (event->date, ==, "2026-03-05");
  g_assert_cmpstr (event->group_name, ==, "Mathematical resilience");
  g_assert_cmpstr (event->place, ==, "Online");
  g_assert_cmpstr (event->notes, ==, "Launch meeting");
  g_assert_cmpint (event->meeting_id, ==, n.meetings[0]);

  event = g_ptr_array_index (march, 2);
  g_assert_cmpstr (event->date, ==, "2026-03-31");
  g_assert_null (event->place);

  {
    g_autoptr(PlGroupMeetingEvent) copy = pl_group_meeting_event_copy (event);

    g_assert_cmpstr (copy->group_name, ==, "Blended learning");
    g_assert_cmpint (copy->meeting_id, ==, event->meeting_id);
  }

  /* Open-ended on one side. */
  {
    g_autoptr(GPtrArray) from = pl_groups_meetings_between (f->store, "2026-04-01", NULL, &error);
    g_autoptr(GPtrArray) to = pl_groups_meetings_between (f->store, NULL, "2026-03-06", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (from->len, ==, 2);
    g_assert_cmpuint (to->len, ==, 2);
  }

  none = pl_groups_meetings_between (f->store, "2027-01-01", "2027-02-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  bad = pl_groups_meetings_between (f->store, "2026-02-30", NULL, &error);
  g_assert_null (bad);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
}

static void
test_meeting_dates (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) between = NULL;
  g_autoptr(GHashTable) after = NULL;
  Network n;
  gint64 empty;

  make_network (f->store, &n);
  empty = insert (f->store, PL_TYPE_GROUP, "name", "Blended learning", "area", "digital",
                  "wave", (gint64) 1, NULL);

  /* The next meeting while there is one, then the last. */
  before = pl_groups_meeting_dates (f->store, "2026-01-10", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (before, &n.group), ==, "2026-03-05");
  g_assert_false (g_hash_table_contains (before, &empty));

  between = pl_groups_meeting_dates (f->store, "2026-03-06", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (between, &n.group), ==, "2026-07-05");

  after = pl_groups_meeting_dates (f->store, "2026-11-22", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (after, &n.group), ==, "2026-07-05");
}

static void
test_outcome_links (void)
{
  static const struct { const char *link; const char *uri; } good[] = {
    { "https://exchange.example.org/outcomes/maths-resilience",
      "https://exchange.example.org/outcomes/maths-resilience" },
    { "  http://example.org/a%20report.pdf ", "http://example.org/a%20report.pdf" },
    { "/srv/shared/outcomes/Dyslexia screening.pdf",
      "file:///srv/shared/outcomes/Dyslexia%20screening.pdf" },
    { "file:///srv/shared/guide.docx", "file:///srv/shared/guide.docx" },
  };
  static const char * const bad[] = {
    "exchange.example.org/outcomes", "report.pdf", "https://", "https://exa mple.org/x",
    "ftp://example.org/x", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = pl_outcome_link_to_uri (good[i].link, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (uri, ==, good[i].uri);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autofree char *uri = pl_outcome_link_to_uri ("~/Outcomes/tool.pdf", &error);
    g_autofree char *path = g_build_filename (g_get_home_dir (), "Outcomes", "tool.pdf", NULL);
    g_autofree char *expected = g_filename_to_uri (path, NULL, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (uri, ==, expected);
  }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = pl_outcome_link_to_uri (bad[i], &error);

      g_assert_null (uri);
      g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
    }
}

/* The seed's fourteen outcomes, counted by area by `stats --json`. */
static void
test_sample_outcomes_by_area (Fixture       *f,
                              gconstpointer  data)
{
  static const struct { const char *area; gint64 outcomes; } expected[] = {
    { "maths", 4 }, { "maths_esol", 2 }, { "digital", 2 },
    { "english", 2 }, { "send", 2 }, { "supporting_staff", 2 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("PLACEMENTS_CLI"), "--db", f->path, "stats", "--json", NULL };
  JsonObject *groups, *by_area;
  GDate today;
  int status;

  g_assert_nonnull (argv[0]);
  pl_date_today (&today);
  g_assert_true (pl_sample_load (f->store, &today, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  groups = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                          "groups");
  g_assert_cmpint (json_object_get_int_member (groups, "groups"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (groups, "outcomes"), ==, 14);
  by_area = json_object_get_object_member (groups, "outcomes_by_area");
  g_assert_cmpuint (json_object_get_size (by_area), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (json_object_get_int_member (by_area, expected[i].area), ==,
                     expected[i].outcomes);

  /* Every sample group has reported, so each shows as such. */
  {
    g_autoptr(GListModel) list = pl_store_list (f->store, PL_TYPE_GROUP);

    g_assert_cmpuint (g_list_model_get_n_items (list), ==, 14);
    for (guint i = 0; i < 14; i++)
      {
        g_autoptr(PlRecord) group = g_list_model_get_item (list, i);

        g_assert_cmpstr (pl_record_get_string (group, "status"), ==, "reported");
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, pl_test_db_set_up, func, fixture_tear_down)

  ADD ("/groups/status", test_status);
  ADD ("/groups/status/outcome-without-meetings", test_status_outcome_without_meetings);
  ADD ("/groups/delete-undo", test_delete_undo);
  ADD ("/groups/delete-undo/after-changes", test_undo_after_changes);
  ADD ("/groups/duplicate", test_duplicate);
  ADD ("/groups/meetings-between", test_meetings_between);
  ADD ("/groups/meeting-dates", test_meeting_dates);
  ADD ("/groups/sample/outcomes-by-area", test_sample_outcomes_by_area);
  g_test_add_func ("/groups/outcome-links", test_outcome_links);

#undef ADD

  return g_test_run ();
}
