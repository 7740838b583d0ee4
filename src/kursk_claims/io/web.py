"""Reading the web's formats: saved pages, fetched URLs, WARC archives and RSS/Atom feeds.

Each page's main text (no navigation, cookie banners, "Read also" boxes or comments) and its
metadata (title, outlet, canonical URL) come from trafilatura, the published date from
htmldate (its quick, precise search: metadata, ``<time>`` elements and the URL, no guessing
from stray numbers in the text). What comes out is a
``WebText`` (the key a claim's ``article`` will carry, the main text, the page's metadata and
what a feed or an archive record adds) or a ``Failure`` (one line saying why); the caller
(``articles.py``) turns them into articles and applies the metadata precedence.

trafilatura, htmldate, httpx, warcio and feedparser are imported only when a web input is
read, so reading plain text never loads them.
"""
from __future__ import annotations

import codecs
import datetime as dt
import gzip
import io
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO
from urllib.parse import urlsplit

from ..core.batching import batched
from ..core.errors import InputError, cannot_read
from .fetch import DEFAULT_MAX_BYTES, Fetcher, FetchError, Page, is_url

# the libraries' own warnings (a malformed JSON-LD block, an empty tree) would otherwise reach
# stderr through logging's last-resort handler; each page that fails is named in one line instead
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability", "warcio", "httpx"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
FEED_SUFFIXES = (".rss", ".atom")
WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")


@dataclass(slots=True)
class WebText:
    """One page's main text and what is known about it, before the precedence is applied."""
    key: str
    text: str
    page: dict[str, str | None]  # from the page itself: source, published, url, title
    feed: dict[str, str | None] = field(default_factory=dict)  # from the feed entry: below the page, above the text
    archive: dict[str, str | None] = field(default_factory=dict)  # the WARC record's date: below the text


@dataclass(slots=True)
class Failure:
    where: str
    message: str


# --- which inputs are web inputs ------------------------------------------------------

def is_web_file_name(name: str) -> bool:
    """Whether a folder search should pick up this file name as a web input."""
    lower = name.lower()
    return lower.endswith(HTML_SUFFIXES + FEED_SUFFIXES + WARC_SUFFIXES)


def sniff(path: Path) -> str | None:
    """``html``, ``warc`` or ``feed`` for a file that is one (by its first bytes, or its name
    when the bytes do not say), else None (plain text or JSON Lines: read as before)."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return None  # the text reader names the problem
    return sniff_bytes(head, path.name)


def sniff_bytes(head: bytes, name: str = "", content_type: str = "") -> str | None:
    lower_name = name.lower()
    ctype = content_type.split(";")[0].strip().lower()
    if head[:2] == b"\x1f\x8b":
        if lower_name.endswith(".warc.gz") or lower_name.endswith(".gz") and _gunzip_head(head).startswith(b"WARC/"):
            return "warc"
        return None
    if head.startswith(b"WARC/"):
        return "warc"
    text = _head_text(head)
    if text.startswith("<"):
        probe = text[:4096].lower()
        if re.search(r"<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]", probe) and not re.search(r"<html[\s>]", probe):
            return "feed"
        if re.search(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", probe):
            return "html"
    if ctype in HTML_TYPES:
        return "html"
    if ctype in FEED_TYPES[:3]:
        return "feed"
    if lower_name.endswith(WARC_SUFFIXES):
        return "warc"  # named so but not one: warcio says what is wrong with it
    if lower_name.endswith(HTML_SUFFIXES):
        return "html"
    if lower_name.endswith(FEED_SUFFIXES):
        return "feed"
    return None


def _head_text(head: bytes) -> str:
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            return head[len(bom):].decode(codec, "ignore").lstrip()
    text = head.decode("latin-1").lstrip()
    while text.startswith("<!--"):  # "<!-- saved from url=... -->" heads a browser's saved page
        end = text.find("-->")
        if end < 0:
            break
        text = text[end + 3:].lstrip()
    if text.startswith("<?xml"):
        end = text.find("?>")
        text = text[end + 2:].lstrip() if end >= 0 else text
    return text


def _gunzip_head(head: bytes) -> bytes:
    try:
        return gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
    except (OSError, EOFError):
        return b""


# --- decoding and extracting one page -------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    if codec.startswith("utf-16") or codec.startswith("utf-32"):
        return "utf-8"  # a meta tag cannot truthfully declare UTF-16 (the HTML standard reads it as UTF-8)
    if codec in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"  # what browsers do: windows-1252 is the superset these labels mean
    return codec


def decode_html(raw: bytes, content_type: str | None = None) -> str:
    """A page's text: the charset of the byte-order mark, the HTTP header, or the page's own
    ``<meta charset>``, else UTF-8, else windows-1252 (every byte decodes)."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(codec, "replace")
    declared = None
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I)
        declared = _codec(m.group(1)) if m else None
    if declared is None:
        m = _META_CHARSET.search(raw[:4096])
        declared = _codec(m.group(1).decode("ascii", "ignore")) if m else None
    for codec in filter(None, (declared, "utf-8")):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode(declared or "cp1252", "replace")


