"""What the sources agree on, per quantity and moment: the low / best / high of the
statements of one moment (the group's latest), as casualty trackers publish them. Each
statement counts once however many outlets repeat it; likely scale slips, breakdowns (parts)
and earlier figures that later ones update are left out."""
from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable

from ..core.records import Claim, Conflict
from .groups import Entry, QuantityGroup, voice
from .rules import rules
from .time import window


def moment_entries(group: QuantityGroup, leave_out: frozenset[str] | set[str] = frozenset()) -> tuple[list[Entry], dt.date | None]:
    """The entries of the group's latest moment, and that moment (None when none is dated)."""
    kept = [e for e in group.entries if e.claim.id not in leave_out and not e.part]
    if not kept:
        return [], None
    dated = [(e, e.day) for e in kept if e.day is not None]
    if not dated:
        return kept, None
    latest = max(day for _, day in dated)
    kind = group.key[4]
    span = rules()["same_moment"] if kind == "total" else window(group.entries[0].claim.measure)
    if kind == "period":
        span = 2
    return [e for e, day in dated if (latest - day).days <= span], latest


def consensus(group: QuantityGroup, leave_out: frozenset[str] | set[str] = frozenset()) -> tuple[float, float, float, dt.date | None]:
    """low / best / high across the statements of the group's latest moment, and that moment:
    one statement repeated by several outlets (same speaker, same figure) counts once; the
    figures in ``leave_out`` (likely scale slips) and breakdowns do not count."""
    entries, moment = moment_entries(group, leave_out)
    statements: dict[tuple, float] = {}
    for e in entries:
        statements.setdefault((e.voice, e.low, e.high), e.rep)
    reps = list(statements.values()) or [e.rep for e in group.entries]
    return min(reps), statistics.median(reps), max(reps), moment


def slips(conflicts: Iterable[Conflict]) -> set[str]:
    """The ids of the figures the conflicts name as likely scale slips."""
    return {c.extra["slip"] for c in conflicts if c.extra.get("slip")}


def distinct_statements(conflicts: list[Conflict]) -> list[tuple[Conflict, int]]:
    """The conflicts with repeated statements folded: when several outlets repeat one speaker's
    figure, the conflict between two statements is listed once, with how many pairs of
    mentions it stands for (most severe first)."""
    seen: dict[tuple, list] = {}
    for c in conflicts:
        key = (c.group, statement(c.a), statement(c.b))
        if key in seen:
            seen[key][1] += 1
        else:
            seen[key] = [c, 1]
    return [(c, n) for c, n in seen.values()]


def statement(c: Claim) -> tuple:
    return voice(c), c.low, c.high, c.value
