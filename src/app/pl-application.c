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
#include "pl-pack-print.h"
#include "pl-window.h"

struct _PlApplication
{
  AdwApplication  parent_instance;

  /* The database given with --db, or NULL for pl_store_default_path(). */
  char           *db_path;
  /* NULL until activate has opened the store. */
  PlContext      *context;
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

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        PlApplication    *self)
{
  g_application_quit (G_APPLICATION (self));
}

/* Without a store there is nothing to show: say why and leave, rather than
 * open a window that cannot work. The dialog belongs to the application, so
 * that it keeps it running until the person has read it. */
static void
show_open_error (PlApplication *self,
                 const GError  *error)
{
  AdwMessageDialog *dialog;

  /* The store's messages already name the file. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL,
                                                       _("Could Not Open the Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Quit"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (on_open_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_context (PlApplication  *self,
              GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GSettings) settings = NULL;

  path = self->db_path != NULL ? g_strdup (self->db_path) : pl_store_default_path ();

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errsv));
      return FALSE;
    }

  if (!(store = pl_store_open (path, error)))
    return FALSE;

  settings = g_settings_new (APP_ID);
  self->context = pl_context_new (store, settings);

  return TRUE;
}

static void
pl_application_activate (GApplication *app)
{
  PlApplication *self = PL_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL && self->context == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!open_context (self, &error))
        {
          show_open_error (self, error);
          return;
        }
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

  /* Carry on with the default processing. */
  return -1;
}

static void
pl_application_finalize (GObject *object)
{
  PlApplication *self = (PlApplication *)object;

  g_clear_object (&self->context);
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

  gtk_window_present (g_object_new (ADW_TYPE_ABOUT_WINDOW,
                                    "transient-for", window,
                                    "application-name", _("Placements"),
                                    "application-icon", APP_ID,
                                    "developer-name", "The Placements authors",
                                    "version", PACKAGE_VERSION,
                                    "website", "https://example.org/placements",
                                    "issue-url", "https://example.org/placements/issues",
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

/* app.print-pack(x) and app.preview-pack(x): the employer toolkit pack of
 * the employer whose id is the target, from any page that shows one. */
static void
run_pack_print (PlApplication           *self,
                GVariant                *parameter,
                GtkPrintOperationAction  action)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (self->context == NULL)
    return;

  if (!pl_pack_print_with_settings (window, pl_context_get_store (self->context),
                                    g_variant_get_int64 (parameter),
                                    pl_context_get_settings (self->context), action, &error))
    {
      if (PL_IS_WINDOW (window))
        pl_window_show_error (PL_WINDOW (window), _("Could not print the employer pack"), error);
      else
        g_critical ("Could not print the employer pack: %s", error->message);
    }
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

static const GActionEntry app_actions[] = {
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
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}
