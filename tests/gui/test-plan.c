/* test-plan.c
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
#include "pl-date.h"
#include "pl-plan-item.h"
#include "pl-plan-page.h"
#include "pl-sample.h"
#include "pl-window.h"
#include "pl-store-legacy-private.h"

/* The Plan page on the sample network (today is 22 November 2026): three
 * open requests, of which the Health and Science one has no employer. */

static PlApplication *app;

typedef struct
{
  char       *dir;
  char       *db_path;
  GSettings  *settings;
  PlStore    *store;
  PlContext  *context;
  PlWindow   *window;
  PlPlanPage *page;
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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  GDate today;

  fixture->dir = g_dir_make_tmp ("placements-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "placements.db", NULL);
  fixture->store = pl_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  pl_date_today (&today);
  g_assert_true (pl_sample_load (fixture->store, &today, &error));
  g_assert_no_error (error);

  backend = g_memory_settings_backend_new ();
  fixture->settings = g_settings_new_with_backend (APP_ID, backend);
  fixture->context = pl_context_new (fixture->store, fixture->settings);

  fixture->window = pl_window_new (app, fixture->context);
  gtk_window_present (GTK_WINDOW (fixture->window));
  WAIT_FOR (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s",
                                             "plan"));
  g_assert_cmpstr (pl_window_get_visible_page (fixture->window), ==, "plan");

  fixture->page = PL_PLAN_PAGE (find_descendant (GTK_WIDGET (fixture->window),
                                                 PL_TYPE_PLAN_PAGE));
  g_assert_nonnull (fixture->page);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *weak = GTK_WIDGET (fixture->window);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Work in a thread reads the database file, which goes next. */
  WAIT_FOR (!pl_plan_page_is_busy (fixture->page));
  g_object_add_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  WAIT_FOR (weak == NULL);

  g_clear_object (&fixture->context);
  g_clear_object (&fixture->settings);
  g_assert_finalize_object (fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_clear_pointer (&fixture->db_path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static guint
count_state (Fixture         *fixture,
             PlPlanItemState  state)
{
  GListModel *items = pl_plan_page_get_items (fixture->page);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (items, i);

      n += pl_plan_item_get_state (item) == state;
    }
  return n;
}

static PlPlanItem *
find_staff (Fixture    *fixture,
            const char *staff)
{
  GListModel *items = pl_plan_page_get_items (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (pl_plan_item_get_staff (item), staff))
        return item;
    }
  return NULL;
}

static char *
status_of (Fixture *fixture,
           gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) record = pl_store_get (fixture->store, PL_TYPE_PLACEMENT, id, &error);

  g_assert_no_error (error);
  return g_strdup (pl_record_get_string (record, "status"));
}

static void
run_plan (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.run", NULL));
  WAIT_FOR (!pl_plan_page_is_planning (fixture->page));
}

