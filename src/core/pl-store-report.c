/* pl-store-report.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-store-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-store-private.h"
#include "pl-store-report.h"
#include "pl-survey.h"

/* Every query takes ?1 = partner id, ?2 = from, ?3 = to, each NULL for "no
 * limit" (a statement that does not use one ignores it). */

#define FIRST_DAY(id) "(SELECT min(day) FROM placement_day d WHERE d.placement_id = " id ")"

/* ?2 <= day <= ?3, as in pl-stats.c: one BETWEEN, so that a day found by a
 * subquery is looked up once rather than once per bound, and not at all
 * without a period. Days are valid ISO dates (the schema checks), which sort
 * as text between '' and '9999-12-31'. */
#define IN_PERIOD(day) \
  "((?2 IS NULL AND ?3 IS NULL)" \
  " OR " day " BETWEEN coalesce(?2, '') AND coalesce(?3, '9999-12-31'))"

#define PLACEMENT_IN_SCOPE(p, s) \
  "(?1 IS NULL OR " s ".partner_id = ?1) AND " IN_PERIOD (FIRST_DAY (p ".id"))

/* Materialised: the tables that join it would otherwise evaluate the
 * filter again for every row they hold. */
#define SCOPE_CTE \
  "WITH scope AS MATERIALIZED (" \
  "  SELECT p.id, p.staff_id, p.employer_id FROM placement p JOIN staff s ON s.id = p.staff_id" \
  "  WHERE " PLACEMENT_IN_SCOPE ("p", "s") ") "

#define OBSERVATION_IN_SCOPE(o, s) \
  "(?1 IS NULL OR " s ".partner_id = ?1) AND " \
  IN_PERIOD ("(CASE WHEN " o ".placement_id IS NULL THEN " o ".observed_on" \
             " ELSE " FIRST_DAY (o ".placement_id") " END)")

#define GROUP_IN_SCOPE(g) \
  "(?1 IS NULL OR EXISTS (SELECT 1 FROM group_member m JOIN staff s ON s.id = m.staff_id" \
  "                       WHERE m.group_id = " g ".id AND s.partner_id = ?1))" \
  " AND ((?2 IS NULL AND ?3 IS NULL)" \
  "      OR EXISTS (SELECT 1 FROM group_meeting gm WHERE gm.group_id = " g ".id" \
  "                 AND (?2 IS NULL OR gm.meeting_date >= ?2)" \
  "                 AND (?3 IS NULL OR gm.meeting_date <= ?3)))"

/* The staff member a free-text name (an observer, a facilitator) is, if
 * any: the same name, ignoring case. */
#define STAFF_NAMED(text) \
  "(SELECT min(id) FROM staff WHERE name = trim(" text ") COLLATE NOCASE)"

static const char totals_sql[] =
  SCOPE_CTE
  "SELECT (SELECT count(*) FROM scope)"
  "     + (SELECT count(*) FROM milestone WHERE placement_id IN (SELECT id FROM scope))"
  "     + (SELECT count(*) FROM employer"
  "        WHERE ?1 IS NULL OR id IN (SELECT employer_id FROM scope))"
  "     + (SELECT count(*) FROM staff WHERE ?1 IS NULL OR partner_id = ?1)"
  "     + (SELECT count(*) FROM observation o JOIN staff s ON s.id = o.staff_id"
  "        WHERE " OBSERVATION_IN_SCOPE ("o", "s") ")"
  "     + (SELECT count(*) FROM exchange_group eg WHERE " GROUP_IN_SCOPE ("eg") ")";

/* A placement's days come as one text, "FIRST LAST COUNT" (see
 * parse_days()): one lookup of its days rather than three, a fifth of the
 * time this statement takes. The audiences may repeat; audience_mask()
 * reads each once. */
static const char placements_sql[] =
  "SELECT p.id, p.staff_id, s.name, pa.name, e.name, sec.name, p.status,"
  "       (SELECT min(day) || ' ' || max(day) || ' ' || count(*)"
  "        FROM placement_day d WHERE d.placement_id = p.id),"
  "       p.aims,"
  "       (SELECT group_concat(c.audience) FROM cascade c WHERE c.placement_id = p.id),"
  "       (SELECT sum(c.people) FROM cascade c WHERE c.placement_id = p.id),"
  "       p.employer_id"
  " FROM placement p"
  " JOIN staff s ON s.id = p.staff_id"
  " JOIN partner pa ON pa.id = s.partner_id"
  " JOIN sector sec ON sec.id = p.sector_id"
  " LEFT JOIN employer e ON e.id = p.employer_id"
  " WHERE " PLACEMENT_IN_SCOPE ("p", "s")
  " ORDER BY p.id";

