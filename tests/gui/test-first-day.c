/* test-first-day.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-employer-chooser.h"
#include "pl-calendar-page.h"
#include "pl-first-run.h"
#include "pl-lifecycle.h"
#include "pl-list-page.h"
#include "pl-placement-editor.h"
#include "pl-overview-page.h"
#include "pl-placements-page.h"
#include "pl-plan-page.h"
#include "pl-records.h"
#include "pl-reports-page.h"
#include "pl-schedule.h"
#include "pl-staff-page.h"
#include "pl-staff-picker.h"
#include "pl-store-choices.h"
#include "pl-test-gui.h"
#include "pl-terms.h"

/* The first day with the app: from an empty database every empty page
 * leads to a step that can be finished; the first-run path; the way
 * forward for a request with no employer; drop-downs that search at once. */

static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  /* As a click does, without the delay of a key's activation. */
  g_signal_emit_by_name (button, "clicked");
}

static const char *
action_of (GtkWidget *button)
{
  return gtk_actionable_get_action_name (GTK_ACTIONABLE (button));
}

/* Types @text into the entry row called @title under @widget, and lets
 * the page's save delay pass. */
static void
type_into (GtkWidget  *widget,
           const char *title,
           const char *text)
{
  GtkWidget *row = pl_test_find_row (widget, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  pl_test_wait_ms (700);
}

static gint64
only_id (PlStore *store,
         GType    type)
{
  g_autoptr(GListModel) records = pl_store_list (store, type);
  g_autoptr(PlRecord) record = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (records), ==, 1);
  record = g_list_model_get_item (records, 0);
  return pl_record_get_id (record);
}

static void
test_empty_start (PlTestGui     *gui,
                  gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  GtkWidget *staff, *placements, *plan, *partners, *button;
  AdwMessageDialog *dialog;
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(PlRecord) request = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));

  /* With nothing at all, every page that needs a college says so. */
  plan = pl_test_gui_show_page (window, "plan", PL_TYPE_PLAN_PAGE);
  button = pl_test_find_button (plan, "Add Your _College First");
  g_assert_nonnull (button);
  placements = pl_test_gui_show_page (window, "placements", PL_TYPE_PLACEMENTS_PAGE);
  g_assert_nonnull (pl_test_find_button (placements, "Add Your _College First"));

  /* "+" on Placements opens no dialog that could not be completed: it
   * goes to the step that comes first. */
  g_assert_true (gtk_widget_activate_action (placements, "page.new-request", NULL));
  pl_test_wait_ms (100);
  g_assert_null (pl_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "partners");
  g_assert_cmpint (pl_store_count (store, PL_TYPE_PARTNER), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  PL_TEST_WAIT_FOR (pl_store_count (store, PL_TYPE_PARTNER) == 0);

  /* Staff with no partner: the button adds the college, whose name is
   * then typed and kept. */
  staff = pl_test_gui_show_page (window, "staff", PL_TYPE_STAFF_PAGE);
  button = pl_test_find_button (staff, "Add Your _College First");
  g_assert_cmpstr (action_of (button), ==, "win.add-first");
  click (button);
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "partners");
  g_assert_cmpint (pl_store_count (store, PL_TYPE_PARTNER), ==, 1);
  partners = pl_window_get_page (window, "partners");
  type_into (partners, "Name", "Riverside College");
  g_assert_true (pl_record_editor_flush (pl_list_page_get_editor (PL_LIST_PAGE (partners))));
  partner = pl_store_get (store, PL_TYPE_PARTNER, only_id (store, PL_TYPE_PARTNER), NULL);
  g_assert_cmpstr (pl_record_get_string (partner, "name"), ==, "Riverside College");

  /* Placements with a college and no staff: add staff first. */
  placements = pl_test_gui_show_page (window, "placements", PL_TYPE_PLACEMENTS_PAGE);
  click (pl_test_find_button (placements, "Add a _Staff Member First"));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "staff");
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, 1);
  staff = pl_window_get_page (window, "staff");
  type_into (staff, "Name", "Jo Patel");
  g_assert_true (pl_record_editor_flush (pl_list_page_get_editor (PL_LIST_PAGE (staff))));

  /* Now the Plan page's button makes the request itself: the dialog can
   * be completed (Jo has no sector, so one is chosen). */
  plan = pl_test_gui_show_page (window, "plan", PL_TYPE_PLAN_PAGE);
  button = pl_test_find_button (plan, "_New Request");
  click (button);
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "placements");
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (dialog), "Sector")), 0);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  pl_test_wait_ms (100);

  request = pl_store_get (store, PL_TYPE_PLACEMENT, only_id (store, PL_TYPE_PLACEMENT), NULL);
  g_assert_cmpint (pl_record_get_int (request, "staff_id"), ==, only_id (store, PL_TYPE_STAFF));
  g_assert_cmpstr (pl_record_get_string (request, "status"), ==, "request");
  g_assert_cmpint (pl_record_get_int (request, "sector_id"), !=, 0);

  pl_test_gui_close_window (window);
}

