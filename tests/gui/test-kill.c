/* test-kill.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "pl-application.h"
#include "pl-context.h"
#include "pl-csv.h"
#include "pl-date.h"
#include "pl-employers-page.h"
#include "pl-list-page.h"
#include "pl-plan-item.h"
#include "pl-plan-page.h"
#include "pl-record-editor.h"
#include "pl-records.h"
#include "pl-sample.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-milestones.h"
#include "pl-window.h"

/* The application killed with SIGKILL while it works: the program runs
 * itself as a child (--child DB) with a real window over DB, which accepts
 * a plan proposal on the Plan page, then edits employers in the Employers
 * page's editor and imports CSV files, and says on its standard output
 * each change the user has been shown as done ("ACK …"). The parent kills
 * it at a random moment, then opens the file: every acknowledged change
 * must be there, no import may be half there, and the file must pass the
 * check. */

#define N_ROUNDS      40
#define IMPORT_ROWS   20
#define MAX_KILL_MS 2400

/* ------------------------------------------------------------------------
 * The child: the application at work
 */

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* Unbuffered, so that what was said before the kill reaches the parent. */
  g_assert_cmpint (write (STDOUT_FILENO, line, strlen (line)), ==, (gssize) strlen (line));
  g_assert_cmpint (write (STDOUT_FILENO, "\n", 1), ==, 1);
}

static gboolean
stored_is (PlStore    *store,
           gint64      id,
           const char *text)
{
  g_autofree char *value = pl_test_stored_text (store, PL_TYPE_EMPLOYER, id, "contact_name");

  return g_strcmp0 (value, text) == 0;
}

/* Accepts the first proposal of a run of the planner, as a coordinator
 * clicks Accept on the Plan page. */
static void
accept_a_proposal (PlWindow *window,
                   PlStore  *store)
{
  PlPlanPage *page;
  GListModel *items;
  gint64 id = 0;

  page = PL_PLAN_PAGE (pl_test_gui_show_page (window, "plan", PL_TYPE_PLAN_PAGE));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.run", NULL));
  PL_TEST_WAIT_FOR (!pl_plan_page_is_planning (page));

  items = pl_plan_page_get_items (page);
  for (guint i = 0; i < g_list_model_get_n_items (items) && id == 0; i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (items, i);

      if (pl_plan_item_get_state (item) == PL_PLAN_ITEM_PROPOSED)
        id = pl_plan_item_get_placement_id (item);
    }
  g_assert_cmpint (id, >, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "plan.accept", "x", id));
  {
    g_autofree char *status = pl_test_stored_text (store, PL_TYPE_PLACEMENT, id, "status");
    g_assert_cmpstr (status, ==, "proposed");
  }
  say ("ACK plan %" G_GINT64_FORMAT, id);
  PL_TEST_WAIT_FOR (!pl_plan_page_is_busy (page));
}

/* Types a new contact name for employer @id into the editor and moves on
 * to the next field, which saves it. */
