/* pl-xlsx-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <xlsxwriter.h>

#include "pl-store-report.h"
#include "pl-xlsx.h"

G_BEGIN_DECLS

/* One export in progress: shared by the table sheets (pl-xlsx.c) and the
 * Summary sheet (pl-xlsx-summary.c). */
typedef struct
{
  PlStore             *store;
  const PlXlsxOptions *options;
  gint64               partner_id;     /* 0: every partner */
  char                *partner_name;   /* as the database spells it; NULL: every partner */
  char                *network_name;
  char                *today;          /* ISO date the workbook is generated on */

  lxw_workbook        *workbook;

  lxw_format          *header;         /* bold header row of a table */
  lxw_format          *number_header;  /* the same, over a column of figures */
  lxw_format          *date;
  lxw_format          *integer;
  lxw_format          *percent;
  lxw_format          *title;
  lxw_format          *subtitle;
  lxw_format          *heading;
  lxw_format          *note;
  lxw_format          *overdue;        /* conditional format of overdue milestones */

  /* Filled as the Placements sheet is written, read by the Employers and
   * Staff sheets: id → how many placements of the workbook. */
  GHashTable          *hosted;         /* by employer */
  GHashTable          *placed;         /* by member of staff */

  GCancellable        *cancellable;
  PlXlsxProgress       progress;
  gpointer             user_data;
  gint64               done;           /* table rows written */
  gint64               total;          /* table rows to write */
} PlXlsxExport;

gboolean pl_xlsx_write_summary    (PlXlsxExport        *export,
                                   GError             **error);

/* Fills @out from an ISO date; FALSE when @iso is NULL or not a date. */
gboolean pl_xlsx_parse_date       (const char          *iso,
                                   lxw_datetime        *out);

/* Sets @error from a libxlsxwriter failure while writing @sheet. */
void     pl_xlsx_set_error        (GError             **error,
                                   const char          *sheet,
                                   lxw_error            code);

G_END_DECLS
