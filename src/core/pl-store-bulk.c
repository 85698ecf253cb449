/* pl-store-bulk.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-bulk"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-lifecycle-private.h"
#include "pl-store-bulk.h"
#include "pl-store-private.h"

/* One prepared INSERT a kind, bound again for each record, inside one
 * transaction. The records' ids are given, counting on from the highest id
 * before the import (no other writer runs inside the transaction): asking
 * for each id back (RETURNING) costs SQLite a temporary table a row.
 *
 * Two things made a large import slow that have nothing to do with its
 * rows, and @many deals with both.
 *
 * SQLite's page cache (2 MB by default): a transaction larger than that
 * spills to the WAL and writes the same index pages again and again. For
 * the import the cache may grow to hold the whole of a large file's
 * changes; it is set back afterwards.
 *
 * FTS5 (the search index, pl-search.c) writes out its pending terms at each
 * statement that may roll back, so the index's AFTER INSERT trigger, run by
 * one INSERT a row, made a 50,000-row import four times slower than
 * indexing the same rows in one statement. The trigger is dropped inside
 * the transaction, its one INSERT runs once over the new rows at the
 * commit, and the trigger is created again from its own SQL; a rollback
 * undoes all of it. A trigger of any other shape is left alone, and is
 * simply slower. */

/* A third cost is the secondary indexes (not the unique ones, which are
 * rules of the data checked row by row): each row inserted into a B-tree
 * of its own, in the order of its key, not of the rows. An import of many
 * rows into a table holding fewer (pl_store_bulk_expect()) drops them
 * inside the transaction and creates each again at the commit, one sort
 * instead of a search a row; a rollback puts them back as they were. A
 * table already larger than the import keeps them: building an index
 * over its old rows again would cost more than it saves. */

/* The fewest records expected for the indexes to be set aside. */
#define BULK_DEFER_ROWS 10000

/* In KiB, as PRAGMA cache_size counts when negative. */
#define BULK_CACHE_KIB (128 * 1024)

/* The rules of the data that span columns, said at the column a person
 * would change; the sentences follow "FILE:LINE:COLUMN: column “x”: ". */
typedef struct
{
  const char *constraint;
  const char *columns[3];
  const char *message;
} CheckRule;

static const CheckRule check_rules[] = {
  { "partner_withdrawal", { "withdrawn_on", "status", NULL },
    N_("a withdrawn partner needs the date it withdrew (column “withdrawn_on”).") },
  { "placement_cancel_reason", { "cancel_reason", "status", NULL },
    N_("a cancelled placement needs a reason (column “cancel_reason”).") },
  { "placement_window_end", { "window_end", NULL },
    N_("the window cannot end before it starts.") },
};

struct _PlStoreBulk
{
  PlStore            *store;
  PlDb               *db;
  PlStmt             *insert;
  gboolean           *has_default;
  guint               n_columns;
  gboolean            open;        /* the transaction is still ours to end */
  PlMilestoneRules   *rules;       /* read with the first days */
  GDate               today;       /* the day the milestones a walk would tick are done */
  int                 status_column; /* a placement's "status", or -1 */
  PlPlacementStatus   status;      /* of the record being written */
  PlStmt             *lists[5];    /* the lists' INSERTs (List), each prepared once */
  const char * const *fault;       /* of the last refusal */

  const char         *table;
  gint64              last_id;     /* the table's highest id before the import */
  gint64              next_id;

  gint64              cache_size;  /* to set back; 0 when unchanged */
  char               *create_sql;  /* the search trigger set aside, or NULL */
  char               *index_sql;   /* its INSERT, as INSERT … SELECT over rows after ?1 */
  GPtrArray          *indexes;     /* the CREATE INDEX of those set aside, or NULL */
};

/* The tables an import of @table writes besides it: its lists, and a
 * placement's milestones. */
