"""Datelines: the place a report was filed from, at the head of its body ("NAIROBI, Kenya (AP) —",
"CAIRO, March 3 (Reuters) -", "Port Said (AFP) –"). It says where the reporter was, not whose
or where any figure is: a side or place named in it is no mention of the story's parties.

    >>> text = "Raid kills 40\\n\\nLUSAKA, Zambia (AP) — Rebels killed 40 people."
    >>> [text[a:b] for a, b in dateline_spans(text)]
    ['LUSAKA, Zambia (AP) — ']
"""
from __future__ import annotations

import re
from functools import lru_cache

# at a line's start: a place in capitals ("PORT SAID", "GAZA CITY, Gaza Strip"), or in title
# case before the agency's brackets ("Port Said (AFP)"); then a date, an agency, a dash. The
# dates read its date (an article's day) and the outlets its agency (an article's source)
DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:,[ \t]+[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})?"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?=[ \t]*\())"
    r"(?:,[ \t]*(?P<date>[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}(?:,[ \t]*\d{4})?))?"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?[ \t]*[-–—][ \t]", re.M)
_REACH = 3000  # characters from the top where a report's dateline stands


@lru_cache(maxsize=8)
def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each dateline near the top of ``text``."""
    return tuple(m.span() for m in DATELINE.finditer(text, 0, min(len(text), _REACH)))


def in_dateline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a dateline of ``text``."""
    return any(a <= pos < b for a, b in dateline_spans(text))
