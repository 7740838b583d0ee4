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
            measure=d["measure"], as_of=as_of, scope=d["scope"],
        ))
    return out


def extract_article(nlp: Language, article: Article) -> list[Claim]:
    return to_claims(article, claims_of(nlp(article.text)))


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, workers: int = 1,
                     known: Callable[[Article], list[Claim] | None] | None = None,
                     ) -> Iterator[tuple[Article, list[Claim], bool]]:
    """Each article with its claims, in input order, streamed through ``nlp.pipe`` in batches.

    ``known`` returns the claims already stored for an unchanged article; those articles are
    not read again. The third item says whether the claims are fresh.
    """
    def items() -> Iterator[tuple[str, tuple[Article, list[Claim] | None]]]:
        for a in articles:
            cached = known(a) if known else None
            yield ("" if cached is not None else a.text), (a, cached)

    for doc, (article, cached) in nlp.pipe(items(), as_tuples=True, batch_size=batch_size, n_process=max(1, workers)):
        if cached is not None:
            yield article, cached, False
        else:
            yield article, to_claims(article, claims_of(doc)), True
