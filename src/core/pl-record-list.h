/* pl-record-list.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_RECORD_LIST (pl_record_list_get_type ())

G_DECLARE_FINAL_TYPE (PlRecordList, pl_record_list, PL, RECORD_LIST, GObject)

/* A GListModel over one table's rows, kept as ids and turned into records
 * only when asked for, so that a list of 100,000 rows stays cheap. It
 * follows the store's ::changed: records already handed out are updated
 * in place, rows added or removed announced with ::items-changed. */
PlRecordList *pl_record_list_new    (PlStore    *store,
                                     GType       type,
                                     const char *column,
                                     gint64      value);
guint         pl_record_list_find   (PlRecordList *self,
                                     gint64        id);

G_END_DECLS
