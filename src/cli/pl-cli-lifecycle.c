/* pl-cli-lifecycle.c
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
#include "pl-lifecycle.h"
#include "pl-milestones.h"

/* `set-status` and `milestones`: the same rules as the Placements page,
 * for scripts. */

int
pl_cli_set_status (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStatusChange) change = NULL;
  const char *status;
  guint64 id;
  GDate today;

  if (!pl_cli_parse_options ("set-status", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 3)
    return pl_cli_usage (_("set-status: give a placement ID and a STATUS"));
  if (!g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    return pl_cli_usage (_("set-status: “%s” is not a placement ID"), argv[1]);

  status = argv[2];
  if (pl_lifecycle_rank (status) < 0 && !g_str_equal (status, "cancelled"))
    return pl_cli_usage (_("set-status: “%s” is not a status: use request, proposed, agreed, "
                           "confirmed, completed, cascaded, evaluated or cancelled"), status);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  pl_date_today (&today);
  change = pl_lifecycle_change_status (store, (gint64) id, status, reason, &today, &error);
  if (change == NULL)
    {
      if (g_error_matches (error, PL_ERROR, PL_ERROR_NOT_ALLOWED))
        {
          /* A heading, then exactly one missing item a line. */
          g_printerr (_("placements-cli: placement %" G_GUINT64_FORMAT " cannot become %s:\n"),
                      id, status);
          g_printerr ("%s\n", error->message);
          return PL_EXIT_FAILED;
        }
      return pl_cli_fail (error);
    }

  g_print (_("Placement %" G_GUINT64_FORMAT ": %s → %s\n"), id,
           pl_status_change_get_from (change), pl_status_change_get_to (change));
  return PL_EXIT_OK;
}

int
pl_cli_milestones (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *array;
  GDate today;

  if (!pl_cli_parse_options ("milestones", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("milestones: unexpected argument “%s”"), argv[1]);

  if (!pl_cli_parse_today ("milestones", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  node = pl_milestones_to_json (store, &today, overdue);
  if (json)
    {
      pl_cli_print_json (node);
      return PL_EXIT_OK;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      g_print ("%s\n", overdue ? _("No milestone is overdue.") : _("No milestones."));
      return PL_EXIT_OK;
    }

  g_print ("%-10s  %-10s  %9s  %-24s  %s\n", _("Due"), _("Done"), _("Placement"), _("Staff"),
           _("Milestone"));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);
      const char *done = json_object_get_string_member_with_default (m, "done", NULL);

      g_print ("%-10s  %-10s  %9" G_GINT64_FORMAT "  %-24s  %s\n",
               json_object_get_string_member (m, "due"),
               done != NULL ? done
                            : json_object_get_boolean_member (m, "overdue") ? _("overdue") : "",
               json_object_get_int_member (m, "placement"),
               json_object_get_string_member (m, "staff"),
               json_object_get_string_member (m, "label"));
    }

  return PL_EXIT_OK;
}
