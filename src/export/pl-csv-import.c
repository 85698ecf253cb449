/* pl-csv-import.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-calendar.h"
#include "pl-csv-private.h"
#include "pl-csv-reader.h"
#include "pl-date.h"
#include "pl-records.h"
#include "pl-store-bulk.h"
#include "pl-store-lookup.h"

/* An import reads the file once and writes each row through the store's
 * bulk writer (pl-store-bulk.h), all in one transaction. Names are looked
 * up in hash tables filled once at the start, not by a query a row, and no
 * PlRecord is built: each cell is checked on its own against its column's
 * rules (pl_record_validate_value), which is what lets a message say which
 * field is wrong. The schema's rules stay the last word. */

#define AMBIGUOUS ((gpointer) (gintptr) -1)
#define ROWS_PER_PROGRESS 1024
#define BULK_MIN_BYTES (64 * 1024)

/* One column of the kind, and where the file has it. */
typedef struct
{
  const CsvColumn *spec;
  const PlColumn  *rules;      /* of the SQL column; NULL for lists */
  int              field;      /* in the file's records; -1 when the header lacks it */
  int              param;      /* 1 + its place among the bulk's columns; 0 for lists */
  gboolean         has_default; /* an empty cell takes the schema's default */
} Slot;

/* A member of a group as the row gives it. */
typedef struct
{
  gint64  staff_id;
  char   *role;
  char   *text;
} Member;

typedef struct
{
  char *title;
  const char *kind;
  char *link;
  char *date;
} Outcome;

typedef struct
{
  int         year;
  const char *state;     /* a nick of PlAppetite */
  char       *reason;
} Appetite;

typedef struct
{
  PlStore        *store;
  const CsvKind  *kind;
  PlCsvReader    *reader;
  Slot           *slots;
  guint           n_slots;
  guint           n_fields;      /* of the header */
  gboolean       *nameless;      /* per field of the header: no name, so no value either */

  gboolean        many;          /* enough rows for the bulk writer's tuning */
  gint64          lines;         /* of the file, with @many: about as many records */
  PlStoreBulk    *bulk;

  GStringChunk   *strings;
  GHashTable     *sectors;       /* name → id, or AMBIGUOUS */
  GHashTable     *partners;
  GHashTable     *staff;
  GHashTable     *employers;
  GHashTable     *names;         /* own unique names → record offset + 1; 0: in the db */

  /* The lists of the row being read. */
  GPtrArray      *days;
  GArray         *members;
  GPtrArray      *meetings;
  GArray         *outcomes;
  GArray         *appetites;
  Slot           *list_slot;     /* the cell the lists came from, for messages */
  PlRecordClass  *meeting_class; /* the rules of the lists' items */
  PlRecordClass  *outcome_class;
  Slot           *name_slot;

  gint64          rows;
} Import;

static void
member_clear (gpointer data)
{
  Member *member = data;

  g_free (member->role);
  g_free (member->text);
}

static void
outcome_clear (gpointer data)
{
  Outcome *outcome = data;

  g_free (outcome->title);
  g_free (outcome->link);
  g_free (outcome->date);
}

static void
appetite_clear (gpointer data)
{
  g_free (((Appetite *) data)->reason);
}

static void
import_clear (Import *self)
{
  /* What was not committed is rolled back. */
  g_clear_pointer (&self->bulk, pl_store_bulk_free);
  g_clear_pointer (&self->sectors, g_hash_table_unref);
  g_clear_pointer (&self->partners, g_hash_table_unref);
  g_clear_pointer (&self->staff, g_hash_table_unref);
  g_clear_pointer (&self->employers, g_hash_table_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->days, g_ptr_array_unref);
  g_clear_pointer (&self->members, g_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_array_unref);
  g_clear_pointer (&self->appetites, g_array_unref);
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->nameless, g_free);
  g_clear_pointer (&self->meeting_class, g_type_class_unref);
  g_clear_pointer (&self->outcome_class, g_type_class_unref);
}

/* Every name of the records of @type → its id; a name held by two
 * records (staff names need not be unique) maps to AMBIGUOUS. */
