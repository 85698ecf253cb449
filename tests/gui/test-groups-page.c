/* test-groups-page.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-date.h"
#include "pl-date-row.h"
#include "pl-group-detail.h"
#include "pl-groups-page.h"
#include "pl-groups.h"
#include "pl-meeting-dialog.h"
#include "pl-outcome-dialog.h"
#include "pl-staff-picker.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* The Groups page driven through its widgets: text typed into the real
 * entries, choices made in the real rows and dialogs, buttons clicked;
 * what the store then holds is what is checked. Widgets are found by
 * walking the tree, by type and by the title a person sees. */

typedef struct
{
  PlTestGui     gui;
  PlWindow     *window;
  PlGroupsPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  pl_test_gui_set_up (&f->gui, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_gui_tear_down (&f->gui);
}

/* A GtkLabel showing @text, mapped on screen. */
static GtkWidget *
find_mapped_label (GtkWidget  *root,
                   const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_search_entry (GtkWidget  *root,
                   const char *placeholder)
{
  if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *text = NULL;

      g_object_get (root, "placeholder-text", &text, NULL);
      if (g_strcmp0 (text, placeholder) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_search_entry (child, placeholder);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
open_page (Fixture *f)
{
  g_settings_set_int (f->gui.settings, "window-width", 1100);
  g_settings_set_int (f->gui.settings, "window-height", 720);
  f->window = pl_test_gui_open_window (&f->gui);
  f->page = PL_GROUPS_PAGE (pl_test_gui_show_page (f->window, "groups", PL_TYPE_GROUPS_PAGE));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (f->page)));
}

static void
close_page (Fixture *f)
{
  pl_test_gui_close_window (f->window);
  f->window = NULL;
  f->page = NULL;

  /* Idle writes queued by rows going away run now, before the store is
   * checked for leaks. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static PlRecord *
get_group (Fixture *f,
           gint64   id)
{
  return pl_store_get (f->gui.store, PL_TYPE_GROUP, id, NULL);
}

static gboolean
group_has (Fixture    *f,
           gint64      id,
           const char *column,
           const char *value)
{
  g_autoptr(PlRecord) group = get_group (f, id);

  return group != NULL && g_strcmp0 (pl_record_get_string (group, column), value) == 0;
}

static gint64
count_sql (PlStore    *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static char *
query_text (PlStore    *store,
            const char *sql,
            gint64      id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store), sql, -1, &stmt, NULL), ==,
                   SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (editable));
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* The preferences group of @root's tree whose title is @title. */
static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (root) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_group (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A multi-line field: the text view inside the row. */
static GtkTextView *
row_text_view (GtkWidget *row)
{
  GtkWidget *view = pl_test_find_descendant (row, GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static void
type_into_text (GtkWidget  *row,
                const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (row_text_view (row)), text, -1);
}

/* How many lines the text view shows its text on. */
static guint
display_lines (GtkTextView *view)
{
  GtkTextIter iter;
  guint lines = 1;

  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &iter);
  while (gtk_text_view_forward_display_line (view, &iter) && !gtk_text_iter_is_end (&iter))
    lines++;
  return lines;
}

static GtkWidget *
detail_widget (Fixture *f)
{
  GtkWidget *detail = pl_test_find_descendant (GTK_WIDGET (f->page), PL_TYPE_GROUP_DETAIL);

  g_assert_nonnull (detail);
  return detail;
}

static GtkWidget *
detail_row (Fixture    *f,
            const char *title)
{
  GtkWidget *row = pl_test_find_row (detail_widget (f), title);

  g_assert_nonnull (row);
  return row;
}

/* Clicks the first button labelled @label inside the window's toasts. */
static void
click_toast_button (Fixture    *f,
                    const char *label)
{
  GtkWidget *overlay = pl_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *button = NULL;

  g_assert_nonnull (overlay);
  PL_TEST_WAIT_FOR ((button = pl_test_find_button (overlay, label)) != NULL);
  g_signal_emit_by_name (button, "clicked");
}

static guint
n_listed (GtkWidget *list_view)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));

  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static void
test_empty_state_and_crud (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting_place = NULL;
  GtkWidget *detail, *new_button, *picker, *menu_button, *search, *list_view, *role;
  GtkWidget *members_list;
  AdwMessageDialog *dialog;
  gint64 partner, staff, other_staff, other, id, member;

  partner = pl_test_insert_new (f->gui.store, PL_TYPE_PARTNER, "name", "Humber Estuary College",
                                "kind", "college", "status", "active", NULL);
  staff = pl_test_insert_new (f->gui.store, PL_TYPE_STAFF, "partner-id", partner,
                              "name", "Tomasz Nowak", "teaching-days", (gint64) 0, NULL);
  other_staff = pl_test_insert_new (f->gui.store, PL_TYPE_STAFF, "partner-id", partner,
                                    "name", "Amira Okafor", "teaching-days", (gint64) 0, NULL);
  g_assert_true (pl_store_set_setting (f->gui.store, "started_empty", "1", &error));
  g_assert_no_error (error);

  open_page (f);

  /* No group yet: the page says so and offers to create one. */
  g_assert_nonnull (find_mapped_label (GTK_WIDGET (f->page), "No Exchange Groups"));
  new_button = pl_test_find_button (GTK_WIDGET (f->page), "_New Group");
  g_assert_nonnull (new_button);
  g_signal_emit_by_name (new_button, "clicked");

  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_GROUP), ==, 1);
  id = pl_groups_page_get_selected_id (f->page);
  g_assert_cmpint (id, >, 0);
  g_assert_true (group_has (f, id, "name", "New group"));
  g_assert_true (group_has (f, id, "status", "forming"));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (detail_widget (f)));
  PL_TEST_WAIT_FOR (find_mapped_label (GTK_WIDGET (f->page), "Forming") != NULL);

  /* Typing is saved after a pause, without pressing anything. */
  type_into (detail_row (f, "Name"), "Maths resilience");
  type_into_text (detail_row (f, "Aim"), "Help learners past maths anxiety");
  type_into (detail_row (f, "Facilitator"), "Ruth Okonjo");
  PL_TEST_WAIT_FOR (group_has (f, id, "name", "Maths resilience"));
  PL_TEST_WAIT_FOR (group_has (f, id, "aim", "Help learners past maths anxiety"));
  PL_TEST_WAIT_FOR (group_has (f, id, "facilitator", "Ruth Okonjo"));

  /* An aim of a sentence or two wraps onto more lines, all of it in view,
   * rather than running on past the edge of a one-line entry. */
  type_into_text (detail_row (f, "Aim"), "Use blended learning well, taking a national digital "
                                         "framework as the starting point for every course");
  PL_TEST_WAIT_FOR (display_lines (row_text_view (detail_row (f, "Aim"))) >= 2);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (row_text_view (detail_row (f, "Aim")))), <=,
                   gtk_widget_get_width (detail_row (f, "Aim")));
  PL_TEST_WAIT_FOR (group_has (f, id, "aim", "Use blended learning well, taking a national "
                                             "digital framework as the starting point for every "
                                             "course"));

  /* An empty name is refused beside the field, and nothing is written. */
  type_into (detail_row (f, "Name"), "   ");
  PL_TEST_WAIT_FOR (gtk_widget_has_css_class (detail_row (f, "Name"), "error"));
  pl_test_wait_ms (600);
  g_assert_true (group_has (f, id, "name", "Maths resilience"));

  /* So is a name another group has, whatever its case. */
  other = pl_test_insert_new (f->gui.store, PL_TYPE_GROUP, "name", "Blended learning",
                              "area", "digital", "wave", (gint64) 1, NULL);
  type_into (detail_row (f, "Name"), "BLENDED LEARNING");
  PL_TEST_WAIT_FOR (find_mapped_label (GTK_WIDGET (f->page),
                                       "Another group is called “Blended learning”; "
                                       "names must be unique.") != NULL);
  g_assert_true (group_has (f, id, "name", "Maths resilience"));
  type_into (detail_row (f, "Name"), "Mathematical resilience");
  PL_TEST_WAIT_FOR (group_has (f, id, "name", "Mathematical resilience"));
  g_assert_false (gtk_widget_has_css_class (detail_row (f, "Name"), "error"));
  pl_groups_page_select_id (f->page, id);

  /* A choice of area is saved at once. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (detail_row (f, "Area")), 1);
  g_assert_true (group_has (f, id, "area", "maths_esol"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (detail_row (f, "Area")), 0);
  g_assert_true (group_has (f, id, "area", "maths"));

  /* A member, chosen from the staff of any partner by searching. */
  detail = detail_widget (f);
  picker = pl_test_find_descendant (detail, PL_TYPE_STAFF_PICKER);
  g_assert_nonnull (picker);
  menu_button = gtk_widget_get_ancestor (gtk_widget_get_parent (picker), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (menu_button);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (picker));
  search = pl_test_find_descendant (picker, GTK_TYPE_SEARCH_ENTRY);
  list_view = pl_test_find_descendant (picker, GTK_TYPE_LIST_VIEW);
  type_into (search, "nowak");
  PL_TEST_WAIT_FOR (n_listed (list_view) == 1);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_member", id), ==, 1);
  {
    g_autofree char *text = query_text (f->gui.store,
                                        "SELECT id FROM group_member WHERE staff_id = ?", staff);

    member = g_ascii_strtoll (text, NULL, 10);
  }
  g_assert_cmpint (member, >, 0);
  {
    g_autoptr(PlRecord) group = get_group (f, id);

    g_assert_cmpint (pl_record_get_int (group, "members"), ==, 1);
  }

  /* A member is not offered twice. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (picker));
  type_into (search, "");
  PL_TEST_WAIT_FOR (n_listed (list_view) == 1);
  {
    GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
    g_autoptr(PlRecord) offered = g_list_model_get_item (G_LIST_MODEL (model), 0);

    g_assert_cmpint (pl_record_get_id (offered), ==, other_staff);
  }
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));

  /* The member's role, typed into its row. */
  members_list = gtk_widget_get_parent (pl_test_find_row (detail, "Tomasz Nowak"));
  role = pl_test_find_descendant (pl_test_find_row (detail, "Tomasz Nowak"), GTK_TYPE_ENTRY);
  g_assert_nonnull (members_list);
  g_assert_nonnull (role);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (role)), ==, "member");
  type_into (role, "lead practitioner");
  {
    g_autofree char *saved = NULL;

    PL_TEST_WAIT_FOR ((g_free (saved),
                       saved = query_text (f->gui.store,
                                           "SELECT role FROM group_member WHERE id = ?", member),
                       g_strcmp0 (saved, "lead practitioner") == 0));
  }

  /* A meeting: Add waits for a date; a UK date is understood. */
  g_assert_true (gtk_widget_activate_action (detail, "detail.add-meeting", NULL));
  PL_TEST_WAIT_FOR ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (PL_TYPE_MEETING_DIALOG))) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Date"), "5/3/2027");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Place"),
             "Humber Estuary College, Riverside Centre");
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Notes"), "Launch meeting");
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_meeting", id), ==, 1);
  meeting_place = query_text (f->gui.store,
                              "SELECT meeting_date || ' ' || place || ' ' || notes"
                              " FROM group_meeting WHERE group_id = ?", id);
  g_assert_cmpstr (meeting_place, ==,
                   "2027-03-05 Humber Estuary College, Riverside Centre Launch meeting");
  g_assert_true (group_has (f, id, "status", "meeting"));
  PL_TEST_WAIT_FOR (find_mapped_label (GTK_WIDGET (f->page), "Meeting") != NULL);

  /* Editing it: the row opens the dialog with what was saved. */
  {
    GtkWidget *row = pl_test_find_row (detail, "Friday 5 March 2027");

    g_assert_nonnull (row);
    g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
    PL_TEST_WAIT_FOR ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (PL_TYPE_MEETING_DIALOG))) !=
                      NULL);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog),
                                                                            "Date"))),
                     ==, "2027-03-05");
    type_into (pl_test_find_row (GTK_WIDGET (dialog), "Date"), "2027-02-30");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
    type_into (pl_test_find_row (GTK_WIDGET (dialog), "Date"), "2027-03-12");
    type_into (pl_test_find_row (GTK_WIDGET (dialog), "Place"), "Online");
    adw_message_dialog_response (dialog, "save");
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_free (meeting_place);
    meeting_place = query_text (f->gui.store,
                                "SELECT meeting_date || ' ' || place FROM group_meeting"
                                " WHERE group_id = ?", id);
    g_assert_cmpstr (meeting_place, ==, "2027-03-12 Online");
    g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_meeting", id), ==, 1);
  }

  /* An outcome: a link must be a web address or a file. */
  g_assert_true (gtk_widget_activate_action (detail, "detail.add-outcome", NULL));
  PL_TEST_WAIT_FOR ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (PL_TYPE_OUTCOME_DIALOG))) != NULL);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Title"),
             "Developing learners' resilience in maths");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Link or File"), "exchange.example.org/report");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Link or File"),
             "https://exchange.example.org/outcomes/maths-resilience");
  adw_combo_row_set_selected (ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (dialog), "Kind")), 3);
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Date"), "2027-07-20");
  type_into (pl_test_find_row (GTK_WIDGET (dialog), "Description"),
             "Activities built on the Growth Zone Model");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_outcome", id), ==, 1);
  {
    g_autofree char *outcome = query_text (f->gui.store,
                                           "SELECT title || '|' || kind || '|' || link || '|' ||"
                                           " outcome_date || '|' || description"
                                           " FROM group_outcome WHERE group_id = ?", id);

    g_assert_cmpstr (outcome, ==,
                     "Developing learners' resilience in maths|guide|"
                     "https://exchange.example.org/outcomes/maths-resilience|2027-07-20|"
                     "Activities built on the Growth Zone Model");
  }

  /* With an outcome the group has reported, in the store, the detail and
   * the list alike. */
  g_assert_true (group_has (f, id, "status", "reported"));
  PL_TEST_WAIT_FOR (find_mapped_label (detail, "Reported") != NULL);
  {
    GtkSelectionModel *model = gtk_column_view_get_model (
      GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW)));
    g_autoptr(PlRecord) shown = NULL;

    shown = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model))
            ? g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model)))
            : NULL;
    g_assert_nonnull (shown);
    g_assert_cmpint (pl_record_get_id (shown), ==, id);
    g_assert_cmpstr (pl_record_get_string (shown, "status"), ==, "reported");
    g_assert_cmpstr (pl_record_get_string (shown, "name"), ==, "Mathematical resilience");
  }

  /* Removing the outcome, then undoing that. */
  {
    GtkWidget *row = pl_test_find_row (detail, "Developing learners' resilience in maths");
    GtkWidget *open = NULL;
    GtkWidget *remove = NULL;

    /* The row's suffixes: Open, then Remove. */
    g_assert_nonnull (row);
    open = pl_test_find_button (row, "_Open");
    g_assert_nonnull (open);
    for (GtkWidget *c = gtk_widget_get_next_sibling (open); c; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c))
        remove = c;
    g_assert_nonnull (remove);
    g_assert_cmpstr (gtk_widget_get_tooltip_text (remove), ==, "Remove the Outcome");
    g_signal_emit_by_name (remove, "clicked");
    g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_outcome", id), ==, 0);
    g_assert_true (group_has (f, id, "status", "meeting"));

    click_toast_button (f, "_Undo");
    g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_outcome", id), ==, 1);
    g_assert_true (group_has (f, id, "status", "reported"));
  }

  /* Notes are saved as they are typed, too. */
  {
    GtkTextView *notes = row_text_view (find_group (detail, "Notes"));

    gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Meets on Thursdays", -1);
    PL_TEST_WAIT_FOR (group_has (f, id, "notes", "Meets on Thursdays"));
  }

  /* Duplicate: the same theme and people for the next wave. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "groups.duplicate", NULL));
  {
    gint64 copy = pl_groups_page_get_selected_id (f->page);

    g_assert_cmpint (copy, !=, id);
    g_assert_true (group_has (f, copy, "name", "Mathematical resilience (copy)"));
    g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_member", copy), ==, 1);
    g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_meeting", copy), ==, 0);
    PL_TEST_WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (detail_row (f, "Name"))),
                                 "Mathematical resilience (copy)") == 0);
  }

  /* The group whose name was refused is as it was. */
  g_assert_true (group_has (f, other, "name", "Blended learning"));
  close_page (f);
}

