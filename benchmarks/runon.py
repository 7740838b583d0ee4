#!/usr/bin/env python3
"""Extraction time on one run-on "sentence": share and area figures joined by commas, no full
stop and no party named (the worst case for the readers' look-around of each figure), at 10, 20
and 40 KB. Each size is timed in this process after a warm-up; the figures that matter are the
ratios between sizes: at most ~2.2x for twice the text means the time grows linearly.

    python benchmarks/runon.py [--sizes 10 20 40] [--repeat 3] [--profile]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

PIECES = ("{a}% of the area", "{b}.5 km2 of fields", "{c}% of homes", "{d} hectares of farmland",
          "{e}% of the roads", "{b}.2 square kilometres of forest")


def runon(kb: int) -> str:
    """A comma-joined list of figures, ``kb`` kilobytes long, without a stop."""
    parts, n, i = [], 0, 0
    while n < kb * 1000:
        p = PIECES[i % len(PIECES)].format(a=i % 97 + 1, b=i % 13 + 1, c=(i * 7) % 89 + 1,
                                           d=i % 500 + 10, e=(i * 3) % 71 + 1)
        parts.append(p)
        n += len(p) + 2
        i += 1
    return ", ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 20, 40])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="profile the largest size, top functions")
    args = ap.parse_args()

    from kursk_claims.core.article import Article
    from kursk_claims.run.extract import build_pipeline, extract_article

    nlp = build_pipeline()
    extract_article(nlp, Article("warm.txt", runon(2)))  # warm-up: lexicon and caches
    times = {}
    for kb in args.sizes:
        text = runon(kb)
        runs = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            n = len(extract_article(nlp, Article(f"runon{kb}.txt", text)))
            runs.append(time.perf_counter() - t)
        times[kb] = statistics.median(runs)
        print(f"{kb:>4} KB  {len(text):>7} chars  {n:>5} claims  {times[kb]:7.3f} s")
    sizes = args.sizes
    worst = 0.0
    for a, b in zip(sizes, sizes[1:]):
        ratio = times[b] / times[a]
        per = ratio / (b / a) * 2  # scaled to a doubling
        worst = max(worst, per)
        print(f"{a} -> {b} KB: {ratio:.2f}x (per doubling {per:.2f}x)")
    print(f"worst per doubling: {worst:.2f}x ({'linear' if worst <= 2.2 else 'SUPER-LINEAR'})")
    if args.profile:
        text = runon(sizes[-1])
        prof = cProfile.Profile()
        prof.enable()
        extract_article(nlp, Article("runon.txt", text))
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(20)


if __name__ == "__main__":
    main()
