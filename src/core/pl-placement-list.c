/* pl-placement-list.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-placement-list"

#include "config.h"

#include <string.h>

#include "pl-placement-list.h"
#include "pl-record-list-private.h"
#include "pl-search-private.h"
#include "pl-store-private.h"

/* The filters and the search run in the database, not over records in
 * memory: only the ids of the rows shown are held, and each record is read
 * when a row scrolls into view. The search is SQLite's FTS5 (MATCH), kept
 * here inside core. */

struct _PlPlacementList
{
  GObject    parent_instance;

  PlStore   *store;

  char      *status;
  gint64     partner_id;
  gint64     sector_id;
  gint64     employer_id;
  int        academic_year;
  char      *days_from;
  char      *days_to;
  gboolean   without_days;
  GStrv      words;      /* FTS5 queries, one a word (pl-search-private.h) */

  GArray    *ids;        /* gint64 */
  GArray    *keys;       /* gint32: each row's place in the order (day_key()) */
  GPtrArray *items;      /* PlRecord or NULL until asked for */
};

static GType
pl_placement_list_get_item_type (GListModel *model)
{
  return PL_TYPE_PLACEMENT;
}

static guint
pl_placement_list_get_n_items (GListModel *model)
{
  return PL_PLACEMENT_LIST (model)->ids->len;
}

