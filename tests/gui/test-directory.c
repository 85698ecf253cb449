/* test-directory.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-contact-dialog.h"
#include "pl-employers-page.h"
#include "pl-overview-page.h"
#include "pl-partners-page.h"
#include "pl-placement-editor.h"
#include "pl-placements-page.h"
#include "pl-store-appetite.h"
#include "pl-staff-page.h"
#include "pl-test-data.h"
#include "pl-history.h"
#include "pl-test-gui.h"
#include "pl-withdraw-dialog.h"

/* The Employers, Staff and Partners pages, driven through their widgets as
 * a person would: typing into the rows of the detail pane, choosing in the
 * filters, answering the dialogs. What counts is what the store holds. */

typedef struct
{
  PlTestGui  gui;
  PlWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pl_test_gui_set_up (&fixture->gui, FALSE);
  /* Past the welcome view. */
  pl_store_set_setting (fixture->gui.store, "started_empty", "1", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    pl_test_gui_close_window (fixture->window);

  /* Dialogs left open by a test. */
  pl_test_destroy_toplevels ();

  /* Nothing the pages made may outlive them and hold on to the store. */
  pl_test_gui_tear_down (&fixture->gui);
}

/* Opens the window on @page and returns that page's widget. */
static PlListPage *
open_page (Fixture    *fixture,
           const char *page,
           GType       type)
{
  PlListPage *widget;

  fixture->window = pl_test_gui_open_window (&fixture->gui);
  widget = PL_LIST_PAGE (pl_test_gui_show_page (fixture->window, page, type));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (widget)));

  return widget;
}

static GtkWidget *
row_of (PlListPage *page,
        const char *column)
{
  GtkWidget *widget = pl_record_editor_get_widget (pl_list_page_get_editor (page), column);

  g_assert_nonnull (widget);
  return widget;
}

/* Types @text into the field of @column, as a person would: the text
 * changes, then the focus moves on. */
static void
type_into (PlListPage *page,
           const char *column,
           const char *text)
{
  GtkWidget *row = row_of (page, column);

  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
stored_is (PlStore    *store,
           GType       type,
           gint64      id,
           const char *column,
           const char *expected)
{
  g_autofree char *text = pl_test_stored_text (store, type, id, column);

  return g_strcmp0 (text, expected) == 0;
}

static gboolean
activate (GtkWidget  *widget,
          const char *action)
{
  return gtk_widget_activate_action (widget, action, NULL);
}

static guint
n_shown (PlListPage *page)
{
  return g_list_model_get_n_items (pl_list_page_get_model (page));
}

/* New, type a name and an email, duplicate, delete: each step is in the
 * store, because the page saved it, not because the test did. */
static void
test_employer_crud (Fixture       *fixture,
                    gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  PlListPage *page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  PlRecord *selected;
  gint64 id;
  gint64 copy;

  /* Empty at first, saying what to do. */
  g_assert_cmpuint (n_shown (page), ==, 0);
  g_assert_null (pl_list_page_get_selected (page));

  g_assert_true (activate (GTK_WIDGET (page), "page.new"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 1);
  selected = pl_list_page_get_selected (page);
  g_assert_nonnull (selected);
  id = pl_record_get_id (selected);
  g_assert_cmpstr (pl_record_get_string (selected, "name"), ==, "New employer 1");

  /* Typing saves after a pause, without leaving the field. */
  type_into (page, "name", "Quayside Kitchen");
  PL_TEST_WAIT_FOR (stored_is (store, PL_TYPE_EMPLOYER, id, "name", "Quayside Kitchen"));

  /* Leaving the field saves at once. */
  type_into (page, "contact_email", "chef@quayside.example.co.uk");
  gtk_widget_grab_focus (row_of (page, "postcode"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, id, "contact_email", "chef@quayside.example.co.uk"));

  type_into (page, "capacity", "3");
  type_into (page, "postcode", "HU1 1AA");
  PL_TEST_WAIT_FOR (stored_is (store, PL_TYPE_EMPLOYER, id, "postcode", "HU1 1AA"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT capacity FROM employer WHERE id = ?1", id), ==, 3);

  /* The list shows the new name. */
  g_assert_cmpstr (pl_record_get_string (pl_list_page_get_selected (page), "name"), ==,
                   "Quayside Kitchen");

  g_assert_true (activate (GTK_WIDGET (page), "page.duplicate"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 2);
  copy = pl_record_get_id (pl_list_page_get_selected (page));
  g_assert_cmpint (copy, !=, id);
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, copy, "name", "Quayside Kitchen (copy)"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, copy, "postcode", "HU1 1AA"));

  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 1);
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, copy, "name"));
  g_assert_cmpuint (n_shown (page), ==, 1);
}

