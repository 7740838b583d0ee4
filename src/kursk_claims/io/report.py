"""One self-contained HTML page: what is disputed first (a contents list of the quantities,
disputed first, and of the speakers), then a section per quantity with its timeline, its
conflicts and its figures, then each speaker's and each article's figures. Sections past
the first few are collapsed (<details>), long tables keep their rest behind a toggle, so the
page grows with the number of quantities. Works offline: no scripts, no fonts, no
requests; the charts are inline SVG (report_svg.py). Everything from an article is escaped,
only http(s) links are made, and a Content-Security-Policy forbids scripts outright.

The conflicts are the ones ``kursk-claims conflicts`` reports with the same options
(``max_per_claim``, ``min_severity``, ``kinds``, ``confidence``), each shown in the section
that draws both of its figures.

    >>> page = build_report([])
    >>> page.startswith("<!DOCTYPE html>") and "<script" not in page
    True
"""
from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from html import escape
from urllib.parse import urlparse

from ..comparing.conflicts import (
    DEFAULT_MAX_PER_CLAIM,
    Entry,
    QuantityGroup,
    distinct_statements,
    find_conflicts,
    group_claims,
    slips,
)
from ..core.records import Claim, Conflict, show_number
from . import report_svg as svg
from .report_text import article_name, outlet, plain_explanation, quantity_label, short_number, unit_label

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
CONFIDENCE = ("high", "medium", "low")
OPEN_SECTIONS = 4  # quantity sections open at first; the rest collapsed
CONTENTS_ROWS = 12  # disputed quantities listed on the first screen; the rest behind a toggle
TABLE_ROWS = 8  # rows of a table shown at first; the rest behind a toggle
TABLE_MOST = 12  # rows of a quantity's table in the page at all (every figure is in its chart)
PAIRS_MOST = 30  # conflicts of a quantity listed past the first few; the rest counted (the command lists them)
NOTES = 3  # conflict notes of a quantity shown at first
SPEAKER_QUANTITIES = 12
SAME_MOMENT_DAYS = 3  # figures this close to the latest date are the latest moment
KIND_ORDER = {"scale": 0, "bound": 1, "mismatch": 2}

_STYLE = """
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:20px}
h1{font-size:24px;margin:0 0 4px} h2{font-size:20px;margin:28px 0 8px} h3{font-size:16px;margin:0;display:inline}
a{color:#0b57d0}
.lead{font-size:17px;margin:6px 0 12px}
.overview{display:flex;flex-wrap:wrap;gap:8px;margin:10px 0}
.stat{background:#fff;border:1px solid #ddd;border-radius:8px;padding:6px 12px}
.stat b{display:block;font-size:19px}
.card{background:#fff;border:1px solid #ddd;border-radius:8px;padding:8px 14px;margin:10px 0;min-width:0}
.card.disputed{border-left:5px solid #c62828}
summary{cursor:pointer} .card>summary{padding:4px 0}
.tag{display:inline-block;font-size:12px;border-radius:10px;padding:0 8px;margin-left:6px;background:#eee;color:#333}
.tag.bad{background:#fdecea;color:#b71c1c}
.tw{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:13.5px} th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600;background:#f4f4f4} td.n{text-align:right;white-space:nowrap} td.d{white-space:nowrap} td p{margin:0}
mark{background:#ffe082;padding:0 2px} .slip{color:#c62828;font-weight:600}
.conflict{margin:4px 0;padding:5px 10px;border-radius:6px;background:#fdecea;overflow-wrap:anywhere} .conflict.scale{background:#fbe0e0}
.consensus{color:#333;margin:6px 0} .muted{color:#666} .kind{font-weight:600;text-transform:uppercase;font-size:12px}
.chart{display:grid;grid-template-columns:56px minmax(0,1fr);margin:6px 0} .chart.un{grid-template-columns:56px minmax(0,1fr) 52px}
.chart svg{display:block;overflow:visible;font-size:11px;fill:#555} .chart .lane{background:#f6f6f6}
.g{stroke:#eee} .b{stroke:#999} .u{fill:#777} .t{fill:#555;text-anchor:middle} .yax text{text-anchor:end}
.run{stroke-width:1.6;stroke-opacity:.7} .band line{stroke:#000;stroke-opacity:.1;stroke-width:14}
.mark line{stroke:currentColor;stroke-width:3;stroke-opacity:.4} .run{stroke:currentColor} .mark use{stroke:#fff;stroke-width:1} .mark.x use{stroke:#c62828;stroke-width:2.2}
.slip-note{fill:#c62828;font-size:12px;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:2px 14px;font-size:13px;margin:2px 0 6px} .legend>span{overflow-wrap:anywhere}
svg.key{vertical-align:middle;margin-right:3px}
ul.toc{columns:2 300px;padding-left:18px;margin:6px 0} ul.toc li{break-inside:avoid}
@media (max-width:1099px){.t.w,.slip-note.w{display:none}} @media (min-width:1100px){.yn{display:none}}
@media (max-width:600px){header,main{padding:0 10px} .toc .o{display:none} .overview{gap:4px}
 .stat{padding:2px 8px} .stat b{display:inline;font-size:16px;margin-right:4px} h1{font-size:21px} .lead{font-size:16px} .card{padding:6px 8px} ul.toc{columns:1} .tw table{min-width:600px} .tw table.toc{min-width:0} td.s{min-width:220px}
 .chart{grid-template-columns:44px minmax(0,1fr)} .chart.un{grid-template-columns:44px minmax(0,1fr) 44px} .chart .yax text{font-size:10px}}
""" + svg.colour_css() + """
"""


