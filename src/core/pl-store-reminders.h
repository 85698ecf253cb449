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

/* The rows behind pl_reminders_for_day(), one query per kind of reminder,
 * each appended to @out (element-type PlReminder) in date order. @today and
 * @horizon are ISO dates; @horizon is the last expiry date announced. */
gboolean pl_store_list_reminders (PlStore     *store,
                                  const char  *today,
                                  const char  *horizon,
                                  GPtrArray   *out,
                                  GError     **error);

G_END_DECLS