/* Whether @button (or status page), of an empty state, is on show: the page's stack shows
 * its empty child, or the calendar's bar is revealed. */
static gboolean
empty_state_shown (GtkWidget *button)
{
  GtkWidget *revealer = gtk_widget_get_ancestor (button, GTK_TYPE_REVEALER);
  GtkWidget *stack = gtk_widget_get_ancestor (button, GTK_TYPE_STACK);

  if (revealer != NULL)
    return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "empty") == 0;
}

/* The Overview, the Calendar and Reports have nothing to show before the
 * first placement: each offers the step that comes first, and following
 * them in turn ends in a request. */
static void
test_empty_pages_lead (PlTestGui     *gui,
                       gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  GtkWidget *overview, *calendar, *reports, *button;
  AdwMessageDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));

  /* Nothing at all: each of them starts with the college. */
  calendar = pl_test_gui_show_page (window, "calendar", PL_TYPE_CALENDAR_PAGE);
  button = pl_test_find_button (calendar, "Add Your _College First");
  g_assert_nonnull (button);
  g_assert_true (empty_state_shown (button));
  reports = pl_test_gui_show_page (window, "reports", PL_TYPE_REPORTS_PAGE);
  g_assert_true (empty_state_shown (pl_test_find_button (reports, "Add Your _College First")));
  overview = pl_test_gui_show_page (window, "overview", PL_TYPE_OVERVIEW_PAGE);
  button = pl_test_find_button (overview, "Add Your _College First");
  g_assert_true (empty_state_shown (button));

  /* The Overview's button adds the college on its page, named there. */
  g_assert_cmpstr (action_of (button), ==, "win.add-first");
  click (button);
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "partners");
  g_assert_cmpint (pl_store_count (store, PL_TYPE_PARTNER), ==, 1);
  type_into (pl_window_get_page (window, "partners"), "Name", "Riverside College");
  g_assert_true (pl_record_editor_flush (pl_list_page_get_editor (
                   PL_LIST_PAGE (pl_window_get_page (window, "partners")))));

  /* Then Reports asks for a member of staff, added on the Staff page. */
  reports = pl_test_gui_show_page (window, "reports", PL_TYPE_REPORTS_PAGE);
  g_assert_null (pl_test_find_button (reports, "Add Your _College First"));
  button = pl_test_find_button (reports, "Add a _Staff Member First");
  g_assert_true (empty_state_shown (button));
  click (button);
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "staff");
  g_assert_cmpint (pl_store_count (store, PL_TYPE_STAFF), ==, 1);
  type_into (pl_window_get_page (window, "staff"), "Name", "Jo Patel");
  g_assert_true (pl_record_editor_flush (pl_list_page_get_editor (
                   PL_LIST_PAGE (pl_window_get_page (window, "staff")))));

  /* Then the Calendar offers the request itself, in a dialog that can be
   * completed. */
  calendar = pl_test_gui_show_page (window, "calendar", PL_TYPE_CALENDAR_PAGE);
  button = pl_test_find_button (calendar, "_New Request");
  g_assert_true (empty_state_shown (button));
  click (button);
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "placements");
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (dialog), "Sector")), 0);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "create"));
  adw_message_dialog_response (dialog, "create");
  PL_TEST_WAIT_FOR (pl_store_count (store, PL_TYPE_PLACEMENT) == 1);

  /* With a request, each page shows what it is for. */
  calendar = pl_test_gui_show_page (window, "calendar", PL_TYPE_CALENDAR_PAGE);
  PL_TEST_WAIT_FOR (!empty_state_shown (pl_test_find_button (calendar, "_New Request")));
  overview = pl_test_gui_show_page (window, "overview", PL_TYPE_OVERVIEW_PAGE);
  g_assert_false (empty_state_shown (pl_test_find_descendant (overview, ADW_TYPE_STATUS_PAGE)));
  PL_TEST_WAIT_FOR (!pl_overview_page_is_reading (PL_OVERVIEW_PAGE (overview)));
  reports = pl_test_gui_show_page (window, "reports", PL_TYPE_REPORTS_PAGE);
  g_assert_false (empty_state_shown (pl_test_find_descendant (reports, ADW_TYPE_STATUS_PAGE)));
  g_assert_nonnull (pl_test_find_button (reports, "_Export Workbook…"));

  pl_test_gui_close_window (window);
}