def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: ``javascript:`` and friends are never links."""
    if not url:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parsed.scheme.lower() in ("http", "https") and parsed.netloc else None


def highlighted(c: Claim, width: int = 220) -> str:
    """The sentence, escaped, with the figure in <mark>, cut around it when long."""
    before, figure, after = c.sentence_around(width)
    return _e(before) + (f"<mark>{_e(figure)}</mark>" if figure else "") + _e(after)


def _article_link(c: Claim, label: str) -> str:
    url = safe_url(c.url) or safe_url(c.article)
    return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(label)}</a>' if url else _e(label)


def _speaker(c: Claim) -> str:
    """Who says it, one key per speaker (as ``attribution`` is written when no key is known);
    the outlet itself when the article names nobody."""
    return c.speaker or c.attribution or f"{outlet(c)} (no speaker named)"


def _name(written: list[str], fallback: str) -> str:
    """The spelling written most often; ties go to the first in alphabetical order, so the
    page is the same whatever the hash seed."""
    if not written:
        return fallback
    counts = Counter(written)
    return min(counts, key=lambda w: (-counts[w], w))


def _date(c: Claim) -> dt.date | None:
    try:
        return dt.date.fromisoformat((c.as_of or "")[:10])
    except ValueError:
        return None


def _day(d: dt.date | None) -> str:
    return f"{d.day} {svg.MONTHS[d.month - 1]} {d.year}" if d else "no date"


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if not n:
            return out


def confidence_of(c: Conflict) -> str | None:
    """The conflict's confidence (high / medium / low), when its record carries one."""
    value = getattr(c, "confidence", None)
    if value is None and isinstance(getattr(c, "extra", None), dict):
        value = c.extra.get("confidence")
    return value if isinstance(value, str) else None


def _reasons_of(c: Conflict) -> list[str]:
    value = getattr(c, "confidence_reasons", None)
    if value is None and isinstance(getattr(c, "extra", None), dict):
        value = c.extra.get("confidence_reasons")
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def report_conflicts(claims: list[Claim], groups: list[QuantityGroup], *, max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM,
                     min_severity: float = 0.0, kinds: tuple[str, ...] | list[str] | None = None,
                     confidence: str = "medium") -> list[Conflict]:
    """The conflicts ``kursk-claims conflicts`` reports with these options (``max_per_claim``
    0 or None: all); ``confidence`` applies only to records that carry one: ``high`` keeps
    the high ones, ``medium`` high and medium, ``low`` all."""
    found = find_conflicts(claims, groups, max_per_claim or None)
    limit = CONFIDENCE.index(confidence) if confidence in CONFIDENCE else len(CONFIDENCE)
    out = []
    for c in found:
        if c.severity < min_severity or (kinds and c.kind not in kinds):
            continue
        conf = confidence_of(c)
        if conf in CONFIDENCE and CONFIDENCE.index(conf) > limit:
            continue
        out.append(c)
    return out


# --- the consensus --------------------------------------------------------------------------

