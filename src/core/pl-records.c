/* pl-records.c
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "pl-records"

#include "config.h"

#include <glib/gi18n.h>

#include "pl-enums.h"
#include "pl-records.h"

/* The record types are tables described as data: each column list below is
 * what the store reads and writes, what views bind to (as properties) and
 * what validation checks. Derived columns are filled by the query. */

const char * const pl_aim_keys[] =
  { "teaching", "industry_links", "iag", "current_practice", "placement_hours", "t_levels",
    "expertise", NULL };
const char * const pl_criteria[] =
  { "industry_standards", "technology", "active_learning", "engagement", "equality_diversity",
    "differentiation", NULL };
const char * const pl_student_questions[] =
  { "learning_improved", "employment_opportunities", "workplace", "equality_diversity", NULL };
const char * const pl_employer_questions[] =
  { "vocational_education_important", "host_again", "work_with_providers", NULL };

#define TEXT(n, l)            { n, PL_COLUMN_TEXT, 0, l, NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define TEXT_REQ(n, l)        { n, PL_COLUMN_TEXT, PL_COLUMN_REQUIRED, l, NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define NAME(n, l)            { n, PL_COLUMN_TEXT, PL_COLUMN_REQUIRED | PL_COLUMN_UNIQUE, l, NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define FORMATTED(n, l, f)    { n, PL_COLUMN_TEXT, 0, l, NULL, 0, 0, f, NULL, NULL }
#define DATE(n, l)            { n, PL_COLUMN_DATE, 0, l, NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define DATE_REQ(n, l)        { n, PL_COLUMN_DATE, PL_COLUMN_REQUIRED, l, NULL, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define ENUM(n, l, c)         { n, PL_COLUMN_ENUM, 0, l, c, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define ENUM_REQ(n, l, c)     { n, PL_COLUMN_ENUM, PL_COLUMN_REQUIRED, l, c, 0, 0, PL_FORMAT_NONE, NULL, NULL }
#define INT(n, l, lo, hi)     { n, PL_COLUMN_INT, 0, l, NULL, lo, hi, PL_FORMAT_NONE, NULL, NULL }
#define INT_REQ(n, l, lo, hi) { n, PL_COLUMN_INT, PL_COLUMN_REQUIRED, l, NULL, lo, hi, PL_FORMAT_NONE, NULL, NULL }
#define BOOL(n, l)            { n, PL_COLUMN_BOOL, 0, l, NULL, 0, 1, PL_FORMAT_NONE, NULL, NULL }
#define WEEKDAYS(n, l)        { n, PL_COLUMN_WEEKDAYS, PL_COLUMN_REQUIRED, l, NULL, 0, 127, PL_FORMAT_NONE, NULL, NULL }
#define REF(n, l, t)          { n, PL_COLUMN_REF, 0, l, NULL, 0, 0, PL_FORMAT_NONE, t, NULL }
#define REF_REQ(n, l, t)      { n, PL_COLUMN_REF, PL_COLUMN_REQUIRED, l, NULL, 0, 0, PL_FORMAT_NONE, t, NULL }
#define DERIVED(n, e)         { n, PL_COLUMN_TEXT, PL_COLUMN_DERIVED, NULL, NULL, 0, 0, PL_FORMAT_NONE, NULL, e }
#define DERIVED_INT(n, e)     { n, PL_COLUMN_INT, PL_COLUMN_DERIVED, NULL, NULL, 0, 0, PL_FORMAT_NONE, NULL, e }

static const PlColumn sector_columns[] = {
  NAME ("name", N_("Name")),
};

static const PlColumn partner_columns[] = {
  NAME ("name", N_("Name")),
  ENUM_REQ ("kind", N_("Kind"), pl_partner_kind_get_type),
  TEXT ("region", N_("Region")),
  ENUM_REQ ("status", N_("Status"), pl_partner_status_get_type),
  DATE ("withdrawn_on", N_("Withdrawn on")),
  TEXT ("withdrawn_reason", N_("Reason for withdrawal")),
  BOOL ("is_lead", N_("Lead partner")),
  TEXT ("contact_name", N_("Contact name")),
  FORMATTED ("contact_email", N_("Contact email"), PL_FORMAT_EMAIL),
  FORMATTED ("contact_phone", N_("Contact phone"), PL_FORMAT_PHONE),
  TEXT ("notes", N_("Notes")),
};