/* Partners, the first page of all, starts with the college itself. */
static void
test_empty_partners (PlTestGui     *gui,
                     gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  GtkWidget *partners;
  g_autoptr(PlRecord) partner = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  pl_test_gui_show_page (window, "partners", PL_TYPE_LIST_PAGE);
  partners = pl_window_get_page (window, "partners");
  click (pl_test_find_button (partners, "Add Your _College"));
  type_into (partners, "Name", "Riverside College");
  g_assert_true (pl_record_editor_flush (pl_list_page_get_editor (PL_LIST_PAGE (partners))));
  partner = pl_store_get (gui->store, PL_TYPE_PARTNER, only_id (gui->store, PL_TYPE_PARTNER),
                          NULL);
  g_assert_cmpstr (pl_record_get_string (partner, "name"), ==, "Riverside College");

  pl_test_gui_close_window (window);
}

/* Staff's own "+" without a partner leads to the partner, not to an
 * error toast. */
static void
test_new_staff_without_partner (PlTestGui     *gui,
                                gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  GtkWidget *staff;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-empty", NULL));
  staff = pl_test_gui_show_page (window, "staff", PL_TYPE_STAFF_PAGE);
  g_assert_true (gtk_widget_activate_action (staff, "page.new", NULL));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "partners");
  g_assert_cmpint (pl_store_count (gui->store, PL_TYPE_PARTNER), ==, 1);
  g_assert_cmpint (pl_store_count (gui->store, PL_TYPE_STAFF), ==, 0);

  /* With the partner there, the same button adds the person. */
  staff = pl_test_gui_show_page (window, "staff", PL_TYPE_STAFF_PAGE);
  click (pl_test_find_button (staff, "_New Staff Member"));
  g_assert_cmpint (pl_store_count (gui->store, PL_TYPE_STAFF), ==, 1);

  pl_test_gui_close_window (window);
}