static const struct
{
  const char *table;
  const char *lists[4];
} list_tables[] = {
  { "placement", { "placement_day", "milestone", NULL } },
  { "employer", { "employer_appetite", NULL } },
  { "exchange_group", { "group_member", "group_meeting", "group_outcome", NULL } },
};

/* The lists that follow a record, each by one INSERT prepared at its first
 * use. */
typedef enum
{
  LIST_DAY,
  LIST_MEMBER,
  LIST_APPETITE,
  LIST_MEETING,
  LIST_OUTCOME,
} List;

static const char * const list_sql[] = {
  [LIST_DAY] = "INSERT INTO placement_day (placement_id, day) VALUES (?1, ?2)",
  [LIST_MEMBER] = "INSERT INTO group_member (group_id, staff_id, role) VALUES (?1, ?2, ?3)",
  [LIST_APPETITE] = "INSERT INTO employer_appetite (employer_id, academic_year, state, reason) "
                    "VALUES (?1, ?2, ?3, ?4)",
  [LIST_MEETING] = "INSERT INTO group_meeting (group_id, meeting_date) VALUES (?1, ?2)",
  [LIST_OUTCOME] = "INSERT INTO group_outcome (group_id, title, kind, link, outcome_date) "
                   "VALUES (?1, ?2, ?3, ?4, ?5)",
};

G_STATIC_ASSERT (G_N_ELEMENTS (list_sql) == G_N_ELEMENTS (((PlStoreBulk *) NULL)->lists));

static void
set_cache_size (PlDb   *db,
                gint64  size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, size);

  pl_db_exec (db, sql, NULL);
}

/* "INSERT INTO search (…) VALUES (…);" → "INSERT INTO search (…) SELECT …
 * FROM @table AS NEW WHERE NEW.id > ?1"; NULL for any other body. */
static char *
index_sql_of (const char *create_sql,
              const char *table)
{
  const char *begin = strstr (create_sql, "\nBEGIN\n");
  const char *end;
  const char *values;
  g_autofree char *body = NULL;
  gsize len;

  if (begin == NULL || !g_str_has_suffix (create_sql, "\nEND"))
    return NULL;
  begin += strlen ("\nBEGIN\n");
  end = create_sql + strlen (create_sql) - strlen ("\nEND");
  if (end < begin)
    return NULL;
  body = g_strstrip (g_strndup (begin, (gsize) (end - begin)));
  len = strlen (body);

  if (!g_str_has_prefix (body, "INSERT INTO search (") || len < 2 ||
      strchr (body, ';') != body + len - 1 || body[len - 2] != ')')
    return NULL;
  values = strstr (body, ") VALUES (");
  if (values == NULL)
    return NULL;

  body[len - 2] = '\0';
  return g_strdup_printf ("%.*s) SELECT %s FROM %s AS NEW WHERE NEW.id > ?1 ORDER BY NEW.id",
                          (int) (values - body), body, values + strlen (") VALUES ("), table);
}

static void
set_aside_search_trigger (PlStoreBulk *self,
                          const char  *table)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *create_sql = NULL;
  g_autofree char *index_sql = NULL;
  g_autofree char *drop = NULL;
  gboolean more;

  stmt = pl_db_prepare (self->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                        "AND tbl_name = ?1 AND sql LIKE '%AFTER INSERT ON%'", NULL);
  if (stmt == NULL)
    return;
  pl_stmt_bind_text (stmt, 1, table);
  if (!pl_stmt_next (stmt, NULL))
    return;
  name = pl_stmt_dup_text (stmt, 0);
  create_sql = pl_stmt_dup_text (stmt, 1);
  more = pl_stmt_next (stmt, NULL);
  g_clear_pointer (&stmt, pl_stmt_free);

  /* Exactly one such trigger, of the expected shape. */
  if (name == NULL || create_sql == NULL || more)
    return;
  index_sql = index_sql_of (create_sql, table);
  if (index_sql == NULL)
    return;

  drop = g_strdup_printf ("DROP TRIGGER \"%s\"", name);
  if (!pl_db_exec (self->db, drop, NULL))
    return;

  self->create_sql = g_steal_pointer (&create_sql);
  self->index_sql = g_steal_pointer (&index_sql);
}

