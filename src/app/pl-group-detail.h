/* pl-group-detail.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_GROUP_DETAIL (pl_group_detail_get_type ())

G_DECLARE_FINAL_TYPE (PlGroupDetail, pl_group_detail, PL, GROUP_DETAIL, AdwBin)

void     pl_group_detail_set_context  (PlGroupDetail *self,
                                       PlContext     *context);
gint64   pl_group_detail_get_group_id (PlGroupDetail *self);
void     pl_group_detail_set_group_id (PlGroupDetail *self,
                                       gint64         group_id);
void     pl_group_detail_flush        (PlGroupDetail *self);
void     pl_group_detail_focus_name   (PlGroupDetail *self);

G_END_DECLS
