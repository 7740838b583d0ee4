"""The HTML report: escaping and size without a browser, then a real headless Chromium."""
import datetime as dt
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kursk_claims.cli import app
from kursk_claims.comparing.conflicts import group_claims
from kursk_claims.core.records import Claim
from kursk_claims.io.report import build_report, moment_consensus, safe_url
from kursk_claims.io.report_svg import TimeAxis, ValueAxis, nice_ticks, style_of, time_ticks
from kursk_claims.io.report_text import quantity_label, short_number

from .conftest import ROOT, SEEDS, jsonl

ARTIFACTS = Path(os.environ.get("KURSK_ARTIFACTS", ROOT / "test-artifacts"))
PAYLOAD = ('Officials said <script>window.__pwned = 1</script> at least 300 soldiers were killed, '
           'according to <img src=x onerror="window.__pwned = 2">Reuters. See <a href="javascript:window.__pwned=3">this</a>.')


@pytest.fixture(scope="module")
def seed_claims(tmp_path_factory):
    from typer.testing import CliRunner

    out = CliRunner().invoke(app, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout
    return [Claim.from_dict(d) for d in jsonl(out)]


@pytest.fixture(scope="module")
def dev_claims():
    from typer.testing import CliRunner

    out = CliRunner().invoke(app, ["extract", str(ROOT / "eval" / "dev" / "articles"), "-f", "jsonl", "--no-store"]).stdout
    return [Claim.from_dict(d) for d in jsonl(out)]


@pytest.fixture(scope="module")
def payload_claims():
    from typer.testing import CliRunner

    record = {"id": "evil", "url": "javascript:alert(1)", "publisher": "<b>Evil</b> News", "text": PAYLOAD}
    out = CliRunner().invoke(app, ["extract", "-", "-f", "jsonl", "--no-store"], input=json.dumps(record) + "\n").stdout
    claims = [Claim.from_dict(d) for d in jsonl(out)]
    assert claims, "the payload article must yield a claim"
    return claims


def test_report_escapes_article_text(payload_claims):
    # the payload twice, in two articles: a quantity of two figures, its sentences in a table
    twice = payload_claims + [Claim.from_dict(dict(c.to_dict(), article="evil#2", id=c.id + "-2")) for c in payload_claims]
    page = build_report(twice)
    assert "<script" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
    assert "script&gt;" in page and "&lt;b&gt;Evil&lt;/b&gt; News" in page
    assert 'href="javascript' not in page
    assert "Content-Security-Policy" in page


@pytest.mark.parametrize("url,ok", [("https://example.com/a", True), ("http://x.org", True),
                                    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
                                    ("data:text/html,hi", False), ("seeds/a.txt", False), (None, False)])
def test_report_links_only_http(url, ok):
    assert (safe_url(url) is not None) == ok


TROOPS = "North Korean troops — deployed, at a moment"


def test_report_seeds_has_groups_and_conflicts(seed_claims):
    page = build_report(seed_claims)
    assert f'data-label="{TROOPS}"' in page
    assert "12 → 12,000?" in page
    assert page.count('class="mark') >= 5
    assert "offline" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "[level]" not in page and "(personnel)" not in page  # no internal codes in labels


def test_report_thousand_articles_stay_small(seed_claims):
    many = []
    for k in range(200):  # 1,000 articles: the five seeds two hundred times
        for c in seed_claims:
            many.append(Claim.from_dict(dict(c.to_dict(), article=f"{c.article}#{k}", id=f"{c.id}-{k}")))
    t = time.perf_counter()
    page = build_report(many)
    assert time.perf_counter() - t < 30
    assert len(page.encode()) < 1.5e6  # repeated statements are drawn and listed once


def test_report_cli_writes_file_from_store(runner, in_tmp):
    runner.invoke(app, ["extract", str(SEEDS), "-f", "jsonl"])
    r = runner.invoke(app, ["report", "-o", "r.html"])
    assert r.exit_code == 0, r.output
    assert TROOPS in (in_tmp / "r.html").read_text(encoding="utf-8")


# --- axes, labels, consensus, options --------------------------------------------------------

def test_value_axis_nice_numbers():
    assert nice_ticks(0, 341) == [0, 100, 200, 300, 400]
    assert nice_ticks(0, 6870) == [0, 2000, 4000, 6000, 8000]
    axis = ValueAxis([340, 341])
    labels = [short_number(t) for t in axis.ticks]
    assert len(labels) == len(set(labels)) and axis.ticks[0] == 0  # 340 vs 341 is no visible gap
    for hi in (0.7, 3, 17, 99, 5152, 6870, 123_456, 9e6):
        ticks = ValueAxis([hi / 3, hi]).ticks
        step = ticks[1] - ticks[0]
        assert round(step / 10 ** math.floor(math.log10(step)), 6) in (1, 2, 5), ticks  # 1, 2 or 5 x 10^n apart
        assert all(math.isclose(b - a, step) for a, b in zip(ticks, ticks[1:])) and 4 <= len(ticks) <= 6
    log = ValueAxis([11, 12_000])
    assert log.log and log.ticks == [10, 100, 1000, 10_000, 100_000]


def test_time_axis_steps_with_the_span():
    d = dt.date
    days = time_ticks(d(2024, 12, 17), d(2024, 12, 23), 12)
    assert [t.day for t, _ in days] == list(range(17, 24))
    months = time_ticks(d(2024, 8, 1), d(2025, 6, 30), 12)
    assert all(t.day == 1 for t, _ in months) and len(months) == 11
    years = time_ticks(d(2011, 3, 1), d(2024, 12, 1), 12)
    assert [t.month for t, _ in years] == [1] * len(years) and len(years) <= 12
    axis = TimeAxis([d(2024, 8, 6), d(2024, 8, 20), d(2025, 3, 1)])
    assert axis.f(d(2024, 8, 20)) - axis.f(d(2024, 8, 6)) < 0.1  # two weeks of seven months: close together
    ticks = axis.ticks()
    assert ticks and any(str(y) in text for _, text, _ in ticks for y in (2024, 2025))


def test_quantity_labels_are_plain():
    assert quantity_label(("killed", "North Korea", None, "personnel", "total", None)) == "North Korean troops — killed, running total"
    assert quantity_label(("area:held", "Ukraine", "km2", "*", "level", None)) == "Land held by Ukraine — area in km², at a moment"
    for key in (("share", None, "percent", "*", "level", None), ("killed", "~death", None, "death", "total", None),
                ("deployed", "Russia", None, "shelling", "level", None)):
        label = quantity_label(key)
        assert "?" not in label and "~" not in label and "[" not in label and ":" not in label


def _claim(i, text, value, *, unit=None, speaker="s", attribution="Someone", source="Outlet", as_of="2024-11-04",
           article=None, measure="deployed", counted="troops", subject="North Korea", low=None, high=None, bound="exact"):
    return Claim(id=f"c{i}", article=article or f"a{i}.txt", start=0, end=len(text), text=text, value=value,
                 low=value if low is None else low, high=value if high is None else high, bound=bound, unit=unit,
                 measure=measure, subject=subject, counted=counted, attribution=attribution, speaker=speaker,
                 source=source, as_of=as_of, sentence=f"They said {text} on the day.")


def test_one_unit_per_chart():
    claims = [_claim(1, "100 km²", 100, unit="km2", measure="area", counted=None, subject=None),
              _claim(2, "38.61 square miles", 38.61, unit="sq_mi", measure="area", counted=None, subject=None, speaker="t")]
    page = build_report(claims)
    section = page.split('class="card group')[1]
    assert "38.61 square miles" in section and "in km²" in section  # the wording as written, the figure converted
    assert ">100<" in section and section.count("<td class=n>100<") == 2


def test_consensus_is_the_latest_moment():
    claims = [_claim(1, "1,000", 1000, as_of="2024-10-01", speaker="a"), _claim(2, "9,000", 9000, as_of="2024-10-02", speaker="b"),
              _claim(3, "11,000", 11000, as_of="2024-12-01", speaker="a"), _claim(4, "12,000", 12000, as_of="2024-12-02", speaker="b"),
              _claim(5, "12,000", 12000, as_of="2024-12-02", speaker="b", article="copy.txt")]
    groups, _ = group_claims(claims)
    day, low, best, high, n = moment_consensus(groups[0].entries, set())
    assert (day, low, best, high, n) == (dt.date(2024, 12, 2), 11000, 11500, 12000, 2)  # the copy counted once


def test_speakers_told_apart_beyond_colour():
    styles = {style_of(i) for i in range(70)}
    assert len(styles) == 70  # colour and shape together: no two alike
    claims = [_claim(i, f"{10 + i},000", (10 + i) * 1000, speaker=f"sp{i}", attribution=f"Speaker {i}", as_of=f"2024-11-{i + 1:02d}")
              for i in range(14)]
    page = build_report(claims)
    legend = page.split('<div class="legend">')[1].split("</div>")[0]
    assert all(f"Speaker {i}" in legend for i in range(14))  # a complete legend


def test_no_absolute_path_and_no_file_name_for_an_outlet(tmp_path):
    a = _claim(1, "1,000", 1000, source=None, article=str(tmp_path / "secret-folder" / "x1.txt"), speaker="a")
    b = _claim(2, "9,000", 9000, source=None, article=str(tmp_path / "secret-folder" / "x2.txt"), speaker="b")
    page = build_report([a, b])
    assert "secret-folder" not in page and str(tmp_path) not in page
    assert "unknown outlet" in page and "x1.txt says" not in page and "x1.txt (" not in page


def test_deterministic_whatever_the_hash_seed(tmp_path):
    claims = tmp_path / "c.jsonl"
    claims.write_text((SEEDS.parent / "seeds").exists() and "".join(
        json.dumps(_claim(i, f"{n:,}", n, speaker=f"s{i % 3}", attribution=["NIS", "the NIS", "Pentagon"][i % 3]).to_dict()) + "\n"
        for i, n in enumerate([10000, 11000, 12, 8000, 11000, 12000])), encoding="utf-8")
    pages = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"p{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-m", "kursk_claims", "report", str(claims), "-o", str(out)], env=env, check=True,
                       capture_output=True, timeout=120)
        pages.append(out.read_text(encoding="utf-8"))
    assert pages[0] == pages[1] == pages[2]


