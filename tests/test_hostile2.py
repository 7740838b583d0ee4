"""Hostile input, round two: run-on text, odd saved models, broken stores, paths spelled two
ways, control characters, malformed sources files, streams, and what the help says."""
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kursk_claims.core.article import Article
from kursk_claims.io.articles import read_articles
from kursk_claims.reading.sentences import MAX_SENTENCE_CHARS, sentence_spans
from kursk_claims.run.extract import extract_article

from .conftest import SEEDS, jsonl
from .test_hostile import invoke, one_line


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kursk_claims", *args]


def _runon(n: int) -> str:
    items = ("{}% of the area", "{}.5 km2 of fields", "{}% of homes", "{} hectares of farmland")
    return ", ".join(items[i % 4].format(i % 90 + 1) for i in range(n))


# --- a run-on sentence ---------------------------------------------------------------------

def test_a_run_on_sentence_is_read_in_pieces_of_bounded_length():
    text = _runon(2500)  # about 40 KB, commas only, no full stop
    assert len(text) > 40_000 and "." not in text.replace(".5", "")
    spans = sentence_spans(text)
    assert len(spans) > 40
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text.count(",", a, b) <= 41 for a, b in spans)
    # the pieces cover the text in order, cut between figures, never inside one
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    for a, _ in spans[1:]:
        assert re.match(r"\d", text[a]) and text[a - 2:a] == ", "


def test_a_run_on_page_without_clause_breaks_is_cut_at_spaces():
    text = " ".join(["word"] * 3000)
    spans = sentence_spans(text)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[a:b].split() == text[a:b].split(" ") for a, b in spans)  # whole words


def test_ordinary_sentences_are_not_cut():
    text = "Officials said 300 soldiers were killed, 40 were wounded, and 12 were missing. Then they left."
    assert sentence_spans(text) == [(0, 78), (79, 94)]


# --- a saved pipeline with a trained parser and entity recognizer ---------------------------

@pytest.fixture(scope="module")
def parser_ner_model(tmp_path_factory):
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.add_pipe("ner")
    doc = nlp.make_doc("Officials said 300 soldiers were killed .")
    ex = Example.from_dict(doc, {"heads": [1, 1, 3, 5, 5, 1, 1],
                                 "deps": ["nsubj", "ROOT", "nummod", "nsubjpass", "auxpass", "ccomp", "punct"],
                                 "entities": ["O", "O", "U-CARDINAL", "O", "O", "O", "O"]})
    nlp.initialize(lambda: [ex])
    path = tmp_path_factory.mktemp("parser_ner") / "model"
    nlp.to_disk(path)
    return path


