/* pl-db-pg.c: the connection on PostgreSQL (libpq)
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same SQL the store writes for SQLite runs here: `?N` parameters
 * become `$N`, char() becomes chr(), and `a IS b` of two values becomes
 * IS NOT DISTINCT FROM. The schema (schema/pg/) gives PostgreSQL the few
 * functions SQLite has built in (group_concat, a case-blind collation),
 * and keeps two things SQLite's hooks give for free:
 *
 * - every row a statement writes is written by a trigger into the
 *   session's own table pg_temp.pl_change, with its values before and
 *   after; this connection reads them at commit (or after a statement run
 *   on its own) to tell the store, and to record undo steps;
 * - every write notifies channel "placements", so that other connections
 *   (other coordinators) hear of it.
 */

#define G_LOG_DOMAIN "pl-db"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "pl-db-pg-private.h"

/* Type oids of pg_type that the results use. */
#define BOOL_OID   16
#define INT8_OID   20
#define TEXT_OID   25
#define FLOAT8_OID 701

#define CHANGES_MAGIC "PLPG1\n"

typedef struct
{
  char  op;      /* 'I', 'U', 'D'; 0 for an entry merged away */
  char *table;
  char *key;     /* the primary key's values */
  char *old;     /* the row before, as JSON, or NULL */
  char *new;     /* the row after, as JSON, or NULL */
} PgChange;

typedef struct
{
  char **key_columns;
  char **columns;       /* every column but generated ones and revision */
  gboolean has_updated_at;
} PgTable;

struct _PlPg
{
  PlDb       *owner;
  PGconn     *conn;
  char       *uri;
  GHashTable *prepared;    /* SQL text + type signature → statement name */
  guint       n_prepared;
  gint64      changes;     /* rows written by the last write */
  gboolean    pending;     /* rows may wait in pl_change */
  GPtrArray  *recording;   /* PgChange, or NULL when not recording */
  GHashTable *recorded;    /* table + key → index in recording */
  GHashTable *tables;      /* name → PgTable */
};

struct _PlPgStmt
{
  PlPg      *pg;
  char      *sql;
  gboolean   writes;
  int        n_params;
  char     **values;
  char      *types;       /* 'i', 'd', 't', 'n' per parameter */
  PGresult  *result;
  int        row;
  gboolean   executed;
};

static void
pg_change_free (gpointer data)
{
  PgChange *change = data;

  g_free (change->table);
  g_free (change->key);
  g_free (change->old);
  g_free (change->new);
  g_free (change);
}

static void
pg_table_free (gpointer data)
{
  PgTable *table = data;

  g_strfreev (table->key_columns);
  g_strfreev (table->columns);
  g_free (table);
}

gboolean
pl_pg_is_uri (const char *name)
{
  return name != NULL &&
         (g_str_has_prefix (name, "postgresql://") || g_str_has_prefix (name, "postgres://"));
}

/* Errors */

static gboolean
connection_lost (PlPg *pg)
{
  return PQstatus (pg->conn) != CONNECTION_OK;
}

static PlDbError
error_code (PlPg           *pg,
            const PGresult *result)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (connection_lost (pg))
    return PL_DB_ERROR_UNREACHABLE;
  if (state == NULL)
    return PL_DB_ERROR_FAILED;

  if (g_str_equal (state, "23505"))
    return PL_DB_ERROR_UNIQUE;
  if (g_str_equal (state, "23503"))
    return PL_DB_ERROR_FOREIGN_KEY;
  if (g_str_equal (state, "23502"))
    return PL_DB_ERROR_NOT_NULL;
  if (g_str_equal (state, "23514") || g_str_equal (state, "P0001"))
    return PL_DB_ERROR_CHECK;
  if (g_str_equal (state, "40001") || g_str_equal (state, "40P01") ||
      g_str_equal (state, "55P03"))
    return PL_DB_ERROR_BUSY;
  if (g_str_equal (state, "53100"))
    return PL_DB_ERROR_FULL;
  if (g_str_equal (state, "25006"))
    return PL_DB_ERROR_READ_ONLY;
  if (g_str_equal (state, "42501"))
    return PL_DB_ERROR_REFUSED;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return PL_DB_ERROR_UNREACHABLE;
  return PL_DB_ERROR_FAILED;
}

/* Messages in the shape SQLite gives them, which the store reads for the
 * constraint's name. */
static gboolean
set_error (GError         **error,
           PlPg            *pg,
           const PGresult  *result)
{
  PlDbError code = error_code (pg, result);
  const char *constraint = result ? PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME) : NULL;
  const char *table = result ? PQresultErrorField (result, PG_DIAG_TABLE_NAME) : NULL;
  const char *column = result ? PQresultErrorField (result, PG_DIAG_COLUMN_NAME) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  g_autofree char *fallback = g_strstrip (g_strdup (PQerrorMessage (pg->conn)));

  if (primary == NULL)
    primary = fallback;

  switch (code)
    {
    case PL_DB_ERROR_UNIQUE:
      g_set_error (error, PL_DB_ERROR, code, "UNIQUE constraint failed: %s (%s)",
                   table ? table : "?", constraint ? constraint : primary);
      break;
    case PL_DB_ERROR_NOT_NULL:
      g_set_error (error, PL_DB_ERROR, code, "NOT NULL constraint failed: %s.%s",
                   table ? table : "?", column ? column : "?");
      break;
    case PL_DB_ERROR_CHECK:
      if (constraint != NULL)
        g_set_error (error, PL_DB_ERROR, code, "CHECK constraint failed: %s", constraint);
      else
        g_set_error_literal (error, PL_DB_ERROR, code, primary);
      break;
    case PL_DB_ERROR_UNREACHABLE:
      g_set_error (error, PL_DB_ERROR, code, _("The database server cannot be reached: %s"),
                   primary);
      break;
    default:
      g_set_error_literal (error, PL_DB_ERROR, code, primary);
      break;
    }

  return FALSE;
}

/* One round trip for SQL of our own, without parameters. */
static PGresult *
run_simple (PlPg        *pg,
            const char  *sql,
            GError     **error)
{
  PGresult *result = PQexec (pg->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (error, pg, result);
      PQclear (result);
      return NULL;
    }
  return result;
}

static PGresult *
run_params (PlPg         *pg,
            const char   *sql,
            int           n,
            const char  **values,
            GError      **error)
{
  PGresult *result = PQexecParams (pg->conn, sql, n, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (error, pg, result);
      PQclear (result);
      return NULL;
    }
  return result;
}

/* Opening */

static gboolean set_up_session (PlPg *pg, GError **error);

static void
on_notice (void       *data,
           const char *message)
{
  g_debug ("%s", message);
}