static gpointer
pl_placement_list_get_item (GListModel *model,
                            guint       position)
{
  PlPlacementList *self = PL_PLACEMENT_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    {
      gint64 id = g_array_index (self->ids, gint64, position);
      PlRecord *record = pl_store_get (self->store, PL_TYPE_PLACEMENT, id, NULL);

      /* Removed behind our back: the reload that follows drops it. */
      if (record == NULL)
        record = pl_record_new (PL_TYPE_PLACEMENT);
      g_ptr_array_index (self->items, position) = record;
    }

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pl_placement_list_get_item_type;
  iface->get_n_items = pl_placement_list_get_n_items;
  iface->get_item = pl_placement_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PlPlacementList, pl_placement_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define ANCHOR_DATE                                                             \
  "coalesce((SELECT min(day) FROM placement_day WHERE placement_id = p.id), "    \
  "p.window_start, substr(p.created_at, 1, 10))"

/* Each word may be found in the placement's own text, its staff
 * member's or its employer's: "okafor saltm" finds Okafor's placement at
 * The Saltmarsh Table. */
/* The parameter of the first search word; those before are the filter's. */
#define FIRST_WORD 10

#define WORD_CLAUSE                                                                  \
  " AND (p.id IN (SELECT rec_id FROM search WHERE %s(?%u) AND kind = 'placement')"        \
  " OR p.staff_id IN (SELECT rec_id FROM search WHERE %s(?%u) AND kind = 'staff')"        \
  " OR p.employer_id IN (SELECT rec_id FROM search WHERE %s(?%u)"                         \
  " AND kind = 'employer'))"

/* A row's place in the list's order, "ORDER BY f IS NULL DESC, f DESC,
 * p.id DESC" with f the first day: the day as YYYYMMDD, and the rows
 * without days above all of them. Days are valid ISO dates (the schema
 * checks), so the numbers sort as the text does. */
static gint32
day_key (const char *day)
{
  if (day == NULL || strlen (day) < 10)
    return G_MAXINT32;

  return (gint32) (g_ascii_strtoll (day, NULL, 10) * 10000
                   + g_ascii_strtoll (day + 5, NULL, 10) * 100
                   + g_ascii_strtoll (day + 8, NULL, 10));
}

/* Whether row (@key, @id) comes before row (@other_key, @other_id). */
static gboolean
comes_before (gint32 key,
              gint64 id,
              gint32 other_key,
              gint64 other_id)
{
  return key > other_key || (key == other_key && id > other_id);
}

/* The placements the filter shows, in order, with their keys; only those
 * of @only (in no order) when it is not NULL. */
static void
query_ids (PlPlacementList  *self,
           GArray           *only,
           GArray          **ids_out,
           GArray          **keys_out)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (gint32));
  guint n_words = self->words ? g_strv_length (self->words) : 0;

  g_string_append (sql,
                   "SELECT p.id, "
                   "  (SELECT min(day) FROM placement_day WHERE placement_id = p.id) AS f "
                   "FROM placement AS p "
                   "WHERE (?1 IS NULL OR p.status = ?1) "
                   "  AND (?2 = 0 OR p.staff_id IN (SELECT id FROM staff WHERE partner_id = ?2)) "
                   "  AND (?3 = 0 OR p.sector_id = ?3) "
                   "  AND (?4 = 0 OR p.employer_id = ?4) "
                   "  AND (?5 IS NULL OR " ANCHOR_DATE " BETWEEN ?5 AND ?6)"
                   "  AND (?7 IS NULL OR (p.status <> 'cancelled' AND EXISTS (SELECT 1 FROM "
                   "    placement_day WHERE placement_id = p.id AND day BETWEEN ?7 AND ?8)))"
                   "  AND (?9 = 0 OR NOT EXISTS (SELECT 1 FROM placement_day "
                   "    WHERE placement_id = p.id))");
  for (guint i = 0; i < n_words; i++)
    {
      const char *match = pl_db_sql (pl_store_get_db (self->store), PL_DB_SQL_SEARCH);

      g_string_append_printf (sql, WORD_CLAUSE, match, FIRST_WORD + i, match, FIRST_WORD + i,
                              match, FIRST_WORD + i);
    }

  if (only != NULL)
    {
      /* Numbers, safe to write into the statement, which is not kept. */
      g_string_append (sql, " AND p.id IN (");
      for (guint i = 0; i < only->len; i++)
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "",
                                g_array_index (only, gint64, i));
      g_string_append_c (sql, ')');
      stmt = pl_db_prepare_once (pl_store_get_db (self->store), sql->str, &error);
    }
  else
    {
      /* The text varies only with the number of words: kept. */
      /* An alias in an expression of ORDER BY is SQLite's alone: the
       * order is over the query's columns by name. */
      g_string_prepend (sql, "SELECT id, f FROM (");
      g_string_append (sql, ") AS q ORDER BY f IS NULL DESC, f DESC, id DESC");
      stmt = pl_db_prepare (pl_store_get_db (self->store), sql->str, &error);
    }

  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, self->status);
      pl_stmt_bind_int (stmt, 2, self->partner_id);
      pl_stmt_bind_int (stmt, 3, self->sector_id);
      pl_stmt_bind_int (stmt, 4, self->employer_id);
      if (self->academic_year > 0)
        {
          g_autofree char *from = g_strdup_printf ("%04d-09-01", self->academic_year);
          g_autofree char *to = g_strdup_printf ("%04d-08-31", self->academic_year + 1);

          pl_stmt_bind_text (stmt, 5, from);
          pl_stmt_bind_text (stmt, 6, to);
        }
      pl_stmt_bind_text (stmt, 7, self->days_from);
      pl_stmt_bind_text (stmt, 8, self->days_to);
      pl_stmt_bind_int (stmt, 9, self->without_days ? 1 : 0);
      for (guint i = 0; i < n_words; i++)
        pl_stmt_bind_text (stmt, (int) (FIRST_WORD + i), self->words[i]);

      while (pl_stmt_next (stmt, &error))
        {
          gint64 id = pl_stmt_get_int (stmt, 0);
          gint32 key = day_key (pl_stmt_get_text (stmt, 1));

          g_array_append_val (ids, id);
          g_array_append_val (keys, key);
        }
    }

  if (error != NULL)
    g_critical ("Cannot list placements: %s", error->message);

  *ids_out = ids;
  *keys_out = keys;
}

