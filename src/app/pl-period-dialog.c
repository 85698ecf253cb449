/* pl-period-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-period-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-period-dialog.h"
#include "pl-store-choices.h"

struct _PlPeriodDialog
{
  AdwWindow             parent_instance;

  PlContext            *context;
  PlRecord             *period;       /* the one edited, or NULL for a new one */
  gboolean              importing;
  GFile                *file;
  GArray               *owner_ids;    /* ids of the owner row's names */
  GtkFileChooserNative *chooser;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *save_button;
  GtkWidget            *file_group;
  AdwActionRow         *file_row;
  AdwComboRow          *kind_row;
  AdwEntryRow          *label_row;
  AdwComboRow          *owner_kind_row;
  AdwComboRow          *owner_row;
  GtkWidget            *dates_group;
  GtkWidget            *weekdays_group;
  AdwEntryRow          *start_row;
  AdwEntryRow          *end_row;
  GtkCalendar          *start_calendar;
  GtkCalendar          *end_calendar;
  GtkWidget            *weekday_box;
  GtkLabel             *note_label;
  GtkLabel             *error_label;

  GtkToggleButton      *weekdays[7];
};

G_DEFINE_FINAL_TYPE (PlPeriodDialog, pl_period_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORT,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char * const owner_tables[] = { NULL, "partner", "employer", "staff" };

static GType
owner_type (PlOwnerKind kind)
{
  switch (kind)
    {
    case PL_OWNER_PARTNER: return PL_TYPE_PARTNER;
    case PL_OWNER_EMPLOYER: return PL_TYPE_EMPLOYER;
    case PL_OWNER_STAFF: return PL_TYPE_STAFF;
    case PL_OWNER_ALL:
    default: return G_TYPE_INVALID;
    }
}

static PlOwnerKind
selected_owner_kind (PlPeriodDialog *self)
{
  return (PlOwnerKind) adw_combo_row_get_selected (self->owner_kind_row);
}

static gint64
selected_owner_id (PlPeriodDialog *self)
{
  guint index = adw_combo_row_get_selected (self->owner_row);

  if (selected_owner_kind (self) == PL_OWNER_ALL || index >= self->owner_ids->len)
    return 0;

  return g_array_index (self->owner_ids, gint64, index);
}

static const char *
selected_kind (PlPeriodDialog *self)
{
  guint index = adw_combo_row_get_selected (self->kind_row);

  return index < g_strv_length ((char **) pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)) ? pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[index] : NULL;
}

/* Fills the owner row with the names of the chosen kind of owner. */
static void
load_owners (PlPeriodDialog *self,
             gint64          select_id)
{
  PlOwnerKind kind = selected_owner_kind (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_array_set_size (self->owner_ids, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->owner_row), kind != PL_OWNER_ALL);

  if (kind != PL_OWNER_ALL && self->context != NULL)
    {
      choices = pl_store_list_choices (pl_context_get_store (self->context), owner_type (kind),
                                       &error);
      if (choices == NULL)
        g_warning ("Cannot read the owners: %s", error->message);
    }

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      const PlChoice *choice = &g_array_index (choices, PlChoice, i);
      g_autofree char *label = NULL;

      if (choice->id == select_id)
        selected = self->owner_ids->len;
      g_array_append_val (self->owner_ids, choice->id);
      /* Staff names need not be unique; their college tells them apart. */
      if (choice->detail != NULL)
        /* TRANSLATORS: a member of staff to choose: name (partner) */
        label = g_strdup_printf (_("%s (%s)"), choice->name, choice->detail);
      gtk_string_list_append (names, label != NULL ? label : choice->name);
    }

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static guint
weekday_mask (PlPeriodDialog *self)
{
  guint mask = 0;

  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekdays[i]))
      mask |= 1u << i;

  return mask;
}

/* Why the form cannot be saved yet, or NULL. */
static char *
check_form (PlPeriodDialog *self)
{
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  GDate start, end;

  if (selected_owner_kind (self) != PL_OWNER_ALL && selected_owner_id (self) == 0)
    return g_strdup (_("Choose whose period this is."));

  if (self->importing)
    return self->file == NULL ? g_strdup ("") : NULL;

  /* Empty fields are not mistakes yet: the button waits, silently. */
  if (*start_text == '\0' || *end_text == '\0')
    return g_strdup ("");
  if (!pl_date_parse (start_text, &start))
    return g_strdup_printf (_("The first day “%s” is not a date such as 2027-01-04."), start_text);
  if (!pl_date_parse (end_text, &end))
    return g_strdup_printf (_("The last day “%s” is not a date such as 2027-01-08."), end_text);
  if (g_date_compare (&end, &start) < 0)
    return g_strdup (_("The last day comes before the first."));
  if (weekday_mask (self) == 0)
    return g_strdup (_("Choose at least one day of the week."));

  return NULL;
}

