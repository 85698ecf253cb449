-- pg/v1.sql: the first complete schema of Placements, for PostgreSQL 15.
--
-- Copyright 2026 The Placements authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- The tables of ../v1.sql with the same names, columns (in the same order),
-- defaults and constraint names, so that the store's SQL and its sentences
-- for refused rows serve both engines. What SQLite does by itself is done
-- here by functions of the same behaviour:
--
-- - pl_iso_date(x) plays date(x): x when x is a real YYYY-MM-DD day, else
--   NULL, so `date(x) IS x` becomes `pl_iso_date(x) IS NOT DISTINCT FROM x`
--   (a plain `=` would let a bad date through: a CHECK passes on NULL).
-- - pl_now() is strftime('%Y-%m-%dT%H:%M:%SZ', 'now').
-- - The collation nocase is case-blind (ICU, strength 2) like NOCASE; LIKE
--   and regular expressions refuse a column of it, so none is used on one.
-- - group_concat(x) and group_concat(x, separator) skip NULLs and give NULL
--   for no rows, as SQLite's do.
--
-- Every table with updated_at also has revision as its last column, counted
-- up by the touch trigger on every change, for lost-update detection.
--
-- Beyond what SQLite has, the shared data set needs (the end of this file):
-- change capture into the session's pg_temp.pl_change, NOTIFY placements,
-- an audit trail, row-level security per partner (pl_access, pl_grant,
-- pl_revoke) and pl_host_occupancy for planning across partners.
--
-- Run in one transaction as the role that is to own the data set; it need not
-- be a superuser. Later migrations attach a new table with pl_track().

-- Functions that run with the owner's rights look names up in this schema
-- only, and in the session's temporary tables last (so that nobody can
-- shadow audit with a temporary table of their own): SET search_path FROM
-- CURRENT below records this, for the rest of this transaction.
DO $$
BEGIN
  PERFORM set_config('search_path', format('%I, pg_temp', current_schema()), true);
END
$$;

-- ---------------------------------------------------------------------------
-- What SQLite has built in
-- ---------------------------------------------------------------------------

CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- The text when it is a real day written YYYY-MM-DD, else NULL; never raises.
CREATE FUNCTION pl_iso_date(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN $1 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' THEN
  CASE WHEN substr($1, 9, 2)::int BETWEEN 1 AND
    CASE
      WHEN substr($1, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12') THEN 31
      WHEN substr($1, 6, 2) IN ('04', '06', '09', '11') THEN 30
      WHEN substr($1, 6, 2) = '02' THEN
        CASE WHEN (substr($1, 1, 4)::int % 4 = 0 AND substr($1, 1, 4)::int % 100 <> 0)
                  OR substr($1, 1, 4)::int % 400 = 0 THEN 29 ELSE 28 END
      ELSE 0
    END
  THEN $1 END
END;

-- The current UTC time as SQLite's strftime('%Y-%m-%dT%H:%M:%SZ', 'now').
CREATE FUNCTION pl_now() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
RETURN to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');

-- Text as the search index compares it: lower case, without diacritics (as
-- FTS5's unicode61 remove_diacritics). unaccent is a trusted extension, so the
-- owner of the database may create it; where it cannot, translate() folds
-- the Latin letters.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS unaccent;
  CREATE FUNCTION pl_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(unaccent('unaccent'::regdictionary, $1));
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'unaccent is not available (%); pl_fold uses translate()', SQLERRM;
  CREATE FUNCTION pl_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(translate($1,
    'ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž',
    'AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIiJjKkLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZz'));
END
$$;

-- group_concat: a strict step function with no initial state makes the first
-- value the state and skips NULLs.
CREATE FUNCTION pl_concat_step(text, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 || ',' || $2;

CREATE FUNCTION pl_concat_step(text, text, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN $1 || $3 || $2;

CREATE AGGREGATE group_concat(text) (SFUNC = pl_concat_step, STYPE = text);
CREATE AGGREGATE group_concat(text, text) (SFUNC = pl_concat_step, STYPE = text);

-- ---------------------------------------------------------------------------
-- The model (as ../v1.sql)
-- ---------------------------------------------------------------------------

CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);

INSERT INTO settings (key, value) VALUES
  ('lead_time_weeks', '6'),
  ('network_name', 'Placements network');

CREATE TABLE sector (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name       text COLLATE nocase NOT NULL UNIQUE
             CONSTRAINT sector_name_empty CHECK (length(trim(name)) > 0),
  created_at text NOT NULL DEFAULT pl_now(),
  updated_at text NOT NULL DEFAULT pl_now(),
  revision   bigint NOT NULL DEFAULT 1
);

INSERT INTO sector (name) VALUES
  ('Agriculture, Environmental and Animal Care'),
  ('Business and Administration'),
  ('Catering and Hospitality'),
  ('Care Services'),
  ('Construction'),
  ('Creative and Design'),
  ('Digital'),
  ('Education and Childcare'),
  ('Engineering and Manufacturing'),
  ('Hair and Beauty'),
  ('Health and Science'),
  ('Legal, Finance and Accounting'),
  ('Protective Services'),
  ('Sales, Marketing and Procurement'),
  ('Transport and Logistics');

CREATE TABLE partner (
  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name             text COLLATE nocase NOT NULL UNIQUE
                   CONSTRAINT partner_name_empty CHECK (length(trim(name)) > 0),
  kind             text NOT NULL DEFAULT 'college'
                   CONSTRAINT partner_kind CHECK (kind IN ('college', 'training_provider',
                                                           'school', 'university', 'other')),
  region           text,
  status           text NOT NULL DEFAULT 'active'
                   CONSTRAINT partner_status CHECK (status IN ('active', 'withdrawn')),
  withdrawn_on     text CONSTRAINT partner_withdrawn_on_date
                   CHECK (withdrawn_on IS NULL
                          OR pl_iso_date(withdrawn_on) IS NOT DISTINCT FROM withdrawn_on),
  withdrawn_reason text,
  is_lead          bigint NOT NULL DEFAULT 0 CONSTRAINT partner_is_lead CHECK (is_lead IN (0, 1)),
  contact_name     text,
  contact_email    text,
  contact_phone    text,
  notes            text,
  created_at       text NOT NULL DEFAULT pl_now(),
  updated_at       text NOT NULL DEFAULT pl_now(),
  revision         bigint NOT NULL DEFAULT 1,
  CONSTRAINT partner_withdrawal CHECK (status = 'active' OR withdrawn_on IS NOT NULL)
);

CREATE TABLE staff (
  id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  partner_id      bigint NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
  name            text NOT NULL CONSTRAINT staff_name_empty CHECK (length(trim(name)) > 0),
  job_title       text,
  email           text,
  phone           text,
  sector_id       bigint REFERENCES sector (id) ON DELETE SET NULL,
  curriculum_area text,
  teaching_days   bigint NOT NULL DEFAULT 0
                  CONSTRAINT staff_teaching_days CHECK (teaching_days BETWEEN 0 AND 127),
  notes           text,
  created_at      text NOT NULL DEFAULT pl_now(),
  updated_at      text NOT NULL DEFAULT pl_now(),
  revision        bigint NOT NULL DEFAULT 1
);
CREATE INDEX staff_partner ON staff (partner_id);
CREATE INDEX staff_sector ON staff (sector_id);
CREATE INDEX staff_name ON staff (name COLLATE nocase);

CREATE TABLE employer (
  id                    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name                  text COLLATE nocase NOT NULL UNIQUE
                        CONSTRAINT employer_name_empty CHECK (length(trim(name)) > 0),
  sector_id             bigint NOT NULL REFERENCES sector (id) ON DELETE RESTRICT,
  size                  text CONSTRAINT employer_size
                        CHECK (size IS NULL OR size IN ('micro', 'small', 'medium', 'large')),
  address               text,
  postcode              text,
  website               text,
  contact_name          text,
  contact_email         text,
  contact_phone         text,
  relationship          text NOT NULL DEFAULT 'prospect'
                        CONSTRAINT employer_relationship
                        CHECK (relationship IN ('prospect', 'contacted', 'warm', 'host', 'lapsed')),
  owner_id              bigint REFERENCES staff (id) ON DELETE SET NULL,
  do_not_contact_before text CONSTRAINT employer_do_not_contact_date
                        CHECK (do_not_contact_before IS NULL
                               OR pl_iso_date(do_not_contact_before)
                                  IS NOT DISTINCT FROM do_not_contact_before),
  capacity              bigint NOT NULL DEFAULT 1
                        CONSTRAINT employer_capacity CHECK (capacity BETWEEN 1 AND 1000),
  notice_weeks          bigint NOT NULL DEFAULT 0
                        CONSTRAINT employer_notice CHECK (notice_weeks BETWEEN 0 AND 104),
  preferred_days        bigint NOT NULL DEFAULT 31
                        CONSTRAINT employer_preferred_days CHECK (preferred_days BETWEEN 0 AND 127),
  notes                 text,
  created_at            text NOT NULL DEFAULT pl_now(),
  updated_at            text NOT NULL DEFAULT pl_now(),
  revision              bigint NOT NULL DEFAULT 1
);
CREATE INDEX employer_sector ON employer (sector_id);
CREATE INDEX employer_relationship ON employer (relationship);
CREATE INDEX employer_owner ON employer (owner_id);

CREATE TABLE contact (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  employer_id  bigint NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
  staff_id     bigint REFERENCES staff (id) ON DELETE SET NULL,
  contact_date text NOT NULL CONSTRAINT contact_date
               CHECK (pl_iso_date(contact_date) IS NOT DISTINCT FROM contact_date),
  channel      text NOT NULL DEFAULT 'call'
               CONSTRAINT contact_channel CHECK (channel IN ('call', 'email', 'visit', 'event', 'letter')),
  summary      text NOT NULL DEFAULT '',
  follow_up    text CONSTRAINT contact_follow_up
               CHECK (follow_up IS NULL OR (pl_iso_date(follow_up) IS NOT DISTINCT FROM follow_up
                                            AND follow_up >= contact_date)),
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1
);
CREATE INDEX contact_employer ON contact (employer_id, contact_date);
CREATE INDEX contact_staff ON contact (staff_id);
CREATE INDEX contact_follow_up ON contact (follow_up) WHERE follow_up IS NOT NULL;

CREATE TABLE employer_document (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  employer_id bigint NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
  kind        text NOT NULL CONSTRAINT document_kind
              CHECK (kind IN ('insurance', 'health_safety_policy', 'risk_assessment', 'agreement')),
  reference   text,
  issued_on   text CONSTRAINT document_issued_date
              CHECK (issued_on IS NULL OR pl_iso_date(issued_on) IS NOT DISTINCT FROM issued_on),
  expires_on  text CONSTRAINT document_expiry
              CHECK (expires_on IS NULL OR (pl_iso_date(expires_on) IS NOT DISTINCT FROM expires_on
                                            AND (issued_on IS NULL OR expires_on >= issued_on))),
  created_at  text NOT NULL DEFAULT pl_now(),
  updated_at  text NOT NULL DEFAULT pl_now(),
  revision    bigint NOT NULL DEFAULT 1
);
CREATE INDEX document_employer ON employer_document (employer_id, kind);

CREATE TABLE calendar_period (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  owner_kind  text NOT NULL DEFAULT 'all'
              CONSTRAINT period_owner_kind CHECK (owner_kind IN ('all', 'partner', 'employer', 'staff')),
  partner_id  bigint REFERENCES partner (id) ON DELETE CASCADE,
  employer_id bigint REFERENCES employer (id) ON DELETE CASCADE,
  staff_id    bigint REFERENCES staff (id) ON DELETE CASCADE,
  kind        text NOT NULL CONSTRAINT period_kind
              CHECK (kind IN ('term', 'holiday', 'exam', 'inset', 'blackout', 'busy',
                              'unavailable', 'bank_holiday')),
  label       text,
  start_date  text NOT NULL CONSTRAINT period_start_date
              CHECK (pl_iso_date(start_date) IS NOT DISTINCT FROM start_date),
  end_date    text NOT NULL CONSTRAINT period_end_date
              CHECK (pl_iso_date(end_date) IS NOT DISTINCT FROM end_date AND end_date >= start_date),
  weekdays    bigint NOT NULL DEFAULT 127
              CONSTRAINT period_weekdays CHECK (weekdays BETWEEN 1 AND 127),
  source      text NOT NULL DEFAULT 'manual' CONSTRAINT period_source CHECK (source IN ('manual', 'ics')),
  uid         text,
  created_at  text NOT NULL DEFAULT pl_now(),
  updated_at  text NOT NULL DEFAULT pl_now(),
  revision    bigint NOT NULL DEFAULT 1,
  CONSTRAINT period_owner CHECK (
       (owner_kind = 'all' AND partner_id IS NULL AND employer_id IS NULL AND staff_id IS NULL)
    OR (owner_kind = 'partner' AND partner_id IS NOT NULL AND employer_id IS NULL AND staff_id IS NULL)
    OR (owner_kind = 'employer' AND employer_id IS NOT NULL AND partner_id IS NULL AND staff_id IS NULL)
    OR (owner_kind = 'staff' AND staff_id IS NOT NULL AND partner_id IS NULL AND employer_id IS NULL))
);
CREATE INDEX period_dates ON calendar_period (start_date, end_date);
CREATE INDEX period_partner ON calendar_period (partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX period_employer ON calendar_period (employer_id) WHERE employer_id IS NOT NULL;
CREATE INDEX period_staff ON calendar_period (staff_id) WHERE staff_id IS NOT NULL;
CREATE UNIQUE INDEX period_uid ON calendar_period (owner_kind, coalesce(partner_id, 0),
                                                   coalesce(employer_id, 0), coalesce(staff_id, 0),
                                                   kind, uid)
  WHERE uid IS NOT NULL;

CREATE TABLE placement (
  id                    bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  staff_id              bigint NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  employer_id           bigint REFERENCES employer (id) ON DELETE RESTRICT,
  sector_id             bigint NOT NULL REFERENCES sector (id) ON DELETE RESTRICT,
  status                text NOT NULL DEFAULT 'request'
                        CONSTRAINT placement_status
                        CHECK (status IN ('request', 'proposed', 'agreed', 'confirmed', 'completed',
                                          'cascaded', 'evaluated', 'cancelled')),
  cancel_reason         text,
  window_start          text CONSTRAINT placement_window_start
                        CHECK (window_start IS NULL
                               OR pl_iso_date(window_start) IS NOT DISTINCT FROM window_start),
  window_end            text CONSTRAINT placement_window_end
                        CHECK (window_end IS NULL
                               OR (pl_iso_date(window_end) IS NOT DISTINCT FROM window_end
                                   AND (window_start IS NULL OR window_end >= window_start))),
  length                bigint NOT NULL DEFAULT 1
                        CONSTRAINT placement_length CHECK (length BETWEEN 1 AND 20),
  standby               text CONSTRAINT placement_standby
                        CHECK (standby IS NULL OR pl_iso_date(standby) IS NOT DISTINCT FROM standby),
  agreed_on             text CONSTRAINT placement_agreed_on
                        CHECK (agreed_on IS NULL OR pl_iso_date(agreed_on) IS NOT DISTINCT FROM agreed_on),
  aims                  bigint NOT NULL DEFAULT 0
                        CONSTRAINT placement_aims CHECK (aims BETWEEN 0 AND 127),
  goals                 text,
  sector_priority       text,
  equality_aims         text,
  reflection_learned    text,
  reflection_students   text,
  reflection_colleagues text,
  notes                 text,
  created_at            text NOT NULL DEFAULT pl_now(),
  updated_at            text NOT NULL DEFAULT pl_now(),
  revision              bigint NOT NULL DEFAULT 1,
  CONSTRAINT placement_cancel_reason
    CHECK (status <> 'cancelled' OR length(trim(coalesce(cancel_reason, ''))) > 0)
);
CREATE INDEX placement_staff ON placement (staff_id);
CREATE INDEX placement_employer ON placement (employer_id);
CREATE INDEX placement_sector ON placement (sector_id);
CREATE INDEX placement_status ON placement (status);

-- The days a placement takes place on; usually one to five working days.
CREATE TABLE placement_day (
  placement_id bigint NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  day          text NOT NULL CONSTRAINT placement_day_date
               CHECK (pl_iso_date(day) IS NOT DISTINCT FROM day),
  PRIMARY KEY (placement_id, day)
);
CREATE INDEX placement_day_day ON placement_day (day);

-- A window given as terms of an academic year instead of dates.
CREATE TABLE placement_term (
  placement_id bigint NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  period_id    bigint NOT NULL REFERENCES calendar_period (id) ON DELETE CASCADE,
  PRIMARY KEY (placement_id, period_id)
);

-- Every status change, with its date, so that a placement has a history.
CREATE TABLE placement_event (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  placement_id bigint NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  changed_on   text NOT NULL CONSTRAINT event_date
               CHECK (pl_iso_date(changed_on) IS NOT DISTINCT FROM changed_on),
  from_status  text,
  to_status    text NOT NULL,
  reason       text,
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1
);
CREATE INDEX event_placement ON placement_event (placement_id, changed_on);

-- "offset" is a reserved word in PostgreSQL: SQL must quote it ("offset"),
-- which SQLite understands too.
CREATE TABLE milestone_template (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  kind       text NOT NULL UNIQUE CONSTRAINT template_kind_empty CHECK (length(trim(kind)) > 0),
  label      text NOT NULL,
  anchor     text NOT NULL CONSTRAINT template_anchor CHECK (anchor IN ('first', 'last')),
  "offset"   bigint NOT NULL CONSTRAINT template_offset CHECK ("offset" BETWEEN -520 AND 520),
  unit       text NOT NULL DEFAULT 'weeks'
             CONSTRAINT template_unit CHECK (unit IN ('days', 'working_days', 'weeks')),
  position   bigint NOT NULL DEFAULT 0,
  created_at text NOT NULL DEFAULT pl_now(),
  updated_at text NOT NULL DEFAULT pl_now(),
  revision   bigint NOT NULL DEFAULT 1
);

INSERT INTO milestone_template (kind, label, anchor, "offset", unit, position) VALUES
  ('first_contact', 'First contact with the employer', 'first', -12, 'weeks', 1),
  ('agreement', 'Agreement with the employer', 'first', -8, 'weeks', 2),
  ('planner', 'Pre-placement planner completed', 'first', -4, 'weeks', 3),
  ('induction', 'Health and safety and induction arranged', 'first', -2, 'weeks', 4),
  ('confirmation', 'Placement confirmed', 'first', -1, 'weeks', 5),
  ('reflection', 'Reflection written', 'last', 1, 'weeks', 6),
  ('cascade', 'Learning cascaded to colleagues', 'last', 4, 'weeks', 7),
  ('observation', 'Follow-up lesson observation', 'last', 8, 'weeks', 8);

CREATE TABLE milestone (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  placement_id bigint NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  kind         text NOT NULL,
  label        text NOT NULL,
  due          text NOT NULL CONSTRAINT milestone_due CHECK (pl_iso_date(due) IS NOT DISTINCT FROM due),
  done         text CONSTRAINT milestone_done
               CHECK (done IS NULL OR pl_iso_date(done) IS NOT DISTINCT FROM done),
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1,
  UNIQUE (placement_id, kind)
);
CREATE INDEX milestone_due ON milestone (due) WHERE done IS NULL;

CREATE TABLE cascade (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  placement_id bigint NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  cascade_date text NOT NULL CONSTRAINT cascade_date
               CHECK (pl_iso_date(cascade_date) IS NOT DISTINCT FROM cascade_date),
  audience     text NOT NULL CONSTRAINT cascade_audience
               CHECK (audience IN ('colleagues', 'students', 'department', 'other')),
  people       bigint NOT NULL DEFAULT 0 CONSTRAINT cascade_people CHECK (people BETWEEN 0 AND 100000),
  notes        text,
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1
);
CREATE INDEX cascade_placement ON cascade (placement_id);

-- Ratings use the scale observers in further education know:
-- 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.
CREATE TABLE observation (
  id                  bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  staff_id            bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  placement_id        bigint REFERENCES placement (id) ON DELETE SET NULL,
  phase               text NOT NULL CONSTRAINT observation_phase CHECK (phase IN ('before', 'after')),
  observed_on         text NOT NULL CONSTRAINT observation_date
                      CHECK (pl_iso_date(observed_on) IS NOT DISTINCT FROM observed_on),
  observer            text,
  independent         bigint NOT NULL DEFAULT 0
                      CONSTRAINT observation_independent CHECK (independent IN (0, 1)),
  industry_standards  bigint CONSTRAINT rating_industry_standards CHECK (industry_standards BETWEEN 1 AND 4),
  technology          bigint CONSTRAINT rating_technology CHECK (technology BETWEEN 1 AND 4),
  active_learning     bigint CONSTRAINT rating_active_learning CHECK (active_learning BETWEEN 1 AND 4),
  engagement          bigint CONSTRAINT rating_engagement CHECK (engagement BETWEEN 1 AND 4),
  equality_diversity  bigint CONSTRAINT rating_equality_diversity CHECK (equality_diversity BETWEEN 1 AND 4),
  differentiation     bigint CONSTRAINT rating_differentiation CHECK (differentiation BETWEEN 1 AND 4),
  learners_progressed bigint CONSTRAINT observation_progressed CHECK (learners_progressed IN (0, 1)),
  notes               text,
  created_at          text NOT NULL DEFAULT pl_now(),
  updated_at          text NOT NULL DEFAULT pl_now(),
  revision            bigint NOT NULL DEFAULT 1
);
CREATE INDEX observation_staff ON observation (staff_id, phase, observed_on);
CREATE INDEX observation_placement ON observation (placement_id);

-- Anonymous answers; NULL is "no answer".
CREATE TABLE survey_response (
  id                             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  kind                           text NOT NULL CONSTRAINT survey_kind CHECK (kind IN ('student', 'employer')),
  placement_id                   bigint REFERENCES placement (id) ON DELETE SET NULL,
  staff_id                       bigint REFERENCES staff (id) ON DELETE SET NULL,
  employer_id                    bigint REFERENCES employer (id) ON DELETE SET NULL,
  responded_on                   text CONSTRAINT survey_date
                                 CHECK (responded_on IS NULL
                                        OR pl_iso_date(responded_on) IS NOT DISTINCT FROM responded_on),
  learning_improved              text CONSTRAINT answer_learning_improved
                                 CHECK (learning_improved IN ('agree', 'neutral', 'disagree')),
  employment_opportunities       text CONSTRAINT answer_employment_opportunities
                                 CHECK (employment_opportunities IN ('agree', 'neutral', 'disagree')),
  workplace                      text CONSTRAINT answer_workplace
                                 CHECK (workplace IN ('agree', 'neutral', 'disagree')),
  equality_diversity             text CONSTRAINT answer_equality_diversity
                                 CHECK (equality_diversity IN ('agree', 'neutral', 'disagree')),
  vocational_education_important text CONSTRAINT answer_vocational_education_important
                                 CHECK (vocational_education_important IN ('agree', 'neutral', 'disagree')),
  host_again                     text CONSTRAINT answer_host_again
                                 CHECK (host_again IN ('agree', 'neutral', 'disagree')),
  work_with_providers            text CONSTRAINT answer_work_with_providers
                                 CHECK (work_with_providers IN ('agree', 'neutral', 'disagree')),
  created_at                     text NOT NULL DEFAULT pl_now(),
  updated_at                     text NOT NULL DEFAULT pl_now(),
  revision                       bigint NOT NULL DEFAULT 1,
  CONSTRAINT survey_questions CHECK (
       (kind = 'student' AND vocational_education_important IS NULL AND host_again IS NULL
        AND work_with_providers IS NULL)
    OR (kind = 'employer' AND learning_improved IS NULL AND employment_opportunities IS NULL
        AND workplace IS NULL AND equality_diversity IS NULL))
);
CREATE INDEX survey_kind ON survey_response (kind);
CREATE INDEX survey_placement ON survey_response (placement_id);
CREATE INDEX survey_staff ON survey_response (staff_id);

CREATE TABLE exchange_group (
  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  name        text COLLATE nocase NOT NULL UNIQUE
              CONSTRAINT group_name_empty CHECK (length(trim(name)) > 0),
  area        text NOT NULL CONSTRAINT group_area
              CHECK (area IN ('maths', 'maths_esol', 'digital', 'english', 'send', 'supporting_staff')),
  wave        bigint NOT NULL DEFAULT 1 CONSTRAINT group_wave CHECK (wave BETWEEN 1 AND 100),
  aim         text,
  facilitator text,
  notes       text,
  created_at  text NOT NULL DEFAULT pl_now(),
  updated_at  text NOT NULL DEFAULT pl_now(),
  revision    bigint NOT NULL DEFAULT 1
);
CREATE INDEX group_area ON exchange_group (area, wave);

CREATE TABLE group_member (
  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  group_id   bigint NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  staff_id   bigint NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role       text,
  created_at text NOT NULL DEFAULT pl_now(),
  updated_at text NOT NULL DEFAULT pl_now(),
  revision   bigint NOT NULL DEFAULT 1,
  UNIQUE (group_id, staff_id)
);
CREATE INDEX group_member_staff ON group_member (staff_id);

CREATE TABLE group_meeting (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  group_id     bigint NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  meeting_date text NOT NULL CONSTRAINT meeting_date
               CHECK (pl_iso_date(meeting_date) IS NOT DISTINCT FROM meeting_date),
  place        text,
  notes        text,
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1
);
CREATE INDEX group_meeting_group ON group_meeting (group_id, meeting_date);
CREATE INDEX group_meeting_date ON group_meeting (meeting_date);

CREATE TABLE group_outcome (
  id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  group_id     bigint NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  title        text NOT NULL CONSTRAINT outcome_title_empty CHECK (length(trim(title)) > 0),
  kind         text NOT NULL DEFAULT 'report'
               CONSTRAINT outcome_kind CHECK (kind IN ('report', 'resource', 'tool', 'guide', 'framework')),
  link         text,
  outcome_date text CONSTRAINT outcome_date
               CHECK (outcome_date IS NULL OR pl_iso_date(outcome_date) IS NOT DISTINCT FROM outcome_date),
  description  text,
  created_at   text NOT NULL DEFAULT pl_now(),
  updated_at   text NOT NULL DEFAULT pl_now(),
  revision     bigint NOT NULL DEFAULT 1
);
CREATE INDEX group_outcome_group ON group_outcome (group_id);

-- Full-text search over names, notes, aims and reflections, kept by the
-- triggers below (the same text as SQLite's index holds). Query it with
--   SELECT rec_id FROM search WHERE tsv @@ pl_fts_query(?1) AND kind = ?2
-- where ?1 is the query the store writes for FTS5 (`"quay"* "side"*`):
-- every word must begin a word of the record.
CREATE FUNCTION pl_fts_query(q text) RETURNS tsquery
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  word text;
  lexeme text;
  result tsquery;
  part tsquery;
BEGIN
  FOR word IN SELECT replace(m[1], '""', '"')
              FROM regexp_matches(q, '"((?:[^"]|"")*)"\*?', 'g') AS m
  LOOP
    part := NULL;
    FOR lexeme IN SELECT unnest(tsvector_to_array(to_tsvector('simple', pl_fold(word))))
    LOOP
      part := CASE WHEN part IS NULL THEN to_tsquery('simple', quote_literal(lexeme) || ':*')
                   ELSE part && to_tsquery('simple', quote_literal(lexeme) || ':*') END;
    END LOOP;
    IF part IS NOT NULL THEN
      result := CASE WHEN result IS NULL THEN part ELSE result && part END;
    END IF;
  END LOOP;
  RETURN result;
END
$$;

CREATE TABLE search (
  kind   text NOT NULL,
  rec_id bigint NOT NULL,
  body   text NOT NULL,
  tsv    tsvector GENERATED ALWAYS AS (to_tsvector('simple', pl_fold(body))) STORED,
  PRIMARY KEY (kind, rec_id)
);
CREATE INDEX search_tsv ON search USING gin (tsv);

-- The schema's version and owner marks (PRAGMA user_version and
-- application_id in SQLite); the store writes them.
CREATE TABLE pl_meta (
  key   text PRIMARY KEY,
  value bigint NOT NULL
);

-- ---------------------------------------------------------------------------
-- Triggers of the model (as ../v1.sql)
-- ---------------------------------------------------------------------------

-- updated_at follows every change unless the UPDATE sets it itself (undo
-- puts back the old time), and revision counts every change unless the
-- UPDATE sets it to something else.
CREATE FUNCTION pl_touch() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
    NEW.updated_at := pl_now();
  END IF;
  IF NEW.revision IS NOT DISTINCT FROM OLD.revision THEN
    NEW.revision := OLD.revision + 1;
  END IF;
  RETURN NEW;
END
$$;

-- The search index. The functions run with the owner's rights, so that
-- coordinators may read the index (through its policy) but not write it.
CREATE FUNCTION pl_search_partner() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'partner' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body)
    VALUES ('partner', NEW.id,
            coalesce(NEW.name, '') || ' ' || coalesce(NEW.region, '') || ' '
            || coalesce(NEW.contact_name, '') || ' ' || coalesce(NEW.notes, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION pl_search_staff() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'staff' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body)
    VALUES ('staff', NEW.id,
            coalesce(NEW.name, '') || ' ' || coalesce(NEW.job_title, '') || ' '
            || coalesce(NEW.curriculum_area, '') || ' ' || coalesce(NEW.email, '') || ' '
            || coalesce(NEW.notes, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION pl_search_employer() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'employer' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body)
    VALUES ('employer', NEW.id,
            coalesce(NEW.name, '') || ' ' || coalesce(NEW.address, '') || ' '
            || coalesce(NEW.postcode, '') || ' ' || coalesce(NEW.website, '') || ' '
            || coalesce(NEW.contact_name, '') || ' ' || coalesce(NEW.notes, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION pl_search_placement() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'placement' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body)
    VALUES ('placement', NEW.id,
            coalesce(NEW.goals, '') || ' ' || coalesce(NEW.sector_priority, '') || ' '
            || coalesce(NEW.equality_aims, '') || ' ' || coalesce(NEW.reflection_learned, '') || ' '
            || coalesce(NEW.reflection_students, '') || ' '
            || coalesce(NEW.reflection_colleagues, '') || ' ' || coalesce(NEW.notes, '') || ' '
            || coalesce(NEW.cancel_reason, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION pl_search_contact() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'contact' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body) VALUES ('contact', NEW.id, coalesce(NEW.summary, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION pl_search_exchange_group() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    DELETE FROM search WHERE kind = 'group' AND rec_id = OLD.id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO search (kind, rec_id, body)
    VALUES ('group', NEW.id,
            coalesce(NEW.name, '') || ' ' || coalesce(NEW.aim, '') || ' '
            || coalesce(NEW.facilitator, '') || ' ' || coalesce(NEW.notes, ''));
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER partner_search AFTER INSERT OR UPDATE OR DELETE ON partner
  FOR EACH ROW EXECUTE FUNCTION pl_search_partner();
CREATE TRIGGER staff_search AFTER INSERT OR UPDATE OR DELETE ON staff
  FOR EACH ROW EXECUTE FUNCTION pl_search_staff();
CREATE TRIGGER employer_search AFTER INSERT OR UPDATE OR DELETE ON employer
  FOR EACH ROW EXECUTE FUNCTION pl_search_employer();
CREATE TRIGGER placement_search AFTER INSERT OR UPDATE OR DELETE ON placement
  FOR EACH ROW EXECUTE FUNCTION pl_search_placement();
CREATE TRIGGER contact_search AFTER INSERT OR UPDATE OR DELETE ON contact
  FOR EACH ROW EXECUTE FUNCTION pl_search_contact();
CREATE TRIGGER exchange_group_search AFTER INSERT OR UPDATE OR DELETE ON exchange_group
  FOR EACH ROW EXECUTE FUNCTION pl_search_exchange_group();

-- ---------------------------------------------------------------------------
-- Who may see what: one row per login granted access to the data set
-- ---------------------------------------------------------------------------

-- partner_id NULL with is_lead 1: a coordinator of the whole network.
CREATE TABLE pl_access (
  role       name PRIMARY KEY,
  partner_id bigint REFERENCES partner (id) ON DELETE CASCADE,
  is_lead    integer NOT NULL DEFAULT 0
);

-- The helpers below run with the owner's rights; they answer for the role
-- that calls them (the default argument is evaluated by the caller).

-- Whether @p_role sees and writes everything: the owner of the data set,
-- the owner of the database, a superuser, or a lead coordinator.
CREATE FUNCTION pl_is_lead(p_role name DEFAULT current_user) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
BEGIN ATOMIC
  SELECT pg_has_role(p_role, (SELECT c.relowner FROM pg_class c WHERE c.oid = 'pl_access'::regclass),
                     'USAGE')
         OR pg_has_role(p_role, (SELECT d.datdba FROM pg_database d
                                  WHERE d.datname = current_database()), 'USAGE')
         OR EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_role AND (r.rolsuper OR r.rolbypassrls))
         OR EXISTS (SELECT 1 FROM pl_access a WHERE a.role = p_role AND a.is_lead = 1);
END;

-- The partner whose coordinator @p_role is, NULL for none.
CREATE FUNCTION pl_my_partner(p_role name DEFAULT current_user) RETURNS bigint
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
BEGIN ATOMIC
  SELECT a.partner_id FROM pl_access a WHERE a.role = p_role;
END;

-- The name of that partner ("Showing Humber Estuary College"), NULL for a
-- lead coordinator or the owner.
CREATE FUNCTION pl_access_label(p_role name DEFAULT current_user) RETURNS text
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
BEGIN ATOMIC
  SELECT p.name FROM pl_access a JOIN partner p ON p.id = a.partner_id
   WHERE a.role = p_role AND a.is_lead = 0;
END;

-- The tables of the model: each has the triggers of pl_track() and is
-- granted by pl_grant(). A migration that adds a table replaces this list.
CREATE FUNCTION pl_model_tables() RETURNS text[]
  LANGUAGE sql IMMUTABLE
RETURN ARRAY['settings', 'sector', 'partner', 'staff', 'employer', 'contact', 'employer_document',
             'calendar_period', 'placement', 'placement_day', 'placement_term', 'placement_event',
             'milestone_template', 'milestone', 'cascade', 'observation', 'survey_response',
             'exchange_group', 'group_member', 'group_meeting', 'group_outcome'];

-- ---------------------------------------------------------------------------
-- Change capture: the store hears of every row written (and records undo)
-- ---------------------------------------------------------------------------

-- Writes each changed row into the session's own table, if it has one:
--   CREATE TEMP TABLE IF NOT EXISTS pl_change (seq bigserial PRIMARY KEY,
--     tbl text NOT NULL, op text NOT NULL, id bigint, old jsonb, new jsonb)
-- Arguments: the id column ('' for none), and 'private' for a table whose
-- rows belong to a partner. A change the database makes on its own (ON DELETE
-- SET NULL) may touch rows of other partners; those are not reported to a
-- coordinator who cannot see them.
CREATE FUNCTION pl_capture() RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  v_old     jsonb;
  v_new     jsonb;
  v_id      bigint;
  v_visible boolean := true;
BEGIN
  IF to_regclass('pg_temp.pl_change') IS NULL THEN
    RETURN NULL;
  END IF;

  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW);
  END IF;
  IF TG_ARGV[0] <> '' THEN
    v_id := (coalesce(v_new, v_old) ->> TG_ARGV[0])::bigint;
  END IF;

  IF TG_ARGV[1] = 'private' AND TG_OP <> 'INSERT' AND NOT pl_is_lead () THEN
    IF v_id IS NOT NULL AND TG_OP = 'UPDATE' THEN
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE id = $1)', TG_TABLE_SCHEMA, TG_TABLE_NAME)
        INTO v_visible USING v_id;
    ELSIF v_id IS NULL THEN
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.placement WHERE id = $1)', TG_TABLE_SCHEMA)
        INTO v_visible USING (coalesce(v_new, v_old) ->> 'placement_id')::bigint;
    END IF;
    IF NOT v_visible THEN
      RETURN NULL;
    END IF;
  END IF;

  INSERT INTO pg_temp.pl_change (tbl, op, id, old, new)
  VALUES (TG_TABLE_NAME, left(TG_OP, 1), v_id, v_old, v_new);
  RETURN NULL;
END
$$;

-- Other sessions hear which table changed: LISTEN placements.
CREATE FUNCTION pl_notify() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('placements', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

-- Rows copied or undone keep their ids; the id sequence then moves past
-- them, so that the next new row does not take an id in use.
CREATE FUNCTION pl_sync_id() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  v_seq text := pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id');
  v_top bigint;
BEGIN
  SELECT max(id) INTO v_top FROM pl_inserted;
  IF v_top > coalesce(pg_sequence_last_value(v_seq::regclass), 0) THEN
    PERFORM setval(v_seq, v_top);
  END IF;
  RETURN NULL;
END
$$;

-- ---------------------------------------------------------------------------
-- The audit trail: who changed what, written by the server
-- ---------------------------------------------------------------------------

CREATE TABLE audit (
  id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at        text NOT NULL DEFAULT pl_now(),
  role      text NOT NULL DEFAULT current_user,
  tbl       text NOT NULL,
  row_id    bigint,
  op        text NOT NULL CONSTRAINT audit_op CHECK (op IN ('insert', 'update', 'delete')),
  field     text,
  old_value text,
  new_value text
);
CREATE INDEX audit_row ON audit (tbl, row_id);
CREATE INDEX audit_at ON audit (at);

-- One row per changed field of an UPDATE, in the order of the columns (but
-- updated_at and revision), one row with the whole row as JSON for an INSERT
-- or DELETE. The argument is the column that names the row: id, or
-- placement_id for a placement's days and terms, or '' for none. role is the
-- login (session_user): inside this function current_user is the owner.
CREATE FUNCTION pl_audit() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  v_old jsonb;
  v_new jsonb;
  v_id  bigint;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    v_old := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new := to_jsonb(NEW);
  END IF;
  IF TG_ARGV[0] <> '' THEN
    v_id := (coalesce(v_new, v_old) ->> TG_ARGV[0])::bigint;
  END IF;

  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit (role, tbl, row_id, op, new_value)
    VALUES (session_user, TG_TABLE_NAME, v_id, 'insert', v_new::text);
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO audit (role, tbl, row_id, op, old_value)
    VALUES (session_user, TG_TABLE_NAME, v_id, 'delete', v_old::text);
  ELSE
    INSERT INTO audit (role, tbl, row_id, op, field, old_value, new_value)
    SELECT session_user, TG_TABLE_NAME, v_id, 'update', n.key, o.value #>> '{}', n.value #>> '{}'
      FROM json_each(row_to_json(NEW)) WITH ORDINALITY AS n
      JOIN jsonb_each(v_old) AS o ON o.key = n.key
     WHERE n.key NOT IN ('updated_at', 'revision')
       AND n.value::jsonb IS DISTINCT FROM o.value
     ORDER BY n.ordinality;
  END IF;
  RETURN NULL;
END
$$;

-- Attaches capture, notification, audit, the touch trigger (for a table with
-- updated_at) and the id sequence's keeper (for a table with id) to @p_table.
-- @p_private: its rows belong to a partner (see pl_capture).
CREATE FUNCTION pl_track(p_table text, p_private boolean) RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  v_rel     regclass := p_table::regclass;
  v_has_id  boolean;
  v_key     text;
BEGIN
  v_has_id := EXISTS (SELECT 1 FROM pg_attribute
                       WHERE attrelid = v_rel AND attname = 'id' AND NOT attisdropped);
  v_key := CASE
             WHEN v_has_id THEN 'id'
             WHEN EXISTS (SELECT 1 FROM pg_attribute
                           WHERE attrelid = v_rel AND attname = 'placement_id' AND NOT attisdropped)
               THEN 'placement_id'
             ELSE ''
           END;

  IF EXISTS (SELECT 1 FROM pg_attribute
              WHERE attrelid = v_rel AND attname = 'updated_at' AND NOT attisdropped) THEN
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %s FOR EACH ROW EXECUTE FUNCTION pl_touch()',
                   p_table || '_touch', v_rel);
  END IF;
  IF v_has_id THEN
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %s REFERENCING NEW TABLE AS pl_inserted'
                   ' FOR EACH STATEMENT EXECUTE FUNCTION pl_sync_id()',
                   p_table || '_id_sync', v_rel);
  END IF;
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION pl_capture(%L, %L)',
                 p_table || '_capture', v_rel, CASE WHEN v_has_id THEN 'id' ELSE '' END,
                 CASE WHEN p_private THEN 'private' ELSE 'shared' END);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH ROW EXECUTE FUNCTION pl_audit(%L)',
                 p_table || '_audit', v_rel, v_key);
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s'
                 ' FOR EACH STATEMENT EXECUTE FUNCTION pl_notify()',
                 p_table || '_notify', v_rel);
END
$$;

DO $$
BEGIN
  PERFORM pl_track(t, t IN ('staff', 'calendar_period', 'placement', 'placement_day', 'placement_term',
                            'placement_event', 'milestone', 'cascade', 'observation', 'survey_response'))
     FROM unnest(pl_model_tables()) AS t;
END
$$;

-- ---------------------------------------------------------------------------
-- Row-level security: each partner's people stay with that partner
-- ---------------------------------------------------------------------------
--
-- Not forced: the owner, who created the data set, sees everything. Policies
-- call the helpers as (SELECT pl_is_lead()) so that they run once a query.
-- A subquery inside a policy is itself filtered by its table's policies.

-- Read by all; written by a lead (an UPDATE by anyone else is refused, not
-- silently ignored).
ALTER TABLE partner ENABLE ROW LEVEL SECURITY;
CREATE POLICY partner_read ON partner FOR SELECT USING (true);
CREATE POLICY partner_insert ON partner FOR INSERT WITH CHECK ((SELECT pl_is_lead ()));
CREATE POLICY partner_update ON partner FOR UPDATE USING (true) WITH CHECK ((SELECT pl_is_lead ()));
CREATE POLICY partner_delete ON partner FOR DELETE USING ((SELECT pl_is_lead ()));

ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_partner ON staff
  USING ((SELECT pl_is_lead ()) OR partner_id = (SELECT pl_my_partner ()))
  WITH CHECK ((SELECT pl_is_lead ()) OR partner_id = (SELECT pl_my_partner ()));

ALTER TABLE placement ENABLE ROW LEVEL SECURITY;
CREATE POLICY placement_partner ON placement
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = placement.staff_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM staff s
                          WHERE s.id = placement.staff_id AND s.partner_id = (SELECT pl_my_partner ())));

