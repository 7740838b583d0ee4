#!/usr/bin/env python3
"""``extract`` of a WARC archive against the same pages as text files, as ratios in one run.

    python benchmarks/web_bench.py [--pages 1000] [--skip-memory] [--json]

- builds N news pages from the seed articles (each copy with its figures changed), each
  wrapped in what a real page carries: a cookie banner, navigation, Open Graph and JSON-LD
  metadata, a "Read also" box, comments and a footer;
- writes them as one gzipped WARC (one HTTP response record a page) and the same articles'
  text as N ``.txt`` files;
- times ``kursk-claims extract --no-store`` on each, in fresh processes, best of three,
  alternating (target: the WARC within 1.5x the text files): wall time, and CPU time of the
  command and its helper process (which extracts the HTML while the pipeline reads claims);
- the share of that time spent on extracting main text and metadata from the HTML;
- peak memory on the WARC at 1x and 3x the pages (streamed: flat).
"""
from __future__ import annotations

import argparse
import html
import io
import json
import math
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import peak_rss_mb  # noqa: E402

OUTLETS = ("The Northern Ledger", "Daily Meridian", "Frontline Post", "Harbour Gazette", "Evening Courier")
TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>
<meta property="og:site_name" content="{outlet}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T08:00:00+00:00">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":{title_json},
"datePublished":"{date}T08:00:00+00:00","publisher":{{"@type":"Organization","name":{outlet_json}}}}}</script>
<style>body{{font-family:sans-serif}} .cookie{{position:fixed}}</style></head>
<body><div class="cookie-banner"><p>We and our 214 partners use cookies. <button>Accept</button></p></div>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/live">Live: 24 hours</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By Staff Reporter · <time datetime="{date}">{date}</time></p>
<div class="article-body">{body}
<aside class="related"><h3>Read also</h3><ul><li><a href="/a">Army says 75,000 were lost in the spring</a></li>
<li><a href="/b">310 drones downed in one night</a></li></ul></aside></div></article></main>
<section class="comments"><h2>Comments (88)</h2><div class="comment"><p>It was surely 500,000.</p></div></section>
<footer><p>© 2024 {outlet}. All rights reserved.</p><nav><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></nav></footer>
</body></html>"""


def build_pages(n: int, seed: int = 11) -> list[dict]:
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pages = []
    for i in range(n):
        text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), seeds[i % len(seeds)])
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
        title = paragraphs[0][:90]
        outlet = OUTLETS[i % len(OUTLETS)]
        date = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
        url = f"https://news{i % 7}.example/world/{i}"
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
        page = TEMPLATE.format(title=html.escape(title), outlet=html.escape(outlet), date=date, url=url, body=body,
                               title_json=json.dumps(title), outlet_json=json.dumps(outlet))
        pages.append({"url": url, "html": page.encode("utf-8"), "text": "\n\n".join(paragraphs)})
    return pages


def write_warc(pages: list[dict], path: Path, copies: int = 1) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for k in range(copies):
            for p in pages:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"),
                                                      ("Content-Length", str(len(p["html"])))], protocol="HTTP/1.1")
                uri = p["url"] if k == 0 else f"{p['url']}?copy={k}"
                writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(p["html"]),
                                                              http_headers=headers))


def child_cpu(args: list[str]) -> tuple[float, float]:
    """CPU seconds and wall seconds of one ``kursk-claims`` run in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "kursk_claims", *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"kursk-claims {' '.join(args)} failed: {proc.stderr[-500:]}")
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    pages = build_pages(a.pages)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        warc = tmp_path / "pages.warc.gz"
        write_warc(pages, warc)
        texts = tmp_path / "texts"
        texts.mkdir()
        for i, p in enumerate(pages):
            (texts / f"{i:05d}.txt").write_text(p["text"], encoding="utf-8")
        exe = ["extract", "--no-store", "-f", "jsonl"]
        t_txt = t_warc = w_txt = w_warc = math.inf
        for _ in range(3):
            c, w = child_cpu(exe + [str(texts)])
            t_txt, w_txt = min(t_txt, c), min(w_txt, w)
            c, w = child_cpu(exe + [str(warc)])
            t_warc, w_warc = min(t_warc, c), min(w_warc, w)

        # the HTML side alone: reading the archive and extracting main text and metadata
        from kursk_claims.io.web import warc_texts

        t = time.process_time()
        n = sum(1 for _ in warc_texts(warc, str(warc), background=False))
        t_html = time.process_time() - t
        r = {
            "pages": a.pages,
            "warc_mb": round(warc.stat().st_size / 1e6, 2),
            "html_mb": round(sum(len(p["html"]) for p in pages) / 1e6, 2),
            "text_mb": round(sum(len(p["text"].encode()) for p in pages) / 1e6, 2),
            "txt_cpu_s": round(t_txt, 2),
            "warc_cpu_s": round(t_warc, 2),
            "warc_to_txt_cpu": round(t_warc / t_txt, 2),
            "warc_to_txt_wall": round(w_warc / w_txt, 2),
            "html_extract_ms_per_page": round(1000 * t_html / max(1, n), 2),
        }
        if not a.skip_memory:
            warc3 = tmp_path / "pages3.warc.gz"
            write_warc(pages, warc3, copies=3)
            m1 = peak_rss_mb(exe + [str(warc)])
            m3 = peak_rss_mb(exe + [str(warc3)])
            r.update({"peak_mb_1x": round(m1, 1), "peak_mb_3x": round(m3, 1), "memory_growth_3x": round(m3 / m1, 2)})
    if a.json:
        print(json.dumps(r))
    else:
        for k, v in r.items():
            print(f"{k:26} {v}")


if __name__ == "__main__":
    main()
