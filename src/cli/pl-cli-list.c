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
#include "pl-records.h"
#include "pl-search.h"
#include "pl-store-appetite.h"
#include "pl-store-export.h"

/* `list KIND` reads with one pass per kind (pl-store-export.h), not
 * through records, so that listing 100,000 placements stays a single pass
 * over the table. The JSON keys are documented in the README and are
 * stable. */

typedef enum
{
  FIELD_TEXT,
  FIELD_INT,
  FIELD_BOOL,
  FIELD_LIST,      /* a list of the store → array of each item's first part */
  FIELD_WEEKDAYS,  /* a mask → ["Mon", "Wed"] */
} FieldType;

typedef struct
{
  const char *key;
  const char *field;     /* of the store's reading */
  FieldType   type;
  const char *heading;   /* shown in the text table when not NULL */
} Field;

typedef struct
{
  const char         *kind;
  const char         *search_kind;  /* in the search index */
  GType             (*get_type) (void);
  const char * const *order;
  const Field        *fields;
  guint               n_fields;
} Listing;

static const Field partner_fields[] = {
  { "id", "id", FIELD_INT, N_("ID") },
  { "name", "name", FIELD_TEXT, N_("Name") },
  { "kind", "kind", FIELD_TEXT, N_("Kind") },
  { "status", "status", FIELD_TEXT, N_("Status") },
  { "region", "region", FIELD_TEXT, N_("Region") },
  { "lead", "is_lead", FIELD_BOOL, NULL },
  { "withdrawn_on", "withdrawn_on", FIELD_TEXT, NULL },
  { "withdrawn_reason", "withdrawn_reason", FIELD_TEXT, NULL },
  { "contact_name", "contact_name", FIELD_TEXT, NULL },
  { "contact_email", "contact_email", FIELD_TEXT, NULL },
  { "contact_phone", "contact_phone", FIELD_TEXT, NULL },
};

static const Field staff_fields[] = {
  { "id", "id", FIELD_INT, N_("ID") },
  { "name", "name", FIELD_TEXT, N_("Name") },
  { "partner", "partner_name", FIELD_TEXT, N_("Partner") },
  { "job_title", "job_title", FIELD_TEXT, N_("Job title") },
  { "email", "email", FIELD_TEXT, N_("Email") },
  { "sector", "sector_name", FIELD_TEXT, N_("Sector") },
  { "phone", "phone", FIELD_TEXT, NULL },
  { "curriculum_area", "curriculum_area", FIELD_TEXT, NULL },
  { "teaching_days", "teaching_days", FIELD_WEEKDAYS, NULL },
};

static const Field employer_fields[] = {
  { "id", "id", FIELD_INT, N_("ID") },
  { "name", "name", FIELD_TEXT, N_("Name") },
  { "sector", "sector_name", FIELD_TEXT, N_("Sector") },
  { "relationship", "relationship", FIELD_TEXT, N_("Relationship") },
  { "contact_name", "contact_name", FIELD_TEXT, N_("Contact") },
  { "contact_email", "contact_email", FIELD_TEXT, NULL },
  { "contact_phone", "contact_phone", FIELD_TEXT, NULL },
  { "capacity", "capacity", FIELD_INT, N_("Capacity") },
  { "notice_weeks", "notice_weeks", FIELD_INT, N_("Notice (weeks)") },
  { "size", "size", FIELD_TEXT, NULL },
  { "postcode", "postcode", FIELD_TEXT, NULL },
  { "website", "website", FIELD_TEXT, NULL },
  { "owner", "owner_name", FIELD_TEXT, NULL },
  { "do_not_contact_before", "do_not_contact_before", FIELD_TEXT, NULL },
  { "preferred_days", "preferred_days", FIELD_WEEKDAYS, NULL },
  { "last_contact", "last_contact", FIELD_TEXT, NULL },
};

