"""The Dask engine gives exactly the claims and conflicts of the single-machine path."""
import json

import pytest

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")
pytest.importorskip("pyarrow")

from kursk_claims.cli import app  # noqa: E402
from kursk_claims.comparing.conflicts import family_key, find_conflicts  # noqa: E402
from kursk_claims.io.articles import Article, read_articles  # noqa: E402
from kursk_claims.io.parquet import read_claims, read_conflicts, write_claims  # noqa: E402
from kursk_claims.run import distributed as kd  # noqa: E402
from kursk_claims.run.extract import extract_articles  # noqa: E402

from .conftest import ROOT, SEEDS, jsonl  # noqa: E402

DEV = ROOT / "eval" / "dev" / "articles"
OWN = [  # a few articles of our own, with figures that disagree
    ("own-1", "KYIV, March 3 (Wire) - Officials said 2,000 soldiers were deployed to the border region. "
              "Two days later the ministry said about 2,000,000 soldiers had been sent.", "2025-03-03"),
    ("own-2", "The governor said at least 40 villages were evacuated. A spokesman later said 12 villages "
              "were evacuated in total.", "2025-03-04"),
    ("own-3", "According to the monitors, 15 settlements were taken last month, up from 9 the month before.", "2025-04-20"),
]


def _articles() -> list[Article]:
    inputs = [str(SEEDS), str(ROOT / "tests" / "data")] + ([str(DEV)] if DEV.is_dir() else [])
    out = [a for a in read_articles(inputs) if isinstance(a, Article)]
    return out + [Article(key, text, source="Own", published=day) for key, text, day in OWN]


@pytest.fixture(scope="module")
def client():
    with kd.cluster(local_workers=2) as c:
        yield c


@pytest.fixture(scope="module")
def single(nlp):
    articles = _articles()
    claims = [c for _, cs, _ in extract_articles(nlp, articles) for c in cs]
    return articles, claims


@pytest.fixture(scope="module")
def dataset(client, single, tmp_path_factory):
    articles, _ = single
    out = tmp_path_factory.mktemp("dask") / "claims"
    seen = []
    summary = kd.extract_dataset(client, articles, out, partition_size=7, on_partition=seen.append)
    return out, summary, seen


def test_extract_on_the_cluster_gives_the_claims_of_one_machine(single, dataset):
    articles, claims = single
    out, summary, seen = dataset
    parts = sorted(out.glob("part-*.parquet"))
    assert len(parts) == -(-len(articles) // 7) > 1  # the workers wrote one file per partition
    assert summary.articles == len(articles) and summary.claims == len(claims) and not summary.problems
    assert len(seen) == len(parts)  # progress heard once per partition
    assert [c.to_dict() for c in read_claims(out)] == [c.to_dict() for c in claims]


def test_each_worker_builds_the_pipeline_once(client, single):
    articles, _ = single
    ids = client.run(lambda: id(kd.worker_pipeline(None)))
    again = client.run(lambda: id(kd.worker_pipeline(None)))
    assert ids == again and len(ids) == 2


def test_conflicts_on_the_cluster_are_those_of_one_machine(client, single, dataset):
    _, claims = single
    out, _, _ = dataset
    expected = [c.to_dict() for c in find_conflicts(claims)]
    assert len(expected) > 20
    summary, found = kd.conflicts_dataset(client, out, partition_claims=50)  # many partitions after the shuffle
    assert summary.parts > 1 and summary.split_groups == 0
    assert found == expected
    families = {family_key(c) for c in claims} - {k for k in (family_key(c) for c in claims) if isinstance(k, str)}
    assert summary.groups == len(families)  # claims travel by family: land figures of every side together
    _, all_pairs = kd.conflicts_dataset(client, out, max_per_claim=None)
    assert all_pairs == [c.to_dict() for c in find_conflicts(claims, max_per_claim=None)]


def test_conflicts_written_by_the_workers(client, single, dataset, tmp_path):
    _, claims = single
    out, _, _ = dataset
    expected = [c.to_dict() for c in find_conflicts(claims, max_per_claim=3) if c.kind != "mismatch"]
    for fmt in ("parquet", "jsonl"):
        target = tmp_path / fmt
        summary, returned = kd.conflicts_dataset(client, out, out_dir=target, fmt=fmt, max_per_claim=3,
                                                 kinds=("scale", "bound"))
        assert returned == [] and summary.conflicts == len(expected)
        if fmt == "parquet":
            written = read_conflicts(target)
        else:
            written = [r for f in sorted(target.glob("*.jsonl")) for r in jsonl(f.read_text())]
        assert kd.sort_conflicts(written) == expected


def test_a_group_too_large_is_compared_in_time_windows_not_dropped(client, tmp_path):
    from kursk_claims.core.records import Claim

    def claim(i, value, day):
        return Claim(id=f"w{i}", article=f"a{i}", start=0, end=4, text=str(value), value=value, low=value, high=value,
                     measure="captured", subject="Ukraine", counted="soldiers", as_of=day, source=f"S{i}")

    claims = [claim(0, 300, "2025-01-02"), claim(1, 100, "2025-01-05"),  # one window: a lower figure later
              claim(2, 500, "2025-06-02"), claim(3, 100_000, "2025-06-03"),  # another, with a lost thousand
              claim(4, 100, "2025-06-04")]
    write_claims(tmp_path / "c.parquet", claims)
    summary, found = kd.conflicts_dataset(client, tmp_path / "c.parquet", max_group=3, window_days=30, max_per_claim=None)
    assert summary.split_groups == 1 and summary.claims == 5
    pairs = {(d["a"]["id"], d["b"]["id"]) for d in found}
    whole = {(c.a.id, c.b.id) for c in find_conflicts(claims, max_per_claim=None)}
    # every window is compared; a pair across windows (w4 in June against w0 in January) is not
    assert {("w1", "w0"), ("w4", "w3"), ("w4", "w2")} <= pairs
    assert ("w4", "w0") in whole and ("w4", "w0") not in pairs
    assert pairs < whole


def test_cli_extract_and_conflicts_with_a_scheduler(client, runner, in_tmp):
    address = client.scheduler.address
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", address, "-o", "claims/"])
    assert r.exit_code == 0, r.output
    assert "dashboard" in r.output and "Wrote claims" in r.output
    single = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "-f", "jsonl"])
    assert [c.to_dict() for c in read_claims(in_tmp / "claims")] == jsonl(single.stdout)
    r = runner.invoke(app, ["conflicts", "claims", "--engine", "dask", "--scheduler", address, "-f", "jsonl"])
    expected = runner.invoke(app, ["conflicts", "-f", "jsonl"], input=single.stdout).stdout
    assert r.exit_code == 0 and jsonl(r.stdout) == jsonl(expected)
    r = runner.invoke(app, ["conflicts", "claims", "--engine", "dask", "--scheduler", address, "-o", "conflicts/"])
    assert r.exit_code == 0 and kd.sort_conflicts(read_conflicts(in_tmp / "conflicts")) == jsonl(expected)
    # a folder already holding a dataset is refused; nothing in it is touched
    before = sorted(p.stat().st_mtime_ns for p in (in_tmp / "claims").iterdir())
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", address, "-o", "claims/"])
    assert r.exit_code == 1 and "already holds a dataset" in r.output
    assert sorted(p.stat().st_mtime_ns for p in (in_tmp / "claims").iterdir()) == before


