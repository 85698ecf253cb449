/* pl-cli-list.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-store-legacy-private.h"

/* `list KIND` reads with one query per kind, not through records, so that
 * listing 100,000 placements stays a single pass over the table. The JSON
 * keys are documented in the README and are stable. */

typedef enum
{
  FIELD_TEXT,
  FIELD_INT,
  FIELD_BOOL,
  FIELD_LIST,      /* a group_concat with ASCII unit separators → array */
  FIELD_WEEKDAYS,  /* a mask → ["Mon", "Wed"] */
} FieldType;

typedef struct
{
  const char *key;
  FieldType   type;
  const char *heading;   /* shown in the text table when not NULL */
} Field;

typedef struct
{
  const char  *kind;
  const char  *sql;
  const Field *fields;
  guint        n_fields;
} Listing;

#define SEP "char(31)"

static const Field partner_fields[] = {
  { "id", FIELD_INT, N_("ID") },
  { "name", FIELD_TEXT, N_("Name") },
  { "kind", FIELD_TEXT, N_("Kind") },
  { "status", FIELD_TEXT, N_("Status") },
  { "region", FIELD_TEXT, N_("Region") },
  { "lead", FIELD_BOOL, NULL },
  { "withdrawn_on", FIELD_TEXT, NULL },
  { "withdrawn_reason", FIELD_TEXT, NULL },
  { "contact_name", FIELD_TEXT, NULL },
  { "contact_email", FIELD_TEXT, NULL },
  { "contact_phone", FIELD_TEXT, NULL },
};

static const Field staff_fields[] = {
  { "id", FIELD_INT, N_("ID") },
  { "name", FIELD_TEXT, N_("Name") },
  { "partner", FIELD_TEXT, N_("Partner") },
  { "job_title", FIELD_TEXT, N_("Job title") },
  { "email", FIELD_TEXT, N_("Email") },
  { "sector", FIELD_TEXT, N_("Sector") },
  { "phone", FIELD_TEXT, NULL },
  { "curriculum_area", FIELD_TEXT, NULL },
  { "teaching_days", FIELD_WEEKDAYS, NULL },
};

static const Field employer_fields[] = {
  { "id", FIELD_INT, N_("ID") },
  { "name", FIELD_TEXT, N_("Name") },
  { "sector", FIELD_TEXT, N_("Sector") },
  { "relationship", FIELD_TEXT, N_("Relationship") },
  { "contact_name", FIELD_TEXT, N_("Contact") },
  { "contact_email", FIELD_TEXT, NULL },
  { "contact_phone", FIELD_TEXT, NULL },
  { "capacity", FIELD_INT, N_("Capacity") },
  { "notice_weeks", FIELD_INT, N_("Notice (weeks)") },
  { "size", FIELD_TEXT, NULL },
  { "postcode", FIELD_TEXT, NULL },
  { "website", FIELD_TEXT, NULL },
  { "owner", FIELD_TEXT, NULL },
  { "do_not_contact_before", FIELD_TEXT, NULL },
  { "preferred_days", FIELD_WEEKDAYS, NULL },
  { "last_contact", FIELD_TEXT, NULL },
};

static const Field placement_fields[] = {
  { "id", FIELD_INT, N_("ID") },
  { "staff", FIELD_TEXT, N_("Staff") },
  { "partner", FIELD_TEXT, N_("Partner") },
  { "employer", FIELD_TEXT, N_("Employer") },
  { "sector", FIELD_TEXT, N_("Sector") },
  { "status", FIELD_TEXT, N_("Status") },
  { "window_start", FIELD_TEXT, NULL },
  { "window_end", FIELD_TEXT, NULL },
  { "length", FIELD_INT, NULL },
  { "days", FIELD_LIST, N_("Days") },
  { "standby", FIELD_TEXT, NULL },
  { "cancel_reason", FIELD_TEXT, NULL },
};

static const Field group_fields[] = {
  { "id", FIELD_INT, N_("ID") },
  { "name", FIELD_TEXT, N_("Name") },
  { "area", FIELD_TEXT, N_("Area") },
  { "wave", FIELD_INT, N_("Wave") },
  { "status", FIELD_TEXT, N_("Status") },
  { "facilitator", FIELD_TEXT, N_("Facilitator") },
  { "members", FIELD_INT, N_("Members") },
  { "meetings", FIELD_LIST, NULL },
  { "outcomes", FIELD_LIST, NULL },
};

