/* pl-search.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

char    *pl_search_build_query (const char *text);

GArray  *pl_search_ids         (PlStore     *store,
                                const char  *kind,
                                const char  *text,
                                GError     **error);

gboolean pl_search_ids_contain (GArray      *ids,
                                gint64       id);

G_END_DECLS
