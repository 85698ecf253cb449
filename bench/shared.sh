#!/bin/bash
# bench/shared.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The shared (PostgreSQL) database, measured beside the same work on its
# own and beside a file:
#
#   bench/shared.sh [--quick] [--runs R]
#
# 1. On a private server (tests/pg/pg-server, in a temporary folder, stopped
#    on exit) and the sample network: bench/shared-edits with one client
#    making 1,000 edits and one plan (the anchor: the same work alone), then
#    four clients at once, each making 1,000 edits and one plan. Prints
#    both, their ratio, and asks the server whether any host ended a day
#    over its capacity or anyone was booked twice on a day.
# 2. A generated data set of 100,000 placements (20,000 employers, 50,000
#    staff) in a file, copied into a PostgreSQL database with
#    `placements-cli copy`; then, under one Xvfb, R times in turn: an empty
#    libadwaita window's start to first frame (the anchor), and the app's
#    start to first frame and keystrokes in the Placements search on the
#    file and on the server (bench/bench-start). Prints the medians and the
#    ratios. GNOME Text Editor's start is timed too when it is installed.
#
# --quick: 200 edits a client and 10,000 placements (2,000 employers, 5,000
# staff), one run. Builds an optimised build-bench/ first. Not part of the
# test suite: timings depend on the machine.

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../build-aux/setup.sh"

edits=1000
placements=100000
employers=20000
staff=50000
runs=3
word=harb

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) edits=200; placements=10000; employers=2000; staff=5000; runs=1; shift ;;
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $(basename "$0") [--quick] [--runs R]" >&2
       exit 2 ;;
  esac
done

build="$PL_SOURCE_ROOT/build-bench"
pl_ensure_packages
pl_configure "$build" -Dbench=true --buildtype=release -Dgui_tests=false >/dev/null
# Two jobs at most: the machine is shared. The schema for the app's settings
# is compiled into the build directory, as build-aux/run uses it.
ninja -C "$build" -j 2 bench/generate bench/shared-edits bench/bench-start \
  src/cli/placements-cli data/gschemas.compiled >/dev/null

cli="$build/src/cli/placements-cli"
pg_server="$PL_SOURCE_ROOT/tests/pg/pg-server"
# Under /tmp and open to others, so that the server's user can reach it.
work="$(mktemp -d /tmp/placements-shared-XXXXXX)"
chmod 711 "$work"
cleanup () {
  "$pg_server" stop "$work/pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$pg_server" start "$work/pg" >/dev/null
# A URI of database $1 for the login role $2.
database () {
  "$pg_server" createdb "$work/pg" "$1" "$2"
}
# Runs SQL $2 on database $1 as the superuser, which sees every row.
as_superuser () {
  local uri
  uri="$(database_uri "$1" postgres)"
  psql -X -qAt -v ON_ERROR_STOP=1 "$uri" -c "$2"
}
database_uri () {
  printf 'postgresql://%s@/%s?host=%s\n' "$2" "$1" "$(cat "$work/pg/socket-dir")"
}

# key=value from a RESULT line.
field () {
  sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<<" $1"
}

echo "== Coordinators editing one shared data set (sample network, local server)"
declare -A edits_result
for clients in 1 4; do
  uri="$(database "edits_$clients" bench)"
  "$cli" --db "$uri" init --sample >/dev/null
  output="$("$build/bench/shared-edits" "$uri" "$clients" "$edits")" || {
    printf '%s\n' "$output"
    echo "shared-edits failed with $clients clients" >&2
    exit 1
  }
  grep -v '^RESULT' <<<"$output"
  edits_result[$clients]="$(grep '^RESULT' <<<"$output")"
  over="$(as_superuser "edits_$clients" "
    SELECT count(*) FROM pl_host_occupancy(NULL) AS o JOIN employer AS e ON e.id = o.employer_id
     WHERE o.taken > e.capacity")"
  twice="$(as_superuser "edits_$clients" "
    SELECT count(*) FROM (SELECT p.staff_id, d.day FROM placement_day AS d
                            JOIN placement AS p ON p.id = d.placement_id
                           WHERE p.status <> 'cancelled' GROUP BY 1, 2 HAVING count(*) > 1) AS x")"
  echo "  server: $over host-days over capacity, $twice staff-days booked twice"
done
one="${edits_result[1]}"
four="${edits_result[4]}"
awk -v a="$(field "$one" edits_per_s)" -v b="$(field "$four" edits_per_s)" \
    -v c="$(field "$one" save_p95_ms)" -v d="$(field "$four" save_p95_ms)" \
    -v e="$(field "$one" plan_median_ms)" -v f="$(field "$four" plan_median_ms)" \
    'BEGIN { printf "  4 clients / 1 client: edits/s %.2f×, p95 save %.2f×, plan time %.2f×\n",
             b / a, d / c, f / e }'