static const Listing listings[] = {
  { "partners",
    "SELECT id, name, kind, status, region, is_lead, withdrawn_on, withdrawn_reason, "
    "contact_name, contact_email, contact_phone FROM partner ORDER BY name COLLATE NOCASE, id",
    partner_fields, G_N_ELEMENTS (partner_fields) },
  { "staff",
    "SELECT s.id, s.name, p.name, s.job_title, s.email, sec.name, s.phone, s.curriculum_area, "
    "s.teaching_days FROM staff AS s JOIN partner AS p ON p.id = s.partner_id "
    "LEFT JOIN sector AS sec ON sec.id = s.sector_id ORDER BY s.name COLLATE NOCASE, s.id",
    staff_fields, G_N_ELEMENTS (staff_fields) },
  { "employers",
    "SELECT e.id, e.name, sec.name, e.relationship, e.contact_name, e.contact_email, "
    "e.contact_phone, e.capacity, e.notice_weeks, e.size, e.postcode, e.website, o.name, "
    "e.do_not_contact_before, e.preferred_days, "
    "(SELECT max(contact_date) FROM contact WHERE employer_id = e.id) "
    "FROM employer AS e JOIN sector AS sec ON sec.id = e.sector_id "
    "LEFT JOIN staff AS o ON o.id = e.owner_id ORDER BY e.name COLLATE NOCASE, e.id",
    employer_fields, G_N_ELEMENTS (employer_fields) },
  { "placements",
    "SELECT pl.id, s.name, p.name, e.name, sec.name, pl.status, pl.window_start, "
    "pl.window_end, pl.length, "
    "(SELECT group_concat(day, " SEP ") FROM (SELECT day FROM placement_day "
    " WHERE placement_id = pl.id ORDER BY day)), pl.standby, pl.cancel_reason "
    "FROM placement AS pl JOIN staff AS s ON s.id = pl.staff_id "
    "JOIN partner AS p ON p.id = s.partner_id JOIN sector AS sec ON sec.id = pl.sector_id "
    "LEFT JOIN employer AS e ON e.id = pl.employer_id ORDER BY pl.id",
    placement_fields, G_N_ELEMENTS (placement_fields) },
  { "groups",
    "SELECT g.id, g.name, g.area, g.wave, "
    "CASE WHEN EXISTS (SELECT 1 FROM group_outcome WHERE group_id = g.id) THEN 'reported' "
    "WHEN EXISTS (SELECT 1 FROM group_meeting WHERE group_id = g.id) THEN 'meeting' "
    "ELSE 'forming' END, g.facilitator, "
    "(SELECT count(*) FROM group_member WHERE group_id = g.id), "
    "(SELECT group_concat(meeting_date, " SEP ") FROM (SELECT meeting_date FROM group_meeting "
    " WHERE group_id = g.id ORDER BY meeting_date)), "
    "(SELECT group_concat(title, " SEP ") FROM (SELECT title FROM group_outcome "
    " WHERE group_id = g.id ORDER BY id)) "
    "FROM exchange_group AS g ORDER BY g.area, g.wave, g.name COLLATE NOCASE",
    group_fields, G_N_ELEMENTS (group_fields) },
};

static const char * const weekday_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static void
add_field (JsonBuilder  *builder,
           const Field  *field,
           sqlite3_stmt *stmt,
           int           col)
{
  json_builder_set_member_name (builder, field->key);

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL && field->type != FIELD_LIST)
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (field->type)
    {
    case FIELD_INT:
      json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
      break;

    case FIELD_BOOL:
      json_builder_add_boolean_value (builder, sqlite3_column_int (stmt, col) != 0);
      break;

    case FIELD_LIST:
      {
        const char *text = (const char *) sqlite3_column_text (stmt, col);
        g_auto(GStrv) items = text ? g_strsplit (text, "\x1f", -1) : NULL;

        json_builder_begin_array (builder);
        for (guint i = 0; items != NULL && items[i] != NULL; i++)
          json_builder_add_string_value (builder, items[i]);
        json_builder_end_array (builder);
      }
      break;

    case FIELD_WEEKDAYS:
      {
        gint64 mask = sqlite3_column_int64 (stmt, col);

        json_builder_begin_array (builder);
        for (guint i = 0; i < G_N_ELEMENTS (weekday_names); i++)
          if (mask & (1 << i))
            json_builder_add_string_value (builder, weekday_names[i]);
        json_builder_end_array (builder);
      }
      break;

    case FIELD_TEXT:
    default:
      json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
      break;
    }
}

static char *
cell_text (const Field  *field,
           sqlite3_stmt *stmt,
           int           col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  if (text == NULL)
    return g_strdup ("");

  if (field->type == FIELD_LIST)
    return g_strdelimit (g_strdup (text), "\x1f", ' ');

  return g_strdup (text);
}

static void
print_table (GPtrArray *rows,
             guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_string_append (line, row[c]);
          if (c + 1 < n_columns)
            for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c] + 2; pad++)
              g_string_append_c (line, ' ');
        }
      g_print ("%s\n", line->str);
    }
}

int
pl_cli_list (PlCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { NULL }
  };
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const Listing *listing = NULL;

  if (!pl_cli_parse_options ("list", entries, &argc, &argv))
    return PL_EXIT_USAGE;

  if (argc != 2)
    return pl_cli_usage (_("list: give one of partners, staff, employers, placements, groups"));

  for (guint i = 0; i < G_N_ELEMENTS (listings); i++)
    if (g_str_equal (argv[1], listings[i].kind))
      listing = &listings[i];

  if (listing == NULL)
    return pl_cli_usage (_("list: unknown kind “%s” (partners, staff, employers, placements, "
                           "groups)"), argv[1]);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  if (sqlite3_prepare_v2 (pl_store_get_sqlite (store), listing->sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("placements-cli: %s\n", sqlite3_errmsg (pl_store_get_sqlite (store)));
      return PL_EXIT_FAILED;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          for (guint f = 0; f < listing->n_fields; f++)
            add_field (builder, &listing->fields[f], stmt, (int) f);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      pl_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
      char **header;

      for (guint f = 0; f < listing->n_fields; f++)
        if (listing->fields[f].heading != NULL)
          g_array_append_val (shown, f);

      header = g_new0 (char *, shown->len + 1);
      for (guint c = 0; c < shown->len; c++)
        header[c] = g_strdup (_(listing->fields[g_array_index (shown, guint, c)].heading));
      g_ptr_array_add (rows, header);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          char **row = g_new0 (char *, shown->len + 1);

          for (guint c = 0; c < shown->len; c++)
            {
              guint f = g_array_index (shown, guint, c);
              row[c] = cell_text (&listing->fields[f], stmt, (int) f);
            }
          g_ptr_array_add (rows, row);
        }

      print_table (rows, shown->len);
    }

  return PL_EXIT_OK;
}