def moment_consensus(entries: list[Entry], leave_out: set[str]) -> tuple[dt.date | None, float, float, float, int] | None:
    """The latest moment's low / best / high: the figures dated within a few days of the
    latest date (all of them when none is dated), each statement (speaker, figure) counted
    once; likely scale slips and figures for a part left out: a figure limited to a place
    below a figure of the same moment that is not, and the smaller figures one speaker gives
    in one article beside a larger one (a breakdown)."""
    pool = [e for e in entries if e.claim.id not in leave_out] or list(entries)
    if not pool:
        return None
    dated = [e for e in pool if e.day is not None]
    day = None
    if dated:
        day = max(e.day for e in dated)
        pool = [e for e in dated if (day - e.day).days <= SAME_MOMENT_DAYS]
    whole = max((e.rep for e in pool if e.place is None), default=None)
    largest: dict[tuple, float] = {}
    for e in pool:
        k = (e.claim.article, e.voice)
        largest[k] = max(largest.get(k, e.rep), e.rep)
    kept = [e for e in pool if not (e.place is not None and whole is not None and e.rep < whole)
            and e.rep >= largest[(e.claim.article, e.voice)]] or pool
    statements: dict[tuple, float] = {}
    for e in sorted(kept, key=lambda e: (e.voice, e.low, e.high, e.claim.id)):
        statements.setdefault((e.voice, e.low, e.high), e.rep)
    reps = sorted(statements.values())
    return day, reps[0], statistics.median(reps), reps[-1], len(reps)


# --- a quantity -----------------------------------------------------------------------------

class _Quantity:
    def __init__(self, g: QuantityGroup, conflicts: list[Conflict], foreign: list[Entry]):
        self.g = g
        self.conflicts = conflicts
        self.entries = g.entries + foreign
        self.label = quantity_label(g.key)
        self.severity = max((c.severity for c in conflicts), default=0.0)
        self.slips = slips(conflicts)
        self.consensus = moment_consensus(self.entries, self.slips)
        self.anchor = ""


def _voice_names(entries: list[Entry]) -> dict[str, str]:
    """Each voice of a chart with a name a reader knows: its most written attribution, else
    the outlet; names two voices would share get a number."""
    written: dict[str, list[str]] = defaultdict(list)
    outlets: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        if e.claim.attribution:
            written[e.voice].append(e.claim.attribution)
        outlets[e.voice].append(outlet(e.claim))
    names: dict[str, str] = {}
    taken: Counter = Counter()
    for v in sorted(outlets):
        name = _name(written[v], f"{_name(outlets[v], 'unknown outlet')}, no speaker named")
        taken[name] += 1
        names[v] = name if taken[name] == 1 else f"{name} ({taken[name]})"
    return names


