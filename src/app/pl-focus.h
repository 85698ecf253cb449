/* pl-focus.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean pl_focus_leave      (GtkWidget  *leaving);
void     pl_focus_show_child (GtkStack   *stack,
                              GtkWidget  *child,
                              GtkWidget  *fallback);
void     pl_focus_show_named (GtkStack   *stack,
                              const char *name,
                              GtkWidget  *fallback);

G_END_DECLS
