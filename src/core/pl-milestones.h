/* pl-milestones.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "pl-store.h"
#include "pl-workdays.h"

G_BEGIN_DECLS

/* Brings the milestones of a placement in line with its days and the
 * milestone templates: creates the missing ones, moves the undone ones when
 * the days moved, never moves one that is done, and removes undone ones
 * when the placement has no days. Part of the caller's transaction if any. */
gboolean pl_milestones_update     (PlStore     *store,
                                   gint64       placement_id,
                                   GError     **error);

/* pl_milestones_update() for each of @placement_ids, in one transaction,
 * reading the templates and the working days once. */
gboolean pl_milestones_update_many (PlStore      *store,
                                    const gint64 *placement_ids,
                                    guint         n_placements,
                                    GError      **error);

/* pl_milestones_update() for every placement with days, in one
 * transaction; used after the templates have been edited. */
gboolean pl_milestones_update_all (PlStore     *store,
                                   GError     **error);

/* The milestone templates (PlMilestoneTemplate records) in their order
 * (transfer full), or NULL with @error set. */
GPtrArray *pl_milestone_templates_list (PlStore     *store,
                                        GError     **error);

/* Adds a template called @label after the others, one week before the
 * first day, under a kind of its own that no later default will take,
 * and brings every placement's milestones in line with it, in one
 * transaction. Returns (transfer full) the template written, or NULL with
 * @error set. */
PlRecord  *pl_milestone_templates_add  (PlStore     *store,
                                        const char  *label,
                                        GError     **error);

/* The due date of a template (@anchor "first" or "last", @offset in @unit
 * "days", "weeks" or "working_days") for a placement from @first to @last.
 * Working-day offsets count working days. A date reached in days or weeks
 * that is not a working day moves to the previous working day for a
 * milestone before the anchor (it must be done by then) and to the next
 * one for a milestone after it (it cannot be done sooner). */
void     pl_milestones_due        (PlWorkdays  *workdays,
                                   const GDate *first,
                                   const GDate *last,
                                   const char  *anchor,
                                   int          offset,
                                   const char  *unit,
                                   GDate       *out);

/* The milestones of @placement_id (PlMilestone records) by due date, those
 * due the same day in the templates' order (transfer full), or NULL with
 * @error set. */
GPtrArray *pl_milestones_list_for_placement (PlStore   *store,
                                             gint64     placement_id,
                                             GError   **error);

/* Marks a milestone done on @done, or not done when @done is NULL. */
gboolean pl_milestones_set_done   (PlStore     *store,
                                   gint64       milestone_id,
                                   const GDate *done,
                                   GError     **error);

/* The milestones of every placement that is not cancelled, by due date, as
 * the JSON array `placements-cli milestones --json` prints:
 * [{placement, kind, label, due, done, overdue}] (transfer full). A
 * milestone is overdue when it is not done and its due date is before
 * @today. With @overdue_only, only those. */
JsonNode *pl_milestones_to_json   (PlStore     *store,
                                   const GDate *today,
                                   gboolean     overdue_only);

/* How a template reads to people: "12 weeks before the first day"
 * (transfer full). */
char     *pl_milestones_describe  (const char  *anchor,
                                   int          offset,
                                   const char  *unit);

G_END_DECLS
