"""The SQLite store of extracted claims, so ``conflicts`` and ``report`` need no arguments.

One row per article (its text digest and the pipeline that read it) and one per claim.
A run writes in one transaction: an interrupted run leaves the store as it was, and
concurrent runs wait for each other instead of corrupting it.
"""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import wraps
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

from .articles import Article
from ..core.errors import RecordError, StoreError
from ..core.records import Claim, loads_record, text_digest

DEFAULT_DB = "kursk-claims.db"
LOCK_WAIT_S = 600  # how long a writer waits for another to finish
WAIT_NOTICE_S = 2.0  # how long it waits before saying so
_WAIT_STEP_S = 0.25
ENV_DB = "KURSK_CLAIMS_DB"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article TEXT PRIMARY KEY,
    digest TEXT NOT NULL,
    signature TEXT NOT NULL,
    source TEXT,
    published TEXT,
    url TEXT,
    title TEXT,
    extracted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    article TEXT NOT NULL REFERENCES articles(article) ON DELETE CASCADE,
    id TEXT NOT NULL,
    start INTEGER NOT NULL,
    measure TEXT,
    subject TEXT,
    unit TEXT,
    record TEXT NOT NULL,
    PRIMARY KEY (article, id)
);
CREATE INDEX IF NOT EXISTS claims_measure ON claims(measure, subject, unit);
CREATE INDEX IF NOT EXISTS articles_digest ON articles(digest);
CREATE TABLE IF NOT EXISTS article_texts (
    article TEXT PRIMARY KEY,
    text BLOB NOT NULL
);
"""
# article_texts: each article's text (zlib-compressed UTF-8), the text claims' start/end index;
# a store made before it existed gains the empty table when opened, and its articles are read
# again (to store their text) the next time they are extracted.


def default_path(db: str | None = None) -> Path:
    return Path(db or os.environ.get(ENV_DB) or DEFAULT_DB)


# the columns the store reads and writes; a table may have more (a user's own notes), never fewer
_COLUMNS = {"articles": ("article", "digest", "signature", "source", "published", "url", "title", "extracted_at"),
            "claims": ("article", "id", "start", "measure", "subject", "unit", "record")}


_F = TypeVar("_F", bound=Callable[..., Any])


def _reading(method: _F) -> _F:
    """A read of the store that meets damaged pages (the header intact, the data not) raises a
    StoreError naming the store, not SQLite's traceback."""
    @wraps(method)
    def read(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot read the claims store ({e}); "
                             "pass --db with another path or --no-store") from e
    return read  # type: ignore[return-value]


