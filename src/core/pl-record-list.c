/* pl-record-list.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record-list"

#include "config.h"

#include <string.h>

#include "pl-record-list.h"

struct _PlRecordList
{
  GObject    parent_instance;

  PlStore   *store;
  GType      type;
  char      *column;
  gint64     value;

  GArray    *ids;    /* gint64, in list order */
  GPtrArray *items;  /* PlRecord or NULL until first asked for */
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

static gpointer
pl_record_list_get_item (GListModel *model,
                         guint       position)
{
  PlRecordList *self = PL_RECORD_LIST (model);

  if (position >= self->ids->len)
    return NULL;

  if (g_ptr_array_index (self->items, position) == NULL)
    {
      gint64 id = g_array_index (self->ids, gint64, position);
      g_autoptr(GError) error = NULL;
      PlRecord *record = pl_store_get (self->store, self->type, id, &error);

      /* A row removed behind our back: hand out an empty record rather
       * than NULL, which list widgets do not expect; the reload that
       * follows the change will drop it. */
      if (record == NULL)
        record = pl_record_new (self->type);
      g_ptr_array_index (self->items, position) = record;
    }

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
  const char *table = pl_record_class_get_table (klass);
  const PlColumn *name = pl_record_class_find_column (klass, "name");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_string_append_printf (sql, "SELECT id FROM %s", table);
  if (self->column != NULL)
    g_string_append_printf (sql, " WHERE %s = ?1", self->column);
  if (name != NULL && !(name->flags & PL_COLUMN_DERIVED))
    g_string_append (sql, " ORDER BY name COLLATE NOCASE, id");
  else
    g_string_append (sql, " ORDER BY id");

  if (sqlite3_prepare_v2 (pl_store_get_db (self->store), sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Cannot list %s: %s", table, sqlite3_errmsg (pl_store_get_db (self->store)));
      return ids;
    }

  if (self->column != NULL)
    sqlite3_bind_int64 (stmt, 1, self->value);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
same_ids (GArray *a,
          GArray *b)
{
  /* An empty GArray may have no data at all, which memcmp may not see. */
  return a->len == b->len &&
         (a->len == 0 || memcmp (a->data, b->data, a->len * sizeof (gint64)) == 0);
}

/**
 * pl_record_list_reload:
 *
 * Reads the table again. When the same rows are there in the same order,
 * the records already handed out are refreshed in place (so bindings follow
 * an edit); otherwise the whole list is replaced.
 */
void
pl_record_list_reload (PlRecordList *self)
{
  g_autoptr(GArray) ids = query_ids (self);
  guint old_len = self->ids->len;

  if (same_ids (ids, self->ids))
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          PlRecord *record = g_ptr_array_index (self->items, i);
          g_autoptr(PlRecord) fresh = NULL;

          if (record == NULL)
            continue;

          fresh = pl_store_get (self->store, self->type, pl_record_get_id (record), NULL);
          if (fresh == NULL)
            continue;

          g_object_freeze_notify (G_OBJECT (record));
          for (guint c = 0; c < PL_RECORD_GET_CLASS (record)->n_columns; c++)
            pl_record_load_value (record, c, pl_record_peek_value (fresh, c));
          pl_record_load_stamps (record, pl_record_get_created_at (fresh),
                                 pl_record_get_updated_at (fresh));
          /* Every property may have changed; tell bindings to look again. */
          for (guint c = 0; c < PL_RECORD_GET_CLASS (record)->n_columns; c++)
            {
              g_autofree char *name =
                g_strdelimit (g_strdup (PL_RECORD_GET_CLASS (record)->columns[c].name), "_", '-');
              g_object_notify (G_OBJECT (record), name);
            }
          g_object_thaw_notify (G_OBJECT (record));
        }
      return;
    }

  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_ptr_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->items, self->ids->len);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
}

static void
on_store_changed (PlRecordList *self,
                  const char   *table,
                  PlStore      *store)
{
  /* Derived columns read other tables (a staff member's partner name), so
   * any change may show here; a reload of ids is cheap. */
  pl_record_list_reload (self);
}

static void
pl_record_list_finalize (GObject *object)
{
  PlRecordList *self = PL_RECORD_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->column, g_free);
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
}

PlRecordList *
pl_record_list_new (PlStore    *store,
                    GType       type,
                    const char *column,
                    gint64      value)
{
  PlRecordList *self;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  self = g_object_new (PL_TYPE_RECORD_LIST, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->column = g_strdup (column);
  self->value = value;

  g_type_class_ref (type);
  g_array_unref (self->ids);
  self->ids = query_ids (self);
  g_ptr_array_set_size (self->items, self->ids->len);

  g_signal_connect_object (store, "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);

  return self;
}
