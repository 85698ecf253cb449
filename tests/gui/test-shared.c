/* test-shared.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-employers-page.h"
#include <execinfo.h>
#include "pl-error.h"
#include "pl-list-page.h"
#include "pl-record-editor.h"
#include "pl-store-access.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-pg.h"

/* A window open on a shared data set, on a PostgreSQL server the test
 * starts: another coordinator's change shows in it within two seconds;
 * typing over a change somebody else saved meanwhile asks Keep Theirs or
 * Use Mine; and a server that goes away is said so in the banner, what
 * was typed stays, and it is saved once the server is back. */

static PlTestPg *server;

typedef struct
{
  PlTestGui       gui;
  PlStore        *other;    /* a second coordinator's connection */
  PlWindow       *window;
  PlRecordEditor *editor;
  gint64          employer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *uri = pl_test_pg_new_database (server, "lead");
  g_autoptr(GError) error = NULL;
  PlListPage *page;

  pl_test_gui_set_up_on (&f->gui, uri, FALSE);
  f->employer = pl_test_employer (f->gui.store, "Saltmarsh Table", "host");

  f->other = pl_store_open_existing (uri, &error);
  g_assert_no_error (error);

  f->window = pl_test_gui_open_window (&f->gui);
  page = PL_LIST_PAGE (pl_test_gui_show_page (f->window, "employers", PL_TYPE_EMPLOYERS_PAGE));
  f->editor = pl_list_page_get_editor (page);
  g_assert_true (pl_list_page_select (page, f->employer));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  pl_test_gui_close_window (f->window);
  g_clear_object (&f->other);
  pl_test_gui_tear_down (&f->gui);
}

static char *
text_of (GtkWidget *widget)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (widget))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
widget_shows (GtkWidget  *widget,
              const char *text)
{
  g_autofree char *shown = text_of (widget);

  return g_strcmp0 (shown, text) == 0;
}

