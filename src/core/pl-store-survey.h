/* pl-store-survey.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Survey responses as they come in, typed from paper forms (the survey
 * dialog) or read from a form tool's export (pl-survey-import.h); the
 * questions themselves are in pl-survey.h. */

/* Adds @response, a survey_response record not yet stored, and sets its
 * id. An employer's answers about a placement are about hosting it, so an
 * employer survey linked to a placement and to no employer is linked to
 * the placement's employer too. In its own transaction, or in the
 * caller's. */
gboolean pl_store_survey_add             (PlStore     *store,
                                          PlRecord    *response,
                                          GError     **error);

/* A placement a response may be about. */
typedef struct
{
  gint64  id;
  char   *staff;
  char   *host;        /* the employer's name; the sector's while it has none */
  char   *first_day;   /* ISO; NULL when it has no days */
} PlSurveyPlacement;

/* The placements whose surveys are due, those that took place (completed,
 * cascaded or evaluated), latest first and then by the staff member's
 * name; or, when @placement_id is not 0, that placement alone. A new array
 * of PlSurveyPlacement (transfer full, clearing its elements), or NULL with
 * @error set. */
GArray  *pl_store_survey_list_placements (PlStore     *store,
                                          gint64       placement_id,
                                          GError     **error);

G_END_DECLS
