"""Reading articles: files, folders, standard input and JSON Lines article files, with the
publisher and date from the records, a sidecar ``sources.json``/``sources.csv``, a
``--sources`` file, or what the text itself shows.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .dates import article_date, parse_date
from .errors import InputError
from .lexicon import word_list

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECARS = ("sources.json", "sources.csv")


@dataclass(slots=True)
class Article:
    key: str  # the article as the user named it: a path, or a record's id/url
    text: str
    source: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(slots=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


# --- metadata -------------------------------------------------------------------------

def _meta_from(record: dict[str, Any]) -> dict[str, str | None]:
    def pick(*keys: str) -> str | None:
        for k in keys:
            v = record.get(k)
            if v not in (None, ""):
                return str(v)
        return None

    published = pick("published", "date")
    if published:
        published = parse_date(published) or published
    return {"source": pick("publisher", "source"), "published": published, "url": pick("url"),
            "title": pick("title")}


def load_sources(path: Path) -> dict[str, dict[str, str | None]]:
    """A sources file (JSON list of objects, or CSV) keyed by file name and by url."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the sources file ({e.__class__.__name__})") from e
    rows: list[dict[str, Any]]
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(io.StringIO(raw)))
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}: not valid JSON ({e.msg}, line {e.lineno}); expected a list of objects") from e
        if isinstance(data, dict):
            data = [dict(v, file=k) if isinstance(v, dict) else {} for k, v in data.items()]
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a list of objects with 'file', 'publisher', 'published'")
        rows = [r for r in data if isinstance(r, dict)]
    table: dict[str, dict[str, str | None]] = {}
    for row in rows:
        meta = _meta_from(row)
        for key in (row.get("file"), row.get("url")):
            if key:
                table[str(key)] = meta
                table[Path(str(key)).name] = meta
    return table


# --- what the text shows --------------------------------------------------------------

