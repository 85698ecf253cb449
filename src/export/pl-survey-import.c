/* pl-survey-import.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-survey"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-csv-reader.h"
#include "pl-date.h"
#include "pl-store-survey.h"
#include "pl-survey-import.h"
#include "pl-survey.h"

/* Survey exports: one anonymous response a row, as online form tools and
 * spreadsheets write them.
 *
 * The header names each question by its key (learning_improved, …; any
 * case) or by its text: the wording of DESIGN.md and of the app, compared
 * without case, punctuation or spacing, after a leading number such as
 * "Q1." or "3)"; a Google Forms grid column "Title [Question]" is read by
 * the text in brackets. The columns form tools add are known and left
 * alone: identifiers, names and email addresses are never read, so that
 * the responses stay anonymous; a date column (Timestamp, Completion time,
 * Date…) gives the date of the response. Any other column is refused, so
 * that a misspelt question is not taken for an unanswered one. An empty
 * header cell is allowed over an empty column (spreadsheets leave those).
 *
 * A cell is agree, neutral or disagree, or one of the five-point labels
 * ("Strongly agree" and "Agree" count as agree, "Neither agree nor
 * disagree" as neutral, "Disagree" and "Strongly disagree" as disagree),
 * in any case; empty is no answer. A row that answers no question is
 * skipped: it is not a response. A row without a date takes the link's
 * date, or today's. */

/* The most questions a survey has (the student one). */
#define MAX_QUESTIONS 4

typedef enum
{
  ROLE_UNNAMED,   /* no header text: its cells must be empty */
  ROLE_IGNORED,   /* a form tool's column; never read */
  ROLE_DATE,      /* fills responded_on */
  ROLE_QUESTION,
} Role;

typedef struct
{
  Role        role;
  guint       question;   /* ROLE_QUESTION: index in questions */
  char       *header;     /* as written, trimmed */
} Field;

typedef struct
{
  PlStore             *store;
  PlCsvReader         *reader;
  const char          *kind;
  const char * const  *questions;
  guint                n_questions;
  Field               *fields;
  gboolean            *nameless;   /* per field: ROLE_UNNAMED */
  guint                n_fields;
  int                  date_field;
  gint64               placement_id;
  gint64               staff_id;
  gint64               employer_id;
  char                *default_date;
  gint64               rows;
  gint64               empty;
  GPtrArray           *preview;    /* a dry run's first responses, or NULL to write */
  guint                preview_max;
} Import;

/* How people word the questions, besides the app's own labels. */
static const struct
{
  const char *key;
  const char *texts[6];
} question_texts[] = {
  { "learning_improved",
    { "My learning improved through workplace information",
      "My learning has improved through workplace information",
      "Learning improved by workplace information",
      "Learning improved through workplace information",
      "Workplace information improved my learning", NULL } },
  { "employment_opportunities",
    { "I know more about employment opportunities",
      "Know more about employment opportunities",
      "I now know more about employment opportunities", NULL } },
  { "workplace",
    { "I know more about what happens in the workplace",
      "Know more about what happens in the workplace",
      "I now know more about what happens in the workplace", NULL } },
  { "equality_diversity",
    { "I know more about equality and diversity",
      "Know more about equality and diversity",
      "I now know more about equality and diversity", NULL } },
  { "vocational_education_important",
    { "Vocational education is important to our company",
      "Vocational education is important to us",
      "Vocational education important to us",
      "Vocational education is important to our organisation", NULL } },
  { "host_again",
    { "We are more likely to host a teacher placement again",
      "We are more likely to host again",
      "More likely to host again",
      "More likely to host a teacher placement again", NULL } },
  { "work_with_providers",
    { "We are more likely to work with education providers",
      "More likely to work with education providers", NULL } },
};

/* Columns that form tools add, by their normalised header. The date
 * columns come first, in the order of preference. */
static const char * const date_headers[] = {
  "timestamp", "completion time", "submitted at", "submitted on", "submitted",
  "submission date", "date submitted", "end time", "end date", "responded on", "response date",
  "date", "start time", "start date", "created at", "last modified time", NULL
};

