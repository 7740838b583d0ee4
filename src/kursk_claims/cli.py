"""The command line: ``kursk-claims extract`` and ``kursk-claims conflicts``.

The only module that touches the terminal: data goes to stdout, progress and errors to
stderr. Each command parses its options and calls plain functions that return records.
"""
from __future__ import annotations

import datetime as dt
import io
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, NoReturn, Optional

import typer

from .core.controls import printable
from .core.errors import KurskError
from .io.output import CLAIM_COLUMNS, FORMATS, SafeConsole as Console


class _HelpWithoutType:
    """``--help`` listed without a ``<bool>`` after it, like the other flags."""

    def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.metavar = ""
        return option


class _Group(_HelpWithoutType, typer.core.TyperGroup):
    pass


class _Command(_HelpWithoutType, typer.core.TyperCommand):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """An argument's name (INPUT, CLAIMS) says what it takes: no ``<str>`` beside it."""
        super().__init__(*args, **kwargs)
        for param in self.params:
            if isinstance(param, typer.core.TyperArgument):
                param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]

    def collect_usage_pieces(self, ctx):  # type: ignore[no-untyped-def]
        """``INPUT...`` in the usage line, as man pages write it, not ``{INPUT}...``."""
        return [p[1:].replace("}", "", 1) if p.startswith("{") else p for p in super().collect_usage_pieces(ctx)]


