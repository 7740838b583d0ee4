"""What the help says (exit statuses, placeholders, brackets) and what a narrow table keeps."""
import json
import re

import pytest

from .conftest import SEEDS, jsonl
from .test_hostile import invoke

# --- exit statuses ---------------------------------------------------------------------------

def test_conflicts_check_tells_an_error_from_conflicts_found(runner, in_tmp):
    claims = invoke(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout
    (in_tmp / "claims.jsonl").write_text(claims)
    (in_tmp / "calm.jsonl").write_text("")
    (in_tmp / "bad.jsonl").write_text("not json\n")
    assert invoke(runner, ["conflicts", "claims.jsonl", "--check", "-f", "jsonl"]).exit_code == 1  # conflicts found
    assert invoke(runner, ["conflicts", "calm.jsonl", "--check", "-f", "jsonl"]).exit_code == 0  # none
    for args in (["bad.jsonl"], ["missing.jsonl"], [], ["--db", "nowhere.db"]):  # errors: 2, as diff and grep say them
        r = invoke(runner, ["conflicts", *args, "--check", "-f", "jsonl"])
        assert r.exit_code == 2 and "Error:" in r.stderr, (args, r.stderr)
    assert invoke(runner, ["conflicts", "bad.jsonl", "-f", "jsonl"]).exit_code == 1  # without --check, as before


@pytest.mark.parametrize("command", ["extract", "conflicts", "report", "show"])
def test_each_command_says_its_exit_statuses(runner, command):
    text = " ".join(invoke(runner, [command, "--help"], input=None).stdout.split())
    assert "Exit status: 0" in text and "2 a wrong option" in text
    if command == "conflicts":
        assert "With --check, as diff and grep do: 0 no conflict found, 1 conflicts found, 2 an error." in text


# --- the help text -----------------------------------------------------------------------------

@pytest.mark.parametrize("command", ["extract", "conflicts", "report", "show"])
def test_help_names_what_each_option_takes(runner, command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    text = invoke(runner, [command, "--help"], input=None).stdout
    assert not re.search(r"<(list\[)?(str|int|float|int range|float range|path)\]?>", text), text
    for line in text.splitlines():
        m = re.match(r"│ (--[a-z-]+)\s+(-[a-z]\s+)?(\S+)?", line)
        if m and m.group(1) not in ("--help", "--refresh", "--no-store", "--check", "--explain", "--open"):
            assert m.group(3) and not m.group(3).startswith("<"), line  # FILE, URL, N, DATE...


def test_help_keeps_its_brackets(runner, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert "pip install 'kursk-claims[dask]'" in invoke(runner, ["extract", "--help"], input=None).stdout
    assert "as [[figure]] when piped" in invoke(runner, ["show", "--help"], input=None).stdout


# --- a narrow conflicts table ----------------------------------------------------------------

def test_an_80_column_conflicts_table_cuts_no_figure_and_no_article(runner, in_tmp, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    claims = jsonl(invoke(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout)
    (in_tmp / "claims.jsonl").write_text("\n".join(json.dumps(c) for c in claims) + "\n")
    table = invoke(runner, ["conflicts", "claims.jsonl", "-f", "table"]).stdout
    lines = table.splitlines()
    assert lines and max(len(line) for line in lines) <= 80
    assert "…" not in table
    rows: list[list[str]] = []  # each row's cells, the lines of a cell joined
    for line in lines:
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if cells[0]:
            rows.append(cells)
        else:
            rows[-1] = [a + (" " if i in (1, 2) and a and b else "") + b for i, (a, b) in enumerate(zip(rows[-1], cells))]
    assert rows
    by_article = {c["article"] for c in claims}
    figures = {c["text"] for c in claims}
    for row in rows:
        assert row[5] in by_article, row  # the article's name all there
        assert row[1] in figures, row  # the figure whole
    assert "an estimated 10,000–12,000" in {row[1] for row in rows}