static const char * const ignored_headers[] = {
  "id", "response id", "respondent id", "submission id", "collector id", "response number",
  "email", "email address", "e mail", "e mail address", "name", "full name", "first name",
  "last name", "surname", "respondent", "ip address", "user agent", "language", "total points",
  "score", "quiz feedback", "url", "network id", "status", "last page", "custom data", NULL
};

/* Answers, by their normalised text; "" is no answer. */
static const struct
{
  const char *text;
  const char *key;
} answer_texts[] = {
  { "agree", "agree" },
  { "strongly agree", "agree" },
  { "agree strongly", "agree" },
  { "somewhat agree", "agree" },
  { "tend to agree", "agree" },
  { "neutral", "neutral" },
  { "neither agree nor disagree", "neutral" },
  { "neither agree or disagree", "neutral" },
  { "disagree", "disagree" },
  { "strongly disagree", "disagree" },
  { "disagree strongly", "disagree" },
  { "somewhat disagree", "disagree" },
  { "tend to disagree", "disagree" },
  { "", "" },
  { "no answer", "" },
  { "n a", "" },
  { "not applicable", "" },
  { "prefer not to say", "" },
};

/* Lower case, letters and digits only, one space between words;
 * apostrophes vanish so that "don't" and "dont" agree. */
static char *
normalise (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else if (c != '\'' && c != 0x2019)
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* Past a leading "q1 ", "question 2 " or "3 " of a normalised header. */
static const char *
skip_numbering (const char *text)
{
  const char *p = text;

  if (g_str_has_prefix (p, "question "))
    p += strlen ("question ");
  else if (*p == 'q')
    p++;
  if (*p == ' ')
    p++;

  if (!g_ascii_isdigit (*p))
    return text;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p != ' ')
    return text;

  return p + 1;
}

static gboolean
names_question (const char *key,
                const char *normalised)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (PL_TYPE_SURVEY_RESPONSE);
  const PlColumn *column = pl_record_class_find_column (PL_RECORD_CLASS (klass), key);
  const char *labels[4] = { pl_survey_question_label (key), pl_enum_label (key), NULL, NULL };

  /* The English label, whatever the language shown. */
  if (column != NULL)
    labels[2] = column->label;

  for (guint i = 0; i < G_N_ELEMENTS (labels) && labels[i] != NULL; i++)
    {
      g_autofree char *label = normalise (labels[i]);

      if (g_str_equal (label, normalised))
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (question_texts); i++)
    if (g_str_equal (question_texts[i].key, key))
      for (guint j = 0; question_texts[i].texts[j] != NULL; j++)
        {
          g_autofree char *text = normalise (question_texts[i].texts[j]);

          if (g_str_equal (text, normalised))
            return TRUE;
        }

  return FALSE;
}

/**
 * pl_survey_match_question:
 * @kind: "student" or "employer"
 * @header: a column header
 *
 * Returns: the key of the question @header names, or %NULL
 */
const char *
pl_survey_match_question (const char *kind,
                          const char *header)
{
  const char * const *questions = pl_survey_questions (kind);
  g_autofree char *trimmed = NULL;
  const char *candidates[2] = { NULL, NULL };
  g_autofree char *inner = NULL;

  g_return_val_if_fail (questions != NULL, NULL);
  g_return_val_if_fail (header != NULL, NULL);

  trimmed = g_strstrip (g_strdup (header));
  for (guint i = 0; questions[i] != NULL; i++)
    if (g_ascii_strcasecmp (questions[i], trimmed) == 0)
      return questions[i];

  candidates[0] = trimmed;
  /* Google Forms names a grid's rows "Grid title [Row]". */
  if (g_str_has_suffix (trimmed, "]") && strchr (trimmed, '[') != NULL)
    {
      const char *open = strrchr (trimmed, '[');

      inner = g_strndup (open + 1, strlen (open + 1) - 1);
      candidates[1] = inner;
    }

  for (guint c = 0; c < G_N_ELEMENTS (candidates) && candidates[c] != NULL; c++)
    {
      g_autofree char *normalised = normalise (candidates[c]);
      const char *text = skip_numbering (normalised);

      for (guint i = 0; questions[i] != NULL; i++)
        if (g_ascii_strcasecmp (questions[i], text) == 0 || names_question (questions[i], text))
          return questions[i];
    }

  return NULL;
}

