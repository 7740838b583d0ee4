"""Reading the numbers in a text: numerals, written numbers, bounds, ranges and units.

Pure Python on the raw text, so character offsets stay exact and the rules can be
tested without spaCy. ``read_quantities`` is the entry point::

    >>> [q.text for q in read_quantities("It lost more than 11,000 troops in 2024.")]
    ['more than 11,000']

Two passes: ``find_numerals`` (``numerals``) finds each number as written (digits, scale
words, number words) and ``assemble_quantities`` joins a numeral with its bound cue, range
partner, currency and unit (``units``), and drops numbers that are no claim (``non_claims``:
dates, years, clock times, designations like ``Su-34``, list numbering, counters).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from ..lexicon import led, phrase_pattern, spaced_trie_pattern, table, trie_pattern
from .lines import line_start
from .non_claims import (
    NEXT_WORDS as _NEXT_WORDS,
    counted_after as _counted_after,
    is_non_claim as _is_non_claim,
    is_year as _is_year,
)
from .numerals import _FRACTION_SCALE, Numeral, find_numerals, has_scale_above, numeral_lexicon
from .units import (
    minor_amount as _minor_amount,
    unit_after as _unit_after,
    unit_conversions,
    unit_from as _unit_from,
    unit_lexicon,
)

__all__ = ["Numeral", "Quantity", "assemble_quantities", "find_numerals", "has_scale_above", "interval",
           "read_quantities", "unit_conversions"]


@dataclass(slots=True)
class Quantity:
    """A claim's figure: the mention, what it states and the interval its wording allows."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: str
    unit: str | None = None
    unit_kind: str | None = None
    tail: int = 0  # where the counted noun may start (after the unit)


# --- the lexicon, compiled once -------------------------------------------------------

@cache
def _lex() -> dict:
    """The cue words and patterns, with the number words (``numerals``) and units (``units``)."""
    num = table("numbers")
    cues = table("cues")
    before_cues = cues["before"]
    after_cues = cues["after"]
    return {
        **numeral_lexicon(),
        **unit_lexicon(),
        "multipliers": {k: tuple(v) for k, v in num["vague_multipliers"].items()},
        "multiplier_re": led(r"\b(" + phrase_pattern(num["vague_multipliers"]) + r")\s$", re.I),
        "before_re": re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[“\"]))(" + spaced_trie_pattern(c.lower() for c in before_cues) + r")\s*$", re.I),
        "before_cues": {k.lower(): v for k, v in before_cues.items()},
        "after_cues": {k.lower(): v for k, v in after_cues.items()},
        "near": cues["near_bounds"],
        "tail_re": re.compile("(" + "|".join(_after_cue(k) for k in sorted(after_cues, key=len, reverse=True)) + ")", re.I),
        "joiners": frozenset(cues["range_joiners"]),
        "openers": {k.lower(): v for k, v in cues["range_openers"].items()},
        "join_re": re.compile(r"\s*(" + "|".join(re.escape(j) for j in sorted(
            set(cues["range_joiners"]) | set(cues["range_openers"].values()), key=len, reverse=True)) + r")\s*", re.I),
        "opener_re": led(r"\b(" + "|".join(cues["range_openers"]) + r")\s+(?:\S+\s+)?$", re.I),
        "change_re": led(r"\b(?:" + trie_pattern(cues["change_verbs"]) + r")(?:\s+(?:by|from))?\s+$", re.I),
        "not_a_cue_after": {k: frozenset(v) for k, v in cues["not_a_cue_after"].items()},
        "counted_singular": frozenset(w[:-1] for ws in table("measures")["counted"].values() for w in ws
                                      if w.endswith("s") and not w.endswith("ss") and w not in ("units", "forces")),
    }


def _after_cue(cue: str) -> str:
    """The pattern of a cue written after a figure: words after a space ("or more"), signs
    stuck to it ("-plus", "+")."""
    if cue[0].isalpha():
        return r"\s+" + re.escape(cue).replace(r"\ ", r"\s+") + r"\b"
    return re.escape(cue) + (r"\b" if cue[-1].isalpha() else "")


