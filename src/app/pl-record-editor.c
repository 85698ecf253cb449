/* pl-record-editor.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-choice-list.h"
#include "pl-conflict-dialog.h"
#include "pl-date-picker-row.h"
#include "pl-record-chooser.h"
#include "pl-record-editor.h"
#include "pl-record-list.h"
#include "pl-weekday-picker.h"

/* Edits one record through the rows of a detail pane, GNOME style: there is
 * no Save button. What is typed is saved half a second after the typing
 * stops, or as soon as the field loses the focus; choices (combos, switches,
 * weekdays) are saved at once. Each save is one pl_store_update(), so one
 * transaction, committed before anything else happens.
 *
 * A value that breaks a rule (an email address without a domain, a number
 * out of range) is not saved: the row turns red and a line under it says
 * why, and the text stays as typed so that it can be corrected. If the
 * person moves on to another record first, the text is kept as a draft and
 * comes back, still marked, when they return to that record. */

typedef enum
{
  FIELD_ENTRY,
  FIELD_COMBO_ENUM,
  FIELD_REF,
  FIELD_SWITCH,
  FIELD_TEXT_VIEW,
  FIELD_WEEKDAYS,
  FIELD_DATE,
} FieldKind;

typedef struct
{
  PlRecordEditor *editor;
  FieldKind       kind;
  char           *column;
  char           *property;
  const PlColumn *spec;
  guint           index;
  GtkWidget      *widget;
  GtkWidget      *error_row;
  char           *error;
  gboolean        dirty;
  GListModel     *model;     /* FIELD_REF: the choices */
  GListModel     *records;   /* FIELD_REF: the store list inside model */
  guint           offset;    /* FIELD_REF and FIELD_COMBO_ENUM: 1 with a "none" first */
} Field;

struct _PlRecordEditor
{
  GObject     parent_instance;

  PlStore    *store;
  GType       type;
  PlRecord   *record;
  GPtrArray  *fields;
  GHashTable *drafts;     /* record id → GHashTable column → text */
  guint       timeout_id;
  guint       loading;
  gulong      notify_id;
  gboolean    manual;     /* checks only; pl_record_editor_apply() writes */
  gint64      base;       /* the row's revision when the pending typing began */
  gboolean    asking;     /* a conflict is being decided */
};

G_DEFINE_FINAL_TYPE (PlRecordEditor, pl_record_editor, G_TYPE_OBJECT)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
field_free (gpointer data)
{
  Field *field = data;

  if (field->widget != NULL)
    {
      g_signal_handlers_disconnect_by_data (field->widget, field);
      g_object_remove_weak_pointer (G_OBJECT (field->widget), (gpointer *) &field->widget);
    }
  if (field->error_row != NULL)
    g_object_remove_weak_pointer (G_OBJECT (field->error_row), (gpointer *) &field->error_row);

  g_free (field->column);
  g_free (field->property);
  g_free (field->error);
  g_clear_object (&field->model);
  g_free (field);
}

static Field *
find_field (PlRecordEditor *self,
            const char     *column)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (g_str_equal (field->column, column))
        return field;
    }

  return NULL;
}

/* The row a field's message goes under: the widget itself for rows, the
 * row holding it otherwise. */
static GtkWidget *
field_row (Field *field)
{
  if (GTK_IS_LIST_BOX_ROW (field->widget))
    return field->widget;

  return gtk_widget_get_ancestor (field->widget, GTK_TYPE_LIST_BOX_ROW);
}

