/* pl-store-export.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-export"

#include "config.h"

#include "pl-records.h"
#include "pl-store-export.h"
#include "pl-store-private.h"

/* One query a reading: references as their names and lists gathered by
 * SQL, each list as one text whose items are separated by ASCII unit
 * separators (31) and their parts by record separators (30), which no
 * name holds; they are split only when asked for. */

typedef struct
{
  GType      (*get_type) (void);
  const char  *name;
  guint        n_parts;
  const char  *sql;       /* over alias "t" */
} ListField;

static const ListField list_fields[] = {
  { pl_placement_get_type, "day_list", 1,
    "(SELECT group_concat(day, char(31)) FROM "
    "(SELECT day FROM placement_day WHERE placement_id = t.id ORDER BY day) AS l)" },
  { pl_group_get_type, "member_list", 2,
    "(SELECT group_concat(name || char(30) || role, char(31)) FROM "
    "(SELECT s.name AS name, coalesce(m.role, '') AS role FROM group_member AS m "
    "JOIN staff AS s ON s.id = m.staff_id WHERE m.group_id = t.id ORDER BY m.id) AS l)" },
  { pl_group_get_type, "meeting_list", 1,
    "(SELECT group_concat(meeting_date, char(31)) FROM "
    "(SELECT meeting_date FROM group_meeting WHERE group_id = t.id "
    "ORDER BY meeting_date, id) AS l)" },
  { pl_employer_get_type, "appetite_list", 3,
    "(SELECT group_concat(CAST(academic_year AS TEXT) || char(30) || state || char(30) || reason, "
    "char(31)) FROM (SELECT academic_year, state, coalesce(reason, '') AS reason "
    "FROM employer_appetite WHERE employer_id = t.id ORDER BY academic_year) AS l)" },
  { pl_group_get_type, "outcome_list", 4,
    "(SELECT group_concat(title || char(30) || kind || char(30) || link || char(30) || odate, "
    "char(31)) FROM (SELECT title, kind, coalesce(link, '') AS link, "
    "coalesce(outcome_date, '') AS odate FROM group_outcome WHERE group_id = t.id ORDER BY id) AS l)" },
};

struct _PlStoreRows
{
  PlStmt     *stmt;
  guint       n_fields;
  guint      *n_parts;   /* of each list field; 0 for the others */
  GPtrArray **lists;     /* the current row's lists, split when asked for */
};

static const ListField *
find_list (GType       type,
           const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_fields); i++)
    if (list_fields[i].get_type () == type && g_str_equal (list_fields[i].name, name))
      return &list_fields[i];
  return NULL;
}

/* The SQL of column @name of @klass over alias "t", case-blind for text
 * when @ordering; NULL when it has no such column. */
static char *
column_sql (PlRecordClass *klass,
            const char    *name,
            gboolean       ordering,
            PlDb          *db)
{
  const PlColumn *column;
  gboolean nocase;

  if (g_str_equal (name, "id"))
    return g_strdup ("t.id");

  column = pl_record_class_find_column (klass, name);
  if (column == NULL)
    return NULL;

  nocase = ordering && column->type == PL_COLUMN_TEXT;
  return g_strdup_printf ("%s%s%s%s", column->expr != NULL ? "" : "t.",
                          column->expr != NULL ? column->expr : column->name,
                          nocase ? " " : "", nocase ? pl_db_sql (db, PL_DB_SQL_NOCASE) : "");
}

/**
 * pl_store_rows_new:
 *
 * Returns: (transfer full) (nullable): the reading, before its first row;
 *   NULL with @error when the database cannot be read
 */