/* An email address without a domain is marked under its row and not
 * saved; what was typed stays in the field until it is put right. */
static void
test_invalid_email (Fixture       *fixture,
                    gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 id = pl_test_employer (store, "Quayside Kitchen", "warm");
  PlListPage *page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  PlRecordEditor *editor = pl_list_page_get_editor (page);
  GtkWidget *row;

  g_assert_true (pl_list_page_select (page, id));
  row = row_of (page, "contact_email");

  type_into (page, "contact_email", "chef@");
  PL_TEST_WAIT_FOR (pl_record_editor_get_error (editor, "contact_email") != NULL);
  g_assert_cmpstr (pl_record_editor_get_error (editor, "contact_email"), ==,
                   "Contact email: “chef@” is not an email address.");
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "chef@");
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "contact_email"));

  /* Other fields still save meanwhile. */
  type_into (page, "contact_name", "Ada Pike");
  PL_TEST_WAIT_FOR (stored_is (store, PL_TYPE_EMPLOYER, id, "contact_name", "Ada Pike"));
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "contact_email"));

  /* A number out of range is refused the same way. */
  type_into (page, "capacity", "5000");
  PL_TEST_WAIT_FOR (pl_record_editor_get_error (editor, "capacity") != NULL);
  g_assert_cmpint (pl_test_query_int (store, "SELECT capacity FROM employer WHERE id = ?1", id), ==, 1);

  type_into (page, "contact_email", "chef@quayside.example.co.uk");
  PL_TEST_WAIT_FOR (stored_is (store, PL_TYPE_EMPLOYER, id, "contact_email",
                               "chef@quayside.example.co.uk"));
  g_assert_null (pl_record_editor_get_error (editor, "contact_email"));
  g_assert_false (gtk_widget_has_css_class (row, "error"));
}

