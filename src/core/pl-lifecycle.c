/* pl-lifecycle.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-lifecycle"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-date.h"
#include "pl-enums.h"
#include "pl-evidence.h"
#include "pl-lifecycle-private.h"
#include "pl-milestones-private.h"
#include "pl-store-private.h"

/* What a status needs is checked when the placement moves to it, not when
 * the record is written: a request may start almost empty and fill in over
 * months. The sentences below are what a coordinator reads when a step is
 * refused, so each names the thing to do. */

/* The walk's order is the enumeration's (pl-enums.h): a status's rank is
 * its value, and cancelled stands outside it. */
#define RANK_PROPOSED  PL_PLACEMENT_STATUS_PROPOSED
#define RANK_AGREED    PL_PLACEMENT_STATUS_AGREED
#define RANK_COMPLETED PL_PLACEMENT_STATUS_COMPLETED

typedef struct
{
  gint64  id;
  char   *done;   /* before the change; NULL when it was not done */
} MilestoneChange;

struct _PlStatusChange
{
  gint64  placement_id;
  gint64  event_id;
  char   *from;
  char   *to;
  char   *agreed_on;       /* before the change */
  char   *cancel_reason;   /* before the change */
  GArray *milestones;      /* MilestoneChange */
};

static void
milestone_change_clear (gpointer data)
{
  g_free (((MilestoneChange *) data)->done);
}

static PlStatusChange *
pl_status_change_copy (PlStatusChange *change)
{
  PlStatusChange *copy = g_new0 (PlStatusChange, 1);

  copy->placement_id = change->placement_id;
  copy->event_id = change->event_id;
  copy->from = g_strdup (change->from);
  copy->to = g_strdup (change->to);
  copy->agreed_on = g_strdup (change->agreed_on);
  copy->cancel_reason = g_strdup (change->cancel_reason);
  copy->milestones = g_array_new (FALSE, TRUE, sizeof (MilestoneChange));
  g_array_set_clear_func (copy->milestones, milestone_change_clear);
  for (guint i = 0; i < change->milestones->len; i++)
    {
      MilestoneChange m = g_array_index (change->milestones, MilestoneChange, i);

      m.done = g_strdup (m.done);
      g_array_append_val (copy->milestones, m);
    }

  return copy;
}

void
pl_status_change_free (PlStatusChange *change)
{
  if (change == NULL)
    return;

  g_free (change->from);
  g_free (change->to);
  g_free (change->agreed_on);
  g_free (change->cancel_reason);
  g_clear_pointer (&change->milestones, g_array_unref);
  g_free (change);
}

G_DEFINE_BOXED_TYPE (PlStatusChange, pl_status_change, pl_status_change_copy,
                     pl_status_change_free)

const char *
pl_status_change_get_from (PlStatusChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->from;
}

const char *
pl_status_change_get_to (PlStatusChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);
  return change->to;
}

static const char *
status_nick (PlPlacementStatus status)
{
  return pl_enum_to_nick (PL_TYPE_PLACEMENT_STATUS, status);
}

static const char *
status_label (PlPlacementStatus status)
{
  return pl_enum_get_label (PL_TYPE_PLACEMENT_STATUS, status);
}

/* Sets @status from @nick; FALSE for text that is no status. */
static gboolean
parse_status (const char        *nick,
              PlPlacementStatus *status)
{
  int value;

  if (nick == NULL || !pl_enum_from_nick (PL_TYPE_PLACEMENT_STATUS, nick, &value))
    return FALSE;
  *status = value;
  return TRUE;
}

int
pl_lifecycle_rank (const char *status)
{
  PlPlacementStatus value;

  if (!parse_status (status, &value) || value == PL_PLACEMENT_STATUS_CANCELLED)
    return -1;
  return (int) value;
}

const char *
pl_lifecycle_next_status (const char *status)
{
  int rank = pl_lifecycle_rank (status);

  if (rank < 0 || rank >= PL_PLACEMENT_STATUS_EVALUATED)
    return NULL;
  return status_nick (rank + 1);
}

