/* fuzz-sample.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "fuzz-sample.h"
#include "pl-test-data.h"

static void
log_nothing (const char     *domain,
             GLogLevelFlags  level,
             const char     *message,
             gpointer        user_data)
{
  /* Criticals are programming errors: let them stop the fuzzer. */
  if (level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_WARNING))
    {
      g_printerr ("%s: %s\n", domain ? domain : "", message);
      abort ();
    }
}

/* What the importers' targets start from: a database of its own holding
 * the sample network on a fixed day, so that every input meets the same
 * data and a crash reproduces whatever the date, and a log that is quiet
 * but for programming errors, which stop the fuzzer. */
PlStore *
fuzz_sample_open (void)
{
  static PlTestDb db;

  g_log_set_default_handler (log_nothing, NULL);
  g_setenv ("PLACEMENTS_TODAY", "2026-11-22", TRUE);

  pl_test_db_open (&db);
  pl_test_load_sample (db.store);
  return db.store;
}
