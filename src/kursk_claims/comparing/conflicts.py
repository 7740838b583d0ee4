"""Finding the figures that disagree. Works on ``Claim`` records only, never on spaCy, so it
serves claims from any source (the store, a JSON Lines file, hand-built ones).

1. Each claim has a *quantity frame*: what exactly it measures (``area:held`` is not
   ``area:taken``; tanks are not artillery), whose it is (or, for land, who holds or takes it),
   the unit kind, which kind of figure it is (a level, a running total, a change, a figure for
   a period, a plan, a ratio), where it applies and when. Claims are grouped by the slots that
   must be equal; only claims in one group are compared, so the cost grows with the number of
   claims, not with its square.
2. Each claim is an interval (bounds, approximation and rounding widen it). Two claims
   conflict when their intervals do not overlap and nothing explains the gap: places that
   differ, levels far apart in time, a later higher running total (an update), the same
   speaker restating a figure. Inside a group, sorted by interval, the non-overlapping pairs
   are enumerated directly (output-sensitive), never all pairs.
3. A conflict is a ``scale`` slip (10^3 or 10^6 apart with the same leading digits), a
   broken ``bound``, or a plain ``mismatch``.

    >>> a = Claim(id="a", article="x", start=0, end=2, text="12", value=12, low=12, high=12,
    ...           measure="deployed", subject="North Korea", counted="soldiers")
    >>> b = Claim(id="b", article="y", start=0, end=6, text="about 12,000", value=12000, low=10800,
    ...           high=13200, bound="approx", measure="deployed", subject="North Korea", counted="troops")
    >>> [c.kind for c in find_conflicts([a, b])]
    ['scale']
"""
from __future__ import annotations

import bisect
import datetime as dt
import gc
import hashlib
import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..reading.frames import default_kind
from ..lexicon import table
from ..core.records import Claim, Conflict

KINDS = ("scale", "bound", "mismatch")
DEFAULT_MAX_PER_CLAIM = 10


@cache
def _rules() -> dict:
    t = table("conflicts")
    units = table("units")["conversions"]
    classes = {w: cls for cls, words in t["counted_classes"].items() for w in words}
    equipment = {w: cls for cls, words in t["equipment_classes"].items() for w in words}
    return {
        "not_compared": frozenset(t["not_compared"]),
        "person_measures": frozenset(t["person_measures"]),
        "land": frozenset(t["land_measures"]),
        "classes": classes,
        "equipment": equipment,
        "equipment_longest": max(len(w.split()) for w in equipment),
        "never_kinds": frozenset(t["never_compared_kinds"]),
        "same_moment": int(t["same_moment_days"]),
        "imprecise": float(t["imprecise_ratio"]),
        "scale_tol": float(t["scale_tolerance"]),
        "conversions": {k: (v[0], float(v[1])) for k, v in units.items()},
        "windows": table("frames")["time_windows"],
        "land_nouns": frozenset(table("frames")["land_nouns"]["words"]),
    }


@dataclass(slots=True)
class Entry:
    """A claim as the comparison sees it: its interval in the group's base unit, and the
    frame slots compared pair by pair (a slot one claim does not know never blocks)."""

    claim: Claim
    low: float
    high: float
    rep: float  # a representative figure: the value, or the interval's middle
    place: str | None
    day: dt.date | None  # the date the figure is for
    year: int | None  # the year of a month-long period, when known
    voice: str  # who says it: the speaker key, else the attribution, else the outlet
    echo_dated: bool = False  # the date comes from a dated article that reports the same statement


