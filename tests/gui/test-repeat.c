/* test-repeat.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-placements-page.h"
#include "pl-placement-editor.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"

/* On the sample, an evaluated placement of last year becomes a request in
 * two clicks (the editor's menu, then Repeat Next Year), and the toast's
 * Open shows the request. */
static void
test_repeat_in_editor (void)
{
  PlTestGui gui = { 0 };
  PlWindow *window;
  PlPlacementsPage *page;
  PlPlacementEditor *editor;
  gint64 source, before, request;

  pl_test_gui_set_up (&gui, TRUE);
  source = pl_test_select_int (gui.store, "SELECT min(id) FROM placement"
                                          " WHERE status = 'evaluated'");
  before = pl_test_select_int (gui.store, "SELECT max(id) FROM placement");

  window = pl_test_gui_open_window (&gui);
  page = PL_PLACEMENTS_PAGE (pl_test_gui_show_page (window, "placements",
                                                    PL_TYPE_PLACEMENTS_PAGE));
  editor = pl_placements_page_get_editor (page);
  pl_placements_page_select (page, source);
  PL_TEST_WAIT_FOR (pl_placement_editor_get_placement (editor) == source);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.repeat-next-year",
                                             NULL));
  pl_test_wait_ms (50);

  request = pl_test_select_int (gui.store, "SELECT max(id) FROM placement");
  g_assert_cmpint (request, >, before);
  g_assert_cmpint (pl_test_query_int (gui.store, "SELECT staff_id FROM placement WHERE id = ?1",
                                      request), ==,
                   pl_test_query_int (gui.store, "SELECT staff_id FROM placement WHERE id = ?1",
                                      source));
  g_assert_cmpint (pl_test_query_int (gui.store, "SELECT count(*) FROM placement"
                                      " WHERE id = ?1 AND status = 'request'", request), ==, 1);

  /* What the toast's Open does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-placement", "x",
                                             request));
  PL_TEST_WAIT_FOR (pl_placement_editor_get_placement (editor) == request);

  /* A request has not taken place: nothing to repeat yet. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.repeat-next-year",
                                              NULL) &&
                  pl_test_select_int (gui.store, "SELECT max(id) FROM placement") > request);
  g_assert_cmpint (pl_test_select_int (gui.store, "SELECT max(id) FROM placement"), ==, request);

  gtk_window_destroy (GTK_WINDOW (window));
  pl_test_wait_ms (50);
  pl_test_gui_tear_down (&gui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gui/repeat/editor", test_repeat_in_editor);

  return g_test_run ();
}
