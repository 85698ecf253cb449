/* test-lists.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-lifecycle.h"
#include "pl-placement-list.h"
#include "pl-test-sqlite.h"
#include "pl-test-data.h"

/* The store's change notification, which comes from SQLite's update hook,
 * and the list models that follow it: what the hook reports (cascades,
 * triggers) is what lets a list re-read only the rows told of. */

typedef struct
{
  PlTestDb    db;
  GHashTable *heard;   /* table → GArray of ids, or NULL for many */
} Fixture;

static void
free_ids (gpointer ids)
{
  if (ids != NULL)
    g_array_unref (ids);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  pl_test_db_open (&f->db);
  f->heard = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_ids);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  g_clear_pointer (&f->heard, g_hash_table_unref);
  pl_test_db_close (&f->db);
}

static void
on_changed (PlStore    *store,
            const char *table,
            GArray     *ids,
            Fixture    *f)
{
  GArray *copy = NULL;

  if (ids != NULL)
    {
      copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
      g_array_append_vals (copy, ids->data, ids->len);
    }
  g_hash_table_insert (f->heard, g_strdup (table), copy);
}

static void
listen (Fixture *f)
{
  g_hash_table_remove_all (f->heard);
  g_signal_connect (f->db.store, "changed", G_CALLBACK (on_changed), f);
}

static void
stop_listening (Fixture *f)
{
  g_signal_handlers_disconnect_by_func (f->db.store, on_changed, f);
}

/* That @table was told of with exactly the ids given (0-terminated). */
static void
assert_heard (Fixture    *f,
              const char *table,
              ...)
{
  GArray *ids = NULL;
  va_list args;
  guint n = 0;
  gint64 id;

  if (!g_hash_table_lookup_extended (f->heard, table, NULL, (gpointer *) &ids))
    g_error ("nothing was told of %s", table);
  g_assert_nonnull (ids);

  va_start (args, table);
  while ((id = va_arg (args, gint64)) != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < ids->len; i++)
        found |= g_array_index (ids, gint64, i) == id;
      if (!found)
        g_error ("%s %" G_GINT64_FORMAT " was not told of", table, id);
      n++;
    }
  va_end (args);

  g_assert_cmpuint (ids->len, ==, n);
}

static void
update (PlStore    *store,
        GType       type,
        gint64      id,
        const char *column,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = pl_store_get (store, type, id, &error);

  g_assert_no_error (error);
  pl_record_set_string (record, column, text);
  g_assert_true (pl_store_update (store, record, &error));
  g_assert_no_error (error);
}

/* Rows that ON DELETE CASCADE removes, and rows that ON DELETE SET NULL
 * changes, are reported by SQLite's update hook (3.40): the store tells
 * of them with their ids, as if they had been written one by one, so
 * that nobody has to tell of them by hand. */
static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  PlStore *store = f->db.store;
  g_autoptr(GError) error = NULL;
  gint64 partner = pl_test_partner (store, "Humber College");
  gint64 staff = pl_test_staff (store, partner, "Ada Lovell");
  gint64 employer = pl_test_employer (store, "Quayside Kitchen", "warm");
  gint64 call = pl_test_contact (store, employer, staff, "2026-10-01", "Called", NULL);
  gint64 visit = pl_test_contact (store, employer, 0, "2026-10-08", "Visited", NULL);
  gint64 document = pl_test_insert_new (store, PL_TYPE_EMPLOYER_DOCUMENT, "employer-id", employer,
                                        "kind", "insurance", NULL);
  gint64 period = pl_test_insert_new (store, PL_TYPE_CALENDAR_PERIOD, "owner-kind", "employer",
                                      "employer-id", employer, "kind", "blackout",
                                      "start-date", "2026-12-01", "end-date", "2026-12-31",
                                      "weekdays", (gint64) 127, "source", "manual", NULL);
  gint64 group = pl_test_insert_new (store, PL_TYPE_GROUP, "name", "Maths in the kitchen",
                                     "area", "maths", "wave", (gint64) 1, NULL);
  gint64 member = pl_test_insert_new (store, PL_TYPE_GROUP_MEMBER, "group-id", group,
                                      "staff-id", staff, NULL);
  gint64 response = pl_test_insert_new (store, PL_TYPE_SURVEY_RESPONSE, "kind", "student",
                                        "staff-id", staff, "learning-improved", "agree", NULL);

  listen (f);
  g_assert_true (pl_store_delete (store, PL_TYPE_EMPLOYER, employer, &error));
  g_assert_no_error (error);
  assert_heard (f, "employer", employer, (gint64) 0);
  assert_heard (f, "contact", call, visit, (gint64) 0);
  assert_heard (f, "employer_document", document, (gint64) 0);
  assert_heard (f, "calendar_period", period, (gint64) 0);

  /* SET NULL is an update of the response; CASCADE a deletion of the
   * membership. */
  listen (f);
  g_assert_true (pl_store_delete (store, PL_TYPE_STAFF, staff, &error));
  g_assert_no_error (error);
  assert_heard (f, "staff", staff, (gint64) 0);
  assert_heard (f, "group_member", member, (gint64) 0);
  assert_heard (f, "survey_response", response, (gint64) 0);
  g_assert_false (g_hash_table_contains (f->heard, "exchange_group"));
  stop_listening (f);
}

