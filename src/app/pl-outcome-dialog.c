/* pl-outcome-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-outcome-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-row.h"
#include "pl-groups.h"
#include "pl-outcome-dialog.h"
#include "pl-window.h"

/* Adds or edits one outcome of an exchange group: a report or a resource,
 * with a link or a file to open it by. Save stays disabled while a field
 * is not acceptable, and the first problem is said below the fields. */
struct _PlOutcomeDialog
{
  AdwMessageDialog      parent_instance;

  PlStore              *store;
  PlRecord             *outcome;   /* a detached copy; id 0 when new */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwEntryRow          *title_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *link_row;
  PlDateRow            *date_row;
  AdwEntryRow          *description_row;
  GtkLabel             *error_label;
};

G_DEFINE_FINAL_TYPE (PlOutcomeDialog, pl_outcome_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
is_blank (const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return *stripped == '\0';
}

/* The first problem, in words, or NULL; @quiet is set when the problem is
 * only that nothing has been typed yet, which needs no red sentence. */
static char *
find_problem (PlOutcomeDialog *self,
              gboolean        *quiet)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *link = gtk_editable_get_text (GTK_EDITABLE (self->link_row));

  *quiet = FALSE;

  if (is_blank (title))
    {
      *quiet = TRUE;
      return g_strdup (_("An outcome needs a title."));
    }

  if (!is_blank (link))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *uri = pl_outcome_link_to_uri (link, &error);

      if (uri == NULL)
        return g_strdup (error->message);
    }

  if (!pl_date_row_is_valid (self->date_row))
    return g_strdup (_("Type the date as 2027-03-05 or 5/3/2027, pick one from the calendar, "
                       "or leave it empty."));

  return NULL;
}

static void
on_field_changed (PlOutcomeDialog *self)
{
  g_autofree char *problem = NULL;
  gboolean quiet;

  problem = find_problem (self, &quiet);
  gtk_label_set_text (self->error_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL && !quiet);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", problem == NULL);
}

static void
on_chooser_response (PlOutcomeDialog      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->link_row), path);
    }

  g_clear_object (&self->chooser);
}

static void
on_choose_file_clicked (PlOutcomeDialog *self)
{
  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose the Outcome’s File"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Choose"), _("_Cancel"));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
pl_outcome_dialog_save (PlOutcomeDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *link = stripped_text (self->link_row);
  g_autofree char *date = pl_date_row_get_date (self->date_row);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gboolean ok;

  pl_record_set_string (self->outcome, "title", title);
  pl_record_set_string (self->outcome, "kind",
                        kind < g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND))
                        ? pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[kind] : pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[0]);
  pl_record_set_string (self->outcome, "link", link);
  pl_record_set_string (self->outcome, "outcome_date", date);
  pl_record_set_string (self->outcome, "description",
                        gtk_editable_get_text (GTK_EDITABLE (self->description_row)));

  if (pl_record_get_id (self->outcome) == 0)
    ok = pl_store_insert (self->store, self->outcome, &error);
  else
    ok = pl_store_update (self->store, self->outcome, &error);

  if (!ok)
    {
      if (PL_IS_WINDOW (parent))
        pl_window_show_error (PL_WINDOW (parent), _("Could not save the outcome"), error);
      else
        g_critical ("Could not save the outcome: %s", error->message);
    }
}

static void
pl_outcome_dialog_response (AdwMessageDialog *dialog,
                            const char       *response)
{
  PlOutcomeDialog *self = PL_OUTCOME_DIALOG (dialog);
  gboolean quiet;

  if (g_strcmp0 (response, "save") == 0)
    {
      g_autofree char *problem = find_problem (self, &quiet);

      if (problem == NULL)
        pl_outcome_dialog_save (self);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (pl_outcome_dialog_parent_class)->response != NULL)
    ADW_MESSAGE_DIALOG_CLASS (pl_outcome_dialog_parent_class)->response (dialog, response);
}

static void
pl_outcome_dialog_dispose (GObject *object)
{
  PlOutcomeDialog *self = PL_OUTCOME_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_OUTCOME_DIALOG);
  g_clear_object (&self->outcome);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pl_outcome_dialog_parent_class)->dispose (object);
}

static void
pl_outcome_dialog_class_init (PlOutcomeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pl_outcome_dialog_dispose;
  dialog_class->response = pl_outcome_dialog_response;

  g_type_ensure (PL_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-outcome-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, link_row);
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, PlOutcomeDialog, error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_file_clicked);
}

static void
pl_outcome_dialog_init (PlOutcomeDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[i] != NULL; i++)
    gtk_string_list_append (kinds, pl_enum_label (pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * pl_outcome_dialog_new:
 * @parent: the window the dialog belongs to
 * @outcome: the outcome to edit, or a new one (id 0) with its group set
 *
 * Returns: (transfer none): a new dialog, not yet shown; it is destroyed
 *   when closed
 */
PlOutcomeDialog *
pl_outcome_dialog_new (GtkWindow *parent,
                       PlStore   *store,
                       PlRecord  *outcome)
{
  PlOutcomeDialog *self;
  const char *kind;
  gboolean is_new;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_GROUP_OUTCOME (outcome), NULL);

  is_new = pl_record_get_id (outcome) == 0;

  self = g_object_new (PL_TYPE_OUTCOME_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", is_new ? _("New Outcome") : _("Edit Outcome"),
                       NULL);
  self->store = g_object_ref (store);
  self->outcome = pl_record_copy (outcome);

  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "save",
                                         is_new ? _("_Add") : _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         pl_record_get_string (outcome, "title") ?: "");
  kind = pl_record_get_string (outcome, "kind");
  for (guint i = 0; kind != NULL && pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[i] != NULL; i++)
    if (g_str_equal (pl_enum_get_nicks (PL_TYPE_OUTCOME_KIND)[i], kind))
      adw_combo_row_set_selected (self->kind_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->link_row),
                         pl_record_get_string (outcome, "link") ?: "");
  pl_date_row_set_date (self->date_row, pl_record_get_string (outcome, "outcome_date"));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         pl_record_get_string (outcome, "description") ?: "");
  on_field_changed (self);

  return self;
}
