/* pl-meeting-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-meeting-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-row.h"
#include "pl-meeting-dialog.h"
#include "pl-window.h"

/* Adds or edits one meeting of an exchange group. Save stays disabled
 * until the date is a day, so that what is saved is always acceptable;
 * the meeting is written in one transaction when Save is chosen. */
struct _PlMeetingDialog
{
  AdwMessageDialog  parent_instance;

  PlStore          *store;
  PlRecord         *meeting;   /* a detached copy; id 0 when new */

  /* Template widgets */
  PlDateRow        *date_row;
  AdwEntryRow      *place_row;
  AdwEntryRow      *notes_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (PlMeetingDialog, pl_meeting_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
on_field_changed (PlMeetingDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gboolean valid = pl_date_row_is_valid (self->date_row);

  /* Nothing typed yet is not worth a red sentence; Save just waits. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid && *text != '\0');
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", valid);
}

static void
pl_meeting_dialog_save (PlMeetingDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = pl_date_row_get_date (self->date_row);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gboolean ok;

  pl_record_set_string (self->meeting, "meeting_date", date);
  pl_record_set_string (self->meeting, "place",
                        gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  pl_record_set_string (self->meeting, "notes",
                        gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));

  if (pl_record_get_id (self->meeting) == 0)
    ok = pl_store_insert (self->store, self->meeting, &error);
  else
    ok = pl_store_update (self->store, self->meeting, &error);

  if (!ok)
    {
      if (PL_IS_WINDOW (parent))
        pl_window_show_error (PL_WINDOW (parent), _("Could not save the meeting"), error);
      else
        g_critical ("Could not save the meeting: %s", error->message);
    }
}

static void
pl_meeting_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  PlMeetingDialog *self = PL_MEETING_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0 && pl_date_row_is_valid (self->date_row))
    pl_meeting_dialog_save (self);

  if (ADW_MESSAGE_DIALOG_CLASS (pl_meeting_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pl_meeting_dialog_parent_class)->response (dialog, response);
}

static void
pl_meeting_dialog_dispose (GObject *object)
{
  PlMeetingDialog *self = PL_MEETING_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_MEETING_DIALOG);
  g_clear_object (&self->meeting);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_meeting_dialog_parent_class)->dispose (object);
}

static void
pl_meeting_dialog_class_init (PlMeetingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pl_meeting_dialog_dispose;
  dialog_class->response = pl_meeting_dialog_response;

  g_type_ensure (PL_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-meeting-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlMeetingDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlMeetingDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, PlMeetingDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, PlMeetingDialog, error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
}

static void
pl_meeting_dialog_init (PlMeetingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_label_set_text (self->error_label,
                      _("Type a day as 2027-03-05 or 5/3/2027, or pick one from the calendar."));
}

/**
 * pl_meeting_dialog_new:
 * @parent: the window the dialog belongs to
 * @meeting: the meeting to edit, or a new one (id 0) with its group set
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
PlMeetingDialog *
pl_meeting_dialog_new (GtkWindow *parent,
                       PlStore   *store,
                       PlRecord  *meeting)
{
  PlMeetingDialog *self;
  gboolean is_new;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_GROUP_MEETING (meeting), NULL);

  is_new = pl_record_get_id (meeting) == 0;

  self = g_object_new (PL_TYPE_MEETING_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", is_new ? _("New Meeting") : _("Edit Meeting"),
                       NULL);
  self->store = g_object_ref (store);
  self->meeting = pl_record_copy (meeting);

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save",
                                         is_new ? _("_Add") : _("_Save"));
  pl_date_row_set_date (self->date_row, pl_record_get_string (meeting, "meeting_date"));
  gtk_editable_set_text (GTK_EDITABLE (self->place_row),
                         pl_record_get_string (meeting, "place") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row),
                         pl_record_get_string (meeting, "notes") ?: "");
  on_field_changed (self);

  return self;
}
