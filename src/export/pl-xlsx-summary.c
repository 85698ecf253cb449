/* pl-xlsx-summary.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-xlsx"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-stats.h"
#include "pl-xlsx-private.h"

/* The Summary sheet: the case study's "numbers involved" and findings, as
 * pl_stats_compute() gives them for the workbook's filter, so that they are
 * the figures `placements-cli stats` prints.
 *
 * The workbook is in constant_memory mode (see pl-xlsx.c), so the sheet is
 * laid out strictly top to bottom: a label in column A, a figure in B, a
 * share in C, and the chart to the right of the sector table. Every figure
 * cell also gets a workbook-wide name (stats_students_reached, …) that
 * formulas elsewhere can use, and that says unambiguously which cell holds
 * which figure. */

#define LABEL_COLUMN 0
#define VALUE_COLUMN 1
#define SHARE_COLUMN 2
#define CHART_COLUMN 4

typedef struct
{
  PlXlsxExport  *export;
  lxw_worksheet *worksheet;
  const char    *name;
  char          *quoted_name;   /* for formulas: 'Summary' */
  lxw_row_t      row;           /* the next row to write */
  lxw_error      code;          /* the first failure */
} Summary;

static void
summary_text (Summary    *summary,
              lxw_col_t   col,
              const char *text,
              lxw_format *format)
{
  if (summary->code == LXW_NO_ERROR)
    summary->code = worksheet_write_string (summary->worksheet, summary->row, col, text, format);
}

static void
summary_number (Summary    *summary,
                lxw_col_t   col,
                double      value,
                lxw_format *format)
{
  if (summary->code == LXW_NO_ERROR)
    summary->code = worksheet_write_number (summary->worksheet, summary->row, col, value,
                                            format);
}

static void
summary_date (Summary    *summary,
              lxw_col_t   col,
              const char *iso)
{
  lxw_datetime datetime;

  if (!pl_xlsx_parse_date (iso, &datetime))
    summary_text (summary, col, iso, NULL);
  else if (summary->code == LXW_NO_ERROR)
    summary->code = worksheet_write_datetime (summary->worksheet, summary->row, col, &datetime,
                                              summary->export->date);
}

/* Names the cell at @col of the current row "stats_NAME". */
static void
summary_define (Summary    *summary,
                lxw_col_t   col,
                const char *name)
{
  char cell[32];
  g_autofree char *defined = NULL;
  g_autofree char *formula = NULL;

  if (summary->code != LXW_NO_ERROR)
    return;

  lxw_rowcol_to_cell_abs (cell, summary->row, col, LXW_TRUE, LXW_TRUE);
  defined = g_strconcat ("stats_", name, NULL);
  formula = g_strdup_printf ("=%s!%s", summary->quoted_name, cell);
  summary->code = workbook_define_name (summary->export->workbook, defined, formula);
}

static void
summary_heading (Summary    *summary,
                 const char *text)
{
  summary->row++;
  summary_text (summary, LABEL_COLUMN, text, summary->export->heading);
  summary->row++;
}

static void
summary_note (Summary    *summary,
              const char *text)
{
  summary_text (summary, LABEL_COLUMN, text, summary->export->note);
  summary->row++;
}

/* A label and a whole number; @name, when not NULL, names the figure. */
static void
summary_count (Summary    *summary,
               const char *label,
               gint64      value,
               const char *name)
{
  summary_text (summary, LABEL_COLUMN, label, NULL);
  summary_number (summary, VALUE_COLUMN, (double) value, summary->export->integer);
  if (name != NULL)
    summary_define (summary, VALUE_COLUMN, name);
  summary->row++;
}

/* A label and a percentage, as `stats` rounds it. */
static void
summary_percent (Summary    *summary,
                 const char *label,
                 gint64      percent,
                 const char *name)
{
  summary_text (summary, LABEL_COLUMN, label, NULL);
  summary_number (summary, VALUE_COLUMN, percent / 100.0, summary->export->percent);
  summary_define (summary, VALUE_COLUMN, name);
  summary->row++;
}

/* A label, a count and its share of @total. */
static void
summary_share (Summary    *summary,
               const char *label,
               gint64      value,
               gint64      total,
               const char *name)
{
  summary_text (summary, LABEL_COLUMN, label, NULL);
  summary_number (summary, VALUE_COLUMN, (double) value, summary->export->integer);
  summary_define (summary, VALUE_COLUMN, name);
  summary_number (summary, SHARE_COLUMN, total > 0 ? (double) value / total : 0,
                  summary->export->percent);
  summary->row++;
}

