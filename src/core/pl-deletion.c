/* pl-deletion.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-deletion"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-deletion.h"
#include "pl-store-legacy-private.h"

/* Deleting a record takes others with it: an employer's contacts and
 * evidence go too (ON DELETE CASCADE), and a staff member's name disappears
 * from the contacts they made (ON DELETE SET NULL). So that a deletion can
 * be undone, everything the foreign keys will remove or clear is copied
 * first, in the same transaction as the deletion, and put back as it was —
 * same ids, same time stamps — by pl_deletion_undo(). The copy follows the
 * schema's own foreign keys, so a table added later is covered without a
 * change here. */

/* Cascades do not nest deeper than this in the schema; the limit only
 * guards against a cycle. */
#define MAX_DEPTH 8

typedef struct
{
  char      *table;
  GPtrArray *columns; /* char * */
  GPtrArray *values;  /* sqlite3_value *, duplicated */
} SavedRow;

typedef struct
{
  char   *table;
  char   *column;
  gint64  row_id;
  gint64  value;
} ClearedReference;

struct _PlDeletion
{
  GObject    parent_instance;

  PlStore   *store;
  GType      type;
  gint64     id;
  GPtrArray *rows;        /* SavedRow, parents before children */
  GArray    *references;  /* ClearedReference */
  gboolean   undone;
};

G_DEFINE_FINAL_TYPE (PlDeletion, pl_deletion, G_TYPE_OBJECT)

static void
saved_row_free (gpointer data)
{
  SavedRow *row = data;

  g_free (row->table);
  g_ptr_array_unref (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
cleared_reference_clear (gpointer data)
{
  ClearedReference *reference = data;

  g_free (reference->table);
  g_free (reference->column);
}

static void
pl_deletion_finalize (GObject *object)
{
  PlDeletion *self = PL_DELETION (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->references, g_array_unref);

  G_OBJECT_CLASS (pl_deletion_parent_class)->finalize (object);
}

static void
pl_deletion_class_init (PlDeletionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pl_deletion_finalize;
}

static void
pl_deletion_init (PlDeletion *self)
{
  self->rows = g_ptr_array_new_with_free_func (saved_row_free);
  self->references = g_array_new (FALSE, TRUE, sizeof (ClearedReference));
  g_array_set_clear_func (self->references, cleared_reference_clear);
}

static gboolean
sql_error (sqlite3  *db,
           GError  **error)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Cannot keep a copy for undoing the deletion: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean save_children (PlDeletion  *self,
                               const char  *table,
                               gint64       id,
                               guint        depth,
                               GError     **error);

/* Copies the rows of @table whose @column is @value, then what depends on
 * each of them. */
static gboolean
save_rows (PlDeletion  *self,
           const char  *table,
           const char  *column,
           gint64       value,
           guint        depth,
           GError     **error)
{
  sqlite3 *db = pl_store_get_sqlite (self->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (depth > MAX_DEPTH)
    return TRUE;

  sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE \"%s\" = ?1", table, column);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return sql_error (db, error);
  sqlite3_bind_int64 (stmt, 1, value);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SavedRow *row = g_new0 (SavedRow, 1);
      int n = sqlite3_column_count (stmt);

      row->table = g_strdup (table);
      row->columns = g_ptr_array_new_with_free_func (g_free);
      row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);

      for (int i = 0; i < n; i++)
        {
          const char *name = sqlite3_column_name (stmt, i);

          g_ptr_array_add (row->columns, g_strdup (name));
          g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, i)));

          if (g_str_equal (name, "id"))
            {
              gint64 id = sqlite3_column_int64 (stmt, i);

              g_array_append_val (ids, id);
            }
        }

      g_ptr_array_add (self->rows, row);
    }

  if (rc != SQLITE_DONE)
    return sql_error (db, error);

  for (guint i = 0; i < ids->len; i++)
    if (!save_children (self, table, g_array_index (ids, gint64, i), depth + 1, error))
      return FALSE;

  return TRUE;
}

/* Follows the foreign keys that point at row @id of @table. */
static gboolean
save_children (PlDeletion  *self,
               const char  *table,
               gint64       id,
               guint        depth,
               GError     **error)
{
  sqlite3 *db = pl_store_get_sqlite (self->store);
  g_autoptr(sqlite3_stmt) fks = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db,
                          "SELECT m.name, f.\"from\", f.on_delete FROM sqlite_schema AS m, "
                          "pragma_foreign_key_list(m.name) AS f "
                          "WHERE m.type = 'table' AND f.\"table\" = ?1 "
                          "AND f.on_delete IN ('CASCADE', 'SET NULL') ORDER BY m.name",
                          -1, &fks, NULL) != SQLITE_OK)
    return sql_error (db, error);
  sqlite3_bind_text (fks, 1, table, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (fks)) == SQLITE_ROW)
    {
      const char *child = (const char *) sqlite3_column_text (fks, 0);
      const char *column = (const char *) sqlite3_column_text (fks, 1);
      const char *on_delete = (const char *) sqlite3_column_text (fks, 2);

      if (g_str_equal (on_delete, "CASCADE"))
        {
          if (!save_rows (self, child, column, id, depth, error))
            return FALSE;
        }
      else
        {
          g_autoptr(sqlite3_stmt) stmt = NULL;
          g_autofree char *sql = g_strdup_printf ("SELECT id FROM \"%s\" WHERE \"%s\" = ?1",
                                                  child, column);

          if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
            return sql_error (db, error);
          sqlite3_bind_int64 (stmt, 1, id);

          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              ClearedReference reference = {
                g_strdup (child), g_strdup (column), sqlite3_column_int64 (stmt, 0), id
              };

              g_array_append_val (self->references, reference);
            }
          if (rc != SQLITE_DONE)
            return sql_error (db, error);
        }
    }

  if (rc != SQLITE_DONE)
    return sql_error (db, error);

  return TRUE;
}

