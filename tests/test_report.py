"""The HTML report: escaping and size without a browser, then a real headless Chromium."""
import json
import os
import shutil
import time
from pathlib import Path

import pytest

from kursk_claims.cli import app
from kursk_claims.core.records import Claim
from kursk_claims.io.report import build_report, safe_url

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
def payload_claims():
    from typer.testing import CliRunner

    record = {"id": "evil", "url": "javascript:alert(1)", "publisher": "<b>Evil</b> News", "text": PAYLOAD}
    out = CliRunner().invoke(app, ["extract", "-", "-f", "jsonl", "--no-store"], input=json.dumps(record) + "\n").stdout
    claims = [Claim.from_dict(d) for d in jsonl(out)]
    assert claims, "the payload article must yield a claim"
    return claims


def test_report_escapes_article_text(payload_claims):
    page = build_report(payload_claims)
    assert "<script" not in page and "onerror=" not in page.replace("onerror=&quot;", "")
    assert "&lt;script&gt;" in page
    assert 'href="javascript' not in page
    assert "Content-Security-Policy" in page


@pytest.mark.parametrize("url,ok", [("https://example.com/a", True), ("http://x.org", True),
                                    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
                                    ("data:text/html,hi", False), ("seeds/a.txt", False), (None, False)])
def test_report_links_only_http(url, ok):
    assert (safe_url(url) is not None) == ok


def test_report_seeds_has_groups_and_conflicts(seed_claims):
    page = build_report(seed_claims)
    assert 'data-label="North Korea deployed (personnel) [level]"' in page
    assert "12 → 12,000?" in page
    assert page.count('class="mark') >= len([c for c in seed_claims if c.measure == "deployed"])
    assert "offline" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_thousand_articles_stay_small(seed_claims):
    many = []
    for k in range(200):  # 1,000 articles: the five seeds two hundred times
        for c in seed_claims:
            many.append(Claim.from_dict(dict(c.to_dict(), article=f"{c.article}#{k}", id=f"{c.id}-{k}")))
    t = time.perf_counter()
    page = build_report(many)
    assert time.perf_counter() - t < 30
    assert len(page.encode()) < 5e6


def test_report_cli_writes_file_from_store(runner, in_tmp):
    runner.invoke(app, ["extract", str(SEEDS), "-f", "jsonl"])
    r = runner.invoke(app, ["report", "-o", "r.html"])
    assert r.exit_code == 0, r.output
    assert "North Korea deployed" in (in_tmp / "r.html").read_text(encoding="utf-8")


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
    group = page.locator('section.group[data-label="North Korea deployed (personnel) [level]"]')
    assert group.count() == 1
    rows = group.locator("table tr").count() - 1
    marks = group.locator("svg g.mark")
    assert marks.count() == rows >= 7
    assert group.locator('svg g.mark[data-kind="scale"]').count() >= 2
    notes = group.locator("svg text.slip-note").all_text_contents()
    assert "12 → 12,000?" in notes and "11 → 11,000?" in notes
    casualties = page.locator('section.group[data-label="Russia casualties (personnel) [running total]"]')
    assert casualties.locator('svg g.mark[data-kind="bound"]').count() >= 2
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    group.screenshot(path=str(ARTIFACTS / "report-seeds-troops.png"))
    page.screenshot(path=str(ARTIFACTS / "report-seeds.png"), full_page=True)
    assert (ARTIFACTS / "report-seeds.png").stat().st_size > 10_000


def test_report_browser_runs_nothing_from_an_article(browser, payload_claims, tmp_path):
    path = tmp_path / "evil.html"
    path.write_text(build_report(payload_claims), encoding="utf-8")
    page, errors, dialogs, requests = _open(browser, path)
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == [] and requests == []
    assert "<script>window.__pwned = 1</script>" in page.locator("section.article").first.inner_text()
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
    assert page.locator("section.article").count() == 1000


def test_report_one_section_and_colour_per_speaker():
    def c(i, text, value, attribution, speaker, source):
        return Claim(id=f"r{i}", article=f"a{i}.txt", start=0, end=len(text), text=text, value=value, low=value,
                     high=value, measure="deployed", subject="North Korea", counted="troops", attribution=attribution,
                     speaker=speaker, source=source, as_of="2024-11-04")
    claims = [c(1, "11,000", 11000, "the NIS", "nis", "Outlet A"),
              c(2, "11,000", 11000, "South Korea's National Intelligence Service", "nis", "Outlet B"),
              c(3, "8,000", 8000, "Pentagon", "pentagon", "Outlet C")]
    page = build_report(claims)
    assert page.count('<section class="speaker"') == 2  # two spellings of the NIS, one speaker
    assert "written as: South Korea&#x27;s National Intelligence Service; the NIS" in page
    nis_anchor = page.split('<section class="speaker" id="')[1].split('"')[0]
    assert page.count(f'href="#{nis_anchor}"') >= 3  # the legend and both rows of the quantity link to it
