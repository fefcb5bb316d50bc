#!/usr/bin/env python3
"""Side-by-side table from `adafocus bench --json` outputs and bench_official.py outputs.

Each file is a run's stdout (its last line is the JSON report). Pass the runs in the order they were made, our
side and the official side alternately (A B A B ...): round i pairs the i-th file of each side. Per model and batch
size the table gives both sides' ms/video (median over rounds), the official / ours time ratio (median of the
per-round ratios, then each round's ratio in order) and each side's speed-up over its own ResNet-50 baseline divided
by the FLOPs ratio (median over rounds).
"""

import argparse
import json
import statistics


def last_json(path):
    with open(path) as f:
        lines = [line for line in f.read().splitlines() if line.strip()]
    return json.loads(lines[-1])


def by_model(report):
    return {(m["name"], b["batch"]): (m, b) for m in report["models"] for b in m["batches"]}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--ours", nargs="+", required=True, help="adafocus bench --json outputs, one per round")
    p.add_argument("--official", nargs="+", required=True, help="bench_official.py outputs, one per round")
    a = p.parse_args()
    if len(a.ours) != len(a.official):
        p.error("give as many official runs as runs of ours (one pair per round)")
    ours = [by_model(last_json(f)) for f in a.ours]
    theirs = [by_model(last_json(f)) for f in a.official]
    print("| model | batch | GFLOPs/video | ours ms/video | official ms/video | official / ours (per round) "
          "| ours speed-up / FLOPs | official speed-up / FLOPs |")
    print("|---|---|---|---|---|---|---|---|")
    for key in ours[0]:
        if not all(key in r for r in ours + theirs):
            continue
        name, batch = key
        o = [r[key][1]["ms_per_video"] for r in ours]
        t = [r[key][1]["ms_per_video"] for r in theirs]
        ratios = [ti / oi for oi, ti in zip(o, t)]
        o_eff = statistics.median(r[key][1]["speedup_over_flops_ratio"] for r in ours)
        t_eff = statistics.median(r[key][1]["speedup_over_flops_ratio"] for r in theirs)
        print("| %s | %d | %.2f | %.0f | %.0f | %.2f× (%s) | %.2f | %.2f |" % (
            name, batch, ours[0][key][0]["gflops_per_video"], statistics.median(o), statistics.median(t),
            statistics.median(ratios), ", ".join("%.2f" % r for r in ratios), o_eff, t_eff))


if __name__ == "__main__":
    main()
