"""From articles to claims: run the pipeline, then add what the article knows (its name,
outlet, date) to each figure.

    >>> from kursk_claims.core.article import Article
    >>> nlp = build_pipeline()
    >>> [(c.text, c.counted) for c in extract_article(nlp, Article("a.txt", "Up to 300 people fled."))]
    [('Up to 300', 'people')]
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, cast

from spacy.language import Language
from spacy.tokens import Doc

from ..comparing.time import WAR
from ..core.article import Article
from ..core.batching import batched
from ..core.drafts import ClaimDraft
from ..core.errors import ArticleError
from ..core.records import Claim, claim_id, text_digest
from ..lexicon import battle_over, names_a_battle
from ..pipeline.components import build_pipeline, claims_of
from ..reading.dates import resolve
from ..reading.placing import latest_named_date, war_over

__all__ = ["article_drafts", "build_pipeline", "chunks", "extract_article", "extract_articles", "to_claims"]


def to_claims(article: Article, drafts: list[ClaimDraft]) -> list[Claim]:
    """Claim records from the pipeline's drafts for one article."""
    digest = text_digest(article.text)
    out = []
    # an article without a date is placed no earlier than the latest day its text names (read
    # once, when a figure first needs it)
    placed: str | None = None
    place = not article.published
    over: str | None = None  # the words saying the war is over, read when a total first needs them
    read_over = False
    sentences: dict[tuple[int, int], str] = {}  # each sentence's words, joined once for its figures
    for d in drafts:
        span = (d["sentence_start"], d["sentence_end"])
        sentence = sentences.get(span)
        if sentence is None:
            sentence = sentences[span] = " ".join(article.text[span[0]:span[1]].split())
        dated_by_sentence = resolve(d.get("date_ref"), article.published)
        as_of = dated_by_sentence or article.published
        dated = "sentence" if dated_by_sentence else ("article" if article.published else None)
        if d.get("earlier") and not dated_by_sentence:
            as_of, dated = None, "earlier"  # "shrank from 1,400 to 500": the 1,400 is of an unstated earlier day
        if place and not as_of:
            placed, place = latest_named_date(article.text), False
        if not read_over and d.get("figure") == "total":
            over, read_over = war_over(article.text, dated=article.published is not None), True
        out.append(Claim(
            id=claim_id(digest, d["start"], d["end"]), article=article.key, start=d["start"], end=d["end"],
            text=d["text"], sentence=sentence, value=d["value"], low=d["low"], high=d["high"],
            bound=d["bound"], unit=d["unit"], counted=d["counted"], source=article.source,
            published=article.published, attribution=d["attribution"], subject=d["subject"],
            measure=d["measure"], as_of=as_of, scope=d["scope"], url=article.url,
            speaker=d.get("speaker"), via=d.get("via"), what=d.get("what"), figure=d.get("figure"),
            place=d.get("place"), actor=d.get("actor"), dated=dated,
            part_of=claim_id(digest, *whole) if (whole := d.get("part_of")) else None,
            inferred=d.get("inferred") or None, not_before=None if as_of else placed,
            war_over=over if d.get("figure") == "total" and (not over or _final(d, over, sentence)) else None,
        ))
    return out


def _final(d: ClaimDraft, over: str, sentence: str) -> bool:
    """Whether a total of an article that says its war or battle is over is a final estimate:
    after a battle, its own totals are (placed in a town, or said of a battle in their
    sentence), not those of the whole war nor those counted from a named start ("since
    December")."""
    if not battle_over(over):
        return True
    scope = d.get("scope") or ""
    if scope.startswith("period") or d.get("place") == WAR:
        return False
    if over in sentence:  # "Once the city had fallen, he put …", not "Since the fall of X, Y has lost …"
        return not over.lower().startswith("since")
    return d.get("place") is not None or names_a_battle(sentence)


def extract_article(nlp: Language, article: Article) -> list[Claim]:
    return to_claims(article, article_drafts(nlp, article.text))