@cache
def _outlets() -> re.Pattern:
    """One pattern for every known outlet, the longest name first."""
    names = sorted(word_list("outlets"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


_FOOTER = re.compile(
    r"(?:maintained(?: and managed)? by|all rights reserved by|©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?|copyright\s*(?:©\s*)?(?:\d{4})?)"
    r"\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&.'-]*)(?:\s+[A-Z][\w&.'-]*){0,4})", re.I)
_FOOTER_WORDS = ("maintained", "all rights reserved by", "©", "copyright")  # what _FOOTER needs, lower-cased
_BYLINE_SOURCE = re.compile(r"(?m)^\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[,|–—-]\s*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*$")
_DATELINE_SOURCE = re.compile(r"(?m)^[A-Z][A-Z .'-]{2,30},[^\n(]{0,30}\((?P<name>[A-Z][\w .&'-]{1,40})\)\s*[-–—]")
_REACHED_OUT = re.compile(r"(?:^|[.!?]\s+|\n)(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:has\s+)?reached out to\b")


def article_source(text: str) -> str | None:
    """The outlet the text shows: a footer (``maintained by X``, ``© X``), ``X reached out to
    … for comment``, or a known outlet / short site name heading the page."""
    tail = text[-3000:]
    lowered = tail.lower()
    has_footer = any(k in lowered for k in _FOOTER_WORDS)  # a substring test first: the pattern is slower
    for m in (_FOOTER.finditer(tail) if has_footer else ()):
        name = _known_outlet(m.group("name")) or _trim_outlet(m.group("name"))
        if name:
            return name
    m = _BYLINE_SOURCE.search(text[:800])
    if m:
        return _known_outlet(m.group("name")) or m.group("name").strip()
    m = _DATELINE_SOURCE.search(text[:600])
    if m:
        return _known_outlet(m.group("name")) or m.group("name").strip()
    m = _REACHED_OUT.search(text) if "reached out to" in text else None
    if m:
        return _known_outlet(m.group("name")) or m.group("name").strip()
    lines = text.splitlines()
    head = [line.strip() for line in lines[:3]]
    if head and head[0]:
        first = head[0]
        if _known_outlet(first) == first:
            return first
        words = first.split()
        blank_after = len(head) > 1 and head[1] == ""
        if blank_after and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"[.:!?,]$", first):
            return first
    return None


def _known_outlet(phrase: str) -> str | None:
    m = _outlets().search(phrase)
    return m.group(1) if m else None


def _trim_outlet(name: str) -> str | None:
    words = [w.rstrip(".,;:") for w in name.split() if w.lower() not in ("all", "rights", "reserved", "by", "the")]
    words = [w for w in words if not re.fullmatch(r"[A-Z]{2,4}", w) or len(words) == 1]  # "APL KosovaPress"
    return " ".join(words[:3]) or None


# --- reading inputs -------------------------------------------------------------------

def read_text_file(path: Path) -> str:
    """The UTF-8 text of an article file; one clear error for what cannot be an article."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e.__class__.__name__})") from e
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: a binary file, not an article (expected UTF-8 text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (bad byte at offset {e.start}); convert it with iconv first") from e
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def read_articles(inputs: list[str], *, sources: Path | None = None, as_of: dt.datetime | None = None,
                  stdin: io.TextIOBase | None = None) -> Iterator[Article | Problem]:
    """Every article the inputs name, in order, or a ``Problem`` for each that cannot be read."""
    extra = load_sources(sources) if sources else {}
    for given in inputs:
        if given == "-":
            stream = stdin or sys.stdin
            try:
                text = stream.read()
            except UnicodeDecodeError:
                yield Problem("<stdin>", "not UTF-8 text")
                continue
            if not text.strip():
                yield Problem("<stdin>", "no text on standard input")
                continue
            if text.lstrip().startswith("{"):
                yield from _jsonl_articles(text, "<stdin>", extra, as_of)
            else:
                yield _with_meta(Article("-", text), extra, {}, as_of)
            continue
        path = Path(given)
        if not path.exists():
            yield Problem(given, "no such file or folder")
            continue
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES + (".jsonl",)
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            if not files:
                yield Problem(given, "a folder with no articles in it (.txt, .md or .jsonl files)")
                continue
            sidecars: dict[Path, dict] = {}
            for f in files:
                yield from _file_articles(f, str(Path(given) / f.relative_to(path)), extra, _sidecar(f.parent, sidecars, given), as_of)
            continue
        sidecar = _sidecar(path.parent, {}, given)
        yield from _file_articles(path, given, extra, sidecar, as_of)


def _sidecar(folder: Path, cache: dict[Path, dict], given: str) -> dict:
    if folder in cache:
        return cache[folder]
    table: dict = {}
    for name in SIDECARS:
        f = folder / name
        if f.is_file():
            try:
                table = load_sources(f)
            except InputError:
                table = {}
            break
    cache[folder] = table
    return table


def _file_articles(path: Path, key: str, extra: dict, sidecar: dict, as_of: dt.datetime | None) -> Iterator[Article | Problem]:
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_file(path, key, extra, as_of)
        return
    try:
        text = read_text_file(path)
    except InputError as e:
        yield Problem(key, str(e).split(": ", 1)[-1])
        return
    yield _with_meta(Article(key, text), extra, sidecar.get(path.name) or sidecar.get(key) or {}, as_of)


def _jsonl_file(path: Path, key: str, extra: dict, as_of: dt.datetime | None) -> Iterator[Article | Problem]:
    """A JSON Lines articles file, read a line at a time so its size does not matter."""
    try:
        f = path.open("rb")
    except OSError as e:
        yield Problem(key, f"cannot read ({e.strerror or e.__class__.__name__})")
        return
    with f:
        head = f.read(8192)
        if b"\x00" in head:
            yield Problem(key, "a binary file, not JSON Lines articles")
            return
        if not head.strip():
            yield Problem(key, "empty file")
            return
        f.seek(0)

        def lines() -> Iterator[str]:
            for n, raw in enumerate(f, 1):
                try:
                    yield raw.decode("utf-8").lstrip("\ufeff") if n == 1 else raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield "\x00not-utf8"

        yield from _jsonl_articles(lines(), key, extra, as_of)


def _jsonl_articles(lines: Iterable[str] | str, where: str, extra: dict, as_of: dt.datetime | None) -> Iterator[Article | Problem]:
    if isinstance(lines, str):
        lines = lines.splitlines()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line == "\x00not-utf8":
            yield Problem(f"{where}:{n}", "not UTF-8 text")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield Problem(f"{where}:{n}", f"not valid JSON ({e.msg}); each line must be one article object")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Problem(f"{where}:{n}", "an article record needs a 'text' string")
            continue
        if not record["text"].strip():
            yield Problem(f"{where}:{n}", "empty 'text'")
            continue
        key = str(record.get("id") or record.get("url") or f"{where}:{n}")
        meta = _meta_from(record)
        yield _with_meta(Article(key, record["text"]), extra, meta, as_of)


def _with_meta(article: Article, extra: dict, meta: dict, as_of: dt.datetime | None) -> Article:
    override = extra.get(article.key) or extra.get(Path(article.key).name) or {}
    merged = {k: override.get(k) or meta.get(k) for k in ("source", "published", "url", "title")}
    article.source = merged["source"] or article_source(article.text)
    article.published = merged["published"] or article_date(article.text, as_of=as_of)
    article.url = merged["url"]
    article.title = merged["title"]
    return article
