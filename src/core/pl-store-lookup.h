/* pl-store-lookup.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* A record as a choice among others: what a list of names offers, and
 * what an importer turns a name in a file into. */
typedef struct
{
  gint64  id;
  char   *name;
} PlStoreChoice;

/* The id and name of every record of @type, a kind with a "name" column
 * (sectors, partners, staff, employers, groups), in name order, case-blind,
 * in one read (element-type PlStoreChoice; the array frees the names;
 * transfer full). NULL with @error when the database cannot be read. */
GArray *pl_store_lookup_choices (PlStore  *store,
                                 GType     type,
                                 GError  **error);

G_END_DECLS
