/* pl-impact.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-impact"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pl-impact-private.h"
#include "pl-stats-private.h"
#include "pl-survey.h"

/* The evidence of impact for one member of staff, and the improvement rule
 * that the network's figures share.
 *
 * "Improved" is never stored: a criterion improved when the first
 * observation after a placement rates it strictly better (a lower number:
 * 1 is outstanding, 4 inadequate) than the last observation before; a
 * tie, or a criterion not rated on either side, is not an improvement.
 * Observations on the same day go in the order they were entered (by id).
 * The rows are chosen in SQL (pairs_sql) and the rule applied in C
 * (pl_impact_rating_improved), for the figures and for one person alike.
 *
 * pl_impact_chain() gives, as JSON:
 *
 *   staff        { id, name, partner, job_title, sector }
 *   placements   [ { id, status, employer, sector, first_day, last_day,
 *                    aims [keys], goals, sector_priority, equality_aims,
 *                    reflection { learned, students, colleagues },
 *                    cascades [ { date, audience, people, notes } ],
 *                    reached { colleagues, students, other } } ]
 *                (colleagues counts colleagues and department, as stats does)
 *   observations { count, observed, improved,
 *                  before, after: { id, date, observer, independent } or null,
 *                  learners_progressed: true, false or null (the "after"'s),
 *                  criteria [ { key, before, after, improved } ] }
 *                (a rating is 1–4 or null when not observed)
 *   colleagues   [ { id, name, observed, improved } ] — others observed
 *                against one of this person's placements: colleagues the
 *                learning was cascaded to
 *   reached_by   [ { placement, staff, employer, sector, first_day } ] —
 *                the other way round: others' placements this person was
 *                observed against
 *   surveys      { student, employer: { responses, agree_pct { question: % },
 *                                      agreed { question: n },
 *                                      answered { question: n } } }
 *                (responses linked to the person or to their placements;
 *                percentages rounded half up over those who answered)
 *
 * Dates are ISO; texts not written are null. */

#define FIRST_DAY(id) "(SELECT min(day) FROM placement_day d WHERE d.placement_id = " id ")"

/* ?1 partner, ?2 from, ?3 to, ?4 staff, ?5 and ?6 the phases before and
 * after; %s twice: the rated columns of b and of a. */
static const char pairs_sql_format[] =
  "WITH obs AS ("
  "  SELECT o.*,"
  "         CASE WHEN o.placement_id IS NULL THEN o.observed_on"
  "              ELSE " FIRST_DAY ("o.placement_id") " END AS period_day"
  "  FROM observation o JOIN staff s ON s.id = o.staff_id"
  "  WHERE (?1 IS NULL OR s.partner_id = ?1) AND (?4 IS NULL OR o.staff_id = ?4)),"
  " ranked AS ("
  "  SELECT obs.*,"
  "         row_number () OVER (PARTITION BY staff_id, phase"
  "                             ORDER BY observed_on DESC, id DESC) AS latest,"
  "         row_number () OVER (PARTITION BY staff_id, phase"
  "                             ORDER BY observed_on, id) AS earliest"
  "  FROM obs"
  "  WHERE (?2 IS NULL OR period_day >= ?2) AND (?3 IS NULL OR period_day <= ?3)),"
  " b AS (SELECT * FROM ranked WHERE phase = ?5 AND latest = 1),"
  " a AS (SELECT * FROM ranked WHERE phase = ?6 AND earliest = 1),"
  " who AS (SELECT staff_id FROM b UNION SELECT staff_id FROM a)"
  "SELECT who.staff_id,"
  "       b.id, b.observed_on%s, b.learners_progressed,"
  "       a.id, a.observed_on%s, a.learners_progressed"
  " FROM who LEFT JOIN b ON b.staff_id = who.staff_id LEFT JOIN a ON a.staff_id = who.staff_id"
  " ORDER BY who.staff_id";

/**
 * pl_impact_rating_improved: (skip)
 * @before: the last rating before, 1–4, or 0 when not observed
 * @after: the first rating after, likewise
 *
 * Returns: whether the criterion improved
 */
