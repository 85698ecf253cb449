/* test-lifecycle.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-date.h"
#include "pl-lifecycle.h"
#include "pl-placements-page.h"
#include "pl-preferences-window.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* A new request walked to "evaluated" in the app, as a coordinator would:
 * the real Advance button is clicked at every step, each refusal is read
 * from what the editor shows, and what a step needs is supplied through
 * the widgets where the editor holds it (employer, days, aims, reflection)
 * and through the store where another page will (documents, cascade,
 * observation). */

typedef struct
{
  PlTestGui  gui;
  gint64     staff;
  gint64     employer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) partner = pl_record_new (PL_TYPE_PARTNER);
  g_autoptr(PlRecord) staff = pl_record_new (PL_TYPE_STAFF);
  g_autoptr(PlRecord) employer = pl_record_new (PL_TYPE_EMPLOYER);
  g_autoptr(PlRecord) digital = NULL;

  g_setenv ("PLACEMENTS_TODAY", "2026-11-22", TRUE);
  pl_test_gui_set_up (&f->gui, FALSE);

  digital = pl_store_find_by_name (f->gui.store, PL_TYPE_SECTOR, "Digital", &error);
  g_assert_no_error (error);

  pl_record_set_string (partner, "name", "Riverside College");
  pl_record_set_string (partner, "kind", "college");
  pl_record_set_string (partner, "status", "active");
  pl_test_insert (f->gui.store, partner);

  pl_record_set_int (staff, "partner_id", pl_record_get_id (partner));
  pl_record_set_string (staff, "name", "Ann Example");
  pl_record_set_int (staff, "sector_id", pl_record_get_id (digital));
  pl_record_set_int (staff, "teaching_days", 0);
  f->staff = pl_test_insert (f->gui.store, staff);

  pl_record_set_string (employer, "name", "Byte Works");
  pl_record_set_int (employer, "sector_id", pl_record_get_id (digital));
  pl_record_set_string (employer, "relationship", "warm");
  pl_record_set_int (employer, "capacity", 1);
  pl_record_set_int (employer, "notice_weeks", 0);
  pl_record_set_int (employer, "preferred_days", 31);
  f->employer = pl_test_insert (f->gui.store, employer);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_gui_tear_down (&f->gui);
  g_setenv ("PLACEMENTS_TODAY", "2026-11-22", TRUE);
}

typedef gboolean (*Match) (GtkWidget *widget, gconstpointer data);

static GtkWidget *
find (GtkWidget     *root,
      Match          match,
      gconstpointer  data)
{
  if (match (root, data))
    return root;

  /* Popovers of menu buttons are children too. */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* What a click does: the button must be there to be clicked. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  pl_test_wait_ms (50);
}

/* Clicks Advance and checks that the editor lists exactly @... (NULL
 * terminated) as missing and that the status stayed @status. */
static void
advance_refused (Fixture           *f,
                 PlPlacementEditor *editor,
                 GtkWidget         *advance,
                 const char        *status,
                 ...)
{
  g_auto(GStrv) shown = NULL;
  g_autofree char *now = NULL;
  const char *item;
  guint n = 0;
  va_list args;

  click (advance);

  shown = pl_placement_editor_dup_missing_items (editor);
  va_start (args, status);
  while ((item = va_arg (args, const char *)) != NULL)
    {
      g_assert_nonnull (shown[n]);
      g_assert_cmpstr (shown[n], ==, item);
      n++;
    }
  va_end (args);
  g_assert_null (shown[n]);
  g_assert_cmpuint (n, >, 0);

  now = pl_test_placement_status (f->gui.store, pl_placement_editor_get_placement (editor));
  g_assert_cmpstr (now, ==, status);
}

static void
advance_to (Fixture           *f,
            PlPlacementEditor *editor,
            GtkWidget         *advance,
            const char        *status)
{
  g_autofree char *now = NULL;
  g_auto(GStrv) shown = NULL;

  click (advance);
  now = pl_test_placement_status (f->gui.store, pl_placement_editor_get_placement (editor));
  g_assert_cmpstr (now, ==, status);
  shown = pl_placement_editor_dup_missing_items (editor);
  g_assert_null (shown[0]);
}

