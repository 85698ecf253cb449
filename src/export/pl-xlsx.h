/* pl-xlsx.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* What the partner workbook covers. The filter means what it means for
 * pl_stats_compute(), so that the Summary sheet and `stats` agree. */
typedef struct
{
  const char *partner;    /* partner name; NULL for every partner */
  const char *from;       /* ISO date, inclusive; NULL for no limit */
  const char *to;         /* ISO date, inclusive; NULL for no limit */
  gboolean    anonymise;  /* staff names become codes, contact details are left out */
} PlXlsxOptions;

/* Called from the thread that runs the export, now and then, with the rows
 * written so far out of @total. */
typedef void (*PlXlsxProgress) (gint64   done,
                                gint64   total,
                                gpointer user_data);

/* The code that stands for a member of staff in an anonymised workbook,
 * "S-0042" for id 42 (transfer full). */
char     *pl_xlsx_staff_code (gint64               staff_id);

/* Writes the partner workbook to @path: the sheets Summary, Placements,
 * Employers, Staff, Milestones, Observations, Surveys and Groups. The file
 * appears whole or not at all: on an error or when @cancellable is
 * cancelled nothing is left at @path (an existing file there is kept). */
gboolean  pl_xlsx_export     (PlStore             *store,
                              const char          *path,
                              const PlXlsxOptions *options,
                              GCancellable        *cancellable,
                              PlXlsxProgress       progress,
                              gpointer             user_data,
                              GError             **error);

G_END_DECLS
