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

/* Every placement's place in the order, staff member and employer are held
 * (a few numbers each, read once); the filters run in the database when
 * they change, the search in the full-text index at each keystroke, and the
 * rows shown are chosen from the ordered placements by those results alone,
 * so that a keystroke costs the index's answer and one pass over numbers,
 * never a sort. Each record is read when a row scrolls into view. The
 * search is SQLite's FTS5 (MATCH), kept here inside core. */

/* A set of ids, one bit each. */
typedef struct
{
  guint64 *words;
  gsize    n_words;
} Bits;

static void
bits_clear (Bits *bits)
{
  g_clear_pointer (&bits->words, g_free);
  bits->n_words = 0;
}

static void
bits_set (Bits    *bits,
          gint64   id,
          gboolean on)
{
  gsize word;

  if (id < 0)
    return;
  word = (gsize) id / 64;
  if (word >= bits->n_words)
    {
      gsize n = MAX (word + 1, bits->n_words * 2);

      if (!on)
        return;
      bits->words = g_renew (guint64, bits->words, n);
      memset (bits->words + bits->n_words, 0, (n - bits->n_words) * sizeof (guint64));
      bits->n_words = n;
    }
  if (on)
    bits->words[word] |= G_GUINT64_CONSTANT (1) << (id % 64);
  else
    bits->words[word] &= ~(G_GUINT64_CONSTANT (1) << (id % 64));
}

static inline gboolean
bits_test (const Bits *bits,
           gint64      id)
{
  gsize word = (gsize) id / 64;

  return id >= 0 && word < bits->n_words &&
         (bits->words[word] >> (id % 64)) & 1;
}

/* One placement, in the order of the list. */
typedef struct
{
  gint64 id;
  gint64 staff_id;
  gint64 employer_id;
  gint32 key;           /* its place in the order (day_key()) */
} Entry;

/* What one word of the search found: placements, staff and employers. */
typedef struct
{
  Bits placements;
  Bits staff;
  Bits employers;
} WordBits;

static void
word_bits_free (gpointer data)
{
  WordBits *found = data;

  bits_clear (&found->placements);
  bits_clear (&found->staff);
  bits_clear (&found->employers);
  g_free (found);
}

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
  char      *milestones_from;
  char      *milestones_to;
  GStrv      words;      /* FTS5 queries, one a word (pl-search-private.h) */

  GArray    *all;        /* Entry: every placement, in order */
  gboolean   conditions; /* whether a filter other than the search is set */
  Bits       passing;    /* then, the placements it keeps */
  GPtrArray *found;      /* WordBits, one per word */

  GArray    *ids;        /* gint64: the rows shown */
  GPtrArray *items;      /* PlRecord or NULL until asked for */
  /* Records read of rows a search or filter took away, by id (Spare),
   * as the store has them: handed out again when those rows come back. */
  GHashTable *spare;
  guint      generation; /* of the last search or filter change */
};

/* A record no longer shown, and the change that took it away. */
typedef struct
{
  PlRecord *record;
  guint     generation;
} Spare;

static void
spare_free (gpointer data)
{
  Spare *spare = data;

  g_object_unref (spare->record);
  g_free (spare);
}

static GHashTable *
spare_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, spare_free);
}

/* About four screenfuls of a list view (which binds up to 200 rows) are
 * kept: what the last few keystrokes or filter changes took away. */
#define MAX_SPARE 1024

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

/* Rows are read this many neighbours at a time: a list view asks for the
 * rows on screen one after the other. */
#define BLOCK_SIZE 32

static void
load_block (PlPlacementList *self,
            guint            position)
{
  guint start = position - position % BLOCK_SIZE;
  guint end = MIN (start + BLOCK_SIZE, self->ids->len);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) record_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = start; i < end; i++)
    if (g_ptr_array_index (self->items, i) == NULL)
      g_array_append_val (wanted, g_array_index (self->ids, gint64, i));

  records = pl_store_get_many (self->store, PL_TYPE_PLACEMENT,
                               (const gint64 *) (gpointer) wanted->data, wanted->len);
  g_array_set_size (record_ids, records->len);
  for (guint i = 0; i < records->len; i++)
    {
      g_array_index (record_ids, gint64, i) = pl_record_get_id (g_ptr_array_index (records, i));
      g_hash_table_insert (by_id, &g_array_index (record_ids, gint64, i),
                           g_ptr_array_index (records, i));
    }

  for (guint i = start; i < end; i++)
    {
      PlRecord *record;

      if (g_ptr_array_index (self->items, i) != NULL)
        continue;

      record = g_hash_table_lookup (by_id, &g_array_index (self->ids, gint64, i));
      /* Removed behind our back: the reload that follows drops it. */
      g_ptr_array_index (self->items, i) =
        record != NULL ? g_object_ref (record) : pl_record_new (PL_TYPE_PLACEMENT);
    }
}

