/* test-pg-harness.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pl-test-pg.h"

/* The tests of the PostgreSQL backend stand on this harness: it must fail
 * loudly, not leave servers behind, when it breaks. */

/* 0 when something accepts connections on the server's socket, else the
 * errno of the attempt. */
static int
connect_socket (const char *socket_dir)
{
  const char *port = g_getenv ("PGPORT");
  struct sockaddr_un address = { .sun_family = AF_UNIX };
  int fd = socket (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int result = 0;

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (g_snprintf (address.sun_path, sizeof address.sun_path, "%s/.s.PGSQL.%s",
                               socket_dir, port != NULL ? port : "5432"),
                   <, sizeof address.sun_path);
  if (connect (fd, (struct sockaddr *) &address, sizeof address) != 0)
    result = errno;
  close (fd);
  return result;
}

static gboolean
process_running (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *stat = NULL;
  const char *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return kill (pid, 0) == 0;
  end = strrchr (stat, ')');
  return end != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X';
}

static void
test_lifecycle (void)
{
  g_autofree char *why = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *alice = NULL;
  g_autofree char *bob = NULL;
  g_autofree char *out = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 step;
  PlTestPg *pg;

  pg = pl_test_pg_start (&why);
  if (pg == NULL)
    {
      g_test_skip (why);
      return;
    }
  step = g_get_monotonic_time ();
  g_test_message ("start: %.3f s", (step - started) / (double) G_USEC_PER_SEC);

  dir = g_strdup (pl_test_pg_get_socket_dir (pg));
  g_assert_true (g_str_has_prefix (dir, "/tmp/plpg-"));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpint (connect_socket (dir), ==, 0);

  started = g_get_monotonic_time ();
  alice = pl_test_pg_new_database (pg, "alice");
  step = g_get_monotonic_time ();
  g_test_message ("createdb: %.3f s", (step - started) / (double) G_USEC_PER_SEC);
  bob = pl_test_pg_new_database (pg, "bob");
  expected = g_strdup_printf ("postgresql://alice@/pl_1?host=%s", dir);
  g_assert_cmpstr (alice, ==, expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("postgresql://bob@/pl_2?host=%s", dir);
  g_assert_cmpstr (bob, ==, expected);

  /* A role of its own, twice: the second finds it there. */
  pl_test_pg_create_login (pg, "carol");
  pl_test_pg_create_login (pg, "carol");

  out = pl_test_pg_psql (pg, "postgres", "SELECT 1");
  g_assert_cmpstr (out, ==, "1\n");
  g_clear_pointer (&out, g_free);

  out = pl_test_pg_psql (pg, "postgres",
                         "SELECT rolname, rolsuper, rolcanlogin FROM pg_roles\n"
                         "  WHERE rolname IN ('alice', 'bob', 'carol') ORDER BY 1;");
  g_assert_cmpstr (out, ==, "alice|f|t\nbob|f|t\ncarol|f|t\n");
  g_clear_pointer (&out, g_free);

  out = pl_test_pg_psql (pg, "postgres",
                         "SELECT datname, pg_get_userbyid (datdba) FROM pg_database\n"
                         "  WHERE datname LIKE 'pl\\_%' ORDER BY 1;");
  g_assert_cmpstr (out, ==, "pl_1|alice\npl_2|bob\n");
  g_clear_pointer (&out, g_free);

  /* The URI reaches the database as its owner, without a password, and the
   * owner may create tables there. */
  out = pl_test_pg_psql (pg, alice,
                         "CREATE TABLE kept (n integer);\n"
                         "INSERT INTO kept VALUES (42);\n"
                         "SELECT current_user, current_database ();");
  g_assert_cmpstr (out, ==, "alice|pl_1\n");
  g_clear_pointer (&out, g_free);

  /* A crash: nothing answers any more, and after the restart what was
   * committed just before it is there. */
  started = g_get_monotonic_time ();
  pl_test_pg_kill (pg);
  step = g_get_monotonic_time ();
  g_test_message ("kill: %.3f s", (step - started) / (double) G_USEC_PER_SEC);
  g_assert_cmpint (connect_socket (dir), !=, 0);

  started = g_get_monotonic_time ();
  pl_test_pg_restart (pg);
  step = g_get_monotonic_time ();
  g_test_message ("restart: %.3f s", (step - started) / (double) G_USEC_PER_SEC);
  out = pl_test_pg_psql (pg, bob, "SELECT current_user");
  g_assert_cmpstr (out, ==, "bob\n");
  g_clear_pointer (&out, g_free);
  out = pl_test_pg_psql (pg, alice, "SELECT n FROM kept");
  g_assert_cmpstr (out, ==, "42\n");
  g_clear_pointer (&out, g_free);

  started = g_get_monotonic_time ();
  pl_test_pg_stop (pg);
  step = g_get_monotonic_time ();
  g_test_message ("stop: %.3f s", (step - started) / (double) G_USEC_PER_SEC);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

/* Run as a child of the tests below: starts a server, says where it is and
 * which process is its postmaster, and dies as @how says, stopping nothing. */
static int
crash_child (const char *how)
{
  g_autofree char *why = NULL;
  g_autofree char *pid_path = NULL;
  g_autofree char *pid_file = NULL;
  PlTestPg *pg = pl_test_pg_start (&why);

  if (pg == NULL)
    {
      printf ("skip\n%s\n", why);
      return 0;
    }

  pid_path = g_build_filename (pl_test_pg_get_socket_dir (pg), "data", "postmaster.pid", NULL);
  g_assert_true (g_file_get_contents (pid_path, &pid_file, NULL, NULL));
  pid_file[strcspn (pid_file, "\n")] = '\0';
  printf ("%s\n%s\n", pl_test_pg_get_socket_dir (pg), pid_file);
  fflush (stdout);

  if (g_str_equal (how, "assert"))
    g_assert_cmpint (1 + 1, ==, 3);
  else
    raise (SIGKILL);
  return 1;
}

/* The child dies with @signal_number; its server and folder must go. */
static void
check_cleaned_up_after (const char *how,
                        int         signal_number)
{
  g_autofree char *self = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) envp = g_environ_setenv (g_get_environ (), "PL_TEST_PG_CRASH", how, TRUE);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;
  guint64 pid = 0;
  gint64 deadline;

  self = g_file_read_link ("/proc/self/exe", &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char *[]) { self, NULL }, envp, G_SPAWN_DEFAULT,
                               NULL, NULL, &out, &err, &wait_status, &error));
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", 3);
  if (g_strv_length (lines) == 3 && g_str_equal (lines[0], "skip"))
    {
      g_test_skip (lines[1]);
      return;
    }
  if (!WIFSIGNALED (wait_status) || WTERMSIG (wait_status) != signal_number)
    g_error ("the child did not die of signal %d: status %d\n%s%s", signal_number,
             wait_status, out, err);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "/tmp/plpg-"));
  g_assert_true (g_ascii_string_to_unsigned (lines[1], 10, 1, G_MAXINT, &pid, NULL));

  /* The watchdog cleans up in the background. */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while ((g_file_test (lines[0], G_FILE_TEST_EXISTS) || process_running ((pid_t) pid))
         && g_get_monotonic_time () < deadline)
    g_usleep (10000);
  g_assert_false (process_running ((pid_t) pid));
  g_assert_false (g_file_test (lines[0], G_FILE_TEST_EXISTS));
}

static void
test_failed_assertion (void)
{
  check_cleaned_up_after ("assert", SIGABRT);
}

static void
test_sigkill (void)
{
  check_cleaned_up_after ("kill", SIGKILL);
}

int
main (int   argc,
      char *argv[])
{
  const char *crash = g_getenv ("PL_TEST_PG_CRASH");

  if (crash != NULL)
    return crash_child (crash);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pg-harness/lifecycle", test_lifecycle);
  g_test_add_func ("/pg-harness/cleanup/failed-assertion", test_failed_assertion);
  g_test_add_func ("/pg-harness/cleanup/sigkill", test_sigkill);

  return g_test_run ();
}
