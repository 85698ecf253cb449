/* pl-enums.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-enums"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-enums.h"

G_DEFINE_ENUM_TYPE (PlPartnerKind, pl_partner_kind,
  G_DEFINE_ENUM_VALUE (PL_PARTNER_KIND_COLLEGE, "college"),
  G_DEFINE_ENUM_VALUE (PL_PARTNER_KIND_TRAINING_PROVIDER, "training_provider"),
  G_DEFINE_ENUM_VALUE (PL_PARTNER_KIND_SCHOOL, "school"),
  G_DEFINE_ENUM_VALUE (PL_PARTNER_KIND_UNIVERSITY, "university"),
  G_DEFINE_ENUM_VALUE (PL_PARTNER_KIND_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PlPartnerStatus, pl_partner_status,
  G_DEFINE_ENUM_VALUE (PL_PARTNER_STATUS_ACTIVE, "active"),
  G_DEFINE_ENUM_VALUE (PL_PARTNER_STATUS_WITHDRAWN, "withdrawn"))

G_DEFINE_ENUM_TYPE (PlEmployerSize, pl_employer_size,
  G_DEFINE_ENUM_VALUE (PL_EMPLOYER_SIZE_MICRO, "micro"),
  G_DEFINE_ENUM_VALUE (PL_EMPLOYER_SIZE_SMALL, "small"),
  G_DEFINE_ENUM_VALUE (PL_EMPLOYER_SIZE_MEDIUM, "medium"),
  G_DEFINE_ENUM_VALUE (PL_EMPLOYER_SIZE_LARGE, "large"))

G_DEFINE_ENUM_TYPE (PlRelationship, pl_relationship,
  G_DEFINE_ENUM_VALUE (PL_RELATIONSHIP_PROSPECT, "prospect"),
  G_DEFINE_ENUM_VALUE (PL_RELATIONSHIP_CONTACTED, "contacted"),
  G_DEFINE_ENUM_VALUE (PL_RELATIONSHIP_WARM, "warm"),
  G_DEFINE_ENUM_VALUE (PL_RELATIONSHIP_HOST, "host"),
  G_DEFINE_ENUM_VALUE (PL_RELATIONSHIP_LAPSED, "lapsed"))

G_DEFINE_ENUM_TYPE (PlContactChannel, pl_contact_channel,
  G_DEFINE_ENUM_VALUE (PL_CONTACT_CHANNEL_CALL, "call"),
  G_DEFINE_ENUM_VALUE (PL_CONTACT_CHANNEL_EMAIL, "email"),
  G_DEFINE_ENUM_VALUE (PL_CONTACT_CHANNEL_VISIT, "visit"),
  G_DEFINE_ENUM_VALUE (PL_CONTACT_CHANNEL_EVENT, "event"),
  G_DEFINE_ENUM_VALUE (PL_CONTACT_CHANNEL_LETTER, "letter"))

G_DEFINE_ENUM_TYPE (PlAppetite, pl_appetite,
  G_DEFINE_ENUM_VALUE (PL_APPETITE_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (PL_APPETITE_LOOKING, "looking"),
  G_DEFINE_ENUM_VALUE (PL_APPETITE_INTERESTED, "interested"),
  G_DEFINE_ENUM_VALUE (PL_APPETITE_NOT_THIS_YEAR, "not_this_year"),
  G_DEFINE_ENUM_VALUE (PL_APPETITE_ARRANGED, "arranged"))

G_DEFINE_ENUM_TYPE (PlDocumentKind, pl_document_kind,
  G_DEFINE_ENUM_VALUE (PL_DOCUMENT_KIND_INSURANCE, "insurance"),
  G_DEFINE_ENUM_VALUE (PL_DOCUMENT_KIND_HEALTH_SAFETY_POLICY, "health_safety_policy"),
  G_DEFINE_ENUM_VALUE (PL_DOCUMENT_KIND_RISK_ASSESSMENT, "risk_assessment"),
  G_DEFINE_ENUM_VALUE (PL_DOCUMENT_KIND_AGREEMENT, "agreement"))

G_DEFINE_ENUM_TYPE (PlPlacementStatus, pl_placement_status,
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_REQUEST, "request"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_AGREED, "agreed"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_CONFIRMED, "confirmed"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_COMPLETED, "completed"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_CASCADED, "cascaded"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_EVALUATED, "evaluated"),
  G_DEFINE_ENUM_VALUE (PL_PLACEMENT_STATUS_CANCELLED, "cancelled"))

G_DEFINE_ENUM_TYPE (PlCascadeAudience, pl_cascade_audience,
  G_DEFINE_ENUM_VALUE (PL_CASCADE_AUDIENCE_COLLEAGUES, "colleagues"),
  G_DEFINE_ENUM_VALUE (PL_CASCADE_AUDIENCE_STUDENTS, "students"),
  G_DEFINE_ENUM_VALUE (PL_CASCADE_AUDIENCE_DEPARTMENT, "department"),
  G_DEFINE_ENUM_VALUE (PL_CASCADE_AUDIENCE_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PlOwnerKind, pl_owner_kind,
  G_DEFINE_ENUM_VALUE (PL_OWNER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (PL_OWNER_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (PL_OWNER_EMPLOYER, "employer"),
  G_DEFINE_ENUM_VALUE (PL_OWNER_STAFF, "staff"))

G_DEFINE_FLAGS_TYPE (PlPeriodKind, pl_period_kind,
  G_DEFINE_ENUM_VALUE (PL_PERIOD_TERM, "term"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_HOLIDAY, "holiday"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_EXAM, "exam"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_INSET, "inset"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_BLACKOUT, "blackout"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_BUSY, "busy"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_UNAVAILABLE, "unavailable"),
  G_DEFINE_ENUM_VALUE (PL_PERIOD_BANK_HOLIDAY, "bank_holiday"))

G_DEFINE_ENUM_TYPE (PlObservationPhase, pl_observation_phase,
  G_DEFINE_ENUM_VALUE (PL_OBSERVATION_PHASE_BEFORE, "before"),
  G_DEFINE_ENUM_VALUE (PL_OBSERVATION_PHASE_AFTER, "after"))

G_DEFINE_ENUM_TYPE (PlSurveyKind, pl_survey_kind,
  G_DEFINE_ENUM_VALUE (PL_SURVEY_KIND_STUDENT, "student"),
  G_DEFINE_ENUM_VALUE (PL_SURVEY_KIND_EMPLOYER, "employer"))

G_DEFINE_ENUM_TYPE (PlSurveyAnswer, pl_survey_answer,
  G_DEFINE_ENUM_VALUE (PL_SURVEY_ANSWER_AGREE, "agree"),
  G_DEFINE_ENUM_VALUE (PL_SURVEY_ANSWER_NEUTRAL, "neutral"),
  G_DEFINE_ENUM_VALUE (PL_SURVEY_ANSWER_DISAGREE, "disagree"))

G_DEFINE_ENUM_TYPE (PlGroupArea, pl_group_area,
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_MATHS, "maths"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_MATHS_ESOL, "maths_esol"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_DIGITAL, "digital"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_ENGLISH, "english"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_SEND, "send"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_AREA_SUPPORTING_STAFF, "supporting_staff"))

G_DEFINE_ENUM_TYPE (PlGroupStatus, pl_group_status,
  G_DEFINE_ENUM_VALUE (PL_GROUP_STATUS_FORMING, "forming"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_STATUS_MEETING, "meeting"),
  G_DEFINE_ENUM_VALUE (PL_GROUP_STATUS_REPORTED, "reported"))

G_DEFINE_ENUM_TYPE (PlOutcomeKind, pl_outcome_kind,
  G_DEFINE_ENUM_VALUE (PL_OUTCOME_KIND_REPORT, "report"),
  G_DEFINE_ENUM_VALUE (PL_OUTCOME_KIND_RESOURCE, "resource"),
  G_DEFINE_ENUM_VALUE (PL_OUTCOME_KIND_TOOL, "tool"),
  G_DEFINE_ENUM_VALUE (PL_OUTCOME_KIND_GUIDE, "guide"),
  G_DEFINE_ENUM_VALUE (PL_OUTCOME_KIND_FRAMEWORK, "framework"))

G_DEFINE_ENUM_TYPE (PlMilestoneAnchor, pl_milestone_anchor,
  G_DEFINE_ENUM_VALUE (PL_MILESTONE_ANCHOR_FIRST, "first"),
  G_DEFINE_ENUM_VALUE (PL_MILESTONE_ANCHOR_LAST, "last"))

G_DEFINE_ENUM_TYPE (PlMilestoneUnit, pl_milestone_unit,
  G_DEFINE_ENUM_VALUE (PL_MILESTONE_UNIT_DAYS, "days"),
  G_DEFINE_ENUM_VALUE (PL_MILESTONE_UNIT_WORKING_DAYS, "working_days"),
  G_DEFINE_ENUM_VALUE (PL_MILESTONE_UNIT_WEEKS, "weeks"))

typedef struct
{
  GType     (*get_type) (void);
  int         value;
  const char *label;
} Label;

static const Label labels[] = {
  { pl_partner_kind_get_type, PL_PARTNER_KIND_COLLEGE, N_("College") },
  { pl_partner_kind_get_type, PL_PARTNER_KIND_TRAINING_PROVIDER, N_("Training provider") },
  { pl_partner_kind_get_type, PL_PARTNER_KIND_SCHOOL, N_("School") },
  { pl_partner_kind_get_type, PL_PARTNER_KIND_UNIVERSITY, N_("University") },
  { pl_partner_kind_get_type, PL_PARTNER_KIND_OTHER, N_("Other") },
  { pl_partner_status_get_type, PL_PARTNER_STATUS_ACTIVE, N_("Active") },
  { pl_partner_status_get_type, PL_PARTNER_STATUS_WITHDRAWN, N_("Withdrawn") },
  { pl_employer_size_get_type, PL_EMPLOYER_SIZE_MICRO, N_("Micro (under 10)") },
  { pl_employer_size_get_type, PL_EMPLOYER_SIZE_SMALL, N_("Small (10–49)") },
  { pl_employer_size_get_type, PL_EMPLOYER_SIZE_MEDIUM, N_("Medium (50–249)") },
  { pl_employer_size_get_type, PL_EMPLOYER_SIZE_LARGE, N_("Large (250 or more)") },
  { pl_relationship_get_type, PL_RELATIONSHIP_PROSPECT, N_("Prospect") },
  { pl_relationship_get_type, PL_RELATIONSHIP_CONTACTED, N_("Contacted") },
  { pl_relationship_get_type, PL_RELATIONSHIP_WARM, N_("Warm") },
  { pl_relationship_get_type, PL_RELATIONSHIP_HOST, N_("Host") },
  { pl_relationship_get_type, PL_RELATIONSHIP_LAPSED, N_("Lapsed") },
  { pl_contact_channel_get_type, PL_CONTACT_CHANNEL_CALL, N_("Call") },
  { pl_contact_channel_get_type, PL_CONTACT_CHANNEL_EMAIL, N_("Email") },
  { pl_contact_channel_get_type, PL_CONTACT_CHANNEL_VISIT, N_("Visit") },
  { pl_contact_channel_get_type, PL_CONTACT_CHANNEL_EVENT, N_("Event") },
  { pl_contact_channel_get_type, PL_CONTACT_CHANNEL_LETTER, N_("Letter") },
  { pl_appetite_get_type, PL_APPETITE_UNKNOWN, N_("Unknown") },
  { pl_appetite_get_type, PL_APPETITE_LOOKING, N_("Actively looking") },
  { pl_appetite_get_type, PL_APPETITE_INTERESTED, N_("Interested") },
  { pl_appetite_get_type, PL_APPETITE_NOT_THIS_YEAR, N_("Not this year") },
  { pl_appetite_get_type, PL_APPETITE_ARRANGED, N_("Already arranged") },
  { pl_document_kind_get_type, PL_DOCUMENT_KIND_INSURANCE, N_("Insurance certificate") },
  { pl_document_kind_get_type, PL_DOCUMENT_KIND_HEALTH_SAFETY_POLICY, N_("Health and safety policy") },
  { pl_document_kind_get_type, PL_DOCUMENT_KIND_RISK_ASSESSMENT, N_("Risk assessment") },
  { pl_document_kind_get_type, PL_DOCUMENT_KIND_AGREEMENT, N_("Signed agreement") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_REQUEST, N_("Request") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_PROPOSED, N_("Proposed") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_AGREED, N_("Agreed") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_CONFIRMED, N_("Confirmed") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_COMPLETED, N_("Completed") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_CASCADED, N_("Cascaded") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_EVALUATED, N_("Evaluated") },
  { pl_placement_status_get_type, PL_PLACEMENT_STATUS_CANCELLED, N_("Cancelled") },
  { pl_cascade_audience_get_type, PL_CASCADE_AUDIENCE_COLLEAGUES, N_("Colleagues") },
  { pl_cascade_audience_get_type, PL_CASCADE_AUDIENCE_STUDENTS, N_("Students") },
  { pl_cascade_audience_get_type, PL_CASCADE_AUDIENCE_DEPARTMENT, N_("Department") },
  { pl_cascade_audience_get_type, PL_CASCADE_AUDIENCE_OTHER, N_("Other") },
  { pl_owner_kind_get_type, PL_OWNER_ALL, N_("Everyone") },
  { pl_owner_kind_get_type, PL_OWNER_PARTNER, N_("Partner") },
  { pl_owner_kind_get_type, PL_OWNER_EMPLOYER, N_("Employer") },
  { pl_owner_kind_get_type, PL_OWNER_STAFF, N_("Staff member") },
  { pl_period_kind_get_type, PL_PERIOD_TERM, N_("Term") },
  { pl_period_kind_get_type, PL_PERIOD_HOLIDAY, N_("Holiday") },
  { pl_period_kind_get_type, PL_PERIOD_EXAM, N_("Exam period") },
  { pl_period_kind_get_type, PL_PERIOD_INSET, N_("Training day") },
  { pl_period_kind_get_type, PL_PERIOD_BLACKOUT, N_("Blackout") },
  { pl_period_kind_get_type, PL_PERIOD_BUSY, N_("Busy season") },
  { pl_period_kind_get_type, PL_PERIOD_UNAVAILABLE, N_("Unavailable") },
  { pl_period_kind_get_type, PL_PERIOD_BANK_HOLIDAY, N_("Bank holiday") },
  { pl_observation_phase_get_type, PL_OBSERVATION_PHASE_BEFORE, N_("Before the placement") },
  { pl_observation_phase_get_type, PL_OBSERVATION_PHASE_AFTER, N_("After the placement") },
  { pl_survey_kind_get_type, PL_SURVEY_KIND_STUDENT, N_("Student") },
  { pl_survey_kind_get_type, PL_SURVEY_KIND_EMPLOYER, N_("Employer") },
  { pl_survey_answer_get_type, PL_SURVEY_ANSWER_AGREE, N_("Agree") },
  { pl_survey_answer_get_type, PL_SURVEY_ANSWER_NEUTRAL, N_("Neutral") },
  { pl_survey_answer_get_type, PL_SURVEY_ANSWER_DISAGREE, N_("Disagree") },
  { pl_group_area_get_type, PL_GROUP_AREA_MATHS, N_("Maths") },
  { pl_group_area_get_type, PL_GROUP_AREA_MATHS_ESOL, N_("Maths and ESOL") },
  { pl_group_area_get_type, PL_GROUP_AREA_DIGITAL, N_("Digital skills") },
  { pl_group_area_get_type, PL_GROUP_AREA_ENGLISH, N_("English") },
  { pl_group_area_get_type, PL_GROUP_AREA_SEND, N_("SEND") },
  { pl_group_area_get_type, PL_GROUP_AREA_SUPPORTING_STAFF, N_("Supporting staff") },
  { pl_group_status_get_type, PL_GROUP_STATUS_FORMING, N_("Forming") },
  { pl_group_status_get_type, PL_GROUP_STATUS_MEETING, N_("Meeting") },
  { pl_group_status_get_type, PL_GROUP_STATUS_REPORTED, N_("Reported") },
  { pl_outcome_kind_get_type, PL_OUTCOME_KIND_REPORT, N_("Report") },
  { pl_outcome_kind_get_type, PL_OUTCOME_KIND_RESOURCE, N_("Resource") },
  { pl_outcome_kind_get_type, PL_OUTCOME_KIND_TOOL, N_("Tool") },
  { pl_outcome_kind_get_type, PL_OUTCOME_KIND_GUIDE, N_("Guide") },
  { pl_outcome_kind_get_type, PL_OUTCOME_KIND_FRAMEWORK, N_("Framework") },
  { pl_milestone_anchor_get_type, PL_MILESTONE_ANCHOR_FIRST, N_("First day") },
  { pl_milestone_anchor_get_type, PL_MILESTONE_ANCHOR_LAST, N_("Last day") },
  { pl_milestone_unit_get_type, PL_MILESTONE_UNIT_DAYS, N_("Days") },
  { pl_milestone_unit_get_type, PL_MILESTONE_UNIT_WORKING_DAYS, N_("Working days") },
  { pl_milestone_unit_get_type, PL_MILESTONE_UNIT_WEEKS, N_("Weeks") },
};

/* Per type: its nicks in order, made once. */
typedef struct
{
  guint        n_values;
  int         *values;
  const char **nicks;
} Table;