/* The drop-down of @widget's tree whose first choice is @first. */
static GtkDropDown *
find_drop_down (GtkWidget  *widget,
                const char *first)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      if (GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 0 &&
          g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0), first) == 0)
        return GTK_DROP_DOWN (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = find_drop_down (child, first);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The appetite of this academic year, chosen on the employer: "Not this
 * year" waits for its reason before it is kept; the list's filter then
 * shows that employer alone. */
static void
test_appetite (Fixture       *fixture,
               gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 keel = pl_test_employer (store, "Keel and Anchor Hotel", "host");
  gint64 harbour = pl_test_employer (store, "Harbour Hotel", "warm");
  PlListPage *page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  g_autofree char *title = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *row, *reason_row;
  GtkDropDown *filter;
  GDate today;
  int year;

  pl_context_get_today (pl_list_page_get_context (page), &today);
  year = pl_appetite_year_of (&today);
  title = g_strdup_printf ("Appetite in %d/%02d", year, (year + 1) % 100);

  g_assert_true (pl_list_page_select (page, keel));
  row = pl_test_find_row (GTK_WIDGET (page), title);
  reason_row = pl_test_find_row (GTK_WIDGET (page), "Reason");
  g_assert_nonnull (row);
  g_assert_nonnull (reason_row);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, PL_APPETITE_UNKNOWN);
  g_assert_false (gtk_widget_get_visible (reason_row));

  adw_combo_row_set_selected (ADW_COMBO_ROW (row), PL_APPETITE_NOT_THIS_YEAR);
  g_assert_true (gtk_widget_get_visible (reason_row));
  g_assert_cmpint (pl_store_get_appetite (store, keel, year, NULL), ==, PL_APPETITE_UNKNOWN);

  gtk_editable_set_text (GTK_EDITABLE (reason_row), "refurbishment");
  g_signal_emit_by_name (reason_row, "apply");
  g_assert_cmpint (pl_store_get_appetite (store, keel, year, &reason), ==,
                   PL_APPETITE_NOT_THIS_YEAR);
  g_assert_cmpstr (reason, ==, "refurbishment");

  /* Another employer shows its own, unknown. */
  g_assert_true (pl_list_page_select (page, harbour));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, PL_APPETITE_UNKNOWN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), PL_APPETITE_LOOKING);
  g_assert_cmpint (pl_store_get_appetite (store, harbour, year, NULL), ==, PL_APPETITE_LOOKING);

  filter = find_drop_down (GTK_WIDGET (page), "Any Appetite");
  g_assert_nonnull (filter);
  g_assert_cmpuint (n_shown (page), ==, 2);
  gtk_drop_down_set_selected (filter, PL_APPETITE_NOT_THIS_YEAR + 1);
  PL_TEST_WAIT_FOR (n_shown (page) == 1);
  {
    g_autoptr(PlRecord) shown = g_list_model_get_item (pl_list_page_get_model (page), 0);

    g_assert_cmpstr (pl_record_get_string (shown, "name"), ==, "Keel and Anchor Hotel");
  }

  /* Changed from elsewhere (the command line, another coordinator), the
   * list follows. */
  g_assert_true (pl_store_set_appetite (store, harbour, year, PL_APPETITE_NOT_THIS_YEAR,
                                        "short-staffed", NULL));
  PL_TEST_WAIT_FOR (n_shown (page) == 2);
  gtk_drop_down_set_selected (filter, 0);
}

/* Deleting an employer takes its contact log with it; Undo brings back
 * both. */
static void
test_undo_delete (Fixture       *fixture,
                  gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 partner = pl_test_partner (store, "Humber Estuary College");
  gint64 staff = pl_test_staff (store, partner, "Amira Okafor");
  gint64 id = pl_test_employer (store, "Quayside Kitchen", "warm");
  gint64 other = pl_test_employer (store, "Harbour Hotel", "warm");
  PlListPage *page;

  pl_test_contact (store, id, staff, "2026-11-01", "Asked about January", "2026-11-20");
  pl_test_contact (store, id, 0, "2026-11-10", "Chef called back", NULL);
  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));

  g_assert_true (pl_list_page_select (page, id));
  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "name"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT count(*) FROM contact WHERE employer_id = ?1", id), ==, 0);
  g_assert_cmpuint (n_shown (page), ==, 1);

  /* What the toast's Undo button does. */
  g_assert_true (activate (GTK_WIDGET (page), "page.undo-delete"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, id, "name", "Quayside Kitchen"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT count(*) FROM contact WHERE employer_id = ?1", id), ==, 2);
  g_assert_cmpint (pl_test_query_int (store, "SELECT staff_id FROM contact WHERE employer_id = ?1 "
                                             "AND follow_up IS NOT NULL", id), ==, staff);
  g_assert_cmpuint (n_shown (page), ==, 2);
  g_assert_cmpint (pl_record_get_id (pl_list_page_get_selected (page)), ==, id);
  g_assert_cmpint (pl_record_get_id (pl_list_page_get_selected (page)), !=, other);
}

/* A deletion is still undone long after its toast has gone, with work
 * done since: Ctrl+Z walks back through the later edit, then brings the
 * employer back with its contacts; and the toast says what went with it. */
static void
test_undo_delete_later (Fixture       *fixture,
                        gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 id = pl_test_employer (store, "Quayside Kitchen", "warm");
  gint64 other = pl_test_employer (store, "Harbour Hotel", "warm");
  PlHistory *history = pl_context_get_history (fixture->gui.context);
  g_autoptr(PlRecord) edited = NULL;
  g_autoptr(GError) error = NULL;
  PlListPage *page;

  pl_test_contact (store, id, 0, "2026-11-01", "Asked about January", NULL);
  pl_test_contact (store, id, 0, "2026-11-10", "Chef called back", NULL);
  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));

  g_assert_true (pl_list_page_select (page, id));
  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "name"));
  g_assert_cmpstr (pl_history_get_undo_label (history), ==, "Delete Employer");

  edited = pl_store_get (store, PL_TYPE_EMPLOYER, other, &error);
  g_assert_no_error (error);
  pl_record_set_string (edited, "postcode", "HU1 1AA");
  g_assert_true (pl_store_update (store, edited, &error));
  g_assert_no_error (error);

  g_assert_true (activate (GTK_WIDGET (page), "win.undo"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, other, "postcode", NULL));
  g_assert_null (pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "name"));

  g_assert_true (activate (GTK_WIDGET (page), "win.undo"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, id, "name", "Quayside Kitchen"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT count(*) FROM contact WHERE employer_id = ?1",
                                      id), ==, 2);
  PL_TEST_WAIT_FOR (n_shown (page) == 2);
}