def test_cli_usage_errors(runner, in_tmp):
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask"])
    assert r.exit_code == 2 and "--output" in r.output
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "spark", "-o", "x/"])
    assert r.exit_code == 2 and "unknown engine" in r.output
    (in_tmp / "c.jsonl").write_text("{}\n")
    r = runner.invoke(app, ["conflicts", "c.jsonl", "--engine", "dask"])
    assert r.exit_code == 2 and "Parquet" in r.output


def test_cli_one_bad_article_loses_none_of_the_others(client, runner, in_tmp):
    (in_tmp / "empty.txt").write_text("")
    r = runner.invoke(app, ["extract", str(SEEDS), "empty.txt", "--engine", "dask", "--scheduler", client.scheduler.address,
                            "-o", "claims/"])
    assert r.exit_code == 1 and "empty.txt: empty file" in r.output and "Traceback" not in r.output
    single = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "-f", "jsonl"])
    assert [c.to_dict() for c in read_claims(in_tmp / "claims")] == jsonl(single.stdout)


def test_without_the_dask_extra_the_engine_says_how_to_install_it(runner, in_tmp, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "-o", "claims/"])
    assert r.exit_code == 1 and "pip install 'kursk-claims[dask]'" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["extract", str(SEEDS), "--no-store", "-f", "jsonl"])  # without --engine, nothing changes
    assert r.exit_code == 0 and jsonl(r.stdout)


def test_a_local_dashboard_listens_on_this_machine_only(client, monkeypatch):
    server = getattr(client.cluster.scheduler, "http_server", None)
    if server is not None:  # the module's cluster, started without $KURSK_CLAIMS_DASHBOARD
        assert {s.getsockname()[0] for s in server._sockets.values()} == {"127.0.0.1"}
    link = kd.dashboard(client)
    assert link is None or link.startswith("http://127.0.0.1:")
    monkeypatch.delenv(kd.DASHBOARD_ENV, raising=False)
    assert kd.dashboard_address() == "127.0.0.1:0"
    monkeypatch.setenv(kd.DASHBOARD_ENV, "0.0.0.0:8787")  # asked for
    assert kd.dashboard_address() == "0.0.0.0:8787"


def test_cli_says_what_dask_runs_do_not_do(client, runner, in_tmp):
    address = client.scheduler.address
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "-f", "table"])
    assert r.exit_code == 2 and "prints no table" in r.output
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", address, "-o", "claims/"])
    assert r.exit_code == 0 and "not in the store" in r.output
    assert not (in_tmp / "kursk-claims.db").exists()
    r = runner.invoke(app, ["conflicts", "claims", "--engine", "dask", "--scheduler", address, "-f", "jsonl", "--explain"])
    assert r.exit_code == 0 and "--explain is not available with --engine dask" in r.stderr


def test_extract_on_the_cluster_prints_records_as_one_machine_does(client, runner, in_tmp):
    address = client.scheduler.address
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", address, "-f", "jsonl"])
    assert r.exit_code == 0, r.output
    on_cluster = [json.loads(line) for line in r.stdout.splitlines()]
    one = [json.loads(line) for line in runner.invoke(app, ["extract", str(SEEDS), "--no-store", "-f", "jsonl"]).stdout.splitlines()]
    assert on_cluster == one and "not in the store" in r.stderr
    r = runner.invoke(app, ["extract", str(SEEDS), "--engine", "dask", "--scheduler", address, "-f", "csv", "-o", "c.csv"])
    assert r.exit_code == 0 and (in_tmp / "c.csv").read_text(encoding="utf-8").count("\n") == len(one) + 1
