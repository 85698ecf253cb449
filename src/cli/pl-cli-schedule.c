/* pl-cli-schedule.c
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
#include "pl-schedule.h"

static void
print_text (const PlScheduleResult *result,
            gboolean                replan)
{
  if (replan)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "%u placement breaks a rule; %u can be moved.\n",
                          "%u placements break a rule; %u can be moved.\n", result->n_movable),
             result->n_movable, result->placed->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Placed %u of %u request.\n",
                          "Placed %u of %u requests.\n", result->n_movable),
             result->placed->len, result->n_movable);

  for (guint i = 0; i < result->placed->len; i++)
    {
      const PlProposal *proposal = result->placed->pdata[i];
      g_autofree char *days = g_strjoinv (", ", proposal->days);

      /* TRANSLATORS: placement number, staff member, sector, employer, days */
      g_print (_("  %" G_GINT64_FORMAT "  %s (%s): %s, %s\n"), proposal->placement_id,
               proposal->staff_name, proposal->sector_name, proposal->employer_name, days);
    }

  if (result->unplaced->len > 0)
    g_print ("%s\n", _("Not placed:"));
  for (guint i = 0; i < result->unplaced->len; i++)
    {
      const PlProposal *proposal = result->unplaced->pdata[i];

      /* TRANSLATORS: placement number, staff member, sector, why not placed */
      g_print (_("  %" G_GINT64_FORMAT "  %s (%s): %s\n"), proposal->placement_id,
               proposal->staff_name, proposal->sector_name, proposal->reason);
    }
}

int
pl_cli_schedule (PlCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *today_text = NULL;
  gboolean apply = FALSE;
  gboolean json = FALSE;
  gboolean replan = FALSE;
  gint seed = 0;
  GOptionEntry entries[] = {
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { "apply", 0, 0, G_OPTION_ARG_NONE, &apply, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, NULL, NULL },
    { "replan", 0, 0, G_OPTION_ARG_NONE, &replan, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlScheduleResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PlScheduleOptions options = { 0 };
  GDate today;

  if (!pl_cli_parse_options ("schedule", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("schedule: unexpected argument “%s”"), argv[1]);
  if (seed < 0)
    return pl_cli_usage (_("schedule: --seed must be 0 or more"));

  if (!pl_cli_parse_today ("schedule", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  options.seed = (guint32) seed;
  options.replan = replan;
  /* Another coordinator may plan the same hosts at the same moment: the
   * store refuses a plan that would overfill one, and it is made again
   * over what the other booked. */
  for (guint attempt = 1;; attempt++)
    {
      g_clear_pointer (&result, pl_schedule_result_free);
      result = pl_schedule_run (store, &today, &options, NULL, NULL, NULL, &error);
      if (result == NULL)
        return pl_cli_fail (error);

      if (!apply || pl_schedule_apply (store, (PlProposal * const *) result->placed->pdata,
                                       result->placed->len, &today, NULL, &error))
        break;
      if (!g_error_matches (error, PL_ERROR, PL_ERROR_CONFLICT) || attempt == 10)
        return pl_cli_fail (error);
      g_printerr (_("placements-cli: %s (planning again)\n"), error->message);
      g_clear_error (&error);
    }

  if (json)
    {
      g_autoptr(JsonNode) node = pl_schedule_result_to_json (result);

      pl_cli_print_json (node);
    }
  else
    {
      print_text (result, replan);
      if (apply)
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "%u placement is now proposed.\n",
                              "%u placements are now proposed.\n", result->placed->len),
                 result->placed->len);
    }

  return PL_EXIT_OK;
}