static const PlColumn staff_columns[] = {
  REF_REQ ("partner_id", N_("Partner"), "partner"),
  TEXT_REQ ("name", N_("Name")),
  TEXT ("job_title", N_("Job title")),
  FORMATTED ("email", N_("Email"), PL_FORMAT_EMAIL),
  FORMATTED ("phone", N_("Phone"), PL_FORMAT_PHONE),
  REF ("sector_id", N_("Sector"), "sector"),
  TEXT ("curriculum_area", N_("Curriculum area")),
  WEEKDAYS ("teaching_days", N_("Teaching days")),
  TEXT ("notes", N_("Notes")),
  DERIVED ("partner_name", "(SELECT name FROM partner WHERE id = t.partner_id)"),
  DERIVED ("sector_name", "(SELECT name FROM sector WHERE id = t.sector_id)"),
};

static const PlColumn employer_columns[] = {
  NAME ("name", N_("Name")),
  REF_REQ ("sector_id", N_("Sector"), "sector"),
  ENUM ("size", N_("Size"), pl_employer_size_get_type),
  TEXT ("address", N_("Address")),
  FORMATTED ("postcode", N_("Postcode"), PL_FORMAT_POSTCODE),
  FORMATTED ("website", N_("Website"), PL_FORMAT_URL),
  TEXT ("contact_name", N_("Contact name")),
  FORMATTED ("contact_email", N_("Contact email"), PL_FORMAT_EMAIL),
  FORMATTED ("contact_phone", N_("Contact phone"), PL_FORMAT_PHONE),
  ENUM_REQ ("relationship", N_("Relationship"), pl_relationship_get_type),
  REF ("owner_id", N_("Relationship owner"), "staff"),
  DATE ("do_not_contact_before", N_("Do not contact before")),
  INT_REQ ("capacity", N_("Capacity"), 1, 1000),
  INT_REQ ("notice_weeks", N_("Notice needed (weeks)"), 0, 104),
  WEEKDAYS ("preferred_days", N_("Preferred days")),
  TEXT ("notes", N_("Notes")),
  DERIVED ("sector_name", "(SELECT name FROM sector WHERE id = t.sector_id)"),
  DERIVED ("owner_name", "(SELECT name FROM staff WHERE id = t.owner_id)"),
  DERIVED ("last_contact", "(SELECT max(contact_date) FROM contact WHERE employer_id = t.id)"),
};

static const PlColumn contact_columns[] = {
  REF_REQ ("employer_id", N_("Employer"), "employer"),
  REF ("staff_id", N_("Who"), "staff"),
  DATE_REQ ("contact_date", N_("Date")),
  ENUM_REQ ("channel", N_("Channel"), pl_contact_channel_get_type),
  TEXT ("summary", N_("Summary")),
  DATE ("follow_up", N_("Follow-up")),
  DERIVED ("staff_name", "(SELECT name FROM staff WHERE id = t.staff_id)"),
};

static const PlColumn document_columns[] = {
  REF_REQ ("employer_id", N_("Employer"), "employer"),
  ENUM_REQ ("kind", N_("Kind"), pl_document_kind_get_type),
  TEXT ("reference", N_("Reference or file")),
  DATE ("issued_on", N_("Issued on")),
  DATE ("expires_on", N_("Expires on")),
};

