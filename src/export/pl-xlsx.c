/* pl-xlsx.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-xlsx"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "pl-date.h"
#include "pl-id-counts.h"
#include "pl-stats.h"
#include "pl-store-appetite.h"
#include "pl-xlsx-private.h"

/* The partner workbook: a Summary sheet (pl-xlsx-summary.c) and one
 * filterable table a sheet.
 *
 * Memory. The workbook is written in libxlsxwriter's constant_memory mode,
 * which the library sets for the whole workbook: each row goes to a
 * temporary file as soon as the next one starts, so memory stays flat
 * whatever the size of the network; the records come the same way, one
 * row at a time (pl-store-report.h). Measured on 100,000 placements
 * (bench/xlsx-bench, 7 million cells): the export peaks at 19 MB resident
 * in this mode, while libxlsxwriter writing the same cells without it
 * peaks at 840 MB, every cell and shared string staying in memory until
 * the end. The mode's limits shape the code: rows of a sheet are
 * written strictly in order (the Summary is laid out top to bottom, never
 * going back), there are no merged cells (the Summary's title simply runs
 * over the empty cells beside it), strings are inline rather than shared,
 * and the chart of the Summary carries no cached copy of its data
 * (spreadsheets read the cells it points at).
 *
 * Scope. The filter is the one of pl_stats_compute(), so that the Summary
 * and `placements-cli stats` agree, and each table follows from it:
 * - Placements: the placements of the partner's staff whose first day lies
 *   inside the period (with a period, undated requests drop out).
 * - Milestones: those of the placements above.
 * - Staff: every member of staff of the partner (of every partner without
 *   one); the period does not remove people, it only limits the placements
 *   counted beside them.
 * - Employers: every employer when the workbook is for every partner; for
 *   one partner, only those hosting one of its placements above.
 * - Observations: of the partner's staff, dated by the first day of their
 *   placement (or their own date when they have none), as `stats` does.
 * - Surveys: one row a question, counting the responses `stats` counts.
 * - Groups: exchange groups with a member from the partner and a meeting
 *   inside the period; members from other partners are not listed.
 *
 * Anonymising replaces every staff name by its code (S-0042, from the id)
 * and leaves out the contact columns (staff and employer email and phone,
 * employer contact name). Observers and facilitators are free text: one
 * that names a member of staff becomes that code, anyone else is left out,
 * since a partner outside the organisation has no need of their names. */

/* ------------------------------------------------------------------------
 * Table sheets
 */

/* Rows between two progress reports and cancellation checks. */
#define ROWS_PER_REPORT 1024

#define MAX_COLUMNS 24

/* The most characters a cell holds (Excel's limit, which libxlsxwriter
 * enforces without naming it in its headers). */
#define CELL_MAX_CHARS 32767

typedef const char *(*LabelFunc) (const char *key);

typedef struct
{
  const char         *title;     /* N_() */
  double              width;     /* in characters */
  gboolean            number;    /* right-aligned header, over right-aligned figures */
  gboolean            contact;   /* left out of an anonymised workbook */
  const char * const *choices;   /* a status column's keys: offered as a drop-down list */
  GType             (*enum_type) (void); /* or the enumeration whose nicks they are */
  LabelFunc           label;     /* how @choices read; pl_enum_label() when NULL */
} Column;

typedef struct
{
  PlXlsxExport   *export;
  lxw_worksheet  *worksheet;
  const char     *name;
  const Column   *columns;
  guint           n_columns;
  int             position[MAX_COLUMNS];  /* -1: left out */
  lxw_col_t       n_shown;
  lxw_row_t       row;                    /* the row being written; 0 is the header */
  lxw_error       code;                   /* the first failure of a write */
  GError         *stopped;                /* why a row stopped the pass over the records */
} Sheet;

void
pl_xlsx_set_error (GError     **error,
                   const char  *sheet,
                   lxw_error    code)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               /* TRANSLATORS: %s is a sheet name, then libxlsxwriter's reason */
               _("Could not write the %s sheet: %s"), sheet, lxw_strerror (code));
}

gboolean
pl_xlsx_parse_date (const char   *iso,
                    lxw_datetime *out)
{
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;

  *out = (lxw_datetime) {
    .year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0'),
    .month = (iso[5] - '0') * 10 + (iso[6] - '0'),
    .day = (iso[8] - '0') * 10 + (iso[9] - '0'),
  };
  return out->month >= 1 && out->month <= 12 && out->day >= 1 && out->day <= 31;
}

static gboolean
check_cancelled (PlXlsxExport  *export,
                 GError       **error)
{
  return !g_cancellable_set_error_if_cancelled (export->cancellable, error);
}

static void
report_progress (PlXlsxExport *export)
{
  if (export->progress != NULL)
    export->progress (export->done, MAX (export->total, export->done), export->user_data);
}

/* The filter of the workbook's tables. */
static PlReportFilter
export_filter (const PlXlsxExport *export)
{
  return (PlReportFilter) {
    .partner_id = export->partner_id,
    .from = export->options->from,
    .to = export->options->to,
  };
}

/* Sets @error from @failure to read the records of @sheet; returns FALSE. */
static gboolean
read_failed (GError       **error,
             const char    *sheet,
             const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
               _("Could not read the records of the %s sheet: %s"), sheet, failure->message);
  return FALSE;
}

static gboolean
sheet_begin (Sheet         *sheet,
             PlXlsxExport  *export,
             const char    *name,
             const Column  *columns,
             guint          n_columns,
             GError       **error)
{
  gboolean tall_header = FALSE;

  g_assert (n_columns <= MAX_COLUMNS);

  *sheet = (Sheet) {
    .export = export,
    .name = name,
    .columns = columns,
    .n_columns = n_columns,
  };

  sheet->worksheet = workbook_add_worksheet (export->workbook, name);
  if (sheet->worksheet == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Could not add the %s sheet to the workbook."), name);
      return FALSE;
    }

  for (guint i = 0; i < n_columns; i++)
    {
      const char *title = _(columns[i].title);

      if (columns[i].contact && export->options->anonymise)
        {
          sheet->position[i] = -1;
          continue;
        }

      sheet->position[i] = sheet->n_shown++;
      if (g_utf8_strlen (title, -1) > columns[i].width)
        tall_header = TRUE;
    }

  /* A long header wraps onto a second line rather than widening its
   * column beyond what the values need. */
  if (tall_header)
    sheet->code = worksheet_set_row (sheet->worksheet, 0, 30, NULL);

  for (guint i = 0; i < n_columns && sheet->code == LXW_NO_ERROR; i++)
    {
      lxw_col_t col = sheet->position[i];

      if (sheet->position[i] < 0)
        continue;

      sheet->code = worksheet_set_column (sheet->worksheet, col, col, columns[i].width, NULL);
      if (sheet->code == LXW_NO_ERROR)
        sheet->code = worksheet_write_string (sheet->worksheet, 0, col, _(columns[i].title),
                                              columns[i].number ? export->number_header
                                                                : export->header);
    }

  worksheet_freeze_panes (sheet->worksheet, 1, 0);
  worksheet_set_landscape (sheet->worksheet);
  worksheet_set_paper (sheet->worksheet, 9 /* A4 */);
  worksheet_fit_to_pages (sheet->worksheet, 1, 0);
  if (sheet->code == LXW_NO_ERROR)
    sheet->code = worksheet_repeat_rows (sheet->worksheet, 0, 0);

  if (sheet->code != LXW_NO_ERROR)
    {
      pl_xlsx_set_error (error, name, sheet->code);
      return FALSE;
    }

  return TRUE;
}