static void
type_into (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

/* What another coordinator (or anyone reading afresh) sees. */
static char *
stored (Fixture    *f,
        const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = pl_store_get (f->other, PL_TYPE_EMPLOYER, f->employer, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return g_strdup (pl_record_get_string (record, column));
}

static void
save_as_other (Fixture    *f,
               const char *column,
               const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = pl_store_get (f->other, PL_TYPE_EMPLOYER, f->employer, &error);

  g_assert_no_error (error);
  g_object_set (record, column, value, NULL);
  g_assert_true (pl_store_update (f->other, record, &error));
  g_assert_no_error (error);
}

static void
test_others_appear (Fixture       *f,
                    gconstpointer  data)
{
  GtkWidget *name = pl_record_editor_get_widget (f->editor, "name");
  gint64 saved, shown;

  g_assert_true (widget_shows (name, "Saltmarsh Table"));

  save_as_other (f, "name", "The Saltmarsh Table");
  saved = g_get_monotonic_time ();
  PL_TEST_WAIT_FOR (widget_shows (name, "The Saltmarsh Table"));
  shown = g_get_monotonic_time ();

  g_test_message ("another coordinator's change showed after %.0f ms",
                  (shown - saved) / 1000.0);
  g_assert_cmpint (shown - saved, <, 2 * G_USEC_PER_SEC);
}

static void
answer_conflict (const char *response)
{
  AdwMessageDialog *dialog;

  PL_TEST_WAIT_FOR (pl_test_find_message_dialog () != NULL);
  dialog = pl_test_find_message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Changed by Someone Else");
  /* Who saved first, from the server's audit trail. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lead"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Nothing was saved"));
  adw_message_dialog_response (dialog, response);
  pl_test_destroy_window (GTK_WINDOW (dialog));
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  GtkWidget *notes = pl_record_editor_get_widget (f->editor, "notes");

  /* Use Mine: typed while the other one saved, written over theirs. */
  gtk_widget_grab_focus (notes);
  type_into (notes, "Ask for Sam at the pass");
  save_as_other (f, "notes", "Kitchen closed in August");
  g_assert_false (pl_record_editor_flush (f->editor));
  {
    g_autofree char *now = stored (f, "notes");
    g_assert_cmpstr (now, ==, "Kitchen closed in August");
  }
  g_assert_true (widget_shows (notes, "Ask for Sam at the pass"));
  answer_conflict ("mine");
  {
    g_autofree char *now = stored (f, "notes");
    g_assert_cmpstr (now, ==, "Ask for Sam at the pass");
  }

  /* Keep Theirs: the field shows their notes, and nothing of mine is
   * written. */
  type_into (notes, "Happy to host in August");
  save_as_other (f, "notes", "Closed for refurbishment");
  g_assert_false (pl_record_editor_flush (f->editor));
  answer_conflict ("theirs");
  g_assert_true (widget_shows (notes, "Closed for refurbishment"));
  g_assert_true (pl_record_editor_flush (f->editor));
  {
    g_autofree char *now = stored (f, "notes");
    g_assert_cmpstr (now, ==, "Closed for refurbishment");
  }
}

static void
test_server_gone (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *notes = pl_record_editor_get_widget (f->editor, "notes");
  const char *typed = "Typed while the server was away";

  pl_test_pg_kill (server);

  gtk_widget_grab_focus (notes);
  type_into (notes, typed);
  g_assert_false (pl_record_editor_flush (f->editor));

  /* Said in the banner, kept in the form. */
  PL_TEST_WAIT_FOR (pl_window_get_write_banner_shown (f->window));
  g_assert_true (widget_shows (notes, typed));

  /* Back: saved without anybody pressing anything, and the banner goes. */
  pl_test_pg_restart (server);
  PL_TEST_WAIT_FOR (!pl_window_get_write_banner_shown (f->window));
  g_assert_true (widget_shows (notes, typed));
  {
    g_autofree char *now = stored (f, "notes");
    g_assert_cmpstr (now, ==, typed);
  }
}


/* Every page, on the sample network, as the lead and as one partner's
 * coordinator (whose queries meet the server's row policies): each opens
 * without a failure told or a critical logged. */
static void
visit_every_page (const char *uri)
{
  static const char * const pages[] = {
    "overview", "placements", "calendar", "plan", "employers",
    "staff", "partners", "groups", "reports",
  };
  PlTestGui gui = { 0 };
  PlWindow *window;

  pl_test_gui_set_up_on (&gui, uri, FALSE);
  window = pl_test_gui_open_window (&gui);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gboolean timed_out = FALSE;
      guint id;

      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-page",
                                                         g_variant_new_string (pages[i])));
      g_assert_cmpstr (pl_window_get_visible_page (window), ==, pages[i]);

      /* Long enough for the page's background work to come back. */
      id = pl_test_wake_after (1, &timed_out);
      while (!timed_out)
        g_main_context_iteration (NULL, TRUE);
      (void) id;

      if (pl_window_get_n_errors (window) != 0)
        g_error ("the %s page told of a failure on %s", pages[i], uri);
    }
  g_assert_false (pl_window_get_write_banner_shown (window));

  pl_test_gui_close_window (window);
  pl_test_gui_tear_down (&gui);
}

/* A critical of GLib or GTK fails the test (as GTest makes it); before
 * that, the stack is printed, so that one seen only in a busy CI run can be
 * traced to its caller. */
static void
on_critical (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        data)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  g_printerr ("critical in %s: %s; called from:\n", domain, message);
  backtrace_symbols_fd (frames, n, 2);
  g_log_default_handler (domain, level, message, data);
}

static void
test_every_page (void)
{
  g_autofree char *uri = pl_test_pg_new_database (server, "lead");
  g_autofree char *partner_uri = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(PlStore) store = pl_store_open (uri, &error);

    g_assert_no_error (error);
    pl_test_load_sample (store);
    pl_test_pg_create_login (server, "pages_humber");
    g_assert_true (pl_store_grant (store, "pages_humber", "Humber Estuary College", &error));
    g_assert_no_error (error);
  }

  visit_every_page (uri);

  partner_uri = g_strdup_printf ("postgresql://pages_humber%s", strchr (uri, '@'));
  visit_every_page (partner_uri);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  server = pl_test_pg_start (&why);
  if (server == NULL)
    {
      g_test_add_data_func ("/shared/server", why, (GTestDataFunc) g_test_skip);
      return g_test_run ();
    }

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/shared/others-appear", test_others_appear);
  ADD ("/shared/conflict", test_conflict);
  ADD ("/shared/server-gone", test_server_gone);
#undef ADD
  g_test_add_func ("/shared/every-page", test_every_page);
  g_log_set_handler ("GLib", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, on_critical, NULL);
  g_log_set_handler ("Gtk", G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_FATAL, on_critical, NULL);

  status = g_test_run ();
  pl_test_pg_stop (server);
  return status;
}
