#!/bin/bash
# bench/start.sh
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The app's start and resident memory against GNOME Text Editor's:
#
#   bench/start.sh [--quick] [--runs R] [--placements N]
#
# Under one Xvfb and one session bus, R rounds, each in turn:
# `gnome-text-editor --standalone`, the app on the sample network
# (`placements-cli init --sample`) and the app on a generated network of N
# placements (bench/generate; 100,000 by default, with 20,000 employers,
# 20,000 staff and 25 partners). Each is started by bench/window-start,
# which times every program the same way, from outside: from the fork to
# its first top-level window being mapped, then its resident memory
# (VmRSS) 3 s later. Then bench/bench-start times the app's own first frame
# (the first "after-paint" of its window) on both networks, and an empty
# libadwaita window the same way. Prints the medians and the ratios
# (Placements / GNOME Text Editor); with PL_BENCH_SUMMARY=FILE it also
# appends "figure|ours|anchor|unit|target" lines to FILE (bench/run-all).
#
# Every program gets a fresh, empty HOME and XDG folders in each round, so
# the editor restores no session and neither finds a cache of its own;
# GSettings is in memory and accessibility off for both. Both draw with
# GSK_RENDERER=cairo unless the environment says otherwise: under Xvfb the
# GL renderer is llvmpipe, which charges software GL to every frame.
# gnome-text-editor (Debian 12: 43.2) is installed with apt-get when
# missing. The build is build-bench/, optimised (release) as the build a
# user runs (build-aux/run). --quick: 10,000 placements and one round.
# Not part of the test suite: timings depend on the machine.

set -euo pipefail

# shellcheck source=build-aux/setup.sh
source "$(dirname "${BASH_SOURCE[0]}")/../build-aux/setup.sh"

runs=3
placements=100000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) runs=1; placements=10000; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --placements) placements="$2"; shift 2 ;;
    *) echo "usage: $(basename "$0") [--quick] [--runs R] [--placements N]" >&2
       exit 2 ;;
  esac
done
employers=$((placements / 5))
staff=$((placements / 5))

if ! command -v gnome-text-editor >/dev/null 2>&1; then
  sudo=()
  [[ "$(id -u)" -ne 0 ]] && sudo=(sudo -n)
  pl_log "installing gnome-text-editor, the anchor of the start-up benchmark"
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends \
    gnome-text-editor >/dev/null
fi
editor_version="$(dpkg-query -W -f '${Version}' gnome-text-editor 2>/dev/null || echo unknown)"

build="$PL_SOURCE_ROOT/build-bench"
pl_ensure_packages
pl_configure "$build" -Dbench=true --buildtype=release -Dgui_tests=false >/dev/null
ninja -C "$build" -j 2 bench/generate bench/bench-start bench/window-start \
  src/app/placements src/cli/placements-cli data/gschemas.compiled >/dev/null

work="$(mktemp -d "${TMPDIR:-/tmp}/placements-start-XXXXXX")"
trap 'rm -rf "$work"' EXIT

"$build/src/cli/placements-cli" --db "$work/sample.db" init --sample >/dev/null
"$build/bench/generate" --placements "$placements" --employers "$employers" --staff "$staff" \
  --partners 25 --out "$work/csv" --db "$work/big.db" >/dev/null
# Read once, so that the first round is not charged for the page cache.
cat "$work/sample.db" "$work/big.db" >/dev/null

cat >"$work/rounds.sh" <<EOF
#!/bin/bash
set -euo pipefail
# A fresh home for every program started.
fresh () {
  rm -rf "$work/home"
  mkdir -p "$work/home/.config" "$work/home/.local/share" "$work/home/.local/state" \
           "$work/home/.cache" "$work/home/cwd"
  cd "$work/home/cwd"
}
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
  XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state" \
  XDG_CACHE_HOME="$work/home/.cache"
# Each copies the program's /proc/PID/smaps to a file: the last round's stay.
editor () { "$build/bench/window-start" --smaps "\$1" -- gnome-text-editor --standalone; }
app () { "$build/bench/window-start" --smaps "\$2" -- "$build/src/app/placements" --db "\$1"; }
# One round of each first, not counted: the system's own caches warm up.
fresh; editor /dev/null >/dev/null
fresh; app "$work/sample.db" /dev/null >/dev/null
for run in \$(seq $runs); do
  fresh; echo "editor \$(editor "$work/smaps-editor.txt" | grep '^RESULT')"
  fresh; echo "sample \$(app "$work/sample.db" "$work/smaps-sample.txt" | grep '^RESULT')"
  fresh; echo "big \$(app "$work/big.db" "$work/smaps-big.txt" | grep '^RESULT')"
  fresh; echo "frame_empty \$("$build/bench/bench-start" --empty | grep '^RESULT')"
  fresh; echo "frame_sample \$("$build/bench/bench-start" --db "$work/sample.db" | grep '^RESULT')"
  fresh; echo "frame_big \$("$build/bench/bench-start" --db "$work/big.db" | grep '^RESULT')"
