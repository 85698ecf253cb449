/* pl-period-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-calendar.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_PERIOD_DIALOG (pl_period_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlPeriodDialog, pl_period_dialog, PL, PERIOD_DIALOG, AdwWindow)

/* Adds or edits a calendar period: whose it is, its kind, name, dates and
 * days of the week. The same form, less the name and dates, asks whose
 * periods an iCalendar file holds before it is imported (::import). */

/* @period_id 0 makes a new period, for @owner (the page's filter) and
 * starting on @day when given. */
PlPeriodDialog *pl_period_dialog_new        (PlContext              *context,
                                             gint64                  period_id,
                                             const PlCalendarFilter *owner,
                                             const GDate            *day);
PlPeriodDialog *pl_period_dialog_new_import (PlContext              *context,
                                             const PlCalendarFilter *owner);

/* Fills the form as a person would (for tests): any argument may be NULL
 * (or 0 / -1) to leave that field as it is. */
void            pl_period_dialog_fill       (PlPeriodDialog         *self,
                                             const char             *kind,
                                             const char             *label,
                                             int                     owner_kind,
                                             gint64                  owner_id,
                                             const char             *first_day,
                                             const char             *last_day);
/* Saves the period as the Save button does; FALSE with the reason shown
 * in the form and in @error. */
gboolean        pl_period_dialog_save       (PlPeriodDialog         *self,
                                             GError                **error);

G_END_DECLS
