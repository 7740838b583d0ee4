"""Dates: the date a sentence gives a figure, and the date an article was published.

A sentence date may lack its year (``on Tuesday (December 17)``); it is resolved against
the article's date, and stays unknown when that is unknown: never guess::

    >>> resolve({"month": 12, "day": 17}, "2024-12-20")
    '2024-12-17'
    >>> resolve({"month": 12, "day": 17}, None) is None
    True
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache
from typing import Any

from ..lexicon import Folded, first_letters, table, trie_pattern, whole_words
from .datelines import DATELINE
from .sentences import outside_asides


@cache
def _lex() -> dict:
    d = table("dates")
    months = d["months"]
    month = r"(?P<month>" + trie_pattern(months) + r")\.?"
    month2 = month.replace("?P<month>", "?P<month2>")
    weekday = r"(?P<weekday>" + trie_pattern(d["weekdays"]) + r")"
    pattern = Folded(
        r"\b(?:" + month + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?"
        r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + month2 + r"(?:,?\s+(?P<year2>\d{4}))?"
        r"|" + weekday + r")\b(?!\s*\d)", starts=first_letters([*months, *d["weekdays"]]) + "0-9")  # 20% faster scans
    relative = {k: v for k, v in d["relative_days"].items()}
    parts = {k: v for k, v in d["month_parts"].items() if k != "default"}
    month_ref = Folded(
        # "as of March 2021", and a source label's date: "(Relief Office - March 2021)"
        r"(?:\b(?P<lead>" + trie_pattern(d["month_leads"]) + r")[\s-]+|\((?:[^()\n]{1,60}?)\s[-–—]\s+)(?:the\s+)?(?:(?P<part>"
        + trie_pattern(parts) + r")[\s-]+)?"
        r"(?P<month>" + trie_pattern(months) + r")\b\.?(?!\s*\d{1,2}\b)(?:,?\s+(?P<year>\d{4}))?")
    return {"months": months, "weekdays": d["weekdays"], "pattern": pattern,
            "skip": tuple(d["date_anchors_skip"]), "labels": d["byline_labels"],
            "relative": relative, "relative_re": whole_words(relative, capture=True),
            "month_ref": month_ref, "month_parts": parts, "month_default": int(d["month_parts"]["default"])}


def find_date_ref(text: str, start: int, end: int, near: int | None) -> dict[str, int] | None:
    """The date expression in text[start:end] nearest to ``near``, as its parts.

    Dates that open a period (``since August 6``) are not the figure's date.
    """
    best: tuple[int, dict[str, int]] | None = None
    asides = outside_asides(text, start, end, near) if near is not None else []
    for at, parts in _dates_in(text, start, end):
        if near is not None and _other_clause(text, at, near):
            continue
        if any(a <= at < b for a, b in asides):
            continue  # "the war, which broke out in April 2023, has …": the day of the war's start
        distance = abs(at - (near if near is not None else start))
        if best is None or distance < best[0]:
            best = (distance, parts)
    if best is None:
        best = _loose_date_ref(text, start, end, near, asides)
    return dict(best[1]) if best else None


@lru_cache(maxsize=64)
def _dates_in(text: str, start: int, end: int) -> tuple[tuple[int, dict[str, int]], ...]:
    """The dates of text[start:end] that may date a figure (where each starts, its parts),
    read once for all the figures of a sentence."""
    lex = _lex()
    found = []
    for m in lex["pattern"].finditer(text, start, end):
        lead = text[max(start, m.start() - 12):m.start()].lower().split()
        if lead and lead[-1] in lex["skip"]:
            continue
        clause = text[max(start, m.start() - 80):m.start()]
        clause = _CLAUSE_BREAK.split(clause)[-1]
        if _PERIOD_OPENER.search(clause):
            continue  # "since the invasion on Feb. 24, 2022": the start of a period
        parts: dict[str, int] = {}
        if m.group("month"):
            parts = {"month": lex["months"][m.group("month").lower()], "day": int(m.group("day"))}
            if m.group("year"):
                parts["year"] = int(m.group("year"))
        elif m.group("month2"):
            parts = {"month": lex["months"][m.group("month2").lower()], "day": int(m.group("day2"))}
            if m.group("year2"):
                parts["year"] = int(m.group("year2"))
        elif m.group("weekday"):
            parts = {"weekday": lex["weekdays"][m.group("weekday").lower()]}
        if not (1 <= parts.get("day", 1) <= 31):
            continue
        found.append((m.start(), parts))
    return tuple(found)


def _other_clause(text: str, a: int, b: int) -> bool:
    """A semicolon between a date and a figure: the date belongs to another statement."""
    return ";" in text[min(a, b):max(a, b)]


_LATER_CLAUSE = re.compile(r";|,(?!\d)|\b(?:and|but|while)\b")


def _after_in_other_clause(text: str, near: int, at: int) -> bool:
    """A date without a day after the figure, past a comma or an 'and': it dates the next
    clause (``700,000 casualties, and losses hit a high in November``)."""
    return at > near and bool(_LATER_CLAUSE.search(text, near, at))


def is_relative_day(phrase: str) -> bool:
    """``today``, ``last week``: a phrase that dates a figure relative to the article's date."""
    return bool(_lex()["relative_re"].fullmatch(phrase.strip()))


