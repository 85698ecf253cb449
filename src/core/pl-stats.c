/* pl-stats.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-id-counts.h"
#include "pl-impact-private.h"
#include "pl-stats-private.h"
#include "pl-store-job.h"
#include "pl-survey.h"

/* The impact figures of the case study, computed from the records.
 *
 * What the filter restricts, and how:
 *
 * - A placement "took place" when its status is completed, cascaded or
 *   evaluated. placements.total, by_sector, by_partner, employers, sectors
 *   and staff_engaged count those; by_status counts every placement inside
 *   the filter and cancelled the cancelled ones.
 * - partner: placements, cascades and observations of that partner's
 *   staff; survey responses linked to them, through staff_id or through the
 *   placement's staff (unlinked, anonymous responses drop out); groups with
 *   at least one member from the partner, counting only those members.
 * - from/to (inclusive): a placement is inside when its first day is, so a
 *   placement without days is outside any dated filter. Cascades go by
 *   their own date. An observation goes by the first day of its placement
 *   — the "before" observation of a placement in the period belongs to it
 *   although it happened earlier — or by its own date when it has no
 *   placement. Survey responses go by the date they were given (undated
 *   ones drop out). A group is inside when one of its meetings is.
 *
 * An observed member of staff has at least one "before" and one "after"
 * observation inside the filter. A criterion improved when their first
 * "after" observation rates it strictly better (a lower number) than their
 * last "before" one; a tie, or a criterion not rated on either side, is not
 * an improvement. Observations on the same day are ordered by when they
 * were entered. Learners progressed when that first "after" observation
 * says so. The rows and the rule are those of pl-impact.c, which shows one
 * person's impact, so that the two never disagree.
 *
 * Every query takes ?1 = partner id, ?2 = from, ?3 = to, each NULL for "no
 * limit"; the nicks of the enumerations it compares with (a cascade's
 * audience, a survey's kind and answer) are bound as parameters after
 * them. */

#define FIRST_DAY(id) "(SELECT min(day) FROM placement_day d WHERE d.placement_id = " id ")"

/* The period filter on a day: ?2 <= day <= ?3, each bound NULL for "no
 * limit", a NULL day outside any dated filter. Written as one BETWEEN so
 * that a day found by a subquery is looked up once, not once per bound,
 * and not at all without a period. '' and '9999-12-31' stand for a missing
 * bound: days are valid ISO dates (the schema checks), which sort as text
 * between the two. */
#define IN_PERIOD(day) \
  "((?2 IS NULL AND ?3 IS NULL)" \
  " OR " day " BETWEEN coalesce(?2, '') AND coalesce(?3, '9999-12-31'))"

/* Every placement figure comes from one pass over the filtered placements,
 * counted in add_placements(): joining each placement's staff member is
 * what costs most, so it is done once rather than once per figure, and
 * counting in hash tables costs less than the database grouping and
 * sorting the rows again for each figure. */
static const char placements_sql[] =
  "SELECT p.status, p.sector_id, p.employer_id, p.staff_id, s.partner_id"
  " FROM placement p JOIN staff s ON s.id = p.staff_id"
  " WHERE (?1 IS NULL OR s.partner_id = ?1) AND " IN_PERIOD (FIRST_DAY ("p.id"));

/* The names of the counts of add_placements(). */
static const char sector_names_sql[] = "SELECT id, name FROM sector";
static const char partner_names_sql[] = "SELECT id, name FROM partner";

/* ?4, ?5: the audiences counted as colleagues; ?6 students. */
static const char cascade_sql[] =
  "SELECT coalesce(sum(CASE WHEN c.audience IN (?4, ?5) THEN c.people END), 0),"
  "       coalesce(sum(CASE WHEN c.audience = ?6 THEN c.people END), 0)"
  " FROM cascade c JOIN placement p ON p.id = c.placement_id JOIN staff s ON s.id = p.staff_id"
  " WHERE (?1 IS NULL OR s.partner_id = ?1)"
  "   AND (?2 IS NULL OR c.cascade_date >= ?2)"
  "   AND (?3 IS NULL OR c.cascade_date <= ?3)";

