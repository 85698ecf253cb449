/* pl-cli.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pl-cli.h"
#include "pl-date.h"
#include "pl-sample.h"
#include "pl-stats.h"
#include "pl-store-copy.h"
#include "pl-survey.h"

static const char usage_text[] =
  N_("Usage: placements-cli [--db PATH] COMMAND [ARGUMENTS…]\n"
     "\n"
     "Commands:\n"
     "  init [--sample]                 create the database (with the sample network)\n"
     "  list KIND [--json] [--search TEXT]\n"
     "                                  list partners, staff, employers, placements or\n"
     "                                  groups (those whose words begin with TEXT's)\n"
     "  list employers --appetite STATE [--year YYYY/YY]\n"
     "                                  only the employers with that appetite this year\n"
     "  set-status ID STATUS [--reason TEXT]\n"
     "                                  move a placement to STATUS, if it has what\n"
     "                                  STATUS needs (a reason is needed to cancel)\n"
     "  milestones [--overdue] [--today DATE] [--json]\n"
     "                                  the milestones of the placements, by due date\n"
     "  stats [--json] [--partner NAME] [--from DATE --to DATE]\n"
     "                                  the impact figures, computed from the records\n"
     "  export xlsx FILE [--partner NAME] [--anonymise] [--from DATE --to DATE]\n"
     "                                  the partner workbook (.xlsx)\n"
     "  export pack FILE.pdf --employer NAME [--template FILE] [--logo FILE]\n"
     "  export pack --all DIR [--template FILE] [--logo FILE]\n"
     "                                  the employer toolkit pack as A4 PDF\n"
     "  import csv KIND FILE            import partners, staff, employers, placements or\n"
     "                                  groups from CSV (all rows or none)\n"
     "  export csv KIND FILE            export them as CSV with the same columns\n"
     "  import ics FILE --owner OWNER --kind KIND\n"
     "                                  read calendar periods from an iCalendar file;\n"
     "                                  OWNER is all, partner:NAME, employer:NAME or\n"
     "                                  staff:NAME, KIND term, holiday, exam, inset,\n"
     "                                  blackout, busy, unavailable or bank_holiday\n"
     "  export ics FILE [--staff NAME|--employer NAME|--partner NAME]\n"
     "                                  write placements, milestones and group meetings\n"
     "                                  as an iCalendar file\n"
     "  schedule [--today DATE] [--apply] [--json] [--seed N] [--replan]\n"
     "                                  plan the open requests (--replan: move the\n"
     "                                  proposed and agreed placements that now break\n"
     "                                  a rule); --apply stores the plan as proposals\n"
     "  import survey student|employer FILE [--placement ID | --staff NAME |\n"
     "                --employer NAME] [--date DATE]\n"
     "                                  import anonymous survey responses from a form\n"
     "                                  tool's CSV export (all rows or none)\n"
     "  impact --staff NAME [--json]    one member of staff's impact: aims, reflection,\n"
     "                                  cascade, observations before and after, surveys\n"
     "  appetite EMPLOYER [STATE [--year YYYY/YY] [--reason TEXT]] [--json]\n"
     "                                  an employer's appetite for hosting per academic\n"
     "                                  year, or a new one: looking, interested,\n"
     "                                  not_this_year (with a reason), arranged, unknown\n"
     "  attention [--json] [--months N] [--today DATE]\n"
     "                                  the employers that need someone to get in touch\n"
     "  mail --employer NAME --template KEY [--placement ID] [--log]\n"
     "       [--coordinator NAME] [--today DATE]\n"
     "                                  print the mailto: URI of a templated email to the\n"
     "                                  employer; --log adds it to the contact log\n"
     "  employers-for ID [--json] [--today DATE]\n"
     "                                  the employers of request ID's sector, those that\n"
     "                                  can take it best first, the others with why not\n"
     "  add-terms england --partner NAME [--today DATE]\n"
     "                                  give a college England's typical terms and\n"
     "                                  half-terms for this academic year and the next\n"
     "  reminders [--today DATE] [--json]\n"
     "                                  what is due today or overdue: milestones,\n"
     "                                  follow-ups, documents expiring within 30 days,\n"
     "                                  employers that may be contacted again\n"
     "  repeat ID [--year YYYY/YY] [--json]\n"
     "                                  next year's request from a placement that has\n"
     "                                  taken place: same staff, employer, sector and\n"
     "                                  aims, in the same term of the next year\n"
     "  check                           check the file and the data's rules\n"
     "  backup FILE                     write a consistent copy of the database\n"
     "  copy DEST                       copy the whole data set into an empty one: a\n"
     "                                  FILE or a shared postgresql:// database\n"
     "  grant ROLE --partner NAME|--lead\n"
     "                                  (shared database) make a PostgreSQL login a\n"
     "                                  coordinator of one partner, or of the network\n"
     "  revoke ROLE                     (shared database) take that access away\n"
     "  history [--since DATE] [--json] [KIND ID]\n"
     "                                  (shared database) who changed what, and when;\n"
     "                                  with KIND (partner, staff, employer, placement\n"
     "                                  or group) and its ID or name, of one record\n"
     "\n"
     "Options:\n"
     "  --db PATH|URI                   the database (default: $PLACEMENTS_DB, or the\n"
     "                                  per-user database of the app); a shared one is\n"
     "                                  postgresql://USER@HOST[:PORT]/DBNAME[?host=DIR]\n"
     "  --version                       print the version\n"
     "  --help                          print this help\n"
     "\n"
     "Exit status: 0 success, 1 bad input or failed check, 2 usage error.\n");

int
pl_cli_usage (const char *message,
              ...)
{
  va_list args;

  if (message != NULL)
    {
      g_autofree char *text = NULL;

      va_start (args, message);
      text = g_strdup_vprintf (message, args);
      va_end (args);
      g_printerr ("placements-cli: %s\n", text);
    }

  g_printerr ("%s", _(usage_text));
  return PL_EXIT_USAGE;
}

int
pl_cli_fail (GError *error)
{
  g_printerr ("placements-cli: %s\n", error ? error->message : _("failed"));
  return PL_EXIT_FAILED;
}

void
pl_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static PlStore *
open_database (PlCli     *cli,
               gboolean   create,
               GError   **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local = NULL;
  PlStore *store;

  path = cli->db_path ? g_strdup (cli->db_path) : pl_store_default_path ();
  if (create)
    return pl_store_open (path, error);

  /* A mistyped --db must not leave an empty database (and folders) behind:
   * only init creates one. */
  store = pl_store_open_existing (path, &local);
  if (store == NULL && g_error_matches (local, PL_ERROR, PL_ERROR_NOT_FOUND))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("no database at %s (create one with \"placements-cli --db %s init\")"),
                   path, path);
      return NULL;
    }
  if (store == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return store;
}

