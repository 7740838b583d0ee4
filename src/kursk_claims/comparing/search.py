"""Finding the pairs worth comparing without visiting all pairs: each figure against the
figures wholly above it (the farthest first), through a sorted list for small groups and an
index of intervals swept in date order for large ones; likely scale slips whatever the dates."""
from __future__ import annotations

import bisect
import math
import operator
from collections.abc import Callable

from ..core.records import content_key
from .groups import Entry, QuantityGroup
from .rules import months_names, rules

Consider = Callable[[Entry, Entry], "bool | None"]


class Remembered:
    """The verdicts of pairs alike: two figures whose records and frames are alike in all but
    their ids and articles get the same verdict (the comparison reads an article only to ask
    whether it is the other's), so a pair alike to one found no conflict is none either, and
    many reports of one figure cost one comparison per kind of pair, not one per pair. The
    searches keep each figure's kind by its position and look the verdicts up inline."""

    __slots__ = ("kinds", "no_conflict")

    def __init__(self) -> None:
        self.kinds: dict[tuple, int] = {}
        self.no_conflict: set[tuple[int, int, bool]] = set()

    def kind(self, e: Entry) -> int:
        """The number of e's kind: equal for entries alike in all but id and article."""
        return self.kinds.setdefault(_frame(e), len(self.kinds))


_entry_slots = operator.attrgetter(*(s for s in Entry.__slots__ if s != "claim"))  # type: ignore[attr-defined]


def _frame(e: Entry) -> tuple:
    """All an entry's comparison may read but its claim's id and article."""
    return content_key(e.claim), _entry_slots(e)


def below(a: Entry, b: Entry) -> bool:
    """a's interval lies wholly below b's (an open 'more than' end excludes its figure)."""
    if a.high < b.low:
        return True
    if a.high == b.low:
        return touching_below(a.claim.bound, a.rep, b.claim.bound, b.rep)
    return False


def touching_below(a_bound: str, a_rep: float, b_bound: str, b_rep: float) -> bool:
    """Whether a lies below b when a's interval ends where b's begins."""
    # rounding slack is half-open: 340 ([339.5, 340.5)) and 341 ([340.5, 341.5)) do not meet
    if b_bound == "more_than" or a_bound == "less_than":
        return True
    return a_bound == b_bound == "exact" and a_rep < b_rep


def scale(a: Entry, b: Entry) -> int | None:
    """10^k when b is a's figure with three or six more zeros (a lost 'thousand')."""
    if a.rep <= 0:
        return None
    tol = rules()["scale_tol"]
    for k in (3, 6):
        ratio = b.rep / (a.rep * 10 ** k)
        if 1 - tol <= ratio <= 1 + tol:
            return k
    return None


def pairs_above(entries: list[Entry], consider, spent) -> None:
    """Each figure against every figure wholly above it, the farthest first (small groups); a
    figure that has taken part in its share of pairs leaves the list."""
    seen = Remembered()
    no_conflict = seen.no_conflict
    by_low = sorted(entries, key=lambda e: e.low)
    lows = [e.low for e in by_low]
    kinds = [-1] * len(by_low)  # each figure's kind of record, found when first needed
    # the figures spent: a figure's count grows only with a conflict found here, so it is
    # asked again only then
    worn = {id(e) for e in by_low if spent(e)}
    for a in list(by_low):
        if not math.isfinite(a.high) or id(a) in worn:
            continue
        a_high, article, ka = a.high, a.claim.article, -1
        j = len(by_low) - 1
        first = bisect.bisect_left(lows, a_high)
        while j >= first:
            b = by_low[j]
            if b is not a and (lows[j] > a_high or below(a, b)):
                if ka < 0:
                    ka = seen.kind(a)
                kb = kinds[j]
                if kb < 0:
                    kb = kinds[j] = seen.kind(b)
                verdict = _judged((ka, kb, article == b.claim.article), a, b, consider, no_conflict)
                if verdict and spent(b):
                    worn.add(id(b))
                if id(b) in worn:
                    del by_low[j], lows[j], kinds[j]
                if verdict and spent(a):
                    worn.add(id(a))
                    break
            j -= 1


def _ordinal(e: Entry) -> int:
    assert e.day is not None, "the sweep compares dated figures"
    return e.day.toordinal()