static gpointer
pl_placement_list_get_item (GListModel *model,
                            guint       position)
{
  PlPlacementList *self = PL_PLACEMENT_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    load_block (self, position);

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

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (comes_before (x->key, x->id, y->key, y->id))
    return -1;
  return comes_before (y->key, y->id, x->key, x->id) ? 1 : 0;
}

/* Numbers, safe to write into a statement, which is then not kept. */
static void
append_id_list (GString *sql,
                GArray  *only)
{
  g_string_append (sql, " AND p.id IN (");
  for (guint i = 0; i < only->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (only, gint64, i));
  g_string_append_c (sql, ')');
}

/* Every placement (only those of @only when not NULL), in order. */
static GArray *
query_entries (PlPlacementList *self,
               GArray          *only)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_string_append (sql,
                   "SELECT p.id, p.staff_id, p.employer_id, "
                   "  (SELECT min(day) FROM placement_day WHERE placement_id = p.id) "
                   "FROM placement AS p WHERE 1 = 1");
  if (only != NULL)
    {
      append_id_list (sql, only);
      stmt = pl_db_prepare_once (pl_store_get_db (self->store), sql->str, &error);
    }
  else
    stmt = pl_db_prepare (pl_store_get_db (self->store), sql->str, &error);

  while (stmt != NULL && pl_stmt_next (stmt, &error))
    {
      Entry entry;

      entry.id = pl_stmt_get_int (stmt, 0);
      entry.staff_id = pl_stmt_get_int (stmt, 1);
      entry.employer_id = pl_stmt_get_int (stmt, 2);
      entry.key = day_key (pl_stmt_get_text (stmt, 3));
      g_array_append_val (entries, entry);
    }

  if (error != NULL)
    g_critical ("Cannot list placements: %s", error->message);

  g_array_sort (entries, compare_entries);
  return entries;
}

/* Sets, in the bits of those passing, whether each placement (each of
 * @only when not NULL) meets the filter's conditions other than the
 * search. */
static void
query_passing (PlPlacementList *self,
               GArray          *only)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  if (only == NULL)
    bits_clear (&self->passing);
  else
    for (guint i = 0; i < only->len; i++)
      bits_set (&self->passing, g_array_index (only, gint64, i), FALSE);

  if (!self->conditions)
    return;

  /* A status, sector or employer chosen is asked for without an OR, so
   * that its placements are read in its index rather than every one. */
  g_string_append (sql, self->status != NULL ?
                   "SELECT p.id FROM placement AS p WHERE p.status = ?1" :
                   "SELECT p.id FROM placement AS p WHERE ?1 IS NULL");
  g_string_append (sql, self->sector_id != 0 ? " AND p.sector_id = ?3" : " AND ?3 = 0");
  g_string_append (sql, self->employer_id != 0 ? " AND p.employer_id = ?4" : " AND ?4 = 0");
  g_string_append (sql,
                   "  AND (?2 = 0 OR p.staff_id IN (SELECT id FROM staff WHERE partner_id = ?2)) "
                   "  AND (?5 IS NULL OR " ANCHOR_DATE " BETWEEN ?5 AND ?6)"
                   "  AND (?7 IS NULL OR (p.status <> 'cancelled' AND EXISTS (SELECT 1 FROM "
                   "    placement_day WHERE placement_id = p.id AND day BETWEEN ?7 AND ?8)))"
                   "  AND (?9 = 0 OR NOT EXISTS (SELECT 1 FROM placement_day "
                   "    WHERE placement_id = p.id))"
                   "  AND ((?10 IS NULL AND ?11 IS NULL) OR (p.status <> 'cancelled' AND EXISTS ("
                   "    SELECT 1 FROM milestone AS m WHERE m.placement_id = p.id"
                   "      AND m.done IS NULL AND (?10 IS NULL OR m.due >= ?10)"
                   "      AND (?11 IS NULL OR m.due <= ?11))))");
  if (only != NULL)
    {
      append_id_list (sql, only);
      stmt = pl_db_prepare_once (pl_store_get_db (self->store), sql->str, &error);
    }
  else
    stmt = pl_db_prepare (pl_store_get_db (self->store), sql->str, &error);

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
      pl_stmt_bind_text (stmt, 10, self->milestones_from);
      pl_stmt_bind_text (stmt, 11, self->milestones_to);

      while (pl_stmt_next (stmt, &error))
        bits_set (&self->passing, pl_stmt_get_int (stmt, 0), TRUE);
    }

  if (error != NULL)
    g_critical ("Cannot filter placements: %s", error->message);
}