static void
show_error (Field      *field,
            const char *message)
{
  GtkWidget *row = field_row (field);
  GtkWidget *target = row != NULL ? row : field->widget;

  g_free (field->error);
  field->error = g_strdup (message);

  gtk_widget_add_css_class (target, "error");

  if (row != NULL && GTK_IS_LIST_BOX (gtk_widget_get_parent (row)))
    {
      if (field->error_row == NULL)
        {
          GtkWidget *label = gtk_label_new (NULL);

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "error");
          gtk_widget_add_css_class (label, "caption");
          gtk_widget_set_margin_start (label, 12);
          gtk_widget_set_margin_end (label, 12);
          gtk_widget_set_margin_top (label, 6);
          gtk_widget_set_margin_bottom (label, 6);

          field->error_row = gtk_list_box_row_new ();
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (field->error_row), label);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
          gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (field->error_row), FALSE);
          gtk_widget_set_focusable (field->error_row, FALSE);
          g_object_add_weak_pointer (G_OBJECT (field->error_row), (gpointer *) &field->error_row);

          gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (row)), field->error_row,
                               gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
        }

      gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (field->error_row))),
                          message);
    }
  else
    gtk_widget_set_tooltip_text (target, message);

  gtk_accessible_update_property (GTK_ACCESSIBLE (field->widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

static void
clear_error (Field *field)
{
  GtkWidget *row = field_row (field);
  GtkWidget *target = row != NULL ? row : field->widget;

  if (field->error == NULL)
    return;

  g_clear_pointer (&field->error, g_free);
  gtk_widget_remove_css_class (target, "error");
  if (field->error_row != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (gtk_widget_get_parent (field->error_row)),
                         field->error_row);
  else
    gtk_widget_set_tooltip_text (target, NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field->widget),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
ref_position (Field  *field,
              gint64  id)
{
  guint position;

  if (id == 0)
    return field->offset > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  position = pl_record_list_find (PL_RECORD_LIST (field->records), id);
  if (position == G_MAXUINT)
    return GTK_INVALID_LIST_POSITION;

  return position + field->offset;
}

static guint
ref_get_selected (Field *field)
{
  if (ADW_IS_COMBO_ROW (field->widget))
    return adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));
  return gtk_drop_down_get_selected (GTK_DROP_DOWN (field->widget));
}

/* Writes the record's value into the field's widget. */
static void
load_field (PlRecordEditor *self,
            Field          *field)
{
  PlRecord *record = self->record;
  gboolean is_null = pl_record_is_null (record, field->column);

  self->loading++;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      {
        g_autofree char *text = NULL;

        if (is_null)
          text = g_strdup ("");
        else if (field->spec->type == PL_COLUMN_INT)
          text = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_int (record, field->column));
        else
          text = g_strdup (pl_record_get_string (record, field->column));

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->widget)), text) != 0)
          gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
      }
      break;

    case FIELD_COMBO_ENUM:
      {
        const char *value = pl_record_get_string (record, field->column);
        guint position = field->offset > 0 ? 0 : GTK_INVALID_LIST_POSITION;

        for (guint i = 0; value != NULL && pl_enum_get_nicks (field->spec->enum_type ())[i] != NULL; i++)
          if (g_str_equal (pl_enum_get_nicks (field->spec->enum_type ())[i], value))
            position = i + field->offset;

        adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
      }
      break;

    case FIELD_REF:
      if (PL_IS_RECORD_CHOOSER (field->widget))
        {
          pl_record_chooser_set_id (PL_RECORD_CHOOSER (field->widget),
                                    is_null ? 0 : pl_record_get_int (record, field->column));
          break;
        }
      else
      {
        guint position = ref_position (field, is_null ? 0 : pl_record_get_int (record, field->column));

        if (ADW_IS_COMBO_ROW (field->widget))
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->widget), position);
        else
          gtk_drop_down_set_selected (GTK_DROP_DOWN (field->widget), position);
      }
      break;

    case FIELD_SWITCH:
      gtk_switch_set_active (GTK_SWITCH (field->widget), pl_record_get_bool (record, field->column));
      break;

    case FIELD_TEXT_VIEW:
      {
        g_autofree char *now = text_view_get_text (GTK_TEXT_VIEW (field->widget));
        const char *text = pl_record_get_string (record, field->column);

        if (g_strcmp0 (now, text ? text : "") != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->widget)),
                                    text ? text : "", -1);
      }
      break;

    case FIELD_WEEKDAYS:
      pl_weekday_picker_set_mask (PL_WEEKDAY_PICKER (field->widget),
                                  (int) pl_record_get_int (record, field->column));
      break;

    case FIELD_DATE:
      pl_date_picker_row_set_date (PL_DATE_PICKER_ROW (field->widget),
                                   is_null ? NULL : pl_record_get_string (record, field->column));
      break;

    default:
      g_assert_not_reached ();
    }

  self->loading--;
}

