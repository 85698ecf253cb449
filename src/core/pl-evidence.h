/* pl-evidence.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* One bit per kind of evidence: 1 << its PlDocumentKind. */
typedef enum
{
  PL_EVIDENCE_INSURANCE            = 1 << 0,
  PL_EVIDENCE_HEALTH_SAFETY_POLICY = 1 << 1,
  PL_EVIDENCE_RISK_ASSESSMENT      = 1 << 2,
  PL_EVIDENCE_AGREEMENT            = 1 << 3,
} PlEvidenceKinds;

#define PL_EVIDENCE_ALL (PL_EVIDENCE_INSURANCE | PL_EVIDENCE_HEALTH_SAFETY_POLICY | \
                         PL_EVIDENCE_RISK_ASSESSMENT | PL_EVIDENCE_AGREEMENT)

/* What is wrong with one employer's evidence. */
typedef struct
{
  PlEvidenceKinds missing;
  PlEvidenceKinds expired;
} PlEvidenceState;

gboolean    pl_evidence_check     (PlStore      *store,
                                   gint64        employer_id,
                                   const GDate  *on_date,
                                   GStrv        *missing,
                                   GStrv        *expired);
GHashTable *pl_evidence_problems  (PlStore      *store,
                                   const GDate  *on_date,
                                   GError      **error);
char       *pl_evidence_describe  (const char * const *missing,
                                   const char * const *expired);

G_END_DECLS
