#!/usr/bin/env python3
"""The Dask engine on a LocalCluster: conflicts on synthetic claims with workers limited in
memory, and extract against ``--workers 2``. Needs the dask extra.

    python benchmarks/dask_bench.py conflicts [--claims 10000000] [--groups 30000] [--memory 1GB]
    python benchmarks/dask_bench.py extract [--articles 50000]

``conflicts``: writes N synthetic claims as a Parquet dataset (files of 250,000 rows, each
claim with a sentence, outlet, date, ...), then finds their conflicts on a LocalCluster of 2
worker processes of 1 thread, each limited to ``--memory`` (Dask's nanny restarts a worker
that goes over it; a restart is reported). Reports wall time, the peak resident memory of each
worker and whether any worker was lost. The conflicts are written by the workers (Parquet).

``extract``: generates N articles (the seed articles with their figures changed, as
``throughput.py``), then times ``kursk-claims extract --workers 2`` (one machine, JSON Lines to
a file) against ``--engine dask --local-workers 2`` (Parquet dataset, cluster start included),
and reports each worker's articles/s and peak memory. Sizes are parameters: on a small machine
run a smaller size and say so.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

MEASURES = ("deployed", "casualties", "killed", "area", "share", "captured", "displaced")
ROWS_PER_FILE = 250_000


def write_synthetic_claims(folder: Path, n: int, groups: int, seed: int = 1) -> int:
    """Claims around a base figure per group: most agree within ~5%, 1 in 200 is a slip
    (a lost 'thousand'), 1 in 100 is far off; written in files of ROWS_PER_FILE."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    from kursk_claims.io.parquet import claim_schema

    schema = claim_schema()
    rng = np.random.default_rng(seed)
    bases = 10 ** rng.uniform(3, 6, groups)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for part, start in enumerate(range(0, n, ROWS_PER_FILE)):
        m = min(ROWS_PER_FILE, n - start)
        idx = np.arange(start, start + m)
        g = idx % groups
        r = rng.random(m)
        value = np.where(r < 0.005, bases[g] / 1000, np.where(r < 0.015, bases[g] * rng.uniform(2.5, 4, m),
                                                            bases[g] * rng.uniform(0.97, 1.03, m))).round()
        day = (np.datetime64("2024-08-06") + rng.integers(0, 400, m)).astype(str)
        text = np.char.add("about ", value.astype(np.int64).astype(str))
        cols = {
            "id": [f"c{i}" for i in idx], "article": [f"https://news.example/{i // 8}" for i in idx],
            "start": np.full(m, 120), "end": 120 + np.char.str_len(text), "text": text,
            "sentence": np.char.add(np.char.add("Officials said on Tuesday that ", text),
                                    " troops had been moved to the front, according to a statement."),
            "value": value, "low": value * 0.9, "high": value * 1.1, "bound": ["approx"] * m, "unit": [None] * m,
            "counted": ["troops"] * m, "source": [f"Outlet {i % 500}" for i in idx], "published": day,
            "attribution": [f"Ministry {i % 7}" for i in idx],
            "subject": [f"Party {k}" for k in g], "measure": [MEASURES[k % len(MEASURES)] for k in g], "as_of": day,
        }
        arrays = [pa.array(cols[f.name], type=f.type) if f.name in cols else pa.nulls(m, f.type) for f in schema]
        pq.write_table(pa.Table.from_arrays(arrays, schema=schema), folder / f"part-{part:06d}.parquet",
                       row_group_size=50_000)
        written += m
    return written


class PeakMemory:
    """The peak resident memory of each worker, sampled every ``every`` seconds while a run
    goes on (``ru_maxrss`` would not do: a spawned worker inherits its parent's peak)."""

    def __init__(self, client, every: float = 0.5):
        import threading

        self.client, self.every, self.peaks = client, every, {}
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        def rss() -> float:
            import psutil

            return psutil.Process().memory_info().rss / 2**20

        while not self.done.wait(self.every):
            try:
                for addr, mb in self.client.run(rss).items():
                    self.peaks[addr] = max(self.peaks.get(addr, 0.0), mb)
            except Exception:  # a worker restarting: sample again next time
                pass

    def stop(self) -> list[float]:
        self.done.set()
        self.thread.join()
        return sorted(round(mb, 1) for mb in self.peaks.values())