-- What belongs to a placement goes with it.
ALTER TABLE placement_day ENABLE ROW LEVEL SECURITY;
CREATE POLICY placement_day_partner ON placement_day
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = placement_day.placement_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                          WHERE p.id = placement_day.placement_id
                            AND s.partner_id = (SELECT pl_my_partner ())));

ALTER TABLE placement_term ENABLE ROW LEVEL SECURITY;
CREATE POLICY placement_term_partner ON placement_term
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = placement_term.placement_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                          WHERE p.id = placement_term.placement_id
                            AND s.partner_id = (SELECT pl_my_partner ())));

ALTER TABLE placement_event ENABLE ROW LEVEL SECURITY;
CREATE POLICY placement_event_partner ON placement_event
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = placement_event.placement_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                          WHERE p.id = placement_event.placement_id
                            AND s.partner_id = (SELECT pl_my_partner ())));

ALTER TABLE milestone ENABLE ROW LEVEL SECURITY;
CREATE POLICY milestone_partner ON milestone
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = milestone.placement_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                          WHERE p.id = milestone.placement_id AND s.partner_id = (SELECT pl_my_partner ())));

ALTER TABLE cascade ENABLE ROW LEVEL SECURITY;
CREATE POLICY cascade_partner ON cascade
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = cascade.placement_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                          WHERE p.id = cascade.placement_id AND s.partner_id = (SELECT pl_my_partner ())));