/* Drops the secondary indexes of @table, keeping their SQL to create them
 * again, when it holds fewer rows than @n_records. */
static void
set_aside_indexes (PlStoreBulk *self,
                   const char  *table,
                   gint64       n_records)
{
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);

  if (pl_db_query_int (self->db, count_sql, G_MAXINT64) >= n_records)
    return;

  stmt = pl_db_prepare (self->db, "SELECT name, sql FROM sqlite_schema WHERE type = 'index' "
                        "AND tbl_name = ?1 AND sql IS NOT NULL "
                        "AND sql NOT LIKE 'CREATE UNIQUE %' ORDER BY name", NULL);
  if (stmt == NULL)
    return;
  pl_stmt_bind_text (stmt, 1, table);
  while (pl_stmt_next (stmt, NULL))
    {
      g_ptr_array_add (names, pl_stmt_dup_text (stmt, 0));
      g_ptr_array_add (sqls, pl_stmt_dup_text (stmt, 1));
    }
  g_clear_pointer (&stmt, pl_stmt_free);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP INDEX \"%s\"", (char *) names->pdata[i]);

      if (names->pdata[i] == NULL || sqls->pdata[i] == NULL || !pl_db_exec (self->db, drop, NULL))
        continue;
      if (self->indexes == NULL)
        self->indexes = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->indexes, g_steal_pointer (&sqls->pdata[i]));
    }
}

/**
 * pl_store_bulk_expect:
 * @n_records: about how many records will follow
 *
 * Before the first record: with many records into tables that hold fewer
 * (SQLite only), their secondary indexes are built once at the commit.
 */
void
pl_store_bulk_expect (PlStoreBulk *self,
                      gint64       n_records)
{
  g_return_if_fail (self != NULL && self->open && self->next_id == self->last_id);

  if (n_records < BULK_DEFER_ROWS || self->indexes != NULL ||
      pl_db_get_engine (self->db) != PL_DB_ENGINE_SQLITE)
    return;

  set_aside_indexes (self, self->table, n_records);
  for (guint i = 0; i < G_N_ELEMENTS (list_tables); i++)
    if (g_str_equal (list_tables[i].table, self->table))
      for (guint j = 0; list_tables[i].lists[j] != NULL; j++)
        set_aside_indexes (self, list_tables[i].lists[j], n_records);
}

/**
 * pl_store_bulk_new:
 *
 * Returns: (transfer full) (nullable): the import under way, inside its
 *   transaction; NULL with @error when it cannot begin
 */
