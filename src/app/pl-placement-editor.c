/* pl-placement-editor.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placement-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-conflict-dialog.h"
#include "pl-date-picker-row.h"
#include "pl-date.h"
#include "pl-employer-chooser.h"
#include "pl-error.h"
#include "pl-focus.h"
#include "pl-lifecycle.h"
#include "pl-list-page.h"
#include "pl-placement-editor-private.h"
#include "pl-staff-picker.h"
#include "pl-store-choices.h"
#include "pl-window.h"

/* One placement: its status and what the next one needs, its details,
 * planner, milestones, reflection and cascade.
 *
 * What is typed is kept in a working copy and written after a short pause,
 * each write one transaction; the columns the lifecycle owns (status, date
 * of agreement, reason for cancelling) are never written from here except
 * through pl_lifecycle_change_status(). The placement as it was when it was
 * opened is kept, so that the toast after a save can undo every edit made
 * since; a status change has its own toast and undo.
 *
 * This file holds the loading and saving of the fields;
 * pl-placement-editor-status.c the status header, its actions and the list
 * of what is missing; pl-placement-editor-records.c the days, milestones
 * and cascade records; pl-placement-editor-impact.c the Impact tab:
 * observations, survey responses and the way to the staff member's impact
 * chain. */

G_DEFINE_FINAL_TYPE (PlPlacementEditor, pl_placement_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The columns of the multi-line texts, in the order of self->texts. */
static const char * const text_columns[N_TEXTS] = {
  "notes", "goals", "sector_priority", "equality_aims", "reflection_learned",
  "reflection_students", "reflection_colleagues",
};

PlStore *
_pl_placement_editor_get_store (PlPlacementEditor *self)
{
  return pl_context_get_store (self->context);
}

static PlWindow *
get_window (PlPlacementEditor *self)
{
  return PL_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW));
}

void
_pl_placement_editor_show_error (PlPlacementEditor *self,
            const char        *what,
            const GError      *error)
{
  pl_widget_show_error (GTK_WIDGET (self), what, error);
}

void
_pl_placement_editor_add_toast (PlPlacementEditor *self,
           AdwToast          *toast)
{
  PlWindow *window = get_window (self);

  if (window != NULL)
    pl_window_add_toast (window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

void
_pl_placement_editor_remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkTextView *view,
          const char  *text)
{
  g_autofree char *current = text_of (view);

  /* Only when it differs, so that the cursor stays where it was. */
  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static guint
position_of (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static gint64
id_at (GArray *ids,
       guint   position)
{
  return position < ids->len ? g_array_index (ids, gint64, position) : 0;
}

/* Fills @names and @ids from @choices, as a snapshot: a list that changed
 * under a drop-down would move its selection, and a save would then write
 * the wrong choice. @choices is NULL when they could not be read, and
 * @error then says why (and is cleared). */
/* How a choice's detail joins its name in the drop-down. */
typedef enum
{
  DETAIL_NONE,
  DETAIL_PARTNER,   /* "Dana Whitfield · Harbour College" */
  DETAIL_SECTOR,    /* "Byte Studio (Digital)" */
} DetailStyle;

static char *
choice_label (const PlChoice *choice,
              DetailStyle     style)
{
  switch (style)
    {
    case DETAIL_PARTNER:
      /* TRANSLATORS: a member of staff and their partner, in a drop-down */
      return g_strdup_printf (_("%s · %s"), choice->name, choice->detail);
    case DETAIL_SECTOR:
      /* TRANSLATORS: an employer and its sector, when it is not the placement's */
      return g_strdup_printf (_("%s (%s)"), choice->name, choice->detail);
    case DETAIL_NONE:
    default:
      return g_strdup (choice->name);
    }
}

static void
fill_choices (PlPlacementEditor *self,
              GtkStringList  *names,
              GArray         *ids,
              const char     *none,
              DetailStyle     style,
              GArray         *choices,
              GError        **error)
{
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_array_set_size (ids, 0);
  if (none != NULL)
    {
      gint64 zero = 0;

      g_array_append_val (ids, zero);
      g_ptr_array_add (labels, (gpointer) none);
    }

  if (choices != NULL)
    for (guint i = 0; i < choices->len; i++)
      {
        PlChoice *choice = &g_array_index (choices, PlChoice, i);

        g_array_append_val (ids, choice->id);
        char *label = choice_label (choice, choice->detail != NULL ? style : DETAIL_NONE);

        g_ptr_array_add (owned, label);
        g_ptr_array_add (labels, label);
      }
  else
    {
      _pl_placement_editor_show_error (self, _("Could not read the choices"), *error);
      g_clear_error (error);
    }

  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) labels->pdata);
}

const char *
_pl_placement_editor_current_status (PlPlacementEditor *self)
{
  return self->record != NULL ? pl_record_get_string (self->record, "status") : NULL;
}

/* Reads every field from the widgets into the working copy. */
static void
collect_fields (PlPlacementEditor *self)
{
  gint64 aims = 0;
  guint employer;

  pl_record_set_int (self->record, "staff_id",
                     id_at (self->staff_ids, gtk_drop_down_get_selected (self->staff_dropdown)));
  pl_record_set_int (self->record, "sector_id",
                     id_at (self->sector_ids, adw_combo_row_get_selected (self->sector_row)));
  employer = adw_combo_row_get_selected (self->employer_row);
  pl_record_set_int (self->record, "employer_id",
                     employer < self->employer_ids->len
                       ? g_array_index (self->employer_ids, gint64, employer) : 0);
  pl_record_set_string (self->record, "window_start",
                        pl_date_picker_row_get_date (self->window_start_row));
  pl_record_set_string (self->record, "window_end", pl_date_picker_row_get_date (self->window_end_row));
  pl_record_set_string (self->record, "standby", pl_date_picker_row_get_date (self->standby_row));
  pl_record_set_int (self->record, "length", gtk_spin_button_get_value_as_int (self->length_spin));

  for (guint i = 0; i < PL_N_AIMS; i++)
    if (gtk_check_button_get_active (self->aim_checks[i]))
      aims |= 1 << i;
  pl_record_set_int (self->record, "aims", aims);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *text = text_of (self->texts[i]);
      pl_record_set_string (self->record, text_columns[i], text);
    }
}

