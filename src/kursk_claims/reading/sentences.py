"""Sentence boundaries in news text, by rule: a line break ends a sentence, and so does
``. ! ?`` before a capital, unless the word before the stop is an abbreviation (``U.S.``,
``Dec.``, ``Gen.``) or an initial.

    >>> sentence_spans("Gen. Smith said so. Then he left.\\nNext line")
    [(0, 19), (20, 33), (34, 43)]
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import table

_STOP = re.compile(r"(?=[.!?…])(?:[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9—–-])|(?<=[a-z]{2})\.(?=[A-Z][a-z]))")
_NEWLINE = re.compile(r"\n+")
_INITIALS = re.compile(r"(?:[a-z]\.)+[a-z]")


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
    return sorted(c for c in cuts if c < len(text))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing whitespace left out."""
    return spans_between(text, boundaries(text))


def spans_between(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of the stretches that begin at ``starts``, without their outer whitespace."""
    cuts = list(starts) + [len(text)]
    spans = []
    for a, b in zip(cuts, cuts[1:]):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            spans.append((a, b))
    return spans
