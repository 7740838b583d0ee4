"""Claims into quantity groups: each claim's frame (what, whose, unit, counted class, kind of
figure, period) is its group key, and groups whose keys differ only where one side does not
know a slot, or where one counts a part of what the other counts, form a family that is
compared across (``siblings``). Undated articles are dated by the statements they repeat."""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..core.kinds import ALL_SIDES
from ..core.records import Claim
from .rules import (
    UNKNOWN,
    YEAR,
    class_family,
    class_relation,
    counted_class,
    figure_kind,
    inferred,
    month_year,
    months_names,
    of_land,
    part_of,
    period_of,
    rules,
    to_date,
)


@dataclass(slots=True)
class Entry:
    """A claim as the comparison sees it: its interval in the group's base unit and the frame
    slots compared pair by pair. Only references and numbers: no copy of the claim's fields
    beyond the few normalised ones."""

    claim: Claim
    low: float
    high: float
    rep: float  # a representative figure: the value, or the interval's middle
    place: str | None
    day: dt.date | None  # the date the figure is for
    year: int | None  # the year of a month-long period, when known
    voice: str  # who says it: the speaker key, else the attribution, else the outlet
    echo_dated: bool = False  # the date comes from a dated article that reports the same statement
    subject: str | None = None  # whose (for land: the side that holds or takes it)
    cls: str = UNKNOWN  # the counted class
    part: str | None = None  # what it is a breakdown of (the claim's part_of)
    inferred: tuple[str, ...] = ()  # slots read from context
    placed: bool = False  # dated by its article's publication date alone
    after: dt.date | None = None  # an undated article's figure is of this day or later (its not_before)
    whole_cls: str | None = None  # the counted class of what it is a breakdown of
    over: str | None = None  # the words that say its war or battle was over when it was said


@dataclass(slots=True)
class QuantityGroup:
    """Claims that measure the same thing."""

    key: tuple
    id: str
    entries: list[Entry] = field(default_factory=list)
    _median: float | None = None
    _label: str | None = None

    @property
    def label(self) -> str:
        """The quantity in words (made once: every conflict of the group holds it)."""
        if self._label is None:
            self._label = self._make_label()
        return self._label

    def _make_label(self) -> str:
        what, subject, unit, counted, kind, period = self.key
        parts = [subject or "?", what]
        if counted not in (None, UNKNOWN):
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
        """low / best / high of the group's latest moment (see ``consensus.consensus``)."""
        from .consensus import consensus

        return consensus(self, leave_out)[:3]


@dataclass(slots=True)
class Skipped:
    claim: Claim
    reason: str


def group_key(claim: Claim) -> tuple | str:
    """The group a claim belongs to, or why it is not compared. A slot no reading filled is
    None (or ``any`` for the counted class): it joins the claim to a group of its own that is
    compared with every group its other slots allow."""
    r = rules()
    if claim.measure is None:
        return "no measure: what the figure counts is unclear"
    if claim.measure in r["not_compared"]:
        return f"measure {claim.measure!r} is not compared"
    kind = figure_kind(claim)
    if kind in r["never_kinds"]:
        return f"a {kind}, not a count of what is: never compared"
    unit = claim.unit
    if unit in r["conversions"]:
        unit = r["conversions"][unit][0]
    if claim.measure in r["need_a_base"] and not claim.counted and not (claim.what and ":" in claim.what):
        return f"a {claim.measure} figure that does not say what it is of"
    if claim.measure in r["need_a_place"] and not claim.place:
        return f"a {claim.measure} that does not say where it is measured from"
    what = claim.what or claim.measure
    # for land, the side that holds or takes it, not whose land it is
    subject = claim.actor if of_land(claim) else claim.subject
    period = period_of(claim) if kind == "period" else None
    return (what, subject, unit, counted_class(claim), kind, period)


def family_key(claim: Claim) -> tuple | str:
    """The group key without whose it is and with the counted class's widest class: the
    claims a figure may be compared with share it (for splitting claims across machines)."""
    key = group_key(claim)
    if isinstance(key, str):
        return key
    return key_family(key)