static gint64
group_id_by_name (Fixture    *f,
                  const char *name)
{
  g_autoptr(PlRecord) group = pl_store_find_by_name (f->gui.store, PL_TYPE_GROUP, name, NULL);

  g_assert_nonnull (group);
  return pl_record_get_id (group);
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlRecord) before = NULL;
  g_autoptr(PlRecord) after = NULL;
  gint64 id, members, meetings, outcomes, groups;

  pl_test_load_sample (f->gui.store);
  open_page (f);

  id = group_id_by_name (f, "Mathematical resilience");
  before = get_group (f, id);
  members = pl_test_count_in_group (f->gui.store, "group_member", id);
  meetings = pl_test_count_in_group (f->gui.store, "group_meeting", id);
  outcomes = pl_test_count_in_group (f->gui.store, "group_outcome", id);
  groups = pl_store_count (f->gui.store, PL_TYPE_GROUP);
  g_assert_cmpint (members, >, 0);
  g_assert_cmpint (meetings, >, 0);
  g_assert_cmpint (outcomes, >, 0);

  pl_groups_page_select_id (f->page, id);
  PL_TEST_WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (detail_row (f, "Name"))),
                               "Mathematical resilience") == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "groups.delete", NULL));
  g_assert_null (get_group (f, id));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_GROUP), ==, groups - 1);
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_member", id), ==, 0);
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_meeting", id), ==, 0);
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_outcome", id), ==, 0);
  g_assert_cmpint (pl_groups_page_get_selected_id (f->page), !=, id);
  /* The keyboard stays in the list, for the next delete or Ctrl+Z. */
  {
    GtkWidget *search = pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_SEARCH_ENTRY);

    g_assert_nonnull (search);
    g_assert_false (gtk_widget_is_focus (search) ||
                    gtk_widget_is_focus (gtk_widget_get_first_child (search)));
  }

  click_toast_button (f, "_Undo");

  after = get_group (f, id);
  g_assert_nonnull (after);
  g_assert_cmpstr (pl_record_get_string (after, "name"), ==, "Mathematical resilience");
  g_assert_cmpstr (pl_record_get_string (after, "aim"), ==, pl_record_get_string (before, "aim"));
  g_assert_cmpstr (pl_record_get_string (after, "status"), ==, "reported");
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_member", id), ==, members);
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_meeting", id), ==, meetings);
  g_assert_cmpint (pl_test_count_in_group (f->gui.store, "group_outcome", id), ==, outcomes);
  g_assert_cmpint (pl_groups_page_get_selected_id (f->page), ==, id);

  close_page (f);
}