PlStoreBulk *
pl_store_bulk_new (PlStore            *store,
                   GType               type,
                   const char * const *columns,
                   gboolean            many,
                   GError            **error)
{
  g_autoptr(PlStoreBulk) self = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GHashTable) defaults = NULL;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(PlStmt) last = NULL;
  const char *table;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);
  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  klass = g_type_class_ref (type);
  for (guint i = 0; columns[i] != NULL; i++)
    {
      const PlColumn *column = pl_record_class_find_column (PL_RECORD_CLASS (klass), columns[i]);

      g_return_val_if_fail (column != NULL && !(column->flags & PL_COLUMN_DERIVED), NULL);
    }

  if (!pl_store_begin (store, error))
    return NULL;

  self = g_new0 (PlStoreBulk, 1);
  self->store = g_object_ref (store);
  self->db = pl_store_get_db (store);
  self->open = TRUE;
  self->n_columns = g_strv_length ((GStrv) columns);
  self->has_default = g_new0 (gboolean, self->n_columns);
  self->status_column = -1;
  self->status = PL_PLACEMENT_STATUS_REQUEST;
  pl_date_today (&self->today);
  if (type == PL_TYPE_PLACEMENT)
    for (guint i = 0; i < self->n_columns; i++)
      if (g_str_equal (columns[i], "status"))
        self->status_column = (int) i;
  table = self->table = pl_record_class_get_table (PL_RECORD_CLASS (klass));

  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT coalesce(max(id), 0) FROM %s", table);
  last = pl_db_prepare (self->db, sql->str, error);
  if (last == NULL || !pl_stmt_next (last, error))
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }
  self->last_id = self->next_id = pl_stmt_get_int (last, 0);
  g_clear_pointer (&last, pl_stmt_free);

  /* Only SQLite's cache and triggers are worth setting aside. */
  if (many && pl_db_get_engine (self->db) == PL_DB_ENGINE_SQLITE)
    {
      gint64 cache_size = pl_db_query_int (self->db, "PRAGMA cache_size", -BULK_CACHE_KIB);

      if (cache_size > -BULK_CACHE_KIB && cache_size < BULK_CACHE_KIB / 4)
        {
          self->cache_size = cache_size;
          set_cache_size (self->db, -BULK_CACHE_KIB);
        }

      set_aside_search_trigger (self, table);
    }

  defaults = pl_db_column_defaults (self->db, table, error);
  if (defaults == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  /* The id is ?1; an empty value takes the column's default. */
  values = g_string_new ("?1");
  g_string_printf (sql, "INSERT INTO %s (id", table);
  for (guint i = 0; i < self->n_columns; i++)
    {
      const char *dflt = g_hash_table_lookup (defaults, columns[i]);

      g_string_append_printf (sql, ", %s", columns[i]);
      self->has_default[i] = dflt != NULL;
      if (dflt != NULL)
        g_string_append_printf (values, ", coalesce(?%u, %s)", i + 2, dflt);
      else
        g_string_append_printf (values, ", ?%u", i + 2);
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  self->insert = pl_db_prepare (self->db, sql->str, error);
  if (self->insert == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  return g_steal_pointer (&self);
}

gboolean
pl_store_bulk_has_default (PlStoreBulk *self,
                           guint        column)
{
  g_return_val_if_fail (self != NULL && column < self->n_columns, FALSE);
  return self->has_default[column];
}

void
pl_store_bulk_set_text (PlStoreBulk *self,
                        guint        column,
                        const char  *text)
{
  g_return_if_fail (self != NULL && column < self->n_columns);
  pl_stmt_bind_text (self->insert, (int) column + 2, text);

  if ((int) column == self->status_column)
    {
      int status = PL_PLACEMENT_STATUS_REQUEST;

      /* An unknown one is the schema's to refuse. */
      if (text != NULL)
        pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, text, &status);
      self->status = status;
    }
}

void
pl_store_bulk_set_int (PlStoreBulk *self,
                       guint        column,
                       gint64       value)
{
  g_return_if_fail (self != NULL && column < self->n_columns);
  pl_stmt_bind_int (self->insert, (int) column + 2, value);
}

/* Turns the connection's refusal @failure into @error: a rule of the data
 * as a sentence about the row, anything else as the store says it. */
static gboolean
refused (PlStoreBulk  *self,
         GError       *failure,
         GError      **error)
{
  g_autoptr(GError) original = failure;

  if (original->domain == PL_DB_ERROR && original->code == PL_DB_ERROR_CHECK)
    for (guint i = 0; i < G_N_ELEMENTS (check_rules); i++)
      if (strstr (original->message, check_rules[i].constraint) != NULL)
        {
          self->fault = check_rules[i].columns;
          g_set_error_literal (error, PL_ERROR, PL_ERROR_CONSTRAINT, _(check_rules[i].message));
          return FALSE;
        }

  if (original->domain == PL_DB_ERROR &&
      (original->code == PL_DB_ERROR_CHECK || original->code == PL_DB_ERROR_UNIQUE ||
       original->code == PL_DB_ERROR_FOREIGN_KEY || original->code == PL_DB_ERROR_NOT_NULL))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT, _("the database refused this row: %s"),
                   original->message);
      return FALSE;
    }

  g_propagate_error (error, g_steal_pointer (&original));
  return pl_store_translate_error (error, NULL);
}