app = typer.Typer(
    cls=_Group,
    add_completion=False,
    no_args_is_help=True,
    help="The numeric claims of news articles, and the figures that disagree.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """One clear line on stderr, then exit."""
    err.print(f"[bold red]Error:[/] {_escape(message)}", markup=True, highlight=False) if err.is_terminal else print(f"Error: {printable(message)}", file=sys.stderr)
    raise typer.Exit(code)


def warn(message: str) -> None:
    if err.is_terminal:
        err.print(f"[yellow]Warning:[/] {_escape(message)}")
    else:
        print(f"Warning: {printable(message)}", file=sys.stderr)


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
    from .reading.dates import parse_date

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


def _print_table(table: object, output: Optional[Path]) -> None:
    """A table to the terminal, or to ``--output`` FILE (plain text)."""
    if output is None:
        Console().print(table)
        return
    out = _open_output(output)
    try:
        Console(file=out, width=100, no_color=True).print(table)
    finally:
        _close_quietly(out)


FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="table, jsonl, json, csv or parquet (with --output). Default: a table on a terminal, JSON Lines when piped.")]
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the records to this file instead of standard output.")]
DbOpt = Annotated[Optional[str], typer.Option("--db", metavar="PATH", help="The SQLite store (default: $KURSK_CLAIMS_DB or ./kursk-claims.db).")]
EngineOpt = Annotated[Optional[str], typer.Option("--engine", metavar="dask", help="dask: run on a Dask cluster (pip install 'kursk-claims\\[dask]'); --output names a dataset folder.")]
SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler address (tcp://host:8786). Default: a local cluster.")]
LocalWorkersOpt = Annotated[Optional[int], typer.Option("--local-workers", min=1, metavar="N", help="With --engine dask and no --scheduler: processes in the local cluster (default 2).")]


@app.command(cls=_Command, short_help="Every numeric claim in the articles: figure, reading, what is counted, whose, who says so.")
def extract(
    inputs: Annotated[Optional[list[str]], typer.Argument(metavar="INPUT", help="Article files, folders (searched for .txt, .md, .jsonl, .html, .htm, .xhtml, .shtml, .rss, .atom, .warc and .warc.gz files), JSON Lines article files, saved web pages, WARC archives, feeds, http(s) URLs, or - for standard input.", show_default=False)] = None,
    fmt: FormatOpt = None,
    urls: Annotated[Optional[Path], typer.Option("--urls", metavar="FILE", help="A file of URLs to fetch and read, one a line (# comments allowed).")] = None,
    refresh: Annotated[bool, typer.Option("--refresh", metavar="", help="Fetch URLs again instead of using the page cache.")] = False,
    timeout: Annotated[float, typer.Option(min=0.1, metavar="SECONDS", help="Seconds a web page may take, all of it (connecting, redirects, reading), before it is given up.")] = 20.0,
    output: OutputOpt = None,
    model: Annotated[Optional[str], typer.Option(metavar="NAME_OR_PATH", help="A trained spaCy pipeline (package name or folder) to use with the project's rules.")] = None,
    names: Annotated[Optional[list[Path]], typer.Option("--names", metavar="FILE", help="A names pack: a JSON file of parties and the names they go by, for a war the built-in names do not know (README: parties of any war). May be given more than once.")] = None,
    workers: Annotated[int, typer.Option(min=1, metavar="N", help="Processes reading articles in parallel, each with its own pipeline.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, metavar="N", help="Articles per nlp.pipe batch.")] = 16,
    sources: Annotated[Optional[Path], typer.Option(metavar="FILE", help="A sources.json or sources.csv with file/url, publisher, published for each article.")] = None,
    as_of: Annotated[Optional[str], typer.Option("--as-of", metavar="DATE", help="The date to resolve relative dates (\"3 days ago\") against.")] = None,
    db: DbOpt = None,
    no_store: Annotated[bool, typer.Option("--no-store", metavar="", help="Do not save the claims to the store.")] = False,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    local_workers: LocalWorkersOpt = None,
) -> None:
    """Every numeric claim in the articles, with its figure, reading, counted noun, subject,
    measure, attribution, outlet and date.

    Example:

        kursk-claims extract seeds/ --format jsonl | jq 'select(.measure == "deployed")'

    Exit status: 0 every input was read; 1 some input could not be read (the others were
    read, and stored), or the store or the output could not be written; 2 a wrong option or
    argument; 130 stopped by Ctrl-C; 141 the output's reader went away (| head).
    """
    from .io.output import RecordWriter, claims_table
    from .io.store import Store, default_path
    from .pipeline.components import build_pipeline, pipeline_signature
    from .run.session import extract_session, read_inputs

    packs = _names_packs(names or [])
    if engine is not None or scheduler is not None or local_workers is not None:
        _extract_on_cluster(inputs or [], fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers,
                            packs)
        return
    fmt = _choose_format(fmt, output)
    base = _parse_as_of(as_of)
    if sources is not None and not sources.is_file():
        fail(f"--sources {sources}: no such file", 2)
    with _user_errors(2):
        nlp = build_pipeline(model, packs)
    signature = pipeline_signature(nlp, model)

    inputs = inputs or []
    with _user_errors(2):
        url_list, fetcher = _web_setup(inputs, urls, refresh, timeout, db)
    if not inputs and not url_list:
        fail("nothing to read: name article files, folders, URLs or - (standard input), or give --urls FILE", 2)

    store = None
    if not no_store:
        with _user_errors(1):
            store = Store(default_path(db))
    progress = _Progress() if err.is_terminal else None
    out = None if fmt in ("table", "parquet") else _open_output(output)
    writer = RecordWriter(fmt, out, CLAIM_COLUMNS) if out else _parquet_writer(output, "claims") if fmt == "parquet" else None
    with _user_errors(1):
        result = extract_session(nlp, read_inputs(inputs, sources, base, url_list, fetcher), signature=signature,
                                 store=store, writer=writer, collect=fmt == "table", batch_size=batch_size,
                                 workers=workers, model=model, names=packs, on_warning=warn,
                                 on_article=progress.advance if progress else None)
    if progress:
        progress.stop()
    if out not in (None, sys.stdout):
        _close_quietly(out)
    if store:
        store.close()
    if result.lost:  # a closed pipe, a full disk: what was read so far is saved
        n = result.articles
        kept = f"; the {n} article{'s' if n != 1 else ''} read so far {'are' if n != 1 else 'is'} stored" if store else ""
        _output_lost(result.lost, output, kept)
    if fmt == "table":
        try:
            _print_table(claims_table(result.claims, result.no_claims), output)
        except OSError as e:
            _output_lost(e, output, "")
    if result.interrupted:
        n = result.articles
        print(f"interrupted: {n} article{'s' if n != 1 else ''} read{' and stored' if store else ''}", file=sys.stderr)
        raise typer.Exit(130)
    if result.problems:
        if result.nothing_read:
            fail(f"no article could be read ({len(result.problems)} problem{'s' if len(result.problems) > 1 else ''} above)", 1)
        raise typer.Exit(result.exit_code)


@app.command(cls=_Command, short_help="The figures that disagree, grouped by quantity, explained and ranked.")
def conflicts(
    claims_file: Annotated[Optional[str], typer.Argument(metavar="CLAIMS", help="Claims as JSON Lines (what `extract --format jsonl` prints), or - for standard input. Default: standard input when piped, else the store.", show_default=False)] = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    db: DbOpt = None,
    min_severity: Annotated[float, typer.Option(min=0.0, max=1.0, metavar="X", help="Leave out conflicts below this severity (0-1).")] = 0.0,
    kind: Annotated[Optional[list[str]], typer.Option(metavar="KIND", help="Only these kinds: scale, bound, mismatch (repeatable).")] = None,
    check: Annotated[bool, typer.Option("--check", metavar="", help="Exit 1 when any conflict is found, 0 when none, 2 on an error (for scripts).")] = False,
    explain: Annotated[bool, typer.Option("--explain", metavar="", help="Also say, on stderr, why claims were grouped and why some were not compared.")] = False,
    max_per_claim: Annotated[int, typer.Option(min=0, metavar="N", help="At most this many conflicting pairs per claim (the farthest first); 0 for all.")] = 10,
    engine: EngineOpt = None,
    scheduler: SchedulerOpt = None,
    local_workers: LocalWorkersOpt = None,
    max_group: Annotated[int, typer.Option(min=0, metavar="N", help="With --engine dask: a quantity group with more claims is compared in 30-day windows (0: never split).")] = 1_000_000,
    confidence: Annotated[str, typer.Option(metavar="LEVEL", help="The least confidence shown: high (only high), medium (high and medium), low (all).")] = "medium",
) -> None:
    """The figures that disagree: claims grouped by what they measure, conflicting pairs
    explained and ranked by severity, each with how sure it is (by default the high and
    medium ones are shown; --confidence low shows all).

    Example:

        kursk-claims extract seeds/ --format jsonl | kursk-claims conflicts --format jsonl

    Exit status: 0 done; 1 an error (the claims or the store could not be read, the output
    not written); 2 a wrong option; 141 the output's reader went away (| head). With --check,
    as diff and grep do: 0 no conflict found, 1 conflicts found, 2 an error.
    """
    from .comparing.conflicts import KINDS, LEVELS

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}; choose from {', '.join(KINDS)}", 2)
    if confidence not in LEVELS:
        fail(f"unknown confidence {confidence!r}; choose from {', '.join(LEVELS)}", 2)
    with _error_status(2 if check else 1):  # with --check, 1 means conflicts found
        n = _conflicts(claims_file, fmt, output, db, min_severity, kind, explain, max_per_claim, engine, scheduler,
                       local_workers, max_group, confidence)
    if check and n:
        raise typer.Exit(1)


@contextmanager
def _error_status(code: int) -> Iterator[None]:
    """An error's exit status 1 becomes ``code``."""
    try:
        yield
    except typer.Exit as e:
        if e.exit_code == 1 and code != 1:
            raise typer.Exit(code) from None
        raise


def _conflicts(claims_file, fmt, output, db, min_severity, kind, explain, max_per_claim, engine, scheduler,  # type: ignore[no-untyped-def]
               local_workers, max_group, confidence) -> int:
    """What ``conflicts`` does, once its options are checked; the number of conflicts found."""
    from .comparing.conflicts import explain as explain_lines
    from .io.output import CONFLICT_COLUMNS, conflicts_table, flat_conflict, write_conflicts_jsonl, write_records
    from .run.session import conflicts_session

    if engine is not None or scheduler is not None or local_workers is not None:
        if explain:
            warn("--explain is not available with --engine dask (the groups are formed on the workers); "
                 "run without --engine to see why claims were grouped and why some were not compared")
        return _conflicts_on_cluster(claims_file, fmt, output, min_severity, tuple(kind or ()), max_per_claim,
                                     engine, scheduler, local_workers, max_group, confidence)
    fmt = _choose_format(fmt, output)
    with _user_errors(1):
        claims = _load_claims(claims_file, db)
    result = conflicts_session(claims, min_severity=min_severity, kinds=kind or (), max_per_claim=max_per_claim,
                               confidence=confidence)
    groups, skipped, found = result.groups, result.skipped, result.found
    if explain:
        for line in explain_lines(groups, skipped, reported=found):
            print(printable(line), file=sys.stderr)
    if fmt == "table":
        try:
            _print_table(conflicts_table(groups, found), output)
        except OSError as e:
            _output_lost(e, output, "")
    elif fmt == "parquet":
        _write_parquet(output, "conflicts", (c.to_dict() for c in found))
    else:
        out = _open_output(output)
        rows = (flat_conflict(c) if fmt == "csv" else c.to_dict() for c in found)
        try:
            if fmt == "jsonl":
                write_conflicts_jsonl(rows, out)
            else:
                write_records(rows, fmt, out, CONFLICT_COLUMNS)
        except OSError as e:
            if out is not sys.stdout:
                _close_quietly(out)
            _output_lost(e, output, "")
        if out is not sys.stdout:
            _close_quietly(out)
    return len(found)


@app.command(cls=_Command, short_help="One self-contained HTML page: a timeline per quantity, the conflicts marked.")
def report(
    claims_file: Annotated[Optional[str], typer.Argument(metavar="CLAIMS", help="Claims as JSON Lines, or - for standard input. Default: standard input when piped, else the store.", show_default=False)] = None,
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The HTML file to write.")] = Path("kursk-claims-report.html"),
    open_it: Annotated[bool, typer.Option("--open", metavar="", help="Open the page in the default browser.")] = False,
    title: Annotated[str, typer.Option(metavar="TEXT", help="The page title.")] = "kursk-claims report",
    db: DbOpt = None,
    min_severity: Annotated[float, typer.Option(min=0.0, max=1.0, metavar="X", help="Leave out conflicts below this severity (0-1), as `conflicts` does.")] = 0.0,
    kind: Annotated[Optional[list[str]], typer.Option(metavar="KIND", help="Only these kinds: scale, bound, mismatch (repeatable), as `conflicts` does.")] = None,
    max_per_claim: Annotated[int, typer.Option(min=0, metavar="N", help="At most this many conflicting pairs per claim (the farthest first); 0 for all, as `conflicts` does.")] = 10,
    confidence: Annotated[str, typer.Option(metavar="LEVEL", help="Conflicts of at least this confidence: high, medium (high and medium) or low (all); applies when the conflict records carry a confidence.")] = "medium",
) -> None:
    """One self-contained HTML page: a timeline per quantity, the conflicts marked, every
    article's claims. Works offline and runs no scripts.

    Example:

        kursk-claims extract seeds/ --format jsonl | kursk-claims report -o seeds.html

    Exit status: 0 the page was written; 1 the claims or the store could not be read; 2 a
    wrong option, or the page could not be written.
    """
    from .comparing.conflicts import KINDS
    from .io.report import CONFIDENCE, build_report

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}; choose from {', '.join(KINDS)}", 2)
    if confidence not in CONFIDENCE:
        fail(f"unknown confidence {confidence!r}; choose from {', '.join(CONFIDENCE)}", 2)
    with _user_errors(1):
        claims = _load_claims(claims_file, db)
    page = build_report(claims, title=title, titles=_stored_titles(db), max_per_claim=max_per_claim,
                        min_severity=min_severity, kinds=tuple(kind or ()), confidence=confidence)
    try:
        output.write_text(page, encoding="utf-8")
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})", 2)
    print(f"Wrote {output} ({len(page) / 1e6:.2f} MB, {len(claims)} claims)", file=sys.stderr)
    if open_it:
        import webbrowser

        uri = output.resolve().as_uri()
        try:
            opened = webbrowser.open(uri)
        except Exception:  # a broken browser setting must not hide the page
            opened = False
        if not opened:
            print(f"No browser could be started here: open {output.resolve()} in a browser "
                  f"(its address is {uri}), or copy it to a machine with one.", file=sys.stderr)