/* Moves on to the next row; FALSE with @error when the sheet is full, a
 * write failed or the export was cancelled. */
static gboolean
sheet_next_row (Sheet   *sheet,
                GError **error)
{
  PlXlsxExport *export = sheet->export;

  if (sheet->code != LXW_NO_ERROR)
    {
      pl_xlsx_set_error (error, sheet->name, sheet->code);
      return FALSE;
    }

  if (sheet->row + 1 >= LXW_ROW_MAX)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("The %s sheet would have more rows than a spreadsheet holds (%d); "
                     "export one partner or a shorter period."),
                   sheet->name, LXW_ROW_MAX - 1);
      return FALSE;
    }

  sheet->row++;
  if (++export->done % ROWS_PER_REPORT == 0)
    {
      report_progress (export);
      return check_cancelled (export, error);
    }

  return TRUE;
}

static void
sheet_text (Sheet      *sheet,
            guint       column,
            const char *text)
{
  g_autofree char *shortened = NULL;

  if (sheet->position[column] < 0 || text == NULL || *text == '\0'
      || sheet->code != LXW_NO_ERROR)
    return;

  /* Longer text is cut rather than failing the whole export. */
  if (strlen (text) > CELL_MAX_CHARS && g_utf8_strlen (text, -1) > CELL_MAX_CHARS)
    text = shortened = g_utf8_substring (text, 0, CELL_MAX_CHARS);

  sheet->code = worksheet_write_string (sheet->worksheet, sheet->row, sheet->position[column],
                                        text, NULL);
}

static void
sheet_int (Sheet  *sheet,
           guint   column,
           gint64  value)
{
  if (sheet->position[column] < 0 || sheet->code != LXW_NO_ERROR)
    return;

  sheet->code = worksheet_write_number (sheet->worksheet, sheet->row, sheet->position[column],
                                        (double) value, sheet->export->integer);
}

static void
sheet_percent (Sheet  *sheet,
               guint   column,
               int     percent)
{
  if (sheet->position[column] < 0 || sheet->code != LXW_NO_ERROR)
    return;

  sheet->code = worksheet_write_number (sheet->worksheet, sheet->row, sheet->position[column],
                                        percent / 100.0, sheet->export->percent);
}

static void
sheet_date (Sheet      *sheet,
            guint       column,
            const char *iso)
{
  lxw_datetime datetime;

  if (sheet->position[column] < 0 || sheet->code != LXW_NO_ERROR)
    return;

  if (pl_xlsx_parse_date (iso, &datetime))
    sheet->code = worksheet_write_datetime (sheet->worksheet, sheet->row,
                                            sheet->position[column], &datetime,
                                            sheet->export->date);
  else
    sheet_text (sheet, column, iso);
}

static void
sheet_bool (Sheet    *sheet,
            guint     column,
            gboolean  value)
{
  sheet_text (sheet, column, value ? _("Yes") : _("No"));
}

static void
sheet_label (Sheet *sheet,
             guint  column,
             GType  type,
             int    value)
{
  sheet_text (sheet, column, pl_enum_get_label (type, value));
}

/* A person who is a member of staff (@staff_id, 0 for nobody): their name,
 * or their code. */
static void
sheet_staff (Sheet      *sheet,
             guint       column,
             gint64      staff_id,
             const char *name)
{
  if (staff_id == 0)
    return;

  if (sheet->export->options->anonymise)
    {
      g_autofree char *code = pl_xlsx_staff_code (staff_id);

      sheet_text (sheet, column, code);
    }
  else
    sheet_text (sheet, column, name);
}

/* A person named in free text, who may be the member of staff @staff_id:
 * in an anonymised workbook their code, or nobody. */
static void
sheet_person (Sheet      *sheet,
              guint       column,
              gint64      staff_id,
              const char *name)
{
  if (!sheet->export->options->anonymise)
    sheet_text (sheet, column, name);
  else
    sheet_staff (sheet, column, staff_id, name);
}

/* "P-0042" for 42. */
static void
placement_reference (char   *reference,
                     gsize   size,
                     gint64  placement_id)
{
  g_snprintf (reference, size, "P-%04" G_GINT64_FORMAT, placement_id);
}

/* The placement @placement_id, 0 for none. */
static void
sheet_reference (Sheet  *sheet,
                 guint   column,
                 gint64  placement_id)
{
  char reference[32];

  if (placement_id == 0)
    return;

  placement_reference (reference, sizeof reference, placement_id);
  sheet_text (sheet, column, reference);
}

/* Moves on to the next row during a pass over the records; FALSE, which
 * stops the pass, when the row cannot be written. */
static gboolean
sheet_next_row_of_pass (Sheet *sheet)
{
  return sheet_next_row (sheet, &sheet->stopped);
}

/* Ends a pass over the records: FALSE with @error when they could not be
 * read (@read FALSE, with @failure) or a row stopped the pass. */
static gboolean
sheet_pass_done (Sheet         *sheet,
                 gboolean       read,
                 const GError  *failure,
                 GError       **error)
{
  if (!read)
    return read_failed (error, sheet->name, failure);

  if (sheet->stopped != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sheet->stopped));
      return FALSE;
    }

  return TRUE;
}

/* Adds the autofilter over the table and the drop-down lists of its status
 * columns, then reports any failure of the sheet's writes. */