done
EOF
chmod +x "$work/rounds.sh"
export GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory GTK_A11Y=none
export GSK_RENDERER="${GSK_RENDERER:-cairo}"
dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" "$work/rounds.sh" \
  >"$work/rounds.txt" 2>"$work/rounds.err" || { cat "$work/rounds.err" >&2; exit 1; }

/usr/bin/python3 - "$work/rounds.txt" "$runs" "$placements" "$editor_version" "$work" <<'EOF'
import collections, os, re, statistics, sys

path, runs, placements, version, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = {}
for line in open(path):
    kind, _, rest = line.partition(" ")
    values = dict(item.split("=", 1) for item in rest.split()[1:])
    rows.setdefault(kind, []).append({k: float(v) for k, v in values.items() if "," not in v})

def median(kind, key):
    return statistics.median(r[key] for r in rows[kind])

def spread(kind, key):
    values = [r[key] for r in rows[kind]]
    return f"{min(values):.0f}–{max(values):.0f}" if len(values) > 1 else ""

big = f"{placements:,} placements"
print(f"Start and memory, medians of {runs} round(s); GNOME Text Editor {version} "
      f"--standalone is the anchor; renderer {os.environ.get('GSK_RENDERER', 'default')}; "
      f"load average {os.getloadavg()[0]:.1f}")
print(f"  {'measure':44} {'Placements':>11} {'(range)':>12} {'Text Editor':>12} {'ratio':>7}")
summary = []
for kind, label in [("sample", "sample network"), ("big", big)]:
    for key, what, unit, scale, target in [
            ("mapped_ms", "start to window mapped", "ms", 1, "<= 1.0×"),
            ("mapped_cpu_ms", "  its CPU until then", "ms", 1, ""),
            ("rss_kb", "resident memory 3 s after", "MB", 1 / 1024, "<= 1.1×")]:
        ours, anchor = median(kind, key) * scale, median("editor", key) * scale
        values = [x[key] * scale for x in rows[kind]]
        r = f"{min(values):.0f}–{max(values):.0f}" if len(values) > 1 else ""
        print(f"  {what + ', ' + label:44} {ours:9.0f}{unit:>2} {r:>12} {anchor:10.0f}{unit:>2} "
              f"{ours / anchor:6.2f}×")
        if target:
            summary.append(f"{what}, {label}|{ours:.0f}|{anchor:.0f}|{unit}|{target}")
empty = median("frame_empty", "first_frame_ms")
print(f"  the app's own first frame (bench-start), against an empty libadwaita window "
      f"({empty:.0f} ms):")
for kind, label in [("frame_sample", "sample network"), ("frame_big", big)]:
    ms = median(kind, "first_frame_ms")
    print(f"  {'start to first frame, ' + label:44} {ms:9.0f}ms {spread(kind, 'first_frame_ms'):>12} "
          f"{'':12} {ms / empty:6.2f}× empty")
    summary.append(f"start to first frame, {label} (vs empty window)|{ms:.0f}|{empty:.0f}|ms|")

# Where the resident memory of the last round goes, by kind of mapping.
def account(name):
    kinds = collections.Counter()
    kind = None
    for line in open(os.path.join(work, f"smaps-{name}.txt")):
        head = re.match(r"^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \d+\s*(.*)$", line)
        if head:
            where = head.group(1).strip()
            kind = ("heap (malloc)" if where == "[heap]" else
                    "anonymous (malloc arenas, GTK, mmap)" if where == "" else
                    "stack" if where.startswith("[stack") else
                    "fonts" if re.search(r"\.(ttf|otf|ttc|pfb)$|fontconfig", where) else
                    "the database" if where.endswith(".db") or where.endswith(".db-shm") else
                    "code and data of libraries" if ".so" in where or where.startswith("/usr/bin")
                        or "/build-bench/" in where else
                    "icons, themes, locales, other files" if where.startswith("/") else
                    "other (" + where + ")")
        elif line.startswith("Rss:") and kind:
            kinds[kind] += int(line.split()[1])
    return kinds
try:
    editor, ours_sample, ours = account("editor"), account("sample"), account("big")
    print(f"  where the resident memory goes, last round, MB (/proc/PID/smaps, Rss):")
    print(f"  {'kind of mapping':44} {'large':>8} {'sample':>8} {'Editor':>8} {'large − Editor':>15}")
    for kind in sorted(set(editor) | set(ours), key=lambda k: -ours.get(k, 0)):
        a, b, c = ours.get(kind, 0) / 1024, ours_sample.get(kind, 0) / 1024, editor.get(kind, 0) / 1024
        if max(a, b, c) < 0.1:
            continue
        print(f"  {kind:44} {a:8.1f} {b:8.1f} {c:8.1f} {a - c:15.1f}")
except FileNotFoundError:
    pass

out = os.environ.get("PL_BENCH_SUMMARY")
if out:
    with open(out, "a") as f:
        f.writelines(line + "\n" for line in summary)
EOF