/* The "Needs attention" toggle keeps the employers with a follow-up due;
 * the search field finds by the start of a word. */
static void
test_needs_attention (Fixture       *fixture,
                      gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 due = pl_test_employer (store, "Quayside Kitchen", "contacted");
  gint64 fine = pl_test_employer (store, "Harbour Hotel", "contacted");
  gint64 quay = pl_test_employer (store, "Quay Street Bakery", "contacted");
  PlListPage *page;
  GtkWidget *search;
  g_autoptr(PlRecord) first = NULL;

  pl_test_contact (store, due, 0, "2026-11-01", "Call back next week", "2026-11-15");
  pl_test_contact (store, fine, 0, "2026-11-01", "Call back in December", "2026-12-15");
  pl_test_contact (store, quay, 0, "2026-11-12", "Interested", NULL);
  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  g_assert_cmpuint (n_shown (page), ==, 3);

  /* The flags are worked out in a thread; the list follows. */
  pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), TRUE);
  PL_TEST_WAIT_FOR (n_shown (page) == 1);
  first = g_list_model_get_item (pl_list_page_get_model (page), 0);
  g_assert_cmpint (pl_record_get_id (first), ==, due);

  /* Logging the follow-up call settles it. The employer being looked at
   * stays in view until the list is asked for again. */
  g_assert_true (pl_list_page_select (page, due));
  pl_test_contact (store, due, 0, "2026-11-22", "Called back: dates agreed", NULL);
  PL_TEST_WAIT_FOR (pl_record_get_string (pl_list_page_get_selected (page), "last_contact")
                    != NULL &&
                    g_str_equal (pl_record_get_string (pl_list_page_get_selected (page),
                                                       "last_contact"),
                                 "2026-11-22"));
  pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), FALSE);
  pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), TRUE);
  PL_TEST_WAIT_FOR (n_shown (page) == 0);

  pl_employers_page_set_needs_attention (PL_EMPLOYERS_PAGE (page), FALSE);
  g_assert_cmpuint (n_shown (page), ==, 3);

  search = pl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "quay");
  PL_TEST_WAIT_FOR (n_shown (page) == 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "quay str");
  PL_TEST_WAIT_FOR (n_shown (page) == 1);
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  PL_TEST_WAIT_FOR (n_shown (page) == 3);
}

/* An employer with placements cannot be deleted; the dialog says why and
 * offers to mark it lapsed instead. */
static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 partner = pl_test_partner (store, "Humber Estuary College");
  gint64 staff = pl_test_staff (store, partner, "Amira Okafor");
  gint64 id = pl_test_employer (store, "Quayside Kitchen", "host");
  PlListPage *page;
  AdwMessageDialog *dialog;

  pl_test_placement (store, staff, id, "agreed", NULL);
  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  g_assert_true (pl_list_page_select (page, id));

  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  PL_TEST_WAIT_FOR ((dialog = pl_test_find_message_dialog ()) != NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 placement"));
  g_assert_true (adw_message_dialog_has_response (dialog, "lapse"));
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, id, "name", "Quayside Kitchen"));

  adw_message_dialog_response (dialog, "lapse");
  g_assert_true (stored_is (store, PL_TYPE_EMPLOYER, id, "relationship", "lapsed"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 1);
}

