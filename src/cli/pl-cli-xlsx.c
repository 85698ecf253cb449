/* pl-cli-xlsx.c
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
#include "pl-xlsx.h"

/* `export xlsx FILE [--partner NAME] [--anonymise] [--from DATE --to DATE]`:
 * the partner workbook. The filter is the one of `stats`, so the workbook's
 * Summary sheet shows the figures `stats` prints for the same options. */

int
pl_cli_export_xlsx (PlCli  *cli,
                    int     argc,
                    char  **argv)
{
  gboolean anonymise = FALSE;
  g_autofree char *partner = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, NULL, NULL },
    { "anonymise", 0, 0, G_OPTION_ARG_NONE, &anonymise, NULL, NULL },
    { "anonymize", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &anonymise, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { NULL }
  };
  PlXlsxOptions options = { 0 };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("export xlsx", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("export xlsx: give exactly one destination FILE"));
  if (from != NULL && !pl_date_is_iso (from))
    return pl_cli_usage (_("export xlsx: --from “%s” is not a date (YYYY-MM-DD)"), from);
  if (to != NULL && !pl_date_is_iso (to))
    return pl_cli_usage (_("export xlsx: --to “%s” is not a date (YYYY-MM-DD)"), to);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  options.partner = partner;
  options.from = from;
  options.to = to;
  options.anonymise = anonymise;
  if (!pl_xlsx_export (store, argv[1], &options, NULL, NULL, NULL, &error))
    return pl_cli_fail (error);

  g_print (_("Workbook written: %s\n"), argv[1]);
  return PL_EXIT_OK;
}
