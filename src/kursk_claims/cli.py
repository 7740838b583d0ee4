"""The command line: ``kursk-claims extract`` and ``kursk-claims conflicts``.

The only module that touches the terminal: data goes to stdout, progress and errors to
stderr. Each command parses its options and calls plain functions that return records.
"""
from __future__ import annotations

import datetime as dt
import sys
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Annotated, Iterator, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import ArticleError, KurskError
from .output import CLAIM_COLUMNS, FORMATS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="The numeric claims of news articles, and the figures that disagree.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Exit(Exception):
    def __init__(self, code: int):
        self.code = code


def fail(message: str, code: int = 1) -> None:
    """One clear line on stderr, then exit."""
    err.print(f"[bold red]Error:[/] {message}", markup=True, highlight=False) if err.is_terminal else print(f"Error: {message}", file=sys.stderr)
    raise typer.Exit(code)


def warn(message: str) -> None:
    if err.is_terminal:
        err.print(f"[yellow]Warning:[/] {_escape(message)}")
    else:
        print(f"Warning: {message}", file=sys.stderr)


def _escape(s: str) -> str:
    from rich.markup import escape

    return escape(s)


@contextmanager
def _user_errors(code: int = 1) -> Iterator[None]:
    try:
        yield
    except KurskError as e:
        fail(str(e), code)


def _choose_format(fmt: Optional[str], output: Optional[Path]) -> str:
    if fmt is None:
        return "table" if output is None and sys.stdout.isatty() else "jsonl"
    fmt = fmt.lower()
    if fmt not in FORMATS + ("parquet",):
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS + ('parquet',))}", 2)
    if fmt == "parquet" and output is None:
        fail("--format parquet writes a file: give it with --output FILE", 2)
    return fmt


def _parse_as_of(value: Optional[str]) -> Optional[dt.datetime]:
    if value is None:
        return None
    from .dates import parse_date

    iso = parse_date(value, relative_to=dt.datetime.now(), allow_relative=True) or parse_date(value + " " + str(dt.date.today().year))
    if iso is None:
        fail(f"--as-of {value!r} is not a date; write it like 2024-12-20", 2)
    return dt.datetime.fromisoformat(iso)


def _open_output(output: Optional[Path]):
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})", 2)


FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", help="table, jsonl, json, csv or parquet (with --output). Default: a table on a terminal, JSON Lines when piped.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the records to this file instead of standard output.")]
DbOpt = Annotated[Optional[str], typer.Option("--db", help="The SQLite store (default: $KURSK_CLAIMS_DB or ./kursk-claims.db).")]
EngineOpt = Annotated[Optional[str], typer.Option("--engine", help="dask: run on a Dask cluster (pip install 'kursk-claims[dask]'); --output names a dataset folder.")]
SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", help="With --engine dask: the scheduler address (tcp://host:8786). Default: a local cluster.")]
LocalWorkersOpt = Annotated[Optional[int], typer.Option("--local-workers", min=1, help="With --engine dask and no --scheduler: processes in the local cluster (default 2).")]


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Article files, folders (searched for .txt, .md, .jsonl), JSON Lines article files, or - for standard input.", show_default=False)],
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    model: Annotated[Optional[str], typer.Option(help="A trained spaCy pipeline (package name or folder) to use with the project's rules.")] = None,
    workers: Annotated[int, typer.Option(min=1, help="Processes reading articles in parallel, each with its own pipeline.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per nlp.pipe batch.")] = 16,
    sources: Annotated[Optional[Path], typer.Option(help="A sources.json or sources.csv with file/url, publisher, published for each article.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="The date to resolve relative dates (\"3 days ago\") against.")] = None,
    db: DbOpt = None,
    no_store: Annotated[bool, typer.Option("--no-store", help="Do not save the claims to the store.")] = False,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    local_workers: LocalWorkersOpt = None,
) -> None:
    """Every numeric claim in the articles, with its figure, reading, counted noun, subject,
    measure, attribution, outlet and date.

    Example:

        kursk-claims extract seeds/ --format jsonl | jq 'select(.measure == "deployed")'
    """
    from .articles import Article, Problem, read_articles
    from .extract import extract_articles
    from .output import RecordWriter, claims_table
    from .pipeline import build_pipeline, pipeline_signature
    from .store import Store, default_path

    if engine is not None or scheduler is not None or local_workers is not None:
        _extract_on_cluster(inputs, fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers)
        return
    fmt = _choose_format(fmt, output)
    base = _parse_as_of(as_of)
    if sources is not None and not sources.is_file():
        fail(f"--sources {sources}: no such file", 2)
    with _user_errors(2):
        nlp = build_pipeline(model)
    signature = pipeline_signature(nlp, model)
    problems: list[Problem] = []

    def articles() -> Iterator[Article]:
        for item in _read_inputs(inputs, sources, base):
            if isinstance(item, Problem):
                problems.append(item)
                warn(str(item))
            else:
                yield item

    store = None
    if not no_store:
        with _user_errors(1):
            store = Store(default_path(db))
    known = (lambda a: store.cached(a, signature)) if store else None

    def failed(article: Optional[Article], e: Exception) -> None:
        why = str(e) if isinstance(e, ArticleError) else f"{e.__class__.__name__}: {e}"
        problem = Problem(article.key if article else "an article", f"could not be read ({why})")
        problems.append(problem)
        warn(str(problem))

    results = extract_articles(nlp, articles(), batch_size=batch_size, workers=workers, known=known, model=model,
                               on_error=failed)
    n_articles = 0
    with _user_errors(1), (store.transaction() if store else nullcontext()):
        progress = _Progress() if err.is_terminal else None
        table_claims = []
        out = None if fmt in ("table", "parquet") else _open_output(output)
        writer = RecordWriter(fmt, out, CLAIM_COLUMNS) if out else _parquet_writer(output, "claims") if fmt == "parquet" else None
        for article, claims, fresh in results:
            n_articles += 1
            if store and fresh:
                store.replace(article, claims, signature)
            if writer:
                writer.write_all(c.to_dict() for c in claims)
            else:
                table_claims.extend(claims)
            if progress:
                progress.advance()
        if progress:
            progress.stop()
        if writer:
            writer.close()
            if out not in (None, sys.stdout):
                out.close()
    if store:
        store.close()
    if fmt == "table":
        Console().print(claims_table(table_claims))
    if problems:
        if not n_articles:
            fail(f"no article could be read ({len(problems)} problem{'s' if len(problems) > 1 else ''} above)", 1)
        raise typer.Exit(1)


@app.command()
def conflicts(
    claims_file: Annotated[Optional[str], typer.Argument(help="Claims as JSON Lines (what `extract --format jsonl` prints), or - for standard input. Default: standard input when piped, else the store.", show_default=False)] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = None,
    min_severity: Annotated[float, typer.Option(min=0.0, max=1.0, help="Leave out conflicts below this severity (0-1).")] = 0.0,
    kind: Annotated[Optional[list[str]], typer.Option(help="Only these kinds: scale, bound, mismatch (repeatable).")] = None,
    check: Annotated[bool, typer.Option("--check", help="Exit 1 when any conflict is found (for scripts).")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also say, on stderr, why claims were grouped and why some were not compared.")] = False,
    max_per_claim: Annotated[int, typer.Option(min=0, help="At most this many conflicting pairs per claim (the farthest first); 0 for all.")] = 10,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    local_workers: LocalWorkersOpt = None,
    max_group: Annotated[int, typer.Option(min=0, help="With --engine dask: a quantity group with more claims is compared in 30-day windows (0: never split).")] = 1_000_000,
) -> None:
    """The figures that disagree: claims grouped by what they measure, conflicting pairs
    explained and ranked by severity.

    Example:

        kursk-claims extract seeds/ --format jsonl | kursk-claims conflicts --format jsonl
    """
    from .conflicts import KINDS, explain as explain_lines, find_conflicts, group_claims
    from .output import CONFLICT_COLUMNS, conflicts_table, flat_conflict, write_records

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}; choose from {', '.join(KINDS)}", 2)
    if engine is not None or scheduler is not None or local_workers is not None:
        _conflicts_on_cluster(claims_file, fmt, output, min_severity, tuple(kind or ()), check, max_per_claim,
                              engine, scheduler, local_workers, max_group)
        return
    fmt = _choose_format(fmt, output)
    with _user_errors(1):
        claims = _load_claims(claims_file, db)
    groups, skipped = group_claims(claims)
    found = [c for c in find_conflicts(claims, groups, max_per_claim or None) if c.severity >= min_severity and (not kind or c.kind in kind)]
    if explain:
        for line in explain_lines(groups, skipped):
            print(line, file=sys.stderr)
    if fmt == "table":
        Console().print(conflicts_table(groups, found))
    elif fmt == "parquet":
        _write_parquet(output, "conflicts", (c.to_dict() for c in found))
    else:
        out = _open_output(output)
        rows = (flat_conflict(c) if fmt == "csv" else c.to_dict() for c in found)
        write_records(rows, fmt, out, CONFLICT_COLUMNS)
        if out is not sys.stdout:
            out.close()
    if check and found:
        raise typer.Exit(1)


@app.command()
def report(
    claims_file: Annotated[Optional[str], typer.Argument(help="Claims as JSON Lines, or - for standard input. Default: standard input when piped, else the store.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")] = Path("kursk-claims-report.html"),
    open_it: Annotated[bool, typer.Option("--open", help="Open the page in the default browser.")] = False,
    title: Annotated[str, typer.Option(help="The page title.")] = "kursk-claims report",
    db: DbOpt = None,
) -> None:
    """One self-contained HTML page: a timeline per quantity, the conflicts marked, every
    article's claims. Works offline and runs no scripts.

    Example:

        kursk-claims extract seeds/ --format jsonl | kursk-claims report -o seeds.html
    """
    from .report import build_report

    with _user_errors(1):
        claims = _load_claims(claims_file, db)
    page = build_report(claims, title=title)
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})", 2)
    print(f"Wrote {output} ({len(page) / 1e6:.2f} MB, {len(claims)} claims)", file=sys.stderr)
    if open_it:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def _load_claims(claims_file: Optional[str], db: Optional[str]) -> list:
    from .records import read_claims_jsonl
    from .store import Store, default_path

    if claims_file not in (None, "-") and Path(claims_file).exists():
        from .parquet import is_parquet, read_claims

        if is_parquet(claims_file):
            return read_claims(claims_file)
        if Path(claims_file).is_dir():
            fail(f"{claims_file}: a folder with no .parquet files in it; give a claims file or a Parquet dataset", 1)
    if claims_file == "-" or (claims_file is None and not sys.stdin.isatty()):
        piped = sys.stdin.read()
        if piped.strip() or claims_file == "-":
            return read_claims_jsonl(piped.splitlines(), "<stdin>")
        # nothing was piped (a cron job, /dev/null): fall back to the store
    if claims_file is not None:
        path = Path(claims_file)
        if not path.is_file():
            fail(f"{claims_file}: no such file", 1)
        try:
            with path.open(encoding="utf-8") as f:
                return read_claims_jsonl(f, claims_file)
        except UnicodeDecodeError:
            fail(f"{claims_file}: not UTF-8 text", 1)
    path = default_path(db)
    if not path.exists():
        fail(f"no claims store at {path}: run `kursk-claims extract ARTICLES` first, or pass a claims file", 1)
    with Store(path) as store:
        return list(store.all_claims())