-- An observation goes with the observed colleague; one written by a
-- coordinator names only that partner's placements.
ALTER TABLE observation ENABLE ROW LEVEL SECURITY;
CREATE POLICY observation_partner ON observation
  USING ((SELECT pl_is_lead ())
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = observation.staff_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR (EXISTS (SELECT 1 FROM staff s
                           WHERE s.id = observation.staff_id AND s.partner_id = (SELECT pl_my_partner ()))
                  AND (observation.placement_id IS NULL
                       OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                                   WHERE p.id = observation.placement_id
                                     AND s.partner_id = (SELECT pl_my_partner ())))));

-- An answer linked to a colleague or placement goes with it; one linked to
-- neither is seen by all.
ALTER TABLE survey_response ENABLE ROW LEVEL SECURITY;
CREATE POLICY survey_response_partner ON survey_response
  USING ((SELECT pl_is_lead ())
         OR (survey_response.staff_id IS NULL AND survey_response.placement_id IS NULL)
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = survey_response.staff_id AND s.partner_id = (SELECT pl_my_partner ()))
         OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                     WHERE p.id = survey_response.placement_id
                       AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR ((survey_response.staff_id IS NULL
                   OR EXISTS (SELECT 1 FROM staff s
                               WHERE s.id = survey_response.staff_id
                                 AND s.partner_id = (SELECT pl_my_partner ())))
                  AND (survey_response.placement_id IS NULL
                       OR EXISTS (SELECT 1 FROM placement p JOIN staff s ON s.id = p.staff_id
                                   WHERE p.id = survey_response.placement_id
                                     AND s.partner_id = (SELECT pl_my_partner ())))));

