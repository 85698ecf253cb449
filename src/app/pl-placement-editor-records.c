/* pl-placement-editor-records.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-lifecycle.h"
#include "pl-milestones.h"
#include "pl-placement-editor-private.h"
#include "pl-workdays.h"

/* The placement's own lists: its days, written at once; its milestones,
 * ticked when done; and its cascade records, added, edited and removed
 * in a dialog. */

/* Days are written at once, each change one transaction that moves the
 * milestones too; the list follows without waiting for the reload. */
static void
set_days (PlPlacementEditor *self,
          GStrv              days,
          const char        *what)
{
  g_autoptr(GError) error = NULL;

  PlStore *store = _pl_placement_editor_get_store (self);

  if (!pl_placement_set_days (store, self->id, (const char * const *) days, &error))
    {
      _pl_placement_editor_show_error (self, what, error);
      return;
    }

  g_strfreev (self->days);
  self->days = pl_store_get_days (_pl_placement_editor_get_store (self), self->id);
  self->loading = TRUE;
  _pl_placement_editor_rebuild_days (self);
  self->loading = FALSE;
  _pl_placement_editor_show_edit_toast (self);
}

static void
on_remove_day_clicked (GtkButton         *button,
                       PlPlacementEditor *self)
{
  const char *day = g_object_get_data (G_OBJECT (button), "day");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) days = NULL;

  pl_placement_editor_flush (self);
  for (guint i = 0; self->days != NULL && self->days[i] != NULL; i++)
    if (g_strcmp0 (self->days[i], day) != 0)
      g_strv_builder_add (builder, self->days[i]);
  days = g_strv_builder_end (builder);

  set_days (self, days, _("Could not remove the day"));
}

void
_pl_placement_editor_rebuild_days (PlPlacementEditor *self)
{
  PlStore *store = _pl_placement_editor_get_store (self);
  g_autoptr(PlWorkdays) workdays = pl_workdays_new_for_store (store);
  guint n = self->days ? g_strv_length (self->days) : 0;
  gboolean keep_one = pl_lifecycle_rank (_pl_placement_editor_current_status (self)) >= 1;
  gint64 length = pl_record_get_int (self->record, "length");
  g_autofree char *description = NULL;

  _pl_placement_editor_remove_all_rows (self->days_list);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *words = pl_date_in_words (self->days[i]);
      GDate date;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), words);
      if (pl_date_parse (self->days[i], &date) && !pl_workdays_is_working (workdays, &date))
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                       pl_workdays_is_bank_holiday (workdays, &date)
                                         ? _("A bank holiday, not a working day")
                                         : _("Not a working day"));
          gtk_widget_add_css_class (row, "warning");
        }

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, keep_one && n == 1
                                             ? _("A placement past the request keeps a day")
                                             : _("Remove This Day"));
      gtk_widget_set_sensitive (remove, !(keep_one && n == 1));
      g_object_set_data_full (G_OBJECT (remove), "day", g_strdup (self->days[i]), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_day_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->days_list, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No days chosen yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->days_list, row);
    }

  if (n > 0 && (gint64) n != length)
    description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u day chosen of the %d wanted.",
                                                "%u days chosen of the %d wanted.", n),
                                   n, (int) length);
  adw_preferences_group_set_description (self->days_group, description);
}

static void
on_add_day_selected (PlPlacementEditor *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->add_day_calendar);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) days = NULL;

  if (self->loading || self->record == NULL)
    return;

  gtk_popover_popdown (self->add_day_popover);
  if (self->days != NULL && g_strv_contains ((const char * const *) self->days, iso))
    return;

  pl_placement_editor_flush (self);
  if (self->days != NULL)
    g_strv_builder_addv (builder, (const char **) self->days);
  g_strv_builder_add (builder, iso);
  days = g_strv_builder_end (builder);

  set_days (self, days, _("Could not add the day"));
}

static void
on_milestone_toggled (GtkCheckButton    *check,
                      PlPlacementEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "milestone"));
  g_autoptr(GError) error = NULL;
  GDate today;

  if (self->loading)
    return;

  pl_context_get_today (self->context, &today);
  if (!pl_milestones_set_done (_pl_placement_editor_get_store (self), id,
                               gtk_check_button_get_active (check) ? &today : NULL, &error))
    _pl_placement_editor_show_error (self, _("Could not mark the milestone"), error);
}