static void
set_text_view (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Logging a contact before an employer's "do not contact before" date asks
 * first, naming who asked. */
static void
test_log_contact_not_before (Fixture       *fixture,
                             gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 partner = pl_test_partner (store, "Humber Estuary College");
  gint64 alex = pl_test_staff (store, partner, "Alex Smith");
  gint64 id = pl_test_employer (store, "Humber Freight", "warm");
  g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, NULL);
  PlListPage *page;
  PlContactDialog *dialog;
  AdwMessageDialog *warning;
  GtkWidget *summary;

  g_object_set (employer, "owner-id", alex, "do-not-contact-before", "2027-03-03", NULL);
  g_assert_true (pl_store_update (store, employer, NULL));

  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  g_assert_true (pl_list_page_select (page, id));
  g_assert_true (activate (GTK_WIDGET (page), "employer.log-contact"));
  PL_TEST_WAIT_FOR ((dialog = (PlContactDialog *) pl_test_find_window (PL_TYPE_CONTACT_DIALOG)) !=
                    NULL);

  /* A summary is needed before anything is saved. */
  g_assert_false (pl_contact_dialog_save (dialog));
  summary = pl_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  set_text_view (summary, "Asked about hosting in the spring");

  g_assert_false (pl_contact_dialog_save (dialog));
  PL_TEST_WAIT_FOR ((warning = pl_test_find_message_dialog ()) != NULL);
  g_assert_cmpstr (adw_message_dialog_get_body (warning), ==,
                   "Alex Smith asked that nobody contacts Humber Freight before 3 March 2027. "
                   "Log this contact anyway?");
  g_assert_cmpint (pl_test_query_int (store, "SELECT count(*) FROM contact WHERE employer_id = ?1", id), ==, 0);

  adw_message_dialog_response (warning, "log");
  PL_TEST_WAIT_FOR (pl_test_query_int (store, "SELECT count(*) FROM contact WHERE employer_id = ?1",
                                       id) == 1);
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_CONTACT_DIALOG) == NULL);
  g_assert_cmpint (pl_test_query_int (store, "SELECT staff_id FROM contact WHERE employer_id = ?1", id), ==, alex);
  g_assert_cmpint (pl_test_query_int (store, "SELECT contact_date = '2026-11-22' FROM contact "
                                             "WHERE employer_id = ?1", id), ==, 1);
}

/* Withdrawing a partner cancels its open placements (or hands them on),
 * records date and reason, and leaves finished placements alone. */
