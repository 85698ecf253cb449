/* pl-search-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-search.h"

G_BEGIN_DECLS

/* The full-text queries of the search index, for the modules of src/core
 * that search (pl-search.c, pl-placement-list.c): nothing outside core
 * writes one. Both quote every word, so that what people type is never
 * read as FTS5 syntax. */

/* One query in which every word of @text must match the start of a word:
 * «quay side» becomes `"quay"* "side"*`; NULL when @text is blank
 * (transfer full). */
char  *pl_search_build_query       (const char *text);

/* One query a word of @text, folded (case and accents), at most eight of
 * them, for a search that looks for each word in several kinds of record;
 * NULL for no text (transfer full). */
GStrv  pl_search_build_word_queries (const char *text);

/* The ids of the records of each of @kinds (NULL-terminated) that @query
 * (one of pl_search_build_word_queries()) matches, appended to @found,
 * one array of gint64 per kind, in no order: one read of the index for
 * every kind. FALSE with @error set when the index cannot be read. */
gboolean pl_search_word_ids (PlStore            *store,
                             const char         *query,
                             const char * const *kinds,
                             GArray            **found,
                             GError            **error);

G_END_DECLS
