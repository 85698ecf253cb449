/* test-directory.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-deletion.h"
#include "pl-record-list.h"
#include "pl-search-private.h"
#include "pl-test-data.h"
#include "pl-withdrawal.h"
#include "pl-store-private.h"

/* The model behind the Employers, Staff and Partners pages: search as you
 * type, deletion that can be undone, and a partner's withdrawal. */

static void
test_query (void)
{
  static const struct {
    const char *typed;
    const char *query;
  } cases[] = {
    { "quay", "\"quay\"*" },
    { "  Quay   side ", "\"Quay\"* \"side\"*" },
    /* FTS5 syntax in what people type is only words. */
    { "NOT bistro", "\"NOT\"* \"bistro\"*" },
    { "say \"hi\"", "\"say\"* \"\"\"hi\"\"\"*" },
    { "name:quay", "\"name:quay\"*" },
    { "o'neil", "\"o'neil\"*" },
    { "café", "\"café\"*" },
    /* Nothing to search for. */
    { "", NULL },
    { "   ", NULL },
    { "- * (", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *query = pl_search_build_query (cases[i].typed);

      g_assert_cmpstr (query, ==, cases[i].query);
    }
}

static GArray *
search (PlStore    *store,
        const char *kind,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = pl_search_ids (store, kind, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

static void
test_search (PlTestDb      *db,
             gconstpointer  data)
{
  gint64 quayside = pl_test_employer (db->store, "Quayside Café", "warm");
  gint64 harbour = pl_test_employer (db->store, "Harbour Hotel", "warm");
  gint64 partner = pl_test_partner (db->store, "Quay College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira O'Neil");
  static const char * const typed[] = { "quay", "QUAY", "cafe", "quaysi caf", "\"quay", "NOT quay" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GArray) ids = search (db->store, "employer", typed[i]);

      /* Only employers, never the partner whose name also starts so. */
      g_assert_cmpint (ids->len, ==, g_str_equal (typed[i], "NOT quay") ? 0 : 1);
      if (ids->len > 0)
        {
          g_assert_true (pl_search_ids_contain (ids, quayside));
          g_assert_false (pl_search_ids_contain (ids, harbour));
        }
    }

  {
    g_autoptr(GArray) ids = search (db->store, "staff", "o'ne");
    g_autoptr(GArray) none = search (db->store, "employer", "");
    g_autoptr(GArray) both = search (db->store, "employer", "h");

    g_assert_cmpint (ids->len, ==, 1);
    g_assert_true (pl_search_ids_contain (ids, staff));
    g_assert_cmpint (none->len, ==, 0);
    /* "Harbour Hotel" and nothing else starts a word with h. */
    g_assert_cmpint (both->len, ==, 1);
    g_assert_true (pl_search_ids_contain (both, harbour));
  }
}

static gint64
count (PlStore    *store,
       const char *sql,
       gint64      id)
{
  return pl_test_query_int (store, sql, id);
}

/* Deleting an employer takes its contacts and evidence with it; undoing
 * puts all of them back, with the same ids, and the search index too. */
static void
test_delete_undo_employer (PlTestDb      *db,
                           gconstpointer  data)
{
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(PlRecord) back = NULL;
  g_autoptr(PlRecord) document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);
  g_autoptr(GArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner = pl_test_partner (db->store, "Humber Estuary College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira Okafor");
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "warm");
  gint64 contact;
  gint64 other = pl_test_employer (db->store, "Harbour Hotel", "warm");

  contact = pl_test_contact (db->store, employer, staff, "2026-11-01", "Asked for dates", "2026-11-20");
  pl_test_contact (db->store, employer, 0, "2026-11-05", "Called back", NULL);
  pl_test_contact (db->store, other, staff, "2026-11-05", "Not this one", NULL);
  g_object_set (document, "employer-id", employer, "kind", "insurance", "reference", "EL-1",
                "expires-on", "2027-01-01", NULL);
  pl_test_insert (db->store, document);

  deletion = pl_deletion_run (db->store, PL_TYPE_EMPLOYER, employer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (deletion);
  g_assert_cmpint (pl_deletion_get_n_rows (deletion), ==, 4);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM employer WHERE id = ?1", employer), ==, 0);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM contact WHERE employer_id = ?1", employer), ==, 0);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM contact WHERE employer_id = ?1", other), ==, 1);
  found = search (db->store, "employer", "quayside");
  g_assert_cmpint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  g_assert_true (pl_deletion_undo (deletion, &error));
  g_assert_no_error (error);

  back = pl_store_get (db->store, PL_TYPE_EMPLOYER, employer, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pl_record_get_string (back, "name"), ==, "Quayside Kitchen");
  g_assert_cmpstr (pl_record_get_string (back, "last_contact"), ==, "2026-11-05");
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM contact WHERE employer_id = ?1", employer), ==, 2);
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM contact WHERE id = ?1", contact), ==, staff);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM employer_document WHERE employer_id = ?1"
                                     " AND expires_on = '2027-01-01'", employer), ==, 1);
  found = search (db->store, "employer", "quayside");
  g_assert_cmpint (found->len, ==, 1);

  /* Once is enough. */
  g_assert_false (pl_deletion_undo (deletion, &error));
  g_assert_nonnull (error);
}

