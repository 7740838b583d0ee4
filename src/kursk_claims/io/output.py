"""Writing records: JSON Lines, JSON, CSV, and rich tables for a person at a terminal.

Every format is built from the records' ``to_dict()``; nothing here prints to the
terminal itself: table builders return rich renderables for ``cli.py`` to print.
"""
from __future__ import annotations

import csv
import json
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group
from rich.markup import escape
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..core.controls import printable
from ..core.records import Claim, Conflict, show_number

FORMATS = ("table", "jsonl", "json", "csv")
CLAIM_COLUMNS = ("id", "article", "start", "end", "text", "value", "low", "high", "bound", "unit", "counted",
                 "subject", "measure", "attribution", "source", "published", "as_of", "scope", "sentence")
CONFLICT_COLUMNS = ("group", "kind", "severity", "confidence", "confidence_reasons", "explanation", "suggestion",
                    "a_article", "a_text", "a_value", "a_source", "a_as_of", "b_article", "b_text", "b_value", "b_source",
                    "b_as_of")


_JSON = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(r, ensure_ascii=False) writes, made once


class RecordWriter:
    """Streams dicts as jsonl, json or csv, one record at a time."""

    def __init__(self, fmt: str, out: IO[str], columns: tuple[str, ...]):
        if fmt not in ("jsonl", "json", "csv"):
            raise ValueError(fmt)
        self.fmt, self.out, self.n = fmt, out, 0
        self.csv = self.csv_quoted = None
        if fmt == "csv":
            self.csv = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
            # csv quotes a field holding a line end only when it is the line terminator: a bare
            # \r would split the row for readers that end lines there, so such rows are all quoted
            self.csv_quoted = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n",
                                             quoting=csv.QUOTE_ALL)
            self.csv.writeheader()
        elif fmt == "json":
            out.write("[")

    def write(self, r: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(_JSON.encode(r) + "\n")
        elif self.fmt == "json":
            self.out.write(("," if self.n else "") + "\n  " + _JSON.encode(r))
        else:
            assert self.csv is not None
            row = {k: ("" if v is None else _inert(v)) for k, v in r.items()}
            bare_cr = any(isinstance(v, str) and "\r" in v for v in row.values())
            writer = self.csv_quoted if bare_cr else self.csv
            assert writer is not None
            writer.writerow(row)
        self.n += 1

    def write_all(self, records: Iterable[dict[str, Any]]) -> None:
        for r in records:
            self.write(r)

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("\n]\n" if self.n else "]\n")
        self.out.flush()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(v: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (``=HYPERLINK(…)``, ``+1``, ``@SUM``)
    gets a leading apostrophe, which spreadsheets show as text; numbers are left as they are."""
    return "'" + v if isinstance(v, str) and v.startswith(_FORMULA_START) else v


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: IO[str], columns: tuple[str, ...]) -> int:
    """Write dicts as jsonl, json or csv; returns how many were written."""
    w = RecordWriter(fmt, out, columns)
    w.write_all(records)
    w.close()
    return w.n


_BATCH = 1 << 18  # records are written a quarter megabyte at a time: one write, not one per record


def write_conflicts(conflicts: Iterable[Conflict], out: IO[str]) -> int:
    """Conflicts as JSON Lines through orjson (the same keys and values as ``json``, several times
    faster), the same bytes as each conflict's record (``Conflict.to_dict``) encoded whole: each
    claim is encoded once while it keeps turning up (a claim takes part in several conflicts,
    one after another) and set into each conflict's line as it is; returns how many."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency, but the standard library will do
        return write_records((c.to_dict() for c in conflicts), "jsonl", out, ())
    encoded: OrderedDict[int, tuple[Claim, bytes]] = OrderedDict()

    def claim_bytes(c: Claim) -> bytes:
        hit = encoded.get(id(c))
        if hit is not None:
            encoded.move_to_end(id(c))
            return hit[1]
        b = orjson.dumps(c.to_dict())
        encoded[id(c)] = (c, b)  # the claim is held with its bytes: its id is not reused meanwhile
        if len(encoded) > _ENCODED_CLAIMS:
            encoded.popitem(last=False)
        return b

    n = size = 0
    lines: list[bytes] = []
    for c in conflicts:
        if not _HEAD_KEYS.isdisjoint(c.extra):  # a key of its own among the extra ones: as the record has it
            line = orjson.dumps(c.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
            lines.append(line)
            size += len(line)
            n += 1
            continue
        head = orjson.dumps({"kind": c.kind, "severity": round(c.severity, 3), "explanation": c.explanation,
                             "group": c.group, "suggestion": c.suggestion})
        tail = orjson.dumps(c.extra) if c.extra else b"{}"
        line = b"".join((head[:-1], b',"a":', claim_bytes(c.a), b',"b":', claim_bytes(c.b),
                         b"," + tail[1:] if len(tail) > 2 else b"}", b"\n"))
        lines.append(line)
        size += len(line)
        n += 1
        if size >= _BATCH:
            out.write(b"".join(lines).decode())
            lines.clear()
            size = 0
    if lines:
        out.write(b"".join(lines).decode())
    out.flush()
    return n


_HEAD_KEYS = frozenset(("kind", "severity", "explanation", "group", "suggestion", "a", "b"))
_ENCODED_CLAIMS = 4096  # the claims kept encoded: conflicts come a group at a time, so few are needed


def flat_conflict(c: Conflict) -> dict[str, Any]:
    """A conflict as one flat row, for CSV."""
    d = c.to_dict()
    d["confidence_reasons"] = "; ".join(d.get("confidence_reasons") or ())
    for side in ("a", "b"):
        claim = d[side]
        for k in ("article", "text", "value", "source", "as_of"):
            d[f"{side}_{k}"] = claim[k]
    return d


def highlighted_sentence(c: Claim, width: int = 160) -> Text:
    """The sentence with the figure in bold, cut around it when long."""
    before, figure, after = c.sentence_around(width)
    t = Text(before)
    t.append(figure, style="bold yellow")
    t.append(after)
    return t


class SafeConsole(Console):
    """A rich console that shows the control characters of what it prints (a file name, a
    page's title, a claim read from a file) as visible symbols: text never drives the terminal."""

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(s if s.control else Segment(printable(s.text), s.style, s.control) for s in buffer)


def claims_table(claims: Iterable[Claim], no_claims: Iterable[str] = ()) -> Group:
    """One table per article, its outlet and date in the heading, and one block per claim: the
    figure on the left; its reading, measure, counted noun and attribution on one line with the
    sentence below, so it reads at 80 columns as well as at 200. ``no_claims`` names the
    articles read that hold no figure."""
    tables: list = []
    for article, group in groupby(claims, key=lambda c: c.article):
        items = list(group)
        head = items[0]
        title = f"[bold]{escape(article)}[/]  {escape(head.source or 'outlet unknown')} · {escape(head.published or 'date unknown')}"
        t = Table(title=title, title_justify="left", show_lines=True, expand=True)
        t.add_column("figure", style="bold", min_width=10, max_width=22, overflow="fold")
        t.add_column("what it says, and where", min_width=30, ratio=1)
        for c in items:
            t.add_row(escape(c.text), Text.assemble(claim_summary(c), "\n", highlighted_sentence(c, 160)))
        tables.append(t)
    empty = list(no_claims)
    if empty:
        shown = ", ".join(empty[:10]) + (f" and {len(empty) - 10} more" if len(empty) > 10 else "")
        tables.append(Text(f"No claims in {shown}.", style="dim"))
    return Group(*tables)


def claim_summary(c: Claim) -> Text:
    """``≥ 700,000 · casualties · soldiers · per Ukrinform``: what a figure says, on one line."""
    t = Text(c.reading(), style="bold")
    for label, value in (("", c.measure), ("", c.counted), ("per ", c.attribution), ("", c.scope)):
        if value:
            t.append(" · ", style="dim")
            t.append(label + value)
    return t


_KIND_STYLE = {"scale": "bold red", "bound": "red", "mismatch": "yellow"}


class _GroupTable:
    """A quantity group's table, laid out for the width it is printed at. Where every cell fits,
    as rich lays it out; where not, what the table is for is never cut: each figure whole (its
    longest word on one line), each article's name all there (folded over lines when narrow),
    the other columns wrapped or folded, the space left given where most is missing."""

    COLUMNS = ("date", "figure", "reading", "outlet", "attribution", "article")

    def __init__(self, title: str, rows: list[tuple], caption: str) -> None:
        self.title, self.rows, self.caption = title, rows, caption

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Table]:
        texts = [[cell.plain if isinstance(cell, Text) else cell for cell in row] for row in self.rows]
        natural = [max([cell_len(name)] + [cell_len(row[i]) for row in texts]) for i, name in enumerate(self.COLUMNS)]
        room = options.max_width - 3 * len(self.COLUMNS) - 1  # borders and padding
        widths = None if sum(natural) <= room else _fit(natural, texts, room)
        t = Table(title=self.title, title_justify="left", expand=True, caption=self.caption)
        for i, name in enumerate(self.COLUMNS):
            if widths is None:
                t.add_column(name)
            else:
                t.add_column(name, width=widths[i], no_wrap=name == "date", overflow="fold")
        for row in self.rows:
            t.add_row(*(cell if isinstance(cell, Text) else escape(cell) for cell in row))
        yield t


def _fit(natural: list[int], texts: list[list[str]], room: int) -> list[int]:
    """Column widths that fit ``room``: the date whole, each figure's and reading's longest
    word whole, at least a few characters for the others; then, while there is room, the words
    of the others whole (the article's name last), then the rest to the columns most short."""
    def longest_word(i: int) -> int:
        words = [cell_len(w) for row in texts for w in row[i].split()] + [cell_len(_GroupTable.COLUMNS[i])]
        return min(natural[i], max(words))

    widths = [natural[0], longest_word(1), longest_word(2), min(natural[3], 6), min(natural[4], 6), min(natural[5], 12)]
    spare = room - sum(widths)
    for i in (3, 4, 5):
        more = max(0, min(spare, longest_word(i) - widths[i]))
        widths[i] += more
        spare -= more
    while spare > 0:
        i = max(range(len(widths)), key=lambda i: (natural[i] - widths[i], -i))
        if widths[i] >= natural[i]:
            break
        widths[i] += 1
        spare -= 1
    return widths


def conflicts_table(groups: list, conflicts: Iterable[Conflict]) -> Group:
    """One table per disputed quantity: every source's figure by date, conflicting figures
    marked, the group's consensus range below, then each conflict's explanation."""
    from ..comparing.conflicts import consensus, distinct_statements, slips

    by_group: dict[str, list[Conflict]] = {}
    for c in conflicts:
        by_group.setdefault(c.group, []).append(c)
    parts = []
    ordered = sorted((g for g in groups if g.id in by_group), key=lambda g: -max(c.severity for c in by_group[g.id]))
    for g in ordered:
        disputed: dict[str, str] = {}
        for c in sorted(by_group[g.id], key=lambda c: c.severity):
            disputed[c.a.id] = disputed[c.b.id] = c.kind  # the most severe conflict's kind wins
        entries = sorted(g.entries, key=lambda e: (e.claim.as_of or "9999", e.claim.article))
        rows = [(c.as_of or "?", Text(c.text, style=_KIND_STYLE.get(disputed.get(c.id, ""), "")), c.reading(), c.source or "?",
                 c.attribution or "", c.article) for c in (e.claim for e in entries)]
        low, best, high, moment = consensus(g, slips(by_group[g.id]))
        when = f" as of {moment.isoformat()}" if moment else ""
        caption = (f"consensus across sources{when} (each statement once; slips, breakdowns and earlier figures "
                   f"left out): low {show_number(low)} · best {show_number(best)} · high {show_number(high)}")
        parts.append(_GroupTable(f"[bold]{escape(g.label)}[/]  (group {g.id})", rows, caption))
        for c, n in distinct_statements(by_group[g.id]):
            repeated = f" [{n} pairs of mentions]" if n > 1 else ""
            level = c.extra.get("confidence")
            doubts = c.extra.get("confidence_reasons") or []
            sure = f", {level} confidence{': ' + '; '.join(doubts) if doubts else ''}" if level else ""
            parts.append(Text(f"  {c.kind} ({c.severity:.2f}{sure}): {c.explanation}{repeated}", style=_KIND_STYLE[c.kind]))
    if not parts:
        parts.append(Text("No conflicting figures."))
    return Group(*parts)