/* Reads the widget into @into's column. FALSE with @error when the text is
 * not even of the right kind (letters in a number). */
static gboolean
read_field (Field     *field,
            PlRecord  *into,
            GError   **error)
{
  const char *label = field->spec->label ? _(field->spec->label) : field->column;

  switch (field->kind)
    {
    case FIELD_ENTRY:
      {
        g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));

        if (*text == '\0')
          pl_record_set_null (into, field->column);
        else if (field->spec->type == PL_COLUMN_INT)
          {
            gint64 number;

            if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
              {
                g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                             _("%s: “%s” is not a whole number."), label, text);
                return FALSE;
              }
            pl_record_set_int (into, field->column, number);
          }
        else
          pl_record_set_string (into, field->column, text);
      }
      break;

    case FIELD_COMBO_ENUM:
      {
        guint position = adw_combo_row_get_selected (ADW_COMBO_ROW (field->widget));

        if (position == GTK_INVALID_LIST_POSITION || position < field->offset)
          pl_record_set_null (into, field->column);
        else
          pl_record_set_string (into, field->column, pl_enum_get_nicks (field->spec->enum_type ())[position - field->offset]);
      }
      break;

    case FIELD_REF:
      if (PL_IS_RECORD_CHOOSER (field->widget))
        {
          gint64 id = pl_record_chooser_get_id (PL_RECORD_CHOOSER (field->widget));

          if (id == 0)
            pl_record_set_null (into, field->column);
          else
            pl_record_set_int (into, field->column, id);
          break;
        }
      else
      {
        guint position = ref_get_selected (field);
        g_autoptr(PlRecord) chosen = NULL;

        if (position != GTK_INVALID_LIST_POSITION)
          chosen = g_list_model_get_item (field->model, position);

        if (chosen == NULL || pl_record_get_id (chosen) == 0)
          pl_record_set_null (into, field->column);
        else
          pl_record_set_int (into, field->column, pl_record_get_id (chosen));
      }
      break;

    case FIELD_SWITCH:
      pl_record_set_bool (into, field->column, gtk_switch_get_active (GTK_SWITCH (field->widget)));
      break;

    case FIELD_TEXT_VIEW:
      {
        g_autofree char *text = text_view_get_text (GTK_TEXT_VIEW (field->widget));

        pl_record_set_string (into, field->column, text);
      }
      break;

    case FIELD_WEEKDAYS:
      pl_record_set_int (into, field->column,
                         pl_weekday_picker_get_mask (PL_WEEKDAY_PICKER (field->widget)));
      break;

    case FIELD_DATE:
      {
        const char *date = pl_date_picker_row_get_date (PL_DATE_PICKER_ROW (field->widget));

        if (date == NULL)
          pl_record_set_null (into, field->column);
        else
          pl_record_set_string (into, field->column, date);
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  return FALSE;
}

/**
 * pl_record_editor_flush:
 *
 * Saves what has changed now, rather than after the pause.
 *
 * Returns: %FALSE when a value could not be saved (its field says why)
 */
gboolean
pl_record_editor_flush (PlRecordEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), FALSE);

  if (pl_record_editor_save (self, &error))
    return TRUE;
  if (error != NULL)
    g_signal_emit (self, signals[FAILED], 0, error);
  return FALSE;
}

static GtkWidget *
any_widget (PlRecordEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->widget != NULL)
        return field->widget;
    }
  return NULL;
}

static void
on_conflict_choice (GObject  *owner,
                    gboolean  use_mine)
{
  PlRecordEditor *self = PL_RECORD_EDITOR (owner);
  g_autoptr(PlRecord) theirs = NULL;

  self->asking = FALSE;
  if (self->record == NULL)
    return;

  theirs = pl_store_get (self->store, self->type, pl_record_get_id (self->record), NULL);
  if (theirs == NULL)
    return;

  if (use_mine)
    {
      /* Typed again over the row as it now is. */
      self->base = pl_record_get_revision (theirs);
      pl_record_editor_flush (self);
      return;
    }

  /* Their version, in the record and in every field. */
  self->base = 0;
  self->loading++;
  {
    PlRecordClass *klass = PL_RECORD_GET_CLASS (self->record);

    for (guint i = 0; i < klass->n_columns; i++)
      pl_record_load_value (self->record, i, pl_record_peek_value (theirs, i));
    pl_record_set_revision (self->record, pl_record_get_revision (theirs));
  }
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field->dirty = FALSE;
      clear_error (field);
      load_field (self, field);
    }
  self->loading--;
}