/* Rows a trigger writes are reported too, with the row the statement
 * wrote; the search index's own tables are not told of. */
static void
test_trigger (Fixture       *f,
              gconstpointer  data)
{
  PlStore *store = f->db.store;
  g_autoptr(GError) error = NULL;
  gint64 employer = pl_test_employer (store, "Quayside Kitchen", "prospect");
  gint64 contact;

  /* A trigger of the test's own, writing another table of the model. */
  pl_db_exec (pl_store_get_db (store),
              "CREATE TRIGGER contact_warms AFTER INSERT ON contact BEGIN"
              "  UPDATE employer SET relationship = 'contacted'"
              "  WHERE id = NEW.employer_id AND relationship = 'prospect';"
              " END",
              &error);
  g_assert_no_error (error);

  listen (f);
  contact = pl_test_contact (store, employer, 0, "2026-11-02", "First call", NULL);
  assert_heard (f, "contact", contact, (gint64) 0);
  assert_heard (f, "employer", employer, (gint64) 0);
  g_assert_false (g_hash_table_contains (f->heard, "search"));
  g_assert_false (g_hash_table_contains (f->heard, "search_data"));
  stop_listening (f);
}

/* placement_day is a WITHOUT ROWID table, which the update hook does not
 * report: the store tells of the placement whose days changed, and so
 * does a deletion whose cascade takes the days with it. */
static void
test_days (Fixture       *f,
           gconstpointer  data)
{
  PlStore *store = f->db.store;
  static const char * const days[] = { "2027-03-01", "2027-03-02", NULL };
  g_autoptr(GError) error = NULL;
  gint64 partner = pl_test_partner (store, "Humber College");
  gint64 staff = pl_test_staff (store, partner, "Ada Lovell");
  gint64 placement = pl_test_placement (store, staff, 0, "request", NULL);

  listen (f);
  g_assert_true (pl_placement_set_days (store, placement, days, &error));
  g_assert_no_error (error);
  assert_heard (f, "placement", placement, (gint64) 0);
  g_assert_false (g_hash_table_contains (f->heard, "placement_day"));

  listen (f);
  g_assert_true (pl_store_delete (store, PL_TYPE_PLACEMENT, placement, &error));
  g_assert_no_error (error);
  assert_heard (f, "placement", placement, (gint64) 0);
  g_assert_false (g_hash_table_contains (f->heard, "placement_day"));
  stop_listening (f);
}

static guint
count_items_changed (GListModel *model)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (model), "changes"));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  g_object_set_data (G_OBJECT (model), "changes",
                     GUINT_TO_POINTER (count_items_changed (model) + 1));
}

/* A second connection to the same file: what it writes, the first store
 * is never told of, so that a test can see which rows a list reads again
 * on its own. */
static PlStore *
open_behind (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PlStore *other = pl_store_open (f->db.path, &error);

  g_assert_no_error (error);
  return other;
}

/* A record list reads again the rows it is told of and the rows whose
 * derived columns look up a related row told of, and nothing else; it
 * reads its ids again only when its own table changed. */