static const PlColumn placement_columns[] = {
  REF_REQ ("staff_id", N_("Staff member"), "staff"),
  REF ("employer_id", N_("Employer"), "employer"),
  REF_REQ ("sector_id", N_("Sector"), "sector"),
  ENUM_REQ ("status", N_("Status"), pl_placement_status_get_type),
  TEXT ("cancel_reason", N_("Reason for cancelling")),
  DATE ("window_start", N_("Window start")),
  DATE ("window_end", N_("Window end")),
  INT_REQ ("length", N_("Number of days"), 1, 20),
  DATE ("standby", N_("Standby date")),
  DATE ("agreed_on", N_("Agreed on")),
  { "aims", PL_COLUMN_INT, PL_COLUMN_REQUIRED, N_("Aims"), NULL, 0, 127, PL_FORMAT_NONE, NULL, NULL },
  TEXT ("goals", N_("Own goals")),
  TEXT ("sector_priority", N_("Why this sector is a priority")),
  TEXT ("equality_aims", N_("Equality and diversity aims")),
  TEXT ("reflection_learned", N_("What was learned")),
  TEXT ("reflection_students", N_("What will change for students")),
  TEXT ("reflection_colleagues", N_("What will be passed to colleagues")),
  TEXT ("notes", N_("Notes")),
  DERIVED ("staff_name", "(SELECT name FROM staff WHERE id = t.staff_id)"),
  DERIVED ("partner_name",
           "(SELECT p.name FROM staff s JOIN partner p ON p.id = s.partner_id WHERE s.id = t.staff_id)"),
  DERIVED ("employer_name", "(SELECT name FROM employer WHERE id = t.employer_id)"),
  DERIVED ("sector_name", "(SELECT name FROM sector WHERE id = t.sector_id)"),
  DERIVED ("first_day", "(SELECT min(day) FROM placement_day WHERE placement_id = t.id)"),
  DERIVED ("last_day", "(SELECT max(day) FROM placement_day WHERE placement_id = t.id)"),
  DERIVED_INT ("n_days", "(SELECT count(*) FROM placement_day WHERE placement_id = t.id)"),
};

static const PlColumn event_columns[] = {
  REF_REQ ("placement_id", N_("Placement"), "placement"),
  DATE_REQ ("changed_on", N_("Date")),
  ENUM ("from_status", N_("From"), pl_placement_status_get_type),
  ENUM_REQ ("to_status", N_("To"), pl_placement_status_get_type),
  TEXT ("reason", N_("Reason")),
};

static const PlColumn template_columns[] = {
  TEXT_REQ ("kind", N_("Kind")),
  TEXT_REQ ("label", N_("Label")),
  ENUM_REQ ("anchor", N_("Relative to"), pl_milestone_anchor_get_type),
  INT_REQ ("offset", N_("Offset"), -520, 520),
  ENUM_REQ ("unit", N_("Unit"), pl_milestone_unit_get_type),
  INT_REQ ("position", N_("Position"), G_MININT32, G_MAXINT32),
  ENUM ("step", N_("Done when the placement is"), pl_placement_status_get_type),
};

static const PlColumn milestone_columns[] = {
  REF_REQ ("placement_id", N_("Placement"), "placement"),
  TEXT_REQ ("kind", N_("Kind")),
  TEXT_REQ ("label", N_("Label")),
  DATE_REQ ("due", N_("Due")),
  DATE ("done", N_("Done")),
};

static const PlColumn cascade_columns[] = {
  REF_REQ ("placement_id", N_("Placement"), "placement"),
  DATE_REQ ("cascade_date", N_("Date")),
  ENUM_REQ ("audience", N_("Audience"), pl_cascade_audience_get_type),
  INT_REQ ("people", N_("Number of people"), 0, 100000),
  TEXT ("notes", N_("Notes")),
};

static const PlColumn period_columns[] = {
  ENUM_REQ ("owner_kind", N_("Owner"), pl_owner_kind_get_type),
  REF ("partner_id", N_("Partner"), "partner"),
  REF ("employer_id", N_("Employer"), "employer"),
  REF ("staff_id", N_("Staff member"), "staff"),
  ENUM_REQ ("kind", N_("Kind"), pl_period_kind_get_type),
  TEXT ("label", N_("Label")),
  DATE_REQ ("start_date", N_("Start")),
  DATE_REQ ("end_date", N_("End")),
  WEEKDAYS ("weekdays", N_("Weekdays")),
  TEXT ("source", N_("Source")),
  TEXT ("uid", N_("Calendar UID")),
};

#define RATING(n, l) INT (n, l, 1, 4)

static const PlColumn observation_columns[] = {
  REF_REQ ("staff_id", N_("Staff member"), "staff"),
  REF ("placement_id", N_("Placement"), "placement"),
  ENUM_REQ ("phase", N_("Before or after"), pl_observation_phase_get_type),
  DATE_REQ ("observed_on", N_("Date")),
  TEXT ("observer", N_("Observer")),
  BOOL ("independent", N_("Independent observer")),
  RATING ("industry_standards", N_("Industry standards and employability")),
  RATING ("technology", N_("Use of technology")),
  RATING ("active_learning", N_("Active learning")),
  RATING ("engagement", N_("Learner engagement")),
  RATING ("equality_diversity", N_("Equality and diversity")),
  RATING ("differentiation", N_("Differentiation")),
  BOOL ("learners_progressed", N_("Learners progressed")),
  TEXT ("notes", N_("Notes")),
  DERIVED ("staff_name", "(SELECT name FROM staff WHERE id = t.staff_id)"),
};

