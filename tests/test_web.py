"""Saved pages, URLs, WARC archives and feeds, served from a local HTTP server (no network).

The pages in tests/data/web/ are written for these tests: a news page with navigation, a
cookie banner, a "Read also" box, comments and a footer full of figures, JSON-LD and Open
Graph metadata; a page with only a <time> tag; a page with no metadata; a windows-1252 page
that says so only in its <meta charset>.
"""
from __future__ import annotations

import gzip
import io
import json
import sqlite3
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kursk_claims.io.articles import read_articles
from kursk_claims.cli import app
from kursk_claims.io.fetch import Fetcher, FetchError, Page, is_url, url_problem
from kursk_claims.io.web import decode_html, sniff_bytes

from .conftest import jsonl

PAGES = Path(__file__).parent / "data" / "web"
GOOD = ("news.html", "time-only.html", "bare.html", "cp1252.html")
# figures that sit outside the main text of news.html: banner, menu, "Read also", comments, footer
BOILERPLATE_FIGURES = ("12", "340", "24", "75,000", "310", "500,000", "88", "1,500", "63")
EXPECTED = {  # page: (outlet, date, the figures of its main text)
    "news.html": ("The Northern Ledger", "2024-11-14", ["about 9,000", "more than 40,000", "at least 1,200", "14", "up to 60,000"]),
    "time-only.html": (None, "2025-03-02", ["around 3,500", "27", "as much as 40 million euros"]),
    "bare.html": (None, None, ["45", "about 8,000", "120"]),
    "cp1252.html": ("Grenzbote", "2025-01-08", ["more than 230", "150", "90"]),
}
SLOW_SECONDS = 4.0  # the client waits 1.5 s: a loaded machine still serves the other pages in time


