/* pl-date-entry-row.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-date-entry-row"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-date-entry-row.h"

/* An entry row for a date, typed as YYYY-MM-DD (the unambiguous form the
 * data model keeps) or picked from a calendar in a popover, with a button
 * to clear it. The row's text is the value; the record editor reads and
 * checks it like any other entry. */
struct _PlDateEntryRow
{
  AdwEntryRow     parent_instance;

  GtkMenuButton  *button;
  GtkCalendar    *calendar;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (PlDateEntryRow, pl_date_entry_row, ADW_TYPE_ENTRY_ROW)

static void
on_day_selected (PlDateEntryRow   *self,
                 GtkCalendar *calendar)
{
  g_autoptr(GDateTime) chosen = NULL;
  g_autofree char *iso = NULL;

  if (self->updating)
    return;

  chosen = gtk_calendar_get_date (calendar);
  iso = g_date_time_format (chosen, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self), iso);
  gtk_menu_button_popdown (self->button);
}

/* The calendar opens on the date typed, or today. */
static void
on_popover_show (PlDateEntryRow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  GDate date;

  if (!pl_date_parse (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    pl_date_today (&date);

  shown = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                 g_date_get_day (&date), 12, 0, 0);
  self->updating = TRUE;
  gtk_calendar_select_day (self->calendar, shown);
  self->updating = FALSE;
}

static void
on_clear_clicked (PlDateEntryRow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self), "");
}

/* Only a date that is there can be cleared. */
static gboolean
text_to_visible (GBinding     *binding,
                 const GValue *from,
                 GValue       *to,
                 gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

static void
pl_date_entry_row_class_init (PlDateEntryRowClass *klass)
{
}

static void
pl_date_entry_row_init (PlDateEntryRow *self)
{
  GtkWidget *popover;
  GtkWidget *clear;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (on_day_selected), self,
                           G_CONNECT_SWAPPED);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show", G_CALLBACK (on_popover_show), self,
                           G_CONNECT_SWAPPED);

  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a Date"));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");

  clear = gtk_button_new_from_icon_name ("edit-clear-symbolic");
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (clear, _("Clear the Date"));
  gtk_widget_add_css_class (clear, "flat");
  g_signal_connect_object (clear, "clicked", G_CALLBACK (on_clear_clicked), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property_full (self, "text", clear, "visible", G_BINDING_SYNC_CREATE,
                               text_to_visible, NULL, NULL, NULL);

  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), clear);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self), 10);
}
