/* pl-date-row.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-date-row.h"

/* An entry row for a calendar day: typed as 2027-03-05 or 5/3/2027 (the
 * way dates are written in the UK), or picked from a calendar in a popover.
 * The row turns red while what is typed is not a day. */
struct _PlDateRow
{
  AdwEntryRow    parent_instance;

  GtkMenuButton *button;
  GtkCalendar   *calendar;
  gboolean       required;
};

G_DEFINE_FINAL_TYPE (PlDateRow, pl_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_REQUIRED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Day/month/year with slashes, dots or dashes; a two-digit year is in
 * this century. */
static gboolean
parse_dmy (const char *text,
           GDate      *out)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[/.-]", text, 0, 0);
  guint64 d, m, y;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 31, &d, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (parts[2], 10, 0, 9999, &y, NULL))
    return FALSE;

  if (strlen (parts[2]) == 2)
    y += 2000;
  else if (strlen (parts[2]) != 4)
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

static gboolean
parse_text (const char *text,
            GDate      *out)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return pl_date_parse (stripped, out) || parse_dmy (stripped, out);
}

/**
 * pl_date_row_get_date:
 *
 * Returns: (transfer full) (nullable): the day typed or picked, as ISO
 *   text; %NULL when the row is empty or does not hold a day
 */
char *
pl_date_row_get_date (PlDateRow *self)
{
  const char *text;
  GDate date;

  g_return_val_if_fail (PL_IS_DATE_ROW (self), NULL);

  text = gtk_editable_get_text (GTK_EDITABLE (self));
  if (!parse_text (text, &date))
    return NULL;

  return pl_date_to_iso (&date);
}

void
pl_date_row_set_date (PlDateRow  *self,
                      const char *iso)
{
  g_return_if_fail (PL_IS_DATE_ROW (self));

  gtk_editable_set_text (GTK_EDITABLE (self), iso ? iso : "");
}

/**
 * pl_date_row_is_valid:
 *
 * Returns: %TRUE when the row holds a day, or is empty and not required
 */
gboolean
pl_date_row_is_valid (PlDateRow *self)
{
  g_autofree char *stripped = NULL;
  GDate date;

  g_return_val_if_fail (PL_IS_DATE_ROW (self), FALSE);

  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self))));
  if (*stripped == '\0')
    return !self->required;

  return parse_text (stripped, &date);
}

gboolean
pl_date_row_get_required (PlDateRow *self)
{
  g_return_val_if_fail (PL_IS_DATE_ROW (self), FALSE);
  return self->required;
}

void
pl_date_row_set_required (PlDateRow *self,
                          gboolean   required)
{
  g_return_if_fail (PL_IS_DATE_ROW (self));

  required = !!required;
  if (self->required == required)
    return;

  self->required = required;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REQUIRED]);
}

static void
on_changed (PlDateRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));

  /* An empty optional row is not an error, and neither is a row nobody
   * has typed in yet. */
  if (*text == '\0' || pl_date_row_is_valid (self))
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
}

static void
on_popover_show (PlDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  GDate date;

  if (!parse_text (gtk_editable_get_text (GTK_EDITABLE (self)), &date))
    pl_date_today (&date);

  when = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                g_date_get_day (&date), 12, 0, 0);
  gtk_calendar_select_day (self->calendar, when);
}

static void
on_day_selected (PlDateRow *self)
{
  g_autoptr(GDateTime) when = gtk_calendar_get_date (self->calendar);
  g_autofree char *iso = g_date_time_format (when, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self), iso);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  gtk_menu_button_popdown (self->button);
}

static void
pl_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlDateRow *self = PL_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlDateRow *self = PL_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_REQUIRED:
      pl_date_row_set_required (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_date_row_class_init (PlDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = pl_date_row_get_property;
  object_class->set_property = pl_date_row_set_property;

  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_date_row_init (PlDateRow *self)
{
  GtkWidget *popover;

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
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), _("Choose a Day"));
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->button));

  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self), GTK_INPUT_PURPOSE_FREE_FORM);
  g_signal_connect (self, "changed", G_CALLBACK (on_changed), NULL);
}

GtkWidget *
pl_date_row_new (void)
{
  return g_object_new (PL_TYPE_DATE_ROW, NULL);
}
