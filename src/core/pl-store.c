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
#include "pl-db-private.h"
#include "pl-record-list.h"
#include "pl-store-private.h"

/* "PLAC" in ASCII: marks a file as ours, so that another program's
 * SQLite database is refused rather than altered. */
#define PL_APPLICATION_ID 0x504c4143

/* Above this many rows of one table in one transaction, listeners are
 * told "many rows" rather than each id. */
#define MAX_IDS_PER_CHANGE 512

struct _PlStore
{
  GObject     parent_instance;

  char       *path;
  char       *migration_backup;
  PlDb       *db;
  int         schema_version;

  guint       depth;          /* nesting of pl_store_begin() */
  GHashTable *pending;        /* table → GHashTable of ids (NULL: many) */

  PlStore    *worker;         /* the jobs' connection (pl-store-job.c), once opened */

  gboolean    recording;      /* every committed transaction becomes a ::step */
  guint       replaying;      /* inside pl_store_apply_changes(): not a step */
  char       *step_label;     /* for the next step, or NULL */

  guint       follow_id;      /* pl_store_follow_others(): the poll */
  gboolean    unreachable;    /* the server did not answer the last poll */
  gint64      next_attempt;   /* monotonic µs of the next reconnection */
};

G_DEFINE_FINAL_TYPE (PlStore, pl_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  STEP,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_REACHABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

extern GResource *pl_core_get_resource (void);

static void
pl_store_finalize (GObject *object)
{
  PlStore *self = PL_STORE (object);

  g_clear_handle_id (&self->follow_id, g_source_remove);
  g_clear_object (&self->worker);
  g_clear_pointer (&self->step_label, g_free);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_clear_pointer (&self->db, pl_db_close);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->migration_backup, g_free);

  G_OBJECT_CLASS (pl_store_parent_class)->finalize (object);
}

static void
pl_store_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PlStore *self = PL_STORE (object);

  switch (prop_id)
    {
    case PROP_REACHABLE:
      g_value_set_boolean (value, !self->unreachable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_store_class_init (PlStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_store_finalize;
  object_class->get_property = pl_store_get_property;

  /**
   * PlStore:reachable:
   *
   * Whether the database answers: always for a file; for a server, as
   * found by the poll of pl_store_follow_others().
   */
  properties[PROP_REACHABLE] =
    g_param_spec_boolean ("reachable", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlStore::changed:
   * @table: the table that changed
   * @ids: (nullable) (element-type gint64): the rows written, inserted or
   *   deleted, or %NULL when there were many
   *
   * Emitted once a write has been committed, for each table it wrote, in
   * this process or (through the job helper) its worker. The detail is
   * the table's name, so that "changed::placement" hears of placements
   * only.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ARRAY);

  /**
   * PlStore::step:
   * @changes: what the transaction changed, to undo or redo it with
   *   pl_store_apply_changes()
   * @label: (nullable): what the writer called it (pl_store_set_step_label())
   *
   * Emitted after ::changed for each transaction committed while the store
   * records (pl_store_set_recording()) that changed anything; PlHistory
   * keeps them.
   */
  signals[STEP] =
    g_signal_new ("step",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_BYTES, G_TYPE_STRING);
}

static void
free_id_set (gpointer set)
{
  if (set != NULL)
    g_hash_table_unref (set);
}

static void
pl_store_init (PlStore *self)
{
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_id_set);
}

/* Tables of the model that listeners may hear of; the search index's own
 * tables are an implementation detail. */
static gboolean
is_model_table (const char *table)
{
  return !g_str_has_prefix (table, "search") && !g_str_has_prefix (table, "sqlite_");
}

static void
note_change (PlStore    *self,
             const char *table,
             gint64      id)
{
  GHashTable *ids;
  gpointer set;

  if (!g_hash_table_lookup_extended (self->pending, table, NULL, &set))
    {
      set = id > 0 ? g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL) : NULL;
      g_hash_table_insert (self->pending, g_strdup (table), set);
    }

  ids = set;
  if (ids == NULL)
    return;

  if (id <= 0 || g_hash_table_size (ids) >= MAX_IDS_PER_CHANGE)
    {
      g_hash_table_insert (self->pending, g_strdup (table), NULL);
      return;
    }

  if (!g_hash_table_contains (ids, &id))
    g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
}

static void
on_row_changed (PlDbChange  change,
                const char *table,
                gint64      id,
                gpointer    user_data)
{
  if (is_model_table (table))
    note_change (user_data, table, id);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* Tells listeners about the writes that have become permanent. */
static void
emit_pending (PlStore *self)
{
  g_autoptr(GHashTable) pending = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (self->depth > 0 || g_hash_table_size (self->pending) == 0)
    return;

  /* A handler may write, which fills a new set. */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_id_set);

  g_hash_table_iter_init (&iter, pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_autoptr(GArray) ids = NULL;

      if (value != NULL)
        {
          GHashTableIter id_iter;
          gpointer id;

          ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (value));
          g_hash_table_iter_init (&id_iter, value);
          while (g_hash_table_iter_next (&id_iter, &id, NULL))
            g_array_append_vals (ids, id, 1);
          g_array_sort (ids, compare_ids);
        }

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key, ids);
    }
}