def _conflict_count(page: str) -> int:
    return int(re.search(r'id="n-conflicts">([\d,]+)<', page).group(1).replace(",", ""))


@pytest.mark.parametrize("options", [[], ["--max-per-claim", "2"], ["--max-per-claim", "0", "--min-severity", "0.5"],
                                     ["--kind", "scale"]])
def test_page_conflicts_are_the_commands(runner, tmp_path, seed_claims, options):
    claims = tmp_path / "c.jsonl"
    claims.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in seed_claims), encoding="utf-8")
    listed = jsonl(runner.invoke(app, ["conflicts", str(claims), "-f", "jsonl", *options]).stdout)
    r = runner.invoke(app, ["report", str(claims), "-o", str(tmp_path / "r.html"), *options])
    assert r.exit_code == 0, r.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert _conflict_count(page) == len(listed)
    shown = sum(int(n or 1) for n in re.findall(r'data-b="[^"]+"(?: data-n="(\d+)")?', page))
    shown += sum(int(n) for n in re.findall(r'data-more="(\d+)"', page))
    assert shown == len(listed)  # every conflict listed once (folded ones count their pairs), or counted past a cap
    _every_conflict_beside_its_figures(page)


def _every_conflict_beside_its_figures(page: str) -> None:
    for section in page.split('<details class="card group')[1:]:
        section = section.split('<details class="card speaker')[0]
        drawn = {x for ids in re.findall(r'data-c="([^"]+)"', section) for x in ids.split()}
        named = re.findall(r'data-[ab]="([^"]+)"', section)
        assert set(named) <= drawn


