/* pl-store-observations.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Lesson observations beyond single records. */

/* A placement an observation can be about. */
typedef struct
{
  gint64    placement_id;
  gboolean  own;             /* the observed member of staff's own */
  char     *staff_name;      /* whose placement it is */
  char     *employer_name;   /* NULL while it has no employer */
  char     *sector_name;
  char     *first_day;       /* ISO; NULL while it has no days */
} PlObservablePlacement;

#define PL_TYPE_OBSERVABLE_PLACEMENT (pl_observable_placement_get_type ())

GType                  pl_observable_placement_get_type (void) G_GNUC_CONST;
PlObservablePlacement *pl_observable_placement_copy     (const PlObservablePlacement *placement);
void                   pl_observable_placement_free     (PlObservablePlacement       *placement);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlObservablePlacement, pl_observable_placement_free)

/* The placements an observation of @staff_id can be about: their own,
 * latest first (those without days last), then the placements of others
 * that have been cascaded, whose learning may have reached them, and
 * @keep_id (0 for none) whichever it is. A new array of
 * PlObservablePlacement (transfer full, freeing its items), or NULL with
 * @error set. */
GPtrArray *pl_store_list_observable_placements (PlStore  *store,
                                                gint64    staff_id,
                                                gint64    keep_id,
                                                GError  **error);

G_END_DECLS