static void
on_settled (gpointer db,
            gpointer user_data)
{
  emit_pending (user_data);
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

/* The schema's steps, for a file (SQLite) or for a server (PostgreSQL:
 * schema/pg/, the same tables in its own dialect). */
static const PlMigration *
default_migrations (gboolean  server,
                    guint    *n_migrations)
{
  static PlMigration migrations[2][PL_SCHEMA_VERSION];
  static gsize initialised[2];
  int engine = server ? 1 : 0;

  if (g_once_init_enter (&initialised[engine]))
    {
      for (int v = 1; v <= PL_SCHEMA_VERSION; v++)
        {
          g_autofree char *name =
            g_strdup_printf ("/org/placements/Placements/schema/%sv%d.sql",
                             engine ? "pg/" : "", v);
          g_autoptr(GBytes) sql = g_resource_lookup_data (pl_core_get_resource (), name, 0, NULL);

          /* The resources are compiled in and live as long as the program. */
          g_assert (sql != NULL);
          migrations[engine][v - 1].version = v;
          migrations[engine][v - 1].sql = g_strndup (g_bytes_get_data (sql, NULL),
                                                     g_bytes_get_size (sql));
        }
      g_once_init_leave (&initialised[engine], 1);
    }

  *n_migrations = PL_SCHEMA_VERSION;
  return migrations[engine];
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

  self->schema_version = pl_db_get_version (self->db);
  if (self->schema_version < 0)
    {
      g_autoptr(GError) why = NULL;

      /* Read the first page again only to say why. */
      if (pl_db_get_engine (self->db) == PL_DB_ENGINE_SQLITE)
        pl_db_exec (self->db, "SELECT count(*) FROM sqlite_schema", &why);
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("“%s” is not a Placements database: %s"),
                   self->path, why ? why->message : _("it cannot be read"));
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
    guint32 app_id = pl_db_get_application_id (self->db);

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
   * anything, so that a failed or unwanted migration can be undone by hand.
   * (A server's data set is the server's to back up; each step is one
   * transaction there too.) */
  tables = pl_db_count_tables (self->db);
  if (tables > 0 && pl_db_get_engine (self->db) == PL_DB_ENGINE_SQLITE)
    {
      g_autofree char *copy = g_strdup_printf ("%s.v%d.bak", self->path, self->schema_version);

      if (!pl_db_backup (self->db, copy, error))
        return pl_store_translate_error (error, NULL);
      g_free (self->migration_backup);
      self->migration_backup = g_steal_pointer (&copy);
    }

  for (guint i = 0; i < n_migrations; i++)
    {
      const PlMigration *step = &migrations[i];

      if (step->version <= self->schema_version)
        continue;

      if (!pl_db_begin (self->db, error))
        return pl_store_translate_error (error, NULL);

      if (!pl_db_exec (self->db, step->sql, error) ||
          !pl_db_set_version (self->db, step->version, PL_APPLICATION_ID, error))
        {
          pl_db_rollback (self->db);
          pl_store_translate_error (error, NULL);
          g_prefix_error (error, _("Cannot bring “%s” up to data format %d: "),
                          self->path, step->version);
          return FALSE;
        }

      if (!pl_db_commit (self->db, error))
        {
          pl_db_rollback (self->db);
          return pl_store_translate_error (error, NULL);
        }

      self->schema_version = step->version;
    }

  return TRUE;
}

/* A connection that could not be made: no write was attempted, so the
 * message says so rather than "nothing was saved". */
static void
translate_open_error (GError **error)
{
  if (error == NULL || *error == NULL || (*error)->domain != PL_DB_ERROR)
    return;

  switch ((*error)->code)
    {
    case PL_DB_ERROR_NEEDS_PASSWORD:
      (*error)->domain = PL_ERROR;
      (*error)->code = PL_ERROR_NEEDS_PASSWORD;
      break;
    case PL_DB_ERROR_UNREACHABLE:
      (*error)->domain = PL_ERROR;
      (*error)->code = PL_ERROR_FAILED;
      break;
    default:
      pl_store_translate_error (error, NULL);
      break;
    }
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
static PlStore *
open_store (const char         *path,
            const char         *password,
            gboolean            create,
            const PlMigration  *migrations,
            guint               n_migrations,
            GError            **error)
{
  g_autoptr(PlStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!pl_db_is_uri (path) && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("There is no database at “%s”."),
                       path);
          return NULL;
        }
      if (!ensure_folder (path, error))
        return NULL;
    }

  self = g_object_new (PL_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  self->db = pl_db_open_with_password (path, password, create, error);
  if (self->db == NULL)
    {
      translate_open_error (error);
      return NULL;
    }

  /* A server's data set "exists" once it has a schema: only init makes
   * one, as only init makes a file. */
  if (!create && pl_db_is_uri (path) && pl_db_get_version (self->db) == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no Placements data set at “%s”."), path);
      return NULL;
    }

  /* Nothing may write to the file before its version has been checked:
   * a newer database must be left exactly as it was. */
  if (!run_migrations (self, migrations, n_migrations, error))
    return NULL;

  if (!pl_db_configure (self->db, error))
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  pl_db_set_change_func (self->db, on_row_changed, on_settled, self);

  /* The VFS keeps the file and its -shm private; the WAL takes the file's
   * mode when SQLite creates it, and one left by an older version is
   * tightened here (by name: no descriptor of it is opened). */
  if (pl_db_get_engine (self->db) == PL_DB_ENGINE_SQLITE)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);

      g_chmod (wal, 0600);
    }

  return g_steal_pointer (&self);
}

