#!/usr/bin/python3
# bench/schedule.py
# Copyright 2026 The Placements authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The scheduler benchmark (never part of `meson test`):
#
#   1. the full size: 5,000 requests over 1,000 employers and two academic
#      years, planned three times with different seeds, time and placed count;
#   2. small tight networks written as a mixed-integer programme and solved
#      exactly by CBC and GLPK: our placed count and score against the proven
#      optimum, and the times.
#
#   bench/schedule.py [--quick]
#
# It installs coinor-cbc and glpk-utils with apt-get when they are missing
# (they are not build dependencies) and builds bench-schedule in
# build-bench with optimisation.

import argparse
import json
import os
import pathlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BUILD = ROOT / "build-bench"
TOOL = BUILD / "bench" / "bench-schedule"
CBC_TIME_LIMIT = 600
GLPK_TIME_LIMIT = 120

FULL = [
    # requests, employers, sectors, tight, seed
    (5000, 1000, 15, False, 1),
    (5000, 1000, 15, True, 1),
]

SMALL = [
    (40, 6, 2, 1), (40, 6, 2, 2), (40, 6, 2, 3),
    (60, 8, 2, 1), (60, 8, 2, 2), (60, 8, 2, 3),
    (120, 14, 3, 1), (120, 14, 3, 2), (120, 14, 3, 3),
    (200, 20, 4, 1), (200, 20, 4, 2),
    (300, 30, 5, 1), (300, 30, 5, 2),
    (500, 40, 6, 1),
]


