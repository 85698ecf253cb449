/* pl-store-appetite.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* An employer's appetite for hosting, per academic year: actively looking,
 * interested, not this year (with a reason) or already arranged. Years are
 * named by the calendar year of their 1 September (2026 for 2026/27); a
 * year with nothing recorded is PL_APPETITE_UNKNOWN. */

typedef struct
{
  gint64      employer_id;
  char       *employer_name;
  int         year;
  PlAppetite  state;
  char       *reason;        /* NULL for none */
} PlAppetiteEntry;

void pl_appetite_entry_free (PlAppetiteEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlAppetiteEntry, pl_appetite_entry_free)

/* The academic year (by its first calendar year) that holds @date. */
int          pl_appetite_year_of   (const GDate  *date);

/* Records @state for @employer_id in @year, in one undoable step;
 * PL_APPETITE_UNKNOWN forgets it. "Not this year" needs a @reason (the
 * planner quotes it); any other state may have one as a note. */
gboolean     pl_store_set_appetite (PlStore      *store,
                                    gint64        employer_id,
                                    int           year,
                                    PlAppetite    state,
                                    const char   *reason,
                                    GError      **error);

/* The appetite of @employer_id in @year (PL_APPETITE_UNKNOWN when nothing
 * is recorded); @reason (out, transfer full, nullable) its reason. */
PlAppetite   pl_store_get_appetite (PlStore      *store,
                                    gint64        employer_id,
                                    int           year,
                                    char        **reason);

/* Every appetite recorded, by employer name, then year; @employer_id 0
 * for all employers, @year 0 for all years.
 *
 * Returns: (transfer full) (element-type PlAppetiteEntry): the entries,
 *   or NULL with @error set */
GPtrArray   *pl_store_list_appetite (PlStore     *store,
                                     gint64       employer_id,
                                     int          year,
                                     GError     **error);

/* The employers whose appetite in @year is @state (PL_APPETITE_UNKNOWN:
 * those with nothing recorded), as a set of ids.
 *
 * Returns: (transfer full): gint64 ids → TRUE, or NULL with @error set */
GHashTable  *pl_store_appetite_employers (PlStore     *store,
                                          int          year,
                                          PlAppetite   state,
                                          GError     **error);

G_END_DECLS
