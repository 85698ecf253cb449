/* pl-store-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-db-private.h"
#include "pl-store-access.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* For the modules of src/core, which implement the store's interface
 * (pl-store-*.h) over its connection. Never included outside src/core. */

PlDb     *pl_store_get_db          (PlStore       *self);

/* Rows a module knows changed without writing them (the placement whose
 * days were written); told with the transaction's other changes. */
void      pl_store_note_change     (PlStore       *self,
                                    const char    *table,
                                    gint64         id);

/* For pl-store-job.c: the jobs' connection, a change it committed, and the
 * end of a transaction a failed job left open. */
PlStore  *pl_store_get_worker      (PlStore       *self,
                                    GError       **error);
void      pl_store_emit_change     (PlStore       *self,
                                    const char    *table,
                                    GArray        *ids);
void      pl_store_rollback_open   (PlStore       *self);
void      pl_store_emit_step       (PlStore       *self,
                                    GBytes        *changes,
                                    const char    *label);

/* Rewrites a %PL_DB_ERROR in @error as a %PL_ERROR sentence; returns
 * FALSE. */
gboolean  pl_store_translate_error (GError       **error,
                                    PlRecord      *record);

/* Whole records: the query of @klass's columns over alias "t" with
 * @where, and the filling of a record from a row of it. */
char     *pl_store_select_sql      (PlStore       *self,
                                    PlRecordClass *klass,
                                    const char    *where);
void      pl_store_load_record     (PlRecord      *record,
                                    PlStmt        *stmt);

/* pl-store-access.c: an entry from a row of the audit trail's columns,
 * in order (id, at, role, tbl, row_id, op, field, old_value, new_value). */
PlAuditEntry *pl_audit_entry_from_row (PlStmt *stmt);
G_END_DECLS