/* %s: pl_stats_survey_columns() with the answer in ?5; ?4 the kind. */
static const char survey_sql_format[] =
  "SELECT count(*)%s FROM survey_response r"
  " WHERE r.kind = ?4"
  "   AND (?1 IS NULL OR ?1 IN (SELECT partner_id FROM staff WHERE id = r.staff_id"
  "                             UNION ALL"
  "                             SELECT s.partner_id FROM placement p"
  "                             JOIN staff s ON s.id = p.staff_id"
  "                             WHERE p.id = r.placement_id))"
  "   AND (?2 IS NULL OR r.responded_on >= ?2)"
  "   AND (?3 IS NULL OR r.responded_on <= ?3)";

#define GROUPS_CTE \
  "WITH g AS (" \
  "  SELECT eg.id, eg.area FROM exchange_group eg" \
  "  WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM group_member m JOIN staff s ON s.id = m.staff_id" \
  "                               WHERE m.group_id = eg.id AND s.partner_id = ?1))" \
  "    AND ((?2 IS NULL AND ?3 IS NULL)" \
  "         OR EXISTS (SELECT 1 FROM group_meeting gm WHERE gm.group_id = eg.id" \
  "                    AND (?2 IS NULL OR gm.meeting_date >= ?2)" \
  "                    AND (?3 IS NULL OR gm.meeting_date <= ?3))))," \
  " gm AS (" \
  "  SELECT m.staff_id, s.partner_id FROM group_member m JOIN staff s ON s.id = m.staff_id" \
  "  WHERE m.group_id IN (SELECT id FROM g) AND (?1 IS NULL OR s.partner_id = ?1)) "

static const char groups_sql[] =
  GROUPS_CTE
  "SELECT (SELECT count(*) FROM g),"
  "       (SELECT count(DISTINCT staff_id) FROM gm),"
  "       (SELECT count(DISTINCT partner_id) FROM gm),"
  "       (SELECT count(*) FROM group_outcome WHERE group_id IN (SELECT id FROM g))";

static const char outcomes_by_area_sql[] =
  GROUPS_CTE
  "SELECT g.area, count(*) FROM g JOIN group_outcome o ON o.group_id = g.id GROUP BY g.area";

typedef struct
{
  PlStore    *store;
  gint64      partner_id;   /* 0: every partner */
  const char *from;
  const char *to;
} Query;

/**
 * pl_stats_failed: (skip)
 *
 * Returns: %FALSE
 */
gboolean
pl_stats_failed (GError       **error,
                 const GError  *failure)
{
  g_set_error (error, PL_ERROR, PL_ERROR_FAILED, _("Cannot compute the figures: %s"),
               failure != NULL ? failure->message : _("a query gave no result"));
  return FALSE;
}

/**
 * pl_stats_prepare: (skip)
 *
 * Returns: (transfer full) (nullable): the statement for @sql
 */
PlStmt *
pl_stats_prepare (PlStore     *store,
                  const char  *sql,
                  GError     **error)
{
  g_autoptr(GError) failure = NULL;
  PlStmt *stmt = pl_db_prepare (pl_store_get_db (store), sql, &failure);

  if (stmt == NULL)
    pl_stats_failed (error, failure);
  return stmt;
}

/**
 * pl_stats_row: (skip)
 *
 * Returns: %TRUE when @stmt gave a row
 */
gboolean
pl_stats_row (PlStmt  *stmt,
              GError **error)
{
  g_autoptr(GError) failure = NULL;

  return pl_stmt_next (stmt, &failure) || pl_stats_failed (error, failure);
}

/* The statement for @sql with the filter bound, or NULL with @error set. */
static PlStmt *
query_prepare (const Query  *query,
               const char   *sql,
               GError      **error)
{
  PlStmt *stmt = pl_stats_prepare (query->store, sql, error);

  if (stmt == NULL)
    return NULL;

  pl_stmt_bind_id (stmt, 1, query->partner_id);
  pl_stmt_bind_text (stmt, 2, query->from);
  pl_stmt_bind_text (stmt, 3, query->to);
  return stmt;
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

/* Adds "name": { key: count, … } from a query giving (key, count) rows, with
 * every key of @keys, zero included, in the order of @keys. */
static gboolean
add_counts_of (JsonBuilder         *builder,
               const Query         *query,
               const char          *name,
               const char          *sql,
               const char * const  *keys,
               GError             **error)
{
  g_autoptr(PlStmt) stmt = query_prepare (query, sql, error);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  while (pl_stmt_next (stmt, &failure))
    g_hash_table_insert (counts, pl_stmt_dup_text (stmt, 0),
                         GSIZE_TO_POINTER ((gsize) pl_stmt_get_int (stmt, 1)));

  if (failure != NULL)
    return pl_stats_failed (error, failure);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; keys[i] != NULL; i++)
    add_int (builder, keys[i], (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (counts, keys[i])));
  json_builder_end_object (builder);

  return TRUE;
}

