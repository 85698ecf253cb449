/* pl-bar-chart.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_BAR_CHART (pl_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PlBarChart, pl_bar_chart, PL, BAR_CHART, GtkWidget)

/* A horizontal bar chart drawn with Cairo: one labelled bar per item, a
 * tooltip per bar, and the whole chart as text for screen readers. */
GtkWidget  *pl_bar_chart_new         (void);
void        pl_bar_chart_set_title   (PlBarChart *self,
                                      const char *title);
/* Values are drawn against @max (0: the largest value); @suffix follows
 * each value, as in "96 %". */
void        pl_bar_chart_set_scale   (PlBarChart *self,
                                      double      max,
                                      const char *suffix);
void        pl_bar_chart_clear       (PlBarChart *self);
void        pl_bar_chart_add         (PlBarChart *self,
                                      const char *label,
                                      double      value,
                                      const char *tooltip);
guint       pl_bar_chart_get_n_bars  (PlBarChart *self);
/* The bar under a point of the widget, or -1. */
int         pl_bar_chart_bar_at      (PlBarChart *self,
                                      double      x,
                                      double      y);
/* The text alternative given to assistive technologies (transfer full). */
char       *pl_bar_chart_describe    (PlBarChart *self);

G_END_DECLS
