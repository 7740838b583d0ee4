"""The spaCy components on spacy.blank("en"), and the --model path with a saved pipeline."""
import os

import pytest
import spacy
from spacy.pipeline import EntityRuler  # noqa: F401  (registers the entity_ruler factory)

from kursk_claims.io.articles import Article
from kursk_claims.run.extract import extract_article
from kursk_claims.pipeline import COMPONENTS, build_pipeline, load_model


def test_pipeline_components_are_registered_on_blank(nlp):
    assert nlp.pipe_names == ["kursk_sentences", *COMPONENTS]
    assert nlp.meta["lang"] == "en"


def test_pipeline_sentences_respect_abbreviations_and_lines(nlp):
    doc = nlp("Gen. Smith said the U.S. sent 300 troops. Then 20 more came.\nHeadline 5 here")
    assert [s.text.strip() for s in doc.sents] == [
        "Gen. Smith said the U.S. sent 300 troops.", "Then 20 more came.", "Headline 5 here"]


def test_pipeline_numbers_component_finds_numerals(nlp):
    doc = nlp("They sent eleven thousand men and 40 tanks.")
    assert [(n[0], n[2]) for n in doc._.numerals] == [(10, 11000.0), (34, 40.0)]


def test_pipeline_claims_have_reading_and_context(nlp):
    doc = nlp("Russian forces suffered at least 700,000 casualties, according to Ukrinform.")
    (c,) = doc._.claims
    assert (c["text"], c["value"], c["bound"], c["counted"]) == ("at least 700,000", 700000, "at_least", "casualties")
    assert (c["subject"], c["measure"], c["attribution"]) == ("Russia", "casualties", "Ukrinform")


def test_pipeline_attribution_from_quote_speaker(nlp):
    text = 'The analyst Jane Roe wrote: "The army lost 4,500 tanks."'
    (c,) = nlp(text)._.claims
    assert c["attribution"] == "analyst Jane Roe"


def test_pipeline_attribution_pronoun_takes_last_named_speaker(nlp):
    text = "Gerasimov declared that the operation was over. He claimed Ukraine lost approximately 76,000 soldiers."
    (c,) = nlp(text)._.claims
    assert c["attribution"] == "Gerasimov"
    assert c["subject"] == "Ukraine"


def test_pipeline_scope_marks_period_figures(nlp):
    (c,) = nlp("More than 1,000 people were killed in the past week alone.")._.claims
    assert c["scope"].startswith("period:")


def test_pipeline_date_resolves_against_article_date(nlp):
    art = Article("a.txt", "On Tuesday (December 17), officials said 300 soldiers were wounded.", published="2024-12-20")
    (c,) = extract_article(nlp, art)
    assert c.as_of == "2024-12-17"
    assert c.measure == "wounded"


def test_pipeline_date_unknown_without_article_date(nlp):
    (c,) = extract_article(nlp, Article("a.txt", "On December 17, 300 soldiers were wounded."))
    assert c.as_of is None


def test_pipeline_docs_cross_processes(nlp):
    texts = ["About 12,000 soldiers were sent.", "Up to 40 percent of the land was lost."] * 3
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [d._.claims[0]["text"] for d in docs] == ["About 12,000", "Up to 40 percent"] * 3


def _saved_pipeline(tmp_path):
    """A small 'trained' pipeline: an entity ruler that knows two names, saved to disk."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "John Kirby"},
                        {"label": "ORG", "pattern": "National Security Council"}])
    path = tmp_path / "tiny_model"
    nlp.to_disk(path)
    return path


def test_pipeline_loads_saved_model_and_uses_its_entities(tmp_path):
    path = _saved_pipeline(tmp_path)
    nlp = build_pipeline(str(path))
    assert nlp.pipe_names[:2] == ["kursk_sentences", "entity_ruler"]
    text = "The spokesman for the National Security Council John Kirby said that 300 soldiers were killed."
    (c,) = nlp(text)._.claims
    assert c["attribution"] == "John Kirby"


def test_pipeline_unknown_model_is_a_clear_error():
    import pytest

    from kursk_claims.core.errors import ModelError

    with pytest.raises(ModelError, match="pip install"):
        load_model("en_no_such_pipeline_sm")


def test_pipeline_measure_word_right_before_figure_wins(nlp):
    doc = nlp("A missile struck Kharkiv, killing 3 people and wounding 21, the governor said.")
    assert [(c["text"], c["measure"]) for c in doc._.claims] == [("3", "killed"), ("21", "wounded")]


def test_pipeline_counted_things_decide_equipment(nlp):
    (c,) = nlp("Russia has also lost 9,538 tanks.")._.claims
    assert (c["counted"], c["measure"]) == ("tanks", "equipment")


def test_pipeline_bracketed_conversion_is_a_claim_with_the_same_noun(nlp):
    claims = nlp("Ukraine held about 1,000 square km (386 square miles) of Russian territory.")._.claims
    assert [(c["text"], c["counted"], c["subject"]) for c in claims] == [
        ("about 1,000 square km", "Russian territory", "Russia"), ("386 square miles", "Russian territory", "Russia")]


def test_pipeline_counted_named_before_the_figure(nlp):
    claims = nlp("The death toll rose to 300. Russia suffered losses of 5,000 in a week.")._.claims
    assert [(c["counted"], c["measure"]) for c in claims] == [("death toll", "killed"), ("losses", "casualties")]


def test_forked_workers_start_with_the_parents_pipeline(nlp, monkeypatch, tmp_path):
    """With fork, the workers read with the parent's (warmed) pipeline instead of building one
    each; the claims are those of one process, and nothing is left behind after the run."""
    import multiprocessing

    from kursk_claims.run import extract as ex

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    def build_and_say_so(model=None):  # the workers are other processes: they leave a file
        (tmp_path / f"built-{os.getpid()}").touch()
        return build_pipeline(model)

    monkeypatch.setattr(ex, "build_pipeline", build_and_say_so)
    articles = [Article(f"a{i}.txt", f"On Monday the ministry said {100 + i} soldiers had been killed.") for i in range(6)]
    one = [[c.to_dict() for c in claims] for _, claims, _ in ex.extract_articles(nlp, iter(articles))]
    two = [[c.to_dict() for c in claims] for _, claims, _ in ex.extract_articles(nlp, iter(articles), workers=2, batch_size=1)]
    assert two == one and all(len(c) == 1 for c in one)
    assert list(tmp_path.iterdir()) == []  # no worker built a pipeline of its own
    assert ex._worker_nlp is None


def test_the_context_component_reads_through_discourse():
    """kursk_context only calls reading/discourse.py: the same claims come out of both."""
    import copy

    from kursk_claims.pipeline.components import doc_text
    from kursk_claims.reading import discourse

    nlp = build_pipeline()
    text = "Russia lost 57,500 killed and 250,000 wounded, up from 40,000 in May."
    with nlp.select_pipes(disable=["kursk_context", "kursk_dates", "kursk_spans"]):
        doc = nlp(text)
    claims = copy.deepcopy(doc._.claims)
    discourse.read_context(doc_text(doc), claims)
    full = nlp(text)._.claims
    for mine, theirs in zip(claims, full):
        assert {k: mine[k] for k in ("counted", "subject", "measure", "scope", "what", "figure")} == \
               {k: theirs[k] for k in ("counted", "subject", "measure", "scope", "what", "figure")}
    assert len(claims) == len(full) >= 2
