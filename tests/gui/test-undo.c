/* test-undo.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-calendar-page.h"
#include "pl-test-gui.h"

/* Removing asks nothing; the toast says which record went, and the
 * window's history brings it back, from the toast or with Ctrl+Z after
 * the toast is gone. */

static GtkWidget *
find_label_containing (GtkWidget  *widget,
                       const char *needle)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Two periods of the same name: the toast tells which one went by its
 * dates. */
static gint64
add_period (PlStore    *store,
            const char *start,
            const char *end)
{
  g_autoptr(PlRecord) period = pl_record_new (PL_TYPE_CALENDAR_PERIOD);
  g_autoptr(GError) error = NULL;

  g_object_set (period, "owner-kind", "all", "kind", "blackout", "label", "Stocktake",
                "start-date", start, "end-date", end, "weekdays", (gint64) 127, NULL);
  g_assert_true (pl_store_insert (store, period, &error));
  g_assert_no_error (error);
  return pl_record_get_id (period);
}

static void
test_remove_period (void)
{
  PlTestGui gui = { 0, };
  g_autoptr(PlRecord) back = NULL;
  PlWindow *window;
  GtkWidget *page, *undo;
  gint64 id, n_periods;

  pl_test_gui_set_up (&gui, TRUE);
  add_period (gui.store, "2027-01-04", "2027-01-05");
  id = add_period (gui.store, "2027-07-05", "2027-07-06");
  n_periods = pl_store_count (gui.store, PL_TYPE_CALENDAR_PERIOD);

  window = pl_test_gui_open_window (&gui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "calendar"));
  page = pl_test_find_descendant (GTK_WIDGET (window), PL_TYPE_CALENDAR_PAGE);
  g_assert_nonnull (page);

  /* At once, no question asked; the toast names it with its dates. */
  g_assert_true (gtk_widget_activate_action (page, "calendar.remove-period", "x", id));
  g_assert_null (pl_store_get (gui.store, PL_TYPE_CALENDAR_PERIOD, id, NULL));
  g_assert_cmpint (pl_store_count (gui.store, PL_TYPE_CALENDAR_PERIOD), ==, n_periods - 1);
  PL_TEST_WAIT_FOR (find_label_containing (GTK_WIDGET (window),
                                           "“Stocktake” (5 Jul 2027 to 6 Jul 2027) removed")
                    != NULL);

  /* The toast's Undo puts it back with its id. */
  undo = pl_test_find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  back = pl_store_get (gui.store, PL_TYPE_CALENDAR_PERIOD, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpstr (pl_record_get_string (back, "start_date"), ==, "2027-07-05");

  /* Removed again, then an unrelated edit: the toast is gone, Ctrl+Z
   * (twice) still reaches the removal. */
  g_assert_true (gtk_widget_activate_action (page, "calendar.remove-period", "x", id));
  g_assert_true (pl_store_set_setting (gui.store, "lead_time_weeks", "7", NULL));
  PL_TEST_WAIT_FOR (pl_test_find_button (GTK_WIDGET (window), "_Undo") == NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_null (pl_store_get (gui.store, PL_TYPE_CALENDAR_PERIOD, id, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_clear_object (&back);
  back = pl_store_get (gui.store, PL_TYPE_CALENDAR_PERIOD, id, NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (pl_store_count (gui.store, PL_TYPE_CALENDAR_PERIOD), ==, n_periods);

  g_clear_object (&back);
  pl_test_gui_close_window (window);
  pl_test_gui_tear_down (&gui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/undo/remove-period", test_remove_period);

  return g_test_run ();
}
