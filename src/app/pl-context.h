/* pl-context.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "pl-history.h"
#include "pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_CONTEXT (pl_context_get_type ())

G_DECLARE_FINAL_TYPE (PlContext, pl_context, PL, CONTEXT, GObject)

PlContext *pl_context_new          (PlStore   *store,
                                    GSettings *settings);
PlStore   *pl_context_get_store    (PlContext *self);
GSettings *pl_context_get_settings (PlContext *self);
PlHistory *pl_context_get_history  (PlContext *self);
void       pl_context_get_today    (PlContext *self,
                                    GDate     *out);
gboolean   pl_context_replace      (PlContext **slot,
                                    PlContext  *context,
                                    GCallback   on_store_changed,
                                    gpointer    watcher);

G_END_DECLS