static void
edit_employer (PlListPage *page,
               PlStore    *store,
               gint64      id,
               const char *text)
{
  PlRecordEditor *editor = pl_list_page_get_editor (page);
  GtkWidget *row;

  g_assert_true (pl_list_page_select (page, id));
  say ("TRY edit %" G_GINT64_FORMAT " %s", id, text);
  row = pl_record_editor_get_widget (editor, "contact_name");
  g_assert_nonnull (row);
  gtk_widget_grab_focus (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_grab_focus (pl_record_editor_get_widget (editor, "postcode"));
  PL_TEST_WAIT_FOR (stored_is (store, id, text));
  say ("ACK edit %" G_GINT64_FORMAT " %s", id, text);
}

static void
import_employers (PlStore *store,
                  guint    batch)
{
  g_autoptr(GString) csv = g_string_new ("name,sector\n");
  g_autoptr(GError) error = NULL;
  gint64 n_rows = 0;

  for (guint k = 0; k < IMPORT_ROWS; k++)
    g_string_append_printf (csv, "Imported %u %u,Catering and Hospitality\n", batch, k);

  g_assert_true (pl_csv_import_data (store, PL_CSV_EMPLOYERS, csv->str, csv->len,
                                     "employers.csv", NULL, NULL, NULL, &n_rows, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, IMPORT_ROWS);
  say ("ACK import %u", batch);
}

static int
child_main (const char *path)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlContext) context = NULL;
  g_autoptr(GListModel) employers = NULL;
  g_autoptr(GError) error = NULL;
  PlWindow *window;
  PlListPage *page;

  store = pl_store_open_existing (path, &error);
  g_assert_no_error (error);
  settings = g_settings_new_with_backend (APP_ID, backend);
  context = pl_context_new (store, settings);

  window = pl_window_new (pl_test_gui_get_application (), context);
  gtk_window_present (GTK_WINDOW (window));
  PL_TEST_WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (window)));
  say ("READY");

  accept_a_proposal (window, store);

  page = PL_LIST_PAGE (pl_test_gui_show_page (window, "employers", PL_TYPE_EMPLOYERS_PAGE));
  employers = pl_store_list (store, PL_TYPE_EMPLOYER);

  /* Until killed. */
  for (guint n = 0; ; n++)
    {
      g_autoptr(PlRecord) employer = g_list_model_get_item (employers, n % 6);
      g_autofree char *text = g_strdup_printf ("Contact %u", n);

      edit_employer (page, store, pl_record_get_id (employer), text);
      if (n % 3 == 2)
        import_employers (store, n / 3);
    }

  return 0;
}

/* ------------------------------------------------------------------------
 * The parent: kill, then look
 */

typedef struct
{
  GMainLoop        *loop;
  GSubprocess      *child;
  GDataInputStream *out;
  GPtrArray        *lines;
  guint             kill_ms;
  gboolean          done;
} Round;

static gboolean
on_kill (gpointer data)
{
  Round *round = data;

  g_subprocess_force_exit (round->child);
  return G_SOURCE_REMOVE;
}

static void
on_line (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Round *round = data;
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_finish (round->out, result, NULL, &error);

  if (line == NULL)
    {
      round->done = TRUE;
      g_main_loop_quit (round->loop);
      return;
    }

  if (g_str_equal (line, "READY"))
    g_timeout_add (round->kill_ms, on_kill, round);
  g_ptr_array_add (round->lines, line);
  g_data_input_stream_read_line_async (round->out, G_PRIORITY_DEFAULT, NULL, on_line, round);
}

static guint
count_batch (PlStore *store,
             guint    batch)
{
  g_autoptr(GListModel) employers = pl_store_list (store, PL_TYPE_EMPLOYER);
  g_autofree char *prefix = g_strdup_printf ("Imported %u ", batch);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (employers); i++)
    {
      g_autoptr(PlRecord) employer = g_list_model_get_item (employers, i);

      n += g_str_has_prefix (pl_record_get_string (employer, "name"), prefix);
    }
  return n;
}