@dataclass(slots=True)
class QuantityGroup:
    """Claims that measure the same thing."""

    key: tuple
    id: str
    entries: list[Entry] = field(default_factory=list)
    _median: float | None = None

    @property
    def label(self) -> str:
        what, subject, unit, counted, kind, period = self.key
        parts = [subject or "?", what]
        if counted not in (None, "*"):
            parts.append(f"({counted})")
        if unit:
            parts.append(f"in {unit}")
        if kind and kind != "level" and kind != "total":
            parts.append(f"[{kind}{': ' + period if period else ''}]")
        elif kind:
            parts.append(f"[{'running total' if kind == 'total' else kind}]")
        return " ".join(parts)

    @property
    def median(self) -> float:
        if self._median is None:
            self._median = statistics.median(e.rep for e in self.entries)
        return self._median

    def consensus(self, leave_out: frozenset[str] | set[str] = frozenset()) -> tuple[float, float, float]:
        """low / best / high across the group's statements, as casualty trackers publish them:
        one statement repeated by several outlets (same speaker, same figure) counts once, and
        figures in ``leave_out`` (likely scale slips) do not count."""
        statements: dict[tuple, float] = {}
        for e in self.entries:
            if e.claim.id in leave_out:
                continue
            statements.setdefault((e.voice, e.low, e.high), e.rep)
        reps = list(statements.values()) or [e.rep for e in self.entries]
        return min(reps), statistics.median(reps), max(reps)


@dataclass(slots=True)
class Skipped:
    claim: Claim
    reason: str


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _counted_class(claim: Claim) -> str:
    return _class_of(claim.measure, claim.counted)


@lru_cache(maxsize=8192)
def _class_of(measure: str | None, counted: str | None) -> str:
    rules = _rules()
    words = [w.strip(".,()").lower() for w in (counted or "").split()]
    if measure == "equipment":
        for n in range(min(len(words), rules["equipment_longest"]), 0, -1):
            cls = rules["equipment"].get(" ".join(words[-n:]))
            if cls:
                return cls
        return " ".join(_singular(w) for w in words[-2:]) or "equipment"
    if measure == "share":
        # a share of land is not a share of a force: the base noun decides
        if not words:
            return "*"
        if any(w in rules["land_nouns"] or w.startswith(("kilomet", "mile")) for w in words):
            return "land"
        return _singular(words[-1])
    if measure in rules["person_measures"]:
        h = words[-1] if words else ""
        return rules["classes"].get(h) or (rules["classes"].get(_singular(h)) if h else None) or (_singular(h) if h else "personnel")
    return "*"


def figure_kind(claim: Claim) -> str | None:
    """The kind of figure: the claim's own ``figure``, else what its measure and scope say (for
    claims written before frames were read, or built by hand)."""
    if claim.figure:
        return claim.figure
    if claim.scope and claim.scope.startswith("period"):
        return "total" if claim.scope.lower().startswith("period: since") else "period"
    return default_kind(claim.what or claim.measure)


def _period_of(claim: Claim) -> str | None:
    """The period a ``period`` figure is for: a month name, or the words that say it."""
    scope = claim.scope or ""
    if not scope.startswith("period"):
        return None
    words = scope[len("period: "):].lower().strip(" .").split()
    month = next((w for w in words if w.rstrip(".") in _months()), None)
    if month is not None:
        return _months_names()[_months()[month.rstrip(".")]]
    return " ".join(w for w in words if w not in ("alone", "the", "in", "during", "over", "for"))


@cache
def _months() -> dict[str, int]:
    return table("dates")["months"]


@cache
def _months_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for name, n in _months().items():
        if len(name) > len(names.get(n, "")):
            names[n] = name
    return {n: name.capitalize() for n, name in names.items()}


def group_key(claim: Claim) -> tuple | str:
    """The group a claim belongs to, or why it is not compared."""
    rules = _rules()
    if claim.measure is None:
        return "no measure: what the figure counts is unclear"
    if claim.measure in rules["not_compared"]:
        return f"measure {claim.measure!r} is not compared"
    kind = figure_kind(claim)
    if kind in rules["never_kinds"]:
        return f"a {kind}, not a count of what is: never compared"
    unit = claim.unit
    if unit in rules["conversions"]:
        unit = rules["conversions"][unit][0]
    what = claim.what or claim.measure
    if claim.measure in rules["land"]:
        subject = claim.actor  # the side that holds or takes the land, not whose land it is
    else:
        subject = claim.subject
        if subject is None:
            if claim.counted is None:
                return "no subject and no counted noun: whose figure it is is unclear"
            subject = f"~{_singular(claim.counted.split()[-1])}"
    period = _period_of(claim) if kind == "period" else None
    return (what, subject, unit, _counted_class(claim), kind, period)