static guint
shown_count (Fixture *f)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

static PlRecord *
shown_item (Fixture *f,
            guint    position)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (f->page),
                                                                  GTK_TYPE_COLUMN_VIEW));

  return g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);
}

static GtkDropDown *
nth_drop_down (Fixture *f,
               guint    n)
{
  GtkWidget *first = pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_DROP_DOWN);
  GtkWidget *widget = first;

  for (guint i = 0; i < n; i++)
    widget = gtk_widget_get_next_sibling (widget);
  g_assert_true (GTK_IS_DROP_DOWN (widget));
  return GTK_DROP_DOWN (widget);
}

static void
test_search_filter_sort (Fixture       *f,
                         gconstpointer  data)
{
  GtkWidget *search;
  GtkColumnView *view;
  GListModel *columns;
  GtkColumnViewColumn *meeting = NULL;

  pl_test_load_sample (f->gui.store);
  open_page (f);
  g_assert_cmpuint (shown_count (f), ==, 14);

  /* Search by name, ignoring case. */
  search = find_search_entry (GTK_WIDGET (f->page), "Search groups by name");
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "groups.find", NULL));
  PL_TEST_WAIT_FOR (gtk_root_get_focus (GTK_ROOT (f->window)) != NULL &&
                    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (f->window)), search));
  type_into (search, "MATHS");
  PL_TEST_WAIT_FOR (shown_count (f) == (guint) count_sql (f->gui.store,
                                                          "SELECT count(*) FROM exchange_group"
                                                          " WHERE name LIKE '%maths%'"));
  g_assert_cmpuint (shown_count (f), >, 1);
  g_assert_cmpuint (shown_count (f), <, 14);
  for (guint i = 0; i < shown_count (f); i++)
    {
      g_autoptr(PlRecord) group = shown_item (f, i);
      g_autofree char *name = g_utf8_casefold (pl_record_get_string (group, "name"), -1);

      g_assert_nonnull (strstr (name, "maths"));
    }
  type_into (search, "");
  PL_TEST_WAIT_FOR (shown_count (f) == 14);

  /* By area: the six areas, two SEND groups in the sample. */
  gtk_drop_down_set_selected (nth_drop_down (f, 0), 5);
  g_assert_cmpuint (shown_count (f), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PlRecord) group = shown_item (f, i);

      g_assert_cmpstr (pl_record_get_string (group, "area"), ==, "send");
    }
  gtk_drop_down_set_selected (nth_drop_down (f, 0), 0);

  /* By status: every sample group has reported; none is forming, which
   * the page says rather than showing an empty table. */
  gtk_drop_down_set_selected (nth_drop_down (f, 1), 3);
  g_assert_cmpuint (shown_count (f), ==, 14);
  gtk_drop_down_set_selected (nth_drop_down (f, 1), 1);
  g_assert_cmpuint (shown_count (f), ==, 0);
  PL_TEST_WAIT_FOR (find_mapped_label (GTK_WIDGET (f->page), "No Matching Groups") != NULL);

  /* A new group, which is forming, while only reported ones are shown:
   * the filters give way so that it can be seen. */
  gtk_drop_down_set_selected (nth_drop_down (f, 1), 3);
  g_assert_cmpuint (shown_count (f), ==, 14);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "groups.new", NULL));
  g_assert_cmpuint (shown_count (f), ==, 15);
  g_assert_cmpuint (gtk_drop_down_get_selected (nth_drop_down (f, 1)), ==, 0);
  g_assert_true (group_has (f, pl_groups_page_get_selected_id (f->page), "status", "forming"));
  g_assert_true (group_has (f, pl_groups_page_get_selected_id (f->page), "name", "New group"));

  /* Beside the detail the list is narrow: under each name, dimmed, the
   * area, the wave and the number of members. */
  PL_TEST_WAIT_FOR (find_mapped_label (GTK_WIDGET (f->page), "Blended learning that works\n"
                                       "Digital skills · Wave 1 · 6 members") != NULL);

  /* Sorting by a column: the earliest meeting first, a group that has not
   * met yet last. */
  view = GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), "Meeting") == 0)
        meeting = column;
    }
  g_assert_nonnull (meeting);
  gtk_column_view_sort_by_column (view, meeting, GTK_SORT_ASCENDING);
  {
    g_autoptr(PlRecord) first = shown_item (f, 0);
    g_autoptr(PlRecord) last = shown_item (f, shown_count (f) - 1);

    g_assert_cmpstr (pl_record_get_string (first, "name"), ==, "GCSE maths resits: the first six weeks");
    g_assert_cmpstr (pl_record_get_string (last, "name"), ==, "New group");
  }

  /* The other way round, the latest meeting first, and the group that has
   * not met still last: it has no date to be sorted by. */
  gtk_column_view_sort_by_column (view, meeting, GTK_SORT_DESCENDING);
  {
    g_autoptr(GHashTable) dates = NULL;
    g_autofree char *today = NULL;
    const char *previous = NULL;
    GDate date;

    pl_context_get_today (f->gui.context, &date);
    today = pl_date_to_iso (&date);
    dates = pl_groups_meeting_dates (f->gui.store, today, NULL);
    g_assert_nonnull (dates);

    for (guint i = 0; i < shown_count (f); i++)
      {
        g_autoptr(PlRecord) group = shown_item (f, i);
        gint64 id = pl_record_get_id (group);
        const char *meets = g_hash_table_lookup (dates, &id);

        if (i + 1 == shown_count (f))
          {
            g_assert_cmpstr (pl_record_get_string (group, "name"), ==, "New group");
            g_assert_null (meets);
            break;
          }
        g_assert_nonnull (meets);
        if (previous != NULL)
          g_assert_cmpstr (meets, <=, previous);
        previous = meets;
      }
  }

  close_page (f);
}

