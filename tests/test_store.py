"""The claims store: one transaction a run, replace on re-extraction, concurrent writers."""
import sqlite3
import subprocess
import sys

import pytest

from kursk_claims.io.articles import Article
from kursk_claims.core.records import Claim
from kursk_claims.io.store import Store

from .conftest import SEEDS


def _claims(article, n):
    return [Claim(id=f"{article.key}-{i}", article=article.key, start=i, end=i + 1, text="1", value=1) for i in range(n)]


def test_store_interrupted_run_leaves_store_as_it_was(tmp_path):
    a, b = Article("a.txt", "text a"), Article("b.txt", "text b")
    with Store(tmp_path / "s.db") as store:
        store.save([(a, _claims(a, 3))], "sig")
        with pytest.raises(KeyboardInterrupt):
            with store.transaction():
                store.replace(a, _claims(a, 1), "sig")
                store.replace(b, _claims(b, 5), "sig")
                raise KeyboardInterrupt
        assert store.count() == (1, 3)
        assert len(store.claims_of("a.txt")) == 3


def test_store_cached_only_when_text_and_rules_unchanged(tmp_path):
    a = Article("a.txt", "text a")
    with Store(tmp_path / "s.db") as store:
        store.save([(a, _claims(a, 2))], "sig-1")
        assert len(store.cached(a, "sig-1")) == 2
        assert store.cached(a, "sig-2") is None
        assert store.cached(Article("a.txt", "text a, edited"), "sig-1") is None
        assert store.cached(Article("a.txt", "text a", source="Other"), "sig-1") is None


def test_store_concurrent_runs_do_not_corrupt(tmp_path):
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "kursk_claims", "extract", str(SEEDS), "-f", "jsonl", "--db", str(db)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], [e.decode()[-300:] for _, e in outs]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    n_claims = len(outs[0][0].decode().splitlines())
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == n_claims
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
