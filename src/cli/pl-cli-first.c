/* pl-cli-first.c
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
#include "pl-records.h"
#include "pl-schedule.h"
#include "pl-terms.h"

/* The jobs of the app's first steps without the app: the employers a
 * request could go to (the placement editor's chooser) and a college's
 * typical English terms (the first-run path). */

int
pl_cli_employers_for (PlCli  *cli,
                      int     argc,
                      char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) fits = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  char *end = NULL;
  GDate today;

  if (!pl_cli_parse_options ("employers-for", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("employers-for: give one placement ID"));
  id = g_ascii_strtoll (argv[1], &end, 10);
  if (end == argv[1] || *end != '\0' || id <= 0)
    return pl_cli_usage (_("employers-for: “%s” is not a placement ID"), argv[1]);
  if (!pl_cli_parse_today ("employers-for", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  fits = pl_schedule_rank_employers (store, id, &today, &error);
  if (fits == NULL)
    return pl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < fits->len; i++)
        {
          const PlEmployerFit *fit = fits->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, fit->employer_id);
          json_builder_set_member_name (builder, "employer");
          json_builder_add_string_value (builder, fit->employer_name);
          json_builder_set_member_name (builder, "fits");
          json_builder_add_boolean_value (builder, fit->best != NULL);
          json_builder_set_member_name (builder, "days");
          json_builder_begin_array (builder);
          for (guint d = 0; fit->best != NULL && fit->best->days[d] != NULL; d++)
            json_builder_add_string_value (builder, fit->best->days[d]);
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "reason");
          if (fit->reason != NULL)
            json_builder_add_string_value (builder, fit->reason);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      pl_cli_print_json (root);
      return PL_EXIT_OK;
    }

  if (fits->len == 0)
    {
      g_autoptr(PlRecord) placement = pl_store_get (store, PL_TYPE_PLACEMENT, id, NULL);

      g_print (_("No employer works in %s.\n"),
               placement != NULL ? pl_record_get_string (placement, "sector_name") : "");
      return PL_EXIT_OK;
    }

  for (guint i = 0; i < fits->len; i++)
    {
      const PlEmployerFit *fit = fits->pdata[i];

      if (fit->best != NULL)
        {
          g_autofree char *days = g_strjoinv (", ", fit->best->days);

          /* TRANSLATORS: an employer that can take the placement, and its best days */
          g_print (_("%s: %s\n"), fit->employer_name, days);
        }
      else
        /* TRANSLATORS: an employer that cannot take the placement, and why */
        g_print (_("%s: cannot: %s\n"), fit->employer_name, fit->reason);
    }

  return PL_EXIT_OK;
}

int
pl_cli_add_terms (PlCli  *cli,
                  int     argc,
                  char  **argv)
{
  g_autofree char *partner_name = NULL;
  g_autofree char *today_text = NULL;
  GOptionEntry entries[] = {
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner_name, NULL, NULL },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GError) error = NULL;
  guint added = 0;
  GDate today;

  if (!pl_cli_parse_options ("add-terms", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2 || !g_str_equal (argv[1], "england"))
    return pl_cli_usage (_("add-terms: the only calendar known is “england”"));
  if (partner_name == NULL)
    return pl_cli_usage (_("add-terms: give the college with --partner NAME"));
  if (!pl_cli_parse_today ("add-terms", today_text, &today))
    return PL_EXIT_USAGE;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  partner = pl_store_find_by_name (store, PL_TYPE_PARTNER, partner_name, &error);
  if (partner == NULL)
    return pl_cli_fail (error);

  if (!pl_terms_add_england (store, pl_record_get_id (partner), &today, &added, &error))
    return pl_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u term or half-term added\n",
                        "%s: %u terms and half-terms added\n", added),
           pl_record_get_string (partner, "name"), added);
  return PL_EXIT_OK;
}
