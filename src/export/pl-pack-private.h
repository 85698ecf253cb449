/* pl-pack-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-pack.h"
#include "pl-pack-data.h"
#include "pl-pack-flow.h"
#include "pl-pack-template.h"

G_BEGIN_DECLS

/* Shared by pl-pack.c (the document: template, cover, pages, PDF) and
 * pl-pack-blocks.c (the parts drawn from the data). */

typedef struct
{
  char *markup;
  char *anchor;
} PlPackContentsEntry;

struct _PlPack
{
  GObject          parent_instance;

  PlPackData      *data;
  PlPackTemplate  *template;
  GHashTable      *values;      /* placeholder → markup-escaped value */
  cairo_surface_t *logo;        /* NULL without one */

  /* The template's words, translated and filled in. */
  char            *title;
  char            *kicker;
  char            *cover_title;
  char            *prepared_for;
  char            *from;
  char            *blurb;

  double           page_width;
  double           page_height;
  PlFlow          *flow;        /* NULL until laid out */
  GPtrArray       *contents;    /* of PlPackContentsEntry, the sections' headings */
  GHashTable      *anchors;     /* PlPackNode * (an h1) → its anchor */
  guint            h1_added;    /* headings of contents entries laid out so far */
  gboolean         after_heading; /* the last node laid out was a heading */
};

/* Whether a node's if="" condition holds for this employer. */
gboolean  pl_pack_condition_holds (PlPack           *self,
                                   const PlPackNode *node);
/* A text node translated and filled in (transfer full). */
char     *pl_pack_node_markup     (PlPack           *self,
                                   const PlPackNode *node);

/* The page (from 0, the cover counted) a contents entry landed on, or -1. */
int       pl_pack_anchor_page     (PlPack           *self,
                                   const char       *anchor);

/* Text from the records as markup, with typewriter apostrophes made
 * typographic ("O'Neill's" → "O’Neill’s"), as the guide's own text is
 * (transfer full). */
char     *pl_pack_escape          (const char       *text);
/* The same in capitals, for labels (transfer full). */
char     *pl_pack_escape_upper    (const char       *text);

/* "Thursday 7 January 2027" for an ISO date (transfer full). */
char     *pl_pack_format_date     (const char       *iso);
/* The days of a placement in words (transfer full). */
char     *pl_pack_format_days     (const char * const *days);

void      pl_pack_add_block       (PlPack           *self,
                                   const PlPackNode *block);
void      pl_pack_add_timeline    (PlPack           *self);
void      pl_pack_add_timeline_steps (PlPack        *self);
void      pl_pack_add_figures     (PlPack           *self,
                                   const PlPackNode *figures);
void      pl_pack_add_callout     (PlPack           *self,
                                   const PlPackNode *callout);
void      pl_pack_add_write       (PlPack           *self,
                                   const PlPackNode *write);
void      pl_pack_add_fields      (PlPack           *self,
                                   const PlPackNode *fields);

G_END_DECLS