def _read_inputs(inputs: list[str], sources: Optional[Path], base):
    """read_articles, plus Parquet files or folders of articles (a ``text`` column), read as
    JSON Lines article records are."""
    from .articles import _jsonl_articles, load_sources, read_articles
    from .errors import InputError
    from .parquet import article_records, is_article_table

    tables = {given for given in inputs if given != "-" and Path(given).exists() and is_article_table(given)}
    if not tables:
        yield from read_articles(inputs, sources=sources, as_of=base)
        return
    extra = None
    for given in inputs:
        if given in tables:
            if extra is None:
                try:
                    extra = load_sources(sources) if sources else {}
                except InputError:
                    extra = {}  # read_articles names a bad sources file
            yield from _jsonl_articles(article_records(given), given, extra, base)
        else:
            yield from read_articles([given], sources=sources, as_of=base)


def _parquet_writer(output: Optional[Path], kind: str):
    from .parquet import ParquetWriter

    assert output is not None
    with _user_errors(2):
        return ParquetWriter(output, kind)


def _write_parquet(output: Optional[Path], kind: str, records) -> None:
    writer = _parquet_writer(output, kind)
    writer.write_all(records)
    writer.close()


def _cluster(engine: Optional[str], scheduler: Optional[str], local_workers: Optional[int]):
    """The Dask client for --engine dask."""
    from .distributed import cluster

    if engine != "dask":
        fail(f"unknown engine {engine!r}; the one engine is dask" if engine else "--scheduler and --local-workers need --engine dask", 2)
    if scheduler and local_workers:
        fail("give --scheduler or --local-workers, not both", 2)
    return cluster(scheduler, local_workers)


def _said(client) -> None:
    from .distributed import dashboard, n_workers

    link = dashboard(client)
    print(f"Dask: {n_workers(client)} workers; dashboard: {link or 'none (install bokeh)'}", file=sys.stderr)


