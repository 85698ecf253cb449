/* pl-calendar-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-calendar.h"
#include "pl-context.h"
#include "pl-month-view.h"
#include "pl-year-strip.h"

G_BEGIN_DECLS

#define PL_TYPE_CALENDAR_PAGE (pl_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (PlCalendarPage, pl_calendar_page, PL, CALENDAR_PAGE, GtkWidget)

/* The Calendar page: a month view under a strip of the whole academic
 * year, filtered by partner, employer and staff member, with the list of
 * calendar periods to edit beside it and iCalendar import and export.
 *
 * Actions (group "calendar"): previous, next, today, import, export,
 * add-period; edit-period and remove-period (x: the period's id);
 * import-file ((sss): path, owner as "all" or "partner:NAME"…, kind) and
 * export-file (s: path, for the owner the filter names), which do their
 * work in a thread and set ::busy meanwhile. */

PlMonthView *pl_calendar_page_get_month_view (PlCalendarPage         *self);
PlYearStrip *pl_calendar_page_get_year_strip (PlCalendarPage         *self);

/* The filter shown; 0 ids mean "all". Setting one chooses it in the
 * drop-downs as a person would. */
void         pl_calendar_page_get_filter     (PlCalendarPage         *self,
                                              PlCalendarFilter       *out);
void         pl_calendar_page_set_filter     (PlCalendarPage         *self,
                                              const PlCalendarFilter *filter);

/* Whether an import or export is running. */
gboolean     pl_calendar_page_get_busy       (PlCalendarPage         *self);

/* Whether what the page shows is still being read (in the store's
 * worker, after each change of month, filter or data). */
gboolean     pl_calendar_page_is_reading     (PlCalendarPage         *self);

/* How many periods the side list shows. */
guint        pl_calendar_page_get_n_periods  (PlCalendarPage         *self);

G_END_DECLS
