/* pl-cli-survey.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "pl-cli.h"
#include "pl-date.h"
#include "pl-impact.h"
#include "pl-survey-import.h"

/* `import survey student|employer FILE [--placement ID | --staff NAME |
 * --employer NAME] [--date DATE]`. argv[0] is "survey". */

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || *text == '\0')
    return FALSE;
  value = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || value <= 0)
    return FALSE;
  *id = value;
  return TRUE;
}

int
pl_cli_import_survey (PlCli  *cli,
                      int     argc,
                      char  **argv)
{
  g_autofree char *placement = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *employer = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "placement", 0, 0, G_OPTION_ARG_STRING, &placement, NULL, NULL },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, NULL, NULL },
    { "employer", 0, 0, G_OPTION_ARG_STRING, &employer, NULL, NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlSurveyLink link = { 0 };
  const char *kind;
  const char *path;
  gint64 n_rows = 0;
  gint64 n_empty = 0;
  g_autofree char *how = NULL;
  PlCsvFormat format;
  gulong plural;

  if (!pl_cli_parse_options ("import survey", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 3)
    return pl_cli_usage (_("import survey: give a KIND (student or employer) and a FILE"));

  kind = argv[1];
  path = argv[2];
  if (!g_str_equal (kind, "student") && !g_str_equal (kind, "employer"))
    return pl_cli_usage (_("import survey: unknown kind “%s” (student or employer)"), kind);
  if ((placement != NULL) + (staff != NULL) + (employer != NULL) > 1)
    return pl_cli_usage (_("import survey: link the responses to one of --placement, --staff "
                           "or --employer"));
  if (placement != NULL && !parse_id (placement, &link.placement_id))
    return pl_cli_usage (_("import survey: --placement “%s” is not a placement number"),
                         placement);
  if (date != NULL && !pl_date_is_iso (date))
    return pl_cli_usage (_("import survey: --date “%s” is not a date (YYYY-MM-DD)"), date);
  link.date = date;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (staff != NULL && (link.staff_id = pl_impact_find_staff (store, staff, &error)) == 0)
    return pl_cli_fail (error);
  if (employer != NULL)
    {
      g_autoptr(PlRecord) record = pl_store_find_by_name (store, PL_TYPE_EMPLOYER, employer,
                                                          NULL);

      if (record == NULL)
        {
          g_set_error (&error, PL_ERROR, PL_ERROR_NOT_FOUND,
                       _("There is no employer called “%s”."), employer);
          return pl_cli_fail (error);
        }
      link.employer_id = pl_record_get_id (record);
    }

  if (!pl_survey_import_file (store, kind, path, &link, &n_rows, &n_empty, &format, &error))
    {
      /* FILE:LINE:COLUMN first, as compilers write it, for editors to jump
       * to; other failures say who is speaking. */
      if (g_str_has_prefix (error->message, path))
        g_printerr ("%s\n", error->message);
      else
        pl_cli_fail (error);
      return PL_EXIT_FAILED;
    }

  plural = (gulong) MIN (n_rows, G_MAXLONG);
  if (g_str_equal (kind, "student"))
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %" G_GINT64_FORMAT " student survey "
                          "response from %s", "Imported %" G_GINT64_FORMAT " student survey "
                          "responses from %s", plural), n_rows, path);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %" G_GINT64_FORMAT " employer survey "
                          "response from %s", "Imported %" G_GINT64_FORMAT " employer survey "
                          "responses from %s", plural), n_rows, path);
  how = pl_csv_format_describe (&format);
  if (how != NULL)
    /* TRANSLATORS: after "Imported 3 student survey responses from s.csv":
     * how the file was read, "separated by semicolons, read as UTF-16". */
    g_print (_(" (%s)"), how);
  g_print ("\n");
  if (n_empty > 0)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Skipped %" G_GINT64_FORMAT " row that answered no question\n",
                          "Skipped %" G_GINT64_FORMAT " rows that answered no question\n",
                          (gulong) MIN (n_empty, G_MAXLONG)), n_empty);

  return PL_EXIT_OK;
}
