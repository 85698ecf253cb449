/* pl-application.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-application.h"
#include "pl-connect-dialog.h"
#include "pl-date.h"
#include "pl-keyring.h"
#include "pl-pack-preview.h"
#include "pl-pack-print.h"
#include "pl-reminder-notification.h"
#include "pl-store-access.h"
#include "pl-window.h"

/* Which database opens at start-up: --db, else $PLACEMENTS_DB, else the
 * shared database chosen in the app (the database-uri setting), else the
 * file in the user's data folder. A shared database whose server asks for
 * a password gets the one in the keyring, or asks for it. */
struct _PlApplication
{
  AdwApplication  parent_instance;

  /* The database given with --db, or NULL for pl_store_default_path(). */
  char           *db_path;
  GSettings      *settings;
  /* NULL until activate has opened the store. */
  PlContext      *context;
  /* While the keyring is asked for the password at start-up. */
  gboolean        opening;
  /* Started with --background (at login): remind, then quit. */
  gboolean        background;
  /* The day's reminders have been looked at in this run. */
  gboolean        reminded;
};

G_DEFINE_FINAL_TYPE (PlApplication, pl_application, ADW_TYPE_APPLICATION)

/**
 * pl_application_new:
 * @application_id: the application id, normally APP_ID
 * @flags: the application flags
 *
 * Returns: (transfer full): a new application
 */
PlApplication *
pl_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (PL_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       NULL);
}

/**
 * pl_application_get_context:
 *
 * Returns: (transfer none) (nullable): the context, or NULL until the
 *   store has been opened
 */
PlContext *
pl_application_get_context (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);

  return self->context;
}

/* The file to use when no shared database is: --db's or $PLACEMENTS_DB's
 * when that is one, else the default. */
static char *
get_local_path (PlApplication *self)
{
  g_autofree char *path = NULL;

  if (self->db_path != NULL && !pl_store_path_is_uri (self->db_path))
    return g_strdup (self->db_path);

  path = pl_store_default_path ();
  if (pl_store_path_is_uri (path))
    return g_build_filename (g_get_user_data_dir (), "placements", "placements.db", NULL);
  return g_steal_pointer (&path);
}

/* (transfer full): the database to open at start-up; *@from_setting says
 * whether it is the one chosen in the app. */
static char *
choose_database (PlApplication *self,
                 gboolean      *from_setting)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "database-uri");
  const char *env = g_getenv ("PLACEMENTS_DB");

  *from_setting = FALSE;
  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (env != NULL && *env != '\0')
    return g_strdup (env);
  if (*uri != '\0')
    {
      *from_setting = TRUE;
      return g_steal_pointer (&uri);
    }
  return get_local_path (self);
}

/* A file's folder is made; a server's URI names no folder. */
static PlStore *
open_file (const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return NULL;
    }

  return pl_store_open (path, error);
}

/* Shows @store from now on: its window replaces every window of the
 * store before it (this one's dialogs too). */
static void
show_store (PlApplication *self,
            PlStore       *store)
{
  g_autoptr(GList) old = NULL;
  PlWindow *window;

  /* The new window first, so that the application never runs out of
   * windows; closing the old ones lets them save their state. */
  old = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_clear_object (&self->context);
  self->context = pl_context_new (store, self->settings);
  window = pl_window_new (self, self->context);
  gtk_window_present (GTK_WINDOW (window));

  for (GList *l = old; l != NULL; l = l->next)
    gtk_window_close (l->data);

  /* The morning's reminders come with the first window of the day, not
   * again when the person switches databases. */
  if (!self->reminded)
    {
      GDate today;

      self->reminded = TRUE;
      pl_context_get_today (self->context, &today);
      pl_reminder_notification_send_async (G_APPLICATION (self), store, self->settings,
                                           &today);
    }
}

/* Started at login (--background): the day's reminders, and no window. A
 * shared database that asks for a password is left alone: nobody is
 * there to type it. */
static void
remind_in_background (PlApplication *self)
{
  g_autofree char *name = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GDBusConnection *bus;
  gboolean from_setting;
  GDate today;

  if (!g_settings_get_boolean (self->settings, "remind-at-login"))
    return;

  name = choose_database (self, &from_setting);
  if (pl_store_path_is_uri (name))
    store = pl_store_open_with_password (name, NULL, &error);
  else
    store = pl_store_open_existing (name, &error);
  if (store == NULL)
    {
      g_debug ("No reminders at login: %s", error->message);
      return;
    }

  pl_date_today (&today);
  if (!pl_reminder_notification_send (G_APPLICATION (self), store, self->settings, &today))
    return;

  /* The notification is a message on the bus: it must leave before we do. */
  bus = g_application_get_dbus_connection (G_APPLICATION (self));
  if (bus != NULL && !g_dbus_connection_flush_sync (bus, NULL, &error))
    g_debug ("The reminders may not have reached the desktop: %s", error->message);
}

