/* xlsx-plain.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* xlsx-plain --seed N --placements N OUT.xlsx
 *
 * The benchmark's baseline: the cells of the partner workbook's seven
 * table sheets for the network of xlsx-model.h, written with libxlsxwriter
 * alone in constant_memory mode, with the same formats, widths, filters and
 * drop-down lists, and no database or application around it. (It leaves
 * out the Summary sheet, a hundred cells.) xlsx-bench --verify checks that
 * its cells equal the app's. */

#include <stdio.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include "xlsx-model.h"

static const char * const status_labels[] = {
  "Request", "Proposed", "Agreed", "Confirmed", "Completed", "Cascaded", "Evaluated", "Cancelled",
  NULL,
};
static const char * const size_labels[] = {
  "Micro (under 10)", "Small (10–49)", "Medium (50–249)", "Large (250 or more)",
};
static const char * const stage_labels[] = {
  "Prospect", "Contacted", "Warm", "Host", "Lapsed", NULL,
};
static const char * const aim_labels[] = {
  "Improve teaching, learning and assessment", "Forge links with industry",
  "Impartial information, advice and guidance",
  "Keep teaching in line with current industrial practice",
  "Work-placement or employer-engagement hours", "Relevance to T Levels",
  "Update commercial and industrial expertise",
};
static const char * const state_labels[] = { "Done", "Overdue", "To do", NULL };
static const char * const phase_labels[] = { "Before the placement", "After the placement", NULL };

typedef struct { const char *title; double width; gboolean number; } Col;

static lxw_workbook *workbook;
static lxw_format *header, *number_header, *date_format, *integer, *percent, *overdue;

static void
check (lxw_error code)
{
  if (code != LXW_NO_ERROR)
    {
      fprintf (stderr, "xlsx-plain: %s\n", lxw_strerror (code));
      exit (1);
    }
}

static lxw_worksheet *
begin (const char *name, const Col *cols, guint n)
{
  lxw_worksheet *ws = workbook_add_worksheet (workbook, name);
  gboolean tall = FALSE;

  for (guint i = 0; i < n; i++)
    if (g_utf8_strlen (cols[i].title, -1) > cols[i].width)
      tall = TRUE;
  if (tall)
    check (worksheet_set_row (ws, 0, 30, NULL));
  for (guint i = 0; i < n; i++)
    {
      check (worksheet_set_column (ws, i, i, cols[i].width, NULL));
      check (worksheet_write_string (ws, 0, i, cols[i].title,
                                     cols[i].number ? number_header : header));
    }
  worksheet_freeze_panes (ws, 1, 0);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9);
  worksheet_fit_to_pages (ws, 1, 0);
  check (worksheet_repeat_rows (ws, 0, 0));
  return ws;
}

static void
end (lxw_worksheet *ws, lxw_row_t rows, guint n, int list_col, const char * const *list)
{
  check (worksheet_autofilter (ws, 0, 0, rows, n - 1));
  if (list != NULL && rows > 0)
    {
      lxw_data_validation validation = { 0 };

      validation.validate = LXW_VALIDATION_TYPE_LIST;
      validation.value_list = (char **) list;
      check (worksheet_data_validation_range (ws, 1, list_col, rows, list_col, &validation));
    }
}

static void
text (lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
  if (s != NULL && *s != '\0')
    check (worksheet_write_string (ws, r, c, s, NULL));
}

static void
number (lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v)
{
  check (worksheet_write_number (ws, r, c, v, integer));
}

static void
date (lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const GDate *d)
{
  lxw_datetime dt = { g_date_get_year (d), g_date_get_month (d), g_date_get_day (d), 0, 0, 0 };

  check (worksheet_write_datetime (ws, r, c, &dt, date_format));
}

static void
reference (lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, guint id)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "P-%04u", id);
  text (ws, r, c, buf);
}

static int
compare_names (const char *a, guint ia, const char *b, guint ib)
{
  int order = g_ascii_strcasecmp (a, b);

  return order != 0 ? order : (ia < ib ? -1 : ia > ib);
}

static ModelStaff *staff;
static ModelEmployer *employers;
static ModelPartner partners[MODEL_PARTNERS];

static int
compare_staff (gconstpointer a, gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return compare_names (staff[ia].name, ia, staff[ib].name, ib);
}

static int
compare_employers (gconstpointer a, gconstpointer b)
{
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  return compare_names (employers[ia].name, ia, employers[ib].name, ib);
}

typedef struct { guint32 julian; guint32 seq; guint32 placement; } Obs;

