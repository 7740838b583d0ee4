#!/usr/bin/env python3
"""Speed and memory of ``kursk-claims extract`` on a varied corpus, as whole-process medians
and the ratios between them, all measured in one run.

    python benchmarks/throughput.py [--mb 5] [--repeat 3] [--skip-peers] [--skip-memory]
                                    [--workers 1,2,4] [--profile] [--components] [--json]

- builds a corpus of ``--mb`` MB (default 5) as one JSON Lines file under benchmarks/out/: the
  seed articles and the development articles (eval/dev/articles), every digit changed, cut to
  varied lengths (a few paragraphs to two articles joined), no two alike; records carry only
  ``id`` and ``text``, so each article's outlet and date are guessed from its text as well;
- ``extract --no-store -f jsonl`` against tokenising the same texts with ``spacy.blank("en")``
  (read from the same file), each a whole process, alternated, median of ``--repeat`` runs
  (target: at most 2x); the start-up of each, measured on a one-article file, is also given
  so the ratio without it can be read;
- the same articles through Microsoft Recognizers-Text (its number, percentage, dimension and
  currency models) and quantulum3, each installed in a throwaway virtual environment under
  benchmarks/out/ (targets: at least 5x and 20x faster); skipped with the reason when they
  cannot be installed;
- ``--workers N`` for N up to the cores present: speed-up over one worker and its efficiency
  (target: at least 80% of linear);
- peak memory of the command at 1x and 10x the corpus (target: flat);
- ``--profile``: where one in-process run spends its time (the reading of the articles,
  the pipeline's components, writing the records), top functions by own time;
- ``--components``: the CPU time of each stage without a profiler, every article through one
  stage before the next.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
sys.path.insert(0, str(ROOT / "src"))

PEERS = {
    "recognizers": ["recognizers-text-suite==1.0.2a2", "emoji<2"],  # it imports UNICODE_EMOJI, gone in emoji 2
    "quantulum3": ["quantulum3>=0.9,<1"],
}


# --- the corpus ------------------------------------------------------------------------

def source_articles() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "eval" / "dev" / "articles").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def build_corpus(target_mb: float, seed: int = 7) -> list[dict]:
    """Varied articles: a random run of paragraphs of one article (a tenth to all of it), now
    and then two articles joined, every digit replaced."""
    rng = random.Random(seed)
    pieces = [[p for p in re.split(r"\n\s*\n", t) if p.strip()] for t in source_articles()]
    out, size, i = [], 0, 0
    while size < target_mb * 1e6:
        paras = list(rng.choice(pieces))
        if rng.random() < 0.15:
            paras += rng.choice(pieces)
        n = max(1, round(len(paras) * rng.uniform(0.1, 1.0)))
        start = rng.randint(0, len(paras) - n)
        text = "\n\n".join(paras[start:start + n])
        text = re.sub(r"\d", lambda m: str(rng.randint(0, 9)), text)
        out.append({"id": f"bench-{i}", "text": text})
        size += len(text.encode("utf-8"))
        i += 1
    return out


def write_jsonl(path: Path, records: list[dict], copies: int = 1) -> None:
    with path.open("w", encoding="utf-8") as f:
        for k in range(copies):
            for r in records:
                f.write(json.dumps(dict(r, id=f"{r['id']}-{k}") if copies > 1 else r) + "\n")


# --- whole processes --------------------------------------------------------------------

_TOKENISE = """
import json, sys, collections
import spacy
nlp = spacy.blank("en")
nlp.max_length = 20_000_000
def texts():
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)["text"]
collections.deque(nlp.pipe(texts(), batch_size=16), maxlen=0)
"""

_RECOGNIZERS = """
import json, sys
from recognizers_text import Culture
from recognizers_number import NumberRecognizer
from recognizers_number_with_unit import NumberWithUnitRecognizer
numbers = NumberRecognizer(Culture.English)
units = NumberWithUnitRecognizer(Culture.English)
models = [numbers.get_number_model(), numbers.get_percentage_model(),
          units.get_dimension_model(), units.get_currency_model()]
found = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        text = json.loads(line)["text"]
        for m in models:
            found += len(m.parse(text))