static GHashTable *
load_names (Import      *self,
            GType        type,
            GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new (pl_csv_nocase_hash, pl_csv_nocase_equal);
  g_autoptr(GArray) choices = pl_store_lookup_choices (self->store, type, error);

  if (choices == NULL)
    return NULL;

  for (guint i = 0; i < choices->len; i++)
    {
      const PlStoreChoice *choice = &g_array_index (choices, PlStoreChoice, i);
      gpointer key;

      if (choice->name == NULL)
        continue;
      if (g_hash_table_lookup_extended (names, choice->name, &key, NULL))
        g_hash_table_insert (names, key, AMBIGUOUS);
      else
        g_hash_table_insert (names, g_string_chunk_insert (self->strings, choice->name),
                             (gpointer) (gintptr) choice->id);
    }

  return g_steal_pointer (&names);
}

static const char *
column_list (const CsvKind *kind,
             GString       *out)
{
  for (guint i = 0; i < kind->n_columns; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", kind->columns[i].header);
  return out->str;
}

static Slot *
find_slot (Import     *self,
           const char *header)
{
  for (guint i = 0; i < self->n_slots; i++)
    if (g_str_equal (self->slots[i].spec->header, header))
      return &self->slots[i];
  return NULL;
}

/* Reads the header: every column known, none twice, the required ones
 * there. */
static gboolean
read_header (Import  *self,
             GError **error)
{
  PlCsvReader *reader = self->reader;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;

  if (!pl_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* Named at line 1, column 1 whatever blank lines it holds. */
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("%s:1:1: the file is empty; its first line should name the columns (%s)."),
                   pl_csv_reader_get_filename (reader), column_list (self->kind, names));
      return FALSE;
    }

  self->n_fields = pl_csv_reader_get_n_fields (reader);
  self->nameless = g_new0 (gboolean, self->n_fields);
  for (guint f = 0; f < self->n_fields; f++)
    {
      g_autofree char *header = g_strstrip (g_strdup (pl_csv_reader_get_field (reader, f, NULL)));
      Slot *slot = NULL;

      for (guint i = 0; i < self->n_slots && slot == NULL; i++)
        if (g_ascii_strcasecmp (self->slots[i].spec->header, header) == 0)
          slot = &self->slots[i];

      if (slot == NULL && *header == '\0')
        {
          /* Spreadsheets leave these after the last column in use; one
           * that holds a value is refused at that value. */
          self->nameless[f] = TRUE;
          continue;
        }

      if (slot == NULL)
        {
          pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                   _("unknown column “%s”; the columns of %s are %s."),
                                   header, self->kind->name, column_list (self->kind, names));
          return FALSE;
        }

      if (slot->field >= 0)
        {
          pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                   _("the column “%s” appears twice."), slot->spec->header);
          return FALSE;
        }

      slot->field = (int) f;
    }

  for (guint i = 0; i < self->n_slots; i++)
    if (self->slots[i].spec->required && self->slots[i].field < 0)
      {
        pl_csv_reader_set_error (reader, 0, error, PL_ERROR_INVALID,
                                 _("the header has no “%s” column, which %s need."),
                                 self->slots[i].spec->header, self->kind->name);
        return FALSE;
      }

  return TRUE;
}

/* Begins the bulk write of every column of the kind (an empty cell takes
 * the column's default) and fills the lookups this file's columns need. */
