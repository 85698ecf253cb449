/* pl-page-header.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *pl_page_header_button_new (GtkWidget  *page,
                                      const char *icon_name,
                                      const char *tooltip,
                                      const char *action_name);
void       pl_page_header_release    (GtkWidget **header);

G_END_DECLS
