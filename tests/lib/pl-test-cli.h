/* pl-test-cli.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One run of placements-cli as a separate process, as a script runs it:
 * its exit status and everything it printed. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} PlTestRun;

void pl_test_run_clear (PlTestRun *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlTestRun, pl_test_run_clear)

/* Runs @argv (NULL-terminated; its program looked for in PATH) with
 * @env (NULL-terminated "NAME=VALUE" strings; NULL for none) set on top
 * of the test's environment, and fails the test when it cannot be started
 * or does not exit normally. */
void pl_test_run_program (PlTestRun          *run,
                          const char * const *argv,
                          const char * const *env);

/* Runs `$PLACEMENTS_CLI [--db DB] ARGS…` (NULL-terminated) with
 * PLACEMENTS_DB unset, and fails the test when it cannot be started or
 * does not exit normally. */
void pl_test_run_cli  (PlTestRun  *run,
                       const char *db,
                       ...) G_GNUC_NULL_TERMINATED;
void pl_test_run_cliv (PlTestRun  *run,
                       const char *db,
                       const char * const *args);

/* Like pl_test_run_cli(), with @env set as for pl_test_run_program(). */
void pl_test_run_cli_env (PlTestRun          *run,
                          const char         *db,
                          const char * const *env,
                          ...) G_GNUC_NULL_TERMINATED;

/* Like pl_test_run_cli(), and also fails the test unless the exit status
 * is 0; returns the standard output (owned by @run). */
const char *pl_test_cli_ok (PlTestRun  *run,
                            const char *db,
                            ...) G_GNUC_NULL_TERMINATED;

/* A folder of the test's own and the path of a database in it. */
typedef struct
{
  char *dir;
  char *db;
} PlTestCliDb;

void pl_test_cli_db_set_up        (PlTestCliDb   *f,
                                   gconstpointer  data);
void pl_test_cli_db_set_up_sample (PlTestCliDb   *f,
                                   gconstpointer  data);
void pl_test_cli_db_tear_down     (PlTestCliDb   *f,
                                   gconstpointer  data);

G_END_DECLS