def _needs(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise InputError(f"reading web pages needs {module}, which is missing: reinstall kursk-claims (pip install -e .)") from e


_HOSTLIKE = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?::\d+)?$|^[\d.]+(?::\d+)?$|^localhost(?::\d+)?$", re.I)


def extract_html(html: str, url: str | None = None) -> tuple[str, dict[str, str | None]] | None:
    """The main text and the metadata of a page (``source``, ``published``, ``url``,
    ``title``), or None when the page has no main text."""
    trafilatura = _needs("trafilatura")
    _needs("htmldate")
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:
            return None
        meta = _page_metadata(tree, url)  # first: the extraction below prunes the tree
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                                          include_tables=True, fast=True)
    except Exception:  # a page lxml parsed into something trafilatura cannot walk
        return None
    if doc is None or not (doc.text or "").strip():
        return None
    return doc.text.strip(), meta


def _page_metadata(tree, url: str | None) -> dict[str, str | None]:
    """Title, outlet, date and canonical URL, with trafilatura's readers of Open Graph and
    meta tags, JSON-LD, ``<title>``/``<h1>`` and ``<link rel=canonical>``, and htmldate.
    (trafilatura's ``extract_metadata`` also hunts for authors, categories, tags and a
    licence in the page body: half the cost of a page, for nothing used here.)"""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    md = examine_meta(tree)
    try:
        md = extract_meta_json(tree, md)
    except Exception:  # trafilatura's JSON-LD reader on malformed JSON-LD
        pass
    title = md.title or extract_title(tree)
    page_url = md.url or extract_url(tree, url)
    if page_url and urlsplit(page_url).scheme not in ("http", "https"):
        page_url = url
    published = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d", url=page_url)
    source = (md.sitename or extract_sitename(tree) or "").strip().lstrip("@") or None
    if source and (_HOSTLIKE.match(source) or (url and source.lower() in (urlsplit(url).netloc.lower(), urlsplit(url).hostname or ""))):
        source = None  # a host name, not a name the page gives
    return {"source": source, "published": published if published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else None,
            "url": page_url or url, "title": (title or "").strip() or None}


def page_text(raw: bytes, key: str, url: str | None, content_type: str | None = None) -> WebText | Failure:
    """One HTML page (as bytes) as a ``WebText``, or why it cannot be read."""
    try:
        found = extract_html(decode_html(raw, content_type), url)
    except InputError as e:
        return Failure(key, str(e))
    if found is None:
        return Failure(key, "no article text found in the page")
    text, meta = found
    return WebText(key, text, meta)


# --- files ----------------------------------------------------------------------------

