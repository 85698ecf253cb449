/* pl-cli-mail.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-date.h"
#include "pl-mail.h"

static GString *
template_keys (void)
{
  const PlMailTemplate *templates;
  GString *keys = g_string_new (NULL);
  guint n;

  templates = pl_mail_get_templates (&n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "", templates[i].key);
  return keys;
}

/* mail --employer NAME --template KEY [--placement ID] [--log]
 *      [--coordinator NAME] [--today DATE]
 *
 * Prints the mailto: URI the app would hand the mail program; with --log
 * the email joins the employer's contact log as the app logs it. */
int
pl_cli_mail (PlCli  *cli,
             int     argc,
             char  **argv)
{
  g_autofree char *employer_name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *coordinator = NULL;
  g_autofree char *today_text = NULL;
  gint64 placement_id = 0;
  gboolean log = FALSE;
  GOptionEntry entries[] = {
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer_name, NULL, NULL },
    { "template", 0, 0, G_OPTION_ARG_STRING, &key, NULL, NULL },
    { "placement", 0, 0, G_OPTION_ARG_INT64, &placement_id, NULL, NULL },
    { "log", 0, 0, G_OPTION_ARG_NONE, &log, NULL, NULL },
    { "coordinator", 0, 0, G_OPTION_ARG_STRING, &coordinator, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlMailFields) fields = NULL;
  g_autofree char *subject_template = NULL;
  g_autofree char *body_template = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *uri = NULL;
  GDate today;

  if (!pl_cli_parse_options ("mail", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("mail: unexpected argument “%s”"), argv[1]);
  if (employer_name == NULL)
    return pl_cli_usage (_("mail: give --employer NAME"));
  if (key == NULL || pl_mail_find_template (key) == NULL)
    {
      g_autoptr(GString) keys = template_keys ();

      if (key == NULL)
        return pl_cli_usage (_("mail: give --template, one of %s"), keys->str);
      return pl_cli_usage (_("mail: “%s” is not a template (%s)"), key, keys->str);
    }
  if (placement_id < 0)
    return pl_cli_usage (_("mail: --placement needs a placement’s number"));
  if (!pl_cli_parse_today ("mail", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  employer = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, employer_name, &error);
  if (employer == NULL)
    return pl_cli_fail (error);

  fields = pl_mail_fields_new (store, "employer", pl_record_get_id (employer), placement_id,
                               coordinator, &today, &error);
  if (fields == NULL)
    return pl_cli_fail (error);

  pl_mail_get_texts (store, key, &subject_template, &body_template);
  subject = pl_mail_fill (subject_template, fields);
  body = pl_mail_fill (body_template, fields);
  uri = pl_mail_build_uri (fields->to, subject, body);

  if (log && pl_mail_log (store, fields, key, subject, &today, &error) == 0)
    return pl_cli_fail (error);

  g_print ("%s\n", uri);
  return PL_EXIT_OK;
}