static void
test_first_run (PlTestGui     *gui,
                gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  PlFirstRun *first_run;
  g_autoptr(GListModel) periods = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlRecord) request = NULL;
  gint64 partner_id;
  guint terms = 0;

  g_assert_cmpstr (pl_window_get_visible_view (window), ==, "welcome");
  click (pl_test_find_button (GTK_WIDGET (window), "Set _Up Your College…"));
  g_assert_cmpstr (pl_window_get_visible_view (window), ==, "main");
  first_run = PL_FIRST_RUN (pl_test_find_window (PL_TYPE_FIRST_RUN));
  g_assert_nonnull (first_run);
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "college");

  /* Next is only for a name. */
  g_assert_false (gtk_widget_is_sensitive (pl_test_find_button (GTK_WIDGET (first_run), "_Next")));
  type_into (GTK_WIDGET (first_run), "College Name", "Riverside College");
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Next"));
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "terms");
  partner_id = only_id (store, PL_TYPE_PARTNER);

  click (pl_test_find_button (GTK_WIDGET (first_run), "_England, Typical"));
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "employer");
  periods = pl_store_list_where (store, PL_TYPE_CALENDAR_PERIOD, "partner_id", partner_id);
  for (guint i = 0; i < g_list_model_get_n_items (periods); i++)
    {
      g_autoptr(PlRecord) period = g_list_model_get_item (periods, i);

      terms += g_strcmp0 (pl_record_get_string (period, "kind"), "term") == 0;
    }
  /* Three terms a year, this academic year and the next. */
  g_assert_cmpuint (terms, ==, 6);

  type_into (GTK_WIDGET (first_run), "Employer Name", "Harbour Kitchens");
  adw_combo_row_set_selected (ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (first_run), "Sector")),
                              2);
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Add Employer"));
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "request");
  employer = pl_store_get (store, PL_TYPE_EMPLOYER, only_id (store, PL_TYPE_EMPLOYER), NULL);
  g_assert_cmpstr (pl_record_get_string (employer, "name"), ==, "Harbour Kitchens");

  type_into (GTK_WIDGET (first_run), "Staff Member", "Jo Patel");
  click (pl_test_find_button (GTK_WIDGET (first_run), "C_reate Request"));
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "done");

  /* The request is for the college's new member of staff, in the first
   * employer's sector, and the window opens on it. */
  request = pl_store_get (store, PL_TYPE_PLACEMENT, only_id (store, PL_TYPE_PLACEMENT), NULL);
  g_assert_cmpint (pl_record_get_int (request, "sector_id"), ==,
                   pl_record_get_int (employer, "sector_id"));
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Start Planning"));
  pl_test_wait_ms (100);
  g_assert_null (pl_test_find_window (PL_TYPE_FIRST_RUN));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, "placements");
  g_assert_cmpint (pl_placement_editor_get_placement (
                     pl_placements_page_get_editor (PL_PLACEMENTS_PAGE (
                       pl_window_get_page (window, "placements")))), ==,
                   pl_record_get_id (request));

  pl_test_gui_close_window (window);
}

/* Skipping every step leaves an empty network and no error. */
static void
test_first_run_skip (PlTestGui     *gui,
                     gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlFirstRun *first_run;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.first-run", NULL));
  first_run = PL_FIRST_RUN (pl_test_find_window (PL_TYPE_FIRST_RUN));
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Skip"));
  /* No college: its terms and a request cannot be asked for. */
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "employer");
  /* Every Skip skips the step shown. */
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Skip"));
  g_assert_cmpstr (pl_first_run_get_step (first_run), ==, "done");
  g_assert_true (pl_store_is_empty (gui->store));
  click (pl_test_find_button (GTK_WIDGET (first_run), "_Start Planning"));
  g_assert_cmpstr (pl_window_get_visible_view (window), ==, "main");

  pl_test_gui_close_window (window);
}

/* The sample's open request of @staff_name. */
static gint64
request_of (PlStore    *store,
            const char *staff_name)
{
  g_autoptr(GListModel) placements = pl_store_list (store, PL_TYPE_PLACEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);

      if (g_strcmp0 (pl_record_get_string (placement, "status"), "request") == 0 &&
          g_strcmp0 (pl_record_get_string (placement, "staff_name"), staff_name) == 0)
        return pl_record_get_id (placement);
    }
  g_assert_not_reached ();
}

/* An open request of the sample whose sector has employers. */
static PlRecord *
matchable_request (PlStore *store)
{
  g_autoptr(GListModel) placements = pl_store_list (store, PL_TYPE_PLACEMENT);

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(PlRecord) placement = g_list_model_get_item (placements, i);
      g_autoptr(GListModel) employers = NULL;

      if (g_strcmp0 (pl_record_get_string (placement, "status"), "request") != 0 ||
          pl_record_get_int (placement, "employer_id") != 0)
        continue;
      employers = pl_store_list_where (store, PL_TYPE_EMPLOYER, "sector_id",
                                       pl_record_get_int (placement, "sector_id"));
      if (g_list_model_get_n_items (employers) >= 2)
        return g_steal_pointer (&placement);
    }
  g_assert_not_reached ();
}

static PlPlacementEditor *
open_in_editor (PlWindow *window,
                gint64    id)
{
  PlPlacementsPage *page;
  PlPlacementEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-placement", "x", id));
  page = PL_PLACEMENTS_PAGE (pl_window_get_page (window, "placements"));
  editor = pl_placements_page_get_editor (page);
  g_assert_cmpint (pl_placement_editor_get_placement (editor), ==, id);
  return editor;
}