/**
 * pl_application_switch_store:
 * @store: an open store, chosen by the person
 *
 * Shows @store in place of the current one, and remembers it for the
 * next start in the database-uri setting (empty for a file). The
 * connect dialog has refused any URI with a password in it.
 */
void
pl_application_switch_store (PlApplication *self,
                             PlStore       *store)
{
  g_return_if_fail (PL_IS_APPLICATION (self));
  g_return_if_fail (PL_IS_STORE (store));

  g_settings_set_string (self->settings, "database-uri",
                         pl_store_is_shared (store) ? pl_store_get_path (store) : "");
  show_store (self, store);
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        PlApplication    *self)
{
  if (g_strcmp0 (response, "local") == 0)
    {
      g_action_group_activate_action (G_ACTION_GROUP (self), "use-local-file", NULL);
      return;
    }
  g_application_quit (G_APPLICATION (self));
}

/* Without a store there is nothing to show: say why and leave, rather than
 * open a window that cannot work. The dialog belongs to the application, so
 * that it keeps it running until the person has read it. A shared database
 * chosen in the app may be left for the local file, or no start would ever
 * get past it. */
static void
show_open_error (PlApplication *self,
                 const GError  *error,
                 gboolean       offer_local)
{
  AdwMessageDialog *dialog;

  /* The store's messages already name the file. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Could Not Open the Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));
  if (offer_local)
    {
      adw_message_dialog_add_response (dialog, "local", _("Use a _Local File"));
      adw_message_dialog_set_default_response (dialog, "local");
    }
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The server asks for a password that is not known (or not right): ask
 * the person, in the dialog that also lets them fix the address. */
static void
ask_password (PlApplication *self,
              const char    *uri,
              const GError  *error)
{
  PlConnectDialog *dialog = pl_connect_dialog_new (self, NULL, uri);

  pl_connect_dialog_set_message (dialog, error->message);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PlApplication *self;
  char          *uri;
  gboolean       from_setting;
  GError        *asks;        /* the server's request for a password */
} Opening;

static void
opening_free (Opening *opening)
{
  g_application_release (G_APPLICATION (opening->self));
  opening->self->opening = FALSE;
  g_object_unref (opening->self);
  g_clear_error (&opening->asks);
  g_free (opening->uri);
  g_free (opening);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  Opening *opening = user_data;
  PlApplication *self = opening->self;
  g_autoptr(GError) keyring_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  char *password = pl_keyring_lookup_finish (result, &keyring_error);

  /* Without a keyring (or nothing in it) the person is asked, as when the
   * keyring's password is no longer the server's. */
  if (keyring_error != NULL)
    g_debug ("No password from the keyring: %s", keyring_error->message);

  if (password == NULL)
    error = g_error_copy (opening->asks);
  else
    store = pl_store_open_with_password (opening->uri, password, &error);
  pl_keyring_free_password (password);

  if (store != NULL)
    show_store (self, store);
  else if (g_error_matches (error, PL_ERROR, PL_ERROR_NEEDS_PASSWORD) ||
           (password != NULL && g_error_matches (error, PL_ERROR, PL_ERROR_FAILED)))
    ask_password (self, opening->uri, error);
  else
    show_open_error (self, error, opening->from_setting);

  opening_free (opening);
}

static void
open_database (PlApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autofree char *name = NULL;
  gboolean from_setting;
  Opening *opening;

  name = choose_database (self, &from_setting);

  if (!pl_store_path_is_uri (name))
    {
      if (!(store = open_file (name, &error)))
        show_open_error (self, error, FALSE);
      else
        show_store (self, store);
      return;
    }

  /* A server's data set is never made here: only init makes one. */
  store = pl_store_open_with_password (name, NULL, &error);
  if (store != NULL)
    {
      show_store (self, store);
      return;
    }
  if (!g_error_matches (error, PL_ERROR, PL_ERROR_NEEDS_PASSWORD))
    {
      show_open_error (self, error, from_setting);
      return;
    }

  /* Running on while the keyring answers, with no window yet. */
  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->uri = g_steal_pointer (&name);
  opening->from_setting = from_setting;
  opening->asks = g_steal_pointer (&error);
  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  pl_keyring_lookup (opening->uri, NULL, on_password_looked_up, opening);
}

static void
pl_application_activate (GApplication *app)
{
  PlApplication *self = PL_APPLICATION (app);
  GtkWindow *window;

  if (self->background)
    {
      /* Once only: a later activation (the notification's action) is the
       * person's, and opens the window. */
      self->background = FALSE;
      self->reminded = TRUE;
      remind_in_background (self);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && self->context == NULL)
    {
      if (!self->opening)
        open_database (self);
      return;
    }

  if (window == NULL)
    window = GTK_WINDOW (pl_window_new (self, self->context));

  gtk_window_present (window);
}

static int
pl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PlApplication *self = PL_APPLICATION (app);
  g_autofree char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &db))
    {
      g_free (self->db_path);
      self->db_path = g_steal_pointer (&db);
    }

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;

      /* When the app is running already it has reminded of the day. */
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        return 0;
      self->background = TRUE;
    }

  /* Carry on with the default processing. */
  return -1;
}