static gboolean
sheet_end (Sheet   *sheet,
           GError **error)
{
  if (sheet->code == LXW_NO_ERROR)
    sheet->code = worksheet_autofilter (sheet->worksheet, 0, 0, sheet->row, sheet->n_shown - 1);

  for (guint i = 0; i < sheet->n_columns && sheet->code == LXW_NO_ERROR; i++)
    {
      const Column *column = &sheet->columns[i];
      LabelFunc label = column->label ? column->label : pl_enum_label;
      const char * const *choices = column->choices;
      g_autoptr(GPtrArray) list = NULL;
      lxw_data_validation validation = { 0 };

      if (choices == NULL && column->enum_type != NULL)
        choices = pl_enum_get_nicks (column->enum_type ());
      if (choices == NULL || sheet->position[i] < 0 || sheet->row == 0)
        continue;

      list = g_ptr_array_new ();
      for (guint j = 0; choices[j] != NULL; j++)
        g_ptr_array_add (list, (gpointer) label (choices[j]));
      g_ptr_array_add (list, NULL);

      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = (char **) list->pdata;
      sheet->code = worksheet_data_validation_range (sheet->worksheet, 1, sheet->position[i],
                                                     sheet->row, sheet->position[i],
                                                     &validation);
    }

  if (sheet->code != LXW_NO_ERROR)
    {
      pl_xlsx_set_error (error, sheet->name, sheet->code);
      return FALSE;
    }

  report_progress (sheet->export);
  return check_cancelled (sheet->export, error);
}

/* The labels of a bit mask over @keys, joined; cached in @cache, which has
 * room for every mask. */
static const char *
mask_labels (GPtrArray          *cache,
             const char * const *keys,
             guint               mask)
{
  if (cache->len <= mask)
    g_ptr_array_set_size (cache, mask + 1);

  if (cache->pdata[mask] == NULL)
    {
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; keys[i] != NULL; i++)
        if (mask & (1u << i))
          {
            if (text->len > 0)
              g_string_append (text, "; ");
            g_string_append (text, pl_enum_label (keys[i]));
          }
      cache->pdata[mask] = g_string_free (g_steal_pointer (&text), FALSE);
    }

  return cache->pdata[mask];
}

enum
{
  PLACEMENT_REFERENCE,
  PLACEMENT_STAFF,
  PLACEMENT_PARTNER,
  PLACEMENT_EMPLOYER,
  PLACEMENT_SECTOR,
  PLACEMENT_STATUS,
  PLACEMENT_FIRST_DAY,
  PLACEMENT_LAST_DAY,
  PLACEMENT_DAYS,
  PLACEMENT_AIMS,
  PLACEMENT_AUDIENCES,
  PLACEMENT_PEOPLE,
  N_PLACEMENT_COLUMNS
};

static const Column placement_columns[] = {
  [PLACEMENT_REFERENCE] = { N_("Reference"), 11 },
  [PLACEMENT_STAFF] = { N_("Staff member"), 24 },
  [PLACEMENT_PARTNER] = { N_("Partner"), 28 },
  [PLACEMENT_EMPLOYER] = { N_("Employer"), 30 },
  [PLACEMENT_SECTOR] = { N_("Sector"), 30 },
  [PLACEMENT_STATUS] = { N_("Status"), 12, .enum_type = pl_placement_status_get_type },
  [PLACEMENT_FIRST_DAY] = { N_("First day"), 12 },
  [PLACEMENT_LAST_DAY] = { N_("Last day"), 12 },
  [PLACEMENT_DAYS] = { N_("Days"), 7, TRUE },
  [PLACEMENT_AIMS] = { N_("Aims"), 60 },
  [PLACEMENT_AUDIENCES] = { N_("Cascaded to"), 28 },
  [PLACEMENT_PEOPLE] = { N_("People reached"), 9, TRUE },
};

typedef struct
{
  Sheet      sheet;
  GPtrArray *aims;        /* the labels of each mask, for mask_labels() */
  GPtrArray *audiences;
} PlacementsPass;

static gboolean
add_placement (const PlReportPlacement *row,
               gpointer                 user_data)
{
  PlacementsPass *pass = user_data;
  Sheet *sheet = &pass->sheet;
  PlXlsxExport *export = sheet->export;

  if (!sheet_next_row_of_pass (sheet))
    return FALSE;

  sheet_reference (sheet, PLACEMENT_REFERENCE, row->id);
  sheet_staff (sheet, PLACEMENT_STAFF, row->staff_id, row->staff_name);
  sheet_text (sheet, PLACEMENT_PARTNER, row->partner);
  sheet_text (sheet, PLACEMENT_EMPLOYER, row->employer);
  sheet_text (sheet, PLACEMENT_SECTOR, row->sector);
  sheet_label (sheet, PLACEMENT_STATUS, PL_TYPE_PLACEMENT_STATUS, row->status);
  sheet_date (sheet, PLACEMENT_FIRST_DAY, row->first_day);
  sheet_date (sheet, PLACEMENT_LAST_DAY, row->last_day);
  sheet_int (sheet, PLACEMENT_DAYS, row->n_days);
  sheet_text (sheet, PLACEMENT_AIMS, mask_labels (pass->aims, pl_aim_keys, row->aims & 0x7f));
  sheet_text (sheet, PLACEMENT_AUDIENCES,
              mask_labels (pass->audiences, pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE),
                           row->audiences));
  if (row->people >= 0)
    sheet_int (sheet, PLACEMENT_PEOPLE, row->people);

  pl_id_counts_add (export->placed, row->staff_id);
  if (row->employer_id != 0)
    pl_id_counts_add (export->hosted, row->employer_id);
  return TRUE;
}

/* The Employers and Staff sheets count the placements of the workbook as
 * this sheet is written (PlXlsxExport.hosted and .placed) rather than
 * finding them again. */
static gboolean
write_placements (PlXlsxExport  *export,
                  GError       **error)
{
  const char *name = _("Placements");
  PlReportFilter filter = export_filter (export);
  g_autoptr(GPtrArray) aims = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) audiences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) failure = NULL;
  PlacementsPass pass = { .aims = aims, .audiences = audiences };
  gboolean read;

  if (!sheet_begin (&pass.sheet, export, name, placement_columns, N_PLACEMENT_COLUMNS, error))
    return FALSE;

  read = pl_store_report_foreach_placement (export->store, &filter, add_placement, &pass,
                                            &failure);
  return sheet_pass_done (&pass.sheet, read, failure, error) && sheet_end (&pass.sheet, error);
}

