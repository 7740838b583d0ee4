"""The terminal side of the command line: the Typer app, one-line errors and warnings on
stderr, the shared options, output files and the progress bar. Data goes to stdout, everything
else to stderr."""
from __future__ import annotations

import datetime as dt
import io
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Iterator, NoReturn, Optional

import typer

from ..core.controls import printable
from ..core.errors import KurskError
from ..io.output import FORMATS, SafeConsole as Console


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
    err.print(f"[bold red]Error:[/] {escape(message)}", markup=True, highlight=False) if err.is_terminal else print(f"Error: {printable(message)}", file=sys.stderr)
    raise typer.Exit(code)


def warn(message: str) -> None:
    if err.is_terminal:
        err.print(f"[yellow]Warning:[/] {escape(message)}")
    else:
        print(f"Warning: {printable(message)}", file=sys.stderr)


def escape(s: str) -> str:
    from rich.markup import escape

    return escape(s)


@contextmanager
def user_errors(code: int = 1) -> Iterator[None]:
    try:
        yield
    except KurskError as e:
        fail(str(e), code)


def choose_format(fmt: Optional[str], output: Optional[Path]) -> str:
    if fmt is None:
        return "table" if output is None and sys.stdout.isatty() else "jsonl"
    fmt = fmt.lower()
    if fmt not in FORMATS + ("parquet",):
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS + ('parquet',))}", 2)
    if fmt == "parquet" and output is None:
        fail("--format parquet writes a file: give it with --output FILE", 2)
    return fmt


def parse_as_of(value: Optional[str]) -> Optional[dt.datetime]:
    if value is None:
        return None
    from ..reading.dates import parse_date

    iso = parse_date(value, relative_to=dt.datetime.now(), allow_relative=True) or parse_date(value + " " + str(dt.date.today().year))
    if iso is None:
        fail(f"--as-of {value!r} is not a date; write it like 2024-12-20", 2)
    return dt.datetime.fromisoformat(iso)


def open_output(output: Optional[Path]):
    if output is None:
        return sys.stdout
    try:
        return output.open("w", encoding="utf-8", newline="")
    except OSError as e:
        fail(f"{output}: cannot write ({e.strerror})", 2)


def print_table(table: object, output: Optional[Path]) -> None:
    """A table to the terminal, or to ``--output`` FILE (plain text)."""
    if output is None:
        Console().print(table)
        return
    out = open_output(output)
    try:
        Console(file=out, width=100, no_color=True).print(table)
    finally:
        close_quietly(out)


FormatOpt = Annotated[Optional[str], typer.Option("--format", "-f", metavar="FORMAT", help="table, jsonl, json, csv or parquet (with --output). Default: a table on a terminal, JSON Lines when piped.")]


OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", metavar="FILE", help="Write the records to this file instead of standard output.")]


DbOpt = Annotated[Optional[str], typer.Option("--db", metavar="PATH", help="The SQLite store (default: $KURSK_CLAIMS_DB or ./kursk-claims.db).")]


EngineOpt = Annotated[Optional[str], typer.Option("--engine", metavar="dask", help="dask: run on a Dask cluster (pip install 'kursk-claims\\[dask]'); --output names a dataset folder.")]


SchedulerOpt = Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="With --engine dask: the scheduler address (tcp://host:8786). Default: a local cluster.")]


LocalWorkersOpt = Annotated[Optional[int], typer.Option("--local-workers", min=1, metavar="N", help="With --engine dask and no --scheduler: processes in the local cluster (default 2).")]


@contextmanager
def error_status(code: int) -> Iterator[None]:
    """An error's exit status 1 becomes ``code``."""
    try:
        yield
    except typer.Exit as e:
        if e.exit_code == 1 and code != 1:
            raise typer.Exit(code) from None
        raise


def close_quietly(out) -> None:  # type: ignore[no-untyped-def]
    try:
        out.close()
    except OSError:
        pass  # the same write error, already reported


def output_lost(e: OSError, output: Optional[Path], kept: str) -> None:
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


class ProgressBar:
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
