"""Claims and conflicts as Parquet (pyarrow), so a run's output opens in pandas, Polars, DuckDB
or Spark as it is.

The claims schema is built from the ``Claim`` record itself: one column per key of
``Claim.to_dict()``, in that order, typed from the field's annotation (``int`` -> int64,
``float`` -> float64, anything else a UTF-8 string; every column but ``start``/``end`` may be
null). A key added to the record becomes a column without a change here. A conflict is its
scalar keys (``kind``, ``severity``, ``explanation``, ``group``, ``suggestion``, ``quantity``,
``slip``; any other key a newer conflict carries goes into ``extra`` as a JSON object) plus
``a`` and ``b`` as structs with the claim columns, so ``a.measure`` or ``b.source`` can be
filtered on.

A claims *dataset* is a folder of ``part-*.parquet`` files sharing that schema; every reader
here takes a file or such a folder. pyarrow is an optional dependency (the ``dask`` extra),
imported only when Parquet is used.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import MISSING, fields
from functools import cache
from pathlib import Path
from typing import Any

from ..core.errors import InputError, RecordError
from ..core.records import Claim, claim_id

ROW_GROUP = 50_000  # rows buffered before a row group is written
CONFLICT_SCALARS = (("kind", "string"), ("severity", "float64"), ("explanation", "string"), ("group", "string"),
                    ("suggestion", "string"), ("quantity", "string"), ("slip", "string"), ("extra", "string"))


def pyarrow():
    """The pyarrow module, or a clear error saying how to install it."""
    try:
        import pyarrow as pa
        import pyarrow.parquet  # noqa: F401
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise InputError("Parquet needs pyarrow: pip install 'kursk-claims[dask]'") from e
    return pa


def _arrow_type(annotation: Any):
    pa = pyarrow()
    text = annotation if isinstance(annotation, str) else getattr(annotation, "__name__", str(annotation))
    kinds = {part.strip() for part in text.split("|")} - {"None"}
    if kinds == {"list[str]"}:
        return pa.list_(pa.string())
    if kinds == {"int"}:
        return pa.int64()
    if kinds and kinds <= {"float", "int"}:
        return pa.float64()
    return pa.string()


@cache
def claim_schema():
    """One column per claim key, in the record's order."""
    pa = pyarrow()
    return pa.schema([pa.field(f.name, _arrow_type(f.type), nullable=f.name not in ("start", "end")) for f in fields(Claim)])


@cache
def conflict_schema():
    pa = pyarrow()
    claim = pa.struct(list(claim_schema()))
    return pa.schema([pa.field(k, getattr(pa, t)()) for k, t in CONFLICT_SCALARS] + [pa.field("a", claim), pa.field("b", claim)])


def _cell(value: Any, typ) -> Any:
    pa = pyarrow()
    if value is None:
        return None
    if pa.types.is_string(typ) and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a nested value a newer record may carry
    return value


def claims_table(records: Iterable[dict[str, Any]]):
    """A pyarrow Table of claim dicts (``Claim.to_dict()``), in the claims schema."""
    pa = pyarrow()
    schema = claim_schema()
    rows = list(records)
    columns = [pa.array([_cell(r.get(f.name), f.type) for r in rows], type=f.type) for f in schema]
    return pa.Table.from_arrays(columns, schema=schema)


def conflicts_table(records: Iterable[dict[str, Any]]):
    """A pyarrow Table of conflict dicts (``Conflict.to_dict()``), in the conflicts schema."""
    pa = pyarrow()
    schema = conflict_schema()
    known = {f.name for f in schema}
    rows = []
    for r in records:
        more = {k: v for k, v in r.items() if k not in known}
        rows.append(dict(r, extra=more or None))
    columns = []
    for f in schema:
        if pa.types.is_struct(f.type):
            columns.append(pa.array([{g.name: _cell(r[f.name].get(g.name), g.type) for g in f.type} for r in rows], type=f.type))
        else:
            columns.append(pa.array([_cell(r.get(f.name), f.type) for r in rows], type=f.type))
    return pa.Table.from_arrays(columns, schema=schema)


class ParquetWriter:
    """Streams claim (or conflict) dicts to one Parquet file, a row group at a time; the same
    interface as ``output.RecordWriter``. Nothing is left at ``path`` if writing fails."""

    def __init__(self, path: str | Path, kind: str = "claims"):
        pyarrow()  # a clear error when it is missing
        import pyarrow.parquet as pq
        self.path = Path(path)
        self.kind = kind
        self.schema = claim_schema() if kind == "claims" else conflict_schema()
        self.rows: list[dict[str, Any]] = []
        self.n = 0
        self.part = self.path.with_name(self.path.name + ".partial")
        try:
            self.writer = pq.ParquetWriter(self.part, self.schema)
        except OSError as e:
            raise InputError(f"{self.path}: cannot write ({e})") from e

    def write(self, record: dict[str, Any]) -> None:
        self.rows.append(record)
        self.n += 1
        if len(self.rows) >= ROW_GROUP:
            self._flush()

    def write_all(self, records: Iterable[dict[str, Any]]) -> None:
        for r in records:
            self.write(r)

    def _flush(self) -> None:
        if self.rows:
            build = claims_table if self.kind == "claims" else conflicts_table
            self.writer.write_table(build(self.rows))
            self.rows = []

    def close(self) -> None:
        self._flush()
        self.writer.close()
        self.part.replace(self.path)

    def abort(self) -> None:
        self.writer.close()
        self.part.unlink(missing_ok=True)


def write_claims(path: str | Path, claims: Iterable[Claim]) -> int:
    """Write claims to one Parquet file; returns how many."""
    w = ParquetWriter(path)
    try:
        w.write_all(c.to_dict() for c in claims)
    except BaseException:
        w.abort()
        raise
    w.close()
    return w.n