def test_confidence_option_applies_when_records_carry_it(monkeypatch, seed_claims):
    import kursk_claims.io.report as report

    real = report.find_conflicts

    def rated(*args, **kwargs):
        found = real(*args, **kwargs)
        for i, c in enumerate(found):
            c.extra["confidence"] = ("high", "medium", "low")[i % 3]
            c.extra["confidence_reasons"] = ["a test reason"]
        return found

    every = _conflict_count(build_report(seed_claims, confidence="low"))
    monkeypatch.setattr(report, "find_conflicts", rated)
    counts = {level: _conflict_count(build_report(seed_claims, confidence=level)) for level in ("high", "medium", "low")}
    assert counts["low"] == every and counts["high"] < counts["medium"] < counts["low"]
    assert "a test reason" in build_report(seed_claims) and "medium confidence" in build_report(seed_claims)
    assert _conflict_count(build_report(seed_claims)) == counts["medium"]  # the default: high and medium


def _many_articles(claims: list[Claim], n: int) -> list[Claim]:
    """``n`` articles: the given ones copied, every figure of a copy given other digits (same
    magnitude), as a corpus of that many articles reads."""
    names = sorted({c.article for c in claims})
    by_article: dict[str, list[Claim]] = {}
    for c in claims:
        by_article.setdefault(c.article, []).append(c)
    rng = random.Random(3)
    out: list[Claim] = []
    k = 0
    while len({c.article for c in out}) < n:
        for name in names:
            if len({c.article for c in out}) >= n:
                break
            for c in by_article[name]:
                d = c.to_dict()
                if k and c.value is not None and c.value >= 10:
                    digits = str(int(c.value))
                    new = int(str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:]))
                    ratio = new / c.value
                    d.update(value=new, low=None if c.low is None else c.low * ratio, high=None if c.high is None else c.high * ratio,
                             text=re.sub(r"\d[\d,.]*\d|\d", f"{new:,}", c.text, count=1))
                out.append(Claim.from_dict(dict(d, article=f"{k}_{name}", id=f"{c.id}-{k}")))
        k += 1
    return out


