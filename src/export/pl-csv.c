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

#define NAME_OF(table, ref) "(SELECT name FROM " table " WHERE id = t." ref ")"

static const CsvColumn partner_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "t.name" },
  { "kind", "kind", CELL_ENUM, FALSE, "t.kind" },
  { "region", "region", CELL_TEXT, FALSE, "t.region" },
  { "status", "status", CELL_ENUM, FALSE, "t.status" },
  { "contact_name", "contact_name", CELL_TEXT, FALSE, "t.contact_name" },
  { "contact_email", "contact_email", CELL_TEXT, FALSE, "t.contact_email" },
  { "contact_phone", "contact_phone", CELL_TEXT, FALSE, "t.contact_phone" },
  { "withdrawn_on", "withdrawn_on", CELL_DATE, FALSE, "t.withdrawn_on" },
  { "withdrawn_reason", "withdrawn_reason", CELL_TEXT, FALSE, "t.withdrawn_reason" },
  { "lead", "is_lead", CELL_BOOL, FALSE, "t.is_lead" },
  { "notes", "notes", CELL_TEXT, FALSE, "t.notes" },
};

static const CsvColumn staff_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "t.name" },
  { "partner", "partner_id", CELL_PARTNER, TRUE, NAME_OF ("partner", "partner_id") },
  { "job_title", "job_title", CELL_TEXT, FALSE, "t.job_title" },
  { "email", "email", CELL_TEXT, FALSE, "t.email" },
  { "phone", "phone", CELL_TEXT, FALSE, "t.phone" },
  { "sector", "sector_id", CELL_SECTOR, FALSE, NAME_OF ("sector", "sector_id") },
  { "curriculum_area", "curriculum_area", CELL_TEXT, FALSE, "t.curriculum_area" },
  { "teaching_days", "teaching_days", CELL_WEEKDAYS, FALSE, "t.teaching_days" },
  { "notes", "notes", CELL_TEXT, FALSE, "t.notes" },
};

static const CsvColumn employer_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "t.name" },
  { "sector", "sector_id", CELL_SECTOR, TRUE, NAME_OF ("sector", "sector_id") },
  { "size", "size", CELL_ENUM, FALSE, "t.size" },
  { "address", "address", CELL_TEXT, FALSE, "t.address" },
  { "postcode", "postcode", CELL_TEXT, FALSE, "t.postcode" },
  { "website", "website", CELL_TEXT, FALSE, "t.website" },
  { "contact_name", "contact_name", CELL_TEXT, FALSE, "t.contact_name" },
  { "contact_email", "contact_email", CELL_TEXT, FALSE, "t.contact_email" },
  { "contact_phone", "contact_phone", CELL_TEXT, FALSE, "t.contact_phone" },
  { "relationship", "relationship", CELL_ENUM, FALSE, "t.relationship" },
  { "capacity", "capacity", CELL_INT, FALSE, "t.capacity" },
  { "notice_weeks", "notice_weeks", CELL_INT, FALSE, "t.notice_weeks" },
  { "preferred_days", "preferred_days", CELL_WEEKDAYS, FALSE, "t.preferred_days" },
  { "notes", "notes", CELL_TEXT, FALSE, "t.notes" },
  { "owner", "owner_id", CELL_STAFF, FALSE, NAME_OF ("staff", "owner_id") },
  { "do_not_contact_before", "do_not_contact_before", CELL_DATE, FALSE,
    "t.do_not_contact_before" },
};

static const CsvColumn placement_columns[] = {
  { "staff", "staff_id", CELL_STAFF, TRUE, NAME_OF ("staff", "staff_id") },
  { "sector", "sector_id", CELL_SECTOR, TRUE, NAME_OF ("sector", "sector_id") },
  { "employer", "employer_id", CELL_EMPLOYER, FALSE, NAME_OF ("employer", "employer_id") },
  { "status", "status", CELL_ENUM, FALSE, "t.status" },
  { "window_start", "window_start", CELL_DATE, FALSE, "t.window_start" },
  { "window_end", "window_end", CELL_DATE, FALSE, "t.window_end" },
  { "length", "length", CELL_INT, FALSE, "t.length" },
  { "days", NULL, CELL_DAYS, FALSE,
    "(SELECT group_concat(day, ';') FROM "
    "(SELECT day FROM placement_day WHERE placement_id = t.id ORDER BY day))" },
  { "standby", "standby", CELL_DATE, FALSE, "t.standby" },
  { "notes", "notes", CELL_TEXT, FALSE, "t.notes" },
  { "cancel_reason", "cancel_reason", CELL_TEXT, FALSE, "t.cancel_reason" },
};

/* Lists come out of SQL with ASCII unit (31) and record (30) separators,
 * which no name holds, and are escaped in C. */
static const CsvColumn group_columns[] = {
  { "name", "name", CELL_TEXT, TRUE, "t.name" },
  { "area", "area", CELL_ENUM, TRUE, "t.area" },
  { "wave", "wave", CELL_INT, FALSE, "t.wave" },
  { "aim", "aim", CELL_TEXT, FALSE, "t.aim" },
  { "facilitator", "facilitator", CELL_TEXT, FALSE, "t.facilitator" },
  { "notes", "notes", CELL_TEXT, FALSE, "t.notes" },
  { "members", NULL, CELL_MEMBERS, FALSE,
    "(SELECT group_concat(name || char(30) || role, char(31)) FROM "
    "(SELECT s.name AS name, ifnull(m.role, '') AS role FROM group_member AS m "
    "JOIN staff AS s ON s.id = m.staff_id WHERE m.group_id = t.id ORDER BY m.id))" },
  { "meetings", NULL, CELL_MEETINGS, FALSE,
    "(SELECT group_concat(meeting_date, char(31)) FROM "
    "(SELECT meeting_date FROM group_meeting WHERE group_id = t.id "
    "ORDER BY meeting_date, id))" },
  { "outcomes", NULL, CELL_OUTCOMES, FALSE,
    "(SELECT group_concat(title || char(30) || kind || char(30) || link || char(30) || odate, "
    "char(31)) FROM (SELECT title, kind, ifnull(link, '') AS link, "
    "ifnull(outcome_date, '') AS odate FROM group_outcome WHERE group_id = t.id ORDER BY id))" },
};

static const CsvKind kinds[] = {
  { PL_CSV_PARTNERS, "partners", "partner", pl_partner_get_type,
    partner_columns, G_N_ELEMENTS (partner_columns), "t.name COLLATE NOCASE, t.id", TRUE },
  { PL_CSV_STAFF, "staff", "staff", pl_staff_get_type,
    staff_columns, G_N_ELEMENTS (staff_columns), "t.name COLLATE NOCASE, t.id", FALSE },
  { PL_CSV_EMPLOYERS, "employers", "employer", pl_employer_get_type,
    employer_columns, G_N_ELEMENTS (employer_columns), "t.name COLLATE NOCASE, t.id", TRUE },
  { PL_CSV_PLACEMENTS, "placements", "placement", pl_placement_get_type,
    placement_columns, G_N_ELEMENTS (placement_columns), "t.id", FALSE },
  { PL_CSV_GROUPS, "groups", "exchange_group", pl_group_get_type,
    group_columns, G_N_ELEMENTS (group_columns), "t.name COLLATE NOCASE, t.id", TRUE },
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