static void
ask_about_conflict (PlRecordEditor *self,
                    const GError   *error)
{
  if (self->asking)
    return;
  self->asking = TRUE;
  pl_conflict_dialog_present (any_widget (self), error, G_OBJECT (self), on_conflict_choice);
}

/**
 * pl_record_editor_save:
 * @error: why the store refused what was typed, when it is not the fault
 *   of one field
 *
 * Saves what has changed now. A value one field alone makes wrong is shown
 * at that field (and FALSE returned without @error); a change the disk
 * cannot take sets @error and keeps every changed field pending, so that
 * saving again once there is room writes what was typed.
 *
 * Returns: %FALSE when something could not be saved
 */
gboolean
pl_record_editor_save (PlRecordEditor  *self,
                       GError         **error)
{
  g_autoptr(PlRecord) copy = NULL;
  g_autoptr(GPtrArray) pending = g_ptr_array_new ();
  Field *changed = NULL;
  guint n_changed = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->record == NULL || self->manual || self->asking)
    return TRUE;

  copy = pl_record_copy (self->record);
  if (self->base > 0)
    pl_record_set_revision (copy, self->base);

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) invalid = NULL;

      if (!field->dirty)
        continue;
      field->dirty = FALSE;

      if (!read_field (field, copy, &invalid) ||
          !pl_record_validate_column (copy, field->column, &invalid))
        {
          /* Not saved, but not lost: the widget keeps it. */
          pl_record_load_value (copy, field->index, pl_record_peek_value (self->record, field->index));
          show_error (field, invalid->message);
          ok = FALSE;
          continue;
        }

      clear_error (field);
      if (!values_equal (pl_record_peek_value (copy, field->index),
                         pl_record_peek_value (self->record, field->index)))
        {
          changed = field;
          n_changed++;
        }
      g_ptr_array_add (pending, field);
    }

  if (n_changed == 0)
    return ok;

  {
    g_autoptr(GError) local_error = NULL;

    if (!pl_store_update (self->store, copy, &local_error))
      {
        /* Somebody else saved first: what was typed stays while the
         * person chooses. */
        if (g_error_matches (local_error, PL_ERROR, PL_ERROR_CONFLICT))
          {
            for (guint i = 0; i < pending->len; i++)
              ((Field *) g_ptr_array_index (pending, i))->dirty = TRUE;
            ask_about_conflict (self, local_error);
            return FALSE;
          }
        /* The disk, not the person: everything typed stays to be saved. */
        if (g_error_matches (local_error, PL_ERROR, PL_ERROR_CANNOT_WRITE))
          {
            for (guint i = 0; i < pending->len; i++)
              ((Field *) g_ptr_array_index (pending, i))->dirty = TRUE;
            g_propagate_error (error, g_steal_pointer (&local_error));
          }
        /* The store's own rules (a name already taken, a follow-up before
         * the contact) can only be told apart by the field that changed. */
        else if (n_changed == 1)
          show_error (changed, local_error->message);
        else
          g_propagate_error (error, g_steal_pointer (&local_error));
        return FALSE;
      }
  }

  /* A record that is not in a store list is not refreshed by the store. */
  {
    PlRecordClass *klass = PL_RECORD_GET_CLASS (self->record);
    guint n_columns;
    const PlColumn *columns = pl_record_class_get_columns (klass, &n_columns);

    self->loading++;
    for (guint i = 0; i < n_columns; i++)
      if (!(columns[i].flags & PL_COLUMN_DERIVED))
        {
          g_autofree char *name = g_strdelimit (g_strdup (columns[i].name), "_", '-');

          if (!values_equal (pl_record_peek_value (self->record, i), pl_record_peek_value (copy, i)))
            {
              pl_record_load_value (self->record, i, pl_record_peek_value (copy, i));
              g_object_notify (G_OBJECT (self->record), name);
            }
        }
    self->loading--;
    pl_record_set_revision (self->record, pl_record_get_revision (copy));
    self->base = 0;
  }

  g_signal_emit (self, signals[SAVED], 0);
  return ok;
}