static void
test_record_list (Fixture       *f,
                  gconstpointer  data)
{
  PlStore *store = f->db.store;
  g_autoptr(PlStore) behind = open_behind (f);
  gint64 humber = pl_test_partner (store, "Humber College");
  gint64 dearne = pl_test_partner (store, "Dearneside College");
  gint64 ada = pl_test_staff (store, humber, "Ada Lovell");
  gint64 ben = pl_test_staff (store, dearne, "Ben Okafor");
  gint64 cy = pl_test_staff (store, humber, "Cy Nair");
  g_autoptr(GListModel) list = pl_store_list (store, PL_TYPE_STAFF);
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(PlRecord) second = NULL;
  g_autoptr(PlRecord) third = NULL;

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), NULL);
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  third = g_list_model_get_item (list, 2);
  g_assert_cmpint (pl_record_get_id (first), ==, ada);
  g_assert_cmpint (pl_record_get_id (second), ==, ben);
  g_assert_cmpint (pl_record_get_id (third), ==, cy);

  /* Written behind the list's back: it cannot know. */
  update (behind, PL_TYPE_STAFF, cy, "job_title", "Lecturer");

  /* Ada's edit reaches Ada only: Cy's record keeps what it had. */
  update (store, PL_TYPE_STAFF, ada, "job_title", "Head of Catering");
  g_assert_cmpstr (pl_record_get_string (first, "job_title"), ==, "Head of Catering");
  g_assert_null (pl_record_get_string (third, "job_title"));
  g_assert_cmpuint (count_items_changed (list), ==, 0);

  /* From now on, a row the list has not been told of. */
  pl_test_staff (behind, humber, "Dee Rahman");

  /* A partner renamed reaches its own staff through partner_id. */
  update (store, PL_TYPE_PARTNER, dearne, "name", "Dearne Valley College");
  g_assert_cmpstr (pl_record_get_string (second, "partner_name"), ==, "Dearne Valley College");
  g_assert_null (pl_record_get_string (third, "job_title"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* Another table changes nothing in the list. */
  pl_test_employer (store, "Quayside Kitchen", "warm");
  g_assert_null (pl_record_get_string (third, "job_title"));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);

  /* Told that Cy changed, the list reads Cy; and, its own table having
   * changed, its ids: Dee appears, in one change. */
  pl_store_note_change (store, "staff", cy);
  g_assert_cmpstr (pl_record_get_string (third, "job_title"), ==, "Lecturer");
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 4);
  g_assert_cmpuint (count_items_changed (list), ==, 1);
}

/* That @list shows what a list made now would, in the same order. */
static void
assert_same_order (Fixture         *f,
                   PlPlacementList *list)
{
  g_autoptr(PlPlacementList) fresh = pl_placement_list_new (f->db.store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (fresh));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(PlRecord) b = g_list_model_get_item (G_LIST_MODEL (fresh), i);

      g_assert_cmpint (pl_record_get_id (a), ==, pl_record_get_id (b));
    }
}

static void
count_notify (guint *notified)
{
  (*notified)++;
}

/* The Placements list puts a placement written in its place without
 * reading the other ids again, reads none for a staff member renamed
 * (unless the search reads names), and updates the rows on screen that
 * show the staff member. */
