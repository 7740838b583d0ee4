"""Reading articles: files, folders, standard input and JSON Lines article files, with the
publisher and date from the records, a sidecar ``sources.json``/``sources.csv``, a
``--sources`` file, or what the text itself shows.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..core.article import Article, Problem
from ..core.controls import without_controls
from ..core.errors import InputError, cannot_read
from ..reading.dates import article_date, parse_date
from ..reading.outlets import article_source

if TYPE_CHECKING:
    from .fetch import Fetcher

ARTICLE_SUFFIXES = (".txt", ".md")
SIDECARS = ("sources.json", "sources.csv")

__all__ = ["Article", "Problem", "article_source", "jsonl_articles", "load_sources", "read_articles", "read_stdin",
           "read_text_file"]


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
    """A sources file (JSON list of objects, or CSV with ``,``, ``;``, tab or ``|`` between
    fields) keyed by file name and by url. What cannot be read is an InputError naming the
    line (CSV) or the entry (JSON): a stray quote, a list or a number where a string belongs."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the sources file ({e.__class__.__name__})") from e
    rows: list[tuple[str, dict[str, Any]]]  # (where in the file, the row)
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path, raw)
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}: not valid JSON ({e.msg}, line {e.lineno}); expected a list of objects") from e
        except (ValueError, RecursionError) as e:
            raise InputError(f"{path}: not a sources file ({e.__class__.__name__}); expected a list of objects") from e
        if isinstance(data, dict):
            for k, v in data.items():
                if not isinstance(v, dict):
                    raise InputError(f"{path}: entry {k!r} is {_json_type(v)}, not an object with 'publisher', 'published'")
            data = [dict(v, file=k) for k, v in data.items()]
        if not isinstance(data, list):
            raise InputError(f"{path}: expected a list of objects with 'file', 'publisher', 'published'")
        rows = []
        for i, r in enumerate(data, 1):
            if not isinstance(r, dict):
                raise InputError(f"{path}: entry {i} is {_json_type(r)}, not an object with 'file', 'publisher', 'published'")
            rows.append((f"entry {i}", r))
    table: dict[str, dict[str, str | None]] = {}
    for where, row in rows:
        for k in ("file",) + _TEXT_FIELDS:
            v = row.get(k)
            if v is not None and not isinstance(v, str):
                raise InputError(f"{path}: {where}: {k!r} must be a string, not {_json_type(v)}")
        meta = _meta_from(row)
        for key in (row.get("file"), row.get("url")):
            if key:
                table[str(key)] = meta
                table[Path(str(key)).name] = meta
    return table


_DELIMITERS = ",;\t|"


def _csv_rows(path: Path, raw: str) -> list[tuple[str, dict[str, Any]]]:
    """The rows of a sources CSV, its delimiter the one its header line uses most."""
    header = raw.lstrip("\ufeff").split("\n", 1)[0]
    delimiter = max(_DELIMITERS, key=lambda d: (header.count(d), d == ","))
    reader = csv.DictReader(io.StringIO(raw.lstrip("\ufeff")), delimiter=delimiter, strict=True)
    rows = []
    start = 2  # the line the row being read starts on
    try:
        for row in reader:
            if None in row or any(v is None for v in row.values()):
                raise InputError(f"{path}: line {start}: {'more' if None in row else 'fewer'} fields than the header names")
            if any("\n" in v for v in row.values() if isinstance(v, str)):
                raise InputError(f"{path}: line {start}: a field runs over several lines (a stray quote?)")
            rows.append((f"line {start}", row))
            start = reader.line_num + 1
    except csv.Error as e:
        raise InputError(f"{path}: line {start}: not valid CSV ({e}; a stray quote?)") from e
    return rows


# --- reading inputs -------------------------------------------------------------------