typedef struct
{
  char   *name;
  gint64  n;
} NamedCount;

static void
named_count_clear (gpointer data)
{
  NamedCount *count = data;

  g_free (count->name);
}

/* Most first, then by name as the names' collation orders them (NOCASE:
 * ASCII letters without case, other bytes as they are). */
static int
compare_named_counts (gconstpointer a,
                      gconstpointer b)
{
  const NamedCount *x = a;
  const NamedCount *y = b;

  if (x->n != y->n)
    return x->n > y->n ? -1 : 1;
  return g_ascii_strcasecmp (x->name, y->name);
}

/* Adds "name": { record name: count, … } for each record of @names_sql
 * (id, name rows) that @counts counts, most first. */
static gboolean
add_named_counts (JsonBuilder  *builder,
                  const Query  *query,
                  const char   *name,
                  const char   *names_sql,
                  GHashTable   *counts,
                  GError      **error)
{
  g_autoptr(PlStmt) stmt = query_prepare (query, names_sql, error);
  g_autoptr(GArray) named = g_array_new (FALSE, FALSE, sizeof (NamedCount));
  g_autoptr(GError) failure = NULL;

  if (stmt == NULL)
    return FALSE;

  g_array_set_clear_func (named, named_count_clear);
  while (pl_stmt_next (stmt, &failure))
    {
      gint64 id = pl_stmt_get_int (stmt, 0);
      gint64 n = pl_id_counts_get (counts, id);
      NamedCount entry;

      if (n == 0)
        continue;

      entry.name = pl_stmt_dup_text (stmt, 1);
      entry.n = n;
      g_array_append_val (named, entry);
    }

  if (failure != NULL)
    return pl_stats_failed (error, failure);

  g_array_sort (named, compare_named_counts);
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < named->len; i++)
    {
      const NamedCount *entry = &g_array_index (named, NamedCount, i);

      add_int (builder, entry->name, entry->n);
    }
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
took_place (PlPlacementStatus status)
{
  return status == PL_PLACEMENT_STATUS_COMPLETED || status == PL_PLACEMENT_STATUS_CASCADED
         || status == PL_PLACEMENT_STATUS_EVALUATED;
}

