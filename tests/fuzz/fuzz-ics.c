/* fuzz-ics.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pl-ics.h"

/* libFuzzer entry point for the iCalendar reader: any bytes must give
 * either events or an error, never a crash, a hang or a leak. Built with
 * -fsanitize=fuzzer under clang (-Dfuzzing=true); replay.c runs the seed
 * corpus through it in the ordinary test suite. */

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;

  /* A fixed day, so that a crash reproduces whatever the date. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 22, G_DATE_NOVEMBER, 2026);

  events = pl_ics_parse ((const char *) data, size, "fuzz.ics", &today, &error);
  g_assert ((events == NULL) != (error == NULL));
  if (error != NULL)
    g_assert (g_str_has_prefix (error->message, "fuzz.ics:"));

  return 0;
}