static void
set_text_in_group (GtkWidget  *root,
                   const char *group_title,
                   const char *text)
{
  GtkWidget *group = find (root, is_group_titled, group_title);
  GtkWidget *view;

  g_assert_nonnull (group);
  view = pl_test_find_descendant (group, GTK_TYPE_TEXT_VIEW);
  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
test_walk_in_the_app (Fixture       *f,
                      gconstpointer  data)
{
  PlWindow *window;
  PlPlacementsPage *page;
  PlPlacementEditor *editor;
  GtkWidget *advance;
  AdwMessageDialog *dialog;
  gint64 id;

  window = pl_test_gui_open_window (&f->gui);
  page = PL_PLACEMENTS_PAGE (pl_test_gui_show_page (window, "placements",
                                                    PL_TYPE_PLACEMENTS_PAGE));
  editor = pl_placements_page_get_editor (page);

  /* A new request with only a staff member and a sector: the staff
   * member's own sector is proposed. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "page.new-request", NULL));
  PL_TEST_WAIT_FOR ((dialog = pl_test_find_message_dialog ()) != NULL);
  adw_message_dialog_response (dialog, "create");
  gtk_window_destroy (GTK_WINDOW (dialog));
  pl_test_wait_ms (50);

  id = pl_placement_editor_get_placement (editor);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pl_placements_page_get_list (page)), ==, 1);
  {
    g_autoptr(PlRecord) placement = pl_store_get (f->gui.store, PL_TYPE_PLACEMENT, id, NULL);

    g_assert_cmpint (pl_record_get_int (placement, "staff_id"), ==, f->staff);
    g_assert_cmpstr (pl_record_get_string (placement, "sector_name"), ==, "Digital");
    g_assert_cmpstr (pl_record_get_string (placement, "status"), ==, "request");
  }

  advance = find (GTK_WIDGET (editor), has_action, "editor.advance");
  g_assert_nonnull (advance);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (advance)), ==, "Advance to Proposed");

  /* request → proposed: an employer and days. */
  advance_refused (f, editor, advance, "request",
                   "Choose an employer.",
                   "Choose the placement days.",
                   NULL);
  {
    GtkWidget *employer_row = pl_test_find_row (GTK_WIDGET (editor), "Employer");
    GtkWidget *add_day = find (GTK_WIDGET (editor), has_tooltip, "Add a Day");
    GtkWidget *calendar;
    g_autoptr(GDateTime) day = g_date_time_new_local (2027, 1, 11, 12, 0, 0);
    g_autoptr(GDateTime) next = g_date_time_new_local (2027, 1, 12, 12, 0, 0);
    GListModel *employers;

    g_assert_nonnull (employer_row);
    employers = adw_combo_row_get_model (ADW_COMBO_ROW (employer_row));
    g_assert_cmpuint (g_list_model_get_n_items (employers), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (employers), 1), ==,
                     "Byte Works");
    adw_combo_row_set_selected (ADW_COMBO_ROW (employer_row), 1);

    /* Two days picked in the calendar of "Add Day". */
    g_assert_nonnull (add_day);
    calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (add_day)));
    g_assert_true (GTK_IS_CALENDAR (calendar));
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    g_signal_emit_by_name (calendar, "day-selected");
    pl_test_wait_ms (50);
    gtk_calendar_select_day (GTK_CALENDAR (calendar), next);
    g_signal_emit_by_name (calendar, "day-selected");
    pl_test_wait_ms (50);
  }
  advance_to (f, editor, advance, "proposed");
  {
    g_auto(GStrv) days = pl_store_get_days (f->gui.store, id);

    g_assert_cmpuint (g_strv_length (days), ==, 2);
    g_assert_cmpstr (days[0], ==, "2027-01-11");
    g_assert_cmpstr (days[1], ==, "2027-01-12");
  }

  /* proposed → agreed: the planner. The list of what is missing stays
   * and follows the ticking of an aim. */
  advance_refused (f, editor, advance, "proposed",
                   "Tick at least one aim in the pre-placement planner.",
                   NULL);
  {
    GtkWidget *row = pl_test_find_row (GTK_WIDGET (editor),
                                       "Update commercial and industrial expertise");
    GtkWidget *check;
    g_auto(GStrv) shown = NULL;

    g_assert_nonnull (row);
    check = pl_test_find_descendant (row, GTK_TYPE_CHECK_BUTTON);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    pl_placement_editor_flush (editor);
    pl_test_wait_ms (50);
    shown = pl_placement_editor_dup_missing_items (editor);
    g_assert_null (shown[0]);
  }
  advance_to (f, editor, advance, "agreed");

  /* agreed → confirmed: the employer's evidence. */
  advance_refused (f, editor, advance, "agreed",
                   "Byte Works has no insurance certificate on record.",
                   "Byte Works has no health and safety policy on record.",
                   "Byte Works has no risk assessment on record.",
                   "Byte Works has no signed agreement on record.",
                   NULL);
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i] != NULL; i++)
    {
      g_autoptr(PlRecord) document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);

      pl_record_set_int (document, "employer_id", f->employer);
      pl_record_set_string (document, "kind", pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[i]);
      pl_test_insert (f->gui.store, document);
    }
  pl_test_wait_ms (50);
  advance_to (f, editor, advance, "confirmed");

  /* confirmed → completed: once the last day has passed. */
  g_setenv ("PLACEMENTS_TODAY", "2027-01-12", TRUE);
  advance_refused (f, editor, advance, "confirmed",
                   "The last day (12 January 2027) has not passed yet.",
                   NULL);
  g_setenv ("PLACEMENTS_TODAY", "2027-01-13", TRUE);
  advance_to (f, editor, advance, "completed");

  /* completed → cascaded */
  advance_refused (f, editor, advance, "completed",
                   "Record at least one cascade: when the learning was passed on, to whom, and "
                   "to how many people.",
                   NULL);
  {
    g_autoptr(PlRecord) cascade = pl_record_new (PL_TYPE_CASCADE);

    pl_record_set_int (cascade, "placement_id", id);
    pl_record_set_string (cascade, "cascade_date", "2027-01-20");
    pl_record_set_string (cascade, "audience", "colleagues");
    pl_record_set_int (cascade, "people", 9);
    pl_test_insert (f->gui.store, cascade);
  }
  g_setenv ("PLACEMENTS_TODAY", "2027-01-21", TRUE);
  advance_to (f, editor, advance, "cascaded");

  /* cascaded → evaluated: the reflection typed in, an observation after. */
  advance_refused (f, editor, advance, "cascaded",
                   "Write what was learned in the reflection.",
                   "Write what will change for students in the reflection.",
                   "Record a lesson observation of Ann Example after the placement.",
                   NULL);
  set_text_in_group (GTK_WIDGET (editor), "What Was Learned", "How a service desk triages.");
  set_text_in_group (GTK_WIDGET (editor), "What Will Change for Students",
                     "Students run a ticket queue in the lab.");
  {
    g_autoptr(PlRecord) observation = pl_record_new (PL_TYPE_OBSERVATION);

    pl_record_set_int (observation, "staff_id", f->staff);
    pl_record_set_string (observation, "phase", "after");
    pl_record_set_string (observation, "observed_on", "2027-02-15");
    pl_test_insert (f->gui.store, observation);
  }
  g_setenv ("PLACEMENTS_TODAY", "2027-03-01", TRUE);
  advance_to (f, editor, advance, "evaluated");

  /* The end: nothing to advance to, the reflection saved, and every step
   * in the history. */
  g_assert_false (gtk_widget_get_visible (advance));
  {
    g_autoptr(PlRecord) placement = pl_store_get (f->gui.store, PL_TYPE_PLACEMENT, id, NULL);
    g_autoptr(GListModel) events = pl_store_list_where (f->gui.store, PL_TYPE_PLACEMENT_EVENT,
                                                        "placement_id", id);

    g_assert_cmpstr (pl_record_get_string (placement, "reflection_learned"), ==,
                     "How a service desk triages.");
    g_assert_cmpstr (pl_record_get_string (placement, "agreed_on"), ==, "2026-11-22");
    g_assert_cmpint (pl_record_get_int (placement, "aims"), ==, PL_AIM_EXPERTISE);
    g_assert_cmpuint (g_list_model_get_n_items (events), ==, 7);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_wait_ms (50);
}

