/* pl-calendar.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-enums.h"
#include "pl-store-calendar.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Calendars: the dated periods (calendar_period rows) that colleges,
 * employers, staff and the whole network live by, read as plain structs for
 * the solver and the views, and the named terms of academic years.
 *
 * Dates follow the house rule: in code a range is half-open, [start, end),
 * so a period's @end is the day AFTER its last day; the database and people
 * see the last day (calendar_period.end_date is inclusive).
 *
 * Who a period applies to ("affects"):
 *   - an `all` period applies to everybody;
 *   - a partner's period applies to the partner and to its staff;
 *   - an employer's period applies to that employer only;
 *   - a staff member's period applies to that staff member only. */

/* PlOwnerKind and PlPeriodKind (a flags type: a set of kinds is a mask)
 * are the model's, in pl-enums.h; PlPeriod and PlCalendarFilter are the
 * store's, in pl-store-calendar.h. */

/* A day range, half-open: [start, end). */
typedef struct
{
  GDate start;
  GDate end;
} PlDateRange;

/* Whether @date lies in the period and on one of its weekdays. */
gboolean      pl_period_covers              (const PlPeriod *period,
                                             const GDate    *date);

const char   *pl_period_kind_to_string      (PlPeriodKind    kind);
/* 0 when @text is not a period kind. */
PlPeriodKind  pl_period_kind_from_string    (const char     *text);
const char   *pl_owner_kind_to_string       (PlOwnerKind     kind);
gboolean      pl_owner_kind_from_string     (const char     *text,
                                             PlOwnerKind    *out);

/* ------------------------------------------------------------------------
 * Academic years and terms.
 *
 * An academic year is named by the calendar year of its 1 September and
 * shown as "2026/27". A partner's terms are its `term` periods; a partner
 * without any lives by the network-wide (`all`) terms. */

/* "2026/27" for 2026 (transfer full). */
char         *pl_academic_year_label        (int             year);
/* Accepts "2026/27", "2026/2027", "2026-27" and "2026-2027"; the second
 * year must follow the first. */
gboolean      pl_academic_year_parse        (const char     *text,
                                             int            *year);

/* The academic years in which @partner_id (0: the network) has terms,
 * ascending (transfer full, element-type int). */
GArray       *pl_calendar_academic_years    (PlStore        *store,
                                             gint64          partner_id,
                                             GError        **error);

/* The terms of @partner_id that start in academic year @year, by start.
 *
 * Returns: (transfer full) (element-type PlPeriod) */
GPtrArray    *pl_calendar_terms_of_year     (PlStore        *store,
                                             gint64          partner_id,
                                             int             year,
                                             GError        **error);

/* Resolves a term name such as "Spring term 2027" for @partner_id (0: the
 * network). A label matches when it is the same ignoring case and spacing;
 * failing that, a name ending in a year ("Spring term 2027", "Lent term
 * 2026/27") matches the terms whose label, less any year of its own, is the
 * rest of the name and that start in that calendar (or academic) year; the
 * word "term" may be left out ("Spring 2027"). A term split in two (at half
 * term, say) resolves to both periods.
 *
 * Returns: (transfer full) (element-type PlPeriod): one or more periods by
 *   start, or NULL with PL_ERROR_NOT_FOUND naming the terms there are. */
GPtrArray    *pl_calendar_find_term         (PlStore        *store,
                                             gint64          partner_id,
                                             const char     *name,
                                             GError        **error);

/* ------------------------------------------------------------------------
 * Placement windows. A placement's days must fall in its window: the terms
 * linked to it in placement_term when it has any (clipped to window_start
 * and window_end when those are set too), otherwise window_start to
 * window_end. */

/* The window of @placement_id as ascending, non-overlapping ranges; an
 * empty array when the placement sets no window at all (any date will do),
 * NULL with @error when it does not exist.
 *
 * Returns: (transfer full) (element-type PlDateRange) */
GArray       *pl_calendar_placement_window  (PlStore        *store,
                                             gint64          placement_id,
                                             GError        **error);

/* Gives the placement the window @term_names (resolved with
 * pl_calendar_find_term for its staff member's partner), replacing the
 * terms it had; an empty or NULL list removes them. One transaction. */
gboolean      pl_calendar_set_placement_terms (PlStore            *store,
                                               gint64              placement_id,
                                               const char * const *term_names,
                                               GError            **error);

G_END_DECLS
