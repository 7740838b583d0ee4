"""Units after a figure (``km²``, ``per cent``, ``USD``, ``-metre``), amounts in two units
(``3 dollars 50 cents``) and the conversions between units of one kind, from
``data/units.json``.

    >>> unit_after("40 km² of land", 2)
    ({'unit': 'km2', 'kind': 'area'}, 6)
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import phrase_pattern, spaced_trie_pattern, table, unit_conversions
from .numerals import Numeral

__all__ = ["minor_amount", "unit_after", "unit_conversions", "unit_from", "unit_lexicon"]


@cache
def unit_lexicon() -> dict:
    """The unit words and patterns, compiled once."""
    units = table("units")
    unit_after = units["after"]
    glued = units["glued_only"]
    unit_words = [u for u in unit_after if u != "%" and u not in glued]
    return {
        "unit_after_re": re.compile(
            r"(?:\s?(%)|\s*(" + spaced_trie_pattern(u.lower() for u in unit_words) + r")(?![\w²]))"
            r"|\s*(km²|km2|m²|mi²)|(" + phrase_pattern(glued) + r")(?![\w×²])"
            r"|((?-i:" + "|".join(units["glued_upper"]) + r"))(?![\w/-])"
            r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|and|or|by|for|with|as|to|from|while|when|after|before|during|today"
            r"|yesterday|tomorrow|this|last|next|but|than)\b)", re.I),  # 44C in Seville; not the 13F filing
        "glued_upper": units["glued_upper"],
        "unit_after": {k.lower(): v for k, v in unit_after.items()},
        "compound": {u: (re.compile(r"[ \t]+(?:" + phrase_pattern(w for w in c["minor"] if w) + r")\b(?!-)", re.I),
                         "" in c["minor"], float(c["factor"])) for u, c in units["compound"].items()},
    }


_SPACES = re.compile(r"\s+")


def unit_after(text: str, pos: int) -> tuple[dict | None, int]:
    """The unit written at ``pos`` (after a figure) and where it ends, or (None, ``pos``)."""
    lex = unit_lexicon()
    m = lex["unit_after_re"].match(text, pos, min(len(text), pos + 40))
    if not m:
        return None, pos
    if m.group(5):
        return lex["glued_upper"][m.group(5)], m.end()
    surface = (m.group(1) or m.group(2) or m.group(3) or m.group(4)).lower()
    surface = _SPACES.sub(" ", surface)
    info = lex["unit_after"].get(surface) or lex["unit_after"].get(surface.replace("²", "2"))
    if info is None:
        return None, pos
    return info, m.end()


def unit_from(info: dict | None, currency: str | None) -> dict | None:
    """The unit of a figure: its currency sign before it wins over a unit after it."""
    if currency:
        return {"unit": currency, "kind": "money"}
    return info


_MINOR_GAP = re.compile(r"[ \t]+(?:and[ \t]+)?")
_MINOR_BARE_END = re.compile(r"\s*(?:[.,;!?)]|$)")


def minor_amount(text: str, nxt: Numeral, end: int, rule: tuple) -> tuple[float, int] | None:
    """The smaller-unit part of an amount after ``end``: (its value in the unit, where it ends)."""
    minor_re, bare, factor = rule
    if nxt.kind not in ("digits", "words") or nxt.currency or nxt.has_scale or not _MINOR_GAP.fullmatch(text, end, nxt.start):
        return None
    if not 0 < nxt.value * factor < 1:
        return None
    m = minor_re.match(text, nxt.end)
    if m:
        return nxt.value * factor, m.end()
    if bare and _MINOR_BARE_END.match(text, nxt.end):
        return nxt.value * factor, nxt.end  # "15 dollars 50."
    return None
