/* pl-keyring.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-keyring"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "pl-keyring.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "org.placements.Placements.Database", SECRET_SCHEMA_NONE,
    {
      { "uri", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

void
pl_keyring_lookup (const char          *uri,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (uri != NULL);

  secret_password_lookup (get_schema (), cancellable, callback, user_data, "uri", uri, NULL);
}

char *
pl_keyring_lookup_finish (GAsyncResult  *result,
                          GError       **error)
{
  char *password = secret_password_lookup_finish (result, error);
  char *copy;

  /* Handed on as a plain string: the rest of the app frees it with
   * pl_keyring_free_password(). */
  if (password == NULL)
    return NULL;
  copy = g_strdup (password);
  secret_password_free (password);
  return copy;
}

void
pl_keyring_store (const char          *uri,
                  const char          *user,
                  const char          *password,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (uri != NULL);
  g_return_if_fail (password != NULL);

  /* What the keyring's own window lists. */
  label = g_strdup_printf (_("Placements: shared database of %s"), user != NULL ? user : uri);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         cancellable, callback, user_data, "uri", uri, NULL);
}

gboolean
pl_keyring_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  return secret_password_store_finish (result, error);
}

static void
on_forgotten (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing to tell anyone: without a keyring there was nothing in it. */
  if (!secret_password_clear_finish (result, &error))
    g_debug ("Could not forget a password: %s", error->message);
}

void
pl_keyring_forget (const char *uri)
{
  g_return_if_fail (uri != NULL);

  secret_password_clear (get_schema (), NULL, on_forgotten, NULL, "uri", uri, NULL);
}

void
pl_keyring_free_password (char *password)
{
  if (password == NULL)
    return;
  memset (password, 0, strlen (password));
  g_free (password);
}