/* Each word may be found in the placement's own text, its staff
 * member's or its employer's: "okafor saltm" finds Okafor's placement at
 * The Saltmarsh Table. One read of the index a word. */
static void
search_words (PlPlacementList *self)
{
  static const char * const kinds[] = { "placement", "staff", "employer", NULL };

  g_ptr_array_set_size (self->found, 0);
  for (guint i = 0; self->words != NULL && self->words[i] != NULL; i++)
    {
      WordBits *found = g_new0 (WordBits, 1);
      GArray *ids[3];
      g_autoptr(GError) error = NULL;

      for (guint k = 0; k < 3; k++)
        ids[k] = g_array_new (FALSE, FALSE, sizeof (gint64));
      if (!pl_search_word_ids (self->store, self->words[i], kinds, ids, &error))
        g_critical ("Cannot search placements: %s", error->message);

      for (guint j = 0; j < ids[0]->len; j++)
        bits_set (&found->placements, g_array_index (ids[0], gint64, j), TRUE);
      for (guint j = 0; j < ids[1]->len; j++)
        bits_set (&found->staff, g_array_index (ids[1], gint64, j), TRUE);
      for (guint j = 0; j < ids[2]->len; j++)
        bits_set (&found->employers, g_array_index (ids[2], gint64, j), TRUE);
      for (guint k = 0; k < 3; k++)
        g_array_unref (ids[k]);

      g_ptr_array_add (self->found, found);
    }
}

/* The placements the filter and the search keep, in order. */
static GArray *
choose_ids (PlPlacementList *self)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->all->len);
  const Entry *entries = (const Entry *) (gpointer) self->all->data;

  for (guint i = 0; i < self->all->len; i++)
    {
      const Entry *entry = &entries[i];
      gboolean keep = !self->conditions || bits_test (&self->passing, entry->id);

      for (guint w = 0; keep && w < self->found->len; w++)
        {
          const WordBits *found = g_ptr_array_index (self->found, w);

          keep = bits_test (&found->placements, entry->id) ||
                 bits_test (&found->staff, entry->staff_id) ||
                 bits_test (&found->employers, entry->employer_id);
        }

      if (keep)
        g_array_append_val (ids, entry->id);
    }

  return ids;
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

/* Reads again the records handed out that a change to rows @changed
 * (NULL: any) of a table reaches through their @column (NULL: their own
 * id). */
static void
refresh (PlPlacementList *self,
         const char      *column,
         GHashTable      *changed)
{
  pl_record_list_refresh (self->store, PL_TYPE_PLACEMENT, self->ids, self->items,
                          column != NULL ? column_index (column) : -1, changed,
                          refresh_record, NULL);
}

/* Lets go of the spare records beyond MAX_SPARE: those of earlier
 * changes first, all if the last one alone took more away. */
static void
trim_spare (PlPlacementList *self)
{
  GHashTableIter iter;
  Spare *spare;

  if (g_hash_table_size (self->spare) <= MAX_SPARE)
    return;

  g_hash_table_iter_init (&iter, self->spare);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &spare))
    if (spare->generation != self->generation)
      g_hash_table_iter_remove (&iter);

  if (g_hash_table_size (self->spare) > MAX_SPARE)
    g_hash_table_remove_all (self->spare);
}

/* Makes @ids the list's rows. Only the rows between the unchanged start
 * and end of the list are replaced, so that a list view keeps its
 * selection and scroll position when one placement is added or moves; a
 * record already read for a placement still shown is kept, wherever it
 * moves, and GtkListView keeps its row.
 *
 * With @stale, the store changed: the records kept that the change
 * reaches (see refresh()) follow it, and those of the rows taken away,
 * which nothing follows, are let go. Without, only which rows are shown
 * changed: nothing is read again, and the records of the rows taken away
 * are kept spare (trim_spare()), so that a search or filter changed back
 * reads none again. */