enum
{
  EMPLOYER_NAME,
  EMPLOYER_SECTOR,
  EMPLOYER_SIZE,
  EMPLOYER_ADDRESS,
  EMPLOYER_POSTCODE,
  EMPLOYER_WEBSITE,
  EMPLOYER_RELATIONSHIP,
  EMPLOYER_APPETITE,
  EMPLOYER_APPETITE_REASON,
  EMPLOYER_CAPACITY,
  EMPLOYER_NOTICE,
  EMPLOYER_PLACEMENTS,
  EMPLOYER_LAST_CONTACT,
  EMPLOYER_OWNER,
  EMPLOYER_CONTACT_NAME,
  EMPLOYER_CONTACT_EMAIL,
  EMPLOYER_CONTACT_PHONE,
  N_EMPLOYER_COLUMNS
};

static const Column employer_columns[] = {
  [EMPLOYER_NAME] = { N_("Employer"), 30 },
  [EMPLOYER_SECTOR] = { N_("Sector"), 30 },
  [EMPLOYER_SIZE] = { N_("Size"), 19 },
  [EMPLOYER_ADDRESS] = { N_("Address"), 36 },
  [EMPLOYER_POSTCODE] = { N_("Postcode"), 10 },
  [EMPLOYER_WEBSITE] = { N_("Website"), 32 },
  [EMPLOYER_RELATIONSHIP] = { N_("Relationship"), 13, .enum_type = pl_relationship_get_type },
  [EMPLOYER_APPETITE] = { N_("Appetite this year"), 17, .enum_type = pl_appetite_get_type },
  [EMPLOYER_APPETITE_REASON] = { N_("Appetite reason"), 24 },
  [EMPLOYER_CAPACITY] = { N_("Capacity"), 9, TRUE },
  [EMPLOYER_NOTICE] = { N_("Notice needed (weeks)"), 9, TRUE },
  [EMPLOYER_PLACEMENTS] = { N_("Placements"), 11, TRUE },
  [EMPLOYER_LAST_CONTACT] = { N_("Last contact"), 12 },
  [EMPLOYER_OWNER] = { N_("Relationship owner"), 22 },
  [EMPLOYER_CONTACT_NAME] = { N_("Contact name"), 22, .contact = TRUE },
  [EMPLOYER_CONTACT_EMAIL] = { N_("Contact email"), 34, .contact = TRUE },
  [EMPLOYER_CONTACT_PHONE] = { N_("Contact phone"), 15, .contact = TRUE },
};

static gboolean
add_employer (const PlReportEmployer *row,
              gpointer                user_data)
{
  Sheet *sheet = user_data;
  gint64 hosted = pl_id_counts_get (sheet->export->hosted, row->id);

  /* One partner's workbook leaves out the employers it has no placement
   * with. */
  if (sheet->export->partner_id > 0 && hosted == 0)
    return TRUE;

  if (!sheet_next_row_of_pass (sheet))
    return FALSE;

  sheet_text (sheet, EMPLOYER_NAME, row->name);
  sheet_text (sheet, EMPLOYER_SECTOR, row->sector);
  if (row->size >= 0)
    sheet_label (sheet, EMPLOYER_SIZE, PL_TYPE_EMPLOYER_SIZE, row->size);
  sheet_text (sheet, EMPLOYER_ADDRESS, row->address);
  sheet_text (sheet, EMPLOYER_POSTCODE, row->postcode);
  sheet_text (sheet, EMPLOYER_WEBSITE, row->website);
  sheet_label (sheet, EMPLOYER_RELATIONSHIP, PL_TYPE_RELATIONSHIP, row->relationship);
  sheet_label (sheet, EMPLOYER_APPETITE, PL_TYPE_APPETITE, row->appetite);
  sheet_text (sheet, EMPLOYER_APPETITE_REASON, row->appetite_reason);
  sheet_int (sheet, EMPLOYER_CAPACITY, row->capacity);
  sheet_int (sheet, EMPLOYER_NOTICE, row->notice_weeks);
  sheet_int (sheet, EMPLOYER_PLACEMENTS, hosted);
  sheet_date (sheet, EMPLOYER_LAST_CONTACT, row->last_contact);
  sheet_staff (sheet, EMPLOYER_OWNER, row->owner_id, row->owner_name);
  sheet_text (sheet, EMPLOYER_CONTACT_NAME, row->contact_name);
  sheet_text (sheet, EMPLOYER_CONTACT_EMAIL, row->contact_email);
  sheet_text (sheet, EMPLOYER_CONTACT_PHONE, row->contact_phone);
  return TRUE;
}

static gboolean
write_employers (PlXlsxExport  *export,
                 GError       **error)
{
  g_autoptr(GError) failure = NULL;
  Sheet sheet;
  gboolean read;
  GDate today;
  int year = 0;

  if (!sheet_begin (&sheet, export, _("Employers"), employer_columns, N_EMPLOYER_COLUMNS, error))
    return FALSE;

  /* The academic year the workbook is made in. */
  if (pl_date_parse (export->today, &today))
    year = pl_appetite_year_of (&today);
  read = pl_store_report_foreach_employer (export->store, year, add_employer, &sheet, &failure);
  return sheet_pass_done (&sheet, read, failure, error) && sheet_end (&sheet, error);
}

enum
{
  STAFF_NAME,
  STAFF_PARTNER,
  STAFF_JOB_TITLE,
  STAFF_SECTOR,
  STAFF_CURRICULUM_AREA,
  STAFF_EMAIL,
  STAFF_PHONE,
  STAFF_PLACEMENTS,
  STAFF_GROUPS,
  N_STAFF_COLUMNS
};

static const Column staff_columns[] = {
  [STAFF_NAME] = { N_("Staff member"), 24 },
  [STAFF_PARTNER] = { N_("Partner"), 28 },
  [STAFF_JOB_TITLE] = { N_("Job title"), 30 },
  [STAFF_SECTOR] = { N_("Sector"), 30 },
  [STAFF_CURRICULUM_AREA] = { N_("Curriculum area"), 26 },
  [STAFF_EMAIL] = { N_("Email"), 40, .contact = TRUE },
  [STAFF_PHONE] = { N_("Phone"), 15, .contact = TRUE },
  [STAFF_PLACEMENTS] = { N_("Placements"), 11, TRUE },
  [STAFF_GROUPS] = { N_("Exchange groups"), 9, TRUE },
};

/* How an anonymised workbook lists people: not by name, which would tell
 * the codes' alphabetical order. */
static PlReportOrder
people_order (PlXlsxExport *export)
{
  return export->options->anonymise ? PL_REPORT_BY_ID : PL_REPORT_BY_NAME;
}

