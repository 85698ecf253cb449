/* pl-weekday-picker.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-weekday-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-weekday-picker.h"

/* Seven linked toggle buttons for a set of weekdays (a staff member's
 * teaching days, an employer's preferred days), stored as a mask with bit 0
 * for Monday, as the data model does. */
struct _PlWeekdayPicker
{
  GtkWidget        parent_instance;

  GtkToggleButton *buttons[7];
  int              mask;
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (PlWeekdayPicker, pl_weekday_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MASK,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
on_button_toggled (PlWeekdayPicker *self,
                   GtkToggleButton *button)
{
  int mask = 0;

  if (self->updating)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    if (gtk_toggle_button_get_active (self->buttons[i]))
      mask |= 1 << i;

  if (mask != self->mask)
    {
      self->mask = mask;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
    }
}

static void
pl_weekday_picker_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pl_weekday_picker_parent_class)->dispose (object);
}

static void
pl_weekday_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlWeekdayPicker *self = PL_WEEKDAY_PICKER (object);

  switch (prop_id)
    {
    case PROP_MASK:
      g_value_set_int (value, self->mask);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_weekday_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlWeekdayPicker *self = PL_WEEKDAY_PICKER (object);

  switch (prop_id)
    {
    case PROP_MASK:
      pl_weekday_picker_set_mask (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_weekday_picker_class_init (PlWeekdayPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_weekday_picker_dispose;
  object_class->get_property = pl_weekday_picker_get_property;
  object_class->set_property = pl_weekday_picker_set_property;

  properties [PROP_MASK] =
    g_param_spec_int ("mask", NULL, NULL,
                      0, 127, 0,
                      (G_PARAM_READWRITE |
                       G_PARAM_EXPLICIT_NOTIFY |
                       G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "box");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
pl_weekday_picker_init (PlWeekdayPicker *self)
{
  /* TRANSLATORS: weekday initials on a row of toggle buttons, Monday first. */
  const char *initials[] = { N_("Mo"), N_("Tu"), N_("We"), N_("Th"), N_("Fr"), N_("Sa"), N_("Su") };
  const char *names[] = {
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
  };

  gtk_widget_add_css_class (GTK_WIDGET (self), "linked");
  gtk_widget_add_css_class (GTK_WIDGET (self), "pl-weekday-picker");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);

  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (_(initials[i]));

      gtk_widget_set_tooltip_text (button, _(names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]),
                                      -1);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      g_signal_connect_object (button, "toggled", G_CALLBACK (on_button_toggled), self,
                               G_CONNECT_SWAPPED);
      self->buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

int
pl_weekday_picker_get_mask (PlWeekdayPicker *self)
{
  g_return_val_if_fail (PL_IS_WEEKDAY_PICKER (self), 0);

  return self->mask;
}

void
pl_weekday_picker_set_mask (PlWeekdayPicker *self,
                            int              mask)
{
  g_return_if_fail (PL_IS_WEEKDAY_PICKER (self));

  mask &= 127;
  if (mask == self->mask)
    return;

  self->mask = mask;
  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    gtk_toggle_button_set_active (self->buttons[i], (mask & (1 << i)) != 0);
  self->updating = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}