static void
show_ids (PlPlacementList *self,
          GArray          *ids,
          gboolean         stale,
          const char      *column,
          GHashTable      *changed)
{
  GArray *old = self->ids;
  g_autoptr(GHashTable) kept = NULL;
  GHashTable *dropped;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  while (prefix < old->len && prefix < ids->len &&
         g_array_index (old, gint64, prefix) == g_array_index (ids, gint64, prefix))
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         g_array_index (old, gint64, old->len - 1 - suffix) ==
         g_array_index (ids, gint64, ids->len - 1 - suffix))
    suffix++;

  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;
  if (removed == 0 && added == 0)
    {
      if (stale)
        refresh (self, column, changed);
      return;
    }

  /* The records read of the rows replaced, by id; a placeholder of a row
   * gone when asked for (no id) is not worth keeping. */
  if (stale)
    dropped = kept = spare_table_new ();
  else
    {
      self->generation++;
      dropped = self->spare;
    }
  for (guint i = prefix; i < prefix + removed; i++)
    {
      PlRecord *record = g_ptr_array_index (self->items, i);
      Spare *spare;

      if (record == NULL || pl_record_get_id (record) == 0)
        continue;
      spare = g_new (Spare, 1);
      spare->record = g_steal_pointer (&g_ptr_array_index (self->items, i));
      spare->generation = self->generation;
      g_hash_table_insert (dropped, g_memdup2 (&g_array_index (old, gint64, i), sizeof (gint64)),
                           spare);
    }

  /* GTK 4.8's GtkSingleSelection, when its row is among those replaced,
   * asks for every row added to look for it, which reads them all: told
   * of a search's many rows apart, it only drops the selection, which the
   * page puts back by id. */
  g_ptr_array_remove_range (self->items, prefix, removed);
  if (removed > 0 && added > BLOCK_SIZE)
    {
      g_array_remove_range (self->ids, prefix, removed);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, 0);
      removed = 0;
    }

  g_ptr_array_set_size (self->items, (int) (self->items->len + added));
  if (suffix > 0)
    {
      gpointer *data = self->items->pdata;

      memmove (data + prefix + added, data + prefix, suffix * sizeof (gpointer));
      memset (data + prefix, 0, added * sizeof (gpointer));
    }
  if (g_hash_table_size (dropped) > 0)
    for (guint i = prefix; i < prefix + added; i++)
      {
        gpointer key = NULL, value = NULL;

        if (g_hash_table_steal_extended (dropped, &g_array_index (ids, gint64, i), &key, &value))
          {
            Spare *spare = value;

            g_ptr_array_index (self->items, i) = spare->record;
            g_free (spare);
            g_free (key);
          }
      }
  if (!stale)
    trim_spare (self);

  g_array_unref (self->ids);
  self->ids = g_array_ref (ids);

  /* Before the rows are told of, so that they show what is stored. */
  if (stale)
    refresh (self, column, changed);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
}

/* Shows again what the held placements, filter and search keep; @stale,
 * @column and @changed as for show_ids(). */
static void
show_chosen (PlPlacementList *self,
             gboolean         stale,
             const char      *column,
             GHashTable      *changed)
{
  g_autoptr(GArray) ids = choose_ids (self);

  show_ids (self, ids, stale, column, changed);
}

/* Reads every placement, what the filter keeps and the search finds
 * again. */
static void
reload (PlPlacementList *self,
        const char      *column,
        GHashTable      *changed)
{
  g_clear_pointer (&self->all, g_array_unref);
  self->all = query_entries (self, NULL);
  query_passing (self, NULL);
  search_words (self);
  show_chosen (self, TRUE, column, changed);
}

/* Above this many placements written at once, reading all the ids again
 * costs less than putting each in its place. */
#define MAX_PLACED 64

/* After placements @written (their set @changed) were written, inserted
 * or deleted: reads where each goes now and whether the filter keeps it,
 * and puts it there, rather than reading 100,000 placements again for
 * one. */
