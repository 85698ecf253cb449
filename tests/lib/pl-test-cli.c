/* pl-test-cli.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <sys/wait.h>

#include "pl-test-cli.h"
#include "pl-test-data.h"

void
pl_test_run_clear (PlTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Runs @argv in the test's environment, without PLACEMENTS_DB when
 * @unset_db, and with @env ("NAME=VALUE", may be NULL) set on top. */
static void
spawn (PlTestRun          *run,
       const char * const *argv,
       gboolean            unset_db,
       const char * const *env,
       GSpawnFlags         flags)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  pl_test_run_clear (run);

  if (unset_db)
    envp = g_environ_unsetenv (envp, "PLACEMENTS_DB");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (env[i], "=", 2);

      g_assert_nonnull (pair[0]);
      g_assert_nonnull (pair[1]);
      envp = g_environ_setenv (envp, pair[0], pair[1], TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, envp, flags, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

void
pl_test_run_program (PlTestRun          *run,
                     const char * const *argv,
                     const char * const *env)
{
  spawn (run, argv, FALSE, env, G_SPAWN_SEARCH_PATH);
}

static void
run_args (PlTestRun          *run,
          const char         *db,
          const char * const *env,
          const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("PLACEMENTS_CLI");

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (char *) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  spawn (run, (const char * const *) argv->pdata, TRUE, env, G_SPAWN_DEFAULT);
}

void
pl_test_run_cliv (PlTestRun          *run,
                  const char         *db,
                  const char * const *args)
{
  run_args (run, db, NULL, args);
}

static void
run_va (PlTestRun          *run,
        const char         *db,
        const char * const *env,
        va_list             ap)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;

  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  g_ptr_array_add (args, NULL);

  run_args (run, db, env, (const char * const *) args->pdata);
}

void
pl_test_run_cli (PlTestRun  *run,
                 const char *db,
                 ...)
{
  va_list ap;

  va_start (ap, db);
  run_va (run, db, NULL, ap);
  va_end (ap);
}

void
pl_test_run_cli_env (PlTestRun          *run,
                     const char         *db,
                     const char * const *env,
                     ...)
{
  va_list ap;

  va_start (ap, env);
  run_va (run, db, env, ap);
  va_end (ap);
}

const char *
pl_test_cli_ok (PlTestRun  *run,
                const char *db,
                ...)
{
  va_list ap;

  va_start (ap, db);
  run_va (run, db, NULL, ap);
  va_end (ap);

  if (run->status != 0)
    g_error ("placements-cli exited %d: %s", run->status, run->err);
  return run->out;
}

/* Only the path: the database is for the CLI to create. */
void
pl_test_cli_db_set_up (PlTestCliDb   *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (g_getenv ("PLACEMENTS_CLI"));
  f->dir = g_dir_make_tmp ("placements-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->db = g_build_filename (f->dir, "cli.db", NULL);
}

/* The sample network, made as a person would: placements-cli init --sample. */
void
pl_test_cli_db_set_up_sample (PlTestCliDb   *f,
                              gconstpointer  data)
{
  g_auto(PlTestRun) run = { 0 };

  pl_test_cli_db_set_up (f, data);
  pl_test_cli_ok (&run, f->db, "init", "--sample", NULL);
}

void
pl_test_cli_db_tear_down (PlTestCliDb   *f,
                          gconstpointer  data)
{
  pl_test_remove_folder (f->dir);
  g_clear_pointer (&f->db, g_free);
  g_clear_pointer (&f->dir, g_free);
}
