"""The shared scorer on the seed articles: the issue's thresholds, checked end to end."""
import json
import subprocess
import sys

import pytest

from kursk_claims.cli import app

from .conftest import ROOT, SEEDS, SHARED

# the repository's copies (eval/README.md), so the scores are checked in a plain clone too
SCORER = ROOT / "eval" / "score.py"
GOLD = ROOT / "eval" / "seeds.gold.json"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not SCORER.exists():
        pytest.skip(f"the shared scorer is not at {SCORER} (set KURSK_SHARED to the shared folder)")
    from typer.testing import CliRunner

    tmp = tmp_path_factory.mktemp("seeds")
    runner = CliRunner()
    claims = runner.invoke(app, ["extract", str(SEEDS), "-f", "jsonl", "--no-store"]).stdout
    conflicts = runner.invoke(app, ["conflicts", "-", "-f", "jsonl"], input=claims).stdout
    (tmp / "claims.jsonl").write_text(claims)
    (tmp / "conflicts.jsonl").write_text(conflicts)
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--articles", str(SEEDS), "--claims",
                          str(tmp / "claims.jsonl"), "--conflicts", str(tmp / "conflicts.jsonl"), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_seeds_claims_meet_thresholds(scores):
    assert scores["recall"] >= 0.95
    assert scores["precision"] >= 0.95
    assert scores["value_accuracy"] >= 0.97
    assert scores["bound_accuracy"] >= 0.90
    assert scores["counted_accuracy"] >= 0.85
    assert scores["attribution_accuracy"] >= 0.80
    assert scores["negatives_reported"] == 0


def test_seeds_conflicts_meet_thresholds(scores):
    assert scores["conflict_core_recall"] == 1.0
    assert scores["conflict_stretch_recall"] >= 0.6
    assert scores["conflict_precision"] >= 0.9


def test_seed_gold_copies_are_the_shared_files():
    """The copies are there in every clone, and where the shared folder is too, identical to it."""
    for name in ("score.py", "seeds.gold.json", "FORMAT.md"):
        copy, shared = ROOT / "eval" / name, SHARED / "eval" / name
        assert copy.is_file(), f"eval/{name} is missing"
        if shared.exists():
            assert copy.read_bytes() == shared.read_bytes(), f"eval/{name} differs from {shared}"
