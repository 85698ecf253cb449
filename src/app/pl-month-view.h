/* pl-month-view.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "pl-agenda.h"

G_BEGIN_DECLS

#define PL_TYPE_MONTH_VIEW (pl_month_view_get_type ())

G_DECLARE_FINAL_TYPE (PlMonthView, pl_month_view, PL, MONTH_VIEW, GtkWidget)

/* A month as weeks of Monday to Sunday: placements as bars in their
 * sector's colour, milestones as small triangles, group meetings as
 * outlined bars, terms and holidays shaded, employers' blackouts hatched
 * and busy seasons marked along the top of the day. It shows what it is
 * given (pl_month_view_set_agenda) for the days pl_month_view_get_range
 * names, and says when the month changes (::month-changed) so that its
 * owner can give it the new month's agenda. */

PlMonthView *pl_month_view_new               (void);

void         pl_month_view_set_month         (PlMonthView      *self,
                                              int               year,
                                              int               month);
int          pl_month_view_get_year          (PlMonthView      *self);
int          pl_month_view_get_month         (PlMonthView      *self);
/* Moves by @months (back when negative), keeping the day of the month. */
void         pl_month_view_move              (PlMonthView      *self,
                                              int               months);

void         pl_month_view_set_today         (PlMonthView      *self,
                                              const GDate      *today);
/* Selects @date and shows its month. */
void         pl_month_view_select            (PlMonthView      *self,
                                              const GDate      *date);
void         pl_month_view_get_selected      (PlMonthView      *self,
                                              GDate            *out);

/* The days shown: [@first, @end), whole weeks around the month. */
void         pl_month_view_get_range         (PlMonthView      *self,
                                              GDate            *first,
                                              GDate            *end);
void         pl_month_view_set_agenda        (PlMonthView      *self,
                                              PlAgenda         *agenda);
PlAgenda    *pl_month_view_get_agenda        (PlMonthView      *self);

/* Shows the list of @date's items in a popover, as a click does. */
void         pl_month_view_show_day          (PlMonthView      *self,
                                              const GDate      *date);

/* For tests and assistive technology: where things are drawn. */
gboolean     pl_month_view_get_day_rect      (PlMonthView      *self,
                                              const GDate      *date,
                                              graphene_rect_t  *out);
gboolean     pl_month_view_get_day_at        (PlMonthView      *self,
                                              double            x,
                                              double            y,
                                              GDate            *out);
/* The items on @date (transfer container, element-type PlAgendaItem). */
GPtrArray   *pl_month_view_get_items_for_day (PlMonthView      *self,
                                              const GDate      *date);
/* Where the bar of @kind item @id is drawn on @date: FALSE when it is not
 * drawn there (not on that day, or hidden under "more"). */
gboolean     pl_month_view_get_item_rect     (PlMonthView      *self,
                                              PlAgendaKind      kind,
                                              gint64            id,
                                              const GDate      *date,
                                              graphene_rect_t  *out);

G_END_DECLS
