"""Placing an undated article in time by what its text says.

Much of the web is copy without a date. Such an article was written no earlier than the latest
day it names: ``said on March 20``, ``as of 25 November 2024``, ``in September 2024``. A date
without its year takes the latest year the article names (``November`` in an article that speaks
of ``September 2024`` is November 2024); an article that names no year is placed only by a date
it gives with its weekday ("on Tuesday (3 March)"): the latest year, up to today, in which that
day was that weekday.

    >>> latest_named_date("Fighting began in March 2023. On May 20, officials said 500 remained.")
    '2023-05-20'
    >>> latest_named_date("The ceasefire held on Monday.") is None
    True
"""
from __future__ import annotations

import datetime as dt
import re
from functools import cache

from ..lexicon import Folded, led, lowered, table, trie_pattern

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
# every alternative opens on a plain character, so the engine skips to where one can start
_FURNITURE = re.compile(r"©|\(c\)|Copyright|copyright|All rights reserved|all rights reserved")


@cache
def _patterns() -> tuple[Folded, re.Pattern[str], dict[str, int]]:
    months: dict[str, int] = {k.lower(): v for k, v in table("dates")["months"].items()}
    names = trie_pattern(m for m in months if len(m) >= 3)
    # run over the lower-cased text (the month is read in lower case, the rest are digits), led
    # by the lookahead of a date's first characters: the engine passes over other positions at once
    date = Folded(
        r"\b(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m1>" + names + r")\.?(?:,?\s+(?P<y1>" + _YEAR + r"))?"
        r"|(?P<m2>" + names + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>" + _YEAR + r"))?"
        r"|(?P<m3>" + names + r")\.?,?\s+(?P<y3>" + _YEAR + r"))\b")
    year = led(r"(?<![\d.,])(" + _YEAR + r")(?![\d.,]\d)")  # led by its first digit, not the look-behind
    return date, year, months


@cache
def _duration() -> tuple[re.Pattern[str], dict[str, int]]:
    words = {w: n for w, n in table("numbers")["units"].items() if n > 0}
    number = "|".join(sorted(words, key=len, reverse=True))
    return re.compile(
        r"(?:(?!\n\s*\n)[\s\S]){0,200}?\b(?:nearly |almost |about |some |more than |over |roughly )?(?P<n>\d{1,2}|" + number + r")"
        r"\s+(?P<unit>days?|weeks?|months?|years?)\s+(?:of\s+[^.!?,]{1,40}?\s+)?(?:followed|later|on|passed|went by)\b",
        re.I), words


