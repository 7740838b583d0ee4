"""The noun phrase that names a source next to a speech verb or an opener: ``Valery
Gerasimov said``, ``according to the Ukrainian secret service``, ``John Kirby, a spokesman for
the council, told``."""
from __future__ import annotations

import re

from .speakers import _PAREN_ACRONYM, _lex

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w.]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_CUT = re.compile(r"\s+(?:in|at|from|on)\s+(?=[A-Z])")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_CLAUSE_START = re.compile(r"\s*(?:who|which|whose|a|an|the|speaking|writing|according|deputy|acting|former|head|chief|one)\b|\s*\w+(?:ing|ed)\b")
_COMPASS = re.compile(r"(?:north|south|east|west)\w*ern")


def is_adverb(w: str) -> bool:
    """A word between a speaker and its verb that is no part of the speaker's name: "also",
    "previously" (in data) or any lower-case "-ly" word that is no role ("merely", "publicly")."""
    low = w.lower()
    return low in _lex()["adverbs"] or (w.islower() and len(w) > 4 and low.endswith("ly") and low not in _lex()["roles"])


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _lex()["roles"] or _COMPASS.fullmatch(w) is not None


def _modifies_role(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the lower-case word ``k`` is a modifier of a role noun that follows it: "the
    health ministry", "a local government official", "the latest VDF figures"."""
    lex = _lex()
    if toks[k][0].lower() in lex["modifier_stops"]:
        return False
    for w, _, _ in toks[k + 1:k + 4]:
        if not w.isalpha() or w.lower() in lex["joiners"] or w.lower() in lex["modifier_stops"]:
            return False
        if w.lower() in lex["roles"]:
            return True
        if w[:1].isupper() and not w.isupper():
            return False  # a name's words are taken as a name, an acronym as a modifier ("the latest VDF figures")
    return False



def _title_before_name(toks: list[tuple[str, int, int]], k: int) -> bool:
    """Whether the lower-case word ``k`` is a title between a body and a person's name:
    "Valdorian mediator Luis Rojas", "the UN envoy Ana Ruiz"."""
    w = toks[k][0]
    if not w.isalpha() or w.lower() in _lex()["modifier_stops"] or w.lower() in _lex()["joiners"]:
        return False
    name = toks[k + 1:k + 3]
    return len(name) == 2 and all(t[0][:1].isupper() and t[0].isalpha() and not t[0].isupper() for t in name)


def _comma_before(text: str, pos: int) -> bool:
    """Whether the last character before ``pos`` that is not a space is a comma."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] == ","


def noun_phrase_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The source named right before a speech verb at ``end``: ``Valery Gerasimov``,
    ``the Ukrainian secret service``, ``a US military official in Washington``."""
    m = _PAREN_ACRONYM.search(text, max(floor, end - 14), end)
    if m:  # "the Joint Chiefs of Staff (JCS) said": the name before the acronym, written with it
        found = noun_phrase_before(text, m.start(), floor)
        if found:
            stop = m.start() + len(m.group(0).rstrip())
            return text[found[1]:stop], found[1], stop
    near = max(floor, end - 160)  # a name is a few words: the sentence start need not be read
    if near > floor:
        near = text.find(" ", near, end) + 1 or near
    short = text.find(" ", end - _NEAR_WORDS, end) + 1 if end - _NEAR_WORDS > near else 0
    if short > near:
        # the words right before the verb first (no token holds a space, so they are the last
        # tokens of the longer stretch); the phrase read from them is the same wherever two or
        # more of them are left before it, else the longer stretch is read
        toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, short, end)]
        found = _phrase_at_end(text, toks, floor)
        if len(toks) >= 2:
            return found
    return _phrase_at_end(text, [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, near, end)], floor)


_NEAR_WORDS = 60  # characters before a speech verb read first for its source


