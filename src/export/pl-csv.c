/* pl-csv.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-csv-private.h"
#include "pl-records.h"

/* The columns of each kind, in the order export writes them: first those
 * the README promises, then the few more that an export needs to import
 * again (a withdrawn partner's date, a cancelled placement's reason, an
 * employer's owner). Import takes them in any order; only the starred
 * ones of the README (required below) must be there. */

static const CsvColumn partner_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "name" },
  { "kind", "kind", CELL_ENUM, FALSE, "kind" },
  { "region", "region", CELL_TEXT, FALSE, "region" },
  { "status", "status", CELL_ENUM, FALSE, "status" },
  { "contact_name", "contact_name", CELL_TEXT, FALSE, "contact_name" },
  { "contact_email", "contact_email", CELL_TEXT, FALSE, "contact_email" },
  { "contact_phone", "contact_phone", CELL_TEXT, FALSE, "contact_phone" },
  { "withdrawn_on", "withdrawn_on", CELL_DATE, FALSE, "withdrawn_on" },
  { "withdrawn_reason", "withdrawn_reason", CELL_TEXT, FALSE, "withdrawn_reason" },
  { "lead", "is_lead", CELL_BOOL, FALSE, "is_lead" },
  { "notes", "notes", CELL_TEXT, FALSE, "notes" },
};

static const CsvColumn staff_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "name" },
  { "partner", "partner_id", CELL_PARTNER, TRUE, "partner_name" },
  { "job_title", "job_title", CELL_TEXT, FALSE, "job_title" },
  { "email", "email", CELL_TEXT, FALSE, "email" },
  { "phone", "phone", CELL_TEXT, FALSE, "phone" },
  { "sector", "sector_id", CELL_SECTOR, FALSE, "sector_name" },
  { "curriculum_area", "curriculum_area", CELL_TEXT, FALSE, "curriculum_area" },
  { "teaching_days", "teaching_days", CELL_WEEKDAYS, FALSE, "teaching_days" },
  { "notes", "notes", CELL_TEXT, FALSE, "notes" },
};

static const CsvColumn employer_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "name" },
  { "sector", "sector_id", CELL_SECTOR, TRUE, "sector_name" },
  { "size", "size", CELL_ENUM, FALSE, "size" },
  { "address", "address", CELL_TEXT, FALSE, "address" },
  { "postcode", "postcode", CELL_TEXT, FALSE, "postcode" },
  { "website", "website", CELL_TEXT, FALSE, "website" },
  { "contact_name", "contact_name", CELL_TEXT, FALSE, "contact_name" },
  { "contact_email", "contact_email", CELL_TEXT, FALSE, "contact_email" },
  { "contact_phone", "contact_phone", CELL_TEXT, FALSE, "contact_phone" },
  { "relationship", "relationship", CELL_ENUM, FALSE, "relationship" },
  { "capacity", "capacity", CELL_INT, FALSE, "capacity" },
  { "notice_weeks", "notice_weeks", CELL_INT, FALSE, "notice_weeks" },
  { "preferred_days", "preferred_days", CELL_WEEKDAYS, FALSE, "preferred_days" },
  { "notes", "notes", CELL_TEXT, FALSE, "notes" },
  { "owner", "owner_id", CELL_STAFF, FALSE, "owner_name" },
  { "do_not_contact_before", "do_not_contact_before", CELL_DATE, FALSE,
    "do_not_contact_before" },
  { "appetite", NULL, CELL_APPETITE, FALSE, "appetite_list" },
};

static const CsvColumn placement_columns[] = {
  { "staff", "staff_id", CELL_STAFF, TRUE, "staff_name" },
  { "sector", "sector_id", CELL_SECTOR, TRUE, "sector_name" },
  { "employer", "employer_id", CELL_EMPLOYER, FALSE, "employer_name" },
  { "status", "status", CELL_ENUM, FALSE, "status" },
  { "window_start", "window_start", CELL_DATE, FALSE, "window_start" },
  { "window_end", "window_end", CELL_DATE, FALSE, "window_end" },
  { "length", "length", CELL_INT, FALSE, "length" },
  { "days", NULL, CELL_DAYS, FALSE, "day_list" },
  { "standby", "standby", CELL_DATE, FALSE, "standby" },
  { "notes", "notes", CELL_TEXT, FALSE, "notes" },
  { "cancel_reason", "cancel_reason", CELL_TEXT, FALSE, "cancel_reason" },
};

static const CsvColumn group_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "name" },
  { "area", "area", CELL_ENUM, TRUE, "area" },
  { "wave", "wave", CELL_INT, FALSE, "wave" },
  { "aim", "aim", CELL_TEXT, FALSE, "aim" },
  { "facilitator", "facilitator", CELL_TEXT, FALSE, "facilitator" },
  { "notes", "notes", CELL_TEXT, FALSE, "notes" },
  { "members", NULL, CELL_MEMBERS, FALSE, "member_list" },
  { "meetings", NULL, CELL_MEETINGS, FALSE, "meeting_list" },
  { "outcomes", NULL, CELL_OUTCOMES, FALSE, "outcome_list" },
};

/* The order of an export: by name where the kind has names. */
static const char * const by_name[] = { "name", "id", NULL };
static const char * const by_id[] = { "id", NULL };

