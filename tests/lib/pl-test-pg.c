/* pl-test-pg.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pl-test-pg.h"

/* The system user a root test runs the server as, and the superuser role
 * of every cluster (initdb -U), whoever runs it. */
#define SERVER_USER "postgres"
#define SUPERUSER   "postgres"

struct _PlTestPg
{
  char        *bindir;
  char        *dir;        /* the socket, data/ and log */
  char        *data_dir;
  char        *log_path;
  char        *runuser;    /* set when root: the server runs as SERVER_USER */
  GSubprocess *watchdog;
  pid_t        creator;    /* a forked child must not stop its parent's server */
  guint        n_databases;
  gboolean     running;
};

/* The servers not stopped yet, for the exit handler. */
static GPtrArray *live_servers;

/* Finding the programs ---------------------------------------------------- */

static gboolean
has_tools (const char *bindir)
{
  static const char * const tools[] = { "initdb", "pg_ctl", "postgres", "psql" };

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_build_filename (bindir, tools[i], NULL);

      if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
        return FALSE;
    }
  return TRUE;
}

/* The newest of Debian's /usr/lib/postgresql/N/bin; elsewhere the folder
 * of initdb in PATH. */
static char *
find_bindir (void)
{
  const char *forced = g_getenv ("PL_TEST_PG_BINDIR");
  g_autoptr(GDir) versions = NULL;
  g_autofree char *initdb = NULL;
  char *best = NULL;
  guint64 best_version = 0;
  const char *name;

  if (forced != NULL && *forced != '\0')
    return has_tools (forced) ? g_strdup (forced) : NULL;

  versions = g_dir_open ("/usr/lib/postgresql", 0, NULL);
  while (versions != NULL && (name = g_dir_read_name (versions)) != NULL)
    {
      g_autofree char *bindir = g_build_filename ("/usr/lib/postgresql", name, "bin", NULL);
      guint64 version;

      /* Versions before 10 were named 9.6 and so on: too old anyway. */
      if (!g_ascii_string_to_unsigned (name, 10, 1, G_MAXUINT, &version, NULL))
        continue;
      if (version > best_version && has_tools (bindir))
        {
          g_free (best);
          best = g_steal_pointer (&bindir);
          best_version = version;
        }
    }
  if (best != NULL)
    return best;

  initdb = g_find_program_in_path ("initdb");
  if (initdb != NULL)
    {
      g_autofree char *bindir = g_path_get_dirname (initdb);

      if (has_tools (bindir))
        return g_steal_pointer (&bindir);
    }
  return NULL;
}

static char *
find_runuser (void)
{
  static const char * const places[] = { "/usr/sbin/runuser", "/sbin/runuser" };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_file_test (places[i], G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (places[i]);
  return g_find_program_in_path ("runuser");
}

/* Running them ------------------------------------------------------------ */

static char *
read_log (PlTestPg *pg)
{
  char *log = NULL;

  if (!g_file_get_contents (pg->log_path, &log, NULL, NULL))
    return g_strdup ("(none)");
  return log;
}

/* Appends to @argv the command line of the server's program @tool, run as
 * SERVER_USER when we are root. */
static void
add_server_command (GPtrArray  *argv,
                    PlTestPg   *pg,
                    const char *tool)
{
  if (pg->runuser != NULL)
    {
      g_ptr_array_add (argv, g_strdup (pg->runuser));
      g_ptr_array_add (argv, g_strdup ("-u"));
      g_ptr_array_add (argv, g_strdup (SERVER_USER));
      g_ptr_array_add (argv, g_strdup ("--"));
    }
  g_ptr_array_add (argv, g_build_filename (pg->bindir, tool, NULL));
}

/* Runs the server's program @tool with @args (NULL-terminated) in the
 * server's folder, which SERVER_USER can enter when our current folder is
 * closed to it, and fails the test with the server's log unless it
 * succeeds. */
static void
run_server_tool (PlTestPg   *pg,
                 const char *tool,
                 ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;
  const char *arg;
  va_list ap;

  add_server_command (argv, pg, tool);
  va_start (ap, tool);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (pg->dir, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &wait_status, &error)
      || !g_spawn_check_wait_status (wait_status, &error))
    {
      g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata);
      g_autofree char *log = read_log (pg);

      g_error ("%s: %s\n%s%s\nserver log %s:\n%s", command, error->message,
               out != NULL ? out : "", err != NULL ? err : "", pg->log_path, log);
    }
}

