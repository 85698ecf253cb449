/* pl-record.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How a column is stored and shown. Every column becomes a GObject property
 * of the record type (underscores in the column name become dashes). */
typedef enum
{
  PL_COLUMN_TEXT,     /* string, NULL when empty */
  PL_COLUMN_INT,      /* gint64 within [min, max] */
  PL_COLUMN_BOOL,     /* gboolean, stored 0/1 */
  PL_COLUMN_DATE,     /* ISO YYYY-MM-DD string */
  PL_COLUMN_ENUM,     /* string, a nick of enum_type */
  PL_COLUMN_REF,      /* gint64 id of a row of ref_table, 0 when empty */
  PL_COLUMN_WEEKDAYS, /* gint64 mask, bit 0 = Monday … bit 6 = Sunday */
} PlColumnType;

typedef enum
{
  PL_COLUMN_REQUIRED = 1 << 0, /* may not be empty */
  PL_COLUMN_DERIVED  = 1 << 1, /* read-only, computed by the query (expr) */
  PL_COLUMN_UNIQUE   = 1 << 2, /* unique, case-insensitively, in its table */
} PlColumnFlags;

typedef enum
{
  PL_FORMAT_NONE,
  PL_FORMAT_EMAIL,
  PL_FORMAT_PHONE,
  PL_FORMAT_POSTCODE,
  PL_FORMAT_URL,
} PlTextFormat;

typedef struct
{
  const char          *name;      /* SQL column */
  PlColumnType         type;
  PlColumnFlags        flags;
  const char          *label;     /* marked for translation; messages, headers */
  GType              (*enum_type) (void); /* PL_COLUMN_ENUM: stored as its nicks */
  gint64               min;       /* PL_COLUMN_INT */
  gint64               max;
  PlTextFormat         format;    /* PL_COLUMN_TEXT */
  const char          *ref_table; /* PL_COLUMN_REF */
  const char          *expr;      /* PL_COLUMN_DERIVED: SQL over alias "t" */
} PlColumn;

#define PL_TYPE_RECORD (pl_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (PlRecord, pl_record, PL, RECORD, GObject)

struct _PlRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char     *table;
  const char     *label;
  const PlColumn *columns;
  guint           n_columns;
};

void            pl_record_class_set_table  (PlRecordClass  *klass,
                                            const char     *table,
                                            const char     *label,
                                            const PlColumn *columns,
                                            guint           n_columns);

const char     *pl_record_class_get_table  (PlRecordClass  *klass);
const char     *pl_record_class_get_label  (PlRecordClass  *klass);
const PlColumn *pl_record_class_get_columns (PlRecordClass *klass,
                                             guint         *n_columns);
const PlColumn *pl_record_class_find_column (PlRecordClass *klass,
                                             const char    *name);

PlRecord       *pl_record_new              (GType           type);
PlRecord       *pl_record_copy             (PlRecord       *self);
gint64          pl_record_get_id           (PlRecord       *self);
void            pl_record_set_id           (PlRecord       *self,
                                            gint64          id);
const char     *pl_record_get_created_at   (PlRecord       *self);
const char     *pl_record_get_updated_at   (PlRecord       *self);
gint64          pl_record_get_revision     (PlRecord       *self);
void            pl_record_set_revision     (PlRecord       *self,
                                            gint64          revision);

gboolean        pl_record_is_null          (PlRecord       *self,
                                            const char     *column);
const char     *pl_record_get_string       (PlRecord       *self,
                                            const char     *column);
gint64          pl_record_get_int          (PlRecord       *self,
                                            const char     *column);
gboolean        pl_record_get_bool         (PlRecord       *self,
                                            const char     *column);
/* The value of an enumeration column (-1 when it is empty). */
int             pl_record_get_enum         (PlRecord       *self,
                                            const char     *column);
void            pl_record_set_string       (PlRecord       *self,
                                            const char     *column,
                                            const char     *value);
void            pl_record_set_int          (PlRecord       *self,
                                            const char     *column,
                                            gint64          value);
void            pl_record_set_bool         (PlRecord       *self,
                                            const char     *column,
                                            gboolean        value);
void            pl_record_set_null         (PlRecord       *self,
                                            const char     *column);
void            pl_record_set_enum         (PlRecord       *self,
                                            const char     *column,
                                            int             value);

gboolean        pl_record_validate         (PlRecord       *self,
                                            GError        **error);
gboolean        pl_record_validate_value   (const PlColumn *column,
                                            const GValue   *value,
                                            GError        **error);
gboolean        pl_record_validate_column  (PlRecord       *self,
                                            const char     *column,
                                            GError        **error);

/* Used by the store to fill records from a row; not for views. */
void            pl_record_load_value       (PlRecord       *self,
                                            guint           index,
                                            const GValue   *value);
const GValue   *pl_record_peek_value       (PlRecord       *self,
                                            guint           index);
void            pl_record_load_stamps      (PlRecord       *self,
                                            const char     *created_at,
                                            const char     *updated_at);

/* Defines a final record subclass whose columns are the given table. */
#define PL_DEFINE_RECORD(TypeName, type_name, TABLE, LABEL, COLUMNS)         \
  struct _##TypeName { PlRecord parent_instance; };                         \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, PL_TYPE_RECORD)                 \
  static void type_name##_class_init (TypeName##Class *klass)               \
  {                                                                         \
    pl_record_class_set_table (PL_RECORD_CLASS (klass), TABLE, LABEL,       \
                               COLUMNS, G_N_ELEMENTS (COLUMNS));            \
  }                                                                         \
  static void type_name##_init (TypeName *self) { }

G_END_DECLS