/**
 * pl_deletion_run:
 * @type: a #PlRecord type
 * @id: the record to delete
 *
 * Deletes a record, with what its foreign keys take along, as one
 * transaction, keeping what is needed to undo it. Fails like
 * pl_store_delete(): with %PL_ERROR_IN_USE, and a message naming them, when
 * other records depend on it; nothing is changed then.
 *
 * Returns: (transfer full): the deletion, for pl_deletion_undo(), or %NULL
 *   with @error set
 */
PlDeletion *
pl_deletion_run (PlStore  *store,
                 GType     type,
                 gint64    id,
                 GError  **error)
{
  g_autoptr(PlDeletion) self = NULL;
  PlRecordClass *klass;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (id > 0, NULL);

  self = g_object_new (PL_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  self->type = type;
  self->id = id;

  klass = g_type_class_ref (type);
  g_type_class_unref (klass);

  if (!pl_store_begin (store, error))
    return NULL;

  if (!save_rows (self, pl_record_class_get_table (klass), "id", id, 0, error) ||
      !pl_store_delete (store, type, id, error))
    {
      pl_store_rollback (store);
      return NULL;
    }

  /* The cascades changed other tables behind the store's back. */
  for (guint i = 0; i < self->rows->len; i++)
    pl_store_emit_changed (store, ((SavedRow *) g_ptr_array_index (self->rows, i))->table);
  for (guint i = 0; i < self->references->len; i++)
    pl_store_emit_changed (store, g_array_index (self->references, ClearedReference, i).table);

  if (!pl_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
restore_row (PlDeletion  *self,
             SavedRow    *row,
             GError     **error)
{
  sqlite3 *db = pl_store_get_sqlite (self->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", row->table);
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "",
                            (const char *) g_ptr_array_index (row->columns, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->columns->len; i++)
    g_string_append (sql, i ? ", ?" : "?");
  g_string_append (sql, ")");

  if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    goto failed;

  for (guint i = 0; i < row->values->len; i++)
    sqlite3_bind_value (stmt, (int) i + 1, g_ptr_array_index (row->values, i));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  pl_store_emit_changed (self->store, row->table);
  return TRUE;

failed:
  if (sqlite3_extended_errcode (db) == SQLITE_CONSTRAINT_UNIQUE)
    g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                 _("Cannot undo the deletion: another record now has the same name."));
  else
    g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                 _("Cannot undo the deletion: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
restore_reference (PlDeletion        *self,
                   ClearedReference  *reference,
                   GError           **error)
{
  sqlite3 *db = pl_store_get_sqlite (self->store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;

  /* Only where nobody has set another value since. */
  sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = ?1 WHERE id = ?2 AND \"%s\" IS NULL",
                         reference->table, reference->column, reference->column);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, reference->value);
  sqlite3_bind_int64 (stmt, 2, reference->row_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  pl_store_emit_changed (self->store, reference->table);
  return TRUE;

failed:
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Cannot undo the deletion: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/**
 * pl_deletion_undo:
 *
 * Puts back the record and everything its deletion removed or cleared, as
 * one transaction. Fails, changing nothing, when that is no longer possible
 * (another record took the name, or a row it referred to has gone since).
 */
gboolean
pl_deletion_undo (PlDeletion  *self,
                  GError     **error)
{
  g_return_val_if_fail (PL_IS_DELETION (self), FALSE);

  if (self->undone)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("The deletion has already been undone."));
      return FALSE;
    }

  if (!pl_store_begin (self->store, error))
    return FALSE;

  for (guint i = 0; i < self->rows->len; i++)
    if (!restore_row (self, g_ptr_array_index (self->rows, i), error))
      goto failed;

  for (guint i = 0; i < self->references->len; i++)
    if (!restore_reference (self, &g_array_index (self->references, ClearedReference, i), error))
      goto failed;

  if (!pl_store_commit (self->store, error))
    return FALSE;

  self->undone = TRUE;
  return TRUE;

failed:
  pl_store_rollback (self->store);
  return FALSE;
}

GType
pl_deletion_get_record_type (PlDeletion *self)
{
  g_return_val_if_fail (PL_IS_DELETION (self), G_TYPE_INVALID);
  return self->type;
}

gint64
pl_deletion_get_id (PlDeletion *self)
{
  g_return_val_if_fail (PL_IS_DELETION (self), 0);
  return self->id;
}

/**
 * pl_deletion_get_n_rows:
 *
 * Returns: how many rows the deletion removed, the record itself included
 */
guint
pl_deletion_get_n_rows (PlDeletion *self)
{
  g_return_val_if_fail (PL_IS_DELETION (self), 0);
  return self->rows->len;
}