/**
 * pl_cli_open:
 *
 * Returns: (transfer full): the store named by --db, $PLACEMENTS_DB or the
 * default per-user path, which must exist.
 */
PlStore *
pl_cli_open (PlCli   *cli,
             GError **error)
{
  return open_database (cli, FALSE, error);
}

/* Parses a command's own options; FALSE (and a usage message) on error. */
gboolean
pl_cli_parse_options (const char    *command,
                      GOptionEntry  *entries,
                      int           *argc,
                      char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      pl_cli_usage ("%s: %s", command, error->message);
      return FALSE;
    }

  return TRUE;
}

/* --today as typed, or today when @text is NULL; a day that is not a
 * date is said with the usage, and the command exits PL_EXIT_USAGE. */
gboolean
pl_cli_parse_today (const char *command,
                    const char *text,
                    GDate      *today)
{
  if (text == NULL)
    {
      pl_date_today (today);
      return TRUE;
    }
  if (pl_date_parse (text, today))
    return TRUE;

  pl_cli_usage (_("%s: --today “%s” is not a date (YYYY-MM-DD)"), command, text);
  return FALSE;
}

static int
cmd_init (PlCli  *cli,
          int     argc,
          char  **argv)
{
  gboolean sample = FALSE;
  GOptionEntry entries[] = {
    { "sample", 0, 0, G_OPTION_ARG_NONE, &sample, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("init", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("init: unexpected argument “%s”"), argv[1]);

  store = open_database (cli, TRUE, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (sample)
    {
      GDate today;

      pl_date_today (&today);
      if (!pl_store_is_empty (store))
        {
          g_printerr (_("placements-cli: %s already holds data; the sample is only loaded "
                        "into an empty database.\n"), pl_store_get_path (store));
          return PL_EXIT_FAILED;
        }
      if (!pl_sample_load (store, &today, &error))
        return pl_cli_fail (error);
    }

  g_print (_("Database ready: %s\n"), pl_store_get_path (store));
  return PL_EXIT_OK;
}

/* People read the question as it was asked; --json keeps the key. */
static void
print_question_percent (JsonObject *pct,
                        const char *key)
{
  g_autofree char *percent =
    pl_stats_format_percent ((int) json_object_get_int_member (pct, key));

  g_print ("  %5s  %s\n", percent, pl_survey_question_label (key));
}

static void
print_stats_text (JsonObject *root)
{
  JsonObject *placements = json_object_get_object_member (root, "placements");
  JsonObject *observations = json_object_get_object_member (root, "observations");
  JsonObject *improved = json_object_get_object_member (observations, "improved");
  JsonObject *students = json_object_get_object_member (root, "student_survey");
  JsonObject *employers = json_object_get_object_member (root, "employer_survey");
  JsonObject *by_sector = json_object_get_object_member (placements, "by_sector");
  g_autoptr(GList) sectors = json_object_get_members (by_sector);

  g_print (_("Placements that took place: %" G_GINT64_FORMAT " (cancelled: %" G_GINT64_FORMAT ")\n"),
           json_object_get_int_member (placements, "total"),
           json_object_get_int_member (placements, "cancelled"));
  for (GList *l = sectors; l != NULL; l = l->next)
    g_print ("  %-40s %" G_GINT64_FORMAT "\n", (const char *) l->data,
             json_object_get_int_member (by_sector, l->data));
  g_print (_("Employers: %" G_GINT64_FORMAT "   Sectors: %" G_GINT64_FORMAT
             "   Staff engaged: %" G_GINT64_FORMAT "\n"),
           json_object_get_int_member (root, "employers"),
           json_object_get_int_member (root, "sectors"),
           json_object_get_int_member (root, "staff_engaged"));
  g_print (_("Colleagues reached: %" G_GINT64_FORMAT "   Students reached: %" G_GINT64_FORMAT "\n"),
           json_object_get_int_member (root, "colleagues_reached"),
           json_object_get_int_member (root, "students_reached"));
  g_print (_("Staff observed before and after: %" G_GINT64_FORMAT "\n"),
           json_object_get_int_member (observations, "staff_observed"));
  for (guint i = 0; pl_criteria[i] != NULL; i++)
    g_print (_("  improved %-40s %" G_GINT64_FORMAT "\n"), pl_enum_label (pl_criteria[i]),
             json_object_get_int_member (improved, pl_criteria[i]));
  g_print (_("  learners progressed %" G_GINT64_FORMAT "\n"),
           json_object_get_int_member (observations, "learners_progressed"));

  g_print (_("Student survey: %" G_GINT64_FORMAT " responses\n"),
           json_object_get_int_member (students, "responses"));
  {
    JsonObject *pct = json_object_get_object_member (students, "agree_pct");
    for (guint i = 0; pl_student_questions[i] != NULL; i++)
      print_question_percent (pct, pl_student_questions[i]);
  }
  g_print (_("Employer survey: %" G_GINT64_FORMAT " responses\n"),
           json_object_get_int_member (employers, "responses"));
  {
    JsonObject *pct = json_object_get_object_member (employers, "agree_pct");
    for (guint i = 0; pl_employer_questions[i] != NULL; i++)
      print_question_percent (pct, pl_employer_questions[i]);
  }
}

static int
cmd_stats (PlCli  *cli,
           int     argc,
           char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *partner = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "partner", 0, 0, G_OPTION_ARG_STRING, &partner, NULL, NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, NULL, NULL },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, NULL, NULL },
    { NULL }
  };
  PlStatsFilter filter = { 0 };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("stats", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("stats: unexpected argument “%s”"), argv[1]);
  if (from != NULL && !pl_date_is_iso (from))
    return pl_cli_usage (_("stats: --from “%s” is not a date (YYYY-MM-DD)"), from);
  if (to != NULL && !pl_date_is_iso (to))
    return pl_cli_usage (_("stats: --to “%s” is not a date (YYYY-MM-DD)"), to);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  filter.partner = partner;
  filter.from = from;
  filter.to = to;
  node = pl_stats_compute (store, &filter, &error);
  if (node == NULL)
    return pl_cli_fail (error);

  if (json)
    pl_cli_print_json (node);
  else
    print_stats_text (json_node_get_object (node));

  return PL_EXIT_OK;
}

