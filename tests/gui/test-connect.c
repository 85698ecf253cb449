/* test-connect.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-connect-dialog.h"
#include "pl-employers-page.h"
#include "pl-list-page.h"
#include "pl-preferences-window.h"
#include "pl-store-access.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-pg.h"

/* A coordinator whose app is set to a shared database on a server that
 * asks for a password: asked for it at start-up, refused with the
 * server's reason when it is wrong (and nothing changes), shown that
 * database's records when it is right; the Preferences say where the data
 * lives and lead back to a file. There is no keyring (the session bus is
 * made unreachable), so the dialog says the password could not be
 * remembered, and connecting works all the same. */

#define PASSWORD       "correct-horse-7"
#define WRONG_PASSWORD "battery-staple-9"
#define EMPLOYER       "Saltmarsh Table"

static PlTestPg *server;
static char *uri;

static PlConnectDialog *
find_connect_dialog (void)
{
  return (PlConnectDialog *) pl_test_find_window (PL_TYPE_CONNECT_DIALOG);
}

static PlWindow *
find_main_window (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (pl_test_gui_get_application ()));
       l != NULL; l = l->next)
    if (PL_IS_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static char *
get_setting (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  return g_settings_get_string (settings, "database-uri");
}

/* Types @password and presses Connect, then waits for the server's answer. */
static void
try_password (PlConnectDialog *dialog,
              const char      *password)
{
  GtkWidget *row = pl_test_find_row (GTK_WIDGET (dialog), "Password");

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));
  g_assert_true (pl_connect_dialog_get_busy (dialog));
  PL_TEST_WAIT_FOR (!pl_connect_dialog_get_busy (dialog));
}

/* A wrong password is the server's refusal, in the dialog, without the
 * password; nothing else changes. */
static void
assert_refused (PlConnectDialog *dialog,
                PlContext       *context_before,
                const char      *setting_before)
{
  const char *message;
  g_autofree char *setting = NULL;

  try_password (dialog, WRONG_PASSWORD);
  message = pl_connect_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "password authentication failed"));
  g_assert_null (strstr (message, WRONG_PASSWORD));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (pl_application_get_context (pl_test_gui_get_application ()) == context_before);
  setting = get_setting ();
  g_assert_cmpstr (setting, ==, setting_before);
}

static void
assert_shows_shared_records (PlWindow *window)
{
  PlContext *context = pl_application_get_context (pl_test_gui_get_application ());
  PlListPage *page;
  g_autoptr(PlRecord) first = NULL;

  g_assert_nonnull (context);
  g_assert_true (pl_store_is_shared (pl_context_get_store (context)));
  g_assert_cmpstr (pl_store_get_path (pl_context_get_store (context)), ==, uri);

  page = PL_LIST_PAGE (pl_test_gui_show_page (window, "employers", PL_TYPE_EMPLOYERS_PAGE));
  PL_TEST_WAIT_FOR (g_list_model_get_n_items (pl_list_page_get_model (page)) == 1);
  first = g_list_model_get_item (pl_list_page_get_model (page), 0);
  g_assert_cmpstr (pl_record_get_string (first, "name"), ==, EMPLOYER);
}

static void
test_start_up_asks_password (void)
{
  PlApplication *app = pl_test_gui_get_application ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  PlConnectDialog *dialog;
  PlWindow *window;
  const char *message;

  g_settings_set_string (settings, "database-uri", uri);
  g_application_activate (G_APPLICATION (app));

  /* Asked, not failed: the dialog names the login and keeps the address. */
  PL_TEST_WAIT_FOR ((dialog = find_connect_dialog ()) != NULL);
  message = pl_connect_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "password"));
  g_assert_nonnull (strstr (message, "ana"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pl_test_find_row (GTK_WIDGET (dialog),
                                                                          "Address"))),
                   ==, uri);
  g_assert_null (pl_application_get_context (app));
  g_assert_null (find_main_window ());
  /* A URI is no path: no folder named after it was made. */
  g_assert_false (g_file_test ("postgresql:", G_FILE_TEST_EXISTS));

  assert_refused (dialog, NULL, uri);
  g_assert_null (find_main_window ());

  /* The right one connects; the keyring cannot be reached, which the
   * dialog says before going on. */
  try_password (dialog, PASSWORD);
  message = pl_connect_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "could not be remembered"));
  g_assert_null (strstr (message, PASSWORD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "connect.connect", NULL));

  PL_TEST_WAIT_FOR ((window = find_main_window ()) != NULL);
  PL_TEST_WAIT_FOR (find_connect_dialog () == NULL);
  assert_shows_shared_records (window);
  {
    g_autofree char *setting = get_setting ();
    g_assert_cmpstr (setting, ==, uri);
  }
}