static const Table *
table_of (GType type)
{
  static GHashTable *tables;
  static GMutex lock;
  Table *table;

  g_mutex_lock (&lock);
  if (tables == NULL)
    tables = g_hash_table_new (g_direct_hash, g_direct_equal);
  table = g_hash_table_lookup (tables, GSIZE_TO_POINTER (type));
  if (table == NULL)
    {
      /* The classes live as long as the program: the tables point into
       * them. */
      gpointer klass = g_type_class_ref (type);

      table = g_new0 (Table, 1);
      if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *e = klass;

          table->n_values = e->n_values;
          table->values = g_new0 (int, e->n_values);
          table->nicks = g_new0 (const char *, e->n_values + 1);
          for (guint i = 0; i < e->n_values; i++)
            {
              table->values[i] = e->values[i].value;
              table->nicks[i] = e->values[i].value_nick;
            }
        }
      else
        {
          GFlagsClass *f = klass;

          table->n_values = f->n_values;
          table->values = g_new0 (int, f->n_values);
          table->nicks = g_new0 (const char *, f->n_values + 1);
          for (guint i = 0; i < f->n_values; i++)
            {
              table->values[i] = (int) f->values[i].value;
              table->nicks[i] = f->values[i].value_nick;
            }
        }
      g_hash_table_insert (tables, GSIZE_TO_POINTER (type), table);
    }
  g_mutex_unlock (&lock);

  return table;
}

