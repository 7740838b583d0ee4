"""The command line from the outside: formats, inputs, metadata, the store, bad input."""
import csv
import io
import json
import shutil
import sqlite3

import pytest

from kursk_claims.cli import app

from .conftest import SEEDS, jsonl

ARTICLE = "Officials said at least 300 soldiers were killed, according to Reuters.\n"


def run(runner, args, input=None):
    return runner.invoke(app, args, input=input, catch_exceptions=False)


def test_cli_every_command_has_help(runner):
    import typer

    names = sorted(typer.main.get_command(app).commands)
    assert {"extract", "conflicts", "report", "show"} <= set(names)
    for cmd in ([], *([name] for name in names)):
        r = run(runner, [*cmd, "--help"])
        assert r.exit_code == 0
        assert "Usage" in r.output
    assert "Example" in run(runner, ["extract", "--help"]).output


def test_cli_extract_seeds_jsonl_follows_the_record_contract(runner, in_tmp):
    r = run(runner, ["extract", str(SEEDS), "--format", "jsonl"])
    assert r.exit_code == 0, r.output
    rows = jsonl(r.stdout)
    assert len(rows) >= 30
    keys = {"id", "article", "start", "end", "text", "sentence", "value", "low", "high", "bound", "unit",
            "counted", "source", "published", "attribution", "subject", "measure", "as_of"}
    for row in rows:
        assert keys <= row.keys()
        text = (in_tmp / row["article"]).read_text(encoding="utf-8") if not row["article"].startswith("/") else open(row["article"], encoding="utf-8").read()
        assert text[row["start"]:row["end"]] == row["text"]
    troops = [r for r in rows if r["text"] == "more than 11,000"]
    assert {r["counted"] for r in troops} == {"North Korean troops", "North Korean soldiers"}
    assert {r["source"] for r in troops} == {"Newsweek", "DayFR Euro"}


