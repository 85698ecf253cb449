/* pl-preferences-window.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_PREFERENCES_WINDOW (pl_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, PL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

PlPreferencesWindow *pl_preferences_window_new   (GtkWindow           *parent,
                                                  PlContext           *context);

/* Writes the edits still waiting for the pause after typing. */
void                 pl_preferences_window_flush (PlPreferencesWindow *self);

G_END_DECLS
