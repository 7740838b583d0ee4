"""Start-up: a command imports only what it uses. spaCy is most of a short run's time, so
``conflicts``, ``report``, ``show`` and ``--help`` must not load it; ``extract`` loads it only
to run the pipeline."""
import json
import subprocess
import sys

import pytest

# runs the command line in a fresh interpreter, then says whether spaCy was ever imported
WRAPPER = """
import runpy, sys
sys.argv = ["kursk-claims"] + sys.argv[1:]
try:
    runpy.run_module("kursk_claims", run_name="__main__")
except SystemExit:
    pass
sys.stderr.write("\\nSPACY=" + str(any(m == "spacy" or m.startswith("spacy.") for m in sys.modules)) + "\\n")
"""

CLAIM = {"id": "a1", "article": "a.txt", "start": 0, "end": 6, "text": "12,000", "value": 12000, "low": 12000,
         "high": 12000, "measure": "deployed", "subject": "North Korea", "counted": "troops", "as_of": "2024-11-01"}


def spacy_loaded(*args: str, cwd=None) -> bool:
    proc = subprocess.run([sys.executable, "-c", WRAPPER, *args], capture_output=True, text=True, timeout=120, cwd=cwd)
    line = proc.stderr.strip().splitlines()[-1]
    assert line.startswith("SPACY="), proc.stderr
    return line == "SPACY=True"


@pytest.mark.parametrize("args", [["--help"], ["conflicts", "--help"], ["report", "--help"], ["show", "--help"],
                                  ["extract", "--help"]])
def test_help_does_not_import_spacy(args):
    assert not spacy_loaded(*args)


def test_conflicts_and_report_on_a_claims_file_do_not_import_spacy(tmp_path):
    other = dict(CLAIM, id="b1", article="b.txt", text="12", value=12, low=12, high=12)
    claims = tmp_path / "claims.jsonl"
    claims.write_text("\n".join(json.dumps(c) for c in (CLAIM, other)) + "\n", encoding="utf-8")
    assert not spacy_loaded("conflicts", str(claims), "-f", "jsonl", "-o", str(tmp_path / "out.jsonl"))
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("\n") == 1  # the scale slip was found
    assert not spacy_loaded("report", str(claims), "-o", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").exists()


def test_extract_imports_spacy_when_it_reads(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("At least 300 soldiers were killed.", encoding="utf-8")
    assert spacy_loaded("extract", str(article), "--no-store", "-f", "jsonl")
