"""The claim and conflict records: the public contract of ``../shared/eval/FORMAT.md``.

Every output format is built from ``Claim.to_dict()`` and every input is read through
``Claim.from_dict()``, so the JSON keys live in one place. This module imports nothing
from the rest of the package but ``core``.
"""
from __future__ import annotations

import hashlib
import json
import math
import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any

from .errors import RecordError
from .kinds import BOUNDS, Bound, ConflictKind, FigureKind

__all__ = ["BOUNDS", "Bound", "Claim", "Conflict", "ConflictKind", "FigureKind", "claim_id", "read_claims_jsonl",
           "show_number", "text_digest"]


@dataclass(slots=True)
class Claim:
    """One numeric claim in one article.

    >>> Claim(id="x", article="a.txt", start=0, end=6, text="11,000", value=11000).to_dict()["value"]
    11000
    """

    id: str
    article: str
    start: int
    end: int
    text: str
    sentence: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    bound: Bound = "exact"
    unit: str | None = None
    counted: str | None = None
    source: str | None = None
    published: str | None = None
    attribution: str | None = None
    subject: str | None = None
    measure: str | None = None
    as_of: str | None = None
    scope: str | None = None  # "period: in the past week", "place: Kursk": a figure limited to one
    url: str | None = None  # the article's address, when known
    speaker: str | None = None  # one key per speaker: "nis", "volodymyr-zelensky"; attribution stays as written
    via: str | None = None  # who passed the claim on: "Reuters, citing a source in the General Staff" -> Reuters
    # the quantity frame: what exactly is measured, and which kind of figure it is
    what: str | None = None  # the measure made finer: "area:held", "deployed:sent", "equipment:tanks"
    figure: FigureKind | None = None  # level | total | change | period | plan | ratio | generic
    place: str | None = None  # where the figure applies, when the sentence limits it: "Kursk"
    actor: str | None = None  # who acts, when it is not the owner: Ukraine holding Russian land
    dated: str | None = None  # where as_of comes from: "sentence" or "article"
    # a part of a whole the text gives: "50 of them children" is part of the toll before it
    part_of: str | None = None  # the id of the claim whose figure is the whole
    inferred: list[str] | None = None  # slots filled from the article around the figure, not its clause
    # an undated figure of an undated article is of no earlier a day than the latest its text names
    not_before: str | None = None
    # the words by which the article says its war is over ("the two-year war"): its whole totals
    # are estimates of a finished whole
    war_over: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The record, keys in field order (every field is a plain value: no copying needed)."""
        d = dict(zip(_CLAIM_KEYS, _claim_values(self)))
        d["value"], d["low"], d["high"] = _plain_number(self.value), _plain_number(self.low), _plain_number(self.high)
        return d

    @classmethod
    def from_dict(cls, data: Any) -> Claim:
        """A claim from a JSON object; unknown keys are ignored, bad ones raise ``RecordError``."""
        if not isinstance(data, dict):
            raise RecordError("a claim must be a JSON object")
        missing = [k for k in ("article", "start", "end") if k not in data]
        if missing:
            raise RecordError(f"a claim has no {', '.join(repr(k) for k in missing)}")
        kwargs: dict[str, Any] = {}
        for name in _CLAIM_KEYS if cls is Claim else tuple(f.name for f in fields(cls)):
            if name not in data:
                continue
            v = data[name]
            if name in ("start", "end"):
                if not isinstance(v, int) or isinstance(v, bool):
                    raise RecordError(f"{name!r} must be an integer, not {v!r}")
            elif name in ("value", "low", "high"):
                if v is not None and (not isinstance(v, (int, float)) or isinstance(v, bool)):
                    raise RecordError(f"{name!r} must be a number or null, not {v!r}")
            elif name == "bound":
                if v not in BOUNDS:
                    raise RecordError(f"'bound' must be one of {', '.join(BOUNDS)}, not {v!r}")
                v = _shared(v)
            elif name == "inferred":
                if v is not None and (not isinstance(v, list) or not all(isinstance(s, str) for s in v)):
                    raise RecordError(f"'inferred' must be a list of slot names or null, not {v!r}")
                v = [_shared(s) for s in v] if v else None
            elif v is not None and not isinstance(v, str):
                raise RecordError(f"{name!r} must be a string or null, not {v!r}")
            elif v is not None and name in _SHARED_KEYS:
                v = _shared(v)
            kwargs[name] = v
        kwargs.setdefault("text", "")
        _check_claim(kwargs)
        if "id" not in kwargs or not kwargs["id"]:
            kwargs["id"] = claim_id(str(kwargs["article"]), kwargs["start"], kwargs["end"])
        return cls(**kwargs)

    def reading(self) -> str:
        """What the figure says, in a few characters: ``≥ 700,000``, ``10,000–12,000``, ``~12,000``."""
        unit = "" if not self.unit else ("%" if self.unit == "percent" else f" {self.unit}")
        if self.bound in ("range", "vague"):
            return f"{show_number(self.low)}–{show_number(self.high)}{unit}" + (" (vague)" if self.bound == "vague" else "")
        sign = {"approx": "~", "at_least": "≥ ", "more_than": "> ", "at_most": "≤ ", "less_than": "< "}.get(self.bound, "")
        return f"{sign}{show_number(self.value)}{unit}"

    def sentence_around(self, width: int) -> tuple[str, str, str]:
        """The sentence cut to about ``width`` characters around the figure: (before, figure, after),
        with an ellipsis where it was cut; ("sentence start", "", "") when the figure is not in it."""
        s = self.sentence or ""
        i = s.find(self.text) if self.text else -1
        if i < 0:
            return s[:width], "", ""
        a = max(0, i - width // 2)
        b = min(len(s), i + len(self.text) + width // 2)
        return ("…" if a else "") + s[a:i], self.text, s[i + len(self.text):b] + ("…" if b < len(s) else "")

    @property
    def interval(self) -> tuple[float, float]:
        """The interval as numbers, open ends as infinities; a bare value stands for itself."""
        low = self.low if self.low is not None else (self.value if self.bound not in ("at_most", "less_than") and self.value is not None else -math.inf)
        high = self.high if self.high is not None else (self.value if self.bound not in ("at_least", "more_than") and self.value is not None else math.inf)
        if self.bound in ("at_most", "less_than") and self.low is None:
            low = 0.0
        return float(low), float(high)


_CLAIM_KEYS = tuple(f.name for f in fields(Claim))
_claim_values = operator.attrgetter(*_CLAIM_KEYS)
_content_values = operator.attrgetter(*(k for k in _CLAIM_KEYS if k not in ("id", "article")))


def content_key(c: Claim) -> tuple:
    """A claim's fields but its id and article, hashable (lists as tuples): two claims with one
    key say the same thing in the same words, in two places."""
    values = _content_values(c)
    if c.inferred is None:
        try:
            hash(values)  # no list among them: the fields as they are
        except TypeError:
            pass
        else:
            return values
    return tuple(tuple(v) if isinstance(v, list) else v for v in values)
# the text fields many claims repeat (an article's name, outlet, date and address; a sentence
# with several figures; the measure, counted noun and speaker; the bound and the slots read
# from context): claims read from a file or a store share one string each instead of a copy
# each (a million claims hold far fewer distinct ones)
_SHARED_KEYS = frozenset(("article", "sentence", "unit", "counted", "source", "published", "attribution", "subject",
                          "measure", "as_of", "scope", "url", "speaker", "via", "what", "figure", "place", "actor",
                          "dated", "not_before", "war_over", "text"))
_SHARED: dict[str, str] = {}


def _shared(v: str) -> str:
    """One string object for equal texts read in many claims (the table is cleared when large)."""
    got = _SHARED.get(v)
    if got is None:
        if len(_SHARED) >= 1 << 18:
            _SHARED.clear()
        got = _SHARED[v] = v
    return got


@dataclass(slots=True)
class Conflict:
    """Two claims about one quantity whose figures cannot both be right."""

    kind: ConflictKind  # scale | bound | mismatch
    severity: float
    explanation: str
    a: Claim
    b: Claim
    group: str = ""
    suggestion: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "severity": round(self.severity, 3),
            "explanation": self.explanation,
            "group": self.group,
            "suggestion": self.suggestion,
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
        }
        d.update(self.extra)
        return d


def read_claims_jsonl(lines: Iterable[str], where: str) -> list[Claim]:
    """Claims from JSON Lines; a bad line is a ``RecordError`` that names it."""
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = loads_record(line)
        except json.JSONDecodeError as e:
            raise RecordError(f"{where}:{n}: not valid JSON ({e.msg}); expected one claim object a line") from e
        except (ValueError, RecursionError) as e:  # a number of thousands of digits; nesting too deep
            raise RecordError(f"{where}:{n}: not a claim ({_json_trouble(e)}); expected one claim object a line") from e
        try:
            out.append(Claim.from_dict(data))
        except RecordError as e:
            raise RecordError(f"{where}:{n}: {e}") from e
    return out


def loads_record(text: str | bytes) -> Any:
    """``json.loads``, through orjson when it reads the text the same way: any text orjson does
    not take (NaN, a lone surrogate, nesting too deep, a malformed line) and any record holding
    a number orjson reads differently (an integer beyond 64 bits becomes a float there) is read
    by ``json``, so values, types and error messages are the standard module's."""
    if _orjson_loads is not None:
        try:
            data = _orjson_loads(text)
        except ValueError:
            pass
        else:
            if not isinstance(data, dict) or not any(type(v) is float and not -2.0**63 < v < 2.0**63
                                                     for v in data.values()):
                return data
    return json.loads(text)


