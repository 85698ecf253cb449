/* pl-csv-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-csv.h"
#include "pl-store.h"

G_BEGIN_DECLS

void pl_csv_dialog_import (GtkWindow *parent,
                           PlStore   *store,
                           PlCsvKind  kind);
void pl_csv_dialog_export (GtkWindow *parent,
                           PlStore   *store,
                           PlCsvKind  kind);
void pl_csv_dialog_import_file (GtkWindow *parent,
                                PlStore   *store,
                                PlCsvKind  kind,
                                GFile     *file);
void pl_csv_dialog_export_file (GtkWindow *parent,
                                PlStore   *store,
                                PlCsvKind  kind,
                                GFile     *file);

G_END_DECLS