def _close_quietly(out) -> None:  # type: ignore[no-untyped-def]
    try:
        out.close()
    except OSError:
        pass  # the same write error, already reported


def _output_lost(e: OSError, output: Optional[Path], kept: str) -> None:
    """Say why the output stopped, then exit: 141 (as a tool stopped by SIGPIPE) when the reader
    closed the pipe (``| head``), 1 when the output could not be written (a full disk)."""
    import os

    if output is None:  # what is still buffered for stdout must not fail again at exit
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            pass
    where = str(output) if output is not None else "standard output"
    if isinstance(e, BrokenPipeError):
        print(f"Note: {where} was closed by its reader, so the output stops here{kept}.", file=sys.stderr)
        raise typer.Exit(141)
    fail(f"cannot write to {where} ({e.strerror or e.__class__.__name__}){kept}", 1)


def _stored_titles(db: Optional[str]) -> dict[str, str]:
    """Article titles kept in the store (saved and fetched web pages have them), if there is one."""
    import sqlite3

    from .core.errors import StoreError
    from .io.store import Store, default_path

    path = default_path(db)
    if not path.is_file():
        return {}
    try:
        with Store(path, readonly=True) as store:
            return store.titles()
    except (StoreError, sqlite3.Error):  # a store that cannot be read only costs the titles
        return {}