static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("placements-kill-XXXXXX", &error);
  g_autofree char *template = g_build_filename (dir, "template.db", NULL);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261206);
  guint acked_total = 0, killed_in_import = 0;

  g_assert_no_error (error);

  /* The sample network, made once and copied for each round. */
  {
    g_autoptr(PlStore) store = pl_store_open (template, &error);
    GDate today;

    g_assert_no_error (error);
    pl_date_today (&today);
    g_assert_true (pl_sample_load (store, &today, &error));
    g_assert_no_error (error);
  }

  for (guint r = 0; r < N_ROUNDS; r++)
    {
      g_autofree char *path = g_strdup_printf ("%s/round-%u.db", dir, r);
      g_autoptr(GFile) from = g_file_new_for_path (template);
      g_autoptr(GFile) to = g_file_new_for_path (path);
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      /* Per employer: the last acknowledged contact name, then those typed
       * after it, which may or may not have been saved. */
      g_autoptr(GHashTable) edits = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                           g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
      g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(PlStore) store = NULL;
      gint64 planned = 0;
      int last_batch = -1;
      Round round = { 0, };

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      round.loop = loop;
      round.lines = lines;
      round.kill_ms = (guint) g_rand_int_range (rand, 0, MAX_KILL_MS);
      round.child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      self_path, "--child", path, NULL);
      g_assert_no_error (error);
      round.out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (round.child));
      g_data_input_stream_read_line_async (round.out, G_PRIORITY_DEFAULT, NULL, on_line, &round);
      g_main_loop_run (loop);

      g_assert_true (g_subprocess_wait (round.child, NULL, &error));
      g_assert_no_error (error);
      /* Killed, not ended by a failure of its own. */
      g_assert_true (g_subprocess_get_if_signaled (round.child));
      g_assert_cmpint (g_subprocess_get_term_sig (round.child), ==, SIGKILL);
      g_clear_object (&round.out);
      g_clear_object (&round.child);

      for (guint i = 0; i < lines->len; i++)
        {
          const char *line = g_ptr_array_index (lines, i);
          gint64 id;
          char text[64];
          guint batch;

          if (sscanf (line, "ACK plan %" G_GINT64_FORMAT, &id) == 1)
            planned = id;
          else if (sscanf (line, "ACK edit %" G_GINT64_FORMAT " %63[^\n]", &id, text) == 2)
            {
              GPtrArray *allowed = g_ptr_array_new_with_free_func (g_free);

              g_ptr_array_add (allowed, g_strdup (text));
              g_hash_table_insert (edits, g_memdup2 (&id, sizeof id), allowed);
            }
          else if (sscanf (line, "TRY edit %" G_GINT64_FORMAT " %63[^\n]", &id, text) == 2)
            {
              GPtrArray *allowed = g_hash_table_lookup (edits, &id);

              if (allowed != NULL)
                g_ptr_array_add (allowed, g_strdup (text));
            }
          else if (sscanf (line, "ACK import %u", &batch) == 1)
            last_batch = (int) batch;
          if (g_str_has_prefix (line, "ACK"))
            acked_total++;
        }

      store = pl_store_open_existing (path, &error);
      g_assert_no_error (error);
      if (!pl_store_check (store, report))
        {
          g_ptr_array_add (report, NULL);
          g_error ("round %u: check failed: %s", r, g_strjoinv ("; ", (char **) report->pdata));
        }

      if (planned != 0)
        {
          g_autofree char *status = pl_test_stored_text (store, PL_TYPE_PLACEMENT, planned,
                                                         "status");

          g_assert_cmpstr (status, ==, "proposed");
          pl_test_assert_model_milestones (store, planned);
        }

      {
        GHashTableIter iter;
        gpointer key, value;

        g_hash_table_iter_init (&iter, edits);
        while (g_hash_table_iter_next (&iter, &key, &value))
          {
            GPtrArray *allowed = value;
            g_autofree char *stored = pl_test_stored_text (store, PL_TYPE_EMPLOYER, *(gint64 *) key,
                                                           "contact_name");

            if (!g_ptr_array_find_with_equal_func (allowed, stored, g_str_equal, NULL))
              g_error ("round %u: the acknowledged edit “%s” of employer %" G_GINT64_FORMAT
                       " is lost (it reads “%s”)", r,
                       (const char *) g_ptr_array_index (allowed, 0), *(gint64 *) key,
                       stored ? stored : "");
          }
      }

      /* Every acknowledged import whole; the one under way whole or absent. */
      for (int b = 0; b <= last_batch; b++)
        g_assert_cmpuint (count_batch (store, (guint) b), ==, IMPORT_ROWS);
      {
        guint next = count_batch (store, (guint) (last_batch + 1));

        g_assert_true (next == 0 || next == IMPORT_ROWS);
        killed_in_import += next == IMPORT_ROWS;
      }

      g_clear_object (&store);
      g_test_message ("round %u: killed after %u ms, %u lines", r, round.kill_ms, lines->len);
    }

  g_test_message ("%u acknowledged changes over %u rounds, all kept; %u imports committed "
                  "but not yet acknowledged when killed", acked_total, N_ROUNDS,
                  killed_in_import);
  g_assert_cmpuint (acked_total, >, N_ROUNDS);

  pl_test_remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    {
      gtk_init ();
      adw_init ();
      return child_main (argv[2]);
    }

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gui/kill/app", test_kill);
  return g_test_run ();
}
