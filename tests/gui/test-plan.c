/* test-plan.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-plan-item.h"
#include "pl-plan-page.h"
#include "pl-test-data.h"
#include "pl-test-gui.h"
#include "pl-test-sqlite.h"

/* The Plan page on the sample network (today is 22 November 2026): three
 * open requests, of which the Health and Science one has no employer. */

typedef struct
{
  PlTestGui   gui;
  PlWindow   *window;
  PlPlanPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  pl_test_gui_set_up (&fixture->gui, TRUE);
  fixture->window = pl_test_gui_open_window (&fixture->gui);
  fixture->page = PL_PLAN_PAGE (pl_test_gui_show_page (fixture->window, "plan",
                                                       PL_TYPE_PLAN_PAGE));
}

/* Closing the window waits for the page's work in a thread, which reads
 * the database file that goes next. */
static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pl_test_gui_close_window (fixture->window);
  pl_test_gui_tear_down (&fixture->gui);
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

static void
run_plan (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.run", NULL));
  PL_TEST_WAIT_FOR (!pl_plan_page_is_planning (fixture->page));
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
    GtkColumnView *view = GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (fixture->page),
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
  status = pl_test_placement_status (fixture->gui.store, id);
  g_assert_cmpstr (status, ==, "request");
  g_clear_pointer (&status, g_free);

  proposal = pl_plan_item_get_proposal (yusuf);
  g_assert_cmpint (proposal->employer_id, >, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.accept", "x", id));

  status = pl_test_placement_status (fixture->gui.store, id);
  g_assert_cmpstr (status, ==, "proposed");
  g_clear_pointer (&status, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  g_assert_null (find_staff (fixture, "Yusuf Demir"));
  {
    g_auto(GStrv) days = pl_store_get_days (fixture->gui.store, id);

    g_assert_cmpuint (g_strv_length (days), ==, 1);
    g_assert_cmpstr (days[0], >=, "2027-01-04");
  }

  /* Undo puts the request back, with the proposal it had. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.undo", NULL));
  status = pl_test_placement_status (fixture->gui.store, id);
  g_assert_cmpstr (status, ==, "request");
  g_clear_pointer (&status, g_free);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  g_assert_cmpint (pl_plan_item_get_state (find_staff (fixture, "Yusuf Demir")), ==,
                   PL_PLAN_ITEM_PROPOSED);
  {
    g_auto(GStrv) days = pl_store_get_days (fixture->gui.store, id);

    g_assert_cmpuint (g_strv_length (days), ==, 0);
  }

  /* Accept All takes both proposals; the unplaced request stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.accept-all", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  g_assert_nonnull (find_staff (fixture, "Natalie Brennan"));
  g_assert_cmpint (pl_store_count (fixture->gui.store, PL_TYPE_PLACEMENT_EVENT), >, 0);
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
  GtkColumnView *view = GTK_COLUMN_VIEW (pl_test_find_descendant (GTK_WIDGET (fixture->page),
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

  g_assert_cmpint (sqlite3_prepare_v2 (pl_store_get_sqlite (fixture->gui.store),
                                       "SELECT id, employer_id FROM placement"
                                       " WHERE status = 'agreed'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  employer = sqlite3_column_int64 (stmt, 1);
  before = pl_store_get_days (fixture->gui.store, id);
  g_assert_nonnull (before[0]);

  sql = g_strdup_printf ("INSERT INTO calendar_period (owner_kind, employer_id, kind, label,"
                         " start_date, end_date) VALUES ('employer', %" G_GINT64_FORMAT
                         ", 'blackout', 'Refit', '%s', '%s')", employer, before[0], before[0]);
  g_assert_true (pl_store_exec (fixture->gui.store, sql, &error));
  g_assert_no_error (error);
  pl_store_emit_changed (fixture->gui.store, "calendar_period");

  PL_TEST_WAIT_FOR (pl_plan_page_get_n_broken (fixture->page) == 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "plan.replan-apply",
                                             NULL));

  after = pl_store_get_days (fixture->gui.store, id);
  g_assert_nonnull (after[0]);
  g_assert_cmpstr (after[0], !=, before[0]);
  status = pl_test_placement_status (fixture->gui.store, id);
  g_assert_cmpstr (status, ==, "proposed");
  {
    g_autoptr(PlRecord) record = pl_store_get (fixture->gui.store, PL_TYPE_PLACEMENT, id, &error);

    g_assert_cmpint (pl_record_get_int (record, "employer_id"), ==, employer);
  }

  /* Moved, it breaks nothing any more. */
  PL_TEST_WAIT_FOR (pl_plan_page_get_n_broken (fixture->page) == 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/plan/accept-undo", test_plan_accept_undo);
  ADD ("/gui/plan/reject", test_reject);
  ADD ("/gui/plan/suggest", test_suggest);
  ADD ("/gui/plan/replan", test_replan);

#undef ADD

  return g_test_run ();
}
