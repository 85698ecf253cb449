/* pl-record.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-record"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-date.h"
#include "pl-error.h"
#include "pl-enums.h"
#include "pl-record.h"

/* A record keeps one GValue per column of its class. Integer columns that
 * are NULL in the database are remembered in @nulls, so that "no rating"
 * and "0" stay different; text columns use a NULL string. */
typedef struct
{
  gint64    id;
  char     *created_at;
  char     *updated_at;
  gint64    revision;
  GValue   *values;
  gboolean *nulls;
  guint     n_values;
} PlRecordPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (PlRecord, pl_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
column_gtype (const PlColumn *column)
{
  switch (column->type)
    {
    case PL_COLUMN_INT:
    case PL_COLUMN_REF:
    case PL_COLUMN_WEEKDAYS:
      return G_TYPE_INT64;
    case PL_COLUMN_BOOL:
      return G_TYPE_BOOLEAN;
    case PL_COLUMN_TEXT:
    case PL_COLUMN_DATE:
    case PL_COLUMN_ENUM:
    default:
      return G_TYPE_STRING;
    }
}

static PlRecordPrivate *
get_values (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  /* Allocated on first use: while the parent's instance_init runs, the
   * instance does not know its final class, hence its columns, yet. */
  if (priv->values == NULL)
    {
      PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

      priv->n_values = klass->n_columns;
      priv->values = g_new0 (GValue, MAX (1, klass->n_columns));
      priv->nulls = g_new0 (gboolean, MAX (1, klass->n_columns));
      for (guint i = 0; i < klass->n_columns; i++)
        {
          g_value_init (&priv->values[i], column_gtype (&klass->columns[i]));
          priv->nulls[i] = TRUE;
        }
    }

  return priv;
}

static int
column_index (PlRecord   *self,
              const char *name)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_columns; i++)
    if (strcmp (klass->columns[i].name, name) == 0)
      return (int) i;

  return -1;
}

static void
pl_record_finalize (GObject *object)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->nulls, g_free);
  g_clear_pointer (&priv->created_at, g_free);
  g_clear_pointer (&priv->updated_at, g_free);

  G_OBJECT_CLASS (pl_record_parent_class)->finalize (object);
}

