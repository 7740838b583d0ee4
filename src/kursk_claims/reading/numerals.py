"""Pass 1 of reading numbers: each number as written, in digits (``11,000``, ``$3.2bn``,
``1.5×10⁶``, ``½``) or in words (``eleven thousand``, ``two and a half million``, ``a dozen``),
with its value, the grain it is written to, its scale and its currency.

    >>> [(n.value, n.kind) for n in find_numerals("Eleven thousand and 40k fled.")]
    [(11000.0, 'words'), (40000.0, 'digits')]

Dates, clock times, phone numbers, IP addresses and web addresses are masked here; the rest of
what is no claim is left out in pass 2 (``numbers``).
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..lexicon import led, table, trie_pattern, whole_words


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


@cache
def numeral_lexicon() -> dict:
    """The number words, scales, abbreviations and currency signs, compiled once."""
    num = table("numbers")
    units = table("units")
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
    digit_re = led(
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
    return {
        "words": words,
        "scales": scales,
        "fractions": fractions,
        "vague": vague,
        "abbrev": abbrev,
        "upper_abbrev": num["upper_abbreviations"],
        "spaced_abbr_re": re.compile(r"[ \u00a0](" + "|".join(num["spaced_abbreviations"]) + r")\b"),
        "word_re": word_re,
        "digit_re": digit_re,
        "currency_before": {k.replace(" ", ""): v for k, v in before.items()},
        "currency_scaled": frozenset(units["before_scaled"]),
        "currency_millions": frozenset(units["before_millions"]),
        "vulgar": num["unicode_fractions"],
        "denominators": frozenset(num["slash_denominators"]),
        "multiples": num["multiples"],
        "point_re": re.compile(r"[ \t]+" + num["decimal_word"] + r"[ \t]+((?:" + trie_pattern(_DIGIT_WORDS) + r")\b(?:[ \t-]+(?:"
                               + trie_pattern(_DIGIT_WORDS) + r")\b)*)", re.I),
    }


_lex = numeral_lexicon


# Numbers inside these are never figures. Checked only around each numeral, not over the text.
_SKIP_NEAR = re.compile(
    r"\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b"  # 20/12/2024, 2024-12-20
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"  # clock times
    r"|\b(?:1[6-9]|20)\d\d[-–/]\d\d\b(?![-–/.,]?\d)"  # 1995-01, the 2013-14 season
    r"|\+\d[\d ().-]{7,}\d|\(\d{3}\)\s?\d{3}[.-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b"  # phone numbers
    r"|\b\d{1,3}(?:\.\d{1,3}){3}\b"  # IP addresses
)
_WEB = re.compile(r"https?://|www\.|@[\w-]+\.")
_NOT_DIGIT_OR_POINT = re.compile(r"[^\d.]")
_GROUP_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009\u066c\u200b-\u200f\u061c\u2066-\u2069]")
_HALF_A_SCALE = re.compile(r"\s+a\s+(hundred|thousand|million|billion|dozen)\b|\s+(million|billion)\b", re.I)

_DIGIT_WORDS = {"zero": 0, "nought": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9}


def _ascii_digits(s: str) -> str:
    """The digits of any script as ASCII, the Arabic decimal sign as a point: the same number
    reads the same whatever its digits."""
    if s.isascii():
        return s
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() and unicodedata.digit(ch, None) is not None
                   else "." if ch == "\u066b" else ch for ch in s)


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
    dotted = writes_thousands_with_dots(text)
    i = 0
    while i < len(atoms):
        numeral, i = _join_atoms(text, atoms, i)
        if numeral is not None:
            if numeral.kind == "digits" and not numeral.has_scale and (dotted or _people_after(text, numeral.end)):
                _read_dotted(text, numeral)
            if numeral.value > 0 and numeral.kind in ("digits", "words") and not numeral.currency \
                    and text[numeral.start - 2:numeral.start - 1] in _MINUS_LAST and text[numeral.start - 1:numeral.start] in " \t-":
                minus = _MINUS_BEFORE.search(text, max(0, numeral.start - 20), numeral.start)
                if minus:  # "minus 5", "negative one", "minus-180 degrees"
                    numeral.start = minus.start(1)
                    numeral.value = -numeral.value
            numerals.append(numeral)
    return numerals


_DOT_ZEROS = re.compile(r"(?<![\d.,])\d{1,3}\.000(?![\d.,]|\.\d)")
_DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]|\.\d)")
_COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def writes_thousands_with_dots(text: str) -> bool:
    """Whether the text groups thousands with dots (``17.000 former prisoners``, as much of
    Europe writes): a number written ``N.000`` gives it away (nobody writes 17 to three zero
    decimals in a news story), and dot groups outnumber comma groups.

    >>> writes_thousands_with_dots("About 17.000 convicts and 3.000 others; 19.547 in all.")
    True
    >>> writes_thousands_with_dots("It rose 2.5% to 19.547 points, from 12,000.")
    False
    """
    if ".000" not in text or not _DOT_ZEROS.search(text):  # the substring first: most texts lack it
        return False
    return len(_DOT_GROUPED.findall(text)) > len(_COMMA_GROUPED.findall(text))


_NEXT_WORDS = re.compile(r"[ \t\u00a0]+([A-Za-z-]+)(?:[ \t]+([a-z-]+))?")


@cache
def _people_nouns() -> frozenset[str]:
    """The plural nouns of people the comparing tables class (soldiers, civilians, children …)."""
    classes = table("conflicts")["counted_classes"]
    return frozenset(w for cls in ("personnel", "people", "civilians", "children", "women")
                     for w in classes[cls] if w.endswith("s") or w.endswith("men") or w == "people")


def _people_after(text: str, end: int) -> bool:
    """Whether a count of people follows a number, straight after it or after one word
    ("2.425 servicemen", "1.350 Peruvian conscripts"): no part of a person is counted, so a
    dot before three digits groups thousands there, whatever the rest of the text does."""
    if text[end - 4:end - 3] != "." or not text[end - 3:end].isdigit():
        return False
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    nouns = _people_nouns()
    return m.group(1).lower() in nouns or (m.group(2) or "") in nouns


def _read_dotted(text: str, numeral: Numeral) -> None:
    digits = _DOT_GROUPED.fullmatch(text, numeral.start, numeral.end)
    if digits is None:
        return
    groups = digits.group(0).split(".")
    numeral.value = float("".join(groups))
    numeral.grain = _grain(",".join(groups))


_MINUS_LAST = frozenset("sSeE")  # the last letter of "minus" and "negative", checked before the pattern
_MINUS_BEFORE = re.compile(r"(?<!plus or )(?<!plus/)\b(minus|negative)[ \t-]+$", re.I)


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
    kind, m = atoms[i][2], atoms[i][3]
    if kind == "d":
        return _digits_numeral(text, atoms, i)
    word = m.group(0).lower()
    if word in lex["multiples"] or word in lex["vague"] or word in lex["fractions"]:
        return _word_numeral(text, atoms, i, word)
    return _word_run(text, atoms, i)


def _digits_numeral(text: str, atoms: list, i: int) -> tuple[Numeral | None, int]:
    """A numeral written in digits, with its currency, scale abbreviation and scale words."""
    lex = _lex()
    start, end, _, m = atoms[i]
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
        assert cur_key is not None
        numeral.currency = lex["currency_before"].get(cur_key, cur_key.lower())
    j = _scale_after(text, atoms, _and_a_half(text, atoms, i + 1, numeral), numeral)
    if numeral.has_scale:
        j = _and_a_half(text, atoms, j, numeral)  # "3 million and a quarter"
    if m.group("sign") or m.group("sign2"):
        numeral.value = -numeral.value
    elif numeral.has_scale and not abbr and numeral.grain > 1 and j < len(atoms):
        j = _scale_rest(text, atoms, j, numeral)
    return numeral, j


def _word_numeral(text: str, atoms: list, i: int, word: str) -> tuple[Numeral, int]:
    """A numeral of one word: a multiple (``fivefold``), a vague plural (``hundreds``) or a
    fraction (``half``, ``half a million``, ``a quarter million``)."""
    lex = _lex()
    start, end = atoms[i][0], atoms[i][1]
    if word in lex["multiples"]:  # "a fivefold rise", "prices tripled"
        return Numeral(start, end, float(lex["multiples"][word]), "multiple"), i + 1
    if word in lex["vague"]:
        low, high = lex["vague"][word]
        return Numeral(start, end, 0.0, "vague", 1.0, True, low, high), i + 1
    half_of = _HALF_A_SCALE.match(text[end:end + 20])
    if word == "half" and half_of:  # "half a million", "half a dozen", "half million"
        scale = (half_of.group(1) or half_of.group(2)).lower()
        factor = 12 if scale == "dozen" else lex["scales"][scale]
        return Numeral(start, end + half_of.end(), factor / 2, "words", factor / 2, True), _skip(atoms, i + 1, end + half_of.end())
    scaled = _FRACTION_SCALE.match(text, end)
    if scaled and word != "half":  # "a quarter million", "three quarters billion"
        count = _FRACTION_COUNT_WORD.search(text, max(0, start - 12), start)
        times = lex["words"][count.group(1).lower()] if count and count.group(1).lower() in lex["words"] else 1
        value = times * lex["fractions"][word] / 100 * lex["scales"][scaled.group(1).lower()]
        return Numeral(count.start() if count else start, scaled.end(), value, "words", value, True), _skip(atoms, i + 1, scaled.end())
    return Numeral(start, end, lex["fractions"][word], "fraction"), i + 1


def _skip(atoms: list, j: int, end: int) -> int:
    """The first atom from ``j`` that starts at or after ``end``."""
    while j < len(atoms) and atoms[j][0] < end:
        j += 1
    return j


def _word_run(text: str, atoms: list, i: int) -> tuple[Numeral | None, int]:
    """A run of number words: ``twenty-five thousand``, ``one hundred and fifty``, ``a dozen``,
    then ``point five`` or ``and a half``."""
    j, end_, value, has_scale, smallest_scale = _word_run_value(text, atoms, i)
    if j == i:
        return None, i + 1
    numeral = Numeral(atoms[i][0], end_, value, "words", smallest_scale if has_scale else 1.0, has_scale)
    point = _lex()["point_re"].match(text, end_) if not has_scale else None
    if point:  # "five point five", "nought point nought three"
        decimals = "".join(str(_DIGIT_WORDS[w.lower()]) for w in _WORDS_IN.findall(point.group(1)))
        numeral.value = float(f"{int(numeral.value)}.{decimals}")
        numeral.grain = 10.0 ** -len(decimals)
        numeral.end = point.end()
        j = _scale_after(text, atoms, _skip(atoms, j, numeral.end), numeral)
    elif _AND_A_HALF.match(text, end_):  # "five and a half million", "one million and a half"
        j = _and_a_half(text, atoms, j, numeral)
        if not has_scale:
            j = _scale_after(text, atoms, j, numeral)
    return numeral, j


def _word_run_value(text: str, atoms: list, i: int) -> tuple[int, int, float, bool, float]:
    """The words of a run from atom ``i``: (the next atom, where the run ends, its value,
    whether it has a scale word, its smallest scale)."""
    lex = _lex()
    total, current = 0.0, 0.0
    last_small = False
    j = i
    end_ = atoms[i][0]
    has_scale = False
    smallest_scale = 1.0
    while j < len(atoms):
        s2, e2, k2, m2 = atoms[j]
        if j > i and not _gap_joins(text[end_:s2]):
            break
        if j > i and s2 - end_ > 3 and _AND_A_HALF.match(text, end_):
            break  # "two million and three fifths": the fraction is read after the run
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
    return j, end_, total + current, has_scale, smallest_scale


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
        whole, num, den = int(m.group(1) or 0), int(m.group(2)), int(m.group(3))  # type: ignore[union-attr]
        if den not in lex["denominators"] or num >= den or whole > 1e15:
            return None
        return whole + num / den, 1 / den
    last = digits[-1]
    if last in lex["vulgar"]:
        units = float(_ascii_digits(digits[:-1])) if len(digits) > 1 else 0.0
        return units + lex["vulgar"][last], lex["vulgar"][last]
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
