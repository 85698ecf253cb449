/* test-charts.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "pl-bar-chart.h"

static void
wait_for_frames (GtkWidget *widget)
{
  /* Lay out and draw: enough iterations for a mapped window's first frame. */
  for (guint i = 0; i < 50 && !gtk_widget_get_mapped (widget); i++)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_bar_chart (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *chart = pl_bar_chart_new ();
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autofree char *text = NULL;
  int min_height, nat_height;

  pl_bar_chart_set_title (PL_BAR_CHART (chart), "Placements by sector");
  pl_bar_chart_add (PL_BAR_CHART (chart), "Catering and Hospitality", 7, NULL);
  pl_bar_chart_add (PL_BAR_CHART (chart), "Digital", 3, "3 placements in Digital");
  pl_bar_chart_add (PL_BAR_CHART (chart), "Construction", 1, NULL);
  g_assert_cmpuint (pl_bar_chart_get_n_bars (PL_BAR_CHART (chart)), ==, 3);

  /* The text alternative says everything the picture does. */
  text = pl_bar_chart_describe (PL_BAR_CHART (chart));
  g_assert_cmpstr (text, ==,
                   "Placements by sector: Catering and Hospitality 7; Digital 3; Construction 1.");

  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_set_default_size (GTK_WINDOW (window), 480, 200);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (chart);

  /* Three bars need more height than two; each bar is found where drawn. */
  gtk_widget_measure (chart, GTK_ORIENTATION_VERTICAL, -1, &min_height, &nat_height, NULL, NULL);
  g_assert_cmpint (min_height, >, 3 * 18);
  g_assert_cmpint (pl_bar_chart_bar_at (PL_BAR_CHART (chart), 300, min_height - 5), ==, 2);
  g_assert_cmpint (pl_bar_chart_bar_at (PL_BAR_CHART (chart), 300, 2), ==, -1);
  g_assert_cmpint (pl_bar_chart_bar_at (PL_BAR_CHART (chart), 300, min_height + 40), ==, -1);

  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);

  pl_bar_chart_clear (PL_BAR_CHART (chart));
  g_clear_pointer (&text, g_free);
  text = pl_bar_chart_describe (PL_BAR_CHART (chart));
  g_assert_cmpstr (text, ==, "Placements by sector: no data");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_percent_scale (void)
{
  GtkWidget *chart = g_object_ref_sink (pl_bar_chart_new ());
  g_autofree char *text = NULL;

  pl_bar_chart_set_title (PL_BAR_CHART (chart), "Students who agree");
  pl_bar_chart_set_scale (PL_BAR_CHART (chart), 100, "%");
  pl_bar_chart_add (PL_BAR_CHART (chart), "Know more about the workplace", 97, NULL);
  text = pl_bar_chart_describe (PL_BAR_CHART (chart));
  g_assert_cmpstr (text, ==, "Students who agree: Know more about the workplace 97 %.");
  g_object_unref (chart);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/bar-chart", test_bar_chart);
  g_test_add_func ("/charts/percent-scale", test_percent_scale);

  return g_test_run ();
}
