/* pl-mail-dialog.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-window.h"

G_BEGIN_DECLS

#define PL_TYPE_MAIL_DIALOG (pl_mail_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlMailDialog, pl_mail_dialog, PL, MAIL_DIALOG, AdwWindow)

/* Writes an email about the record @kind ("employer", "contact", "staff"
 * or "milestone") @id from a template, for the user to edit. NULL with
 * @error when the record cannot be read.
 *
 * Returns: (transfer none): the dialog, transient for @window, not yet
 *   shown; it destroys itself when done */
PlMailDialog *pl_mail_dialog_new          (PlWindow      *window,
                                           const char    *kind,
                                           gint64         id,
                                           GError       **error);

const char   *pl_mail_dialog_get_template (PlMailDialog  *self);
void          pl_mail_dialog_set_template (PlMailDialog  *self,
                                           const char    *key);
/* The mailto: URI of the email as it now reads (transfer full). */
char         *pl_mail_dialog_dup_uri      (PlMailDialog  *self);
/* The placement whose calendar "Save .ics" writes, or 0. */
gint64        pl_mail_dialog_get_placement (PlMailDialog *self);
/* What "Save .ics for Attaching" writes, at @path. */
gboolean      pl_mail_dialog_save_ics     (PlMailDialog  *self,
                                           const char    *path,
                                           GError       **error);

/* Where "Open in Mail" sends its URI instead of the desktop's mail
 * program: a test sets one, so that no mail program is needed and the URI
 * can be read. The launcher returns whether it opened the URI; FALSE with
 * @error is what a missing mail program looks like. NULL restores the
 * desktop's. */
typedef gboolean (*PlMailLauncher) (const char  *uri,
                                    gpointer     user_data,
                                    GError     **error);

void          pl_mail_dialog_set_launcher (PlMailLauncher launcher,
                                           gpointer       user_data);

G_END_DECLS
