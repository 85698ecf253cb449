#!/usr/bin/python3
# tests/meta/check-flatpak.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The Flatpak manifest must parse, describe this app, and build every
# dependency that the meson.build files ask for and the GNOME runtime does not
# ship (libxlsxwriter at least), before the app itself.
#
#   check-flatpak.py [--root DIR]

import argparse
import json
import pathlib
import re
import sys

APP_ID = "org.placements.Placements"
MANIFEST = pathlib.Path("flatpak") / f"{APP_ID}.json"

# pkg-config names the org.gnome.Platform 43 runtime provides, and meson's
# built-in dependencies, which need no module.
RUNTIME_PROVIDES = {
    "glib-2.0", "gio-2.0", "gio-unix-2.0", "gobject-2.0", "gmodule-2.0", "gthread-2.0",
    "sqlite3", "json-glib-1.0", "cairo", "cairo-pdf", "pango", "pangocairo",
    "gtk4", "gdk-pixbuf-2.0", "libadwaita-1", "libical", "libical-glib", "zlib", "libxml-2.0",
    "libsecret-1",
    "threads", "intl", "dl", "m",
}

# pkg-config name → the module that builds it, where the names differ beyond
# a "lib" prefix.
MODULE_FOR = {
    "xlsxwriter": "libxlsxwriter",
}

DEPENDENCY_CALL = re.compile(r"\bdependency\s*\(\s*'([^']+)'([^)]*)\)")
OPTIONAL = re.compile(r"\brequired\s*:\s*false\b")
SKIPPED_DIRS = {".git", "flatpak", "subprojects"}


def meson_files(root):
    """The root meson.build, then every other one in the tree."""
    yield root / "meson.build"
    for path in sorted(root.rglob("meson.build")):
        relative = path.relative_to(root)
        if len(relative.parts) > 1 and relative.parts[0] not in SKIPPED_DIRS:
            yield path


def required_dependencies(root):
    names = {}
    for path in meson_files(root):
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        # Drop comments so that a commented-out dependency() does not count.
        text = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        for match in DEPENDENCY_CALL.finditer(text):
            if OPTIONAL.search(match.group(2)):
                continue
            names.setdefault(match.group(1), path.relative_to(root).as_posix())
    return names


def module_names(name):
    """Names a module building pkg-config package NAME may have."""
    base = re.sub(r"-[0-9.]+$", "", name)  # json-glib-1.0 → json-glib
    candidates = {name, base, "lib" + base, base.removeprefix("lib")}
    if name in MODULE_FOR:
        candidates.add(MODULE_FOR[name])
    return candidates


def all_modules(modules):
    """Module dicts in build order, nested modules before their parent."""
    for module in modules:
        if isinstance(module, str):
            # A module in a file of its own: its name is the file's stem.
            yield {"name": pathlib.Path(module).stem}
            continue
        yield from all_modules(module.get("modules", []))
        yield module


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", type=pathlib.Path,
                        default=pathlib.Path(__file__).resolve().parents[2],
                        help="the source tree to check (default: this one)")
    args = parser.parse_args()
    root = args.root
    manifest_path = root / MANIFEST

    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{MANIFEST}: {error}", file=sys.stderr)
        return 1

    problems = []

    def expect(key, value):
        if manifest.get(key) != value:
            problems.append(f"{MANIFEST}: {key} is {manifest.get(key)!r}, expected {value!r}")

    expect("app-id", APP_ID)
    expect("runtime", "org.gnome.Platform")
    expect("sdk", "org.gnome.Sdk")
    expect("command", "placements")

    finish_args = manifest.get("finish-args", [])
    if "--share=network" in finish_args:
        problems.append(f"{MANIFEST}: the app must not have network access")

    modules = list(all_modules(manifest.get("modules", [])))
    names = [module.get("name") for module in modules]
    if not modules or names[-1] != "placements":
        problems.append(f"{MANIFEST}: the last module must be placements, not {names[-1:]}")
    elif modules[-1].get("buildsystem") != "meson":
        problems.append(f"{MANIFEST}: the placements module must use buildsystem meson")

    needed = required_dependencies(root)
    if not needed:
        problems.append("meson.build: no dependency() calls found; is this the right tree?")

    for dependency, where in sorted(needed.items()):
        if dependency in RUNTIME_PROVIDES:
            continue
        candidates = module_names(dependency)
        built = [index for index, name in enumerate(names) if name in candidates]
        if not built:
            problems.append(f"{where}: dependency '{dependency}' is not in the GNOME runtime "
                            f"and no module in {MANIFEST} builds it "
                            f"(expected one named {' or '.join(sorted(candidates))})")
        elif names and names[-1] == "placements" and built[0] == len(names) - 1:
            problems.append(f"{MANIFEST}: the module for '{dependency}' must come before placements")
        else:
            print(f"{dependency}: built by module {names[built[0]]}")

    if problems:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1

    print(f"{MANIFEST}: ok ({len(needed)} dependencies, {len(modules)} modules)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