static void edit_toast_undo_cb (PlPlacementEditor *self);

static void
on_edit_toast_dismissed (PlPlacementEditor *self)
{
  g_clear_object (&self->edit_toast);
}

void
_pl_placement_editor_show_edit_toast (PlPlacementEditor *self)
{
  /* One toast while it shows: each later save keeps offering the same
   * undo, back to the placement as it was opened. */
  if (self->edit_toast != NULL || self->disposing)
    return;

  self->edit_toast = g_object_ref (adw_toast_new (_("Changes saved")));
  adw_toast_set_button_label (self->edit_toast, _("_Undo"));
  g_signal_connect_object (self->edit_toast, "button-clicked",
                           G_CALLBACK (edit_toast_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit_toast, "dismissed",
                           G_CALLBACK (on_edit_toast_dismissed), self, G_CONNECT_SWAPPED);
  _pl_placement_editor_add_toast (self, g_object_ref (self->edit_toast));
}

static gboolean is_editable_column (const PlColumn *column);

static gboolean
values_differ (const GValue *a,
               const GValue *b)
{
  if ((a == NULL) != (b == NULL))
    return TRUE;
  if (a == NULL)
    return FALSE;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) != 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) != g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) != g_value_get_boolean (b);
  return FALSE;
}

static gboolean save_over (PlPlacementEditor *self,
                           gboolean           use_mine,
                           GError           **error);

/* Try Again in the window's banner, or the server coming back. */
static gboolean
save_again (gpointer   data,
            GError   **error)
{
  if (save_over (data, FALSE, error))
    return TRUE;
  /* Refused for another reason (a conflict, a rule): said elsewhere. */
  return error == NULL || *error == NULL;
}

static void
on_conflict_choice (GObject  *owner,
                    gboolean  use_mine)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (owner);

  self->asking = FALSE;
  if (self->record == NULL)
    return;

  if (use_mine)
    save_over (self, TRUE, NULL);
  else
    {
      /* Theirs: the fields show the row as it now is. */
      g_clear_object (&self->base);
      self->loading = TRUE;
      _pl_placement_editor_reload (self);
      self->loading = FALSE;
    }
}