/* Preferences say where the data lives; connecting again with a wrong
 * password changes nothing; "Use a Local File Instead" goes back to the
 * file and forgets the shared database. */
static void
test_preferences (void)
{
  PlApplication *app = pl_test_gui_get_application ();
  PlContext *context = pl_application_get_context (app);
  PlWindow *window = find_main_window ();
  PlPreferencesWindow *prefs;
  PlConnectDialog *dialog;
  g_autofree char *title = NULL;
  g_autofree char *user = NULL;
  g_autofree char *database = NULL;
  GtkWidget *local_row;

  g_assert_nonnull (window);
  g_assert_nonnull (context);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  PL_TEST_WAIT_FOR ((prefs = (PlPreferencesWindow *) pl_test_find_window (PL_TYPE_PREFERENCES_WINDOW))
                    != NULL);
  g_assert_true (pl_store_get_login (pl_context_get_store (context), &user, &database));
  title = g_strdup_printf ("Shared database ana on %s", database);
  g_assert_nonnull (pl_test_find_row (GTK_WIDGET (prefs), title));
  local_row = pl_test_find_row (GTK_WIDGET (prefs), "Use a _Local File Instead");
  g_assert_nonnull (local_row);
  g_assert_true (gtk_widget_get_visible (local_row));

  /* Connect… from the Preferences, with the address filled in. */
  g_assert_true (gtk_widget_activate (pl_test_find_row (GTK_WIDGET (prefs),
                                                        "_Connect to a Shared Database…")));
  PL_TEST_WAIT_FOR ((dialog = find_connect_dialog ()) != NULL);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (prefs));
  assert_refused (dialog, context, uri);
  gtk_window_close (GTK_WINDOW (dialog));
  PL_TEST_WAIT_FOR (find_connect_dialog () == NULL);
  g_assert_true (pl_application_get_context (app) == context);
  g_assert_true (find_main_window () == window);

  /* Back to a file: a new window over it, the setting emptied. */
  g_assert_true (gtk_widget_activate (local_row));
  PL_TEST_WAIT_FOR (pl_application_get_context (app) != context);
  context = pl_application_get_context (app);
  g_assert_false (pl_store_is_shared (pl_context_get_store (context)));
  g_assert_true (g_str_has_prefix (pl_store_get_path (pl_context_get_store (context)),
                                   g_get_user_data_dir ()));
  PL_TEST_WAIT_FOR (pl_test_find_window (PL_TYPE_PREFERENCES_WINDOW) == NULL);
  PL_TEST_WAIT_FOR (find_main_window () != NULL && find_main_window () != window);
  {
    g_autofree char *setting = get_setting ();
    g_assert_cmpstr (setting, ==, "");
  }

  /* The local file's Preferences offer no way back to a file. */
  window = find_main_window ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.preferences", NULL));
  PL_TEST_WAIT_FOR ((prefs = (PlPreferencesWindow *) pl_test_find_window (PL_TYPE_PREFERENCES_WINDOW))
                    != NULL);
  g_assert_nonnull (pl_test_find_row (GTK_WIDGET (prefs), "A File on This Computer"));
  g_assert_false (gtk_widget_get_visible (pl_test_find_row (GTK_WIDGET (prefs),
                                                            "Use a _Local File Instead")));
  pl_test_destroy_toplevels ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  g_autofree char *home = NULL;
  g_autoptr(GError) home_error = NULL;
  int status;

  /* No keyring: a session bus that cannot be reached (libsecret fails at
   * once, as it does on a desktop without a Secret Service). The local
   * file goes to a folder of the test's own. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/placements-test-bus", TRUE);
  g_unsetenv ("PLACEMENTS_DB");
  home = g_dir_make_tmp ("placements-connect-XXXXXX", &home_error);
  if (home == NULL)
    g_error ("cannot make a data folder for the test: %s", home_error->message);
  g_setenv ("XDG_DATA_HOME", home, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  server = pl_test_pg_start (&why);
  if (server == NULL)
    {
      g_test_add_data_func ("/connect/server", why, (GTestDataFunc) g_test_skip);
      status = g_test_run ();
      pl_test_remove_folder (home);
      return status;
    }

  /* Made while "ana" still needs no password. */
  uri = pl_test_pg_new_database (server, "ana");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PlStore) store = pl_store_open (uri, &error);

    g_assert_no_error (error);
    pl_test_employer (store, EMPLOYER, "warm");
  }
  pl_test_pg_create_password_login (server, "ana", PASSWORD);

  /* In order: the second works on the window the first opened. */
  g_test_add_func ("/connect/start-up-asks-password", test_start_up_asks_password);
  g_test_add_func ("/connect/preferences", test_preferences);

  status = g_test_run ();
  pl_test_destroy_toplevels ();
  pl_test_pg_stop (server);
  pl_test_remove_folder (home);
  g_free (uri);
  return status;
}
