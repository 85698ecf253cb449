/* pl-store-audit.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store-access.h"

G_BEGIN_DECLS

/* The history of one record on a shared data set, as people read it: the
 * server's audit trail of the row of @type with @id and, for a placement,
 * of its days, terms and milestones, oldest first. Each entry has its text
 * ("Created", "Deleted", "Email: (empty) → jo@example.org", "Day added:
 * 3 Mar 2027"), written with the columns' labels and the values as the
 * app shows them. What says nothing to a person is left out: a day that
 * one save took away and put back, a column no form shows. A file has no
 * audit trail: %PL_ERROR_INVALID (element-type PlAuditEntry; transfer
 * full). */
GPtrArray *pl_store_list_record_audit (PlStore  *store,
                                       GType     type,
                                       gint64    id,
                                       GError  **error);

G_END_DECLS
