/* pl-placement-editor-status.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-row.h"
#include "pl-date.h"
#include "pl-history-dialog.h"
#include "pl-lifecycle.h"
#include "pl-placement-editor-private.h"
#include "pl-calendar.h"
#include "pl-repeat.h"
#include "pl-window.h"

/* The status header: where the placement is on its walk, its history,
 * the buttons that move it, and the list of what a refused step lacks. */

/* Header ------------------------------------------------------------- */

static char *
days_in_words (GStrv days)
{
  guint n = days ? g_strv_length (days) : 0;
  GDate first, last;
  char a[64], b[64];

  if (n == 0 || !pl_date_parse (days[0], &first) || !pl_date_parse (days[n - 1], &last))
    return g_strdup (_("no days yet"));

  if (n == 1)
    return pl_date_in_words (days[0]);

  /* TRANSLATORS: strftime formats of the first and last day of a placement,
   * "Tue 30 March – Wed 31 March 2027" */
  g_date_strftime (a, sizeof a, _("%a %-d %B"), &first);
  g_date_strftime (b, sizeof b, _("%a %-d %B %Y"), &last);
  /* TRANSLATORS: number of days, first day, last day */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day, %s – %s",
                                       "%u days, %s – %s", n),
                          n, a, b);
}

void
_pl_placement_editor_update_header (PlPlacementEditor *self)
{
  const char *status = _pl_placement_editor_current_status (self);
  const char *next = pl_lifecycle_next_status (status);
  const char *employer = pl_record_get_string (self->record, "employer_name");
  gboolean cancelled = g_strcmp0 (status, "cancelled") == 0;
  int rank = pl_lifecycle_rank (status);
  g_autofree char *when = days_in_words (self->days);
  g_autofree char *subtitle = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) back = g_menu_new ();

  gtk_label_set_label (self->title_label, pl_record_get_string (self->record, "staff_name"));
  /* TRANSLATORS: sector · employer · days */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              pl_record_get_string (self->record, "sector_name"),
                              employer ? employer : _("no employer yet"), when);
  gtk_label_set_label (self->subtitle_label, subtitle);

  if (next != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Advance to %s"), pl_enum_label (next));
      gtk_button_set_label (self->advance_button, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), next != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), cancelled);

  /* Where the placement is on its walk, and what comes next. */
  gtk_label_set_label (self->status_label, pl_enum_label (status));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), !cancelled);
  gtk_level_bar_set_value (self->progress_bar, rank + 1);
  if (!cancelled)
    {
      g_autofree char *step = NULL;

      if (next != NULL)
        /* TRANSLATORS: "Step 3 of 7, then Confirmed" */
        step = g_strdup_printf (_("Step %d of 7, then %s"), rank + 1, pl_enum_label (next));
      else
        step = g_strdup (_("Step 7 of 7: done"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress_bar), step);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, step, -1);
    }
  if (cancelled)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "accent");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->cancelled_label), cancelled);
  if (cancelled)
    {
      const char *reason = pl_record_get_string (self->record, "cancel_reason");
      g_autofree char *text = g_strdup_printf (_("Reason: %s"), reason);
      gtk_label_set_label (self->cancelled_label, text);
    }

  /* Steps back, for correcting a mistake, and cancelling. */
  for (int r = rank - 1; r >= 0; r--)
    {
      const char *s = "request";
      g_autofree char *label = NULL;
      g_autofree char *detailed = NULL;

      for (int k = 0; k < r; k++)
        s = pl_lifecycle_next_status (s);
      label = g_strdup_printf (_("Move Back to %s"), pl_enum_label (s));
      detailed = g_strdup_printf ("editor.move-back::%s", s);
      g_menu_append (back, label, detailed);
    }
  if (rank > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (back));
  /* What took place this year may take place again next year. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.repeat-next-year",
                                 pl_placement_can_repeat (self->record));
  if (pl_placement_can_repeat (self->record))
    {
      g_autoptr(GMenu) again = g_menu_new ();

      g_menu_append (again, _("Repeat _Next Year"), "editor.repeat-next-year");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (again));
    }
  if (!cancelled && rank < 4)
    {
      g_autoptr(GMenu) cancel = g_menu_new ();

      g_menu_append (cancel, _("_Cancel Placement…"), "editor.cancel");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (cancel));
    }
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          g_menu_model_get_n_items (G_MENU_MODEL (menu)) > 0);

  /* The sector is chosen with the request; once proposed, the employer
   * must stay one of it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->sector_row), rank <= 0);
}

void
_pl_placement_editor_update_history (PlPlacementEditor *self)
{
  g_autoptr(GListModel) events = NULL;
  gboolean shared;
  guint n;

  _pl_placement_editor_remove_all_rows (self->history_list);
  events = pl_store_list_where (_pl_placement_editor_get_store (self),
                                PL_TYPE_PLACEMENT_EVENT, "placement_id",
                                self->id);
  n = g_list_model_get_n_items (events);

  /* Latest first, as a history is read. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(PlRecord) event = g_list_model_get_item (events, i - 1);
      const char *from = pl_record_get_string (event, "from_status");
      const char *reason = pl_record_get_string (event, "reason");
      g_autofree char *title = NULL;
      g_autofree char *when = pl_date_in_words (pl_record_get_string (event, "changed_on"));
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (from == NULL)
        title = g_strdup_printf (_("Created as a %s"),
                                 pl_enum_label (pl_record_get_string (event, "to_status")));
      else
        /* TRANSLATORS: from status → to status */
        title = g_strdup_printf (_("%s → %s"), pl_enum_label (from),
                                 pl_enum_label (pl_record_get_string (event, "to_status")));
      subtitle = reason != NULL ? g_strdup_printf ("%s · %s", when, reason) : g_strdup (when);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history_list, row);
    }

  /* Every change, with who made it, where a shared database keeps them. */
  shared = pl_history_dialog_is_available (_pl_placement_editor_get_store (self));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_button), shared);
  gtk_widget_set_sensitive (GTK_WIDGET (self->history_button), n > 0 || shared);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  PlHistoryDialog *dialog;

  if (self->id == 0)
    return;
  gtk_menu_button_popdown (self->history_button);
  dialog = pl_history_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  _pl_placement_editor_get_store (self), PL_TYPE_PLACEMENT,
                                  self->id, gtk_label_get_text (self->title_label));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The missing items of a refused step, shown until the step is taken or
 * the list is closed; checked again after every change, so that it shows
 * the coordinator what is left. */