static void
test_partner_withdrawal (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const days[] = { "2027-01-12", NULL };
  PlStore *store = fixture->gui.store;
  gint64 leaving = pl_test_partner (store, "Brightpath Training");
  gint64 staying = pl_test_partner (store, "Humber Estuary College");
  gint64 teacher = pl_test_staff (store, leaving, "Bea Leaving");
  gint64 colleague = pl_test_staff (store, staying, "Sam Staying");
  gint64 employer = pl_test_employer (store, "Quayside Kitchen", "host");
  gint64 request = pl_test_placement (store, teacher, 0, "request", NULL);
  gint64 confirmed = pl_test_placement (store, teacher, employer, "confirmed", days);
  gint64 done = pl_test_placement (store, teacher, employer, "completed", days);
  PlListPage *page;
  PlWithdrawDialog *dialog;
  GtkWidget *reason;

  page = PL_LIST_PAGE (open_page (fixture, "partners", PL_TYPE_PARTNERS_PAGE));
  g_assert_true (pl_list_page_select (page, leaving));

  /* Deleting is refused: it has staff. The safe choice is withdrawal. */
  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  {
    AdwMessageDialog *refused;

    PL_TEST_WAIT_FOR ((refused = pl_test_find_message_dialog ()) != NULL);
    g_assert_true (adw_message_dialog_has_response (refused, "withdraw"));
    adw_message_dialog_response (refused, "withdraw");
  }

  PL_TEST_WAIT_FOR ((dialog = (PlWithdrawDialog *) pl_test_find_window (PL_TYPE_WITHDRAW_DIALOG)) !=
                    NULL);
  g_assert_cmpuint (pl_withdraw_dialog_get_n_open (dialog), ==, 2);

  /* The date is today unless changed; the reason is typed. */
  reason = pl_test_find_row (GTK_WIDGET (dialog), "Reason");
  g_assert_true (ADW_IS_ENTRY_ROW (reason));
  gtk_editable_set_text (GTK_EDITABLE (reason), "Funding ended");

  g_assert_true (pl_withdraw_dialog_apply (dialog));

  g_assert_true (stored_is (store, PL_TYPE_PARTNER, leaving, "status", "withdrawn"));
  g_assert_true (stored_is (store, PL_TYPE_PARTNER, leaving, "withdrawn_on", "2026-11-22"));
  g_assert_true (stored_is (store, PL_TYPE_PARTNER, leaving, "withdrawn_reason", "Funding ended"));
  g_assert_true (stored_is (store, PL_TYPE_PLACEMENT, request, "status", "cancelled"));
  g_assert_true (stored_is (store, PL_TYPE_PLACEMENT, request, "cancel_reason", "Partner withdrew: Funding ended"));
  g_assert_true (stored_is (store, PL_TYPE_PLACEMENT, confirmed, "status", "cancelled"));
  g_assert_true (stored_is (store, PL_TYPE_PLACEMENT, done, "status", "completed"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT staff_id FROM placement WHERE id = ?1", confirmed), ==,
                   teacher);
  g_assert_cmpint (colleague, >, 0);
}

/* The same, handing every open placement to another partner's staff. */
static void
test_partner_withdrawal_move (Fixture       *fixture,
                              gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 leaving = pl_test_partner (store, "Brightpath Training");
  gint64 staying = pl_test_partner (store, "Humber Estuary College");
  gint64 teacher = pl_test_staff (store, leaving, "Bea Leaving");
  gint64 colleague = pl_test_staff (store, staying, "Sam Staying");
  gint64 request = pl_test_placement (store, teacher, 0, "request", NULL);
  gint64 proposed = pl_test_placement (store, teacher, 0, "proposed", NULL);
  PlListPage *page;
  PlWithdrawDialog *dialog;

  page = PL_LIST_PAGE (open_page (fixture, "partners", PL_TYPE_PARTNERS_PAGE));
  g_assert_true (pl_list_page_select (page, leaving));
  g_assert_true (activate (GTK_WIDGET (page), "partner.withdraw"));
  PL_TEST_WAIT_FOR ((dialog = (PlWithdrawDialog *) pl_test_find_window (PL_TYPE_WITHDRAW_DIALOG)) !=
                    NULL);

  pl_withdraw_dialog_move_all (dialog, colleague);
  g_assert_true (pl_withdraw_dialog_apply (dialog));

  g_assert_true (stored_is (store, PL_TYPE_PARTNER, leaving, "status", "withdrawn"));
  g_assert_true (stored_is (store, PL_TYPE_PLACEMENT, request, "status", "request"));
  g_assert_cmpint (pl_test_query_int (store, "SELECT staff_id FROM placement WHERE id = ?1", request), ==,
                   colleague);
  g_assert_cmpint (pl_test_query_int (store, "SELECT staff_id FROM placement WHERE id = ?1", proposed), ==,
                   colleague);
}

/* How many preferences groups in @root's tree have the heading @title. */
static guint
count_headings (GtkWidget  *root,
                const char *title)
{
  guint n = 0;

  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_headings (child, title);

  return n;
}

/* A staff member needs a partner; the page says so rather than failing
 * silently. With one, New works and typing saves. */
static void
test_staff_page (Fixture       *fixture,
                 gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  PlListPage *page = PL_LIST_PAGE (open_page (fixture, "staff", PL_TYPE_STAFF_PAGE));
  gint64 partner;
  gint64 id;

  g_assert_true (activate (GTK_WIDGET (page), "page.new"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, 0);

  partner = pl_test_partner (store, "Humber Estuary College");
  g_assert_true (activate (GTK_WIDGET (page), "page.new"));
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, 1);
  id = pl_record_get_id (pl_list_page_get_selected (page));
  g_assert_cmpint (pl_test_query_int (store, "SELECT partner_id FROM staff WHERE id = ?1", id), ==, partner);

  type_into (page, "name", "Amira Okafor");
  type_into (page, "phone", "01482 123456");
  PL_TEST_WAIT_FOR (stored_is (store, PL_TYPE_STAFF, id, "phone", "01482 123456"));
  g_assert_true (stored_is (store, PL_TYPE_STAFF, id, "name", "Amira Okafor"));

  type_into (page, "email", "amira at college");
  PL_TEST_WAIT_FOR (pl_record_editor_get_error (pl_list_page_get_editor (page), "email") != NULL);
  g_assert_null (pl_test_stored_text (store, PL_TYPE_STAFF, id, "email"));

  /* The detail has one section of lesson observations, under one heading
   * (with its Add button). */
  g_assert_cmpuint (count_headings (GTK_WIDGET (page), "Lesson Observations"), ==, 1);
}

/* The pane the page's leaflet shows: the list (holding the column view),
 * or the detail. */
static gboolean
shows_list (PlListPage *page)
{
  GtkWidget *leaflet = pl_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_LEAFLET);
  GtkWidget *view = pl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);

  return gtk_widget_is_ancestor (view, adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet)));
}

