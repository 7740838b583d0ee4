#!/usr/bin/env python3
"""Time and memory of conflict finding on synthetic claims: 100k and 1M claims in a few
thousand quantity groups. Each size runs in a fresh process; the figures that matter are the
ratios between sizes (near 10x for 10x the claims means near-linear growth).

    python benchmarks/conflicts_bench.py [--sizes 100000 1000000] [--groups 3000] [--check]
    python benchmarks/conflicts_bench.py --real [--sizes 100000 1000000] [--check]

The timed part is grouping and comparing (claims are made before the clock starts); the
cycle collector is paused and the claims frozen out of its reach while they are grouped.

With ``--real``, the claims are the corpora's own (seeds/, eval/dev, eval/wars, extracted once
into benchmarks/out/), copied until there are as many as asked, each copy in an article of its
own, written as a JSON Lines file; the figure is the whole ``kursk-claims conflicts FILE -f
jsonl`` process (reading, grouping, comparing, writing the conflicts): its wall time and peak
resident memory.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

MEASURES = ("deployed", "casualties", "killed", "area", "share")


def synthetic_claims(n: int, groups: int, seed: int = 1):
    """Claims around a base figure per group: most agree within ~5%, 1 in 200 is a slip
    (a lost 'thousand'), 1 in 100 is far off."""
    import datetime as dt

    from kursk_claims.core.records import Claim

    rng = random.Random(seed)
    start = dt.date(2024, 11, 1)
    days = [(start + dt.timedelta(days=d)).isoformat() for d in range(10)]  # levels within the window, totals a few days apart
    bases = [10 ** rng.uniform(3, 6) for _ in range(groups)]
    out = []
    for i in range(n):
        g = i % groups
        base = bases[g]
        r = rng.random()
        value = base / 1000 if r < 0.005 else base * rng.uniform(2.5, 4) if r < 0.015 else base * rng.uniform(0.97, 1.03)
        value = round(value)
        out.append(Claim(id=f"c{i}", article=f"a{i // 8}", start=0, end=5, text=f"about {value}", value=value,
                         low=value * 0.9, high=value * 1.1, bound="approx", measure=MEASURES[g % len(MEASURES)],
                         subject=f"Party {g}", counted="troops", source=f"Outlet {i % 50}", as_of=days[i % 10],
                         actor=f"Party {g}" if MEASURES[g % len(MEASURES)] in ("area", "share") else None,
                         published=days[i % 10]))
    return out


ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
CORPORA = ("seeds", "eval/dev/articles", "eval/wars/articles")


def corpus_claims() -> list[dict]:
    """The corpora's claims, extracted once (kept in benchmarks/out/corpus_claims.jsonl)."""
    path = OUT / "corpus_claims.jsonl"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        with open(path.with_suffix(".tmp"), "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, "-m", "kursk_claims", "extract", "--no-store", "-f", "jsonl",
                            *(str(ROOT / c) for c in CORPORA)], stdout=f, check=True, cwd=ROOT)
        path.with_suffix(".tmp").replace(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def real_claims_file(n: int) -> Path:
    """``n`` claims copied from the corpora's, each copy in an article of its own."""
    path = OUT / f"real_claims_{n}.jsonl"
    if path.exists():
        return path
    base = corpus_claims()
    with open(path.with_suffix(".tmp"), "w", encoding="utf-8") as f:
        for i in range(n):
            k, c = divmod(i, len(base))
            d = dict(base[c])
            if k:
                d["id"] = f"{d['id']}-{k}"
                d["article"] = f"{d['article']}#{k}"
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    path.with_suffix(".tmp").replace(path)
    return path


_MEASURED = """
import resource, subprocess, sys, time
t = time.perf_counter()
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
seconds = time.perf_counter() - t
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)
"""


def run_real(n: int) -> dict:
    path = real_claims_file(n)
    out = OUT / f"real_conflicts_{n}.jsonl"
    cmd = [sys.executable, "-m", "kursk_claims", "conflicts", str(path), "-f", "jsonl", "-o", str(out)]
    proc = subprocess.run([sys.executable, "-c", _MEASURED, *cmd], capture_output=True, text=True, check=True)
    seconds, peak = map(float, proc.stdout.split())
    with open(out, "rb") as f:
        conflicts = sum(1 for _ in f)
    out.unlink()
    return {"claims": n, "conflicts": conflicts, "seconds": round(seconds, 2), "peak_mb": round(peak, 1)}


def run_one(n: int, groups: int) -> dict:
    from kursk_claims.comparing.conflicts import find_conflicts, group_claims

    claims = synthetic_claims(n, groups)
    t = time.perf_counter()
    found_groups, _ = group_claims(claims)
    conflicts = find_conflicts(claims, found_groups)
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": n, "groups": len(found_groups), "conflicts": len(conflicts), "seconds": round(seconds, 2),
            "peak_mb": round(peak, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--groups", type=int, default=3000)
    ap.add_argument("--check", action="store_true", help="exit 1 when time or memory grows faster than the claims")
    ap.add_argument("--real", action="store_true",
                    help="the corpora's claims copied, through the whole `conflicts` command")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.real:
        rows = []
        for n in a.sizes:
            rows.append(run_real(n))
            print(json.dumps(rows[-1]))
        report(rows, a.check)
        return
    if a.one:
        print(json.dumps(run_one(a.one, a.groups)))
        return
    rows = []
    for n in a.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--groups", str(a.groups)],
                             capture_output=True, text=True, check=True, env=os.environ)
        rows.append(json.loads(out.stdout))
        print(json.dumps(rows[-1]))
    report(rows, a.check)


def report(rows: list[dict], check: bool) -> None:
    near_linear = True
    for small, big in zip(rows, rows[1:]):
        k = big["claims"] / small["claims"]
        time_x, memory_x = big["seconds"] / small["seconds"], big["peak_mb"] / small["peak_mb"]
        near_linear &= time_x <= k and memory_x <= k
        print(f"{k:.0f}x the claims: {time_x:.1f}x the time, {memory_x:.1f}x the peak memory, "
              f"{big['conflicts'] / max(small['conflicts'], 1):.1f}x the conflicts")
    print("near-linear (time and memory grow no faster than the claims):", "yes" if near_linear else "NO")
    if check and not near_linear:
        sys.exit(1)


if __name__ == "__main__":
    main()
