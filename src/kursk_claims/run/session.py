"""One extraction run, as ``kursk-claims extract`` makes it, callable from a library: the
inputs read into articles (each name used once), the articles read into claims, the fresh
claims stored in one transaction, the records written, and what went wrong gathered.

    >>> from kursk_claims.core.article import Article
    >>> from kursk_claims.pipeline.components import build_pipeline
    >>> result = extract_session(build_pipeline(), [Article("a.txt", "Up to 300 people fled.")], collect=True)
    >>> result.articles, [c.text for c in result.claims], result.exit_code
    (1, ['Up to 300'], 0)

The caller says how the run is seen (``on_warning``, ``on_article``); the session prints
nothing itself.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..core.article import Article, Problem
from ..core.errors import ArticleError
from ..core.records import Claim, text_digest

if TYPE_CHECKING:
    from spacy.language import Language

    from ..comparing.conflicts import QuantityGroup, Skipped
    from ..core.records import Conflict
    from ..io.fetch import Fetcher
    from ..io.store import Store

__all__ = ["ConflictResult", "ExtractResult", "Guarded", "conflicts_session", "distinct_keys", "extract_session",
           "read_inputs", "unique_claims"]


class Writer(Protocol):
    def write_all(self, records: Iterable[dict[str, Any]]) -> None: ...

    def close(self) -> None: ...


@dataclass
class ExtractResult:
    """What one run did: the articles read, the claims written (and kept, with ``collect``),
    the problems met, and the output error that stopped it, if any."""

    articles: int = 0  # articles read, fresh or from the store
    fresh: int = 0  # articles read by the pipeline (not taken from the store)
    n_claims: int = 0  # claims written or collected
    claims: list[Claim] = field(default_factory=list)  # with collect=True
    no_claims: list[str] = field(default_factory=list)  # with collect=True: the articles without a claim
    problems: list[Problem] = field(default_factory=list)
    lost: OSError | None = None  # the write error that stopped the output (a closed pipe, a full disk)
    stored: bool = False  # whether the claims went to a store
    interrupted: bool = False  # Ctrl-C stopped the reading (what was read is stored)

    @property
    def nothing_read(self) -> bool:
        """Problems, and not one article read."""
        return bool(self.problems) and not self.articles

    @property
    def exit_code(self) -> int:
        """``extract``'s exit status for the articles: 0 when every one was read, 130 when
        Ctrl-C stopped the run, else 1."""
        return 130 if self.interrupted else 1 if self.problems else 0


def extract_session(nlp: Language, inputs: Iterable[Article | Problem], *, signature: str = "",
                    store: Store | None = None, writer: Writer | None = None, collect: bool = False,
                    batch_size: int = 16, workers: int = 1, model: str | None = None,
                    names: Sequence[dict[str, Any]] = (),
                    on_warning: Callable[[str], None] | None = None,
                    on_article: Callable[[], None] | None = None) -> ExtractResult:
    """Read ``inputs`` (articles, and problems met finding them) into claims.

    Fresh claims are stored in ``store`` (articles unchanged since ``signature`` are taken from
    it) in one transaction; each article's claims go to ``writer`` as records, or, with
    ``collect``, into the result. A write error stops the reading (what was read is stored)
    and is kept in ``result.lost``; so does Ctrl-C (``result.interrupted``); ``on_warning`` hears each problem and each article name
    given twice as it is met.
    """
    from .extract import extract_articles  # spaCy: only a run that reads articles loads it

    result = ExtractResult(stored=store is not None)
    say = on_warning or (lambda message: None)

    def problem(item: Problem) -> None:
        result.problems.append(item)
        say(str(item))

    def articles() -> Iterator[Article]:
        for item in distinct_keys(inputs, say):
            if isinstance(item, Problem):
                problem(item)
            else:
                yield item

    def failed(article: Article | None, e: Exception) -> None:
        why = str(e) if isinstance(e, ArticleError) else f"{e.__class__.__name__}: {e}"
        problem(Problem(article.key if article else "an article", f"could not be read ({why})"))

    known = (lambda a: store.cached(a, signature)) if store else None
    results = extract_articles(nlp, articles(), batch_size=batch_size, workers=workers, known=known, model=model,
                               on_error=failed, names=names)
    guarded = Guarded(writer) if writer is not None else None
    with store.transaction() if store else nullcontext():
        try:
            for article, claims, fresh in _until_lost(results, guarded):
                if fresh and store:
                    store.replace(article, claims, signature)
                result.articles += 1  # counted once stored: Ctrl-C from here on keeps it
                result.n_claims += len(claims)
                result.fresh += fresh
                if guarded:
                    guarded.write_all(c.to_dict() for c in claims)
                elif collect:
                    result.claims.extend(claims)
                    if not claims:
                        result.no_claims.append(article.key)
                if on_article:
                    on_article()
        except KeyboardInterrupt:  # Ctrl-C: the articles read so far are stored and written
            result.interrupted = True
            results.close()  # type: ignore[attr-defined]  # a pool of workers is ended here
        if guarded:
            guarded.close()
            result.lost = guarded.lost
    return result


def distinct_keys(items: Iterable[Article | Problem],
                  on_warning: Callable[[str], None] | None = None) -> Iterator[Article | Problem]:
    """The articles with one name each, and each text once: the same article given twice
    (under one name, or under two: ``seeds/a.txt`` and a copy, two records with one text) is
    read once, so one text never counts as two sources; a second, different article under a
    name already used (two JSON Lines records with one id) is read under ``name#2``; all said
    to ``on_warning``."""
    say = on_warning or (lambda message: None)
    seen: dict[str, str] = {}
    texts: dict[str, str] = {}  # digest -> the name it was first read under
    for item in items:
        if not isinstance(item, Article):
            yield item
            continue
        digest = text_digest(item.text)
        if item.key in seen and seen[item.key] == digest:
            say(f"{item.key}: the same article given twice; read once")
            continue
        if digest in texts:
            say(f"{item.key}: the same text as {texts[digest]}; read once, under {texts[digest]}")
            continue
        if item.key in seen:
            n = 2
            while f"{item.key}#{n}" in seen:
                n += 1
            say(f"{item.key}: a second, different article with this id; its claims are under {item.key}#{n}")
            item.key = f"{item.key}#{n}"
        seen[item.key] = digest
        texts[digest] = item.key
        yield item


def read_inputs(inputs: list[str], sources: Path | None, base: dt.datetime | None, urls: list[str] | None = None,
                fetcher: Fetcher | None = None) -> Iterator[Article | Problem]:
    """read_articles, plus Parquet files or folders of articles (a ``text`` column), read as
    JSON Lines article records are (after the other inputs)."""
    from ..core.errors import InputError
    from ..io.articles import jsonl_articles, load_sources, read_articles
    from ..io.parquet import article_records, is_article_table

    tables = {given for given in inputs if given != "-" and Path(given).exists() and is_article_table(given)}
    rest = [given for given in inputs if given not in tables]
    if rest or urls or not tables:
        yield from read_articles(rest, sources=sources, as_of=base, urls=urls, fetcher=fetcher)
    if tables:
        try:
            extra = load_sources(sources) if sources else {}
        except InputError:
            extra = {}  # read_articles names a bad sources file
        for given in inputs:
            if given in tables:
                yield from jsonl_articles(article_records(given), given, extra, base)


@dataclass
class ConflictResult:
    """The claims in groups of one quantity, those not compared (with why), and the conflicts
    reported, most severe first."""

    groups: list[QuantityGroup]
    skipped: list[Skipped]
    found: Sequence[Conflict]  # each put in words as it is read (see ``conflicts.Described``)


def conflicts_session(claims: list[Claim], *, min_severity: float = 0.0, kinds: Iterable[str] = (),
                      max_per_claim: int | None = 10, confidence: str = "low") -> ConflictResult:
    """The conflicts among ``claims`` as ``kursk-claims conflicts`` reports them: at most
    ``max_per_claim`` pairs per claim (None or 0: all), none below ``min_severity`` or of lower
    ``confidence`` (high, medium, low: all), only of ``kinds`` when given."""
    from ..comparing.conflicts import LEVELS, Described, found_conflicts, group_claims

    wanted = tuple(kinds)
    levels = LEVELS[:LEVELS.index(confidence) + 1]
    with _collector_paused():
        groups, skipped = group_claims(claims)
        found = found_conflicts(claims, groups, max_per_claim or None, keep=lambda f: (
            f.confidence in levels and f.severity >= min_severity and (not wanted or f.kind in wanted)))
    return ConflictResult(groups, skipped, Described(found))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector paused while the groups and conflicts are made; when the caller has
    frozen the claims out of its reach (the command does), what was made is frozen with them:
    it holds no cycle and lives as long as they do, and the collector's passes over a million
    young records, when it resumes, would cost seconds."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() > 0:
            gc.freeze()
        if was:
            gc.enable()


def unique_claims(claims: list[Claim], on_warning: Callable[[str], None] | None = None) -> list[Claim]:
    """The claims with exact duplicates left out (said to ``on_warning``): one figure read twice
    must not count twice in every conflict."""
    seen: set[bytes] = set()
    out = []
    for c in claims:
        key = _record_key(c)
        if key not in seen:
            seen.add(key)
            out.append(c)
    if len(out) < len(claims) and on_warning is not None:
        n = len(claims) - len(out)
        on_warning(f"left out {n} exact duplicate claim{'s' if n > 1 else ''}")
    return out


def _record_key(c: Claim) -> bytes:
    """A claim's record as a short digest: equal records, and only they (but for a chance of
    2^-128), give equal keys, without a copy of each record held."""
    import hashlib
    import json

    try:
        import orjson

        text = orjson.dumps(c.to_dict(), option=orjson.OPT_SORT_KEYS)
    except (ImportError, TypeError):  # a value orjson does not write (a lone surrogate): as json does
        text = json.dumps(c.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=16).digest()


class Guarded:
    """A record writer that keeps the first write error (a closed pipe, a full disk) instead of
    raising it, and writes nothing after it, so the run can stop cleanly and say why."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self.lost: OSError | None = None

    def write_all(self, records: Iterable[dict[str, Any]]) -> None:
        if self.lost is None:
            try:
                self.writer.write_all(records)
            except OSError as e:
                self.lost = e

    def close(self) -> None:
        if self.lost is None:
            try:
                self.writer.close()
            except OSError as e:
                self.lost = e


def _until_lost(results: Iterator[tuple[Article, list[Claim], bool]],
                writer: Guarded | None) -> Iterator[tuple[Article, list[Claim], bool]]:
    """The results until the output is lost; then no more articles are read."""
    for item in results:
        yield item
        if writer is not None and writer.lost is not None:
            results.close()  # type: ignore[attr-defined]
            return
