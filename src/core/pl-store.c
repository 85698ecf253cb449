/* pl-store.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pl-date.h"
#include "pl-record-list.h"
#include "pl-store.h"
#include "pl-vfs-private.h"

/* "PLAC" in ASCII: marks a file as ours, so that another program's
 * SQLite database is refused rather than altered. */
#define PL_APPLICATION_ID 0x504c4143

struct _PlStore
{
  GObject     parent_instance;

  char       *path;
  char       *migration_backup;
  sqlite3    *db;
  int         schema_version;

  guint       depth;          /* nesting of pl_store_begin() */
  GHashTable *dirty_tables;   /* tables written in the open transaction */
  GHashTable *statements;     /* SQL text → cached sqlite3_stmt */
};

G_DEFINE_FINAL_TYPE (PlStore, pl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

extern GResource *pl_core_get_resource (void);

static void
pl_store_finalize (GObject *object)
{
  PlStore *self = PL_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->dirty_tables, g_hash_table_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);

  G_OBJECT_CLASS (pl_store_parent_class)->finalize (object);
}

static void
pl_store_class_init (PlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_store_finalize;

  /**
   * PlStore::changed:
   * @table: (nullable): the table that changed, or %NULL for many
   *
   * Emitted after a transaction that wrote @table has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pl_store_init (PlStore *self)
{
  self->dirty_tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
}

/**
 * pl_store_default_path:
 *
 * Returns: (transfer full): `$PLACEMENTS_DB`, or the per-user database in
 * `$XDG_DATA_HOME/placements/placements.db`.
 */
char *
pl_store_default_path (void)
{
  const char *env = g_getenv ("PLACEMENTS_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "placements", "placements.db", NULL);
}

static gboolean
set_sqlite_error (GError    **error,
                  sqlite3    *db,
                  const char *what)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, "%s: %s", what, sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, "%s", message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int         fallback)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return fallback;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return fallback;
  return sqlite3_column_int (stmt, 0);
}

/* The folder of a new database is made private; the file itself is
 * created by SQLite, through the store's VFS (pl-vfs.c), with mode 0600 from
 * its first moment. Nothing here opens the file: on POSIX, closing any
 * descriptor of it would drop the locks SQLite holds. */
static gboolean
ensure_folder (const char  *path,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

static gboolean
backup_to (sqlite3     *db,
           const char  *dest,
           GError     **error)
{
  g_autofree char *tmp = g_strconcat (dest, ".partial", NULL);
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int rc;

  g_unlink (tmp);
  if (!ensure_folder (tmp, error))
    return FALSE;

  if (sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, out, _("Cannot write the copy"));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  backup = sqlite3_backup_init (out, "main", db, "main");
  if (backup == NULL)
    {
      set_sqlite_error (error, out, _("Cannot copy the database"));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  /* The copy is a plain rollback-journal file, readable on its own. */
  if (rc == SQLITE_DONE)
    exec_sql (out, "PRAGMA journal_mode = DELETE", NULL);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, out, _("Cannot copy the database"));
      sqlite3_close_v2 (out);
      g_unlink (tmp);
      return FALSE;
    }

  sqlite3_close_v2 (out);

  if (g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot write “%s”: %s"), dest, g_strerror (saved));
      g_unlink (tmp);
      return FALSE;
    }

  return TRUE;
}

static const PlMigration *
default_migrations (guint *n_migrations)
{
  static PlMigration migrations[PL_SCHEMA_VERSION];
  static gsize initialised;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GBytes) v1 =
        g_resource_lookup_data (pl_core_get_resource (),
                                "/org/placements/Placements/schema/v1.sql", 0, NULL);

      /* The resource is compiled in and lives as long as the program. */
      migrations[0].version = 1;
      migrations[0].sql = g_strndup (g_bytes_get_data (v1, NULL), g_bytes_get_size (v1));
      g_once_init_leave (&initialised, 1);
    }

  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

