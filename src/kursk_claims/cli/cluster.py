"""``--engine dask``: extract and conflicts on a Dask cluster, and Parquet output."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..io.output import CLAIM_COLUMNS
from .terminal import (
    choose_format,
    close_quietly,
    fail,
    open_output,
    parse_as_of,
    user_errors,
    warn,
)


def parquet_writer(output: Optional[Path], kind: str):
    from ..io.parquet import ParquetWriter

    assert output is not None
    with user_errors(2):
        return ParquetWriter(output, kind)


def write_parquet(output: Optional[Path], kind: str, records) -> None:
    writer = parquet_writer(output, kind)
    writer.write_all(records)
    writer.close()


def cluster(engine: Optional[str], scheduler: Optional[str], local_workers: Optional[int]):
    """The Dask client for --engine dask."""
    from ..run.distributed import cluster

    if engine != "dask":
        fail(f"unknown engine {engine!r}; the one engine is dask" if engine else "--scheduler and --local-workers need --engine dask", 2)
    if scheduler and local_workers:
        fail("give --scheduler or --local-workers, not both", 2)
    return cluster(scheduler, local_workers)


def said(client) -> None:
    from ..run.distributed import dashboard, n_workers

    link = dashboard(client)
    print(f"Dask: {n_workers(client)} workers; dashboard: {link or 'none (install bokeh)'}", file=sys.stderr)


def extract_on_cluster(inputs, fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers,
                        packs=()) -> None:
    """extract --engine dask: the workers write a Parquet dataset into the --output folder."""
    from ..core.article import Problem
    from ..run.distributed import extract_dataset, prepare_output
    from ..run.session import read_inputs

    if fmt == "table":
        fail("--engine dask prints no table: give --format jsonl, json or csv, or --output DIR/ for a Parquet dataset", 2)
    records = fmt in ("jsonl", "json", "csv")
    if records:
        # the workers write a dataset into a scratch folder; the records are read back from it in
        # input order and printed (or written to --output FILE) as one machine prints them
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="kursk-claims-")
        dataset = Path(scratch.name) / "claims"
    elif output is None:
        fail("--engine dask needs --output DIR/, the folder the workers write the claims dataset into "
             "(or --format jsonl, json or csv to print the claims)", 2)
    else:
        dataset = output
    base = parse_as_of(as_of)
    if sources is not None and not sources.is_file():
        fail(f"--sources {sources}: no such file", 2)
    problems: list[Problem] = []

    def articles():
        for item in read_inputs(inputs, sources, base):
            if isinstance(item, Problem):
                problems.append(item)
                warn(str(item))
            else:
                yield item

    def progress(s) -> None:
        print(f"{s.parts} partitions done: {s.articles} articles, {s.claims} claims", file=sys.stderr)

    with user_errors(1):
        prepare_output(dataset)  # before the cluster starts: a folder already used is refused at once
    with user_errors(1), cluster(engine, scheduler, local_workers) as client:
        said(client)
        summary = extract_dataset(client, articles(), dataset, model=model, names=packs, batch_size=batch_size, on_partition=progress)
    for where, message in summary.problems:
        problems.append(Problem(where, message))
        warn(f"{where}: {message}")
    if records:
        _print_dataset(dataset, fmt, output, summary.parts)
        scratch.cleanup()
        print("Note: with --engine dask the claims are not in the store", file=sys.stderr)
    else:
        print(f"Wrote {output} ({summary.parts} Parquet files, {summary.claims} claims of {summary.articles} articles)", file=sys.stderr)
        print(f"Note: with --engine dask the claims are in {output} only, not in the store; "
              f"give {output} to conflicts or report", file=sys.stderr)
    if problems:
        if not summary.articles:
            fail(f"no article could be read ({len(problems)} problem{'s' if len(problems) > 1 else ''} above)", 1)
        raise typer.Exit(1)


def _print_dataset(dataset: Path, fmt: str, output: Optional[Path], parts: int) -> None:
    """The claims of a dataset the workers wrote, as records in ``fmt``, file by file in input
    order, to ``output`` or standard output."""
    from ..io.output import RecordWriter
    from ..io.parquet import claims_from_table, dataset_files, pyarrow

    if not parts:
        return
    pyarrow()
    import pyarrow.parquet as pq

    out = open_output(output)
    writer = RecordWriter(fmt, out, CLAIM_COLUMNS)
    with user_errors(1):
        for f in dataset_files(dataset):
            writer.write_all(c.to_dict() for c in claims_from_table(pq.read_table(f), str(f)))
        writer.close()
    if out is not sys.stdout:
        close_quietly(out)


def conflicts_on_cluster(claims_file, fmt, output, min_severity, kinds, max_per_claim, engine, scheduler,
                          local_workers, max_group, confidence="low") -> int:
    """conflicts --engine dask: claims from a Parquet file or dataset; conflicts written by the
    workers into --output DIR/ (Parquet, or --format jsonl), else printed as for one machine."""
    from ..core.records import Claim, Conflict
    from ..io.output import CONFLICT_COLUMNS, flat_conflict, write_records
    from ..io.parquet import is_parquet
    from ..run.distributed import conflicts_dataset, prepare_output

    if claims_file is None or claims_file == "-" or not Path(claims_file).exists() or not is_parquet(claims_file):
        fail("--engine dask reads claims as a Parquet file or dataset folder (extract --engine dask or --format parquet writes one)", 2)
    to_dir = output is not None and (output.is_dir() or not output.suffix)  # conflicts/ rather than conflicts.jsonl
    if to_dir and fmt not in (None, "parquet", "jsonl"):
        fail("--engine dask writes a conflicts folder as parquet or jsonl", 2)
    if not to_dir:
        if fmt is None and output is None and sys.stdout.isatty():
            fmt = "jsonl"  # a table needs every claim in one process
        if fmt == "table":
            fail("--engine dask prints jsonl, json, csv or parquet, not a table (a table needs every claim in one process)", 2)
        fmt = choose_format(fmt, output)

    def progress(s) -> None:
        print(f"{s.parts} partitions compared: {s.conflicts} conflicts", file=sys.stderr)

    if to_dir:
        with user_errors(1):
            prepare_output(output)

    with user_errors(1), cluster(engine, scheduler, local_workers) as client:
        said(client)
        summary, found = conflicts_dataset(client, claims_file, max_per_claim=max_per_claim or None,
                                           min_severity=min_severity, kinds=kinds,
                                           out_dir=output if to_dir else None, fmt=fmt or "parquet",
                                           max_group=max_group, on_partition=progress, confidence=confidence)
    print(f"{summary.claims} claims in {summary.groups} groups" + (f" ({summary.split_groups} compared in time windows)" if summary.split_groups else "")
          + f": {summary.conflicts} conflicts", file=sys.stderr)
    if not to_dir:
        if fmt == "parquet":
            write_parquet(output, "conflicts", found)
        else:
            out = open_output(output)
            rows = (flat_conflict(Conflict(d["kind"], d["severity"], d["explanation"], Claim.from_dict(d["a"]), Claim.from_dict(d["b"]), d["group"], d["suggestion"],
                                           {k: v for k, v in d.items() if k not in ("kind", "severity", "explanation", "a", "b", "group", "suggestion")}))
                    if fmt == "csv" else d for d in found)
            write_records(rows, fmt, out, CONFLICT_COLUMNS)
            if out is not sys.stdout:
                out.close()
    return summary.conflicts
