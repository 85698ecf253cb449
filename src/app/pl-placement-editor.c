/* pl-placement-editor.c
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
#include "pl-lifecycle.h"
#include "pl-milestones.h"
#include "pl-placement-editor.h"
#include "pl-window.h"
#include "pl-workdays.h"

/* One placement: its status and what the next one needs, its details,
 * planner, milestones, reflection and cascade.
 *
 * What is typed is kept in a working copy and written after a short pause,
 * each write one transaction; the columns the lifecycle owns (status, date
 * of agreement, reason for cancelling) are never written from here except
 * through pl_lifecycle_change_status(). The placement as it was when it was
 * opened is kept, so that the toast after a save can undo every edit made
 * since; a status change has its own toast and undo. */

#define SAVE_DELAY_MS 400

struct _PlPlacementEditor
{
  GtkWidget       parent_instance;

  PlContext      *context;
  gint64          id;
  PlRecord       *record;          /* working copy */
  PlRecord       *snapshot;        /* as opened, for undo */
  GStrv           snapshot_days;
  GStrv           days;
  guint           save_id;
  guint           refresh_id;
  gboolean        loading;
  gboolean        saving;
  char           *missing_for;     /* the status the missing list is about, or NULL */
  AdwToast       *edit_toast;

  GtkStringList  *staff_names;
  GArray         *staff_ids;       /* gint64, parallel to staff_names */
  GtkStringList  *sector_names;
  GArray         *sector_ids;
  GtkStringList  *employer_names;
  GArray         *employer_ids;    /* gint64, parallel to employer_names */
  GtkCheckButton *aim_checks[PL_N_AIMS];

  /* Template widgets */
  GtkStack             *stack;
  GtkButton            *back_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkMenuButton        *history_button;
  GtkListBox           *history_list;
  GtkMenuButton        *more_button;
  GtkButton            *advance_button;
  GtkButton            *reopen_button;
  GtkLabel             *status_label;
  GtkLevelBar          *progress_bar;
  GtkLabel             *cancelled_label;
  AdwPreferencesGroup  *missing_group;
  GtkListBox           *missing_list;
  AdwViewStack         *view_stack;
  AdwActionRow         *staff_row;
  GtkDropDown          *staff_dropdown;
  AdwComboRow          *sector_row;
  AdwComboRow          *employer_row;
  PlDateRow            *window_start_row;
  PlDateRow            *window_end_row;
  GtkSpinButton        *length_spin;
  PlDateRow            *standby_row;
  AdwPreferencesGroup  *days_group;
  GtkMenuButton        *add_day_button;
  GtkPopover           *add_day_popover;
  GtkCalendar          *add_day_calendar;
  GtkListBox           *days_list;
  GtkTextView          *notes_view;
  GtkListBox           *aims_list;
  GtkTextView          *goals_view;
  GtkTextView          *priority_view;
  GtkTextView          *equality_view;
  GtkListBox           *milestones_list;
  GtkTextView          *learned_view;
  GtkTextView          *students_view;
  GtkTextView          *colleagues_view;
  GtkListBox           *cascade_list;
};

G_DEFINE_FINAL_TYPE (PlPlacementEditor, pl_placement_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_SHOW_BACK_BUTTON,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Text views and the columns they edit. */
#define N_TEXTS 7

static GtkTextView **
text_views (PlPlacementEditor *self,
            const char       **columns)
{
  static GtkTextView *views[N_TEXTS];
  static const char * const names[N_TEXTS] = {
    "notes", "goals", "sector_priority", "equality_aims", "reflection_learned",
    "reflection_students", "reflection_colleagues",
  };

  views[0] = self->notes_view;
  views[1] = self->goals_view;
  views[2] = self->priority_view;
  views[3] = self->equality_view;
  views[4] = self->learned_view;
  views[5] = self->students_view;
  views[6] = self->colleagues_view;
  for (guint i = 0; i < N_TEXTS; i++)
    columns[i] = names[i];
  return views;
}

static PlStore *
get_store (PlPlacementEditor *self)
{
  return pl_context_get_store (self->context);
}

static PlWindow *
get_window (PlPlacementEditor *self)
{
  return PL_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self), PL_TYPE_WINDOW));
}

static void
show_error (PlPlacementEditor *self,
            const char        *what,
            const GError      *error)
{
  PlWindow *window = get_window (self);

  if (window != NULL)
    pl_window_show_error (window, what, error);
  else
    g_warning ("%s: %s", what, error->message);
}