/* "7 January 2027": messages are read by people, not parsed. */
static char *
date_in_words (const char *iso)
{
  GDate date;
  char text[64];

  if (!pl_date_parse (iso, &date) || g_date_strftime (text, sizeof text, "%-d %B %Y", &date) == 0)
    return g_strdup (iso);
  return g_strdup (text);
}

/* A document kind as it reads inside a sentence. */
static const char *
document_phrase (const char *kind)
{
  int value;

  if (!pl_enum_from_nick (PL_TYPE_DOCUMENT_KIND, kind, &value))
    return kind;

  switch ((PlDocumentKind) value)
    {
    case PL_DOCUMENT_KIND_INSURANCE:
      return _("insurance certificate");
    case PL_DOCUMENT_KIND_HEALTH_SAFETY_POLICY:
      return _("health and safety policy");
    case PL_DOCUMENT_KIND_RISK_ASSESSMENT:
      return _("risk assessment");
    case PL_DOCUMENT_KIND_AGREEMENT:
      return _("signed agreement");
    default:
      return kind;
    }
}

static void
add_missing (GPtrArray  *missing,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_missing (GPtrArray  *missing,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (missing, g_strdup_vprintf (format, args));
  va_end (args);
}

static gint64
query_count (PlStore    *store,
             const char *sql,
             gint64      id)
{
  g_autoptr(PlStmt) stmt = NULL;
  g_autoptr(GError) error = NULL;

  stmt = pl_db_prepare (pl_store_get_db (store), sql, &error);
  if (stmt != NULL)
    {
      pl_stmt_bind_int (stmt, 1, id);
      if (pl_stmt_next (stmt, &error))
        return pl_stmt_get_int (stmt, 0);
    }
  if (error != NULL)
    g_critical ("%s: %s", sql, error->message);
  return 0;
}

static gboolean
has_text (PlRecord   *record,
          const char *column)
{
  const char *text = pl_record_get_string (record, column);

  if (text == NULL)
    return FALSE;
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* What every status from "proposed" on keeps: an employer of the
 * placement's sector, and days. The store's check reports a placement that
 * breaks these, so no step may lead to one. */
static void
check_matched (PlStore    *store,
               PlRecord   *placement,
               GPtrArray  *missing)
{
  gint64 employer_id = pl_record_get_int (placement, "employer_id");

  if (employer_id == 0)
    add_missing (missing, "%s", _("Choose an employer."));
  else
    {
      g_autoptr(PlRecord) employer = pl_store_get (store, PL_TYPE_EMPLOYER, employer_id, NULL);

      if (employer != NULL &&
          pl_record_get_int (employer, "sector_id") != pl_record_get_int (placement, "sector_id"))
        add_missing (missing, _("%s is an employer in %s, but this placement is in %s: choose "
                                "an employer of the placement’s sector."),
                     pl_record_get_string (employer, "name"),
                     pl_record_get_string (employer, "sector_name"),
                     pl_record_get_string (placement, "sector_name"));
    }

  if (pl_record_get_int (placement, "n_days") == 0)
    add_missing (missing, "%s", _("Choose the placement days."));
}

/* Every kind of evidence document in force on the first day, by the rule
 * the Employers page flags (pl_evidence_check); this only puts each
 * shortfall in words, with the date a document ran out where there is one. */
static void
check_evidence (PlStore    *store,
                PlRecord   *placement,
                GPtrArray  *missing)
{
  gint64 employer_id = pl_record_get_int (placement, "employer_id");
  const char *first_day = pl_record_get_string (placement, "first_day");
  g_autoptr(PlRecord) employer = NULL;
  g_autoptr(PlStmt) stmt = NULL;
  g_auto(GStrv) absent = NULL;
  g_auto(GStrv) expired = NULL;
  GDate first;

  if (employer_id == 0 || first_day == NULL || !pl_date_parse (first_day, &first))
    return;   /* already said by check_matched() */

  employer = pl_store_get (store, PL_TYPE_EMPLOYER, employer_id, NULL);
  if (employer == NULL)
    return;

  if (pl_evidence_check (store, employer_id, &first, &absent, &expired))
    return;

  for (guint i = 0; absent != NULL && absent[i] != NULL; i++)
    /* TRANSLATORS: "Keel and Anchor Hotel has no insurance certificate on record." */
    add_missing (missing, _("%s has no %s on record."),
                 pl_record_get_string (employer, "name"), document_phrase (absent[i]));

  stmt = pl_db_prepare (pl_store_get_db (store),
                        "SELECT max(expires_on) FROM employer_document "
                        "WHERE employer_id = ?1 AND kind = ?2", NULL);
  if (stmt == NULL)
    return;

  for (guint i = 0; expired != NULL && expired[i] != NULL; i++)
    {
      g_autofree char *first_words = date_in_words (first_day);
      const char *expires = NULL;

      pl_stmt_reset (stmt);
      pl_stmt_bind_int (stmt, 1, employer_id);
      pl_stmt_bind_text (stmt, 2, expired[i]);
      if (pl_stmt_next (stmt, NULL))
        expires = pl_stmt_get_text (stmt, 0);

      if (expires != NULL && g_strcmp0 (expires, first_day) < 0)
        {
          g_autofree char *when = date_in_words (expires);

          /* TRANSLATORS: "Keel and Anchor Hotel’s insurance certificate expires on
           * 2 November 2026, before the first day (7 January 2027)." */
          add_missing (missing, _("%s’s %s expires on %s, before the first day (%s)."),
                       pl_record_get_string (employer, "name"), document_phrase (expired[i]),
                       when, first_words);
        }
      else
        /* TRANSLATORS: "Keel and Anchor Hotel’s risk assessment is not yet in force on
         * the first day (7 January 2027)." */
        add_missing (missing, _("%s’s %s is not yet in force on the first day (%s)."),
                     pl_record_get_string (employer, "name"), document_phrase (expired[i]),
                     first_words);
    }
}

/* The first day must be at least the lead time after the agreement: the
 * larger of the network's lead time and the employer's own notice. */
static void
check_lead_time (PlStore    *store,
                 PlRecord   *placement,
                 GPtrArray  *missing)
{
  const char *agreed_on = pl_record_get_string (placement, "agreed_on");
  const char *first_day = pl_record_get_string (placement, "first_day");
  g_autoptr(PlRecord) employer = NULL;
  gint64 weeks;
  g_autofree char *earliest = NULL;

  if (first_day == NULL || pl_record_get_int (placement, "employer_id") == 0)
    return;

  if (agreed_on == NULL)
    {
      add_missing (missing, "%s", _("The date of the agreement is not known: move the placement "
                                    "back to Agreed and agree it again."));
      return;
    }

  employer = pl_store_get (store, PL_TYPE_EMPLOYER, pl_record_get_int (placement, "employer_id"),
                           NULL);
  weeks = pl_store_get_setting_int (store, "lead_time_weeks", 6);
  if (employer != NULL)
    weeks = MAX (weeks, pl_record_get_int (employer, "notice_weeks"));

  earliest = pl_date_iso_add_days (agreed_on, (int) weeks * 7);
  if (g_strcmp0 (first_day, earliest) < 0)
    {
      g_autofree char *agreed = date_in_words (agreed_on);
      g_autofree char *needed = date_in_words (earliest);
      g_autofree char *first = date_in_words (first_day);
      g_autofree char *lead = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week",
                                                            "%d weeks", (gulong) weeks),
                                               (int) weeks);

      add_missing (missing, _("The lead time is not met: agreed on %s with %s’ notice, the first "
                              "day had to be on or after %s, but it is %s."),
                   agreed, lead, needed, first);
    }
}