static void
activate_row (PlListPage *page,
              guint       position)
{
  GtkWidget *view = pl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GtkWidget *list = pl_test_find_descendant (view, GTK_TYPE_LIST_VIEW);

  /* As a click or the arrow keys select the row before it is activated. */
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), position,
                                   TRUE);
  g_assert_true (gtk_widget_activate_action (list, "list.activate-item", "u", position));
}

/* Wide, the list and the detail sit side by side; narrow, one at a time:
 * choosing a row shows its detail, and back shows the list again. */
static void
test_narrow_window (Fixture       *fixture,
                    gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 first = pl_test_employer (store, "Harbour Hotel", "contacted");
  gint64 second = pl_test_employer (store, "Quayside Kitchen", "contacted");
  GtkWidget *view;
  GtkWidget *name;
  PlListPage *page;

  page = PL_LIST_PAGE (open_page (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE));
  view = pl_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  name = pl_record_editor_get_widget (pl_list_page_get_editor (page), "name");
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (view) && gtk_widget_get_mapped (name));
  g_assert_false (pl_list_page_get_folded (page));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 600);
  PL_TEST_WAIT_FOR (pl_list_page_get_folded (page));
  PL_TEST_WAIT_FOR (shows_list (page) && gtk_widget_get_mapped (view) &&
                    !gtk_widget_get_mapped (name));

  activate_row (page, 1);
  g_assert_cmpint (pl_record_get_id (pl_list_page_get_selected (page)), ==, second);
  PL_TEST_WAIT_FOR (!shows_list (page) && gtk_widget_get_mapped (name) &&
                    !gtk_widget_get_mapped (view));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Quayside Kitchen");

  g_assert_true (activate (GTK_WIDGET (page), "page.show-list"));
  PL_TEST_WAIT_FOR (shows_list (page) && gtk_widget_get_mapped (view));

  /* Opened from elsewhere (an Overview row), the record is what shows. */
  g_assert_true (pl_list_page_select (page, first));
  PL_TEST_WAIT_FOR (!shows_list (page) && gtk_widget_get_mapped (name));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Harbour Hotel");

  /* Deleting what is open leaves the list to look at. */
  g_assert_true (activate (GTK_WIDGET (page), "page.delete"));
  PL_TEST_WAIT_FOR (shows_list (page));

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  PL_TEST_WAIT_FOR (!pl_list_page_get_folded (page));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (view) && gtk_widget_get_mapped (name));
}