static void
pl_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (PL_RECORD (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, priv->id);
      break;
    case PROP_CREATED_AT:
      g_value_set_string (value, priv->created_at);
      break;
    case PROP_UPDATED_AT:
      g_value_set_string (value, priv->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_ID:
      pl_record_set_id (PL_RECORD (object), g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Properties installed by pl_record_class_set_table() on a subclass are
 * dispatched here; their ids are column index + 1. */
static void
column_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  PlRecordPrivate *priv = get_values (PL_RECORD (object));

  if (prop_id == 0 || prop_id > priv->n_values)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_value_copy (&priv->values[prop_id - 1], value);
}

static gboolean
store_value (PlRecord     *self,
             guint         index,
             const GValue *value,
             gboolean      is_null)
{
  PlRecordPrivate *priv = get_values (self);
  GValue *slot = &priv->values[index];
  gboolean changed = priv->nulls[index] != is_null;

  if (G_VALUE_HOLDS_STRING (slot))
    {
      const char *old = g_value_get_string (slot);
      const char *new = is_null ? NULL : g_value_get_string (value);

      if (new != NULL && *new == '\0')
        {
          new = NULL;
          is_null = TRUE;
          changed = priv->nulls[index] != is_null;
        }
      changed = changed || g_strcmp0 (old, new) != 0;
      g_value_set_string (slot, new);
    }
  else if (G_VALUE_HOLDS_INT64 (slot))
    {
      gint64 new = is_null ? 0 : g_value_get_int64 (value);

      changed = changed || g_value_get_int64 (slot) != new;
      g_value_set_int64 (slot, new);
    }
  else if (G_VALUE_HOLDS_BOOLEAN (slot))
    {
      gboolean new = is_null ? FALSE : g_value_get_boolean (value);

      changed = changed || g_value_get_boolean (slot) != new;
      g_value_set_boolean (slot, new);
    }

  priv->nulls[index] = is_null;
  return changed;
}

static void
column_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  PlRecord *self = PL_RECORD (object);
  PlRecordPrivate *priv = get_values (self);
  gboolean is_null = FALSE;

  if (prop_id == 0 || prop_id > priv->n_values)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  /* A reference of 0 means "none", as an empty string does for text. */
  if (G_VALUE_HOLDS_INT64 (value) &&
      PL_RECORD_GET_CLASS (self)->columns[prop_id - 1].type == PL_COLUMN_REF &&
      g_value_get_int64 (value) == 0)
    is_null = TRUE;

  if (store_value (self, prop_id - 1, value, is_null))
    g_object_notify_by_pspec (object, pspec);
}

static void
pl_record_class_init (PlRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pl_record_finalize;
  object_class->get_property = pl_record_get_property;
  object_class->set_property = pl_record_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pl_record_init (PlRecord *self)
{
}

void
pl_record_class_set_table (PlRecordClass  *klass,
                           const char     *table,
                           const char     *label,
                           const PlColumn *columns,
                           guint           n_columns)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (PL_IS_RECORD_CLASS (klass));

  klass->table = table;
  klass->label = label;
  klass->columns = columns;
  klass->n_columns = n_columns;

  object_class->get_property = column_get_property;
  object_class->set_property = column_set_property;

  for (guint i = 0; i < n_columns; i++)
    {
      const PlColumn *column = &columns[i];
      g_autofree char *name = g_strdelimit (g_strdup (column->name), "_", '-');
      GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY;
      GParamSpec *pspec;

      if (!(column->flags & PL_COLUMN_DERIVED))
        flags |= G_PARAM_WRITABLE;

      switch (column_gtype (column))
        {
        case G_TYPE_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case G_TYPE_INT64:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        default:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        }

      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

const char *
pl_record_class_get_table (PlRecordClass *klass)
{
  return klass->table;
}

const char *
pl_record_class_get_label (PlRecordClass *klass)
{
  return klass->label;
}

const PlColumn *
pl_record_class_get_columns (PlRecordClass *klass,
                             guint         *n_columns)
{
  if (n_columns != NULL)
    *n_columns = klass->n_columns;
  return klass->columns;
}

const PlColumn *
pl_record_class_find_column (PlRecordClass *klass,
                             const char    *name)
{
  for (guint i = 0; i < klass->n_columns; i++)
    if (strcmp (klass->columns[i].name, name) == 0)
      return &klass->columns[i];
  return NULL;
}

/**
 * pl_record_new:
 *
 * Returns: (transfer full): an empty record of @type, with every column NULL.
 */
PlRecord *
pl_record_new (GType type)
{
  g_return_val_if_fail (g_type_is_a (type, PL_TYPE_RECORD), NULL);

  return g_object_new (type, NULL);
}

/**
 * pl_record_copy:
 *
 * Returns: (transfer full): a detached copy, for undo.
 */
PlRecord *
pl_record_copy (PlRecord *self)
{
  PlRecordPrivate *priv = get_values (self);
  PlRecord *copy = pl_record_new (G_OBJECT_TYPE (self));
  PlRecordPrivate *cpriv = get_values (copy);

  cpriv->id = priv->id;
  cpriv->created_at = g_strdup (priv->created_at);
  cpriv->updated_at = g_strdup (priv->updated_at);
  cpriv->revision = priv->revision;
  for (guint i = 0; i < priv->n_values; i++)
    {
      g_value_copy (&priv->values[i], &cpriv->values[i]);
      cpriv->nulls[i] = priv->nulls[i];
    }

  return copy;
}

gint64
pl_record_get_id (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  return priv->id;
}

void
pl_record_set_id (PlRecord *self,
                  gint64    id)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_if_fail (PL_IS_RECORD (self));
  if (priv->id != id)
    {
      priv->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

const char *
pl_record_get_created_at (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  return priv->created_at;
}

/**
 * pl_record_get_revision:
 *
 * The row's revision as it was read, on a shared data set (counted up by
 * the server on every change); 0 where rows carry none (a file). A save
 * of a record whose revision is no longer the row's is refused.
 */
gint64
pl_record_get_revision (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_val_if_fail (PL_IS_RECORD (self), 0);
  return priv->revision;
}

void
pl_record_set_revision (PlRecord *self,
                        gint64    revision)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_return_if_fail (PL_IS_RECORD (self));
  priv->revision = revision;
}

const char *
pl_record_get_updated_at (PlRecord *self)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);
  return priv->updated_at;
}

void
pl_record_load_stamps (PlRecord   *self,
                       const char *created_at,
                       const char *updated_at)
{
  PlRecordPrivate *priv = pl_record_get_instance_private (self);

  g_free (priv->created_at);
  priv->created_at = g_strdup (created_at);
  g_free (priv->updated_at);
  priv->updated_at = g_strdup (updated_at);
}

#define COLUMN_OR_RETURN(self, column, val)                                 \
  int index = column_index (self, column);                                 \
  if (index < 0)                                                           \
    {                                                                      \
      g_critical ("%s has no column “%s”", G_OBJECT_TYPE_NAME (self), column); \
      return val;                                                          \
    }

gboolean
pl_record_is_null (PlRecord   *self,
                   const char *column)
{
  COLUMN_OR_RETURN (self, column, TRUE);
  return get_values (self)->nulls[index];
}

const char *
pl_record_get_string (PlRecord   *self,
                      const char *column)
{
  PlRecordPrivate *priv;
  COLUMN_OR_RETURN (self, column, NULL);

  priv = get_values (self);
  g_return_val_if_fail (G_VALUE_HOLDS_STRING (&priv->values[index]), NULL);
  return g_value_get_string (&priv->values[index]);
}

gint64
pl_record_get_int (PlRecord   *self,
                   const char *column)
{
  PlRecordPrivate *priv;
  COLUMN_OR_RETURN (self, column, 0);

  priv = get_values (self);
  if (G_VALUE_HOLDS_BOOLEAN (&priv->values[index]))
    return g_value_get_boolean (&priv->values[index]);
  g_return_val_if_fail (G_VALUE_HOLDS_INT64 (&priv->values[index]), 0);
  return g_value_get_int64 (&priv->values[index]);
}

gboolean
pl_record_get_bool (PlRecord   *self,
                    const char *column)
{
  return pl_record_get_int (self, column) != 0;
}

/**
 * pl_record_get_enum:
 *
 * Returns: the enumeration value of @column, or -1 when it is empty
 */
int
pl_record_get_enum (PlRecord   *self,
                    const char *column)
{
  const PlColumn *spec = pl_record_class_find_column (PL_RECORD_GET_CLASS (self), column);
  int value = -1;

  g_return_val_if_fail (spec != NULL && spec->enum_type != NULL, -1);

  if (!pl_enum_from_nick (spec->enum_type (), pl_record_get_string (self, column), &value))
    return -1;
  return value;
}

static void
set_column (PlRecord     *self,
            int           index,
            const GValue *value,
            gboolean      is_null)
{
  if (store_value (self, (guint) index, value, is_null))
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (self);
      g_autofree char *name = g_strdelimit (g_strdup (PL_RECORD_GET_CLASS (self)->columns[index].name),
                                            "_", '-');

      g_object_notify_by_pspec (G_OBJECT (self), g_object_class_find_property (klass, name));
    }
}

