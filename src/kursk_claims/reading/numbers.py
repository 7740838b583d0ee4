"""Reading the numbers in a text: numerals, written numbers, bounds, ranges and units.

Pure Python on the raw text, so character offsets stay exact and the rules can be
tested without spaCy. ``read_quantities`` is the entry point::

    >>> [q.text for q in read_quantities("It lost more than 11,000 troops in 2024.")]
    ['more than 11,000']

Two passes: ``find_numerals`` finds each number as written (digits, scale words, number
words) and ``assemble_quantities`` joins a numeral with its bound cue, range partner,
currency and unit, and drops numbers that are no claim (dates, years, clock times,
designations like ``Su-34``, list numbering, counters).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import Folded, first_letters, phrase_pattern, table, trie_pattern, whole_words, word_list

@dataclass(slots=True)
class Numeral:
    """One number as written: ``11,000``, ``40 thousand``, ``$3.2bn``, ``eleven``, ``half``."""

    start: int
    end: int
    value: float
    kind: str  # digits | words | fraction | vague | scale
    grain: float = 1.0  # the place of the last significant digit as written (12,000 -> 1000)
    has_scale: bool = False
    low: float | None = None  # vague amounts only
    high: float | None = None
    currency: str | None = None
    scale: float = 1.0  # the factor of its scale words or abbreviation: 70 thousand -> 1000

    def to_tuple(self) -> tuple:
        """The fields in order: a form that crosses processes and rebuilds with ``Numeral(*t)``."""
        return (self.start, self.end, self.value, self.kind, self.grain, self.has_scale, self.low, self.high,
                self.currency, self.scale)


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
    num = table("numbers")
    cues = table("cues")
    units = table("units")
    dates = table("dates")
    words: dict[str, float] = {**num["units"], **num["tens"]}
    scales = dict(num["scales"])
    fractions = dict(num["fractions"])
    vague = {k: tuple(v) for k, v in num["vague_plurals"].items()}
    all_words = set(words) | set(scales) | set(fractions) | set(vague) | {"dozen"} | set(num["multiples"])
    word_re = whole_words(all_words)
    abbrev = num["scale_abbreviations"]
    abbrev_re = "|".join(sorted(abbrev, key=len, reverse=True))
    upper_re = "|".join(sorted(num["upper_abbreviations"], key=len, reverse=True))
    before = units["before"]
    cur_re = "|".join(re.escape(k).replace(r"\ ", r"\s?") for k in sorted(before, key=len, reverse=True))
    vulgar = "".join(num["unicode_fractions"])
    first = "".join(sorted({k[0] for k in before if not k[0].isalpha()} | set(vulgar) | set("-−")))
    sep = r"[,\u066c]"
    inv = r"[\u200b-\u200f\u061c\u2066-\u2069]"  # zero-width and direction marks inside a number
    digit_re = re.compile(
        r"(?=[\d" + re.escape(first) + r"]|[A-Z][A-Za-z.$€£¥ \u00a0]{0,5}\d)(?<![\w.,/])(?<!\d\s)"  # the lookahead lets the engine skip other characters fast
        r"(?P<sign>(?<![^\s(\[<>=:~\"“'])[-−](?=[\d$€£¥]))?"
        r"(?:(?P<cur>(?:" + cur_re + r")[ \u00a0]?)(?P<sign2>[-−])?)?"
        r"(?P<num>\d+(?:\.\d+)?\s?(?:[×x]\s?10\s?(?:\^|\*\*)\s?[-−]?\d+|×\s?10(?:[-−]\d+|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE][-+−]?\d+(?![\w.]))"
        r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d])"  # Indian grouping: 12,34,567
        r"|\d{1,3}(?:" + inv + r"*" + sep + inv + r"*\d{3}|" + inv + r"+\d{3})+(?:[.\u066b]\d+)?(?![\d])"
        r"|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\d,])"
        r"|\d+[ \u00a0]\d+/\d+(?![/\d])|\d+/\d+(?![/\d])"  # 10 1/2, 1/4
        r"|\d*[" + vulgar + r"]"  # ½, 2½
        r"|\d+(?:[.\u066b]\d+)?)"
        r"(?:(?P<abbr>" + abbrev_re + r")\b|(?P<abbr_upper>" + upper_re + r")\b|(?P<abbr_any>(?i:" + abbrev_re + r"))\b)?",
    )
    months = dates["months"]
    month_re = r"(?:" + "|".join(sorted(months, key=len, reverse=True)) + r")\.?"
    before_cues = cues["before"]
    after_cues = cues["after"]
    unit_after = units["after"]
    glued = units["glued_only"]
    unit_words = [u for u in unit_after if u != "%" and u not in glued]
    return {
        "words": words,
        "scales": scales,
        "fractions": fractions,
        "vague": vague,
        "multipliers": {k: tuple(v) for k, v in num["vague_multipliers"].items()},
        "multiplier_re": re.compile(r"\b(" + phrase_pattern(num["vague_multipliers"]) + r")\s$", re.I),
        "abbrev": abbrev,
        "upper_abbrev": num["upper_abbreviations"],
        "spaced_abbr_re": re.compile(r"[ \u00a0](" + "|".join(num["spaced_abbreviations"]) + r")\b"),
        "word_re": word_re,
        "digit_re": digit_re,
        "month_names": frozenset(months),
        "month_after_re": re.compile(r"^(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?" + month_re + r"(?![a-z])", re.I),
        "before_re": re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[“\"]))(" + _spaced_trie(c.lower() for c in before_cues) + r")\s*$", re.I),
        "before_cues": {k.lower(): v for k, v in before_cues.items()},
        "after_cues": {k.lower(): v for k, v in after_cues.items()},
        "near": cues["near_bounds"],
        "tail_re": re.compile("(" + "|".join(_after_cue(k) for k in sorted(after_cues, key=len, reverse=True)) + ")", re.I),
        "joiners": frozenset(cues["range_joiners"]),
        "openers": {k.lower(): v for k, v in cues["range_openers"].items()},
        "join_re": re.compile(r"\s*(" + "|".join(re.escape(j) for j in sorted(
            set(cues["range_joiners"]) | set(cues["range_openers"].values()), key=len, reverse=True)) + r")\s*", re.I),
        "opener_re": re.compile(r"\b(" + "|".join(cues["range_openers"]) + r")\s+(?:\S+\s+)?$", re.I),
        "change_re": re.compile(r"\b(?:" + trie_pattern(cues["change_verbs"]) + r")(?:\s+(?:by|from))?\s+$", re.I),
        "unit_after_re": re.compile(
            r"(?:\s?(%)|\s*(" + _spaced_trie(u.lower() for u in unit_words) + r")(?![\w²]))"
            r"|\s*(km²|km2|m²|mi²)|(" + phrase_pattern(glued) + r")(?![\w×²])"
            r"|((?-i:" + "|".join(units["glued_upper"]) + r"))(?![\w/-])"
            r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:in|on|at|and|or|by|for|with|as|to|from|while|when|after|before|during|today"
            r"|yesterday|tomorrow|this|last|next|but|than)\b)", re.I),  # 44C in Seville; not the 13F filing
        "glued_upper": units["glued_upper"],
        "unit_after": {k.lower(): v for k, v in unit_after.items()},
        "currency_before": {k.replace(" ", ""): v for k, v in before.items()},
        "currency_scaled": frozenset(units["before_scaled"]),
        "compound": {u: (re.compile(r"[ \t]+(?:" + phrase_pattern(w for w in c["minor"] if w) + r")\b(?!-)", re.I),
                         "" in c["minor"], float(c["factor"])) for u, c in units["compound"].items()},
        "not_a_cue_after": {k: frozenset(v) for k, v in cues["not_a_cue_after"].items()},
        "counted_singular": frozenset(w[:-1] for ws in table("measures")["counted"].values() for w in ws
                                      if w.endswith("s") and not w.endswith("ss") and w not in ("units", "forces")),
        "counted_words": frozenset(w for ws in table("measures")["counted"].values() for w in ws),
        "currency_millions": frozenset(units["before_millions"]),
        "vulgar": num["unicode_fractions"],
        "denominators": frozenset(num["slash_denominators"]),
        "multiples": num["multiples"],
        "point_re": re.compile(r"[ \t]+" + num["decimal_word"] + r"[ \t]+((?:" + trie_pattern(_DIGIT_WORDS) + r")\b(?:[ \t-]+(?:"
                               + trie_pattern(_DIGIT_WORDS) + r")\b)*)", re.I),
        "address_re": re.compile(r"(?:[-–/]\d+[A-Za-z]?)?(?:\s+[A-Z][\w'’.-]*){1,3}?\s+(?:" + "|".join(
            sorted({w.capitalize() for w in num["address_words"]}, key=len, reverse=True)) + r")\b\.?"),
        "calibre_re": re.compile(r"[\s-]?(?:mm|millimet(?:er|re)s?)\b(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:"
                                 + phrase_pattern(num["calibre_nouns"]) + r")\b", re.I),
        "designators": {d.lower() for d in dates["designators"]},
        "boilerplate_re": Folded(r"(?<!\w)(?:" + trie_pattern(w.lower() for w in word_list("boilerplate")) + r")(?!\w)",
                                 starts=first_letters(word_list("boilerplate"))),
    }


def _spaced_trie(words) -> str:
    """``trie_pattern`` with each space matching any run of whitespace."""
    return trie_pattern(words).replace("\\ ", r"\s+")


# The patterns of the rules below, compiled once (a literal re.match(r"...") looks each up again).
# Numbers inside these are never figures. Checked only around each numeral, not over the text.
_SKIP_NEAR = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"  # 20/12/2024, 2024-12-20
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|\b(?:1[6-9]|20)\d\d[-–/]\d\d\b(?![-–/.,]?\d)"  # 1995-01, the 2013-14 season
    r"|\+\d[\d ().-]{7,}\d|\(\d{3}\)\s?\d{3}[.-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b"  # phone numbers
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IP addresses
)
_WEB = re.compile(r"https?://|www\.|@[\w-]+\.")
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:a\.?m\.?|p\.?m\.?|gmt|utc|cet|est|h\b|o'clock)", re.I)
_HOURS_CLOCK = re.compile(r"\d{4}\s?hrs\b", re.I)  # 1400 hrs is a time; 3 hrs is a duration
_HYPHEN_WORD_AFTER = re.compile(r"[-‑]([A-Za-z]+)")
_RELATIVE_AGO = re.compile(r"^\s+(?:second|minute|hour|day|week|month|year)s?\s+ago\b", re.I)
_READING_TIME = re.compile(r"^\s*(?:min|mins|minutes?)\b(?:\s*read)?", re.I)
_READ_BEFORE = re.compile(r"\bread(?:ing)?(?:\s+time)?(?:\s+about)?\s*:?\s*$", re.I)
_COPYRIGHT_BEFORE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?$", re.I)
_DESIGNATION_BEFORE = re.compile(r"(?<!\d)[A-Za-z]+[-‑/+]$")
# a capitalised word (not the first of its sentence) right before a bare number: a model name
_MODEL_BEFORE = re.compile(r"(?<=[a-z,;]\s)(?:[A-Z][A-Za-z]+|[a-z]+[A-Z][A-Za-z]*|[A-Z]&[A-Z])\s$")
_NAME_COMMA_BEFORE = re.compile(r"(?<![\w.])[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)*\s?[,(]\s$")
_GROUPED = re.compile(r"\d[,\u066c\u202f]\d{3}")
_NUMBER_GOES_ON = re.compile(r"[.,]\d|\s?%|\s+(?:per\s?cent|percent)\b")
_NUMBER_SIGN_BEFORE = re.compile(r"[#№]\s*$|\bno\.\s*$", re.I)
_STUCK_LETTERS = re.compile(r"[A-Z]|s\b|'s\b")
_SERIAL_AFTER = re.compile(r"[A-Za-z]+\d|[-‑][A-Za-z]+\d")
_MIN_READ_AFTER = re.compile(r"\s*(?:min|mins|minutes?)\s+read\b", re.I)
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_FRACTION_NEXT = re.compile(r"[\s-]+(?:halves|thirds?|quarters?|fifths?|sixths?|eighths?|tenths?)\b", re.I)
_OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(thousand|million|billion)\b", re.I)
_PERIOD_BEFORE = re.compile(r"\b(?:past|last|previous|next|first|coming|latest)\s+$", re.I)
_AGED_BEFORE = re.compile(r"\b(?:aged|age|ages)\s+(?:\d+\s*(?:,|and|or|to)\s*)*$", re.I)
_LIST_MARKER_AFTER = re.compile(r"^[.)](?:\s|$)")
_NOT_DIGIT_OR_POINT = re.compile(r"[^\d.]")
_GROUP_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009\u066c\u200b-\u200f\u061c\u2066-\u2069]")
_HALF_A_SCALE = re.compile(r"\s+a\s+(hundred|thousand|million|billion|dozen)\b|\s+(million|billion)\b", re.I)
_YEAR_LIKE = re.compile(r"1[6-9]\d\d|20\d\d")
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


_DIGIT_WORDS = {"zero": 0, "nought": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9}


def _ascii_digits(s: str) -> str:
    """The digits of any script as ASCII, the Arabic decimal sign as a point: the same number
    reads the same whatever its digits."""
    if s.isascii():
        return s
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and unicodedata.digit(ch, None) is not None
                   else "." if ch == "\u066b" else ch for ch in s)


@cache
def unit_conversions() -> dict[str, tuple[str, float]]:
    """How to compare figures in units of one kind: ``{unit: (base unit, factor)}``, where a
    value in ``unit`` times ``factor`` is the value in ``base`` (``sq_mi -> ("km2", 2.59)``).
    Units missing from the table are their own base. From ``data/units.json``."""
    return {k: (v[0], float(v[1])) for k, v in table("units")["conversions"].items()}


def to_base(value: float, unit: str | None) -> tuple[float, str | None]:
    """``value`` in ``unit`` as (value, unit) in the base unit of its kind: 190 sq_mi -> 492 km2."""
    base, factor = unit_conversions().get(unit, (unit, 1.0))
    return value * factor, base


def _grain(digits: str) -> float:
    """The place value of the last significant digit: 12,000 -> 1000, 1250 -> 10, 3.2 -> 0.1."""
    plain = _NOT_DIGIT_OR_POINT.sub("", _ascii_digits(digits))
    if "." in plain:
        return 10.0 ** -len(plain.split(".")[1])
    stripped = plain.rstrip("0")
    return 10.0 ** (len(plain) - len(stripped)) if stripped else 1.0


def _parse_digits(s: str) -> float:
    return float(_GROUP_SEPARATORS.sub("", _ascii_digits(s)))


# --- pass 1: numerals -----------------------------------------------------------------

def find_numerals(text: str) -> list[Numeral]:
    """Every number as written, in order, with words joined (``eleven thousand``)."""
    lex = _lex()
    atoms: list[tuple[int, int, str, re.Match]] = []
    for m in lex["digit_re"].finditer(text):
        if not _masked(text, m.start("num"), m.end("num")):
            atoms.append((m.start(), m.end(), "d", m))
    for m in lex["word_re"].finditer(text):
        atoms.append((m.start(), m.end(), "w", m))
    atoms.sort(key=lambda a: a[0])
    numerals: list[Numeral] = []
    i = 0
    while i < len(atoms):
        numeral, i = _join_atoms(text, atoms, i)
        if numeral is not None:
            if numeral.value > 0 and numeral.kind in ("digits", "words") and not numeral.currency \
                    and text[numeral.start - 2:numeral.start - 1] in _MINUS_LAST and text[numeral.start - 1:numeral.start] in " \t-":
                minus = _MINUS_BEFORE.search(text, max(0, numeral.start - 20), numeral.start)
                if minus:  # "minus 5", "negative one", "minus-180 degrees"
                    numeral.start = minus.start(1)
                    numeral.value = -numeral.value
            numerals.append(numeral)
    return numerals


_MINUS_LAST = frozenset("sSeE")  # the last letter of "minus" and "negative", checked before the pattern
_MINUS_BEFORE = re.compile(r"(?<!plus or )(?<!plus/)\b(minus|negative)[ \t-]+$", re.I)


def _after_cue(cue: str) -> str:
    """The pattern of a cue written after a figure: words after a space ("or more"), signs
    stuck to it ("-plus", "+")."""
    if cue[0].isalpha():
        return r"\s+" + re.escape(cue).replace(r"\ ", r"\s+") + r"\b"
    return re.escape(cue) + (r"\b" if cue[-1].isalpha() else "")


_MASK_SIGNS = re.compile(r"[/.:\-+()]")


def _masked(text: str, start: int, end: int) -> bool:
    """Whether the digits at [start, end) belong to a date, time, phone number, IP, URL or e-mail."""
    if _MASK_SIGNS.search(text, max(0, start - 8), end + 2):  # every pattern needs one of these next to its digits
        a, b = max(0, start - 24), min(len(text), end + 24)
        for m in _SKIP_NEAR.finditer(text, a, b):
            if m.start() <= start < m.end():
                return True
    # the word around the digits, from the space or line break before to the one after (a line
    # break is looked for only nearer than the space: no scan to the paragraph's ends)
    space = text.rfind(" ", 0, start)
    w0 = max(space, text.rfind("\n", space + 1, start)) + 1
    space = text.find(" ", end)
    line = text.find("\n", end, space if space >= 0 else len(text))
    w1 = line if line >= 0 else (space if space >= 0 else len(text))
    word = text[w0:w1]
    return ("/" in word or "@" in word or "www." in word) and bool(_WEB.search(word))


_GAP = re.compile(r"\s{1,3}|\s?[-‑]\s?|\s{1,3}and\s{1,3}", re.I)


def _gap_joins(gap: str) -> bool:
    return bool(_GAP.fullmatch(gap)) and "\n" not in gap


def _join_atoms(text: str, atoms: list, i: int) -> tuple[Numeral | None, int]:
    """Read the numeral that begins at atom ``i``; return it and the next atom index."""
    lex = _lex()
    start, end, kind, m = atoms[i]
    if kind == "d":
        digits = m.group("num")
        read = _digits_value(digits)
        if read is None:
            return None, i + 1  # 9/11, 24/7: a name, not a fraction
        value, grain = read
        has_scale = False
        cur = m.group("cur")
        cur_key = cur.replace(" ", "").replace("\u00a0", "") if cur else None
        abbr = m.group("abbr") or (cur and m.group("abbr_any")) or m.group("abbr_upper")
        num_end = m.start("num") + len(m.group("num"))
        if not abbr:
            spaced = lex["spaced_abbr_re"].match(text, num_end)  # "$5 bn", "10 bln"
            if spaced:
                abbr = spaced.group(1)
                num_end = spaced.end() - len(abbr)
        if cur_key in lex["currency_scaled"] and not (abbr or "," in digits):
            return None, i + 1  # PS3 is a console; PS3.4m is a scraped £3.4m
        if abbr:
            factor = lex["abbrev"].get(abbr.lower()) or lex["upper_abbrev"][abbr]
            value, grain, has_scale = value * factor, grain * factor, True
            end = num_end + len(abbr)
        if cur_key in lex["currency_millions"]:
            value, grain, has_scale = value * 1e6, grain * 1e6, True
        numeral = Numeral(start, end, value, "digits", grain, has_scale)
        if has_scale:
            numeral.scale = value / read[0] if read[0] else 1.0
        if cur:
            numeral.currency = lex["currency_before"].get(cur_key, cur_key.lower())
        j = _scale_after(text, atoms, _and_a_half(text, atoms, i + 1, numeral), numeral)
        if numeral.has_scale:
            j = _and_a_half(text, atoms, j, numeral)  # "3 million and a quarter"
        if m.group("sign") or m.group("sign2"):
            numeral.value = -numeral.value
        elif numeral.has_scale and not abbr and numeral.grain > 1 and j < len(atoms):
            j = _scale_rest(text, atoms, j, numeral)
        return numeral, j
    word = m.group(0).lower()
    if word in lex["multiples"]:  # "a fivefold rise", "prices tripled"
        return Numeral(start, end, float(lex["multiples"][word]), "multiple"), i + 1
    if word in lex["vague"]:
        low, high = lex["vague"][word]
        return Numeral(start, end, 0.0, "vague", 1.0, True, low, high), i + 1
    if word in lex["fractions"]:
        half_of = _HALF_A_SCALE.match(text[end:end + 20])
        if word == "half" and half_of:  # "half a million", "half a dozen", "half million"
            scale = (half_of.group(1) or half_of.group(2)).lower()
            factor = 12 if scale == "dozen" else lex["scales"][scale]
            j = i + 1
            while j < len(atoms) and atoms[j][0] < end + half_of.end():
                j += 1
            return Numeral(start, end + half_of.end(), factor / 2, "words", factor / 2, True), j
        scaled = _FRACTION_SCALE.match(text, end)
        if scaled and word != "half":  # "a quarter million", "three quarters billion"
            count = _FRACTION_COUNT_WORD.search(text, max(0, start - 12), start)
            times = lex["words"][count.group(1).lower()] if count and count.group(1).lower() in lex["words"] else 1
            value = times * lex["fractions"][word] / 100 * lex["scales"][scaled.group(1).lower()]
            j = i + 1
            while j < len(atoms) and atoms[j][0] < scaled.end():
                j += 1
            return Numeral(count.start() if count else start, scaled.end(), value, "words", value, True), j
        return Numeral(start, end, lex["fractions"][word], "fraction"), i + 1
    # a run of number words: "twenty-five thousand", "one hundred and fifty", "a dozen"
    total, current = 0.0, 0.0
    last_small = False
    j = i
    end_ = start
    has_scale = False
    smallest_scale = 1.0
    while j < len(atoms):
        s2, e2, k2, m2 = atoms[j]
        if j > i and not _gap_joins(text[end_:s2]):
            break
        if j > i and s2 - end_ > 3 and _AND_A_HALF.match(text, end_):
            break  # "two million and three fifths": the fraction is read below
        w = m2.group(0).lower()
        if k2 != "w":
            break
        if w in lex["words"]:
            v = lex["words"][w]
            if last_small and not (current % 100 == 0 or (current >= 20 and current % 10 == 0 and v < 10)):
                break
            current += v
            last_small = True
        elif w == "hundred":
            current = (current or 1) * 100
            last_small = False
            has_scale = True
            smallest_scale = 100
        elif w in lex["scales"] and not current and total and lex["scales"][w] > smallest_scale:
            total *= lex["scales"][w]  # "three lakh crore", "a thousand million"
            smallest_scale = lex["scales"][w]
        elif w in lex["scales"]:
            total += (current or 1) * lex["scales"][w]
            current = 0
            last_small = False
            has_scale = True
            smallest_scale = lex["scales"][w]
        elif w == "dozen":
            current = (current or 1) * 12
            last_small = False
            has_scale = True
        else:
            break
        end_ = e2
        j += 1
    if j == i:
        return None, i + 1
    numeral = Numeral(start, end_, total + current, "words", smallest_scale if has_scale else 1.0, has_scale)
    point = lex["point_re"].match(text, end_) if not has_scale else None
    if point:  # "five point five", "nought point nought three"
        decimals = "".join(str(_DIGIT_WORDS[w.lower()]) for w in _WORDS_IN.findall(point.group(1)))
        numeral.value = float(f"{int(numeral.value)}.{decimals}")
        numeral.grain = 10.0 ** -len(decimals)
        numeral.end = point.end()
        while j < len(atoms) and atoms[j][0] < numeral.end:
            j += 1
        j = _scale_after(text, atoms, j, numeral)
    elif _AND_A_HALF.match(text, end_):  # "five and a half million", "one million and a half"
        j = _and_a_half(text, atoms, j, numeral)
        if not has_scale:
            j = _scale_after(text, atoms, j, numeral)
    return numeral, j


_WORDS_IN = re.compile(r"[A-Za-z]+")


_AND_A_HALF = re.compile(r"\s+and\s+(?:(a|an|one)|(two|three|four|five|six|seven|eight|nine))\s+"
                         r"(halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", re.I)
_FRACTION_SCALE = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.I)
_FRACTION_COUNT_WORD = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine)[\s-]+$", re.I)
_AND_GAP = re.compile(r"\s{1,3}(?:and\s{1,3})?", re.I)
_SLASH = re.compile(r"(?:(\d+)\s)?(\d+)/(\d+)")
_SCI = re.compile(r"([\d.]+)\s?(?:[×x]\s?10\s?(?:\^|\*\*)?\s?([-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)|[eE]([-+−]?\d+))")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")


def _digits_value(digits: str) -> tuple[float, float] | None:
    """The value and grain of a numeral written in digits, or None when it is no number
    (a slash pair that is a name: 9/11, 24/7)."""
    lex = _lex()
    if "/" in digits:
        m = _SLASH.fullmatch(digits)
        whole, num, den = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))
        if den not in lex["denominators"] or num >= den or whole > 1e15:
            return None
        return whole + num / den, 1 / den
    last = digits[-1]
    if last in lex["vulgar"]:
        whole = float(_ascii_digits(digits[:-1])) if len(digits) > 1 else 0.0
        return whole + lex["vulgar"][last], lex["vulgar"][last]
    if ("e" in digits or "E" in digits or "×" in digits or "x" in digits) and (sci := _SCI.fullmatch(digits)):
        exp = int((sci.group(2) or sci.group(3)).translate(_SUPERSCRIPTS))
        mantissa = sci.group(1)
        value = float(f"{mantissa}e{exp}")
        return (value, _grain(mantissa) * float(f"1e{exp}")) if math.isfinite(value) and value else None
    value = _parse_digits(digits)
    return (value, _grain(digits)) if math.isfinite(value) else None


def _scale_rest(text: str, atoms: list, j: int, numeral: Numeral) -> int:
    """``4 thousand 3 hundred and 21``, ``6 crore and two hundred``: a smaller number after a
    scale word adds to it."""
    s2 = atoms[j][0]
    if not _AND_GAP.fullmatch(text, numeral.end, s2) or "\n" in text[numeral.end:s2]:
        return j
    rest, k = _join_atoms(text, atoms, j)
    if rest is None or rest.currency or not 0 < rest.value < numeral.grain or rest.kind not in ("digits", "words") \
            or text[rest.start:rest.end].split()[0].lower() in _lex()["scales"]:
        return j
    if rest.kind == "digits" and text[rest.start:rest.end].strip().isdigit() and not rest.has_scale \
            and not text[numeral.start:numeral.end].lower().endswith("hundred"):
        return j  # "5 thousand 20 of them": only a scale word's own remainder joins
    numeral.value += rest.value
    numeral.grain = rest.grain
    numeral.end = rest.end
    return k


def _and_a_half(text: str, atoms: list, j: int, numeral: Numeral) -> int:
    """``two and a half (million)``, ``one million and a half``, ``three and one fourth``: add the
    fraction (of the scale, after one) and skip its atoms; returns the next atom."""
    m = _AND_A_HALF.match(text, numeral.end)
    if not m:
        return j
    lex = _lex()
    count = 1 if m.group(1) else lex["words"][m.group(2).lower()]
    part = count * lex["fractions"][m.group(3).lower()] / 100
    of_scale = _FRACTION_SCALE.match(text, m.end())
    if numeral.has_scale and numeral.grain > 1 and of_scale and lex["scales"][of_scale.group(1).lower()] < numeral.grain:
        part *= lex["scales"][of_scale.group(1).lower()]  # "one billion and a half million"
        numeral.value += part
        numeral.grain = part
        m = of_scale
    elif numeral.has_scale and numeral.grain > 1:
        part *= numeral.grain  # "3 million and a quarter"
        numeral.value += part
    else:
        numeral.value += part
        numeral.grain = min(numeral.grain, part)
    numeral.end = m.end()
    while j < len(atoms) and atoms[j][0] < m.end():
        j += 1
    return j


def _scale_after(text: str, atoms: list, j: int, numeral: Numeral) -> int:
    """Multiply by the scale words that follow: ``40 thousand``, ``1.2 million``, ``2.5 million``."""
    lex = _lex()
    while j < len(atoms):
        s2, e2, k2, m2 = atoms[j]
        word = m2.group(0).lower()
        if k2 == "w" and word in lex["scales"] and text[numeral.end:s2] in (" ", "\u00a0", "-") and not has_scale_above(numeral, lex["scales"][word]):
            factor = lex["scales"][word]
            numeral.value *= factor
            numeral.grain *= factor
            numeral.scale *= factor
            numeral.has_scale = True
            numeral.end = e2
            j += 1
            continue
        break
    return j


def has_scale_above(numeral: Numeral, factor: float) -> bool:
    """``1.2 million thousand`` is not one number: a scale word only follows a smaller one."""
    return numeral.has_scale and numeral.grain >= factor


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
            out[-1] = _make(text, prev.start, q.end, None, max(prev.low or q.low, q.low or prev.low),
                            min(prev.high or q.high, q.high or prev.high), "range",
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


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, (len(text) if b < 0 else b)


def _is_non_claim(text: str, n: Numeral) -> bool:
    """Dates, years, clock times, ordinals, designations, counters, list numbering."""
    lex = _lex()
    before = text[max(0, n.start - 40):n.start]
    after = text[n.end:n.end + 40]
    furniture = _furniture_lines(text)
    if furniture and text.rfind("\n", 0, n.start) + 1 in furniture:
        return True  # subscription offers, related links, reading times
    if n.kind == "digits":
        if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or _HOURS_CLOCK.match(text, n.start, n.end + 5):
            return True
        last = before[-1:]
        if last in "-‑/+" and last and _DESIGNATION_BEFORE.search(before):
            return True  # Su-34, F-16, COVID-19, GMT+2
        if ("m" in after[:3] or "M" in after[:3]) and lex["calibre_re"].match(text, n.end, n.end + 60):
            return True  # 155mm shells: a calibre
        if last == " " and _MODEL_BEFORE.search(before) and not _NUMBER_GOES_ON.match(after) \
                and not _GROUPED.search(text, n.start, n.end):
            prev = before.split()[-1]
            nxt = _NEXT_WORDS.match(text, n.end, n.end + 60)
            if prev.lower() not in lex["month_names"] and prev not in _party_words() \
                    and prev.lower() not in lex["before_cues"] \
                    and not (nxt and nxt.group(1).lower() in lex["counted_words"]):
                return True  # Leopard 2, Windows 11, Boeing 737: a model name
        if (after[1:2].isupper() or after[:1] in "-–/") and n.value < 100000 and not _GROUPED.search(text, n.start, n.end) \
                and lex["address_re"].match(text, n.end, n.end + 60):
            return True  # 412 Harbour Road, 22-24 Mill Lane: a house number
        if last == " " and after[:1] in ",)" and 0 < n.value < 120 and n.grain == 1 and _NAME_COMMA_BEFORE.search(before):
            return True  # "Maria Lopez, 31, said": an age after a name
        if ("#" in before[-3:] or "№" in before[-3:] or "o." in before[-5:]) and _NUMBER_SIGN_BEFORE.search(before):
            return True  # #3, No. 5
        if after[:1].isalpha() or after[:1] in "-‑":
            if _SERIAL_AFTER.match(after) and _unit_after(text, n.end)[0] is None:
                return True  # serial numbers: 3G4, 12-B7 (not 45m2)
            if _STUCK_LETTERS.match(after) and _unit_after(text, n.end)[0] is None:
                return True  # capitals stuck to the digits, or a decade: 5G, 3D, the 1990s
        words = before.split()
        prev_word = words[-1].lower().strip("([{\"“‘.,") if words and not last.isalnum() else ""
        if (prev_word in lex["month_names"] and not before.rstrip().endswith(",") or lex["month_after_re"].match(after)) \
                and not _GROUPED.search(text, n.start, n.end):
            return True  # December 20, 6 August, Dec. 17 (not "March, 2,000 soldiers")
        if "(" in before[-2:] or ":" in before[-3:]:
            if _COUNTER_BEFORE.search(before) and len(text[_line_bounds(text, n.start, n.end)[0]:n.start]) < 60:
                return True  # "Comments (3)", "Views: 214": a page counter
        if _RELATIVE_AGO.match(after):
            return True  # 3 days ago
        if _READING_TIME.match(after) and (_READ_BEFORE.search(text[_line_bounds(text, n.start, n.end)[0]:n.start])
                                           or _MIN_READ_AFTER.match(after)):
            return True  # Read about: 5 min.; 1 min read
        if ("©" in before or "opyright" in before or "(c)" in before) and _COPYRIGHT_BEFORE.search(before):
            return True
        if "age" in before.lower() and _AGED_BEFORE.search(before):
            return True  # "aged 45 and 52": ages
        if prev_word in lex["designators"] and words[-1][:1].isupper():
            return True  # Article 5, Flight 17, World War 2
        lead = before.rstrip()
        if (not lead or "\n" in before[len(lead):]) and text[slice(*_line_bounds(text, n.start, n.end))].strip() == text[n.start:n.end]:
            return True  # a lone counter on its own line (only whitespace between it and the line start)
        if _LIST_MARKER_AFTER.match(after) and text[_line_bounds(text, n.start, n.end)[0]:n.start].strip() == "":
            return True  # list numbering
    return False


@cache
def _party_words() -> frozenset[str]:
    from .names import known_party_forms

    return frozenset(w for form in known_party_forms() for w in form.split())


@lru_cache(maxsize=8)
def _furniture_lines(text: str) -> frozenset[int]:
    """Where the lines that are page furniture start (one scan of the text)."""
    return frozenset(text.rfind("\n", 0, m.start()) + 1 for m in _lex()["boilerplate_re"].finditer(text))


def _is_year(text: str, n: Numeral) -> bool:
    digits = text[n.start:n.end]
    return n.kind == "digits" and not n.currency and bool(_YEAR_LIKE.fullmatch(digits))


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


def _unit_after(text: str, pos: int) -> tuple[dict | None, int]:
    lex = _lex()
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


_UNIT_JOIN = re.compile(r"\s?(?:%|°\s?[CFcf]?|[A-Za-z²]+\.?)(?P<join>\s*(?:[-–—‑~]|to|and)\s*)(?:[$€£])?")
_SUSPENDED = re.compile(r"[-‑],?\s+(to|and|or)\s+", re.I)  # "8- to 16-metre", "three- or four-cylinder"


def _quantity_at(text: str, numerals: list[Numeral], i: int) -> tuple[Quantity | None, int]:
    lex = _lex()
    n = numerals[i]
    if _is_non_claim(text, n):
        # a year range "2002-2025" or a date: skip its partner too
        if i + 1 < len(numerals) and _DASH_GAP.fullmatch(text[n.end:numerals[i + 1].start]):
            return None, 2
        return None, 1
    start, end = n.start, n.end
    low = high = value = None
    bound = "exact"
    consumed = 1

    if n.kind == "vague":
        return _vague_plural(text, n), 1
    if n.kind == "multiple":
        return _make(text, start, end, n.value, n.value, n.value, "exact", {"unit": "times", "kind": "multiple"}), 1
    share = _one_in(text, numerals, i)
    if share is not None:
        return share, 2
    if n.kind == "fraction":
        return _fraction(text, numerals, i), 1
    if n.kind == "words":
        q = _word_number_context(text, n)
        if q is None:
            return None, 1
    before = text[max(0, start - 30):start]
    # "a million", "a dozen", "an estimated"
    if n.kind == "words" and n.has_scale and _ARTICLE_BEFORE.search(before) and n.value in (12, 100, 1000, 1e6, 1e9, 1e12):
        start = start - len(_ARTICLE_BEFORE.search(before).group(0))
    # "several hundred", "a few thousand", "tens of thousands"
    mult = lex["multiplier_re"].search(text, max(0, start - 20), start)
    if mult and n.has_scale and n.value in (100, 1000, 1e6, 1e9):
        lo_m, hi_m = lex["multipliers"][_SPACES.sub(" ", mult.group(1).lower())]
        start -= len(mult.group(0))
        low, high = lo_m * n.value, hi_m * n.value
        unit, end = _unit_after(text, end)
        return _make(text, start, end, None, low, high, "vague", unit), 1
    if n.kind == "words" and start == n.start and text[n.start:n.end].lower() in lex["scales"]:
        return None, 1  # "(3.5) billion dollars", "thousand of times": a scale word alone counts nothing

    if _is_year(text, n):
        cue, _, _ = _cue_before(text, start)
        unit, _ = _unit_after(text, end)
        if not (cue or unit or _counted_after(text, end, before)):
            return None, 1

    value = n.value
    currency = n.currency
    # ranges: "10,000–12,000", "between 10 and 12", "from 5 to 7 million", "two or three"
    partner = None
    if i + 1 < len(numerals):
        nxt = numerals[i + 1]
        gap = text[end:nxt.start]
        joiner = lex["join_re"].fullmatch(gap)
        opener = lex["opener_re"].search(text, max(0, start - 20), start)
        unit_gap = _UNIT_JOIN.fullmatch(gap)  # "5.25%-5.5%", "10 km to 12 km"
        if unit_gap and _unit_after(text, end)[0] is not None and not joiner:
            joiner = _FIRST_WORD.match(unit_gap.group("join"))
        suspended = None if joiner else _SUSPENDED.fullmatch(gap)
        if suspended and _HYPHEN_WORD_AFTER.match(text, nxt.end):
            joiner = _FIRST_WORD.match(suspended.group(1))
        if joiner and joiner.group(0).strip().lower() in ("to", "and") and lex["change_re"].search(text, max(0, start - 40), start):
            joiner = None  # "rose from 5% to 7%", "by £12,000 to £285,000": a change, not a range
        if joiner and nxt.kind in ("digits", "words") and not _is_non_claim(text, nxt):
            word = joiner.group(0).strip().lower()
            ok = word in lex["joiners"] or bool(opener and lex["openers"][opener.group(1).lower()] == word)
            if word in ("-", "‑") and gap.strip() != word and not unit_gap:
                ok = False  # "5 - 3" spaced hyphen is rarely a range
            if ok and word in ("-", "‑") and nxt.value <= value and n.kind == nxt.kind == "digits":
                return None, 2  # "won 3-1", "a 52-30 record": a score or a tally
            if ok and nxt.kind == n.kind or ok and nxt.kind == "digits":
                partner = nxt
    if partner is not None:
        lo_v, hi_v = value, partner.value
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
        if lo_v < hi_v and not (_is_year(text, n) and _is_year(text, partner)):
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
            unit = _unit_from(unit_info, currency or partner.currency)
            return _make(text, s, unit_end, None, lo_v, hi_v, "range", unit), 2
        if _is_year(text, n) and partner is not None and _is_year(text, partner):
            return None, 2

    cue, cue_start, cue_text = _cue_before(text, start)
    if cue is not None:
        bound = cue
        start = cue_start
    unit_info, end = _unit_after(text, end)
    if unit_info is None and _HYPHEN_WORD_AFTER.match(text[end:end + 20]):
        word = _HYPHEN_WORD_AFTER.match(text[end:end + 20]).group(1).lower()
        if word in ("plus",):
            pass
        elif word in ("odd",):
            pass
        else:
            info = lex["unit_after"].get(word)
            if info is None or info["kind"] == "duration":
                return None, consumed  # "three-year high", "10-year-old", "9-member": an adjective
            unit_info = info
            end += 1 + len(word)
    tail = lex["tail_re"].match(text, end, end + 12)
    if tail:
        cue = _SPACES.sub(" ", tail.group(1).strip().lower())
        bound = lex["after_cues"].get(cue, bound) if bound in ("exact", "approx") else bound
        end += len(tail.group(1))
    if unit_info and unit_info["kind"] == "duration" and cue is None and n.kind == "words" and n.value < 2:
        return None, consumed
    if unit_info and unit_info["kind"] == "duration" and _PERIOD_BEFORE.search(text, max(0, start - 30), start):
        return None, consumed  # "in the past 24 hours": the period a figure covers, not a claim
    grain = n.grain
    if unit_info is None and n.scale == 1e6 and not currency and text[n.end - 1] == "m" and _DIMENSION_AFTER.match(text, end):
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
    unit = _unit_from(unit_info, currency)
    low, high = interval(value, bound, grain)
    if bound == "at_most" and cue_text in lex["near"]:
        low = value * lex["near"][cue_text]  # "nearly 3,000" is close to 3,000
    return _make(text, start, end, value, low, high, bound, unit), consumed


_YEAR_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|of|until|till|from|during|before|after|through|to|year|early|late|mid|spring|summer|autumn"
    r"|fall|winter|and|or|the|between|around|circa|c\.)|[-–(,])\s*$", re.I)
_NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z][\w-]*)(?:[ \t]+([A-Za-z][\w-]*))?(?:[ \t]+([A-Za-z][\w-]*))?")


def _counted_after(text: str, end: int, before: str) -> bool:
    """Whether a number that looks like a year counts something: a counted noun within three
    words after it (``said 1850 North Korean soldiers``), unless a word that leads a year stands
    before it (``in 1850 North Korean soldiers``)."""
    nxt = _NEXT_WORDS.match(text, end, end + 60)
    if not nxt:
        return False
    words = [w.lower() for w in nxt.groups() if w]
    counted = _lex()["counted_words"]
    if words[0] in counted:
        return True
    if _YEAR_WORD_BEFORE.search(before):
        return False
    return any(w in counted for w in words[1:])


_DIMENSION_AFTER = re.compile(r"[ \t]+(?:tall|high|long|wide|deep|thick|away|in (?:height|length|diameter|depth))\b", re.I)
_COUNTER_BEFORE = re.compile(r"\b(?:" + "|".join(table("numbers")["counter_labels"]) + r")\s*(?:\(|:)\s*$", re.I)
_LAST_WORD = re.compile(r"(\w+)\s+$")
_MINOR_GAP = re.compile(r"[ \t]+(?:and[ \t]+)?")
_MINOR_BARE_END = re.compile(r"\s*(?:[.,;!?)]|$)")


def _minor_amount(text: str, nxt: Numeral, end: int, rule: tuple) -> tuple[float, int] | None:
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


def _unit_from(info: dict | None, currency: str | None) -> dict | None:
    if currency:
        return {"unit": currency, "kind": "money"}
    return info


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
    if bound == "at_most":
        return None, value
    if bound == "less_than":
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
        unit_info, _ = _unit_after(text, end + len(_OF.match(after).group(0)))
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
    if _NOT_A_FRACTION_BEFORE.search(before):
        return None
    m = _FRACTION_COUNT_BEFORE.search(before)
    of_scale = _OF_A_SCALE.match(text, n.end)
    if word == "half":
        if m and m.group(1):
            start -= len(m.group(0))
    elif m and m.group(1):
        start -= len(m.group(0))
    elif m and m.group(2):
        multiplier = lex["words"].get(m.group(2).lower()) or (float(m.group(2)) if m.group(2).isdigit() else None)
        if multiplier is None:
            return None
        share *= multiplier
        start -= len(m.group(0))
    else:
        return None  # "third" alone is an ordinal
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
        line_start = text.rfind("\n", 0, n.start) + 1
        head = text[line_start:n.start]
        if head.strip() and not _SENTENCE_OPENS_BEFORE.search(head):
            return None  # "Group of Seven", "Ocean's Eleven"
    if _IN_N_AFTER.match(after):
        return None
    if _FRACTION_NEXT.match(after):
        return None  # "three quarters": the fraction reads it
    if not _WORD_OR_STOP_AFTER.match(after):
        return None
    return True
