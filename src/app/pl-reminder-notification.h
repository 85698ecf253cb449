/* pl-reminder-notification.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

gboolean       pl_reminder_notification_send (GApplication *application,
                                              PlStore      *store,
                                              GSettings    *settings,
                                              const GDate  *today);
void           pl_reminder_notification_send_async (GApplication *application,
                                                    PlStore      *store,
                                                    GSettings    *settings,
                                                    const GDate  *today);

G_END_DECLS
