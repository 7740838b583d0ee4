"""A trained pipeline with a parser (one the test trains itself, no download): the counted noun
comes from the parser's noun chunks, and its sentences from the parse."""
import pytest
import spacy
from spacy.training import Example

from kursk_claims.reading import context
from kursk_claims.pipeline import build_pipeline

TRAIN = [
    ("Kyiv said it destroyed 40 armoured vehicles .",
     [1, 1, 3, 1, 6, 6, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp", "nummod", "amod", "dobj", "punct"]),
    ("The army lost 12 heavy guns .",
     [1, 2, 2, 5, 5, 2, 2], ["det", "nsubj", "ROOT", "nummod", "amod", "dobj", "punct"]),
]
POS = {"kyiv": "PROPN", "said": "VERB", "it": "PRON", "destroyed": "VERB", "40": "NUM", "armoured": "ADJ",
       "vehicles": "NOUN", ".": "PUNCT", "the": "DET", "army": "NOUN", "lost": "VERB", "12": "NUM",
       "heavy": "ADJ", "guns": "NOUN"}


@pytest.fixture(scope="module")
def parsed_model(tmp_path_factory):
    """A blank English pipeline with a parser trained on two sentences and an attribute ruler
    for their parts of speech, saved to disk as a user's trained pipeline would be."""
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("en")
    parser = nlp.add_pipe("parser")
    for label in {d for _, _, deps in TRAIN for d in deps}:
        parser.add_label(label)
    examples = [Example.from_dict(nlp.make_doc(text), {"heads": heads, "deps": deps}) for text, heads, deps in TRAIN]
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(40):
        nlp.update(examples, sgd=optimizer)
    ruler = nlp.add_pipe("attribute_ruler")
    for word, pos in POS.items():
        ruler.add([[{"LOWER": word}]], {"POS": pos})
    doc = nlp(TRAIN[0][0])
    assert [t.dep_ for t in doc] == TRAIN[0][2], "the parser did not learn its two sentences"
    path = tmp_path_factory.mktemp("parsed") / "model"
    nlp.to_disk(path)
    return path


def test_a_parser_supplies_the_sentences_and_the_counted_noun(parsed_model):
    nlp = build_pipeline(str(parsed_model))
    assert "kursk_sentences" not in nlp.pipe_names  # the parse gives the sentences
    assert nlp.get_pipe("kursk_context").use_parser
    (c,) = nlp("Kyiv said it destroyed 40 armoured vehicles .")._.claims
    assert (c["text"], c["counted"]) == ("40", "armoured vehicles")


def test_the_noun_chunk_is_read_where_the_rules_find_nothing(parsed_model, monkeypatch):
    """With the word rules silenced, the counted noun still comes, from the parse; a pipeline
    without a parser then has none."""
    monkeypatch.setattr(context, "read_counted", lambda text, pos, limit=None: (None, pos, pos))
    monkeypatch.setattr(context, "read_counted_before", lambda text, pos, floor: (None, pos, pos))
    (parsed,) = build_pipeline(str(parsed_model))("The army lost 12 heavy guns .")._.claims
    (rules,) = build_pipeline()("The army lost 12 heavy guns .")._.claims
    assert parsed["counted"] == "heavy guns"
    assert rules["counted"] is None
