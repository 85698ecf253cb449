/* pl-store-export.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Every record of a kind read in one pass, a row at a time, for writers
 * of files and listings (CSV export, `placements-cli list`) that must stay
 * quick at 100,000 placements: no PlRecord is built.
 *
 * A field is a column of the record, derived ones included
 * ("partner_name", "last_contact"), or one of the lists below, each item
 * of a fixed number of parts:
 *
 *   placement  "day_list"      the days, ascending: day
 *   employer   "appetite_list" by academic year: year (2026 for 2026/27), state, reason
 *   group      "member_list"   members as added: staff name, role
 *              "meeting_list"  by date: date
 *              "outcome_list"  as added: title, kind, link, date
 *
 * An empty part is "", never NULL. */
typedef struct _PlStoreRows PlStoreRows;

/* @fields and @order are NULL-terminated field names (not lists); text
 * columns of @order sort case-blind. */
PlStoreRows        *pl_store_rows_new      (PlStore            *store,
                                            GType               type,
                                            const char * const *fields,
                                            const char * const *order,
                                            GError            **error);
/* Steps to the next row: FALSE at the end, or with @error. */
gboolean            pl_store_rows_next     (PlStoreRows        *self,
                                            GError            **error);

/* The value of field @field (its place in @fields) in the current row,
 * valid until the next step. A list with no item is NULL. */
gboolean            pl_store_rows_is_null  (PlStoreRows        *self,
                                            guint               field);
const char         *pl_store_rows_get_text (PlStoreRows        *self,
                                            guint               field);
gint64              pl_store_rows_get_int  (PlStoreRows        *self,
                                            guint               field);
/* The items of list field @field, their parts one after the other
 * (@n_parts a item), NULL-terminated; never NULL. */
const char * const *pl_store_rows_get_list (PlStoreRows        *self,
                                            guint               field,
                                            guint              *n_parts);

void                pl_store_rows_free     (PlStoreRows        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStoreRows, pl_store_rows_free)

G_END_DECLS