static const Field placement_fields[] = {
  { "id", "id", FIELD_INT, N_("ID") },
  { "staff", "staff_name", FIELD_TEXT, N_("Staff") },
  { "partner", "partner_name", FIELD_TEXT, N_("Partner") },
  { "employer", "employer_name", FIELD_TEXT, N_("Employer") },
  { "sector", "sector_name", FIELD_TEXT, N_("Sector") },
  { "status", "status", FIELD_TEXT, N_("Status") },
  { "window_start", "window_start", FIELD_TEXT, NULL },
  { "window_end", "window_end", FIELD_TEXT, NULL },
  { "length", "length", FIELD_INT, NULL },
  { "days", "day_list", FIELD_LIST, N_("Days") },
  { "standby", "standby", FIELD_TEXT, NULL },
  { "cancel_reason", "cancel_reason", FIELD_TEXT, NULL },
};

static const Field group_fields[] = {
  { "id", "id", FIELD_INT, N_("ID") },
  { "name", "name", FIELD_TEXT, N_("Name") },
  { "area", "area", FIELD_TEXT, N_("Area") },
  { "wave", "wave", FIELD_INT, N_("Wave") },
  { "status", "status", FIELD_TEXT, N_("Status") },
  { "facilitator", "facilitator", FIELD_TEXT, N_("Facilitator") },
  { "members", "members", FIELD_INT, N_("Members") },
  { "meetings", "meeting_list", FIELD_LIST, NULL },
  { "outcomes", "outcome_list", FIELD_LIST, NULL },
};

static const char * const by_name[] = { "name", "id", NULL };
static const char * const by_id[] = { "id", NULL };
static const char * const by_area[] = { "area", "wave", "name", NULL };

static const Listing listings[] = {
  { "partners", "partner", pl_partner_get_type, by_name, partner_fields, G_N_ELEMENTS (partner_fields) },
  { "staff", "staff", pl_staff_get_type, by_name, staff_fields, G_N_ELEMENTS (staff_fields) },
  { "employers", "employer", pl_employer_get_type, by_name, employer_fields,
    G_N_ELEMENTS (employer_fields) },
  { "placements", "placement", pl_placement_get_type, by_id, placement_fields,
    G_N_ELEMENTS (placement_fields) },
  { "groups", "group", pl_group_get_type, by_area, group_fields, G_N_ELEMENTS (group_fields) },
};

static const char * const weekday_names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

static void
add_field (JsonBuilder *builder,
           const Field *field,
           PlStoreRows *rows,
           guint        col)
{
  json_builder_set_member_name (builder, field->key);

  if (field->type != FIELD_LIST && pl_store_rows_is_null (rows, col))
    {
      json_builder_add_null_value (builder);
      return;
    }

  switch (field->type)
    {
    case FIELD_INT:
      json_builder_add_int_value (builder, pl_store_rows_get_int (rows, col));
      break;

    case FIELD_BOOL:
      json_builder_add_boolean_value (builder, pl_store_rows_get_int (rows, col) != 0);
      break;

    case FIELD_LIST:
      {
        guint n_parts;
        const char * const *items = pl_store_rows_get_list (rows, col, &n_parts);

        json_builder_begin_array (builder);
        for (guint i = 0; items[i] != NULL; i += n_parts)
          json_builder_add_string_value (builder, items[i]);
        json_builder_end_array (builder);
      }
      break;

    case FIELD_WEEKDAYS:
      {
        gint64 mask = pl_store_rows_get_int (rows, col);

        json_builder_begin_array (builder);
        for (guint i = 0; i < G_N_ELEMENTS (weekday_names); i++)
          if (mask & (1 << i))
            json_builder_add_string_value (builder, weekday_names[i]);
        json_builder_end_array (builder);
      }
      break;

    case FIELD_TEXT:
    default:
      json_builder_add_string_value (builder, pl_store_rows_get_text (rows, col));
      break;
    }
}

