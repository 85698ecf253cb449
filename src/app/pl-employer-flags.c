/* pl-employer-flags.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-employer-flags"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-employer-flags.h"

/* The two icons of a row of the employers list — needs attention, evidence
 * incomplete — drawn by one widget. A list keeps up to 200 rows of widgets
 * and rebuilds them when a search changes the rows shown, so a cell of one
 * widget rather than a box of two images is a third of the work. */

#define ICON_SIZE 16
#define SPACING 6

struct _PlEmployerFlags
{
  GtkWidget parent_instance;

  gboolean  attention;
  gboolean  evidence;
};

G_DEFINE_FINAL_TYPE (PlEmployerFlags, pl_employer_flags, GTK_TYPE_WIDGET)

static void
pl_employer_flags_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 2 * ICON_SIZE + SPACING;
  else
    *minimum = *natural = ICON_SIZE;
}

static void
draw_icon (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *icon_name,
           const char  *color_name,
           int          x)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (widget));
  g_autoptr(GtkIconPaintable) icon = NULL;
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA colors[4];

  icon = gtk_icon_theme_lookup_icon (theme, icon_name, NULL, ICON_SIZE,
                                     gtk_widget_get_scale_factor (widget),
                                     gtk_widget_get_direction (widget), 0);

  /* Foreground, then the error, warning and success colours of symbolic
   * icons; all four in the flag's colour. */
  if (!gtk_style_context_lookup_color (style, color_name, &colors[0]))
    gtk_style_context_get_color (style, &colors[0]);
  colors[1] = colors[2] = colors[3] = colors[0];

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, (gtk_widget_get_height (widget) - ICON_SIZE) / 2));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot,
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
pl_employer_flags_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  PlEmployerFlags *self = PL_EMPLOYER_FLAGS (widget);

  if (self->attention)
    draw_icon (widget, snapshot, "alarm-symbolic", "accent_color", 0);
  if (self->evidence)
    draw_icon (widget, snapshot, "dialog-warning-symbolic", "warning_color", ICON_SIZE + SPACING);
}

static void
pl_employer_flags_class_init (PlEmployerFlagsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->measure = pl_employer_flags_measure;
  widget_class->snapshot = pl_employer_flags_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pl_employer_flags_init (PlEmployerFlags *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

GtkWidget *
pl_employer_flags_new (void)
{
  return g_object_new (PL_TYPE_EMPLOYER_FLAGS, NULL);
}

/**
 * pl_employer_flags_set:
 * @attention: whether the employer needs attention
 * @evidence: whether its evidence is missing or out of date
 */
void
pl_employer_flags_set (PlEmployerFlags *self,
                       gboolean         attention,
                       gboolean         evidence)
{
  g_return_if_fail (PL_IS_EMPLOYER_FLAGS (self));

  attention = !!attention;
  evidence = !!evidence;
  if (self->attention == attention && self->evidence == evidence)
    return;

  self->attention = attention;
  self->evidence = evidence;

  if (attention && evidence)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Needs attention; evidence missing or out of date"), -1);
  else if (attention)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Needs attention"), -1);
  else if (evidence)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Evidence missing or out of date"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
