"""The claims a command compares or draws: from a JSON Lines or Parquet file, standard input
or the store, exact duplicates left out, with one clear error line for what cannot be read."""
from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import Optional

from .terminal import (
    fail,
    warn,
)


def stored_titles(db: Optional[str]) -> dict[str, str]:
    """Article titles kept in the store (saved and fetched web pages have them), if there is one."""
    import sqlite3

    from ..core.errors import StoreError
    from ..io.store import Store, default_path

    path = default_path(db)
    if not path.is_file():
        return {}
    try:
        with Store(path, readonly=True) as store:
            return store.titles()
    except (StoreError, sqlite3.Error):  # a store that cannot be read only costs the titles
        return {}


def load_claims(claims_file: Optional[str], db: Optional[str]) -> list:
    """The claims to compare, read with the cycle collector paused (many small records, no
    cycles) and then frozen out of its reach: its passes over a million claims held would
    cost as much as the comparing."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        return read_claims(claims_file, db)
    finally:
        gc.freeze()
        if was:
            gc.enable()


def read_claims(claims_file: Optional[str], db: Optional[str]) -> list:
    from ..core.records import read_claims_jsonl
    from ..io.store import Store, default_path

    if claims_file not in (None, "-") and Path(claims_file).exists():
        from ..io.parquet import is_parquet, read_claims

        if is_parquet(claims_file):
            return read_claims(claims_file)
        if Path(claims_file).is_dir():
            fail(f"{claims_file}: a folder with no .parquet files in it; give a claims file or a Parquet dataset", 1)
    piped = stdin_claims(claims_file)
    if piped is not None:
        if not piped.strip():
            warn("no claims on standard input")
        return unique(read_claims_jsonl(piped.split("\n"), "<stdin>"))
    if claims_file is not None:
        path = Path(claims_file)
        if not path.is_file():
            fail(f"{claims_file}: no such file", 1)
        try:
            with path.open(encoding="utf-8") as f:
                return unique(read_claims_jsonl(f, claims_file))
        except UnicodeDecodeError:
            fail(f"{claims_file}: not UTF-8 text", 1)
        except OSError as e:
            fail(f"{claims_file}: cannot read ({e.strerror or e.__class__.__name__})", 1)
    path = default_path(db)
    if not path.exists():
        fail(f"no claims store at {path}: run `kursk-claims extract ARTICLES` first, or pass a claims file", 1)
    with Store(path, readonly=True) as store:
        return list(store.all_claims())


def stdin_claims(claims_file: Optional[str]) -> Optional[str]:
    """Standard input's text when it holds the claims, else None (read the store). ``-`` or a
    pipe or file on standard input is the input, even an empty one; a terminal or a device
    (/dev/null, as cron gives) is not."""
    from ..io.articles import read_stdin

    if claims_file not in (None, "-"):
        return None
    kind = "pipe"
    if claims_file is None:
        if sys.stdin is None or sys.stdin.isatty():
            return None
        kind = stream_kind(sys.stdin)
        if kind == "device":
            return None
    text = read_stdin(sys.stdin)
    if text is None:
        fail("<stdin>: not UTF-8 text; convert it with iconv first", 1)
    if kind == "unknown" and not text.strip():
        return None  # a stream with no file behind it (an embedding program) and nothing in it
    return text


def stream_kind(stream) -> str:  # type: ignore[no-untyped-def]
    import os
    import stat

    try:
        mode = os.fstat(stream.fileno()).st_mode
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return "unknown"
    return "device" if stat.S_ISCHR(mode) else "pipe"


def unique(claims: list) -> list:
    from ..run.session import unique_claims

    return unique_claims(claims, warn)