void
pl_record_set_string (PlRecord   *self,
                      const char *column,
                      const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  COLUMN_OR_RETURN (self, column, );

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  set_column (self, index, &v, value == NULL);
}

void
pl_record_set_int (PlRecord   *self,
                   const char *column,
                   gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;
  PlRecordPrivate *priv;
  COLUMN_OR_RETURN (self, column, );

  priv = get_values (self);
  if (G_VALUE_HOLDS_BOOLEAN (&priv->values[index]))
    {
      g_value_init (&v, G_TYPE_BOOLEAN);
      g_value_set_boolean (&v, value != 0);
    }
  else
    {
      g_value_init (&v, G_TYPE_INT64);
      g_value_set_int64 (&v, value);
    }

  set_column (self, index, &v,
              value == 0 && PL_RECORD_GET_CLASS (self)->columns[index].type == PL_COLUMN_REF);
}

void
pl_record_set_bool (PlRecord   *self,
                    const char *column,
                    gboolean    value)
{
  pl_record_set_int (self, column, value ? 1 : 0);
}

void
pl_record_set_null (PlRecord   *self,
                    const char *column)
{
  COLUMN_OR_RETURN (self, column, );
  set_column (self, index, NULL, TRUE);
}

void
pl_record_set_enum (PlRecord   *self,
                    const char *column,
                    int         value)
{
  const PlColumn *spec = pl_record_class_find_column (PL_RECORD_GET_CLASS (self), column);
  const char *nick;

  g_return_if_fail (spec != NULL && spec->enum_type != NULL);

  nick = pl_enum_to_nick (spec->enum_type (), value);
  g_return_if_fail (nick != NULL);
  pl_record_set_string (self, column, nick);
}

