/* pl-ics.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-calendar.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* iCalendar (RFC 5545) in and out.
 *
 * Import reads the VEVENTs of a file as calendar periods of one owner and
 * kind: all-day events cover their days (DTEND is exclusive), timed events
 * cover the local days they touch, repeating events (RRULE, less EXDATE and
 * with RECURRENCE-ID overrides) are expanded over the two years either side
 * of today. Every period keeps a UID, the event's own (with the occurrence
 * appended for a repeat) or, for files without UIDs, one made from the
 * event's summary and dates, so that importing the same file again updates
 * the periods instead of adding them twice.
 *
 * Export writes placements as all-day VEVENTs (one per run of consecutive
 * days), milestones as VTODOs and exchange-group meetings as all-day
 * VEVENTs, with UIDs that stay the same from one export to the next. */

/* One period an iCalendar file describes. */
typedef struct
{
  char  *uid;
  char  *summary;   /* may be NULL */
  GDate  start;     /* the first day */
  GDate  end;       /* the day after the last day */
  guint  line;      /* the line of its BEGIN:VEVENT */
} PlIcsEvent;

void       pl_ics_event_free   (PlIcsEvent    *event);

/* Reads @data (@length bytes; @filename only names it in messages) into
 * events. Malformed input is PL_ERROR_INVALID with a message that starts
 * "FILENAME:LINE: ". @today anchors the expansion of repeating events.
 *
 * Returns: (transfer full) (element-type PlIcsEvent): the events, in file
 *   order, or NULL with @error set. */
GPtrArray *pl_ics_parse        (const char    *data,
                                gsize          length,
                                const char    *filename,
                                const GDate   *today,
                                GError       **error);

/* Resolves "all", "partner:NAME", "employer:NAME" or "staff:NAME".
 * PL_ERROR_INVALID for a malformed owner, PL_ERROR_NOT_FOUND for a name
 * that is nobody's (or, for staff, several people's). */
gboolean   pl_ics_resolve_owner (PlStore      *store,
                                 const char   *owner,
                                 PlOwnerKind  *kind,
                                 gint64       *id,
                                 GError      **error);

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
} PlIcsImportResult;

/* Imports the file at @path as periods of @kind (a calendar_period.kind)
 * owned by @owner (as pl_ics_resolve_owner reads it), in one transaction:
 * on any error nothing is written. */
gboolean   pl_ics_import_file  (PlStore            *store,
                                const char         *path,
                                const char         *owner,
                                const char         *kind,
                                const GDate        *today,
                                PlIcsImportResult  *result,
                                GError            **error);

/* The same for data already in memory. */
gboolean   pl_ics_import_data  (PlStore            *store,
                                const char         *data,
                                gsize               length,
                                const char         *filename,
                                const char         *owner,
                                const char         *kind,
                                const GDate        *today,
                                PlIcsImportResult  *result,
                                GError            **error);

/* Writes the calendar of the owner @owner_kind @owner_id (PL_OWNER_ALL and
 * 0: everything): a staff member's placements, milestones and group
 * meetings; an employer's placements and milestones; a partner's staff's
 * placements, milestones and the meetings of groups with a member from it.
 *
 * Returns: (transfer full): the iCalendar text (CRLF lines), or NULL. */
char      *pl_ics_export       (PlStore       *store,
                                PlOwnerKind    owner_kind,
                                gint64         owner_id,
                                GError       **error);

/* One placement's days and milestones, the calendar a confirmation
 * email carries (transfer full), or NULL. */
char      *pl_ics_export_placement (PlStore   *store,
                                    gint64     placement_id,
                                    GError   **error);

gboolean   pl_ics_export_file  (PlStore       *store,
                                const char    *path,
                                PlOwnerKind    owner_kind,
                                gint64         owner_id,
                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlIcsEvent, pl_ics_event_free)

G_END_DECLS
