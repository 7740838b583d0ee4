"""Finding the figures that disagree. Works on ``Claim`` records only, never on spaCy, so it
serves claims from any source (the store, a JSON Lines file, hand-built ones). The parts:
``rules`` (the vocabulary), ``groups`` (claims into quantity groups and families), ``same``
(are two figures one quantity?), ``time`` (are they for one moment?), ``search`` (which pairs
to look at), ``consensus`` (what the sources agree on); this module decides and explains.

1. Same quantity: each claim has a *quantity frame*: what exactly it measures (``area:held``
   is not ``area:taken``; tanks are not artillery), whose it is, the unit, the counted class,
   the kind of figure (a level, a running total, a change, a figure for a period, a plan, a
   ratio), where it applies and when. Claims are grouped by frame; groups whose frames differ
   only where one side does not know a slot, or counts a part of the other, are compared
   across. Two known slots that differ separate two figures; an unknown slot, or one read
   from context (the claim's ``inferred``), lowers the confidence instead.
2. Disagree: each claim is an interval (bounds, approximation and rounding widen it). Two
   figures of one quantity conflict when their intervals do not overlap at a compatible time
   (levels at one moment; a running total lower later, or higher by more than the time
   allows; periods only with the same period), and a part only when larger than its whole.
   Inside a group, sorted by interval, the non-overlapping pairs are enumerated directly
   (output-sensitive), never all pairs.
3. A conflict is a ``scale`` slip (10^3 or 10^6 apart with the same leading digits), a
   broken ``bound``, or a plain ``mismatch``; each carries a ``confidence`` (high, medium,
   low) and the ``confidence_reasons``.

    >>> a = Claim(id="a", article="x", start=0, end=2, text="12", value=12, low=12, high=12,
    ...           measure="deployed", subject="North Korea", counted="soldiers")
    >>> b = Claim(id="b", article="y", start=0, end=6, text="about 12,000", value=12000, low=10800,
    ...           high=13200, bound="approx", measure="deployed", subject="North Korea", counted="troops")
    >>> [(c.kind, c.extra["confidence"]) for c in find_conflicts([a, b])]
    [('scale', 'high')]
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple, overload

from ..core.records import Claim, Conflict, ConflictKind
from .consensus import consensus, distinct_statements, moment_entries, slips, statement
from .groups import (Entry, QuantityGroup, Skipped, dated_by_named_day, dated_statements, echo_dates, echo_voice,
                     family_key, group_claims, group_key, no_gc, siblings, undated_statements, voice)
from .rules import class_of, counted_class, default_kind, figure_kind, months_names, period_of
from .same import confidence, same_quantity, toll_of_a_place_within
from .search import below, pairs_above, scale, slip_pairs, sweep
from .time import above_final, final_toll, time_reason, well_framed

__all__ = ["KINDS", "LEVELS", "Claim", "Conflict", "Described", "Entry", "Found", "QuantityGroup", "Skipped", "assess",
           "class_of", "compare", "confidence", "conflicts_in", "consensus", "counted_class", "dated_statements",
           "default_kind", "describe", "distinct_statements", "echo_dates", "echo_voice", "explain", "family_key",
           "figure_kind", "find_conflicts", "found_conflicts", "group_claims", "group_key", "judge", "moment_entries",
           "not_compared", "period_of", "ranked", "slips", "statement", "undated_statements", "voice"]

KINDS = ("scale", "bound", "mismatch")
LEVELS = ("high", "medium", "low")
DEFAULT_MAX_PER_CLAIM = 10


@dataclass(slots=True)
class Verdict:
    """The second decision, on two figures of one quantity: why they are no conflict (None when
    they are), what doubts the first decision left, and notes for the explanation."""

    reason: str | None
    doubts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def assess(a: Entry, b: Entry, group: QuantityGroup) -> Verdict:
    """Whether a (lower) and b (higher), whose intervals do not overlap, conflict."""
    ca, cb = a.claim, b.claim
    if ca.article == cb.article and a.voice == b.voice and a.day == b.day:
        return Verdict("the same speaker in the same article: a restatement or a breakdown")
    # a lost "thousand" stands out across places and dates, but not across a figure whose it is
    # is known and one whose it is is not, nor between a town's toll and its country's
    slip = scale(a, b) is not None and a.subject == b.subject and not toll_of_a_place_within(a, b)
    same = same_quantity(a, b, slip)
    if same.separate:
        return Verdict(same.separate)
    notes = []
    if same.part == "a":
        return Verdict(f"a part smaller than its whole ({same.why_part}): no conflict", same.doubts)
    if same.part == "b":
        notes.append(f"a part larger than its whole ({same.why_part})")
    if not slip:  # a lost "thousand" stands out whatever the date
        why, note = time_reason(a, b, group.key[4], group.key[5])
        if why:
            return Verdict(why, same.doubts)
        if note:
            notes.append(note)
    doubts = same.doubts
    if slip or (group.key[4] == "period" and group.key[5] in months_names().values()):
        pass  # the date does not matter: no doubt from it
    elif above_final(a, b):
        pass  # above a final total: a conflict at any date
    elif (a.day is None or b.day is None) and ca.article != cb.article:
        doubts.append("undated: compared as if at any plausible date")
    elif a.echo_dated or b.echo_dated:
        doubts.append("placed by the statement an undated article repeats")
    elif (a.placed or b.placed) and ca.article != cb.article:
        if dated_by_named_day(a) or dated_by_named_day(b):
            doubts.append("dated by the latest day its undated article names")
        else:
            doubts.append("placed by its article's date")
    return Verdict(None, doubts, notes)


def not_compared(a: Entry, b: Entry, group: QuantityGroup) -> str | None:
    """Why two figures that do not overlap (a below b) are still no conflict, or None."""
    return assess(a, b, group).reason


def compare(a: Entry, b: Entry, group: QuantityGroup) -> Conflict | None:
    """The conflict between a (lower) and b (higher), or None when the wording allows both."""
    found = judge(a, b, group)
    return None if found is None else describe(found)


@dataclass(slots=True)
class Found:
    """A conflict as decided, before it is put in words: its severity, the two figures, and
    what else ranking, filtering and its explanation read (its kind, group, which figure slipped,
    its confidence and notes) in one record shared by the many conflicts alike. Millions of
    these may be held while the search runs; each is made a ``Conflict`` (``describe``) only
    when it is written."""

    severity: float
    a: Entry
    b: Entry
    about: About

    @property
    def kind(self) -> ConflictKind:
        return self.about.kind

    @property
    def group(self) -> str:
        return self.about.group

    @property
    def confidence(self) -> str:
        return self.about.confidence

    @property
    def slip(self) -> Entry | None:
        """With a scale slip: the likely slipped figure."""
        side = self.about.slip
        return None if side is None else self.a if side == "a" else self.b


class About(NamedTuple):
    """What a conflict is besides its figures and severity (shared: see ``_about``)."""

    kind: ConflictKind
    group: str  # the group's id
    label: str  # the quantity in words
    slip: str | None  # "a" or "b": which figure likely slipped (a scale slip)
    confidence: str
    reasons: tuple[str, ...]  # the doubts behind the confidence, once each
    notes: tuple[str, ...]  # what the explanation adds


def judge(a: Entry, b: Entry, group: QuantityGroup) -> Found | None:
    """The conflict between a (lower) and b (higher) as decided, or None when the wording
    allows both (see ``compare``)."""
    verdict = assess(a, b, group)
    if verdict.reason is not None:
        return None
    ca, cb = a.claim, b.claim
    k = scale(a, b)
    slip = None
    kind: ConflictKind
    if k is not None:
        kind = "scale"
        slip = _likely_slip(a, b, group)
        severity = 0.9 + 0.1 * (1 - abs(b.rep / (a.rep * 10 ** k) - 1))
    else:
        gap = math.log10(b.low / a.high) if a.high > 0 and b.low > 0 and math.isfinite(a.high) else 1.0
        if cb.bound in ("at_least", "more_than") or ca.bound in ("at_most", "less_than"):
            kind = "bound"
            severity = min(0.85, 0.45 + max(gap, 0.0))
        else:
            kind = "mismatch"
            severity = min(0.8, 0.25 + max(gap, 0.0))
    if _date_unknown(a, b, kind):
        severity = round(severity * 0.8, 3)
    elif a.echo_dated or b.echo_dated:
        severity = round(severity * 0.9, 3)
    side = None if slip is None else "a" if slip is a else "b"
    return Found(_severity(round(severity, 3)), a, b,
                 _about(kind, group.id, group.label, side, tuple(verdict.doubts), tuple(verdict.notes)))


def describe(found: Found) -> Conflict:
    """The conflict record of a decided conflict, its explanation in words."""
    a, b, kind, slip = found.a, found.b, found.kind, found.slip
    ca, cb = a.claim, b.claim
    suggestion = None
    if slip is not None:
        k = scale(a, b)
        assert k is not None, "a scale slip is a thousand or a million times apart"
        zeros = "thousand" if k == 3 else "million"
        suggestion = f"{_fmt(slip.rep)} -> {_fmt(slip.rep * 10 ** k if slip is a else slip.rep / 10 ** k)}?"
        verb = "lost" if slip is a else "gained"
        reason = f"one figure is about a {zeros} times the other: {slip.claim.text!r} likely {verb} a '{zeros}' ({suggestion})"
    elif kind == "bound":
        bounded = cb if cb.bound in ("at_least", "more_than") else ca
        other = ca if bounded is cb else cb
        reason = f"{other.text!r} breaks the bound {bounded.text!r}"
    else:
        reason = "the figures are further apart than their wording allows"
    level, reasons, notes = found.about[4:]
    for note in notes:
        reason += f"; {note}"
    if _date_unknown(a, b, kind):
        reason += " (a date is unknown: which came first cannot be told)"
    elif a.echo_dated or b.echo_dated:
        reason += " (an undated article dated by the statement it repeats)"
    explanation = f"{_who(ca)} says {ca.text} {ca.counted or ''}".rstrip() + f", but {_who(cb)} says {cb.text} {cb.counted or ''}".rstrip() + f": {reason}."
    extra: dict = {"quantity": found.about.label}
    if slip is not None:
        extra["slip"] = slip.claim.id
    extra["confidence"] = level
    extra["confidence_reasons"] = list(reasons)
    return Conflict(kind, found.severity, explanation, ca, cb, found.group, suggestion, extra)


def _date_unknown(a: Entry, b: Entry, kind: ConflictKind) -> bool:
    """Whether which of two figures came first cannot be told (a slip stands out whatever)."""
    return (a.day is None or b.day is None) and a.claim.article != b.claim.article and kind != "scale"


@lru_cache(maxsize=4096)
def _about(kind: ConflictKind, group: str, label: str, slip: str | None, doubts: tuple[str, ...],
           notes: tuple[str, ...]) -> About:
    """One record for all the conflicts of one group with the same kind, slip, doubts and notes
    (a few kinds among a million conflicts): the confidence the doubts leave, and the doubts
    once each."""
    return About(kind, group, label, slip, confidence(list(doubts)), tuple(dict.fromkeys(doubts)), notes)


def _severity(value: float) -> float:
    """One float object for each severity (rounded to thousandths: a thousand at most)."""
    return _SEVERITIES.setdefault(value, value)


_SEVERITIES: dict[float, float] = {}


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


def at_least(conflicts: Iterable[Conflict], level: str) -> list[Conflict]:
    """The conflicts of confidence ``level`` or higher (``low``: all)."""
    keep = LEVELS[:LEVELS.index(level) + 1]
    return [c for c in conflicts if c.extra.get("confidence", "high") in keep]


def find_conflicts(claims: Iterable[Claim], groups: list[QuantityGroup] | None = None,
                   max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM) -> list[Conflict]:
    """The conflicting pairs, most severe first, each with its confidence.

    With ``max_per_claim`` (None for all), no claim takes part in more than that many pairs:
    one outlier among thousands of agreeing figures is reported against the farthest few,
    not against every one, which keeps the output, and the cost, linear in the claims."""
    return [describe(f) for f in found_conflicts(claims, groups, max_per_claim)]


def found_conflicts(claims: Iterable[Claim], groups: list[QuantityGroup] | None = None,
                    max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM,
                    keep: Callable[[Found], bool] | None = None) -> list[Found]:
    """``find_conflicts`` as decided, not yet in words: the same conflicts in the same order,
    each a few references (``describe`` makes one a ``Conflict``). With ``keep``, only the
    conflicts it keeps are held; the others still count against ``max_per_claim``."""
    if groups is None:
        groups, _ = group_claims(claims)
    out: list[Found] = []
    with no_gc():
        for g in groups:
            out.extend(_found_in(g, max_per_claim, keep=keep))
        out.extend(_across_siblings(groups, max_per_claim, keep))
    ranked(out)
    return out


def ranked(found: list[Found]) -> None:
    """Sort conflicts most severe first, then by group and the two claims' ids: one stable
    sort a key, the last key first, so no key tuple is made for each of a million conflicts."""
    found.sort(key=lambda f: f.b.claim.id)
    found.sort(key=lambda f: f.a.claim.id)
    found.sort(key=lambda f: f.group)
    found.sort(key=lambda f: f.severity, reverse=True)


class Described(Sequence[Conflict]):
    """Conflicts held as decided (``Found``) and put in words one at a time as they are read:
    writing a million of them never holds a million explanations."""

    __slots__ = ("found",)

    def __init__(self, found: list[Found]) -> None:
        self.found = found

    def __len__(self) -> int:
        return len(self.found)

    @overload
    def __getitem__(self, i: int) -> Conflict: ...

    @overload
    def __getitem__(self, i: slice) -> Described: ...

    def __getitem__(self, i: int | slice) -> Conflict | Described:
        if isinstance(i, slice):
            return Described(self.found[i])
        return describe(self.found[i])

    def __iter__(self) -> Iterator[Conflict]:
        return map(describe, self.found)


def _across_siblings(groups: list[QuantityGroup], max_per_claim: int | None,
                     keep: Callable[[Found], bool] | None = None) -> list[Found]:
    """Figures of groups that may hold one quantity (one side does not know whose it is, or
    what class it counts) or a part and its whole: only the pairs across the two are new."""
    out: list[Found] = []
    for g, h in siblings(groups):
        key_of = g if g.key[1] is not None else h
        merged = QuantityGroup(key_of.key, key_of.id, g.entries + h.entries)
        in_h = {id(e) for e in h.entries}
        out.extend(_found_in(merged, max_per_claim, across=in_h, keep=keep))
    return out


def conflicts_in(group: QuantityGroup, max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM,
                 across: set[int] | None = None) -> list[Conflict]:
    """The conflicting pairs of one group, found without visiting all pairs: dated figures are
    swept in date order and each is checked only against figures of a compatible date that lie
    wholly above it (the farthest first, through an index of their intervals); undated figures
    against their own article, or all when their frame allows; likely scale slips whatever
    their dates. No claim takes part in more than ``max_per_claim`` pairs, and none is checked
    against more than a few times that many figures, so the cost grows near-linearly with the
    claims. With ``across`` (ids of entries), only pairs with one entry in it are compared."""
    return [describe(f) for f in _found_in(group, max_per_claim, across)]


_COPIES_PER_CAP = 3  # pairs a figure may take part in, copies of one statement included, per pair the cap allows


def _found_in(group: QuantityGroup, max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM,
              across: set[int] | None = None, keep: Callable[[Found], bool] | None = None) -> list[Found]:
    """``conflicts_in`` as decided, not yet in words; only those ``keep`` keeps are held."""
    cap = math.inf if max_per_claim is None else max_per_claim
    budget = math.inf if max_per_claim is None else max(4 * max_per_claim, 40)
    taken: dict[int, int] = {}  # the pairs each figure takes part in (those in one or more)
    met: dict[int, set[tuple[str, float, float]]] = {}  # the statements each figure met in them
    pairs: dict[int, int] = {}  # the pairs each figure takes part in, copies of a statement each counted
    copies_cap = _COPIES_PER_CAP * cap
    found: set[tuple[int, int]] = set()
    out: list[Found] = []

    def consider(a: Entry, b: Entry) -> bool | None:
        """a lies below b: compare them unless either is spent or the pair is already in.
        Whether they conflict: False too for a pair on one side of ``across`` (never one),
        None when they were passed over (spent, or already found)."""
        if spent(a) or spent(b) or (id(a), id(b)) in found:
            return None
        if across is not None and (id(a) in across) == (id(b) in across):
            return False
        c = judge(a, b, group)
        if c is not None:
            if keep is None or keep(c):
                out.append(c)
            found.add((id(a), id(b)))
            # copies of one statement (the same voice, the same figure) count once against the cap,
            # and all pairs together against a few times the cap, so copies never grow the output
            # faster than the claims
            for x, y in ((a, b), (b, a)):
                pairs[id(x)] = pairs.get(id(x), 0) + 1
                said = (y.voice, y.low, y.high)
                statements = met.setdefault(id(x), set())
                if said not in statements:
                    statements.add(said)
                    taken[id(x)] = taken.get(id(x), 0) + 1
        return c is not None

    def spent(e: Entry) -> bool:
        return taken.get(id(e), 0) >= cap or pairs.get(id(e), 0) >= copies_cap

    dated = [e for e in group.entries if e.day is not None]
    if len(dated) <= _SMALL_GROUP:
        pairs_above(dated, consider, spent)
    else:
        sweep(dated, group, consider, spent, budget)
    undated = [e for e in group.entries if e.day is None]
    if undated:
        first = group.entries[:budget] if math.isfinite(budget) else group.entries
        by_article: dict[str, list[Entry]] = {}  # each article's figures, listed when first needed
        finals = [e for e in first if e.day is not None and final_toll(e)]
        for a in undated:
            # a figure whose article names a day it is no earlier than: a running total may be
            # later than a dated one, a level of the same moment; a finished war's total is one
            # number, whatever day each estimate of it was made
            placed_total = a.after is not None or bool(a.over)
            if well_framed(a) or placed_total:
                pool = first
            else:
                if not by_article:
                    for e in group.entries:
                        by_article.setdefault(e.claim.article, []).append(e)
                pool = by_article[a.claim.article]
                pool = pool[:budget] if math.isfinite(budget) else pool
                if finals:  # and the final tolls of finished wars or battles, which it may lie above at any date
                    pool = pool + [b for b in finals if b.claim.article != a.claim.article]
            for b in pool:
                if below(a, b):
                    consider(a, b)
                elif below(b, a):
                    consider(b, a)
    slip_pairs(group.entries, consider, spent)
    return out


_SMALL_GROUP = 512  # below this many dated figures, checking every pair above is faster than an index


def explain(groups: list[QuantityGroup], skipped: list[Skipped], max_pairs: int = 50,
            reported: Iterable[Conflict] | None = None) -> list[str]:
    """Why claims were grouped, why some were not compared, and why figures that do not
    overlap were not called a conflict; one line each. With ``reported`` (the conflicts
    shown), a comparable pair left out says why too (the cap per claim, or a filter), and a
    pair shown says how sure it is and why."""
    reported = None if reported is None else list(reported)
    shown_pairs = None if reported is None else {frozenset((c.a.id, c.b.id)): c for c in reported}
    lines = []

    def pairs(label: str, entries: list[Entry], g: QuantityGroup, across: set[int] | None) -> None:
        entries = sorted(entries, key=lambda e: e.low)
        shown = 0
        for a in entries:
            for b in entries:
                if shown >= max_pairs or b is a or not below(a, b):
                    continue
                if across is not None and (id(a) in across) == (id(b) in across):
                    continue
                verdict = assess(a, b, g)
                reason = verdict.reason
                key = frozenset((a.claim.id, b.claim.id))
                if reason is None and shown_pairs is not None:
                    c = shown_pairs.get(key)
                    if c is not None:
                        doubts = c.extra.get("confidence_reasons") or ["no doubt"]
                        lines.append(f"  {label} reported: {a.claim.text!r} vs {b.claim.text!r}: confidence "
                                     f"{c.extra.get('confidence')} ({'; '.join(doubts)})")
                        shown += 1
                        continue
                    if compare(a, b, g) is not None:
                        reason = ("a conflict left out by --max-per-claim, --kind, --min-severity or --confidence "
                                  f"(confidence {confidence(verdict.doubts)}: {'; '.join(verdict.doubts) or 'no doubt'})")
                if reason:
                    lines.append(f"  {label} not compared: {a.claim.text!r} vs {b.claim.text!r}: {reason}")
                    shown += 1

    for g in sorted(groups, key=lambda g: g.label):
        texts = ", ".join(f"{e.claim.text!r} ({e.claim.source or _short(e.claim.article)})" for e in g.entries)
        lines.append(f"group {g.id} {g.label}: {len(g.entries)} claim(s) with the same frame (what, whose, unit, "
                     f"counted class, kind of figure, period): {texts}")
        pairs("pair", g.entries, g, None)
    for g, h in siblings(groups):
        key_of = g if g.key[1] is not None else h
        lines.append(f"groups {g.id} {g.label} and {h.id} {h.label}: compared across (one does not know a slot, "
                     f"or counts a part of the other)")
        pairs("pair across", g.entries + h.entries, QuantityGroup(key_of.key, key_of.id, g.entries + h.entries),
              {id(e) for e in h.entries})
    for s in skipped:
        lines.append(f"not compared: {s.claim.text!r} in {s.claim.article}: {s.reason}")
    return lines