def ensure_packages():
    missing = [pkg for pkg, tool in (("coinor-cbc", "cbc"), ("glpk-utils", "glpsol"))
               if shutil.which(tool) is None]
    if missing:
        print(f"installing {' '.join(missing)}", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *missing],
                       check=True, stdout=subprocess.DEVNULL,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def build():
    if not (BUILD / "build.ninja").exists():
        subprocess.run(["meson", "setup", str(BUILD), "--buildtype=release", "-Dwerror=true",
                        "-Dgui_tests=false"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["ninja", "-C", str(BUILD), "bench/bench-schedule"], check=True,
                   stdout=subprocess.DEVNULL)


def tool(*args):
    out = subprocess.run([str(TOOL), *map(str, args)], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out.strip().splitlines()[-1]) if out.strip() else None


def generate(path, requests, employers, sectors, tight, seed):
    args = ["generate", path, "--requests", requests, "--employers", employers,
            "--sectors", sectors, "--seed", seed]
    if tight:
        args.append("--tight")
    tool(*args)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cbc(lp, workdir):
    solution = os.path.join(workdir, "cbc.txt")
    start = children_cpu()
    subprocess.run(["cbc", lp, "sec", str(CBC_TIME_LIMIT), "solve", "solu", solution],
                   check=True, capture_output=True, text=True)
    seconds = children_cpu() - start
    with open(solution) as f:
        first = f.readline()
    match = re.search(r"objective value\s+(-?[0-9.e+]+)", first)
    return first.split(" - ")[0].strip(), float(match.group(1)), seconds


def run_glpk(lp, workdir):
    output = os.path.join(workdir, "glpk.txt")
    start = children_cpu()
    subprocess.run(["glpsol", "--lp", lp, "--tmlim", str(GLPK_TIME_LIMIT), "-o", output],
                   capture_output=True, text=True)
    seconds = children_cpu() - start
    status, objective = "?", None
    with open(output) as f:
        for line in f:
            if line.startswith("Status:"):
                status = line.split(":", 1)[1].strip()
            match = re.match(r"Objective:\s+obj = (-?[0-9.e+]+)", line)
            if match:
                objective = float(match.group(1))
    return status, objective, seconds


def split(objective, big):
    placed = int(round(objective)) // big
    return placed, int(round(objective)) - placed * big


def main():
    sys.stdout.reconfigure(line_buffering=True)
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer small networks")
    args = parser.parse_args()

    ensure_packages()
    build()

    with tempfile.TemporaryDirectory(prefix="placements-bench-") as workdir:
        # Times are CPU time, so that other work on the machine does not count.
        print("Full size (CPU ms on this machine; the plan is the same on any machine)")
        print(f"{'network':32} {'seed':>4} {'placed':>13} {'score':>9} {'load ms':>8} "
              f"{'solve ms':>9} {'greedy placed':>13}")
        for requests, employers, sectors, tight, seed in FULL:
            db = os.path.join(workdir, f"full-{tight}.db")
            generate(db, requests, employers, sectors, tight, seed)
            greedy = tool("plan", db, "--greedy")
            for run_seed in (1, 2, 3):
                ours = tool("plan", db, "--seed", run_seed)
                name = f"{requests} req, {employers} emp{', tight' if tight else ''}"
                print(f"{name:32} {run_seed:>4} {ours['placed']:>6}/{ours['requests']:<6} "
                      f"{ours['score']:>9} {ours['load_cpu_ms']:>8.0f} {ours['solve_cpu_ms']:>9.0f} "
                      f"{greedy['placed']:>13}")
            print(f"{'':32} unplaced by rule: {json.dumps(ours['unplaced_by_rule'])}; "
                  f"wall ms load {ours['load_ms']:.0f} solve {ours['solve_ms']:.0f}")

        print()
        print("Small tight networks against the exact optimum (objective = M × placed + score;")
        print(f"times are CPU time; GLPK stops after {GLPK_TIME_LIMIT} s, CBC after {CBC_TIME_LIMIT} s)")
        print(f"{'req':>4} {'emp':>4} {'seed':>4} | {'greedy':>13} | {'ours':>13} {'cpu ms':>6} | "
              f"{'optimum':>13} {'status':>10} {'CBC s':>7} {'GLPK s':>7} {'GLPK':>11} | "
              f"{'gap':>8}")
        worst = 0.0
        small = SMALL[:6] if args.quick else SMALL
        for requests, employers, sectors, seed in small:
            db = os.path.join(workdir, f"small-{requests}-{seed}.db")
            lp = os.path.join(workdir, f"small-{requests}-{seed}.lp")
            generate(db, requests, employers, sectors, True, seed)
            ours = tool("plan", db)
            greedy = tool("plan", db, "--greedy")
            big = tool("lp", db, lp)["big"]
            status, objective, cbc_seconds = run_cbc(lp, workdir)
            glpk_status, glpk_objective, glpk_seconds = run_glpk(lp, workdir)
            placed, score = split(objective, big)
            glpk_text = "-"
            if glpk_objective is not None:
                glpk_placed, glpk_score = split(glpk_objective, big)
                # "INTEGER OPTIMAL" or "INTEGER NON-OPTIMAL" (stopped by the limit)
                proven = "" if glpk_status == "INTEGER OPTIMAL" else "*"
                glpk_text = f"{glpk_placed}/{glpk_score}{proven}"
            # Placed first: one fewer placed is a gap of 1/placed whatever
            # the score; with as many placed, the gap is the score's.
            if ours["placed"] < placed:
                gap = 100.0 * (placed - ours["placed"]) / placed
                gap_text = f"-{placed - ours['placed']} pl"
            else:
                gap = 100.0 * (score - ours["score"]) / score if score else 0.0
                gap_text = f"{gap:.2f} %"
            worst = max(worst, gap)
            print(f"{requests:>4} {employers:>4} {seed:>4} | "
                  f"{greedy['placed']:>3} {greedy['score']:>9} | "
                  f"{ours['placed']:>3} {ours['score']:>9} {ours['solve_cpu_ms']:>6.1f} | "
                  f"{placed:>3} {score:>9} {status[:10]:>10} {cbc_seconds:>7.2f} "
                  f"{glpk_seconds:>7.2f} {glpk_text:>11} | {gap_text:>8}")
        print(f"worst gap to the optimum: {worst:.2f} % (a placement missed counts as 1/placed)")
        print("* GLPK stopped by its time limit with a solution it had not proven optimal")


if __name__ == "__main__":
    main()
