/* test-change-history.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-history-dialog.h"
#include "pl-list-page.h"
#include "pl-placement-editor.h"
#include "pl-placements-page.h"
#include "pl-staff-page.h"
#include "pl-store-access.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-pg.h"

/* A record's Change History in the app, on a shared data set of a
 * PostgreSQL server the test starts itself: the window is the lead's (the
 * owner's), a partner's coordinator edits through a store of its own, and
 * the dialog says who changed which field from what to what, and follows
 * later changes (the store's ::changed) while it is open. On a file there is no such history and
 * no way to ask for it. */

static PlTestPg *server;

typedef struct
{
  PlTestGui  gui;
  char      *coord_uri;  /* the data set as "coord_a" connects to it */
  char      *partner;    /* the partner coord_a coordinates */
  gint64     staff;      /* one of that partner's staff */
  gint64     placement;  /* one of that partner's placements */
} Fixture;

static char *
uri_as (const char *uri,
        const char *role)
{
  const char *at = strchr (uri, '@');

  g_assert_nonnull (at);
  return g_strdup_printf ("postgresql://%s%s", role, at);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = pl_test_pg_new_database (server, "lead");
  g_autoptr(GListModel) placements = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlRecord) staff = NULL;

  pl_test_gui_set_up_on (&f->gui, uri, TRUE);
  g_assert_true (pl_store_is_shared (f->gui.store));

  /* The first placement of the sample, and its staff member's partner. */
  placements = pl_store_list (f->gui.store, PL_TYPE_PLACEMENT);
  g_assert_cmpuint (g_list_model_get_n_items (placements), >, 0);
  placement = g_list_model_get_item (placements, 0);
  f->placement = pl_record_get_id (placement);
  f->staff = pl_record_get_int (placement, "staff_id");
  staff = pl_store_get (f->gui.store, PL_TYPE_STAFF, f->staff, &error);
  g_assert_no_error (error);
  f->partner = g_strdup (pl_record_get_string (staff, "partner_name"));

  pl_test_pg_create_login (server, "coord_a");
  g_assert_true (pl_store_grant (f->gui.store, "coord_a", f->partner, &error));
  g_assert_no_error (error);
  f->coord_uri = uri_as (uri, "coord_a");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_destroy_toplevels ();
  pl_test_gui_tear_down (&f->gui);
  g_free (f->coord_uri);
  g_free (f->partner);
}

/* What a partner's coordinator does in another app: one update of
 * @column of the record of @type @id to @value, as coord_a. */
static void
edit_as_coordinator (Fixture    *f,
                     GType       type,
                     gint64      id,
                     const char *column,
                     const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open_existing (f->coord_uri, &error);
  g_autoptr(PlRecord) record = NULL;

  g_assert_no_error (error);
  record = pl_store_get (store, type, id, &error);
  g_assert_no_error (error);
  pl_record_set_string (record, column, value);
  g_assert_true (pl_store_update (store, record, &error));
  g_assert_no_error (error);
}

static gboolean
newest_row_has (PlHistoryDialog *dialog,
                const char      *first,
                const char      *second)
{
  g_auto(GStrv) rows = pl_history_dialog_dup_rows (dialog);

  return rows[0] != NULL && strstr (rows[0], first) != NULL &&
         (second == NULL || strstr (rows[0], second) != NULL);
}