def sweep(entries: list[Entry], group: QuantityGroup, consider, spent, budget: float) -> None:
    """Each dated figure against the figures wholly above it whose dates allow a conflict:
    levels and changes within the time window either way; running totals whatever their dates
    (a later, higher total is an update only while its growth is plausible); figures for a
    named month whatever their dates."""
    if len(entries) < 2:
        return
    seen = Remembered()
    no_conflict = seen.no_conflict
    kind = group.key[4]
    windows = rules()["windows"]
    if kind == "total":
        ahead = behind = math.inf
    elif kind == "period" and group.key[5] in months_names().values():
        ahead = behind = math.inf
    elif kind == "period":
        ahead = behind = 2
    else:
        w = int(windows.get(group.entries[0].claim.measure or "", windows["default"]))
        ahead = behind = w
    by_low = sorted(entries, key=lambda e: (e.low, e.high))
    n = len(by_low)
    lows = [e.low for e in by_low]
    highs = [e.high for e in by_low]
    reps = [e.rep for e in by_low]
    bounds = [e.claim.bound for e in by_low]
    kinds = [-1] * n  # each figure's kind of record, found when first needed
    # whether each figure is spent: its count grows only with a conflict found here, so it is
    # asked again only then
    worn = [spent(e) for e in by_low]
    position = {id(e): i for i, e in enumerate(by_low)}
    index = Fenwick(n)
    present = [False] * n
    by_day = sorted(entries, key=_ordinal)
    ordinals = [_ordinal(e) for e in by_day]
    day_at = [position[id(e)] for e in by_day]  # each figure's place in by_low, in date order
    ins = rem = 0
    for i, day in enumerate(ordinals):
        if ins < n and ordinals[ins] <= day + ahead:
            start = ins
            while ins < n and ordinals[ins] <= day + ahead:
                ins += 1
            offered = [p for p in day_at[start:ins] if not worn[p]]
            for p in offered:
                present[p] = True
            if len(offered) > n >> 3:
                index.fill(present)  # many at once (all, when dates do not matter): built anew
            else:
                for p in offered:
                    index.add(p, 1)
        while rem < n and ordinals[rem] < day - behind:
            p = day_at[rem]
            if present[p]:
                index.add(p, -1)
                present[p] = False
            rem += 1
        at = day_at[i]
        a_high = highs[at]
        if worn[at] or not math.isfinite(a_high):
            continue
        a, a_bound, a_rep, ka = by_low[at], bounds[at], reps[at], -1
        first = bisect.bisect_left(lows, a_high)
        visits = 0
        p = _present_below(index, present, n - 1)
        while p >= first and visits < budget:
            b = by_low[p]
            visits += 1
            # b's interval starts at or above a's end (p >= first): b lies above a unless they meet
            if b is not a and (lows[p] > a_high or touching_below(a_bound, a_rep, bounds[p], reps[p])):
                if ka < 0:
                    article = a.claim.article
                    ka = kinds[at]
                    if ka < 0:
                        ka = kinds[at] = seen.kind(a)
                kb = kinds[p]
                if kb < 0:
                    kb = kinds[p] = seen.kind(b)
                verdict = _judged((ka, kb, article == b.claim.article), a, b, consider, no_conflict)
                if verdict:
                    worn[p] = spent(b)
                if worn[p] and present[p]:
                    index.add(p, -1)  # a spent figure is no longer offered
                    present[p] = False
                if verdict and spent(a):
                    worn[at] = True
                    break
            p -= 1
            if p >= 0 and not present[p]:
                p = _present_below(index, present, p)


_WALK = 32  # present positions are looked for one by one this far down, then through the index


def _present_below(index: Fenwick, present: list[bool], q: int) -> int:
    """The highest present position at or below q (-1 when none): the next figure down, found
    by stepping over the few absent ones, or through the index when many lie between."""
    stop = max(q - _WALK, -1)
    while q > stop:
        if present[q]:
            return q
        q -= 1
    if q < 0:
        return -1
    k = index.prefix(q)
    return index.kth(k) if k else -1


