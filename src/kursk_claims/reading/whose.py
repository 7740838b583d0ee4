"""Whose a figure is when its own clause does not say: the article around it, as a reader fills
in what copy leaves out.

A figure whose clause names no side takes, in this order, the side of the figure it is joined to
or breaks down (``50 of them children``), the side the previous figures of the same measure were
about, then the article's main subject: the party or place its headline and text name most,
leaving out the sides named as attackers (``Israeli strikes``, ``killed by Russian shelling``),
which are whose a loss is not. Each slot filled this way is listed in the claim's ``inferred``.

    >>> text = "Floods in Norland\\n\\nRescuers in Norland said 40 people died. Later 12 more were found."
    >>> main_subject(text)
    'Norland'
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from ..lexicon import table, trie_pattern
from .names import party_pattern

_PLACE = re.compile(r"\b(?:in|inside|across|throughout|around|near|of)[ \t]+(?:the[ \t]+)?"
                    r"([A-Z][\w-]*[a-z](?:[ \t]+[A-Z][\w-]*[a-z])?)(?:['’]s)?")
_HEADLINE_WEIGHT = 3


@cache
def _lex() -> dict[str, Any]:
    w = table("whose")
    d = table("dates")
    agents = w["agent_nouns"]
    return {
        "agent_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(agents) + r")\b", re.I),
        "loss_measures": frozenset(w["loss_measures"]),
        "agent_before": re.compile(r"\b(?:" + "|".join(w["agent_before"]) + r")\s+(?:the\s+)?$", re.I),
        "not_whose_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(w["institution_nouns"] + w["speech_after"])
                                      + r")\b"),
        "according": re.compile(r"\baccording\s+to\s+(?:the\s+)?$", re.I),
        "not_places": frozenset([*d["months"], *d["weekdays"]]) | frozenset(w["not_names"]),
        "region_words": frozenset(table("frames")["place_words"]) if isinstance(table("frames")["place_words"], list) else frozenset(),
    }


def is_loss(measure: str | None) -> bool:
    """Whether a figure of ``measure`` is a side's loss (the dead, the displaced, the damage)."""
    return measure in _lex()["loss_measures"]


def is_agent(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] acts on the figure's people rather than being
    them: ``Israeli strikes``, ``Russian shelling``, ``by Ukrainian forces``."""
    lex = _lex()
    if lex["agent_after"].match(text, end, min(len(text), end + 40)):
        return True
    return bool(lex["agent_before"].search(text, max(0, start - 12), start))


def is_speaker_or_institution(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] speaks or stands for an institution there:
    ``Israel said``, ``the Ethiopian government``, ``according to Lebanon``."""
    lex = _lex()
    if lex["not_whose_after"].match(text, end, min(len(text), end + 40)):
        return True
    return bool(lex["according"].search(text, max(0, start - 20), start))


def _headline_end(text: str) -> int:
    first = text.lstrip()
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0]
    return offset + len(line) if len(line) < 200 else 0


@lru_cache(maxsize=8)
def main_subject(text: str) -> str | None:
    """The party or place an article is mainly about: named most, its headline counting thrice,
    attackers left out."""
    lex = _lex()
    pattern, forms = party_pattern(text)
    head = _headline_end(text)
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for m in pattern.finditer(text):
        if is_agent(text, m.start(), m.end()) or is_speaker_or_institution(text, m.start(), m.end()):
            continue
        party = forms[m.group(1)]
        votes[party] += _HEADLINE_WEIGHT if m.start() < head else 1
        first_seen.setdefault(party, m.start())
    for m in _PLACE.finditer(text):
        name = m.group(1)
        if name in forms or name.split()[0] in lex["not_places"]:
            continue
        if is_agent(text, m.start(1), m.end(1)):
            continue
        votes[name] += _HEADLINE_WEIGHT if m.start() < head else 1
        first_seen.setdefault(name, m.start(1))
    if not votes:
        return None
    return max(votes, key=lambda p: (votes[p], -first_seen[p]))


def fill_subjects(text: str, claims: list[dict[str, Any]]) -> None:
    """Give a figure whose clause names no side the side its article context gives."""
    by_measure: dict[str | None, Counter[str]] = {}
    for c in claims:
        if c.get("subject"):
            by_measure.setdefault(c.get("measure"), Counter())[c["subject"]] += 1
    topic = None
    for c in claims:
        if c.get("subject"):
            continue
        seen = by_measure.get(c.get("measure"))
        if seen and c.get("measure") is not None:
            subject = seen.most_common(1)[0][0]
        else:
            if topic is None:
                topic = main_subject(text) or ""
            subject = topic or None
        if subject:
            c["subject"] = subject
            c.setdefault("inferred", []).append("subject")
