"""The closed vocabularies of the records, as types: how a figure is bounded, which kind of
figure it is, and which kind of conflict two figures make. This module imports nothing from
the rest of the package.

    >>> "approx" in BOUNDS, "level" in FIGURE_KINDS, "scale" in CONFLICT_KINDS
    (True, True, True)
"""
from __future__ import annotations

from typing import Literal, get_args

#: how the wording bounds a figure: ``11,000`` exact, ``about`` approx, ``at least`` ... ``vague``
Bound = Literal["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"]
#: which kind of figure: a level (moves both ways), a running total (only grows), a change, a
#: figure for a period, a plan, a ratio, or a generic one (what usually holds, never compared)
FigureKind = Literal["level", "total", "change", "period", "plan", "ratio", "generic"]
#: why two figures conflict: one is off by a scale, a bound excludes the other, or they differ
ConflictKind = Literal["scale", "bound", "mismatch"]

BOUNDS: tuple[Bound, ...] = get_args(Bound)
FIGURE_KINDS: tuple[FigureKind, ...] = get_args(FigureKind)
CONFLICT_KINDS: tuple[ConflictKind, ...] = get_args(ConflictKind)

#: whose a figure of every side together is ("the dead on both sides"): each side's is a part of it
ALL_SIDES = "all sides"
