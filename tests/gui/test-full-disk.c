/* test-full-disk.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pl-employers-page.h"
#include "pl-list-page.h"
#include "pl-record-editor.h"
#include "pl-test-gui.h"

/* When the disk cannot take an edit, the window says so in a banner, the
 * form keeps what was typed, the database stays as it was, and Try Again
 * saves it once there is room. A file size limit stands in for the full
 * disk: it refuses any write past it, as a full disk does. */

static goffset
file_size (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

static void
limit_file_size (rlim_t limit)
{
  struct rlimit rl;

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &rl), ==, 0);
  rl.rlim_cur = limit;
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &rl), ==, 0);
}

static char *
stored_notes (PlStore *store,
              gint64   id)
{
  g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, id, NULL);

  g_assert_nonnull (employer);
  return g_strdup (pl_record_get_string (employer, "notes"));
}

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
stored_is (PlStore    *store,
           gint64      id,
           const char *text)
{
  g_autofree char *notes = stored_notes (store, id);

  return g_strcmp0 (notes, text) == 0;
}

static void
test_edit_on_full_disk (void)
{
  PlTestGui gui = { 0, };
  g_autoptr(GString) typed = g_string_new (NULL);
  g_autoptr(GListModel) employers = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *before = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  struct rlimit saved;
  PlWindow *window;
  PlListPage *page;
  PlRecordEditor *editor;
  GtkWidget *notes, *retry;
  rlim_t limit;
  gint64 id;

  pl_test_gui_set_up (&gui, TRUE);
  window = pl_test_gui_open_window (&gui);
  page = PL_LIST_PAGE (pl_test_gui_show_page (window, "employers", PL_TYPE_EMPLOYERS_PAGE));
  editor = pl_list_page_get_editor (page);

  employers = pl_store_list (gui.store, PL_TYPE_EMPLOYER);
  employer = g_list_model_get_item (employers, 0);
  id = pl_record_get_id (employer);
  before = stored_notes (gui.store, id);
  g_assert_true (pl_list_page_select (page, id));

  /* Notes longer than the database file and its log together, so that
   * saving them must grow a file past the limit. */
  wal = g_strconcat (gui.db_path, "-wal", NULL);
  limit = file_size (gui.db_path) + file_size (wal) + 4096;
  while ((rlim_t) typed->len < 2 * limit)
    g_string_append_printf (typed, "Visit %u: the kitchen team showed the new ordering system.\n",
                            (guint) typed->len);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  /* A write past the limit fails with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  limit_file_size (limit);

  notes = pl_record_editor_get_widget (editor, "notes");
  g_assert_true (GTK_IS_TEXT_VIEW (notes));
  gtk_widget_grab_focus (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (notes)), typed->str, -1);
  g_assert_false (pl_record_editor_flush (editor));

  /* Said in the banner; kept in the form; not in the database. */
  PL_TEST_WAIT_FOR (pl_window_get_write_banner_shown (window));
  kept = text_view_text (notes);
  g_assert_cmpstr (kept, ==, typed->str);
  g_assert_true (stored_is (gui.store, id, before));
  g_assert_true (pl_store_check (gui.store, report));

  /* Trying again while the disk is still full changes nothing. */
  retry = pl_test_find_button (GTK_WIDGET (window), "_Try Again");
  g_assert_nonnull (retry);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (pl_window_get_write_banner_shown (window));
  g_assert_true (stored_is (gui.store, id, before));

  /* Room again: Try Again saves what was typed, and the banner goes. */
  limit_file_size (saved.rlim_cur);
  g_signal_emit_by_name (retry, "clicked");
  g_assert_true (stored_is (gui.store, id, typed->str));
  g_assert_false (pl_window_get_write_banner_shown (window));

  pl_test_gui_close_window (window);
  g_clear_object (&employer);
  g_clear_object (&employers);
  pl_test_gui_tear_down (&gui);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/window/full-disk/edit", test_edit_on_full_disk);

  return g_test_run ();
}
