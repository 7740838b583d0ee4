"""The spaCy pipeline: ``spacy.blank("en")`` plus this project's components, or a trained
pipeline the user names, with the same components added.

Components, in order (each a ``@Language.factory``):

- ``kursk_sentences``: sentence boundaries by rule (left out when the pipeline has a parser
  or a senter);
- ``kursk_numbers``: every number as written, on ``doc._.numerals``;
- ``kursk_quantities``: numbers joined with their bounds, ranges and units, non-claims
  dropped; the figures become ``doc._.claims`` (plain dicts, so docs cross processes);
- ``kursk_attribution``: who says so;
- ``kursk_context``: counted noun, subject, measure, scope;
- ``kursk_dates``: the date each figure's sentence gives;
- ``kursk_spans``: each claim as a span in ``doc.spans["claims"]`` (see ``spans.py``).

Settings go through spaCy's config (``nlp.config``, ``config.cfg`` once saved), and the
factories and the tokenizer are entry points, so a pipeline saved with ``nlp.to_disk()`` loads
again with ``spacy.load()``.

    >>> nlp = build_pipeline()
    >>> [c["text"] for c in nlp("Over 300 people fled.")._.claims]
    ['Over 300']
"""
from __future__ import annotations

import bisect
import hashlib
import json
from functools import cache
from pathlib import Path
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from ..reading import attribution, dates, discourse, numbers, sentences
from ..reading.names import check_pack, use_names
from .spans import make_spans  # noqa: F401  (registers the kursk_spans factory)
from ..core.errors import ModelError

PIPELINE_VERSION = "1"
MAX_ARTICLE_CHARS = 20_000_000
COMPONENTS = ("kursk_numbers", "kursk_quantities", "kursk_attribution", "kursk_context", "kursk_dates", "kursk_spans")
TOKENIZER = "kursk_claims.TextKeepingTokenizer.v1"


_TEXT_KEY = "kursk_claims.text"
_SPANS_KEY = "kursk_claims.sentences"


class TextKeepingTokenizer:
    """The pipeline's tokenizer, keeping the text on the doc: ``doc.text`` joins every token
    again on each call, which would cost as much as tokenising."""

    def __init__(self, tokenizer: Any):
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        doc.user_data[_TEXT_KEY] = text
        return doc

    def __getattr__(self, name: str) -> Any:  # to_disk, rules, etc. stay the tokenizer's
        if name == "tokenizer":
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


@registry.tokenizers(TOKENIZER)
def make_text_keeping_tokenizer(tokenizer: Any) -> Any:
    """The config's tokenizer (``[nlp.tokenizer]``): the one in ``[nlp.tokenizer.tokenizer]``,
    kept text and all; the pipeline reads texts of any length (rules, not a parser)."""
    def create(nlp: Language) -> TextKeepingTokenizer:
        nlp.max_length = max(nlp.max_length, MAX_ARTICLE_CHARS)
        return TextKeepingTokenizer(tokenizer(nlp))
    return create


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_TEXT_KEY)
    return text if text is not None else doc.text