def _web_setup(inputs: list[str], urls: Optional[Path], refresh: bool, timeout: float, db: Optional[str]):
    """The URLs of ``--urls`` and the fetcher (it connects only when a page is fetched), with
    its page cache beside the store."""
    from .io.fetch import Fetcher, default_cache_dir, read_url_list
    from .io.store import default_path

    if urls is not None and not urls.is_file():
        fail(f"--urls {urls}: no such file", 2)
    url_list = read_url_list(urls) if urls is not None else []
    return url_list, Fetcher(cache_dir=default_cache_dir(default_path(db)), refresh=refresh, timeout=timeout)


@app.command(cls=_Command, short_help="An article's stored text with its claims marked.")
def show(
    article: Annotated[str, typer.Argument(metavar="ARTICLE", help="The article as extract named it (its path or URL), or the end of its path.", show_default=False)],
    db: DbOpt = None,
    html: Annotated[Optional[Path], typer.Option("--html", metavar="FILE", help="Write the text with its claims drawn by displaCy (spaCy's span style) to FILE instead.")] = None,
) -> None:
    """Print an article's stored text with its claims marked (in colour at a terminal, as
    \\[\\[figure]] when piped), after checking that every claim's offsets point at its figure.

    Example:

        kursk-claims show https://example.org/news/troops.html
        kursk-claims show troops.html --html troops-claims.html

    Exit status: 0 shown; 1 no store, no such article (or several match), the --html file
    could not be written, or a claim's offsets do not point at its figure (the text is shown
    all the same); 2 a wrong option.
    """
    from .io.store import Store, default_path

    path = default_path(db)
    if not path.exists():
        fail(f"no claims store at {path}: run `kursk-claims extract ARTICLES` first", 1)
    with _user_errors(1), Store(path, readonly=True) as store:
        found = store.find_article(article)
        if not found:
            fail(f"{article}: no such article in the store {path}", 1)
        if len(found) > 1:
            fail(f"{article}: {len(found)} articles match ({', '.join(found[:5])}{', …' if len(found) > 5 else ''}); name one", 1)
        key = found[0]
        text = store.text_of(key)
        if text is None:
            fail(f"{key}: its text was not kept (stored by an older version); extract it again", 1)
        info = store.article_info(key) or {}
        claims = store.claims_of(key)
    bad = [c for c in claims if text[c.start:c.end] != c.text]
    for c in bad:
        warn(f"claim {c.id}: {c.text!r} is not at {c.start}-{c.end} of the stored text")
    head = [f"{k}: {info[k]}" for k in ("title", "article", "url", "source", "published") if info.get(k)]
    head.append(f"claims: {len(claims)}")
    good = sorted((c for c in claims if c not in bad), key=lambda c: c.start)
    if html is not None:
        from .pipeline.spans import claims_doc, render_claims_html

        try:
            html.write_text(render_claims_html(claims_doc(text, good), page=True), encoding="utf-8")
        except OSError as e:
            fail(f"cannot write {html} ({e.strerror or e.__class__.__name__})", 1)
        print(f"Wrote {html} ({len(good)} claims drawn by displaCy)", file=sys.stderr)
    elif sys.stdout.isatty():
        from rich.text import Text

        body = Text(text)
        for c in good:
            body.stylize("bold black on yellow", c.start, c.end)
        console = Console()
        console.print("\n".join(head), style="dim", highlight=False, markup=False)
        console.print()
        console.print(body)
    else:
        parts, at = [], 0
        for c in good:
            if c.start < at:
                continue  # overlapping figures are marked once
            parts += [text[at:c.start], "[[", text[c.start:c.end], "]]"]
            at = c.end
        parts.append(text[at:])
        sys.stdout.write("\n".join(head) + "\n\n" + "".join(parts).rstrip("\n") + "\n")
    if bad:
        raise typer.Exit(1)


