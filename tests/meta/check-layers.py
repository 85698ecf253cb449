#!/usr/bin/python3
# tests/meta/check-layers.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The rules of the layering, checked on the source tree:
#
# 1. The lower layers (src/core, src/schedule, src/export) do not use GTK or
#    libadwaita, so that the CLI and the tests never need a display. The one
#    exception is the print entry point, src/export/pl-pack-print.c.
# 2. The store is the model's only door: outside src/core nothing includes
#    <sqlite3.h> or a private header of core, calls SQLite or the store's
#    connection (pl_db_*, pl_stmt_*), or holds SQL text.
# 3. A layer includes only headers of the layers below it:
#    core <- schedule <- export <- cli, app.
#
#   check-layers.py [--root DIR]
#
# Lists every offence as FILE:LINE: what, and exits 1 if there is one.

import argparse
import pathlib
import re
import sys

LOWER_LAYERS = ("src/core", "src/schedule", "src/export")
GTK_ALLOWED = {"src/export/pl-pack-print.c"}
ORDER = ["src/core", "src/schedule", "src/export", "src/cli", "src/app"]
# Which layers each may include from (its own and those below).
MAY_INCLUDE = {
    "src/core": {"src/core"},
    "src/schedule": {"src/core", "src/schedule"},
    "src/export": {"src/core", "src/schedule", "src/export"},
    "src/cli": {"src/core", "src/schedule", "src/export", "src/cli"},
    "src/app": {"src/core", "src/schedule", "src/export", "src/app"},
}

SOURCE_SUFFIXES = {".c", ".h"}

# <gtk/gtk.h>, "gtk/gtkwidget.h", <gdk/gdk.h>, <adwaita.h>, ...
GTK_INCLUDE = re.compile(
    r'^\s*#\s*(?:include|import)\s*[<"]\s*((?:gtk|gdk)/[^>"]*|adwaita\.h)\s*[>"]'
)
LOCAL_INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"')
SQLITE_INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]sqlite3\.h[>"]')
SQL_CALL = re.compile(r'\b(sqlite3_\w+|pl_db_\w+|pl_stmt_\w+|PlDb|PlStmt)\b')
SQL_TEXT = re.compile(
    r'"\s*(SELECT\s|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b'
    r'|CREATE\s+(?:TEMP\s+|UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\b'
    r'|DROP\s+(?:TABLE|INDEX|TRIGGER|VIEW)\b|PRAGMA\s|BEGIN\s*(?:IMMEDIATE)?\s*"|COMMIT\s*"'
    r'|WITH\s+\w+\s+AS\s*\()'
)


def source_files(root, layer):
    top = root / layer
    if not top.is_dir():
        return
    for path in sorted(top.rglob("*")):
        if path.is_file() and path.suffix in SOURCE_SUFFIXES:
            yield path


def read(path):
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def headers_by_layer(root):
    """Every header name, with the layer that holds it."""
    owners = {}
    for layer in ORDER:
        for path in source_files(root, layer):
            if path.suffix == ".h":
                owners.setdefault(path.name, layer)
    return owners


def gtk_offences(root):
    for layer in LOWER_LAYERS:
        for path in source_files(root, layer):
            relative = path.relative_to(root).as_posix()
            if relative in GTK_ALLOWED:
                continue
            for number, line in enumerate(read(path), start=1):
                match = GTK_INCLUDE.match(line)
                if match:
                    yield relative, f"{relative}:{number}: includes {match.group(1)}"


def strip_comments(lines):
    """The lines with /* … */ and // comments blanked (strings are kept)."""
    text = "\n".join(lines)
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"(?m)^\s*//.*$", "", text)
    return text.split("\n")


def sql_offences(root, owners):
    for layer in ORDER[1:]:
        for path in source_files(root, layer):
            relative = path.relative_to(root).as_posix()
            for number, line in enumerate(strip_comments(read(path)), start=1):
                if SQLITE_INCLUDE.match(line):
                    yield relative, f"{relative}:{number}: includes sqlite3.h"
                    continue
                include = LOCAL_INCLUDE.match(line)
                if include:
                    name = pathlib.PurePosixPath(include.group(1)).name
                    if name.endswith("-private.h") and owners.get(name) == "src/core":
                        yield relative, f"{relative}:{number}: includes core's private {name}"
                    continue
                call = SQL_CALL.search(line)
                if call:
                    yield relative, f"{relative}:{number}: uses {call.group(1)}"
                    continue
                text = SQL_TEXT.search(line)
                if text:
                    yield relative, f"{relative}:{number}: holds SQL ({text.group(1).strip()} …)"


def include_offences(root, owners):
    for layer in ORDER:
        allowed = MAY_INCLUDE[layer]
        for path in source_files(root, layer):
            relative = path.relative_to(root).as_posix()
            for number, line in enumerate(read(path), start=1):
                include = LOCAL_INCLUDE.match(line)
                if not include:
                    continue
                name = pathlib.PurePosixPath(include.group(1)).name
                owner = owners.get(name)
                if owner is not None and owner not in allowed:
                    yield relative, (f"{relative}:{number}: {layer} includes {name} "
                                     f"of {owner}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2],
                        help="the source tree to check (default: this one)")
    args = parser.parse_args()
    root = args.root

    if not (root / "src").is_dir():
        print(f"{root}: no src folder here", file=sys.stderr)
        return 2

    owners = headers_by_layer(root)
    problems = []

    gtk = [text for _, text in gtk_offences(root)]
    if gtk:
        problems.append(("GTK or libadwaita used below src/app and src/cli "
                         f"(only {', '.join(sorted(GTK_ALLOWED))} may):", gtk))

    sql = [text for _, text in sql_offences(root, owners)]
    if sql:
        problems.append(("SQL outside src/core (the store is the model's only door):", sql))

    layering = [text for _, text in include_offences(root, owners)]
    if layering:
        problems.append(("includes against the layering "
                         "(core <- schedule <- export <- cli, app):", layering))

    if problems:
        for heading, lines in problems:
            print(heading, file=sys.stderr)
            for line in lines:
                print(f"  {line}", file=sys.stderr)
        return 1

    print("layers: no GTK below the app, no SQL outside core, no include against the layering")
    return 0


if __name__ == "__main__":
    sys.exit(main())