static void
summary_table_header (Summary    *summary,
                      const char *label,
                      const char *value,
                      const char *share)
{
  summary_text (summary, LABEL_COLUMN, label, summary->export->header);
  summary_text (summary, VALUE_COLUMN, value, summary->export->header);
  if (share != NULL)
    summary_text (summary, SHARE_COLUMN, share, summary->export->header);
  summary->row++;
}

static void
write_heading (Summary *summary)
{
  PlXlsxExport *export = summary->export;
  const PlXlsxOptions *options = export->options;

  summary_text (summary, LABEL_COLUMN, _("Teacher industry placements"), export->title);
  if (summary->code == LXW_NO_ERROR)
    summary->code = worksheet_set_row (summary->worksheet, summary->row, 24, NULL);
  summary->row++;
  if (export->network_name != NULL && *export->network_name != '\0')
    {
      summary_text (summary, LABEL_COLUMN, export->network_name, export->subtitle);
      summary->row++;
    }
  summary->row++;

  summary_text (summary, LABEL_COLUMN, _("Partner"), NULL);
  summary_text (summary, VALUE_COLUMN,
                export->partner_name ? export->partner_name : _("Every partner"), NULL);
  summary->row++;

  if (options->from == NULL && options->to == NULL)
    {
      summary_text (summary, LABEL_COLUMN, _("Period"), NULL);
      summary_text (summary, VALUE_COLUMN, _("All dates"), NULL);
      summary->row++;
    }
  else
    {
      summary_text (summary, LABEL_COLUMN, _("From"), NULL);
      if (options->from != NULL)
        summary_date (summary, VALUE_COLUMN, options->from);
      else
        summary_text (summary, VALUE_COLUMN, _("No limit"), NULL);
      summary->row++;
      summary_text (summary, LABEL_COLUMN, _("To"), NULL);
      if (options->to != NULL)
        summary_date (summary, VALUE_COLUMN, options->to);
      else
        summary_text (summary, VALUE_COLUMN, _("No limit"), NULL);
      summary->row++;
    }

  summary_text (summary, LABEL_COLUMN, _("Generated on"), NULL);
  summary_date (summary, VALUE_COLUMN, export->today);
  summary->row++;

  summary_text (summary, LABEL_COLUMN, _("Anonymised"), NULL);
  summary_text (summary, VALUE_COLUMN,
                options->anonymise
                  ? _("Yes: staff appear as codes such as S-0042, and contact details are left out")
                  : _("No"),
                NULL);
  summary->row++;
}

static void
write_numbers (Summary    *summary,
               JsonObject *root)
{
  JsonObject *placements = json_object_get_object_member (root, "placements");

  summary_heading (summary, _("Numbers involved"));
  summary_count (summary, _("Placements that took place"),
                 json_object_get_int_member (placements, "total"), "placements");
  summary_count (summary, _("Placements cancelled"),
                 json_object_get_int_member (placements, "cancelled"), "cancelled");
  summary_count (summary, _("Employers that hosted a placement"),
                 json_object_get_int_member (root, "employers"), "employers");
  summary_count (summary, _("Sectors"), json_object_get_int_member (root, "sectors"), "sectors");
  summary_count (summary, _("Staff engaged"),
                 json_object_get_int_member (root, "staff_engaged"), "staff_engaged");
  summary_count (summary, _("Colleagues reached by cascading"),
                 json_object_get_int_member (root, "colleagues_reached"), "colleagues_reached");
  summary_count (summary, _("Students reached by cascading"),
                 json_object_get_int_member (root, "students_reached"), "students_reached");
  summary_note (summary, _("A placement took place when it is completed, cascaded or evaluated."));
}