/* Whether the first leaflet in @page shows the pane holding @type. */
static gboolean
leaflet_shows (GtkWidget *page,
               GType      type)
{
  GtkWidget *leaflet = pl_test_find_descendant (page, ADW_TYPE_LEAFLET);
  GtkWidget *child = adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet));

  return G_TYPE_CHECK_INSTANCE_TYPE (child, type) || pl_test_find_descendant (child, type) != NULL;
}

/* Narrowed while another page was shown, a record opened from there (an
 * Overview row, a link) shows on its own, not the list it is in: the
 * list page had not been laid out since, and did not know it was folded. */
static void
test_open_when_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 partner = pl_test_partner (store, "Humber Estuary College");
  gint64 teacher = pl_test_staff (store, partner, "Amira Okafor");
  gint64 employer = pl_test_employer (store, "Quayside Kitchen", "contacted");
  gint64 placement = pl_test_placement (store, teacher, employer, "request", NULL);
  GtkWidget *employers;
  GtkWidget *placements;
  GtkWidget *name;

  pl_test_employer (store, "Harbour Hotel", "contacted");
  fixture->window = pl_test_gui_open_window (&fixture->gui);

  /* Both pages laid out side by side first, then the window narrowed on
   * the Overview. */
  employers = pl_test_gui_show_page (fixture->window, "employers", PL_TYPE_EMPLOYERS_PAGE);
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (employers));
  g_assert_false (pl_list_page_get_folded (PL_LIST_PAGE (employers)));
  placements = pl_test_gui_show_page (fixture->window, "placements", PL_TYPE_PLACEMENTS_PAGE);
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (placements));
  pl_test_gui_show_page (fixture->window, "overview", PL_TYPE_OVERVIEW_PAGE);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 640, 600);
  PL_TEST_WAIT_FOR (gtk_widget_get_width (GTK_WIDGET (fixture->window)) <= 640);
  pl_test_wait_ms (200);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-employer", "x",
                                             employer));
  g_assert_cmpstr (pl_window_get_visible_page (fixture->window), ==, "employers");
  name = pl_record_editor_get_widget (pl_list_page_get_editor (PL_LIST_PAGE (employers)), "name");
  PL_TEST_WAIT_FOR (pl_list_page_get_folded (PL_LIST_PAGE (employers)));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (name) &&
                    !leaflet_shows (employers, GTK_TYPE_COLUMN_VIEW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Quayside Kitchen");

  pl_test_gui_show_page (fixture->window, "overview", PL_TYPE_OVERVIEW_PAGE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-placement", "x",
                                             placement));
  g_assert_cmpstr (pl_window_get_visible_page (fixture->window), ==, "placements");
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (placements) &&
                    leaflet_shows (placements, PL_TYPE_PLACEMENT_EDITOR) &&
                    !gtk_widget_get_mapped (pl_test_find_descendant (placements,
                                                                     GTK_TYPE_LIST_VIEW)));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/employers/crud", test_employer_crud);
  ADD ("/gui/employers/invalid-email", test_invalid_email);
  ADD ("/gui/employers/undo-delete", test_undo_delete);
  ADD ("/gui/employers/undo-delete-later", test_undo_delete_later);
  ADD ("/gui/employers/needs-attention", test_needs_attention);
  ADD ("/gui/employers/appetite", test_appetite);
  ADD ("/gui/employers/delete-in-use", test_delete_in_use);
  ADD ("/gui/employers/log-contact-not-before", test_log_contact_not_before);
  ADD ("/gui/partners/withdrawal", test_partner_withdrawal);
  ADD ("/gui/partners/withdrawal-move", test_partner_withdrawal_move);
  ADD ("/gui/staff/new-and-edit", test_staff_page);
  ADD ("/gui/list-pages/narrow-window", test_narrow_window);
  ADD ("/gui/list-pages/open-when-narrow", test_open_when_narrow);

  return g_test_run ();
}
