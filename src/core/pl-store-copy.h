/* pl-store-copy.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Copies every row of @source (ids, history, milestones, periods,
 * settings) into the data set @dest names, a file's path or a server's
 * URI, in one transaction of @dest: the copy lands whole or not at all.
 * @dest is created when it is a missing file, and refused with
 * %PL_ERROR_INVALID when it already holds records. @progress, when not
 * NULL, hears of each table copied (its name and rows). */
typedef void (*PlStoreCopyProgress) (const char *table,
                                     gint64      rows,
                                     gpointer    user_data);

gboolean pl_store_copy (PlStore              *source,
                        const char           *dest,
                        PlStoreCopyProgress   progress,
                        gpointer              user_data,
                        GError              **error);

G_END_DECLS