/* An outcome whose file has gone: Open says so rather than failing
 * silently or launching nothing. */
static void
test_open_missing_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->gui.dir, "no-such-report.pdf", NULL);
  g_autofree char *expected = NULL;
  GtkWidget *overlay;
  GtkWidget *open;
  gint64 id;

  pl_test_load_sample (f->gui.store);
  id = group_id_by_name (f, "Mathematical resilience");
  pl_test_insert_new (f->gui.store, PL_TYPE_GROUP_OUTCOME, "group-id", id, "title", "Session plans",
                      "kind", "resource", "link", missing, NULL);
  open_page (f);
  pl_groups_page_select_id (f->page, id);

  PL_TEST_WAIT_FOR (pl_test_find_row (detail_widget (f), "Session plans") != NULL);
  open = pl_test_find_button (pl_test_find_row (detail_widget (f), "Session plans"), "_Open");
  g_assert_nonnull (open);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (open), ==, missing);
  g_signal_emit_by_name (open, "clicked");

  expected = g_strdup_printf ("Could not open the outcome: There is no file “%s”.", missing);
  overlay = pl_test_find_descendant (GTK_WIDGET (f->window), ADW_TYPE_TOAST_OVERLAY);
  PL_TEST_WAIT_FOR (find_mapped_label (overlay, expected) != NULL);

  close_page (f);
}

