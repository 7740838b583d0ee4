"""Hostile input, round two: run-on text, odd saved models, broken stores, paths spelled two
ways, control characters, malformed sources files, streams, and what the help says."""
import re
import subprocess
import sys

import pytest

from kursk_claims.reading.sentences import MAX_SENTENCE_CHARS, sentence_spans

from .conftest import jsonl
from .test_hostile import invoke


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "kursk_claims", *args]


def _runon(n: int) -> str:
    items = ("{}% of the area", "{}.5 km2 of fields", "{}% of homes", "{} hectares of farmland")
    return ", ".join(items[i % 4].format(i % 90 + 1) for i in range(n))


# --- a run-on sentence ---------------------------------------------------------------------

def test_a_run_on_sentence_is_read_in_pieces_of_bounded_length():
    text = _runon(2500)  # about 40 KB, commas only, no full stop
    assert len(text) > 40_000 and "." not in text.replace(".5", "")
    spans = sentence_spans(text)
    assert len(spans) > 40
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text.count(",", a, b) <= 41 for a, b in spans)
    # the pieces cover the text in order, cut between figures, never inside one
    assert [a for a, _ in spans] == sorted(a for a, _ in spans)
    for a, _ in spans[1:]:
        assert re.match(r"\d", text[a]) and text[a - 2:a] == ", "


def test_a_run_on_page_without_clause_breaks_is_cut_at_spaces():
    text = " ".join(["word"] * 3000)
    spans = sentence_spans(text)
    assert all(b - a <= MAX_SENTENCE_CHARS for a, b in spans)
    assert all(text[a:b].split() == text[a:b].split(" ") for a, b in spans)  # whole words


def test_ordinary_sentences_are_not_cut():
    text = "Officials said 300 soldiers were killed, 40 were wounded, and 12 were missing. Then they left."
    assert sentence_spans(text) == [(0, 78), (79, 94)]


# --- a saved pipeline with a trained parser and entity recognizer ---------------------------

@pytest.fixture(scope="module")
def parser_ner_model(tmp_path_factory):
    import spacy
    from spacy.training import Example

    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    nlp.add_pipe("ner")
    doc = nlp.make_doc("Officials said 300 soldiers were killed .")
    ex = Example.from_dict(doc, {"heads": [1, 1, 3, 5, 5, 1, 1],
                                 "deps": ["nsubj", "ROOT", "nummod", "nsubjpass", "auxpass", "ccomp", "punct"],
                                 "entities": ["O", "O", "U-CARDINAL", "O", "O", "O", "O"]})
    nlp.initialize(lambda: [ex])
    path = tmp_path_factory.mktemp("parser_ner") / "model"
    nlp.to_disk(path)
    return path


def test_extract_with_a_saved_pipeline_holding_a_parser_and_ner(runner, in_tmp, parser_ner_model):
    (in_tmp / "a.txt").write_text("The ministry said about 12,000 troops had been deployed.\n", encoding="utf-8")
    r = invoke(runner, ["extract", "a.txt", "--model", str(parser_ner_model), "--no-store", "-f", "jsonl"])
    assert r.exit_code == 0, r.stderr
    assert [c["value"] for c in jsonl(r.stdout)] == [12000]


# --- show --html in a process that built no pipeline ---------------------------------------

def test_show_html_draws_the_claims_of_a_stored_article(in_tmp):
    (in_tmp / "a.txt").write_text("Officials said at least 300 soldiers were killed, according to Reuters.\n",
                                  encoding="utf-8")
    assert subprocess.run(_cli("extract", "a.txt"), cwd=in_tmp, capture_output=True, timeout=120).returncode == 0
    p = subprocess.run(_cli("show", "a.txt", "--html", "a.html"), cwd=in_tmp, capture_output=True, text=True,
                       timeout=120)
    assert p.returncode == 0 and "Traceback" not in p.stderr, p.stderr
    assert "Wrote a.html (1 claims" in p.stderr
    page = (in_tmp / "a.html").read_text(encoding="utf-8")
    assert "300" in page and "killed" in page