def _quantity_section(q: _Quantity, anchors: dict[str, str], opened: bool, local: dict[str, str]) -> str:
    g, conflicts = q.g, q.conflicts
    kinds: dict[str, str] = {}
    for c in conflicts:
        for x in (c.a, c.b):
            if x.id not in kinds or KIND_ORDER.get(c.kind, 9) < KIND_ORDER.get(kinds[x.id], 9):
                kinds[x.id] = c.kind
    notes_of: dict[str, str] = {}
    for c in conflicts:
        if c.kind == "scale" and c.suggestion and c.extra.get("slip"):
            notes_of[c.extra["slip"]] = c.suggestion.replace(" -> ", " → ")
    names = _voice_names(q.entries)
    entry_day = {e.claim.id: (e.voice, e.day) for e in q.entries}
    count = Counter(e.voice for e in q.entries)
    ranked = sorted(count, key=lambda v: (-count[v], names[v], v))
    style = {v: svg.style_of(i) for i, v in enumerate(ranked)}
    running = g.key[4] == "total"
    own = {e.claim.id for e in g.entries}
    merged: dict[tuple, dict] = {}
    for e in q.entries:
        c = e.claim
        colour, shape = style[e.voice]
        key = (e.day, e.voice, e.low, e.high, e.rep)
        p = merged.get(key)
        kind = kinds.get(c.id, "")
        if p is None:
            merged[key] = {
                "id": local[c.id], "day": e.day, "rep": e.rep, "low": e.low, "high": e.high, "colour": colour,
                "shape": shape, "voice": e.voice, "kind": kind, "slip": notes_of.get(c.id),
                "line": c.id not in q.slips and c.id in own, "n": 1, "text": c.text,
            }
            continue
        p["id"] += " " + local[c.id]
        p["n"] += 1
        if kind and (not p["kind"] or KIND_ORDER.get(kind, 9) < KIND_ORDER.get(p["kind"], 9)):
            p["kind"] = kind
        p["slip"] = p["slip"] or notes_of.get(c.id)
        p["line"] = p["line"] and c.id not in q.slips
    points = list(merged.values())
    for p in points:
        p["title"] = f"{p['text']} · {names[p['voice']]} · {_day(p['day'])}" + (f" · {p['n']} articles" if p["n"] > 1 else "")
    unit = unit_label(g.key[2])
    band = (q.consensus[0], q.consensus[1], q.consensus[2], q.consensus[3]) if q.consensus else None
    chart = svg.chart(points, label=q.label, unit=unit, lines=running, band=band)
    legend = "".join(f'<span>{svg.marker(*style[v])}{_e(names[v])} <span class="muted">{count[v]}</span></span>' for v in ranked)
    consensus = ""
    if q.consensus:
        day, lo, best, hi, n = q.consensus
        u = f" {unit}" if unit and unit != "%" else unit
        when = f"As of {_day(day)} (the latest moment)" if day else "Undated figures"
        consensus = (f'<p class="consensus">{when}: low <b>{_e(show_number(lo))}{_e(u)}</b> · best <b>{_e(show_number(best))}{_e(u)}</b> · '
                     f'high <b>{_e(show_number(hi))}{_e(u)}</b> <span class="muted">from {n} statement{"s" if n != 1 else ""}; '
                     f'each statement counted once, likely slips and figures for a part left out</span></p>')
    folded = distinct_statements(conflicts)
    notes = [_note(c, n, local) for c, n in folded[:NOTES]]
    lower: dict[str, list[str]] = {}  # the pairs past the first few, by their lower figure
    for c, n in folded[NOTES:NOTES + PAIRS_MOST]:
        if c.a.id not in lower:
            lower[c.a.id] = [_e(_said(c.a, names, entry_day))]
        conf = confidence_of(c)
        lower[c.a.id].append(f'<span data-b="{local[c.b.id]}"' + (f' data-n="{n}"' if n > 1 else "") + f">{_e(_said(c.b, names, entry_day))} "
                             f'<i>({_e(c.kind)} {c.severity:.2f}{", " + _e(conf) if conf else ""}{f", {n} pairs" if n > 1 else ""})</i></span>')
    rest = [f'<tr data-a="{local[k]}"><td>{cells[0]}<td>{"<br>".join(cells[1:])}' for k, cells in lower.items()]
    left = sum(n for _, n in folded[NOTES + PAIRS_MOST:])
    more = (f'<p class="muted" data-more="{left}">… and {left} more pairs, the least severe: every one is listed by '
            f"<code>kursk-claims conflicts</code> with the same options (group {_e(g.id)})</p>" if left else "")
    notes_html = "".join(notes) + (f'<details><summary>{sum(n for _, n in folded[NOTES:])} more conflicts</summary><div class="tw"><table class="pairs">'
                                   f"<tr><th>lower figure<th>higher figures it conflicts with{''.join(rest)}</table></div>{more}</details>"
                                   if rest else "")
    statements: dict[tuple, list[Entry]] = {}
    for e in sorted(q.entries, key=lambda e: (e.day is None, e.day or dt.date.min, e.claim.article, e.claim.start)):
        statements.setdefault((e.day, e.voice, e.low, e.high, e.rep, e.claim.reading()), []).append(e)
    rows = []
    for same in statements.values():
        e = same[0]
        c = e.claim
        cls = ' class="slip"' if any(x.claim.id in kinds for x in same) else ""
        key = _speaker(c)
        who = f'<a href="#{anchors[key]}">{_e(names[e.voice])}</a>' if key in anchors else _e(names[e.voice])
        value = f"<td class=n>{_e(show_number(e.rep))}" if g.key[2] else ""
        outlets = sorted({outlet(x.claim) for x in same})
        where = _e(outlets[0]) + (f' <span class="muted">+{len(same) - 1} more</span>' if len(same) > 1 else "")
        rows.append(f"<tr><td class=d>{_e(_day(e.day))}<td{cls}>{_e(c.text or c.reading())}{value}<td>{who}<td>{where}"
                    f"<td class=s>{highlighted(c, 64)}")
    head = ("<tr><th>date<th>as written" + (f"<th>in {_e(unit)}" if g.key[2] else "") + "<th>speaker<th>outlet<th>sentence")
    table = _capped_table(head, rows[:TABLE_MOST], "statements")
    if len(rows) > TABLE_MOST:
        table += (f'<p class="muted">… and {len(rows) - TABLE_MOST} more, all drawn in the chart; every figure of the quantity is listed by '
                  f"<code>kursk-claims conflicts --explain</code> (group {_e(g.id)})</p>")
    n_conf = sum(n for _, n in distinct_statements(conflicts))
    tags = (f'<span class="tag bad">{n_conf} conflict{"s" if n_conf != 1 else ""}</span>' if conflicts else "") + \
        f'<span class="tag">{len(q.entries)} figures</span>'
    return (f'<details class="card group{" disputed" if conflicts else ""}" id="{q.anchor}" data-group="{_e(g.id)}" '
            f'data-label="{_e(q.label)}"{" open" if opened else ""}><summary><h3>{_e(q.label)}</h3>{tags}</summary>'
            f'{chart}<div class="legend">{legend}</div>{consensus}{notes_html}{table}</details>')