static gboolean
add_staff (const PlReportStaff *row,
           gpointer             user_data)
{
  Sheet *sheet = user_data;

  if (!sheet_next_row_of_pass (sheet))
    return FALSE;

  sheet_staff (sheet, STAFF_NAME, row->id, row->name);
  sheet_text (sheet, STAFF_PARTNER, row->partner);
  sheet_text (sheet, STAFF_JOB_TITLE, row->job_title);
  sheet_text (sheet, STAFF_SECTOR, row->sector);
  sheet_text (sheet, STAFF_CURRICULUM_AREA, row->curriculum_area);
  sheet_text (sheet, STAFF_EMAIL, row->email);
  sheet_text (sheet, STAFF_PHONE, row->phone);
  sheet_int (sheet, STAFF_PLACEMENTS, pl_id_counts_get (sheet->export->placed, row->id));
  sheet_int (sheet, STAFF_GROUPS, row->n_groups);
  return TRUE;
}

static gboolean
write_staff (PlXlsxExport  *export,
             GError       **error)
{
  PlReportFilter filter = export_filter (export);
  g_autoptr(GError) failure = NULL;
  Sheet sheet;
  gboolean read;

  if (!sheet_begin (&sheet, export, _("Staff"), staff_columns, N_STAFF_COLUMNS, error))
    return FALSE;

  read = pl_store_report_foreach_staff (export->store, &filter, people_order (export), add_staff,
                                        &sheet, &failure);
  return sheet_pass_done (&sheet, read, failure, error) && sheet_end (&sheet, error);
}

/* A milestone's state on the day the workbook is generated. */
static const char * const milestone_states[] = { "done", "overdue", "to_do", NULL };

static const char *
milestone_state_label (const char *key)
{
  if (g_str_equal (key, "done"))
    return C_("milestone", "Done");
  if (g_str_equal (key, "overdue"))
    return C_("milestone", "Overdue");
  return C_("milestone", "To do");
}

enum
{
  MILESTONE_PLACEMENT,
  MILESTONE_STAFF,
  MILESTONE_EMPLOYER,
  MILESTONE_LABEL,
  MILESTONE_DUE,
  MILESTONE_DONE,
  MILESTONE_STATE,
  N_MILESTONE_COLUMNS
};

static const Column milestone_columns[] = {
  [MILESTONE_PLACEMENT] = { N_("Placement"), 11 },
  [MILESTONE_STAFF] = { N_("Staff member"), 24 },
  [MILESTONE_EMPLOYER] = { N_("Employer"), 30 },
  [MILESTONE_LABEL] = { N_("Milestone"), 42 },
  [MILESTONE_DUE] = { N_("Due"), 12 },
  [MILESTONE_DONE] = { N_("Done"), 12 },
  [MILESTONE_STATE] = { N_("Status"), 10, .choices = milestone_states,
                         .label = milestone_state_label },
};

/* Overdue rows stand out. The state is the one on the generation date (as
 * the Summary says), not a live formula, so that the sheet agrees with the
 * app on that day. */
static gboolean
highlight_overdue (Sheet   *sheet,
                   GError **error)
{
  char column[16];
  g_autofree char *quoted = NULL;
  g_autofree char *formula = NULL;
  lxw_conditional_format format = { 0 };
  lxw_error code;
  g_auto(GStrv) parts = NULL;

  if (sheet->row == 0)
    return TRUE;

  lxw_col_to_name (column, sheet->position[MILESTONE_STATE], LXW_TRUE);
  /* Double quotes in a formula's string are doubled. */
  parts = g_strsplit (milestone_state_label ("overdue"), "\"", -1);
  quoted = g_strjoinv ("\"\"", parts);
  formula = g_strdup_printf ("=%s2=\"%s\"", column, quoted);

  format.type = LXW_CONDITIONAL_TYPE_FORMULA;
  format.value_string = formula;
  format.format = sheet->export->overdue;
  code = worksheet_conditional_format_range (sheet->worksheet, 1, 0, sheet->row,
                                             sheet->n_shown - 1, &format);
  if (code != LXW_NO_ERROR)
    {
      pl_xlsx_set_error (error, sheet->name, code);
      return FALSE;
    }

  return TRUE;
}

/* Writes the milestones of one placement. */
static gboolean
add_milestones (const PlReportMilestones *row,
                gpointer                  user_data)
{
  Sheet *sheet = user_data;
  PlXlsxExport *export = sheet->export;
  g_autofree char *code = NULL;
  const char *staff = row->staff_name;
  char reference[32];

  placement_reference (reference, sizeof reference, row->placement_id);
  if (export->options->anonymise)
    staff = code = pl_xlsx_staff_code (row->staff_id);

  for (guint i = 0; i < row->n_milestones; i++)
    {
      const PlReportMilestone *milestone = &row->milestones[i];
      const char *state;

      if (!sheet_next_row_of_pass (sheet))
        return FALSE;

      if (milestone->done != NULL)
        state = "done";
      else if (strcmp (milestone->due, export->today) < 0)
        state = "overdue";
      else
        state = "to_do";

      sheet_text (sheet, MILESTONE_PLACEMENT, reference);
      sheet_text (sheet, MILESTONE_STAFF, staff);
      sheet_text (sheet, MILESTONE_EMPLOYER, row->employer);
      sheet_text (sheet, MILESTONE_LABEL, milestone->label);
      sheet_date (sheet, MILESTONE_DUE, milestone->due);
      sheet_date (sheet, MILESTONE_DONE, milestone->done);
      sheet_text (sheet, MILESTONE_STATE, milestone_state_label (state));
    }

  return TRUE;
}

static gboolean
write_milestones (PlXlsxExport  *export,
                  GError       **error)
{
  PlReportFilter filter = export_filter (export);
  g_autoptr(GError) failure = NULL;
  Sheet sheet;
  gboolean read;

  if (!sheet_begin (&sheet, export, _("Milestones"), milestone_columns, N_MILESTONE_COLUMNS,
                    error))
    return FALSE;

  read = pl_store_report_foreach_milestones (export->store, &filter, add_milestones, &sheet,
                                             &failure);
  return sheet_pass_done (&sheet, read, failure, error)
         && highlight_overdue (&sheet, error)
         && sheet_end (&sheet, error);
}

enum
{
  OBSERVATION_STAFF,
  OBSERVATION_PARTNER,
  OBSERVATION_PLACEMENT,
  OBSERVATION_PHASE,
  OBSERVATION_DATE,
  OBSERVATION_OBSERVER,
  OBSERVATION_INDEPENDENT,
  OBSERVATION_RATINGS,  /* PL_N_CRITERIA columns */
  OBSERVATION_PROGRESSED = OBSERVATION_RATINGS + PL_N_CRITERIA,
  N_OBSERVATION_COLUMNS
};

