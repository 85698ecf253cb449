/* test-periods-group.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pl-application.h"
#include "pl-date.h"
#include "pl-employers-page.h"
#include "pl-partners-page.h"
#include "pl-period-dialog.h"
#include "pl-periods-group.h"
#include "pl-sample.h"
#include "pl-staff-page.h"
#include "pl-test-data.h"
#include "pl-window.h"
#include "pl-store-legacy-private.h"

/* The Calendar group of the Employers, Staff and Partners pages, on the
 * sample network: it lists the owner's own periods, adds one through the
 * real period dialog, removes one and brings it back with Undo. What
 * counts is what the store holds and what the group then shows. */

static PlApplication *app;

typedef struct
{
  PlTestDb   db;
  GSettings *settings;
  PlContext *context;
  PlWindow  *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;
  GDate today;

  pl_test_db_open (&fixture->db);
  pl_date_today (&today);
  pl_sample_load (fixture->db.store, &today, &error);
  g_assert_no_error (error);
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->context = pl_context_new (fixture->db.store, fixture->settings);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds or ten seconds pass. */
#define WAIT_FOR(condition)                                               \
  G_STMT_START {                                                          \
    gboolean timed_out_ = FALSE;                                          \
    guint id_ = g_timeout_add_seconds (10, on_timeout, &timed_out_);      \
    while (!(condition) && !timed_out_)                                   \
      g_main_context_iteration (NULL, TRUE);                              \
    if (!timed_out_)                                                      \
      g_source_remove (id_);                                              \
    g_assert_true (condition);                                            \
  } G_STMT_END

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      GtkWidget *weak = GTK_WIDGET (fixture->window);

      g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      WAIT_FOR (weak == NULL);
    }

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);

  /* Nothing the group made (a toast's Undo) may hold on to the store. */
  g_assert_finalize_object (g_steal_pointer (&fixture->db.store));
  pl_test_db_close (&fixture->db);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The preferences row titled @title. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
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
  GtkWidget *kind = find_row (GTK_WIDGET (dialog), "_Kind");

  g_assert_nonnull (kind);
  return pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[adw_combo_row_get_selected (ADW_COMBO_ROW (kind))];
}

static void
close_dialog (PlPeriodDialog *dialog)
{
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (weak == NULL);
}

static PlPeriodsGroup *
open_owner (Fixture    *fixture,
            const char *page_name,
            GType       page_type,
            gint64      owner_id)
{
  PlListPage *page;
  PlPeriodsGroup *group;

  fixture->window = pl_window_new (app, fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             page_name));
  page = PL_LIST_PAGE (find_descendant (GTK_WIDGET (fixture->window), page_type));
  g_assert_nonnull (page);
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)));
  WAIT_FOR (pl_list_page_select (page, owner_id));

  group = PL_PERIODS_GROUP (find_descendant (GTK_WIDGET (page), PL_TYPE_PERIODS_GROUP));
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
  PlStore *store = fixture->db.store;
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
  past = find_row (GTK_WIDGET (group), "Past Periods");
  g_assert_nonnull (past);
  g_assert_cmpuint (count_rows (past, "Christmas and New Year service 2025"), ==, 1);
  g_assert_cmpuint (count_rows (past, "Christmas and New Year service 2026"), ==, 0);
  row = find_row (GTK_WIDGET (group), "Christmas and New Year service 2026");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Busy season · 14 Nov 2026 – 4 Jan 2027");

  /* Add Period: the dialog is preset to this employer and a busy time. */
  button = find_button (GTK_WIDGET (group), NULL, NULL, "periods.add");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "busy");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog),
                                                                          "_Applies to"))),
                    ==, 2 /* employer */);

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (g_str_equal (pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i], "blackout"))
      adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Kind")), i);
  g_assert_cmpstr (combo_kind (dialog), ==, "blackout");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "_Name")), "Stocktake");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "_First day (YYYY-MM-DD)")),
                         "2027-01-11");
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "_Last day (YYYY-MM-DD)")),
                         "2027-01-13");
  button = find_button (GTK_WIDGET (dialog), "_Add", NULL, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (find_dialog () == NULL);

  id = period_by_label (store, "Stocktake");
  g_assert_cmpint (id, !=, 0);
  g_assert_cmpint (pl_test_query_int (store, "SELECT employer_id FROM calendar_period"
                                             " WHERE id = ?1 AND owner_kind = 'employer'"
                                             " AND kind = 'blackout' AND start_date = '2027-01-11'"
                                             " AND end_date = '2027-01-13'", id), ==, employer_id);
  row = find_row (GTK_WIDGET (group), "Stocktake");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "Blackout · 11 Jan 2027 – 13 Jan 2027");

  /* Activating the row opens it for editing. */
  adw_action_row_activate (ADW_ACTION_ROW (row));
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "_Name"))),
                   ==, "Stocktake");
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Save", NULL, NULL));
  close_dialog (dialog);

  /* Remove: gone from the store and the list at once. */
  before = period_values (store, id);
  button = find_button (row, NULL, "Remove Period", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (period_by_label (store, "Stocktake"), ==, 0);
  g_assert_null (find_row (GTK_WIDGET (group), "Stocktake"));

  /* Undo in the toast: back as it was, same id and values. */
  overlay = find_descendant (GTK_WIDGET (fixture->window), ADW_TYPE_TOAST_OVERLAY);
  g_assert_nonnull (overlay);
  WAIT_FOR ((button = find_button (overlay, "_Undo", NULL, NULL)) != NULL);
  g_signal_emit_by_name (button, "clicked");
  WAIT_FOR (find_button (overlay, "_Undo", NULL, NULL) == NULL);
  g_assert_cmpint (period_by_label (store, "Stocktake"), ==, id);
  after = period_values (store, id);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (find_row (GTK_WIDGET (group), "Stocktake"));
}

/* The other two pages list their own periods and suggest their kind. */
static void
test_staff_and_partner (Fixture       *fixture,
                        gconstpointer  data)
{
  PlStore *store = fixture->db.store;
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
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "unavailable");
  close_dialog (dialog);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "partners"));
  {
    PlListPage *page = PL_LIST_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                      PL_TYPE_PARTNERS_PAGE));

    WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (page)));
    WAIT_FOR (pl_list_page_select (page, partner));
    group = PL_PERIODS_GROUP (find_descendant (GTK_WIDGET (page), PL_TYPE_PERIODS_GROUP));
  }
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Staff development day 2027"), ==, 1);
  g_assert_cmpuint (count_rows (GTK_WIDGET (group), "Accredited assessor training 2027"), ==, 0);
  g_signal_emit_by_name (find_button (GTK_WIDGET (group), NULL, NULL, "periods.add"), "clicked");
  WAIT_FOR ((dialog = find_dialog ()) != NULL);
  g_assert_cmpstr (combo_kind (dialog), ==, "term");
  close_dialog (dialog);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);

  app = pl_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/periods-group/employer", test_employer);
  ADD ("/gui/periods-group/staff-and-partner", test_staff_and_partner);

  return g_test_run ();
}