static void
check_requirements (PlStore           *store,
                    PlRecord          *placement,
                    PlPlacementStatus  to_status,
                    const GDate       *today,
                    GPtrArray         *missing)
{
  if (to_status >= RANK_PROPOSED)
    check_matched (store, placement, missing);

  switch (to_status)
    {
    case PL_PLACEMENT_STATUS_AGREED:
      if (pl_record_get_int (placement, "aims") == 0)
        add_missing (missing, "%s", _("Tick at least one aim in the pre-placement planner."));
      break;

    case PL_PLACEMENT_STATUS_CONFIRMED:
      check_evidence (store, placement, missing);
      check_lead_time (store, placement, missing);
      break;

    case PL_PLACEMENT_STATUS_COMPLETED:
      {
      const char *last_day = pl_record_get_string (placement, "last_day");
      g_autofree char *iso_today = pl_date_to_iso (today);

      if (last_day != NULL && g_strcmp0 (last_day, iso_today) >= 0)
        {
          g_autofree char *last = date_in_words (last_day);
          add_missing (missing, _("The last day (%s) has not passed yet."), last);
        }
      }
      break;

    case PL_PLACEMENT_STATUS_CASCADED:
      if (query_count (store, "SELECT count(*) FROM cascade WHERE placement_id = ?1",
                       pl_record_get_id (placement)) == 0)
        add_missing (missing, "%s", _("Record at least one cascade: when the learning was passed "
                                      "on, to whom, and to how many people."));
      break;

    case PL_PLACEMENT_STATUS_EVALUATED:
      if (!has_text (placement, "reflection_learned"))
        add_missing (missing, "%s", _("Write what was learned in the reflection."));
      if (!has_text (placement, "reflection_students"))
        add_missing (missing, "%s", _("Write what will change for students in the reflection."));
      /* An observation linked to this placement, or one of the same person
       * after its last day that is linked to none. */
      if (query_count (store,
                       "SELECT count(*) FROM observation AS o, placement AS p "
                       "WHERE p.id = ?1 AND o.staff_id = p.staff_id AND o.phase = 'after' "
                       "AND (o.placement_id = p.id OR (o.placement_id IS NULL AND o.observed_on > "
                       "(SELECT max(day) FROM placement_day WHERE placement_id = p.id)))",
                       pl_record_get_id (placement)) == 0)
        add_missing (missing, _("Record a lesson observation of %s after the placement."),
                     pl_record_get_string (placement, "staff_name"));
      break;

    case PL_PLACEMENT_STATUS_REQUEST:
    case PL_PLACEMENT_STATUS_PROPOSED:
    case PL_PLACEMENT_STATUS_CANCELLED:
    default:
      break;
    }
}

