"""Breakdowns: a figure that is a part of a whole the text has just given.

``558 deaths, 50 of them children``, ``including 316 children``, ``of whom 20 percent``,
``Four of the dead were rescuers``: the part names its whole (``part_of``), and what the part
leaves unsaid (the measure, whose, what is counted) is the whole's: the partitive binds it to
its whole, so the measure and the counted noun are read, not inferred; a side the whole only
had from context stays listed in ``inferred``.
A part is a share of the whole, never a competing figure for it.

    >>> text = "The ministry registered 558 deaths, 50 of them children."
    >>> claims = [{"start": 24, "end": 27, "value": 558, "measure": "killed", "counted": "deaths",
    ...            "subject": None, "sentence_start": 0, "unit": None},
    ...           {"start": 36, "end": 38, "value": 50, "measure": None, "counted": None,
    ...            "subject": None, "sentence_start": 0, "unit": None}]
    >>> mark_parts(text, claims)
    >>> claims[1]["part_of"], claims[1]["counted"], claims[1]["measure"]
    ((24, 27), 'children', 'killed')
"""
from __future__ import annotations

import math
import re
from functools import cache
from typing import Any

from ..lexicon import table
from . import whose
from .context import function_words, measure_in
from .names import party_pattern

# words after a figure that make it a part of a whole named before it
_PART_AFTER = re.compile(r"\s+(?:of\s+(?:them|whom|those|these|the\s+(?:dead|killed|wounded|injured|victims|total|"
                         r"casualties|missing|displaced))|(?:[a-z-]+\s+){0,2}among\s+them|were\s+among\s+them)\b", re.I)
_TRAILING_PARTITIVE = re.compile(r"\s+(?:among|of)$")
# "50 of them children and 94 women", "35 children, 58 women": a figure joined to a part is one too
_JOINED = re.compile(r"\s*(?:[a-z-]+\s+){0,4}?(?:[a-z-]+\s*)?(?:,\s*(?:and\s+)?|and\s+)", re.I)
# "50 children and 49 women": the figures of one list, each with at most its noun
_LISTED = re.compile(r"\s*(?:[a-z-]+\s+)?(?:,\s*(?:and\s+)?|and\s+)", re.I)
# words before a figure that make it a part: "including 50 children", "among them 35 children"
_PART_BEFORE = re.compile(r"(?:\bincluding|\bincl\.?|\b(?:which|that|it|this)\s+includ(?:ed|es|e)|\bamong\s+them|\bamong\s+whom|\bof\s+whom|\bof\s+which|\bof\s+them)"
                          r"[\s,:]+(?:not\s+|only\s+|just\s+)?(?:about\s+|around\s+|some\s+|at\s+least\s+|more\s+than\s+|nearly\s+|over\s+)?$", re.I)
_SHARE_JOINED = re.compile(r"[^.;:!?\d]{0,60}?(?:,\s*|\s)(?:but|and|or|while|against|versus|vs\.?)\s+(?:[a-z]+\s+){0,2}", re.I)
# "only half of them had come from prisons": a share of the figure before it
_SHARE_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.I)
# "50 of them children": the noun right after the partitive
_NOUN_AFTER_PART = re.compile(r"\s+of\s+(?:them|whom|those|these)\s+(?:were\s+|are\s+)?([a-z][a-z-]+)\b")
# "Four of the dead were rescuers": what the part is, said after a copula
_PREDICATE = re.compile(r"[^.;:]{0,60}?\s+(?:were|are|was|is)\s+(?:also\s+|mostly\s+|all\s+)?(?:[a-z]+\s+)?([a-z][a-z-]+s)\b")
_NOT_NOUNS = frozenset(("killed", "wounded", "injured", "dead", "missing", "displaced", "being", "still", "not",
                        "reported", "confirmed", "recorded", "registered", "believed", "thought", "said", "among",
                        "captured", "taken", "treated", "admitted", "evacuated", "buried", "in", "on", "at"))