static gboolean
run_migrations (PlStore            *self,
                const PlMigration  *migrations,
                guint               n_migrations,
                GError            **error)
{
  int target = 0;
  int tables;

  for (guint i = 0; i < n_migrations; i++)
    target = MAX (target, migrations[i].version);

  self->schema_version = query_int (self->db, "PRAGMA user_version", -1);
  if (self->schema_version < 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("“%s” is not a Placements database: %s"),
                   self->path, sqlite3_errmsg (self->db));
      return FALSE;
    }

  if (self->schema_version > target)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Placements (data format %d; "
                     "this version reads up to %d). It has been left untouched: "
                     "please update Placements to open it."),
                   self->path, self->schema_version, target);
      return FALSE;
    }

  {
    int app_id = query_int (self->db, "PRAGMA application_id", 0);

    if (app_id != 0 && app_id != PL_APPLICATION_ID)
      {
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                     _("“%s” belongs to another program and is not a Placements database. "
                       "It has been left untouched."), self->path);
        return FALSE;
      }
  }

  if (self->schema_version == target)
    return TRUE;

  /* A copy is taken before changing the schema of a file that holds
   * anything, so that a failed or unwanted migration can be undone by hand. */
  tables = query_int (self->db, "SELECT count(*) FROM sqlite_schema", 0);
  if (tables > 0)
    {
      g_autofree char *copy = g_strdup_printf ("%s.v%d.bak", self->path, self->schema_version);

      if (!backup_to (self->db, copy, error))
        return FALSE;
      g_free (self->migration_backup);
      self->migration_backup = g_steal_pointer (&copy);
    }

  for (guint i = 0; i < n_migrations; i++)
    {
      const PlMigration *step = &migrations[i];
      g_autofree char *set_version = NULL;

      if (step->version <= self->schema_version)
        continue;

      if (!exec_sql (self->db, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                                     step->version, PL_APPLICATION_ID);

      if (!exec_sql (self->db, step->sql, error) || !exec_sql (self->db, set_version, error))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          g_prefix_error (error, _("Cannot bring “%s” up to data format %d: "),
                          self->path, step->version);
          return FALSE;
        }

      if (!exec_sql (self->db, "COMMIT", error))
        {
          exec_sql (self->db, "ROLLBACK", NULL);
          return FALSE;
        }

      self->schema_version = step->version;
    }

  return TRUE;
}

/**
 * pl_store_open_with_migrations:
 *
 * Opens (creating when absent) the database at @path and brings it to the
 * last version of @migrations. A file written by a newer version is refused
 * with %PL_ERROR_TOO_NEW and not altered in any way.
 *
 * Returns: (transfer full): the store, or %NULL with @error set.
 */
PlStore *
pl_store_open_with_migrations (const char         *path,
                               const PlMigration  *migrations,
                               guint               n_migrations,
                               GError            **error)
{
  g_autoptr(PlStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  pl_vfs_register ();

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !ensure_folder (path, error))
    return NULL;

  self = g_object_new (PL_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot open “%s”: %s"),
                   path, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Nothing may write to the file before its version has been checked:
   * a newer database must be left exactly as it was. */
  if (!run_migrations (self, migrations, n_migrations, error))
    return NULL;

  if (!exec_sql (self->db,
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = FULL;"
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA recursive_triggers = OFF;",
                 error))
    return NULL;

  /* The VFS keeps the file and its -shm private; the WAL takes the file's
   * mode when SQLite creates it, and one left by an older version is
   * tightened here (by name: no descriptor of it is opened). */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_chmod (wal, 0600);
  }

  return g_steal_pointer (&self);
}

/**
 * pl_store_open:
 *
 * Returns: (transfer full): the store at @path with the current schema.
 */
PlStore *
pl_store_open (const char  *path,
               GError     **error)
{
  const PlMigration *migrations;
  guint n_migrations;

  migrations = default_migrations (&n_migrations);
  return pl_store_open_with_migrations (path, migrations, n_migrations, error);
}

const char *
pl_store_get_path (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->path;
}

sqlite3 *
pl_store_get_db (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->db;
}

int
pl_store_get_schema_version (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * pl_store_get_migration_backup:
 *
 * Returns: (nullable): the copy taken before the last migration, if any.
 */
const char *
pl_store_get_migration_backup (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->migration_backup;
}

gboolean
pl_store_is_empty (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), TRUE);

  return query_int (self->db,
                    "SELECT (SELECT count(*) FROM partner) + (SELECT count(*) FROM staff)"
                    " + (SELECT count(*) FROM employer) + (SELECT count(*) FROM placement)",
                    0) == 0;
}

