"""Sentence boundaries in news text, by rule: a line break ends a sentence, and so does
``. ! ?`` before a capital, unless the word before the stop is an abbreviation (``U.S.``,
``Dec.``, ``Gen.``) or an initial.

A "sentence" longer than ``MAX_SENTENCE_CHARS`` or with more than ``MAX_SENTENCE_BREAKS``
clause breaks (commas, semicolons, colons, dashes, brackets, conjunctions; a run-on list of figures, a page with no stops) is cut into
pieces within both bounds, at the last clause break (``;``, ``,``, ``:``, a dash, a
conjunction) before the limit, else at a space: the readers look around each figure within
its sentence and its clauses, so an unbounded sentence costs time that grows faster than its
length. News sentences are far shorter (in the corpora, at most about 400 characters and 21
clause breaks).

    >>> sentence_spans("Gen. Smith said so. Then he left.\\nNext line")
    [(0, 19), (20, 33), (34, 43)]
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import table

# opens on the stop it consumes, so the engine skips to the next stop at once
_STOP = re.compile(r"[.!?…](?:[.!?…]*[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9—–-])|(?<=[a-z]{2}\.)(?=[A-Z][a-z]))")
_NEWLINE = re.compile(r"\n+")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")
MAX_SENTENCE_CHARS = 1000
MAX_SENTENCE_BREAKS = 40
_SHORT = 400  # a stretch this short is read in bounded time whatever its breaks
_BREAK_MARK = re.compile(r"[,;:()–—]\s*|\s(?=(?:and|but|while|that|which|who|after|before|as|when|where|since|because|although|though|until|if)\s)|\s[-–—]\s+")
_PIECE_BREAK = re.compile(r"[;,:–—]\s+|\s[-–—]\s+|\s(?=(?:and|but|while|whereas|or)\s)")
_SPACE = re.compile(r"\s+")


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(table("dates")["abbreviations"])


def boundaries(text: str) -> list[int]:
    """Character offsets where a new sentence starts (0 first)."""
    abbrev = _abbreviations()
    cuts = {0}
    for m in _NEWLINE.finditer(text):
        cuts.add(m.end())
    for m in _STOP.finditer(text):
        if text[m.start()] == ".":
            parts = text[max(0, m.start() - 12):m.start()].split()
            w = parts[-1].lower().lstrip("(\"“'") if parts and not text[m.start() - 1].isspace() else ""
            if w and (w in abbrev or len(w) == 1 and w.isalpha() or _INITIALS.fullmatch(w)):
                continue  # "Gen.", "U.S.", "J. Smith"
        end = m.end()
        n = len(text)
        while end < n and text[end].isspace():
            end += 1
        cuts.add(end)
    return bounded(text, sorted(c for c in cuts if c < len(text)))


def bounded(text: str, starts: list[int], limit: int = MAX_SENTENCE_CHARS,
            breaks: int = MAX_SENTENCE_BREAKS) -> list[int]:
    """``starts`` (sorted sentence starts) with the starts of the pieces that cut every
    stretch longer than ``limit`` characters or with more than ``breaks`` clause breaks; the
    same list when there is none."""
    n = len(text)
    ends = list(starts[1:]) + [n]
    out: list[int] = []
    for a, b in zip(starts, ends):
        out.append(a)
        if b - a <= _SHORT:
            continue  # too short for either bound to matter: no need to count its breaks
        while True:
            stop = min(b, a + limit)
            marks = _BREAK_MARK.finditer(text, a, stop)
            nth = next((m for i, m in enumerate(marks) if i == breaks), None)
            if nth is not None:
                cut = nth.end()  # after the clause break one too many (before its conjunction)
            elif b - a > limit:
                cut = _piece_end(text, a, stop)
            else:
                break
            if cut >= b:
                break
            out.append(cut)
            a = cut
    return out


def _piece_end(text: str, a: int, limit: int) -> int:
    """Where the next piece of a long sentence starting at ``a`` starts: after the last clause
    break before ``limit`` (in the second half of the piece), else after the last space, else at
    ``limit``."""
    half = a + (limit - a) // 2
    cut = None
    for m in _PIECE_BREAK.finditer(text, half, limit):
        cut = m.end()
    if cut is None or cut >= limit:
        for m in _SPACE.finditer(text, half, limit):
            cut = m.end()
    return cut if cut is not None and a < cut <= limit else limit


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing whitespace left out."""
    return spans_between(text, boundaries(text))


def spans_between(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the stretches that begin at ``starts``, without their outer whitespace."""
    cuts = bounded(text, list(starts)) + [len(text)]
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            spans.append((a, b))
    return spans


# ", which broke out in April over plans to merge the two armies,", ", launched on May 2 with a
# barrage,": a relative or participle clause set off by commas
_ASIDE = re.compile(r",\s+(?:which|who|whose|[a-z]{3,}ed)\s+[^,;:()\n]{3,160}?,")


@lru_cache(maxsize=256)
def asides(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The non-restrictive relative and participle clauses of text[start:end] (``The war, which
    broke out in April over plans to merge the armies, has displaced …``, ``The offensive,
    launched on May 2, has killed …``): what they name (a side, a day) describes the noun before
    them, not a figure outside them.

    >>> t = "The war, which began in May over a border town, has killed 900."
    >>> [t[a:b] for a, b in asides(t, 0, len(t))]
    [', which began in May over a border town,']
    """
    return tuple(m.span() for m in _ASIDE.finditer(text, start, end))


def outside_asides(text: str, start: int, end: int, pos: int) -> list[tuple[int, int]]:
    """The asides of text[start:end] that do not hold ``pos``."""
    return [(a, b) for a, b in asides(text, start, end) if not a <= pos < b]