static const char employers_sql[] =
  "SELECT e.id, e.name, sec.name, e.size, e.address, e.postcode, e.website, e.relationship,"
  "       e.capacity, e.notice_weeks,"
  "       (SELECT max(contact_date) FROM contact c WHERE c.employer_id = e.id),"
  "       e.owner_id, o.name, e.contact_name, e.contact_email, e.contact_phone,"
  "       a.state, a.reason"
  " FROM employer e"
  " JOIN sector sec ON sec.id = e.sector_id"
  " LEFT JOIN staff o ON o.id = e.owner_id"
  " LEFT JOIN employer_appetite a ON a.employer_id = e.id AND a.academic_year = ?1"
  " ORDER BY e.name";

#define STAFF_SQL(ORDER) \
  "WITH grouped AS (SELECT staff_id, count(*) AS n FROM group_member GROUP BY staff_id)" \
  "SELECT s.id, s.name, pa.name, s.job_title, sec.name, s.curriculum_area, s.email, s.phone," \
  "       coalesce(grouped.n, 0)" \
  " FROM staff s" \
  " JOIN partner pa ON pa.id = s.partner_id" \
  " LEFT JOIN sector sec ON sec.id = s.sector_id" \
  " LEFT JOIN grouped ON grouped.staff_id = s.id" \
  " WHERE ?1 IS NULL OR s.partner_id = ?1" \
  " ORDER BY " ORDER

static const char * const staff_sql[] = {
  [PL_REPORT_BY_NAME] = STAFF_SQL ("s.name COLLATE NOCASE, s.id"),
  [PL_REPORT_BY_ID] = STAFF_SQL ("s.id"),
};

/* Each milestone with its placement, a placement's milestones together:
 * the placements are read in order and their milestones found through
 * the (placement_id, kind) index (CROSS JOIN keeps that order of the
 * loops). Each placement's few milestones are sorted here, which costs
 * much less than SQLite sorting every group of rows, or every milestone
 * of the network at once with their names and labels. */
static const char milestones_sql[] =
  "SELECT p.id, p.staff_id, s.name, e.name, m.id, m.label, m.due, m.done"
  " FROM placement p"
  " JOIN staff s ON s.id = p.staff_id"
  " LEFT JOIN employer e ON e.id = p.employer_id"
  " CROSS JOIN milestone m ON m.placement_id = p.id"
  " WHERE " PLACEMENT_IN_SCOPE ("p", "s")
  " ORDER BY p.id";

/* The ratings are pl_criteria, in order. */
static const char observations_sql[] =
  "SELECT o.staff_id, s.name, pa.name, o.placement_id, o.phase, o.observed_on,"
  "       " STAFF_NAMED ("o.observer") ", o.observer, o.independent,"
  "       o.industry_standards, o.technology, o.active_learning, o.engagement,"
  "       o.equality_diversity, o.differentiation, o.learners_progressed"
  " FROM observation o"
  " JOIN staff s ON s.id = o.staff_id"
  " JOIN partner pa ON pa.id = s.partner_id"
  " WHERE " OBSERVATION_IN_SCOPE ("o", "s")
  " ORDER BY o.observed_on, o.id";

/* As pl-stats.c counts them. %s: survey_columns(); ?4 the kind. */
static const char survey_sql_format[] =
  "SELECT %s FROM survey_response r"
  " WHERE r.kind = ?4"
  "   AND (?1 IS NULL OR ?1 IN (SELECT partner_id FROM staff WHERE id = r.staff_id"
  "                             UNION ALL"
  "                             SELECT s.partner_id FROM placement p"
  "                             JOIN staff s ON s.id = p.staff_id"
  "                             WHERE p.id = r.placement_id))"
  "   AND (?2 IS NULL OR r.responded_on >= ?2)"
  "   AND (?3 IS NULL OR r.responded_on <= ?3)";