/* Reads and checks one field into a scratch copy; shows or clears its
 * message. */
static gboolean
check_field (PlRecordEditor *self,
             Field          *field,
             PlRecord       *into)
{
  g_autoptr(GError) invalid = NULL;

  if (!read_field (field, into, &invalid) ||
      !pl_record_validate_column (into, field->column, &invalid))
    {
      show_error (field, invalid->message);
      return FALSE;
    }

  clear_error (field);
  return TRUE;
}

static void
check_dirty (PlRecordEditor *self)
{
  g_autoptr(PlRecord) scratch = NULL;

  if (self->record == NULL)
    return;

  scratch = pl_record_copy (self->record);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->dirty)
        {
          field->dirty = FALSE;
          check_field (self, field, scratch);
        }
    }
}

static void
settle (PlRecordEditor *self)
{
  if (self->manual)
    check_dirty (self);
  else
    pl_record_editor_flush (self);
}

static gboolean
on_timeout (gpointer data)
{
  PlRecordEditor *self = data;

  self->timeout_id = 0;
  settle (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed (Field    *field,
               gboolean  at_once)
{
  PlRecordEditor *self = field->editor;

  if (self->loading > 0 || self->record == NULL)
    return;

  /* What is typed is typed over the record as it is shown now. */
  if (self->base == 0)
    self->base = pl_record_get_revision (self->record);
  field->dirty = TRUE;

  if (at_once)
    {
      settle (self);
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (PL_RECORD_EDITOR_DELAY_MS, on_timeout, self);
}

static void
on_text_changed (Field *field)
{
  field_changed (field, FALSE);
}

static void
on_choice_changed (Field *field)
{
  field_changed (field, TRUE);
}

static void
on_focus_leave (GtkEventControllerFocus *controller,
                Field                   *field)
{
  if (field->dirty)
    settle (field->editor);
}

/* Another part of the application changed the record: show it, except in
 * fields the person is busy with. */
static void
on_record_notify (PlRecordEditor *self,
                  GParamSpec     *pspec,
                  PlRecord       *record)
{
  if (self->loading > 0)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (!g_str_equal (field->property, pspec->name))
        continue;
      if (field->dirty || field->error != NULL)
        continue;
      if (gtk_widget_has_focus (field->widget) ||
          gtk_widget_get_focus_child (field->widget) != NULL)
        continue;

      load_field (self, field);
    }
}

static Field *
add_field (PlRecordEditor *self,
           GtkWidget      *widget,
           const char     *column,
           FieldKind       kind)
{
  PlRecordClass *klass = g_type_class_peek (self->type);
  const PlColumn *columns;
  guint n_columns;
  Field *field = g_new0 (Field, 1);

  columns = pl_record_class_get_columns (klass, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (columns[i].name, column))
      {
        field->spec = &columns[i];
        field->index = i;
      }
  g_assert (field->spec != NULL);

  field->editor = self;
  field->kind = kind;
  field->column = g_strdup (column);
  field->property = g_strdelimit (g_strdup (column), "_", '-');
  field->widget = widget;
  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &field->widget);
  g_ptr_array_add (self->fields, field);

  return field;
}

static void
watch_focus (Field     *field,
             GtkWidget *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave), field);
  gtk_widget_add_controller (widget, focus);
}

/**
 * pl_record_editor_bind:
 * @widget: an #AdwEntryRow (text, numbers, dates), an #AdwComboRow (a
 *   column with choices), a #GtkSwitch, a #GtkTextView or a
 *   #PlWeekdayPicker
 * @column: the column it edits
 */
