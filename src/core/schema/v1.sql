-- v1.sql: the first complete schema of Placements.
--
-- Copyright 2026 The Placements authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Dates are ISO text (YYYY-MM-DD), checked with date(x) = x, which refuses
-- both malformed text and impossible days such as 2026-02-30. Timestamps are
-- UTC ISO 8601. Enumerations are CHECK constraints; the store gives each a
-- readable name so that a refusal can be explained.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

INSERT INTO settings (key, value) VALUES
  ('lead_time_weeks', '6'),
  ('network_name', 'Placements network');

CREATE TABLE sector (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL COLLATE NOCASE UNIQUE
             CONSTRAINT sector_name_empty CHECK (length(trim(name)) > 0),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
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
  id               INTEGER PRIMARY KEY,
  name             TEXT NOT NULL COLLATE NOCASE UNIQUE
                   CONSTRAINT partner_name_empty CHECK (length(trim(name)) > 0),
  kind             TEXT NOT NULL DEFAULT 'college'
                   CONSTRAINT partner_kind CHECK (kind IN ('college', 'training_provider',
                                                           'school', 'university', 'other')),
  region           TEXT,
  status           TEXT NOT NULL DEFAULT 'active'
                   CONSTRAINT partner_status CHECK (status IN ('active', 'withdrawn')),
  withdrawn_on     TEXT CONSTRAINT partner_withdrawn_on_date
                   CHECK (withdrawn_on IS NULL OR date(withdrawn_on) IS withdrawn_on),
  withdrawn_reason TEXT,
  is_lead          INTEGER NOT NULL DEFAULT 0 CONSTRAINT partner_is_lead CHECK (is_lead IN (0, 1)),
  contact_name     TEXT,
  contact_email    TEXT,
  contact_phone    TEXT,
  notes            TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CONSTRAINT partner_withdrawal CHECK (status = 'active' OR withdrawn_on IS NOT NULL)
);