_orjson_loads: Callable[[str | bytes], Any] | None
try:
    import orjson as _orjson

    _orjson_loads = _orjson.loads
except ImportError:  # pragma: no cover - a dependency, but the standard library will do
    _orjson_loads = None


def _json_trouble(e: Exception) -> str:
    return "nested too deeply" if isinstance(e, RecursionError) else str(e).split(";")[0][:80]


def _check_claim(kwargs: dict[str, Any]) -> None:
    """What the field types alone do not say: an article name, finite numbers, low <= high."""
    if not isinstance(kwargs.get("article"), str) or not kwargs["article"]:
        raise RecordError(f"'article' must be a non-empty string, not {kwargs.get('article')!r}")
    for key in ("value", "low", "high"):
        v = kwargs.get(key)
        if v is None:
            continue
        try:
            finite = math.isfinite(float(v))
        except OverflowError:
            finite = False
        if not finite:
            raise RecordError(f"{key!r} must be a finite number, not {str(v)[:20] + '…' if len(str(v)) > 20 else v}")
    for key, v in kwargs.items():
        if isinstance(v, str) and not v.isascii():
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise RecordError(f"{key!r} holds an unpaired surrogate escape, which is not text") from None
    low, high = kwargs.get("low"), kwargs.get("high")
    if low is not None and high is not None and low > high:
        raise RecordError(f"'low' ({low}) is above 'high' ({high})")
    if kwargs["start"] < 0 or kwargs["end"] < kwargs["start"] or kwargs["end"] >= 2**53:
        raise RecordError(f"'start' ({kwargs['start']}) and 'end' ({kwargs['end']}) are not a span")


def claim_id(article_key: str, start: int, end: int) -> str:
    """A stable id: the same article text (or name) and span give the same id everywhere."""
    return hashlib.sha1(f"{article_key}\0{start}\0{end}".encode()).hexdigest()[:16]


@lru_cache(maxsize=32)
def text_digest(text: str) -> str:
    """The SHA-1 of a text, kept for the texts of the batches being read (a text is told apart
    from the others on reading and named in its claims' ids after the pipeline)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _plain_number(v: float | None) -> float | int | None:
    """11000.0 -> 11000, so JSON shows figures as people write them."""
    if type(v) is int:  # the usual figure, read from JSON: as it is unless beyond a double's integers
        return v if -2**53 < v < 2**53 else round(float(v), 6)
    if v is None or isinstance(v, bool):
        return v
    if isinstance(v, float) and (math.isinf(v) or math.isnan(v)):
        return None
    if float(v).is_integer() and abs(v) < 2**53:
        return int(v)
    return round(float(v), 6)


def show_number(v: float | None) -> str:
    """A figure as people write it: ``11,000``, ``3.5``, ``?`` for unknown."""
    if v is None or not math.isfinite(v):
        return "?"
    if abs(v) >= 100 or float(v).is_integer():
        return f"{v:,.0f}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")
