/* pl-record-list.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record-list"

#include "config.h"

#include <string.h>

#include "pl-record-list-private.h"
#include "pl-store-private.h"

/* Records are read in blocks of this many neighbouring rows: a list view
 * asks for the rows on screen one by one, and a filter or a sorter asks for
 * all of them, and one query per block costs a fraction of one per row. */
#define BLOCK_SIZE 256

/* A table that a derived column reads (a staff member's partner name), and
 * how a change to one of its rows reaches the list's rows: through a column
 * of ours that holds that row's id (staff.partner_id), or, when the column
 * reads it some other way (an employer's last contact), to any row. */
typedef struct
{
  char *table;
  int   column;   /* index of our column holding the related row's id, or -1: any */
} Related;

struct _PlRecordList
{
  GObject      parent_instance;

  PlStore     *store;
  GType        type;
  char        *table;
  char        *column;
  gint64       value;

  GArray      *related;  /* Related, one per (table, way) */
  GParamSpec **pspecs;   /* the property of each column */
  guint        n_columns;

  GArray      *ids;      /* gint64, in list order */
  GPtrArray   *items;    /* PlRecord or NULL until first asked for */
};

static GType
pl_record_list_get_item_type (GListModel *model)
{
  return PL_RECORD_LIST (model)->type;
}

static guint
pl_record_list_get_n_items (GListModel *model)
{
  return PL_RECORD_LIST (model)->ids->len;
}

static GHashTable *
index_records (GPtrArray *records)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  /* The key points into the record, which the array keeps alive. */
  for (guint i = 0; i < records->len; i++)
    {
      PlRecord *record = g_ptr_array_index (records, i);
      gint64 *key = g_object_get_data (G_OBJECT (record), "pl-record-list-id");

      if (key == NULL)
        {
          key = g_new (gint64, 1);
          *key = pl_record_get_id (record);
          g_object_set_data_full (G_OBJECT (record), "pl-record-list-id", key, g_free);
        }
      g_hash_table_insert (by_id, key, record);
    }

  return by_id;
}

static void
load_block (PlRecordList *self,
            guint         position)
{
  guint start = position - position % BLOCK_SIZE;
  guint end = MIN (start + BLOCK_SIZE, self->ids->len);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  for (guint i = start; i < end; i++)
    if (g_ptr_array_index (self->items, i) == NULL)
      g_array_append_val (wanted, g_array_index (self->ids, gint64, i));

  records = pl_store_get_many (self->store, self->type,
                               (const gint64 *) (gpointer) wanted->data, wanted->len);
  by_id = index_records (records);

  for (guint i = start; i < end; i++)
    {
      PlRecord *record;

      if (g_ptr_array_index (self->items, i) != NULL)
        continue;

      record = g_hash_table_lookup (by_id, &g_array_index (self->ids, gint64, i));

      /* A row removed behind our back: hand out an empty record rather
       * than NULL, which list widgets do not expect; the reload that
       * follows the change will drop it. */
      g_ptr_array_index (self->items, i) =
        record != NULL ? g_object_ref (record) : pl_record_new (self->type);
    }
}

