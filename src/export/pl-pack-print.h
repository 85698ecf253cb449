/* pl-pack-print.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The lower layers never pull GTK in, not even through a header: whoever
 * prints includes GTK first. */
#ifndef GTK_TYPE_PRINT_OPERATION
#error "Include <gtk/gtk.h> (or <adwaita.h>) before pl-pack-print.h"
#endif

#include "pl-store.h"

G_BEGIN_DECLS

/* Print to File's default for a pack: the employer's name as a file name,
 * in Documents or else the home folder (a file:// URI, transfer full). */
char              *pl_pack_print_default_uri   (const char               *employer_name);

/* A print operation for employer @employer_id's pack: the same pages as the
 * PDF, laid out again for the paper chosen. @settings (the application's,
 * or NULL for none) gives the last page set-up and print settings, and
 * keeps the new ones when the operation succeeds. (transfer full) */
GtkPrintOperation *pl_pack_print_operation_new (PlStore                  *store,
                                                gint64                    employer_id,
                                                GSettings                *settings,
                                                GError                  **error);

/* Prints (or previews, or exports) the pack, keeping the page set-up in the
 * application's settings; the print dialog, when @action shows one, is
 * modal to @parent. */
gboolean           pl_pack_print               (GtkWindow                *parent,
                                                PlStore                  *store,
                                                gint64                    employer_id,
                                                GtkPrintOperationAction   action,
                                                GError                  **error);
/* The same with the settings to use, as the application holds them. */
gboolean           pl_pack_print_with_settings (GtkWindow                *parent,
                                                PlStore                  *store,
                                                gint64                    employer_id,
                                                GSettings                *settings,
                                                GtkPrintOperationAction   action,
                                                GError                  **error);

G_END_DECLS