static gboolean
check_record (PlStore           *store,
              PlRecord          *placement,
              PlPlacementStatus  to,
              const GDate       *today,
              GPtrArray         *missing)
{
  PlPlacementStatus from = pl_record_get_enum (placement, "status");
  guint before = missing->len;

  if (from == to)
    {
      add_missing (missing, _("The placement is already %s."), status_label (to));
      return FALSE;
    }

  if (to == PL_PLACEMENT_STATUS_CANCELLED)
    {
      if (from >= RANK_COMPLETED)
        add_missing (missing, _("The placement has taken place (it is %s), so it cannot be "
                                "cancelled."), status_label (from));
      return missing->len == before;
    }

  if (from == PL_PLACEMENT_STATUS_CANCELLED)
    {
      if (to != PL_PLACEMENT_STATUS_REQUEST)
        add_missing (missing, "%s", _("A cancelled placement can only be reopened as a request."));
      return missing->len == before;
    }

  if (to > from + 1)
    {
      add_missing (missing, _("A placement moves forward one step at a time: after %s comes %s."),
                   status_label (from), status_label (from + 1));
      return FALSE;
    }

  if (to > from)
    check_requirements (store, placement, to, today, missing);
  else if (to >= RANK_PROPOSED)
    check_matched (store, placement, missing);

  return missing->len == before;
}

gboolean
pl_lifecycle_check (PlStore     *store,
                    gint64       placement_id,
                    const char  *to_status,
                    const GDate *today,
                    GPtrArray   *missing)
{
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(GError) error = NULL;
  PlPlacementStatus to;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (to_status != NULL, FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (missing != NULL, FALSE);

  if (!parse_status (to_status, &to))
    {
      add_missing (missing, _("“%s” is not a placement status."), to_status);
      return FALSE;
    }

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, &error);
  if (placement == NULL)
    {
      g_ptr_array_add (missing, g_strdup (error->message));
      return FALSE;
    }

  return check_record (store, placement, to, today, missing);
}

