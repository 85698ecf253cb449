/* pl-overview.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-overview"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-attention.h"
#include "pl-date.h"
#include "pl-overview.h"
#include "pl-store-job.h"
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
 * ?3 when given (-1: no status), and turns each of its first @limit rows
 * (0: every row) into an item with @make. */
typedef PlOverviewItem *(*MakeItem) (PlStmt *stmt);

static PlStmt *
prepare (PlStore     *store,
         const char  *sql,
         const char  *from,
         const char  *to,
         int          status,
         GError     **error)
{
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, error);

  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    pl_stmt_bind_text (stmt, 1, from);
  if (to != NULL)
    pl_stmt_bind_text (stmt, 2, to);
  if (status >= 0)
    pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, status));
  return stmt;
}

static GPtrArray *
collect_some (PlStore     *store,
              const char  *sql,
              const char  *from,
              const char  *to,
              int          status,
              MakeItem     make,
              guint        limit,
              GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_overview_item_free);
  g_autoptr(PlStmt) stmt = NULL;
  g_autofree char *limited = NULL;
  GError *local_error = NULL;

  /* The database stops at the limit: the Overview shows a few of
   * hundreds of thousands. */
  if (limit > 0)
    sql = limited = g_strdup_printf ("%s LIMIT %u", sql, limit);

  stmt = prepare (store, sql, from, to, status, error);
  if (stmt == NULL)
    return NULL;

  while (pl_stmt_next (stmt, &local_error))
    g_ptr_array_add (items, make (stmt));
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/* How many rows @sql gives, with the same parameters. */
static gboolean
count_rows (PlStore     *store,
            const char  *sql,
            const char  *from,
            const char  *to,
            int          status,
            guint       *count,
            GError     **error)
{
  g_autofree char *counting = g_strdup_printf ("SELECT count(*) FROM (%s) AS rows", sql);
  g_autoptr(PlStmt) stmt = prepare (store, counting, from, to, status, error);
  GError *local_error = NULL;

  if (stmt == NULL)
    return FALSE;
  if (!pl_stmt_next (stmt, &local_error))
    {
      if (local_error == NULL)
        g_set_error_literal (&local_error, PL_ERROR, PL_ERROR_FAILED, "count(*) gave no row");
      g_propagate_error (error, local_error);
      return FALSE;
    }
  *count = (guint) pl_stmt_get_int (stmt, 0);
  return TRUE;
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

/* Each list's query, and what it binds: ?1 today (or the first day), ?2
 * the last day, ?3 a status. */
typedef struct
{
  const char *sql;
  MakeItem    make;
  int         status;
  int         days;     /* ?2 is ?1 and this many days; -1: no ?2 */
  gboolean    today;    /* binds ?1 */
} Query;

static const Query queries[PL_OVERVIEW_N_LISTS] = {
  [PL_OVERVIEW_OVERDUE] = {
    MILESTONE_QUERY ("m.due < ?1"),
    make_milestone, PL_PLACEMENT_STATUS_CANCELLED, -1, TRUE,
  },
  [PL_OVERVIEW_DUE_THIS_WEEK] = {
    MILESTONE_QUERY ("m.due BETWEEN ?1 AND ?2"),
    make_milestone, PL_PLACEMENT_STATUS_CANCELLED, 6, TRUE,
  },
  [PL_OVERVIEW_COMING] = {
    PLACEMENT_QUERY ("p.status <> ?3 AND EXISTS (SELECT 1 FROM "
                     "placement_day WHERE placement_id = p.id AND day BETWEEN ?1 "
                     "AND ?2)",
                     "5, p.id"),
    make_placement, PL_PLACEMENT_STATUS_CANCELLED, PL_OVERVIEW_COMING_DAYS, TRUE,
  },
  [PL_OVERVIEW_REQUESTS] = {
    PLACEMENT_QUERY ("p.status = ?3 AND NOT EXISTS (SELECT 1 FROM "
                     "placement_day WHERE placement_id = p.id)",
                     "p.window_start IS NULL, p.window_start, p.id"),
    make_placement, PL_PLACEMENT_STATUS_REQUEST, -1, FALSE,
  },
  /* The latest contact of each employer (the greatest date, then id) is
   * the one whose follow-up counts: a later contact answers an earlier
   * follow-up. */
  /* Only the follow-ups of pl_overview_employers_needing_attention():
   * pl_overview_read() lists every reason (read_attention()). */
  [PL_OVERVIEW_ATTENTION] = {
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
    make_employer, -1, -1, TRUE,
  },
};

/* The first @limit items of @list (0: all), and with @total how many
 * there are in all. */
static GPtrArray *
read_list (PlStore        *store,
           PlOverviewList  list,
           const char     *today,
           int             days,
           guint           limit,
           guint          *total,
           GError        **error)
{
  const Query *query = &queries[list];
  g_autofree char *to = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (days < 0)
    days = query->days;
  if (days >= 0)
    to = pl_date_iso_add_days (today, days);

  items = collect_some (store, query->sql, query->today ? today : NULL, to, query->status,
                        query->make, limit, error);
  if (items == NULL)
    return NULL;

  if (total != NULL)
    {
      /* A short list is all there is. */
      if (limit == 0 || items->len < limit)
        *total = items->len;
      else if (!count_rows (store, query->sql, query->today ? today : NULL, to, query->status,
                            total, error))
        return NULL;
    }

  return g_steal_pointer (&items);
}

static GPtrArray *
read_all (PlStore        *store,
          PlOverviewList  list,
          const GDate    *today,
          int             days)
{
  g_autofree char *iso = today != NULL ? pl_date_to_iso (today) : NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *items;

  items = read_list (store, list, iso, days, 0, NULL, &error);
  if (items == NULL)
    {
      g_critical ("Cannot read the overview: %s", error->message);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_overview_item_free);
    }
  return items;
}