gboolean
pl_store_begin (PlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (self->depth == 0 && !exec_sql (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
pl_store_commit (PlStore  *self,
                 GError  **error)
{
  g_autoptr(GPtrArray) tables = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  if (!exec_sql (self->db, "COMMIT", error))
    {
      pl_store_rollback (self);
      return FALSE;
    }

  {
    GHashTableIter iter;
    gpointer key;

    tables = g_ptr_array_new_with_free_func (g_free);
    g_hash_table_iter_init (&iter, self->dirty_tables);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (tables, g_strdup (key));
    g_hash_table_remove_all (self->dirty_tables);
  }

  for (guint i = 0; i < tables->len; i++)
    g_signal_emit (self, signals[CHANGED], 0, g_ptr_array_index (tables, i));

  return TRUE;
}

void
pl_store_rollback (PlStore *self)
{
  g_return_if_fail (PL_IS_STORE (self));

  /* A failure anywhere inside a transaction abandons all of it. */
  if (sqlite3_get_autocommit (self->db) == 0)
    exec_sql (self->db, "ROLLBACK", NULL);
  self->depth = 0;
  g_hash_table_remove_all (self->dirty_tables);
}

static void
mark_dirty (PlStore    *self,
            const char *table)
{
  if (self->depth > 0)
    g_hash_table_add (self->dirty_tables, g_strdup (table));
  else
    g_signal_emit (self, signals[CHANGED], 0, table);
}

void
pl_store_emit_changed (PlStore    *self,
                       const char *table)
{
  g_return_if_fail (PL_IS_STORE (self));
  mark_dirty (self, table);
}

gboolean
pl_store_exec (PlStore     *self,
               const char  *sql,
               GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  return exec_sql (self->db, sql, error);
}

static sqlite3_stmt *
cached_statement (PlStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, _("Cannot prepare a query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Turns a refusal by SQLite into a sentence for the person who caused it. */
typedef struct
{
  const char *constraint;
  const char *message;
} ConstraintMessage;

static const ConstraintMessage constraint_messages[] = {
  { "partner_withdrawal", N_("A withdrawn partner needs the date it withdrew.") },
  { "placement_cancel_reason", N_("A cancelled placement needs a reason.") },
  { "placement_window_end", N_("The window cannot end before it starts.") },
  { "contact_follow_up", N_("The follow-up date cannot be before the contact.") },
  { "document_expiry", N_("The expiry date cannot be before the issue date.") },
  { "period_end_date", N_("A period cannot end before it starts.") },
  { "period_owner", N_("The period’s owner does not match its kind of owner.") },
  { "survey_questions", N_("A response answers a question of the other kind of survey.") },
};

static gboolean
set_write_error (PlStore    *self,
                 PlRecord   *record,
                 GError    **error)
{
  int code = sqlite3_extended_errcode (self->db);
  const char *message = sqlite3_errmsg (self->db);
  const char *label = record ? _(pl_record_class_get_label (PL_RECORD_GET_CLASS (record))) : "";

  switch (code)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      if (record != NULL && pl_record_class_find_column (PL_RECORD_GET_CLASS (record), "name"))
        g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                     _("%s “%s” already exists; names must be unique."),
                     label, pl_record_get_string (record, "name"));
      else
        g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                     _("This %s already exists."), label);
      return FALSE;

    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s refers to a record that does not exist."), label);
      return FALSE;

    case SQLITE_CONSTRAINT_NOTNULL:
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s is missing a required field (%s)."), label, message);
      return FALSE;

    case SQLITE_CONSTRAINT_CHECK:
      for (guint i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
        if (strstr (message, constraint_messages[i].constraint) != NULL)
          {
            g_set_error_literal (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                                 _(constraint_messages[i].message));
            return FALSE;
          }
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s breaks a rule of the data (%s)."), label, message);
      return FALSE;

    default:
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Cannot save the %s: %s"), label, message);
      return FALSE;
    }
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            const GValue *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else if (G_VALUE_HOLDS_STRING (value))
    sqlite3_bind_text (stmt, index, g_value_get_string (value), -1, SQLITE_TRANSIENT);
  else if (G_VALUE_HOLDS_INT64 (value))
    sqlite3_bind_int64 (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else
    sqlite3_bind_null (stmt, index);
}

static void
load_row (PlRecord     *record,
          sqlite3_stmt *stmt)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);

  pl_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  pl_record_load_stamps (record,
                         (const char *) sqlite3_column_text (stmt, 1),
                         (const char *) sqlite3_column_text (stmt, 2));

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const PlColumn *column = &klass->columns[i];
      int col = (int) i + 3;
      g_auto(GValue) value = G_VALUE_INIT;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        {
          pl_record_load_value (record, i, NULL);
          continue;
        }

      switch (column->type)
        {
        case PL_COLUMN_INT:
        case PL_COLUMN_REF:
        case PL_COLUMN_WEEKDAYS:
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, sqlite3_column_int64 (stmt, col));
          break;
        case PL_COLUMN_BOOL:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, sqlite3_column_int (stmt, col) != 0);
          break;
        default:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, (const char *) sqlite3_column_text (stmt, col));
          break;
        }
      pl_record_load_value (record, i, &value);
    }
}

