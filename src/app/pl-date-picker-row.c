/* pl-date-picker-row.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-date-picker-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date-picker-row.h"
#include "pl-date.h"

/* A row holding one optional date: the date in words on a button that
 * opens a calendar, and a button to clear it. Dates are ISO text, as the
 * store keeps them. */
struct _PlDatePickerRow
{
  AdwActionRow  parent_instance;

  char         *date;
  gboolean      syncing;
  gboolean      required;

  /* Template widgets */
  GtkLabel      *value_label;
  GtkMenuButton *menu_button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkButton     *clear_button;
};

G_DEFINE_FINAL_TYPE (PlDatePickerRow, pl_date_picker_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

char *
pl_date_in_words (const char *date)
{
  GDate d;
  char text[80];

  if (!pl_date_parse (date, &d))
    return g_strdup (date);

  /* TRANSLATORS: a strftime format for a date shown in full, such as
   * "Tuesday 30 March 2027" */
  if (g_date_strftime (text, sizeof text, _("%A %-d %B %Y"), &d) == 0)
    return g_strdup (date);
  return g_strdup (text);
}

static void
pl_date_picker_row_sync (PlDatePickerRow *self)
{
  g_autofree char *words = NULL;
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (self->date != NULL)
    words = pl_date_in_words (self->date);
  gtk_label_set_label (self->value_label, words != NULL ? words : _("Not set"));
  if (words != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button), self->date != NULL && !self->required);

  self->syncing = TRUE;
  if (!pl_date_parse (self->date, &date))
    pl_date_today (&date);
  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, when);
  self->syncing = FALSE;
}

static void
on_popover_show (PlDatePickerRow *self)
{
  pl_date_picker_row_sync (self);
}

static void
on_day_selected (PlDatePickerRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing)
    return;

  when = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (when, "%Y-%m-%d");
  pl_date_picker_row_set_date (self, iso);
  gtk_popover_popdown (self->popover);
}

static void
on_clear_clicked (PlDatePickerRow *self)
{
  pl_date_picker_row_set_date (self, NULL);
}

static void
pl_date_picker_row_finalize (GObject *object)
{
  PlDatePickerRow *self = (PlDatePickerRow *)object;

  g_clear_pointer (&self->date, g_free);

  G_OBJECT_CLASS (pl_date_picker_row_parent_class)->finalize (object);
}

static void
pl_date_picker_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlDatePickerRow *self = PL_DATE_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_date_picker_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlDatePickerRow *self = PL_DATE_PICKER_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      pl_date_picker_row_set_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_date_picker_row_class_init (PlDatePickerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_date_picker_row_finalize;
  object_class->get_property = pl_date_picker_row_get_property;
  object_class->set_property = pl_date_picker_row_set_property;

  properties [PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/placements/Placements/pl-date-picker-row.ui");

  /* Template widgets */
  gtk_widget_class_bind_template_child (widget_class, PlDatePickerRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, PlDatePickerRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlDatePickerRow, popover);
  gtk_widget_class_bind_template_child (widget_class, PlDatePickerRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, PlDatePickerRow, clear_button);

  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);
}

static void
pl_date_picker_row_init (PlDatePickerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pl_date_picker_row_sync (self);
}

/* A required date cannot be cleared, only changed. */
void
pl_date_picker_row_set_required (PlDatePickerRow *self,
                          gboolean   required)
{
  g_return_if_fail (PL_IS_DATE_PICKER_ROW (self));

  self->required = required;
  pl_date_picker_row_sync (self);
}

GtkWidget *
pl_date_picker_row_new (void)
{
  return g_object_new (PL_TYPE_DATE_PICKER_ROW, NULL);
}

const char *
pl_date_picker_row_get_date (PlDatePickerRow *self)
{
  g_return_val_if_fail (PL_IS_DATE_PICKER_ROW (self), NULL);
  return self->date;
}

void
pl_date_picker_row_set_date (PlDatePickerRow  *self,
                      const char *date)
{
  g_return_if_fail (PL_IS_DATE_PICKER_ROW (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  pl_date_picker_row_sync (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}
