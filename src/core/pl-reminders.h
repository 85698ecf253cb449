/* pl-reminders.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* What a coordinator is reminded of in the morning (the app's start-up
 * notification and `placements-cli reminders`). */
typedef enum
{
  PL_REMINDER_MILESTONE,    /* a milestone due today or overdue */
  PL_REMINDER_FOLLOW_UP,    /* the follow-up date of an employer's last contact has come */
  PL_REMINDER_DOCUMENT,     /* an employer's document expires within 30 days */
  PL_REMINDER_CONTACTABLE,  /* an employer's "do not contact before" date has passed */
  PL_REMINDER_ASK_AGAIN,    /* an employer said "not this year" a term ago: ask about the next */
} PlReminderKind;

/* How far ahead an expiring document is announced. */
#define PL_REMINDER_DOCUMENT_DAYS 30
/* How long after a "not this year" the employer is asked again (a term and
 * its holiday), about the year after the one refused. */
#define PL_REMINDER_ASK_AGAIN_DAYS 112

typedef struct
{
  PlReminderKind  kind;
  gint64          id;            /* the milestone, contact, document or employer */
  gint64          placement_id;  /* a milestone's placement; 0 otherwise */
  gint64          employer_id;   /* 0 for a milestone of a placement with no employer yet */
  char           *date;          /* ISO: due, follow-up, expiry or do-not-contact-before date */
  gboolean        overdue;       /* the date is before the day asked about */
  char           *subject;       /* the milestone's label, the document's kind in words, the
                                  * academic year to ask about ("2027/28") */
  char           *staff_name;    /* a milestone's member of staff; NULL otherwise */
  char           *employer_name; /* NULL for a milestone of a placement with no employer yet */
} PlReminder;

#define PL_TYPE_REMINDER (pl_reminder_get_type ())

GType        pl_reminder_get_type      (void) G_GNUC_CONST;
PlReminder  *pl_reminder_copy          (const PlReminder *self);
void         pl_reminder_free          (PlReminder       *self);

GPtrArray   *pl_reminders_for_day      (PlStore          *store,
                                        const GDate      *today,
                                        GError          **error);
/* The day's reminders as the start-up notification needs them. */
typedef struct
{
  guint      n_reminders;
  guint      n_overdue;
  GPtrArray *first;        /* (element-type PlReminder): the first few, in order */
} PlReminderDigest;

PlReminderDigest *pl_reminders_digest_for_day        (PlStore             *store,
                                                      const GDate         *today,
                                                      guint                max_first,
                                                      GError             **error);
void              pl_reminders_digest_for_day_async  (PlStore             *store,
                                                      const GDate         *today,
                                                      guint                max_first,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
PlReminderDigest *pl_reminders_digest_for_day_finish (PlStore             *store,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void              pl_reminder_digest_free            (PlReminderDigest    *self);
char             *pl_reminder_digest_summarise       (const PlReminderDigest *self,
                                                      const GDate            *today,
                                                      guint                   max_lines);

const char  *pl_reminder_kind_to_key   (PlReminderKind    kind);
char        *pl_reminder_describe      (const PlReminder *self,
                                        const GDate      *today);
char        *pl_reminders_summarise    (GPtrArray        *reminders,
                                        const GDate      *today,
                                        guint             max_lines);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlReminder, pl_reminder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlReminderDigest, pl_reminder_digest_free)

G_END_DECLS