static gboolean
prepare_kind (Import  *self,
              GError **error)
{
  const CsvKind *kind = self->kind;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();

  for (guint i = 0; i < self->n_slots; i++)
    {
      Slot *slot = &self->slots[i];

      if (slot->spec->column == NULL)
        continue;

      g_ptr_array_add (columns, (gpointer) slot->spec->column);
      slot->param = (int) columns->len;
    }
  g_ptr_array_add (columns, NULL);

  self->bulk = pl_store_bulk_new (self->store, kind->get_type (),
                                  (const char * const *) columns->pdata, self->many, error);
  if (self->bulk == NULL)
    return FALSE;
  if (self->many)
    pl_store_bulk_expect (self->bulk, self->lines);

  for (guint i = 0; i < self->n_slots; i++)
    {
      Slot *slot = &self->slots[i];
      GHashTable **table = NULL;
      GType type = G_TYPE_INVALID;

      if (slot->param > 0)
        slot->has_default = pl_store_bulk_has_default (self->bulk, (guint) slot->param - 1);

      if (slot->field < 0)
        continue;

      switch (slot->spec->type)
        {
        case CELL_SECTOR:
          table = &self->sectors, type = PL_TYPE_SECTOR;
          break;
        case CELL_PARTNER:
          table = &self->partners, type = PL_TYPE_PARTNER;
          break;
        case CELL_STAFF:
        case CELL_MEMBERS:
          table = &self->staff, type = PL_TYPE_STAFF;
          break;
        case CELL_EMPLOYER:
          table = &self->employers, type = PL_TYPE_EMPLOYER;
          break;
        case CELL_TEXT:
        case CELL_ENUM:
        case CELL_INT:
        case CELL_BOOL:
        case CELL_DATE:
        case CELL_WEEKDAYS:
        case CELL_DAYS:
        case CELL_MEETINGS:
        case CELL_OUTCOMES:
        case CELL_APPETITE:
        default:
          break;
        }

      if (table != NULL && *table == NULL)
        {
          *table = load_names (self, type, error);
          if (*table == NULL)
            return FALSE;
        }
    }

  if (kind->unique_names)
    {
      /* Existing names map to 0: "already in the database". */
      g_autoptr(GHashTable) existing = load_names (self, kind->get_type (), error);
      GHashTableIter iter;
      gpointer key;

      if (existing == NULL)
        return FALSE;
      self->names = g_hash_table_new (pl_csv_nocase_hash, pl_csv_nocase_equal);
      g_hash_table_iter_init (&iter, existing);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_insert (self->names, key, GSIZE_TO_POINTER (0));
    }

  return TRUE;
}

/* "FILE:LINE:COLUMN: column “email”: " before @error. */
static gboolean
cell_error (Import   *self,
            Slot     *slot,
            GError  **error)
{
  if (error != NULL && *error != NULL)
    {
      g_prefix_error (error, _("column “%s”: "), slot->spec->header);
      pl_csv_reader_prefix_error (self->reader, slot->field >= 0 ? (guint) slot->field : 0, error);
    }
  return FALSE;
}

static gboolean
cell_fail (Import     *self,
           Slot       *slot,
           GError    **error,
           const char *format,
           ...) G_GNUC_PRINTF (4, 5);

static gboolean
cell_fail (Import     *self,
           Slot       *slot,
           GError    **error,
           const char *format,
           ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (PL_ERROR, PL_ERROR_INVALID, format, args);
  va_end (args);

  return cell_error (self, slot, error);
}

static gboolean
validate_text (const PlColumn  *rules,
               const char      *text,
               GError         **error)
{
  GValue value = G_VALUE_INIT;
  gboolean ok;

  if (text == NULL)
    return pl_record_validate_value (rules, NULL, error);

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_static_string (&value, text);
  ok = pl_record_validate_value (rules, &value, error);
  g_value_unset (&value);

  return ok;
}

static gboolean
validate_int (const PlColumn  *rules,
              gint64           number,
              GError         **error)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  return pl_record_validate_value (rules, &value, error);
}

/* The name a list item gives for a staff member, as an id; sets @error
 * when it names nobody or more than one person. */
static gboolean
lookup_staff (Import      *self,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (self->staff, name, NULL, &value))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("there is no staff member called “%s”; import the staff first."), name);
      return FALSE;
    }

  if (value == AMBIGUOUS)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("more than one staff member is called “%s”, so the name does not say "
                     "who; give them different names first."), name);
      return FALSE;
    }

  *id = (gint64) (gintptr) value;
  return TRUE;
}

static gboolean
lookup_name (Import      *self,
             Slot        *slot,
             const char  *name,
             gint64      *id,
             GError     **error)
{
  GHashTable *table;
  gpointer value;

  switch (slot->spec->type)
    {
    case CELL_STAFF:
      if (!lookup_staff (self, name, id, error))
        return cell_error (self, slot, error);
      return TRUE;
    case CELL_SECTOR:
      table = self->sectors;
      break;
    case CELL_PARTNER:
      table = self->partners;
      break;
    case CELL_EMPLOYER:
      table = self->employers;
      break;
    default:
      g_assert_not_reached ();
    }

  if (g_hash_table_lookup_extended (table, name, NULL, &value))
    {
      *id = (gint64) (gintptr) value;
      return TRUE;
    }

  if (slot->spec->type == CELL_SECTOR)
    return cell_fail (self, slot, error, _("there is no sector called “%s”."), name);
  if (slot->spec->type == CELL_PARTNER)
    return cell_fail (self, slot, error,
                      _("there is no partner called “%s”; import the partners first."), name);
  return cell_fail (self, slot, error,
                    _("there is no employer called “%s”; import the employers first."), name);
}