void
_pl_placement_editor_rebuild_milestones (PlPlacementEditor *self)
{
  g_autoptr(GPtrArray) milestones = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_iso = NULL;
  GDate today;

  pl_context_get_today (self->context, &today);
  today_iso = pl_date_to_iso (&today);
  _pl_placement_editor_remove_all_rows (self->milestones_list);

  milestones = pl_milestones_list_for_placement (_pl_placement_editor_get_store (self), self->id,
                                                 &error);
  if (milestones == NULL)
    g_critical ("%s", error->message);

  for (guint i = 0; milestones != NULL && i < milestones->len; i++)
    {
      PlRecord *milestone = g_ptr_array_index (milestones, i);
      gint64 id = pl_record_get_id (milestone);
      const char *due = pl_record_get_string (milestone, "due");
      const char *done = pl_record_get_string (milestone, "done");
      g_autofree char *due_words = pl_date_in_words (due);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      if (done != NULL)
        {
          g_autofree char *done_words = pl_date_in_words (done);
          subtitle = g_strdup_printf (_("Due %s · done %s"), due_words, done_words);
        }
      else
        subtitle = g_strdup_printf (_("Due %s"), due_words);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pl_record_get_string (milestone, "label"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), done != NULL);
      g_object_set_data (G_OBJECT (check), "milestone", GSIZE_TO_POINTER ((gsize) id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_milestone_toggled), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Done"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

      if (done == NULL && g_strcmp0 (due, today_iso) < 0)
        {
          GtkWidget *late = gtk_label_new (_("Overdue"));

          gtk_widget_add_css_class (late, "error");
          gtk_widget_add_css_class (late, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), late);
        }
      else if (done == NULL && g_strcmp0 (due, today_iso) == 0)
        {
          GtkWidget *now = gtk_label_new (_("Due today"));

          gtk_widget_add_css_class (now, "warning");
          gtk_widget_add_css_class (now, "caption-heading");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), now);
        }

      {
        /* Most steps are an email to the host: write it from the step. */
        GtkWidget *email = gtk_button_new_from_icon_name ("mail-send-symbolic");

        gtk_widget_set_valign (email, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (email, "flat");
        gtk_widget_set_tooltip_text (email, _("Write Email…"));
        gtk_actionable_set_action_name (GTK_ACTIONABLE (email), "win.write-email");
        gtk_actionable_set_action_target (GTK_ACTIONABLE (email), "(sx)", "milestone", id);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), email);
      }

      gtk_list_box_append (self->milestones_list, row);
    }

  if (milestones == NULL || milestones->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The milestones appear once the placement has days."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->milestones_list, row);
    }
}

void
_pl_placement_editor_rebuild_cascades (PlPlacementEditor *self)
{
  PlStore *store = _pl_placement_editor_get_store (self);
  g_autoptr(GListModel) cascades = pl_store_list_where (store, PL_TYPE_CASCADE,
                                                        "placement_id", self->id);
  guint n = g_list_model_get_n_items (cascades);

  _pl_placement_editor_remove_all_rows (self->cascade_list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) cascade = g_list_model_get_item (cascades, i);
      gint64 people = pl_record_get_int (cascade, "people");
      const char *notes = pl_record_get_string (cascade, "notes");
      g_autofree char *title = NULL;
      g_autofree char *when = pl_date_in_words (pl_record_get_string (cascade, "cascade_date"));
      g_autofree char *subtitle = NULL;
      g_autofree char *edit_action = NULL;
      g_autofree char *remove_action = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* TRANSLATORS: audience · "12 people" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %d person", "%s · %d people",
                                            (gulong) people),
                               pl_enum_label (pl_record_get_string (cascade, "audience")),
                               (int) people);
      subtitle = notes != NULL ? g_strdup_printf ("%s · %s", when, notes) : g_strdup (when);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      edit_action = g_strdup_printf ("editor.edit-cascade(int64 %" G_GINT64_FORMAT ")",
                                     pl_record_get_id (cascade));
      remove_action = g_strdup_printf ("editor.remove-cascade(int64 %" G_GINT64_FORMAT ")",
                                       pl_record_get_id (cascade));
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (edit), edit_action);
      gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (remove), remove_action);
      gtk_widget_set_tooltip_text (edit, _("Edit"));
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      for (GtkWidget *b = edit; b != NULL; b = b == edit ? remove : NULL)
        {
          gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (b, "flat");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
        }
      gtk_list_box_append (self->cascade_list, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Not passed on yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->cascade_list, row);
    }
}

/* Cascade ------------------------------------------------------------ */

typedef struct
{
  PlPlacementEditor *self;
  gint64             cascade_id;   /* 0 for a new one */
  PlDatePickerRow         *date_row;
  AdwComboRow       *audience_row;
  GtkSpinButton     *people_spin;
  AdwEntryRow       *notes_row;
} CascadeDialog;

static void
cascade_dialog_free (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
on_cascade_response (AdwMessageDialog *dialog,
                     const char       *response,
                     CascadeDialog    *data)
{
  PlPlacementEditor *self = data->self;
  PlStore *store = _pl_placement_editor_get_store (self);
  g_autoptr(PlRecord) cascade = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save"))
    return;

  if (data->cascade_id > 0)
    cascade = pl_store_get (store, PL_TYPE_CASCADE, data->cascade_id, &error);
  else
    {
      cascade = pl_record_new (PL_TYPE_CASCADE);
      pl_record_set_int (cascade, "placement_id", self->id);
    }
  if (cascade == NULL)
    {
      _pl_placement_editor_show_error (self, _("Could not save the cascade"), error);
      return;
    }

  pl_record_set_string (cascade, "cascade_date", pl_date_picker_row_get_date (data->date_row));
  pl_record_set_string (cascade, "audience",
                        pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE)[adw_combo_row_get_selected (data->audience_row)]);
  pl_record_set_int (cascade, "people", gtk_spin_button_get_value_as_int (data->people_spin));
  pl_record_set_string (cascade, "notes", gtk_editable_get_text (GTK_EDITABLE (data->notes_row)));

  ok = data->cascade_id > 0 ? pl_store_update (store, cascade, &error)
                            : pl_store_insert (store, cascade, &error);
  if (!ok)
    _pl_placement_editor_show_error (self, _("Could not save the cascade"), error);
}