CHUNK_CHARS = 100_000  # a long article is read in pieces of about this size: memory stays bounded


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    r"""``(offset, piece)`` for a text cut into pieces of at most ``size`` characters, cut at a
    paragraph break where there is one, else at a line break, a sentence end or a space, so
    that no sentence (and no figure) is split in any ordinary text.

    >>> [(o, p) for o, p in chunks("one.\n\ntwo.\n\nthree.", 8)]
    [(0, 'one.\n\n'), (6, 'two.\n\n'), (12, 'three.')]
    """
    start = 0
    while len(text) - start > size:
        end = start + size
        for seam in ("\n\n", "\n", ". ", " "):
            i = text.rfind(seam, start + size // 4, end)
            if i >= 0:
                end = i + len(seam)
                break
        yield start, text[start:end]
        start = end
    yield start, text[start:]


RECORDS_ONLY = ("kursk_spans",)  # components the records do not read: left out when only records are made


def _drafts(doc: Doc) -> list[ClaimDraft]:
    """The drafts of a document the pipeline read."""
    return cast(list[ClaimDraft], claims_of(doc))


def article_drafts(nlp: Language, text: str) -> list[ClaimDraft]:
    """The pipeline's drafts for a whole text, a long one read piece by piece."""
    if len(text) <= CHUNK_CHARS:
        return _drafts(nlp(text, disable=RECORDS_ONLY))
    out: list[ClaimDraft] = []
    for offset, piece in chunks(text):
        out.extend(_shifted(_drafts(nlp(piece, disable=RECORDS_ONLY)), offset))
    return out


def _shifted(drafts: list[ClaimDraft], offset: int) -> list[ClaimDraft]:
    """Drafts read from a piece, with their offsets moved to the whole text's."""
    if offset:
        for d in drafts:
            d["start"] += offset
            d["end"] += offset
            d["sentence_start"] += offset
            d["sentence_end"] += offset
            if d.get("source_spans"):
                d["source_spans"] = [[a + offset, b + offset] for a, b in d["source_spans"]]
    return drafts


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, workers: int = 1,
                     known: Callable[[Article], list[Claim] | None] | None = None,
                     model: str | None = None,
                     on_error: Callable[[Article | None, Exception], None] | None = None,
                     names: Sequence[dict[str, Any]] = (),
                     ) -> Iterator[tuple[Article, list[Claim], bool]]:
    """Each article with its claims, in input order, streamed through ``nlp.pipe`` in batches.

    ``known`` returns the claims already stored for an unchanged article; those articles are
    not read again. The third item says whether the claims are fresh. With ``workers`` > 1,
    batches go to that many processes, each with its own pipeline (built from ``model`` and the
    user's ``names`` packs);
    only the claims come back, which costs far less than sending spaCy docs between processes.
    ``on_error`` hears of an article the pipeline failed on; the others are still read.
    """
    def items() -> Iterator[tuple[Article, list[Claim] | None]]:
        for a in articles:
            yield a, (known(a) if known else None)

    if workers > 1:
        yield from _extract_in_pool(items(), batch_size, workers, model, on_error, nlp, names)
        return
    def pieces() -> Iterator[tuple[str, tuple[Article, list[Claim] | None, int, bool, int]]]:
        for n, (a, cached) in enumerate(items()):
            if cached is not None or len(a.text) <= CHUNK_CHARS:
                yield ("" if cached is not None else a.text), (a, cached, 0, True, n)
                continue
            parts = chunks(a.text)  # a long article: its pieces, the last one marked
            offset, piece = next(parts)
            for next_offset, next_piece in parts:
                yield piece, (a, None, offset, False, n)
                offset, piece = next_offset, next_piece
            yield piece, (a, None, offset, True, n)

    failed: set[int] = set()  # the articles (by input position) a piece of which the pipeline failed on
    if on_error is not None:
        def handler(name: str, proc: object, docs: list, e: Exception) -> None:
            for doc in docs:  # the doc is dropped; the run goes on with the next article
                context = getattr(doc, "_context", None)
                article, n = (context[0], context[4]) if context else (None, -1)
                if n not in failed or n < 0:
                    on_error(article, e)
                failed.add(n)
        set_error_handler(nlp, handler)
    reading: Article | None = None  # the long article whose pieces are being gathered
    drafts: list[ClaimDraft] = []
    docs = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size, disable=RECORDS_ONLY)
    for doc, (article, cached, offset, last, n) in docs:
        if cached is not None:
            yield article, cached, False
            continue
        if article is not reading:
            reading, drafts = article, []
        drafts.extend(_shifted(_drafts(doc), offset))
        if last:
            reading = None
            if n in failed:
                continue
            yield article, to_claims(article, drafts), True