/* @uri as people may see it: without a password in its user part or in
 * a password= parameter. */
static char *
redact_uri (const char *uri)
{
  GString *out = g_string_new (NULL);
  const char *authority = strstr (uri, "://");
  const char *end;
  const char *at = NULL;

  authority = authority != NULL ? authority + 3 : uri;
  end = authority + strcspn (authority, "/?#");
  for (const char *c = authority; c < end; c++)
    if (*c == '@')
      at = c;

  g_string_append_len (out, uri, authority - uri);
  if (at != NULL)
    {
      const char *colon = memchr (authority, ':', at - authority);

      g_string_append_len (out, authority, (colon != NULL ? colon : at) - authority);
      g_string_append_len (out, at, end - at);
    }
  else
    g_string_append_len (out, authority, end - authority);

  /* The path, then the parameters but password=. */
  {
    const char *query = strchr (end, '?');
    g_auto(GStrv) params = NULL;
    const char *sep = "?";

    g_string_append_len (out, end, query != NULL ? query - end : (gssize) strlen (end));
    params = g_strsplit (query != NULL ? query + 1 : "", "&", -1);
    for (guint i = 0; params[i] != NULL; i++)
      if (*params[i] != '\0' && !g_str_has_prefix (params[i], "password="))
        {
          g_string_append_printf (out, "%s%s", sep, params[i]);
          sep = "&";
        }
  }

  return g_string_free (out, FALSE);
}

PlPg *
pl_pg_open (PlDb        *owner,
            const char  *uri,
            const char  *password,
            GError     **error)
{
  PlPg *pg = g_new0 (PlPg, 1);
  /* Given beside the URI, later keys win over its parts, and the
   * password never becomes part of a name that is kept or shown. */
  const char * const keys[] = { "dbname", "password", NULL };
  const char * const values[] = { uri, password, NULL };

  pg->owner = owner;
  pg->uri = g_strdup (uri);
  pg->prepared = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  pg->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, pg_table_free);

  pg->conn = PQconnectdbParams (password != NULL ? keys : (const char * const []) { keys[0], NULL },
                                values, 1);
  if (PQstatus (pg->conn) != CONNECTION_OK)
    {
      g_autofree char *why = g_strstrip (g_strdup (PQerrorMessage (pg->conn)));
      g_autofree char *shown = redact_uri (uri);

      if (PQconnectionNeedsPassword (pg->conn))
        g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_NEEDS_PASSWORD,
                     _("The database server asks for the password of “%s”."),
                     PQuser (pg->conn));
      else
        g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_UNREACHABLE,
                     _("Cannot connect to “%s”: %s"), shown, why);
      pl_pg_close (pg);
      return NULL;
    }

  PQsetNoticeProcessor (pg->conn, on_notice, pg);

  if (!set_up_session (pg, error))
    {
      pl_pg_close (pg);
      return NULL;
    }

  return pg;
}

/* Once the server is back after losing it: a new session, whose
 * statements and change table are to be made again. Never inside a
 * transaction: that one is lost, and its caller is told so. */
static gboolean
ensure_connected (PlPg    *pg,
                  GError **error)
{
  if (!connection_lost (pg))
    return TRUE;

  PQreset (pg->conn);
  if (connection_lost (pg))
    {
      g_autofree char *why = g_strstrip (g_strdup (PQerrorMessage (pg->conn)));

      g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_UNREACHABLE,
                   _("The database server cannot be reached: %s"), why);
      return FALSE;
    }

  g_hash_table_remove_all (pg->prepared);
  pg->pending = FALSE;
  return set_up_session (pg, error);
}