static char *
select_sql (PlRecordClass *klass,
            const char    *where)
{
  GString *sql = g_string_new ("SELECT t.id, t.created_at, t.updated_at");

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const PlColumn *column = &klass->columns[i];

      if (column->flags & PL_COLUMN_DERIVED)
        g_string_append_printf (sql, ", %s", column->expr);
      else
        g_string_append_printf (sql, ", t.%s", column->name);
    }

  g_string_append_printf (sql, " FROM %s AS t WHERE %s", klass->table, where);
  return g_string_free (sql, FALSE);
}

gboolean
pl_store_insert (PlStore   *self,
                 PlRecord  *record,
                 GError   **error)
{
  PlRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  sqlite3_stmt *stmt;
  int n = 0;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (pl_record_get_id (record) == 0, FALSE);

  if (!pl_record_validate (record, error))
    return FALSE;

  klass = PL_RECORD_GET_CLASS (record);
  sql = g_string_new (NULL);
  values = g_string_new (NULL);
  g_string_append_printf (sql, "INSERT INTO %s (", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      const PlColumn *column = &klass->columns[i];

      /* Columns left empty take the schema's defaults. */
      if ((column->flags & PL_COLUMN_DERIVED) || pl_record_peek_value (record, i) == NULL)
        continue;
      g_string_append_printf (sql, "%s%s", n ? ", " : "", column->name);
      g_string_append_printf (values, "%s?", n ? ", " : "");
      n++;
    }

  if (n == 0)
    g_string_printf (sql, "INSERT INTO %s DEFAULT VALUES RETURNING id", klass->table);
  else
    g_string_append_printf (sql, ") VALUES (%s) RETURNING id", values->str);

  stmt = cached_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  n = 0;
  for (guint i = 0; i < klass->n_columns; i++)
    {
      const GValue *value = pl_record_peek_value (record, i);

      if ((klass->columns[i].flags & PL_COLUMN_DERIVED) || value == NULL)
        continue;
      bind_value (stmt, ++n, value);
    }

  if (!pl_store_begin (self, error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      set_write_error (self, record, error);
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      return FALSE;
    }

  pl_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  mark_dirty (self, klass->table);

  if (!pl_store_commit (self, error))
    {
      pl_record_set_id (record, 0);
      return FALSE;
    }

  /* Read back defaults, time stamps and derived columns. */
  {
    g_autoptr(PlRecord) fresh = pl_store_get (self, G_OBJECT_TYPE (record),
                                              pl_record_get_id (record), NULL);

    if (fresh != NULL)
      {
        for (guint i = 0; i < klass->n_columns; i++)
          pl_record_load_value (record, i, pl_record_peek_value (fresh, i));
        pl_record_load_stamps (record, pl_record_get_created_at (fresh),
                               pl_record_get_updated_at (fresh));
      }
  }

  return TRUE;
}

gboolean
pl_store_update (PlStore   *self,
                 PlRecord  *record,
                 GError   **error)
{
  PlRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int n = 0;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (PL_IS_RECORD (record), FALSE);
  g_return_val_if_fail (pl_record_get_id (record) > 0, FALSE);

  if (!pl_record_validate (record, error))
    return FALSE;

  klass = PL_RECORD_GET_CLASS (record);
  sql = g_string_new (NULL);
  g_string_append_printf (sql, "UPDATE %s SET ", klass->table);
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (klass->columns[i].flags & PL_COLUMN_DERIVED)
        continue;
      g_string_append_printf (sql, "%s%s = ?", n++ ? ", " : "", klass->columns[i].name);
    }
  g_string_append (sql, " WHERE id = ?");

  stmt = cached_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  n = 0;
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (klass->columns[i].flags & PL_COLUMN_DERIVED)
        continue;
      bind_value (stmt, ++n, pl_record_peek_value (record, i));
    }
  sqlite3_bind_int64 (stmt, ++n, pl_record_get_id (record));

  if (!pl_store_begin (self, error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, record, error);
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("This %s no longer exists."), _(klass->label));
      return FALSE;
    }

  sqlite3_reset (stmt);
  mark_dirty (self, klass->table);
  return pl_store_commit (self, error);
}