static const char groups_sql[] =
  "SELECT g.id, g.name, g.area, g.wave,"
  "       " STAFF_NAMED ("g.facilitator") ", g.facilitator,"
  "       (SELECT count(DISTINCT s.partner_id) FROM group_member m"
  "        JOIN staff s ON s.id = m.staff_id"
  "        WHERE m.group_id = g.id AND (?1 IS NULL OR s.partner_id = ?1)),"
  "       (SELECT count(*) FROM group_meeting WHERE group_id = g.id),"
  "       (SELECT min(meeting_date) FROM group_meeting WHERE group_id = g.id),"
  "       (SELECT max(meeting_date) FROM group_meeting WHERE group_id = g.id),"
  "       (SELECT count(*) FROM group_outcome WHERE group_id = g.id),"
  "       (SELECT group_concat(title, '; ') FROM"
  "          (SELECT title FROM group_outcome WHERE group_id = g.id"
  "           ORDER BY outcome_date IS NULL, outcome_date, id) AS o)"
  " FROM exchange_group g"
  " WHERE " GROUP_IN_SCOPE ("g")
  " ORDER BY g.wave, g.name";

/* ?4: the group. */
#define GROUP_MEMBERS_SQL(ORDER) \
  "SELECT m.staff_id, s.name, m.role FROM group_member m" \
  " JOIN staff s ON s.id = m.staff_id" \
  " WHERE m.group_id = ?4 AND (?1 IS NULL OR s.partner_id = ?1)" \
  " ORDER BY " ORDER

static const char * const group_members_sql[] = {
  [PL_REPORT_BY_NAME] = GROUP_MEMBERS_SQL ("s.name COLLATE NOCASE, m.staff_id"),
  [PL_REPORT_BY_ID] = GROUP_MEMBERS_SQL ("m.staff_id"),
};

/* The statement for @sql with @filter bound (NULL: none), or NULL with
 * @error set. */
static PlStmt *
prepare (PlStore               *store,
         const PlReportFilter  *filter,
         const char            *sql,
         GError               **error)
{
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, error);

  if (stmt == NULL)
    {
      pl_store_translate_error (error, NULL);
      return NULL;
    }

  if (filter != NULL)
    {
      pl_stmt_bind_id (stmt, 1, filter->partner_id);
      pl_stmt_bind_text (stmt, 2, filter->from);
      pl_stmt_bind_text (stmt, 3, filter->to);
    }
  return stmt;
}

/* Ends a pass: TRUE when the statement stopped after its last row, or
 * FALSE with @failure, translated, moved to @error. */
static gboolean
pass_done (GError **failure,
           GError **error)
{
  if (*failure == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (failure));
  return pl_store_translate_error (error, NULL);
}

/* Steps to the one row of a query that counts; FALSE with @error set
 * when it gives none. */
static gboolean
counted (PlStmt  *stmt,
         GError **error)
{
  g_autoptr(GError) failure = NULL;

  if (pl_stmt_next (stmt, &failure))
    return TRUE;

  if (failure == NULL)
    {
      g_set_error_literal (error, PL_ERROR, PL_ERROR_FAILED, _("a query gave no result"));
      return FALSE;
    }
  return pass_done (&failure, error);
}

/* The value of the enumeration @type whose nick is in @column; -1 when
 * it is NULL or no nick of @type. */
static int
get_enum (PlStmt *stmt,
          int     column,
          GType   type)
{
  int value;

  if (!pl_enum_from_nick (type, pl_stmt_get_text (stmt, column), &value))
    return -1;
  return value;
}

/* Text kept for a group of rows read before they are handed on, past the
 * row of the statement it came from. */
static const char *
keep_text (GStringChunk *strings,
           const char   *text)
{
  return text != NULL ? g_string_chunk_insert (strings, text) : NULL;
}

/**
 * pl_store_report_count_rows:
 *
 * Returns: %TRUE with @n_rows set, or %FALSE with @error set
 */
gboolean
pl_store_report_count_rows (PlStore              *store,
                            const PlReportFilter *filter,
                            gint64               *n_rows,
                            GError              **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && n_rows != NULL, FALSE);

  if (!(stmt = prepare (store, filter, totals_sql, error)) || !counted (stmt, error))
    return FALSE;

  *n_rows = pl_stmt_get_int (stmt, 0);
  return TRUE;
}

