import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kursk_claims.pipeline import build_pipeline

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("KURSK_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    return build_pipeline()


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Run in an empty folder, with the store there and no KURSK_CLAIMS_DB from outside."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KURSK_CLAIMS_DB", raising=False)
    return tmp_path


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]
