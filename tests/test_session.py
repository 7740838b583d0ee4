"""run.session: one extraction run from a library, without the command line."""
import io

from kursk_claims.core.article import Article, Problem
from kursk_claims.io.output import CLAIM_COLUMNS, RecordWriter
from kursk_claims.io.store import Store
from kursk_claims.run.session import distinct_keys, extract_session

from .conftest import jsonl

TEXT = "Officials said at least 300 soldiers were killed."


def test_session_writes_records_and_counts(nlp):
    out = io.StringIO()
    result = extract_session(nlp, [Article("a.txt", TEXT), Article("b.txt", "No figure here.")],
                             writer=RecordWriter("jsonl", out, CLAIM_COLUMNS))
    assert (result.articles, result.fresh, result.n_claims) == (2, 2, 1)
    assert [r["text"] for r in jsonl(out.getvalue())] == ["at least 300"]
    assert result.problems == [] and result.exit_code == 0 and not result.nothing_read


def test_session_gathers_problems_and_says_them(nlp):
    heard: list[str] = []
    result = extract_session(nlp, [Problem("gone.txt", "no such file or folder")], on_warning=heard.append)
    assert heard == ["gone.txt: no such file or folder"]
    assert result.exit_code == 1 and result.nothing_read


def test_session_collects_claims_and_articles_without_any(nlp):
    result = extract_session(nlp, [Article("a.txt", TEXT), Article("b.txt", "Nothing.")], collect=True)
    assert [c.text for c in result.claims] == ["at least 300"]
    assert result.no_claims == ["b.txt"]


def test_session_stores_fresh_claims_and_reuses_them(nlp, tmp_path):
    with Store(tmp_path / "s.db") as store:
        first = extract_session(nlp, [Article("a.txt", TEXT)], store=store, signature="sig")
        again = extract_session(nlp, [Article("a.txt", TEXT)], store=store, signature="sig", collect=True)
    assert (first.fresh, again.fresh, again.articles) == (1, 0, 1)
    assert [c.text for c in again.claims] == ["at least 300"]


def test_session_stops_when_the_output_is_lost(nlp):
    class Full:
        def write_all(self, records):
            list(records)
            raise OSError(28, "No space left on device")

        def close(self):
            raise AssertionError("not closed after a lost output")

    result = extract_session(nlp, (Article(f"{n}.txt", TEXT) for n in range(40)), writer=Full(), batch_size=4)
    assert isinstance(result.lost, OSError)
    assert result.articles < 40


def test_distinct_keys_reads_an_article_once_and_renames_a_second():
    heard: list[str] = []
    items = [Article("a", "one"), Article("a", "one"), Article("a", "two"), Problem("b", "bad")]
    kept = list(distinct_keys(items, heard.append))
    assert [getattr(i, "key", None) for i in kept] == ["a", "a#2", None]
    assert len(heard) == 2