static const PlColumn survey_columns[] = {
  ENUM_REQ ("kind", N_("Kind"), pl_survey_kind_get_type),
  REF ("placement_id", N_("Placement"), "placement"),
  REF ("staff_id", N_("Staff member"), "staff"),
  REF ("employer_id", N_("Employer"), "employer"),
  DATE ("responded_on", N_("Date")),
  ENUM ("learning_improved", N_("Learning improved by workplace information"), pl_survey_answer_get_type),
  ENUM ("employment_opportunities", N_("Know more about employment opportunities"), pl_survey_answer_get_type),
  ENUM ("workplace", N_("Know more about what happens in the workplace"), pl_survey_answer_get_type),
  ENUM ("equality_diversity", N_("Know more about equality and diversity"), pl_survey_answer_get_type),
  ENUM ("vocational_education_important", N_("Vocational education is important to us"),
        pl_survey_answer_get_type),
  ENUM ("host_again", N_("More likely to host again"), pl_survey_answer_get_type),
  ENUM ("work_with_providers", N_("More likely to work with education providers"),
        pl_survey_answer_get_type),
};

static const PlColumn group_columns[] = {
  NAME ("name", N_("Name")),
  ENUM_REQ ("area", N_("Area"), pl_group_area_get_type),
  INT_REQ ("wave", N_("Wave"), 1, 100),
  TEXT ("aim", N_("Aim")),
  TEXT ("facilitator", N_("Facilitator")),
  TEXT ("notes", N_("Notes")),
  DERIVED_INT ("members", "(SELECT count(*) FROM group_member WHERE group_id = t.id)"),
  DERIVED ("status",
           "(CASE WHEN EXISTS (SELECT 1 FROM group_outcome WHERE group_id = t.id) THEN 'reported' "
           "WHEN EXISTS (SELECT 1 FROM group_meeting WHERE group_id = t.id) THEN 'meeting' "
           "ELSE 'forming' END)"),
};

static const PlColumn member_columns[] = {
  REF_REQ ("group_id", N_("Group"), "exchange_group"),
  REF_REQ ("staff_id", N_("Staff member"), "staff"),
  TEXT ("role", N_("Role")),
  DERIVED ("staff_name", "(SELECT name FROM staff WHERE id = t.staff_id)"),
  DERIVED ("partner_name",
           "(SELECT p.name FROM staff s JOIN partner p ON p.id = s.partner_id WHERE s.id = t.staff_id)"),
};

static const PlColumn meeting_columns[] = {
  REF_REQ ("group_id", N_("Group"), "exchange_group"),
  DATE_REQ ("meeting_date", N_("Date")),
  TEXT ("place", N_("Place")),
  TEXT ("notes", N_("Notes")),
};

static const PlColumn outcome_columns[] = {
  REF_REQ ("group_id", N_("Group"), "exchange_group"),
  TEXT_REQ ("title", N_("Title")),
  ENUM_REQ ("kind", N_("Kind"), pl_outcome_kind_get_type),
  TEXT ("link", N_("Link or file")),
  DATE ("outcome_date", N_("Date")),
  TEXT ("description", N_("Description")),
};

PL_DEFINE_RECORD (PlSector, pl_sector, "sector", N_("Sector"), sector_columns)
PL_DEFINE_RECORD (PlPartner, pl_partner, "partner", N_("Partner"), partner_columns)
PL_DEFINE_RECORD (PlStaff, pl_staff, "staff", N_("Staff member"), staff_columns)
PL_DEFINE_RECORD (PlEmployer, pl_employer, "employer", N_("Employer"), employer_columns)
PL_DEFINE_RECORD (PlContact, pl_contact, "contact", N_("Contact"), contact_columns)
PL_DEFINE_RECORD (PlEmployerDocument, pl_employer_document, "employer_document",
                  N_("Evidence document"), document_columns)