/* Writes what was typed over a fresh read of the row: a field the person
 * changed is written, any other keeps what the row holds now (what the
 * lifecycle or another coordinator changed meanwhile). A field both
 * changed differently is a conflict, decided by the person unless
 * @use_mine. */
static gboolean
save_over (PlPlacementEditor  *self,
           gboolean            use_mine,
           GError            **retry_error)
{
  g_autoptr(PlRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const PlColumn *columns;
  guint n_columns;
  gboolean changed = FALSE;
  gboolean conflict = FALSE;
  gboolean window_ok;
  gboolean ok;

  if (self->record == NULL || self->asking)
    return TRUE;

  fresh = pl_store_get (_pl_placement_editor_get_store (self), PL_TYPE_PLACEMENT, self->id,
                        &error);
  if (fresh == NULL)
    {
      _pl_placement_editor_show_error (self, _("Could not save the placement"), error);
      return FALSE;
    }

  /* A window that ends before it opens is pointed out on its row and
   * kept back, so that the rest still saves while it is put right. */
  {
    const char *start = pl_record_get_string (self->record, "window_start");
    const char *end = pl_record_get_string (self->record, "window_end");

    window_ok = start == NULL || end == NULL || g_strcmp0 (start, end) <= 0;
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->window_end_row),
                                 window_ok ? NULL : _("Before the window opens"));
    if (window_ok)
      gtk_widget_remove_css_class (GTK_WIDGET (self->window_end_row), "error");
    else
      gtk_widget_add_css_class (GTK_WIDGET (self->window_end_row), "error");
  }

  columns = pl_record_class_get_columns (PL_RECORD_GET_CLASS (fresh), &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      const GValue *mine = pl_record_peek_value (self->record, i);
      const GValue *theirs = pl_record_peek_value (fresh, i);
      const GValue *was = self->base != NULL ? pl_record_peek_value (self->base, i) : theirs;

      if (!is_editable_column (&columns[i]))
        continue;
      if (!window_ok && g_str_has_prefix (columns[i].name, "window_"))
        continue;
      if (!values_differ (mine, was) || !values_differ (mine, theirs))
        continue;
      if (values_differ (theirs, was))
        conflict = TRUE;

      changed = TRUE;
      pl_record_load_value (fresh, i, mine);
    }

  if (!changed)
    return TRUE;

  if (conflict && !use_mine)
    {
      g_set_error (&error, PL_ERROR, PL_ERROR_CONFLICT,
                   _("Someone else changed this placement after you began typing. "
                     "Nothing was saved: keep their version, or save yours over it."));
      self->asking = TRUE;
      pl_conflict_dialog_present (GTK_WIDGET (self), error, G_OBJECT (self), on_conflict_choice);
      return FALSE;
    }

  self->saving = TRUE;
  ok = pl_store_update (_pl_placement_editor_get_store (self), fresh, &error);
  self->saving = FALSE;

  if (!ok)
    {
      /* Between the read and the write: the same choice. */
      if (g_error_matches (error, PL_ERROR, PL_ERROR_CONFLICT))
        {
          self->asking = TRUE;
          pl_conflict_dialog_present (GTK_WIDGET (self), error, G_OBJECT (self), on_conflict_choice);
          return FALSE;
        }
      /* What was typed stays in the fields; nothing is lost, and the
       * banner's Try Again (or the server coming back) saves it. */
      if (g_error_matches (error, PL_ERROR, PL_ERROR_CANNOT_WRITE))
        {
          if (retry_error != NULL)
            g_propagate_error (retry_error, g_steal_pointer (&error));
          else if (get_window (self) != NULL)
            pl_window_report_write_failure (get_window (self), error, save_again,
                                            g_object_ref (self), g_object_unref);
          return FALSE;
        }
      _pl_placement_editor_show_error (self, _("Could not save the placement"), error);
      return FALSE;
    }

  /* Names shown in the header come from derived columns. */
  g_clear_object (&fresh);
  fresh = pl_store_get (_pl_placement_editor_get_store (self), PL_TYPE_PLACEMENT, self->id, NULL);
  if (fresh != NULL)
    {
      for (guint i = 0; i < n_columns; i++)
        if (columns[i].flags & PL_COLUMN_DERIVED)
          pl_record_load_value (self->record, i, pl_record_peek_value (fresh, i));
      g_set_object (&self->base, fresh);
    }

  self->loading = TRUE;
  _pl_placement_editor_update_header (self);
  _pl_placement_editor_rebuild_days (self);
  _pl_placement_editor_update_missing (self);
  self->loading = FALSE;

  _pl_placement_editor_show_edit_toast (self);
  return TRUE;
}