CREATE TABLE staff (
  id              INTEGER PRIMARY KEY,
  partner_id      INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
  name            TEXT NOT NULL CONSTRAINT staff_name_empty CHECK (length(trim(name)) > 0),
  job_title       TEXT,
  email           TEXT,
  phone           TEXT,
  sector_id       INTEGER REFERENCES sector (id) ON DELETE SET NULL,
  curriculum_area TEXT,
  teaching_days   INTEGER NOT NULL DEFAULT 0
                  CONSTRAINT staff_teaching_days CHECK (teaching_days BETWEEN 0 AND 127),
  notes           TEXT,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX staff_partner ON staff (partner_id);
CREATE INDEX staff_sector ON staff (sector_id);
CREATE INDEX staff_name ON staff (name COLLATE NOCASE);

CREATE TABLE employer (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT NOT NULL COLLATE NOCASE UNIQUE
                        CONSTRAINT employer_name_empty CHECK (length(trim(name)) > 0),
  sector_id             INTEGER NOT NULL REFERENCES sector (id) ON DELETE RESTRICT,
  size                  TEXT CONSTRAINT employer_size
                        CHECK (size IS NULL OR size IN ('micro', 'small', 'medium', 'large')),
  address               TEXT,
  postcode              TEXT,
  website               TEXT,
  contact_name          TEXT,
  contact_email         TEXT,
  contact_phone         TEXT,
  relationship          TEXT NOT NULL DEFAULT 'prospect'
                        CONSTRAINT employer_relationship
                        CHECK (relationship IN ('prospect', 'contacted', 'warm', 'host', 'lapsed')),
  owner_id              INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  do_not_contact_before TEXT CONSTRAINT employer_do_not_contact_date
                        CHECK (do_not_contact_before IS NULL
                               OR date(do_not_contact_before) IS do_not_contact_before),
  capacity              INTEGER NOT NULL DEFAULT 1
                        CONSTRAINT employer_capacity CHECK (capacity BETWEEN 1 AND 1000),
  notice_weeks          INTEGER NOT NULL DEFAULT 0
                        CONSTRAINT employer_notice CHECK (notice_weeks BETWEEN 0 AND 104),
  preferred_days        INTEGER NOT NULL DEFAULT 31
                        CONSTRAINT employer_preferred_days CHECK (preferred_days BETWEEN 0 AND 127),
  notes                 TEXT,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX employer_sector ON employer (sector_id);
CREATE INDEX employer_relationship ON employer (relationship);
CREATE INDEX employer_owner ON employer (owner_id);

CREATE TABLE contact (
  id           INTEGER PRIMARY KEY,
  employer_id  INTEGER NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
  staff_id     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  contact_date TEXT NOT NULL CONSTRAINT contact_date CHECK (date(contact_date) IS contact_date),
  channel      TEXT NOT NULL DEFAULT 'call'
               CONSTRAINT contact_channel CHECK (channel IN ('call', 'email', 'visit', 'event', 'letter')),
  summary      TEXT NOT NULL DEFAULT '',
  follow_up    TEXT CONSTRAINT contact_follow_up
               CHECK (follow_up IS NULL OR (date(follow_up) IS follow_up AND follow_up >= contact_date)),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX contact_employer ON contact (employer_id, contact_date);
CREATE INDEX contact_staff ON contact (staff_id);
CREATE INDEX contact_follow_up ON contact (follow_up) WHERE follow_up IS NOT NULL;

CREATE TABLE employer_document (
  id          INTEGER PRIMARY KEY,
  employer_id INTEGER NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CONSTRAINT document_kind
              CHECK (kind IN ('insurance', 'health_safety_policy', 'risk_assessment', 'agreement')),
  reference   TEXT,
  issued_on   TEXT CONSTRAINT document_issued_date
              CHECK (issued_on IS NULL OR date(issued_on) IS issued_on),
  expires_on  TEXT CONSTRAINT document_expiry
              CHECK (expires_on IS NULL OR (date(expires_on) IS expires_on
                                            AND (issued_on IS NULL OR expires_on >= issued_on))),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX document_employer ON employer_document (employer_id, kind);

CREATE TABLE calendar_period (
  id          INTEGER PRIMARY KEY,
  owner_kind  TEXT NOT NULL DEFAULT 'all'
              CONSTRAINT period_owner_kind CHECK (owner_kind IN ('all', 'partner', 'employer', 'staff')),
  partner_id  INTEGER REFERENCES partner (id) ON DELETE CASCADE,
  employer_id INTEGER REFERENCES employer (id) ON DELETE CASCADE,
  staff_id    INTEGER REFERENCES staff (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CONSTRAINT period_kind
              CHECK (kind IN ('term', 'holiday', 'exam', 'inset', 'blackout', 'busy',
                              'unavailable', 'bank_holiday')),
  label       TEXT,
  start_date  TEXT NOT NULL CONSTRAINT period_start_date CHECK (date(start_date) IS start_date),
  end_date    TEXT NOT NULL CONSTRAINT period_end_date
              CHECK (date(end_date) IS end_date AND end_date >= start_date),
  weekdays    INTEGER NOT NULL DEFAULT 127
              CONSTRAINT period_weekdays CHECK (weekdays BETWEEN 1 AND 127),
  source      TEXT NOT NULL DEFAULT 'manual' CONSTRAINT period_source CHECK (source IN ('manual', 'ics')),
  uid         TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
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
CREATE UNIQUE INDEX period_uid ON calendar_period (owner_kind, ifnull(partner_id, 0),
                                                   ifnull(employer_id, 0), ifnull(staff_id, 0),
                                                   kind, uid)
  WHERE uid IS NOT NULL;

CREATE TABLE placement (
  id                    INTEGER PRIMARY KEY,
  staff_id              INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  employer_id           INTEGER REFERENCES employer (id) ON DELETE RESTRICT,
  sector_id             INTEGER NOT NULL REFERENCES sector (id) ON DELETE RESTRICT,
  status                TEXT NOT NULL DEFAULT 'request'
                        CONSTRAINT placement_status
                        CHECK (status IN ('request', 'proposed', 'agreed', 'confirmed', 'completed',
                                          'cascaded', 'evaluated', 'cancelled')),
  cancel_reason         TEXT,
  window_start          TEXT CONSTRAINT placement_window_start
                        CHECK (window_start IS NULL OR date(window_start) IS window_start),
  window_end            TEXT CONSTRAINT placement_window_end
                        CHECK (window_end IS NULL OR (date(window_end) IS window_end
                               AND (window_start IS NULL OR window_end >= window_start))),
  length                INTEGER NOT NULL DEFAULT 1
                        CONSTRAINT placement_length CHECK (length BETWEEN 1 AND 20),
  standby               TEXT CONSTRAINT placement_standby
                        CHECK (standby IS NULL OR date(standby) IS standby),
  agreed_on             TEXT CONSTRAINT placement_agreed_on
                        CHECK (agreed_on IS NULL OR date(agreed_on) IS agreed_on),
  aims                  INTEGER NOT NULL DEFAULT 0
                        CONSTRAINT placement_aims CHECK (aims BETWEEN 0 AND 127),
  goals                 TEXT,
  sector_priority       TEXT,
  equality_aims         TEXT,
  reflection_learned    TEXT,
  reflection_students   TEXT,
  reflection_colleagues TEXT,
  notes                 TEXT,
  created_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  CONSTRAINT placement_cancel_reason
    CHECK (status <> 'cancelled' OR length(trim(ifnull(cancel_reason, ''))) > 0)
);
CREATE INDEX placement_staff ON placement (staff_id);
CREATE INDEX placement_employer ON placement (employer_id);
CREATE INDEX placement_sector ON placement (sector_id);
CREATE INDEX placement_status ON placement (status);

-- The days a placement takes place on; usually one to five working days.
CREATE TABLE placement_day (
  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  day          TEXT NOT NULL CONSTRAINT placement_day_date CHECK (date(day) IS day),
  PRIMARY KEY (placement_id, day)
) WITHOUT ROWID;
CREATE INDEX placement_day_day ON placement_day (day);

-- A window given as terms of an academic year instead of dates.
CREATE TABLE placement_term (
  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  period_id    INTEGER NOT NULL REFERENCES calendar_period (id) ON DELETE CASCADE,
  PRIMARY KEY (placement_id, period_id)
) WITHOUT ROWID;

-- Every status change, with its date, so that a placement has a history.
CREATE TABLE placement_event (
  id           INTEGER PRIMARY KEY,
  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  changed_on   TEXT NOT NULL CONSTRAINT event_date CHECK (date(changed_on) IS changed_on),
  from_status  TEXT,
  to_status    TEXT NOT NULL,
  reason       TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX event_placement ON placement_event (placement_id, changed_on);

CREATE TABLE milestone_template (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL UNIQUE CONSTRAINT template_kind_empty CHECK (length(trim(kind)) > 0),
  label      TEXT NOT NULL,
  anchor     TEXT NOT NULL CONSTRAINT template_anchor CHECK (anchor IN ('first', 'last')),
  offset     INTEGER NOT NULL CONSTRAINT template_offset CHECK (offset BETWEEN -520 AND 520),
  unit       TEXT NOT NULL DEFAULT 'weeks'
             CONSTRAINT template_unit CHECK (unit IN ('days', 'working_days', 'weeks')),
  position   INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

INSERT INTO milestone_template (kind, label, anchor, offset, unit, position) VALUES
  ('first_contact', 'First contact with the employer', 'first', -12, 'weeks', 1),
  ('agreement', 'Agreement with the employer', 'first', -8, 'weeks', 2),
  ('planner', 'Pre-placement planner completed', 'first', -4, 'weeks', 3),
  ('induction', 'Health and safety and induction arranged', 'first', -2, 'weeks', 4),
  ('confirmation', 'Placement confirmed', 'first', -1, 'weeks', 5),
  ('reflection', 'Reflection written', 'last', 1, 'weeks', 6),
  ('cascade', 'Learning cascaded to colleagues', 'last', 4, 'weeks', 7),
  ('observation', 'Follow-up lesson observation', 'last', 8, 'weeks', 8);

CREATE TABLE milestone (
  id           INTEGER PRIMARY KEY,
  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  label        TEXT NOT NULL,
  due          TEXT NOT NULL CONSTRAINT milestone_due CHECK (date(due) IS due),
  done         TEXT CONSTRAINT milestone_done CHECK (done IS NULL OR date(done) IS done),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (placement_id, kind)
);
CREATE INDEX milestone_due ON milestone (due) WHERE done IS NULL;

CREATE TABLE cascade (
  id           INTEGER PRIMARY KEY,
  placement_id INTEGER NOT NULL REFERENCES placement (id) ON DELETE CASCADE,
  cascade_date TEXT NOT NULL CONSTRAINT cascade_date CHECK (date(cascade_date) IS cascade_date),
  audience     TEXT NOT NULL CONSTRAINT cascade_audience
               CHECK (audience IN ('colleagues', 'students', 'department', 'other')),
  people       INTEGER NOT NULL DEFAULT 0 CONSTRAINT cascade_people CHECK (people BETWEEN 0 AND 100000),
  notes        TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX cascade_placement ON cascade (placement_id);

-- Ratings use the scale observers in further education know:
-- 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.
CREATE TABLE observation (
  id                  INTEGER PRIMARY KEY,
  staff_id            INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  placement_id        INTEGER REFERENCES placement (id) ON DELETE SET NULL,
  phase               TEXT NOT NULL CONSTRAINT observation_phase CHECK (phase IN ('before', 'after')),
  observed_on         TEXT NOT NULL CONSTRAINT observation_date CHECK (date(observed_on) IS observed_on),
  observer            TEXT,
  independent         INTEGER NOT NULL DEFAULT 0
                      CONSTRAINT observation_independent CHECK (independent IN (0, 1)),
  industry_standards  INTEGER CONSTRAINT rating_industry_standards CHECK (industry_standards BETWEEN 1 AND 4),
  technology          INTEGER CONSTRAINT rating_technology CHECK (technology BETWEEN 1 AND 4),
  active_learning     INTEGER CONSTRAINT rating_active_learning CHECK (active_learning BETWEEN 1 AND 4),
  engagement          INTEGER CONSTRAINT rating_engagement CHECK (engagement BETWEEN 1 AND 4),
  equality_diversity  INTEGER CONSTRAINT rating_equality_diversity CHECK (equality_diversity BETWEEN 1 AND 4),
  differentiation     INTEGER CONSTRAINT rating_differentiation CHECK (differentiation BETWEEN 1 AND 4),
  learners_progressed INTEGER CONSTRAINT observation_progressed CHECK (learners_progressed IN (0, 1)),
  notes               TEXT,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX observation_staff ON observation (staff_id, phase, observed_on);
CREATE INDEX observation_placement ON observation (placement_id);

-- Anonymous answers; NULL is "no answer".
CREATE TABLE survey_response (
  id                             INTEGER PRIMARY KEY,
  kind                           TEXT NOT NULL CONSTRAINT survey_kind CHECK (kind IN ('student', 'employer')),
  placement_id                   INTEGER REFERENCES placement (id) ON DELETE SET NULL,
  staff_id                       INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  employer_id                    INTEGER REFERENCES employer (id) ON DELETE SET NULL,
  responded_on                   TEXT CONSTRAINT survey_date
                                 CHECK (responded_on IS NULL OR date(responded_on) IS responded_on),
  learning_improved              TEXT CONSTRAINT answer_learning_improved
                                 CHECK (learning_improved IN ('agree', 'neutral', 'disagree')),
  employment_opportunities       TEXT CONSTRAINT answer_employment_opportunities
                                 CHECK (employment_opportunities IN ('agree', 'neutral', 'disagree')),
  workplace                      TEXT CONSTRAINT answer_workplace
                                 CHECK (workplace IN ('agree', 'neutral', 'disagree')),
  equality_diversity             TEXT CONSTRAINT answer_equality_diversity
                                 CHECK (equality_diversity IN ('agree', 'neutral', 'disagree')),
  vocational_education_important TEXT CONSTRAINT answer_vocational_education_important
                                 CHECK (vocational_education_important IN ('agree', 'neutral', 'disagree')),
  host_again                     TEXT CONSTRAINT answer_host_again
                                 CHECK (host_again IN ('agree', 'neutral', 'disagree')),
  work_with_providers            TEXT CONSTRAINT answer_work_with_providers
                                 CHECK (work_with_providers IN ('agree', 'neutral', 'disagree')),
  created_at                     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at                     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
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
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE
              CONSTRAINT group_name_empty CHECK (length(trim(name)) > 0),
  area        TEXT NOT NULL CONSTRAINT group_area
              CHECK (area IN ('maths', 'maths_esol', 'digital', 'english', 'send', 'supporting_staff')),
  wave        INTEGER NOT NULL DEFAULT 1 CONSTRAINT group_wave CHECK (wave BETWEEN 1 AND 100),
  aim         TEXT,
  facilitator TEXT,
  notes       TEXT,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX group_area ON exchange_group (area, wave);

CREATE TABLE group_member (
  id         INTEGER PRIMARY KEY,
  group_id   INTEGER NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  role       TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  UNIQUE (group_id, staff_id)
);
CREATE INDEX group_member_staff ON group_member (staff_id);

CREATE TABLE group_meeting (
  id           INTEGER PRIMARY KEY,
  group_id     INTEGER NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  meeting_date TEXT NOT NULL CONSTRAINT meeting_date CHECK (date(meeting_date) IS meeting_date),
  place        TEXT,
  notes        TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX group_meeting_group ON group_meeting (group_id, meeting_date);
CREATE INDEX group_meeting_date ON group_meeting (meeting_date);

CREATE TABLE group_outcome (
  id           INTEGER PRIMARY KEY,
  group_id     INTEGER NOT NULL REFERENCES exchange_group (id) ON DELETE CASCADE,
  title        TEXT NOT NULL CONSTRAINT outcome_title_empty CHECK (length(trim(title)) > 0),
  kind         TEXT NOT NULL DEFAULT 'report'
               CONSTRAINT outcome_kind CHECK (kind IN ('report', 'resource', 'tool', 'guide', 'framework')),
  link         TEXT,
  outcome_date TEXT CONSTRAINT outcome_date CHECK (outcome_date IS NULL OR date(outcome_date) IS outcome_date),
  description  TEXT,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX group_outcome_group ON group_outcome (group_id);

-- Full-text search over names, notes, aims and reflections. Each row is
-- kept by triggers, so erasing a record also erases what the index knew.
-- A row's rowid is the record's id * 8 + a code of its kind (partner 1,
-- staff 2, employer 3, placement 4, contact 5, group 6), so that a trigger
-- finds the row to replace by rowid instead of scanning the whole index.
CREATE VIRTUAL TABLE search USING fts5 (
  kind UNINDEXED,
  rec_id UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);

-- updated_at follows every change (recursive triggers are off, so the
-- trigger's own UPDATE does not fire it again).
CREATE TRIGGER sector_touch AFTER UPDATE ON sector WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE sector SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER partner_touch AFTER UPDATE ON partner WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE partner SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER staff_touch AFTER UPDATE ON staff WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE staff SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER employer_touch AFTER UPDATE ON employer WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE employer SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER contact_touch AFTER UPDATE ON contact WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE contact SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER employer_document_touch AFTER UPDATE ON employer_document WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE employer_document SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER calendar_period_touch AFTER UPDATE ON calendar_period WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE calendar_period SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER placement_touch AFTER UPDATE ON placement WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE placement SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER placement_event_touch AFTER UPDATE ON placement_event WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE placement_event SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER milestone_template_touch AFTER UPDATE ON milestone_template WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE milestone_template SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER milestone_touch AFTER UPDATE ON milestone WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE milestone SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER cascade_touch AFTER UPDATE ON cascade WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE cascade SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER observation_touch AFTER UPDATE ON observation WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE observation SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER survey_response_touch AFTER UPDATE ON survey_response WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE survey_response SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER exchange_group_touch AFTER UPDATE ON exchange_group WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE exchange_group SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER group_member_touch AFTER UPDATE ON group_member WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE group_member SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER group_meeting_touch AFTER UPDATE ON group_meeting WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE group_meeting SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
CREATE TRIGGER group_outcome_touch AFTER UPDATE ON group_outcome WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE group_outcome SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;

-- The search index.
CREATE TRIGGER partner_search_insert AFTER INSERT ON partner
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 1, 'partner', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.region, '') || ' ' || ifnull(NEW.contact_name, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER partner_search_update AFTER UPDATE ON partner
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 1;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 1, 'partner', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.region, '') || ' ' || ifnull(NEW.contact_name, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER partner_search_delete AFTER DELETE ON partner
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 1;
END;
CREATE TRIGGER staff_search_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 2, 'staff', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.job_title, '') || ' ' || ifnull(NEW.curriculum_area, '') || ' ' || ifnull(NEW.email, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER staff_search_update AFTER UPDATE ON staff
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 2;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 2, 'staff', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.job_title, '') || ' ' || ifnull(NEW.curriculum_area, '') || ' ' || ifnull(NEW.email, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER staff_search_delete AFTER DELETE ON staff
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 2;
END;
CREATE TRIGGER employer_search_insert AFTER INSERT ON employer
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 3, 'employer', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.address, '') || ' ' || ifnull(NEW.postcode, '') || ' ' || ifnull(NEW.website, '') || ' ' || ifnull(NEW.contact_name, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER employer_search_update AFTER UPDATE ON employer
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 3;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 3, 'employer', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.address, '') || ' ' || ifnull(NEW.postcode, '') || ' ' || ifnull(NEW.website, '') || ' ' || ifnull(NEW.contact_name, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER employer_search_delete AFTER DELETE ON employer
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 3;
END;
CREATE TRIGGER placement_search_insert AFTER INSERT ON placement
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 4, 'placement', NEW.id, ifnull(NEW.goals, '') || ' ' || ifnull(NEW.sector_priority, '') || ' ' || ifnull(NEW.equality_aims, '') || ' ' || ifnull(NEW.reflection_learned, '') || ' ' || ifnull(NEW.reflection_students, '') || ' ' || ifnull(NEW.reflection_colleagues, '') || ' ' || ifnull(NEW.notes, '') || ' ' || ifnull(NEW.cancel_reason, ''));
END;
CREATE TRIGGER placement_search_update AFTER UPDATE ON placement
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 4;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 4, 'placement', NEW.id, ifnull(NEW.goals, '') || ' ' || ifnull(NEW.sector_priority, '') || ' ' || ifnull(NEW.equality_aims, '') || ' ' || ifnull(NEW.reflection_learned, '') || ' ' || ifnull(NEW.reflection_students, '') || ' ' || ifnull(NEW.reflection_colleagues, '') || ' ' || ifnull(NEW.notes, '') || ' ' || ifnull(NEW.cancel_reason, ''));
END;
CREATE TRIGGER placement_search_delete AFTER DELETE ON placement
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 4;
END;
CREATE TRIGGER contact_search_insert AFTER INSERT ON contact
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 5, 'contact', NEW.id, ifnull(NEW.summary, ''));
END;
CREATE TRIGGER contact_search_update AFTER UPDATE ON contact
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 5;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 5, 'contact', NEW.id, ifnull(NEW.summary, ''));
END;
CREATE TRIGGER contact_search_delete AFTER DELETE ON contact
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 5;
END;
CREATE TRIGGER exchange_group_search_insert AFTER INSERT ON exchange_group
BEGIN
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 6, 'group', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.aim, '') || ' ' || ifnull(NEW.facilitator, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER exchange_group_search_update AFTER UPDATE ON exchange_group
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 6;
  INSERT INTO search (rowid, kind, rec_id, body) VALUES (NEW.id * 8 + 6, 'group', NEW.id, ifnull(NEW.name, '') || ' ' || ifnull(NEW.aim, '') || ' ' || ifnull(NEW.facilitator, '') || ' ' || ifnull(NEW.notes, ''));
END;
CREATE TRIGGER exchange_group_search_delete AFTER DELETE ON exchange_group
BEGIN
  DELETE FROM search WHERE rowid = OLD.id * 8 + 6;
END;
