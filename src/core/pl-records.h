/* pl-records.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pl-enums.h"
#include "pl-record.h"

G_BEGIN_DECLS

/* Every record type of the data model. Each is a PlRecord whose properties
 * are the columns of its table (see pl-records.c for the lists). */

#define PL_TYPE_SECTOR             (pl_sector_get_type ())
#define PL_TYPE_PARTNER            (pl_partner_get_type ())
#define PL_TYPE_STAFF              (pl_staff_get_type ())
#define PL_TYPE_EMPLOYER           (pl_employer_get_type ())
#define PL_TYPE_CONTACT            (pl_contact_get_type ())
#define PL_TYPE_EMPLOYER_DOCUMENT  (pl_employer_document_get_type ())
#define PL_TYPE_PLACEMENT          (pl_placement_get_type ())
#define PL_TYPE_PLACEMENT_EVENT    (pl_placement_event_get_type ())
#define PL_TYPE_MILESTONE_TEMPLATE (pl_milestone_template_get_type ())
#define PL_TYPE_MILESTONE          (pl_milestone_get_type ())
#define PL_TYPE_CASCADE            (pl_cascade_get_type ())
#define PL_TYPE_CALENDAR_PERIOD    (pl_calendar_period_get_type ())
#define PL_TYPE_OBSERVATION        (pl_observation_get_type ())
#define PL_TYPE_SURVEY_RESPONSE    (pl_survey_response_get_type ())
#define PL_TYPE_GROUP              (pl_group_get_type ())
#define PL_TYPE_GROUP_MEMBER       (pl_group_member_get_type ())
#define PL_TYPE_GROUP_MEETING      (pl_group_meeting_get_type ())
#define PL_TYPE_GROUP_OUTCOME      (pl_group_outcome_get_type ())

G_DECLARE_FINAL_TYPE (PlSector, pl_sector, PL, SECTOR, PlRecord)
G_DECLARE_FINAL_TYPE (PlPartner, pl_partner, PL, PARTNER, PlRecord)
G_DECLARE_FINAL_TYPE (PlStaff, pl_staff, PL, STAFF, PlRecord)
G_DECLARE_FINAL_TYPE (PlEmployer, pl_employer, PL, EMPLOYER, PlRecord)
G_DECLARE_FINAL_TYPE (PlContact, pl_contact, PL, CONTACT, PlRecord)
G_DECLARE_FINAL_TYPE (PlEmployerDocument, pl_employer_document, PL, EMPLOYER_DOCUMENT, PlRecord)
G_DECLARE_FINAL_TYPE (PlPlacement, pl_placement, PL, PLACEMENT, PlRecord)
G_DECLARE_FINAL_TYPE (PlPlacementEvent, pl_placement_event, PL, PLACEMENT_EVENT, PlRecord)
G_DECLARE_FINAL_TYPE (PlMilestoneTemplate, pl_milestone_template, PL, MILESTONE_TEMPLATE, PlRecord)
G_DECLARE_FINAL_TYPE (PlMilestone, pl_milestone, PL, MILESTONE, PlRecord)
G_DECLARE_FINAL_TYPE (PlCascade, pl_cascade, PL, CASCADE, PlRecord)
G_DECLARE_FINAL_TYPE (PlCalendarPeriod, pl_calendar_period, PL, CALENDAR_PERIOD, PlRecord)
G_DECLARE_FINAL_TYPE (PlObservation, pl_observation, PL, OBSERVATION, PlRecord)
G_DECLARE_FINAL_TYPE (PlSurveyResponse, pl_survey_response, PL, SURVEY_RESPONSE, PlRecord)
G_DECLARE_FINAL_TYPE (PlGroup, pl_group, PL, GROUP, PlRecord)
G_DECLARE_FINAL_TYPE (PlGroupMember, pl_group_member, PL, GROUP_MEMBER, PlRecord)
G_DECLARE_FINAL_TYPE (PlGroupMeeting, pl_group_meeting, PL, GROUP_MEETING, PlRecord)
G_DECLARE_FINAL_TYPE (PlGroupOutcome, pl_group_outcome, PL, GROUP_OUTCOME, PlRecord)

/* The seven aim groups of the pre-placement planner, as bits of
 * placement.aims, in this order. */
typedef enum
{
  PL_AIM_TEACHING          = 1 << 0, /* improve teaching, learning and assessment */
  PL_AIM_INDUSTRY_LINKS    = 1 << 1, /* forge links with industry */
  PL_AIM_IAG               = 1 << 2, /* impartial information, advice and guidance */
  PL_AIM_CURRENT_PRACTICE  = 1 << 3, /* teaching in line with current practice */
  PL_AIM_PLACEMENT_HOURS   = 1 << 4, /* work-placement / employer-engagement hours */
  PL_AIM_T_LEVELS          = 1 << 5, /* relevance to T Levels */
  PL_AIM_EXPERTISE         = 1 << 6, /* update commercial and industrial expertise */
} PlAim;

#define PL_N_AIMS 7
extern const char * const pl_aim_keys[];

/* Observation criteria: column names of the observation table, in order. */
#define PL_N_CRITERIA 6
extern const char * const pl_criteria[];

/* Survey questions: column names of survey_response, by kind. */
extern const char * const pl_student_questions[];
extern const char * const pl_employer_questions[];

/* The record type of a table's rows, or G_TYPE_INVALID. */
GType pl_record_type_for_table (const char *table);

/* Human (translated) label for an enumeration value, a criterion, an aim
 * or a question key; the key itself when it is unknown. */
const char *pl_enum_label (const char *key);

G_END_DECLS