def feed_xml(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Relief Wire</title><link>{base}/</link><description>Test feed</description>
<item><title>Aid convoy reaches the city</title><link>{base}/bare.html</link>
<pubDate>Wed, 05 Feb 2025 09:00:00 GMT</pubDate></item>
<item><title>Troops sent to the border</title><link>{base}/news.html</link>
<pubDate>Fri, 15 Nov 2024 09:00:00 GMT</pubDate></item>
<item><title>Broken</title><link>{base}/missing</link></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    hits: Counter
    fail_first: set

    def log_message(self, *args):  # keep the test output quiet
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        self.hits[path] += 1
        self.agents.add(self.headers.get("User-Agent", ""))
        name = path.lstrip("/")
        if name in GOOD:
            return self._send(200, (PAGES / name).read_bytes(), "text/html")  # charset left to the page
        if name == "feed.xml":
            return self._send(200, feed_xml(f"http://127.0.0.1:{self.server.server_port}").encode(), "application/rss+xml")
        if name == "moved":
            self.send_response(301)
            self.send_header("Location", "/time-only.html")
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if name == "loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            return self.end_headers()
        if name == "slow":
            time.sleep(SLOW_SECONDS)
            return self._send(200, (PAGES / "bare.html").read_bytes(), "text/html")
        if name == "drip":  # a byte every half second, for about 3 s: each read is quick, the page is not
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "6")
            self.end_headers()
            try:
                for _ in range(6):
                    self.wfile.write(b"<")
                    self.wfile.flush()
                    time.sleep(0.5)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if name in ("huge", "huge-stream"):  # 50 MB; the second says nothing of its length
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            if name == "huge":
                self.send_header("Content-Length", str(50_000_000))
            self.end_headers()
            chunk = b"<p>" + b"9" * (1 << 20) + b"</p>"
            try:
                for _ in range(50):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        if name == "flaky":
            if self.hits[path] == 1:
                self.send_response(503)
                self.send_header("Retry-After", "0")
                self.send_header("Content-Length", "0")
                return self.end_headers()
            return self._send(200, (PAGES / "time-only.html").read_bytes(), "text/html; charset=utf-8")
        if name == "image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png")
        self._send(404, b"<html><body><p>Not found</p></body></html>", "text/html")

    def _send(self, status: int, body: bytes, ctype: str):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    """A local web server for the test pages; ``site.hits`` counts the requests per path."""
    handler = type("Handler", (_Handler,), {"hits": Counter(), "agents": set()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.base = f"http://127.0.0.1:{server.server_port}"
    server.hits = handler.hits
    server.agents = handler.agents
    yield server
    server.shutdown()
    server.server_close()


def figures_by_article(records: list[dict]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for r in records:
        out.setdefault(r["article"], []).append(r["text"])
    return out


def check_page(records: list[dict], article: str, page: str) -> None:
    outlet, date, figures = EXPECTED[page]
    mine = [r for r in records if r["article"] == article]
    texts = [r["text"] for r in mine]
    for f in figures:
        assert f in texts, (page, f, texts)
    assert not set(texts) & set(BOILERPLATE_FIGURES), (page, texts)
    assert {r["source"] for r in mine} == {outlet}, page
    assert {r["published"] for r in mine} == {date}, page


# --- saved pages ------------------------------------------------------------------------

def test_saved_pages_main_text_and_metadata(nlp):
    from kursk_claims.run.extract import extract_article

    articles = {Path(a.key).name: a for a in read_articles([str(PAGES)])}
    assert set(articles) == set(GOOD)
    news = articles["news.html"]
    assert news.title == "Pentagon: 9,000 more troops sent to the border region"
    assert news.url == "https://ledger.example/world/2024/11/troops-border"  # the canonical URL
    for needle in ("Read also", "cookies", "Subscribe", "Comments", "rights reserved"):
        assert needle not in news.text
    assert "Genève" in articles["cp1252.html"].text and "“within weeks”" in articles["cp1252.html"].text
    records = []
    for a in articles.values():
        claims = extract_article(nlp, a)
        assert all(a.text[c.start:c.end] == c.text for c in claims)
        records += [c.to_dict() for c in claims]
    for name, a in articles.items():
        check_page(records, a.key, name)


def test_html_is_sniffed_whatever_the_name(tmp_path):
    saved = tmp_path / "article.download"
    saved.write_bytes(b"<!-- saved from url=(0030)https://example.org/a -->\n" + (PAGES / "time-only.html").read_bytes())
    (article,) = read_articles([str(saved)])
    assert article.published == "2025-03-02" and "3,500 residents" in article.text
    assert article.url == "https://example.org/a"  # from the browser's "saved from" note


def test_a_page_on_standard_input(runner, in_tmp):
    r = runner.invoke(app, ["extract", "-", "-f", "jsonl", "--no-store"], input=(PAGES / "news.html").read_text())
    records = jsonl(r.stdout)
    assert r.exit_code == 0 and {x["article"] for x in records} == {"-"}
    check_page(records, "-", "news.html")


def test_explicit_metadata_wins_over_the_page(tmp_path):
    (tmp_path / "news.html").write_bytes((PAGES / "news.html").read_bytes())
    (tmp_path / "sources.json").write_text(json.dumps([{"file": "news.html", "publisher": "Wire Copy", "published": "2024-11-20"}]))
    (article,) = read_articles([str(tmp_path / "news.html")])
    assert (article.source, article.published) == ("Wire Copy", "2024-11-20")
    assert article.title.startswith("Pentagon")  # what the sidecar does not give still comes from the page


def test_decoding_follows_header_then_meta_then_utf8():
    page = "<html><head><meta charset='windows-1251'></head><body><p>Война</p></body></html>".encode("cp1251")
    assert "Война" in decode_html(page)
    assert "Война" in decode_html(page.replace(b"windows-1251", b"utf-8"), "text/html; charset=cp1251")
    assert decode_html("<p>Genève</p>".encode()) == "<p>Genève</p>"
    assert decode_html("<p>Genève</p>".encode("latin-1")) == "<p>Genève</p>"  # not UTF-8: windows-1252


def test_sniffing():
    assert sniff_bytes(b"  <!DOCTYPE html><html>") == "html"
    assert sniff_bytes(b'<?xml version="1.0"?>\n<rss version="2.0">') == "feed"
    assert sniff_bytes(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert sniff_bytes(b"WARC/1.1\r\n") == "warc"
    assert sniff_bytes(b"Russia said 300 soldiers <b>were</b> lost.") is None
    assert sniff_bytes(b"The figure", "notes.txt") is None
    assert is_url("https://example.org/a") and is_url("ftp://example.org/a") and not is_url("seeds/a.txt")
    assert url_problem("file:///etc/passwd") == "not fetched: only http and https URLs are (file:)"
    assert url_problem("javascript:alert(1)").endswith("(javascript:)")
    assert url_problem("https://example.org/x") is None
    assert url_problem("http://[::1") == "not a valid URL" and url_problem("https:///path") == "a URL without a host"
    bad = Fetcher(retries=0).fetch("http://a\x00b.example/")
    assert isinstance(bad, FetchError) and bad.message.startswith("cannot fetch (")


# --- URLs -------------------------------------------------------------------------------

def test_the_timeout_is_for_the_whole_page_not_each_read(site, runner, in_tmp):
    start = time.monotonic()
    result = Fetcher(timeout=1, retries=0).fetch(f"{site.base}/drip")
    took = time.monotonic() - start
    assert isinstance(result, FetchError) and result.message.startswith("timed out after 1."), result
    assert took < 2.5
    r = runner.invoke(app, ["extract", f"{site.base}/drip", "--timeout", "1", "--no-store"])
    assert r.exit_code == 1
    assert "/drip" in r.stderr and "timed out" in r.stderr and "a whole page may take 1 s" in r.stderr


def test_urls_outlet_date_claims_errors_and_cache(site, runner, in_tmp):
    base = site.base
    good = [f"{base}/{name}" for name in GOOD]
    bad = {f"{base}/missing": "HTTP 404", f"{base}/loop": "too many redirects", f"{base}/slow": "timed out",
           f"{base}/huge": "MB cap", f"{base}/huge-stream": "MB cap", "ftp://127.0.0.1/pub/a.html": "only http and https",
           "file:///etc/passwd": "only http and https"}
    (in_tmp / "urls.txt").write_text("# pages to read\n" + "\n".join(good[1:] + list(bad)) + "\n")
    r = runner.invoke(app, ["extract", good[0], "--urls", "urls.txt", "-f", "jsonl", "--timeout", "1.5"])
    assert r.exit_code == 1, r.stderr  # some URLs failed; the others were read
    records = jsonl(r.stdout)
    for url, name in zip(good, GOOD):
        check_page(records, url, name)
    assert {r["url"] for r in records if r["article"] == good[0]} == {"https://ledger.example/world/2024/11/troops-border"}
    assert {r["url"] for r in records if r["article"] == good[2]} == {good[2]}
    lines = r.stderr.strip().splitlines()
    assert len(lines) == len(bad) and "Traceback" not in r.stderr
    for url, why in bad.items():
        assert any(url in line and why in line for line in lines), (url, lines)
    assert site.hits["/loop"] > 1 and "/pub/a.html" not in site.hits  # no request for ftp: or file:
    assert len(site.agents) == 1 and next(iter(site.agents)).startswith("kursk-claims/")

    # a second run: every page, and the lasting failures, come from the cache
    before = sum(site.hits.values())
    cached = good + [f"{base}/missing", f"{base}/huge"]
    r2 = runner.invoke(app, ["extract", *cached, "-f", "jsonl"])
    assert sum(site.hits.values()) == before
    assert figures_by_article(jsonl(r2.stdout)) == figures_by_article(records)
    assert r2.exit_code == 1 and "HTTP 404" in r2.stderr and "cached" in r2.stderr

    # --refresh fetches again
    r3 = runner.invoke(app, ["extract", good[0], "-f", "jsonl", "--refresh"])
    assert r3.exit_code == 0 and site.hits["/news.html"] == 2


def test_a_redirect_is_followed_and_the_url_given_stays_the_key(site, runner, in_tmp):
    r = runner.invoke(app, ["extract", f"{site.base}/moved", "-f", "jsonl", "--no-store"])
    records = jsonl(r.stdout)
    assert r.exit_code == 0 and records
    assert {(x["article"], x["url"]) for x in records} == {(f"{site.base}/moved", f"{site.base}/time-only.html")}
    check_page(records, f"{site.base}/moved", "time-only.html")


def test_retry_after_503(site, tmp_path):
    fetcher = Fetcher(cache_dir=tmp_path / "cache", backoff=0.01)
    page = fetcher.fetch(f"{site.base}/flaky")
    assert isinstance(page, Page) and page.status == 200 and site.hits["/flaky"] == 2
    fetcher.retries = 0
    assert isinstance(fetcher.fetch(f"{site.base}/nothing"), FetchError)
    fetcher.close()


def test_show_marks_the_claims(site, runner, in_tmp):
    url = f"{site.base}/news.html"
    assert runner.invoke(app, ["extract", url, "-f", "jsonl"]).exit_code == 0
    r = runner.invoke(app, ["show", url])
    assert r.exit_code == 0, r.stderr
    assert "source: The Northern Ledger" in r.stdout and "title: Pentagon" in r.stdout
    assert "sent to the border region" in r.stdout and "[[about 9,000]] additional troops" in r.stdout
    assert "[[up to 60,000]]" in r.stdout and "Read also" not in r.stdout
    assert runner.invoke(app, ["show", "https://nowhere.example/x"]).exit_code == 1


def test_the_report_shows_page_titles(runner, in_tmp):
    (in_tmp / "news.html").write_bytes((PAGES / "news.html").read_bytes())
    assert runner.invoke(app, ["extract", "news.html", "-f", "jsonl"]).exit_code == 0
    assert runner.invoke(app, ["report", "-o", "r.html"]).exit_code == 0
    page = (in_tmp / "r.html").read_text()
    assert "<p><b>Pentagon: 9,000 more troops sent to the border region</b></p>" in page
    assert "https://ledger.example/world/2024/11/troops-border" in page


# --- feeds ------------------------------------------------------------------------------

def test_feed_entries_are_fetched_with_the_feed_as_fallback(site, runner, in_tmp):
    (in_tmp / "relief.rss").write_text(feed_xml(site.base))
    for args in (["relief.rss"], [f"{site.base}/feed.xml"]):
        r = runner.invoke(app, ["extract", *args, "-f", "jsonl", "--no-store"])
        assert r.exit_code == 1 and f"{site.base}/missing: HTTP 404" in r.stderr
        records = jsonl(r.stdout)
        bare = [x for x in records if x["article"] == f"{site.base}/bare.html"]
        assert bare and {(x["source"], x["published"]) for x in bare} == {("Relief Wire", "2025-02-05")}
        news = [x for x in records if x["article"] == f"{site.base}/news.html"]
        assert {(x["source"], x["published"]) for x in news} == {("The Northern Ledger", "2024-11-14")}  # the page wins


# --- WARC -------------------------------------------------------------------------------

def build_warc(path: Path, base: str, compress: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=compress)

        def response(uri: str, status: str, ctype: str, body: bytes, date: str) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)

        for name in GOOD:
            response(f"{base}/{name}", "200 OK", "text/html", (PAGES / name).read_bytes(), "2025-06-01T10:00:00Z")
        response(f"{base}/missing", "404 Not Found", "text/html", b"<html><body>Not found 404</body></html>", "2025-06-01T10:00:00Z")
        response(f"{base}/image.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "2025-06-01T10:00:00Z")
        # the bare page with a paragraph more: one text under two URIs would be read once
        gz = gzip.compress((PAGES / "bare.html").read_bytes().replace(b"</body>", b"<p>Later, 12 more people fled.</p></body>"))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                              ("Content-Length", str(len(gz)))], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"{base}/gzipped", "response", payload=io.BytesIO(gz), http_headers=headers,
                                                      warc_headers_dict={"WARC-Date": "2025-06-02T10:00:00Z"}))


@pytest.mark.parametrize("compress", [False, True])
def test_warc_articles_keyed_by_uri(runner, in_tmp, compress):
    base = "https://pages.example"
    name = "crawl.warc.gz" if compress else "crawl.warc"
    build_warc(in_tmp / name, base, compress)
    r = runner.invoke(app, ["extract", name, "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    records = jsonl(r.stdout)
    assert set(figures_by_article(records)) == {f"{base}/{n}" for n in GOOD} | {f"{base}/gzipped"}
    for n in GOOD:
        if n != "bare.html":
            check_page(records, f"{base}/{n}", n)
    bare = [x for x in records if x["article"] == f"{base}/bare.html"]
    assert {x["published"] for x in bare} == {"2025-06-01"}  # the page has no date: the record's
    assert {x["published"] for x in records if x["article"] == f"{base}/gzipped"} == {"2025-06-02"}
    assert "about 8,000" in [x["text"] for x in bare]
    assert {x["article"] for x in records} >= {f"{base}/news.html"}
    r = runner.invoke(app, ["show", f"{base}/time-only.html"])
    assert "[[around 3,500]] residents" in r.stdout


def test_a_damaged_warc_is_one_line(runner, in_tmp):
    (in_tmp / "bad.warc").write_bytes(b"WARC/1.0\r\nthis is not a record\r\n\r\n")
    (in_tmp / "a.txt").write_text("Officials said 300 people fled the town.")
    r = runner.invoke(app, ["extract", "bad.warc", "a.txt", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1 and len(jsonl(r.stdout)) == 1
    assert r.stderr.strip().startswith("Warning: bad.warc") and len(r.stderr.strip().splitlines()) == 1
    (in_tmp / "notes.warc").write_text("hello there, 300 people")  # named a WARC: never read as text
    r = runner.invoke(app, ["extract", "notes.warc", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1 and r.stdout == "" and "notes.warc: not a WARC file" in r.stderr


# --- the store --------------------------------------------------------------------------

def test_a_store_from_before_texts_were_kept_still_works(runner, in_tmp):
    db = in_tmp / "old.db"
    conn = sqlite3.connect(db)
    conn.executescript("""
        CREATE TABLE articles (article TEXT PRIMARY KEY, digest TEXT NOT NULL, signature TEXT NOT NULL,
            source TEXT, published TEXT, url TEXT, title TEXT, extracted_at TEXT NOT NULL);
        CREATE TABLE claims (article TEXT NOT NULL REFERENCES articles(article) ON DELETE CASCADE, id TEXT NOT NULL,
            start INTEGER NOT NULL, measure TEXT, subject TEXT, unit TEXT, record TEXT NOT NULL, PRIMARY KEY (article, id));
        INSERT INTO articles VALUES ('old.txt', 'x', 'y', NULL, NULL, NULL, NULL, '2025-01-01');
    """)
    conn.close()
    (in_tmp / "a.txt").write_text("Officials said 300 people fled the town.")
    r = runner.invoke(app, ["show", "old.txt", "--db", str(db)])
    assert r.exit_code == 1 and "extract it again" in r.stderr
    assert runner.invoke(app, ["extract", "a.txt", "--db", str(db), "-f", "jsonl"]).exit_code == 0
    r = runner.invoke(app, ["show", "a.txt", "--db", str(db)])
    assert r.exit_code == 0 and "said [[300]] people" in r.stdout


def test_url_usage_errors(runner, in_tmp):
    r = runner.invoke(app, ["extract", "--urls", "nope.txt"])
    assert r.exit_code == 2 and "--urls nope.txt" in r.stderr
    r = runner.invoke(app, ["extract", "file:///etc/passwd", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1 and r.stdout == "" and "Traceback" not in r.stderr
    assert "file:///etc/passwd: not fetched: only http and https URLs are (file:)" in r.stderr
    assert not (in_tmp / "kursk-claims.pages").exists()


def test_warc_pages_extracted_in_a_helper_process_keep_their_order(tmp_path, monkeypatch):
    import kursk_claims.io.web as web

    warc = tmp_path / "crawl.warc.gz"
    build_warc(warc, "https://pages.example", compress=True)
    inline = [(x.key, x.text, x.page, x.archive) for x in web.warc_texts(warc, "crawl", background=False)]
    monkeypatch.setattr(web, "CHUNK", 2)  # 5 pages: one chunk read here, two in the helper
    helped = [(x.key, x.text, x.page, x.archive) for x in web.warc_texts(warc, "crawl")]
    assert len(inline) == 5 and helped == inline