static void
place_rows (PlPlacementList *self,
            GArray          *written,
            GHashTable      *changed)
{
  g_autoptr(GArray) found = query_entries (self, written);
  GArray *all = g_array_sized_new (FALSE, FALSE, sizeof (Entry), self->all->len + found->len);

  for (guint i = 0; i < self->all->len; i++)
    {
      const Entry *entry = &g_array_index (self->all, Entry, i);

      if (!g_hash_table_contains (changed, &entry->id))
        g_array_append_val (all, *entry);
    }

  for (guint i = 0; i < found->len; i++)
    {
      const Entry *entry = &g_array_index (found, Entry, i);
      guint lo = 0, hi = all->len;

      /* The first placement that does not come before it. */
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          const Entry *other = &g_array_index (all, Entry, mid);

          if (comes_before (other->key, other->id, entry->key, entry->id))
            lo = mid + 1;
          else
            hi = mid;
        }
      g_array_insert_val (all, lo, *entry);
    }

  g_array_unref (self->all);
  self->all = all;
  query_passing (self, written);
  /* The text written may make it match, or stop matching, a word. */
  if (self->found->len > 0)
    search_words (self);
  show_chosen (self, TRUE, NULL, changed);
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

  /* Spare records follow nothing: any of them may be out of date now. */
  g_hash_table_remove_all (self->spare);

  /* A placement's days are its own: the store tells of the placement
   * (pl_placement_set_days()). A milestone ticked or a cascade added
   * changes nothing here, and reading 100,000 placements again is not
   * free. */
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
      gboolean searched = reach->by_search && self->found->len > 0;
      gboolean partnered = reach->by_partner && self->partner_id != 0;

      if (!g_str_equal (reach->table, table))
        continue;

      changed = reach->column != NULL ? pl_record_list_id_set_new (ids) : NULL;
      if (searched)
        search_words (self);
      if (partnered)
        query_passing (self, NULL);
      if (searched || partnered)
        show_chosen (self, TRUE, reach->column, changed);
      else
        refresh (self, reach->column, changed);
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
  g_clear_pointer (&self->milestones_from, g_free);
  g_clear_pointer (&self->milestones_to, g_free);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->all, g_array_unref);
  bits_clear (&self->passing);
  g_clear_pointer (&self->found, g_ptr_array_unref);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->spare, g_hash_table_unref);

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
  self->all = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->found = g_ptr_array_new_with_free_func (word_bits_free);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
  self->spare = spare_table_new ();
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
  const char *days_from, *days_to;
  g_auto(GStrv) words = NULL;
  gboolean same_conditions, same_words;

  g_return_if_fail (PL_IS_PLACEMENT_LIST (self));
  g_return_if_fail (filter != NULL);

  days_from = filter->days_to != NULL ? filter->days_from : NULL;
  days_to = filter->days_from != NULL ? filter->days_to : NULL;
  words = pl_search_build_word_queries (filter->search);

  /* A keystroke changes the words only: the filter's answer is kept. */
  same_conditions = g_strcmp0 (self->status, filter->status) == 0 &&
                    self->partner_id == filter->partner_id &&
                    self->sector_id == filter->sector_id &&
                    self->employer_id == filter->employer_id &&
                    self->academic_year == filter->academic_year &&
                    g_strcmp0 (self->days_from, days_from) == 0 &&
                    g_strcmp0 (self->days_to, days_to) == 0 &&
                    self->without_days == filter->without_days &&
                    g_strcmp0 (self->milestones_from, filter->milestones_from) == 0 &&
                    g_strcmp0 (self->milestones_to, filter->milestones_to) == 0;
  same_words = (self->words == NULL) == (words == NULL) &&
               (words == NULL || g_strv_equal ((const char * const *) self->words,
                                               (const char * const *) words));

  g_free (self->status);
  self->status = g_strdup (filter->status);
  self->partner_id = filter->partner_id;
  self->sector_id = filter->sector_id;
  self->employer_id = filter->employer_id;
  self->academic_year = filter->academic_year;
  g_free (self->days_from);
  g_free (self->days_to);
  self->days_from = g_strdup (days_from);
  self->days_to = g_strdup (days_to);
  self->without_days = filter->without_days;
  g_free (self->milestones_from);
  g_free (self->milestones_to);
  self->milestones_from = g_strdup (filter->milestones_from);
  self->milestones_to = g_strdup (filter->milestones_to);
  self->conditions = self->status != NULL || self->partner_id != 0 || self->sector_id != 0 ||
                     self->employer_id != 0 || self->academic_year > 0 ||
                     self->days_from != NULL || self->without_days ||
                     self->milestones_from != NULL || self->milestones_to != NULL;
  g_strfreev (self->words);
  self->words = g_steal_pointer (&words);

  if (!same_conditions)
    query_passing (self, NULL);
  if (!same_words)
    search_words (self);
  /* Which rows are shown changes, not what any of them holds. */
  show_chosen (self, FALSE, NULL, NULL);
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
