/* pl-store-placement.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* What the placement editor reads besides the placement itself: the
 * choices of its drop-downs. */

/* One choice of a drop-down: the record it picks and the words naming it. */
typedef struct
{
  gint64  id;
  char   *label;
} PlPlacementChoice;

/* Each returns a new array of PlPlacementChoice (transfer full; freeing it
 * frees the labels), or NULL with @error set. */

/* Every member of staff, "name · partner", by name. */
GArray *pl_store_placement_staff_choices    (PlStore  *store,
                                             GError  **error);
/* Every sector, by name. */
GArray *pl_store_placement_sector_choices   (PlStore  *store,
                                             GError  **error);
/* The employers of @sector_id, and @employer_id should it be of another
 * sector ("name (its sector)"), by name. */
GArray *pl_store_placement_employer_choices (PlStore  *store,
                                             gint64    sector_id,
                                             gint64    employer_id,
                                             GError  **error);

G_END_DECLS