void
_pl_placement_editor_update_missing (PlPlacementEditor *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  GDate today;

  if (self->missing_for == NULL || self->record == NULL ||
      g_strcmp0 (pl_lifecycle_next_status (_pl_placement_editor_current_status (self)),
                 self->missing_for) != 0)
    {
      g_clear_pointer (&self->missing_for, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_group), FALSE);
      return;
    }

  pl_context_get_today (self->context, &today);
  pl_lifecycle_check (_pl_placement_editor_get_store (self), self->id, self->missing_for, &today,
                      missing);

  _pl_placement_editor_remove_all_rows (self->missing_list);
  if (missing->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Everything needed is in place."));
      gtk_list_box_append (self->missing_list, row);
      title = g_strdup_printf (_("Ready for %s"), pl_enum_label (self->missing_for));
    }
  else
    title = g_strdup_printf (_("Needed Before %s"), pl_enum_label (self->missing_for));

  for (guint i = 0; i < missing->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), missing->pdata[i]);
      /* Long sentences wrap rather than ellipsize: every word matters. */
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      g_object_set_data (G_OBJECT (row), "missing-item", GINT_TO_POINTER (TRUE));
      gtk_list_box_append (self->missing_list, row);
    }

  adw_preferences_group_set_title (self->missing_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_group), TRUE);
}

static void
on_missing_close_clicked (PlPlacementEditor *self)
{
  g_clear_pointer (&self->missing_for, g_free);
  _pl_placement_editor_update_missing (self);
}

/* Status actions ----------------------------------------------------- */

static gboolean
change_status (PlPlacementEditor *self,
               const char        *to,
               const char        *reason)
{
  g_autoptr(GError) error = NULL;
  PlStatusChange *change;
  GtkWidget *window;
  GDate today;

  pl_placement_editor_flush (self);
  pl_context_get_today (self->context, &today);

  change = pl_lifecycle_change_status (_pl_placement_editor_get_store (self), self->id, to, reason,
                                       &today, &error);
  if (change == NULL)
    {
      if (g_error_matches (error, PL_ERROR, PL_ERROR_NOT_ALLOWED))
        {
          g_free (self->missing_for);
          self->missing_for = g_strdup (to);
          _pl_placement_editor_update_missing (self);
        }
      else
        _pl_placement_editor_show_error (self, _("Could not change the status"), error);
      return FALSE;
    }

  g_clear_pointer (&self->missing_for, g_free);
  pl_status_change_free (change);
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW);
  if (window != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("Moved to %s"), pl_enum_label (to));
      g_autofree char *markup = g_markup_escape_text (title, -1);

      pl_window_add_undo_toast (PL_WINDOW (window), markup);
    }

  _pl_placement_editor_reload (self);
  return TRUE;
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  const char *next = pl_lifecycle_next_status (_pl_placement_editor_current_status (self));

  if (next != NULL)
    change_status (self, next, NULL);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  change_status (PL_PLACEMENT_EDITOR (widget), "request", NULL);
}

static void
move_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  change_status (PL_PLACEMENT_EDITOR (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "cancel-placement", *reason != '\0');
}

static void
on_cancel_response (AdwMessageDialog  *dialog,
                    const char        *response,
                    PlPlacementEditor *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_str_equal (response, "cancel-placement"))
    change_status (self, "cancelled", gtk_editable_get_text (entry));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *entry = adw_entry_row_new ();

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                   _("Cancel This Placement?"),
                                   _("Say why, so that the placement’s history explains it. "
                                     "It can be reopened as a request later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Placement"),
                                    "cancel-placement", _("_Cancel Placement"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-placement",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-placement", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Reason"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}


/* Next year's request for the same person, host, sector and aims
 * (pl_placement_repeat()); the toast opens it. */
static void
repeat_next_year_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *year_label = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GDate today;
  gint64 request;
  int year = 0;

  if (self->id == 0)
    return;

  pl_context_get_today (self->context, &today);
  request = pl_placement_repeat (_pl_placement_editor_get_store (self), self->id, 0, &today,
                                 &year, &error);
  if (request == 0)
    {
      _pl_placement_editor_show_error (self, _("Could not make next year’s request"), error);
      return;
    }

  year_label = pl_academic_year_label (year);
  /* TRANSLATORS: %s is an academic year, such as 2027/28 */
  title = g_strdup_printf (_("Request made for %s"), year_label);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-placement");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (request));
  _pl_placement_editor_add_toast (self, toast);
}

void
_pl_placement_editor_class_init_status (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_missing_close_clicked);

  gtk_widget_class_install_action (widget_class, "editor.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.move-back", "s", move_back_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.repeat-next-year", NULL,
                                   repeat_next_year_action);
  gtk_widget_class_install_action (widget_class, "editor.show-changes", NULL, show_changes_action);
}