def test_report_360_articles_under_a_megabyte_and_a_half(dev_claims):
    many = _many_articles(dev_claims, 360)
    t = time.perf_counter()
    page = build_report(many)
    assert time.perf_counter() - t < 20
    size = len(page.encode())
    assert size < 1.5e6, size
    first = page.split("<main>")[0]
    assert "Disputed quantities" in first and 'id="n-conflicts"' in first  # the first screen says what is disputed
    assert page.count("<details class=\"card group") == page.count('data-group="')


# --- in a real browser ----------------------------------------------------------------

def _browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[test]')")
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        pytest.skip("no Chromium on this machine (Debian: apt-get install chromium)")
    return sync_playwright, exe


@pytest.fixture(scope="module")
def browser():
    sync_playwright, exe = _browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"])
        yield b
        b.close()


def _open(browser, path):
    page = browser.new_page(viewport={"width": 1200, "height": 1400})
    errors, dialogs, requests = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url) if not r.url.startswith("file:") else None)
    page.goto(path.as_uri())
    return page, errors, dialogs, requests


def test_report_browser_seeds(browser, seed_claims, tmp_path):
    path = tmp_path / "seeds.html"
    path.write_text(build_report(seed_claims), encoding="utf-8")
    page, errors, dialogs, requests = _open(browser, path)
    assert errors == [] and requests == []
    group = page.locator(f'details.group[data-label="{TROOPS}"]')
    assert group.count() == 1
    marks = group.locator("svg g.mark")
    assert marks.count() >= 5
    assert group.locator("svg g.mark.x").count() >= 4
    notes = group.locator("svg text.slip-note").all_text_contents()
    assert "12 → 12,000?" in notes and "11 → 11,000?" in notes
    assert group.locator(".legend > span").count() == len(set(group.locator(".legend > span").all_text_contents()))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    group.screenshot(path=str(ARTIFACTS / "report-seeds-troops.png"))
    page.screenshot(path=str(ARTIFACTS / "report-seeds.png"), full_page=True)
    assert (ARTIFACTS / "report-seeds.png").stat().st_size > 10_000


