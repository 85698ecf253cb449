/* pl-mail-templates-page.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_MAIL_TEMPLATES_PAGE (pl_mail_templates_page_get_type ())

G_DECLARE_FINAL_TYPE (PlMailTemplatesPage, pl_mail_templates_page, PL, MAIL_TEMPLATES_PAGE,
                      AdwPreferencesPage)

/* The Emails page of Preferences: who signs, and the templates' texts. */
GtkWidget *pl_mail_templates_page_new (PlContext *context);

G_END_DECLS
