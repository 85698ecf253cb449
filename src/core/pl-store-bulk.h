/* pl-store-bulk.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Many new records of one kind written at once, as an import writes them:
 * all of them or none. pl_store_bulk_new() begins the transaction and
 * pl_store_bulk_commit() commits it; freeing one not committed rolls it
 * back. A record's values are set by the position of their column in the
 * list given to pl_store_bulk_new(), pl_store_bulk_add() writes it, and its
 * lists (a placement's days, a group's members, meetings and outcomes)
 * follow with its id. Every row written is told as any other write is. */
typedef struct _PlStoreBulk PlStoreBulk;

/* @columns: the columns of @type (not derived ones) that the records
 * give, NULL-terminated. With @many (a few hundred records or more), the
 * cache grows for the transaction and the search index takes the new
 * records in one statement at the commit: that changes the schema, which
 * every connection then reads again, so for a few records it costs more
 * than it saves. */
PlStoreBulk        *pl_store_bulk_new               (PlStore            *store,
                                                     GType               type,
                                                     const char * const *columns,
                                                     gboolean            many,
                                                     GError            **error);
/* Before the first record: about @n_records will follow. Many (over
 * 10,000) into tables that hold fewer have their secondary indexes built
 * once at the commit instead of row by row (SQLite only). */
void                pl_store_bulk_expect            (PlStoreBulk        *self,
                                                     gint64              n_records);
/* Whether the column at @column takes the schema's default when a record
 * leaves it empty. */
gboolean            pl_store_bulk_has_default       (PlStoreBulk        *self,
                                                     guint               column);

/* The values of the next record, each kept until it is set again; NULL
 * text is an empty value. */
void                pl_store_bulk_set_text          (PlStoreBulk        *self,
                                                     guint               column,
                                                     const char         *text);
void                pl_store_bulk_set_int           (PlStoreBulk        *self,
                                                     guint               column,
                                                     gint64              value);
/* Writes the record: its id, or 0 with @error, %PL_ERROR_CONSTRAINT when
 * it breaks a rule of the data (a sentence that follows the place of the
 * fault: "the window cannot end before it starts."). */
gint64              pl_store_bulk_add               (PlStoreBulk        *self,
                                                     GError            **error);
/* After pl_store_bulk_add() refused a record for a rule across columns:
 * the columns a person would change, likeliest first (NULL-terminated);
 * NULL after any other failure. */
const char * const *pl_store_bulk_get_fault_columns (PlStoreBulk        *self);

/* The days of placement @placement_id, just added: ascending, each once
 * (none: nothing to write). The placement gets the templates' milestones,
 * done as if it had walked the lifecycle to the status it was given
 * (pl_milestone_rules_add_walked(), the milestones' one rule for that), on
 * the day of the import; the templates and working days are read once for
 * the whole transaction. */
gboolean            pl_store_bulk_set_days          (PlStoreBulk        *self,
                                                     gint64              placement_id,
                                                     const char * const *days,
                                                     GError            **error);
/* The lists of group @group_id, just added; @role, @link and @date may be
 * NULL. */
gboolean            pl_store_bulk_add_member        (PlStoreBulk        *self,
                                                     gint64              group_id,
                                                     gint64              staff_id,
                                                     const char         *role,
                                                     GError            **error);
gboolean            pl_store_bulk_add_meeting       (PlStoreBulk        *self,
                                                     gint64              group_id,
                                                     const char         *date,
                                                     GError            **error);
gboolean            pl_store_bulk_add_outcome       (PlStoreBulk        *self,
                                                     gint64              group_id,
                                                     const char         *title,
                                                     const char         *kind,
                                                     const char         *link,
                                                     const char         *date,
                                                     GError            **error);

/* What employer @employer_id, just added, said about hosting in academic
 * @year: @state a nick of PlAppetite, @reason NULL for none. */
gboolean            pl_store_bulk_add_appetite      (PlStoreBulk        *self,
                                                     gint64              employer_id,
                                                     int                 year,
                                                     const char         *state,
                                                     const char         *reason,
                                                     GError            **error);

/* Indexes the new records for search (with @many) and commits. On failure
 * nothing was written. */
gboolean            pl_store_bulk_commit            (PlStoreBulk        *self,
                                                     GError            **error);
void                pl_store_bulk_free              (PlStoreBulk        *self);

/* The number a new record of @type takes for @column when it leaves it
 * empty: FALSE when the column has no default or it is not a number (for
 * writers of files that are imported again). */
gboolean            pl_store_bulk_get_default_int   (PlStore            *store,
                                                     GType               type,
                                                     const char         *column,
                                                     gint64             *value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStoreBulk, pl_store_bulk_free)

G_END_DECLS
