"""The characters every match of a pattern starts with, as a lookahead put before it.

Python's regex engine tries a pattern at every position of a text. A pattern that opens on a
word boundary and an alternation of words (``\\b(?:in|during|over) the past week``), or on a
look-behind, is entered in full at each position; led by a lookahead of its first characters
(``(?=[ido])``) it passes over every other position in one step. The lookahead is read from
the pattern itself, so the matches are the same::

    >>> first_chars(r"\\b(?:in|during|over) the past week")
    '(?=[dio])'
    >>> led(r"\\b(?i:alone)\\b").search("It fell ALONE.").span()
    (8, 13)
"""
from __future__ import annotations

import re

try:  # Python's own pattern parser: private (present in 3.11–3.13); without it no lead is added
    from re import _constants as c, _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    c = sre_parse = None


class _Unknown(Exception):
    """The pattern's first characters cannot be told (a negated class, any character, a
    backreference, inline flags the lookahead cannot keep)."""


_REPEATS = (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) if c is not None else ()


def _char(code: int) -> str:
    return re.escape(chr(code))


def _first(items: list, ignore: bool, out: dict[bool, set[str]]) -> bool:
    """Adds the first characters of the sequence ``items`` to ``out`` (by case-insensitivity);
    whether the sequence can match the empty string."""
    for op, av in items:
        if op is c.LITERAL:
            out[ignore].add(_char(av))
            return False
        if op is c.IN:
            for iop, iav in av:
                if iop is c.LITERAL:
                    out[ignore].add(_char(iav))
                elif iop is c.RANGE:
                    out[ignore].add(_char(iav[0]) + "-" + _char(iav[1]))
                elif iop is c.CATEGORY and iav is c.CATEGORY_DIGIT:
                    out[ignore].add(r"\d")
                else:
                    raise _Unknown  # a negated class; a space or word character: most positions pass
            return False
        if op is c.AT or op is c.ASSERT or op is c.ASSERT_NOT:
            continue  # zero-width: the characters come from what follows
        if op is c.SUBPATTERN:
            _, add, remove, sub = av
            if (add | remove) & ~(c.SRE_FLAG_IGNORECASE):
                raise _Unknown
            inner = (ignore or bool(add & c.SRE_FLAG_IGNORECASE)) and not remove & c.SRE_FLAG_IGNORECASE
            if not _first(sub.data, inner, out):
                return False
            continue
        if op is c.ATOMIC_GROUP:
            if not _first(av.data, ignore, out):
                return False
            continue
        if op is c.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative.data, ignore, out)
            if not empty:
                return False
            continue
        if op in _REPEATS:
            lo, _, sub = av
            if not _first(sub.data, ignore, out) and lo > 0:
                return False
            continue
        raise _Unknown  # any character, a negated literal, a backreference, a conditional
    return True


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A lookahead of the characters every match of ``pattern`` starts with, or None where
    they cannot be told, a match may be empty, or they include spaces or word characters (a
    lookahead most positions pass costs more than it saves)."""
    if sre_parse is None:
        return None
    return _first_chars(sre_parse.parse(pattern, flags), flags)


def _first_chars(parsed: sre_parse.SubPattern, flags: int) -> str | None:
    if parsed.state.flags & ~(c.SRE_FLAG_UNICODE | c.SRE_FLAG_IGNORECASE) or \
            (parsed.state.flags & c.SRE_FLAG_IGNORECASE) != (flags & re.IGNORECASE):
        return None  # inline global flags must open the pattern: nothing may stand before them
    out: dict[bool, set[str]] = {False: set(), True: set()}
    try:
        if _first(parsed.data, bool(flags & re.IGNORECASE), out):
            return None
    except _Unknown:
        return None
    outer = bool(flags & re.IGNORECASE)  # the pattern's own case rule needs no inline flag
    parts = [f"[{''.join(sorted(chars))}]" if ignore == outer else f"(?{'i' if ignore else '-i'}:[{''.join(sorted(chars))}])"
             for ignore, chars in out.items() if chars]
    return "(?=" + "|".join(parts) + ")"


def _scans_fast(parsed: sre_parse.SubPattern, flags: int) -> bool:
    """Whether the engine already skips to where a match can start: a pattern that opens on a
    case-sensitive character or class, or anchored at the start (a lookahead before it would
    cost, not save)."""
    items = parsed.data
    while items and items[0][0] is c.SUBPATTERN and not items[0][1][1] & c.SRE_FLAG_IGNORECASE:
        items = items[0][1][3].data
    if items and items[0] in ((c.AT, c.AT_BEGINNING), (c.AT, c.AT_BEGINNING_STRING)):
        return True
    return not flags & re.IGNORECASE and bool(items) and items[0][0] in (c.LITERAL, c.IN)


def head(pattern: str, flags: int = 0) -> str:
    """The lookahead to put before ``pattern``: its first characters, where they can be told and
    the engine does not already skip to them; else nothing. Read without the case-insensitive
    flag, it also serves the pattern compiled with it (the same characters, or more)."""
    if sre_parse is None:
        return ""
    parsed = sre_parse.parse(pattern, flags)
    if _scans_fast(parsed, flags):
        return ""
    return _first_chars(parsed, flags) or ""


def lead(pattern: str, flags: int = 0) -> str:
    """``pattern`` led by its ``head``."""
    return head(pattern, flags) + pattern


def led(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled, led by the lookahead of its first characters (``lead``)."""
    return re.compile(lead(pattern, flags), flags)
