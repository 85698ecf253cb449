/* test-periods-group.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-employers-page.h"
#include "pl-partners-page.h"
#include "pl-period-dialog.h"
#include "pl-periods-group.h"
#include "pl-staff-page.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* The Calendar group of the Employers, Staff and Partners pages, on the
 * sample network: it lists the owner's own periods, adds one through the
 * real period dialog, removes one and brings it back with Undo. What
 * counts is what the store holds and what the group then shows. */

typedef struct
{
  PlTestGui  gui;
  PlWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pl_test_gui_set_up (&fixture->gui, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    pl_test_gui_close_window (fixture->window);
  pl_test_destroy_toplevels ();

  /* Nothing the group made (a toast's Undo) may hold on to the store. */
  pl_test_gui_tear_down (&fixture->gui);
}

static guint
count_rows (GtkWidget  *root,
            const char *title)
{
  guint n = 0;

  if (ADW_IS_ACTION_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    n++;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_rows (child, title);

  return n;
}

/* A button by its label, its tooltip or its action. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label,
             const char *tooltip,
             const char *action)
{
  if (GTK_IS_BUTTON (root) &&
      ((label != NULL && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0) ||
       (tooltip != NULL && g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0) ||
       (action != NULL &&
        g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label, tooltip, action);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static PlPeriodDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PL_IS_PERIOD_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static const char *
combo_kind (PlPeriodDialog *dialog)
{
  GtkWidget *kind = pl_test_find_row (GTK_WIDGET (dialog), "_Kind");

  g_assert_nonnull (kind);
  return pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[adw_combo_row_get_selected (ADW_COMBO_ROW (kind))];
}

static PlPeriodsGroup *
open_owner (Fixture    *fixture,
            const char *page_name,
            GType       page_type,
            gint64      owner_id)
{
  PlListPage *page;
  PlPeriodsGroup *group;

  fixture->window = pl_test_gui_open_window (&fixture->gui);
  page = PL_LIST_PAGE (pl_test_gui_show_page (fixture->window, page_name, page_type));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)));
  PL_TEST_WAIT_FOR (pl_list_page_select (page, owner_id));

  group = PL_PERIODS_GROUP (pl_test_find_descendant (GTK_WIDGET (page), PL_TYPE_PERIODS_GROUP));
  g_assert_nonnull (group);
  g_assert_cmpint (pl_periods_group_get_owner_id (group), ==, owner_id);
  return group;
}

static gint64
period_by_label (PlStore    *store,
                 const char *label)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT id FROM calendar_period WHERE label = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, label, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  return id;
}

/* Every column of a period, to compare before and after Undo. */
static char *
period_values (PlStore *store,
               gint64   id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *text = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                       "SELECT * FROM calendar_period WHERE id = ?1", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < sqlite3_column_count (stmt); i++)
      g_string_append_printf (text, "%s=%s|", sqlite3_column_name (stmt, i),
                              (const char *) sqlite3_column_text (stmt, i));
  return g_string_free (text, FALSE);
}

static void
test_employer (Fixture       *fixture,
               gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  g_autoptr(PlRecord) employer = pl_store_find_by_name (store, PL_TYPE_EMPLOYER,
                                                        "The Saltmarsh Table", NULL);
  gint64 employer_id = pl_record_get_id (employer);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PlPeriodsGroup *group;
  PlPeriodDialog *dialog;
  GtkWidget *row, *past, *button, *overlay;
  gint64 id;

  group = open_owner (fixture, "employers", PL_TYPE_EMPLOYERS_PAGE, employer_id);

  /* Its two sample periods: this year's, and the pilot year's folded
   * under Past Periods; nobody else's. */
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Christmas and New Year service 2026"), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Christmas and New Year service 2025"), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Wedding season 2027"), ==, 0);
  past = pl_test_find_row (GTK_WIDGET (group), "Past Periods");
  g_assert_nonnull (past);
  g_assert_cmpuint (count_rows (past, "Christmas and New Year service 2025"), ==, 1);
  g_assert_cmpuint (count_rows (past, "Christmas and New Year service 2026"), ==, 0);
  row = pl_test_find_row (GTK_WIDGET (group), "Christmas and New Year service 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Busy season · 14 Nov 2026 – 4 Jan 2027");

  /* Add Period: the dialog is preset to this employer and a busy time. */
  button = find_button (GTK_WIDGET (group), NULL, NULL, "periods.add");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  PL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "busy");
  row = pl_test_find_row (GTK_WIDGET (dialog), "_Applies to");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (row)), ==, 2 /* employer */);

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (g_str_equal (pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i], "blackout"))
      adw_combo_row_set_selected (ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (dialog), "_Kind")),
                                  i);
  g_assert_cmpstr (combo_kind (dialog), ==, "blackout");
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog), "_Name")),
                         "Stocktake");
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog),
                                                         "_First day (YYYY-MM-DD)")),
                         "2027-01-11");
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog),
                                                         "_Last day (YYYY-MM-DD)")),
                         "2027-01-13");
  button = find_button (GTK_WIDGET (dialog), "_Add", NULL, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  PL_TEST_WAIT_FOR (find_dialog () == NULL);

  id = period_by_label (store, "Stocktake");
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (pl_test_query_int (store, "SELECT employer_id FROM calendar_period"
                                             " WHERE id = ?1 AND owner_kind = 'employer'"
                                             " AND kind = 'blackout' AND start_date = '2027-01-11'"
                                             " AND end_date = '2027-01-13'", id), ==, employer_id);
  row = pl_test_find_row (GTK_WIDGET (group), "Stocktake");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Blackout · 11 Jan 2027 – 13 Jan 2027");

  /* Activating the row opens it for editing. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  PL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog),
                                                                          "_Name"))),
                   ==, "Stocktake");
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Save", NULL, NULL));
  pl_test_destroy_window (GTK_WINDOW (dialog));

  /* Remove: gone from the store and the list at once. */
  before = period_values (store, id);
  button = find_button (row, NULL, "Remove Period", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (period_by_label (store, "Stocktake"), ==, 0);
  g_assert_null (pl_test_find_row (GTK_WIDGET (group), "Stocktake"));

  /* Undo in the toast: back as it was, same id and values. */
  overlay = pl_test_find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (overlay);
  PL_TEST_WAIT_FOR ((button = find_button (overlay, "_Undo", NULL, NULL)) != NULL);
  g_signal_emit_by_name (button, "clicked");
  PL_TEST_WAIT_FOR (find_button (overlay, "_Undo", NULL, NULL) == NULL);
  g_assert_cmpint (period_by_label (store, "Stocktake"), ==, id);
  after = period_values (store, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (pl_test_find_row (GTK_WIDGET (group), "Stocktake"));
}

/* The other two pages list their own periods and suggest their kind. */
static void
test_staff_and_partner (Fixture       *fixture,
                        gconstpointer  data)
{
  PlStore *store = fixture->gui.store;
  gint64 staff = pl_test_query_int (store, "SELECT staff_id FROM calendar_period"
                                           " WHERE owner_kind = 'staff' LIMIT ?1", 1);
  gint64 partner = pl_test_query_int (store, "SELECT partner_id FROM calendar_period"
                                             " WHERE kind = 'inset' LIMIT ?1", 1);
  PlPeriodsGroup *group;
  PlPeriodDialog *dialog;

  group = open_owner (fixture, "staff", PL_TYPE_STAFF_PAGE, staff);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Accredited assessor training 2027"), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Staff development day 2027"), ==, 0);
  g_signal_emit_by_name (find_button (GTK_WIDGET (group), NULL, NULL, "periods.add"), "clicked");
  PL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "unavailable");
  pl_test_destroy_window (GTK_WINDOW (dialog));

  {
    PlListPage *page = PL_LIST_PAGE (pl_test_gui_show_page (fixture->window, "partners",
                                                            PL_TYPE_PARTNERS_PAGE));

    PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)));
    PL_TEST_WAIT_FOR (pl_list_page_select (page, partner));
    group = PL_PERIODS_GROUP (pl_test_find_descendant (GTK_WIDGET (page), PL_TYPE_PERIODS_GROUP));
  }
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Staff development day 2027"), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Accredited assessor training 2027"), ==, 0);
  g_signal_emit_by_name (find_button (GTK_WIDGET (group), NULL, NULL, "periods.add"), "clicked");
  PL_TEST_WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "term");
  pl_test_destroy_window (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/periods-group/employer", test_employer);
  ADD ("/gui/periods-group/staff-and-partner", test_staff_and_partner);

  return g_test_run ();
}
