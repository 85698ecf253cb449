#!/bin/bash
# tests/pg/schema-check.sh: loads src/core/schema/pg/v1.sql to v3.sql into a
# new database owned by a login that is not a superuser, and checks what the
# store relies on: the same columns and constraint names as the SQLite schema,
# defaults, every named CHECK, case-blind names, the touch trigger and
# revision, the search index, group_concat, change capture, notification,
# the audit trail, row-level security per partner and the occupancy counts.
#
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/pg/schema-check.sh CONNINFO
#   CONNINFO: a libpq key=value string reaching the server as a superuser,
#   without dbname, e.g. 'host=/tmp/pgsock user=postgres'. The logins owner1,
#   coord_a, coord_b and coord_l are created if missing (and dropped again if
#   so); the database is dropped at the end unless KEEP=1.

set -u

if [ $# -ne 1 ]; then
  echo "usage: $0 CONNINFO   (e.g. 'host=/tmp/pgsock user=postgres')" >&2
  exit 2
fi

conn=$1
here=$(cd "$(dirname "$0")" && pwd)
schema=$here/../../src/core/schema
db=pl_schema_check_$$
created_roles=()
passed=0
failed=0
stderr_file=$(mktemp)

# Runs SQL (from $2 or stdin) in the check database as login $1; prints the
# rows, unaligned, without headers. Fails on the first error.
sql () {
  local role=$1
  shift
  if [ $# -gt 0 ]; then
    psql "$conn user=$role dbname=$db" -X -q -tA -v ON_ERROR_STOP=1 -c "$1" 2>"$stderr_file"
  else
    psql "$conn user=$role dbname=$db" -X -q -tA -v ON_ERROR_STOP=1 -f - 2>"$stderr_file"
  fi
}

admin () {
  psql "$conn dbname=postgres" -X -q -tA -v ON_ERROR_STOP=1 -c "$1"
}

pass () {
  passed=$((passed + 1))
}

fail () {
  failed=$((failed + 1))
  echo "FAIL: $*"
}

# check WHAT EXPECTED ROLE SQL: the output of SQL is EXPECTED.
check () {
  local what=$1 expected=$2 out
  out=$(sql "$3" ${4+"$4"})
  if [ $? -ne 0 ]; then
    fail "$what: $(cat "$stderr_file")"
  elif [ "$out" != "$expected" ]; then
    fail "$what: expected [$expected], got [$out]"
  else
    pass
  fi
}

# refuse WHAT PATTERN ROLE SQL: SQL fails with an error matching PATTERN.
refuse () {
  local what=$1 pattern=$2
  if sql "$3" ${4+"$4"} >/dev/null; then
    fail "$what: accepted"
  elif ! grep -q -- "$pattern" "$stderr_file"; then
    fail "$what: expected an error matching [$pattern], got: $(cat "$stderr_file")"
  else
    pass
  fi
}

cleanup () {
  if [ "${KEEP:-0}" = 1 ]; then
    echo "kept database $db"
  else
    admin "DROP DATABASE IF EXISTS $db" >/dev/null
    for role in "${created_roles[@]}"; do
      admin "DROP ROLE IF EXISTS $role" >/dev/null
    done
  fi
  rm -f "$stderr_file"
}
trap cleanup EXIT

for role in owner1 coord_a coord_b coord_l; do
  if [ -z "$(admin "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" ]; then
    admin "CREATE ROLE $role LOGIN NOSUPERUSER" && created_roles+=("$role")
  fi
done
admin "CREATE DATABASE $db OWNER owner1" || exit 1

# --- Loading ----------------------------------------------------------------

for v in v1 v2 v3; do
  if ! psql "$conn user=owner1 dbname=$db" -X -q -v ON_ERROR_STOP=1 -1 \
       -f "$schema/pg/$v.sql" >/dev/null 2>"$stderr_file"; then
    echo "FAIL: pg/$v.sql does not load:"
    cat "$stderr_file"
    exit 1
  fi
done
pass

# --- The same tables as SQLite's ---------------------------------------------

columns=$(sql owner1 "
  SELECT c.table_name, c.column_name, c.is_nullable = 'NO', coalesce(c.column_default, '')
    FROM information_schema.columns c
   WHERE c.table_schema = current_schema()
     AND c.table_name NOT IN ('search', 'pl_meta', 'pl_access', 'audit')
   ORDER BY c.table_name, c.ordinal_position")
checks=$(sql owner1 "
  SELECT conrelid::regclass::text, conname FROM pg_constraint
   WHERE contype = 'c' AND connamespace = current_schema()::regnamespace
   ORDER BY 1, 2")
if ! out=$(python3 - "$schema/v1.sql" "$schema/v2.sql" "$schema/v3.sql" "$columns" "$checks" 2>&1 <<'EOF'
import re, sqlite3, sys

v1, v2, v3, pg_columns, pg_checks = sys.argv[1:6]
db = sqlite3.connect(":memory:")
for step in (v1, v2, v3):
    db.executescript(open(step).read())

def norm_default(d):
    if d is None or d == "":
        return ""
    d = re.sub(r"::(text|bigint|integer)", "", d)
    if "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')" in d:
        return "pl_now()"
    while d.startswith("(") and d.endswith(")"):
        d = d[1:-1]
    return d

pg = {}
for line in pg_columns.splitlines():
    table, column, notnull, default = line.split("|", 3)
    pg.setdefault(table, []).append((column, notnull == "t", norm_default(default)))
pg_named = {}
for line in pg_checks.splitlines():
    table, name = line.split("|")
    pg_named.setdefault(table, set()).add(name)

problems = []
tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'search%' ORDER BY name")]
for table in tables:
    lite = [(r[1], bool(r[3]) or r[5] > 0, norm_default(r[4]))
            for r in db.execute(f"PRAGMA table_info({table})")]
    have = pg.pop(table, None)
    if have is None:
        problems.append(f"{table}: missing")
        continue
    if any(c[0] == "updated_at" for c in lite):
        if not have or have[-1] != ("revision", True, "1"):
            problems.append(f"{table}: revision is not the last column")
        have = have[:-1]
    # SQLite's INTEGER PRIMARY KEY is the rowid; here an identity column.
    have = [(c, nn, "" if c == "id" else d) for c, nn, d in have]
    if have != lite:
        problems.append(f"{table}: columns differ:\n  sqlite {lite}\n  pg     {have}")
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    named = set(re.findall(r"CONSTRAINT\s+(\w+)\s+CHECK", sql))
    if named != pg_named.get(table, set()):
        problems.append(f"{table}: named checks differ: sqlite {sorted(named)} pg {sorted(pg_named.get(table, set()))}")
for table in pg:
    problems.append(f"{table}: not in SQLite's schema")
if problems:
    print("\n".join(problems))
    sys.exit(1)
EOF
); then
  fail "schema differs from SQLite's:"
  echo "$out"
else
  pass
fi

# Every table of the model has its triggers and row-level security.
check "triggers and RLS of every model table" "" owner1 "
  SELECT t FROM unnest(pl_model_tables()) AS t
   WHERE NOT (SELECT relrowsecurity FROM pg_class WHERE oid = t::regclass)
      OR (SELECT count(*) FROM pg_trigger WHERE tgrelid = t::regclass AND NOT tgisinternal
            AND tgname IN (t || '_capture', t || '_audit', t || '_notify')) <> 3"

# --- Functions of SQLite ------------------------------------------------------

check "pl_iso_date" "2026-01-31|2024-02-29|2000-02-29|||||||||" owner1 "
  SELECT concat_ws('|', pl_iso_date('2026-01-31'), pl_iso_date('2024-02-29'), pl_iso_date('2000-02-29'),
                   coalesce(pl_iso_date('2026-02-29'), ''), coalesce(pl_iso_date('1900-02-29'), ''),
                   coalesce(pl_iso_date('2026-04-31'), ''), coalesce(pl_iso_date('2026-13-01'), ''),
                   coalesce(pl_iso_date('2026-00-10'), ''), coalesce(pl_iso_date('2026-1-01'), ''),
                   coalesce(pl_iso_date('2026-01-01 '), ''), coalesce(pl_iso_date('20260101'), ''),
                   coalesce(pl_iso_date('x'), ''))"
check "pl_now" "t" owner1 "SELECT pl_now() ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'"
check "pl_fold" "bistro ecole a" owner1 "SELECT pl_fold('Bístró ÉCOLE Å')"
check "group_concat" "a,b|a;b||x" owner1 "
  SELECT concat_ws('|', (SELECT group_concat(v) FROM (VALUES ('a'), (NULL), ('b')) AS t (v)),
                   (SELECT group_concat(v, ';') FROM (VALUES (NULL), ('a'), ('b')) AS t (v)),
                   (SELECT coalesce(group_concat(v), '') FROM (VALUES (NULL::text)) AS t (v)),
                   (SELECT group_concat(v, chr(31)) FROM (VALUES ('x')) AS t (v)))"

# --- Defaults and checks ----------------------------------------------------

sql owner1 >/dev/null <<'EOF' || fail "setting up rows: $(cat "$stderr_file")"
INSERT INTO partner (name) VALUES ('College A'), ('College B');
INSERT INTO staff (partner_id, name, sector_id) VALUES (1, 'Alice Bistró', 1), (2, 'Bob Bistro', 1);
INSERT INTO employer (name, sector_id) VALUES ('Acme', 1);
INSERT INTO placement (staff_id, employer_id, sector_id) VALUES (1, 1, 1), (2, 1, 1);
INSERT INTO placement_day VALUES (1, '2026-05-04'), (2, '2026-05-04'), (2, '2026-05-05');
INSERT INTO exchange_group (name, area) VALUES ('Maths hub', 'maths');
EOF

check "defaults of partner" "college|active|0|1|t" owner1 "
  SELECT concat_ws('|', kind, status, is_lead, revision,
                   created_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'
                   AND updated_at = created_at) FROM partner WHERE id = 1"
check "defaults of employer" "prospect|1|0|31" owner1 "
  SELECT concat_ws('|', relationship, capacity, notice_weeks, preferred_days) FROM employer WHERE id = 1"
check "seeded rows" "2|15|8|6" owner1 "
  SELECT concat_ws('|', (SELECT count(*) FROM settings), (SELECT count(*) FROM sector),
                   (SELECT count(*) FROM milestone_template),
                   (SELECT count(*) FROM milestone_template WHERE step IS NOT NULL))"
check "good dates are taken" "" owner1 "
  BEGIN;
  INSERT INTO contact (employer_id, contact_date, follow_up) VALUES (1, '2024-02-29', '2024-02-29');
  INSERT INTO placement_day VALUES (1, '2000-02-29');
  ROLLBACK"

exercised=()
while IFS='|' read -r name statement; do
  [ -z "$name" ] && continue
  exercised+=("$name")
  refuse "check $name" "\"$name\"" owner1 "$statement"
done <<'EOF'
sector_name_empty|INSERT INTO sector (name) VALUES ('  ')
partner_name_empty|INSERT INTO partner (name) VALUES ('')
partner_kind|INSERT INTO partner (name, kind) VALUES ('X', 'club')
partner_status|INSERT INTO partner (name, status, withdrawn_on) VALUES ('X', 'gone', '2026-01-01')
partner_withdrawn_on_date|INSERT INTO partner (name, status, withdrawn_on) VALUES ('X', 'withdrawn', '2026-02-30')
partner_is_lead|INSERT INTO partner (name, is_lead) VALUES ('X', 2)
partner_withdrawal|INSERT INTO partner (name, status) VALUES ('X', 'withdrawn')
staff_name_empty|INSERT INTO staff (partner_id, name) VALUES (1, ' ')
staff_teaching_days|INSERT INTO staff (partner_id, name, teaching_days) VALUES (1, 'X', 128)
employer_name_empty|INSERT INTO employer (name, sector_id) VALUES ('', 1)
employer_size|INSERT INTO employer (name, sector_id, size) VALUES ('X', 1, 'huge')
employer_relationship|INSERT INTO employer (name, sector_id, relationship) VALUES ('X', 1, 'friend')
employer_do_not_contact_date|INSERT INTO employer (name, sector_id, do_not_contact_before) VALUES ('X', 1, '2026-1-05')
employer_capacity|INSERT INTO employer (name, sector_id, capacity) VALUES ('X', 1, 0)
employer_notice|INSERT INTO employer (name, sector_id, notice_weeks) VALUES ('X', 1, 105)
employer_preferred_days|INSERT INTO employer (name, sector_id, preferred_days) VALUES ('X', 1, -1)
contact_date|INSERT INTO contact (employer_id, contact_date) VALUES (1, '2026-13-01')
contact_channel|INSERT INTO contact (employer_id, contact_date, channel) VALUES (1, '2026-01-01', 'fax')
contact_follow_up|INSERT INTO contact (employer_id, contact_date, follow_up) VALUES (1, '2026-03-01', '2026-02-01')
appetite_year|INSERT INTO employer_appetite (employer_id, academic_year, state) VALUES (1, 26, 'looking')
appetite_state|INSERT INTO employer_appetite (employer_id, academic_year, state) VALUES (1, 2026, 'keen')
document_kind|INSERT INTO employer_document (employer_id, kind) VALUES (1, 'passport')
document_issued_date|INSERT INTO employer_document (employer_id, kind, issued_on) VALUES (1, 'insurance', 'yesterday')
document_expiry|INSERT INTO employer_document (employer_id, kind, issued_on, expires_on) VALUES (1, 'insurance', '2026-03-01', '2026-02-01')
period_owner_kind|ALTER TABLE calendar_period DROP CONSTRAINT period_owner; INSERT INTO calendar_period (owner_kind, kind, start_date, end_date) VALUES ('group', 'term', '2026-01-01', '2026-02-01')
period_kind|INSERT INTO calendar_period (kind, start_date, end_date) VALUES ('party', '2026-01-01', '2026-02-01')
period_start_date|INSERT INTO calendar_period (kind, start_date, end_date) VALUES ('term', '2026-02-29', '2026-03-01')
period_end_date|INSERT INTO calendar_period (kind, start_date, end_date) VALUES ('term', '2026-02-01', '2026-01-01')
period_weekdays|INSERT INTO calendar_period (kind, start_date, end_date, weekdays) VALUES ('term', '2026-01-01', '2026-02-01', 0)
period_source|INSERT INTO calendar_period (kind, start_date, end_date, source) VALUES ('term', '2026-01-01', '2026-02-01', 'web')
period_owner|INSERT INTO calendar_period (owner_kind, kind, start_date, end_date) VALUES ('partner', 'term', '2026-01-01', '2026-02-01')
placement_status|INSERT INTO placement (staff_id, sector_id, status) VALUES (1, 1, 'maybe')
placement_window_start|INSERT INTO placement (staff_id, sector_id, window_start) VALUES (1, 1, '2026-04-31')
placement_window_end|INSERT INTO placement (staff_id, sector_id, window_start, window_end) VALUES (1, 1, '2026-04-02', '2026-04-01')
placement_length|INSERT INTO placement (staff_id, sector_id, length) VALUES (1, 1, 21)
placement_standby|INSERT INTO placement (staff_id, sector_id, standby) VALUES (1, 1, 'x')
placement_agreed_on|INSERT INTO placement (staff_id, sector_id, agreed_on) VALUES (1, 1, '20260101')
placement_aims|INSERT INTO placement (staff_id, sector_id, aims) VALUES (1, 1, 128)
placement_cancel_reason|INSERT INTO placement (staff_id, sector_id, status, cancel_reason) VALUES (1, 1, 'cancelled', '  ')
placement_day_date|INSERT INTO placement_day VALUES (1, '2026-06-31')
event_date|INSERT INTO placement_event (placement_id, changed_on, to_status) VALUES (1, '2026-00-10', 'agreed')
template_kind_empty|INSERT INTO milestone_template (kind, label, anchor, "offset") VALUES (' ', 'L', 'first', 1)
template_anchor|INSERT INTO milestone_template (kind, label, anchor, "offset") VALUES ('k', 'L', 'middle', 1)
template_offset|INSERT INTO milestone_template (kind, label, anchor, "offset") VALUES ('k', 'L', 'first', 521)
template_unit|INSERT INTO milestone_template (kind, label, anchor, "offset", unit) VALUES ('k', 'L', 'first', 1, 'months')
template_step|INSERT INTO milestone_template (kind, label, anchor, "offset", step) VALUES ('k', 'L', 'first', 1, 'request')
milestone_due|INSERT INTO milestone (placement_id, kind, label, due) VALUES (1, 'k', 'L', '2026-09-31')
milestone_done|INSERT INTO milestone (placement_id, kind, label, due, done) VALUES (1, 'k', 'L', '2026-09-30', 'done')
cascade_date|INSERT INTO cascade (placement_id, cascade_date, audience) VALUES (1, '1900-02-29', 'students')
cascade_audience|INSERT INTO cascade (placement_id, cascade_date, audience) VALUES (1, '2026-01-01', 'world')
cascade_people|INSERT INTO cascade (placement_id, cascade_date, audience, people) VALUES (1, '2026-01-01', 'students', -1)
observation_phase|INSERT INTO observation (staff_id, phase, observed_on) VALUES (1, 'during', '2026-01-01')
observation_date|INSERT INTO observation (staff_id, phase, observed_on) VALUES (1, 'before', '2026-01-01 ')
observation_independent|INSERT INTO observation (staff_id, phase, observed_on, independent) VALUES (1, 'before', '2026-01-01', 2)
rating_industry_standards|INSERT INTO observation (staff_id, phase, observed_on, industry_standards) VALUES (1, 'before', '2026-01-01', 5)
rating_technology|INSERT INTO observation (staff_id, phase, observed_on, technology) VALUES (1, 'before', '2026-01-01', 0)
rating_active_learning|INSERT INTO observation (staff_id, phase, observed_on, active_learning) VALUES (1, 'before', '2026-01-01', 5)
rating_engagement|INSERT INTO observation (staff_id, phase, observed_on, engagement) VALUES (1, 'before', '2026-01-01', 5)
rating_equality_diversity|INSERT INTO observation (staff_id, phase, observed_on, equality_diversity) VALUES (1, 'before', '2026-01-01', 5)
rating_differentiation|INSERT INTO observation (staff_id, phase, observed_on, differentiation) VALUES (1, 'before', '2026-01-01', 5)
observation_progressed|INSERT INTO observation (staff_id, phase, observed_on, learners_progressed) VALUES (1, 'after', '2026-01-01', 3)
survey_kind|INSERT INTO survey_response (kind) VALUES ('staff')
survey_date|INSERT INTO survey_response (kind, responded_on) VALUES ('student', '2026-02-30')
answer_learning_improved|INSERT INTO survey_response (kind, learning_improved) VALUES ('student', 'yes')
answer_employment_opportunities|INSERT INTO survey_response (kind, employment_opportunities) VALUES ('student', 'yes')
answer_workplace|INSERT INTO survey_response (kind, workplace) VALUES ('student', 'yes')
answer_equality_diversity|INSERT INTO survey_response (kind, equality_diversity) VALUES ('student', 'yes')
answer_vocational_education_important|INSERT INTO survey_response (kind, vocational_education_important) VALUES ('employer', 'yes')
answer_host_again|INSERT INTO survey_response (kind, host_again) VALUES ('employer', 'yes')
answer_work_with_providers|INSERT INTO survey_response (kind, work_with_providers) VALUES ('employer', 'yes')
survey_questions|INSERT INTO survey_response (kind, host_again) VALUES ('student', 'agree')
group_name_empty|INSERT INTO exchange_group (name, area) VALUES (' ', 'maths')
group_area|INSERT INTO exchange_group (name, area) VALUES ('X', 'art')
group_wave|INSERT INTO exchange_group (name, area, wave) VALUES ('X', 'maths', 0)
meeting_date|INSERT INTO group_meeting (group_id, meeting_date) VALUES (1, 'soon')
outcome_title_empty|INSERT INTO group_outcome (group_id, title) VALUES (1, '')
outcome_kind|INSERT INTO group_outcome (group_id, title, kind) VALUES (1, 'T', 'poem')
outcome_date|INSERT INTO group_outcome (group_id, title, outcome_date) VALUES (1, 'T', '2026-04-31')
EOF

# Every named CHECK of the model was tried above.
all_checks=$(sql owner1 "
  SELECT conname FROM pg_constraint
   WHERE contype = 'c' AND conrelid::regclass::text = ANY (pl_model_tables()) ORDER BY 1")
missing=$(comm -23 <(echo "$all_checks") <(printf '%s\n' "${exercised[@]}" | sort))
if [ -n "$missing" ]; then
  fail "checks not tried: $missing"
else
  pass
fi

# --- Names are unique whatever their case -------------------------------------

refuse "employer names are case-blind" "employer_name_key" owner1 \
  "INSERT INTO employer (name, sector_id) VALUES ('ACME', 1)"
refuse "sector names are case-blind" "sector_name_key" owner1 "INSERT INTO sector (name) VALUES ('digital')"
refuse "partner names are case-blind" "partner_name_key" owner1 "INSERT INTO partner (name) VALUES ('college a')"
refuse "group names are case-blind" "exchange_group_name_key" owner1 \
  "INSERT INTO exchange_group (name, area) VALUES ('MATHS HUB', 'maths')"
check "COLLATE NOCASE in queries" "1|Alice Bistró,Bob Bistro" owner1 "
  SELECT (SELECT id FROM employer WHERE name = 'acme' COLLATE NOCASE) || '|'
         || (SELECT group_concat(name) FROM (SELECT name FROM staff ORDER BY name COLLATE NOCASE) AS s)"
check "LIKE on a case-blind column needs a deterministic collation" "1" owner1 \
  "SELECT id FROM employer WHERE name COLLATE \"default\" LIKE 'Ac%'"

# --- updated_at and revision ----------------------------------------------------

check "an UPDATE that sets updated_at keeps it, and counts a revision" "2000-01-01T00:00:00Z|2" owner1 "
  UPDATE employer SET updated_at = '2000-01-01T00:00:00Z' WHERE id = 1;
  SELECT updated_at || '|' || revision FROM employer WHERE id = 1"
check "any other UPDATE touches updated_at" "true|3" owner1 "
  UPDATE employer SET notes = 'Hosts in spring' WHERE id = 1;
  SELECT (updated_at = pl_now()) || '|' || revision FROM employer WHERE id = 1"
check "an UPDATE may set revision" "10" owner1 "
  UPDATE employer SET revision = 10 WHERE id = 1; SELECT revision FROM employer WHERE id = 1"
check "ids given explicitly move the identity past them" "1000,1001" owner1 "
  INSERT INTO employer (id, name, sector_id) VALUES (1000, 'Copied', 1);
  INSERT INTO employer (name, sector_id) VALUES ('Next', 1);
  SELECT group_concat(id::text) FROM (SELECT id FROM employer WHERE id >= 1000 ORDER BY id) AS e"

# --- Search ------------------------------------------------------------------

check "search finds a prefix, without diacritics" "staff:1,staff:2" owner1 "
  SELECT group_concat(kind || ':' || rec_id) FROM (SELECT kind, rec_id FROM search
    WHERE tsv @@ to_tsquery('simple', pl_fold('bist:*')) ORDER BY rec_id) AS s"
check "search body is SQLite's" "Alice Bistró    " owner1 \
  "SELECT body FROM search WHERE kind = 'staff' AND rec_id = 1"
check "search follows updates and deletions" "employer,group" owner1 "
  UPDATE employer SET notes = 'Cheese and wine' WHERE id = 1;
  UPDATE exchange_group SET aim = 'Cheesemaking' WHERE id = 1;
  INSERT INTO contact (employer_id, contact_date, summary) VALUES (1, '2026-01-05', 'cheese');
  DELETE FROM contact;
  SELECT group_concat(kind) FROM (SELECT kind FROM search
    WHERE tsv @@ to_tsquery('simple', pl_fold('chees:*')) ORDER BY kind) AS s"

# --- Change capture and notification -------------------------------------------------

check "capture into the session's pl_change" \
  "employer|I|t|f|t
employer|U|t|t|t
employer|D|t|t|f
placement_day|I|f|f|t" owner1 <<'EOF'
CREATE TEMP TABLE IF NOT EXISTS pl_change (seq bigserial PRIMARY KEY, tbl text NOT NULL,
  op text NOT NULL, id bigint, old jsonb, new jsonb);
INSERT INTO employer (name, sector_id) VALUES ('Captured', 2);
UPDATE employer SET capacity = 2 WHERE name = 'Captured';
DELETE FROM employer WHERE name = 'Captured';
INSERT INTO placement_day VALUES (1, '2026-05-06');
SELECT tbl, op, id IS NOT NULL, old IS NOT NULL, new IS NOT NULL FROM pl_change ORDER BY seq;
EOF
check "no capture without pl_change" "1" owner1 \
  "UPDATE settings SET value = '7' WHERE key = 'lead_time_weeks'; SELECT 1"
notified=$(psql "$conn user=owner1 dbname=$db" -X -q -tA <<'EOF'
LISTEN placements;
UPDATE sector SET name = name WHERE id = 1;
EOF
)
case $notified in
  *'"placements" with payload "sector"'*) pass ;;
  *) fail "no NOTIFY placements 'sector': $notified" ;;
esac

# --- Audit trail -------------------------------------------------------------

check "audit rows per field, and whole rows" \
  "insert|||true|owner1
update|capacity|1|3|owner1
update|notes||Audited|owner1
delete||true||owner1" owner1 <<'EOF'
INSERT INTO employer (name, sector_id) VALUES ('Audited', 2);
UPDATE employer SET capacity = 3, notes = 'Audited' WHERE name = 'Audited';
DELETE FROM employer WHERE name = 'Audited';
SELECT op, coalesce(field, ''),
       CASE WHEN op = 'delete' THEN (old_value::jsonb ->> 'name' = 'Audited')::text ELSE coalesce(old_value, '') END,
       CASE WHEN op = 'insert' THEN (new_value::jsonb ->> 'name' = 'Audited')::text ELSE coalesce(new_value, '') END,
       role
  FROM audit WHERE tbl = 'employer' AND row_id = (SELECT max(row_id) FROM audit WHERE tbl = 'employer')
 ORDER BY id;
EOF

# --- Access per partner ------------------------------------------------------

refuse "pl_grant: unknown login" "There is no login" owner1 "SELECT pl_grant('nobody_here', NULL)"
refuse "pl_grant: unknown partner" "There is no partner named" owner1 "SELECT pl_grant('coord_a', 'College Z')"
check "pl_grant" "||
3" owner1 "
  SELECT pl_grant('coord_a', 'college a'), pl_grant('coord_b', 'College B'), pl_grant('coord_l', NULL);
  SELECT count(*) FROM pl_access"
refuse "coordinators cannot grant" "permission denied for function pl_grant" coord_a \
  "SELECT pl_grant('coord_b', NULL)"

check "a coordinator's own partner" "false|1|College A" coord_a \
  "SELECT pl_is_lead() || '|' || pl_my_partner() || '|' || pl_access_label()"
check "the owner is lead" "true||" owner1 \
  "SELECT pl_is_lead() || '|' || coalesce(pl_my_partner()::text, '') || '|' || coalesce(pl_access_label(), '')"
check "coordinator A sees A's staff only" "1" coord_a "SELECT group_concat(id::text) FROM staff"
check "coordinator A sees A's placements and their days only" "1|1" coord_a "
  SELECT (SELECT group_concat(id::text) FROM placement) || '|'
         || (SELECT group_concat(DISTINCT placement_id::text) FROM placement_day)"
check "coordinator A sees every employer and partner" "3|2" coord_a "
  SELECT (SELECT count(*) FROM employer) || '|' || (SELECT count(*) FROM partner)"
check "coordinator A finds only A's staff" "1" coord_a "
  SELECT group_concat(rec_id::text) FROM search WHERE tsv @@ to_tsquery('simple', 'bist:*') AND kind = 'staff'"
refuse "coordinator A cannot place B's staff" "row-level security policy for table \"placement\"" coord_a \
  "INSERT INTO placement (staff_id, employer_id, sector_id) VALUES (2, 1, 1)"
refuse "coordinator A cannot move a placement to B's staff" "row-level security policy for table \"placement\"" \
  coord_a "UPDATE placement SET staff_id = 2 WHERE id = 1"
refuse "coordinator A cannot add B's staff" "row-level security policy for table \"staff\"" coord_a \
  "INSERT INTO staff (partner_id, name) VALUES (2, 'Eve')"
refuse "coordinator A cannot change a partner" "row-level security policy for table \"partner\"" coord_a \
  "UPDATE partner SET notes = 'x' WHERE id = 1"
refuse "coordinator A cannot write the audit trail" "permission denied for table audit" coord_a \
  "INSERT INTO audit (tbl, op) VALUES ('staff', 'delete')"
refuse "coordinator A cannot write the search index" "permission denied for table search" coord_a \
  "DELETE FROM search"
check "coordinator A writes A's rows, and the triggers follow" "true|true|true" coord_a "
  INSERT INTO placement (staff_id, employer_id, sector_id, goals) VALUES (1, 1, 1, 'Zymurgy');
  INSERT INTO placement_day SELECT id, '2026-05-04' FROM placement WHERE goals = 'Zymurgy';
  INSERT INTO employer (name, sector_id) VALUES ('Shared by A', 3);
  INSERT INTO settings (key, value) VALUES ('network_name', 'Humber') ON CONFLICT (key) DO UPDATE SET value = excluded.value;
  SELECT EXISTS (SELECT 1 FROM search WHERE tsv @@ to_tsquery('simple', 'zymurgy')) || '|'
         || EXISTS (SELECT 1 FROM audit WHERE tbl = 'placement' AND op = 'insert' AND role = 'coord_a') || '|'
         || EXISTS (SELECT 1 FROM audit WHERE tbl = 'settings' AND field = 'value' AND new_value = 'Humber')"
check "coordinator A reads the audit of shared rows and A's rows only" "0|true|true" coord_a "
  SELECT (SELECT count(*) FROM audit WHERE tbl = 'staff' AND row_id = 2) || '|'
         || EXISTS (SELECT 1 FROM audit WHERE tbl = 'staff' AND row_id = 1) || '|'
         || EXISTS (SELECT 1 FROM audit WHERE tbl = 'employer')"
check "a temporary audit table does not catch the trail" "0|true" coord_a "
  CREATE TEMP TABLE audit (LIKE public.audit);
  INSERT INTO employer (name, sector_id) VALUES ('Shadowed', 3);
  SELECT (SELECT count(*) FROM pg_temp.audit) || '|'
         || EXISTS (SELECT 1 FROM public.audit WHERE tbl = 'employer' AND new_value LIKE '%Shadowed%')"
check "occupancy counts every partner's placements" "2026-05-04:3,2026-05-05:1,2026-05-06:1" coord_a "
  SELECT group_concat(day || ':' || taken) FROM (SELECT day, taken FROM pl_host_occupancy('2026-01-01')
    WHERE employer_id = 1 ORDER BY day) AS o"
check "occupancy leaves out cancelled placements and earlier days" "2026-05-06:1" owner1 "
  BEGIN;
  UPDATE placement SET status = 'cancelled', cancel_reason = 'Host closed' WHERE id = 2;
  SELECT group_concat(day || ':' || taken) FROM pl_host_occupancy('2026-05-05') WHERE employer_id = 1;
  ROLLBACK"

sql owner1 >/dev/null <<'EOF' || fail "setting up periods: $(cat "$stderr_file")"
INSERT INTO calendar_period (owner_kind, kind, label, start_date, end_date)
  VALUES ('all', 'bank_holiday', 'Network', '2026-05-04', '2026-05-04');
INSERT INTO calendar_period (owner_kind, partner_id, kind, label, start_date, end_date)
  VALUES ('partner', 2, 'term', 'B term', '2026-01-05', '2026-03-27');
INSERT INTO calendar_period (owner_kind, staff_id, kind, label, start_date, end_date)
  VALUES ('staff', 2, 'busy', 'Bob busy', '2026-01-05', '2026-01-06');
INSERT INTO calendar_period (owner_kind, employer_id, kind, label, start_date, end_date)
  VALUES ('employer', 1, 'blackout', 'Acme shut', '2026-08-01', '2026-08-14');
EOF
check "coordinator A reads network and employer periods, not B's" "Acme shut,Network" coord_a "
  SELECT group_concat(label) FROM (SELECT label FROM calendar_period ORDER BY label) AS p"
check "coordinator A writes employer periods, not network ones" "1|0" coord_a "
  WITH e AS (UPDATE calendar_period SET label = 'Acme closed' WHERE owner_kind = 'employer' RETURNING 1),
       n AS (UPDATE calendar_period SET label = 'Mine' WHERE owner_kind = 'all' RETURNING 1)
  SELECT (SELECT count(*) FROM e) || '|' || (SELECT count(*) FROM n)"
check "coordinator A writes A's periods" "t" coord_a "
  INSERT INTO calendar_period (owner_kind, partner_id, kind, start_date, end_date)
    VALUES ('partner', 1, 'term', '2026-01-05', '2026-03-27') RETURNING true"
refuse "coordinator A cannot write B's periods" "row-level security policy" coord_a "
  INSERT INTO calendar_period (owner_kind, partner_id, kind, start_date, end_date)
    VALUES ('partner', 2, 'holiday', '2026-01-05', '2026-03-27')"

check "capture keeps B's rows from A when a shared deletion changes them" "sector" owner1 \
  "INSERT INTO sector (name) VALUES ('Leak test'); UPDATE staff SET sector_id = (SELECT id FROM sector WHERE name = 'Leak test') WHERE id = 2; SELECT 'sector'"
check "(as coordinator A)" "sector|D" coord_a <<'EOF'
CREATE TEMP TABLE IF NOT EXISTS pl_change (seq bigserial PRIMARY KEY, tbl text NOT NULL,
  op text NOT NULL, id bigint, old jsonb, new jsonb);
DELETE FROM sector WHERE name = 'Leak test';
SELECT tbl, op FROM pl_change ORDER BY seq;
EOF
check "(B's staff lost the sector)" "" owner1 "SELECT sector_id FROM staff WHERE id = 2"

sql owner1 >/dev/null <<'EOF' || fail "setting up observations and answers: $(cat "$stderr_file")"
INSERT INTO observation (staff_id, phase, observed_on, notes) VALUES (1, 'before', '2026-01-01', 'A obs'),
  (2, 'before', '2026-01-01', 'B obs');
INSERT INTO survey_response (kind, staff_id, learning_improved) VALUES ('student', 1, 'agree'),
  ('student', 2, 'agree');
INSERT INTO survey_response (kind, placement_id, learning_improved) VALUES ('student', 2, 'neutral');
INSERT INTO survey_response (kind, employer_id, host_again) VALUES ('employer', 1, 'agree');
INSERT INTO milestone (placement_id, kind, label, due) VALUES (1, 'm', 'A', '2026-06-01'), (2, 'm', 'B', '2026-06-01');
EOF
check "coordinator A sees A's observations, answers and milestones" "A obs|staff 1,nobody|A" coord_a "
  SELECT (SELECT group_concat(notes) FROM observation) || '|'
         || (SELECT group_concat(coalesce('staff ' || staff_id, 'placement ' || placement_id, 'nobody'))
               FROM (SELECT * FROM survey_response ORDER BY id) AS r) || '|'
         || (SELECT group_concat(label) FROM milestone)"
refuse "coordinator A cannot add a milestone to B's placement" "row-level security policy" coord_a \
  "INSERT INTO milestone (placement_id, kind, label, due) VALUES (2, 'x', 'X', '2026-06-01')"
refuse "coordinator A cannot observe with B's placement" "row-level security policy" coord_a \
  "INSERT INTO observation (staff_id, placement_id, phase, observed_on) VALUES (1, 2, 'after', '2026-07-01')"
refuse "coordinator A cannot answer for B's colleague" "row-level security policy" coord_a \
  "INSERT INTO survey_response (kind, staff_id) VALUES ('student', 2)"

check "coordinator B sees B's staff" "2" coord_b "SELECT group_concat(id::text) FROM staff"
check "a lead sees everything and writes partners" "1,2|true||true" coord_l "
  UPDATE partner SET region = 'Humber' WHERE id = 2;
  SELECT (SELECT group_concat(id::text) FROM (SELECT id FROM staff ORDER BY id) AS s) || '|' || pl_is_lead()
         || '|' || coalesce(pl_access_label(), '') || '|'
         || EXISTS (SELECT 1 FROM audit WHERE tbl = 'staff' AND row_id = 2)"

check "pl_revoke" "
coord_b,coord_l" owner1 "
  SELECT pl_revoke('coord_a'); SELECT group_concat(role::text) FROM (SELECT role FROM pl_access ORDER BY role) AS a"
refuse "a revoked coordinator reads nothing" "permission denied for table staff" coord_a "SELECT * FROM staff"

# --- Done ----------------------------------------------------------------------

echo "schema-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
