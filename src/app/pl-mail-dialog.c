/* pl-mail-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-mail-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-ics.h"
#include "pl-mail.h"
#include "pl-mail-dialog.h"

/* An email written from a template: the user picks the template, reads
 * and edits what it says, and "Open in Mail" hands it to their own mail
 * program as a mailto: URI. Once the mail program has it, the email joins
 * the employer's contact log with the template's follow-up date, as one
 * step the window's Undo takes back. Placements never sends anything. */
struct _PlMailDialog
{
  AdwWindow             parent_instance;

  PlWindow             *window;     /* weak */
  PlContext            *context;
  PlMailFields         *fields;
  GPtrArray            *keys;       /* of the template row's items */
  GtkFileChooserNative *chooser;
  gboolean              sending;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *send_button;
  AdwPreferencesGroup  *main_group;
  AdwComboRow          *template_row;
  AdwEntryRow          *to_row;
  AdwEntryRow          *subject_row;
  GtkTextView          *body_view;
  AdwPreferencesGroup  *ics_group;
};

G_DEFINE_FINAL_TYPE (PlMailDialog, pl_mail_dialog, ADW_TYPE_WINDOW)

static PlMailLauncher launcher;
static gpointer launcher_data;

/**
 * pl_mail_dialog_set_launcher:
 *
 * Sends every dialog's "Open in Mail" to @func instead of the desktop.
 */
void
pl_mail_dialog_set_launcher (PlMailLauncher func,
                             gpointer       user_data)
{
  launcher = func;
  launcher_data = user_data;
}

static char *
dup_body (PlMailDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_problem (PlMailDialog *self,
              const char   *text)
{
  adw_preferences_group_set_description (self->main_group, text);
}

const char *
pl_mail_dialog_get_template (PlMailDialog *self)
{
  guint selected;

  g_return_val_if_fail (PL_IS_MAIL_DIALOG (self), NULL);

  selected = adw_combo_row_get_selected (self->template_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->keys->len)
    return NULL;
  return g_ptr_array_index (self->keys, selected);
}

void
pl_mail_dialog_set_template (PlMailDialog *self,
                             const char   *key)
{
  g_return_if_fail (PL_IS_MAIL_DIALOG (self));

  for (guint i = 0; i < self->keys->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->keys, i), key) == 0)
      adw_combo_row_set_selected (self->template_row, i);
}

gint64
pl_mail_dialog_get_placement (PlMailDialog *self)
{
  g_return_val_if_fail (PL_IS_MAIL_DIALOG (self), 0);
  return self->fields->placement_id;
}

/* A new template replaces the text: it is another email. */
static void
on_template_selected (PlMailDialog *self)
{
  const char *key = pl_mail_dialog_get_template (self);
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *filled_subject = NULL;
  g_autofree char *filled_body = NULL;

  if (key == NULL || self->fields == NULL)
    return;

  pl_mail_get_texts (pl_context_get_store (self->context), key, &subject, &body);
  filled_subject = pl_mail_fill (subject, self->fields);
  filled_body = pl_mail_fill (body, self->fields);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), filled_subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), filled_body, -1);

  /* The confirmation carries the dates; a calendar file carries them best. */
  gtk_widget_set_visible (GTK_WIDGET (self->ics_group),
                          g_str_equal (key, "confirmation") && self->fields->placement_id != 0);
}

/**
 * pl_mail_dialog_dup_uri:
 *
 * Returns: (transfer full): the mailto: URI of the email as edited
 */
char *
pl_mail_dialog_dup_uri (PlMailDialog *self)
{
  g_autofree char *to = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (PL_IS_MAIL_DIALOG (self), NULL);

  to = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_row))));
  body = dup_body (self);
  return pl_mail_build_uri (*to != '\0' ? to : NULL,
                            gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body);
}

/* The mail program has the email: now it is logged. */
static void
finish_send (PlMailDialog *self)
{
  PlStore *store = pl_context_get_store (self->context);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;
  GDate today;

  if (self->fields->employer_id == 0)
    {
      if (self->window != NULL)
        {
          AdwToast *toast = adw_toast_new (_("Email opened in your mail program"));

          adw_toast_set_timeout (toast, 3);
          pl_window_add_toast (self->window, toast);
        }
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  pl_context_get_today (self->context, &today);
  pl_store_set_step_label (store, _("Log Email"));
  if (pl_mail_log (store, self->fields, pl_mail_dialog_get_template (self), subject, &today,
                   &error) == 0)
    {
      g_autofree char *problem = NULL;

      pl_store_set_step_label (store, NULL);
      /* TRANSLATORS: the email went to the mail program, the log refused it. */
      problem = g_strdup_printf (_("The email is in your mail program, but it could not be "
                                   "logged: %s"), error->message);
      show_problem (self, problem);
      return;
    }

  /* TRANSLATORS: %s is the email's subject. */
  text = g_strdup_printf (_("Email “%s” logged"), subject);
  markup = g_markup_escape_text (text, -1);
  if (self->window != NULL)
    pl_window_add_undo_toast (self->window, markup);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fail_send (PlMailDialog *self,
           const GError *error)
{
  g_autofree char *problem = NULL;

  self->sending = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), TRUE);
  /* TRANSLATORS: %s says why no mail program opened the email. */
  problem = g_strdup_printf (_("No mail program opened the email, and nothing was logged: %s"),
                             error->message);
  show_problem (self, problem);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlMailDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    fail_send (self, error);
  else
    finish_send (self);
}