def _extract_on_cluster(inputs, fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers) -> None:
    """extract --engine dask: the workers write a Parquet dataset into the --output folder."""
    from .articles import Problem
    from .distributed import extract_dataset, prepare_output

    if fmt not in (None, "parquet"):
        fail("--engine dask writes a Parquet dataset; leave out --format or give --format parquet", 2)
    if output is None:
        fail("--engine dask needs --output DIR/, the folder the workers write the claims dataset into", 2)
    base = _parse_as_of(as_of)
    if sources is not None and not sources.is_file():
        fail(f"--sources {sources}: no such file", 2)
    problems: list[Problem] = []

    def articles():
        for item in _read_inputs(inputs, sources, base):
            if isinstance(item, Problem):
                problems.append(item)
                warn(str(item))
            else:
                yield item

    def progress(s) -> None:
        print(f"{s.parts} partitions done: {s.articles} articles, {s.claims} claims", file=sys.stderr)

    with _user_errors(1):
        prepare_output(output)  # before the cluster starts: a folder already used is refused at once
    with _user_errors(1), _cluster(engine, scheduler, local_workers) as client:
        _said(client)
        summary = extract_dataset(client, articles(), output, model=model, batch_size=batch_size, on_partition=progress)
    for where, message in summary.problems:
        problems.append(Problem(where, message))
        warn(f"{where}: {message}")
    print(f"Wrote {output} ({summary.parts} Parquet files, {summary.claims} claims of {summary.articles} articles)", file=sys.stderr)
    if problems:
        if not summary.articles:
            fail(f"no article could be read ({len(problems)} problem{'s' if len(problems) > 1 else ''} above)", 1)
        raise typer.Exit(1)


def _conflicts_on_cluster(claims_file, fmt, output, min_severity, kinds, check, max_per_claim, engine, scheduler,
                          local_workers, max_group) -> None:
    """conflicts --engine dask: claims from a Parquet file or dataset; conflicts written by the
    workers into --output DIR/ (Parquet, or --format jsonl), else printed as for one machine."""
    from .distributed import conflicts_dataset, prepare_output
    from .output import CONFLICT_COLUMNS, flat_conflict, write_records
    from .parquet import is_parquet
    from .records import Claim, Conflict

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
        fmt = _choose_format(fmt, output)

    def progress(s) -> None:
        print(f"{s.parts} partitions compared: {s.conflicts} conflicts", file=sys.stderr)

    if to_dir:
        with _user_errors(1):
            prepare_output(output)

    with _user_errors(1), _cluster(engine, scheduler, local_workers) as client:
        _said(client)
        summary, found = conflicts_dataset(client, claims_file, max_per_claim=max_per_claim or None,
                                           min_severity=min_severity, kinds=kinds,
                                           out_dir=output if to_dir else None, fmt=fmt or "parquet",
                                           max_group=max_group, on_partition=progress)
    print(f"{summary.claims} claims in {summary.groups} groups" + (f" ({summary.split_groups} compared in time windows)" if summary.split_groups else "")
          + f": {summary.conflicts} conflicts", file=sys.stderr)
    if not to_dir:
        if fmt == "parquet":
            _write_parquet(output, "conflicts", found)
        else:
            out = _open_output(output)
            rows = (flat_conflict(Conflict(d["kind"], d["severity"], d["explanation"], Claim.from_dict(d["a"]), Claim.from_dict(d["b"]), d["group"], d["suggestion"],
                                           {k: v for k, v in d.items() if k not in ("kind", "severity", "explanation", "a", "b", "group", "suggestion")}))
                    if fmt == "csv" else d for d in found)
            write_records(rows, fmt, out, CONFLICT_COLUMNS)
            if out is not sys.stdout:
                out.close()
    if check and summary.conflicts:
        raise typer.Exit(1)


class _Progress:
    """A progress bar on stderr, shown once a run has taken a few seconds."""

    def __init__(self) -> None:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.completed} articles read"), TimeElapsedColumn(),
                            console=err, transient=True)
        self.task = self.bar.add_task("reading", total=None)
        self.started = False
        self.count = 0

    def advance(self) -> None:
        self.count += 1
        if not self.started and self.count >= 20:
            self.bar.start()
            self.started = True
        self.bar.advance(self.task)

    def stop(self) -> None:
        if self.started:
            self.bar.stop()


def _version(value: bool) -> None:
    if value:
        print(f"kursk-claims {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """The numeric claims of news articles, and the figures that disagree."""


def main() -> None:
    app()