def test_cli_extract_ids_are_stable_across_runs(runner, in_tmp):
    a = jsonl(run(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout)
    b = jsonl(run(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout)
    assert [r["id"] for r in a] == [r["id"] for r in b]
    assert len({r["id"] for r in a}) == len(a)


def test_cli_extract_json_and_csv(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    data = json.loads(run(runner, ["extract", "a.txt", "-f", "json", "--no-store"]).stdout)
    assert [d["text"] for d in data] == ["at least 300"]
    rows = list(csv.DictReader(io.StringIO(run(runner, ["extract", "a.txt", "-f", "csv", "--no-store"]).stdout)))
    assert rows[0]["text"] == "at least 300" and rows[0]["attribution"] == "Reuters" and rows[0]["bound"] == "at_least"


def test_cli_extract_table_shows_figure_and_outlet(runner, in_tmp):
    r = run(runner, ["extract", str(SEEDS / "000_db963692a6978a21.txt"), "-f", "table", "--no-store"])
    assert r.exit_code == 0
    assert "Newsweek" in r.stdout and "at least 700,000" in r.stdout


def test_cli_extract_output_file(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    r = run(runner, ["extract", "a.txt", "-o", "out.jsonl", "--no-store"])
    assert r.stdout == ""
    assert jsonl((in_tmp / "out.jsonl").read_text())[0]["value"] == 300


def test_cli_extract_stdin(runner, in_tmp):
    r = run(runner, ["extract", "-", "-f", "jsonl", "--no-store"], input=ARTICLE)
    (row,) = jsonl(r.stdout)
    assert row["article"] == "-" and row["value"] == 300


def test_cli_extract_jsonl_articles_with_metadata(runner, in_tmp):
    lines = [
        {"id": "art-1", "text": "About 12,000 soldiers were sent.", "publisher": "Example Times", "published": "2024-12-20"},
        {"url": "https://example.com/b", "text": "More than 40 percent of the land was lost.", "source": "Other Daily", "date": "Feb 3, 2025"},
    ]
    (in_tmp / "arts.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    rows = jsonl(run(runner, ["extract", "arts.jsonl", "-f", "jsonl", "--no-store"]).stdout)
    assert [(r["article"], r["source"], r["published"]) for r in rows] == [
        ("art-1", "Example Times", "2024-12-20"), ("https://example.com/b", "Other Daily", "2025-02-03")]
    assert rows[1]["unit"] == "percent" and rows[1]["bound"] == "more_than"


def test_cli_extract_sidecar_sources_json(runner, in_tmp):
    folder = in_tmp / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.json").write_text(json.dumps([{"file": "a.txt", "publisher": "Wire", "published": "2025-01-02"}]))
    (row,) = jsonl(run(runner, ["extract", "arts", "-f", "jsonl", "--no-store"]).stdout)
    assert (row["source"], row["published"], row["as_of"]) == ("Wire", "2025-01-02", "2025-01-02")


def test_cli_extract_sidecar_sources_csv_and_option(runner, in_tmp):
    folder = in_tmp / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text("file,source,date\na.txt,Csv Wire,2025-03-04\n")
    (row,) = jsonl(run(runner, ["extract", "arts", "-f", "jsonl", "--no-store"]).stdout)
    assert (row["source"], row["published"]) == ("Csv Wire", "2025-03-04")
    (in_tmp / "meta.json").write_text(json.dumps([{"file": "a.txt", "publisher": "Override", "published": "2025-05-06"}]))
    (row,) = jsonl(run(runner, ["extract", "arts", "-f", "jsonl", "--no-store", "--sources", "meta.json"]).stdout)
    assert (row["source"], row["published"]) == ("Override", "2025-05-06")


def test_cli_extract_relative_date_needs_as_of(runner, in_tmp):
    (in_tmp / "a.txt").write_text("3 days ago\n\nAbout 500 soldiers were wounded.\n", encoding="utf-8")
    (row,) = jsonl(run(runner, ["extract", "a.txt", "-f", "jsonl", "--no-store"]).stdout)
    assert row["published"] is None
    (row,) = jsonl(run(runner, ["extract", "a.txt", "-f", "jsonl", "--no-store", "--as-of", "2025-01-10"]).stdout)
    assert row["published"] == "2025-01-07"


def test_cli_extract_store_rerun_has_no_duplicates(runner, in_tmp):
    shutil.copytree(SEEDS, in_tmp / "seeds")
    first = jsonl(run(runner, ["extract", "seeds", "-f", "jsonl"]).stdout)
    second = jsonl(run(runner, ["extract", "seeds", "-f", "jsonl"]).stdout)
    assert first == second
    db = sqlite3.connect(in_tmp / "kursk-claims.db")
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == len(first)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    # an edited article is read again and its old claims replaced
    path = in_tmp / "seeds" / "003_c09653457aff27c7.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("approximately 76,000", "approximately 77,000"), encoding="utf-8")
    third = jsonl(run(runner, ["extract", "seeds", "-f", "jsonl"]).stdout)
    assert "approximately 77,000" in {r["text"] for r in third} and "approximately 76,000" not in {r["text"] for r in third}
    assert db.execute("SELECT count(*) FROM claims").fetchone()[0] == len(third)


def test_cli_extract_db_option_and_env(runner, in_tmp, monkeypatch):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run(runner, ["extract", "a.txt", "-f", "jsonl", "--db", "x.db"])
    assert (in_tmp / "x.db").exists()
    monkeypatch.setenv("KURSK_CLAIMS_DB", str(in_tmp / "env.db"))
    run(runner, ["extract", "a.txt", "-f", "jsonl"])
    assert (in_tmp / "env.db").exists() and not (in_tmp / "kursk-claims.db").exists()
    run(runner, ["extract", "a.txt", "-f", "jsonl", "--no-store", "--db", "none.db"])
    assert not (in_tmp / "none.db").exists()


@pytest.mark.parametrize("make,expected", [
    (lambda p: None, "no such file or folder"),
    (lambda p: p.mkdir(), "no articles"),
    (lambda p: p.write_bytes(b"\x00\x01binary\x00"), "binary"),
    (lambda p: p.write_bytes("caf\xe9 300 troops".encode("latin-1")), "not UTF-8"),
    (lambda p: p.write_text("  \n"), "empty file"),
])
def test_cli_extract_bad_input_is_one_line_and_others_still_read(runner, in_tmp, make, expected):
    (in_tmp / "good.txt").write_text(ARTICLE, encoding="utf-8")
    bad = in_tmp / "bad.txt"
    make(bad)
    r = runner.invoke(app, ["extract", "bad.txt", "good.txt", "-f", "jsonl"])
    assert r.exit_code == 1
    assert expected in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert [row["value"] for row in jsonl(r.stdout)] == [300]
    # the good article was stored as well
    assert sqlite3.connect(in_tmp / "kursk-claims.db").execute("SELECT count(*) FROM claims").fetchone()[0] == 1


def test_cli_extract_malformed_json_line_names_it(runner, in_tmp):
    (in_tmp / "arts.jsonl").write_text('{"id": "a", "text": "About 300 men."}\n{not json\n{"id": "c", "text": "Up to 20 tanks."}\n')
    r = runner.invoke(app, ["extract", "arts.jsonl", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1
    assert "arts.jsonl:2" in r.stderr and "Traceback" not in r.stderr
    assert [row["article"] for row in jsonl(r.stdout)] == ["a", "c"]


def test_cli_extract_only_bad_input_fails(runner, in_tmp):
    r = runner.invoke(app, ["extract", "missing/", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1
    assert "missing/" in r.stderr and "Traceback" not in r.stderr


def test_cli_extract_unknown_model_is_usage_error(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE)
    r = runner.invoke(app, ["extract", "a.txt", "--model", "en_no_such_model", "--no-store"])
    assert r.exit_code == 2
    assert "en_no_such_model" in r.stderr and "Traceback" not in r.stderr


def test_cli_extract_unknown_format_is_usage_error(runner, in_tmp):
    r = runner.invoke(app, ["extract", str(SEEDS), "-f", "xml", "--no-store"])
    assert r.exit_code == 2 and "xml" in r.stderr


def test_cli_extract_with_saved_model(runner, in_tmp):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "PERSON", "pattern": "Jane Roe"}])
    nlp.to_disk(in_tmp / "model")
    (in_tmp / "a.txt").write_text("Analyst Jane Roe said that about 300 soldiers died.")
    (row,) = jsonl(run(runner, ["extract", "a.txt", "--model", str(in_tmp / "model"), "-f", "jsonl", "--no-store"]).stdout)
    assert row["attribution"] == "Jane Roe"


def test_cli_extract_workers(runner, in_tmp):
    one = jsonl(run(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout)
    two = jsonl(run(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store", "--workers", "2", "--batch-size", "1"]).stdout)
    assert one == two


def test_cli_conflicts_store_and_pipe_agree(runner, in_tmp):
    claims = run(runner, ["extract", str(SEEDS), "-f", "jsonl"]).stdout
    from_store = jsonl(run(runner, ["conflicts", "-f", "jsonl"]).stdout)
    from_pipe = jsonl(run(runner, ["conflicts", "-f", "jsonl"], input=claims).stdout)
    assert from_store == from_pipe
    assert {"scale", "bound", "mismatch"} <= {c["kind"] for c in from_store}
    scale = [c for c in from_store if c["kind"] == "scale" and {c["a"]["text"], c["b"]["text"]} == {"12", "about 12,000"}]
    assert scale and scale[0]["suggestion"].startswith("12 -> 12,000")
    for c in from_store:
        assert {"kind", "severity", "explanation", "a", "b", "group"} <= c.keys()


def test_cli_conflicts_filters_and_check(runner, in_tmp):
    claims = run(runner, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout
    (in_tmp / "claims.jsonl").write_text(claims)
    only = jsonl(run(runner, ["conflicts", "claims.jsonl", "-f", "jsonl", "--kind", "bound"]).stdout)
    assert only and {c["kind"] for c in only} == {"bound"}
    high = jsonl(run(runner, ["conflicts", "claims.jsonl", "-f", "jsonl", "--min-severity", "0.9"]).stdout)
    assert high and all(c["severity"] >= 0.9 for c in high)
    assert runner.invoke(app, ["conflicts", "claims.jsonl", "--check", "-f", "jsonl"]).exit_code == 1
    (in_tmp / "calm.jsonl").write_text("")
    assert runner.invoke(app, ["conflicts", "calm.jsonl", "--check", "-f", "jsonl"]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(run(runner, ["conflicts", "claims.jsonl", "-f", "csv"]).stdout)))
    assert rows and rows[0]["kind"] in ("scale", "bound", "mismatch")
    table = run(runner, ["conflicts", "claims.jsonl", "-f", "table"]).stdout
    assert "consensus" in table
    r = runner.invoke(app, ["conflicts", "claims.jsonl", "-f", "jsonl", "--explain"])
    assert "not compared" in r.stderr and "group" in r.stderr


def test_cli_conflicts_malformed_line_names_it(runner, in_tmp):
    (in_tmp / "c.jsonl").write_text('{"article": "a", "start": 0, "end": 2}\n{"article": "a", "start": "x", "end": 2}\n')
    r = runner.invoke(app, ["conflicts", "c.jsonl"])
    assert r.exit_code == 1 and "c.jsonl:2" in r.stderr and "Traceback" not in r.stderr
    (in_tmp / "d.jsonl").write_text("not json\n")
    r = runner.invoke(app, ["conflicts", "d.jsonl"])
    assert r.exit_code == 1 and "d.jsonl:1" in r.stderr


def test_cli_conflicts_without_store_says_what_to_do(runner, in_tmp):
    r = runner.invoke(app, ["conflicts"])
    assert r.exit_code == 1 and "kursk-claims extract" in r.stderr


def test_cli_extract_long_article(runner, in_tmp):
    (in_tmp / "long.txt").write_text(("Filler words without figures here. " * 40000) + ARTICLE, encoding="utf-8")
    r = run(runner, ["extract", "long.txt", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 0 and [row["value"] for row in jsonl(r.stdout)] == [300]


def test_cli_extract_one_failing_article_does_not_stop_the_run(runner, in_tmp, monkeypatch):
    from kursk_claims.reading import context

    real = context.read_counted

    def broken(text, pos, limit=None):
        if "BROKEN" in text:
            raise RuntimeError("rule failed")
        return real(text, pos, limit)

    monkeypatch.setattr(context, "read_counted", broken)
    (in_tmp / "a.txt").write_text("BROKEN: about 12 tanks.", encoding="utf-8")
    (in_tmp / "b.txt").write_text(ARTICLE, encoding="utf-8")
    r = runner.invoke(app, ["extract", "a.txt", "b.txt", "-f", "jsonl", "--no-store"])
    assert r.exit_code == 1
    assert "a.txt: could not be read (RuntimeError: rule failed)" in r.stderr
    assert [row["article"] for row in jsonl(r.stdout)] == ["b.txt"]


def test_cli_store_that_is_not_a_database_is_one_clear_error(runner, in_tmp):
    (in_tmp / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (in_tmp / "bad.db").write_bytes(b"this is not an SQLite file" * 100)
    r = runner.invoke(app, ["extract", "a.txt", "--db", "bad.db", "-f", "jsonl"])
    assert r.exit_code == 1
    assert "bad.db" in r.stderr and "--no-store" in r.stderr and "Traceback" not in r.stderr
    assert (in_tmp / "bad.db").read_bytes().startswith(b"this is not")  # nothing overwritten