_NOW = re.compile(r"\b(?:now|currently|still|so far|to date)\b", re.I)


def _loose_date_ref(text: str, start: int, end: int, near: int | None,
                    asides: list[tuple[int, int]]) -> tuple[int, dict[str, int]] | None:
    """A date without a day: ``by late October``, ``in mid-January``, ``last week``, ``yesterday``.
    A bare ``in January`` does not date a figure its sentence says is current (``now``), nor
    does one in an aside that does not hold the figure."""
    best: tuple[int, dict[str, int]] | None = None
    for at, parts, label in _loose_dates_in(text, start, end):
        if near is not None and not label and (_other_clause(text, at, near) or _after_in_other_clause(text, near, at)):
            continue  # (a source label, "(Relief Office - March 2021)", dates its whole line)
        if any(a <= at < b for a, b in asides):
            continue
        distance = abs(at - (near if near is not None else start))
        if best is None or distance < best[0]:
            best = (distance, parts)
    return best


@lru_cache(maxsize=64)
def _loose_dates_in(text: str, start: int, end: int) -> tuple[tuple[int, dict[str, int], bool], ...]:
    """The dates without a day of text[start:end] that may date a figure (where each starts,
    its parts, whether it is a source label's): the relative days first, then the months; read
    once for all the figures of a sentence."""
    lex = _lex()
    found = []
    for m in lex["relative_re"].finditer(text, start, end):
        found.append((m.start(), {"days_before": int(lex["relative"][" ".join(m.group(1).lower().split())])}, False))
    for m in lex["month_ref"].finditer(text, start, end):
        lead = " ".join((m.group("lead") or "").lower().split())
        if lead == "in" and not m.group("part") and _NOW.search(text, start, end):
            continue
        label = m.group("lead") is None  # "(Relief Office - March 2021)": a source label dates its whole line
        clause = _CLAUSE_BREAK.split(text[max(start, m.start() - 80):m.start()])[-1]
        if _PERIOD_OPENER.search(clause) and not label:
            continue
        part = m.group("part")
        day = lex["month_parts"][" ".join(part.lower().split())] if part else lex["month_default"]
        parts = {"month": lex["months"][m.group("month").lower()], "day": int(day)}
        if m.group("year"):
            parts["year"] = int(m.group("year"))
        found.append((m.start(), parts, label))
    return tuple(found)


def resolve(parts: dict[str, Any] | None, published: str | None) -> str | None:
    """An ISO date from a date's parts, its missing year taken from the article's date."""
    if not parts:
        return None
    base = _iso_date(published)
    if "days_before" in parts:
        return (base - dt.timedelta(days=parts["days_before"])).isoformat() if base else None
    if "weekday" in parts:
        if base is None:
            return None
        back = (base.weekday() - parts["weekday"]) % 7
        return (base - dt.timedelta(days=back)).isoformat()
    year = parts.get("year")
    if year is None:
        if base is None:
            return None
        year = base.year
        try:
            candidate = dt.date(year, parts["month"], parts["day"])
        except ValueError:
            return None
        if candidate > base + dt.timedelta(days=2):
            candidate = candidate.replace(year=year - 1)  # "December 17" in a January article
        return candidate.isoformat()
    try:
        return dt.date(year, parts["month"], parts["day"]).isoformat()
    except ValueError:
        return None


def _iso_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_date(value: str, *, relative_to: dt.datetime | None = None, allow_relative: bool = False) -> str | None:
    """A date written any way (``Feb 20``, ``20.12.2024``, ``December 20, 2024, 6:57 p.m``) as ISO.

    Relative dates (``3 days ago``) are read only when ``allow_relative`` and a base is given.
    """
    value = _META_SEPARATOR.split(value, 1)[0].strip().rstrip(".")  # "5 March 2024 | Views: 10"
    if not value:
        return None
    relative = bool(re.search(r"\bago\b|\byesterday\b|\btoday\b|\blast\b", value, re.I))
    if relative and not (allow_relative and relative_to):
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                                "REQUIRE_PARTS": ["day", "month"] if relative is False else []}
    if relative_to is not None:
        settings["RELATIVE_BASE"] = relative_to
    if not relative and not re.search(r"\b\d{4}\b", value):
        if relative_to is None:
            return None  # a date without a year and nothing to place it against
    if not relative:
        quick = _quick_date(value)
        if quick is not None:  # a plain written date: read without dateparser, which costs milliseconds
            return quick or None
    value = re.sub(r"(\d)\s*([ap])\.?m\b\.?", r"\1\2m", value, flags=re.I)  # "6:57 p.m" -> "6:57pm"
    import dateparser  # imported on first need: it takes a large part of a second

    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None