/* Runs @sql through psql in @dbname with @variables ("NAME=VALUE",
 * NULL-terminated, may be NULL) set, which the SQL uses as :'NAME' (a
 * literal) or :"NAME" (an identifier): psql quotes them, not us. */
static char *
psql_run (PlTestPg           *pg,
          const char         *dbname,
          const char         *sql,
          const char * const *variables)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) psql = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_ptr_array_add (argv, g_build_filename (pg->bindir, "psql", NULL));
  g_ptr_array_add (argv, g_strdup ("-X"));
  g_ptr_array_add (argv, g_strdup ("-qAt"));
  g_ptr_array_add (argv, g_strdup ("-v"));
  g_ptr_array_add (argv, g_strdup ("ON_ERROR_STOP=1"));
  /* A URI names its own user and socket. */
  if (!g_str_has_prefix (dbname, "postgresql://"))
    {
      g_ptr_array_add (argv, g_strdup_printf ("--host=%s", pg->dir));
      g_ptr_array_add (argv, g_strdup ("--username=" SUPERUSER));
    }
  g_ptr_array_add (argv, g_strdup_printf ("--dbname=%s", dbname));
  for (guint i = 0; variables != NULL && variables[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup_printf ("--set=%s", variables[i]));
  /* From standard input rather than -c: statement by statement, with
   * variables and meta-commands. */
  g_ptr_array_add (argv, g_strdup ("--file=-"));
  g_ptr_array_add (argv, NULL);

  psql = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                            | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  if (psql == NULL
      || !g_subprocess_communicate_utf8 (psql, sql, NULL, &out, &err, &error)
      || !g_spawn_check_wait_status (g_subprocess_get_status (psql), &error))
    g_error ("psql in %s: %s\n%s\nSQL:\n%s", dbname, error->message,
             err != NULL ? err : "", sql);

  return g_steal_pointer (&out);
}

/* Telling whether a process lives ------------------------------------------ */

/* Neither gone nor a zombie left for a parent that may never reap it. */
static gboolean
process_running (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return kill (pid, 0) == 0;

  /* "pid (command) state ppid …", where the command may hold anything. */
  end = strrchr (stat, ')');
  return end != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X';
}

static GArray *
children_of (pid_t parent)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (pid_t));
  g_autoptr(GDir) proc = g_dir_open ("/proc", 0, NULL);
  const char *name;

  while (proc != NULL && (name = g_dir_read_name (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *end;
      guint64 pid;
      int ppid;

      if (!g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT, &pid, NULL))
        continue;
      path = g_build_filename ("/proc", name, "stat", NULL);
      if (!g_file_get_contents (path, &stat, NULL, NULL))
        continue;
      end = strrchr (stat, ')');
      if (end != NULL && sscanf (end + 1, " %*c %d", &ppid) == 1 && ppid == parent)
        {
          pid_t child = (pid_t) pid;

          g_array_append_val (pids, child);
        }
    }
  return pids;
}

/* Whether all of @pids are gone within @seconds. */
static gboolean
wait_gone (GArray *pids,
           double  seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  for (;;)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < pids->len && !any; i++)
        any = process_running (g_array_index (pids, pid_t, i));
      if (!any)
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (5000);
    }
}

static pid_t
read_postmaster_pid (PlTestPg *pg)
{
  g_autofree char *path = g_build_filename (pg->data_dir, "postmaster.pid", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  guint64 pid = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("the server has no postmaster.pid: %s", error->message);
  /* Its first line. */
  contents[strcspn (contents, "\n")] = '\0';
  if (!g_ascii_string_to_unsigned (contents, 10, 1, G_MAXINT, &pid, &error))
    g_error ("%s: %s", path, error->message);
  return (pid_t) pid;
}

/* Cleaning up -------------------------------------------------------------- */

/* Removes the folder @path and everything in it, without following
 * links; what is gone already (the postmaster's last files) is fine. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  GStatBuf info;
  const char *name;

  if (g_lstat (path, &info) != 0)
    {
      if (errno == ENOENT)
        return;
      g_error ("could not look at %s: %s", path, g_strerror (errno));
    }
  if (!S_ISDIR (info.st_mode))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        g_error ("could not remove %s: %s", path, g_strerror (errno));
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  if (g_rmdir (path) != 0 && errno != ENOENT)
    g_error ("could not remove %s: %s", path, g_strerror (errno));
}

/* The lock files of a dead server: postmaster.pid and the socket's. */
static void
remove_lock_files (PlTestPg *pg)
{
  g_autofree char *pid_path = g_build_filename (pg->data_dir, "postmaster.pid", NULL);
  g_autoptr(GDir) dir = g_dir_open (pg->dir, 0, NULL);
  const char *name;

  remove_tree (pid_path);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, ".s.PGSQL.") && g_str_has_suffix (name, ".lock"))
      {
        g_autofree char *path = g_build_filename (pg->dir, name, NULL);

        remove_tree (path);
      }
}