typedef struct
{
  char   first[11];   /* ISO dates */
  char   last[11];
  gint64 n;
} Days;

/* Reads the "FIRST LAST COUNT" of placements_sql; FALSE for a placement
 * without days (NULL). Days are ISO dates, ten characters: the schema
 * checks. */
static gboolean
parse_days (const char *text,
            Days       *days)
{
  *days = (Days) { 0 };

  if (text == NULL || strlen (text) < 23 || text[10] != ' ' || text[21] != ' ')
    return FALSE;

  memcpy (days->first, text, 10);
  memcpy (days->last, text + 11, 10);
  days->n = g_ascii_strtoll (text + 22, NULL, 10);
  return TRUE;
}

/* The audiences of a comma-separated list of their nicks, as bits. */
static guint
audience_mask (const char *list)
{
  const char * const *nicks = pl_enum_get_nicks (PL_TYPE_CASCADE_AUDIENCE);
  guint mask = 0;

  if (list == NULL)
    return 0;

  for (guint i = 0; nicks[i] != NULL; i++)
    {
      const char *found = strstr (list, nicks[i]);
      gsize len = strlen (nicks[i]);

      while (found != NULL
             && !((found == list || found[-1] == ',') && (found[len] == ',' || found[len] == '\0')))
        found = strstr (found + 1, nicks[i]);
      if (found != NULL)
        mask |= 1u << pl_enum_get_value (PL_TYPE_CASCADE_AUDIENCE, i);
    }

  return mask;
}

/**
 * pl_store_report_foreach_placement:
 * @func: (scope call): told of each placement
 *
 * Returns: %FALSE with @error set when the placements cannot be read
 */
gboolean
pl_store_report_foreach_placement (PlStore               *store,
                                   const PlReportFilter  *filter,
                                   PlReportPlacementFunc  func,
                                   gpointer               user_data,
                                   GError               **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && func != NULL, FALSE);

  if (!(stmt = prepare (store, filter, placements_sql, error)))
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      Days days;
      gboolean dated = parse_days (pl_stmt_get_text (stmt, 7), &days);
      PlReportPlacement row = {
        .id = pl_stmt_get_int (stmt, 0),
        .staff_id = pl_stmt_get_int (stmt, 1),
        .staff_name = pl_stmt_get_text (stmt, 2),
        .partner = pl_stmt_get_text (stmt, 3),
        .employer_id = pl_stmt_get_int (stmt, 11),
        .employer = pl_stmt_get_text (stmt, 4),
        .sector = pl_stmt_get_text (stmt, 5),
        .status = get_enum (stmt, 6, PL_TYPE_PLACEMENT_STATUS),
        .first_day = dated ? days.first : NULL,
        .last_day = dated ? days.last : NULL,
        .n_days = days.n,
        .aims = (guint) pl_stmt_get_int (stmt, 8),
        .audiences = audience_mask (pl_stmt_get_text (stmt, 9)),
        .people = pl_stmt_is_null (stmt, 10) ? -1 : pl_stmt_get_int (stmt, 10),
      };

      if (!func (&row, user_data))
        return TRUE;
    }

  return pass_done (&failure, error);
}

/**
 * pl_store_report_foreach_employer:
 * @func: (scope call): told of each employer
 *
 * Returns: %FALSE with @error set when the employers cannot be read
 */