def _note(c: Conflict, n: int, local: dict[str, str]) -> str:
    conf = confidence_of(c)
    reasons = _reasons_of(c)
    return (f'<p class="conflict {_e(c.kind)}" data-a="{local[c.a.id]}" data-b="{local[c.b.id]}" data-n="{n}">'
            f'<span class="kind">{_e(c.kind)}</span> <span class="muted">severity {c.severity:.2f}'
            + (f" · {_e(conf)} confidence" if conf else "") + "</span> "
            + _e(plain_explanation(c.explanation, c.a, c.b))
            + (f' <span class="muted">({n} pairs of mentions)</span>' if n > 1 else "")
            + (f' <span class="muted">— {_e("; ".join(reasons))}</span>' if reasons else "") + "</p>")


def _said(c: Claim, names: dict[str, str], entry_day: dict[str, tuple[str, dt.date | None]]) -> str:
    voice, day = entry_day[c.id]
    return f"{c.reading()} · {names.get(voice, '?')} · {_day(day)}"


def _capped_table(head: str, rows: list[str], what: str, cls: str = "") -> str:
    """A table's first rows, the rest behind a toggle; it scrolls inside its card when wider."""
    table = f'<table class="{cls}">' if cls else "<table>"
    first = f'<div class="tw">{table}{head}{"".join(rows[:TABLE_ROWS])}</table></div>'
    if len(rows) <= TABLE_ROWS:
        return first
    return (first + f'<details><summary>{len(rows) - TABLE_ROWS} more {what}</summary>'
            f'<div class="tw">{table}{head}{"".join(rows[TABLE_ROWS:])}</table></div></details>')


# --- speakers and articles ------------------------------------------------------------------

def _speaker_section(key: str, items: list[Claim], anchor: str, quantity_of: dict[str, _Quantity]) -> str:
    """One speaker: the quantities they gave figures for, each with its figures and dates."""
    by_q: dict[str, list[Claim]] = defaultdict(list)
    others = 0
    for c in items:
        q = quantity_of.get(c.id)
        if q is None:
            others += 1
        else:
            by_q[q.g.id].append(c)
    qs = sorted(by_q, key=lambda k: (-len(by_q[k]), quantity_of[by_q[k][0].id].label))
    lines = []
    for k in qs:
        q = quantity_of[by_q[k][0].id]
        figs = ", ".join(f"{_e(c.reading())} ({_e(_day(_date(c)))})" for c in sorted(by_q[k], key=lambda c: (c.as_of or "9", c.id))[:6])
        more = len(by_q[k]) - 6
        lines.append(f'<li><a href="#{q.anchor}">{_e(q.label)}</a>: {figs}{f" … and {more} more" if more > 0 else ""}</li>')
    shown = "".join(lines[:SPEAKER_QUANTITIES])
    rest = "".join(lines[SPEAKER_QUANTITIES:])
    spellings = sorted({c.attribution for c in items if c.attribution})
    name = _name([c.attribution for c in items if c.attribution], key)
    return (f'<details class="card speaker" id="{anchor}"><summary><h3>{_e(name)}</h3>'
            f'<span class="tag">{len(items)} figures</span></summary>'
            + (f'<p class="muted">written as: {_e("; ".join(spellings))}</p>' if len(spellings) > 1 else "")
            + (f"<ul>{shown}</ul>" if shown else "")
            + (f"<details><summary>{len(lines) - SPEAKER_QUANTITIES} more quantities</summary><ul>{rest}</ul></details>" if rest else "")
            + (f'<p class="muted">{others} figure{"s" if others != 1 else ""} no other claim measures (listed under the articles)</p>' if others else "")
            + "</details>")


