r"""Control characters and terminal escape sequences: taken out of an article's text before it is
read (so ``ESC[31m`` never yields the figures 31 or 0), and shown as visible symbols wherever
text meets a terminal (so a file name or a page cannot recolour, move or clear the screen).

    >>> without_controls("At least \x1b[31m300\x1b[0m soldiers\x07 were killed.")
    'At least 300 soldiers were killed.'
    >>> printable("a\x1b[2Jb\tc")
    'a␛[2Jb\tc'
"""
from __future__ import annotations

import re

__all__ = ["has_controls", "printable", "without_controls"]

# ESC sequences (CSI, OSC ended by BEL or ST, DCS/SOS/PM/APC strings, two-character ones) and
# the single-byte CSI of C1
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b\n]*(?:\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[!-/]*[0-~]?)"
                      r"|\x9b[0-?]*[ -/]*[@-~]?")
_SPACE_LIKE = re.compile("[\x0b\x0c\x1c-\x1f\x85]")  # separators Python's str.split() counts as spaces
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_ANY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_controls(text: str) -> bool:
    return _ANY.search(text) is not None


def without_controls(text: str) -> str:
    """``text`` without escape sequences and control characters (tab, newline and carriage
    return kept; vertical tab, form feed and the separators become spaces). Text without any
    is returned as it is."""
    if not has_controls(text):
        return text
    return _CONTROL.sub("", _SPACE_LIKE.sub(" ", _ESCAPES.sub("", text)))


def printable(text: str) -> str:
    """``text`` with each control character but tab and newline shown as a visible symbol
    (``␛`` for ESC, ``␇`` for BEL, ``�`` for the C1 controls)."""
    if _SHOWN.search(text) is None:
        return text
    return _SHOWN.sub(lambda m: _symbol(ord(m.group())), text)


def _symbol(code: int) -> str:
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"
