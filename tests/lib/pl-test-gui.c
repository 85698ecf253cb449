/* pl-test-gui.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pl-plan-page.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"

PlApplication *
pl_test_gui_get_application (void)
{
  static PlApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = pl_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return app;
}

void
pl_test_gui_set_up (PlTestGui *gui,
                    gboolean   sample)
{
  pl_test_gui_set_up_on (gui, NULL, sample);
}

/**
 * pl_test_gui_set_up_on:
 * @db: (nullable): the database (a server's URI), or %NULL for a new file
 *   in the fixture's folder
 */
void
pl_test_gui_set_up_on (PlTestGui  *gui,
                       const char *db,
                       gboolean    sample)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;

  pl_test_gui_get_application ();

  gui->dir = g_dir_make_tmp ("placements-gui-XXXXXX", &error);
  g_assert_no_error (error);
  gui->db_path = db != NULL ? g_strdup (db) : g_build_filename (gui->dir, "placements.db", NULL);

  gui->store = pl_store_open (gui->db_path, &error);
  g_assert_no_error (error);

  if (sample)
    pl_test_load_sample (gui->store);

  /* A backend of its own, so that no test sees another's settings. */
  backend = g_memory_settings_backend_new ();
  gui->settings = g_settings_new_with_backend (APP_ID, backend);
  gui->context = pl_context_new (gui->store, gui->settings);
}

void
pl_test_gui_tear_down (PlTestGui *gui)
{
  g_clear_object (&gui->context);
  g_clear_object (&gui->settings);
  /* A background job holds the store until it has finished; nothing else
   * may outlive the windows and hold on to it. */
  PL_TEST_WAIT_FOR (G_OBJECT (gui->store)->ref_count == 1);
  g_assert_finalize_object (gui->store);
  gui->store = NULL;
  pl_test_remove_folder (gui->dir);

  g_clear_pointer (&gui->db_path, g_free);
  g_clear_pointer (&gui->dir, g_free);
}

static gboolean
on_wake (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

guint
pl_test_wake_after (guint     seconds,
                    gboolean *timed_out)
{
  return g_timeout_add_seconds (seconds, on_wake, timed_out);
}

void
pl_test_wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, on_wake, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

PlWindow *
pl_test_gui_open_window (PlTestGui *gui)
{
  PlWindow *window = pl_window_new (pl_test_gui_get_application (), gui->context);

  gtk_window_present (GTK_WINDOW (window));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

void
pl_test_destroy_window (GtkWindow *window)
{
  GtkWidget *weak = GTK_WIDGET (window);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (window);
  PL_TEST_WAIT_FOR (weak == NULL);
}

void
pl_test_destroy_toplevels (void)
{
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);
}

void
pl_test_gui_close_window (PlWindow *window)
{
  GtkWidget *plan = pl_test_find_descendant (GTK_WIDGET (window), PL_TYPE_PLAN_PAGE);

  /* The Plan page checks the calendars in the background, on the store
   * the test closes next. */
  PL_TEST_WAIT_FOR (plan == NULL || !pl_plan_page_is_busy (PL_PLAN_PAGE (plan)));
  pl_test_destroy_window (GTK_WINDOW (window));
}

GtkWidget *
pl_test_gui_show_page (PlWindow   *window,
                       const char *name,
                       GType       type)
{
  GtkWidget *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", name));
  g_assert_cmpstr (pl_window_get_visible_page (window), ==, name);
  page = pl_test_find_descendant (GTK_WIDGET (window), type);
  g_assert_nonnull (page);
  return page;
}

GtkWindow *
pl_test_find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;
  return NULL;
}

AdwMessageDialog *
pl_test_find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

GtkWidget *
pl_test_find_descendant (GtkWidget *widget,
                         GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_button (GtkWidget  *widget,
                     const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
pl_test_find_row (GtkWidget  *widget,
                  const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = pl_test_find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}
