"""The report's charts: a true time axis (dates placed in proportion, ticks by day, month or
year as the span needs, labels thinned so none overlap at the narrowest width the page is
read at), figures on a value axis of nice numbers in the group's one unit, undated figures
in their own lane, and each speaker told apart by colour and marker shape.

The plot is drawn in percentages of its width, so it stretches with the page while its text
keeps its size (11 px on a phone as on a desktop); the value axis and the undated lane are
fixed-width columns beside it.

    >>> nice_ticks(0, 341)
    [0, 100, 200, 300, 400]
    >>> [d.isoformat() for d, _ in time_ticks(dt.date(2024, 8, 6), dt.date(2024, 12, 20), 8)][:3]
    ['2024-09-01', '2024-10-01', '2024-11-01']
"""
from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from html import escape

from .report_text import short_number

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#7f7f7f", "#bcbd22")
SHAPES = (  # centred on 0,0, about 11 px across
    "M-5,0a5,5 0 1,0 10,0a5,5 0 1,0-10,0",  # circle
    "M-4.5-4.5h9v9h-9z",  # square
    "M0-6L5.5,4H-5.5z",  # triangle
    "M0-6.5L6,0L0,6.5L-6,0z",  # diamond
    "M0,6L5.5-4H-5.5z",  # triangle down
    "M-2-6h4v4h4v4h-4v4h-4v-4h-4v-4h4z",  # plus
    "M-5.7-2.8L-2.8-5.7L0-2.8L2.8-5.7L5.7-2.8L2.8,0L5.7,2.8L2.8,5.7L0,2.8L-2.8,5.7L-5.7,2.8L-2.8,0z",  # cross
)
SHAPE_NAMES = ("circle", "square", "triangle", "diamond", "triangle down", "plus", "cross")
H, TOP, BOTTOM = 236, 12, 40  # chart height, space above the plot and below it (the date labels)
AXIS_W, LANE_W = 56, 52  # the value axis and the undated lane, px
WIDE, NARROW = 880, 200  # the plot's width at the page's widest (>= 1100 px) and narrowest (390 px)
CHAR_W = 6.4  # an 11 px label's mean character width, px
GAP = 8  # the least space between two labels, px
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def defs() -> str:
    """The marker shapes, once per page, for every chart to use."""
    return ('<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
            + "".join(f'<path id="m{i}" d="{d}"/>' for i, d in enumerate(SHAPES))
            + '<path id="up" d="M-5,5L0,-2L5,5" fill="none" stroke="currentColor" stroke-width="2"/>'
            + '<path id="best" d="M-11,0h22" stroke="#333" stroke-width="2"/></defs></svg>')


