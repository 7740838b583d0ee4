#!/usr/bin/env python3
"""How well kursk-claims reads numbers, measured on the test data of two established
extractors (../shared/peers/: Microsoft Recognizers-Text and quantulum3).

    python benchmarks/peers.py [--peers ../shared/peers] [--show CATEGORY]

For each expected number the peer's test names, a case counts as read right when
kursk-claims reports a figure overlapping the expected text with the expected value (for
a range, both ends). Cases that expect nothing count as right when nothing is reported.
Some categories are out of scope for a claims extractor; they are listed with the reason
and not scored.
"""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from kursk_claims.reading.numbers import read_quantities  # noqa: E402

BARE = "bare numbers (the input is the number alone)"
DUPLICATE = "the same case in another mode of the peer (scored once)"
OUT_OF_SCOPE = {
    BARE: "a number alone on a line is a page counter or a list marker in an article, so the reader leaves it out",
    "OrdinalModel": "ordinals (third, 2nd) are positions, never claims",
    "OrdinalModelSuppressExtendedTypes": "ordinals are positions, never claims",
    "NumberModelPercentMode": "the peer's mode that wants 'one out of three' and '1 in twenty-one' as two separate "
                              "numbers; the reader reads each as one share (33.3%, 4.8%)",
    DUPLICATE: "an experimental or percent mode of the peer repeats the main model's case with the same answer",
}


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-6)


def values_of(q) -> set[float]:
    vals = {v for v in (q.value, q.low, q.high) if v is not None}
    if q.unit == "percent":
        vals |= {v / 100 for v in list(vals)}
    return vals


def recognizers_cases(root: Path):
    for f in sorted(root.glob("recognizers-text/*/English/*.json")):
        model = f.stem
        for case in json.loads(f.read_text(encoding="utf-8")):
            text = case["Input"]
            expected = []
            for r in case.get("Results", []):
                res = r.get("Resolution") or {}
                raw = res.get("value")
                if raw is None:
                    continue
                m = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", str(raw))
                if m:
                    ends = [float(x) if x.strip() else None for x in m.groups()]
                    want = [e for e in ends if e is not None]
                else:
                    try:
                        want = [float(str(raw).rstrip("%"))]
                    except ValueError:
                        continue
                start = r.get("Start", text.find(r["Text"]))
                end = r.get("End", start + len(r["Text"]) - 1) + 1
                expected.append((start, end, want))
            if model in OUT_OF_SCOPE:
                yield model, text, expected
            else:  # a mode of a model is scored with it, and a case it repeats is scored once
                yield re.sub(r"(?<=Model)(?:ExperimentalMode|PercentMode)$", "", model), text, expected


def quantulum_cases(root: Path):
    f = root / "quantulum3" / "quantities.json"
    for case in json.loads(f.read_text(encoding="utf-8")):
        text = case["req"]
        expected = []
        for r in case.get("res", []):
            start = text.find(r["surface"])
            if start < 0:
                continue
            value, spread = float(r["value"]), r.get("uncertainty")
            # a range ("3 to 4 L") is given as its middle and half its width: score both ends
            want = [value - float(spread), value + float(spread)] if spread else [value]
            expected.append((start, start + len(r["surface"]), want))
        unit = "dimensionless" if all(r.get("unit") == "dimensionless" for r in case.get("res", [])) else "with unit"
        yield f"quantulum3 ({unit})", text, expected


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peers", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "peers"))
    ap.add_argument("--show", help="print the misses of this category")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    root = Path(a.peers)
    if not root.is_dir():
        sys.exit(f"no peers folder at {root}")
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    skipped: dict[str, int] = defaultdict(int)
    misses: dict[str, list[str]] = defaultdict(list)
    seen: set[tuple] = set()
    for category, text, expected in list(recognizers_cases(root)) + list(quantulum_cases(root)):
        if category in OUT_OF_SCOPE:
            skipped[category] += 1
            continue
        key = (category, text, repr(sorted(expected)))
        if key in seen:
            skipped[DUPLICATE] += 1
            continue
        seen.add(key)
        rest = text
        for start, end, _ in sorted(expected, reverse=True):
            rest = rest[:start] + rest[end:]
        if expected and not re.search(r"[A-Za-z]{2}", rest):
            skipped[BARE] += 1  # a number alone on a line: in an article, a counter or a heading
            continue
        found = read_quantities(text)
        if not expected:
            totals[category + " (no number)"][0] += 1
            if not found:
                totals[category + " (no number)"][1] += 1
            else:
                misses[category + " (no number)"].append(f"{text!r}: reported {[q.text for q in found]}")
            continue
        for start, end, want in expected:
            totals[category][0] += 1
            hits = [q for q in found if q.start < end and start < q.end]
            ok = any(all(any(close(w, v) for v in values_of(q)) for w in want) for q in hits)
            totals[category][1] += ok
            if not ok:
                misses[category].append(f"{text[start:end]!r} in {text!r}: read {[(q.text, q.value, q.low, q.high) for q in hits]}")
    if a.json:
        print(json.dumps({"scored": {k: {"cases": v[0], "right": v[1]} for k, v in totals.items()}, "out_of_scope": skipped}))
        return
    print(f"{'category':52} {'cases':>6} {'right':>6} {'rate':>6}")
    all_n = all_ok = 0
    for k in sorted(totals):
        n, ok = totals[k]
        all_n += n
        all_ok += ok
        print(f"{k:52} {n:6d} {ok:6d} {ok / n:6.1%}")
    print(f"{'all scored':52} {all_n:6d} {all_ok:6d} {all_ok / max(all_n, 1):6.1%}")
    sys.stdout.flush()
    print("\nnot scored (out of scope for a claims extractor):")
    for k, n in sorted(skipped.items()):
        print(f"  {k} ({n} cases): {OUT_OF_SCOPE[k]}")
    if a.show:
        print(f"\nmisses in {a.show}:")
        for line in misses.get(a.show, []):
            print("  " + line)


if __name__ == "__main__":
    main()