static void
pl_application_finalize (GObject *object)
{
  PlApplication *self = (PlApplication *)object;

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (pl_application_parent_class)->finalize (object);
}

static void
pl_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  PlApplication *self = user_data;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* No website or issue tracker: the project has not published one, and a
   * placeholder address would send people nowhere. */
  gtk_window_present (g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                    "transient-for", window,
                                    "application-name", _("Placements"),
                                    "application-icon", APP_ID,
                                    "developer-name", "The Placements authors",
                                    "version", PACKAGE_VERSION,
                                    "comments", _("Plan teacher industry placements across a "
                                                  "network of colleges: employers, staff, "
                                                  "calendars, milestones and impact."),
                                    "copyright", "© 2026 The Placements authors",
                                    "license-type", GTK_LICENSE_GPL_3_0,
                                    "translator-credits", _("translator-credits"),
                                    NULL));
}

static void
pl_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  PlApplication *self = user_data;
  GList *windows;

  /* Close rather than destroy, so that each window saves its state in
   * close-request; the application ends with its last window. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  if (windows == NULL)
    g_application_quit (G_APPLICATION (self));

  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

/* A print of the pack runs on after its action returns (the print dialog
 * and the preview are not modal), so what it needs at the end travels with
 * it. */
typedef struct
{
  GWeakRef window;
} PackPrint;

static void
pack_print_free (gpointer data)
{
  PackPrint *print = data;

  g_weak_ref_clear (&print->window);
  g_free (print);
}

static void
on_open_printed_file (AdwToast *toast)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "pl-uri");
  /* The toast lives in this window's overlay, so the window outlives it. */
  GtkWindow *window = g_object_get_data (G_OBJECT (toast), "pl-window");

  /* GtkFileLauncher is GTK 4.10; 4.8 has gtk_show_uri. */
  gtk_show_uri (window, uri, GDK_CURRENT_TIME);
}

/* Printed to a file: say where, and offer to open it. GTK names its own
 * file printer; a real printer keeps the default file name unused. */
static void
toast_printed_file (PlWindow          *window,
                    GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);
  const char *uri;
  g_autoptr(GFile) file = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (settings == NULL ||
      g_strcmp0 (gtk_print_settings_get_printer (settings), g_dgettext ("gtk40", "Print to File")) != 0 ||
      (uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI)) == NULL)
    return;

  file = g_file_new_for_uri (uri);
  name = g_file_get_basename (file);
  /* Toast titles are markup (libadwaita 1.2 cannot turn that off). */
  escaped = g_markup_escape_text (name, -1);
  /* TRANSLATORS: a toast after printing the pack to a file, "Saved “Keel-Hotel.pdf”" */
  title = g_strdup_printf (_("Saved “%s”"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "pl-window", window);
  g_object_set_data_full (G_OBJECT (toast), "pl-uri", g_strdup (uri), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_printed_file), NULL);
  pl_window_add_toast (window, toast);
}

static void
on_pack_print_done (GtkPrintOperation       *operation,
                    GtkPrintOperationResult  result,
                    PackPrint               *print)
{
  g_autoptr(GtkWindow) window = g_weak_ref_get (&print->window);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (PL_IS_WINDOW (window) && error != NULL)
        pl_window_show_error (PL_WINDOW (window), _("Could not print the employer pack"), error);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY && PL_IS_WINDOW (window))
    toast_printed_file (PL_WINDOW (window), operation);

  /* The reference run_pack_print() took for the print's lifetime. */
  g_object_unref (operation);
}

/* app.print-pack(x) and app.preview-pack(x): the employer toolkit pack of
 * the employer whose id is the target, from any page that shows one. The
 * preview is drawn in a window of the app (pl-pack-preview.c). */