void
pl_record_editor_bind (PlRecordEditor *self,
                       GtkWidget      *widget,
                       const char     *column)
{
  Field *field;

  g_return_if_fail (PL_IS_RECORD_EDITOR (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (ADW_IS_ENTRY_ROW (widget))
    {
      field = add_field (self, widget, column, FIELD_ENTRY);
      g_signal_connect_swapped (widget, "changed", G_CALLBACK (on_text_changed), field);
      watch_focus (field, widget);
    }
  else if (ADW_IS_COMBO_ROW (widget))
    {
      g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

      field = add_field (self, widget, column, FIELD_COMBO_ENUM);
      g_assert (field->spec->type == PL_COLUMN_ENUM);

      if (!(field->spec->flags & PL_COLUMN_REQUIRED))
        {
          gtk_string_list_append (labels, _("Not set"));
          field->offset = 1;
        }
      for (guint i = 0; pl_enum_get_nicks (field->spec->enum_type ())[i] != NULL; i++)
        gtk_string_list_append (labels, pl_enum_label (pl_enum_get_nicks (field->spec->enum_type ())[i]));
      adw_combo_row_set_model (ADW_COMBO_ROW (widget), G_LIST_MODEL (labels));
      g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (on_choice_changed), field);
    }
  else if (GTK_IS_SWITCH (widget))
    {
      field = add_field (self, widget, column, FIELD_SWITCH);
      g_signal_connect_swapped (widget, "notify::active", G_CALLBACK (on_choice_changed), field);
    }
  else if (GTK_IS_TEXT_VIEW (widget))
    {
      field = add_field (self, widget, column, FIELD_TEXT_VIEW);
      g_signal_connect_swapped (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), "changed",
                                G_CALLBACK (on_text_changed), field);
      watch_focus (field, widget);
    }
  else if (PL_IS_WEEKDAY_PICKER (widget))
    {
      field = add_field (self, widget, column, FIELD_WEEKDAYS);
      g_signal_connect_swapped (widget, "notify::mask", G_CALLBACK (on_choice_changed), field);
    }
  else if (PL_IS_DATE_PICKER_ROW (widget))
    {
      field = add_field (self, widget, column, FIELD_DATE);
      /* A date the record cannot do without is changed, never cleared. */
      if (field->spec->flags & PL_COLUMN_REQUIRED)
        pl_date_picker_row_set_required (PL_DATE_PICKER_ROW (widget), TRUE);
      g_signal_connect_swapped (widget, "notify::date", G_CALLBACK (on_choice_changed), field);
    }
  else
    g_critical ("Cannot edit a column with a %s", G_OBJECT_TYPE_NAME (widget));
}

static GType
type_of_table (const char *table)
{
  static const struct {
    const char *table;
    GType     (*get_type) (void);
  } tables[] = {
    { "sector", pl_sector_get_type },
    { "partner", pl_partner_get_type },
    { "staff", pl_staff_get_type },
    { "employer", pl_employer_get_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].table, table))
      return tables[i].get_type ();

  g_return_val_if_reached (G_TYPE_INVALID);
}

/**
 * pl_record_editor_bind_ref:
 * @widget: an #AdwComboRow for short lists (sectors, partners), or for
 *   long ones (staff) a #PlRecordChooser, which searches
 * @column: a column that refers to another record
 * @none_label: (nullable): the choice that means none ("Nobody"), for a
 *   column that may be empty
 *
 * Offers the records of the referred table, by name, as the choices.
 */
