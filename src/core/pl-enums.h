/* pl-enums.h
 *
 * Copyright 2026 The Placements authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The enumerations of the data model. The database stores each value as
 * its nick ("confirmed"), so that the file stays readable by other tools;
 * code compares the enum values. pl_enum_get_label() gives the words a
 * coordinator reads. Values are in display order. */

/* What kind of education provider a partner is. */
typedef enum
{
  PL_PARTNER_KIND_COLLEGE,
  PL_PARTNER_KIND_TRAINING_PROVIDER,
  PL_PARTNER_KIND_SCHOOL,
  PL_PARTNER_KIND_UNIVERSITY,
  PL_PARTNER_KIND_OTHER,
} PlPartnerKind;

#define PL_TYPE_PARTNER_KIND (pl_partner_kind_get_type ())
GType pl_partner_kind_get_type (void) G_GNUC_CONST;

/* Whether a partner still takes part. */
typedef enum
{
  PL_PARTNER_STATUS_ACTIVE,
  PL_PARTNER_STATUS_WITHDRAWN,
} PlPartnerStatus;

#define PL_TYPE_PARTNER_STATUS (pl_partner_status_get_type ())
GType pl_partner_status_get_type (void) G_GNUC_CONST;

/* An employer's size by staff. */
typedef enum
{
  PL_EMPLOYER_SIZE_MICRO,
  PL_EMPLOYER_SIZE_SMALL,
  PL_EMPLOYER_SIZE_MEDIUM,
  PL_EMPLOYER_SIZE_LARGE,
} PlEmployerSize;

#define PL_TYPE_EMPLOYER_SIZE (pl_employer_size_get_type ())
GType pl_employer_size_get_type (void) G_GNUC_CONST;

/* The stage of the network's relationship with an employer. */
typedef enum
{
  PL_RELATIONSHIP_PROSPECT,
  PL_RELATIONSHIP_CONTACTED,
  PL_RELATIONSHIP_WARM,
  PL_RELATIONSHIP_HOST,
  PL_RELATIONSHIP_LAPSED,
} PlRelationship;

#define PL_TYPE_RELATIONSHIP (pl_relationship_get_type ())
GType pl_relationship_get_type (void) G_GNUC_CONST;

/* How a contact with an employer was made. */
typedef enum
{
  PL_CONTACT_CHANNEL_CALL,
  PL_CONTACT_CHANNEL_EMAIL,
  PL_CONTACT_CHANNEL_VISIT,
  PL_CONTACT_CHANNEL_EVENT,
  PL_CONTACT_CHANNEL_LETTER,
} PlContactChannel;

#define PL_TYPE_CONTACT_CHANNEL (pl_contact_channel_get_type ())
GType pl_contact_channel_get_type (void) G_GNUC_CONST;

/* An employer's appetite for hosting in one academic year; "unknown" is
 * never stored (no row says it). */
typedef enum
{
  PL_APPETITE_UNKNOWN,
  PL_APPETITE_LOOKING,
  PL_APPETITE_INTERESTED,
  PL_APPETITE_NOT_THIS_YEAR,
  PL_APPETITE_ARRANGED,
} PlAppetite;

#define PL_TYPE_APPETITE (pl_appetite_get_type ())
GType pl_appetite_get_type (void) G_GNUC_CONST;

/* The evidence an employer gives once and the network reuses. */
typedef enum
{
  PL_DOCUMENT_KIND_INSURANCE,
  PL_DOCUMENT_KIND_HEALTH_SAFETY_POLICY,
  PL_DOCUMENT_KIND_RISK_ASSESSMENT,
  PL_DOCUMENT_KIND_AGREEMENT,
} PlDocumentKind;

#define PL_TYPE_DOCUMENT_KIND (pl_document_kind_get_type ())
GType pl_document_kind_get_type (void) G_GNUC_CONST;

/* The walk of a placement, in its order, then cancelled (see pl-lifecycle.h). */
typedef enum
{
  PL_PLACEMENT_STATUS_REQUEST,
  PL_PLACEMENT_STATUS_PROPOSED,
  PL_PLACEMENT_STATUS_AGREED,
  PL_PLACEMENT_STATUS_CONFIRMED,
  PL_PLACEMENT_STATUS_COMPLETED,
  PL_PLACEMENT_STATUS_CASCADED,
  PL_PLACEMENT_STATUS_EVALUATED,
  PL_PLACEMENT_STATUS_CANCELLED,
} PlPlacementStatus;

#define PL_TYPE_PLACEMENT_STATUS (pl_placement_status_get_type ())
GType pl_placement_status_get_type (void) G_GNUC_CONST;

/* Whom a placement's learning was passed to. */
typedef enum
{
  PL_CASCADE_AUDIENCE_COLLEAGUES,
  PL_CASCADE_AUDIENCE_STUDENTS,
  PL_CASCADE_AUDIENCE_DEPARTMENT,
  PL_CASCADE_AUDIENCE_OTHER,
} PlCascadeAudience;

#define PL_TYPE_CASCADE_AUDIENCE (pl_cascade_audience_get_type ())
GType pl_cascade_audience_get_type (void) G_GNUC_CONST;

/* Whose calendar a period belongs to. */
typedef enum
{
  PL_OWNER_ALL,
  PL_OWNER_PARTNER,
  PL_OWNER_EMPLOYER,
  PL_OWNER_STAFF,
} PlOwnerKind;

#define PL_TYPE_OWNER_KIND (pl_owner_kind_get_type ())
GType pl_owner_kind_get_type (void) G_GNUC_CONST;