def set_error_handler(nlp: Language, handler: Callable[[str, object, list, Exception], None]) -> None:
    """``handler`` for every component of ``nlp`` that can take one. ``Language.set_error_handler``
    fails on a trained parser or entity recognizer (a compiled component with the method but no
    attribute to keep the handler in): those keep raising, the others hear of their failures."""
    nlp.default_error_handler = handler  # type: ignore[assignment]  # spaCy types the handler narrowly
    for _, pipe in nlp.pipeline:
        setter = getattr(pipe, "set_error_handler", None)
        if setter is None:
            continue
        try:
            setter(handler)
        except AttributeError:
            pass


_worker_nlp: Language | None = None
_WARM_UP = "On Monday, the ministry said more than 1,200 troops had taken 40 km² (15 sq mi) since August 6."


def _start_worker(model: str | None, names: Sequence[dict[str, Any]] = ()) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the pool
    global _worker_nlp
    if _worker_nlp is None:  # forked workers start with the parent's pipeline, already warm
        _worker_nlp = build_pipeline(model, names)


def _read_batch(batch: list[Article]) -> list[list[Claim] | str]:
    """Claims for each article, or the error an article raised (the others still count)."""
    assert _worker_nlp is not None
    out: list[list[Claim] | str] = []
    for a in batch:
        try:
            out.append(to_claims(a, article_drafts(_worker_nlp, a.text)))
        except Exception as e:  # one article's failure must not lose the batch
            out.append(f"{e.__class__.__name__}: {e}")
    return out


def _extract_in_pool(items: Iterator[tuple[Article, list[Claim] | None]], batch_size: int, workers: int,
                     model: str | None, on_error: Callable[[Article | None, Exception], None] | None,
                     nlp: Language, names: Sequence[dict[str, Any]] = ()) -> Iterator[tuple[Article, list[Claim], bool]]:
    import multiprocessing

    global _worker_nlp
    methods = multiprocessing.get_all_start_methods()
    fork = "fork" in methods
    ctx = multiprocessing.get_context("fork" if fork else "spawn")  # fork: no second start-up
    if fork:
        # one short text compiles the patterns and loads the word lists once, here; each
        # forked worker then starts reading at once instead of building all that again
        nlp(_WARM_UP, disable=RECORDS_ONLY)
        _worker_nlp = nlp
    batches = batched(items, batch_size)
    try:
        with ctx.Pool(workers, initializer=_start_worker, initargs=(model, list(names))) as pool:
            pending = ((batch, pool.apply_async(_read_batch, ([a for a, cached in batch if cached is None],)))
                       for batch in batches)
            # keep a few batches in flight per worker, in order
            window: list = []
            for entry in pending:
                window.append(entry)
                if len(window) < workers * 3:
                    continue
                yield from _drain(window.pop(0), on_error)
            for entry in window:
                yield from _drain(entry, on_error)
    finally:
        if fork:
            _worker_nlp = None


def _drain(entry: tuple[list[tuple[Article, list[Claim] | None]], object],
           on_error: Callable[[Article | None, Exception], None] | None) -> Iterator[tuple[Article, list[Claim], bool]]:
    batch, result = entry
    fresh = iter(result.get())  # type: ignore[attr-defined]
    for article, cached in batch:
        if cached is not None:
            yield article, cached, False
            continue
        claims = next(fresh)
        if isinstance(claims, str):
            if on_error is None:
                raise ArticleError(claims)
            on_error(article, ArticleError(claims))
            continue
        yield article, claims, True