static gpointer
pl_record_list_get_item (GListModel *model,
                         guint       position)
{
  PlRecordList *self = PL_RECORD_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    load_block (self, position);

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = pl_record_list_get_item_type;
  iface->get_n_items = pl_record_list_get_n_items;
  iface->get_item = pl_record_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PlRecordList, pl_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GArray *
query_ids (PlRecordList *self)
{
  PlRecordClass *klass = g_type_class_peek (self->type);
  const PlColumn *name = pl_record_class_find_column (klass, "name");
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The table and the column are the list's own, fixed for its life: the
   * statement is kept. */
  g_string_append_printf (sql, "SELECT id FROM %s", self->table);
  if (self->column != NULL)
    g_string_append_printf (sql, " WHERE %s = ?1", self->column);
  if (name != NULL && !(name->flags & PL_COLUMN_DERIVED))
    g_string_append_printf (sql, " ORDER BY name %s, id",
                            pl_db_sql (pl_store_get_db (self->store), PL_DB_SQL_NOCASE));
  else
    g_string_append (sql, " ORDER BY id");

  stmt = pl_db_prepare (pl_store_get_db (self->store), sql->str, &error);
  if (stmt != NULL)
    {
      if (self->column != NULL)
        pl_stmt_bind_int (stmt, 1, self->value);

      while (pl_stmt_next (stmt, &error))
        {
          gint64 id = pl_stmt_get_int (stmt, 0);
          g_array_append_val (ids, id);
        }
    }

  if (error != NULL)
    g_critical ("Cannot list %s: %s", self->table, error->message);

  return ids;
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT64 (a))
    return g_value_get_int64 (a) == g_value_get_int64 (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  return FALSE;
}

/* Copies @fresh into @record and tells bindings about the columns that
 * changed, and only those, so that rows on screen redraw what they must. */
static void
update_record (PlRecord *record,
               PlRecord *fresh,
               gpointer  user_data)
{
  PlRecordList *self = user_data;

  g_object_freeze_notify (G_OBJECT (record));
  for (guint c = 0; c < self->n_columns; c++)
    {
      const GValue *now = pl_record_peek_value (fresh, c);

      if (values_equal (pl_record_peek_value (record, c), now))
        continue;
      pl_record_load_value (record, c, now);
      g_object_notify_by_pspec (G_OBJECT (record), self->pspecs[c]);
    }
  pl_record_load_stamps (record, pl_record_get_created_at (fresh),
                         pl_record_get_updated_at (fresh));
  pl_record_set_revision (record, pl_record_get_revision (fresh));
  g_object_thaw_notify (G_OBJECT (record));
}

/**
 * pl_record_list_id_set_new: (skip)
 */
GHashTable *
pl_record_list_id_set_new (GArray *ids)
{
  GHashTable *set;

  if (ids == NULL)
    return NULL;

  set = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, &g_array_index (ids, gint64, i));
  return set;
}

/* Whether loaded @record is one that a change to the rows @changed (NULL:
 * any row) of a table reaches through our column @column (-1: our own id,
 * for a change of our table). */
static gboolean
is_reached (PlRecord   *record,
            int         column,
            GHashTable *changed)
{
  const GValue *value;
  gint64 id;

  if (changed == NULL)
    return TRUE;

  if (column < 0)
    id = pl_record_get_id (record);
  else if ((value = pl_record_peek_value (record, (guint) column)) != NULL)
    id = g_value_get_int64 (value);
  else
    return FALSE;

  return g_hash_table_contains (changed, &id);
}

/**
 * pl_record_list_refresh: (skip)
 */
void
pl_record_list_refresh (PlStore            *store,
                        GType               type,
                        GArray             *ids,
                        GPtrArray          *items,
                        int                 column,
                        GHashTable         *changed,
                        PlRecordUpdateFunc  update,
                        gpointer            user_data)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < items->len; i++)
    {
      PlRecord *record = g_ptr_array_index (items, i);
      gint64 *id = &g_array_index (ids, gint64, i);

      /* A row that was gone when asked for has no id: nothing to follow. */
      if (record == NULL || pl_record_get_id (record) == 0 || !is_reached (record, column, changed))
        continue;
      g_hash_table_insert (shown, id, record);
      g_array_append_val (wanted, *id);
    }

  for (guint start = 0; start < wanted->len; start += BLOCK_SIZE)
    {
      guint n = MIN (BLOCK_SIZE, wanted->len - start);
      g_autoptr(GPtrArray) fresh = NULL;

      fresh = pl_store_get_many (store, type, &g_array_index (wanted, gint64, start), n);
      for (guint i = 0; i < fresh->len; i++)
        {
          PlRecord *record = g_ptr_array_index (fresh, i);
          gint64 id = pl_record_get_id (record);
          PlRecord *record_shown = g_hash_table_lookup (shown, &id);

          if (record_shown != NULL)
            update (record_shown, record, user_data);
        }
    }
}