static gboolean
set_up_session (PlPg    *pg,
                GError **error)
{
  PGresult *result;

  /* A writer waits for another at most as long as SQLite's busy timeout;
   * the session's own change table is what the triggers write to. */
  result = run_simple (pg,
                       "SET client_min_messages = warning;"
                       "SET lock_timeout = '5s';"
                       "SET TIME ZONE 'UTC';"
                       "CREATE TEMP TABLE IF NOT EXISTS pl_change ("
                       " seq bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL,"
                       " id bigint, old jsonb, new jsonb);"
                       "LISTEN placements;",
                       error);
  if (result == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

void
pl_pg_close (PlPg *pg)
{
  if (pg == NULL)
    return;

  if (pg->conn != NULL)
    PQfinish (pg->conn);
  g_clear_pointer (&pg->prepared, g_hash_table_unref);
  g_clear_pointer (&pg->tables, g_hash_table_unref);
  g_clear_pointer (&pg->recording, g_ptr_array_unref);
  g_clear_pointer (&pg->recorded, g_hash_table_unref);
  g_free (pg->uri);
  g_free (pg);
}

char *
pl_pg_describe (PlPg *pg)
{
  return g_strdup_printf ("%s@%s/%s", PQuser (pg->conn),
                          PQhost (pg->conn) ? PQhost (pg->conn) : "", PQdb (pg->conn));
}

void
pl_pg_get_login (PlPg  *pg,
                 char **user,
                 char **database)
{
  *user = g_strdup (PQuser (pg->conn));
  *database = g_strdup (PQdb (pg->conn));
}

/* Tables */

static char **
column_list (PlPg       *pg,
             const char *sql,
             const char *table)
{
  const char *values[] = { table };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  PGresult *result = run_params (pg, sql, 1, values, NULL);

  if (result != NULL)
    {
      for (int i = 0; i < PQntuples (result); i++)
        g_strv_builder_add (names, PQgetvalue (result, i, 0));
      PQclear (result);
    }
  return g_strv_builder_end (names);
}

static PgTable *
lookup_table (PlPg       *pg,
              const char *name)
{
  PgTable *table = g_hash_table_lookup (pg->tables, name);

  if (table != NULL)
    return table;

  table = g_new0 (PgTable, 1);
  table->key_columns =
    column_list (pg,
                 "SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                 " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)"
                 " WHERE i.indrelid = to_regclass($1) AND i.indisprimary ORDER BY a.attnum",
                 name);
  table->columns =
    column_list (pg,
                 "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass($1)"
                 " AND attnum > 0 AND NOT attisdropped AND attgenerated = ''"
                 " AND attname <> 'revision' ORDER BY attnum",
                 name);
  table->has_updated_at = g_strv_contains ((const char * const *) table->columns, "updated_at");
  g_hash_table_insert (pg->tables, g_strdup (name), table);
  return table;
}

/* The values of @table's key in @row (JSON), joined. */
static char *
row_key (PlPg       *pg,
         const char *table,
         const char *row)
{
  PgTable *info = lookup_table (pg, table);
  g_autoptr(JsonNode) node = json_from_string (row, NULL);
  g_autoptr(GString) key = g_string_new (NULL);
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup (row);
  object = json_node_get_object (node);

  for (guint i = 0; info->key_columns[i] != NULL; i++)
    {
      JsonNode *value = json_object_get_member (object, info->key_columns[i]);

      if (i > 0)
        g_string_append_c (key, '\x1f');
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        continue;
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        g_string_append (key, json_node_get_string (value));
      else if (json_node_get_value_type (value) == G_TYPE_INT64)
        g_string_append_printf (key, "%" G_GINT64_FORMAT, json_node_get_int (value));
      else
        {
          g_autofree char *text = json_to_string (value, FALSE);
          g_string_append (key, text);
        }
    }

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* Recording */

static void
record_change (PlPg       *pg,
               const char *table,
               char        op,
               const char *old,
               const char *new)
{
  g_autofree char *key = row_key (pg, table, op == 'I' ? new : old);
  g_autofree char *slot = g_strconcat (table, "\x1e", key, NULL);
  gpointer found;

  if (g_hash_table_lookup_extended (pg->recorded, slot, NULL, &found))
    {
      PgChange *before = g_ptr_array_index (pg->recording, GPOINTER_TO_UINT (found));

      /* One entry a row, as SQLite's sessions keep them. */
      if (before->op == 'I' && op == 'U')
        {
          g_free (before->new);
          before->new = g_strdup (new);
          return;
        }
      if (before->op == 'I' && op == 'D')
        {
          before->op = 0;
          g_hash_table_remove (pg->recorded, slot);
          return;
        }
      if (before->op == 'U' && op == 'U')
        {
          g_free (before->new);
          before->new = g_strdup (new);
          return;
        }
      if (before->op == 'U' && op == 'D')
        {
          before->op = 'D';
          g_clear_pointer (&before->new, g_free);
          return;
        }
      if (before->op == 'D' && op == 'I')
        {
          before->op = 'U';
          before->new = g_strdup (new);
          return;
        }
    }

  {
    PgChange *change = g_new0 (PgChange, 1);

    change->op = op;
    change->table = g_strdup (table);
    change->key = g_steal_pointer (&key);
    change->old = g_strdup (old);
    change->new = g_strdup (new);
    g_ptr_array_add (pg->recording, change);
    g_hash_table_insert (pg->recorded, g_steal_pointer (&slot),
                         GUINT_TO_POINTER (pg->recording->len - 1));
  }
}

/* Reads what the triggers wrote since the last time, telling the owner of
 * each row (and recording it). */
static gboolean
drain (PlPg    *pg,
       GError **error)
{
  PGresult *result;

  if (!pg->pending)
    return TRUE;

  result = run_simple (pg,
                       pg->recording != NULL
                       ? "WITH d AS (DELETE FROM pg_temp.pl_change RETURNING *)"
                         " SELECT tbl, op, id, old::text, new::text FROM d ORDER BY seq"
                       : "WITH d AS (DELETE FROM pg_temp.pl_change RETURNING *)"
                         " SELECT tbl, op, id FROM d ORDER BY seq",
                       error);
  if (result == NULL)
    return FALSE;
  pg->pending = FALSE;

  for (int i = 0; i < PQntuples (result); i++)
    {
      const char *table = PQgetvalue (result, i, 0);
      char op = PQgetvalue (result, i, 1)[0];
      PlDbChange change = op == 'I' ? PL_DB_INSERT : op == 'D' ? PL_DB_DELETE : PL_DB_UPDATE;

      if (!PQgetisnull (result, i, 2))
        pl_db_report_change (pg->owner, change, table,
                             g_ascii_strtoll (PQgetvalue (result, i, 2), NULL, 10));

      if (pg->recording != NULL)
        record_change (pg, table, op,
                       PQgetisnull (result, i, 3) ? NULL : PQgetvalue (result, i, 3),
                       PQgetisnull (result, i, 4) ? NULL : PQgetvalue (result, i, 4));
    }

  PQclear (result);
  return TRUE;
}

/* After a statement outside a transaction: it has committed. */
static void
settle (PlPg *pg)
{
  if (!pg->pending || pl_pg_in_transaction (pg))
    return;
  if (drain (pg, NULL))
    pl_db_report_settled (pg->owner);
}

gboolean
pl_pg_record_start (PlPg    *pg,
                    GError **error)
{
  if (pg->recording != NULL)
    return TRUE;
  if (!drain (pg, error))
    return FALSE;

  pg->recording = g_ptr_array_new_with_free_func (pg_change_free);
  pg->recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return TRUE;
}

gboolean
pl_pg_is_recording (PlPg *pg)
{
  return pg->recording != NULL;
}

static GBytes *
serialize (GPtrArray *changes)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a(ysssmsms)"));
  g_autoptr(GVariant) variant = NULL;
  GByteArray *bytes;
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      PgChange *change = g_ptr_array_index (changes, i);

      if (change->op == 0)
        continue;
      g_variant_builder_add (builder, "(ysssmsms)", (guchar) change->op, change->table,
                             change->key, "", change->old, change->new);
      n++;
    }
  if (n == 0)
    return NULL;

  variant = g_variant_ref_sink (g_variant_builder_end (builder));
  bytes = g_byte_array_new ();
  g_byte_array_append (bytes, (const guint8 *) CHANGES_MAGIC, strlen (CHANGES_MAGIC));
  g_byte_array_append (bytes, g_variant_get_data (variant), g_variant_get_size (variant));
  return g_byte_array_free_to_bytes (bytes);
}

gboolean
pl_pg_is_changes (GBytes *changes)
{
  gsize size;
  const char *data = g_bytes_get_data (changes, &size);

  return size >= strlen (CHANGES_MAGIC) && memcmp (data, CHANGES_MAGIC, strlen (CHANGES_MAGIC)) == 0;
}

static GPtrArray *
deserialize (GBytes *changes)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (pg_change_free);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GVariant) variant = NULL;
  GVariantIter iter;
  guchar op;
  const char *table, *key, *unused, *old, *new;

  if (changes == NULL || !pl_pg_is_changes (changes))
    return list;

  body = g_bytes_new_from_bytes (changes, strlen (CHANGES_MAGIC),
                                 g_bytes_get_size (changes) - strlen (CHANGES_MAGIC));
  variant = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("a(ysssmsms)"),
                                                          body, FALSE));
  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "(y&s&s&sm&sm&s)", &op, &table, &key, &unused, &old, &new))
    {
      PgChange *change = g_new0 (PgChange, 1);

      change->op = (char) op;
      change->table = g_strdup (table);
      change->key = g_strdup (key);
      change->old = g_strdup (old);
      change->new = g_strdup (new);
      g_ptr_array_add (list, change);
    }

  return list;
}

