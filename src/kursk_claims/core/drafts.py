"""The claim draft: the plain dict the pipeline's components fill in for each figure
(``doc._.claims``) and ``run.extract.to_claims`` turns into a ``Claim``. Plain dicts cross
processes cheaply; this type says which keys they hold. This module imports nothing from the
rest of the package but ``core.kinds``.
"""
from __future__ import annotations

from typing import TypedDict

from .kinds import Bound, FigureKind


class ClaimDraft(TypedDict, total=False):
    """One figure as the pipeline reads it; offsets are into the document's text."""

    # the figure (kursk_quantities)
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    bound: Bound
    unit: str | None
    unit_kind: str | None  # count, area, money, length, duration, share, ...
    tail: int  # where the counted noun may start (after the unit)
    sentence_start: int
    sentence_end: int
    # what is counted, whose, which measure, where and when (kursk_context, kursk_dates)
    counted: str | None
    subject: str | None
    measure: str | None
    scope: str | None
    date_ref: dict[str, int] | None  # the parts of the sentence's date, resolved against the article's
    # who says so (kursk_attribution)
    attribution: str | None
    speaker: str | None
    via: str | None
    source_spans: list[list[int]]  # where sources are named: their words are no subject
    # the quantity frame (kursk_context)
    what: str | None
    figure: FigureKind | None
    actor: str | None
    place: str | None
    earlier: bool  # "shrank from 1,400 to 500": the 1,400 is of an unstated earlier day
    # a breakdown's whole and the slots taken from the article rather than the clause (reading/parts, reading/whose)
    part_of: tuple[int, int] | None  # (start, end) of the whole's figure
    inferred: list[str]
