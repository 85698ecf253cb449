/* pl-pack-template.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The employer guide's text (data/employer-guide.xml, or a person's own
 * copy), parsed into a tree of nodes. The format is described at the top of
 * data/employer-guide.xml. */

typedef enum
{
  PL_PACK_NODE_GUIDE,
  PL_PACK_NODE_TITLE,
  PL_PACK_NODE_COVER,
  PL_PACK_NODE_KICKER,
  PL_PACK_NODE_PREPARED_FOR,
  PL_PACK_NODE_FROM,
  PL_PACK_NODE_BLURB,
  PL_PACK_NODE_SECTION,
  PL_PACK_NODE_H1,
  PL_PACK_NODE_H2,
  PL_PACK_NODE_P,
  PL_PACK_NODE_LIST,
  PL_PACK_NODE_CHECKLIST,
  PL_PACK_NODE_ITEM,
  PL_PACK_NODE_TABLE,
  PL_PACK_NODE_ROW,
  PL_PACK_NODE_CELL,
  PL_PACK_NODE_CALLOUT,
  PL_PACK_NODE_FIGURES,
  PL_PACK_NODE_FIGURE,
  PL_PACK_NODE_VALUE,
  PL_PACK_NODE_CAPTION,
  PL_PACK_NODE_WRITE,
  PL_PACK_NODE_FIELDS,
  PL_PACK_NODE_FIELD,
  PL_PACK_NODE_PAGEBREAK,
  PL_PACK_NODE_BLOCK,
} PlPackNodeKind;

typedef struct _PlPackNode PlPackNode;

struct _PlPackNode
{
  PlPackNodeKind  kind;
  int             line;       /* in the template, for messages */
  /* Text elements: the source text as Pango markup with its white space
   * collapsed, which is also its gettext msgid; NULL for containers. */
  char           *text;
  char           *condition; /* if="" */
  char           *style;     /* p style="", table widths="" */
  char           *name;      /* section id, block name */
  gboolean        new_page;  /* section page="new" */
  gboolean        header;    /* row header="yes" */
  int             lines;     /* write lines="" */
  GPtrArray      *children;  /* of PlPackNode, never NULL */
};

typedef struct _PlPackTemplate PlPackTemplate;

/* Where the built-in template lives in the export resource. */
#define PL_PACK_TEMPLATE_RESOURCE "/org/placements/Placements/export/employer-guide.xml"

PlPackTemplate   *pl_pack_template_new_from_data     (const char        *data,
                                                      gssize             length,
                                                      const char        *display_name,
                                                      GError           **error);
PlPackTemplate   *pl_pack_template_new_from_file     (const char        *path,
                                                      GError           **error);
/* @path when not NULL; otherwise $XDG_CONFIG_HOME/placements/employer-guide.xml
 * when it exists; otherwise the built-in one. */
PlPackTemplate   *pl_pack_template_load              (const char        *path,
                                                      GError           **error);
void              pl_pack_template_free              (PlPackTemplate    *self);

const PlPackNode *pl_pack_template_get_root          (PlPackTemplate    *self);

/* The translation of a text node's msgid (transfer none). */
const char       *pl_pack_template_translate         (const char        *msgid);

/* Replaces each {name} in @markup by the value of @values (already escaped
 * for markup); unknown names are left as written (transfer full). */
char             *pl_pack_template_expand            (const char        *markup,
                                                      GHashTable        *values);

/* The words of the template language, NULL-terminated. */
extern const char * const pl_pack_placeholders[];
extern const char * const pl_pack_conditions[];
extern const char * const pl_pack_blocks[];

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlPackTemplate, pl_pack_template_free)

G_END_DECLS
