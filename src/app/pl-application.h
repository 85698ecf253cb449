/* pl-application.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_APPLICATION (pl_application_get_type ())

G_DECLARE_FINAL_TYPE (PlApplication, pl_application, PL, APPLICATION, AdwApplication)

PlApplication *pl_application_new         (const char        *application_id,
                                           GApplicationFlags  flags);
PlContext     *pl_application_get_context (PlApplication     *self);
void           pl_application_show_connect_dialog (PlApplication *self,
                                                   GtkWindow     *parent);
void           pl_application_switch_store (PlApplication    *self,
                                            PlStore          *store);

G_END_DECLS