/* A staff member's deletion clears their name from the contacts they made
 * and from the employers they looked after; undoing restores both. */
static void
test_delete_undo_references (PlTestDb      *db,
                             gconstpointer  data)
{
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(PlRecord) employer_record = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner = pl_test_partner (db->store, "Humber Estuary College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira Okafor");
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "warm");
  gint64 contact = pl_test_contact (db->store, employer, staff, "2026-11-01", "Asked", NULL);

  employer_record = pl_store_get (db->store, PL_TYPE_EMPLOYER, employer, &error);
  pl_record_set_int (employer_record, "owner_id", staff);
  g_assert_true (pl_store_update (db->store, employer_record, &error));
  g_assert_no_error (error);

  deletion = pl_deletion_run (db->store, PL_TYPE_STAFF, staff, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (db->store, "SELECT ifnull(owner_id, 0) FROM employer WHERE id = ?1", employer), ==, 0);
  g_assert_cmpint (count (db->store, "SELECT ifnull(staff_id, 0) FROM contact WHERE id = ?1", contact), ==, 0);

  g_assert_true (pl_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db->store, "SELECT owner_id FROM employer WHERE id = ?1", employer), ==, staff);
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM contact WHERE id = ?1", contact), ==, staff);
}

/* A record others depend on is not deleted; the error names them. */
static void
test_delete_in_use (PlTestDb      *db,
                    gconstpointer  data)
{
  g_autoptr(PlDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 partner = pl_test_partner (db->store, "Humber Estuary College");
  gint64 staff = pl_test_staff (db->store, partner, "Amira Okafor");
  gint64 employer = pl_test_employer (db->store, "Quayside Kitchen", "host");

  pl_test_contact (db->store, employer, staff, "2026-11-01", "Asked", NULL);
  pl_test_placement (db->store, staff, employer, "proposed", NULL);

  deletion = pl_deletion_run (db->store, PL_TYPE_EMPLOYER, employer, &error);
  g_assert_null (deletion);
  g_assert_error (error, PL_ERROR, PL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 placement"));
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM contact WHERE employer_id = ?1", employer), ==, 1);
  g_clear_error (&error);

  deletion = pl_deletion_run (db->store, PL_TYPE_PARTNER, partner, &error);
  g_assert_null (deletion);
  g_assert_error (error, PL_ERROR, PL_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "1 staff member"));
}

static const char *
text_of (PlStore    *store,
         const char *sql,
         gint64      id,
         char      **out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStmt) stmt = pl_db_prepare (pl_store_get_db (store), sql, &error);

  g_assert_no_error (error);
  pl_stmt_bind_int (stmt, 1, id);
  g_assert_true (pl_stmt_next (stmt, &error));
  g_free (*out);
  *out = pl_stmt_dup_text (stmt, 0);
  return *out;
}

typedef struct
{
  gint64 leaving;
  gint64 staying;
  gint64 gone;
  gint64 teacher;
  gint64 colleague;
  gint64 request;
  gint64 confirmed;
  gint64 completed;
  gint64 elsewhere;
} Network;

static void
build_network (PlStore *store,
               Network *n)
{
  static const char * const days[] = { "2027-01-12", "2027-01-13", NULL };
  gint64 employer = pl_test_employer (store, "Quayside Kitchen", "host");
  gint64 withdrawn;
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  n->leaving = pl_test_partner (store, "Brightpath Training");
  n->staying = pl_test_partner (store, "Humber Estuary College");
  withdrawn = pl_test_partner (store, "Gone Before College");
  n->teacher = pl_test_staff (store, n->leaving, "Bea Leaving");
  n->colleague = pl_test_staff (store, n->staying, "Sam Staying");
  n->gone = pl_test_staff (store, withdrawn, "Gus Gone");

  record = pl_store_get (store, PL_TYPE_PARTNER, withdrawn, &error);
  g_object_set (record, "status", "withdrawn", "withdrawn-on", "2026-01-01", NULL);
  g_assert_true (pl_store_update (store, record, &error));
  g_assert_no_error (error);

  n->request = pl_test_placement (store, n->teacher, 0, "request", NULL);
  n->confirmed = pl_test_placement (store, n->teacher, employer, "confirmed", days);
  n->completed = pl_test_placement (store, n->teacher, employer, "completed", days);
  n->elsewhere = pl_test_placement (store, n->colleague, employer, "request", NULL);
}

