/* pl-keyring.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The passwords of shared databases, in the session's keyring (the Secret
 * Service, through libsecret), one per database URI: never in a file nor
 * in GSettings. Without a keyring these fail, and the caller says so. */

void      pl_keyring_lookup         (const char           *uri,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* (transfer full) (nullable): the password, NULL (no error) for none. */
char     *pl_keyring_lookup_finish  (GAsyncResult         *result,
                                     GError              **error);

void      pl_keyring_store          (const char           *uri,
                                     const char           *user,
                                     const char           *password,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
gboolean  pl_keyring_store_finish   (GAsyncResult         *result,
                                     GError              **error);

/* Forgets the password of @uri, if any, in the background. */
void      pl_keyring_forget         (const char           *uri);

/* Frees a password, overwriting it first. */
void      pl_keyring_free_password  (char                 *password);

G_END_DECLS
