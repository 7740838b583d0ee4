"""The first decision: are two figures about the same quantity? A judgement over the frame
slots (whose, counted class, place, what it is a breakdown of): two known slots that differ
separate the figures; a slot one side does not know, or read from context rather than the
figure's own clause, keeps them together with lower confidence; a part (a class inside the
other's class, a place inside the other's country, a breakdown) is kept as a part."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..core.kinds import ALL_SIDES
from .groups import Entry
from .rules import class_relation, months, of_land, rules, slip_same_class, weekdays
from .time import OPERATION, WAR, final_war_toll


@dataclass(slots=True)
class Sameness:
    separate: str | None = None  # why they are not one quantity
    part: str | None = None  # "a" or "b": the one that is a part of the other's whole
    why_part: str = ""
    doubts: list[str] = field(default_factory=list)  # confidence reasons


def same_quantity(a: Entry, b: Entry, slip: bool = False) -> Sameness:
    """How far a and b are one quantity (``slip``: a likely lost 'thousand', which stands out
    across places)."""
    s = Sameness()
    # whose: one side's figure is a part of all sides' together
    if ALL_SIDES in (a.subject, b.subject) and a.subject != b.subject and a.subject and b.subject:
        _part(s, "b" if a.subject == ALL_SIDES else "a", f"{b.subject if a.subject == ALL_SIDES else a.subject}'s are a part of all sides'")
    elif a.subject and b.subject and a.subject != b.subject:
        s.separate = f"different subjects ({a.subject} / {b.subject})"
        return s
    if not (a.subject and b.subject):
        if of_land(a.claim):
            s.doubts.append("unknown side")
        else:  # a figure whose it is is unknown, against one of a known side, may well be the other side's
            s.doubts.append("unknown subject" if a.subject or b.subject else "neither subject known")
    elif a.claim.measure == "share" and not of_land(a.claim):
        # of one side's people; what the share says of them ("have returned": `what` is
        # share:returned; "were conscripts": what it counts) is read from its words alone
        s.doubts.append("a share of people, what it says of them read by its words alone")
    # what is measured: the dead are a part of the casualties
    what_a, what_b = a.claim.what or a.claim.measure, b.claim.what or b.claim.measure
    if what_a != what_b:
        within = rules()["measure_within"]
        if within.get(what_a) == what_b:
            _part(s, "a", f"the {what_a} are a part of the {what_b}")
        elif within.get(what_b) == what_a:
            _part(s, "b", f"the {what_b} are a part of the {what_a}")
        else:
            s.separate = f"different measures ({what_a} / {what_b})"
            return s
    # what is counted
    rel = class_relation(a.cls, b.cls)
    if slip and rel in ("part-a", "part-b") and slip_same_class(a.cls, b.cls):
        rel = "unknown"  # "about 4000 people" of an army against "4" of its soldiers: one count, slipped
    if rel == "different":
        s.separate = f"different counted classes ({a.cls} / {b.cls})"
        return s
    if slip and rel in ("nounless", "unlisted"):
        # a lost "thousand" is read between reports of one count, not between a named group
        # ("16 rescue workers") and a toll that names none
        s.separate = "a slip needs both figures to count one class"
        return s
    if rel == "unknown":
        s.doubts.append("counted noun names no class")
    elif rel == "nounless":
        s.doubts.append("unknown counted")
    elif rel == "unlisted":
        s.doubts.append("counted noun of no known class")
    elif rel in ("part-a", "part-b"):
        _part(s, rel[-1], f"{(a if rel == 'part-a' else b).cls} are a part of {(b if rel == 'part-a' else a).cls}")
    # where
    if a.place != b.place and (_another_war(a.place) or _another_war(b.place)):
        s.separate = f"a figure of another war ({a.claim.place if _another_war(a.place) else b.claim.place})"
        return s
    if a.place != b.place and not slip:
        if a.place and b.place:
            if OPERATION not in (a.place, b.place) and WAR not in (a.place, b.place):
                inside = _inside_place(a.place, b.place)
                if inside is None:
                    s.separate = f"different places ({a.claim.place or a.place} / {b.claim.place or b.place})"
                    return s
                _part(s, inside, f"{a.place if inside == 'a' else b.place} is inside {b.place if inside == 'a' else a.place}")
        elif _hosted(a if a.place else b):
            # "Peru has taken in 500,000 Chilean refugees": in another side's country, a part of
            # the side's figure that names no place
            _part(s, "a" if a.place else "b", f"those in {(a if a.place else b).claim.place} are a part of a figure that names no place")
        elif (a.place or b.place) in rules()["front_places"]:
            # "lost their lives on the battlefield": the soldiers' share of a toll that names no place
            _part(s, "a" if a.place else "b", f"the dead on the {a.place or b.place} are a part of the whole toll")
        elif (a.place or b.place) not in (OPERATION,) and (a.place or b.place) not in rules()["countries"]:
            placed = a if a.place else b
            if placed.subject and placed.place == placed.subject.lower():
                pass  # "deaths in Tamba", Tamba's: the side's own toll, as a figure that names no place
            elif placed.place == WAR and _final_war_toll(b if a.place else a):
                pass  # the whole war against the war's final toll
            elif a.claim.measure in rules()["placed_tolls"] and a.claim.measure == b.claim.measure \
                    and WAR not in (a.place, b.place) and not _names_a_region(placed):
                # "20,000 killed in the fight for Marovo" of a toll that names no place
                _part(s, "a" if a.place else "b", f"the toll in {a.place or b.place} is a part of a toll that names no place")
            elif not _a_heading(b if a.place else a):  # a heading names no place by its style
                s.doubts.append("unknown place")  # a figure for a town or region against one for no stated place
    if (a.place == WAR) != (b.place == WAR) and not slip and not (_final_war_toll(a) or _final_war_toll(b)):
        s.separate = "one is for the whole war, the other is not"
        return s
    # running totals counted from two different named starts ("since December", "since May")
    since_a, since_b = _since(a), _since(b)
    if since_a and since_b and since_a != since_b:
        s.separate = f"totals counted from different starts ({since_a} / {since_b})"
        return s
    since = since_a or since_b
    if since and not (since_a and since_b) and _from_a_later_start(*((a, b) if since_a else (b, a)), since):
        _part(s, "a" if since_a else "b", f"a toll counted {since} is a part of one counted from no named start")
    # breakdowns
    if a.part and b.part and a.part != b.part:
        s.separate = "breakdowns of different wholes"
        return s
    if bool(a.part) != bool(b.part) and not (rel == "same" and _counts_a_class_of_its_own(a if a.part else b)):
        _part(s, "a" if a.part else "b", "a breakdown of a whole")
    if s.separate is None and s.part == "conflicting":
        s.separate = "each is a part of something the other is not"
        return s
    # how surely each slot was read, and how exact the figures are
    for slot in sorted(set(a.inferred) | set(b.inferred)):
        s.doubts.append(f"inferred {slot}")
    for e in (a, b):
        if _vague(e):
            s.doubts.append(f"vague amount {e.claim.text!r}")
    return s


def _final_war_toll(e: Entry) -> bool:
    """Whether a figure is a toll that names no place in an article that says its war is over:
    the war's final toll, a whole-war figure whether or not its words say so."""
    return e.place is None and final_war_toll(e)


