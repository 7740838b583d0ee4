"""Finding the figures that disagree. Works on ``Claim`` records only, never on spaCy, so it
serves claims from any source (the store, a JSON Lines file, hand-built ones).

1. Claims are grouped by a key: measure, subject, unit kind, what is counted, and a
   period scope. Only claims in one group are compared, so the cost grows with the
   number of claims, not with its square.
2. Each claim is an interval (bounds, approximation and rounding widen it). Two claims
   conflict when their intervals do not overlap. Inside a group, sorted by interval, the
   conflicting pairs are enumerated directly (output-sensitive), never all pairs.
3. A conflict is a ``scale`` slip (10^3 or 10^6 apart with the same leading digits), a
   broken ``bound``, or a plain ``mismatch``; a later, higher running total is an update.

    >>> a = Claim(id="a", article="x", start=0, end=2, text="12", value=12, low=12, high=12,
    ...           measure="deployed", subject="North Korea", counted="soldiers")
    >>> b = Claim(id="b", article="y", start=0, end=6, text="about 12,000", value=12000, low=10800,
    ...           high=13200, bound="approx", measure="deployed", subject="North Korea", counted="troops")
    >>> [c.kind for c in find_conflicts([a, b])]
    ['scale']
"""
from __future__ import annotations

import bisect
import hashlib
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from .lexicon import table
from .records import Claim, Conflict

KINDS = ("scale", "bound", "mismatch")
DEFAULT_MAX_PER_CLAIM = 10


@cache
def _rules() -> dict:
    t = table("conflicts")
    units = table("units")["conversions"]
    classes = {w: cls for cls, words in t["counted_classes"].items() for w in words}
    return {
        "not_compared": frozenset(t["not_compared"]),
        "person_measures": frozenset(t["person_measures"]),
        "classes": classes,
        "running": frozenset(t["running_totals"]),
        "varying": frozenset(t["time_varying"]),
        "max_days": int(t["max_days_apart"]),
        "imprecise": float(t["imprecise_ratio"]),
        "scale_tol": float(t["scale_tolerance"]),
        "conversions": {k: (v[0], float(v[1])) for k, v in units.items()},
    }


@dataclass(slots=True)
class Entry:
    """A claim as the comparison sees it: its interval in the group's base unit."""

    claim: Claim
    low: float
    high: float
    rep: float  # a representative figure: the value, or the interval's middle
    place: str | None


@dataclass(slots=True)
class QuantityGroup:
    """Claims that measure the same thing."""

    key: tuple
    id: str
    entries: list[Entry] = field(default_factory=list)
    _median: float | None = None

    @property
    def label(self) -> str:
        measure, subject, unit, counted, scope = self.key
        parts = [subject or "?", measure]
        if counted not in (None, "*"):
            parts.append(f"({counted})")
        if unit:
            parts.append(f"in {unit}")
        if scope:
            parts.append(f"[{scope}]")
        return " ".join(parts)

    @property
    def median(self) -> float:
        if self._median is None:
            self._median = statistics.median(e.rep for e in self.entries)
        return self._median

    def consensus(self) -> tuple[float, float, float]:
        """low / best / high across the group's figures, as casualty trackers publish them."""
        reps = [e.rep for e in self.entries]
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


def group_key(claim: Claim) -> tuple | str:
    """The group a claim belongs to, or why it is not compared."""
    rules = _rules()
    if claim.measure is None:
        return "no measure: what the figure counts is unclear"
    if claim.measure in rules["not_compared"]:
        return f"measure {claim.measure!r} is not compared"
    unit = claim.unit
    if unit in rules["conversions"]:
        unit = rules["conversions"][unit][0]
    counted = "*"
    if claim.measure in rules["person_measures"]:
        head = (claim.counted or "").split()[-1:] or [""]
        h = head[0].lower().strip(".,")
        counted = rules["classes"].get(h) or (rules["classes"].get(_singular(h)) if h else None) or (_singular(h) if h else "personnel")
    subject = claim.subject
    if subject is None:
        if claim.counted is None:
            return "no subject and no counted noun: whose figure it is is unclear"
        subject = f"~{_singular(claim.counted.split()[-1])}"
    scope = claim.scope if claim.scope and claim.scope.startswith("period") else None
    return (claim.measure, subject, unit, counted, scope)