static void
add_toast (PlPlacementEditor *self,
           AdwToast          *toast)
{
  PlWindow *window = get_window (self);

  if (window != NULL)
    pl_window_add_toast (window, toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
remove_all_rows (GtkListBox *list)
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

/* Fills @names and @ids from @sql (id, label; bound to @a and @b), as a
 * snapshot: a list that changed under a drop-down would move its
 * selection, and a save would then write the wrong choice. */
static void
fill_choices (PlStore       *store,
              GtkStringList *names,
              GArray        *ids,
              const char    *none,
              const char    *sql,
              gint64         a,
              gint64         b)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_array_set_size (ids, 0);
  if (none != NULL)
    {
      gint64 zero = 0;

      g_array_append_val (ids, zero);
      g_ptr_array_add (labels, g_strdup (none));
    }

  if (sqlite3_prepare_v2 (pl_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, a);
      sqlite3_bind_int64 (stmt, 2, b);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
          g_ptr_array_add (labels, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
    }
  else
    g_critical ("%s: %s", sql, sqlite3_errmsg (pl_store_get_db (store)));

  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (names, 0, g_list_model_get_n_items (G_LIST_MODEL (names)),
                          (const char * const *) labels->pdata);
}

static const char *
current_status (PlPlacementEditor *self)
{
  return self->record != NULL ? pl_record_get_string (self->record, "status") : NULL;
}

/* Reads every field from the widgets into the working copy. */
static void
collect_fields (PlPlacementEditor *self)
{
  const char *columns[N_TEXTS];
  GtkTextView **views = text_views (self, columns);
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
  pl_record_set_string (self->record, "window_start", pl_date_row_get_date (self->window_start_row));
  pl_record_set_string (self->record, "window_end", pl_date_row_get_date (self->window_end_row));
  pl_record_set_string (self->record, "standby", pl_date_row_get_date (self->standby_row));
  pl_record_set_int (self->record, "length", gtk_spin_button_get_value_as_int (self->length_spin));

  for (guint i = 0; i < PL_N_AIMS; i++)
    if (gtk_check_button_get_active (self->aim_checks[i]))
      aims |= 1 << i;
  pl_record_set_int (self->record, "aims", aims);

  for (guint i = 0; i < N_TEXTS; i++)
    {
      g_autofree char *text = text_of (views[i]);
      pl_record_set_string (self->record, columns[i], text);
    }
}

static void edit_toast_undo_cb (PlPlacementEditor *self);

static void
on_edit_toast_dismissed (PlPlacementEditor *self)
{
  g_clear_object (&self->edit_toast);
}

static void
show_edit_toast (PlPlacementEditor *self)
{
  /* One toast while it shows: each later save keeps offering the same
   * undo, back to the placement as it was opened. */
  if (self->edit_toast != NULL)
    return;

  self->edit_toast = g_object_ref (adw_toast_new (_("Changes saved")));
  adw_toast_set_button_label (self->edit_toast, _("_Undo"));
  g_signal_connect_object (self->edit_toast, "button-clicked",
                           G_CALLBACK (edit_toast_undo_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit_toast, "dismissed",
                           G_CALLBACK (on_edit_toast_dismissed), self, G_CONNECT_SWAPPED);
  add_toast (self, g_object_ref (self->edit_toast));
}

static gboolean is_editable_column (const PlColumn *column);
static void update_header (PlPlacementEditor *self);
static void update_missing (PlPlacementEditor *self);
static void rebuild_days (PlPlacementEditor *self);

/* Writes the working copy over a fresh read of the row, so that what the
 * lifecycle changed meanwhile stays as it is. */
static gboolean
save_now (PlPlacementEditor *self)
{
  g_autoptr(PlRecord) fresh = NULL;
  g_autoptr(GError) error = NULL;
  const PlColumn *columns;
  guint n_columns;
  gboolean changed = FALSE;
  gboolean ok;

  g_clear_handle_id (&self->save_id, g_source_remove);

  if (self->record == NULL)
    return TRUE;

  fresh = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, self->id, &error);
  if (fresh == NULL)
    {
      show_error (self, _("Could not save the placement"), error);
      return FALSE;
    }

  columns = pl_record_class_get_columns (PL_RECORD_GET_CLASS (fresh), &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      const GValue *mine = pl_record_peek_value (self->record, i);
      const GValue *theirs = pl_record_peek_value (fresh, i);

      if (!is_editable_column (&columns[i]))
        continue;

      if ((mine == NULL) != (theirs == NULL) ||
          (mine != NULL && G_VALUE_HOLDS_STRING (mine) &&
           g_strcmp0 (g_value_get_string (mine), g_value_get_string (theirs)) != 0) ||
          (mine != NULL && G_VALUE_HOLDS_INT64 (mine) &&
           g_value_get_int64 (mine) != g_value_get_int64 (theirs)))
        changed = TRUE;
      pl_record_load_value (fresh, i, mine);
    }

  if (!changed)
    return TRUE;

  self->saving = TRUE;
  ok = pl_store_update (get_store (self), fresh, &error);
  self->saving = FALSE;

  if (!ok)
    {
      /* What was typed stays in the fields; nothing is lost. */
      show_error (self, _("Could not save the placement"), error);
      return FALSE;
    }

  /* Names shown in the header come from derived columns. */
  g_clear_object (&fresh);
  fresh = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, self->id, NULL);
  if (fresh != NULL)
    for (guint i = 0; i < n_columns; i++)
      if (columns[i].flags & PL_COLUMN_DERIVED)
        pl_record_load_value (self->record, i, pl_record_peek_value (fresh, i));

  self->loading = TRUE;
  update_header (self);
  rebuild_days (self);
  update_missing (self);
  self->loading = FALSE;

  show_edit_toast (self);
  return TRUE;
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
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day, %s – %s", "%u days, %s – %s", n),
                          n, a, b);
}

