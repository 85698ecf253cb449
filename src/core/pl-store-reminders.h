/* pl-store-reminders.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-reminders.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Takes @item. */
typedef void (*PlReminderFunc) (PlReminder *item,
                                gpointer    user_data);

/* The rows behind pl_reminders_for_day(), one query per kind of reminder
 * (milestones, follow-ups, documents, employers contactable again, to ask
 * again: follow-ups before the two they settle), each kind in date order,
 * given one at a time to @func so that nobody has to hold them all. @today
 * and @horizon are ISO dates; @horizon is the last expiry date announced. */
gboolean pl_store_list_reminders (PlStore         *store,
                                  const char      *today,
                                  const char      *horizon,
                                  PlReminderFunc   func,
                                  gpointer         user_data,
                                  GError         **error);

G_END_DECLS