/* Ticks (@tick, done on @today) or unticks the milestones of the
 * placement whose template names @status as the step that completes them
 * (milestone_template.step), remembering in @change what each was. */
static gboolean
mark_step_milestones (PlStore           *store,
                      PlStatusChange    *change,
                      PlPlacementStatus  status,
                      gboolean         tick,
                      const GDate     *today,
                      GError         **error)
{
  PlDb *db = pl_store_get_db (store);
  g_autofree char *iso_today = pl_date_to_iso (today);
  g_autoptr(PlStmt) find = NULL;
  g_autoptr(PlStmt) mark = NULL;
  g_autoptr(GError) failure = NULL;

  find = pl_db_prepare (db,
                        "SELECT m.id, m.done FROM milestone AS m "
                        "JOIN milestone_template AS t ON t.kind = m.kind "
                        "WHERE m.placement_id = ?1 AND t.step = ?2 ORDER BY m.id",
                        error);
  mark = find ? pl_db_prepare (db, "UPDATE milestone SET done = ?2 WHERE id = ?1", error) : NULL;
  if (mark == NULL)
    return pl_store_translate_error (error, NULL);

  pl_stmt_bind_int (find, 1, change->placement_id);
  pl_stmt_bind_text (find, 2, status_nick (status));
  while (pl_stmt_next (find, &failure))
    {
      MilestoneChange m;
      gboolean done = !pl_stmt_is_null (find, 1);

      if (done == tick)
        continue;

      m.id = pl_stmt_get_int (find, 0);
      m.done = pl_stmt_dup_text (find, 1);
      g_array_append_val (change->milestones, m);

      pl_stmt_bind_int (mark, 1, m.id);
      pl_stmt_bind_text (mark, 2, tick ? iso_today : NULL);
      if (!pl_stmt_run (mark, error))
        return pl_store_translate_error (error, NULL);
    }

  if (failure != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return pl_store_translate_error (error, NULL);
    }

  return TRUE;
}

static gboolean
record_event (PlStore         *store,
              PlStatusChange  *change,
              const char      *reason,
              const GDate     *today,
              GError         **error)
{
  g_autoptr(PlRecord) event = pl_record_new (PL_TYPE_PLACEMENT_EVENT);
  g_autofree char *iso_today = pl_date_to_iso (today);

  pl_record_set_int (event, "placement_id", change->placement_id);
  pl_record_set_string (event, "changed_on", iso_today);
  pl_record_set_string (event, "from_status", change->from);
  pl_record_set_string (event, "to_status", change->to);
  pl_record_set_string (event, "reason", reason);
  if (!pl_store_insert (store, event, error))
    return FALSE;

  change->event_id = pl_record_get_id (event);
  return TRUE;
}

static char *
trimmed (const char *text)
{
  return text != NULL ? g_strstrip (g_strdup (text)) : NULL;
}

/**
 * pl_lifecycle_move: (skip)
 *
 * The one way a placement's status changes, inside the caller's
 * transaction: checks the step as pl_lifecycle_check() does, writes
 * @placement (as read in this transaction; the caller may have changed
 * other columns of it, as the planner changes the employer) with its new
 * status, records the step in the history with @reason, gives the
 * placement the milestones its days call for and ticks or unticks those of
 * the steps it passes. With %PL_LIFECYCLE_MOVE_AGAIN a move to the status
 * the placement has is allowed and recorded (the re-plan moving a
 * proposed placement's days). On failure the caller rolls back.
 *
 * Returns: (transfer full): the change, for pl_lifecycle_move_back(), or
 *   %NULL with @error set
 */