const char *
pl_enum_to_nick (GType type,
                 int   value)
{
  const Table *table;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), NULL);

  table = table_of (type);
  for (guint i = 0; i < table->n_values; i++)
    if (table->values[i] == value)
      return table->nicks[i];
  return NULL;
}

gboolean
pl_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  const Table *table;

  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), FALSE);

  if (nick == NULL)
    return FALSE;

  table = table_of (type);
  for (guint i = 0; i < table->n_values; i++)
    if (g_str_equal (table->nicks[i], nick))
      {
        if (value != NULL)
          *value = table->values[i];
        return TRUE;
      }
  return FALSE;
}

const char * const *
pl_enum_get_nicks (GType type)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), NULL);
  return (const char * const *) table_of (type)->nicks;
}

guint
pl_enum_get_n_values (GType type)
{
  g_return_val_if_fail (G_TYPE_IS_ENUM (type) || G_TYPE_IS_FLAGS (type), 0);
  return table_of (type)->n_values;
}

int
pl_enum_get_value (GType type,
                   guint position)
{
  const Table *table = table_of (type);

  g_return_val_if_fail (position < table->n_values, 0);
  return table->values[position];
}

const char *
pl_enum_get_label (GType type,
                   int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].value == value && labels[i].get_type () == type)
      return _(labels[i].label);
  return "";
}

const char *
pl_enum_get_nick_label (GType       type,
                        const char *nick)
{
  int value;

  if (nick == NULL)
    return "";
  if (!pl_enum_from_nick (type, nick, &value))
    return nick;
  return pl_enum_get_label (type, value);
}

/**
 * pl_enum_find_label:
 *
 * The words for @nick in the first of the model's enumerations that has
 * it (several share "other", "employer"; their words agree).
 *
 * Returns: (nullable): the translated label, or %NULL
 */
const char *
pl_enum_find_label (const char *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *name = pl_enum_to_nick (labels[i].get_type (), labels[i].value);

      if (g_strcmp0 (name, nick) == 0)
        return _(labels[i].label);
    }
  return NULL;
}
