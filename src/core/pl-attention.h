/* pl-attention.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-store.h"

G_BEGIN_DECLS

/* Why an employer needs someone to get in touch. */
typedef enum
{
  PL_ATTENTION_FOLLOW_UP_DUE  = 1 << 0, /* the last contact's follow-up date has come */
  PL_ATTENTION_NOT_CONTACTED  = 1 << 1, /* no contact for the configured number of months */
  PL_ATTENTION_NO_PLACEMENT   = 1 << 2, /* warm or host, but no placement this academic year */
} PlAttentionReasons;

typedef struct
{
  gint64              employer_id;
  PlAttentionReasons  reasons;
  char               *last_contact; /* ISO date of the last contact, or NULL: never */
  char               *follow_up;    /* the follow-up date that is due, or NULL */
} PlAttention;

#define PL_TYPE_ATTENTION (pl_attention_get_type ())

GType        pl_attention_get_type  (void) G_GNUC_CONST;
PlAttention *pl_attention_copy      (const PlAttention *self);
void         pl_attention_free      (PlAttention       *self);

GPtrArray   *pl_attention_employers (PlStore           *store,
                                     const GDate       *today,
                                     guint              months,
                                     GError           **error);
char        *pl_attention_describe  (const PlAttention *self,
                                     const GDate       *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlAttention, pl_attention_free)

G_END_DECLS
