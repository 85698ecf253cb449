/* test-csv-dialog.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "pl-application.h"
#include "pl-csv-dialog.h"
#include "pl-store-job.h"
#include "pl-test-data.h"
#include "pl-window.h"

/* CSV import and export from the window, once the file is chosen: the work
 * runs on the store's worker, and the window's lists hear of what an
 * import wrote without reading anything again by hand. */

static PlApplication *app;

typedef struct
{
  PlTestDb   db;
  GSettings *settings;
  PlContext *context;
  PlWindow  *window;
} Fixture;

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds or ten seconds pass. */
#define WAIT_FOR(condition)                                               \
  G_STMT_START {                                                          \
    gboolean timed_out_ = FALSE;                                          \
    guint id_ = g_timeout_add_seconds (10, on_timeout, &timed_out_);      \
    while (!(condition) && !timed_out_)                                   \
      g_main_context_iteration (NULL, TRUE);                              \
    if (!timed_out_)                                                      \
      g_source_remove (id_);                                              \
    g_assert_true (condition);                                            \
  } G_STMT_END

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();

  pl_test_db_open (&fixture->db);
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->context = pl_context_new (fixture->db.store, fixture->settings);
  pl_store_set_setting (fixture->db.store, "started_empty", "1", NULL);

  fixture->window = pl_window_new (app, fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *weak = GTK_WIDGET (fixture->window);

  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  WAIT_FOR (weak == NULL);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    gtk_window_destroy (l->data);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (g_steal_pointer (&fixture->db.store));
  pl_test_db_close (&fixture->db);
}

static GFile *
write_file (Fixture    *fixture,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (fixture->db.dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
has_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      return TRUE;
  return FALSE;
}

static void
test_import_export (Fixture       *fixture,
                    gconstpointer  data)
{
  PlStore *store = fixture->db.store;
  g_autoptr(GListModel) employers = pl_store_list (store, PL_TYPE_EMPLOYER);
  g_autoptr(GFile) good = write_file (fixture, "good.csv",
                                      "name,sector\n"
                                      "Quayside Kitchen,Catering and Hospitality\n"
                                      "Keel and Anchor Hotel,Catering and Hospitality\n");
  g_autoptr(GFile) bad = write_file (fixture, "bad.csv",
                                     "name,sector\nHull Forge,Smithing\n");
  g_autoptr(GFile) out = NULL;
  g_autofree char *text = NULL;
  guint refs;

  /* What holds the store while no job runs (the window's own reads done):
   * a job done lets it go. */
  WAIT_FOR (pl_store_get_n_running_jobs (store) == 0);
  refs = G_OBJECT (store)->ref_count;

  g_assert_cmpuint (g_list_model_get_n_items (employers), ==, 0);

  pl_csv_dialog_import_file (GTK_WINDOW (fixture->window), store, PL_CSV_EMPLOYERS, good);
  WAIT_FOR (g_list_model_get_n_items (employers) == 2);
  WAIT_FOR (G_OBJECT (store)->ref_count == refs);

  /* A refused file changes nothing and says where. */
  pl_csv_dialog_import_file (GTK_WINDOW (fixture->window), store, PL_CSV_EMPLOYERS, bad);
  WAIT_FOR (has_message_dialog ());
  WAIT_FOR (G_OBJECT (store)->ref_count == refs);
  g_assert_cmpint (pl_store_count (store, PL_TYPE_EMPLOYER), ==, 2);

  out = g_file_new_build_filename (fixture->db.dir, "out.csv", NULL);
  pl_csv_dialog_export_file (GTK_WINDOW (fixture->window), store, PL_CSV_EMPLOYERS, out);
  WAIT_FOR (g_file_query_exists (out, NULL));
  g_assert_true (g_file_load_contents (out, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "Keel and Anchor Hotel,Catering and Hospitality"));
  g_assert_nonnull (strstr (text, "Quayside Kitchen,Catering and Hospitality"));
  WAIT_FOR (G_OBJECT (store)->ref_count == refs);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (&argc, &argv, NULL);

  app = pl_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/gui/csv/import-export", Fixture, NULL, fixture_set_up, test_import_export,
              fixture_tear_down);

  return g_test_run ();
}