PlStore *
pl_store_open_with_migrations (const char         *path,
                               const PlMigration  *migrations,
                               guint               n_migrations,
                               GError            **error)
{
  return open_store (path, NULL, TRUE, migrations, n_migrations, error);
}

/**
 * pl_store_open:
 *
 * Opens the database at @path, creating it (and its folder) when absent.
 *
 * Returns: (transfer full): the store at @path with the current schema.
 */
PlStore *
pl_store_open (const char  *path,
               GError     **error)
{
  const PlMigration *migrations;
  guint n_migrations;

  migrations = default_migrations (pl_db_is_uri (path), &n_migrations);
  return open_store (path, NULL, TRUE, migrations, n_migrations, error);
}

/**
 * pl_store_open_existing:
 *
 * Like pl_store_open(), but a missing file is %PL_ERROR_NOT_FOUND and
 * nothing is created on the disk.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlStore *
pl_store_open_existing (const char  *path,
                        GError     **error)
{
  const PlMigration *migrations;
  guint n_migrations;

  migrations = default_migrations (pl_db_is_uri (path), &n_migrations);
  return open_store (path, NULL, FALSE, migrations, n_migrations, error);
}

/**
 * pl_store_open_with_password:
 * @path: a file's path or a server's URI
 * @password: (nullable): the password of the URI's login, or %NULL
 *
 * Like pl_store_open_existing(), with the password for a server that asks
 * for one; a server that asks and gets none is %PL_ERROR_NEEDS_PASSWORD.
 * The password is never part of the store's path nor of any message.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
PlStore *
pl_store_open_with_password (const char  *path,
                             const char  *password,
                             GError     **error)
{
  const PlMigration *migrations;
  guint n_migrations;

  g_return_val_if_fail (path != NULL, NULL);

  migrations = default_migrations (pl_db_is_uri (path), &n_migrations);
  return open_store (path, password, FALSE, migrations, n_migrations, error);
}

/**
 * pl_store_path_is_uri:
 *
 * Returns: whether @path names a server's data set (a libpq URI,
 *   postgresql://…) rather than a file
 */
gboolean
pl_store_path_is_uri (const char *path)
{
  return pl_db_is_uri (path);
}

const char *
pl_store_get_path (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);
  return self->path;
}

/**
 * pl_store_get_db: (skip)
 *
 * The connection, for the modules of src/core.
 */
PlDb *
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

  /* Four probes of one row each, not counts: an empty check on a large
   * file must not read it. */
  return pl_db_query_int (self->db,
                          "SELECT EXISTS (SELECT 1 FROM partner) OR EXISTS (SELECT 1 FROM staff)"
                          " OR EXISTS (SELECT 1 FROM employer) OR EXISTS (SELECT 1 FROM placement)",
                          0) == 0;
}

gboolean
pl_store_begin (PlStore  *self,
                GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (self->depth == 0)
    {
      if (!pl_db_begin (self->db, error))
        return pl_store_translate_error (error, NULL);
      if (self->recording && self->replaying == 0 && !pl_db_record_start (self->db, error))
        {
          pl_db_rollback (self->db);
          return pl_store_translate_error (error, NULL);
        }
    }

  self->depth++;
  return TRUE;
}

gboolean
pl_store_commit (PlStore  *self,
                 GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (--self->depth > 0)
    return TRUE;

  {
    g_autoptr(GBytes) changes = NULL;
    g_autofree char *label = g_steal_pointer (&self->step_label);

    /* What the transaction changed is taken before COMMIT, which ends the
     * recording's view of it. */
    changes = pl_db_record_take (self->db);

    if (!pl_db_commit (self->db, error))
      {
        pl_store_rollback (self);
        return pl_store_translate_error (error, NULL);
      }

    /* The connection has told on_settled() already; a commit of a
     * transaction that wrote nothing leaves nothing pending. */
    emit_pending (self);

    if (changes != NULL)
      g_signal_emit (self, signals[STEP], 0, changes, label);
  }

  return TRUE;
}

void
pl_store_rollback (PlStore *self)
{
  g_return_if_fail (PL_IS_STORE (self));

  /* A failure anywhere inside a transaction abandons all of it. */
  g_clear_pointer (&self->step_label, g_free);
  g_bytes_unref (pl_db_record_take (self->db));
  pl_db_rollback (self->db);
  self->depth = 0;
  g_hash_table_remove_all (self->pending);
}

/**
 * pl_store_set_recording:
 *
 * While @recording, every transaction the store commits that changed
 * anything is also told as a ::step, with what it changed, so that it can
 * be undone (PlHistory does so). The CLI does not record.
 */
void
pl_store_set_recording (PlStore  *self,
                        gboolean  recording)
{
  g_return_if_fail (PL_IS_STORE (self));

  self->recording = recording;
  if (self->worker != NULL)
    pl_store_set_recording (self->worker, recording);
}