/* Waits for a line on its standard input, which we hold open: "stop" when
 * we have cleaned up ourselves, and nothing at all when we died, in any
 * way. Then it stops the server and removes its folder. It ignores the
 * signals that end us, and it is in a session of its own, so that a test
 * runner killing our process group (meson on a timeout) does not take it
 * along. */
static const char watchdog_script[] =
  "trap '' HUP INT QUIT TERM PIPE\n"
  "read -r line\n"
  "[ \"$line\" = stop ] && exit 0\n"
  "dir=$1\n"
  "shift\n"
  "\"$@\" >/dev/null 2>&1\n"
  "rm -rf -- \"$dir\"\n";

static void
new_session (gpointer data)
{
  setsid ();
}

static void
start_watchdog (PlTestPg *pg)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, g_strdup ("/bin/sh"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup (watchdog_script));
  g_ptr_array_add (argv, g_strdup ("pl-test-pg-watchdog"));
  g_ptr_array_add (argv, g_strdup (pg->dir));
  add_server_command (argv, pg, "pg_ctl");
  g_ptr_array_add (argv, g_strdup ("-D"));
  g_ptr_array_add (argv, g_strdup (pg->data_dir));
  g_ptr_array_add (argv, g_strdup ("-m"));
  g_ptr_array_add (argv, g_strdup ("immediate"));
  g_ptr_array_add (argv, g_strdup ("-w"));
  g_ptr_array_add (argv, g_strdup ("stop"));
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_set_cwd (launcher, "/");
  g_subprocess_launcher_set_child_setup (launcher, new_session, NULL, NULL);
  pg->watchdog = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                               &error);
  if (pg->watchdog == NULL)
    g_error ("could not start the server's watchdog: %s", error->message);
}

static void
dismiss_watchdog (PlTestPg *pg)
{
  GOutputStream *input = g_subprocess_get_stdin_pipe (pg->watchdog);
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all (input, "stop\n", 5, NULL, NULL, &error)
      || !g_output_stream_close (input, NULL, &error)
      || !g_subprocess_wait_check (pg->watchdog, NULL, &error))
    g_error ("the server's watchdog: %s", error->message);
  g_clear_object (&pg->watchdog);
}

static void
stop_leftovers (void)
{
  while (live_servers->len > 0)
    {
      PlTestPg *pg = g_ptr_array_index (live_servers, live_servers->len - 1);

      if (pg->creator == getpid ())
        pl_test_pg_stop (pg);
      else
        g_ptr_array_remove_index (live_servers, live_servers->len - 1);
    }
}

/* The server --------------------------------------------------------------- */

static void
write_settings (PlTestPg *pg)
{
  g_autofree char *path = g_build_filename (pg->data_dir, "postgresql.conf", NULL);
  FILE *conf;

  /* Appended, so that the file stays SERVER_USER's when we are root. */
  conf = fopen (path, "a");
  if (conf == NULL)
    g_error ("could not open %s: %s", path, g_strerror (errno));

  fprintf (conf,
           "\n# pl-test-pg: a server for one test run, reachable only through its socket.\n"
           "listen_addresses = ''\n"
           "unix_socket_directories = '%s'\n"
           /* Nothing here must survive a crash of the machine, only one
            * of the server (pl_test_pg_kill()): synchronous_commit stays on,
            * which costs one write(2) a commit without fsync, so that what
            * a test committed is there after a restart. */
           "fsync = off\n"
           "full_page_writes = off\n",
           pg->dir);
  if (fclose (conf) != 0)
    g_error ("could not write %s: %s", path, g_strerror (errno));
}

static void
start_postmaster (PlTestPg *pg)
{
  run_server_tool (pg, "pg_ctl", "-D", pg->data_dir, "-l", pg->log_path, "-w", "-s", "start",
                   NULL);
  pg->running = TRUE;
}

