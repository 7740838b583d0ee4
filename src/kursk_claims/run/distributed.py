"""Extract and compare on a Dask cluster: the engine behind ``--engine dask``.

``extract``: articles are cut into partitions (``partition_size`` articles each) and sent to
the workers; each worker builds the pipeline once (cached per worker thread) and writes its
partition's claims straight to ``DIR/part-NNNNNN.parquet``: only a few counts come back to the
client. ``conflicts``: the claims dataset is read in partitions, each claim keyed by its
quantity group (``conflicts.group_key``), the claims shuffled by that key (Dask's disk-backed
shuffle, so more claims than fit in memory are fine), and every group compared on one worker
with the single-machine code (``conflicts.group_claims`` and ``conflicts.find_conflicts``).
Claims keep their input order inside a group, so the pairs found, and the per-claim cap, are
exactly those of the single-machine path. A group with more than ``max_group`` claims is cut
into windows of ``window_days`` by the claims' dates and each window compared on its own
(figures in different windows of such a group are then not compared with each other).

Dask, pandas and pyarrow are the optional ``dask`` extra; nothing here is imported unless the
engine is asked for. This module never prints: progress goes through callbacks.
"""
from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.article import Article
from ..core.batching import batched
from ..core.errors import ArticleError, KurskError
from ..core.records import Claim, Conflict

PARTITION_ARTICLES = 500  # articles per extract task
PARTITION_CLAIMS = 40_000  # claims per partition after the shuffle
MAX_GROUP = 1_000_000  # claims one group may hold before it is cut into time windows
WINDOW_DAYS = 30


class EngineError(KurskError):
    """The cluster cannot be reached or used."""


def _require() -> None:
    try:
        import dask  # noqa: F401
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        raise EngineError(f"the Dask engine needs the dask extra ({e.name} is missing): pip install 'kursk-claims[dask]'") from e


@contextmanager
def cluster(scheduler: str | None = None, local_workers: int | None = None, memory_limit: str | float | None = "auto",
            wait_s: float = 60) -> Iterator[Any]:
    """A ``distributed.Client``: connected to ``scheduler`` (``tcp://host:8786``), or to a
    ``LocalCluster`` of ``local_workers`` processes (one thread each) started here."""
    _require()
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout="15s")
        except (OSError, TimeoutError, ValueError) as e:
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({e.__class__.__name__}: {e})") from e
        try:
            try:
                client.wait_for_workers(1, timeout=wait_s)
            except TimeoutError as e:
                raise EngineError(f"the Dask scheduler at {scheduler} has no workers (waited {wait_s:.0f} s)") from e
            yield client
        finally:
            client.close()
        return
    with LocalCluster(n_workers=local_workers or 2, threads_per_worker=1, processes=True, memory_limit=memory_limit,
                      dashboard_address=dashboard_address(), silence_logs=logging.ERROR) as lc, Client(lc) as client:
        yield client


DASHBOARD_ENV = "KURSK_CLAIMS_DASHBOARD"


def dashboard_address() -> str:
    """Where a local cluster's dashboard listens: this machine only (127.0.0.1, a free port),
    unless ``$KURSK_CLAIMS_DASHBOARD`` asks for another address (``0.0.0.0:8787``: every
    interface, for a browser elsewhere)."""
    return os.environ.get(DASHBOARD_ENV) or "127.0.0.1:0"