_OVERLAPS = """() => {
  const boxes = sel => [...document.querySelectorAll(sel)].map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const bad = [];
  let labels = 0;
  for (const chart of document.querySelectorAll('.chart')) {
    for (const sel of ['svg.plot text.t', 'svg.yax text', 'text.slip-note']) {
      const els = [...chart.querySelectorAll(sel)].filter(e => e.getBoundingClientRect().width > 0);
      labels += els.length;
      for (let i = 0; i < els.length; i++) for (let j = i + 1; j < els.length; j++)
        if (hit(els[i].getBoundingClientRect(), els[j].getBoundingClientRect())) bad.push(els[i].textContent + ' / ' + els[j].textContent);
    }
  }
  return {bad, labels};
}"""


@pytest.mark.parametrize("width", [1280, 390])
def test_report_browser_labels_never_overlap_and_nothing_spills(browser, dev_claims, tmp_path, width):
    path = tmp_path / "dev.html"
    path.write_text(build_report(dev_claims), encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(path.as_uri())
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    found = page.evaluate(_OVERLAPS)
    assert found["labels"] > 100 and found["bad"] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # tables scroll inside their cards
    sizes = page.evaluate("[...document.querySelectorAll('svg.plot text.t, svg.yax text')].filter(e => e.getBoundingClientRect().width > 0)"
                          ".map(e => e.getBoundingClientRect().height)")
    assert min(sizes) >= 10  # chart text stays legible at phone width: the plot stretches, its text does not shrink
    if width == 390:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report-dev-390.png"))
    page.close()


def test_report_browser_runs_nothing_from_an_article(browser, payload_claims, tmp_path):
    path = tmp_path / "evil.html"
    path.write_text(build_report(payload_claims), encoding="utf-8")
    page, errors, dialogs, requests = _open(browser, path)
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == [] and requests == []
    assert "Evil</b> News" in page.locator("tr.art").first.inner_text()
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert not any(h and h.lower().startswith("javascript") for h in hrefs)


def test_report_browser_thousand_articles_open_fast(browser, seed_claims, tmp_path):
    many = [Claim.from_dict(dict(c.to_dict(), article=f"{c.article}#{k}", id=f"{c.id}-{k}"))
            for k in range(200) for c in seed_claims]
    path = tmp_path / "big.html"
    path.write_text(build_report(many), encoding="utf-8")
    t = time.perf_counter()
    page, errors, _, _ = _open(browser, path)
    page.wait_for_load_state("load")
    assert time.perf_counter() - t < 15
    assert errors == []
    assert page.locator("tr.art").count() == 1000


def test_report_one_section_per_speaker():
    def c(i, text, value, attribution, speaker, source):
        return Claim(id=f"r{i}", article=f"a{i}.txt", start=0, end=len(text), text=text, value=value, low=value,
                     high=value, measure="deployed", subject="North Korea", counted="troops", attribution=attribution,
                     speaker=speaker, source=source, as_of="2024-11-04")
    claims = [c(1, "11,000", 11000, "the NIS", "nis", "Outlet A"),
              c(2, "11,000", 11000, "South Korea's National Intelligence Service", "nis", "Outlet B"),
              c(3, "8,000", 8000, "Pentagon", "pentagon", "Outlet C")]
    page = build_report(claims)
    assert page.count('<details class="card speaker"') == 2  # two spellings of the NIS, one speaker
    assert "written as: South Korea&#x27;s National Intelligence Service; the NIS" in page
    nis_anchor = page.split('<details class="card speaker" id="')[1].split('"')[0]
    assert page.count(f'href="#{nis_anchor}"') >= 2  # the contents and the quantity's table link to it