def test_extract_with_a_saved_pipeline_holding_a_parser_and_ner(runner, in_tmp, parser_ner_model):
    (in_tmp / "a.txt").write_text("The ministry said about 12,000 troops had been deployed.\n", encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "--model", str(parser_ner_model), "--no-store", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert [c["value"] for c in jsonl(r.stdout)] == [12000]


# --- show --html in a process that built no pipeline ---------------------------------------

def test_show_html_draws_the_claims_of_a_stored_article(in_tmp):
    (in_tmp / "a.txt").write_text("Officials said at least 300 soldiers were killed, according to Reuters.\n",
                                  encoding="utf-8")
    assert subprocess.run(_cli("extract", "a.txt"), cwd=in_tmp, capture_output=True, timeout=120).returncode == 0
    p = subprocess.run(_cli("show", "a.txt", "--html", "a.html"), cwd=in_tmp, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    assert "Wrote a.html (1 claims" in p.stderr
    page = (in_tmp / "a.html").read_text(encoding="utf-8")
    assert "300" in page and "killed" in page


# --- a store with damaged pages, Ctrl-C -----------------------------------------------------

def _damage(db, at: int = 4096) -> None:
    """Overwrite every page after the header page: SQLite opens the file, then cannot read it."""
    size = os.path.getsize(db)
    with open(db, "r+b") as f:
        f.seek(at)
        f.write(bytes(range(256)) * ((size - at) // 256 + 1))


@pytest.mark.parametrize("args", [["extract", "a.txt"], ["extract", str(SEEDS), "-f", "jsonl"],
                                  ["show", "a.txt"], ["show", "a.txt", "--html", "a.html"]])
def test_a_store_with_damaged_pages_is_one_clear_line(runner, in_tmp, args):
    (in_tmp / "a.txt").write_text("Officials said at least 300 soldiers were killed.\n", encoding="utf-8")
    assert invoke(runner, ["extract", str(SEEDS), "a.txt", "-f", "jsonl"]).exit_code == 0
    sqlite3.connect("kursk-claims.db").execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    _damage("kursk-claims.db")
    r = invoke(runner, args)
    assert r.exit_code == 1
    one_line(r.stderr, "kursk-claims.db", "cannot read the claims store", "malformed")
    assert len([line for line in r.stderr.splitlines() if line.strip()]) == 1


def test_ctrl_c_with_two_workers_stores_what_was_read_and_says_so(in_tmp):
    text = (SEEDS / "000_db963692a6978a21.txt").read_text(encoding="utf-8")
    (in_tmp / "many.jsonl").write_text("".join(json.dumps({"id": f"a{i}", "text": f"{text}\n{i}"}) + "\n"
                                               for i in range(5000)), encoding="utf-8")
    with open(in_tmp / "out.jsonl", "wb") as out:
        p = subprocess.Popen(_cli("extract", "many.jsonl", "--workers", "2", "-f", "jsonl"), cwd=in_tmp,
                             stdout=out, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while os.path.getsize(in_tmp / "out.jsonl") < 10_000 and time.monotonic() < deadline and p.poll() is None:
            time.sleep(0.05)
        p.send_signal(signal.SIGINT)
        stderr = p.communicate(timeout=120)[1].decode()
    assert p.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and re.fullmatch(r"interrupted: \d+ articles read and stored", lines[0]), stderr
    n = int(lines[0].split()[1])
    assert 0 < n < 5000
    conn = sqlite3.connect(in_tmp / "kursk-claims.db")
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    conn.close()
    written = (in_tmp / "out.jsonl").read_text(encoding="utf-8")
    # every record ends its line; Ctrl-C may come between the last article's store and its records
    assert written.endswith("\n") and len({json.loads(line)["article"] for line in written.splitlines()}) in (n - 1, n)


# --- one article, two spellings of its path ---------------------------------------------------

def _stored_articles(db="kursk-claims.db") -> list[str]:
    conn = sqlite3.connect(db)
    rows = sorted(r[0] for r in conn.execute("SELECT article FROM articles"))
    conn.close()
    return rows


def test_an_article_is_stored_once_however_its_path_is_spelled(runner, in_tmp, monkeypatch):
    folder = in_tmp / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Officials said at least 300 soldiers were killed.\n", encoding="utf-8")
    (folder / "b.txt").write_text("The ministry said about 12,000 troops had been deployed.\n", encoding="utf-8")
    for spelling in ("news", "./news/", str(folder), "news/../news", str(folder / "a.txt"), "news/./b.txt"):
        r = invoke(runner, ["extract", spelling, "-f", "jsonl"])
        assert r.exit_code == 0, r.stderr
        assert {c["article"] for c in jsonl(r.stdout)} <= {"news/a.txt", "news/b.txt"}
    assert _stored_articles() == ["news/a.txt", "news/b.txt"]
    # from another working folder, the store named: still one row per text
    elsewhere = in_tmp / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    r = invoke(runner, ["extract", str(folder), "--db", str(in_tmp / "kursk-claims.db"), "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert len(_stored_articles(in_tmp / "kursk-claims.db")) == 2


def test_one_text_under_two_names_is_one_source(runner, in_tmp):
    text = "Officials said at least 300 soldiers were killed.\n"
    (in_tmp / "a.txt").write_text(text, encoding="utf-8")
    (in_tmp / "copy.txt").write_text(text, encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "copy.txt", "-f", "jsonl"])
    assert [c["article"] for c in jsonl(r.stdout)] == ["a.txt"]
    one_line(r.stderr, "copy.txt", "same text as a.txt", "read once")
    # the copy alone, in a later run, takes the place of the stored article
    invoke(runner, ["extract", "copy.txt", "-f", "jsonl"])
    assert _stored_articles() == ["copy.txt"]
    # JSON Lines records with one text under two ids
    (in_tmp / "r.jsonl").write_text(json.dumps({"id": "x", "text": text}) + "\n" + json.dumps({"id": "y", "text": text}) + "\n",
                                    encoding="utf-8")
    r = invoke(runner, ["extract", "r.jsonl", "-f", "jsonl", "--no-store"])
    assert [c["article"] for c in jsonl(r.stdout)] == ["x"]


# --- control characters and escape sequences ----------------------------------------------------

ESCAPES = ["\x1b[31m", "\x1b[0m", "\x1b[2J", "\x1b]0;title\x07", "\x1b[1;31;40m", "\x9b33m", "\x07", "\x00",
           "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x1f", "\x1b(B", "\x1bP1$r\x1b\\"]
WORDS = ("Officials said at least 300 soldiers were killed and 12,000 troops deployed near Sudzha, "
         "while 40% of the area and 3.5 km2 of fields were lost in 2024, according to Reuters.").split(" ")


def _figures(nlp, text: str) -> list[tuple]:
    (article,) = [a for a in read_articles(["-"], stdin=_Stdin(text)) if isinstance(a, Article)]
    return [(c.value, c.low, c.high, c.bound, c.unit, c.measure) for c in extract_article(nlp, article)]


class _Stdin:
    def __init__(self, text: str) -> None:
        self.text = text

    def read(self) -> str:
        return self.text


def test_escape_sequences_in_an_article_are_not_figures(nlp):
    clean = " ".join(WORDS)
    dirty = clean.replace("300", "\x1b[31m300\x1b[0m").replace("Sudzha,", "Sudzha,\x1b]0;x 77\x07")
    assert _figures(nlp, dirty) == _figures(nlp, clean)
    assert {f[0] for f in _figures(nlp, "Red \x1b[31m alert \x1b[0m here \x1b[38;5;196m now.")} == set()


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(WORDS) - 1), st.sampled_from(ESCAPES)), max_size=8))
def test_control_characters_between_words_change_no_figure(nlp, inserts):
    words = list(WORDS)
    for at, control in sorted(inserts, reverse=True):
        words.insert(at, control)  # a control character or sequence between two words
    assert _figures(nlp, " ".join(words)) == _figures(nlp, " ".join(WORDS))


def test_control_characters_in_names_never_reach_the_terminal(runner, in_tmp):
    from kursk_claims.core.records import Claim
    from kursk_claims.io.output import SafeConsole, claims_table

    bad = "\x1b]0;pwned\x07\x1b[2Jred\x07.txt"
    r = invoke(runner, ["extract", bad])
    assert r.exit_code != 0 and "\x1b" not in r.stderr and "\x07" not in r.stderr
    one_line(r.stderr, "␛[2Jred", "no such file")
    # a table at a terminal: the name and the sentence are shown, their controls as symbols
    claim = Claim(id="c1", article=bad, start=0, end=3, text="300", value=300, sentence="300 \x1b[2J killed\x08\x08",
                  source="\x1b[31mOutlet")
    console = SafeConsole(force_terminal=True, width=100, file=__import__("io").StringIO())
    console.print(claims_table([claim]))
    shown = console.file.getvalue()
    assert "\x1b[2J" not in shown and "\x1b]0;" not in shown and "\x07" not in shown and "\x08" not in shown
    assert "\x1b[31mOutlet" not in shown and "␛[31mOutlet" in shown
    # a file whose name holds controls: its claims are read, the table names it safely
    (in_tmp / bad).write_text("Officials said 300 soldiers were killed.\n", encoding="utf-8")
    r = invoke(runner, ["extract", bad, "-f", "jsonl", "--no-store"])
    assert [c["value"] for c in jsonl(r.stdout)] == [300]


# --- sources files, JSON Lines fields, CSV and table output -------------------------------------

KILLED = "Officials said at least 300 soldiers were killed.\n"


def _folder(in_tmp, name: str, sidecar: str, content: str):
    d = in_tmp / name
    d.mkdir()
    (d / "x.txt").write_text(KILLED.replace("killed", f"killed in {name}"), encoding="utf-8")
    (d / sidecar).write_text(content, encoding="utf-8")
    return d


def test_sources_files_are_read_or_their_errors_named(runner, in_tmp):
    _folder(in_tmp, "semi", "sources.csv", "file;publisher;published\nx.txt;Reuters;2024-08-10\n")
    _folder(in_tmp, "broken", "sources.json", '[{"file": "x.txt", "publisher": "Reuters"\n')
    _folder(in_tmp, "listed", "sources.json", '[{"file": "x.txt", "publisher": ["Reuters", "AP"]}]')
    _folder(in_tmp, "quoted", "sources.csv", 'file,publisher,published\nx.txt,"Reuters,2024-08-10\n')
    r = invoke(runner, ["extract", ".", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1  # never silently dropped with exit 0
    by_article = {c["article"]: c for c in jsonl(r.stdout)}
    assert len(by_article) == 4  # every article is still read
    assert (by_article["semi/x.txt"]["source"], by_article["semi/x.txt"]["published"]) == ("Reuters", "2024-08-10")
    one_line(r.stderr, "broken/sources.json", "not valid JSON", "line 2")
    one_line(r.stderr, "listed/sources.json", "entry 1", "'publisher' must be a string, not a list")
    one_line(r.stderr, "quoted/sources.csv", "line 2", "stray quote")
    # the same stray quote given with --sources: one line naming it, exit non-zero
    r = invoke(runner, ["extract", "semi/x.txt", "--sources", "quoted/sources.csv", "-f", "jsonl", "--no-store"])
    assert r.exit_code != 0
    one_line(r.stderr, "quoted/sources.csv", "line 2")


def test_a_sub_folder_that_cannot_be_read_is_said(runner, in_tmp, monkeypatch):
    from kursk_claims.io import articles

    (in_tmp / "news" / "locked").mkdir(parents=True)
    (in_tmp / "news" / "a.txt").write_text(KILLED, encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None, **kw):  # as os.walk meets a folder without read permission
        for entry in real_walk(top, onerror=onerror, **kw):
            if entry[0].endswith("locked"):
                onerror(PermissionError(13, "Permission denied", entry[0]))
                continue
            yield entry

    monkeypatch.setattr(articles.os, "walk", walk)
    r = invoke(runner, ["extract", "news", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1 and [c["article"] for c in jsonl(r.stdout)] == ["news/a.txt"]
    one_line(r.stderr, "news/locked", "cannot be read", "Permission denied")


def test_json_lines_keep_the_good_records_and_name_the_bad_ones(runner, in_tmp):
    lines = [json.dumps({"id": "good", "text": KILLED}),
             '{"id": "nul", "text": "a raw \x00 NUL, 12 people"}',
             json.dumps({"id": ["a", "b"], "text": "About 40 tanks were lost."}),
             json.dumps({"id": "s", "source": {"d": 1}, "text": "About 41 tanks were lost."}),
             json.dumps({"id": "p", "published": 5, "text": "About 42 tanks were lost."}),
             json.dumps({"id": 7, "text": "The ministry said about 12,000 troops had been deployed."})]
    (in_tmp / "a.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = invoke(runner, ["extract", "a.jsonl", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1
    assert [(c["article"], c["value"]) for c in jsonl(r.stdout)] == [("good", 300), ("7", 12000)]
    one_line(r.stderr, "a.jsonl:2", "not valid JSON")
    one_line(r.stderr, "a.jsonl:3", "'id'", "not a list")
    one_line(r.stderr, "a.jsonl:4", "'source' must be a string, not an object")
    one_line(r.stderr, "a.jsonl:5", "'published' must be a string, not a number")


def test_csv_quotes_a_bare_carriage_return_and_a_table_goes_to_its_file(runner, in_tmp):
    import csv
    import io

    (in_tmp / "a.jsonl").write_text(json.dumps({"id": "x\ry", "text": KILLED}) + "\n", encoding="utf-8")
    r = invoke(runner, ["extract", "a.jsonl", "-f", "csv", "--no-store"])
    rows = list(csv.DictReader(io.StringIO(r.stdout, newline="")))
    assert [row["article"] for row in rows] == ["x\ry"]
    assert r.stdout.count("\n") == 2 and '"x\ry"' in r.stdout  # one header, one row; the field quoted
    r = invoke(runner, ["extract", "a.jsonl", "-f", "table", "-o", "claims.txt", "--no-store"])
    assert r.exit_code == 0 and r.stdout == ""
    assert "at least 300" in (in_tmp / "claims.txt").read_text(encoding="utf-8")
    invoke(runner, ["extract", "a.jsonl", "-f", "jsonl"])
    r = invoke(runner, ["conflicts", "-f", "table", "-o", "conflicts.txt"])
    assert r.exit_code == 0 and r.stdout == "" and (in_tmp / "conflicts.txt").exists()