/* The criteria are pl_criteria, in order; their labels are the
 * observation record's. */
static const Column observation_columns[] = {
  [OBSERVATION_STAFF] = { N_("Staff member"), 24 },
  [OBSERVATION_PARTNER] = { N_("Partner"), 28 },
  [OBSERVATION_PLACEMENT] = { N_("Placement"), 11 },
  [OBSERVATION_PHASE] = { N_("Before or after"), 21, .enum_type = pl_observation_phase_get_type },
  [OBSERVATION_DATE] = { N_("Date"), 12 },
  [OBSERVATION_OBSERVER] = { N_("Observer"), 22 },
  [OBSERVATION_INDEPENDENT] = { N_("Independent observer"), 12 },
  [OBSERVATION_RATINGS + 0] = { N_("Industry standards and employability"), 14, TRUE },
  [OBSERVATION_RATINGS + 1] = { N_("Use of technology"), 12, TRUE },
  [OBSERVATION_RATINGS + 2] = { N_("Active learning"), 10, TRUE },
  [OBSERVATION_RATINGS + 3] = { N_("Learner engagement"), 11, TRUE },
  [OBSERVATION_RATINGS + 4] = { N_("Equality and diversity"), 11, TRUE },
  [OBSERVATION_RATINGS + 5] = { N_("Differentiation"), 15, TRUE },
  [OBSERVATION_PROGRESSED] = { N_("Learners progressed"), 12 },
};

static gboolean
add_observation (const PlReportObservation *row,
                 gpointer                   user_data)
{
  Sheet *sheet = user_data;

  if (!sheet_next_row_of_pass (sheet))
    return FALSE;

  sheet_staff (sheet, OBSERVATION_STAFF, row->staff_id, row->staff_name);
  sheet_text (sheet, OBSERVATION_PARTNER, row->partner);
  sheet_reference (sheet, OBSERVATION_PLACEMENT, row->placement_id);
  sheet_label (sheet, OBSERVATION_PHASE, PL_TYPE_OBSERVATION_PHASE, row->phase);
  sheet_date (sheet, OBSERVATION_DATE, row->observed_on);
  sheet_person (sheet, OBSERVATION_OBSERVER, row->observer_id, row->observer);
  sheet_bool (sheet, OBSERVATION_INDEPENDENT, row->independent);
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    if (row->ratings[i] != 0)
      sheet_int (sheet, OBSERVATION_RATINGS + i, row->ratings[i]);
  if (row->learners_progressed >= 0)
    sheet_bool (sheet, OBSERVATION_PROGRESSED, row->learners_progressed);
  return TRUE;
}

static gboolean
write_observations (PlXlsxExport  *export,
                    GError       **error)
{
  PlReportFilter filter = export_filter (export);
  g_autoptr(GError) failure = NULL;
  Sheet sheet;
  gboolean read;

  if (!sheet_begin (&sheet, export, _("Observations"), observation_columns,
                    N_OBSERVATION_COLUMNS, error))
    return FALSE;

  read = pl_store_report_foreach_observation (export->store, &filter, add_observation, &sheet,
                                              &failure);
  return sheet_pass_done (&sheet, read, failure, error) && sheet_end (&sheet, error);
}

enum
{
  SURVEY_KIND,
  SURVEY_QUESTION,
  SURVEY_ANSWERS,
  SURVEY_AGREE,
  SURVEY_NEUTRAL,
  SURVEY_DISAGREE,
  SURVEY_AGREE_PERCENT,
  N_SURVEY_COLUMNS
};

static const Column survey_columns[] = {
  [SURVEY_KIND] = { N_("Survey"), 11 },
  [SURVEY_QUESTION] = { N_("Question"), 48 },
  [SURVEY_ANSWERS] = { N_("Answers"), 10, TRUE },
  [SURVEY_AGREE] = { N_("Agree"), 9, TRUE },
  [SURVEY_NEUTRAL] = { N_("Neutral"), 9, TRUE },
  [SURVEY_DISAGREE] = { N_("Disagree"), 9, TRUE },
  [SURVEY_AGREE_PERCENT] = { N_("Agree %"), 9, TRUE },
};

static gboolean
write_survey_rows (Sheet         *sheet,
                   PlSurveyKind   kind,
                   GError       **error)
{
  PlXlsxExport *export = sheet->export;
  PlReportFilter filter = export_filter (export);
  PlRecordClass *klass = NULL;
  g_autoptr(GArray) questions = NULL;
  g_autoptr(GError) failure = NULL;
  gboolean ok = FALSE;

  questions = pl_store_report_survey (export->store, &filter, kind, &failure);
  if (questions == NULL)
    return read_failed (error, sheet->name, failure);

  klass = g_type_class_ref (PL_TYPE_SURVEY_RESPONSE);
  for (guint i = 0; i < questions->len; i++)
    {
      const PlReportAnswers *answers = &g_array_index (questions, PlReportAnswers, i);
      const PlColumn *question = pl_record_class_find_column (klass, answers->question);

      if (!sheet_next_row (sheet, error))
        goto out;

      sheet_text (sheet, SURVEY_KIND, kind == PL_SURVEY_KIND_STUDENT ? _("Students")
                                                                      : _("Employers"));
      sheet_text (sheet, SURVEY_QUESTION, _(question->label));
      sheet_int (sheet, SURVEY_ANSWERS, answers->answered);
      sheet_int (sheet, SURVEY_AGREE, answers->agree);
      sheet_int (sheet, SURVEY_NEUTRAL, answers->neutral);
      sheet_int (sheet, SURVEY_DISAGREE, answers->disagree);
      sheet_percent (sheet, SURVEY_AGREE_PERCENT, pl_stats_percent (answers->agree,
                                                                    answers->answered));
    }
  ok = TRUE;

out:
  g_type_class_unref (klass);
  return ok;
}

static gboolean
write_surveys (PlXlsxExport  *export,
               GError       **error)
{
  Sheet sheet;

  return sheet_begin (&sheet, export, _("Surveys"), survey_columns, N_SURVEY_COLUMNS, error)
         && write_survey_rows (&sheet, PL_SURVEY_KIND_STUDENT, error)
         && write_survey_rows (&sheet, PL_SURVEY_KIND_EMPLOYER, error)
         && sheet_end (&sheet, error);
}