static void
on_send_clicked (PlMailDialog *self)
{
  g_autofree char *uri = NULL;

  if (self->sending)
    return;

  if (*gtk_editable_get_text (GTK_EDITABLE (self->subject_row)) == '\0')
    {
      show_problem (self, _("Give the email a subject: the contact log keeps it as its summary."));
      return;
    }

  uri = pl_mail_dialog_dup_uri (self);
  self->sending = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), FALSE);

  if (launcher != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (launcher (uri, launcher_data, &error))
        finish_send (self);
      else
        fail_send (self, error);
      return;
    }

  {
    g_autoptr(GdkAppLaunchContext) launch = NULL;

    launch = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
    g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (launch), NULL,
                                             on_launched, g_object_ref (self));
  }
}

gboolean
pl_mail_dialog_save_ics (PlMailDialog  *self,
                         const char    *path,
                         GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PL_IS_MAIL_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = pl_ics_export_placement (pl_context_get_store (self->context),
                                  self->fields->placement_id, error);
  if (text == NULL)
    return FALSE;
  if (!g_file_set_contents (path, text, -1, &local_error))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE, "%s", local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
on_ics_chosen (PlMailDialog         *self,
               int                   response,
               GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      if (path != NULL && pl_mail_dialog_save_ics (self, path, &error))
        {
          /* TRANSLATORS: %s is the saved calendar file's name. */
          g_autofree char *text = g_strdup_printf (_("Saved as “%s”: attach it to the email "
                                                     "in your mail program."), name);

          adw_preferences_group_set_description (self->ics_group, text);
        }
      else if (error != NULL)
        adw_preferences_group_set_description (self->ics_group, error->message);
    }

  g_clear_object (&self->chooser);
}

static void
on_save_ics_clicked (PlMailDialog *self)
{
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  const char *staff = pl_mail_fields_get (self->fields, "staff");
  const char *employer = pl_mail_fields_get (self->fields, "employer");

  /* TRANSLATORS: a calendar file's suggested name: staff member at employer. */
  suggested = g_strdup_printf (_("%s at %s.ics"), staff, employer);
  g_strdelimit (suggested, "/\\:", '-');

  gtk_file_filter_set_name (ics, _("iCalendar files"));
  gtk_file_filter_add_pattern (ics, "*.ics");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save Calendar File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_ics_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pl_mail_dialog_dispose (GObject *object)
{
  PlMailDialog *self = PL_MAIL_DIALOG (object);

  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_MAIL_DIALOG);

  G_OBJECT_CLASS (pl_mail_dialog_parent_class)->dispose (object);
}

static void
pl_mail_dialog_finalize (GObject *object)
{
  PlMailDialog *self = PL_MAIL_DIALOG (object);

  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->context);
  g_clear_pointer (&self->fields, pl_mail_fields_free);
  g_clear_pointer (&self->keys, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_mail_dialog_parent_class)->finalize (object);
}

static void
pl_mail_dialog_class_init (PlMailDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_mail_dialog_dispose;
  object_class->finalize = pl_mail_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-mail-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, PlMailDialog, ics_group);

  gtk_widget_class_bind_template_callback (widget_class, on_send_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_template_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_save_ics_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_mail_dialog_init (PlMailDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->keys = g_ptr_array_new ();
}

PlMailDialog *
pl_mail_dialog_new (PlWindow    *window,
                    const char  *kind,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(PlMailDialog) self = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *coordinator = NULL;
  const PlMailTemplate *templates;
  PlContext *context;
  GDate today;
  guint n;

  g_return_val_if_fail (PL_IS_WINDOW (window), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  context = pl_window_get_context (window);
  pl_context_get_today (context, &today);
  coordinator = g_settings_get_string (pl_context_get_settings (context), "coordinator-name");

  self = g_object_ref_sink (g_object_new (PL_TYPE_MAIL_DIALOG, "transient-for", window, NULL));
  g_set_weak_pointer (&self->window, window);
  self->context = g_object_ref (context);
  self->fields = pl_mail_fields_new (pl_context_get_store (context), kind, id, 0,
                                     *coordinator != '\0' ? coordinator : NULL, &today, error);
  if (self->fields == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  templates = pl_mail_get_templates (&n);
  for (guint i = 0; i < n; i++)
    {
      gtk_string_list_append (names, _(templates[i].name));
      g_ptr_array_add (self->keys, (gpointer) templates[i].key);
    }

  adw_window_title_set_subtitle (self->window_title,
                                 pl_mail_fields_get (self->fields, "employer"));
  if (self->fields->to != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->to_row), self->fields->to);
  if (self->fields->employer_id == 0)
    show_problem (self, _("There is no employer to log this email against: it will only be "
                          "opened in your mail program."));

  /* Selecting the suggested template fills the text. */
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (names));
  pl_mail_dialog_set_template (self, self->fields->suggested);
  on_template_selected (self);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->send_button));
  /* The window owns it from here, as it owns every toplevel. */
  return self;
}