/* A row of the Overview opens its placement in the Placements page. */
static void
test_overview_opens_placement (Fixture       *f,
                               gconstpointer  data)
{
  PlWindow *window;
  PlPlacementsPage *page;
  GtkWidget *row;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) staff = pl_store_get (f->gui.store, PL_TYPE_STAFF, f->staff, NULL);
  GDate today;
  gint64 id;

  pl_date_today (&today);
  id = pl_placement_create_request (f->gui.store, f->staff, pl_record_get_int (staff, "sector_id"),
                                    &today, &error);
  g_assert_no_error (error);
  {
    const char *days[] = { "2026-12-14", NULL };

    /* First contact (21 September) and more are overdue on 22 November. */
    g_assert_true (pl_placement_set_days (f->gui.store, id, days, &error));
  }

  window = pl_test_gui_open_window (&f->gui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "overview"));
  pl_test_wait_ms (50);

  row = pl_test_find_row (GTK_WIDGET (window), "First contact with the employer");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (row));
  pl_test_wait_ms (50);

  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "placements");
  page = PL_PLACEMENTS_PAGE (pl_test_find_descendant (GTK_WIDGET (window),
                                                      PL_TYPE_PLACEMENTS_PAGE));
  g_assert_cmpint (pl_placement_editor_get_placement (pl_placements_page_get_editor (page)), ==,
                   id);

  /* An employer row opens the Employers page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-employer", "x",
                                             f->employer));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "employers");

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_wait_ms (50);
}

/* Preferences: the lead time and a milestone template, edited in the
 * window, are the network's, and the undone milestones follow. */