void
pl_record_load_value (PlRecord     *self,
                      guint         index,
                      const GValue *value)
{
  PlRecordPrivate *priv = get_values (self);

  g_return_if_fail (index < priv->n_values);
  store_value (self, index, value, value == NULL);
}

const GValue *
pl_record_peek_value (PlRecord *self,
                      guint     index)
{
  PlRecordPrivate *priv = get_values (self);

  g_return_val_if_fail (index < priv->n_values, NULL);
  return priv->nulls[index] ? NULL : &priv->values[index];
}

/* Validation of what people type and import. The database's CHECK
 * constraints say the same, but only this can say it in words. */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');
  const char *dot;

  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;
  if (strpbrk (text, " \t\r\n,;<>()[]\\\"") != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +()-.", *p) == NULL)
        return FALSE;
    }

  return digits >= 7 && digits <= 15;
}

static gboolean
looks_like_postcode (const char *text)
{
  static GRegex *regex;

  /* The shapes of UK postcodes (A9 9AA, A99 9AA, AA9 9AA, AA99 9AA,
   * A9A 9AA, AA9A 9AA); the space is optional. Compiled once: an import
   * checks tens of thousands of postcodes. */
  if (g_once_init_enter (&regex))
    g_once_init_leave (&regex, g_regex_new ("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$",
                                            G_REGEX_CASELESS, 0, NULL));

  return g_regex_match (regex, text, 0, NULL);
}

static gboolean
looks_like_url (const char *text)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *with_scheme = NULL;
  const char *host;

  if (strpbrk (text, " \t\r\n") != NULL)
    return FALSE;

  if (!g_str_has_prefix (text, "http://") && !g_str_has_prefix (text, "https://"))
    text = with_scheme = g_strconcat ("https://", text, NULL);

  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;

  host = g_uri_get_host (uri);
  return host != NULL && strchr (host, '.') != NULL && host[strlen (host) - 1] != '.';
}

/* Translated only when a message needs it: looking the label up for every
 * value was a tenth of the time of a large import. */
static const char *
column_label (const PlColumn *column)
{
  return column->label ? _(column->label) : column->name;
}

/**
 * pl_record_validate_value:
 * @column: a column of a record class
 * @value: (nullable): the value, of the column's GType; %NULL for empty
 *
 * Checks one value against the rules of @column, as pl_record_validate()
 * does for a whole record; importers use it to say which field is wrong.
 *
 * Returns: %TRUE when the value may be written.
 */
