/* pl-store-mail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-mail"

#include "config.h"

#include "pl-store-mail.h"
#include "pl-store-private.h"

/* Each template is two settings, "mail.KEY.subject" and "mail.KEY.body":
 * the settings table is the same on both engines and already shared. */
static char *
setting_key (const char *key,
             const char *part)
{
  return g_strconcat ("mail.", key, ".", part, NULL);
}

gboolean
pl_store_get_mail_template (PlStore     *store,
                            const char  *key,
                            char       **subject,
                            char       **body)
{
  g_autofree char *subject_key = NULL;
  g_autofree char *body_key = NULL;
  g_autofree char *s = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  subject_key = setting_key (key, "subject");
  body_key = setting_key (key, "body");
  s = pl_store_get_setting (store, subject_key);
  b = pl_store_get_setting (store, body_key);

  /* Both are written together; half of a template is no template. */
  if (s == NULL || b == NULL)
    {
      *subject = *body = NULL;
      return FALSE;
    }

  *subject = g_steal_pointer (&s);
  *body = g_steal_pointer (&b);
  return TRUE;
}

gboolean
pl_store_set_mail_template (PlStore     *store,
                            const char  *key,
                            const char  *subject,
                            const char  *body,
                            GError     **error)
{
  g_autofree char *subject_key = NULL;
  g_autofree char *body_key = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && subject != NULL && body != NULL, FALSE);

  subject_key = setting_key (key, "subject");
  body_key = setting_key (key, "body");

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!pl_store_set_setting (store, subject_key, subject, error) ||
      !pl_store_set_setting (store, body_key, body, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }
  return pl_store_commit (store, error);
}

gboolean
pl_store_reset_mail_template (PlStore     *store,
                              const char  *key,
                              GError     **error)
{
  g_autofree char *subject_key = NULL;
  g_autofree char *body_key = NULL;
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  subject_key = setting_key (key, "subject");
  body_key = setting_key (key, "body");

  stmt = pl_db_prepare (pl_store_get_db (store), "DELETE FROM settings WHERE key IN (?1, ?2)",
                        error);
  if (stmt == NULL)
    return pl_store_translate_error (error, NULL);
  pl_stmt_bind_text (stmt, 1, subject_key);
  pl_stmt_bind_text (stmt, 2, body_key);

  if (!pl_store_begin (store, error))
    return FALSE;
  if (!pl_stmt_run (stmt, error))
    {
      pl_store_rollback (store);
      return pl_store_translate_error (error, NULL);
    }
  return pl_store_commit (store, error);
}
