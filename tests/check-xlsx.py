#!/usr/bin/python3
# tests/check-xlsx.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads the partner workbook back, as a partner's spreadsheet would, and
# holds it against the database it came from and against `stats --json`.
# Runs placements-cli ($PLACEMENTS_CLI) on the sample network in a
# temporary directory; prints each check and exits 1 when one fails.

import datetime
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import traceback
import unittest
import zipfile

import openpyxl

CLI = os.environ.get("PLACEMENTS_CLI")

SHEETS = ["Summary", "Placements", "Employers", "Staff", "Milestones", "Observations",
          "Surveys", "Groups"]

PARTNER = "Holderness Coast College"

# The columns that hold dates, by sheet.
DATE_COLUMNS = {
    "Placements": ["First day", "Last day"],
    "Employers": ["Last contact"],
    "Milestones": ["Due", "Done"],
    "Observations": ["Date"],
    "Groups": ["First meeting", "Last meeting"],
}

# Status columns and the values their drop-down lists offer.
STATUS_COLUMNS = {
    "Placements": "Status",
    "Employers": "Relationship",
    "Milestones": "Status",
    "Observations": "Before or after",
    "Groups": "Status",
}

FIRST_DAY = "(SELECT min(day) FROM placement_day d WHERE d.placement_id = p.id)"


def run(*args, db=None):
    command = [CLI]
    if db is not None:
        command += ["--db", db]
    command += list(args)
    env = dict(os.environ)
    env.pop("PLACEMENTS_DB", None)
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def table(workbook, name):
    """The sheet's header and its rows as dicts keyed by the header."""
    rows = list(workbook[name].iter_rows(values_only=True))
    header = list(rows[0])
    return header, [dict(zip(header, row)) for row in rows[1:]]


class Network:
    """The sample database, and workbooks exported from it, made once."""

    def __init__(self):
        self.dir = tempfile.TemporaryDirectory(prefix="placements-xlsx-")
        self.db = os.path.join(self.dir.name, "sample.db")
        result = run("init", "--sample", db=self.db)
        assert result.returncode == 0, result.stderr
        self.sql = sqlite3.connect(self.db)
        self.workbooks = {}
        # The academic year before the one holding today: the sample's pilot year.
        today = datetime.date.fromisoformat(os.environ.get("PLACEMENTS_TODAY", "2026-11-22"))
        year = today.year if today.month >= 9 else today.year - 1
        self.pilot = (f"{year - 1}-09-01", f"{year}-08-31")
        # What two employers said: one about this year, one about last year.
        for name, state, when, reason in (
                ("Keel and Anchor Hotel", "not_this_year", f"{year}/{(year + 1) % 100:02d}",
                 "refurbishment"),
                ("Pixelwharf Software", "looking", f"{year - 1}/{year % 100:02d}", None)):
            args = ["appetite", name, state, "--year", when]
            if reason:
                args += ["--reason", reason]
            result = run(*args, db=self.db)
            assert result.returncode == 0, result.stderr

    def partner_id(self, name):
        return self.sql.execute("SELECT id FROM partner WHERE name = ?", (name,)).fetchone()[0]

    def export(self, *options):
        key = tuple(options)
        if key not in self.workbooks:
            path = os.path.join(self.dir.name, f"workbook-{len(self.workbooks)}.xlsx")
            result = run("export", "xlsx", path, *options, db=self.db)
            assert result.returncode == 0, result.stderr
            self.workbooks[key] = path
        return self.workbooks[key]

    def stats(self, *options):
        result = run("stats", "--json", *options, db=self.db)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    def count(self, sql, partner=None, period=(None, None)):
        pid = self.partner_id(partner) if partner else None
        return self.sql.execute(sql, (pid, period[0], period[1])).fetchone()[0]


NETWORK = None

PLACEMENTS_IN_SCOPE = (
    "FROM placement p JOIN staff s ON s.id = p.staff_id"
    " WHERE (?1 IS NULL OR s.partner_id = ?1)"
    f" AND (?2 IS NULL OR {FIRST_DAY} >= ?2) AND (?3 IS NULL OR {FIRST_DAY} <= ?3)")


def filter_options(partner, period):
    options = []
    if partner:
        options += ["--partner", partner]
    if period[0]:
        options += ["--from", period[0], "--to", period[1]]
    return options