gboolean
pl_store_get_recording (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  return self->recording;
}

/**
 * pl_store_set_step_label:
 * @label: (nullable): what people will read in "Undo …"
 *
 * Names the step that the next committed transaction makes; the name is
 * dropped with the transaction if it rolls back.
 */
void
pl_store_set_step_label (PlStore    *self,
                         const char *label)
{
  g_return_if_fail (PL_IS_STORE (self));

  g_free (self->step_label);
  self->step_label = g_strdup (label);
}

/* Tables whose rows the connection does not report one by one (WITHOUT
 * ROWID): their changes are the placement's. */
static void
note_unreported (PlStore *self,
                 GBytes  *changes)
{
  g_autoptr(GArray) summary = pl_db_changes_summary (changes);

  for (guint i = 0; i < summary->len; i++)
    {
      const char *table = g_array_index (summary, PlDbTableChanges, i).table;

      if (g_str_equal (table, "placement_day") || g_str_equal (table, "placement_term"))
        note_change (self, "placement", 0);
    }
}

/**
 * pl_store_apply_changes:
 * @changes: a step's changes (PlStore::step)
 * @invert: %TRUE to undo them, %FALSE to make them again
 *
 * Undoes or redoes a step in one transaction of its own, which is not a
 * step itself. Refused with %PL_ERROR_CONSTRAINT, and nothing changed,
 * when a row it would touch has changed since (another program wrote it).
 */
gboolean
pl_store_apply_changes (PlStore   *self,
                        GBytes    *changes,
                        gboolean   invert,
                        GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);
  g_return_val_if_fail (changes != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  self->replaying++;
  ok = pl_store_begin (self, error);
  if (ok && !pl_db_apply_changes (self->db, changes, invert, error))
    {
      pl_store_rollback (self);
      ok = pl_store_translate_error (error, NULL);
    }
  if (ok)
    {
      note_unreported (self, changes);
      ok = pl_store_commit (self, error);
    }
  self->replaying--;

  return ok;
}

/**
 * pl_store_rollback_open: (skip)
 *
 * Abandons a transaction left open (by a job that failed half-way).
 */
void
pl_store_rollback_open (PlStore *self)
{
  g_return_if_fail (PL_IS_STORE (self));

  if (self->depth > 0 || pl_db_in_transaction (self->db))
    pl_store_rollback (self);
}

/**
 * pl_store_emit_change: (skip)
 *
 * Tells listeners of a change committed through another connection of
 * this process (a job's).
 */
void
pl_store_emit_change (PlStore    *self,
                      const char *table,
                      GArray     *ids)
{
  g_return_if_fail (PL_IS_STORE (self));

  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, ids);
}

/**
 * pl_store_emit_step: (skip)
 *
 * Tells of a step committed through another connection of this process
 * (a job's), as if it had been committed here.
 */
void
pl_store_emit_step (PlStore    *self,
                    GBytes     *changes,
                    const char *label)
{
  g_return_if_fail (PL_IS_STORE (self));

  g_signal_emit (self, signals[STEP], 0, changes, label);
}

/**
 * pl_store_get_worker: (skip)
 *
 * The second connection on which jobs run, opened the first time; the
 * caller holds the jobs' lock (pl-store-job.c).
 *
 * Returns: (transfer none): the worker store, or %NULL with @error set
 */
PlStore *
pl_store_get_worker (PlStore  *self,
                     GError  **error)
{
  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  if (self->worker == NULL)
    {
      self->worker = pl_store_open (self->path, error);
      if (self->worker != NULL)
        self->worker->recording = self->recording;
    }
  return self->worker;
}

/**
 * pl_store_note_change: (skip)
 *
 * Tells listeners, with the rest of the transaction's changes, that row
 * @id of @table changed although no row of it was written (a placement
 * whose days changed, say).
 */
void
pl_store_note_change (PlStore    *self,
                      const char *table,
                      gint64      id)
{
  g_return_if_fail (PL_IS_STORE (self));

  note_change (self, table, id);
  emit_pending (self);
}

/* Turns a refusal by the database into a sentence for the person who
 * caused it. */
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

/**
 * pl_store_translate_error: (skip)
 * @record: (nullable): the record being written, for its kind and name
 *
 * Replaces an error of the connection in @error by one of %PL_ERROR whose
 * message a coordinator understands; other errors are left as they are.
 *
 * Returns: %FALSE, so that it can end a failing function
 */