static void
update_form (PlPeriodDialog *self)
{
  g_autofree char *problem = check_form (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "period.save", problem == NULL);
  gtk_label_set_text (self->error_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problem != NULL && *problem != '\0');
}

static void
on_changed (PlPeriodDialog *self)
{
  update_form (self);
}

static void
on_owner_kind_changed (PlPeriodDialog *self)
{
  load_owners (self, 0);
  update_form (self);
}

static void
set_entry_from_calendar (AdwEntryRow *row,
                         GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
on_start_day_selected (PlPeriodDialog *self,
                       GtkCalendar    *calendar)
{
  set_entry_from_calendar (self->start_row, calendar);
  /* A new period usually ends where it starts or later. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->end_row)) == '\0')
    set_entry_from_calendar (self->end_row, calendar);
}

static void
on_end_day_selected (PlPeriodDialog *self,
                     GtkCalendar    *calendar)
{
  set_entry_from_calendar (self->end_row, calendar);
}

static void
select_kind (PlPeriodDialog *self,
             const char     *kind)
{
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    if (g_strcmp0 (kind, pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i]) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
}

static void
select_owner (PlPeriodDialog *self,
              PlOwnerKind     kind,
              gint64          id)
{
  g_signal_handlers_block_by_func (self->owner_kind_row, on_owner_kind_changed, self);
  adw_combo_row_set_selected (self->owner_kind_row, kind);
  g_signal_handlers_unblock_by_func (self->owner_kind_row, on_owner_kind_changed, self);
  load_owners (self, id);
}

/* The owner a filter suggests: the most specific one chosen. */
static void
owner_from_filter (const PlCalendarFilter *filter,
                   PlOwnerKind            *kind,
                   gint64                 *id)
{
  *kind = PL_OWNER_ALL;
  *id = 0;
  if (filter == NULL)
    return;

  if (filter->staff_id != 0)
    *kind = PL_OWNER_STAFF, *id = filter->staff_id;
  else if (filter->employer_id != 0)
    *kind = PL_OWNER_EMPLOYER, *id = filter->employer_id;
  else if (filter->partner_id != 0)
    *kind = PL_OWNER_PARTNER, *id = filter->partner_id;
}

/* The kind of period that owner most likely means. */
static const char *
default_kind (PlOwnerKind kind)
{
  switch (kind)
    {
    case PL_OWNER_PARTNER: return "term";
    case PL_OWNER_EMPLOYER: return "busy";
    case PL_OWNER_STAFF: return "unavailable";
    case PL_OWNER_ALL:
    default: return "holiday";
    }
}

static void
set_date_row (AdwEntryRow *row,
              GtkCalendar *calendar,
              const char  *iso)
{
  GDate date;

  gtk_editable_set_text (GTK_EDITABLE (row), iso != NULL ? iso : "");
  if (iso != NULL && pl_date_parse (iso, &date))
    {
      g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date),
                                                         g_date_get_month (&date),
                                                         g_date_get_day (&date), 12, 0, 0);

      gtk_calendar_select_day (calendar, time);
    }
}

static gboolean
owner_name (PlPeriodDialog  *self,
            char           **spec)
{
  PlOwnerKind kind = selected_owner_kind (self);
  g_autoptr(PlRecord) owner = NULL;

  if (kind == PL_OWNER_ALL)
    {
      *spec = g_strdup ("all");
      return TRUE;
    }

  owner = pl_store_get (pl_context_get_store (self->context), owner_type (kind),
                        selected_owner_id (self), NULL);
  if (owner == NULL)
    return FALSE;

  *spec = g_strdup_printf ("%s:%s", owner_tables[kind], pl_record_get_string (owner, "name"));
  return TRUE;
}