static void
refresh_record (PlRecord *record,
                PlRecord *fresh,
                gpointer  user_data)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);
  const PlColumn *columns;
  guint n_columns;

  columns = pl_record_class_get_columns (klass, &n_columns);
  g_object_freeze_notify (G_OBJECT (record));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (columns[c].name), "_", '-');

      pl_record_load_value (record, c, pl_record_peek_value (fresh, c));
      g_object_notify (G_OBJECT (record), name);
    }
  pl_record_load_stamps (record, pl_record_get_created_at (fresh),
                         pl_record_get_updated_at (fresh));
  pl_record_set_revision (record, pl_record_get_revision (fresh));
  /* Rows redraw on this one: it changes with every write, and is told
   * when what a row shows of another table changed too. */
  g_object_notify (G_OBJECT (record), "updated-at");
  g_object_thaw_notify (G_OBJECT (record));
}

/* The position of @name among a placement's columns. */
static int
column_index (const char *name)
{
  PlRecordClass *klass = g_type_class_peek (PL_TYPE_PLACEMENT);
  const PlColumn *columns;
  guint n_columns;

  columns = pl_record_class_get_columns (klass, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    if (g_str_equal (columns[i].name, name))
      return (int) i;

  g_return_val_if_reached (-1);
}

/* Reads again the records handed out, outside positions [@skip_from,
 * @skip_to), that a change to rows @changed (NULL: any) of a table
 * reaches through their @column (NULL: their own id). */
static void
refresh (PlPlacementList *self,
         const char      *column,
         GHashTable      *changed,
         guint            skip_from,
         guint            skip_to)
{
  pl_record_list_refresh (self->store, PL_TYPE_PLACEMENT, self->ids, self->items,
                          column != NULL ? column_index (column) : -1, changed,
                          skip_from, skip_to, refresh_record, NULL);
}

/* Makes @ids (and their @keys) the list's rows. Only the rows between
 * the unchanged start and end of the list are replaced, so that a list
 * view keeps its selection and scroll position when one placement is added
 * or moves; the records kept that the change reaches (see refresh())
 * follow it. */
static void
show_ids (PlPlacementList *self,
          GArray          *ids,
          GArray          *keys,
          const char      *column,
          GHashTable      *changed)
{
  GArray *old = self->ids;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) ==
         g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;

  refresh (self, column, changed, prefix, old->len - suffix);

  g_array_unref (self->keys);
  self->keys = g_array_ref (keys);

  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;
  if (removed == 0 && added == 0)
    return;

  g_ptr_array_remove_range (self->items, prefix, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (self->items, (int) (prefix + i), NULL);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

/* Reads all the ids again. */
static void
reload (PlPlacementList *self,
        const char      *column,
        GHashTable      *changed)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) keys = NULL;

  query_ids (self, NULL, &ids, &keys);
  show_ids (self, ids, keys, column, changed);
}

/* Above this many placements written at once, reading all the ids again
 * costs less than putting each in its place. */
#define MAX_PLACED 64

/* After placements @written (their set @changed) were written, inserted
 * or deleted: reads whether each is shown now, and where, and puts it
 * there, rather than reading 100,000 ids again for one. */