gboolean
pl_store_translate_error (GError   **error,
                          PlRecord  *record)
{
  g_autoptr(GError) original = NULL;
  const char *label;
  const char *message;

  if (error == NULL || *error == NULL || (*error)->domain != PL_DB_ERROR)
    return FALSE;

  original = g_steal_pointer (error);
  message = original->message;
  label = record ? _(pl_record_class_get_label (PL_RECORD_GET_CLASS (record))) : _("record");

  switch ((PlDbError) original->code)
    {
    case PL_DB_ERROR_UNIQUE:
      if (record != NULL && pl_record_class_find_column (PL_RECORD_GET_CLASS (record), "name"))
        g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                     _("%s “%s” already exists; names must be unique."),
                     label, pl_record_get_string (record, "name"));
      else
        g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                     _("This %s already exists."), label);
      break;

    case PL_DB_ERROR_FOREIGN_KEY:
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s refers to a record that does not exist."), label);
      break;

    case PL_DB_ERROR_NOT_NULL:
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s is missing a required field (%s)."), label, message);
      break;

    case PL_DB_ERROR_CHECK:
      for (guint i = 0; i < G_N_ELEMENTS (constraint_messages); i++)
        if (strstr (message, constraint_messages[i].constraint) != NULL)
          {
            g_set_error_literal (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                                 _(constraint_messages[i].message));
            return FALSE;
          }
      g_set_error (error, PL_ERROR, PL_ERROR_CONSTRAINT,
                   _("%s breaks a rule of the data (%s)."), label, message);
      break;

    case PL_DB_ERROR_FULL:
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE,
                   _("The disk is full: nothing was saved. Free some space, then try again."));
      break;

    case PL_DB_ERROR_READ_ONLY:
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE,
                   _("The database cannot be written (it or its folder is read-only): "
                     "nothing was saved."));
      break;

    case PL_DB_ERROR_UNREACHABLE:
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE,
                   _("The shared database cannot be reached: nothing was saved. "
                     "Check the network, then try again (%s)."), message);
      break;

    case PL_DB_ERROR_REFUSED:
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                   _("You may not write this %s: on a shared database a partner’s coordinator "
                     "adds and changes only that partner’s staff, placements and periods, and "
                     "only the lead changes the partners (the server said: %s)."),
                   label, message);
      break;

    case PL_DB_ERROR_MOVED:
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE,
                   _("The database file was moved or removed while open: nothing was saved."));
      break;

    case PL_DB_ERROR_BUSY:
      g_set_error (error, PL_ERROR, PL_ERROR_CANNOT_WRITE,
                   _("Another program is writing to the database: nothing was saved. "
                     "Try again in a moment."));
      break;

    default:
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, "%s", message);
      break;
    }

  return FALSE;
}

static void
bind_value (PlStmt       *stmt,
            int           index,
            const GValue *value)
{
  if (value == NULL)
    pl_stmt_bind_null (stmt, index);
  else if (G_VALUE_HOLDS_STRING (value))
    pl_stmt_bind_text (stmt, index, g_value_get_string (value));
  else if (G_VALUE_HOLDS_INT64 (value))
    pl_stmt_bind_int (stmt, index, g_value_get_int64 (value));
  else if (G_VALUE_HOLDS_BOOLEAN (value))
    pl_stmt_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else
    pl_stmt_bind_null (stmt, index);
}

/**
 * pl_store_load_record: (skip)
 *
 * Fills @record from the current row of @stmt, whose columns are those
 * pl_store_select_sql() lists.
 */
void
pl_store_load_record (PlRecord *record,
                      PlStmt   *stmt)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (record);

  pl_record_set_id (record, pl_stmt_get_int (stmt, 0));
  pl_record_load_stamps (record, pl_stmt_get_text (stmt, 1), pl_stmt_get_text (stmt, 2));

  for (guint i = 0; i < klass->n_columns; i++)
    {
      const PlColumn *column = &klass->columns[i];
      int col = (int) i + 3;
      g_auto(GValue) value = G_VALUE_INIT;

      if (pl_stmt_is_null (stmt, col))
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
          g_value_set_int64 (&value, pl_stmt_get_int (stmt, col));
          break;
        case PL_COLUMN_BOOL:
          g_value_init (&value, G_TYPE_BOOLEAN);
          g_value_set_boolean (&value, pl_stmt_get_int (stmt, col) != 0);
          break;
        default:
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, pl_stmt_get_text (stmt, col));
          break;
        }
      pl_record_load_value (record, i, &value);
    }

  if (pl_stmt_get_n_columns (stmt) > (int) klass->n_columns + 3)
    pl_record_set_revision (record, pl_stmt_get_int (stmt, (int) klass->n_columns + 3));
}

/**
 * pl_store_select_sql: (skip)
 * @where: the condition, over the table's alias "t"
 *
 * Returns: (transfer full): the query of whole records of @klass
 */
char *
pl_store_select_sql (PlStore       *self,
                     PlRecordClass *klass,
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

  /* A server's rows carry a revision, for saves over a newer change. */
  if (pl_db_get_engine (self->db) == PL_DB_ENGINE_POSTGRESQL)
    g_string_append (sql, ", t.revision");

  g_string_append_printf (sql, " FROM %s AS t WHERE %s", klass->table, where);
  return g_string_free (sql, FALSE);
}

/* Runs @stmt, a write, as a transaction of its own or part of the
 * caller's. */
static gboolean
run_write (PlStore   *self,
           PlStmt    *stmt,
           PlRecord  *record,
           GError   **error)
{
  if (!pl_store_begin (self, error))
    return FALSE;

  if (!pl_stmt_run (stmt, error))
    {
      pl_store_rollback (self);
      return pl_store_translate_error (error, record);
    }

  return TRUE;
}

