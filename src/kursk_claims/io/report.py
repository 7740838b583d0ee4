"""One self-contained HTML page: an overview, a timeline per quantity group (disputed ones
first), and every article's claims. Works offline: no scripts, no fonts, no requests; the
charts are inline SVG drawn here. Everything from an article is escaped, only http(s) links
are made, and a Content-Security-Policy forbids scripts outright.

    >>> page = build_report([])
    >>> page.startswith("<!DOCTYPE html>") and "<script" not in page
    True
"""
from __future__ import annotations

import datetime as dt
import math
import sys
from collections import defaultdict
from html import escape
from urllib.parse import urlparse

from ..comparing.conflicts import QuantityGroup, distinct_statements, find_conflicts, group_claims, slips
from ..core.records import Claim, Conflict, show_number

PALETTE = ("#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22",
           "#7f7f7f", "#393b79", "#637939", "#8c6d31")
MAX_NOTES = 25  # conflict sentences shown per quantity, the most severe first
MAX_PAIRS_PER_CLAIM = 5  # the page shows each claim against at most this many figures above it
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

_STYLE = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header,main{max-width:1100px;margin:0 auto;padding:0 20px}
header{padding-top:24px}
h1{font-size:26px;margin:0 0 4px} h2{font-size:20px;margin:32px 0 8px} h3{font-size:17px;margin:24px 0 6px}
.overview{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.stat{background:#fff;border:1px solid #ddd;border-radius:8px;padding:10px 14px;min-width:110px}
.stat b{display:block;font-size:22px}
section.group,section.article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:4px 16px 12px;margin:14px 0}
section.disputed{border-left:5px solid #c62828}
table{border-collapse:collapse;width:100%;font-size:13.5px} th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #eee;vertical-align:top}
th{font-weight:600;background:#f4f4f4}
mark{background:#ffe082;padding:0 2px} .slip{color:#c62828;font-weight:600}
.conflict{margin:4px 0;padding:6px 10px;border-radius:6px;background:#fdecea} .conflict.scale{background:#fbe0e0}
.consensus{color:#444;margin:6px 0} .muted{color:#777} .kind{font-weight:600;text-transform:uppercase;font-size:12px}
svg{max-width:100%;height:auto;background:#fff}
.mark line{stroke:currentColor;stroke-width:3;stroke-opacity:.45} .mark path{fill:none;stroke:currentColor}
.mark circle{fill:currentColor;stroke:#fff;stroke-width:1} .mark.conflicting circle{stroke:#c62828;stroke-width:3} .legend span{display:inline-block;margin-right:12px;font-size:13px}
.legend i,i.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
""" + "".join(f".c{i}{{background:{c}}}" for i, c in enumerate(PALETTE)) + """
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


def _article_link(c: Claim, short: bool = False) -> str:
    url = safe_url(c.url) or safe_url(c.article)
    label = _e(_outlet(c) if short and not c.source else (c.article.rsplit("/", 1)[-1] if short else c.article))
    return f'<a href="{_e(url)}" rel="noopener noreferrer">{label}</a>' if url else label


def _outlet(c: Claim) -> str:
    return c.source or c.article.rstrip("/").rsplit("/", 1)[-1]


def _speaker(c: Claim) -> str:
    """Who says it, one key per speaker (as ``attribution`` is written when no key is known);
    the outlet itself when the article names nobody."""
    return c.speaker or c.attribution or f"{_outlet(c)} (no speaker named)"


def _dot(colour: str) -> str:
    """A speaker's colour as a short class (the page lists thousands of rows)."""
    return f'<i class="dot c{PALETTE.index(colour)}"></i>' if colour in PALETTE else ""


def _date(c: Claim) -> dt.date | None:
    try:
        return dt.date.fromisoformat((c.as_of or "")[:10])
    except ValueError:
        return None


def timeline_svg(group: QuantityGroup, conflicts: list[Conflict], colours: dict[str, str]) -> str:
    """Each claim at its date (undated ones at the right) with its interval as a bar; log
    scale when the figures span two orders of magnitude or more."""
    W, H, L, R, T, B = 760, 280, 70, 20, 16, 46
    entries = group.entries
    marked = {x.id: c.kind for c in conflicts for x in (c.a, c.b)}
    slips = {}
    for c in conflicts:
        if c.kind == "scale" and c.suggestion and c.extra.get("slip"):
            slips[c.extra["slip"]] = c.suggestion
    values = [v for e in entries for v in (e.rep, e.low, e.high) if math.isfinite(v) and v > 0]
    lo, hi = (min(values), max(values)) if values else (1.0, 10.0)
    log = lo > 0 and hi / lo >= 100
    if log:
        # within what a float holds: 10 ** -324 rounds to 0, 10 ** 309 overflows
        ylo, yhi = 10.0 ** max(math.floor(math.log10(lo)), -300), 10.0 ** min(math.ceil(math.log10(hi)), 308)
    else:
        pad = (hi - lo) * 0.15 or max(hi * 0.15, 1)
        ylo, yhi = max(0.0, lo - pad), min(hi + pad, sys.float_info.max)

    def y(v: float) -> float:
        v = min(max(v, ylo), yhi)
        if log:
            f = (math.log10(v) - math.log10(ylo)) / (math.log10(yhi) - math.log10(ylo))
        else:
            f = (v - ylo) / ((yhi - ylo) or 1)
        return T + (1 - f) * (H - T - B)

    dated = sorted({d for e in entries if (d := _date(e.claim))})
    undated = any(_date(e.claim) is None for e in entries)
    slots = [d.isoformat() for d in dated] + (["undated"] if undated else [])
    span_x = W - L - R
    xs = {s: L + span_x * (i + 0.5) / len(slots) for i, s in enumerate(slots)}
    parts = [f'<svg class="timeline" viewBox="0 0 {W} {H}" role="img" aria-label="{_e(group.label)}" xmlns="http://www.w3.org/2000/svg">']
    # axes and ticks
    parts.append(f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="#999"/><line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="#999"/>')
    ticks = ([10 ** k for k in range(int(math.log10(ylo)), int(math.log10(yhi)) + 1)] if log
             else [ylo + (yhi - ylo) * k / 4 for k in range(5)])
    for t in ticks:
        parts.append(f'<line x1="{L - 4}" y1="{y(t):.1f}" x2="{W - R}" y2="{y(t):.1f}" stroke="#eee"/>'
                     f'<text x="{L - 6}" y="{y(t) + 4:.1f}" font-size="11" text-anchor="end" fill="#555">{_e(show_number(t))}</text>')
    for s, x in xs.items():
        parts.append(f'<text x="{x:.1f}" y="{H - B + 16}" font-size="11" text-anchor="middle" fill="#555">{_e(s)}</text>')
    if log:
        parts.append(f'<text x="{L}" y="{H - 6}" font-size="11" fill="#777">log scale</text>')
    # one mark per claim, spread a little when several share a date
    by_slot: dict[str, list] = defaultdict(list)
    for e in entries:
        d = _date(e.claim)
        by_slot[d.isoformat() if d else "undated"].append(e)
    for slot, items in by_slot.items():
        width = min(60.0, span_x / max(len(slots), 1) * 0.7)
        for k, e in enumerate(sorted(items, key=lambda e: e.rep)):
            c = e.claim
            x = xs[slot] + (0 if len(items) == 1 else -width / 2 + width * k / (len(items) - 1))
            colour = colours.get(_speaker(c), "#333")
            top = y(e.high) if math.isfinite(e.high) else T
            bottom = y(e.low) if math.isfinite(e.low) and e.low > 0 else H - B
            kind = marked.get(c.id)
            cls = "mark conflicting" if kind else "mark"
            title = f"{c.text} · {c.attribution or 'no speaker named'} · {_outlet(c)} · {c.as_of or 'undated'}"
            parts.append(f'<g class="{cls}" style="color:{colour}" data-claim="{_e(c.id)}" data-kind="{_e(kind or "")}"><title>{_e(title)}</title>')
            parts.append(f'<line x1="{x:.0f}" y1="{top:.0f}" x2="{x:.0f}" y2="{bottom:.0f}"/>')
            if not math.isfinite(e.high):
                parts.append(f'<path d="M{x - 5:.0f},{T + 8}L{x:.0f},{T}L{x + 5:.0f},{T + 8}"/>')
            parts.append(f'<circle cx="{x:.0f}" cy="{y(e.rep):.0f}" r="6"/>')
            if c.id in slips:
                dy = 10 + 15 * (k % 2)  # neighbours' notes alternate above and further above
                parts.append(f'<text class="slip-note" x="{x + 9:.1f}" y="{y(e.rep) - dy:.1f}" font-size="12" fill="#c62828">{_e(slips[c.id].replace(" -> ", " → "))}</text>')
            parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def _group_section(g: QuantityGroup, conflicts: list[Conflict], colours: dict[str, str], anchors: dict[str, str]) -> str:
    disputed = bool(conflicts)
    marked = {x.id for c in conflicts for x in (c.a, c.b)}
    low, best, high = g.consensus(slips(conflicts))
    rows = []
    for e in sorted(g.entries, key=lambda e: (e.claim.as_of or "9999", e.claim.article)):
        c = e.claim
        cls = ' class="slip"' if c.id in marked else ""
        who = f'<a href="#{anchors[_speaker(c)]}">{_e(c.attribution)}</a>' if c.attribution else ""
        rows.append(f"<tr><td{cls}>{_e(c.text)}<td>{_e(c.reading())}<td>{_e(c.source or '?')}"
                    f"<td>{who}<td>{_e(c.as_of or 'undated')}<td>{highlighted(c, 110)}"
                    f"<td>{_article_link(c, short=True)}")
    note = [f'<p class="conflict {_e(c.kind)}"><span class="kind">{_e(c.kind)}</span> '
            f'<span class="muted">severity {c.severity:.2f}</span> {_e(c.explanation)}'
            f'{f" <span class=muted>({n} pairs of mentions)</span>" if n > 1 else ""}</p>'
            for c, n in distinct_statements(conflicts)]
    more = note[4:MAX_NOTES]
    rest = len(note) - 4 - len(more)
    notes = "".join(note[:4]) + (f"<details><summary>{len(note) - 4} more conflicts</summary>{''.join(more)}"
                                 f"{f'<p class=muted>… and {rest} more, listed by kursk-claims conflicts</p>' if rest > 0 else ''}</details>"
                                 if len(note) > 4 else "")
    return (f'<section class="group{" disputed" if disputed else ""}" id="group-{_e(g.id)}" data-label="{_e(g.label)}">'
            f"<h3>{_e(g.label)}</h3>{timeline_svg(g, conflicts, colours)}"
            f'<p class="consensus">Consensus across sources: low <b>{_e(show_number(low))}</b> · best <b>{_e(show_number(best))}</b> · high <b>{_e(show_number(high))}</b></p>'
            f"{notes}<table><tr><th>figure<th>reading<th>outlet<th>attribution<th>date"
            f"<th>sentence<th>article{''.join(rows)}</table></section>")


MAX_SPEAKER_ROWS = 40  # a speaker's figures shown in the page; the rest are one jq line away


def _speaker_name(items: list[Claim], key: str) -> str:
    """The speaker as most often written."""
    written = [c.attribution for c in items if c.attribution]
    return max(set(written), key=written.count) if written else key


def _speaker_section(key: str, items: list[Claim], colour: str, anchor: str, group_of: dict[str, QuantityGroup]) -> str:
    """One speaker's figures: what they said, where, when, and the quantity each belongs to."""
    rows = []
    ordered = sorted(items, key=lambda c: (c.as_of or "9999", c.article, c.start))
    for c in ordered[:MAX_SPEAKER_ROWS]:
        g = group_of.get(c.id)
        quantity = f'<a href="#group-{_e(g.id)}">{_e(g.label)}</a>' if g is not None else ""
        rows.append(f"<tr><td>{_e(c.text)}<td>{_e(c.reading())}<td>{quantity}<td>{_e(c.source or '?')}"
                    f"<td>{_e(c.via or '')}<td>{_e(c.as_of or 'undated')}<td>{_article_link(c, short=True)}")
    spellings = sorted({c.attribution for c in items if c.attribution})
    return (f'<section class="speaker" id="{anchor}"><h3>{_dot(colour)}'
            f"{_e(_speaker_name(items, key))}</h3>"
            + (f'<p class="muted">written as: {_e("; ".join(spellings))}</p>' if len(spellings) > 1 else "")
            + f"<table><tr><th>figure<th>reading<th>quantity<th>outlet<th>via<th>date<th>article{''.join(rows)}</table>"
            + (f'<p class="muted">… and {len(ordered) - MAX_SPEAKER_ROWS} more, listed by '
               f'<code>kursk-claims extract … -f jsonl | jq \'select(.speaker == "{_e(key)}")\'</code></p>'
               if len(ordered) > MAX_SPEAKER_ROWS else "")
            + "</section>")


def build_report(claims: list[Claim], *, title: str = "kursk-claims report", titles: dict[str, str] | None = None) -> str:
    """The page. ``titles``: each article's title (from the store), shown above its claims."""
    groups, _ = group_claims(claims)
    conflicts = find_conflicts(claims, groups, max_per_claim=MAX_PAIRS_PER_CLAIM)
    by_group: dict[str, list[Conflict]] = defaultdict(list)
    for c in conflicts:
        by_group[c.group].append(c)
    speakers: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        speakers[_speaker(c)].append(c)
    ranked = sorted(speakers, key=lambda k: (-len(speakers[k]), k))
    colours = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(ranked)}  # one colour per speaker
    anchors = {k: f"s{i}" for i, k in enumerate(ranked)}
    group_of = {e.claim.id: g for g in groups for e in g.entries}
    articles: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        articles[c.article].append(c)
    shown = [g for g in groups if len(g.entries) > 1 or g.id in by_group]
    shown.sort(key=lambda g: (-max((c.severity for c in by_group.get(g.id, [])), default=0), -len(g.entries), g.label))
    kinds: dict[str, int] = defaultdict(int)
    for c in conflicts:
        kinds[c.kind] += 1
    stats = [("articles", len(articles)), ("outlets", len({c.source for c in claims if c.source})), ("claims", len(claims)),
             ("quantity groups", len(groups)), ("conflicts", len(conflicts))] + sorted(kinds.items())
    overview = "".join(f'<div class="stat"><b>{n:,}</b>{_e(label)}</div>' for label, n in stats)
    legend = "".join(f'<span><a href="#{anchors[k]}"><i style="background:{colours[k]}"></i>{_e(_speaker_name(speakers[k], k))}</a>'
                     f' <span class="muted">{len(speakers[k])}</span></span>' for k in ranked[:40])
    speaker_html = "".join(_speaker_section(k, speakers[k], colours[k], anchors[k], group_of) for k in ranked)
    group_html = "".join(_group_section(g, by_group.get(g.id, []), colours, anchors) for g in shown)
    article_html = []
    for name, items in articles.items():
        head = items[0]
        rows = "".join(f"<tr><td>{_e(c.text)}<td>{_e(c.reading())}<td>{_e(c.counted or '')}"
                       f"<td>{_e(c.measure or '')}<td>{_e(c.attribution or '')}<td>{highlighted(c, 140)}"
                       for c in sorted(items, key=lambda c: c.start))
        article_html.append(f'<section class="article"><h3>{_article_link(head)}</h3>'
                            + (f'<p><b>{_e(titles[name])}</b></p>' if titles and titles.get(name) else "") +
                            f'<p class="muted">{_e(head.source or "outlet unknown")} · {_e(head.published or "date unknown")}</p>'
                            f"<table><tr><th>figure<th>reading<th>counted<th>measure<th>attribution"
                            f"<th>sentence{rows}</table></section>")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{_e(title)}</h1><p class=\"muted\">Numeric claims and the figures that disagree.</p>"
        f'<div class="overview">{overview}</div><div class="legend">{legend}</div></header><main>'
        f"<h2>Quantities, disputed first</h2>{group_html or '<p>No quantity is reported by more than one claim.</p>'}"
        f"<h2>Speakers</h2><p class=\"muted\">Each speaker's figures, whichever outlet carried them (one key per speaker: "
        f"spellings, titles and acronyms folded).</p>{speaker_html}"
        f"<h2>Articles</h2>{''.join(article_html)}</main></body></html>\n"
    )
