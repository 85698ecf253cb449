/* lists.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* How long the store takes to give each page its list, at scale:
 *
 *   lists --db PATH
 *
 * For partners, staff, employers and placements: opening the list model
 * (pl_store_list) and reading the first screenful of records; filtering
 * it by a column (pl_store_list_where); and a search as a person types
 * (an FTS5 prefix query). Each figure is the best of five. This is the
 * store's share of opening a page; the widgets add their own. */

#include "config.h"

#include <glib.h>

#include "pl-store.h"
#include "pl-test-sqlite.h"

#define SCREENFUL 40
#define RUNS 5

typedef struct
{
  const char *name;
  GType     (*get_type) (void);
  const char *column;    /* a column to filter by */
  gint64      value;
  const char *kind;      /* in the search index */
  const char *typed;     /* what a person types */
} List;

static double
seconds_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC;
}

static void
read_screenful (GListModel *model)
{
  guint n = MIN (SCREENFUL, g_list_model_get_n_items (model));

  for (guint i = 0; i < n; i++)
    g_object_unref (g_list_model_get_item (model, i));
}

int
main (int   argc,
      char *argv[])
{
  static const List lists[] = {
    { "partners", pl_partner_get_type, "kind", 0, "partner", "hul" },
    { "staff", pl_staff_get_type, "sector_id", 7, "staff", "lect" },
    { "employers", pl_employer_get_type, "sector_id", 3, "employer", "kee" },
    { "placements", pl_placement_get_type, "sector_id", 3, "placement", "equip" },
  };
  g_autofree char *db = NULL;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "The database", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the lists");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db == NULL)
    {
      g_printerr ("lists: give --db PATH\n");
      return 2;
    }

  store = pl_store_open (db, &error);
  if (store == NULL)
    {
      g_printerr ("lists: %s\n", error->message);
      return 1;
    }

  g_print ("%-11s %8s %10s %8s %10s %8s %10s\n", "list", "rows", "open", "filtered", "filter",
           "found", "search");

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      const List *list = &lists[l];
      double open = G_MAXDOUBLE, filter = G_MAXDOUBLE, search = G_MAXDOUBLE;
      guint rows = 0, filtered = 0, found = 0;
      g_autofree char *match = g_strdup_printf ("%s*", list->typed);

      g_type_class_unref (g_type_class_ref (list->get_type ()));

      for (guint run = 0; run < RUNS; run++)
        {
          g_autoptr(GListModel) all = NULL;
          g_autoptr(GListModel) some = NULL;
          g_autoptr(sqlite3_stmt) stmt = NULL;
          gint64 start;

          start = g_get_monotonic_time ();
          all = pl_store_list (store, list->get_type ());
          rows = g_list_model_get_n_items (all);
          read_screenful (all);
          open = MIN (open, seconds_since (start));

          start = g_get_monotonic_time ();
          if (g_str_equal (list->column, "kind"))
            some = pl_store_list (store, list->get_type ());
          else
            some = pl_store_list_where (store, list->get_type (), list->column, list->value);
          filtered = g_list_model_get_n_items (some);
          read_screenful (some);
          filter = MIN (filter, seconds_since (start));

          start = g_get_monotonic_time ();
          found = 0;
          if (sqlite3_prepare_v2 (pl_store_get_sqlite (store),
                                  "SELECT rec_id FROM search WHERE search MATCH ?1 AND kind = ?2",
                                  -1, &stmt, NULL) == SQLITE_OK)
            {
              sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 2, list->kind, -1, SQLITE_STATIC);
              while (sqlite3_step (stmt) == SQLITE_ROW)
                found++;
            }
          search = MIN (search, seconds_since (start));
        }

      g_print ("%-11s %8u %8.1fms %8u %8.1fms %8u %8.1fms  ('%s')\n", list->name, rows,
               open * 1000, filtered, filter * 1000, found, search * 1000, list->typed);
    }

  return 0;
}