def _entry(claim: Claim) -> Entry | str:
    rules = _rules()
    low, high = claim.interval
    if claim.value is None and claim.low is None and claim.high is None:
        return "no figure"
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
    place = claim.scope[len("place: "):] if claim.scope and claim.scope.startswith("place") else None
    return Entry(claim, low, high, rep, place)


def group_claims(claims: Iterable[Claim]) -> tuple[list[QuantityGroup], list[Skipped]]:
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


def _below(a: Entry, b: Entry) -> bool:
    """a's interval lies wholly below b's (an open 'more than' end excludes its figure)."""
    if a.high < b.low:
        return True
    if a.high == b.low:
        return b.claim.bound == "more_than" or a.claim.bound == "less_than"
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


def _same_voice(a: Claim, b: Claim) -> bool:
    return a.article == b.article and (a.attribution or "") == (b.attribution or "")


def not_compared(a: Entry, b: Entry, group: QuantityGroup) -> str | None:
    """Why two figures that do not overlap (a below b) are still no conflict, or None."""
    ca, cb = a.claim, b.claim
    if _same_voice(ca, cb):
        return "the same source in the same article"
    measure = group.key[0]
    if _scale(a, b) is not None:
        return None  # a slip stands out whatever the scope or date
    if a.place != b.place:
        return f"one is limited to a place ({a.place or b.place}), the other is not or names another"
    if measure in _rules()["running"] and ca.as_of and cb.as_of and ca.as_of < cb.as_of:
        return f"a running total: the higher figure is later ({cb.as_of} after {ca.as_of}), an update"
    if measure in _rules()["varying"] and _days_apart(ca, cb) > _rules()["max_days"]:
        return f"the figure moves over time and the two are {_days_apart(ca, cb)} days apart"
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
    explanation = f"{_who(ca)} says {ca.text} {ca.counted or ''}".rstrip() + f", but {_who(cb)} says {cb.text} {cb.counted or ''}".rstrip() + f": {reason}."
    extra = {"quantity": group.label}
    if kind == "scale":
        extra["slip"] = slip.claim.id
    return Conflict(kind, round(severity, 3), explanation, ca, cb, group.id, suggestion, extra)


def _days_apart(a: Claim, b: Claim) -> int:
    """Days between two claims' dates; 0 when either is unknown."""
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat((a.as_of or "")[:10]) - dt.date.fromisoformat((b.as_of or "")[:10])).days)
    except ValueError:
        return 0


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
    for g in groups:
        out.extend(conflicts_in(g, max_per_claim))
    out.sort(key=lambda c: (-c.severity, c.group, c.a.id, c.b.id))
    return out


def conflicts_in(group: QuantityGroup, max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM) -> list[Conflict]:
    """The conflicting pairs of one group: each claim against those wholly above it, the
    farthest pairs first for the claims at the top."""
    entries = sorted(group.entries, key=lambda e: e.low)
    lows = [e.low for e in entries]
    taken: dict[int, int] = defaultdict(int)
    cap = math.inf if max_per_claim is None else max_per_claim
    out = []
    for a in entries:
        if not math.isfinite(a.high):
            continue
        i = bisect.bisect_left(lows, a.high)
        for b in entries[i:]:
            if taken[id(a)] >= cap:
                break
            if b is a or taken[id(b)] >= cap or not _below(a, b):
                continue
            c = compare(a, b, group)
            if c is not None:
                out.append(c)
                taken[id(a)] += 1
                taken[id(b)] += 1
    return out


def explain(groups: list[QuantityGroup], skipped: list[Skipped], max_pairs: int = 50) -> list[str]:
    """Why claims were grouped, why some were not compared, and why figures that do not
    overlap were not called a conflict; one line each."""
    lines = []
    for g in sorted(groups, key=lambda g: g.label):
        texts = ", ".join(f"{e.claim.text!r} ({e.claim.source or _short(e.claim.article)})" for e in g.entries)
        lines.append(f"group {g.id} {g.label}: {len(g.entries)} claim(s) with the same measure, subject, unit, "
                     f"counted noun and period: {texts}")
        entries = sorted(g.entries, key=lambda e: e.low)
        shown = 0
        for a in entries:
            for b in entries:
                if shown >= max_pairs or b is a or not _below(a, b):
                    continue
                reason = not_compared(a, b, g)
                if reason:
                    lines.append(f"  pair not compared: {a.claim.text!r} vs {b.claim.text!r}: {reason}")
                    shown += 1
    for s in skipped:
        lines.append(f"not compared: {s.claim.text!r} in {s.claim.article}: {s.reason}")
    return lines
