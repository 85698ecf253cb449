#!/usr/bin/python3
# tests/meta/check-layers.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The lower layers (src/core, src/schedule, src/export) must not use GTK or
# libadwaita, so that the CLI and the tests never need a display. The one
# exception is the print entry point, src/export/pl-pack-print.c.
#
#   check-layers.py [--root DIR]
#
# Lists every offending include as FILE:LINE and exits 1 if there is one.

import argparse
import pathlib
import re
import sys

LOWER_LAYERS = ("src/core", "src/schedule", "src/export")
ALLOWED = {"src/export/pl-pack-print.c"}

# <gtk/gtk.h>, "gtk/gtkwidget.h", <gdk/gdk.h>, <adwaita.h>, ...
FORBIDDEN_INCLUDE = re.compile(
    r'^\s*#\s*(?:include|import)\s*[<"]\s*((?:gtk|gdk)/[^>"]*|adwaita\.h)\s*[>"]'
)


def offences(root):
    for layer in LOWER_LAYERS:
        top = root / layer
        if not top.is_dir():
            continue
        for path in sorted(top.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(root).as_posix()
            if relative in ALLOWED:
                continue
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError as error:
                yield f"{relative}: cannot read: {error}"
                continue
            for number, line in enumerate(text.splitlines(), start=1):
                match = FORBIDDEN_INCLUDE.match(line)
                if match:
                    yield f"{relative}:{number}: includes {match.group(1)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2],
                        help="the source tree to check (default: this one)")
    args = parser.parse_args()

    if not (args.root / "src").is_dir():
        print(f"{args.root}: no src folder here", file=sys.stderr)
        return 2

    found = list(offences(args.root))
    if found:
        print("GTK or libadwaita used below src/app and src/cli:", file=sys.stderr)
        for offence in found:
            print(f"  {offence}", file=sys.stderr)
        print(f"Only {', '.join(sorted(ALLOWED))} may include GTK.", file=sys.stderr)
        return 1

    print(f"{', '.join(LOWER_LAYERS)}: no GTK or libadwaita includes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
