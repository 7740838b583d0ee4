"""Claims and conflicts as Parquet: every key and value survives a round trip, and the
commands read a Parquet file or dataset folder as they read JSON Lines."""
import pytest

pa = pytest.importorskip("pyarrow")
import pyarrow.parquet as pq  # noqa: E402

from kursk_claims.io.articles import Article, read_articles  # noqa: E402
from kursk_claims.cli import app  # noqa: E402
from kursk_claims.comparing.conflicts import find_conflicts  # noqa: E402
from kursk_claims.core.errors import InputError, RecordError  # noqa: E402
from kursk_claims.run.extract import extract_articles  # noqa: E402
from kursk_claims.io.parquet import (ParquetWriter, claim_schema, is_parquet, read_claims, read_conflicts,  # noqa: E402
                                  write_claims)
from kursk_claims.core.records import Claim  # noqa: E402

from .conftest import SEEDS, jsonl  # noqa: E402


@pytest.fixture(scope="module")
def seed_claims(nlp):
    articles = [a for a in read_articles([str(SEEDS)]) if isinstance(a, Article)]
    return [c for _, claims, _ in extract_articles(nlp, articles) for c in claims]


def test_the_schema_has_one_column_per_claim_key_typed_from_the_record():
    schema = claim_schema()
    assert schema.names == list(Claim(id="x", article="a", start=0, end=1, text="1").to_dict())
    assert schema.field("start").type == pa.int64() and not schema.field("start").nullable
    assert schema.field("value").type == pa.float64() and schema.field("high").type == pa.float64()
    assert schema.field("measure").type == pa.string() and schema.field("published").type == pa.string()


def test_round_trip_keeps_every_key_and_value(tmp_path, seed_claims):
    odd = [
        Claim(id="r1", article="ä/ünï.txt", start=3, end=15, text="10,000–12,000", sentence="Between 10,000–12,000 «soldiers».",
              value=None, low=10000, high=12000, bound="range", unit=None, counted="soldiers", source="Outlet",
              published="2024-12-20", attribution=None, subject="North Korea", measure="deployed", as_of="2024-12-19",
              scope="period: in the past week", url="https://example.org/a"),
        Claim(id="r2", article="b", start=0, end=9, text="more than 3.5%", value=3.5, low=3.5, high=None, bound="more_than",
              unit="percent", measure="share"),
        Claim(id="r3", article="c", start=0, end=4, text="12bn", value=12e9, low=11.5e9, high=12.5e9, bound="approx", unit="usd"),
    ]
    claims = seed_claims + odd
    path = tmp_path / "claims.parquet"
    assert write_claims(path, claims) == len(claims)
    assert is_parquet(path)
    back = read_claims(path)
    assert [c.to_dict() for c in back] == [c.to_dict() for c in claims]
    assert len(back) > 30 and all(c.to_dict().keys() == claims[0].to_dict().keys() for c in back)
    table = pq.read_table(path)  # what an analyst sees: plain columns to filter on
    measures = table.column("measure").to_pylist()
    assert measures.count("deployed") == sum(c.measure == "deployed" for c in claims)


def test_a_dataset_folder_reads_in_file_name_order(tmp_path, seed_claims):
    folder = tmp_path / "claims"
    folder.mkdir()
    write_claims(folder / "part-000001.parquet", seed_claims[10:])
    write_claims(folder / "part-000000.parquet", seed_claims[:10])
    (folder / "part-000002.parquet.partial").write_bytes(b"left over by a crash")
    assert is_parquet(folder)
    assert [c.id for c in read_claims(folder)] == [c.id for c in seed_claims]


def test_conflicts_round_trip(tmp_path, seed_claims):
    found = [c.to_dict() for c in find_conflicts(seed_claims)]
    assert found
    found[0]["newer_key"] = {"kept": True}  # a key a later version adds survives
    w = ParquetWriter(tmp_path / "conflicts.parquet", "conflicts")
    w.write_all(found)
    w.close()
    back = read_conflicts(tmp_path / "conflicts.parquet")
    assert back == found
    table = pq.read_table(tmp_path / "conflicts.parquet")
    assert table.column("a").type.get_field_index("measure") >= 0


def test_a_parquet_file_without_claim_columns_is_a_clear_error(tmp_path):
    pq.write_table(pa.table({"name": ["x"]}), tmp_path / "other.parquet")
    with pytest.raises(RecordError, match="no 'article', 'start', 'end' column"):
        read_claims(tmp_path / "other.parquet")
    (tmp_path / "fake.parquet").write_text("not parquet")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        read_claims(tmp_path / "fake.parquet")


def test_cli_writes_parquet_and_conflicts_and_report_read_it(runner, in_tmp):
    r = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "--format", "parquet", "-o", "claims.parquet"])
    assert r.exit_code == 0, r.output
    r_json = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "--format", "jsonl"])
    assert [c.to_dict() for c in read_claims("claims.parquet")] == jsonl(r_json.stdout)
    from_jsonl = runner.invoke(app, ["conflicts", "-f", "jsonl"], input=r_json.stdout)
    from_parquet = runner.invoke(app, ["conflicts", "claims.parquet", "-f", "jsonl"])
    assert from_parquet.exit_code == 0 and from_parquet.stdout == from_jsonl.stdout and jsonl(from_parquet.stdout)
    r = runner.invoke(app, ["conflicts", "claims.parquet", "-f", "parquet", "-o", "conflicts.parquet"])
    assert r.exit_code == 0 and read_conflicts("conflicts.parquet") == jsonl(from_jsonl.stdout)
    (in_tmp / "ds").mkdir()
    (in_tmp / "claims.parquet").rename(in_tmp / "ds" / "part-000000.parquet")
    r = runner.invoke(app, ["report", "ds", "-o", "page.html"])
    assert r.exit_code == 0 and f"{len(jsonl(r_json.stdout))} claims" in r.output


def test_cli_parquet_needs_an_output_file_and_a_folder_needs_parquet(runner, in_tmp):
    r = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "--format", "parquet"])
    assert r.exit_code == 2 and "--output" in r.output
    (in_tmp / "empty").mkdir()
    r = runner.invoke(app, ["conflicts", "empty", "-f", "jsonl"])
    assert r.exit_code == 1 and "no .parquet files" in r.output and "Traceback" not in r.output


def test_articles_from_a_parquet_table_with_a_text_column(runner, in_tmp):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    pq.write_table(pa.table({"id": [f"art-{i}" for i in range(len(texts))], "text": texts,
                             "publisher": ["Wire"] * len(texts), "published": ["2024-12-20"] * len(texts),
                             "words": [len(t.split()) for t in texts]}), in_tmp / "articles.parquet")
    r = runner.invoke(app, ["extract", "articles.parquet", "--no-store", "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    claims = jsonl(r.stdout)
    from_files = jsonl(runner.invoke(app, ["extract", str(SEEDS), "--no-store", "-f", "jsonl"]).stdout)
    assert len(claims) == len(from_files) and {c["article"] for c in claims} == {f"art-{i}" for i in range(len(texts))}
    assert {c["source"] for c in claims} == {"Wire"} and {c["published"] for c in claims} == {"2024-12-20"}
    assert [c["text"] for c in claims] == [c["text"] for c in from_files]