def is_parquet(path: str | Path) -> bool:
    """A Parquet file (by its magic bytes) or a folder holding ``.parquet`` files."""
    p = Path(path)
    if p.is_dir():
        return any(p.rglob("*.parquet"))
    if not p.is_file():
        return False  # a pipe is not opened to look: it could be read only once
    try:
        with p.open("rb") as f:
            return f.read(4) == b"PAR1"
    except OSError:
        return False


def dataset_files(path: str | Path) -> list[Path]:
    """The Parquet files of a file or a dataset folder, in a stable order."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*.parquet") if not any(part.startswith((".", "_")) for part in f.relative_to(p).parts))
        if not files:
            raise InputError(f"{path}: a folder with no .parquet files in it")
        return files
    return [p]


def _read_file(path: Path):
    pyarrow()  # a clear error when it is missing
    import pyarrow.parquet as pq
    try:
        return pq.read_table(path)
    except Exception as e:  # pyarrow raises several kinds for a file that is not Parquet
        raise InputError(f"{path}: not a readable Parquet file ({e.__class__.__name__})") from e


_DEFAULTS = {f.name: f.default for f in fields(Claim) if f.default is not MISSING and f.default is not None}


def claims_from_table(table, where: str, fast: bool = False) -> Iterator[Claim]:
    """Claims from a pyarrow Table with the claim columns (more columns are ignored).

    ``fast``: the columns are cast to the claims schema (a column of the wrong type is a
    ``RecordError``) and the records built without checking each value again; for the many
    rows of the cluster engine."""
    names = [f.name for f in fields(Claim) if f.name in table.column_names]
    missing = [k for k in ("article", "start", "end") if k not in table.column_names]
    if missing:
        raise RecordError(f"{where}: no {', '.join(repr(k) for k in missing)} column; expected the claim columns")
    if fast:
        schema = claim_schema()
        try:
            columns = [table.column(n).cast(schema.field(n).type).to_pylist() for n in names]
        except (pyarrow().ArrowInvalid, pyarrow().ArrowNotImplementedError) as e:
            raise RecordError(f"{where}: a column does not hold what the claims schema says ({e})") from e
        if any(v is None for n in ("article", "start", "end") for v in columns[names.index(n)]):
            raise RecordError(f"{where}: a claim with no 'article', 'start' or 'end'")
        for i, name in enumerate(names):  # a null where the record has a default takes the default
            default = _DEFAULTS.get(name)
            if default is not None:
                columns[i] = [default if v is None else v for v in columns[i]]
        if names == [f.name for f in fields(Claim)]:  # every column, in the record's order
            for values in zip(*columns):
                c = Claim(*values)
                if not c.id:
                    c.id = claim_id(str(c.article), c.start, c.end)
                yield c
            return
        for values in zip(*columns):
            kw = {k: v for k, v in zip(names, values) if v is not None}
            if not kw.get("id"):
                kw["id"] = claim_id(str(kw["article"]), kw["start"], kw["end"])
            yield Claim(**kw)
        return
    columns = [table.column(n).to_pylist() for n in names]
    for n, values in enumerate(zip(*columns), 1):
        record = {k: v for k, v in zip(names, values) if v is not None or k in ("value", "low", "high")}
        try:
            yield Claim.from_dict(record)
        except RecordError as e:
            raise RecordError(f"{where}: row {n}: {e}") from e


def read_claims(path: str | Path) -> list[Claim]:
    """Every claim of a Parquet file or dataset folder, file by file in name order."""
    out: list[Claim] = []
    for f in dataset_files(path):
        out.extend(claims_from_table(_read_file(f), str(f)))
    return out


def read_conflicts(path: str | Path) -> list[dict[str, Any]]:
    """Conflict dicts from a Parquet file or folder written by ``conflicts --engine dask``."""
    out: list[dict[str, Any]] = []
    for f in dataset_files(path):
        for r in _read_file(f).to_pylist():
            for optional in ("quantity", "slip"):
                if r.get(optional) is None:
                    r.pop(optional, None)
            more = r.pop("extra", None)
            if more:
                r.update(json.loads(more))
            for side in ("a", "b"):
                r[side] = Claim.from_dict({k: v for k, v in r[side].items() if v is not None or k in ("value", "low", "high")}).to_dict()
            out.append(r)
    return out


def is_article_table(path: str | Path) -> bool:
    """A Parquet file or folder of articles: it has a ``text`` column and no claim ``start``."""
    if not is_parquet(path):
        return False
    pyarrow()
    import pyarrow.parquet as pq

    try:
        names = pq.read_schema(dataset_files(path)[0]).names
    except Exception:  # not readable: the claims reader says why
        return False
    return "text" in names and "start" not in names


def article_records(path: str | Path) -> Iterator[str]:
    """The rows of a Parquet file or folder of articles as JSON objects, a batch at a time,
    for the JSON Lines article reader (``text``, ``id`` or ``url``, ``source`` or
    ``publisher``, ``published`` or ``date``, ``title``; other columns are ignored)."""
    pyarrow()  # a clear error when it is missing
    import pyarrow.parquet as pq
    for f in dataset_files(path):
        try:
            pf = pq.ParquetFile(f)
        except Exception as e:
            raise InputError(f"{f}: not a readable Parquet file ({e.__class__.__name__})") from e
        wanted = [c for c in ("text", "id", "url", "source", "publisher", "published", "date", "title") if c in pf.schema_arrow.names]
        for batch in pf.iter_batches(batch_size=1000, columns=wanted):
            for row in batch.to_pylist():
                yield json.dumps({k: (v if v is None or isinstance(v, (str, int, float)) else str(v)) for k, v in row.items()},
                                 ensure_ascii=False)