static gboolean
add_placements (JsonBuilder  *builder,
                const Query  *query,
                GError      **error)
{
  g_autoptr(PlStmt) stmt = query_prepare (query, placements_sql, error);
  g_autoptr(GHashTable) by_sector = pl_id_counts_new ();
  g_autoptr(GHashTable) by_partner = pl_id_counts_new ();
  g_autoptr(GHashTable) employers = pl_id_counts_new ();
  g_autoptr(GHashTable) staff = pl_id_counts_new ();
  g_autoptr(GError) failure = NULL;
  const char * const *nicks = pl_enum_get_nicks (PL_TYPE_PLACEMENT_STATUS);
  guint n_statuses = pl_enum_get_n_values (PL_TYPE_PLACEMENT_STATUS);
  g_autofree gint64 *by_status = g_new0 (gint64, n_statuses);
  g_autofree int *values = g_new0 (int, n_statuses);
  gint64 total = 0, cancelled = 0;

  if (stmt == NULL)
    return FALSE;

  /* Counted by their place in the enumeration, whose nicks are the only
   * statuses the schema allows; the nicks are looked up here rather than
   * once a row through pl_enum_from_nick(), which a row of 100,000 would
   * feel. */
  for (guint i = 0; i < n_statuses; i++)
    values[i] = pl_enum_get_value (PL_TYPE_PLACEMENT_STATUS, i);

  while (pl_stmt_next (stmt, &failure))
    {
      const char *nick = pl_stmt_get_text (stmt, 0);
      PlPlacementStatus status;
      guint i = 0;

      while (i < n_statuses && g_strcmp0 (nicks[i], nick) != 0)
        i++;
      if (i == n_statuses)
        continue;

      by_status[i]++;
      status = values[i];
      if (status == PL_PLACEMENT_STATUS_CANCELLED)
        cancelled++;
      if (!took_place (status))
        continue;

      total++;
      pl_id_counts_add (by_sector, pl_stmt_get_int (stmt, 1));
      if (!pl_stmt_is_null (stmt, 2))
        pl_id_counts_add (employers, pl_stmt_get_int (stmt, 2));
      pl_id_counts_add (staff, pl_stmt_get_int (stmt, 3));
      pl_id_counts_add (by_partner, pl_stmt_get_int (stmt, 4));
    }

  if (failure != NULL)
    return pl_stats_failed (error, failure);

  json_builder_set_member_name (builder, "placements");
  json_builder_begin_object (builder);
  add_int (builder, "total", total);
  add_int (builder, "cancelled", cancelled);
  if (!add_named_counts (builder, query, "by_sector", sector_names_sql, by_sector, error)
      || !add_named_counts (builder, query, "by_partner", partner_names_sql, by_partner, error))
    return FALSE;
  json_builder_set_member_name (builder, "by_status");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_statuses; i++)
    add_int (builder, nicks[i], by_status[i]);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_int (builder, "employers", g_hash_table_size (employers));
  add_int (builder, "sectors", g_hash_table_size (by_sector));
  add_int (builder, "staff_engaged", g_hash_table_size (staff));
  return TRUE;
}

static gboolean
add_cascades (JsonBuilder  *builder,
              const Query  *query,
              GError      **error)
{
  g_autoptr(PlStmt) stmt = query_prepare (query, cascade_sql, error);

  if (stmt == NULL)
    return FALSE;

  pl_stmt_bind_text (stmt, 4, pl_enum_to_nick (PL_TYPE_CASCADE_AUDIENCE,
                                               PL_CASCADE_AUDIENCE_COLLEAGUES));
  pl_stmt_bind_text (stmt, 5, pl_enum_to_nick (PL_TYPE_CASCADE_AUDIENCE,
                                               PL_CASCADE_AUDIENCE_DEPARTMENT));
  pl_stmt_bind_text (stmt, 6, pl_enum_to_nick (PL_TYPE_CASCADE_AUDIENCE,
                                               PL_CASCADE_AUDIENCE_STUDENTS));
  if (!pl_stats_row (stmt, error))
    return FALSE;

  add_int (builder, "colleagues_reached", pl_stmt_get_int (stmt, 0));
  add_int (builder, "students_reached", pl_stmt_get_int (stmt, 1));
  return TRUE;
}

/* The figures count whom the rule of pl-impact.c finds observed on both
 * sides, with the same rows and the same rule as one person's impact. */
typedef struct
{
  gint64 observed;
  gint64 improved[PL_N_CRITERIA];
  gint64 progressed;
} ObservationCounts;

static gboolean
count_pair (const PlObservationPair *pair,
            gpointer                 user_data)
{
  ObservationCounts *counts = user_data;
  PlImprovements result;

  pl_impact_apply_rule (pair, &result);
  if (!result.observed)
    return TRUE;

  counts->observed++;
  for (guint i = 0; i < PL_N_CRITERIA; i++)
    counts->improved[i] += result.improved[i];
  counts->progressed += pair->after.learners_progressed == 1;
  return TRUE;
}

static gboolean
add_observations (JsonBuilder  *builder,
                  const Query  *query,
                  GError      **error)
{
  ObservationCounts counts = { 0 };

  if (!pl_impact_read_pairs (query->store, query->partner_id, query->from, query->to, 0,
                             count_pair, &counts, error))
    return FALSE;

  json_builder_set_member_name (builder, "observations");
  json_builder_begin_object (builder);
  add_int (builder, "staff_observed", counts.observed);
  json_builder_set_member_name (builder, "improved");
  json_builder_begin_object (builder);
  for (int i = 0; i < PL_N_CRITERIA; i++)
    add_int (builder, pl_criteria[i], counts.improved[i]);
  json_builder_end_object (builder);
  add_int (builder, "learners_progressed", counts.progressed);
  json_builder_end_object (builder);
  return TRUE;
}