gboolean
pl_store_report_foreach_employer (PlStore               *store,
                                  int                    year,
                                  PlReportEmployerFunc   func,
                                  gpointer               user_data,
                                  GError               **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (!(stmt = prepare (store, NULL, employers_sql, error)))
    return FALSE;
  pl_stmt_bind_int (stmt, 1, year);

  while (pl_stmt_next (stmt, &failure))
    {
      PlReportEmployer row = {
        .id = pl_stmt_get_int (stmt, 0),
        .name = pl_stmt_get_text (stmt, 1),
        .sector = pl_stmt_get_text (stmt, 2),
        .size = get_enum (stmt, 3, PL_TYPE_EMPLOYER_SIZE),
        .address = pl_stmt_get_text (stmt, 4),
        .postcode = pl_stmt_get_text (stmt, 5),
        .website = pl_stmt_get_text (stmt, 6),
        .relationship = get_enum (stmt, 7, PL_TYPE_RELATIONSHIP),
        .capacity = pl_stmt_get_int (stmt, 8),
        .notice_weeks = pl_stmt_get_int (stmt, 9),
        .last_contact = pl_stmt_get_text (stmt, 10),
        .owner_id = pl_stmt_get_int (stmt, 11),
        .owner_name = pl_stmt_get_text (stmt, 12),
        .contact_name = pl_stmt_get_text (stmt, 13),
        .contact_email = pl_stmt_get_text (stmt, 14),
        .contact_phone = pl_stmt_get_text (stmt, 15),
        .appetite = PL_APPETITE_UNKNOWN,
        .appetite_reason = pl_stmt_get_text (stmt, 17),
      };
      int appetite;

      if (pl_enum_from_nick (PL_TYPE_APPETITE, pl_stmt_get_text (stmt, 16), &appetite))
        row.appetite = appetite;

      if (!func (&row, user_data))
        return TRUE;
    }

  return pass_done (&failure, error);
}

/**
 * pl_store_report_foreach_staff:
 * @func: (scope call): told of each member of staff
 *
 * Returns: %FALSE with @error set when the staff cannot be read
 */
gboolean
pl_store_report_foreach_staff (PlStore               *store,
                               const PlReportFilter  *filter,
                               PlReportOrder          order,
                               PlReportStaffFunc      func,
                               gpointer               user_data,
                               GError               **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && func != NULL, FALSE);
  g_return_val_if_fail (order < G_N_ELEMENTS (staff_sql), FALSE);

  if (!(stmt = prepare (store, filter, staff_sql[order], error)))
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      PlReportStaff row = {
        .id = pl_stmt_get_int (stmt, 0),
        .name = pl_stmt_get_text (stmt, 1),
        .partner = pl_stmt_get_text (stmt, 2),
        .job_title = pl_stmt_get_text (stmt, 3),
        .sector = pl_stmt_get_text (stmt, 4),
        .curriculum_area = pl_stmt_get_text (stmt, 5),
        .email = pl_stmt_get_text (stmt, 6),
        .phone = pl_stmt_get_text (stmt, 7),
        .n_groups = pl_stmt_get_int (stmt, 8),
      };

      if (!func (&row, user_data))
        return TRUE;
    }

  return pass_done (&failure, error);
}

/* The milestones of one placement, held until they are all read. */
typedef struct
{
  PlReportMilestones  row;
  GArray             *milestones;   /* of PlReportMilestone */
  GStringChunk       *strings;      /* their text, and the placement's */
} MilestoneGroup;

/* By due date, then in the order entered. ISO dates compare as text. */
static int
compare_milestones (gconstpointer a,
                    gconstpointer b)
{
  const PlReportMilestone *x = a;
  const PlReportMilestone *y = b;
  int cmp = strcmp (x->due, y->due);

  if (cmp != 0)
    return cmp;
  return (x->id > y->id) - (x->id < y->id);
}

/* Hands on the milestones of @group, if any, then empties it; FALSE when
 * @func stopped. */
static gboolean
flush_milestones (MilestoneGroup         *group,
                  PlReportMilestonesFunc  func,
                  gpointer                user_data)
{
  gboolean more;

  if (group->milestones->len == 0)
    return TRUE;

  g_array_sort (group->milestones, compare_milestones);
  group->row.n_milestones = group->milestones->len;
  group->row.milestones = (const PlReportMilestone *) group->milestones->data;
  more = func (&group->row, user_data);

  g_array_set_size (group->milestones, 0);
  g_string_chunk_clear (group->strings);
  return more;
}

/**
 * pl_store_report_foreach_milestones:
 * @func: (scope call): told of each placement's milestones
 *
 * Returns: %FALSE with @error set when the milestones cannot be read
 */