def file_texts(path: Path, key: str, kind: str, fetcher: Fetcher | None = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[WebText | Failure]:
    """The pages of a saved page, a WARC archive or a feed file."""
    if kind == "warc":
        yield from warc_texts(path, key, max_bytes)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes * 5:
            yield Failure(key, f"larger than {max_bytes * 5 / 1e6:g} MB; not read as one page")
            return
        raw = path.read_bytes()
    except OSError as e:
        yield Failure(key, cannot_read(e))
        return
    yield from bytes_texts(raw, key, kind, fetcher)


def bytes_texts(raw: bytes, key: str, kind: str, fetcher: Fetcher | None = None) -> Iterator[WebText | Failure]:
    """The pages of a saved page or a feed, as bytes already read (``kind`` ``html`` or ``feed``)."""
    if kind == "feed":
        fetcher = fetcher or Fetcher()
        try:
            yield from feed_texts(raw, key, fetcher)
        finally:
            fetcher.close()  # the next use opens it again
        return
    saved_from = _SAVED_FROM.search(raw[:1024])  # the address a browser notes atop a saved page
    yield page_text(raw, key, saved_from.group(1).decode("ascii") if saved_from else None)


_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[!-~]+?)\s*-->", re.I)


def warc_texts(path: Path | BinaryIO, key: str, max_bytes: int = DEFAULT_MAX_BYTES, background: bool = True) -> Iterator[WebText | Failure]:
    """Every HTML response in a WARC file (plain or gzipped), read one record at a time: an
    article keyed by the record's target URI, dated by the record when the page is not.

    With ``background``, after the first ``CHUNK`` pages the HTML is handed to one helper
    process, a few chunks at a time, so extracting the next pages overlaps with reading the
    claims of these (memory stays flat: only ``CHUNK * AHEAD`` pages are in flight)."""
    chunks = batched(_warc_records(path, key, max_bytes), CHUNK)
    first = next(chunks, None)
    if first is None:
        return
    yield from _pages_of(first)
    if not background:
        for chunk in chunks:
            yield from _pages_of(chunk)
        return
    yield from _in_helper(chunks)


CHUNK = 16  # pages per message to and from the helper process
AHEAD = 4  # chunks in flight


def _pages_of(chunk: list) -> list[WebText | Failure]:
    """The pages of a chunk of WARC records (a ``Failure`` passes through as it is)."""
    out: list[WebText | Failure] = []
    for rec in chunk:
        if isinstance(rec, Failure):
            out.append(rec)
            continue
        where, body, url, ctype, warc_date = rec
        item = page_text(body, where, url, ctype)
        if isinstance(item, WebText):
            item.archive = {"published": warc_date}
        out.append(item)
    return out


def _in_helper(chunks: Iterator[list]) -> Iterator[WebText | Failure]:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ctx.Pool(1) as pool:
        window: list = []
        for chunk in chunks:
            window.append(pool.apply_async(_pages_of, (chunk,)))
            if len(window) >= AHEAD:
                yield from window.pop(0).get()
        for result in window:
            yield from result.get()


def _warc_records(path: Path | BinaryIO, key: str, max_bytes: int) -> Iterator[tuple | Failure]:
    """``(key, body, url, content type, record date)`` for each HTML page of a WARC file (a
    path, or a stream already open: a pipe is read once, from where it stands)."""
    try:
        warcio = _needs("warcio.archiveiterator")
    except InputError as e:
        yield Failure(key, str(e))
        return
    from warcio.exceptions import ArchiveLoadFailed

    f: BinaryIO
    if isinstance(path, Path):
        try:
            f = path.open("rb")
        except OSError as e:
            yield Failure(key, cannot_read(e))
            return
    else:
        f = path
    found = 0
    with f:
        try:
            for record in warcio.ArchiveIterator(f):
                if record.rec_type not in ("response", "resource"):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.rec_type == "response":
                    if record.http_headers is None:
                        continue
                    status = record.http_headers.get_statuscode()
                    ctype = record.http_headers.get_header("Content-Type") or ""
                    if status != "200":
                        continue  # redirects, errors: not articles
                else:
                    ctype = record.rec_headers.get_header("Content-Type") or ""
                if ctype.split(";")[0].strip().lower() not in HTML_TYPES:
                    continue
                where = uri or f"{key}#{found + 1}"
                body = record.content_stream().read(max_bytes + 1)
                found += 1
                if len(body) > max_bytes:
                    yield Failure(where, f"larger than the {max_bytes / 1e6:g} MB cap; not read")
                    continue
                yield where, body, uri if is_url(uri) else None, ctype, _iso_date(record.rec_headers.get_header("WARC-Date"))
        except ArchiveLoadFailed:
            yield Failure(key, f"a damaged WARC file after {found} pages" if found else "not a WARC file (no WARC record at its start)")
            return
        except (OSError, EOFError, ValueError) as e:
            yield Failure(key, f"a damaged WARC file after {found} pages ({e.__class__.__name__})")
            return
    if not found:
        yield Failure(key, "a WARC file with no HTML pages in it")


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        m = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
        return m.group(0) if m else None