def read_text_file(path: Path) -> str:
    """The UTF-8 text of an article file; one clear error for what cannot be an article."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: {cannot_read(e)}") from e
    return _text_of(raw, path)


def _text_of(raw: bytes, path: Path | str, empty: str = "empty file") -> str:
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: a binary file, not an article (expected UTF-8 text)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: not UTF-8 text (bad byte at offset {e.start}); convert it with iconv first") from e
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError(f"{path}: {empty}")
    return text


def read_stdin(stream: io.TextIOBase | Any) -> str | None:
    """All of standard input as UTF-8 text, or None when it is not UTF-8. The bytes are read
    and decoded strictly: a text stream's lenient decoding (surrogate escapes) would let bad
    bytes through to fail later, when the claims are written."""
    raw = getattr(stream, "buffer", None)
    try:
        text = raw.read().decode("utf-8") if raw is not None else stream.read()
        text.encode("utf-8")  # no lone surrogates from a lenient text stream
    except (UnicodeDecodeError, UnicodeEncodeError):
        return None
    return text[1:] if text.startswith("\ufeff") else text


def read_articles(inputs: list[str], *, sources: Path | None = None, as_of: dt.datetime | None = None,
                  stdin: io.TextIOBase | None = None, urls: list[str] | None = None,
                  fetcher: Fetcher | None = None) -> Iterator[Article | Problem]:
    """Every article the inputs name, in order, or a ``Problem`` for each that cannot be read.
    URLs (among the inputs, and ``urls``) are fetched with ``fetcher``, after the files."""
    extra = load_sources(sources) if sources else {}
    web_urls: list[str] = []
    for given in inputs:
        if _is_url(given):
            web_urls.append(given)
            continue
        if given == "-":
            text = read_stdin(stdin or sys.stdin)
            if text is None:
                yield Problem("<stdin>", "not UTF-8 text (convert it with iconv first)")
                continue
            if not text.strip():
                yield Problem("<stdin>", "no text on standard input")
                continue
            if text.lstrip().startswith("{"):
                yield from jsonl_articles(text, "<stdin>", extra, as_of)
            elif (page := _stdin_html(text)) is not None:
                yield from _web_articles([page], extra, {}, as_of, None)
            else:
                yield _with_meta(Article("-", text), extra, {}, as_of)
            continue
        path = Path(given)
        if not path.exists():
            yield Problem(given, "no such file or folder")
            continue
        given = path_key(given)
        if not path.is_dir() and not path.is_file():  # a named pipe, <(cmd), /dev/stdin
            yield from _stream_articles(path, given, extra, as_of, fetcher)
            continue
        if path.is_dir():
            unreadable: list[OSError] = []
            files = sorted(p for p in _walk(path, unreadable) if p.is_file() and (p.suffix.lower() in ARTICLE_SUFFIXES + (".jsonl",) or _is_web_file(p.name))
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            for e in unreadable:
                yield Problem(str(Path(given) / Path(e.filename).relative_to(path)) if e.filename else given,
                              f"a folder that cannot be read ({e.strerror or e.__class__.__name__}); its articles were left out")
            if not files:
                yield Problem(given, "a folder with no articles in it (.txt, .md or .jsonl files)")
                continue
            sidecars: dict[Path, dict] = {}
            for f in files:
                sidecar, bad = _sidecar(f.parent, sidecars)
                if bad:
                    yield bad
                yield from _file_articles(f, str(Path(given) / f.relative_to(path)), extra, sidecar, as_of, fetcher)
            continue
        sidecar, bad = _sidecar(path.parent, {})
        if bad:
            yield bad
        yield from _file_articles(path, given, extra, sidecar, as_of, fetcher)
    if web_urls or urls:
        yield from _url_articles(web_urls + list(urls or []), extra, as_of, fetcher)


def path_key(given: str) -> str:
    """The name of a file or folder however its path was spelled: relative to the working
    folder when it lies within it (``seeds``, ``./seeds/``, ``$PWD/seeds``, ``x/../seeds``
    all give ``seeds``), else absolute. Symbolic links are kept as named.

    >>> import os; path_key(os.path.join(os.getcwd(), "seeds", "")) == path_key("./seeds") == "seeds"
    True
    """
    full = os.path.abspath(given)
    rel = os.path.relpath(full)
    return full if rel == ".." or rel.startswith(".." + os.sep) else rel


def _walk(folder: Path, errors: list[OSError]) -> Iterator[Path]:
    """Every file under ``folder`` (symbolic links to folders not followed); each sub-folder
    that cannot be read goes to ``errors``."""
    for top, dirs, names in os.walk(folder, onerror=errors.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # hidden folders are left out
        for name in names:
            yield Path(top) / name


def _sidecar(folder: Path, cache: dict[Path, dict]) -> tuple[dict, Problem | None]:
    """The sources file beside articles, and the first time, a Problem when it cannot be read
    (its articles are then read without it)."""
    if folder in cache:
        return cache[folder], None
    table: dict = {}
    bad = None
    for name in SIDECARS:
        f = folder / name
        if f.is_file():
            try:
                table = load_sources(f)
            except InputError as e:
                where, _, why = str(e).partition(": ")
                bad = Problem(where, f"{why}; the articles beside it are read without it")
            break
    cache[folder] = table
    return table, bad


def _file_articles(path: Path, key: str, extra: dict, sidecar: dict, as_of: dt.datetime | None,
                   fetcher: Fetcher | None = None) -> Iterator[Article | Problem]:
    if path.suffix.lower() == ".jsonl":
        yield from _jsonl_file(path, key, extra, as_of)
        return
    kind = _web_kind(path)
    if kind:
        from .web import file_texts

        yield from _web_articles(file_texts(path, key, kind, fetcher), extra, sidecar, as_of, path.name if kind == "html" else None)
        return
    try:
        text = read_text_file(path)
    except InputError as e:
        yield Problem(key, str(e).split(": ", 1)[-1])
        return
    yield _with_meta(Article(key, text), extra, sidecar.get(path.name) or sidecar.get(key) or {}, as_of)


def _jsonl_file(path: Path, key: str, extra: dict, as_of: dt.datetime | None) -> Iterator[Article | Problem]:
    """A JSON Lines articles file, read a line at a time so its size does not matter."""
    f = _open(path, key)
    if isinstance(f, Problem):
        yield f
        return
    with f:
        head = f.read(8192)
        if head.count(b"\x00") > max(2, len(head) // 100):  # a stray NUL spoils its own line only
            yield Problem(key, "a binary file, not JSON Lines articles")
            return
        if not head.strip():
            yield Problem(key, "empty file")
            return
        f.seek(0)
        yield from jsonl_articles(_lines(f), key, extra, as_of)


def _open(path: Path, key: str) -> BinaryIO | Problem:
    """``path`` opened for reading bytes, or the problem that kept it shut."""
    try:
        return path.open("rb")
    except OSError as e:
        return Problem(key, cannot_read(e))


def _lines(f: Iterable[bytes]) -> Iterator[str]:
    """The lines of a JSON Lines file as text (one not UTF-8 marked as such)."""
    for n, raw in enumerate(f, 1):
        try:
            yield raw.decode("utf-8").lstrip("\ufeff") if n == 1 else raw.decode("utf-8")
        except UnicodeDecodeError:
            yield "\x00not-utf8"


def _stream_articles(path: Path, key: str, extra: dict, as_of: dt.datetime | None,
                     fetcher: Fetcher | None) -> Iterator[Article | Problem]:
    """A named pipe, a ``<(cmd)`` or ``/dev/stdin``: opened once and read once, as a stream.
    (Opened a second time, a pipe waits for a writer that has gone, or has nothing left.) What
    it is (JSON Lines, a web page, a feed, a WARC archive, plain text) is told from its first
    bytes, and its name when they do not say."""
    from .web import bytes_texts, sniff_bytes, warc_texts

    f = _open(path, key)
    if isinstance(f, Problem):
        yield f
        return
    with f:
        head = b""
        while len(head) < 8192 and (more := f.read(8192 - len(head))):
            head += more  # a pipe gives what its writer has written so far
        if not head.strip():
            yield Problem(key, "empty: nothing was written to it")
            return
        stream = io.BufferedReader(_Prefixed(head, f))
        kind = sniff_bytes(head[:4096], path.name) or sniff_bytes(head[:4096], "stream.gz")  # a pipe's name says nothing
        if kind == "warc":
            yield from _web_articles(warc_texts(stream, key, background=False), extra, {}, as_of, None)
            return
        if path.suffix.lower() == ".jsonl" or not kind and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            if head.count(b"\x00") > max(2, len(head) // 100):
                yield Problem(key, "a binary file, not JSON Lines articles")
                return
            yield from jsonl_articles(_lines(stream), key, extra, as_of)
            return
        raw = stream.read()
    if kind:
        yield from _web_articles(bytes_texts(raw, key, kind, fetcher), extra, {}, as_of, None)
        return
    try:
        text = _text_of(raw, key, "empty: nothing was written to it")
    except InputError as e:
        yield Problem(key, str(e).split(": ", 1)[-1])
        return
    yield _with_meta(Article(key, text), extra, {}, as_of)


class _Prefixed(io.RawIOBase):
    """The bytes already read from a stream, then the rest of it."""

    def __init__(self, head: bytes, rest: Any) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def jsonl_articles(lines: Iterable[str] | str, where: str, extra: dict, as_of: dt.datetime | None) -> Iterator[Article | Problem]:
    if isinstance(lines, str):
        lines = lines.split("\n")  # JSON Lines: a line ends at a newline only (U+2028 may be in a string)
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
        except (ValueError, RecursionError) as e:  # a number of thousands of digits; nesting too deep
            why = "nested too deeply" if isinstance(e, RecursionError) else str(e).split(";")[0][:80]
            yield Problem(f"{where}:{n}", f"not an article record ({why}); each line must be one article object")
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield Problem(f"{where}:{n}", "an article record needs a 'text' string")
            continue
        wrong = _wrong_field(record)
        if wrong:
            yield Problem(f"{where}:{n}", wrong)
            continue
        if any(isinstance(v, str) and _SURROGATE.search(v) for v in record.values()):
            yield Problem(f"{where}:{n}", "an unpaired surrogate escape (such as \\ud800) is not text")
            continue
        if not record["text"].strip():
            yield Problem(f"{where}:{n}", "empty 'text'")
            continue
        key = str(record.get("id") or record.get("url") or f"{where}:{n}")
        meta = _meta_from(record)
        yield _with_meta(Article(key, record["text"]), extra, meta, as_of)


_SURROGATE = re.compile("[\ud800-\udfff]")


_TEXT_FIELDS = ("url", "source", "publisher", "published", "date", "title")


def _wrong_field(record: dict[str, Any]) -> str | None:
    """What is wrong with an article record's fields ('id' must be a string or a whole number,
    the others strings), or None."""
    ident = record.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))):
        return f"'id' must be a string or a number, not {_json_type(ident)}"
    for k in _TEXT_FIELDS:
        v = record.get(k)
        if v is not None and not isinstance(v, str):
            return f"{k!r} must be a string, not {_json_type(v)}"
    return None


def _json_type(v: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(type(v), type(v).__name__)


def _clean(value: str | None) -> str | None:
    return without_controls(value) if value else value


def _with_meta(article: Article, extra: dict, meta: dict, as_of: dt.datetime | None) -> Article:
    override = extra.get(article.key) or extra.get(Path(article.key).name) or {}
    merged = {k: _clean(override.get(k) or meta.get(k)) for k in ("source", "published", "url", "title")}
    article.text = without_controls(article.text)  # an ESC[31m is no figure 31
    article.source = merged["source"] or article_source(article.text)
    article.published = merged["published"] or article_date(article.text, as_of=as_of)
    article.url = merged["url"]
    article.title = merged["title"]
    return article


# --- web pages, archives, feeds and URLs (web.py reads them; the precedence is applied here) ---

def _is_url(given: str) -> bool:
    from .fetch import is_url

    return is_url(given)


def _is_web_file(name: str) -> bool:
    from .web import is_web_file_name

    return is_web_file_name(name)


def _web_kind(path: Path) -> str | None:
    from .web import sniff

    return sniff(path)


def _stdin_html(text: str):
    """A web page piped on standard input, or None for plain text."""
    if not text.lstrip()[:1] == "<":
        return None
    from .web import page_text, sniff_bytes

    raw = text.encode("utf-8")
    return page_text(raw, "-", None, "text/html; charset=utf-8") if sniff_bytes(raw[:4096]) == "html" else None


def _url_articles(urls: list[str], extra: dict, as_of: dt.datetime | None, fetcher: Fetcher | None) -> Iterator[Article | Problem]:
    from .fetch import Fetcher
    from .web import url_texts

    yield from _web_articles(url_texts(urls, fetcher or Fetcher()), extra, {}, as_of, None)


def _web_articles(items: Iterable, extra: dict, sidecar: dict, as_of: dt.datetime | None,
                  file_name: str | None) -> Iterator[Article | Problem]:
    """Articles from web pages. Metadata precedence: explicit (``--sources``, a sidecar) >
    the page's own > the feed entry's > what the text shows > the archive record's date."""
    from .web import Failure

    for item in items:
        if isinstance(item, Failure):
            yield Problem(item.where, item.message)
            continue
        explicit = sidecar.get(item.key) or (sidecar.get(file_name) if file_name else None) or {}
        meta = {k: explicit.get(k) or item.page.get(k) or item.feed.get(k) for k in ("source", "published", "url", "title")}
        article = _with_meta(Article(item.key, item.text), extra, meta, as_of)
        if article.published is None:
            article.published = item.archive.get("published")
        yield article
