#!/usr/bin/python3
# tests/meta/test-layers-detects.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Tests the layers check itself on fixture trees: it must reject a core file
# that includes GTK (or libadwaita), SQL outside core, and an include
# against the layering; it must accept the print entry point.
#
#   test-layers-detects.py PATH/TO/check-layers.py

import pathlib
import subprocess
import sys
import tempfile


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def run_check(script, root):
    result = subprocess.run([sys.executable, str(script), "--root", str(root)],
                            stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, check=False)
    return result.returncode, result.stdout + result.stderr


CLEAN = {
    "src/core/pl-store.c": ('#include "config.h"\n#include <glib.h>\n#include <sqlite3.h>\n'
                            '#include "pl-db-private.h"\n'
                            'static const char *q = "SELECT id FROM placement";\n'),
    "src/core/pl-store.h": "#pragma once\n#include <glib-object.h>\n",
    "src/core/pl-db-private.h": "#pragma once\ntypedef struct _PlDb PlDb;\n",
    "src/schedule/pl-solver.h": '#pragma once\n#include <glib-object.h>\n#include "pl-store.h"\n',
    "src/schedule/pl-calendar.h": "#pragma once\n",
    "src/export/pl-csv.c": ('#include "pl-calendar.h"\n'
                            '/* SELECT id FROM placement is what the store runs */\n'
                            'const char *label = "Select an employer";\n'),
    "src/export/pl-pack.c": "#include <pango/pangocairo.h>\n/* not <gtk/gtk.h> */\n",
    "src/export/pl-pack-print.c": "#include <gtk/gtk.h>\n",
    "src/app/pl-window.c": "#include <adwaita.h>\n#include <gtk/gtk.h>\n",
}

BAD = [
    ("src/core/pl-bad.c", "#include <glib.h>\n#include <gtk/gtk.h>\n"),
    ("src/schedule/pl-bad.h", "#pragma once\n#  include \"gtk/gtkwidget.h\"\n"),
    ("src/export/pl-bad.c", "#include <adwaita.h>\n"),
    ("src/export/sub/pl-pack-print.c", "#include <gtk/gtk.h>\n"),
    ("src/app/pl-bad.c", "void f (sqlite3 *db) { sqlite3_exec (db, s, 0, 0, 0); }\n"),
    ("src/app/pl-bad2.c", '#include <sqlite3.h>\n'),
    ("src/cli/pl-bad.c", 'static const char *q = "SELECT name FROM staff WHERE id = ?";\n'),
    ("src/export/pl-bad2.c", '#include "pl-db-private.h"\n'),
    ("src/schedule/pl-bad.c", "static void f (PlStmt *s) { pl_stmt_next (s, NULL); }\n"),
    ("src/core/pl-bad2.c", '#include "pl-calendar.h"\n'),
    ("src/schedule/pl-bad2.c", '#include "pl-csv.h"\n'),
]


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} PATH/TO/check-layers.py", file=sys.stderr)
        return 2
    script = pathlib.Path(sys.argv[1])
    failures = 0

    with tempfile.TemporaryDirectory(prefix="placements-layers-") as tmp:
        clean = pathlib.Path(tmp) / "clean"
        for relative, text in CLEAN.items():
            write(clean, relative, text)
        status, output = run_check(script, clean)
        if status != 0:
            print(f"FAIL: a clean tree was rejected (exit {status}):\n{output}")
            failures += 1
        else:
            print("ok: a clean tree, with the print entry point, passes")

        for index, (relative, text) in enumerate(BAD):
            tree = pathlib.Path(tmp) / f"bad-{index}"
            for clean_relative, clean_text in CLEAN.items():
                write(tree, clean_relative, clean_text)
            write(tree, relative, text)
            if relative == "src/schedule/pl-bad2.c":
                write(tree, "src/export/pl-csv.h", "#pragma once\n")
            status, output = run_check(script, tree)
            if status != 1 or relative not in output:
                print(f"FAIL: {relative} was not reported (exit {status}):\n{output}")
                failures += 1
            else:
                print(f"ok: {relative} is reported")

    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