# "of whom about 4 were killed or wounded": a part with a verb of its own says its own measure
_OWN_PREDICATE = re.compile(r"\s+of\s+(?:them|whom|those|these)\s+(?:[a-z]+ed|taken|slain|hurt)\b"
                            r"|(?:\s+(?:\w+\s+){0,2}?)?\s*(?:were|are|was|is|have\s+been|has\s+been|had\s+been)\s+"
                            r"(?:later\s+|also\s+|since\s+)?(?:[a-z]+ed|taken|slain|hurt)\b|\s+(?:died|fled|perished)\b")
_SAME_SENTENCE_REACH = 400
_SEGMENT_END = re.compile(r"[,;.:!?]|\s(?:and|while|but)\s")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b(?!\s+(?:of|among|in)\b)")


def _is_part(text: str, c: dict[str, Any]) -> bool:
    if _PART_AFTER.match(text, c["end"], min(len(text), c["end"] + 40)):
        return True
    return bool(_PART_BEFORE.search(text, max(0, c["start"] - 30), c["start"]))


def _whole_of(text: str, claims: list[dict[str, Any]], i: int) -> dict[str, Any] | None:
    """The figure before claim ``i`` in its sentence (or the one before) that it is a part of:
    the nearest one that is larger, in the same unit, before the list the part closes ("558
    killed, 50 children and 49 women among them": 558, not 50)."""
    part = claims[i]
    first = i
    while first > 0 and _LISTED.fullmatch(text, claims[first - 1]["end"], claims[first]["start"]) \
            and claims[first - 1].get("unit") == part.get("unit") and not claims[first - 1].get("part_of"):
        first -= 1
    for j in range(first - 1, -1, -1):
        w = claims[j]
        if part["start"] - w["end"] > _SAME_SENTENCE_REACH:
            break
        if w.get("part_of") or w.get("unit") != part.get("unit"):
            continue
        if w.get("value") is None or part.get("value") is None or w["value"] > part["value"]:
            return w
    return None


def mark_parts(text: str, claims: list[dict[str, Any]]) -> None:
    """Set ``part_of`` (the whole's (start, end)) on each part, and fill its unsaid slots from
    the whole. Figures joined to a part ("35 children and 58 women among them") are parts of
    the same whole."""
    _mark_parts(text, claims)
    for before, c in zip(claims, claims[1:]):
        # "of whom 20 percent (10,000) were killed": the bracketed figure restates the one
        # before it and counts what it counts
        if not c.get("counted") and before.get("counted") and _RESTATED.fullmatch(text, before["end"], c["start"]) \
                and text.startswith(")", c["end"]):
            c["counted"] = before["counted"]


_RESTATED = re.compile(r"\s*\(\s*")
_OPENING_PARTITIVE = re.compile(r"[\W_]*[Oo]f\s+(?:the|its|their|his|her|those|these)\s+[\d.,]+\s")


