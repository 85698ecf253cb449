/* pl-contact-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-contact-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-contact-dialog.h"
#include "pl-date.h"
#include "pl-date-picker-row.h"
#include "pl-record-chooser.h"
#include "pl-record-editor.h"
#include "pl-window.h"

/* Logs a contact with an employer, or edits one: when, how, who, what was
 * said and when to follow up. An employer can ask that nobody contacts it
 * before a date, so that several colleagues do not chase it at once; a
 * contact logged before that date is only saved once the person has been
 * told who asked and has confirmed. */
struct _PlContactDialog
{
  AdwWindow       parent_instance;

  PlStore        *store;
  PlRecord       *employer;
  PlRecord       *contact;   /* the one being written: new, or a copy */
  PlRecordEditor *editor;
  gboolean        is_new;
  gboolean        confirmed;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwPreferencesGroup  *main_group;
  PlDatePickerRow           *date_row;
  AdwComboRow          *channel_row;
  PlRecordChooser      *who_chooser;
  PlDatePickerRow           *follow_up_row;
  GtkTextView          *summary_view;
  AdwPreferencesGroup  *delete_group;
};

G_DEFINE_FINAL_TYPE (PlContactDialog, pl_contact_dialog, ADW_TYPE_WINDOW)

static gboolean
save_when_idle (gpointer data)
{
  pl_contact_dialog_save (data);
  return G_SOURCE_REMOVE;
}

static void
on_not_before_response (PlContactDialog  *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "log") != 0)
    return;

  /* Saving closes this dialog, which the question is transient for: let
   * the question close first. */
  self->confirmed = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, save_when_idle, g_object_ref (self), g_object_unref);
}

/* Warns that the employer asked not to be contacted yet. */
static void
ask_about_not_before (PlContactDialog *self,
                      const char      *not_before)
{
  const char *owner = pl_record_get_string (self->employer, "owner_name");
  const char *name = pl_record_get_string (self->employer, "name");
  g_autofree char *date = pl_date_describe (not_before, FALSE);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (owner != NULL)
    /* TRANSLATORS: "Alex Smith asked that nobody contacts Quayside Kitchen
     * before 3 March 2027. Log this contact anyway?" */
    body = g_strdup_printf (_("%s asked that nobody contacts %s before %s. Log this contact anyway?"),
                            owner, name, date);
  else
    body = g_strdup_printf (_("Nobody should contact %s before %s. Log this contact anyway?"),
                            name, date);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Not to Be Contacted Yet"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "log", _("_Log Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "log",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_not_before_response), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pl_contact_dialog_save:
 *
 * What the Save button does: checks the fields, asks about the employer's
 * "do not contact before" date when needed, writes and closes.
 *
 * Returns: whether the contact was written (and the dialog closed)
 */
gboolean
pl_contact_dialog_save (PlContactDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *date;
  const char *follow_up;
  const char *not_before;
  gboolean ok;

  g_return_val_if_fail (PL_IS_CONTACT_DIALOG (self), FALSE);

  if (!pl_record_editor_apply (self->editor))
    return FALSE;

  /* The log is read later by someone else: an entry must say something. */
  if (pl_record_is_null (self->contact, "summary"))
    {
      pl_record_editor_set_error (self->editor, "summary", _("Say what was discussed."));
      return FALSE;
    }

  date = pl_record_get_string (self->contact, "contact_date");
  follow_up = pl_record_get_string (self->contact, "follow_up");
  if (follow_up != NULL && g_strcmp0 (follow_up, date) < 0)
    {
      pl_record_editor_set_error (self->editor, "follow_up",
                                  _("The follow-up date cannot be before the contact."));
      return FALSE;
    }

  not_before = pl_record_get_string (self->employer, "do_not_contact_before");
  if (self->is_new && !self->confirmed && not_before != NULL && g_strcmp0 (date, not_before) < 0)
    {
      ask_about_not_before (self, not_before);
      return FALSE;
    }

  if (self->is_new)
    ok = pl_store_insert (self->store, self->contact, &error);
  else
    ok = pl_store_update (self->store, self->contact, &error);

  if (!ok)
    {
      adw_preferences_group_set_description (self->main_group, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PlContactDialog *self)
{
  pl_contact_dialog_save (self);
}

static void
on_delete_clicked (PlContactDialog *self)
{
  pl_window_delete_from_dialog (GTK_WINDOW (self), self->main_group, self->store,
                                PL_TYPE_CONTACT, pl_record_get_id (self->contact),
                                _("Contact deleted"));
}

static void
pl_contact_dialog_dispose (GObject *object)
{
  PlContactDialog *self = PL_CONTACT_DIALOG (object);

  g_clear_object (&self->editor);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_CONTACT_DIALOG);

  G_OBJECT_CLASS (pl_contact_dialog_parent_class)->dispose (object);
}

static void
pl_contact_dialog_finalize (GObject *object)
{
  PlContactDialog *self = PL_CONTACT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->employer);
  g_clear_object (&self->contact);

  G_OBJECT_CLASS (pl_contact_dialog_parent_class)->finalize (object);
}