def bench_conflicts(a: argparse.Namespace, tmp: Path) -> dict:
    from kursk_claims.run.distributed import cluster, conflicts_dataset

    t = time.perf_counter()
    n = write_synthetic_claims(tmp / "claims", a.claims, a.groups)
    size_mb = sum(f.stat().st_size for f in (tmp / "claims").glob("*.parquet")) / 1e6
    generated = time.perf_counter() - t
    with cluster(local_workers=2, memory_limit=a.memory) as client:
        before = set(client.scheduler_info()["workers"])
        t = time.perf_counter()
        memory = PeakMemory(client)
        summary, _ = conflicts_dataset(client, tmp / "claims", out_dir=tmp / "conflicts")
        seconds = time.perf_counter() - t
        peaks = memory.stop()
        after = set(client.scheduler_info()["workers"])
    return {"mode": "conflicts", "claims": n, "parquet_mb": round(size_mb, 1), "generate_s": round(generated, 1),
            "groups": summary.groups, "conflicts": summary.conflicts, "partitions": summary.parts,
            "seconds": round(seconds, 1), "claims_per_s": round(n / seconds),
            "worker_memory_limit": a.memory, "worker_peak_mb": peaks,
            "workers_lost": len(before - after)}


def bench_extract(a: argparse.Namespace, tmp: Path) -> dict:
    from throughput import build_corpus

    from kursk_claims.io.articles import Article, read_articles
    from kursk_claims.run.distributed import cluster, extract_dataset

    corpus = tmp / "articles.jsonl"
    rng = random.Random(3)
    docs = build_corpus(a.articles * 6000 / 1e6)[: a.articles]  # the seed articles are under 6 KB each
    rng.shuffle(docs)
    with corpus.open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d) + "\n")
    mb = corpus.stat().st_size / 1e6
    exe = str(Path(sys.executable).with_name("kursk-claims"))
    t = time.perf_counter()
    subprocess.run([exe, "extract", str(corpus), "--workers", "2", "--no-store", "-f", "jsonl", "-o", str(tmp / "one.jsonl")],
                   check=True, stderr=subprocess.DEVNULL)
    one_machine = time.perf_counter() - t
    t = time.perf_counter()
    with cluster(local_workers=2, memory_limit=a.memory) as client:
        started = time.perf_counter() - t
        articles = (x for x in read_articles([str(corpus)]) if isinstance(x, Article))
        memory = PeakMemory(client)
        summary = extract_dataset(client, articles, tmp / "claims")
        peaks = memory.stop()
    on_dask = time.perf_counter() - t
    n_claims = sum(1 for _ in (tmp / "one.jsonl").open())
    return {"mode": "extract", "articles": len(docs), "mb": round(mb, 1), "claims": summary.claims,
            "claims_one_machine": n_claims, "workers2_s": round(one_machine, 1), "dask_s": round(on_dask, 1),
            "dask_cluster_start_s": round(started, 1), "dask_vs_workers2": round(one_machine / on_dask, 2),
            "dask_articles_per_s": round(len(docs) / on_dask), "per_worker_articles_per_s": round(len(docs) / on_dask / 2),
            "worker_peak_mb": peaks}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("conflicts", "extract"))
    ap.add_argument("--claims", type=int, default=10_000_000)
    ap.add_argument("--groups", type=int, default=30_000)
    ap.add_argument("--articles", type=int, default=50_000)
    ap.add_argument("--memory", default="1GB", help="memory limit of each worker")
    ap.add_argument("--keep", type=Path, help="a folder to keep the data in (default: a temporary one)")
    a = ap.parse_args()
    tmp = a.keep or Path(tempfile.mkdtemp(prefix="kursk-dask-bench-"))
    try:
        result = bench_conflicts(a, tmp) if a.mode == "conflicts" else bench_extract(a, tmp)
    finally:
        if a.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
