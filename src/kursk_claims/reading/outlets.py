"""The outlet an article's text shows: a footer (``maintained by X``, ``© X``), a byline or
dateline, ``X reached out to … for comment``, or a known outlet (``data/outlets.txt``) heading
the page.
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicon import word_list
from .datelines import DATELINE


@cache
def _outlets() -> re.Pattern:
    """One pattern for every known outlet, the longest name first."""
    names = sorted(word_list("outlets"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


_FOOTER = re.compile(
    r"(?:maintained(?: and managed)? by|all rights reserved by|©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?|copyright\s*(?:©\s*)?(?:\d{4})?)"
    r"\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&.'-]*)(?:\s+[A-Z][\w&.'-]*){0,4})", re.I)
_FOOTER_WORDS = ("maintained", "all rights reserved by", "©", "copyright")  # what _FOOTER needs, lower-cased
_BYLINE_SOURCE = re.compile(r"(?m)^\s*By\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*[,|–—-]\s*(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*$")
_REACHED_OUT = re.compile(r"(?:^|[.!?]\s+|\n)(?P<name>[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+(?:has\s+)?reached out to\b")


def article_source(text: str) -> str | None:
    """The outlet the text shows: a footer (``maintained by X``, ``© X``), ``X reached out to
    … for comment``, or a known outlet / short site name heading the page."""
    tail = text[-3000:]
    lowered = tail.lower()
    has_footer = any(k in lowered for k in _FOOTER_WORDS)  # a substring test first: the pattern is slower
    for footer in (_FOOTER.finditer(tail) if has_footer else ()):
        name = _known_outlet(footer.group("name")) or _trim_outlet(footer.group("name"))
        if name:
            return name
    m = _BYLINE_SOURCE.search(text[:800])
    if m:
        return _known_outlet(m.group("name")) or m.group("name").strip()
    m = next((d for d in DATELINE.finditer(text, 0, min(len(text), 600)) if d.group("agency")), None)
    if m:
        return _known_outlet(m.group("agency")) or m.group("agency").strip()
    m = _REACHED_OUT.search(text) if "reached out to" in text else None
    if m:
        return _known_outlet(m.group("name")) or m.group("name").strip()
    lines = text.splitlines()
    head = [line.strip() for line in lines[:3]]
    if head and head[0]:
        first = head[0]
        if _known_outlet(first) == first:
            return first
        words = first.split()
        blank_after = len(head) > 1 and head[1] == ""
        if blank_after and 1 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and not re.search(r"[.:!?,]$", first):
            return first
    return None


def _known_outlet(phrase: str) -> str | None:
    m = _outlets().search(phrase)
    return m.group(1) if m else None


def _trim_outlet(name: str) -> str | None:
    words = [w.rstrip(".,;:") for w in name.split() if w.lower() not in ("all", "rights", "reserved", "by", "the")]
    words = [w for w in words if not re.fullmatch(r"[A-Z]{2,4}", w) or len(words) == 1]  # "APL KosovaPress"
    return " ".join(words[:3]) or None