static void
test_placement_list (Fixture       *f,
                     gconstpointer  data)
{
  PlStore *store = f->db.store;
  static const char * const march[] = { "2027-03-01", NULL };
  static const char * const april[] = { "2027-04-05", NULL };
  g_autoptr(PlStore) behind = open_behind (f);
  g_autoptr(PlPlacementList) list = pl_placement_list_new (store);
  g_autoptr(PlRecord) shown = NULL;
  gint64 partner = pl_test_partner (store, "Humber College");
  gint64 ada = pl_test_staff (store, partner, "Ada Lovell");
  gint64 ben = pl_test_staff (store, partner, "Ben Okafor");
  gint64 first = pl_test_placement (store, ada, 0, "request", march);
  gint64 hidden;
  guint notified = 0;
  PlPlacementFilter filter = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpint (pl_record_get_id (shown), ==, first);
  g_signal_connect_swapped (shown, "notify::updated-at", G_CALLBACK (count_notify), &notified);

  hidden = pl_test_placement (behind, ben, 0, "request", april);

  /* Ada renamed: her row shows it and is told to redraw; no id is read
   * again, so the placement added behind the list's back stays away. */
  update (store, PL_TYPE_STAFF, ada, "name", "Ada Lovell-Hart");
  g_assert_cmpstr (pl_record_get_string (shown, "staff_name"), ==, "Ada Lovell-Hart");
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* A placement written is put in its place, alone: the one written
   * behind the list's back is still not read. */
  update (store, PL_TYPE_PLACEMENT, first, "notes", "Bring safety boots");
  g_assert_cmpstr (pl_record_get_string (shown, "notes"), ==, "Bring safety boots");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* Told of, it comes in where the order puts it: the later first day
   * first. */
  pl_store_note_change (store, "placement", hidden);
  assert_same_order (f, list);
  g_assert_cmpuint (pl_placement_list_find (list, hidden), ==, 0);
  g_assert_cmpuint (pl_placement_list_find (list, first), ==, 1);

  /* New days move a placement; one without days goes first; a deleted one
   * goes; each time in the order a fresh list has. */
  {
    static const char * const may[] = { "2027-05-03", NULL };
    g_autoptr(GError) error = NULL;
    gint64 request = pl_test_placement (store, ben, 0, "request", NULL);
    gint64 second = pl_test_placement (store, ben, 0, "request", march);

    assert_same_order (f, list);
    g_assert_cmpuint (pl_placement_list_find (list, request), ==, 0);
    g_assert_true (pl_placement_set_days (store, first, may, &error));
    g_assert_no_error (error);
    assert_same_order (f, list);
    g_assert_cmpuint (pl_placement_list_find (list, first), ==, 1);
    {
      g_autoptr(PlRecord) moved = g_list_model_get_item (G_LIST_MODEL (list), 1);

      /* Its row, wherever it went, shows its new first day. */
      g_assert_cmpstr (pl_record_get_string (moved, "first_day"), ==, "2027-05-03");
    }
    g_assert_true (pl_store_delete (store, PL_TYPE_PLACEMENT, second, &error));
    g_assert_no_error (error);
    assert_same_order (f, list);
    g_assert_true (pl_store_delete (store, PL_TYPE_PLACEMENT, request, &error));
    g_assert_no_error (error);
    assert_same_order (f, list);
  }

  /* A status filter: a placement that leaves the status leaves the list. */
  filter.status = "request";
  pl_placement_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  {
    g_autoptr(GError) error = NULL;
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);
    g_assert_true (pl_lifecycle_set_status (store, hidden, "cancelled", "The host closed",
                                            &today, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pl_placement_list_find (list, hidden), ==, G_MAXUINT);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_true (pl_lifecycle_set_status (store, hidden, "request", NULL, &today, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (pl_placement_list_find (list, first), ==, 0);
    g_assert_cmpuint (pl_placement_list_find (list, hidden), ==, 1);
  }
  filter.status = NULL;
  pl_placement_list_set_filter (list, &filter);

  /* With a search, a rename may bring a placement in or take it out: the
   * ids are read again. */
  filter.search = "okafor";
  pl_placement_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  update (store, PL_TYPE_STAFF, ada, "name", "Ada Okafor");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  update (store, PL_TYPE_STAFF, ben, "name", "Ben Mensah");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (pl_placement_list_find (list, first), ==, 0);

  /* An employer, a sector and a status, alone or together, keep what
   * they say. */
  {
    gint64 kitchen = pl_test_employer (store, "Quayside Kitchen", "host");
    gint64 hosted = pl_test_placement (store, ben, kitchen, "confirmed", april);
    g_autoptr(PlRecord) record = pl_store_get (store, PL_TYPE_PLACEMENT, hosted, NULL);

    filter.search = NULL;
    filter.employer_id = kitchen;
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    g_assert_cmpuint (pl_placement_list_find (list, hosted), ==, 0);
    filter.status = "request";
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    filter.status = NULL;
    filter.employer_id = 0;
    filter.sector_id = pl_record_get_int (record, "sector_id");
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
    filter.sector_id = filter.sector_id + 1000;
    pl_placement_list_set_filter (list, &filter);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)

  ADD ("/changes/cascade", test_cascade);
  ADD ("/changes/trigger", test_trigger);
  ADD ("/changes/without-rowid", test_days);
  ADD ("/record-list/rows-told", test_record_list);
  ADD ("/placement-list/rows-told", test_placement_list);

  return g_test_run ();
}