class TestWorkbook(unittest.TestCase):
    def workbook(self, *options):
        return openpyxl.load_workbook(NETWORK.export(*options))

    def test_employer_appetite(self):
        _, employers = table(self.workbook(), "Employers")
        by_name = {row["Employer"]: row for row in employers}
        self.assertEqual(by_name["Keel and Anchor Hotel"]["Appetite this year"], "Not this year")
        self.assertEqual(by_name["Keel and Anchor Hotel"]["Appetite reason"], "refurbishment")
        # Last year's answer is not this year's.
        self.assertEqual(by_name["Pixelwharf Software"]["Appetite this year"], "Unknown")
        self.assertIsNone(by_name["Pixelwharf Software"]["Appetite reason"])

    def test_sheet_names_and_order(self):
        self.assertEqual(self.workbook().sheetnames, SHEETS)

    def test_row_counts_equal_the_database(self):
        workbook = self.workbook()
        expected = {
            "Placements": "SELECT count(*) FROM placement",
            "Employers": "SELECT count(*) FROM employer",
            "Staff": "SELECT count(*) FROM staff",
            "Milestones": "SELECT count(*) FROM milestone",
            "Observations": "SELECT count(*) FROM observation",
            "Groups": "SELECT count(*) FROM exchange_group",
        }
        for sheet, sql in expected.items():
            with self.subTest(sheet=sheet):
                _, rows = table(workbook, sheet)
                self.assertEqual(len(rows), NETWORK.sql.execute(sql).fetchone()[0])
        _, rows = table(workbook, "Surveys")
        self.assertEqual(len(rows), 7)  # four student and three employer questions

    def test_tables_are_filterable_with_frozen_bold_headers(self):
        workbook = self.workbook()
        for name in SHEETS[1:]:
            with self.subTest(sheet=name):
                sheet = workbook[name]
                self.assertEqual(sheet.freeze_panes, "A2")
                self.assertEqual(sheet.auto_filter.ref,
                                 f"A1:{sheet.cell(1, sheet.max_column).column_letter}"
                                 f"{sheet.max_row}")
                for cell in sheet[1]:
                    self.assertTrue(cell.font.b, f"{name}!{cell.coordinate} is not bold")
                    self.assertTrue(cell.value)
                for column in range(1, sheet.max_column + 1):
                    letter = sheet.cell(1, column).column_letter
                    self.assertGreaterEqual(sheet.column_dimensions[letter].width, 6)

    def test_dates_are_date_cells(self):
        workbook = self.workbook()
        for name, columns in DATE_COLUMNS.items():
            header, rows = table(workbook, name)
            sheet = workbook[name]
            for title in columns:
                with self.subTest(sheet=name, column=title):
                    index = header.index(title) + 1
                    cells = [sheet.cell(r, index) for r in range(2, sheet.max_row + 1)]
                    filled = [c for c in cells if c.value is not None]
                    self.assertTrue(filled, "no dates at all")
                    for cell in filled:
                        self.assertTrue(cell.is_date, f"{name}!{cell.coordinate} {cell.value!r}")
                        self.assertIsInstance(cell.value, datetime.datetime)
        # The first days match the database.
        _, rows = table(workbook, "Placements")
        for row in rows:
            pid = int(row["Reference"][2:])
            first = NETWORK.sql.execute(
                "SELECT min(day) FROM placement_day WHERE placement_id = ?", (pid,)).fetchone()[0]
            got = row["First day"].date().isoformat() if row["First day"] else None
            self.assertEqual(got, first, row["Reference"])

    def test_numbers_are_numbers(self):
        workbook = self.workbook()
        for name, title in [("Placements", "Days"), ("Placements", "People reached"),
                            ("Employers", "Capacity"), ("Staff", "Placements"),
                            ("Observations", "Use of technology"), ("Surveys", "Answers"),
                            ("Groups", "Members")]:
            with self.subTest(sheet=name, column=title):
                _, rows = table(workbook, name)
                values = [row[title] for row in rows if row[title] is not None]
                self.assertTrue(values)
                self.assertTrue(all(isinstance(v, (int, float)) for v in values), values)

    def test_status_columns_offer_a_list(self):
        workbook = self.workbook()
        for name, title in STATUS_COLUMNS.items():
            with self.subTest(sheet=name):
                header, rows = table(workbook, name)
                letter = workbook[name].cell(1, header.index(title) + 1).column_letter
                validations = [v for v in workbook[name].data_validations.dataValidation
                               if v.type == "list" and letter in str(v.sqref)]
                self.assertEqual(len(validations), 1)
                choices = validations[0].formula1.strip('"').split(",")
                for row in rows:
                    self.assertIn(row[title], choices)

    def test_overdue_milestones_are_flagged(self):
        workbook = self.workbook()
        _, rows = table(workbook, "Milestones")
        today = os.environ.get("PLACEMENTS_TODAY")
        for row in rows:
            overdue = row["Done"] is None and row["Due"].date().isoformat() < today
            self.assertEqual(row["Status"] == "Overdue", overdue, row)
        self.assertTrue(any(row["Status"] == "Overdue" for row in rows))
        rules = workbook["Milestones"].conditional_formatting
        formulas = [rule.formula for rng in rules for rule in rng.rules]
        self.assertTrue(any('"Overdue"' in f[0] for f in formulas if f), formulas)

    def test_document_properties(self):
        network = NETWORK.sql.execute(
            "SELECT value FROM settings WHERE key = 'network_name'").fetchone()[0]
        properties = self.workbook("--partner", PARTNER).properties
        self.assertEqual(properties.title, "Teacher industry placements")
        self.assertIn(PARTNER, properties.subject)
        with zipfile.ZipFile(NETWORK.export("--partner", PARTNER)) as archive:
            app = archive.read("docProps/app.xml").decode()
        self.assertIn(f"<Company>{network}</Company>", app)

    def test_partner_filter_keeps_exactly_that_partners_rows(self):
        workbook = self.workbook("--partner", PARTNER)
        pid = NETWORK.partner_id(PARTNER)

        _, placements = table(workbook, "Placements")
        self.assertEqual({row["Partner"] for row in placements}, {PARTNER})
        self.assertEqual(len(placements),
                         NETWORK.count("SELECT count(*) " + PLACEMENTS_IN_SCOPE, PARTNER))

        _, staff = table(workbook, "Staff")
        self.assertEqual({row["Partner"] for row in staff}, {PARTNER})
        self.assertEqual(len(staff), NETWORK.sql.execute(
            "SELECT count(*) FROM staff WHERE partner_id = ?", (pid,)).fetchone()[0])

        _, employers = table(workbook, "Employers")
        hosts = {r[0] for r in NETWORK.sql.execute(
            "SELECT DISTINCT e.name FROM placement p JOIN staff s ON s.id = p.staff_id"
            " JOIN employer e ON e.id = p.employer_id WHERE s.partner_id = ?", (pid,))}
        self.assertEqual({row["Employer"] for row in employers}, hosts)
        self.assertTrue(all(row["Placements"] > 0 for row in employers))

        _, milestones = table(workbook, "Milestones")
        self.assertEqual(len(milestones), NETWORK.sql.execute(
            "SELECT count(*) FROM milestone m JOIN placement p ON p.id = m.placement_id"
            " JOIN staff s ON s.id = p.staff_id WHERE s.partner_id = ?", (pid,)).fetchone()[0])
        references = {row["Reference"] for row in placements}
        self.assertTrue(all(row["Placement"] in references for row in milestones))

        _, observations = table(workbook, "Observations")
        self.assertEqual({row["Partner"] for row in observations}, {PARTNER})
        self.assertEqual(len(observations), NETWORK.sql.execute(
            "SELECT count(*) FROM observation o JOIN staff s ON s.id = o.staff_id"
            " WHERE s.partner_id = ?", (pid,)).fetchone()[0])

        _, groups = table(workbook, "Groups")
        expected = {r[0] for r in NETWORK.sql.execute(
            "SELECT DISTINCT g.name FROM exchange_group g JOIN group_member m ON m.group_id = g.id"
            " JOIN staff s ON s.id = m.staff_id WHERE s.partner_id = ?", (pid,))}
        self.assertEqual({row["Group"] for row in groups}, expected)
        names = {r[0] for r in NETWORK.sql.execute(
            "SELECT name FROM staff WHERE partner_id = ?", (pid,))}
        for row in groups:
            for member in row["Who"].split("; "):
                self.assertIn(re.sub(r" \(.*\)$", "", member), names)

    def test_period_filter_keeps_placements_starting_inside(self):
        period = NETWORK.pilot
        workbook = self.workbook("--from", period[0], "--to", period[1])
        _, placements = table(workbook, "Placements")
        self.assertEqual(len(placements),
                         NETWORK.count("SELECT count(*) " + PLACEMENTS_IN_SCOPE, None, period))
        self.assertLess(len(placements), NETWORK.sql.execute(
            "SELECT count(*) FROM placement").fetchone()[0])
        for row in placements:
            self.assertTrue(period[0] <= row["First day"].date().isoformat() <= period[1])

    def test_summary_equals_stats(self):
        for partner in (None, PARTNER):
            for period in ((None, None), NETWORK.pilot):
                options = filter_options(partner, period)
                with self.subTest(options=options):
                    self.check_summary(options)

    def check_summary(self, options):
        stats = NETWORK.stats(*options)
        workbook = self.workbook(*options)
        summary = workbook["Summary"]

        def named(name):
            destinations = list(workbook.defined_names[f"stats_{name}"].destinations)
            self.assertEqual(len(destinations), 1)
            sheet, cell = destinations[0]
            self.assertEqual(sheet, "Summary")
            return workbook[sheet][cell.replace("$", "")].value

        def percent(name):
            return round(named(name) * 100)

        placements = stats["placements"]
        self.assertEqual(named("placements"), placements["total"])
        self.assertEqual(named("cancelled"), placements["cancelled"])
        for key in ("employers", "sectors", "staff_engaged", "colleagues_reached",
                    "students_reached"):
            self.assertEqual(named(key), stats[key], key)
        observations = stats["observations"]
        self.assertEqual(named("staff_observed"), observations["staff_observed"])
        for criterion, improved in observations["improved"].items():
            self.assertEqual(named(f"improved_{criterion}"), improved, criterion)
        self.assertEqual(named("learners_progressed"), observations["learners_progressed"])
        for prefix, member in (("student", "student_survey"), ("employer", "employer_survey")):
            self.assertEqual(named(f"{prefix}_responses"), stats[member]["responses"])
            for question, pct in stats[member]["agree_pct"].items():
                self.assertEqual(percent(f"{prefix}_{question}"), pct, question)
        groups = stats["groups"]
        self.assertEqual(named("groups"), groups["groups"])
        self.assertEqual(named("group_members"), groups["members"])
        self.assertEqual(named("group_organisations"), groups["organisations"])
        self.assertEqual(named("group_outcomes"), groups["outcomes"])
        for area, n in groups["outcomes_by_area"].items():
            self.assertEqual(named(f"outcomes_{area}"), n, area)

        # The tables beside the chart: sector and status counts, in order.
        values = [(row[0], row[1]) for row in summary.iter_rows(values_only=True)]
        start = values.index(("Placements by sector", None)) + 2
        sectors = []
        for label, value in values[start:]:
            if label is None or not isinstance(value, int):
                break
            sectors.append((label, value))
        self.assertEqual(sectors, list(placements["by_sector"].items()))
        start = values.index(("Placements by status", None)) + 2
        statuses = [v for _, v in values[start:start + len(placements["by_status"])]]
        self.assertEqual(statuses, list(placements["by_status"].values()))

        # The Surveys sheet gives the same percentages.
        _, rows = table(workbook, "Surveys")
        got = [round(row["Agree %"] * 100) for row in rows]
        want = (list(stats["student_survey"]["agree_pct"].values())
                + list(stats["employer_survey"]["agree_pct"].values()))
        self.assertEqual(got, want)

    def test_summary_has_a_bar_chart(self):
        with zipfile.ZipFile(NETWORK.export()) as archive:
            charts = [n for n in archive.namelist() if n.startswith("xl/charts/chart")]
            self.assertEqual(len(charts), 1)
            chart = archive.read(charts[0]).decode()
        self.assertIn("<c:barChart>", chart)
        self.assertIn("Summary!$A$", chart)

    def test_anonymise_leaves_no_personal_data(self):
        path = NETWORK.export("--anonymise")
        secrets = set()
        for query in ("SELECT name, email, phone FROM staff",
                      "SELECT contact_name, contact_email, contact_phone FROM employer"):
            for row in NETWORK.sql.execute(query):
                secrets.update(value for value in row if value)
        self.assertGreater(len(secrets), 50)

        texts = []
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                texts.append((name, archive.read(name).decode("utf-8", "replace")))
        for secret in secrets:
            escaped = (secret.replace("&", "&amp;").replace("<", "&lt;")
                       .replace(">", "&gt;").replace("'", "&apos;"))
            for name, text in texts:
                self.assertNotIn(secret, text, f"{secret!r} in {name}")
                self.assertNotIn(escaped, text, f"{secret!r} in {name}")

        workbook = openpyxl.load_workbook(path)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str):
                        for secret in secrets:
                            self.assertNotIn(secret, value)

        code = re.compile(r"^S-\d{4,}$")
        _, staff = table(workbook, "Staff")
        self.assertEqual(len(staff), NETWORK.sql.execute(
            "SELECT count(*) FROM staff").fetchone()[0])
        self.assertTrue(all(code.match(row["Staff member"]) for row in staff))
        self.assertNotIn("Email", staff[0])
        self.assertNotIn("Phone", staff[0])
        _, employers = table(workbook, "Employers")
        for title in ("Contact name", "Contact email", "Contact phone"):
            self.assertNotIn(title, employers[0])
        # Codes are stable: the staff id, zero-padded.
        _, placements = table(workbook, "Placements")
        for row in placements:
            staff_id = NETWORK.sql.execute(
                "SELECT staff_id FROM placement WHERE id = ?",
                (int(row["Reference"][2:]),)).fetchone()[0]
            self.assertEqual(row["Staff member"], f"S-{staff_id:04d}")
        said = {row[0]: row[1] for row in workbook["Summary"].iter_rows(values_only=True)}
        self.assertTrue(said["Anonymised"].startswith("Yes"))

    def test_unknown_partner_fails_and_writes_nothing(self):
        directory = tempfile.mkdtemp(dir=NETWORK.dir.name)
        path = os.path.join(directory, "nobody.xlsx")
        result = run("export", "xlsx", path, "--partner", "Nobody College", db=NETWORK.db)
        self.assertEqual(result.returncode, 1)
        self.assertIn("Nobody College", result.stderr)
        self.assertEqual(os.listdir(directory), [])

        # An earlier file of that name is left as it was.
        with open(path, "w", encoding="utf-8") as old:
            old.write("an earlier export")
        result = run("export", "xlsx", path, "--partner", "Nobody College", db=NETWORK.db)
        self.assertEqual(result.returncode, 1)
        with open(path, encoding="utf-8") as old:
            self.assertEqual(old.read(), "an earlier export")
        self.assertEqual(os.listdir(directory), ["nobody.xlsx"])

    def test_unwritable_path_fails_and_writes_nothing(self):
        directory = tempfile.mkdtemp(dir=NETWORK.dir.name)
        missing = os.path.join(directory, "no-such-folder", "out.xlsx")
        result = run("export", "xlsx", missing, db=NETWORK.db)
        self.assertEqual(result.returncode, 1)
        self.assertIn(missing, result.stderr)
        # A folder where the file should go: refused, and no temporary file left.
        target = os.path.join(directory, "a-folder.xlsx")
        os.mkdir(target)
        result = run("export", "xlsx", target, db=NETWORK.db)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(sorted(os.listdir(directory)), ["a-folder.xlsx"])
        self.assertEqual(os.listdir(target), [])

    def test_usage_errors(self):
        path = os.path.join(NETWORK.dir.name, "usage.xlsx")
        self.assertEqual(run("export", "xlsx", path, "--from", "next week",
                             db=NETWORK.db).returncode, 2)
        self.assertEqual(run("export", "xlsx", db=NETWORK.db).returncode, 2)
        self.assertFalse(os.path.exists(path))


def main():
    global NETWORK

    if not CLI:
        print("PLACEMENTS_CLI is not set", file=sys.stderr)
        return 1
    NETWORK = Network()
    try:
        program = unittest.main(argv=[sys.argv[0], "-v"], exit=False)
        return 0 if program.result.wasSuccessful() else 1
    except Exception:  # noqa: BLE001 - report anything, then fail
        traceback.print_exc()
        return 1
    finally:
        NETWORK.sql.close()
        NETWORK.dir.cleanup()


if __name__ == "__main__":
    sys.exit(main())