static int
cmd_check (PlCli  *cli,
           int     argc,
           char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GPtrArray) report = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("check", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc > 1)
    return pl_cli_usage (_("check: unexpected argument “%s”"), argv[1]);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (pl_store_check (store, report))
    {
      g_print (_("%s: ok\n"), pl_store_get_path (store));
      return PL_EXIT_OK;
    }

  for (guint i = 0; i < report->len; i++)
    g_printerr ("%s: %s\n", pl_store_get_path (store), (const char *) report->pdata[i]);
  return PL_EXIT_FAILED;
}

static int
cmd_backup (PlCli  *cli,
            int     argc,
            char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_cli_parse_options ("backup", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("backup: give exactly one destination FILE"));

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (!pl_store_backup (store, argv[1], &error))
    return pl_cli_fail (error);

  g_print (_("Backup written: %s\n"), argv[1]);
  return PL_EXIT_OK;
}

static void
on_copied (const char *table,
           gint64      rows,
           gpointer    user_data)
{
  gint64 *total = user_data;

  *total += rows;
}

static int
cmd_copy (PlCli  *cli,
          int     argc,
          char  **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 rows = 0;

  if (!pl_cli_parse_options ("copy", entries, &argc, &argv))
    return PL_EXIT_USAGE;
  if (argc != 2)
    return pl_cli_usage (_("copy: give exactly one destination (a FILE or a postgresql:// URI)"));

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (!pl_store_copy (store, argv[1], on_copied, &rows, &error))
    return pl_cli_fail (error);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Copied %" G_GINT64_FORMAT " row to %s\n",
                        "Copied %" G_GINT64_FORMAT " rows to %s\n", (gulong) rows),
           rows, argv[1]);
  return PL_EXIT_OK;
}