-- A partner's and its colleagues' periods are its own; employers' periods
-- are shared; network-wide periods are read by all and written by a lead.
ALTER TABLE calendar_period ENABLE ROW LEVEL SECURITY;
CREATE POLICY calendar_period_read ON calendar_period FOR SELECT
  USING ((SELECT pl_is_lead ())
         OR (partner_id IS NULL AND staff_id IS NULL)
         OR partner_id = (SELECT pl_my_partner ())
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = calendar_period.staff_id AND s.partner_id = (SELECT pl_my_partner ())));
CREATE POLICY calendar_period_insert ON calendar_period FOR INSERT
  WITH CHECK ((SELECT pl_is_lead ())
              OR (employer_id IS NOT NULL AND partner_id IS NULL AND staff_id IS NULL)
              OR partner_id = (SELECT pl_my_partner ())
              OR EXISTS (SELECT 1 FROM staff s
                          WHERE s.id = calendar_period.staff_id AND s.partner_id = (SELECT pl_my_partner ())));
CREATE POLICY calendar_period_update ON calendar_period FOR UPDATE
  USING ((SELECT pl_is_lead ())
         OR (employer_id IS NOT NULL AND partner_id IS NULL AND staff_id IS NULL)
         OR partner_id = (SELECT pl_my_partner ())
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = calendar_period.staff_id AND s.partner_id = (SELECT pl_my_partner ())))
  WITH CHECK ((SELECT pl_is_lead ())
              OR (employer_id IS NOT NULL AND partner_id IS NULL AND staff_id IS NULL)
              OR partner_id = (SELECT pl_my_partner ())
              OR EXISTS (SELECT 1 FROM staff s
                          WHERE s.id = calendar_period.staff_id AND s.partner_id = (SELECT pl_my_partner ())));