_QUICK_DATE = re.compile(
    r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s*(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]{3,9})\.?,?\s*(?P<year2>\d{4})"
    r"|(?P<year3>\d{4})-(?P<mon3>\d{2})-(?P<day3>\d{2})"
    r"|(?P<first>\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)(?P<year4>\d{4}))"
    r"(?:,?\s*(?:-\s*|at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\s*(?P<ampm>[aApP]\.?[mM]\b\.?)?"
    r"(?:\s*(?:GMT|UTC|CET|CEST|EET|EEST|MSK|BST|IST|EST|EDT|PST|PDT))?)?")
_META_SEPARATOR = re.compile(r"\s+[|·•]\s+")


def _quick_date(value: str) -> str | None:
    """A date written the common ways (``December 20, 2024``, ``20 Dec. 2024, 18:57``,
    ``2024-12-20``), read directly: its ISO date, ``""`` when it names no real date (``December
    44``, ``25:61``), or None when it is written otherwise (then dateparser reads it)."""
    m = _QUICK_DATE.fullmatch(value)
    if m is None:
        return None
    if m.group("year4"):  # 12/20/2024 or 20/12/2024: month first where it can be, as dateparser reads it
        first, second, year = int(m.group("first")), int(m.group("second")), int(m.group("year4"))
        month, day = (first, second) if 1 <= first <= 12 else (second, first)
    elif m.group("year3"):
        year, month, day = int(m.group("year3")), int(m.group("mon3")), int(m.group("day3"))
        if not 1 <= month <= 12:
            month, day = day, month  # read as year-day-month, as dateparser does
    else:
        name = (m.group("mon") or m.group("mon2")).lower()
        month = _lex()["months"].get(name)
        if month is None:
            return None
        year, day = int(m.group("year") or m.group("year2")), int(m.group("day") or m.group("day2"))
    if m.group("hour") is not None:
        hour, minute = int(m.group("hour")), int(m.group("minute"))
        if minute > 59 or hour > 23:  # "13:00 pm" passes, as it does in dateparser
            return ""
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


_CLAUSE_BREAK = re.compile(r"[,;:.]\s")
_PERIOD_OPENER = re.compile(r"\b(?:since|from|after|before|until)\b", re.I)
_BYLINE = re.compile(r"^\s*(?P<label>[A-Za-z ]{2,20}?)\s*:\s*(?P<date>.{6,60})$")
_DATE_ONLY = re.compile(r"^\s*(?:\w+,\s+)?(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}(?:[, ]+\d{1,2}[:.]\d{2}.*)?)\s*$")
_FULL_DATE = re.compile(r"\b(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})\b")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|[AP]M|GMT|UTC|CET|EET|MSK)?\b|\b\d{1,2}\s*[ap]\.?m\b", re.I)
_RELATIVE_LINE = re.compile(r"^\s*(?P<date>\d+\s+(?:minute|hour|day|week|month|year)s?\s+ago)\s*$", re.I)


_BYLINE_CHARS = 200  # a byline is a short line; a longer one is a paragraph of the story


def article_date(text: str, *, as_of: dt.datetime | None = None, head_lines: int = 15) -> str | None:
    """The publication date that the top of an article shows: a byline (``Stand: December 20,
    2024, 6:57 p.m``), a dateline (``MOSCOW, Feb 20 (Reuters) -``), a line holding only a date,
    or, against ``as_of`` only, a relative date (``3 days ago``)."""
    lex = _lex()
    labels = {label.lower() for label in lex["labels"]}
    lines = [line for line in text.splitlines() if line.strip()][:head_lines]
    for line in lines:
        m = _BYLINE.match(line)
        if m and m.group("label").strip().lower() in labels:
            found = parse_date(m.group("date"))
            if found:
                return found
        m = DATELINE.match(line)
        if m and m.group("date"):
            found = parse_date(m.group("date"), relative_to=as_of)
            if found:
                return found
        m = _DATE_ONLY.match(line)
        if m:
            found = parse_date(m.group("date"))
            if found:
                return found
        m = _FULL_DATE.search(line) if len(line) <= _BYLINE_CHARS else None  # a paragraph is no byline
        if m and (_CLOCK.search(line) or re.match(r"\s*by\s", line, re.I) or re.search(r"[|·•]", line)):
            found = parse_date(m.group(0))  # a byline: "by The desk December 22, 2024 9:03 AM"
            if found:
                return found
    if as_of is not None:
        for line in lines:
            m = _RELATIVE_LINE.match(line)
            if m:
                return parse_date(m.group("date"), relative_to=as_of, allow_relative=True)
    return None