def slip_pairs(entries: list[Entry], consider: Consider, spent) -> None:
    """Pairs a thousand or a million times apart with the same leading digits, whatever their
    dates: a lost 'thousand' stands out even between figures months apart."""
    tol = rules()["scale_tol"]
    by_rep = sorted((e for e in entries if e.rep > 0), key=lambda e: e.rep)
    reps = [e.rep for e in by_rep]
    # The walk steps over what cannot give a pair, so many copies of one figure (one report
    # repeated in many articles) cost little: a spent figure takes part in no more pairs (each
    # position points on to the next that may be live), and a figure alike to one found no
    # conflict with a figure alike to a is no conflict with a either, unless the two share an
    # article (those are looked at one by one).
    ahead = list(range(len(by_rep) + 1))
    kinds: dict[tuple, int] = {}
    kind_of: dict[int, int] = {}
    no_conflict: set[tuple[int, int]] = set()  # (kind of a, kind of b) in two articles
    passed: dict[int, dict[int, int]] = {}  # kind of a -> position -> a later position to look at
    in_article: dict[str, list[int]] = {}  # each article's positions, listed when first needed

    def alike(e: Entry) -> int:
        got = kind_of.get(id(e))
        if got is None:
            got = kind_of[id(e)] = kinds.setdefault(_frame(e), len(kinds))
        return got

    def follow(links: list[int] | dict[int, int], j: int) -> int:
        root = j
        while links[root] != root if isinstance(links, list) else root in links:
            root = links[root]
        while j != root:
            links[j], j = root, links[j]
        return root

    def next_for(ka: int, j: int) -> int:
        """The first position from j on that is live and not passed for figures of kind ka."""
        skips = passed.get(ka)
        while True:
            j = follow(ahead, j)
            if skips is None:
                return j
            k = follow(skips, j)
            if k == j:
                return j
            j = k

    top = reps[-1] if reps else 0.0
    for a in by_rep:
        if tol < 1 and a.rep * 10 ** 3 * (1 - tol) > top:
            break  # no figure is a thousand times this one, nor any later (larger) one
        ka = -1  # a's kind, found when a has a figure to look at (most have none)
        for k in (3, 6):
            lo = bisect.bisect_left(reps, a.rep * 10 ** k * (1 - tol))
            hi = bisect.bisect_right(reps, a.rep * 10 ** k * (1 + tol))
            if lo >= hi:
                continue
            if ka < 0:
                ka = alike(a)
                if not in_article:
                    for i, e in enumerate(by_rep):
                        in_article.setdefault(e.claim.article, []).append(i)
                own = in_article[a.claim.article]
            o = bisect.bisect_left(own, lo)
            j = lo
            while True:
                n = next_for(ka, j)
                if o < len(own) and own[o] < n:
                    n = own[o]
                if n >= hi or spent(a):
                    break
                while o < len(own) and own[o] <= n:
                    o += 1
                j = n + 1
                b = by_rep[n]
                if spent(b):
                    ahead[n] = n + 1
                    continue
                same = b.claim.article == a.claim.article
                kb = alike(b)
                if not same and (ka, kb) in no_conflict:
                    passed.setdefault(ka, {})[n] = n + 1
                    continue
                if below(a, b) and consider(a, b) is False and not same:
                    no_conflict.add((ka, kb))
                    passed.setdefault(ka, {})[n] = n + 1


class Fenwick:
    """Counts over positions 0..n-1: add, prefix sums, and the position of the k-th present one."""

    __slots__ = ("n", "tree", "top")

    def __init__(self, n: int):
        self.n = n
        self.tree = [0] * (n + 1)
        self.top = 1 << max(n.bit_length() - 1, 0)

    def fill(self, present: list[bool]) -> None:
        """The counts of the positions present, built in one pass."""
        tree = self.tree
        tree[0] = 0
        tree[1:] = [1 if x else 0 for x in present]
        n = self.n
        for i in range(1, n + 1):
            j = i + (i & -i)
            if j <= n:
                tree[j] += tree[i]

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


def _judged(pair: tuple[int, int, bool], a: Entry, b: Entry, consider: Callable[[Entry, Entry], bool | None],
            no_conflict: set[tuple[int, int, bool]]) -> bool | None:
    """Whether a and b conflict; a pair found no conflict is remembered by what it is like
    (``pair``: the two figures' kinds of record and whether they share an article), so pairs
    alike are not judged again."""
    if pair in no_conflict:
        return False
    verdict = consider(a, b)
    if verdict is False:
        no_conflict.add(pair)
    return verdict

