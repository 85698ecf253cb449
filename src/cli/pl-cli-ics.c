/* pl-cli-ics.c
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
#include "pl-ics.h"

/* import ics FILE --owner all|partner:NAME|employer:NAME|staff:NAME --kind KIND */
int
pl_cli_import_ics (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *owner = NULL;
  g_autofree char *kind = NULL;
  GOptionEntry entries[] = {
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, NULL, NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlIcsImportResult result = { 0 };
  GDate today;

  if (!pl_cli_parse_options ("import ics", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("import ics: give exactly one FILE"));
  if (owner == NULL)
    return pl_cli_usage (_("import ics: give --owner all, partner:NAME, employer:NAME or "
                           "staff:NAME"));
  if (kind == NULL)
    return pl_cli_usage (_("import ics: give --kind (term, holiday, exam, inset, blackout, busy, "
                           "unavailable or bank_holiday)"));
  if (pl_period_kind_from_string (kind) == 0)
    return pl_cli_usage (_("import ics: “%s” is not a kind of period"), kind);
  if (!g_str_equal (owner, "all") && !g_str_has_prefix (owner, "partner:") &&
      !g_str_has_prefix (owner, "employer:") && !g_str_has_prefix (owner, "staff:"))
    return pl_cli_usage (_("import ics: “%s” is not an owner (all, partner:NAME, employer:NAME "
                           "or staff:NAME)"), owner);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  pl_date_today (&today);
  if (!pl_ics_import_file (store, argv[1], owner, kind, &today, &result, &error))
    return pl_cli_fail (error);

  /* TRANSLATORS: the result of importing a calendar file; counts of periods. */
  g_print (_("%s: %u new, %u updated, %u unchanged"), argv[1], result.added, result.updated,
           result.unchanged);
  if (result.skipped_free > 0)
    {
      g_autofree char *skipped = pl_ics_describe_skipped (&result);

      g_print ("; %s", skipped);
    }
  g_print ("\n");
  return PL_EXIT_OK;
}

/* export ics FILE [--staff NAME | --employer NAME | --partner NAME] */
int
pl_cli_export_ics (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *staff = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *partner = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, NULL, NULL },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, NULL, NULL },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *owner = NULL;
  PlOwnerKind kind = PL_OWNER_ALL;
  gint64 owner_id = 0;

  if (!pl_cli_parse_options ("export ics", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("export ics: give exactly one FILE"));
  if ((staff != NULL) + (employer != NULL) + (partner != NULL) > 1)
    return pl_cli_usage (_("export ics: give at most one of --staff, --employer and --partner"));

  if (staff != NULL)
    owner = g_strconcat ("staff:", staff, NULL);
  else if (employer != NULL)
    owner = g_strconcat ("employer:", employer, NULL);
  else if (partner != NULL)
    owner = g_strconcat ("partner:", partner, NULL);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (owner != NULL && !pl_ics_resolve_owner (store, owner, &kind, &owner_id, &error))
    return pl_cli_fail (error);

  if (!pl_ics_export_file (store, argv[1], kind, owner_id, &error))
    return pl_cli_fail (error);

  g_print (_("Calendar written: %s\n"), argv[1]);
  return PL_EXIT_OK;
}