PlTestPg *
pl_test_pg_start (char **why)
{
  g_autofree char *bindir = find_bindir ();
  g_autofree char *dir = g_strdup ("/tmp/plpg-XXXXXX");
  struct passwd *server_user = NULL;
  PlTestPg *pg;

  g_return_val_if_fail (why == NULL || *why == NULL, NULL);

  if (bindir == NULL)
    {
      if (why != NULL)
        *why = g_strdup ("PostgreSQL is not installed: no initdb, pg_ctl, postgres and psql in "
                         "$PL_TEST_PG_BINDIR, /usr/lib/postgresql/*/bin (Debian's postgresql) "
                         "or PATH");
      return NULL;
    }

  pg = g_new0 (PlTestPg, 1);
  pg->bindir = g_steal_pointer (&bindir);
  pg->creator = getpid ();

  /* initdb refuses to run as root. */
  if (geteuid () == 0)
    {
      server_user = getpwnam (SERVER_USER);
      if (server_user == NULL)
        g_error ("running as root, and there is no %s user to run the server as", SERVER_USER);
      pg->runuser = find_runuser ();
      if (pg->runuser == NULL)
        g_error ("running as root, and there is no runuser to run the server as %s",
                 SERVER_USER);
    }

  /* Under /tmp whatever TMPDIR says: a socket's path must stay under
   * about 107 bytes. */
  if (g_mkdtemp_full (dir, 0700) == NULL)
    g_error ("could not make a folder for the server: %s", g_strerror (errno));
  pg->dir = g_steal_pointer (&dir);
  pg->data_dir = g_build_filename (pg->dir, "data", NULL);
  pg->log_path = g_build_filename (pg->dir, "log", NULL);
  if (server_user != NULL && chown (pg->dir, server_user->pw_uid, server_user->pw_gid) != 0)
    g_error ("could not give %s to %s: %s", pg->dir, SERVER_USER, g_strerror (errno));

  /* From here on the folder goes away whatever happens to us. */
  start_watchdog (pg);
  if (live_servers == NULL)
    {
      live_servers = g_ptr_array_new ();
      atexit (stop_leftovers);
    }
  g_ptr_array_add (live_servers, pg);

  run_server_tool (pg, "initdb", "-D", pg->data_dir, "-U", SUPERUSER, "-A", "trust",
                   "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", NULL);
  write_settings (pg);
  start_postmaster (pg);

  return pg;
}

const char *
pl_test_pg_get_socket_dir (PlTestPg *pg)
{
  g_return_val_if_fail (pg != NULL, NULL);

  return pg->dir;
}

char *
pl_test_pg_psql (PlTestPg   *pg,
                 const char *dbname,
                 const char *sql)
{
  g_return_val_if_fail (pg != NULL, NULL);
  g_return_val_if_fail (pg->running, NULL);
  g_return_val_if_fail (dbname != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  return psql_run (pg, dbname, sql, NULL);
}

/* With the variable role set. */
#define CREATE_LOGIN_SQL \
  "SELECT format ('CREATE ROLE %I LOGIN NOSUPERUSER', :'role')\n" \
  "  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \\gexec\n"

void
pl_test_pg_create_login (PlTestPg   *pg,
                         const char *role)
{
  g_autofree char *variable = NULL;
  g_autofree char *out = NULL;

  g_return_if_fail (pg != NULL);
  g_return_if_fail (pg->running);
  g_return_if_fail (role != NULL && *role != '\0');

  variable = g_strdup_printf ("role=%s", role);
  out = psql_run (pg, "postgres", CREATE_LOGIN_SQL, (const char * const []) { variable, NULL });
}

void
pl_test_pg_create_password_login (PlTestPg   *pg,
                                  const char *role,
                                  const char *password)
{
  g_autofree char *role_variable = NULL;
  g_autofree char *password_variable = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *rules = NULL;
  g_autoptr(GError) error = NULL;
  FILE *hba;

  g_return_if_fail (pg != NULL);
  g_return_if_fail (pg->running);
  g_return_if_fail (role != NULL && *role != '\0');
  g_return_if_fail (password != NULL);

  role_variable = g_strdup_printf ("role=%s", role);
  password_variable = g_strdup_printf ("password=%s", password);
  out = psql_run (pg, "postgres",
                  "SET password_encryption = 'scram-sha-256';\n"
                  CREATE_LOGIN_SQL
                  "ALTER ROLE :\"role\" PASSWORD :'password';\n",
                  (const char * const []) { role_variable, password_variable, NULL });

  /* The first matching line wins: @role's goes before initdb's trust.
   * Rewritten in place, so that the file stays SERVER_USER's when we are
   * root. */
  path = g_build_filename (pg->data_dir, "pg_hba.conf", NULL);
  if (!g_file_get_contents (path, &rules, NULL, &error))
    g_error ("could not read %s: %s", path, error->message);
  hba = fopen (path, "w");
  if (hba == NULL)
    g_error ("could not open %s: %s", path, g_strerror (errno));
  fprintf (hba, "local all \"%s\" scram-sha-256\n%s", role, rules);
  if (fclose (hba) != 0)
    g_error ("could not write %s: %s", path, g_strerror (errno));

  /* A reload only signals the postmaster: wait until a connection
   * without the password is refused. */
  run_server_tool (pg, "pg_ctl", "-D", pg->data_dir, "-s", "reload", NULL);
  for (int tries = 0; ; tries++)
    {
      g_autofree char *psql = g_build_filename (pg->bindir, "psql", NULL);
      g_autofree char *host = g_strdup_printf ("--host=%s", pg->dir);
      g_autofree char *user = g_strdup_printf ("--username=%s", role);
      const char *argv[] = { psql, "-X", "-w", "-qAt", host, user, "--dbname=postgres",
                             "--command=SELECT 1", NULL };
      g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "PGPASSWORD");
      int wait_status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL
                         | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &wait_status,
                         &error))
        g_error ("could not run psql: %s", error->message);
      if (!g_spawn_check_wait_status (wait_status, NULL))
        break;
      if (tries == 100)
        g_error ("the server still lets %s in without a password", role);
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