CREATE POLICY calendar_period_delete ON calendar_period FOR DELETE
  USING ((SELECT pl_is_lead ())
         OR (employer_id IS NOT NULL AND partner_id IS NULL AND staff_id IS NULL)
         OR partner_id = (SELECT pl_my_partner ())
         OR EXISTS (SELECT 1 FROM staff s
                     WHERE s.id = calendar_period.staff_id AND s.partner_id = (SELECT pl_my_partner ())));

-- Shared by the whole network.
ALTER TABLE settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY settings_shared ON settings USING (true) WITH CHECK (true);
ALTER TABLE sector ENABLE ROW LEVEL SECURITY;
CREATE POLICY sector_shared ON sector USING (true) WITH CHECK (true);
ALTER TABLE employer ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_shared ON employer USING (true) WITH CHECK (true);
ALTER TABLE contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_shared ON contact USING (true) WITH CHECK (true);
ALTER TABLE employer_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY employer_document_shared ON employer_document USING (true) WITH CHECK (true);
ALTER TABLE milestone_template ENABLE ROW LEVEL SECURITY;
CREATE POLICY milestone_template_shared ON milestone_template USING (true) WITH CHECK (true);
ALTER TABLE exchange_group ENABLE ROW LEVEL SECURITY;
CREATE POLICY exchange_group_shared ON exchange_group USING (true) WITH CHECK (true);
ALTER TABLE group_member ENABLE ROW LEVEL SECURITY;
CREATE POLICY group_member_shared ON group_member USING (true) WITH CHECK (true);
ALTER TABLE group_meeting ENABLE ROW LEVEL SECURITY;
CREATE POLICY group_meeting_shared ON group_meeting USING (true) WITH CHECK (true);
ALTER TABLE group_outcome ENABLE ROW LEVEL SECURITY;
CREATE POLICY group_outcome_shared ON group_outcome USING (true) WITH CHECK (true);

