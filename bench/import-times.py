#!/usr/bin/python3
# bench/import-times.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The measuring half of bench/import.sh (which builds and generates first):
#
#   import-times.py CLI CSV_DIR WORK_DIR RUNS
#
# For each kind, in the order the kinds refer to each other, it times
#   ours    placements-cli import csv KIND FILE into a fresh database;
#   bare    the sqlite3 shell's .import of the same file into a new bare
#           table (TEXT columns, no constraint, index or trigger);
#   schema  the sqlite3 shell's .import into a scratch table followed by one
#           INSERT … SELECT into the real tables, names resolved by SQL: what
#           SQLite itself needs to put these rows into this schema, with its
#           indexes, constraints and search index. For placements that
#           includes their days and milestones (due by calendar days, without
#           the working-day calendar, done as the import ticks them), which
#           the bare table does not have.
# Wall-clock time depends on what else the machine is doing, so CPU time
# (user + system, of the process and its children) is given as well; each
# figure is the best of RUNS runs.

import os
import resource
import subprocess
import sys
import time

KINDS = ["partners", "staff", "employers", "placements"]


def weekdays(column):
    names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    return " + ".join(f"(instr({column}, '{name}') > 0) * {1 << i}"
                      for i, name in enumerate(names))


def rank(column):
    """The place of the placement status in @column on the lifecycle's walk."""
    steps = ["request", "proposed", "agreed", "confirmed", "completed", "cascaded", "evaluated"]
    return ("CASE " + column + " " + " ".join(f"WHEN '{step}' THEN {i}"
                                            for i, step in enumerate(steps)) + " END")


# What a careful SQL script would do with the shell alone.
SCHEMA_SQL = {
    "partners": """
INSERT INTO partner (name, kind, region, status, contact_name, contact_email, contact_phone)
SELECT name, coalesce(nullif(kind, ''), 'college'), nullif(region, ''),
       coalesce(nullif(status, ''), 'active'), nullif(contact_name, ''),
       nullif(contact_email, ''), nullif(contact_phone, '')
FROM csv ORDER BY rowid;""",
    "staff": f"""
INSERT INTO staff (name, partner_id, job_title, email, phone, sector_id, curriculum_area,
                   teaching_days, notes)
SELECT c.name, (SELECT id FROM partner WHERE name = c.partner), nullif(job_title, ''),
       nullif(email, ''), nullif(phone, ''), (SELECT id FROM sector WHERE name = c.sector),
       nullif(curriculum_area, ''), {weekdays('teaching_days')}, nullif(notes, '')
FROM csv AS c ORDER BY c.rowid;""",
    "employers": f"""
INSERT INTO employer (name, sector_id, size, address, postcode, website, contact_name,
                      contact_email, contact_phone, relationship, capacity, notice_weeks,
                      preferred_days, notes)
SELECT c.name, (SELECT id FROM sector WHERE name = c.sector), nullif(size, ''),
       nullif(address, ''), nullif(postcode, ''), nullif(website, ''),
       nullif(contact_name, ''), nullif(contact_email, ''), nullif(contact_phone, ''),
       coalesce(nullif(relationship, ''), 'prospect'), coalesce(nullif(capacity, ''), 1),
       coalesce(nullif(notice_weeks, ''), 0), {weekdays('preferred_days')}, nullif(notes, '')
FROM csv AS c ORDER BY c.rowid;""",
    "placements": f"""
INSERT INTO placement (staff_id, sector_id, employer_id, status, window_start, window_end,
                       length, standby, notes, cancel_reason)
SELECT (SELECT id FROM staff WHERE name = c.staff COLLATE NOCASE),
       (SELECT id FROM sector WHERE name = c.sector),
       (SELECT id FROM employer WHERE name = c.employer),
       coalesce(nullif(status, ''), 'request'), nullif(window_start, ''),
       nullif(window_end, ''),
       coalesce(nullif(length, ''),
                CASE WHEN days = '' THEN 1
                     ELSE length(days) - length(replace(days, ';', '')) + 1 END),
       nullif(standby, ''), nullif(notes, ''), nullif(cancel_reason, '')
FROM csv AS c ORDER BY c.rowid;
INSERT INTO placement_day (placement_id, day)
SELECT (SELECT max(id) FROM placement) - (SELECT count(*) FROM csv) + c.rowid, j.value
FROM csv AS c, json_each('["' || replace(c.days, ';', '","') || '"]') AS j
WHERE c.days <> '';
INSERT INTO milestone (placement_id, kind, label, due, done)
SELECT d.placement_id, t.kind, t.label,
       date(CASE t.anchor WHEN 'last' THEN d.last ELSE d.first END,
            (t.offset * CASE t.unit WHEN 'weeks' THEN 7 ELSE 1 END) || ' days'),
       CASE WHEN p.status = 'cancelled' THEN NULL
            WHEN t.step IS NOT NULL AND t.step NOT IN ('request', 'cancelled')
                 AND {rank('t.step')} <= {rank('p.status')} THEN date('now')
            WHEN t.step IS NULL AND p.status IN ('completed', 'cascaded', 'evaluated')
                 AND t.anchor = 'first' AND t.offset < 0 THEN date('now')
       END
FROM (SELECT placement_id, min(day) AS first, max(day) AS last FROM placement_day
      GROUP BY placement_id) AS d
JOIN placement AS p ON p.id = d.placement_id, milestone_template AS t
ORDER BY d.placement_id, t.position, t.id;""",
}