static gboolean
read_days (Import     *self,
           Slot       *slot,
           const char *text,
           GError    **error)
{
  static const PlColumn day_rules = {
    "day", PL_COLUMN_DATE, PL_COLUMN_REQUIRED, N_("Day"), NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL
  };
  g_auto(GStrv) items = g_strsplit_set (text, ";,", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *day = g_strstrip (items[i]);

      if (*day == '\0')
        continue;
      if (!validate_text (&day_rules, day, error))
        return cell_error (self, slot, error);
      g_ptr_array_add (self->days, g_strdup (day));
    }

  self->list_slot = slot;
  return TRUE;
}

static gboolean
read_meetings (Import     *self,
               Slot       *slot,
               const char *text,
               GError    **error)
{
  const PlColumn *rules = pl_record_class_find_column (self->meeting_class, "meeting_date");
  g_autoptr(GPtrArray) items = pl_csv_split_list (text, CSV_LIST_SEP, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      char *date = pl_csv_unescape (items->pdata[i]);

      g_ptr_array_add (self->meetings, date);
      if (!validate_text (rules, date, error))
        return cell_error (self, slot, error);
    }

  return TRUE;
}

/* "Name" or "Name (role)". The whole item is tried as a name first, so
 * that a name with brackets of its own still works. */
static gboolean
read_members (Import     *self,
              Slot       *slot,
              const char *text,
              GError    **error)
{
  g_autoptr(GPtrArray) items = pl_csv_split_list (text, CSV_LIST_SEP, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      char *item = pl_csv_unescape (items->pdata[i]);
      Member member = { 0, NULL, item };

      if (!g_hash_table_contains (self->staff, item) && g_str_has_suffix (item, ")"))
        {
          for (char *open = strstr (item, " ("); open != NULL; open = strstr (open + 1, " ("))
            {
              g_autofree char *name = g_strndup (item, (gsize) (open - item));

              if (g_hash_table_contains (self->staff, name))
                {
                  member.role = g_strstrip (g_strndup (open + 2, strlen (open + 2) - 1));
                  if (*member.role == '\0')
                    g_clear_pointer (&member.role, g_free);
                  *open = '\0';
                  break;
                }
            }
        }

      g_array_append_val (self->members, member);
      if (!lookup_staff (self, item, &member.staff_id, error))
        return cell_error (self, slot, error);
      g_array_index (self->members, Member, self->members->len - 1).staff_id = member.staff_id;
    }

  return TRUE;
}

static char *
part (GPtrArray *parts,
      guint      index)
{
  char *text;

  if (index >= parts->len)
    return NULL;

  text = pl_csv_unescape (parts->pdata[index]);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* "title|kind|link|date"; only the title is needed. */
static gboolean
read_outcomes (Import     *self,
               Slot       *slot,
               const char *text,
               GError    **error)
{
  PlRecordClass *klass = self->outcome_class;
  const PlColumn *title_rules = pl_record_class_find_column (klass, "title");
  const PlColumn *kind_rules = pl_record_class_find_column (klass, "kind");
  const PlColumn *link_rules = pl_record_class_find_column (klass, "link");
  const PlColumn *date_rules = pl_record_class_find_column (klass, "outcome_date");
  g_autoptr(GPtrArray) items = pl_csv_split_list (text, CSV_LIST_SEP, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) parts = pl_csv_split_list (items->pdata[i], CSV_PART_SEP, TRUE);
      g_autofree char *kind = NULL;
      Outcome outcome = { 0 };

      if (parts->len > 4)
        return cell_fail (self, slot, error,
                          _("the outcome “%s” has more than four parts; write "
                            "title|kind|link|date and put a backslash before a | that "
                            "belongs to the text."),
                          (const char *) items->pdata[i]);

      outcome.title = part (parts, 0);
      kind = part (parts, 1);
      outcome.link = part (parts, 2);
      outcome.date = part (parts, 3);
      outcome.kind = kind ? pl_csv_match_enum (pl_enum_get_nicks (kind_rules->enum_type ()), kind) : "report";
      g_array_append_val (self->outcomes, outcome);

      if (outcome.kind == NULL)
        {
          validate_text (kind_rules, kind, error);
          return cell_error (self, slot, error);
        }

      if (!validate_text (title_rules, outcome.title, error) ||
          !validate_text (link_rules, outcome.link, error) ||
          !validate_text (date_rules, outcome.date, error))
        return cell_error (self, slot, error);
    }

  return TRUE;
}

