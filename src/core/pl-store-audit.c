/* pl-store-audit.c: one record's history, from a shared data set's audit
 * trail
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server writes the trail (schema/pg/v1.sql, pl_audit()): one row per
 * changed column of an UPDATE, the whole row as JSON for an INSERT or a
 * DELETE, keyed by the row's id, or by placement_id for a placement's days
 * and terms. Milestones are keyed by their own ids; they are found through
 * the placement's milestones of now, which are also the only ones whose
 * trail a partner's coordinator may read.
 */

#define G_LOG_DOMAIN "pl-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pl-date.h"
#include "pl-db-private.h"
#include "pl-enums.h"
#include "pl-error.h"
#include "pl-records.h"
#include "pl-store-audit.h"
#include "pl-store-private.h"

/* Longer texts (notes, reflections) are cut to this many characters: a
 * history says that they changed, the form shows them whole. */
#define MAX_VALUE_CHARS 60

typedef struct
{
  PlStore    *store;
  GHashTable *names;     /* "table:id" → name, or "" when there is none */
} Describer;

static void
describer_clear (Describer *d)
{
  g_clear_pointer (&d->names, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Describer, describer_clear)

/* What names the row @id of @table for people: its name, or a
 * milestone's or a period's label; NULL when it has none or is gone. */
static const char *
row_name (Describer  *d,
          const char *table,
          gint64      id)
{
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, id);
  const char *name = g_hash_table_lookup (d->names, key);

  if (name == NULL)
    {
      GType type = pl_record_type_for_table (table);
      g_autoptr(PlRecord) record = NULL;
      char *found = NULL;

      if (type != G_TYPE_INVALID)
        record = pl_store_get (d->store, type, id, NULL);
      if (record != NULL)
        {
          PlRecordClass *klass = PL_RECORD_GET_CLASS (record);

          if (pl_record_class_find_column (klass, "name") != NULL)
            found = g_strdup (pl_record_get_string (record, "name"));
          else if (pl_record_class_find_column (klass, "label") != NULL)
            found = g_strdup (pl_record_get_string (record, "label"));
        }
      name = found != NULL ? found : g_strdup ("");
      g_hash_table_insert (d->names, g_steal_pointer (&key), (char *) name);
    }
  return name[0] != '\0' ? name : NULL;
}

static char *
weekdays_text (gint64 mask)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GDate day;

  /* 4 January 2027 is a Monday. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 4, G_DATE_JANUARY, 2027);
  for (guint i = 0; i < 7; i++, g_date_add_days (&day, 1))
    if ((mask & (1 << i)) != 0)
      {
        char name[32];

        /* TRANSLATORS: a short weekday name, as for g_date_strftime. */
        g_date_strftime (name, sizeof name, _("%a"), &day);
        g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "", name);
      }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
aims_text (gint64 mask)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < PL_N_AIMS; i++)
    if ((mask & (1 << i)) != 0)
      g_string_append_printf (text, "%s%s", text->len > 0 ? ", " : "",
                              pl_enum_label (pl_aim_keys[i]));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Free text on one line, cut to MAX_VALUE_CHARS. */
