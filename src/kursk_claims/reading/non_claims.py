"""Numbers that are no claim: dates, years, clock times, ordinals, designations (``Su-34``),
model names, house numbers, ages, page counters, list numbering and page furniture.

    >>> from kursk_claims.reading.numerals import find_numerals
    >>> text = "The Su-34 flew on December 20 with 12 crew."
    >>> [text[n.start:n.end] for n in find_numerals(text) if not is_non_claim(text, n)]
    ['12']
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

from ..lexicon import Folded, first_letters, months, phrase_pattern, table, trie_pattern, word_list
from .lines import line_end, line_start
from .names import known_party_forms, on_change
from .numerals import Numeral
from .units import unit_after


@cache
def _lex() -> dict:
    num = table("numbers")
    dates = table("dates")
    names = months()
    month_re = r"(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\.?"
    return {
        "month_names": frozenset(names),
        "month_after_re": re.compile(r"^(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?" + month_re + r"(?![a-z])", re.I),
        "before_cues": frozenset(k.lower() for k in table("cues")["before"]),
        "counted_words": counted_words(),
        "address_re": re.compile(r"(?:[-–/]\d+[A-Za-z]?)?(?:\s+[A-Z][\w'’.-]*){1,3}?\s+(?:" + "|".join(
            sorted({w.capitalize() for w in num["address_words"]}, key=len, reverse=True)) + r")\b\.?"),
        "calibre_re": re.compile(r"[\s-]?(?:mm|millimet(?:er|re)s?)\b(?:[\s-]+[\w-]+){0,3}?[\s-]+(?:"
                                 + phrase_pattern(num["calibre_nouns"]) + r")\b", re.I),
        "designators": {d.lower() for d in dates["designators"]},
        "headline_verbs": frozenset(num["headline_verbs"]),
        "boilerplate_re": Folded(r"(?<!\w)(?:" + trie_pattern(w.lower() for w in word_list("boilerplate")) + r")(?!\w)",
                                 starts=first_letters(word_list("boilerplate"))),
    }


@cache
def counted_words() -> frozenset[str]:
    """Every counted noun of ``data/measures.json``."""
    return frozenset(w for ws in table("measures")["counted"].values() for w in ws)


_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_TIME_AFTER = re.compile(r"^\s?(?:a\.?m\.?|p\.?m\.?|gmt|utc|cet|est|h\b|o'clock)", re.I)
_HOURS_CLOCK = re.compile(r"\d{4}\s?hrs\b", re.I)  # 1400 hrs is a time; 3 hrs is a duration
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
_AGED_BEFORE = re.compile(r"\b(?:aged|age|ages|age\s+of|ages\s+of|younger\s+than|older\s+than)\s+(?:\d+\s*(?:,|and|or|to)\s*)*$", re.I)
_LIST_MARKER_AFTER = re.compile(r"^[.)](?:\s|$)")
_LABEL_END = re.compile(r"\s*(?:[)\];:]|$)")
_YEAR_LIKE = re.compile(r"1[6-9]\d\d|20\d\d")
_COUNTER_BEFORE = re.compile(r"\b(?:" + "|".join(table("numbers")["counter_labels"]) + r")\s*(?:\(|:)\s*$", re.I)
_YEAR_WORD_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|of|until|till|from|during|before|after|through|to|year|early|late|mid|spring|summer|autumn"
    r"|fall|winter|and|or|the|between|around|circa|c\.)|[-–(,])\s*$", re.I)
NEXT_WORDS = re.compile(r"[ \t]+([A-Za-z][\w-]*)(?:[ \t]+([A-Za-z][\w-]*))?(?:[ \t]+([A-Za-z][\w-]*))?")


def is_non_claim(text: str, n: Numeral) -> bool:
    """Dates, years, clock times, ordinals, designations, counters, list numbering."""
    furniture = _furniture_lines(text)
    if furniture and line_start(text, n.start) in furniture:
        return True  # subscription offers, related links, reading times
    if n.kind != "digits":
        return False
    before = text[max(0, n.start - 40):n.start]
    after = text[n.end:n.end + 40]
    return (_is_code(text, n, before, after) or _is_name_part(text, n, before, after)
            or _is_date(text, n, before, after) or _is_counter(text, n, before, after))


def _is_code(text: str, n: Numeral, before: str, after: str) -> bool:
    """Ordinals, clock times, designations (``Su-34``), calibres, numbers after a number sign,
    serial numbers and digits with letters stuck to them."""
    last = before[-1:]
    if _ORDINAL_AFTER.match(after) or _TIME_AFTER.match(after) or _HOURS_CLOCK.match(text, n.start, n.end + 5):
        return True
    if last in "-‑/+" and last and _DESIGNATION_BEFORE.search(before):
        return True  # Su-34, F-16, COVID-19, GMT+2
    if ("m" in after[:3] or "M" in after[:3]) and _lex()["calibre_re"].match(text, n.end, n.end + 60):
        return True  # 155mm shells: a calibre
    if ("#" in before[-3:] or "№" in before[-3:] or "o." in before[-5:]) and _NUMBER_SIGN_BEFORE.search(before):
        return True  # #3, No. 5
    if after[:1].isalpha() or after[:1] in "-‑":
        if _SERIAL_AFTER.match(after) and unit_after(text, n.end)[0] is None:
            return True  # serial numbers: 3G4, 12-B7 (not 45m2)
        if _STUCK_LETTERS.match(after) and unit_after(text, n.end)[0] is None:
            return True  # capitals stuck to the digits, or a decade: 5G, 3D, the 1990s
    return False


def _is_name_part(text: str, n: Numeral, before: str, after: str) -> bool:
    """Model names (``Leopard 2``), house numbers and ages after a name."""
    lex = _lex()
    last = before[-1:]
    if last == " " and _MODEL_BEFORE.search(before) and not _NUMBER_GOES_ON.match(after) \
            and not _GROUPED.search(text, n.start, n.end):
        prev = before.split()[-1]
        nxt = NEXT_WORDS.match(text, n.end, n.end + 60)
        if prev.lower() not in lex["month_names"] and prev not in _party_words() \
                and prev.lower() not in lex["before_cues"] \
                and not (nxt and nxt.group(1).lower() in lex["counted_words"]) \
                and not (_verb_like(prev, lex["headline_verbs"]) and _title_case_line(text, n.start)):
            return True  # Leopard 2, Windows 11, Boeing 737: a model name
    if (after[1:2].isupper() or after[:1] in "-–/") and n.value < 100000 and not _GROUPED.search(text, n.start, n.end) \
            and lex["address_re"].match(text, n.end, n.end + 60):
        return True  # 412 Harbour Road, 22-24 Mill Lane: a house number
    if last == " " and after[:1] in ",)" and 0 < n.value < 120 and n.grain == 1 and _NAME_COMMA_BEFORE.search(before):
        return True  # "Maria Lopez, 31, said": an age after a name
    return False


def _is_date(text: str, n: Numeral, before: str, after: str) -> bool:
    """Days of a month, relative times, copyright years, ages and designators (``Article 5``)."""
    lex = _lex()
    words = before.split()
    prev_word = words[-1].lower().strip("([{\"“‘.,") if words and not before[-1:].isalnum() else ""
    if (prev_word in lex["month_names"] and not before.rstrip().endswith(",") or lex["month_after_re"].match(after)) \
            and not _GROUPED.search(text, n.start, n.end):
        return True  # December 20, 6 August, Dec. 17 (not "March, 2,000 soldiers")
    if _RELATIVE_AGO.match(after):
        return True  # 3 days ago
    if ("©" in before or "opyright" in before or "(c)" in before) and _COPYRIGHT_BEFORE.search(before):
        return True
    if ("age" in before.lower() or "er than" in before) and _AGED_BEFORE.search(before):
        return True  # "aged 45 and 52": ages
    if prev_word not in lex["designators"]:
        return False
    # Article 5, Flight 17, World War 2; "(source: tracking round 65)": a label ends its phrase
    return words[-1][:1].isupper() or _LABEL_END.match(after) is not None


def _is_counter(text: str, n: Numeral, before: str, after: str) -> bool:
    """Page counters, reading times, lone counters on their own line and list numbering."""
    line_start = _line_bounds(text, n.start, n.end)[0]
    if "(" in before[-2:] or ":" in before[-3:]:
        if _COUNTER_BEFORE.search(before) and len(text[line_start:n.start]) < 60:
            return True  # "Comments (3)", "Views: 214": a page counter
    if _READING_TIME.match(after) and (_READ_BEFORE.search(text[line_start:n.start]) or _MIN_READ_AFTER.match(after)):
        return True  # Read about: 5 min.; 1 min read
    lead = before.rstrip()
    if (not lead or "\n" in before[len(lead):]) and text[slice(*_line_bounds(text, n.start, n.end))].strip() == text[n.start:n.end]:
        return True  # a lone counter on its own line (only whitespace between it and the line start)
    return bool(_LIST_MARKER_AFTER.match(after)) and text[line_start:n.start].strip() == ""  # list numbering


def _verb_like(word: str, irregular: frozenset[str]) -> bool:
    w = word.lower()
    return w.endswith(("s", "ed")) or w in irregular


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is a headline in title case ("Army Took 300 Prisoners
    Near Lima"), where a capital before a number says nothing of a model name."""
    a, b = _line_bounds(text, pos, pos)
    words = [w for w in text[a:min(b, a + 300)].split() if w[:1].isalpha()]
    small = sum(1 for w in words if w.lower() in _TITLE_SMALL_WORDS)
    return len(words) >= 5 and sum(1 for w in words if w[:1].isupper()) >= 0.8 * (len(words) - small)


_TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with", "as"))


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = line_start(text, start)
    b = line_end(text, end)
    return a, (len(text) if b < 0 else b)


@cache
def _party_words() -> frozenset[str]:
    return frozenset(w for form in known_party_forms() for w in form.split())


on_change(_party_words.cache_clear)


@lru_cache(maxsize=8)
def _furniture_lines(text: str) -> frozenset[int]:
    """Where the lines that are page furniture start (one scan of the text)."""
    return frozenset(line_start(text, m.start()) for m in _lex()["boilerplate_re"].finditer(text))


def is_year(text: str, n: Numeral) -> bool:
    """A bare number of four digits that reads as a year (1600-2099)."""
    digits = text[n.start:n.end]
    return n.kind == "digits" and not n.currency and bool(_YEAR_LIKE.fullmatch(digits))


def counted_after(text: str, end: int, before: str) -> bool:
    """Whether a number that looks like a year counts something: a counted noun within three
    words after it (``said 1850 North Korean soldiers``), unless a word that leads a year stands
    before it (``in 1850 North Korean soldiers``)."""
    nxt = NEXT_WORDS.match(text, end, end + 60)
    if not nxt:
        return False
    words = [w.lower() for w in nxt.groups() if w]
    counted = counted_words()
    if words[0] in counted:
        return True
    if _YEAR_WORD_BEFORE.search(before):
        return False
    return any(w in counted for w in words[1:])