GBytes *
pl_pg_record_take (PlPg *pg)
{
  GBytes *bytes;

  if (pg->recording == NULL)
    return NULL;

  drain (pg, NULL);
  bytes = serialize (pg->recording);
  g_clear_pointer (&pg->recording, g_ptr_array_unref);
  g_clear_pointer (&pg->recorded, g_hash_table_unref);
  return bytes;
}

GBytes *
pl_pg_record_peek (PlPg *pg)
{
  if (pg->recording == NULL)
    return NULL;

  drain (pg, NULL);
  return serialize (pg->recording);
}

GBytes *
pl_pg_changes_concat (GBytes *first,
                      GBytes *second)
{
  PlPg scratch = { 0 };
  g_autoptr(GPtrArray) a = deserialize (first);
  g_autoptr(GPtrArray) b = deserialize (second);

  /* Merging needs no connection: the keys were computed when recorded. */
  scratch.recording = g_ptr_array_new_with_free_func (pg_change_free);
  scratch.recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? a : b;

      for (guint i = 0; i < list->len; i++)
        {
          PgChange *change = g_ptr_array_index (list, i);
          g_autofree char *slot = g_strconcat (change->table, "\x1e", change->key, NULL);
          gpointer found;

          if (g_hash_table_lookup_extended (scratch.recorded, slot, NULL, &found))
            {
              PgChange *before = g_ptr_array_index (scratch.recording, GPOINTER_TO_UINT (found));

              if ((before->op == 'I' || before->op == 'U') && change->op == 'U')
                {
                  g_free (before->new);
                  before->new = g_strdup (change->new);
                  continue;
                }
              if (before->op == 'I' && change->op == 'D')
                {
                  before->op = 0;
                  g_hash_table_remove (scratch.recorded, slot);
                  continue;
                }
              if (before->op == 'U' && change->op == 'D')
                {
                  before->op = 'D';
                  g_clear_pointer (&before->new, g_free);
                  continue;
                }
              if (before->op == 'D' && change->op == 'I')
                {
                  before->op = 'U';
                  before->new = g_strdup (change->new);
                  continue;
                }
            }

          g_ptr_array_add (scratch.recording, g_ptr_array_steal_index (list, i));
          i--;
          g_hash_table_insert (scratch.recorded, g_steal_pointer (&slot),
                               GUINT_TO_POINTER (scratch.recording->len - 1));
        }
    }

  {
    GBytes *joined = serialize (scratch.recording);

    g_ptr_array_unref (scratch.recording);
    g_hash_table_unref (scratch.recorded);
    return joined;
  }
}

GArray *
pl_pg_changes_summary (GBytes *changes)
{
  GArray *summary = g_array_new (FALSE, TRUE, sizeof (PlDbTableChanges));
  g_autoptr(GPtrArray) list = deserialize (changes);

  for (guint i = 0; i < list->len; i++)
    {
      PgChange *change = g_ptr_array_index (list, i);
      const char *name = g_intern_string (change->table);
      PlDbTableChanges *entry = NULL;

      for (guint j = 0; j < summary->len && entry == NULL; j++)
        if (g_array_index (summary, PlDbTableChanges, j).table == name)
          entry = &g_array_index (summary, PlDbTableChanges, j);

      if (entry == NULL)
        {
          PlDbTableChanges fresh = { name, 0, 0, 0, 0 };
          char *end = NULL;
          gint64 id = g_ascii_strtoll (change->key, &end, 10);

          if (end != change->key && end != NULL && *end == '\0')
            fresh.first_id = id;
          g_array_append_val (summary, fresh);
          entry = &g_array_index (summary, PlDbTableChanges, summary->len - 1);
        }

      if (change->op == 'I')
        entry->inserted++;
      else if (change->op == 'D')
        entry->deleted++;
      else
        entry->updated++;
    }

  return summary;
}

/* Undo and redo: each row is found by its key and compared with what the
 * step left (or found), ignoring revision, which only ever grows. */

static char *
key_condition (PgTable *info,
               int      param)
{
  g_autoptr(GString) where = g_string_new (NULL);

  for (guint i = 0; info->key_columns[i] != NULL; i++)
    g_string_append_printf (where, "%st.\"%s\" IS NOT DISTINCT FROM r.\"%s\"",
                            i ? " AND " : "", info->key_columns[i], info->key_columns[i]);
  if (where->len == 0)
    g_string_append (where, "FALSE");

  (void) param;
  return g_string_free (g_steal_pointer (&where), FALSE);
}

/* The row now at @row's key: 0 none, 1 the same as @row, 2 another. */
static int
compare_row (PlPg        *pg,
             const char  *table,
             const char  *key_row,
             const char  *row,
             GError     **error)
{
  PgTable *info = lookup_table (pg, table);
  g_autofree char *where = key_condition (info, 1);
  g_autofree char *sql =
    g_strdup_printf ("SELECT (to_jsonb(t) - 'revision') = ($2::jsonb - 'revision')"
                     " FROM \"%s\" t, jsonb_populate_record(NULL::\"%s\", $1::jsonb) r WHERE %s",
                     table, table, where);
  const char *values[] = { key_row, row ? row : key_row };
  PGresult *result = run_params (pg, sql, 2, values, error);
  int found;

  if (result == NULL)
    return -1;
  if (PQntuples (result) == 0)
    found = 0;
  else
    found = g_str_equal (PQgetvalue (result, 0, 0), "t") ? 1 : 2;
  PQclear (result);
  return found;
}

static gboolean
changed_since (GError **error)
{
  g_set_error_literal (error, PL_DB_ERROR, PL_DB_ERROR_CHECK, _("The records have changed since"));
  return FALSE;
}