/* "2026/27|not_this_year|refurbishment;2027/28|looking": a year once
 * each; "unknown" says nothing and is left out. */
static gboolean
read_appetite (Import     *self,
               Slot       *slot,
               const char *text,
               GError    **error)
{
  g_autoptr(GPtrArray) items = pl_csv_split_list (text, CSV_LIST_SEP, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) parts = pl_csv_split_list (items->pdata[i], CSV_PART_SEP, TRUE);
      g_autofree char *year_text = NULL;
      g_autofree char *state_text = NULL;
      Appetite appetite = { 0 };
      int state;

      if (parts->len > 3)
        return cell_fail (self, slot, error,
                          _("the appetite “%s” has more than three parts; write "
                            "year|appetite|reason, as in 2026/27|not_this_year|refurbishment."),
                          (const char *) items->pdata[i]);

      year_text = part (parts, 0);
      state_text = part (parts, 1);
      if (!pl_academic_year_parse (year_text, &appetite.year))
        return cell_fail (self, slot, error,
                          _("“%s” is not an academic year (YYYY/YY, as in 2026/27)."),
                          year_text ? year_text : "");
      appetite.state = state_text ? pl_csv_match_enum (pl_enum_get_nicks (PL_TYPE_APPETITE),
                                                       state_text) : NULL;
      if (appetite.state == NULL)
        return cell_fail (self, slot, error,
                          _("“%s” is not an appetite (looking, interested, not_this_year, "
                            "arranged or unknown)."), state_text ? state_text : "");
      pl_enum_from_nick (PL_TYPE_APPETITE, appetite.state, &state);
      appetite.reason = part (parts, 2);
      if (appetite.reason != NULL)
        g_strstrip (appetite.reason);
      if (state == PL_APPETITE_NOT_THIS_YEAR && (appetite.reason == NULL || *appetite.reason == '\0'))
        {
          g_free (appetite.reason);
          return cell_fail (self, slot, error,
                            _("%s: “not this year” needs a reason, as in "
                              "%s|not_this_year|refurbishment."), year_text, year_text);
        }
      for (guint j = 0; j < self->appetites->len; j++)
        if (g_array_index (self->appetites, Appetite, j).year == appetite.year)
          {
            g_free (appetite.reason);
            return cell_fail (self, slot, error, _("%s is given twice."), year_text);
          }
      if (state == PL_APPETITE_UNKNOWN)
        {
          g_free (appetite.reason);
          continue;
        }
      g_array_append_val (self->appetites, appetite);
    }

  return TRUE;
}

/* The text of a cell without the spaces around it; @copy holds it when
 * trimming had to copy. */
static const char *
trimmed (const char *text,
         gsize       length,
         char      **copy)
{
  gsize start = 0;

  if (length == 0 || (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1])))
    return text;

  while (start < length && g_ascii_isspace (text[start]))
    start++;
  while (length > start && g_ascii_isspace (text[length - 1]))
    length--;

  *copy = g_strndup (text + start, length - start);
  return *copy;
}

