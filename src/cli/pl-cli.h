/* pl-cli.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* Exit statuses of placements-cli, as the README documents them. */
typedef enum
{
  PL_EXIT_OK = 0,
  PL_EXIT_FAILED = 1,   /* bad input or a failed check; the database is untouched */
  PL_EXIT_USAGE = 2,    /* the command line itself is wrong */
} PlExit;

typedef struct
{
  const char *db_path;
  const char *command;
} PlCli;

int      pl_cli_main      (int          argc,
                           char        *argv[]);

/* Shared by the commands. */
PlStore *pl_cli_open      (PlCli       *cli,
                           GError     **error);
int      pl_cli_usage     (const char  *message,
                           ...) G_GNUC_PRINTF (1, 2);
int      pl_cli_fail      (GError      *error);
void     pl_cli_print_json (JsonNode   *node);
gboolean pl_cli_parse_options (const char    *command,
                               GOptionEntry  *entries,
                               int           *argc,
                               char        ***argv);
gboolean pl_cli_parse_today (const char *command,
                             const char *text,
                             GDate      *today);

int      pl_cli_appetite  (PlCli       *cli,
                           int          argc,
                           char       **argv);
/* An appetite as typed ("not-this-year", "looking"); FALSE when it is none. */
gboolean pl_cli_parse_appetite (const char *text,
                                PlAppetite *state);
/* --year as typed, or the academic year holding today when @text is NULL. */
gboolean pl_cli_parse_year (const char  *text,
                            int         *year,
                            GError     **error);
int      pl_cli_list      (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_export_xlsx (PlCli     *cli,
                             int        argc,
                             char     **argv);
int      pl_cli_export_pack (PlCli     *cli,
                             int        argc,
                             char     **argv);
int      pl_cli_set_status (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_milestones (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_import_csv (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_export_csv (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_import_survey (PlCli   *cli,
                               int      argc,
                               char   **argv);
int      pl_cli_impact     (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_import_ics (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_mail       (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_export_ics (PlCli      *cli,
                            int         argc,
                            char      **argv);
int      pl_cli_schedule  (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_employers_for (PlCli   *cli,
                               int      argc,
                               char   **argv);
int      pl_cli_add_terms (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_attention (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_reminders (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_repeat    (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_grant     (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_revoke    (PlCli       *cli,
                           int          argc,
                           char       **argv);
int      pl_cli_history   (PlCli       *cli,
                           int          argc,
                           char       **argv);

G_END_DECLS
