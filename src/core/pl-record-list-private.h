/* pl-record-list-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-record-list.h"

G_BEGIN_DECLS

/* What the store-backed lists of core (pl-record-list.c,
 * pl-placement-list.c) share to follow the store's ::changed. */

/* The set of @ids (gint64) for lookups, its keys pointing into @ids;
 * NULL for NULL ("many rows") (transfer full). */
GHashTable *pl_record_list_id_set_new (GArray     *ids);

/* Called with a record a list handed out and its row read afresh. */
typedef void (*PlRecordUpdateFunc) (PlRecord *shown,
                                    PlRecord *fresh,
                                    gpointer  user_data);

/* Reads again, a block of rows at a time, the records of @type in @items
 * (PlRecord or NULL, one per id of @ids) that a change to the rows
 * @changed (NULL: any row) of a table reaches through their column
 * @column (-1: their own id), and hands each to @update. */
void        pl_record_list_refresh    (PlStore            *store,
                                       GType               type,
                                       GArray             *ids,
                                       GPtrArray          *items,
                                       int                 column,
                                       GHashTable         *changed,
                                       PlRecordUpdateFunc  update,
                                       gpointer            user_data);

G_END_DECLS