static void
open_cascade_dialog (PlPlacementEditor *self,
                     gint64             cascade_id)
{
  g_autoptr(PlRecord) cascade = NULL;
  g_autoptr(GtkStringList) audiences = gtk_string_list_new (NULL);
  CascadeDialog *data = g_new0 (CascadeDialog, 1);
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *people_row = adw_action_row_new ();
  GDate today;
  g_autofree char *today_iso = NULL;

  if (cascade_id > 0)
    cascade = pl_store_get (_pl_placement_editor_get_store (self), PL_TYPE_CASCADE, cascade_id,
                            NULL);

  data->self = self;
  data->cascade_id = cascade != NULL ? cascade_id : 0;
  data->date_row = PL_DATE_PICKER_ROW (pl_date_picker_row_new ());
  data->audience_row = ADW_COMBO_ROW (adw_combo_row_new ());
  data->people_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
  data->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());

  pl_context_get_today (self->context, &today);
  today_iso = pl_date_to_iso (&today);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date_row), _("Date"));
  pl_date_picker_row_set_required (data->date_row, TRUE);
  pl_date_picker_row_set_date (data->date_row,
                        cascade ? pl_record_get_string (cascade, "cascade_date") : today_iso);
  gtk_widget_set_visible (GTK_WIDGET (data->date_row), TRUE);

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE)[i] != NULL; i++)
    gtk_string_list_append (audiences, pl_enum_label (pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE)[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->audience_row), _("Audience"));
  adw_combo_row_set_model (data->audience_row, G_LIST_MODEL (audiences));
  if (cascade != NULL)
    for (guint i = 0; pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE)[i] != NULL; i++)
      if (g_strcmp0 (pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE)[i], pl_record_get_string (cascade, "audience")) == 0)
        adw_combo_row_set_selected (data->audience_row, i);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (people_row), _("Number of People"));
  gtk_spin_button_set_value (data->people_spin,
                             cascade ? pl_record_get_int (cascade, "people") : 1);
  gtk_widget_set_valign (GTK_WIDGET (data->people_spin), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (people_row), GTK_WIDGET (data->people_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (people_row),
                                         GTK_WIDGET (data->people_spin));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->notes_row), _("Notes"));
  if (cascade != NULL && pl_record_get_string (cascade, "notes") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (data->notes_row), pl_record_get_string (cascade, "notes"));

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->date_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->audience_row));
  gtk_list_box_append (GTK_LIST_BOX (list), people_row);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (data->notes_row));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   cascade ? _("Edit Cascade") : _("Add Cascade"),
                                   _("When the learning was passed on, to whom, and to how "
                                     "many people."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", cascade ? _("_Save") : _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_signal_connect_data (dialog, "response", G_CALLBACK (on_cascade_response), data,
                         cascade_dialog_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_cascade_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_cascade_dialog (PL_PLACEMENT_EDITOR (widget), 0);
}

static void
edit_cascade_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_cascade_dialog (PL_PLACEMENT_EDITOR (widget), g_variant_get_int64 (parameter));
}

static void
on_cascade_removed_undo (AdwToast          *toast,
                         PlPlacementEditor *self)
{
  PlRecord *copy = g_object_get_data (G_OBJECT (toast), "cascade");
  g_autoptr(PlRecord) again = pl_record_copy (copy);
  g_autoptr(GError) error = NULL;

  pl_record_set_id (again, 0);
  if (!pl_store_insert (_pl_placement_editor_get_store (self), again, &error))
    _pl_placement_editor_show_error (self, _("Could not bring the cascade back"), error);
}

static void
remove_cascade_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(PlRecord) cascade = pl_store_get (_pl_placement_editor_get_store (self),
                                              PL_TYPE_CASCADE, id, NULL);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (cascade == NULL)
    return;

  if (!pl_store_delete (_pl_placement_editor_get_store (self), PL_TYPE_CASCADE, id, &error))
    {
      _pl_placement_editor_show_error (self, _("Could not remove the cascade"), error);
      return;
    }

  toast = adw_toast_new (_("Cascade removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cascade", g_steal_pointer (&cascade), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_cascade_removed_undo), self, 0);
  _pl_placement_editor_add_toast (self, toast);
}


void
_pl_placement_editor_class_init_records (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_add_day_selected);

  gtk_widget_class_install_action (widget_class, "editor.add-cascade", NULL, add_cascade_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-cascade", "x", edit_cascade_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-cascade", "x",
                                   remove_cascade_action);
}
