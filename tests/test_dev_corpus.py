"""The scorer on the development corpus (eval/dev: 36 articles retelling real reports, with
their outlets and dates in sources.json): claims, attribution and conflicts, end to end."""
import json
import subprocess
import sys

import pytest

from kursk_claims.cli import app

from .conftest import ROOT

DEV = ROOT / "eval" / "dev"
SCORER = ROOT / "eval" / "score.py"


@pytest.fixture(scope="module")
def dev_scores(tmp_path_factory):
    from typer.testing import CliRunner

    tmp = tmp_path_factory.mktemp("dev")
    runner = CliRunner()
    claims = runner.invoke(app, ["extract", str(DEV / "articles"), "-f", "jsonl", "--no-store"]).stdout
    conflicts = runner.invoke(app, ["conflicts", "-", "-f", "jsonl"], input=claims).stdout
    (tmp / "claims.jsonl").write_text(claims)
    (tmp / "conflicts.jsonl").write_text(conflicts)
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(DEV / "dev.gold.json"), "--articles",
                          str(DEV / "articles"), "--claims", str(tmp / "claims.jsonl"), "--conflicts",
                          str(tmp / "conflicts.jsonl"), "--json"], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_dev_corpus_claims(dev_scores):
    assert dev_scores["f1"] >= 0.97
    assert dev_scores["value_accuracy"] >= 0.97
    assert dev_scores["negatives_reported"] == 0


def test_dev_corpus_speakers_and_counted_nouns(dev_scores):
    assert dev_scores["attribution_accuracy"] >= 0.9
    assert dev_scores["counted_accuracy"] >= 0.95


def test_dev_corpus_conflicts_are_mostly_true(dev_scores):
    assert dev_scores["conflict_precision"] >= 0.9
    assert dev_scores["conflict_core_recall"] >= 0.8
    assert dev_scores["conflict_stretch_recall"] >= 0.7
