-- src/core/schema/v2.sql
-- Copyright 2026 The Placements authors
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Data format 2: a milestone template names the step of the placement's
-- walk that completes it, so that renaming a template (or adding one)
-- never silently stops the lifecycle from ticking it.

ALTER TABLE milestone_template ADD COLUMN step TEXT
  CONSTRAINT template_step CHECK (step IS NULL OR step IN
    ('proposed', 'agreed', 'confirmed', 'completed', 'cascaded', 'evaluated'));

UPDATE milestone_template SET step = CASE kind
  WHEN 'first_contact' THEN 'proposed'
  WHEN 'agreement' THEN 'agreed'
  WHEN 'confirmation' THEN 'confirmed'
  WHEN 'cascade' THEN 'cascaded'
  WHEN 'reflection' THEN 'evaluated'
  WHEN 'observation' THEN 'evaluated'
  END;