def _entry(claim: Claim) -> Entry | str:
    rules = _rules()
    low, high = claim.interval
    if claim.value is None and claim.low is None and claim.high is None:
        return "no figure"
    if claim.bound == "exact" and claim.value is not None and float(claim.value).is_integer() and claim.unit is None \
            and abs(claim.value) < 1000:
        low = high = float(claim.value)  # "340 vehicles" in a tally is a count, not a rounded figure
    factor = rules["conversions"].get(claim.unit, (None, 1.0))[1]
    low, high = low * factor, high * factor
    if claim.bound == "vague" and low > 0 and high / low >= rules["imprecise"]:
        return f"{claim.text!r} is too vague to contradict a figure"
    if claim.value is not None:
        rep = claim.value * factor
    elif math.isfinite(low) and math.isfinite(high):
        rep = (low + high) / 2
    else:
        rep = low if math.isfinite(low) else high
    place = claim.place
    if place is None and claim.scope and claim.scope.startswith("place"):
        place = claim.scope[len("place: "):]
    day = _date(claim.as_of)
    year = None
    if figure_kind(claim) == "period" and _period_of(claim) in _months_names().values():
        m = _YEAR.search(claim.scope or "")
        year = int(m.group(0)) if m else (_month_year(claim) if claim.published else None)
    return Entry(claim, low, high, rep, place.lower() if place else None, day, year, _voice(claim))


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _month_year(claim: Claim) -> int | None:
    """The year of the month a period names: the article's year, or the year before when the
    month lies after the article's date (``in August`` in a March article)."""
    published = _date(claim.published)
    month_name = _period_of(claim)
    if published is None or month_name is None:
        return None
    month = next(n for n, name in _months_names().items() if name == month_name)
    return published.year if month <= published.month else published.year - 1


def _voice(claim: Claim) -> str:
    """Who says it: the speaker key, else the attribution, else the outlet, else the article."""
    return claim.speaker or _voice_key(claim.attribution) or _voice_key(claim.source) or claim.article


def _voice_key(name: str | None) -> str | None:
    return " ".join(name.lower().split()) if name else None


@lru_cache(maxsize=4096)
def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cycle collector while many small acyclic records are made: with a million
    claims its repeated full passes cost as much as the work itself."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def group_claims(claims: Iterable[Claim], echo: dict[str, dt.date] | None = None,
                 dated_by_echo: bool = True) -> tuple[list[QuantityGroup], list[Skipped]]:
    """The claims in groups of one frame, and the ones not compared with the reason. Articles
    that show no date are dated by the statements they repeat (``echo``: dates already found,
    e.g. over a whole cluster; ``dated_by_echo=False``: not at all)."""
    with _no_gc():
        groups, skipped = _group_claims(claims)
        if dated_by_echo:
            _date_by_echoes(groups, echo)
        return groups, skipped


def family_key(claim: Claim) -> tuple | str:
    """The group key without the acting side of land figures: the claims a land figure whose
    side is unknown may be compared with share it (for splitting claims across machines)."""
    key = group_key(claim)
    if isinstance(key, str) or key[0].split(":")[0] not in _rules()["land"]:
        return key
    return key[:1] + (None,) + key[2:]


def _group_claims(claims: Iterable[Claim]) -> tuple[list[QuantityGroup], list[Skipped]]:
    groups: dict[tuple, QuantityGroup] = {}
    skipped: list[Skipped] = []
    for c in claims:
        key = group_key(c)
        if isinstance(key, str):
            skipped.append(Skipped(c, key))
            continue
        entry = _entry(c)
        if isinstance(entry, str):
            skipped.append(Skipped(c, entry))
            continue
        g = groups.get(key)
        if g is None:
            gid = hashlib.sha1(repr(key).encode()).hexdigest()[:12]
            g = groups[key] = QuantityGroup(key, gid)
        g.entries.append(entry)
    return list(groups.values()), skipped


def undated_statements(groups: Iterable[QuantityGroup]) -> list[tuple[list[tuple], str]]:
    """The statements of articles that show no date, each as the keys it may be repeated under
    (its speaker, or its outlet when another outlet repeats its own report) and its article."""
    out = []
    for g in groups:
        for e in g.entries:
            if e.day is None and e.claim.published is None and e.claim.dated != "earlier":
                rep = round(e.rep, 6)
                out.append(([(g.id, _echo_voice(who), rep) for who in (e.voice, _voice_key(e.claim.source)) if who],
                            e.claim.article))
    return out