/**
 * pl_survey_parse_answer:
 * @text: a cell
 *
 * Returns: "agree", "neutral" or "disagree"; "" for no answer; %NULL when
 *   @text is no answer we know
 */
const char *
pl_survey_parse_answer (const char *text)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  normalised = normalise (text);
  for (guint i = 0; i < G_N_ELEMENTS (answer_texts); i++)
    if (g_str_equal (answer_texts[i].text, normalised))
      return answer_texts[i].key;

  /* What the app shows, in the language it shows it in. */
  for (guint i = 0; pl_enum_get_nicks (PL_TYPE_SURVEY_ANSWER)[i] != NULL; i++)
    {
      g_autofree char *label = normalise (pl_enum_label (pl_enum_get_nicks (PL_TYPE_SURVEY_ANSWER)[i]));

      if (g_str_equal (label, normalised))
        return pl_enum_get_nicks (PL_TYPE_SURVEY_ANSWER)[i];
    }

  return NULL;
}

/* A date as form tools write one, time of day aside: 2026-11-22,
 * 2026/11/22, 22/11/2026 or 22/11/26 (day first, as in the UK). */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  const char *p = text;
  guint numbers[3];
  guint digits[3];

  while (g_ascii_isspace (*p))
    p++;

  for (guint i = 0; i < 3; i++)
    {
      numbers[i] = 0;
      digits[i] = 0;
      while (g_ascii_isdigit (*p) && digits[i] < 5)
        {
          numbers[i] = numbers[i] * 10 + (guint) (*p - '0');
          digits[i]++;
          p++;
        }
      if (digits[i] == 0)
        return FALSE;
      if (i < 2)
        {
          if (*p != '-' && *p != '/' && *p != '.')
            return FALSE;
          p++;
        }
    }
  if (*p != '\0' && *p != ' ' && *p != 'T')
    return FALSE;

  if (digits[0] == 4)
    {
      if (digits[1] > 2 || digits[2] > 2)
        return FALSE;
      if (!g_date_valid_dmy (numbers[2], numbers[1], numbers[0]))
        return FALSE;
      g_date_set_dmy (out, numbers[2], numbers[1], numbers[0]);
      return TRUE;
    }

  if (digits[0] > 2 || digits[1] > 2 || (digits[2] != 2 && digits[2] != 4))
    return FALSE;
  if (digits[2] == 2)
    numbers[2] += 2000;
  if (!g_date_valid_dmy (numbers[0], numbers[1], numbers[2]))
    return FALSE;
  g_date_set_dmy (out, numbers[0], numbers[1], numbers[2]);
  return TRUE;
}

static gboolean
in_list (const char * const *list,
         const char         *text)
{
  return g_strv_contains (list, text);
}

static int
date_rank (const char *normalised)
{
  for (int i = 0; date_headers[i] != NULL; i++)
    if (g_str_equal (date_headers[i], normalised))
      return i;
  return -1;
}