gint64
pl_store_bulk_add (PlStoreBulk  *self,
                   GError      **error)
{
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (self != NULL && self->open, 0);

  self->fault = NULL;
  pl_stmt_bind_int (self->insert, 1, self->next_id + 1);
  if (!pl_stmt_run (self->insert, &failure))
    {
      refused (self, g_steal_pointer (&failure), error);
      return 0;
    }

  return ++self->next_id;
}

const char * const *
pl_store_bulk_get_fault_columns (PlStoreBulk *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->fault;
}

/* Runs @stmt, whose parameters are bound. */
static gboolean
run_list_insert (PlStoreBulk  *self,
                 PlStmt       *stmt,
                 GError      **error)
{
  g_autoptr(GError) failure = NULL;

  if (!pl_stmt_run (stmt, &failure))
    return refused (self, g_steal_pointer (&failure), error);
  return TRUE;
}

/* The INSERT of @list, prepared at its first use and kept for the
 * import, with @owner_id bound first. */
static PlStmt *
prepare_list (PlStoreBulk  *self,
              List          list,
              gint64        owner_id,
              GError      **error)
{
  g_return_val_if_fail (self != NULL && self->open, NULL);

  if (self->lists[list] == NULL)
    {
      self->lists[list] = pl_db_prepare (self->db, list_sql[list], error);
      if (self->lists[list] == NULL)
        {
          pl_store_translate_error (error, NULL);
          return NULL;
        }
    }

  pl_stmt_bind_int (self->lists[list], 1, owner_id);
  return self->lists[list];
}

gboolean
pl_store_bulk_set_days (PlStoreBulk         *self,
                        gint64               placement_id,
                        const char * const  *days,
                        GError             **error)
{
  PlStmt *insert;
  guint n = 0;

  g_return_val_if_fail (self != NULL && self->open, FALSE);
  g_return_val_if_fail (self->status_column >= 0, FALSE);

  if (days == NULL || days[0] == NULL)
    return TRUE;

  if (self->rules == NULL)
    {
      self->rules = pl_milestone_rules_new (self->store, error);
      if (self->rules == NULL)
        return FALSE;
    }

  insert = prepare_list (self, LIST_DAY, placement_id, error);
  if (insert == NULL)
    return FALSE;
  for (; days[n] != NULL; n++)
    {
      pl_stmt_bind_int (insert, 1, placement_id);
      pl_stmt_bind_text (insert, 2, days[n]);
      if (!run_list_insert (self, insert, error))
        return FALSE;
    }

  /* As a walk to its status would have left them. */
  return pl_milestone_rules_add_walked (self->rules, self->store, placement_id, self->status,
                                        days[0], days[n - 1], &self->today, error);
}

gboolean
pl_store_bulk_add_member (PlStoreBulk  *self,
                          gint64        group_id,
                          gint64        staff_id,
                          const char   *role,
                          GError      **error)
{
  PlStmt *stmt = prepare_list (self, LIST_MEMBER, group_id, error);

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_int (stmt, 2, staff_id);
  pl_stmt_bind_text (stmt, 3, role);
  return run_list_insert (self, stmt, error);
}

gboolean
pl_store_bulk_add_appetite (PlStoreBulk  *self,
                            gint64        employer_id,
                            int           year,
                            const char   *state,
                            const char   *reason,
                            GError      **error)
{
  PlStmt *stmt = prepare_list (self, LIST_APPETITE, employer_id, error);

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_int (stmt, 2, year);
  pl_stmt_bind_text (stmt, 3, state);
  pl_stmt_bind_text (stmt, 4, reason);
  return run_list_insert (self, stmt, error);
}