gboolean
pl_period_dialog_save (PlPeriodDialog  *self,
                       GError         **error)
{
  PlStore *store;
  g_autoptr(PlRecord) record = NULL;
  g_autofree char *problem = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *label;
  PlOwnerKind kind;
  gboolean ok;

  g_return_val_if_fail (PL_IS_PERIOD_DIALOG (self), FALSE);

  problem = check_form (self);
  if (problem != NULL)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_INVALID,
                           *problem != '\0' ? problem : _("The form is not complete."));
      return FALSE;
    }

  if (self->importing)
    {
      g_autofree char *spec = NULL;
      g_autofree char *path = g_file_get_path (self->file);

      if (!owner_name (self, &spec))
        {
          g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("The owner no longer exists."));
          return FALSE;
        }
      g_signal_emit (self, signals[IMPORT], 0, path, spec, selected_kind (self));
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  store = pl_context_get_store (self->context);
  record = self->period != NULL ? pl_record_copy (self->period)
                                : pl_record_new (PL_TYPE_CALENDAR_PERIOD);
  kind = selected_owner_kind (self);
  label = gtk_editable_get_text (GTK_EDITABLE (self->label_row));

  pl_record_set_string (record, "owner_kind", pl_owner_kind_to_string (kind));
  pl_record_set_int (record, "partner_id", kind == PL_OWNER_PARTNER ? selected_owner_id (self) : 0);
  pl_record_set_int (record, "employer_id", kind == PL_OWNER_EMPLOYER ? selected_owner_id (self) : 0);
  pl_record_set_int (record, "staff_id", kind == PL_OWNER_STAFF ? selected_owner_id (self) : 0);
  pl_record_set_string (record, "kind", selected_kind (self));
  pl_record_set_string (record, "label", *label != '\0' ? label : NULL);
  pl_record_set_string (record, "start_date", gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  pl_record_set_string (record, "end_date", gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  pl_record_set_int (record, "weekdays", weekday_mask (self));
  if (self->period == NULL)
    pl_record_set_string (record, "source", "manual");

  ok = self->period != NULL ? pl_store_update (store, record, &local_error)
                            : pl_store_insert (store, record, &local_error);
  if (!ok)
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr(GError) error = NULL;

  /* A refusal is shown in the form itself. */
  pl_period_dialog_save (PL_PERIOD_DIALOG (widget), &error);
}

static void
on_chooser_response (PlPeriodDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *name = NULL;

      g_clear_object (&self->file);
      self->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (self->file);
      adw_action_row_set_subtitle (self->file_row, name);
    }

  g_clear_object (&self->chooser);
  update_form (self);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlPeriodDialog *self = PL_PERIOD_DIALOG (widget);
  g_autoptr(GtkFileFilter) ics = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (ics, _("iCalendar files"));
  gtk_file_filter_add_pattern (ics, "*.ics");
  gtk_file_filter_add_pattern (ics, "*.ICS");
  gtk_file_filter_add_mime_type (ics, "text/calendar");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Import Calendar"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), ics);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
pl_period_dialog_dispose (GObject *object)
{
  PlPeriodDialog *self = (PlPeriodDialog *)object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->context);
  g_clear_object (&self->period);
  g_clear_object (&self->file);
  g_clear_pointer (&self->owner_ids, g_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PERIOD_DIALOG);

  G_OBJECT_CLASS (pl_period_dialog_parent_class)->dispose (object);
}

static void
pl_period_dialog_class_init (PlPeriodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_period_dialog_dispose;

  /**
   * PlPeriodDialog::import:
   * @path: the file
   * @owner: whose periods they are: all, partner:NAME, employer:NAME or staff:NAME
   * @kind: the kind of period
   *
   * The import form was completed.
   */
  signals [IMPORT] =
    g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-period-dialog.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, owner_kind_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, dates_group);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, weekdays_group);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, start_calendar);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, end_calendar);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, weekday_box);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, PlPeriodDialog, error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_owner_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_start_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_end_day_selected);

  gtk_widget_class_install_action (widget_class, "period.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "period.choose-file", NULL, choose_file_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pl_period_dialog_init (PlPeriodDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) owners = gtk_string_list_new (NULL);
  GDate monday;

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i] != NULL; i++)
    gtk_string_list_append (kinds, pl_enum_label (pl_enum_get_nicks (PL_TYPE_PERIOD_KIND)[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_OWNER_KIND)[i] != NULL; i++)
    gtk_string_list_append (owners, pl_enum_label (pl_enum_get_nicks (PL_TYPE_OWNER_KIND)[i]));
  adw_combo_row_set_model (self->owner_kind_row, G_LIST_MODEL (owners));

  /* 4 January 2027 is a Monday: the week's day names in the locale. */
  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 4, G_DATE_JANUARY, 2027);
  for (guint i = 0; i < 7; i++, g_date_add_days (&monday, 1))
    {
      char name[32];
      char full[64];

      /* TRANSLATORS: a short weekday name on a toggle, as for g_date_strftime. */
      g_date_strftime (name, sizeof name, _("%a"), &monday);
      g_date_strftime (full, sizeof full, "%A", &monday);
      self->weekdays[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (name));
      gtk_toggle_button_set_active (self->weekdays[i], TRUE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->weekdays[i]), full);
      g_signal_connect_object (self->weekdays[i], "toggled", G_CALLBACK (on_changed), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (self->weekday_box), GTK_WIDGET (self->weekdays[i]));
    }
}

