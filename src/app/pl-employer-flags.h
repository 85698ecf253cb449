/* pl-employer-flags.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PL_TYPE_EMPLOYER_FLAGS (pl_employer_flags_get_type ())

G_DECLARE_FINAL_TYPE (PlEmployerFlags, pl_employer_flags, PL, EMPLOYER_FLAGS, GtkWidget)

GtkWidget *pl_employer_flags_new (void);
void       pl_employer_flags_set (PlEmployerFlags *self,
                                  gboolean         attention,
                                  gboolean         evidence);

G_END_DECLS
