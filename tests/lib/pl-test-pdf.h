/* pl-test-pdf.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A PDF read back as a person's tools read it, with poppler's utilities. */

/* Runs `TOOL [OPTION] PATH` (pdftotext writing to its standard output),
 * fails the test unless it succeeds, and returns what it printed. */
char  *pl_test_pdf_tool  (const char *tool,
                          const char *path,
                          const char *option);

/* The number of pages of the PDF at @path, as pdfinfo counts them. */
guint  pl_test_pdf_pages (const char *path);

G_END_DECLS