def _names_a_region(e: Entry) -> bool:
    """Whether a figure's place may be the whole theatre of a war rather than a town or a battle
    ("the fight for Marovo"): a place named as a region ("in the Tamba region")."""
    words = (e.claim.scope or e.claim.place or "").lower().split()
    return any(w in rules()["region_words"] for w in words)


def _since(e: Entry) -> str | None:
    """The start a running total is counted from, when its words name one ("since December")."""
    scope = (e.claim.scope or "").lower()
    if not scope.startswith("period: since"):
        return None
    # "since 7 October", "since October 7": one start, its day said or not
    return " ".join(w for w in scope[len("period: "):].split() if not w[:1].isdigit() and w not in ("the", "of"))


def _from_a_later_start(named: Entry, other: Entry, since: str) -> bool:
    """Whether a total counted from a named start is a part of one counted from none: a start
    on a day of the week ("since Sunday night", days long at most); or a month ("since
    December", "since 7 October", "since mid-May") when the figure is said later than the other
    (from the same start, being lower, it would have fallen) or beside it in one article (a
    breakdown of it)."""
    words = since.split()
    if len(words) < 2:
        return False
    if words[1].strip(".,") in weekdays():
        return True
    month = words[-1].strip(".,")
    for prefix in ("mid-", "early-", "late-"):
        month = month.removeprefix(prefix)
    if month not in months():
        return False
    later = named.day is not None and other.day is not None and named.day > other.day
    return later or named.claim.article == other.claim.article