static void
pl_contact_dialog_class_init (PlContactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_contact_dialog_dispose;
  object_class->finalize = pl_contact_dialog_finalize;

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);
  g_type_ensure (PL_TYPE_RECORD_CHOOSER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-contact-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, who_chooser);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, PlContactDialog, delete_group);

  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_contact_dialog_init (PlContactDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pl_contact_dialog_new:
 * @employer: the employer contacted
 * @contact: (nullable): the contact to edit, or %NULL to log a new one
 * @today: the day a new contact is dated by default (ISO)
 *
 * Returns: (transfer none): the dialog, transient for @parent and not yet
 *   shown; it destroys itself when done
 */
PlContactDialog *
pl_contact_dialog_new (GtkWindow  *parent,
                       PlStore    *store,
                       PlRecord   *employer,
                       PlRecord   *contact,
                       const char *today)
{
  PlContactDialog *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_EMPLOYER (employer), NULL);

  self = g_object_new (PL_TYPE_CONTACT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->employer = g_object_ref (employer);
  self->is_new = contact == NULL;

  if (contact != NULL)
    self->contact = pl_record_copy (contact);
  else
    {
      self->contact = pl_record_new (PL_TYPE_CONTACT);
      pl_record_set_int (self->contact, "employer_id", pl_record_get_id (employer));
      pl_record_set_string (self->contact, "contact_date", today);
      pl_record_set_string (self->contact, "channel", "call");
      if (!pl_record_is_null (employer, "owner_id"))
        pl_record_set_int (self->contact, "staff_id", pl_record_get_int (employer, "owner_id"));
    }

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("Log Contact") : _("Edit Contact"));
  adw_window_title_set_subtitle (self->window_title, pl_record_get_string (employer, "name"));
  gtk_button_set_label (self->save_button, self->is_new ? _("_Log") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), !self->is_new);

  /* Say it up front, too, rather than only once everything is typed. */
  if (self->is_new && !pl_record_is_null (employer, "do_not_contact_before") &&
      g_strcmp0 (today, pl_record_get_string (employer, "do_not_contact_before")) < 0)
    {
      g_autofree char *date = pl_date_describe (pl_record_get_string (employer, "do_not_contact_before"),
                                              FALSE);
      g_autofree char *text = g_strdup_printf (_("This employer asked not to be contacted before %s."),
                                               date);

      adw_preferences_group_set_description (self->main_group, text);
    }

  self->editor = pl_record_editor_new (store, PL_TYPE_CONTACT);
  pl_record_editor_set_manual (self->editor, TRUE);
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->date_row), "contact_date");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->channel_row), "channel");
  pl_record_editor_bind_ref (self->editor, GTK_WIDGET (self->who_chooser), "staff_id", _("Nobody"));
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->follow_up_row), "follow_up");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->summary_view), "summary");
  pl_record_editor_set_record (self->editor, self->contact);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  return self;
}
