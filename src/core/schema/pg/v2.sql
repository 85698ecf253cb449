-- pg/v2.sql: data format 2 (as ../v2.sql), for PostgreSQL 15.
--
-- Copyright 2026 The Placements authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Data format 2: a milestone template names the step of the placement's
-- walk that completes it, so that renaming a template (or adding one)
-- never silently stops the lifecycle from ticking it.

ALTER TABLE milestone_template ADD COLUMN step text
  CONSTRAINT template_step CHECK (step IS NULL OR step IN
    ('proposed', 'agreed', 'confirmed', 'completed', 'cascaded', 'evaluated'));

-- revision stays the last column, after step as in SQLite's column order:
-- it is moved with the triggers off, since moving it changes nothing.
ALTER TABLE milestone_template RENAME COLUMN revision TO revision_v1;
ALTER TABLE milestone_template ADD COLUMN revision bigint NOT NULL DEFAULT 1;
ALTER TABLE milestone_template DISABLE TRIGGER USER;
UPDATE milestone_template SET revision = revision_v1;
ALTER TABLE milestone_template ENABLE TRIGGER USER;
ALTER TABLE milestone_template DROP COLUMN revision_v1;

UPDATE milestone_template SET step = CASE kind
  WHEN 'first_contact' THEN 'proposed'
  WHEN 'agreement' THEN 'agreed'
  WHEN 'confirmation' THEN 'confirmed'
  WHEN 'cascade' THEN 'cascaded'
  WHEN 'reflection' THEN 'evaluated'
  WHEN 'observation' THEN 'evaluated'
  END;