def _another_war(place: str | None) -> bool:
    """Whether a place names a war by its years ("the 1991 war"), not the war reported."""
    return place is not None and place != WAR and place.endswith(" war") and any(ch.isdigit() for ch in place)


def _a_heading(e: Entry) -> bool:
    """Whether a figure stands in a heading: a short line that ends without a full stop."""
    line = (e.claim.sentence or "").strip()
    return 0 < len(line) <= 90 and line[-1] not in ".!?\"”'"


def _counts_a_class_of_its_own(e: Entry) -> bool:
    """Whether a breakdown counts a class its whole does not ("210 IFVs" among "2,300 units of
    equipment"): it is all of that class, the same quantity as another report's count of it."""
    return e.whole_cls is not None and class_relation(e.cls, e.whole_cls) in ("different", "part-a")


def _part(s: Sameness, side: str, why: str) -> None:
    if s.part is None:
        s.part, s.why_part = side, why
    elif s.part != side:
        s.part = "conflicting"


def _hosted(e: Entry) -> bool:
    """People on the move counted in a country that is not their side's ("500,000 Chilean
    refugees in Peru")."""
    return e.claim.measure in rules()["hosted_parts"] and e.place in rules()["countries"] \
        and e.subject is not None and e.place != e.subject.lower()


@lru_cache(maxsize=4096)
def _locality(place: str) -> re.Pattern[str]:
    words = "|".join(rules()["locality_words"])
    name = re.escape(place)
    return re.compile(rf"\b(?:{words})\s+of\s+{name}\b|\b{name}\s+(?:{words})\b", re.I)


def _named_a_locality(e: Entry) -> bool:
    """Whether the figure's sentence names its place as a town, a village, a camp ("in the town of X")."""
    return bool(e.claim.place and e.claim.sentence and _locality(e.claim.place).search(e.claim.sentence))


def toll_of_a_place_within(a: Entry, b: Entry) -> bool:
    """Whether one of two tolls is of one day, or of one town, in a place inside the other's (an
    attack on a town "on Tuesday", the dead of "the town of X", against its country's toll or one
    that names no place): such a toll is often a thousandth of the whole, so a thousand times
    apart is no sign of a lost 'thousand'."""
    if a.place == b.place or a.claim.measure not in rules()["placed_tolls"] or a.claim.measure != b.claim.measure:
        return False
    placed = a if a.place and (not b.place or _inside_place(a.place, b.place) == "a") else b
    if not placed.place or placed.claim.dated != "sentence" and not _named_a_locality(placed):
        return False
    if a.place and b.place:
        return _inside_place(a.place, b.place) is not None
    return placed.place not in (OPERATION, WAR) and placed.place not in rules()["countries"]


def _inside_place(x: str, y: str) -> str | None:
    """Which of two places lies inside the other: a named place inside a country (a party of
    the countries table), never two countries nor two places of unknown rank."""
    countries = rules()["countries"]
    cx, cy = x in countries, y in countries
    if cx == cy:
        return None
    return "b" if cx else "a"


def _vague(e: Entry) -> bool:
    c = e.claim
    if c.bound == "vague":
        return True
    return c.bound == "range" and e.low > 0 and math.isfinite(e.high) and e.high / e.low >= rules()["vague_ratio"]


def confidence(doubts: list[str]) -> str:
    """high with no doubt, medium for a few light ones, low beyond."""
    weights = rules()["weights"]
    total = sum(weights.get(_kind_of_doubt(d), 1) for d in doubts)
    if total == 0:
        return "high"
    return "medium" if total <= rules()["medium_max"] else "low"


def _kind_of_doubt(d: str) -> str:
    for k in ("inferred", "vague", "undated", "placed", "dated"):
        if d.startswith(k):
            return k
    return d