PlStatusChange *
pl_lifecycle_move (PlStore              *store,
                   PlMilestoneRules     *rules,
                   PlRecord             *placement,
                   PlPlacementStatus     to,
                   const char           *reason,
                   PlLifecycleMoveFlags  flags,
                   const GDate          *today,
                   GError              **error)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PlStatusChange) change = NULL;
  g_autoptr(PlMilestoneRules) own_rules = NULL;
  g_autofree char *why = trimmed (reason);
  g_autofree char *iso_today = NULL;
  PlPlacementStatus from;
  gboolean allowed;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_PLACEMENT (placement), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  from = pl_record_get_enum (placement, "status");

  if (from == to && (flags & PL_LIFECYCLE_MOVE_AGAIN))
    {
      if (to >= RANK_PROPOSED && to != PL_PLACEMENT_STATUS_CANCELLED)
        check_matched (store, placement, missing);
      allowed = missing->len == 0;
    }
  else
    allowed = check_record (store, placement, to, today, missing);

  /* A reason is asked for only when the cancellation could go ahead. */
  if (allowed && to == PL_PLACEMENT_STATUS_CANCELLED && (why == NULL || *why == '\0'))
    g_ptr_array_add (missing, g_strdup (_("Give a reason for cancelling.")));

  if (missing->len > 0)
    {
      g_autofree char *text = NULL;

      g_ptr_array_add (missing, NULL);
      text = g_strjoinv ("\n", (char **) missing->pdata);
      g_set_error_literal (error, PL_ERROR, PL_ERROR_NOT_ALLOWED, text);
      return NULL;
    }

  change = g_new0 (PlStatusChange, 1);
  change->placement_id = pl_record_get_id (placement);
  change->from = g_strdup (status_nick (from));
  change->to = g_strdup (status_nick (to));
  change->agreed_on = g_strdup (pl_record_get_string (placement, "agreed_on"));
  change->cancel_reason = g_strdup (pl_record_get_string (placement, "cancel_reason"));
  change->milestones = g_array_new (FALSE, TRUE, sizeof (MilestoneChange));
  g_array_set_clear_func (change->milestones, milestone_change_clear);

  iso_today = pl_date_to_iso (today);

  pl_record_set_enum (placement, "status", to);
  if (to == PL_PLACEMENT_STATUS_CANCELLED)
    pl_record_set_string (placement, "cancel_reason", why);
  else
    pl_record_set_null (placement, "cancel_reason");
  if (to == PL_PLACEMENT_STATUS_AGREED && from < RANK_AGREED)
    pl_record_set_string (placement, "agreed_on", iso_today);
  else if (to < RANK_AGREED)
    pl_record_set_null (placement, "agreed_on");

  if (!pl_store_update (store, placement, error) ||
      !record_event (store, change, why, today, error))
    return NULL;

  if (to == PL_PLACEMENT_STATUS_CANCELLED)
    return g_steal_pointer (&change);

  /* A placement whose days came without its milestones (written before
   * milestones existed, or by an older import) gets them before its step
   * is ticked: every placement on the walk has its milestones. */
  if (rules == NULL)
    {
      rules = own_rules = pl_milestone_rules_new (store, error);
      if (rules == NULL)
        return NULL;
    }
  if (!pl_milestone_rules_apply (rules, store, change->placement_id, NULL, error))
    return NULL;

  if (from == PL_PLACEMENT_STATUS_CANCELLED)
    return g_steal_pointer (&change);

  if (to > from)
    {
      if (!mark_step_milestones (store, change, to, TRUE, today, error))
        return NULL;
    }
  else
    {
      for (PlPlacementStatus r = from; r > to; r--)
        if (!mark_step_milestones (store, change, r, FALSE, today, error))
          return NULL;
    }

  return g_steal_pointer (&change);
}