static gboolean
apply_one (PlPg        *pg,
           const char  *table,
           char         op,
           const char  *old,
           const char  *new,
           GError     **error)
{
  PgTable *info = lookup_table (pg, table);
  g_autofree char *where = key_condition (info, 1);
  g_autofree char *sql = NULL;
  PGresult *result;
  int found;

  switch (op)
    {
    case 'I':
      found = compare_row (pg, table, new, new, error);
      if (found < 0)
        return FALSE;
      if (found == 1)
        return TRUE;
      if (found == 2)
        return changed_since (error);
      sql = g_strdup_printf ("INSERT INTO \"%s\" SELECT * FROM jsonb_populate_record(NULL::\"%s\","
                             " $1::jsonb)", table, table);
      result = run_params (pg, sql, 1, (const char *[]) { new }, error);
      break;

    case 'D':
      found = compare_row (pg, table, old, old, error);
      if (found < 0)
        return FALSE;
      if (found == 0)
        return TRUE;   /* a cascade removed it already */
      if (found == 2)
        return changed_since (error);
      sql = g_strdup_printf ("DELETE FROM \"%s\" t USING jsonb_populate_record(NULL::\"%s\","
                             " $1::jsonb) r WHERE %s", table, table, where);
      result = run_params (pg, sql, 1, (const char *[]) { old }, error);
      break;

    default:
      found = compare_row (pg, table, old, new, error);
      if (found < 0)
        return FALSE;
      if (found == 1)
        return TRUE;   /* set already */
      if (found == 0 || compare_row (pg, table, old, old, error) != 1)
        return changed_since (error);
      {
        g_autoptr(GString) columns = g_string_new (NULL);

        for (guint i = 0; info->columns[i] != NULL; i++)
          g_string_append_printf (columns, "%s\"%s\"", i ? ", " : "", info->columns[i]);
        sql = g_strdup_printf ("UPDATE \"%s\" t SET (%s) = (SELECT %s FROM"
                               " jsonb_populate_record(NULL::\"%s\", $2::jsonb))"
                               " FROM jsonb_populate_record(NULL::\"%s\", $1::jsonb) r WHERE %s",
                               table, columns->str, columns->str, table, table, where);
      }
      result = run_params (pg, sql, 2, (const char *[]) { old, new }, error);
      if (result != NULL && info->has_updated_at)
        {
          /* The touch trigger stamps an update that leaves updated_at as it
           * was: stamp it back to what the step leaves. */
          g_autofree char *stamp =
            g_strdup_printf ("UPDATE \"%s\" t SET updated_at = n.updated_at FROM"
                             " jsonb_populate_record(NULL::\"%s\", $1::jsonb) r,"
                             " jsonb_populate_record(NULL::\"%s\", $2::jsonb) n"
                             " WHERE %s AND t.updated_at IS DISTINCT FROM n.updated_at",
                             table, table, table, where);

          PQclear (result);
          result = run_params (pg, stamp, 2, (const char *[]) { old, new }, error);
        }
      break;
    }

  if (result == NULL)
    return FALSE;
  PQclear (result);
  pg->pending = TRUE;
  return TRUE;
}

gboolean
pl_pg_apply_changes (PlPg      *pg,
                     GBytes    *changes,
                     gboolean   invert,
                     GError   **error)
{
  g_autoptr(GPtrArray) list = deserialize (changes);

  for (guint n = 0; n < list->len; n++)
    {
      PgChange *change = g_ptr_array_index (list, invert ? list->len - 1 - n : n);
      char op = change->op;
      gboolean ok;

      if (!invert)
        ok = apply_one (pg, change->table, op, change->old, change->new, error);
      else if (op == 'I')
        ok = apply_one (pg, change->table, 'D', change->new, NULL, error);
      else if (op == 'D')
        ok = apply_one (pg, change->table, 'I', NULL, change->old, error);
      else
        ok = apply_one (pg, change->table, 'U', change->new, change->old, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

/* Statements */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

static gboolean
word_is (const char *word,
         gsize       len,
         const char *keyword)
{
  return strlen (keyword) == len && g_ascii_strncasecmp (word, keyword, len) == 0;
}

/* SQLite's SQL as PostgreSQL reads it. */
static char *
translate (const char *sql,
           int        *n_params,
           gboolean   *writes)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  const char *p = sql;
  int highest = 0;

  *writes = FALSE;

  while (*p != '\0')
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *start = p++;

          while (*p != '\0' && !(*p == quote && p[1] != quote))
            p += (*p == quote) ? 2 : 1;
          if (*p != '\0')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '-' && p[1] == '-')
        {
          const char *start = p;

          while (*p != '\0' && *p != '\n')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '?')
        {
          int n;

          p++;
          if (g_ascii_isdigit (*p))
            {
              char *end;
              n = (int) strtol (p, &end, 10);
              p = end;
            }
          else
            n = highest + 1;
          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
        }
      else if ((g_ascii_isalpha (*p) || *p == '_') && (p == sql || !is_word_char (p[-1])))
        {
          const char *word = p;
          gsize len;

          while (is_word_char (*p))
            p++;
          len = (gsize) (p - word);

          if (word_is (word, len, "insert") || word_is (word, len, "update") ||
              word_is (word, len, "delete"))
            *writes = TRUE;

          if (word_is (word, len, "char") && *p == '(')
            g_string_append (out, "chr");
          else if (word_is (word, len, "cross") && g_ascii_strncasecmp (p, " JOIN", 5) == 0)
            /* SQLite's CROSS JOIN … ON is an order for its planner: a
             * plain join to PostgreSQL. */
            ;
          else if (len == 6 && strncmp (word, "offset", 6) == 0)
            /* A column of milestone_template; PostgreSQL reserves the
             * word (the store's SQL writes keywords in capitals). */
            g_string_append (out, "\"offset\"");
          else if (word_is (word, len, "is"))
            {
              const char *q = p;
              const char *next;
              gboolean negated = FALSE;
              gsize next_len;

              while (g_ascii_isspace (*q))
                q++;
              next = q;
              while (is_word_char (*q))
                q++;
              next_len = (gsize) (q - next);
              if (word_is (next, next_len, "not"))
                {
                  negated = TRUE;
                  while (g_ascii_isspace (*q))
                    q++;
                  next = q;
                  while (is_word_char (*q))
                    q++;
                  next_len = (gsize) (q - next);
                }

              if (word_is (next, next_len, "null") || word_is (next, next_len, "true") ||
                  word_is (next, next_len, "false") || word_is (next, next_len, "distinct") ||
                  word_is (next, next_len, "unknown"))
                g_string_append_len (out, word, len);
              else
                {
                  g_string_append (out, negated ? "IS DISTINCT FROM" : "IS NOT DISTINCT FROM");
                  /* Go on after NOT, at the value. */
                  if (negated)
                    {
                      p = next;
                      g_string_append_c (out, ' ');
                    }
                }
            }
          else
            g_string_append_len (out, word, len);
        }
      else
        g_string_append_c (out, *p++);
    }

  *n_params = highest;
  return g_string_free (out, FALSE);
}

PlPgStmt *
pl_pg_stmt_new (PlPg       *pg,
                const char *sql)
{
  PlPgStmt *stmt = g_new0 (PlPgStmt, 1);

  stmt->pg = pg;
  stmt->sql = translate (sql, &stmt->n_params, &stmt->writes);
  stmt->values = g_new0 (char *, stmt->n_params + 1);
  stmt->types = g_malloc0 (stmt->n_params + 1);
  memset (stmt->types, 'n', stmt->n_params);
  stmt->row = -1;
  return stmt;
}

void
pl_pg_stmt_reset (PlPgStmt *stmt)
{
  g_clear_pointer (&stmt->result, PQclear);
  stmt->executed = FALSE;
  stmt->row = -1;
}