print(found)
"""

_QUANTULUM = """
import json, sys
from quantulum3 import parser
found = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        found += len(parser.parse(json.loads(line)["text"]))
print(found)
"""


def run_timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the process and its children) of one whole process."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:4])} … failed ({proc.returncode}): {err[-800:]}")
    return wall, usage.ru_utime + usage.ru_stime


def extract_cmd(path: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "kursk_claims", "extract", "--no-store", "-f", "jsonl", *extra, str(path)]


def medians(commands: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float]]:
    """Each command ``repeat`` times, alternating, so a busy moment of a shared machine falls
    on all of them alike; the median wall and CPU seconds of each."""
    runs: dict[str, list[tuple[float, float]]] = {k: [] for k in commands}
    for _ in range(repeat):
        for name, cmd in commands.items():
            runs[name].append(run_timed(cmd))
    return {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in runs.items()}


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
    if proc.returncode not in (0, 1) or not peak:
        raise SystemExit(f"kursk-claims {' '.join(args)} failed: {proc.stderr[-500:]}")
    return int(peak[-1].split()[1]) / 1024


# --- peers ------------------------------------------------------------------------------

def peer_python(name: str) -> tuple[str | None, str]:
    """The python of a throwaway venv with the peer installed (made once under benchmarks/out/),
    or None and the reason it cannot be had."""
    where = OUT / f"venv-{name}"
    python = where / "bin" / "python"
    marker = where / ".installed"
    if marker.exists():
        return str(python), ""
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(where)
        proc = subprocess.run([str(python), "-m", "pip", "install", "-q", *PEERS[name]],
                              capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.SubprocessError) as e:
        return None, f"{e.__class__.__name__}: {e}"
    if proc.returncode != 0:
        lines = [line for line in (proc.stderr or proc.stdout).splitlines() if line.strip() and "WARNING" not in line]
        return None, "pip install failed: " + (lines[-1] if lines else f"exit {proc.returncode}")
    marker.write_text("ok")
    return str(python), ""


def peer_check(python: str, script: str) -> str | None:
    """A peer that imports but cannot read a sentence is reported, not timed."""
    sample = OUT / "peer-sample.jsonl"
    sample.write_text(json.dumps({"text": "More than 11,000 soldiers and 40 km of road, 5 percent."}) + "\n")
    proc = subprocess.run([python, "-c", script, str(sample)], capture_output=True, text=True, timeout=600)
    if proc.returncode != 0:
        return (proc.stderr.strip().splitlines() or ["failed"])[-1]
    return None


# --- profile ----------------------------------------------------------------------------

def components(path: Path) -> None:
    """CPU time of each stage in one fresh process, every article through one stage before the
    next: reading, the tokenizer (first pass, with spaCy creating the lexemes of new words),
    each component, writing the records; no profiler overhead."""
    import io

    from kursk_claims.io.articles import Article, read_articles
    from kursk_claims.run.extract import to_claims
    from kursk_claims.pipeline import build_pipeline, claims_of

    nlp = build_pipeline()
    nlp("On Monday the ministry said 1,200 soldiers had been killed.")  # patterns compiled
    times: dict[str, float] = {}
    t = time.process_time()
    articles = [a for a in read_articles([str(path)]) if isinstance(a, Article)]
    times["reading (outlet, date)"] = time.process_time() - t
    t = time.process_time()
    docs = [nlp.make_doc(a.text) for a in articles]
    times["tokenizer"] = time.process_time() - t
    for name, proc in nlp.pipeline:
        t = time.process_time()
        docs = [proc(d) for d in docs]
        times[name] = time.process_time() - t
    sink = io.StringIO()
    t = time.process_time()
    for a, d in zip(articles, docs):
        for c in to_claims(a, claims_of(d)):
            sink.write(json.dumps(c.to_dict(), ensure_ascii=False))
    times["records"] = time.process_time() - t
    total = sum(times.values())
    print(f"{len(articles)} articles, {total:.2f} s of CPU in all (start-up not counted)")
    for k, v in times.items():
        print(f"  {k:24} {v:6.2f} s  {100 * v / total:5.1f}%")


def profile(path: Path, top: int = 30) -> None:
    import cProfile
    import io
    import pstats

    from kursk_claims.io.articles import Article, read_articles
    from kursk_claims.run.extract import extract_articles
    from kursk_claims.pipeline import build_pipeline

    nlp = build_pipeline()
    sink = io.StringIO()

    def run() -> None:
        arts = (a for a in read_articles([str(path)]) if isinstance(a, Article))
        for _, claims, _ in extract_articles(nlp, arts, batch_size=16):
            for c in claims:
                sink.write(json.dumps(c.to_dict(), ensure_ascii=False))
            sink.seek(0)
            sink.truncate()

    prof = cProfile.Profile()
    prof.runcall(run)
    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    by_module: dict[str, float] = {}
    for (file, _, _), (_, _, tt, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        key = Path(file).name if "kursk_claims" in file else ("spacy/thinc" if ("spacy" in file or "thinc" in file) else
                                                              "dateparser" if "dateparser" in file else
                                                              "regex/re" if file.startswith("~") or "/re/" in file else "other")
        by_module[key] = by_module.get(key, 0.0) + tt
    print(f"profile: {total:.2f} s in all (cProfile adds overhead; compare shares, not seconds)")
    print("own time by module:")
    for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])[:15]:
        print(f"  {k:28} {v:6.2f} s  {100 * v / total:5.1f}%")
    print("top functions by own time:")
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))
    out = io.StringIO()
    print("top functions by cumulative time:")
    pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(top)
    print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


# --- main -------------------------------------------------------------------------------

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each command; medians are reported (default 3)")
    ap.add_argument("--workers", default=None, help="worker counts to try, e.g. 1,2,4 (default: 1 up to the cores present)")
    ap.add_argument("--peer-repeat", type=int, default=None, help="runs of each peer (default: --repeat); quantulum3 is slow")
    ap.add_argument("--skip-main", action="store_true", help="leave out extract against tokenising")
    ap.add_argument("--peers", default=None, help="only these peers, e.g. recognizers (default: both)")
    ap.add_argument("--skip-peers", action="store_true")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-workers", action="store_true")
    ap.add_argument("--profile", action="store_true", help="only profile one in-process run")
    ap.add_argument("--components", action="store_true", help="only time each stage (reading, tokenizer, each component, records) in one process")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    corpus = build_corpus(a.mb)
    path = OUT / f"corpus-{a.mb:g}mb.jsonl"
    write_jsonl(path, corpus)
    mb = path.stat().st_size / 1e6
    lengths = sorted(len(r["text"]) for r in corpus)
    if a.components:
        components(path)
        return
    if a.profile:
        profile(path)
        return
    tiny = OUT / "one-article.jsonl"
    write_jsonl(tiny, corpus[:1])
    r: dict[str, object] = {
        "articles": len(corpus), "corpus_mb": round(mb, 2),
        "article_chars_p10_p50_p90": [lengths[len(lengths) // 10], lengths[len(lengths) // 2], lengths[9 * len(lengths) // 10]],
        "cores": os.cpu_count(),
    }

    def note(key: str, value: object) -> None:
        r[key] = value
        if not a.json:
            print(f"{key:34} {value}", flush=True)

    for k, v in r.items():
        if not a.json:
            print(f"{k:34} {v}")

    # extract against tokenising, start-up measured apart
    if not a.skip_main:
        m = medians({"extract": extract_cmd(path), "tokenise": [sys.executable, "-c", _TOKENISE, str(path)],
                     "extract_startup": extract_cmd(tiny), "tokenise_startup": [sys.executable, "-c", _TOKENISE, str(tiny)]},
                    a.repeat)
        ext, tok = m["extract"][0], m["tokenise"][0]
        ext0, tok0 = m["extract_startup"][0], m["tokenise_startup"][0]
        note("extract_s (median wall)", round(ext, 2))
        note("tokenise_s (median wall)", round(tok, 2))
        note("startup_s extract / tokenise", [round(ext0, 2), round(tok0, 2)])
        note("articles_per_s", round(len(corpus) / ext, 1))
        note("mb_per_s", round(mb / ext, 2))
        note("ratio_extract_to_tokenise", round(ext / tok, 2))
        note("ratio_without_startup", round((ext - ext0) / max(tok - tok0, 1e-9), 2))
        note("ratio_cpu_extract_to_tokenise", round(m["extract"][1] / m["tokenise"][1], 2))

    if not a.skip_peers:
        scripts = {"recognizers": _RECOGNIZERS, "quantulum3": _QUANTULUM}
        scripts = {k: v for k, v in scripts.items() if not a.peers or k in a.peers.split(",")}
        for name, script in scripts.items():
            python, why = peer_python(name)
            if python is not None:
                why = peer_check(python, script) or ""
            if why:
                note(f"{name}", f"skipped: {why}")
                continue
            pm = medians({name: [python, "-c", script, str(path)], "extract": extract_cmd(path)}, a.peer_repeat or a.repeat)
            note(f"{name}_s (median wall)", round(pm[name][0], 2))
            note(f"ratio_{name}_to_extract", round(pm[name][0] / pm["extract"][0], 2))
            note(f"ratio_cpu_{name}_to_extract", round(pm[name][1] / pm["extract"][1], 2))

    if not a.skip_workers:
        cores = os.cpu_count() or 1
        counts = [int(x) for x in a.workers.split(",")] if a.workers else sorted({1, *[n for n in (2, 4, 8, 16, 32) if n <= cores], cores})
        wm = medians({**{str(n): extract_cmd(path, "--workers", str(n)) for n in counts}, "startup": extract_cmd(tiny)}, a.repeat)
        start = wm["startup"][0]  # importing spaCy and building the pipeline: once, before any worker
        one = wm[str(counts[0])][0] * counts[0] if counts[0] != 1 else wm["1"][0]
        for n in counts:
            if n == 1:
                continue
            speedup = one / wm[str(n)][0]
            note(f"workers_{n}_speedup (efficiency)", f"{speedup:.2f}x ({100 * speedup / n:.0f}% of linear)")
            if counts[0] == 1:
                work = (one - start) / max(wm[str(n)][0] - start, 1e-9)
                note(f"workers_{n}_speedup_without_startup", f"{work:.2f}x ({100 * work / n:.0f}% of linear)")
        note("load_average_1min (other work shares the cores)", round(os.getloadavg()[0], 1))

    if not a.skip_memory:
        ten = OUT / f"corpus-{a.mb:g}mb-x10.jsonl"
        write_jsonl(ten, corpus, copies=10)
        m1 = peak_rss_mb(["extract", "--no-store", "-f", "jsonl", str(path)])
        m10 = peak_rss_mb(["extract", "--no-store", "-f", "jsonl", str(ten)])
        ten.unlink()
        note("peak_mb_1x", round(m1, 1))
        note("peak_mb_10x", round(m10, 1))
        note("memory_growth_10x", round(m10 / m1, 2))
    if a.json:
        print(json.dumps(r))


if __name__ == "__main__":
    main()
