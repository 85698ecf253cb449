#!/usr/bin/python3
# tests/meta/check-potfiles.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# po/POTFILES.in must list every file under src, ui and data that has
# translatable strings, in sorted order (as LC_ALL=C sort), each once, and
# nothing that does not exist.
#
#   check-potfiles.py [--root DIR]

import argparse
import pathlib
import re
import sys

SEARCHED = ("src", "ui", "data")

# _("…"), N_("…"), C_("…", "…"), NC_("…", "…"), Q_("…"): a marker called on a
# string literal — not some_function_(, nor a comment that mentions N_().
MARKED_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:N|C|NC|Q)?_\s*\(\s*"')
# C comments, skipping over string and character literals.
C_COMMENT = re.compile(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|/\*.*?\*/|//[^\n]*""",
                       re.DOTALL)
# GtkBuilder: <property name="label" translatable="yes">…
MARKED_UI = re.compile(r"""translatable\s*=\s*["']yes["']""")
# Files whose every string is translatable, whatever they contain.
ALWAYS = re.compile(r"\.(?:desktop\.in|metainfo\.xml\.in|appdata\.xml\.in|gschema\.xml)$")

TEXT_SUFFIXES = {".c", ".h", ".ui", ".blp", ".in", ".xml", ".js", ".py", ".txt", ".md"}


def has_strings(path):
    if ALWAYS.search(path.name):
        return True
    if path.suffix not in TEXT_SUFFIXES:
        return False
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix in (".c", ".h"):
        text = C_COMMENT.sub(lambda match: match.group(1) or " ", text)
    if path.suffix in (".ui", ".blp", ".xml"):
        return bool(MARKED_UI.search(text) or MARKED_CALL.search(text))
    return bool(MARKED_CALL.search(text))


def translatable_files(root):
    for top in SEARCHED:
        folder = root / top
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            if path.is_file() and has_strings(path):
                yield path.relative_to(root).as_posix()


def read_potfiles(path):
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append((number, line))
    return entries


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2],
                        help="the source tree to check (default: this one)")
    args = parser.parse_args()
    root = args.root
    potfiles_path = root / "po" / "POTFILES.in"
    if not potfiles_path.is_file():
        print(f"{potfiles_path}: not found", file=sys.stderr)
        return 1

    entries = read_potfiles(potfiles_path)
    listed = [name for _, name in entries]
    problems = []

    for number, name in entries:
        if not (root / name).is_file():
            problems.append(f"po/POTFILES.in:{number}: {name} does not exist")

    seen = set()
    for number, name in entries:
        if name in seen:
            problems.append(f"po/POTFILES.in:{number}: {name} is listed twice")
        seen.add(name)

    # Byte order, as LC_ALL=C sort, so that the order does not depend on locale.
    for (_, before), (number, after) in zip(entries, entries[1:]):
        if before.encode() > after.encode():
            problems.append(f"po/POTFILES.in:{number}: {after} should come before {before}")

    missing = sorted(set(translatable_files(root)) - seen, key=str.encode)
    for name in missing:
        problems.append(f"po/POTFILES.in: {name} has translatable strings but is not listed")

    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        if missing:
            print("\nMissing from po/POTFILES.in:", file=sys.stderr)
            for name in missing:
                print(name, file=sys.stderr)
        print("\nThe sorted list would be:\n" +
              "\n".join(sorted({name for name in listed if (root / name).is_file()} | set(missing),
                         key=str.encode)),
              file=sys.stderr)
        return 1

    print(f"po/POTFILES.in lists all {len(listed)} files with translatable strings, sorted")
    return 0


if __name__ == "__main__":
    sys.exit(main())