static char *
question_list (const char * const *questions)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; questions[i] != NULL; i++)
    g_string_append_printf (list, "%s%s (“%s”)", i ? ", " : "", questions[i],
                            pl_survey_question_label (questions[i]));
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static gboolean
read_header (Import  *self,
             GError **error)
{
  PlCsvReader *reader = self->reader;
  const char *other_kind = g_str_equal (self->kind, "student") ? "employer" : "student";
  g_autoptr(GError) local_error = NULL;
  g_autofree char *questions = question_list (self->questions);
  int best_date = G_MAXINT;
  guint n_questions = 0;

  if (!pl_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("%s:1:1: the file is empty; its first line should name the questions: %s."),
                   pl_csv_reader_get_filename (reader), questions);
      return FALSE;
    }

  self->n_fields = pl_csv_reader_get_n_fields (reader);
  self->fields = g_new0 (Field, self->n_fields);
  self->nameless = g_new0 (gboolean, self->n_fields);
  self->date_field = -1;

  for (guint f = 0; f < self->n_fields; f++)
    {
      Field *field = &self->fields[f];
      g_autofree char *normalised = NULL;
      const char *key;
      int rank;

      field->header = g_strstrip (g_strdup (pl_csv_reader_get_field (reader, f, NULL)));
      normalised = normalise (field->header);

      if (*field->header == '\0')
        {
          field->role = ROLE_UNNAMED;
          self->nameless[f] = TRUE;
          continue;
        }

      if ((key = pl_survey_match_question (self->kind, field->header)) != NULL)
        {
          field->role = ROLE_QUESTION;
          for (guint i = 0; self->questions[i] != NULL; i++)
            if (g_str_equal (self->questions[i], key))
              field->question = i;

          for (guint g = 0; g < f; g++)
            if (self->fields[g].role == ROLE_QUESTION
                && self->fields[g].question == field->question)
              {
                pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                         _("the question %s has two columns, “%s” and “%s”."),
                                         key, self->fields[g].header, field->header);
                return FALSE;
              }
          n_questions++;
          continue;
        }

      if ((key = pl_survey_match_question (other_kind, field->header)) != NULL)
        {
          pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                   g_str_equal (other_kind, "employer")
                                     ? _("“%s” is a question of the employer survey; import "
                                         "this file as an employer survey.")
                                     : _("“%s” is a question of the student survey; import "
                                         "this file as a student survey."),
                                   field->header);
          return FALSE;
        }

      if ((rank = date_rank (normalised)) >= 0)
        {
          /* The preferred date column becomes ROLE_DATE below. */
          field->role = ROLE_IGNORED;
          if (rank < best_date)
            {
              best_date = rank;
              self->date_field = (int) f;
            }
          continue;
        }

      if (in_list (ignored_headers, normalised))
        {
          field->role = ROLE_IGNORED;
          continue;
        }

      pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                               _("unknown column “%s”: it is not a question of the %s survey, "
                                 "nor a column that form tools add (such as Timestamp or "
                                 "Email). Delete the column, or name it after a question: %s."),
                               field->header, self->kind, questions);
      return FALSE;
    }

  if (self->date_field >= 0)
    self->fields[self->date_field].role = ROLE_DATE;

  if (n_questions == 0)
    {
      pl_csv_reader_set_error (reader, 0, error, PL_ERROR_INVALID,
                               _("no column of the header is a question of the %s survey; "
                                 "name the columns by the questions: %s."),
                               self->kind, questions);
      return FALSE;
    }

  return TRUE;
}

/* Links @response to record @id of @column, unless @id is 0. */
static void
set_link (PlRecord   *response,
          const char *column,
          gint64      id)
{
  if (id > 0)
    pl_record_set_int (response, column, id);
}

static gboolean
import_row (Import  *self,
            GError **error)
{
  PlCsvReader *reader = self->reader;
  guint n_fields = pl_csv_reader_get_n_fields (reader);
  const char *answers[MAX_QUESTIONS] = { NULL };
  g_autofree char *date = NULL;
  g_autoptr(PlRecord) response = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean answered = FALSE;

  if (!pl_csv_reader_check_fields (reader, self->n_fields, self->nameless, error))
    return FALSE;

  for (guint f = 0; f < MIN (n_fields, self->n_fields); f++)
    {
      Field *field = &self->fields[f];
      g_autofree char *text = NULL;
      const char *answer;
      GDate parsed;

      if (field->role == ROLE_IGNORED)
        continue;

      text = g_strstrip (g_strdup (pl_csv_reader_get_field (reader, f, NULL)));

      switch (field->role)
        {
        case ROLE_UNNAMED:
          /* Checked empty above. */
          break;

        case ROLE_DATE:
          if (*text == '\0')
            break;
          if (!parse_date (text, &parsed))
            {
              pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                       _("column “%s”: “%s” is not a date; write it as "
                                         "YYYY-MM-DD or DD/MM/YYYY."),
                                       field->header, text);
              return FALSE;
            }
          date = pl_date_to_iso (&parsed);
          break;

        case ROLE_QUESTION:
          answer = pl_survey_parse_answer (text);
          if (answer == NULL)
            {
              pl_csv_reader_set_error (reader, f, error, PL_ERROR_INVALID,
                                       _("column “%s”: “%s” is not an answer; write agree, "
                                         "neutral or disagree (or a five-point label such as "
                                         "“Strongly agree”), or leave the cell empty for no "
                                         "answer."),
                                       field->header, text);
              return FALSE;
            }
          if (*answer != '\0')
            {
              answers[field->question] = answer;
              answered = TRUE;
            }
          break;

        case ROLE_IGNORED:
        default:
          g_assert_not_reached ();
        }
    }

  /* Nothing answered is no response; the figures would count it. */
  if (!answered)
    {
      self->empty++;
      return TRUE;
    }

  response = pl_record_new (PL_TYPE_SURVEY_RESPONSE);
  pl_record_set_string (response, "kind", self->kind);
  set_link (response, "placement_id", self->placement_id);
  set_link (response, "staff_id", self->staff_id);
  set_link (response, "employer_id", self->employer_id);
  pl_record_set_string (response, "responded_on", date != NULL ? date : self->default_date);
  for (guint i = 0; i < self->n_questions; i++)
    if (answers[i] != NULL)
      pl_record_set_string (response, self->questions[i], answers[i]);

  if (self->preview != NULL)
    {
      if (self->preview->len < self->preview_max)
        g_ptr_array_add (self->preview, g_steal_pointer (&response));
    }
  else if (!pl_store_survey_add (self->store, response, &local_error))
    {
      pl_csv_reader_set_error (reader, 0, error, PL_ERROR_FAILED,
                               _("the database refused the response: %s"),
                               local_error->message);
      return FALSE;
    }

  self->rows++;
  return TRUE;
}

