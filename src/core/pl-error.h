/* pl-error.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PL_ERROR (pl_error_quark ())

typedef enum
{
  PL_ERROR_FAILED,        /* an unexpected failure of the database or the disk */
  PL_ERROR_INVALID,       /* a value a person typed or imported is not acceptable */
  PL_ERROR_NOT_FOUND,     /* a named or numbered record does not exist */
  PL_ERROR_CONSTRAINT,    /* the change would break a rule of the data model */
  PL_ERROR_IN_USE,        /* other records depend on the one being removed */
  PL_ERROR_TOO_NEW,       /* the database was written by a newer Placements */
  PL_ERROR_NOT_ALLOWED,   /* a status change whose requirements are not met */
  PL_ERROR_CANNOT_WRITE,  /* the disk is full, the file read-only, moved or locked */
  PL_ERROR_CONFLICT,      /* someone else changed the same thing meanwhile */
  PL_ERROR_NEEDS_PASSWORD, /* the database server asks for a password, none was given */
} PlError;

GQuark pl_error_quark (void);

G_END_DECLS