static void
run_pack_print (PlApplication           *self,
                GVariant                *parameter,
                GtkPrintOperationAction  action)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  PlContext *context = PL_IS_WINDOW (window) ? pl_window_get_context (PL_WINDOW (window))
                                             : self->context;
  PackPrint *print;

  if (context == NULL)
    return;

  operation = pl_pack_print_operation_new (pl_context_get_store (context),
                                           g_variant_get_int64 (parameter),
                                           pl_context_get_settings (context), &error);
  if (operation != NULL)
    {
      print = g_new0 (PackPrint, 1);
      g_weak_ref_init (&print->window, window);
      g_object_set_data_full (G_OBJECT (operation), "pl-pack-print", print, pack_print_free);
      pl_pack_preview_attach (operation);
      gtk_print_operation_set_allow_async (operation, TRUE);
      g_signal_connect (operation, "done", G_CALLBACK (on_pack_print_done), print);
      /* Released in on_pack_print_done(). */
      g_object_ref (operation);
      if (gtk_print_operation_run (operation, action, window, &error) ==
          GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
        g_signal_handlers_disconnect_by_func (operation, on_pack_print_done, print);
      else
        return;
      g_object_unref (operation);
    }

  if (PL_IS_WINDOW (window))
    pl_window_show_error (PL_WINDOW (window), _("Could not print the employer pack"), error);
  else
    g_critical ("Could not print the employer pack: %s", error->message);
}

static void
pl_application_print_pack_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  run_pack_print (user_data, parameter, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
pl_application_preview_pack_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  run_pack_print (user_data, parameter, GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

/**
 * pl_application_show_connect_dialog:
 * @parent: (nullable): the window the dialog is for
 *
 * Asks for a shared database to connect to, the last one chosen filled in.
 */
void
pl_application_show_connect_dialog (PlApplication *self,
                                    GtkWindow     *parent)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (PL_IS_APPLICATION (self));

  uri = g_settings_get_string (self->settings, "database-uri");
  gtk_window_present (GTK_WINDOW (pl_connect_dialog_new (self, parent,
                                                         *uri != '\0' ? uri : NULL)));
}

static void
pl_application_connect_database_action (GSimpleAction *action,
                                        GVariant      *parameter,
                                        gpointer       user_data)
{
  PlApplication *self = user_data;

  pl_application_show_connect_dialog (self,
                                      gtk_application_get_active_window (GTK_APPLICATION (self)));
}

static void
pl_application_use_local_file_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  PlApplication *self = user_data;
  g_autofree char *path = get_local_path (self);
  g_autofree char *uri = g_settings_get_string (self->settings, "database-uri");
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!(store = open_file (path, &error)))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (PL_IS_WINDOW (window))
        pl_window_show_error (PL_WINDOW (window), _("Could not open the local file"), error);
      else
        show_open_error (self, error, FALSE);
      return;
    }

  /* The shared database's password is kept no longer than it is used. */
  if (*uri != '\0')
    pl_keyring_forget (uri);
  pl_application_switch_store (self, store);
}

/* The window to show a notification's target in: the one there is, or
 * the one activation opens. NULL while a shared database's password is
 * asked for. */
static GtkWidget *
get_window_for_action (PlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      g_application_activate (G_APPLICATION (self));
      window = gtk_application_get_active_window (GTK_APPLICATION (self));
    }
  if (!PL_IS_WINDOW (window))
    return NULL;

  gtk_window_present (window);
  return GTK_WIDGET (window);
}

static void
pl_application_open_overview_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  GtkWidget *window = get_window_for_action (user_data);

  if (window != NULL)
    gtk_widget_activate_action (window, "win.show-page", "s", "overview");
}

static void
pl_application_open_placement_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  GtkWidget *window = get_window_for_action (user_data);

  if (window != NULL)
    gtk_widget_activate_action_variant (window, "win.open-placement", parameter);
}

static void
pl_application_open_employer_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  GtkWidget *window = get_window_for_action (user_data);

  if (window != NULL)
    gtk_widget_activate_action_variant (window, "win.open-employer", parameter);
}

static const GActionEntry app_actions[] = {
  { "open-overview", pl_application_open_overview_action },
  { "open-placement", pl_application_open_placement_action, "x" },
  { "open-employer", pl_application_open_employer_action, "x" },
  { "connect-database", pl_application_connect_database_action },
  { "use-local-file", pl_application_use_local_file_action },
  { "quit", pl_application_quit_action },
  { "about", pl_application_about_action },
  { "print-pack", pl_application_print_pack_action, "x" },
  { "preview-pack", pl_application_preview_pack_action, "x" },
};

static void
pl_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<primary>q", NULL } },
    { "win.show-help-overlay", { "<primary>question", NULL } },
  };
  PlApplication *self = PL_APPLICATION (app);

  G_APPLICATION_CLASS (pl_application_parent_class)->startup (app);

  self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action,
                                           accels[i].accels);

  gtk_window_set_default_icon_name (APP_ID);
}

static void
pl_application_class_init (PlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pl_application_finalize;

  app_class->activate = pl_application_activate;
  app_class->startup = pl_application_startup;
  app_class->handle_local_options = pl_application_handle_local_options;
}

static void
pl_application_init (PlApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default one"), N_("PATH") },
    { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Send the day’s reminders and quit, as at login"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