static char *
cell_text (const Field *field,
           PlStoreRows *rows,
           guint        col)
{
  if (field->type == FIELD_LIST)
    {
      guint n_parts;
      const char * const *items = pl_store_rows_get_list (rows, col, &n_parts);
      GString *text = g_string_new (NULL);

      for (guint i = 0; items[i] != NULL; i += n_parts)
        g_string_append_printf (text, "%s%s", i > 0 ? " " : "", items[i]);
      return g_string_free (text, FALSE);
    }

  return g_strdup (pl_store_rows_is_null (rows, col) ? "" : pl_store_rows_get_text (rows, col));
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

/* Whether the current row's id (every listing's first field) is among
 * what the search @found and in @kept (each NULL for no condition). */
static gboolean
row_kept (GArray      *found,
          GHashTable  *kept,
          PlStoreRows *rows)
{
  gint64 id = pl_store_rows_get_int (rows, 0);

  if (found != NULL && !pl_search_ids_contain (found, id))
    return FALSE;
  return kept == NULL || g_hash_table_contains (kept, &id);
}

int
pl_cli_list (PlCli  *cli,
             int     argc,
             char  **argv)
{
  gboolean json = FALSE;
  g_autofree char *search = NULL;
  g_autofree char *appetite_text = NULL;
  g_autofree char *year_text = NULL;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, NULL, NULL },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, NULL, NULL },
    { "appetite", 0, 0, G_OPTION_ARG_STRING, &appetite_text, NULL, NULL },
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text, NULL, NULL },
    { NULL }
  };
  g_autoptr(GArray) found = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStoreRows) rows = NULL;
  g_autoptr(GHashTable) kept = NULL;
  PlAppetite appetite = PL_APPETITE_UNKNOWN;
  int year = 0;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
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

  if ((appetite_text != NULL || year_text != NULL) && !g_str_equal (listing->kind, "employers"))
    return pl_cli_usage (_("list: --appetite and --year go with employers"));
  if (year_text != NULL && appetite_text == NULL)
    return pl_cli_usage (_("list: --year goes with --appetite"));
  if (appetite_text != NULL && !pl_cli_parse_appetite (appetite_text, &appetite))
    return pl_cli_usage (_("list: --appetite “%s” is not an appetite (looking, interested, "
                           "not_this_year, arranged or unknown)"), appetite_text);
  if (appetite_text != NULL && !pl_cli_parse_year (year_text, &year, &error))
    return pl_cli_usage ("list: %s", error->message);

  store = pl_cli_open (cli, &error);
  if (store == NULL)
    return pl_cli_fail (error);

  /* The same words find the same records as the list's search field. */
  if (search != NULL && !pl_search_is_blank (search))
    {
      found = pl_search_ids (store, listing->search_kind, search, &error);
      if (found == NULL)
        return pl_cli_fail (error);
    }

  if (appetite_text != NULL &&
      (kept = pl_store_appetite_employers (store, year, appetite, &error)) == NULL)
    return pl_cli_fail (error);

  /* Every listing's first field is the id. */
  for (guint f = 0; f < listing->n_fields; f++)
    g_ptr_array_add (fields, (gpointer) listing->fields[f].field);
  g_ptr_array_add (fields, NULL);

  rows = pl_store_rows_new (store, listing->get_type (), (const char * const *) fields->pdata,
                            listing->order, &error);
  if (rows == NULL)
    return pl_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      while (pl_store_rows_next (rows, &error))
        {
          if (!row_kept (found, kept, rows))
            continue;
          json_builder_begin_object (builder);
          for (guint f = 0; f < listing->n_fields; f++)
            add_field (builder, &listing->fields[f], rows, f);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      if (error == NULL)
        pl_cli_print_json (root);
    }
  else
    {
      g_autoptr(GPtrArray) table = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GArray) shown = g_array_new (FALSE, FALSE, sizeof (guint));
      char **header;

      for (guint f = 0; f < listing->n_fields; f++)
        if (listing->fields[f].heading != NULL)
          g_array_append_val (shown, f);

      header = g_new0 (char *, shown->len + 1);
      for (guint c = 0; c < shown->len; c++)
        header[c] = g_strdup (_(listing->fields[g_array_index (shown, guint, c)].heading));
      g_ptr_array_add (table, header);

      while (pl_store_rows_next (rows, &error))
        {
          char **row;

          if (!row_kept (found, kept, rows))
            continue;
          row = g_new0 (char *, shown->len + 1);

          for (guint c = 0; c < shown->len; c++)
            {
              guint f = g_array_index (shown, guint, c);
              row[c] = cell_text (&listing->fields[f], rows, f);
            }
          g_ptr_array_add (table, row);
        }

      if (error == NULL)
        print_table (table, shown->len);
    }

  if (error != NULL)
    return pl_cli_fail (error);

  return PL_EXIT_OK;
}
