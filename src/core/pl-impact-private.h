/* pl-impact-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-impact.h"

G_BEGIN_DECLS

/* The improvement rule and its rows, shared by the figures (pl-stats.c)
 * and the impact of one member of staff (pl-impact.c), so that both apply
 * one rule to the same rows. */

/* The rule itself: rated on both sides and strictly better (a lower
 * number) after. */
gboolean pl_impact_rating_improved (int                      before,
                                    int                      after);

/* Applies the rule to a pair read by pl_impact_read_pairs(). */
void     pl_impact_apply_rule      (const PlObservationPair *pair,
                                    PlImprovements          *out);

/* Called once per member of staff observed at least once; FALSE stops. */
typedef gboolean (*PlPairFunc) (const PlObservationPair *pair,
                                gpointer                 user_data);

/* Reads the last "before" and first "after" observation of each member of
 * staff, in staff id order. Limits, each 0 or NULL for none: @partner_id,
 * the staff's partner; @from and @to (inclusive), which an observation
 * meets by the first day of its placement, or by its own date when it has
 * none; @staff_id, one member of staff. */
gboolean pl_impact_read_pairs      (PlStore                 *store,
                                    gint64                   partner_id,
                                    const char              *from,
                                    const char              *to,
                                    gint64                   staff_id,
                                    PlPairFunc               func,
                                    gpointer                 user_data,
                                    GError                 **error);

G_END_DECLS
