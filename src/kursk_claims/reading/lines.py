"""Where the line holding a position starts, found by bisection over the text's line breaks
(read once per text) rather than by scanning back: on a page of one very long line, a scan back
from each of its figures would make reading grow with the square of its length."""
from __future__ import annotations

import bisect
from functools import lru_cache


@lru_cache(maxsize=32)
def _breaks(text: str) -> list[int]:
    """The positions of the line breaks of ``text``, in order."""
    found = []
    at = text.find("\n")
    while at >= 0:
        found.append(at)
        at = text.find("\n", at + 1)
    return found


def line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts: ``text.rfind("\\n", 0, pos) + 1``.

    >>> line_start("ab\\ncd\\nef", 5), line_start("ab\\ncd", 2), line_start("abc", 2)
    (3, 0, 0)
    """
    breaks = _breaks(text)
    k = bisect.bisect_left(breaks, pos)
    return breaks[k - 1] + 1 if k else 0


def line_end(text: str, pos: int) -> int:
    """Where the line holding ``pos`` ends: ``text.find("\\n", pos)`` (-1 on the last line).

    >>> line_end("ab\\ncd\\nef", 1), line_end("ab\\ncd\\nef", 2), line_end("ab\\ncd", 4)
    (2, 2, -1)
    """
    breaks = _breaks(text)
    k = bisect.bisect_left(breaks, pos)
    return breaks[k] if k < len(breaks) else -1
