/* pl-bar-chart.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-bar-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pl-bar-chart.h"

#define BAR_HEIGHT   18
#define BAR_SPACING  8
#define LABEL_GAP    12
#define VALUE_GAP    6
#define TITLE_GAP    10

typedef struct
{
  char   *label;
  double  value;
  char   *tooltip;
} Bar;

struct _PlBarChart
{
  GtkWidget  parent_instance;

  char      *title;
  char      *suffix;
  double     max;
  GArray    *bars;   /* Bar */
};

G_DEFINE_FINAL_TYPE (PlBarChart, pl_bar_chart, GTK_TYPE_WIDGET)

static void
bar_clear (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->tooltip);
}

static double
scale_max (PlBarChart *self)
{
  double max = self->max;

  if (max <= 0)
    for (guint i = 0; i < self->bars->len; i++)
      max = MAX (max, g_array_index (self->bars, Bar, i).value);

  return max > 0 ? max : 1;
}

static char *
format_value (PlBarChart *self,
              double      value)
{
  if (self->suffix != NULL)
    return g_strdup_printf ("%.0f %s", value, self->suffix);
  return g_strdup_printf ("%.0f", value);
}

static PangoLayout *
make_layout (PlBarChart *self,
             const char *text,
             gboolean    bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  return layout;
}

/* The widest value decides where every track ends, so that the tracks
 * line up whatever each bar's figure. */
static int
value_width (PlBarChart *self)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autofree char *text = format_value (self, g_array_index (self->bars, Bar, i).value);
      g_autoptr(PangoLayout) layout = make_layout (self, text, FALSE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return widest;
}

/* The widest label decides where bars start, within two fifths of the
 * width: criteria such as "Industry standards and employability" are long. */
static int
label_width (PlBarChart *self,
             int         width)
{
  int widest = 0;

  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, g_array_index (self->bars, Bar, i).label, FALSE);
      int w;

      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }

  return MIN (widest, width * 2 / 5);
}

static int
title_height (PlBarChart *self)
{
  g_autoptr(PangoLayout) layout = NULL;
  int h;

  if (self->title == NULL)
    return 0;

  layout = make_layout (self, self->title, TRUE);
  pango_layout_get_pixel_size (layout, NULL, &h);
  return h + TITLE_GAP;
}

static void
pl_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  PlBarChart *self = PL_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 360;
    }
  else
    {
      int n = (int) self->bars->len;

      *minimum = *natural = title_height (self) + n * BAR_HEIGHT + MAX (0, n - 1) * BAR_SPACING;
    }
}

static void
pl_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  PlBarChart *self = PL_BAR_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  int top = title_height (self);
  int labels = label_width (self, width);
  int values = value_width (self);
  double max = scale_max (self);
  GdkRGBA fg, accent, trough;

  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  trough = fg;
  trough.alpha = 0.08f;

  if (self->title != NULL)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, self->title, TRUE);

      gtk_snapshot_render_layout (snapshot, style, 0, 0, layout);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autoptr(PangoLayout) label = make_layout (self, bar->label, FALSE);
      g_autofree char *value_text = format_value (self, bar->value);
      g_autoptr(PangoLayout) value = make_layout (self, value_text, FALSE);
      int y = top + (int) i * (BAR_HEIGHT + BAR_SPACING);
      int label_h;
      double track, filled;

      pango_layout_set_width (label, labels * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &label_h);

      gtk_snapshot_render_layout (snapshot, style, 0, y + (BAR_HEIGHT - label_h) / 2.0, label);

      track = MAX (0, width - labels - LABEL_GAP - VALUE_GAP - values);
      filled = track * CLAMP (bar->value / max, 0.0, 1.0);

      gtk_snapshot_append_color (snapshot, &trough,
                                 &GRAPHENE_RECT_INIT (labels + LABEL_GAP, y, track, BAR_HEIGHT));
      if (filled > 0)
        gtk_snapshot_append_color (snapshot, &accent,
                                   &GRAPHENE_RECT_INIT (labels + LABEL_GAP, y, filled, BAR_HEIGHT));
      /* The figures in a column of their own, clear of every track. */
      gtk_snapshot_render_layout (snapshot, style, labels + LABEL_GAP + track + VALUE_GAP,
                                  y + (BAR_HEIGHT - label_h) / 2.0, value);
    }
}