void
pl_pg_stmt_clear (PlPgStmt *stmt)
{
  pl_pg_stmt_reset (stmt);
  for (int i = 0; i < stmt->n_params; i++)
    {
      g_clear_pointer (&stmt->values[i], g_free);
      stmt->types[i] = 'n';
    }
}

void
pl_pg_stmt_free (PlPgStmt *stmt)
{
  if (stmt == NULL)
    return;

  pl_pg_stmt_clear (stmt);
  g_free (stmt->values);
  g_free (stmt->types);
  g_free (stmt->sql);
  g_free (stmt);
}

void
pl_pg_stmt_bind (PlPgStmt   *stmt,
                 int         index,
                 const char *text,
                 char        type)
{
  g_return_if_fail (index >= 1);

  if (index > stmt->n_params)
    return;   /* SQLite ignores a parameter the SQL does not have, too */

  g_free (stmt->values[index - 1]);
  stmt->values[index - 1] = g_strdup (text);
  stmt->types[index - 1] = text != NULL ? type : 'n';
}

/* The parameter types to prepare with: ints and doubles as such, text and
 * NULL left for the server to infer; where it cannot (`?1 IS NULL`, a text
 * compared with an integer), the next rung of the ladder is tried. */
static void
types_for (const PlPgStmt *stmt,
           int             rung,
           Oid            *oids)
{
  for (int i = 0; i < stmt->n_params; i++)
    {
      char type = stmt->types[i];

      if (type == 'n')
        {
          /* Not in the SQL any more (sql_with_nulls): any type will do. */
          oids[i] = TEXT_OID;
          continue;
        }

      switch (rung)
        {
        case 0:
          oids[i] = type == 'i' ? INT8_OID : type == 'd' ? FLOAT8_OID : 0;
          break;
        case 1:
          oids[i] = type == 'i' ? INT8_OID : type == 'd' ? FLOAT8_OID : TEXT_OID;
          break;
        case 2:
          oids[i] = 0;
          break;
        default:
          oids[i] = TEXT_OID;
          break;
        }
    }
}

/* The statement with each parameter bound to NULL written as the literal
 * NULL: PostgreSQL cannot tell the type of `$1 IS NULL OR id = $1` from
 * its first use, but needs none for a NULL. */
