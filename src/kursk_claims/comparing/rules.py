"""The comparison's vocabulary, read once from ``lexicon/data`` (conflicts.json, units.json,
frames.json, dates.json), and the small readings of a claim's frame built on it: the counted
class and its family, the kind of figure, the period, the date. Nothing here compares two
claims."""
from __future__ import annotations

import datetime as dt
import re
from functools import cache, lru_cache

from ..core.records import Claim
from ..lexicon import country_names, table

UNKNOWN = "*"  # a slot no reading fills
NARROWED = ":"  # "personnel:convict": a part of a class, narrowed by the words before its noun
NOUNLESS = "?"  # a count of people with no counted noun: which class it counts is unknown


@cache
def rules() -> dict:
    t = table("conflicts")
    units = table("units")["conversions"]
    frames = table("frames")
    classes = {w: cls for cls, words in t["counted_classes"].items() for w in words}
    equipment = {w: cls for cls, words in t["equipment_classes"].items() for w in words}
    unclassed = t["unclassed"]
    within = dict(t["class_within"])
    for cls in t["equipment_classes"]:
        if cls not in unclassed:
            within.setdefault(cls, "equipment")
    conf = t["confidence"]
    return {
        "not_compared": frozenset(t["not_compared"]),
        "person_measures": frozenset(t["person_measures"]),
        "measure_within": dict(t["measure_within"]),
        "land": frozenset(t["land_measures"]),
        "classes": classes,
        "subset_words": {w: cls for w, cls in classes.items() if cls in within and cls not in ("personnel",)},
        "equipment": equipment,
        "equipment_longest": max(len(w.split()) for w in equipment),
        "within": within,
        "known_classes": frozenset(classes.values()) | frozenset(unclassed) | frozenset(equipment.values())
        | frozenset(within.values()) | {UNKNOWN, NOUNLESS, "land", "equipment"},
        "unclassed": {cls: (v["family"], frozenset(v["same_as"])) for cls, v in unclassed.items()},
        "never_kinds": frozenset(t["never_compared_kinds"]),
        "need_a_base": frozenset(t["need_a_base"]),
        "need_a_place": frozenset(t["need_a_place"]),
        "neutral": frozenset(t["neutral_modifiers"]),
        "kinds": {w: kind for kind, words in t["kinds"].items() for w in words},
        "same_moment": int(t["same_moment_days"]),
        "growth": {k: float(v) for k, v in t["growth_per_week"].items()},
        "growth_base": float(t["growth_base"]),
        "growth_after_end": float(t["growth_after_end"]),
        "weights": dict(conf["weights"]),
        "medium_max": int(conf["medium_max"]),
        "vague_ratio": float(t["vague_ratio"]),
        "imprecise": float(t["imprecise_ratio"]),
        "scale_tol": float(t["scale_tolerance"]),
        "conversions": {k: (v[0], float(v[1])) for k, v in units.items()},
        "windows": frames["time_windows"],
        "land_nouns": frozenset(frames["land_nouns"]["words"]),
        "kind_of": {w: kind for kind, whats in frames["figure_by_what"].items() for w in whats},
        "countries": country_names(),
        "front_places": frozenset(t["front_places"]),
        "placed_tolls": frozenset(t["placed_tolls"]),
        "hosted_parts": frozenset(t["hosted_parts"]),
        "locality_words": tuple(t["locality_words"]),
        "region_words": frozenset(frames["place_words"]["region_words"]),
    }


def singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def of_land(claim: Claim) -> bool:
    """Whether a figure measures land or places, whose side is the one that holds or takes
    them; a share of people ("half of the dead") is of the side whose people they are."""
    return claim.measure in rules()["land"] and (claim.measure != "share" or counted_class(claim) in ("land", UNKNOWN))


def counted_class(claim: Claim) -> str:
    return class_of(claim.measure, claim.counted)