PlStoreRows *
pl_store_rows_new (PlStore            *store,
                   GType               type,
                   const char * const *fields,
                   const char * const *order,
                   GError            **error)
{
  g_autoptr(PlStoreRows) self = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GString) sql = NULL;
  PlDb *db;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (fields != NULL && fields[0] != NULL, NULL);

  klass = g_type_class_ref (type);
  db = pl_store_get_db (store);
  self = g_new0 (PlStoreRows, 1);
  self->n_fields = g_strv_length ((GStrv) fields);
  self->n_parts = g_new0 (guint, self->n_fields);
  self->lists = g_new0 (GPtrArray *, self->n_fields);

  sql = g_string_new ("SELECT ");
  for (guint i = 0; i < self->n_fields; i++)
    {
      const ListField *list = find_list (type, fields[i]);
      g_autofree char *column = list ? NULL : column_sql (PL_RECORD_CLASS (klass), fields[i],
                                                          FALSE, db);

      g_return_val_if_fail (list != NULL || column != NULL, NULL);
      if (list != NULL)
        self->n_parts[i] = list->n_parts;
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", list ? list->sql : column);
    }

  g_string_append_printf (sql, " FROM %s AS t",
                          pl_record_class_get_table (PL_RECORD_CLASS (klass)));
  for (guint i = 0; order != NULL && order[i] != NULL; i++)
    {
      g_autofree char *column = column_sql (PL_RECORD_CLASS (klass), order[i], TRUE, db);

      g_return_val_if_fail (column != NULL, NULL);
      g_string_append_printf (sql, "%s%s", i > 0 ? ", " : " ORDER BY ", column);
    }

  self->stmt = pl_db_prepare (db, sql->str, error);
  if (self->stmt == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
pl_store_rows_next (PlStoreRows  *self,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->n_fields; i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);

  if (pl_stmt_next (self->stmt, error))
    return TRUE;
  return pl_store_translate_error (error, NULL);
}

gboolean
pl_store_rows_is_null (PlStoreRows *self,
                       guint        field)
{
  g_return_val_if_fail (self != NULL && field < self->n_fields, TRUE);
  return pl_stmt_is_null (self->stmt, (int) field);
}

const char *
pl_store_rows_get_text (PlStoreRows *self,
                        guint        field)
{
  g_return_val_if_fail (self != NULL && field < self->n_fields, NULL);
  return pl_stmt_get_text (self->stmt, (int) field);
}

gint64
pl_store_rows_get_int (PlStoreRows *self,
                       guint        field)
{
  g_return_val_if_fail (self != NULL && field < self->n_fields, 0);
  return pl_stmt_get_int (self->stmt, (int) field);
}

/**
 * pl_store_rows_get_list:
 * @n_parts: (out) (optional): the parts of an item
 *
 * Returns: (transfer none) (array zero-terminated=1): the items' parts
 */
const char * const *
pl_store_rows_get_list (PlStoreRows *self,
                        guint        field,
                        guint       *n_parts)
{
  GPtrArray *parts;
  g_auto(GStrv) items = NULL;
  guint width;

  g_return_val_if_fail (self != NULL && field < self->n_fields, NULL);
  g_return_val_if_fail (self->n_parts[field] > 0, NULL);

  width = self->n_parts[field];
  if (n_parts != NULL)
    *n_parts = width;
  if (self->lists[field] != NULL)
    return (const char * const *) self->lists[field]->pdata;

  parts = self->lists[field] = g_ptr_array_new_with_free_func (g_free);
  if (!pl_stmt_is_null (self->stmt, (int) field))
    items = g_strsplit (pl_stmt_get_text (self->stmt, (int) field), "\x1f", -1);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_auto(GStrv) item = g_strsplit (items[i], "\x1e", (int) width);
      guint n = g_strv_length (item);

      for (guint p = 0; p < width; p++)
        g_ptr_array_add (parts, g_strdup (p < n ? item[p] : ""));
    }
  g_ptr_array_add (parts, NULL);

  return (const char * const *) parts->pdata;
}

void
pl_store_rows_free (PlStoreRows *self)
{
  if (self == NULL)
    return;

  for (guint i = 0; i < self->n_fields; i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);
  g_clear_pointer (&self->stmt, pl_stmt_free);
  g_free (self->lists);
  g_free (self->n_parts);
  g_free (self);
}