/* Rows elsewhere that would stop @id of @table being deleted, in words
 * ("3 placements, 1 staff member"); NULL when there are none. */
static char *
describe_dependents (PlStore    *self,
                     const char *table,
                     gint64      id)
{
  g_autoptr(sqlite3_stmt) fks = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT m.name, f.\"from\" FROM sqlite_schema AS m, "
                          "pragma_foreign_key_list(m.name) AS f "
                          "WHERE m.type = 'table' AND f.\"table\" = ?1 "
                          "AND f.on_delete IN ('RESTRICT', 'NO ACTION') ORDER BY m.name",
                          -1, &fks, NULL) != SQLITE_OK)
    return NULL;

  sqlite3_bind_text (fks, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (fks) == SQLITE_ROW)
    {
      const char *child = (const char *) sqlite3_column_text (fks, 0);
      const char *column = (const char *) sqlite3_column_text (fks, 1);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1",
                                              child, column);
      g_autoptr(sqlite3_stmt) count = NULL;
      gint64 n;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &count, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_int64 (count, 1, id);
      if (sqlite3_step (count) != SQLITE_ROW || (n = sqlite3_column_int64 (count, 0)) == 0)
        continue;

      if (text->len > 0)
        g_string_append (text, ", ");

      if (g_str_equal (child, "placement"))
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " placement",
                                                   "%" G_GINT64_FORMAT " placements", n), n);
      else if (g_str_equal (child, "staff"))
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " staff member",
                                                   "%" G_GINT64_FORMAT " staff members", n), n);
      else if (g_str_equal (child, "employer"))
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%" G_GINT64_FORMAT " employer",
                                                   "%" G_GINT64_FORMAT " employers", n), n);
      else
        g_string_append_printf (text, "%" G_GINT64_FORMAT " × %s", n, child);
    }

  return text->len > 0 ? g_strdup (text->str) : NULL;
}

gboolean
pl_store_delete (PlStore   *self,
                 GType      type,
                 gint64     id,
                 GError   **error)
{
  PlRecordClass *klass;
  g_autofree char *sql = NULL;
  g_autofree char *dependents = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), FALSE);

  klass = g_type_class_ref (type);
  g_type_class_unref (klass);

  dependents = describe_dependents (self, klass->table, id);
  if (dependents != NULL)
    {
      /* The label is a heading ("Staff member"); inside a sentence it
       * starts in lower case. */
      g_autofree char *what = g_utf8_strdown (_(klass->label), -1);

      g_set_error (error, PL_ERROR, PL_ERROR_IN_USE,
                   _("This %s cannot be deleted because other records depend on it: %s."),
                   what, dependents);
      return FALSE;
    }

  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", klass->table);
  stmt = cached_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!pl_store_begin (self, error))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, NULL, error);
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      return FALSE;
    }

  if (sqlite3_changes (self->db) == 0)
    {
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("This %s no longer exists."), _(klass->label));
      return FALSE;
    }

  sqlite3_reset (stmt);
  mark_dirty (self, klass->table);
  return pl_store_commit (self, error);
}

static PlRecord *
get_where (PlStore     *self,
           GType        type,
           const char  *where,
           gint64       id,
           const char  *text,
           GError     **error)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *sql = select_sql (klass, where);
  g_autoptr(PlRecord) record = NULL;
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);

  stmt = cached_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      record = pl_record_new (type);
      load_row (record, stmt);
      sqlite3_reset (stmt);
      return g_steal_pointer (&record);

    case SQLITE_DONE:
      sqlite3_reset (stmt);
      if (text != NULL)
        g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("There is no %s called “%s”."), _(klass->label), text);
      else
        g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("There is no %s number %" G_GINT64_FORMAT "."), _(klass->label), id);
      return NULL;

    default:
      set_sqlite_error (error, self->db, _("Cannot read the database"));
      sqlite3_reset (stmt);
      return NULL;
    }
}

