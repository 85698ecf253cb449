/* pl-search.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Whether @text, typed into a search field, holds nothing to search for
 * (no word with a letter or a digit), so that a list shows everything. */
gboolean pl_search_is_blank     (const char  *text);

GArray  *pl_search_ids          (PlStore     *store,
                                 const char  *kind,
                                 const char  *text,
                                 GError     **error);

gboolean pl_search_ids_contain  (GArray      *ids,
                                 gint64       id);

G_END_DECLS