static char *
sql_with_nulls (const PlPgStmt *stmt)
{
  GString *out;
  const char *p;

  if (strchr (stmt->types, 'n') == NULL)
    return g_strdup (stmt->sql);

  out = g_string_sized_new (strlen (stmt->sql));
  for (p = stmt->sql; *p != '\0';)
    {
      if (*p == '\'' || *p == '"')
        {
          char quote = *p;
          const char *start = p++;

          while (*p != '\0' && *p != quote)
            p++;
          if (*p != '\0')
            p++;
          g_string_append_len (out, start, p - start);
        }
      else if (*p == '$' && g_ascii_isdigit (p[1]))
        {
          char *end;
          long n = strtol (p + 1, &end, 10);

          if (n >= 1 && n <= stmt->n_params && stmt->types[n - 1] == 'n')
            g_string_append (out, "NULL");
          else
            g_string_append_len (out, p, end - p);
          p = end;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static const char *
prepare_for (PlPgStmt  *stmt,
             GError   **error)
{
  PlPg *pg = stmt->pg;
  g_autofree char *key = g_strconcat (stmt->sql, "\x1f", stmt->types, NULL);
  g_autofree char *sql = NULL;
  const char *name = g_hash_table_lookup (pg->prepared, key);
  g_autofree Oid *oids = g_new0 (Oid, stmt->n_params + 1);
  PGresult *result = NULL;
  gboolean guarded;

  if (name != NULL)
    return name;
  sql = sql_with_nulls (stmt);

  /* A failed PREPARE aborts the transaction it is in: a savepoint keeps
   * the rungs of the ladder from costing the caller its transaction. */
  guarded = PQtransactionStatus (pg->conn) == PQTRANS_INTRANS;

  for (int rung = 0; rung < 4; rung++)
    {
      g_autofree char *fresh = g_strdup_printf ("pl%u", ++pg->n_prepared);
      const char *state;

      if (guarded)
        PQclear (PQexec (pg->conn, "SAVEPOINT pl_prepare"));

      types_for (stmt, rung, oids);
      g_clear_pointer (&result, PQclear);
      result = PQprepare (pg->conn, fresh, sql, stmt->n_params, oids);
      if (PQresultStatus (result) == PGRES_COMMAND_OK)
        {
          PQclear (result);
          if (guarded)
            PQclear (PQexec (pg->conn, "RELEASE SAVEPOINT pl_prepare"));
          name = fresh;
          g_hash_table_insert (pg->prepared, g_steal_pointer (&key), g_steal_pointer (&fresh));
          return name;
        }

      if (guarded)
        PQclear (PQexec (pg->conn, "ROLLBACK TO SAVEPOINT pl_prepare"));

      state = PQresultErrorField (result, PG_DIAG_SQLSTATE);
      /* Only a question of types is worth another try. */
      if (state == NULL || !(g_str_equal (state, "42P18") || g_str_equal (state, "42P08") ||
                             g_str_equal (state, "42883") ||
                             g_str_equal (state, "42804") || g_str_equal (state, "42725")))
        break;
    }

  g_debug ("cannot prepare: %s", sql);
  set_error (error, pg, result);
  g_prefix_error (error, _("Cannot prepare a query: "));
  PQclear (result);
  return NULL;
}

static gboolean
execute (PlPgStmt  *stmt,
         GError   **error)
{
  PlPg *pg = stmt->pg;
  const char *name;
  ExecStatusType status;
  gboolean outside;

  pl_pg_stmt_reset (stmt);
  stmt->executed = TRUE;

  outside = !pl_pg_in_transaction (pg);
  if (outside && !ensure_connected (pg, error))
    return FALSE;

  /* A session that died while idle (the server restarted) is only found
   * out by using it. Outside a transaction, a statement that could not be
   * prepared, or a read, is asked again of a new session; a write that was
   * sent is not, as whether it reached the server is not known. */
  name = prepare_for (stmt, error);
  if (name == NULL && outside && connection_lost (pg) && ensure_connected (pg, NULL))
    {
      g_clear_error (error);
      name = prepare_for (stmt, error);
    }
  if (name == NULL)
    return FALSE;

  stmt->result = PQexecPrepared (pg->conn, name, stmt->n_params,
                                 (const char * const *) stmt->values, NULL, NULL, 0);
  status = PQresultStatus (stmt->result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK &&
      outside && !stmt->writes && connection_lost (pg) && ensure_connected (pg, NULL) &&
      (name = prepare_for (stmt, NULL)) != NULL)
    {
      g_clear_pointer (&stmt->result, PQclear);
      stmt->result = PQexecPrepared (pg->conn, name, stmt->n_params,
                                     (const char * const *) stmt->values, NULL, NULL, 0);
      status = PQresultStatus (stmt->result);
    }

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_error (error, pg, stmt->result);
      g_clear_pointer (&stmt->result, PQclear);
      return FALSE;
    }

  if (stmt->writes)
    {
      const char *count = PQcmdTuples (stmt->result);

      pg->changes = count && *count ? g_ascii_strtoll (count, NULL, 10) : 0;
      pg->pending = TRUE;
    }
  return TRUE;
}

gboolean
pl_pg_stmt_next (PlPgStmt  *stmt,
                 GError   **error)
{
  if (!stmt->executed && !execute (stmt, error))
    return FALSE;
  if (stmt->result == NULL)
    return FALSE;

  if (stmt->row + 1 < PQntuples (stmt->result))
    {
      stmt->row++;
      return TRUE;
    }

  stmt->row = PQntuples (stmt->result);
  settle (stmt->pg);
  return FALSE;
}

gboolean
pl_pg_stmt_run (PlPgStmt  *stmt,
                GError   **error)
{
  gboolean ok = execute (stmt, error);

  /* Ready to run again, as SQLite's statements are after a reset. */
  g_clear_pointer (&stmt->result, PQclear);
  stmt->executed = FALSE;
  stmt->row = -1;
  if (ok)
    settle (stmt->pg);
  return ok;
}

static const char *
value_of (PlPgStmt *stmt,
          int       column)
{
  if (stmt->result == NULL || stmt->row < 0 || stmt->row >= PQntuples (stmt->result) ||
      column >= PQnfields (stmt->result) || PQgetisnull (stmt->result, stmt->row, column))
    return NULL;
  return PQgetvalue (stmt->result, stmt->row, column);
}

gboolean
pl_pg_stmt_is_null (PlPgStmt *stmt,
                    int       column)
{
  return value_of (stmt, column) == NULL;
}

gint64
pl_pg_stmt_get_int (PlPgStmt *stmt,
                    int       column)
{
  const char *text = value_of (stmt, column);

  if (text == NULL)
    return 0;
  if (PQftype (stmt->result, column) == BOOL_OID)
    return text[0] == 't';
  if (strpbrk (text, ".eE") != NULL)
    return (gint64) g_ascii_strtod (text, NULL);
  return g_ascii_strtoll (text, NULL, 10);
}

double
pl_pg_stmt_get_double (PlPgStmt *stmt,
                       int       column)
{
  const char *text = value_of (stmt, column);

  if (text == NULL)
    return 0.0;
  if (PQftype (stmt->result, column) == BOOL_OID)
    return text[0] == 't';
  return g_ascii_strtod (text, NULL);
}

const char *
pl_pg_stmt_get_text (PlPgStmt *stmt,
                     int       column)
{
  const char *text = value_of (stmt, column);

  /* SQLite reads a truth value as an integer, and so does the store. */
  if (text != NULL && PQftype (stmt->result, column) == BOOL_OID)
    return text[0] == 't' ? "1" : "0";
  return text;
}

/* The columns are known once the statement has run: a caller asking
 * before its first row runs it (its first row is then next's). */
static void
ensure_described (PlPgStmt *stmt)
{
  if (!stmt->executed)
    {
      execute (stmt, NULL);
      stmt->row = -1;
    }
}

int
pl_pg_stmt_get_n_columns (PlPgStmt *stmt)
{
  ensure_described (stmt);
  return stmt->result ? PQnfields (stmt->result) : 0;
}

const char *
pl_pg_stmt_get_column_name (PlPgStmt *stmt,
                            int       column)
{
  ensure_described (stmt);
  return stmt->result ? PQfname (stmt->result, column) : NULL;
}

/* The connection */

/* Starts a transaction with @sql. A session that died while idle is
 * only found out by using it; nothing has been done yet, so the
 * transaction starts again on a new one. */
static PGresult *
begin_on (PlPg        *pg,
          const char  *sql,
          GError     **error)
{
  g_autoptr(GError) first = NULL;
  PGresult *result = run_simple (pg, sql, &first);

  if (result != NULL)
    return result;
  if (!connection_lost (pg) || !ensure_connected (pg, NULL))
    {
      g_propagate_error (error, g_steal_pointer (&first));
      return NULL;
    }
  return run_simple (pg, sql, error);
}

gboolean
pl_pg_exec (PlPg        *pg,
            const char  *sql,
            GError     **error)
{
  PGresult *result;

  if (!pl_pg_in_transaction (pg) && !ensure_connected (pg, error))
    return FALSE;
  result = g_str_has_prefix (sql, "BEGIN") ? begin_on (pg, sql, error) : run_simple (pg, sql, error);
  if (result == NULL)
    return FALSE;
  PQclear (result);
  pg->pending = TRUE;
  settle (pg);
  return TRUE;
}

gint64
pl_pg_get_changes (PlPg *pg)
{
  return pg->changes;
}

gboolean
pl_pg_in_transaction (PlPg *pg)
{
  PGTransactionStatusType status = PQtransactionStatus (pg->conn);

  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

gboolean
pl_pg_begin (PlPg    *pg,
             GError **error)
{
  PGresult *result;

  if (!ensure_connected (pg, error))
    return FALSE;

  /* As SQLite's BEGIN IMMEDIATE: one writer at a time in a data set, who
   * waits for the one before at the start rather than fails at the end.
   * The lock is the transaction's and goes with it. */
  result = begin_on (pg,
                     "BEGIN; SELECT pg_advisory_xact_lock(hashtext('placements:' || current_database()))",
                     error);
  if (result == NULL)
    {
      if (pl_pg_in_transaction (pg))
        PQclear (PQexec (pg->conn, "ROLLBACK"));
      return FALSE;
    }
  PQclear (result);
  return TRUE;
}

gboolean
pl_pg_commit (PlPg    *pg,
              GError **error)
{
  PGresult *result;

  if (!drain (pg, error))
    return FALSE;

  result = run_simple (pg, "COMMIT", error);
  if (result == NULL)
    return FALSE;
  PQclear (result);
  pl_db_report_settled (pg->owner);
  return TRUE;
}

void
pl_pg_rollback (PlPg *pg)
{
  if (pl_pg_in_transaction (pg))
    PQclear (PQexec (pg->conn, "ROLLBACK"));
  /* The rows the triggers wrote went with the transaction. */
  pg->pending = FALSE;
}

const char *
pl_pg_sql (PlDbSql what)
{
  switch (what)
    {
    case PL_DB_SQL_NOW:
      return "pl_now()";
    case PL_DB_SQL_NOCASE:
      return "COLLATE nocase";
    case PL_DB_SQL_SEARCH:
      return "tsv @@ pl_fts_query";
    default:
      g_return_val_if_reached ("");
    }
}

static gint64
query_int (PlPg       *pg,
           const char *sql,
           gint64      fallback)
{
  PGresult *result = run_simple (pg, sql, NULL);
  gint64 value = fallback;

  if (result == NULL)
    return fallback;
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return value;
}

int
pl_pg_get_version (PlPg *pg)
{
  if (query_int (pg, "SELECT CASE WHEN to_regclass('pl_meta') IS NULL THEN 0 ELSE 1 END", 0) == 0)
    return connection_lost (pg) ? -1 : 0;
  return (int) query_int (pg, "SELECT value FROM pl_meta WHERE key = 'user_version'", 0);
}

gboolean
pl_pg_set_version (PlPg     *pg,
                   int       version,
                   guint32   application_id,
                   GError  **error)
{
  g_autofree char *sql =
    g_strdup_printf ("INSERT INTO pl_meta (key, value) VALUES ('user_version', %d),"
                     " ('application_id', %u)"
                     " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     version, application_id);

  return pl_pg_exec (pg, sql, error);
}

guint32
pl_pg_get_application_id (PlPg *pg)
{
  if (query_int (pg, "SELECT CASE WHEN to_regclass('pl_meta') IS NULL THEN 0 ELSE 1 END", 0) == 0)
    return 0;
  return (guint32) query_int (pg, "SELECT value FROM pl_meta WHERE key = 'application_id'", 0);
}

gint64
pl_pg_count_tables (PlPg *pg)
{
  return query_int (pg, "SELECT count(*) FROM pg_catalog.pg_tables"
                        " WHERE schemaname = current_schema()", 0);
}

void
pl_pg_check (PlPg      *pg,
             GPtrArray *report)
{
  g_autoptr(GError) error = NULL;
  PGresult *result;

  /* The server keeps its own pages and every reference; what is left to
   * look at is the index the triggers keep. */
  result = run_simple (pg,
                       "SELECT 'staff ' || s.id FROM staff s WHERE NOT EXISTS"
                       " (SELECT 1 FROM search x WHERE x.kind = 'staff' AND x.rec_id = s.id)"
                       " UNION ALL SELECT 'employer ' || e.id FROM employer e WHERE NOT EXISTS"
                       " (SELECT 1 FROM search x WHERE x.kind = 'employer' AND x.rec_id = e.id)"
                       " UNION ALL SELECT 'placement ' || p.id FROM placement p WHERE NOT EXISTS"
                       " (SELECT 1 FROM search x WHERE x.kind = 'placement' AND x.rec_id = p.id)",
                       &error);
  if (result == NULL)
    {
      g_ptr_array_add (report, g_strdup_printf (_("integrity: %s"), error->message));
      return;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_ptr_array_add (report, g_strdup_printf (_("search index: %s is missing"),
                                              PQgetvalue (result, i, 0)));
  PQclear (result);
}

GStrv
pl_pg_list_restricting_references (PlPg       *pg,
                                   const char *table)
{
  g_autoptr(GStrvBuilder) pairs = g_strv_builder_new ();
  const char *values[] = { table };
  PGresult *result =
    run_params (pg,
                "SELECT cl.relname::text, a.attname::text FROM pg_constraint c"
                " JOIN pg_class cl ON cl.oid = c.conrelid"
                " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]"
                " WHERE c.contype = 'f' AND c.confrelid = to_regclass($1)"
                " AND c.confdeltype IN ('r', 'a') ORDER BY cl.relname",
                1, values, NULL);

  if (result != NULL)
    {
      for (int i = 0; i < PQntuples (result); i++)
        {
          g_strv_builder_add (pairs, PQgetvalue (result, i, 0));
          g_strv_builder_add (pairs, PQgetvalue (result, i, 1));
        }
      PQclear (result);
    }
  return g_strv_builder_end (pairs);
}

GHashTable *
pl_pg_column_defaults (PlPg        *pg,
                       const char  *table,
                       GError     **error)
{
  GHashTable *defaults = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  const char *values[] = { table };
  PGresult *result =
    run_params (pg,
                "SELECT column_name::text, column_default::text FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = $1"
                " AND column_default IS NOT NULL AND is_identity = 'NO'",
                1, values, error);

  if (result == NULL)
    {
      g_hash_table_unref (defaults);
      return NULL;
    }
  for (int i = 0; i < PQntuples (result); i++)
    g_hash_table_insert (defaults, g_strdup (PQgetvalue (result, i, 0)),
                         g_strdup (PQgetvalue (result, i, 1)));
  PQclear (result);
  return defaults;
}

/* Rows inserted with ids of their own (a copy, a bulk import) leave the
 * identity's sequence behind: the next id given must follow them. */
gboolean
pl_pg_sync_ids (PlPg        *pg,
                const char  *table,
                GError     **error)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT setval(pg_get_serial_sequence('\"%s\"', 'id'),"
                     " coalesce((SELECT max(id) FROM \"%s\"), 0) + 1, false)",
                     table, table);
  PGresult *result = run_simple (pg, sql, error);

  if (result == NULL)
    return FALSE;
  PQclear (result);
  return TRUE;
}

/* Whether the server answers; outside a transaction, a lost session is
 * made again first. */
gboolean
pl_pg_check_connection (PlPg      *pg,
                        gboolean  *reconnected,
                        GError   **error)
{
  if (pl_pg_in_transaction (pg))
    return !connection_lost (pg);
  *reconnected = connection_lost (pg);
  if (ensure_connected (pg, error))
    return TRUE;
  *reconnected = FALSE;
  return FALSE;
}

int
pl_pg_get_socket (PlPg *pg)
{
  return PQsocket (pg->conn);
}

/* The tables other connections wrote since the last call (transfer full;
 * NULL for none). Our own writes are not among them. */
GStrv
pl_pg_poll_notifications (PlPg *pg)
{
  g_autoptr(GStrvBuilder) tables = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  PGnotify *notify;
  int self = PQbackendPID (pg->conn);
  guint n = 0;

  if (!PQconsumeInput (pg->conn))
    return NULL;

  while ((notify = PQnotifies (pg->conn)) != NULL)
    {
      if (notify->be_pid != self && !g_hash_table_contains (seen, notify->extra))
        {
          g_strv_builder_add (tables, notify->extra);
          g_hash_table_add (seen, (gpointer) g_intern_string (notify->extra));
          n++;
        }
      PQfreemem (notify);
    }

  return n > 0 ? g_strv_builder_end (tables) : NULL;
}
