/* pl-year-strip.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-agenda.h"

G_BEGIN_DECLS

#define PL_TYPE_YEAR_STRIP (pl_year_strip_get_type ())

G_DECLARE_FINAL_TYPE (PlYearStrip, pl_year_strip, PL, YEAR_STRIP, GtkWidget)

/* A whole academic year, September to August, as twelve small months in a
 * row: terms, holidays, exams, employers' busy seasons and blackouts, and a
 * dot on each placement day, so that the long lead times of planning are
 * visible at a glance. The month the month view shows is marked; clicking
 * a month emits ::month-activated. */

PlYearStrip *pl_year_strip_new             (void);

/* The academic year starting on 1 September @year. */
void         pl_year_strip_set_year        (PlYearStrip *self,
                                            int          year);
int          pl_year_strip_get_year        (PlYearStrip *self);
/* The days the strip shows: [@first, @end). */
void         pl_year_strip_get_range       (PlYearStrip *self,
                                            GDate       *first,
                                            GDate       *end);
void         pl_year_strip_set_agenda      (PlYearStrip *self,
                                            PlAgenda    *agenda);
void         pl_year_strip_set_today       (PlYearStrip *self,
                                            const GDate *today);
/* Marks the month shown elsewhere. */
void         pl_year_strip_set_current     (PlYearStrip *self,
                                            int          year,
                                            int          month);

/* For tests: the month under a point. */
gboolean     pl_year_strip_get_month_at    (PlYearStrip *self,
                                            double       x,
                                            double       y,
                                            int         *year,
                                            int         *month);

G_END_DECLS