@lru_cache(maxsize=8192)
def class_of(measure: str | None, counted: str | None) -> str:
    """What a figure counts, as a class: ``tanks``, ``personnel``, ``civilians``, ``any`` (a
    noun that names no class: casualties, the toll), ``*`` for measures with no counted class."""
    r = rules()
    words = [w.strip(".,()").lower() for w in (counted or "").split()]
    if measure == "equipment":
        for n in range(min(len(words), r["equipment_longest"]), 0, -1):
            cls = r["equipment"].get(" ".join(words[-n:]))
            if cls:
                return cls
        return " ".join(singular(w) for w in words[-2:]) or "equipment"
    if measure == "share":
        # a share of land is not a share of a force: the base noun decides
        if not words:
            return UNKNOWN
        if any(w in r["land_nouns"] or w.startswith(("kilomet", "mile")) for w in words):
            return "land"
        h = words[-1]  # "half of those killed" and "88% of the dead": one base, the dead
        return r["classes"].get(h) or r["classes"].get(singular(h)) or singular(h)
    if measure in r["person_measures"]:
        for w in words:  # "civilian casualties", "women and children": the subset word decides
            cls = r["subset_words"].get(w) or r["subset_words"].get(singular(w))
            if cls:
                return cls
        if not words:
            return NOUNLESS
        h = words[-1]
        cls = r["classes"].get(h) or r["classes"].get(singular(h))
        if cls is None:
            return singular(h)
        # "convict recruits", "professional fighters", "conscripts": a part of the class
        narrow = [w.strip(".,()") for w in (counted or "").split()[:-1]]
        narrow = [r["kinds"].get(w.lower(), w.lower()) for w in narrow if w[:1].islower() and w.isalpha()
                  and w.lower() not in r["neutral"] and not w.endswith("ly")]  # an adverb narrows nothing
        kind = r["kinds"].get(h) if measure != "captured" else None  # the captured are prisoners of war
        if kind and kind not in narrow:
            narrow.append(kind)
        return f"{cls}{NARROWED}{' '.join(sorted(set(narrow)))}" if narrow else cls
    return UNKNOWN


@lru_cache(maxsize=1024)
def class_family(cls: str) -> str:
    """The widest class ``cls`` is a part of (itself when none): claims of one family may be
    one quantity, or a part and its whole."""
    r = rules()
    if NARROWED in cls:
        return class_family(cls.split(NARROWED, 1)[0])
    if cls == NOUNLESS or cls not in r["known_classes"]:
        return "people"  # a count of people by a noun of no known class may be of any of them
    if cls in r["unclassed"]:
        return r["unclassed"][cls][0]
    seen = {cls}
    while cls in r["within"] and r["within"][cls] not in seen:
        cls = r["within"][cls]
        seen.add(cls)
    return cls


@lru_cache(maxsize=4096)
def class_relation(x: str, y: str) -> str:
    """``same``, ``unknown`` (one names no class: the same quantity, less surely), ``unlisted``
    (one counts people by a noun of no known class: the same quantity, much less surely), ``nounless``
    (one has no counted noun at all: the same quantity, much less surely), ``part-a``
    (x is a part of y), ``part-b`` (y of x), or ``different``."""
    if NARROWED in x or NARROWED in y:
        return _narrowed_relation(x, y)
    if x == y:
        unclassed = rules()["unclassed"]
        return "unknown" if x in unclassed and x not in unclassed[x][1] else "nounless" if x == NOUNLESS else "same"
    if NOUNLESS in (x, y):
        other = x if y == NOUNLESS else y
        if class_family(other) != "people":
            return "different"
        if other != "personnel" and _inside(other, "people"):
            # "the toll passed 900" holds the civilians, the children: a part of it, whatever
            # the toll counts ("900 killed" may be soldiers, so soldiers stay a doubt)
            return "part-a" if other == x else "part-b"
        return "nounless"
    if class_family(x) != class_family(y):
        return "different"
    known = rules()["known_classes"]
    if (x in known) != (y in known):
        return "unlisted"  # "900 Ozar-followers" against soldiers: who they are is not known
    if x not in known:
        return "different"
    unclassed = rules()["unclassed"]
    for u, o, part in ((x, y, "part-b"), (y, x, "part-a")):
        if u in unclassed:
            return "unknown" if o in unclassed[u][1] else part
    if _inside(x, y):
        return "part-a"
    if _inside(y, x):
        return "part-b"
    return "different"


def slip_same_class(x: str, y: str) -> bool:
    """Whether two classes may count one thing when one figure is a lost 'thousand' of the
    other ('people' of an army and its soldiers)."""
    slips = _slip_same()
    return y in slips.get(x, ()) or x in slips.get(y, ())