void
pl_record_editor_bind_ref (PlRecordEditor *self,
                           GtkWidget      *widget,
                           const char     *column,
                           const char     *none_label)
{
  g_autoptr(GtkExpression) expression = NULL;
  Field *field;
  GType type;

  g_return_if_fail (PL_IS_RECORD_EDITOR (self));
  g_return_if_fail (ADW_IS_COMBO_ROW (widget) || GTK_IS_DROP_DOWN (widget) ||
                    PL_IS_RECORD_CHOOSER (widget));

  field = add_field (self, widget, column, FIELD_REF);
  g_assert (field->spec->type == PL_COLUMN_REF);
  field->kind = FIELD_REF;

  type = type_of_table (field->spec->ref_table);

  if (PL_IS_RECORD_CHOOSER (widget))
    {
      /* The search index calls its kinds by the table's name. */
      pl_record_chooser_setup (PL_RECORD_CHOOSER (widget), self->store, type,
                               field->spec->ref_table, none_label);
      g_signal_connect_swapped (widget, "notify::id", G_CALLBACK (on_choice_changed), field);
      return;
    }

  field->records = pl_store_list (self->store, type);

  if (none_label != NULL)
    {
      g_autoptr(GListStore) none = g_list_store_new (type);
      g_autoptr(PlRecord) nobody = pl_record_new (type);
      GListStore *parts = g_list_store_new (G_TYPE_LIST_MODEL);

      pl_record_set_string (nobody, "name", none_label);
      g_list_store_append (none, nobody);
      g_list_store_append (parts, none);
      g_list_store_append (parts, field->records);
      g_object_unref (field->records);
      field->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (parts)));
      field->offset = 1;
    }
  else
    field->model = field->records;

  expression = gtk_property_expression_new (type, NULL, "name");
  if (ADW_IS_COMBO_ROW (widget))
    {
      adw_combo_row_set_expression (ADW_COMBO_ROW (widget), expression);
      adw_combo_row_set_model (ADW_COMBO_ROW (widget), field->model);
      /* Sector and employer names are long. */
      pl_choice_list_show_in_full (ADW_COMBO_ROW (widget));
    }
  else
    {
      gtk_drop_down_set_expression (GTK_DROP_DOWN (widget), expression);
      gtk_drop_down_set_model (GTK_DROP_DOWN (widget), field->model);
      gtk_drop_down_set_enable_search (GTK_DROP_DOWN (widget), TRUE);
    }

  g_signal_connect_swapped (widget, "notify::selected", G_CALLBACK (on_choice_changed), field);
}

static void
save_drafts (PlRecordEditor *self)
{
  GHashTable *drafts = NULL;
  gint64 *key;

  if (self->record == NULL)
    return;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->error == NULL || field->kind != FIELD_ENTRY)
        continue;

      if (drafts == NULL)
        drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_insert (drafts, g_strdup (field->column),
                           g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->widget))));
    }

  key = g_new (gint64, 1);
  *key = pl_record_get_id (self->record);
  if (drafts != NULL)
    g_hash_table_insert (self->drafts, key, drafts);
  else
    {
      g_hash_table_remove (self->drafts, key);
      g_free (key);
    }
}

static void
restore_drafts (PlRecordEditor *self)
{
  gint64 id = pl_record_get_id (self->record);
  GHashTable *drafts = g_hash_table_lookup (self->drafts, &id);
  GHashTableIter iter;
  gpointer column, text;

  if (drafts == NULL)
    return;

  g_hash_table_iter_init (&iter, drafts);
  while (g_hash_table_iter_next (&iter, &column, &text))
    {
      Field *field = find_field (self, column);

      if (field == NULL)
        continue;

      /* As if typed again, so that it is checked and marked again. */
      self->loading++;
      gtk_editable_set_text (GTK_EDITABLE (field->widget), text);
      self->loading--;
      field->dirty = TRUE;
    }

  g_hash_table_remove (self->drafts, &id);
  pl_record_editor_flush (self);
}

/**
 * pl_record_editor_set_record:
 * @record: (nullable): the record to edit, or %NULL for none
 *
 * Saves what is pending for the previous record, then shows @record in the
 * bound widgets. The editor follows later changes to @record (a store list
 * updates its records in place).
 */
void
pl_record_editor_set_record (PlRecordEditor *self,
                             PlRecord       *record)
{
  g_return_if_fail (PL_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || G_TYPE_CHECK_INSTANCE_TYPE (record, self->type));

  if (record == self->record)
    return;

  pl_record_editor_flush (self);
  save_drafts (self);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_set_object (&self->record, record);
  self->base = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field->dirty = FALSE;
      clear_error (field);
      if (record != NULL)
        load_field (self, field);
    }

  if (record != NULL)
    {
      self->notify_id = g_signal_connect_object (record, "notify", G_CALLBACK (on_record_notify),
                                                 self, G_CONNECT_SWAPPED);
      restore_drafts (self);
    }
}

/**
 * pl_record_editor_set_manual:
 *
 * In manual mode (for dialogs with a Save button) the editor checks fields
 * as they are typed but writes nothing: pl_record_editor_apply() copies
 * the fields into the record when the person saves.
 */