# The patterns of the rules below, compiled once (a literal re.match(r"...") looks each up again).
_HYPHEN_WORD_AFTER = re.compile(r"[-‑]([A-Za-z]+)")
_FRACTION_NEXT = re.compile(r"[\s-]+(?:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b", re.I)
_OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(thousand|million|billion)\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:past|last|previous|next|first|coming|latest)\s+$", re.I)
_SPACES = re.compile(r"\s+")
_DASH_GAP = re.compile(r"\s*[-–—]\s*")
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|one)\s$", re.I)
_FIRST_WORD = re.compile(r"\s*(\S+)\s*")
_SHARE_BASES = frozenset((3, 4, 5, 10, 20, 100, 1000))
_IN_GAP = re.compile(r"\s+(?:(in)|out\s+of)\s+", re.I)
_MULTIPLIER_OF_BEFORE = re.compile(r"\b(tens|hundreds|dozens)\s+of\s+$", re.I)
_OF_SCALE_PLURAL_AFTER = re.compile(r"\s+of\s+(?:thousands|millions|billions)\b", re.I)
_NOUN_AFTER = re.compile(r"\s+(?:of\s+)?[A-Za-z]")
_PUNCTUATION_AFTER = re.compile(r"\s*[.,;)]")
_OF_UNIT_AFTER = re.compile(r"\s+of\s+(?:square\s+)?(?:kilomet|miles|km|hectares|dollars|euros)", re.I)
_OF = re.compile(r"\s+of")
_FRACTION_OBJECT_AFTER = re.compile(r"\s+(?:of|the|a|an|their|its|his|her|our|all)\b", re.I)
_NOT_A_FRACTION_BEFORE = re.compile(r"\b(?:first|second|last|other|latter|former|and a|one and|the|this|that)\s+$", re.I)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
_BOUND_FRACTION_BEFORE = re.compile(r"\b(?:than|exactly|above|below|over|under|nearly|almost)\s+(?:(?:a|an|one|two|three)\s+)?$", re.I)
_BY_FRACTION_BEFORE = re.compile(r"\bby\s+(?:a|an|one|two|three)?\s*$", re.I)
_STOP_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:in|on|from|since|over|last|this|after)\b", re.I)
_FRACTION_COUNT_BEFORE = re.compile(r"(?:\b(a|an|one)\s+|(\b[a-z]+|\d+)[-\s])$", re.I)
_PLUS_ODD = re.compile(r"[-‑](?:plus|odd)\b", re.I)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|these|those|its|their|his|her|our|my|your|all|both|every|each)\s+(?:other\s+)?$", re.I)
_OF_THE_BEFORE = re.compile(r"\bof\s+the\s+$", re.I)
_SENTENCE_OPENS_BEFORE = re.compile(r"[.!?:\"“]\s*$")
_IN_N_AFTER = re.compile(r"\s+in\s+(?:\d+|[a-z]+)\b", re.I)
_WORD_OR_STOP_AFTER = re.compile(r"\s+(?:of\s+)?[A-Za-z(]|\s*[,.;?!]|\s*$")
_DIMENSION_AFTER = re.compile(r"[ \t]+(?:tall|high|long|wide|deep|thick|away|in (?:height|length|diameter|depth))\b", re.I)
_LAST_WORD = re.compile(r"(\w+)\s+$")


# --- pass 2: quantities ---------------------------------------------------------------