static gboolean
save_now (PlPlacementEditor *self)
{
  g_clear_handle_id (&self->save_id, g_source_remove);
  return save_over (self, FALSE, NULL);
}

static gboolean
is_editable_column (const PlColumn *column)
{
  return !(column->flags & PL_COLUMN_DERIVED) &&
         !g_str_equal (column->name, "status") &&
         !g_str_equal (column->name, "agreed_on") &&
         !g_str_equal (column->name, "cancel_reason");
}

static gboolean
save_timeout_cb (gpointer data)
{
  PlPlacementEditor *self = data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_save (PlPlacementEditor *self)
{
  if (self->loading || self->record == NULL)
    return;

  collect_fields (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

void
pl_placement_editor_flush (PlPlacementEditor *self)
{
  g_return_if_fail (PL_IS_PLACEMENT_EDITOR (self));

  if (self->save_id != 0)
    save_now (self);
}

/* Choices ------------------------------------------------------------ */

static void
rebuild_choices (PlPlacementEditor *self)
{
  PlStore *store = _pl_placement_editor_get_store (self);
  gint64 sector = pl_record_get_int (self->record, "sector_id");
  gint64 employer = pl_record_get_int (self->record, "employer_id");
  gboolean matched = pl_lifecycle_rank (_pl_placement_editor_current_status (self)) >= 1;
  g_autoptr(GArray) staff = NULL;
  g_autoptr(GArray) sectors = NULL;
  g_autoptr(GArray) employers = NULL;
  g_autoptr(GError) error = NULL;

  staff = pl_store_list_staff_choices (store, 0, &error);
  fill_choices (self, self->staff_names, self->staff_ids, NULL, DETAIL_PARTNER, staff, &error);
  gtk_drop_down_set_selected (self->staff_dropdown,
                              position_of (self->staff_ids,
                                           pl_record_get_int (self->record, "staff_id")));

  sectors = pl_store_list_choices (store, PL_TYPE_SECTOR, &error);
  fill_choices (self, self->sector_names, self->sector_ids, NULL, DETAIL_NONE, sectors, &error);
  adw_combo_row_set_selected (self->sector_row, position_of (self->sector_ids, sector));

  /* Employers of the placement's sector (and its own, should it be of
   * another); "none" only while nothing depends on an employer. */
  employers = pl_store_list_employer_choices (store, sector, employer, &error);
  fill_choices (self, self->employer_names, self->employer_ids,
                !matched || employer == 0 ? _("Not chosen yet") : NULL, DETAIL_SECTOR,
                employers, &error);
  adw_combo_row_set_selected (self->employer_row, position_of (self->employer_ids, employer));

  /* Without an employer the row is a way forward: the ranked chooser. */
  gtk_widget_set_visible (GTK_WIDGET (self->employer_row), employer != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->employer_choose_row), employer == 0);
}

/* Loading ------------------------------------------------------------ */

static void
fill_widgets (PlPlacementEditor *self)
{
  gint64 aims = pl_record_get_int (self->record, "aims");

  self->loading = TRUE;

  rebuild_choices (self);
  pl_date_picker_row_set_date (self->window_start_row,
                        pl_record_get_string (self->record, "window_start"));
  pl_date_picker_row_set_date (self->window_end_row, pl_record_get_string (self->record, "window_end"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->window_end_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->window_end_row), "error");
  pl_date_picker_row_set_date (self->standby_row, pl_record_get_string (self->record, "standby"));
  gtk_spin_button_set_value (self->length_spin, pl_record_get_int (self->record, "length"));

  for (guint i = 0; i < PL_N_AIMS; i++)
    gtk_check_button_set_active (self->aim_checks[i], (aims & (1 << i)) != 0);

  for (guint i = 0; i < N_TEXTS; i++)
    set_text (self->texts[i], pl_record_get_string (self->record, text_columns[i]));

  _pl_placement_editor_update_header (self);
  _pl_placement_editor_update_history (self);
  _pl_placement_editor_rebuild_days (self);
  _pl_placement_editor_rebuild_milestones (self);
  _pl_placement_editor_rebuild_cascades (self);
  _pl_placement_editor_rebuild_impact (self);
  _pl_placement_editor_update_missing (self);

  self->loading = FALSE;
}

/* Reads the placement again after a change elsewhere (a status change, an
 * undo, the scheduler). What is being typed is written first, so that the
 * fields never go back to older text. */
void
_pl_placement_editor_reload (PlPlacementEditor *self)
{
  g_autoptr(PlRecord) fresh = NULL;

  if (self->id == 0)
    return;

  pl_placement_editor_flush (self);

  fresh = pl_store_get (_pl_placement_editor_get_store (self), PL_TYPE_PLACEMENT, self->id, NULL);
  if (fresh == NULL)
    {
      pl_placement_editor_set_placement (self, 0);
      return;
    }

  g_set_object (&self->record, fresh);
  g_clear_object (&self->base);
  self->base = pl_record_copy (fresh);
  g_strfreev (self->days);
  self->days = pl_store_get_days (_pl_placement_editor_get_store (self), self->id);
  fill_widgets (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PlPlacementEditor *self = data;

  self->refresh_id = 0;
  _pl_placement_editor_reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlPlacementEditor *self,
                  const char        *table,
                  GArray            *ids,
                  PlStore           *store)
{
  /* Our own field saves change nothing the widgets do not already show. */
  if (self->saving || self->id == 0)
    return;

  /* One commit emits once per table: read again once. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

void
pl_placement_editor_set_placement (PlPlacementEditor *self,
                                   gint64             id)
{
  g_autoptr(PlRecord) record = NULL;

  g_return_if_fail (PL_IS_PLACEMENT_EDITOR (self));

  if (id == self->id && self->record != NULL)
    return;

  pl_placement_editor_flush (self);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->record);
  g_clear_object (&self->base);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->snapshot_days, g_strfreev);
  g_clear_pointer (&self->days, g_strfreev);
  g_clear_pointer (&self->missing_for, g_free);
  /* Its Undo was for the placement shown until now. */
  if (self->edit_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->edit_toast, self);
      pl_window_dismiss_toast (self->edit_toast);
      g_clear_object (&self->edit_toast);
    }
  self->id = 0;

  if (id > 0 && self->context != NULL)
    record = pl_store_get (_pl_placement_editor_get_store (self), PL_TYPE_PLACEMENT, id, NULL);

  if (record == NULL)
    {
      pl_focus_show_named (self->stack, "empty", self->focus_fallback);
      return;
    }

  self->id = id;
  self->record = g_steal_pointer (&record);
  self->snapshot = pl_record_copy (self->record);
  self->base = pl_record_copy (self->record);
  self->days = pl_store_get_days (_pl_placement_editor_get_store (self), id);
  self->snapshot_days = g_strdupv (self->days);
  fill_widgets (self);
  pl_focus_show_named (self->stack, "editor", NULL);
  /* Another placement opens at its top, not at the last one's position. */
  pl_list_page_scroll_to_top (GTK_WIDGET (self->stack));
}

gint64
pl_placement_editor_get_placement (PlPlacementEditor *self)
{
  g_return_val_if_fail (PL_IS_PLACEMENT_EDITOR (self), 0);
  return self->id;
}

void
pl_placement_editor_set_focus_fallback (PlPlacementEditor *self,
                                        GtkWidget         *fallback)
{
  g_return_if_fail (PL_IS_PLACEMENT_EDITOR (self));
  g_return_if_fail (fallback == NULL || GTK_IS_WIDGET (fallback));

  g_set_weak_pointer (&self->focus_fallback, fallback);
}

GStrv
pl_placement_editor_dup_missing_items (PlPlacementEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PL_IS_PLACEMENT_EDITOR (self), NULL);

  if (self->missing_for != NULL && gtk_widget_get_visible (GTK_WIDGET (self->missing_group)))
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->missing_list));
         row != NULL; row = gtk_widget_get_next_sibling (row))
      if (g_object_get_data (G_OBJECT (row), "missing-item") != NULL)
        g_strv_builder_add (builder, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  return g_strv_builder_end (builder);
}