static int
compare_obs (gconstpointer a, gconstpointer b)
{
  const Obs *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

int
main (int argc, char *argv[])
{
  guint64 seed = 1;
  guint n = 100000, n_staff, n_employers;
  const char *path = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  ModelPlacement *placements;
  guint *order, *hosted, *placed;
  GArray *observations;
  char *aims_cache[128] = { NULL };
  lxw_worksheet *ws;
  lxw_row_t row;
  GDate today;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        seed = g_ascii_strtoull (argv[++i], NULL, 10);
      else if (g_str_equal (argv[i], "--placements") && i + 1 < argc)
        n = (guint) g_ascii_strtoull (argv[++i], NULL, 10);
      else
        path = argv[i];
    }
  if (path == NULL || n < 20)
    {
      fprintf (stderr, "usage: xlsx-plain [--seed N] [--placements N] OUT.xlsx\n");
      return 2;
    }
  n_staff = n / 5;
  n_employers = n / 20;
  g_date_clear (&today, 1);
  g_date_set_parse (&today, MODEL_TODAY);

  /* The model, computed as the generator computed it. */
  for (guint i = 0; i < MODEL_PARTNERS; i++)
    model_partner (seed, i, &partners[i]);
  staff = g_new (ModelStaff, n_staff);
  for (guint i = 0; i < n_staff; i++)
    model_staff (seed, i, &staff[i]);
  employers = g_new (ModelEmployer, n_employers);
  for (guint i = 0; i < n_employers; i++)
    model_employer (seed, i, n_staff, &employers[i]);
  placements = g_new (ModelPlacement, n);
  hosted = g_new0 (guint, n_employers);
  placed = g_new0 (guint, n_staff);
  for (guint i = 0; i < n; i++)
    {
      model_placement (seed, i, n_staff, n_employers, &placements[i]);
      if (placements[i].employer >= 0)
        {
          placements[i].sector = employers[placements[i].employer].sector;
          hosted[placements[i].employer]++;
        }
      placed[placements[i].staff]++;
    }

  workbook = workbook_new_opt (path, &options);
  header = workbook_add_format (workbook);
  format_set_bold (header);
  format_set_text_wrap (header);
  format_set_align (header, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_bottom (header, LXW_BORDER_THIN);
  number_header = workbook_add_format (workbook);
  format_set_bold (number_header);
  format_set_text_wrap (number_header);
  format_set_align (number_header, LXW_ALIGN_VERTICAL_TOP);
  format_set_align (number_header, LXW_ALIGN_RIGHT);
  format_set_indent (number_header, 1);
  format_set_bg_color (number_header, 0xDDEBF7);
  format_set_bottom (number_header, LXW_BORDER_THIN);
  date_format = workbook_add_format (workbook);
  format_set_num_format (date_format, "d mmm yyyy");
  format_set_align (date_format, LXW_ALIGN_LEFT);
  integer = workbook_add_format (workbook);
  format_set_num_format (integer, "0");
  format_set_align (integer, LXW_ALIGN_RIGHT);
  format_set_indent (integer, 1);
  percent = workbook_add_format (workbook);
  format_set_num_format (percent, "0%");
  format_set_align (percent, LXW_ALIGN_RIGHT);
  format_set_indent (percent, 1);
  overdue = workbook_add_format (workbook);
  format_set_bg_color (overdue, 0xFFC7CE);
  format_set_font_color (overdue, 0x9C0006);

  /* Placements */
  {
    static const Col cols[] = {
      { "Reference", 11 }, { "Staff member", 24 }, { "Partner", 28 }, { "Employer", 30 },
      { "Sector", 30 }, { "Status", 12 }, { "First day", 12 }, { "Last day", 12 },
      { "Days", 7, TRUE }, { "Aims", 60 }, { "Cascaded to", 28 }, { "People reached", 9, TRUE },
    };

    ws = begin ("Placements", cols, G_N_ELEMENTS (cols));
    for (row = 1; row <= n; row++)
      {
        ModelPlacement *p = &placements[row - 1];
        ModelStaff *s = &staff[p->staff];
        guint aims = p->aims & 0x7f;

        if (aims_cache[aims] == NULL)
          {
            GString *joined = g_string_new (NULL);

            for (guint a = 0; a < 7; a++)
              if (aims & (1u << a))
                g_string_append_printf (joined, "%s%s", joined->len ? "; " : "", aim_labels[a]);
            aims_cache[aims] = g_string_free (joined, FALSE);
          }

        reference (ws, row, 0, row);
        text (ws, row, 1, s->name);
        text (ws, row, 2, partners[s->partner].partner);
        if (p->employer >= 0)
          text (ws, row, 3, employers[p->employer].name);
        text (ws, row, 4, model_sectors[p->sector]);
        text (ws, row, 5, status_labels[p->status]);
        if (p->n_days > 0)
          {
            GDate last = p->first;

            g_date_add_days (&last, p->n_days - 1);
            date (ws, row, 6, &p->first);
            date (ws, row, 7, &last);
          }
        number (ws, row, 8, p->n_days);
        text (ws, row, 9, aims_cache[aims]);
        if (p->colleagues > 0)
          {
            text (ws, row, 10, "Colleagues; Students");
            number (ws, row, 11, p->colleagues + p->students);
          }
      }
    end (ws, n, G_N_ELEMENTS (cols), 5, status_labels);
  }

  /* Employers, by name */
  {
    static const Col cols[] = {
      { "Employer", 30 }, { "Sector", 30 }, { "Size", 19 }, { "Address", 36 },
      { "Postcode", 10 }, { "Website", 32 }, { "Relationship", 13 }, { "Capacity", 9, TRUE },
      { "Notice needed (weeks)", 9, TRUE }, { "Placements", 11, TRUE }, { "Last contact", 12 },
      { "Relationship owner", 22 }, { "Contact name", 22 }, { "Contact email", 34 },
      { "Contact phone", 15 },
    };

    order = g_new (guint, n_employers);
    for (guint i = 0; i < n_employers; i++)
      order[i] = i;
    qsort (order, n_employers, sizeof *order, (int (*) (const void *, const void *)) compare_employers);
    ws = begin ("Employers", cols, G_N_ELEMENTS (cols));
    for (row = 1; row <= n_employers; row++)
      {
        ModelEmployer *e = &employers[order[row - 1]];

        text (ws, row, 0, e->name);
        text (ws, row, 1, model_sectors[e->sector]);
        text (ws, row, 2, size_labels[e->size]);
        text (ws, row, 3, e->address);
        text (ws, row, 4, e->postcode);
        text (ws, row, 5, e->website);
        text (ws, row, 6, stage_labels[e->stage]);
        number (ws, row, 7, e->capacity);
        number (ws, row, 8, e->notice_weeks);
        number (ws, row, 9, hosted[order[row - 1]]);
        text (ws, row, 11, staff[e->owner].name);
        text (ws, row, 12, e->contact_name);
        text (ws, row, 13, e->contact_email);
        text (ws, row, 14, e->contact_phone);
      }
    end (ws, n_employers, G_N_ELEMENTS (cols), 6, stage_labels);
    g_free (order);
  }

  /* Staff, by name */
  {
    static const Col cols[] = {
      { "Staff member", 24 }, { "Partner", 28 }, { "Job title", 30 }, { "Sector", 30 },
      { "Curriculum area", 26 }, { "Email", 40 }, { "Phone", 15 }, { "Placements", 11, TRUE },
      { "Exchange groups", 9, TRUE },
    };

    order = g_new (guint, n_staff);
    for (guint i = 0; i < n_staff; i++)
      order[i] = i;
    qsort (order, n_staff, sizeof *order, (int (*) (const void *, const void *)) compare_staff);
    ws = begin ("Staff", cols, G_N_ELEMENTS (cols));
    for (row = 1; row <= n_staff; row++)
      {
        ModelStaff *s = &staff[order[row - 1]];

        text (ws, row, 0, s->name);
        text (ws, row, 1, partners[s->partner].partner);
        text (ws, row, 2, s->job_title);
        text (ws, row, 3, model_sectors[s->sector]);
        text (ws, row, 4, s->curriculum);
        text (ws, row, 5, s->email);
        text (ws, row, 6, s->phone);
        number (ws, row, 7, placed[order[row - 1]]);
        number (ws, row, 8, 0);
      }
    end (ws, n_staff, G_N_ELEMENTS (cols), -1, NULL);
    g_free (order);
  }

  /* Milestones, by placement and due date */
  {
    static const Col cols[] = {
      { "Placement", 11 }, { "Staff member", 24 }, { "Employer", 30 }, { "Milestone", 42 },
      { "Due", 12 }, { "Done", 12 }, { "Status", 10 },
    };
    lxw_conditional_format format = { 0 };

    ws = begin ("Milestones", cols, G_N_ELEMENTS (cols));
    row = 0;
    for (guint i = 0; i < n; i++)
      {
        ModelPlacement *p = &placements[i];

        for (guint m = 0; p->n_days > 0 && m < MODEL_MILESTONES; m++)
          {
            GDate due;
            gboolean done = model_milestone (seed, i, m, p, &due);

            row++;
            reference (ws, row, 0, i + 1);
            text (ws, row, 1, staff[p->staff].name);
            if (p->employer >= 0)
              text (ws, row, 2, employers[p->employer].name);
            text (ws, row, 3, model_milestones[m].label);
            date (ws, row, 4, &due);
            if (done)
              date (ws, row, 5, &due);
            text (ws, row, 6, done ? "Done" : g_date_compare (&due, &today) < 0 ? "Overdue"
                                                                                 : "To do");
          }
      }
    format.type = LXW_CONDITIONAL_TYPE_FORMULA;
    format.value_string = "=$G2=\"Overdue\"";
    format.format = overdue;
    check (worksheet_conditional_format_range (ws, 1, 0, row, 6, &format));
    end (ws, row, G_N_ELEMENTS (cols), 6, state_labels);
  }

  /* Observations, by date */
  {
    static const Col cols[] = {
      { "Staff member", 24 }, { "Partner", 28 }, { "Placement", 11 }, { "Before or after", 21 },
      { "Date", 12 }, { "Observer", 22 }, { "Independent observer", 12 },
      { "Industry standards and employability", 14, TRUE }, { "Use of technology", 12, TRUE },
      { "Active learning", 10, TRUE }, { "Learner engagement", 11, TRUE },
      { "Equality and diversity", 11, TRUE }, { "Differentiation", 15, TRUE },
      { "Learners progressed", 12 },
    };

    observations = g_array_new (FALSE, FALSE, sizeof (Obs));
    for (guint i = 0; i < n; i++)
      for (guint after = 0; placements[i].observed && after < 2; after++)
        {
          GDate d;
          Obs obs = { 0, observations->len, i };

          model_observation_date (&placements[i], after, &d);
          obs.julian = g_date_get_julian (&d);
          g_array_append_val (observations, obs);
        }
    g_array_sort (observations, compare_obs);

    ws = begin ("Observations", cols, G_N_ELEMENTS (cols));
    for (row = 1; row <= observations->len; row++)
      {
        Obs *obs = &g_array_index (observations, Obs, row - 1);
        ModelPlacement *p = &placements[obs->placement];
        gboolean after = obs->seq % 2 == 1;
        const guint *ratings = after ? p->after : p->before;
        GDate d;

        g_date_clear (&d, 1);
        g_date_set_julian (&d, obs->julian);
        text (ws, row, 0, staff[p->staff].name);
        text (ws, row, 1, partners[staff[p->staff].partner].partner);
        reference (ws, row, 2, obs->placement + 1);
        text (ws, row, 3, phase_labels[after]);
        date (ws, row, 4, &d);
        text (ws, row, 5, after ? p->observer_after : p->observer_before);
        text (ws, row, 6, p->independent ? "Yes" : "No");
        for (guint c = 0; c < MODEL_CRITERIA; c++)
          number (ws, row, 7 + c, ratings[c]);
        text (ws, row, 13, p->progressed ? "Yes" : "No");
      }
    end (ws, observations->len, G_N_ELEMENTS (cols), 3, phase_labels);
    g_array_unref (observations);
  }

  /* Surveys: the questions, with no responses in this network */
  {
    static const Col cols[] = {
      { "Survey", 11 }, { "Question", 48 }, { "Answers", 10, TRUE }, { "Agree", 9, TRUE },
      { "Neutral", 9, TRUE }, { "Disagree", 9, TRUE }, { "Agree %", 9, TRUE },
    };
    static const char * const questions[][2] = {
      { "Students", "Learning improved by workplace information" },
      { "Students", "Know more about employment opportunities" },
      { "Students", "Know more about what happens in the workplace" },
      { "Students", "Know more about equality and diversity" },
      { "Employers", "Vocational education is important to us" },
      { "Employers", "More likely to host again" },
      { "Employers", "More likely to work with education providers" },
    };

    ws = begin ("Surveys", cols, G_N_ELEMENTS (cols));
    for (row = 1; row <= G_N_ELEMENTS (questions); row++)
      {
        text (ws, row, 0, questions[row - 1][0]);
        text (ws, row, 1, questions[row - 1][1]);
        for (guint c = 2; c < 6; c++)
          number (ws, row, c, 0);
        check (worksheet_write_number (ws, row, 6, 0, percent));
      }
    end (ws, G_N_ELEMENTS (questions), G_N_ELEMENTS (cols), -1, NULL);
  }

  /* Groups: none in this network */
  {
    static const Col cols[] = {
      { "Group", 34 }, { "Area", 17 }, { "Wave", 6, TRUE }, { "Status", 10 },
      { "Facilitator", 20 }, { "Members", 9, TRUE }, { "Organisations", 13, TRUE },
      { "Who", 50 }, { "Meetings", 9, TRUE }, { "First meeting", 12 }, { "Last meeting", 12 },
      { "Outcomes", 9, TRUE }, { "Outcome titles", 60 },
    };

    ws = begin ("Groups", cols, G_N_ELEMENTS (cols));
    end (ws, 0, G_N_ELEMENTS (cols), -1, NULL);
  }

  check (workbook_close (workbook));

  for (guint i = 0; i < G_N_ELEMENTS (aims_cache); i++)
    g_free (aims_cache[i]);
  g_free (placements);
  g_free (hosted);
  g_free (placed);
  g_free (staff);
  g_free (employers);
  return 0;
}
