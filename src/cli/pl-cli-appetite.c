/* pl-cli-appetite.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-calendar.h"
#include "pl-cli.h"
#include "pl-date.h"
#include "pl-store-appetite.h"

/* `appetite EMPLOYER [STATE [--year YYYY/YY] [--reason TEXT]]`: what an
 * employer said about hosting each academic year, or a new answer for one
 * year (the current one unless --year says otherwise). */

gboolean
pl_cli_parse_appetite (const char  *text,
                       PlAppetite  *state)
{
  g_autofree char *nick = NULL;
  int value;

  if (text == NULL)
    return FALSE;

  /* not-this-year and not_this_year alike. */
  nick = g_strdelimit (g_ascii_strdown (text, -1), "-", '_');
  if (!pl_enum_from_nick (PL_TYPE_APPETITE, nick, &value))
    return FALSE;
  *state = value;
  return TRUE;
}

gboolean
pl_cli_parse_year (const char  *text,
                   int         *year,
                   GError     **error)
{
  GDate today;

  if (text == NULL)
    {
      pl_date_today (&today);
      *year = pl_appetite_year_of (&today);
      return TRUE;
    }
  if (!pl_academic_year_parse (text, year))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("--year “%s” is not an academic year (YYYY/YY, as in 2026/27)"), text);
      return FALSE;
    }
  return TRUE;
}

static void
print_entry (const char *employer,
             int         year,
             PlAppetite  state,
             const char *reason)
{
  g_autofree char *label = pl_academic_year_label (year);

  if (reason != NULL)
    /* TRANSLATORS: employer, academic year, appetite, its reason */
    g_print (_("%s, %s: %s (%s)\n"), employer, label,
             pl_enum_get_label (PL_TYPE_APPETITE, state), reason);
  else
    /* TRANSLATORS: employer, academic year, appetite */
    g_print (_("%s, %s: %s\n"), employer, label, pl_enum_get_label (PL_TYPE_APPETITE, state));
}

int
pl_cli_appetite (PlCli  *cli,
                 int     argc,
                 char  **argv)
{
  g_autofree char *year_text = NULL;
  g_autofree char *reason = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, NULL, NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(GError) error = NULL;
  PlAppetite state = PL_APPETITE_UNKNOWN;
  const char *name;
  int year = 0;

  if (!pl_cli_parse_options ("appetite", entries, &argc, &argv))
    return PL_EXIT_USAGE;

  if (argc < 2 || argc > 3)
    return pl_cli_usage (_("appetite: give an employer, and to change it one of looking, "
                           "interested, not_this_year, arranged or unknown"));
  if (argc == 3 && !pl_cli_parse_appetite (argv[2], &state))
    return pl_cli_usage (_("appetite: “%s” is not an appetite (looking, interested, "
                           "not_this_year, arranged or unknown)"), argv[2]);
  if (argc == 2 && reason != NULL)
    return pl_cli_usage (_("appetite: --reason goes with a new appetite"));
  if ((year_text != NULL || argc == 3) && !pl_cli_parse_year (year_text, &year, &error))
    return pl_cli_usage ("appetite: %s", error->message);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  employer = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, argv[1], &error);
  if (employer == NULL)
    return pl_cli_fail (error);
  name = pl_record_get_string (employer, "name");

  if (argc == 3)
    {
      g_autofree char *kept = NULL;
      PlAppetite now;

      if (!pl_store_set_appetite (store, pl_record_get_id (employer), year, state, reason,
                                  &error))
        return pl_cli_fail (error);
      now = pl_store_get_appetite (store, pl_record_get_id (employer), year, &kept);
      print_entry (name, year, now, kept);
      return PL_EXIT_OK;
    }

  {
    g_autoptr(GPtrArray) entries_read = pl_store_list_appetite (store, pl_record_get_id (employer),
                                                                year, &error);

    if (entries_read == NULL)
      return pl_cli_fail (error);

    if (json)
      {
        g_autoptr(JsonBuilder) builder = json_builder_new ();
        g_autoptr(JsonNode) root = NULL;

        json_builder_begin_array (builder);
        for (guint i = 0; i < entries_read->len; i++)
          {
            const PlAppetiteEntry *entry = entries_read->pdata[i];
            g_autofree char *label = pl_academic_year_label (entry->year);

            json_builder_begin_object (builder);
            json_builder_set_member_name (builder, "employer");
            json_builder_add_string_value (builder, entry->employer_name);
            json_builder_set_member_name (builder, "year");
            json_builder_add_string_value (builder, label);
            json_builder_set_member_name (builder, "appetite");
            json_builder_add_string_value (builder, pl_enum_to_nick (PL_TYPE_APPETITE,
                                                                     entry->state));
            json_builder_set_member_name (builder, "reason");
            if (entry->reason != NULL)
              json_builder_add_string_value (builder, entry->reason);
            else
              json_builder_add_null_value (builder);
            json_builder_end_object (builder);
          }
        json_builder_end_array (builder);
        root = json_builder_get_root (builder);
        pl_cli_print_json (root);
        return PL_EXIT_OK;
      }

    if (entries_read->len == 0)
      {
        if (year == 0 && !pl_cli_parse_year (NULL, &year, &error))
          return pl_cli_fail (error);
        print_entry (name, year, PL_APPETITE_UNKNOWN, NULL);
      }
    for (guint i = 0; i < entries_read->len; i++)
      {
        const PlAppetiteEntry *entry = entries_read->pdata[i];

        print_entry (name, entry->year, entry->state, entry->reason);
      }
  }

  return PL_EXIT_OK;
}