def key_family(key: tuple) -> tuple:
    """A group key's family: whose left out, the measure and the counted class at their widest
    (the dead are among the casualties; civilians among the people)."""
    return (rules()["measure_within"].get(key[0], key[0]), None) + key[2:3] + (class_family(key[3]),) + key[4:]


def siblings(groups: list[QuantityGroup]) -> Iterator[tuple[QuantityGroup, QuantityGroup]]:
    """The pairs of groups of one family that may hold one quantity (one does not know whose
    it is, or what class it counts) or a part and its whole (civilians of all the dead)."""
    families: dict[tuple, list[QuantityGroup]] = defaultdict(list)
    for g in groups:
        families[key_family(g.key)].append(g)
    for family in families.values():
        if len(family) < 2:
            continue
        by_subject: dict[str | None, list[QuantityGroup]] = defaultdict(list)
        for g in family:
            by_subject[g.key[1]].append(g)
        loose = by_subject.get(None, [])
        all_sides = by_subject.get(ALL_SIDES, [])
        for subject, gs in by_subject.items():
            for i, g in enumerate(gs):
                for h in gs[i + 1:]:
                    if class_relation(g.key[3], h.key[3]) != "different":
                        yield g, h
                if subject is not None:
                    # one side's figure against one of no known side, or of all sides together
                    for h in loose + ([] if subject == ALL_SIDES else all_sides):
                        if class_relation(g.key[3], h.key[3]) != "different":
                            yield g, h


def _entry(claim: Claim) -> Entry | str:
    r = rules()
    low, high = claim.interval
    if claim.value is None and claim.low is None and claim.high is None:
        return "no figure"
    if claim.bound == "exact" and claim.value is not None and float(claim.value).is_integer() and claim.unit is None \
            and abs(claim.value) < 1000:
        low = high = float(claim.value)  # "340 vehicles" in a tally is a count, not a rounded figure
    factor = r["conversions"].get(claim.unit, (None, 1.0))[1]
    low, high = low * factor, high * factor
    if claim.bound == "vague" and low > 0 and high / low >= r["imprecise"]:
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
    day = to_date(claim.as_of)
    placed = False
    if day is None and claim.dated != "earlier":
        day = to_date(claim.published)  # an undated figure is placed by its article's date
        placed = day is not None
    year = None
    kind = figure_kind(claim)
    if kind == "period" and period_of(claim) in months_names().values():
        m = YEAR.search(claim.scope or "")
        year = int(m.group(0)) if m else (month_year(claim) if claim.published else None)
    subject = claim.actor if of_land(claim) else claim.subject
    return Entry(claim, low, high, rep, place.lower() if place else None, day, year, voice(claim), False,
                 subject, counted_class(claim), part_of(claim), inferred(claim), placed,
                 None if day else to_date(getattr(claim, "not_before", None)), None, claim.war_over)


def voice(claim: Claim) -> str:
    """Who says it: the speaker key, else the attribution, else the outlet, else the article."""
    return claim.speaker or voice_key(claim.attribution) or voice_key(claim.source) or claim.article


