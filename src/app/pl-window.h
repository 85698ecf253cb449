/* pl-window.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-application.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_WINDOW (pl_window_get_type ())

G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, AdwApplicationWindow)

PlWindow   *pl_window_new              (PlApplication *application,
                                        PlContext     *context);
PlContext  *pl_window_get_context      (PlWindow      *self);
const char *pl_window_get_visible_view (PlWindow      *self);
const char *pl_window_get_visible_page (PlWindow      *self);
guint       pl_window_get_n_errors     (PlWindow      *self);
GtkWidget  *pl_window_get_page         (PlWindow      *self,
                                        const char    *name);
void        pl_window_dismiss_toast    (AdwToast      *toast);
void        pl_window_add_toast        (PlWindow      *self,
                                        AdwToast      *toast);
AdwToast   *pl_window_add_undo_toast   (PlWindow      *self,
                                        const char    *title);
void        pl_window_delete_from_dialog (GtkWindow           *dialog,
                                          AdwPreferencesGroup *errors,
                                          PlStore             *store,
                                          GType                type,
                                          gint64               id,
                                          const char          *done);
void        pl_widget_show_error       (GtkWidget     *widget,
                                        const char    *what,
                                        const GError  *error);
void        pl_window_show_error       (PlWindow      *self,
                                        const char    *what,
                                        const GError  *error);

/* Writes a change that could not be written before; FALSE with @error
 * when it still cannot be. */
typedef gboolean (*PlWindowRetryFunc) (gpointer   user_data,
                                       GError   **error);

void        pl_window_report_write_failure   (PlWindow          *self,
                                              const GError      *error,
                                              PlWindowRetryFunc  retry,
                                              gpointer           retry_data,
                                              GDestroyNotify     retry_destroy);
gboolean    pl_window_get_write_banner_shown (PlWindow          *self);

G_END_DECLS