static char *
short_text (const char *value)
{
  g_auto(GStrv) words = g_strsplit_set (value, " \t\r\n", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", words[i]);

  if (g_utf8_strlen (text->str, -1) > MAX_VALUE_CHARS)
    {
      g_autofree char *start = g_utf8_substring (text->str, 0, MAX_VALUE_CHARS - 1);

      return g_strconcat (start, "…", NULL);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* @value of @column as the app shows it; "(empty)" for none. */
static char *
value_text (Describer      *d,
            const PlColumn *column,
            const char     *value)
{
  gint64 number;

  if (value == NULL || value[0] == '\0')
    /* TRANSLATORS: a value in a record's history that was, or became, empty */
    return g_strdup (_("(empty)"));

  number = g_ascii_strtoll (value, NULL, 10);
  switch (column->type)
    {
    case PL_COLUMN_DATE:
      return pl_date_describe (value, TRUE);

    case PL_COLUMN_ENUM:
      return g_strdup (column->enum_type != NULL
                       ? pl_enum_get_nick_label (column->enum_type (), value)
                       : value);

    case PL_COLUMN_BOOL:
      return g_strdup (number != 0 || g_str_equal (value, "true") ? _("Yes") : _("No"));

    case PL_COLUMN_REF:
      {
        const char *name = row_name (d, column->ref_table, number);

        if (number == 0)
          return g_strdup (_("(empty)"));
        return name != NULL ? g_strdup (name) : g_strdup_printf ("#%s", value);
      }

    case PL_COLUMN_WEEKDAYS:
      return number == 0 ? g_strdup (_("(empty)")) : weekdays_text (number);

    case PL_COLUMN_INT:
      if (g_str_equal (column->name, "aims"))
        return number == 0 ? g_strdup (_("(empty)")) : aims_text (number);
      return g_strdup (value);

    case PL_COLUMN_TEXT:
    default:
      return short_text (value);
    }
}

/* "Label: old → new" for a changed column of @type; NULL for a column no
 * form shows. */
static char *
field_change_text (Describer          *d,
                   GType               type,
                   const PlAuditEntry *entry)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const PlColumn *column = pl_record_class_find_column (PL_RECORD_CLASS (klass), entry->field);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (column == NULL || column->label == NULL || (column->flags & PL_COLUMN_DERIVED) != 0)
    return NULL;

  old_text = value_text (d, column, entry->old_value);
  new_text = value_text (d, column, entry->new_value);
  /* TRANSLATORS: a change in a record's history: the field's label, its
   * old and its new value */
  return g_strdup_printf (_("%s: %s → %s"), _(column->label), old_text, new_text);
}

/* The whole row of an insert or delete, as the trigger wrote it. */
static JsonObject *
row_of (const PlAuditEntry *entry,
        JsonNode          **node)
{
  const char *json = entry->new_value != NULL ? entry->new_value : entry->old_value;

  *node = json != NULL ? json_from_string (json, NULL) : NULL;
  if (*node == NULL || !JSON_NODE_HOLDS_OBJECT (*node))
    return NULL;
  return json_node_get_object (*node);
}

/* A member of a row as text, whatever JSON made of it; NULL for null. */
static char *
member_text (JsonObject *row,
             const char *name)
{
  JsonNode *node = row != NULL ? json_object_get_member (row, name) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "1" : "0");
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return g_strdup_printf ("%g", json_node_get_double (node));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
}

static gboolean
is_insert (const PlAuditEntry *entry)
{
  return g_strcmp0 (entry->action, "insert") == 0;
}

static gboolean
is_delete (const PlAuditEntry *entry)
{
  return g_strcmp0 (entry->action, "delete") == 0;
}

static char *
day_text (const PlAuditEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *row = row_of (entry, &node);
  g_autofree char *day = member_text (row, "day");
  g_autofree char *words = day != NULL ? pl_date_describe (day, TRUE) : NULL;

  if (words == NULL)
    return NULL;
  if (is_insert (entry))
    return g_strdup_printf (_("Day added: %s"), words);
  if (is_delete (entry))
    return g_strdup_printf (_("Day removed: %s"), words);
  return NULL;
}

static char *
term_text (Describer          *d,
           const PlAuditEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *row = row_of (entry, &node);
  g_autofree char *period = member_text (row, "period_id");
  const char *name;
  g_autofree char *fallback = NULL;

  if (period == NULL)
    return NULL;
  name = row_name (d, "calendar_period", g_ascii_strtoll (period, NULL, 10));
  if (name == NULL)
    name = fallback = g_strdup_printf ("#%s", period);

  if (is_insert (entry))
    return g_strdup_printf (_("Term added: %s"), name);
  if (is_delete (entry))
    return g_strdup_printf (_("Term removed: %s"), name);
  return NULL;
}

static char *
milestone_text (Describer          *d,
                const PlAuditEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *label = NULL;
  g_autofree char *due = NULL;

  if (is_insert (entry) || is_delete (entry))
    {
      JsonObject *row = row_of (entry, &node);
      g_autofree char *due_iso = member_text (row, "due");

      label = member_text (row, "label");
      if (label == NULL)
        return NULL;
      if (is_delete (entry))
        return g_strdup_printf (_("Milestone removed: %s"), label);
      due = due_iso != NULL ? pl_date_describe (due_iso, TRUE) : g_strdup (_("(empty)"));
      /* TRANSLATORS: a milestone's label and the day it is due */
      return g_strdup_printf (_("Milestone added: %s, due %s"), label, due);
    }
  else
    {
      g_autofree char *change = field_change_text (d, PL_TYPE_MILESTONE, entry);
      const char *name = row_name (d, "milestone", entry->row_id);

      if (change == NULL)
        return NULL;
      if (name == NULL)
        return g_strdup_printf (_("Milestone: %s"), change);
      /* TRANSLATORS: a milestone's label, and what changed in it */
      return g_strdup_printf (_("Milestone “%s”: %s"), name, change);
    }
}

static char *
describe (Describer          *d,
          GType               type,
          const char         *table,
          const PlAuditEntry *entry)
{
  if (g_strcmp0 (entry->table, table) == 0)
    {
      if (is_insert (entry))
        /* TRANSLATORS: in a record's history */
        return g_strdup (_("Created"));
      if (is_delete (entry))
        /* TRANSLATORS: in a record's history */
        return g_strdup (_("Deleted"));
      return entry->field != NULL ? field_change_text (d, type, entry) : NULL;
    }
  if (g_strcmp0 (entry->table, "placement_day") == 0)
    return day_text (entry);
  if (g_strcmp0 (entry->table, "placement_term") == 0)
    return term_text (d, entry);
  if (g_strcmp0 (entry->table, "milestone") == 0)
    return milestone_text (d, entry);
  return NULL;
}

/* The store writes a placement's days by taking them all away and putting
 * back the new ones: a day that a save removed and then added again did
 * not change. Times are to the second, so two saves in one second share
 * theirs: only a removal followed by the same day's addition cancels out
 * (both set to NULL), as one save writes them. */
static char *
day_key (const PlAuditEntry *entry)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *row = row_of (entry, &node);
  g_autofree char *day = member_text (row, "day");

  return g_strdup_printf ("%s\n%s\n%s", entry->at, entry->role, day != NULL ? day : "");
}

