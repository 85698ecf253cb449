/* pl-vfs-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The name under which the store's SQLite VFS is registered. */
#define PL_VFS_NAME "pl-ofd"

gboolean pl_vfs_register (void);

G_END_DECLS
