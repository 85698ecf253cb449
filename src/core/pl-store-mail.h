/* pl-store-mail.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* The email templates a network has edited, kept among its settings so
 * that every coordinator of a shared data set writes with the same ones.
 * pl-mail.h holds the built-in texts; a template nobody edited has no
 * entry here. */

/* The edited subject and body of the template @key (transfer full), or
 * FALSE, with both NULL, when it was never edited or was reset. */
gboolean  pl_store_get_mail_template   (PlStore     *store,
                                        const char  *key,
                                        char       **subject,
                                        char       **body);
/* Keeps @subject and @body as the template @key, in one transaction. */
gboolean  pl_store_set_mail_template   (PlStore     *store,
                                        const char  *key,
                                        const char  *subject,
                                        const char  *body,
                                        GError     **error);
/* Forgets the edits of @key: the built-in text is used again. */
gboolean  pl_store_reset_mail_template (PlStore     *store,
                                        const char  *key,
                                        GError     **error);

G_END_DECLS