gboolean
pl_impact_rating_improved (int before,
                           int after)
{
  return before > 0 && after > 0 && after < before;
}

/**
 * pl_impact_apply_rule: (skip)
 */
void
pl_impact_apply_rule (const PlObservationPair *pair,
                      PlImprovements          *out)
{
  g_return_if_fail (pair != NULL);
  g_return_if_fail (out != NULL);

  memset (out, 0, sizeof *out);
  out->pair = *pair;
  out->observed = pair->before.id > 0 && pair->after.id > 0;
  if (!out->observed)
    return;

  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      out->improved[i] = pl_impact_rating_improved (pair->before.ratings[i],
                                                    pair->after.ratings[i]);
      if (out->improved[i])
        out->n_improved++;
    }
}

/* Reads one side from the columns from @first on: id, date, the ratings,
 * learners progressed. */
static void
read_side (PlStmt            *stmt,
           int                first,
           PlObservationSide *side)
{
  memset (side, 0, sizeof *side);
  side->learners_progressed = -1;

  if (pl_stmt_is_null (stmt, first))
    return;

  side->id = pl_stmt_get_int (stmt, first);
  g_strlcpy (side->date, pl_stmt_get_text (stmt, first + 1), sizeof side->date);
  for (int i = 0; i < PL_N_CRITERIA; i++)
    side->ratings[i] = (int) pl_stmt_get_int (stmt, first + 2 + i);
  if (!pl_stmt_is_null (stmt, first + 2 + PL_N_CRITERIA))
    side->learners_progressed = (int) pl_stmt_get_int (stmt, first + 2 + PL_N_CRITERIA);
}

/**
 * pl_impact_read_pairs: (skip)
 *
 * Returns: FALSE with @error set when the store fails
 */
gboolean
pl_impact_read_pairs (PlStore     *store,
                      gint64       partner_id,
                      const char  *from,
                      const char  *to,
                      gint64       staff_id,
                      PlPairFunc   func,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(GString) before = g_string_new (NULL);
  g_autoptr(GString) after = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  const int side_width = 3 + PL_N_CRITERIA;

  /* The criteria are column names of our own schema, never user input. */
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      g_string_append_printf (before, ", b.%s", pl_criteria[i]);
      g_string_append_printf (after, ", a.%s", pl_criteria[i]);
    }
  sql = g_strdup_printf (pairs_sql_format, before->str, after->str);

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);
  if (stmt == NULL)
    return pl_stats_failed (error, failure);

  pl_stmt_bind_id (stmt, 1, partner_id);
  pl_stmt_bind_text (stmt, 2, from);
  pl_stmt_bind_text (stmt, 3, to);
  pl_stmt_bind_id (stmt, 4, staff_id);
  pl_stmt_bind_text (stmt, 5, pl_enum_to_nick (PL_TYPE_OBSERVATION_PHASE,
                                               PL_OBSERVATION_PHASE_BEFORE));
  pl_stmt_bind_text (stmt, 6, pl_enum_to_nick (PL_TYPE_OBSERVATION_PHASE,
                                               PL_OBSERVATION_PHASE_AFTER));

  while (pl_stmt_next (stmt, &failure))
    {
      PlObservationPair pair;

      pair.staff_id = pl_stmt_get_int (stmt, 0);
      read_side (stmt, 1, &pair.before);
      read_side (stmt, 1 + side_width, &pair.after);
      if (!func (&pair, user_data))
        return TRUE;
    }

  if (failure != NULL)
    return pl_stats_failed (error, failure);

  return TRUE;
}

static gboolean
keep_pair (const PlObservationPair *pair,
           gpointer                 user_data)
{
  pl_impact_apply_rule (pair, user_data);
  return FALSE;
}

/* The result for someone with no observation, replaced by what is read. */
static gboolean
read_improvements (PlStore         *store,
                   gint64           staff_id,
                   PlImprovements  *out,
                   GError         **error)
{
  PlObservationPair none = { 0 };

  none.staff_id = staff_id;
  none.before.learners_progressed = -1;
  none.after.learners_progressed = -1;
  pl_impact_apply_rule (&none, out);

  return pl_impact_read_pairs (store, 0, NULL, NULL, staff_id, keep_pair, out, error);
}