def _load_claims(claims_file: Optional[str], db: Optional[str]) -> list:
    """The claims to compare, read with the cycle collector paused (many small records, no
    cycles) and then frozen out of its reach: its passes over a million claims held would
    cost as much as the comparing."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        return _read_claims(claims_file, db)
    finally:
        gc.freeze()
        if was:
            gc.enable()


def _read_claims(claims_file: Optional[str], db: Optional[str]) -> list:
    from .core.records import read_claims_jsonl
    from .io.store import Store, default_path

    if claims_file not in (None, "-") and Path(claims_file).exists():
        from .io.parquet import is_parquet, read_claims

        if is_parquet(claims_file):
            return read_claims(claims_file)
        if Path(claims_file).is_dir():
            fail(f"{claims_file}: a folder with no .parquet files in it; give a claims file or a Parquet dataset", 1)
    piped = _stdin_claims(claims_file)
    if piped is not None:
        if not piped.strip():
            warn("no claims on standard input")
        return _unique(read_claims_jsonl(piped.split("\n"), "<stdin>"))
    if claims_file is not None:
        path = Path(claims_file)
        if not path.is_file():
            fail(f"{claims_file}: no such file", 1)
        try:
            with path.open(encoding="utf-8") as f:
                return _unique(read_claims_jsonl(f, claims_file))
        except UnicodeDecodeError:
            fail(f"{claims_file}: not UTF-8 text", 1)
        except OSError as e:
            fail(f"{claims_file}: cannot read ({e.strerror or e.__class__.__name__})", 1)
    path = default_path(db)
    if not path.exists():
        fail(f"no claims store at {path}: run `kursk-claims extract ARTICLES` first, or pass a claims file", 1)
    with Store(path, readonly=True) as store:
        return list(store.all_claims())


def _stdin_claims(claims_file: Optional[str]) -> Optional[str]:
    """Standard input's text when it holds the claims, else None (read the store). ``-`` or a
    pipe or file on standard input is the input, even an empty one; a terminal or a device
    (/dev/null, as cron gives) is not."""
    from .io.articles import read_stdin

    if claims_file not in (None, "-"):
        return None
    kind = "pipe"
    if claims_file is None:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        kind = _stream_kind(sys.stdin)
        if kind == "device":
            return None
    text = read_stdin(sys.stdin)
    if text is None:
        fail("<stdin>: not UTF-8 text; convert it with iconv first", 1)
    if kind == "unknown" and not text.strip():
        return None  # a stream with no file behind it (an embedding program) and nothing in it
    return text


def _stream_kind(stream) -> str:  # type: ignore[no-untyped-def]
    import os
    import stat

    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return "unknown"
    return "device" if stat.S_ISCHR(mode) else "pipe"


def _unique(claims: list) -> list:
    from .run.session import unique_claims

    return unique_claims(claims, warn)


def _parquet_writer(output: Optional[Path], kind: str):
    from .io.parquet import ParquetWriter

    assert output is not None
    with _user_errors(2):
        return ParquetWriter(output, kind)


def _write_parquet(output: Optional[Path], kind: str, records) -> None:
    writer = _parquet_writer(output, kind)
    writer.write_all(records)
    writer.close()


def _cluster(engine: Optional[str], scheduler: Optional[str], local_workers: Optional[int]):
    """The Dask client for --engine dask."""
    from .run.distributed import cluster

    if engine != "dask":
        fail(f"unknown engine {engine!r}; the one engine is dask" if engine else "--scheduler and --local-workers need --engine dask", 2)
    if scheduler and local_workers:
        fail("give --scheduler or --local-workers, not both", 2)
    return cluster(scheduler, local_workers)


def _said(client) -> None:
    from .run.distributed import dashboard, n_workers

    link = dashboard(client)
    print(f"Dask: {n_workers(client)} workers; dashboard: {link or 'none (install bokeh)'}", file=sys.stderr)


def _names_packs(paths: list[Path]) -> list[dict]:
    """The names packs of --names, or one error line naming the file and what is wrong."""
    from .reading.names import load_names_file

    packs = []
    for path in paths:
        try:
            packs.append(load_names_file(path))
        except ValueError as e:
            fail(f"--names {e}", 2)
    return packs


def _extract_on_cluster(inputs, fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers,
                        packs=()) -> None:
    """extract --engine dask: the workers write a Parquet dataset into the --output folder."""
    from .core.article import Problem
    from .run.distributed import extract_dataset, prepare_output
    from .run.session import read_inputs

    if fmt not in (None, "parquet"):
        fail(f"--engine dask writes no {fmt}: each worker writes its own Parquet files into --output DIR/, "
             "so leave out --format; `kursk-claims conflicts DIR` and `report DIR` read that dataset, "
             f"and without --engine, extract prints {fmt}", 2)
    if output is None:
        fail("--engine dask needs --output DIR/, the folder the workers write the claims dataset into", 2)
    base = _parse_as_of(as_of)
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

    with _user_errors(1):
        prepare_output(output)  # before the cluster starts: a folder already used is refused at once
    with _user_errors(1), _cluster(engine, scheduler, local_workers) as client:
        _said(client)
        summary = extract_dataset(client, articles(), output, model=model, names=packs, batch_size=batch_size, on_partition=progress)
    for where, message in summary.problems:
        problems.append(Problem(where, message))
        warn(f"{where}: {message}")
    print(f"Wrote {output} ({summary.parts} Parquet files, {summary.claims} claims of {summary.articles} articles)", file=sys.stderr)
    print(f"Note: with --engine dask the claims are in {output} only, not in the store; "
          f"give {output} to conflicts or report", file=sys.stderr)
    if problems:
        if not summary.articles:
            fail(f"no article could be read ({len(problems)} problem{'s' if len(problems) > 1 else ''} above)", 1)
        raise typer.Exit(1)


def _conflicts_on_cluster(claims_file, fmt, output, min_severity, kinds, max_per_claim, engine, scheduler,
                          local_workers, max_group, confidence="low") -> int:
    """conflicts --engine dask: claims from a Parquet file or dataset; conflicts written by the
    workers into --output DIR/ (Parquet, or --format jsonl), else printed as for one machine."""
    from .core.records import Claim, Conflict
    from .io.output import CONFLICT_COLUMNS, flat_conflict, write_records
    from .io.parquet import is_parquet
    from .run.distributed import conflicts_dataset, prepare_output

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
                                           max_group=max_group, on_partition=progress, confidence=confidence)
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
    return summary.conflicts


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
        from . import __version__

        print(f"kursk-claims {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, metavar="", help="Print the version and exit.")] = False,
) -> None:
    """The numeric claims of news articles, and the figures that disagree."""


def main() -> None:
    app()
