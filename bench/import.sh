#!/bin/bash
# bench/import.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times `placements-cli import csv` of generated data against the sqlite3
# shell's `.import` of the same files into a bare table (the table .import
# creates from the header: TEXT columns, no constraint, index or trigger),
# and against the shell loading them into the real schema with SQL
# (bench/import-times.py says how).
#
#   bench/import.sh [--placements N] [--employers M] [--staff K] [--seed S] [--runs R]
#
# Defaults: 100,000 placements, 100,000 employers, 50,000 staff, seed 1, and
# the best of 3 runs. Builds an optimised build-bench/ first. Prints one
# line a kind: rows, the times (wall and CPU) and the ratios; then, from the
# database the import filled, the store's time to open, filter and search
# each list (bench/lists). Not part of the test suite: timings depend on
# the machine.

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../build-aux/setup.sh"

placements=100000
employers=100000
staff=50000
seed=1
runs=3

while [[ $# -gt 0 ]]; do
  case "$1" in
    --placements) placements="$2"; shift 2 ;;
    --employers) employers="$2"; shift 2 ;;
    --staff) staff="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $(basename "$0") [--placements N] [--employers M] [--staff K] [--seed S] [--runs R]" >&2
       exit 2 ;;
  esac
done

build="$PL_SOURCE_ROOT/build-bench"
pl_ensure_packages
pl_configure "$build" -Dbench=true --buildtype=release -Dgui_tests=false >/dev/null
meson compile -C "$build" bench/generate bench/lists src/cli/placements-cli >/dev/null

cli="$build/src/cli/placements-cli"
work="$(mktemp -d "${TMPDIR:-/tmp}/placements-bench-XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$build/bench/generate" --out "$work/csv" --placements "$placements" \
  --employers "$employers" --staff "$staff" --seed "$seed"

/usr/bin/python3 "$PL_SOURCE_ROOT/bench/import-times.py" "$cli" "$work/csv" "$work" "$runs"

# The database the imports filled: how long the store takes to list it.
echo
"$build/bench/lists" --db "$work/ours.db"
