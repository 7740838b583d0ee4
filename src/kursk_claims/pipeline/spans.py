"""The claims as spaCy spans: ``doc.spans["claims"]``, one span per claim, labelled with its
measure (or ``claim``), its reading on ``Span._``; and drawn with displaCy.

The claims stay on ``doc._.claims`` (plain dicts, what the records are built from); the spans
point at them, so the two never disagree and the component costs next to nothing::

    >>> from kursk_claims.pipeline import build_pipeline
    >>> doc = build_pipeline()("At least 700,000 soldiers were killed, Kyiv said.")
    >>> [(s.text, s.label_, s._.value, s._.bound) for s in doc.spans["claims"]]
    [('At least 700,000', 'killed', 700000.0, 'at_least')]

A claim whose offsets fall inside a token (``5-10`` read as a range of one token ``5-10km``)
still gets a span: the tokens around it (``alignment_mode="expand"``).

Stored claims are drawn the same way: ``render_claims_html(claims_doc(text, claims), page=True)``.
"""
from __future__ import annotations

import warnings
from collections.abc import Iterable
from functools import cache
from typing import Any

import spacy

from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

SPANS_KEY = "claims"
DEFAULT_LABEL = "claim"

# Span._ attributes, each read from the claim's record on doc._.claims
ATTRIBUTES = ("value", "low", "high", "bound", "unit", "counted", "attribution", "speaker", "subject",
              "measure", "what", "figure")
_CLAIM_INDEX = "kursk_claims.span_claims"  # doc.user_data: [start_char, end_char, claim index] per span


def register_extensions() -> None:
    """``Span._.claim`` (the claim's dict) and one ``Span._`` attribute per key; an extension
    someone else registered under the same name is left alone."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Span.has_extension("claim"):
        Span.set_extension("claim", getter=claim_of)
    for name in ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_getter(name))


def _getter(name: str):
    def get(span: Span) -> Any:
        claim = claim_of(span)
        return claim.get(name) if claim is not None else None
    get.__name__ = f"claim_{name}"
    return get


def claim_of(span: Span) -> dict[str, Any] | None:
    """The claim a span of ``doc.spans["claims"]`` stands for (None for any other span)."""
    doc = span.doc
    claims = doc._.claims or []
    for start, end, i in doc.user_data.get(_CLAIM_INDEX) or ():
        if start == span.start_char and end == span.end_char and i < len(claims):
            return claims[i]
    for c in claims:  # a doc whose index was not kept: the claim the span holds
        if span.start_char <= c["start"] and c["end"] <= span.end_char:
            return c
    return None


class ClaimSpans:
    """Puts every claim of ``doc._.claims`` in ``doc.spans[spans_key]``."""

    def __init__(self, spans_key: str = SPANS_KEY) -> None:
        register_extensions()
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims or []
        spans: list[Span] = []
        index: list[tuple[int, int, int]] = []  # a list, so it survives msgpack as docs cross processes
        for i, c in enumerate(claims):
            span = doc.char_span(c["start"], c["end"], label=c.get("measure") or DEFAULT_LABEL,
                                 alignment_mode="expand")
            if span is None:  # only an empty or out-of-range claim has no tokens
                continue
            spans.append(span)
            index.append((span.start_char, span.end_char, i))
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=spans)
        doc.user_data[_CLAIM_INDEX] = index
        return doc


@Language.factory("kursk_spans", default_config={"spans_key": SPANS_KEY})
def make_spans(nlp: Language, name: str, spans_key: str) -> ClaimSpans:
    return ClaimSpans(spans_key)


@cache
def _blank() -> Language:
    return spacy.blank("en")


def claims_doc(text: str, claims: Iterable[Any]) -> Doc:
    """A doc of an article's text with its claim records (``Claim`` objects or their dicts,
    e.g. from the store) as ``doc.spans["claims"]``, without running the pipeline again."""
    register_extensions()  # no pipeline may have been built in this process (``show --html``)
    doc = _blank().make_doc(text)
    doc._.claims = [c if isinstance(c, dict) else c.to_dict() for c in claims]
    return ClaimSpans()(doc)


def render_claims_html(doc: Doc, *, page: bool = False, spans_key: str = SPANS_KEY) -> str:
    """The doc's text with each claim marked and labelled by its measure (displaCy's span
    style); ``page`` gives a whole HTML page rather than a fragment."""
    if spans_key not in doc.spans:
        doc.spans[spans_key] = SpanGroup(doc, name=spans_key)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W117\]")  # no claims: the text alone is right
        return displacy.render(doc, style="span", options={"spans_key": spans_key}, page=page, jupyter=False)
