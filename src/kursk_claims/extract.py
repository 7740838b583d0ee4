"""From articles to claims: run the pipeline, then add what the article knows (its name,
outlet, date) to each figure.

    >>> from kursk_claims.articles import Article
    >>> nlp = build_pipeline()
    >>> [(c.text, c.counted) for c in extract_article(nlp, Article("a.txt", "Up to 300 people fled."))]
    [('Up to 300', 'people')]
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language

from .articles import Article
from .dates import resolve
from .errors import ArticleError
from .pipeline import build_pipeline, claims_of
from .records import Claim, claim_id, text_digest

__all__ = ["build_pipeline", "extract_article", "extract_articles", "to_claims"]


def to_claims(article: Article, drafts: list[dict]) -> list[Claim]:
    """Claim records from the pipeline's drafts for one article."""
    digest = text_digest(article.text)
    out = []
    for d in drafts:
        sentence = " ".join(article.text[d["sentence_start"]:d["sentence_end"]].split())
        as_of = resolve(d.get("date_ref"), article.published) or article.published
        out.append(Claim(
            id=claim_id(digest, d["start"], d["end"]), article=article.key, start=d["start"], end=d["end"],
            text=d["text"], sentence=sentence, value=d["value"], low=d["low"], high=d["high"],
            bound=d["bound"], unit=d["unit"], counted=d["counted"], source=article.source,
            published=article.published, attribution=d["attribution"], subject=d["subject"],
            measure=d["measure"], as_of=as_of, scope=d["scope"], url=article.url,
            speaker=d.get("speaker"), via=d.get("via"), what=d.get("what"), figure=d.get("figure"),
            place=d.get("place"), actor=d.get("actor"), dated=d.get("dated"),
        ))
    return out


def extract_article(nlp: Language, article: Article) -> list[Claim]:
    return to_claims(article, claims_of(nlp(article.text)))


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, workers: int = 1,
                     known: Callable[[Article], list[Claim] | None] | None = None,
                     model: str | None = None,
                     on_error: Callable[[Article | None, Exception], None] | None = None,
                     ) -> Iterator[tuple[Article, list[Claim], bool]]:
    """Each article with its claims, in input order, streamed through ``nlp.pipe`` in batches.

    ``known`` returns the claims already stored for an unchanged article; those articles are
    not read again. The third item says whether the claims are fresh. With ``workers`` > 1,
    batches go to that many processes, each with its own pipeline (built from ``model``);
    only the claims come back, which costs far less than sending spaCy docs between processes.
    ``on_error`` hears of an article the pipeline failed on; the others are still read.
    """
    def items() -> Iterator[tuple[Article, list[Claim] | None]]:
        for a in articles:
            yield a, (known(a) if known else None)

    if workers > 1:
        yield from _extract_in_pool(items(), batch_size, workers, model, on_error)
        return
    pairs = (("" if cached is not None else a.text, (a, cached)) for a, cached in items())
    if on_error is not None:
        def handler(name: str, proc: object, docs: list, e: Exception) -> None:
            for doc in docs:  # the doc is dropped; the run goes on with the next article
                context = getattr(doc, "_context", None)
                on_error(context[0] if context else None, e)
        nlp.set_error_handler(handler)
    for doc, (article, cached) in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        if cached is not None:
            yield article, cached, False
        else:
            yield article, to_claims(article, claims_of(doc)), True


_worker_nlp: Language | None = None


def _start_worker(model: str | None) -> None:
    global _worker_nlp
    _worker_nlp = build_pipeline(model)


def _read_batch(batch: list[Article]) -> list[list[Claim] | str]:
    """Claims for each article, or the error an article raised (the others still count)."""
    assert _worker_nlp is not None
    out: list[list[Claim] | str] = []
    for a in batch:
        try:
            out.append(to_claims(a, claims_of(_worker_nlp(a.text))))
        except Exception as e:  # one article's failure must not lose the batch
            out.append(f"{e.__class__.__name__}: {e}")
    return out


def _batches(items: Iterator[tuple[Article, list[Claim] | None]], size: int) -> Iterator[list[tuple[Article, list[Claim] | None]]]:
    batch: list[tuple[Article, list[Claim] | None]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _extract_in_pool(items: Iterator[tuple[Article, list[Claim] | None]], batch_size: int, workers: int,
                     model: str | None, on_error: Callable[[Article | None, Exception], None] | None,
                     ) -> Iterator[tuple[Article, list[Claim], bool]]:
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")  # fork: no second start-up
    batches = _batches(items, batch_size)
    with ctx.Pool(workers, initializer=_start_worker, initargs=(model,)) as pool:
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