static void
drop_days_put_back (GPtrArray *entries)
{
  /* day key → the position of its removal, not yet put back */
  g_autoptr(GHashTable) removed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      const PlAuditEntry *entry = entries->pdata[i];
      g_autofree char *key = NULL;
      gpointer position;

      if (g_strcmp0 (entry->table, "placement_day") != 0)
        continue;
      key = day_key (entry);
      if (is_delete (entry))
        g_hash_table_insert (removed, g_steal_pointer (&key), GUINT_TO_POINTER (i + 1));
      else if (is_insert (entry) && g_hash_table_lookup_extended (removed, key, NULL, &position))
        {
          g_clear_pointer (&entries->pdata[GPOINTER_TO_UINT (position) - 1], pl_audit_entry_free);
          g_clear_pointer (&entries->pdata[i], pl_audit_entry_free);
          g_hash_table_remove (removed, key);
        }
    }
}

/* Closes up the gaps (NULL) left in @entries, in one pass. */
static void
compact (GPtrArray *entries)
{
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    if (entries->pdata[i] != NULL)
      {
        entries->pdata[n] = entries->pdata[i];
        if (n++ != i)
          entries->pdata[i] = NULL;
      }
  /* What is cut off is NULL, which the free function ignores. */
  g_ptr_array_set_size (entries, n);
}

GPtrArray *
pl_store_list_record_audit (PlStore  *store,
                            GType     type,
                            gint64    id,
                            GError  **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_audit_entry_free);
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_auto(Describer) d = { store, NULL };
  const char *table;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  if (!pl_store_is_shared (store))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is a file of one coordinator: the history of changes is kept by a "
                     "shared (postgresql://) database."), pl_store_get_path (store));
      return NULL;
    }

  klass = g_type_class_ref (type);
  table = pl_record_class_get_table (PL_RECORD_CLASS (klass));

  /* Three lookups by index rather than one OR that reads the whole trail. */
  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT id, at, role, tbl, row_id, op, field, old_value, new_value"
                        "  FROM audit WHERE tbl = ?1 AND row_id = ?2"
                        " UNION ALL"
                        " SELECT id, at, role, tbl, row_id, op, field, old_value, new_value"
                        "  FROM audit WHERE ?3 = 1 AND tbl IN ('placement_day', 'placement_term')"
                        "   AND row_id = ?2"
                        " UNION ALL"
                        " SELECT a.id, a.at, a.role, a.tbl, a.row_id, a.op, a.field, a.old_value,"
                        "        a.new_value"
                        "  FROM milestone m JOIN audit a ON a.tbl = 'milestone' AND a.row_id = m.id"
                        "  WHERE ?3 = 1 AND m.placement_id = ?2"
                        " ORDER BY 1",
                        &failure);
  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, table);
      pl_stmt_bind_int (stmt, 2, id);
      pl_stmt_bind_int (stmt, 3, type == PL_TYPE_PLACEMENT);
      while (pl_stmt_next (stmt, &failure))
        {
          g_ptr_array_add (entries, pl_audit_entry_from_row (stmt));
        }
    }
  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the history: %s"),
                   failure->message);
      return NULL;
    }

  drop_days_put_back (entries);

  d.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      PlAuditEntry *entry = entries->pdata[i];

      if (entry == NULL)
        continue;
      entry->text = describe (&d, type, table, entry);
      if (entry->text == NULL)
        g_clear_pointer (&entries->pdata[i], pl_audit_entry_free);
    }
  compact (entries);

  return g_steal_pointer (&entries);
}
