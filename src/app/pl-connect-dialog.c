/* pl-connect-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-connect-dialog"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "pl-connect-dialog.h"
#include "pl-keyring.h"
#include "pl-store-access.h"

/* Connecting to a shared database: its address and its password, tried on
 * the server off the main thread. The server's refusal is shown here, and
 * nothing changes until a connection is made: only then is the address
 * kept (by the application, in GSettings), the password in the keyring
 * when asked, and the app moved to the new store. */
struct _PlConnectDialog
{
  AdwWindow       parent_instance;

  PlApplication  *application;
  GCancellable   *cancellable;
  /* Once connected, while the dialog says the keyring failed. */
  PlStore        *store;
  gboolean        busy;

  /* Template widgets */
  GtkWidget      *cancel_button;
  GtkWidget      *connect_button;
  GtkSpinner     *spinner;
  AdwEntryRow    *uri_row;
  GtkWidget      *password_row;
  GtkSwitch      *remember_switch;
  GtkLabel       *message_label;
};

G_DEFINE_FINAL_TYPE (PlConnectDialog, pl_connect_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  char *uri;
  char *password;   /* NULL for none */
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_free (attempt->uri);
  pl_keyring_free_password (attempt->password);
  g_free (attempt);
}

static const char *
get_uri (PlConnectDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->uri_row));
}

