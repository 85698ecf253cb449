/* pl-first-step.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* What has to exist before a record can be made: a member of staff
 * belongs to a partner, a request is for a member of staff. The step is
 * offered as "win.add-first" with the name of what is missing. */

/* "partner" or "staff" when a record of @type (PL_TYPE_STAFF,
 * PL_TYPE_PLACEMENT) cannot be made yet, or NULL. */
const char *pl_first_step_missing (PlStore       *store,
                                   GType          type);

/* Makes @page and @button of an empty list of @type lead to the step that
 * comes first, or, when nothing is missing, show @description and run
 * @action (a detailed action name) under @label. */
void        pl_first_step_update  (AdwStatusPage *page,
                                   GtkButton     *button,
                                   PlStore       *store,
                                   GType          type,
                                   const char    *description,
                                   const char    *label,
                                   const char    *action);

/* The same step for a page that shows it its own way: a sentence, a
 * button label with a mnemonic and a detailed action, each static or one
 * of @description, @label and @action. */
void        pl_first_step_describe   (PlStore     *store,
                                      GType        type,
                                      const char  *description,
                                      const char  *label,
                                      const char  *action,
                                      const char **step_description,
                                      const char **step_label,
                                      const char **step_action);
void        pl_first_step_set_button (GtkButton   *button,
                                      const char  *label,
                                      const char  *action);

/* The records a first step makes, as their pages make blank ones: a
 * college that is active (and, being the first, the lead partner when
 * @lead), and an employer that is a prospect hosting one at a time
 * (transfer full). */
PlRecord   *pl_first_step_new_partner  (const char    *name,
                                        gboolean       lead);
PlRecord   *pl_first_step_new_employer (const char    *name,
                                        gint64         sector_id);

G_END_DECLS