-- The index shows a colleague or placement only to whom may see it; only the
-- triggers (as the owner) write it.
ALTER TABLE search ENABLE ROW LEVEL SECURITY;
CREATE POLICY search_read ON search FOR SELECT
  USING (CASE search.kind
           WHEN 'staff' THEN EXISTS (SELECT 1 FROM staff t WHERE t.id = search.rec_id)
           WHEN 'placement' THEN EXISTS (SELECT 1 FROM placement t WHERE t.id = search.rec_id)
           ELSE true
         END);

-- A lead reads the whole trail; a coordinator that of shared tables and of
-- the rows of its partner that still exist. Nobody but the owner writes it.
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_read ON audit FOR SELECT
  USING ((SELECT pl_is_lead ())
         OR CASE audit.tbl
              WHEN 'staff' THEN EXISTS (SELECT 1 FROM staff t WHERE t.id = audit.row_id)
              WHEN 'placement' THEN EXISTS (SELECT 1 FROM placement t WHERE t.id = audit.row_id)
              WHEN 'placement_day' THEN EXISTS (SELECT 1 FROM placement t WHERE t.id = audit.row_id)
              WHEN 'placement_term' THEN EXISTS (SELECT 1 FROM placement t WHERE t.id = audit.row_id)
              WHEN 'placement_event' THEN EXISTS (SELECT 1 FROM placement_event t WHERE t.id = audit.row_id)
              WHEN 'milestone' THEN EXISTS (SELECT 1 FROM milestone t WHERE t.id = audit.row_id)
              WHEN 'cascade' THEN EXISTS (SELECT 1 FROM cascade t WHERE t.id = audit.row_id)
              WHEN 'observation' THEN EXISTS (SELECT 1 FROM observation t WHERE t.id = audit.row_id)
              WHEN 'survey_response' THEN EXISTS (SELECT 1 FROM survey_response t WHERE t.id = audit.row_id)
              WHEN 'calendar_period' THEN EXISTS (SELECT 1 FROM calendar_period t WHERE t.id = audit.row_id)
              ELSE true
            END);

