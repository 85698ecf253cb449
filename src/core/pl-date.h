/* pl-date.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today's local date; PLACEMENTS_TODAY=YYYY-MM-DD overrides it, so that
 * tests and demonstrations can pin the clock. */
void      pl_date_today                (GDate       *out);

/* Parses a strict ISO YYYY-MM-DD date; FALSE when it is not one. */
gboolean  pl_date_parse                (const char  *text,
                                        GDate       *out);
char     *pl_date_to_iso               (const GDate *date);
gboolean  pl_date_is_iso               (const char  *text);
/* TRUE when @text is NULL (no date given) or an ISO date; otherwise FALSE
 * with @error saying how to write one. */
gboolean  pl_date_check_iso            (const char  *text,
                                        GError     **error);

/* The 1 September that starts the academic year holding @date. */
void      pl_date_academic_year_start  (const GDate *date,
                                        GDate       *out);

/* Adds @days days to an ISO date (negative to go back); transfer full. */
char     *pl_date_iso_add_days         (const char  *iso,
                                        int          days);

/* Formats an ISO date for people with a g_date_time_format() @format,
 * such as "%-d %B %Y"; NULL when @iso is not a date (transfer full). */
char     *pl_date_format               (const char  *iso,
                                        const char  *format);
/* An ISO date as people read it: "3 March 2026", or "3 Mar 2026" when
 * @abbreviated; the text itself when it is not a date; transfer full. */
char     *pl_date_describe             (const char  *iso,
                                        gboolean     abbreviated);

/* Easter Sunday of @year in the Gregorian calendar. */
void      pl_date_easter_sunday        (int          year,
                                        GDate       *out);
/* Moves @date forward to a Monday, or back to a Friday (unmoved when it
 * is one already). */
void      pl_date_monday_on_or_after   (GDate       *date);
void      pl_date_friday_on_or_before  (GDate       *date);

G_END_DECLS
