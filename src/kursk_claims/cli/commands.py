"""The commands: ``extract``, ``conflicts``, ``report`` and ``show``. Each parses its options and
calls plain functions that return records."""
from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..core.controls import printable
from ..io.output import CLAIM_COLUMNS, SafeConsole as Console
from .claims_input import load_claims, stored_titles
from .cluster import conflicts_on_cluster, extract_on_cluster, parquet_writer, write_parquet
from .terminal import (
    DbOpt,
    EngineOpt,
    FormatOpt,
    LocalWorkersOpt,
    OutputOpt,
    ProgressBar,
    SchedulerOpt,
    _Command,
    app,
    choose_format,
    close_quietly,
    err,
    error_status,
    fail,
    open_output,
    output_lost,
    parse_as_of,
    print_table,
    user_errors,
    warn,
)


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
    with _lasting():
        from ..io.output import RecordWriter, claims_table
        from ..io.store import Store, default_path
        from ..pipeline.components import build_pipeline, pipeline_signature
        from ..run.session import extract_session, read_inputs

    packs = _names_packs(names or [])
    if engine is not None or scheduler is not None or local_workers is not None:
        extract_on_cluster(inputs or [], fmt, output, model, batch_size, sources, as_of, engine, scheduler, local_workers,
                            packs)
        return
    fmt = choose_format(fmt, output)
    base = parse_as_of(as_of)
    if sources is not None and not sources.is_file():
        fail(f"--sources {sources}: no such file", 2)
    with user_errors(2), _lasting():
        nlp = build_pipeline(model, packs)
    signature = pipeline_signature(nlp, model)

    inputs = inputs or []
    with user_errors(2):
        url_list, fetcher = _web_setup(inputs, urls, refresh, timeout, db)
    if not inputs and not url_list:
        fail("nothing to read: name article files, folders, URLs or - (standard input), or give --urls FILE", 2)

    store = None
    if not no_store:
        with user_errors(1):
            store = Store(default_path(db))
    progress = ProgressBar() if err.is_terminal else None
    out = None if fmt in ("table", "parquet") else open_output(output)
    writer = RecordWriter(fmt, out, CLAIM_COLUMNS) if out else parquet_writer(output, "claims") if fmt == "parquet" else None
    with user_errors(1):
        result = extract_session(nlp, read_inputs(inputs, sources, base, url_list, fetcher), signature=signature,
                                 store=store, writer=writer, collect=fmt == "table", batch_size=batch_size,
                                 workers=workers, model=model, names=packs, on_warning=warn,
                                 on_article=progress.advance if progress else None)
    if progress:
        progress.stop()
    if out not in (None, sys.stdout):
        close_quietly(out)
    if store:
        store.close()
    if result.lost:  # a closed pipe, a full disk: what was read so far is saved
        n = result.articles
        kept = f"; the {n} article{'s' if n != 1 else ''} read so far {'are' if n != 1 else 'is'} stored" if store else ""
        output_lost(result.lost, output, kept)
    if fmt == "table":
        try:
            print_table(claims_table(result.claims, result.no_claims), output)
        except OSError as e:
            output_lost(e, output, "")
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
    from ..comparing.conflicts import KINDS, LEVELS

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}; choose from {', '.join(KINDS)}", 2)
    if confidence not in LEVELS:
        fail(f"unknown confidence {confidence!r}; choose from {', '.join(LEVELS)}", 2)
    with error_status(2 if check else 1):  # with --check, 1 means conflicts found
        n = _conflicts(claims_file, fmt, output, db, min_severity, kind, explain, max_per_claim, engine, scheduler,
                       local_workers, max_group, confidence)
    if check and n:
        raise typer.Exit(1)


def _conflicts(claims_file, fmt, output, db, min_severity, kind, explain, max_per_claim, engine, scheduler,  # type: ignore[no-untyped-def]
               local_workers, max_group, confidence) -> int:
    """What ``conflicts`` does, once its options are checked; the number of conflicts found."""
    from ..comparing.conflicts import explain as explain_lines
    from ..io.output import CONFLICT_COLUMNS, conflicts_table, flat_conflict, write_conflicts, write_records
    from ..run.session import conflicts_session

    if engine is not None or scheduler is not None or local_workers is not None:
        if explain:
            warn("--explain is not available with --engine dask (the groups are formed on the workers); "
                 "run without --engine to see why claims were grouped and why some were not compared")
        return conflicts_on_cluster(claims_file, fmt, output, min_severity, tuple(kind or ()), max_per_claim,
                                     engine, scheduler, local_workers, max_group, confidence)
    fmt = choose_format(fmt, output)
    with user_errors(1):
        claims = load_claims(claims_file, db)
    result = conflicts_session(claims, min_severity=min_severity, kinds=kind or (), max_per_claim=max_per_claim,
                               confidence=confidence)
    groups, skipped, found = result.groups, result.skipped, result.found
    if explain:
        for line in explain_lines(groups, skipped, reported=found):
            print(printable(line), file=sys.stderr)
    if fmt == "table":
        try:
            print_table(conflicts_table(groups, found), output)
        except OSError as e:
            output_lost(e, output, "")
    elif fmt == "parquet":
        write_parquet(output, "conflicts", (c.to_dict() for c in found))
    else:
        out = open_output(output)
        try:
            if fmt == "jsonl":
                write_conflicts(found, out)
            else:
                rows = (flat_conflict(c) if fmt == "csv" else c.to_dict() for c in found)
                write_records(rows, fmt, out, CONFLICT_COLUMNS)
        except OSError as e:
            if out is not sys.stdout:
                close_quietly(out)
            output_lost(e, output, "")
        if out is not sys.stdout:
            close_quietly(out)
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
    from ..comparing.conflicts import KINDS
    from ..io.report import CONFIDENCE, build_report

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}; choose from {', '.join(KINDS)}", 2)
    if confidence not in CONFIDENCE:
        fail(f"unknown confidence {confidence!r}; choose from {', '.join(CONFIDENCE)}", 2)
    with user_errors(1):
        claims = load_claims(claims_file, db)
    page = build_report(claims, title=title, titles=stored_titles(db), max_per_claim=max_per_claim,
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


def _web_setup(inputs: list[str], urls: Optional[Path], refresh: bool, timeout: float, db: Optional[str]):
    """The URLs of ``--urls`` and the fetcher (it connects only when a page is fetched), with
    its page cache beside the store."""
    from ..io.fetch import Fetcher, default_cache_dir, read_url_list
    from ..io.store import default_path

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
    from ..io.store import Store, default_path

    path = default_path(db)
    if not path.exists():
        fail(f"no claims store at {path}: run `kursk-claims extract ARTICLES` first", 1)
    with user_errors(1), Store(path, readonly=True) as store:
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
        from ..pipeline.spans import claims_doc, render_claims_html

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


@contextmanager
def _lasting() -> Iterator[None]:
    """Make objects that live until the process ends (spaCy, the pipeline, its tables): the
    garbage collector does not run while they are made, and leaves them out of its later
    passes, which then cost what the articles being read make."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def _names_packs(paths: list[Path]) -> list[dict]:
    """The names packs of --names, or one error line naming the file and what is wrong."""
    from ..reading.names import load_names_file

    packs = []
    for path in paths:
        try:
            packs.append(load_names_file(path))
        except ValueError as e:
            fail(f"--names {e}", 2)
    return packs


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"kursk-claims {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, metavar="", help="Print the version and exit.")] = False,
) -> None:
    """The numeric claims of news articles, and the figures that disagree."""


def main() -> None:
    app()