/* Runs what pressing @keys does on @widget: the shortcut of one of its
 * controllers with that trigger. (GTK 4 has no public way to send a key
 * event, so this is as near to a key press as a test gets.) Returns the
 * controller's scope, or -1 when no shortcut has that trigger. */
static int
press (GtkWidget  *widget,
       const char *keys)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          g_autofree char *text = gtk_shortcut_trigger_to_string (trigger);

          if (g_strcmp0 (text, keys) != 0)
            continue;

          g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0,
                                                       widget,
                                                       gtk_shortcut_get_arguments (shortcut)));
          return gtk_shortcut_controller_get_scope (GTK_SHORTCUT_CONTROLLER (controller));
        }
    }

  return -1;
}

static gboolean
focus_is_in (Fixture   *f,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_keys (Fixture       *f,
           gconstpointer  data)
{
  GtkWidget *view;
  gint64 groups, id;

  pl_test_load_sample (f->gui.store);
  open_page (f);
  groups = pl_store_count (f->gui.store, PL_TYPE_GROUP);

  /* Ctrl+N and Ctrl+F work wherever the focus is on the page (the window
   * manages them), Delete only from the list, so that it still deletes
   * text in the fields. */
  g_assert_cmpint (press (GTK_WIDGET (f->page), "<Control>n"), ==, GTK_SHORTCUT_SCOPE_MANAGED);
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_GROUP), ==, groups + 1);
  id = pl_groups_page_get_selected_id (f->page);
  g_assert_true (group_has (f, id, "name", "New group"));
  PL_TEST_WAIT_FOR (focus_is_in (f, detail_row (f, "Name")));

  g_assert_cmpint (press (GTK_WIDGET (f->page), "<Control>f"), ==, GTK_SHORTCUT_SCOPE_MANAGED);
  PL_TEST_WAIT_FOR (focus_is_in (f, find_search_entry (GTK_WIDGET (f->page),
                                                       "Search groups by name")));

  g_assert_cmpint (press (GTK_WIDGET (f->page), "Delete|KP_Delete"), ==, -1);
  view = pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  g_assert_cmpint (press (view, "Delete|KP_Delete"), ==, GTK_SHORTCUT_SCOPE_LOCAL);
  g_assert_null (get_group (f, id));
  g_assert_cmpint (pl_store_count (f->gui.store, PL_TYPE_GROUP), ==, groups);

  close_page (f);
}