def dashboard(client: Any) -> str | None:
    """The address of the cluster's dashboard, when it serves one (bokeh installed)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        return client.dashboard_link
    except Exception:  # an address is a courtesy, never a reason to fail
        return None


def n_workers(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def prepare_output(out: Path) -> None:
    """A folder for a dataset: created if missing; refused if it already holds one, so nothing
    written earlier is overwritten or mixed in."""
    if out.exists() and not out.is_dir():
        raise EngineError(f"{out}: a file; --output must name a folder for the dataset (e.g. claims/)")
    if out.is_dir() and any(p.suffix in (".parquet", ".jsonl") for p in out.iterdir()):
        raise EngineError(f"{out}: already holds a dataset; choose a new or empty folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise EngineError(f"{out}: cannot create the folder ({e.strerror})") from e


# --- extract ---------------------------------------------------------------------------

_local = threading.local()


def worker_pipeline(model: str | None, names: Sequence[dict[str, Any]] = ()):
    """The pipeline of this worker thread, built on first use and kept for every later task."""
    from ..pipeline.components import build_pipeline

    cache = getattr(_local, "pipelines", None)
    if cache is None:
        cache = _local.pipelines = {}
    key = (model, json.dumps(list(names), sort_keys=True))
    if key not in cache:
        cache[key] = build_pipeline(model, names)
    return cache[key]


def extract_partition(articles: list[Article], model: str | None, batch_size: int, path: str,
                      names: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
    """Runs on a worker: the claims of ``articles`` written to ``path``; returns counts and
    the articles the pipeline failed on (the others are still written)."""
    from ..io.parquet import ParquetWriter
    from .extract import extract_articles

    nlp = worker_pipeline(model, names)
    problems: list[tuple[str, str]] = []

    def failed(article: Article | None, e: Exception) -> None:
        why = str(e) if isinstance(e, ArticleError) else f"{e.__class__.__name__}: {e}"
        problems.append((article.key if article else "an article", f"could not be read ({why})"))

    writer = ParquetWriter(path)
    n_articles = n_claims = 0
    try:
        for _, claims, _ in extract_articles(nlp, articles, batch_size=batch_size, on_error=failed):
            n_articles += 1
            n_claims += len(claims)
            writer.write_all(c.to_dict() for c in claims)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return {"articles": n_articles, "claims": n_claims, "problems": problems}


@dataclass
class Summary:
    articles: int = 0
    claims: int = 0
    groups: int = 0
    conflicts: int = 0
    parts: int = 0
    split_groups: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)


def extract_dataset(client: Any, articles: Iterable[Article], out_dir: str | Path, *, model: str | None = None,
                    names: Sequence[dict[str, Any]] = (), batch_size: int = 16, partition_size: int = PARTITION_ARTICLES,
                    on_partition: Callable[[Summary], None] | None = None) -> Summary:
    """Every article's claims written by the workers to ``out_dir/part-NNNNNN.parquet`` (in
    input order by name). At most two partitions per worker are in flight, so the client holds
    only those articles; a partition that fails is named in ``problems``, the others stand."""
    from distributed import as_completed

    out = Path(out_dir).resolve()  # the workers' working folder is not the client's
    prepare_output(out)
    summary = Summary()
    pending = as_completed()
    limit = 2 * n_workers(client)
    sizes: dict[str, tuple[int, str]] = {}

    def collect(future: Any) -> None:
        size, first = sizes.pop(future.key)
        try:
            r = future.result()
        except Exception as e:  # a lost worker or a crash: this partition only
            summary.problems.append((f"the partition from {first} ({size} articles)", f"failed on the cluster ({e.__class__.__name__}: {e})"))
        else:
            summary.articles += r["articles"]
            summary.claims += r["claims"]
            summary.problems.extend(r["problems"])
        summary.parts += 1
        future.release()
        if on_partition:
            on_partition(summary)

    in_flight = 0
    for i, chunk in enumerate(batched(articles, partition_size)):
        future = client.submit(extract_partition, chunk, model, batch_size, str(out / f"part-{i:06d}.parquet"), list(names),
                               key=f"kursk-extract-{i}-{hashlib.sha1(repr([a.key for a in chunk]).encode()).hexdigest()[:10]}",
                               pure=False)
        sizes[future.key] = (len(chunk), chunk[0].key)
        pending.add(future)
        in_flight += 1
        while in_flight >= limit:
            collect(next(pending))
            in_flight -= 1
    for future in pending:
        collect(future)
    return summary


# --- conflicts -------------------------------------------------------------------------

def _claims_of_frame(df: Any) -> list[Claim]:
    import pyarrow as pa

    from ..io.parquet import claims_from_table

    columns = [c for c in df.columns if not str(c).startswith("_")]
    return list(claims_from_table(pa.Table.from_pandas(df[columns], preserve_index=False), "a partition of claims", fast=True))


def group_hash(key: tuple) -> str:
    return hashlib.sha1(repr(key).encode()).hexdigest()[:16]


def _windows(df: Any, days: int) -> Any:
    """Each claim's time window (as of, else published), 'undated' when it has no date."""
    import pandas as pd

    when = df["as_of"].astype(object).where(df["as_of"].notna(), df["published"].astype(object))
    dates = pd.to_datetime(when.astype("string").str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
    start = (dates - pd.Timestamp("1970-01-01")).dt.days // days * days
    labels = (pd.Timestamp("1970-01-01") + pd.to_timedelta(start, unit="D")).dt.strftime("%Y-%m-%d")
    return labels.astype(object).where(dates.notna(), "undated").astype("string")


def key_partition(df: Any, window_days: int = WINDOW_DAYS, partition_info: dict | None = None) -> Any:
    """Runs on a worker: the claims that can be compared, each with ``_part`` (its group),
    ``_window`` (its time window, used when the group is split) and ``_order`` (its place in
    the input)."""
    import numpy as np
    import pandas as pd

    from ..comparing.conflicts import family_key

    number = (partition_info or {}).get("number", 0)
    parts: list[str | None] = []
    hashes: dict[tuple, str] = {}
    for c in _claims_of_frame(df):
        key = family_key(c)  # land figures of every side together: one whose side is unknown meets them all
        if isinstance(key, str):
            parts.append(None)  # not compared (nor by one machine)
            continue
        h = hashes.get(key)
        if h is None:
            h = hashes[key] = group_hash(key)
        parts.append(h)
    keyed = df.assign(_part=pd.array(parts, dtype="string"), _window=_windows(df, window_days),
                      _order=np.arange(len(df), dtype="int64") + number * 2**32)
    return keyed[keyed["_part"].notna()]


def split_groups(df: Any, split: frozenset[str]) -> Any:
    """The claims of the groups in ``split`` keyed by group and time window."""
    big = df["_part"].isin(split)
    return df.assign(_part=df["_part"].where(~big, df["_part"] + "|" + df["_window"]))


def undated_part(df: Any) -> Any:
    """Runs on a worker: the statements of undated articles in a partition (JSON strings)."""
    import pandas as pd

    from ..comparing.conflicts import group_claims, undated_statements

    groups, _ = group_claims(_claims_of_frame(df), dated_by_echo=False)
    rows = [json.dumps([[list(k) for k in keys], article]) for keys, article in undated_statements(groups)]
    return pd.DataFrame({"statement": pd.array(rows, dtype=object)})


def dated_part(df: Any, wanted: frozenset) -> Any:
    """Runs on a worker: the dated statements of a partition that undated articles repeat."""
    import pandas as pd

    from ..comparing.conflicts import dated_statements, group_claims

    groups, _ = group_claims(_claims_of_frame(df), dated_by_echo=False)
    rows = [json.dumps([list(k), d.isoformat()]) for k, d in dated_statements(groups, set(wanted)).items()]
    return pd.DataFrame({"statement": pd.array(rows, dtype=object)})


def echo_dates_on(keyed: Any) -> dict[str, Any]:
    """The dates of undated articles found from the statements they repeat, over all claims:
    the same dates one machine finds (``conflicts.echo_dates``), in two light passes."""
    import datetime as dt

    import pandas as pd

    from ..comparing.conflicts import echo_dates

    meta = pd.DataFrame({"statement": pd.Series(dtype=object)})
    undated = [(tuple(tuple(k) for k in keys), article)
               for keys, article in (json.loads(s) for s in keyed.map_partitions(undated_part, meta=meta).compute()["statement"])]
    if not undated:
        return {}
    wanted = frozenset(k for keys, _ in undated for k in keys)
    dated: dict[tuple, Any] = {}
    for s in keyed.map_partitions(dated_part, wanted, meta=meta).compute()["statement"]:
        key, day = json.loads(s)
        key, day = tuple(key), dt.date.fromisoformat(day)
        if key not in dated or day < dated[key]:
            dated[key] = day
    return echo_dates([(list(keys), article) for keys, article in undated], dated)


def compare_partition(df: Any, max_per_claim: int | None = 10, min_severity: float = 0.0,
                      kinds: tuple[str, ...] = (), out_dir: str | None = None, fmt: str = "parquet",
                      echo: dict | None = None, partition_info: dict | None = None, confidence: str = "low") -> Any:
    """Runs on a worker: the conflicts of the groups in one shuffled partition, found by the
    single-machine code. Written to ``out_dir`` when given (only a count comes back),
    else returned as JSON strings."""
    import pandas as pd

    from ..comparing.conflicts import at_least, find_conflicts, group_claims

    df = df.sort_values("_order", kind="stable")
    claims = _claims_of_frame(df)
    windows: dict[str, list[Claim]] = {}
    for c, part in zip(claims, df["_part"].tolist()):
        windows.setdefault(part.partition("|")[2], []).append(c)
    found: list[Conflict] = []
    for subset in windows.values():  # "" holds every whole group; each window of a split group on its own
        groups, _ = group_claims(subset, echo=echo or {})
        found.extend(c for c in at_least(find_conflicts(subset, groups, max_per_claim), confidence)
                     if c.severity >= min_severity and (not kinds or c.kind in kinds))
    records = [c.to_dict() for c in found]
    if out_dir is None:
        return pd.DataFrame({"conflict": pd.array([json.dumps(r, ensure_ascii=False) for r in records], dtype=object)})
    number = (partition_info or {}).get("number", 0)
    path = Path(out_dir) / f"part-{number:06d}.{fmt}"
    if fmt == "parquet":
        from ..io.parquet import ParquetWriter

        writer = ParquetWriter(path, "conflicts")
        writer.write_all(records)
        writer.close()
    else:
        partial = path.with_name(path.name + ".partial")
        with partial.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        partial.replace(path)
    return pd.DataFrame({"conflict": pd.array([str(len(records))], dtype=object)})


def sort_conflicts(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The order of the single-machine path: most severe first, then group and claim ids."""
    return sorted(records, key=lambda d: (-d["severity"], d["group"], d["a"]["id"], d["b"]["id"]))


def conflicts_dataset(client: Any, claims_path: str | Path, *, max_per_claim: int | None = 10,
                      min_severity: float = 0.0, kinds: Iterable[str] = (), out_dir: str | Path | None = None,
                      fmt: str = "parquet", max_group: int = MAX_GROUP, window_days: int = WINDOW_DAYS,
                      partition_claims: int = PARTITION_CLAIMS,
                      on_partition: Callable[[Summary], None] | None = None, confidence: str = "low",
                      ) -> tuple[Summary, list[dict[str, Any]]]:
    """The conflicts of a claims dataset (a Parquet file or folder), found on the cluster.

    With ``out_dir`` the workers write ``part-NNNNNN.parquet`` (or ``.jsonl``) there and the
    returned list is empty; otherwise the conflicts come back to the client, in the order of
    the single-machine path."""
    try:
        return _conflicts_dataset(client, claims_path, max_per_claim=max_per_claim, min_severity=min_severity,
                                  kinds=kinds, out_dir=out_dir, fmt=fmt, max_group=max_group, window_days=window_days,
                                  partition_claims=partition_claims, on_partition=on_partition, confidence=confidence)
    except KurskError:
        raise
    except Exception as e:  # a worker lost, out of memory, a file the workers cannot see: one line for the user
        raise EngineError(f"the cluster could not finish ({e.__class__.__name__}: {str(e).splitlines()[0] if str(e) else ''}); "
                          "the dashboard and the workers' logs say more") from e


def _conflicts_dataset(client: Any, claims_path: str | Path, *, max_per_claim: int | None, min_severity: float,
                       kinds: Iterable[str], out_dir: str | Path | None, fmt: str, max_group: int, window_days: int,
                       partition_claims: int, on_partition: Callable[[Summary], None] | None, confidence: str = "low",
                       ) -> tuple[Summary, list[dict[str, Any]]]:
    import dask.dataframe as dd
    import pandas as pd
    from distributed import as_completed

    from ..io.parquet import dataset_files

    files = [str(f.resolve()) for f in dataset_files(claims_path)]  # the workers' working folder is not the client's
    if out_dir is not None:
        out_dir = Path(out_dir).resolve()
        prepare_output(out_dir)
    claims = dd.read_parquet(files, split_row_groups=True)  # a partition per row group (ROW_GROUP claims at most when we wrote it)
    claims = claims[[c for c in claims.columns if not str(c).startswith("_")]]  # a frame's own extras never clash
    meta = claims._meta.assign(_part=pd.Series(dtype="string"), _window=pd.Series(dtype="string"),
                               _order=pd.Series(dtype="int64"))
    # keyed once and kept on the workers (spilled to their disks when it does not fit)
    keyed = claims.map_partitions(key_partition, window_days, meta=meta).persist()
    counts = keyed["_part"].value_counts().compute()
    summary = Summary(claims=int(counts.sum()), groups=len(counts))
    split = frozenset(str(k) for k, n in counts.items() if n > max_group) if max_group else frozenset()
    summary.split_groups = len(split)
    if split:
        keyed = keyed.map_partitions(split_groups, split, meta=meta)
    if summary.claims == 0:
        return summary, []
    echo = echo_dates_on(keyed)
    n_parts = max(claims.npartitions, math.ceil(summary.claims / partition_claims))
    shuffled = keyed.shuffle(on="_part", npartitions=n_parts)
    out_meta = pd.DataFrame({"conflict": pd.Series(dtype=object)})
    compared = shuffled.map_partitions(compare_partition, max_per_claim, min_severity, tuple(kinds),
                                       None if out_dir is None else str(out_dir), fmt, echo, meta=out_meta,
                                       confidence=confidence)
    futures = client.compute(compared.to_delayed())
    records: list[dict[str, Any]] = []
    for future in as_completed(futures):
        frame = future.result()
        future.release()
        if out_dir is None:
            batch = [json.loads(s) for s in frame["conflict"]]
            records.extend(batch)
            summary.conflicts += len(batch)
        else:
            summary.conflicts += sum(int(s) for s in frame["conflict"])
        summary.parts += 1
        if on_partition:
            on_partition(summary)
    return summary, sort_conflicts(records)