gboolean
pl_store_report_foreach_milestones (PlStore                *store,
                                    const PlReportFilter   *filter,
                                    PlReportMilestonesFunc  func,
                                    gpointer                user_data,
                                    GError                **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(GArray) milestones = g_array_new (FALSE, FALSE, sizeof (PlReportMilestone));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (4096);
  MilestoneGroup group = { .milestones = milestones, .strings = strings };

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && func != NULL, FALSE);

  if (!(stmt = prepare (store, filter, milestones_sql, error)))
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      gint64 placement_id = pl_stmt_get_int (stmt, 0);
      PlReportMilestone milestone;

      if (milestones->len == 0 || placement_id != group.row.placement_id)
        {
          if (!flush_milestones (&group, func, user_data))
            return TRUE;

          group.row.placement_id = placement_id;
          group.row.staff_id = pl_stmt_get_int (stmt, 1);
          group.row.staff_name = keep_text (strings, pl_stmt_get_text (stmt, 2));
          group.row.employer = keep_text (strings, pl_stmt_get_text (stmt, 3));
        }

      milestone.id = pl_stmt_get_int (stmt, 4);
      milestone.label = keep_text (strings, pl_stmt_get_text (stmt, 5));
      milestone.due = keep_text (strings, pl_stmt_get_text (stmt, 6));
      milestone.done = keep_text (strings, pl_stmt_get_text (stmt, 7));
      g_array_append_val (milestones, milestone);
    }

  if (failure != NULL)
    return pass_done (&failure, error);

  flush_milestones (&group, func, user_data);
  return TRUE;
}

/**
 * pl_store_report_foreach_observation:
 * @func: (scope call): told of each observation
 *
 * Returns: %FALSE with @error set when the observations cannot be read
 */
gboolean
pl_store_report_foreach_observation (PlStore                 *store,
                                     const PlReportFilter    *filter,
                                     PlReportObservationFunc  func,
                                     gpointer                 user_data,
                                     GError                 **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && func != NULL, FALSE);

  if (!(stmt = prepare (store, filter, observations_sql, error)))
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      int progressed = 9 + PL_N_CRITERIA;
      PlReportObservation row = {
        .staff_id = pl_stmt_get_int (stmt, 0),
        .staff_name = pl_stmt_get_text (stmt, 1),
        .partner = pl_stmt_get_text (stmt, 2),
        .placement_id = pl_stmt_get_int (stmt, 3),
        .phase = get_enum (stmt, 4, PL_TYPE_OBSERVATION_PHASE),
        .observed_on = pl_stmt_get_text (stmt, 5),
        .observer_id = pl_stmt_get_int (stmt, 6),
        .observer = pl_stmt_get_text (stmt, 7),
        .independent = pl_stmt_get_int (stmt, 8) != 0,
        .learners_progressed = pl_stmt_is_null (stmt, progressed)
                               ? -1 : (int) pl_stmt_get_int (stmt, progressed),
      };

      for (guint i = 0; i < PL_N_CRITERIA; i++)
        row.ratings[i] = (int) pl_stmt_get_int (stmt, 9 + i);

      if (!func (&row, user_data))
        return TRUE;
    }

  return pass_done (&failure, error);
}

/* For each of @questions of survey_response "r", how many agreed (the
 * answer nicks bound to ?5, ?6, ?7), were neutral, disagreed and answered
 * (transfer full). */
static char *
survey_columns (const char * const *questions)
{
  GString *columns = g_string_new (NULL);

  /* The questions are column names of our own schema, never user input. */
  for (guint i = 0; questions[i] != NULL; i++)
    g_string_append_printf (columns,
                            "%2$scount(*) FILTER (WHERE r.%1$s = ?5),"
                            " count(*) FILTER (WHERE r.%1$s = ?6),"
                            " count(*) FILTER (WHERE r.%1$s = ?7), count(r.%1$s)",
                            questions[i], i > 0 ? ", " : "");
  return g_string_free (columns, FALSE);
}

/**
 * pl_store_report_survey:
 *
 * Returns: (transfer full) (element-type PlReportAnswers) (nullable): the
 *   answers of each question
 */