/* The visible row called "Employer": the chooser's, while there is no
 * employer. */
static GtkWidget *
employer_action_row (GtkWidget *widget)
{
  if (ADW_IS_ACTION_ROW (widget) && !ADW_IS_COMBO_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "Employer") == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = employer_action_row (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PlEmployerChooser *
open_chooser (PlPlacementEditor *editor)
{
  GtkWidget *row = employer_action_row (GTK_WIDGET (editor));
  PlEmployerChooser *chooser;

  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activate");
  chooser = PL_EMPLOYER_CHOOSER (pl_test_find_window (PL_TYPE_EMPLOYER_CHOOSER));
  g_assert_nonnull (chooser);
  return chooser;
}

static void
test_employer_chooser (PlTestGui     *gui,
                       gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  g_autoptr(PlRecord) request = matchable_request (store);
  g_autoptr(GListModel) employers = pl_store_list_where (store, PL_TYPE_EMPLOYER, "sector_id",
                                                         pl_record_get_int (request, "sector_id"));
  g_autoptr(PlRecord) blocked = g_list_model_get_item (employers, 0);
  g_autoptr(PlRecord) blackout = pl_record_new (PL_TYPE_CALENDAR_PERIOD);
  g_autoptr(PlRecord) after = NULL;
  g_autoptr(GPtrArray) suggestions = NULL;
  const PlSuggestion *best;
  PlPlacementEditor *editor;
  PlEmployerChooser *chooser;
  GtkListBox *list;
  GtkWidget *first, *row;
  gboolean blocked_seen = FALSE;
  GDate today;

  /* One employer of the sector closed for two years: it cannot take it. */
  pl_record_set_string (blackout, "owner_kind", "employer");
  pl_record_set_int (blackout, "employer_id", pl_record_get_id (blocked));
  pl_record_set_string (blackout, "kind", "blackout");
  pl_record_set_string (blackout, "start_date", "2026-01-01");
  pl_record_set_string (blackout, "end_date", "2028-12-31");
  pl_record_set_int (blackout, "weekdays", 127);
  g_assert_true (pl_store_insert (store, blackout, NULL));

  g_test_message ("request %" G_GINT64_FORMAT " in %s", pl_record_get_id (request),
                  pl_record_get_string (request, "sector_name"));
  editor = open_in_editor (window, pl_record_get_id (request));
  chooser = open_chooser (editor);
  list = GTK_LIST_BOX (pl_test_find_descendant (GTK_WIDGET (chooser), GTK_TYPE_LIST_BOX));

  /* Ranked as the suggest job ranks them: its best option first. */
  pl_context_get_today (gui->context, &today);
  suggestions = pl_schedule_suggest (store, pl_record_get_id (request), &today, NULL, 0, 1, NULL);
  g_assert_nonnull (suggestions);
  g_assert_cmpuint (suggestions->len, >, 0);
  best = suggestions->pdata[0];
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                   best->employer_name);

  /* Every employer of the sector is there; the closed one says why. */
  g_assert_null (gtk_list_box_get_row_at_index (list, g_list_model_get_n_items (employers)));
  for (guint i = 0; (row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, i))) != NULL; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   pl_record_get_string (blocked, "name")) == 0)
      {
        const char *reason = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

        g_test_message ("reason: %s", reason);
        g_assert_nonnull (strstr (reason, "blackout"));
        g_assert_cmpint (i, >, 0);
        blocked_seen = TRUE;
      }
  g_assert_true (blocked_seen);

  /* Choosing sets the employer, saved at once. */
  g_signal_emit_by_name (first, "activate");
  pl_test_wait_ms (100);
  g_assert_null (pl_test_find_window (PL_TYPE_EMPLOYER_CHOOSER));
  after = pl_store_get (store, PL_TYPE_PLACEMENT, pl_record_get_id (request), NULL);
  g_assert_cmpint (pl_record_get_int (after, "employer_id"), ==, best->employer_id);
  g_assert_null (employer_action_row (GTK_WIDGET (editor)));

  pl_test_gui_close_window (window);
}

