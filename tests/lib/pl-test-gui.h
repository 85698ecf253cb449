/* pl-test-gui.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-window.h"

G_BEGIN_DECLS

/* What a GUI test works on: a database of its own in a temporary folder,
 * settings of its own in memory, and the context the window takes. */
typedef struct
{
  char      *dir;
  char      *db_path;
  GSettings *settings;
  PlStore   *store;
  PlContext *context;
} PlTestGui;

/* The one application of the test program, as a real session has one;
 * made (and registered) on first use. */
PlApplication *pl_test_gui_get_application (void);

/* An empty database, or with @sample the sample network as of
 * $PLACEMENTS_TODAY (or today). */
void       pl_test_gui_set_up        (PlTestGui  *gui,
                                      gboolean    sample);
/* Closes the store (checking that nothing else holds it) and removes the
 * folder. */
void       pl_test_gui_set_up_on     (PlTestGui  *gui,
                                      const char *db,
                                      gboolean    sample);
void       pl_test_gui_tear_down     (PlTestGui  *gui);

/* A window over @gui's context, shown and mapped. */
PlWindow  *pl_test_gui_open_window   (PlTestGui  *gui);
/* Destroys @window, once its background work is done, and checks that
 * nothing else keeps it alive. */
void       pl_test_gui_close_window  (PlWindow   *window);

/* Destroys @window and waits until nothing keeps it alive. */
void       pl_test_destroy_window    (GtkWindow  *window);
/* Destroys every window still open (dialogs a test left). */
void       pl_test_destroy_toplevels (void);

/* Shows the page @name of @window and returns its widget, which must be
 * of @type. */
GtkWidget *pl_test_gui_show_page     (PlWindow   *window,
                                      const char *name,
                                      GType       type);

/* The first toplevel window of @type, shown or not. */
GtkWindow *pl_test_find_window       (GType       type);
/* The first message dialog shown. */
AdwMessageDialog *pl_test_find_message_dialog (void);

/* The first widget of @type in @widget's tree, @widget included. */
GtkWidget *pl_test_find_descendant   (GtkWidget  *widget,
                                      GType       type);
/* The button of @widget's tree whose label (mnemonic included) is @label. */
GtkWidget *pl_test_find_button       (GtkWidget  *widget,
                                      const char *label);
/* The preferences row (entry, combo, action row…) of @widget's tree whose
 * title is @title. */
GtkWidget *pl_test_find_row          (GtkWidget  *widget,
                                      const char *title);

/* Runs the main loop until @condition holds, and fails the test when it
 * still does not after thirty seconds. */
#define PL_TEST_WAIT_FOR(condition)                                        \
  G_STMT_START {                                                           \
    gboolean timed_out_ = FALSE;                                           \
    guint id_ = pl_test_wake_after (30, &timed_out_);                      \
    while (!(condition) && !timed_out_)                                    \
      g_main_context_iteration (NULL, TRUE);                               \
    if (!timed_out_)                                                       \
      g_source_remove (id_);                                               \
    g_assert_true (condition);                                             \
  } G_STMT_END

/* For PL_TEST_WAIT_FOR: sets *@timed_out after @seconds. */
guint      pl_test_wake_after        (guint       seconds,
                                      gboolean   *timed_out);

/* Runs the main loop for @ms milliseconds, so that what is due by then
 * (idle work, a page's save delay) runs. */
void       pl_test_wait_ms           (guint       ms);

G_END_DECLS