/* Checks one cell and binds it to the INSERT. */
static gboolean
read_cell (Import     *self,
           Slot       *slot,
           const char *raw,
           gsize       raw_length,
           GError    **error)
{
  PlStoreBulk *bulk = self->bulk;
  guint column = slot->param > 0 ? (guint) slot->param - 1 : 0;
  g_autofree char *copy = NULL;
  const char *text;
  gint64 number;

  if (slot->spec->type == CELL_TEXT)
    {
      if (raw_length == 0)
        text = "";
      else
        {
          if (!validate_text (slot->rules, raw, error))
            return cell_error (self, slot, error);
          pl_store_bulk_set_text (bulk, column, raw);
          return TRUE;
        }
    }
  else
    text = trimmed (raw, raw_length, &copy);

  if (*text == '\0')
    {
      if (slot->param > 0)
        pl_store_bulk_set_text (bulk, column, NULL);

      /* An empty cell takes the column's default; without one, it may be
       * required: "Name is required." */
      if (slot->rules != NULL && !slot->has_default &&
          !validate_text (slot->rules, NULL, error))
        return cell_error (self, slot, error);
      return TRUE;
    }


  switch (slot->spec->type)
    {
    case CELL_ENUM:
      {
        const char *key = pl_csv_match_enum (pl_enum_get_nicks (slot->rules->enum_type ()), text);

        if (key == NULL)
          {
            validate_text (slot->rules, text, error);
            return cell_error (self, slot, error);
          }
        pl_store_bulk_set_text (bulk, column, key);
      }
      break;

    case CELL_INT:
      if (!g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return cell_fail (self, slot, error, _("“%s” is not a whole number."), text);
      if (!validate_int (slot->rules, number, error))
        return cell_error (self, slot, error);
      pl_store_bulk_set_int (bulk, column, number);
      break;

    case CELL_BOOL:
      if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "y") == 0 ||
          g_ascii_strcasecmp (text, "true") == 0 || g_str_equal (text, "1"))
        pl_store_bulk_set_int (bulk, column, 1);
      else if (g_ascii_strcasecmp (text, "no") == 0 || g_ascii_strcasecmp (text, "n") == 0 ||
               g_ascii_strcasecmp (text, "false") == 0 || g_str_equal (text, "0"))
        pl_store_bulk_set_int (bulk, column, 0);
      else
        return cell_fail (self, slot, error, _("“%s” is neither yes nor no."), text);
      break;

    case CELL_DATE:
      if (!validate_text (slot->rules, text, error))
        return cell_error (self, slot, error);
      pl_store_bulk_set_text (bulk, column, text);
      break;

    case CELL_WEEKDAYS:
      {
        g_autofree char *bad = NULL;

        if (!pl_csv_parse_weekdays (text, &number, &bad))
          return cell_fail (self, slot, error,
                            _("“%s” is not a day of the week (Mon, Tue, Wed, Thu, Fri, Sat, "
                              "Sun; separate days with “;”)."), bad);
        pl_store_bulk_set_int (bulk, column, number);
      }
      break;

    case CELL_SECTOR:
    case CELL_PARTNER:
    case CELL_STAFF:
    case CELL_EMPLOYER:
      if (!lookup_name (self, slot, text, &number, error))
        return FALSE;
      pl_store_bulk_set_int (bulk, column, number);
      break;

    case CELL_DAYS:
      return read_days (self, slot, text, error);
    case CELL_MEMBERS:
      return read_members (self, slot, text, error);
    case CELL_MEETINGS:
      return read_meetings (self, slot, text, error);
    case CELL_OUTCOMES:
      return read_outcomes (self, slot, text, error);
    case CELL_APPETITE:
      return read_appetite (self, slot, text, error);

    case CELL_TEXT:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/* A name the kind holds once: not in the database, not earlier in the
 * file. */
static gboolean
check_unique_name (Import  *self,
                   GError **error)
{
  Slot *slot = self->name_slot;
  const char *name = pl_csv_reader_get_field (self->reader, (guint) slot->field, NULL);
  gpointer where;

  if (*name == '\0')
    return TRUE;

  if (g_hash_table_lookup_extended (self->names, name, NULL, &where))
    {
      gsize offset = GPOINTER_TO_SIZE (where);

      if (offset == 0)
        return cell_fail (self, slot, error,
                          _("“%s” is already in the database; names of %s must be unique."),
                          name, self->kind->name);

      return cell_fail (self, slot, error,
                        _("“%s” is already on line %u; names of %s must be unique."),
                        name, pl_csv_reader_get_line_at (self->reader, offset - 1),
                        self->kind->name);
    }

  g_hash_table_insert (self->names, g_string_chunk_insert (self->strings, name),
                       GSIZE_TO_POINTER (pl_csv_reader_get_record_start (self->reader) + 1));
  return TRUE;
}

/* @error holds the store's refusal of the row: told at the column a
 * person would change when the rule names one the file has, else at the
 * row. */
static gboolean
write_error (Import  *self,
             GError **error)
{
  const char * const *columns = pl_store_bulk_get_fault_columns (self->bulk);

  for (guint c = 0; columns != NULL && columns[c] != NULL; c++)
    for (guint i = 0; i < self->n_slots; i++)
      if (g_strcmp0 (self->slots[i].spec->column, columns[c]) == 0 && self->slots[i].field >= 0)
        return cell_error (self, &self->slots[i], error);

  pl_csv_reader_prefix_error (self->reader, 0, error);
  return FALSE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The days of placement @id, each once, in order. */
static gboolean
write_days (Import  *self,
            gint64   id,
            GError **error)
{
  GPtrArray *days = self->days;

  for (guint i = 1; i < days->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_str_equal (days->pdata[i], days->pdata[j]))
        return cell_fail (self, self->list_slot, error, _("“%s” is listed twice."),
                          (const char *) days->pdata[i]);

  g_ptr_array_sort (days, compare_days);
  g_ptr_array_add (days, NULL);
  if (!pl_store_bulk_set_days (self->bulk, id, (const char * const *) days->pdata, error))
    return write_error (self, error);
  return TRUE;
}

/* Writes the lists of the row just added as @id. */
static gboolean
write_lists (Import  *self,
             gint64   id,
             GError **error)
{
  if (self->days->len > 0 && !write_days (self, id, error))
    return FALSE;

  for (guint i = 0; i < self->members->len; i++)
    {
      Member *member = &g_array_index (self->members, Member, i);

      for (guint j = 0; j < i; j++)
        if (g_array_index (self->members, Member, j).staff_id == member->staff_id)
          return cell_fail (self, find_slot (self, "members"), error,
                            _("“%s” is listed twice."), member->text);

      if (!pl_store_bulk_add_member (self->bulk, id, member->staff_id, member->role, error))
        return write_error (self, error);
    }

  for (guint i = 0; i < self->meetings->len; i++)
    if (!pl_store_bulk_add_meeting (self->bulk, id, self->meetings->pdata[i], error))
      return write_error (self, error);

  for (guint i = 0; i < self->appetites->len; i++)
    {
      Appetite *appetite = &g_array_index (self->appetites, Appetite, i);

      if (!pl_store_bulk_add_appetite (self->bulk, id, appetite->year, appetite->state,
                                       appetite->reason, error))
        return write_error (self, error);
    }

  for (guint i = 0; i < self->outcomes->len; i++)
    {
      Outcome *outcome = &g_array_index (self->outcomes, Outcome, i);

      if (!pl_store_bulk_add_outcome (self->bulk, id, outcome->title, outcome->kind,
                                      outcome->link, outcome->date, error))
        return write_error (self, error);
    }

  return TRUE;
}

static gboolean
import_row (Import  *self,
            GError **error)
{
  PlCsvReader *reader = self->reader;
  Slot *length_slot = NULL;
  gboolean length_given = FALSE;
  gint64 id;

  if (!pl_csv_reader_check_fields (reader, self->n_fields, self->nameless, error))
    return FALSE;

  g_ptr_array_set_size (self->days, 0);
  g_array_set_size (self->members, 0);
  g_ptr_array_set_size (self->meetings, 0);
  g_array_set_size (self->outcomes, 0);
  g_array_set_size (self->appetites, 0);

  for (guint i = 0; i < self->n_slots; i++)
    {
      Slot *slot = &self->slots[i];
      const char *text;
      gsize length;

      if (slot->field < 0)
        {
          if (slot->param > 0)
            pl_store_bulk_set_text (self->bulk, (guint) slot->param - 1, NULL);
          continue;
        }

      text = pl_csv_reader_get_field (reader, (guint) slot->field, &length);
      if (!read_cell (self, slot, text, length, error))
        return FALSE;

      if (slot->rules != NULL && g_str_equal (slot->spec->header, "length"))
        {
          length_slot = slot;
          length_given = length > 0;
        }
    }

  /* With days and no length, the length is the number of days. */
  if (self->days->len > 0 && !length_given)
    {
      Slot *slot = length_slot ? length_slot : find_slot (self, "length");

      if (!validate_int (slot->rules, self->days->len, error))
        return cell_error (self, self->list_slot, error);
      pl_store_bulk_set_int (self->bulk, (guint) slot->param - 1, self->days->len);
    }

  if (self->names != NULL && !check_unique_name (self, error))
    return FALSE;

  id = pl_store_bulk_add (self->bulk, error);
  if (id == 0)
    return write_error (self, error);

  if (!write_lists (self, id, error))
    return FALSE;

  self->rows++;
  return TRUE;
}

static gboolean
import_all (Import         *self,
            PlCsvProgress   progress,
            gpointer        user_data,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  goffset total;

  if (!read_header (self, error) || !prepare_kind (self, error))
    return FALSE;

  /* The text read, which is not the file when it was not UTF-8. */
  total = (goffset) pl_csv_reader_get_length (self->reader);

  while (pl_csv_reader_next (self->reader, &local_error))
    {
      if (!import_row (self, error))
        return FALSE;

      if (self->rows % ROWS_PER_PROGRESS == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress ((goffset) pl_csv_reader_get_offset (self->reader), total, user_data);
        }
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (progress != NULL)
    progress (total, total, user_data);

  return TRUE;
}

/**
 * pl_csv_import_data:
 * @filename: the name messages give the text
 *
 * Imports CSV text held in memory; see pl_csv_import_file().
 */
gboolean
pl_csv_import_data (PlStore        *store,
                    PlCsvKind       kind,
                    const char     *data,
                    gsize           length,
                    const char     *filename,
                    PlCsvProgress   progress,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    gint64         *n_rows,
                    PlCsvFormat    *format,
                    GError        **error)
{
  g_autoptr(PlCsvReader) reader = NULL;
  Import self = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  reader = pl_csv_reader_new (data, length, filename);

  self.store = store;
  /* Below a few hundred rows the bulk writer's tuning saves less than it
   * costs. */
  self.many = length >= BULK_MIN_BYTES;
  for (const char *p = data, *end = data + length; self.many && p != NULL && p < end; self.lines++)
    {
      p = memchr (p, '\n', (gsize) (end - p));
      p = p != NULL ? p + 1 : NULL;
    }
  self.kind = pl_csv_kind_get (kind);
  self.reader = reader;
  self.strings = g_string_chunk_new (64 * 1024);
  self.days = g_ptr_array_new_with_free_func (g_free);
  self.members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_array_set_clear_func (self.members, member_clear);
  self.meetings = g_ptr_array_new_with_free_func (g_free);
  self.meeting_class = g_type_class_ref (PL_TYPE_GROUP_MEETING);
  self.outcome_class = g_type_class_ref (PL_TYPE_GROUP_OUTCOME);
  self.outcomes = g_array_new (FALSE, TRUE, sizeof (Outcome));
  g_array_set_clear_func (self.outcomes, outcome_clear);
  self.appetites = g_array_new (FALSE, TRUE, sizeof (Appetite));
  g_array_set_clear_func (self.appetites, appetite_clear);

  {
    PlRecordClass *klass = g_type_class_ref (self.kind->get_type ());

    self.n_slots = self.kind->n_columns;
    self.slots = g_new0 (Slot, self.n_slots);
    for (guint i = 0; i < self.n_slots; i++)
      {
        Slot *slot = &self.slots[i];

        slot->spec = &self.kind->columns[i];
        slot->field = -1;
        if (slot->spec->column != NULL)
          slot->rules = pl_record_class_find_column (klass, slot->spec->column);
        if (g_str_equal (slot->spec->header, "name"))
          self.name_slot = slot;
      }
    g_type_class_unref (klass);
  }

  ok = import_all (&self, progress, user_data, cancellable, error) &&
       pl_store_bulk_commit (self.bulk, error);
  import_clear (&self);
  if (!ok)
    return FALSE;

  if (n_rows != NULL)
    *n_rows = self.rows;
  if (format != NULL)
    *format = *pl_csv_reader_get_format (reader);
  return TRUE;
}

gboolean
pl_csv_import_file (PlStore        *store,
                    PlCsvKind       kind,
                    const char     *path,
                    PlCsvProgress   progress,
                    gpointer        user_data,
                    GCancellable   *cancellable,
                    gint64         *n_rows,
                    PlCsvFormat    *format,
                    GError        **error)
{
  g_autoptr(GMappedFile) file = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pl_csv_map_file (path, error);
  if (file == NULL)
    return FALSE;

  return pl_csv_import_data (store, kind, g_mapped_file_get_contents (file),
                             g_mapped_file_get_length (file), path, progress, user_data,
                             cancellable, n_rows, format, error);
}