/* The kinds of calendar period, one bit each, so that a set of kinds is a mask. */
typedef enum
{
  PL_PERIOD_TERM = 1 << 0,
  PL_PERIOD_HOLIDAY = 1 << 1,
  PL_PERIOD_EXAM = 1 << 2,
  PL_PERIOD_INSET = 1 << 3,
  PL_PERIOD_BLACKOUT = 1 << 4,
  PL_PERIOD_BUSY = 1 << 5,
  PL_PERIOD_UNAVAILABLE = 1 << 6,
  PL_PERIOD_BANK_HOLIDAY = 1 << 7,
} PlPeriodKind;

#define PL_TYPE_PERIOD_KIND (pl_period_kind_get_type ())
GType pl_period_kind_get_type (void) G_GNUC_CONST;

/* When a lesson was observed, relative to the placement. */
typedef enum
{
  PL_OBSERVATION_PHASE_BEFORE,
  PL_OBSERVATION_PHASE_AFTER,
} PlObservationPhase;

#define PL_TYPE_OBSERVATION_PHASE (pl_observation_phase_get_type ())
GType pl_observation_phase_get_type (void) G_GNUC_CONST;

/* Who answered a survey. */
typedef enum
{
  PL_SURVEY_KIND_STUDENT,
  PL_SURVEY_KIND_EMPLOYER,
} PlSurveyKind;

#define PL_TYPE_SURVEY_KIND (pl_survey_kind_get_type ())
GType pl_survey_kind_get_type (void) G_GNUC_CONST;

/* An answer to a survey question. */
typedef enum
{
  PL_SURVEY_ANSWER_AGREE,
  PL_SURVEY_ANSWER_NEUTRAL,
  PL_SURVEY_ANSWER_DISAGREE,
} PlSurveyAnswer;

#define PL_TYPE_SURVEY_ANSWER (pl_survey_answer_get_type ())
GType pl_survey_answer_get_type (void) G_GNUC_CONST;

/* The theme of an exchange group. */
typedef enum
{
  PL_GROUP_AREA_MATHS,
  PL_GROUP_AREA_MATHS_ESOL,
  PL_GROUP_AREA_DIGITAL,
  PL_GROUP_AREA_ENGLISH,
  PL_GROUP_AREA_SEND,
  PL_GROUP_AREA_SUPPORTING_STAFF,
} PlGroupArea;

#define PL_TYPE_GROUP_AREA (pl_group_area_get_type ())
GType pl_group_area_get_type (void) G_GNUC_CONST;

/* How far an exchange group has come (derived from its meetings and outcomes). */
typedef enum
{
  PL_GROUP_STATUS_FORMING,
  PL_GROUP_STATUS_MEETING,
  PL_GROUP_STATUS_REPORTED,
} PlGroupStatus;

#define PL_TYPE_GROUP_STATUS (pl_group_status_get_type ())
GType pl_group_status_get_type (void) G_GNUC_CONST;

/* What an exchange group produced. */
typedef enum
{
  PL_OUTCOME_KIND_REPORT,
  PL_OUTCOME_KIND_RESOURCE,
  PL_OUTCOME_KIND_TOOL,
  PL_OUTCOME_KIND_GUIDE,
  PL_OUTCOME_KIND_FRAMEWORK,
} PlOutcomeKind;

#define PL_TYPE_OUTCOME_KIND (pl_outcome_kind_get_type ())
GType pl_outcome_kind_get_type (void) G_GNUC_CONST;

/* The placement day a milestone template counts from. */
typedef enum
{
  PL_MILESTONE_ANCHOR_FIRST,
  PL_MILESTONE_ANCHOR_LAST,
} PlMilestoneAnchor;

#define PL_TYPE_MILESTONE_ANCHOR (pl_milestone_anchor_get_type ())
GType pl_milestone_anchor_get_type (void) G_GNUC_CONST;

/* The unit of a milestone template's offset. */
typedef enum
{
  PL_MILESTONE_UNIT_DAYS,
  PL_MILESTONE_UNIT_WORKING_DAYS,
  PL_MILESTONE_UNIT_WEEKS,
} PlMilestoneUnit;

#define PL_TYPE_MILESTONE_UNIT (pl_milestone_unit_get_type ())
GType pl_milestone_unit_get_type (void) G_GNUC_CONST;

#define PL_PERIOD_ANY 0xff

/* The nick of @value of the enumeration or flags type @type (one flag
 * only), or NULL when it has none. */
const char          *pl_enum_to_nick    (GType        type,
                                         int          value);
/* Sets @value to the value whose nick is @nick; FALSE when there is none
 * (and @value is left alone). */
gboolean             pl_enum_from_nick  (GType        type,
                                         const char  *nick,
                                         int         *value);
/* All the nicks of @type, in order, NULL-terminated; owned by the type. */
const char * const  *pl_enum_get_nicks  (GType        type);
guint                pl_enum_get_n_values (GType      type);
/* The value at @position (0-based, in display order). */
int                  pl_enum_get_value  (GType        type,
                                         guint        position);
/* The translated words for @value (one flag only), or "" for none. */
const char          *pl_enum_get_label  (GType        type,
                                         int          value);
/* pl_enum_get_label() of the value whose nick is @nick, or @nick itself
 * when there is none. */
const char          *pl_enum_get_nick_label (GType     type,
                                             const char *nick);

/* The label of @nick in whichever enumeration has it, or NULL. */
const char          *pl_enum_find_label (const char  *nick);

G_END_DECLS