enum
{
  GROUP_NAME,
  GROUP_AREA,
  GROUP_WAVE,
  GROUP_STATUS,
  GROUP_FACILITATOR,
  GROUP_MEMBERS,
  GROUP_ORGANISATIONS,
  GROUP_MEMBER_NAMES,
  GROUP_MEETINGS,
  GROUP_FIRST_MEETING,
  GROUP_LAST_MEETING,
  GROUP_OUTCOMES,
  GROUP_OUTCOME_TITLES,
  N_GROUP_COLUMNS
};

static const Column group_columns[] = {
  [GROUP_NAME] = { N_("Group"), 34 },
  [GROUP_AREA] = { N_("Area"), 17 },
  [GROUP_WAVE] = { N_("Wave"), 6, TRUE },
  [GROUP_STATUS] = { N_("Status"), 10, .enum_type = pl_group_status_get_type },
  [GROUP_FACILITATOR] = { N_("Facilitator"), 20 },
  [GROUP_MEMBERS] = { N_("Members"), 9, TRUE },
  [GROUP_ORGANISATIONS] = { N_("Organisations"), 13, TRUE },
  [GROUP_MEMBER_NAMES] = { N_("Who"), 50 },
  [GROUP_MEETINGS] = { N_("Meetings"), 9, TRUE },
  [GROUP_FIRST_MEETING] = { N_("First meeting"), 12 },
  [GROUP_LAST_MEETING] = { N_("Last meeting"), 12 },
  [GROUP_OUTCOMES] = { N_("Outcomes"), 9, TRUE },
  [GROUP_OUTCOME_TITLES] = { N_("Outcome titles"), 60 },
};

/* "Name (role); …" of a group's members, or their codes (transfer full). */
static char *
group_member_names (PlXlsxExport        *export,
                    const PlReportGroup *group)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < group->n_members; i++)
    {
      const PlReportMember *member = &group->members[i];

      if (text->len > 0)
        g_string_append (text, "; ");
      if (export->options->anonymise)
        {
          g_autofree char *code = pl_xlsx_staff_code (member->staff_id);

          g_string_append (text, code);
        }
      else
        g_string_append (text, member->name);
      if (member->role != NULL && *member->role != '\0')
        g_string_append_printf (text, " (%s)", member->role);
    }

  return g_string_free (text, FALSE);
}

static gboolean
add_group (const PlReportGroup *row,
           gpointer             user_data)
{
  Sheet *sheet = user_data;
  g_autofree char *names = NULL;

  if (!sheet_next_row_of_pass (sheet))
    return FALSE;

  names = group_member_names (sheet->export, row);
  sheet_text (sheet, GROUP_NAME, row->name);
  sheet_label (sheet, GROUP_AREA, PL_TYPE_GROUP_AREA, row->area);
  sheet_int (sheet, GROUP_WAVE, row->wave);
  sheet_label (sheet, GROUP_STATUS, PL_TYPE_GROUP_STATUS, row->status);
  sheet_person (sheet, GROUP_FACILITATOR, row->facilitator_id, row->facilitator);
  sheet_int (sheet, GROUP_MEMBERS, row->n_members);
  sheet_int (sheet, GROUP_ORGANISATIONS, row->n_organisations);
  sheet_text (sheet, GROUP_MEMBER_NAMES, names);
  sheet_int (sheet, GROUP_MEETINGS, row->n_meetings);
  sheet_date (sheet, GROUP_FIRST_MEETING, row->first_meeting);
  sheet_date (sheet, GROUP_LAST_MEETING, row->last_meeting);
  sheet_int (sheet, GROUP_OUTCOMES, row->n_outcomes);
  sheet_text (sheet, GROUP_OUTCOME_TITLES, row->outcome_titles);
  return TRUE;
}

static gboolean
write_groups (PlXlsxExport  *export,
              GError       **error)
{
  PlReportFilter filter = export_filter (export);
  g_autoptr(GError) failure = NULL;
  Sheet sheet;
  gboolean read;

  if (!sheet_begin (&sheet, export, _("Groups"), group_columns, N_GROUP_COLUMNS, error))
    return FALSE;

  read = pl_store_report_foreach_group (export->store, &filter, people_order (export), add_group,
                                        &sheet, &failure);
  return sheet_pass_done (&sheet, read, failure, error) && sheet_end (&sheet, error);
}

/* ------------------------------------------------------------------------
 * The workbook
 */