static const CsvKind kinds[] = {
  { PL_CSV_PARTNERS, "partners", pl_partner_get_type,
    partner_columns, G_N_ELEMENTS (partner_columns), by_name, TRUE },
  { PL_CSV_STAFF, "staff", pl_staff_get_type,
    staff_columns, G_N_ELEMENTS (staff_columns), by_name, FALSE },
  { PL_CSV_EMPLOYERS, "employers", pl_employer_get_type,
    employer_columns, G_N_ELEMENTS (employer_columns), by_name, TRUE },
  { PL_CSV_PLACEMENTS, "placements", pl_placement_get_type,
    placement_columns, G_N_ELEMENTS (placement_columns), by_id, FALSE },
  { PL_CSV_GROUPS, "groups", pl_group_get_type,
    group_columns, G_N_ELEMENTS (group_columns), by_name, TRUE },
};

const CsvKind *
pl_csv_kind_get (PlCsvKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  return &kinds[kind];
}

gboolean
pl_csv_kind_from_string (const char *text,
                         PlCsvKind  *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (text, kinds[i].name) == 0)
      {
        *kind = kinds[i].kind;
        return TRUE;
      }

  return FALSE;
}

const char *
pl_csv_kind_to_string (PlCsvKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kinds), NULL);
  return kinds[kind].name;
}

static const char * const weekday_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
static const char * const weekday_long[] =
  { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

/**
 * pl_csv_parse_weekdays:
 * @bad_item: (out) (optional): the first item that is not a day
 *
 * Reads "Mon;Wed" (also with commas or spaces, full names, any case) into
 * a mask with bit 0 for Monday; "none" is the empty set.
 */
gboolean
pl_csv_parse_weekdays (const char  *text,
                       gint64      *mask,
                       char       **bad_item)
{
  g_auto(GStrv) items = g_strsplit_set (text, ";, \t", -1);
  gint64 result = 0;

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = items[i];
      gboolean found = FALSE;

      if (*item == '\0')
        continue;
      if (g_ascii_strcasecmp (item, "none") == 0)
        continue;

      for (guint d = 0; d < 7 && !found; d++)
        if (g_ascii_strcasecmp (item, weekday_names[d]) == 0 ||
            g_ascii_strcasecmp (item, weekday_long[d]) == 0)
          {
            result |= (gint64) 1 << d;
            found = TRUE;
          }

      if (!found)
        {
          if (bad_item != NULL)
            *bad_item = g_strdup (item);
          return FALSE;
        }
    }

  *mask = result;
  return TRUE;
}

/* "Mon;Wed"; the empty string for no day. */
char *
pl_csv_format_weekdays (gint64 mask)
{
  GString *text = g_string_new (NULL);

  for (guint d = 0; d < 7; d++)
    if (mask & ((gint64) 1 << d))
      {
        if (text->len > 0)
          g_string_append_c (text, ';');
        g_string_append (text, weekday_names[d]);
      }

  return g_string_free (text, FALSE);
}

/**
 * pl_csv_split_list:
 *
 * Splits @text at each @sep that no backslash escapes, trimming spaces
 * around items and dropping empty ones unless @keep_empty. The items keep
 * their escapes, so that they can be split again at a second separator.
 *
 * Returns: (transfer full) (element-type utf8): the items.
 */
GPtrArray *
pl_csv_split_list (const char *text,
                   char        sep,
                   gboolean    keep_empty)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;
  const char *p = text;

  for (;;)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p += 2;
          continue;
        }

      if (*p == sep || *p == '\0')
        {
          char *item = g_strndup (start, (gsize) (p - start));

          g_strstrip (item);
          if (*item != '\0' || keep_empty)
            g_ptr_array_add (items, item);
          else
            g_free (item);

          if (*p == '\0')
            break;
          start = p + 1;
        }
      p++;
    }

  return items;
}

/* Removes the backslashes of pl_csv_split_list()'s items; transfer full. */
char *
pl_csv_unescape (const char *raw)
{
  char *text = g_malloc (strlen (raw) + 1);
  char *out = text;

  for (const char *p = raw; *p; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      *out++ = *p;
    }
  *out = '\0';

  return text;
}

/* Appends @text with a backslash before each of @specials and before
 * backslashes themselves. */
void
pl_csv_append_escaped (GString    *out,
                       const char *text,
                       const char *specials)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || strchr (specials, *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/**
 * pl_csv_match_enum:
 *
 * Returns: the key of @choices that @text names, by key or by label, in
 * any case; %NULL when it names none.
 */
const char *
pl_csv_match_enum (const char * const *choices,
                   const char         *text)
{
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (choices[i], text) == 0)
      return choices[i];

  /* People who type in a spreadsheet write what the app shows. */
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (pl_enum_label (choices[i]), text) == 0)
      return choices[i];

  return NULL;
}

/* Names are unique as SQLite's NOCASE sees them: ASCII letters fold. */
guint
pl_csv_nocase_hash (gconstpointer key)
{
  const char *p = key;
  guint32 h = 5381;

  for (; *p != '\0'; p++)
    h = (h << 5) + h + (guint32) g_ascii_tolower (*p);

  return h;
}

gboolean
pl_csv_nocase_equal (gconstpointer a,
                     gconstpointer b)
{
  return g_ascii_strcasecmp (a, b) == 0;
}