@cache
def _slip_same() -> dict[str, frozenset[str]]:
    return {cls: frozenset(v.get("slip_same_as", ())) for cls, v in table("conflicts")["unclassed"].items()
            if not cls.startswith("_") and isinstance(v, dict)}


def _narrowed_relation(x: str, y: str) -> str:
    """Classes narrowed by their words ("personnel:convict"): the same narrowing is the same
    class, a narrowed class is a part of its whole (or of a noun that names no class), two
    narrowings of one class are different."""
    bx, _, mx = x.partition(NARROWED)
    by, _, my = y.partition(NARROWED)
    base = class_relation(bx, by)
    if base == "different" or (mx and my and mx != my):
        return "different"
    if mx == my:
        return base
    if base in ("same", "unknown", "part-a" if mx else "part-b"):
        return "part-a" if mx else "part-b"
    return "different"


def _inside(x: str, y: str) -> bool:
    within = rules()["within"]
    seen = set()
    while x in within and x not in seen:
        seen.add(x)
        x = within[x]
        if x == y:
            return True
    return False


def default_kind(what: str | None) -> str | None:
    """``total`` or ``level`` for a measure (``area:taken`` -> total), None when neither."""
    if what is None:
        return None
    kinds = rules()["kind_of"]
    return kinds.get(what) or kinds.get(what.split(":")[0])


def figure_kind(claim: Claim) -> str | None:
    """The kind of figure: the claim's own ``figure``, else what its measure and scope say (for
    claims written before frames were read, or built by hand)."""
    if claim.figure:
        return claim.figure
    if claim.scope and claim.scope.startswith("period"):
        return "total" if claim.scope.lower().startswith("period: since") else "period"
    return default_kind(claim.what or claim.measure)


def period_of(claim: Claim) -> str | None:
    """The period a ``period`` figure is for: a month name, or the words that say it."""
    scope = claim.scope or ""
    if not scope.startswith("period"):
        return None
    words = scope[len("period: "):].lower().strip(" .").split()
    month = next((w for w in words if w.rstrip(".") in months()), None)
    if month is not None:
        return months_names()[months()[month.rstrip(".")]]
    if any(w.strip(".,") in _event_nouns() for w in words):
        return EVENT  # "in the attack", "an air strike on the market": one event's toll, whatever its words
    if len(words) in (2, 3) and words[0] in ("on", "last") and words[1] in weekdays():
        return EVENT  # "12 were killed on Tuesday": one day's toll, as one event's: of that day and place
    if "same" in words:
        return f"the period named before it in {claim.article}"  # "over the same period": its article's
    return " ".join(w for w in words if w not in ("alone", "the", "in", "during", "over", "for"))


EVENT = "event"


@cache
def _event_nouns() -> frozenset[str]:
    return frozenset(table("scopes")["event_nouns"])


@cache
def months() -> dict[str, int]:
    return table("dates")["months"]


@cache
def weekdays() -> frozenset[str]:
    return frozenset(table("dates")["weekdays"])


@cache
def months_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for name, n in months().items():
        if len(name) > len(names.get(n, "")):
            names[n] = name
    return {n: name.capitalize() for n, name in names.items()}


YEAR = re.compile(r"\b(?:19|20)\d\d\b")


@lru_cache(maxsize=4096)
def to_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def month_year(claim: Claim) -> int | None:
    """The year of the month a period names: the article's year, or the year before when the
    month lies after the article's date (``in August`` in a March article)."""
    published = to_date(claim.published)
    month_name = period_of(claim)
    if published is None or month_name is None:
        return None
    month = next(n for n, name in months_names().items() if name == month_name)
    return published.year if month <= published.month else published.year - 1


def inferred(claim: Claim) -> tuple[str, ...]:
    """The frame slots read from context rather than the figure's own clause (records written
    before readers said so have none)."""
    got = getattr(claim, "inferred", None)
    return tuple(got) if got else ()


def part_of(claim: Claim) -> str | None:
    """What the figure is a breakdown of ("50 of them children"), when the reader says so."""
    got = getattr(claim, "part_of", None)
    return str(got) if got else None