-- ---------------------------------------------------------------------------
-- Planning across partners
-- ---------------------------------------------------------------------------

-- How many placements of all partners (but cancelled ones) take each host
-- on each day from @p_from on: counts only, never whose.
CREATE FUNCTION pl_host_occupancy(p_from text)
  RETURNS TABLE (employer_id bigint, day text, taken bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT
BEGIN ATOMIC
  SELECT p.employer_id, d.day, count(*)
    FROM placement p
    JOIN placement_day d ON d.placement_id = p.id
   WHERE p.status <> 'cancelled' AND p.employer_id IS NOT NULL
     AND (p_from IS NULL OR d.day >= p_from)
   GROUP BY p.employer_id, d.day;
END;

-- ---------------------------------------------------------------------------
-- Granting access: placements-cli grant ROLE --partner NAME | --lead
-- ---------------------------------------------------------------------------

-- What a coordinator may use besides the model's tables.
CREATE FUNCTION pl_access_objects(p_role name, p_verb text) RETURNS SETOF text
  LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT format('%s SELECT, INSERT, UPDATE, DELETE ON %s %s %I', p_verb, t::regclass,
                CASE p_verb WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END, p_role)
    FROM unnest(pl_model_tables()) AS t
  UNION ALL
  SELECT format('%s USAGE ON SEQUENCE %s %s %I', p_verb, pg_get_serial_sequence(t::regclass::text, 'id'),
                CASE p_verb WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END, p_role)
    FROM unnest(pl_model_tables()) AS t
   WHERE EXISTS (SELECT 1 FROM pg_attribute a
                  WHERE a.attrelid = t::regclass AND a.attname = 'id' AND NOT a.attisdropped)
  UNION ALL
  SELECT format('%s SELECT ON %s, %s, %s %s %I', p_verb, 'search'::regclass, 'pl_meta'::regclass,
                'audit'::regclass, CASE p_verb WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END, p_role)
  UNION ALL
  SELECT format('%s EXECUTE ON FUNCTION %s, %s, %s, %s %s %I', p_verb,
                'pl_is_lead(name)'::regprocedure, 'pl_my_partner(name)'::regprocedure,
                'pl_access_label(name)'::regprocedure, 'pl_host_occupancy(text)'::regprocedure,
                CASE p_verb WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END, p_role)
  UNION ALL
  SELECT format('%s USAGE ON SCHEMA %I %s %I', p_verb, n.nspname,
                CASE p_verb WHEN 'GRANT' THEN 'TO' ELSE 'FROM' END, p_role)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = 'pl_access'::regclass;
END;

-- Makes @p_role (an existing login) a coordinator of the partner named
-- @p_partner (case-blind), or of the whole network when @p_partner is NULL.
CREATE FUNCTION pl_grant(p_role name, p_partner text) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  v_partner bigint;
  v_sql     text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    RAISE EXCEPTION 'There is no login “%” on this server; create it first.', p_role
      USING ERRCODE = 'undefined_object';
  END IF;
  IF pg_has_role(p_role, current_user, 'USAGE') THEN
    RAISE EXCEPTION '“%” owns this data set and sees all of it already.', p_role
      USING ERRCODE = 'invalid_grant_operation';
  END IF;
  IF p_partner IS NOT NULL THEN
    SELECT id INTO v_partner FROM partner WHERE name = p_partner COLLATE nocase;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'There is no partner named “%”.', p_partner
        USING ERRCODE = 'no_data_found';
    END IF;
  END IF;

  INSERT INTO pl_access (role, partner_id, is_lead)
  VALUES (p_role, v_partner, CASE WHEN v_partner IS NULL THEN 1 ELSE 0 END)
  ON CONFLICT (role) DO UPDATE SET partner_id = excluded.partner_id, is_lead = excluded.is_lead;

  FOR v_sql IN SELECT pl_access_objects(p_role, 'GRANT') LOOP
    EXECUTE v_sql;
  END LOOP;
END
$$;

-- Takes the access of @p_role away.
CREATE FUNCTION pl_revoke(p_role name) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
DECLARE
  v_sql text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = p_role) THEN
    RAISE EXCEPTION 'There is no login “%” on this server.', p_role
      USING ERRCODE = 'undefined_object';
  END IF;
  IF pg_has_role(p_role, current_user, 'USAGE') THEN
    RAISE EXCEPTION '“%” owns this data set; its access cannot be taken away.', p_role
      USING ERRCODE = 'invalid_grant_operation';
  END IF;

  DELETE FROM pl_access WHERE role = p_role;
  FOR v_sql IN SELECT pl_access_objects(p_role, 'REVOKE') LOOP
    EXECUTE v_sql;
  END LOOP;
END
$$;

-- Nothing but what pl_grant() gives: the helpers, the occupancy counts and
-- the owner's own functions are not for everybody.
REVOKE EXECUTE ON FUNCTION pl_is_lead(name), pl_my_partner(name), pl_access_label(name),
  pl_host_occupancy(text), pl_grant(name, text), pl_revoke(name), pl_access_objects(name, text),
  pl_track(text, boolean), pl_model_tables(), pl_touch(), pl_capture(), pl_notify(), pl_sync_id(),
  pl_audit(), pl_search_partner(), pl_search_staff(), pl_search_employer(), pl_search_placement(),
  pl_search_contact(), pl_search_exchange_group()
  FROM PUBLIC;