typedef struct
{
  const char *name;
  int       (*run) (PlCli *cli, int argc, char **argv);
} Command;

/* `import FORMAT …` and `export FORMAT …`: each format's command lives in
 * its own file and sees the format as its argv[0]. */
typedef struct
{
  const char *verb;
  const char *format;
  int       (*run) (PlCli *cli, int argc, char **argv);
} FormatCommand;

static const FormatCommand format_commands[] = {
  { "export", "xlsx", pl_cli_export_xlsx },
  { "export", "pack", pl_cli_export_pack },
  { "import", "csv", pl_cli_import_csv },
  { "export", "csv", pl_cli_export_csv },
  { "import", "survey", pl_cli_import_survey },
  { "import", "ics", pl_cli_import_ics },
  { "export", "ics", pl_cli_export_ics },
  { NULL, NULL, NULL },
};

static int
run_format_command (PlCli  *cli,
                    int     argc,
                    char  **argv)
{
  const char *verb = argv[0];

  if (argc < 2)
    return pl_cli_usage (_("%s: give a format"), verb);

  for (guint i = 0; i < G_N_ELEMENTS (format_commands); i++)
    if (format_commands[i].verb != NULL &&
        g_str_equal (format_commands[i].verb, verb) &&
        g_str_equal (format_commands[i].format, argv[1]))
      return format_commands[i].run (cli, argc - 1, argv + 1);

  return pl_cli_usage (_("%s: unknown format “%s”"), verb, argv[1]);
}

static const Command commands[] = {
  { "init", cmd_init },
  { "list", pl_cli_list },
  { "set-status", pl_cli_set_status },
  { "milestones", pl_cli_milestones },
  { "stats", cmd_stats },
  { "impact", pl_cli_impact },
  { "schedule", pl_cli_schedule },
  { "appetite", pl_cli_appetite },
  { "attention", pl_cli_attention },
  { "mail", pl_cli_mail },
  { "employers-for", pl_cli_employers_for },
  { "add-terms", pl_cli_add_terms },
  { "reminders", pl_cli_reminders },
  { "repeat", pl_cli_repeat },
  { "check", cmd_check },
  { "backup", cmd_backup },
  { "copy", cmd_copy },
  { "grant", pl_cli_grant },
  { "revoke", pl_cli_revoke },
  { "history", pl_cli_history },
  { "import", run_format_command },
  { "export", run_format_command },
};

int
pl_cli_main (int   argc,
             char *argv[])
{
  PlCli cli = { 0 };
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  gboolean after_dashes = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options may stand anywhere; the rest goes to the command. */
  g_ptr_array_add (rest, argv[0]);
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (after_dashes)
        g_ptr_array_add (rest, argv[i]);
      else if (g_str_equal (arg, "--"))
        {
          after_dashes = TRUE;
          g_ptr_array_add (rest, argv[i]);
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (++i >= argc)
            return pl_cli_usage (_("--db needs a PATH"));
          cli.db_path = argv[i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        cli.db_path = arg + strlen ("--db=");
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("placements-cli %s\n", PACKAGE_VERSION);
          return PL_EXIT_OK;
        }
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          g_print ("%s", _(usage_text));
          return PL_EXIT_OK;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }

  if (cli.db_path != NULL && *cli.db_path == '\0')
    return pl_cli_usage (_("--db needs a PATH"));

  if (rest->len < 2)
    return pl_cli_usage (_("no command given"));

  cli.command = g_ptr_array_index (rest, 1);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (cli.command, commands[i].name))
      {
        /* The command sees itself as argv[0]. */
        g_ptr_array_add (rest, NULL);
        return commands[i].run (&cli, (int) rest->len - 2, (char **) rest->pdata + 1);
      }

  return pl_cli_usage (_("unknown command “%s”"), cli.command);
}