/* A sector nobody works in: said, and an employer added there becomes
 * the placement's. */
static void
test_employer_chooser_none (PlTestGui     *gui,
                            gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  gint64 id = request_of (store, "Natalie Brennan");
  g_autoptr(PlRecord) request = pl_store_get (store, PL_TYPE_PLACEMENT, id, NULL);
  g_autoptr(PlRecord) after = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autofree char *title = NULL;
  PlEmployerChooser *chooser;
  AdwStatusPage *status;

  chooser = open_chooser (open_in_editor (window, id));
  status = ADW_STATUS_PAGE (pl_test_find_descendant (GTK_WIDGET (chooser), ADW_TYPE_STATUS_PAGE));
  title = g_strdup_printf ("No employer works in %s", pl_record_get_string (request, "sector_name"));
  g_assert_cmpstr (adw_status_page_get_title (status), ==, title);

  g_assert_false (gtk_widget_is_sensitive (pl_test_find_button (GTK_WIDGET (chooser),
                                                                "_Add Employer")));
  gtk_editable_set_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (chooser), "Employer Name")),
                         "Northgate Health Centre");
  click (pl_test_find_button (GTK_WIDGET (chooser), "_Add Employer"));
  pl_test_wait_ms (100);

  employer = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, "Northgate Health Centre", NULL);
  g_assert_nonnull (employer);
  g_assert_cmpint (pl_record_get_int (employer, "sector_id"), ==,
                   pl_record_get_int (request, "sector_id"));
  after = pl_store_get (store, PL_TYPE_PLACEMENT, id, NULL);
  g_assert_cmpint (pl_record_get_int (after, "employer_id"), ==, pl_record_get_id (employer));

  pl_test_gui_close_window (window);
}

static GtkWidget *
focus_of (GtkWidget *widget)
{
  return gtk_root_get_focus (gtk_widget_get_root (widget));
}

static gboolean
focus_in (GtkWidget *widget,
          GtkWidget *entry)
{
  GtkWidget *focus = focus_of (widget);

  return focus != NULL && (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

/* Typing right after the picker opens goes to its search. */
static void
test_staff_picker_typing (PlTestGui     *gui,
                          gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *button = gtk_menu_button_new ();
  PlStaffPicker *picker = g_object_new (PL_TYPE_STAFF_PICKER, NULL);
  GtkWidget *entry, *list;
  GtkText *text;

  pl_staff_picker_set_store (picker, gui->store);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (picker));
  gtk_window_set_child (GTK_WINDOW (window), button);
  gtk_window_present (GTK_WINDOW (window));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (button));

  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  pl_test_wait_ms (50);

  entry = pl_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (focus_in (GTK_WIDGET (picker), entry));

  /* Text typed where the focus is searches. */
  text = GTK_TEXT (focus_of (GTK_WIDGET (picker)));
  g_assert_true (GTK_IS_TEXT (text));
  gtk_editable_set_text (GTK_EDITABLE (text), "Natalie");
  list = pl_test_find_descendant (GTK_WIDGET (picker), GTK_TYPE_LIST_VIEW);
  PL_TEST_WAIT_FOR (g_list_model_get_n_items (
                      G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))) == 1);

  /* A second opening starts from an empty search, with the focus in it. */
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  PL_TEST_WAIT_FOR (!gtk_widget_get_mapped (GTK_WIDGET (picker)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (picker)));
  pl_test_wait_ms (50);
  g_assert_true (focus_in (GTK_WIDGET (picker), entry));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  pl_test_destroy_window (GTK_WINDOW (window));
  PL_TEST_WAIT_FOR (picker == NULL);
}

/* The new request's staff drop-down searches as soon as it opens, and a
 * person without a sector clears the one chosen before. */