static void
write_observations (Summary    *summary,
                    JsonObject *root)
{
  JsonObject *observations = json_object_get_object_member (root, "observations");
  JsonObject *improved = json_object_get_object_member (observations, "improved");
  gint64 observed = json_object_get_int_member (observations, "staff_observed");

  summary_heading (summary, _("Observed improvements in teaching"));
  summary_count (summary, _("Staff observed before and after their placement"), observed,
                 "staff_observed");
  summary_table_header (summary, _("Criterion"), _("Improved"), _("Share"));
  for (guint i = 0; pl_criteria[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("improved_", pl_criteria[i], NULL);

      summary_share (summary, pl_enum_label (pl_criteria[i]),
                     json_object_get_int_member (improved, pl_criteria[i]), observed, name);
    }
  summary_share (summary, _("Learners progressed"),
                 json_object_get_int_member (observations, "learners_progressed"), observed,
                 "learners_progressed");
  summary_note (summary, _("Ratings run from 1 (outstanding) to 4 (inadequate). A criterion "
                           "improved when the first observation after the placement rates it "
                           "better than the last one before."));
}

static void
write_survey (Summary            *summary,
              JsonObject         *root,
              const char         *member,
              const char         *heading,
              const char         *prefix,
              const char * const *questions)
{
  JsonObject *survey = json_object_get_object_member (root, member);
  JsonObject *agree = json_object_get_object_member (survey, "agree_pct");
  PlRecordClass *klass = g_type_class_ref (PL_TYPE_SURVEY_RESPONSE);
  g_autofree char *responses = g_strconcat (prefix, "_responses", NULL);

  summary_heading (summary, heading);
  summary_count (summary, _("Responses"), json_object_get_int_member (survey, "responses"),
                 responses);
  summary_table_header (summary, _("Question"), _("Agree"), NULL);
  for (guint i = 0; questions[i] != NULL; i++)
    {
      const PlColumn *question = pl_record_class_find_column (klass, questions[i]);
      g_autofree char *name = g_strconcat (prefix, "_", questions[i], NULL);

      summary_percent (summary, _(question->label),
                       json_object_get_int_member (agree, questions[i]), name);
    }

  g_type_class_unref (klass);
}

static void
write_groups (Summary    *summary,
              JsonObject *root)
{
  JsonObject *groups = json_object_get_object_member (root, "groups");
  JsonObject *by_area = json_object_get_object_member (groups, "outcomes_by_area");

  summary_heading (summary, _("Professional exchange groups"));
  summary_count (summary, _("Groups"), json_object_get_int_member (groups, "groups"), "groups");
  summary_count (summary, _("Members"), json_object_get_int_member (groups, "members"),
                 "group_members");
  summary_count (summary, _("Organisations"),
                 json_object_get_int_member (groups, "organisations"), "group_organisations");
  summary_count (summary, _("Outcomes shared"), json_object_get_int_member (groups, "outcomes"),
                 "group_outcomes");
  summary_table_header (summary, _("Outcomes by area"), _("Outcomes"), NULL);
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat ("outcomes_", pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i], NULL);

      summary_count (summary, pl_enum_label (pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i]),
                     json_object_get_int_member (by_area, pl_enum_get_nicks (PL_TYPE_GROUP_AREA)[i]), name);
    }
}

/* A table of (label, count) rows from a JSON object; returns how many. */
static guint
write_count_table (Summary            *summary,
                   JsonObject         *counts,
                   const char         *label_header,
                   gboolean            labels_are_keys)
{
  g_autoptr(GList) members = json_object_get_members (counts);
  guint n = 0;

  summary_table_header (summary, label_header, _("Placements"), NULL);
  for (GList *l = members; l != NULL; l = l->next, n++)
    summary_count (summary, labels_are_keys ? pl_enum_label (l->data) : l->data,
                   json_object_get_int_member (counts, l->data), NULL);

  return n;
}

static void
write_sector_chart (Summary   *summary,
                    lxw_row_t  first,
                    guint      n)
{
  lxw_workbook *workbook = summary->export->workbook;
  lxw_chart_options options = { 0 };
  lxw_chart_fill fill = { .color = 0x2E75B6 };
  lxw_chart *chart;
  lxw_chart_series *series;

  chart = workbook_add_chart (workbook, LXW_CHART_BAR);
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, summary->name, first, LABEL_COLUMN,
                               first + n - 1, LABEL_COLUMN);
  chart_series_set_values (series, summary->name, first, VALUE_COLUMN,
                           first + n - 1, VALUE_COLUMN);
  chart_series_set_name (series, _("Placements"));
  chart_series_set_fill (series, &fill);
  chart_series_set_labels (series);
  chart_set_series_gap (chart, 60);
  chart_title_set_name (chart, _("Placements by sector"));
  chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
  /* In a bar chart libxlsxwriter's y axis is the vertical one, of the
   * categories. Bars read top down in the table's order, largest first. */
  chart_axis_set_reverse (chart->y_axis);
  /* …and the value axis stays below them rather than moving to the top. */
  chart_axis_set_crossing_max (chart->y_axis);
  chart_axis_set_min (chart->x_axis, 0);
  chart_axis_set_num_format (chart->x_axis, "0");

  /* Tall enough for every sector's bar and label. */
  options.x_offset = 8;
  options.x_scale = 1.4;
  options.y_scale = MAX (1.0, (80.0 + 26.0 * n) / 288.0);
  options.description = (char *) _("Bar chart of the placements that took place, by sector");
  if (summary->code == LXW_NO_ERROR)
    summary->code = worksheet_insert_chart_opt (summary->worksheet, first - 1, CHART_COLUMN,
                                                chart, &options);
}