echo
echo "== $placements placements ($employers employers, $staff staff): a file and the server"
start=$(date +%s.%N)
"$build/bench/generate" --placements "$placements" --employers "$employers" --staff "$staff" \
  --out "$work/csv" --db "$work/big.db" >/dev/null
printf '  generated into a file in %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
big_uri="$(database big bench)"
start=$(date +%s.%N)
"$cli" --db "$work/big.db" copy "$big_uri" >/dev/null
printf '  copied to PostgreSQL (placements-cli copy) in %.1f s\n' \
  "$(echo "$(date +%s.%N) - $start" | bc)"

# The app's runs, under one X server and one session bus for all.
mkdir -p "$work/cwd"
cat >"$work/starts.sh" <<EOF
#!/bin/bash
set -euo pipefail
cd "$work/cwd"
for run in \$(seq $runs); do
  echo "empty \$("$build/bench/bench-start" --empty | grep '^RESULT')"
  echo "sqlite \$("$build/bench/bench-start" --db "$work/big.db" --type $word | grep '^RESULT')"
  echo "postgresql \$("$build/bench/bench-start" --db "$big_uri" --type $word | grep '^RESULT')"
done
EOF
chmod +x "$work/starts.sh"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GTK_A11Y=none
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" "$work/starts.sh" \
  >"$work/starts.txt" 2>"$work/starts.err" || { cat "$work/starts.err" >&2; exit 1; }

if command -v gnome-text-editor >/dev/null 2>&1; then
  echo "  (gnome-text-editor is installed, but timing its start needs a hook of ours;"
  echo "   the empty libadwaita window stands in for it)"
else
  echo "  GNOME Text Editor is not installed: the anchor is an empty libadwaita window"
  echo "  (a header bar and a status page) started the same way in the same run."
fi

/usr/bin/python3 - "$work/starts.txt" "$runs" <<'EOF'
import statistics, sys

rows = {}
for line in open(sys.argv[1]):
    kind, _, rest = line.partition(" ")
    values = dict(item.split("=") for item in rest.split()[1:])
    rows.setdefault(kind, []).append({k: float(v) for k, v in values.items()})

def median(kind, key):
    return statistics.median(r[key] for r in rows[kind])

empty = median("empty", "first_frame_ms")
print(f"  medians of {sys.argv[2]} run(s), wall-clock ms; ratios against the empty window "
      f"({empty:.0f} ms) and PostgreSQL / SQLite:")
print(f"  {'measure':42} {'SQLite':>9} {'PostgreSQL':>11} {'PG/SQLite':>10}")
for key, label, anchored in [
        ("first_frame_ms", "start to first frame", True),
        ("first_frame_cpu_ms", "  its CPU (the app's process)", False),
        ("settled_ms", "start to settled (idle after the frame)", True),
        ("page_ms", "showing the Placements page", False),
        ("key1_ms", "first keystroke in its search", False),
        ("key_median_ms", "keystrokes, median", False),
        ("key_max_ms", "keystrokes, slowest", False)]:
    s, p = median("sqlite", key), median("postgresql", key)
    extra = f"   ({s / empty:.2f}× and {p / empty:.2f}× the empty window)" if anchored else ""
    print(f"  {label:42} {s:9.1f} {p:11.1f} {p / s:9.2f}×{extra}")
shown = lambda kind: " ".join(str(int(rows[kind][0][k])) for k in sorted(rows[kind][0])
                               if k.startswith("shown"))
print(f"  rows shown after each letter: SQLite {shown('sqlite')}, PostgreSQL {shown('postgresql')}")
EOF
if [[ -d "$work/cwd" ]] && [[ -n "$(ls -A "$work/cwd")" ]]; then
  echo "  note: the app made folders in its current folder: $(cd "$work/cwd" && find . -mindepth 1 | head -3 | tr '\n' ' ')"
fi