static void
load_period (PlPeriodDialog *self,
             gint64          period_id)
{
  g_autoptr(GError) error = NULL;
  PlOwnerKind kind = PL_OWNER_ALL;
  gint64 weekdays;

  self->period = pl_store_get (pl_context_get_store (self->context), PL_TYPE_CALENDAR_PERIOD,
                               period_id, &error);
  if (self->period == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  pl_owner_kind_from_string (pl_record_get_string (self->period, "owner_kind"), &kind);
  select_owner (self, kind,
                kind == PL_OWNER_ALL ? 0
                : pl_record_get_int (self->period, kind == PL_OWNER_PARTNER ? "partner_id"
                                                   : kind == PL_OWNER_EMPLOYER ? "employer_id"
                                                   : "staff_id"));
  select_kind (self, pl_record_get_string (self->period, "kind"));
  gtk_editable_set_text (GTK_EDITABLE (self->label_row),
                         pl_record_get_string (self->period, "label") != NULL
                           ? pl_record_get_string (self->period, "label") : "");
  set_date_row (self->start_row, self->start_calendar,
                pl_record_get_string (self->period, "start_date"));
  set_date_row (self->end_row, self->end_calendar, pl_record_get_string (self->period, "end_date"));

  weekdays = pl_record_get_int (self->period, "weekdays");
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekdays[i], (weekdays & (1 << i)) != 0);

  if (g_strcmp0 (pl_record_get_string (self->period, "source"), "ics") == 0)
    {
      gtk_label_set_text (self->note_label,
                          _("This period came from an iCalendar file: importing that file "
                            "again replaces changes made here."));
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
}

/**
 * pl_period_dialog_new:
 *
 * Returns: (transfer floating): a new dialog
 */
PlPeriodDialog *
pl_period_dialog_new (PlContext              *context,
                      gint64                  period_id,
                      const PlCalendarFilter *owner,
                      const GDate            *day)
{
  PlPeriodDialog *self;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_PERIOD_DIALOG, NULL);
  self->context = g_object_ref (context);

  if (period_id != 0)
    {
      adw_window_title_set_title (self->window_title, _("Edit Period"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
      load_period (self, period_id);
    }
  else
    {
      PlOwnerKind kind;
      gint64 id;

      adw_window_title_set_title (self->window_title, _("New Period"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
      owner_from_filter (owner, &kind, &id);
      select_owner (self, kind, id);
      select_kind (self, default_kind (kind));
      if (day != NULL && g_date_valid (day))
        {
          g_autofree char *iso = pl_date_to_iso (day);

          set_date_row (self->start_row, self->start_calendar, iso);
          set_date_row (self->end_row, self->end_calendar, iso);
        }
    }

  update_form (self);
  return self;
}

/**
 * pl_period_dialog_new_import:
 *
 * Returns: (transfer floating): a new dialog that asks whose periods a file holds
 */
PlPeriodDialog *
pl_period_dialog_new_import (PlContext              *context,
                             const PlCalendarFilter *owner)
{
  PlPeriodDialog *self;
  PlOwnerKind kind;
  gint64 id;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_PERIOD_DIALOG, NULL);
  self->context = g_object_ref (context);
  self->importing = TRUE;

  adw_window_title_set_title (self->window_title, _("Import Calendar"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Import"));
  gtk_widget_set_visible (self->file_group, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->label_row), FALSE);
  gtk_widget_set_visible (self->dates_group, FALSE);
  gtk_widget_set_visible (self->weekdays_group, FALSE);
  gtk_label_set_text (self->note_label,
                      _("Each event in the file becomes a period of this kind. Importing the same "
                        "file again updates its periods instead of adding them twice."));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);

  owner_from_filter (owner, &kind, &id);
  select_owner (self, kind, id);
  select_kind (self, default_kind (kind));

  update_form (self);
  return self;
}

void
pl_period_dialog_fill (PlPeriodDialog *self,
                       const char     *kind,
                       const char     *label,
                       int             owner_kind,
                       gint64          owner_id,
                       const char     *first_day,
                       const char     *last_day)
{
  g_return_if_fail (PL_IS_PERIOD_DIALOG (self));

  if (owner_kind >= 0)
    select_owner (self, owner_kind, owner_id);
  if (kind != NULL)
    select_kind (self, kind);
  if (label != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), label);
  if (first_day != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->start_row), first_day);
  if (last_day != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->end_row), last_day);

  update_form (self);
}