static void
write_tables (Summary    *summary,
              JsonObject *root)
{
  JsonObject *placements = json_object_get_object_member (root, "placements");
  JsonObject *by_sector = json_object_get_object_member (placements, "by_sector");
  lxw_row_t first;
  guint n;

  summary_heading (summary, _("Placements by sector"));
  first = summary->row + 1;
  n = write_count_table (summary, by_sector, _("Sector"), FALSE);
  if (n > 0)
    write_sector_chart (summary, first, n);
  else
    summary_note (summary, _("No placement took place in this period."));

  /* Leave the chart room before the next table when there are few sectors. */
  while (n > 0 && summary->row < first + 12)
    summary->row++;

  summary_heading (summary, _("Placements by status"));
  write_count_table (summary, json_object_get_object_member (placements, "by_status"),
                     _("Status"), TRUE);
  summary_note (summary, _("Every placement in the period, whatever its status."));

  if (summary->export->partner_id == 0)
    {
      summary_heading (summary, _("Placements by partner"));
      write_count_table (summary, json_object_get_object_member (placements, "by_partner"),
                         _("Partner"), FALSE);
    }
}

gboolean
pl_xlsx_write_summary (PlXlsxExport  *export,
                       GError       **error)
{
  PlStatsFilter filter = {
    .partner = export->partner_name,
    .from = export->options->from,
    .to = export->options->to,
  };
  g_autoptr(JsonNode) stats = NULL;
  Summary summary = { 0 };
  JsonObject *root;

  stats = pl_stats_compute (export->store, &filter, error);
  if (stats == NULL)
    return FALSE;
  root = json_node_get_object (stats);

  summary.export = export;
  summary.name = _("Summary");
  summary.worksheet = workbook_add_worksheet (export->workbook, summary.name);
  if (summary.worksheet == NULL)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_FAILED,
                   _("Could not add the %s sheet to the workbook."), summary.name);
      return FALSE;
    }

  {
    g_auto(GStrv) parts = g_strsplit (summary.name, "'", -1);
    g_autofree char *doubled = g_strjoinv ("''", parts);

    summary.quoted_name = g_strdup_printf ("'%s'", doubled);
  }

  summary.code = worksheet_set_column (summary.worksheet, LABEL_COLUMN, LABEL_COLUMN, 52, NULL);
  if (summary.code == LXW_NO_ERROR)
    summary.code = worksheet_set_column (summary.worksheet, VALUE_COLUMN, VALUE_COLUMN, 12, NULL);
  if (summary.code == LXW_NO_ERROR)
    summary.code = worksheet_set_column (summary.worksheet, SHARE_COLUMN, SHARE_COLUMN, 9, NULL);
  worksheet_gridlines (summary.worksheet, LXW_HIDE_ALL_GRIDLINES);
  worksheet_set_paper (summary.worksheet, 9 /* A4 */);
  worksheet_fit_to_pages (summary.worksheet, 1, 0);
  worksheet_activate (summary.worksheet);

  write_heading (&summary);
  write_numbers (&summary, root);
  write_observations (&summary, root);
  write_survey (&summary, root, "student_survey", _("What students said"), "student",
                pl_student_questions);
  write_survey (&summary, root, "employer_survey", _("What employers said"), "employer",
                pl_employer_questions);
  write_tables (&summary, root);
  write_groups (&summary, root);

  g_free (summary.quoted_name);

  if (summary.code != LXW_NO_ERROR)
    {
      pl_xlsx_set_error (error, summary.name, summary.code);
      return FALSE;
    }

  return TRUE;
}