def _mark_parts(text: str, claims: list[dict[str, Any]]) -> None:
    for i, c in enumerate(claims):
        if c.get("unit") == "percent":
            # "88% of the dead": a share, compared with other shares of the whole; "of whom 20
            # percent": a share of the whole before it, which names what the share counts
            opening = _OPENING_PARTITIVE.match(text, c["sentence_start"], c["start"])
            if not c.get("counted") and (_PART_BEFORE.search(text, max(0, c["start"] - 30), c["start"])
                                         or _SHARE_OF_THEM.match(text, c["end"], min(len(text), c["end"] + 20))
                                         or opening):
                # "Of the 5,000 conscripts in the brigade, 30% were killed": the opening names the base
                base = next((w for w in reversed(claims[:i]) if w.get("unit") is None
                             and c["start"] - w["end"] <= _SAME_SENTENCE_REACH
                             and (not opening or w["start"] >= c["sentence_start"])), None)
                if base is not None and base.get("counted"):
                    c["counted"] = base["counted"]
            prev = claims[i - 1] if i else None
            if not c.get("counted") and prev and prev.get("unit") == "percent" and prev.get("counted") \
                    and _SHARE_JOINED.fullmatch(text, prev["end"], c["start"]):
                c["counted"] = prev["counted"]  # "not 50 % were prisoners, but 88 %": the same base
            _share_predicate(text, c)
            continue
        whole = None
        prev = claims[i - 1] if i else None
        if prev and prev.get("part_of") and _JOINED.fullmatch(text, prev["end"], c["start"]):
            whole = _figure_at(claims, prev["part_of"])
        if whole is None and i + 1 < len(claims) and _partitive_of_next(text, c, claims[i + 1]):
            _take_next_whole(c, claims[i + 1])  # "900 of the Tamba region's 1.2 million residents"
            continue
        if whole is None:
            if not _is_part(text, c):
                continue
            whole = _whole_of(text, claims, i)
        if whole is None:
            continue
        _take_whole(text, c, whole)
        for j in range(i - 1, -1, -1):  # back over the figures joined to this one
            before, after = claims[j], claims[j + 1]
            if before.get("part_of") or before is whole or before.get("unit") != c.get("unit") \
                    or not _JOINED.fullmatch(text, before["end"], after["start"]) \
                    or (before.get("value") or 0) >= (whole.get("value") or math.inf):
                break
            _take_whole(text, before, whole)


# "900 of the 1,200", "900 of the Tamba region's 1.2 million": a part, its whole right after it
_OF_THE_NEXT = re.compile(r"\s+of\s+(?:the|its|their|his|her)\s+(?:(?:[A-Z][\w-]*\s+){1,3}?(?:[a-z]+\s+)?[A-Z]?[\w-]*['’]s\s+)?")


def _partitive_of_next(text: str, c: dict[str, Any], nxt: dict[str, Any]) -> bool:
    """Whether claim ``c`` is a part of the figure right after it ("900 of the 1,200 residents")."""
    if nxt.get("unit") != c.get("unit") or c.get("unit") == "percent" or nxt.get("part_of"):
        return False
    if c.get("value") is not None and nxt.get("value") is not None and nxt["value"] <= c["value"]:
        return False
    return _OF_THE_NEXT.fullmatch(text, c["end"], nxt["start"]) is not None


def _take_next_whole(c: dict[str, Any], whole: dict[str, Any]) -> None:
    """A part whose whole comes right after it: it counts what its whole counts and is of its
    whole's side; with a measure of its own ("3,800 of the 12,000 sent were killed") it is the
    killed among those deployed, no part of their count."""
    if not c.get("counted") or c["counted"].endswith(("'s", "’s")):
        c["counted"] = whole.get("counted")
    if c.get("measure") is None or c["measure"] == whole.get("measure"):
        c["measure"] = whole.get("measure")
        c["part_of"] = (whole["start"], whole["end"])
    if whole.get("subject") and (not c.get("subject") or "subject" in (c.get("inferred") or ())):
        c["subject"] = whole["subject"]
        inferred = [s for s in c.get("inferred") or () if s != "subject"]
        if "subject" in (whole.get("inferred") or ()):
            inferred.append("subject")
        if inferred:
            c["inferred"] = inferred
        else:
            c.pop("inferred", None)


def _share_predicate(text: str, c: dict[str, Any]) -> None:
    """What befell a share of people: "20% of whom were killed" is the share that were killed,
    no share of the dead that were convicts ("half of those killed were convicts")."""
    if c.get("measure") != "share" or (c.get("what") or "share") != "share":
        return
    m = _SHARE_IS.match(text, c["end"], min(len(text), c["end"] + 90))
    if m is None:
        return
    word = m.group(1).lower()
    said = None if word in kind_words() else measure_in(text, m.start(1), m.end(1))
    if said is not None:  # "20% of whom were killed": the share that met that loss
        c["what"] = "share:" + said


@cache
def kind_words() -> frozenset[str]:
    """The nouns for a kind of member of a counted class ("conscripts", "convicts"; data/conflicts.json)."""
    return frozenset(w for words in table("conflicts")["kinds"].values() for w in words)