static void
test_withdrawal (PlTestDb      *db,
                 gconstpointer  data)
{
  g_autoptr(PlWithdrawal) withdrawal = NULL;
  g_autoptr(GArray) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Network n;
  PlWithdrawalChoice choices[1];

  build_network (db->store, &n);

  open = pl_withdrawal_open_placements (db->store, n.leaving);
  g_assert_cmpint (open->len, ==, 2);
  g_assert_cmpint (g_array_index (open, gint64, 0), ==, n.request);
  g_assert_cmpint (g_array_index (open, gint64, 1), ==, n.confirmed);

  /* The confirmed placement goes to a colleague elsewhere; the request,
   * given no choice, is cancelled. */
  choices[0].placement_id = n.confirmed;
  choices[0].move_to_staff_id = n.colleague;
  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "2026-11-20", "  Funding ended ",
                                    choices, G_N_ELEMENTS (choices), &error);
  g_assert_no_error (error);
  g_assert_nonnull (withdrawal);
  g_assert_cmpint (pl_withdrawal_get_n_cancelled (withdrawal), ==, 1);
  g_assert_cmpint (pl_withdrawal_get_n_moved (withdrawal), ==, 1);

  g_assert_cmpstr (text_of (db->store, "SELECT status FROM partner WHERE id = ?1", n.leaving, &text),
                   ==, "withdrawn");
  g_assert_cmpstr (text_of (db->store, "SELECT withdrawn_on FROM partner WHERE id = ?1", n.leaving, &text),
                   ==, "2026-11-20");
  g_assert_cmpstr (text_of (db->store, "SELECT withdrawn_reason FROM partner WHERE id = ?1", n.leaving,
                            &text), ==, "Funding ended");
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM placement WHERE id = ?1", n.request, &text),
                   ==, "cancelled");
  g_assert_cmpstr (text_of (db->store, "SELECT cancel_reason FROM placement WHERE id = ?1", n.request,
                            &text), ==, "Partner withdrew: Funding ended");
  g_assert_cmpstr (text_of (db->store, "SELECT from_status || '>' || to_status || ' ' || changed_on "
                                       "FROM placement_event WHERE placement_id = ?1", n.request, &text),
                   ==, "request>cancelled 2026-11-20");
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM placement WHERE id = ?1", n.confirmed), ==,
                   n.colleague);
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM placement WHERE id = ?1", n.confirmed, &text),
                   ==, "confirmed");
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM placement WHERE id = ?1", n.completed, &text),
                   ==, "completed");
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM placement WHERE id = ?1", n.elsewhere), ==,
                   n.colleague);

  /* Undo puts everything back. */
  g_assert_true (pl_withdrawal_undo (withdrawal, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM partner WHERE id = ?1", n.leaving, &text),
                   ==, "active");
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM partner WHERE id = ?1 AND withdrawn_on IS NULL",
                          n.leaving), ==, 1);
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM placement WHERE id = ?1", n.request, &text),
                   ==, "request");
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM placement WHERE id = ?1 AND cancel_reason IS NULL",
                          n.request), ==, 1);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM placement_event WHERE placement_id = ?1",
                          n.request), ==, 0);
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM placement WHERE id = ?1", n.confirmed), ==,
                   n.teacher);
}

/* A bad choice leaves everything as it was. */
static void
test_withdrawal_refused (PlTestDb      *db,
                         gconstpointer  data)
{
  g_autoptr(PlWithdrawal) withdrawal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Network n;
  PlWithdrawalChoice to_withdrawn[] = { { 0, 0 } };
  PlWithdrawalChoice to_self[] = { { 0, 0 } };
  PlWithdrawalChoice not_open[] = { { 0, 0 } };

  build_network (db->store, &n);
  to_withdrawn[0] = (PlWithdrawalChoice) { n.confirmed, n.gone };
  to_self[0] = (PlWithdrawalChoice) { n.confirmed, n.teacher };
  not_open[0] = (PlWithdrawalChoice) { n.completed, 0 };

  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "2026-11-20", NULL, to_withdrawn, 1, &error);
  g_assert_null (withdrawal);
  g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
  g_clear_error (&error);

  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "2026-11-20", NULL, to_self, 1, &error);
  g_assert_null (withdrawal);
  g_assert_error (error, PL_ERROR, PL_ERROR_CONSTRAINT);
  g_clear_error (&error);

  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "2026-11-20", NULL, not_open, 1, &error);
  g_assert_null (withdrawal);
  g_assert_error (error, PL_ERROR, PL_ERROR_NOT_FOUND);
  g_clear_error (&error);

  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "20 November", NULL, NULL, 0, &error);
  g_assert_null (withdrawal);
  g_assert_error (error, PL_ERROR, PL_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpstr (text_of (db->store, "SELECT status FROM partner WHERE id = ?1", n.leaving, &text),
                   ==, "active");
  g_assert_cmpstr (text_of (db->store, "SELECT status FROM placement WHERE id = ?1", n.request, &text),
                   ==, "request");
  g_assert_cmpint (count (db->store, "SELECT staff_id FROM placement WHERE id = ?1", n.confirmed), ==,
                   n.teacher);
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM placement_event WHERE ?1", 1), ==, 0);

  /* Without a reason, the cancellation still says why. */
  withdrawal = pl_withdrawal_apply (db->store, n.leaving, "2026-11-20", "", NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pl_withdrawal_get_n_cancelled (withdrawal), ==, 2);
  g_assert_cmpstr (text_of (db->store, "SELECT cancel_reason FROM placement WHERE id = ?1", n.confirmed,
                            &text), ==, "Partner withdrew");
  g_assert_cmpint (count (db->store, "SELECT count(*) FROM partner WHERE id = ?1 AND withdrawn_reason IS NULL",
                          n.leaving), ==, 1);
}

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint calls;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