/**
 * pl_impact_improvements:
 * @store: a store
 * @staff_id: the member of staff
 * @out: (out caller-allocates): where the result goes
 * @error: return location for a #GError
 *
 * Applies the improvement rule to one member of staff. When they have no
 * observation on one side, that side's id is 0 and observed is FALSE.
 *
 * Returns: FALSE with @error when the store fails
 */
gboolean
pl_impact_improvements (PlStore         *store,
                        gint64           staff_id,
                        PlImprovements  *out,
                        GError         **error)
{
  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (staff_id > 0, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  return read_improvements (store, staff_id, out, error);
}

gint64
pl_impact_find_staff (PlStore     *store,
                      const char  *name,
                      GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;
  gint64 id = 0;
  guint n = 0;

  g_return_val_if_fail (PL_IS_STORE (store), 0);
  g_return_val_if_fail (name != NULL, 0);

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT id FROM staff WHERE name = ?1 COLLATE NOCASE LIMIT 2", &failure);
  if (stmt != NULL)
    pl_stmt_bind_text (stmt, 1, name);
  while (stmt != NULL && pl_stmt_next (stmt, &failure))
    {
      id = pl_stmt_get_int (stmt, 0);
      n++;
    }
  if (failure != NULL)
    {
      pl_stats_failed (error, failure);
      return 0;
    }

  if (n == 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no staff member called “%s”."), name);
      return 0;
    }
  if (n > 1)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("More than one staff member is called “%s”."), name);
      return 0;
    }

  return id;
}

/* The chain --------------------------------------------------------- */

typedef struct
{
  PlStore     *store;
  JsonBuilder *builder;
  gint64       staff_id;
} Chain;