static void
test_new_request_dialog (PlTestGui     *gui,
                         gconstpointer  data)
{
  PlWindow *window = pl_test_gui_open_window (gui);
  PlStore *store = gui->store;
  GtkWidget *page = pl_test_gui_show_page (window, "placements", PL_TYPE_PLACEMENTS_PAGE);
  g_autoptr(GArray) staff = pl_store_list_staff_choices (store, 0, NULL);
  g_autoptr(PlRecord) nobody = NULL;
  AdwMessageDialog *dialog;
  GtkDropDown *drop_down;
  AdwComboRow *sector;
  GtkWidget *toggle, *popover, *entry;
  guint with = G_MAXUINT, without = G_MAXUINT;

  /* One person of the sample loses their sector. */
  nobody = pl_store_get (store, PL_TYPE_STAFF, g_array_index (staff, PlChoice, 0).id, NULL);
  pl_record_set_int (nobody, "sector_id", 0);
  g_assert_true (pl_store_update (store, nobody, NULL));

  g_assert_true (gtk_widget_activate_action (page, "page.new-request", NULL));
  dialog = pl_test_find_message_dialog ();
  g_assert_nonnull (dialog);
  drop_down = GTK_DROP_DOWN (pl_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));
  sector = ADW_COMBO_ROW (pl_test_find_row (GTK_WIDGET (dialog), "Sector"));

  for (guint i = 0; i < staff->len; i++)
    {
      g_autoptr(PlRecord) person = pl_store_get (store, PL_TYPE_STAFF,
                                                 g_array_index (staff, PlChoice, i).id, NULL);

      if (pl_record_get_int (person, "sector_id") != 0 && with == G_MAXUINT)
        with = i;
      else if (pl_record_get_int (person, "sector_id") == 0 && without == G_MAXUINT)
        without = i;
    }
  g_assert_cmpuint (with, !=, G_MAXUINT);
  g_assert_cmpuint (without, !=, G_MAXUINT);

  gtk_drop_down_set_selected (drop_down, with);
  g_assert_cmpuint (adw_combo_row_get_selected (sector), !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (drop_down, without);
  g_assert_cmpuint (adw_combo_row_get_selected (sector), ==, GTK_INVALID_LIST_POSITION);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "create"));

  /* Opened, the search has the focus. */
  toggle = pl_test_find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);
  popover = pl_test_find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER);
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (popover));
  pl_test_wait_ms (50);
  entry = pl_test_find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);
  g_assert_true (focus_in (popover, entry));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), FALSE);
  pl_test_destroy_window (GTK_WINDOW (dialog));
  pl_test_gui_close_window (window);
}

static void
set_up_empty (PlTestGui     *gui,
              gconstpointer  data)
{
  pl_test_gui_set_up (gui, FALSE);
}

static void
set_up_sample (PlTestGui     *gui,
               gconstpointer  data)
{
  pl_test_gui_set_up (gui, TRUE);
}

static void
tear_down (PlTestGui     *gui,
           gconstpointer  data)
{
  pl_test_gui_tear_down (gui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/gui/first-day/empty-start", PlTestGui, NULL, set_up_empty, test_empty_start,
              tear_down);
  g_test_add ("/gui/first-day/empty-pages-lead", PlTestGui, NULL, set_up_empty,
              test_empty_pages_lead, tear_down);
  g_test_add ("/gui/first-day/empty-partners", PlTestGui, NULL, set_up_empty, test_empty_partners,
              tear_down);
  g_test_add ("/gui/first-day/new-staff-without-partner", PlTestGui, NULL, set_up_empty,
              test_new_staff_without_partner, tear_down);
  g_test_add ("/gui/first-day/first-run", PlTestGui, NULL, set_up_empty, test_first_run, tear_down);
  g_test_add ("/gui/first-day/first-run-skip", PlTestGui, NULL, set_up_empty, test_first_run_skip,
              tear_down);
  g_test_add ("/gui/first-day/employer-chooser", PlTestGui, NULL, set_up_sample,
              test_employer_chooser, tear_down);
  g_test_add ("/gui/first-day/employer-chooser-none", PlTestGui, NULL, set_up_sample,
              test_employer_chooser_none, tear_down);
  g_test_add ("/gui/first-day/staff-picker-typing", PlTestGui, NULL, set_up_sample,
              test_staff_picker_typing, tear_down);
  g_test_add ("/gui/first-day/new-request-dialog", PlTestGui, NULL, set_up_sample,
              test_new_request_dialog, tear_down);

  return g_test_run ();
}