def voice_key(name: str | None) -> str | None:
    return " ".join(name.lower().split()) if name else None


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cycle collector, and move what exists to the permanent generation, while many
    small acyclic records are made: with a million claims its repeated full passes over the
    claims already held cost as much as the work itself."""
    was = gc.isenabled()
    held = gc.get_freeze_count() > 0  # frozen by the caller (the claims, once loaded): left so
    gc.disable()
    gc.freeze()
    try:
        yield
    finally:
        if not held:
            gc.unfreeze()
        if was:
            gc.enable()


def group_claims(claims: Iterable[Claim], echo: dict[str, dt.date] | None = None,
                 dated_by_echo: bool = True) -> tuple[list[QuantityGroup], list[Skipped]]:
    """The claims in groups of one frame, and the ones not compared with the reason. Articles
    that show no date are dated by the statements they repeat (``echo``: dates already found,
    e.g. over a whole cluster; ``dated_by_echo=False``: not at all), and their running totals
    that none dates by the latest day the article names."""
    with no_gc():
        groups, skipped = _group_claims(claims)
        if dated_by_echo:
            _date_by_echoes(groups, echo)
            _place_by_named_days(groups)
        _final_statements(groups)
        _name_wholes(groups)
        return groups, skipped


def _final_statements(groups: list[QuantityGroup]) -> None:
    """A statement made after its war or battle ended is so in every report of it: one article
    that says the fighting is over marks the total, and another that repeats the same speaker's
    same figure for the same quantity within days reports the same final estimate."""
    near = rules()["same_moment"]
    for g in groups:
        if g.key[4] != "total":
            continue
        said: dict[tuple[str, float], list[tuple[dt.date, str]]] = {}
        for e in g.entries:
            if e.over and e.day is not None:
                said.setdefault((echo_voice(e.voice), round(e.rep, 6)), []).append((e.day, e.over))
        if not said:
            continue
        for e in g.entries:
            if e.over is None and e.day is not None:
                e.over = next((over for day, over in said.get((echo_voice(e.voice), round(e.rep, 6)), ())
                               if abs((day - e.day).days) <= near), None)


def _name_wholes(groups: list[QuantityGroup]) -> None:
    """A breakdown's whole by what it is rather than which record says it: two reports of one
    toll ("558 killed" on one day, for one side) break down one whole, so their parts ("94
    women", "49 women") are parts of one quantity and may be compared."""
    wanted = {e.part for g in groups for e in g.entries if e.part}
    if not wanted:
        return
    named: dict[str, tuple[str, str, str]] = {}
    for g in groups:
        for e in g.entries:
            if e.claim.id in wanted:
                when = e.day.isoformat() if e.day else e.claim.article
                named[e.claim.id] = (f"{key_family(g.key)[0]} of {e.subject} {e.rep:g} {when}", e.cls, g.key[0])
    for g in groups:
        for e in g.entries:
            if e.part in named:
                name, e.whole_cls, measure = named[e.part]
                # "3,900 casualties, including 820 deaths": all the dead, no breakdown of a same
                # quantity; "130 hostages, 30 of whom are dead": dead hostages, a part of them
                e.part = name if g.key[0] == measure or rules()["measure_within"].get(g.key[0]) != measure else None


def _place_by_named_days(groups: list[QuantityGroup]) -> None:
    """A running total of an undated article that no repeated statement dates is placed on the
    latest day its article names (``not_before``): the nearest reading of when it was written."""
    for g in groups:
        if g.key[4] != "total":
            continue
        for e in g.entries:
            # land taken is compared undated already (a total that only grows)
            if e.day is None and e.after is not None and e.claim.measure not in rules()["land"]:
                e.day, e.placed = e.after, True


def dated_by_named_day(e: Entry) -> bool:
    """Whether ``e`` was placed on the latest day its undated article names (a lower bound)."""
    return e.placed and e.after is not None and e.day == e.after


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


def _undated_article(e: Entry) -> bool:
    return e.day is None and e.claim.published is None and e.claim.dated != "earlier"


def undated_statements(groups: Iterable[QuantityGroup]) -> list[tuple[list[tuple], str]]:
    """The statements of articles that show no date, each as the keys it may be repeated under
    (its speaker, or its outlet when another outlet repeats its own report) and its article."""
    out = []
    for g in groups:
        for e in g.entries:
            if _undated_article(e):
                rep = round(e.rep, 6)
                out.append(([(g.id, echo_voice(who), rep) for who in (e.voice, voice_key(e.claim.source)) if who],
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
                    key = (g.id, echo_voice(who), rep)
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
            if _undated_article(e) and e.claim.article in dates:
                e.day = dates[e.claim.article]
                e.echo_dated = True


def echo_voice(voice: str) -> str:
    """A speaker's name as far as transliterations agree: Syrsky / Syrskyi / Syrskyy."""
    last = voice.split()[-1] if voice.split() else voice
    return last[:5]