GPtrArray *
pl_overview_overdue_milestones (PlStore     *store,
                                const GDate *today)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_all (store, PL_OVERVIEW_OVERDUE, today, -1);
}

GPtrArray *
pl_overview_due_this_week (PlStore     *store,
                           const GDate *today)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_all (store, PL_OVERVIEW_DUE_THIS_WEEK, today, -1);
}

GPtrArray *
pl_overview_coming_placements (PlStore     *store,
                               const GDate *today,
                               int          days)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (days >= 0, NULL);

  return read_all (store, PL_OVERVIEW_COMING, today, days);
}

GPtrArray *
pl_overview_requests_without_dates (PlStore *store)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_all (store, PL_OVERVIEW_REQUESTS, NULL, -1);
}

GPtrArray *
pl_overview_employers_needing_attention (PlStore     *store,
                                         const GDate *today)
{
  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  return read_all (store, PL_OVERVIEW_ATTENTION, today, -1);
}

void
pl_overview_lists_free (PlOverviewLists *lists)
{
  if (lists == NULL)
    return;

  for (guint i = 0; i < PL_OVERVIEW_N_LISTS; i++)
    g_clear_pointer (&lists->items[i], g_ptr_array_unref);
  g_free (lists);
}

/* Follow-ups first, the one due longest ago first; the others stay in the
 * Employers page's (name) order, the sort being stable. */
static int
compare_attention (gconstpointer a,
                   gconstpointer b)
{
  const PlAttention *x = *(PlAttention * const *) a;
  const PlAttention *y = *(PlAttention * const *) b;

  if ((x->follow_up != NULL) != (y->follow_up != NULL))
    return x->follow_up != NULL ? -1 : 1;
  return g_strcmp0 (x->follow_up, y->follow_up);
}

/* The employers the Employers page's "needs attention" filter shows, so
 * that the Overview's count and its "Show all" agree with that page. */
static GPtrArray *
read_attention (PlStore      *store,
                const GDate  *today,
                guint         months,
                guint         limit,
                guint        *total,
                GError      **error)
{
  g_autoptr(GPtrArray) attention = pl_attention_employers (store, today, months, error);
  g_autoptr(GPtrArray) items = NULL;
  guint n;

  if (attention == NULL)
    return NULL;
  g_ptr_array_sort (attention, compare_attention);

  n = limit == 0 ? attention->len : MIN (limit, attention->len);
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_overview_item_free);
  for (guint i = 0; i < n; i++)
    {
      PlAttention *reasons = g_ptr_array_index (attention, i);
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, reasons->employer_id,
                                                   error);
      g_autofree char *why = NULL;
      PlOverviewItem *item;

      if (employer == NULL)
        return NULL;
      why = pl_attention_describe (reasons, today);
      g_strdelimit (why, "\n", ' ');
      item = g_new0 (PlOverviewItem, 1);
      item->employer_id = reasons->employer_id;
      item->title = g_strdup (pl_record_get_string (employer, "name"));
      item->subtitle = g_steal_pointer (&why);
      item->date = g_strdup (reasons->follow_up);
      g_ptr_array_add (items, item);
    }
  *total = attention->len;
  return g_steal_pointer (&items);
}

PlOverviewLists *
pl_overview_read (PlStore      *store,
                  const GDate  *today,
                  guint         limit,
                  guint         months,
                  GError      **error)
{
  g_autoptr(PlOverviewLists) lists = NULL;
  g_autofree char *iso = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  iso = pl_date_to_iso (today);
  lists = g_new0 (PlOverviewLists, 1);
  for (guint i = 0; i < PL_OVERVIEW_N_LISTS; i++)
    {
      if (i == PL_OVERVIEW_ATTENTION)
        lists->items[i] = read_attention (store, today, months, limit, &lists->totals[i], error);
      else
        lists->items[i] = read_list (store, i, iso, -1, limit, &lists->totals[i], error);
      if (lists->items[i] == NULL)
        return NULL;
    }
  return g_steal_pointer (&lists);
}

typedef struct
{
  GDate today;
  guint limit;
  guint months;
} ReadJob;

static gpointer
read_in_worker (PlStoreJob  *job,
                PlStore     *worker,
                gpointer     data,
                GError     **error)
{
  ReadJob *read = data;

  (void) job;
  return pl_overview_read (worker, &read->today, read->limit, read->months, error);
}

void
pl_overview_read_async (PlStore             *store,
                        const GDate         *today,
                        guint                limit,
                        guint                months,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  ReadJob *read;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (today != NULL);

  read = g_new0 (ReadJob, 1);
  read->today = *today;
  read->limit = limit;
  read->months = months;
  pl_store_run_async (store, read_in_worker, read, g_free,
                      (GDestroyNotify) pl_overview_lists_free, NULL, NULL, cancellable,
                      callback, user_data);
}

PlOverviewLists *
pl_overview_read_finish (PlStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  return pl_store_run_finish (store, result, error);
}