static void
place_rows (PlPlacementList *self,
            GArray          *written,
            GHashTable      *changed)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) found_keys = NULL;
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->ids->len + 1);
  g_autoptr(GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint32), self->ids->len + 1);

  query_ids (self, written, &found, &found_keys);

  for (guint i = 0; i < self->ids->len; i++)
    if (!g_hash_table_contains (changed, &g_array_index (self->ids, gint64, i)))
      {
        g_array_append_val (ids, g_array_index (self->ids, gint64, i));
        g_array_append_val (keys, g_array_index (self->keys, gint32, i));
      }

  for (guint i = 0; i < found->len; i++)
    {
      gint64 id = g_array_index (found, gint64, i);
      gint32 key = g_array_index (found_keys, gint32, i);
      guint lo = 0, hi = ids->len;

      /* The first row that does not come before it. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (comes_before (g_array_index (keys, gint32, mid), g_array_index (ids, gint64, mid),
                            key, id))
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (ids, lo, id);
      g_array_insert_val (keys, lo, key);
    }

  show_ids (self, ids, keys, NULL, changed);
}

/* How a change to another table reaches the list: through which column
 * of a placement (NULL: any placement may show it), and whether it can
 * change which placements are shown (the search reads staff members' and
 * employers' names, the partner filter staff members' partners). */
typedef struct
{
  const char *table;
  const char *column;
  gboolean    by_search;
  gboolean    by_partner;
} Reach;

static const Reach reaches[] = {
  { "staff", "staff_id", TRUE, TRUE },
  { "employer", "employer_id", TRUE, FALSE },
  { "sector", "sector_id", FALSE, FALSE },
  { "partner", NULL, FALSE, FALSE },
};

static void
on_store_changed (PlPlacementList *self,
                  const char      *table,
                  GArray          *ids,
                  PlStore         *store)
{
  g_autoptr(GHashTable) changed = NULL;

  /* A placement's days are its own: the store tells of the placement
   * (pl_placement_set_days()). A milestone ticked or a cascade added
   * changes nothing here, and reading 100,000 ids again is not free. */
  if (g_str_equal (table, "placement"))
    {
      changed = pl_record_list_id_set_new (ids);
      if (ids != NULL && ids->len <= MAX_PLACED)
        place_rows (self, ids, changed);
      else
        reload (self, NULL, changed);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (reaches); i++)
    {
      const Reach *reach = &reaches[i];

      if (!g_str_equal (reach->table, table))
        continue;

      changed = reach->column != NULL ? pl_record_list_id_set_new (ids) : NULL;
      if ((reach->by_search && self->words != NULL && self->words[0] != NULL) ||
          (reach->by_partner && self->partner_id != 0))
        reload (self, reach->column, changed);
      else
        refresh (self, reach->column, changed, 0, 0);
      return;
    }
}

static void
unref_if_loaded (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static void
pl_placement_list_finalize (GObject *object)
{
  PlPlacementList *self = PL_PLACEMENT_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->days_from, g_free);
  g_clear_pointer (&self->days_to, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_placement_list_parent_class)->finalize (object);
}

static void
pl_placement_list_class_init (PlPlacementListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_placement_list_finalize;
}

static void
pl_placement_list_init (PlPlacementList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
}

PlPlacementList *
pl_placement_list_new (PlStore *store)
{
  PlPlacementList *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);

  self = g_object_new (PL_TYPE_PLACEMENT_LIST, NULL);
  self->store = g_object_ref (store);
  g_type_class_ref (PL_TYPE_PLACEMENT);
  reload (self, NULL, NULL);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

void
pl_placement_list_set_filter (PlPlacementList         *self,
                              const PlPlacementFilter *filter)
{
  g_return_if_fail (PL_IS_PLACEMENT_LIST (self));
  g_return_if_fail (filter != NULL);

  g_free (self->status);
  self->status = g_strdup (filter->status);
  self->partner_id = filter->partner_id;
  self->sector_id = filter->sector_id;
  self->employer_id = filter->employer_id;
  self->academic_year = filter->academic_year;
  g_free (self->days_from);
  g_free (self->days_to);
  self->days_from = g_strdup (filter->days_to != NULL ? filter->days_from : NULL);
  self->days_to = g_strdup (filter->days_from != NULL ? filter->days_to : NULL);
  self->without_days = filter->without_days;
  g_strfreev (self->words);
  self->words = pl_search_build_word_queries (filter->search);

  reload (self, NULL, NULL);
}

guint
pl_placement_list_find (PlPlacementList *self,
                        gint64           id)
{
  g_return_val_if_fail (PL_IS_PLACEMENT_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

GArray *
pl_placement_list_years (PlStore *store)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  g_return_val_if_fail (PL_IS_STORE (store), years);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT DISTINCT CAST(substr(d, 1, 4) AS INTEGER) "
                        "  - CASE WHEN CAST(substr(d, 6, 2) AS INTEGER) < 9 THEN 1 ELSE 0 END AS y "
                        "FROM (SELECT " ANCHOR_DATE " AS d FROM placement AS p) AS a "
                        "ORDER BY y",
                        &error);
  while (stmt != NULL && pl_stmt_next (stmt, &error))
    {
      int year = (int) pl_stmt_get_int (stmt, 0);
      g_array_append_val (years, year);
    }

  if (error != NULL)
    g_critical ("Cannot list the academic years: %s", error->message);

  return years;
}