def _duration_after(text: str, pos: int, day: dt.date) -> dt.date | None:
    """The day a span of time said right after a date ends on: "On March 3 … two months of
    shelling followed" is at least two months after March 3."""
    pattern, words = _duration()
    m = pattern.match(text, pos, min(len(text), pos + 300))
    if m is None:
        return None
    n = int(m.group("n")) if m.group("n").isdigit() else words[m.group("n").lower()]
    unit = m.group("unit").lower().rstrip("s")
    days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
    return day + dt.timedelta(days=days)


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_BEFORE = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\s*[,(]?\s*(?:the\s+)?$", re.I)
_WEEKDAY_REACH = 10  # years back from today within which a year-less date is placed by its weekday


def _latest_weekday_date(text: str, today: dt.date) -> str | None:
    """The latest day a text that names no year names with its weekday, placed in the latest
    year up to ``today`` in which that day fell on that weekday."""
    if "day" not in text.lower():
        return None  # no weekday named (each ends in "day"): no date is placed by one
    date, _, months = _patterns()
    latest: dt.date | None = None
    for m in date.finditer(text):
        d = m.group("d1") or m.group("d2")
        month = months.get((m.group("m1") or m.group("m2") or "").lower().rstrip("."))
        weekday = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if not (d and month and weekday):
            continue
        wanted = _WEEKDAYS.index(weekday.group(1).lower())
        for y in range(today.year, today.year - _WEEKDAY_REACH, -1):
            if _weekday(y, month, int(d)) == wanted and dt.date(y, month, int(d)) <= today:
                day = dt.date(y, month, int(d))
                if latest is None or day > latest:
                    latest = day
                break
    return latest.isoformat() if latest else None


def _weekday(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def latest_named_date(text: str, today: dt.date | None = None) -> str | None:
    """The latest day ``text`` names (ISO), year-less dates taking its latest named year; when it
    names no year, the latest day it names with its weekday ("on Tuesday (3 March)"), in the
    latest year up to ``today`` in which that day fell on that weekday; else None."""
    date, year, months = _patterns()
    if _FURNITURE.search(text):  # "© 2025 Outlet": the site's year, not the article's
        text = "\n".join(line for line in text.split("\n") if not _FURNITURE.search(line))
    years = [int(y) for y in year.findall(text)]
    if not years:
        return _latest_weekday_date(text, today or dt.date.today())
    # the year named most (the latest of equals) for a date that gives none, unless the weekday
    # before it ("Thursday, December 26") fits only another year the text names, or the one before
    counts = {y: years.count(y) for y in years}
    default_year = max(counts, key=lambda y: (counts[y], y))
    candidates = sorted({*counts, *(y - 1 for y in counts)}, reverse=True)
    latest: dt.date | None = None
    for m in date.finditer(text):
        month = months.get((m.group("m1") or m.group("m2") or m.group("m3")).lower().rstrip("."))
        if month is None:
            continue
        y = m.group("y1") or m.group("y2") or m.group("y3")
        d = m.group("d1") or m.group("d2")
        try:
            day = dt.date(int(y) if y else default_year, month, int(d) if d else 1)
        except ValueError:
            continue
        weekday = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if weekday and not y and d:
            wanted = _WEEKDAYS.index(weekday.group(1).lower())
            fits = [c for c in candidates if _weekday(c, month, int(d)) == wanted]
            if fits:
                day = dt.date(fits[0], month, int(d))
        later = _duration_after(text, m.end(), day)  # "On Oct. 8, … Nearly 14 months of fire followed"
        if later is not None:
            day = later
        if latest is None or day > latest:
            latest = day
    if latest is None:
        return f"{default_year}-01-01"
    return latest.isoformat()


@cache
def _war_over(dated: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The patterns, and the words one of them always holds: they are tried only around those.
    A war's or a siege's length says it is over only on a page that shows no date."""
    frames = table("frames")
    patterns = frames["war_over_patterns"] + frames["battle_over_patterns"]
    if not dated:
        patterns = patterns + frames["war_length_patterns"] + frames["battle_length_patterns"]
    return (re.compile("|".join(f"(?:{p})" for p in patterns), re.I),
            re.compile(r"\b(?:" + trie_pattern(frames["war_over_words"]) + r")\b", re.I))


_AROUND = 80  # characters around such a word where a pattern holding it may start or end


def war_over(text: str, dated: bool = False) -> str | None:
    """The words by which an article says its war or battle is over ("the peace deal was
    concluded", and on a page of no date "the two-year war"), or None: its whole totals are
    estimates of a finished whole. A dated report of a war still going names it by its length
    too ("the 14-month war"): there the length says nothing.

    >>> war_over("At least 9,000 were killed in the two-year war, the envoy said.")
    'two-year war'
    >>> war_over("At least 9,000 were killed in the two-year war, the envoy said.", dated=True) is None
    True
    >>> war_over("The war has not ended, and 900 died last month.") is None
    True
    >>> war_over("Since the ceasefire took effect, 40,000 have returned.")
    'Since the ceasefire'
    """
    pattern, anchor = _war_over(dated)
    for a in anchor.finditer(lowered(text) or text):
        m = pattern.search(text, max(0, a.start() - _AROUND), a.end() + _AROUND)
        if m:
            return " ".join(m.group(0).split())
    return None