/* The pages' lists stay responsive at tens of thousands of rows because the
 * store-backed list keeps the records it has read across changes, announces
 * the smallest change, and updates derived columns in place. */
static void
test_record_list (PlTestDb      *db,
                  gconstpointer  data)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PlRecord) first = NULL;
  g_autoptr(PlRecord) again = NULL;
  g_autoptr(PlRecord) last = NULL;
  g_autoptr(PlRecord) middle = NULL;
  g_autoptr(GError) error = NULL;
  ItemsChanged seen = { 0, };
  gint64 ids[600];
  gint64 mid;

  /* More rows than one block, so that reading them takes several. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *name = g_strdup_printf ("Employer %04u", i * 2);

      ids[i] = pl_test_employer (db->store, name, "warm");
    }

  list = pl_store_list (db->store, PL_TYPE_EMPLOYER);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 600);

  first = g_list_model_get_item (list, 0);
  last = g_list_model_get_item (list, 599);
  g_assert_cmpint (pl_record_get_id (first), ==, ids[0]);
  g_assert_cmpint (pl_record_get_id (last), ==, ids[599]);
  g_assert_cmpstr (pl_record_get_string (last, "name"), ==, "Employer 1198");

  /* A new employer in the middle is one row added there; the records read
   * before stay the same objects. */
  mid = pl_test_employer (db->store, "Employer 0501", "warm");
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_cmpuint (seen.position, ==, 251);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 1);
  again = g_list_model_get_item (list, 0);
  g_assert_true (again == first);
  g_clear_object (&again);
  again = g_list_model_get_item (list, 600);
  g_assert_true (again == last);
  middle = g_list_model_get_item (list, 251);
  g_assert_cmpint (pl_record_get_id (middle), ==, mid);

  /* An edit changes no row's place: no ::items-changed, the record follows. */
  pl_record_set_string (middle, "notes", "Hosts twice a year");
  g_assert_true (pl_store_update (db->store, middle, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_clear_object (&again);
  again = g_list_model_get_item (list, 251);
  g_assert_cmpstr (pl_record_get_string (again, "notes"), ==, "Hosts twice a year");

  /* Another table's change shows in derived columns of records already
   * read: the last contact. */
  g_assert_null (pl_record_get_string (last, "last_contact"));
  pl_test_contact (db->store, ids[599], 0, "2026-11-02", "Called", NULL);
  g_assert_cmpstr (pl_record_get_string (last, "last_contact"), ==, "2026-11-02");
  g_assert_cmpuint (seen.calls, ==, 1);

  /* Deleting the first row is one row removed at the top. */
  g_assert_true (pl_store_delete (db->store, PL_TYPE_EMPLOYER, ids[0], &error));
  g_assert_no_error (error);
  g_assert_cmpuint (seen.calls, ==, 2);
  g_assert_cmpuint (seen.position, ==, 0);
  g_assert_cmpuint (seen.removed, ==, 1);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 600);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, PlTestDb, NULL, pl_test_db_set_up, func, pl_test_db_tear_down)

  g_test_add_func ("/search/query", test_query);
  ADD ("/search/ids", test_search);
  ADD ("/deletion/employer-undo", test_delete_undo_employer);
  ADD ("/deletion/references-undo", test_delete_undo_references);
  ADD ("/deletion/in-use", test_delete_in_use);
  ADD ("/withdrawal/apply-undo", test_withdrawal);
  ADD ("/withdrawal/refused", test_withdrawal_refused);
  ADD ("/record-list/keeps-records", test_record_list);

  return g_test_run ();
}