static void
add_text (JsonBuilder *builder,
          const char  *name,
          PlStmt      *stmt,
          int          column)
{
  const char *text = pl_stmt_get_text (stmt, column);

  json_builder_set_member_name (builder, name);
  if (text == NULL || *text == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* The statement for @sql with the member of staff bound to ?1. */
static PlStmt *
chain_prepare (Chain       *chain,
               const char  *sql,
               GError     **error)
{
  PlStmt *stmt = pl_stats_prepare (chain->store, sql, error);

  if (stmt == NULL)
    return NULL;
  pl_stmt_bind_int (stmt, 1, chain->staff_id);
  return stmt;
}

static gboolean
add_staff (Chain   *chain,
           GError **error)
{
  g_autoptr(PlStmt) stmt =
    chain_prepare (chain,
                   "SELECT s.name, p.name, s.job_title, sec.name FROM staff s"
                   " JOIN partner p ON p.id = s.partner_id"
                   " LEFT JOIN sector sec ON sec.id = s.sector_id WHERE s.id = ?1",
                   error);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  if (!pl_stmt_next (stmt, &failure))
    {
      if (failure != NULL)
        return pl_stats_failed (error, failure);

      g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND,
                   _("There is no staff member with the id %" G_GINT64_FORMAT "."),
                   chain->staff_id);
      return FALSE;
    }

  json_builder_set_member_name (chain->builder, "staff");
  json_builder_begin_object (chain->builder);
  add_int (chain->builder, "id", chain->staff_id);
  add_text (chain->builder, "name", stmt, 0);
  add_text (chain->builder, "partner", stmt, 1);
  add_text (chain->builder, "job_title", stmt, 2);
  add_text (chain->builder, "sector", stmt, 3);
  json_builder_end_object (chain->builder);
  return TRUE;
}

static gboolean
add_cascades (Chain   *chain,
              gint64   placement_id,
              GError **error)
{
  g_autoptr(PlStmt) stmt =
    chain_prepare (chain,
                   "SELECT cascade_date, audience, people, notes FROM cascade"
                   " WHERE placement_id = ?2 ORDER BY cascade_date, id",
                   error);
  g_autoptr(GError) failure = NULL;
  gint64 colleagues = 0, students = 0, other = 0;

  if (stmt == NULL)
    return FALSE;
  pl_stmt_bind_int (stmt, 2, placement_id);

  json_builder_set_member_name (chain->builder, "cascades");
  json_builder_begin_array (chain->builder);
  while (pl_stmt_next (stmt, &failure))
    {
      int audience = PL_CASCADE_AUDIENCE_OTHER;
      gint64 people = pl_stmt_get_int (stmt, 2);

      pl_enum_from_nick (PL_TYPE_CASCADE_AUDIENCE, pl_stmt_get_text (stmt, 1), &audience);

      json_builder_begin_object (chain->builder);
      add_text (chain->builder, "date", stmt, 0);
      add_text (chain->builder, "audience", stmt, 1);
      add_int (chain->builder, "people", people);
      add_text (chain->builder, "notes", stmt, 3);
      json_builder_end_object (chain->builder);

      /* Grouped as the network's figures group them. */
      switch ((PlCascadeAudience) audience)
        {
        case PL_CASCADE_AUDIENCE_COLLEAGUES:
        case PL_CASCADE_AUDIENCE_DEPARTMENT:
          colleagues += people;
          break;
        case PL_CASCADE_AUDIENCE_STUDENTS:
          students += people;
          break;
        case PL_CASCADE_AUDIENCE_OTHER:
        default:
          other += people;
          break;
        }
    }
  json_builder_end_array (chain->builder);

  json_builder_set_member_name (chain->builder, "reached");
  json_builder_begin_object (chain->builder);
  add_int (chain->builder, "colleagues", colleagues);
  add_int (chain->builder, "students", students);
  add_int (chain->builder, "other", other);
  json_builder_end_object (chain->builder);

  return failure == NULL || pl_stats_failed (error, failure);
}

static gboolean
add_placements (Chain   *chain,
                GError **error)
{
  g_autoptr(PlStmt) stmt =
    chain_prepare (chain,
                   "SELECT * FROM ("
                   " SELECT p.id, p.status, e.name AS employer, sec.name AS sector,"
                   "       (SELECT min(day) FROM placement_day WHERE placement_id = p.id) AS first,"
                   "       (SELECT max(day) FROM placement_day WHERE placement_id = p.id) AS last,"
                   "       p.aims, p.goals, p.sector_priority, p.equality_aims,"
                   "       p.reflection_learned, p.reflection_students, p.reflection_colleagues"
                   " FROM placement p LEFT JOIN employer e ON e.id = p.employer_id"
                   " JOIN sector sec ON sec.id = p.sector_id"
                   " WHERE p.staff_id = ?1"
                   ") AS q ORDER BY first IS NULL, first, id",
                   error);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (chain->builder, "placements");
  json_builder_begin_array (chain->builder);
  while (pl_stmt_next (stmt, &failure))
    {
      JsonBuilder *builder = chain->builder;
      gint64 id = pl_stmt_get_int (stmt, 0);
      gint64 aims = pl_stmt_get_int (stmt, 6);

      json_builder_begin_object (builder);
      add_int (builder, "id", id);
      add_text (builder, "status", stmt, 1);
      add_text (builder, "employer", stmt, 2);
      add_text (builder, "sector", stmt, 3);
      add_text (builder, "first_day", stmt, 4);
      add_text (builder, "last_day", stmt, 5);

      json_builder_set_member_name (builder, "aims");
      json_builder_begin_array (builder);
      for (guint i = 0; i < PL_N_AIMS; i++)
        if (aims & (1 << i))
          json_builder_add_string_value (builder, pl_aim_keys[i]);
      json_builder_end_array (builder);

      add_text (builder, "goals", stmt, 7);
      add_text (builder, "sector_priority", stmt, 8);
      add_text (builder, "equality_aims", stmt, 9);

      json_builder_set_member_name (builder, "reflection");
      json_builder_begin_object (builder);
      add_text (builder, "learned", stmt, 10);
      add_text (builder, "students", stmt, 11);
      add_text (builder, "colleagues", stmt, 12);
      json_builder_end_object (builder);

      if (!add_cascades (chain, id, error))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (chain->builder);

  return failure == NULL || pl_stats_failed (error, failure);
}

/* { id, date, observer, independent } of one observation, or null. */
static gboolean
add_observation (Chain                   *chain,
                 const char              *name,
                 const PlObservationSide *side,
                 GError                 **error)
{
  g_autoptr(PlStmt) stmt = NULL;

  json_builder_set_member_name (chain->builder, name);
  if (side->id == 0)
    {
      json_builder_add_null_value (chain->builder);
      return TRUE;
    }

  stmt = chain_prepare (chain, "SELECT observer, independent FROM observation WHERE id = ?2",
                        error);
  if (stmt == NULL)
    return FALSE;
  pl_stmt_bind_int (stmt, 2, side->id);
  if (!pl_stats_row (stmt, error))
    return FALSE;

  json_builder_begin_object (chain->builder);
  add_int (chain->builder, "id", side->id);
  json_builder_set_member_name (chain->builder, "date");
  json_builder_add_string_value (chain->builder, side->date);
  add_text (chain->builder, "observer", stmt, 0);
  json_builder_set_member_name (chain->builder, "independent");
  json_builder_add_boolean_value (chain->builder, pl_stmt_get_int (stmt, 1) != 0);
  json_builder_end_object (chain->builder);
  return TRUE;
}

static void
add_rating (JsonBuilder *builder,
            const char  *name,
            int          rating)
{
  json_builder_set_member_name (builder, name);
  if (rating > 0)
    json_builder_add_int_value (builder, rating);
  else
    json_builder_add_null_value (builder);
}

static gboolean
add_observations (Chain   *chain,
                  GError **error)
{
  JsonBuilder *builder = chain->builder;
  g_autoptr(PlStmt) count = NULL;
  PlImprovements result;

  if (!read_improvements (chain->store, chain->staff_id, &result, error))
    return FALSE;

  count = chain_prepare (chain, "SELECT count(*) FROM observation WHERE staff_id = ?1", error);
  if (count == NULL || !pl_stats_row (count, error))
    return FALSE;

  json_builder_set_member_name (builder, "observations");
  json_builder_begin_object (builder);
  add_int (builder, "count", pl_stmt_get_int (count, 0));
  json_builder_set_member_name (builder, "observed");
  json_builder_add_boolean_value (builder, result.observed);
  add_int (builder, "improved", result.n_improved);
  if (!add_observation (chain, "before", &result.pair.before, error)
      || !add_observation (chain, "after", &result.pair.after, error))
    return FALSE;

  json_builder_set_member_name (builder, "learners_progressed");
  if (result.pair.after.learners_progressed < 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_boolean_value (builder, result.pair.after.learners_progressed == 1);

  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, pl_criteria[i]);
      add_rating (builder, "before", result.pair.before.ratings[i]);
      add_rating (builder, "after", result.pair.after.ratings[i]);
      json_builder_set_member_name (builder, "improved");
      json_builder_add_boolean_value (builder, result.improved[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_colleagues (Chain   *chain,
                GError **error)
{
  g_autoptr(PlStmt) stmt =
    chain_prepare (chain,
                   "SELECT s.id, s.name FROM observation o"
                   " JOIN staff s ON s.id = o.staff_id"
                   " JOIN placement p ON p.id = o.placement_id"
                   " WHERE p.staff_id = ?1 AND o.staff_id <> ?1"
                   " GROUP BY s.id, s.name"
                   " ORDER BY s.name COLLATE NOCASE, s.id",
                   error);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (chain->builder, "colleagues");
  json_builder_begin_array (chain->builder);
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);
      PlImprovements result;

      if (!read_improvements (chain->store, id, &result, error))
        return FALSE;

      json_builder_begin_object (chain->builder);
      add_int (chain->builder, "id", id);
      add_text (chain->builder, "name", stmt, 1);
      json_builder_set_member_name (chain->builder, "observed");
      json_builder_add_boolean_value (chain->builder, result.observed);
      add_int (chain->builder, "improved", result.n_improved);
      json_builder_end_object (chain->builder);
    }
  json_builder_end_array (chain->builder);

  return failure == NULL || pl_stats_failed (error, failure);
}

/* The other people's placements this person was observed against: how
 * the learning of a placement reached a colleague. */
static gboolean
add_reached_by (Chain   *chain,
                GError **error)
{
  g_autoptr(PlStmt) stmt =
    chain_prepare (chain,
                   "SELECT DISTINCT p.id, s.name, e.name, sec.name,"
                   "       (SELECT min(day) FROM placement_day WHERE placement_id = p.id)"
                   " FROM observation o JOIN placement p ON p.id = o.placement_id"
                   " JOIN staff s ON s.id = p.staff_id"
                   " LEFT JOIN employer e ON e.id = p.employer_id"
                   " JOIN sector sec ON sec.id = p.sector_id"
                   " WHERE o.staff_id = ?1 AND p.staff_id <> ?1"
                   " ORDER BY p.id",
                   error);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  json_builder_set_member_name (chain->builder, "reached_by");
  json_builder_begin_array (chain->builder);
  while (pl_stmt_next (stmt, &failure))
    {
      json_builder_begin_object (chain->builder);
      add_int (chain->builder, "placement", pl_stmt_get_int (stmt, 0));
      add_text (chain->builder, "staff", stmt, 1);
      add_text (chain->builder, "employer", stmt, 2);
      add_text (chain->builder, "sector", stmt, 3);
      add_text (chain->builder, "first_day", stmt, 4);
      json_builder_end_object (chain->builder);
    }
  json_builder_end_array (chain->builder);

  return failure == NULL || pl_stats_failed (error, failure);
}

static gboolean
add_survey (Chain         *chain,
            PlSurveyKind   kind,
            GError       **error)
{
  const char *nick = pl_enum_to_nick (PL_TYPE_SURVEY_KIND, kind);
  const char * const *questions = pl_survey_questions (nick);
  g_autofree char *columns = pl_stats_survey_columns (questions, 3);
  g_autofree char *sql = NULL;
  g_autoptr(PlStmt) stmt = NULL;

  sql = g_strdup_printf ("SELECT count(*)%s"
                         " FROM survey_response r WHERE r.kind = ?2"
                         " AND (r.staff_id = ?1"
                         "      OR r.placement_id IN (SELECT id FROM placement WHERE staff_id = ?1))",
                         columns);
  stmt = chain_prepare (chain, sql, error);
  if (stmt == NULL)
    return FALSE;
  pl_stmt_bind_text (stmt, 2, nick);
  pl_stmt_bind_text (stmt, 3, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_AGREE));
  if (!pl_stats_row (stmt, error))
    return FALSE;

  json_builder_set_member_name (chain->builder, nick);
  json_builder_begin_object (chain->builder);
  pl_stats_add_survey (chain->builder, stmt, 0, questions);
  json_builder_end_object (chain->builder);
  return TRUE;
}

/**
 * pl_impact_chain:
 * @store: a store
 * @staff_id: the member of staff
 * @error: return location for a #GError
 *
 * Assembles the impact chain of one member of staff; see the comment at
 * the top of pl-impact.c for the members.
 *
 * Returns: (transfer full): a JSON object, or %NULL with @error set
 *   (PL_ERROR_NOT_FOUND for an unknown member of staff)
 */
JsonNode *
pl_impact_chain (PlStore  *store,
                 gint64    staff_id,
                 GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  Chain chain = { 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  chain.store = store;
  chain.builder = builder;
  chain.staff_id = staff_id;

  json_builder_begin_object (builder);
  if (!add_staff (&chain, error)
      || !add_placements (&chain, error)
      || !add_observations (&chain, error)
      || !add_colleagues (&chain, error)
      || !add_reached_by (&chain, error))
    return NULL;

  json_builder_set_member_name (builder, "surveys");
  json_builder_begin_object (builder);
  if (!add_survey (&chain, PL_SURVEY_KIND_STUDENT, error)
      || !add_survey (&chain, PL_SURVEY_KIND_EMPLOYER, error))
    return NULL;
  json_builder_end_object (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