/* The @n-th row of the groups table on screen. */
static GtkWidget *
nth_row (GtkWidget *view,
         guint      n)
{
  GtkWidget *list = pl_test_find_descendant (view, GTK_TYPE_LIST_VIEW);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_str_equal (gtk_widget_get_css_name (row), "row") && gtk_widget_get_mapped (row) &&
        n-- == 0)
      return row;

  return NULL;
}

/* A click on the @n-th row, as GTK 4.8 takes it: the page's gesture on
 * the table hears the button released first, then the row selects. */
static void
click_row (GtkWidget *view,
           guint      n)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (view);
  GtkWidget *row = nth_row (view, n);
  GObject *click = NULL;
  graphene_point_t point;

  g_assert_nonnull (row);
  for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller) &&
          gtk_event_controller_get_propagation_phase (GTK_EVENT_CONTROLLER (controller)) ==
          GTK_PHASE_CAPTURE)
        click = controller;
    }
  g_assert_nonnull (click);

  g_assert_true (gtk_widget_compute_point (row, view,
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 4.0,
                                                                 gtk_widget_get_height (row) / 2.0),
                                           &point));
  g_signal_emit_by_name (click, "released", 1, (double) point.x, (double) point.y);
  gtk_selection_model_select_item (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)), n, TRUE);
}