gboolean
pl_store_bulk_add_meeting (PlStoreBulk  *self,
                           gint64        group_id,
                           const char   *date,
                           GError      **error)
{
  PlStmt *stmt = prepare_list (self, LIST_MEETING, group_id, error);

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_text (stmt, 2, date);
  return run_list_insert (self, stmt, error);
}

gboolean
pl_store_bulk_add_outcome (PlStoreBulk  *self,
                           gint64        group_id,
                           const char   *title,
                           const char   *kind,
                           const char   *link,
                           const char   *date,
                           GError      **error)
{
  PlStmt *stmt = prepare_list (self, LIST_OUTCOME, group_id, error);

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_text (stmt, 2, title);
  pl_stmt_bind_text (stmt, 3, kind);
  pl_stmt_bind_text (stmt, 4, link);
  pl_stmt_bind_text (stmt, 5, date);
  return run_list_insert (self, stmt, error);
}

/* Indexes the new rows for search and puts the trigger back. */
static gboolean
index_new_rows (PlStoreBulk  *self,
                GError      **error)
{
  g_autoptr(PlStmt) stmt = pl_db_prepare_once (self->db, self->index_sql, error);

  if (stmt == NULL)
    return pl_store_translate_error (error, NULL);

  pl_stmt_bind_int (stmt, 1, self->last_id);
  if (!pl_stmt_run (stmt, error) || !pl_db_exec (self->db, self->create_sql, error))
    return pl_store_translate_error (error, NULL);

  g_clear_pointer (&self->create_sql, g_free);
  return TRUE;
}

gboolean
pl_store_bulk_commit (PlStoreBulk  *self,
                      GError      **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);

  for (guint i = 0; self->indexes != NULL && i < self->indexes->len; i++)
    if (!pl_db_exec (self->db, self->indexes->pdata[i], error))
      return pl_store_translate_error (error, NULL);
  g_clear_pointer (&self->indexes, g_ptr_array_unref);

  if (self->create_sql != NULL && !index_new_rows (self, error))
    return FALSE;
  /* The ids were given here, counting on from the highest. */
  if (self->next_id > self->last_id && !pl_db_sync_ids (self->db, self->table, error))
    return pl_store_translate_error (error, NULL);

  /* The store rolls back a commit that fails. */
  self->open = FALSE;
  return pl_store_commit (self->store, error);
}

/* Rolls back what was not committed (the search trigger with it) and sets
 * the cache back. */
void
pl_store_bulk_free (PlStoreBulk *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->insert, pl_stmt_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->lists); i++)
    g_clear_pointer (&self->lists[i], pl_stmt_free);
  g_clear_pointer (&self->rules, pl_milestone_rules_free);
  if (self->open)
    pl_store_rollback (self->store);
  if (self->cache_size != 0)
    set_cache_size (self->db, self->cache_size);

  g_clear_object (&self->store);
  g_free (self->has_default);
  g_free (self->create_sql);
  g_free (self->index_sql);
  g_clear_pointer (&self->indexes, g_ptr_array_unref);
  g_free (self);
}

gboolean
pl_store_bulk_get_default_int (PlStore    *store,
                               GType       type,
                               const char *column,
                               gint64     *value)
{
  g_autoptr(GTypeClass) klass = NULL;
  g_autoptr(GHashTable) defaults = NULL;
  const char *dflt;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), FALSE);
  g_return_val_if_fail (column != NULL && value != NULL, FALSE);

  klass = g_type_class_ref (type);
  defaults = pl_db_column_defaults (pl_store_get_db (store),
                            pl_record_class_get_table (PL_RECORD_CLASS (klass)), NULL);
  dflt = defaults ? g_hash_table_lookup (defaults, column) : NULL;

  return dflt != NULL && g_ascii_string_to_signed (dflt, 10, G_MININT64, G_MAXINT64, value, NULL);
}
