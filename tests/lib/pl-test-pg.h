/* pl-test-pg.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A real PostgreSQL server of the test's own, from the newest
 * /usr/lib/postgresql/N/bin (Debian's postgresql; $PL_TEST_PG_BINDIR or
 * PATH elsewhere): a fresh cluster in /tmp/plpg-XXXXXX, reachable only
 * through its unix socket there, with trust authentication. As root it
 * runs as the postgres system user (initdb refuses root), otherwise as
 * the current user. The superuser role is "postgres". */
typedef struct _PlTestPg PlTestPg;

/* Starts a server of our own, or returns NULL with @why set (transfer
 * full) when PostgreSQL is not installed: a reason to skip. A server that
 * is installed but fails to start fails the test (g_error with its log).
 *
 * The server is stopped and its folder removed by pl_test_pg_stop(), at
 * exit when the test forgot to, and by a watchdog process when the test
 * dies any other way (an assertion, a signal, even SIGKILL). */
PlTestPg   *pl_test_pg_start          (char       **why);

/* Creates a new, empty database (pl_1, pl_2, …) owned by the login role
 * @owner, created first if missing, and returns its libpq URI,
 * postgresql://OWNER@/DBNAME?host=SOCKETDIR (transfer full). */
char       *pl_test_pg_new_database   (PlTestPg    *pg,
                                       const char  *owner);

/* Creates the login role @role (NOSUPERUSER, no password) if missing. */
void        pl_test_pg_create_login   (PlTestPg    *pg,
                                       const char  *role);

/* Creates the login role @role with @password, which the server then
 * asks for (scram-sha-256) whenever @role connects, as a server on a
 * network would; every other role keeps trust authentication. */
void        pl_test_pg_create_password_login (PlTestPg   *pg,
                                              const char *role,
                                              const char *password);

/* Runs @sql (any number of statements and psql meta-commands) as the
 * superuser in the database @dbname, or as the owner when @dbname is a
 * URI from pl_test_pg_new_database(), stopping at the first error, and
 * returns what it printed, unaligned and without headers (psql -qAt:
 * "1|a\n2|b\n"; transfer full). Fails the test on an error. */
char       *pl_test_pg_psql           (PlTestPg    *pg,
                                       const char  *dbname,
                                       const char  *sql);

/* Stops the server, removes its folder and frees @pg. */
void        pl_test_pg_stop           (PlTestPg    *pg);

/* The folder of the server's socket, for URIs. */
const char *pl_test_pg_get_socket_dir (PlTestPg    *pg);

/* Stops the server the way a crash would, with SIGKILL to the postmaster,
 * and returns once it and its backends are gone, so that connections fail
 * from then on; pl_test_pg_restart() starts it again on the same folder,
 * through crash recovery. */
void        pl_test_pg_kill           (PlTestPg    *pg);
void        pl_test_pg_restart        (PlTestPg    *pg);

G_END_DECLS
