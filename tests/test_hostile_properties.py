"""Property-based: random and hostile text, bytes, JSON and claim records thrown at ``extract``,
``conflicts`` and ``report`` through the CLI runner. Whatever comes in: the exit status is 0, 1
or 2; nothing escapes as a traceback; every good article of the same run is still printed and
stored; the store passes ``PRAGMA integrity_check``; and what the store holds reads back.

The ``hostile`` profile keeps it fast (10 to 15 examples a property, fixed seeds, no deadline: a shared
machine's pauses are not failures). ``HYPOTHESIS_PROFILE=hostile-long`` runs many more.
"""
import json
import math
import os
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st
from typer.testing import CliRunner

from kursk_claims.cli import app

settings.register_profile("hostile", max_examples=15, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("hostile-long", max_examples=400, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LONG = os.environ.get("HYPOTHESIS_PROFILE") == "hostile-long"
PROFILE = settings.get_profile("hostile-long" if LONG else "hostile")
EXTRACT_PROFILE = PROFILE if LONG else settings(PROFILE, max_examples=10)  # an example runs three commands

GOOD = "Officials said at least 300 soldiers were killed, according to Reuters.\n"
runner = CliRunner()

# --- strategies ---------------------------------------------------------------------------

FRAGMENTS = ["12", "12,000", "-3.5", "−12,000", "1e308", "9" * 60, "½", "٣٬٠٠٠", "1\u200b000", "\u202e",
             "\x00", "\ufeff", "\r\n", "\n\n", " percent", " km²", "about ", "more than ", "between 3 and ",
             " soldiers", " said Reuters.", "(3.5) billion", "1850 North", "thousands", "—", "\t", "{", "[", '"', "[/]", "[bold]", "[/x]", "<script>", "&amp;"]
hostile_text = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
article_records = st.fixed_dictionaries(
    {"text": st.one_of(hostile_text, json_values)},
    optional={"id": json_values, "url": json_values, "source": json_values, "published": json_values,
              "title": json_values},
)
jsonl_lines = st.lists(st.one_of(article_records.map(json.dumps), article_records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                                 json_values.map(json.dumps), hostile_text,
                                 st.sampled_from(["[" * 5000, '{"text": "' + "9" * 5000 + '"}', '{"text": 1' + "0" * 5000 + "}"])),
                       max_size=6)
inputs = st.lists(
    st.one_of(
        st.tuples(st.just(".txt"), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
        st.tuples(st.just(".txt"), st.binary(max_size=300)),
        st.tuples(st.just(".md"), hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass"))),
        st.tuples(st.just(".jsonl"), jsonl_lines.map(lambda ls: "\n".join(ls).encode("utf-8", "surrogatepass"))),
        st.tuples(st.just(".jsonl"), st.binary(max_size=200)),
        st.tuples(st.sampled_from([".html", ".warc", ".rss"]), st.one_of(
            st.binary(max_size=200), hostile_text.map(lambda t: f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass")))),
    ),
    min_size=1, max_size=4,
)

numbers = st.one_of(st.none(), st.integers(min_value=-10**6, max_value=10**9),
                    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.floats(), st.integers())
claim_records = st.fixed_dictionaries(
    {"article": st.one_of(st.sampled_from(["a.txt", "b.txt", "c.txt"]), json_values),
     "start": st.one_of(st.integers(min_value=0, max_value=10**4), json_values),
     "end": st.one_of(st.integers(min_value=0, max_value=10**4), json_values)},
    optional={"id": json_values, "text": hostile_text, "sentence": hostile_text, "value": numbers, "low": numbers,
              "high": numbers, "bound": st.one_of(st.sampled_from(["exact", "approx", "at_least", "more_than", "at_most",
                                                                    "less_than", "range", "vague"]), json_values),
              "unit": st.one_of(st.none(), st.sampled_from(["percent", "km2", "sq_mi", "usd", "day"]), json_values),
              "measure": st.one_of(st.none(), st.sampled_from(["deployed", "killed", "area", "share", "money"]), json_values),
              "counted": st.one_of(st.none(), st.sampled_from(["soldiers", "troops", "brigades"]), hostile_text),
              "subject": st.one_of(st.none(), st.sampled_from(["Russia", "Ukraine", "North Korea"])),
              "source": st.one_of(st.none(), hostile_text), "attribution": st.one_of(st.none(), hostile_text),
              "published": st.one_of(st.none(), st.sampled_from(["2024-12-20", "2024-02-30", "yesterday", "9999-99-99"]), hostile_text),
              "as_of": st.one_of(st.none(), st.sampled_from(["2024-12-20", "2024-13-01", "2025-01-05"]), hostile_text),
              "scope": st.one_of(st.none(), st.sampled_from(["place: Kursk", "period: in the past week"]), hostile_text),
              "url": st.one_of(st.none(), st.sampled_from(["https://example.org/a", "javascript:alert(1)"]), hostile_text)},
)
claim_lines = st.lists(st.one_of(claim_records.map(json.dumps), claim_records.map(lambda r: json.dumps(r, ensure_ascii=False)),
                                 json_values.map(json.dumps),
                                 hostile_text), max_size=8)


# --- checks -------------------------------------------------------------------------------

def _invoke(args, input=None):
    r = runner.invoke(app, args, input=input)
    assert r.exception is None or isinstance(r.exception, SystemExit), f"escaped: {r.exception!r}"
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.stderr[-500:])
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    return r


def _store_ok(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return dict(conn.execute("SELECT article, count(*) FROM claims GROUP BY article"))
    finally:
        conn.close()


@EXTRACT_PROFILE
@given(inputs, st.booleans(), st.one_of(st.none(), st.binary(max_size=200), hostile_text))
def test_extract_survives_any_input_and_keeps_the_good_article(files, good_first, stdin):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        names = []
        for i, (suffix, data) in enumerate(files):
            path = tmp / f"in{i}{suffix}"
            path.write_bytes(data)
            names.append(str(path))
        good = tmp / "good.txt"
        good.write_text(GOOD, encoding="utf-8")
        names = [str(good), *names] if good_first else [*names, str(good)]
        if stdin is not None:
            names.append("-")
        db = tmp / "s.db"
        r = _invoke(["extract", *names, "-f", "jsonl", "--db", str(db)], input=stdin)
        rows = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
        assert any(row["article"] == str(good) and row["text"] == "at least 300" for row in rows)
        for row in rows:
            assert isinstance(row["article"], str) and row["start"] <= row["end"]
        assert _store_ok(db).get(str(good)) == 1
        # what was stored reads back, and the reading commands never write
        before = db.read_bytes()
        c = _invoke(["conflicts", "--db", str(db), "-f", "jsonl"], input=None)
        assert c.exit_code == 0
        p = _invoke(["report", "--db", str(db), "-o", str(tmp / "r.html")], input=None)
        assert p.exit_code == 0 and 'cy="nan"' not in (tmp / "r.html").read_text(encoding="utf-8")
        assert db.read_bytes() == before


@PROFILE
@given(claim_lines, st.sampled_from(["jsonl", "csv", "json", "table"]))
def test_conflicts_and_report_survive_any_claims(lines, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        (tmp / "c.jsonl").write_bytes(data)
        c = _invoke(["conflicts", str(tmp / "c.jsonl"), "-f", fmt])
        piped = _invoke(["conflicts", "-", "-f", fmt], input=data)
        assert piped.exit_code == c.exit_code
        p = _invoke(["report", str(tmp / "c.jsonl"), "-o", str(tmp / "r.html")])
        assert p.exit_code == c.exit_code
        if p.exit_code == 0:
            page = (tmp / "r.html").read_text(encoding="utf-8")
            assert "<script" not in page and 'cy="nan"' not in page and "javascript:" not in page.split("</style>", 1)[-1].split("href=")[0]
        else:
            assert len([line for line in p.stderr.splitlines() if line.startswith("Error")]) == 1


finite = st.floats(min_value=0, allow_nan=False, allow_infinity=False)  # subnormals to 1.8e308


@st.composite
def valid_claims(draw):
    low = draw(st.one_of(st.none(), finite))
    high = draw(st.one_of(st.none(), finite))
    if low is not None and high is not None and low > high:
        low, high = high, low
    start = draw(st.integers(min_value=0, max_value=5000))
    return {"article": draw(st.sampled_from(["a.txt", "b.txt", "c.txt", "d.txt"])), "start": start,
            "end": start + draw(st.integers(min_value=0, max_value=30)), "text": draw(hostile_text),
            "sentence": draw(hostile_text), "value": draw(st.one_of(st.none(), finite)), "low": low, "high": high,
            "bound": draw(st.sampled_from(["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"])),
            "unit": draw(st.sampled_from([None, "percent", "km2", "sq_mi"])),
            "measure": draw(st.sampled_from([None, "deployed", "killed", "area"])),
            "counted": draw(st.sampled_from([None, "soldiers", "troops"])),
            "source": draw(st.one_of(st.none(), hostile_text)), "attribution": draw(st.one_of(st.none(), hostile_text)),
            "as_of": draw(st.sampled_from([None, "2024-12-20", "2025-01-05", "2024-02-30"])),
            "published": draw(st.sampled_from([None, "2024-12-01"])),
            "scope": draw(st.sampled_from([None, "place: Kursk", "period: in the past week"]))}


@PROFILE
@given(st.lists(valid_claims(), max_size=12))
def test_valid_claims_always_give_a_report_and_conflicts(claims):
    data = "".join(json.dumps(c) + "\n" for c in claims)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        c = _invoke(["conflicts", "-", "-f", "jsonl"], input=data)
        assert c.exit_code == 0, c.stderr
        for line in c.stdout.splitlines():
            conflict = json.loads(line)
            assert 0 <= conflict["severity"] <= 1 and not math.isnan(conflict["severity"])
        p = _invoke(["report", "-", "-o", str(tmp / "r.html")], input=data)
        assert p.exit_code == 0, p.stderr
        assert 'cy="nan"' not in (tmp / "r.html").read_text(encoding="utf-8")
