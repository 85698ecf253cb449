/* pl-document-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-document-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-picker-row.h"
#include "pl-document-dialog.h"
#include "pl-record-editor.h"
#include "pl-window.h"

/* Adds or edits one piece of an employer's evidence: its kind, a reference
 * (a certificate number, or the path of the scanned file) and the dates it
 * was issued and expires. */
struct _PlDocumentDialog
{
  AdwWindow             parent_instance;

  PlStore              *store;
  PlRecord             *document;
  PlRecordEditor       *editor;
  gboolean              is_new;
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *save_button;
  AdwPreferencesGroup  *main_group;
  AdwComboRow          *kind_row;
  AdwEntryRow          *reference_row;
  PlDatePickerRow           *issued_row;
  PlDatePickerRow           *expires_row;
  AdwPreferencesGroup  *delete_group;
};

G_DEFINE_FINAL_TYPE (PlDocumentDialog, pl_document_dialog, ADW_TYPE_WINDOW)

/**
 * pl_document_dialog_save:
 *
 * Returns: whether the document was written (and the dialog closed)
 */
gboolean
pl_document_dialog_save (PlDocumentDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *issued;
  const char *expires;
  gboolean ok;

  g_return_val_if_fail (PL_IS_DOCUMENT_DIALOG (self), FALSE);

  if (!pl_record_editor_apply (self->editor))
    return FALSE;

  issued = pl_record_get_string (self->document, "issued_on");
  expires = pl_record_get_string (self->document, "expires_on");
  if (issued != NULL && expires != NULL && g_strcmp0 (expires, issued) < 0)
    {
      pl_record_editor_set_error (self->editor, "expires_on",
                                  _("The expiry date cannot be before the issue date."));
      return FALSE;
    }

  if (self->is_new)
    ok = pl_store_insert (self->store, self->document, &error);
  else
    ok = pl_store_update (self->store, self->document, &error);

  if (!ok)
    {
      adw_preferences_group_set_description (self->main_group, error->message);
      return FALSE;
    }

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_clicked (PlDocumentDialog *self)
{
  pl_document_dialog_save (self);
}

static void
on_file_chosen (PlDocumentDialog     *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->reference_row), path);
    }

  g_clear_object (&self->chooser);
}

static void
on_choose_file_clicked (PlDocumentDialog *self)
{
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_file_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_delete_clicked (PlDocumentDialog *self)
{
  pl_window_delete_from_dialog (GTK_WINDOW (self), self->main_group, self->store,
                                PL_TYPE_EMPLOYER_DOCUMENT, pl_record_get_id (self->document),
                                _("Document removed"));
}

static void
pl_document_dialog_dispose (GObject *object)
{
  PlDocumentDialog *self = PL_DOCUMENT_DIALOG (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_DOCUMENT_DIALOG);

  G_OBJECT_CLASS (pl_document_dialog_parent_class)->dispose (object);
}

static void
pl_document_dialog_finalize (GObject *object)
{
  PlDocumentDialog *self = PL_DOCUMENT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (pl_document_dialog_parent_class)->finalize (object);
}

static void
pl_document_dialog_class_init (PlDocumentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_document_dialog_dispose;
  object_class->finalize = pl_document_dialog_finalize;

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-document-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, main_group);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, issued_row);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, expires_row);
  gtk_widget_class_bind_template_child (widget_class, PlDocumentDialog, delete_group);

  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_document_dialog_init (PlDocumentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * pl_document_dialog_new:
 * @employer: whose evidence it is
 * @document: (nullable): the document to edit, or %NULL to add one
 * @kind: (nullable): the kind a new document starts with
 *
 * Returns: (transfer none): the dialog, transient for @parent and not yet
 *   shown; it destroys itself when done
 */
PlDocumentDialog *
pl_document_dialog_new (GtkWindow  *parent,
                        PlStore    *store,
                        PlRecord   *employer,
                        PlRecord   *document,
                        const char *kind)
{
  PlDocumentDialog *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_EMPLOYER (employer), NULL);

  self = g_object_new (PL_TYPE_DOCUMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->is_new = document == NULL;

  if (document != NULL)
    self->document = pl_record_copy (document);
  else
    {
      self->document = pl_record_new (PL_TYPE_EMPLOYER_DOCUMENT);
      pl_record_set_int (self->document, "employer_id", pl_record_get_id (employer));
      pl_record_set_string (self->document, "kind", kind != NULL ? kind : pl_enum_get_nicks (PL_TYPE_DOCUMENT_KIND)[0]);
    }

  adw_window_title_set_title (self->window_title,
                              self->is_new ? _("Add Evidence") : _("Edit Evidence"));
  adw_window_title_set_subtitle (self->window_title, pl_record_get_string (employer, "name"));
  gtk_button_set_label (self->save_button, self->is_new ? _("_Add") : _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->delete_group), !self->is_new);

  self->editor = pl_record_editor_new (store, PL_TYPE_EMPLOYER_DOCUMENT);
  pl_record_editor_set_manual (self->editor, TRUE);
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->kind_row), "kind");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->reference_row), "reference");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->issued_row), "issued_on");
  pl_record_editor_bind (self->editor, GTK_WIDGET (self->expires_row), "expires_on");
  pl_record_editor_set_record (self->editor, self->document);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));

  return self;
}