def _phrase_at_end(text: str, toks: list[tuple[str, int, int]], floor: int) -> tuple[str, int, int] | None:
    """The source phrase the tokens ``toks`` end on (``noun_phrase_before``); the tokens it
    passes over are taken off ``toks``."""
    lex = _lex()
    while toks and (is_adverb(toks[-1][0]) or toks[-1][0] == ","):
        toks.pop()
    if toks and toks[-1][0].lower() in lex["pronouns"]:
        return toks[-1]
    taken: list[tuple[str, int, int]] = []
    while toks:
        w, s, e = toks[-1]
        lw = w.lower()
        if w == "," and taken and taken[-1][0][:1].isupper() and any(t[0] == "and" for t in taken) and len(toks) > 1 and toks[-2][0][:1].isupper():
            taken.append(toks.pop())  # "Washington, Kyiv and Seoul"
            continue
        if _is_name_word(w) or (lw in lex["joiners"] and taken) or (lw in ("a", "an") and taken) \
                or (taken and w.isalpha() and w.islower() and lw not in lex["possessives"]
                    and _modifies_role([*toks, *reversed(taken)], len(toks) - 1)):
            # "Peruvian health authorities": a lower-case word before a role is the speaker's
            taken.append(toks.pop())
            if lw in ("a", "an") or (lw == "the" and not (toks and toks[-1][0].lower() in lex["joiners"] - {"the"})):
                break  # "the" ends the phrase unless it follows "of"/"for": "spokesman for the council"
            continue
        break
    # "John Kirby, a spokesman for the council, told": the name before the apposition
    if taken and taken[-1][0].lower() in ("a", "an", "the") and toks and toks[-1][0] == ",":
        name = noun_phrase_before(text, toks[-1][1], floor)
        if name and all(p[:1].isupper() for p in name[0].split()):
            return name
    while taken and taken[-1][0].lower() in lex["joiners"] | {"a", "an"}:
        taken.pop()
    while taken and taken[0][0].lower() in lex["joiners"]:
        taken.pop(0)
    if not taken:
        return None
    start, stop = taken[-1][1], taken[0][2]
    return text[start:stop], start, stop


def _name_before_clause(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """``Lee, a lawmaker who sat in on the session, said`` / ``Zelenskyy, speaking by video,
    had suggested``: the name before a clause set off by commas right before the verb."""
    head = text[floor:end].rstrip()
    words = head.split()
    while words and is_adverb(words[-1]):
        head = head[:head.rfind(words[-1])].rstrip()
        words.pop()
    if not head.endswith(","):
        return None
    stop = floor + len(head) - 1
    comma = text.rfind(",", max(floor, stop - 160), stop)
    while comma >= floor:
        if _CLAUSE_START.match(text, comma + 1):
            np = noun_phrase_before(text, comma, floor)
            if np and any(w[:1].isupper() for w in np[0].split()):
                return np
            return None
        comma = text.rfind(",", max(floor, stop - 160), comma)
    return None


def noun_phrase_after(text: str, start: int, limit: int) -> tuple[str, int, int] | None:
    """The source named after ``according to`` / ``reports``, up to punctuation."""
    lex = _lex()
    toks = [(m.group(0), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:min(limit, start + 160)])]
    taken: list[tuple[str, int, int]] = []
    for k, (w, s, e) in enumerate(toks):
        lw = w.lower()
        if w[:1].isalpha() and (_is_name_word(w.rstrip(".")) or lw in lex["joiners"] or lw in ("a", "an") or lw in lex["possessives"]
                                or lw in lex["lead_drop"] and not taken or _modifies_role(toks, k)
                                or taken and _title_before_name(toks, k)):
            if w.endswith(".") and not _INITIALS.fullmatch(w) and w not in lex["title_abbrevs"]:
                taken.append((w[:-1], s, e - 1))
                break
            taken.append((w, s, e))
            continue
        break
    while taken and taken[-1][0].lower() in lex["joiners"] | {"a", "an"}:
        taken.pop()
    if not taken:
        return None
    return text[taken[0][1]:taken[-1][2]], taken[0][1], taken[-1][2]


def _clean(phrase: str) -> str:
    lex = _lex()
    cut = _CUT.split(phrase, maxsplit=1)
    if len(cut) == 2 and any(w.lower() in lex["roles"] for w in cut[0].split()) and cut[0].split()[-1].lower() not in lex["report_nouns"] | {"source", "sources"}:
        phrase = cut[0]  # "a US military official in Washington" -> "US military official"
    words = phrase.split()
    while words and words[0].lower() in lex["lead_drop"]:
        words.pop(0)
    return " ".join(words)
