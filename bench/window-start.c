/* bench/window-start.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Any program's start, timed from outside and the same way for every
 * program, so that two apps can be compared when only one of them can be
 * hooked:
 *
 *   window-start [--rss-after SECONDS] [--timeout SECONDS] [--smaps FILE] -- PROGRAM [ARGS...]
 *
 * Listens on the X display (Xvfb, with no window manager: top-level windows
 * are children of the root window) for windows being mapped, then starts
 * PROGRAM. The time from just before the fork to the first top-level,
 * non-override-redirect window being mapped is the start; the program's CPU
 * time at that moment is read from /proc. SECONDS later (3 by default) its
 * resident memory (VmRSS, and the peak VmHWM) is read from
 * /proc/PID/status (and with --smaps, /proc/PID/smaps copied to FILE, to
 * see where it goes), then the program is stopped. Prints a RESULT line of
 * key=value pairs for bench/start.sh. Not part of `meson test`.
 */

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <X11/Xlib.h>

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The process's user and system CPU time so far, from /proc/PID/stat. */
static double
process_cpu_ms (pid_t pid)
{
  char path[64], line[4096];
  unsigned long utime = 0, stime = 0;
  FILE *file;
  char *after;

  snprintf (path, sizeof path, "/proc/%d/stat", (int) pid);
  file = fopen (path, "r");
  if (file == NULL)
    return -1;
  if (fgets (line, sizeof line, file) == NULL)
    line[0] = '\0';
  fclose (file);
  /* The command name may hold spaces: fields are counted after its ')'. */
  after = strrchr (line, ')');
  if (after == NULL ||
      sscanf (after + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
    return -1;
  return (utime + stime) * 1e3 / sysconf (_SC_CLK_TCK);
}

/* A "VmRSS:"-like field of /proc/PID/status, in kB; -1 when missing. */
static long
status_kb (pid_t       pid,
           const char *field)
{
  char path[64], line[256];
  size_t length = strlen (field);
  long value = -1;
  FILE *file;

  snprintf (path, sizeof path, "/proc/%d/status", (int) pid);
  file = fopen (path, "r");
  if (file == NULL)
    return -1;
  while (fgets (line, sizeof line, file) != NULL)
    if (strncmp (line, field, length) == 0 && line[length] == ':')
      {
        value = strtol (line + length + 1, NULL, 10);
        break;
      }
  fclose (file);
  return value;
}

static void
copy_smaps (pid_t       pid,
            const char *to)
{
  char path[64], buffer[65536];
  FILE *in, *out;
  size_t n;

  snprintf (path, sizeof path, "/proc/%d/smaps", (int) pid);
  in = fopen (path, "r");
  out = fopen (to, "w");
  if (in == NULL || out == NULL)
    fprintf (stderr, "window-start: could not copy %s to %s\n", path, to);
  else
    while ((n = fread (buffer, 1, sizeof buffer, in)) > 0)
      fwrite (buffer, 1, n, out);
  if (in != NULL)
    fclose (in);
  if (out != NULL)
    fclose (out);
}

static void
stop (pid_t pid)
{
  kill (pid, SIGTERM);
  for (int i = 0; i < 40; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        return;
      usleep (50 * 1000);
    }
  kill (pid, SIGKILL);
  waitpid (pid, NULL, 0);
}

int
main (int   argc,
      char *argv[])
{
  double rss_after = 3, timeout = 300, start, mapped_ms = -1, cpu;
  const char *smaps = NULL;
  Display *display;
  Window root;
  pid_t pid;
  int i;

  for (i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    {
      if (strcmp (argv[i], "--rss-after") == 0 && i + 1 < argc)
        rss_after = atof (argv[++i]);
      else if (strcmp (argv[i], "--timeout") == 0 && i + 1 < argc)
        timeout = atof (argv[++i]);
      else if (strcmp (argv[i], "--smaps") == 0 && i + 1 < argc)
        smaps = argv[++i];
      else
        break;
    }
  if (i + 1 >= argc || strcmp (argv[i], "--") != 0)
    {
      fprintf (stderr, "usage: window-start [--rss-after SECONDS] [--timeout SECONDS] [--smaps FILE] -- PROGRAM [ARGS...]\n");
      return 2;
    }
  argv += i + 1;

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      fprintf (stderr, "window-start: no X display\n");
      return 1;
    }
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      fprintf (stderr, "window-start: fork: %s\n", strerror (errno));
      return 1;
    }
  if (pid == 0)
    {
      close (ConnectionNumber (display));
      execvp (argv[0], argv);
      fprintf (stderr, "window-start: could not run %s: %s\n", argv[0], strerror (errno));
      _exit (127);
    }

  while (mapped_ms < 0)
    {
      struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

      while (XPending (display) > 0)
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && event.xmap.event == root && !event.xmap.override_redirect)
            {
              mapped_ms = now_ms () - start;
              break;
            }
        }
      if (mapped_ms >= 0)
        break;
      if (waitpid (pid, NULL, WNOHANG) == pid)
        {
          fprintf (stderr, "window-start: %s ended before it showed a window\n", argv[0]);
          return 1;
        }
      if (now_ms () - start > timeout * 1e3)
        {
          fprintf (stderr, "window-start: %s showed no window in %.0f s\n", argv[0], timeout);
          stop (pid);
          return 1;
        }
      poll (&fd, 1, 100);
    }
  cpu = process_cpu_ms (pid);

  usleep ((useconds_t) (rss_after * 1e6));
  printf ("RESULT mapped_ms=%.1f mapped_cpu_ms=%.1f rss_kb=%ld hwm_kb=%ld\n", mapped_ms, cpu,
          status_kb (pid, "VmRSS"), status_kb (pid, "VmHWM"));
  fflush (stdout);
  if (smaps != NULL)
    copy_smaps (pid, smaps);
  stop (pid);
  XCloseDisplay (display);
  return 0;
}
