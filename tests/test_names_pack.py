"""A names pack of the user's own, for a war the built-in data does not know, changes whose the
figures are; it is saved with the pipeline and checked when loaded."""
import json
from pathlib import Path

import pytest
import spacy

from kursk_claims.pipeline import build_pipeline
from kursk_claims.reading.names import load_names_file

PACK = Path(__file__).parent / "data" / "names" / "valdoria.json"
TEXT = ("Valdorian guns shelled the ridge on Monday.\n\n"
        "The Blue Hand lost 300 men near the ridge, the commander said; in Port Ester, 40 people "
        "were killed.")


def whose(nlp, text=TEXT):
    return {c["text"]: c["subject"] for c in nlp(text)._.claims}


def test_without_the_pack_the_invented_parties_are_unknown():
    subjects = whose(build_pipeline())
    assert subjects["300"] != "Blue Hand"
    assert subjects["40"] != "Valdoria"


def test_the_pack_names_the_parties():
    subjects = whose(build_pipeline(names=[load_names_file(PACK)]))
    assert subjects["300"] == "Blue Hand"
    assert subjects["40"] == "Valdoria"


def test_the_pack_is_saved_with_the_pipeline(tmp_path):
    nlp = build_pipeline(names=[load_names_file(PACK)])
    nlp.to_disk(tmp_path / "pipe")
    build_pipeline()  # another pipeline in between puts the built-in names back
    loaded = spacy.load(tmp_path / "pipe")
    assert whose(loaded)["300"] == "Blue Hand"


def test_a_pack_of_the_wrong_shape_is_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"parties": {"Valdoria": "Valdorian"}}))
    with pytest.raises(ValueError, match="must be a list of strings"):
        load_names_file(bad)
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="not JSON"):
        load_names_file(bad)


def _subjects_from_cli(tmp_path, *extra):
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Officials in Port Ester said 300 soldiers were killed.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kursk_claims", "extract", str(article), "--no-store", "-f", "jsonl",
                          *extra], capture_output=True, text=True)
    return out, [json.loads(line)["subject"] for line in out.stdout.splitlines()]


def test_extract_names_option_reads_the_pack_in_one_process_and_in_workers(tmp_path):
    out, subjects = _subjects_from_cli(tmp_path)
    assert out.returncode == 0 and subjects != ["Valdoria"]
    out, subjects = _subjects_from_cli(tmp_path, "--names", str(PACK))
    assert out.returncode == 0 and subjects == ["Valdoria"]
    out, subjects = _subjects_from_cli(tmp_path, "--names", str(PACK), "--workers", "2")
    assert out.returncode == 0 and subjects == ["Valdoria"]


def test_extract_names_option_names_a_bad_pack_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"parties": ["Valdoria"]}', encoding="utf-8")
    out, subjects = _subjects_from_cli(tmp_path, "--names", str(bad))
    assert out.returncode == 2 and subjects == []
    assert out.stderr.strip().count("\n") == 0 and "bad.json" in out.stderr and "Traceback" not in out.stderr
