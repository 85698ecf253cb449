-- src/core/schema/v3.sql
-- Copyright 2026 The Placements authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Data format 3: an employer's appetite for hosting, per academic year
-- (named by the calendar year of its 1 September: 2026 for 2026/27), as
-- the DfE placement service keeps it per school and year. No row is
-- "unknown"; "not this year" keeps the planner away from the employer for
-- that whole year, and says why.

CREATE TABLE employer_appetite (
  id            INTEGER PRIMARY KEY,
  employer_id   INTEGER NOT NULL REFERENCES employer (id) ON DELETE CASCADE,
  academic_year INTEGER NOT NULL CONSTRAINT appetite_year CHECK (academic_year BETWEEN 1900 AND 2999),
  state         TEXT NOT NULL CONSTRAINT appetite_state
                CHECK (state IN ('looking', 'interested', 'not_this_year', 'arranged')),
  reason        TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX appetite_employer_year ON employer_appetite (employer_id, academic_year);
CREATE INDEX appetite_year_state ON employer_appetite (academic_year, state);

CREATE TRIGGER employer_appetite_touch AFTER UPDATE ON employer_appetite
  WHEN NEW.updated_at IS OLD.updated_at
BEGIN
  UPDATE employer_appetite SET updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = NEW.id;
END;