def _article_row(name: str, items: list[Claim], titles: dict[str, str] | None, quantity_of: dict[str, _Quantity]) -> str:
    """One article: its name as given, its outlet and date, and its figures (a figure that is
    drawn in a quantity's chart links there)."""
    head = items[0]
    figures = []
    for c in sorted(items, key=lambda c: c.start):
        q = quantity_of.get(c.id)
        figures.append(f'<a href="#{q.anchor}">{_e(c.text or c.reading())}</a>' if q else
                       f'{_e(c.text or c.reading())} <span class=muted>{_e(c.counted or c.measure or "")}</span>')
    title = titles.get(name) if titles else None
    return (f"<tr class=art><td>{_article_link(head, article_name(name))}" + (f"<p><b>{_e(title)}</b></p>" if title else "")
            + f"<td>{_e(outlet(head))}<td>{_e(head.published or 'unknown')}<td>{' · '.join(figures)}")


# --- the page -------------------------------------------------------------------------------

def build_report(claims: list[Claim], *, title: str = "kursk-claims report", titles: dict[str, str] | None = None,
                 max_per_claim: int | None = DEFAULT_MAX_PER_CLAIM, min_severity: float = 0.0,
                 kinds: tuple[str, ...] | list[str] | None = None, confidence: str = "medium") -> str:
    """The page. ``titles``: each article's title (from the store), shown above its claims.
    The conflict options are those of ``kursk-claims conflicts``."""
    groups, _ = group_claims(claims)
    conflicts = report_conflicts(claims, groups, max_per_claim=max_per_claim, min_severity=min_severity,
                                 kinds=kinds, confidence=confidence)
    entry_of = {e.claim.id: e for g in groups for e in g.entries}
    local = {}  # each claim's short id in the page (its marks and conflicts name it by this)
    for c in claims:
        local.setdefault(c.id, _base36(len(local)))
    by_group: dict[str, list[Conflict]] = defaultdict(list)
    for c in conflicts:
        by_group[c.group].append(c)
    quantities: list[_Quantity] = []
    for g in groups:
        mine = by_group.get(g.id, [])
        if len(g.entries) < 2 and not mine:
            continue
        own = {e.claim.id for e in g.entries}
        foreign = []
        for c in mine:  # a figure of another group it was compared with (a land figure whose side is unknown)
            for x in (c.a, c.b):
                if x.id not in own and x.id in entry_of:
                    foreign.append(entry_of[x.id])
                    own.add(x.id)
        quantities.append(_Quantity(g, mine, foreign))
    quantities.sort(key=lambda q: (not q.conflicts, -q.severity, -len(q.entries), q.label, q.g.id))
    quantity_of: dict[str, _Quantity] = {}
    for i, q in enumerate(quantities):
        q.anchor = f"q{i}"
        for e in q.g.entries:
            quantity_of[e.claim.id] = q
    speakers: dict[str, list[Claim]] = defaultdict(list)
    articles: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        speakers[_speaker(c)].append(c)
        articles[c.article].append(c)
    ranked = sorted(speakers, key=lambda k: (-len(speakers[k]), k))
    anchors = {k: f"s{i}" for i, k in enumerate(ranked)}
    speaker_names = {k: _name([c.attribution for c in speakers[k] if c.attribution], k) for k in ranked}
    kinds_count = Counter(c.kind for c in conflicts)
    disputed = [q for q in quantities if q.conflicts]
    # the first screen: what is disputed
    stats = [("articles", len(articles)), ("outlets", len({c.source for c in claims if c.source})), ("claims", len(claims)),
             ("quantities compared", len(quantities)), ("disputed", len(disputed))]
    overview = "".join(f'<div class="stat"><b>{n:,}</b>{_e(label)}</div>' for label, n in stats)
    overview += (f'<div class="stat"><b id="n-conflicts">{len(conflicts):,}</b>conflicts'
                 + (f' <span class="muted">({", ".join(f"{n} {k}" for k, n in sorted(kinds_count.items()))})</span>' if kinds_count else "")
                 + "</div>")
    options = [f"at most {max_per_claim} pairs per figure" if max_per_claim else "every pair"]
    if min_severity:
        options.append(f"severity at least {min_severity:g}")
    if kinds:
        options.append("kinds: " + ", ".join(kinds))
    if any(confidence_of(c) for c in conflicts):
        options.append({"high": "high confidence only", "medium": "high and medium confidence", "low": "every confidence"}.get(confidence, confidence))
    lead = (f'<p class="lead"><b>{len(disputed)}</b> of {len(quantities)} quantities reported more than once are disputed: '
            f'<b>{len(conflicts):,}</b> conflicting pairs of figures.</p>' if quantities else
            '<p class="lead">No quantity is reported by more than one claim.</p>')
    lead += f'<p class="muted">The conflicts are those of <code>kursk-claims conflicts</code> with the same options ({_e("; ".join(options))}).</p>'

    def toc_row(q: _Quantity) -> str:
        n = sum(n for _, n in distinct_statements(q.conflicts))
        cons = ""
        if q.consensus:
            day, lo, best, hi, _ = q.consensus
            cons = f"{short_number(lo)}–{short_number(hi)}" if lo != hi else short_number(best)
            cons += f" ({_day(day)})" if day else " (no date)"
        return (f'<tr><td><a href="#{q.anchor}">{_e(q.label)}</a><td class=n>{n or ""}<td class="n o">{len(q.entries)}'
                f'<td class="n o">{f"{q.severity:.2f}" if q.conflicts else ""}<td>{_e(cons)}')

    toc_head = "<tr><th>quantity<th>conflicts<th class=o>figures<th class=o>worst<th>latest low–high"
    toc = ("<h2>Disputed quantities</h2>" + _capped_table(toc_head, [toc_row(q) for q in disputed], "disputed quantities", "toc")
           if disputed else "")
    calm = [q for q in quantities if not q.conflicts]
    if calm:
        toc += (f'<details><summary>{len(calm)} quantities with no conflict</summary><ul class="toc">'
                + "".join(f'<li><a href="#{q.anchor}">{_e(q.label)}</a> <span class="muted">{len(q.entries)}</span></li>' for q in calm)
                + "</ul></details>")
    toc += (f'<details><summary>{len(ranked)} speakers</summary><ul class="toc">'
            + "".join(f'<li><a href="#{anchors[k]}">{_e(speaker_names[k])}</a> <span class="muted">{len(speakers[k])}</span></li>' for k in ranked)
            + "</ul></details>")
    group_html = "".join(_quantity_section(q, anchors, i < OPEN_SECTIONS, local) for i, q in enumerate(quantities))
    speaker_html = "".join(_speaker_section(k, speakers[k], anchors[k], quantity_of) for k in ranked)
    article_html = _capped_table("<tr><th>article<th>outlet<th>date<th>figures",
                                 [_article_row(name, items, titles, quantity_of) for name, items in articles.items()], "articles")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>{svg.defs()}"
        f"<header><h1>{_e(title)}</h1>{lead}"
        f'<div class="overview">{overview}</div>{toc}</header><main>'
        f"<h2>Quantities, disputed first</h2><p class=\"muted\">Each chart: figures at their dates (in proportion; those with no date "
        f"in a lane at the right), one colour and marker shape per speaker, a bar for a figure's range and an arrow for "
        f"no upper bound; ringed in red: a figure in a conflict; a line joins one speaker's updates of a running total; the "
        f"grey bar is the latest moment, low to high, its dash the best figure.</p>{group_html or '<p>No quantity is reported by more than one claim.</p>'}"
        f"<h2>Speakers</h2><p class=\"muted\">Each speaker's figures, whichever outlet carried them (one key per speaker: "
        f"spellings, titles and acronyms folded).</p>{speaker_html}"
        f"<h2>Articles</h2><p class=\"muted\">Each article's figures; a linked figure is drawn in its quantity's chart.</p>{article_html}</main></body></html>\n"
    )
