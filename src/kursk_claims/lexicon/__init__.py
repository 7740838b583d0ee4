"""The word lists and tables under ``data/``, loaded once and shared.

Adding a cue word, a unit or an outlet is a change to a data file, not to code.
"""
from __future__ import annotations

import json
import re
import sys
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from .leads import head, lead, led

__all__ = ["Folded", "approximators", "country_adjective", "country_names", "first_letters", "head", "land_nouns", "lead", "led",
           "lowered", "months", "phrase_pattern", "spaced_trie_pattern", "table", "trie_pattern", "unit_conversions",
           "weekdays", "whole_words", "word_list"]


def _read(name: str) -> str:
    return resources.files("kursk_claims.lexicon").joinpath("data").joinpath(name).read_text(encoding="utf-8")


@cache
def table(name: str) -> dict[str, Any]:
    """The JSON table ``data/<name>.json``, with its ``_doc`` keys removed."""
    data = json.loads(_read(f"{name}.json"))
    return _strip_docs(data)


def _strip_docs(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_docs(v) for k, v in value.items() if not k.startswith("_")}
    return value


@cache
def word_list(name: str) -> tuple[str, ...]:
    """The lines of ``data/<name>.txt``, without blanks and ``#`` comments."""
    lines = (line.strip() for line in _read(f"{name}.txt").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


# --- knowledge several modules use: one loader each, over its one data place -----------

@cache
def months() -> dict[str, int]:
    """Month names and abbreviations, lower case, to their number: ``{"january": 1, "jan": 1, …}``
    (``data/dates.json``)."""
    return dict(table("dates")["months"])


@cache
def weekdays() -> dict[str, int]:
    """Weekday names, lower case, to their number from Monday = 0 (``data/dates.json``)."""
    return dict(table("dates")["weekdays"])


@cache
def unit_conversions() -> dict[str, tuple[str, float]]:
    """How to compare figures in units of one kind: ``{unit: (base unit, factor)}``, where a
    value in ``unit`` times ``factor`` is the value in ``base`` (``sq_mi -> ("km2", 2.59)``).
    Units missing from the table are their own base. From ``data/units.json``."""
    return {k: (v[0], float(v[1])) for k, v in table("units")["conversions"].items()}


@cache
def land_nouns() -> frozenset[str]:
    """Nouns that name land (``territory``, ``land``, ``soil``, …): ``data/frames.json``."""
    return frozenset(table("frames")["land_nouns"]["words"])


@cache
def approximators() -> frozenset[str]:
    """The words before a figure that make it approximate or nearly reached (``about``,
    ``around``, ``roughly``, ``nearly``, ``almost``, …): the one-word ``approx`` cues and the
    near bounds of ``data/cues.json``.

    >>> sorted(approximators() & {"about", "nearly", "over"})
    ['about', 'nearly']
    """
    cues = table("cues")
    approx = {k.lower() for k, v in cues["before"].items() if v == "approx" and k.isalpha()}
    return frozenset(approx | {k for k in cues["near_bounds"] if k.isalpha()})


def phrase_pattern(phrases: Any) -> str:
    """A regex alternation of ``phrases``, longest first, spaces matching any whitespace."""
    parts = sorted(set(phrases), key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def trie_pattern(words: Any) -> str:
    """A regex alternation of ``words`` factored by shared prefixes, which the regex engine
    tries much faster than a flat list (``one|only|onto`` -> ``on(?:e|ly|to)``)."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def spaced_trie_pattern(words: Any) -> str:
    """``trie_pattern`` with each space matching any run of whitespace."""
    return trie_pattern(words).replace("\\ ", r"\s+")


def first_letters(words: Any) -> str:
    """A character class of the first letters of ``words`` in lower case, for ``Folded``'s
    ``starts``: ``["held", "taken"]`` -> ``ht``."""
    return "".join(sorted({re.escape(w[0].lower()) for w in words if w}))


@lru_cache(maxsize=20)
def lowered(text: str) -> str | None:
    """``text`` in lower case, kept for the articles of a batch being read (a component reads a
    batch of 16 before the next one does); None where lower-casing would move the offsets (a
    character whose lower case is longer, such as ``İ``)."""
    low = text.lower()
    return low if len(low) == len(text) else None


_ESCAPE = re.compile(r"\\.")
_GROUP_NAME = re.compile(r"\(\?P<\w+>|\(\?P=\w+\)")
_OTHER_GROUP = re.compile(r"\(\?(?![:=!]|<[=!])")


class Folded:
    """A case-insensitive pattern that runs over the lower-cased text where it can: Python's
    regex engine is several times faster without IGNORECASE. ``starts`` is a character class
    every match begins with (``a-z``); trying it first skips most positions at once.

    Matches come from the lower-cased text: read their offsets, not their letters, for output.

    >>> Folded(r"\\bpast week\\b").search("In the Past Week, 20 fell").span()
    (7, 16)
    """

    __slots__ = ("insensitive", "folded")

    def __init__(self, pattern: str, starts: str | None = None) -> None:
        if starts:
            insensitive = folded = f"(?=[{starts}])" + pattern
        else:  # the lookahead read from the pattern (``leads``), once for both
            insensitive = folded = head(pattern) + pattern
        self.insensitive = re.compile(insensitive, re.I)
        plain = _GROUP_NAME.sub("(", _ESCAPE.sub("", pattern))
        can_fold = plain == plain.lower() and not _OTHER_GROUP.search(plain)  # no capitals, no inline flags
        self.folded = re.compile(folded) if can_fold else None

    def _on(self, text: str) -> tuple[re.Pattern, str]:
        if self.folded is not None:
            low = lowered(text)
            if low is not None:
                return self.folded, low
        return self.insensitive, text

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pattern, target = self._on(text)
        return pattern.search(target, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pattern, target = self._on(text)
        return pattern.match(target, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize):  # type: ignore[no-untyped-def]
        pattern, target = self._on(text)
        return pattern.finditer(target, pos, endpos)

    def fullmatch(self, phrase: str) -> re.Match | None:
        """A whole short phrase: matched as it is (lower-casing a phrase once costs what it saves)."""
        return self.insensitive.fullmatch(phrase)


def whole_words(words: Any, capture: bool = False) -> Folded:
    """Any of ``words`` as a whole word or phrase, in any case (group 1 with ``capture``)."""
    return Folded((r"\b(" if capture else r"\b(?:") + trie_pattern(words) + r")\b")


@cache
def country_names() -> frozenset[str]:
    """The countries table's names of countries (canonical and variant), in lower case."""
    return frozenset(f.lower() for entry in table("countries").values() for f in entry["names"])


@cache
def _adjectives() -> dict[str, str]:
    return {name: entry["adjectives"][0] for name, entry in table("countries").items() if entry["adjectives"]}


def country_adjective(name: str) -> str:
    """A side's adjective from the countries table ("North Korea" -> "North Korean"), else the
    name as it is (a group, a body without one)."""
    return _adjectives().get(name, name)


@cache
def _battle_over() -> re.Pattern[str]:
    frames = table("frames")
    return re.compile("|".join(f"(?:{p})" for p in frames["battle_over_patterns"] + frames["battle_length_patterns"]), re.I)


@cache
def battle_over(cue: str) -> bool:
    """Whether words that say a war or battle is over (a claim's ``war_over``) say a battle is
    (a place's fall, the length of a siege), not a war: the battle's own totals are final, those
    of the whole war are not, and no deaths follow its end.

    >>> battle_over("after the fall of Tamba"), battle_over("the two-year war")
    (True, False)
    """
    return _battle_over().fullmatch(cue) is not None


@cache
def _battle_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + trie_pattern(table("frames")["battle_words"]) + r")\b", re.I)


def names_a_battle(sentence: str) -> bool:
    """Whether a sentence speaks of a battle ("the assault on the city cost Ozar 900 men").

    >>> names_a_battle("The siege cost 900 lives."), names_a_battle("The army has lost 9,000 men.")
    (True, False)
    """
    return _battle_words().search(sentence) is not None
