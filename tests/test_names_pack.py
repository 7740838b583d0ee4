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
