/* pl-id-counts.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How many times each id was counted (placements per employer, per
 * member of staff…), as a GHashTable so that g_hash_table_size() says how
 * many ids were counted at all. */
GHashTable *pl_id_counts_new (void);
void        pl_id_counts_add (GHashTable *counts,
                              gint64      id);
gint64      pl_id_counts_get (GHashTable *counts,
                              gint64      id);

G_END_DECLS