_SHARE_IS = re.compile(r"[^.;:!?]{0,70}?\b(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+"
                       r"(?:also\s+|mostly\s+|all\s+|former\s+|once\s+)?([a-z][a-z-]+)\b")


def _names_a_party(text: str, c: dict[str, Any]) -> bool:
    """Whether the part's own counted words name a party ("12 Valdorian soldiers")."""
    pattern, _ = party_pattern(text)
    return bool(c.get("counted")) and next(pattern.finditer(c["counted"]), None) is not None


def _figure_at(claims: list[dict[str, Any]], span: Any) -> dict[str, Any] | None:
    return next((w for w in claims if (w["start"], w["end"]) == tuple(span)), None)


def _take_whole(text: str, c: dict[str, Any], whole: dict[str, Any]) -> None:
    said = _OWN_PREDICATE.match(text, c["end"], min(len(text), c["end"] + 60))
    own = measure_in(text, said.start(), min(len(text), said.end() + 24), said.end()) if said else None
    word = _WORD_AFTER.match(text, c["end"], min(len(text), c["end"] + 30))
    if own is None and word:
        own = measure_in(text, word.start(1), word.end(1))  # "3,100 killed, 5,900 wounded": each says its own
    if own:
        c["measure"] = own  # "about 900 of them killed in action": its own verb says its measure
    if not (own and whole.get("measure") and c["measure"] != whole["measure"]
            and table("conflicts")["measure_within"].get(c["measure"]) != whole["measure"]):
        # "of whom 40 were killed": all the killed among those deployed, no part of a toll;
        # "lost 9,400, including 3,100 killed": the killed are a part of the losses
        c["part_of"] = (whole["start"], whole["end"])
    inferred = c.setdefault("inferred", [])
    own_side = _names_a_party(text, c)  # before the whole's counted noun is taken
    noun = _NOUN_AFTER_PART.match(text, c["end"], min(len(text), c["end"] + 40))
    if noun and noun.group(1) not in _NOT_NOUNS and noun.group(1) not in function_words() \
            and not measure_in(text, noun.start(1), noun.end(1)):
        c["counted"] = noun.group(1)  # "50 of them children"; not "700 of them slain", a measure
    elif c.get("counted") is None or c["counted"] in _NOT_NOUNS:
        pred = _PREDICATE.match(text, c["end"], min(len(text), c["end"] + 80))
        if pred and pred.group(1) not in _NOT_NOUNS:
            c["counted"] = pred.group(1)
        elif whole.get("counted"):
            c["counted"] = whole["counted"]
    if c.get("counted"):
        c["counted"] = _TRAILING_PARTITIVE.sub("", c["counted"]) or c["counted"]
    if own is None:  # "and some 260 sailors were later listed as missing": its own clause says its measure
        cut = _SEGMENT_END.search(text, c["end"], min(len(text), c["end"] + 90))
        own = measure_in(text, c["end"], cut.start() if cut else min(len(text), c["end"] + 90))
    if whole.get("measure") and c.get("measure") != whole["measure"] and not own:
        c["measure"], c["what"], c["figure"] = whole["measure"], whole.get("what"), whole.get("figure")
    if whole.get("place") and not c.get("place"):
        c["place"] = whole["place"]  # "3,500 people in Marovo, including 30 children": the children are in Marovo
    if whole.get("subject") and c.get("subject") != whole["subject"] and not own_side:
        # a part is of its whole's side ("12 of them children"), unless its own words say whose
        c["subject"] = whole["subject"]
        if "subject" in (whole.get("inferred") or ()):
            inferred.append("subject")
    elif not whole.get("subject") and c.get("subject") and whose.is_loss(c.get("measure")) and not own_side:
        # "Chadian strikes killed 40 people, 12 of them children": the part's side was read
        # before its measure was known, so the attacker may have been taken for it
        c["subject"] = None
    if not inferred:
        del c["inferred"]
