#!/usr/bin/env python3
"""Speed and memory of ``kursk-claims extract``, as ratios measured in one run.

    python benchmarks/throughput.py [--mb 3] [--skip-memory]

- builds a corpus of a few MB from the seed articles, each copy with its figures changed
  so no two articles are alike;
- throughput of the full pipeline (articles/s, MB/s) and its ratio to tokenising the same
  text with ``spacy.blank("en")`` (target: at most 2x);
- ``--workers 2`` speed-up over one process;
- peak memory of the command on the corpus at 1x and 10x its size (target: at most 1.3x
  growth), each in a fresh process.
"""
from __future__ import annotations

import argparse
import collections
import json
import math
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def build_corpus(target_mb: float, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < target_mb * 1e6:
        text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), seeds[i % len(seeds)])
        out.append({"id": f"bench-{i}", "text": text})
        size += len(text.encode("utf-8"))
        i += 1
    return out


def drain(items) -> None:
    """Consume a stream without keeping it, as the command does."""
    collections.deque(items, maxlen=0)


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def cpu_timed(fn) -> float:
    """CPU seconds of this process: steadier than the wall clock on a shared machine."""
    t = time.process_time()
    fn()
    return time.process_time() - t


_MEASURED = """
import atexit, sys
def _peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("PEAK_KB " + line.split()[1] + "\\n")
atexit.register(_peak)
from kursk_claims.cli import main
sys.argv = ["kursk-claims"] + sys.argv[1:]
main()
"""


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of one command, in MB: the process's own high-water mark
    (/proc/self/status VmHWM), which, unlike ru_maxrss, does not count the parent it forked from."""
    proc = subprocess.run([sys.executable, "-c", _MEASURED, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    peak = [line for line in proc.stderr.splitlines() if line.startswith("PEAK_KB ")]
    if proc.returncode != 0 or not peak:
        raise SystemExit(f"kursk-claims {' '.join(args)} failed: {proc.stderr[-500:]}")
    return int(peak[-1].split()[1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=3.0, help="corpus size in MB (default 3)")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    import spacy

    from kursk_claims.pipeline import build_pipeline

    corpus = build_corpus(a.mb)
    texts = [r["text"] for r in corpus]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    blank = spacy.blank("en")
    nlp = build_pipeline()
    list(nlp.pipe(texts[:20]))  # warm the caches of both
    list(blank.pipe(texts[:20]))
    # CPU time, best of three, alternating: a busy moment on a shared machine does not decide the ratio
    t_tok, t_full = math.inf, math.inf
    for _ in range(3):
        t_tok = min(t_tok, cpu_timed(lambda: drain(blank.pipe(texts, batch_size=64))))
        t_full = min(t_full, cpu_timed(lambda: drain(nlp.pipe(texts, batch_size=64))))
    from kursk_claims.articles import Article
    from kursk_claims.extract import extract_articles

    arts = [Article(r["id"], r["text"]) for r in corpus]
    t_one = timed(lambda: drain(extract_articles(nlp, arts, batch_size=32)))
    t_two = timed(lambda: drain(extract_articles(nlp, arts, batch_size=32, workers=2)))
    t_spacy_two = timed(lambda: drain(nlp.pipe(texts, batch_size=64, n_process=2)))
    r = {
        "articles": len(texts),
        "corpus_mb": round(mb, 2),
        "tokenise_s": round(t_tok, 2),
        "pipeline_s": round(t_full, 2),
        "articles_per_s": round(len(texts) / t_full, 1),
        "mb_per_s": round(mb / t_full, 2),
        "ratio_to_tokenising": round(t_full / t_tok, 2),
        "extract_1_worker_s": round(t_one, 2),
        "extract_2_workers_s": round(t_two, 2),
        "workers_2_speedup": round(t_one / t_two, 2),
        "spacy_n_process_2_speedup": round(t_full / t_spacy_two, 2),
    }
    if not a.skip_memory:
        with tempfile.TemporaryDirectory() as tmp:
            exe = ["extract", "--no-store", "-f", "jsonl"]
            one = Path(tmp) / "x1.jsonl"
            ten = Path(tmp) / "x10.jsonl"
            one.write_text("\n".join(json.dumps(r) for r in corpus), encoding="utf-8")
            ten.write_text("\n".join(json.dumps(dict(r, id=f"{r['id']}-{k}")) for k in range(10) for r in corpus), encoding="utf-8")
            m1 = peak_rss_mb(exe + [str(one)])
            m10 = peak_rss_mb(exe + [str(ten)])
        r.update({"peak_mb_1x": round(m1, 1), "peak_mb_10x": round(m10, 1), "memory_growth_10x": round(m10 / m1, 2)})
    if a.json:
        print(json.dumps(r))
    else:
        for k, v in r.items():
            print(f"{k:22} {v}")


if __name__ == "__main__":
    main()