void
pl_record_editor_set_manual (PlRecordEditor *self,
                             gboolean        manual)
{
  g_return_if_fail (PL_IS_RECORD_EDITOR (self));

  self->manual = !!manual;
}

/**
 * pl_record_editor_apply:
 *
 * Checks every field and, when all are acceptable, writes them into the
 * record (not the store).
 *
 * Returns: %FALSE when a field is not acceptable; each such field says why
 */
gboolean
pl_record_editor_apply (PlRecordEditor *self)
{
  g_autoptr(PlRecord) scratch = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), FALSE);
  g_return_val_if_fail (self->record != NULL, FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  scratch = pl_record_copy (self->record);
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      field->dirty = FALSE;
      ok = check_field (self, field, scratch) && ok;
    }

  if (!ok)
    return FALSE;

  self->loading++;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      pl_record_load_value (self->record, field->index, pl_record_peek_value (scratch, field->index));
    }
  self->loading--;

  return TRUE;
}

/**
 * pl_record_editor_set_error:
 * @message: (nullable): why the field's value cannot be saved, or %NULL
 *
 * Marks a field with a rule that involves other fields or records (a
 * follow-up before the contact), which only the caller can check.
 */
void
pl_record_editor_set_error (PlRecordEditor *self,
                            const char     *column,
                            const char     *message)
{
  Field *field;

  g_return_if_fail (PL_IS_RECORD_EDITOR (self));

  field = find_field (self, column);
  g_return_if_fail (field != NULL);

  if (message != NULL)
    show_error (field, message);
  else
    clear_error (field);
}

/**
 * pl_record_editor_get_record:
 *
 * Returns: (transfer none) (nullable): the record being edited
 */
PlRecord *
pl_record_editor_get_record (PlRecordEditor *self)
{
  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), NULL);

  return self->record;
}

/**
 * pl_record_editor_get_error:
 *
 * Returns: (nullable): why what is in @column's field was not saved
 */
const char *
pl_record_editor_get_error (PlRecordEditor *self,
                            const char     *column)
{
  Field *field;

  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), NULL);

  field = find_field (self, column);
  return field != NULL ? field->error : NULL;
}

/**
 * pl_record_editor_get_widget:
 *
 * Returns: (transfer none) (nullable): the widget bound to @column
 */
GtkWidget *
pl_record_editor_get_widget (PlRecordEditor *self,
                             const char     *column)
{
  Field *field;

  g_return_val_if_fail (PL_IS_RECORD_EDITOR (self), NULL);

  field = find_field (self, column);
  return field != NULL ? field->widget : NULL;
}

static void
pl_record_editor_dispose (GObject *object)
{
  PlRecordEditor *self = PL_RECORD_EDITOR (object);

  /* Nothing typed is lost when the page goes away. */
  if (self->store != NULL)
    pl_record_editor_flush (self);

  if (self->record != NULL)
    g_clear_signal_handler (&self->notify_id, self->record);
  g_clear_object (&self->record);
  g_clear_pointer (&self->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_record_editor_parent_class)->dispose (object);
}

static void
pl_record_editor_finalize (GObject *object)
{
  PlRecordEditor *self = PL_RECORD_EDITOR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->drafts, g_hash_table_unref);

  G_OBJECT_CLASS (pl_record_editor_parent_class)->finalize (object);
}

static void
pl_record_editor_class_init (PlRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pl_record_editor_dispose;
  object_class->finalize = pl_record_editor_finalize;

  /**
   * PlRecordEditor::saved:
   *
   * Emitted after a change was written to the store.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * PlRecordEditor::failed:
   * @error: why
   *
   * Emitted when the store refused changes to several fields at once, so
   * that no one field can show why; the page shows it instead.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
pl_record_editor_init (PlRecordEditor *self)
{
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
}

/**
 * pl_record_editor_new:
 * @type: the #PlRecord type it edits
 *
 * Returns: (transfer full): an editor with no widgets and no record yet
 */
PlRecordEditor *
pl_record_editor_new (PlStore *store,
                      GType    type)
{
  PlRecordEditor *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  self = g_object_new (PL_TYPE_RECORD_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  g_type_class_ref (type);

  return self;
}
