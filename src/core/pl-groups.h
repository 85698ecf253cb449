/* pl-groups.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Professional exchange groups beyond single records: a whole group with
 * its members, meetings and outcomes (for undo and duplication), and the
 * group meetings of a period (for the calendar and the .ics export). */

/* One meeting of a group, as a calendar shows it. */
typedef struct
{
  gint64       meeting_id;
  gint64       group_id;
  char        *date;        /* ISO YYYY-MM-DD */
  char        *group_name;
  PlGroupArea  area;
  char        *place;       /* nullable */
  char        *notes;       /* nullable */
} PlGroupMeetingEvent;

#define PL_TYPE_GROUP_MEETING_EVENT (pl_group_meeting_event_get_type ())

GType                pl_group_meeting_event_get_type (void) G_GNUC_CONST;
PlGroupMeetingEvent *pl_group_meeting_event_copy     (const PlGroupMeetingEvent *self);
void                 pl_group_meeting_event_free     (PlGroupMeetingEvent       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlGroupMeetingEvent, pl_group_meeting_event_free)

GPtrArray   *pl_groups_meetings_between  (PlStore     *store,
                                          const char  *from,
                                          const char  *to,
                                          GError     **error);

GHashTable  *pl_groups_meeting_dates     (PlStore     *store,
                                          const char  *today,
                                          GError     **error);

gint64           pl_group_duplicate             (PlStore         *store,
                                                 gint64           group_id,
                                                 GError         **error);

/* The URI to open for an outcome's "link or file": a web address as it is,
 * a file path (absolute, or from ~/) as a file:// URI (transfer full). */
char            *pl_outcome_link_to_uri         (const char      *link,
                                                 GError         **error);

G_END_DECLS