static gboolean
any_row_has (PlHistoryDialog *dialog,
             const char      *text)
{
  g_auto(GStrv) rows = pl_history_dialog_dup_rows (dialog);

  for (guint i = 0; rows[i] != NULL; i++)
    if (strstr (rows[i], text) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a label that the dialog shows on screen holds @text: the list
 * is a real view, not only a model. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_staff_history (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PlRecord) before = pl_store_get (f->gui.store, PL_TYPE_STAFF, f->staff, NULL);
  g_autofree char *old_name = g_strdup (pl_record_get_string (before, "name"));
  g_autofree char *change = g_strdup_printf ("Name: %s → Dr %s", old_name, old_name);
  g_autofree char *new_name = g_strdup_printf ("Dr %s", old_name);
  PlWindow *window;
  GtkWidget *page;
  PlHistoryDialog *dialog;

  edit_as_coordinator (f, PL_TYPE_STAFF, f->staff, "name", new_name);

  window = pl_test_gui_open_window (&f->gui);
  page = pl_test_gui_show_page (window, "staff", PL_TYPE_STAFF_PAGE);
  g_assert_true (pl_list_page_select (PL_LIST_PAGE (page), f->staff));
  g_assert_true (gtk_widget_activate_action (page, "page.history", NULL));
  PL_TEST_WAIT_FOR ((dialog = PL_HISTORY_DIALOG (pl_test_find_window (PL_TYPE_HISTORY_DIALOG)))
                    != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* Newest first: coord_a's rename, under the column's label. */
  g_assert_true (newest_row_has (dialog, change, " · coord_a"));
  PL_TEST_WAIT_FOR (shows_label (GTK_WIDGET (dialog), change));
  g_assert_true (shows_label (GTK_WIDGET (dialog), " · coord_a"));
  /* The sample was made by the owner. */
  g_assert_true (any_row_has (dialog, "Created\n"));
  g_assert_true (any_row_has (dialog, " · lead"));

  /* A change in this window shows while the dialog is open, an empty
   * value said as such. */
  {
    g_autoptr(PlRecord) staff = pl_store_get (f->gui.store, PL_TYPE_STAFF, f->staff, NULL);
    g_autoptr(GError) error = NULL;

    pl_record_set_string (staff, "job_title", NULL);
    pl_record_set_string (staff, "phone", "01482 000000");
    g_assert_true (pl_store_update (f->gui.store, staff, &error));
    g_assert_no_error (error);
  }
  PL_TEST_WAIT_FOR (newest_row_has (dialog, "Phone: ", " · lead"));
  g_assert_true (newest_row_has (dialog, " → 01482 000000", NULL));
  g_assert_true (newest_row_has (dialog, " → (empty)\n", NULL));

  /* So does one by another coordinator, told through the server. */
  edit_as_coordinator (f, PL_TYPE_STAFF, f->staff, "curriculum_area", "Bakery");
  PL_TEST_WAIT_FOR (newest_row_has (dialog, " → Bakery", " · coord_a"));

  pl_test_destroy_window (GTK_WINDOW (dialog));
  pl_test_gui_close_window (window);
}

static void
test_placement_history (Fixture       *f,
                        gconstpointer  data)
{
  static const char * const days[] = { "2027-05-11", "2027-05-12", NULL };
  g_autoptr(GError) error = NULL;
  PlWindow *window;
  PlPlacementsPage *page;
  PlPlacementEditor *editor;
  GtkWidget *button;
  PlHistoryDialog *dialog;

  edit_as_coordinator (f, PL_TYPE_PLACEMENT, f->placement, "goals", "Learn the pastry section");
  {
    g_autoptr(PlStore) store = pl_store_open_existing (f->coord_uri, &error);

    g_assert_no_error (error);
    g_assert_true (pl_store_set_days (store, f->placement, days, &error));
    g_assert_no_error (error);
  }

  window = pl_test_gui_open_window (&f->gui);
  page = PL_PLACEMENTS_PAGE (pl_test_gui_show_page (window, "placements",
                                                    PL_TYPE_PLACEMENTS_PAGE));
  editor = pl_placements_page_get_editor (page);
  pl_placement_editor_set_placement (editor, f->placement);

  button = pl_test_find_button (GTK_WIDGET (editor), "All _Changes…");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-changes", NULL));
  PL_TEST_WAIT_FOR ((dialog = PL_HISTORY_DIALOG (pl_test_find_window (PL_TYPE_HISTORY_DIALOG)))
                    != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog)));

  /* The placement's own fields and its days, each with who. */
  g_assert_true (newest_row_has (dialog, "Day added: 11 May 2027\nDay added: 12 May 2027",
                                 " · coord_a"));
  g_assert_true (any_row_has (dialog, "Own goals: "));
  g_assert_true (any_row_has (dialog, " → Learn the pastry section\n"));

  /* A milestone marked done here follows. */
  {
    g_autoptr(GListModel) milestones = pl_store_list_where (f->gui.store, PL_TYPE_MILESTONE,
                                                            "placement_id", f->placement);
    g_autoptr(PlRecord) milestone = NULL;
    g_autofree char *label = NULL;
    g_autofree char *expected = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (milestones), >, 0);
    milestone = g_list_model_get_item (milestones, 0);
    label = g_strdup (pl_record_get_string (milestone, "label"));
    pl_record_set_string (milestone, "done", "2027-05-20");
    g_assert_true (pl_store_update (f->gui.store, milestone, &error));
    g_assert_no_error (error);
    expected = g_strdup_printf ("Milestone “%s”: Done: ", label);
    PL_TEST_WAIT_FOR (newest_row_has (dialog, expected, " · lead"));
    g_assert_true (newest_row_has (dialog, " → 20 May 2027", NULL));
  }

  pl_test_destroy_window (GTK_WINDOW (dialog));
  pl_test_gui_close_window (window);
}

/* On a file: nothing offers a history that it does not keep. */
static void
test_file_has_no_history (void)
{
  PlTestGui gui = { 0 };
  PlWindow *window;
  GtkWidget *page;
  PlPlacementsPage *placements;
  PlPlacementEditor *editor;
  GtkWidget *button;
  gint64 id;

  pl_test_gui_set_up (&gui, TRUE);
  {
    g_autoptr(GListModel) list = pl_store_list (gui.store, PL_TYPE_PLACEMENT);
    g_autoptr(PlRecord) placement = g_list_model_get_item (list, 0);

    id = pl_record_get_id (placement);
  }
  window = pl_test_gui_open_window (&gui);

  page = pl_test_gui_show_page (window, "staff", PL_TYPE_STAFF_PAGE);
  g_assert_false (gtk_widget_activate_action (page, "page.history", NULL));
  g_assert_null (pl_test_find_window (PL_TYPE_HISTORY_DIALOG));

  placements = PL_PLACEMENTS_PAGE (pl_test_gui_show_page (window, "placements",
                                                          PL_TYPE_PLACEMENTS_PAGE));
  editor = pl_placements_page_get_editor (placements);
  pl_placement_editor_set_placement (editor, id);
  button = pl_test_find_button (GTK_WIDGET (editor), "All _Changes…");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));

  pl_test_gui_close_window (window);
  pl_test_gui_tear_down (&gui);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/file-has-none", test_file_has_no_history);

  server = pl_test_pg_start (&why);
  if (server == NULL)
    {
      g_test_add_data_func ("/history/server", why, (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }

  g_test_add ("/history/staff", Fixture, NULL, fixture_set_up, test_staff_history,
              fixture_tear_down);
  g_test_add ("/history/placement", Fixture, NULL, fixture_set_up, test_placement_history,
              fixture_tear_down);

  status = g_test_run ();
  pl_test_pg_stop (server);
  return status;
}