gboolean
pl_store_insert (PlStore   *self,
                 PlRecord  *record,
                 GError   **error)
{
  PlRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(GString) values = NULL;
  g_autoptr(PlStmt) stmt = NULL;
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

  stmt = pl_db_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return pl_store_translate_error (error, record);

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

  if (!pl_stmt_next (stmt, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PL_DB_ERROR, PL_DB_ERROR_FAILED, "no id returned");
      pl_store_rollback (self);
      return pl_store_translate_error (error, record);
    }

  pl_record_set_id (record, pl_stmt_get_int (stmt, 0));
  g_clear_pointer (&stmt, pl_stmt_free);

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
        pl_record_set_revision (record, pl_record_get_revision (fresh));
      }
  }

  return TRUE;
}

/* The revision of row @id now (0: gone, or rows carry none). */
static gint64
read_revision (PlStore       *self,
               PlRecordClass *klass,
               gint64         id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT revision FROM %s WHERE id = ?", klass->table);
  g_autoptr(PlStmt) stmt = pl_db_prepare (self->db, sql, NULL);

  if (stmt == NULL)
    return 0;
  pl_stmt_bind_int (stmt, 1, id);
  return pl_stmt_next (stmt, NULL) ? pl_stmt_get_int (stmt, 0) : 0;
}

/* A save over a change somebody else made since the record was read:
 * says who and when, from the server's audit trail. */
static void
set_conflict (PlStore       *self,
              PlRecordClass *klass,
              gint64         id,
              GError       **error)
{
  g_autoptr(PlStmt) stmt = pl_db_prepare (self->db,
                                          "SELECT role, at FROM audit WHERE tbl = ? AND row_id = ?"
                                          " ORDER BY id DESC LIMIT 1", NULL);
  g_autofree char *who = NULL;
  g_autofree char *when = NULL;

  if (stmt != NULL)
    {
      pl_stmt_bind_text (stmt, 1, klass->table);
      pl_stmt_bind_int (stmt, 2, id);
      if (pl_stmt_next (stmt, NULL))
        {
          g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (pl_stmt_get_text (stmt, 1), NULL);
          g_autoptr(GDateTime) local = at != NULL ? g_date_time_to_local (at) : NULL;

          who = pl_stmt_dup_text (stmt, 0);
          if (local != NULL)
            when = g_date_time_format (local, "%H:%M");
        }
    }

  if (who != NULL && when != NULL)
    g_set_error (error, PL_ERROR, PL_ERROR_CONFLICT,
                 /* Translators: "This staff member was changed by humber at 14:05 …" */
                 _("This %s was changed by %s at %s, after you opened it. "
                   "Nothing was saved: keep their version, or save yours over it."),
                 _(klass->label), who, when);
  else
    g_set_error (error, PL_ERROR, PL_ERROR_CONFLICT,
                 _("This %s was changed by someone else after you opened it. "
                   "Nothing was saved: keep their version, or save yours over it."),
                 _(klass->label));
}

gboolean
pl_store_update (PlStore   *self,
                 PlRecord  *record,
                 GError   **error)
{
  PlRecordClass *klass;
  g_autoptr(GString) sql = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  gint64 revision = pl_record_get_revision (record);
  gint64 new_revision = 0;
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
  if (revision > 0)
    g_string_append (sql, " AND revision = ?");

  stmt = pl_db_prepare (self->db, sql->str, error);
  if (stmt == NULL)
    return pl_store_translate_error (error, record);

  n = 0;
  for (guint i = 0; i < klass->n_columns; i++)
    {
      if (klass->columns[i].flags & PL_COLUMN_DERIVED)
        continue;
      bind_value (stmt, ++n, pl_record_peek_value (record, i));
    }
  pl_stmt_bind_int (stmt, ++n, pl_record_get_id (record));
  if (revision > 0)
    pl_stmt_bind_int (stmt, ++n, revision);

  if (!run_write (self, stmt, record, error))
    return FALSE;

  if (pl_db_get_changes (self->db) == 0)
    {
      gint64 now = read_revision (self, klass, pl_record_get_id (record));

      pl_store_rollback (self);
      if (now > 0)
        set_conflict (self, klass, pl_record_get_id (record), error);
      else
        g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("This %s no longer exists."), _(klass->label));
      return FALSE;
    }

  /* The next save of this record starts from the row as it now is. */
  if (revision > 0)
    new_revision = read_revision (self, klass, pl_record_get_id (record));

  if (!pl_store_commit (self, error))
    return FALSE;

  if (new_revision > 0)
    pl_record_set_revision (record, new_revision);
  return TRUE;
}

/* Rows elsewhere that would stop @id of @table being deleted, in words
 * ("3 placements, 1 staff member"); NULL when there are none. */