def timed(argv):
    """Runs argv; returns (wall seconds, CPU seconds, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(argv, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def fresh_db(cli, path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    subprocess.run([cli, "--db", path, "init"], check=True, capture_output=True)


def main():
    cli, csv_dir, work, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    best = {}
    rows = {}

    def keep(key, wall, cpu):
        old = best.get(key)
        best[key] = (min(old[0], wall), min(old[1], cpu)) if old else (wall, cpu)

    for _ in range(runs):
        ours_db = os.path.join(work, "ours.db")
        schema_db = os.path.join(work, "schema.db")
        fresh_db(cli, ours_db)
        fresh_db(cli, schema_db)

        for kind in KINDS:
            path = os.path.join(csv_dir, kind + ".csv")

            wall, cpu, out = timed([cli, "--db", ours_db, "import", "csv", kind, path])
            rows[kind] = out.split()[1]
            keep(("ours", kind), wall, cpu)

            bare_db = os.path.join(work, f"bare-{kind}.db")
            if os.path.exists(bare_db):
                os.remove(bare_db)
            wall, cpu, _ = timed(["sqlite3", bare_db, f".import --csv {path} {kind}"])
            keep(("bare", kind), wall, cpu)

            wall, cpu, _ = timed(["sqlite3", schema_db, "PRAGMA foreign_keys = ON",
                                  f".import --csv {path} csv",
                                  "BEGIN", SCHEMA_SQL[kind], "DROP TABLE csv", "COMMIT"])
            keep(("schema", kind), wall, cpu)

    print(f"{'':11} {'':>8}  {'import csv':^17}  {'sqlite3 .import bare':^28}"
          f"  {'sqlite3, real schema':^28}")
    print(f"{'kind':11} {'rows':>8}  {'wall':>8} {'CPU':>8}  {'wall':>8} {'CPU':>8} {'ratio':>10}"
          f"  {'wall':>8} {'CPU':>8} {'ratio':>10}")
    for kind in KINDS:
        ours = best[("ours", kind)]
        line = f"{kind:11} {rows[kind]:>8}  {ours[0]:7.3f}s {ours[1]:7.3f}s"
        for base in ("bare", "schema"):
            other = best[(base, kind)]
            line += (f"  {other[0]:7.3f}s {other[1]:7.3f}s"
                     f" {ours[0] / other[0]:4.1f}/{ours[1] / max(other[1], 1e-3):4.1f}")
        print(line)
    print(f"best of {runs} runs; ratio = ours / theirs, wall/CPU; "
          f"sqlite3 {subprocess.run(['sqlite3', '--version'], capture_output=True, text=True).stdout.split()[0]}; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