/**
 * pl_stats_survey_columns: (skip)
 *
 * Returns: (transfer full): the counting columns, each after a comma
 */
char *
pl_stats_survey_columns (const char * const *questions,
                         int                 agree_parameter)
{
  GString *columns = g_string_new (NULL);

  /* The questions are column names of our own schema, never user input. */
  for (guint i = 0; questions[i] != NULL; i++)
    g_string_append_printf (columns, ", count(*) FILTER (WHERE r.%s = ?%d), count(r.%s)",
                            questions[i], agree_parameter, questions[i]);
  return g_string_free (columns, FALSE);
}

/**
 * pl_stats_add_survey: (skip)
 *
 * Writes the members of one survey's counts into the object @builder has
 * open.
 */
void
pl_stats_add_survey (JsonBuilder         *builder,
                     PlStmt              *stmt,
                     int                  first,
                     const char * const  *questions)
{
  add_int (builder, "responses", pl_stmt_get_int (stmt, first));
  json_builder_set_member_name (builder, "agree_pct");
  json_builder_begin_object (builder);
  for (guint i = 0; questions[i] != NULL; i++)
    add_int (builder, questions[i],
             pl_stats_percent (pl_stmt_get_int (stmt, first + 1 + 2 * i),
                               pl_stmt_get_int (stmt, first + 2 + 2 * i)));
  json_builder_end_object (builder);
  /* What the percentages are of, so that 0 % of nobody can be told from
   * nobody agreeing. */
  json_builder_set_member_name (builder, "agreed");
  json_builder_begin_object (builder);
  for (guint i = 0; questions[i] != NULL; i++)
    add_int (builder, questions[i], pl_stmt_get_int (stmt, first + 1 + 2 * i));
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "answered");
  json_builder_begin_object (builder);
  for (guint i = 0; questions[i] != NULL; i++)
    add_int (builder, questions[i], pl_stmt_get_int (stmt, first + 2 + 2 * i));
  json_builder_end_object (builder);
}

static gboolean
add_survey (JsonBuilder         *builder,
            const Query         *query,
            const char          *name,
            PlSurveyKind         kind,
            GError             **error)
{
  const char *nick = pl_enum_to_nick (PL_TYPE_SURVEY_KIND, kind);
  const char * const *questions = pl_survey_questions (nick);
  g_autofree char *columns = pl_stats_survey_columns (questions, 5);
  g_autofree char *sql = g_strdup_printf (survey_sql_format, columns);
  g_autoptr(PlStmt) stmt = query_prepare (query, sql, error);

  if (stmt == NULL)
    return FALSE;
  pl_stmt_bind_text (stmt, 4, nick);
  pl_stmt_bind_text (stmt, 5, pl_enum_to_nick (PL_TYPE_SURVEY_ANSWER, PL_SURVEY_ANSWER_AGREE));
  if (!pl_stats_row (stmt, error))
    return FALSE;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  pl_stats_add_survey (builder, stmt, 0, questions);
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_groups (JsonBuilder  *builder,
            const Query  *query,
            GError      **error)
{
  g_autoptr(PlStmt) stmt = query_prepare (query, groups_sql, error);

  if (stmt == NULL || !pl_stats_row (stmt, error))
    return FALSE;

  json_builder_set_member_name (builder, "groups");
  json_builder_begin_object (builder);
  add_int (builder, "groups", pl_stmt_get_int (stmt, 0));
  add_int (builder, "members", pl_stmt_get_int (stmt, 1));
  add_int (builder, "organisations", pl_stmt_get_int (stmt, 2));
  add_int (builder, "outcomes", pl_stmt_get_int (stmt, 3));
  if (!add_counts_of (builder, query, "outcomes_by_area", outcomes_by_area_sql,
                      pl_enum_get_nicks (PL_TYPE_GROUP_AREA), error))
    return FALSE;
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
find_partner (PlStore     *store,
              const char  *name,
              gint64      *id,
              GError     **error)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) failure = NULL;

  /* partner.name is COLLATE NOCASE: the lookup ignores case. */
  stmt = pl_db_prepare (pl_store_get_db (store), "SELECT id FROM partner WHERE name = ?1",
                        &failure);
  if (stmt == NULL)
    return pl_stats_failed (error, failure);

  pl_stmt_bind_text (stmt, 1, name);
  if (pl_stmt_next (stmt, &failure))
    {
      *id = pl_stmt_get_int (stmt, 0);
      return TRUE;
    }

  if (failure != NULL)
    return pl_stats_failed (error, failure);

  g_set_error (error, PL_ERROR, PL_ERROR_NOT_FOUND, _("No partner is called “%s”."), name);
  return FALSE;
}

