/* pl-csv-private.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-csv.h"

G_BEGIN_DECLS

/* What a cell holds and how it reaches the database. */
typedef enum
{
  CELL_TEXT,      /* the text itself */
  CELL_ENUM,      /* a key of the column's choices (or its label) */
  CELL_INT,
  CELL_BOOL,      /* yes or no */
  CELL_DATE,      /* YYYY-MM-DD */
  CELL_WEEKDAYS,  /* Mon;Wed → a mask */
  CELL_SECTOR,    /* names, stored as the id of the row they name */
  CELL_PARTNER,
  CELL_STAFF,
  CELL_EMPLOYER,
  CELL_DAYS,      /* placement days: dates → placement_day */
  CELL_MEMBERS,   /* group members: Name (role) → group_member */
  CELL_MEETINGS,  /* group meetings: dates → group_meeting */
  CELL_OUTCOMES,  /* group outcomes: title|kind|link|date → group_outcome */
  CELL_APPETITE,  /* an employer's appetite: 2026/27|state|reason → employer_appetite */
} CsvCellType;

typedef struct
{
  const char  *header;    /* the CSV column */
  const char  *column;    /* the record's column; NULL for lists of other records */
  CsvCellType  type;
  gboolean     required;  /* the header must have it */
  const char  *export;    /* the field the export reads (pl-store-export.h) */
} CsvColumn;

typedef struct
{
  PlCsvKind        kind;
  const char      *name;     /* "partners" */
  GType          (*get_type) (void);
  const CsvColumn *columns;
  guint            n_columns;
  const char * const *order; /* the fields the export is sorted by */
  gboolean         unique_names;
} CsvKind;

/* Lists inside a cell: items separated by @sep; a backslash makes the next
 * character plain text, so names may hold ; or |. */
#define CSV_LIST_SEP ';'
#define CSV_PART_SEP '|'

const CsvKind *pl_csv_kind_get          (PlCsvKind    kind);

gboolean       pl_csv_parse_weekdays    (const char  *text,
                                         gint64      *mask,
                                         char       **bad_item);
char          *pl_csv_format_weekdays   (gint64       mask);

GPtrArray     *pl_csv_split_list        (const char  *text,
                                         char         sep,
                                         gboolean     keep_empty);
char          *pl_csv_unescape          (const char  *raw);
void           pl_csv_append_escaped    (GString     *out,
                                         const char  *text,
                                         const char  *specials);

const char    *pl_csv_match_enum        (const char * const *choices,
                                         const char  *text);

guint          pl_csv_nocase_hash       (gconstpointer key);
gboolean       pl_csv_nocase_equal      (gconstpointer a,
                                         gconstpointer b);

G_END_DECLS