def style_of(rank: int) -> tuple[int, int]:
    """A speaker's colour (an index into PALETTE) and shape by its rank in one chart: no two
    of the first 70 alike."""
    return rank % len(PALETTE), (rank + rank // len(PALETTE)) % len(SHAPES)


def colour_css() -> str:
    """The palette as classes: c0 … c9 set the colour a mark, its bar and its line use."""
    return "".join(f".c{i}{{fill:{c};color:{c}}}" for i, c in enumerate(PALETTE))


def marker(colour: int, shape: int, size: int = 14) -> str:
    """A legend's small copy of a speaker's marker."""
    h = size // 2
    return f'<svg class="key c{colour}" width="{size}" height="{size}" aria-hidden="true"><use href="#m{shape}" x="{h}" y="{h}"/></svg>'


# --- value axis ---------------------------------------------------------------------------

def nice_step(raw: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at or above ``raw``."""
    if raw <= 0 or not math.isfinite(raw):
        return 1.0
    p = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * p >= raw * (1 - 1e-9):
            return m * p
    return 10 * p


def nice_ticks(lo: float, hi: float, most: int = 5, integer: bool = True) -> list[float]:
    """Ticks at multiples of a nice step (1, 2 or 5 times a power of ten) from ``lo``
    (rounded down) to ``hi`` (rounded up): the finest step that gives at most ``most`` + 1
    ticks; never a step under 1 for counts (``integer``)."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1)
    step = nice_step((hi - lo) / (most * 3))
    while True:
        if integer:
            step = max(step, 1.0)
        start = math.floor(lo / step + 1e-9) * step
        end = math.ceil(hi / step - 1e-9) * step
        if not math.isfinite(end):  # past the largest float: the last tick below it
            end = math.floor(hi / step) * step
        if not math.isfinite(step) or round((end - start) / step) <= most:
            break
        step = nice_step(step * 1.0001)
    n = round((end - start) / step)
    return [int(t) if float(t).is_integer() else round(t, 10) for t in (start + k * step for k in range(n + 1))]


class ValueAxis:
    """Linear from zero with nice ticks, or logarithmic by decades when the figures span two
    orders of magnitude or more."""

    def __init__(self, values: list[float]):
        values = [v for v in values if math.isfinite(v) and v > 0]
        lo, hi = (min(values), max(values)) if values else (1.0, 10.0)
        integer = all(float(v).is_integer() for v in values)
        self.log = hi / lo >= 100
        if self.log:
            a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
            a, b = max(a, -300), min(max(b, a + 1), 308)
            every = max(1, math.ceil((b - a) / 7))  # at most eight decades labelled
            b = min(a + math.ceil((b - a) / every) * every, 308)
            self.lo, self.hi = 10.0 ** a, 10.0 ** b
            self.ticks = [10.0 ** k for k in range(a, b + 1, every)]
            if b - a <= 2:  # few decades: 2 and 5 between them too
                self.ticks = sorted(t * m for t in self.ticks for m in (1, 2, 5) if t * m <= self.hi)
        else:
            self.ticks = nice_ticks(0, hi, 5, integer)
            self.lo, self.hi = 0.0, float(self.ticks[-1])

    def y(self, v: float) -> float:
        if not math.isfinite(v):
            return TOP if v > 0 else H - BOTTOM
        v = min(max(v, self.lo), self.hi)
        if self.log:
            f = (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        else:
            f = (v - self.lo) / ((self.hi - self.lo) or 1)
        return TOP + (1 - f) * (H - TOP - BOTTOM)


# --- time axis ----------------------------------------------------------------------------

def _add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def time_ticks(start: dt.date, end: dt.date, most: int) -> list[tuple[dt.date, str]]:
    """Dates for ticks between start and end at the finest of day, week, month, quarter or
    year steps that gives at most ``most`` of them, each with its label (the year said at
    the first tick and where it changes)."""
    span = (end - start).days
    for unit, n in (("d", 1), ("d", 2), ("d", 7), ("d", 14), ("m", 1), ("m", 2), ("m", 3), ("m", 6),
                    ("y", 1), ("y", 2), ("y", 5), ("y", 10), ("y", 25), ("y", 50), ("y", 100)):
        if unit == "d":
            count = span // n + 1
        elif unit == "m":
            count = ((end.year - start.year) * 12 + end.month - start.month) // n + 1
        else:
            count = (end.year - start.year) // n + 1
        if count <= most:
            break
    out: list[dt.date] = []
    if unit == "d":
        d = start if n < 7 else start + dt.timedelta(days=(7 - start.weekday()) % 7)  # weeks start on Monday
        while d <= end:
            out.append(d)
            d += dt.timedelta(days=n)
    elif unit == "m":
        d = dt.date(start.year, start.month, 1)
        d = d if d >= start else _add_months(d, 1)
        while (d.month - 1) % n:
            d = _add_months(d, 1)
        while d <= end:
            out.append(d)
            d = _add_months(d, n)
    else:
        y = start.year + (start.month > 1 or start.day > 1)
        y += (-y) % n
        while y <= end.year:
            out.append(dt.date(y, 1, 1))
            y += n
    return [(d, _label(d, unit, True)) for d in out]


def _label(d: dt.date, unit: str, year: bool) -> str:
    if unit == "y":
        return str(d.year)
    if unit == "m":
        return f"{MONTHS[d.month - 1]} {d.year}" if year else MONTHS[d.month - 1]
    return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")


def tick_unit(marks: list[tuple[dt.date, str]]) -> str:
    if len(marks) < 2:
        return "d"
    a, b = marks[0][0], marks[1][0]
    return "y" if a.month == b.month == 1 and a.day == b.day == 1 and a.year != b.year else ("m" if a.day == b.day == 1 else "d")


def label_width(text: str) -> float:
    return len(text) * CHAR_W


def thinned(items: list[tuple[float, str]], width: float) -> list[int]:
    """The labels (fraction of the width, text) to draw at ``width`` px: every k-th of those
    that fit between the ends, the smallest k at which no two overlap. Their indices."""
    inside = [i for i, (f, text) in enumerate(items)
              if f * width - label_width(text) / 2 >= 0 and f * width + label_width(text) / 2 <= width]
    for k in range(1, len(inside) + 1):
        chosen = inside[::k]
        if all(items[j][0] * width - label_width(items[j][1]) / 2 >= items[i][0] * width + label_width(items[i][1]) / 2 + GAP
               for i, j in zip(chosen, chosen[1:])):
            return chosen
    return []


class TimeAxis:
    def __init__(self, days: list[dt.date]):
        first, last = (min(days), max(days)) if days else (dt.date(2000, 1, 1), dt.date(2000, 1, 1))
        pad = max(1, round((last - first).days * 0.04))
        if first == last:
            pad = 3
        self.start, self.end = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
        self.span = max((self.end - self.start).days, 1)

    def f(self, d: dt.date) -> float:
        return (d - self.start).days / self.span

    def ticks(self) -> list[tuple[float, str, str]]:
        """(fraction, label as escaped SVG text, class): every tick that fits at the widest plot; the ones that fit
        at the narrowest too have no class, the others ``w`` (shown on wide pages only)."""
        marks = time_ticks(self.start, self.end, max(2, int(WIDE // 70)))
        unit = tick_unit(marks)
        items = [(self.f(d), text) for d, text in marks]  # thinned with the year written: the widest labels
        wide = thinned(items, WIDE)
        narrow = {wide[i] for i in thinned([items[i] for i in wide], NARROW)}
        out = []
        last_wide = last_narrow = None
        for i in wide:
            d = marks[i][0]
            on_wide = unit == "y" or d.year != last_wide
            on_narrow = i in narrow and (unit == "y" or d.year != last_narrow)
            last_wide = d.year
            if i in narrow:
                last_narrow = d.year
            text = _e(_label(d, unit, on_wide))
            if on_narrow and not on_wide:  # the year where a phone's labels need it, not a desktop's
                text = f'{_e(_label(d, unit, False))}<tspan class="yn"> {d.year}</tspan>'
            out.append((items[i][0], text, "" if i in narrow else "w"))
        return out


# --- the chart ----------------------------------------------------------------------------

def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def chart(points: list[dict], *, label: str, unit: str, lines: bool, band: tuple | None) -> str:
    """The chart for one quantity. ``points``: dicts with ``id`` (the page's short ids of the
    claims the mark stands for, space-separated: one statement repeated by several
    articles is one mark), ``day`` (date or None),
    ``rep``, ``low``, ``high``, ``colour``, ``shape``, ``voice``, ``title``, ``kind`` (the
    conflict kind it takes part in, or ""), ``slip`` (a suggestion such as "12 → 12,000?",
    or None), ``line`` (whether it joins its speaker's line). ``lines``: join each speaker's
    dated figures in date order (running totals: the updates). ``band``: the latest moment's
    (day, low, best, high), drawn as a bar."""
    axis = ValueAxis([v for p in points for v in (p["rep"], p["low"], p["high"])])
    dated = [p for p in points if p["day"] is not None]
    undated = [p for p in points if p["day"] is None]
    time = TimeAxis([p["day"] for p in dated])
    y = axis.y
    # the value axis: its own column
    ax = [f'<svg class="yax" width="100%" height="{H}" aria-hidden="true">']
    for t in axis.ticks:
        ax.append(f'<text x="100%" dx="-6" y="{y(t) + 4:.0f}">{_e(short_number(t))}</text>')
    if axis.log:
        ax.append(f'<text x="100%" dx="-6" y="{H - 6}" class="u">log</text>')
    ax.append(f'<text x="100%" dx="-6" y="{H - BOTTOM + 17}" class="u">{_e(unit)}</text></svg>')
    grid = "".join(f'<line x2="100%" y1="{y(t):.0f}" y2="{y(t):.0f}" class="g"/>' for t in axis.ticks)
    base = f'<line x2="100%" y1="{H - BOTTOM}" y2="{H - BOTTOM}" class="b"/>'
    # the plot
    pl = [f'<svg class="plot" width="100%" height="{H}" role="img" aria-label="{_e(label)}">{grid}{base}']
    if dated:
        for f, text, cls in time.ticks():
            pl.append(f'<text x="{f:.1%}" y="{H - BOTTOM + 17}" class="t{" " + cls if cls else ""}">{text}</text>')  # escaped above
    if band and band[0] is not None and dated:
        day, lo, best, hi = band
        fx = f"{time.f(day):.1%}"
        pl.append(f'<g class="band"><title>{_e("latest moment: low " + short_number(lo) + ", best " + short_number(best) + ", high " + short_number(hi))}</title>'
                  f'<line x1="{fx}" x2="{fx}" y1="{y(hi) - 3:.0f}" y2="{y(lo) + 3:.0f}"/><use href="#best" x="{fx}" y="{y(best):.0f}"/></g>')
    if lines:
        series: dict[str, list[dict]] = defaultdict(list)
        for p in dated:
            if p["line"]:
                series[p["voice"]].append(p)
        for voice in sorted(series):
            ps = sorted(series[voice], key=lambda p: (p["day"], p["rep"]))
            if len({p["day"] for p in ps}) < 2:
                continue
            for a, b in zip(ps, ps[1:]):
                if a["day"] == b["day"]:
                    continue
                pl.append(f'<line x1="{time.f(a["day"]):.1%}" y1="{y(a["rep"]):.0f}" x2="{time.f(b["day"]):.1%}" '
                          f'y2="{y(b["rep"]):.0f}" class="run c{a["colour"]}"/>')
    plot_notes: list = []
    lane_notes: list = []
    if not dated:  # no figure has a date: the plot itself is the undated lane
        pl.append(f'<text x="50%" y="{H - BOTTOM + 17}" class="t">no date</text>')
        pl.append(_marks(undated, lambda p: "50%", y, lambda p: None, False, plot_notes))
        undated = []
    pl.append(_marks(dated, lambda p: f"{time.f(p['day']):.1%}", y, lambda p: p["day"], False, plot_notes))
    if undated:
        lane_marks = _marks(undated, lambda p: "50%", y, lambda p: None, True, lane_notes)
    placed = _place_notes(plot_notes, lane_notes)
    pl.append(placed[0])
    pl.append("</svg>")
    parts = ["".join(ax), "".join(pl)]
    if undated:
        lane = [f'<svg class="lane" width="100%" height="{H}" aria-label="figures with no date">{grid}{base}'
                f'<text x="50%" y="{H - BOTTOM + 17}" class="t">no date</text>']
        lane.append(lane_marks + placed[1])
        lane.append("</svg>")
        parts.append("".join(lane))
    return f'<div class="chart{" un" if undated else ""}">{"".join(parts)}</div>'


NOTE_CHAR = 7.4  # a 12 px bold character, px


def _place_notes(plot: list, lane: list) -> tuple[str, str]:
    """The slip notes ("12 → 12,000?") of the plot and of the undated lane, each beside its
    mark above or below it where it overlaps no other note; a note that fits at the widest
    plot only is shown on wide pages only (class ``w``), one that does not fit at all is left
    out (the conflict list says it)."""
    boxes: dict[int, list] = {WIDE: [], NARROW: []}
    out: tuple[list[str], list[str]] = ([], [])

    def box(x: float, y: float, w: float, right: bool) -> tuple:
        return (x - 9 - w, y - 11, x - 9, y + 3) if right else (x + 9, y - 11, x + 9 + w, y + 3)

    def free(b: tuple, width: int) -> bool:
        if b[0] < -AXIS_W + 40 or b[2] > width + LANE_W or b[1] < 0 or b[3] > H - BOTTOM + 2:
            return False
        return all(b[2] <= o[0] or o[2] <= b[0] or b[3] <= o[1] or o[3] <= b[1] for o in boxes[width])

    items = [(p, px, dx, yy, False) for p, px, dx, yy in plot] + [(p, px, dx, yy, True) for p, px, dx, yy in lane]
    for p, px, dx, yy, in_lane in sorted(items, key=lambda t: (t[4], t[3], t[0]["id"])):
        w = len(p["slip"]) * NOTE_CHAR
        f = float(px[:-1]) / 100
        right = in_lane or f > 0.6
        for dy in (-8, 18, -22, 32, -36, 46):
            spots = {width: box((width + LANE_W / 2 if in_lane else f * width) + dx, yy + dy, w, right) for width in (WIDE, NARROW)}
            if free(spots[WIDE], WIDE):
                break
        else:
            continue
        boxes[WIDE].append(spots[WIDE])
        narrow = free(spots[NARROW], NARROW)
        if narrow:
            boxes[NARROW].append(spots[NARROW])
        out[in_lane].append(f'<text class="slip-note{"" if narrow else " w"}" x="{px}" y="{yy + dy:.0f}" dx="{(-9 if right else 9) + dx:g}" '
                            f'text-anchor="{"end" if right else "start"}">{_e(p["slip"])}</text>')
    return "".join(out[0]), "".join(out[1])


def _marks(points: list[dict], x, y, slot, lane: bool, notes: list) -> str:
    """One mark per figure; figures of one day side by side a few pixels apart. The figures
    with a slip note go to ``notes`` (point, x, shift in px, y)."""
    out = []
    by_slot: dict[object, list[dict]] = defaultdict(list)
    for p in points:
        by_slot[slot(p)].append(p)
    for key in sorted(by_slot, key=lambda k: (k is None, k or dt.date.min)):
        items = sorted(by_slot[key], key=lambda p: (p["rep"], p["id"]))
        n = len(items)
        step = min(7.0, (16.0 if lane else 36.0) / max(n - 1, 1))
        for k, p in enumerate(items):
            dx = 0 if n == 1 else round(-step * (n - 1) / 2 + step * k, 1)
            px = x(p)
            top, bottom = y(p["high"]), y(p["low"]) if p["low"] > 0 else H - BOTTOM
            g = [f'<g class="mark{" x" if p["kind"] else ""} c{p["colour"]}" data-c="{_e(p["id"])}"'
                 + (f' transform="translate({dx:g})"' if dx else "") + ">"
                 + (f'<title>{_e(p["title"])} · {_e(p["kind"] or "scale")}</title>' if p["kind"] or p["slip"] else "")]
            if bottom - top >= 8:  # a bar no taller than the marker is hidden by it
                g.append(f'<line x1="{px}" x2="{px}" y1="{top:.0f}" y2="{bottom:.0f}"/>')
            if not math.isfinite(p["high"]):
                g.append(f'<use href="#up" x="{px}" y="{TOP}"/>')  # no upper end: an arrow
            g.append(f'<use href="#m{p["shape"]}" x="{px}" y="{y(p["rep"]):.0f}"/>')
            if p["slip"]:
                notes.append((p, px, dx, y(p["rep"])))
            g.append("</g>")
            out.append("".join(g))
    return "".join(out)