static char *
describe_dependents (PlStore    *self,
                     const char *table,
                     gint64      id)
{
  g_auto(GStrv) references = pl_db_list_restricting_references (self->db, table);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; references[i] != NULL && references[i + 1] != NULL; i += 2)
    {
      const char *child = references[i];
      const char *column = references[i + 1];
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?1",
                                              child, column);
      g_autoptr(PlStmt) count = pl_db_prepare (self->db, sql, NULL);
      gint64 n;

      if (count == NULL)
        continue;
      pl_stmt_bind_int (count, 1, id);
      if (!pl_stmt_next (count, NULL) || (n = pl_stmt_get_int (count, 0)) == 0)
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
  g_autoptr(PlStmt) stmt = NULL;

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
  stmt = pl_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return pl_store_translate_error (error, NULL);
  pl_stmt_bind_int (stmt, 1, id);

  if (!run_write (self, stmt, NULL, error))
    return FALSE;

  if (pl_db_get_changes (self->db) == 0)
    {
      pl_store_rollback (self);
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("This %s no longer exists."), _(klass->label));
      return FALSE;
    }

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
  g_autofree char *sql = pl_store_select_sql (self, klass, where);
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_type_class_unref (klass);

  stmt = pl_db_prepare (self->db, sql, error);
  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    pl_stmt_bind_text (stmt, 1, text);
  else
    pl_stmt_bind_int (stmt, 1, id);

  if (pl_stmt_next (stmt, &failure))
    {
      record = pl_record_new (type);
      pl_store_load_record (record, stmt);
      return g_steal_pointer (&record);
    }

  if (failure != NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot read the database: %s"),
                   failure->message);
      return NULL;
    }

  if (text != NULL)
    g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                 _("There is no %s called “%s”."), _(klass->label), text);
  else
    g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                 _("There is no %s number %" G_GINT64_FORMAT "."), _(klass->label), id);
  return NULL;
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
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), records);
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), records);

  if (n_ids == 0)
    return records;

  /* The ids are numbers, so writing them into the statement is safe; the
   * statement is not kept, as each list of ids is different. */
  where = g_string_new ("t.id IN (");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (where, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (where, ')');

  klass = g_type_class_ref (type);
  sql = pl_store_select_sql (self, klass, where->str);
  g_type_class_unref (klass);

  stmt = pl_db_prepare_once (self->db, sql, &error);
  if (stmt == NULL)
    {
      g_critical ("Cannot read %s records: %s", klass->table, error->message);
      return records;
    }

  while (pl_stmt_next (stmt, &error))
    {
      PlRecord *record = pl_record_new (type);

      pl_store_load_record (record, stmt);
      g_ptr_array_add (records, record);
    }
  if (error != NULL)
    g_critical ("Cannot read %s records: %s", klass->table, error->message);

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
  return pl_db_query_int (self->db, sql, 0);
}

gboolean
pl_store_has_any (PlStore *self,
                  GType    type)
{
  PlRecordClass *klass;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  klass = g_type_class_ref (type);
  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", klass->table);
  g_type_class_unref (klass);
  return pl_db_query_int (self->db, sql, 0) != 0;
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
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  stmt = pl_db_prepare (self->db,
                        "SELECT day FROM placement_day WHERE placement_id = ? ORDER BY day",
                        NULL);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, placement_id);
      while (pl_stmt_next (stmt, NULL))
        g_strv_builder_add (days, pl_stmt_get_text (stmt, 0));
    }

  return g_strv_builder_end (days);
}

gboolean
pl_store_set_days (PlStore            *self,
                   gint64              placement_id,
                   const char * const *days,
                   GError            **error)
{
  g_autoptr(PlStmt) remove = NULL;
  g_autoptr(PlStmt) insert = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    if (!pl_date_is_iso (days[i]))
      {
        g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                     _("“%s” is not a date (YYYY-MM-DD)."), days[i]);
        return FALSE;
      }

  if (!(remove = pl_db_prepare (self->db, "DELETE FROM placement_day WHERE placement_id = ?",
                                error)) ||
      !(insert = pl_db_prepare (self->db,
                                "INSERT INTO placement_day (placement_id, day) VALUES (?, ?) "
                                "ON CONFLICT DO NOTHING",
                                error)))
    return pl_store_translate_error (error, NULL);

  if (!pl_store_begin (self, error))
    return FALSE;

  pl_stmt_bind_int (remove, 1, placement_id);
  if (!pl_stmt_run (remove, error))
    goto failed;

  for (guint i = 0; days != NULL && days[i] != NULL; i++)
    {
      pl_stmt_bind_int (insert, 1, placement_id);
      pl_stmt_bind_text (insert, 2, days[i]);
      if (!pl_stmt_run (insert, error))
        goto failed;
    }

  /* The days are the placement's: its lists show them. */
  note_change (self, "placement", placement_id);
  return pl_store_commit (self, error);