static void
update_header (PlPlacementEditor *self)
{
  const char *status = current_status (self);
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
  subtitle = g_strdup_printf (_("%s · %s · %s"), pl_record_get_string (self->record, "sector_name"),
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
      g_autofree char *text = g_strdup_printf (_("Reason: %s"),
                                               pl_record_get_string (self->record, "cancel_reason"));
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

static void
update_history (PlPlacementEditor *self)
{
  g_autoptr(GListModel) events = NULL;
  guint n;

  remove_all_rows (self->history_list);
  events = pl_store_list_where (get_store (self), PL_TYPE_PLACEMENT_EVENT, "placement_id",
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

  gtk_widget_set_sensitive (GTK_WIDGET (self->history_button), n > 0);
}

/* The missing items of a refused step, shown until the step is taken or
 * the list is closed; checked again after every change, so that it shows
 * the coordinator what is left. */
static void
update_missing (PlPlacementEditor *self)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  GDate today;

  if (self->missing_for == NULL || self->record == NULL ||
      g_strcmp0 (pl_lifecycle_next_status (current_status (self)), self->missing_for) != 0)
    {
      g_clear_pointer (&self->missing_for, g_free);
      gtk_widget_set_visible (GTK_WIDGET (self->missing_group), FALSE);
      return;
    }

  pl_context_get_today (self->context, &today);
  pl_lifecycle_check (get_store (self), self->id, self->missing_for, &today, missing);

  remove_all_rows (self->missing_list);
  if (missing->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Everything needed is in place."));
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
  update_missing (self);
}

/* Lists -------------------------------------------------------------- */

static void
rebuild_choices (PlPlacementEditor *self)
{
  PlStore *store = get_store (self);
  gint64 sector = pl_record_get_int (self->record, "sector_id");
  gint64 employer = pl_record_get_int (self->record, "employer_id");
  gboolean matched = pl_lifecycle_rank (current_status (self)) >= 1;

  fill_choices (store, self->staff_names, self->staff_ids, NULL,
                "SELECT s.id, s.name || ' · ' || p.name FROM staff AS s "
                "JOIN partner AS p ON p.id = s.partner_id ORDER BY s.name COLLATE NOCASE, s.id",
                0, 0);
  gtk_drop_down_set_selected (self->staff_dropdown,
                              position_of (self->staff_ids,
                                           pl_record_get_int (self->record, "staff_id")));

  fill_choices (store, self->sector_names, self->sector_ids, NULL,
                "SELECT id, name FROM sector ORDER BY name COLLATE NOCASE", 0, 0);
  adw_combo_row_set_selected (self->sector_row, position_of (self->sector_ids, sector));

  /* Employers of the placement's sector (and its own, should it be of
   * another); "none" only while nothing depends on an employer. */
  fill_choices (store, self->employer_names, self->employer_ids,
                !matched || employer == 0 ? _("Not chosen yet") : NULL,
                "SELECT id, CASE WHEN sector_id = ?1 THEN name "
                "ELSE name || ' (' || (SELECT name FROM sector WHERE id = employer.sector_id) || ')' END "
                "FROM employer WHERE sector_id = ?1 OR id = ?2 ORDER BY name COLLATE NOCASE",
                sector, employer);
  adw_combo_row_set_selected (self->employer_row, position_of (self->employer_ids, employer));
}

/* Days are written at once, each change one transaction that moves the
 * milestones too; the list follows without waiting for the reload. */
static void
set_days (PlPlacementEditor *self,
          GStrv              days,
          const char        *what)
{
  g_autoptr(GError) error = NULL;

  if (!pl_placement_set_days (get_store (self), self->id, (const char * const *) days, &error))
    {
      show_error (self, what, error);
      return;
    }

  g_strfreev (self->days);
  self->days = pl_store_get_days (get_store (self), self->id);
  self->loading = TRUE;
  rebuild_days (self);
  self->loading = FALSE;
  show_edit_toast (self);
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

static void
rebuild_days (PlPlacementEditor *self)
{
  g_autoptr(PlWorkdays) workdays = pl_workdays_new_for_store (get_store (self));
  guint n = self->days ? g_strv_length (self->days) : 0;
  gboolean keep_one = pl_lifecycle_rank (current_status (self)) >= 1;
  gint64 length = pl_record_get_int (self->record, "length");
  g_autofree char *description = NULL;

  remove_all_rows (self->days_list);

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
                                             ? _("A placement past the request keeps at least one day")
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
  if (!pl_milestones_set_done (get_store (self), id,
                               gtk_check_button_get_active (check) ? &today : NULL, &error))
    show_error (self, _("Could not mark the milestone"), error);
}

static void
rebuild_milestones (PlPlacementEditor *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *today_iso = NULL;
  guint n = 0;
  GDate today;

  pl_context_get_today (self->context, &today);
  today_iso = pl_date_to_iso (&today);
  remove_all_rows (self->milestones_list);

  if (sqlite3_prepare_v2 (pl_store_get_db (get_store (self)),
                          "SELECT m.id, m.label, m.due, m.done FROM milestone AS m "
                          "LEFT JOIN milestone_template AS t ON t.kind = m.kind "
                          "WHERE m.placement_id = ?1 ORDER BY m.due, ifnull(t.position, 0), m.id",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, self->id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *due = (const char *) sqlite3_column_text (stmt, 2);
          const char *done = (const char *) sqlite3_column_text (stmt, 3);
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
                                         (const char *) sqlite3_column_text (stmt, 1));
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

          gtk_list_box_append (self->milestones_list, row);
          n++;
        }
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("The milestones appear once the placement has days."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->milestones_list, row);
    }
}

static void
rebuild_cascades (PlPlacementEditor *self)
{
  g_autoptr(GListModel) cascades = pl_store_list_where (get_store (self), PL_TYPE_CASCADE,
                                                        "placement_id", self->id);
  guint n = g_list_model_get_n_items (cascades);

  remove_all_rows (self->cascade_list);

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

/* Loading ------------------------------------------------------------ */

static void
fill_widgets (PlPlacementEditor *self)
{
  const char *columns[N_TEXTS];
  GtkTextView **views = text_views (self, columns);
  gint64 aims = pl_record_get_int (self->record, "aims");

  self->loading = TRUE;

  rebuild_choices (self);
  pl_date_row_set_date (self->window_start_row, pl_record_get_string (self->record, "window_start"));
  pl_date_row_set_date (self->window_end_row, pl_record_get_string (self->record, "window_end"));
  pl_date_row_set_date (self->standby_row, pl_record_get_string (self->record, "standby"));
  gtk_spin_button_set_value (self->length_spin, pl_record_get_int (self->record, "length"));

  for (guint i = 0; i < PL_N_AIMS; i++)
    gtk_check_button_set_active (self->aim_checks[i], (aims & (1 << i)) != 0);

  for (guint i = 0; i < N_TEXTS; i++)
    set_text (views[i], pl_record_get_string (self->record, columns[i]));

  update_header (self);
  update_history (self);
  rebuild_days (self);
  rebuild_milestones (self);
  rebuild_cascades (self);
  update_missing (self);

  self->loading = FALSE;
}

/* Reads the placement again after a change elsewhere (a status change, an
 * undo, the scheduler). What is being typed is written first, so that the
 * fields never go back to older text. */
static void
reload (PlPlacementEditor *self)
{
  g_autoptr(PlRecord) fresh = NULL;

  if (self->id == 0)
    return;

  pl_placement_editor_flush (self);

  fresh = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, self->id, NULL);
  if (fresh == NULL)
    {
      pl_placement_editor_set_placement (self, 0);
      return;
    }

  g_set_object (&self->record, fresh);
  g_strfreev (self->days);
  self->days = pl_store_get_days (get_store (self), self->id);
  fill_widgets (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  PlPlacementEditor *self = data;

  self->refresh_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed (PlPlacementEditor *self,
                  const char        *table,
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
  g_clear_object (&self->snapshot);
  g_clear_pointer (&self->snapshot_days, g_strfreev);
  g_clear_pointer (&self->days, g_strfreev);
  g_clear_pointer (&self->missing_for, g_free);
  if (self->edit_toast != NULL)
    adw_toast_dismiss (self->edit_toast);
  self->id = 0;

  if (id > 0 && self->context != NULL)
    record = pl_store_get (get_store (self), PL_TYPE_PLACEMENT, id, NULL);

  if (record == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->id = id;
  self->record = g_steal_pointer (&record);
  self->snapshot = pl_record_copy (self->record);
  self->days = pl_store_get_days (get_store (self), id);
  self->snapshot_days = g_strdupv (self->days);
  fill_widgets (self);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

gint64
pl_placement_editor_get_placement (PlPlacementEditor *self)
{
  g_return_val_if_fail (PL_IS_PLACEMENT_EDITOR (self), 0);
  return self->id;
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
  if (!pl_placement_restore (get_store (self), self->snapshot,
                             (const char * const *) self->snapshot_days, &error))
    show_error (self, _("Could not undo the changes"), error);
  else
    reload (self);
}

/* Status actions ----------------------------------------------------- */

static void
on_status_toast_undo (AdwToast          *toast,
                      PlPlacementEditor *self)
{
  PlStatusChange *change = g_object_get_data (G_OBJECT (toast), "change");
  g_autoptr(GError) error = NULL;

  if (!pl_lifecycle_undo (get_store (self), change, &error))
    show_error (self, _("Could not undo the status change"), error);
}

static gboolean
change_status (PlPlacementEditor *self,
               const char        *to,
               const char        *reason)
{
  g_autoptr(GError) error = NULL;
  PlStatusChange *change;
  g_autofree char *title = NULL;
  AdwToast *toast;
  GDate today;

  pl_placement_editor_flush (self);
  pl_context_get_today (self->context, &today);

  change = pl_lifecycle_change_status (get_store (self), self->id, to, reason, &today, &error);
  if (change == NULL)
    {
      if (g_error_matches (error, PL_ERROR, PL_ERROR_NOT_ALLOWED))
        {
          g_free (self->missing_for);
          self->missing_for = g_strdup (to);
          update_missing (self);
        }
      else
        show_error (self, _("Could not change the status"), error);
      return FALSE;
    }

  g_clear_pointer (&self->missing_for, g_free);
  title = g_strdup_printf (_("Moved to %s"), pl_enum_label (to));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "change", change,
                          (GDestroyNotify) pl_status_change_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_status_toast_undo), self, 0);
  add_toast (self, toast);

  reload (self);
  return TRUE;
}

static void
advance_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  const char *next = pl_lifecycle_next_status (current_status (self));

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

/* Cascade ------------------------------------------------------------ */

typedef struct
{
  PlPlacementEditor *self;
  gint64             cascade_id;   /* 0 for a new one */
  PlDateRow         *date_row;
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
  g_autoptr(PlRecord) cascade = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "save"))
    return;

  if (data->cascade_id > 0)
    cascade = pl_store_get (get_store (self), PL_TYPE_CASCADE, data->cascade_id, &error);
  else
    {
      cascade = pl_record_new (PL_TYPE_CASCADE);
      pl_record_set_int (cascade, "placement_id", self->id);
    }
  if (cascade == NULL)
    {
      show_error (self, _("Could not save the cascade"), error);
      return;
    }

  pl_record_set_string (cascade, "cascade_date", pl_date_row_get_date (data->date_row));
  pl_record_set_string (cascade, "audience",
                        pl_cascade_audiences[adw_combo_row_get_selected (data->audience_row)]);
  pl_record_set_int (cascade, "people", gtk_spin_button_get_value_as_int (data->people_spin));
  pl_record_set_string (cascade, "notes", gtk_editable_get_text (GTK_EDITABLE (data->notes_row)));

  ok = data->cascade_id > 0 ? pl_store_update (get_store (self), cascade, &error)
                            : pl_store_insert (get_store (self), cascade, &error);
  if (!ok)
    show_error (self, _("Could not save the cascade"), error);
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
    cascade = pl_store_get (get_store (self), PL_TYPE_CASCADE, cascade_id, NULL);

  data->self = self;
  data->cascade_id = cascade != NULL ? cascade_id : 0;
  data->date_row = PL_DATE_ROW (pl_date_row_new ());
  data->audience_row = ADW_COMBO_ROW (adw_combo_row_new ());
  data->people_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
  data->notes_row = ADW_ENTRY_ROW (adw_entry_row_new ());

  pl_context_get_today (self->context, &today);
  today_iso = pl_date_to_iso (&today);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->date_row), _("Date"));
  pl_date_row_set_required (data->date_row, TRUE);
  pl_date_row_set_date (data->date_row,
                        cascade ? pl_record_get_string (cascade, "cascade_date") : today_iso);
  gtk_widget_set_visible (GTK_WIDGET (data->date_row), TRUE);

  for (guint i = 0; pl_cascade_audiences[i] != NULL; i++)
    gtk_string_list_append (audiences, pl_enum_label (pl_cascade_audiences[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->audience_row), _("Audience"));
  adw_combo_row_set_model (data->audience_row, G_LIST_MODEL (audiences));
  if (cascade != NULL)
    for (guint i = 0; pl_cascade_audiences[i] != NULL; i++)
      if (g_strcmp0 (pl_cascade_audiences[i], pl_record_get_string (cascade, "audience")) == 0)
        adw_combo_row_set_selected (data->audience_row, i);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (people_row), _("Number of People"));
  gtk_spin_button_set_value (data->people_spin, cascade ? pl_record_get_int (cascade, "people") : 1);
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
  if (!pl_store_insert (get_store (self), again, &error))
    show_error (self, _("Could not bring the cascade back"), error);
}

static void
remove_cascade_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlPlacementEditor *self = PL_PLACEMENT_EDITOR (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(PlRecord) cascade = pl_store_get (get_store (self), PL_TYPE_CASCADE, id, NULL);
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (cascade == NULL)
    return;

  if (!pl_store_delete (get_store (self), PL_TYPE_CASCADE, id, &error))
    {
      show_error (self, _("Could not remove the cascade"), error);
      return;
    }

  toast = adw_toast_new (_("Cascade removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "cascade", g_steal_pointer (&cascade), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_cascade_removed_undo), self, 0);
  add_toast (self, toast);
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
      gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
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
  PlStore *store = get_store (self);
  const char *columns[N_TEXTS];
  GtkTextView **views = text_views (self, columns);


  for (guint i = 0; i < N_TEXTS; i++)
    g_signal_connect (gtk_text_view_get_buffer (views[i]), "changed",
                      G_CALLBACK (on_text_changed), self);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
}

static void
pl_placement_editor_dispose (GObject *object)
{
  PlPlacementEditor *self = (PlPlacementEditor *)object;
  GtkWidget *child;

  /* Whatever was typed last is written before the editor goes. */
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

  g_type_ensure (PL_TYPE_DATE_ROW);

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

  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_staff_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_sector_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_employer_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_add_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_close_clicked);

  gtk_widget_class_install_action (widget_class, "editor.advance", NULL, advance_action);
  gtk_widget_class_install_action (widget_class, "editor.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "editor.move-back", "s", move_back_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-cascade", NULL, add_cascade_action);
  gtk_widget_class_install_action (widget_class, "editor.edit-cascade", "x", edit_cascade_action);
  gtk_widget_class_install_action (widget_class, "editor.remove-cascade", "x",
                                   remove_cascade_action);
}

static void
pl_placement_editor_init (PlPlacementEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

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

  /* One colour along the walk, green when it is complete. */
  gtk_level_bar_remove_offset_value (self->progress_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->progress_bar, GTK_LEVEL_BAR_OFFSET_HIGH);

  gtk_stack_set_visible_child_name (self->stack, "empty");
}