static void
update_actions (PlConnectDialog *self)
{
  g_autofree char *uri = g_strstrip (g_strdup (get_uri (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.connect",
                                 !self->busy && (self->store != NULL || *uri != '\0'));
}

static void
show_message (PlConnectDialog *self,
              const char      *message,
              gboolean         is_error)
{
  gtk_label_set_text (self->message_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

static void
set_busy (PlConnectDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not editable rather than insensitive: the entry keeps the focus. */
  gtk_editable_set_editable (GTK_EDITABLE (self->uri_row), !busy && self->store == NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->password_row), !busy && self->store == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remember_switch), !busy && self->store == NULL);
  update_actions (self);
}

/* Where a password was typed into the address, which GSettings keeps for
 * anyone to read: the user part's or a password= parameter. */
static gboolean
uri_has_password (const char *uri)
{
  g_autofree char *password = NULL;
  const char *query = strchr (uri, '?');

  if (g_uri_split_with_user (uri, G_URI_FLAGS_HAS_PASSWORD, NULL, NULL, &password, NULL,
                             NULL, NULL, NULL, NULL, NULL, NULL) && password != NULL)
    return TRUE;
  return query != NULL && (strstr (query, "?password=") != NULL ||
                           strstr (query, "&password=") != NULL);
}

/* The switch, once the connection is made (and the keyring has answered). */
static void
finish (PlConnectDialog *self)
{
  g_autoptr(PlStore) store = g_steal_pointer (&self->store);

  /* The application closes every window of the old store, this one too. */
  pl_application_switch_store (self->application, store);
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PlConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (pl_keyring_store_finish (result, &error))
    {
      finish (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Connected all the same: say so, and go on when the person has read it. */
  set_busy (self, FALSE);
  message = g_strdup_printf (_("Connected. The password could not be remembered, so Placements "
                               "will ask for it at the next start (the keyring says: %s)."),
                             error->message);
  show_message (self, message, FALSE);
  gtk_button_set_label (GTK_BUTTON (self->connect_button), _("C_ontinue"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_grab_focus (self->connect_button);
}

static void
on_connected (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlConnectDialog *self = PL_CONNECT_DIALOG (source);
  Attempt *attempt = g_task_get_task_data (G_TASK (result));
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  if (store == NULL)
    {
      set_busy (self, FALSE);
      if (g_error_matches (error, PL_ERROR, PL_ERROR_NEEDS_PASSWORD))
        {
          g_autofree char *message =
            g_strdup_printf (_("%s Type it above, then connect again."), error->message);

          show_message (self, message, TRUE);
          gtk_widget_grab_focus (self->password_row);
        }
      else
        show_message (self, error->message, TRUE);
      return;
    }

  self->store = g_steal_pointer (&store);

  if (attempt->password == NULL || !gtk_switch_get_active (self->remember_switch))
    {
      /* Not to be remembered: nor an older one kept. */
      pl_keyring_forget (attempt->uri);
      finish (self);
      return;
    }

  {
    g_autofree char *user = NULL;
    g_autofree char *database = NULL;

    pl_store_get_login (self->store, &user, &database);
    show_message (self, _("Connected. Remembering the password…"), FALSE);
    pl_keyring_store (attempt->uri, user, attempt->password, self->cancellable,
                      on_password_stored, g_object_ref (self));
  }
}

static void
connect_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Attempt *attempt = task_data;
  GError *error = NULL;
  PlStore *store = pl_store_open_with_password (attempt->uri, attempt->password, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlConnectDialog *self = PL_CONNECT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Attempt *attempt;
  const char *password;

  if (self->store != NULL)
    {
      finish (self);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->uri = g_strstrip (g_strdup (get_uri (self)));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  attempt->password = *password != '\0' ? g_strdup (password) : NULL;

  if (!pl_store_path_is_uri (attempt->uri))
    {
      show_message (self, _("The address of a shared database begins with postgresql://, "
                            "for example postgresql://ana@dbhost/placements."), TRUE);
      attempt_free (attempt);
      return;
    }
  if (uri_has_password (attempt->uri))
    {
      show_message (self, _("Type the password in its own field, not in the address: the "
                            "address is kept in this computer’s settings."), TRUE);
      attempt_free (attempt);
      return;
    }

  set_busy (self, TRUE);
  show_message (self, NULL, FALSE);

  task = g_task_new (self, self->cancellable, on_connected, NULL);
  g_task_set_source_tag (task, connect_action);
  g_task_set_task_data (task, attempt, (GDestroyNotify) attempt_free);
  g_task_run_in_thread (task, connect_thread);
}

static void
on_entry_changed (PlConnectDialog *self)
{
  update_actions (self);
}

static gboolean
pl_connect_dialog_close_request (GtkWindow *window)
{
  PlConnectDialog *self = PL_CONNECT_DIALOG (window);

  /* Connected, with only the keyring's failure left to read: closing goes
   * on as Continue does. */
  if (self->store != NULL && !self->busy)
    {
      finish (self);
      return TRUE;
    }

  /* A connection still being tried is let go; libpq's cannot be stopped
   * halfway, but its result is dropped. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (pl_connect_dialog_parent_class)->close_request (window);
}

static void
pl_connect_dialog_dispose (GObject *object)
{
  PlConnectDialog *self = (PlConnectDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (pl_connect_dialog_parent_class)->dispose (object);
}

static void
pl_connect_dialog_finalize (GObject *object)
{
  PlConnectDialog *self = (PlConnectDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->application);

  G_OBJECT_CLASS (pl_connect_dialog_parent_class)->finalize (object);
}

static void
pl_connect_dialog_class_init (PlConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_connect_dialog_dispose;
  object_class->finalize = pl_connect_dialog_finalize;
  window_class->close_request = pl_connect_dialog_close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/placements/Placements/pl-connect-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, uri_row);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, PlConnectDialog, message_label);

  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);

  gtk_widget_class_install_action (widget_class, "connect.connect", NULL, connect_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_connect_dialog_init (PlConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
}

/**
 * pl_connect_dialog_new:
 * @application: the application, which the dialog keeps running
 * @parent: (nullable): the window it is for, or %NULL at start-up
 * @uri: (nullable): the address to show at first
 *
 * Returns: (transfer full): a new dialog
 */
PlConnectDialog *
pl_connect_dialog_new (PlApplication *application,
                       GtkWindow     *parent,
                       const char    *uri)
{
  PlConnectDialog *self;

  g_return_val_if_fail (PL_IS_APPLICATION (application), NULL);

  self = g_object_new (PL_TYPE_CONNECT_DIALOG,
                       "application", application,
                       "transient-for", parent,
                       NULL);
  self->application = g_object_ref (application);
  if (uri != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->uri_row), uri);
      gtk_widget_grab_focus (self->password_row);
    }
  return self;
}

void
pl_connect_dialog_set_message (PlConnectDialog *self,
                               const char      *message)
{
  g_return_if_fail (PL_IS_CONNECT_DIALOG (self));

  show_message (self, message, FALSE);
}

/**
 * pl_connect_dialog_get_message:
 *
 * Returns: (nullable): what the dialog says under the fields: the server's
 *   refusal, or how the keyring answered
 */
const char *
pl_connect_dialog_get_message (PlConnectDialog *self)
{
  g_return_val_if_fail (PL_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->message_label)))
    return NULL;
  return gtk_label_get_text (self->message_label);
}

/**
 * pl_connect_dialog_get_busy:
 *
 * Returns: whether a connection is being tried
 */
gboolean
pl_connect_dialog_get_busy (PlConnectDialog *self)
{
  g_return_val_if_fail (PL_IS_CONNECT_DIALOG (self), FALSE);

  return self->busy;
}