def read_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` that can be a claim, in order."""
    return assemble_quantities(text, find_numerals(text))


_OPEN_PAREN = re.compile(r"\s*\(\s*")
_CLOSE_PAREN = re.compile(r"\s*\)")


def assemble_quantities(text: str, numerals: list[Numeral]) -> list[Quantity]:
    """Quantities from numerals. A converted figure in brackets after one of the same kind
    (``1,000 square km (386 square miles)``) is a claim too; the counted noun of both comes
    after the brackets, and the unit in the brackets decides a bare ``m``: ``25m (82ft)`` is
    metres, not millions."""
    out: list[Quantity] = []
    for q in _quantities(text, numerals):
        prev = out[-1] if out else None
        if prev is not None and q.unit_kind and _OPEN_PAREN.fullmatch(text, prev.end, q.start):
            close = _CLOSE_PAREN.match(text, q.end)
            if close and prev.unit is None and q.unit_kind == "length" and prev.text.endswith("m") \
                    and prev.value is not None and prev.value >= 1e6:
                _as_metres(prev)
            if close and prev.unit_kind == q.unit_kind and prev.unit != q.unit:
                prev.tail = q.tail = close.end()  # the counted noun comes after the brackets
                if q.bound == "exact" and q.value is not None:  # a conversion is rounded, and bound as its original
                    q.bound = prev.bound if prev.bound not in ("exact", "range") else "approx"
                    q.low, q.high = interval(q.value, q.bound)
        if prev is not None and _bounds_pair(text, prev, q):
            out[-1] = _make(text, prev.start, q.end, None, max(prev.low or q.low, q.low or prev.low),  # type: ignore[type-var]
                            min(prev.high or q.high, q.high or prev.high), "range",  # type: ignore[type-var]
                            {"unit": prev.unit or q.unit, "kind": prev.unit_kind or q.unit_kind} if prev.unit or q.unit else None)
            continue
        out.append(q)
    return out


_BOUNDS_GAP = re.compile(r"\s*,\s*|\s*,?\s*(?:and|but|&)\s+", re.I)


def _bounds_pair(text: str, a: Quantity, b: Quantity) -> bool:
    """``more than 10 and less than 40``, ``at most 100 and at least 20``: two bounds on one
    figure make a range."""
    if {a.bound, b.bound} not in ({"more_than", "less_than"}, {"more_than", "at_most"}, {"at_least", "less_than"},
                                  {"at_least", "at_most"}):
        return False
    if a.unit and b.unit and a.unit != b.unit or not _BOUNDS_GAP.fullmatch(text, a.end, b.start):
        return False
    low = a.low if a.low is not None else b.low
    high = a.high if a.high is not None else b.high
    return low is not None and high is not None and low < high


def _as_metres(q: Quantity) -> None:
    """Read a figure written ``25m`` as metres rather than millions."""
    q.value = q.value / 1e6 if q.value is not None else None
    q.low = q.low / 1e6 if q.low is not None else None
    q.high = q.high / 1e6 if q.high is not None else None
    if q.bound == "exact":
        q.low = q.high = q.value
    q.unit, q.unit_kind = "m", "length"


def _quantities(text: str, numerals: list[Numeral]) -> list[Quantity]:
    out: list[Quantity] = []
    used_until = -1
    i = 0
    while i < len(numerals):
        n = numerals[i]
        if n.start < used_until:
            i += 1
            continue
        q, consumed = _quantity_at(text, numerals, i)
        i += consumed
        if q is not None and _finite(q):
            out.append(q)
            used_until = q.end
    return out


def _finite(q: Quantity) -> bool:
    """A figure too large for a float (a run of hundreds of digits) is no figure."""
    return all(v is None or math.isfinite(v) for v in (q.value, q.low, q.high))


def _cue_before(text: str, start: int) -> tuple[str | None, int, str]:
    """The bound cue that ends right before ``start``: (bound, where the cue starts, the cue)."""
    lex = _lex()
    window = text[max(0, start - 30):start]
    m = lex["before_re"].search(window)
    if not m:
        return None, start, ""
    cue = _SPACES.sub(" ", m.group(1).lower())
    cue_start = start - (len(window) - m.start(1))
    if cue in lex["not_a_cue_after"]:
        word = _LAST_WORD.search(text, max(0, cue_start - 20), cue_start)
        if word and word.group(1).lower() in lex["not_a_cue_after"][cue]:
            return None, start, ""  # "came under 82 shellings", "sovereignty over 1,000 km²"
    return lex["before_cues"][cue], cue_start, cue


_UNIT_JOIN = re.compile(r"\s?(?:%|°\s?[CFcf]?|[A-Za-z²]+\.?)(?P<join>\s*(?:[-–—‑~]|to|and)\s*)(?:[$€£])?")
_SUSPENDED = re.compile(r"[-‑],?\s+(to|and|or)\s+", re.I)  # "8- to 16-metre", "three- or four-cylinder"


def _quantity_at(text: str, numerals: list[Numeral], i: int) -> tuple[Quantity | None, int]:
    """The quantity that begins with numeral ``i``, or None; and how many numerals it used."""
    n = numerals[i]
    if _is_non_claim(text, n):
        # a year range "2002-2025" or a date: skip its partner too
        if i + 1 < len(numerals) and _DASH_GAP.fullmatch(text[n.end:numerals[i + 1].start]):
            return None, 2
        return None, 1
    by_kind = _by_kind(text, numerals, i)
    if by_kind is not None:
        return by_kind
    before = text[max(0, n.start - 30):n.start]
    start = n.start
    # "a million", "a dozen", "an estimated"
    if n.kind == "words" and n.has_scale and _ARTICLE_BEFORE.search(before) and n.value in (12, 100, 1000, 1e6, 1e9, 1e12):
        start = start - len(_ARTICLE_BEFORE.search(before).group(0))  # type: ignore[union-attr]
    multiplied = _multiplied(text, n, start)
    if multiplied is not None:
        return multiplied, 1
    if n.kind == "words" and start == n.start and text[n.start:n.end].lower() in _lex()["scales"]:
        return None, 1  # "(3.5) billion dollars", "thousand of times": a scale word alone counts nothing
    if _is_year(text, n):
        cue, _, _ = _cue_before(text, start)
        unit, _ = _unit_after(text, n.end)
        if not (cue or unit or _counted_after(text, n.end, before)):
            return None, 1
    ranged = _range_at(text, numerals, i, start)
    if ranged is not None:
        return ranged
    return _single_at(text, numerals, i, start)


def _by_kind(text: str, numerals: list[Numeral], i: int) -> tuple[Quantity | None, int] | None:
    """Vague plurals, multiples, shares (``one in five``), fractions, and written numbers that
    are no figure; None for a numeral read as a figure below."""
    n = numerals[i]
    if n.kind == "vague":
        return _vague_plural(text, n), 1
    if n.kind == "multiple":
        return _make(text, n.start, n.end, n.value, n.value, n.value, "exact", {"unit": "times", "kind": "multiple"}), 1
    share = _one_in(text, numerals, i)
    if share is not None:
        return share, 2
    if n.kind == "fraction":
        return _fraction(text, numerals, i), 1
    if n.kind == "words" and _word_number_context(text, n) is None:
        return None, 1
    return None


def _multiplied(text: str, n: Numeral, start: int) -> Quantity | None:
    """``several hundred``, ``a few thousand``, ``tens of thousands``: a vague amount."""
    lex = _lex()
    mult = lex["multiplier_re"].search(text, max(0, start - 20), start)
    if not (mult and n.has_scale and n.value in (100, 1000, 1e6, 1e9)):
        return None
    lo_m, hi_m = lex["multipliers"][_SPACES.sub(" ", mult.group(1).lower())]
    start -= len(mult.group(0))
    unit, end = _unit_after(text, n.end)
    return _make(text, start, end, None, lo_m * n.value, hi_m * n.value, "vague", unit)


# --- ranges: "10,000–12,000", "between 10 and 12", "from 5 to 7 million", "two or three" ---

def _range_at(text: str, numerals: list[Numeral], i: int, start: int) -> tuple[Quantity | None, int] | None:
    """The range numeral ``i`` opens, or (None, 2) for a score or a pair of years; None when
    it opens no range."""
    if i + 1 >= len(numerals):
        return None
    n, partner = numerals[i], numerals[i + 1]
    joined = _joined(text, n, partner, start)
    if joined is None:
        return None
    if joined == "score":
        return None, 2  # "won 3-1", "a 52-30 record": a score or a tally
    lo_v, hi_v = _range_ends(n, partner)
    years = _is_year(text, n) and _is_year(text, partner)
    if lo_v < hi_v and not years:
        return _range_quantity(text, n, partner, start, lo_v, hi_v), 2
    if years:
        return None, 2
    return None


def _joined(text: str, n: Numeral, nxt: Numeral, start: int) -> str | None:
    """How ``n`` and the next numeral are joined: "range", "score", or None when they are not."""
    lex = _lex()
    gap = text[n.end:nxt.start]
    joiner = lex["join_re"].fullmatch(gap)
    opener = lex["opener_re"].search(text, max(0, start - 20), start)
    unit_gap = _UNIT_JOIN.fullmatch(gap)  # "5.25%-5.5%", "10 km to 12 km"
    if unit_gap and _unit_after(text, n.end)[0] is not None and not joiner:
        joiner = _FIRST_WORD.match(unit_gap.group("join"))
    suspended = None if joiner else _SUSPENDED.fullmatch(gap)
    if suspended and _HYPHEN_WORD_AFTER.match(text, nxt.end):
        joiner = _FIRST_WORD.match(suspended.group(1))
    if joiner and joiner.group(0).strip().lower() in ("to", "and") and lex["change_re"].search(text, max(0, start - 40), start):
        joiner = None  # "rose from 5% to 7%", "by £12,000 to £285,000": a change, not a range
    if not (joiner and nxt.kind in ("digits", "words") and not _is_non_claim(text, nxt)):
        return None
    if unit_gap and _unit_after(text, n.end)[0] is not None and _unit_after(text, nxt.end)[0] is None:
        return None  # "61% - 4,420 men": a share and its count, not a range (a range says its unit twice or once, last)
    word = joiner.group(0).strip().lower()
    ok = word in lex["joiners"] or bool(opener and lex["openers"][opener.group(1).lower()] == word)
    if word in ("-", "‑") and gap.strip() != word and not unit_gap:
        ok = False  # "5 - 3" spaced hyphen is rarely a range
    if ok and word in ("-", "‑") and nxt.value <= n.value and n.kind == nxt.kind == "digits":
        return "score"
    if ok and nxt.kind == n.kind or ok and nxt.kind == "digits":
        return "range"
    return None


def _range_ends(n: Numeral, partner: Numeral) -> tuple[float, float]:
    """The two ends of a range, the scale of the second applied to the first where it is
    meant for both (``11 to 12,000``, ``5 to 7 million``)."""
    lo_v, hi_v = n.value, partner.value
    if partner.has_scale and not n.has_scale:
        factor = partner.scale if partner.kind == "digits" else max(1.0, partner.grain)
        scale = 10 ** math.floor(math.log10(factor)) if factor >= 1000 else 1
        if scale > 1 and lo_v * scale <= hi_v:
            lo_v *= scale
    elif partner.kind == "digits" and not n.has_scale and n.kind == "digits" and hi_v >= 1000 and lo_v < 1000:
        for scale in (1e3, 1e6):
            if partner.grain >= scale and lo_v * scale <= hi_v and lo_v * scale * 10 >= hi_v:
                lo_v *= scale  # "11 to 12,000": the scale applies to both ends
                break
    if hi_v < lo_v < 0:
        lo_v, hi_v = hi_v, lo_v  # "from -18 °C to -34 °C"
    return lo_v, hi_v


def _range_quantity(text: str, n: Numeral, partner: Numeral, start: int, lo_v: float, hi_v: float) -> Quantity:
    """The range with its unit (after either end), its opener (``from``, ``between``) and cue."""
    lex = _lex()
    unit_info, unit_end = _unit_after(text, partner.end)
    hyphen = _HYPHEN_WORD_AFTER.match(text, partner.end) if unit_info is None else None
    if hyphen and lex["unit_after"].get(hyphen.group(1).lower(), {}).get("kind", "duration") != "duration":
        unit_info, unit_end = lex["unit_after"][hyphen.group(1).lower()], hyphen.end()  # "8- to 16-metre"
    if unit_info is None:
        unit_info, _ = _unit_after(text, n.end)  # "10%-12%"
    opener = lex["opener_re"].search(text, max(0, start - 10), start)
    if opener and opener.group(0).split()[-1].lower() not in lex["openers"]:
        opener = None  # "from" must stand right before the range to belong to it
    s = start - len(opener.group(0)) if opener else start
    cue, cue_start, _ = _cue_before(text, s)
    if cue is not None:
        s = cue_start
    unit = _unit_from(unit_info, n.currency or partner.currency)
    return _make(text, s, unit_end, None, lo_v, hi_v, "range", unit)


# --- one figure: its bound cue, unit and amount ------------------------------------------

def _single_at(text: str, numerals: list[Numeral], i: int, start: int) -> tuple[Quantity | None, int]:
    """Numeral ``i`` as one figure, with the bound cue before it and the unit and cue after it."""
    lex = _lex()
    n = numerals[i]
    bound = "exact"
    cue, cue_start, cue_text = _cue_before(text, start)
    if cue is not None:
        bound = cue
        start = cue_start
    unit_info, end = _unit_after(text, n.end)
    if unit_info is None and (hyphen := _HYPHEN_WORD_AFTER.match(text[end:end + 20])):
        word = hyphen.group(1).lower()
        if word not in ("plus", "odd"):  # "16-plus", "40-odd": a cue, read below
            info = lex["unit_after"].get(word)
            if info is None or info["kind"] == "duration":
                return None, 1  # "three-year high", "10-year-old", "9-member": an adjective
            unit_info = info
            end += 1 + len(word)
    tail = lex["tail_re"].match(text, end, end + 12)
    if tail:
        cue = _SPACES.sub(" ", tail.group(1).strip().lower())
        bound = lex["after_cues"].get(cue, bound) if bound in ("exact", "approx") else bound
        end += len(tail.group(1))
    if unit_info and unit_info["kind"] == "duration" and cue is None and n.kind == "words" and n.value < 2:
        return None, 1
    if unit_info and unit_info["kind"] == "duration" and _PERIOD_BEFORE.search(text, max(0, start - 30), start):
        return None, 1  # "in the past 24 hours": the period a figure covers, not a claim
    value, grain, end, unit_info, consumed = _amount(text, numerals, i, end, unit_info, bound)
    unit = _unit_from(unit_info, n.currency)
    low, high = interval(value, bound, grain)
    if bound == "at_most" and cue_text in lex["near"]:
        low = value * lex["near"][cue_text]  # "nearly 3,000" is close to 3,000
    return _make(text, start, end, value, low, high, bound, unit), consumed


def _amount(text: str, numerals: list[Numeral], i: int, end: int, unit_info: dict | None,
            bound: str) -> tuple[float, float, int, dict | None, int]:
    """The figure's value as its unit reads it (``1.8m tall``, ``75 USD million``, ``3 dollars
    50 cents``, ``40 MUSD``): (value, grain, end, unit, numerals used)."""
    lex = _lex()
    n = numerals[i]
    value, grain, consumed = n.value, n.grain, 1
    if unit_info is None and n.scale == 1e6 and not n.currency and text[n.end - 1] == "m" and _DIMENSION_AFTER.match(text, end):
        value, grain, unit_info = value / 1e6, grain / 1e6, lex["unit_after"]["metres"]  # "1.8m tall": metres
    if unit_info and unit_info["kind"] == "money" and not n.has_scale and (scaled := _FRACTION_SCALE.match(text, end)):
        factor = lex["scales"][scaled.group(1).lower()]  # "75 USD million"
        value, grain, end = value * factor, grain * factor, scaled.end()
    if unit_info and unit_info["unit"] in lex["compound"] and bound == "exact" and i + 1 < len(numerals):
        minor = _minor_amount(text, numerals[i + 1], end, lex["compound"][unit_info["unit"]])
        if minor is not None:  # "3 dollars 50 cents", "5 feet and 2 inches"
            value, end, consumed = value + minor[0], minor[1], 2
    if unit_info and "scale" in unit_info:  # "40 MUSD": millions of dollars
        value, grain = value * unit_info["scale"], grain * unit_info["scale"]
    return value, grain, end, unit_info, consumed


def _make(text: str, start: int, end: int, value: float | None, low: float | None, high: float | None,
          bound: str, unit_info: dict | None) -> Quantity:
    unit = unit_info["unit"] if unit_info else None
    kind = unit_info["kind"] if unit_info else None
    return Quantity(start, end, text[start:end], value, low, high, bound, unit, kind, end)


def interval(value: float, bound: str, grain: float = 1.0) -> tuple[float | None, float | None]:
    """The interval a figure's wording allows.

    A round figure stands for a rounded one (12,000 means 11,500-12,500, at most 5% either
    way); ``about`` widens to at least 10%; bounds open one side.

    >>> interval(12000, "approx", 1000)
    (10800.0, 13200.0)
    """
    half = min(grain / 2, abs(value) * 0.05) if grain > 1 else 0.0
    if bound == "exact":
        return value - half, value + half
    if bound == "approx":
        spread = max(half, abs(value) * 0.1)
        return round(value - spread, 6), round(value + spread, 6)
    if bound in ("at_least", "more_than"):
        return value, None
    if bound in ("at_most", "less_than"):
        return None, value
    return value, value


def _one_in(text: str, numerals: list[Numeral], i: int) -> Quantity | None:
    """``one in five``, ``1 in 4``, ``three out of ten``: a share, in percent."""
    n = numerals[i]
    if i + 1 >= len(numerals) or n.kind not in ("digits", "words") or not 1 <= n.value < 1000 or n.value % 1:
        return None
    m = numerals[i + 1]
    gap = _IN_GAP.fullmatch(text, n.end, m.start)
    if not gap or m.kind not in ("digits", "words") or not n.value < m.value <= (1000 if gap.group(1) else 1e9):
        return None
    if n.value != 1 and gap.group(1) and m.value not in _SHARE_BASES:
        return None  # "3 in 10 adults" is a share; "5 in 12 attacks" is a count of events
    if _is_year(text, m) or _is_non_claim(text, m):
        return None
    start = n.start
    cue, cue_start, _ = _cue_before(text, start)
    bound = cue or "exact"
    if cue:
        start = cue_start
    share = round(100 * n.value / m.value, 4)
    low, high = interval(share, bound)
    return _make(text, start, m.end, share, low, high, bound, {"unit": "percent", "kind": "share"})


def _vague_plural(text: str, n: Numeral) -> Quantity | None:
    """``hundreds``, ``thousands``, ``dozens``, ``tens of thousands``, ``hundreds of thousands``."""
    lex = _lex()
    word = text[n.start:n.end].lower()
    low, high = n.low, n.high
    start, end = n.start, n.end
    before = text[max(0, start - 20):start]
    m = _MULTIPLIER_OF_BEFORE.search(before)
    if m and word in ("thousands", "millions", "billions"):
        mult = lex["multipliers"][m.group(1).lower() + " of"]
        base = lex["scales"][word[:-1]]
        low, high = mult[0] * base, (mult[1] + 1) * base - 1
        start -= len(m.group(0))
    elif _OF_SCALE_PLURAL_AFTER.match(text[end:end + 20]):
        return None  # the outer word of "tens of thousands" is read with the inner one
    after = text[end:end + 20]
    if not _NOUN_AFTER.match(after) and not (m and _PUNCTUATION_AFTER.match(after)):
        return None  # "thousands of people", "killed tens of thousands."
    unit_info = None
    if _OF_UNIT_AFTER.match(after):
        unit_info, _ = _unit_after(text, end + len(_OF.match(after).group(0)))  # type: ignore[union-attr]
    return _make(text, start, end, None, low, high, "vague", unit_info)


def _fraction(text: str, numerals: list[Numeral], i: int) -> Quantity | None:
    """``about half``, ``a third of``, ``two-thirds``, ``one in five``: shares in percent."""
    lex = _lex()
    n = numerals[i]
    word = text[n.start:n.end].lower()
    before = text[max(0, n.start - 30):n.start]
    after = text[n.end:n.end + 20]
    start = n.start
    share = n.value
    if not _FRACTION_OBJECT_AFTER.match(after) and not _BOUND_FRACTION_BEFORE.search(before) \
            and not (_BY_FRACTION_BEFORE.search(before) and _STOP_AFTER.match(after)):
        return None  # "more than half people", "below a half", "exactly one sixth", "rose by a third." need no "of"
    the = _THE_BEFORE.search(before) if word == "half" else None
    if the and _OF_AFTER.match(after) and _cue_before(text, n.start - len(the.group(0)))[0]:
        # "about the half of the dead", as translated text writes it: a share, read with its cue
        start -= len(the.group(0))
    elif _NOT_A_FRACTION_BEFORE.search(before):
        return None
    m = _FRACTION_COUNT_BEFORE.search(before)
    of_scale = _OF_A_SCALE.match(text, n.end)
    if m and m.group(1):
        start -= len(m.group(0))
    elif word != "half":
        if not (m and m.group(2)):
            return None  # "third" alone is an ordinal
        multiplier = lex["words"].get(m.group(2).lower()) or (float(m.group(2)) if m.group(2).isdigit() else None)
        if multiplier is None:
            return None
        share *= multiplier
        start -= len(m.group(0))
    cue, cue_start, _ = _cue_before(text, start)
    bound = cue or "exact"
    if cue:
        start = cue_start
    if of_scale:  # "a quarter of a million": a count, not a share
        value = share / 100 * lex["scales"][of_scale.group(1).lower()]
        low, high = interval(value, bound, value)
        return _make(text, start, of_scale.end(), value, low, high, bound, None)
    low, high = interval(share, bound)
    if bound == "approx":
        low, high = share - 5, share + 5  # "about half": 45-55 percent
    return _make(text, start, n.end, round(share, 4), low, high, bound, {"unit": "percent", "kind": "share"})


def _word_number_context(text: str, n: Numeral) -> bool | None:
    """Whether a written number is a figure: ``three brigades`` is, ``one of``, ``the two`` are not."""
    word = text[n.start:n.end]
    before = text[max(0, n.start - 20):n.start]
    after = text[n.end:n.end + 30]
    if n.has_scale:
        return True
    hyphen = _HYPHEN_WORD_AFTER.match(after)
    if hyphen and not _PLUS_ODD.match(after):
        info = _lex()["unit_after"].get(hyphen.group(1).lower())
    else:
        info, _ = _unit_after(text, n.end)
    measured = info is not None and info["kind"] != "duration"
    if measured and not word[0].isupper():
        return True  # "the six-mile trip", "one penny": a written number with its unit
    if n.value == 1 and not measured:
        nxt = _NEXT_WORDS.match(text, n.end, n.end + 40)
        if not (nxt and nxt.group(1).lower() in _lex()["counted_singular"]):
            return None  # "one in five" is a share; a lone "one" is a pronoun more often than a count
        return True  # "one regiment of marines": a count
    if hyphen and not _PLUS_ODD.match(after) and not measured:
        return None  # "three-year", "two-thirds" is read as a fraction
    if _DETERMINER_BEFORE.search(before) \
            and not _OF_THE_BEFORE.search(before):
        return None  # "the two countries" refers back; "of the three brigades" counts
    if word[0].isupper():
        line0 = line_start(text, n.start)
        head = text[line0:n.start]
        if head.strip() and not _SENTENCE_OPENS_BEFORE.search(head):
            return None  # "Group of Seven", "Ocean's Eleven"
    if _IN_N_AFTER.match(after):
        return None
    if _FRACTION_NEXT.match(after):
        return None  # "three quarters": the fraction reads it
    if not _WORD_OR_STOP_AFTER.match(after):
        return None
    return True