/**
 * pl_store_get:
 *
 * Returns: (transfer full): the record, or %NULL with %PL_ERROR_NOT_FOUND.
 */
PlRecord *
pl_store_get (PlStore  *self,
              GType     type,
              gint64    id,
              GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return get_where (self, type, "t.id = ?1", id, NULL, error);
}

/**
 * pl_store_get_many:
 * @ids: (array length=n_ids): the records to read
 *
 * Reads many records in one query, which is much cheaper than one
 * pl_store_get() each when a list fills thousands of rows. Ids of rows that
 * no longer exist are left out.
 *
 * Returns: (transfer full) (element-type PlRecord): the records, in no
 *   particular order
 */
GPtrArray *
pl_store_get_many (PlStore      *self,
                   GType         type,
                   const gint64 *ids,
                   guint         n_ids)
{
  GPtrArray *records = g_ptr_array_new_with_free_func (g_object_unref);
  PlRecordClass *klass;
  g_autoptr(GString) where = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), records);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), records);

  if (n_ids == 0)
    return records;

  /* The ids are numbers, so writing them into the statement is safe; the
   * statement is not cached, as each list of ids is different. */
  where = g_string_new ("t.id IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (where, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (where, ')');

  klass = g_type_class_ref (type);
  sql = select_sql (klass, where->str);
  g_type_class_unref (klass);

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Cannot read %s records: %s", klass->table, sqlite3_errmsg (self->db));
      return records;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      PlRecord *record = pl_record_new (type);

      load_row (record, stmt);
      g_ptr_array_add (records, record);
    }

  return records;
}

/**
 * pl_store_find_by_name:
 *
 * Looks a record up by its name, ignoring case.
 *
 * Returns: (transfer full): the record, or %NULL with %PL_ERROR_NOT_FOUND.
 */
PlRecord *
pl_store_find_by_name (PlStore     *self,
                       GType        type,
                       const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return get_where (self, type,
                    "t.name = ?1 COLLATE NOCASE ORDER BY t.id LIMIT 1", 0, name, error);
}

gint64
pl_store_count (PlStore *self,
                GType    type)
{
  PlRecordClass *klass = g_type_class_ref (type);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", klass->table);

  g_type_class_unref (klass);
  return query_int (self->db, sql, 0);
}

/**
 * pl_store_list:
 *
 * Returns: (transfer full): a #GListModel of every record of @type.
 */
GListModel *
pl_store_list (PlStore *self,
               GType    type)
{
  return G_LIST_MODEL (pl_record_list_new (self, type, NULL, 0));
}

/**
 * pl_store_list_where:
 *
 * Returns: (transfer full): a #GListModel of the records whose @column is @value.
 */
GListModel *
pl_store_list_where (PlStore    *self,
                     GType       type,
                     const char *column,
                     gint64      value)
{
  return G_LIST_MODEL (pl_record_list_new (self, type, column, value));
}

GStrv
pl_store_get_days (PlStore *self,
                   gint64   placement_id)
{
  g_autoptr(GStrvBuilder) days = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  stmt = cached_statement (self,
                           "SELECT day FROM placement_day WHERE placement_id = ? ORDER BY day",
                           NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, placement_id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_strv_builder_add (days, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  return g_strv_builder_end (days);
}

gboolean
pl_store_set_days (PlStore            *self,
                   gint64              placement_id,
                   const char * const *days,
                   GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    if (!pl_date_is_iso (days[i]))
      {
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                     _("“%s” is not a date (YYYY-MM-DD)."), days[i]);
        return FALSE;
      }

  if (!pl_store_begin (self, error))
    return FALSE;

  stmt = cached_statement (self, "DELETE FROM placement_day WHERE placement_id = ?", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, placement_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed_sql;
  sqlite3_reset (stmt);

  stmt = cached_statement (self, "INSERT OR IGNORE INTO placement_day (placement_id, day) VALUES (?, ?)",
                           error);
  if (stmt == NULL)
    goto failed;

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, placement_id);
      sqlite3_bind_text (stmt, 2, days[i], -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed_sql;
    }
  sqlite3_reset (stmt);

  mark_dirty (self, "placement");
  return pl_store_commit (self, error);

failed_sql:
  set_write_error (self, NULL, error);
  sqlite3_reset (stmt);
failed:
  pl_store_rollback (self);
  return FALSE;
}

/**
 * pl_store_get_setting:
 *
 * Returns: (transfer full) (nullable): the value of a network-wide setting.
 */
char *
pl_store_get_setting (PlStore    *self,
                      const char *key)
{
  sqlite3_stmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  stmt = cached_statement (self, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

gint64
pl_store_get_setting_int (PlStore    *self,
                          const char *key,
                          gint64      fallback)
{
  g_autofree char *value = pl_store_get_setting (self, key);
  gint64 number;

  if (value == NULL || !g_ascii_string_to_signed (value, 10, G_MININT64, G_MAXINT64, &number, NULL))
    return fallback;
  return number;
}

gboolean
pl_store_set_setting (PlStore     *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  stmt = cached_statement (self,
                           "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                           "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  if (!pl_store_begin (self, error))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      set_write_error (self, NULL, error);
      sqlite3_reset (stmt);
      pl_store_rollback (self);
      return FALSE;
    }
  sqlite3_reset (stmt);
  mark_dirty (self, "settings");
  return pl_store_commit (self, error);
}

static void
collect_rows (sqlite3    *db,
              const char *sql,
              GPtrArray  *report,
              const char *prefix)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_ptr_array_add (report, g_strdup_printf ("%s%s", prefix, sqlite3_errmsg (db)));
      return;
    }

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(GString) line = g_string_new (prefix);

      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (line, "%s%s", i ? " " : "", text ? text : "-");
        }

      if (g_str_equal (line->str + strlen (prefix), "ok"))
        continue;
      g_ptr_array_add (report, g_string_free (g_steal_pointer (&line), FALSE));
    }
}