static void
add_formats (PlXlsxExport *export)
{
  lxw_workbook *workbook = export->workbook;

  export->header = workbook_add_format (workbook);
  format_set_bold (export->header);
  format_set_text_wrap (export->header);
  format_set_align (export->header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (export->header, 0xDDEBF7);
  format_set_bottom (export->header, LXW_BORDER_THIN);

  export->number_header = workbook_add_format (workbook);
  format_set_bold (export->number_header);
  format_set_text_wrap (export->number_header);
  format_set_align (export->number_header, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (export->number_header, LXW_ALIGN_RIGHT);
  format_set_indent (export->number_header, 1);
  format_set_bg_color (export->number_header, 0xDDEBF7);
  format_set_bottom (export->number_header, LXW_BORDER_THIN);

  /* Shown in the reader's own way of writing dates; filtering and sorting
   * work on the underlying date. */
  export->date = workbook_add_format (workbook);
  format_set_num_format (export->date, "d mmm yyyy");
  format_set_align (export->date, LXW_ALIGN_LEFT);

  /* Figures keep a space to their right, so that a narrow column of them
   * does not run into the text of the next column. */
  export->integer = workbook_add_format (workbook);
  format_set_num_format (export->integer, "0");
  format_set_align (export->integer, LXW_ALIGN_RIGHT);
  format_set_indent (export->integer, 1);

  export->percent = workbook_add_format (workbook);
  format_set_num_format (export->percent, "0%");
  format_set_align (export->percent, LXW_ALIGN_RIGHT);
  format_set_indent (export->percent, 1);

  export->title = workbook_add_format (workbook);
  format_set_bold (export->title);
  format_set_font_size (export->title, 18);
  format_set_font_color (export->title, 0x1F4E79);

  export->subtitle = workbook_add_format (workbook);
  format_set_font_size (export->subtitle, 12);
  format_set_font_color (export->subtitle, 0x595959);

  export->heading = workbook_add_format (workbook);
  format_set_bold (export->heading);
  format_set_font_size (export->heading, 13);
  format_set_font_color (export->heading, 0x1F4E79);

  export->note = workbook_add_format (workbook);
  format_set_italic (export->note);
  format_set_font_color (export->note, 0x595959);

  /* Excel's own "Bad" style, which readers recognise. */
  export->overdue = workbook_add_format (workbook);
  format_set_bg_color (export->overdue, 0xFFC7CE);
  format_set_font_color (export->overdue, 0x9C0006);
}

static void
set_properties (PlXlsxExport *export)
{
  g_autofree char *subject = NULL;
  g_autofree char *comments = NULL;
  lxw_doc_properties properties = { 0 };

  if (export->partner_name != NULL)
    subject = g_strdup_printf (_("Partner workbook for %s"), export->partner_name);
  else
    subject = g_strdup (_("Partner workbook for every partner"));
  comments = g_strdup_printf (_("Generated by Placements on %s."), export->today);

  properties.title = (char *) _("Teacher industry placements");
  properties.subject = subject;
  properties.company = export->network_name;
  properties.comments = comments;
  properties.keywords = (char *) (export->options->anonymise ? _("anonymised") : "");
  workbook_set_properties (export->workbook, &properties);
}

/* Frees a workbook that will not be written. workbook_close() would first
 * assemble and compress everything written so far, only for it to be
 * deleted; lxw_workbook_free() does not, but leaves the temporary file of
 * each constant_memory sheet open. */
static void
abandon_workbook (lxw_workbook *workbook)
{
  lxw_worksheet *worksheet;

  LXW_FOREACH_WORKSHEET (worksheet, workbook)
    {
      if (worksheet->optimize_tmpfile != NULL)
        {
          fclose (worksheet->optimize_tmpfile);
          worksheet->optimize_tmpfile = NULL;
        }
    }

  lxw_workbook_free (workbook);
}

static gboolean
find_partner (PlXlsxExport  *export,
              const char    *name,
              GError       **error)
{
  g_autoptr(PlRecord) partner = NULL;
  g_autoptr(GError) failure = NULL;

  /* Partner names are unique without regard to case. */
  partner = pl_store_find_by_name (export->store, PL_TYPE_PARTNER, name, &failure);
  if (partner == NULL)
    {
      if (g_error_matches (failure, PL_ERROR, PL_ERROR_NOT_FOUND))
        g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("No partner is called “%s”."), name);
      else
        g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Could not read the partners: %s"),
                     failure->message);
      return FALSE;
    }

  export->partner_id = pl_record_get_id (partner);
  export->partner_name = g_strdup (pl_record_get_string (partner, "name"));
  return TRUE;
}

static gboolean
count_rows (PlXlsxExport  *export,
            GError       **error)
{
  PlReportFilter filter = export_filter (export);
  g_autoptr(GError) failure = NULL;

  if (!pl_store_report_count_rows (export->store, &filter, &export->total, &failure))
    return read_failed (error, _("Summary"), failure);
  return TRUE;
}

static gboolean
write_sheets (PlXlsxExport  *export,
              GError       **error)
{
  report_progress (export);

  /* The Placements sheet comes before the Employers and Staff sheets,
   * which count its rows. */
  return pl_xlsx_write_summary (export, error)
         && check_cancelled (export, error)
         && write_placements (export, error)
         && write_employers (export, error)
         && write_staff (export, error)
         && write_milestones (export, error)
         && write_observations (export, error)
         && write_surveys (export, error)
         && write_groups (export, error);
}

/**
 * pl_xlsx_staff_code:
 * @staff_id: a staff id
 *
 * Returns: (transfer full): "S-0042" for 42; longer ids keep every digit
 */
char *
pl_xlsx_staff_code (gint64 staff_id)
{
  return g_strdup_printf ("S-%04" G_GINT64_FORMAT, staff_id);
}

/**
 * pl_xlsx_export:
 * @store: the store to read
 * @path: the workbook to write
 * @options: what the workbook covers
 * @cancellable: (nullable): cancels the export
 * @progress: (nullable) (scope call): told of the rows written
 * @user_data: for @progress
 * @error: return location for a #GError
 *
 * Writes the partner workbook. The file is written under a temporary name
 * in the same folder and renamed over @path only once complete, so that
 * @path never holds half a workbook.
 *
 * Returns: %TRUE when @path holds the workbook; otherwise %FALSE with
 *   @error set (%G_IO_ERROR_CANCELLED when cancelled), and nothing written
 */
gboolean
pl_xlsx_export (PlStore              *store,
                const char           *path,
                const PlXlsxOptions  *options,
                GCancellable         *cancellable,
                PlXlsxProgress        progress,
                gpointer              user_data,
                GError              **error)
{
  PlXlsxExport export = { 0 };
  lxw_workbook_options workbook_options = { .constant_memory = LXW_TRUE };
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_path = NULL;
  GDate today;
  gboolean ok = FALSE;
  lxw_error code;
  int fd;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export.store = store;
  export.options = options;
  export.cancellable = cancellable;
  export.progress = progress;
  export.user_data = user_data;
  pl_date_today (&today);
  export.today = pl_date_to_iso (&today);
  export.network_name = pl_store_get_setting (store, "network_name");
  export.hosted = pl_id_counts_new ();
  export.placed = pl_id_counts_new ();

  /* Everything that can be refused is checked before the disk is touched. */
  if (!pl_date_check_iso (options->from, error) || !pl_date_check_iso (options->to, error)
      || (options->partner != NULL && !find_partner (&export, options->partner, error))
      || !check_cancelled (&export, error)
      || !count_rows (&export, error))
    goto out;

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp (temp_path);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved_errno));
      g_clear_pointer (&temp_path, g_free);
      goto out;
    }
  close (fd);

  export.workbook = workbook_new_opt (temp_path, &workbook_options);
  if (export.workbook == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, lxw_strerror (LXW_ERROR_MEMORY_MALLOC_FAILED));
      goto out;
    }

  add_formats (&export);
  set_properties (&export);

  if (!write_sheets (&export, error))
    {
      abandon_workbook (g_steal_pointer (&export.workbook));
      goto out;
    }

  code = workbook_close (g_steal_pointer (&export.workbook));
  if (code != LXW_NO_ERROR)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, lxw_strerror (code));
      goto out;
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot write “%s”: %s"),
                   path, g_strerror (saved_errno));
      goto out;
    }

  g_clear_pointer (&temp_path, g_free);
  export.done = MAX (export.done, export.total);
  report_progress (&export);
  ok = TRUE;

out:
  if (temp_path != NULL)
    g_unlink (temp_path);
  g_hash_table_unref (export.hosted);
  g_hash_table_unref (export.placed);
  g_free (export.partner_name);
  g_free (export.network_name);
  g_free (export.today);

  return ok;
}