/* Field handlers ----------------------------------------------------- */

static void
on_field_changed (PlPlacementEditor *self)
{
  schedule_save (self);
}

static void
on_staff_selected (PlPlacementEditor *self)
{
  schedule_save (self);
}

static void
on_sector_selected (PlPlacementEditor *self)
{
  gint64 sector;

  if (self->loading || self->record == NULL)
    return;

  /* An employer of another sector no longer fits. */
  sector = id_at (self->sector_ids, adw_combo_row_get_selected (self->sector_row));
  if (sector != pl_record_get_int (self->record, "sector_id"))
    {
      pl_record_set_int (self->record, "sector_id", sector);
      pl_record_set_int (self->record, "employer_id", 0);
      self->loading = TRUE;
      rebuild_choices (self);
      self->loading = FALSE;
    }
  schedule_save (self);
}

static void
on_employer_selected (PlPlacementEditor *self)
{
  schedule_save (self);
}

/* Through the same save as a choice in the drop-down. */
static void
on_employer_chosen (PlPlacementEditor *self,
                    gint64             employer_id)
{
  if (self->record == NULL)
    return;

  pl_record_set_int (self->record, "employer_id", employer_id);
  self->loading = TRUE;
  rebuild_choices (self);
  self->loading = FALSE;
  schedule_save (self);
  pl_placement_editor_flush (self);
}

