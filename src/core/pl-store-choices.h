/* pl-store-choices.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* The records a drop-down offers: a snapshot of ids and names, read in one
 * query, for lists that are set once and kept while a list changes
 * underneath. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *detail;    /* what tells two of the same name apart or says where
                      * the record belongs: a member of staff's partner, an
                      * employer's sector when it is not the one asked for;
                      * NULL for other records */
} PlChoice;

/* Each returns a new array of PlChoice (transfer full, clearing its
 * elements), by name without regard to case, then by id; or NULL with
 * @error set. */

/* The records of @type, a record type with a name: a sector, partner,
 * employer or member of staff. */
GArray *pl_store_list_choices       (PlStore  *store,
                                     GType     type,
                                     GError  **error);
/* The members of staff of @partner_id, or of every partner for 0. */
GArray *pl_store_list_staff_choices (PlStore  *store,
                                     gint64    partner_id,
                                     GError  **error);

/* The employers of @sector_id, and @employer_id should it be of another
 * (with that sector as its detail), so that a placement's employer is
 * always among the choices. */
GArray *pl_store_list_employer_choices (PlStore  *store,
                                        gint64    sector_id,
                                        gint64    employer_id,
                                        GError  **error);

G_END_DECLS