/**
 * pl_stats_compute:
 * @store: a store
 * @filter: (nullable): which part of the data to count
 * @error: return location for a #GError
 *
 * Computes the impact figures; see the comment at the top of pl-stats.c for
 * what each filter member restricts.
 *
 * Returns: (transfer full): a JSON object, or %NULL with @error set
 */
JsonNode *
pl_stats_compute (PlStore              *store,
                  const PlStatsFilter  *filter,
                  GError              **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  Query query = { 0 };

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  query.store = store;

  if (filter != NULL)
    {
      if (!pl_date_check_iso (filter->from, error) || !pl_date_check_iso (filter->to, error))
        return NULL;
      if (filter->partner != NULL
          && !find_partner (store, filter->partner, &query.partner_id, error))
        return NULL;
      query.from = filter->from;
      query.to = filter->to;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  if (!add_placements (builder, &query, error)
      || !add_cascades (builder, &query, error)
      || !add_observations (builder, &query, error)
      || !add_survey (builder, &query, "student_survey", PL_SURVEY_KIND_STUDENT, error)
      || !add_survey (builder, &query, "employer_survey", PL_SURVEY_KIND_EMPLOYER, error)
      || !add_groups (builder, &query, error))
    return NULL;

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * pl_stats_percent:
 * @part: how many
 * @total: out of how many
 *
 * Returns: @part as a whole percentage of @total, halves rounded up; 0 when
 *   @total is 0
 */
int
pl_stats_percent (gint64 part,
                  gint64 total)
{
  if (total <= 0)
    return 0;

  return (int) ((200 * part + total) / (2 * total));
}

/**
 * pl_stats_format_percent:
 * @percent: a whole percentage
 *
 * Writes @percent as the locale writes percentages: English "96%", while
 * French puts a space before the sign. Translators choose the form.
 *
 * Returns: (transfer full): the text
 */
char *
pl_stats_format_percent (int percent)
{
  /* TRANSLATORS: a percentage, "96%"; put the sign where your language
   * writes it (French "96 %"), keeping %d for the number */
  return g_strdup_printf (C_("percent", "%d%%"), percent);
}

typedef struct
{
  char *partner;
  char *from;
  char *to;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_free (job->partner);
  g_free (job->from);
  g_free (job->to);
  g_free (job);
}

static gpointer
compute_in_worker (PlStoreJob  *job,
                   PlStore     *worker,
                   gpointer     data,
                   GError     **error)
{
  ComputeJob *compute = data;
  PlStatsFilter filter = { compute->partner, compute->from, compute->to };

  (void) job;
  return pl_stats_compute (worker, &filter, error);
}

void
pl_stats_compute_async (PlStore             *store,
                        const PlStatsFilter *filter,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  ComputeJob *job;

  g_return_if_fail (PL_IS_STORE (store));
  g_return_if_fail (filter != NULL);

  job = g_new0 (ComputeJob, 1);
  job->partner = g_strdup (filter->partner);
  job->from = g_strdup (filter->from);
  job->to = g_strdup (filter->to);
  pl_store_run_async (store, compute_in_worker, job, (GDestroyNotify) compute_job_free,
                      (GDestroyNotify) json_node_unref, NULL, NULL, cancellable, callback,
                      user_data);
}

JsonNode *
pl_stats_compute_finish (PlStore       *store,
                         GAsyncResult  *result,
                         GError       **error)
{
  return pl_store_run_finish (store, result, error);
}