/**
 * pl_store_check:
 * @report: (element-type utf8): receives one line per problem found
 *
 * Returns: %TRUE when the file is sound and the data keeps its rules.
 */
gboolean
pl_store_check (PlStore   *self,
                GPtrArray *report)
{
  guint before;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  before = report->len;

  collect_rows (self->db, "PRAGMA integrity_check", report, _("integrity: "));
  collect_rows (self->db, "PRAGMA foreign_key_check", report, _("missing reference: "));
  collect_rows (self->db,
                "SELECT 'placement ' || id || ' is ' || status || ' but has no employer' "
                "FROM placement WHERE employer_id IS NULL "
                "AND status NOT IN ('request', 'cancelled')",
                report, _("rule: "));
  collect_rows (self->db,
                "SELECT 'placement ' || p.id || ' is ' || p.status || ' but has no days' "
                "FROM placement AS p WHERE p.status NOT IN ('request', 'cancelled') "
                "AND NOT EXISTS (SELECT 1 FROM placement_day WHERE placement_id = p.id)",
                report, _("rule: "));
  collect_rows (self->db,
                "SELECT 'placement ' || p.id || ' is with an employer of another sector' "
                "FROM placement AS p JOIN employer AS e ON e.id = p.employer_id "
                "WHERE e.sector_id <> p.sector_id",
                report, _("rule: "));

  if (self->schema_version != PL_SCHEMA_VERSION)
    g_ptr_array_add (report, g_strdup_printf (_("version: data format %d, expected %d"),
                                              self->schema_version, PL_SCHEMA_VERSION));

  return report->len == before;
}

/**
 * pl_store_backup:
 *
 * Writes a consistent copy of the database to @dest (mode 0600), even while
 * it is in use; the copy appears whole or not at all.
 */
gboolean
pl_store_backup (PlStore     *self,
                 const char  *dest,
                 GError     **error)
{
  g_autoptr(GFile) a = NULL;
  g_autoptr(GFile) b = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  a = g_file_new_for_path (self->path);
  b = g_file_new_for_path (dest);
  if (g_file_equal (a, b))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("The backup cannot overwrite the database itself."));
      return FALSE;
    }

  return backup_to (self->db, dest, error);
}

gboolean
pl_store_clear (PlStore  *self,
                GError  **error)
{
  static const char *tables[] = {
    "survey_response", "observation", "cascade", "milestone", "placement_event",
    "placement_term", "placement_day", "placement", "calendar_period", "employer_document",
    "contact", "group_outcome", "group_meeting", "group_member", "exchange_group",
    "employer", "staff", "partner",
  };

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (!pl_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DELETE FROM %s", tables[i]);

      if (!exec_sql (self->db, sql, error))
        {
          pl_store_rollback (self);
          return FALSE;
        }
      mark_dirty (self, tables[i]);
    }

  return pl_store_commit (self, error);
}