# --- feeds ----------------------------------------------------------------------------

@dataclass(slots=True)
class FeedEntry:
    link: str | None
    title: str | None
    source: str | None
    published: str | None


def feed_entries(raw: bytes, where: str) -> list[FeedEntry] | Failure:
    """The entries of an RSS or Atom feed, with the feed's name and each entry's date."""
    try:
        feedparser = _needs("feedparser")
    except InputError as e:
        return Failure(where, str(e))
    parsed = feedparser.parse(raw)
    if not parsed.entries:
        why = "not an RSS or Atom feed" if parsed.get("bozo") and not parsed.feed else "a feed with no entries"
        return Failure(where, why)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    out = []
    for e in parsed.entries:
        when = e.get("published_parsed") or e.get("updated_parsed")
        published = dt.date(when.tm_year, when.tm_mon, when.tm_mday).isoformat() if when else None
        source = ((e.get("source") or {}).get("title") or "").strip() or feed_title
        out.append(FeedEntry((e.get("link") or "").strip() or None, (e.get("title") or "").strip() or None, source, published))
    return out


def feed_texts(raw: bytes, where: str, fetcher: Fetcher | None) -> Iterator[WebText | Failure]:
    """Each entry's page, fetched; its date, outlet and title from the feed where the page
    gives none."""
    entries = feed_entries(raw, where)
    if isinstance(entries, Failure):
        yield entries
        return
    links = []
    for n, entry in enumerate(entries, 1):
        if entry.link is None:
            yield Failure(f"{where} entry {n}", "an entry without a link")
        else:
            links.append(entry)
    fetcher = fetcher or Fetcher()
    for entry, result in zip(links, fetcher.fetch_all(e.link for e in links)):
        item = _fetched_text(result, follow_feeds=False)
        if isinstance(item, WebText):
            item.feed = {"source": entry.source, "published": entry.published, "title": entry.title}
        yield item


# --- URLs -----------------------------------------------------------------------------

def url_texts(urls: Iterable[str], fetcher: Fetcher) -> Iterator[WebText | Failure]:
    """Each URL's page, fetched (or from the cache); a URL that serves a feed gives its entries.
    The fetcher's connections are closed at the end."""
    try:
        for result in fetcher.fetch_all(urls):
            yield from _expand(result, fetcher)
    finally:
        fetcher.close()


def _expand(result: Page | FetchError, fetcher: Fetcher) -> Iterator[WebText | Failure]:
    if isinstance(result, Page) and sniff_bytes(result.body[:4096], urlsplit(result.final_url).path, result.content_type) == "feed":
        yield from feed_texts(result.body, result.url, fetcher)
        return
    yield _fetched_text(result, follow_feeds=True)


def _fetched_text(result: Page | FetchError, follow_feeds: bool) -> WebText | Failure:
    if isinstance(result, FetchError):
        return Failure(result.url, result.message)
    kind = sniff_bytes(result.body[:4096], urlsplit(result.final_url).path, result.content_type)
    if kind != "html":
        what = "a feed inside a feed" if kind == "feed" and not follow_feeds else f"not an HTML page ({result.content_type or 'no content type'})"
        return Failure(result.url, what + "; not read")
    return page_text(result.body, result.url, result.final_url, result.content_type)
