/* pl-lifecycle.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* The walk of a placement: request → proposed → agreed → confirmed →
 * completed → cascaded → evaluated, or cancelled.
 *
 * - Forward, one step at a time, when the next status has what it needs.
 * - Back to any earlier status of the walk, to correct a mistake; nothing
 *   is required, and the history keeps the step back. Going back before
 *   "agreed" forgets the date of agreement.
 * - Cancelled, with a reason, from any status before "completed": a
 *   placement that took place cannot be cancelled.
 * - A cancelled placement can be reopened as a request.
 *
 * Every change is recorded in placement_event with its date. */

/* The status after @status on the walk, or NULL after "evaluated" and for
 * "cancelled". */
const char *pl_lifecycle_next_status   (const char  *status);

/* The position of @status on the walk (request 0 … evaluated 6), or -1 for
 * "cancelled" and unknown text. */
int         pl_lifecycle_rank          (const char  *status);

/* What moving placement @placement_id to @to_status still needs, one
 * sentence per missing item, appended to @missing (utf8). Returns TRUE when
 * nothing is missing and the move is allowed from the current status. */
gboolean pl_lifecycle_check      (PlStore     *store,
                                  gint64       placement_id,
                                  const char  *to_status,
                                  const GDate *today,
                                  GPtrArray   *missing);

/* Moves the placement to @to_status when pl_lifecycle_check allows it, in one
 * transaction that also records the change (with @reason, required for
 * "cancelled") in the placement's history. Refusals are PL_ERROR_NOT_ALLOWED
 * with every missing item in the message, one per line. */
gboolean pl_lifecycle_set_status (PlStore     *store,
                                  gint64       placement_id,
                                  const char  *to_status,
                                  const char  *reason,
                                  const GDate *today,
                                  GError     **error);

/* A status change as it was made, so that it can be undone. */
typedef struct _PlStatusChange PlStatusChange;

#define PL_TYPE_STATUS_CHANGE (pl_status_change_get_type ())

GType           pl_status_change_get_type  (void) G_GNUC_CONST;
void            pl_status_change_free      (PlStatusChange *change);
const char     *pl_status_change_get_from  (PlStatusChange *change);
const char     *pl_status_change_get_to    (PlStatusChange *change);

/* pl_lifecycle_set_status(), returning what changed (transfer full), or
 * NULL with @error set. Moving forward also ticks the milestone that
 * stands for the step (first contact when proposed, agreement when agreed,
 * confirmation when confirmed, cascade when cascaded, reflection and
 * follow-up observation when evaluated), and moving back unticks those of
 * the steps undone. */
PlStatusChange *pl_lifecycle_change_status (PlStore        *store,
                                            gint64          placement_id,
                                            const char     *to_status,
                                            const char     *reason,
                                            const GDate    *today,
                                            GError        **error);

/* Puts everything @change changed back as it was and removes its event
 * from the history: an undone change never happened. Refused when the
 * placement has changed status since. */
gboolean        pl_lifecycle_undo          (PlStore        *store,
                                            PlStatusChange *change,
                                            GError        **error);

/* A new request with only a staff member and a sector; its first event is
 * recorded on @today. Returns the new id, or 0 with @error set. */
gint64   pl_placement_create_request     (PlStore            *store,
                                          gint64              staff_id,
                                          gint64              sector_id,
                                          const GDate        *today,
                                          GError            **error);

/* Sets the days of a placement and moves its milestones with them, in one
 * transaction. A placement past "request" (and not cancelled) keeps at
 * least one day. Use this, not pl_store_set_days(), wherever days change. */
gboolean pl_placement_set_days           (PlStore            *store,
                                          gint64              placement_id,
                                          const char * const *days,
                                          GError            **error);

/* Writes @placement and its @days back in one transaction, as for undoing
 * edits; the status columns are left as they are now (status changes are
 * undone with pl_lifecycle_undo()). */
gboolean pl_placement_restore            (PlStore            *store,
                                          PlRecord           *placement,
                                          const char * const *days,
                                          GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlStatusChange, pl_status_change_free)

G_END_DECLS
