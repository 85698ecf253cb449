#!/bin/bash
# bench/keys.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Keystroke latency in the search field of every list page, on a large
# network:
#
#   bench/keys.sh [--quick] [--runs R] [--placements N] [--db FILE]
#
# Generates N placements (bench/generate; 100,000 by default, with 20,000
# employers, 20,000 staff and 25 partners) unless --db names a database,
# then R times under one Xvfb: bench/bench-start starts the app on it and,
# once it has settled, shows the Placements, Employers, Staff, Partners and
# Groups pages in turn and on each types a word into its search field a
# letter at a time and deletes it again, twice, every keystroke timed until
# the list is filtered and a frame drawn; then, on the Placements page with
# its first row selected, picks each status in the status filter and "Any
# status" again after each, twice, timed the same way. Prints p50 and p95 a
# page (and of the filter changes) over
# all the keystrokes of all the runs (wall-clock, and the app's CPU); with
# PL_BENCH_SUMMARY=FILE it also appends "figure|ours|anchor|unit|target"
# lines to FILE (bench/run-all). The target is a frame: 16 ms at p95.
#
# Drawn with GSK_RENDERER=cairo unless the environment says otherwise (under
# Xvfb the GL renderer is llvmpipe, software GL, tens of milliseconds a
# frame). A keystroke's time includes waiting for the frame clock, up to a
# frame. --quick: 10,000 placements and one run. Not part of the test
# suite: timings depend on the machine.

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../build-aux/setup.sh"

runs=2
placements=100000
db=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) runs=1; placements=10000; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --placements) placements="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    *) echo "usage: $(basename "$0") [--quick] [--runs R] [--placements N] [--db FILE]" >&2
       exit 2 ;;
  esac
done

# A word a page, one that narrows its list over several letters in the
# generated data (bench/generate's names, towns and trading names).
pages=(placements=harb employers=harb staff=hart partners=brad groups=hull)

build="$PL_SOURCE_ROOT/build-bench"
pl_ensure_packages
pl_configure "$build" -Dbench=true --buildtype=release -Dgui_tests=false >/dev/null
ninja -C "$build" -j 2 bench/generate bench/bench-start data/gschemas.compiled >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/placements-keys-XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ -z "$db" ]]; then
  db="$work/big.db"
  "$build/bench/generate" --placements "$placements" --employers $((placements / 5)) \
    --staff $((placements / 5)) --partners 25 --out "$work/csv" --db "$db" >/dev/null
fi
# The app may write to it (reminders, settings): a copy of its own.
cp "$db" "$work/keys.db"

page_args=()
for page in "${pages[@]}"; do
  page_args+=(--page "$page")
done
mkdir -p "$work/home/cwd"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
  XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state" \
  XDG_CACHE_HOME="$work/home/.cache"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GTK_A11Y=none
export GSK_RENDERER="${GSK_RENDERER:-cairo}"
for run in $(seq "$runs"); do
  (cd "$work/home/cwd" &&
     dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
       "$build/bench/bench-start" --db "$work/keys.db" "${page_args[@]}" --erase --repeat 2 --filter) \
    >"$work/run-$run.txt" 2>"$work/run-$run.err" || { cat "$work/run-$run.err" >&2; exit 1; }
  grep -q '^RESULT' "$work/run-$run.txt" || { cat "$work/run-$run.txt" "$work/run-$run.err" >&2; exit 1; }
done

/usr/bin/python3 - "$work" "$runs" "$(sqlite3 "$db" 'SELECT count(*) FROM placement')" "${pages[@]}" <<'EOF'
import os, sys

work, runs, placements, pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
results, shown = [], {}
for run in range(1, runs + 1):
    for line in open(os.path.join(work, f"run-{run}.txt")):
        if line.startswith("RESULT"):
            results.append(dict(item.split("=", 1) for item in line.split()[1:]))

def pooled(name, key):
    values = []
    for r in results:
        values += [float(v) for v in r[f"{name}_{key}" if name else key].split(",")]
    return sorted(values)

def percentile(values, p):
    rank = max(1, min(len(values), int(-(-p * len(values) // 100))))
    return values[rank - 1]

print(f"Keystrokes in each list's search, {placements:,} placements, {runs} run(s); "
      f"renderer {os.environ.get('GSK_RENDERER', 'default')}; load average {os.getloadavg()[0]:.1f}")
print(f"  {'page':11} {'word':6} {'keys':>5} {'show page':>10} {'p50':>8} {'p95':>8} {'max':>8}"
      f" {'CPU p50':>8} {'CPU p95':>8}")
summary = []
for page in pages:
    name, word = page.split("=")
    wall, cpu = pooled(name, "keys_ms"), pooled(name, "cpu_keys_ms")
    show = sorted(float(r[f"{name}_page_ms"]) for r in results)[len(results) // 2]
    print(f"  {name:11} {word:6} {len(wall):5} {show:8.0f}ms {percentile(wall, 50):6.1f}ms "
          f"{percentile(wall, 95):6.1f}ms {wall[-1]:6.0f}ms {percentile(cpu, 50):6.1f}ms "
          f"{percentile(cpu, 95):6.1f}ms")
    summary.append(f"keystroke p50, {name}|{percentile(wall, 50):.1f}||ms|")
    summary.append(f"keystroke p95, {name}|{percentile(wall, 95):.1f}||ms|<= 16 ms")
wall, cpu = pooled("", "filter_ms"), pooled("cpu", "filter_ms")
print(f"  {'status filter':18} {len(wall):5} {'':>10} {percentile(wall, 50):6.1f}ms "
      f"{percentile(wall, 95):6.1f}ms {wall[-1]:6.0f}ms {percentile(cpu, 50):6.1f}ms "
      f"{percentile(cpu, 95):6.1f}ms")
summary.append(f"filter change p50, placements|{percentile(wall, 50):.1f}||ms|")
summary.append(f"filter change p95, placements|{percentile(wall, 95):.1f}||ms|<= 100 ms")
print("  (each word typed and deleted a letter at a time, twice a run; wall-clock until the")
print("   list is filtered and a frame drawn, and the app's CPU in that time; the status")
print("   filter: each status picked and Any status again, twice a run, with a row selected)")

out = os.environ.get("PL_BENCH_SUMMARY")
if out:
    with open(out, "a") as f:
        f.writelines(line + "\n" for line in summary)
EOF
