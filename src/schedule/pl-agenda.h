/* pl-agenda.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-calendar.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* What a calendar view shows for a stretch of days and a filter: the
 * placements (one item per run of consecutive days, so that a bar is
 * unbroken), their milestones, the exchange-group meetings, the calendar
 * periods and the bank holidays. Read in one go, so that drawing never
 * touches the database. */

typedef enum
{
  PL_AGENDA_PLACEMENT,
  PL_AGENDA_MILESTONE,
  PL_AGENDA_MEETING,
} PlAgendaKind;

typedef struct
{
  PlAgendaKind  kind;
  gint64        id;            /* placement, milestone or group_meeting id */
  gint64        placement_id;  /* the placement (a milestone's own) or 0 */
  gint64        employer_id;   /* 0 when none */
  gint64        sector_id;     /* placements and milestones: for the colour */
  gint64        group_id;      /* meetings */
  char         *title;         /* "Jo Bloggs — The Saltmarsh Table", a milestone's label, a group */
  char         *detail;        /* a placement's status label, whose milestone it is, the place */
  char         *status;        /* placements: the status key */
  GDate         start;
  GDate         end;           /* the day after the last day */
  gboolean      done;          /* milestones */
} PlAgendaItem;

#define PL_TYPE_AGENDA (pl_agenda_get_type ())

typedef struct
{
  /*< private >*/
  gatomicrefcount ref_count;

  /*< public >*/
  GDate      from;
  GDate      to;              /* [from, to) */
  GPtrArray *items;           /* PlAgendaItem, by start then kind */
  GPtrArray *periods;         /* PlPeriod, as pl_calendar_list_for_filter gives them */
  GArray    *bank_holidays;   /* GDate, ascending: computed or imported */

  /*< private >*/
  GHashTable *owner_names;    /* "partner:1" → name */
} PlAgenda;

GType       pl_agenda_get_type        (void) G_GNUC_CONST;
PlAgenda   *pl_agenda_ref             (PlAgenda               *self);
void        pl_agenda_unref           (PlAgenda               *self);

/* Collects everything of @filter that touches [@from, @to).
 * Returns: (transfer full): the agenda, or NULL with @error set. */
PlAgenda   *pl_agenda_collect         (PlStore                *store,
                                       const PlCalendarFilter *filter,
                                       const GDate            *from,
                                       const GDate            *to,
                                       GError                **error);

void        pl_agenda_collect_async   (PlStore                *store,
                                       const PlCalendarFilter *filter,
                                       const GDate            *from,
                                       const GDate            *to,
                                       GCancellable           *cancellable,
                                       GAsyncReadyCallback     callback,
                                       gpointer                user_data);
PlAgenda   *pl_agenda_collect_finish  (PlStore                *store,
                                       GAsyncResult           *result,
                                       GError                **error);

gboolean    pl_agenda_is_bank_holiday (PlAgenda               *self,
                                       const GDate            *date);

/* The name of the partner, employer or staff member who owns @period, or
 * NULL for a network-wide one (owned by the agenda). */
const char *pl_agenda_owner_name      (PlAgenda               *self,
                                       const PlPeriod         *period);

/* The items on @date, in drawing order (transfer container, element-type
 * PlAgendaItem owned by the agenda). */
GPtrArray  *pl_agenda_items_on        (PlAgenda               *self,
                                       const GDate            *date);

/* The periods that cover @date (transfer container, element-type PlPeriod
 * owned by the agenda). */
GPtrArray  *pl_agenda_periods_on      (PlAgenda               *self,
                                       const GDate            *date);

/* The periods on @date as lines of text, one per name: "Spring term 2027
 * (Humber College, Dearneside College)" when several owners share a
 * period's name and kind (transfer full; NULL when there are none). */
char       *pl_agenda_describe_periods (PlAgenda               *self,
                                        const GDate            *date);

/* One line per thing on @date, for tooltips and assistive technology: the
 * date, then the bank holiday, periods, placements, milestones and
 * meetings (transfer full). */
char       *pl_agenda_describe_day    (PlAgenda               *self,
                                       const GDate            *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlAgenda, pl_agenda_unref)

G_END_DECLS
