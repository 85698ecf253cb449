/* pl-id-counts.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-id-counts"

#include "config.h"

#include "pl-id-counts.h"

/* An entry is its own key, hashed by its first member as g_int64_hash()
 * expects. */
typedef struct
{
  gint64 id;
  gint64 n;
} IdCount;

/**
 * pl_id_counts_new:
 *
 * Returns: (transfer full): an empty count
 */
GHashTable *
pl_id_counts_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/**
 * pl_id_counts_add:
 * @counts: from pl_id_counts_new()
 * @id: the id to count once more
 */
void
pl_id_counts_add (GHashTable *counts,
                  gint64      id)
{
  IdCount *entry;

  g_return_if_fail (counts != NULL);

  entry = g_hash_table_lookup (counts, &id);
  if (entry == NULL)
    {
      entry = g_new0 (IdCount, 1);
      entry->id = id;
      g_hash_table_add (counts, entry);
    }
  entry->n++;
}

/**
 * pl_id_counts_get:
 * @counts: from pl_id_counts_new()
 * @id: an id
 *
 * Returns: how many times @id was counted, 0 when never
 */
gint64
pl_id_counts_get (GHashTable *counts,
                  gint64      id)
{
  IdCount *entry;

  g_return_val_if_fail (counts != NULL, 0);

  entry = g_hash_table_lookup (counts, &id);
  return entry != NULL ? entry->n : 0;
}
