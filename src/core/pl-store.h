/* pl-store.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-error.h"
#include "pl-records.h"

G_BEGIN_DECLS

/* The schema version this build writes (PRAGMA user_version). */
#define PL_SCHEMA_VERSION 3

/* One forward step of the schema: from version - 1 to version. */
typedef struct
{
  int         version;
  const char *sql;
} PlMigration;

#define PL_TYPE_STORE (pl_store_get_type ())

G_DECLARE_FINAL_TYPE (PlStore, pl_store, PL, STORE, GObject)

char        *pl_store_default_path        (void);

PlStore     *pl_store_open                (const char         *path,
                                           GError            **error);
PlStore     *pl_store_open_existing       (const char         *path,
                                           GError            **error);
PlStore     *pl_store_open_with_password  (const char         *path,
                                           const char         *password,
                                           GError            **error);
gboolean     pl_store_path_is_uri         (const char         *path);
PlStore     *pl_store_open_with_migrations (const char        *path,
                                            const PlMigration *migrations,
                                            guint              n_migrations,
                                            GError           **error);

const char  *pl_store_get_path            (PlStore            *self);
int          pl_store_get_schema_version  (PlStore            *self);
const char  *pl_store_get_migration_backup (PlStore           *self);
gboolean     pl_store_is_empty            (PlStore            *self);

/* Transactions nest: only the outermost begin/commit touch SQLite. */
gboolean     pl_store_begin               (PlStore            *self,
                                           GError            **error);
gboolean     pl_store_commit              (PlStore            *self,
                                           GError            **error);
void         pl_store_rollback            (PlStore            *self);

/* Undo: while recording, each committed transaction is told as ::step
 * with what it changed; pl_store_apply_changes() undoes or redoes one. */
void         pl_store_set_recording       (PlStore            *self,
                                           gboolean            recording);
gboolean     pl_store_get_recording       (PlStore            *self);
void         pl_store_set_step_label      (PlStore            *self,
                                           const char         *label);
gboolean     pl_store_apply_changes       (PlStore            *self,
                                           GBytes             *changes,
                                           gboolean            invert,
                                           GError            **error);

/* Generic record access. Each write is one transaction (or part of the
 * caller's); once committed, ::changed tells of every row it wrote. */
gboolean     pl_store_insert              (PlStore            *self,
                                           PlRecord           *record,
                                           GError            **error);
gboolean     pl_store_update              (PlStore            *self,
                                           PlRecord           *record,
                                           GError            **error);
gboolean     pl_store_delete              (PlStore            *self,
                                           GType               type,
                                           gint64              id,
                                           GError            **error);
PlRecord    *pl_store_get                 (PlStore            *self,
                                           GType               type,
                                           gint64              id,
                                           GError            **error);
GPtrArray   *pl_store_get_many            (PlStore            *self,
                                           GType               type,
                                           const gint64       *ids,
                                           guint               n_ids);
PlRecord    *pl_store_find_by_name        (PlStore            *self,
                                           GType               type,
                                           const char         *name,
                                           GError            **error);
gint64       pl_store_count               (PlStore            *self,
                                           GType               type);
/* Whether there is a record of @type at all: one row read, not a count. */
gboolean     pl_store_has_any             (PlStore            *self,
                                           GType               type);

/* A GListModel of the records of @type, in name (or id) order, that follows
 * the table: it emits ::items-changed when the table changes. When
 * @column is not NULL only rows whose @column equals @value are kept. */
GListModel  *pl_store_list                (PlStore            *self,
                                           GType               type);
GListModel  *pl_store_list_where          (PlStore            *self,
                                           GType               type,
                                           const char         *column,
                                           gint64              value);

/* The days of a placement, ascending ISO dates (transfer full). */
GStrv        pl_store_get_days            (PlStore            *self,
                                           gint64              placement_id);
gboolean     pl_store_set_days            (PlStore            *self,
                                           gint64              placement_id,
                                           const char * const *days,
                                           GError            **error);

/* Network-wide settings (key/value). */
char        *pl_store_get_setting         (PlStore            *self,
                                           const char         *key);
gint64       pl_store_get_setting_int     (PlStore            *self,
                                           const char         *key,
                                           gint64              fallback);
gboolean     pl_store_set_setting         (PlStore            *self,
                                           const char         *key,
                                           const char         *value,
                                           GError            **error);

/* PRAGMA integrity_check, foreign_key_check and the model's own rules; each
 * problem becomes one line of @report. Returns TRUE when there are none. */
gboolean     pl_store_check               (PlStore            *self,
                                           GPtrArray          *report);
gboolean     pl_store_backup              (PlStore            *self,
                                           const char         *dest,
                                           GError            **error);

/* On a shared data set: hear other coordinators' commits and notice the
 * server going and coming back, from the main loop. */
void         pl_store_follow_others       (PlStore            *self);
gboolean     pl_store_get_reachable       (PlStore            *self);
gboolean     pl_store_ping                (PlStore            *self);

G_END_DECLS