static void
choose_employer_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  PlEmployerChooser *chooser;

  if (self->record == NULL || self->context == NULL)
    return;

  /* The chooser ranks what is stored: the sector just picked included. */
  pl_placement_editor_flush (self);
  chooser = pl_employer_chooser_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->context,
                                     self->id);
  g_signal_connect_object (chooser, "employer-chosen", G_CALLBACK (on_employer_chosen), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
on_text_changed (GtkTextBuffer     *buffer,
                 PlPlacementEditor *self)
{
  schedule_save (self);
}

static void
on_aim_toggled (GtkCheckButton    *check,
                PlPlacementEditor *self)
{
  schedule_save (self);
}

static void
edit_toast_undo_cb (PlPlacementEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (self->snapshot == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!pl_placement_restore (_pl_placement_editor_get_store (self), self->snapshot,
                             (const char * const *) self->snapshot_days, &error))
    _pl_placement_editor_show_error (self, _("Could not undo the changes"), error);
  else
    _pl_placement_editor_reload (self);
}

/* Setup -------------------------------------------------------------- */

static void
setup_choice_label (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  shorten)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (shorten))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
setup_store (PlPlacementEditor *self)
{
  PlStore *store = _pl_placement_editor_get_store (self);


  for (guint i = 0; i < N_TEXTS; i++)
    g_signal_connect (gtk_text_view_get_buffer (self->texts[i]), "changed",
                      G_CALLBACK (on_text_changed), self);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  g_object_set (self->observations_panel, "context", self->context, NULL);
}