GArray *
pl_store_report_survey (PlStore               *store,
                        const PlReportFilter  *filter,
                        PlSurveyKind           kind,
                        GError               **error)
{
  const char *nick = pl_enum_to_nick (PL_TYPE_SURVEY_KIND, kind);
  const char * const *questions;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GArray) answers = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (filter != NULL && nick != NULL, NULL);

  questions = pl_survey_questions (nick);
  columns = survey_columns (questions);
  sql = g_strdup_printf (survey_sql_format, columns);
  if (!(stmt = prepare (store, filter, sql, error)))
    return NULL;

  pl_stmt_bind_text (stmt, 4, nick);
  pl_stmt_bind_text (stmt, 5, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_AGREE));
  pl_stmt_bind_text (stmt, 6, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_NEUTRAL));
  pl_stmt_bind_text (stmt, 7, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_DISAGREE));
  if (!counted (stmt, error))
    return NULL;

  answers = g_array_new (FALSE, FALSE, sizeof (PlReportAnswers));
  for (guint i = 0; questions[i] != NULL; i++)
    {
      PlReportAnswers question = {
        .question = questions[i],
        .agree = pl_stmt_get_int (stmt, 4 * i),
        .neutral = pl_stmt_get_int (stmt, 4 * i + 1),
        .disagree = pl_stmt_get_int (stmt, 4 * i + 2),
        .answered = pl_stmt_get_int (stmt, 4 * i + 3),
      };

      g_array_append_val (answers, question);
    }

  return g_steal_pointer (&answers);
}

/* Reads the members of @group_id into @members, their text kept in
 * @strings. */
static gboolean
read_members (PlStmt        *stmt,
              gint64         group_id,
              GArray        *members,
              GStringChunk  *strings,
              GError       **error)
{
  g_autoptr(GError) failure = NULL;

  g_array_set_size (members, 0);
  g_string_chunk_clear (strings);
  pl_stmt_reset (stmt);
  pl_stmt_bind_int (stmt, 4, group_id);
  while (pl_stmt_next (stmt, &failure))
    {
      PlReportMember member = {
        .staff_id = pl_stmt_get_int (stmt, 0),
        .name = keep_text (strings, pl_stmt_get_text (stmt, 1)),
        .role = keep_text (strings, pl_stmt_get_text (stmt, 2)),
      };

      g_array_append_val (members, member);
    }

  return pass_done (&failure, error);
}

/**
 * pl_store_report_foreach_group:
 * @func: (scope call): told of each group
 *
 * Returns: %FALSE with @error set when the groups cannot be read
 */
gboolean
pl_store_report_foreach_group (PlStore               *store,
                               const PlReportFilter  *filter,
                               PlReportOrder          order,
                               PlReportGroupFunc      func,
                               gpointer               user_data,
                               GError               **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(PlStmt) members_stmt = NULL;
  g_autoptr(GError) failure = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (PlReportMember));
  g_autoptr(GStringChunk) strings = g_string_chunk_new (1024);

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filter != NULL && func != NULL, FALSE);
  g_return_val_if_fail (order < G_N_ELEMENTS (group_members_sql), FALSE);

  if (!(stmt = prepare (store, filter, groups_sql, error))
      || !(members_stmt = prepare (store, filter, group_members_sql[order], error)))
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    {
      PlReportGroup row = {
        .id = pl_stmt_get_int (stmt, 0),
        .name = pl_stmt_get_text (stmt, 1),
        .area = get_enum (stmt, 2, PL_TYPE_GROUP_AREA),
        .wave = pl_stmt_get_int (stmt, 3),
        .facilitator_id = pl_stmt_get_int (stmt, 4),
        .facilitator = pl_stmt_get_text (stmt, 5),
        .n_organisations = pl_stmt_get_int (stmt, 6),
        .n_meetings = pl_stmt_get_int (stmt, 7),
        .first_meeting = pl_stmt_get_text (stmt, 8),
        .last_meeting = pl_stmt_get_text (stmt, 9),
        .n_outcomes = pl_stmt_get_int (stmt, 10),
        .outcome_titles = pl_stmt_get_text (stmt, 11),
      };

      /* A group has reported once it has an outcome, and is meeting once
       * it has met. */
      if (row.n_outcomes > 0)
        row.status = PL_GROUP_STATUS_REPORTED;
      else if (row.n_meetings > 0)
        row.status = PL_GROUP_STATUS_MEETING;
      else
        row.status = PL_GROUP_STATUS_FORMING;

      if (!read_members (members_stmt, row.id, members, strings, error))
        return FALSE;
      row.n_members = members->len;
      row.members = (const PlReportMember *) members->data;

      if (!func (&row, user_data))
        return TRUE;
    }

  return pass_done (&failure, error);
}