class Store:
    def __init__(self, path: Path, *, readonly: bool = False, on_wait: Callable[[str], None] | None = None):
        """Open the store. ``readonly`` opens it for reading only: nothing is created or switched,
        so a store the user may read but not write still reads. Before anything is written, the
        file is checked to be an empty database or a claims store (never another tool's file).

        A writer waits for another one (up to ``LOCK_WAIT_S``); when the wait lasts more than
        ``WAIT_NOTICE_S``, ``on_wait`` (by default, a line on stderr) is told once what it waits for."""
        self.path = path
        self.on_wait = on_wait or (lambda line: print(line, file=sys.stderr, flush=True))
        try:
            if readonly:
                self.conn = _connect_readonly(path)
                self._check_schema()
                return
            self.conn = sqlite3.connect(str(path), timeout=LOCK_WAIT_S, isolation_level=None)
            self._check_schema()
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._begin()  # all tables or none: others may be checking
            try:
                for statement in filter(str.strip, _SCHEMA.split(";")):
                    self.conn.execute(statement)  # (executescript would commit the open transaction first)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{path}: cannot open the claims store ({e}); pass --db with another path or --no-store") from e

    def _check_schema(self) -> None:
        """A StoreError unless the database is empty or holds the store's tables with their columns."""
        tables = {name: sql for name, sql in self.conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
                  if not name.startswith("sqlite_")}
        if not tables:
            return
        for table, needed in _COLUMNS.items():
            if table not in tables:
                raise StoreError(f"{self.path}: a SQLite database of another tool (tables: {', '.join(sorted(tables)[:5])}); "
                                 "it was left untouched: pass --db with another path")
            have = {row[1] for row in self.conn.execute(f"PRAGMA table_info({table})")}
            missing = [c for c in needed if c not in have]
            if missing:
                raise StoreError(f"{self.path}: its {table!r} table is not a kursk-claims table (no {', '.join(missing)}); "
                                 "it was left untouched: pass --db with another path")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @_reading
    def cached(self, article: Article, signature: str) -> list[Claim] | None:
        """The stored claims of an article whose text and pipeline are unchanged, else None."""
        row = self.conn.execute("SELECT digest, signature, source, published FROM articles WHERE article = ?",
                                (article.key,)).fetchone()
        if row is None or row[0] != text_digest(article.text) or row[1] != signature:
            return None
        if row[2] != article.source or row[3] != article.published:
            return None  # the metadata changed: read it again so every claim carries the new one
        if not self.has_text(article.key):
            return None  # stored before texts were kept: read it again to keep its text
        return self.claims_of(article.key)

    @_reading
    def claims_of(self, article: str) -> list[Claim]:
        rows = self.conn.execute("SELECT record FROM claims WHERE article = ? ORDER BY start", (article,))
        return [Claim.from_dict(loads_record(r[0])) for r in rows]

    def save(self, results: Iterable[tuple[Article, list[Claim]]], signature: str) -> int:
        """Replace the claims of each article, all in one transaction. Returns the articles saved."""
        n = 0
        with self.transaction():
            for article, claims in results:
                self.replace(article, claims, signature)
                n += 1
        return n

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``: the write lock, waited for (up to ``LOCK_WAIT_S``) while another
        run holds it, a short while at a time so Ctrl-C stops the wait, saying so once."""
        start = time.monotonic()
        told = False
        self.conn.execute(f"PRAGMA busy_timeout = {int(_WAIT_STEP_S * 1000)}")
        try:
            while True:
                try:
                    self.conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as e:
                    waited = time.monotonic() - start
                    if not _busy(e) or waited >= LOCK_WAIT_S:
                        raise
                    if not told and waited >= WAIT_NOTICE_S:
                        told = True
                        self.on_wait(f"waiting for the store {self.path}: another kursk-claims run is writing to it "
                                     f"(up to {LOCK_WAIT_S // 60} minutes; Ctrl-C to stop)")
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {LOCK_WAIT_S * 1000}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: all of it lands, or none of it (an interrupted run)."""
        try:
            self._begin()
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path}: the store is busy or read-only ({e}); try again, or pass --db or --no-store") from e
        try:
            yield
            try:
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{self.path}: cannot save the claims ({e}); the store is as it was") from e
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def replace(self, article: Article, claims: list[Claim], signature: str) -> None:
        """Put an article's claims in place of the ones stored before (inside a transaction)."""
        self.conn.execute("SAVEPOINT article")  # all of the article or none of it, even on Ctrl-C
        try:
            self._replace(article, claims, signature)
            self.conn.execute("RELEASE article")
        except BaseException as e:
            if self.conn.in_transaction:
                try:
                    self.conn.execute("ROLLBACK TO article")
                    self.conn.execute("RELEASE article")
                except sqlite3.DatabaseError:
                    pass  # the run's transaction is rolled back as a whole
            if isinstance(e, sqlite3.DatabaseError):  # a user's own NOT NULL column, a full disk
                raise StoreError(f"{self.path}: cannot save the claims of {article.key} ({e}); "
                                 "nothing of this run was saved: pass --db with another path or --no-store") from e
            raise

    def _replace(self, article: Article, claims: list[Claim], signature: str) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        digest = text_digest(article.text)
        # the same text stored under another name (the path spelled another way, a copy) is
        # this article: it is replaced, so one text never counts as two sources
        for (other,) in self.conn.execute("SELECT article FROM articles WHERE digest = ? AND article != ?",
                                          (digest, article.key)).fetchall():
            self.forget(other)
        self.conn.execute("DELETE FROM claims WHERE article = ?", (article.key,))
        self.conn.execute(
            "INSERT OR REPLACE INTO articles (article, digest, signature, source, published, url, title, extracted_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (article.key, digest, signature, article.source, article.published,
             article.url, article.title, now))
        self.conn.executemany(
            "INSERT OR REPLACE INTO claims (article, id, start, measure, subject, unit, record) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(c.article, c.id, c.start, c.measure, c.subject, c.unit, json.dumps(c.to_dict(), ensure_ascii=False))
             for c in claims])
        self.save_text(article.key, article.text)

    def forget(self, article: str) -> None:
        """Remove an article, its claims and its text (inside a transaction)."""
        for table in ("claims", "article_texts", "articles"):
            self.conn.execute(f"DELETE FROM {table} WHERE article = ?", (article,))

    def save_text(self, article: str, text: str) -> None:
        """Keep an article's text, compressed (inside a transaction)."""
        self.conn.execute("INSERT OR REPLACE INTO article_texts VALUES (?, ?)",
                          (article, zlib.compress(text.encode("utf-8"), 6)))

    @_reading
    def has_text(self, article: str) -> bool:
        return self.conn.execute("SELECT 1 FROM article_texts WHERE article = ?", (article,)).fetchone() is not None

    @_reading
    def text_of(self, article: str) -> str | None:
        """The stored text of an article (the text its claims' offsets index), or None."""
        try:
            row = self.conn.execute("SELECT text FROM article_texts WHERE article = ?", (article,)).fetchone()
        except sqlite3.OperationalError as e:
            if "no such table" in str(e):  # a store from before texts were kept, opened read-only
                return None
            raise
        return zlib.decompress(row[0]).decode("utf-8") if row else None

    @_reading
    def titles(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT article, title FROM articles WHERE title IS NOT NULL"))

    @_reading
    def article_info(self, article: str) -> dict | None:
        row = self.conn.execute("SELECT article, source, published, url, title FROM articles WHERE article = ?",
                                (article,)).fetchone()
        return dict(zip(("article", "source", "published", "url", "title"), row)) if row else None

    @_reading
    def find_article(self, name: str) -> list[str]:
        """The stored articles a name means: the key itself, else those whose URL is the name,
        else those whose key ends with it (``troops.html`` for ``pages/troops.html``)."""
        for query, arg in (("SELECT article FROM articles WHERE article = ?", name),
                           ("SELECT article FROM articles WHERE url = ?", name),
                           ("SELECT article FROM articles WHERE substr(article, -length(?)) = ? ORDER BY article", name)):
            rows = self.conn.execute(query, (arg, arg) if query.count("?") == 2 else (arg,)).fetchall()
            if rows:
                return [r[0] for r in rows]
        return []

    def all_claims(self) -> Iterator[Claim]:
        try:
            if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'claims'").fetchone():
                return  # an empty database, opened read-only: no claims yet
            rows = self.conn.execute("SELECT article, record FROM claims ORDER BY article, start")
            for article, record in rows:
                try:
                    yield Claim.from_dict(loads_record(record))
                except (ValueError, TypeError, RecursionError, RecordError) as e:
                    raise StoreError(f"{self.path}: a stored claim of {article!r} is damaged ({e}); "
                                     "extract that article again") from e
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot read the claims store ({e})") from e

    @_reading
    def count(self) -> tuple[int, int]:
        a = self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        c = self.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
        return a, c


def _busy(e: sqlite3.OperationalError) -> bool:
    """Whether an error means another connection holds the lock."""
    code = getattr(e, "sqlite_errorcode", None)
    return code in (5, 6) if code is not None else "locked" in str(e) or "busy" in str(e)


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection; where SQLite cannot share a write-ahead log read-only (no write
    access to the folder), the file is read as it stands."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=600, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