gboolean
pl_record_validate_value (const PlColumn  *column,
                          const GValue    *value,
                          GError         **error)
{
  const char *text;
  gint64 number;

  if (column->flags & PL_COLUMN_DERIVED)
    return TRUE;

  if (value == NULL)
    {
      if (column->flags & PL_COLUMN_REQUIRED)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("%s is required."), column_label (column));
          return FALSE;
        }
      return TRUE;
    }

  switch (column->type)
    {
    case PL_COLUMN_TEXT:
      text = g_value_get_string (value);
      if ((column->flags & PL_COLUMN_REQUIRED) && is_blank (text))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("%s is required."),
                       column_label (column));
          return FALSE;
        }
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("%s is not valid UTF-8 text."),
                       column_label (column));
          return FALSE;
        }
      switch (column->format)
        {
        case PL_FORMAT_EMAIL:
          if (!looks_like_email (text))
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                           _("%s: “%s” is not an email address."),
                           column_label (column), text);
              return FALSE;
            }
          break;
        case PL_FORMAT_PHONE:
          if (!looks_like_phone (text))
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                           _("%s: “%s” is not a phone number (7 to 15 digits)."),
                           column_label (column), text);
              return FALSE;
            }
          break;
        case PL_FORMAT_POSTCODE:
          if (!looks_like_postcode (text))
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                           _("%s: “%s” is not a UK postcode."),
                           column_label (column), text);
              return FALSE;
            }
          break;
        case PL_FORMAT_URL:
          if (!looks_like_url (text))
            {
              g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                           _("%s: “%s” is not a web address."),
                           column_label (column), text);
              return FALSE;
            }
          break;
        case PL_FORMAT_NONE:
        default:
          break;
        }
      break;

    case PL_COLUMN_DATE:
      text = g_value_get_string (value);
      if (!pl_date_is_iso (text))
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("%s: “%s” is not a date (YYYY-MM-DD)."),
                       column_label (column), text);
          return FALSE;
        }
      break;

    case PL_COLUMN_ENUM:
      text = g_value_get_string (value);
      if (column->enum_type != NULL && !pl_enum_from_nick (column->enum_type (), text, NULL))
        {
          g_autofree char *allowed =
            g_strjoinv (", ", (char **) pl_enum_get_nicks (column->enum_type ()));
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("%s: “%s” is not one of %s."),
                       column_label (column), text, allowed);
          return FALSE;
        }
      break;

    case PL_COLUMN_INT:
      number = g_value_get_int64 (value);
      if (number < column->min || number > column->max)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("%s: %" G_GINT64_FORMAT " is not between %" G_GINT64_FORMAT
                         " and %" G_GINT64_FORMAT "."),
                       column_label (column), number, column->min, column->max);
          return FALSE;
        }
      break;

    case PL_COLUMN_WEEKDAYS:
      number = g_value_get_int64 (value);
      if (number < 0 || number > 127)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                       _("%s: not a set of weekdays."), column_label (column));
          return FALSE;
        }
      break;

    case PL_COLUMN_REF:
      if (g_value_get_int64 (value) <= 0)
        {
          g_set_error (error, PL_ERROR, PL_ERROR_INVALID, _("%s is required."),
                       column_label (column));
          return FALSE;
        }
      break;

    case PL_COLUMN_BOOL:
    default:
      break;
    }

  return TRUE;
}

/**
 * pl_record_validate:
 *
 * Checks every column against its kind, range, choices and format.
 * Returns: %TRUE when the record may be written; otherwise @error names
 * the first field at fault, in words.
 */
gboolean
pl_record_validate (PlRecord  *self,
                    GError   **error)
{
  PlRecordClass *klass = PL_RECORD_GET_CLASS (self);
  PlRecordPrivate *priv = get_values (self);

  for (guint i = 0; i < klass->n_columns; i++)
    if (!pl_record_validate_value (&klass->columns[i],
                                   priv->nulls[i] ? NULL : &priv->values[i], error))
      return FALSE;

  return TRUE;
}

/**
 * pl_record_validate_column:
 *
 * Checks one column as pl_record_validate() would, so that a form can say
 * which of its fields is at fault while the others are being typed.
 */
gboolean
pl_record_validate_column (PlRecord    *self,
                           const char  *column,
                           GError     **error)
{
  PlRecordClass *klass;
  PlRecordPrivate *priv;
  int index;

  g_return_val_if_fail (PL_IS_RECORD (self), FALSE);

  klass = PL_RECORD_GET_CLASS (self);
  priv = get_values (self);
  index = column_index (self, column);
  g_return_val_if_fail (index >= 0, FALSE);

  return pl_record_validate_value (&klass->columns[index],
                                   priv->nulls[index] ? NULL : &priv->values[index], error);
}
