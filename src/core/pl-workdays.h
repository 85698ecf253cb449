/* pl-workdays.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "pl-store.h"

G_BEGIN_DECLS

/* The bank holidays of England and Wales in @year, computed (fixed dates
 * with substitute days, Easter, the May and August Mondays, and the one-off
 * holidays proclaimed since 1995), ascending (transfer full, GDate). */
GArray     *pl_bank_holidays_ew              (int          year);

/* Working days: Monday to Friday, less bank holidays and the days a caller
 * closes (network-wide holidays). Cheap to query; build one per job. */
#define PL_TYPE_WORKDAYS (pl_workdays_get_type ())

typedef struct _PlWorkdays PlWorkdays;

GType       pl_workdays_get_type             (void) G_GNUC_CONST;
PlWorkdays *pl_workdays_new                  (void);
PlWorkdays *pl_workdays_new_for_store        (PlStore     *store);
PlWorkdays *pl_workdays_ref                  (PlWorkdays  *self);
void        pl_workdays_unref                (PlWorkdays  *self);

/* Replaces the computed bank holidays of @year with @dates (GDate), as when
 * a published list has been imported. */
void        pl_workdays_set_bank_holidays    (PlWorkdays  *self,
                                              int          year,
                                              GArray      *dates);
/* Closes every day from @first to @last inclusive. */
void        pl_workdays_close                (PlWorkdays  *self,
                                              const GDate *first,
                                              const GDate *last);

gboolean    pl_workdays_is_bank_holiday      (PlWorkdays  *self,
                                              const GDate *date);
gboolean    pl_workdays_is_working           (PlWorkdays  *self,
                                              const GDate *date);
/* Moves @date by @n working days (back when negative). From a closed day,
 * the first step lands on the nearest working day in that direction. */
void        pl_workdays_shift                (PlWorkdays  *self,
                                              GDate       *date,
                                              int          n);
/* The nearest working day on or before (@forward FALSE) or on or after
 * @date. */
void        pl_workdays_snap                 (PlWorkdays  *self,
                                              GDate       *date,
                                              gboolean     forward);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlWorkdays, pl_workdays_unref)

G_END_DECLS