static void
test_plan_accept_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *items = pl_plan_page_get_items (fixture->page);
  PlPlanItem *yusuf;
  const PlProposal *proposal;
  gint64 id;
  g_autofree char *status = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpuint (count_state (fixture, PL_PLAN_ITEM_OPEN), ==, 3);

  run_plan (fixture);
  g_assert_cmpuint (count_state (fixture, PL_PLAN_ITEM_PROPOSED), ==, 2);
  g_assert_cmpuint (count_state (fixture, PL_PLAN_ITEM_UNPLACED), ==, 1);
  g_assert_cmpint (pl_plan_item_get_state (find_staff (fixture, "Natalie Brennan")), ==,
                   PL_PLAN_ITEM_UNPLACED);
  g_assert_nonnull (strstr (pl_plan_item_get_summary (find_staff (fixture, "Natalie Brennan")),
                            "Health and Science"));

  /* Sorting by the proposal, descending, puts the unplaced first. */
  {
    GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (fixture->page),
                                                            GTK_TYPE_COLUMN_VIEW));
    GListModel *columns = gtk_column_view_get_columns (view);
    GListModel *shown = G_LIST_MODEL (gtk_column_view_get_model (view));
    g_autoptr(GtkColumnViewColumn) column = NULL;
    g_autoptr(PlPlanItem) first = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (columns) && column == NULL; i++)
      {
        g_autoptr(GtkColumnViewColumn) candidate = g_list_model_get_item (columns, i);

        if (g_strcmp0 (gtk_column_view_column_get_title (candidate), "Proposal") == 0)
          column = g_object_ref (candidate);
      }
    g_assert_nonnull (column);
    gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
    first = g_list_model_get_item (shown, 0);
    g_assert_cmpint (pl_plan_item_get_state (first), ==, PL_PLAN_ITEM_UNPLACED);
  }

  /* Nothing is stored until a proposal is accepted. */
  yusuf = find_staff (fixture, "Yusuf Demir");
  id = pl_plan_item_get_placement_id (yusuf);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "request");
  g_clear_pointer (&status, g_free);

  proposal = pl_plan_item_get_proposal (yusuf);
  g_assert_cmpint (proposal->employer_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.accept", "x", id));

  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "proposed");
  g_clear_pointer (&status, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_null (find_staff (fixture, "Yusuf Demir"));
  {
    g_auto(GStrv) days = pl_store_get_days (fixture->store, id);

    g_assert_cmpuint (g_strv_length (days), ==, 1);
    g_assert_cmpstr (days[0], >=, "2027-01-04");
  }

  /* Undo puts the request back, with the proposal it had. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.undo", NULL));
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "request");
  g_clear_pointer (&status, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpint (pl_plan_item_get_state (find_staff (fixture, "Yusuf Demir")), ==,
                   PL_PLAN_ITEM_PROPOSED);
  {
    g_auto(GStrv) days = pl_store_get_days (fixture->store, id);

    g_assert_cmpuint (g_strv_length (days), ==, 0);
  }

  /* Accept All takes both proposals; the unplaced request stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.accept-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_nonnull (find_staff (fixture, "Natalie Brennan"));
  g_assert_cmpint (pl_store_count (fixture->store, PL_TYPE_PLACEMENT_EVENT), >, 0);
}

/* A rejected proposal is not made again. */
static void
test_reject (Fixture       *fixture,
             gconstpointer  data)
{
  PlPlanItem *yusuf;
  g_autofree char *first_employer = NULL;
  g_autofree char *first_day = NULL;
  gint64 id;

  run_plan (fixture);
  yusuf = find_staff (fixture, "Yusuf Demir");
  id = pl_plan_item_get_placement_id (yusuf);
  first_employer = g_strdup (pl_plan_item_get_proposal (yusuf)->employer_name);
  first_day = g_strdup (pl_plan_item_get_proposal (yusuf)->days[0]);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.reject", "x", id));
  g_assert_cmpint (pl_plan_item_get_state (find_staff (fixture, "Yusuf Demir")), ==,
                   PL_PLAN_ITEM_OPEN);

  run_plan (fixture);
  yusuf = find_staff (fixture, "Yusuf Demir");
  g_assert_cmpint (pl_plan_item_get_state (yusuf), ==, PL_PLAN_ITEM_PROPOSED);
  g_assert_false (g_str_equal (pl_plan_item_get_proposal (yusuf)->employer_name, first_employer) &&
                  g_str_equal (pl_plan_item_get_proposal (yusuf)->days[0], first_day));
}

/* Suggest lists options for the selected request; using one proposes it. */
static void
test_suggest (Fixture       *fixture,
              gconstpointer  data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_descendant (GTK_WIDGET (fixture->page),
                                                          GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PlPlanItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_str_equal (pl_plan_item_get_staff (item), "Mei Ling Chan"))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_selection_model_select_item (selection, position, TRUE);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.suggest", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.use-suggestion",
                                             "u", 0));
  g_assert_cmpint (pl_plan_item_get_state (find_staff (fixture, "Mei Ling Chan")), ==,
                   PL_PLAN_ITEM_PROPOSED);
  g_assert_cmpuint (g_strv_length (pl_plan_item_get_proposal (find_staff (fixture,
                                                                          "Mei Ling Chan"))->days),
                    ==, 2);
}

/* A blackout over an agreed placement's day shows up on the page, and
 * re-planning moves it to other days, with the same employer. */
static void
test_replan (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  gint64 id, employer;

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (fixture->store),
                                       "SELECT id, employer_id FROM placement"
                                       " WHERE status = 'agreed'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  employer = sqlite3_column_int64 (stmt, 1);
  before = pl_store_get_days (fixture->store, id);
  g_assert_nonnull (before[0]);

  sql = g_strdup_printf ("INSERT INTO calendar_period (owner_kind, employer_id, kind, label,"
                         " start_date, end_date) VALUES ('employer', %" G_GINT64_FORMAT
                         ", 'blackout', 'Refit', '%s', '%s')", employer, before[0], before[0]);
  g_assert_true (pl_store_exec (fixture->store, sql, &error));
  g_assert_no_error (error);
  pl_store_emit_changed (fixture->store, "calendar_period");

  WAIT_FOR (pl_plan_page_get_n_broken (fixture->page) == 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.replan-apply",
                                             NULL));

  after = pl_store_get_days (fixture->store, id);
  g_assert_nonnull (after[0]);
  g_assert_cmpstr (after[0], !=, before[0]);
  status = status_of (fixture, id);
  g_assert_cmpstr (status, ==, "proposed");
  {
    g_autoptr(PlRecord) record = pl_store_get (fixture->store, PL_TYPE_PLACEMENT, id, &error);

    g_assert_cmpint (pl_record_get_int (record, "employer_id"), ==, employer);
  }

  /* Moved, it breaks nothing any more. */
  WAIT_FOR (pl_plan_page_get_n_broken (fixture->page) == 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  gtk_test_init (&argc, &argv, NULL);

  app = pl_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/plan/accept-undo", test_plan_accept_undo);
  ADD ("/gui/plan/reject", test_reject);
  ADD ("/gui/plan/suggest", test_suggest);
  ADD ("/gui/plan/replan", test_replan);

#undef ADD

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