def _extension(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


class SentenceSetter:
    """Sets sentence starts from ``sentences.boundaries`` in one array write."""

    def __init__(self) -> None:
        pass

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        idx = doc.to_array([IDX]).astype(np.int64)
        starts = np.full(len(doc), -1, dtype=np.int64)
        text = doc_text(doc)
        found = sentences.boundaries(text)
        doc.user_data[_SPANS_KEY] = sentences.spans_between(text, found)  # for the components after
        cuts = np.array(found, dtype=np.int64)
        token_at = np.searchsorted(idx, cuts, side="left")
        token_at = token_at[token_at < len(doc)]
        starts[token_at] = 1
        starts[0] = 1
        doc.from_array([SENT_START], starts.view(np.uint64).reshape(-1, 1))
        return doc


class NumberReader:
    """Finds numerals: digits, scale words, written numbers, fractions, vague amounts."""

    def __init__(self) -> None:
        _extension("numerals")

    def __call__(self, doc: Doc) -> Doc:
        doc._.numerals = [n.to_tuple() for n in numbers.find_numerals(doc_text(doc))]
        return doc


class QuantityAssembler:
    """Joins numerals with bound cues, range partners and units; drops non-claims."""

    def __init__(self) -> None:
        _extension("numerals")
        _extension("claims")

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found = doc._.numerals
        numerals = [numbers.Numeral(*n) for n in found] if found is not None else numbers.find_numerals(text)
        spans = _sentence_spans(doc, text)
        starts = [s for s, _ in spans]
        claims = []
        for q in numbers.assemble_quantities(text, numerals):
            i = max(0, bisect.bisect_right(starts, q.start) - 1)
            s0, s1 = spans[i] if spans else (0, len(text))
            claims.append({
                "start": q.start, "end": q.end, "text": q.text, "value": q.value, "low": q.low,
                "high": q.high, "bound": q.bound, "unit": q.unit, "unit_kind": q.unit_kind,
                "tail": q.tail, "sentence_start": s0, "sentence_end": max(s1, q.end),
                "counted": None, "subject": None, "measure": None, "attribution": None,
                "scope": None, "date_ref": None, "source_spans": [],
            })
        doc._.claims = claims
        return doc


class AttributionReader:
    """Sets each claim's ``attribution`` (as written), ``speaker`` (one key per speaker) and
    ``via`` (the intermediary of a chain) from speech events, quotes, ``according to``, and
    the speaker the article carries on with; with a trained pipeline's entities, the source
    is trimmed to the person or organisation."""

    def __init__(self, use_entities: bool = False) -> None:
        _extension("claims")
        self.use_entities = use_entities

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims or []
        if not claims:
            return doc
        text = doc_text(doc)
        spans = _sentence_spans(doc, text)
        speech = attribution.Speech(text, spans)
        for c in claims:
            source = speech.source_for(c["start"])
            who, where = source.attribution, source.where
            if who and where and self.use_entities and doc.ents:
                who = _entity_in(doc, where) or who
            c["attribution"] = who
            c["speaker"] = source.speaker
            c["via"] = source.via
            c["source_spans"] = [list(s) for s in speech.source_spans(speech.sentence_index(c["start"]))]
        return doc


class ContextReader:
    """Sets ``counted``, ``subject``, ``measure`` and ``scope``; with a trained parser, the
    counted noun comes from its noun chunks."""

    def __init__(self, use_parser: bool = False, names: list[dict[str, Any]] | None = None) -> None:
        _extension("claims")
        self.use_parser = use_parser
        for pack in names or []:
            check_pack(pack)
        use_names(names or [])

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        claims = doc._.claims or []
        has_chunks = self.use_parser and bool(claims) and doc.has_annotation("DEP")
        noun_chunk = (lambda end, limit: _noun_chunk_after(doc, end, limit)) if has_chunks else None
        discourse.read_context(text, claims, noun_chunk)
        return doc


class DateReader:
    """Sets ``date_ref``: the parts of the date the figure's sentence gives, if any."""

    def __init__(self) -> None:
        _extension("claims")

    def __call__(self, doc: Doc) -> Doc:
        claims = doc._.claims or []
        text = doc_text(doc) if claims else ""
        has_date: dict[int, bool] = {}
        for c in claims:
            s0, s1 = c["sentence_start"], c["sentence_end"]
            if s0 not in has_date:  # most sentences name no date: look once per sentence
                has_date[s0] = dates.find_date_ref(text, s0, s1, None) is not None
            c["date_ref"] = dates.find_date_ref(text, s0, s1, c["start"]) if has_date[s0] else None
            if c["date_ref"] is None and c.get("points_to") is not None:
                c["date_ref"] = claims[c["points_to"]]["date_ref"]  # "put the toll at nine": that tally's day
        doc.user_data.pop(_TEXT_KEY, None)  # the last component: what was kept need not travel
        doc.user_data.pop(_SPANS_KEY, None)
        return doc


def _sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each sentence, read from the sentence starts in one pass
    (``doc.sents`` walks the tokens again for every sentence); kept until the last component."""
    spans = doc.user_data.get(_SPANS_KEY)
    if spans is None:
        spans = doc.user_data[_SPANS_KEY] = _read_sentence_spans(doc, text)
    return spans


def _read_sentence_spans(doc: Doc, text: str) -> list[tuple[int, int]]:
    if len(doc) == 0:
        return []
    marks = doc.to_array([SENT_START]).astype(np.int64)
    if not marks.any():
        return sentences.sentence_spans(text)
    idx = doc.to_array([IDX]).astype(np.int64)
    is_start = marks == 1
    is_start[0] = True
    return sentences.spans_between(text, idx[is_start].tolist())


def _entity_in(doc: Doc, where: tuple[int, int]) -> str | None:
    """A trained pipeline's PERSON or ORG entity inside the source phrase, to trim it."""
    ents = [e for e in doc.ents if e.start_char >= where[0] and e.end_char <= where[1] and e.label_ in ("PERSON", "ORG", "NORP", "GPE")]
    person = [e for e in ents if e.label_ == "PERSON"]
    chosen = (person or [e for e in ents if e.label_ == "ORG"] or [None])[-1]
    return chosen.text if chosen is not None else None


def _noun_chunk_after(doc: Doc, end: int, limit: int) -> tuple[str, int, int] | None:
    """A parser's noun chunk that holds or follows the figure: its words after the figure."""
    for chunk in doc.noun_chunks:
        if chunk.end_char <= end:
            continue
        if chunk.start_char > limit or chunk.start_char > end + 20:
            break
        words = [t for t in chunk if t.idx >= end and not t.like_num]
        if words and words[-1].pos_ in ("NOUN", "PROPN", ""):
            return doc.text[words[0].idx:words[-1].idx + len(words[-1])], words[0].idx, words[-1].idx + len(words[-1])
    return None


@Language.factory("kursk_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSetter:
    return SentenceSetter()


@Language.factory("kursk_numbers")
def make_numbers(nlp: Language, name: str) -> NumberReader:
    return NumberReader()


@Language.factory("kursk_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityAssembler:
    return QuantityAssembler()


@Language.factory("kursk_attribution", default_config={"use_entities": None})
def make_attribution(nlp: Language, name: str, use_entities: bool | None) -> AttributionReader:
    """``use_entities``: trim sources to the PERSON/ORG entities of the pipeline's own
    recogniser; null: when the pipeline has one."""
    if use_entities is None:
        use_entities = has_entities(nlp)
    return AttributionReader(use_entities=use_entities)


@Language.factory("kursk_context", default_config={"use_parser": None, "names": []})
def make_context(nlp: Language, name: str, use_parser: bool | None, names: list[dict[str, Any]]) -> ContextReader:
    """``use_parser``: read the counted noun from the parser's noun chunks; null: when the
    pipeline has a parser. ``names``: names packs of the user's (``{"parties": {"Party":
    ["alias", ...]}}``), saved with the pipeline."""
    if use_parser is None:
        use_parser = has_parser(nlp)
    return ContextReader(use_parser=use_parser, names=names)


@Language.factory("kursk_dates")
def make_dates(nlp: Language, name: str) -> DateReader:
    return DateReader()


def has_entities(nlp: Language) -> bool:
    return any(nlp.has_pipe(p) for p in ("ner", "entity_ruler", "span_ruler"))


def has_parser(nlp: Language) -> bool:
    return nlp.has_pipe("parser")


def build_pipeline(model: str | None = None, names: Sequence[dict[str, Any]] = ()) -> Language:
    """``spacy.blank("en")`` with the project's components, or the named trained pipeline
    (a package name or a folder) with them added after its own. ``names``: names packs of the
    user's (:func:`kursk_claims.reading.names.load_names_file`), added to the built-in ones."""
    if model is None or model == "blank":
        nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER, "tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}})
    else:
        nlp = load_model(model)
    if not (nlp.has_pipe("parser") or nlp.has_pipe("senter") or nlp.has_pipe("sentencizer")):
        nlp.add_pipe("kursk_sentences", first=True)
    switches = {"kursk_attribution": {"use_entities": has_entities(nlp)},
                "kursk_context": {"use_parser": has_parser(nlp), "names": [dict(p) for p in names]}}
    for name in COMPONENTS:
        if not nlp.has_pipe(name):
            nlp.add_pipe(name, config=switches.get(name, {}))
    if not isinstance(nlp.tokenizer, TextKeepingTokenizer):
        nlp.tokenizer = TextKeepingTokenizer(nlp.tokenizer)
        tokenizer_config = nlp.config["nlp"].get("tokenizer") or {"@tokenizers": "spacy.Tokenizer.v1"}
        nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER, "tokenizer": tokenizer_config}  # saved as it runs
    nlp.max_length = max(nlp.max_length, MAX_ARTICLE_CHARS)  # rules, not a parser: long texts are fine
    return nlp


def load_model(model: str) -> Language:
    """Load a trained pipeline by package name or path, with a clear error when it is absent."""
    path = Path(model)
    try:
        if path.exists():
            return spacy.load(path)
        return spacy.load(model)
    except OSError as e:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: it is neither an installed package nor a "
            f"pipeline folder. Install one (e.g. `python -m spacy download en_core_web_sm` where "
            f"downloads work, or `pip install` its wheel), or leave out --model to use the built-in rules."
        ) from e
    except Exception as e:  # a folder that is not a spaCy pipeline
        raise ModelError(f"cannot load the spaCy pipeline {model!r}: {str(e).splitlines()[0]}") from e


def pipeline_signature(nlp: Language, model: str | None) -> str:
    """What decides whether stored claims are still current: the project's code and data
    files, and the model."""
    names = nlp.get_pipe_config("kursk_context").get("names") if nlp.has_pipe("kursk_context") else None
    packs = hashlib.sha1(json.dumps(names, sort_keys=True).encode()).hexdigest()[:8] if names else ""
    return f"{_rules_digest()}{':' + packs if packs else ''}:{model or 'blank'}:{','.join(nlp.pipe_names)}"


@cache
def _rules_digest() -> str:
    """A digest of every code and data file of the package, sub-packages included."""
    from importlib import resources

    h = hashlib.sha1(PIPELINE_VERSION.encode())
    root = resources.files("kursk_claims")
    for name, data in sorted(_package_files(root, "")):
        h.update(name.encode())
        h.update(data)
    return h.hexdigest()[:16]


def _package_files(folder: Any, prefix: str) -> Iterator[tuple[str, bytes]]:
    for f in folder.iterdir():
        if f.is_dir() and f.name != "__pycache__":
            yield from _package_files(f, f"{prefix}{f.name}/")
        elif f.is_file() and f.name.endswith((".py", ".json", ".txt")):
            yield f"{prefix}{f.name}", f.read_bytes()


def claims_of(doc: Doc) -> list[dict[str, Any]]:
    return doc._.claims or []
