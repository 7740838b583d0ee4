#!/usr/bin/env python3
"""The report's screenshots in docs/: the first screen of the seeds, the Kursk development
corpus and the wars corpus pages at 1280 and 390 px wide, and the seeds' troop chart.

    .venv/bin/python docs/make_screenshots.py

Needs Playwright and Debian's chromium (as the browser tests do); the PNGs are reduced to a
small palette to stay small.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

CORPORA = {"seeds": ROOT / "seeds", "dev": ROOT / "eval" / "dev" / "articles", "wars": ROOT / "eval" / "wars" / "articles"}
TITLES = {"seeds": "The five seed articles", "dev": "Kursk: 36 articles", "wars": "Three wars: 45 articles"}


def claims_of(folder: Path) -> list:
    from typer.testing import CliRunner

    from kursk_claims.cli import app
    from kursk_claims.core.records import read_claims_jsonl

    out = CliRunner().invoke(app, ["extract", str(folder.relative_to(ROOT)), "-f", "jsonl", "--no-store"]).stdout
    return read_claims_jsonl(out.splitlines(), str(folder))


def small_png(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as im:
        im.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def main() -> None:
    import os

    from playwright.sync_api import sync_playwright

    from kursk_claims.io.report import build_report

    os.chdir(ROOT)  # article names as a user in the repository gives them
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        for name, folder in CORPORA.items():
            page_file = Path(tmp) / f"{name}.html"
            page_file.write_text(build_report(claims_of(folder), title=TITLES[name]), encoding="utf-8")
            for width, height in ((1280, 860), (390, 844)):
                page = browser.new_page(viewport={"width": width, "height": height})
                page.goto(page_file.as_uri())
                out = ROOT / "docs" / f"report-{name}-{width}.png"
                page.screenshot(path=str(out))
                small_png(out)
                if name == "seeds" and width == 1280:
                    chart = page.locator("details.group").first
                    chart.screenshot(path=str(ROOT / "docs" / "report-seeds-troops.png"))
                    small_png(ROOT / "docs" / "report-seeds-troops.png")
                page.close()
        browser.close()


if __name__ == "__main__":
    main()
