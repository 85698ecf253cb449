/* pl-store-access.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* A shared data set (on a PostgreSQL server): who may see what, and who
 * changed what. The server enforces it; a file has no such thing, and
 * these refuse it with %PL_ERROR_INVALID. */

/* Whether @store is a server's shared data set rather than a file. */
gboolean  pl_store_is_shared        (PlStore     *store);

/* Makes the existing login @role a coordinator of the partner named
 * @partner, or of the whole network when @partner is NULL. */
gboolean  pl_store_grant            (PlStore     *store,
                                     const char  *role,
                                     const char  *partner,
                                     GError     **error);
gboolean  pl_store_revoke           (PlStore     *store,
                                     const char  *role,
                                     GError     **error);

/* The login and the database of a shared data set, for "ana on
 * placements" (transfer full); FALSE, and nothing set, for a file. */
gboolean  pl_store_get_login        (PlStore     *store,
                                     char       **user,
                                     char       **database);

/* The partner whose records the connected role sees, for "Showing …";
 * NULL when it sees the whole network (transfer full). */
char     *pl_store_get_scope_label  (PlStore     *store);

typedef struct
{
  gint64  id;
  char   *at;         /* UTC, ISO 8601 */
  char   *role;
  char   *table;
  gint64  row_id;
  char   *action;     /* insert, update, delete */
  char   *field;      /* NULL for a whole row */
  char   *old_value;
  char   *new_value;
  char   *text;       /* what it changed, in words: filled by
                       * pl_store_list_record_audit(), NULL otherwise */
} PlAuditEntry;

void      pl_audit_entry_free       (PlAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlAuditEntry, pl_audit_entry_free)

/* The audit trail from @since (a date or time, ISO; NULL for all), oldest
 * first, or of one record when @table is not NULL (element-type
 * PlAuditEntry; transfer full). */
GPtrArray *pl_store_list_audit      (PlStore     *store,
                                     const char  *since,
                                     const char  *table,
                                     gint64       row_id,
                                     GError     **error);

G_END_DECLS