PL_DEFINE_RECORD (PlPlacement, pl_placement, "placement", N_("Placement"), placement_columns)
PL_DEFINE_RECORD (PlPlacementEvent, pl_placement_event, "placement_event", N_("Status change"),
                  event_columns)
PL_DEFINE_RECORD (PlMilestoneTemplate, pl_milestone_template, "milestone_template",
                  N_("Milestone template"), template_columns)
PL_DEFINE_RECORD (PlMilestone, pl_milestone, "milestone", N_("Milestone"), milestone_columns)
PL_DEFINE_RECORD (PlCascade, pl_cascade, "cascade", N_("Cascade"), cascade_columns)
PL_DEFINE_RECORD (PlCalendarPeriod, pl_calendar_period, "calendar_period", N_("Calendar period"),
                  period_columns)
PL_DEFINE_RECORD (PlObservation, pl_observation, "observation", N_("Observation"),
                  observation_columns)
PL_DEFINE_RECORD (PlSurveyResponse, pl_survey_response, "survey_response", N_("Survey response"),
                  survey_columns)
PL_DEFINE_RECORD (PlGroup, pl_group, "exchange_group", N_("Exchange group"), group_columns)
PL_DEFINE_RECORD (PlGroupMember, pl_group_member, "group_member", N_("Group member"),
                  member_columns)
PL_DEFINE_RECORD (PlGroupMeeting, pl_group_meeting, "group_meeting", N_("Group meeting"),
                  meeting_columns)
PL_DEFINE_RECORD (PlGroupOutcome, pl_group_outcome, "group_outcome", N_("Group outcome"),
                  outcome_columns)

/**
 * pl_record_type_for_table:
 *
 * Returns: the record type whose rows @table holds, or %G_TYPE_INVALID
 */
GType
pl_record_type_for_table (const char *table)
{
  GType types[] = {
    PL_TYPE_SECTOR, PL_TYPE_PARTNER, PL_TYPE_STAFF, PL_TYPE_EMPLOYER, PL_TYPE_CONTACT,
    PL_TYPE_EMPLOYER_DOCUMENT, PL_TYPE_PLACEMENT, PL_TYPE_PLACEMENT_EVENT,
    PL_TYPE_MILESTONE_TEMPLATE, PL_TYPE_MILESTONE, PL_TYPE_CASCADE, PL_TYPE_CALENDAR_PERIOD,
    PL_TYPE_OBSERVATION, PL_TYPE_SURVEY_RESPONSE, PL_TYPE_GROUP, PL_TYPE_GROUP_MEMBER,
    PL_TYPE_GROUP_MEETING, PL_TYPE_GROUP_OUTCOME,
  };

  g_return_val_if_fail (table != NULL, G_TYPE_INVALID);

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_str_equal (pl_record_class_get_table (PL_RECORD_CLASS (klass)), table))
        return types[i];
    }

  return G_TYPE_INVALID;
}

typedef struct
{
  const char *key;
  const char *label;
} Label;

static const Label labels[] = {
  { "teaching", N_("Improve teaching, learning and assessment") },
  { "industry_links", N_("Forge links with industry") },
  { "iag", N_("Impartial information, advice and guidance") },
  { "current_practice", N_("Keep teaching in line with current industrial practice") },
  { "placement_hours", N_("Work-placement or employer-engagement hours") },
  { "t_levels", N_("Relevance to T Levels") },
  { "expertise", N_("Update commercial and industrial expertise") },
  { "industry_standards", N_("Industry standards and employability") },
  { "technology", N_("Use of technology") },
  { "active_learning", N_("Active learning") },
  { "engagement", N_("Learner engagement") },
  { "equality_diversity", N_("Equality and diversity") },
  { "differentiation", N_("Differentiation") },
  { "learning_improved", N_("My learning improved through workplace information") },
  { "employment_opportunities", N_("I know more about employment opportunities") },
  { "workplace", N_("I know more about what happens in the workplace") },
  { "vocational_education_important", N_("Vocational education is important to our company") },
  { "host_again", N_("We are more likely to host a teacher placement again") },
  { "work_with_providers", N_("We are more likely to work with education providers") },
};

const char *
pl_enum_label (const char *key)
{
  const char *label;

  if (key == NULL)
    return "";

  label = pl_enum_find_label (key);
  if (label != NULL)
    return label;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].key, key))
      return _(labels[i].label);

  return key;
}