int
pl_bar_chart_bar_at (PlBarChart *self,
                     double      x,
                     double      y)
{
  int top;
  int row;
  double within;

  g_return_val_if_fail (PL_IS_BAR_CHART (self), -1);

  top = title_height (self);
  if (y < top || x < 0 || x > gtk_widget_get_width (GTK_WIDGET (self)))
    return -1;

  row = (int) ((y - top) / (BAR_HEIGHT + BAR_SPACING));
  within = fmod (y - top, BAR_HEIGHT + BAR_SPACING);
  if (row < 0 || row >= (int) self->bars->len || within > BAR_HEIGHT)
    return -1;

  return row;
}

static gboolean
pl_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard,
                            GtkTooltip *tooltip)
{
  PlBarChart *self = PL_BAR_CHART (widget);
  int index = pl_bar_chart_bar_at (self, x, y);
  const Bar *bar;

  if (index < 0)
    return FALSE;

  bar = &g_array_index (self->bars, Bar, index);
  if (bar->tooltip != NULL)
    gtk_tooltip_set_text (tooltip, bar->tooltip);
  else
    {
      g_autofree char *value = format_value (self, bar->value);
      g_autofree char *text = g_strdup_printf ("%s: %s", bar->label, value);

      gtk_tooltip_set_text (tooltip, text);
    }

  return TRUE;
}

char *
pl_bar_chart_describe (PlBarChart *self)
{
  GString *text;

  g_return_val_if_fail (PL_IS_BAR_CHART (self), NULL);

  text = g_string_new (self->title);
  if (self->bars->len == 0)
    {
      g_string_append_printf (text, "%s%s", text->len ? ": " : "", _("no data"));
      return g_string_free (text, FALSE);
    }

  for (guint i = 0; i < self->bars->len; i++)
    {
      const Bar *bar = &g_array_index (self->bars, Bar, i);
      g_autofree char *value = format_value (self, bar->value);

      g_string_append_printf (text, "%s%s %s", i == 0 ? (text->len ? ": " : "") : "; ",
                              bar->label, value);
    }
  g_string_append_c (text, '.');

  return g_string_free (text, FALSE);
}

static void
update_accessible (PlBarChart *self)
{
  g_autofree char *description = pl_bar_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
pl_bar_chart_finalize (GObject *object)
{
  PlBarChart *self = PL_BAR_CHART (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->bars, g_array_unref);

  G_OBJECT_CLASS (pl_bar_chart_parent_class)->finalize (object);
}

static void
pl_bar_chart_class_init (PlBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pl_bar_chart_finalize;

  widget_class->measure = pl_bar_chart_measure;
  widget_class->snapshot = pl_bar_chart_snapshot;
  widget_class->query_tooltip = pl_bar_chart_query_tooltip;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "barchart");
}

static void
pl_bar_chart_init (PlBarChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, bar_clear);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  update_accessible (self);
}

GtkWidget *
pl_bar_chart_new (void)
{
  return g_object_new (PL_TYPE_BAR_CHART, NULL);
}

void
pl_bar_chart_set_title (PlBarChart *self,
                        const char *title)
{
  g_return_if_fail (PL_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pl_bar_chart_set_scale (PlBarChart *self,
                        double      max,
                        const char *suffix)
{
  g_return_if_fail (PL_IS_BAR_CHART (self));

  self->max = max;
  g_free (self->suffix);
  self->suffix = g_strdup (suffix);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pl_bar_chart_clear (PlBarChart *self)
{
  g_return_if_fail (PL_IS_BAR_CHART (self));

  g_array_set_size (self->bars, 0);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pl_bar_chart_add (PlBarChart *self,
                  const char *label,
                  double      value,
                  const char *tooltip)
{
  Bar bar;

  g_return_if_fail (PL_IS_BAR_CHART (self));
  g_return_if_fail (label != NULL);

  bar.label = g_strdup (label);
  bar.value = value;
  bar.tooltip = g_strdup (tooltip);
  g_array_append_val (self->bars, bar);
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pl_bar_chart_get_n_bars (PlBarChart *self)
{
  g_return_val_if_fail (PL_IS_BAR_CHART (self), 0);
  return self->bars->len;
}