static gboolean
import_all (Import  *self,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!read_header (self, error))
    return FALSE;

  while (pl_csv_reader_next (self->reader, &local_error))
    if (!import_row (self, error))
      return FALSE;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Whether the record of @type numbered @id exists; FALSE with @error set
 * only when the database cannot be read. */
static gboolean
record_exists (PlStore  *store,
               GType     type,
               gint64    id,
               GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PlRecord) record = pl_store_get (store, type, id, &local_error);

  if (record == NULL && !g_error_matches (local_error, PL_ERROR, PL_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return record != NULL;
}

/* Checks that the linked records exist. */
static gboolean
resolve_link (Import              *self,
              const PlSurveyLink  *link,
              GError             **error)
{
  g_autoptr(GError) local_error = NULL;

  if (link == NULL)
    return TRUE;

  if (link->placement_id > 0
      && !record_exists (self->store, PL_TYPE_PLACEMENT, link->placement_id, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("There is no placement with the id %" G_GINT64_FORMAT "."),
                     link->placement_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (link->staff_id > 0
      && !record_exists (self->store, PL_TYPE_STAFF, link->staff_id, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("There is no staff member with the id %" G_GINT64_FORMAT "."),
                     link->staff_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (link->employer_id > 0
      && !record_exists (self->store, PL_TYPE_EMPLOYER, link->employer_id, &local_error))
    {
      if (local_error == NULL)
        g_set_error (&local_error, PL_ERROR, PL_ERROR_NOT_FOUND,
                     _("There is no employer with the id %" G_GINT64_FORMAT "."),
                     link->employer_id);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->placement_id = link->placement_id;
  self->staff_id = link->staff_id;
  /* An employer survey linked to a placement is linked to its host by
   * the store. */
  self->employer_id = link->employer_id;

  if (link->date != NULL)
    {
      if (!pl_date_check_iso (link->date, error))
        return FALSE;
      self->default_date = g_strdup (link->date);
    }

  return TRUE;
}

static void
import_clear (Import *self)
{
  for (guint i = 0; i < self->n_fields; i++)
    g_free (self->fields[i].header);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->nameless, g_free);
  g_clear_pointer (&self->default_date, g_free);
}

/* Reads the whole text with @self set up: writes in one transaction, or
 * only reads when self->preview is set. */
static gboolean
run (Import              *self,
     const char          *kind,
     const char          *data,
     gsize                length,
     const char          *filename,
     const PlSurveyLink  *link,
     PlCsvFormat         *format,
     GError             **error)
{
  g_autoptr(PlCsvReader) reader = NULL;
  gboolean ok;

  self->kind = g_str_equal (kind, "student") ? "student" : "employer";
  self->questions = pl_survey_questions (kind);
  self->n_questions = g_strv_length ((char **) self->questions);
  g_assert (self->n_questions <= MAX_QUESTIONS);

  if (!resolve_link (self, link, error))
    return FALSE;
  if (self->default_date == NULL)
    {
      GDate today;

      pl_date_today (&today);
      self->default_date = pl_date_to_iso (&today);
    }

  reader = pl_csv_reader_new (data, length, filename);
  self->reader = reader;

  if (self->preview == NULL && !pl_store_begin (self->store, error))
    return FALSE;

  ok = import_all (self, error);
  if (format != NULL)
    *format = *pl_csv_reader_get_format (reader);
  self->reader = NULL;

  if (self->preview != NULL)
    return ok;

  if (!ok)
    {
      pl_store_rollback (self->store);
      return FALSE;
    }

  return pl_store_commit (self->store, error);
}

/**
 * pl_survey_import_data:
 * @filename: the name messages give the text
 *
 * Imports a survey export held in memory; see pl_survey_import_file().
 */
gboolean
pl_survey_import_data (PlStore             *store,
                       const char          *kind,
                       const char          *data,
                       gsize                length,
                       const char          *filename,
                       const PlSurveyLink  *link,
                       gint64              *n_rows,
                       gint64              *n_empty,
                       PlCsvFormat         *format,
                       GError             **error)
{
  Import self = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (pl_survey_questions (kind) != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  self.store = store;
  ok = run (&self, kind, data, length, filename, link, format, error);
  import_clear (&self);
  if (!ok)
    return FALSE;

  if (n_rows != NULL)
    *n_rows = self.rows;
  if (n_empty != NULL)
    *n_empty = self.empty;
  return TRUE;
}

/**
 * pl_survey_preview_file:
 * @max_responses: how many of the first responses to keep
 * @preview: (out caller-allocates): what an import would add; clear it
 *   with pl_survey_preview_clear(), whatever the outcome
 *
 * Reads @path as pl_survey_import_file() would, with the same checks and
 * the same messages, and writes nothing.
 *
 * Returns: %TRUE when the import would succeed
 */
gboolean
pl_survey_preview_file (PlStore             *store,
                        const char          *kind,
                        const char          *path,
                        const PlSurveyLink  *link,
                        guint                max_responses,
                        PlSurveyPreview     *preview,
                        GError             **error)
{
  g_autoptr(GMappedFile) file = NULL;
  Import self = { 0 };
  gboolean ok;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (pl_survey_questions (kind) != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (preview != NULL, FALSE);

  memset (preview, 0, sizeof *preview);
  preview->responses = g_ptr_array_new_with_free_func (g_object_unref);
  preview->format.separator = ',';

  file = pl_csv_map_file (path, error);
  if (file == NULL)
    return FALSE;

  self.store = store;
  self.preview = preview->responses;
  self.preview_max = max_responses;
  ok = run (&self, kind, g_mapped_file_get_contents (file), g_mapped_file_get_length (file), path,
            link, &preview->format, error);
  import_clear (&self);

  preview->n_rows = self.rows;
  preview->n_empty = self.empty;
  return ok;
}

void
pl_survey_preview_clear (PlSurveyPreview *preview)
{
  g_return_if_fail (preview != NULL);
  g_clear_pointer (&preview->responses, g_ptr_array_unref);
}

/**
 * pl_survey_import_file:
 * @store: a store
 * @kind: "student" or "employer"
 * @path: the CSV file
 * @link: (nullable): what the responses are linked to, and their date
 * @n_rows: (out) (optional): the responses added
 * @n_empty: (out) (optional): the rows skipped because they answered nothing
 * @format: (out) (optional): how the file was read
 * @error: return location for a #GError
 *
 * Returns: TRUE when every row was imported; FALSE with nothing written
 */
gboolean
pl_survey_import_file (PlStore             *store,
                       const char          *kind,
                       const char          *path,
                       const PlSurveyLink  *link,
                       gint64              *n_rows,
                       gint64              *n_empty,
                       PlCsvFormat         *format,
                       GError             **error)
{
  g_autoptr(GMappedFile) file = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = pl_csv_map_file (path, error);
  if (file == NULL)
    return FALSE;

  return pl_survey_import_data (store, kind, g_mapped_file_get_contents (file),
                                g_mapped_file_get_length (file), path, link, n_rows, n_empty,
                                format, error);
}