PlStatusChange *
pl_lifecycle_change_status (PlStore     *store,
                            gint64       placement_id,
                            const char  *to_status,
                            const char  *reason,
                            const GDate *today,
                            GError     **error)
{
  g_autoptr(PlRecord) placement = NULL;
  g_autoptr(PlStatusChange) change = NULL;
  PlPlacementStatus to;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (to_status != NULL, NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  if (!parse_status (to_status, &to))
    {
      g_set_error (error, PL_ERROR, PL_ERROR_INVALID,
                   _("“%s” is not a placement status: use one of request, proposed, agreed, "
                     "confirmed, completed, cascaded, evaluated or cancelled."), to_status);
      return NULL;
    }

  if (!pl_store_begin (store, error))
    return NULL;

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, error);
  if (placement == NULL ||
      (change = pl_lifecycle_move (store, NULL, placement, to, reason, 0, today,
                                   error)) == NULL ||
      !pl_store_commit (store, error))
    {
      pl_store_rollback (store);
      return NULL;
    }

  return g_steal_pointer (&change);
}

gboolean
pl_lifecycle_set_status (PlStore     *store,
                         gint64       placement_id,
                         const char  *to_status,
                         const char  *reason,
                         const GDate *today,
                         GError     **error)
{
  g_autoptr(PlStatusChange) change = NULL;

  change = pl_lifecycle_change_status (store, placement_id, to_status, reason, today, error);
  return change != NULL;
}

/**
 * pl_lifecycle_move_back: (skip)
 *
 * Undoes @change inside the caller's transaction: writes @placement (as
 * read in this transaction, other columns as the caller set them) with the
 * status, agreement date and cancellation reason it had, puts back the
 * milestones the step ticked or unticked and removes its event. Refused
 * when the placement is no longer in the status @change left it in.
 */
gboolean
pl_lifecycle_move_back (PlStore         *store,
                        PlStatusChange  *change,
                        PlRecord        *placement,
                        GError         **error)
{
  g_autoptr(PlStmt) mark = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  g_return_val_if_fail (PL_IS_PLACEMENT (placement), FALSE);

  if (g_strcmp0 (pl_record_get_string (placement, "status"), change->to) != 0)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                   _("The placement is now %s, not %s: the change can no longer be undone."),
                   status_label (pl_record_get_enum (placement, "status")),
                   pl_enum_get_nick_label (PL_TYPE_PLACEMENT_STATUS, change->to));
      return FALSE;
    }

  pl_record_set_string (placement, "status", change->from);
  pl_record_set_string (placement, "agreed_on", change->agreed_on);
  pl_record_set_string (placement, "cancel_reason", change->cancel_reason);

  if (!pl_store_update (store, placement, error))
    return FALSE;

  if (change->milestones->len > 0)
    {
      mark = pl_db_prepare (pl_store_get_db (store),
                            "UPDATE milestone SET done = ?2 WHERE id = ?1", error);
      if (mark == NULL)
        return pl_store_translate_error (error, NULL);
    }

  for (guint i = 0; i < change->milestones->len; i++)
    {
      MilestoneChange *m = &g_array_index (change->milestones, MilestoneChange, i);

      pl_stmt_reset (mark);
      pl_stmt_bind_int (mark, 1, m->id);
      pl_stmt_bind_text (mark, 2, m->done);
      if (!pl_stmt_run (mark, error))
        return pl_store_translate_error (error, NULL);
    }

  return change->event_id == 0 ||
         pl_store_delete (store, PL_TYPE_PLACEMENT_EVENT, change->event_id, error);
}