static void
test_preferences (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PlRecord) staff = pl_store_get (f->gui.store, PL_TYPE_STAFF, f->staff, NULL);
  g_autoptr(GError) error = NULL;
  PlPreferencesWindow *prefs;
  GtkWidget *spin, *row, *amount;
  const char *days[] = { "2027-03-01", NULL };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate today;
  gint64 id;

  pl_date_today (&today);
  id = pl_placement_create_request (f->gui.store, f->staff, pl_record_get_int (staff, "sector_id"),
                                    &today, &error);
  g_assert_true (pl_placement_set_days (f->gui.store, id, days, &error));
  g_assert_no_error (error);

  prefs = pl_preferences_window_new (NULL, f->gui.context);
  gtk_window_present (GTK_WINDOW (prefs));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (prefs)));

  spin = pl_test_find_descendant (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 6);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 9);
  g_assert_cmpint (pl_store_get_setting_int (f->gui.store, "lead_time_weeks", 0), ==, 9);

  /* "First contact", 12 weeks before, becomes 10 weeks before. */
  row = pl_test_find_row (GTK_WIDGET (prefs), "First contact with the employer");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "12 weeks before the first day");
  amount = pl_test_find_descendant (row, GTK_TYPE_SPIN_BUTTON);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (amount), 10);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "10 weeks before the first day");
  pl_preferences_window_flush (prefs);

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (f->gui.store),
                                       "SELECT offset, (SELECT due FROM milestone "
                                       "WHERE kind = 'first_contact' AND placement_id = ?1) "
                                       "FROM milestone_template WHERE kind = 'first_contact'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, -10);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "2026-12-21");

  gtk_window_destroy (GTK_WINDOW (prefs));
  pl_test_wait_ms (50);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/lifecycle/walk-to-evaluated", test_walk_in_the_app);
  ADD ("/gui/overview/opens-placement", test_overview_opens_placement);
  ADD ("/gui/preferences/templates-and-lead-time", test_preferences);
#undef ADD

  return g_test_run ();
}
