/* pl-terms.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Typical English term dates, for a college that has not imported its own
 * calendar yet. */

typedef struct
{
  GDate start;
  GDate end;      /* inclusive */
} PlDateSpan;

/* One academic year starting in September of @year. Terms start on a
 * Monday and end on a Friday; half-terms are Monday to Friday; Easter
 * falls in the break between the spring and summer terms. */
typedef struct
{
  int        year;
  PlDateSpan term[3];       /* autumn, spring, summer */
  PlDateSpan half_term[3];
  PlDateSpan christmas;
  PlDateSpan easter;
} PlAcademicYear;

void     pl_academic_year_england (int              year,
                                   PlAcademicYear  *out);

/* Adds the terms and half-terms of the academic year that holds @today and
 * of the next one to partner @partner_id's calendar, as "term" and
 * "holiday" periods, in one transaction. Periods the partner already has
 * (same kind and dates) are not added twice; *@n_added says how many were.
 * Fails, adding nothing, when there is no such partner. */
gboolean pl_terms_add_england     (PlStore          *store,
                                   gint64            partner_id,
                                   const GDate      *today,
                                   guint            *n_added,
                                   GError          **error);

G_END_DECLS