char *
pl_test_pg_new_database (PlTestPg   *pg,
                         const char *owner)
{
  g_autofree char *name = NULL;
  g_autofree char *name_variable = NULL;
  g_autofree char *role_variable = NULL;
  g_autofree char *out = NULL;
  g_autofree char *user = NULL;
  g_autofree char *host = NULL;

  g_return_val_if_fail (pg != NULL, NULL);
  g_return_val_if_fail (pg->running, NULL);
  g_return_val_if_fail (owner != NULL && *owner != '\0', NULL);

  name = g_strdup_printf ("pl_%u", ++pg->n_databases);
  name_variable = g_strdup_printf ("name=%s", name);
  role_variable = g_strdup_printf ("role=%s", owner);

  /* One psql for both: each costs a connection. */
  out = psql_run (pg, "postgres",
                  CREATE_LOGIN_SQL "CREATE DATABASE :\"name\" OWNER :\"role\";\n",
                  (const char * const []) { name_variable, role_variable, NULL });

  user = g_uri_escape_string (owner, NULL, FALSE);
  host = g_uri_escape_string (pg->dir, "/", FALSE);
  return g_strdup_printf ("postgresql://%s@/%s?host=%s", user, name, host);
}

void
pl_test_pg_kill (PlTestPg *pg)
{
  g_autoptr(GArray) children = NULL;
  g_autoptr(GArray) postmaster = g_array_new (FALSE, FALSE, sizeof (pid_t));
  pid_t pid;

  g_return_if_fail (pg != NULL);
  g_return_if_fail (pg->running);

  pid = read_postmaster_pid (pg);
  children = children_of (pid);
  g_array_append_val (postmaster, pid);

  if (kill (pid, SIGKILL) != 0)
    g_error ("could not kill the postmaster %d: %s", (int) pid, g_strerror (errno));
  if (!wait_gone (postmaster, 10))
    g_error ("the postmaster %d outlived SIGKILL", (int) pid);
  pg->running = FALSE;

  /* Its backends and helpers notice and exit, and a new postmaster would
   * refuse the shared memory they still hold. */
  if (!wait_gone (children, 10))
    {
      for (guint i = 0; i < children->len; i++)
        kill (g_array_index (children, pid_t, i), SIGKILL);
      if (!wait_gone (children, 10))
        g_error ("the children of the postmaster %d outlived it", (int) pid);
    }

  /* Until something reaps the dead postmaster (a container's init may take
   * a second or never), its PID still answers kill(pid, 0), and a new
   * postmaster would take the lock files naming it as held. */
  if (kill (pid, 0) == 0)
    remove_lock_files (pg);
}

void
pl_test_pg_restart (PlTestPg *pg)
{
  g_return_if_fail (pg != NULL);
  g_return_if_fail (!pg->running);

  start_postmaster (pg);
}

void
pl_test_pg_stop (PlTestPg *pg)
{
  g_return_if_fail (pg != NULL);

  if (pg->running)
    run_server_tool (pg, "pg_ctl", "-D", pg->data_dir, "-m", "fast", "-w", "-s", "stop", NULL);
  pg->running = FALSE;
  remove_tree (pg->dir);
  dismiss_watchdog (pg);
  g_ptr_array_remove (live_servers, pg);

  g_free (pg->bindir);
  g_free (pg->dir);
  g_free (pg->data_dir);
  g_free (pg->log_path);
  g_free (pg->runuser);
  g_free (pg);
}
