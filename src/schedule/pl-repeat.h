/* pl-repeat.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* "Repeat next year": next year's request from this year's placement. An
 * academic year is named by the calendar year it starts in (2027 for
 * 2027/28; pl_academic_year_label() and pl_academic_year_parse() in
 * pl-calendar.h). */

gboolean  pl_placement_can_repeat     (PlRecord     *placement);
gint64    pl_placement_repeat         (PlStore      *store,
                                       gint64        placement_id,
                                       int           year,
                                       const GDate  *today,
                                       int          *out_year,
                                       GError      **error);

G_END_DECLS