/* Brings the records handed out that a change reaches up to date. */
static void
refresh (PlRecordList *self,
         int           column,
         GHashTable   *changed)
{
  pl_record_list_refresh (self->store, self->type, self->ids, self->items, column, changed,
                          update_record, self);
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  /* An empty GArray may have no data at all, which memcmp() must not see. */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

/* After a change to our own table: reads the ids again, keeping the
 * records still in the list (so that a filter or a sorter above does not
 * have to read every row again after one was added), brings the records
 * of rows @changed (NULL: all) up to date, and announces rows added or
 * removed with the smallest ::items-changed that covers them. */
static void
reload (PlRecordList *self,
        GHashTable   *changed)
{
  g_autoptr(GArray) ids = query_ids (self);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) kept = NULL;
  guint old_len = self->ids->len;
  guint prefix = 0;
  guint suffix = 0;

  if (same_ids (ids, self->ids))
    {
      refresh (self, -1, changed);
      return;
    }

  kept = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < self->items->len; i++)
    if (g_ptr_array_index (self->items, i) != NULL)
      g_hash_table_insert (kept, &g_array_index (self->ids, gint64, i),
                           g_steal_pointer (&g_ptr_array_index (self->items, i)));

  items = g_ptr_array_new_full (ids->len, NULL);
  g_ptr_array_set_size (items, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      gpointer record = NULL;

      if (g_hash_table_steal_extended (kept, id, NULL, &record))
        g_ptr_array_index (items, i) = record;
    }

  /* Whatever was not kept is let go. */
  {
    GHashTableIter iter;
    gpointer record;

    g_hash_table_iter_init (&iter, kept);
    while (g_hash_table_iter_next (&iter, NULL, &record))
      g_object_unref (record);
    g_hash_table_remove_all (kept);
  }

  while (prefix < ids->len && prefix < old_len &&
         g_array_index (ids, gint64, prefix) == g_array_index (self->ids, gint64, prefix))
    prefix++;
  while (suffix < ids->len - prefix && suffix < old_len - prefix &&
         g_array_index (ids, gint64, ids->len - 1 - suffix) ==
         g_array_index (self->ids, gint64, old_len - 1 - suffix))
    suffix++;

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_free_func (items, NULL);
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  refresh (self, -1, changed);

  g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                              old_len - prefix - suffix,
                              self->ids->len - prefix - suffix);
}

/**
 * pl_record_list_find:
 *
 * Returns: the position of record @id, without reading any record, or
 *   %G_MAXUINT when it is not in the list
 */
guint
pl_record_list_find (PlRecordList *self,
                     gint64        id)
{
  g_return_val_if_fail (PL_IS_RECORD_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return i;

  return G_MAXUINT;
}

/* The store tells of the rows written (@ids, or NULL for many), so that
 * only what they reach is read again: the ids when rows of our own table
 * may have come or gone (a deletion that cascaded here is told as one of
 * our table), the records of the rows written, and the records whose
 * derived columns read a related row that changed. Other tables change
 * nothing here. */
static void
on_store_changed (PlRecordList *self,
                  const char   *table,
                  GArray       *ids,
                  PlStore      *store)
{
  g_autoptr(GHashTable) changed = pl_record_list_id_set_new (ids);

  if (g_str_equal (table, self->table))
    {
      reload (self, changed);
      return;
    }

  for (guint i = 0; i < self->related->len; i++)
    {
      const Related *related = &g_array_index (self->related, Related, i);

      if (!g_str_equal (related->table, table))
        continue;

      if (related->column < 0)
        {
          /* Any row may read it: all of them, once. */
          refresh (self, -1, NULL);
          return;
        }
      refresh (self, related->column, changed);
    }
}

static void
clear_related (gpointer data)
{
  Related *related = data;

  g_free (related->table);
}

static void
pl_record_list_finalize (GObject *object)
{
  PlRecordList *self = PL_RECORD_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->table, g_free);
  g_clear_pointer (&self->column, g_free);
  g_clear_pointer (&self->related, g_array_unref);
  g_clear_pointer (&self->pspecs, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_record_list_parent_class)->finalize (object);
}