def dated_statements(groups: Iterable[QuantityGroup], wanted: set[tuple] | None = None) -> dict[tuple, dt.date]:
    """The dated statements (by speaker, and by the outlet they came through), only those in
    ``wanted`` when given."""
    dated: dict[tuple, dt.date] = {}
    for g in groups:
        for e in g.entries:
            if e.day is None or e.claim.dated == "earlier":
                continue
            rep = round(e.rep, 6)
            for who in (e.voice, e.claim.via):
                if who:
                    key = (g.id, _echo_voice(who), rep)
                    if (wanted is None or key in wanted) and (key not in dated or e.day < dated[key]):
                        dated[key] = e.day  # the first time it was said
    return dated


def echo_dates(undated: list[tuple[list[tuple], str]], dated: dict[tuple, dt.date]) -> dict[str, dt.date]:
    """The date of each undated article that repeats dated statements (the middle one)."""
    days: dict[str, list[dt.date]] = defaultdict(list)
    for keys, article in undated:
        hit = next((dated[k] for k in keys if k in dated), None)
        if hit is not None:
            days[article].append(hit)
    return {article: sorted(found)[len(found) // 2] for article, found in days.items()}


def _date_by_echoes(groups: Iterable[QuantityGroup], dates: dict[str, dt.date] | None = None) -> None:
    """Date the figures of an article that shows no date by the statements it repeats: when it
    quotes the same speaker giving the same figure for the same quantity as a dated article,
    it reports the same statement, so its undated figures take that statement's date. The
    dates can be given (a cluster finds them over all claims at once)."""
    groups = list(groups)
    if dates is None:
        undated = undated_statements(groups)
        if not undated:
            return
        dates = echo_dates(undated, dated_statements(groups, {k for keys, _ in undated for k in keys}))
    if not dates:
        return
    for g in groups:
        for e in g.entries:
            if e.day is None and e.claim.published is None and e.claim.dated != "earlier" and e.claim.article in dates:
                e.day = dates[e.claim.article]
                e.echo_dated = True


def _undated(e: Entry) -> bool:
    """No date, or only one inferred from a repeated statement."""
    return e.day is None or e.echo_dated


def _well_framed(c: Claim) -> bool:
    """A frame precise enough to compare without a date: land taken or retaken (a total that
    only grows, or a figure for a named period), its measure made finer by its verb; a side,
    when both name one, must still agree. Land held moves both ways: it needs a date."""
    rules = _rules()
    return c.measure in rules["land"] and bool(c.what and ":" in c.what) and figure_kind(c) in ("total", "period")


def _echo_voice(voice: str) -> str:
    """A speaker's name as far as transliterations agree: Syrsky / Syrskyi / Syrskyy."""
    last = voice.split()[-1] if voice.split() else voice
    return last[:5]


def _below(a: Entry, b: Entry) -> bool:
    """a's interval lies wholly below b's (an open 'more than' end excludes its figure)."""
    if a.high < b.low:
        return True
    if a.high == b.low:
        # rounding slack is half-open: 340 ([339.5, 340.5)) and 341 ([340.5, 341.5)) do not meet
        if b.claim.bound == "more_than" or a.claim.bound == "less_than":
            return True
        return a.claim.bound == b.claim.bound == "exact" and a.rep < b.rep
    return False


def _scale(a: Entry, b: Entry) -> int | None:
    """10^k when b is a's figure with three or six more zeros (a lost 'thousand')."""
    if a.rep <= 0:
        return None
    tol = _rules()["scale_tol"]
    for k in (3, 6):
        ratio = b.rep / (a.rep * 10 ** k)
        if 1 - tol <= ratio <= 1 + tol:
            return k
    return None


_WAR, _OPERATION = "war", "operation"  # campaign scopes (data/frames.json 'campaigns')


def not_compared(a: Entry, b: Entry, group: QuantityGroup) -> str | None:
    """Why two figures that do not overlap (a below b) are still no conflict, or None."""
    ca, cb = a.claim, b.claim
    if ca.article == cb.article and a.voice == b.voice and a.day == b.day:
        return "the same speaker in the same article: a restatement or a breakdown"
    slip = _scale(a, b) is not None
    if a.place and b.place and a.place != b.place and not slip and _OPERATION not in (a.place, b.place):
        return f"different places ({ca.place or a.place} / {cb.place or b.place})"
    if (a.place == _WAR) != (b.place == _WAR) and not slip:
        return "one is for the whole war, the other is not"
    if slip:
        return None  # a lost "thousand" stands out whatever the date
    kind = group.key[4]
    if kind == "period":
        if a.year and b.year and a.year != b.year:
            return f"the same month of different years ({a.year} / {b.year})"
        if group.key[5] not in _months_names().values():
            if a.day is None or b.day is None:
                return "a figure for a period whose date is unknown"
            if abs((a.day - b.day).days) > 2:
                return f"figures for periods that end on different days ({a.day} / {b.day})"
        return None
    land_totals = _well_framed(ca) and _well_framed(cb)
    if a.day is None or b.day is None or (land_totals and (a.echo_dated or b.echo_dated)):
        if ca.dated == "earlier" or cb.dated == "earlier":
            return "one figure is for an earlier, unstated moment"
        if ca.article == cb.article:
            return None
        if land_totals and _undated(a) and _undated(b):
            return None  # two reports of one land total, neither dated: worth a look
        if land_totals:
            return "a running total with no known date may be from before or after the dated one"
        return "no known date, and the frame is too loose to compare across articles without one"
    days = abs((a.day - b.day).days)
    if kind == "total":
        if days <= _rules()["same_moment"]:
            return None
        if a.day < b.day:
            return f"a running total: the higher figure is later ({b.day} after {a.day}), an update"
        return None  # a later, lower running total
    windows = _rules()["windows"]
    window = int(windows.get(ca.measure or "", windows["default"]))
    if ca.article == cb.article and days > _rules()["same_moment"]:
        return f"one article gives the figure for two moments ({a.day} / {b.day}): the change it reports"
    if days > window:
        return f"the figure moves over time and the two are {days} days apart (more than {window})"
    return None


def compare(a: Entry, b: Entry, group: QuantityGroup) -> Conflict | None:
    """The conflict between a (lower) and b (higher), or None when the wording allows both."""
    if not_compared(a, b, group) is not None:
        return None
    ca, cb = a.claim, b.claim
    k = _scale(a, b)
    gap = math.log10(b.low / a.high) if a.high > 0 and b.low > 0 and math.isfinite(a.high) else 1.0
    if k is not None:
        kind = "scale"
        slip = _likely_slip(a, b, group)
        zeros = "thousand" if k == 3 else "million"
        suggestion = f"{_fmt(slip.rep)} -> {_fmt(slip.rep * 10 ** k if slip is a else slip.rep / 10 ** k)}?"
        severity = 0.9 + 0.1 * (1 - abs(b.rep / (a.rep * 10 ** k) - 1))
        verb = "lost" if slip is a else "gained"
        reason = f"one figure is about a {zeros} times the other: {slip.claim.text!r} likely {verb} a '{zeros}' ({suggestion})"
    elif cb.bound in ("at_least", "more_than") or ca.bound in ("at_most", "less_than"):
        kind = "bound"
        suggestion = None
        severity = min(0.85, 0.45 + max(gap, 0.0))
        bounded = cb if cb.bound in ("at_least", "more_than") else ca
        other = ca if bounded is cb else cb
        reason = f"{other.text!r} breaks the bound {bounded.text!r}"
    else:
        kind = "mismatch"
        suggestion = None
        severity = min(0.8, 0.25 + max(gap, 0.0))
        reason = "the figures are further apart than their wording allows"
    if (a.day is None or b.day is None) and ca.article != cb.article and kind != "scale":
        severity = round(severity * 0.8, 3)
        reason += " (a date is unknown: which came first cannot be told)"
    elif a.echo_dated or b.echo_dated:
        severity = round(severity * 0.9, 3)
        reason += " (an undated article dated by the statement it repeats)"
    explanation = f"{_who(ca)} says {ca.text} {ca.counted or ''}".rstrip() + f", but {_who(cb)} says {cb.text} {cb.counted or ''}".rstrip() + f": {reason}."
    extra = {"quantity": group.label}
    if kind == "scale":
        extra["slip"] = slip.claim.id
    return Conflict(kind, round(severity, 3), explanation, ca, cb, group.id, suggestion, extra)


def _likely_slip(a: Entry, b: Entry, group: QuantityGroup) -> Entry:
    """The figure further from the group's median is the likely slip."""
    if len(group.entries) <= 2:
        return a  # a lost "thousand" is more common than an added one
    med = group.median
    da = abs(math.log10(max(a.rep, 1e-9) / med)) if med > 0 else 0
    db = abs(math.log10(max(b.rep, 1e-9) / med)) if med > 0 else 0
    return a if da >= db else b


def _who(c: Claim) -> str:
    outlet = c.source or _short(c.article)
    bits = [outlet]
    if c.via and c.via != c.source:
        bits.append(f"via {c.via}")
    if c.attribution:
        bits.append(f"citing {c.attribution}")
    if c.as_of:
        bits.append(f"as of {c.as_of}")
    return " ".join(bits[:1]) + (f" ({', '.join(bits[1:])})" if bits[1:] else "")


def _short(article: str) -> str:
    """An article's name without its folders, for sentences a person reads."""
    return article.rstrip("/").rsplit("/", 1)[-1] or article


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if float(v).is_integer() or v >= 100 else f"{v:g}"


def find_conflicts(claims: Iterable[Claim], groups: list[QuantityGroup] | None = None,
                   max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM) -> list[Conflict]:
    """The conflicting pairs, most severe first.

    With ``max_per_claim`` (None for all), no claim takes part in more than that many pairs:
    one outlier among thousands of agreeing figures is reported against the farthest few,
    not against every one, which keeps the output, and the cost, linear in the claims."""
    if groups is None:
        groups, _ = group_claims(claims)
    out: list[Conflict] = []
    with _no_gc():
        for g in groups:
            out.extend(conflicts_in(g, max_per_claim))
        out.extend(_across_unknown_sides(groups, max_per_claim))
    out.sort(key=lambda c: (-c.severity, c.group, c.a.id, c.b.id))
    return out


def _across_unknown_sides(groups: list[QuantityGroup], max_per_claim: int | None) -> list[Conflict]:
    """Land figures whose acting side is unknown ("about half of the territory was lost")
    against each side's figures of the same frame: a slot one figure does not know never
    blocks a comparison. Only the pairs across the two groups are new."""
    rules = _rules()
    siblings: dict[tuple, list[QuantityGroup]] = defaultdict(list)
    for g in groups:
        if g.key[0].split(":")[0] in rules["land"]:
            siblings[g.key[:1] + g.key[2:]].append(g)
    out: list[Conflict] = []
    for family in siblings.values():
        unknown = [g for g in family if g.key[1] is None]
        if not unknown or len(family) < 2:
            continue
        loose = unknown[0]
        loose_ids = {e.claim.id for e in loose.entries}
        for g in family:
            if g is loose:
                continue
            merged = QuantityGroup(g.key, g.id, g.entries + loose.entries)
            out.extend(c for c in conflicts_in(merged, max_per_claim) if (c.a.id in loose_ids) != (c.b.id in loose_ids))
    return out


def conflicts_in(group: QuantityGroup, max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM) -> list[Conflict]:
    """The conflicting pairs of one group, found without visiting all pairs: dated figures are
    swept in date order and each is checked only against figures of a compatible date that lie
    wholly above it (the farthest first, through an index of their intervals); undated figures
    against their own article; likely scale slips whatever their dates. No claim takes part in
    more than ``max_per_claim`` pairs, and none is checked against more than a few times that
    many figures, so the cost grows near-linearly with the claims."""
    cap = math.inf if max_per_claim is None else max_per_claim
    budget = math.inf if max_per_claim is None else max(4 * max_per_claim, 40)
    taken: dict[int, int] = defaultdict(int)
    found: set[tuple[int, int]] = set()
    out: list[Conflict] = []

    def consider(a: Entry, b: Entry) -> None:
        """a lies below b: compare them unless either is spent or the pair is already in."""
        if taken[id(a)] >= cap or taken[id(b)] >= cap or (id(a), id(b)) in found:
            return
        c = compare(a, b, group)
        if c is not None:
            out.append(c)
            found.add((id(a), id(b)))
            taken[id(a)] += 1
            taken[id(b)] += 1

    dated = [e for e in group.entries if e.day is not None]
    if len(dated) <= _SMALL_GROUP:
        _pairs_above(dated, consider, lambda e: taken[id(e)] >= cap)
    else:
        _sweep(dated, group, consider, lambda e: taken[id(e)] >= cap, budget)
    undated = [e for e in group.entries if e.day is None]
    if undated:
        by_article: dict[str, list[Entry]] = defaultdict(list)
        for e in group.entries:
            by_article[e.claim.article].append(e)
        for a in undated:
            pool = group.entries if _well_framed(a.claim) else by_article[a.claim.article]
            for b in pool[:budget] if math.isfinite(budget) else pool:
                if _below(a, b):
                    consider(a, b)
                elif _below(b, a):
                    consider(b, a)
    _slips(group.entries, consider, lambda e: taken[id(e)] >= cap)
    return out


_SMALL_GROUP = 512  # below this many dated figures, checking every pair above is faster than an index


def _pairs_above(entries: list[Entry], consider, spent) -> None:
    """Each figure against every figure wholly above it, the farthest first (small groups); a
    figure that has taken part in its share of pairs leaves the list."""
    by_low = sorted(entries, key=lambda e: e.low)
    lows = [e.low for e in by_low]
    for a in list(by_low):
        if not math.isfinite(a.high) or spent(a):
            continue
        j = len(by_low) - 1
        first = bisect.bisect_left(lows, a.high)
        while j >= first and not spent(a):
            b = by_low[j]
            if b is not a and _below(a, b):
                consider(a, b)
                if spent(b):
                    del by_low[j], lows[j]
            j -= 1


def _sweep(entries: list[Entry], group: QuantityGroup, consider, spent, budget: float) -> None:
    """Each dated figure against the figures wholly above it whose dates allow a conflict:
    levels and changes within the time window either way; running totals that are not later
    than it by more than a few days (a later, higher total is an update); figures for a named
    month whatever their dates."""
    if len(entries) < 2:
        return
    kind = group.key[4]
    rules = _rules()
    windows = rules["windows"]
    if kind == "total":
        ahead, behind = rules["same_moment"], math.inf
    elif kind == "period" and group.key[5] in _months_names().values():
        ahead = behind = math.inf
    elif kind == "period":
        ahead = behind = 2
    else:
        w = int(windows.get(group.entries[0].claim.measure or "", windows["default"]))
        ahead = behind = w
    by_low = sorted(entries, key=lambda e: (e.low, e.high))
    lows = [e.low for e in by_low]
    position = {id(e): i for i, e in enumerate(by_low)}
    index = _Fenwick(len(by_low))
    present = [False] * len(by_low)
    by_day = sorted(entries, key=lambda e: e.day)
    ordinals = [e.day.toordinal() for e in by_day]
    ins = rem = 0
    for a in by_day:
        day = a.day.toordinal()
        while ins < len(by_day) and ordinals[ins] <= day + ahead:
            p = position[id(by_day[ins])]
            if not spent(by_day[ins]):
                index.add(p, 1)
                present[p] = True
            ins += 1
        while rem < len(by_day) and ordinals[rem] < day - behind:
            p = position[id(by_day[rem])]
            if present[p]:
                index.add(p, -1)
                present[p] = False
            rem += 1
        if spent(a) or not math.isfinite(a.high):
            continue
        first = bisect.bisect_left(lows, a.high)
        below = index.prefix(first - 1)
        visits = 0
        j = index.prefix(len(by_low) - 1)
        while j > below and visits < budget and not spent(a):
            p = index.kth(j)
            b = by_low[p]
            j -= 1
            visits += 1
            if b is a or not _below(a, b):
                continue
            consider(a, b)
            if spent(b) and present[p]:
                index.add(p, -1)  # a spent figure is no longer offered
                present[p] = False
                j = min(j, index.prefix(len(by_low) - 1))


def _slips(entries: list[Entry], consider, spent) -> None:
    """Pairs a thousand or a million times apart with the same leading digits, whatever their
    dates: a lost 'thousand' stands out even between figures months apart."""
    tol = _rules()["scale_tol"]
    by_rep = sorted((e for e in entries if e.rep > 0), key=lambda e: e.rep)
    reps = [e.rep for e in by_rep]
    for a in by_rep:
        for k in (3, 6):
            lo = bisect.bisect_left(reps, a.rep * 10 ** k * (1 - tol))
            hi = bisect.bisect_right(reps, a.rep * 10 ** k * (1 + tol))
            for b in by_rep[lo:hi]:
                if spent(a):
                    break
                if _below(a, b) and not spent(b):
                    consider(a, b)


class _Fenwick:
    """Counts over positions 0..n-1: add, prefix sums, and the position of the k-th present one."""

    __slots__ = ("n", "tree", "top")

    def __init__(self, n: int):
        self.n = n
        self.tree = [0] * (n + 1)
        self.top = 1 << max(n.bit_length() - 1, 0)

    def add(self, i: int, delta: int) -> None:
        i += 1
        while i <= self.n:
            self.tree[i] += delta
            i += i & -i

    def prefix(self, i: int) -> int:
        """The count at positions 0..i (0 when i < 0)."""
        i += 1
        total = 0
        while i > 0:
            total += self.tree[i]
            i -= i & -i
        return total

    def kth(self, k: int) -> int:
        """The position of the k-th present one (k from 1)."""
        pos = 0
        step = self.top
        while step:
            nxt = pos + step
            if nxt <= self.n and self.tree[nxt] < k:
                pos = nxt
                k -= self.tree[nxt]
            step >>= 1
        return pos


def slips(conflicts: Iterable[Conflict]) -> set[str]:
    """The ids of the figures the conflicts name as likely scale slips."""
    return {c.extra["slip"] for c in conflicts if c.extra.get("slip")}


def distinct_statements(conflicts: list[Conflict]) -> list[tuple[Conflict, int]]:
    """The conflicts with repeated statements folded: when several outlets repeat one speaker's
    figure, the conflict between two statements is listed once, with how many pairs of
    mentions it stands for (most severe first)."""
    seen: dict[tuple, list] = {}
    for c in conflicts:
        key = (c.group, _statement(c.a), _statement(c.b))
        if key in seen:
            seen[key][1] += 1
        else:
            seen[key] = [c, 1]
    return [(c, n) for c, n in seen.values()]


def _statement(c: Claim) -> tuple:
    return _voice(c), c.low, c.high, c.value


def explain(groups: list[QuantityGroup], skipped: list[Skipped], max_pairs: int = 50,
            reported: Iterable[Conflict] | None = None) -> list[str]:
    """Why claims were grouped, why some were not compared, and why figures that do not
    overlap were not called a conflict; one line each. With ``reported`` (the conflicts
    shown), a comparable pair left out says why too (the cap per claim, or a filter)."""
    shown_pairs = None if reported is None else {frozenset((c.a.id, c.b.id)) for c in reported}
    lines = []
    for g in sorted(groups, key=lambda g: g.label):
        texts = ", ".join(f"{e.claim.text!r} ({e.claim.source or _short(e.claim.article)})" for e in g.entries)
        lines.append(f"group {g.id} {g.label}: {len(g.entries)} claim(s) with the same frame (what, whose, unit, "
                     f"counted class, kind of figure, period): {texts}")
        entries = sorted(g.entries, key=lambda e: e.low)
        shown = 0
        for a in entries:
            for b in entries:
                if shown >= max_pairs or b is a or not _below(a, b):
                    continue
                reason = not_compared(a, b, g)
                if reason is None and shown_pairs is not None and frozenset((a.claim.id, b.claim.id)) not in shown_pairs \
                        and compare(a, b, g) is not None:
                    reason = "a conflict left out by --max-per-claim or by --kind/--min-severity"
                if reason:
                    lines.append(f"  pair not compared: {a.claim.text!r} vs {b.claim.text!r}: {reason}")
                    shown += 1
    for s in skipped:
        lines.append(f"not compared: {s.claim.text!r} in {s.claim.article}: {s.reason}")
    return lines
