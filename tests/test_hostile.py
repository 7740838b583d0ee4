"""Hostile input and odd surroundings: each case ends in one clear line, never a traceback, and
the good articles of the same run are still printed and stored."""
import csv
import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest

from kursk_claims.cli import app
from kursk_claims.io.output import RecordWriter

from .conftest import SEEDS, jsonl

ARTICLE = "Officials said at least 300 soldiers were killed, according to Reuters.\n"
OTHER = "The ministry said about 12,000 troops had been deployed.\n"
CLAIM = {"id": "c1", "article": "a.txt", "start": 0, "end": 6, "text": "11,000", "value": 11000, "low": 11000,
         "high": 11000, "bound": "exact", "measure": "deployed", "counted": "troops"}


def invoke(runner, args, input=None):
    """Run the CLI; an exception that escaped it (a traceback for a user) fails the test."""
    r = runner.invoke(app, args, input=input)
    assert r.exception is None or isinstance(r.exception, SystemExit), f"uncaught {r.exception!r}"
    assert "Traceback" not in r.stderr
    return r


def one_line(stderr: str, *words: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "nothing said on stderr"
    assert any(all(w in line for w in words) for line in lines), stderr


def stored(db="kursk-claims.db") -> dict[str, int]:
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rows = dict(conn.execute("SELECT a.article, count(c.id) FROM articles a LEFT JOIN claims c USING (article) GROUP BY a.article"))
    conn.close()
    return rows


def claims_file(path, records) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


# --- the nine tracebacks -----------------------------------------------------------------

def test_hostile_1_article_over_the_length_limit_is_read_in_pieces(runner, in_tmp, monkeypatch):
    from kursk_claims.run import extract
    from kursk_claims.pipeline import components as pipeline

    monkeypatch.setattr(pipeline, "MAX_ARTICLE_CHARS", 0)  # spaCy's own limit: 1,000,000 characters
    monkeypatch.setattr(extract, "CHUNK_CHARS", 50_000)
    filler = "A paragraph without any figures in it, said the report once more.\n\n" * 7_500
    long_text = OTHER + "\n" + filler + ARTICLE + filler + "Later, up to 40 villages were shelled.\n"
    assert len(long_text) > 1_000_000
    (in_tmp / "long.txt").write_text(long_text, encoding="utf-8")
    (in_tmp / "good.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke(runner, ["extract", "long.txt", "good.txt", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    rows = jsonl(r.stdout)
    long_rows = [row for row in rows if row["article"] == "long.txt"]
    assert [row["text"] for row in long_rows] == ["about 12,000", "at least 300", "up to 40"]
    for row in long_rows:  # offsets into the whole text, not into a piece
        assert long_text[row["start"]:row["end"]] == row["text"]
        assert row["text"] in row["sentence"]
    assert stored() == {"long.txt": 3, "good.txt": 1}
    in_pool = invoke(runner, ["extract", "long.txt", "good.txt", "-f", "jsonl", "--no-store", "--workers", "2"])
    assert in_pool.exit_code == 0 and jsonl(in_pool.stdout) == rows


def test_hostile_1_pieces_are_cut_between_paragraphs():
    from kursk_claims.run.extract import chunks

    text = "".join(f"Paragraph {i} says about {i} things.\n\n" for i in range(2000))
    pieces = list(chunks(text, 1000))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 1000 and p.endswith("\n\n") for _, p in pieces[:-1])
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert [len(p) for _, p in chunks("x" * 2500, 1000)] == [1000, 1000, 500]  # no seam at all: cut anyway


def test_hostile_2_deeply_nested_json(runner, in_tmp):
    (in_tmp / "articles.jsonl").write_text("[" * 200_000 + "\n" + json.dumps({"id": "ok", "text": ARTICLE}) + "\n",
                                           encoding="utf-8")
    r = invoke(runner, ["extract", "articles.jsonl", "-f", "jsonl"])
    assert r.exit_code == 1
    one_line(r.stderr, "articles.jsonl:1", "nested too deeply")
    assert [row["article"] for row in jsonl(r.stdout)] == ["ok"] and stored() == {"ok": 1}
    (in_tmp / "claims.jsonl").write_text("{\"a\":" * 100_000 + "\n", encoding="utf-8")
    for cmd in (["conflicts", "claims.jsonl"], ["report", "claims.jsonl"]):
        r = invoke(runner, cmd)
        assert r.exit_code == 1
        one_line(r.stderr, "claims.jsonl:1", "nested too deeply")


def test_hostile_3_bytes_that_are_not_utf8_on_standard_input(runner, in_tmp):
    latin1 = "Le ministère a déclaré 300 soldats.".encode("latin-1")
    r = invoke(runner, ["extract", "-", "-f", "jsonl"], input=latin1)
    assert r.exit_code == 1
    one_line(r.stderr, "<stdin>", "not UTF-8")
    r = invoke(runner, ["extract", "-", str(SEEDS / "000_db963692a6978a21.txt"), "-f", "jsonl"], input=sys.executable.encode() + b"\xff\xfe\x00")
    assert r.exit_code == 1 and jsonl(r.stdout)  # the good article is still read
    for cmd in (["conflicts", "-f", "jsonl"], ["report"]):
        r = invoke(runner, cmd, input=json.dumps(CLAIM).encode() + b"\n\xe9\xff\n")
        assert r.exit_code == 1
        one_line(r.stderr, "<stdin>", "not UTF-8")
    # a JSON escape that is no character (a lone surrogate) never reaches the output
    (in_tmp / "c.jsonl").write_text(json.dumps(dict(CLAIM, text="\ud800")) + "\n", encoding="utf-8")
    r = invoke(runner, ["conflicts", "c.jsonl", "-f", "jsonl"])
    assert r.exit_code == 1
    one_line(r.stderr, "c.jsonl:1", "surrogate")
    r = invoke(runner, ["extract", "-", "-f", "jsonl"], input=json.dumps({"id": "x", "text": "12 \ud800 tanks"}) + "\n")
    assert r.exit_code == 1
    one_line(r.stderr, "<stdin>:1", "surrogate")


@pytest.mark.parametrize("cmd", ["conflicts", "report"])
def test_hostile_4_claim_with_article_null(runner, in_tmp, cmd):
    claims_file(in_tmp / "c.jsonl", [CLAIM, dict(CLAIM, id="c2", article=None)])
    r = invoke(runner, [cmd, "c.jsonl"])
    assert r.exit_code == 1
    one_line(r.stderr, "c.jsonl:2", "'article'")


@pytest.mark.parametrize("cmd", ["conflicts", "report"])
def test_hostile_5_claim_with_a_400_digit_value(runner, in_tmp, cmd):
    (in_tmp / "c.jsonl").write_text(json.dumps(CLAIM) + "\n" + json.dumps(dict(CLAIM, id="c2"))[:-1]
                                    + ', "value": ' + "9" * 400 + "}\n", encoding="utf-8")
    r = invoke(runner, [cmd, "c.jsonl"])
    assert r.exit_code == 1
    one_line(r.stderr, "c.jsonl:2", "'value'", "finite")


def test_hostile_6_claims_table_with_a_column_of_the_users_own(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert invoke(runner, ["extract", "a.txt", "-f", "jsonl"]).exit_code == 0
    conn = sqlite3.connect("kursk-claims.db")
    conn.execute("ALTER TABLE claims ADD COLUMN note TEXT")
    conn.execute("UPDATE claims SET note = 'checked'")
    conn.commit()
    conn.close()
    (in_tmp / "b.txt").write_text(OTHER, encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "b.txt", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert stored() == {"a.txt": 1, "b.txt": 1}
    conn = sqlite3.connect("kursk-claims.db")
    assert conn.execute("SELECT note FROM claims WHERE article = 'a.txt'").fetchone() == ("checked",)  # a.txt unchanged: kept
    assert invoke(runner, ["conflicts", "-f", "jsonl"], input=None).exit_code == 0


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_hostile_7_output_to_a_full_disk(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "-o", "/dev/full"])
    assert r.exit_code == 1
    one_line(r.stderr, "/dev/full", "No space left")
    claims_file(in_tmp / "c.jsonl", [CLAIM, dict(CLAIM, id="c2", article="b.txt", text="11", value=11, low=11, high=11)])
    r = invoke(runner, ["conflicts", "c.jsonl", "-o", "/dev/full"])
    assert r.exit_code == 1
    one_line(r.stderr, "/dev/full", "No space left")
    with open("/dev/full", "w") as full:  # standard output on a full disk, from outside
        p = subprocess.run([sys.executable, "-m", "kursk_claims", "extract", "a.txt", "--no-store", "-f", "jsonl"],
                           stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert p.returncode == 1 and "Traceback" not in p.stderr and "Exception ignored" not in p.stderr
    one_line(p.stderr, "standard output", "No space left")


def test_hostile_8_reading_the_store_writes_nothing(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE + OTHER, encoding="utf-8")
    assert invoke(runner, ["extract", "a.txt", "-f", "jsonl"]).exit_code == 0
    conn = sqlite3.connect("kursk-claims.db")
    conn.execute("PRAGMA journal_mode=DELETE")  # as another program may leave it
    conn.close()
    before = (in_tmp / "kursk-claims.db").read_bytes()
    os.chmod("kursk-claims.db", 0o444)
    out = in_tmp / "out"
    out.mkdir()
    r = invoke(runner, ["conflicts", "-f", "jsonl", "-o", str(out / "c.jsonl")])
    assert r.exit_code == 0, r.stderr
    r = invoke(runner, ["report", "-o", str(out / "r.html")])
    assert r.exit_code == 0 and "2 claims" in r.stderr
    assert (in_tmp / "kursk-claims.db").read_bytes() == before  # no WAL switch, no CREATE
    assert sorted(p.name for p in in_tmp.iterdir()) == ["a.txt", "kursk-claims.db", "out"]
    conn = sqlite3.connect("kursk-claims.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    # an empty database file read before anything was stored: no claims, and still empty
    (in_tmp / "empty.db").write_bytes(b"")
    r = invoke(runner, ["conflicts", "--db", "empty.db", "-f", "jsonl"])
    assert r.exit_code == 0 and r.stdout == "" and (in_tmp / "empty.db").read_bytes() == b""


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write any file: needs a user account")
def test_hostile_8_a_store_in_a_folder_the_user_may_not_write(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    folder = in_tmp / "ro"
    folder.mkdir()
    assert invoke(runner, ["extract", "a.txt", "--db", str(folder / "s.db"), "-f", "jsonl"]).exit_code == 0
    os.chmod(folder / "s.db", 0o444)
    os.chmod(folder, 0o555)
    try:
        r = invoke(runner, ["conflicts", "--db", str(folder / "s.db"), "-f", "jsonl"])
        assert r.exit_code == 0, r.stderr
    finally:
        os.chmod(folder, 0o755)


@pytest.mark.parametrize("schema", ["CREATE TABLE claims (x TEXT, y INTEGER)", "CREATE TABLE users (name TEXT)"])
def test_hostile_9_another_tools_sqlite_file_is_left_untouched(runner, in_tmp, schema):
    conn = sqlite3.connect("other.db")
    conn.execute(schema)
    conn.commit()
    conn.close()
    before = (in_tmp / "other.db").read_bytes()
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "--db", "other.db", "-f", "jsonl"])
    assert r.exit_code == 1
    one_line(r.stderr, "other.db", "another tool")
    assert (in_tmp / "other.db").read_bytes() == before
    assert not (in_tmp / "other.db-wal").exists()
    r = invoke(runner, ["conflicts", "--db", "other.db", "-f", "jsonl"])
    assert r.exit_code == 1 and (in_tmp / "other.db").read_bytes() == before


# --- silent surprises --------------------------------------------------------------------

def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kursk_claims", *args]


def test_surprise_an_empty_pipe_is_the_input(runner, in_tmp):
    claims_file(in_tmp / "c.jsonl", [CLAIM, dict(CLAIM, id="c2", article="b.txt", text="11", value=11, low=11, high=11)])
    r = invoke(runner, ["conflicts", "c.jsonl", "-f", "jsonl"])
    assert jsonl(r.stdout)  # these two conflict
    assert invoke(runner, ["extract", str(SEEDS), "-f", "jsonl"]).exit_code == 0  # a store with conflicts
    empty = subprocess.run(_cli("conflicts", "-f", "jsonl"), cwd=in_tmp, input=b"", capture_output=True, timeout=120)
    assert empty.returncode == 0 and empty.stdout == b""  # not the store's conflicts
    assert b"no claims on standard input" in empty.stderr
    page = subprocess.run(_cli("report", "-o", "empty.html"), cwd=in_tmp, input=b"", capture_output=True, timeout=120)
    assert page.returncode == 0 and b"0 claims" in page.stderr and b"no claims on standard input" in page.stderr
    with open(os.devnull) as devnull:  # no input at all (cron): the store
        p = subprocess.run(_cli("conflicts", "-f", "jsonl"), cwd=in_tmp, stdin=devnull, capture_output=True, timeout=120)
    assert p.returncode == 0 and len(p.stdout.splitlines()) > 5


def test_surprise_duplicate_article_ids_are_said_and_kept(runner, in_tmp):
    records = [{"id": "x", "text": ARTICLE}, {"id": "x", "text": OTHER}, {"id": "x", "text": ARTICLE}]
    (in_tmp / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    r = invoke(runner, ["extract", "a.jsonl", "-f", "jsonl"])
    assert r.exit_code == 0
    one_line(r.stderr, "x", "second, different article", "x#2")
    one_line(r.stderr, "x", "given twice")
    assert [(row["article"], row["text"]) for row in jsonl(r.stdout)] == [("x", "at least 300"), ("x#2", "about 12,000")]
    assert stored() == {"x": 1, "x#2": 1}


@pytest.mark.parametrize("bad, words", [
    ({"low": 500, "high": 100}, ["'low'", "above 'high'"]),
    ({"value": float("nan")}, ["'value'", "finite"]),
    ({"high": float("inf")}, ["'high'", "finite"]),
    ({"low": float("-inf")}, ["'low'", "finite"]),
])
def test_surprise_impossible_claims_are_refused(runner, in_tmp, bad, words):
    claims_file(in_tmp / "c.jsonl", [CLAIM, dict(CLAIM, id="c2", **bad)])  # json writes NaN and Infinity
    for cmd in ("conflicts", "report"):
        r = invoke(runner, [cmd, "c.jsonl"])
        assert r.exit_code == 1
        one_line(r.stderr, "c.jsonl:2", *words)


def test_surprise_exact_duplicate_claims_count_once(runner, in_tmp):
    small = dict(CLAIM, id="c2", article="b.txt", text="11", value=11, low=11, high=11)
    claims_file(in_tmp / "once.jsonl", [CLAIM, small])
    claims_file(in_tmp / "twice.jsonl", [CLAIM, small, CLAIM, small])
    once = jsonl(invoke(runner, ["conflicts", "once.jsonl", "-f", "jsonl"]).stdout)
    r = invoke(runner, ["conflicts", "twice.jsonl", "-f", "jsonl"])
    assert len(once) == 1 and jsonl(r.stdout) == once
    one_line(r.stderr, "2 exact duplicate claims")


def test_surprise_a_closed_pipe_is_said_and_what_was_read_is_kept(in_tmp):
    text = (SEEDS / "000_db963692a6978a21.txt").read_text(encoding="utf-8")
    (in_tmp / "many.jsonl").write_text("".join(json.dumps({"id": f"a{i}", "text": f"{text}\n{i}"}) + "\n" for i in range(400)),
                                       encoding="utf-8")
    p = subprocess.Popen(_cli("extract", "many.jsonl", "-f", "jsonl", "--batch-size", "4"), cwd=in_tmp,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = p.stdout.readline()
    p.stdout.close()  # what `head -1` does
    stderr = p.stderr.read().decode()
    p.wait(timeout=120)
    assert json.loads(first)["article"] == "a0"
    assert p.returncode == 141, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    one_line(stderr, "standard output was closed by its reader", "stored")
    kept = stored()
    assert 1 <= len(kept) < 400 and all(n > 0 for n in kept.values())


def test_surprise_csv_cells_are_not_formulas(runner, in_tmp):
    out = io.StringIO()
    w = RecordWriter("csv", out, ("text", "value", "attribution", "sentence"))
    w.write({"text": "=HYPERLINK(\"http://x\")", "value": -5, "attribution": "@SUM(A1)", "sentence": "+1 or -1"})
    w.close()
    row = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert row == {"text": "'=HYPERLINK(\"http://x\")", "value": "-5", "attribution": "'@SUM(A1)", "sentence": "'+1 or -1"}
    (in_tmp / "a.jsonl").write_text(json.dumps({"id": "=cmd|' /C calc'!A0", "text": ARTICLE}) + "\n", encoding="utf-8")
    r = invoke(runner, ["extract", "a.jsonl", "-f", "csv", "--no-store"])
    assert next(csv.DictReader(io.StringIO(r.stdout)))["article"] == "'=cmd|' /C calc'!A0"


def test_surprise_no_claims_is_said_at_a_terminal(runner, in_tmp):
    (in_tmp / "quiet.txt").write_text("Nothing was counted in this short note.\n", encoding="utf-8")
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = invoke(runner, ["extract", "quiet.txt", "a.txt", "-f", "table", "--no-store"])
    assert r.exit_code == 0
    assert "No claims in quiet.txt." in r.stdout and "at least 300" in r.stdout


# --- the terminal ------------------------------------------------------------------------

def test_terminal_extract_table_of_the_seeds_fits_80_columns(runner, in_tmp):
    from rich.console import Console

    from kursk_claims.io.output import claims_table
    from kursk_claims.core.records import Claim

    rows = jsonl(invoke(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout)
    claims = [Claim.from_dict(r) for r in rows]
    console = Console(width=80, file=io.StringIO(), record=True, color_system=None)
    group = claims_table(claims)
    console.print(group)
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert len(lines) < 8 * len(claims)  # it was 514 lines for 38 claims
    for table in group.renderables:
        widths = table._calculate_column_widths(console, console.options)
        assert min(widths) >= 10, widths
    text = "\n".join(lines)
    for c in claims:
        if len(c.text) <= 10:
            assert c.text in text  # a figure is never cut


def test_terminal_help_reads_well(runner):
    for cmd in ([], ["extract"], ["conflicts"], ["report"]):
        r = invoke(runner, [*cmd, "--help"])
        assert r.exit_code == 0
        assert "<bool>" not in r.stdout and "{" not in r.stdout, r.stdout
    top = " ".join(invoke(runner, ["--help"]).stdout.split())
    for summary in ("Every numeric claim in the articles: figure, reading, what is counted, whose, who says so.",
                    "The figures that disagree, grouped by quantity, explained and ranked.",
                    "One self-contained HTML page: a timeline per quantity, the conflicts marked."):
        assert " ".join(w for w in summary.split()) in top.replace("│ ", "").replace(" │", "")
    assert "[INPUT]..." in invoke(runner, ["extract", "--help"]).stdout  # not {inputs}...


def test_readme_documents_every_conflicts_option():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for option in ("--format", "--kind", "--min-severity", "--check", "--explain", "--max-per-claim", "--db", "--output"):
        assert f"`{option}" in readme, option


def test_report_open_without_a_browser_says_where_the_page_is(runner, in_tmp, monkeypatch):
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    claims_file(in_tmp / "c.jsonl", [CLAIM])
    r = invoke(runner, ["report", "c.jsonl", "-o", "page.html", "--open"])
    assert r.exit_code == 0
    one_line(r.stderr, "No browser", str(in_tmp / "page.html"), "file://")


def test_surprise_json_lines_on_standard_input_end_at_newlines_only(runner, in_tmp):
    """U+2028 (a line separator to str.splitlines) is allowed inside a JSON string, and news text has it."""
    record = {"id": "sep", "text": "The ministry said\u2028about 12,000 troops had been deployed.\n"}
    r = invoke(runner, ["extract", "-", "-f", "jsonl", "--no-store"], input=json.dumps(record, ensure_ascii=False) + "\n")
    assert r.exit_code == 0, r.stderr
    rows = jsonl(r.stdout)
    assert [row["text"] for row in rows] == ["about 12,000"]
    c = invoke(runner, ["conflicts", "-", "-f", "jsonl"], input=json.dumps(dict(CLAIM, sentence="a\u2028b"), ensure_ascii=False) + "\n")
    assert c.exit_code == 0, c.stderr


def test_surprise_markup_in_claims_is_shown_as_written(runner, in_tmp):
    """Square brackets from a claims file are text at a terminal, never rich markup."""
    claims_file(in_tmp / "c.jsonl", [dict(CLAIM, as_of="[/]", unit="[bold]"),
                                     dict(CLAIM, id="c2", article="b.txt", text="11", value=11, low=11, high=11, as_of="[/x]", unit="[bold]")])
    r = invoke(runner, ["conflicts", "c.jsonl", "-f", "table"])
    assert r.exit_code == 0
    assert "[/x]" in r.stdout and "[bold]" in r.stdout


def test_hostile_8_where_sqlite_cannot_share_the_log_read_only_the_file_is_read_as_it_stands(runner, in_tmp, monkeypatch):
    """In a folder the user may not write, SQLite cannot open a WAL store's shared memory read-only
    (SQLITE_CANTOPEN); the store is then read as an immutable file. Root may write anywhere, so
    the refusal is played here by a connection that fails as SQLite does."""
    from kursk_claims.io import store

    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert invoke(runner, ["extract", "a.txt", "-f", "jsonl"]).exit_code == 0
    real = sqlite3.connect
    opened = []

    class Refused:
        def execute(self, *args):
            raise sqlite3.OperationalError("unable to open database file")

        def close(self):
            pass

    def connect(database, *args, **kwargs):
        opened.append(database)
        return real(database, *args, **kwargs) if "immutable=1" in database else Refused()

    monkeypatch.setattr(store.sqlite3, "connect", connect)
    r = invoke(runner, ["conflicts", "-f", "jsonl", "--explain"])
    assert r.exit_code == 0, r.stderr
    assert [u.split("?")[1] for u in opened] == ["mode=ro", "mode=ro&immutable=1"]
    assert "at least 300" in r.stderr  # the stored claim was read


def test_report_draws_figures_near_the_ends_of_floating_point(runner, in_tmp):
    """Found by the property suite: a low of 5e-324 made the log-scale axis start at 10**-324 == 0."""
    claims_file(in_tmp / "c.jsonl", [dict(CLAIM, value=None, low=5e-324, high=None),
                                     dict(CLAIM, id="c2", article="b.txt", value=27493150.2, low=None, high=None),
                                     dict(CLAIM, id="c3", article="c.txt", value=1e308, low=1e308, high=1.7e308)])
    r = invoke(runner, ["report", "c.jsonl", "-o", "r.html"])
    assert r.exit_code == 0, r.stderr
    page = (in_tmp / "r.html").read_text(encoding="utf-8")
    assert "<svg" in page and 'cy="nan"' not in page and "inf" not in page.split("<svg", 1)[1].split("</svg>")[0]
    claims_file(in_tmp / "d.jsonl", [dict(CLAIM, value=1.7e308, low=None, high=None),
                                     dict(CLAIM, id="c2", article="b.txt", value=1.0e308, low=None, high=None)])
    r = invoke(runner, ["report", "d.jsonl", "-o", "r.html"])
    assert r.exit_code == 0, r.stderr
    svg = (in_tmp / "r.html").read_text(encoding="utf-8").split("<svg", 1)[1].split("</svg>")[0]
    assert "nan" not in svg and "inf" not in svg
