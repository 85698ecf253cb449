/* pl-overview.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-overview.h"
#include "pl-store-private.h"

/* The lists of the Overview page, each one query, so that the page a
 * coordinator opens every morning stays quick on a large network. A query
 * takes ?1 and ?2 (ISO dates) and ?3 (a placement status) when it needs
 * them. */

PlOverviewItem *
pl_overview_item_copy (const PlOverviewItem *item)
{
  PlOverviewItem *copy = g_new0 (PlOverviewItem, 1);

  copy->placement_id = item->placement_id;
  copy->employer_id = item->employer_id;
  copy->milestone_id = item->milestone_id;
  copy->title = g_strdup (item->title);
  copy->subtitle = g_strdup (item->subtitle);
  copy->date = g_strdup (item->date);
  return copy;
}

void
pl_overview_item_free (PlOverviewItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->date);
  g_free (item);
}

G_DEFINE_BOXED_TYPE (PlOverviewItem, pl_overview_item, pl_overview_item_copy,
                     pl_overview_item_free)

static char *
date_in_words (const char *iso)
{
  GDate date;
  char text[64];

  if (!pl_date_parse (iso, &date) || g_date_strftime (text, sizeof text, "%-d %B %Y", &date) == 0)
    return g_strdup (iso);
  return g_strdup (text);
}

/* Runs @sql, with @from, @to and the nick of @status bound to ?1, ?2 and
 * ?3 when given (-1: no status), and turns each row into an item with
 * @make. */
typedef PlOverviewItem *(*MakeItem) (PlStmt *stmt);

static GPtrArray *
collect (PlStore    *store,
         const char *sql,
         const char *from,
         const char *to,
         int         status,
         MakeItem    make)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_overview_item_free);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &error);
  if (stmt != NULL)
    {
      if (from != NULL)
        pl_stmt_bind_text (stmt, 1, from);
      if (to != NULL)
        pl_stmt_bind_text (stmt, 2, to);
      if (status >= 0)
        pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, status));

      while (pl_stmt_next (stmt, &error))
        g_ptr_array_add (items, make (stmt));
    }

  if (error != NULL)
    g_critical ("Cannot read the overview: %s", error->message);

  return items;
}

#define MILESTONE_QUERY(WHERE)                                                         \
  "SELECT m.id, m.placement_id, m.label, m.due, s.name, e.name "                     \
  "FROM milestone AS m "                                                              \
  "JOIN placement AS p ON p.id = m.placement_id "                                    \
  "JOIN staff AS s ON s.id = p.staff_id "                                            \
  "LEFT JOIN employer AS e ON e.id = p.employer_id "                                 \
  "LEFT JOIN milestone_template AS t ON t.kind = m.kind "                            \
  "WHERE p.status <> ?3 AND m.done IS NULL AND " WHERE " "                           \
  "ORDER BY m.due, m.placement_id, coalesce(t.position, 0), m.id"

static PlOverviewItem *
make_milestone (PlStmt *stmt)
{
  PlOverviewItem *item = g_new0 (PlOverviewItem, 1);
  const char *employer = pl_stmt_get_text (stmt, 5);

  item->milestone_id = pl_stmt_get_int (stmt, 0);
  item->placement_id = pl_stmt_get_int (stmt, 1);
  item->title = g_strdup (pl_stmt_get_text (stmt, 2));
  item->date = g_strdup (pl_stmt_get_text (stmt, 3));
  if (employer != NULL)
    /* TRANSLATORS: staff member · employer */
    item->subtitle = g_strdup_printf (_("%s · %s"), pl_stmt_get_text (stmt, 4), employer);
  else
    item->subtitle = g_strdup (pl_stmt_get_text (stmt, 4));
  return item;
}

GPtrArray *
pl_overview_overdue_milestones (PlStore     *store,
                                const GDate *today)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  iso = pl_date_to_iso (today);
  return collect (store, MILESTONE_QUERY ("m.due < ?1"), iso, NULL,
                  PL_PLACEMENT_STATUS_CANCELLED, make_milestone);
}

GPtrArray *
pl_overview_due_this_week (PlStore     *store,
                           const GDate *today)
{
  g_autofree char *iso = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  iso = pl_date_to_iso (today);
  end = pl_date_iso_add_days (iso, 6);
  return collect (store, MILESTONE_QUERY ("m.due BETWEEN ?1 AND ?2"), iso, end,
                  PL_PLACEMENT_STATUS_CANCELLED, make_milestone);
}