static void
pl_record_list_class_init (PlRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_record_list_finalize;
}

static void
unref_if_loaded (gpointer record)
{
  if (record != NULL)
    g_object_unref (record);
}

static void
pl_record_list_init (PlRecordList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_ptr_array_new_with_free_func (unref_if_loaded);
  self->related = g_array_new (FALSE, FALSE, sizeof (Related));
  g_array_set_clear_func (self->related, clear_related);
}

static void
add_related (PlRecordList *self,
             const char   *table,
             int           column)
{
  Related related;

  for (guint i = 0; i < self->related->len; i++)
    {
      const Related *known = &g_array_index (self->related, Related, i);

      if (g_str_equal (known->table, table) && known->column == column)
        return;
    }

  related.table = g_strdup (table);
  related.column = column;
  g_array_append_val (self->related, related);
}

/* The tables named after FROM or JOIN in the derived columns' SQL. A
 * column that looks a row up by one of our references — "(SELECT name
 * FROM partner WHERE id = t.partner_id)", joins after it allowed — is
 * reached through that reference; any other table it reads (an aggregate
 * of child rows, a joined table) may reach any row. */
static void
find_related_tables (PlRecordList  *self,
                     PlRecordClass *klass)
{
  g_autoptr(GRegex) tables = g_regex_new ("\\b(?:FROM|JOIN)\\s+([a-z_]+)", 0, 0, NULL);
  g_autoptr(GRegex) lookup = g_regex_new ("^\\(SELECT\\s.*?\\sFROM\\s+([a-z_]+)\\b.*"
                                          "\\sWHERE\\s+(?:[a-z]+\\.)?id\\s*=\\s*t\\.([a-z_]+)\\)$",
                                          0, 0, NULL);
  const PlColumn *columns;
  guint n_columns;

  columns = pl_record_class_get_columns (klass, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *looked_up = NULL;
      g_autofree char *reference = NULL;
      int column = -1;

      if (!(columns[i].flags & PL_COLUMN_DERIVED) || columns[i].expr == NULL)
        continue;

      if (g_regex_match (lookup, columns[i].expr, 0, &match))
        {
          looked_up = g_match_info_fetch (match, 1);
          reference = g_match_info_fetch (match, 2);
          for (guint c = 0; c < n_columns; c++)
            if (g_str_equal (columns[c].name, reference) && columns[c].type == PL_COLUMN_REF)
              column = (int) c;
        }
      g_clear_pointer (&match, g_match_info_free);

      g_regex_match (tables, columns[i].expr, 0, &match);
      while (g_match_info_matches (match))
        {
          g_autofree char *table = g_match_info_fetch (match, 1);

          add_related (self, table, g_strcmp0 (table, looked_up) == 0 ? column : -1);
          g_match_info_next (match, NULL);
        }
    }
}

PlRecordList *
pl_record_list_new (PlStore    *store,
                    GType       type,
                    const char *column,
                    gint64      value)
{
  PlRecordList *self;
  PlRecordClass *klass;
  const PlColumn *columns;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  self = g_object_new (PL_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->column = g_strdup (column);
  self->value = value;

  klass = g_type_class_ref (type);
  self->table = g_strdup (pl_record_class_get_table (klass));
  columns = pl_record_class_get_columns (klass, &self->n_columns);
  self->pspecs = g_new0 (GParamSpec *, self->n_columns);
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (columns[i].name), "_", '-');

      self->pspecs[i] = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
    }
  find_related_tables (self, klass);

  g_array_unref (self->ids);
  self->ids = query_ids (self);
  g_ptr_array_set_size (self->items, self->ids->len);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}