gboolean
pl_lifecycle_undo (PlStore         *store,
                   PlStatusChange  *change,
                   GError         **error)
{
  g_autoptr(PlRecord) placement = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, change->placement_id, error);
  if (placement == NULL ||
      !pl_lifecycle_move_back (store, change, placement, error) ||
      !pl_store_commit (store, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gint64
pl_placement_create_request (PlStore      *store,
                             gint64        staff_id,
                             gint64        sector_id,
                             const GDate  *today,
                             GError      **error)
{
  g_autoptr(PlRecord) placement = pl_record_new (PL_TYPE_PLACEMENT);
  g_autoptr(PlStatusChange) change = g_new0 (PlStatusChange, 1);

  g_return_val_if_fail (PL_IS_STORE (store), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  pl_record_set_int (placement, "staff_id", staff_id);
  pl_record_set_int (placement, "sector_id", sector_id);
  pl_record_set_enum (placement, "status", PL_PLACEMENT_STATUS_REQUEST);
  pl_record_set_int (placement, "length", 1);
  pl_record_set_int (placement, "aims", 0);

  if (!pl_store_begin (store, error))
    return 0;

  if (!pl_store_insert (store, placement, error))
    {
      pl_store_rollback (store);
      return 0;
    }

  change->placement_id = pl_record_get_id (placement);
  change->to = g_strdup (status_nick (PL_PLACEMENT_STATUS_REQUEST));
  change->milestones = g_array_new (FALSE, TRUE, sizeof (MilestoneChange));
  if (!record_event (store, change, NULL, today, error))
    {
      pl_store_rollback (store);
      return 0;
    }

  if (!pl_store_commit (store, error))
    return 0;

  return pl_record_get_id (placement);
}

gboolean
pl_placement_set_days (PlStore             *store,
                       gint64               placement_id,
                       const char * const  *days,
                       GError             **error)
{
  g_autoptr(PlMilestoneRules) rules = NULL;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);

  if (!pl_store_begin (store, error))
    return FALSE;

  rules = pl_milestone_rules_new (store, error);
  if (rules == NULL ||
      !pl_placement_set_days_with_rules (store, rules, placement_id, days, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }

  return pl_store_commit (store, error);
}

/**
 * pl_placement_set_days_with_rules: (skip)
 *
 * pl_placement_set_days() inside the caller's transaction, with templates
 * and working days read once for many placements (imports, the scheduler,
 * the sample). On failure the caller rolls back.
 */
gboolean
pl_placement_set_days_with_rules (PlStore             *store,
                                  PlMilestoneRules    *rules,
                                  gint64               placement_id,
                                  const char * const  *days,
                                  GError             **error)
{
  g_autoptr(PlRecord) placement = NULL;
  PlPlacementStatus status;

  placement = pl_store_get (store, PL_TYPE_PLACEMENT, placement_id, error);
  if (placement == NULL)
    return FALSE;

  status = pl_record_get_enum (placement, "status");
  if ((days == NULL || days[0] == NULL) &&
      status >= RANK_PROPOSED && status != PL_PLACEMENT_STATUS_CANCELLED)
    {
      g_set_error (error, PL_ERROR, PL_ERROR_NOT_ALLOWED,
                   _("A placement that is %s keeps at least one day: move it back to Request "
                     "before removing them all."), status_label (status));
      return FALSE;
    }

  return pl_store_set_days (store, placement_id, days, error) &&
         pl_milestone_rules_apply (rules, store, placement_id, days, error);
}

/* Columns that only the lifecycle writes. */
static gboolean
is_status_column (const char *name)
{
  return g_str_equal (name, "status") || g_str_equal (name, "agreed_on") ||
         g_str_equal (name, "cancel_reason");
}

gboolean
pl_placement_restore (PlStore             *store,
                      PlRecord            *placement,
                      const char * const  *days,
                      GError             **error)
{
  g_autoptr(PlRecord) current = NULL;
  PlRecordClass *klass;
  const PlColumn *columns;
  guint n_columns;

  g_return_val_if_fail (PL_IS_STORE (store), FALSE);
  g_return_val_if_fail (PL_IS_PLACEMENT (placement), FALSE);

  current = pl_store_get (store, PL_TYPE_PLACEMENT, pl_record_get_id (placement), error);
  if (current == NULL)
    return FALSE;

  klass = PL_RECORD_GET_CLASS (placement);
  columns = pl_record_class_get_columns (klass, &n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      if ((columns[i].flags & PL_COLUMN_DERIVED) || is_status_column (columns[i].name))
        continue;
      pl_record_load_value (current, i, pl_record_peek_value (placement, i));
    }

  if (!pl_store_begin (store, error))
    return FALSE;

  if (!pl_store_update (store, current, error) ||
      !pl_placement_set_days (store, pl_record_get_id (placement), days, error))
    {
      pl_store_rollback (store);
      return FALSE;
    }

  return pl_store_commit (store, error);
}