static PlOverviewItem *
make_placement (PlStmt *stmt)
{
  PlOverviewItem *item = g_new0 (PlOverviewItem, 1);
  const char *employer = pl_stmt_get_text (stmt, 2);
  const char *first = pl_stmt_get_text (stmt, 4);
  const char *sector = pl_stmt_get_text (stmt, 6);
  int n_days = (int) pl_stmt_get_int (stmt, 5);

  item->placement_id = pl_stmt_get_int (stmt, 0);
  item->title = g_strdup (pl_stmt_get_text (stmt, 1));
  item->date = g_strdup (first);

  if (first != NULL)
    {
      g_autofree char *when = date_in_words (first);
      g_autofree char *days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day from %s",
                                                            "%d days from %s", n_days),
                                               n_days, when);

      /* TRANSLATORS: employer · "2 days from 7 January 2027" */
      item->subtitle = g_strdup_printf (_("%s · %s"), employer ? employer : sector, days);
    }
  else
    {
      const char *window_start = pl_stmt_get_text (stmt, 7);
      const char *window_end = pl_stmt_get_text (stmt, 8);

      if (window_start != NULL && window_end != NULL)
        {
          g_autofree char *from = date_in_words (window_start);
          g_autofree char *to = date_in_words (window_end);
          g_autofree char *window = g_strdup_printf (_("between %s and %s"), from, to);

          item->subtitle = g_strdup_printf (_("%s · %s"), sector, window);
        }
      else
        item->subtitle = g_strdup_printf (_("%s · no window given"), sector);
      item->date = g_strdup (window_start);
    }

  return item;
}

#define PLACEMENT_QUERY(WHERE, ORDER)                                                  \
  "SELECT p.id, s.name, e.name, p.status, "                                          \
  "  (SELECT min(day) FROM placement_day WHERE placement_id = p.id), "               \
  "  (SELECT count(*) FROM placement_day WHERE placement_id = p.id), "               \
  "  (SELECT name FROM sector WHERE id = p.sector_id), p.window_start, p.window_end " \
  "FROM placement AS p "                                                              \
  "JOIN staff AS s ON s.id = p.staff_id "                                            \
  "LEFT JOIN employer AS e ON e.id = p.employer_id "                                 \
  "WHERE " WHERE " ORDER BY " ORDER

GPtrArray *
pl_overview_coming_placements (PlStore     *store,
                               const GDate *today,
                               int          days)
{
  g_autofree char *iso = NULL;
  g_autofree char *end = NULL;
  GPtrArray *items;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  iso = pl_date_to_iso (today);
  end = pl_date_iso_add_days (iso, days);
  items = collect (store,
                   PLACEMENT_QUERY ("p.status <> ?3 AND EXISTS (SELECT 1 FROM "
                                    "placement_day WHERE placement_id = p.id AND day BETWEEN ?1 "
                                    "AND ?2)",
                                    "5, p.id"),
                   iso, end, PL_PLACEMENT_STATUS_CANCELLED, make_placement);
  return items;
}

GPtrArray *
pl_overview_requests_without_dates (PlStore *store)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return collect (store,
                  PLACEMENT_QUERY ("p.status = ?3 AND NOT EXISTS (SELECT 1 FROM "
                                   "placement_day WHERE placement_id = p.id)",
                                   "p.window_start IS NULL, p.window_start, p.id"),
                  NULL, NULL, PL_PLACEMENT_STATUS_REQUEST, make_placement);
}

static PlOverviewItem *
make_employer (PlStmt *stmt)
{
  PlOverviewItem *item = g_new0 (PlOverviewItem, 1);
  g_autofree char *follow_up = date_in_words (pl_stmt_get_text (stmt, 2));
  g_autofree char *contacted = date_in_words (pl_stmt_get_text (stmt, 3));

  item->employer_id = pl_stmt_get_int (stmt, 0);
  item->title = g_strdup (pl_stmt_get_text (stmt, 1));
  item->date = g_strdup (pl_stmt_get_text (stmt, 2));
  /* TRANSLATORS: "Follow-up due on 13 November 2026 · last contact on 23 October 2026" */
  item->subtitle = g_strdup_printf (_("Follow-up due on %s · last contact on %s"), follow_up,
                                    contacted);
  return item;
}

GPtrArray *
pl_overview_employers_needing_attention (PlStore     *store,
                                         const GDate *today)
{
  g_autofree char *iso = NULL;
  GPtrArray *items;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  iso = pl_date_to_iso (today);
  /* The latest contact of each employer (the greatest date, then id) is
   * the one whose follow-up counts: a later contact answers an earlier
   * follow-up. */
  items = collect (store,
                   "SELECT e.id, e.name, c.follow_up, c.contact_date "
                   "FROM employer AS e JOIN contact AS c ON c.employer_id = e.id "
                   "WHERE c.follow_up IS NOT NULL AND c.follow_up <= ?1 "
                   "  AND (e.do_not_contact_before IS NULL OR e.do_not_contact_before <= ?1) "
                   "  AND NOT EXISTS (SELECT 1 FROM contact AS later "
                   "                  WHERE later.employer_id = c.employer_id "
                   "                    AND (later.contact_date > c.contact_date "
                   "                         OR (later.contact_date = c.contact_date "
                   "                             AND later.id > c.id))) "
                   "ORDER BY c.follow_up, e.name COLLATE NOCASE",
                   iso, NULL, -1, make_employer);
  return items;
}