static gboolean
shows_detail (Fixture *f)
{
  GtkWidget *leaflet = pl_test_find_descendant (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET);
  GtkWidget *shown = adw_leaflet_get_visible_child (ADW_LEAFLET (leaflet));

  return pl_test_find_descendant (shown, PL_TYPE_GROUP_DETAIL) != NULL;
}

/* Narrow, one click on a group opens it, as on the other list pages, and
 * the back button returns to the list; side by side, a click selects and
 * the detail beside follows, the list keeping its place. */
static void
test_narrow_window (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *leaflet;
  GtkWidget *view;
  gint64 id;

  pl_test_load_sample (f->gui.store);
  open_page (f);
  leaflet = pl_test_find_descendant (GTK_WIDGET (f->page), ADW_TYPE_LEAFLET);
  view = pl_test_find_descendant (GTK_WIDGET (f->page), GTK_TYPE_COLUMN_VIEW);
  PL_TEST_WAIT_FOR (nth_row (view, 3) != NULL);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));

  gtk_window_set_default_size (GTK_WINDOW (f->window), 640, 600);
  PL_TEST_WAIT_FOR (adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  PL_TEST_WAIT_FOR (!shows_detail (f) && nth_row (view, 3) != NULL);

  click_row (view, 2);
  {
    g_autoptr(PlRecord) third = shown_item (f, 2);

    id = pl_record_get_id (third);
  }
  g_assert_cmpint (pl_groups_page_get_selected_id (f->page), ==, id);
  PL_TEST_WAIT_FOR (shows_detail (f) && gtk_widget_get_mapped (detail_widget (f)) &&
                    !gtk_widget_get_mapped (view));
  g_assert_cmpint (pl_group_detail_get_group_id (PL_GROUP_DETAIL (detail_widget (f))), ==, id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "groups.back", NULL));
  PL_TEST_WAIT_FOR (!shows_detail (f) && nth_row (view, 3) != NULL);

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  PL_TEST_WAIT_FOR (!adw_leaflet_get_folded (ADW_LEAFLET (leaflet)));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (detail_widget (f)) && nth_row (view, 3) != NULL);
  click_row (view, 3);
  {
    g_autoptr(PlRecord) fourth = shown_item (f, 3);

    id = pl_record_get_id (fourth);
  }
  PL_TEST_WAIT_FOR (pl_group_detail_get_group_id (PL_GROUP_DETAIL (detail_widget (f))) == id);
  pl_test_wait_ms (100);
  g_assert_false (shows_detail (f));
  g_assert_true (gtk_widget_get_mapped (view));

  close_page (f);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/groups/empty-state-and-crud", test_empty_state_and_crud);
  ADD ("/gui/groups/delete-undo", test_delete_undo);
  ADD ("/gui/groups/search-filter-sort", test_search_filter_sort);
  ADD ("/gui/groups/keys", test_keys);
  ADD ("/gui/groups/narrow-window", test_narrow_window);
  ADD ("/gui/groups/open-missing-file", test_open_missing_file);

#undef ADD

  return g_test_run ();
}