failed:
  pl_store_rollback (self);
  return pl_store_translate_error (error, NULL);
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
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), NULL);

  stmt = pl_db_prepare (self->db, "SELECT value FROM settings WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  pl_stmt_bind_text (stmt, 1, key);
  return pl_stmt_next (stmt, NULL) ? pl_stmt_dup_text (stmt, 0) : NULL;
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
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  stmt = pl_db_prepare (self->db,
                        "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                        error);
  if (stmt == NULL)
    return pl_store_translate_error (error, NULL);

  pl_stmt_bind_text (stmt, 1, key);
  pl_stmt_bind_text (stmt, 2, value);
  if (!run_write (self, stmt, NULL, error))
    return FALSE;
  return pl_store_commit (self, error);
}

static void
collect_rule_breaks (PlStore    *self,
                     const char *sql,
                     GPtrArray  *report)
{
  g_autoptr(PlStmt) stmt = pl_db_prepare (self->db, sql, NULL);

  while (stmt != NULL && pl_stmt_next (stmt, NULL))
    g_ptr_array_add (report, g_strdup_printf (_("rule: %s"), pl_stmt_get_text (stmt, 0)));
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

  pl_db_check (self->db, report);
  collect_rule_breaks (self,
                       "SELECT 'placement ' || id || ' is ' || status || ' but has no employer' "
                       "FROM placement WHERE employer_id IS NULL "
                       "AND status NOT IN ('request', 'cancelled')",
                       report);
  collect_rule_breaks (self,
                       "SELECT 'placement ' || p.id || ' is ' || p.status || ' but has no days' "
                       "FROM placement AS p WHERE p.status NOT IN ('request', 'cancelled') "
                       "AND NOT EXISTS (SELECT 1 FROM placement_day WHERE placement_id = p.id)",
                       report);
  collect_rule_breaks (self,
                       "SELECT 'placement ' || p.id || ' is with an employer of another sector' "
                       "FROM placement AS p JOIN employer AS e ON e.id = p.employer_id "
                       "WHERE e.sector_id <> p.sector_id",
                       report);

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

  if (!pl_db_backup (self->db, dest, error))
    {
      if (error != NULL && *error != NULL && (*error)->domain == PL_DB_ERROR
          && (*error)->code == PL_DB_ERROR_FAILED)
        {
          /* Keep the sentence; it names the file. */
          (*error)->domain = PL_ERROR;
          return FALSE;
        }
      return pl_store_translate_error (error, NULL);
    }

  return TRUE;
}

/* How often an open window looks for other coordinators' changes and,
 * while the server is gone, how often it tries to reach it again. */
#define FOLLOW_INTERVAL_MS 500
#define RECONNECT_INTERVAL_US (2 * G_USEC_PER_SEC)

static void
set_reachable (PlStore  *self,
               gboolean  reachable)
{
  if (self->unreachable == !reachable)
    return;
  self->unreachable = !reachable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REACHABLE]);
}

static gboolean
follow_tick (gpointer data)
{
  PlStore *self = data;
  g_auto(GStrv) tables = NULL;
  gint64 now = g_get_monotonic_time ();
  gboolean reconnected = FALSE;

  /* Never in the middle of our own transaction. */
  if (self->depth > 0 || pl_db_in_transaction (self->db))
    return G_SOURCE_CONTINUE;

  tables = pl_db_poll_notifications (self->db);

  if (self->unreachable && now < self->next_attempt)
    return G_SOURCE_CONTINUE;

  if (!pl_db_check_connection (self->db, &reconnected, NULL))
    {
      self->next_attempt = now + RECONNECT_INTERVAL_US;
      set_reachable (self, FALSE);
      return G_SOURCE_CONTINUE;
    }

  /* Back after a gap, even one between two polls: whatever others wrote
   * meanwhile went unheard. */
  if (self->unreachable || reconnected)
    {
      g_autoptr(PlStmt) all = pl_db_prepare_once (self->db,
                                                  "SELECT table_name FROM information_schema.tables"
                                                  " WHERE table_schema = current_schema()"
                                                  " AND table_type = 'BASE TABLE'", NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      while (all != NULL && pl_stmt_next (all, NULL))
        g_ptr_array_add (names, pl_stmt_dup_text (all, 0));
      g_clear_pointer (&all, pl_stmt_free);

      set_reachable (self, FALSE);
      set_reachable (self, TRUE);
      for (guint i = 0; i < names->len; i++)
        {
          const char *table = g_ptr_array_index (names, i);

          g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, NULL);
        }
      return G_SOURCE_CONTINUE;
    }

  /* The rows are not named: every list of those tables reads again. */
  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (tables[i]), tables[i], NULL);

  return G_SOURCE_CONTINUE;
}

/**
 * pl_store_follow_others:
 *
 * On a shared data set, makes the store hear what other coordinators
 * commit (their tables are announced by ::changed, without ids, within a
 * second) and notice when the server is gone and back (#PlStore:reachable),
 * from the thread-default main loop. Nothing for a file.
 */
void
pl_store_follow_others (PlStore *self)
{
  g_return_if_fail (PL_IS_STORE (self));

  if (self->follow_id != 0 || pl_db_get_engine (self->db) != PL_DB_ENGINE_POSTGRESQL)
    return;

  self->follow_id = g_timeout_add (FOLLOW_INTERVAL_MS, follow_tick, self);
  g_source_set_name_by_id (self->follow_id, "[placements] follow others");
}

/**
 * pl_store_get_reachable:
 *
 * Returns: whether the database answered when last asked
 */
gboolean
pl_store_get_reachable (PlStore *self)
{
  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  return !self->unreachable;
}

/**
 * pl_store_ping:
 *
 * Asks the database whether it answers (a server's session that was lost
 * is made again), outside a transaction.
 *
 * Returns: whether it does
 */
gboolean
pl_store_ping (PlStore *self)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (self), FALSE);

  if (self->depth > 0 || pl_db_in_transaction (self->db))
    return TRUE;

  stmt = pl_db_prepare_once (self->db, "SELECT 1", NULL);
  return stmt != NULL && pl_stmt_next (stmt, NULL);
}
