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
                     on_done: Callable[[Article], None] | None = None) -> Iterator[tuple[Article, list[Claim]]]:
    """Each article with its claims, in input order, through ``nlp.pipe`` in batches."""
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=max(1, workers)):
        claims = to_claims(article, claims_of(doc))
        if on_done:
            on_done(article)
        yield article, claims