static void
pl_placement_editor_dispose (GObject *object)
{
  PlPlacementEditor *self = (PlPlacementEditor *)object;
  GtkWidget *child;

  /* Whatever was typed last is written before the editor goes. */
  self->disposing = TRUE;
  g_clear_weak_pointer (&self->focus_fallback);
  if (self->save_id != 0 && self->context != NULL)
    save_now (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PLACEMENT_EDITOR);
  /* The template's top child has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->edit_toast);
  g_clear_object (&self->record);
  g_clear_object (&self->base);
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->snapshot_days, g_strfreev);
  g_clear_pointer (&self->days, g_strfreev);
  g_clear_pointer (&self->missing_for, g_free);
  g_clear_object (&self->staff_names);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_object (&self->sector_names);
  g_clear_pointer (&self->sector_ids, g_array_unref);
  g_clear_object (&self->employer_names);
  g_clear_pointer (&self->employer_ids, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_placement_editor_parent_class)->dispose (object);
}

static void
pl_placement_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_SHOW_BACK_BUTTON:
      g_value_set_boolean (value, gtk_widget_get_visible (GTK_WIDGET (self->back_button)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_placement_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_return_if_fail (self->context == NULL);
      self->context = g_value_dup_object (value);
      if (self->context != NULL)
        setup_store (self);
      break;

    case PROP_SHOW_BACK_BUTTON:
      gtk_widget_set_visible (GTK_WIDGET (self->back_button), g_value_get_boolean (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_placement_editor_class_init (PlPlacementEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_placement_editor_dispose;
  object_class->get_property = pl_placement_editor_get_property;
  object_class->set_property = pl_placement_editor_set_property;

  properties [PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         PL_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* When the list and the editor are folded into one column. */
  properties [PROP_SHOW_BACK_BUTTON] =
    g_param_spec_boolean ("show-back-button", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PL_TYPE_DATE_PICKER_ROW);
  g_type_ensure (PL_TYPE_OBSERVATIONS_PANEL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-placement-editor.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, history_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, changes_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, more_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, advance_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, cancelled_label);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, missing_group);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, missing_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, staff_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, staff_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, sector_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, employer_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, employer_choose_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, window_start_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, window_end_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, standby_row);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, days_group);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, add_day_button);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, add_day_popover);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, add_day_calendar);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, days_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, aims_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, goals_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, priority_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, equality_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, milestones_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, learned_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, students_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, colleagues_view);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, cascade_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, observations_panel);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, surveys_group);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, surveys_list);
  gtk_widget_class_bind_template_child (widget_class, PlPlacementEditor, impact_button);

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sector_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_employer_selected);

  _pl_placement_editor_class_init_status (widget_class);
  gtk_widget_class_install_action (widget_class, "editor.choose-employer", NULL,
                                   choose_employer_action);
  _pl_placement_editor_class_init_records (widget_class);
  _pl_placement_editor_class_init_impact (widget_class);

}

static void
pl_placement_editor_init (PlPlacementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->texts[0] = self->notes_view;
  self->texts[1] = self->goals_view;
  self->texts[2] = self->priority_view;
  self->texts[3] = self->equality_view;
  self->texts[4] = self->learned_view;
  self->texts[5] = self->students_view;
  self->texts[6] = self->colleagues_view;

  self->staff_names = gtk_string_list_new (NULL);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->sector_names = gtk_string_list_new (NULL);
  self->sector_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->employer_names = gtk_string_list_new (NULL);
  self->employer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Set up under the guard of "loading": setting a model selects its
   * first item, which is no choice of the user's. */
  self->loading = TRUE;
  gtk_drop_down_set_expression (self->staff_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_model (self->staff_dropdown, G_LIST_MODEL (self->staff_names));
  {
    g_autoptr(GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkListItemFactory) popup = gtk_signal_list_item_factory_new ();

    /* The button shortens a long "name · partner"; the list shows it whole. */
    g_signal_connect (button, "setup", G_CALLBACK (setup_choice_label), GINT_TO_POINTER (TRUE));
    g_signal_connect (button, "bind", G_CALLBACK (bind_choice_label), NULL);
    g_signal_connect (popup, "setup", G_CALLBACK (setup_choice_label), GINT_TO_POINTER (FALSE));
    g_signal_connect (popup, "bind", G_CALLBACK (bind_choice_label), NULL);
    gtk_drop_down_set_factory (self->staff_dropdown, button);
    gtk_drop_down_set_list_factory (self->staff_dropdown, popup);
  }
  adw_combo_row_set_model (self->sector_row, G_LIST_MODEL (self->sector_names));
  adw_combo_row_set_model (self->employer_row, G_LIST_MODEL (self->employer_names));
  pl_drop_down_search_at_once (self->staff_dropdown);
  self->loading = FALSE;

  /* The seven aim groups of the planner, one check row each. */
  for (guint i = 0; i < PL_N_AIMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_enum_label (pl_aim_keys[i]));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pl_enum_label (pl_aim_keys[i]), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect (check, "toggled", G_CALLBACK (on_aim_toggled), self);
      gtk_list_box_append (self->aims_list, row);
      self->aim_checks[i] = GTK_CHECK_BUTTON (check);
    }

  /* One colour along the walk, green when it is complete. Offsets are
   * values of the bar (steps here), not fractions. */
  gtk_level_bar_remove_offset_value (self->progress_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_add_offset_value (self->progress_bar, GTK_LEVEL_BAR_OFFSET_HIGH, 6);
  gtk_level_bar_add_offset_value (self->progress_bar, GTK_LEVEL_BAR_OFFSET_FULL, 7);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}
