/* pl-test-pdf.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pl-test-cli.h"
#include "pl-test-pdf.h"

char *
pl_test_pdf_tool (const char *tool,
                  const char *path,
                  const char *option)
{
  g_auto(PlTestRun) run = { 0 };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) tool);
  if (option != NULL)
    g_ptr_array_add (argv, (char *) option);
  g_ptr_array_add (argv, (char *) path);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, "-");
  g_ptr_array_add (argv, NULL);

  pl_test_run_program (&run, (const char * const *) argv->pdata, NULL);
  if (run.status != 0)
    g_error ("%s %s: %s", tool, path, run.err);
  return g_steal_pointer (&run.out);
}

guint
pl_test_pdf_pages (const char *path)
{
  g_autofree char *info = pl_test_pdf_tool ("pdfinfo", path, NULL);
  const char *pages = strstr (info, "Pages:");

  g_assert_nonnull (pages);
  pages += strlen ("Pages:");
  return (guint) g_ascii_strtoull (pages + strspn (pages, " "), NULL, 10);
}
