"""Time as a reader uses it: levels are compared at one moment; a running total conflicts
where a later one is lower, or higher by more than the time between them allows; figures for
a period only meet figures for the same period; a figure no date places meets others only
where it would conflict at any plausible date."""
from __future__ import annotations

import math

from ..lexicon import battle_over
from .groups import Entry, dated_by_named_day
from .rules import EVENT, figure_kind, months_names, rules

WAR, OPERATION = "war", "operation"  # campaign scopes (data/frames.json 'campaigns')


def undated(e: Entry) -> bool:
    """No date, or only one inferred from a repeated statement."""
    return e.day is None or e.echo_dated


def well_framed(e: Entry) -> bool:
    """A frame precise enough to compare without a date: land taken or retaken (a total that
    only grows, or a figure for a named period), its measure made finer by its verb. Land held
    moves both ways: it needs a date."""
    c = e.claim
    return c.measure in rules()["land"] and bool(c.what and ":" in c.what) and figure_kind(c) in ("total", "period")


def window(measure: str | None) -> int:
    """Days two levels may lie apart and still be for one moment."""
    windows = rules()["windows"]
    return int(windows.get(measure or "", windows["default"]))


def growth_allowed(measure: str | None, days: int) -> float:
    """How many times over a running total may grow in ``days`` and still be an update."""
    growth = rules()["growth"]
    per_week = growth.get(measure or "", growth["default"])
    return per_week ** (max(days, 1) / 7)


def _may_be_one_moment(a: Entry, b: Entry, days: int) -> bool:
    """Whether an undated level (its article no earlier than the latest day it names) and a
    dated one may be of one moment: the dated day is not before that lower bound."""
    for u, d in ((a, b), (b, a)):
        if u.day is None and u.after is not None and d.day is not None and not d.echo_dated:
            return (d.day - u.after).days >= -days
    return False


def _after_the_end(a: Entry, b: Entry) -> bool:
    """Whether two totals are both estimates made after their war ended: both articles say it is
    over; or one undated article says so and the other figure is dated no earlier than the
    latest day that article names; or a toll is dated no earlier than a dated final one (by
    then the war it calls over had ended)."""
    if a.over and b.over:
        return True
    for u, d in ((a, b), (b, a)):
        if (undated(u) or dated_by_named_day(u)) and u.over and u.after is not None \
                and d.day is not None and not d.echo_dated and not dated_by_named_day(d):
            return d.day >= u.after
    for f, d in ((a, b), (b, a)):
        # after a war (not a battle: a later toll that does not say it is the battle's may be the war's)
        if final_war_toll(f) and f.day is not None and not undated(f) and not dated_by_named_day(f) \
                and d.day is not None and not undated(d) and not dated_by_named_day(d):
            return d.day >= f.day
    return False


def final_toll(e: Entry) -> bool:
    """Whether a figure is a toll made after its war or battle ended (a count that falls once
    the fighting stops, people displaced, is none)."""
    return bool(e.over) and e.claim.measure in rules()["placed_tolls"]


def final_war_toll(e: Entry) -> bool:
    """A final toll of a war, not of one battle in it."""
    return final_toll(e) and not battle_over(e.over or "")


def above_final(a: Entry, b: Entry) -> bool:
    """Whether b, a toll of no known day (or only a day it is no earlier than), lies above a
    (lower), a final estimate made after its war or battle ended: at any day b may be of, the
    two conflict. Not one counted from a named start ("since the war began"): it may be of
    more than the battle."""
    return (b.day is None or dated_by_named_day(b)) and final_toll(a) \
        and not (b.claim.scope or "").startswith("period") and a.claim.dated != "earlier" \
        and b.claim.dated != "earlier" and a.claim.article != b.claim.article


def _one_report(a: Entry, b: Entry) -> bool:
    """Whether two event tolls are of one article and day, one naming the place the other does
    not: a report names its event's place once ("Gas attack kills 58 in Tamba" … "a suspected
    gas attack on a rebel-held town … more than 100 had died")."""
    return a.claim.article == b.claim.article and a.day == b.day and (a.place is None) != (b.place is None)


def time_reason(a: Entry, b: Entry, kind: str | None, period: str | None) -> tuple[str | None, str | None]:
    """Why the moments of a (lower) and b (higher) keep them from conflicting, or None; and a
    note the conflict's explanation carries (a growth beyond what time allows)."""
    ca, cb = a.claim, b.claim
    if kind == "period":
        if a.year and b.year and a.year != b.year:
            return f"the same month of different years ({a.year} / {b.year})", None
        if period not in months_names().values():
            if a.day is None or b.day is None:
                return "a figure for a period whose date is unknown", None
            if abs((a.day - b.day).days) > 2:
                return f"figures for periods that end on different days ({a.day} / {b.day})", None
        if period == EVENT and (a.place is None or a.place != b.place) and ca.scope != cb.scope \
                and not _one_report(a, b):
            return "tolls of events not said to be in the same place: two events may fall on one day", None
        return None, None
    if kind == "total" and ca.dated != "earlier" and cb.dated != "earlier" and _after_the_end(a, b):
        # estimates of a finished war's whole toll: one number, whatever day each was made; one a
        # little higher, later or of no known day, may add the few deaths after the end (a
        # battle's toll has none: the fighting for the place is over)
        if (a.day is None or b.day is None or a.day < b.day) and b.low <= a.high * rules()["growth_after_end"] \
                and not battle_over(a.over or "") and not battle_over(b.over or ""):
            return "a finished war's total, a little higher: it may add the deaths after the end", None
        return None, None
    if kind == "total" and above_final(a, b):
        # above a final total, an undated running total conflicts whatever its day: before the
        # end it could not pass the final figure, after the end it is another estimate of it
        if not battle_over(a.over or "") and b.low <= a.high * rules()["growth_after_end"]:
            return "above a finished war's total by little: it may add the deaths after the end", None
        return None, None
    land_totals = well_framed(a) and well_framed(b)
    if a.day is None or b.day is None or (land_totals and (a.echo_dated or b.echo_dated)):
        if ca.dated == "earlier" or cb.dated == "earlier":
            return "one figure is for an earlier, unstated moment", None
        if ca.article == cb.article:
            return None, None
        if land_totals and undated(a) and undated(b):
            return None, None  # two reports of one land total, neither dated: worth a look
        if kind != "total" and ca.article != cb.article and _may_be_one_moment(a, b, window(ca.measure)):
            return None, None  # a level whose undated article is of that day or earlier: one moment
        if land_totals:
            return "a running total with no known date may be from before or after the dated one", None
        return "no known date: at some plausible date the two figures agree", None
    days = abs((a.day - b.day).days)
    if kind == "total":
        if days <= rules()["same_moment"]:
            return None, None
        if a.day < b.day:
            allowed = growth_allowed(ca.measure, days)
            if rules()["growth_base"] <= a.high < math.inf and b.low / a.high > allowed:
                return None, (f"it grows {b.low / a.high:.1f} times over in {days} days, more than a running total "
                              f"does (at most {allowed:.1f} times): competing estimates, not an update")
            return f"a running total: the higher figure is later ({b.day} after {a.day}), an update", None
        return None, None  # a later, lower running total
    if ca.article == cb.article and days > rules()["same_moment"]:
        return f"one article gives the figure for two moments ({a.day} / {b.day}): the change it reports", None
    w = window(ca.measure)
    if days > w:
        return f"the figure moves over time and the two are {days} days apart (more than {w})", None
    return None, None
