/* pl-cli-csv.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-csv.h"

/* `import csv KIND FILE` and `export csv KIND FILE`. argv[0] is "csv". */

/* Whole sentences, so that translators can make the words agree. */
static void
print_summary (gboolean    import,
               PlCsvKind   kind,
               gint64      n,
               const char *path,
               const char *how)
{
  g_autofree char *count = g_strdup_printf ("%'" G_GINT64_FORMAT, n);
  gulong plural = (gulong) MIN (n, G_MAXLONG);

  switch (kind)
    {
    case PL_CSV_PARTNERS:
      if (import)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s partner from %s",
                              "Imported %s partners from %s", plural), count, path);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s partner to %s",
                              "Exported %s partners to %s", plural), count, path);
      break;
    case PL_CSV_STAFF:
      if (import)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s staff member from %s",
                              "Imported %s staff members from %s", plural), count, path);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s staff member to %s",
                              "Exported %s staff members to %s", plural), count, path);
      break;
    case PL_CSV_EMPLOYERS:
      if (import)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s employer from %s",
                              "Imported %s employers from %s", plural), count, path);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s employer to %s",
                              "Exported %s employers to %s", plural), count, path);
      break;
    case PL_CSV_PLACEMENTS:
      if (import)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s placement from %s",
                              "Imported %s placements from %s", plural), count, path);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s placement to %s",
                              "Exported %s placements to %s", plural), count, path);
      break;
    case PL_CSV_GROUPS:
      if (import)
        g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %s group from %s",
                              "Imported %s groups from %s", plural), count, path);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %s group to %s",
                              "Exported %s groups to %s", plural), count, path);
      break;
    default:
      g_assert_not_reached ();
    }

  if (how != NULL)
    /* TRANSLATORS: after "Imported 3 partners from p.csv": how the file
     * was read, "separated by semicolons, read as Windows-1252". */
    g_print (_(" (%s)"), how);
  g_print ("\n");
}

static gboolean
parse_arguments (const char  *verb,
                 int          argc,
                 char       **argv,
                 PlCsvKind   *kind,
                 int         *status)
{
  if (argc != 3)
    {
      *status = pl_cli_usage (_("%s csv: give a KIND (partners, staff, employers, placements "
                                "or groups) and a FILE"), verb);
      return FALSE;
    }

  if (!pl_csv_kind_from_string (argv[1], kind))
    {
      *status = pl_cli_usage (_("%s csv: unknown kind “%s” (partners, staff, employers, "
                                "placements or groups)"), verb, argv[1]);
      return FALSE;
    }

  return TRUE;
}

int
pl_cli_import_csv (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *how = NULL;
  PlCsvFormat format;
  PlCsvKind kind;
  gint64 n_rows = 0;
  int status;

  if (!parse_arguments ("import", argc, argv, &kind, &status))
    return status;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (!pl_csv_import_file (store, kind, argv[2], NULL, NULL, NULL, &n_rows, &format, &error))
    {
      /* The message starts with FILE:LINE:COLUMN, as compilers' do, so
       * that editors can jump to it: no "placements-cli:" in front. */
      g_printerr ("%s\n", error->message);
      return PL_EXIT_FAILED;
    }

  how = pl_csv_format_describe (&format);
  print_summary (TRUE, kind, n_rows, argv[2], how);
  return PL_EXIT_OK;
}

int
pl_cli_export_csv (PlCli  *cli,
                   int     argc,
                   char  **argv)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlCsvKind kind;
  gint64 n_rows = 0;
  int status;

  if (!parse_arguments ("export", argc, argv, &kind, &status))
    return status;

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (!pl_csv_export_file (store, kind, argv[2], NULL, &n_rows, &error))
    return pl_cli_fail (error);

  print_summary (FALSE, kind, n_rows, argv[2], NULL);
  return PL_EXIT_OK;
}
